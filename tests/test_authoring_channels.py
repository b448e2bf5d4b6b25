"""An author's story with channels: a WhatsApp or SMS case is private, a public tweet thread can move to DM in a
state, and from then on the reply time, the length, the header, the privacy score and her model follow it."""

from __future__ import annotations

import io

from conftest import DATA

from scoring import score
from scoring.transcript import digest
from scoring.where import where_at
from trainer.customers.prompt import customer_messages, max_chars
from trainer.engine.events import ChannelChanged, MoodChanged, event_from_dict
from trainer.plain import PlainView
from trainer.playthrough import play_script
from trainer.review.annotate import annotate
from trainer.scenario.loader import check_file, load_scenario
from trainer.scenario.where import Where
from trainer.terminal import Shown
from trainer.ui.widgets.chat_styles import channel_line

CHANNELS = DATA / "channels"
TWEET_TO_DM = CHANNELS / "tweet-to-dm.yaml"
WHATSAPP = CHANNELS / "whatsapp.yaml"

INVITE = "I'm so sorry about your pram! Could you send us a DM so we can look into it?"


def written(tmp_path, source, old: str, new: str):
    """The author's file with one change, written beside the test."""
    text = source.read_text("utf-8")
    assert old in text
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def errors(path) -> list[str]:
    _, problems = check_file(path)
    return [f"{p.line}:{p.column}: {p.message} | {p.hint}" for p in problems.items if p.severity == "error"]


def scored(game):
    return score(game.session.events, game.scenario)


def criterion(card, trade: str, name: str):
    return next(c for c in card.trades[trade].criteria if c.id == name)


# ── private channels ──────────────────────────────────────────────────────────────────────


def test_an_author_who_makes_a_whatsapp_case_public_is_told_at_line_and_column_and_how_to_fix_it(tmp_path):
    path = written(tmp_path, WHATSAPP, "audience: private", "audience: public")
    [error] = errors(path)
    assert error.startswith("8:11: 'audience: public' does not fit 'whatsapp'")
    assert "no one else reads along" in error
    assert "write 'audience: private'" in error and "'channel: twitter'" in error


def test_the_same_case_by_sms_is_told_the_same(tmp_path):
    path = written(tmp_path, WHATSAPP, "channel: whatsapp\naudience: private", "channel: sms\naudience: public")
    [error] = errors(path)
    assert error.startswith("8:11: 'audience: public' does not fit 'sms'")


def test_a_state_that_makes_a_move_to_sms_public_is_an_error_at_the_state(tmp_path):
    path = written(tmp_path, TWEET_TO_DM, "    channel: dm ", "    channel: sms\n    audience: public ")
    [error] = errors(path)
    assert error.startswith("58:15: 'audience: public' does not fit 'sms': in state 'in_dm'")
    assert "write 'audience: private' in state 'in_dm'" in error


