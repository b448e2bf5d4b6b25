"""Typed, immutable scenario: what one YAML file describes once it has been validated."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from trainer.scenario.fields import Model, Name, Names, Texts
from trainer.scenario.kinds import (
    Audience,
    Channel,
    Difficulty,
    Language,
    MoodBand,
    OutcomeKind,
    Trade,
)
from trainer.scenario.lines import LINES_EXAMPLES, LINES_HELP, Line, Lines, LineWhen
from trainer.scenario.moods import MOOD_BANDS, mood_band
from trainer.scenario.playthroughs import Expectation, Playthrough
from trainer.scenario.rubric import Question, Resolution, ResolutionPart, Rubric

__all__ = [
    "MOOD_BANDS",
    "Action",
    "Audience",
    "Channel",
    "Customer",
    "Difficulty",
    "Expectation",
    "Fact",
    "Intent",
    "Language",
    "Line",
    "LineWhen",
    "Lines",
    "Lookup",
    "MoodBand",
    "Otherwise",
    "Outcome",
    "OutcomeKind",
    "Playthrough",
    "Question",
    "Resolution",
    "ResolutionPart",
    "Rubric",
    "Scenario",
    "State",
    "Step",
    "Trade",
    "WritesFor",
    "mood_band",
]
"""The whole format, importable from here; its parts live in `fields`, `lines`, `moods`, `rubric` and
`playthroughs`."""


class WritesFor(Model):
    """The person the harm happened to, when someone else writes for them (a son for his mother)."""

    name: str = Field(description="Their full name.", examples=["Annie de Vries"])
    call_me: str | None = Field(
        None, description="How they are addressed; defaults to the first name.", examples=["Mrs de Vries"]
    )
    relation: str = Field(description="Who they are to the writer, in the scenario's language.",
                          examples=["his mother"])

    @property
    def first_name(self) -> str:
        return self.call_me or self.name.split()[0]


class Customer(Model):
    """The person the trainee answers."""

    name: str = Field(description="Full name, as on the booking.", examples=["Xaviera Ringeling"])
    call_me: str | None = Field(
        None, description="How she is addressed in person; defaults to the first name.", examples=["Xavi"]
    )
    handle: str = Field(description="Her handle on the channel.", examples=["@xaviera_aw"])
    persona: str = Field(
        description="Who she is and how she writes: a few sentences.",
        examples=["Flies twice a year to see family. Witty and direct; softens when taken seriously."],
    )
    followers: int = Field(0, ge=0, description="How many people read her public posts.", examples=[3800])
    mood: int = Field(ge=0, le=100, description="Starting mood: 0 livid … 100 delighted.", examples=[30])
    patience: int = Field(
        ge=1, le=50, description="Turns she gives you that go nowhere before she gives up.", examples=[6]
    )
    writes_for: WritesFor | None = Field(
        None, description="The person the harm happened to, when the customer writes for someone else.",
        examples=[{"name": "Annie de Vries", "call_me": "Mrs de Vries", "relation": "his mother"}],
    )
    own_details: Names | None = Field(
        None, description="Keys of `details` that are the customer's own (her booking, her husband's name): only "
        "these count as personal. Left out: every detail except the organisation's (a handle such as "
        "`@SkyblueAir`, or a name inside one, such as `SkyBlue`).", examples=[["booking", "seats", "husband"]],
    )

    @property
    def first_name(self) -> str:
        return self.call_me or self.name.split()[0]

    def placeholders(self) -> dict[str, str]:
        """`{name}`, `{first_name}`, `{handle}`; with `writes_for`, `{writes_for}`, `{writes_for_first_name}` and
        `{writes_for_relation}` too."""
        values = {"name": self.name, "first_name": self.first_name, "handle": self.handle}
        if self.writes_for is not None:
            values.update(writes_for=self.writes_for.name, writes_for_first_name=self.writes_for.first_name,
                          writes_for_relation=self.writes_for.relation)
        return values

    def own(self, details: Mapping[str, object]) -> dict[str, str]:
        """The details that are hers, as text: those `own_details` names, or, without it, all but the
        organisation's (a handle, or a name inside one: `SkyBlue` beside `@SkyblueAir`)."""
        if self.own_details is not None:
            return {k: str(details[k]) for k in self.own_details if k in details}
        handles = [h for v in map(str, details.values()) if v.startswith("@") and len(h := _letters(v)) >= 3]
        return {k: str(v) for k, v in details.items()
                if not str(v).startswith("@") and not _organisation(_letters(str(v)), handles)}


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _organisation(value: str, handles: list[str]) -> bool:
    """A value that is the organisation's name: it is inside its handle, or its handle inside it."""
    return len(value) >= 3 and any(value in h or h in value for h in handles)


