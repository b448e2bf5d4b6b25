"""Personal details in public: what was posted, or asked for, while others could read along."""

from __future__ import annotations

import re

from scoring.signals import signal
from scoring.transcript import Transcript, Turn
from scoring.where import ever_public, story_moves, where_at
from trainer.scenario.models import Scenario

CODE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}\b")
"""A booking code's shape: six capitals and digits, both kinds present (K7Q2XD)."""
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d -]{8,}\d")
"""An e-mail address or a phone number."""


def invited_private(t: Transcript) -> Turn | None:
    """The first message that moves the talk to a private channel (a DM, a private message)."""
    return next((m for m in t.messages if signal(t.language, "private", m.words)), None)


def invitation(t: Transcript, s: Scenario) -> Turn | None:
    """The message that took the talk private: its words ("send us a DM"), or the move the story made after it."""
    said = invited_private(t)
    went = next((at for at, _, audience in t.moves if audience == "private" and where_at(t, s, at).public), None)
    by_story = next((m for m in t.messages if m.turn == went), None) if went is not None else None
    if said is None or (by_story is not None and by_story.turn < said.turn):
        return by_story
    return said


def in_public(t: Transcript, s: Scenario, m: Turn, invite: Turn | None, *, up_to_invite: bool = True) -> bool:
    """Whether others could read `m`: the audience where it was posted. In a story that never moves the
    conversation, the trainee's invitation to private is the move (`up_to_invite`: the invitation itself too);
    in one that does, only the story's move is (an invitation it did not take leaves the thread public)."""
    if not where_at(t, s, m.turn).public:
        return False
    if story_moves(s) or invite is None:
        return True
    return m.turn <= invite.turn if up_to_invite else m.turn < invite.turn


def public_details(t: Transcript, s: Scenario) -> list[tuple[Turn, str]]:
    """Personal details of the customer's posted while others could read along: the booking code, her full
    name, a phone number or an e-mail address."""
    return t.once("public_details", lambda: _posted(t, s)) if ever_public(t, s) else []


def _posted(t: Transcript, s: Scenario) -> list[tuple[Turn, str]]:
    invite = invitation(t, s)
    codes, full_names = _hers(s)
    out = []
    for m in t.messages:
        if not in_public(t, s, m, invite):
            continue
        detail = next((c for c in codes if c.lower() in m.text.lower()), None)
        if detail is None:
            detail = next((n for n in full_names if n.lower() in m.text.lower()), None)
        if detail is None:
            detail = _contact(m.text)
        if detail:
            out.append((m, detail))
    return out


def _hers(s: Scenario) -> tuple[list[str], list[str]]:
    """What must not be posted in public: the booking codes among the customer's own details (not the flight
    everyone was on), and the full names of the customer and of the person she writes for."""
    codes = [v for v in s.customer.own(s.details).values() if _is_code(v)]
    other = s.customer.writes_for
    names = [s.customer.name, *([other.name] if other else [])]
    return codes, [n for n in names if len(n.split()) >= 2]


def _is_code(value: str) -> bool:
    return bool(CODE.fullmatch(value))


def _contact(message: str) -> str | None:
    found = _CONTACT.search(message)
    return found.group(0) if found else None
