"""A scenario author's mistakes, and what Webcare Trainer tells her about them.

Every fixture in tests/data/bad/ is tests/data/minimal.yaml with one defect (its first line
says which). Whatever is wrong, the author gets `file:line:column: what is wrong`, the line
itself with a caret, and a hint; all problems of a file at once; never a traceback.
Large and binary files are made in tmp_path by the tests themselves.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from trainer.errors import ScenarioError
from trainer.scenario.loader import check_bytes, check_file, load_scenario
from trainer.scenario.problems import Problem
from trainer.scenario.yamlfile import MAX_BYTES

DATA = Path(__file__).resolve().parent.parent / "data"
BAD = DATA / "bad"
MINIMAL = DATA / "minimal.yaml"
LEGROOM = Path(__file__).resolve().parents[2] / "scenarios" / "legroom-en.yaml"


def problems_in(name: str) -> list[Problem]:
    """The problems of tests/data/bad/NAME.yaml, which must not load."""
    scenario, problems = check_file(BAD / f"{name}.yaml")
    assert scenario is None, f"{name}.yaml loaded, but it has a defect"
    return problems.sorted()


def the_problem(name: str) -> Problem:
    """The one problem of a fixture: one defect, one message (no noise that follows from it)."""
    found = problems_in(name)
    assert len(found) == 1, "\n\n".join(str(p) for p in found)
    return found[0]


def problems_of(text: str | bytes, tmp_path: Path, name: str = "case.yaml") -> list[Problem]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    scenario, problems = check_file(path)
    assert scenario is None
    assert problems.errors, "a broken file must give at least one problem"
    return problems.sorted()


def minimal_with(old: str, new: str) -> str:
    text = MINIMAL.read_text("utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def at(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


# ── The good file, and what every problem looks like ───────────────────────────────────


def test_the_minimal_scenario_loads_without_a_single_problem():
    scenario, problems = check_file(MINIMAL)
    assert scenario is not None, "\n".join(str(p) for p in problems.items)
    assert problems.items == []
    assert list(scenario.states) == ["waiting", "listening"]


@pytest.mark.parametrize("fixture", sorted(p.stem for p in BAD.glob("*.yaml")))
def test_every_broken_fixture_is_refused_with_file_line_column_and_a_hint(fixture):
    for problem in problems_in(fixture):
        assert problem.line >= 1 and problem.column >= 1
        assert str(problem).startswith(f"{BAD / fixture}.yaml:{problem.line}:{problem.column}: ")
        assert problem.hint, f"no hint for: {problem.message}"
        assert "Traceback" not in str(problem) and "pydantic" not in str(problem).lower()


def test_the_problem_quotes_its_line_and_puts_a_caret_under_the_column():
    problem = the_problem("enum-channel")
    first, source, caret, hint = str(problem).split("\n")
    assert first == f"{BAD}/enum-channel.yaml:7:10: 'twiter' is not allowed for channel"
    assert source == "    channel: twiter"
    assert caret.index("^") == source.index("twiter")
    assert hint == "  hint: did you mean 'twitter'?"


def test_load_scenario_raises_one_error_that_carries_every_problem_in_line_order():
    with pytest.raises(ScenarioError) as raised:
        load_scenario(BAD / "several-errors.yaml")
    lines = [p.line for p in raised.value.problems]
    assert lines == sorted(lines) and len(lines) == 5
    assert str(raised.value).startswith(f"{BAD}/several-errors.yaml:7:10: ")


# ── YAML syntax ──────────────────────────────────────────────────────────────────────────


def test_a_line_indented_one_space_too_far_is_blamed_on_its_indentation_not_on_its_colon():
    problem = the_problem("syntax-indented-too-far")
    assert at(problem) == (14, 4)
    assert "indented more than the line above" in problem.message
    assert "'handle:'" in problem.hint and "line 13" in problem.hint


def test_a_tab_in_the_indentation_is_called_a_tab():
    problem = the_problem("syntax-tab-indent")
    assert at(problem) == (16, 1)
    assert "tab" in problem.message
    assert "spaces" in problem.hint


def test_an_unclosed_quote_is_reported_where_it_opens_not_where_yaml_gives_up_lines_later():
    problem = the_problem("syntax-unclosed-quote")
    assert at(problem) == (14, 11)
    assert 'quote "' in problem.message and "not closed" in problem.message


def test_an_unclosed_quote_that_runs_to_the_end_of_the_file_is_found_too(tmp_path):
    [problem] = problems_of(minimal_with("summary: She knows", 'summary: "She knows'), tmp_path)
    assert at(problem) == (60, 14)
    assert "quote" in problem.message


def test_text_with_colon_space_must_be_quoted_and_the_hint_shows_the_line_quoted():
    problem = the_problem("syntax-colon-in-text")
    assert at(problem) == (60, 20)
    assert "': '" in problem.message
    assert problem.hint == 'put the value between quotes: summary: "Result: she knows what happened to her bag."'


def test_an_unclosed_bracket_is_reported_where_it_opens():
    problem = the_problem("syntax-unclosed-bracket")
    assert at(problem) == (40, 12)
    assert "'['" in problem.message and "']'" in problem.hint


def test_a_value_starting_with_an_at_sign_gets_the_quoted_line_as_hint():
    problem = the_problem("syntax-at-sign")
    assert at(problem) == (14, 11)
    assert "'@'" in problem.message
    assert 'handle: "@anna_dv"' in problem.hint


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ("match: [sorry, apolog*]", "match:\n      - *sorry", (41, 9), ["*sorry", "quotes"]),
        ("title: The late suitcase", 'title: "C:\\path"', (4, 11), ["backslash"]),
        ("title: The late suitcase", "title: | The late suitcase", (4, 8), ["'|'"]),
        ("title: The late suitcase", 'title: "The late" suitcase', (4, 19), ["after the closing quote"]),
        ("title: The late suitcase", "title: 'It's late'", (4, 12), ["after the closing quote"]),
        ("when_patience_runs_out: done", "when_patience_runs_out: done\n---\nid: other", (63, 1), ["second document"]),
        ("title: The late suitcase", "title The late suitcase", (4, 1), ["':'"]),
        ("  handle:", "handle:", (14, 1), ["indented less", "column 3"]),
        ("    label: Baggage record", "      label: Baggage record", (30, 5), ["line up", "column 7"]),
    ],
    ids=["star-alias", "backslash", "block-indicator", "text-after-quote", "apostrophe",
         "two-documents", "no-colon", "indented-too-little", "indented-unevenly"],
)
def test_other_syntax_errors_are_explained_where_the_fix_goes(tmp_path, old, new, where, words):
    problems = problems_of(minimal_with(old, new), tmp_path)
    assert at(problems[0]) == where, str(problems[0])
    for word in words:
        assert word in str(problems[0])


# ── Wrong types ──────────────────────────────────────────────────────────────────────────


def test_a_word_where_a_number_belongs_says_which_field_and_asks_for_digits():
    problem = the_problem("type-text-for-number")
    assert at(problem) == (16, 9)
    assert problem.message == "customer › mood should be a whole number, not 'forty'"
    assert "digits" in problem.hint


def test_a_list_where_keys_belong_lists_the_keys_it_needs():
    problem = the_problem("type-list-for-mapping")
    assert at(problem) == (12, 11)
    assert problem.message == "customer should be a set of 'key: value' lines, not a list"
    assert "name:, handle:, persona:, mood:, patience:" in problem.hint


def test_a_phrase_with_colon_space_in_a_list_is_read_as_keys_and_the_hint_says_quote_it():
    problem = the_problem("type-mapping-for-text")
    assert at(problem) == (41, 9)
    assert "should be text" in problem.message
    assert "quotes" in problem.hint


def test_true_where_text_belongs_suggests_quotes(tmp_path):
    [problem] = problems_of(minimal_with("title: The late suitcase", "title: true"), tmp_path)
    assert at(problem) == (4, 8)
    assert problem.message == "title should be text, not true"
    assert problem.hint == 'put it between quotes: "true"'


def test_a_state_with_nothing_under_it_says_what_it_needs(tmp_path):
    text = minimal_with("    lines: Thanks. So what happened to my bag?\n    on:\n      - looked_up: baggage\n"
                        "        next: done\n", "")
    [problem] = problems_of(text, tmp_path)
    assert at(problem) == (51, 13)
    assert problem.message == "states › listening is empty"
    assert "lines:" in problem.hint


def test_a_number_out_of_range_names_the_limit(tmp_path):
    [problem] = problems_of(minimal_with("mood: 40", "mood: 400"), tmp_path)
    assert at(problem) == (16, 9)
    assert problem.message == "customer › mood must be at most 100, not 400"


def test_times_codes_dates_and_yes_no_stay_as_written(tmp_path):
    text = minimal_with("  flight: SB 101", "  flight: SB 101\n  departs: 11:05\n  booking: 012345\n"
                        "  date: 2024-11-14\n  answer: no\n  size: 0x1F")
    path = tmp_path / "values.yaml"
    path.write_text(text, "utf-8")
    scenario = load_scenario(path)
    assert scenario.details["departs"] == "11:05"  # not 665 (YAML 1.1 base 60)
    assert scenario.details["booking"] == "012345"  # not 5349 (octal)
    assert scenario.details["date"] == "2024-11-14"  # not a date object, and not refused
    assert scenario.details["answer"] == "no"  # not False
    assert scenario.details["size"] == 31


# ── Unknown and missing keys ────────────────────────────────────────────────────────────


def test_a_misspelt_key_is_named_with_its_line_and_a_suggestion():
    problem = the_problem("key-misspelt-in-customer")  # and not also "'mood' is missing"
    assert at(problem) == (16, 3)
    assert problem.message == "unknown key 'mod' in customer"
    assert problem.hint == "did you mean 'mood'?"


def test_a_misspelt_key_in_a_state_is_named_with_its_line_and_a_suggestion():
    problem = the_problem("key-misspelt-in-state")
    assert at(problem) == (52, 5)
    assert problem.message == "unknown key 'lnies' in states › listening"
    assert problem.hint == "did you mean 'lines'?"


def test_an_unknown_key_like_no_other_lists_the_keys_allowed(tmp_path):
    [problem] = problems_of(minimal_with("  mood: 40", "  mood: 40\n  colour: red"), tmp_path)
    assert at(problem) == (17, 3)
    assert problem.hint.startswith("choose one of: call_me, followers, handle, mood")


def test_an_invisible_character_in_a_key_is_pointed_out(tmp_path):
    [problem] = problems_of(minimal_with("  mood: 40", "  mo\u200bod: 40"), tmp_path)
    assert at(problem) == (16, 3)
    assert "did you mean 'mood'?" in problem.hint and "ZERO WIDTH SPACE" in problem.hint


def test_a_missing_required_key_is_reported_on_the_key_it_belongs_under():
    problem = the_problem("key-required-missing")
    assert at(problem) == (12, 1)
    assert problem.message == "'handle' is missing in customer"
    assert problem.hint.startswith("add 'handle:' under it")


def test_the_path_key_is_not_silently_taken_from_the_file(tmp_path):
    [problem] = problems_of("path: /etc/passwd\n" + MINIMAL.read_text("utf-8"), tmp_path)
    assert at(problem) == (1, 1)
    assert problem.message == "unknown key 'path' in the scenario"


# ── Values that must be one of a few ─────────────────────────────────────────────────────


def test_a_language_we_do_not_have_lists_the_ones_we_do():
    problem = the_problem("enum-language")
    assert at(problem) == (6, 11)
    assert problem.message == "'fr' is not allowed for language"
    assert problem.hint == "choose one of: en, nl"


def test_a_misspelt_channel_gets_a_suggestion():
    problem = the_problem("enum-channel")
    assert at(problem) == (7, 10)
    assert problem.hint == "did you mean 'twitter'?"


# ── Names used but not defined ───────────────────────────────────────────────────────────


def test_next_to_a_state_that_does_not_exist_suggests_the_one_meant():
    problem = the_problem("ref-next-unknown-state")
    assert at(problem) == (50, 15)
    assert problem.message == "unknown state or outcome 'listenning'"
    assert problem.hint == "did you mean 'listening'?"


def test_said_with_an_intent_that_does_not_exist_suggests_the_one_meant():
    problem = the_problem("ref-said-unknown-intent")
    assert at(problem) == (48, 15)
    assert problem.message == "unknown intent 'apologize'"
    assert problem.hint == "did you mean 'apologise'?"


def test_found_in_with_a_look_up_that_does_not_exist_suggests_the_one_meant():
    problem = the_problem("ref-found-in-unknown-lookup")
    assert at(problem) == (25, 15)
    assert problem.message == "unknown look-up or action 'bagage'"
    assert problem.hint == "did you mean 'baggage'?"


def test_an_unknown_placeholder_is_pointed_at_inside_the_line():
    problem = the_problem("ref-unknown-placeholder")
    assert at(problem) == (46, 44)
    assert problem.message == "unknown placeholder '{flihgt}'"
    assert problem.hint.startswith("did you mean 'flight'?")


def test_an_unknown_placeholder_in_a_block_of_text_is_found_on_its_own_line(tmp_path):
    text = minimal_with("    shows: \"{flight}: bag missed the connection, delivered the next day.\"",
                        "    shows: |\n      Flight {flight}\n      Bag: {bagtag}")
    [problem] = problems_of(text, tmp_path)
    assert at(problem) == (32, 12)


# ── Duplicates ───────────────────────────────────────────────────────────────────────────


def test_a_key_written_twice_is_reported_on_the_second_with_the_line_of_the_first():
    problem = the_problem("duplicate-key")
    assert at(problem) == (17, 3)
    assert problem.message == "'mood' appears twice here"
    assert "line 16" in problem.hint


def test_two_states_with_the_same_name_are_reported():
    problem = the_problem("duplicate-state")
    assert at(problem) == (56, 3)
    assert problem.message == "'listening' appears twice here"
    assert "line 51" in problem.hint


# ── Files that hold no scenario ──────────────────────────────────────────────────────────


def test_an_empty_file_is_called_empty():
    problem = the_problem("empty")
    assert at(problem) == (1, 1)
    assert problem.message == "the file is empty"
    assert str(problem).startswith(f"{BAD}/empty.yaml:1:1: ")


def test_a_file_of_only_comments_is_called_that():
    problem = the_problem("comments-only")
    assert at(problem) == (1, 1)
    assert "only comments" in problem.message


def test_a_file_of_blank_lines_is_empty(tmp_path):
    [problem] = problems_of("\n   \n\t\n", tmp_path)
    assert problem.message == "the file is empty"


def test_a_list_at_the_top_is_not_a_scenario():
    problem = the_problem("toplevel-list")
    assert at(problem) == (2, 1)
    assert "holds a list" in problem.message


def test_a_single_word_is_not_a_scenario(tmp_path):
    [problem] = problems_of("hello\n", tmp_path)
    assert at(problem) == (1, 1)
    assert "single value" in problem.message


# ── Binary junk and wrong encodings ──────────────────────────────────────────────────────


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_refused_as_not_a_text_file(tmp_path, seed):
    junk = random.Random(seed).randbytes(2_000)
    problems = problems_of(junk, tmp_path, "junk.yaml")
    assert all(p.line >= 1 and p.column >= 1 for p in problems)
    assert "text file" in problems[0].message or "UTF-8" in problems[0].message


def test_a_png_image_is_refused_as_not_a_text_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    [problem] = problems_of(png, tmp_path, "picture.yaml")
    assert at(problem) == (1, 1)
    assert "not a text file" in problem.message
    assert "right file" in problem.hint
    assert problem.source_line == "", "quoting binary junk helps no one"


def test_a_latin_1_file_is_pointed_at_its_first_non_utf_8_character(tmp_path):
    text = minimal_with("name: Anna de Vries", "name: Anna de Vriés").encode("latin-1")
    [problem] = problems_of(text, tmp_path)
    assert at(problem) == (13, 20)
    assert "UTF-8" in problem.message and "0xE9" in problem.message
    assert "UTF-8" in problem.hint


def test_a_utf_16_file_is_asked_to_be_saved_as_utf_8(tmp_path):
    [problem] = problems_of(MINIMAL.read_text("utf-8").encode("utf-16"), tmp_path)
    assert "UTF-16" in problem.message and "UTF-8" in problem.hint


def test_a_utf_8_byte_order_mark_is_fine():
    scenario, problems = check_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes(), "bom.yaml")
    assert scenario is not None and problems.items == []


def test_a_stray_control_character_is_pointed_at(tmp_path):
    [problem] = problems_of(minimal_with("The late suitcase", "The late\x00 suitcase"), tmp_path)
    assert at(problem) == (4, 16)
    assert "U+0000" in problem.message


def test_an_invisible_line_separator_is_pointed_at_and_does_not_shift_line_numbers(tmp_path):
    [problem] = problems_of(minimal_with("The late suitcase", "The late\u2028 suitcase"), tmp_path)
    assert at(problem) == (4, 16)
    assert "LINE SEPARATOR" in problem.message


# ── Safety: tags, alias bombs, huge files ────────────────────────────────────────────────


def test_a_python_tag_is_reported_and_never_executed(tmp_path):
    witness = tmp_path / "executed"
    text = minimal_with("title: The late suitcase",
                        f'title: !!python/object/apply:os.system ["touch {witness}"]')
    [problem] = problems_of(text, tmp_path)  # one problem: not also "title should be text"
    assert not witness.exists()
    assert at(problem) == (4, 8)
    assert problem.message == "the tag !!python/object/apply:os.system is not allowed in a scenario"
    assert "remove" in problem.hint


@pytest.mark.parametrize("tag", ["!!python/name:os.system", "!!binary", "!custom", "!!set"])
def test_other_tags_are_reported_too(tmp_path, tag):
    [problem] = problems_of(minimal_with("title: The late suitcase", f"title: {tag} x"), tmp_path)
    assert at(problem) == (4, 8)
    assert "tag" in problem.message


def test_an_alias_bomb_is_refused(tmp_path):
    bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for this, last in zip("bcdefghi", "abcdefgh"):
        bomb += f"{this}: &{this} [{', '.join(['*' + last] * 9)}]\n"
    [problem] = problems_of(bomb, tmp_path)
    assert "aliases" in problem.message and problem.line >= 1


def test_an_alias_inside_its_own_anchor_is_refused(tmp_path):
    [problem] = problems_of("a: &loop [x, *loop]\n", tmp_path)
    assert "nest" in problem.message and "alias" in problem.hint


def test_brackets_nested_a_hundred_thousand_deep_are_refused(tmp_path):
    [problem] = problems_of("a: " + "[" * 100_000, tmp_path)
    assert "levels deep" in problem.message


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as file:
        file.truncate(4 * 1024**3)  # 4 GB, sparse: reading it all would take long
    scenario, problems = check_file(path)
    assert scenario is None
    [problem] = problems.items
    assert at(problem) == (1, 1)
    assert "4,294,967,296 bytes" in problem.message and f"{MAX_BYTES:,}" in problem.message


def test_bytes_over_the_size_limit_are_refused():
    scenario, problems = check_bytes(b"a: b\n" * (MAX_BYTES // 5 + 1), "big.yaml")
    assert scenario is None and "at most" in problems.items[0].message


def test_thousands_of_problems_are_cut_short(tmp_path):
    problems = problems_of("- !x a\n" * 20_000, tmp_path)
    assert len(problems) == 101
    assert any("too many problems" in p.message for p in problems)


def test_a_missing_file_and_a_folder_are_reported_not_raised(tmp_path):
    for path in (tmp_path / "nowhere.yaml", tmp_path):
        scenario, problems = check_file(path)
        assert scenario is None
        [problem] = problems.items
        assert problem.message.startswith("cannot read the file")
        assert at(problem) == (1, 1)


# ── Everything at once ───────────────────────────────────────────────────────────────────


def test_several_errors_in_one_file_are_all_reported_at_once_with_their_lines():
    problems = problems_in("several-errors")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (7, 10, "'twiter' is not allowed for channel"),
        (16, 3, "unknown key 'mod' in customer"),
        (46, 44, "unknown placeholder '{flihgt}'"),
        (49, 15, "states › waiting › on › item 1 › mood should be a whole number, not 'lots'"),
        (50, 15, "unknown state or outcome 'listenning'"),
    ]


def test_names_are_cross_checked_even_when_other_parts_of_the_file_are_wrong(tmp_path):
    text = minimal_with("language: en", "language: fr").replace("found_in: baggage", "found_in: bagage")
    problems = problems_of(text, tmp_path)
    assert [at(p) for p in problems] == [(6, 11), (25, 15)]


def test_a_broken_table_of_names_does_not_make_every_use_of_them_unknown(tmp_path):
    text = minimal_with("  flight: SB 101", "  flight: [SB, 101]")  # {flight} is used three times
    [problem] = problems_of(text, tmp_path)
    assert problem.message == "details › flight should be text or a number, not a list"


# ── Property: mutate a real scenario; it loads, or every problem has a place ─────────────

JUNK = ["\u2028", "\x00", "\ufeff", "\u202e", "\u0301", "😀", "\t", "\x85", "\udcff", "'", '"', "[", "{",
        ": ", "- ", "&a", "*a", "!!python/object:os.system", "|", ">", "%", "@", "`", "#", "?", "\\", "\r"]


def _mutate(lines: list[str], rng: random.Random) -> bytes:
    lines = list(lines)
    kind = rng.randrange(7)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[i])
    elif kind == 2:
        line = lines[i]
        lines[i] = " " * rng.randrange(0, 9) + line.lstrip(" ") if rng.random() < 0.7 else line[rng.randrange(1, 3):]
    elif kind == 3:
        text = "\n".join(lines)
        return text[: rng.randrange(len(text))].encode("utf-8", "surrogatepass")
    elif kind == 4:
        line = lines[i]
        if ":" in line:
            key = line.split(":", 1)[0]
            lines[i] = f"{key}: {rng.choice(['', '~', '[]', '{}', '-1', '1e999', 'yes', '[[[', '{a', '&x', '*x', '|'])}"
        else:
            lines[i] = line + rng.choice(JUNK)
    elif kind == 5:
        line = lines[i]
        where = rng.randrange(len(line) + 1)
        lines[i] = line[:where] + "".join(rng.choice(JUNK) for _ in range(rng.randrange(1, 4))) + line[where:]
    else:
        data = bytearray("\n".join(lines).encode("utf-8"))
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    return "\n".join(lines).encode("utf-8", "surrogatepass")


MUTANTS = 60
"""Enough to meet every kind of mutation; `make soak` checks a thousand (bench/soaks/malformed.py)."""


def test_sixty_mutations_of_a_real_scenario_load_or_give_placed_problems():
    lines = LEGROOM.read_text("utf-8").split("\n")
    rng = random.Random(20261125)
    outcomes = {"loaded": 0, "refused": 0}
    for n in range(MUTANTS):
        raw = _mutate(lines, rng)
        scenario, problems = check_bytes(raw, f"mutant-{n}.yaml")  # must not raise
        if scenario is not None:
            outcomes["loaded"] += 1
            continue
        outcomes["refused"] += 1
        assert problems.errors, f"mutant {n} was refused without a reason"
        last_line = raw.count(b"\n") + raw.count(b"\r") + 1
        for problem in problems.items:
            assert 1 <= problem.line <= last_line + 1, f"mutant {n}: {problem}"
            assert problem.column >= 1, f"mutant {n}: {problem}"
            assert str(problem).startswith(f"mutant-{n}.yaml:{problem.line}:{problem.column}: ")
            assert "internal error" not in problem.message, f"mutant {n}: {problem}"
    assert outcomes["loaded"] and outcomes["refused"] > MUTANTS // 2, outcomes


def test_a_file_with_only_warnings_does_not_fail_because_there_are_many():
    from trainer.scenario.problems import Problems

    tidy = Problems("big.yaml", "a: b\n" * 200)
    for line in range(150):
        tidy.add(line, 0, f"warning {line}", severity="warning")
    assert len(tidy.items) == 101 and all(p.severity == "warning" for p in tidy.items)
    broken = Problems("big.yaml", "a: b\n" * 200)
    broken.add(0, 0, "an error")
    for line in range(1, 150):
        broken.add(line, 0, f"warning {line}", severity="warning")
    assert broken.items[-1].severity == "error" and "too many problems" in broken.items[-1].message
