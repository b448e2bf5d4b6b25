"""A coach exports a session to read or share: Markdown, an HTML page that opens offline, a cohort CSV."""

from __future__ import annotations

import csv
import io
import re

import pytest

from trainer.playthrough import run_playthrough
from trainer.review.export import cohort_csv, html, markdown
from trainer.scenario.library import find_scenario
from trainer.store import open_store

LEGROOM = find_scenario("legroom-en")
PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', "</div><b>bold</b>",
            "[click](http://evil.example)", "=HYPERLINK(\"http://evil.example\")"]


@pytest.fixture
def stored(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    mediocre = next(p for p in LEGROOM.playthroughs if p.name == "mediocre")
    hostile = mediocre.model_copy(update={"trainee": (PAYLOADS[0] + " sorry about the seats", *mediocre.trainee)})
    result = run_playthrough(LEGROOM, hostile)
    session_id = store.begin(trainee=PAYLOADS[4], scenario=LEGROOM)
    store.record(session_id, result.events, 0)
    store.finish(session_id, result.scorecard.to_dict())
    store.add_note(session_id, PAYLOADS[1], author=PAYLOADS[2], turn=1)
    store.add_note(session_id, PAYLOADS[3], author="kim")
    store.override(session_id, "plumber", 5, reason=PAYLOADS[0], author="kim")
    yield store, store.load(session_id)
    store.close()


def test_the_html_page_escapes_everything_people_wrote(stored):
    _, session = stored
    page = html(session)
    for payload in PAYLOADS[:3]:
        assert payload not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert len(re.findall(r"<script", page, re.IGNORECASE)) == 0


def test_the_html_page_is_self_contained_with_its_charts(stored):
    _, session = stored
    page = html(session)
    assert page.count("<svg") == 2 and 'aria-label="scores per trade"' in page and "<polyline" in page
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', page), "nothing loaded from a network"
    assert "<link" not in page


def test_markdown_shows_the_transcript_annotated_and_the_coachs_changes(stored):
    _, session = stored
    text = markdown(session)
    assert f"| plumber | {session.row.scores['plumber']} | 5: " in text and "## Score changes" in text
    assert "**1. Trainee** · " in text and "mood" in text
    assert "✗ plumber: Offers a resolution that fits the harm" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "[click](http" not in text


def test_the_cohort_csv_has_a_row_per_session_and_defuses_formulas(stored):
    store, session = stored
    rows = list(csv.DictReader(io.StringIO(cohort_csv(store.sessions()))))
    assert len(rows) == 1
    assert rows[0]["trainee"].startswith("'=") and rows[0]["plumber"] == str(session.row.scores["plumber"])
