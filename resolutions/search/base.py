"""What both engines share: the filters, and the one statement that answers a search.

An engine supplies only how to find and score matches (FTS5 + bm25, or tsvector + ts_rank_cd).
Around that, one statement shared by both collects the matches once and returns, as one result
set: the page of hits under the filters, the total, and every facet count -- each facet counted
under every filter except its own, so choosing 2017 still shows what other years hold. Counting
stays in the database: a common word has thousands of (resolution, kind) groups, too many to
ship to Python on every request, and a second statement would read the matches twice.

Example::

    >>> sql, params = search_statement(
    ...     columns=("p.id", "r.number", "r.year", "p.kind", "p.position", "p.flag"),
    ...     matches="... WHERE f MATCH %s", score="-bm25(f)", compiled='"trafficking"',
    ...     filters=SearchFilters(year_from=2016), sort=RELEVANCE, limit=20, offset=0)
    >>> params  # the year: to score only what passes it, then its own truth value
    [2016, 2016, '"trafficking"', 20, 0]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from django.db import connections, router

RELEVANCE = "relevance"
DATE = "date"  # newest resolution first, paragraphs in document order
DOCUMENT = "document"  # resolutions in number order, paragraphs in document order
# Earliest agreed first: by where the wording was first agreed (the lineage origin's
# resolution and place, the paragraph's own when it has no origin), then document order.
AGREED = "agreed"
SORTS = (RELEVANCE, DATE, DOCUMENT, AGREED)
LINEAGE_TABLE = "resolutions_lineagelink"  # resolutions.models.LineageLink
MEMBERS_SHOWN = 50  # paragraphs of a wording listed under its hit when grouped
TOP_RESOLUTIONS = 10  # the resolution facet lists the resolutions with most matches
# What an engine's ``columns`` give for each match, in this order (see search_statement).
MATCH_COLUMNS = ("id", "number", "year", "kind", "position", "flag")
NO_FILTER = "1 = 1"  # the truth value of a filter that is not set: true on both engines
# What a hit shows, read with the page in the same statement (see search_statement).
# structure: where a match lies among the sub-paragraphs, so the hit links there.
HIT_PARAGRAPH_FIELDS = (
    "id",
    "pid",
    "kind",
    "number",
    "label",
    "text",
    "structure",
    "resolution_id",
)
HIT_RESOLUTION_FIELDS = ("id", "number", "year", "symbol", "short_title")


def read_connection():
    """The connection searches read from: a replica when the router names one (the raw
    statement bypasses the ORM, so it asks the router as a queryset would)."""
    from resolutions.models import Paragraph

    return connections[router.db_for_read(Paragraph)]


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

    # the page, in order: (score, values of HIT_PARAGRAPH_FIELDS, of HIT_RESOLUTION_FIELDS)
    hits: list[tuple[float, tuple, tuple]] = field(default_factory=list)
    total: int = 0  # under the query and every filter
    total_without_filters: int = 0
    years: dict[int, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    trafficking: dict[bool, int] = field(default_factory=dict)
    resolutions: list[tuple[int, str, int]] = field(default_factory=list)  # (number, symbol, n)
    # Grouped by wording only: each hit's origin (paragraph id), in page order; the number of
    # wordings under every filter; what each origin on the page groups.
    origins: list[int] = field(default_factory=list)
    total_wordings: int = 0
    wordings: dict[int, Wording] = field(default_factory=dict)


@dataclass
class Wording:
    """One wording on a grouped page: its origin and the matching paragraphs repeating it.

    ``origin`` and each of ``members`` are (values of HIT_PARAGRAPH_FIELDS, of
    HIT_RESOLUTION_FIELDS), the text left out; ``members`` are the matches other than the hit,
    earliest first, at most ``MEMBERS_SHOWN``.
    """

    origin: tuple[tuple, tuple]
    paragraphs: int  # matching paragraphs with this wording, the hit included
    later: int  # resolutions among them other than the hit's own
    members: list[tuple[tuple, tuple]] = field(default_factory=list)


class Engine(Protocol):
    """One full-text engine: how to find, score and boost matches; the rest is shared.

    ``matches`` is the ``FROM ... WHERE`` over the engine's index with one ``%s`` for the
    compiled query; ``columns`` the expressions for ``MATCH_COLUMNS`` over it; ``score`` ranks
    a match (higher is better); ``boost`` is 1 for a match that also holds the typed words
    together, with one ``%s`` for them compiled as a phrase; ``materialized`` is what the
    engine needs said for the matches to be collected once.
    """

    vendor: str
    columns: tuple[str, str, str, str, str, str]
    matches: str
    score: str
    boost: str
    materialized: str
    # Every paragraph, as ``matches`` gives matches but with no query (browsing by filter).
    browse: str
    # 1 when a match also matches one more compiled query (its ``%s``), else 0.
    contains: str

    def compile(self, tree) -> str: ...


def run_search(
    engine: Engine,
    compiled: str | None,
    *,
    filters: SearchFilters,
    sort: str,
    limit: int,
    offset: int,
    together: str = "",
    weighted: tuple[tuple[str, int], ...] = (),
    grouped: bool = False,
) -> Counts:
    """Run the search statement for ``engine``; ``together`` is the proximity phrase, or "".

    ``compiled`` None browses every paragraph under the filters (no score). ``weighted`` (a
    compiled query and a weight, per word) scores a match by the weights of the words it
    holds instead of the engine's score, which then only breaks ties (partial matches).
    """
    score, score_params = engine.score, ()
    if compiled is None:
        score = "0"
    elif weighted:
        parts = " + ".join(f"{weight} * {engine.contains}" for _, weight in weighted)
        # The engine's score is below 1 on both engines for any one paragraph: a tie-breaker.
        score = f"({parts}) + 0.001 * {engine.score}"
        score_params = tuple(query for query, _ in weighted)
    sql, params = search_statement(
        columns=engine.columns,
        matches=engine.browse if compiled is None else engine.matches,
        score=score,
        score_params=score_params,
        compiled=compiled,
        filters=filters,
        sort=sort,
        limit=limit,
        offset=offset,
        boost=engine.boost if together else "0",
        boost_params=(together,) if together else (),
        materialized=engine.materialized,
        grouped=grouped,
    )
    with read_connection().cursor() as cursor:
        cursor.execute(sql, params)
        return read_counts(cursor.fetchall())


def count_matches(engine: Engine, compiled: str, *, filters: SearchFilters) -> int:
    """How many paragraphs match ``compiled`` under ``filters`` (a suggestion's count)."""
    column = dict(zip(MATCH_COLUMNS, engine.columns, strict=True))
    conditions = _conditions(filters, column)
    where = "".join(f" AND {sql}" for sql, _ in conditions.values())
    params = [compiled] + [value for _, values in conditions.values() for value in values]
    with read_connection().cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) {engine.matches}{where}", params)
        return cursor.fetchone()[0]


