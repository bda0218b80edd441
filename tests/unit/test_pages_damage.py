"""The damage classes of issue 13, one page text each: what a reader of the archive would see.

* page 1's furniture (job number, bar code, six-digit processing date, "Please recycle")
  glued to its last paragraph;
* a section heading glued to the paragraph above;
* a split word at a paragraph's start hiding the start (a false join);
* a page that prints its indentation (pypdf, the PDF reader): flush lines go on the
  paragraph above, whatever their first word.
"""

import pytest

from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.repair import repair_text

FIRST_PAGE = """United Nations S/RES/2790 (2025)
Security Council Distr.: General
15 January 2026
Resolution 2790 (2025)
Adopted by the Security Council at its 9999th meeting, on 15 January 2026
The Security Council,
{body}
26-01234 (E) 150126
*2601234*
Please recycle
"""


def read(body: str, *, first_page: bool = True) -> list[tuple[str, int | None, str]]:
    if first_page:
        text = FIRST_PAGE.format(body=body)
    else:
        text = f"S/RES/2790 (2025)\n{body}\n26-01234\n2/4\n"
    [resolution] = parse_page_texts([("page.txt", text.encode())])
    return [(p.kind, p.number, p.text) for p in resolution.paragraphs]


CASES = [
    (
        "first-page furniture stays out of the last paragraph",
        "Recalling its resolutions,\n1. Decides to remain seized of the matter.",
        True,
        [
            ("preambular", None, "Recalling its resolutions,"),
            ("operative", 1, "Decides to remain seized of the matter."),
        ],
    ),
    (
        "a section heading is a heading, not the end of the paragraph above",
        "4. Decides to renew the measures;\nTravel ban and asset freeze\n"
        "5. Decides that all States shall take the measures;",
        False,
        [
            ("operative", 4, "Decides to renew the measures;"),
            ("heading", None, "Travel ban and asset freeze"),
            ("operative", 5, "Decides that all States shall take the measures;"),
        ],
    ),
    (
        "two heading lines in a row, the second ending in a colon",
        "4. Decides to renew the measures;\nB. Security process\nReporting:\n5. Requests a report;",
        False,
        [
            ("operative", 4, "Decides to renew the measures;"),
            ("heading", None, "B. Security process"),
            ("heading", None, "Reporting:"),
            ("operative", 5, "Requests a report;"),
        ],
    ),
    (
        "the preamble's last words are no heading",
        "Noting the report,\nActing under Chapter VII of the Charter of the United Nations:\n"
        "1. Decides to remain seized of the matter.",
        True,
        [
            ("preambular", None, "Noting the report,"),
            ("preambular", None, "Acting under Chapter VII of the Charter of the United Nations:"),
            ("operative", 1, "Decides to remain seized of the matter."),
        ],
    ),
    (
        "a split word at a paragraph's start does not hide it",
        "Recalling its resolutions on the situation,\nStrongly co ndemning the attacks,\n"
        "Reaffir ming its commitment,\n1. Decides to remain seized of the matter.",
        True,
        [
            ("preambular", None, "Recalling its resolutions on the situation,"),
            ("preambular", None, "Strongly condemning the attacks,"),
            ("preambular", None, "Reaffirming its commitment,"),
            ("operative", 1, "Decides to remain seized of the matter."),
        ],
    ),
    (
        "a page that prints its indentation: a flush line goes on, an indented one starts",
        " Recalling its resolutions and the statements of its President concerning the\n"
        "situation, and\n"
        " urging the parties to use these openings,\n"
        " 1. Decides to remain seized of the matter.",
        True,
        [
            (
                "preambular",
                None,
                "Recalling its resolutions and the statements of its President concerning "
                "the situation, and",
            ),
            ("preambular", None, "urging the parties to use these openings,"),
            ("operative", 1, "Decides to remain seized of the matter."),
        ],
    ),
]


@pytest.mark.parametrize(
    "body,first_page,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_damage_class(body, first_page, expected):
    assert read(body, first_page=first_page) == expected


def test_a_heading_at_the_foot_of_a_page_before_a_missing_page():
    page = (
        "S/RES/2790 (2025)\n4. Decides to renew the measures;\nReporting and review\n"
        "26-01234\n2/4\n"
    )
    [resolution] = parse_page_texts([("p2.txt", page.encode())])
    assert [(p.kind, p.text) for p in resolution.paragraphs] == [
        ("operative", "Decides to renew the measures;"),
        ("heading", "Reporting and review"),
    ]


@pytest.mark.parametrize(
    "printed,repaired",
    [
        ("the Gr oup’s report", "the Group’s report"),  # a split word before a possessive
        ("the Organizat ion’s budget", "the Organization’s budget"),
        ("on a case-by -case basis", "on a case-by-case basis"),  # a space inside a compound
        ("owned or -controlled by", "owned or -controlled by"),  # a suspended hyphen stays
    ],
)
def test_hyphen_and_space_damage(printed, repaired):
    assert repair_text(printed) == repaired
