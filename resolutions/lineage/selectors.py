"""Reads of what the lineage step computed, for the permalink page and the JSON.

A fixed number of queries: one for the sources (with their resolutions), one for the
reuses (newest first, capped) and one to count them. Track changes are derived here from
the two stored texts (a word alignment of two paragraphs takes microseconds). Example::

    lineage = paragraph_lineage_get(paragraph=paragraph)
    lineage.sources[0].paragraph.resolution.symbol  # 'S/RES/2331 (2016)'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resolutions.lineage import NEAR_IDENTICAL
from resolutions.lineage.text import Change, changes, words
from resolutions.models import LineageLink, Paragraph

REUSES_SHOWN = 20


@dataclass
class Related:
    paragraph: Paragraph
    share: int  # per mille
    changes: list[Change] = field(default_factory=list)

    @property
    def percent(self) -> int:
        return int(self.share / 10)

    @property
    def near_identical(self) -> bool:
        return self.share >= NEAR_IDENTICAL * 1000

    @property
    def kind(self) -> str:
        if self.share == 1000:
            return "identical"
        return "near-identical" if self.near_identical else "partial"


@dataclass
class Lineage:
    sources: list[Related]
    origin: Related | None
    reuses: list[Related]
    reuse_count: int

    @property
    def empty(self) -> bool:
        return not self.sources and not self.reuses


def paragraph_lineage_get(*, paragraph: Paragraph) -> Lineage:
    """Earlier sources (closest first), the origin, and later reuses (newest first)."""
    own = words(paragraph.text)
    links = (
        LineageLink.objects.filter(paragraph=paragraph, source__isnull=False)
        .select_related("source__resolution")
        .order_by("-share", "-source__resolution__adopted_on", "-source__resolution__number")
    )
    sources, origin = [], None
    for link in links:
        related = Related(link.source, link.share, changes(words(link.source.text), own))
        if link.closest:
            sources.append(related)
        if link.origin:
            origin = related
    reuse_links = LineageLink.objects.filter(source=paragraph)
    shown = reuse_links.select_related("paragraph__resolution").order_by(
        "-paragraph__resolution__adopted_on",
        "-paragraph__resolution__number",
        "paragraph__position",
    )[:REUSES_SHOWN]
    reuses = [
        Related(link.paragraph, link.share, changes(own, words(link.paragraph.text)))
        for link in shown
    ]
    count = reuse_links.count() if len(reuses) == REUSES_SHOWN else len(reuses)
    return Lineage(sources=sources, origin=origin, reuses=reuses, reuse_count=count)
