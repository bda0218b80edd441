"""Ingest: source files in, archive rows out -- all or nothing, and idempotent.

Every file that comes in is kept verbatim as a :class:`~resolutions.models.Source`; the
paragraphs shown are *derived* from a resolution's sources each time one of them changes
(:mod:`resolutions.services.merge`), so ingesting the same files twice, or the page texts
and the XML in either order, gives the same archive. Example::

    report = ingest_paths(paths=["fixtures/seeds"])
    report.summary()  # ['2 resolutions (2 new), 5 pages, 28 paragraphs, ...']
"""

from __future__ import annotations

import base64
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from resolutions.health.limits import lift_statement_timeout
from resolutions.lineage.services import lineage_update
from resolutions.models import (
    CrossReference,
    Paragraph,
    ParagraphText,
    Resolution,
    Source,
    Translation,
)
from resolutions.parsing.akn import ENGLISH, UnnamedResolution, parse_akn
from resolutions.parsing.document import (
    FORMAT_AKN,
    FORMAT_PAGE_TEXT,
    FORMAT_PDF,
    FORMAT_RECORD,
    PREAMBULAR,
    ParsedRecord,
    ParsedResolution,
    ParseError,
)
from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.pdf import parse_pdf
from resolutions.parsing.records import merge_records, parse_records
from resolutions.parsing.titles import find_short_title
from resolutions.parsing.xmltext import decode_xml
from resolutions.services.guards import busy_to_message, check_paragraph_lengths, ingest_lock
from resolutions.services.languages import TranslationCounts, translations_update
from resolutions.services.links import references_link
from resolutions.services.merge import Plan, plan_paragraphs
from resolutions.services.search_words import search_words_missing, search_words_rebuild
from resolutions.services.sources import (
    SourceFile,
    checksum,
    name_files,
    named_as,
    read_source_files,
)
from resolutions.services.sync import SyncCounts, paragraphs_sync

Progress = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    files: int = 0
    resolutions_created: int = 0
    resolutions_updated: int = 0
    pages_added: int = 0
    xml_added: int = 0
    pdfs_added: int = 0
    records_added: int = 0
    duplicates_skipped: int = 0
    unchanged: int = 0
    created_numbers: set[int] = field(default_factory=set)
    updated_numbers: set[int] = field(default_factory=set)
    counts: SyncCounts = field(default_factory=SyncCounts)
    links_changed: int = 0
    lineage_changed: int = 0
    lineage_seconds: float | None = None  # None: the lineage step did not run
    totals: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    comparisons: list[str] = field(default_factory=list)
    translations: TranslationCounts = field(default_factory=TranslationCounts)
    differences: list[str] = field(default_factory=list)
    dry_run: bool = False
    numbering_checked: bool = True  # off only for synthetic corpora (renumbered copies)

    @property
    def changed(self) -> bool:
        return bool(
            self.resolutions_created
            or self.resolutions_updated
            or self.pages_added
            or self.xml_added
            or self.pdfs_added
            or self.records_added
            or self.counts.changed
            or self.links_changed
            or self.translations.changed
        )

    def summary(self) -> list[str]:
        lines = [
            f"{self.files} files read: {self.pages_added} new pages, "
            f"{self.xml_added} new XML texts, {self.pdfs_added} new PDFs, "
            f"{self.records_added} new records, {self.unchanged} already in the archive, "
            f"{self.duplicates_skipped} duplicates skipped",
            f"resolutions: {self.resolutions_created} new, {self.resolutions_updated} updated",
            f"paragraphs: {self.counts.created} new, {self.counts.updated} updated, "
            f"{self.counts.deleted} removed; references: {self.counts.references_created} new, "
            f"{self.counts.references_deleted} removed, {self.links_changed} links changed; "
            f"aliases: {self.counts.aliases_created} new",
        ]
        translations = self.translations
        if translations.added or translations.unchanged or translations.texts_changed:
            lines.append(
                f"other languages: {translations.added} new texts, {translations.unchanged} "
                f"already in the archive, {translations.duplicates} duplicates skipped; "
                f"{translations.texts_changed} paragraph texts written"
            )
        if translations.mismatched:
            lines.append(
                "structure differs from the English in: "
                + ", ".join(f"{n} {lang}" for lang, n in sorted(translations.mismatched.items()))
                + " resolutions (matching paragraphs only; manage.py alignment_report lists them)"
            )
        if self.lineage_seconds is not None:
            lines.append(
                f"agreed language: {self.lineage_changed} lineage links changed"
                f" ({self.lineage_seconds:.1f} s)"
            )
        if self.totals:
            lines.append(
                "archive now holds: "
                + ", ".join(f"{value} {name}" for name, value in self.totals.items())
            )
        lines.extend(self.comparisons)
        lines.extend(f"warning: {w}" for w in self.warnings)
        if not self.changed:
            lines.append("nothing changed")
        if self.dry_run:
            lines.append("dry run: nothing was written")
        if not self.numbering_checked:
            lines.append("numbering not checked: numbers were accepted out of date order")
        return lines


