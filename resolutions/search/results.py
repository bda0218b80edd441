"""What a search returns: hits with snippets, counts, pages, and facet counts for the filters.

Facet counts follow the usual rule of faceted search: each facet counts matches under the query
and every *other* filter, so choosing 2017 still shows how many matches other years have (the
counting itself happens in the database: :func:`resolutions.search.base.search_statement`).

Example::

    >>> paragraph_label(kind="operative", pid="op23", number=23, label="")
    'OP 23'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.safestring import SafeString

from resolutions.addresses import find_item
from resolutions.models import Paragraph
from resolutions.search.base import RELEVANCE, Counts, SearchFilters
from resolutions.search.query import ParsedQuery

KIND_LABELS = dict(Paragraph.KIND_CHOICES)  # in document order: preambular, operative, ...

_PREAMBULAR_FROM_TOP = re.compile(
    r"""
    ^ pp
    (?P<n> \d+ )  # counted from the top of the preamble: "pp4" (not "pp-1", counted from the end)
    $
    """,
    re.VERBOSE,
)


def paragraph_label(*, kind: str, pid: str, number: int | None, label: str) -> str:
    """How a paragraph is cited: "OP 23", "PP 4"; "PP" when counted back from a missing top.

    A preambular paragraph identified as ``pp-1`` comes from a text whose first pages the archive
    lacks, so its position from the top is unknown and no number is printed.
    """
    if kind == "operative" and number is not None:
        return f"OP {number}"
    if kind == "preambular":
        found = _PREAMBULAR_FROM_TOP.match(pid)
        return f"PP {found['n']}" if found else "PP"
    return label or KIND_LABELS.get(kind, kind.title())


def cited_label(paragraph) -> str:
    """ "OP 23" for a Paragraph (with the fields a hit reads)."""
    p = paragraph
    return paragraph_label(kind=p.kind, pid=p.pid, number=p.number, label=p.label)


@dataclass
class WordingGroup:
    """A hit's wording when results are grouped: where it was first agreed, and the other
    matching paragraphs repeating it (each a Paragraph with .resolution, text not loaded)."""

    origin: object  # the lineage origin: "first agreed in"; the hit itself when it has none
    paragraphs: int  # matching paragraphs with this wording, the hit included
    later: int  # resolutions among them other than the hit's own
    members: list = field(default_factory=list)  # earliest first, at most MEMBERS_SHOWN

    @property
    def origin_label(self) -> str:
        return cited_label(self.origin)

    @property
    def unlisted(self) -> int:
        """Matching paragraphs repeating the wording beyond those listed."""
        return max(0, self.paragraphs - 1 - len(self.members))


@dataclass
class SearchHit:
    paragraph: object  # resolutions.models.Paragraph, with .resolution loaded
    snippet: SafeString
    rank: float
    sub: str = ""  # the sub-paragraph holding the first match: "a/iii" (resolutions.addresses)
    wording: WordingGroup | None = None  # grouped results only

    @property
    def first_agreed_elsewhere(self) -> bool:
        """Grouped: the wording was first agreed in another paragraph than the one shown."""
        return self.wording is not None and self.wording.origin.pk != self.paragraph.pk

    @property
    def label(self) -> str:
        """ "OP 16", or "OP 16 (a)" when the hit links to the sub-paragraph holding the match."""
        p = self.paragraph
        label = paragraph_label(kind=p.kind, pid=p.pid, number=p.number, label=p.label)
        found = find_item(p.structure, self.sub.split("/")) if self.sub else None
        return " ".join([label, *found[1]]) if found else label

    def url(self, query: str) -> str:
        """The permalink of the paragraph (or of the sub-paragraph where the first match is)
        with ``?q=`` so the page highlights the matches."""
        base = self.paragraph.get_absolute_url() + (f"{self.sub}/" if self.sub else "")
        return f"{base}?{urlencode({'q': query})}" if query else base


@dataclass(frozen=True)
class FacetValue:
    value: object  # 2017, "operative", True, 2388
    label: str
    count: int
    selected: bool = False


@dataclass(frozen=True)
class Suggestion:
    """ "Did you mean": the query with misspelt words corrected, and what it finds."""

    query: str  # "trafficking in persons"
    total: int  # paragraphs it finds under the same filters
    corrections: tuple[tuple[str, str], ...]  # (as typed, corrected)


@dataclass(frozen=True)
class Partial:
    """All the words found little or nothing: paragraphs holding some of them instead."""

    all_words_total: int  # paragraphs holding every word
    words: tuple[str, ...]  # the words weighed, rarest first


@dataclass
class SearchResults:
    query: ParsedQuery
    filters: SearchFilters
    sort: str = RELEVANCE
    total: int = 0
    total_without_filters: int = 0
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    per_page: int = 20
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # The resolution or paragraph the query names (resolutions.search.citations.ResolutionMatch)
    resolution_match: object | None = None
    citing: bool = False  # the query was only a citation: the hits are paragraphs citing it
    browsing: bool = False  # no query, filters only: every paragraph they let through
    suggestion: Suggestion | None = None
    partial: Partial | None = None
    variants: tuple[tuple[str, str], ...] = ()  # (as typed, the other spelling also found)
    searched: str = ""  # the query as the indexes read it: folded, split ('"zero tolerance"')
    # One hit per wording (lineage origin): pages count wordings; total still counts paragraphs.
    grouped: bool = False
    total_wordings: int = 0

    @property
    def understood(self) -> str:
        if self.browsing:
            return "every paragraph the filters let through"
        if self.citing and self.resolution_match is not None:
            return f"paragraphs citing {self.resolution_match.symbol}"
        return self.query.understood

    @property
    def listed(self) -> int:
        """What the pages list: wordings when grouped, else paragraphs."""
        return self.total_wordings if self.grouped else self.total

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.listed // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def past_the_end(self) -> bool:
        """A page number beyond the last page was asked for: no hits, and nothing further."""
        return self.page > self.num_pages

    @property
    def start_index(self) -> int:
        """1-based position of the first hit on this page (0 when there are none)."""
        return (self.page - 1) * self.per_page + 1 if self.hits else 0

    @property
    def end_index(self) -> int:
        return (self.page - 1) * self.per_page + len(self.hits)


def build_facets(counts: Counts, filters: SearchFilters) -> dict[str, list[FacetValue]]:
    """Facet values for display, each flagged when its filter is in force."""

    def in_range(year: int) -> bool:
        if filters.year_from is None and filters.year_to is None:
            return False
        low = filters.year_from if filters.year_from is not None else year
        high = filters.year_to if filters.year_to is not None else year
        return low <= year <= high

    return {
        "years": [
            FacetValue(year, str(year), n, in_range(year))
            for year, n in sorted(counts.years.items(), reverse=True)
        ],
        "kinds": [
            FacetValue(kind, label, counts.kinds[kind], filters.kind == kind)
            for kind, label in KIND_LABELS.items()
            if counts.kinds.get(kind)
        ],
        "trafficking": [
            FacetValue(flag, text, counts.trafficking[flag], filters.trafficking is flag)
            for flag, text in (
                (True, "Addresses trafficking in persons"),
                (False, "Other paragraphs"),
            )
            if counts.trafficking.get(flag)
        ],
        "resolutions": [
            FacetValue(number, symbol, n, filters.resolution == number)
            for number, symbol, n in counts.resolutions
        ],
    }
