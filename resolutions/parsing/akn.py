"""Read the UN's Akoma Ntoso (AKN4UN) XML of a Security Council resolution.

Why this reader is more than a tree walk: the XML is the official text, but twenty-five
years of markup put the same printed structure into many shapes. Observed in the corpus
(2000-2025) and handled here:

* the number and the text of a paragraph split into two ``<paragraph>`` elements (2000), or
  the number typed into the text ("7 Further underlines ...");
* sub-paragraphs marked up as paragraphs of their own ("(a)", "-", "a."), which belong to the
  numbered paragraph before them;
* operative paragraphs inside a preamble ``<blockList>`` after "Acting under Chapter VII";
* unnumbered sub-headings written as ordinary paragraphs ("Arms embargo"), beside real
  ``<heading>``, ``<subheading>``, ``<crossHeading>`` and preamble ``<block name="subheading">``;
* the tail of the preamble in the ``<mainBody>``; resolutions of a single unnumbered paragraph;
* section headings of an annex nested as a bold last point of the list before them
  ("E. UNSCR Termination Day", 2015), and an annex title given twice ("Annex B: Statement",
  then "Statement");
* annexes either in ``<attachments>`` or inline after a heading "Annex I"; footnotes
  (``<authorialNote>``), tables, and links whose address contradicts their text.

Footnote markers are removed from the text they annotate; each note becomes a "footnote"
paragraph (label = the marker) after the body and annexes. An unnumbered paragraph that is
neither preamble nor heading nor continuation (a one-paragraph resolution) is "operative"
with ``number=None``. XML parsing keeps no line numbers, so ``line`` stays None.

Example::

    >>> resolution = parse_akn("S_RES_2388_1720704E.xml", data)
    >>> resolution.symbol, resolution.paragraphs[0].references[1].symbol
    ('S/RES/2388 (2017)', 'S/RES/2331 (2016)')
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

from resolutions.parsing.assembly import Block, Item, assemble
from resolutions.parsing.document import (
    FORMAT_AKN,
    PREAMBULAR,
    ParsedResolution,
    ParseError,
    find_symbol_problem,
)
from resolutions.parsing.markup import (
    AKN_NS,
    Note,
    Run,
    collapse,
    is_emphasised,
    local,
    plain,
    render,
    resolution_symbol,
)
from resolutions.parsing.xmltext import decode_xml, load_xml

_A = "{" + AKN_NS + "}"

_SYMBOL = re.compile(
    r"""
    ^S/RES/(?P<number>\d{1,4})   # S/RES/2388
    \s*\((?P<year>\d{4})\)$      # (2017); a few cover pages omit the space
    """,
    re.X,
)
_URI_SYMBOL = re.compile(
    r"""
    /unsc/\d{4}-\d{2}-\d{2}/     # the adoption date in the work's URI
    (?P<number>\d{1,4})-(?P<year>\d{4})/   # 2511-2020: number and year
    """,
    re.X,
)
ENGLISH = "en"
# FRBR's ISO 639-2 codes (the UN writes Chinese both "chi" and "zho") to the two-letter
# codes the archive's URLs and HTML lang attributes use.
LANGUAGE_CODES = {
    "eng": "en",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "chi": "zh",
    "zho": "zh",
}
_MEETING = re.compile(r"\d+(?:st|nd|rd|th)")  # "7847th" out of "7847th (closed) meeting"


class UnnamedResolution(ParseError):
    """A file that names no resolution. ``language``: "en" for the English text (the ingest
    refuses it); "" for another language's, which the ingest leaves out with a warning (one
    of the UN's Spanish files names its resolution nowhere, not even in its FRBR URIs)."""

    def __init__(self, message: str, *, file: str = "", language: str = "") -> None:
        super().__init__(message, file=file)
        self.language = language


def parse_akn(name: str, data: bytes | str) -> ParsedResolution:
    """Parse one AKN4UN file into the neutral :class:`ParsedResolution`.

    Raises :class:`ParseError` naming ``name`` for undecodable or malformed XML, a DTD, entity
    or XInclude (refused so that nothing can expand, be fetched or included), XML that is
    not Akoma Ntoso, or a cover page with no symbol.
    """
    statement = _load(name, data)
    language = find_language(statement)
    cover = _cover(name, statement, from_uri=language != ENGLISH)
    walker = _Walker()
    preamble = statement.find(_A + "preamble")
    if preamble is not None:
        walker.preamble(preamble)
    body = statement.find(_A + "mainBody")
    if body is not None:
        walker.body(body)
    for doc in statement.iter(_A + "doc"):  # <attachments><attachment><doc name="annex">
        walker.blocks.append(Block("annex"))
        for doc_body in doc.findall(_A + "mainBody"):
            walker.body(doc_body)
    paragraphs, warnings = assemble(walker.blocks, walker.notes)
    return ParsedResolution(
        symbol=cover["symbol"],
        number=cover["number"],
        year=cover["year"],
        source_format=FORMAT_AKN,
        paragraphs=paragraphs,
        job_number=cover["job_number"],
        adopted_on=cover["adopted_on"],
        meeting=cover["meeting"],
        title=cover["title"],
        files=(name,),
        warnings=tuple(f"{cover['symbol']} ({name}): {warning}" for warning in warnings),
        formula=walker.formula,
        language=language,
    )


