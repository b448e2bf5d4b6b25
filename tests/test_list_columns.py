"""`webcare list` keeps its columns straight when an author's own case has a long id."""

from __future__ import annotations

from conftest import DATA

from trainer.cli import main
from trainer.commands.listing import ID_WIDTH
from trainer.scenario.shelves import ENV


def own_case(folder, case_id: str) -> None:
    folder.mkdir(exist_ok=True)
    text = (DATA / "minimal.yaml").read_text("utf-8").replace("id: minimal", f"id: {case_id}", 1)
    (folder / f"{case_id}.yaml").write_text(text, "utf-8")


def columns(line: str) -> int:
    """Where the language column starts on a line of the list."""
    return line.index("  en  ") if "  en  " in line else line.index("  nl  ")


def test_a_long_id_of_ones_own_widens_the_id_column_for_every_line(tmp_path, monkeypatch, capsys):
    long_id = "returns-desk-wheelchair-" + "x" * 4  # 28 characters: longer than any built-in id
    own_case(tmp_path / "ours", long_id)
    monkeypatch.setenv(ENV, str(tmp_path / "ours"))
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    starts = {columns(line) for line in lines}
    assert starts == {len(long_id)}, "the language column starts at one place on every line"
    [mine] = [line for line in lines if line.startswith(long_id)]
    assert mine.endswith("The late suitcase  [yours]")


def test_an_id_longer_than_the_column_gets_a_line_of_its_own_and_the_rest_stays_aligned(tmp_path, monkeypatch,
                                                                                        capsys):
    very_long = "our-very-own-case-about-a-wheelchair-that-never-came"
    assert len(very_long) > ID_WIDTH
    own_case(tmp_path / "ours", very_long)
    monkeypatch.setenv(ENV, str(tmp_path / "ours"))
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(very_long)
    details = lines[at + 1]
    assert details.startswith(" " * ID_WIDTH) and details.endswith("The late suitcase  [yours]")
    others = [line for i, line in enumerate(lines) if i not in (at, at + 1)]
    assert {columns(line) for line in [*others, details]} == {ID_WIDTH}
