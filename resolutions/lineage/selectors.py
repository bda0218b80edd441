"""Reads of what the lineage step computed, for the permalink page, the resolution page,
the comparison of two resolutions and the JSON.

A fixed number of queries. The permalink (``paragraph_lineage_get``): one for the sources
(with their resolutions), one for the reuses (newest first, capped) and one to count them;
track changes are derived here from the two stored texts (a word alignment of two paragraphs
takes microseconds). The resolution page, the JSON and the bulk download
(``lineage_summaries``): two for any number of paragraphs, as plain values. Example::

    lineage = paragraph_lineage_get(paragraph=paragraph)
    lineage.sources[0].paragraph.resolution.symbol  # 'S/RES/2331 (2016)'
    lineage_summaries(resolution_ids=[resolution.pk])[paragraph.pk].reuse_count  # 3

Two resolutions compared (one query; :mod:`.align` pairs the paragraphs in memory)::

    comparison = resolution_comparison_get(first=r2388, second=r2331)
    comparison.counts  # Counts(kept=..., changed=..., new=..., dropped=..., moved=...)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, F, Max, Sum

from resolutions.citations import paragraph_citations, paragraph_name
from resolutions.lineage import NEAR_IDENTICAL
from resolutions.lineage.align import CHANGED, Counts, Piece, align
from resolutions.lineage.text import Change, changes, words
from resolutions.models import LineageLink, Paragraph, Resolution

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


# --- Two resolutions compared, and the one a resolution most reuses ----------------------------

SECTION_TITLES = {
    "preamble": "Preamble",
    "operative": "Operative part",
    "annex": "Annexes",
    "notes": "Notes",
}


@dataclass
class ComparedSide:
    paragraph: Paragraph
    citation: str  # "S/RES/2388 (2017), para. 12"
    name: str  # "operative paragraph 12"
    pieces: list[Change]  # the text in runs: "equal", or "delete"/"insert" on a changed row
    url: str  # its permalink


@dataclass
class ComparedRow:
    status: str  # "kept", "changed", "new", "dropped" (see lineage.align)
    moved: bool
    percent: int  # of wording shared (changed rows)
    earlier: ComparedSide | None
    later: ComparedSide | None

    @property
    def difference(self) -> bool:
        return self.status != "kept" or self.moved


@dataclass
class ComparedSection:
    key: str
    title: str
    rows: list[ComparedRow]


@dataclass
class Comparison:
    earlier: Resolution
    later: Resolution
    sections: list[ComparedSection]
    counts: Counts
    earlier_paragraphs: int
    later_paragraphs: int

    @property
    def same(self) -> bool:
        return self.earlier.pk == self.later.pk


# The largest number a PositiveIntegerField holds on every engine. Django keeps an exact
# lookup beyond it from reaching the database, but not ``__in``: SQLite would raise.
NUMBER_MAX = 2**31 - 1


def _storable(numbers: list[int]) -> list[int]:
    return [number for number in numbers if 0 <= number <= NUMBER_MAX]


def resolutions_get(*, numbers: list[int]) -> dict[int, Resolution]:
    """The resolutions held among ``numbers``, by number (one query)."""
    return {r.number: r for r in Resolution.objects.filter(number__in=_storable(numbers))}


def resolutions_last_modified(*, numbers: list[int]) -> datetime | None:
    """When the later of the resolutions last changed; None unless all are held."""
    found = Resolution.objects.filter(number__in=_storable(numbers)).aggregate(
        latest=Max("updated_at"), held=Count("pk")
    )
    return found["latest"] if found["held"] == len(set(numbers)) else None


def _moment(resolution: Resolution) -> tuple[date, int]:
    return (resolution.adopted_on or date(resolution.year, 12, 31), resolution.number)


def _display_sections(paragraphs: list[Paragraph]) -> list[str]:
    """Where each paragraph's row is shown. A heading outside an annex belongs with the
    paragraphs it introduces (as on the resolution page)."""
    found: list[str | None] = []
    for paragraph in paragraphs:
        if paragraph.annex or paragraph.kind == Paragraph.ANNEX:
            found.append("annex")
        elif paragraph.kind == Paragraph.HEADING:
            found.append(None)
        else:
            found.append(
                {Paragraph.PREAMBULAR: "preamble", Paragraph.FOOTNOTE: "notes"}.get(
                    paragraph.kind, "operative"
                )
            )
    following = "operative"
    for at in range(len(found) - 1, -1, -1):
        if found[at] is None:
            found[at] = following
        following = found[at]
    return found  # type: ignore[return-value]


def _side(paragraph: Paragraph, pieces: list[Change], base: str) -> ComparedSide:
    resolution = paragraph.resolution
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    cited = {
        "annex_name": paragraph.annex,
        "part": addressing.get("part", ""),
        "label": paragraph.label,
    }
    pid = addressing.get("cite_as") or paragraph.pid
    citation = paragraph_citations(
        number=resolution.number,
        year=resolution.year,
        adopted_on=resolution.adopted_on,
        pid=pid,
        paragraph_number=paragraph.number,
        **cited,
    ).un
    name = paragraph_name(pid, number=paragraph.number, **cited)
    # The permalink is the resolution's address and the identifier (resolutions/urls.py),
    # built without a reverse() per paragraph: 1,508 of them for S/RES/2231.
    url = f"{base}{paragraph.pid}/"
    return ComparedSide(paragraph, citation, name, _on_missing_pages(paragraph, pieces), url)


def _on_missing_pages(paragraph: Paragraph, pieces: list[Change]) -> list[Change]:
    """A paragraph running onto a printed page the archive lacks begins or ends with "…",
    as everywhere else in the archive."""
    before = [Change("equal", "…")] if paragraph.begins_on_missing_page else []
    after = [Change("equal", "…")] if paragraph.ends_on_missing_page else []
    return before + pieces + after


def resolution_comparison_get(*, first: Resolution, second: Resolution) -> Comparison:
    """The two resolutions aligned paragraph by paragraph, the earlier (by adoption) first,
    whatever order they were asked in: track changes read from the earlier to the later.
    One query (both resolutions' paragraphs); the alignment runs here, in memory."""
    earlier, later = sorted((first, second), key=_moment)
    held: dict[int, list[Paragraph]] = {earlier.pk: [], later.pk: []}
    rows = (
        Paragraph.objects.filter(resolution_id__in=held)
        .defer("text_as_printed", "structure", "emphasis")
        .order_by("resolution_id", "position")
    )
    for paragraph in rows:
        paragraph.resolution = earlier if paragraph.resolution_id == earlier.pk else later
        held[paragraph.resolution_id].append(paragraph)
    old, new = held[earlier.pk], held[later.pk]
    old_sections, new_sections = _display_sections(old), _display_sections(new)
    alignment = align(
        [Piece(p.kind, p.text, s) for p, s in zip(old, old_sections, strict=True)],
        [Piece(p.kind, p.text, s) for p, s in zip(new, new_sections, strict=True)],
    )
    bases = {r.pk: r.get_absolute_url() for r in (earlier, later)}
    sections: list[ComparedSection] = []
    for row in alignment.rows:
        if not sections or sections[-1].key != row.section:
            sections.append(ComparedSection(row.section, SECTION_TITLES[row.section], []))
        before = old[row.earlier] if row.earlier is not None else None
        after = new[row.later] if row.later is not None else None
        if row.status == CHANGED:
            left = [c for c in row.changes if c.op != "insert"]
            right = [c for c in row.changes if c.op != "delete"]
        else:
            left = [Change("equal", before.text)] if before else []
            right = [Change("equal", after.text)] if after else []
        sections[-1].rows.append(
            ComparedRow(
                status=row.status,
                moved=row.moved,
                percent=int(row.share * 100),
                earlier=_side(before, left, bases[earlier.pk]) if before else None,
                later=_side(after, right, bases[later.pk]) if after else None,
            )
        )
    return Comparison(
        earlier=earlier,
        later=later,
        sections=sections,
        counts=alignment.counts,
        earlier_paragraphs=len(old),
        later_paragraphs=len(new),
    )


@dataclass(frozen=True)
class MostReused:
    number: int
    symbol: str
    paragraphs: int  # of this resolution's paragraphs with a source there


def resolution_most_reused_get(*, resolution: Resolution) -> MostReused | None:
    """The resolution holding the most earlier sources of this one's paragraphs (counted
    once per paragraph; ties: the more wording shared, then the most recent) -- for a
    renewal, the previous renewal. None when nothing is reused or the lineage has not been
    computed (``manage.py lineage``): no guess from the wording at page time. One query."""
    found = (
        LineageLink.objects.filter(paragraph__resolution=resolution, source__isnull=False)
        .exclude(source__resolution=resolution)
        .values(
            "source__resolution__number",
            "source__resolution__symbol",
            "source__resolution__adopted_on",
        )
        .annotate(paragraphs=Count("paragraph", distinct=True), shared=Sum("share"))
        .order_by(
            "-paragraphs",
            "-shared",
            F("source__resolution__adopted_on").desc(nulls_last=True),
            "-source__resolution__number",
        )[:1]
    )
    for row in found:
        return MostReused(
            number=row["source__resolution__number"],
            symbol=row["source__resolution__symbol"],
            paragraphs=row["paragraphs"],
        )
    return None


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
