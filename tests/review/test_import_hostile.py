"""A coach imports a batch of session files where some records are broken or hostile: each bad record is told
in one line (`FILE:N: what is wrong`), every good one is imported, and every imported one can be shown."""

from __future__ import annotations

import copy
import json

import pytest

from bench.soaks.imports import exported_session
from trainer.cli import main
from trainer.review.export import html, markdown
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")


@pytest.fixture(scope="module")
def played() -> dict:
    """One session as `webcare export` writes it: events, scorecard, a note and an override."""
    return exported_session()


def _event(data: dict, kind: str) -> dict:
    return next(e for e in data["events"] if e["kind"] == kind)


def _set(path: str, value):
    """A change to one field by its path: `events.trainee_message.text` is the first such event's text,
    `notes.text` the first note's."""

    def change(data: dict) -> None:
        *parents, last = path.split(".")
        target = data
        for name in parents:
            target = next(e for e in target if e.get("kind") == name) if isinstance(target, list) else target[name]
        if isinstance(target, list):
            target = target[0]
        target[last] = value

    return change


class _Whole:
    """A change that makes a whole other record (not a session at all)."""

    def __init__(self, make) -> None:
        self.make = make


HOSTILE = [
    # (what the record has, the change, what the coach is told)
    ("a scorecard that is a list", _set("scorecard", [1, 2]), "scorecard: should be an object ({…}), not a list"),
    ("a scorecard that is text", _set("scorecard", "100"), "scorecard: should be an object ({…}), not the text '100'"),
    ("a seed that is text", _set("seed", "42"), "seed: should be a whole number, not the text '42'"),
    ("a seed too big for any database", _set("seed", 10**30), "seed: a 31-digit number is out of range"),
    ("a seed that is true", _set("seed", True), "seed: should be a whole number, not true"),
    ("an outcome that is an object", _set("outcome", {"won": True}), "outcome: should be text, not an object"),
    ("an outcome kind that is a number", _set("outcome_kind", 3), "outcome_kind: should be text, not 3"),
    ("a trainee that is a list", _set("trainee", ["anna"]), "trainee: should be text, not a list"),
    ("a blank trainee", _set("trainee", "   "), "trainee: is blank"),
    ("a megabyte trainee name", _set("trainee", "a" * 1_000_000), "trainee: is too long (1000000 characters"),
    ("a title that is a number", _set("title", 7), "title: should be text, not 7"),
    ("a language that is null", _set("language", None), "language: should be text, not null"),
    ("a start that is not a date", _set("started_at", "yesterday"), "started_at: the text 'yesterday' is not a date"),
    ("an end that is a number", _set("ended_at", 1767225600), "ended_at: should be text, not 1767225600"),
    ("a message whose text is a number", _set("events.trainee_message.text", 5), "events[2].text: should be text, not 5"),
    ("a message whose text is an object", _set("events.customer_message.text", {"a": 1}),
     "events[1].text: should be text, not an object"),
    ("a turn that is text", _set("events.trainee_message.turn", "1"), "events[2].turn: should be a whole number"),
    ("a negative turn", _set("events.trainee_message.turn", -1), "events[2].turn: -1 is out of range (at least 0)"),
    ("a turn too big for any database", _set("events.trainee_message.turn", 2**40), "events[2].turn: 1099511627776 is out of range (at most 2147483647)"),
    ("a mood that is text", _set("events.customer_message.mood", "calm"),
     "events[1].mood: should be a whole number, not the text 'calm'"),
    ("intents that are text", _set("events.intents_recognised.intents", "sorry"),
     "events[3].intents: should be a list, not the text 'sorry'"),
    ("an intent that is a number", _set("events.intents_recognised.intents", [1]),
     "events[3].intents[0]: should be text, not 1"),
    ("a look-up that is ok as text", _set("events.looked_up.ok", "yes"), "should be true or false, not the text 'yes'"),
    ("an event that is a number", lambda d: d["events"].insert(1, 5), "events[1]: should be an object ({…}), not 5"),
    ("an event of an unknown kind", lambda d: d["events"].insert(1, {"kind": "rm -rf", "turn": 0}),
     "events[1].kind: unknown event kind 'rm -rf'"),
    ("an event without a kind", lambda d: d["events"].insert(1, {"turn": 0}), "events[1].kind: missing"),
    ("an event missing a field", lambda d: _event(d, "trainee_message").pop("response_seconds"),
     "events[2]: missing response_seconds"),
    ("no events", _set("events", []), "events: is empty"),
    ("events that are an object", _set("events", {"0": {}}), "events: should be a list, not an object"),
    ("no id, trainee or start", lambda d: [d.pop(k) for k in ("id", "trainee", "started_at")],
     "missing trainee, id, started_at"),
    ("notes that are an object", _set("notes", {"text": "hi"}), "notes: should be a list, not an object"),
    ("a note whose text is a number", _set("notes.text", 5), "notes[0].text: should be text, not 5"),
    ("a note at turn 'three'", _set("notes.turn", "three"), "notes[0].turn: should be a whole number"),
    ("an override of a trade that isn't one", _set("overrides.trade", "charm"),
     "overrides[0].trade: the text 'charm' is not one of 'facilitator', 'detective' or 'plumber'"),
    ("an override scored 1000", _set("overrides.score", 1000), "overrides[0].score: 1000 is out of range (at most 100)"),
    ("a trade score that is text", lambda d: d["scorecard"]["trades"]["plumber"].update(score="high"),
     "scorecard.trades.plumber.score: should be a whole number, not the text 'high'"),
    ("a trade that isn't one", lambda d: d["scorecard"]["trades"].update(charm={"score": 1}),
     "scorecard.trades: the text 'charm' is not allowed here"),
    ("trades that are a list", lambda d: d["scorecard"].update(trades=[60, 40, 20]),
     "scorecard.trades: should be an object ({…}), not a list"),
    ("tips that are numbers", lambda d: d["scorecard"].update(tips=[1, 2]), "scorecard.tips[0]: should be text, not 1"),
    ("evidence at turn 'x'", lambda d: d["scorecard"]["trades"]["facilitator"]["criteria"][0]["evidence"][0].update(
        turn="x"), "scorecard.trades.facilitator.criteria[0].evidence[0].turn: should be a whole number"),
    ("a criterion title that is a list", lambda d: d["scorecard"]["trades"]["detective"]["criteria"][0].update(
        title=["a"]), "scorecard.trades.detective.criteria[0].title: should be text, not a list"),
    ("a manifest that is a list", _set("manifest", [1]), "manifest: should be an object ({…}), not a list"),
    ("a curriculum tag that is an object", _set("manifest", {"curriculum": {"id": "x"}}),
     "manifest.curriculum: should be text, not an object"),
    ("a manifest 200 levels deep", lambda d: d.update(manifest=json.loads('{"a":' * 200 + "1" + "}" * 200)),
     "manifest: nested more than 64 levels deep"),
    ("a NUL in a note", _set("notes.text", "fine\x00"), "notes[0].text: holds a NUL character"),
    ("half a Unicode character in a message", _set("events.trainee_message.text", "hi \ud800"),
     "events[2].text: holds half a Unicode character"),
    ("half a Unicode character in a manifest key", _set("manifest", {"\udcff": 1}),
     "manifest: a name holds half a Unicode character"),
    ("version \"1\" as text", _set("version", "1"),
     "\"version\" must be a whole number from 1 (this Webcare Trainer writes 1), not the text '1'"),
    ("version 0", _set("version", 0), "\"version\" must be a whole number from 1"),
    ("a newer version", _set("version", 2), "session format version 2 is newer than this Webcare Trainer knows (1)"),
    ("another format", _set("format", "webcare-scorecard"), "not a Webcare session"),
    ("a list, not a session", _Whole(lambda d: [d]), "not a Webcare session"),
]


