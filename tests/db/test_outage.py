"""A live server pointed at a database that is down, missing or not migrated answers with the
archive's own "temporarily unavailable" page (503, Retry-After), JSON clients with JSON, the
operator with a log line, /healthz with the state; and recovers by itself when the database
returns. SQLite always; PostgreSQL in the PostgreSQL leg."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from tests.conftest import SEEDS
from tests.live import LiveServer, manage

PAGES = ["/", "/resolutions/", "/resolutions/2388/", "/resolutions/2388/op6/", "/search/?q=x"]


def assert_unavailable(server: LiveServer, state: str) -> None:
    for path in PAGES:
        answer = server.get(path, Accept="text/html")
        assert answer.status == 503, path
        assert answer.headers["Retry-After"] == "30"
        assert "Temporarily unavailable" in answer.body
        assert "<h1>Temporarily unavailable</h1>" in answer.body
    for path, headers in (
        ("/resolutions/2388.json", {}),
        ("/search/?q=x", {"Accept": "application/json"}),
    ):
        answer = server.get(path, **headers)
        assert answer.status == 503, path
        assert answer.headers["Content-Type"] == "application/json"
        assert json.loads(answer.body)["error"] == "temporarily unavailable"
    health = server.get("/healthz")
    assert health.status == 503
    assert json.loads(health.body) == {"status": "unavailable", "database": state}
    assert str(server.port) not in health.body and "sqlite3" not in health.body


def assert_serving(server: LiveServer) -> None:
    for path in PAGES:
        assert server.get(path).status == 200, path
    assert json.loads(server.get("/healthz").body) == {"status": "ok", "database": "ok"}


def test_sqlite_file_missing_then_not_migrated_then_back(tmp_path):
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with LiveServer({"DATABASE_URL": url}) as server:
        assert_unavailable(server, "unavailable")
        assert not (tmp_path / "archive.sqlite3").exists()  # a mistyped path creates nothing
        (tmp_path / "archive.sqlite3").touch()
        assert_unavailable(server, "not migrated")
        assert manage("migrate", "--noinput", env={"DATABASE_URL": url}).returncode == 0
        assert manage("ingest", str(SEEDS), env={"DATABASE_URL": url}).returncode == 0
        assert_serving(server)  # no restart
    assert "does not exist: check DATABASE_URL" in server.log
    assert "not migrated" in server.log
    assert "Traceback" not in server.log


def test_a_missing_sqlite_file_stops_commands_with_a_message_and_migrate_creates_it(tmp_path):
    url = f"sqlite:///{tmp_path / 'typo.sqlite3'}"
    done = manage("ingest", str(SEEDS), env={"DATABASE_URL": url})
    assert done.returncode != 0
    assert "typo.sqlite3 does not exist: check DATABASE_URL" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "typo.sqlite3").exists()
    assert manage("migrate", "--noinput", env={"DATABASE_URL": url}).returncode == 0
    assert (tmp_path / "typo.sqlite3").exists()


def test_a_read_only_sqlite_file_is_served_read_only(tmp_path):
    database = tmp_path / "archive.sqlite3"
    url = f"sqlite:///{database}"
    assert manage("migrate", "--noinput", env={"DATABASE_URL": url}).returncode == 0
    assert manage("ingest", str(SEEDS), env={"DATABASE_URL": url}).returncode == 0
    manage(
        "shell",
        "-c",
        "from django.db import connection; connection.cursor().execute("
        "'PRAGMA wal_checkpoint(TRUNCATE)')",
        env={"DATABASE_URL": url},
    )
    database.chmod(0o444)
    read_only = {"DATABASE_URL": url, "DJANGO_DB_READ_ONLY": "1"}
    with LiveServer(read_only) as server:
        assert_serving(server)
    (tmp_path / "2017.json").write_text('{"symbol": "S/RES/2388 (2017)", "agenda_item_name": "x"}')
    done = manage("ingest", str(tmp_path / "2017.json"), env=read_only)
    assert done.returncode != 0
    assert "the database is read-only here" in done.stderr


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL leg only (DATABASE_URL is not PostgreSQL)")
    return url


def test_postgres_down():
    _postgres_url()
    with LiveServer({"DATABASE_URL": "postgres://postgres@127.0.0.1:1/archive"}) as server:
        assert_unavailable(server, "unavailable")
    assert "the database is unreachable" in server.log


def test_postgres_missing_then_not_migrated_then_back():
    import psycopg

    base = _postgres_url()
    name = f"outage_{uuid.uuid4().hex[:8]}"
    url = base.rsplit("/", 1)[0] + "/" + name
    admin_url = base.rsplit("/", 1)[0] + "/postgres"
    try:
        with LiveServer({"DATABASE_URL": url, "DJANGO_CONN_MAX_AGE": "60"}) as server:
            assert_unavailable(server, "unavailable")
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            assert_unavailable(server, "not migrated")
            assert manage("migrate", "--noinput", env={"DATABASE_URL": url}).returncode == 0
            assert manage("ingest", str(SEEDS), env={"DATABASE_URL": url}).returncode == 0
            assert_serving(server)
        assert "Traceback" not in server.log
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
