"""The few things the engine itself says inside a conversation, in the scenario's language."""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "needs": "Not yet: first find out {missing}.",
        "over_limit": "Refused: your mandate for {action} stops at {limit}.",
        "over_limit_total": "Refused: your mandate for {action} stops at {limit} in all; {given} is given already.",
        "left": "You ended the conversation before it was settled.",
        "no_hints": "No hints in test mode.",
    },
    "nl": {
        "needs": "Nog niet: zoek eerst uit: {missing}.",
        "over_limit": "Geweigerd: je mandaat voor {action} gaat tot {limit}.",
        "over_limit_total": "Geweigerd: je mandaat voor {action} gaat tot {limit} in totaal; {given} is al gegeven.",
        "left": "Je hebt het gesprek beëindigd voordat het was opgelost.",
        "no_hints": "Geen hints in de toetsmodus.",
    },
}


def phrase(language: str, key: str, **values: str) -> str:
    table = PHRASES.get(language, PHRASES["en"])
    return table[key].format(**values)
