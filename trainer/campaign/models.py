"""Typed, immutable curricula and badge rules: what the YAML files in curricula/ describe once validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic.json_schema import SkipJsonSchema

from trainer.scenario.kinds import Language, OutcomeKind, Trade

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=60)]
Mark = Annotated[int, Field(ge=0, le=100)]


def _as_tuple(value: object) -> object:
    """Let authors write one item where a list is expected."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float, dict)):
        return (value,)
    return value


Names = Annotated[tuple[Name, ...], BeforeValidator(_as_tuple)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Module(Model):
    """A step of the curriculum: a few scenarios to practise, then a test with a pass mark per trade."""

    id: Name = Field(description="Unique within the curriculum.", examples=["first-contact"])
    title: str = Field(min_length=1, description="What the trainee sees.", examples=["Protect the customer first"])
    focus: Trade = Field(description="The one trade this module trains above all.", examples=["facilitator"])
    about: str = Field(description="What the module teaches, in a sentence or two.",
                       examples=["A customer posts his booking code in public. Take it private before anything."])
    scenarios: Names = Field(min_length=1, description="Scenario ids, in the curriculum's language. The trainee "
                             "practises them in this order; the test is played on the last one.",
                             examples=[["public-details-en"]])
    pass_mark: dict[Trade, Mark] = Field(
        min_length=1, description="The lowest score per trade (0-100) that passes the module's test.",
        examples=[{"facilitator": 70, "detective": 50}],
    )
    practice_first: bool = Field(True, description="True: a finished practice attempt is needed before the "
                                 "test opens.", examples=[True])

    @property
    def test_scenario(self) -> str:
        """The scenario the module's test is played on."""
        return self.scenarios[-1]


class Curriculum(Model):
    """An ordered path through the scenario library; each module unlocks when the one before is passed."""

    format: Literal[1] = Field(description="Version of this format.", examples=[1])
    id: Name = Field(description="Unique id, used on the command line.", examples=["onboarding-en"])
    title: str = Field(min_length=1, description="The curriculum's name, as trainees and coaches see it.",
                       examples=["Webcare onboarding"])
    language: Language = Field(description="The language of its texts and of every scenario in it.",
                               examples=["en"])
    about: str = Field(description="Who it is for and what it teaches.",
                       examples=["Your first weeks on webcare: five cases, easy to hard."])
    modules: tuple[Module, ...] = Field(min_length=1, description="The modules, in the order they unlock.",
                                        examples=[[{"id": "first-contact", "title": "Protect first",
                                                    "focus": "facilitator", "about": "Take it private.",
                                                    "scenarios": ["public-details-en"],
                                                    "pass_mark": {"facilitator": 70}}]])
    test_window_hours: int = Field(24, ge=0, le=24 * 90, description="Hours between two test attempts of a "
                                   "module (the attempt window); 0: no wait.", examples=[24])

    path: SkipJsonSchema[Path | None] = Field(None, exclude=True)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    @property
    def scenario_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for m in self.modules for s in m.scenarios))


class Texts(Model):
    """A text in each language the game speaks."""

    en: str = Field(min_length=1, description="In English.", examples=["Every question answered"])
    nl: str = Field(min_length=1, description="In Dutch.", examples=["Elke vraag beantwoord"])

    def get(self, language: str) -> str:
        return self.nl if language == "nl" else self.en


class When(Model):
    """What a finished session must show to earn the badge: every condition given must hold."""

    criteria: dict[Name, Mark] = Field(
        default_factory=dict, description="Criterion id → the lowest score (0-100) it must reach; the criterion "
        "must apply to the conversation.", examples=[{"answers_questions": 100}])
    scores: dict[Trade, Mark] = Field(default_factory=dict, description="Trade → the lowest score it must reach.",
                                      examples=[{"facilitator": 80}])
    outcome_kind: Annotated[tuple[OutcomeKind, ...], BeforeValidator(_as_tuple)] = Field(
        (), description="The conversation ended in one of these kinds of outcome.", examples=[["resolved"]])
    scenarios: Names = Field((), description="Only in these scenarios (ids).",
                             examples=[["usb-stick-en", "usb-stick-nl"]])
    mode: Literal["practice", "test"] | None = Field(None, description="Only in this mode.", examples=["test"])
    max_hints: int | None = Field(None, ge=0, description="At most this many hints asked for.", examples=[0])
    no_poor_fix: bool = Field(False, description="True: no fix the scenario's rubric calls poor (a voucher "
                              "where money back fits) and none that falls short of the harm.", examples=[True])

    @model_validator(mode="after")
    def _has_condition(self) -> When:
        given = [self.criteria, self.scores, self.outcome_kind, self.scenarios, self.mode,
                 self.max_hints is not None, self.no_poor_fix]
        if not any(given):
            raise ValueError("a badge needs a condition: criteria, scores, outcome_kind, scenarios, mode, "
                             "max_hints or no_poor_fix")
        return self


class BadgeRule(Model):
    """A badge: what it is called, in English and Dutch, and the behaviour that earns it."""

    id: Name = Field(description="Unique id.", examples=["every-question"])
    icon: str = Field(min_length=1, max_length=4, description="One or two characters shown beside the title.",
                      examples=["?!"])
    title: Texts = Field(description="The badge's name.",
                         examples=[{"en": "Every question answered", "nl": "Elke vraag beantwoord"}])
    about: Texts = Field(description="What earned it, in a sentence.",
                         examples=[{"en": "You answered every question she asked.",
                                    "nl": "Je beantwoordde elke vraag die ze stelde."}])
    when: When = Field(description="The behaviour that earns it.", examples=[{"criteria": {"answers_questions": 100}}])

    def badge(self, language: str) -> Badge:
        return Badge(self.id, self.title.get(language), self.about.get(language), self.icon, language)


class BadgeFile(Model):
    """A file of badges."""

    format: Literal[1] = Field(description="Version of this format.", examples=[1])
    badges: tuple[BadgeRule, ...] = Field(min_length=1, description="The badges, in the order they are shown.",
                                          examples=[[{"id": "every-question", "icon": "?!",
                                                      "title": {"en": "Every question answered",
                                                                "nl": "Elke vraag beantwoord"},
                                                      "about": {"en": "You answered all.", "nl": "Alles beantwoord."},
                                                      "when": {"criteria": {"answers_questions": 100}}}]])

    path: SkipJsonSchema[Path | None] = Field(None, exclude=True)


@dataclass(frozen=True, slots=True)
class Badge:
    """A badge in one language, as screens show it."""

    id: str
    title: str
    about: str
    icon: str
    language: str
