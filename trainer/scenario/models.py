"""Typed, immutable scenario: what one YAML file describes once it has been validated."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from trainer.scenario.kinds import (  # noqa: F401 - re-exported: part of the format
    Audience,
    Channel,
    Difficulty,
    Language,
    MoodBand,
    OutcomeKind,
    Trade,
)

#: Upper bounds (exclusive) of each mood band, from 0 (livid) to 100 (delighted).
MOOD_BANDS: tuple[tuple[str, int], ...] = (
    ("furious", 20),
    ("angry", 40),
    ("upset", 60),
    ("calm", 80),
    ("happy", 101),
)

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]


def _as_tuple(value: object) -> object:
    """Let authors write one item where a list is expected."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float, dict)):
        return (value,)
    return value


def _as_lines(value: object) -> object:
    """Lines may be one line, a list of variants, or variants per mood band."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"any": (value,)}
    if isinstance(value, (list, tuple)):
        return {"any": tuple(value)}
    if isinstance(value, dict):
        return {band: _as_tuple(lines) for band, lines in value.items()}
    return value


Names = Annotated[tuple[Name, ...], BeforeValidator(_as_tuple)]
Texts = Annotated[tuple[str, ...], BeforeValidator(_as_tuple)]
Lines = Annotated[
    dict[MoodBand, tuple[Annotated[str, Field(min_length=1)], ...]],
    BeforeValidator(_as_lines),
    Field(
        description="What the customer says: one line, a list of variants, "
        "or variants per mood (furious, angry, upset, calm, happy, any)."
    ),
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Customer(Model):
    """The person the trainee answers."""

    name: str = Field(description="Full name, as on the booking.", examples=["Xaviera Ringeling"])
    call_me: str | None = Field(
        None, description="How she is addressed in person; defaults to the first name."
    )
    handle: str = Field(description="Her handle on the channel.", examples=["@xaviera_aw"])
    persona: str = Field(description="Who she is and how she writes: a few sentences.")
    followers: int = Field(0, ge=0, description="How many people read her public posts.")
    mood: int = Field(ge=0, le=100, description="Starting mood: 0 livid … 100 delighted.")
    patience: int = Field(
        ge=1, le=50, description="Turns she gives you that go nowhere before she gives up."
    )

    @property
    def first_name(self) -> str:
        return self.call_me or self.name.split()[0]


class Fact(Model):
    """Something true about the case that the detective can uncover."""

    is_: str = Field(alias="is", description="What is true, in one sentence.")
    found_in: Names = Field(
        (), description="Look-ups or actions whose result reveals this fact."
    )
    by_asking: Names = Field((), description="Intents: asking this makes her tell it.")
    known: bool = Field(False, description="True when the trainee knows it from the start.")


class Lookup(Model):
    """A back-office screen the trainee can consult (`/lookup NAME`)."""

    label: str = Field(description="What the screen is called.", examples=["Booking"])
    needs: Names = Field((), description="Facts the trainee must know before it can be used.")
    refusal: str | None = Field(
        None, description="What the back office says while `needs` is not met."
    )
    shows: str = Field(description="What the screen shows (placeholders allowed).")


class Action(Model):
    """Something the trainee can do for the customer (`/do NAME [AMOUNT]`)."""

    label: str = Field(description="What the action is called.", examples=["Refund"])
    limit: float | None = Field(
        None, gt=0, description="Largest total the mandate allows over every use; set it and an amount is required."
    )
    needs: Names = Field((), description="Facts the trainee must know before doing it.")
    refusal: str | None = Field(None, description="What the back office says while `needs` is not met.")
    once: bool = Field(True, description="Can be done only once per session.")
    result: str = Field(
        "Done.", description="What the back office confirms; `{amount}` is the amount given."
    )


class Intent(Model):
    """What the trainee meant, recognised from phrases in the scenario's language."""

    means: str = Field(description="What the trainee means, in plain words.")
    match: Texts = Field(
        min_length=1,
        description="Phrases that show the intent. `a + b` needs both; `apolog*` matches "
        "any ending. Case, accents and small typos don't matter.",
        examples=[["sorry + seat", "apolog* + legroom"]],
    )
    examples: Texts = Field((), description="Whole sentences a trainee might write; checked by `webcare check`.")
    wrong: str | None = Field(
        None, description="Set when saying this states something the facts contradict: why it is wrong."
    )


class Step(Model):
    """One way out of a state: conditions first, then what happens."""

    said: Name | None = Field(None, description="The trainee's message shows this intent.")
    did: Name | None = Field(None, description="The trainee did this action.")
    looked_up: Name | None = Field(None, description="The trainee used this look-up.")
    min_amount: float | None = Field(
        None, ge=0, description="With `did`: the total given with that action so far is at least this."
    )
    knows: Names = Field((), description="The trainee has uncovered all these facts.")
    mood_below: int | None = Field(None, ge=0, le=101, description="Her mood is below this.")
    mood_above: int | None = Field(None, ge=-1, le=100, description="Her mood is above this.")
    turns_here: int | None = Field(
        None, ge=1, description="The trainee has sent at least this many messages in this state."
    )
    mood: int = Field(0, ge=-100, le=100, description="Change to her mood.")
    patience: int = Field(0, ge=-50, le=50, description="Change to her patience.")
    reveal: Names = Field((), description="Facts she tells when this happens.")
    next: Name | None = Field(None, description="State or outcome to go to; stay here if absent.")
    lines: Lines = Field(default_factory=dict)
    note: str | None = Field(None, description="Why this step exists, for coaches and authors.")

    @model_validator(mode="after")
    def _has_condition(self) -> Step:
        if not self.conditions:
            raise ValueError(
                "a step needs a condition: said, did, looked_up, knows, mood_below, "
                "mood_above or turns_here"
            )
        if sum(x is not None for x in (self.said, self.did, self.looked_up)) > 1:
            raise ValueError("a step reacts to one move: use only one of said, did, looked_up")
        return self

    @property
    def conditions(self) -> tuple[str, ...]:
        fields = ("said", "did", "looked_up", "knows", "mood_below", "mood_above", "turns_here")
        return tuple(f for f in fields if getattr(self, f) not in (None, ()))

    @property
    def trigger(self) -> str:
        """The kind of move that can fire this step (`tick` is checked after every move)."""
        if self.said:
            return "said"
        if self.did:
            return "did"
        if self.looked_up:
            return "looked_up"
        return "tick"


