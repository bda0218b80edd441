"""How the settings open a SQLite database file: never created by mistake, read-only when
it must be.

Why: SQLite creates a missing file on first connection, so a mistyped ``DATABASE_URL`` path
would serve an empty archive whose every page fails. The file is opened through a URI with
``mode=rw`` (open, never create); only ``manage.py migrate`` creates it
(``resolutions/management/commands/migrate.py``), so ``make run`` on a fresh clone still works.
A file the server may not write (read-only mount, permissions, or ``DJANGO_DB_READ_ONLY=1``)
is opened ``mode=ro``, without the WAL switch that needs a write. Example::

    >>> sqlite_options("/srv/db.sqlite3", read_only=False, busy_timeout=20)["NAME"]
    'file:/srv/db.sqlite3?mode=rw'
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit


def sqlite_path(name: str) -> Path | None:
    """The file a SQLite NAME opens, or None for an in-memory database."""
    if name.startswith("file:"):
        parts = urlsplit(name)
        if "mode=memory" in parts.query:
            return None
        return Path(unquote(parts.path))
    if not name or name == ":memory:":
        return None
    return Path(name)


def is_read_only(path: Path) -> bool:
    """Can this process not write the file (or, for a new file, its folder)?"""
    if os.environ.get("DJANGO_DB_READ_ONLY", "").strip().lower() in {"1", "true", "yes", "on"}:
        return True
    target = path if path.exists() else path.parent
    return target.exists() and not os.access(target, os.W_OK)


def sqlite_options(path: str, *, read_only: bool, busy_timeout: float) -> dict:
    """NAME and OPTIONS for Django's SQLite backend (which opens NAME as a URI)."""
    uri = f"file:{quote(str(Path(path).absolute()))}?mode={'ro' if read_only else 'rw'}"
    if read_only:
        # No journal switch and no write transaction: both need to write.
        return {"NAME": uri, "OPTIONS": {"timeout": busy_timeout, "init_command": ""}}
    return {
        "NAME": uri,
        "OPTIONS": {
            "timeout": busy_timeout,
            # WAL lets readers go on while an ingest writes; a busy timeout, not "locked".
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        },
    }
