"""Feedback that teaches: after an attempt, the criteria that would gain most, where it went wrong, and a model
answer from the scenario's `exemplary` playthrough."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from trainer.campaign.lint import MODEL_PLAYTHROUGH
from trainer.engine.events import ActionTaken, CustomerMessage, Event, LookedUp, StateChanged, TraineeMessage
from trainer.scenario.models import Scenario
from trainer.texts import tr

if TYPE_CHECKING:
    from scoring.scorecard import Evidence


@dataclass(frozen=True)
class Lesson:
    trade: str
    criterion_id: str
    title: str
    tip: str
    turn: int | None
    """The trainee's turn where it went wrong (None: nowhere in particular)."""
    quote: str | None
    """What the trainee said (or did) there."""
    model_answer: str | None
    """What the exemplary playthrough said (or did) instead."""
    gain: int = 0
    """Points the trade's score would gain with this criterion in full."""


def gains(card: Mapping[str, Any]) -> list[tuple[float, str, Mapping[str, Any]]]:
    """(points the trade would gain, trade, criterion) for every criterion not in full, biggest first."""
    out = []
    for trade, score in (card.get("trades") or {}).items():
        counted = [c for c in score.get("criteria", []) if c.get("score") is not None and c.get("weight", 1) > 0]
        total = sum(c.get("weight", 1) for c in counted)
        for c in counted:
            if c["score"] < 100 and total:
                out.append((c.get("weight", 1) * (100 - c["score"]) / total, trade, c))
    out.sort(key=lambda x: -x[0])
    return out


def lessons(scorecard: Any, scenario: Scenario, limit: int = 2, *, events: Sequence[Event] | None = None,
            focus: str | None = None) -> list[Lesson]:
    """The `limit` criteria that would gain most (those of the `focus` trade first), biggest gain first.

    `scorecard` is a `scoring.Scorecard` or its dict; `events` (the attempt's) let a model answer come from
    the same stage of the conversation when the exemplary playthrough has none for the criterion itself."""
    card = scorecard if isinstance(scorecard, Mapping) else scorecard.to_dict()
    ranked = gains(card)
    if focus:
        ranked.sort(key=lambda x: (x[1] != focus, -x[0]))
    model = _model(scenario)
    states = _states(events) if events else {}
    out = []
    for gain, trade, criterion in ranked[:limit]:
        evidence = criterion.get("evidence") or []
        wrong = next((e for e in evidence if not e.get("good", True)), evidence[0] if evidence else None)
        turn = wrong.get("turn") if wrong else None
        out.append(Lesson(
            trade=trade, criterion_id=criterion["id"], title=criterion.get("title", criterion["id"]),
            tip=criterion.get("tip", ""), turn=turn,
            quote=(wrong.get("quote") or wrong.get("action")) if wrong else None,
            model_answer=model.answer(criterion["id"], states.get(turn) if turn is not None else None),
            gain=round(gain),
        ))
    return out


@dataclass
class _Model:
    """The exemplary playthrough, played once: what it said per turn, which criterion it earned where."""

    by_state: dict[str, str]
    earned: dict[str, str]
    """Criterion → the move that earned it."""

    def answer(self, criterion: str, state: str | None) -> str | None:
        if criterion in self.earned:
            return self.earned[criterion]
        return self.by_state.get(state) if state else None


_EMPTY = _Model({}, {})
_CACHE: dict[tuple[str, str], _Model] = {}


def _model(scenario: Scenario) -> _Model:
    exemplary = next((p for p in scenario.playthroughs if p.name == MODEL_PLAYTHROUGH), None)
    if exemplary is None:
        return _EMPTY
    key = (scenario.id, str(hash(scenario.model_dump_json())))
    if key not in _CACHE:
        from trainer.playthrough import run_playthrough

        result = run_playthrough(scenario, exemplary)
        said: dict[int, str] = {}
        looked: dict[tuple[int, str], str] = {}
        """A look-up takes no turn: it shares the number of the turn before it, so evidence finds it by how the
        scorer names it (`lookup booking`, or a fact `found in booking`)."""
        for e in result.events:
            if isinstance(e, TraineeMessage):
                said.setdefault(e.turn, e.text)
            elif isinstance(e, ActionTaken) and e.ok:
                said.setdefault(e.turn, f"/do {e.action}" + (f" {e.amount:g}" if e.amount is not None else ""))
            elif isinstance(e, LookedUp) and e.ok:
                typed = f"/lookup {e.tool}" + (f" {e.arg}" if e.arg else "")
                for named in (f"lookup {e.tool}", tr(scenario.language, "score.source.lookup", name=e.tool)):
                    looked.setdefault((e.turn, named), typed)
        states = _states(result.events)
        by_state: dict[str, str] = {}
        for turn, text in sorted(said.items()):
            if not text.startswith("/") and turn in states:
                by_state.setdefault(states[turn], text)
        earned: dict[str, str] = {}
        for trade in result.scorecard.trades.values():
            for c in trade.criteria:
                moves = (_move(e, said, looked) for e in c.evidence if e.good)
                move = next((m for m in moves if m is not None), None)
                if move is not None:
                    earned[c.id] = move
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = _Model(by_state, earned)
    return _CACHE[key]


def _move(evidence: Evidence, said: Mapping[int, str], looked: Mapping[tuple[int, str], str]) -> str | None:
    """The exemplary move a piece of evidence names: the look-up it names, else that turn's message or deed."""
    return looked.get((evidence.turn, evidence.action or "")) or said.get(evidence.turn)


def _states(events: Sequence[Event]) -> dict[int, str]:
    """Turn → the state the conversation was in when the trainee made that turn's move."""
    state = ""
    out: dict[int, str] = {}
    for e in events:
        if isinstance(e, CustomerMessage) and not state:
            state = e.state
        if isinstance(e, (TraineeMessage, ActionTaken, LookedUp)):
            out.setdefault(e.turn, state)
        elif isinstance(e, StateChanged):
            state = e.dest
    return out