class _DryRunRollback(Exception):
    pass


def ingest_paths(
    *,
    paths: list[str | Path],
    dry_run: bool = False,
    progress: Progress | None = None,
    check_numbering: bool = True,
) -> IngestReport:
    """Ingest files and folders; raises ParseError (naming file and line) and writes nothing
    when any source is bad or contradicts what the archive holds; raises IngestBusy when
    another ingest is writing. ``check_numbering=False`` accepts resolution numbers out of
    date order: only for synthetic corpora such as the benchmarks' renumbered copies."""
    progress = progress or (lambda step, done, total: None)
    files = read_source_files(paths)
    try:
        return _ingest_files(
            files, dry_run=dry_run, progress=progress, check_numbering=check_numbering
        )
    except ParseError as error:
        raise name_files(error, files) from None


def _ingest_files(
    files: list[SourceFile], *, dry_run: bool, progress: Progress, check_numbering: bool = True
) -> IngestReport:
    report = IngestReport(files=len(files), dry_run=dry_run, numbering_checked=check_numbering)
    by_format: dict[str, list[SourceFile]] = defaultdict(list)
    for source in files:
        by_format[source.format].append(source)

    # Parse everything before writing anything: a bad file stops the ingest untouched.
    page_groups = (
        parse_page_texts([(f.name, f.data) for f in by_format[FORMAT_PAGE_TEXT]])
        if by_format[FORMAT_PAGE_TEXT]
        else []
    )
    pdf_parsed = [(f, parse_pdf(f.name, f.data)) for f in by_format[FORMAT_PDF]]
    akn_parsed: list[tuple[SourceFile, ParsedResolution]] = []
    xml_files = by_format[FORMAT_AKN]
    for done, source in enumerate(xml_files, 1):
        with named_as(source):
            try:
                akn_parsed.append((source, parse_akn(source.name, source.data)))
            except UnnamedResolution as error:
                if error.language == ENGLISH:
                    raise
                report.warnings.append(f"{source.name}: {error.message}; not imported")
        if done % 50 == 0 or done == len(xml_files):
            progress("parse XML", done, len(xml_files))
    for group in page_groups:
        check_paragraph_lengths(group, files={p.number: p.file for p in group.pages})
    for _source, parsed in akn_parsed:
        check_paragraph_lengths(parsed, files={})
    records: list[tuple[SourceFile, ParsedRecord, str]] = []
    for source in by_format[FORMAT_RECORD]:
        # Decoded and split as parse_records does (byte order mark dropped), so that
        # record.line names the same line and a record is kept as the same text in any file.
        with named_as(source):
            parsed_records = parse_records(source.name, source.data)
        lines = source.data.decode("utf-8-sig").splitlines()
        for record in parsed_records:
            records.append((source, record, lines[record.line - 1] if record.line else ""))

    try:
        with busy_to_message(), transaction.atomic(), ingest_lock():
            lift_statement_timeout(connection)
            _ingest_parsed(report, page_groups, akn_parsed, records, progress, pdf_parsed)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    if report.changed and not dry_run:
        _planner_statistics_refresh()
    return report


