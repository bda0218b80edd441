"""Safe highlighting: matched words wrapped in ``<mark>``, everything else escaped.

Matches are found by the FTS5 tokenizer the SQLite index uses (``porter unicode61
remove_diacritics 2``), run on a private in-memory SQLite database: the same stems, prefixes,
phrases, case and accent folding as the search, on either engine, with only the standard
library. (PostgreSQL's Snowball stemmer differs from Porter at the edges, so a PostgreSQL hit may
occasionally show one word fewer marked; the hit itself is right.)

The order is what makes it safe: private-use sentinels are put around matches in the raw text,
then the whole text is escaped, then the sentinels become ``<mark>`` tags. Markup is never added
before escaping, and sentinel characters already in a text are removed first.

Example::

    >>> from resolutions.search.query import parse_query
    >>> highlight("Trafficked <b>persons</b>", parse_query("trafficking").tree)
    '<mark>Trafficked</mark> &lt;b&gt;persons&lt;/b&gt;'
"""

from __future__ import annotations

import logging
import sqlite3
import threading

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from resolutions.search.query import Node, Or, leaves
from resolutions.search.spelling import fold, fold_tree
from resolutions.search.sqlite import compile_match

OPEN = "\ue000"
CLOSE = "\ue001"
WINDOW = 30  # words in a snippet
SLACK = 8  # a text at most this many words longer than the window is shown whole
ELLIPSIS = "…"

logger = logging.getLogger(__name__)
_local = threading.local()


def _scratch() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table, created on first use.

    As in the archive's index (:mod:`.index`), the texts are indexed folded (:mod:`.spelling`)
    over the printed texts as external content: ``highlight()`` marks the printed words at the
    positions the folded words matched (folding keeps every word in its place).
    """
    db = getattr(_local, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE printed (id INTEGER PRIMARY KEY, text TEXT)")
        db.execute(
            "CREATE VIRTUAL TABLE scratch USING fts5(text, content='printed', content_rowid='id',"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
        _local.db = db
    return db


def strip_sentinels(text: str) -> str:
    return text.replace(OPEN, "").replace(CLOSE, "")


def mark_matches(texts: list[str], tree: Node) -> list[str]:
    """Each text (sentinels removed) with OPEN/CLOSE around every match of any wanted word.

    Every word, prefix or phrase the query asks for is marked wherever it occurs, whether or
    not the whole query matches that text; excluded words are never marked.
    """
    texts = [strip_sentinels(text) for text in texts]
    wanted = leaves(tree)
    if not wanted or not texts:
        return texts
    match = compile_match(fold_tree(Or(tuple(wanted)) if len(wanted) > 1 else wanted[0]))
    if not match:
        return texts
    db = _scratch()
    try:
        with db:
            db.execute("DELETE FROM printed")
            db.execute("INSERT INTO scratch (scratch) VALUES ('delete-all')")
            rows = list(enumerate(texts))
            db.executemany("INSERT INTO printed (id, text) VALUES (?, ?)", rows)
            db.executemany(
                "INSERT INTO scratch (rowid, text) VALUES (?, ?)",
                [(i, fold(text)) for i, text in rows],
            )
            rows = db.execute(
                "SELECT rowid, highlight(scratch, 0, ?, ?) FROM scratch WHERE scratch MATCH ?",
                (OPEN, CLOSE, match),
            ).fetchall()
    except sqlite3.Error:  # pragma: no cover - quoting means FTS5 cannot reject the query
        logger.exception("highlighting failed for %r", match)
        return texts
    marked = dict(rows)
    return [marked.get(i, text) for i, text in enumerate(texts)]


def to_html(marked: str) -> SafeString:
    """Escape a sentinel-marked text, then turn the sentinels into ``<mark>`` tags."""
    html = escape(marked).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")
    return mark_safe(html)  # escaped just above: the only tags are our own


def highlight(text: str, tree: Node) -> SafeString:
    """The whole text escaped, with every match marked (the paragraph page's ``?q=``)."""
    return to_html(mark_matches([text], tree)[0])


def window(marked: str, size: int = WINDOW) -> str:
    """About ``size`` words around the densest cluster of marks, "…" where cut, marks balanced.

    >>> window(" ".join(["w"] * 50 + [OPEN + "x" + CLOSE] + ["w"] * 50), size=5)
    '… w w \\ue000x\\ue001 w w …'
    """
    words = marked.split()
    if len(words) <= size + SLACK:
        return " ".join(words)
    inside = _inside_mark(words)
    start = _best_start(inside, size)
    end = start + size
    # Re-open a mark cut at the start; close one cut at the end.
    depth_before = sum(w.count(OPEN) - w.count(CLOSE) for w in words[:start])
    chosen = words[start:end]
    text = (OPEN if depth_before > 0 else "") + " ".join(chosen)
    if depth_before + sum(w.count(OPEN) - w.count(CLOSE) for w in chosen) > 0:
        text += CLOSE
    return (
        (ELLIPSIS + " " if start > 0 else "") + text + (" " + ELLIPSIS if end < len(words) else "")
    )


def _inside_mark(words: list[str]) -> list[bool]:
    """For each word: is any of it marked?"""
    flags = []
    depth = 0
    for word in words:
        flags.append(depth > 0 or OPEN in word)
        depth += word.count(OPEN) - word.count(CLOSE)
    return flags


def _best_start(flags: list[bool], size: int) -> int:
    """Start of the window holding the most marked words, then centred on them."""
    if not any(flags):
        return 0
    best, best_count = 0, -1
    count = sum(flags[:size])
    for start in range(0, len(flags) - size + 1):
        if start:
            count += flags[start + size - 1] - flags[start - 1]
        if count > best_count:
            best, best_count = start, count
    marked = [i for i in range(best, best + size) if flags[i]]
    slack = size - (marked[-1] - marked[0] + 1)
    return max(0, min(marked[0] - slack // 2, len(flags) - size))


def snippets(texts: list[str], tree: Node) -> list[SafeString]:
    """One snippet per text, as safe HTML: a window around the matches, escaped, marked.

    >>> from resolutions.search.query import parse_query
    >>> snippets(["a <script> b trafficked c"], parse_query("trafficking").tree)
    ['a &lt;script&gt; b <mark>trafficked</mark> c']
    """
    return [to_html(window(marked)) for marked in mark_matches(texts, tree)]
