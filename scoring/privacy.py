"""Personal details in a public thread: what was posted before the talk moved to private."""

from __future__ import annotations

import re

from scoring.signals import signal
from scoring.transcript import Transcript, Turn
from trainer.scenario.models import Scenario

CODE = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6}\b")
"""A booking code's shape: six capitals and digits, both kinds present (K7Q2XD)."""
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+?\d[\d -]{8,}\d")
"""An e-mail address or a phone number."""


def invited_private(t: Transcript) -> Turn | None:
    """The first message that moves the talk to a private channel (a DM, a private message)."""
    return next((m for m in t.messages if signal(t.language, "private", m.words)), None)


def public_details(t: Transcript, s: Scenario) -> list[tuple[Turn, str]]:
    """Personal details of the customer's posted in a public thread before the talk moved to private: the
    booking code, her full name, a phone number or an e-mail address."""
    return t.once("public_details", lambda: _posted(t, s)) if s.audience == "public" else []


def _posted(t: Transcript, s: Scenario) -> list[tuple[Turn, str]]:
    invite = invited_private(t)
    codes, full_names = _hers(s)
    out = []
    for m in t.messages:
        if invite is not None and m.turn > invite.turn:
            break
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
