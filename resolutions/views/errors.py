"""A helpful "not found" page, whether DEBUG is on or off.

The reading views call :func:`not_found` themselves (so the page is the same in development,
where Django would otherwise show its technical 404), and ``handler404`` points here for URLs
no pattern matches. Either way the page offers the way on: the resolution's page when the
archive holds the number that was asked for, the search box, and the browse page.

Example: ``/resolutions/2388/op99/`` -> 404 "S/RES/2388 (2017) has no paragraph op99" with a
link to /resolutions/2388/.
"""

from __future__ import annotations

import re

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from resolutions import selectors
from resolutions.models import Resolution

# A resolution number somewhere in a path that matched no pattern:
# /resolutions/2388/op31/extra, /S/RES/2388 (2017)/x
NUMBER_IN_PATH_RE = re.compile(
    r"""
    ^/(?:resolutions/|s/res/)   # our page prefix, or a pasted symbol's
    (?P<number>\d{1,5})         # the resolution number
    (?!\d)                      # ... whole
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _resolution(number: int | None) -> Resolution | None:
    if number is None:
        return None
    try:
        return selectors.resolution_get(number=number)
    except DatabaseError:  # the 404 page must not become a 500 because the database is away
        return None


def _text_state(resolution: Resolution | None) -> str:
    """Why a paragraph may be absent: "none" (known only from the record data), "partial"
    (printed pages missing), or "" (the text is complete, so the identifier is simply wrong)."""
    if resolution is None or resolution.text_source == "akn":
        return ""
    if not resolution.text_source:
        return "none"
    try:
        held = resolution.sources.filter(format="page-text").values("page_number").count()
    except DatabaseError:
        return "partial"
    return "partial" if not resolution.pages_total or held < resolution.pages_total else ""


def not_found(
    request: HttpRequest,
    exception: Exception | None = None,
    *,
    number: int | None = None,
    pid: str = "",
) -> HttpResponse:
    """Render 404.html. ``number``/``pid`` say what was asked for; when absent (the
    handler404 path) the number is read from the URL."""
    if number is None:
        match = NUMBER_IN_PATH_RE.match(request.path)
        number = int(match.group("number")) if match else None
    resolution = _resolution(number)
    context = {
        "requested_path": request.path,
        "number": number,
        "pid": pid,
        "resolution": resolution,
        "text_state": _text_state(resolution) if pid else "",
    }
    body = loader.render_to_string("404.html", context, request=request)
    return HttpResponse(body, status=404)
