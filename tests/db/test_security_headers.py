"""Every page type carries the security headers, with a strict CSP that no inline script or
style in the page needs; odd methods get no page; hostile query strings get headers too."""

import re

import pytest

from archive_site.security import MAX_QUERY_CHARS, PERMISSIONS_POLICY
from tests.hostile import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# Every kind of page the archive answers, and its status.
PAGES = [
    ("/", 200),
    ("/about/", 200),
    ("/resolutions/", 200),
    ("/resolutions/2388/", 200),
    ("/resolutions/2388/op6/", 200),
    ("/resolutions/2388/op6/?q=trafficking", 200),
    ("/resolutions/2388.json", 200),
    ("/resolutions/2388.txt", 200),
    ("/search/?q=trafficking", 200),
    ("/search.json?q=trafficking", 200),
    ("/search/help/", 200),
    ("/resolutions/2388/op99/", 404),
    ("/no/such/page/", 404),
    ("/S/RES/2388(2017)", 301),
    ("/healthz", 200),
    ("/search/?q=" + "x" * (MAX_QUERY_CHARS + 1), 414),
]
INLINE = re.compile(
    r"""
    <script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)  # inline code (JSON-LD is data)
    | <style\b                 # a style element
    | \sstyle\s*=              # a style attribute
    | \son[a-z]+\s*=           # an event-handler attribute
    | javascript:              # a javascript: URL
    """,
    re.X | re.I,
)


def directives(policy: str) -> set[str]:
    return {part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize(("url", "status"), PAGES)
def test_every_page_type_carries_the_security_headers(client, seed_archive, url, status):
    response = client.get(url)
    assert response.status_code == status, url
    assert directives(response["Content-Security-Policy"]) == directives(CSP)
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"]
    if status == 200 and not url.startswith("/healthz"):
        assert response["Cache-Control"] == "public, max-age=300"
    if status >= 400:
        assert response["Cache-Control"] == "no-store"
    if response["Content-Type"].startswith("text/html"):
        html = response.content.decode()
        assert not INLINE.search(html), INLINE.search(html)


def test_the_long_query_page_says_what_to_do(client, seed_archive):
    response = client.get("/search/", {"q": "trafficking " * 3000})
    assert response.status_code == 414
    assert "Search too long" in response.content.decode()
    assert "up to 32,768 characters" in response.content.decode()
    json = client.get("/search.json", {"q": "trafficking " * 3000})
    assert json.status_code == 414
    assert json.json()["error"] == "query too long"


@pytest.mark.parametrize(
    ("method", "status"),
    [("TRACE", 405), ("TRACK", 405), ("PUT", 405), ("DELETE", 405), ("PATCH", 405)],
)
def test_odd_methods_get_no_page(client, seed_archive, method, status):
    response = client.generic(method, "/resolutions/2388/")
    assert response.status_code == status
    assert response.content == b""
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_options_answers_what_is_allowed_without_the_page(client, seed_archive):
    response = client.options("/resolutions/2388/")
    assert response.status_code == 204
    assert response.content == b""
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_head_gives_headers_without_a_body(client, seed_archive):
    response = client.head("/resolutions/2388/")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Security-Policy"]


@pytest.mark.parametrize("query", HOSTILE_QUERIES[::3])
def test_hostile_queries_get_the_headers_and_no_500(client, seed_archive, query):
    for url in ("/search/", "/resolutions/", "/resolutions/2388/op6/"):
        response = client.get(url, {"q": query})
        assert response.status_code in (200, 400), (url, query[:40])
        assert response["Content-Security-Policy"]
        assert response["Permissions-Policy"]
