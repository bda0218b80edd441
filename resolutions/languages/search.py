"""Search the paragraphs' texts in one of the five other languages, on either engine.

The query is analysed by :mod:`resolutions.languages.analysis` (the same analysis the ingest
gave the texts) into groups of tokens, every group required; a group is one word, or a
Chinese run as the phrase of its character pairs. The groups travel as bound parameters only.

* SQLite: an FTS5 match string over ``resolutions_paragraphtext_fts`` (each token quoted,
  quotes doubled, so no input is FTS syntax), ranked by ``bm25``.
* PostgreSQL: ``plainto_tsquery`` with the language's configuration (``french``,
  ``spanish``, ``russian``; ``simple`` over the analysed text for Arabic), Chinese as
  ``phraseto_tsquery('simple', ...)`` of each run's pairs, joined with ``&&``; ranked by
  ``ts_rank_cd``.

Example::

    page = language_search(language="fr", query="traite des personnes", page=1)
    page.total, [(hit.number, hit.pid) for hit in page.hits]
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.languages.analysis import marks, query_groups

PER_PAGE = 20
MAX_GROUPS = 12  # words (or Chinese runs) of a query that are searched; the rest are ignored
QUERY_MAX = 300  # characters of a query read
SNIPPET_CHARS = 240
POSTGRES_CONFIGS = {"fr": "french", "es": "spanish", "ru": "russian"}


@dataclass(frozen=True)
class LanguageHit:
    number: int
    symbol: str
    pid: str
    text: str
    snippet: SafeString


@dataclass(frozen=True)
class LanguageResults:
    query: str
    total: int
    hits: list[LanguageHit]
    page: int
    pages: int


def _fts_match(groups: list[list[str]]) -> str:
    """FTS5: every group required; a group is a phrase of quoted tokens; a one-character
    Chinese query is a prefix of the pairs."""
    parts = []
    for group in groups:
        phrase = " ".join(token.replace('"', '""') for token in group)
        single_cjk = len(group) == 1 and len(group[0]) == 1 and not group[0].isascii()
        parts.append(f'"{phrase}"*' if single_cjk else f'"{phrase}"')
    return " AND ".join(parts)


def _sqlite(language: str, groups, offset: int, query: str) -> tuple[int, list[tuple]]:
    # CROSS JOIN: SQLite's planner otherwise walks every row of the language by its index and
    # asks the FTS table about each (1-3 s); the match first, then the language, takes ms.
    match = _fts_match(groups)
    base = """
        FROM resolutions_paragraphtext_fts AS f
        CROSS JOIN resolutions_paragraphtext AS t ON t.id = f.rowid
        WHERE resolutions_paragraphtext_fts MATCH %s AND t.language = %s"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*)" + base, [match, language])
        total = cursor.fetchone()[0]
        cursor.execute(
            """SELECT r.number, r.symbol, p.pid, t.text FROM (
                   SELECT t.paragraph_id, t.text, bm25(resolutions_paragraphtext_fts) AS score"""
            + base
            # Ties broken by the row: pages of equal scores never skip or repeat a hit.
            + """ ORDER BY score, t.paragraph_id LIMIT %s OFFSET %s) AS t
               JOIN resolutions_paragraph AS p ON p.id = t.paragraph_id
               JOIN resolutions_resolution AS r ON r.id = p.resolution_id
               ORDER BY t.score, t.paragraph_id""",
            [match, language, PER_PAGE, offset],
        )
        return total, cursor.fetchall()


def _postgres(language: str, groups, offset: int, query: str) -> tuple[int, list[tuple]]:
    if language == "zh":
        parts, params = [], []
        for group in groups:
            if len(group) == 1 and len(group[0]) == 1 and not group[0].isascii():
                parts.append("to_tsquery('simple', quote_literal(%s) || ':*')")
            else:
                parts.append("phraseto_tsquery('simple', %s)")
            params.append(" ".join(group))
        tsquery = " && ".join(parts)
    else:
        config = POSTGRES_CONFIGS.get(language, "simple")
        # French, Spanish, Russian: PostgreSQL analyses the query with the language's
        # configuration; Arabic: the analysed words (its Snowball stems), as indexed.
        text = " ".join(g[0] for g in groups) if language == "ar" else query
        tsquery, params = f"plainto_tsquery('{config}', %s)", [text]
    base = f"""
        FROM resolutions_paragraphtext AS t, ({"SELECT " + tsquery}) AS q(query)
        WHERE t.language = %s AND t.search_vector @@ q.query"""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*)" + base, [*params, language])
        total = cursor.fetchone()[0]
        cursor.execute(
            """SELECT r.number, r.symbol, p.pid, t.text FROM (
                   SELECT t.paragraph_id, t.text, ts_rank_cd(t.search_vector, q.query) AS score"""
            + base
            # Ties broken by the row: ts_rank_cd gives many equal scores, and a page cut
            # through them must neither skip nor repeat a hit.
            + """ ORDER BY score DESC, t.paragraph_id LIMIT %s OFFSET %s) AS t
               JOIN resolutions_paragraph AS p ON p.id = t.paragraph_id
               JOIN resolutions_resolution AS r ON r.id = p.resolution_id
               ORDER BY t.score DESC, t.paragraph_id""",
            [*params, language, PER_PAGE, offset],
        )
        return total, cursor.fetchall()


def snippet(language: str, text: str, query: str) -> SafeString:
    """Up to SNIPPET_CHARS of the text around the first match, the matches in ``<mark>``:
    each piece escaped, then wrapped (never marked up first)."""
    found = marks(language, text, query)
    start = 0
    if found and found[0][0] > SNIPPET_CHARS // 3:
        start = found[0][0] - SNIPPET_CHARS // 3
    end = min(len(text), start + SNIPPET_CHARS)
    out = ["…" if start else ""]
    at = start
    for a, b in found:
        if a < at or b > end:
            continue
        out.append(escape(text[at:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        at = b
    out.append(escape(text[at:end]))
    out.append("…" if end < len(text) else "")
    return mark_safe("".join(out))  # every piece of text escaped above


def language_search(*, language: str, query: str, page: int = 1) -> LanguageResults:
    """Ranked paragraphs of ``language`` matching every word of ``query``; never raises on
    any input (nothing to search for is an empty result)."""
    query = query[:QUERY_MAX].replace("\x00", " ")
    groups = [g for g in query_groups(language, query) if g][:MAX_GROUPS]
    if not groups:
        return LanguageResults(query=query, total=0, hits=[], page=1, pages=0)
    page = max(1, page)
    offset = (page - 1) * PER_PAGE
    run = _postgres if connection.vendor == "postgresql" else _sqlite
    total, rows = run(language, groups, offset, query)
    hits = [
        LanguageHit(number, symbol, pid, text, snippet(language, text, query))
        for number, symbol, pid, text in rows
    ]
    pages = (total + PER_PAGE - 1) // PER_PAGE
    return LanguageResults(query=query, total=total, hits=hits, page=page, pages=pages)
