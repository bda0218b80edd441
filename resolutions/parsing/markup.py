"""Akoma Ntoso inline markup to clean text, keeping where each link and footnote sits.

Why a stage of its own: a paragraph of the UN's XML is text interleaved with ``<span>``
(``class="italic"``: the opening words and verbs the UN prints in italics), ``<a href>``
(links to cited documents), ``<authorialNote>`` (footnotes) and ``<sup>``. Search and
display want one clean string, and the links (and italics) must become character offsets
into that string, so rendering and offset bookkeeping go together.

Example::

    >>> p = ET.fromstring('<p xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    ...     'Recalling <a href="https://undocs.org/S/RES/2331(2016)">2331 (2016)</a>,</p>')
    >>> text, spans = compose(render(p, []), clean=collapse)
    >>> text, spans[0].start, spans[0].end
    ('Recalling 2331 (2016),', 10, 21)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from resolutions.parsing.document import REF_DOCUMENT, REF_RESOLUTION, ParsedReference

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def local(tag: object) -> str:
    """The tag name without its namespace: ``{...akn/3.0}paragraph`` -> ``paragraph``."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def collapse(text: str) -> str:
    """Whitespace (tabs, newlines, no-break spaces) collapsed to single spaces."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Run:
    """A stretch of source text; ``href`` is set when it is (part of) a link, ``italic`` when
    the markup prints it in italics (``<span class="italic">``, ``<i>``)."""

    text: str
    href: str = ""
    italic: bool = False


@dataclass(frozen=True)
class Note:
    """A footnote (``<authorialNote marker="1">``) lifted out of the text it annotates."""

    marker: str
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Span:
    """Where a link sits in composed text: ``text[start:end]`` is the link's text."""

    start: int
    end: int
    href: str


def render(element: ET.Element, notes: list[Note], *, skip: Iterable[str] = ("num",)) -> list[Run]:
    """The runs of text under ``element``, in reading order.

    Footnotes are removed from the text (no marker is left behind, so search and quotation
    read cleanly) and appended to ``notes``; elements named in ``skip`` are left out.
    """
    runs: list[Run] = []
    _render_into(element, runs, notes, frozenset(skip), href="", italic=False)
    return runs


def _render_into(
    element: ET.Element,
    runs: list[Run],
    notes: list[Note],
    skip: frozenset[str],
    href: str,
    italic: bool,
) -> None:
    italic = italic or _is_italic(element)
    if element.text:
        runs.append(Run(element.text, href, italic))
    for child in element:
        tag = local(child.tag)
        if tag == "authorialNote":
            notes.append(Note(child.get("marker", "").strip(), tuple(render(child, notes))))
        elif tag in skip:
            pass
        elif tag == "a" and not href and child.get("href", "").strip():
            _render_into(child, runs, notes, skip, child.get("href", "").strip(), italic)
        elif tag == "p":
            # Consecutive <p> in one container are separate lines of the same paragraph.
            runs.append(Run(" "))
            _render_into(child, runs, notes, skip, href, italic)
            runs.append(Run(" "))
        else:
            _render_into(child, runs, notes, skip, href, italic)
        if child.tail:
            runs.append(Run(child.tail, href, italic))


def _is_italic(element: ET.Element) -> bool:
    """``<span class="italic">`` (67,000 times in the corpus, "bold italic" 27) or ``<i>``."""
    return local(element.tag) == "i" or "italic" in (element.get("class") or "").split()


def is_emphasised(element: ET.Element) -> bool:
    """Is every printed character under ``element`` bold or underlined (footnotes aside)?

    That is how the UN types a section heading, and the only sign left of one when the
    conversion to XML nested the heading inside the list before it (S/RES/2231 (2015)):
    ``<p><span class="bold underline">UNSCR Termination Day</span></p>`` -> True.
    """
    return bool(collapse("".join(element.itertext()))) and _emphasised(element, False)


def _emphasised(element: ET.Element, inherited: bool) -> bool:
    classes = (element.get("class") or "").split()
    emphasis = inherited or "bold" in classes or "underline" in classes
    if element.text and element.text.strip() and not emphasis:
        return False
    for child in element:
        if local(child.tag) != "authorialNote" and not _emphasised(child, emphasis):
            return False
        if child.tail and child.tail.strip() and not emphasis:
            return False
    return True


def plain(runs: Iterable[Run]) -> str:
    """The runs as one whitespace-collapsed string, links and all."""
    return collapse("".join(run.text for run in runs))