class Fact(Model):
    """Something true about the case that the detective can uncover."""

    is_: str = Field(alias="is", description="What is true, in one sentence.",
                     examples=["The seats were confirmed twice before the flight."])
    found_in: Names = Field(
        (), description="Look-ups or actions whose result reveals this fact.", examples=[["booking"]]
    )
    by_asking: Names = Field((), description="Intents: asking this makes her tell it.",
                             examples=[["ask_what_happened"]])
    known: bool = Field(False, description="True when the trainee knows it from the start.", examples=[True])
    contradicts: Texts = Field(
        (), description="Phrases that state something this fact shows is false (a wrong cause, told as so). "
                        "Negations of the fact need none: they are caught anyway.",
        examples=[["overbook*", "you checked in late"]])


class Lookup(Model):
    """A back-office screen the trainee can consult (`/lookup NAME`)."""

    label: str = Field(description="What the screen is called.", examples=["Booking"])
    needs: Names = Field((), description="Facts the trainee must know before it can be used.",
                         examples=[["booking_code"]])
    refusal: str | None = Field(
        None, description="What the back office says while `needs` is not met.",
        examples=["Which booking? Ask her for the booking code first."],
    )
    shows: str = Field(description="What the screen shows (placeholders allowed).",
                       examples=["Booking {booking} · {flight} {date} · seats {seats}, paid {price_total}"])


class Action(Model):
    """Something the trainee can do for the customer (`/do NAME [AMOUNT]`)."""

    label: str = Field(description="What the action is called.", examples=["Refund"])
    limit: float | None = Field(
        None, gt=0, description="Largest total the mandate allows over every use; set it and an amount is required.",
        examples=[160],
    )
    needs: Names = Field((), description="Facts the trainee must know before doing it.", examples=[["paid_extra"]])
    refusal: str | None = Field(None, description="What the back office says while `needs` is not met.",
                                examples=["You can't refund what you haven't found yet; look up the booking."])
    once: bool = Field(True, description="Can be done only once per session.", examples=[False])
    result: str = Field(
        "Done.", description="What the back office confirms; `{amount}` is the amount given.",
        examples=["Refund of €{amount} booked to her card: 3–5 working days."],
    )


class Intent(Model):
    """What the trainee meant, recognised from phrases in the scenario's language."""

    means: str = Field(description="What the trainee means, in plain words.",
                       examples=["Asks her, openly, what happened."])
    match: Texts = Field(
        min_length=1,
        description="Phrases that show the intent. `a + b` needs both; `apolog*` matches "
        "any ending. Case, accents and small typos don't matter.",
        examples=[["sorry + seat", "apolog* + legroom"]],
    )
    examples: Texts = Field((), description="Whole sentences a trainee might write; checked by `webcare check`.",
                            examples=[["Can you tell me what happened when you boarded?"]])
    kind: Literal["question", "promise", "statement", "any", "mention"] | None = Field(
        None,
        description="How it must be said to count: a question asks, a promise is the speaker's future, a "
        "statement is said as so (not denied, sarcastic, reported or hypothetical); `any` checks only "
        "negation, `mention` nothing. Left out, it is read from the examples.",
        examples=["question"],
    )
    wrong: str | None = Field(
        None, description="Set when saying this states something the facts contradict: why it is wrong.",
        examples=["She never sent an e-mail: she phoned twice and tweeted."],
    )


