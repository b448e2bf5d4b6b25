"""Cross-checks and warnings for a valid curriculum or badge file: scenarios that exist, a path that teaches."""

from __future__ import annotations

from collections.abc import Mapping

from trainer.campaign.models import BadgeFile, Curriculum
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problems, did_you_mean
from trainer.scenario.yamlfile import Marked

DIFFICULTY = {"easy": 0, "medium": 1, "hard": 2}
MODEL_PLAYTHROUGH = "exemplary"
"""The playthrough whose lines are the model answers in a lesson (docs/scenario-format.md)."""


def check_curriculum(c: Curriculum, marked: Marked, problems: Problems, scenarios: Mapping[str, Scenario]) -> None:
    """Errors for names that don't fit; warnings for a path that does not go easy → hard, one focus at a time."""
    def warn(path: tuple, message: str, hint: str) -> None:
        problems.add(*marked.mark(path), message, hint, severity="warning")

    seen: dict[str, int] = {}
    where: dict[str, str] = {}
    for i, module in enumerate(c.modules):
        if module.id in seen:
            problems.add(*marked.mark(("modules", i, "id")), f"the module id '{module.id}' is used twice",
                         f"module {seen[module.id] + 1} has it already; give every module an id of its own")
        seen.setdefault(module.id, i)
        for j, ref in enumerate(module.scenarios):
            at = ("modules", i, "scenarios", j)
            scenario = scenarios.get(ref)
            if scenario is None:
                problems.add(*marked.mark(at), f"no scenario has the id '{ref}'",
                             did_you_mean(ref, [s for s, x in scenarios.items() if x.language == c.language]))
                continue
            if scenario.language != c.language:
                problems.add(*marked.mark(at), f"'{ref}' is in {_LANGUAGES[scenario.language]}; this curriculum "
                             f"is in {_LANGUAGES[c.language]}",
                             did_you_mean(_twin(ref, c.language), [s for s, x in scenarios.items()
                                                                    if x.language == c.language]))
            if ref in where:
                warn(at, f"'{ref}' is in module '{where[ref]}' already",
                     "a scenario played in two modules teaches nothing new the second time")
            where.setdefault(ref, module.id)
            if MODEL_PLAYTHROUGH not in {p.name for p in scenario.playthroughs}:
                warn(at, f"'{ref}' has no playthrough called '{MODEL_PLAYTHROUGH}'",
                     "lessons after an attempt quote its lines as model answers; add one to the scenario")
        _check_marks(c, i, marked, scenarios, warn)
    _check_order(c, marked, scenarios, warn)


def _check_marks(c: Curriculum, i: int, marked: Marked, scenarios: Mapping[str, Scenario], warn) -> None:
    module = c.modules[i]
    if module.focus not in module.pass_mark:
        warn(("modules", i, "pass_mark"), f"module '{module.id}' focuses on the {module.focus} but sets no pass "
             f"mark for it", f"add '{module.focus}: 70' (or so) under pass_mark")
    test = scenarios.get(module.test_scenario)
    if test is None:
        return
    for trade, mark in module.pass_mark.items():
        highs = [p.expect.scores[trade][1] for p in test.playthroughs if trade in p.expect.scores]
        if highs and mark > max(highs):
            warn(("modules", i, "pass_mark", trade), f"no playthrough of '{test.id}' expects more than "
                 f"{max(highs)} as {trade}; a pass mark of {mark} may be out of reach",
                 f"lower it, or check with `webcare test {test.path or test.id}` what a good trainee scores")


def _check_order(c: Curriculum, marked: Marked, scenarios: Mapping[str, Scenario], warn) -> None:
    hardest_before, before = -1, ""
    for i, module in enumerate(c.modules):
        levels = [DIFFICULTY[scenarios[s].difficulty] for s in module.scenarios if s in scenarios]
        if not levels:
            continue
        if min(levels) < hardest_before:
            warn(("modules", i, "scenarios"), f"module '{module.id}' is easier than '{before}' before it",
                 "order the modules easy → hard, so each one builds on the last")
        if max(levels) > hardest_before:
            hardest_before, before = max(levels), module.id


def check_badges(file: BadgeFile, marked: Marked, problems: Problems, scenarios: Mapping[str, Scenario],
                 criteria: Mapping[str, tuple[str, ...]]) -> None:
    """Criteria the scorer knows, ids used once; scenarios that exist."""
    known = sorted({c for ids in criteria.values() for c in ids})
    seen: set[str] = set()
    for i, rule in enumerate(file.badges):
        if rule.id in seen:
            problems.add(*marked.mark(("badges", i, "id")), f"the badge id '{rule.id}' is used twice",
                         "give every badge an id of its own")
        seen.add(rule.id)
        for name in rule.when.criteria:
            if name not in known:
                problems.add(*marked.key_mark(("badges", i, "when", "criteria", name)),
                             f"the scorer has no criterion '{name}'", did_you_mean(name, known))
        for j, ref in enumerate(rule.when.scenarios):
            if ref not in scenarios:
                problems.add(*marked.mark(("badges", i, "when", "scenarios", j)), f"no scenario has the id '{ref}'",
                             did_you_mean(ref, scenarios), severity="warning")


_LANGUAGES = {"en": "English", "nl": "Dutch"}


def _twin(ref: str, language: str) -> str:
    """`legroom-en` → `legroom-nl`: the same case in the other language, by the library's naming."""
    stem, _, suffix = ref.rpartition("-")
    return f"{stem}-{language}" if suffix in _LANGUAGES else ref
