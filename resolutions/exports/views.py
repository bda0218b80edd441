"""Views for feeds' neighbours: paragraph JSON, citations, AKN, CSV, the bulk download and the
site's conventions (robots.txt, OpenSearch, favicon, the OpenAPI description). Thin: parse the
request, call one selector, hand the result to a writer of this package.

Every response here is open to other sites' scripts (``Access-Control-Allow-Origin: *``, see
:mod:`.middleware`) and carries a validator: ``Last-Modified`` from the resolution for
per-resolution downloads, an ``ETag`` (Django's ``ConditionalGetMiddleware``) for the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import last_modified, require_safe

from resolutions import selectors
from resolutions.exports import bulk, citations, openapi, tables
from resolutions.exports.akn import resolution_akn
from resolutions.exports.links import absolute, site_origin
from resolutions.exports.selectors import paragraphs_in_order
from resolutions.search.filters import search_params_from
from resolutions.serializers import paragraph_to_dict
from resolutions.views.errors import not_found
from resolutions.views.pages import PID_SHAPE_RE

JSON = "application/json; charset=utf-8"
CITATION_TYPES = {
    "bib": ("application/x-bibtex; charset=utf-8", citations.to_bibtex),
    "ris": ("application/x-research-info-systems; charset=utf-8", citations.to_ris),
    "csl.json": ("application/vnd.citationstyles.csl+json; charset=utf-8", citations.to_csl_json),
}


def _resolution_modified(request: HttpRequest, number: int, **kwargs):
    return selectors.resolution_last_modified(number=number)


def _json(data, status: int = 200) -> JsonResponse:
    return JsonResponse(
        data,
        status=status,
        safe=False,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type=JSON,
    )


def _paragraph(request: HttpRequest, number: int, pid: str):
    if not PID_SHAPE_RE.match(pid):
        return None
    return selectors.paragraph_get(number=number, pid=pid)


@require_safe
@last_modified(_resolution_modified)
def paragraph_json(request: HttpRequest, number: int, pid: str) -> HttpResponse:
    """``/resolutions/2388/op31.json``: one paragraph, with its resolution's symbol."""
    paragraph = _paragraph(request, number, pid)
    if paragraph is None:
        return _alias_redirect(request, number, pid, ".json")
    resolution = paragraph.resolution
    origin = site_origin(request)
    data = paragraph_to_dict(paragraph, resolution, origin=origin)
    data["resolution"] = {
        "symbol": resolution.symbol,
        "number": resolution.number,
        "year": resolution.year,
        "adopted_on": resolution.adopted_on.isoformat() if resolution.adopted_on else None,
        "url": absolute(resolution.get_absolute_url(), origin=origin),
        "json_url": absolute(f"/resolutions/{resolution.number}.json", origin=origin),
    }
    data["schema_version"] = openapi.SCHEMA_VERSION
    return _json(data)


def _alias_redirect(request: HttpRequest, number: int, pid: str, suffix: str) -> HttpResponse:
    """An identifier once served (``pp-3`` before ``pp22`` was known) leads to the current
    one's download, as the permalink page does; anything else is a 404."""
    current = (
        selectors.paragraph_alias_get(number=number, pid=pid) if PID_SHAPE_RE.match(pid) else None
    )
    if current is None:
        return not_found(request, number=number, pid=pid)
    return HttpResponsePermanentRedirect(f"/resolutions/{number}/{current.pid}{suffix}")


def _citation_response(work: citations.CitedWork, extension: str) -> HttpResponse:
    media_type, write = CITATION_TYPES[extension]
    response = HttpResponse(write(work), content_type=media_type)
    response["Content-Disposition"] = f'inline; filename="{work.key}.{extension}"'
    return response


@require_safe
@last_modified(_resolution_modified)
def resolution_citation(request: HttpRequest, number: int, extension: str) -> HttpResponse:
    resolution = selectors.resolution_get(number=number)
    if resolution is None:
        return not_found(request, number=number)
    url = absolute(resolution.get_absolute_url(), origin=site_origin(request))
    return _citation_response(citations.cited_work(resolution, url=url), extension)


