"""What both engines share: the filters, and the one statement that answers a search.

An engine supplies only how to find and score matches (FTS5 + bm25, or tsvector + ts_rank_cd).
Around that, one statement shared by both collects the matches once and returns, as one result
set: the page of hits under the filters, the total, and every facet count -- each facet counted
under every filter except its own, so choosing 2017 still shows what other years hold. Counting
stays in the database: a common word has thousands of (resolution, kind) groups, too many to
ship to Python on every request, and a second statement would read the matches twice.

Example::

    >>> sql, params = search_statement(
    ...     matches="... WHERE f MATCH %s", score="-bm25(f)", compiled='"trafficking"',
    ...     filters=SearchFilters(year_from=2016), sort=RELEVANCE, limit=20, offset=0)
    >>> params
    ['"trafficking"', 2016, 2016, 20, 0]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

RELEVANCE = "relevance"
DATE = "date"  # newest resolution first, paragraphs in document order
SORTS = (RELEVANCE, DATE)
TOP_RESOLUTIONS = 10  # the resolution facet lists the resolutions with most matches


@dataclass(frozen=True)
class SearchFilters:
    """Narrowing a search; ``None`` means "any". Ranges are inclusive."""

    year_from: int | None = None
    year_to: int | None = None
    resolution: int | None = None  # the resolution's number: 2388
    kind: str | None = None  # "preambular", "operative", ...
    trafficking: bool | None = None  # Paragraph.addresses_trafficking

    @property
    def active(self) -> bool:
        return any(value is not None for value in vars(self).values())


@dataclass
class Counts:
    """What the statement returns, read into plain values."""

    hits: list[tuple[int, float]] = field(default_factory=list)  # (paragraph id, score), in order
    total: int = 0  # under the query and every filter
    total_without_filters: int = 0
    years: dict[int, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    trafficking: dict[bool, int] = field(default_factory=dict)
    resolutions: list[tuple[int, str, int]] = field(default_factory=list)  # (number, symbol, n)


class Engine(Protocol):
    """One full-text engine: compiles the query tree, answers :func:`search_statement`."""

    vendor: str

    def compile(self, tree) -> str: ...

    def search(
        self,
        compiled: str,
        *,
        filters: SearchFilters,
        sort: str,
        limit: int,
        offset: int,
        together: str = "",
    ) -> Counts: ...


def _conditions(filters: SearchFilters, x: str) -> tuple[list[str], list]:
    """One SQL truth value per filter dimension (year, resolution, kind, trafficking).

    ``r`` is the resolution; ``x`` is whatever carries the paragraph's ``kind`` and ``flag``.
    """
    year, params = [], []
    if filters.year_from is not None:
        year.append("r.year >= %s")
        params.append(filters.year_from)
    if filters.year_to is not None:
        year.append("r.year <= %s")
        params.append(filters.year_to)
    columns = ["(" + " AND ".join(year) + ")" if year else "1 = 1"]
    flag = None if filters.trafficking is None else int(filters.trafficking)
    for condition, value in (
        ("r.number = %s", filters.resolution),
        (f"{x}.kind = %s", filters.kind),
        (f"{x}.flag = %s", flag),
    ):
        columns.append(condition if value is not None else "1 = 1")
        if value is not None:
            params.append(value)
    return columns, params


def search_statement(
    *,
    matches: str,
    score: str,
    compiled: str,
    filters: SearchFilters,
    sort: str,
    limit: int,
    offset: int,
    materialized: str = "",
    boost: str = "0",
    boost_params: tuple = (),
) -> tuple[str, list]:
    """The whole search as one statement and its parameters.

    ``matches`` is the engine's ``FROM ... WHERE`` over paragraphs ``p``, with one ``%s`` for
    the compiled query; ``score`` ranks a match, higher is better. The matches are collected
    once and then only counted per (resolution, kind, flag) -- a few thousand groups at most --
    from which the grid of counts per (year, kind, flag) and the resolutions with most matches
    follow; the resolution table is joined to those groups, not to every match, and to the
    matches only when the page needs it (a year or resolution filter, or date order).
    ``boost`` (1 or 0 per match, its ``%s`` filled from ``boost_params``) sorts before the
    score in relevance order: the engines set it for paragraphs holding the words together.
    Rows come back as ``ROW_COLUMNS``.
    """
    (year_ok, resolution_ok, kind_ok, flag_ok), group_params = _conditions(filters, "g")
    page_conditions, page_params = _conditions(filters, "m")
    # Without a year or resolution filter those conditions are "1 = 1" and need no join.
    needs_resolution = (
        sort == DATE
        or filters.year_from is not None
        or filters.year_to is not None
        or filters.resolution is not None
    )
    if sort == DATE:
        page_columns = "m.id AS id, m.score AS score, r.year AS year, r.number AS number, "
        page_columns += "m.position AS position"
        order = "r.year DESC, r.number DESC, m.position ASC"
        outer_order = "year DESC, number DESC, position ASC"
    else:
        page_columns = "m.id AS id, m.score AS score, m.boost AS boost"
        order = "m.boost DESC, m.score DESC, m.id ASC"
        outer_order = "boost DESC, score DESC, id ASC"
    join = "JOIN resolutions_resolution AS r ON r.id = m.resolution_id" if needs_resolution else ""
    selected = ""
    selected_params: list = []
    if filters.resolution is not None:
        # The chosen resolution stays listed even when it is not among the top ones.
        selected = """
            UNION ALL
            SELECT 'resolution', number, symbol, NULL, NULL, NULL, NULL, SUM(n), NULL, NULL, NULL
            FROM groups WHERE year_ok AND kind_ok AND flag_ok AND number = %s
            GROUP BY number, symbol"""
        selected_params = [filters.resolution]
    sql = f"""
        WITH matches AS {materialized} (
            SELECT p.id AS id, p.resolution_id AS resolution_id, p.kind AS kind,
                   p.position AS position,
                   CASE WHEN p.addresses_trafficking THEN 1 ELSE 0 END AS flag, {score} AS score,
                   {boost} AS boost
            {matches}
        ),
        groups AS {materialized} (
            SELECT r.year AS year, r.number AS number, r.symbol AS symbol, g.kind AS kind,
                   g.flag AS flag, g.n AS n,
                   {year_ok} AS year_ok, {resolution_ok} AS resolution_ok,
                   {kind_ok} AS kind_ok, {flag_ok} AS flag_ok
            FROM (
                SELECT resolution_id, kind, flag, COUNT(*) AS n FROM matches
                GROUP BY resolution_id, kind, flag
            ) AS g
            JOIN resolutions_resolution AS r ON r.id = g.resolution_id
        ),
        page AS (
            SELECT {page_columns} FROM matches AS m {join}
            WHERE {" AND ".join(page_conditions)}
            ORDER BY {order} LIMIT %s OFFSET %s
        ),
        top AS (
            SELECT number, symbol, SUM(n) AS n FROM groups
            WHERE year_ok AND kind_ok AND flag_ok
            GROUP BY number, symbol ORDER BY n DESC, number DESC LIMIT {TOP_RESOLUTIONS}
        )
        SELECT 'hit', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, score,
               ROW_NUMBER() OVER (ORDER BY {outer_order})
        FROM page
        UNION ALL
        SELECT 'grid', year, kind, flag, year_ok, kind_ok, flag_ok,
               SUM(CASE WHEN resolution_ok THEN n ELSE 0 END), SUM(n), NULL, NULL
        FROM groups GROUP BY year, kind, flag, year_ok, kind_ok, flag_ok
        UNION ALL
        SELECT 'resolution', number, symbol, NULL, NULL, NULL, NULL, n, NULL, NULL, NULL
        FROM top{selected}
    """
    params = [*boost_params, compiled, *group_params, *page_params, limit, offset]
    params += selected_params
    return sql, params


# (row, number, text, flag, year_ok, kind_ok, flag_ok, n, n_all, score, place); "number" is a
# paragraph id for a hit, a year for the grid, a resolution number for a resolution.
ROW_COLUMNS = 11


def read_counts(rows) -> Counts:
    """Sort the statement's rows into :class:`Counts`; each facet ignores its own filter."""
    counts = Counts()
    hits: list[tuple[int, int, float]] = []
    for row, number, text, flag, year_ok, kind_ok, flag_ok, n, n_all, score, place in rows:
        if row == "hit":
            hits.append((place, number, float(score)))
            continue
        n = int(n)  # PostgreSQL's SUM of integers is a numeric: a Decimal here
        if row == "grid":
            n_all = int(n_all)
            counts.total_without_filters += n_all
            if kind_ok and flag_ok:
                counts.years[number] = counts.years.get(number, 0) + n
            if year_ok and flag_ok:
                counts.kinds[text] = counts.kinds.get(text, 0) + n
            if year_ok and kind_ok:
                counts.trafficking[bool(flag)] = counts.trafficking.get(bool(flag), 0) + n
                if flag_ok:
                    counts.total += n
        elif row == "resolution" and (number, text, n) not in counts.resolutions:
            counts.resolutions.append((number, text, n))
    for facet in (counts.years, counts.kinds, counts.trafficking):
        for key in [key for key, n in facet.items() if not n]:
            del facet[key]
    counts.resolutions.sort(key=lambda item: (-item[2], -item[0]))
    counts.hits = [(pk, score) for _, pk, score in sorted(hits)]
    return counts
