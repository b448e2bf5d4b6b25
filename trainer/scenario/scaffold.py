"""A new scenario from a short interview: the answers in, a commented, playable YAML file out (no I/O)."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, fields

from trainer.scenario.kinds import Audience, Channel, Difficulty, Language

LANGUAGES: tuple[Language, ...] = ("en", "nl")
CHANNELS: tuple[Channel, ...] = ("twitter", "dm", "email", "chat")
AUDIENCES: tuple[Audience, ...] = ("public", "private")
DIFFICULTIES: tuple[Difficulty, ...] = ("easy", "medium", "hard")

MOOD_RANGE = (20, 100)
"""A new customer's mood: below 20 the scaffold's weaker trainees would push her public at once."""
PATIENCE = {"easy": 6, "medium": 5, "hard": 4}
"""Wasted moves she allows, by difficulty."""
PUBLIC_BELOW = 10
"""Below this mood she goes public (the scaffold's `anywhere` rule)."""
BOILERPLATE_MOOD, BOILERPLATE_PATIENCE = -10, -1
"""What one template phrase costs (the scaffold's `anywhere` rule)."""

_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
_WORD = re.compile(r"[a-z]+")

_STOPWORDS = frozenset("""
about above after again against also because been before being below between both came cant come could
didnt does doesnt doing done down during each even ever every from further have having here hers herself
into just more most much must never once only other over same should some still such than that their
them then there these they this those through under until very want wanted were what when where which
while whom will with would your yours dont wont isnt wasnt arent werent hasnt havent hadnt didnt
went told said gave took made make have tell know again nobody without anything something everything
nothing really please thanks thank anyone someone everyone just like also
the and for was you not but are has had his her him she our out can did any all get got why who how now
new one two way day too yet own see saw let may say met off per via its it's yes
aan achter alle alleen alles als altijd andere bent betreft beter bijna binnen daar daarna daarom
dan dat deze dezelfde die dingen doen door echt een eens eigen elke over geen geweest gewoon had hadden
heb hebben heeft hier hierna hij hoe hun iets jaar jouw kan kon komen kreeg krijg kunnen kwam laat maar
meer mijn mijne moest moet naar niet niets nooit onder ons onze ook over toch toen tot uit want waren
was wat weer wel werd wie wij wilde wil word worden wordt zich zijn zo zonder zou zouden
niemand iets gezegd verteld gegaan gaf kreeg nam heel zeer graag alsjeblieft bedankt terug
een het die van met hoe nog ook als mij jij hij zij ons uit bij tot kon jou pas net al
""".split())
"""Words too common to show the harm ("sorry + that" would fit anything)."""


@dataclass(frozen=True)
class Answers:
    """The interview: everything `webcare new` asks, one field per question (each also a flag)."""

    id: str
    language: str = "en"
    title: str = ""
    channel: str = "twitter"
    audience: str = ""
    difficulty: str = "medium"
    company: str = "@SkyblueAir"
    name: str = ""
    handle: str = ""
    persona: str = ""
    mood: int = 30
    harm: str = ""
    wants: str = ""
    cause: str = ""
    fix: str = ""

    def with_defaults(self) -> Answers:
        """Empty answers filled in from the language's defaults (the audience follows the channel)."""
        d = DEFAULTS.get(self.language, DEFAULTS["en"])
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, default in d.items():
            if values.get(key) in ("", None):
                values[key] = default
        if not values["audience"]:
            values["audience"] = "public" if values["channel"] == "twitter" else "private"
        if not values["handle"]:
            values["handle"] = handle_for(values["name"])
        return Answers(**values)


DEFAULTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "The suitcase with the broken wheel",
        "name": "Noor Bakker",
        "persona": "Writes short and direct. Angry, but softens at once when someone takes her seriously. "
                   "Wants an answer, not a gift.",
        "harm": "My suitcase came back from Lisbon with a broken wheel.",
        "wants": "Who broke it, and who pays for the repair?",
        "cause": "The baggage hall in Lisbon logged the damage on arrival, but nobody filed a report or told her.",
        "fix": "Refund the repair",
    },
    "nl": {
        "title": "De koffer met het kapotte wiel",
        "name": "Noor Bakker",
        "persona": "Schrijft kort en direct. Boos, maar ontdooit meteen als iemand haar serieus neemt. "
                   "Wil een antwoord, geen cadeautje.",
        "harm": "Mijn koffer kwam uit Lissabon terug met een kapot wiel.",
        "wants": "Wie heeft hem kapotgemaakt, en wie betaalt de reparatie?",
        "cause": "De bagagehal in Lissabon noteerde de schade bij aankomst, maar niemand maakte een melding "
                 "of liet haar iets weten.",
        "fix": "De reparatie vergoeden",
    },
}

