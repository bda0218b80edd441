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

import json

from django.utils.safestring import SafeString

from resolutions.addresses import item_at
from resolutions.models import Paragraph, Resolution
from resolutions.search import snippets
from resolutions.search.base import (
    AGREED,
    DATE,
    DOCUMENT,
    HIT_PARAGRAPH_FIELDS,
    HIT_RESOLUTION_FIELDS,
    RELEVANCE,
    SORTS,
    Engine,
    SearchFilters,
    read_connection,
    run_search,
)
from resolutions.search.citations import ResolutionMatch, resolve_citation
from resolutions.search.guidance import (
    PARTIAL_BELOW,
    partial_weights,
    partial_words,
    spelling_variants,
    suggestion,
    typed_words,
)
from resolutions.search.postgres import PostgresEngine
from resolutions.search.query import Or, ParsedQuery, Term, parse_query, to_query_string
from resolutions.search.results import (
    FacetValue,
    Partial,
    SearchHit,
    SearchResults,
    Suggestion,
    WordingGroup,
    build_facets,
    paragraph_label,
)
from resolutions.search.spelling import fold_tree
from resolutions.search.sqlite import SQLiteEngine
from resolutions.search.symbols import find_citation
from resolutions.search.words import look_up

__all__ = [
    "AGREED",
    "DATE",
    "DOCUMENT",
    "Partial",
    "ResolutionMatch",
    "Suggestion",
    "RELEVANCE",
    "SORTS",
    "FacetValue",
    "ParsedQuery",
    "SearchFilters",
    "SearchHit",
    "SearchResults",
    "UnsupportedDatabase",
    "WordingGroup",
    "engine_for_connection",
    "highlight_html",
    "paragraph_label",
    "parse_query",
    "query_citation",
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
    grouped: bool = False,
) -> SearchResults:
    """Paragraphs matching ``query`` under ``filters``: one page of hits, counts and facets.

    Never raises on what a person types. A query that names a resolution or paragraph
    (``S/RES/2388 (2017), para. 31``) carries it as ``resolution_match``; when it is nothing
    but that citation, the hits are the paragraphs citing the resolution. Words the archive
    does not hold get a ``suggestion`` from its own vocabulary; three or more plain words that
    find (almost) nothing together give the best ``partial`` matches instead. No query with
    filters lists every paragraph they let through (``browsing``), in document order. An empty
    query (or one of common words only) returns no hits, with ``results.query`` saying why. A
    ``page`` past the end has no hits but keeps its number beside the true ``num_pages`` and
    ``total``, so a program paging until a page comes back empty stops.

    ``grouped``: one hit per wording -- the matches sharing a lineage origin (the earliest
    paragraph sharing at least 80 % of their wording) are one hit, their earliest paragraph,
    carrying a :class:`WordingGroup` (the origin, how many repeat it, the first of them); pages
    and ``num_pages`` count wordings (``total_wordings``), ``total`` and the facets paragraphs.
    """
    parsed = parse_query(query)
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else RELEVANCE
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    page = min(max(1, page), MAX_PAGE)
    results = SearchResults(
        query=parsed, filters=filters, sort=sort, per_page=per_page, grouped=grouped
    )
    match = query_citation(query)
    results.resolution_match = match
    tree = parsed.tree
    if match is not None and match.only:
        tree, results.citing = match.citing, True
    elif parsed.is_empty:
        if parsed.text or not filters.active:
            return results
        results.browsing = True
        if sort == RELEVANCE:
            results.sort = sort = DOCUMENT
    if not results.browsing:
        results.searched = to_query_string(fold_tree(tree))

    engine = engine_for_connection()
    offset = (page - 1) * per_page
    if results.browsing:
        compiled = None
    else:
        compiled = engine.compile(fold_tree(tree))
        if not compiled:
            return results
    searched = not results.browsing and not results.citing
    together = ""
    if searched and parsed.proximity and sort == RELEVANCE:
        together = engine.compile(fold_tree(parsed.proximity))
    counts = run_search(
        engine,
        compiled,
        filters=filters,
        sort=sort,
        limit=per_page,
        offset=offset,
        together=together,
        grouped=grouped,
    )
    if searched:
        typed = typed_words(tree)
        known = look_up(typed)
        results.variants = spelling_variants(tree)
        results.suggestion = suggestion(engine, parsed.text, known, filters=filters)
        content = partial_words(tree, known)
        if content and counts.total < PARTIAL_BELOW:
            results.partial = Partial(all_words_total=counts.total, words=content)
            counts = run_search(
                engine,
                engine.compile(Or(tuple(Term(w) for w in content))),
                filters=filters,
                sort=sort,
                limit=per_page,
                offset=offset,
                weighted=partial_weights(engine, content),
                grouped=grouped,
            )
    results.total = counts.total
    results.total_wordings = counts.total_wordings
    results.total_without_filters = counts.total_without_filters
    results.facets = build_facets(counts, filters)
    results.page = page
    if not counts.hits:
        return results
    rows = [
        (_hit_paragraph(paragraph, resolution), score)
        for score, paragraph, resolution in counts.hits
    ]
    if results.browsing:
        marked = [
            snippets.to_html(snippets.window(snippets.strip_sentinels(p.text))) for p, _ in rows
        ]
    else:
        marked = snippets.snippets([p.text for p, _ in rows], tree)
    subs = {} if results.browsing else _sub_paragraphs([p for p, _ in rows], tree)
    results.hits = [
        SearchHit(paragraph=p, snippet=snippet, rank=score, sub=subs.get(p.id, ""))
        for (p, score), snippet in zip(rows, marked, strict=True)
    ]
    if grouped:
        for hit, origin in zip(results.hits, counts.origins, strict=True):
            hit.wording = _wording(counts.wordings[origin])
    return results


def _wording(found) -> WordingGroup:
    """A wording's figures, its origin and members as Paragraphs (text not read)."""
    return WordingGroup(
        origin=_hit_paragraph(*found.origin),
        paragraphs=found.paragraphs,
        later=found.later,
        members=[_hit_paragraph(*member) for member in found.members],
    )


def _sub_paragraphs(paragraphs: list[Paragraph], tree) -> dict[int, str]:
    """For hits whose first match lies in a sub-paragraph, its address ("a/iii"), so the hit
    links there. The structure came with the hit (raw: the engines give JSON as text)."""
    found: dict[int, str] = {}
    for paragraph in paragraphs:
        structure = paragraph.structure
        if isinstance(structure, str):
            structure = json.loads(structure)
            paragraph.structure = structure
        if not isinstance(structure, dict):
            continue
        marked = snippets.mark_matches([paragraph.text], tree)[0]
        offset = marked.find(snippets.OPEN)
        if offset >= 0:
            found[paragraph.id] = "/".join(item_at(structure, paragraph.text, offset))
    return found


def query_citation(query: str) -> ResolutionMatch | None:
    """The resolution or paragraph ``query`` names, when the archive holds it (for redirects).

    >>> query_citation("S/RES/2388 (2017), para. 31").url  # doctest: +SKIP
    '/resolutions/2388/op31/'
    """
    parsed = parse_query(query)
    return resolve_citation(find_citation(parsed.text)) if parsed.text else None


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
