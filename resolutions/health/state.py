"""The database's state in one word and one sentence: "ok", "unavailable", "not migrated".

Example::

    database_state()
    # DatabaseState(status='ok', detail='database reachable and migrated')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader

from archive_site.database import sqlite_path

OK = "ok"
UNAVAILABLE = "unavailable"
NOT_MIGRATED = "not migrated"


@dataclass(frozen=True)
class DatabaseState:
    status: str  # OK, UNAVAILABLE, NOT_MIGRATED
    detail: str  # for the operator: what is wrong, and what to do

    @property
    def ok(self) -> bool:
        return self.status == OK


@functools.cache
def expected_migrations() -> frozenset[tuple[str, str]]:
    """Every migration on disk, as (app, name); read once, since the code does not change
    while it runs."""
    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    return frozenset(loader.disk_migrations)


def missing_sqlite_file() -> str:
    """The missing SQLite file's message, or ""."""
    if connection.vendor != "sqlite":
        return ""
    path = sqlite_path(str(connection.settings_dict["NAME"]))
    if path is None or path.exists():
        return ""
    return (
        f"the SQLite database file {path} does not exist: check DATABASE_URL, "
        "or create it with `manage.py migrate`"
    )


def explain(error: BaseException) -> DatabaseState:
    """A database error as the state it shows."""
    missing = missing_sqlite_file()
    if missing:
        return DatabaseState(UNAVAILABLE, missing)
    text = " ".join(str(error).split()) or type(error).__name__
    # SQLite: "no such table: ..."; PostgreSQL: 'relation "..." does not exist' (a missing
    # database also "does not exist", but is unreachable, not unmigrated).
    if "no such table" in text or ("relation" in text and "does not exist" in text):
        return DatabaseState(
            NOT_MIGRATED, f"the database is not migrated ({text}): run `manage.py migrate`"
        )
    return DatabaseState(
        UNAVAILABLE, f"the database is unreachable ({type(error).__name__}: {text})"
    )


def database_state() -> DatabaseState:
    """Connect, and compare the migrations applied with those on disk. Never raises."""
    missing = missing_sqlite_file()
    if missing:
        return DatabaseState(UNAVAILABLE, missing)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError as error:
        close_broken_connection()
        return explain(error)
    pending = sorted(f"{app}.{name}" for app, name in expected_migrations() - applied)
    if pending:
        return DatabaseState(
            NOT_MIGRATED,
            f"{len(pending)} migrations not applied ({', '.join(pending[:3])}"
            f"{', ...' if len(pending) > 3 else ''}): run `manage.py migrate`",
        )
    return DatabaseState(OK, "database reachable and migrated")


def close_broken_connection() -> None:
    """Drop a connection that failed, so the next request opens a new one (and so finds the
    database again when it returns) instead of reusing a dead one. A connection inside a
    transaction (a test's) is left to whoever opened the transaction."""
    if connection.in_atomic_block:
        return
    try:
        connection.close()
    except DatabaseError:
        connection.connection = None
