"""A coach's stories with big files in `webcare score`: a whole export read one conversation at a time,
a conversation too long to score refused in one line, and progress a log can keep."""

from __future__ import annotations

import csv
import json
import os
import re
import threading
import tracemalloc

import pytest
from conftest import DATA

from scoring.batch import jsonitems
from scoring.batch.conversation import ReadError
from scoring.batch.limits import Limits
from scoring.batch.readers import read_file
from trainer.cli import main
from trainer.commands import score as score_command
from trainer.engine.events import CustomerMessage, SessionStarted, TraineeMessage

TRANSCRIPTS = DATA / "transcripts"
MB = 1_000_000


@pytest.fixture
def score(capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["score", *map(str, args)])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


def session(n: int, turns: int = 30) -> dict:
    """A saved session of the legroom case, `turns` replies long, each reply its own words."""
    events = [SessionStarted(0, "legroom-en", "en", n, 30, 5, "test").to_dict()]
    for turn in range(1, turns + 1):
        events.append(CustomerMessage(turn - 1, f"Where is my €160? (message {n}-{turn})", "opening", 30).to_dict())
        events.append(TraineeMessage(turn, f"I'm sorry, Daniela; I'm checking booking {n}-{turn} now.", 20.0).to_dict())
    return {"format": "webcare-session", "version": 1, "id": f"s{n}", "scenario": "legroom-en", "language": "en",
            "trainee": "anna", "events": events}


def write_export(path, size: int, *, jsonl: bool) -> int:
    """Sessions up to `size` bytes, one per line or as one JSON list; how many."""
    parts, written, n = [], 0, 0
    while written < size:
        parts.append(json.dumps(session(n)))
        written += len(parts[-1]) + 2
        n += 1
    path.write_text("\n".join(parts) + "\n" if jsonl else "[\n" + ",\n".join(parts) + "\n]\n", "utf-8")
    return n


def write_csv_export(path, size: int) -> int:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["conversation", "timestamp", "role", "text"])
        n = 0
        while out.tell() < size:
            for turn in range(30):
                writer.writerow([f"chat-{n}", f"10:{turn:02d}", "customer", f"Where is my refund? ({n}-{turn})"])
                writer.writerow([f"chat-{n}", f"10:{turn:02d}:30", "agent", f"Checking case {n}-{turn} now."])
            n += 1
    return n


@pytest.mark.parametrize("kind", ["jsonl", "json list", "csv"])
def test_a_two_megabyte_export_is_read_holding_one_conversation_at_a_time(tmp_path, kind):
    path = tmp_path / ("export.csv" if kind == "csv" else "export.jsonl" if kind == "jsonl" else "export.json")
    sessions = write_csv_export(path, 2 * MB) if kind == "csv" else write_export(path, 2 * MB, jsonl=kind == "jsonl")

    tracemalloc.start()
    try:
        conversations = read_file(path)  # checked to the end
        assert len(conversations) == sessions
        each = iter(conversations)
        assert iter(each) is each  # an iterator, not a list of them all
        assert sum(1 for _ in each) == sessions
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MB, f"reading a 2 MB file held {peak / MB:.1f} MB at once"


def test_rows_of_several_chats_mixed_together_still_give_each_chat_whole_in_the_order_they_start(tmp_path):
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("conversation,role,text\nb,customer,Hi\na,customer,Hello\nb,agent,Hi there\n"
                     "a,agent,Hello to you\nb,customer,Bye\nc,customer,Yo\nc,agent,Yes?\n", "utf-8")
    assert [(c.source.split("#")[1], [line.text for line in c.lines]) for c in read_file(mixed)] == [
        ("b", ["Hi", "Hi there", "Bye"]), ("a", ["Hello", "Hello to you"]), ("c", ["Yo", "Yes?"])]


def test_a_list_of_sessions_is_read_the_same_whatever_the_chunk_it_is_read_in(tmp_path, monkeypatch):
    export = tmp_path / "export.json"
    sessions = [session(n, turns=3) for n in range(4)]
    export.write_text(json.dumps(sessions, indent=1, ensure_ascii=False), "utf-8")
    broken = tmp_path / "broken.json"
    text = json.dumps(sessions, indent=1).replace('"version": 1', '"version": 1,,', 3)
    broken.write_text(text, "utf-8")
    expected_line = text[: text.index(",,") + 1].count("\n") + 1
    for chunk in (1, 7, 1 << 16):
        monkeypatch.setattr(jsonitems, "CHUNK", chunk)
        assert [c.source.rsplit("#")[1] for c in read_file(export)] == ["1", "2", "3", "4"]
        with pytest.raises(ReadError, match=rf"broken.json:{expected_line}: not valid JSON \(Expecting"):
            read_file(broken)


def test_a_file_changed_after_it_was_checked_is_told_not_half_scored(tmp_path):
    export = tmp_path / "export.jsonl"
    write_export(export, 10_000, jsonl=True)
    conversations = read_file(export)
    export.write_text("not JSON any more\n" * 3, "utf-8")
    with pytest.raises(ReadError, match=r"export\.jsonl"):
        list(conversations)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_transcript_piped_in_is_read_twice_too(tmp_path):
    """`webcare score <(zcat chat.txt.gz)`: a pipe can be read once, so it is kept on disk while it is scored."""
    pipe = tmp_path / "chat-pipe"
    os.mkfifo(pipe)
    text = (TRANSCRIPTS / "generic-broadband.txt").read_text("utf-8")
    writer = threading.Thread(target=pipe.write_text, args=(text, "utf-8"))
    writer.start()
    try:
        [conversation] = read_file(pipe)
    finally:
        writer.join(timeout=10)
    assert conversation.source == str(pipe) and conversation.lines[0].text.startswith("My bill doubled")