class Otherwise(Model):
    """What happens when the trainee's message fits none of the state's steps."""

    mood: int = Field(-5, ge=-100, le=100)
    patience: int = Field(-1, ge=-50, le=50)
    lines: Lines = Field(default_factory=dict)


class State(Model):
    """A stage of the conversation: what she says on arriving, and what moves her on."""

    lines: Lines
    on: tuple[Step, ...] = Field((), description="Steps, checked top to bottom; the first that fits wins.")
    otherwise: Otherwise = Field(default_factory=Otherwise)
    hints: Texts = Field(
        (), description="Practice mode: what a good agent would consider here, one hint per key press."
    )


class Outcome(Model):
    """How the conversation ended."""

    kind: OutcomeKind
    summary: str = Field(description="One sentence for the scorecard.")
    lines: Lines = Field(default_factory=dict)


class Resolution(Model):
    """A way of settling the case: an action done (`action`) or an intent said (`offer`)."""

    action: Name | None = Field(None, description="An action the trainee does.")
    offer: Name | None = Field(None, description="An intent: offering it in words.")
    min_amount: float | None = Field(None, ge=0, description="With `action`: at least this amount.")
    why: str = Field(description="Why this does or does not fit the harm.")

    @model_validator(mode="after")
    def _one_kind(self) -> Resolution:
        if (self.action is None) == (self.offer is None):
            raise ValueError("a resolution names either an action or an offer (an intent)")
        return self


class Question(Model):
    """A question the customer asks that the trainee must answer."""

    ask: str = Field(description="Her question, in her words.")
    asked_in: Names = Field(min_length=1, description="States in which she asks it.")
    answered_by: Names = Field(min_length=1, description="Intents that answer it.")


class Rubric(Model):
    """What the scorer looks for in this case."""

    key_facts: Names = Field((), description="Facts a good detective uncovers.")
    harm: Texts = Field((), description="Phrases that name the specific harm (for acknowledging it).")
    explains: Names = Field((), description="Intents that explain why it happened.")
    questions: tuple[Question, ...] = ()
    fitting: tuple[Resolution, ...] = Field((), description="Actions that fit the harm.")
    poor: tuple[Resolution, ...] = Field((), description="Actions that do not fit it.")
    escalate: Names = Field((), description="Actions that bring in someone with a mandate.")
    escalation_needed: bool = Field(
        False, description="True when the trainee lacks the mandate and must escalate."
    )
    improve: Names = Field(
        (), description="Actions or intents that turn the problem into an improvement (root cause)."
    )
    weights: dict[Trade, dict[str, float]] = Field(
        default_factory=dict, description="Weight per criterion id, per trade (default 1)."
    )


class Expectation(Model):
    outcome: Name
    scores: dict[Trade, Annotated[tuple[int, int], Field(description="[lowest, highest]")]] = Field(
        default_factory=dict
    )


class Playthrough(Model):
    """A scripted trainee: moves as typed in plain play, and what must come of them."""

    name: Name
    about: str = ""
    trainee: Texts = Field(min_length=1, description="Messages, `/lookup …`, `/do …`, `/end`.")
    expect: Expectation


class Scenario(Model):
    """One training case."""

    format: Literal[1] = Field(description="Version of this format.")
    id: Name = Field(description="Unique id, used on the command line.")
    title: str
    teaser: str = Field(description="One line for the scenario list.")
    language: Language
    channel: Channel
    audience: Audience
    difficulty: Difficulty
    briefing: str = Field(description="What the trainee reads before starting.")
    mandate: Texts = Field((), description="What the trainee may and may not do.")
    customer: Customer
    details: dict[Name, str | int | float] = Field(
        default_factory=dict, description="Values for `{placeholders}` in lines and screens."
    )
    facts: dict[Name, Fact] = Field(default_factory=dict)
    lookups: dict[Name, Lookup] = Field(default_factory=dict)
    actions: dict[Name, Action] = Field(default_factory=dict)
    intents: dict[Name, Intent] = Field(default_factory=dict)
    start: Name = Field(description="The state the conversation opens in.")
    states: dict[Name, State] = Field(min_length=1)
    anywhere: tuple[Step, ...] = Field(
        (), description="House rules: steps checked in every state, before the state's own steps."
    )
    outcomes: dict[Name, Outcome] = Field(min_length=1)
    when_patience_runs_out: Name = Field(description="Outcome when her patience reaches 0.")
    rubric: Rubric = Field(default_factory=Rubric)
    playthroughs: tuple[Playthrough, ...] = ()

    path: SkipJsonSchema[Path | None] = Field(None, exclude=True)

    def placeholders(self) -> dict[str, str]:
        """Values every line may use: `{name}`, `{first_name}`, `{handle}` and the details."""
        values = {k: str(v) for k, v in self.details.items()}
        values.update(
            name=self.customer.name,
            first_name=self.customer.first_name,
            handle=self.customer.handle,
        )
        return values


def mood_band(mood: int) -> str:
    for band, upper in MOOD_BANDS:
        if mood < upper:
            return band
    return MOOD_BANDS[-1][0]
