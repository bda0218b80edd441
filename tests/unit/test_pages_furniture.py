"""Page furniture (running header, page and job numbers) and the errors of unreadable pages."""

import pytest

from resolutions.parsing.document import ParseError
from resolutions.parsing.furniture import parse_page, typical_width
from resolutions.parsing.pages import parse_page_texts


@pytest.mark.parametrize(
    ("text", "page", "total", "job", "body"),
    [
        # footer: job number then page number (odd pages) ...
        ("S/RES/2388 (2017)\nText;\n17-20704\n7/8", 7, 8, "17-20704", [(2, "Text;")]),
        # ... or page number then job number (even pages)
        ("S/RES/2388 (2017)\nText;\n4/8\n17-20704", 4, 8, "17-20704", [(2, "Text;")]),
        # the page number wedged between a paragraph number and its text
        (
            "S/RES/2331 (2016)\n24.\n8/8\nDecides to remain seized.\n16-22533",
            8,
            8,
            "16-22533",
            [(2, "24."), (4, "Decides to remain seized.")],
        ),
        # blank lines and trailing spaces are not body text
        ("\nS/RES/2388 (2017)  \n\nText;   \n17-20704\n5/8\n\n", 5, 8, "17-20704", [(4, "Text;")]),
        # page 1: no page number; the masthead, "(E)" job number, bar code and recycling note
        (
            "United Nations S/RES/2388 (2017)\nSecurity Council Distr.: General\n"
            "The Security Council,\n17-20704 (E)\n*1720704*\nPlease recycle",
            1,
            None,
            "17-20704",
            [(2, "Security Council Distr.: General"), (3, "The Security Council,")],
        ),
    ],
)
def test_parse_page_reads_and_removes_the_furniture(text, page, total, job, body):
    parsed = parse_page("p.txt", text)
    assert (parsed.page, parsed.total, parsed.job_number, list(parsed.body)) == (
        page,
        total,
        job,
        body,
    )
    assert parsed.raw_text == text


def test_the_header_gives_symbol_number_and_year():
    parsed = parse_page("p.txt", "S/RES/2331 (2016)\nText;\n16-22533\n7/8")
    assert (parsed.symbol, parsed.number, parsed.year) == ("S/RES/2331 (2016)", 2331, 2016)


def test_typical_width_is_a_full_line_never_two_glued():
    lines = ["x" * 80, "x" * 82, "x" * 79, "24.", "x" * 160, "short last line"]
    assert typical_width(lines) == 82
    assert typical_width(["24.", "short"]) == 0
    # A short page: most lines end paragraphs, yet a full line is still a full line.
    assert typical_width(["x" * 40, "x" * 44, "x" * 47, "x" * 50, "x" * 86, "x" * 88]) == 86


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt, line 1: empty file"),
        ("blank.txt", b" \n\n \n", "blank.txt, line 1: empty file"),
        (
            "scan.pdf",
            b"%PDF-1.7\n1 0 obj\n\x00\x01",
            "scan.pdf, line 3: binary file (NUL byte), not a page text",
        ),
        (
            "latin1.txt",
            b"S/RES/2388 (2017)\nthe Council\xe2\x80\x99s\nSecretary\x96General\n",
            "latin1.txt, line 3: not UTF-8 text (byte 0x96)",
        ),
        (
            "letter.txt",
            b"Dear Sir,\nS/RES/2388 (2017) is attached.\n",
            "letter.txt, line 1: not a resolution page: no symbol header like "
            "'S/RES/2388 (2017)' at the top",
        ),
        (
            "nofooter.txt",
            b"S/RES/2388 (2017)\nText;\nMore text;",
            "nofooter.txt, line 3: no page number like '7/8' on the page",
        ),
        (
            "nine.txt",
            b"S/RES/2388 (2017)\nText;\n17-20704\n9/8",
            "nine.txt, line 4: page number 9/8 is not a page of the document",
        ),
    ],
)
def test_unreadable_files_raise_parse_error_naming_file_and_line(name, data, message):
    with pytest.raises(ParseError) as error:
        parse_page_texts([(name, data)])
    assert str(error.value) == message
    assert error.value.file == name


def test_one_page_given_twice_with_different_text_names_the_second_file_and_line():
    first = b"S/RES/2388 (2017)\n24. Requests a report;\n17-20704\n7/8"
    second = b"S/RES/2388 (2017)\n24. Requests two reports;\n17-20704\n7/8"
    with pytest.raises(ParseError) as error:
        parse_page_texts([("a.txt", first), ("b.txt", second)])
    assert str(error.value) == (
        "b.txt, line 2: page 7 of S/RES/2388 (2017) is given twice with different text "
        "(first in a.txt)"
    )


def test_pages_that_disagree_on_the_page_count_are_an_error():
    with pytest.raises(ParseError) as error:
        parse_page_texts(
            [
                ("a.txt", b"S/RES/2388 (2017)\nText;\n17-20704\n7/8"),
                ("b.txt", b"S/RES/2388 (2017)\nText;\n17-20704\n3/9"),
            ]
        )
    assert str(error.value) == (
        "a.txt, line 4: pages of S/RES/2388 (2017) disagree on the page count ([8, 9])"
    )


def test_windows_line_ends_and_a_byte_order_mark_are_read():
    text = "S/RES/2388 (2017)\r\n24. Requests a report;\r\n17-20704\r\n7/8\r\n"
    [resolution] = parse_page_texts([("p.txt", ("\ufeff" + text).encode())])
    assert resolution.pages[0].raw_text == text  # verbatim, but for the byte order mark
    assert [(p.number, p.text, p.line) for p in resolution.paragraphs] == [
        (24, "Requests a report;", 2)
    ]