class Step(Model):
    """One way out of a state: conditions first, then what happens."""

    said: Name | None = Field(None, description="The trainee's message shows this intent.",
                              examples=["ask_what_happened"])
    did: Name | None = Field(None, description="The trainee did this action.", examples=["refund_seats"])
    looked_up: Name | None = Field(None, description="The trainee used this look-up.", examples=["booking"])
    min_amount: float | None = Field(
        None, ge=0, description="With `did`: the total given with that action so far is at least this.",
        examples=[160],
    )
    knows: Names = Field((), description="The trainee has uncovered all these facts.",
                         examples=[["seats_released"]])
    not_knows: Names = Field((), description="The trainee has uncovered none of these facts.",
                             examples=[["seats_released"]])
    said_before: Name | None = Field(
        None, description="An earlier message of the trainee (in any state) showed this intent; the message "
        "being answered does not count.", examples=["ask_what_happened"])
    only_in: Names = Field((), description="Only on `anywhere:` steps: the house rule applies in these states "
                           "only (a scope, not a condition).", examples=[["telling", "understood"]])
    mood_below: int | None = Field(None, ge=0, le=101, description="Her mood is below this.", examples=[20])
    mood_above: int | None = Field(None, ge=-1, le=100, description="Her mood is above this.", examples=[60])
    turns_here: int | None = Field(
        None, ge=1, description="The trainee has sent at least this many messages in this state.", examples=[3]
    )
    mood: int = Field(0, ge=-100, le=100, description="Change to her mood.", examples=[15])
    patience: int = Field(0, ge=-50, le=50, description="Change to her patience.", examples=[-1])
    reveal: Names = Field((), description="Facts she tells when this happens.", examples=[["husband_knee"]])
    next: Name | None = Field(None, description="State or outcome to go to; stay here if absent.",
                              examples=["telling"])
    lines: Lines = Field(default_factory=dict, description="What she says when this step fires (else the "
                         "next state's lines). " + LINES_HELP, examples=LINES_EXAMPLES)
    note: str | None = Field(None, description="Why this step exists, for coaches and authors.",
                             examples=["Asking before explaining is what a detective does."])

    @model_validator(mode="after")
    def _has_condition(self) -> Step:
        if not self.conditions:
            raise ValueError(
                "a step needs a condition: said, did, looked_up, knows, not_knows, said_before, "
                "mood_below, mood_above or turns_here"
            )
        if sum(x is not None for x in (self.said, self.did, self.looked_up)) > 1:
            raise ValueError("a step reacts to one move: use only one of said, did, looked_up")
        return self

    @property
    def conditions(self) -> tuple[str, ...]:
        fields = ("said", "did", "looked_up", "knows", "not_knows", "said_before", "mood_below", "mood_above",
                  "turns_here")  # `only_in` is where the step applies, not when
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

    mood: int = Field(-5, ge=-100, le=100, description="Change to her mood when nothing fits.", examples=[-10])
    patience: int = Field(-1, ge=-50, le=50, description="Change to her patience when nothing fits.",
                          examples=[-2])
    lines: Lines = Field(default_factory=dict, description="What she says when nothing fits (else the state's "
                         "lines). " + LINES_HELP, examples=[["Is this a bot? I asked a simple question."]])


class State(Model):
    """A stage of the conversation: what she says on arriving, and what moves her on."""

    lines: Lines = Field(description="What she says on arriving in this state. " + LINES_HELP,
                         examples=LINES_EXAMPLES)
    on: tuple[Step, ...] = Field((), description="Steps, checked top to bottom; the first that fits wins.",
                                 examples=[[{"said": "ask_what_happened", "mood": 10, "next": "telling"}]])
    otherwise: Otherwise = Field(default_factory=Otherwise,
                                 description="What happens when the trainee's message fits none of the steps.",
                                 examples=[{"mood": -10, "lines": "Hello? A real person, please."}])
    hints: Texts = Field(
        (), description="Practice mode: what a good agent would consider here, one hint per key press.",
        examples=[["She asked why. Have you looked it up yet?"]],
    )
    channel: Channel | None = Field(
        None, description="From this state on the conversation is on this channel (a tweet thread that moves to "
        "`dm`); its reply time and length follow. Left out: where it was.", examples=["dm"])
    audience: Audience | None = Field(
        None, description="From this state on, whether others read along. Left out: the new channel's own "
        "(a DM, WhatsApp or SMS is private, a tweet thread public), else as it was.", examples=["private"])


class Outcome(Model):
    """How the conversation ended."""

    kind: OutcomeKind = Field(description="What kind of end this is, for the scorecard.", examples=["resolved"])
    summary: str = Field(description="One sentence for the scorecard.",
                         examples=["She has her money back and knows why it happened."])
    lines: Lines = Field(default_factory=dict, description="Her last words. " + LINES_HELP,
                         examples=[["Thank you. That is all I wanted."]])


