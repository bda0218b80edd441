"""The archive's own vocabulary: "did you mean", and how rare each word of a query is.

At ingest (``resolutions.services.search_words``), every word of every paragraph -- folded as
the indexes hold it (:mod:`.spelling`) -- is counted once per paragraph that holds it, and
stored in ``resolutions_search_word`` under *keys*: the word itself, and (for words of
:data:`MIN_LENGTH` letters or more) the word less any one letter. A typed word's own keys then
find, by index lookups alone, every word within one edit of it, and most within two (a
symmetric-delete index): ``traficking`` and ``trafficing`` both share a key with
``trafficking``. No request reads the whole vocabulary.

A typed word is corrected when the archive does not hold it as typed (or holds it in at most
:data:`RARE` paragraphs while the correction is in :data:`MORE_COMMON` times as many), a
candidate is at most two edits away, and the candidate is not merely another form of the same
word (``exploitations`` is found by ``exploitation`` anyway: both search the same stem).

Example::

    >>> "traficking" in keys("trafficking") and "traficking" in keys("traficking")
    True
    >>> edit_distance("traficking", "trafficking"), edit_distance("tarfficking", "trafficking")
    (1, 1)
"""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from resolutions.search.base import read_connection
from resolutions.search.index import WORD_TABLE
from resolutions.search.spelling import words

MIN_LENGTH = 4  # shorter words get no deletion keys: too many neighbours to guess between
MAX_LENGTH = 40  # longer "words" are codes or garbage: not stored
RARE = 2  # a word in at most this many paragraphs may be a misspelling ...
MORE_COMMON = 50  # ... of a word in this many times as many
TOTAL_KEY = ""  # the row under this key counts the paragraphs, not a word


def vocabulary_words(text: str) -> set[str]:
    """The words of a paragraph as the vocabulary keeps them: folded, letters only.

    >>> sorted(vocabulary_words("The Organisation's 2 programmes, Côte"))
    ['côte', 'organization', 'programs', 's', 'the']
    """
    return {w.casefold() for w in words(text) if w.isalpha() and len(w) <= MAX_LENGTH}


def keys(word: str) -> set[str]:
    """The word, and for a long enough word the word less each one of its letters."""
    found = {word}
    if len(word) >= MIN_LENGTH:
        found.update(word[:i] + word[i + 1 :] for i in range(len(word)))
    return found


def vocabulary_rows(counts: Counter[str], *, total: int) -> Iterable[tuple[str, str, int]]:
    """(key, word, paragraphs) rows for ``resolutions_search_word``.

    The first row, under the empty key, counts every paragraph: how common a word is.
    """
    yield TOTAL_KEY, TOTAL_KEY, total
    for word, paragraphs in counts.items():
        for key in keys(word):
            yield key, word, paragraphs


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


@dataclass(frozen=True)
class WordCounts:
    """For each typed word (folded): how many paragraphs hold it, and a correction if any."""

    paragraphs: dict[str, int]
    corrections: dict[str, str]
    total: int = 0  # paragraphs in the archive when the vocabulary was built


def look_up(typed: Iterable[str]) -> WordCounts:
    """Counts and corrections for the typed words, in one indexed query."""
    wanted = {w.casefold() for w in typed if w.isalpha() and len(w) <= MAX_LENGTH}
    if not wanted:
        return WordCounts({}, {})
    lookup = sorted({TOTAL_KEY} | {key for word in wanted for key in keys(word)})
    placeholders = ", ".join(["%s"] * len(lookup))
    with read_connection().cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT word, paragraphs FROM {WORD_TABLE} WHERE key IN ({placeholders})",
            lookup,
        )
        found = dict(cursor.fetchall())
    total = found.pop(TOTAL_KEY, 0)
    paragraphs = {word: found.get(word, 0) for word in wanted}
    corrections = {}
    for word in wanted:
        if len(word) < MIN_LENGTH + 1 or paragraphs[word] > RARE:
            continue
        limit = 1 if len(word) < 7 else 2
        candidates = [
            (edit_distance(word, other), -count, other)
            for other, count in found.items()
            if other != word and count >= max(2, paragraphs[word] * MORE_COMMON)
        ]
        candidates = [c for c in candidates if c[0] <= limit]
        for _, _, other in sorted(candidates):
            if not same_stem(word, other):
                corrections[word] = other
            break
    return WordCounts(paragraphs, corrections, total)


_local = threading.local()


def same_stem(a: str, b: str) -> bool:
    """Do the indexes hold the two words as one (``exploitations``, ``exploitation``)?

    Asked of the Porter stemmer that SQLite's index and the highlighting use, in memory.
    """
    db = getattr(_local, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE stems USING fts5(text, tokenize='porter unicode61')")
        _local.db = db
    with db:
        db.execute("DELETE FROM stems")
        db.execute("INSERT INTO stems (text) VALUES (?)", (a,))
        quoted = '"' + b.replace('"', '""') + '"'
        return (
            db.execute("SELECT 1 FROM stems WHERE stems MATCH ?", (quoted,)).fetchone() is not None
        )
