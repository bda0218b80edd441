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

from resolutions.health.state import DatabaseState, close_broken_connection, explain

logger = logging.getLogger("resolutions.health")
RETRY_AFTER_SECONDS = 30


def wants_json(request: HttpRequest) -> bool:
    """JSON endpoints (``.json``) and clients that ask for JSON before HTML."""
    if request.path.endswith(".json") or request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def unavailable(request: HttpRequest, state: DatabaseState) -> HttpResponse:
    """The 503 answer for a database in ``state``."""
    message = "The archive is temporarily unavailable. Please try again in a minute."
    if wants_json(request):
        response: HttpResponse = JsonResponse(
            {"error": "temporarily unavailable", "detail": message, "status": 503}, status=503
        )
    else:
        body = loader.render_to_string(
            "503.html", {"retry_after": RETRY_AFTER_SECONDS}, request=request
        )
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, DatabaseError):
            return None
        state = explain(exception)
        logger.error("503 for %s: %s", request.path, state.detail)
        close_broken_connection()
        return unavailable(request, state)