# -- one conversation too long to score ------------------------------------------------------------

def test_a_transcript_of_more_than_two_thousand_messages_is_refused_with_the_limit_and_what_to_do(tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_text("".join(f"Customer: Hello? ({n})\nAgent: One moment. ({n})\n" for n in range(1001)), "utf-8")
    with pytest.raises(ReadError) as refused:
        read_file(chat)
    assert str(refused.value) == (f"{chat}:2001: more than 2,000 messages in one conversation; split it, or raise "
                                  "the limit with --max-messages N")


def test_max_messages_raises_or_lowers_the_limit(score, tmp_path):
    chat = tmp_path / "chat.txt"
    chat.write_text((TRANSCRIPTS / "generic-broadband.txt").read_text("utf-8"), "utf-8")
    messages = sum(1 for line in chat.read_text("utf-8").splitlines() if line.startswith(("Customer:", "Agent:")))

    code, out, err = score(chat, "--max-messages", messages - 1)
    assert code == 1 and out == ""
    assert f"more than {messages - 1:,} messages in one conversation; split it, or raise the limit" in err

    code, out, _ = score(chat, "--max-messages", messages)
    assert code == 0 and "chat.txt" in out

    with pytest.raises(SystemExit) as refused:
        score(chat, "--max-messages", "0")
    assert refused.value.code == 2


@pytest.mark.parametrize("kind", ["one session", "a JSONL line", "an element of a list", "a text line"])
def test_a_conversation_bigger_than_the_limit_allows_is_refused_before_it_is_read_whole(score, tmp_path, kind):
    big = session(0, turns=60)  # about 11 KB; two messages may take 16 KB
    big["events"][1]["text"] = "Where is my refund? " * 1000
    path = tmp_path / {"one session": "one.json", "a JSONL line": "many.jsonl",
                       "an element of a list": "list.json", "a text line": "chat.txt"}[kind]
    if kind == "one session":
        path.write_text(json.dumps(big), "utf-8")
    elif kind == "a JSONL line":
        path.write_text(json.dumps(session(1, turns=1)) + "\n" + json.dumps(big) + "\n", "utf-8")
    elif kind == "an element of a list":
        path.write_text(json.dumps([session(1, turns=1), big]), "utf-8")
    else:
        path.write_text("Customer: " + "Where is my refund? " * 1000 + "\nAgent: Sorry.\n", "utf-8")
    where = {"one session": f"{path}:1", "a JSONL line": f"{path}:2", "an element of a list": f"{path}#2",
             "a text line": f"{path}:1"}[kind]

    code, _, err = score(path, "--max-messages", 2)
    assert code == 1
    assert f"{where}: more than 16 KB in " in err
    assert "(the most 2 messages may take); split it, or raise the limit with --max-messages N" in err


def test_a_csv_conversation_over_the_limit_is_named_and_the_others_are_still_checked(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("conversation,role,text\n" + "".join(f"long,customer,Hi {n}\n" for n in range(4))
                      + "short,agent,Hello\nshort,bot,Hm\n", "utf-8")
    with pytest.raises(ReadError) as refused:
        read_file(export, Limits(messages=3))
    assert refused.value.problems == [
        f"{export}:5: more than 3 messages in conversation 'long'; split it, or raise the limit with --max-messages N",
        f"{export}:7: unknown role 'bot'; the role column says Customer or Agent (Klant or Medewerker)"]


# -- progress that a log can keep ------------------------------------------------------------------

def fake_clock(monkeypatch, step: float) -> None:
    """Each look at the clock finds it `step` seconds later."""
    now = [0.0]

    def tick() -> float:
        now[0] += step
        return now[0]

    monkeypatch.setattr(score_command, "_now", tick)


def test_scoring_into_a_log_prints_a_plain_line_every_ten_seconds(score, tmp_path, monkeypatch):
    files = []
    for n in range(6):
        files.append(tmp_path / f"chat{n}.txt")
        files[-1].write_text((TRANSCRIPTS / "generic-broadband.txt").read_text("utf-8"), "utf-8")
    fake_clock(monkeypatch, 4.0)  # every conversation takes four seconds

    code, _, err = score(*files)
    assert code == 0
    assert err == "scoring: 3 of 6 conversations (50%), 12 s so far, about 12 s left\n"


def test_a_long_batch_into_a_log_gets_one_short_line_each_ten_seconds_and_no_terminal_codes(monkeypatch, capsys):
    fake_clock(monkeypatch, 1.0)
    with score_command._Progress(1000) as step:
        for _ in range(1000):
            step()
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 99  # 1,000 s: one line each 10 s, none after the last conversation
    assert lines[0] == "scoring: 10 of 1,000 conversations (1%), 10 s so far, about 16 min 30 s left"
    assert lines[-1] == "scoring: 990 of 1,000 conversations (99%), 16 min 30 s so far, about 10 s left"
    assert all(len(line) < 100 and re.fullmatch(r"[\w ,:%()]+", line) for line in lines)


def test_a_single_conversation_or_a_quick_batch_prints_no_progress(score, monkeypatch):
    fake_clock(monkeypatch, 0.1)
    code, _, err = score(TRANSCRIPTS / "generic-broadband.txt", TRANSCRIPTS / "two-conversations.csv")
    assert code == 0 and err == ""
