"""Her mood in bands, from furious to happy: cheap to import (no pydantic), so screens can use it."""

from __future__ import annotations

from trainer.scenario.kinds import MoodBand

#: Upper bounds (exclusive) of each mood band, from 0 (livid) to 100 (delighted).
MOOD_BANDS: tuple[tuple[MoodBand, int], ...] = (
    ("furious", 20),
    ("angry", 40),
    ("upset", 60),
    ("calm", 80),
    ("happy", 101),
)


def mood_band(mood: int) -> MoodBand:
    for band, upper in MOOD_BANDS:
        if mood < upper:
            return band
    return MOOD_BANDS[-1][0]
