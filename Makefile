# `make run` installs what is missing and starts Samla; `make test` installs and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run test install clean

run: install
	$(BIN)/python run.py $(ARGS)

test: install
	$(BIN)/python -m pytest $(ARGS)

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
