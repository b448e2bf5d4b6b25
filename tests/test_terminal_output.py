"""What reaches a terminal from names, notes, messages, files and models is shown, never obeyed: `history`, exports
to the screen, plain play and its scorecard, a live customer's words, `webcare score`, `curriculum`, `doctor`.
A control character is written out (`\\x1b`); the store keeps the text as it came."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from llm_fixtures import TEST_KEY
from llm_server import Reply

from tests.ui.hostile_steps import hostile_curriculum, hostile_scenario
from trainer.commands.doctor import diagnose
from trainer.engine.events import CustomerMessage
from trainer.playthrough import run_playthrough
from trainer.scenario.library import find_scenario
from trainer.store import open_store
from trainer.terminal import CONTROLS, Shown, shown, shown_json

NAME = "Anna\x1b[2J\x1b]52;c;aGk=\x07\x9b31m\x7f"
"""Clears the screen, writes the clipboard (OSC 52), rings the bell, a C1 CSI, DEL."""
NAME_SHOWN = "Anna\\x1b[2J\\x1b]52;c;aGk=\\x07\\x9b31m\\x7f"
SAID = "Sorry about your seats \x1b[31mred\x1b[0m. What happened?\rI was never here"


def raw_controls(text: str) -> list[str]:
    return sorted({repr(m.group()) for m in CONTROLS.finditer(text)})


@pytest.fixture
def hostile_store(tmp_path):
    """The session store `run_webcare` uses, with a finished legroom session by a trainee named NAME whose first
    message is SAID, in a scenario whose id is hostile, with a note by a coach named NAME."""
    legroom = find_scenario("legroom-en")
    moves = [SAID, *next(p for p in legroom.playthroughs if p.name == "exemplary").trainee]
    run = run_playthrough(legroom, next(p for p in legroom.playthroughs).model_copy(update={"trainee": moves}))
    store = open_store(str(tmp_path / "sessions.db"))
    session_id = store.begin(trainee=NAME, scenario=legroom.model_copy(update={"id": "legroom\x1b[2J"}))
    store.record(session_id, run.events, 0)
    store.finish(session_id, run.scorecard.to_dict())
    store.add_note(session_id, "see turn 1\x1b[2J", author=NAME, turn=1)
    store.close()
    return session_id


def test_shown_writes_out_every_control_but_newline_tab_and_a_line_ending():
    assert shown("a\x1b[2Jb\x07\x9b\tc\nd\r\ne\rf\x7f\x00") == "a\\x1b[2Jb\\x07\\x9b\tc\nd\r\ne\\x0df\\x7f\\x00"
    assert shown("Oké — “quoted” 🙂") == "Oké — “quoted” 🙂"
    assert json.loads(shown_json(json.dumps({"name": NAME}, ensure_ascii=False))) == {"name": NAME}
    out = io.StringIO()
    Shown(out).write(NAME)
    assert out.getvalue() == NAME_SHOWN


def test_history_shows_a_hostile_name_and_scenario_as_text(run_webcare, hostile_store):
    result = run_webcare("history", "--trainee", NAME)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert f"{NAME_SHOWN}: 1 attempts at 1 scenarios" in result.stdout
    assert "legroom\\x1b[2J" in result.stdout


@pytest.mark.parametrize("kind", ["csv", "markdown", "html", "json"])
def test_an_export_to_the_screen_shows_controls_as_text(run_webcare, hostile_store, kind):
    result = run_webcare("export", "--format", kind)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    if kind == "json":  # still JSON, and the same data: it imports back as it was stored
        [session] = json.loads(result.stdout)
        assert session["trainee"] == NAME and session["notes"][0]["text"] == "see turn 1\x1b[2J"
    else:
        assert "Anna\\x1b" in result.stdout


def test_plain_play_shows_the_files_and_the_trainees_controls_as_text_and_quotes_them_so(run_webcare, tmp_path):
    scenario = hostile_scenario(tmp_path)
    result = run_webcare("play", str(scenario), "--plain", stdin=f"{SAID}\n/lookup booking\n/end\n")
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    card = result.stdout[result.stdout.index("FACILITATOR"):]
    assert "\\x1b[31mred\\x1b[0m" in card  # the scorecard quotes the message as typed, controls written out
    assert "[/]LINE[@click=app.quit]LINE[/]" in result.stdout  # her line, from the file (wrapped after it)


def test_a_live_customers_words_are_shown_as_text_and_stored_as_received(llm_server, tmp_path):
    reply = "Fine.\x1b[2J\x1b]0;pwned\x07 Why did I not get my seats?\x9b"
    llm_server.respond_with(lambda request: Reply(reply))
    legroom = find_scenario("legroom-en")
    moves = next(p for p in legroom.playthroughs if p.name == "exemplary").trainee
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE", "AZURE_OPENAI"))}
    env |= {"WEBCARE_DB": str(tmp_path / "sessions.db"), "WEBCARE_CONFIG": str(tmp_path / "none.toml"),
            "PYTHONIOENCODING": "utf-8", "OPENAI_BASE_URL": llm_server.base_url, "OPENAI_API_KEY": TEST_KEY}
    result = subprocess.run([sys.executable, "-m", "trainer", "play", "legroom-en", "--plain"],
                            input="\n".join(moves) + "\n", capture_output=True, text=True, cwd=tmp_path, env=env,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout + result.stderr) == []
    assert "Fine.\\x1b[2J\\x1b]0;pwned\\x07 Why did I not get my seats?\\x9b" in result.stdout
    store = open_store(str(tmp_path / "sessions.db"))
    stored = store.load(store.sessions()[0].id)
    store.close()
    assert reply in [e.text for e in stored.events if isinstance(e, CustomerMessage)]


def test_webcare_score_shows_a_transcripts_controls_as_text(run_webcare, tmp_path):
    transcript = tmp_path / "hostile.csv"
    transcript.write_text("conversation,timestamp,role,text\n"
                          f'"{NAME}",2024-11-14T10:02:00,customer,"Why did I not get my seats?\x1b[2J"\n'
                          f'"{NAME}",2024-11-14T10:03:30,agent,"Sorry about your seats. What happened?\x9b31m"\n',
                          "utf-8")
    for kind in ("table", "csv", "json"):
        result = run_webcare("score", str(transcript), "--scenario", "legroom-en", "--format", kind)
        assert result.returncode == 0, result.stderr
        assert raw_controls(result.stdout + result.stderr) == [], kind
        assert "Anna\\x1b[2J" in result.stdout or (kind == "json" and NAME in json.loads(result.stdout)[0]["source"])


def test_the_curriculum_command_shows_a_hostile_curriculum_as_text(run_webcare, tmp_path):
    result = run_webcare("curriculum", str(hostile_curriculum(tmp_path)), "--trainee", NAME)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert "[/]CURRICULUM[@click=app.quit]CURRICULUM[/][b]\\x1b[2J\\x07\\x9b" in result.stdout


def test_doctor_shows_what_a_hostile_endpoint_says_as_text(tmp_path):
    from llm_server import LLMServer

    server = LLMServer(models=("model\x1b[2J\x9b",)).start()
    try:
        server.respond_with(lambda request: Reply("OK\x1b]52;c;aGk=\x07"))
        out = io.StringIO()
        diagnose(None, out, env={"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_BASE_URL": server.base_url,
                                 "WEBCARE_MODEL": "other"})
    finally:
        server.stop()
    assert raw_controls(out.getvalue()) == []
    assert "model\\x1b[2J\\x9b" in out.getvalue()

