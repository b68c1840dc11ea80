# The hub's two commands: `make run` and `make test`. Both install what they need first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HUB := $(VENV)/bin/hub
PYTHON_STAMP := $(VENV)/.installed
FRONTEND_STAMP := frontend/node_modules/.installed
FRONTEND_BUILD := frontend/dist/index.html
FRONTEND_SOURCES := $(shell find frontend/src -type f) frontend/index.html frontend/vite.config.ts frontend/tsconfig.json
CHROMIUM := /usr/bin/chromium
LINT_STAMP := tests/graph/cypher_lint/node_modules/.installed

.PHONY: install run test check pytest

install: $(PYTHON_STAMP) $(FRONTEND_BUILD) $(LINT_STAMP) $(CHROMIUM)

# torch first, pinned: anything that lets pip choose pulls a CUDA build of several GB.
$(PYTHON_STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	npm ci --prefix frontend --no-audit --no-fund
	@touch $@

$(FRONTEND_BUILD): $(FRONTEND_STAMP) $(FRONTEND_SOURCES)
	npm run --prefix frontend build

# The browser tests drive Debian's chromium (Playwright cannot download browsers here).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

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
	$(PY) -m mypy bench
	npm run --prefix frontend check

pytest: install
	$(PY) -m pytest

test: check pytest
