# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL leg of the tests: used when reachable; required when CI=true.
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/archive
CORPUS ?= ../shared/corpora/un-sc-akn

.PHONY: install run migrate seed test test-sqlite test-postgres lint format bench bench-import bench-search bench-pages bench-peer bench-fidelity corpus clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py ingest fixtures/seeds

run: seed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

# Import the UN's XML corpus and record data (needs ../shared or CORPUS=path).
corpus: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py ingest $(CORPUS)/xml $(CORPUS)/metadata

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint test-sqlite test-postgres

test-sqlite: install
	DATABASE_URL=sqlite:///$(CURDIR)/.venv/test.sqlite3 $(BIN)/pytest

test-postgres: install
	@if $(PY) scripts/pg_available.py "$(PG_TEST_URL)"; then \
		DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest tests/db tests/replica; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL is not reachable at $(PG_TEST_URL) and CI=true: the PostgreSQL leg must run." >&2; exit 1; \
	else \
		echo "SKIPPED the PostgreSQL leg: no server at $(PG_TEST_URL) (set PG_TEST_URL)."; \
	fi

bench: bench-import bench-search bench-pages bench-peer

bench-import: install
	$(PY) bench/import_corpus.py --corpus $(CORPUS)

bench-search: install
	$(PY) bench/search_latency.py

# Page budgets at 100,000 paragraphs (home, browse, resolution, permalink, 304, S/RES/2231).
bench-pages: install
	$(PY) bench/pages.py

# The search against Datasette + FTS5 (../shared/bench-peer), interleaved; needs wrk.
bench-peer: install
	$(PY) bench/peer.py

# Page texts and PDFs of resolutions the tests never saw, read back and measured against the
# XML (held-out set: odd resolution numbers). Needs poppler's pdftotext (poppler-utils).
bench-fidelity: install
	$(PY) bench/fidelity.py --corpus $(CORPUS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