def _load(name: str, data: bytes | str) -> ET.Element:
    """The ``<statement>`` (or other document) element of a well-formed AKN file: bytes as
    they arrive, or text as the archive keeps it (see :mod:`resolutions.parsing.xmltext`)."""
    root = load_xml(name, data if isinstance(data, str) else decode_xml(name, data))
    if root.tag != _A + "akomaNtoso":
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        found = f"<{local(root.tag)}>" + (f" in namespace {namespace}" if namespace else "")
        raise ParseError(
            f"not Akoma Ntoso: the root element is {found}, expected <akomaNtoso> in {AKN_NS}",
            file=name,
        )
    document = next(iter(root), None)
    if document is None or document.find(_A + "meta") is None:
        raise ParseError("not Akoma Ntoso: no document element with <meta>", file=name)
    return document


def _text(element: ET.Element | None) -> str:
    return "" if element is None else collapse("".join(element.itertext()))


def _cover(name: str, statement: ET.Element, *, from_uri: bool = False) -> dict:
    """Symbol, adoption date and meeting, title and job number from cover page and metadata.

    ``from_uri``: when the cover prints no symbol, take it from the work's FRBR URI
    (``.../unsc/2020-02-25/2511-2020/!main/``): a few of the UN's French, Chinese and Spanish
    files leave ``<docNumber>`` empty. The English reader keeps refusing such a file."""
    cover = statement.find(_A + "coverPage")
    scope = cover if cover is not None else statement
    symbol_text = _text(scope.find(f".//{_A}docNumber"))
    match = _SYMBOL.match(symbol_text)
    if not match and from_uri:
        match = _symbol_from_uri(statement)
    if not match:
        found = f" (found {symbol_text!r})" if symbol_text else ""
        raise UnnamedResolution(
            f"no resolution symbol S/RES/<number> (<year>) on the cover{found}",
            file=name,
            language=ENGLISH if not from_uri else "",
        )
    number, year = int(match["number"]), int(match["year"])
    problem = find_symbol_problem(number, year)
    if problem:
        raise ParseError(f"impossible symbol {symbol_text!r}: {problem}", file=name)
    meeting = ""
    for inline in scope.iter(_A + "inline"):
        if inline.get("name") == "adoptionMeeting":
            found = _MEETING.search(inline.get("title") or _text(inline))
            meeting = found.group() if found else ""
    title = ""
    for keyword in statement.iter(_A + "keyword"):
        if keyword.get("refersTo") == "title" and not title:
            title = collapse(keyword.get("showAs") or keyword.get("value") or "")
    job = _text(statement.find(f".//{_A}docketNumber"))
    return {
        "symbol": resolution_symbol(number, year),
        "number": number,
        "year": year,
        "adopted_on": _adoption_date(statement, scope, year),
        "meeting": meeting,
        "title": title,
        "job_number": job.removesuffix("(E)").strip(),
    }


def _symbol_from_uri(statement: ET.Element) -> re.Match | None:
    for element in statement.iterfind(f"{_A}meta/{_A}identification/{_A}FRBRWork/{_A}FRBRthis"):
        found = _URI_SYMBOL.search(element.get("value") or "")
        if found:
            return found
    return None


def find_language(statement: ET.Element) -> str:
    """The file's own language, from ``FRBRExpression/FRBRlanguage`` (never the folder it
    sits in): "en", "fr", "es", "ru", "ar", "zh"; a file that names none is English, as the
    UN's English files before the six-language edition are. An unknown code is returned as
    given, so the ingest can name it."""
    # Looked up where AKN puts it, not searched for: a walk of the whole tree per file
    # would cost the English corpus's import a second or two.
    element = statement.find(f"{_A}meta/{_A}identification/{_A}FRBRExpression/{_A}FRBRlanguage")
    if element is not None and element.get("language"):
        code = element.get("language").strip().lower()
        return LANGUAGE_CODES.get(code, code)
    return ENGLISH


def _adoption_date(statement: ET.Element, scope: ET.Element, year: int) -> date | None:
    """The printed adoption date, then its ``date`` attribute, then the FRBR adoption date,
    the first of them in the year the symbol names.

    The printed words win: a few files carry a wrong attribute ("13 November 2003" marked
    2003-09-13), and old files put 0001-01-01 in FRBRdate. But a resolution is adopted in
    its symbol's year, and S/RES/2423 (2018) prints "29 June 2016" (marked 2018-06-28).
    """
    candidates: list[str] = []
    for element in scope.iter(_A + "docDate"):
        if element.get("refersTo") == "#adoptionDate":
            candidates += [_text(element), element.get("date") or ""]
    for element in statement.iter(_A + "FRBRdate"):
        if element.get("name") == "adoption":
            candidates.append(element.get("date") or "")
    for candidate in candidates:
        for pattern in ("%d %B %Y", "%Y-%m-%d"):
            try:
                parsed = datetime.strptime(candidate, pattern).date()
            except ValueError:
                continue
            if parsed.year == year:
                return parsed
    return None


