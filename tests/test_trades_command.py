"""`webcare trades`: a coach labels each turn of a JSON-lines file with the trade it shows."""

from __future__ import annotations

import io
import json
import sys

import pytest

from trainer.cli import main

TURNS = [
    {"id": 1, "text": "What happened when you got to the gate?", "speaker": "Sam"},
    {"id": 2, "text": "Dat klinkt echt frustrerend, zeker na twee bevestigingen.",
     "context": [{"role": "customer", "text": "Ik heb twee bevestigingen gekregen en toch geen stoel!"}]},
    {"id": 3, "text": "I'll refund the seats today and rebook you on the morning flight.", "language": "en"},
    {"id": 4, "text": "Hoi!"},
]


def _write(path, lines):
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def _jsonl(path, rows):
    return _write(path, [json.dumps(row, ensure_ascii=False) for row in rows])


def test_each_line_comes_back_with_all_its_fields_and_a_trade(tmp_path, capsys):
    source = _jsonl(tmp_path / "turns.jsonl", TURNS)
    assert main(["trades", str(source)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["trade"] for row in out] == ["detective", "facilitator", "plumber", "other"]
    for original, labelled in zip(TURNS, out):
        assert list(labelled) == [*original, "trade"]
        assert {k: labelled[k] for k in original} == original


def test_output_goes_to_a_file_with_o_and_a_summary_on_request(tmp_path, capsys):
    source = _jsonl(tmp_path / "turns.jsonl", TURNS)
    target = tmp_path / "labelled.jsonl"
    assert main(["trades", str(source), "-o", str(target), "--summary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "4 turns: facilitator 1, detective 1, plumber 1, other 1" in captured.err
    assert [json.loads(line)["trade"] for line in target.read_text("utf-8").splitlines()] == \
        ["detective", "facilitator", "plumber", "other"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_dash_reads_standard_input(monkeypatch, capsys):
    lines = "".join(json.dumps(row) + "\n" for row in TURNS[:1])
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode("utf-8")), encoding="utf-8"))
    assert main(["trades", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["trade"] == "detective"


def test_lang_sets_the_language_of_every_line_and_scores_can_be_added(tmp_path, capsys):
    source = _jsonl(tmp_path / "turns.jsonl", [{"text": "Ik boek je om en stort het verschil vandaag terug."}])
    assert main(["trades", str(source), "--lang", "nl", "--scores"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["trade"] == "plumber"
    assert set(row["trade_scores"]) == {"facilitator", "detective", "plumber", "other"}
    assert max(row["trade_scores"], key=row["trade_scores"].get) == "plumber"


BAD_LINES = [
    ("{not json", "not JSON"),
    ('["a list"]', "not a JSON object but a list"),
    ('{"txt": "typo in the field name"}', "no `text` field"),
    ('{"text": 42}', "`text` is a number, not a string"),
    ('{"text": "Hi", "context": "the customer was angry"}', "`context` is a string, not a list"),
    ('{"text": "Hi", "context": [{"role": "boss", "text": "Hurry"}]}', "role 'boss'"),
    ('{"text": "Hi", "context": [{"role": "customer"}]}', "no `text` string"),
    ('{"text": "Hi", "language": "de"}', "`language` is 'de'"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES)
def test_a_bad_line_is_named_by_file_and_line_skipped_and_the_exit_code_is_1(tmp_path, capsys, bad, message):
    source = _write(tmp_path / "turns.jsonl", [json.dumps(TURNS[0]), "", bad, json.dumps(TURNS[3])])
    assert main(["trades", str(source)]) == 1
    captured = capsys.readouterr()
    assert f"{source}:3: " in captured.err
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [1, 4]


def test_strict_stops_at_the_first_bad_line_and_writes_no_file(tmp_path, capsys):
    source = _write(tmp_path / "turns.jsonl", [json.dumps(TURNS[0]), '{"text": null}', json.dumps(TURNS[3])])
    target = tmp_path / "labelled.jsonl"
    assert main(["trades", str(source), "--strict", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:2: `text` is null, not a string" in err
    assert "--strict" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]


def test_a_missing_file_is_said_plainly(tmp_path, capsys):
    assert main(["trades", str(tmp_path / "nowhere.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "no such file" in err and "nowhere.jsonl" in err
    assert "Traceback" not in err


def test_an_empty_file_gives_no_lines_and_succeeds(tmp_path, capsys):
    source = _write(tmp_path / "empty.jsonl", [])
    assert main(["trades", str(source), "--summary"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 turns" in captured.err


def test_bytes_that_are_not_utf8_are_a_bad_line(tmp_path, capsys):
    source = tmp_path / "turns.jsonl"
    source.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps(TURNS[0]).encode() + b"\n")
    assert main(["trades", str(source)]) == 1
    captured = capsys.readouterr()
    assert f"{source}:1: not UTF-8 text" in captured.err
    assert json.loads(captured.out)["trade"] == "detective"
