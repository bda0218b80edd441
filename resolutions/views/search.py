"""The search page, its JSON twin and the help page. Thin: validate, call one selector, render.

``/search/?q=…&year_from=…&year_to=…&resolution=…&kind=…&trafficking=…&sort=…&page=…&per_page=…&group=…``.
``group=off`` lists every paragraph; the page otherwise groups the hits by wording (one per
lineage origin), the JSON only when asked (``group=on``), so its clients see no change.
Bad filter or sort values are shown as form errors (HTML) or a 400 with a message per parameter
(JSON); nothing a person types gives a 500. A query longer than the archive searches
(:data:`MAX_QUERY_CHARS`) gets a 400 saying so, as the search page or as JSON. A page past the
last one is empty (JSON) or says so with a link to the last page (HTML). A query that is
nothing but a citation (``S/RES/2388 (2017), para. 31``) redirects to what it cites, unless
filters or a page are given; ``per_page`` is 1 to 100 (default 20).

Example::

    GET /search.json?q=%22supply+chains%22&year_from=2017
    {"query": "\\"supply chains\\"", "total": 1, "results": [{"symbol": "S/RES/2388 (2017)", ...}]}
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from resolutions.search import (
    AGREED,
    DATE,
    DOCUMENT,
    RELEVANCE,
    SearchResults,
    query_citation,
    search_paragraphs,
)
from resolutions.search.filters import SearchParams, search_params_from
from resolutions.search.query import MAX_CHARS, suggest_broader
from resolutions.search.results import KIND_LABELS, cited_label
from resolutions.views.pages import absolute_url

MAX_QUERY_CHARS = MAX_CHARS  # the search box's maxlength; longer gets a 400, not a cut
FILTER_NAMES = ("year_from", "year_to", "resolution", "kind", "trafficking")


def _too_long(params: SearchParams) -> str:
    """The message for a query longer than the archive searches, or ""."""
    length = len(" ".join(params.q.split()))
    if length <= MAX_QUERY_CHARS:
        return ""
    return (
        f"Your search is {length:,} characters long; the archive searches at most "
        f"{MAX_QUERY_CHARS:,}. Shorten it to the words or phrase you are looking for."
    )


def _run(params: SearchParams, *, grouped: bool) -> SearchResults | None:
    if not params.is_valid or _too_long(params):
        return None
    return search_paragraphs(
        query=params.q,
        filters=params.filters,
        sort=params.sort,
        page=params.page,
        per_page=params.per_page,
        grouped=grouped,
    )


class _Links:
    """URLs of this search with some parameters changed (``None`` removes one), page reset.

    Built once per request: a results page has dozens of facet and page links.
    """

    def __init__(self, query: QueryDict, *, base: str = "") -> None:
        self.base = base or reverse("resolutions:search")
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
        if hit.wording is not None:
            rows[-1]["wording"] = _wording_row(hit)
    return rows


def _cited(paragraph) -> dict:
    resolution = paragraph.resolution
    return {
        "symbol": resolution.symbol,
        "number": resolution.number,
        "year": resolution.year,
        "paragraph": paragraph.pid,
        "label": cited_label(paragraph),
        "url": paragraph.get_absolute_url(),
    }


def _wording_row(hit) -> dict:
    """Grouped results: where the hit's wording was first agreed, and who repeats it."""
    wording = hit.wording
    return {
        "first_agreed_in": _cited(wording.origin),
        "first_agreed_elsewhere": hit.first_agreed_elsewhere,
        "paragraphs": wording.paragraphs,
        "later_resolutions": wording.later,
        "repeated_in": [_cited(member) for member in wording.members],
        "unlisted": wording.unlisted,
    }


def search_page(request: HttpRequest) -> HttpResponse:
    params = search_params_from(request.GET)
    too_long = _too_long(params)
    if params.is_valid and not too_long and set(request.GET) <= {"q", "sort"}:
        match = query_citation(params.q)
        if match is not None and match.only and not match.note:
            return HttpResponseRedirect(match.url)
    results = _run(params, grouped=params.grouped(default=True))
    link = _Links(request.GET)
    query_text = results.query.text if results else params.q[:MAX_QUERY_CHARS]
    context = {
        "params": params,
        "form": params.filterset.form,
        "results": results,
        "search_query": query_text,
        "query_text": query_text,
        "too_long": too_long,
    }
    if results is not None:
        context.update(
            hits=_hit_rows(results, query_text),
            facets=_facet_links(results, link),
            pages=_page_links(results, link),
            previous_url=link(page=str(results.page - 1)) if results.has_previous else "",
            next_url=link(page=str(results.page + 1)) if results.has_next else "",
            last_page_url=link(page=str(results.num_pages)),
            clear_filters_url=link(**dict.fromkeys(FILTER_NAMES)),
            suggestions=[
                {"label": label, "query": query, "url": link(q=query)}
                for label, query in suggest_broader(results.query.tree)
            ],
            did_you_mean_url=link(q=results.suggestion.query) if results.suggestion else "",
            sort_links=_sort_links(results, link),
            # The switch: the page groups unless told group=off; other links keep the choice.
            group_url=link(group=None if not results.grouped else "off"),
        )
    return render(request, "resolutions/search.html", context, status=400 if too_long else 200)


