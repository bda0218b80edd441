"""The neutral parsed document every reader produces and the loader consumes.

All types are frozen dataclasses of plain values, so a parse can be compared, hashed and
serialised to JSON for golden-file tests (see :func:`ParsedResolution.to_dict`).

Example::

    ParsedResolution(symbol="S/RES/2388 (2017)", number=2388, year=2017, ...,
                     paragraphs=(ParsedParagraph(kind="operative", number=6, ...), ...))
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

# Paragraph kinds, in the order they appear in a resolution.
PREAMBULAR = "preambular"
OPERATIVE = "operative"
HEADING = "heading"  # a sub-heading inside the preamble or operative part ("A. Mandate")
ANNEX = "annex"  # a paragraph (or heading) of an annex
FOOTNOTE = "footnote"
PARAGRAPH_KINDS = (PREAMBULAR, OPERATIVE, HEADING, ANNEX, FOOTNOTE)

# Source formats.
FORMAT_PAGE_TEXT = "page-text"
FORMAT_AKN = "akn"
FORMAT_RECORD = "record"  # the UN's record data, JSON lines
FORMAT_PDF = "pdf"  # a resolution's PDF as the UN publishes it

# Reference kinds.
REF_RESOLUTION = "resolution"  # a Security Council resolution: S/RES/<number> (<year>)
REF_DOCUMENT = "document"  # any other UN document: S/2017/939, S/PRST/2015/25, A/RES/70/1 ...
REF_INTERNAL = "internal"  # "paragraph 19 below": a paragraph of the same resolution


class ParseError(ValueError):
    """A source that cannot be read. Always names the file and, where it can, the line.

    >>> str(ParseError("not a resolution page: no symbol header", file="x.txt", line=1))
    'x.txt, line 1: not a resolution page: no symbol header'
    """

    def __init__(self, message: str, *, file: str = "", line: int | None = None) -> None:
        self.message = message
        self.file = file
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.message}"


FIRST_RESOLUTION_YEAR = 1946  # the Security Council adopted resolution 1 in January 1946


def find_symbol_problem(number: int, year: int, *, this_year: int | None = None) -> str:
    """Why S/RES/<number> (<year>) cannot be a Security Council resolution, or "".

    Resolutions are numbered from 1, adopted from 1946, and never in a year still to come.

    >>> find_symbol_problem(0, 2017)
    'there is no resolution 0: the Security Council numbers its resolutions from 1'
    >>> find_symbol_problem(2388, 2017)
    ''
    """
    this_year = this_year or date.today().year
    if number < 1:
        return (
            f"there is no resolution {number}: the Security Council numbers its resolutions from 1"
        )
    if year < FIRST_RESOLUTION_YEAR:
        return f"{year} is before {FIRST_RESOLUTION_YEAR}, when the Council adopted its first"
    if year > this_year:
        return f"{year} is in the future"
    return ""


@dataclass(frozen=True)
class ParsedReference:
    """A citation found in a paragraph.

    For resolutions, ``number``/``year`` are as written (``year`` is None when the text
    gives none, as in "resolutions 1960 and 2106"); ``symbol`` is the canonical
    "S/RES/1960 (2010)" only when the year is known, else "S/RES/1960".
    For other documents, ``symbol`` is the document symbol ("S/2017/939") and
    ``number``/``year`` are None. ``start``/``end`` are character offsets into the
    paragraph's clean ``text`` covering ``as_written``.
    """

    kind: str
    symbol: str
    as_written: str
    number: int | None = None
    year: int | None = None
    start: int = 0
    end: int = 0
    href: str = ""  # the link the source gave, if any (AKN <a href>)
    target_paragraph: str = ""  # for REF_INTERNAL: the paragraph id cited ("op19")


@dataclass(frozen=True)
class ParsedItem:
    """A sub-paragraph: ``(a)``, ``(i)`` ... with its own sub-items."""

    label: str
    text: str
    items: tuple[ParsedItem, ...] = ()


@dataclass(frozen=True)
class ParsedParagraph:
    """One paragraph of a resolution.

    ``text`` is the clean, repaired text of the whole paragraph, sub-paragraphs included
    (flattened as "intro (a) first; (b) second"), which is what search indexes and the JSON
    form carries. ``intro``/``items``/``outro`` keep the structure for display when the
    paragraph has sub-paragraphs (``items`` empty otherwise). ``text_as_printed`` is the
    text exactly as the source gave it, line breaks joined with spaces, damage and all.

    ``number`` is the UN's own number for operative paragraphs (and numbered annex
    paragraphs); ``ordinal`` counts preambular paragraphs from the top of the preamble
    when the top is in the source, else None. ``pages`` lists the printed pages the
    paragraph sits on (empty for XML sources).
    """

    kind: str
    text: str
    text_as_printed: str = ""
    number: int | None = None
    ordinal: int | None = None
    pages: tuple[int, ...] = ()
    begins_on_missing_page: bool = False
    ends_on_missing_page: bool = False
    intro: str = ""
    items: tuple[ParsedItem, ...] = ()
    outro: str = ""
    references: tuple[ParsedReference, ...] = ()
    annex: str = ""  # for ANNEX paragraphs: which annex ("Annex", "Annex I")
    label: str = ""  # the label as printed for headings/annex paragraphs ("A.", "1.")
    line: int | None = None  # first line in the source where the paragraph starts
    # Stretches of ``text`` printed in italics, as (start, end) offsets: "Recalling",
    # "Decides", and the verbs that follow in the same paragraph ("and further recalling").
    emphasis: tuple[tuple[int, int], ...] = ()
    # Where footnote markers stand: (offset into ``text``, marker), marker "6" at offset 120.
    notes: tuple[tuple[int, str], ...] = ()
    # For ANNEX paragraphs, the part of the annex with its own numbering: an agreement
    # annexed to a resolution may have annexes of its own ("JCPOA Annex II"), each starting
    # again at paragraph 1.
    part: str = ""


@dataclass(frozen=True)
class ParsedPage:
    """One printed page of a page-text source, verbatim."""

    number: int
    file: str
    raw_text: str
    total: int | None = None
    job_number: str = ""


@dataclass(frozen=True)
class ParsedResolution:
    """A whole parsed resolution, from one or more source files of one format."""

    symbol: str  # "S/RES/2388 (2017)"
    number: int
    year: int
    source_format: str
    paragraphs: tuple[ParsedParagraph, ...]
    pages: tuple[ParsedPage, ...] = ()
    pages_total: int | None = None
    job_number: str = ""
    adopted_on: date | None = None
    meeting: str = ""  # "8111th"
    title: str = ""
    files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # The enacting words as the source gives them ("The Security Council,"); "" when the
    # source lacks them (a page text without its first page).
    formula: str = ""
    # The text's language as the source names it ("en", "fr", "zh", ...): the Akoma Ntoso
    # files of the other five official languages are read by the same reader.
    language: str = "en"

    @property
    def pages_present(self) -> tuple[int, ...]:
        return tuple(sorted(page.number for page in self.pages))

    def to_dict(self) -> dict:
        """A JSON-ready dict (dates as ISO strings), used by the golden-file tests."""

        def convert(value):
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, tuple | list):
                return [convert(v) for v in value]
            if isinstance(value, dict):
                return {k: convert(v) for k, v in value.items()}
            return value

        data = dataclasses.asdict(self)
        data.pop("pages")
        data["pages_present"] = list(self.pages_present)
        # Fields added after the golden files were recorded appear only when set.
        if not data["formula"]:
            data.pop("formula")
        if data["language"] == "en":
            data.pop("language")
        for paragraph in data["paragraphs"]:
            if not paragraph["emphasis"]:
                paragraph.pop("emphasis")
        return convert(data)


@dataclass(frozen=True)
class ParsedVote:
    """How one Council member voted: "Y" in favour, "N" against, "A" abstaining."""

    member: str
    vote: str


@dataclass(frozen=True)
class ParsedRecord:
    """The UN's record data for one resolution (one line of ``metadata/YEAR.json``).

    Counts are None where the record gives none (older records, adoptions without a vote).
    ``subjects`` are UNBIS thesaurus terms, in the record's order, without duplicates.
    """

    symbol: str
    number: int
    year: int
    adopted_on: date | None = None
    meeting: str = ""  # "8111th"
    agenda: str = ""  # "Maintenance of international peace and security"
    title: str = ""
    draft_symbol: str = ""  # "S/2017/973"
    adoption_type: str = ""  # "Adopted unanimously, 8111th meeting"
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    votes: tuple[ParsedVote, ...] = ()
    sponsors: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    file: str = ""
    line: int | None = None
