"""Page furniture: the running header, page number and job number around a page's text.

Why: every printed page of a UN resolution carries its symbol at the top ("S/RES/2388
(2017)"), and at the foot its page number ("7/8") and the UN's job number ("17-20704"),
in either order. The PDF extraction does not always keep them in place: the page number can
land between a paragraph number and its text ("24." / "8/8" / "Decides ..."). This module
reads them and hands back the body lines, each with its line number in the file.

Example::

    >>> page = parse_page("p7.txt", "S/RES/2388 (2017)\\n24. Requests ...;\\n17-20704\\n7/8")
    >>> (page.symbol, page.page, page.total, page.job_number, page.body)
    ('S/RES/2388 (2017)', 7, 8, '17-20704', ((2, '24. Requests ...;'),))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resolutions.parsing.document import ParseError, find_symbol_problem

SYMBOL_HEADER = re.compile(
    r"""
    ^(?:United\ Nations\s+)?        # page 1 prints the organisation's name before the symbol
    S/RES/(?P<number>\d{1,4})       # the resolution's number
    \s*\((?P<year>(?:19|20)\d\d)\)  # its year, in brackets
    \s*$
    """,
    re.VERBOSE,
)
PAGE_NUMBER = re.compile(
    r"""
    ^(?P<page>\d{1,3})      # this page
    /(?P<total>\d{1,3})$    # of how many
    """,
    re.VERBOSE,
)
JOB_NUMBER = re.compile(
    r"""
    ^(?P<job>\d{2}-\d{5})   # the UN's job number: year and serial ("17-20704")
    (?:\s*\([A-Z]\))?      # page 1 adds the language: "17-20704 (E)"
    (?:\s+[0-3]\d[01]\d\d\d)?$  # and may print the processing date beside it: "211117"
    """,
    re.VERBOSE,
)
FIRST_PAGE_NOISE = re.compile(
    r"""
    ^(?:\*\d{6,9}\*                  # page 1 only: the bar code ("*1720704*")
    | [0-3]\d[01]\d\d\d               # the processing date, day month year ("150126")
    | Please\ recycle\W*              # the recycling note
    )$
    """,
    re.VERBOSE,
)
# Page 1 only: the distribution line of the masthead ("Security Council Distr.: General").
DISTRIBUTION = re.compile(r"\bDistr\.:\s*\w+")
GLUED_SHARE = 1.4  # a line this much longer than the next longest is two lines glued
HEADER_SEARCH_LINES = 3  # the symbol must be among the first non-empty lines


@dataclass(frozen=True)
class PageText:
    """One page's text with its furniture read and removed.

    ``body`` holds ``(line number, text)`` for every non-empty line that is not furniture.
    ``page`` is 1 for a first page, which the UN prints without a page number; ``total`` is
    then None.
    """

    file: str
    raw_text: str
    symbol: str
    number: int
    year: int
    page: int
    total: int | None
    job_number: str
    body: tuple[tuple[int, str], ...]
    page_line: int | None = None  # the line of the page number, when printed


def parse_page(file: str, text: str) -> PageText:
    """Read one page's furniture; raise ParseError naming the file and line when it has none."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = [(i, line.rstrip()) for i, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise ParseError("empty page: no text", file=file, line=1)

    header = None
    for index, (line_no, line) in enumerate(numbered[:HEADER_SEARCH_LINES]):
        match = SYMBOL_HEADER.match(line.strip())
        if match:
            header = (index, line_no, match)
            break
    if header is None:
        raise ParseError(
            "not a resolution page: no symbol header like 'S/RES/2388 (2017)' at the top",
            file=file,
            line=numbered[0][0],
        )
    header_index, _, match = header
    number, year = int(match["number"]), int(match["year"])
    problem = find_symbol_problem(number, year)
    if problem:
        raise ParseError(
            f"impossible symbol {match[0].strip()!r}: {problem}", file=file, line=header[1]
        )
    first_page = match[0].startswith("United Nations") or any(
        DISTRIBUTION.search(line) for _, line in numbered[:8]
    )
    # Lines above the symbol on page 1 ("United Nations" on a line of its own) are masthead.
    remaining = numbered[header_index + 1 :]

    page_at = _find_last(remaining, PAGE_NUMBER)
    page = total = None
    if page_at is not None:
        found = PAGE_NUMBER.match(remaining[page_at][1].strip())
        page, total = int(found["page"]), int(found["total"])
        if not 1 <= page <= total:
            raise ParseError(
                f"page number {page}/{total} is not a page of the document",
                file=file,
                line=remaining[page_at][0],
            )
    job_at = _find_last(remaining, JOB_NUMBER)
    job_number = JOB_NUMBER.match(remaining[job_at][1].strip())["job"] if job_at is not None else ""

    if page is None:
        if not first_page:
            raise ParseError(
                "no page number like '7/8' on the page", file=file, line=numbered[-1][0]
            )
        page = 1  # the UN prints no page number on a document's first page

    furniture = {page_at, job_at}
    body = tuple(
        (line_no, line)
        for index, (line_no, line) in enumerate(remaining)
        if index not in furniture and not (first_page and FIRST_PAGE_NOISE.match(line.strip()))
    )
    return PageText(
        file=file,
        raw_text=text,
        symbol=f"S/RES/{number} ({year})",
        number=number,
        year=year,
        page=page,
        total=total,
        job_number=job_number,
        body=body,
        page_line=remaining[page_at][0] if page_at is not None else None,
    )


def _find_last(lines: list[tuple[int, str]], pattern: re.Pattern[str]) -> int | None:
    """The index of the last line matching ``pattern``: furniture sits at the foot."""
    for index in range(len(lines) - 1, -1, -1):
        if pattern.match(lines[index][1].strip()):
            return index
    return None


def typical_width(lines: list[str]) -> int:
    """The usual length of a full line of body text on a page (from the longer lines).

    Short lines (a paragraph's last line, a number on its own line) are left out; 0 when
    the page has too few lines to tell.
    """
    lengths = sorted(len(line.strip()) for line in lines if len(line.strip()) > 30)
    if len(lengths) < 3:
        return 0
    # Lines far longer than the next longest are two lines glued together: left out. Of the
    # rest, the upper quartile, not the median: on a short page, paragraphs' last lines can
    # be most of the lines.
    while len(lengths) > 3 and lengths[-1] > GLUED_SHARE * lengths[-2]:
        lengths.pop()
    return lengths[len(lengths) * 3 // 4]
