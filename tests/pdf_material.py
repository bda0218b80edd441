"""Test material made the way the UN makes it: resolutions of the XML corpus typeset as PDFs.

Why: the archive must read PDFs and page texts of resolutions nobody has looked at, and the
UN's servers are not reachable from the tests. So each resolution's official text (read with
the archive's own AKN reader) is typeset with ReportLab in the layout of the UN's PDFs --
A4, 10 pt Times, justified, paragraph starts indented, openers in italics, section headings
centred in bold, the symbol as running header, "n/N" and the job number in the footer, and on
page 1 the masthead, the job number "17-03090 (E)", the bar code "*1703090*", the six-digit
processing date and sometimes "Please recycle". The PDF is then read back with pypdf or
poppler's ``pdftotext`` into page texts, which are shuffled and thinned like the seeds.

The official paragraphs (preambular, operative, headings up to the last operative paragraph;
annexes and footnotes are not typeset) are the reference each reading is measured against,
see ``tests/fidelity.py``.

Example::

    material = render_resolution(parse_akn(name, data))
    pages = extract_pages(material.pdf, extractor="pdftotext")  # ["S/RES/2342 (2017)\\n...", ...]
"""

from __future__ import annotations

import hashlib
import io
import random
import re
import shutil
import subprocess
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from resolutions.parsing.document import HEADING, OPERATIVE, PREAMBULAR, ParsedParagraph

EXTRACTORS = ("pypdf", "pdftotext")
WIDTH, HEIGHT = A4
LEFT = 2.5 * cm  # the frame's left edge; the body column is indented inside it
BODY_INDENT = 2.54 * cm  # the UN prints the body in a column one inch in from the frame
FIRST_LINE = 1.27 * cm  # and indents each paragraph's first line half an inch more
FRAME_WIDTH = WIDTH - 2 * LEFT


@dataclass(frozen=True)
class Material:
    """One typeset resolution: the PDF, and the official paragraphs it prints, in order."""

    symbol: str
    pdf: bytes
    paragraphs: tuple[ParsedParagraph, ...]
    pages: int
    job_number: str
    pages_of: dict[int, set[int]]  # official paragraph index -> the pages it is printed on


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName="Times-Roman",
        fontSize=10,
        leading=12,
        alignment=TA_JUSTIFY,
        leftIndent=BODY_INDENT,
        firstLineIndent=FIRST_LINE,
        spaceAfter=6,
    )
    return {
        "body": body,
        "item": ParagraphStyle("item", parent=body, firstLineIndent=2 * FIRST_LINE),
        "outro": ParagraphStyle("outro", parent=body, firstLineIndent=0),
        "subitem": ParagraphStyle("subitem", parent=body, firstLineIndent=3 * FIRST_LINE),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName="Times-Bold",
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceBefore=6,
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName="Times-Bold",
            fontSize=12,
            leading=14,
            alignment=TA_CENTER,
            leftIndent=0,
            firstLineIndent=0,
        ),
        "adopted": ParagraphStyle(
            "adopted",
            parent=body,
            alignment=TA_CENTER,
            leftIndent=0,
            firstLineIndent=0,
            spaceAfter=14,
        ),
    }


class _Tagged(Paragraph):
    """A paragraph that remembers which official paragraph it prints, across page breaks."""

    tag = -1

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        for part in parts:
            part.tag = self.tag
        return parts


def _opener(text: str, kind: str) -> tuple[str, str]:
    """The words the UN prints in italics: a preamble's opener, an operative paragraph's verb."""
    words = text.split(" ")
    count = 1
    if len(words) > 1 and (words[0].endswith("ly") or words[0] in ("Also", "Further")):
        count = 2  # "Deeply concerned", "Also requests"
    if kind == OPERATIVE and words[0] in ("Calls", "Takes") and len(words) > 2:
        count = 2  # "Calls upon", "Takes note"
    return " ".join(words[:count]), " ".join(words[count:])


def _item_parts(items, styles, *, depth: int) -> list:
    """Sub-paragraphs ("(a)", "(i)", "–") at every depth, each level indented further."""
    parts = []
    style = styles["item"] if depth == 0 else styles["subitem"]
    for item in items:
        parts.append((f"{escape(item.label)} {escape(item.text)}".strip(), style))
        parts += _item_parts(item.items, styles, depth=depth + 1)
    return parts


def _flowables(paragraphs, styles):
    out = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind == HEADING:
            parts = [(escape(paragraph.text), styles["heading"])]
        else:
            intro = paragraph.intro if paragraph.items else paragraph.text
            italic, rest = _opener(intro, paragraph.kind)
            first = f"<i>{escape(italic)}</i> {escape(rest)}".strip()
            if paragraph.kind == OPERATIVE and paragraph.number is not None:
                # a resolution's only operative paragraph is printed without a number
                first = f"{paragraph.number}.&nbsp;&nbsp;&nbsp;{first}"
            parts = [(first, styles["body"])]
            parts += _item_parts(paragraph.items, styles, depth=0)
            if paragraph.outro:  # the words after the items, flush: the paragraph goes on
                parts.append((escape(paragraph.outro), styles["outro"]))
        for markup, style in parts:
            flowable = _Tagged(markup, style)
            flowable.tag = index
            out.append(flowable)
    return out


