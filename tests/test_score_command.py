"""A coach's stories with `webcare score`: saved sessions, real transcripts as text or CSV, and bad files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import DATA, SCENARIOS

from scoring.batch.conversation import Conversation, Line
from scoring.batch.readers import read_file
from scoring.batch.scorecards import Rubric, events_of
from scoring.batch.times import parse_time, relative
from trainer.cli import main
from trainer.engine.events import CustomerMessage, TraineeMessage
from trainer.play.transcript import transcript_events
from trainer.scenario.library import find_scenario
from trainer.scenario.loader import load_scenario

TRANSCRIPTS = DATA / "transcripts"


@pytest.fixture
def score(capsys):
    """Run `webcare score ARGS` in this process: (exit code, standard output, standard error)."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["score", *map(str, args)])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return run


def scores(card: dict) -> dict[str, int]:
    return {trade: value["score"] for trade, value in card["trades"].items()}


def criterion(card: dict, trade: str, name: str) -> dict:
    return next(c for c in card["trades"][trade]["criteria"] if c["id"] == name)


# -- saved sessions ------------------------------------------------------------------------------

def test_a_coach_scores_a_saved_session_and_gets_the_scores_the_game_gave(run_webcare, tmp_path, score):
    exemplary = load_scenario(SCENARIOS / "legroom-en.yaml").playthroughs[0]
    played = run_webcare("play", "legroom-en", "--plain", "--session-json", "session.json",
                         "--scorecard-json", "card.json", stdin="\n".join(exemplary.trainee) + "\n")
    assert played.returncode == 0, played.stderr
    assert "Session written to session.json" in played.stdout
    game_card = json.loads((tmp_path / "card.json").read_text("utf-8"))

    code, out, _ = score(tmp_path / "session.json", "--format", "json")
    assert code == 0
    [card] = json.loads(out)
    assert card.pop("source") == str(tmp_path / "session.json")
    card.pop("trainee")
    assert card == game_card
    assert card["outcome"] == "resolved"


def test_a_saved_session_can_also_be_imported_into_the_store(run_webcare, tmp_path):
    played = run_webcare("play", "legroom-en", "--plain", "--session-json", "s.json", stdin="Hello Daniela.\n/end\n")
    assert played.returncode == 0, played.stderr
    imported = run_webcare("import", "s.json")
    assert imported.returncode == 0, imported.stderr
    assert "1 imported" in imported.stdout


def test_a_list_of_sessions_and_a_jsonl_file_are_each_scored_session_by_session(run_webcare, tmp_path, score):
    for name, moves in (("a.json", "Hello Daniela.\n/end\n"), ("b.json", "So sorry about the legroom.\n/end\n")):
        assert run_webcare("play", "legroom-en", "--plain", "--session-json", name, stdin=moves).returncode == 0
    sessions = [json.loads((tmp_path / n).read_text("utf-8")) for n in ("a.json", "b.json")]
    (tmp_path / "both.json").write_text(json.dumps(sessions), "utf-8")
    (tmp_path / "both.jsonl").write_text("\n".join(json.dumps(s) for s in sessions) + "\n", "utf-8")

    code, out, _ = score(tmp_path / "both.json", tmp_path / "both.jsonl")
    assert code == 0
    for source in ("both.json#1", "both.json#2", "both.jsonl#1", "both.jsonl#2"):
        assert source in out
    assert "mean of 4" in out


# -- transcripts through a scenario ------------------------------------------------------------

def test_a_plain_text_transcript_of_the_legroom_case_is_replayed_through_its_scenario(score):
    code, out, _ = score(TRANSCRIPTS / "legroom-good.txt", TRANSCRIPTS / "legroom-copy-paste.txt",
                         "--scenario", "legroom-en", "--format", "json")
    assert code == 0
    good, copy_paste = json.loads(out)
    assert good["scenario"] == "legroom-en" and good["outcome"] == "resolved"
    assert criterion(good, "detective", "key_facts")["score"] >= 70  # the /lookup lines were played as moves
    prompt = criterion(good, "facilitator", "prompt")  # timed: one reply of four took over 3 min on Twitter
    assert prompt["score"] == 75 and "4 min" in prompt["evidence"][0]["note"]
    untrue = criterion(copy_paste, "detective", "nothing_untrue")
    assert untrue["score"] < 50 and any("e-mail" in e.get("quote", "") for e in untrue["evidence"])
    for trade in ("facilitator", "detective", "plumber"):
        assert good["trades"][trade]["score"] > copy_paste["trades"][trade]["score"]


