"""Paragraph structure of page texts: numbers, preambles, sub-paragraphs, missing pages."""

import pytest

from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.structure import preamble_end_in_source

SYMBOL = "S/RES/2100 (2013)"


def page(body: str, number: int = 3, total: int | None = 8, job: str = "13-35440") -> str:
    footer = f"{job}\n{number}/{total}" if number % 2 else f"{number}/{total}\n{job}"
    return f"{SYMBOL}\n{body.strip()}\n{footer}"


def parse(*texts: str):
    files = [(f"p{i}.txt", text.encode()) for i, text in enumerate(texts)]
    [resolution] = parse_page_texts(files)
    return resolution


def outline(resolution):
    """(kind, number, begins, ends, text) for each paragraph: what a reader sees."""
    return [
        (p.kind, p.number, p.begins_on_missing_page, p.ends_on_missing_page, p.text)
        for p in resolution.paragraphs
    ]


def test_operative_numbers_on_their_own_line_or_before_the_text():
    resolution = parse(
        page(
            """
1.
Decides to extend the mandate;
2. Requests the Secretary-General to report;
3.
Decides to remain seized of the matter.
""",
            number=8,
        )
    )
    assert outline(resolution) == [
        ("operative", 1, False, False, "Decides to extend the mandate;"),
        ("operative", 2, False, False, "Requests the Secretary-General to report;"),
        ("operative", 3, False, False, "Decides to remain seized of the matter."),
    ]
    assert [p.line for p in resolution.paragraphs] == [2, 4, 5]


def test_a_page_number_wedged_between_a_number_and_its_text_is_furniture():
    text = (
        f"{SYMBOL}\n23. Requests a report;\n24.\n8/8\nDecides to remain actively seized.\n13-35440"
    )
    resolution = parse(text)
    assert outline(resolution) == [
        ("operative", 23, False, False, "Requests a report;"),
        ("operative", 24, False, False, "Decides to remain actively seized."),
    ]
    assert (resolution.pages_present, resolution.pages_total) == ((8,), 8)


def test_numbers_in_running_text_do_not_start_paragraphs():
    resolution = parse(
        page(
            """
5. Recalls paragraph 4 of resolution 2253 (2015) and the decision of
12 months ago, as well as the
2015 Report, in line with art.
15. of the Convention;
6. Decides to remain seized of the matter.
""",
            number=8,
        )
    )
    assert [p.number for p in resolution.paragraphs] == [5, 6]


@pytest.mark.parametrize(
    "opener",
    [
        "Noting",
        "Underscoring",
        "Reaffirming",
        "Recalling",
        "Taking note",
        "Expressing",
        "Welcoming",
        "Bearing in mind",
        "Mindful",
        "Deeply concerned",
        "Acknowledging",
        "Emphasizing",
        "Stressing",
        "Determined",
        "Convinced",
        "Alarmed",
        "Condemning",
        "Having considered",
        "Committed to",  # a participle in "-ed" followed by "to", "that", "by" ...
        "Firmly convinced",  # an adverb before an opener
        "Remembering",  # an "-ing" word followed by lower-case text
    ],
)
def test_preambular_paragraphs_split_where_an_opener_follows_a_paragraph_end(opener):
    resolution = parse(
        page(
            f"""
Recalling its resolutions on the subject,
{opener} the need to act together in all
regions of the world;
1. Decides to remain seized of the matter.
""",
            number=8,
        )
    )
    assert [(p.kind, p.text) for p in resolution.paragraphs] == [
        ("preambular", "Recalling its resolutions on the subject,"),
        ("preambular", f"{opener} the need to act together in all regions of the world;"),
        ("operative", "Decides to remain seized of the matter."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Council includes information relating to trafficking,",
        "Convention against Transnational Organized Crime,",
        "United Nations Office on Drugs and Crime,",
        "Beijing Declaration and Platform for Action,",
        "Restructuring and Rebuilding of the National Police,",
    ],
)
def test_a_capitalised_line_start_after_a_comma_is_not_a_new_paragraph(line):
    resolution = parse(
        page(
            f"""
Noting the reports of the Secretary-General and of the Security
Council Committee, the Office,
{line}
and the Secretariat,
1. Decides to remain seized of the matter.
""",
            number=8,
        )
    )
    assert [p.kind for p in resolution.paragraphs] == ["preambular", "operative"]


def test_an_opener_after_a_line_that_does_not_end_a_paragraph_continues_it():
    resolution = parse(
        page("Noting the efforts of States in\nStrengthening the capacity of police,", number=4)
    )
    assert len(resolution.paragraphs) == 1