def _seed(symbol: str) -> int:
    return int(hashlib.sha256(symbol.encode()).hexdigest()[:8], 16)


class _Document(BaseDocTemplate):
    def __init__(self, buffer, furniture):
        super().__init__(buffer, pagesize=A4, leftMargin=LEFT, rightMargin=LEFT)
        self.furniture = furniture
        self.pages_of: dict[int, set[int]] = {}
        first = Frame(LEFT, 2.8 * cm, FRAME_WIDTH, HEIGHT - 9.3 * cm, id="first")
        later = Frame(LEFT, 2.8 * cm, FRAME_WIDTH, HEIGHT - 5.3 * cm, id="later")
        self.addPageTemplates(
            [
                PageTemplate(
                    "first",
                    [first],
                    onPage=self._first_page,
                    onPageEnd=self._first_page_foot,
                    autoNextPageTemplate=1,
                ),
                PageTemplate(
                    "later", [later], onPage=self._later_page, onPageEnd=self._later_page_foot
                ),
            ]
        )

    def afterFlowable(self, flowable):
        tag = getattr(flowable, "tag", -1)
        if tag >= 0:
            self.pages_of.setdefault(tag, set()).add(self.page)

    def _first_page(self, canvas, doc):
        f = self.furniture
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 13)
        canvas.drawString(LEFT, HEIGHT - 2.2 * cm, "United Nations")
        canvas.setFont("Times-Bold", 16)
        canvas.drawRightString(WIDTH - LEFT, HEIGHT - 2.2 * cm, f["symbol"])
        canvas.line(LEFT, HEIGHT - 2.5 * cm, WIDTH - LEFT, HEIGHT - 2.5 * cm)
        canvas.setFont("Helvetica-Bold", 20)
        canvas.drawString(LEFT + 2 * cm, HEIGHT - 3.4 * cm, "Security Council")
        canvas.setFont("Times-Roman", 10)
        canvas.drawString(WIDTH - LEFT - 4.5 * cm, HEIGHT - 3.2 * cm, "Distr.: General")
        canvas.drawString(WIDTH - LEFT - 4.5 * cm, HEIGHT - 3.7 * cm, f["date"])
        canvas.line(LEFT, HEIGHT - 4.2 * cm, WIDTH - LEFT, HEIGHT - 4.2 * cm)
        canvas.restoreState()

    def _first_page_foot(self, canvas, doc):
        # Drawn after the body, as the UN's PDFs do: extractors give it after the last line.
        f = self.furniture
        canvas.saveState()
        canvas.setFont("Times-Roman", 8)
        canvas.drawString(LEFT, 2.0 * cm, f"{f['job']} (E)")
        canvas.drawString(LEFT + 2.2 * cm, 2.0 * cm, f["processed"])
        canvas.setFont("Courier", 11)
        canvas.drawString(LEFT, 1.4 * cm, f["barcode"])
        if f["recycle"]:
            canvas.setFont("Helvetica", 7)
            canvas.drawRightString(WIDTH - LEFT, 1.4 * cm, "Please recycle")
        canvas.restoreState()

    def _later_page(self, canvas, doc):
        f = self.furniture
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont("Times-Bold", 10)
        if page % 2:
            canvas.drawRightString(WIDTH - LEFT, HEIGHT - 1.8 * cm, f["symbol"])
        else:
            canvas.drawString(LEFT, HEIGHT - 1.8 * cm, f["symbol"])
        canvas.line(LEFT, HEIGHT - 1.95 * cm, WIDTH - LEFT, HEIGHT - 1.95 * cm)
        canvas.restoreState()

    def _later_page_foot(self, canvas, doc):
        f = self.furniture
        page, total = canvas.getPageNumber(), f["total"] or "?"
        canvas.saveState()
        canvas.setFont("Times-Roman", 8)
        number, job = f"{page}/{total}", f["job"]
        if page % 2:
            canvas.drawString(LEFT, 1.6 * cm, job)
            canvas.drawRightString(WIDTH - LEFT, 1.6 * cm, number)
        else:
            canvas.drawString(LEFT, 1.6 * cm, number)
            canvas.drawRightString(WIDTH - LEFT, 1.6 * cm, job)
        canvas.restoreState()


