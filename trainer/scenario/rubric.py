"""The rubric: what the scorer looks for in a case (key facts, questions, fitting resolutions, escalation)."""

from __future__ import annotations

from pydantic import Field, model_validator

from trainer.scenario.fields import Model, Name, Names, Texts
from trainer.scenario.kinds import Trade


class ResolutionPart(Model):
    """One part of a resolution that needs several (under `all:`): an action done or an intent said."""

    action: Name | None = Field(None, description="An action the trainee does.", examples=["compensation"])
    offer: Name | None = Field(None, description="An intent: saying it in words is this part.",
                               examples=["return_help"])
    min_amount: float | None = Field(None, ge=0, description="With `action`: at least this amount.",
                                     examples=[250])
    weight: float = Field(1, gt=0, description="How much this part counts beside the others (default 1).",
                          examples=[2])
    why: str = Field("", description="What this part adds (shown with it on the scorecard).",
                     examples=["The rules give him €250 for a cancelled flight."])

    @model_validator(mode="after")
    def _one_kind(self) -> ResolutionPart:
        if (self.action is None) == (self.offer is None):
            raise ValueError("a part names either an action or an offer (an intent)")
        return self


class Resolution(Model):
    """A way of settling the case: an action done, an intent said (`offer`), or parts that fit together (`all`)."""

    action: Name | None = Field(None, description="An action the trainee does.", examples=["refund_seats"])
    offer: Name | None = Field(None, description="An intent: offering it in words.", examples=["offer_refund"])
    min_amount: float | None = Field(None, ge=0, description="With `action`: at least this amount.",
                                     examples=[160])
    all_: tuple[ResolutionPart, ...] = Field(
        (), alias="all", description="Parts that fit only together (in `fitting`): each counts for its share.",
        examples=[[{"action": "refund"}, {"action": "compensation", "min_amount": 250}, {"offer": "return_help"}]])
    why: str = Field(description="Why this does or does not fit the harm.",
                     examples=["She paid for seats she did not get: the money back fits the harm."])

    @model_validator(mode="after")
    def _one_kind(self) -> Resolution:
        kinds = sum(x is not None for x in (self.action, self.offer)) + bool(self.all_)
        if kinds == 0:
            raise ValueError("a resolution needs an action, an offer (an intent) or all: its parts")
        if kinds > 1:
            raise ValueError("a resolution names an action, an offer (an intent) or all: its parts — only one of them")
        if self.all_ and self.min_amount is not None:
            raise ValueError("min_amount goes on the part it is for, under all:")
        return self

    @property
    def parts(self) -> tuple[ResolutionPart, ...]:
        """What it takes: its `all:` parts, or itself as the one part."""
        if self.all_:
            return self.all_
        return (ResolutionPart(action=self.action, offer=self.offer, min_amount=self.min_amount, why=self.why),)

    @property
    def several(self) -> bool:
        """True for `all:` — parts that fit only together."""
        return bool(self.all_)


class Question(Model):
    """A question the customer asks that the trainee must answer."""

    ask: str = Field(description="Her question, in her words.", examples=["Why did we lose our seats?"])
    asked_in: Names = Field(min_length=1, description="States in which she asks it.", examples=[["telling"]])
    answered_by: Names = Field(
        min_length=1, description="Intents that answer it, or actions and look-ups that do when the trainee also "
        "tells her (in words of its name; a look-up used after she asked).", examples=[["explain_cause"]])


class Rubric(Model):
    """What the scorer looks for in this case."""

    key_facts: Names = Field((), description="Facts a good detective uncovers.",
                             examples=[["paid_extra", "seats_released"]])
    harm: Texts = Field((), description="Phrases that name the specific harm (for acknowledging it).",
                        examples=[["legroom", "ten hours", "knee"]])
    acknowledge_writes_for: bool = Field(
        False, description="With `customer.writes_for`: acknowledging the harm must name or address the person it "
        "happened to (not only the writer).", examples=[True])
    explains: Names = Field((), description="Intents that explain why it happened.", examples=[["explain_cause"]])
    questions: tuple[Question, ...] = Field(
        (), description="Questions she asks that the trainee must answer.",
        examples=[[{"ask": "Why did we lose our seats?", "asked_in": "telling", "answered_by": "explain_cause"}]],
    )
    fitting: tuple[Resolution, ...] = Field(
        (), description="Actions or offers that fit the harm; `all:` for parts that fit only together.",
        examples=[[{"action": "refund_seats", "min_amount": 160, "why": "The money back for what she did not get."}]],
    )
    poor: tuple[Resolution, ...] = Field(
        (), description="Actions that do not fit it.",
        examples=[[{"action": "voucher", "why": "A voucher binds her to the airline that let her down."}]],
    )
    escalate: Names = Field((), description="Actions that bring in someone with a mandate.", examples=[["escalate"]])
    escalation_needed: bool = Field(
        False, description="True when the trainee lacks the mandate and must escalate.", examples=[True]
    )
    improve: Names = Field(
        (), description="Actions or intents that turn the problem into an improvement (root cause).",
        examples=[["log_fault", "stop_it_happening"]],
    )
    weights: dict[Trade, dict[str, float]] = Field(
        default_factory=dict, description="Weight per criterion id, per trade (default 1).",
        examples=[{"detective": {"key_facts": 2}}],
    )
