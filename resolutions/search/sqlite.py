"""SQLite: the query tree compiled to an FTS5 match string, run against an external-content index.

The index (migration 0002) is ``resolutions_paragraph_fts``: FTS5 over ``resolutions_paragraph
.text`` with the ``porter unicode61 remove_diacritics 2`` tokenizer (English stems, case and
accents folded), kept in step by triggers. Every word goes into the match string double-quoted,
with embedded quotes doubled, so FTS5 syntax (``NEAR(``, ``title:``, ``^``, ``*``) typed by a
person is only ever text and can never raise; the string is one bound parameter.

Example::

    >>> from resolutions.search.query import parse_query
    >>> compile_match(parse_query('trafficking "supply chains" -labour').tree)
    '("trafficking" AND "supply chains") NOT "labour"'
"""

from __future__ import annotations

from resolutions.search.query import And, Node, Not, Or, Phrase, Prefix, Term

FTS_TABLE = "resolutions_paragraph_fts"
# The paragraph's columns from the covering index of migration 0002, the resolution's by rowid.
COLUMNS = (
    "p.id",
    "r.number",
    "r.year",
    "p.kind",
    "p.position",
    "CASE WHEN p.addresses_trafficking THEN 1 ELSE 0 END",
)
# 1 for a match that also holds the typed words as a phrase. The subquery is not correlated,
# so SQLite runs it once into a temporary b-tree ("LIST SUBQUERY" in EXPLAIN QUERY PLAN) and
# each match costs one lookup; the phrase is one more bound parameter.
BOOST = f"""CASE WHEN p.id IN (
    SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) THEN 1 ELSE 0 END"""


def quote(text: str) -> str:
    """An FTS5 string: whatever is inside is tokenised as a phrase, never parsed as syntax.

    >>> quote('a"b NEAR(')
    '"a""b NEAR("'
    """
    return '"' + text.replace('"', '""') + '"'


def compile_match(node: Node) -> str:
    """The tree as an FTS5 query expression ("" for an empty tree, which is never run)."""
    if isinstance(node, Term):
        return quote(node.text)
    if isinstance(node, Prefix):
        # The porter tokenizer stems what it indexes but not a prefix, so "procure*" would miss
        # "procurement" (indexed as "procur"). Also matching the stemmed word catches that.
        return f"({quote(node.text)} * OR {quote(node.text)})"
    if isinstance(node, Phrase):
        return quote(" ".join(node.words))
    if isinstance(node, Or):
        return "(" + " OR ".join(compile_match(c) for c in node.children) + ")"
    if isinstance(node, And):
        wanted = [compile_match(c) for c in node.children if not isinstance(c, Not)]
        unwanted = [compile_match(c.child) for c in node.children if isinstance(c, Not)]
        # FTS5's NOT is binary ("a NOT b"), so exclusions follow the bracketed positives.
        text = " AND ".join(wanted)
        if unwanted and len(wanted) > 1:
            text = f"({text})"
        return text + "".join(f" NOT {u}" for u in unwanted)
    if isinstance(node, Not):
        return compile_match(node.child)  # never at the top: the parser empties such trees
    return ""


class SQLiteEngine:
    """FTS5 ranked by bm25, joined to the paragraphs (never a ``pk__in`` that would lose order).

    What :func:`resolutions.search.base.run_search` needs: see ``Engine`` there. CROSS JOIN pins
    the join order: the index drives and paragraphs are looked up by rowid, in the narrow
    covering index of migration 0002 rather than the wide rows. bm25() is lower-is-better;
    negated so that every engine's score is higher-is-better. SQLite (3.35+) materialises a CTE
    used more than once without being told to.
    """

    vendor = "sqlite"
    columns = COLUMNS
    matches = f"""
        FROM {FTS_TABLE}
        CROSS JOIN resolutions_paragraph AS p ON p.id = {FTS_TABLE}.rowid
        CROSS JOIN resolutions_resolution AS r ON r.id = p.resolution_id
        WHERE {FTS_TABLE} MATCH %s"""
    score = f"-bm25({FTS_TABLE})"
    boost = BOOST
    materialized = ""
    browse = """
        FROM resolutions_paragraph AS p
        CROSS JOIN resolutions_resolution AS r ON r.id = p.resolution_id
        WHERE 1 = 1"""
    contains = BOOST

    def compile(self, tree: Node) -> str:
        return compile_match(tree)