QUESTIONS: dict[str, dict[str, str]] = {
    "en": {
        "language": "Language of the scenario (en, nl)",
        "title": "Title, as trainees see it in the list",
        "channel": "Channel (twitter, dm, email, chat)",
        "audience": "Who can read along (public, private)",
        "difficulty": "Difficulty (easy, medium, hard)",
        "company": "The company's name or handle (a placeholder: {company})",
        "name": "The customer's full name",
        "handle": "Her handle on the channel",
        "persona": "Who she is and how she writes, in a sentence or two",
        "mood": "Her mood at the start, 20 (livid) to 100 (delighted)",
        "harm": "What went wrong for her, in one sentence, in her words",
        "wants": "What she wants to know, as she would ask it",
        "cause": "What really happened (the back office shows it)",
        "fix": "What fits as a fix, as something the trainee does",
    },
    "nl": {
        "language": "Taal van het scenario (en, nl)",
        "title": "Titel, zoals cursisten hem in de lijst zien",
        "channel": "Kanaal (twitter, dm, email, chat)",
        "audience": "Wie leest er mee (public, private)",
        "difficulty": "Moeilijkheid (easy, medium, hard)",
        "company": "Naam of handle van het bedrijf (een placeholder: {company})",
        "name": "Volledige naam van de klant",
        "handle": "Haar handle op het kanaal",
        "persona": "Wie ze is en hoe ze schrijft, in een zin of twee",
        "mood": "Haar stemming bij de start, 20 (woedend) tot 100 (opgetogen)",
        "harm": "Wat er voor haar misging, in één zin, in haar woorden",
        "wants": "Wat ze wil weten, zoals zij het zou vragen",
        "cause": "Wat er echt gebeurde (de backoffice laat het zien)",
        "fix": "Wat past als oplossing, als iets wat de cursist doet",
    },
}
"""The interview's questions, in the order asked (language first: the other defaults follow it)."""


def handle_for(name: str) -> str:
    """'Noor Bakker' → '@noor_bakker'."""
    words = _WORD.findall(_plain(name))
    return "@" + ("_".join(words) or "customer")


def id_for(stem: str) -> str:
    """A file name's stem made into a scenario id: 'My Case' → 'my-case' ('' when nothing is left)."""
    text = re.sub(r"[^a-z0-9_-]+", "-", _plain(stem)).strip("-_")
    text = re.sub(r"^[^a-z]+", "", text)
    return text[:60].rstrip("-_")


def harm_words(harm: str, limit: int = 3) -> list[str]:
    """The words that name the harm: the longest uncommon ones, in the order she wrote them."""
    found: list[str] = []
    for word in _WORD.findall(_plain(harm)):
        if len(word) >= 3 and word not in _STOPWORDS and word not in found:
            found.append(word)
    longest = sorted(found, key=lambda w: -len(w))[:limit]
    return [w for w in found if w in longest]


