"""PostgreSQL: the query tree compiled to a tsquery string over a stored, weighted tsvector.

Searches read ``resolutions_paragraph_search`` (migration 0003), a narrow table kept in step
with the paragraphs by triggers: per paragraph, ``setweight(to_tsvector('archive_english',
text), 'A')`` with a GIN index, and the columns the filters and facets need (kind, position,
trafficking flag, the resolution's number and year), so ranking thousands of matches never
reads the wide paragraph rows. ``archive_english`` (migration 0002) is PostgreSQL's ``english``
configuration with two changes: ``unaccent`` runs before the stemmer (so "Cote" finds "Côte"),
and the Snowball stemmer keeps stop words, so a quoted phrase "in persons" matches as it does
on SQLite. The compiled string is one bound parameter to ``to_tsquery``; each word is a quoted
lexeme, so ``&``, ``|``, ``!``, ``:`` and ``\\`` typed by a person are text, never operators.

Example::

    >>> from resolutions.search.query import parse_query
    >>> compile_tsquery(parse_query('trafficking "supply chains" -labour').tree)
    "'trafficking' & ('supply' <-> 'chains') & !'labour'"
"""

from __future__ import annotations

from resolutions.search.query import And, Node, Not, Or, Phrase, Prefix, Term

CONFIG = "archive_english"
SEARCH_TABLE = "resolutions_paragraph_search"
RANDOM_PAGE_COST = 1.1  # see plan_for_memory
COLUMNS = (
    "p.id",
    "p.number",
    "p.year",
    "p.kind",
    "p.position",
    "CASE WHEN p.addresses_trafficking THEN 1 ELSE 0 END",
)
# ts_rank_cd normalisation 16: divide by 1 + log(number of distinct words), so a short paragraph
# about the words outranks a long one that mentions them in passing (as bm25 does on SQLite).
# Unlike 1 (1 + log(length)), it reads a count from the tsvector's header instead of walking
# every position: a fifth less time ranking a common word.
RANK_NORMALISATION = 16
# 1 for a match that also holds the typed words as a phrase. to_tsquery(regconfig, text) is
# immutable, so with the literal the planner folds it to a constant once; each match then
# costs one more test of the tsvector it already reads for ts_rank_cd.
BOOST = f"CASE WHEN p.search_vector @@ to_tsquery('{CONFIG}', %s) THEN 1 ELSE 0 END"


def lexeme(word: str) -> str:
    """A quoted tsquery operand; PostgreSQL's own parser and dictionaries still normalise it.

    >>> lexeme("it's")
    "'it''s'"
    """
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def compile_tsquery(node: Node) -> str:
    """The tree as a ``to_tsquery`` input string ("" for an empty tree, which is never run)."""
    if isinstance(node, Term):
        return lexeme(node.text)
    if isinstance(node, Prefix):
        return lexeme(node.text) + ":*"
    if isinstance(node, Phrase):
        if len(node.words) == 1:
            return lexeme(node.words[0])
        return "(" + " <-> ".join(lexeme(w) for w in node.words) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(compile_tsquery(c) for c in node.children) + ")"
    if isinstance(node, And):
        return " & ".join(compile_tsquery(c) for c in node.children)
    if isinstance(node, Not):
        return "!" + compile_tsquery(node.child)
    return ""


def plan_for_memory(sender, connection, **kwargs) -> None:
    """On each new PostgreSQL connection: tell the planner that pages are in memory.

    The archive fits in memory, where a random page read costs about what a sequential one
    does. With PostgreSQL's default ``random_page_cost`` (4, for spinning disks) the planner
    reads every row to find a word in more than a few percent of paragraphs instead of using
    the GIN index, 3-5 times slower. Sent once per connection (``connection_created``, wired in
    ``ResolutionsConfig.ready``), it costs searches nothing; a session setting also passes
    through connection poolers, which refuse startup options. Behind a pooler in transaction
    mode, set ``random_page_cost`` on the server instead.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")


class PostgresEngine:
    """tsvector @@ tsquery ranked by ts_rank_cd over the narrow search table, read once.

    What :func:`resolutions.search.base.run_search` needs: see ``Engine`` there.
    """

    vendor = "postgresql"
    columns = COLUMNS
    matches = f"""
        FROM {SEARCH_TABLE} AS p, to_tsquery('{CONFIG}', %s) AS query
        WHERE p.search_vector @@ query"""
    score = f"ts_rank_cd(p.search_vector, query, {RANK_NORMALISATION})::float8"
    boost = BOOST
    materialized = "MATERIALIZED"
    browse = f"""
        FROM {SEARCH_TABLE} AS p
        WHERE p.number IS NOT NULL"""
    contains = BOOST

    def compile(self, tree: Node) -> str:
        return compile_tsquery(tree)
