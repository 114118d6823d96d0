# Digitale Leerhuis — `make run` and `make test` do all the set-up (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
export DJANGO_SETTINGS_MODULE ?= leerhuis.settings.dev

.DEFAULT_GOAL := help
.PHONY: help run test test-fast demo lint format migrate clean

help: ## Deze lijst
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig (gevonden: " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	@touch $@

migrate: $(VENV)/.installed-run ## Database bijwerken
	$(BIN)/python manage.py migrate --noinput

demo: migrate ## Demo-inhoud laden (idempotent)
	$(BIN)/python manage.py load_demo

run: demo ## Installeren, migreren, demo laden en de site starten op HOST:PORT
	@echo "Het Leerhuis draait op http://$(HOST):$(PORT)/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test ## Alle tests (browsertests alleen waar Chromium is)
	@test -x "$(CHROMIUM)" || echo "Geen Chromium gevonden op $(CHROMIUM): de browsertests worden overgeslagen (apt-get install chromium)."
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test ## ruff en djhtml controleren
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(VENV)/.installed-test ## Code en templates netjes zetten
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	-$(BIN)/djhtml templates

clean: ## Virtuele omgeving en lokale database weggooien
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest-db*
