# Two commands for a fresh machine with only Python 3.11+:  make play  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: play test check bench eval lint clean help

help:
	@echo "make play   - create .venv, install, and play the built-in scenarios (offline)"
	@echo "make test   - create .venv, install, and run the test suite"
	@echo "make check  - validate and lint the built-in scenarios"
	@echo "make eval   - the trade detector's figures on the labelled dev data (if present)"
	@echo "make bench  - measure first frame, transcript, engine, scoring and loading; print the ratios"
	@echo "make clean  - remove .venv and caches"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Webcare Trainer needs Python 3.11 or newer; set PYTHON=python3.12 or similar")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,serve]'
	@touch $(STAMP)

play: $(STAMP)
	@$(BIN)/webcare play

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/webcare check

bench: $(STAMP)
	$(BIN)/python bench/run.py

eval: $(STAMP)
	$(BIN)/python bench/eval_detector.py

clean:
	rm -rf $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
