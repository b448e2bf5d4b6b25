"""What the trade detector looks at in a turn: its form, its cue phrases (English and Dutch) and its words.

Every feature is a name and a value; the detector's model weighs them. The cue lists are the
project's own: general forms of questions, reflections, advice, information, self-disclosure,
affirmation and small talk, written for customer-service and helping conversations alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from trainer.meaning.matching import Words, matches_any, words

# Each cue is a tuple of `matching` patterns (`a + b` = both anywhere, `stem*` = any ending).
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "question_start": (
            "what", "whats", "why", "how", "hows", "when", "where", "which", "who", "whose", "whom",
            "do", "does", "did", "dont", "doesnt", "didnt", "are", "arent", "is", "isnt", "was", "were",
            "have", "has", "had", "havent", "can", "could", "would", "will", "shall", "should", "may",
            "anything", "any", "tell me", "i wonder", "im wondering", "i was wondering", "im curious",
            "id like to know", "may i ask", "can i ask", "could i ask",
        ),
        "check": (
            "is that right", "is that correct", "did i get that", "do i have that right", "right", "correct",
            "am i right", "is it", "isnt it", "did i understand",
        ),
        "reflection": (
            "sounds like", "it sounds", "that sounds", "you sound", "seems like", "it seems", "you seem",
            "you feel", "youre feeling", "you are feeling", "you felt", "youve been feeling", "makes you feel",
            "so you", "so youre", "so your", "so it", "what im hearing", "if i understand", "in other words",
            "you mean", "youre saying", "you are saying", "youre worried", "you are worried",
            "youre not sure", "you want", "you wish", "you would like", "youd like", "youre tired",
            "important to you", "matters to you", "on one hand", "part of you", "you care",
            "youre frustrated", "you are frustrated", "youre upset", "you are upset", "youre angry",
            "you were", "you have been", "youve been", "youve had", "it feels",
        ),
        "empathy": (
            "sorry", "i understand", "understandable", "i can imagine", "can only imagine", "must be",
            "must have been", "must feel", "that is hard", "thats hard", "thats tough", "that is tough",
            "difficult", "tough", "hard time", "frustrat*", "stressful", "upsetting", "awful", "terrible",
            "annoying", "painful", "i hear you", "makes sense", "of course", "not alone", "normal to",
            "natural to", "understand why", "understand how", "i get that", "i know how", "unfair",
            "disappoint*", "worr*", "scar*", "lonely", "sad", "hurt*", "overwhelm*", "anxious", "anxiety",
        ),
        "affirmation": (
            "proud", "well done", "great job", "good job", "good for you", "brave", "courage*", "strong",
            "you can do it", "you can do this", "i believe in you", "youre doing", "you are doing", "you did",
            "you have done", "youve done", "great that", "good that", "glad", "happy to hear", "good to hear",
            "that is great", "thats great", "amazing", "wonderful", "impressive", "good idea", "great idea",
            "right decision", "right thing", "step in the right", "you will get through", "youll get through",
            "it will be okay", "itll be okay", "everything will", "you deserve", "you are not", "youre not",
            "hang in there", "you matter", "admir*", "credit", "it takes",
        ),
        "suggestion": (
            "you could", "you can", "you might", "you may want", "you should", "you need to", "you have to",
            "you ought", "maybe you", "perhaps you", "maybe try", "try", "trying", "have you tried",
            "have you thought", "have you considered", "did you try", "i suggest", "i would suggest",
            "id suggest", "i recommend", "i would recommend", "id recommend", "my advice", "advice", "advise",
            "it might help", "it may help", "it could help", "it can help", "it would help", "might help",
            "would help", "could help", "helpful", "how about", "what about", "why not", "why dont you",
            "consider", "a good idea", "a good way", "the best way", "best thing", "recommend*", "suggest*",
            "tip", "tips", "option*", "plan", "step", "steps", "goal", "make sure", "remember to",
            "its worth", "it is worth", "worth it", "instead", "if i were you", "i think you should",
            "dont forget", "reach out", "talk to", "look into", "look for", "sign up", "join",
        ),
        "action": (
            "i will", "ill", "i am going to", "im going to", "let me", "i can", "i could", "we can", "we will",
            "well", "i have", "ive", "i just", "i already", "i put", "i made", "i booked", "i sent", "i added",
            "i changed", "i arranged", "i checked", "i looked", "refund*", "rebook*", "voucher", "credit",
            "compensat*", "replace*", "repair*", "escalat*", "fix*", "solution", "solve", "resolve*",
            "arrange*", "send you", "email you", "call you", "book you", "cancel*", "transfer*", "deliver*",
            "ticket", "order", "account", "within", "today", "tomorrow", "by friday", "working days",
        ),
        "information": (
            "research", "studies", "study", "shows", "show that", "according", "percent", "evidence",
            "statistic*", "risk", "risks", "cause*", "effect*", "side effect*", "the policy", "our policy",
            "the rule", "the law", "usually", "typically", "generally", "in general", "most people",
            "many people", "a lot of people", "lots of people", "it is common", "its common", "common",
            "it is important", "its important", "important to", "the reason", "because", "that means",
            "which means", "it takes", "normally", "on average", "per", "a day", "a week", "hours",
            "website", "online", "app", "free", "cost*", "price", "fee", "available", "program*",
            "service", "doctor", "therapist", "counsel*", "professional", "medic*", "exercise",
            "meditat*", "sleep", "health*", "guideline*", "recommended", "the law",
        ),
        "disclosure": (
            "i also", "me too", "i too", "same here", "same thing", "i had", "i was", "when i was",
            "i have been", "ive been", "i went through", "i know what its like", "i have had", "ive had",
            "happened to me", "my own", "my mom", "my dad", "my friend", "my husband", "my wife",
            "my partner", "my sister", "my brother", "i used to", "i remember", "in my experience",
            "personally", "i myself", "i struggled", "i felt",
        ),
        "social": (
            "hello", "hi", "hey", "good morning", "good afternoon", "good evening", "welcome", "thank*",
            "thanks", "bye", "goodbye", "take care", "have a", "nice talking", "nice to talk", "nice to meet",
            "pleasure", "you are welcome", "youre welcome", "no problem", "good luck", "best wishes",
            "all the best", "enjoy", "see you", "talk soon", "have a nice", "have a good", "have a great",
            "good night", "my name is", "im here to", "i am here to", "i hope", "hope you", "hope it",
            "hopefully", "i wish you", "wish you", "stay safe", "happy holidays", "merry", "glad i could",
        ),
    },
    "nl": {
        "question_start": (
            "wat", "waarom", "hoe", "wanneer", "waar", "welke", "welk", "wie", "waarmee", "waardoor",
            "waarover", "hoeveel", "hoelang", "heb", "hebt", "heeft", "hebben", "had", "ben", "bent", "is",
            "was", "waren", "zijn", "kun", "kunt", "kan", "kon", "zou", "zouden", "wil", "wilt", "mag",
            "moet", "weet", "vind", "voel", "doe", "doet", "deed", "gaat", "ga", "klopt", "is er",
            "vertel", "vertel eens", "ik vraag me af", "ik ben benieuwd", "mag ik vragen", "iets",
        ),
        "check": (
            "klopt dat", "klopt het", "toch", "of niet", "heb ik dat goed", "begrijp ik het goed",
            "zie ik dat goed", "is dat zo", "juist",
        ),
        "reflection": (
            "klinkt alsof", "het klinkt", "dat klinkt", "je klinkt", "lijkt alsof", "het lijkt", "je lijkt",
            "je voelt", "jij voelt", "u voelt", "je voelde", "voel je je", "dus je", "dus jij", "dus u",
            "dus het", "als ik het goed begrijp", "met andere woorden", "je bedoelt", "u bedoelt",
            "je zegt", "u zegt", "je maakt je zorgen", "je bent bang", "je weet niet", "je wilt", "u wilt",
            "je zou graag", "je zou willen", "belangrijk voor je", "belangrijk voor u", "een deel van je",
            "je bent boos", "u bent boos", "je baalt", "je bent moe", "je was", "je bent", "u bent",
            "je hebt", "u heeft", "voelt het",
        ),
        "empathy": (
            "sorry", "excuses", "het spijt me", "spijt", "ik begrijp", "begrijpelijk", "ik snap", "snap ik",
            "kan me voorstellen", "kan ik me voorstellen", "voorstellen", "moet zijn", "moet geweest",
            "moeilijk", "lastig", "zwaar", "vervelend", "rot", "balen", "frustrer*", "stressvol", "naar",
            "vreselijk", "pijnlijk", "ik hoor je", "logisch", "natuurlijk", "niet alleen", "normaal dat",
            "heel normaal", "snap waarom", "begrijp waarom", "oneerlijk", "teleurgesteld", "teleurstell*",
            "zorgen", "bang", "eenzaam", "verdrietig", "pijn", "overweldig*", "angst*", "onzeker",
        ),
        "affirmation": (
            "trots", "goed gedaan", "knap", "goed van je", "goed van u", "dapper", "moedig", "moed", "sterk",
            "je kunt het", "je kan het", "ik geloof in je", "je doet het", "je hebt al", "u heeft al",
            "fijn dat", "fijn om te horen", "goed om te horen", "blij", "wat goed", "wat fijn", "geweldig",
            "prachtig", "mooi", "goed idee", "slim", "juiste beslissing", "stap in de goede",
            "je komt er", "het komt goed", "komt goed", "je verdient", "je bent niet", "u bent niet",
            "hou vol", "houd vol", "bewonder*", "petje af", "chapeau",
        ),
        "suggestion": (
            "je zou", "u zou", "jij zou", "je kunt", "je kan", "u kunt", "je moet", "u moet", "je hoeft",
            "misschien kun", "misschien kan", "misschien is het", "misschien", "probeer", "proberen",
            "heb je geprobeerd", "heeft u geprobeerd", "heb je overwogen", "heb je erover nagedacht",
            "ik stel voor", "mijn voorstel", "voorstel", "ik raad", "raad ik", "raad je", "mijn advies",
            "advies", "adviseer", "het kan helpen", "het zou helpen", "kan helpen", "zou helpen", "helpt",
            "wat dacht je van", "wat als", "hoe zou het zijn", "waarom niet", "overweeg", "een goed idee",
            "een goede manier", "het beste", "tip", "tips", "optie*", "plan", "stap", "stappen", "doel",
            "zorg dat", "zorg ervoor", "vergeet niet", "denk eraan", "het loont", "in plaats van",
            "als ik jou was", "als ik u was", "praat met", "neem contact", "kijk eens", "meld je",
        ),
        "action": (
            "ik ga", "ik zal", "ik regel", "ik kan", "ik zou", "laat me", "laat mij", "wij kunnen", "we kunnen",
            "we gaan", "wij gaan", "ik heb", "ik heb al", "ik boek", "ik stuur", "ik zet", "ik pas",
            "terugbetal*", "terug", "stort*", "vergoed*", "omboek*", "boek je", "boek u", "tegoedbon",
            "voucher", "compensat*", "vervang*", "repar*", "escaler*", "oploss*", "los ik", "lossen",
            "regel*", "stuur je", "stuur u", "mail je", "mail u", "bel je", "bel u", "annuleer*", "lever*",
            "bestelling", "account", "binnen", "vandaag", "morgen", "voor vrijdag", "werkdagen",
        ),
        "information": (
            "onderzoek", "studies", "studie", "blijkt", "laat zien", "volgens", "procent", "bewijs",
            "statistiek*", "risico", "risicos", "oorzaak", "veroorzaakt", "effect*", "bijwerking*",
            "het beleid", "ons beleid", "de regel", "de wet", "meestal", "doorgaans", "over het algemeen",
            "in het algemeen", "de meeste mensen", "veel mensen", "het komt vaak voor", "vaak", "gebruikelijk",
            "het is belangrijk", "belangrijk om", "de reden", "omdat", "dat betekent", "wat betekent",
            "het duurt", "normaal gesproken", "gemiddeld", "per", "per dag", "per week", "uur",
            "website", "online", "app", "gratis", "kost*", "prijs", "tarief", "beschikbaar", "programma*",
            "dienst", "huisarts", "dokter", "arts", "therapeut", "psycholoog", "hulpverlen*", "sport*",
            "bewegen", "meditat*", "slaap", "gezond*", "richtlijn*", "aanbevolen",
        ),
        "disclosure": (
            "ik ook", "ik heb ook", "ik was ook", "hetzelfde", "dat had ik", "ik had", "ik was", "toen ik",
            "ik heb zelf", "zelf heb ik", "ik ken het", "ik weet hoe het is", "ik heb dat ook",
            "overkwam mij", "mijn eigen", "mijn moeder", "mijn vader", "mijn vriend", "mijn vriendin",
            "mijn man", "mijn vrouw", "mijn partner", "mijn zus", "mijn broer", "vroeger", "ik herinner",
            "uit ervaring", "persoonlijk", "ik worstelde", "ik voelde",
        ),
        "social": (
            "hallo", "hoi", "hey", "hee", "goedemorgen", "goedemiddag", "goedenavond", "welkom", "dank*",
            "bedankt", "doei", "dag", "tot ziens", "fijne dag", "prettige dag", "fijn gesprek",
            "leuk je te spreken", "aangenaam", "graag gedaan", "geen probleem", "succes", "het beste",
            "alle goeds", "veel plezier", "tot later", "tot snel", "fijne avond", "welterusten",
            "mijn naam is", "ik ben hier om", "ik hoop", "hoop dat", "hopelijk", "ik wens je", "wens je",
            "wens u", "blijf gezond", "fijne feestdagen", "fijn dat ik",
        ),
    },
}

# Words that make up a backchannel or a bare acknowledgement when a turn has nothing else.
BACKCHANNEL = {
    "en": frozenset("mm mmm mhm mmhm mmhmm hmm hm uh um huh ah oh yeah yes yep yup ok okay right sure "
                    "alright all i see got it cool great good fine nice wow no nope really true exactly "
                    "indeed absolutely definitely totally course of and so well".split()),
    "nl": frozenset("mm mmm hm hmm uh uhm eh ah oh ja jaja jawel ok oke okee goed prima fijn mooi "
                    "precies inderdaad zeker klopt nee echt zo duidelijk helder tuurlijk natuurlijk "
                    "ik snap het zie en dus nou".split()),
}

# Words a turn may open with before it gets going ("Okay, so what…").
FILLERS = {
    "en": frozenset("so and okay ok um uh uhm well yeah yes right alright mhm mm hmm but oh now then".split()),
    "nl": frozenset("en dus oke ok okee nou ja eh uhm maar oh goed mm hm dan".split()),
}

# Verbs that open an instruction ("Try…", "Take a break…"): advice in the imperative.
IMPERATIVES = {
    "en": frozenset("try take go make talk write keep remember think focus start stop get call ask give "
                    "let look find join consider check use avoid put set plan read just dont reach "
                    "spend allow practice practise breathe rest eat drink sleep walk tell contact".split()),
    "nl": frozenset("probeer neem ga maak praat schrijf houd hou denk focus begin stop zoek vraag geef "
                    "kijk vind overweeg check gebruik vermijd zet plan lees bel meld adem rust eet "
                    "slaap wandel vertel zorg gun".split()),
}

YOU = {"en": frozenset({"you", "your", "youre", "yours", "yourself", "youve", "youll", "youd"}),
       "nl": frozenset({"je", "jij", "jou", "jouw", "u", "uw", "jezelf", "jullie"})}
ME = {"en": frozenset({"i", "me", "my", "im", "ive", "mine", "myself", "id", "ill"}),
      "nl": frozenset({"ik", "mij", "me", "mijn", "mezelf", "ikzelf"})}
SO = {"en": frozenset({"so"}), "nl": frozenset({"dus", "oftewel"})}


def features(text: str, language: str = "en", context: Sequence[Mapping[str, Any]] | None = None) -> dict[str, float]:
    """The turn's features by name: form, cue phrases, words and (optionally) what came just before."""
    lang = language if language in CUES else "en"
    found = words(text)
    f: dict[str, float] = {"bias": 1.0}
    n = len(found)
    if n == 0:
        f["empty"] = 1.0
        return f
    _form(f, text, n)
    _cue_features(f, text, found, lang)
    first = _first_word(found, FILLERS[lang])
    _person_features(f, found, first, lang)
    for w in set(found):
        f["w:" + w] = 1.0
    f["first:" + found[first]] = 1.0
    if n > first + 1:
        f["first2:" + found[first] + "_" + found[first + 1]] = 1.0
    if context:
        _context_features(f, context[-1])
    return f


