"""Response hardening every page gets, whatever view answered it.

* ``Permissions-Policy``: the archive uses no camera, microphone, location, payment or the
  like, so it denies them to itself and to anything that might be injected.
* ``Cache-Control``: pages are public texts, cached for a few minutes (an ingest shows within
  them); errors and anything not a plain read are not stored.
* Methods: the archive is read with GET and HEAD. ``OPTIONS`` answers 204 with ``Allow`` and
  no body; ``TRACE``, ``PUT``, ``DELETE`` and the rest answer 405, never the page.
* A query string longer than the archive reads (MAX_QUERY_CHARS) gets the archive's own 414
  page with a clear message, whatever server is in front.

The Content-Security-Policy itself comes from django-csp (settings.CONTENT_SECURITY_POLICY).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "usb",
        "xr-spatial-tracking",
    )
)
PAGE_CACHE = "public, max-age=300"
READ_METHODS = {"GET", "HEAD"}
ALLOWED = "GET, HEAD, OPTIONS"
# gunicorn passes request lines up to 8190 bytes (gunicorn.conf.py), and the views read long
# queries themselves (the search answers an over-long one with its own message). Behind any
# other server, a query string past this many characters gets the archive's 414 page; the
# hostile list's longest query (24,000 characters, tests/hostile.py) still reaches the views.
MAX_QUERY_CHARS = 32_768


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self._answer(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "Cache-Control" not in response:
            cacheable = request.method in READ_METHODS and response.status_code in (200, 301, 308)
            response["Cache-Control"] = PAGE_CACHE if cacheable else "no-store"
        return response

    def _answer(self, request: HttpRequest) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED
            return response
        if request.method not in READ_METHODS and request.method != "POST":
            response = HttpResponse(status=405)
            response["Allow"] = ALLOWED
            return response
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_CHARS:
            return too_long(request)
        return self.get_response(request)


def too_long(request: HttpRequest) -> HttpResponse:
    message = (
        f"This address is too long: the archive reads searches and addresses of up to "
        f"{MAX_QUERY_CHARS:,} characters. Shorten the search and try again."
    )
    if request.path.endswith(".json"):
        return JsonResponse({"error": "query too long", "detail": message}, status=414)
    body = loader.render_to_string("414.html", {"message": message}, request=request)
    return HttpResponse(body, status=414)
