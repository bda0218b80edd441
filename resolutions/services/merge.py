"""Turn a resolution's parsed sources into the paragraphs the archive shows.

A resolution may have page texts (from the UN's PDFs), the official Akoma Ntoso XML, or both.
When both are there the XML text is shown -- it is the UN's own text, complete -- and the page
texts contribute what only they know: which printed pages a paragraph sits on and the text as
printed. Identifiers that the page text gave (``pp-3``) and the XML does not (``pp22``) become
aliases, so every link ever served keeps resolving whichever source arrived first.

The comparison of the repaired page text with the official text is the measure of the
page-text repair; :func:`compare_texts` reports it. Example::

    >>> plan = plan_paragraphs(akn=parsed_xml, pages=parsed_pages)
    >>> plan.comparison.summary("2388")
    '2388: 31 of 32 complete page-text paragraphs identical to the official text after repair'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace

from resolutions.addresses import annex_divisions, keyed_items, link_notes
from resolutions.parsing.document import (
    OPERATIVE,
    PREAMBULAR,
    ParsedParagraph,
    ParsedReference,
    ParsedResolution,
    ParseError,
)
from resolutions.parsing.emphasis import with_leads
from resolutions.parsing.repair import normalize_typography
from resolutions.parsing.topics import find_trafficking
from resolutions.services.identifiers import assign_identifiers


@dataclass(frozen=True)
class PlannedParagraph:
    """A paragraph row as it should be in the database (see models.Paragraph)."""

    pid: str
    kind: str
    number: int | None
    label: str
    annex: str
    position: int
    text: str
    text_as_printed: str
    structure: dict | None
    pages: tuple[int, ...]
    begins_on_missing_page: bool
    ends_on_missing_page: bool
    addresses_trafficking: bool
    references: tuple[ParsedReference, ...]
    emphasis: tuple[tuple[int, int], ...] = ()  # italic stretches of ``text``
    addressing: dict | None = None  # see resolutions/addresses.py
    notes: tuple[tuple[int, str], ...] = ()  # footnote markers as the reader found them


@dataclass
class Comparison:
    """How the repaired page text compares with the official text, paragraph by paragraph."""

    compared: int = 0
    identical: int = 0
    differences: list[tuple[str, str, str]] = field(default_factory=list)  # (pid, page, official)

    def summary(self, name: str) -> str:
        return (
            f"{name}: {self.identical} of {self.compared} complete page-text paragraphs "
            "identical to the official text after repair"
        )


@dataclass(frozen=True)
class Plan:
    paragraphs: tuple[PlannedParagraph, ...]
    aliases: dict[str, str]  # old pid -> pid shown now
    comparison: Comparison | None


def paragraph_structure(paragraph: ParsedParagraph, *, keyed: bool = True) -> dict | None:
    """A paragraph's lettered or numbered items as stored (``Paragraph.structure``); ``keyed``:
    with the keys sub-paragraph addresses are made of (resolutions.addresses.keyed_items)."""
    if not paragraph.items:
        return None

    def item(node) -> dict:
        return {"label": node.label, "text": node.text, "items": [item(i) for i in node.items]}

    items = (item(i) for i in paragraph.items)
    return {
        "intro": paragraph.intro,
        "items": keyed_items(items) if keyed else list(items),
        "outro": paragraph.outro,
    }


def _planned(paragraph: ParsedParagraph, pid: str, position: int, **overrides) -> PlannedParagraph:
    values = dict(
        pid=pid,
        kind=paragraph.kind,
        number=paragraph.number,
        label=paragraph.label,
        annex=paragraph.annex,
        position=position,
        text=paragraph.text,
        text_as_printed=paragraph.text_as_printed or paragraph.text,
        structure=paragraph_structure(paragraph),
        pages=tuple(paragraph.pages),
        begins_on_missing_page=paragraph.begins_on_missing_page,
        ends_on_missing_page=paragraph.ends_on_missing_page,
        addresses_trafficking=find_trafficking(paragraph.text),
        references=tuple(paragraph.references),
        emphasis=tuple(paragraph.emphasis),
        addressing={"part": paragraph.part} if paragraph.part else None,
        notes=tuple(paragraph.notes),
    )
    values.update(overrides)
    return PlannedParagraph(**values)


def _with_notes(planned: tuple[PlannedParagraph, ...]) -> tuple[PlannedParagraph, ...]:
    """Footnote markers linked to their footnotes and back, and the divisions that make an
    annex paragraph's citation unique (``addressing``)."""
    linked = link_notes([(p.pid, p.kind, p.label, p.notes) for p in planned])
    rows = [
        (p.pid, p.kind, p.annex, (p.addressing or {}).get("part", ""), p.label, p.text)
        for p in planned
    ]
    for pid, division in annex_divisions(rows).items():
        part = (next(p for p in planned if p.pid == pid).addressing or {}).get("part", "")
        linked.setdefault(pid, {})["part"] = f"{part}, {division}" if part else division
    if not linked:
        return planned
    return tuple(
        replace(p, addressing={**(p.addressing or {}), **linked[p.pid]}) if p.pid in linked else p
        for p in planned
    )