def render_resolution(parsed) -> Material:
    """Typeset the preamble, headings and operative part of a parsed AKN resolution."""
    paragraphs = tuple(p for p in parsed.paragraphs if p.kind in (PREAMBULAR, OPERATIVE, HEADING))
    # What follows the last (numbered) operative paragraph is annex matter the AKN reader may
    # file as headings or paragraphs ("Libya: UNSCR proposed designations"): not typeset.
    operative = [i for i, p in enumerate(paragraphs) if p.kind == OPERATIVE]
    numbered = [i for i in operative if paragraphs[i].number is not None]
    last = max(numbered or operative or [-1])
    paragraphs = paragraphs[: last + 1]
    seed = _seed(parsed.symbol)
    job = parsed.job_number or f"{parsed.year % 100:02d}-{seed % 100000:05d}"
    adopted = parsed.adopted_on
    furniture = {
        "symbol": parsed.symbol,
        "job": job,
        "barcode": f"*{job.replace('-', '')}*",
        "date": adopted.strftime("%-d %B %Y") if adopted else "",
        "processed": adopted.strftime("%d%m%y") if adopted else "010100",
        "recycle": seed % 3 == 0,
        "total": 0,
    }
    styles = _styles()
    heading = [
        Paragraph(f"Resolution {parsed.number} ({parsed.year})", styles["title"]),
        Paragraph(
            f"Adopted by the Security Council at its {parsed.meeting or '1000th'} meeting, "
            f"on {furniture['date'] or '1 January 2000'}",
            styles["adopted"],
        ),
        Paragraph("The <i>Security Council</i>,", styles["body"]),
    ]
    pdf, document = b"", None
    for _ in range(2):  # the first pass counts the pages the footers print ("7/8")
        buffer = io.BytesIO()
        document = _Document(buffer, furniture)
        document.build([*heading, *_flowables(paragraphs, styles)])
        furniture["total"] = document.page
        pdf = buffer.getvalue()
    return Material(
        symbol=parsed.symbol,
        pdf=pdf,
        paragraphs=paragraphs,
        pages=document.page,
        job_number=job,
        pages_of=document.pages_of,
    )


def extract_pages(pdf: bytes, *, extractor: str) -> list[str]:
    """The text of each page as an extractor gives it: pypdf, or poppler's pdftotext."""
    if extractor == "pypdf":
        from pypdf import PdfReader

        return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    if extractor == "pdftotext":
        if shutil.which("pdftotext") is None:
            raise RuntimeError(
                "poppler's pdftotext is not installed (apt-get install poppler-utils)"
            )
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        return done.stdout.decode("utf-8").split("\f")[:-1]
    raise ValueError(f"unknown extractor {extractor!r}")


# Extraction damage the UN's own PDFs show: a stray space inside a word (kerning read as a
# gap), a space before a hyphen. Applied to a share of words, from a seed, so runs repeat.
_WORD = re.compile(r"(?<![\w-])([A-Za-z][a-z]{4,})(?![\w-])")  # acronyms stay whole
_HYPHENATED = re.compile(r"(?<=[a-z])-(?=[A-Za-z])")
# Furniture is left as printed: the damage studied is the body text's.
_FURNITURE = re.compile(r"S/RES/|Distr\.|recycle|^\s*United Nations\s*$|^\W*\d")


def damage(text: str, *, seed: int, rate: float = 0.01) -> str:
    """Text with the extraction damage of the UN's PDFs put in, at ``rate`` per word.

    >>> damage("Strongly condemning the attacks", seed=1, rate=1.0)
    'St rongly conde mning the attac ks'
    """
    rng = random.Random(seed)

    def split(match: re.Match[str]) -> str:
        word = match[0]
        if rng.random() >= rate:
            return word
        cut = rng.randrange(2, len(word) - 1)
        return f"{word[:cut]} {word[cut:]}"

    def space(match: re.Match[str]) -> str:
        return " -" if rng.random() < rate * 5 else "-"

    lines = text.split("\n")
    return "\n".join(
        line if _FURNITURE.search(line) else _HYPHENATED.sub(space, _WORD.sub(split, line))
        for line in lines
    )


def page_files(material: Material, *, extractor: str, drop: bool, damaged: bool = True):
    """Page texts as ``(name, bytes)``, shuffled, with one page after the first dropped when
    ``drop`` (as the seeds are: a few pages of a resolution, in any order); and the pages kept."""
    seed = _seed(material.symbol)
    rng = random.Random(seed)
    texts = extract_pages(material.pdf, extractor=extractor)
    kept = list(range(1, len(texts) + 1))
    if drop and len(texts) > 2:
        kept.remove(rng.randrange(2, len(texts) + 1))
    files = [
        (
            f"{extractor}-{seed:x}-{page}.txt",
            (damage(texts[page - 1], seed=seed + page) if damaged else texts[page - 1]).encode(),
        )
        for page in kept
    ]
    rng.shuffle(files)
    return files, tuple(kept)
