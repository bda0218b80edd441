"""Bring a resolution's stored paragraphs in line with a plan, writing only what differs.

Writing only differences is what makes a second ingest report "nothing changed" and keeps
row ids (and so anything pointing at them) stable. Identifiers that disappear become aliases
of the paragraph that replaced them, so a permalink once served keeps working.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from resolutions.models import CrossReference, Paragraph, ParagraphAlias, Resolution
from resolutions.services.merge import Plan, PlannedParagraph

PARAGRAPH_FIELDS = (
    "kind",
    "number",
    "label",
    "annex",
    "position",
    "text",
    "text_as_printed",
    "structure",
    "pages",
    "begins_on_missing_page",
    "ends_on_missing_page",
    "addresses_trafficking",
    "emphasis",
)
REFERENCE_FIELDS = (
    "kind",
    "position",
    "cited_symbol",
    "cited_number",
    "cited_year",
    "as_written",
    "start",
    "end",
    "href",
    "target_paragraph",
)


@dataclass
class SyncCounts:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    references_created: int = 0
    references_deleted: int = 0
    aliases_created: int = 0

    @property
    def changed(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def add(self, other: SyncCounts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _row_values(planned: PlannedParagraph) -> dict:
    values = {name: getattr(planned, name) for name in PARAGRAPH_FIELDS}
    values["pages"] = list(planned.pages)
    values["emphasis"] = [list(span) for span in planned.emphasis] or None
    return values


def _reference_rows(planned: PlannedParagraph) -> list[tuple]:
    return [
        (
            ref.kind,
            position,
            ref.symbol,
            ref.number,
            ref.year,
            ref.as_written[:300],
            ref.start,
            ref.end,
            ref.href[:300],
            ref.target_paragraph,
        )
        for position, ref in enumerate(planned.references)
    ]


def paragraphs_sync(*, resolution: Resolution, plan: Plan) -> SyncCounts:
    counts = SyncCounts()
    existing = {p.pid: p for p in Paragraph.objects.filter(resolution=resolution)}
    stored_refs: dict[int, list[tuple]] = {}
    for row in CrossReference.objects.filter(paragraph__resolution=resolution).values_list(
        "paragraph_id", *REFERENCE_FIELDS
    ):
        stored_refs.setdefault(row[0], []).append(tuple(row[1:]))

    to_create: list[Paragraph] = []
    to_update: list[Paragraph] = []
    by_pid: dict[str, Paragraph] = {}
    refs_wanted: dict[str, list[tuple]] = {}
    for planned in plan.paragraphs:
        values = _row_values(planned)
        refs_wanted[planned.pid] = _reference_rows(planned)
        paragraph = existing.get(planned.pid)
        if paragraph is None:
            paragraph = Paragraph(resolution=resolution, pid=planned.pid, **values)
            to_create.append(paragraph)
        elif any(getattr(paragraph, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(paragraph, name, value)
            to_update.append(paragraph)
        by_pid[planned.pid] = paragraph
    Paragraph.objects.bulk_create(to_create, batch_size=500)
    Paragraph.objects.bulk_update(to_update, PARAGRAPH_FIELDS, batch_size=500)
    counts.created, counts.updated = len(to_create), len(to_update)

    # References: replace a paragraph's set only when it differs.
    stale_paragraphs = []
    new_refs = []
    for pid, wanted in refs_wanted.items():
        paragraph = by_pid[pid]
        have = sorted(stored_refs.get(paragraph.id, []), key=lambda r: r[1])
        if have == wanted:
            continue
        if have:
            stale_paragraphs.append(paragraph.id)
            counts.references_deleted += len(have)
        new_refs.extend(
            CrossReference(paragraph=paragraph, **dict(zip(REFERENCE_FIELDS, row, strict=True)))
            for row in wanted
        )
    if stale_paragraphs:
        CrossReference.objects.filter(paragraph_id__in=stale_paragraphs).delete()
    CrossReference.objects.bulk_create(new_refs, batch_size=1000)
    counts.references_created = len(new_refs)

    counts.aliases_created = _aliases_sync(resolution, plan, existing, by_pid)
    gone = [p.id for pid, p in existing.items() if pid not in by_pid]
    if gone:
        Paragraph.objects.filter(id__in=gone).delete()
        counts.deleted = len(gone)
    return counts


def _aliases_sync(
    resolution: Resolution,
    plan: Plan,
    existing: dict[str, Paragraph],
    by_pid: dict[str, Paragraph],
) -> int:
    """Every identifier the plan retires, or that was stored and is now gone, resolves on."""
    wanted = dict(plan.aliases)
    ordered = sorted(by_pid.values(), key=lambda p: p.position)
    for pid, paragraph in existing.items():
        if pid not in by_pid and pid not in wanted and ordered:
            # No known successor: point at the paragraph now nearest its old place.
            nearest = min(ordered, key=lambda p: abs(p.position - paragraph.position))
            wanted[pid] = nearest.pid
    stored = {a.pid: a for a in ParagraphAlias.objects.filter(resolution=resolution)}
    kept_ids = {p.id for p in by_pid.values()}
    gone_pids = {p.id: pid for pid, p in existing.items() if pid not in by_pid}
    for pid, alias in stored.items():
        if pid in by_pid:
            alias.delete()  # the identifier names a real paragraph again
        elif alias.paragraph_id not in kept_ids and pid not in wanted:
            # Its paragraph is renamed or removed: follow it to where its own identifier goes.
            wanted[pid] = wanted.get(gone_pids.get(alias.paragraph_id, ""))
    created = 0
    for old, new in wanted.items():
        if old in by_pid or new not in by_pid:
            continue
        target = by_pid[new]
        alias = stored.get(old)
        if alias is None:
            ParagraphAlias.objects.create(resolution=resolution, pid=old, paragraph=target)
            created += 1
        elif alias.paragraph_id != target.id:
            alias.paragraph = target
            alias.save(update_fields=["paragraph"])
    return created
