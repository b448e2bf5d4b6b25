"""Where the conversation is: the channel and who reads along, as the story moves it (a tweet thread to DM)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.scenario.kinds import PRIVATE_ONLY, PUBLIC_BY_NATURE
from trainer.scenario.marked import Marked
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problems


@dataclass(frozen=True, slots=True)
class Where:
    """The channel and who reads along."""

    channel: str
    audience: str

    @property
    def public(self) -> bool:
        return self.audience == "public"


def arrive(here: Where, channel: str | None, audience: str | None) -> Where:
    """Where a state that names a `channel` and/or `audience` takes the conversation (a new channel without an
    audience brings its own: a tweet thread is public, a DM, e-mail, chat, WhatsApp or SMS private)."""
    if channel is None and audience is None:
        return here
    to = channel or here.channel
    if audience is None:
        audience = here.audience if to == here.channel else "public" if to in PUBLIC_BY_NATURE else "private"
    return Where(to, audience)


def opening(scenario: Scenario, state: str | None = None) -> Where:
    """Where the conversation opens: the scenario's channel and audience, or what the opening state makes them."""
    here = Where(scenario.channel, scenario.audience)
    st = scenario.states.get(state or scenario.start)
    return here if st is None else arrive(here, st.channel, st.audience)


def moved(here: Where, scenario: Scenario, dest: str) -> Where | None:
    """Where arriving in `dest` takes the conversation, when that is somewhere else (None: it stays)."""
    st = scenario.states.get(dest)
    there = here if st is None else arrive(here, st.channel, st.audience)
    return there if there != here else None


def places(scenario: Scenario) -> dict[str, set[Where]]:
    """Every place the conversation can be in each state, following the story's steps from the start."""
    found: dict[str, set[Where]] = {scenario.start: {opening(scenario)}}
    todo = [(scenario.start, opening(scenario))]
    while todo:
        state, here = todo.pop()
        for step in (*scenario.anywhere, *scenario.states[state].on):
            dest = step.next
            if dest is None or dest not in scenario.states:
                continue
            there = moved(here, scenario, dest) or here
            if there not in found.setdefault(dest, set()):
                found[dest].add(there)
                todo.append((dest, there))
    return found


_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{5,}\d")


def is_phone(handle: str) -> bool:
    """A handle that is a phone number: `+31 6 1234 5678`, `06-12345678` (no `@`, digits and separators)."""
    return bool(_PHONE.fullmatch(handle.strip())) and sum(c.isdigit() for c in handle) >= 7


def check_channels(scenario: Scenario, marked: Marked, problems: Problems) -> None:
    """`audience: public` on WhatsApp or SMS, in the scenario or in any state the story can reach that way."""
    s = scenario
    if s.channel in PRIVATE_ONLY and s.audience == "public":
        problems.add(*marked.mark(("audience",)), _public(s.channel), _fix(s.channel))
    for state, wheres in places(s).items():
        # Only a state that says `audience: public` itself: everywhere else the public came with the story,
        # from the scenario's own or such a state's, and is reported there.
        bad = next((w for w in wheres if w.channel in PRIVATE_ONLY and w.public), None)
        if bad is not None and s.states[state].audience == "public":
            problems.add(*marked.mark(("states", state, "audience")), _public(bad.channel, state),
                         _fix(bad.channel, state))


def _public(channel: str, state: str | None = None) -> str:
    where = f"in state '{state}' the conversation is" if state else "the conversation is"
    return (f"'audience: public' does not fit '{channel}': {where} on {_NAMES[channel]}, which no one else "
            "reads along with")


def _fix(channel: str, state: str | None = None) -> str:
    if state:
        return (f"write 'audience: private' in state '{state}' (or leave audience out: {_NAMES[channel]} is "
                "private); for a public thread, write 'channel: twitter'")
    return ("write 'audience: private'; for a conversation that others read, choose 'channel: twitter' "
            "(a state can move it to WhatsApp later with 'channel: whatsapp')")


_NAMES = {"whatsapp": "WhatsApp", "sms": "SMS"}
