"""Structure: which printed lines make up which paragraph of a resolution.

Why: a page text is a flat run of lines. Operative paragraphs carry their number ("24."),
on a line of its own or before the text; preambular paragraphs carry none and are told apart
only by how they open ("Noting", "Deeply concerned") after a line that ended the previous
one with "," or ";". Pages may be missing, so text at the top of a page can be the end of a
paragraph we never saw the start of, and sub-paragraphs ("(a)", "(i)") sit inside operative
paragraphs. This module turns ordered pages into blocks of lines, one per paragraph.

Example: page 7 of 8 alone, opening "trafficking from areas affected by conflict ...;" then
"24. Requests ...", gives the blocks (operative 23, begins on a missing page), (operative 24),
and so on: ``parse_blocks([parse_page("p7.txt", text)]).blocks``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources

from resolutions.parsing.document import HEADING, OPERATIVE, PREAMBULAR, ParsedParagraph
from resolutions.parsing.furniture import PageText, typical_width
from resolutions.parsing.repair import join_split_words, vocabulary

OPERATIVE_START = re.compile(
    r"""
    ^(?P<number>\d{1,3})\.      # the paragraph number and its full stop ("24.")
    (?:\s+(?P<rest>\S.*))?$     # then nothing (the text follows on the next line) or the text
    """,
    re.VERBOSE,
)
ITEM_START = re.compile(
    r"""
    ^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)   # a sub-paragraph label: "(a)", "(aa)", "(iv)"
    \s+(?P<rest>\S.*)$                        # and its text on the same line
    """,
    re.VERBOSE,
)
FORMULA = re.compile(r"^The Security Council\s*,\s*$")  # ends page 1's title block
ADOPTED = re.compile(
    r"""
    Adopted\ by\ the\ Security\ Council\ at\ its\s+
    (?P<meeting>\d+(?:st|nd|rd|th))\s+meeting,?\s+on\s+  # "8111th meeting, on"
    (?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})              # "21 November 2017"
    """,
    re.VERBOSE,
)
PREAMBLE_OPENING = re.compile(
    r"""
    ^(?P<word>[A-Z][a-z]+(?:-[a-z]+)?)\b     # a capitalised word: "Noting", "Re-emphasizing"
    (?:\s+(?P<next>[a-z]+)\b)?              # and the next word, if lower case ("concerned")
    """,
    re.VERBOSE,
)
# Words that follow a participle opening a preamble: "Committed to", "Convinced that".
PARTICIPLE_LINKS = {"to", "that", "by", "about", "at", "with", "of", "in", "further", "also"}
ANNEX_HEADING = re.compile(r"^Annex(?:es)?(?:\s+[IVXLC]+)?$")  # annexes are not parsed here
SECTION_HEADING = re.compile(
    r"""
    ^(?:[A-Z]\.\s+|[IVX]+\.\s+)?   # an optional label ("A. ", "IV. ")
    [A-Z\u201c"][^;]*                # a capitalised title, no clause's semicolon
    (?<![.;,])$                     # and no terminator at its end (a colon may end it)
    """,
    re.VERBOSE,
)
HEADING_WIDTH_SHARE = 0.8  # a heading line longer than this share of a full line wraps
HEADING_LENGTH = 70  # ... and than this, where the page has too few lines to tell

# What ends a paragraph before the next begins: "," or ";" in the preamble, ";" or "." for
# operative paragraphs. A text ending otherwise (or with ":" before sub-paragraphs) goes on.
TERMINATORS = {PREAMBULAR: (",", ";"), OPERATIVE: (";", ".")}
ITEM_PRECEDERS = (":", ";", ",", ".", " and", " or")  # how the line before an item ends
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


@dataclass(frozen=True)
class Line:
    """A body line of a page: its text, page, line number in its file and the page's width."""

    text: str
    page: int
    number: int
    width: int
    indent: int | None = None  # leading spaces, on a page that prints its indentation


@dataclass
class Block:
    """The lines of one paragraph (an operative number already taken off its first line)."""

    kind: str | None  # None: a fragment whose kind is settled by what follows it
    number: int | None
    lines: list[Line]
    first_line: int
    begins_on_missing_page: bool = False
    ends_on_missing_page: bool = False
    ordinal: int | None = None
    # (page, line number) of lines that resume the paragraph after a missing page
    resumes: set[tuple[int, int]] = field(default_factory=set)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({line.page for line in self.lines}))


