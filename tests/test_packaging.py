"""What someone installing the game reads and gets: the README's picture, one version everywhere, the package's
metadata, and a `make play` that installs the game without the test tools."""

from __future__ import annotations

import re
import tomllib
from urllib.parse import urlparse

import pytest
from conftest import ROOT

import trainer
from trainer.cli import main

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
PROJECT = PYPROJECT["project"]


def test_the_readmes_screenshot_of_the_game_is_there():
    readme = (ROOT / "README.md").read_text("utf-8")
    images = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", readme)
    assert "docs/screenshot.svg" in images
    for image in images:
        path = ROOT / image
        assert path.is_file(), f"the README shows {image}, which is not there"
    svg = (ROOT / "docs" / "screenshot.svg").read_text("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert "https://" not in svg, "the picture loads nothing from elsewhere: fonts come from the reader's machine"


def test_the_readme_offers_pipx_beside_the_two_set_up_commands():
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    first_block = setup.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [["make", "play"], ["make", "test"]]
    assert "pipx install ." in setup and "uv tool install ." in setup


def test_the_version_has_one_source_and_webcare_version_prints_it(capsys):
    assert "version" not in PROJECT and "version" in PROJECT["dynamic"]
    source = ROOT / PYPROJECT["tool"]["hatch"]["version"]["path"]
    assert source == ROOT / "trainer" / "__init__.py"
    assert re.search(r'^__version__ = "(\d+\.\d+\.\d+)"$', source.read_text("utf-8"), re.MULTILINE)
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"webcare {trainer.__version__}"


def test_the_package_says_who_made_it_what_it_is_and_runs_on_the_textual_it_was_built_for():
    assert PROJECT["authors"] and PROJECT["keywords"] and PROJECT["license"] == "MIT"
    assert "Intended Audience :: Customer Service" in PROJECT["classifiers"]
    versions = {c.rsplit(":: ", 1)[1] for c in PROJECT["classifiers"] if c.startswith("Programming Language :: Python :: 3.")}
    assert min(versions, key=lambda v: tuple(map(int, v.split(".")))) == PROJECT["requires-python"].lstrip(">=")
    [textual] = [d for d in PROJECT["dependencies"] if d.startswith("textual")]
    assert textual.replace(" ", "") == "textual>=8.0,<9"


PLACEHOLDER_HOSTS = re.compile(r"(^|\.)(example\.(com|org|net)|invalid|localhost|test|local)$")


def test_project_urls_if_any_point_at_a_real_address():
    for name, url in PROJECT.get("urls", {}).items():  # none yet: see the comment in pyproject.toml
        parsed = urlparse(url)
        assert parsed.scheme == "https", name
        assert parsed.hostname and not PLACEHOLDER_HOSTS.search(parsed.hostname), f"{name}: {url} is a placeholder"


def test_make_play_installs_the_game_without_the_test_tools_and_make_test_with_them():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    play_needs = re.search(r"^play: (.+)$", makefile, re.MULTILINE).group(1).split()
    assert play_needs == ["$(PLAYING)"]
    extras = dict(re.findall(r"^\$\((\w+)\): EXTRAS := (.+)$", makefile, re.MULTILINE))
    assert "dev" not in extras["PLAYING"].split(",")
    assert "dev" in extras["STAMP"].split(",")
    assert "$(STAMP)" in re.search(r"^test: (.+)$", makefile, re.MULTILINE).group(1)
    dev = {re.split(r"[<>=\[ ]", d)[0] for d in PROJECT["optional-dependencies"]["dev"]}
    play = {re.split(r"[<>=\[ ]", d)[0] for extra in extras["PLAYING"].split(",")
            for d in [*PROJECT["dependencies"], *PROJECT["optional-dependencies"][extra]]}
    assert not {"pytest", "ruff", "mypy"} & play and {"pytest", "ruff", "mypy"} <= dev
