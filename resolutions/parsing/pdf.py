"""The PDF reader: a resolution's PDF as the UN publishes it -> ParsedResolution.

Why: the UN publishes every resolution as a PDF (in six languages, back to 1946), and the
PDF knows more than its extracted text: where each line starts, which words are italic,
which lines are centred, which are set smaller, what sits in the header and footer bands.
This reader reads that layout with pdfplumber (per-character boxes and fonts, from
pdfminer.six) and writes each page as a *layout page text*: the running header first, the
body lines indented as printed (a paragraph's first line indented, its other lines flush,
a centred heading centred), then the footer; footnotes (smaller type below the body) are
left out with a warning. The page-text reader then reads these pages, using the
indentation where a page carries it (see ``structure.py``), so a PDF and its page texts go
through one parser, and the page texts are kept as the PDF's pages for provenance.

Bad PDFs raise :class:`ParseError` naming the file: not a PDF, truncated, encrypted,
scanned (no text layer: needs OCR), over :data:`MAX_PDF_BYTES`, not a resolution.

Example::

    parsed = parse_pdf("S_RES_2388_2017_E.pdf", data)
    parsed.pages[0].file  # "S_RES_2388_2017_E.pdf#page=1"; its layout page text: .raw_text
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import replace

from resolutions.parsing.document import FORMAT_PDF, ParsedResolution, ParseError
from resolutions.parsing.pages import parse_page_texts

PDF_MAGIC = b"%PDF-"
# A resolution's PDF is well under a megabyte; the largest, with maps in annexes, a few
# megabytes. A file over this is refused before it is read.
MAX_PDF_BYTES = 50 * 1024 * 1024
HEADER_BAND = 64.0  # points from the top edge: the running header ("S/RES/2388 (2017)")
MASTHEAD_BAND = 126.0  # page 1: "United Nations", "Security Council", "Distr.: General", date
FOOTER_BAND = 72.0  # points from the bottom edge: "7/8", the job number, the bar code
LINE_TOLERANCE = 2.0  # words whose tops differ by less sit on one line
INDENT_STEP = 3.0  # points per space of indentation written into the layout page text
MIN_INDENT = 6.0  # a line starting this far right of the column's edge is indented
FORMULA = re.compile(r"^The Security Council\s*,$")  # ends page 1's title block
WORD_GAP = 0.5  # points: runs closer than this are one word
FURNITURE_GAP = 24.0  # points between two pieces of furniture printed on one line
FOOTNOTE_SHARE = 0.9  # type smaller than this share of the body's is a footnote


def check_pdf_size(name: str, size: int) -> None:
    """Refuse a file too large to be a resolution's PDF, before reading it."""
    if size > MAX_PDF_BYTES:
        raise ParseError(
            f"file is {size / 1024 / 1024:.0f} MB, over the {MAX_PDF_BYTES // 1024 // 1024} MB "
            "limit for a PDF",
            file=name,
        )


def parse_pdf(name: str, data: bytes) -> ParsedResolution:
    """Read one resolution's PDF; see the module docstring. The result's ``pages`` hold
    the layout page texts, named ``NAME#page=N``."""
    files, warnings = pdf_page_texts(name, data)
    try:
        parsed = parse_page_texts([(file, text.encode("utf-8")) for file, text in files])
    except ParseError as error:
        raise ParseError(f"not a resolution's PDF: {error.message}", file=error.file) from None
    if len(parsed) != 1:
        symbols = ", ".join(p.symbol for p in parsed)
        raise ParseError(f"pages of more than one resolution ({symbols})", file=name)
    return replace(
        parsed[0],
        source_format=FORMAT_PDF,
        files=(name,),
        warnings=parsed[0].warnings + tuple(warnings),
    )


