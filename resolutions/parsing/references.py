"""Find the resolutions and other UN documents a paragraph cites.

Why: the archive links each citation to the resolution or document it names, so the finder
must see every way the Council writes them: "resolutions 1267 (1999), 1989 (2011), 2253
(2015) and 2368 (2017)" (four citations), "Resolution 2379 (2017)", "resolutions 1960 and
2106" (no years), "S/RES/2331 (2016)", and other symbols such as "S/2017/939",
"S/PRST/2015/25" or "A/RES/70/1". It must not take "art. 15" or "12 months" for one.

``as_written`` of the first citation in a list includes the word that introduces it
("resolutions 1267 (1999)"); later ones are just the number and year ("1989 (2011)").
Offsets are into the text given (the clean text of a paragraph).

    >>> [(r.symbol, r.as_written) for r in find_references("resolutions 1960 and 2106")]
    [('S/RES/1960', 'resolutions 1960'), ('S/RES/2106', '2106')]
"""

from __future__ import annotations

import re

from resolutions.parsing.document import (
    REF_DOCUMENT,
    REF_INTERNAL,
    REF_RESOLUTION,
    ParsedReference,
)

CITATION_LIST = re.compile(
    r"""
    \b(?P<keyword>
        [Rr]esolutions?                     # "resolution(s) 2331 (2016)"
      | [Pp]residential\s+[Ss]tatements?    # "Presidential Statement 2015/25"
      | [Pp]aragraphs?                      # "paragraph 5 above"
    )\s+
    (?P<items>
        \d[\d/]*(?:\s*\(\w{1,4}\))?         # the first number, with its year or label
        (?:
            (?:\s*,\s*(?:and\s+|as\ well\ as\s+)?|\s+and\s+|\s+as\ well\ as\s+)
            \d[\d/]*(?:\s*\(\w{1,4}\))?     # more numbers, joined by "," "and" "as well as"
        )*
    )
    (?P<after>\s+(?:above|below|of\ (?:this|the\ present)\ resolution)\b)?  # internal cites
    """,
    re.VERBOSE,
)
RESOLUTION_ITEM = re.compile(
    r"""
    (?P<number>\d{1,4})                     # the resolution's number
    (?:\s*\((?P<year>(?:19|20)\d\d)\))?     # its year in brackets, when given
    (?![\d/])
    """,
    re.VERBOSE,
)
STATEMENT_ITEM = re.compile(
    r"""
    (?P<year>(?:19|20)\d\d)/(?P<number>\d{1,3})\b   # a presidential statement: "2015/25"
    """,
    re.VERBOSE,
)
PARAGRAPH_ITEM = re.compile(
    r"""
    (?P<number>\d{1,3})             # a paragraph of this resolution
    (?:\s*\((?P<label>[a-z]{1,4})\))?  # and a sub-paragraph, if cited: "5 (a)"
    """,
    re.VERBOSE,
)
RESOLUTION_SYMBOL = re.compile(
    r"""
    \bS/RES/(?P<number>\d{1,4})                 # "S/RES/2331"
    (?:\s*\((?P<year>(?:19|20)\d\d)\))?         # "(2016)", when given
    """,
    re.VERBOSE,
)
DOCUMENT_SYMBOL = re.compile(
    r"""
    (?<![\w/])
    (?P<symbol>
        (?:A|S|E|ST|DP|TD|UNEP)             # the series: Assembly, Council, ECOSOC, Secretariat ...
        (?:/[A-Z][A-Za-z]*(?:\.\d+)?)*      # body or kind: "/PRST", "/RES", "/CN.4", "/AC.26"
        /\d[\w.]*?                          # a year or session: "/2017", "/70"
        (?:/[\w.]*\w)*                      # then the serial and any addenda: "/939", "/L.1"
    )
    (?![\w/])
    """,
    re.VERBOSE,
)


def find_references(text: str) -> tuple[ParsedReference, ...]:
    """All citations in ``text``, in order; see the module docstring."""
    found: list[ParsedReference] = []
    taken: list[tuple[int, int]] = []
    for match in CITATION_LIST.finditer(text):
        refs = _list_references(text, match)
        found.extend(refs)
        if refs:
            taken.append((match.start(), match.end()))
    for match in RESOLUTION_SYMBOL.finditer(text):
        number = int(match["number"])
        year = int(match["year"]) if match["year"] else None
        found.append(_resolution(match[0], number, year, match.start(), match.end()))
        taken.append(match.span())
    for match in DOCUMENT_SYMBOL.finditer(text):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            continue
        found.append(
            ParsedReference(REF_DOCUMENT, match["symbol"], match["symbol"], start=start, end=end)
        )
    return tuple(sorted(found, key=lambda ref: ref.start))


def _list_references(text: str, match: re.Match[str]) -> list[ParsedReference]:
    """The citations in one "resolutions 1267 (1999), 1989 (2011) and ..." list."""
    keyword = match["keyword"].lower()
    items_at = match.start("items")
    items = match["items"]
    refs: list[ParsedReference] = []
    if keyword.startswith("resolution"):
        if match["after"]:  # "resolution 5 above" is not a way the Council writes
            return []
        with_years = None
        for item in RESOLUTION_ITEM.finditer(items):
            has_year = item["year"] is not None
            # A list gives years for all or for none; a short bare number ends it
            # ("resolution 2368 (2017), 12 months after ...").
            if with_years is None:
                with_years = has_year
            if has_year != with_years or (not has_year and len(item["number"]) < 3):
                break
            start = match.start() if not refs else items_at + item.start()
            end = items_at + item.end()
            year = int(item["year"]) if has_year else None
            refs.append(_resolution(text[start:end], int(item["number"]), year, start, end))
        return refs
    if keyword.startswith("presidential"):
        for item in STATEMENT_ITEM.finditer(items):
            start = match.start() if not refs else items_at + item.start()
            end = items_at + item.end()
            symbol = f"S/PRST/{item['year']}/{item['number']}"
            refs.append(
                ParsedReference(REF_DOCUMENT, symbol, text[start:end], start=start, end=end)
            )
        return refs
    if not match["after"]:  # "paragraph 5 of resolution 2253 (2015)" is not internal
        return []
    for item in PARAGRAPH_ITEM.finditer(items):
        start = match.start() if not refs else items_at + item.start()
        end = items_at + item.end()
        refs.append(
            ParsedReference(
                REF_INTERNAL,
                "",
                text[start:end],
                number=int(item["number"]),
                start=start,
                end=end,
                target_paragraph=f"op{item['number']}",
            )
        )
    return refs


def _resolution(written: str, number: int, year: int | None, start: int, end: int):
    symbol = f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
    return ParsedReference(
        REF_RESOLUTION, symbol, written, number=number, year=year, start=start, end=end
    )
