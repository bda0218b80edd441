"""The bytes of an uploaded draft to its text: a .txt file or a Word .docx. Pure Python.

Why a module of its own: an upload can be anything -- an image renamed .txt, a Word file in
Windows-1252, a damaged .docx, a .docx crafted to unpack to gigabytes ("zip bomb") or to make an
XML parser expand entities. Each gets :class:`DraftError` with a sentence a person can act on,
never an exception the page does not expect.

* Text must be UTF-8 (a byte order mark is dropped) or UTF-16 with its byte order mark, and may
  not hold control characters other than tabs and line breaks (binary data does).
* A .docx is read with the standard library: :mod:`zipfile` opens it, only ``word/document.xml``
  is read, and never more than ``MAX_DOCX_XML_BYTES`` of it unpacked (``ZipExtFile.read(n)``
  inflates no more than it returns, so a lying size in the archive's header does not help a
  bomb). The XML goes through :mod:`resolutions.parsing.xmltext`, the archive's own guarded
  reader: no DTD, entity or XInclude is accepted. Each ``<w:p>`` is a paragraph; ``<w:t>``
  holds its text (deleted text of Word's own track changes is ``<w:delText>`` and is left
  out; inserted text is kept). Example::

      >>> read_draft("notes.txt", "Recalling its resolution 2388 (2017),".encode())
      'Recalling its resolution 2388 (2017),'
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from xml.etree import ElementTree as ET

from resolutions.drafts import MAX_UPLOAD_BYTES
from resolutions.parsing.document import ParseError
from resolutions.parsing.xmltext import decode_xml, load_xml

MAX_DOCX_XML_BYTES = 20_000_000  # word/document.xml of a 60-page draft is under 1 MB
DOCX_PART = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# C0 controls and DEL other than tab, line feed, vertical tab, form feed and carriage return
# (Word puts a vertical tab for a manual line break in copied text).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DraftError(ValueError):
    """A draft that cannot be read; ``message`` is what the person is told, ``status`` the
    HTTP status that goes with it (413 for too large, 400 otherwise)."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def check_text(text: str) -> str:
    """``text`` if it is text a person wrote; DraftError for binary data."""
    found = _CONTROL_RE.search(text)
    if found:
        raise DraftError(
            "This does not look like text: it holds control characters "
            f"(U+{ord(found.group()):04X} at character {found.start() + 1:,}), as binary "
            "files do. Paste the draft's text, or upload it as a .txt or .docx file."
        )
    return text


def read_draft(name: str, data: bytes) -> str:
    """The text of the uploaded file ``name`` (its bytes ``data``)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise DraftError(
            f"The file is {len(data):,} bytes; the draft check reads files of up to "
            f"{MAX_UPLOAD_BYTES:,} bytes. Upload the draft in parts, or paste its text.",
            status=413,
        )
    if not data:
        raise DraftError("The file is empty.")
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "docx" or data.startswith(b"PK\x03\x04"):
        return docx_text(data)
    if suffix in ("doc", "pdf", "odt", "rtf", "pages"):
        raise DraftError(
            f"A .{suffix} file cannot be read here. Save the draft as a Word document (.docx) "
            "or as plain text (.txt), or paste its text."
        )
    return check_text(decode_text(data))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte order mark) or UTF-16 with one."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            data, chosen = data[len(bom) :], encoding
            break
    else:
        chosen = "utf-8"
        if b"\x00" in data[:8192]:  # no text but UTF-16/32 has NUL bytes; binary files do
            check_text(data[:8192].decode("latin-1"))
    try:
        return data.decode(chosen)
    except UnicodeDecodeError as error:
        raise DraftError(
            f"The file is not {chosen.upper()} text (byte 0x{data[error.start]:02x} at position "
            f"{error.start + 1:,} is not {chosen.upper()}). Save it as UTF-8 text (in most "
            "editors: Save as, encoding UTF-8), or paste its text."
        ) from None


def docx_text(data: bytes) -> str:
    """The paragraphs of a Word document, one a line with a blank line between."""
    damaged = (
        "The .docx file could not be read: it is damaged or not a Word document. Open it in "
        "Word and save it again, or paste its text."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(DOCX_PART)
            except KeyError:
                raise DraftError(
                    "The file is a zip archive but not a Word document (it has no "
                    f"{DOCX_PART}). Save the draft as .docx or .txt, or paste its text."
                ) from None
            if info.file_size > MAX_DOCX_XML_BYTES:
                raise _too_large_unpacked()
            with archive.open(info) as part:
                xml = part.read(MAX_DOCX_XML_BYTES + 1)
    except DraftError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise DraftError(damaged) from None
    except (NotImplementedError, RuntimeError):  # an unknown compression method; encrypted
        raise DraftError(
            "The .docx file is encrypted or compressed in a way that cannot be read. Save it "
            "again without a password, or paste its text."
        ) from None
    if len(xml) > MAX_DOCX_XML_BYTES:
        raise _too_large_unpacked()
    try:
        root = load_xml(DOCX_PART, decode_xml(DOCX_PART, xml))
    except ParseError as error:
        raise DraftError(f"{damaged} ({error.message})") from None
    return check_text("\n\n".join(p for p in _docx_paragraphs(root) if p.strip()))


def _too_large_unpacked() -> DraftError:
    return DraftError(
        f"The .docx file unpacks to more than {MAX_DOCX_XML_BYTES:,} bytes of text and "
        "markup: far more than a draft resolution. Paste the draft's text instead.",
        status=413,
    )


def _docx_paragraphs(root) -> list[str]:
    """The text of each ``<w:p>`` in document order. A paragraph inside another (a text box)
    is a paragraph of its own, not repeated in the outer one. Walked without recursion, so
    deeply nested markup cannot exhaust the stack."""
    found: list[str] = []
    # (element or None for "the paragraph at this place ends", the pieces of the paragraph
    # the element belongs to (None outside any), the place of that paragraph in ``found``)
    stack: list[tuple[ET.Element | None, list[str] | None, int]] = [(root, None, -1)]
    while stack:
        element, pieces, place = stack.pop()
        if element is None:
            found[place] = "".join(pieces or ())
            continue
        tag = element.tag
        if tag == _W + "p":
            pieces, place = [], len(found)
            found.append("")
            stack.append((None, pieces, place))  # popped after all the children
        elif pieces is not None:
            if tag == _W + "t":
                pieces.append(element.text or "")
            elif tag == _W + "tab":
                pieces.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                pieces.append(" ")
            elif tag == _W + "noBreakHyphen":
                pieces.append("-")
        stack.extend((child, pieces, place) for child in reversed(element))
    return found
