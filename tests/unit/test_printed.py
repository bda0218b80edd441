"""The resolution as the UN prints it: enacting words, italics, member names, short titles.

Table-driven, no database: the readers and the pure modules (``parsing.emphasis``,
``parsing.members``, ``parsing.titles``) and the HTML the template helpers make of them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resolutions.parsing.akn import parse_akn
from resolutions.parsing.emphasis import find_lead, with_leads
from resolutions.parsing.markup import AKN_NS, compose, render, word_spans
from resolutions.parsing.members import fallback_name, known_spellings, member_name
from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.titles import find_short_title
from resolutions.templatetags.archive import _escape, formula_html

SAMPLES = Path(__file__).parent / "akn_samples"
SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def italics_of(xml: str) -> list[str]:
    element = ET.fromstring(f'<p xmlns="{AKN_NS}">{xml}</p>')
    spans: list[tuple[int, int]] = []
    text, _ = compose(render(element, []), clean=lambda s: s, italics=spans)
    return [text[start:end] for start, end in spans]


# --- italics from the XML ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ('<span class="italic">Recalling</span> its resolutions,', ["Recalling"]),
        (
            '\t<span class="italic">Expressing grave concern </span>over the',
            ["Expressing grave concern"],
        ),
        # the markup closes the span inside a word; the page italicises the whole word
        (
            'laws, <span class="italic">and underscores in this reg</span>ard the',
            ["and underscores in this regard"],
        ),
        # two spans with only a space between them are one stretch
        (
            '<span class="italic">Calls</span> <span class="italic">upon</span> States',
            ["Calls upon"],
        ),
        ('<span class="bold italic">Decides</span> that', ["Decides"]),
        ("<i>Notes</i> the report", ["Notes"]),
        # italics around a link keep the link's text italic
        (
            (
                '<span class="italic">Recalling <a href="https://undocs.org/S/RES/2331(2016)">'
                "2331 (2016)</a></span>,"
            ),
            ["Recalling 2331 (2016)"],
        ),
        ('<span class="bold">Annex</span> text', []),
        ("No markup at all", []),
        ('<span class="italic">  </span>Decides', []),
    ],
)
def test_italic_stretches_come_from_the_markup(xml, expected):
    assert italics_of(xml) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Calls upon States", [(0, 5), (6, 10)], [(0, 10)]),
        ("and underscores in this regard", [(0, 27)], [(0, 30)]),
        ("a Decides b", [(3, 7)], [(2, 9)]),
        ("Decides ", [(0, 8)], [(0, 7)]),
        ("x", [(0, 0)], []),
    ],
)
def test_word_spans_widen_to_words_and_merge(text, spans, expected):
    assert word_spans(text, spans) == expected


def test_the_xml_reader_keeps_the_formula_and_the_italic_openings():
    parsed = parse_akn("resolution.xml", (SAMPLES / "resolution.xml").read_bytes())
    assert parsed.formula == "The Security Council,"
    first = parsed.paragraphs[0]
    assert [first.text[a:b] for a, b in first.emphasis] == ["Recalling"]
    for paragraph in parsed.paragraphs:  # every stretch lies inside its paragraph
        assert all(0 <= a < b <= len(paragraph.text) for a, b in paragraph.emphasis)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        ('<span class="italic">The Security Council</span>,', "The Security Council,"),
        ('<span class="italic">The Security Council</span>:', "The Security Council:"),
        ('<span class="italic">The Security Council</span>', "The Security Council"),
        (None, ""),  # S/RES/2573 (2021): the XML has no formula; none is invented
    ],
)
def test_the_formula_is_what_the_xml_gives(formula, expected):
    data = (SAMPLES / "resolution.xml").read_text("utf-8")
    start = data.index("<formula")
    end = data.index("</formula>") + len("</formula>")
    replacement = (
        "" if formula is None else f'<formula name="enactingFormula"><p>{formula}</p></formula>'
    )
    parsed = parse_akn("x.xml", (data[:start] + replacement + data[end:]).encode())
    assert parsed.formula == expected


def test_a_page_text_without_its_first_page_has_no_formula():
    files = [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    for parsed in parse_page_texts(files):
        assert parsed.formula == ""
        assert "formula" not in parsed.to_dict()  # golden files unchanged


# --- italics for page texts: the openers the Council uses -----------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "lead"),
    [
        ("preambular", "Recalling its resolution 2331 (2016),", "Recalling"),
        ("preambular", "Expressing grave concern that", "Expressing grave concern"),
        ("preambular", "Acting under Chapter VII of the Charter of the United Nations,", "Acting"),
        ("operative", "Decides to remain seized of the matter.", "Decides"),
        ("operative", "Calls upon Member States to", "Calls upon"),
        ("operative", "Strongly condemns all", "Strongly condemns"),
        ("operative", "Further requests the Secretary-General", "Further requests"),
        ("operative", "Decidesto remain", ""),  # not a word boundary
        ("preambular", "Mindful of the need", "Mindful"),
        ("preambular", "Rappelant sa résolution", ""),  # no known opener: nothing guessed
        ("preambular", "Decides that", ""),
        ("annex", "Decides that", ""),
        ("operative", "", ""),
    ],
)
def test_find_lead_matches_the_longest_known_opener(kind, text, lead):
    spans = find_lead(kind, text)
    assert [text[a:b] for a, b in spans] == ([lead] if lead else [])


def test_page_text_paragraphs_get_italic_leads_and_markup_wins():
    files = [(path.name, path.read_bytes()) for path in sorted(SEEDS.glob("*.txt"))]
    parsed = next(r for r in parse_page_texts(files) if r.number == 2388)
    led = with_leads(parsed)
    op24 = next(p for p in led.paragraphs if p.number == 24)
    assert [op24.text[a:b] for a, b in op24.emphasis] == ["Requests"]
    cut = [p for p in led.paragraphs if p.begins_on_missing_page]
    assert cut and all(p.emphasis == () for p in cut)  # the opening is on a missing page
    xml = parse_akn("resolution.xml", (SAMPLES / "resolution.xml").read_bytes())
    assert with_leads(xml).paragraphs[0].emphasis == xml.paragraphs[0].emphasis


# --- member names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "printed"),
    [
        ("TÜRKİYE", "Türkiye"),  # dotted capital I: str.title() gives "Türki̇Ye"
        ("TÜRKIYE", "Türkiye"),
        ("CÔTE D'IVOIRE", "Côte d’Ivoire"),  # the corpus spelling, typographic apostrophe
        ("CÔTE D'IVOIRE", "Côte d’Ivoire"),  # "Ô" decomposed, as some records write it
        (
            "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND",
            "United Kingdom of Great Britain and Northern Ireland",
        ),
        ("UNITED KINGDOM", "United Kingdom"),
        ("BOLIVIA (PLURINATIONAL STATE OF)", "Bolivia (Plurinational State of)"),
        ("VENEZUELA (BOLIVARIAN REPUBLIC OF)", "Venezuela (Bolivarian Republic of)"),
        ("NETHERLANDS (KINGDOM OF THE)", "Netherlands (Kingdom of the)"),
        ("RUSSIAN FEDERATION", "Russian Federation"),
        ("DEMOCRATIC REPUBLIC OF THE CONGO", "Democratic Republic of the Congo"),
        ("LAO PEOPLE’S DEMOCRATIC REPUBLIC", "Lao People’s Democratic Republic"),
        ("GUINEA-BISSAU", "Guinea-Bissau"),
        ("TIMOR-LESTE", "Timor-Leste"),
        ("SAINT VINCENT AND THE GRENADINES", "Saint Vincent and the Grenadines"),
        ("THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", "The former Yugoslav Republic of Macedonia"),
        ("VIET NAM", "Viet Nam"),
        ("Albania", "Albania"),  # mixed case is left as it is
        ("", ""),
    ],
)
def test_member_names_are_printed_as_the_un_spells_them(record, printed):
    assert member_name(record) == printed


@pytest.mark.parametrize(
    ("record", "printed"),
    [
        ("CÔTE D'IVOIRE", "Côte d'Ivoire"),
        ("TÜRKİYE", "Turkiye".replace("u", "ü")),
        ("BAHAMAS (THE)", "Bahamas (the)"),
        ("UNITED STATES OF AMERICA", "United States of America"),
        ("BOSNIA AND HERZEGOVINA", "Bosnia and Herzegovina"),
    ],
)
def test_the_fallback_for_names_never_spelled_in_mixed_case(record, printed):
    assert fallback_name(record) == printed


def test_every_known_spelling_has_the_same_letters_as_the_record():
    for name, spelled in known_spellings().items():
        assert fallback_name(name).casefold().replace("’", "'") == spelled.casefold().replace(
            "’", "'"
        )


# --- short titles -----------------------------------------------------------------------------

T = "Security Council resolution {} [{}]"


@pytest.mark.parametrize(
    ("titles", "agenda", "opening", "expected"),
    [
        (
            [T.format("2331 (2016)", "on trafficking in persons in armed conflicts")],
            "Maintenance of international peace and security",
            "",
            "on trafficking in persons in armed conflicts",
        ),
        (
            ["", T.format("1343 (2001)", "on the situation in Liberia")],
            "",
            "",
            "on the situation in Liberia",
        ),
        # a stray bracket before the subject (S/RES/1285 (2000))
        (
            [
                "Security Council resolution 1285 [2000) "
                "[on monitoring of the demilitarization][Monitoring of]"
            ],
            "",
            "",
            "on monitoring of the demilitarization",
        ),
        # the closing bracket missing (S/RES/2627 (2022))
        (
            [
                "Security Council resolution 2627 (2022) "
                "[on extension of the mandate until 30 Apr. 2023"
            ],
            "",
            "",
            "on extension of the mandate until 30 Apr. 2023",
        ),
        # text after the bracket (S/RES/1748 (2007))
        (
            ["Security Council resolution 1748 (2007) [on extension of the mandate] technologies]"],
            "",
            "",
            "on extension of the mandate",
        ),
        (
            [T.format("1368 (2001)", "condemning the terrorist acts of 11 September 2001")],
            "",
            "",
            "condemning the terrorist acts of 11 September 2001",
        ),
        # no title: the series the first preambular paragraph continues, then the agenda item
        (
            [""],
            "Maintenance of international peace and security.",
            "Recalling its previous resolutions on the situation in Yemen and the Red Sea,",
            "on the situation in Yemen and the Red Sea",
        ),
        (
            [""],
            "",
            "Recalling its previous resolutions and the statements of its President "
            "concerning the Democratic Republic of the Congo (DRC),",
            "on the Democratic Republic of the Congo (DRC)",
        ),
        (
            [""],
            "",
            "Recalling its previous resolutions on Burundi and in particular resolution 1545,",
            "on Burundi",
        ),
        (
            [""],
            "The situation in Libya.",
            "Recalling its resolution 2701 (2023),",
            "on the situation in Libya",
        ),
        # the text says no more than the agenda item: the agenda item (S/RES/2808 (2025))
        (
            [""],
            "The situation concerning the Democratic Republic of the Congo",
            "Recalling its previous resolutions concerning the Democratic Republic of the Congo "
            "(DRC),",
            "on the situation concerning the Democratic Republic of the Congo",
        ),
        (
            [],
            "Maintenance of international peace and security",
            "",
            "on maintenance of international peace and security",
        ),
        ([], "UN peacekeeping operations", "", "on UN peacekeeping operations"),
        (["Security Council resolution 2800 (2025)"], "", "", ""),
        ([], "", "", ""),
    ],
)
def test_short_title(titles, agenda, opening, expected):
    assert find_short_title(titles=titles, agenda=agenda, opening=opening) == expected


# --- safe HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query", "italics", "html"),
    [
        ("Decides <b>x</b>", "", [(0, 7)], "<i>Decides</i> &lt;b&gt;x&lt;/b&gt;"),
        ("Decides that", "decides", [(0, 7)], "<i><mark>Decides</mark></i> that"),
        # a match across the italic boundary: the tags never interleave
        (
            "Decides that",
            '"decides that"',
            [(0, 7)],
            "<i><mark>Decides</mark></i><mark> that</mark>",
        ),
        ("a & b", "", [(4, 5)], "a &amp; <i>b</i>"),
        ("plain", "", [], "plain"),
    ],
)
def test_italics_are_added_after_escaping(text, query, italics, html):
    assert _escape(text, query, italics) == html


@pytest.mark.parametrize(
    ("formula", "html"),
    [
        ("The Security Council,", "<i>The Security Council</i>,"),
        ("The Security Council:", "<i>The Security Council</i>:"),
        ("The Security Council", "<i>The Security Council</i>"),
        ("<script>,", "<i>&lt;script&gt;</i>,"),
    ],
)
def test_formula_html(formula, html):
    assert formula_html(formula) == html


# --- page texts that hold page 1 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("formula_line", "expected"),
    [
        ("The Security Council,", "The Security Council,"),
        ("The Security Council ,", "The Security Council ,"),  # as the page prints it
        (None, ""),
    ],
)
def test_a_first_page_gives_its_formula(formula_line, expected):
    from tests.unit.test_pages_structure import FIRST_PAGE

    text = FIRST_PAGE.replace("The Security Council,", formula_line or "").replace("\n\n", "\n")
    [resolution] = parse_page_texts([("p1.txt", text.encode())])
    assert resolution.formula == expected
    assert resolution.paragraphs[0].text.startswith("Recalling")


# --- every member name in the UN's records ----------------------------------------------------


def test_no_member_name_of_the_records_is_mis_capitalised(corpus):
    import json
    import re

    names = set()
    for path in sorted((corpus / "metadata").glob("*.json")):
        for line in path.read_text("utf-8-sig").splitlines():
            if line.strip():
                record = json.loads(line)
                for field in ("MS_in_favour", "MS_against", "MS_abstaining", "sponsors"):
                    names.update(n for n in record.get(field) or () if n.isupper())
    assert len(names) > 200
    for name in names:
        printed = member_name(name)
        assert "\u0307" not in printed, name  # "Türki̇Ye"
        assert not re.search(r"[a-zà-ÿ][A-ZÀ-Þ]", printed), (name, printed)  # "TürkiYe"
        assert not re.search(r"\b[A-Z]['’][a-z]", printed), (name, printed)  # "D'ivoire"
        assert printed.casefold().replace("’", "'") == fallback_name(name).casefold().replace(
            "’", "'"
        ), (name, printed)
