"""The text catalogue: every language has every key, the same placeholders and real plurals."""

from __future__ import annotations

import re
import string
import subprocess
import sys

import pytest

from trainer.engine.clock import FakeClock
from trainer.engine.moves import Act, Lookup, Say, parse_amount, parse_move
from trainer.engine.session import Session
from trainer.errors import MoveError
from trainer.texts import LANGUAGES, catalogue, grouped, known, tr

ENGLISH = catalogue("en")


def forms(entry: str | dict[str, str]) -> dict[str, str]:
    """A plain text as one form; a plural as its `one` and `other`."""
    return {"": entry} if isinstance(entry, str) else {k: v for k, v in entry.items() if k != "count"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_key_and_no_other(language):
    assert list(catalogue(language)) == list(ENGLISH)  # the same keys, in the same order: easy to compare


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_uses_the_placeholders_the_english_one_uses(language):
    for key, english in ENGLISH.items():
        translated = catalogue(language)[key]
        assert isinstance(translated, str) == isinstance(english, str), key
        assert set(forms(translated)) == set(forms(english)), key
        for form, text in forms(english).items():
            assert fields(forms(translated)[form]) == fields(text), f"{key} {form}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_plural_has_both_forms_and_counts_a_value_it_shows(language):
    plurals = {k: v for k, v in catalogue(language).items() if not isinstance(v, str)}
    assert plurals, "the catalogue has no plurals"
    for key, entry in plurals.items():
        assert set(entry) <= {"one", "other", "count"} and entry["one"] and entry["other"], key
        assert entry.get("count", "n") in fields(entry["other"]), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_hedges_its_plural_with_brackets(language):
    hedged = re.compile(r"\w\((s|en|ten|n)\)")
    for key, entry in catalogue(language).items():
        for text in forms(entry).values():
            assert not hedged.search(text), f"{key}: {text!r}"


def test_the_scorecard_is_translated_word_for_word():
    dutch = catalogue("nl")
    same_word = ("score.channel.email", "score.trade.name.facilitator", "score.trade.name.detective",
                 "score.trade.facilitator", "score.trade.detective", "score.marker", "score.hint_line",
                 "score.fact_line")
    for key, english in ENGLISH.items():
        if key.startswith("score.") and not key.startswith(same_word):
            assert dutch[key] != english, f"{key} is not translated"


def test_a_plural_picks_its_form_by_the_count():
    assert tr("en", "watch.errors", path="a.yaml", n=1) == \
        "a.yaml has 1 error; you play on with the last version that worked:"
    assert tr("en", "watch.errors", path="a.yaml", n=3).startswith("a.yaml has 3 errors;")
    assert tr("nl", "watch.errors", path="a.yaml", n=0).startswith("a.yaml heeft 0 fouten;")
    assert tr("nl", "store.back", turns=1) == "De sessiedatabase is terug: de 1 beurt van intussen is opgeslagen."
    assert tr("en", "score.hints", n=2) == "Practice mode: 2 hints used"


def test_an_unknown_language_reads_english_and_an_unknown_key_reads_as_itself():
    assert tr("de", "picker.title") == tr(None, "picker.title") == "Pick a scenario"
    assert tr("nl", "picker.title") == "Kies een scenario"
    assert tr("nl", "no.such.key") == "no.such.key" and not known("no.such.key")
    assert known("score.kind.resolved")


def test_numbers_group_their_thousands_the_language_s_way():
    assert grouped("en", 3800) == "3,800" and grouped("nl", 3800) == "3.800"


def test_a_dutch_move_error_is_dutch():
    with pytest.raises(MoveError, match=r"^Onbekend commando /frob\. De zetten zijn:\n  gewoon typen"):
        parse_move("/frob", "nl")
    with pytest.raises(MoveError, match=r"^Welke actie\?"):
        parse_move("/do", "nl")
    with pytest.raises(MoveError, match=r"^'tien' is geen bedrag"):
        parse_amount("tien", "nl")
    with pytest.raises(MoveError, match=r"^Unknown command /frob\."):
        parse_move("/frob")


def test_a_dutch_session_refuses_a_move_in_dutch(legroom_nl):
    session = Session(legroom_nl, seed=0, clock=FakeClock())
    with pytest.raises(MoveError, match=r"^Wacht tot de klant is uitgepraat\.$"):
        session.play(Say("Hallo?"))
    session.customer_wrote("@SkyblueAir Is daar iemand?")
    with pytest.raises(MoveError, match=r"^Er is geen actie 'vouchr'\. Bedoel je /do voucher\? Beschikbaar: "):
        session.play(Act("vouchr", 10))
    with pytest.raises(MoveError, match=r"^Er is geen opzoeking 'nothing'\."):
        session.play(Lookup("nothing"))
    with pytest.raises(MoveError, match=r"^Typ een bericht"):
        session.play(Say("  "))


def test_the_catalogue_module_imports_nothing_and_reads_one_language_when_asked():
    code = ("import sys; before = set(sys.modules); import trainer.texts as t; "
            "print(sorted(set(sys.modules) - before)); t.tr('nl', 'picker.title'); print(sorted(t._CATALOGUES))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert set(eval(out[0])) <= {"__future__", "trainer", "trainer.texts"}
    assert out[1] == "['nl']"


def test_no_text_in_the_code_counts_with_a_bracketed_plural():
    """`3 file(s)` is how a program talks, not a person: counts go through the catalogue's `count.*` plurals."""
    import io
    import re
    import tokenize
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = []
    for path in [*root.joinpath("trainer").rglob("*.py"), *root.joinpath("scoring").rglob("*.py")]:
        for token in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
            kinds = (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING))
            if token.type in kinds and re.search(r"[a-z]{2}\((s|en)\)(?! for\b)[ :;,.]", token.string + " "):
                found.append(f"{path.relative_to(root)}:{token.start[0]}: {token.string[:60]}")
    assert found == []
