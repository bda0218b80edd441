"""Decide what each block of an AKN resolution is, and freeze the result into paragraphs.

Why a stage of its own: the reader (:mod:`resolutions.parsing.akn`) walks the XML and emits
*blocks* in document order -- a numbered text, an unnumbered text, a heading, a list, a
table -- but what a block *is* depends on its neighbours. An empty "3." followed by an
unnumbered text is one paragraph (2000 markup); "(e)" after "6. Decides that the mandate
shall be:" is its sub-paragraph; "Arms embargo" is a sub-heading, except inside a mandate
list, where the next block continues the list. These rules live here, with the freezing of
drafts into :class:`ParsedParagraph` (clean text, structure, references with offsets).

Example::

    >>> blocks = [Block("text", "1.", [Run("Decides to remain seized of the matter.")])]
    >>> assemble(blocks, [])[0][0].number
    1
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from resolutions.parsing.document import (
    ANNEX,
    FOOTNOTE,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    REF_DOCUMENT,
    REF_INTERNAL,
    REF_RESOLUTION,
    ParsedItem,
    ParsedParagraph,
    ParsedReference,
)
from resolutions.parsing.markup import Note, Run, collapse, compose, link_reference, plain
from resolutions.parsing.nesting import promote_nested
from resolutions.parsing.references import find_references
from resolutions.parsing.repair import normalize_typography

_ARABIC = re.compile(
    r"""
    ^(\d{1,3})     # an operative number: "12."
    (?:\.|\s*-)?$  # rarely without the dot; the UN's Arabic text prints "12 -"
    """,
    re.X,
)
_SUBITEM = re.compile(
    r"""
    ^(?: \([a-z]{1,4}\)   # (a) (cc) (iv)
       | \(\d{1,2}\)      # (1)
       | [a-z]{1,4}\.     # a. iv.
       | [–—•·-]          # dashes and bullets
    )$
    """,
    re.X,
)
_SECTION = re.compile(r"^(?:[A-Z]|[IVXLC]+)\.?$")  # "A." "IV": labels of sub-headings
_RULE = re.compile(r"^[\s*_=.·•–—-]*$")  # separator lines: "-----", "*"
_ANNEX_TITLE = re.compile(
    r"""
    ^[“"‘']?                                      # titles quoted inside a declaration
    (?P<name>(?:[A-Z][a-z]+\s)?                   # "Designation Annex" (2025)
      (?:Annex|ANNEX)
      (?:\s+(?:[IVXLC]+|\d{1,2}|[A-Z])\b)?)      # "Annex", "Annex II", "Annex 2", "Annex A"
    (?: \s*[:.–—-]\s*(?P<subtitle>.*)             # "Annex A: Joint Comprehensive ..."
      | \s+(?P<title>[A-Z].*)                     # "Annex Article 11: Composition ..."
    )?$
    """,
    re.X | re.S,
)
_WRITTEN_NUMBER = re.compile(
    r"""
    ^(?P<label>(?P<number>\d{1,3})     # "7" or "7." typed at the start of the text,
      (?:\.|\s*-)?)                     # "7 -" in the UN's Arabic text
    \s+(?=[A-Z\u0600-\u06FF])          # then the paragraph's first word (Latin or Arabic)
    """,
    re.X,
)
_SPLIT_NUMBER = re.compile(
    r"""
    ^(?P<last>\d{1,2})\.?   # "1" or "2." typed at the start of the text: the last level of
    \s+(?=\S)               # a number the markup cut, "1.1." + "3. Sanctions" = "1.1.3."
    """,
    re.X,
)
_LEVELLED = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.$")  # "1.1.", "2.3.": a section's number
_PART_TITLE = re.compile(
    r"""
    ^(?P<part>[A-Z][A-Za-z/+]*\s+     # the agreement's name: "JCPOA"
      Annex\s+(?:[IVXLC]+|\d{1,2}))   # its own annex: "Annex II"
    \s*[–—:-]\s*\S                    # then its title: "– Sanctions-related commitments"
    """,
    re.X,
)
_NEARBY = re.compile(
    r"""
    \b(?P<where>above|below                    # "paragraph 3 above": same part of the text
      |of\s+(?:this|the\s+present)\s+resolution)\b  # "paragraph 3 of this resolution"
    """,
    re.X,
)


@dataclass
class Item:
    """A sub-paragraph in the making."""

    label: str
    runs: list[Run]
    items: list[Item] = field(default_factory=list)
    emphasised: bool = False  # the whole point is bold or underlined, as headings are


@dataclass
class Block:
    """One unit met while walking the XML, before its role is decided.

    ``hint`` is "text", "heading", "list" (runs = intro, with items/outro), "table" (items =
    rows) or "annex" (an attached annex document begins). ``zone`` is PREAMBULAR for blocks
    the markup places in the preamble.
    """

    hint: str
    label: str = ""
    runs: list[Run] = field(default_factory=list)
    zone: str = OPERATIVE
    items: list[Item] = field(default_factory=list)
    outro: list[Run] = field(default_factory=list)

    @property
    def text(self) -> str:
        return plain(self.runs)


@dataclass
class _Draft:
    kind: str
    runs: list[Run]  # the whole text, or the intro when there are items
    label: str = ""
    number: int | None = None
    items: list[Item] = field(default_factory=list)
    outro: list[Run] = field(default_factory=list)
    annex: str = ""
    continued: bool = False  # inside a list that a ":" opened and no "." has closed yet
    part: str = ""  # "JCPOA Annex II": a part of an annex that numbers its paragraphs anew

    def is_open(self) -> bool:
        """Does the paragraph still take sub-paragraphs?

        Yes after "... the following tasks:" and until a sub-paragraph ends with a full stop;
        the next block then tells whether the list goes on (see :func:`_continues`).
        """
        if self.outro:
            return plain(self.outro).endswith(":")
        last = plain(self.items[-1].runs if self.items else self.runs)
        if self.items and self.items[-1].label:  # lists run on with ";" or ","
            return not last.endswith(".")
        return self.continued or last.endswith(":")

    def add_item(self, item: Item) -> None:
        self.continued = self.is_open() and not plain(item.runs).endswith(".")
        self.items.append(item)


def assemble(
    blocks: list[Block], notes: list[Note]
) -> tuple[tuple[ParsedParagraph, ...], list[str]]:
    """The paragraphs of a resolution from its blocks and footnotes, plus warnings."""
    assembler = _Assembler()
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        assembler.add(block, following)
    return assembler.finish(notes)


class _Assembler:
    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.warnings: list[str] = []
        self.annex = ""  # the current annex's name, once the annexes have begun
        self.pending_number: int | None = None  # "3." whose text is the next block (2000)
        self.pending_label = ""  # "(e)" whose text is the next block
        self.seen_operative = False
        self.last_number = 0  # the last operative number met
        self.subtitle = ""  # "Statement" of "Annex B: Statement", which may come again
        self.part = ""  # the part of the current annex with its own numbering, if any

    def add(self, block: Block, following: Block | None) -> None:
        echo, self.subtitle = self.subtitle, ""
        if echo and block.hint in ("heading", "text") and not block.label:
            if _same_words(block.text, echo):
                return  # "Annex B: Statement", then a subheading "Statement" (2015)
        part = _PART_TITLE.match(block.text) if self.annex and not block.label else None
        if part:  # "JCPOA Annex I – Nuclear-related measures" inside annex A of 2231 (2015)
            self.part = part["part"]
        if block.hint == "annex":
            self.annex, self.pending_number, self.pending_label = "Annex", None, ""
            self.part = ""
        elif block.hint == "heading":
            self._heading(block.label, block.runs, following)
        elif block.hint == "table":
            self._table(block.items)
        elif block.hint == "list":
            self._list(block)
        else:
            self._text(block, following)

    def _last(self) -> _Draft | None:
        if self.drafts and self.drafts[-1].kind in (OPERATIVE, PREAMBULAR, ANNEX):
            return self.drafts[-1]
        return None

    def _new(self, kind: str, runs: list[Run], **fields) -> _Draft:
        draft = _Draft(kind, runs, **fields)
        if self.annex:
            draft.kind, draft.annex, draft.part = ANNEX, self.annex, self.part
        self.seen_operative = self.seen_operative or draft.kind == OPERATIVE
        if draft.kind == OPERATIVE and draft.number is not None:
            self.last_number = draft.number
        self.drafts.append(draft)
        return draft

    def _heading(self, label: str, runs: list[Run], following: Block | None) -> None:
        text = plain(runs)
        title = _ANNEX_TITLE.match(text) if not label else None
        if title:
            name = title["name"].replace("ANNEX", "Annex")
            self.annex, self.pending_number, self.pending_label = name, None, ""
            self.part = ""
            if title["subtitle"] or title["title"]:
                self._new(ANNEX, runs)
                self.subtitle = title["subtitle"] or title["title"]
            return
        last = self._last()
        if last is not None and not self.annex and last.is_open() and _continues(following):
            # A sub-heading inside a mandate list: "Monitoring of the ceasefire" before (a).
            last.add_item(Item(label, runs))
            last.continued = True
        elif text or label:
            self._new(HEADING, runs or [Run(label)], label=label)

    def _table(self, rows: list[Item]) -> None:
        last = self._last()
        if last is not None and not self.annex:
            last.items += rows
        elif rows:
            self._new(OPERATIVE if self.seen_operative else PREAMBULAR, [], items=rows)

    def _list(self, block: Block) -> None:
        headings = [] if block.outro else _pop_headings(block.items)
        self._list_paragraph(block)
        for item in headings:
            # Its own paragraph after the list, never folded into an annex paragraph; what
            # the conversion nested under it is the section's text, a paragraph per point.
            self.drafts.append(_Draft(HEADING, item.runs, label=item.label, annex=self.annex))
            for point in item.items:
                number = _ARABIC.match(point.label)
                self._new(
                    OPERATIVE, point.runs, label=point.label, items=point.items,
                    number=int(number.group(1)) if number else None,
                )  # fmt: skip

    def _list_paragraph(self, block: Block) -> None:
        number = _ARABIC.match(block.label)
        last = self._last()
        if number or self.annex or last is None:
            self._new(
                OPERATIVE, block.runs, label=block.label, items=block.items, outro=block.outro,
                number=int(number.group(1)) if number else None,
            )  # fmt: skip
        else:  # a "(b)" with sub-points of its own, marked up as a paragraph
            last.add_item(Item(block.label, block.runs, block.items))
            last.outro += block.outro

    def _text(self, block: Block, following: Block | None) -> None:
        label, runs, text = block.label, block.runs, block.text
        arabic = _ARABIC.match(label)
        if not text:
            if arabic:
                self.pending_number = int(arabic.group(1))
            elif _SUBITEM.match(label):
                self.pending_label = label
            elif label and not _RULE.match(label):
                self._heading(label, [], following)
            return
        if _RULE.match(text) and not label:
            return
        if not label and self.pending_label:
            label = self.pending_label
        written = _WRITTEN_NUMBER.match(text)
        if not label and written and int(written["number"]) == self.last_number + 1:
            # "7 Further underlines ...": the number typed into the text, not marked up
            label, runs = written["label"], _drop_prefix(runs, len(written["label"]))
            arabic = _ARABIC.match(label)
        split = _SPLIT_NUMBER.match(text) if _LEVELLED.match(label) else None
        if split:  # "1.1." then "2. Sanctions on banking": printed "1.1.2. Sanctions ..."
            label = f"{label}{split['last']}."
            runs = _drop_prefix(runs, len(split.group().rstrip()))
        number, self.pending_number, self.pending_label = self.pending_number, None, ""
        last = self._last()
        # "Remaining fully committed ...," at the top of the body: the preamble's last words
        tail_of_preamble = not self.seen_operative and text.endswith(",") and not self.annex
        if arabic:
            self._new(OPERATIVE, runs, label=label, number=int(arabic.group(1)))
        elif number is not None and not label:
            self._new(OPERATIVE, runs, number=number)
        elif (
            _SUBITEM.match(label)
            and last is not None
            and (last.kind != PREAMBULAR or last.is_open())
        ):
            last.add_item(Item(label, runs))
        elif (block.zone == PREAMBULAR and not self.annex) or tail_of_preamble:
            self._new(PREAMBULAR, runs)
        elif not label and not self.annex and last is not None and last.is_open():
            last.add_item(Item("", runs))  # "the following judges:" then a name per block
        elif not label and len(text) <= 200 and _ANNEX_TITLE.match(text):
            self._heading("", runs, following)
        elif self.annex:
            self._new(ANNEX, runs, label=label, number=int(arabic.group(1)) if arabic else None)
        elif not label and _looks_like_heading(text):
            self._heading("", runs, following)
        elif label and _SECTION.match(label) and len(text.split()) <= 15:
            self._heading(label, runs, following)
        elif not label and self.seen_operative and last is not None:
            last.add_item(Item("", runs))
        else:  # a resolution of one unnumbered paragraph, or a stray label
            self._new(OPERATIVE, runs, label=label)

    def finish(self, notes: list[Note]) -> tuple[tuple[ParsedParagraph, ...], list[str]]:
        self.drafts = promote_nested(self.drafts, self.warnings, make=_lifted)
        paragraphs = []
        preambular = 0
        numbers: set[int] = set()
        for draft in self.drafts:
            ordinal = None
            if draft.kind == PREAMBULAR:
                preambular += 1
                ordinal = preambular
            if draft.kind == OPERATIVE and draft.number is not None:
                if draft.number in numbers:
                    self.warnings.append(f"operative paragraph {draft.number} appears twice")
                numbers.add(draft.number)
            paragraphs.append(_freeze(draft, ordinal))
        for note in notes:
            number = int(note.marker) if note.marker.isdigit() else None
            draft = _Draft(FOOTNOTE, list(note.runs), label=note.marker, number=number)
            paragraphs.append(_freeze(draft, None))
        return tuple(paragraphs), self.warnings


def _lifted(item: Item, number: int | None) -> _Draft:
    """An operative paragraph the XML nested as a point of the list before it (nesting.py)."""
    return _Draft(OPERATIVE, item.runs, label=item.label, number=number, items=item.items)


def _drop_prefix(runs: list[Run], length: int) -> list[Run]:
    """``runs`` without their first ``length`` printed characters (leading spaces skipped)."""
    kept: list[Run] = []
    started = False  # has the first printed character been dropped?
    for run in runs:
        if length:
            text = run.text if started else run.text.lstrip()
            taken = min(length, len(text))
            started = started or taken > 0
            length -= taken
            run = Run(text[taken:], run.href, run.italic)
        kept.append(run)
    return kept


def _continues(block: Block | None) -> bool:
    """Would ``block`` continue a list: a sub-paragraph label, or a plain unnumbered text?"""
    if block is None or block.hint not in ("text", "list"):
        return False
    if block.label:
        return bool(_SUBITEM.match(block.label))
    return bool(block.text) and not _looks_like_heading(block.text)


def _pop_headings(items: list[Item]) -> list[Item]:
    """Remove the section headings that end a list, and return them in document order.

    The UN's conversion nests the heading of the next section inside the list of the
    paragraph before it, as a point of its own: in S/RES/2231 (2015) paragraph 22 ends
    "22.1. Seek ... ratification of the Additional Protocol." then a sub-point "E." whose
    whole text is a bold "UNSCR Termination Day". A heading is told from a sub-paragraph
    by all of: a section's label ("E.", "IV."), bold or underlined throughout, short and
    unpunctuated, and nothing after it in the list but its own sub-points (the section's
    text, when the conversion nested that too).
    """
    headings: list[Item] = []
    while items and _is_section_heading(items[-1]):
        headings.insert(0, items.pop())
    if items:  # the last point's own sub-points come before in reading order
        headings[:0] = _pop_headings(items[-1].items)
    return headings


def _is_section_heading(item: Item) -> bool:
    return (
        item.emphasised
        and bool(_SECTION.match(item.label))
        and bool(plain(item.runs))
        and _looks_like_heading(plain(item.runs))
    )


def _same_words(text: str, other: str) -> bool:
    """``text`` and ``other`` alike but for case and a closing stop: "Statement" "STATEMENT."."""
    return text.casefold().rstrip(".:") == collapse(other).casefold().rstrip(".:")


def _looks_like_heading(text: str) -> bool:
    """Short, capitalised and unpunctuated: "Arms embargo", "MONUSCO's mandate"."""
    words = text.split()
    return len(words) <= 15 and not text.endswith((",", ";", ":", ".")) and not text[0].islower()


# --- freezing drafts into paragraphs ---------------------------------------------------------


def _clean(text: str) -> str:
    return collapse(normalize_typography(text))


def _flat(draft: _Draft) -> list[Run]:
    """All runs of a paragraph in reading order: "intro (a) first; (b) second outro"."""
    runs = list(draft.runs)

    def add(items: list[Item]) -> None:
        for item in items:
            runs.append(Run(" "))
            if item.label:
                runs.append(Run(item.label + " "))
            runs.extend(item.runs)
            add(item.items)

    add(draft.items)
    if draft.outro:
        runs.append(Run(" "))
        runs.extend(draft.outro)
    return runs


def _freeze_item(item: Item) -> ParsedItem:
    text, _ = compose(item.runs, clean=_clean)
    return ParsedItem(item.label, text, tuple(_freeze_item(sub) for sub in item.items))


def _freeze(draft: _Draft, ordinal: int | None) -> ParsedParagraph:
    runs = _flat(draft)
    italics: list[tuple[int, int]] = []
    text, spans = compose(runs, clean=_clean, italics=italics)
    printed, _ = compose(runs, clean=collapse)
    written = [
        found
        for found in find_references(text)
        if not (draft.kind in (ANNEX, FOOTNOTE) and _cites_annex(text, found))
    ]
    references = []
    notes = tuple((span.start, span.note) for span in spans if span.note)
    for span in spans:
        if span.note:
            continue
        reference = link_reference(text[span.start : span.end], span.href, span.start, span.end)
        if reference is not None:
            references.append(_as_written(reference, written))
    taken = [(ref.start, ref.end) for ref in references]
    # Citations the markup did not link, and "paragraph 19 below"; links win on overlap.
    for found in written:
        if all(found.end <= start or found.start >= end for start, end in taken):
            references.append(found)
            taken.append((found.start, found.end))
    references.sort(key=lambda ref: (ref.start, ref.end))
    structured = bool(draft.items)
    return ParsedParagraph(
        kind=draft.kind,
        text=text,
        text_as_printed=printed,
        number=draft.number,
        ordinal=ordinal,
        intro=compose(draft.runs, clean=_clean)[0] if structured else "",
        items=tuple(_freeze_item(item) for item in draft.items),
        outro=compose(draft.outro, clean=_clean)[0] if structured else "",
        references=tuple(references),
        annex=draft.annex,
        label=draft.label if draft.kind in (HEADING, ANNEX, FOOTNOTE) else "",
        emphasis=tuple(italics),
        notes=notes,
        part=draft.part,
    )


def _as_written(link: ParsedReference, written: list[ParsedReference]) -> ParsedReference:
    """The link, corrected by a fuller citation around it in the text.

    "Presidential Statement <a href=".../E/RES/2015/25">2015/25</a>" (S/RES/2388 (2017)): the
    words say S/PRST/2015/25, the address does not; the words win, the address is kept.
    """
    for found in written:
        around = found.start <= link.start and link.end <= found.end
        longer = found.end - found.start > link.end - link.start
        complete = found.kind == REF_DOCUMENT or (found.kind == REF_RESOLUTION and found.year)
        if around and longer and complete and found.symbol != link.symbol:
            return replace(
                link, kind=found.kind, symbol=found.symbol, number=found.number, year=found.year
            )
    return link


def _cites_annex(text: str, reference: ParsedReference) -> bool:
    """Is this "paragraph 3 above" inside an annex, so the annex's paragraph 3, not ``op3``?"""
    if reference.kind != REF_INTERNAL:
        return False
    where = _NEARBY.search(text, reference.end)
    return where is not None and where["where"] in ("above", "below")