def _conditions(filters: SearchFilters, column: dict[str, str]) -> dict[str, tuple[str, list]]:
    """The filters that are set, by dimension: a SQL truth value and its parameters.

    Dimensions are ``year``, ``resolution``, ``kind`` and ``flag`` (trafficking); ``column``
    gives the SQL for a match's year, number, kind and flag.
    """
    conditions: dict[str, tuple[str, list]] = {}
    year, params = [], []
    if filters.year_from is not None:
        year.append(f"{column['year']} >= %s")
        params.append(filters.year_from)
    if filters.year_to is not None:
        year.append(f"{column['year']} <= %s")
        params.append(filters.year_to)
    if year:
        conditions["year"] = ("(" + " AND ".join(year) + ")", params)
    flag = None if filters.trafficking is None else int(filters.trafficking)
    for name, value in (("resolution", filters.resolution), ("kind", filters.kind), ("flag", flag)):
        if value is not None:
            target = column["number" if name == "resolution" else name]
            conditions[name] = (f"{target} = %s", [value])
    return conditions


def search_statement(
    *,
    columns: tuple[str, str, str, str, str, str],
    matches: str,
    score: str,
    compiled: str | None,
    filters: SearchFilters,
    sort: str,
    limit: int,
    offset: int,
    materialized: str = "",
    boost: str = "0",
    boost_params: tuple = (),
    score_params: tuple = (),
    grouped: bool = False,
) -> tuple[str, list]:
    """The whole search as one statement and its parameters.

    ``matches`` is the engine's ``FROM ... WHERE``, with one ``%s`` for the compiled query;
    ``columns`` are the expressions over it for ``MATCH_COLUMNS``: the paragraph's id, its
    resolution's number and year, its kind and position, and 1 when it addresses trafficking
    in persons, else 0. ``score`` ranks a match, higher is better.
    ``boost`` (1 or 0 per match, its ``%s`` filled from ``boost_params``) sorts before the
    score in relevance order: the engines set it for paragraphs holding the words together.

    The matches are collected once, each with a truth value per filter that is set, and then
    only counted: per (year, kind, flag) for the facet grid, per resolution for the resolutions
    with most matches. Nothing is joined to them: the paragraph and resolution tables are read
    only for the page's hits (what ``HIT_*_FIELDS`` name, so no second query loads them) and
    for the symbols of the ten resolutions listed. Only a match that passes every filter can be
    on the page, so only those are scored: under a filter, ranking costs what the filtered
    results cost. Rows come back as ``ROW_COLUMNS``.

    ``grouped`` pages through wordings instead of paragraphs: the matches passing every filter
    are grouped by their lineage origin (``_origin_ctes``), one hit per group (its earliest
    paragraph), with a row counting the wordings and, for each wording on the page, a row
    with its origin and figures and a row per repeating paragraph. The facets still count
    paragraphs.
    """
    column = dict(zip(MATCH_COLUMNS, columns, strict=True))
    selected_columns = ", ".join(f"{sql} AS {name}" for name, sql in column.items())
    conditions = _conditions(filters, column)
    # In the order of the placeholders in the text.
    params: list = []
    score_sql, boost_sql = score, boost
    if conditions:
        passes = " AND ".join(sql for sql, _ in conditions.values())
        passes_params = [value for _, values in conditions.values() for value in values]
        score_sql = f"CASE WHEN {passes} THEN {score} END"
        params += passes_params
        params += score_params
        if boost_params:
            boost_sql = f"CASE WHEN {passes} THEN {boost} ELSE 0 END"
            params += passes_params
    else:
        params += score_params
    params += boost_params
    # A set filter's truth value is computed once per match, as a column; an unset one is the
    # constant NO_FILTER wherever it is used, so it costs the matches nothing to carry and the
    # grid nothing to group by (a truth value depends on its own column: it adds no groups).
    ok = dict.fromkeys(("year", "resolution", "kind", "flag"), NO_FILTER)
    truth_columns = ""
    for name, (sql, values) in conditions.items():
        ok[name] = f"{name}_ok"
        truth_columns += f", {sql} AS {name}_ok"
        params += values
    if compiled is not None:
        params.append(compiled)
    elif len(conditions) > 1:
        # Browsing: every facet counts the rows passing every filter but its own, so a row
        # failing two filters counts nowhere. Leaving those out keeps the facets exact and
        # makes a narrow listing ("trafficking, 2017") cost what it lists, not the archive.
        failing_one = " + ".join(
            f"CASE WHEN {sql} THEN 1 ELSE 0 END" for sql, _ in conditions.values()
        )
        matches += f" AND ({failing_one}) >= {len(conditions) - 1}"
        params += [value for _, values in conditions.values() for value in values]
    params += [limit, offset]
    grid_keys = ["year", "kind", "flag"]
    grid_keys += [ok[name] for name in ("year", "kind", "flag") if ok[name] != NO_FILTER]
    passes_all = f"{ok['year']} AND {ok['resolution']} AND {ok['kind']} AND {ok['flag']}"
    if sort == DATE:
        page_columns = "id, score, year, number, position"
        order = "year DESC, number DESC, position ASC"
    elif sort == DOCUMENT:
        page_columns = "id, score, number, position"
        order = "number ASC, position ASC"
    elif sort == AGREED:
        page_columns = "id, score, origin_number, origin_position, number, position"
        order = "origin_number ASC, origin_position ASC, number ASC, position ASC, id ASC"
    else:
        page_columns = "id, score, boost"
        order = "boost DESC, score DESC, id ASC"
    source, origin_ctes = "matches", ""
    if grouped or sort == AGREED:
        source, origin_ctes = _origin_ctes(passes_all, grouped=grouped, agreed=sort == AGREED)
        passes_all = NO_FILTER  # the filters were applied in the CTEs
    if grouped:
        # The group's figures under the names the orders use (a name in ORDER BY is the
        # output column's first, on both engines).
        page_columns = (
            "id, origin, group_score AS score, group_boost AS boost, latest_year, latest_number,"
            " number, position"
        )
        if sort == AGREED:
            page_columns += ", origin_number, origin_position"
        order = GROUP_ORDERS.get(sort, GROUP_ORDERS[RELEVANCE])
        passes_all = "nth = 1"
    page_order = ", ".join(f"page.{term}" for term in order.split(", "))
    hit_columns = ", ".join(
        [f"p.{name}" for name in HIT_PARAGRAPH_FIELDS]
        + [f"r.{name}" for name in HIT_RESOLUTION_FIELDS]
    )
    # An origin's or a member's fields: what a hit shows, less the text (never shown).
    listed_columns = ", ".join(
        [
            f"p.{name}" if name not in ("text", "structure") else "NULL"
            for name in HIT_PARAGRAPH_FIELDS
        ]
        + [f"r.{name}" for name in HIT_RESOLUTION_FIELDS]
    )
    no_hit_columns = ", ".join(["NULL"] * (len(HIT_PARAGRAPH_FIELDS) + len(HIT_RESOLUTION_FIELDS)))
    selected = ""
    if filters.resolution is not None:
        # The chosen resolution stays listed even when it is not among the top ones.
        selected = f"""
                UNION ALL
                SELECT number, COUNT(*) FROM matches
                WHERE {ok["year"]} AND {ok["kind"]} AND {ok["flag"]} AND {ok["resolution"]}
                GROUP BY number"""
    wordings = ""
    if grouped:
        # How many wordings; for each on the page, its origin's citation, how many matching
        # paragraphs and later resolutions repeat it, and the first MEMBERS_SHOWN of them.
        wordings = f"""
        UNION ALL
        SELECT 'wordings', NULL, NULL, NULL, NULL, NULL, NULL, COUNT(*), NULL, NULL, NULL,
               {no_hit_columns}
        FROM grouped WHERE nth = 1
        UNION ALL
        SELECT 'group', spread.origin, NULL, NULL, NULL, NULL, NULL, spread.later,
               spread.paragraphs, NULL, NULL, {listed_columns}
        FROM (
            SELECT g.origin AS origin, COUNT(*) AS paragraphs,
                   COUNT(DISTINCT CASE WHEN g.number <> page.number THEN g.number END) AS later
            FROM page JOIN grouped AS g ON g.origin = page.origin
            GROUP BY g.origin
        ) AS spread
        JOIN resolutions_paragraph AS p ON p.id = spread.origin
        JOIN resolutions_resolution AS r ON r.id = p.resolution_id
        UNION ALL
        SELECT 'member', g.id, NULL, g.origin, NULL, NULL, NULL, NULL, NULL, NULL, g.nth,
               {listed_columns}
        FROM page JOIN grouped AS g ON g.origin = page.origin
        JOIN resolutions_paragraph AS p ON p.id = g.id
        JOIN resolutions_resolution AS r ON r.id = p.resolution_id
        WHERE g.nth BETWEEN 2 AND {MEMBERS_SHOWN + 1}"""
    hit_origin = "page.origin" if grouped else "NULL"
    sql = f"""
        WITH matches AS {materialized} (
            SELECT {selected_columns}, {score_sql} AS score, {boost_sql} AS boost{truth_columns}
            {matches}
        ),{origin_ctes}
        page AS (
            SELECT {page_columns} FROM {source}
            WHERE {passes_all}
            ORDER BY {order} LIMIT %s OFFSET %s
        ),
        listed AS (
            SELECT number, n FROM (
                SELECT number, COUNT(*) AS n FROM matches
                WHERE {ok["year"]} AND {ok["kind"]} AND {ok["flag"]}
                GROUP BY number ORDER BY n DESC, number DESC LIMIT {TOP_RESOLUTIONS}
            ) AS top{selected}
        )
        SELECT 'hit', page.id, NULL, {hit_origin}, NULL, NULL, NULL, NULL, NULL, page.score,
               ROW_NUMBER() OVER (ORDER BY {page_order}), {hit_columns}
        FROM page
        JOIN resolutions_paragraph AS p ON p.id = page.id
        JOIN resolutions_resolution AS r ON r.id = p.resolution_id
        UNION ALL
        SELECT 'grid', year, kind, flag, {ok["year"]}, {ok["kind"]}, {ok["flag"]},
               SUM(CASE WHEN {ok["resolution"]} THEN 1 ELSE 0 END), COUNT(*), NULL, NULL,
               {no_hit_columns}
        FROM matches GROUP BY {", ".join(grid_keys)}
        UNION ALL
        SELECT 'resolution', listed.number, r.symbol, NULL, NULL, NULL, NULL, listed.n,
               NULL, NULL, NULL, {no_hit_columns}
        FROM listed JOIN resolutions_resolution AS r ON r.number = listed.number{wordings}
    """
    return sql, params


