"""A conversation in progress: one call per trainee move, every consequence logged as events."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from trainer.engine.channels import CHANNELS, Where, moved, opening
from trainer.engine.clock import Clock, real_clock, untimed
from trainer.engine.cue import Cue, build_cue
from trainer.engine.events import (
    ActionTaken,
    ChannelChanged,
    CustomerMessage,
    Event,
    FactRevealed,
    HintShown,
    IntentsRecognised,
    LookedUp,
    MoodChanged,
    NotUnderstood,
    SessionEnded,
    SessionStarted,
    StateChanged,
    TraineeMessage,
)
from trainer.engine.intents import Reads, Recogniser
from trainer.engine.machine import Conversation, build_machine
from trainer.engine.moves import Act, End, Help, Hint, Lookup, Move, Say
from trainer.engine.names import money, resolve
from trainer.engine.start import START_SOURCE, StartAt, start_at
from trainer.engine.steps import conditions_hold, trigger_name
from trainer.errors import MoveError
from trainer.scenario.lines import LinesByBand
from trainer.scenario.models import Scenario, Step
from trainer.scenario.text import fill
from trainer.texts import tr

LEFT = "left"
"""The outcome when the trainee ends the conversation before it is settled."""

SLOW_MOOD, SLOW_PATIENCE = -5, -1
MODES = ("practice", "test")

__all__ = ["LEFT", "MODES", "Cue", "Session", "Snapshot", "money"]
"""`Cue` is re-exported: customers, screens and tests meet it as the session's."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A session's changeable fields at one moment (see `Session.snapshot`)."""

    fields: dict[str, Any]
    state: str
    pending_lines: LinesByBand | None


_FIXED = frozenset({"scenario", "seed", "mode", "clock", "start", "_started", "_recogniser", "_conversation",
                    "_machine"})
"""Session fields no move changes: a snapshot leaves them out."""


class Session:
    """One trainee against one scenario; pure and synchronous (no UI, storage or network)."""

    def __init__(
        self, scenario: Scenario, *, seed: int = 0, clock: Clock = real_clock, mode: str = "practice",
        recogniser: Reads | None = None, start: StartAt | None = None,
    ) -> None:
        """`start` opens the session part-way through the story (`webcare play --from`; see `start_at`)."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}")
        self.scenario = scenario
        self.seed = seed
        self.mode = mode
        self.clock = clock
        self.events: list[Event] = []
        if start is not None:  # checked here too: a replay may meet a scenario that has changed since
            start = start_at(scenario, start.state, start.mood, start.facts)
        self.start = start
        self.mood = start.mood if start is not None and start.mood is not None else scenario.customer.mood
        self.patience = scenario.customer.patience
        self.known: dict[str, int] = {n: 0 for n, f in scenario.facts.items() if f.known}
        """Facts uncovered, with the turn they came to light."""
        self.done: dict[str, int] = {}
        """Actions carried out, with their (last) turn."""
        self.said: dict[str, int] = {}
        """Intents the trainee has shown, with the turn they were first shown: her lines may depend on them."""
        self.last_message = ""
        """The trainee's latest message: a line may quote it only if it holds the words (`if_wrote`)."""
        self.given: dict[str, float] = {}
        """Total amount given so far per action: the mandate's limit holds for the total."""
        self.turn = 0
        """Turns taken: what she sees (messages, deeds, the end). A look-up or a hint takes none: its events
        carry the last turn's number, so they count as after that turn's move and before the next's."""
        self.turns_here = 0
        """Messages the trainee has sent since arriving in the current state."""
        self._waited: set[int] = set()
        self.fired: list[tuple[str, Step | None, str]] = []
        """Steps that fired, in order, as (from, step, to); None is her patience running out."""
        self.outcome: str | None = None
        self.cue: Cue | None = None
        self._started = clock()
        self._last_customer_at = self._started
        self._recogniser = recogniser or Recogniser(scenario.intents, scenario.language)
        """Patterns by default; any object with the same two methods (an LLM's, with patterns to fall back on)."""
        self._conversation = Conversation()
        self._machine = build_machine(scenario, self._conversation, self)
        if start is not None:
            self._machine.set_state(start.state, model=self._conversation)
        self._log(
            SessionStarted(0, scenario.id, scenario.language, seed, self.mood, self.patience, mode,
                           start=start.state if start else "", facts=start.facts if start else ())
        )
        for fact in start.facts if start else ():
            self._reveal(fact, START_SOURCE)
        self.where = Where(scenario.channel, scenario.audience)
        """The channel she is on now and who reads along: a state may move the conversation (to a DM)."""
        self._move(opening(scenario, self.state), self.state)
        self.cue = build_cue(self, scenario.states[self.state].lines)

    # -- reading -------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._conversation.state

    @property
    def over(self) -> bool:
        return self.outcome is not None

    def now(self) -> float:
        return round(self.clock() - self._started, 3)

    def snapshot(self) -> Snapshot:
        """Everything a move can change, to go back to it with `restore` (for exploring a scenario)."""
        fields = {k: copy.copy(v) for k, v in vars(self).items() if k not in _FIXED}
        return Snapshot(fields, self.state, self._conversation.pending_lines)

    def restore(self, snapshot: Snapshot) -> None:
        for key, value in snapshot.fields.items():
            setattr(self, key, copy.copy(value))
        self._machine.set_state(snapshot.state, model=self._conversation)
        self._conversation.pending_lines = snapshot.pending_lines

    # -- the customer's side ---------------------------------------------------------------

    def customer_wrote(self, text: str) -> list[Event]:
        """Record the customer's line for the pending cue (and the end, if it was the last)."""
        cue = self._take_cue()
        start = len(self.events)
        self._log(CustomerMessage(cue.turn, text, cue.state, cue.mood))
        self._last_customer_at = self.clock()
        if cue.outcome:
            self._end(cue.outcome)
        return self.events[start:]

    # -- the trainee's side ----------------------------------------------------------------

    def hint(self) -> str | None:
        """The next hint for this moment (practice mode only), logged; None when none is left."""
        if self.mode != "practice":
            raise MoveError(self._text("engine.no_hints"))
        if self.over or self.state not in self.scenario.states:
            return None
        shown = {e.text for e in self.events if isinstance(e, HintShown) and e.state == self.state}
        hints = (self._fill(h) for h in self.scenario.states[self.state].hints)
        text = next((h for h in hints if h not in shown), None)
        if text is not None:
            self._log(HintShown(self.turn, self.state, text))
        return text

    def play(self, move: Move) -> list[Event]:
        """Carry out one trainee move; afterwards `cue` says whether the customer answers."""
        if self.over:
            raise MoveError(self._text("engine.move.over"))
        if self.cue is not None:
            raise MoveError(self._text("engine.move.wait"))
        if isinstance(move, Help):
            return []
        start = len(self.events)
        if isinstance(move, Hint):
            self.hint()
            return self.events[start:]
        if isinstance(move, Say):
            self._say(move.text)
        elif isinstance(move, Lookup):
            self._lookup(move)
        elif isinstance(move, Act):
            self._act(move)
        elif isinstance(move, End):
            self.turn += 1
            self._end(LEFT)
            return self.events[start:]
        self._tick()
        self._after_move()
        return self.events[start:]

    def _say(self, text: str) -> None:
        if not text.strip():
            raise MoveError(self._text("engine.move.empty"))
        self._next_turn()
        self.turns_here += 1
        waited = -1.0 if self.clock is untimed else round(self.clock() - self._last_customer_at, 3)
        self._log(TraineeMessage(self.turn, text, waited))
        if waited > CHANNELS[self.where.channel].reply_within:
            self._change(SLOW_MOOD, SLOW_PATIENCE, f"kept her waiting {waited / 60:.0f} min")
        found = self._recogniser.explain(text)
        intents = tuple(r.name for r in found)
        self._log(IntentsRecognised(self.turn, intents, self._recogniser.wrong(intents),
                                    tuple(r.reason for r in found)))
        self.last_message = text
        for name in intents:
            self.said.setdefault(name, self.turn)
        for name, fact in self.scenario.facts.items():
            asked = next((i for i in fact.by_asking if i in intents), None)
            if asked:
                self._reveal(name, f"asking:{asked}")
        if not self._conversation.trigger("said", intents=frozenset(intents)):
            otherwise = self.scenario.states[self.state].otherwise
            self._log(NotUnderstood(self.turn, self.state))
            self._change(otherwise.mood, otherwise.patience, "not what she needed")
            self._conversation.pending_lines = (
                otherwise.lines or self.scenario.states[self.state].lines
            )

    def _lookup(self, move: Lookup) -> None:
        name = resolve(move.tool, self.scenario.lookups, "lookup", self.scenario.language)
        tool = self.scenario.lookups[name]
        # No turn of its own: she doesn't see the back office. Its events carry the number of the last turn
        # taken, so `x.turn < m.turn` still reads "before message m" (see docs/scenario-format.md).
        missing = [f for f in tool.needs if f not in self.known]
        if missing:
            refusal = tool.refusal or self._needs_message(missing)
            self._log(LookedUp(self.turn, name, move.arg, self._fill(refusal), ok=False))
            return
        self._log(LookedUp(self.turn, name, move.arg, self._fill(tool.shows)))
        self._reveal_found_in(name, f"lookup:{name}")
        self._conversation.trigger("looked_up", tool=name)

    def _act(self, move: Act) -> None:
        name = resolve(move.action, self.scenario.actions, "action", self.scenario.language)
        action = self.scenario.actions[name]
        if action.once and name in self.done:
            raise MoveError(self._text("engine.move.done_already", name=name, turn=self.done[name]))
        if action.limit is not None and move.amount is None:
            left = money(action.limit - self.given.get(name, 0.0))
            raise MoveError(self._text("engine.move.needs_amount", name=name, left=left))
        if action.limit is None and move.amount is not None:
            raise MoveError(self._text("engine.move.takes_no_amount", name=name))
        self._next_turn()
        missing = [f for f in action.needs if f not in self.known]
        if missing:
            refusal = action.refusal or self._needs_message(missing)
            self._log(ActionTaken(self.turn, name, move.amount, False, self._fill(refusal)))
            return
        given = self.given.get(name, 0.0)
        if action.limit is not None and move.amount is not None and given + move.amount > action.limit:
            key = "engine.over_limit_total" if given else "engine.over_limit"
            result = self._text(key, action=name, limit=money(action.limit), given=money(given))
            self._log(ActionTaken(self.turn, name, move.amount, False, result))
            return
        self.done[name] = self.turn
        if move.amount is not None:
            self.given[name] = given + move.amount
        amount = "" if move.amount is None else money(move.amount)
        self._log(
            ActionTaken(self.turn, name, move.amount, True, self._fill(action.result, amount=amount))
        )
        self._reveal_found_in(name, f"action:{name}")
        self._conversation.trigger("did", action=name, amount=self.given.get(name))

    def _tick(self) -> None:
        """Steps that wait on mood, facts or time in a state; then patience running out."""
        if not self.over and self.state in self.scenario.states:
            self._conversation.trigger("tick")
        if not self.over and self.state in self.scenario.states:
            self._conversation.trigger("patience_out")

    def _after_move(self) -> None:
        lines = self._conversation.pending_lines
        self._conversation.pending_lines = None
        outcome = self.state if self.state in self.scenario.outcomes else None
        if outcome and not lines:
            self._end(outcome)
        elif lines:
            self.cue = build_cue(self, lines, outcome)

    # -- called by the machine -------------------------------------------------------------

    def fits(self, step: Step, kwargs: Mapping[str, Any]) -> bool:
        """Whether a step's conditions hold for the move being played."""
        # A waiting step that stays put fires once per visit, or it would fire on every move.
        if step.trigger == "tick" and not step.next and id(step) in self._waited:
            return False
        return conditions_hold(self, step, kwargs)

    def patience_ran_out(self) -> bool:
        return self.patience <= 0

    def apply(self, step: Step | None, source: str, dest: str) -> None:
        """A step fired: its effects, then what she will say (the step's lines or the new state's)."""
        self.fired.append((source, step, dest))
        if step is not None:
            if step.trigger == "tick":
                self._waited.add(id(step))
            if step.mood or step.patience:
                self._change(step.mood, step.patience, step.note or f"step in {source}")
            for fact in step.reveal:
                self._reveal(fact, "story")
        lines = step.lines if step is not None else {}
        if dest != source:
            self._log(StateChanged(self.turn, source, dest, trigger_name(step)))
            self.turns_here = 0
            self._waited.clear()
            self._move(moved(self.where, self.scenario, dest), dest)
            arrival = self.scenario.states.get(dest) or self.scenario.outcomes[dest]
            lines = lines or arrival.lines
            if not lines:  # nothing to say on arrival: don't leave an earlier line pending
                self._conversation.pending_lines = None
        if lines:
            self._conversation.pending_lines = lines
        elif step is not None and step.trigger == "said" and self._conversation.pending_lines is None:
            self._conversation.pending_lines = self.scenario.states[source].lines

    # -- helpers ---------------------------------------------------------------------------

    def _next_turn(self) -> None:
        self.turn += 1

    def _log(self, event: Event) -> None:
        object.__setattr__(event, "at", self.now())
        self.events.append(event)

    def _move(self, where: Where | None, state: str) -> None:
        if where is not None and where != self.where:
            self.where = where
            self._log(ChannelChanged(self.turn, state, where.channel, where.audience))

    def _change(self, mood: int, patience: int, reason: str) -> None:
        new_mood = max(0, min(100, self.mood + mood))
        new_patience = max(0, self.patience + patience)
        if (new_mood, new_patience) == (self.mood, self.patience):
            return
        self._log(
            MoodChanged(
                self.turn, new_mood, new_patience, new_mood - self.mood,
                new_patience - self.patience, reason,
            )
        )
        self.mood, self.patience = new_mood, new_patience

    def _reveal(self, fact: str, source: str) -> None:
        if fact not in self.known:
            self.known[fact] = self.turn
            self._log(FactRevealed(self.turn, fact, source))

    def _reveal_found_in(self, where: str, source: str) -> None:
        for name, fact in self.scenario.facts.items():
            if where in fact.found_in:
                self._reveal(name, source)

    def _needs_message(self, missing: list[str]) -> str:
        names = ", ".join(f.replace("_", " ") for f in missing)
        return self._text("engine.needs", missing=names)

    def _text(self, key: str, **values: object) -> str:
        """What the engine says (a refusal, a move error) in the scenario's language."""
        return tr(self.scenario.language, key, **values)

    def _fill(self, text: str, **extra: str) -> str:
        return fill(text, {**self.scenario.placeholders(), **extra})

    def _take_cue(self) -> Cue:
        if self.cue is None:
            raise MoveError(self._text("engine.move.nothing_to_say"))
        cue, self.cue = self.cue, None
        return cue

    def _end(self, outcome: str) -> None:
        if self.over:
            return
        self.outcome = outcome
        self.cue = None
        if outcome == LEFT:
            kind, summary = "unresolved", self._text("engine.left")
        else:
            kind = self.scenario.outcomes[outcome].kind
            summary = self._fill(self.scenario.outcomes[outcome].summary)
        self._log(SessionEnded(self.turn, outcome, kind, summary))