def _planner_statistics_refresh() -> None:
    """PostgreSQL plans from statistics that only ANALYZE (or autovacuum, minutes later)
    gathers: a freshly imported corpus is otherwise planned as if empty (search took 17 ms
    instead of 13). SQLite's planner needs none for the archive's indexed lookups."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _ingest_parsed(report, page_groups, akn_parsed, records, progress: Progress, pdfs=()) -> None:
    touched: dict[int, Resolution] = {}
    # The other five languages are aligned to the English text once it is stored.
    translated = [(s, p) for s, p in akn_parsed if p.language != ENGLISH]
    akn_parsed = [(s, p) for s, p in akn_parsed if p.language == ENGLISH]
    new_xml: dict[int, list[tuple[SourceFile, ParsedResolution]]] = defaultdict(list)

    for parsed in page_groups:
        resolution = _resolution_for(report, parsed, file=parsed.files[0], line=1)
        _store_pages(report, resolution, parsed)
        touched[resolution.number] = resolution

    for source, parsed in pdfs:
        resolution = _resolution_for(report, parsed, file=parsed.files[0], line=None)
        _store_pdf(report, resolution, source, parsed)
        touched[resolution.number] = resolution

    seen_checksums: set[str] = set()
    for source, parsed in akn_parsed:
        if source.checksum in seen_checksums:
            report.duplicates_skipped += 1  # the same file in two year folders
            continue
        seen_checksums.add(source.checksum)
        resolution = _resolution_for(report, parsed, file=source.shown, line=None)
        if _store_source(resolution, FORMAT_AKN, source.name, source.data, None):
            report.xml_added += 1
        else:
            report.unchanged += 1
        new_xml[resolution.number].append((source, parsed))
        touched[resolution.number] = resolution

    seen_lines: set[str] = set()
    for source, record, line in records:
        resolution = _resolution_for(report, record, file=source.shown, line=record.line)
        touched[resolution.number] = resolution
        if line in seen_lines:
            continue  # the same record twice: counted as a duplicate below
        seen_lines.add(line)
        data = line.encode("utf-8")
        if _store_source(resolution, FORMAT_RECORD, source.name, data, None):
            report.records_added += 1
        else:
            report.unchanged += 1
    _one_record_each(report, records)  # warns where a batch gives differing records
    new_records: dict[int, list[ParsedRecord]] = defaultdict(list)
    for _source, record, _line in records:
        new_records[record.number].append(record)

    for done, resolution in enumerate(touched.values(), 1):
        number = resolution.number
        akn = _chosen_akn(report, resolution, new_xml.get(number, []))
        pages = _all_pages(resolution)
        record = _combined_record(resolution, new_records.get(number, []))
        plan = plan_paragraphs(akn=akn, pages=pages)
        _apply_plan(report, resolution, plan, akn=akn, pages=pages, record=record)
        if done % 100 == 0 or done == len(touched):
            progress("store", done, len(touched))

    translations_done = translations_update(
        batch=translated, english_changed=report.created_numbers | report.updated_numbers
    )
    report.translations = translations_done
    report.warnings.extend(translations_done.warnings)
    report.links_changed = references_link()
    if touched or search_words_missing():
        search_words_rebuild()  # the vocabulary "did you mean" reads
    changed = report.created_numbers | report.updated_numbers
    # Agreed language: only what the changed resolutions touch is recomputed (a whole corpus at
    # once when most of it changed). On by default; DJANGO_LINEAGE_AT_INGEST=0 leaves it to
    # `manage.py lineage`.
    if changed and settings.LINEAGE_AT_INGEST:
        ids = set(Resolution.objects.filter(number__in=changed).values_list("id", flat=True))
        started = time.perf_counter()
        report.lineage_changed = lineage_update(resolution_ids=ids).changed
        report.lineage_seconds = time.perf_counter() - started
    report.totals = {
        "resolutions": Resolution.objects.count(),
        "pages": Source.objects.filter(format=FORMAT_PAGE_TEXT).count(),
        "paragraphs": Paragraph.objects.count(),
        "references": CrossReference.objects.count(),
    }
    if Translation.objects.exists():
        report.totals["paragraph texts in other languages"] = ParagraphText.objects.count()


def _mark_updated(report: IngestReport, resolution: Resolution) -> None:
    number = resolution.number
    if number not in report.created_numbers and number not in report.updated_numbers:
        report.updated_numbers.add(number)
        report.resolutions_updated += 1


def _resolution_for(
    report: IngestReport, parsed: ParsedResolution | ParsedRecord, *, file: str, line: int | None
) -> Resolution:
    """The resolution a source names; ParseError when the symbol contradicts the archive."""
    number, year, symbol = parsed.number, parsed.year, parsed.symbol
    resolution = Resolution.objects.filter(number=number).first()
    if resolution is not None:
        if resolution.year != year:
            raise ParseError(
                f"{symbol} contradicts the archive, which holds {resolution.symbol} "
                f"(resolution {number} was adopted in {resolution.year}, not {year})",
                file=file,
                line=line,
            )
        return resolution
    if report.numbering_checked:
        _check_numbering(number, year, symbol, file=file, line=line)
    resolution, created = Resolution.objects.get_or_create(
        number=number, defaults={"year": year, "symbol": symbol}
    )
    if created:
        report.resolutions_created += 1
        report.created_numbers.add(number)
    return resolution


def _check_numbering(number: int, year: int, symbol: str, *, file: str, line: int | None):
    """Resolutions are numbered in the order adopted: a new one must not be dated before a
    resolution numbered below it, nor after one numbered above it."""
    before = Resolution.objects.filter(number__lt=number, year__gt=year).order_by("number")
    after = Resolution.objects.filter(number__gt=number, year__lt=year).order_by("-number")
    for neighbour, order in ((before.last(), "before"), (after.first(), "after")):
        if neighbour is not None:
            raise ParseError(
                f"S/RES/{number} is dated {year}, but the archive holds {neighbour.symbol}, "
                f"numbered {order} it: {symbol} contradicts the Council's numbering",
                file=file,
                line=line,
            )


def _check_lengths(model: type, values: dict, *, file: str, line: int | None = None) -> None:
    """Refuse, naming the source, a value longer than its column: PostgreSQL would stop the
    ingest with an error naming neither file nor line, and SQLite would store it silently."""
    for name, value in values.items():
        limit = model._meta.get_field(name).max_length
        if limit is not None and isinstance(value, str) and len(value) > limit:
            raise ParseError(
                f"{name} is longer than the archive holds ({len(value)} > {limit} characters)",
                file=file,
                line=line,
            )


def _store_source(
    resolution: Resolution, format: str, name: str, data: bytes, page: int | None
) -> bool:
    """Keep a source verbatim; False when the very same content is already kept."""
    _check_lengths(Source, {"file_name": name}, file=name)
    digest = checksum(data)
    if Source.objects.filter(resolution=resolution, format=format, checksum=digest).exists():
        return False
    Source.objects.create(
        resolution=resolution,
        format=format,
        file_name=name,
        checksum=digest,
        page_number=page,
        raw_text=decode_xml(name, data) if format == FORMAT_AKN else data.decode("utf-8"),
    )
    return True


def _store_pdf(
    report: IngestReport, resolution: Resolution, source: SourceFile, parsed: ParsedResolution
) -> None:
    """Keep a PDF verbatim (its bytes base64-encoded in ``raw_text``; the checksum is the
    bytes') and its pages as page texts for provenance. A page the archive already holds
    from another page text is left as it is: the PDF keeps its own version."""
    _check_lengths(Source, {"file_name": source.name}, file=source.name)
    if Source.objects.filter(
        resolution=resolution, format=FORMAT_PDF, checksum=source.checksum
    ).exists():
        report.unchanged += 1
        return
    Source.objects.create(
        resolution=resolution,
        format=FORMAT_PDF,
        file_name=source.name,
        checksum=source.checksum,
        page_number=None,
        raw_text=base64.b64encode(source.data).decode("ascii"),
    )
    report.pdfs_added += 1
    held = set(
        Source.objects.filter(resolution=resolution, format=FORMAT_PAGE_TEXT).values_list(
            "page_number", flat=True
        )
    )
    for page in parsed.pages:
        if page.number in held:
            report.warnings.append(
                f"{parsed.symbol}: page {page.number} is already held as a page text; "
                f"the one in {source.name} is kept only in the PDF"
            )
            continue
        _store_source(
            resolution, FORMAT_PAGE_TEXT, page.file, page.raw_text.encode("utf-8"), page.number
        )
        report.pages_added += 1
    for warning in parsed.warnings:
        if warning not in report.warnings:
            report.warnings.append(warning)


def _store_pages(report: IngestReport, resolution: Resolution, parsed: ParsedResolution) -> None:
    """Store new printed pages; a page the archive holds with other text is a contradiction."""
    stored = {
        s.page_number: s
        for s in Source.objects.filter(resolution=resolution, format=FORMAT_PAGE_TEXT)
    }
    for page in parsed.pages:
        data = page.raw_text.encode("utf-8")
        existing = stored.get(page.number)
        if existing is not None:
            if existing.checksum != checksum(data):
                raise ParseError(
                    f"page {page.number} of {parsed.symbol} is already in the archive "
                    f"(from {existing.file_name}) with different text",
                    file=page.file,
                    line=1,
                )
            continue
        _store_source(resolution, FORMAT_PAGE_TEXT, page.file, data, page.number)
        report.pages_added += 1


def _all_pages(resolution: Resolution) -> ParsedResolution | None:
    """The resolution's page texts parsed together: stored pages, including any just added."""
    stored = list(
        Source.objects.filter(resolution=resolution, format=FORMAT_PAGE_TEXT).order_by(
            "page_number"
        )
    )
    if not stored:
        return None
    groups = parse_page_texts([(s.file_name, s.raw_text.encode("utf-8")) for s in stored])
    return groups[0] if groups else None


def _chosen_akn(
    report: IngestReport, resolution: Resolution, batch: list[tuple[SourceFile, ParsedResolution]]
) -> ParsedResolution | None:
    """The XML text to show when the archive holds more than one differing file for a
    resolution. Rule: the text with the most paragraphs wins, then the longest text, then
    the file name that sorts last (the UN's newer job numbers sort later)."""
    candidates: dict[str, ParsedResolution] = {}
    for source in Source.objects.filter(resolution=resolution, format=FORMAT_AKN):
        in_batch = next((p for s, p in batch if s.checksum == source.checksum), None)
        candidates[source.file_name + source.checksum] = in_batch or parse_akn(
            source.file_name, source.raw_text
        )
    if not candidates:
        return None
    if len(candidates) > 1:
        names = sorted(p.files[0] if p.files else key for key, p in candidates.items())
        report.warnings.append(
            f"{resolution.symbol}: {len(candidates)} differing XML files ({', '.join(names)}); "
            "showing the one with the most paragraphs"
        )

    def key(item):
        name, parsed = item
        return (len(parsed.paragraphs), sum(len(p.text) for p in parsed.paragraphs), name)

    return max(candidates.items(), key=key)[1]


def _apply_plan(
    report: IngestReport,
    resolution: Resolution,
    plan: Plan,
    *,
    akn: ParsedResolution | None,
    pages: ParsedResolution | None,
    record: ParsedRecord | None,
) -> None:
    counts = paragraphs_sync(resolution=resolution, plan=plan)
    report.counts.add(counts)
    for parsed in (pages, akn):
        for warning in parsed.warnings if parsed else ():
            if warning not in report.warnings:
                report.warnings.append(warning)
    if plan.comparison is not None and plan.comparison.compared:
        report.comparisons.append(plan.comparison.summary(str(resolution.number)))
        for pid, printed, official in plan.comparison.differences:
            report.differences.append(
                f"{resolution.number} {pid}:\n  repaired: {printed}\n  official: {official}"
            )

    fields = resolution_fields(akn=akn, pages=pages, record=record)
    fields["addresses_trafficking"] = any(p.addresses_trafficking for p in plan.paragraphs)
    if record is not None:
        _check_lengths(Resolution, fields, file=record.file, line=record.line)
    if akn or pages:
        _check_lengths(Resolution, fields, file=", ".join((akn or pages).files))
    changed = [name for name, value in fields.items() if getattr(resolution, name) != value]
    if changed or counts.changed:
        for name in changed:
            setattr(resolution, name, fields[name])
        resolution.save()
        _mark_updated(report, resolution)


def _one_record_each(report: IngestReport, records: list) -> list:
    """Warn where a batch gives a resolution differing records. The record data lists a few
    resolutions in two yearly files; rule: the record read last wins on every field it carries
    (files are read in name order, so the later year's file, the newer extraction), and the
    earlier one keeps the fields the later does not carry (:func:`_combined_record`)."""
    chosen: dict[int, tuple] = {}
    for item in records:
        source, record, line = item
        previous = chosen.get(record.number)
        if previous is not None and previous[2] != line:
            report.warnings.append(
                f"{record.symbol}: differing records at {previous[0].name} line "
                f"{previous[1].line} and {source.name} line {record.line}; "
                "the latter wins where it differs"
            )
        elif previous is not None:
            report.duplicates_skipped += 1
        chosen[record.number] = item
    return list(chosen.values())


def _combined_record(resolution: Resolution, batch: list[ParsedRecord]) -> ParsedRecord | None:
    """The record data for a resolution: every record kept for it, in the order kept, then this
    batch's in the order read, each laid over the ones before. A later record wins on what it
    carries and never erases a field it does not carry."""
    kept = [
        parse_records(source.file_name, source.raw_text.encode("utf-8"))[0]
        for source in Source.objects.filter(resolution=resolution, format=FORMAT_RECORD).order_by(
            "id"
        )
    ]
    combined = None
    for record in kept + batch:
        combined = record if combined is None else merge_records(combined, record)
    return combined


def resolution_fields(
    *,
    akn: ParsedResolution | None,
    pages: ParsedResolution | None,
    record: ParsedRecord | None,
) -> dict:
    """A resolution's descriptive fields, derived from all its sources together, so the
    archive is the same whichever source arrived first.

    Precedence: the official XML for text, title and adoption date; the record's vote line
    for the meeting (the XML's cover page sometimes repeats another resolution's meeting);
    page texts for the printed pages; the record for agenda, vote, sponsors and subjects.
    """
    text = akn or pages
    fields = {
        "symbol": (text or record).symbol,
        "year": (text or record).year,
        "text_source": FORMAT_AKN if akn else FORMAT_PAGE_TEXT if pages else "",
        "title": (akn.title if akn else "") or (record.title if record else ""),
        "short_title": find_short_title(
            titles=[akn.title if akn else "", record.title if record else ""],
            agenda=record.agenda if record else "",
            opening=next(
                (p.text for p in (text.paragraphs if text else ()) if p.kind == PREAMBULAR), ""
            ),
        ),
        "formula": (akn.formula if akn else "") or (pages.formula if pages else ""),
        "adopted_on": next(
            (s.adopted_on for s in (akn, pages, record) if s is not None and s.adopted_on), None
        ),
        "meeting": next((s.meeting for s in (record, akn, pages) if s and s.meeting), ""),
        "pages_total": pages.pages_total if pages else None,
        "job_number": pages.job_number if pages else "",
        "agenda": "",
        "draft_symbol": "",
        "adoption_type": "",
        "vote_in_favour": None,
        "vote_against": None,
        "vote_abstaining": None,
        "votes": [],
        "sponsors": [],
        "subjects": [],
    }
    if record is not None:
        fields.update(
            agenda=record.agenda,
            draft_symbol=record.draft_symbol,
            adoption_type=record.adoption_type,
            vote_in_favour=record.in_favour,
            vote_against=record.against,
            vote_abstaining=record.abstaining,
            votes=[{"member": v.member, "vote": v.vote} for v in record.votes],
            sponsors=list(record.sponsors),
            subjects=list(record.subjects),
        )
    return fields
