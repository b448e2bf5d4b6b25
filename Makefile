# Two commands for a fresh machine with only Python 3.11+:  make play  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLAYING := $(VENV)/.installed-play

.PHONY: play test check bench soak eval lint clean help

help:
	@echo "make play   - create .venv, install the game (no test tools), and play the built-in scenarios (offline)"
	@echo "make test   - create .venv, install the game with the test and lint tools, and run the test suite"
	@echo "make check  - validate and lint the built-in scenarios"
	@echo "make lint   - ruff, mypy and the import contracts over the code (quiet when all is well)"
	@echo "make eval   - the trade detector's figures (labelled dev data, if present) and intent understanding"
	@echo "make bench  - measure first frame, transcript, engine, scoring and loading; print the ratios"
	@echo "make soak   - the robustness suite at full size: malformed and hostile files, exports, secrets, injection, random play"
	@echo "make clean  - remove .venv and caches"

# .venv with the game and the target's EXTRAS (editable: the checkout's scenarios and docs are the game's).
define install
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Webcare Trainer needs Python 3.11 or newer; set PYTHON=python3.12 or similar")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[$(EXTRAS)]'
endef

# Playing needs the game and `webcare serve` (a class in the browser): no test or lint tools.
$(PLAYING): EXTRAS := serve
$(PLAYING): pyproject.toml
	$(install)
	@touch $(PLAYING)

# Testing, linting and measuring need the dev tools too; that install has everything playing needs.
$(STAMP): EXTRAS := dev,serve
$(STAMP): pyproject.toml
	$(install)
	@touch $(STAMP) $(PLAYING)

play: $(PLAYING)
	@$(BIN)/webcare play

# Both cores, three processes (each starts its own PostgreSQL and LLM servers): the screen stories spend
# much of their time waiting on Textual's event loop, so a third process keeps both cores busy. Work
# stealing: a process that runs dry takes tests queued on another, so one slow story does not hold the end.
# Full-size robustness (a hundred kill -9 runs, thousands of mutants and random games) is `make soak`'s.
# TEXTUAL_FPS: the headless screen stories repaint 15 times a second, not 60; nobody watches those frames,
# and painting fewer of them saves a seventh of a story's time (tests/conftest.py tunes the collector).
# compileall: the suite starts about 140 processes of the game; where PYTHONDONTWRITEBYTECODE is set, each
# would compile the modules it imports again.
test: $(STAMP)
	@$(MAKE) --no-print-directory lint
	@$(BIN)/python -m compileall -q trainer scoring tests bench
	TEXTUAL_FPS=15 $(BIN)/python -m pytest -n 3 --dist worksteal

# Each tool's report only when it finds something: ruff (rules in pyproject's [tool.ruff]), mypy (the
# packages and strictness in [tool.mypy]), import-linter (the contracts in [tool.importlinter]).
quietly = out=$$($(1) 2>&1) || { printf '%s\n' "$$out"; exit 1; }

lint: $(STAMP)
	@$(call quietly,$(BIN)/ruff check trainer scoring tests bench)
	@$(call quietly,$(BIN)/mypy)
	@$(call quietly,$(BIN)/lint-imports --no-logo)

check: $(STAMP)
	$(BIN)/webcare check

bench: $(STAMP)
	$(BIN)/python bench/run.py

# Without PostgreSQL's server its check is skipped, in one line (failed when CI is set); .ci/run installs it.
soak: $(STAMP)
	$(BIN)/python bench/soak.py

eval: $(STAMP)
	$(BIN)/python bench/eval_detector.py
	$(BIN)/python bench/eval_understanding.py
	$(BIN)/python bench/eval_scorecard.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