def problems(a: Answers) -> dict[str, str]:
    """What is wrong with the answers, per question (empty: a scenario can be written)."""
    out: dict[str, str] = {}
    if not _ID.match(a.id) or len(a.id) > 60:
        out["id"] = (f"'{a.id}' can't be a scenario id: use lower-case letters, digits, - and _, "
                     "starting with a letter (at most 60)")
    choices = {"language": LANGUAGES, "channel": CHANNELS, "audience": AUDIENCES, "difficulty": DIFFICULTIES}
    for key, allowed in choices.items():
        if getattr(a, key) not in allowed:
            out[key] = f"'{getattr(a, key)}' is not one of: {', '.join(allowed)}"
    for f in fields(a):
        value = getattr(a, f.name)
        if not isinstance(value, str) or f.name in out:
            continue
        if not value.strip():
            out[f.name] = "write something here"
        elif "{" in value or "}" in value:
            out[f.name] = "no { or } here: in a scenario they mark placeholders"
        elif "\n" in value or "\r" in value:
            out[f.name] = "one line, please (edit the file for more)"
    if "handle" not in out and any(c.isspace() for c in a.handle):
        out["handle"] = "a handle has no spaces"
    low, high = MOOD_RANGE
    if not isinstance(a.mood, int) or not low <= a.mood <= high:
        out["mood"] = f"her mood is a whole number from {low} to {high}"
    if "harm" not in out and not harm_words(a.harm):
        out["harm"] = "name what went wrong in a few real words, e.g. 'My suitcase came back with a broken wheel.'"
    return out


def scaffold(a: Answers, schema: str = "schema.json") -> str:
    """The scenario file for these answers (which must have no `problems`); `schema` is the modeline's path."""
    t = _TEXTS[a.language]
    first = a.name.split()[0]
    words = harm_words(a.harm)
    fix_words = harm_words(a.fix, limit=2) or words[:1]
    patience = PATIENCE[a.difficulty]
    values = {
        "id": a.id, "title": q(a.title), "language": a.language, "channel": a.channel, "audience": a.audience,
        "difficulty": a.difficulty, "company": q(a.company), "name": q(a.name), "handle": q(a.handle),
        "persona": q(a.persona), "mood": a.mood, "patience": patience, "first": first,
        "harm": a.harm, "wants": a.wants, "cause": a.cause, "fix": a.fix, "fix_lower": _lower_first(a.fix),
        "schema": schema, "public_below": PUBLIC_BELOW,
        "opening": q(_opening(a, t)),
        "opening_furious": q(_opening(a, t, t["furious_tail"])),
        "teaser": q(_one_line(a.harm)),
        "harm_is": q(t["harm_is"].format(harm=a.harm)),
        "cause_is": q(a.cause),
        "fix_label": q(a.fix),
        "mandate_fix": q(_sentence(a.fix)),
        "shows": q(t["shows"].format(cause=a.cause)),
        "wants_q": q(a.wants),
        "told_line": q(t["told_line"].format(wants=a.wants)),
        "otherwise_telling": q(t["otherwise_telling"].format(wants=a.wants)),
        "acknowledge_match": _flow(
            [f"{w} + {kw}" for kw in words for w in t["sorry_words"]] + list(t["acknowledge_extra"])),
        "harm_phrases": _flow(words),
        "offer_match": _flow([f"{w} + {kw}" for kw in fix_words for w in t["offer_words"]] + list(t["offer_extra"])),
        "exemplary": _moves([
            t["ex_1"].format(first=first, harm=a.harm),
            "/lookup case_file",
            t["ex_3"].format(cause=_sentence(a.cause)),
            t["ex_4"].format(fix=_lower_first(a.fix)),
            "/do make_it_right",
        ]),
        "mediocre": _moves([t["me_1"].format(first=first), "/lookup case_file", "/do make_it_right",
                            t["me_4"], "/end"]),
        "poor": _moves(poor_moves(a, t["poor"])),
        "briefing": _block(t["briefing"].format(channel=t["channel_" + a.channel], harm=a.harm, wants=a.wants)),
        "acknowledge_example": q(t["ack_example"].format(harm=a.harm)),
        "offer_example": q(t["offer_example"].format(fix=_lower_first(a.fix))),
    }
    return _align(t["template"].format(**values))


def poor_moves(a: Answers, sentences: tuple[str, ...]) -> list[str]:
    """Template phrases, one per move, until she goes public: her mood below 10 or her patience gone."""
    mood, patience, moves = a.mood, PATIENCE[a.difficulty], []
    while True:
        moves.append(sentences[len(moves) % len(sentences)])
        mood, patience = max(0, mood + BOILERPLATE_MOOD), patience + BOILERPLATE_PATIENCE
        if mood < PUBLIC_BELOW or patience <= 0:
            return moves