def plan_paragraphs(*, akn: ParsedResolution | None, pages: ParsedResolution | None) -> Plan:
    """The paragraphs to show for a resolution, from whichever sources it has."""
    if akn is None and pages is None:
        return Plan(paragraphs=(), aliases={}, comparison=None)
    # Page texts have lost their italics, and the XML leaves a few paragraphs unmarked: those
    # get the opener the Council uses (a paragraph the markup italicises keeps its own).
    pages = with_leads(pages) if pages is not None else None
    akn = with_leads(akn) if akn is not None else None
    if akn is None:
        ids = assign_identifiers(pages.paragraphs)
        planned = tuple(
            _planned(p, pid, position)
            for position, (p, pid) in enumerate(zip(pages.paragraphs, ids, strict=True), 1)
        )
        return Plan(paragraphs=_with_notes(planned), aliases={}, comparison=None)

    official_ids = assign_identifiers(akn.paragraphs)
    if pages is None:
        planned = tuple(
            _planned(p, pid, position)
            for position, (p, pid) in enumerate(zip(akn.paragraphs, official_ids, strict=True), 1)
        )
        return Plan(paragraphs=_with_notes(planned), aliases={}, comparison=None)

    matches = match_paragraphs(akn=akn, pages=pages)  # official index -> page paragraph
    check_pages_agree(akn=akn, pages=pages, matches=matches)
    page_ids = assign_identifiers(pages.paragraphs)
    page_pid = {id(p): pid for p, pid in zip(pages.paragraphs, page_ids, strict=True)}
    aliases: dict[str, str] = {}
    comparison = Comparison()
    planned_list = []
    for position, (official, pid) in enumerate(zip(akn.paragraphs, official_ids, strict=True), 1):
        printed = matches.get(position - 1)
        if printed is None:
            planned_list.append(_planned(official, pid, position))
            continue
        if page_pid[id(printed)] != pid:
            aliases[page_pid[id(printed)]] = pid
        if not (printed.begins_on_missing_page or printed.ends_on_missing_page):
            comparison.compared += 1
            if comparable(printed.text) == comparable(official.text):
                comparison.identical += 1
            else:
                comparison.differences.append((pid, printed.text, official.text))
        planned_list.append(
            _planned(
                official,
                pid,
                position,
                pages=tuple(printed.pages),
                text_as_printed=printed.text_as_printed,
            )
        )
    return Plan(paragraphs=_with_notes(tuple(planned_list)), aliases=aliases, comparison=comparison)


# A page's operative paragraph and the official one of the same number share at least this
# much text (after repair, the seeds' worst pair shares 0.97); another resolution's paragraph
# shares a few common words (0.2 to 0.4).
AGREEMENT = 0.6


