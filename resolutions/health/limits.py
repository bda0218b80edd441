"""Time limits on what a request asks of the database, so a pathological search (many terms,
many prefixes, deep OR) answers with a clear page instead of tying up a worker.

* PostgreSQL: each new connection sets ``statement_timeout`` (DJANGO_STATEMENT_TIMEOUT_MS,
  default 5000); a statement past it is cancelled by the server. The ingest and ``migrate``
  lift it for their own transaction (``SET LOCAL statement_timeout = 0``), since they are
  meant to run long.
* SQLite has no statement timeout: a progress handler, called every few thousand virtual
  machine steps, interrupts a statement once the request's time is up. Outside a request
  (ingest, commands) there is no deadline and nothing is interrupted.

Either way the view's statement fails with an error the middleware recognises
(:func:`is_timeout`) and the person gets the "took too long" page. Example::

    with request_deadline():
        response = get_response(request)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

_local = threading.local()
PROGRESS_STEPS = 10_000  # SQLite virtual machine steps between two looks at the clock


def timeout_ms() -> int:
    return int(getattr(settings, "STATEMENT_TIMEOUT_MS", 5000))


def set_limits(sender, connection, **kwargs) -> None:
    """connection_created: install the engine's time limit on a new connection."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [timeout_ms()])
    elif connection.vendor == "sqlite":
        connection.connection.set_progress_handler(_past_deadline, PROGRESS_STEPS)


def _past_deadline() -> int:
    deadline = getattr(_local, "deadline", None)
    return 1 if deadline is not None and time.monotonic() > deadline else 0


@contextmanager
def request_deadline() -> Iterator[None]:
    """The SQLite deadline for the statements of one request."""
    _local.deadline = time.monotonic() + timeout_ms() / 1000
    try:
        yield
    finally:
        _local.deadline = None


@contextmanager
def deadline_lifted() -> Iterator[None]:
    """Work a request does once for the whole process (the draft check's index), free of
    the request's SQLite deadline; the deadline is back afterwards."""
    saved = getattr(_local, "deadline", None)
    _local.deadline = None
    try:
        yield
    finally:
        _local.deadline = saved


def lift_statement_timeout(connection) -> None:
    """For the current transaction only (ingest): no statement timeout on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")


def is_timeout(error: BaseException) -> bool:
    """A statement stopped by the time limit: PostgreSQL's QueryCanceled, SQLite's interrupt."""
    text = str(error)
    return "statement timeout" in text or text.strip() == "interrupted"
