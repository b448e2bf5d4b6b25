"""Load a scenario file: YAML → typed `Scenario`, or every problem with `file:line:col` and a hint."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from trainer.errors import ScenarioError
from trainer.scenario.lint import Recognise, lint
from trainer.scenario.misplaced import check_placement
from trainer.scenario.models import Scenario
from trainer.scenario.problems import DOCS, Problems, did_you_mean
from trainer.scenario.references import check_references
from trainer.scenario.salvage import salvage, tables_readable
from trainer.scenario.schema_paths import allowed_keys
from trainer.scenario.validation import report_all
from trainer.scenario.where import check_channels
from trainer.scenario.yamlfile import MAX_BYTES, read_yaml

RESERVED = ("path",)
"""Fields of `Scenario` that the loader fills in, never the file."""


def load_scenario(path: Path | str) -> Scenario:
    """Load and validate one file; raise `ScenarioError` carrying all its problems."""
    scenario, problems = check_file(path)
    if scenario is None:
        raise ScenarioError(sorted(problems.errors, key=lambda p: (p.line, p.column)))
    return scenario


def check_file(path: Path | str, recognise: Recognise | None = None) -> tuple[Scenario | None, Problems]:
    """Load one file, returning the scenario (None on errors) and every problem found."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_BYTES + 1)  # a huge file (or /dev/zero) is never read whole
            if len(raw) > MAX_BYTES:
                size = path.stat().st_size
                problems = Problems(path)
                problems.add(0, 0, f"the file is {max(size, len(raw)):,} bytes; "
                             f"a scenario may be at most {MAX_BYTES:,}",
                             "split it, or check that this is the right file", quote=False)
                return None, problems
    except OSError as exc:
        problems = Problems(path)
        problems.add(0, 0, f"cannot read the file: {exc.strerror or exc}",
                     "check the name and the folder, and that the file is not open elsewhere")
        return None, problems
    return check_bytes(raw, path, recognise)


def check_bytes(
    raw: bytes, path: Path | str, recognise: Recognise | None = None
) -> tuple[Scenario | None, Problems]:
    """Validate, cross-check and lint; `recognise` (from the engine) also checks intent examples."""
    problems = Problems(path, raw[: MAX_BYTES + 1].decode("utf-8-sig", "replace"))
    try:
        return _check(raw, path, recognise, problems)
    except Exception as exc:  # noqa: BLE001 - a bug here must not become a traceback for an author
        problems.add(0, 0, f"Webcare Trainer could not check this file (an internal error: "
                     f"{type(exc).__name__}: {exc})",
                     "this is a bug in Webcare Trainer, not in your file; please report it "
                     "with the file attached")
        return None, problems


def _check(
    raw: bytes, path: Path | str, recognise: Recognise | None, problems: Problems
) -> tuple[Scenario | None, Problems]:
    marked = read_yaml(raw, problems)
    if marked is None:
        return None, problems
    if not isinstance(marked.data, dict):
        what = "a list" if isinstance(marked.data, list) else "a single value"
        problems.add(*marked.mark(()), f"the file holds {what}; a scenario is a set of 'key: value' "
                     "lines (format:, id:, title:, …)",
                     f"start from the annotated example in {DOCS}")
        return None, problems
    data = dict(marked.data)
    for key in RESERVED:
        if key in data:
            del data[key]
            problems.add(*marked.key_mark((key,)), f"unknown key '{key}' in the scenario",
                         did_you_mean(key, allowed_keys(())))
    check_placement(marked, problems)
    try:
        scenario: Scenario | None = Scenario.model_validate({**data, "path": Path(path)})
    except ValidationError as exc:
        report_all(exc.errors(include_url=False), marked, problems)
        scenario = None
    if scenario is not None:
        check_references(scenario, marked, problems)
        check_channels(scenario, marked, problems)
    else:
        # Names used but not defined are reported along with the other problems, not after
        # they are fixed: check them on what can be salvaged from the file.
        salvaged = salvage(Scenario, data) if tables_readable(data) else None
        if salvaged is not None:
            try:
                check_references(salvaged, marked, problems)
            except (AttributeError, TypeError):
                # Salvage may leave None where the models promise a value (an entry it could
                # not build at all), which the checks then read. The unknown names found
                # until then stay reported; the rest are once the file validates. Anything
                # else is a bug, for the safety net in check_bytes.
                pass
    if problems.errors or scenario is None:
        return None, problems
    lint(scenario, marked, problems, recognise)
    return scenario, problems
