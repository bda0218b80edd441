"""The page-text reader: page texts extracted from the UN's PDFs -> ParsedResolution.

Why: part of the archive arrives as the text of single printed pages, one file per page, in
any order, some pages missing. Each page names its resolution in its running header, so the
reader groups files by that symbol, orders them by page number, and reads each resolution's
paragraphs, marking those cut off by a missing page. The stages are separate modules:
furniture (header and footer) -> structure (paragraphs) -> repair (extraction damage) ->
references (citations).

What a paragraph holds: ``text`` is the repaired text without the operative number ("24.");
``text_as_printed`` the printed lines joined by single spaces, damage and all; ``line`` the
line of its file where it starts. Text at the top of a page after a missing page is the end
of the paragraph before the next one that starts (``begins_on_missing_page``); a paragraph
that stops without its terminator before a missing page has ``ends_on_missing_page``.
Preambular paragraphs are counted (``ordinal``) only when page 1 is here; otherwise
:func:`resolutions.parsing.structure.preamble_end_in_source` tells whether they can be
counted back from operative paragraph 1.

Example::

    parse_page_texts([("p7.txt", page7_bytes), ("p4.txt", page4_bytes)])
    # -> [ParsedResolution(symbol="S/RES/2388 (2017)", pages_total=8, paragraphs=(...))]
"""

from __future__ import annotations

from collections.abc import Sequence

from resolutions.parsing.document import (
    FORMAT_PAGE_TEXT,
    ParsedItem,
    ParsedPage,
    ParsedParagraph,
    ParsedResolution,
    ParseError,
)
from resolutions.parsing.furniture import PageText, parse_page
from resolutions.parsing.references import find_references
from resolutions.parsing.repair import normalize_typography, repair_lines
from resolutions.parsing.structure import Block, Item, Line, parse_blocks, split_items

# Where a paragraph runs across a missing page, its two parts are joined with this mark.
GAP_MARK = "[…]"


def parse_page_texts(files: Sequence[tuple[str, bytes]]) -> list[ParsedResolution]:
    """Parse page files of one or more resolutions, given in any order.

    Identical copies of a page are merged; two different texts for one page, and any file
    that is not a resolution page, raise :class:`ParseError` naming the file and line.
    Resolutions come back ordered by year and number.
    """
    by_symbol: dict[str, dict[int, PageText]] = {}
    for name, data in files:
        page = parse_page(name, decode_page(name, data))
        pages = by_symbol.setdefault(page.symbol, {})
        known = pages.get(page.page)
        if known is None:
            pages[page.page] = page
        elif _comparable(known.raw_text) != _comparable(page.raw_text):
            raise ParseError(
                f"page {page.page} of {page.symbol} is given twice with different text "
                f"(first in {known.file})",
                file=name,
                line=_first_difference(known.raw_text, page.raw_text),
            )
    resolutions = [
        _parse_resolution(sorted(p.values(), key=lambda pg: pg.page)) for p in by_symbol.values()
    ]
    return sorted(resolutions, key=lambda r: (r.year, r.number))


def decode_page(name: str, data: bytes) -> str:
    """The text of a page file, or ParseError for an empty, binary or non-UTF-8 file."""
    if not data.strip():
        raise ParseError("empty file", file=name, line=1)
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise ParseError(
            "binary file (NUL byte), not a page text", file=name, line=data.count(b"\n", 0, at) + 1
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ParseError(
            f"not UTF-8 text (byte 0x{data[error.start]:02x})",
            file=name,
            line=data.count(b"\n", 0, error.start) + 1,
        ) from None
    return text.removeprefix("\ufeff")


def _comparable(text: str) -> list[str]:
    """A page's lines as a reader sees them: trailing spaces and blank lines do not count."""
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def _first_difference(first: str, second: str) -> int:
    """The line number in ``second`` of the first line that differs from ``first``."""
    old = [line.rstrip() for line in first.split("\n")]
    for number, line in enumerate(second.split("\n"), start=1):
        if number > len(old) or old[number - 1] != line.rstrip():
            return number
    return len(old) + 1


def _parse_resolution(pages: list[PageText]) -> ParsedResolution:
    first = pages[0]
    warnings: list[str] = []
    totals = {p.total for p in pages if p.total is not None}
    if len(totals) > 1:
        odd = next(p for p in pages if p.total != max(totals))
        raise ParseError(
            f"pages of {first.symbol} disagree on the page count ({sorted(totals)})",
            file=odd.file,
            line=odd.page_line,
        )
    jobs = sorted({p.job_number for p in pages if p.job_number})
    if len(jobs) > 1:
        warnings.append(f"pages carry different job numbers: {', '.join(jobs)}")
    total = totals.pop() if totals else None
    structure = parse_blocks(pages)
    warnings.extend(structure.warnings)
    return ParsedResolution(
        symbol=first.symbol,
        number=first.number,
        year=first.year,
        source_format=FORMAT_PAGE_TEXT,
        paragraphs=tuple(_paragraph(block) for block in structure.blocks),
        pages=tuple(
            ParsedPage(
                number=p.page,
                file=p.file,
                raw_text=p.raw_text,
                total=p.total,
                job_number=p.job_number,
            )
            for p in pages
        ),
        pages_total=total,
        job_number=jobs[0] if jobs else "",
        adopted_on=structure.adopted_on,
        meeting=structure.meeting,
        formula=structure.formula,
        files=tuple(p.file for p in pages),
        warnings=tuple(warnings),
    )


def _paragraph(block: Block) -> ParsedParagraph:
    """A block of printed lines as a ParsedParagraph: clean text, structure, citations."""
    printed = " ".join(
        f"{GAP_MARK} {line.text}" if (line.page, line.number) in block.resumes else line.text
        for line in block.lines
    )
    intro_lines, items = split_items(block.lines)
    if items:
        intro = _clean(intro_lines, block)
        parsed_items = tuple(_item(item, block) for item in items)
        text = " ".join(part for part in [intro, *map(_flatten, parsed_items)] if part)
    else:
        intro, parsed_items = "", ()
        text = _clean(block.lines, block)
    return ParsedParagraph(
        kind=block.kind,
        text=text,
        text_as_printed=printed,
        number=block.number,
        ordinal=block.ordinal,
        pages=block.pages,
        begins_on_missing_page=block.begins_on_missing_page,
        ends_on_missing_page=block.ends_on_missing_page,
        intro=intro,
        items=parsed_items,
        references=find_references(text),
        line=block.first_line,
    )


def _clean(lines: Sequence[Line], block: Block) -> str:
    """Repaired text of some of a block's lines, with the mark where a page is missing."""
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if (line.page, line.number) in block.resumes and chunks[-1]:
            chunks.append([])
        chunks[-1].append(line)
    parts = [
        repair_lines([ln.text for ln in chunk], widths=[ln.width for ln in chunk])
        for chunk in chunks
        if chunk
    ]
    return f" {GAP_MARK} ".join(parts)


def _item(item: Item, block: Block) -> ParsedItem:
    return ParsedItem(
        label=item.label,
        text=_clean(item.lines, block),
        items=tuple(_item(sub, block) for sub in item.items),
    )


def _flatten(item: ParsedItem) -> str:
    """ "(a) text (i) sub; (ii) sub": how an item reads inside the paragraph's text."""
    parts = [f"{item.label} {item.text}".strip(), *map(_flatten, item.items)]
    return normalize_typography(" ".join(parts))