def test_sub_paragraphs_keep_their_structure_and_are_flattened_into_the_text():
    resolution = parse(
        page(
            """
5. Decides that the mandate of the Mission shall be as follows:
(a) To support the implementation of the road
map;
(b) To protect civilians, including:
(i) by patrols;
(ii) by early warning, as set out in paragraph 4
(a) above; and
(c) To report to the Council;
6. Decides to remain seized of the matter.
""",
            number=8,
        )
    )
    five = resolution.paragraphs[0]
    assert five.intro == "Decides that the mandate of the Mission shall be as follows:"
    assert [(i.label, i.text, [(s.label, s.text) for s in i.items]) for i in five.items] == [
        ("(a)", "To support the implementation of the road map;", []),
        (
            "(b)",
            "To protect civilians, including:",
            [
                ("(i)", "by patrols;"),
                ("(ii)", "by early warning, as set out in paragraph 4 (a) above; and"),
            ],
        ),
        ("(c)", "To report to the Council;", []),
    ]
    assert five.text == (
        "Decides that the mandate of the Mission shall be as follows: (a) To support the "
        "implementation of the road map; (b) To protect civilians, including: (i) by patrols; "
        "(ii) by early warning, as set out in paragraph 4 (a) above; and (c) To report to the "
        "Council;"
    )
    assert resolution.paragraphs[1].items == ()


def test_the_ninth_item_is_i_after_h_not_a_sub_item():
    items = "\n".join(f"({letter}) Item {letter};" for letter in "abcdefghij")
    resolution = parse(page(f"7. Decides:\n{items}\n8. Decides to remain seized.", number=8))
    labels = [item.label for item in resolution.paragraphs[0].items]
    assert labels == [f"({letter})" for letter in "abcdefghij"]


def test_pages_given_in_reverse_order_give_the_same_parse():
    four = (
        "p4.txt",
        page("Noting the efforts,\n1. Decides to act\nin all regions;", number=4).encode(),
    )
    five = (
        "p5.txt",
        page("2. Requests a report;\n3. Decides to remain seized.", number=5).encode(),
    )
    [forward] = parse_page_texts([four, five])
    [backward] = parse_page_texts([five, four])
    assert forward.to_dict() == backward.to_dict()
    assert backward.files == ("p4.txt", "p5.txt")
    assert [(p.number, p.pages) for p in backward.paragraphs] == [
        (None, (4,)),
        (1, (4,)),
        (2, (5,)),
        (3, (5,)),
    ]


def test_a_paragraph_running_across_two_present_pages_is_joined():
    resolution = parse(
        page("1. Calls upon Member States to combat crimes, such as money", number=4),
        page("laundering and corruption;\n2. Decides to remain seized.", number=5),
    )
    assert outline(resolution)[0] == (
        "operative",
        1,
        False,
        False,
        "Calls upon Member States to combat crimes, such as money laundering and corruption;",
    )


@pytest.mark.parametrize(
    ("last_line", "ends_on_missing_page"),
    [
        ("and step up their efforts to strengthen", True),  # mid-sentence
        ("who are at risk of being trafficked;", False),  # a complete operative paragraph
        ("Decides to remain seized of the matter.", False),
        ("to consider the following measures:", True),  # its sub-paragraphs are on the next page
        ("the “Levant”;”", False),  # closing quotes after the terminator
    ],
)
def test_an_operative_paragraph_cut_off_by_a_missing_next_page(last_line, ends_on_missing_page):
    resolution = parse(page(f"30. Calls upon Member States\n{last_line}", number=7))
    assert resolution.paragraphs[-1].ends_on_missing_page is ends_on_missing_page


@pytest.mark.parametrize(
    ("last_line", "ends_on_missing_page"),
    [
        ("of international peace and security,", False),
        ("of international peace and security;", False),
        ("of international peace and", True),
    ],
)
def test_a_preambular_paragraph_cut_off_by_a_missing_next_page(last_line, ends_on_missing_page):
    resolution = parse(
        page(f"Recalling its primary responsibility for the maintenance\n{last_line}", number=2)
    )
    assert resolution.paragraphs[-1].ends_on_missing_page is ends_on_missing_page


def test_the_last_page_of_the_document_ends_nothing_missing():
    resolution = parse(page("24. Decides to remain actively seized of", number=8, total=8))
    assert resolution.paragraphs[-1].ends_on_missing_page is False


def test_a_number_at_the_foot_of_a_page_before_a_missing_page_has_no_text():
    resolution = parse(page("6. Requests a report;\n7.", number=4))
    assert outline(resolution)[-1] == ("operative", 7, False, True, "")