@dataclass
class Item:
    """A sub-paragraph's lines, with its own sub-paragraphs."""

    label: str
    lines: list[Line]
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Structure:
    """The blocks of one resolution's present pages, and what page 1's title block says."""

    blocks: tuple[Block, ...]
    adopted_on: date | None = None
    meeting: str = ""
    warnings: tuple[str, ...] = ()
    formula: str = ""  # "The Security Council," when page 1 prints it


@functools.cache
def preamble_openers() -> frozenset[str]:
    """First words the Council opens preambular paragraphs with, from its own resolutions."""
    data = resources.files("resolutions.parsing").joinpath("data/preamble_openers.txt")
    words = set()
    for line in data.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            phrase, count = line.split("\t")
            first = phrase.split()[0]
            # "Recalls" and the like are operative verbs misfiled as containers.
            if int(count) >= 3 and not first.endswith("s"):
                words.add(first)
    return frozenset(words)


def opens_preambular(text: str) -> bool:
    """Whether a line opens like a preambular paragraph: "Noting", "Deeply concerned" ...

    The opening is a capitalised word the Council opens preambles with (from its own
    resolutions); or any capitalised "-ing" word that it also writes in lower case or that a
    lower-case word follows (so "Beijing Declaration" does not count); or a participle in
    "-ed" followed by "to", "that", "by" ... ("Committed to", but not "United Nations"); or
    an adverb in "-ly" before any of these ("Firmly convinced").

    A word split by the extraction is read joined ("Strongly co ndemning"), so that the
    damage cannot hide a paragraph's start and join it to the one before.

    >>> opens_preambular("Underscoring the need"), opens_preambular("Council includes")
    (True, False)
    >>> opens_preambular("Reaffir ming its commitment")
    True
    """
    if _opens_preambular(text):
        return True
    head = text[:60]
    mended = join_split_words(head)
    return mended != head and _opens_preambular(mended + text[60:])


@functools.cache
def operative_verbs() -> frozenset[str]:
    """Verbs the Council opens operative paragraphs with ("Decides", "Recommends"), from the
    italic openers of its own resolutions; never a word that also opens preambles."""
    data = resources.files("resolutions.parsing").joinpath("data/italic_openers.txt")
    verbs = set()
    for line in data.read_text("utf-8").splitlines():
        if line.startswith("operative\t"):
            first = line.split("\t")[1].split()[0]
            if first.endswith("s") and first[0].isupper():
                verbs.add(first)
    return frozenset(verbs - preamble_openers())


def opens_unnumbered_operative(text: str) -> bool:
    """Whether a line opens the one operative paragraph a resolution prints unnumbered:
    an operative verb, then a lower-case word.

    >>> opens_unnumbered_operative("Decides to reappoint Mr. Hassan Bubacar Jallow")
    True
    >>> opens_unnumbered_operative("Recalling its resolution 1774 (2007)")
    False
    """
    match = PREAMBLE_OPENING.match(text)
    return bool(match and match["next"]) and match["word"] in operative_verbs()


def _opens_preambular(text: str) -> bool:
    match = PREAMBLE_OPENING.match(text)
    if not match:
        return False
    word, following = match["word"], match["next"] or ""
    if word.endswith("ly") and following:
        return _opens_preambular(following[0].upper() + following[1:] + text[match.end() :])
    if word in preamble_openers():
        return True
    if word.endswith("ing") and len(word) > 4:
        # "Restructuring and Rebuilding of PNTL" is a title running on, not an opening.
        attested = vocabulary().count(word.lower()) > 0 or bool(following)
        return attested and following not in ("and", "or")
    return word.endswith("ed") and following.lower() in PARTICIPLE_LINKS


