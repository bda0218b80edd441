"""Search results as CSV: every hit of a query, not one page, streamed row by row.

In: the search's query and filters (validated by the search package). Out: CSV lines (UTF-8
with a byte-order mark, so spreadsheet programs read the UN's curly quotes and accents).
The search package is called page by page (its largest page, in its own stable order), so
the whole result never sits in memory; the rows are capped at :data:`MAX_ROWS` and the
response says so in a header when a query has more hits.

Example::

    >>> csv_header()[:5]
    ['symbol', 'number', 'year', 'adopted_on', 'paragraph']
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from resolutions.exports.links import absolute
from resolutions.exports.selectors import resolution_dates
from resolutions.search import MAX_PER_PAGE, SearchResults, search_paragraphs

MAX_ROWS = 50_000
COLUMNS = ("symbol", "number", "year", "adopted_on", "paragraph", "label", "kind", "text", "url")


def csv_header() -> list[str]:
    return list(COLUMNS)


def first_page(*, query: str, filters, sort: str) -> SearchResults:
    """The first page of the search: its ``total`` decides the size of the download."""
    return search_paragraphs(query=query, filters=filters, sort=sort, per_page=MAX_PER_PAGE)


def _line(row: list) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(row)
    return out.getvalue()


def csv_lines(
    first: SearchResults, *, query: str, origin: str, limit: int | None = None
) -> Iterator[str]:
    """The header, then one line per hit, fetching the following pages as they are needed."""
    limit = MAX_ROWS if limit is None else limit
    yield "\ufeff" + _line(csv_header())
    results, written = first, 0
    while True:
        dates = resolution_dates(ids=[hit.paragraph.resolution_id for hit in results.hits])
        for hit in results.hits:
            if written >= limit:
                return
            paragraph, resolution = hit.paragraph, hit.paragraph.resolution
            yield _line(
                [
                    resolution.symbol,
                    resolution.number,
                    resolution.year,
                    _iso(dates.get(resolution.pk, (None, None))[1]),
                    paragraph.pid,
                    hit.label,
                    paragraph.kind,
                    paragraph.text,
                    absolute(paragraph.get_absolute_url(), origin=origin),
                ]
            )
            written += 1
        if not results.has_next or written >= limit:
            return
        results = search_paragraphs(
            query=query,
            filters=first.filters,
            sort=first.sort,
            page=results.page + 1,
            per_page=MAX_PER_PAGE,
        )


def _iso(day) -> str:
    return day.isoformat() if day else ""
