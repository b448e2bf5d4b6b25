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
    clause_negations: tuple[str, ...]
    """Phrases that deny the whole clause ("no need to …", "geen reden om …")."""
    pseudo_negations: tuple[str, ...]
    """Look like negation but aren't ("no problem", "not only", "never happen again")."""
    future: frozenset[str]
    future_phrases: tuple[str, ...]
    future_times: tuple[str, ...]
    """Time words that only point ahead ("tomorrow", "by friday", "within 3 days")."""
    past: frozenset[str]
    """Past-tense forms and words that place the clause in the past."""
    past_times: tuple[str, ...]
    other_times: tuple[str, ...]
    """Another occasion than this case ("last year", "years ago"): what happened then is not done now."""
    perfect_aux: frozenset[str]
    speaker: frozenset[str]
    addressee: frozenset[str]
    third: frozenset[str]
    """People or teams other than the speaker: "someone else will" is not a promise of the speaker's."""
    prepositions: frozenset[str]
    """Before a question word they still open a question ("with whom", "met wie")."""
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
        wasnt werent havent hasnt hadnt aint mustnt neednt neither nor nothing nobody noone none""".split()),
    forward_negators=frozenset("no without nowhere".split()),
    forward_phrases=("instead of", "rather than", "in place of", "far from"),
    clause_negations=("no need", "no reason", "no point", "not necessary", "unnecessary", "no way"),
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
        "cant imagine", "cannot imagine", "couldnt be", "no need to wait", "do not hesitate", "dont hesitate",
        "never hesitate",
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
    other_times=("last year", "last month", "last winter", "last summer", "last spring", "last autumn", "years ago",
                 "months ago", "back in", "a few years", "in the past", "previous trip", "another booking",
                 "a different booking", "another flight", "a different flight", "previous booking"),
    perfect_aux=frozenset("have has ive weve hasnt havent had".split()),
    speaker=frozenset("i im ive ill id we were weve well wed us myself ourselves me".split()),
    addressee=frozenset("you youll youre youve youd yourself".split()),
    third=frozenset("""he she they someone somebody anyone colleague colleagues team department desk staff
        manager managers agent agents counter crew station office theyll theyre theyve shell hell theyd
        others person people handler handlers supervisor relations claims insurance insurer airport
        airline agency company contractor reply replies""".split()),
    prepositions=frozenset("with about for from to in on at by of".split()),
    question_words=frozenset("what why how when where which who whom whose hows whats wheres whos whys".split()),
    inverted=frozenset("""can could would will do does did have has is are was were shall should may might
        cant couldnt wouldnt dont doesnt didnt havent hasnt isnt arent wasnt werent""".split()),
    subjects=frozenset("i you we they he she it there anyone someone anybody somebody".split()),
    indirect_questions=(
        "tell me", "let me know", "walk me through", "talk me through", "take me through", "fill me in",
        "id like to know", "i would like to know", "i want to know", "id love to know", "i wonder",
        "im wondering", "i was wondering", "help me understand", "describe", "explain to me", "share with me",
        "can you tell", "could you tell", "would you tell", "do you know", "do you remember",
        "give me an idea", "what you", "i need to know", "curious", "may i ask", "can i ask", "could i ask",
        "mind telling", "mind sharing", "let me know which", "let me know what", "let me know how",
        "let me know if", "tell me which", "pick whichever", "choose whichever",
    ),
    offer_questions=(
        "shall i", "should i", "would you like", "do you want", "can i", "may i", "could i", "would it help",
        "how about", "what about", "would you prefer", "shall we", "should we", "can we", "would you be",
    ),
    rhetorical=(
        "what do you expect", "what did you expect", "what else did you expect", "who cares", "are you kidding",
        "are you serious", "yeah right", "oh sure", "sure thing buddy", "poor you", "boo hoo",
        "cry me a river", "first world problem", "welcome to flying", "big deal", "get over it", "yeah sure",
        "nice try", "let me guess", "obviously", "of course not", "as though",
        "could be worse", "worse things",
        "what a tragedy", "how tragic", "how awful for you", "your majesty", "princess", "precious",
        "as if", "like that matters", "like i care", "good luck with that", "congratulations", "wow just wow",
        "not my problem",
    ),
    hedges=(
        "hope", "hopefully", "maybe", "perhaps", "might", "possibly", "probably", "try to", "try and",
        "if possible", "i think", "i guess", "i suppose", "i believe", "someday", "some day", "at some point",
        "eventually", "one day", "not sure", "no idea", "wish", "in theory", "supposedly", "apparently",
        "sometimes", "usually", "normally", "generally", "in general", "typically", "often", "looks like",
        "it seems", "seems", "possible", "its possible", "could be",
    ),
    polite=("would like", "would love", "would be happy", "would be glad", "id like", "id love", "id be happy",
            "id be glad", "wed like", "wed love", "wed be happy", "would you like", "would recommend",
            "would suggest", "would advise", "would prefer", "id recommend", "id suggest", "id advise", "id prefer",
            "wed recommend", "wed suggest", "wed prefer", "wed advise", "would rather", "id rather"),
    irrealis=frozenset("would could wouldve couldve id wed might".split()),
    conditional=frozenset("if unless whether".split()),
    reporting=(
        "you said", "you wrote", "you say", "you mentioned", "you asked", "you called", "you told", "they said",
        "they told", "he said", "she said", "told you", "said that", "was told", "were told", "you were told",
        "according to", "quote", "they claim", "claimed", "the gate said", "they announced", "announced",
        "called it", "blamed", "says", "quotes", "quoted", "you heard", "you were informed", "you ask", "youre asking", "you are asking", "you wonder",
        "your message said",
    ),
    ability=frozenset("can could may might cant".split()),
    breaks=frozenset("but however although though whereas because since unless until while yet except nor plus "
                     "then".split()),
    break_before_subject=frozenset("that which who when if as after before so and or".split()),
    emotive=frozenset("""sorry glad afraid understand know see notice noticed realise realize read appreciate
        gather hear heard sad shame pity""".split()),
    starters=frozenset("""i you we they he she it there the your our my this that his her their its other others
        no every everyone nobody people passengers customers""".split()),
)

NL = Lexicon(
    negators=frozenset("niet nooit noch evenmin nimmer niets niks niemand".split()),
    forward_negators=frozenset("geen zonder nergens".split()),
    forward_phrases=("in plaats van", "liever dan", "in plaats daarvan", "verre van"),
    clause_negations=("geen reden", "geen noodzaak", "geen zin", "niet nodig", "hoeft niet", "hoef je niet",
                      "hoeft u niet", "geen sprake"),
    pseudo_negations=(
        "niet alleen", "niet enkel", "geen probleem", "geen zorgen", "geen idee of", "geen dank", "zonder meer",
        "zonder twijfel", "zonder uitzondering", "niet meer gebeurt", "niet meer gebeuren", "niet weer gebeurt",
        "niet nog eens", "nooit meer", "niet meer voorkomt", "niet meer voor", "niet opnieuw",
        "niet voor niets", "niet later dan", "niet ok", "niet oke", "niet in orde", "niet goed", "niet de bedoeling",
        "niet wat je", "niet wat u", "niet jouw schuld", "niet uw schuld", "geen excuus", "niet eerlijk",
        "niet acceptabel", "niet normaal", "niet zoals", "niet gebeuren", "niet hebben mogen", "niet mogen",
        "niet had mogen", "niet hadden mogen", "zich geen zorgen", "je geen zorgen", "u geen zorgen",
        "niemand anders", "geen andere passagier", "nergens anders", "aarzel niet", "aarzel dan niet",
        "aarzelt u niet", "aarzel gerust niet",
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
    other_times=("vorig jaar", "vorige maand", "vorige winter", "vorige zomer", "jaren geleden", "maanden geleden",
                 "in het verleden", "een andere vlucht", "een andere boeking", "vorige reis", "eerdere reis"),
    perfect_aux=frozenset("heb hebt heeft hebben had hadden is zijn ben bent".split()),
    speaker=frozenset("ik we wij me mij ons onze mijzelf mezelf".split()),
    addressee=frozenset("je jij u jullie jou".split()),
    third=frozenset("""hij zij ze iemand collega collegas team afdeling balie personeel manager medewerker
        medewerkers grondpersoneel bemanning station kantoor anderen men verzekering verzekeraar luchthaven
        reisverzekering claimafdeling klantenservice reisbureau bedrijf antwoord""".split()),
    prepositions=frozenset("met over voor van naar in op aan bij om".split()),
    question_words=frozenset("wat waarom hoe wanneer waar welke welk wie waarmee waardoor hoezo".split()),
    inverted=frozenset("""kun kunt kan kon wil wilt zou zal zullen heb hebt heeft hebben ben bent is zijn was waren
        mag mogen moet moeten weet weten doe doet deed ga gaat gaan vind vindt wist""".split()),
    subjects=frozenset("je jij u jullie ik we wij hij zij ze het er iemand".split()),
    indirect_questions=(
        "vertel", "vertel me", "laat me weten", "laat weten", "laat ons weten", "ik wil graag weten",
        "ik zou graag willen weten", "ik vraag me af", "ik ben benieuwd", "benieuwd", "kun je vertellen",
        "kunt u vertellen", "kun je me vertellen", "kunt u me vertellen", "neem me mee", "beschrijf",
        "leg eens uit", "leg me uit", "wil je vertellen", "wilt u vertellen", "zou je", "zou u", "mag ik vragen",
        "mag ik je vragen", "mag ik u vragen", "zeg maar", "zegt u maar", "laat maar weten", "kies maar",
        "kiest u maar", "geef maar aan", "geeft u maar aan", "laat me even weten", "laat even weten",
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
        "echt waar", "gefeliciteerd", "succes ermee", "niet mijn probleem", "nice try", "laat me raden",
        "natuurlijk niet", "uiteraard niet", "dan maar", "gaat vast lukken", "vast wel",
        "ergere dingen", "wie wil er nou", "nou nog",
        "zoek het maar uit", "jammer dan", "pech gehad", "als of", "alsof", "prinses", "hoogheid",
    ),
    hedges=(
        "hoop", "hopelijk", "misschien", "wellicht", "mogelijk", "waarschijnlijk", "proberen", "probeer",
        "als het kan", "indien mogelijk", "denk ik", "ik denk", "ik geloof", "ooit", "op een dag", "ergens",
        "eventueel", "in theorie", "zou kunnen", "zouden kunnen", "kan zijn", "geen idee", "weet niet",
        "schijnbaar", "blijkbaar", "vermoedelijk", "soms", "meestal", "normaal gesproken", "doorgaans",
        "in principe", "in het algemeen", "vaak", "lijkt", "zo te zien", "het lijkt erop",
    ),
    polite=("zou graag", "zouden graag", "wil graag", "willen graag", "doe ik graag", "help ik graag",
            "zou je willen", "zou u willen", "zou je aanraden", "zou u aanraden", "zou ik je aanraden",
            "zou ik u aanraden", "zou ik aanraden", "zou het aanraden", "zou liever", "zouden liever"),
    irrealis=frozenset("zou zouden kon konden".split()),
    conditional=frozenset("als indien mocht tenzij ingeval".split()),
    reporting=(
        "je zei", "jij zei", "u zei", "zei je", "zei u", "je schreef", "u schreef", "zeiden ze", "ze zeiden",
        "zei de", "zei het", "riep", "omgeroepen", "volgens", "werd gezegd", "werd verteld",
        "kreeg je te horen", "kreeg u te horen", "te horen gekregen", "beweerde", "beweren", "noemde",
        "noemden", "de schuld gaven", "je vraagt", "u vraagt", "je vroeg", "u vroeg", "vroeg je", "vroeg u",
        "zegt", "zei dat", "zeiden dat", "gezegd dat", "hoorde je", "hoorde u", "heb je gehoord", "citeert",
        "schreef dat",
    ),
    ability=frozenset("kunt kan kun mag mogen kunnen".split()),
    breaks=frozenset("maar echter hoewel ofschoon terwijl want omdat doordat zodat waardoor tenzij totdat "
                     "sinds daarna dus".split()),
    break_before_subject=frozenset("dat die als wanneer toen nadat voordat en of".split()),
    emotive=frozenset("""sorry spijt jammer begrijp snap weet zie merk lees hoor vervelend rot balen erg""".split()),
    starters=frozenset("""je jij u jullie ik we wij hij zij ze het er de het dit dat uw jouw onze mijn uw andere
        niemand iedereen geen passagiers reizigers klanten""".split()),
)

LEXICONS = {"en": EN, "nl": NL}


def lexicon(language: str) -> Lexicon:
    return LEXICONS.get(language, EN)