def parse_blocks(pages: Sequence[PageText]) -> Structure:
    """Split the ordered pages of one resolution into paragraph blocks.

    ``pages`` must be one resolution's pages in page order, without duplicates.
    """
    present = {page.page for page in pages}
    total = pages[0].total if pages else None
    blocks: list[Block] = []
    warnings: list[str] = []
    adopted_on, meeting, formula = None, "", ""
    top_found = False
    last_op: int | None = None
    operative = False
    in_annex = False
    previous: Line | None = None
    current: Block | None = None

    page_lines = {page.page: _page_lines(page) for page in pages}
    for page in pages:
        lines = page_lines[page.page]
        after_gap = page.page > 1 and page.page - 1 not in present
        if page.page == 1:
            body_at = _first_page_body(lines)
            if body_at is not None:
                top_found = True
                adopted_on, meeting = _adoption(" ".join(ln.text for ln in lines[:body_at]))
                formula = next((ln.text for ln in lines[:body_at] if FORMULA.match(ln.text)), "")
                lines = lines[body_at:]
                previous = None
        for index, line in enumerate(lines):
            top = index == 0 and after_gap
            if in_annex or ANNEX_HEADING.match(line.text):
                if not in_annex:
                    warnings.append(f"annex text from page {page.page} on is not parsed")
                in_annex = True
                continue
            start = OPERATIVE_START.match(line.text)
            following = _next_lines(lines, page_lines.get(page.page + 1, []), index)
            if (
                line.indent == 0
                and current is not None
                and not top
                and not (
                    previous is not None
                    and _ends_before_heading(previous.text, following)
                    and _is_heading(line, following, last_op)
                )
            ):
                # Flush left on a page that shows indentation: the line goes on the paragraph,
                # whatever its first word -- unless it is a heading as wide as the column.
                current.lines.append(line)
                previous = line
                continue
            if (
                not start
                and not top
                and (
                    previous is None
                    or previous.text == ""
                    or _ends_before_heading(previous.text, following)
                )
                and _is_heading(line, following, last_op)
            ):
                if current is not None and current.kind == HEADING and _is_long(current.lines[-1]):
                    current.lines.append(line)  # the wrapped heading's next line
                else:
                    current = Block(HEADING, None, [line], line.number)
                    blocks.append(current)
                previous = Line("", line.page, line.number, line.width)  # a heading ends
                continue
            if (
                start
                and _opens_operative(start["rest"])
                and _plausible_number(int(start["number"]), last_op)
            ):
                last_op = int(start["number"])
                operative = True
                rest = start["rest"] or ""
                body = [Line(rest, line.page, line.number, line.width)] if rest else []
                current = Block(OPERATIVE, last_op, body, line.number)
                blocks.append(current)
            elif (
                not operative
                and opens_unnumbered_operative(line.text)
                and (line.indent or previous is None or _ends_paragraph(previous.text))
            ):
                # A resolution's only operative paragraph is printed without a number.
                operative = True
                current = Block(OPERATIVE, None, [line], line.number)
                blocks.append(current)
            elif not operative and line.indent and not ITEM_START.match(line.text):
                current = Block(PREAMBULAR, None, [line], line.number)  # indented: a new one
                blocks.append(current)
            elif (
                not operative
                and opens_preambular(line.text)
                and (
                    top or previous is None or previous.text == "" or _ends_paragraph(previous.text)
                )
            ):
                current = Block(PREAMBULAR, None, [line], line.number)
                blocks.append(current)
            elif top or current is None:
                current = Block(None, None, [line], line.number, begins_on_missing_page=top)
                blocks.append(current)
            else:
                current.lines.append(line)
            previous = line

    blocks = _settle_fragments(blocks, operative_seen=last_op is not None, warnings=warnings)
    for block in blocks:
        block.ends_on_missing_page = _ends_on_missing_page(block, present, total)
    _number_preamble(blocks, present, title_found=top_found)
    return Structure(tuple(blocks), adopted_on, meeting, tuple(warnings), formula)


