"""The words that carry grammar, per language: negation, time, who acts, mood, hedges, clause breaks.

Every list is in normalised form (lower case, no accents, apostrophes dropped: "didn't" → "didnt").
Multi-word entries are written with spaces and matched as consecutive words.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    negators: frozenset[str]
    """Negate the whole clause they stand in (English "not", Dutch "niet": Dutch puts it at the end)."""
    forward_negators: frozenset[str]
    """Negate what follows them in the clause ("no refund", "without a voucher", "geen excuses")."""
    forward_phrases: tuple[str, ...]
    """Phrases that negate what follows them ("instead of a refund", "in plaats van geld")."""
    pseudo_negations: tuple[str, ...]
    """Look like negation but aren't ("no problem", "not only", "never happen again")."""
    future: frozenset[str]
    future_phrases: tuple[str, ...]
    future_times: tuple[str, ...]
    """Time words that only point ahead ("tomorrow", "by friday", "within 3 days")."""
    past: frozenset[str]
    """Past-tense forms and words that place the clause in the past."""
    past_times: tuple[str, ...]
    perfect_aux: frozenset[str]
    speaker: frozenset[str]
    addressee: frozenset[str]
    third: frozenset[str]
    """People or teams other than the speaker: "someone else will" is not a promise of the speaker's."""
    question_words: frozenset[str]
    inverted: frozenset[str]
    """Auxiliaries that start a yes-no question when followed by a subject ("can you", "kun je")."""
    subjects: frozenset[str]
    indirect_questions: tuple[str, ...]
    """Requests for information without a question mark ("tell me", "laat me weten")."""
    offer_questions: tuple[str, ...]
    """Questions that offer ("shall I", "would you like", "zal ik"): they count as saying the offer."""
    rhetorical: tuple[str, ...]
    """Sarcasm and rhetorical questions: what they seem to say is not what they mean."""
    hedges: tuple[str, ...]
    polite: tuple[str, ...]
    """Look like hedges but are plain offers ("would like to", "zou graag")."""
    irrealis: frozenset[str]
    conditional: frozenset[str]
    """Open a clause that is only a condition ("if", "als")."""
    reporting: tuple[str, ...]
    """Someone else's words follow ("you said", "the gate told you"): a mention, not a statement."""
    ability: frozenset[str]
    """With the addressee as subject, "you can …" tells her what she may do herself."""
    breaks: frozenset[str]
    """Words that always open a new clause."""
    break_before_subject: frozenset[str]
    """Words that open a new clause when a subject follows ("that you", "dat je")."""
    emotive: frozenset[str]
    """After these a new clause may start without "that" ("sorry you lost", "I know you're tired")."""
    starters: frozenset[str]
    """Subjects that can start such a clause."""


