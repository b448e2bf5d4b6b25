"""Scoring a batch of conversations: each against its scenario (loaded once) or the generic rubric.

`scorecard_for` is the one place a conversation's scorecard is made; anything that changes how
a single conversation is judged belongs there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from scoring.batch.conversation import Conversation, ReadError
from scoring.batch.generic import generic_scenario
from scoring.batch.replay import generic_events
from scoring.scorecard import Scorecard
from scoring.scorer import score
from trainer.engine.events import Event
from trainer.errors import TrainerError
from trainer.meaning.language import guess_language
from trainer.scenario.models import Scenario

FindScenario = Callable[[str], Scenario]
Replay = Callable[[Conversation, Scenario], list[Event]]
"""A transcript played as a round of its scenario (`trainer.play.transcript_events`; scoring plays no rounds)."""
SecondOpinion = Callable[[Scorecard, Sequence[Event], Scenario], Scorecard]
"""The scorecard with another opinion attached (the LLM judge's, `trainer.judge`; scoring knows no model)."""


@dataclass(frozen=True)
class Rubric:
    """What to score transcripts against: a scenario, or the generic rubric with these settings."""

    scenario: Scenario | None = None
    channel: str = "chat"
    language: str | None = None
    """None: guessed per conversation."""
    customer_name: str | None = None
    judge: SecondOpinion | None = None
    """Asked for a second opinion on each scorecard (`--judge`)."""
    replay: Replay | None = None
    """Plays a transcript as a round of `scenario`: needed with a scenario."""


@dataclass
class Scored:
    conversation: Conversation
    scorecard: Scorecard
    scenario: Scenario


def events_of(conversation: Conversation, rubric: Rubric, find: FindScenario) -> tuple[list[Event], Scenario]:
    """The events to score and the scenario to score them against."""
    if conversation.events is not None:
        scenario = rubric.scenario
        wanted = conversation.scenario or ""
        if scenario is None or scenario.id != wanted:
            if scenario is not None:
                raise ReadError([(f"{conversation.source}: this session was played on {wanted}, not "
                                 f"{scenario.id}; leave out --scenario, or give {wanted}'s file")])
            scenario = find(wanted)
        return conversation.events, scenario
    if rubric.scenario is not None:
        if rubric.replay is None:
            raise TrainerError("scoring a transcript against a scenario plays it as a round: give the rubric a replay "
                               "(trainer.play.transcript_events)")
        return rubric.replay(conversation, rubric.scenario), rubric.scenario
    language = rubric.language or guess_language(line.text for line in conversation.lines)
    scenario = generic_scenario(language, rubric.channel, rubric.customer_name)
    return generic_events(conversation, scenario), scenario


def scorecard_for(conversation: Conversation, rubric: Rubric, find: FindScenario) -> Scored:
    """One conversation's scorecard: the rule-based scorer on its events."""
    events, scenario = events_of(conversation, rubric, find)
    card = score(events, scenario)
    if rubric.judge is not None:
        card = rubric.judge(card, events, scenario)
    return Scored(conversation, card, scenario)


def score_all(conversations: Iterable[Conversation], rubric: Rubric, find: FindScenario,
              ) -> Iterator[tuple[Conversation, Scored | ReadError]]:
    """Each conversation with its result, or with what stopped it being scored; the others go on."""
    cache: dict[str, Scenario | str] = {}

    def found(scenario_id: str) -> Scenario:
        if scenario_id not in cache:
            try:
                cache[scenario_id] = find(scenario_id)
            except TrainerError as exc:
                cache[scenario_id] = str(exc).splitlines()[0]
        hit = cache[scenario_id]
        if isinstance(hit, str):
            raise ReadError([(f"{conversation.source}: its scenario can't be loaded ({hit}); give the scenario's "
                             "file with --scenario PATH")])
        return hit

    for conversation in conversations:
        try:
            yield conversation, scorecard_for(conversation, rubric, found)
        except ReadError as exc:
            yield conversation, exc
