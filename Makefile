# The hub's two commands: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HUB := $(VENV)/bin/hub
PYTHON_STAMP := $(VENV)/.installed
FRONTEND_STAMP := frontend/node_modules/.installed
LINT_STAMP := tests/graph/cypher_lint/node_modules/.installed

.PHONY: install run test check pytest

install: $(PYTHON_STAMP) $(FRONTEND_STAMP) $(LINT_STAMP)

# torch first, pinned: anything that lets pip choose pulls a CUDA build of several GB.
$(PYTHON_STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund
	@touch $@

$(LINT_STAMP): tests/graph/cypher_lint/package.json tests/graph/cypher_lint/package-lock.json
	npm ci --prefix tests/graph/cypher_lint --no-audit --no-fund
	@touch $@

run: install
	$(HUB) seed --if-empty
	exec $(HUB) run

check: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

pytest: install
	$(PY) -m pytest

test: check pytest