@require_safe
@last_modified(_resolution_modified)
def paragraph_citation(request: HttpRequest, number: int, pid: str, extension: str):
    paragraph = _paragraph(request, number, pid)
    if paragraph is None:
        return _alias_redirect(request, number, pid, f".{extension}")
    url = absolute(paragraph.get_absolute_url(), origin=site_origin(request))
    work = citations.cited_work(paragraph.resolution, url=url, paragraph=paragraph)
    return _citation_response(work, extension)


@require_safe
@last_modified(_resolution_modified)
def resolution_akn_view(request: HttpRequest, number: int) -> HttpResponse:
    """``/resolutions/2388.akn.xml``: Akoma Ntoso the archive's ingest reads back."""
    resolution = selectors.resolution_get(number=number)
    if resolution is None:
        return not_found(request, number=number)
    paragraphs = paragraphs_in_order(resolution=resolution)
    data = resolution_akn(resolution, paragraphs, origin=site_origin(request))
    response = HttpResponse(data, content_type="application/akn+xml; charset=utf-8")
    name = f"S_RES_{resolution.number}_{resolution.year}.akn.xml"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@require_safe
def search_csv(request: HttpRequest) -> HttpResponse:
    """``/search.csv?q=…``: every hit (up to ``tables.MAX_ROWS``), streamed."""
    params = search_params_from(request.GET)
    if not params.is_valid:
        return _json(
            {"error": "Invalid search parameters.", "errors": params.error_messages()}, status=400
        )
    if not params.q.strip():
        return HttpResponseBadRequest(
            "Give a query: /search.csv?q=words", content_type="text/plain"
        )
    first = tables.first_page(query=params.q, filters=params.filters, sort=params.sort)
    lines = tables.csv_lines(first, query=params.q, origin=site_origin(request))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="search.csv"'
    response["X-Total-Hits"] = str(first.total)
    response["X-Rows"] = str(min(first.total, tables.MAX_ROWS))
    if first.total > tables.MAX_ROWS:
        response["X-Rows-Truncated"] = f"the first {tables.MAX_ROWS} of {first.total} hits"
    return response


@require_safe
def bulk_download(request: HttpRequest, name: str) -> HttpResponse:
    """``/downloads/resolutions.jsonl``, ``manifest.json``, ``SHA256SUMS``."""
    path = bulk.bulk_file(name)
    if path is None:
        return not_found(request)
    types = {
        bulk.DATA_FILE: "application/jsonl; charset=utf-8",
        bulk.MANIFEST_FILE: JSON,
        bulk.CHECKSUMS_FILE: "text/plain; charset=utf-8",
    }
    if name == bulk.DATA_FILE:  # large: streamed from the file
        response = FileResponse(path.open("rb"), content_type=types[name])
    else:  # small: read whole, so the conditional-GET middleware gives it an ETag
        response = HttpResponse(path.read_bytes(), content_type=types[name])
    response["Last-Modified"] = http_date(path.stat().st_mtime)
    response["Content-Disposition"] = (
        f'{"attachment" if name == bulk.DATA_FILE else "inline"}; filename="{name}"'
    )
    return response


@require_safe
def openapi_json(request: HttpRequest) -> HttpResponse:
    return _json(openapi.description(origin=site_origin(request)))


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawl the reading pages; the search (endless combinations of words) is for people."""
    origin = site_origin(request)
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /search.json",
        "Disallow: /search.csv",
        "Disallow: /feeds/search.atom",
        "Allow: /",
        "",
        f"Sitemap: {absolute(reverse('exports:sitemap'), origin=origin)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(max_age=86400, public=True)
def opensearch_xml(request: HttpRequest) -> HttpResponse:
    """The OpenSearch description: browsers offer the archive as a search engine."""
    context = {"origin": site_origin(request), "site_name": settings.SITE_NAME}
    return render(
        request,
        "exports/opensearch.xml",
        context,
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )


@require_safe
@cache_control(max_age=604800, public=True)
def favicon_ico(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, asked for by browsers and feed readers whatever the page says."""
    path = settings.BASE_DIR / "static" / "img" / "favicon.ico"
    return FileResponse(path.open("rb"), content_type="image/x-icon")


@require_safe
def api_index(request: HttpRequest) -> HttpResponse:
    """``/api/``: where the description is, for a person who guesses the address."""
    origin = site_origin(request)
    return _json(
        {
            "openapi": absolute(reverse("exports:openapi"), origin=origin),
            "schema_version": openapi.SCHEMA_VERSION,
        }
    )
