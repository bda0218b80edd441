"""The lineage step of an ingest (the only code here that writes).

Incremental: only the paragraphs of resolutions that changed, the paragraphs whose wording
resembles theirs (their sources may change) and the paragraphs that pointed at a changed or
removed paragraph are recomputed; the rows are then brought in line, in bulk, writing only
what differs, so a re-ingest that changes nothing changes no row. Identical wordings are
computed once. When much of the archive changed (``make corpus``), every pair is found in
one pass (``WordingIndex.all_pairs``); otherwise the changed wordings are probed. Example::

    changed = lineage_update(resolution_ids={41, 42})  # rows created, updated or deleted
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from resolutions.lineage import MIN_WORDS, SOURCE_SHARE
from resolutions.lineage.graph import Candidates, Item, Moment
from resolutions.lineage.index import WordingIndex
from resolutions.lineage.text import words
from resolutions.models import LineageLink, Paragraph, Resolution

CHUNK = 900  # ids per IN (...): well under SQLite's limit on bound parameters
# Every pair at once (WordingIndex.all_pairs) when at least 1/ALL_PAIRS_SHARE of the wordings
# changed: one pass over the archive costs about as much as probing a quarter of it one by one.
ALL_PAIRS_SHARE = 4


@dataclass
class LineageCounts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    paragraphs: int = 0  # paragraphs whose lineage was computed

    @property
    def changed(self) -> int:
        return self.created + self.updated + self.deleted


def lineage_paragraphs() -> list[tuple[int, int, Moment, str]]:
    """(paragraph id, resolution id, moment, wording) of every paragraph that can have a
    lineage: not a heading, at least ``MIN_WORDS`` words. The wording is the words joined
    by single spaces: one string a paragraph, not a tuple of words (a third of the memory)."""
    rows = (
        Paragraph.objects.exclude(kind=Paragraph.HEADING)
        .values_list(
            "id",
            "resolution_id",
            "resolution__adopted_on",
            "resolution__year",
            "resolution__number",
            "text",
        )
        .order_by("id")
    )
    found = []
    for pk, resolution, adopted_on, year, number, text in rows.iterator(chunk_size=5000):
        split = words(text)
        if len(split) < MIN_WORDS:
            continue
        date = adopted_on.isoformat() if adopted_on else f"{year}-12-31"
        found.append((pk, resolution, Moment(date, number), " ".join(split)))
    return found


def lineage_update(*, resolution_ids: set[int] | None = None) -> LineageCounts:
    """Recompute the lineage touching ``resolution_ids`` (None: every paragraph)."""
    counts = LineageCounts()
    rows = lineage_paragraphs()
    wording_of: dict[str, int] = {}
    members: list[list[Item]] = []
    item_wording: dict[int, int] = {}
    for pk, resolution, moment, split in rows:
        number = wording_of.setdefault(split, len(wording_of))
        if number == len(members):
            members.append([])
        members[number].append(Item(pk, resolution, moment))
        item_wording[pk] = number
    wordings = list(wording_of)
    if resolution_ids is None:
        affected_wordings = set(range(len(wordings)))
        stale = set()
    else:
        stale = _stale_paragraphs(resolution_ids)
        changed = {
            item_wording[item.key]
            for group in members
            for item in group
            if item.resolution in resolution_ids
        }
        affected_wordings = changed | {item_wording[p] for p in stale if p in item_wording}
    if not affected_wordings and not stale:
        return counts
    index = WordingIndex(wordings, threshold=SOURCE_SHARE)
    if len(affected_wordings) * ALL_PAIRS_SHARE >= len(wordings):
        # Much of the archive changed (a first ingest, the whole corpus): every pair at once.
        similar = dict(enumerate(index.all_pairs()))
    else:
        similar = index.similar_many(sorted(affected_wordings))
    wanted_paragraphs: set[int] = set(stale)
    if resolution_ids is None:
        wanted_paragraphs.update(item_wording)
    else:
        for number in affected_wordings:
            wanted_paragraphs.update(i.key for i in members[number])
            # Paragraphs resembling a changed one: it may now be (or no longer be) a source.
            for other, _share in similar[number]:
                wanted_paragraphs.update(i.key for i in members[other])
    needed = {item_wording[p] for p in wanted_paragraphs if p in item_wording}
    similar.update(index.similar_many(sorted(needed - similar.keys())))
    wanted: dict[tuple[int, int], tuple[int, bool, bool]] = {}
    for number in sorted(needed):
        found = similar[number]
        candidates = Candidates(
            [(item, 1.0) for item in members[number]]
            + [(item, share) for other, share in found for item in members[other]]
        )
        for item in members[number]:
            if item.key not in wanted_paragraphs:
                continue
            counts.paragraphs += 1
            for source, (share, closest, origin) in candidates.links(item).items():
                wanted[(item.key, source)] = (round(share * 1000), closest, origin)
    _sync(wanted, wanted_paragraphs, counts)
    return counts


def _stale_paragraphs(resolution_ids: set[int]) -> set[int]:
    """Paragraphs whose lineage points at a paragraph that changed or went away."""
    stale = LineageLink.objects.filter(
        Q(source__isnull=True) | Q(source__resolution_id__in=resolution_ids)
    ).values_list("paragraph_id", flat=True)
    return set(stale)


def _chunks(values: list[int]):
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _sync(
    wanted: dict[tuple[int, int], tuple[int, bool, bool]],
    paragraphs: set[int],
    counts: LineageCounts,
) -> None:
    # Plain values, not model instances: a full run compares some 60,000 rows.
    have: dict[tuple[int, int | None], tuple[int, int, bool, bool]] = {}
    ordered = sorted(paragraphs)
    if len(ordered) > CHUNK * 20:
        existing = [LineageLink.objects.all()]
    else:
        existing = [LineageLink.objects.filter(paragraph_id__in=ids) for ids in _chunks(ordered)]
    for query in existing:
        for pk, paragraph, source, share, closest, origin in query.values_list(
            "id", "paragraph_id", "source_id", "share", "closest", "origin"
        ):
            if paragraph in paragraphs:
                have[(paragraph, source)] = (pk, share, closest, origin)
    gone = [row[0] for key, row in have.items() if key not in wanted]
    # Both ends of every row that changes: their pages show it (sources, "reused in").
    touched = {end for key in have if key not in wanted for end in key if end is not None}
    create, update = [], []
    for (paragraph, source), (share, closest, origin) in wanted.items():
        row = have.get((paragraph, source))
        values = dict(share=share, closest=closest, origin=origin)
        if row is None:
            create.append(LineageLink(paragraph_id=paragraph, source_id=source, **values))
        elif row[1:] != (share, closest, origin):
            update.append(LineageLink(id=row[0], **values))
        else:
            continue
        touched.update((paragraph, source))
    for ids in _chunks(gone):
        LineageLink.objects.filter(id__in=ids).delete()
    LineageLink.objects.bulk_create(create, batch_size=2000)
    LineageLink.objects.bulk_update(update, ["share", "closest", "origin"], batch_size=2000)
    counts.created, counts.updated, counts.deleted = len(create), len(update), len(gone)
    _touch(touched)


def _touch(paragraph_ids: set[int]) -> None:
    """Mark the resolutions holding ``paragraph_ids`` as changed (``updated_at``): their pages'
    validators (Last-Modified, and the page cache's key) then change with their lineage, as
    they do with their text -- also when ``manage.py lineage`` runs apart from an ingest."""
    now = timezone.now()
    ids = sorted(paragraph_ids - {None})
    for chunk in _chunks(ids):
        resolutions = Paragraph.objects.filter(id__in=chunk).values("resolution_id")
        Resolution.objects.filter(id__in=resolutions).update(updated_at=now)
