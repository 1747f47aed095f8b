# The README's two commands: `make run` and `make test`. Everything else here serves them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app wsgi
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
GOVUK_STATIC := web/static/govuk

.PHONY: run test test-fast setup setup-dev assets browser lint format serve bench audit clean

## run: set everything up, load demo data and serve the app at http://127.0.0.1:8000
run: setup
	$(FLASK) init-db
	$(FLASK) load-demo
	exec $(VENV)/bin/gunicorn --config gunicorn.conf.py wsgi:app

## test: set everything up (including Chromium) and run lint, format check, the import
## contract and every test (scripts/run-tests: the browser tests beside the rest)
test: setup-dev browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	scripts/run-tests

## test-fast: the quick loop while working (under a minute): no browser, no slow tests,
## fewer property-based examples
test-fast: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	HYPOTHESIS_PROFILE=quick $(VENV)/bin/pytest -n 2 -q -m "not browser and not slow"

setup: $(VENV)/.runtime-installed assets

setup-dev: $(VENV)/.dev-installed assets

# Packages are installed with uv (from PyPI, pinned below): the same pinned requirements as pip
# would install, in about a tenth of the time.
UV_VERSION := 0.13.9
UV := $(VENV)/bin/uv

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.runtime-installed: requirements.txt | $(PY)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(PY)
	$(UV) pip install --quiet --compile-bytecode --python $(PY) -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

## assets: install GOV.UK Frontend (and pa11y, for the browser tests) from the pinned
## package.json and copy GOV.UK Frontend into static/
assets: $(GOVUK_STATIC)/.installed

# pa11y brings puppeteer, whose install would download a Chrome: the tests use only pa11y's
# HTML_CodeSniffer runner, in Debian's Chromium.
$(GOVUK_STATIC)/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(GOVUK_STATIC)
	mkdir -p $(GOVUK_STATIC)
	cp -r $(GOVUK_DIST)/govuk-frontend.min.css $(GOVUK_DIST)/govuk-frontend.min.js $(GOVUK_DIST)/assets $(GOVUK_STATIC)/
	touch $@

## browser: make sure Debian's Chromium (browser tests) and poppler-utils (PDF checks) are there
BROWSER_TOOLS := /usr/bin/chromium /usr/bin/pdfinfo
browser:
	@missing=""; for tool in $(BROWSER_TOOLS); do [ -x $$tool ] || missing="$$missing $$tool"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "Installing chromium and poppler-utils for the tests (apt-get)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	else \
		echo "The tests need:$$missing. Install them with: sudo apt-get install -y chromium poppler-utils"; \
		exit 1; \
	fi

lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## audit: check requirements.txt against known vulnerabilities (needs PyPI's vulnerability API
## or OSV; --strict fails when a package cannot be checked, so it never passes on no data)
PIP_AUDIT := pip-audit==2.10.1
audit: setup
	$(UV) pip install --quiet --python $(PY) $(PIP_AUDIT)
	$(VENV)/bin/pip-audit --requirement requirements.txt --no-deps --disable-pip --strict \
		$$(grep -v '^#' scripts/audit-allowlist.txt | awk 'NF {print "--ignore-vuln", $$1}')

clean:
	rm -rf $(VENV) node_modules $(GOVUK_STATIC) .pytest_cache .ruff_cache