def _strange_but_fine(data: dict, n: int) -> dict:
    """Valid records a coach may well have: odd languages, no scorecard, fields from a later version."""
    out = copy.deepcopy(data)
    out["id"] = f"fine-{n}"
    if n == 1:
        out.update(language="xx", channel="", title=None, scorecard=None, notes=[], overrides=[], future_field=[1, {}])
    elif n == 2:
        _event(out, "trainee_message")["text"] = "Sorry! " * 150_000 + "<script>x</script> 😀"
        out["trainee"] = "=HYPERLINK(\"x\") ..\\..\\etc 😀"
        out["manifest"] = {"api_key": "sk-SENTINEL", "curriculum": "onboarding"}
    return out


def _records(played: dict) -> tuple[list, list[str]]:
    records, told = [], []
    for n, (_, change, message) in enumerate(HOSTILE):
        data = copy.deepcopy(played)
        data["id"] = f"bad-{n}"
        if isinstance(change, _Whole):
            data = change.make(data)
        else:
            change(data)
        records.append(data)
        told.append(message)
    return records, told


def test_a_batch_of_hostile_records_imports_the_good_ones_and_tells_each_bad_one_in_a_line(played, db_url, tmp_path,
                                                                                             capsys):
    bad, told = _records(played)
    good = [copy.deepcopy(played), _strange_but_fine(played, 1), _strange_but_fine(played, 2)]
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([good[0], *bad[:20], good[1], *bad[20:], good[2]], ensure_ascii=True), "utf-8")
    assert main(["import", str(batch), "--db", db_url]) == 1
    out, err = capsys.readouterr()
    assert f"3 imported, 0 already there, {len(bad)} failed" in out
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == len(bad), "one line per bad record"
    for i, (line, message) in enumerate(zip(lines, told, strict=True)):
        index = i + 2 if i < 20 else i + 3  # 1-based place in the file, after the good ones before it
        assert line.startswith(f"{batch}:{index}: "), line[:200]
        assert message in line, f"{HOSTILE[i][0]}: {line[:300]}"
        assert len(line) < 400
    assert "newer" not in next(line for line in lines if "the text '1'" in line)

    store = open_store(db_url)
    rows = store.sessions()
    assert sorted(r.id for r in rows) == sorted(g["id"] for g in good)
    for row in rows:
        session = store.load(row.id)
        assert html(session).startswith("<!DOCTYPE html>")
        assert markdown(session).startswith("# ")
    assert "sk-SENTINEL" not in json.dumps(store.load("fine-2").manifest)
    store.close()
    folder = tmp_path / "pages"
    for kind in ("html", "markdown"):
        assert main(["export", "--db", db_url, "--format", kind, "-o", str(folder / kind)]) == 0
        assert len(list((folder / kind).iterdir())) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_a_jsonl_file_with_a_broken_line_imports_the_other_lines(played, tmp_path, capsys):
    first, second = copy.deepcopy(played), copy.deepcopy(played)
    second["id"] = "second"
    lines = [json.dumps(first), '{"format": "webcare-session", "version": 1, "id": ', "", json.dumps(second),
             '{"format": "webcare-session", "version": 1, "events": [{"at": NaN}]}', "[" * 5000 + "]" * 5000]
    path = tmp_path / "laptop.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "class.db")]) == 1
    out, err = capsys.readouterr()
    assert "2 imported, 0 already there, 3 failed" in out
    assert f"{path}:2: not JSON" in err
    assert f"{path}:5: missing scenario" in err and f"{path}:6: nested too deeply to be a session" in err
    assert "Traceback" not in err


def test_a_file_nested_too_deeply_for_json_is_told_not_thrown(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "class.db")]) == 1
    assert f"{path}: can't be read: nested too deeply to be a session" in capsys.readouterr().err


def test_a_file_saved_with_a_byte_order_mark_imports(played, tmp_path, capsys):
    path = tmp_path / "excel.json"
    path.write_text("\ufeff" + json.dumps(played), "utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "class.db")]) == 0
    assert "1 imported" in capsys.readouterr().out
