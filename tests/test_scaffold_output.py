"""`webcare new` writes the same bytes for the same answers: every language, channel, audience and difficulty.

The digests in tests/data/scaffold/digests.json were taken from the scaffold before its templates became
files; when a template is changed on purpose, write them again with `python tests/test_scaffold_output.py`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sys
from pathlib import Path

import pytest

from trainer.scenario.scaffold import Answers, scaffold

DIGESTS = Path(__file__).parent / "data" / "scaffold" / "digests.json"

ODD = {
    "defaults": {},
    "odd": {"name": "Émile O'Brien", "company": "Sky \"blue\" Air", "mood": 21, "title": "A title long enough "
            "to push every aligned comment past its column, and then some more words",
            "harm": "You charged my card twice for one ticket!", "wants": "Why twice?",
            "fix": "Refund the second charge", "persona": "Polite: uses ‘quotes’ and — dashes.",
            "cause": "A time-out at the payment provider made the shop retry the payment"},
}


def cases() -> dict[str, tuple[Answers, str]]:
    out = {}
    for language, channel, audience, difficulty, (odd, values) in itertools.product(
            ("en", "nl"), ("twitter", "dm", "email", "chat"), ("", "public", "private"),
            ("easy", "medium", "hard"), ODD.items()):
        key = f"{language}-{channel}-{audience or 'default'}-{difficulty}-{odd}"
        answers = Answers(id=f"case-{channel}", language=language, channel=channel, audience=audience,
                          difficulty=difficulty, **values).with_defaults()
        out[key] = (answers, "../../scenarios/schema.json" if odd == "odd" else "schema.json")
    return out


def digest(answers: Answers, schema: str) -> str:
    return hashlib.sha256(scaffold(answers, schema).encode("utf-8")).hexdigest()


@pytest.mark.parametrize("key", sorted(cases()))
def test_the_scaffold_writes_the_same_bytes_as_before(key):
    answers, schema = cases()[key]
    assert digest(answers, schema) == json.loads(DIGESTS.read_text("utf-8"))[key]


def test_webcare_new_writes_the_scaffold_as_is(tmp_path):
    from trainer.cli import main

    path = tmp_path / "case-email.yaml"
    assert main(["new", str(path), "--defaults", "--lang", "nl", "--channel", "email"]) == 0
    written = path.read_bytes()
    schema = written.decode("utf-8").splitlines()[0].removeprefix("# yaml-language-server: $schema=")
    answers = Answers(id="case-email", language="nl", channel="email").with_defaults()
    assert written == scaffold(answers, schema).encode("utf-8")


if __name__ == "__main__":  # write the digests again (only when a template changed on purpose)
    DIGESTS.write_text(json.dumps({k: digest(*v) for k, v in sorted(cases().items())}, indent=1) + "\n", "utf-8")
    sys.exit(0)