def test_the_cases_as_written_check_clean_and_their_playthroughs_pass(run_webcare):
    result = run_webcare("check", str(TWEET_TO_DM), str(WHATSAPP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr
    result = run_webcare("test", str(TWEET_TO_DM), str(WHATSAPP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed, 0 failed" in result.stdout


def test_the_graph_shows_where_the_conversation_moves():
    from trainer.scenario.graph import dot, mermaid

    case = load_scenario(TWEET_TO_DM)
    assert '  n_in_dm["in_dm · → dm"]' in mermaid(case)
    assert 'n_in_dm [label="in_dm\\n→ dm", shape=box];' in dot(case)
    assert '  n_thread["thread"]' in mermaid(case)  # the state it starts in moves nowhere


# ── a tweet thread that moves to DM ──────────────────────────────────────────────────────


def test_a_public_tweet_that_moves_to_dm_is_played_with_the_audience_of_each_turn():
    scenario = load_scenario(TWEET_TO_DM)
    game, _, left, refused = play_script(scenario, [INVITE, "Found it: it is in Rome.", "/lookup baggage"])
    assert not left and not refused
    events = game.session.events
    [moved] = [e for e in events if isinstance(e, ChannelChanged)]
    assert (moved.turn, moved.state, moved.channel, moved.audience) == (1, "in_dm", "dm", "private")
    assert event_from_dict(moved.to_dict()) == moved  # kept in the log as every event is
    t = digest(events)
    assert [where_at(t, scenario, m.turn) for m in t.messages] == [Where("twitter", "public"), Where("dm", "private")]
    assert game.session.outcome == "found"
    assert "moved to direct messages (private)" in [line.text for line in annotate(events).lines]


def test_the_reply_time_follows_the_channel_the_conversation_moved_to():
    """200 seconds is slow for a tweet (3 minutes) and in time for a DM (4 minutes)."""
    scenario = load_scenario(TWEET_TO_DM)
    game, *_ = play_script(scenario, [INVITE, "Let me look it up for you."], seconds_per_message=200)
    slow = [e.turn for e in game.session.events if isinstance(e, MoodChanged) and "waiting" in e.reason]
    assert slow == [1]
    card = scored(game)
    prompt = criterion(card, "facilitator", "prompt")
    assert prompt.title == "Answers promptly (within 3 min on a public tweet thread, then within 4 min on direct messages)"
    assert prompt.score == 0.5


def test_a_booking_code_posted_in_the_thread_costs_privacy_and_the_same_in_the_dm_does_not():
    scenario = load_scenario(TWEET_TO_DM)
    # "privately" invites her, but the story moves on "DM": the thread is still public when the code is posted
    public, *_ = play_script(scenario, ["So sorry! Could we go on privately?", "Your booking code is K7Q2XD, right?",
                                        INVITE, "/lookup baggage"])
    private, *_ = play_script(scenario, [INVITE, "Thanks: your booking code K7Q2XD, I'm on it.", "/lookup baggage"])
    exposed = criterion(scored(public), "facilitator", "private_first")
    assert exposed.score == 0.0
    assert {(e.turn, e.good) for e in exposed.evidence if "K7Q2XD" in (e.quote or "")} == {(2, False)}
    kept = criterion(scored(private), "facilitator", "private_first")
    assert kept.score == 1.0
    assert all(e.good for e in kept.evidence)


def test_asking_for_details_in_the_dm_is_fine_and_in_the_thread_is_not():
    scenario = load_scenario(TWEET_TO_DM)
    thread, *_ = play_script(scenario, ["Sorry! What is your booking code?", INVITE, "/lookup baggage"])
    dm, *_ = play_script(scenario, [INVITE, "What is your booking code?", "/lookup baggage"])
    assert criterion(scored(thread), "facilitator", "private_first").score == 0.3
    assert criterion(scored(dm), "facilitator", "private_first").score == 1.0


def test_the_header_shows_the_channel_and_audience_of_the_moment_and_followers_only_in_public():
    scenario = load_scenario(TWEET_TO_DM)
    thread = channel_line(scenario, "en", Where("twitter", "public"))
    dm = channel_line(scenario, "en", Where("dm", "private"))
    assert thread == "Public tweet thread  ·  public: anyone can read along  ·  @anna_dv · 3.8K followers"
    assert dm == "Direct messages  ·  private  ·  Anna de Vries (@anna_dv)"


def test_her_model_knows_where_the_conversation_is_now_and_how_long_she_may_write():
    scenario = load_scenario(TWEET_TO_DM)
    game, *_ = play_script(scenario, [INVITE])
    events = game.session.events
    before = customer_messages(scenario, game.session.cue or _cue(game), events[:1])
    after = customer_messages(scenario, game.session.cue or _cue(game), events)
    assert "Where you write now: public tweet thread, in public" in before[0]["content"]
    assert "Where you write now: direct messages, private: only the agent reads it" in after[0]["content"]
    assert "[the conversation moved: from here on it is direct messages, private" in after[1]["content"]
    assert (max_chars(scenario, events[:1]), max_chars(scenario, events)) == (280, 10_000)


def _cue(game):
    from trainer.engine.cue import build_cue

    return build_cue(game.session, game.scenario.states["in_dm"].lines)


# ── WhatsApp and SMS: their handles and their norms ──────────────────────────────────────


def test_a_phone_number_handle_is_shown_as_a_phone_number_and_whatsapp_shows_no_followers():
    scenario = load_scenario(WHATSAPP)
    line = channel_line(scenario, "en")
    assert line == "WhatsApp  ·  private  ·  Anna de Vries (phone +31 6 1234 5678)"
    assert "followers" not in line and "@" not in line
    dutch = channel_line(scenario.model_copy(update={"language": "nl"}), "nl")
    assert "telefoon +31 6 1234 5678" in dutch and "volgers" not in dutch


def test_plain_play_shows_the_phone_number_and_no_followers():
    out = io.StringIO()
    PlainView(load_scenario(WHATSAPP), Shown(out)).briefing()
    assert "Customer: Anna de Vries (phone +31 6 1234 5678)" in out.getvalue()
    assert "followers" not in out.getvalue()


def test_a_dutch_mobile_number_written_with_a_dash_is_a_phone_number_too(tmp_path):
    path = written(tmp_path, WHATSAPP, '"+31 6 1234 5678"', '"06-12345678"')
    assert channel_line(load_scenario(path), "nl").endswith("Anna de Vries (telefoon 06-12345678)")


def test_an_sms_longer_than_one_text_is_read_as_parts_and_a_short_one_is_not(tmp_path):
    path = written(tmp_path, WHATSAPP, "channel: whatsapp", "channel: sms")
    scenario = load_scenario(path)
    long = "I'm so sorry, Anna. " + "We are looking into where your pram is and will text you as soon as we know. " * 3
    game, *_ = play_script(scenario, [long.strip(), "Sorry, Anna: let me look it up.", "/lookup baggage"])
    tone = criterion(scored(game), "facilitator", "tone")
    notes = [e.note for e in tone.evidence if not e.good]
    assert notes == [f"{len(long.strip())} characters: arrives as 2 separate texts, split at 160"]
    assert max_chars(scenario) == 160  # her own lines fit in one text


def test_an_author_who_plays_from_the_dm_state_starts_in_the_dm():
    """`webcare play --from in_dm`: the session opens where that state is, and says so in its log."""
    from trainer.engine.session import Session
    from trainer.engine.start import start_at

    scenario = load_scenario(TWEET_TO_DM)
    session = Session(scenario, start=start_at(scenario, "in_dm"))
    assert session.where == Where("dm", "private")
    [moved] = [e for e in session.events if isinstance(e, ChannelChanged)]
    assert (moved.turn, moved.channel, moved.audience) == (0, "dm", "private")
