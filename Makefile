# Digitale Leerhuis — `make run` and `make test` do all the set-up (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
# Links in the sitemap and in mails point where `make run` serves, unless BASE_URL says else.
SITE_ENV = BASE_URL=$${BASE_URL:-http://$(HOST):$(PORT)}

.DEFAULT_GOAL := help
.PHONY: help run test test-fast demo lint format migrate clean docs-screenshots bench backup restore

help: ## Deze lijst
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-17s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 of nieuwer is nodig (gevonden: " + sys.version.split()[0] + ").")'
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { echo "Python mist venv/ensurepip; op Debian/Ubuntu: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The project runs from this folder; only its dependencies are installed, at the versions
# pinned in constraints.txt, read from pyproject.toml (run, and run + an extra: test, bench).
REQUIREMENTS = $(BIN)/python -c 'import sys, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + [r for extra in sys.argv[1:] for r in p["optional-dependencies"][extra]]))'

$(VENV)/.installed-run: $(BIN)/python pyproject.toml constraints.txt
	$(REQUIREMENTS) > $(VENV)/requirements-run.txt
	$(BIN)/pip install --quiet -c constraints.txt -r $(VENV)/requirements-run.txt
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run
	$(REQUIREMENTS) test > $(VENV)/requirements-test.txt
	$(BIN)/pip install --quiet -c constraints.txt -r $(VENV)/requirements-test.txt
	@touch $@

$(VENV)/.installed-bench: $(VENV)/.installed-run
	$(REQUIREMENTS) bench > $(VENV)/requirements-bench.txt
	$(BIN)/pip install --quiet -c constraints.txt -r $(VENV)/requirements-bench.txt
	@touch $@

migrate: $(VENV)/.installed-run ## Database bijwerken
	$(SITE_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate ## Demo-inhoud laden (idempotent)
	$(SITE_ENV) $(BIN)/python manage.py load_demo

run: demo ## Installeren, migreren, demo laden en de site starten op HOST:PORT
	@echo "Het Leerhuis draait op http://$(HOST):$(PORT)/"
	$(SITE_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test ## Alle tests (browsertests alleen waar Chromium is)
	@test -x "$(CHROMIUM)" || echo "Geen Chromium gevonden op $(CHROMIUM): de browsertests worden overgeslagen (apt-get install chromium)."
	$(BIN)/pytest $(PYTEST_ARGS)

# Only on purpose, never in `make test`: the pictures in the repository change when asked to.
docs-screenshots: $(VENV)/.installed-test ## Schermafbeeldingen voor docs/redactie.md maken (docs/img/redactie/)
	@test -x "$(CHROMIUM)" || { echo "Geen Chromium gevonden op $(CHROMIUM): apt-get install chromium"; exit 1; }
	DOCS_SCREENSHOTS=1 CHROMIUM=$(CHROMIUM) $(BIN)/pytest -p no:cacheprovider --timeout=900 tests/e2e/test_docs_screenshots.py $(PYTEST_ARGS)

# A fresh database in a temporary folder each time (or `leerhuis_bench` on DATABASE_URL's
# server); never the database of `make run`.
SCALE ?= default
bench: $(VENV)/.installed-bench ## Prestaties meten (SCALE=quick voor een kleine run); zie README
	$(BIN)/python -m leerhuis.bench --scale $(SCALE)

# One folder per back-up under BACKUP_DIR (database, files, manifest); see README,
# "Back-up en herstel". A restore asks first, unless FORCE=1.
BACKUP_DIR ?= backups
backup: $(VENV)/.installed-run ## Back-up van database en bestanden maken (in BACKUP_DIR, standaard backups/)
	$(SITE_ENV) $(BIN)/python manage.py backup --dir "$(BACKUP_DIR)"

restore: $(VENV)/.installed-run ## Back-up terugzetten: make restore BACKUP=backups/leerhuis-… (FORCE=1: niet vragen)
	@test -n "$(BACKUP)" || { echo "Welke back-up? make restore BACKUP=$(BACKUP_DIR)/leerhuis-… (zie make backup)"; exit 1; }
	$(SITE_ENV) $(BIN)/python manage.py restore "$(BACKUP)" $(if $(FORCE),--yes)

lint: $(VENV)/.installed-test ## ruff en djhtml controleren
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(VENV)/.installed-test ## Code en templates netjes zetten
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	-$(BIN)/djhtml templates

clean: ## Virtuele omgeving en lokale database weggooien
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles .pytest-db* .pytest-documents-* bench-results.json
