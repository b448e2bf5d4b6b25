"""Hostile text for the screen stories: markup, an action link and terminal controls in every field, each field
tagged with its own name so a test can say which one it saw (or didn't)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from trainer.terminal import CONTROLS, shown

ROOT = Path(__file__).resolve().parents[2]


def hostile(tag: str) -> str:
    """`[/]` crashes markup, `[@click=app.quit]` is a link that quits, `[b]` bolds, then ESC[2J, BEL and C1 CSI."""
    return f"[/]{tag}[@click=app.quit]{tag}[/][b]\x1b[2J\x07\x9b"


def on_screen(tag: str) -> str:
    """What a trainee or coach should read: the value as written, its controls spelled out."""
    return shown(hostile(tag))


# -- reading the screen ------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Seen:
    """The top screen as the terminal would get it: its text, each widget's part of it, and whether the app
    survived showing it."""

    text: str = ""
    parts: list[str] = dataclasses.field(default_factory=list)
    error: str = ""
    running: bool = True

    @property
    def raw_controls(self) -> list[str]:
        return sorted({repr(m.group()) for m in CONTROLS.finditer(self.text)})

    def shows(self, tag: str) -> bool:
        """The tagged value is on screen as written, in one widget (a long value may be wrapped or framed there:
        line breaks, spaces and borders between its pieces don't count)."""
        wanted = _compact(on_screen(tag))
        return any(wanted in _compact(part) for part in [self.text, *self.parts])


def _compact(text: str) -> str:
    return re.sub(r"[\s│┃║▌▐▊▎▕▏╭╮╰╯─━]+", "", text)


def look(app) -> Seen:
    """What the top screen (with its notices) shows now, whole and widget by widget."""
    strips = app.screen._compositor.render_strips()
    text = "\n".join("".join(segment.text for segment in strip) for strip in strips)
    parts = []
    for widget in app.screen.walk_children():
        region = widget.region
        if widget.children or not region.area:
            continue
        rows = strips[max(0, region.y): region.bottom]
        parts.append("\n".join("".join(s.text for s in strip.crop(region.x, region.right)) for strip in rows))
    return Seen(text=text, parts=parts, running=app.is_running)


# -- a scenario file with hostile text in each field a trainee sees ------------------------------------------------

SCENARIO_FIELDS = ("TITLE", "TEASER", "NAME", "HANDLE", "PERSONA", "BRIEFING", "MANDATE", "LOOKUP", "RESULT",
                   "ACTION", "FACT", "HINT", "LINE")


def _quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar: escapes (\u001b) and all


def _replace_block(text: str, key: str, value: str) -> str:
    """The first `key:` line (with its indented block, if any) holding `value` instead."""
    name = key.lstrip()
    indent = key[: len(key) - len(name)]
    pattern = re.compile(rf"^{indent}{re.escape(name)}:.*\n(?:{indent}[ ]+.*\n|[ ]*\n)*", re.MULTILINE)
    match = pattern.search(text)
    assert match, key
    return text[:match.start()] + f"{indent}{name}: {_quoted(value)}\n" + text[match.end():]


def _replace_line(text: str, line: str, value: str) -> str:
    assert line in text, line
    body = line.lstrip()
    head = "- " if body.startswith("- ") else body.split(": ", 1)[0] + ": "
    return text.replace(line, f"{line[: len(line) - len(body)]}{head}{_quoted(value)}", 1)


def hostile_scenario(folder: Path, channel: str = "twitter") -> Path:
    """The legroom case with a hostile title, teaser, customer, briefing, mandate, look-up, action, fact, hint and
    opening line (as an author's file, or a shared one, could have them)."""
    text = (ROOT / "scenarios" / "legroom-en.yaml").read_text("utf-8")
    text = text.replace("id: legroom-en", f"id: hostile-{channel}", 1).replace("channel: twitter", f"channel: {channel}")
    for key, tag in (("title", "TITLE"), ("teaser", "TEASER"), ("briefing", "BRIEFING")):
        text = _replace_block(text, key, hostile(tag) + (" It is Monday morning." if key == "briefing" else ""))
    text = _replace_line(text, "  name: Daniela Maduro", hostile("NAME"))
    text = text.replace('handle: "@dani_maduro"', f"handle: {_quoted('@' + hostile('HANDLE'))}", 1)
    text = _replace_block(text, "  persona", hostile("PERSONA") + ". Lives in Aruba.")
    text = _replace_line(text, "  - Look up bookings, seat records, flights and contact history.", hostile("MANDATE"))
    text = _replace_line(text, "    label: Booking K7Q2XD", hostile("LOOKUP"))
    text = _replace_block(text, "    shows", hostile("RESULT") + "\nBooking {booking}")
    text = _replace_line(text, "    label: Refund the extra-legroom seats", hostile("ACTION"))
    text = _replace_line(text, "    is: She paid €80 per person, €160 in all, for extra-legroom seats 14A and 14C.",
                         hostile("FACT"))
    text = _replace_line(text, '      - "She is angry and public. Answer now, in your own words: name what went wrong '
                               'for her (the seats she paid for, ten hours)."', hostile("HINT"))
    for line in (('        - "{airline} Paid {price_each} each for extra legroom on {flight}. Confirmed TWICE. '
                 'On board: no such seats. Two phone calls, one robot tweet. Anyone home?"'),
                 ('        - "{airline} We paid {price_total} for seats {seats} on {flight}. Confirmed twice. Then sat '
                 'in {seats_given} for ten hours. I\'d like to know why."'),
                 ('        - "{airline} Still waiting. Extra legroom, paid and confirmed twice, never delivered. Is '
                 'anyone actually reading this?"')):
        text = _replace_line(text, line, hostile("LINE"))
    path = folder / f"hostile-{channel}.yaml"
    path.write_text(text, "utf-8")
    return path


CURRICULUM_FIELDS = ("CURRICULUM", "ABOUT", "MODULE", "MODULE_ABOUT")


def hostile_curriculum(folder: Path) -> Path:
    """The UI tests' legroom course with a hostile title, about, and first module's title and about."""
    text = (ROOT / "tests" / "data" / "campaign" / "legroom-course.yaml").read_text("utf-8")
    text = _replace_line(text, "title: Legroom course", hostile("CURRICULUM"))
    text = _replace_block(text, "about", hostile("ABOUT"))
    text = _replace_line(text, "    title: Find the facts before you explain", hostile("MODULE"))
    text = _replace_block(text, "    about", hostile("MODULE_ABOUT"))
    path = folder / "hostile-course.yaml"
    path.write_text(text, "utf-8")
    return path
