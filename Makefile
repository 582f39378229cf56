# qsite: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is what they are made of, and what CI runs (.ci/run).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Two processes (pytest-xdist): the machine has two cores. PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2

.DEFAULT_GOAL := help
.PHONY: help run test install install-dev system-deps lint format migrate demo deploy-check collectstatic bench loadtest messages ci clean

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
	@echo "Setting up the database..."
	$(BIN)/python manage.py migrate --no-input -v 0

demo: migrate  ## Load the demo content (safe to re-run)
	$(BIN)/python manage.py load_demo

run: demo  ## Set up everything and serve the demo site on http://127.0.0.1:8000
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, Ctrl-C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev system-deps  ## Install everything and run the whole test suite (browser tests included)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

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

BENCH_ARGS ?=
bench: install  ## Benchmark every page type under gunicorn on PostgreSQL (~5,000 pages); writes docs/performance.md
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

ci:  ## What CI runs: lint, tests on SQLite and PostgreSQL, deploy checks
	bash .ci/run

# The Welsh catalogue: collect every marked string from the code into locale/cy/LC_MESSAGES/django.po,
# then compile django.mo (committed, so `make run` and CI need no gettext to serve Welsh).
# Both steps need GNU gettext (xgettext, msgmerge, msgfmt): `make system-deps` installs it.
MESSAGES_IGNORE := --ignore='.venv/*' --ignore='node_modules/*' --ignore='staticfiles/*' --ignore='media/*' \
	--ignore='tests/*' --ignore='test-results/*' --ignore='scripts/*'
messages: install  ## Update the Welsh .po from the code, then compile the .mo (translate new msgstr in between)
	$(BIN)/python manage.py makemessages --locale cy --no-obsolete --add-location file $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages --locale cy

clean:  ## Remove the virtualenv, the SQLite database, media and built static files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles

loadtest: install  ## 60 s of mixed reader traffic against gunicorn + PostgreSQL (needs wrk; DATABASE_URL optional)
	$(BIN)/python scripts/loadtest.py