# Groups (one per wording) in each sort: relevance by their best match; newest first by their
# newest match; document order and earliest agreed by their earliest (the hit shown).
GROUP_ORDERS = {
    RELEVANCE: "boost DESC, score DESC, id ASC",
    DATE: "latest_year DESC, latest_number DESC, number ASC, position ASC, id ASC",
    DOCUMENT: "number ASC, position ASC, id ASC",
    AGREED: "origin_number ASC, origin_position ASC, number ASC, position ASC, id ASC",
}


def _origin_ctes(passes: str, *, grouped: bool, agreed: bool) -> tuple[str, str]:
    """The CTEs giving each match passing every filter its wording's origin, and the name of
    the one the page reads.

    ``passing``: the matches passing ``passes``, each with ``origin``, the paragraph its
    LineageLink row marks as origin (its own id when it has none: it is its own origin), and
    for ``agreed`` the origin's resolution number and position. ``grouped`` (when grouping):
    each with its place among its wording's matches (``nth``, earliest first: 1 is the hit
    shown) and the group's figures every sort needs. Only what passes every filter is looked
    up, so the lineage costs what the filtered results cost.
    """
    # Correlated lookups, not joins: each passing match probes the LineageLink index once.
    # As a LEFT JOIN, PostgreSQL's planner (which cannot tell how few matches pass) chose to
    # hash the whole lineage table, several times the cost of a search under a filter.
    origin_of = f"""(
                SELECT {{column}} FROM {LINEAGE_TABLE} AS l{{joins}}
                WHERE l.paragraph_id = m.id AND l.origin AND l.source_id IS NOT NULL
                LIMIT 1)"""
    columns = "m.id, m.score, m.boost, m.year, m.number, m.position, "
    columns += f"COALESCE({origin_of.format(column='l.source_id', joins='')}, m.id) AS origin"
    if agreed:
        joins = """
                JOIN resolutions_paragraph AS op ON op.id = l.source_id
                JOIN resolutions_resolution AS orr ON orr.id = op.resolution_id"""
        number = origin_of.format(column="orr.number", joins=joins)
        position = origin_of.format(column="op.position", joins=joins)
        columns += (
            f", COALESCE({number}, m.number) AS origin_number,"
            f" COALESCE({position}, m.position) AS origin_position"
        )
    ctes = f"""
        passing AS (
            SELECT {columns}
            FROM matches AS m
            WHERE {passes}
        ),"""
    if not grouped:
        return "passing", ctes
    # One window, so one sort of the passing matches: the place in the group and the group's
    # figures (over the whole partition) come from the same pass on both engines.
    ctes += """
        grouped AS (
            SELECT passing.*, ROW_NUMBER() OVER wording AS nth,
                   MAX(score) OVER wording AS group_score, MAX(boost) OVER wording AS group_boost,
                   MAX(year) OVER wording AS latest_year,
                   MAX(number) OVER wording AS latest_number
            FROM passing
            WINDOW wording AS (
                PARTITION BY origin ORDER BY number ASC, position ASC, id ASC
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
        ),"""
    return "grouped", ctes


