"""The search page, its JSON twin and the help page. Thin: validate, call one selector, render.

``/search/?q=…&year_from=…&year_to=…&resolution=…&kind=…&trafficking=…&sort=…&page=…``.
Bad filter or sort values are shown as form errors (HTML) or a 400 with a message per parameter
(JSON); nothing a person types gives a 500. A page past the last one is empty (JSON) or says so
with a link to the last page (HTML).

Example::

    GET /search.json?q=%22supply+chains%22&year_from=2017
    {"query": "\\"supply chains\\"", "total": 1, "results": [{"symbol": "S/RES/2388 (2017)", ...}]}
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from resolutions.search import DATE, RELEVANCE, SearchResults, search_paragraphs
from resolutions.search.filters import SearchParams, search_params_from
from resolutions.search.query import suggest_broader
from resolutions.search.results import KIND_LABELS

PER_PAGE = 20
FILTER_NAMES = ("year_from", "year_to", "resolution", "kind", "trafficking")


def _run(params: SearchParams) -> SearchResults | None:
    if not params.is_valid:
        return None
    return search_paragraphs(
        query=params.q,
        filters=params.filters,
        sort=params.sort,
        page=params.page,
        per_page=PER_PAGE,
    )


class _Links:
    """URLs of this search with some parameters changed (``None`` removes one), page reset.

    Built once per request: a results page has dozens of facet and page links.
    """

    def __init__(self, query: QueryDict) -> None:
        self.base = reverse("resolutions:search")
        self.pairs = [(k, v) for k, values in query.lists() if k != "page" for v in values]

    def __call__(self, **changes: str | None) -> str:
        pairs = [(k, v) for k, v in self.pairs if k not in changes]
        pairs += [(k, v) for k, v in changes.items() if v is not None]
        return self.base + (f"?{urlencode(pairs)}" if pairs else "")


def _facet_links(results: SearchResults, link: _Links) -> dict[str, list[dict]]:
    """Each facet value with the link that selects it (or, when selected, clears it)."""

    def entry(value, *, select: dict, clear: dict, clears: bool | None = None) -> dict:
        clears = value.selected if clears is None else clears
        return {
            "label": value.label,
            "count": value.count,
            "selected": value.selected,
            "url": link(**(clear if clears else select)),
        }

    facets = results.facets
    filters = results.filters
    # A year inside a wider selected range narrows to that year; the single selected year clears.
    single_year = filters.year_from if filters.year_from == filters.year_to else None
    return {
        "years": [
            entry(
                v,
                select={"year_from": str(v.value), "year_to": str(v.value)},
                clear={"year_from": None, "year_to": None},
                clears=v.value == single_year,
            )
            for v in facets.get("years", [])
        ],
        "kinds": [
            entry(v, select={"kind": v.value}, clear={"kind": None})
            for v in facets.get("kinds", [])
        ],
        "trafficking": [
            entry(
                v,
                select={"trafficking": "true" if v.value else "false"},
                clear={"trafficking": None},
            )
            for v in facets.get("trafficking", [])
        ],
        "resolutions": [
            entry(v, select={"resolution": str(v.value)}, clear={"resolution": None})
            for v in facets.get("resolutions", [])
        ],
    }


def _page_links(results: SearchResults, link: _Links) -> list[dict]:
    """Page numbers around the current one, with gaps: 1 … 4 5 [6] 7 8 … 20."""
    shown = {1, results.num_pages, *range(results.page - 2, results.page + 3)}
    links: list[dict] = []
    previous = 0
    for number in sorted(n for n in shown if 1 <= n <= results.num_pages):
        if number > previous + 1:
            links.append({"gap": True})
        links.append(
            {"number": number, "current": number == results.page, "url": link(page=str(number))}
        )
        previous = number
    return links


def _hit_rows(results: SearchResults, query: str) -> list[dict]:
    rows = []
    for hit in results.hits:
        paragraph, resolution = hit.paragraph, hit.paragraph.resolution
        rows.append(
            {
                "symbol": resolution.symbol,
                "number": resolution.number,
                "year": resolution.year,
                "short_title": resolution.short_title,
                "paragraph": paragraph.pid,
                "label": hit.label,
                "kind": paragraph.kind,
                "kind_label": KIND_LABELS.get(paragraph.kind, paragraph.kind),
                "url": hit.url(query),
                "resolution_url": resolution.get_absolute_url(),
                "snippet": hit.snippet,
                "rank": round(hit.rank, 6),
            }
        )
    return rows


def search_page(request: HttpRequest) -> HttpResponse:
    params = search_params_from(request.GET)
    results = _run(params)
    link = _Links(request.GET)
    query_text = results.query.text if results else params.q[:500]
    context = {
        "params": params,
        "form": params.filterset.form,
        "results": results,
        "search_query": query_text,
        "query_text": query_text,
    }
    if results is not None:
        context.update(
            hits=_hit_rows(results, query_text),
            facets=_facet_links(results, link),
            pages=_page_links(results, link),
            previous_url=link(page=str(results.page - 1)) if results.has_previous else "",
            next_url=link(page=str(results.page + 1)) if results.has_next else "",
            last_page_url=link(page=str(results.num_pages)),
            sort_links=[
                {
                    "label": "Relevance",
                    "current": results.sort == RELEVANCE,
                    "url": link(sort=None),
                },
                {"label": "Newest first", "current": results.sort == DATE, "url": link(sort=DATE)},
            ],
            clear_filters_url=link(**dict.fromkeys(FILTER_NAMES)),
            suggestions=[
                {"label": label, "query": query, "url": link(q=query)}
                for label, query in suggest_broader(results.query.tree)
            ],
        )
    return render(request, "resolutions/search.html", context)


def search_json(request: HttpRequest) -> JsonResponse:
    params = search_params_from(request.GET)
    results = _run(params)
    if results is None:
        return JsonResponse(
            {"error": "Invalid search parameters.", "errors": params.error_messages()},
            status=400,
        )
    rows = _hit_rows(results, results.query.text)
    for row in rows:
        row.pop("kind_label")
        row.pop("resolution_url")
        row["snippet"] = str(row["snippet"])
    return JsonResponse(
        {
            "query": results.query.text,
            "understood": results.understood,
            "ignored": list(results.query.ignored),
            "notes": list(results.query.notes),
            "sort": results.sort,
            "total": results.total,
            "page": results.page,
            "num_pages": results.num_pages,
            "per_page": results.per_page,
            "results": rows,
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in results.facets.items()
            },
        }
    )


def search_help(request: HttpRequest) -> HttpResponse:
    return render(request, "resolutions/search_help.html", {})
