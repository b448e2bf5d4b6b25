"""Where each of the trainee's messages was posted: the channel and audience the story had moved to by then."""

from __future__ import annotations

from scoring.transcript import Transcript
from trainer.scenario.models import Scenario
from trainer.scenario.where import Where


def where_at(t: Transcript, s: Scenario, turn: int) -> Where:
    """Where a message of `turn` went: a move at turn N (her line moving to DM) holds from turn N + 1 on."""
    here = Where(s.channel, s.audience)
    for at, channel, audience in t.moves:
        if at >= turn:
            break
        here = Where(channel, audience)
    return here


def channels(t: Transcript, s: Scenario) -> list[str]:
    """The channels the trainee wrote on, in order (the scenario's when there was no message)."""
    out: list[str] = []
    for m in t.messages:
        channel = where_at(t, s, m.turn).channel
        if channel not in out:
            out.append(channel)
    return out or [s.channel]


def ever_public(t: Transcript, s: Scenario) -> bool:
    """Whether anyone else could read along at some point (the scenario opens in public, or a state moved there)."""
    return s.audience == "public" or any(audience == "public" for _, _, audience in t.moves)


def story_moves(s: Scenario) -> bool:
    """Whether the story says where the conversation goes: a state names a channel or an audience."""
    return any(st.channel or st.audience for st in s.states.values())
