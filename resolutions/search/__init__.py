"""Full-text search over paragraphs: one interface, two engines (SQLite FTS5, PostgreSQL).

The query is parsed once (:mod:`.query`) into a neutral tree; the engine for the connection in
use *now* compiles it and fetches, in one statement, the counts (for the total and the facets)
and one page of paragraphs in rank or date order, with what a hit shows; then snippets are built
in Python (:mod:`.snippets`) for those rows only. One query per search.

Example::

    >>> results = search_paragraphs(query='"supply chains"', filters=SearchFilters(year_from=2017))
    >>> [(h.paragraph.resolution.symbol, h.label) for h in results.hits]
    [('S/RES/2388 (2017)', 'OP 31')]
"""

from __future__ import annotations

from django.utils.safestring import SafeString

from resolutions.models import Paragraph, Resolution
from resolutions.search import snippets
from resolutions.search.base import (
    DATE,
    HIT_PARAGRAPH_FIELDS,
    HIT_RESOLUTION_FIELDS,
    RELEVANCE,
    SORTS,
    Engine,
    SearchFilters,
    read_connection,
    run_search,
)
from resolutions.search.postgres import PostgresEngine
from resolutions.search.query import ParsedQuery, parse_query
from resolutions.search.results import (
    FacetValue,
    SearchHit,
    SearchResults,
    build_facets,
    paragraph_label,
)
from resolutions.search.sqlite import SQLiteEngine

__all__ = [
    "DATE",
    "RELEVANCE",
    "SORTS",
    "FacetValue",
    "ParsedQuery",
    "SearchFilters",
    "SearchHit",
    "SearchResults",
    "UnsupportedDatabase",
    "engine_for_connection",
    "highlight_html",
    "paragraph_label",
    "parse_query",
    "search_paragraphs",
]

MAX_PER_PAGE = 100
MAX_PAGE = 100_000


class UnsupportedDatabase(RuntimeError):
    """Search needs SQLite (with FTS5) or PostgreSQL."""


def engine_for_connection() -> Engine:
    """The engine for the reading connection's vendor, looked up on every call."""
    vendor = read_connection().vendor
    if vendor == "postgresql":
        return PostgresEngine()
    if vendor == "sqlite":
        return SQLiteEngine()
    raise UnsupportedDatabase(f"no full-text search for the {vendor!r} database")


def search_paragraphs(
    *,
    query: str,
    filters: SearchFilters | None = None,
    sort: str = RELEVANCE,
    page: int = 1,
    per_page: int = 20,
) -> SearchResults:
    """Paragraphs matching ``query`` under ``filters``: one page of hits, counts and facets.

    Never raises on what a person types. An empty query (or one of common words only) returns
    no hits, with ``results.query`` saying why. A ``page`` past the end has no hits but keeps
    its number beside the true ``num_pages`` and ``total``, so a program paging until a page
    comes back empty stops.
    """
    parsed = parse_query(query)
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else RELEVANCE
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    page = min(max(1, page), MAX_PAGE)
    results = SearchResults(query=parsed, filters=filters, sort=sort, per_page=per_page)
    if parsed.is_empty:
        return results

    engine = engine_for_connection()
    compiled = engine.compile(parsed.tree)
    together = engine.compile(parsed.proximity) if parsed.proximity and sort == RELEVANCE else ""
    counts = run_search(
        engine,
        compiled,
        filters=filters,
        sort=sort,
        limit=per_page,
        offset=(page - 1) * per_page,
        together=together,
    )
    results.total = counts.total
    results.total_without_filters = counts.total_without_filters
    results.facets = build_facets(counts, filters)
    results.page = page
    if not counts.hits:
        return results
    rows = [
        (_hit_paragraph(paragraph, resolution), score)
        for score, paragraph, resolution in counts.hits
    ]
    marked = snippets.snippets([p.text for p, _ in rows], parsed.tree)
    results.hits = [
        SearchHit(paragraph=p, snippet=snippet, rank=score)
        for (p, score), snippet in zip(rows, marked, strict=True)
    ]
    return results


def _hit_paragraph(paragraph: tuple, resolution: tuple) -> Paragraph:
    """A hit's paragraph, with its resolution, from the fields the search statement read.

    Built as the ORM builds rows (``from_db``): any other field is deferred, and loads on use.
    """
    hit = _from_db(Paragraph, dict(zip(HIT_PARAGRAPH_FIELDS, paragraph, strict=True)))
    hit.resolution = _from_db(Resolution, dict(zip(HIT_RESOLUTION_FIELDS, resolution, strict=True)))
    return hit


def _from_db(model, values: dict):
    # from_db takes the values in the model's field order.
    names = [f.attname for f in model._meta.concrete_fields if f.attname in values]
    return model.from_db(read_connection().alias, names, [values[name] for name in names])


def highlight_html(text: str, query: str) -> SafeString:
    """The whole ``text`` escaped, with the words ``query`` searches for in ``<mark>``.

    >>> highlight_html("Côte d'Ivoire & trafficked persons", "cote trafficking")
    '<mark>Côte</mark> d&#x27;Ivoire &amp; <mark>trafficked</mark> persons'
    """
    return snippets.highlight(text, parse_query(query).tree)
