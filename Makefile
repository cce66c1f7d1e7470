# `make run` installs what the app needs and starts Samla; `make test` installs the tests'
# needs too and runs every test; `make lint` checks the code with ruff; `make dist` builds
# the wheel and the source distribution an organiser installs (README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
ARGS ?=

.PHONY: run test lint dist install install-dev clean catalogues messages screenshots system-packages

run: install
	$(BIN)/python run.py $(ARGS)

# dist/samla-<version>-py3-none-any.whl and dist/samla-<version>.tar.gz. Node is a build
# tool only: the wheel carries static/vendor from npm ci and the compiled catalogues
# (pyproject.toml, scripts/build_hook.py), so an installed Samla needs neither.
dist: install-dev
	rm -rf dist
	$(BIN)/python -m build --outdir dist .

# The Node unit tests of the pure front-end modules first (when there are any), then pytest.
test: install-dev system-packages
	if [ -d tests/js ]; then node --test tests/js/; fi
	$(BIN)/python -m pytest $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# redis-server, nginx, chromium, WebKitWebDriver and Xvfb for the scale-out, browser and
# WebKit tests (apt, when missing)
system-packages:
	bash scripts/system-packages.sh

# The README's and docs/veileder.md's pictures, taken by the browser tests (needs chromium),
# and the phone in WebKit (docs/screenshots/webkit-phone.png).
screenshots: install-dev
	SAMLA_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_tour.py tests/browser/test_moderation.py tests/webkit/test_phone.py::test_a_phone_joins_by_a_tables_qr_address_and_sends_a_mood_word

install: $(VENV)/.installed static/vendor/.installed catalogues

install-dev: install $(VENV)/.installed-dev

# The translations are kept as .po text; the .mo files Flask-Babel reads are built here
# (and again at start whenever a .po is newer).
catalogues: $(VENV)/.installed
	$(BIN)/python -m app.web.translation

# After changing user-facing text: extract the msgids again and merge them into nn and en
# (new ones arrive empty or fuzzy; tests/web/test_translation.py fails until they are translated).
messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k lazy_gettext -k _l --no-location --sort-output \
		--project Samla --copyright-holder Samla -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# One stamp per requirements file: changing either installs again.
$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

static/vendor/.installed: package.json package-lock.json scripts/copy-vendor.js
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf $(VENV) node_modules static/vendor dist