def check_pages_agree(
    *, akn: ParsedResolution, pages: ParsedResolution, matches: dict[int, ParsedParagraph]
) -> None:
    """Refuse page text that contradicts the official text of the resolution it names (a page
    of another resolution relabelled): ParseError naming the page file and line.

    Each numbered operative paragraph of the pages must exist in the official text and agree
    with it; a paragraph cut by a missing page must be part of its official paragraph.
    """
    matched = {id(p): official for official, p in matches.items()}
    for printed in pages.paragraphs:
        if printed.kind != OPERATIVE or printed.number is None:
            continue
        index = matched.get(id(printed))
        official = akn.paragraphs[index] if index is not None else None
        if official is None:
            problem = f"paragraph {printed.number} is not in the official text"
        elif printed.begins_on_missing_page or printed.ends_on_missing_page:
            if _fragment_of(printed, official) or len(comparable(printed.text)) <= 20:
                continue
            problem = f"paragraph {printed.number} is not part of the official paragraph"
        else:
            similarity = _similarity(printed.text, official.text)
            if similarity >= AGREEMENT:
                continue
            problem = (
                f"paragraph {printed.number} shares {similarity:.0%} of its text "
                "with the official paragraph"
            )
        page = printed.pages[0] if printed.pages else None
        file = next((p.file for p in pages.pages if p.number == page), pages.files[0])
        raise ParseError(
            f"page {page} contradicts the official text of {akn.symbol}: {problem}; "
            "is the page labelled with the right symbol?",
            file=file,
            line=printed.line,
        )


def comparable(text: str) -> str:
    """Text reduced to what the repair is responsible for: words, hyphens and punctuation.

    Typography the UN's two outputs render differently (non-breaking hyphens, soft hyphens,
    runs of spaces) is folded away, by the same normalisation every reader applies, so it is
    not counted as a repair failure.
    """
    return normalize_typography(text)


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, comparable(a), comparable(b), autojunk=False).ratio()


def match_paragraphs(
    *, akn: ParsedResolution, pages: ParsedResolution
) -> dict[int, ParsedParagraph]:
    """Pair each page-text paragraph with its official counterpart (by official index).

    Operative paragraphs pair by their number. Preambular paragraphs pair by their place
    counted from the end of the preamble when the page text holds that end, else by the most
    similar text; a pair must share most of its words, so a fragment pairs only with the
    paragraph it is part of.
    """
    official = list(akn.paragraphs)
    by_number = {
        p.number: i for i, p in enumerate(official) if p.kind == OPERATIVE and p.number is not None
    }
    official_pp = [i for i, p in enumerate(official) if p.kind == PREAMBULAR]
    printed_pp = [p for p in pages.paragraphs if p.kind == PREAMBULAR]
    matches: dict[int, ParsedParagraph] = {}
    for paragraph in pages.paragraphs:
        if paragraph.kind == OPERATIVE and paragraph.number in by_number:
            matches.setdefault(by_number[paragraph.number], paragraph)
    for k, paragraph in enumerate(reversed(printed_pp), 1):
        candidates = []
        if k <= len(official_pp):
            candidates.append(official_pp[-k])
        candidates.extend(i for i in official_pp if i not in candidates)
        for index in candidates:
            if index in matches:
                continue
            if _fragment_of(paragraph, official[index]):
                matches[index] = paragraph
                break
    return matches


def _fragment_of(printed: ParsedParagraph, official: ParsedParagraph) -> bool:
    """Is the printed paragraph (maybe cut by a missing page) this official paragraph?"""
    if printed.begins_on_missing_page or printed.ends_on_missing_page:
        needle = comparable(printed.text)[:60].lower()
        return len(needle) > 20 and needle[:30] in comparable(official.text).lower()
    return _similarity(printed.text, official.text) > 0.8