def test_the_customers_real_lines_are_kept_and_replies_without_times_are_unknown():
    scenario = find_scenario("legroom-en")
    [timed] = read_file(TRANSCRIPTS / "legroom-good.txt")
    events, _ = events_of(timed, Rubric(scenario, replay=transcript_events), find_scenario)
    said = [e.text for e in events if isinstance(e, CustomerMessage) and e.text]
    assert said[0].startswith("@SkyblueAir We paid €160") and said[0].endswith("I'd like to know why.")
    assert said[-1] == "Thank you. That's all I wanted."
    assert [e.response_seconds for e in events if isinstance(e, TraineeMessage)][:2] == [120.0, 240.0]

    [untimed] = read_file(TRANSCRIPTS / "legroom-copy-paste.txt")
    events, _ = events_of(untimed, Rubric(scenario, replay=transcript_events), find_scenario)
    assert {e.response_seconds for e in events if isinstance(e, TraineeMessage)} == {-1.0}


def test_a_dutch_transcript_with_klant_and_medewerker_lines_is_scored_in_dutch(score):
    code, out, _ = score(TRANSCRIPTS / "beenruimte-nl.txt", "--scenario", "legroom-nl", "--format", "json")
    assert code == 0
    [card] = json.loads(out)
    assert card["scenario"] == "legroom-nl"
    assert criterion(card, "plumber", "fitting_resolution")["score"] == 100  # /do refund_seats 160
    assert criterion(card, "detective", "key_facts")["score"] >= 70

    code, out, _ = score(TRANSCRIPTS / "beenruimte-nl.txt", "--format", "json")  # generic: Dutch guessed
    [generic] = json.loads(out)
    [english] = json.loads(score(TRANSCRIPTS / "generic-broadband.txt", "--format", "json")[1])
    assert criterion(generic, "facilitator", "acknowledges")["title"] != \
        criterion(english, "facilitator", "acknowledges")["title"]


def test_a_move_the_scenario_refuses_is_named_with_its_line(score, tmp_path):
    transcript = tmp_path / "refused.txt"
    transcript.write_text("Customer: Where are my seats?\nAgent: Let me check.\nAgent: /lookup passport\n", "utf-8")
    code, _, err = score(transcript, "--scenario", "legroom-en")
    assert code == 1
    assert f"{transcript}:3: the scenario legroom-en refuses this move: No look-up called 'passport'" in err


# -- CSV and the generic rubric -----------------------------------------------------------------

