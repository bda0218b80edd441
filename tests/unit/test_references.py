"""Citations found in paragraph text: every form the seeds use, and what is not a citation."""

import pytest

from resolutions.parsing.references import find_references

LIST_2388_OP11 = (
    "the Security Council Committee established pursuant to resolutions 1267 (1999), 1989 (2011), "
    "2253 (2015) and 2368 (2017) on these discussions as appropriate;"
)


def cited(text):
    return [(r.kind, r.symbol, r.as_written, r.number, r.year) for r in find_references(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            LIST_2388_OP11,
            [
                ("resolution", "S/RES/1267 (1999)", "resolutions 1267 (1999)", 1267, 1999),
                ("resolution", "S/RES/1989 (2011)", "1989 (2011)", 1989, 2011),
                ("resolution", "S/RES/2253 (2015)", "2253 (2015)", 2253, 2015),
                ("resolution", "S/RES/2368 (2017)", "2368 (2017)", 2368, 2017),
            ],
        ),
        (
            "the Investigative Team established pursuant to Resolution 2379 (2017) is informed",
            [("resolution", "S/RES/2379 (2017)", "Resolution 2379 (2017)", 2379, 2017)],
        ),
        (
            "to prevent and address such crimes in line with resolutions 1960 and 2106, and",
            [
                ("resolution", "S/RES/1960", "resolutions 1960", 1960, None),
                ("resolution", "S/RES/2106", "2106", 2106, None),
            ],
        ),
        (
            "implementation of S/RES/2331 (2016) and of S/RES/1373",
            [
                ("resolution", "S/RES/2331 (2016)", "S/RES/2331 (2016)", 2331, 2016),
                ("resolution", "S/RES/1373", "S/RES/1373", 1373, None),
            ],
        ),
        (
            "its resolutions 2195 (2014), as well as 2253 (2015)",
            [
                ("resolution", "S/RES/2195 (2014)", "resolutions 2195 (2014)", 2195, 2014),
                ("resolution", "S/RES/2253 (2015)", "2253 (2015)", 2253, 2015),
            ],
        ),
        (
            "Taking note of the Secretary-General’s report S/2017/939,",
            [("document", "S/2017/939", "S/2017/939", None, None)],
        ),
        (
            "its presidential statements S/PRST/2015/25 and the 2030 Agenda (A/RES/70/1).",
            [
                ("document", "S/PRST/2015/25", "S/PRST/2015/25", None, None),
                ("document", "A/RES/70/1", "A/RES/70/1", None, None),
            ],
        ),
        (
            "Recalling Presidential Statement 2015/25, Resolution 2331 (2016),",
            [
                ("document", "S/PRST/2015/25", "Presidential Statement 2015/25", None, None),
                ("resolution", "S/RES/2331 (2016)", "Resolution 2331 (2016)", 2331, 2016),
            ],
        ),
        (
            "the draft A/70/L.1 and E/CN.4/2005/L.10",
            [
                ("document", "A/70/L.1", "A/70/L.1", None, None),
                ("document", "E/CN.4/2005/L.10", "E/CN.4/2005/L.10", None, None),
            ],
        ),
        # not citations
        ("in line with art. 15 of the UN Convention against Transnational Organized Crime", []),
        ("to report, within 12 months, on", []),
        ("report, within twelve months, on strengthening coordination", []),
        ("adopted by the General Assembly on 27 September 2017, and", []),
        (
            "resolution 2368 (2017), 12 months after its adoption",
            [
                ("resolution", "S/RES/2368 (2017)", "resolution 2368 (2017)", 2368, 2017),
            ],
        ),
        (
            "paragraph 5 of resolution 2253 (2015)",
            [
                ("resolution", "S/RES/2253 (2015)", "resolution 2253 (2015)", 2253, 2015),
            ],
        ),
    ],
)
def test_find_references(text, expected):
    assert cited(text) == expected


def test_offsets_cover_exactly_the_words_as_written():
    for ref in find_references(LIST_2388_OP11):
        assert LIST_2388_OP11[ref.start : ref.end] == ref.as_written
    assert [(r.start, r.end) for r in find_references(LIST_2388_OP11)] == [
        (55, 78),
        (80, 91),
        (93, 104),
        (109, 120),
    ]


def test_paragraphs_of_the_same_resolution_are_internal_references():
    [ref] = find_references("as outlined in paragraph 5 above;")
    assert (ref.kind, ref.as_written, ref.target_paragraph) == ("internal", "paragraph 5", "op5")
    assert [r.target_paragraph for r in find_references("in paragraphs 3 and 4 (b) above")] == [
        "op3",
        "op4",
    ]
