"""Customer lines that quote the trainee: a quote must be words the trainee certainly wrote.

Run by `webcare check`. A line such as "'Any inconvenience.' Is there a person here?" belongs to a step
that reacts to an intent and quotes one of its phrases; when another phrase of that intent lacks the
quoted words, a trainee can fire the step without writing them, and she would quote what was never said.
Such a line needs `if_wrote:` (or other wording). Quotes of others (the gate, an old e-mail) are hers.
"""

from __future__ import annotations

import re

from trainer.authoring.places import all_lines, read_marks, steps, variant_path
from trainer.meaning.matching import compile_pattern, words
from trainer.scenario.lint import phrase_text
from trainer.scenario.models import Scenario
from trainer.scenario.problems import Problem, Problems

_QUOTE = re.compile(r"(?:^|(?<=[\s(]))['‘\"“]([^'’\"”]{3,60}?)['’\"”](?=[\s.,!?:;)]|$)")
MIN_WORDS = 2
"""A quote of one word ("'Sorry'?") is usually her own word, not the trainee's."""


def quoted(line: str) -> list[str]:
    """The quoted stretches of a line that are long enough to be someone's words."""
    return [q for q in _QUOTE.findall(line) if len(words(q)) >= MIN_WORDS]


def unearned_quotes(s: Scenario) -> list[Problem]:
    """Warnings, with file:line:col, for lines that quote words the trainee may not have written."""
    marked = read_marks(s)
    problems = Problems(s.path or s.id, marked.text if marked else "")
    said_by_lines: dict[tuple, str | None] = {path + ("lines",): step.said for path, _, step in steps(s)}
    for at in all_lines(s):
        intent = said_by_lines.get(at.path)
        for band, variants in at.lines.items():
            for i, line in enumerate(variants):
                when = getattr(line, "when", None)
                if when is not None and when.if_wrote:
                    continue
                for quote in quoted(line):
                    if not intent or not _trainee_words(s, intent, quote) or _always_written(s, intent, quote):
                        continue  # her own words or someone else's, or words every phrase of the intent has
                    path = variant_path(marked, at.path, band, i)
                    problems.add(*(marked.mark(path) if marked else (0, 0)),
                                 f"this line quotes '{quote}', which the trainee may not have written: not every "
                                 f"phrase of '{intent}' has these words",
                                 f"give the line `if_wrote: [\"{quote}\"]` (and a variant without the quote), or "
                                 "reword it", severity="warning")
    return problems.warnings


def _trainee_words(s: Scenario, intent: str, quote: str) -> bool:
    """Whether the quote is one of the intent's phrases: she is quoting what the trainee wrote."""
    quoted_words = words(quote)
    return any(compile_pattern(p).matches(quoted_words) for p in s.intents[intent].match)


def _always_written(s: Scenario, intent: str, quote: str) -> bool:
    """Whether every phrase of the intent contains the quoted words (so any message that shows it does)."""
    pattern = compile_pattern(" ".join(words(quote)))
    return all(pattern.matches(words(phrase_text(p))) for p in s.intents[intent].match)