class _Walker:
    """Walks preamble, body and annexes in document order, emitting blocks and footnotes."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self.formula = ""  # the enacting words: "The Security Council,"

    def render(self, element: ET.Element | None) -> list[Run]:
        return [] if element is None else render(element, self.notes)

    def preamble(self, preamble: ET.Element) -> None:
        for child in preamble:
            tag = local(child.tag)
            if tag == "formula":  # "The Security Council," is not a paragraph
                self.formula = self.formula or _text(child)
                continue
            if tag == "block":  # <block name="subheading">Somalia</block>
                self.blocks.append(Block("heading", runs=self.render(child), zone=PREAMBULAR))
                continue
            block_list = child.find(_A + "blockList")
            table = child.find(_A + "table")
            if block_list is not None:
                # "Acting under Chapter VII ...:" then numbered operative paragraphs (2011-2012)
                intro = self.render(block_list.find(_A + "listIntroduction"))
                self.blocks.append(Block("text", runs=intro, zone=PREAMBULAR))
                for item in block_list.findall(_A + "item"):
                    label = _text(item.find(_A + "num"))
                    self.blocks.append(Block("text", label, self.render(item), zone=PREAMBULAR))
            elif table is not None:
                self.blocks.append(Block("table", items=self.rows(table), zone=PREAMBULAR))
            else:
                self.blocks.append(Block("text", runs=self.render(child), zone=PREAMBULAR))

    def body(self, body: ET.Element) -> None:
        for child in body:
            tag = local(child.tag)
            if tag == "paragraph":
                self.paragraph(child)
            elif tag == "section":  # sections "A", "B" (2000-2003), each with its own preamble
                self.blocks.append(Block("heading", _text(child.find(_A + "num"))))
                self.body(child)
            elif tag == "crossHeading":  # refersTo="#preamble": a section's own preamble
                runs = self.render(child)
                if child.get("refersTo") == "#preamble":
                    self.blocks.append(Block("text", runs=runs, zone=PREAMBULAR))
                else:
                    self.blocks.append(Block("heading", runs=runs))
            elif tag in ("container", "p"):
                table = child.find(_A + "table")
                if table is not None:
                    self.blocks.append(Block("table", items=self.rows(table)))
                else:
                    self.blocks.append(Block("text", runs=self.render(child)))

    def paragraph(self, paragraph: ET.Element) -> None:
        label = _text(paragraph.find(_A + "num"))
        heading = paragraph.find(_A + "heading")
        if heading is None:
            heading = paragraph.find(_A + "subheading")
        content = paragraph.find(_A + "content")
        sublist = paragraph.find(_A + "list")
        if sublist is None and content is None and heading is not None:
            self.blocks.append(Block("heading", label, self.render(heading)))
        elif sublist is None:
            self.blocks.append(Block("text", label, self.render(content)))
        else:
            block = Block("list", label, self.render(sublist.find(_A + "intro")))
            block.items = self.items(sublist)
            for wrap in sublist.findall(_A + "wrapUp"):
                block.outro += self.render(wrap)
            # 2022: an <alinea> after the list holds its closing words; stray <point>s follow.
            for extra in paragraph:
                if local(extra.tag) == "alinea":
                    block.outro += self.render(extra)
                elif local(extra.tag) == "point":
                    block.items.append(self.point(extra))
            self.blocks.append(block)

    def items(self, container: ET.Element) -> list[Item]:
        """The points of a list; a <sublist> holds the sub-points of the point before it."""
        items: list[Item] = []
        for child in container:
            tag = local(child.tag)
            if tag == "point":
                items.append(self.point(child))
            elif tag == "sublist":
                nested = self.items(child)
                if items:
                    items[-1].items.extend(nested)
                else:
                    items.extend(nested)
            elif tag == "intro" and local(container.tag) == "sublist" and items:
                items[-1].runs += [Run(" "), *self.render(child)]
        return items

    def point(self, point: ET.Element) -> Item:
        runs: list[Run] = []
        nested: list[Item] = []
        for child in point:
            tag = local(child.tag)
            if tag in ("subheading", "heading", "content", "intro"):  # "Rule of law: To ..."
                runs += [Run(" "), *self.render(child)]
            elif tag in ("list", "sublist"):
                nested += self.items(child)
        # A bold "E. UNSCR Termination Day" point: perhaps a heading (see assembly).
        parts = [child for child in point if local(child.tag) != "num"]
        emphasised = len(parts) == 1 and local(parts[0].tag) == "content"
        emphasised = emphasised and is_emphasised(parts[0])
        return Item(_text(point.find(_A + "num")), runs, nested, emphasised=emphasised)

    def rows(self, table: ET.Element) -> list[Item]:
        """A table as one item per row, its non-empty cells joined by " | "."""
        rows = []
        for row in table.findall(_A + "tr"):
            cells = [plain(self.render(cell)) for cell in row]
            text = " | ".join(cell for cell in cells if cell)
            if text:
                rows.append(Item("", [Run(text)]))
        return rows
