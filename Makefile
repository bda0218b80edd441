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

BACKUP ?= archive-backup.json.gz
.PHONY: install run migrate seed test test-sqlite test-postgres lint format bench bench-import bench-search bench-pages bench-peer bench-ingest-load bench-fidelity bench-draft bench-lineage corpus clean lock audit backup restore


# Installs exactly what requirements.lock pins (hashes checked), then the project itself.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Development settings for manage.py (read by archive_site/settings.py); never overwritten.
.env:
	cp .env.example .env


# Re-pin every dependency (pyproject.toml, runtime and dev) with hashes, from PyPI only.
# Extras stay in the pins (cachecontrol[filecache]==...): pip's hash-checking mode otherwise
# resolves the extra's requirement on its own, takes the newest release and refuses the install.
lock: install
	@test -x $(BIN)/pip-compile || $(PY) -m pip install --quiet pip-tools
	PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS= $(BIN)/pip-compile --quiet --generate-hashes \
		--extra dev --allow-unsafe --index-url https://pypi.org/simple \
		--output-file requirements.lock pyproject.toml

# Known vulnerabilities in what requirements.lock pins (exit 1); 2: the service is out of reach.
audit: install
	$(PY) scripts/audit.py requirements.lock

# Everything the archive holds, every table of every app (sources verbatim, aliases, ...).
backup: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py dumpdata --exclude contenttypes --output $(BACKUP)

# Into a fresh database: DATABASE_URL=sqlite:///restored.sqlite3 make restore BACKUP=archive-backup.json.gz
restore: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py loaddata $(BACKUP)

migrate: install .env
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput

seed: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py ingest fixtures/seeds

run: seed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py runserver $(HOST):$(PORT)

# Import the UN's XML corpus and record data (needs ../shared or CORPUS=path), and the other
# five official languages when their folder is there.
corpus: migrate
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py ingest $(CORPUS)/xml $(CORPUS)/metadata \
		$(wildcard $(LANGUAGES_CORPUS))

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

bench: bench-import bench-search bench-pages bench-peer bench-ingest-load

bench-import: install
	$(PY) bench/import_corpus.py --corpus $(CORPUS)

bench-search: install
	$(PY) bench/search_latency.py --group on,off --lineage

# Page budgets at 100,000 paragraphs (home, browse, resolution, permalink, 304, S/RES/2231).
bench-pages: install
	$(PY) bench/pages.py

# Checking a 40-paragraph draft against 100,000 paragraphs, both engines (bench/draft_check.py).
bench-draft: install
	$(PY) bench/draft_check.py

# The search against Datasette + FTS5 (../shared/bench-peer), interleaved; needs wrk.
bench-peer: install
	$(PY) bench/peer.py

# A full-corpus ingest and re-ingest while 8 clients search and read: errors (target 0), latency.
bench-ingest-load: install
	$(PY) bench/ingest_under_load.py --corpus $(CORPUS)

# Page texts and PDFs of resolutions the tests never saw, read back and measured against the
# XML (held-out set: odd resolution numbers). Needs poppler's pdftotext (poppler-utils).
bench-fidelity: install
	$(PY) bench/fidelity.py --corpus $(CORPUS)

# Agreed language against a brute force over the loaded archive (make corpus first): recall and
# precision of pairs sharing >= 80 % of their wording, and the project's timings. A few minutes.
bench-lineage: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) bench/lineage.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
