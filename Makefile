# Tingsted: `make demo` to try it, `make test` to test it. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
# Bytecode in .venv, out of the source tree: every process after the first (the test
# workers, the processes tests start) loads it instead of compiling Django and Wagtail again.
export PYTHONPYCACHEPREFIX = $(CURDIR)/.venv/pycache

.PHONY: help install lock demo run test test-postgres lint format messages translations openapi bench clean

help:
	@echo "make demo           install, build the demo sites in every language, serve on :$(PORT)"
	@echo "make test           the whole test suite on SQLite"
	@echo "make test-postgres  the same suite on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/tingsted)"
	@echo "make lock           pin pyproject.toml's dependencies (and dev extra) in requirements.lock, keeping the pins it has"
	@echo "make lint           ruff check and format check (and lint-imports when .importlinter exists)"
	@echo "make messages       extract translatable strings into cms/locale (da, sv, nb), list Wagtail's untranslated admin strings in cms/locale_overrides"
	@echo "make bench          the benchmark against stock Wagtail: PostgreSQL, Redis and wrk needed (docs/benchmarks.md)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the lock file changes, so a second `make demo` is fast.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# requirements.lock: pyproject.toml's dependencies and its dev extra with everything they
# need, pinned, sorted as `pip freeze | LC_ALL=C sort -f`. The pins already in the lock
# constrain the resolution, so only what is new gets the newest release that fits them; to
# move a pin (or one that conflicts with a new dependency), delete its line and run it again.
# Nothing is installed: then `make install`.
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet --dry-run --ignore-installed --report .lock-report.json \
		-c requirements.lock '.[dev]'
	$(BIN)/python -c 'import json; r = json.load(open(".lock-report.json")); \
		pins = {"%(name)s==%(version)s" % i["metadata"] for i in r["install"] if i["metadata"]["name"] != "tingsted"}; \
		open("requirements.lock", "w").write("".join(p + "\n" for p in sorted(pins, key=str.upper)))'
	rm -f .lock-report.json

# Compiled only when a catalogue is newer than what was compiled from it (a Django start-up
# saved per `make test`); every .mo is touched after, so one changed catalogue does not leave
# the others looking stale.
PO_FILES := $(shell find cms plugins api blocks -path '*/LC_MESSAGES/*.po' 2>/dev/null)
MO_FILES := $(PO_FILES:.po=.mo)

$(MO_FILES) &: $(PO_FILES) | $(STAMP)
	$(BIN)/python manage.py compile_translations
	touch $(MO_FILES)

translations: $(MO_FILES)

demo: install translations
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py build_demo --port $(PORT)
	$(BIN)/python manage.py setup_roles --demo-users
	@echo
	@echo "Sites: http://localhost:$(PORT)/ (English)  http://dk.localhost:$(PORT)/  http://se.localhost:$(PORT)/  http://no.localhost:$(PORT)/"
	@echo "Admin: http://localhost:$(PORT)/admin/   API: http://localhost:$(PORT)/api/v3/docs/ and /api/v2/pages/"
	@echo "Translation status: http://localhost:$(PORT)/admin/translation-status/ (log in as translator-sv to try a translator)"
	$(BIN)/python manage.py runserver 0.0.0.0:$(PORT)

run: install
	$(BIN)/python manage.py runserver 0.0.0.0:$(PORT)

test: install translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tingsted
test-postgres: install translations
	DATABASE_URL='$(TEST_DATABASE_URL)' $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	@if [ -f .importlinter ]; then echo "$(BIN)/lint-imports"; $(BIN)/lint-imports; fi

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(BIN)/python manage.py makemessages --no-obsolete --no-location -l da -l sv -l nb \
		--ignore=.venv --ignore=tests --ignore=var --ignore=docs
	$(BIN)/python manage.py admin_overrides
	@echo "Now translate the new entries in cms/locale/*/LC_MESSAGES/django.po and cms/locale_overrides/*/LC_MESSAGES/*.po"

# The snapshot, and the example consumer's pydantic models generated from it.
openapi: install
	$(BIN)/python manage.py export_openapi > tests/api/openapi.snapshot.json
	$(BIN)/python docs/examples/generate_models.py tests/api/openapi.snapshot.json

# Needs PostgreSQL and Redis up (BENCH_DATABASE_URL, BENCH_CACHE_URL) and wrk installed;
# nginx is used for the static ceiling when present. BENCH_ARGS="--sizes 1000 --duration 3"
# for a quicker run. Not part of CI. The harness is not installed in production: its
# commands exist only under its own settings, cms.bench.settings.
bench: install
	@command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: run 'apt-get install -y wrk' (and 'apt-get install -y nginx-light' for the static ceiling), then 'make bench' again."; exit 1; }
	DJANGO_SETTINGS_MODULE=cms.bench.settings $(BIN)/python manage.py bench_run $(BENCH_ARGS)

clean:
	rm -rf var $(VENV)