def test_text_continuing_from_a_missing_page_ends_the_paragraph_before_the_next_number():
    resolution = parse(
        page("of the reporting obligations;\n24. Requests a report;", number=7),
    )
    assert outline(resolution)[0] == (
        "operative",
        23,
        True,
        False,
        "of the reporting obligations;",
    )


def test_text_continuing_from_a_missing_page_before_operative_1_ends_a_preambular_paragraph():
    resolution = parse(
        page("peace and security,\nNoting the report,\n1. Decides to act;", number=3)
    )
    assert outline(resolution)[:2] == [
        ("preambular", None, True, False, "peace and security,"),
        ("preambular", None, False, False, "Noting the report,"),
    ]
    assert [p.ordinal for p in resolution.paragraphs] == [None, None, None]
    assert preamble_end_in_source(resolution.paragraphs) is True


def test_a_paragraph_across_a_missing_page_keeps_both_parts_with_a_gap_mark():
    resolution = parse(
        page("9. Encourages Member States to increase", number=3),
        page("through appropriate channels;\n10. Decides to remain seized.", number=5),
    )
    nine = resolution.paragraphs[0]
    assert (nine.number, nine.pages, nine.text) == (
        9,
        (3, 5),
        "Encourages Member States to increase […] through appropriate channels;",
    )
    assert resolution.warnings == ("paragraph 9 runs across a missing page; its middle is lost",)


FIRST_PAGE = """United Nations S/RES/2388 (2017)
Security Council Distr.: General
21 November 2017
Resolution 2388 (2017)
Adopted by the Security Council at its 8111th meeting, on
21 November 2017
The Security Council,
Recalling Presidential Statement 2015/25, Resolution 2331 (2016),
Taking note of the Secretary-General’s report S/2017/939,
17-20704 (E)
*1720704*
Please recycle"""


def test_the_first_page_gives_the_adoption_and_counts_the_preamble_from_the_top():
    second = "S/RES/2388 (2017)\nRecalling its responsibility,\n1. Decides to act.\n2/2\n17-20704"
    [resolution] = parse_page_texts([("p1.txt", FIRST_PAGE.encode()), ("p2.txt", second.encode())])
    assert (resolution.adopted_on.isoformat(), resolution.meeting) == ("2017-11-21", "8111th")
    assert (resolution.pages_present, resolution.pages_total) == ((1, 2), 2)
    assert [(p.kind, p.ordinal, p.pages) for p in resolution.paragraphs] == [
        ("preambular", 1, (1,)),
        ("preambular", 2, (1,)),
        ("preambular", 3, (2,)),
        ("operative", None, (2,)),
    ]
    assert [r.symbol for r in resolution.paragraphs[0].references] == [
        "S/PRST/2015/25",
        "S/RES/2331 (2016)",
    ]


def test_pages_of_two_resolutions_are_grouped_by_their_header():
    other = "S/RES/2331 (2016)\n24. Decides to remain seized.\n16-22533\n8/8"
    resolutions = parse_page_texts(
        [("a.txt", page("5. Decides;", number=3).encode()), ("b.txt", other.encode())]
    )
    assert [(r.symbol, r.pages_present, r.job_number) for r in resolutions] == [
        ("S/RES/2100 (2013)", (3,), "13-35440"),
        ("S/RES/2331 (2016)", (8,), "16-22533"),
    ]


def test_an_identical_page_given_twice_is_merged():
    text = page("5. Decides;", number=3)
    resolution = parse(text, text + "\n")
    assert (resolution.pages_present, resolution.files) == ((3,), ("p0.txt",))


def test_sub_paragraphs_across_a_missing_page_keep_their_items_and_the_gap_mark():
    resolution = parse(
        page("9. Decides:\n(a) To act;\n(b) To report", number=3),
        page("to the Council;\n(c) To review;\n10. Decides to remain seized.", number=5),
    )
    nine = resolution.paragraphs[0]
    assert [(i.label, i.text) for i in nine.items] == [
        ("(a)", "To act;"),
        ("(b)", "To report […] to the Council;"),
        ("(c)", "To review;"),
    ]
    assert nine.text_as_printed == (
        "Decides: (a) To act; (b) To report […] to the Council; (c) To review;"
    )


def test_a_first_page_without_the_formula_still_sets_its_title_block_apart():
    text = FIRST_PAGE.replace("The Security Council,\n", "")
    [resolution] = parse_page_texts([("p1.txt", text.encode())])
    assert resolution.adopted_on.isoformat() == "2017-11-21"
    assert [(p.kind, p.ordinal, p.text[:20]) for p in resolution.paragraphs] == [
        ("preambular", 1, "Recalling Presidenti"),
        ("preambular", 2, "Taking note of the S"),
    ]
