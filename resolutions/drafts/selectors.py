"""The draft check's reads: the index of the archive's wordings, kept per process, and a
draft's report with citations. Reads only: nothing of the draft is written anywhere.

The index is built on the first check a worker process answers and kept; each check first
asks the archive for its state (:func:`resolutions.selectors.archive_state`: how many
resolutions, and when one last changed -- an ingest that changes a paragraph saves its
resolution), one cheap aggregate, and rebuilds the index when that state has moved. A report
then costs one query for the paragraphs it cites, whatever the draft's length. Example::

    report = draft_report_get(text="1. Calls upon United Nations system organizations ...")
    report.paragraphs[0].match.citation  # 'S/RES/2388 (2017), para. 31'
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from django.db import connection, connections
from django.views.decorators.debug import sensitive_variables

from resolutions.citations import paragraph_citations
from resolutions.drafts import MATCH_SHARE
from resolutions.drafts.matching import DraftIndex, Found
from resolutions.drafts.splitting import DraftParagraph, split_draft
from resolutions.health.limits import deadline_lifted
from resolutions.lineage import MIN_WORDS, NEAR_IDENTICAL, SOURCE_SHARE
from resolutions.lineage.graph import Moment
from resolutions.lineage.text import Change, changed_words, changes, words
from resolutions.models import Paragraph
from resolutions.selectors import archive_state

CHUNK = 900  # ids per IN (...), well under SQLite's limit on bound parameters

WAIT_SECONDS = 10.0  # a request waits this long for a build: well inside gunicorn's 30 s
_lock = threading.Lock()
_building: dict[str, threading.Thread] = {}
_built: dict[str, tuple[tuple, DraftIndex, float]] = {}  # database alias -> (state, index, s)


@dataclass
class Match:
    paragraph: Paragraph
    share: float
    citation: str
    changes: list[Change] = field(default_factory=list, repr=False)  # holds the draft's words
    repeated: int = 0  # later paragraphs with exactly this wording
    latest: Paragraph | None = None  # the most recent of them

    @property
    def percent(self) -> int:
        """Rounded down, so only the same wording shows 100 %."""
        return int(self.share * 100 + 1e-9)

    @property
    def kind(self) -> str:
        if self.share >= 1.0:
            return "identical"
        if self.share >= NEAR_IDENTICAL:
            return "near-identical"
        return "close" if self.share >= SOURCE_SHARE else "partial"

    @property
    def words_removed(self) -> int:
        return changed_words(self.changes)[0]

    @property
    def words_added(self) -> int:
        return changed_words(self.changes)[1]


@dataclass
class CheckedParagraph:
    draft: DraftParagraph
    match: Match | None = None
    others: list[Match] = field(default_factory=list)

    @property
    def too_short(self) -> bool:
        return len(words(self.draft.text)) < MIN_WORDS


@dataclass
class DraftReport:
    paragraphs: list[CheckedParagraph]
    archive_paragraphs: int  # paragraphs the draft was compared with
    threshold: float = MATCH_SHARE

    @property
    def matched(self) -> int:
        return sum(1 for p in self.paragraphs if p.match)

    @property
    def identical(self) -> int:
        return sum(1 for p in self.paragraphs if p.match and p.match.share >= 1.0)


def _archive_rows(alias: str):
    """(paragraph id, moment, text) of every paragraph but headings, as the lineage takes them."""
    rows = (
        Paragraph.objects.using(alias)
        .exclude(kind=Paragraph.HEADING)
        .values_list(
            "id", "resolution__adopted_on", "resolution__year", "resolution__number", "text"
        )
        .order_by()
    )
    for pk, adopted_on, year, number, text in rows.iterator(chunk_size=5000):
        date = adopted_on.isoformat() if adopted_on else f"{year}-12-31"
        yield pk, Moment(date, number), text


class IndexNotReady(Exception):
    """The index is still being built (the first check a process answers); ask again soon."""


def draft_index_get(*, wait: float | None = WAIT_SECONDS) -> DraftIndex:
    """This process's index of the archive's wordings, rebuilt when the archive changed.

    A build (tens of seconds at 100,000 paragraphs on a busy machine) runs in a thread of its
    own, so no request is held past the server's worker timeout: a request waits up to
    ``wait`` seconds (None: as long as it takes) and then gets :class:`IndexNotReady`; so
    after an ingest too, rather than answer from the previous index, whose paragraphs may have
    changed or gone (a draft would be told "no agreed language found"). Inside a
    transaction (tests, a command's atomic block) the build runs here instead, since another
    thread's connection would not see the transaction's rows.
    """
    count, latest = archive_state()
    alias = connection.alias
    state = (connection.settings_dict.get("NAME"), count, latest)
    built = _built.get(alias)
    if built is not None and built[0] == state:
        return built[1]
    if connection.in_atomic_block:
        with _lock, deadline_lifted():
            _build(alias, state, close=False)
        return _built[alias][1]
    with _lock:
        thread = _building.get(alias)
        if thread is None or not thread.is_alive():
            thread = threading.Thread(
                target=_build, args=(alias, state), name="draft-check-index", daemon=True
            )
            _building[alias] = thread
            thread.start()
    thread.join(wait)
    built = _built.get(alias)
    if built is None or built[0] != state:
        raise IndexNotReady
    return built[1]


def _build(alias: str, state: tuple, *, close: bool = True) -> None:
    started = time.perf_counter()
    try:
        index = DraftIndex(_archive_rows(alias))
        _built[alias] = (state, index, time.perf_counter() - started)
    finally:
        if close:  # the building thread's own connection
            connections[alias].close()


def draft_index_build_seconds() -> float | None:
    """How long the last build of this process's index took (for the benchmark)."""
    built = _built.get(connection.alias)
    return built[2] if built else None


@sensitive_variables()
def draft_report_get(*, text: str) -> DraftReport:
    """Each paragraph of the draft ``text`` with its closest agreed language; DraftError
    (from the splitting) when the draft has too many paragraphs."""
    drafted = split_draft(text)
    index = draft_index_get()
    found: list[list[Found]] = [index.look_up(words(p.text)) for p in drafted]
    wanted = {f.first for hits in found for f in hits}
    wanted |= {hits[0].latest for hits in found if hits and len(hits[0].paragraphs) > 1}
    paragraphs = _paragraphs(sorted(wanted))
    report = DraftReport(paragraphs=[], archive_paragraphs=index.paragraph_count)
    for draft, hits in zip(drafted, found, strict=True):
        checked = CheckedParagraph(draft=draft)
        own = words(draft.text)
        matches = [_match(hit, own, paragraphs) for hit in hits if hit.first in paragraphs]
        if matches:
            checked.match, checked.others = matches[0], matches[1:]
            best = hits[0]
            checked.match.repeated = len(best.paragraphs) - 1
            if best.latest != best.first:
                checked.match.latest = paragraphs.get(best.latest)
        report.paragraphs.append(checked)
    return report


def _paragraphs(ids: list[int]) -> dict[int, Paragraph]:
    found: dict[int, Paragraph] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = (
            Paragraph.objects.filter(pk__in=chunk)
            .select_related("resolution")
            .defer("text_as_printed", "structure", "emphasis", "resolution__votes")
        )
        found.update((p.pk, p) for p in query)
    return found


def _match(hit: Found, own: tuple[str, ...], paragraphs: dict[int, Paragraph]) -> Match:
    paragraph = paragraphs[hit.first]
    return Match(
        paragraph=paragraph,
        share=hit.share,
        citation=paragraph_cited(paragraph),
        changes=changes(words(paragraph.text), own),
    )


def paragraph_cited(paragraph: Paragraph) -> str:
    """The UN's citation of ``paragraph``: "S/RES/2388 (2017), para. 31"."""
    resolution = paragraph.resolution
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    return paragraph_citations(
        number=resolution.number,
        year=resolution.year,
        adopted_on=resolution.adopted_on,
        pid=addressing.get("cite_as") or paragraph.pid,
        paragraph_number=paragraph.number,
        annex_name=paragraph.annex,
        part=addressing.get("part", ""),
        label=paragraph.label,
    ).un
