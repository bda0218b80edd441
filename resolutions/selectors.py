"""Reads for the pages: keyword-only, typed, and a fixed number of queries however long a
resolution is (each relation a page shows is fetched once, with ``select_related`` or
``prefetch_related``; a test pins the count).

Selectors return ``None`` for "not in the archive" rather than raising: whether that is a 404
is the view's business.

Example::

    resolution = resolution_page_get(number=2388)
    for paragraph in resolution.paragraphs.all():  # no query: prefetched with references
        ...
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from resolutions.models import (
    REFERENCES,
    CrossReference,
    Paragraph,
    ParagraphAlias,
    Resolution,
    Source,
)

# A resolution whose text the archive holds (from the XML or printed pages). The others are
# known only from the UN's record data: a number, a date, a vote, but no paragraph yet.
TEXT_HELD = ~Q(text_source="")


@dataclass(frozen=True)
class ArchiveCounts:
    resolutions: int  # whose text the archive holds
    without_text: int  # known only from the UN's record data (no text yet)
    paragraphs: int
    trafficking_resolutions: int
    trafficking_paragraphs: int


def _page_sources() -> Prefetch:
    """The printed pages held, as ``resolution.page_sources``; never the (large) raw text."""
    return Prefetch(
        "sources",
        queryset=Source.objects.filter(format="page-text")
        .only("id", "resolution_id", "format", "page_number")
        .order_by("page_number"),
        to_attr="page_sources",
    )


def resolution_get(*, number: int) -> Resolution | None:
    """The resolution's own row, or None."""
    return Resolution.objects.filter(number=number).first()


def resolution_page_get(*, number: int) -> Resolution | None:
    """A resolution with everything its page shows: paragraphs in order with their
    cross-references (and the cited resolutions), and the printed pages held."""
    references = CrossReference.objects.select_related("target").order_by("start", "position")
    paragraphs = (
        Paragraph.objects.defer("text_as_printed")
        .order_by("position")
        .prefetch_related(Prefetch("references", queryset=references, to_attr=REFERENCES))
    )
    return (
        Resolution.objects.filter(number=number)
        .prefetch_related(Prefetch("paragraphs", queryset=paragraphs), _page_sources())
        .first()
    )


def resolution_list() -> QuerySet[Resolution]:
    """Every resolution for the browse table, with its paragraph count (``paragraph_count``)
    and printed pages (``page_sources``). Filtering and ordering are the FilterSet's."""
    # A correlated subquery, not Count("paragraphs"): a GROUP BY over the join counted every
    # paragraph of the corpus before the page kept eight rows (107 ms at 100k paragraphs);
    # the subquery counts, through the index, only the rows a page shows.
    paragraph_count = (
        Paragraph.objects.filter(resolution=OuterRef("pk"))
        .order_by()
        .values("resolution")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Resolution.objects.annotate(paragraph_count=Coalesce(Subquery(paragraph_count), Value(0)))
        .prefetch_related(_page_sources())
        .order_by("-number")
    )


def resolution_trafficking_list() -> list[Resolution]:
    """The resolutions that address trafficking in persons, oldest first (the home page
    tells their story in order)."""
    return list(
        resolution_list().filter(addresses_trafficking=True).order_by("adopted_on", "number")
    )


def resolution_cited_by(*, resolution: Resolution) -> list[Paragraph]:
    """Paragraphs of *other* resolutions that cite this one, newest resolution first; each
    carries its citations of this one, in order, as ``citations_here`` (their offsets place
    the excerpt around the citation rather than at the paragraph's start)."""
    citations_here = CrossReference.objects.filter(target=resolution).order_by("start")
    return list(
        Paragraph.objects.filter(references__target=resolution)
        .exclude(resolution=resolution)
        .select_related("resolution")
        .defer("text_as_printed", "resolution__votes", "resolution__subjects")
        .prefetch_related(Prefetch("references", queryset=citations_here, to_attr="citations_here"))
        .distinct()
        .order_by("-resolution__number", "position")
    )


def resolution_years() -> list[int]:
    """The adoption years the archive holds, newest first (the browse filter's choices)."""
    years = Resolution.objects.order_by("-year").values_list("year", flat=True).distinct()
    return list(years)


def resolution_agendas() -> list[str]:
    """The agenda items the archive knows, alphabetically (the browse filter's choices)."""
    agendas = (
        Resolution.objects.exclude(agenda="")
        .order_by("agenda")
        .values_list("agenda", flat=True)
        .distinct()
    )
    return list(agendas)


