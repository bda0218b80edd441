"""Rebuild the vocabulary "did you mean" and partial matches read (``resolutions.search.words``).

Derived data, computed at ingest from every paragraph's text: run at the end of an ingest that
changed something (or found the vocabulary empty), inside its transaction. About two seconds
for the whole UN corpus (49,000 paragraphs, 14,500 words).

Example::

    >>> search_words_rebuild()  # doctest: +SKIP
    14531
"""

from __future__ import annotations

from collections import Counter

from django.db import connection, transaction

from resolutions.models import Paragraph
from resolutions.search.index import WORD_TABLE
from resolutions.search.words import vocabulary_rows, vocabulary_words

BATCH = 1_000  # rows per INSERT: 3,000 parameters, well within SQLite's limit


def search_words_rebuild() -> int:
    """Count every word of every paragraph once per paragraph; replace the stored vocabulary.

    Returns the number of distinct words.
    """
    counts: Counter[str] = Counter()
    total = 0
    for text in Paragraph.objects.values_list("text", flat=True).iterator(chunk_size=2_000):
        counts.update(vocabulary_words(text))
        total += 1
    rows = list(vocabulary_rows(counts, total=total))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {WORD_TABLE}")
        # Many rows per INSERT: one round trip per batch, not per row.
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            values = ", ".join(["(%s, %s, %s)"] * len(batch))
            cursor.execute(
                f"INSERT INTO {WORD_TABLE} (key, word, paragraphs) VALUES {values}",
                [value for row in batch for value in row],
            )
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner reads the whole table for a few keys.
            cursor.execute(f"ANALYZE {WORD_TABLE}")
    return len(counts)


def search_words_missing() -> bool:
    """True when the vocabulary is empty while there are paragraphs (first ingest after 0007)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {WORD_TABLE} LIMIT 1")
        empty = cursor.fetchone() is None
    return empty and Paragraph.objects.exists()
