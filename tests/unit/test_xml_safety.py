"""XML is decoded as XML says and parsed with no DTD, entity or XInclude: one test per attack,
through the format sniffer (what the ingest sees first) and the AKN reader."""

import pytest

from resolutions.parsing.akn import parse_akn
from resolutions.parsing.document import ParseError
from resolutions.parsing.formats import detect_format
from resolutions.parsing.xmltext import decode_xml
from tests.conftest import REPO

SAMPLE = (REPO / "tests" / "unit" / "akn_samples" / "single_paragraph.xml").read_text("utf-8")
BODY = SAMPLE.split("?>", 1)[1]  # the sample without its XML declaration

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&lol9;</akomaNtoso>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&secret;</akomaNtoso>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso SYSTEM "file:///etc/passwd">
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>
"""
XINCLUDE = SAMPLE.replace(
    "<mainBody>",
    '<mainBody><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
    'href="file:///etc/passwd" parse="text"/>',
)


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("laughs.xml", BILLION_LAUGHS, 2),
        ("secret.xml", EXTERNAL_ENTITY, 2),
        ("dtd.xml", EXTERNAL_DTD, 2),
    ],
)
def test_a_dtd_or_entity_is_refused_by_the_sniffer_and_the_reader(name, text, line):
    data = text.encode("utf-8")
    for read in (detect_format, parse_akn):
        with pytest.raises(ParseError) as caught:
            read(name, data)
        assert caught.value.file == name
        assert caught.value.line == line
        assert "DTDs and entities are not accepted" in caught.value.message
        assert "root:" not in str(caught.value)  # nothing of /etc/passwd was read


def test_the_reader_refuses_a_dtd_even_when_the_sniffer_is_bypassed():
    """The reader does not rely on the sniffer: it refuses the DTD itself."""
    data = ("\n" * 3 + EXTERNAL_ENTITY.split("\n", 1)[1]).encode()
    with pytest.raises(ParseError, match="DTDs and entities are not accepted"):
        parse_akn("late.xml", data)


def test_xinclude_is_refused():
    assert "xi:include" in XINCLUDE
    assert detect_format("include.xml", XINCLUDE.encode()) == "akn"
    with pytest.raises(ParseError) as caught:
        parse_akn("include.xml", XINCLUDE.encode())
    assert "XInclude is not accepted" in str(caught.value)
    assert caught.value.file == "include.xml"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("ISO-8859-1", b""),
        ("windows-1252", b""),
        ("UTF-16", b"\xff\xfe"),  # little-endian, as its byte order mark says
        ("UTF-8", b"\xef\xbb\xbf"),
    ],
)
def test_xml_is_decoded_as_its_declaration_or_byte_order_mark_says(encoding, prefix):
    text = f'<?xml version="1.0" encoding="{encoding}"?>' + BODY.replace(
        "Security Council", "Conseil de sécurité Security Council", 1
    )
    codec = "utf-16-le" if encoding == "UTF-16" else encoding
    data = prefix + text.encode(codec)
    assert detect_format("fr.xml", data) == "akn"
    assert decode_xml("fr.xml", data) == text
    plain = parse_akn("plain.xml", SAMPLE.encode("utf-8"))
    assert parse_akn("fr.xml", data).symbol == plain.symbol
    assert parse_akn("fr.xml", data).paragraphs == plain.paragraphs


def test_text_that_cannot_be_decoded_as_declared_names_file_and_line():
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso>\ncaf\xe9</akomaNtoso>'
    with pytest.raises(ParseError) as caught:
        parse_akn("bad.xml", data)
    assert str(caught.value) == "bad.xml, line 3: not utf-8 text as the file says (byte 0xe9)"


def test_an_unknown_declared_encoding_is_a_message():
    data = b'<?xml version="1.0" encoding="klingon-8"?><akomaNtoso/>'
    with pytest.raises(ParseError, match="unknown encoding 'klingon-8'"):
        parse_akn("k.xml", data)