# (row, number, text, flag, year_ok, kind_ok, flag_ok, n, n_all, score, place), then for a hit
# the HIT_PARAGRAPH_FIELDS and HIT_RESOLUTION_FIELDS; "number" is a paragraph id for a hit, a
# year for the grid, a resolution number for a resolution.
COUNT_COLUMNS = 11
ROW_COLUMNS = COUNT_COLUMNS + len(HIT_PARAGRAPH_FIELDS) + len(HIT_RESOLUTION_FIELDS)


def read_counts(rows) -> Counts:
    """Sort the statement's rows into :class:`Counts`; each facet ignores its own filter."""
    counts = Counts()
    hits: list[tuple[int, float, tuple, tuple, int | None]] = []
    members: dict[int, list[tuple[int, tuple, tuple]]] = {}
    split = COUNT_COLUMNS + len(HIT_PARAGRAPH_FIELDS)
    for values in rows:
        head = values[:COUNT_COLUMNS]
        row, number, text, flag, year_ok, kind_ok, flag_ok, n, n_all, score, place = head
        fields = (values[COUNT_COLUMNS:split], values[split:])
        if row == "hit":
            hits.append((place, float(score), *fields, flag))
            continue
        if row == "member":
            members.setdefault(flag, []).append((place, *fields))
            continue
        n = int(n)  # PostgreSQL's SUM of integers is a numeric: a Decimal here
        if row == "wordings":
            counts.total_wordings = n
        elif row == "group":
            counts.wordings[number] = Wording(origin=fields, paragraphs=int(n_all), later=n)
        elif row == "grid":
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
    hits.sort(key=lambda hit: hit[0])
    counts.hits = [hit[1:4] for hit in hits]
    counts.origins = [hit[4] for hit in hits if hit[4] is not None]
    for origin, listed in members.items():
        if origin in counts.wordings:
            counts.wordings[origin].members = [m[1:] for m in sorted(listed, key=lambda m: m[0])]
    return counts
