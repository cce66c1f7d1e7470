# `make run` installs what is missing and starts Samla; `make test` installs and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run test install clean screenshots

run: install
	$(BIN)/python run.py $(ARGS)

test: install
	$(BIN)/python -m pytest $(ARGS)

# The README's and docs/veileder.md's pictures, taken by the browser tests (needs chromium).
screenshots: install
	SAMLA_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_tour.py

install: $(VENV)/.installed static/vendor/.installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

static/vendor/.installed: package.json package-lock.json scripts/copy-vendor.js
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) node_modules static/vendor