def _form(f: dict[str, float], text: str, n: int) -> None:
    """Length, question and exclamation marks, sentences, numbers."""
    stripped = text.rstrip()
    f["len:" + _length_bucket(n)] = 1.0
    if stripped.endswith("?"):
        f["q:end"] = 1.0
    elif "?" in text:
        f["q:inside"] = 1.0
    if stripped.endswith("!"):
        f["exclaim"] = 1.0
    sentences = max(1, sum(text.count(c) for c in ".!?"))
    if sentences >= 3:
        f["sentences:many"] = 1.0
    if any(ch.isdigit() for ch in text):
        f["number"] = 1.0


def _cue_features(f: dict[str, float], text: str, found: Words, lang: str) -> None:
    """The cue phrases: a question's form, a check, each kind of cue, a bare backchannel."""
    cues = CUES[lang]
    if _opens_with(found, cues["question_start"], FILLERS[lang]):
        f["q:form"] = 1.0
    if "?" in text and matches_any(cues["check"], found[-4:]):
        f["q:check"] = 1.0
    for name in ("reflection", "empathy", "affirmation", "suggestion", "action", "information",
                 "disclosure", "social"):
        hit = _count(cues[name], found)
        if hit:
            f["cue:" + name] = min(hit, 3) / 2
    if all(w in BACKCHANNEL[lang] for w in found):
        f["backchannel"] = 1.0


