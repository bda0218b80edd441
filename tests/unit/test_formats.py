"""Format sniffing goes by content: a renamed file still reaches the right reader."""

from pathlib import Path

import pytest

from resolutions.parsing.document import ParseError
from resolutions.parsing.formats import detect_format

SAMPLES = Path(__file__).parent / "akn_samples"
SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
EXPECTED = (
    'expected a PDF, Akoma Ntoso XML (root <akomaNtoso>), JSON lines with a "symbol", or page text '
    "whose first line is a symbol such as S/RES/2388 (2017)"
)


@pytest.mark.parametrize(
    ("name", "data", "format_"),
    [
        ("S_RES_2388.xml", (SAMPLES / "resolution.xml").read_bytes(), "akn"),
        # no XML declaration, a comment first, a namespace prefix, a byte-order mark
        (
            "a.txt",
            b"<!-- copy -->\n<akn:akomaNtoso "
            b"xmlns:akn='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'/>",
            "akn",
        ),
        ("b.dat", b"\xef\xbb\xbf<akomaNtoso/>", "akn"),
        (
            "2017.json",
            b'{"symbol": "S/RES/2337 (2017)", "adoption_date": "19 January 2017"}\n',
            "record",
        ),
        ("records.txt", b'\n\n{"symbol": "S/RES/2337 (2017)"}\n', "record"),
        ("page.txt", b"S/RES/2388 (2017)\n24. Requests the Secretary-General", "page-text"),
        ("page.xml", b"\n  S/RES/2331 (2016)  \ninformation regarding", "page-text"),
        ("first.txt", b"United Nations S/RES/2388 (2017)\nSecurity Council", "page-text"),
        ("S_RES_2388.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        ("renamed.txt", b"%PDF-1.4\n", "pdf"),
    ],
)
def test_detects_by_content_not_by_name(name, data, format_):
    assert detect_format(name, data) == format_


def test_the_seed_page_texts_are_page_text():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    assert {detect_format(seed.name, seed.read_bytes()) for seed in seeds} == {"page-text"}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.html", b"<?xml version='1.0'?><html/>", "x.html: XML with root <html> is not a source"),
        ("notes.txt", b"\n\nDraft notes\nS/RES/2388 (2017)", "notes.txt, line 3: unknown format"),
        ("empty.txt", b"", "empty.txt: unknown format (no text)"),
        ("other.json", b'{"title": "x"}\n', "other.json, line 1: unknown format"),
        ("image.png", b"\x89PNG\r\n\x1a\n\xff\xfe", "image.png: not UTF-8 text"),
    ],
)
def test_anything_else_is_a_parse_error_saying_what_was_expected(name, data, message):
    with pytest.raises(ParseError) as raised:
        detect_format(name, data)
    assert str(raised.value).startswith(message)
    assert str(raised.value).endswith(EXPECTED)
