"""What an ingest refuses before it writes, and the lock that keeps two ingests apart.

Why: an ingest is one transaction, so a second ingest started while one runs must wait for
it, and say so plainly when it has waited long enough, instead of failing with the engine's
"database is locked" (SQLite) or blocking on row locks until one of them deadlocks
(PostgreSQL). And a paragraph longer than any resolution prints is refused with the file
and line, on both engines alike: PostgreSQL cannot index a text past 1 MB ("string is too
long for tsvector"), where SQLite would store it. Example::

    with transaction.atomic(), ingest_lock():
        ...  # the only ingest writing
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError, connection

from resolutions.parsing.document import ParsedResolution, ParseError

# The longest paragraph of the corpus is 18,509 characters (an annex paragraph of
# S/RES/2231 (2015)); this is five times that, and far below PostgreSQL's 1 MB tsvector.
MAX_PARAGRAPH_CHARS = 100_000
# Any fixed number naming the archive's ingest among PostgreSQL advisory locks.
_ADVISORY_KEY = 0x5C_7105
BUSY = (
    "another ingest is writing to the archive; nothing was written. "
    "Run this one again when the other has finished."
)


class IngestRefused(RuntimeError):
    """The database cannot take this ingest now; the message says why."""


class IngestBusy(IngestRefused):
    """Another ingest holds the archive's write lock."""


def check_paragraph_lengths(parsed: ParsedResolution, *, files: dict[int, str]) -> None:
    """ParseError, naming the file and line, for a paragraph longer than MAX_PARAGRAPH_CHARS.
    ``files`` maps a page number to its file (page texts); XML has one file."""
    for paragraph in parsed.paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            page = paragraph.pages[0] if paragraph.pages else None
            raise ParseError(
                f"a paragraph of {len(paragraph.text):,} characters: the archive takes "
                f"paragraphs of up to {MAX_PARAGRAPH_CHARS:,}",
                file=files.get(page) or parsed.files[0],
                line=paragraph.line,
            )


def _wait_seconds() -> float:
    return float(getattr(settings, "INGEST_LOCK_WAIT", 20))


@contextmanager
def ingest_lock() -> Iterator[None]:
    """Hold the archive's write lock for the current transaction, or raise IngestBusy.

    PostgreSQL: a transaction-level advisory lock, tried until INGEST_LOCK_WAIT seconds have
    passed. SQLite: the transaction already began IMMEDIATE (settings), which took the write
    lock, waiting up to the busy timeout; see :func:`busy_to_message`.
    """
    if connection.vendor == "postgresql":
        deadline = time.monotonic() + _wait_seconds()
        with connection.cursor() as cursor:
            while True:
                cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [_ADVISORY_KEY])
                if cursor.fetchone()[0]:
                    break
                if time.monotonic() > deadline:
                    raise IngestBusy(BUSY)
                time.sleep(0.25)
    yield


@contextmanager
def busy_to_message() -> Iterator[None]:
    """SQLite's "database is locked" (another writer held on past the busy timeout) as
    IngestBusy with a message a person can act on."""
    try:
        yield
    except OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise IngestBusy(BUSY) from error
        if "readonly" in str(error):
            raise IngestRefused(
                "the database is read-only here (DJANGO_DB_READ_ONLY, or the file's "
                "permissions): nothing was written"
            ) from error
        raise
