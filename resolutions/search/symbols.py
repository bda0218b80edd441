"""Citations typed into the search box: which resolution, and which paragraph, a query names.

Pure (no Django): ``find_citation`` reads what people paste or type -- ``S/RES/2331``,
``s/res/2331(2016)``, ``2331 (2016)``, ``resolution 2331``, ``2388 op 31``,
``S/RES/2388 (2017), para. 31``, ``2388 (2017) OP31``, ``para 16 (a) of resolution 2653`` --
into a :class:`ParsedCitation`; the search (``resolutions.search.citations``) looks it up.
The sub-paragraph (``(a)``) is parsed and kept, for a link to land on it.

A query that is *only* a citation (``only``) may send the reader straight to the page; a
citation inside other words (``trafficking resolution 2331``) is offered beside the results;
a bare number (``2331``) is offered too, but it may be a year or a count, so it never sends
anyone anywhere by itself. A quoted query is a phrase to search for, never a citation.

Example::

    >>> find_citation("S/RES/2388 (2017), para. 31")
    ParsedCitation(number=2388, year=2017, paragraph=31, subparagraph='', only=True, bare=False)
    >>> find_citation("para 16 (a) of resolution 2653")
    ParsedCitation(number=2653, year=None, paragraph=16, subparagraph='a', only=True, bare=False)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_NUMBER = 99_999


@dataclass(frozen=True)
class ParsedCitation:
    number: int
    year: int | None = None
    paragraph: int | None = None  # an operative paragraph's number
    subparagraph: str = ""  # "a", "iv": as printed, lower case
    only: bool = False  # the query is nothing but this citation
    bare: bool = False  # a number alone: maybe a resolution, maybe not


_RESOLUTION = r"""
    (?:
        S \s* / \s* RES \s* / \s* (?P<symbol> \d{1,5} )        # S/RES/2331, s/res/2331
      | (?: (?:security \s+ council|SC|UNSC) \s+ )?
        (?: resolution | res\.? ) \s* (?:no\.? \s*)?
        (?P<named> \d{1,5} )                                    # resolution 2331, res. 2331
      | (?P<plain> \d{1,5} )                                    # 2331, when more follows
    )
    (?! [\d/] )                                                 # the number is whole
    (?: \s* \( \s* (?P<year> \d{4} ) \s* \) )?                  # (2016)
"""

_PARAGRAPH = r"""
    (?: operative \s+ paragraph | para(?:graph)? | op | ¶ ) s? \.? \s*
    (?P<paragraph> \d{1,3} )                                    # 31, OP31, para. 31
    (?:
        \s* \( \s* (?P<sub> [a-z]{1,2} | [ivx]{1,5} ) \s* \)    # 16 (a), 16(iv)
      | (?P<sub_glued> [a-z] ) (?![a-z])                        # 16a
    )?
"""

_RESOLUTION_FIRST = re.compile(
    rf"""
    ^ {_RESOLUTION}
    (?: \s* ,? \s* {_PARAGRAPH} )?                              # , para. 31 / OP31 / op 31
    \s* [.;,]? $
    """,
    re.VERBOSE | re.IGNORECASE,
)

_PARAGRAPH_FIRST = re.compile(
    rf"""
    ^ {_PARAGRAPH}
    \s* ,? \s* (?: of | in ) \s+ (?: the \s+ )?                 # para 16 (a) of resolution 2653
    {_RESOLUTION}
    \s* [.;,]? $
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Inside other words, only what cannot be anything else: a symbol, or "resolution N".
_NAMED_INSIDE = re.compile(
    r"""
    (?<! [\w/] )
    (?:
        S \s* / \s* RES \s* / \s* (?P<symbol> \d{1,5} )         # S/RES/2331
      | resolution \s+ (?P<named> \d{1,5} )                     # resolution 2331
    )
    (?! [\d/] )
    (?: \s* \( \s* (?P<year> \d{4} ) \s* \) )?                  # (2016)
    """,
    re.VERBOSE | re.IGNORECASE,
)


def find_citation(text: str) -> ParsedCitation | None:
    """The resolution (and paragraph) ``text`` names, or None. Never raises.

    >>> find_citation("2388 (2017) OP31")
    ParsedCitation(number=2388, year=2017, paragraph=31, subparagraph='', only=True, bare=False)
    >>> find_citation("2331").bare, find_citation("trafficking S/RES/2331").only
    (True, False)
    >>> find_citation('"S/RES/2331"') is None
    True
    """
    cleaned = " ".join(unicodedata.normalize("NFKC", text or "").split())[:200]
    if not cleaned or '"' in cleaned:
        return None
    for pattern in (_RESOLUTION_FIRST, _PARAGRAPH_FIRST):
        found = pattern.match(cleaned)
        if found:
            return _citation(found, only=True)
    found = _NAMED_INSIDE.search(cleaned)
    return _citation(found, only=False) if found else None


def _citation(found: re.Match[str], *, only: bool) -> ParsedCitation | None:
    groups = found.groupdict()
    number = int(groups.get("symbol") or groups.get("named") or groups.get("plain"))
    if not 1 <= number <= MAX_NUMBER:
        return None
    paragraph = int(groups["paragraph"]) if groups.get("paragraph") else None
    year = int(groups["year"]) if groups.get("year") else None
    # A number alone, with neither year nor paragraph nor "resolution", is only a guess.
    bare = bool(groups.get("plain")) and year is None and paragraph is None
    sub = (groups.get("sub") or groups.get("sub_glued") or "").lower()
    return ParsedCitation(
        number=number,
        year=year,
        paragraph=paragraph,
        subparagraph=sub if paragraph is not None else "",
        only=only and not bare,
        bare=bare,
    )


def find_resolution_number(text: str) -> int | None:
    """The resolution number a filter value names: ``2388``, ``S/RES/2388 (2017)``.

    >>> find_resolution_number("S/RES/2388 (2017)"), find_resolution_number("op 31")
    (2388, None)
    """
    citation = find_citation(text)
    if (
        citation is None
        or citation.paragraph is not None
        or not citation.only
        and not citation.bare
    ):
        return None
    return citation.number
