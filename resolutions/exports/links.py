"""Absolute addresses for everything the archive hands to other programs (JSON, feeds,
citations, exports, the sitemap).

The origin is ``DJANGO_SITE_ORIGIN`` when set (the canonical one, so a permalink in an export
does not depend on which host name a request used), else the host the request came to, else
-- in a management command with neither -- the development server's address.

Example::

    >>> absolute("/resolutions/2388/", origin="https://archive.example.org")
    'https://archive.example.org/resolutions/2388/'
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

DEVELOPMENT_ORIGIN = "http://127.0.0.1:8000"  # what `make run` serves


def site_origin(request: HttpRequest | None = None) -> str:
    """``https://archive.example.org``: no trailing slash."""
    configured = getattr(settings, "SITE_ORIGIN", "")
    if configured:
        return configured
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return DEVELOPMENT_ORIGIN


def absolute(path: str, *, origin: str) -> str:
    """``path`` (starting with "/") on ``origin``."""
    return f"{origin}{path}"


def resolution_path(number: int) -> str:
    return f"/resolutions/{number}/"


def paragraph_path(number: int, pid: str) -> str:
    return f"/resolutions/{number}/{pid}/"