def pdf_page_texts(name: str, data: bytes) -> tuple[list[tuple[str, str]], list[str]]:
    """The layout page text of each page, ``(NAME#page=N, text)``, and warnings."""
    check_pdf_size(name, len(data))
    if not data.startswith(PDF_MAGIC):
        raise ParseError("not a PDF (no %PDF- header)", file=name)
    if b"%%EOF" not in data[-2048:]:
        raise ParseError("truncated PDF: the file ends before its end-of-file marker", file=name)
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages: list[tuple[str, str]] = []
    warnings: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not pdf.pages:
                raise ParseError("PDF without pages", file=name)
            for number, page in enumerate(pdf.pages, start=1):
                text, footnotes = _page_text(page, first=number == 1)
                if footnotes:
                    warnings.append(f"{name}: footnotes on page {number} are not read")
                pages.append((f"{name}#page={number}", text))
    except PDFPasswordIncorrect:
        raise ParseError("encrypted PDF: it needs a password to be read", file=name) from None
    except PDFSyntaxError as error:
        raise ParseError(f"damaged PDF: {error}", file=name) from None
    except ParseError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a malformed file
        message = str(error) or type(error).__name__
        if "encrypt" in message.lower() or "password" in message.lower():
            raise ParseError("encrypted PDF: it needs a password to be read", file=name) from None
        raise ParseError(f"damaged PDF: {message}", file=name) from None
    if not any(text.strip() for _, text in pages):
        raise ParseError(
            "no text layer (a scanned image?): this PDF needs OCR before it can be read",
            file=name,
        )
    return pages, warnings


def _separate(line: dict) -> list[dict]:
    """Furniture printed side by side ("2/3" at the left, "17-03090" at the right) as items
    of their own: the page-text reader expects each on a line."""
    words = line["words"]
    parts, start = [], 0
    for index in range(1, len(words) + 1):
        if index == len(words) or words[index]["x0"] - words[index - 1]["x1"] > FURNITURE_GAP:
            parts.append(_joined(words[start:index]))
            start = index
    return [{**line, "text": part} for part in parts]


def _joined(words: list[dict]) -> str:
    """Words of a line as text: a space where the PDF leaves a gap, none where two runs touch
    (pdfplumber splits "Council" in italics from the roman "," after it)."""
    text = words[0]["text"] if words else ""
    for before, word in zip(words, words[1:], strict=False):
        text += ("" if word["x0"] - before["x1"] < WORD_GAP else " ") + word["text"]
    return text


def _lines(page) -> list[dict]:
    """The page's words grouped into lines, top to bottom: top, x0, x1, size, words, text."""
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    lines: list[dict] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        line = next((ln for ln in lines if abs(ln["top"] - word["top"]) < LINE_TOLERANCE), None)
        if line is None:
            line = {"top": word["top"], "words": []}
            lines.append(line)
        line["words"].append(word)
    out = []
    for line in sorted(lines, key=lambda ln: ln["top"]):
        words = sorted(line["words"], key=lambda w: w["x0"])
        out.append(
            {
                "top": line["top"],
                "bottom": max(w["bottom"] for w in words),
                "x0": words[0]["x0"],
                "x1": words[-1]["x1"],
                "size": statistics.median(w["size"] for w in words),
                "text": _joined(words),
                "words": words,
            }
        )
    return out


def _page_text(page, *, first: bool) -> tuple[str, bool]:
    """One page as a layout page text; and whether it had footnotes left out."""
    lines = _lines(page)
    top_band = MASTHEAD_BAND if first else HEADER_BAND
    header = [ln for ln in lines if ln["bottom"] <= top_band]
    footer = [ln for ln in lines if ln["top"] >= page.height - FOOTER_BAND]
    body = [ln for ln in lines if ln not in header and ln not in footer]
    if not body:
        return "\n".join(p["text"] for ln in header + footer for p in _separate(ln)), False
    size = statistics.median(ln["size"] for ln in body)
    footnotes = [
        ln
        for ln in body
        if ln["size"] < size * FOOTNOTE_SHARE
        and ln["top"] > page.height / 2
        and not re.fullmatch(r"\d{1,3}", ln["text"])  # a paragraph number alone keeps
    ]
    body = [ln for ln in body if ln not in footnotes]
    # The column's edge is where a paragraph's second and later lines start: the leftmost
    # line below page 1's title block ("Resolution 2388 (2017)" ... "The Security Council,"),
    # which is centred on the page and may start further left.
    after_title = next(
        (i + 1 for i, ln in enumerate(body) if FORMULA.match(ln["text"])), 0 if not first else None
    )
    column = body[after_title:] if after_title is not None else body
    left = min(ln["x0"] for ln in column or body)
    right = max(ln["x1"] for ln in column or body)
    text_lines = [part["text"] for ln in header for part in _separate(ln)]
    for line in body:
        indent = max(0.0, line["x0"] - left)
        centred = indent > MIN_INDENT and abs((right - line["x1"]) - indent) < MIN_INDENT
        spaces = round(indent / INDENT_STEP) if indent >= MIN_INDENT or centred else 0
        text_lines.append(" " * spaces + line["text"])
    text_lines += [part["text"] for ln in footer for part in _separate(ln)]
    return "\n".join(text_lines) + "\n", bool(footnotes)
