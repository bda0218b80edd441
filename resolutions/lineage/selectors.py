"""Reads of what the lineage step computed, for the pages and the JSON.

A fixed number of queries. The permalink (``paragraph_lineage_get``): one for the sources
(with their resolutions), one for the reuses (newest first, capped) and one to count them;
track changes are derived here from the two stored texts (a word alignment of two paragraphs
takes microseconds). The resolution page, the JSON and the bulk download
(``lineage_summaries``): two for any number of paragraphs, as plain values. Example::

    lineage = paragraph_lineage_get(paragraph=paragraph)
    lineage.sources[0].paragraph.resolution.symbol  # 'S/RES/2331 (2016)'
    lineage_summaries(resolution_ids=[resolution.pk])[paragraph.pk].reuse_count  # 3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from resolutions.citations import paragraph_citations
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


@dataclass(frozen=True)
class Linked:
    """A paragraph at the other end of a lineage link, read as plain values (no model
    instances): what the resolution page's compact line and the JSON need."""

    symbol: str
    number: int  # the resolution's
    year: int
    adopted_on: date | None
    pid: str
    paragraph_number: int | None
    annex: str
    share: int  # per mille

    @property
    def percent(self) -> int:
        return int(self.share / 10)

    @property
    def kind(self) -> str:
        if self.share == 1000:
            return "identical"
        return "near-identical" if self.share >= NEAR_IDENTICAL * 1000 else "partial"

    @property
    def path(self) -> str:
        return f"/resolutions/{self.number}/{self.pid}/"

    @property
    def citation(self) -> str:
        return paragraph_citations(
            number=self.number,
            year=self.year,
            adopted_on=self.adopted_on,
            pid=self.pid,
            paragraph_number=self.paragraph_number,
            annex_name=self.annex,
        ).un


@dataclass
class LineageSummary:
    """A paragraph's lineage without track changes: closest sources (best first, the most
    recent first among equals), origin, the newest reuses (at most ``REUSES_SHOWN``) and
    how many reuses there are in all."""

    sources: list[Linked] = field(default_factory=list)
    origin: Linked | None = None
    reuses: list[Linked] = field(default_factory=list)
    reuse_count: int = 0

    @property
    def empty(self) -> bool:
        return not self.sources and not self.reuse_count


_SIDE = ("resolution__symbol", "resolution__number", "resolution__year",
         "resolution__adopted_on", "pid", "number", "annex")  # fmt: skip


def lineage_summaries(
    *, resolution_ids: list[int] | None = None, paragraph_id: int | None = None
) -> dict[int, LineageSummary]:
    """{paragraph id: summary} for the paragraphs of ``resolution_ids`` (or the one paragraph
    ``paragraph_id``) that have a lineage. Two queries however many paragraphs: the links
    from them, the links to them (all of them, to count; only the newest are kept)."""
    if paragraph_id is not None:
        outgoing = LineageLink.objects.filter(paragraph_id=paragraph_id)
        incoming = LineageLink.objects.filter(source_id=paragraph_id)
    else:
        outgoing = LineageLink.objects.filter(paragraph__resolution_id__in=resolution_ids)
        incoming = LineageLink.objects.filter(source__resolution_id__in=resolution_ids)
    found: dict[int, LineageSummary] = {}
    rows = (
        outgoing.filter(source__isnull=False)
        .order_by(
            "paragraph_id",
            "-share",
            "-source__resolution__adopted_on",
            "-source__resolution__number",
        )
        .values_list("paragraph_id", "share", "closest", "origin", *(f"source__{f}" for f in _SIDE))
    )
    for paragraph, share, closest, origin, *side in rows:
        summary = found.setdefault(paragraph, LineageSummary())
        linked = Linked(*side[:6], side[6] or "", share)
        if closest:
            summary.sources.append(linked)
        if origin:
            summary.origin = linked
    rows = incoming.order_by(
        "source_id",
        "-paragraph__resolution__adopted_on",
        "-paragraph__resolution__number",
        "paragraph__position",
    ).values_list("source_id", "share", *(f"paragraph__{f}" for f in _SIDE))
    for source, share, *side in rows:
        summary = found.setdefault(source, LineageSummary())
        summary.reuse_count += 1
        if len(summary.reuses) < REUSES_SHOWN:
            summary.reuses.append(Linked(*side[:6], side[6] or "", share))
    return found
