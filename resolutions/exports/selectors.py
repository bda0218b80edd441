"""Reads for feeds, exports and the sitemap: keyword-only, typed, a fixed number of queries.

Example::

    for resolution in feed_resolutions(trafficking=True, limit=50):
        ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from django.db.models import QuerySet

from resolutions.lineage.selectors import lineage_summaries
from resolutions.models import CrossReference, LineageLink, Paragraph, Resolution, Source
from resolutions.selectors import TEXT_HELD


def feed_resolutions(*, trafficking: bool = False, limit: int = 50) -> list[Resolution]:
    """The newest resolutions whose text the archive holds (optionally only those addressing
    trafficking in persons), newest first, with their opening paragraphs not loaded."""
    found = Resolution.objects.filter(TEXT_HELD).defer("votes", "subjects", "sponsors")
    if trafficking:
        found = found.filter(addresses_trafficking=True)
    return list(found.order_by("-number")[:limit])


def sitemap_resolutions() -> QuerySet:
    """(number, updated_at) of every resolution, in order."""
    return Resolution.objects.order_by("number").values_list("number", "updated_at")


def sitemap_paragraphs() -> QuerySet:
    """(resolution number, pid, resolution updated_at) of every paragraph, in order."""
    return Paragraph.objects.order_by("resolution__number", "position").values_list(
        "resolution__number", "pid", "resolution__updated_at"
    )


def sitemap_subparagraphs() -> QuerySet:
    """(resolution number, pid, structure, resolution updated_at) of every paragraph with
    sub-paragraphs, in order."""
    return (
        Paragraph.objects.filter(structure__isnull=False)
        .order_by("resolution__number", "position")
        .values_list("resolution__number", "pid", "structure", "resolution__updated_at")
    )


def paragraphs_in_order(*, resolution: Resolution) -> list[Paragraph]:
    """All of a resolution's paragraphs, in order (one query)."""
    return list(Paragraph.objects.filter(resolution=resolution).order_by("position"))


def resolutions_for_bulk(*, chunk_size: int = 200) -> Iterator[tuple[Resolution, tuple]]:
    """Every resolution, in number order, with what its canonical JSON needs as
    ``(resolution, (paragraphs, references by paragraph id, page numbers held, lineage
    summaries by paragraph id))``.

    Read in chunks of ``chunk_size`` resolutions, six queries a chunk, so the whole archive
    never sits in memory; grouped here rather than by ``prefetch_related``, whose per-object
    bookkeeping took most of the time over 50,000 paragraphs.
    """
    ids = list(Resolution.objects.order_by("number").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        paragraphs: dict[int, list[Paragraph]] = defaultdict(list)
        for paragraph in Paragraph.objects.filter(resolution_id__in=chunk).order_by("position"):
            paragraphs[paragraph.resolution_id].append(paragraph)
        references: dict[int, list[CrossReference]] = defaultdict(list)
        found = CrossReference.objects.filter(paragraph__resolution_id__in=chunk)
        for reference in found.order_by("position"):
            references[reference.paragraph_id].append(reference)
        pages: dict[int, list[int]] = defaultdict(list)
        held = Source.objects.filter(resolution_id__in=chunk, format="page-text")
        for resolution_id, page in held.values_list("resolution_id", "page_number"):
            pages[resolution_id].append(page)
        lineage = lineage_summaries(resolution_ids=chunk)
        for resolution in Resolution.objects.filter(pk__in=chunk).order_by("number"):
            yield resolution, (paragraphs[resolution.pk], references, pages[resolution.pk], lineage)


def resolution_dates(*, ids: list[int]) -> dict[int, tuple]:
    """``{id: (updated_at, adopted_on)}`` for the resolutions ``ids`` (one query): what a
    feed entry of a search hit needs, which the search did not read."""
    found = Resolution.objects.filter(pk__in=ids).values_list("pk", "updated_at", "adopted_on")
    return {pk: (updated, adopted) for pk, updated, adopted in found}


def paragraph_reuses_feed(*, paragraph: Paragraph, limit: int = 50) -> list[LineageLink]:
    """The later paragraphs that reuse ``paragraph``'s wording (its "reused in"), newest
    adoption first, each with its resolution (one query)."""
    return list(
        LineageLink.objects.filter(source=paragraph)
        .select_related("paragraph__resolution")
        .order_by(
            "-paragraph__resolution__adopted_on",
            "-paragraph__resolution__number",
            "paragraph__position",
        )[:limit]
    )
