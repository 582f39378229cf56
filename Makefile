# qsite: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is what they are made of, and what CI runs (.ci/run).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help run test install install-dev system-deps lint format migrate demo deploy-check collectstatic ci clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime  ## Create .venv and install the runtime packages

install-dev: $(VENV)/.dev  ## Install the runtime, test and lint packages

system-deps:  ## Install Chromium (and Redis if none is running) from Debian when possible
	@bash scripts/system-deps.sh

migrate: install
	$(BIN)/python manage.py migrate --no-input

demo: migrate  ## Load the demo content (safe to re-run)
	$(BIN)/python manage.py load_demo

run: demo  ## Set up everything and serve the demo site on http://127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, Ctrl-C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev system-deps  ## Install everything and run the whole test suite (browser tests included)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-dev  ## ruff (lint and format check) and template indentation
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: install-dev  ## Reformat Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

deploy-check: install  ## Django's deployment checks on production settings (must print no warnings)
	SECRET_KEY=$${SECRET_KEY:-ci-only-$$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-q.example.org} \
	$(BIN)/python manage.py check --deploy --fail-level WARNING --settings=qsite.settings.production

collectstatic: install  ## Build hashed, compressed static files into staticfiles/
	SECRET_KEY=$${SECRET_KEY:-ci-only-$$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-q.example.org} \
	$(BIN)/python manage.py collectstatic --no-input --settings=qsite.settings.production

ci:  ## What CI runs: lint, tests on SQLite and PostgreSQL, deploy checks
	bash .ci/run

clean:  ## Remove the virtualenv, the SQLite database, media and built static files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles
