"""Ingest the other five official languages: each file kept verbatim as a ``Translation``,
each paragraph's text given to the English paragraph it aligns with (``ParagraphText``), and
every structural mismatch recorded on the translation, never aligned by a guess (see
:mod:`resolutions.languages.alignment`).

Called by :func:`resolutions.services.ingest.ingest_paths` inside its transaction, after the
English texts, for the translations of the batch and for the translations already held of
resolutions whose English paragraphs changed. Example::

    counts = translations_update(batch=[(source, parsed_fr)], english_changed={2546})
    counts.added, counts.texts_changed  # 1, 5
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from resolutions.languages.alignment import align
from resolutions.languages.analysis import search_text
from resolutions.languages.forms import ENGLISH_NAMES, OTHER_LANGUAGES
from resolutions.models import Paragraph, ParagraphText, Resolution, Translation
from resolutions.parsing.akn import parse_akn
from resolutions.parsing.document import ParsedResolution, ParseError
from resolutions.parsing.xmltext import decode_xml
from resolutions.services.identifiers import assign_identifiers
from resolutions.services.merge import paragraph_structure
from resolutions.services.sources import SourceFile


@dataclass
class TranslationCounts:
    added: int = 0  # files kept that the archive did not hold
    unchanged: int = 0
    duplicates: int = 0
    texts_changed: int = 0  # ParagraphText rows created, updated or removed
    warnings: list[str] = field(default_factory=list)
    # language -> resolutions of the batch whose structure differs from the English text
    mismatched: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.texts_changed)


def translations_update(
    *, batch: list[tuple[SourceFile, ParsedResolution]], english_changed: set[int]
) -> TranslationCounts:
    counts = TranslationCounts()
    chosen: dict[tuple[int, str], list[tuple[SourceFile, ParsedResolution]]] = defaultdict(list)
    seen: set[str] = set()
    for source, parsed in batch:
        if source.checksum in seen:
            counts.duplicates += 1  # the same file in two folders
            continue
        seen.add(source.checksum)
        if parsed.language not in OTHER_LANGUAGES:
            counts.warnings.append(
                f"{source.name}: language {parsed.language!r} is not one of the UN's six; "
                "not imported"
            )
            continue
        chosen[(parsed.number, parsed.language)].append((source, parsed))

    to_align: dict[int, Translation] = {}
    parsed_of: dict[int, ParsedResolution] = {}
    for (number, language), files in sorted(chosen.items()):
        source, parsed = files[0]
        resolution = Resolution.objects.filter(number=number).first()
        if resolution is None or not resolution.paragraphs.exists():
            counts.warnings.append(
                f"{parsed.symbol} ({source.name}): no English text in the archive to align "
                f"the {ENGLISH_NAMES[language]} text with; not imported"
            )
            continue
        if resolution.year != parsed.year:
            raise ParseError(
                f"{parsed.symbol} contradicts the archive, which holds {resolution.symbol}",
                file=source.shown or source.name,
            )
        held = Translation.objects.filter(resolution=resolution, language=language).first()
        source, parsed = _chosen(counts, resolution, language, files, held)
        if held is not None and held.checksum == source.checksum:
            counts.unchanged += 1
            if number in english_changed:
                to_align[held.id], parsed_of[held.id] = held, parsed
            continue
        translation = held or Translation(resolution=resolution, language=language)
        translation.file_name = source.name
        translation.checksum = source.checksum
        translation.raw_text = decode_xml(source.name, source.data)
        translation.title = parsed.title
        translation.formula = parsed.formula[:200]
        translation.save()
        counts.added += 1
        to_align[translation.id], parsed_of[translation.id] = translation, parsed

    # Translations held of resolutions whose English text changed in this ingest.
    held_again = Translation.objects.filter(resolution__number__in=english_changed).exclude(
        id__in=list(to_align)
    )
    for translation in held_again.select_related("resolution"):
        to_align[translation.id] = translation
        parsed_of[translation.id] = parse_akn(translation.file_name, translation.raw_text)

    for translation_id, translation in to_align.items():
        _align_and_store(counts, translation, parsed_of[translation_id])
    return counts


def _chosen(counts, resolution, language, files, held):
    """One file per resolution and language. Rule, as for the English XML: the most
    paragraphs, then the longest text, then the file name that sorts last."""
    if len(files) == 1 and (held is None or held.checksum == files[0][0].checksum):
        return files[0]
    candidates = list(files)
    if held is not None and all(s.checksum != held.checksum for s, _p in files):
        data = held.raw_text.encode("utf-8")
        kept = SourceFile(held.file_name, data, "akn", held.checksum)
        candidates.append((kept, parse_akn(held.file_name, held.raw_text)))
    if len(candidates) > 1:
        names = ", ".join(sorted(s.name for s, _p in candidates))
        counts.warnings.append(
            f"{resolution.symbol}: {len(candidates)} differing {ENGLISH_NAMES[language]} "
            f"files ({names}); keeping the one with the most paragraphs"
        )

    def key(candidate):
        source, parsed = candidate
        return (len(parsed.paragraphs), sum(len(p.text) for p in parsed.paragraphs), source.name)

    return max(candidates, key=key)


def _align_and_store(
    counts: TranslationCounts, translation: Translation, parsed: ParsedResolution
) -> None:
    language = translation.language
    english = list(
        Paragraph.objects.filter(resolution_id=translation.resolution_id)
        .order_by("position")
        .values_list("id", "pid", "addressing", "structure")
    )
    fresh = {
        (addressing or {}).get("cite_as") or pid: paragraph_id
        for paragraph_id, pid, addressing, _structure_ in english
    }
    english_shape = [
        ((addressing or {}).get("cite_as") or pid, len((structure or {}).get("items") or []))
        for _id, pid, addressing, structure in english
    ]
    ids = assign_identifiers(parsed.paragraphs)
    shape = [(pid, len(p.items)) for pid, p in zip(ids, parsed.paragraphs, strict=True)]
    alignment = align(english_shape, shape)

    wanted: dict[int, dict] = {}
    for pid, index in alignment.pairs.items():
        paragraph = parsed.paragraphs[index]
        wanted[fresh[pid]] = {
            "text": paragraph.text,
            "structure": paragraph_structure(paragraph, keyed=False),
            "emphasis": [list(span) for span in paragraph.emphasis] or None,
            "search_text": search_text(language, paragraph.text),
        }
    held = {
        row.paragraph_id: row
        for row in ParagraphText.objects.filter(
            paragraph__resolution_id=translation.resolution_id, language=language
        )
    }
    gone = [row.id for paragraph_id, row in held.items() if paragraph_id not in wanted]
    if gone:
        ParagraphText.objects.filter(id__in=gone).delete()
    new_rows = []
    for paragraph_id, values in wanted.items():
        row = held.get(paragraph_id)
        if row is None:
            new_rows.append(ParagraphText(paragraph_id=paragraph_id, language=language, **values))
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
            counts.texts_changed += 1
    ParagraphText.objects.bulk_create(new_rows)
    counts.texts_changed += len(gone) + len(new_rows)

    fields = {
        "paragraphs_read": len(parsed.paragraphs),
        "paragraphs_aligned": len(wanted),
        "mismatches": alignment.mismatches,
    }
    if any(getattr(translation, name) != value for name, value in fields.items()):
        Translation.objects.filter(id=translation.id).update(**fields)
    if alignment.mismatches:
        counts.mismatched[language] = counts.mismatched.get(language, 0) + 1
