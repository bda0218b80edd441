"""A database that is away gives the archive's own "temporarily unavailable" page, not a 500.

Placed last in MIDDLEWARE, so it is the first to see an exception a view raises. Any
``DatabaseError`` (the server down, the SQLite file missing, the tables not migrated) becomes
a 503 with ``Retry-After``: the HTML page for people, a JSON error for JSON clients, and one
log line for the operator naming what is wrong. Example of the log line::

    ERROR resolutions.health: 503 for /resolutions/2388/: the database is unreachable
    (OperationalError: connection refused)
"""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

from resolutions.health.limits import is_timeout, request_deadline, timeout_ms
from resolutions.health.state import DatabaseState, close_broken_connection, explain

logger = logging.getLogger("resolutions.health")
RETRY_AFTER_SECONDS = 30


def wants_json(request: HttpRequest) -> bool:
    """JSON endpoints (``.json``) and clients that ask for JSON before HTML."""
    if request.path.endswith(".json") or request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def unavailable(request: HttpRequest, state: DatabaseState | None) -> HttpResponse:
    """The 503 answer for a database in ``state``; None: a request that took too long."""
    if state is None:
        message = (
            "This request took too long to answer. If it is a search, make it simpler: "
            "fewer words, fewer prefixes (*) and fewer ORs."
        )
    else:
        message = "The archive is temporarily unavailable. Please try again in a minute."
    if wants_json(request):
        error = "too long" if state is None else "temporarily unavailable"
        response: HttpResponse = JsonResponse(
            {"error": error, "detail": message, "status": 503}, status=503
        )
    else:
        body = loader.render_to_string(
            "503.html", {"too_long": state is None, "message": message}, request=request
        )
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_deadline():
            return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, DatabaseError):
            return None
        if is_timeout(exception):
            logger.warning(
                "503 for %s: stopped after %d ms", request.get_full_path()[:300], timeout_ms()
            )
            close_broken_connection()
            return unavailable(request, None)
        state = explain(exception)
        logger.error("503 for %s: %s", request.path, state.detail)
        close_broken_connection()
        return unavailable(request, state)
