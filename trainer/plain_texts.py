"""What plain-text play prints around the conversation, in the scenario's language (en, nl)."""

from __future__ import annotations

from trainer.engine.moves import USAGE

PLAIN: dict[str, dict[str, str]] = {
    "en": {
        "usage": USAGE,
        "channel.twitter": "public tweet thread",
        "channel.dm": "direct messages",
        "channel.chat": "live chat",
        "channel.email": "e-mail",
        "audience.public": "public",
        "audience.private": "private",
        "difficulty.easy": "easy",
        "difficulty.medium": "medium",
        "difficulty.hard": "hard",
        "customer": "Customer: {name} ({handle}, {followers} followers)",
        "mandate": "You may:",
        "lookups": "Back office: ",
        "actions": "Actions:     ",
        "amount": "AMOUNT",
        "start": "Type a message to answer {name}; /help for all moves; /end to finish.",
        "you": "you>",
        "noted": "✎ noted: {fact}",
        "ended": "── The conversation ended: {summary}",
        "meter": "mood {mood}  ·  patience {patience}",
        "refused": " (refused)",
        "thread": "(that is {n} characters: it goes out as a thread of {parts} on this channel)",
        "no_more_hints": "(no more hints for this moment)",
        "fallback": "the customer could not answer; the scripted line was used",
        "resumed": "(Resumed at turn {turn}: the conversation so far.)",
        "started": "(Started part-way: in '{state}', mood {mood}, facts known: {facts}.)",
        "not_saving": "! Sessions are not being saved: {problem}",
        "store_away": "! The session database is away — {reason}. Playing on unsaved: your turns are kept and "
                      "saved when it is back.",
        "store_back": "(The session database is back: the {turns} turn(s) played meanwhile are saved.)",
        "store_unsaved": "! The session database is still away — {reason}. The last {turns} turn(s) and the "
                         "scorecard of this session were not saved.",
        "store_unsaved_end": "! The scorecard of this session was not saved — {reason}. Its turns are.",
        "scorecard_written": "Scorecard written to {path}",
        "session_written": "Session written to {path}",
        "session_not_written": "! The session could not be written to {path}: {problem}",
    },
    "nl": {
        "usage": (
            "  gewoon typen     een bericht aan de klant\n"
            "  /lookup TOOL     zoek iets op in de backoffice (bijv. /lookup booking)\n"
            "  /do ACTIE [N]    doe iets voor de klant, met een bedrag als dat nodig is (bijv. /do refund 160)\n"
            "  /hint            waar een goede medewerker nu aan denkt (oefenmodus; wordt geteld)\n"
            "  /end             beëindig het gesprek en bekijk je scorekaart\n"
            "  /help            toon deze hulp"
        ),
        "channel.twitter": "openbare tweetdraad",
        "channel.dm": "privéberichten",
        "channel.chat": "livechat",
        "channel.email": "e-mail",
        "audience.public": "openbaar",
        "audience.private": "privé",
        "difficulty.easy": "makkelijk",
        "difficulty.medium": "gemiddeld",
        "difficulty.hard": "moeilijk",
        "customer": "Klant: {name} ({handle}, {followers} volgers)",
        "mandate": "Je mag:",
        "lookups": "Backoffice:  ",
        "actions": "Acties:      ",
        "amount": "BEDRAG",
        "start": "Typ een bericht om {name} te antwoorden; /help voor alle zetten; /end om af te ronden.",
        "you": "jij>",
        "noted": "✎ genoteerd: {fact}",
        "ended": "── Het gesprek is afgelopen: {summary}",
        "meter": "stemming {mood}  ·  geduld {patience}",
        "refused": " (geweigerd)",
        "thread": "(dat zijn {n} tekens: het gaat als draad van {parts} berichten de deur uit op dit kanaal)",
        "no_more_hints": "(geen hints meer voor dit moment)",
        "fallback": "de klant kon niet antwoorden; de vaste tekst is gebruikt",
        "resumed": "(Hervat bij beurt {turn}: het gesprek tot nu toe.)",
        "started": "(Halverwege begonnen: in '{state}', stemming {mood}, bekende feiten: {facts}.)",
        "not_saving": "! Sessies worden niet bewaard: {problem}",
        "store_away": "! De sessiedatabase is weg — {reason}. Je speelt door zonder opslaan: je beurten blijven "
                      "bewaard en worden opgeslagen zodra hij terug is.",
        "store_back": "(De sessiedatabase is terug: de {turns} beurt(en) van intussen zijn opgeslagen.)",
        "store_unsaved": "! De sessiedatabase is nog steeds weg — {reason}. De laatste {turns} beurt(en) en de "
                         "scorekaart van deze sessie zijn niet opgeslagen.",
        "store_unsaved_end": "! De scorekaart van deze sessie is niet opgeslagen — {reason}. De beurten wel.",
        "scorecard_written": "Scorekaart geschreven naar {path}",
        "session_written": "Sessie geschreven naar {path}",
        "session_not_written": "! De sessie kon niet worden geschreven naar {path}: {problem}",
    },
}


def plain_text(language: str, key: str, **values: object) -> str:
    """The text `key` in the language (English when the language or the key is unknown)."""
    template = PLAIN.get(language, PLAIN["en"]).get(key) or PLAIN["en"][key]
    return template.format(**values) if values else template


def followers(language: str, n: int) -> str:
    """3800 → `3,800` in English, `3.800` in Dutch."""
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if language == "nl" else grouped