def compose(
    runs: Iterable[Run],
    *,
    clean: Callable[[str], str],
    italics: list[tuple[int, int]] | None = None,
) -> tuple[str, list[Span]]:
    """Join runs into one string with ``clean`` applied, and say where each link sits.

    ``clean`` works run by run (it must be local: typography, whitespace), so offsets stay
    exact. Adjacent runs of the same link are one span: the UN sometimes splits a citation
    into several links to one address ("1933", " ", "(2010)"). When ``italics`` is given,
    the ``(start, end)`` of each stretch printed in italics is appended to it (see
    :func:`word_spans`).
    """
    pieces: list[str] = []
    spans: list[Span] = []
    length = 0
    space = False  # whitespace seen since the last piece
    link_open = False  # no plain text since the last link: a same-address link extends it
    for run in runs:
        raw = run.text
        if not raw:
            continue
        if raw[0].isspace():
            space = True
        piece = collapse(clean(raw))
        if piece:
            if space and length:
                pieces.append(" ")
                length += 1
            space = False
            start = length
            pieces.append(piece)
            length += len(piece)
            if run.href and link_open and spans and spans[-1].href == run.href:
                spans[-1] = Span(spans[-1].start, length, run.href)
            elif run.href:
                spans.append(Span(start, length, run.href))
            link_open = bool(run.href)
            if run.italic and italics is not None:
                italics.append((start, length))
        if raw[-1].isspace():
            space = True
    text = "".join(pieces)
    if italics is not None:
        italics[:] = word_spans(text, italics)
    return text, spans


def word_spans(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans widened to whole words and merged where only spaces part them.

    The markup sometimes closes an italic span inside a word (S/RES/2331 (2016), op 2 (c):
    ``<span class="italic">and underscores in this reg</span>ard``); the printed page
    italicises whole words. Adjacent spans ("Recalling" + " " + "also") become one.

    >>> word_spans("Calls upon States", [(0, 5), (6, 8)])
    [(0, 10)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# --- links to references ------------------------------------------------------------------

_HREF = re.compile(
    r"""
    ^https?://(?:www\.)?(?:undocs\.org|docs\.un\.org)/   # the UN's permanent document links
    (?:[a-z]{2}/)?                                       # an optional language: "en/"
    (?P<symbol>[A-Z].*)$                                 # the document symbol is the path
    """,
    re.X,
)
_HREF_QUERY = re.compile(
    r"""
    [?&]symbol=(?P<symbol>[^&]+)   # older Official Document System links: view_doc.asp?symbol=
    """,
    re.X,
)
_RESOLUTION_SYMBOL = re.compile(
    r"""
    ^S/RES/(?P<number>\d{1,4})     # S/RES/2331
    \s*(?:\((?P<year>\d{4})\))?$   # (2016): links write it without the space, text with
    """,
    re.X,
)
_RESOLUTION_TEXT = re.compile(
    r"""
    ^(?:resolutions?\s+)?          # link text sometimes takes the word along
    (?:S/RES/)?(?P<number>\d{1,4})  # 2331
    (?:\s*\((?P<year>\d{4})\))?    # (2016), absent when the link covers the number only
    [.,;]?$
    """,
    re.X | re.I,
)
_DOCUMENT_SYMBOL = re.compile(
    r"""
    ^[A-Z]{1,3}/          # the organ: S/, A/, E/ ...
    [A-Za-z0-9.()/\-]*\d  # the rest: 2017/939, PRST/2015/25, RES/70/1, AC.9/2017/1
    [A-Za-z0-9.()/\-]*$
    """,
    re.X,
)


def symbol_from_href(href: str) -> str:
    """The UN document symbol a link points to, or "" for links to anything else.

    >>> symbol_from_href("https://undocs.org/en/S/RES/1373%20(2001)")
    'S/RES/1373 (2001)'
    """
    address = unquote(href.strip())
    match = _HREF.match(address) or _HREF_QUERY.search(address)
    if not match:
        return ""
    symbol = collapse(match.group("symbol")).rstrip(";,. ")
    resolution = _RESOLUTION_SYMBOL.match(symbol)
    if resolution:
        return resolution_symbol(int(resolution["number"]), resolution["year"])
    return symbol


def resolution_symbol(number: int, year: int | str | None) -> str:
    """The canonical symbol: ``S/RES/2331 (2016)``, or ``S/RES/2331`` without a year."""
    return f"S/RES/{number} ({year})" if year else f"S/RES/{number}"


def link_reference(as_written: str, href: str, start: int, end: int) -> ParsedReference | None:
    """A reference for one link, reading the link's text first and its address second.

    The text is what the Council adopted; the addresses were added at markup time and are
    sometimes wrong (a link on "1970 (2011)" pointing to S/RES/2009(2011)), so a citation
    the text spells out wins, and the address fills in only what the text leaves out.
    """
    target = symbol_from_href(href)
    if not target:
        return None
    linked = _RESOLUTION_SYMBOL.match(target.replace(" ", ""))
    written = _RESOLUTION_TEXT.match(as_written.strip())
    common = {"as_written": as_written, "start": start, "end": end, "href": href}
    if written:
        number = int(written["number"])
        year = written["year"]
        if year is None and linked and int(linked["number"]) == number:
            year = linked["year"]
        return ParsedReference(
            kind=REF_RESOLUTION,
            symbol=resolution_symbol(number, year),
            number=number,
            year=int(year) if year else None,
            **common,
        )
    if _DOCUMENT_SYMBOL.match(as_written.strip()) and not as_written.startswith("S/RES/"):
        return ParsedReference(kind=REF_DOCUMENT, symbol=as_written.strip(), **common)
    if linked:
        year = linked["year"]
        return ParsedReference(
            kind=REF_RESOLUTION,
            symbol=target,
            number=int(linked["number"]),
            year=int(year) if year else None,
            **common,
        )
    return ParsedReference(kind=REF_DOCUMENT, symbol=target, **common)
