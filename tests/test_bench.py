"""`make bench` tells a missed goal: its table and last line name every measure that missed.

The bench itself runs in `make bench` (its timings would fail on a busy machine, and its quick run took
two minutes of `make test`); here its verdicts are checked on rows with known figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.run import Row, bench_refusals, missed_line, table  # noqa: E402


def test_the_last_line_counts_and_names_the_missed_goals():
    rows = [Row("first frame: our picker", "0.31 s"), Row("ratio, picker / bare", "1.4×", "≤ 1.25×", "MISSED"),
            Row("  resumed sessions that did not finish", "0", "0", "ok"),
            Row("  export dialog, key to first frame", "900 ms", "≤ 500 ms", "MISSED")]
    assert missed_line(rows) == "2 goal(s) missed: ratio, picker / bare; export dialog, key to first frame"
    assert missed_line([r for r in rows if r.verdict != "MISSED"]) == "0 goal(s) missed"
    shown = table(rows)
    assert shown.splitlines()[0].split() == ["measure", "value", "goal"]
    assert all(r.measure in shown and r.value in shown for r in rows)
    assert shown.count("MISSED") == 2


def test_the_refusal_timings_that_left_the_unit_tests_are_measured_against_their_goals():
    rows = bench_refusals()
    assert [r.measure for r in rows] == ["alias bomb (9^9 items) refused", "brackets 100,000 deep refused",
                                         "a 4 GB file refused unread", "bytes over the size limit refused",
                                         "20,000 problems cut short"]
    assert all(r.value.endswith(" s") and r.goal.startswith("< ") and r.verdict in ("ok", "MISSED") for r in rows)
