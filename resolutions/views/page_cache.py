"""Rendered pages kept in each worker's memory, keyed on the page's address and its validator.

A resolution page, a permalink, home and browse change only when an ingest changes what they
show, and each already has a validator that says so (``ETag``/``Last-Modified``, computed by
one cheap statement for the conditional GET). The page rendered for a validator is therefore
the page for as long as the validator stands: this cache keeps it, compressed, under the
address, the host and scheme (absolute URLs in the page depend on them), the language and the
``Accept`` header, plus the validator. An ingest changes the validator, so the next request
renders afresh; nothing is ever invalidated by hand, and nothing is shared between workers.

On by default in production (``DJANGO_PAGE_CACHE``; off with ``DJANGO_DEBUG=1`` so templates
being edited show at once). Only 200 answers are kept, of at most ``MAX_BYTES``; the cache
holds ``settings.CACHES["pages"]``'s ``MAX_ENTRIES`` pages (least recently used go first).
Searches are never cached here. Example::

    @last_modified(_resolution_modified)
    @cached_page(_resolution_modified)
    def resolution_detail(request, number): ...
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils import translation

MAX_BYTES = 2_000_000  # S/RES/2231 (2015), the longest page, is about 850 KB
KEPT_HEADERS = ("Content-Type", "Content-Language", "Link", "Vary")


def _key(request: HttpRequest, validator: object) -> str:
    parts = (
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
        request.headers.get("Accept", ""),
        str(validator),
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def cached_page(validator: Callable[..., object]):
    """Keep the view's 200 answers per address and ``validator(request, **kwargs)``; a
    validator of None (nothing held at the address) is never cached."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not settings.PAGE_CACHE:
                return view(request, *args, **kwargs)
            stamp = validator(request, *args, **kwargs)
            if stamp is None:
                return view(request, *args, **kwargs)
            cache = caches["pages"]
            key = _key(request, stamp)
            kept = cache.get(key)
            if kept is not None:
                body, headers = kept
                response = HttpResponse(zlib.decompress(body))
                for name, value in headers:
                    response[name] = value
                return response
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and len(response.content) <= MAX_BYTES
            ):
                headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
                cache.set(key, (zlib.compress(response.content, 1), headers))
            return response

        return wrapped

    return decorator