def _sort_links(results: SearchResults, link: _Links) -> list[dict]:
    """Relevance (not when browsing: nothing to rank), newest first, document order,
    earliest agreed (by where each wording was first agreed)."""
    default = DOCUMENT if results.browsing else RELEVANCE
    choices = [(DATE, "Newest first"), (DOCUMENT, "Document order"), (AGREED, "Earliest agreed")]
    if not results.browsing:
        choices.insert(0, (RELEVANCE, "Relevance"))
    return [
        {
            "label": label,
            "current": results.sort == value,
            "url": link(sort=None if value == default else value),
        }
        for value, label in choices
    ]


def search_json(request: HttpRequest) -> JsonResponse:
    """The search as JSON: what the page shows, with absolute URLs. See the help page."""
    params = search_params_from(request.GET)
    too_long = _too_long(params)
    if too_long:
        return JsonResponse({"error": too_long, "errors": {"q": [too_long]}}, status=400)
    results = _run(params, grouped=params.grouped(default=False))
    if results is None:
        return JsonResponse(
            {"error": "Invalid search parameters.", "errors": params.error_messages()},
            status=400,
        )
    rows = _hit_rows(results, results.query.text)
    for row in rows:
        row.pop("kind_label")
        row["url"] = absolute_url(request, row["url"])
        row["resolution_url"] = absolute_url(request, row["resolution_url"])
        row["snippet"] = str(row["snippet"])
        wording = row.get("wording")
        for cited in [wording["first_agreed_in"], *wording["repeated_in"]] if wording else []:
            cited["url"] = absolute_url(request, cited["url"])
    link = _Links(request.GET, base=reverse("resolutions:search_json"))
    return JsonResponse(
        {
            "query": results.query.text,
            "understood": results.understood,
            "searched": results.searched,
            "ignored": list(results.query.ignored),
            "notes": list(results.query.notes),
            "variants": [{"typed": typed, "also": also} for typed, also in results.variants],
            "resolution_match": _match_json(request, results),
            "citing": results.citing,
            "suggestion": _suggestion_json(request, results, link),
            "partial": (
                {
                    "all_words_total": results.partial.all_words_total,
                    "words": list(results.partial.words),
                }
                if results.partial
                else None
            ),
            "browsing": results.browsing,
            "sort": results.sort,
            "total": results.total,
            **(
                {"grouped": True, "total_wordings": results.total_wordings}
                if results.grouped
                else {}
            ),
            "page": results.page,
            "num_pages": results.num_pages,
            "per_page": results.per_page,
            "next": (
                absolute_url(request, link(page=str(results.page + 1)))
                if results.has_next
                else None
            ),
            "previous": (
                absolute_url(request, link(page=str(results.page - 1)))
                if results.has_previous and not results.past_the_end
                else None
            ),
            "results": rows,
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in results.facets.items()
            },
        }
    )


def _match_json(request: HttpRequest, results: SearchResults) -> dict | None:
    match = results.resolution_match
    if match is None:
        return None
    return {
        "symbol": match.symbol,
        "number": match.number,
        "year": match.year,
        "title": match.title,
        "citation": match.citation,
        "paragraph": match.pid or None,
        "subparagraph": match.subparagraph or None,
        "url": absolute_url(request, match.url),
        "only": match.only,
        "note": match.note or None,
    }


def _suggestion_json(request: HttpRequest, results: SearchResults, link: _Links) -> dict | None:
    suggestion = results.suggestion
    if suggestion is None:
        return None
    return {
        "query": suggestion.query,
        "total": suggestion.total,
        "corrections": [{"typed": t, "suggested": c} for t, c in suggestion.corrections],
        "url": absolute_url(request, link(q=suggestion.query)),
    }


def search_help(request: HttpRequest) -> HttpResponse:
    return render(request, "resolutions/search_help.html", {})