EN = Lexicon(
    negators=frozenset("""not nt never dont doesnt didnt cant cannot couldnt wont wouldnt shouldnt isnt arent
        wasnt werent havent hasnt hadnt aint mustnt neednt neither nor""".split()),
    forward_negators=frozenset("no without nothing none nobody noone nowhere".split()),
    forward_phrases=("instead of", "rather than", "in place of", "far from"),
    pseudo_negations=(
        "not only", "not just", "no doubt", "no problem", "no problems", "no worries", "no wonder", "no matter",
        "nothing but", "no later than", "not later than", "without delay", "without fail", "without question",
        "without doubt", "no question", "never again", "never happen", "never happens", "not happen again",
        "doesnt happen again", "wont happen again", "dont happen again", "not happen to", "doesnt happen to",
        "wont happen to", "not to happen", "never to happen", "no longer", "not be happening", "nobody else",
        "no one else", "no other passenger", "not okay", "not ok", "not fair", "not acceptable",
        "not good enough", "not what you", "not your fault", "not yours", "no excuse", "not right",
        "no fun", "not nice", "not how", "not the service", "not the experience", "dont worry",
        "didnt deserve", "dont deserve", "shouldnt have", "should not have", "should never have",
        "cant imagine", "cannot imagine", "couldnt be", "no need to wait",
    ),
    future=frozenset("will ill well shall gonna youll theyll shell hell itll wont".split()),
    future_phrases=("going to", "about to", "am going", "are going", "is going", "plan to", "intend to",
                    "im going", "were going", "i am going"),
    future_times=(
        "tomorrow", "tonight", "later today", "later", "next week", "next month", "by friday", "by monday",
        "by tuesday", "by wednesday", "by thursday", "by saturday", "by sunday", "by the end", "by end of",
        "by tomorrow", "by tonight", "within", "in an hour", "in the next", "in a few", "first thing",
        "as soon as", "before the end", "no later than", "right after", "this afternoon", "this evening",
        "end of the day", "end of day", "asap", "shortly", "soon",
    ),
    past=frozenset("""was were had did said told went got made sent gave took came saw knew thought found
        left paid flew sat asked called wrote happened failed released changed moved cancelled canceled
        missed lost broke forgot ignored yesterday ago""".split()),
    past_times=("yesterday", "last week", "last month", "last year", "last time", "ago", "earlier today",
                "this morning", "last night", "already", "back then", "at the time", "before that"),
    perfect_aux=frozenset("have has ive weve hasnt havent had".split()),
    speaker=frozenset("i im ive ill id we were weve well wed us myself ourselves me".split()),
    addressee=frozenset("you youll youre youve youd yourself".split()),
    third=frozenset("""he she they someone somebody anyone colleague colleagues team department desk staff
        manager managers agent agents counter crew station office theyll theyre theyve shell hell theyd
        others person people handler handlers supervisor relations claims insurance insurer airport
        airline""".split()),
    question_words=frozenset("what why how when where which who whom whose".split()),
    inverted=frozenset("""can could would will do does did have has is are was were shall should may might
        cant couldnt wouldnt dont doesnt didnt havent hasnt isnt arent wasnt werent""".split()),
    subjects=frozenset("i you we they he she it there anyone someone anybody somebody".split()),
    indirect_questions=(
        "tell me", "let me know", "walk me through", "talk me through", "take me through", "fill me in",
        "id like to know", "i would like to know", "i want to know", "id love to know", "i wonder",
        "im wondering", "i was wondering", "help me understand", "describe", "explain to me", "share with me",
        "can you tell", "could you tell", "would you tell", "do you know", "do you remember",
        "give me an idea", "what you", "i need to know", "curious",
    ),
    offer_questions=(
        "shall i", "should i", "would you like", "do you want", "can i", "may i", "could i", "would it help",
        "how about", "what about", "would you prefer", "shall we", "should we", "can we", "would you be",
    ),
    rhetorical=(
        "what do you expect", "what did you expect", "what else did you expect", "who cares", "are you kidding",
        "are you serious", "seriously", "yeah right", "oh sure", "sure thing buddy", "poor you", "boo hoo",
        "cry me a river", "first world problem", "welcome to flying", "big deal", "get over it",
        "what a tragedy", "how tragic", "how awful for you", "your majesty", "princess", "precious",
        "as if", "like that matters", "like i care", "good luck with that", "congratulations", "wow just wow",
        "lol", "lmao", "haha", "not my problem",
    ),
    hedges=(
        "hope", "hopefully", "maybe", "perhaps", "might", "possibly", "probably", "try to", "try and",
        "if possible", "i think", "i guess", "i suppose", "i believe", "someday", "some day", "at some point",
        "eventually", "one day", "not sure", "no idea", "wish", "in theory", "supposedly", "apparently",
        "sometimes", "usually", "normally", "generally", "in general", "typically", "often",
    ),
    polite=("would like", "would love", "would be happy", "would be glad", "id like", "id love", "id be happy",
            "id be glad", "wed like", "wed love", "wed be happy", "would you like"),
    irrealis=frozenset("would could wouldve couldve id wed might".split()),
    conditional=frozenset("if unless whether".split()),
    reporting=(
        "you said", "you wrote", "you say", "you mentioned", "you asked", "you called", "you told", "they said",
        "they told", "he said", "she said", "told you", "said that", "was told", "were told", "you were told",
        "according to", "quote", "they claim", "claimed", "the gate said", "they announced", "announced",
        "called it", "blamed", "says", "you ask", "youre asking", "you are asking", "you wonder", "your tweet",
        "your thread", "your post", "your message said",
    ),
    ability=frozenset("can could may might cant".split()),
    breaks=frozenset("but however although though whereas because since unless until while yet except nor plus "
                     "then".split()),
    break_before_subject=frozenset("that which who when if as after before so and or".split()),
    emotive=frozenset("""sorry glad afraid understand know see notice noticed realise realize read appreciate
        gather hear heard sad shame pity""".split()),
    starters=frozenset("""i you we they he she it there the your our my this that his her their its
        ruben""".split()),
)

