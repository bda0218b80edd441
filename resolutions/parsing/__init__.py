"""Pure-Python readers that turn UN source texts into one neutral parsed document.

Nothing in this package imports Django (``tests/unit/test_purity.py`` enforces it), so the
parser can be tested, reused and reasoned about without a database.

Readers:

* :func:`resolutions.parsing.pages.parse_page_texts` -- page texts extracted from the UN's PDFs;
* :func:`resolutions.parsing.akn.parse_akn` -- the UN's Akoma Ntoso (AKN4UN) XML.

Both return a :class:`resolutions.parsing.document.ParsedResolution`.
"""

from resolutions.parsing.document import (
    ParsedItem,
    ParsedPage,
    ParsedParagraph,
    ParsedReference,
    ParsedResolution,
    ParseError,
)

__all__ = [
    "ParseError",
    "ParsedItem",
    "ParsedPage",
    "ParsedParagraph",
    "ParsedReference",
    "ParsedResolution",
]