def resolution_last_modified(*, number: int) -> datetime | None:
    """When the resolution's page last changed: its own row, or a resolution citing it
    (which changes the "Cited by" section). None when the resolution is not held.

    The citing resolutions come from a subquery through the index on the cross-references'
    target, so the cost does not grow with the corpus; an OR across the join to every
    paragraph and cross-reference made both engines scan them all (128 ms at 100k paragraphs).
    """
    # order_by(): no ordering in the subquery (the model's would join every resolution).
    citing = (
        CrossReference.objects.filter(target__number=number)
        .order_by()
        .values("paragraph__resolution")
    )
    found = Resolution.objects.filter(Q(number=number) | Q(pk__in=Subquery(citing))).aggregate(
        latest=Max("updated_at"), own=Count("pk", filter=Q(number=number))
    )
    return found["latest"] if found["own"] else None


def archive_state() -> tuple[int, datetime | None]:
    """How many resolutions there are and when one last changed: together they change
    whenever a resolution is added, changed or removed (the listing pages' validator)."""
    found = Resolution.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return found["count"], found["latest"]


def archive_counts() -> ArchiveCounts:
    """What the home page counts: resolutions whose text is held, apart from those known only
    from the UN's record data."""
    resolutions = Resolution.objects.aggregate(
        total=Count("pk", filter=TEXT_HELD),
        without_text=Count("pk", filter=~TEXT_HELD),
        trafficking=Count("pk", filter=Q(addresses_trafficking=True)),
    )
    paragraphs = Paragraph.objects.aggregate(
        total=Count("pk"), trafficking=Count("pk", filter=Q(addresses_trafficking=True))
    )
    return ArchiveCounts(
        resolutions=resolutions["total"],
        without_text=resolutions["without_text"],
        paragraphs=paragraphs["total"],
        trafficking_resolutions=resolutions["trafficking"],
        trafficking_paragraphs=paragraphs["trafficking"],
    )


def paragraph_get(*, number: int, pid: str) -> Paragraph | None:
    """One paragraph by its current identifier, with its resolution, page sources and
    cross-references."""
    references = CrossReference.objects.select_related("target").order_by("start", "position")
    return (
        Paragraph.objects.filter(resolution__number=number, pid=pid)
        .select_related("resolution")
        .prefetch_related(
            Prefetch("references", queryset=references, to_attr=REFERENCES),
            Prefetch(
                "resolution__sources", queryset=_page_sources().queryset, to_attr="page_sources"
            ),
        )
        .first()
    )


def paragraph_alias_get(*, number: int, pid: str) -> Paragraph | None:
    """The paragraph an old identifier now points to (``pp-3`` once ``pp22`` is known)."""
    alias = (
        ParagraphAlias.objects.filter(resolution__number=number, pid=pid)
        .select_related("paragraph__resolution")
        .first()
    )
    return alias.paragraph if alias else None


def paragraph_neighbours(*, paragraph: Paragraph) -> tuple[Paragraph | None, Paragraph | None]:
    """The paragraphs just before and after, for context on a permalink page (one query for
    both, one for their cross-references; positions need not be consecutive)."""
    siblings = Paragraph.objects.filter(resolution_id=paragraph.resolution_id)
    nearest_before = siblings.filter(position__lt=paragraph.position).order_by("-position")
    nearest_after = siblings.filter(position__gt=paragraph.position).order_by("position")
    references = CrossReference.objects.select_related("target").order_by("start", "position")
    found = (
        siblings.filter(
            Q(position=Subquery(nearest_before.values("position")[:1]))
            | Q(position=Subquery(nearest_after.values("position")[:1]))
        )
        .defer("text_as_printed")
        .prefetch_related(Prefetch("references", queryset=references, to_attr=REFERENCES))
    )
    before = after = None
    for sibling in found:
        sibling.resolution = paragraph.resolution  # already loaded: no query per neighbour
        if sibling.position < paragraph.position:
            before = sibling
        else:
            after = sibling
    return before, after


def resolution_for_export(*, number: int) -> Resolution | None:
    """The resolution with everything its JSON form needs, in a fixed number of queries (one
    per relation), or None."""
    return (
        Resolution.objects.filter(number=number)
        .prefetch_related(
            Prefetch(
                "paragraphs",
                queryset=Paragraph.objects.order_by("position").prefetch_related(
                    Prefetch(
                        "references",
                        queryset=CrossReference.objects.order_by("position"),
                        to_attr=REFERENCES,
                    )
                ),
            ),
            Prefetch(
                "sources",
                queryset=Source.objects.filter(format="page-text").only(
                    "id", "resolution_id", "page_number"
                ),
            ),
        )
        .first()
    )