NL = Lexicon(
    negators=frozenset("niet nooit noch evenmin nimmer".split()),
    forward_negators=frozenset("geen zonder niets niks niemand nergens".split()),
    forward_phrases=("in plaats van", "liever dan", "in plaats daarvan", "verre van"),
    pseudo_negations=(
        "niet alleen", "niet enkel", "geen probleem", "geen zorgen", "geen idee of", "geen dank", "zonder meer",
        "zonder twijfel", "zonder uitzondering", "niet meer gebeurt", "niet meer gebeuren", "niet weer gebeurt",
        "niet nog eens", "nooit meer", "niet meer voorkomt", "niet meer voor", "niet opnieuw",
        "niet voor niets", "niet later dan", "niet ok", "niet oke", "niet in orde", "niet goed", "niet de bedoeling",
        "niet wat je", "niet wat u", "niet jouw schuld", "niet uw schuld", "geen excuus", "niet eerlijk",
        "niet acceptabel", "niet normaal", "niet zoals", "niet gebeuren", "niet hebben mogen", "niet mogen",
        "niet had mogen", "niet hadden mogen", "zich geen zorgen", "je geen zorgen", "u geen zorgen",
        "niemand anders", "geen andere passagier", "nergens anders",
    ),
    future=frozenset("ga gaan gaat zal zullen zult zou zouden".split()) - {"zou", "zouden"},
    future_phrases=("ga ik", "gaan we", "gaan wij", "ik ga", "we gaan", "wij gaan", "ben van plan", "zijn van plan"),
    future_times=(
        "morgen", "straks", "vanavond", "vanmiddag", "later vandaag", "volgende week", "volgende maand",
        "uiterlijk", "binnen", "voor het einde", "voor vrijdag", "voor maandag", "voor morgen", "zo snel mogelijk",
        "zodra", "direct na", "eind van de dag", "einde van de dag", "morgenochtend", "morgenvroeg", "zo meteen",
        "zometeen", "dadelijk", "binnenkort", "om 09 00", "nog vandaag",
    ),
    past=frozenset("""was waren had hadden werd werden deed deden zei zeiden gaf gaven kreeg kregen ging gingen
        kwam kwamen stond zat zaten wist dacht vond vroeg belde schreef gebeurde stuurde meldde gisteren
        geleden eergisteren""".split()),
    past_times=("gisteren", "vorige week", "vorige maand", "vorig jaar", "vorige keer", "geleden", "eerder vandaag",
                "vanochtend", "vannacht", "toen", "destijds", "al eerder", "eergisteren"),
    perfect_aux=frozenset("heb hebt heeft hebben had hadden is zijn ben bent".split()),
    speaker=frozenset("ik we wij me mij ons onze mijzelf mezelf".split()),
    addressee=frozenset("je jij u jullie jou".split()),
    third=frozenset("""hij zij ze iemand collega collegas team afdeling balie personeel manager medewerker
        medewerkers grondpersoneel bemanning station kantoor anderen men verzekering verzekeraar luchthaven
        reisverzekering claimafdeling klantenservice""".split()),
    question_words=frozenset("wat waarom hoe wanneer waar welke welk wie waarmee waardoor hoezo".split()),
    inverted=frozenset("""kun kunt kan kon wil wilt zou zal zullen heb hebt heeft hebben ben bent is zijn was waren
        mag mogen moet moeten weet weten doe doet deed ga gaat gaan vind vindt wist""".split()),
    subjects=frozenset("je jij u jullie ik we wij hij zij ze het er iemand".split()),
    indirect_questions=(
        "vertel", "vertel me", "laat me weten", "laat weten", "laat ons weten", "ik wil graag weten",
        "ik zou graag willen weten", "ik vraag me af", "ik ben benieuwd", "benieuwd", "kun je vertellen",
        "kunt u vertellen", "kun je me vertellen", "kunt u me vertellen", "neem me mee", "beschrijf",
        "leg eens uit", "leg me uit", "wil je vertellen", "wilt u vertellen", "zou je", "zou u",
    ),
    offer_questions=(
        "zal ik", "zullen we", "wil je", "wilt u", "mag ik", "kan ik", "zou je willen", "zou u willen",
        "wat dacht je van", "wat dacht u van", "wat vind je van", "wat vindt u van", "heb je liever",
        "hebt u liever", "heeft u liever", "liever",
    ),
    rhetorical=(
        "wat had je dan verwacht", "wat had u dan verwacht", "wat verwacht je", "wat verwacht u", "ja hoor",
        "tuurlijk", "boeiend", "arme jij", "arme u", "boe hoe", "welkom in de luchtvaart", "niet zo zeuren",
        "stel je niet aan", "doe eens rustig", "rustig aan", "rustig maar", "wat een drama", "wat zielig",
        "serieus", "echt waar", "gefeliciteerd", "succes ermee", "haha", "lol", "niet mijn probleem",
        "zoek het maar uit", "jammer dan", "pech gehad", "als of", "alsof", "prinses", "hoogheid",
    ),
    hedges=(
        "hoop", "hopelijk", "misschien", "wellicht", "mogelijk", "waarschijnlijk", "proberen", "probeer",
        "als het kan", "indien mogelijk", "denk ik", "ik denk", "ik geloof", "ooit", "op een dag", "ergens",
        "eventueel", "in theorie", "zou kunnen", "zouden kunnen", "kan zijn", "geen idee", "weet niet",
        "schijnbaar", "blijkbaar", "vermoedelijk", "soms", "meestal", "normaal gesproken", "doorgaans",
        "in principe", "in het algemeen", "vaak",
    ),
    polite=("zou graag", "zouden graag", "wil graag", "willen graag", "doe ik graag", "help ik graag",
            "zou je willen", "zou u willen"),
    irrealis=frozenset("zou zouden kon konden".split()),
    conditional=frozenset("als indien mocht tenzij ingeval".split()),
    reporting=(
        "je zei", "jij zei", "u zei", "zei je", "zei u", "je schreef", "u schreef", "zeiden ze", "ze zeiden",
        "zei de", "zei het", "riep", "omgeroepen", "omroep", "volgens", "werd gezegd", "werd verteld",
        "kreeg je te horen", "kreeg u te horen", "te horen gekregen", "beweerde", "beweren", "noemde",
        "noemden", "de schuld gaven", "je vraagt", "u vraagt", "je vroeg", "u vroeg", "vroeg je", "vroeg u",
        "staat in je", "zegt", "je tweet", "jouw tweet",
    ),
    ability=frozenset("kunt kan kun mag mogen kunnen".split()),
    breaks=frozenset("maar echter hoewel ofschoon terwijl want omdat doordat zodat waardoor tenzij totdat "
                     "sinds daarna dus".split()),
    break_before_subject=frozenset("dat die als wanneer toen nadat voordat en of".split()),
    emotive=frozenset("""sorry spijt jammer begrijp snap weet zie merk lees hoor vervelend rot balen erg""".split()),
    starters=frozenset("""je jij u jullie ik we wij hij zij ze het er de het dit dat uw jouw onze mijn uw""".split()),
)

LEXICONS = {"en": EN, "nl": NL}


def lexicon(language: str) -> Lexicon:
    return LEXICONS.get(language, EN)
