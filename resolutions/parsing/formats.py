"""Tell which reader a source file needs, by its content and never by its name.

Why by content: files arrive renamed ("S_RES_2388 (2017)-1720704E.xml", "page3.txt",
"2017.json") and a wrong guess would feed XML to the page-text reader. Three formats:

* ``"akn"`` -- XML whose root element is ``akomaNtoso`` (the UN's AKN4UN files);
* ``"record"`` -- JSON lines whose first object has a "symbol" (``metadata/YEAR.json``);
* ``"page-text"`` -- text whose first non-empty line is a symbol header "S/RES/2388 (2017)";
* ``"pdf"`` -- a file that opens with the PDF signature ``%PDF-``.

Example::

    >>> detect_format("page-4.txt", b"S/RES/2388 (2017)\\n24. Requests the Secretary-General")
    'page-text'
"""

from __future__ import annotations

import json
import re

from resolutions.parsing.document import (
    FORMAT_AKN,
    FORMAT_PAGE_TEXT,
    FORMAT_PDF,
    FORMAT_RECORD,
    ParseError,
)
from resolutions.parsing.xmltext import REFUSED, xml_encoding

_XML_ROOT = re.compile(
    r"""
    ^(?:\s|<\?.*?\?>|<!--.*?-->)*   # whitespace, the XML declaration, comments
    (?: (?P<dtd><!(?:DOCTYPE|ENTITY))   # a document type declaration: refused
      | <(?:[\w.-]+:)?(?P<root>[\w.-]+)  # or the root element, any namespace prefix dropped
    )
    """,
    re.X | re.S,
)
_PAGE_HEADER = re.compile(
    r"""
    ^(?:United\s+Nations\s+)?       # a first page can open "United Nations S/RES/2388 (2017)"
    S/RES/\d{1,4}\s*\(\d{4}\)$      # the symbol header every printed page carries
    """,
    re.X,
)
_EXPECTED = (
    'expected a PDF, Akoma Ntoso XML (root <akomaNtoso>), JSON lines with a "symbol", '
    "or page text whose first line is a symbol such as S/RES/2388 (2017)"
)


def detect_format(name: str, data: bytes) -> str:
    """ "akn", "record", "page-text" or "pdf"; :class:`ParseError` naming ``name`` otherwise."""
    if data.startswith(b"%PDF-"):
        return FORMAT_PDF
    encoding, bom = xml_encoding(data)  # XML says how it is encoded: Latin-1, UTF-16 ...
    try:
        head = data[bom : bom + 4096].decode(encoding, "replace")
    except LookupError:
        head = data[bom : bom + 4096].decode("utf-8", "replace")
    root = _XML_ROOT.match(head)
    if root:
        if root["dtd"]:
            line = head.count("\n", 0, root.start("dtd")) + 1
            raise ParseError(f"XML with a DOCTYPE: {REFUSED}", file=name, line=line)
        if root["root"] == "akomaNtoso":
            return FORMAT_AKN
        raise ParseError(f"XML with root <{root['root']}> is not a source: {_EXPECTED}", file=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ParseError(f"not UTF-8 text: {_EXPECTED}", file=name) from None
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    line, first = next(((number, line) for number, line in lines if line), (None, ""))
    if first.startswith("{"):
        try:
            record = json.loads(first)
        except json.JSONDecodeError:
            record = None
        if isinstance(record, dict) and "symbol" in record:
            return FORMAT_RECORD
    if _PAGE_HEADER.match(" ".join(first.split())):
        return FORMAT_PAGE_TEXT
    shown = f"first line {first[:60]!r}" if first else "no text"
    raise ParseError(f"unknown format ({shown}): {_EXPECTED}", file=name, line=line)
