"""The command line: `OPENAI_BASE_URL=… webcare play legroom-en` plays with a live customer, `webcare doctor` says
plainly what is wrong, `webcare passk` reports pass^k; the key shows up nowhere; start-up never imports openai."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from llm_fixtures import TEST_KEY
from llm_server import Reply

from tests.llm.customer_steps import exemplary, in_character, legroom, play
from trainer.commands.doctor import diagnose
from trainer.commands.passk import measure, report
from trainer.customers.choose import Live
from trainer.review.export import html, markdown
from trainer.review.sessionjson import session_to_dict
from trainer.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def webcare(*args: str, stdin: str = "", env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI", "WEBCARE", "AZURE_OPENAI"))}
    clean |= {"WEBCARE_DB": str(tmp_path / "sessions.db"), "WEBCARE_CONFIG": str(tmp_path / "none.toml"),
              "PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(ROOT), **env}  # this checkout's code, not an install
    return subprocess.run([sys.executable, "-m", "trainer", *args], input=stdin, capture_output=True, text=True,
                          cwd=tmp_path, env=clean, timeout=60)


def no_key_in(text: str) -> bool:
    return TEST_KEY not in text and TEST_KEY[-12:] not in text


def test_webcare_play_with_only_a_base_url_plays_a_live_customer_and_keeps_no_key(llm_server, tmp_path):
    scenario = legroom()
    llm_server.respond_with(in_character)
    result = webcare("play", "legroom-en", "--plain", stdin="\n".join(exemplary(scenario)) + "\n", tmp_path=tmp_path,
                     env={"OPENAI_BASE_URL": llm_server.base_url, "OPENAI_API_KEY": TEST_KEY})
    assert result.returncode == 0, result.stderr
    assert f"live customer: test-model at 127.0.0.1:{llm_server.port}" in result.stderr
    assert result.stdout.count("@dani_maduro: Model says:") >= 5
    assert "The conversation ended: She got her €160 back" in result.stdout
    assert "Live customer: test-model" in result.stdout and "tokens in" in result.stdout
    assert all(r.headers["authorization"] == f"Bearer {TEST_KEY}" for r in llm_server.completions)
    assert all(no_key_in(r.text) for r in llm_server.requests)  # only in the Authorization header

    store = open_store(str(tmp_path / "sessions.db"))
    stored = store.load(store.sessions()[0].id)
    exports = [markdown(stored), html(stored), json.dumps(session_to_dict(stored)), json.dumps(stored.manifest)]
    assert stored.manifest["llm"]["usage"]["requests"] >= 5
    files = [f.read_bytes().decode("latin-1") for f in tmp_path.glob("sessions.db*")]  # the WAL too
    for artefact in [result.stdout, result.stderr, *exports, *files]:
        assert no_key_in(artefact)


def echo_key(request) -> Reply:
    """An endpoint that echoes the key it was sent (a debugging proxy, a misconfigured server, a hostile one)."""
    key = request.headers["authorization"].removeprefix("Bearer ")
    text = f"@SkyblueAir you sent me {key} and {key.upper()}, now where is my legroom?"
    return Reply(text, chunks=[text[i:i + 5] for i in range(0, len(text), 5)])


def test_an_endpoint_echoing_the_key_gets_it_into_no_transcript_database_or_export(llm_server, tmp_path):
    scenario = legroom()
    llm_server.respond_with(echo_key)
    result = webcare("play", "legroom-en", "--plain", stdin="\n".join(exemplary(scenario)) + "\n", tmp_path=tmp_path,
                     env={"OPENAI_BASE_URL": llm_server.base_url, "OPENAI_API_KEY": TEST_KEY,
                          "WEBCARE_MODEL": "test-model"})
    assert result.returncode == 0, result.stderr
    assert "you sent me *** and ***, now where is my legroom?" in result.stdout
    store = open_store(str(tmp_path / "sessions.db"))
    stored = store.load(store.sessions()[0].id)
    exports = [markdown(stored), html(stored), json.dumps(session_to_dict(stored)), json.dumps(stored.manifest)]
    files = [f.read_bytes().decode("latin-1") for f in tmp_path.glob("sessions.db*")]
    for artefact in [result.stdout, result.stderr, *exports, *files]:
        assert no_key_in(artefact) and no_key_in(artefact.lower()) and TEST_KEY.upper() not in artefact


def test_doctor_never_prints_a_key_the_endpoint_echoes(llm_server, tmp_path):
    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_API_KEY": TEST_KEY,
           "OPENAI_BASE_URL": llm_server.base_url}
    llm_server.respond_with(echo_key)
    out = io.StringIO()
    assert diagnose(None, out, env={**env, "WEBCARE_MODEL": "test-model"}) == 0
    assert "✓ A tiny completion works: it said '@SkyblueAir you sent me ***" in out.getvalue()
    llm_server.models = ("test-model", f"ft:{TEST_KEY}")
    assert diagnose(None, out, env=env) == 1
    assert "(the endpoint lists: test-model, ft:***)" in out.getvalue()
    assert no_key_in(out.getvalue()) and TEST_KEY.upper() not in out.getvalue()


def test_doctor_shows_what_the_endpoint_sends_as_text_never_as_terminal_controls(llm_server, tmp_path):
    from llm_server import Status

    llm_server.models = ("test-model", "\x1b[2J\x1b]0;owned\x07", "gpt\u202eevil")
    out = io.StringIO()
    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_BASE_URL": llm_server.base_url}
    assert diagnose(None, out, env=env) == 1
    assert "(the endpoint lists: test-model, \\x1b[2J\\x1b]0;owned\\x07, gpt\\u202eevil)" in out.getvalue()
    llm_server.fault(Status(400, body={"error": {"message": "bad \x1b[2Jrequest\x07"}}))
    assert diagnose(None, out, env={**env, "WEBCARE_MODEL": "test-model"}) == 1
    assert "✗ A tiny completion works: no — HTTP 400: bad [2Jrequest" in out.getvalue()
    assert "\x1b" not in out.getvalue() and "\u202e" not in out.getvalue() and "\x07" not in out.getvalue()


def test_the_key_is_in_no_log_output_message_or_fallback_notice(llm_server, llm_settings, caplog):
    scenario = legroom()
    caplog.set_level(logging.DEBUG)
    llm_server.respond_with(in_character)
    moves = exemplary(scenario)

    def trainee():
        yield from moves[:3]
        llm_server.stop()
        yield from moves[3:]

    card, out, customer = play(scenario, llm_settings, trainee())
    assert customer.record.fallbacks
    shown = [out, caplog.text, repr(customer), repr(customer.settings), str(customer.summary()), customer.cost_line(),
             json.dumps(card.to_dict())]
    assert all(no_key_in(text) for text in shown)


def test_starting_the_cli_and_the_tui_picker_imports_no_openai(tmp_path):
    probe = ("import sys, asyncio\n"
             "import trainer.cli\n"
             "trainer.cli._parser()\n"
             "assert 'openai' not in sys.modules, 'cli'\n"
             "from trainer.ui.app import make_app\n"
             "from trainer.ui.options import UiOptions\n"
             "async def main():\n"
             "    app = make_app(UiOptions(read_later=True, save_sessions=False))\n"
             "    async with app.run_test() as pilot:\n"
             "        await pilot.pause()\n"
             "        await app.workers.wait_for_complete()\n"
             "asyncio.run(main())\n"
             "print('openai' in sys.modules)\n")
    env = {**os.environ, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "WEBCARE_MODEL": "m",
           "WEBCARE_DB": str(tmp_path / "s.db")}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_doctor_says_plainly_what_is_wrong_and_never_shows_the_key(llm_server, tmp_path):
    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_API_KEY": TEST_KEY}
    out = io.StringIO()
    assert diagnose(None, out, env={**env, "OPENAI_BASE_URL": llm_server.base_url, "WEBCARE_MODEL": "test-model"}) == 0
    text = out.getvalue()
    assert "✓ The endpoint answers" in text and "✓ The model 'test-model' is listed" in text
    assert "✓ A tiny completion works" in text and "✓ Streaming works" in text and "key: set" in text

    llm_server.stop()
    out = io.StringIO()
    assert diagnose(None, out, env={**env, "OPENAI_BASE_URL": llm_server.base_url, "WEBCARE_MODEL": "x"}) == 1
    assert "✗ The endpoint answers: no — nothing answers at 127.0.0.1" in out.getvalue()

    out = io.StringIO()
    assert diagnose(None, out, env={"WEBCARE_CONFIG": str(tmp_path / "none.toml")}) == 1
    assert "Not configured: no model is set" in out.getvalue()
    assert no_key_in(text + out.getvalue())


def test_doctor_warns_when_the_first_word_comes_after_the_live_customers_deadline(llm_server, tmp_path):
    from llm_server import Slow

    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_BASE_URL": llm_server.base_url,
           "WEBCARE_MODEL": "test-model", "WEBCARE_FIRST_TOKEN_TIMEOUT": "0.1"}
    llm_server.fault(Reply("OK"), Slow(0.5, Reply("OK then")))  # the completion, then the stream
    out = io.StringIO()
    assert diagnose(None, out, env=env) == 0
    assert "✓ Streaming works: 2 pieces: 'OK then', the first after" in out.getvalue()
    assert "longer than first_token_timeout (0.1 s): the live customer's lines would come from the script" \
        in out.getvalue()


def test_doctor_names_a_rejected_key(llm_server, tmp_path):
    from llm_server import Status

    llm_server.fault(Status(401))
    out = io.StringIO()
    env = {"WEBCARE_CONFIG": str(tmp_path / "none.toml"), "OPENAI_API_KEY": TEST_KEY,
           "OPENAI_BASE_URL": llm_server.base_url, "WEBCARE_MODEL": "test-model"}
    llm_server.respond_with(lambda request: Reply("OK"))
    # /models is a GET and isn't queued; the 401 answers the first completion
    assert diagnose(None, out, env=env) == 1
    assert "the key was not accepted (HTTP 401): check OPENAI_API_KEY" in out.getvalue()
    assert no_key_in(out.getvalue())


def test_passk_plays_each_run_and_reports_pass_hat_k(llm_server, llm_settings):
    scenario = legroom()
    llm_server.respond_with(in_character)
    live = Live(llm_settings)
    results = [measure(scenario, p, live, 2) for p in scenario.playthroughs]
    out = io.StringIO()
    report(results, 2, out)
    text = out.getvalue()
    assert "legroom-en:exemplary" in text and "2/2 passed  pass^2 1.00" in text
    assert "pass^1 = 1.00" in text and "pass^2 = 1.00" in text
    assert [run.seed for run in results[0].runs] == [0, 1]


def test_pass_hat_k_counts_only_playthroughs_whose_every_run_passed():
    from trainer.commands.passk import Result, Run

    result = Result("s", "p", "resolved", [Run(0, "resolved", True, 0, 5), Run(1, "left", False, 0, 5),
                                            Run(2, "resolved", True, 0, 5), Run(3, "resolved", True, 0, 5)])
    assert result.pass_hat(1) == 0.75 and result.pass_hat(4) == 0.0 and round(result.pass_hat(2), 3) == 0.5