class Scenario(Model):
    """One training case."""

    format: Literal[1] = Field(description="Version of this format.", examples=[1])
    id: Name = Field(description="Unique id, used on the command line.", examples=["legroom-en"])
    title: str = Field(description="The case's name, as the trainee sees it.",
                       examples=["The legroom that never was"])
    teaser: str = Field(description="One line for the scenario list.",
                        examples=["She paid €80 each for extra legroom and sat ten hours without it."])
    language: Language = Field(description="The language she writes and the trainee answers in.",
                               examples=["en"])
    channel: Channel = Field(description="Where the conversation takes place; sets how fast she expects an answer "
                             "and how long a message may be. `whatsapp` and `sms` are private.",
                             examples=["twitter"])
    audience: Audience = Field(description="Whether others read along (public) or not (private).",
                               examples=["public"])
    difficulty: Difficulty = Field(description="How hard the case is, for the scenario list.", examples=["medium"])
    briefing: str = Field(description="What the trainee reads before starting.",
                          examples=["Overnight, a customer tweeted at you about her flight {flight}."])
    mandate: Texts = Field((), description="What the trainee may and may not do.",
                           examples=[["Refund paid extras that were not delivered.", "Offer a voucher up to €100."]])
    customer: Customer = Field(description="Who she is: name, handle, persona, starting mood and patience.",
                               examples=[{"name": "Daniela Maduro", "handle": "@dani_maduro",
                                          "persona": "Witty, direct.", "mood": 30, "patience": 6}])
    details: dict[Name, str | int | float] = Field(
        default_factory=dict, description="Values for `{placeholders}` in lines and screens.",
        examples=[{"flight": "SB 765", "price_total": "€160"}],
    )
    facts: dict[Name, Fact] = Field(default_factory=dict, description="What is true about the case.",
                                    examples=[{"paid_extra": {"is": "She paid €160 for the seats.",
                                                              "found_in": "booking"}}])
    lookups: dict[Name, Lookup] = Field(default_factory=dict, description="Back-office screens (`/lookup NAME`).",
                                        examples=[{"booking": {"label": "Booking", "shows": "Booking {booking}"}}])
    actions: dict[Name, Action] = Field(default_factory=dict, description="What the trainee can do (`/do NAME`).",
                                        examples=[{"refund_seats": {"label": "Refund the seats", "limit": 160}}])
    intents: dict[Name, Intent] = Field(
        default_factory=dict, description="What the trainee may mean, recognised from phrases.",
        examples=[{"ask_what_happened": {"means": "Asks what happened.", "match": ["what happened"]}}],
    )
    start: Name = Field(description="The state the conversation opens in.", examples=["complaint"])
    states: dict[Name, State] = Field(min_length=1, description="The stages of the conversation.",
                                      examples=[{"complaint": {"lines": "I paid for legroom!",
                                                               "on": [{"said": "ask_what_happened",
                                                                       "next": "telling"}]}}])
    anywhere: tuple[Step, ...] = Field(
        (), description="House rules: steps checked in every state, before the state's own steps.",
        examples=[[{"said": "offer_voucher", "mood": -20, "next": "insulted"}]],
    )
    outcomes: dict[Name, Outcome] = Field(min_length=1, description="How the conversation can end.",
                                          examples=[{"resolved": {"kind": "resolved",
                                                                  "summary": "She has her money back."}}])
    when_patience_runs_out: Name = Field(description="Outcome when her patience reaches 0.", examples=["blogged"])
    rubric: Rubric = Field(default_factory=Rubric, description="What the scorer looks for: key facts, fitting "
                           "resolutions, escalation, improvement.",
                           examples=[{"key_facts": ["paid_extra"], "escalate": ["escalate"]}])
    playthroughs: tuple[Playthrough, ...] = Field(
        (), description="Scripted trainees that `webcare test` plays, with what must come of them.",
        examples=[[{"name": "exemplary", "trainee": ["What happened?"], "expect": {"outcome": "resolved"}}]],
    )

    path: SkipJsonSchema[Path | None] = Field(None, exclude=True)

    def placeholders(self) -> dict[str, str]:
        """Values every line may use: the customer's (`{name}`, `{first_name}`, `{handle}`, …) and the details."""
        values = {k: str(v) for k, v in self.details.items()}
        values.update(self.customer.placeholders())
        return values
