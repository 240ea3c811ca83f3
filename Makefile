# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export GLABELLA_TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: demo test install install-dev vendor lint typecheck pytest clean

demo: install vendor
	$(BIN)/glabella demo

test: install-dev vendor lint typecheck pytest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

vendor: node_modules/.package-lock.json
	node scripts/vendor.mjs

lint:
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck:
	$(BIN)/mypy

pytest:
	$(BIN)/python scripts/run_tests.py

clean:
	rm -rf $(VENV) node_modules src/glabella/web/static/vendor