def test_a_csv_with_two_conversations_gives_a_row_each_and_their_mean(score):
    code, out, _ = score(TRANSCRIPTS / "two-conversations.csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["conversation", "turns", "outcome", "facilitator", "detective", "plumber"]
    good = next(line for line in lines if "#broadband-17" in line).split()
    poor = next(line for line in lines if "#broadband-18" in line).split()
    assert all(int(g) > int(p) for g, p in zip(good[-3:], poor[-3:]))
    assert lines[-1].startswith("mean of 2")


def test_csv_times_judge_how_fast_each_reply_came(score):
    _, out, _ = score(TRANSCRIPTS / "two-conversations.csv", "--format", "json")
    fast, slow = json.loads(out)
    assert criterion(fast, "facilitator", "prompt")["score"] == 100
    assert criterion(slow, "facilitator", "prompt")["score"] == 0
    assert "40 min" in criterion(slow, "facilitator", "prompt")["evidence"][0]["note"]


def test_without_a_scenario_the_generic_rubric_scores_what_needs_no_case(score):
    code, out, _ = score(TRANSCRIPTS / "generic-broadband.txt", "--format", "json")
    assert code == 0
    [card] = json.loads(out)
    assert card["scenario"] == "generic" and card["outcome"] is None
    for trade, name in (("detective", "key_facts"), ("plumber", "closes_loop"),
                        ("facilitator", "personal"), ("facilitator", "prompt")):
        assert criterion(card, trade, name)["score"] is None, name  # no facts, no name, no times
    for trade, name in (("facilitator", "acknowledges"), ("facilitator", "tone"), ("detective", "asks"),
                        ("detective", "checks_first"), ("plumber", "owns_next_step"),
                        ("plumber", "fitting_resolution"), ("plumber", "explains_why")):
        assert criterion(card, trade, name)["score"] is not None, name  # asked first, a step, a reason
    # two criteria are not enough to judge a trade: it says so rather than score the detective from them
    assert card["trades"]["detective"]["enough_evidence"] is False
    assert "enough_evidence" not in card["trades"]["plumber"]

    _, out, _ = score(TRANSCRIPTS / "generic-broadband.txt", "--customer-name", "Priya Shah", "--format", "json")
    [named] = json.loads(out)
    assert criterion(named, "facilitator", "personal")["score"] == 100  # "Hi Priya"


def test_json_and_csv_outputs_parse_and_go_to_a_file(score, tmp_path):
    files = (TRANSCRIPTS / "two-conversations.csv", TRANSCRIPTS / "generic-broadband.txt")
    code, _, err = score(*files, "--format", "json", "-o", tmp_path / "cards.json")
    assert code == 0 and "3 conversations scored" in err
    cards = json.loads((tmp_path / "cards.json").read_text("utf-8"))
    assert [c["source"].rsplit("/", 1)[-1] for c in cards] == [
        "two-conversations.csv#broadband-17", "two-conversations.csv#broadband-18", "generic-broadband.txt"]
    assert all(c["version"] == 1 and set(c["trades"]) == {"facilitator", "detective", "plumber"} for c in cards)

    code, out, _ = score(*files, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    assert [int(rows[i]["facilitator"]) for i in range(3)] == [scores(c)["facilitator"] for c in cards]
    assert rows[2]["detective.key_facts"] == ""  # not applicable on the generic rubric
    assert rows[0]["facilitator.prompt"] == "100"


# -- bad files ----------------------------------------------------------------------------------

BAD_FILES = [
    ("junk.bin", bytes(range(256)) * 4, "junk.bin: a binary file"),
    ("empty.txt", b"", "empty.txt: the file is empty"),
    ("columns.csv", b"who,what\nagent,hello\n", "columns.csv:1: no 'role' or 'text' column (the header has 'who', 'what')"),
    ("roles.csv", b"role,text\ncustomer,Hi\nbot,Hello!\nagent,Hey\n", "roles.csv:3: unknown role 'bot'"),
    ("speaker.txt", b"Supervisor: Hello\nAgent: Hi\n", "speaker.txt:1: unknown speaker 'Supervisor'"),
    ("heading.txt", b"Chat of Monday morning\nCustomer: Hi\nAgent: Hello\n", "heading.txt:1: text before the first speaker"),
    ("silent.txt", b"Customer: Anyone?\nCustomer: Hello?\n", "silent.txt: no agent messages"),
    ("latin1.txt", "Customer: Hi\nAgent: Caf\u00e9?\n".encode("latin-1"), "latin1.txt:2: not UTF-8 text"),
    ("time.txt", b"[9:7x] Customer: Hi\nAgent: Hello\n", "time.txt:1: can't read the time '9:7x'"),
    ("broken.json", b'{"format": "webcare-session",\n "version": 1,\n "scenario": }\n', "broken.json:3: not valid JSON"),
    ("other.json", b'{"messages": []}', "other.json: not a Webcare session"),
    ("newer.json", b'{"format": "webcare-session", "version": 9}', "newer.json: session format version 9 is newer"),
    ("event.json", (b'[{"format": "webcare-session", "version": 1, "scenario": "legroom-en", '
                   b'"events": [{"kind": "trainee_message", "turn": "one", "text": "Hi", "response_seconds": 1}]}]'),
     "event.json#1: events[0].turn: should be a whole number, not the text 'one'"),
    ("lost.json", (b'{"format": "webcare-session", "version": 1, "scenario": "no-such-case", '
                  b'"events": [{"kind": "session_started", "turn": 0, "scenario": "no-such-case", "language": "en", '
                  b'"seed": 0, "mood": 50, "patience": 5}]}'),
     "lost.json: its scenario can't be loaded (No scenario called 'no-such-case'"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_named_with_its_line_and_skipped_while_good_files_are_scored(score, tmp_path, name, content,
                                                                                   message):
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = score(TRANSCRIPTS / "generic-broadband.txt", bad)
    assert code == 1
    assert f"{tmp_path}/{message}" in err
    assert "1 conversation scored; 1 file failed" in err
    assert "generic-broadband.txt" in out


def test_missing_files_and_folders_are_told_apart(score, tmp_path):
    code, out, err = score(tmp_path / "nowhere.txt", tmp_path)
    assert code == 1 and out == ""
    assert f"{tmp_path / 'nowhere.txt'}: no such file" in err
    assert f"{tmp_path}: is a folder; give the files in it" in err


def test_every_problem_of_a_file_is_listed_at_once(score, tmp_path):
    bad = tmp_path / "roles.csv"
    bad.write_text("role;text\nklant;Hoi\nbot;Hallo\nmedewerker;Dag\nsupervisor;Hm\n", "utf-8")  # Dutch Excel: ;
    _, _, err = score(bad)
    assert f"{bad}:3: unknown role 'bot'" in err and f"{bad}:5: unknown role 'supervisor'" in err


# -- reading details ----------------------------------------------------------------------------

def test_continuation_lines_belong_to_the_previous_speaker(tmp_path):
    transcript = tmp_path / "t.txt"
    transcript.write_text("# exported\nCustomer: First line\nsecond line\n\nAgent: Reply\n", "utf-8")
    [conversation] = read_file(transcript)
    assert [(line.role, line.text, line.line) for line in conversation.lines] == [
        ("customer", "First line\nsecond line", 2), ("agent", "Reply", 5)]


def test_times_of_day_run_on_past_midnight():
    assert parse_time("23:59") == (86340.0, True)
    assert parse_time("2024-11-14T12:03:00Z")[1] is False
    assert parse_time("25:00") is None
    lines = [Line("customer", "a", 1, 86340.0), Line("agent", "b", 2, 60.0)]
    assert [line.at for line in relative(lines, clock_only=True)] == [0.0, 120.0]


def test_a_session_for_another_scenario_than_asked_is_refused(tmp_path):
    from scoring.batch.conversation import ReadError

    conversation = Conversation("s.json", "s.json", events=[], scenario="legroom-en")
    with pytest.raises(ReadError, match="played on legroom-en, not legroom-nl"):
        events_of(conversation, Rubric(find_scenario("legroom-nl"), replay=transcript_events), find_scenario)


def test_what_the_agent_writes_after_the_games_end_still_counts(tmp_path):
    copy_paste = next(p for p in load_scenario(SCENARIOS / "legroom-en.yaml").playthroughs if p.name == "copy-paste")
    transcript = tmp_path / "after.txt"
    transcript.write_text("Customer: Anyone home?\n" + "".join(f"Agent: {move}\n" for move in copy_paste.trainee)
                          + "Customer: A voucher. Unbelievable.\nAgent: I'm so sorry about the legroom, Daniela.\n",
                          "utf-8")
    [conversation] = read_file(transcript)
    events, scenario = events_of(conversation, Rubric(find_scenario("legroom-en"), replay=transcript_events), find_scenario)
    messages = [e for e in events if isinstance(e, TraineeMessage)]
    assert messages[-1].text == "I'm so sorry about the legroom, Daniela." and messages[-1].turn == 5
    assert [e.text for e in events if isinstance(e, CustomerMessage)][-1] == "A voucher. Unbelievable."

    from scoring import score as score_events

    card = score_events(events, scenario)
    assert card.outcome == "blogged" and card.turns == 5
