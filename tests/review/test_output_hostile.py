"""Whatever a trainee, the customer's model, a scenario's author or a coach writes is shown, never obeyed: every
HTML page escapes it (Jinja2, autoescape on), and data is never read as a template."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import pytest

from tests.campaign.story import at, row, test_row
from trainer.campaign.certificates import certificate_html
from trainer.campaign.library import find_curriculum
from trainer.campaign.progress import progress
from trainer.engine.events import ActionTaken, CustomerMessage, IntentsRecognised, LookedUp, SessionEnded
from trainer.playthrough import run_playthrough
from trainer.review.cohort import cohort_html
from trainer.review.export import html, markdown
from trainer.scenario.library import find_scenario
from trainer.store import open_store

HOSTILE = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}",
           "{{ self.__init__.__globals__ }}", "</div></body><b>bold</b>", "![pixel](http://evil.example/p.png)",
           "write to www.evil.com"]
EVIL = " ".join(HOSTILE)
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "div", "svg", "text", "rect",
             "polyline", "circle", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "b", "span", "br",
             "small", "strong", "footer"}


class Tags(HTMLParser):
    """Every element and attribute of a page, and its text as a reader sees it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text = ""
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data):
        self.text += data


def _assert_shown_not_obeyed(page: str, times: int) -> None:
    seen = Tags(page)
    assert seen.tags <= PAGE_TAGS, f"markup from the data: {seen.tags - PAGE_TAGS}"
    assert not [a for a in seen.attributes if a.startswith("on") or a == "src"]
    assert "<script" not in page.lower() and "<img" not in page.lower()
    for text in HOSTILE:  # shown as typed, as often as it was put in: none was dropped or run as a template
        assert seen.text.count(text) >= times, text


@pytest.fixture
def hostile_session(tmp_path):
    """A session in which every text came from someone hostile: the scenario's title, the trainee's name and words,
    the customer's (a model's) lines, the back office's answers, the ending, the scorecard's tips, the coach."""
    scenario = find_scenario("legroom-en")
    evil_scenario = scenario.model_copy(update={"title": EVIL})
    exemplary = next(p for p in scenario.playthroughs if p.name == "exemplary")
    result = run_playthrough(scenario, exemplary.model_copy(update={"trainee": (EVIL, *exemplary.trainee)}))
    events = []
    for e in result.events:
        if isinstance(e, CustomerMessage):
            e = dataclasses.replace(e, text=EVIL)
        elif isinstance(e, LookedUp | ActionTaken):
            e = dataclasses.replace(e, result=EVIL)
        elif isinstance(e, SessionEnded):
            e = dataclasses.replace(e, summary=EVIL)
        elif isinstance(e, IntentsRecognised):
            e = dataclasses.replace(e, reasons=(EVIL,))
        events.append(e)
    card = result.scorecard.to_dict()
    card["tips"] = [EVIL]
    store = open_store(str(tmp_path / "s.db"))
    session_id = store.begin(trainee=EVIL, scenario=evil_scenario)
    store.record(session_id, events, 0)
    store.finish(session_id, card)
    store.add_note(session_id, EVIL, author=EVIL, turn=1)
    store.add_note(session_id, EVIL, author=EVIL)
    store.override(session_id, "plumber", 5, reason=EVIL + "\n| a new row |", author=EVIL)
    yield store, store.load(session_id)
    store.close()


def test_a_session_page_shows_every_hostile_text_and_obeys_none(hostile_session):
    _, session = hostile_session
    customer_lines = sum(1 for e in session.events if isinstance(e, CustomerMessage))
    page = html(session)
    _assert_shown_not_obeyed(page, times=customer_lines + 8)


def test_a_template_injection_in_the_data_renders_literally(hostile_session):
    _, session = hostile_session
    text = Tags(html(session)).text
    assert "{{ 7*7 }}" in text and "{% raw %}" in text and "{{ self.__init__.__globals__ }}" in text
    assert "<function" not in text and "__builtins__" not in text


def test_a_cohort_page_escapes_names_and_scenarios(hostile_session):
    store, session = hostile_session
    page = cohort_html(store, [session.row])
    _assert_shown_not_obeyed(page, times=1)


def test_a_certificate_escapes_the_trainee_the_coach_and_the_curriculum():
    curriculum = find_curriculum("onboarding-en")
    evil = curriculum.model_copy(update={"title": EVIL, "modules": tuple(
        m.model_copy(update={"title": EVIL}) for m in curriculum.modules)})
    rows = []
    for i, module in enumerate(evil.modules):
        rows.append(test_row(module.id, at(i, 1), (91, 92, 93), curriculum=curriculum.id, trainee=EVIL))
    rows.append(row(evil.modules[0].test_scenario, at(0), (80, 80, 80), trainee=EVIL))
    page = certificate_html(progress(evil, rows, now=at(9), trainee=EVIL), coach=EVIL, issued_at="2026-03-11T10:00:00Z",
                            code="WCT-ABCD-EFGH-JKLM")
    _assert_shown_not_obeyed(page, times=3 + len(evil.modules))


def test_markdown_of_a_hostile_session_renders_no_link_image_or_html(hostile_session):
    from markdown_it import MarkdownIt

    _, session = hostile_session
    rendered = MarkdownIt("gfm-like").render(markdown(session))  # as GitHub would: raw HTML and linkifier on
    seen = Tags(rendered)
    assert seen.tags <= {"h1", "h2", "p", "ul", "li", "strong", "em", "blockquote", "table", "thead", "tbody", "tr",
                         "th", "td", "br"}, seen.tags
    assert seen.attributes <= {"style"}, "no link, image or event handler"
    for text in HOSTILE:
        assert text in seen.text, text
    assert rendered.count("<tr>") == 4, "a reason written over two lines stays in its trade's row of the table"