def _person_features(f: dict[str, float], found: Words, first: int, lang: str) -> None:
    """Who the turn speaks as and to: an imperative, "so", you and me, and which of them it opens with."""
    n = len(found)
    if found[first] in IMPERATIVES[lang]:
        f["imperative"] = 1.0
    if found[0] in SO[lang] or (first and found[first - 1] in SO[lang]):
        f["starts:so"] = 1.0
    you = sum(w in YOU[lang] for w in found)
    me = sum(w in ME[lang] for w in found)
    if you:
        f["you"] = min(you / n * 5, 1.5)
    if me:
        f["me"] = min(me / n * 5, 1.5)
    if found[first] in YOU[lang]:
        f["starts:you"] = 1.0
    if found[first] in ME[lang]:
        f["starts:me"] = 1.0


def _context_features(f: dict[str, float], last: Mapping[str, Any]) -> None:
    """What came just before: the customer asked, or the agent went on (after asking, or not)."""
    if last.get("role") == "customer" and "?" in str(last.get("text", "")):
        f["ctx:customer_asked"] = 1.0
    if last.get("role") == "agent":
        f["ctx:agent_went_on"] = 1.0
        if "?" in str(last.get("text", "")):
            f["ctx:agent_asked"] = 1.0


def _length_bucket(n: int) -> str:
    for limit, name in ((2, "1-2"), (5, "3-5"), (12, "6-12"), (25, "13-25"), (50, "26-50")):
        if n <= limit:
            return name
    return "51+"


def _first_word(found: Words, fillers: frozenset[str]) -> int:
    """Where the turn gets going: past at most three filler words."""
    start = 0
    while start < min(3, len(found) - 1) and found[start] in fillers:
        start += 1
    return start


def _opens_with(found: Words, phrases: tuple[str, ...], fillers: frozenset[str]) -> bool:
    """The turn opens with one of the phrases, after at most three filler words ("okay, so what…")."""
    start = _first_word(found, fillers)
    for phrase in phrases:
        want = words(phrase)
        if tuple(found[start : start + len(want)]) == tuple(want):
            return True
    return False


def _count(patterns: tuple[str, ...], found: Words) -> int:
    return sum(1 for p in patterns if matches_any((p,), found))