COMMENT_COLUMN = 38


def _align(text: str) -> str:
    """Line up the template's trailing comments (marked with a tab) whatever the answers' lengths."""
    out = []
    for line in text.splitlines():
        code, tab, comment = line.partition("\t# ")
        if tab:
            line = (code.ljust(COMMENT_COLUMN - 1) if len(code) < COMMENT_COLUMN - 2 else code + " ") + " # " + comment
        out.append(line)
    return "\n".join(out) + "\n"


def _mark_comments(template: str) -> str:
    return re.sub(r"(?m)(?<=\S) {2,}(?=# )", "\t", template)


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "").replace("\u2019", "")


def _lower_first(text: str) -> str:
    text = text.strip().rstrip(".!")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def _moves(moves: list[str]) -> str:
    return "\n".join(f"      - {q(m)}" for m in moves)


def _block(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


def _opening(a: Answers, t: dict, tail: str = "") -> str:
    """Her first message: the harm and her question, as the channel carries it."""
    if a.channel == "twitter":
        return f"{{company}} {a.harm} {a.wants}{tail}"
    if a.channel == "email":
        return t["email_opening"].format(harm=a.harm, wants=a.wants + tail)
    return f"{a.harm} {a.wants}{tail}"


# The template teaches the format as the author reads it: every part once, with a comment saying
# what it does and where the docs say more. Braces for YAML flow lists are doubled ({{ }}).
_EN = r"""# yaml-language-server: $schema={schema}
#
# Written by `webcare new`. Everything here is a first draft: change the words, add states,
# and run `webcare check` and `webcare test` on this file after every change (or keep
# `webcare check --watch` open beside your editor). The format: docs/scenario-format.md.

format: 1
id: {id}                              # the file is named after it: {id}.yaml
title: {title}
teaser: {teaser}                      # one line for the scenario list
language: {language}
channel: {channel}                    # twitter, dm, email or chat: sets how fast she expects an answer
audience: {audience}                  # public: others read along; private: only the two of you
difficulty: {difficulty}

briefing: |                           # what the trainee reads before she starts; "|" keeps the lines
{briefing}

mandate:                              # what the trainee may do, shown with the briefing
  - Look up her case file.
  - {mandate_fix}

customer:
  name: {name}
  handle: {handle}
  persona: {persona}
  mood: {mood}                        # 0 livid … 100 delighted
  patience: {patience}                # replies that go nowhere before she gives up

details:                              # your own {{placeholders}}: write {{company}} in any line
  company: {company}

# ── What is true ── the detective finds these out
facts:
  her_side:
    is: {harm_is}
    by_asking: ask_what_happened      # she tells it when the trainee asks (an intent below)
  the_cause:
    is: {cause_is}
    found_in: case_file               # the look-up that shows it

# ── The back office ── /lookup case_file
lookups:
  case_file:
    label: Case file
    shows: {shows}

# ── What the trainee can do ── /do make_it_right
actions:
  make_it_right:
    label: {fix_label}
    needs: the_cause                  # refused until the trainee has found the cause
    refusal: First find out what happened; open the case file.
    result: Done. She gets a confirmation by e-mail.
    # limit: 100                      # with a limit the trainee types an amount: /do make_it_right 80

# ── What the trainee may mean ── phrases that show it; `a + b` needs both, `apolog*` any ending
intents:
  acknowledge:
    means: Names what went wrong for her, in her terms.
    match: {acknowledge_match}
    examples:                         # `webcare check` warns when an example isn't recognised
      - {acknowledge_example}
  ask_what_happened:
    means: Asks her, openly, what happened.
    match: [what happened, tell me more, can you tell me, walk me through]
    examples: ["Can you tell me what happened?"]
  explain_cause:
    means: Explains why it happened, with the real cause.
    match: [here is why, the reason, because, caused by, what went wrong]
    examples: ["I checked your file, and here is why: it was our mistake."]
  offer_fix:
    means: Offers the fix in words.
    match: {offer_match}
    examples:
      - {offer_example}
  stop_it_happening:
    means: Turns the problem into an improvement for others.
    match: [reported, anyone else, happen again, other customers]
    examples: ["I've reported it, so it doesn't happen to anyone else."]
  boilerplate:
    means: Template phrases that say nothing.
    match: [any inconvenience, responsible department, inform you, regret + inconvenience, individual cases]
    examples: ["We regret any inconvenience this may have caused."]

# ── The conversation ── she opens with the start state's lines
start: complaint

states:
  complaint:
    hints:                            # practice mode: one per key press
      - Name what went wrong for her, in her words, and ask what happened.
    lines:                            # what she says on arriving here, by mood band (or `any`)
      furious: {opening_furious}
      any: {opening}
    on:                               # steps, checked top to bottom: the first that fits wins
      - said: acknowledge
        mood: +10
        next: telling
      - said: ask_what_happened
        mood: +5
        next: telling
    otherwise:                        # a message that fits no step: mood -5, patience -1
      lines: Is anyone actually reading this?

  telling:
    hints:
      - Don't guess why. Open the case file first, then explain.
    lines: {told_line}
    on:
      - said: explain_cause
        knows: the_cause              # counts only once the trainee has checked
        mood: +20
        next: understood
      - said: explain_cause           # the same words without the facts: a guess
        mood: -5
        lines: Sounds like a guess. Did you actually look at my case?
      - said: acknowledge
        mood: +5
        lines: Thanks. But I still don't know why.
    otherwise:
      lines: {otherwise_telling}

  understood:
    hints:
      - Now fix it, and say how you stop it happening again.
    lines: OK, that is the first real answer I've had. So what are you going to do about it?
    on:
      - did: make_it_right
        mood: +20
        next: resolved
      - said: offer_fix
        mood: +5
        lines: Good. Please do it, and tell me when it's done.
    otherwise:
      lines: And? What are you going to do?

anywhere:                             # house rules: checked first, in every state
  - said: boilerplate
    mood: -10
    patience: -1
    lines: Is there a person behind this account, or just templates?
  - mood_below: {public_below}                    # no move needed: checked after every move
    next: went_public

outcomes:
  resolved:
    kind: resolved
    summary: She got an honest answer and the fix that fits.
    lines: Thank you. That's all I wanted.
  went_public:
    kind: went_public
    summary: She gave up on you and told everyone how she was treated.
    lines: That's it. I'm telling everyone how you treat your customers.

when_patience_runs_out: went_public

# ── What the scorer looks for ──
rubric:
  key_facts: [her_side, the_cause]
  harm: {harm_phrases}                # words that name her harm, for acknowledging it
  explains: [explain_cause]
  questions:
    - ask: {wants_q}
      asked_in: [telling]
      answered_by: [explain_cause]
  fitting:
    - action: make_it_right
      why: It fixes what went wrong for her.
  improve: [stop_it_happening]

# ── Scripted trainees ── `webcare test` plays them and checks the outcome and scores
playthroughs:
  - name: exemplary
    about: Acknowledges, asks, checks, explains the real cause, fixes it and stops it happening again.
    trainee:
{exemplary}
    expect:
      outcome: resolved
      scores:
        facilitator: [70, 100]
        detective: [70, 100]
        plumber: [70, 100]
  - name: mediocre
    about: Polite and quick to fix, but never names the harm or explains why.
    trainee:
{mediocre}
    expect:
      outcome: left
      scores:
        facilitator: [40, 85]
        detective: [40, 85]
        plumber: [15, 65]
  - name: poor
    about: Template phrases until she goes public.
    trainee:
{poor}
    expect:
      outcome: went_public
      scores:
        facilitator: [0, 55]
        detective: [0, 25]
        plumber: [0, 25]
"""

_NL = r"""# yaml-language-server: $schema={schema}
#
# Geschreven door `webcare new`. Alles hier is een eerste versie: verander de woorden, voeg
# toestanden toe, en draai `webcare check` en `webcare test` op dit bestand na elke wijziging
# (of laat `webcare check --watch` naast je editor openstaan). Het formaat: docs/scenario-format.md.
# De veldnamen zijn Engels; alle tekst die de cursist ziet is Nederlands.

format: 1
id: {id}                              # het bestand heet ernaar: {id}.yaml
title: {title}
teaser: {teaser}                      # één regel voor de lijst met scenario's
language: {language}
channel: {channel}                    # twitter, dm, email of chat: bepaalt hoe snel ze antwoord verwacht
audience: {audience}                  # public: anderen lezen mee; private: alleen jullie twee
difficulty: {difficulty}

briefing: |                           # wat de cursist vooraf leest; "|" houdt de regels
{briefing}

mandate:                              # wat de cursist mag doen, getoond bij de briefing
  - Haar dossier opzoeken.
  - {mandate_fix}

customer:
  name: {name}
  handle: {handle}
  persona: {persona}
  mood: {mood}                        # 0 woedend … 100 opgetogen
  patience: {patience}                # antwoorden die nergens heen gaan voordat ze opgeeft

details:                              # je eigen {{placeholders}}: schrijf {{company}} in elke regel
  company: {company}

# ── Wat waar is ── de detective zoekt dit uit
facts:
  her_side:
    is: {harm_is}
    by_asking: ask_what_happened      # ze vertelt het als de cursist ernaar vraagt (een intent hieronder)
  the_cause:
    is: {cause_is}
    found_in: case_file               # de look-up die het laat zien

# ── De backoffice ── /lookup case_file
lookups:
  case_file:
    label: Dossier
    shows: {shows}

# ── Wat de cursist kan doen ── /do make_it_right
actions:
  make_it_right:
    label: {fix_label}
    needs: the_cause                  # geweigerd tot de cursist de oorzaak heeft gevonden
    refusal: Zoek eerst uit wat er gebeurde; open het dossier.
    result: Gedaan. Ze krijgt een bevestiging per e-mail.
    # limit: 100                      # met een limiet typt de cursist een bedrag: /do make_it_right 80

# ── Wat de cursist kan bedoelen ── zinnen die het laten zien; `a + b` wil allebei, `excuse*` elk einde
intents:
  acknowledge:
    means: Benoemt wat er voor haar misging, in haar woorden.
    match: {acknowledge_match}
    examples:                         # `webcare check` waarschuwt als een voorbeeld niet herkend wordt
      - {acknowledge_example}
  ask_what_happened:
    means: Vraagt haar open wat er gebeurde.
    match: [wat er gebeurd, wat is er gebeurd, vertel eens, kun je vertellen, kunt u vertellen]
    examples: ["Kun je vertellen wat er is gebeurd?"]
  explain_cause:
    means: Legt uit waarom het gebeurde, met de echte oorzaak.
    match: [dit is waarom, de reden, omdat, doordat, komt door]
    examples: ["Ik heb je dossier bekeken, en dit is waarom: het was onze fout."]
  offer_fix:
    means: Biedt de oplossing aan, in woorden.
    match: {offer_match}
    examples:
      - {offer_example}
  stop_it_happening:
    means: Maakt van het probleem een verbetering voor anderen.
    match: [gemeld, niemand anders, nog eens gebeurt, andere klanten]
    examples: ["Ik heb het gemeld, zodat het niemand anders overkomt."]
  boilerplate:
    means: Standaardzinnen die niets zeggen.
    match: [eventuele ongemak*, betreffende afdeling, delen wij u mee, wij betreuren, individuele gevallen]
    examples: ["Wij betreuren het eventuele ongemak."]

# ── Het gesprek ── ze opent met de regels van de starttoestand
start: complaint

states:
  complaint:
    hints:                            # oefenmodus: één per toetsdruk
      - Benoem wat er voor haar misging, in haar woorden, en vraag wat er gebeurde.
    lines:                            # wat ze zegt als het gesprek hier aankomt, per stemming (of `any`)
      furious: {opening_furious}
      any: {opening}
    on:                               # stappen, van boven naar beneden: de eerste die past wint
      - said: acknowledge
        mood: +10
        next: telling
      - said: ask_what_happened
        mood: +5
        next: telling
    otherwise:                        # een bericht waar geen stap op past: stemming -5, geduld -1
      lines: Leest hier eigenlijk iemand mee?

  telling:
    hints:
      - Gok niet waarom. Open eerst het dossier, leg dan uit.
    lines: {told_line}
    on:
      - said: explain_cause
        knows: the_cause              # telt pas als de cursist het heeft nagekeken
        mood: +20
        next: understood
      - said: explain_cause           # dezelfde woorden zonder de feiten: een gok
        mood: -5
        lines: Dat klinkt als een gok. Heb je mijn zaak wel bekeken?
      - said: acknowledge
        mood: +5
        lines: Dank je. Maar ik weet nog steeds niet waarom.
    otherwise:
      lines: {otherwise_telling}

  understood:
    hints:
      - Los het nu op, en zeg hoe je voorkomt dat het nog eens gebeurt.
    lines: Oké, dat is het eerste echte antwoord dat ik krijg. En wat gaan jullie eraan doen?
    on:
      - did: make_it_right
        mood: +20
        next: resolved
      - said: offer_fix
        mood: +5
        lines: Goed. Doe het dan, en laat me weten wanneer het geregeld is.
    otherwise:
      lines: En? Wat gaan jullie doen?

anywhere:                             # huisregels: eerst nagekeken, in elke toestand
  - said: boilerplate
    mood: -10
    patience: -1
    lines: Zit er een mens achter dit account, of alleen standaardteksten?
  - mood_below: {public_below}                    # geen zet nodig: na elke zet nagekeken
    next: went_public

outcomes:
  resolved:
    kind: resolved
    summary: Ze kreeg een eerlijk antwoord en de oplossing die past.
    lines: Dank je. Meer wilde ik niet.
  went_public:
    kind: went_public
    summary: Ze gaf het op en vertelde iedereen hoe ze behandeld werd.
    lines: Klaar. Ik ga iedereen vertellen hoe jullie met klanten omgaan.

when_patience_runs_out: went_public

# ── Waar de scorer op let ──
rubric:
  key_facts: [her_side, the_cause]
  harm: {harm_phrases}                # woorden die haar schade noemen, om die te erkennen
  explains: [explain_cause]
  questions:
    - ask: {wants_q}
      asked_in: [telling]
      answered_by: [explain_cause]
  fitting:
    - action: make_it_right
      why: Het herstelt wat er voor haar misging.
  improve: [stop_it_happening]

# ── Cursisten op papier ── `webcare test` speelt ze en kijkt naar de uitkomst en de scores
playthroughs:
  - name: exemplary
    about: Erkent, vraagt, zoekt op, legt de echte oorzaak uit, lost het op en voorkomt herhaling.
    trainee:
{exemplary}
    expect:
      outcome: resolved
      scores:
        facilitator: [70, 100]
        detective: [70, 100]
        plumber: [70, 100]
  - name: mediocre
    about: Beleefd en snel met een oplossing, maar benoemt de schade niet en legt niets uit.
    trainee:
{mediocre}
    expect:
      outcome: left
      scores:
        facilitator: [40, 85]
        detective: [40, 85]
        plumber: [15, 65]
  - name: poor
    about: Standaardzinnen tot ze ermee naar buiten gaat.
    trainee:
{poor}
    expect:
      outcome: went_public
      scores:
        facilitator: [0, 55]
        detective: [0, 25]
        plumber: [0, 25]
"""

_EN, _NL = _mark_comments(_EN), _mark_comments(_NL)

_TEXTS: dict[str, dict] = {
    "en": {
        "template": _EN,
        "channel_twitter": "social-media desk", "channel_dm": "direct-messages desk",
        "channel_email": "e-mail desk", "channel_chat": "live-chat desk",
        "briefing": "You work on the {channel} of {{company}}. {{name}} got in touch:\n"
                    "\"{harm}\"\n\nShe wants to know: {wants}\n\n"
                    "Find out what really happened before you explain anything. You can open her\n"
                    "case file in the back office and act for her.",
        "email_opening": "Hello,\n\n{harm} {wants}\n\nRegards, {{name}}",
        "harm_is": "In her words: {harm}",
        "shows": "Case of {{name}} ({{handle}}). What happened: {cause} Status: no reply sent yet.",
        "told_line": "Thank you. So tell me: {wants}",
        "furious_tail": " Third time I'm asking.",
        "otherwise_telling": "That doesn't answer my question. {wants}",
        "sorry_words": ("sorry", "apolog*"),
        "acknowledge_extra": ("must have been",),
        "offer_words": ("i will", "ill"),
        "offer_extra": ("here is what ill do",),
        "ex_1": "Hi {first}, I'm so sorry. You wrote: \u201c{harm}\u201d That must have been awful. "
                "Can you tell me what happened?",
        "ex_3": "Thank you for telling me. I checked your file, and here is why: {cause} "
                "That was our mistake, not yours.",
        "ex_4": "Here is what I'll do right now: {fix}. I've also reported the problem, so it doesn't "
                "happen to anyone else, and I'll check with you tomorrow that it's sorted.",
        "ack_example": "I'm so sorry: \u201c{harm}\u201d That must have been awful.",
        "offer_example": "Here is what I'll do right now: {fix}.",
        "me_1": "Hello {first}, thank you for reaching out. Let me look into it for you.",
        "me_4": "That has been taken care of now. Is there anything else?",
        "poor": ("Dear customer, thank you for your message. We regret any inconvenience this may have caused.",
                 "Your message has been forwarded to the responsible department.",
                 "We are unable to comment on individual cases.",
                 "We would like to inform you that your feedback is important to us."),
    },
    "nl": {
        "template": _NL,
        "channel_twitter": "social-mediadesk", "channel_dm": "DM-desk",
        "channel_email": "e-maildesk", "channel_chat": "chatdesk",
        "briefing": "Je werkt op de {channel} van {{company}}. {{name}} nam contact op:\n"
                    "\"{harm}\"\n\nZe wil weten: {wants}\n\n"
                    "Zoek uit wat er echt gebeurde voordat je iets uitlegt. Je kunt haar dossier\n"
                    "openen in de backoffice en namens haar iets doen.",
        "email_opening": "Hallo,\n\n{harm} {wants}\n\nGroet, {{name}}",
        "harm_is": "In haar woorden: {harm}",
        "shows": "Zaak van {{name}} ({{handle}}). Wat er gebeurde: {cause} Status: nog geen antwoord gestuurd.",
        "told_line": "Dank je. Vertel me dan: {wants}",
        "furious_tail": " Ik vraag het nu voor de derde keer.",
        "otherwise_telling": "Dat is geen antwoord op mijn vraag. {wants}",
        "sorry_words": ("sorry", "spijt"),
        "acknowledge_extra": ("moet + vervelend",),
        "offer_words": ("ik ga", "ik zorg"),
        "offer_extra": ("dit ga ik doen",),
        "ex_1": "Hoi {first}, het spijt me echt. Je schreef: \u201c{harm}\u201d Dat moet heel vervelend zijn "
                "geweest. Kun je vertellen wat er is gebeurd?",
        "ex_3": "Dank je dat je het vertelt. Ik heb je dossier bekeken, en dit is waarom: {cause} "
                "Dat was onze fout, niet de jouwe.",
        "ex_4": "Dit ga ik doen, nu meteen: {fix}. Ik heb ook gemeld wat er misging, zodat het niemand anders "
                "overkomt, en ik check morgen bij je of alles geregeld is.",
        "ack_example": "Het spijt me echt: \u201c{harm}\u201d Dat moet heel vervelend zijn geweest.",
        "offer_example": "Dit ga ik doen, nu meteen: {fix}.",
        "me_1": "Hallo {first}, bedankt voor je bericht. Ik ga het voor je bekijken.",
        "me_4": "Dat is nu afgehandeld. Kan ik verder nog iets voor je doen?",
        "poor": ("Geachte klant, hartelijk dank voor uw bericht. Wij betreuren het eventuele ongemak.",
                 "Uw bericht is doorgestuurd naar de betreffende afdeling.",
                 "Wij doen geen uitspraken over individuele gevallen.",
                 "Hierbij delen wij u mee dat uw feedback belangrijk voor ons is."),
    },
}
