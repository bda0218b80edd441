"""Reads for feeds, exports and the sitemap: keyword-only, typed, a fixed number of queries.

Example::

    for resolution in feed_resolutions(trafficking=True, limit=50):
        ...
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from resolutions.models import CrossReference, Paragraph, Resolution, Source
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


def paragraphs_in_order(*, resolution: Resolution) -> list[Paragraph]:
    """All of a resolution's paragraphs, in order (one query)."""
    return list(Paragraph.objects.filter(resolution=resolution).order_by("position"))


def resolutions_for_bulk(*, chunk_size: int = 100) -> Iterator[Resolution]:
    """Every resolution with what its canonical JSON needs, streamed in chunks (one query per
    relation per chunk), so the whole archive never sits in memory at once."""
    return (
        Resolution.objects.order_by("number")
        .prefetch_related(
            Prefetch(
                "paragraphs",
                queryset=Paragraph.objects.order_by("position").prefetch_related(
                    Prefetch("references", queryset=CrossReference.objects.order_by("position"))
                ),
            ),
            Prefetch(
                "sources",
                queryset=Source.objects.filter(format="page-text").only(
                    "id", "resolution_id", "page_number"
                ),
            ),
        )
        .iterator(chunk_size=chunk_size)
    )


def resolution_dates(*, ids: list[int]) -> dict[int, tuple]:
    """``{id: (updated_at, adopted_on)}`` for the resolutions ``ids`` (one query): what a
    feed entry of a search hit needs, which the search did not read."""
    found = Resolution.objects.filter(pk__in=ids).values_list("pk", "updated_at", "adopted_on")
    return {pk: (updated, adopted) for pk, updated, adopted in found}
