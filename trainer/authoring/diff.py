"""A failed playthrough as a readable diff: what was expected against what happened, and where it went."""

from __future__ import annotations

from trainer.engine.events import NotUnderstood, TraineeMessage
from trainer.playthrough import PlaythroughResult

SHOWN = 5
"""Messages she did not take up, at most, shown under a failure."""


def diff(result: PlaythroughResult, indent: str = "       ") -> list[str]:
    """Lines that show, side by side, what `expect` says and what this playthrough got.

    `✗` marks each difference; the rows that agree are there for context."""
    expect, card = result.playthrough.expect, result.scorecard
    rows: list[tuple[bool, str, str, str]] = []
    got_outcome = card.outcome or "(still open)"
    rows.append((expect.outcome != card.outcome, "outcome", expect.outcome, got_outcome))
    for trade, (low, high) in expect.scores.items():
        got = card.trades[trade].score
        rows.append((not low <= got <= high, trade, f"{low}–{high}", str(got)))
    width = max(len(r[1]) for r in rows)
    wide = max(len("expected"), *(len(r[2]) for r in rows))
    out = [f"{indent}  {'':<{width}}  {'expected':<{wide}}  got"]
    for bad, what, expected, shown in rows:
        out.append(f"{indent}{'✗' if bad else ' '} {what:<{width}}  {expected:<{wide}}  {shown}")
    total = len(result.playthrough.trainee)
    if result.unplayed:
        if expect.outcome == card.outcome:
            out.append(f"{indent}✗ it ended at move {result.played} of {total}, {got_outcome} as expected: remove "
                       "the rest, never played:")
        else:
            out.append(f"{indent}✗ stopped early: the conversation ended ({got_outcome}) after move "
                       f"{result.played} of {total}; never played:")
        out += [f"{indent}      {result.played + i + 1}. {move}" for i, move in enumerate(result.unplayed)]
    for number, move, message in result.refused:
        first = (message.splitlines() or [""])[0]
        out.append(f"{indent}✗ move {number} refused by the game: {move!r}")
        out.append(f"{indent}      {first}")
    if result.unplayed or expect.outcome != card.outcome:
        out.append(f"{indent}  her path: {path(result)}")
        missed = not_taken_up(result)
        for text, state in missed[:SHOWN]:
            out.append(f"{indent}  fitted no step in {state}: {_short(text)}")
        if len(missed) > SHOWN:
            out.append(f"{indent}  … and {len(missed) - SHOWN} more messages that fitted no step")
    return out


def path(result: PlaythroughResult) -> str:
    """The states she went through: `waiting → listening → done (patience ran out)`."""
    steps = [result.scenario.start]
    for source, step, dest in result.fired:
        if dest != source:
            steps.append(dest + (" (her patience ran out)" if step is None else ""))
    return " → ".join(steps)


def not_taken_up(result: PlaythroughResult) -> list[tuple[str, str]]:
    """The trainee's messages that fitted none of the steps, with the state she was in."""
    said: dict[int, str] = {}
    out = []
    for event in result.events:
        if isinstance(event, TraineeMessage):
            said[event.turn] = event.text
        elif isinstance(event, NotUnderstood):
            out.append((said.get(event.turn, ""), event.state))
    return out


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")
