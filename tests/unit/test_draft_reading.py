"""A draft as a person gives it: split into the paragraphs they numbered, read from .txt and
.docx files (built here with zipfile), and refused with a clear message when it cannot be read.
No database."""

from __future__ import annotations

import io
import zipfile

import pytest

from resolutions.drafts import MAX_PARAGRAPHS, MAX_UPLOAD_BYTES
from resolutions.drafts.matching import DraftIndex
from resolutions.drafts.reading import MAX_DOCX_XML_BYTES, DraftError, check_text, read_draft
from resolutions.drafts.splitting import split_draft
from resolutions.lineage.graph import Moment
from resolutions.lineage.text import words

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(*paragraphs: str, body: str | None = None, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal Word document: each paragraph one <w:p> of one run."""
    runs = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body if body is not None else runs}</w:body>'
        "</w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def split(text: str) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in split_draft(text)]


# --- splitting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Pasted from Word: one line a paragraph, no blank lines, no numbers.
        (
            "The Security Council,\nRecalling its resolution 2331 (2016),\n"
            "Deeply concerned by trafficking in persons,\nDecides to remain seized of the matter.",
            [
                ("", "The Security Council,"),
                ("", "Recalling its resolution 2331 (2016),"),
                ("", "Deeply concerned by trafficking in persons,"),
                ("", "Decides to remain seized of the matter."),
            ],
        ),
        # Numbered by hand, wrapped at a fixed width as e-mail does.
        (
            "1. Calls upon Member States to\nstrengthen their efforts;\n"
            "2. Requests the Secretary-General\nto report;",
            [
                ("1.", "Calls upon Member States to strengthen their efforts;"),
                ("2.", "Requests the Secretary-General to report;"),
            ],
        ),
        # Blank lines between wrapped paragraphs; a preambular paragraph that wraps after a comma.
        (
            "Recalling its resolutions on trafficking,\nin particular resolution 2388 (2017),\n\n"
            "Noting with concern the report,",
            [
                (
                    "",
                    "Recalling its resolutions on trafficking, "
                    "in particular resolution 2388 (2017),",
                ),
                ("", "Noting with concern the report,"),
            ],
        ),
        # Items after a paragraph ending with ":" belong to it.
        (
            "5. Decides that all States shall:\n(a) Prevent the supply of arms;\n"
            "(b) Freeze the funds;\n6. Requests a report.",
            [
                (
                    "5.",
                    "Decides that all States shall: (a) Prevent the supply of arms; "
                    "(b) Freeze the funds;",
                ),
                ("6.", "Requests a report."),
            ],
        ),
        # An item with no introduction is a paragraph of its own; "12)" and a label on its own line.
        (
            "(a) A list item standing alone;\n12) Urges all parties;\n13.\nEncourages cooperation;",
            [
                ("(a)", "A list item standing alone;"),
                ("12)", "Urges all parties;"),
                ("13.", "Encourages cooperation;"),
            ],
        ),
        # Windows line ends, Word's manual line break (vertical tab) and bullets.
        (
            "• Welcomes the report;\r\n• Stresses the need\x0bfor accountability;",
            [("•", "Welcomes the report;"), ("•", "Stresses the need for accountability;")],
        ),
        # A number inside a sentence is not a label; a wrapped line is not a paragraph.
        (
            "Recalling paragraph 31 of resolution\n2388 (2017) and its annex 1.5,",
            [("", "Recalling paragraph 31 of resolution 2388 (2017) and its annex 1.5,")],
        ),
        ("", []),
        ("\n\n   \n", []),
    ],
)
def test_a_draft_is_split_as_a_person_numbers_it(text, expected):
    assert split(text) == expected


def test_paragraphs_are_numbered_in_order():
    found = split_draft("First paragraph here;\n\nSecond paragraph here.")
    assert [p.number for p in found] == [1, 2]


def test_too_many_paragraphs_is_refused_with_the_limit():
    text = "\n\n".join(f"Decides item {n};" for n in range(MAX_PARAGRAPHS + 1))
    with pytest.raises(DraftError) as caught:
        split_draft(text)
    assert caught.value.status == 413
    assert f"{MAX_PARAGRAPHS}" in caught.value.message
    assert len(split_draft("\n\n".join(["Decides x;"] * MAX_PARAGRAPHS))) == MAX_PARAGRAPHS


# --- reading .txt --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"Recalling its resolution 2388 (2017),",
        b"\xef\xbb\xbf" + b"Recalling its resolution 2388 (2017),",
        "\ufeffRecalling its resolution 2388 (2017),".encode("utf-16-le"),
        "\ufeffRecalling its resolution 2388 (2017),".encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16-le", "utf-16-be"],
)
def test_text_files_in_utf8_or_utf16_are_read(data):
    assert read_draft("draft.txt", data) == "Recalling its resolution 2388 (2017),"


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("draft.txt", b"", "empty"),
        ("draft.txt", "Côte d’Ivoire".encode("cp1252"), "not UTF-8"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "control characters"),
        ("draft.txt", b"abc\x00def", "control characters"),
        ("draft.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc file cannot be read"),
        ("draft.pdf", b"%PDF-1.7", ".pdf file cannot be read"),
        ("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1), "bytes"),
    ],
)
def test_unreadable_files_get_a_clear_message(name, data, says):
    with pytest.raises(DraftError) as caught:
        read_draft(name, data)
    assert says in caught.value.message
    assert caught.value.status == (413 if name == "big.txt" else 400)


def test_pasted_text_with_binary_is_refused_but_tabs_and_breaks_are_text():
    assert check_text("a\tb\r\nc\x0bd\x0ce") == "a\tb\r\nc\x0bd\x0ce"
    with pytest.raises(DraftError, match="U\\+0001"):
        check_text("a\x01b")


# --- reading .docx -------------------------------------------------------------------------


def test_a_docx_gives_its_paragraphs_in_order():
    data = docx("Recalling its resolution 2388 (2017),", "Decides to remain seized.")
    assert read_draft("draft.docx", data) == (
        "Recalling its resolution 2388 (2017),\n\nDecides to remain seized."
    )


def test_a_docx_is_recognised_by_its_bytes_whatever_its_name():
    assert read_draft("draft", docx("Decides to act;")) == "Decides to act;"


def test_runs_tabs_breaks_and_word_track_changes():
    body = (
        "<w:p><w:r><w:t>Calls upon </w:t></w:r><w:r><w:t>States</w:t></w:r>"
        "<w:r><w:tab/><w:t>to</w:t><w:br/><w:t>act</w:t></w:r>"
        "<w:del><w:r><w:delText>removed words</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t> now</w:t></w:r></w:ins></w:p>"
        "<w:p></w:p>"
        "<w:p><w:r><w:t>non</w:t><w:noBreakHyphen/><w:t>State actors</w:t></w:r></w:p>"
    )
    assert (
        read_draft("d.docx", docx(body=body)) == "Calls upon States\tto act now\n\nnon-State actors"
    )


def test_a_paragraph_in_a_text_box_is_its_own_paragraph():
    body = (
        "<w:p><w:r><w:t>Outer</w:t></w:r><w:r><w:txbxContent><w:p><w:r><w:t>Inner</w:t></w:r>"
        "</w:p></w:txbxContent></w:r><w:r><w:t> continues</w:t></w:r></w:p>"
    )
    assert read_draft("d.docx", docx(body=body)) == "Outer continues\n\nInner"


def test_a_docx_split_like_the_pasted_text():
    data = docx("1. Decides that States shall:", "(a) Prevent supply;", "(b) Freeze funds;")
    assert split(read_draft("d.docx", data)) == [
        ("1.", "Decides that States shall: (a) Prevent supply; (b) Freeze funds;")
    ]


def _zip(entries: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&s;</w:t></w:r></w:p></w:body></w:document>'
)


@pytest.mark.parametrize(
    ("data", "says", "status"),
    [
        (docx("x")[:200], "damaged", 400),  # cut short
        (b"PK\x03\x04" + b"\x00" * 100, "damaged", 400),
        (_zip({"hello.txt": b"hello"}), "not a Word document", 400),
        (_zip({"word/document.xml": b"<w:document><unclosed>"}), "malformed XML", 400),
        (_zip({"word/document.xml": LAUGHS.encode()}), "DTDs and entities are not accepted", 400),
        (_zip({"word/document.xml": EXTERNAL.encode()}), "DTDs and entities are not accepted", 400),
        (_zip({"word/document.xml": b"\xff\xfe\x00garbage"}), "damaged", 400),
    ],
    ids=["truncated", "zeros", "not word", "malformed", "entities", "external entity", "encoding"],
)
def test_corrupt_or_hostile_docx_files_get_a_clear_message(data, says, status):
    with pytest.raises(DraftError) as caught:
        read_draft("draft.docx", data)
    assert says in caught.value.message
    assert caught.value.status == status
    assert "root:" not in caught.value.message


def test_a_zip_bomb_is_refused_without_unpacking_it():
    """200 MB of zeros in a few hundred kilobytes: refused on its declared size."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\x00" * 1_000_000
            for _ in range(200):
                part.write(chunk)
    data = buffer.getvalue()
    assert len(data) < MAX_UPLOAD_BYTES
    with pytest.raises(DraftError) as caught:
        read_draft("bomb.docx", data)
    assert caught.value.status == 413
    assert "unpacks to more than" in caught.value.message


def test_a_zip_bomb_lying_about_its_size_is_cut_off_while_unpacking():
    """The headers claim a small file; reading stops past the limit all the same."""
    data = bytearray(_zip({"word/document.xml": b" " * (MAX_DOCX_XML_BYTES + 2_000_000)}))
    central = data.rfind(b"PK\x01\x02")
    assert data[:4] == b"PK\x03\x04" and central > 0
    data[22:26] = data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("word/document.xml").file_size == 100
    with pytest.raises(DraftError) as caught:
        read_draft("liar.docx", bytes(data))
    assert caught.value.status in (400, 413)
    assert "docx" in caught.value.message


# --- matching (pure) -----------------------------------------------------------------------

OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen protections against "
    "trafficking in persons"
)


def test_the_closest_wording_first_and_the_earliest_of_equal_wordings_cited():
    index = DraftIndex(
        [
            (3, Moment("2019-01-01", 2467), OP31),  # a later repetition
            (1, Moment("2017-11-21", 2388), OP31),
            (2, Moment("2016-12-20", 2331), OP31.replace("transparency", "openness")),
            (4, Moment("2010-01-01", 1000), "Decides to remain actively seized of the matter"),
        ]
    )
    assert len(index) == 3 and index.paragraph_count == 4
    drafted = words(OP31.replace("supply", "delivery"))
    found = index.look_up(drafted)
    assert [(f.first, f.paragraphs) for f in found] == [(1, (1, 3)), (2, (2,))]
    assert found[0].share > found[1].share
    # Equal shares: the wording adopted first comes first.
    tied = index.look_up(words(OP31.replace("transparency", "clarity")))
    assert tied[0].share == tied[1].share
    assert [f.first for f in tied] == [2, 1]


def test_nothing_close_and_too_short_find_nothing():
    index = DraftIndex([(1, Moment("2017-11-21", 2388), OP31)])
    assert index.look_up(words("Decides to paint the moon purple with care")) == []
    assert index.look_up(words("Calls upon")) == []