def _page_lines(page: PageText) -> list[Line]:
    """A page's body lines; with their indentation where the page prints it.

    A layout page text (from the PDF reader, or pypdf's extraction) indents the first line
    of each paragraph and leaves the others flush: a page where an indented line runs on
    into a flush one is read so, and its flush lines never start a paragraph.
    """
    body = _rejoin_scattered_words(page.body)
    width = typical_width([t for _, t in body])
    texts = [text.strip() for _, text in body]
    indents = [len(text) - len(text.lstrip()) for _, text in body]
    # The page shows its layout when an indented line runs on into a flush one.
    layout = any(
        indents[i] == 0 and indents[i - 1] > 0 and not texts[i - 1].endswith((",", ";", ".", ":"))
        for i in range(1, len(indents))
    )
    return [
        Line(text.strip(), page.page, no, width, indent if layout else None)
        for (no, text), indent in zip(body, indents, strict=True)
    ]


SCATTERED_RUN = 4  # one-word columns in a row that can only be a justified line, scattered


def _rejoin_scattered_words(body: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """A justified line with wide gaps, which ``pdftotext`` can give one word per line, as
    columns: each column's words on consecutive lines, a blank line between columns
    ("Reiterating" / "Secretary-General," / "" / "its" / "" / "strong" ...). Read back as the
    lines they are printed as: the first word of every column, then the second ...

    >>> _rejoin_scattered_words([(1, "Reiterating"), (2, "Secretary-General,"), (4, "its"),
    ...                          (6, "strong"), (8, "support"), (10, "for the report,")])
    [(1, 'Reiterating its strong support'), (2, 'Secretary-General,'), (10, 'for the report,')]
    """
    lines: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []

    def flush() -> None:
        columns: list[list[tuple[int, str]]] = []
        for number, text in run:
            if columns and number == columns[-1][-1][0] + 1:
                columns[-1].append((number, text))
            else:
                columns.append([(number, text)])
        if len(columns) >= SCATTERED_RUN:
            for row in range(max(len(column) for column in columns)):
                words = [column[row] for column in columns if len(column) > row]
                lines.append((words[0][0], " ".join(text.strip() for _, text in words)))
        else:
            lines.extend(run)
        run.clear()

    for number, text in body:
        if len(text.split()) == 1 and not OPERATIVE_START.match(text.strip()):
            run.append((number, text))
        else:
            flush()
            lines.append((number, text))
    flush()
    return lines


def _next_lines(lines: list[Line], next_page: list[Line], index: int) -> list[Line]:
    """The two lines after ``lines[index]``, running on to the next page's if it is here."""
    following = lines[index + 1 : index + 3]
    return following + next_page[: 2 - len(following)]


def _is_heading(line: Line, following: Sequence[Line], last_op: int | None) -> bool:
    """Whether a line is a section heading ("Travel ban and asset freeze", "Reporting").

    The UN centres them on a line of their own between two paragraphs: after a line that
    ends a paragraph (checked by the caller), capitalised, without a clause's punctuation,
    and followed by the start of a paragraph -- the next operative number or a preambular
    opening -- or by another heading line. A heading as long as a full line is one wrapped
    onto the next ("Prevention of Illicit Exports of Petroleum, including Crude Oil and
    Refined Petroleum" / "Products"): only an operative number after it tells it from a
    paragraph's first line.
    """
    if not _heading_like(line):
        return False
    long = _is_long(line)
    if not following:
        # The last line of a page whose next page is missing: in the operative part, a
        # short line after a finished paragraph that carries no number can only be a heading.
        return last_op is not None and not long
    start = OPERATIVE_START.match(following[0].text)
    if start:
        return _opens_operative(start["rest"]) and _plausible_number(int(start["number"]), last_op)
    if not long and last_op is None and opens_preambular(following[0].text):
        return True
    # Two heading lines in a row ("B. Security process" / "Training of Malian forces").
    return _is_heading(following[0], following[1:], last_op)


def _is_long(line: Line) -> bool:
    """A line near the full width of its page: a heading that goes on to the next line."""
    return len(line.text) > (line.width * HEADING_WIDTH_SHARE if line.width else HEADING_LENGTH)


def _heading_like(line: Line) -> bool:
    return (
        len(line.text) <= (line.width * 1.15 if line.width else 2 * HEADING_LENGTH)
        and SECTION_HEADING.match(line.text) is not None
        and not ITEM_START.match(line.text)
        and not ANNEX_HEADING.match(line.text)
        # "Acting under Chapter VII of the Charter of the United Nations:" ends the preamble
        and not line.text.startswith("Acting under ")
    )


def _first_page_body(lines: Sequence[Line]) -> int | None:
    """Where page 1's title block ("Resolution 2388 (2017)", "Adopted by ...") gives way.

    After "The Security Council," as a rule; failing that, at the first line that opens a
    paragraph. None when neither is found.
    """
    for index, line in enumerate(lines):
        if FORMULA.match(line.text):
            return index + 1
    # "Adopted by the Security Council at ..." reads like a preamble's "Convinced by".
    adopted = next((i for i, ln in enumerate(lines) if ln.text.startswith("Adopted by")), -1)
    for index, line in enumerate(lines[adopted + 1 :], start=adopted + 1):
        start = OPERATIVE_START.match(line.text)
        if opens_preambular(line.text) or (start and _opens_operative(start["rest"])):
            return index
    return None


def _ends_paragraph(text: str) -> bool:
    """Whether a preamble line can end a paragraph: "," or ";" (or the odd "."), quotes aside."""
    return text.rstrip("”’\"'").endswith((",", ";", "."))


def _ends_before_heading(text: str, following: Sequence[Line]) -> bool:
    """Whether a heading can follow this line: it ends a paragraph; or it ends "decides as
    follows:" and a numbered operative paragraph comes right after the heading."""
    if _ends_paragraph(text):
        return True
    return text.endswith(":") and bool(following) and bool(OPERATIVE_START.match(following[0].text))


def _opens_operative(rest: str | None) -> bool:
    """Text after a paragraph number opens with a capital ("Requests"), quote or bracket."""
    return not rest or rest[0].isupper() or rest[0] in '“"‘('


def _plausible_number(number: int, last: int | None) -> bool:
    """A paragraph number must go up; "1." starts the operative part."""
    return number >= 1 if last is None else number > last


def _adoption(title: str) -> tuple[date | None, str]:
    match = ADOPTED.search(" ".join(title.split()))
    if not match:
        return None, ""
    try:
        adopted = datetime.strptime(match["date"], "%d %B %Y").date()
    except ValueError:
        adopted = None
    return adopted, match["meeting"]


def _settle_fragments(blocks: list[Block], *, operative_seen: bool, warnings: list[str]):
    """Give each fragment (text continuing from a missing page) the paragraph it ends.

    It is the paragraph before the next one that starts: before op24 it is the end of op23,
    before op1 or a preambular paragraph it ends a preambular paragraph. When the paragraph
    it ends also started before the missing page, the two parts are joined.
    """
    settled: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind is not None:
            settled.append(block)
            continue
        following = next((b for b in blocks[index + 1 :] if b.kind not in (None, HEADING)), None)
        if following is not None and following.kind == OPERATIVE and following.number > 1:
            block.kind, block.number = OPERATIVE, following.number - 1
        elif following is not None:
            block.kind = PREAMBULAR
        elif operative_seen:
            block.kind = OPERATIVE
            warnings.append(
                f"text at the top of page {block.lines[0].page} continues an operative "
                "paragraph whose number cannot be told"
            )
        else:
            block.kind = PREAMBULAR
        before = settled[-1] if settled else None
        if (
            block.kind == OPERATIVE
            and before is not None
            and before.kind == OPERATIVE
            and before.number == block.number
        ):
            before.resumes.add((block.lines[0].page, block.lines[0].number))
            before.lines.extend(block.lines)
            warnings.append(
                f"paragraph {block.number} runs across a missing page; its middle is lost"
            )
            continue
        settled.append(block)
    return settled


def _ends_on_missing_page(block: Block, present: set[int], total: int | None) -> bool:
    """Whether the paragraph is cut off by a missing page after its last line.

    Its last line must end its page, the next page must be absent (and this page not the
    last of the document), and the text must not end as a complete paragraph does.
    """
    if block.kind == HEADING:
        return False
    if not block.lines:
        return True  # a number at the foot of a page, its text on the missing next page
    last = block.lines[-1]
    page = last.page
    if page + 1 in present or (total is not None and page >= total):
        return False
    text = last.text.rstrip("”’\"' ")
    return not text.endswith(TERMINATORS[block.kind])


def _number_preamble(blocks: list[Block], present: set[int], *, title_found: bool) -> None:
    """Count preambular paragraphs from the top, when the top and all pages to them are here."""
    ordinal = 0
    for block in blocks:
        if block.kind != PREAMBULAR:
            continue
        first_page = block.lines[0].page
        contiguous = all(p in present for p in range(1, first_page + 1))
        if not (title_found and contiguous and not block.begins_on_missing_page):
            return
        ordinal += 1
        block.ordinal = ordinal


def split_items(lines: Sequence[Line]) -> tuple[list[Line], list[Item]]:
    """Split a paragraph's lines into its intro and its sub-paragraphs.

    An item starts a line with the next label in sequence ("(a)", then "(b)" ...), after a
    line ending as items do (":", ";", "," or "and"); "(i)" after "(a)" is a sub-item, after
    "(h)" the ninth item. A line like "(a) above" mid-sentence stays text.
    """
    intro: list[Line] = []
    items: list[Item] = []
    style = None  # "letter" or "roman": how the top-level items are labelled
    previous: Line | None = None
    for line in lines:
        match = ITEM_START.match(line.text)
        label = match["label"] if match else ""
        after_break = previous is not None and previous.text.endswith(ITEM_PRECEDERS)
        rest = Line(match["rest"], line.page, line.number, line.width) if match else line
        placed = False
        if match and after_break:
            top = items[-1] if items else None
            if style is None and label in ("a", "i"):
                style = "letter" if label == "a" else "roman"
                items.append(Item(f"({label})", [rest]))
                placed = True
            elif style == "letter" and top and label == _next_letter(top.label):
                items.append(Item(f"({label})", [rest]))
                placed = True
            elif style == "roman" and top and _roman(label) == _roman(top.label) + 1:
                items.append(Item(f"({label})", [rest]))
                placed = True
            elif style == "letter" and top and _roman(label) == len(top.items) + 1:
                top.items.append(Item(f"({label})", [rest]))
                placed = True
        if not placed:
            if not items:
                intro.append(line)
            elif items[-1].items:
                items[-1].items[-1].lines.append(line)
            else:
                items[-1].lines.append(line)
        previous = line
    return intro, items


def _next_letter(label: str) -> str:
    letters = label.strip("()")
    return chr(ord(letters[-1]) + 1) * len(letters) if letters[-1] != "z" else "aa"


def _roman(label: str) -> int:
    """The value of a lower-case roman numeral label ("(iv)" -> 4); 0 when it is not one."""
    digits = label.strip("()")
    if not digits or any(ch not in ROMAN for ch in digits):
        return 0
    value = 0
    for ch, nxt in zip(digits, digits[1:] + " ", strict=True):
        value += -ROMAN[ch] if nxt in ROMAN and ROMAN[nxt] > ROMAN[ch] else ROMAN[ch]
    return value


def preamble_end_in_source(paragraphs: Sequence[ParsedParagraph]) -> bool:
    """Whether the last preambular paragraphs given are the last of the preamble.

    True when operative paragraph 1 is present and directly follows a complete preambular
    paragraph on the same or the previous page: the loader may then count them back from
    the end of the preamble (pp-1 is the last).
    """
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        if after.kind == OPERATIVE and after.number == 1:
            return (
                before.kind == PREAMBULAR
                and not before.ends_on_missing_page
                and bool(before.pages)
                and bool(after.pages)
                and after.pages[0] - before.pages[-1] <= 1
            )
    return False
