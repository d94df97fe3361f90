# Weerbaar — one command to run, one to test. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
COVERAGE_FLOOR := 88
export DJANGO_SETTINGS_MODULE ?= weerbaar.conf.dev

.PHONY: run test install lint lint-api typecheck schema clean
SPECTRAL_DIR := tools/spectral
SPECTRAL := $(SPECTRAL_DIR)/node_modules/.bin/spectral

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies or the pins change.
$(STAMP): $(BIN)/python pyproject.toml requirements/constraints.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/weerbaar migrate --no-input
	$(BIN)/weerbaar import areas --if-empty
	$(BIN)/weerbaar import monitor --if-empty
	$(BIN)/weerbaar import postcodes --if-empty
	$(BIN)/weerbaar import interventies --if-empty
	$(BIN)/weerbaar import programmas --if-empty
	@echo "Weerbaar draait op http://127.0.0.1:$(PORT)/ (stoppen: Ctrl+C)"
	$(BIN)/weerbaar serve --bind 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy src/weerbaar

# The committed API schema against the NL API Design Rules (Spectral from npm, pinned in
# tools/spectral/package-lock.json); any error or warning fails.
$(SPECTRAL): $(SPECTRAL_DIR)/package.json $(SPECTRAL_DIR)/package-lock.json
	cd $(SPECTRAL_DIR) && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(SPECTRAL)

lint-api: $(SPECTRAL)
	$(SPECTRAL) lint --ruleset $(SPECTRAL_DIR)/ruleset.yaml --fail-severity=warn openapi.yaml

test: export DJANGO_SETTINGS_MODULE = weerbaar.conf.ci
test: lint typecheck lint-api
	$(BIN)/weerbaar makemigrations --check --dry-run
	@# Coverage of the application code (tests and migrations left out); the floor is
	@# stated in README.md and fails the run when coverage drops below it.
	$(BIN)/pytest -m "not browser" --cov=weerbaar --cov-report=term:skip-covered --cov-fail-under=$(COVERAGE_FLOOR)
	@# Browser tests run once. Every Playwright call has a 30 s timeout and pytest dumps all
	@# stacks of a test stuck for 5 minutes; the outer timeout only turns a hang into a failure.
	timeout 900 $(BIN)/pytest -m browser

# Regenerate the committed OpenAPI schema after an API change.
schema: install
	DJANGO_SETTINGS_MODULE=weerbaar.conf.ci $(BIN)/weerbaar spectacular --file openapi.yaml --validate

clean:
	rm -rf $(VENV) var/static .pytest_cache .mypy_cache .ruff_cache $(SPECTRAL_DIR)/node_modules
