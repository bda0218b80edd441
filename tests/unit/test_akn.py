"""The Akoma Ntoso reader on small hand-written samples of each markup the UN has used."""

from datetime import date
from pathlib import Path

import pytest

from resolutions.parsing.akn import parse_akn
from resolutions.parsing.document import ParsedItem, ParsedReference, ParseError
from resolutions.parsing.markup import symbol_from_href

SAMPLES = Path(__file__).parent / "akn_samples"


def parse(name: str):
    return parse_akn(name, (SAMPLES / name).read_bytes())


@pytest.fixture(scope="module")
def resolution():
    return parse("resolution.xml")


def outline(parsed) -> list[tuple]:
    return [(p.kind, p.number, p.ordinal, p.label, p.annex, p.text) for p in parsed.paragraphs]


def test_cover_page(resolution):
    assert (resolution.symbol, resolution.number, resolution.year) == (
        "S/RES/2388 (2017)",
        2388,
        2017,
    )
    assert resolution.adopted_on == date(2017, 11, 21)
    assert resolution.meeting == "8111th"
    assert resolution.title == (
        "Security Council resolution 2388 (2017) [on trafficking in persons in armed conflicts]"
    )
    assert resolution.job_number == "17-20704"
    assert (resolution.source_format, resolution.files, resolution.pages) == (
        "akn",
        ("resolution.xml",),
        (),
    )
    assert resolution.warnings == ()


def test_paragraphs_in_document_order(resolution):
    assert outline(resolution) == [
        (
            "preambular", None, 1, "", "",
            "Recalling Presidential Statement 2015/25, Resolution 2331 (2016),",
        ),
        (
            "preambular", None, 2, "", "",
            "Taking note of the Secretary-General’s report S/2017/939 and of the 2005 World Summit "
            "Outcome,",
        ),
        ("heading", None, None, "", "", "Trafficking and terrorism"),
        (
            "preambular", None, 3, "", "",
            "Recalling resolutions 1970 (2011) and 1933 (2010), and resolution 2253 (2015), and "
            "noting the anti-trafficking work of UNODC,",
        ),
        ("heading", None, None, "", "", "Prevention"),
        (
            "operative", 1, None, "", "",
            "Condemns in the strongest terms all instances of trafficking in persons in areas "
            "affected by armed conflict;",
        ),
        (
            "operative", 2, None, "", "",
            "Calls upon Member States: (a) To ratify the Protocol; (i) without delay; (b) Victims: "
            "to identify victims, as set out in paragraph 1 above, and to report to the Council;",
        ),
        ("operative", 3, None, "", "", "Decides to remain seized of the matter."),
        ("annex", None, None, "", "Annex I", "Reporting guidelines"),
        (
            "annex", 1, None, "1.", "Annex I",
            "States should report as set out in paragraph 2 above and paragraph 3 of this "
            "resolution.",
        ),
        ("footnote", 1, None, "1", "", "Resolution 60/1."),
    ]  # fmt: skip


def test_list_keeps_intro_items_and_outro(resolution):
    paragraph = resolution.paragraphs[6]
    assert paragraph.intro == "Calls upon Member States:"
    assert paragraph.items == (
        ParsedItem("(a)", "To ratify the Protocol;", (ParsedItem("(i)", "without delay;"),)),
        ParsedItem("(b)", "Victims: to identify victims, as set out in paragraph 1 above,"),
    )
    assert paragraph.outro == "and to report to the Council;"


def test_paragraphs_without_sub_paragraphs_have_no_structure(resolution):
    paragraph = resolution.paragraphs[5]
    assert (paragraph.intro, paragraph.items, paragraph.outro) == ("", (), "")


def test_footnote_marker_leaves_the_text(resolution):
    assert resolution.paragraphs[1].text.endswith("World Summit Outcome,")
    assert resolution.paragraphs[-1].kind == "footnote"


def test_text_is_normalised_and_the_printed_text_is_kept(resolution):
    paragraph = resolution.paragraphs[3]
    assert "anti-trafficking" in paragraph.text
    assert "anti\u2011trafficking" in paragraph.text_as_printed


def test_links_become_references_the_words_correcting_the_address(resolution):
    # The address says E/RES/2015/25; the words "Presidential Statement" say S/PRST/2015/25.
    assert resolution.paragraphs[0].references == (
        ParsedReference(
            kind="document", symbol="S/PRST/2015/25", as_written="2015/25",
            start=33, end=40, href="https://undocs.org/E/RES/2015/25",
        ),
        ParsedReference(
            kind="resolution", symbol="S/RES/2331 (2016)", as_written="2331 (2016)",
            number=2331, year=2016, start=53, end=64,
            href="https://undocs.org/S/RES/2331(2016)",
        ),
    )  # fmt: skip
    assert resolution.paragraphs[1].references == (
        ParsedReference(
            kind="document", symbol="S/2017/939", as_written="S/2017/939",
            start=46, end=56, href="https://undocs.org/S/2017/939",
        ),
    )  # fmt: skip


def test_wrong_address_split_link_and_unlinked_citation(resolution):
    references = resolution.paragraphs[3].references
    assert [(r.symbol, r.as_written, r.href) for r in references] == [
        # the link on "1970 (2011)" points to S/RES/2009(2011): the text wins
        ("S/RES/1970 (2011)", "1970 (2011)", "http://undocs.org/S/RES/2009(2011)"),
        # three links to one address, "1933", " " and "(2010)", are one citation
        ("S/RES/1933 (2010)", "1933 (2010)", "http://undocs.org/S/RES/1933(2010)"),
        # not linked in the XML, found in the text
        ("S/RES/2253 (2015)", "resolution 2253 (2015)", ""),
    ]


def test_internal_references(resolution):
    operative_2 = resolution.paragraphs[6].references
    assert [(r.kind, r.as_written, r.target_paragraph) for r in operative_2] == [
        ("internal", "paragraph 1", "op1"),
    ]
    # In an annex "paragraph 2 above" is the annex's own; "of this resolution" is op3.
    annex_1 = resolution.paragraphs[9].references
    assert [(r.kind, r.as_written, r.target_paragraph) for r in annex_1] == [
        ("internal", "paragraph 3", "op3"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "resolution.xml",
        "older_markup.xml",
        "block_list.xml",
        "single_paragraph.xml",
        "annex_sections.xml",
    ],
)
def test_reference_offsets_point_at_what_was_written(name):
    for paragraph in parse(name).paragraphs:
        for reference in paragraph.references:
            assert paragraph.text[reference.start : reference.end] == reference.as_written


def test_older_markup():
    parsed = parse("older_markup.xml")
    # "S/RES/1528(2004)" on the cover; the printed date wins over a wrong date attribute.
    assert (parsed.symbol, parsed.adopted_on, parsed.meeting) == (
        "S/RES/1528 (2004)",
        date(2004, 2, 27),
        "4918th",
    )
    assert outline(parsed) == [
        ("preambular", None, 1, "", "", "Recalling its resolutions 1464 (2003) and 1479 (2003),"),
        # the preamble's last words, marked up as the body's first paragraph
        ("preambular", None, 2, "", "", "Remaining fully committed to stability in Côte d’Ivoire,"),
        # "1." and its text are two <paragraph> elements
        ("operative", 1, None, "", "", "Decides to establish the Operation for 12 months;"),
        (
            "operative", 2, None, "", "",
            "Decides that the mandate of the Operation shall be the following: Monitoring of the "
            "ceasefire (a) To observe the ceasefire, (b) To assist the Government;",
        ),
        ("heading", None, None, "", "", "Reporting"),
        (
            "operative", 3, None, "", "",
            "Requests the Secretary-General to report on the tasks in paragraph 2 (a) above;",
        ),
        # "4" typed into the text, not marked up
        ("operative", 4, None, "", "", "Decides to remain seized of the matter."),
        ("annex", 1, None, "1.", "Annex", "The Operation shall report monthly."),
    ]  # fmt: skip
    assert parsed.paragraphs[3].items == (
        ParsedItem("", "Monitoring of the ceasefire"),
        ParsedItem("(a)", "To observe the ceasefire,"),
        ParsedItem("(b)", "To assist the Government;"),
    )


def test_operative_paragraphs_inside_a_preamble_block_list():
    assert outline(parse("block_list.xml")) == [
        ("preambular", None, 1, "", "", "Recalling its previous resolutions,"),
        (
            "preambular", None, 2, "", "",
            "Acting under Chapter VII of the Charter of the United Nations,",
        ),
        (
            "operative", 1, None, "", "",
            "Decides to extend the mandate of MONUSCO until 30 June 2012;",
        ),
        (
            "operative", 2, None, "", "",
            "Reiterates that future reconfigurations should be determined by: (a) The completion "
            "of the ongoing military operations; (b) An improved capacity of the Government;",
        ),
        ("operative", 3, None, "", "", "Decides to remain actively seized of the matter."),
    ]  # fmt: skip


def test_section_headings_nested_in_an_annex_list_become_headings():
    parsed = parse("annex_sections.xml")
    assert outline(parsed) == [
        ("preambular", None, 1, "", "", "Recalling its previous resolutions,"),
        # "A." not bold: a real sub-paragraph, even with a capital letter
        (
            "operative", 1, None, "", "",
            "Decides that the Mission shall: A. Assist the parties in concluding the Protocol by: "
            "(a) Leading the completion of the agreed tasks;",
        ),
        ("operative", 2, None, "", "", "Decides to remain seized of the matter."),
        ("annex", None, None, "", "Annex A", "Annex A: Joint Plan"),
        ("annex", None, None, "D.", "Annex A", "Transition Day"),
        # the bold "E." point nested in paragraph 22's list is the next section's heading
        (
            "annex", 22, None, "22.", "Annex A",
            "Iran will: 22.1. Seek ratification of the Additional Protocol.",
        ),
        ("heading", None, None, "E.", "Annex A", "UNSCR Termination Day"),
        (
            "annex", 23, None, "23.", "Annex A",
            "UNSCR Termination Day will occur 10 years from Adoption Day.",
        ),
        # a bold "B." with points after it stays a sub-paragraph; the last, "F.", is a
        # heading, and the point nested under it the first paragraph of its section
        (
            "annex", 24, None, "24.", "Annex A",
            "The European Union will: 24.1. Terminate all remaining provisions. B. Sanctions "
            "24.2. Remove the listed entities.",
        ),
        ("heading", None, None, "F.", "Annex A", "Other"),
        ("annex", 25, None, "25.", "Annex A", "Nuclear safety"),
        (
            "annex", 26, None, "26.", "Annex A",
            "The terminations are without prejudice to other commitments.",
        ),
        # "Annex B: Statement" then a subheading "Statement": the title once
        ("annex", None, None, "", "Annex B", "Annex B: Statement"),
        (
            "annex", 1, None, "1.", "Annex B",
            "The term “all States” means “all States without exception.”",
        ),
    ]  # fmt: skip
    assert parsed.paragraphs[5].items == (
        ParsedItem("22.1.", "Seek ratification of the Additional Protocol."),
    )


def test_single_unnumbered_paragraph_is_operative_without_a_number():
    assert outline(parse("single_paragraph.xml")) == [
        (
            "preambular", None, 1, "", "",
            "Having examined the application of Tuvalu for admission to the United Nations,",
        ),
        (
            "operative", None, None, "", "",
            "Recommends to the General Assembly that Tuvalu be admitted to membership in the "
            "United Nations.",
        ),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.xml", "malformed.xml, line 6: malformed XML: mismatched tag (column 76)"),
        (
            "other_namespace.xml",
            "other_namespace.xml: not Akoma Ntoso: the root element is <akomaNtoso> in namespace "
            "http://example.org/not-akoma-ntoso, expected <akomaNtoso> in "
            "http://docs.oasis-open.org/legaldocml/ns/akn/3.0",
        ),
        (
            "no_symbol.xml",
            "no_symbol.xml: no resolution symbol S/RES/<number> (<year>) on the cover",
        ),
        ("entities.xml", "entities.xml, line 2: DTDs and entities are not accepted"),
    ],
)
def test_unreadable_files_raise_parse_error_naming_the_file(name, message):
    with pytest.raises(ParseError) as raised:
        parse(name)
    assert str(raised.value) == message


def test_xml_of_another_vocabulary_is_not_akoma_ntoso():
    with pytest.raises(
        ParseError, match=r"^page\.html: not Akoma Ntoso: the root element is <html>"
    ):
        parse_akn("page.html", b"<html><body>S/RES/2388 (2017)</body></html>")


@pytest.mark.parametrize(
    ("href", "symbol"),
    [
        ("https://undocs.org/S/RES/2331(2016)", "S/RES/2331 (2016)"),
        ("https://undocs.org/en/S/RES/1373%20(2001)", "S/RES/1373 (2001)"),
        ("https://docs.un.org/en/S/PRST/2015/25", "S/PRST/2015/25"),
        ("http://undocs.org/S/2017/939;", "S/2017/939"),
        ("http://www.un.org/ga/search/view_doc.asp?symbol=S/RES/1325(2000)", "S/RES/1325 (2000)"),
        ("https://undocs.org/en/A/RES/70/1", "A/RES/70/1"),
        ("http://www.un.org/Depts/oip/index", ""),
    ],
)
def test_symbol_from_href(href, symbol):
    assert symbol_from_href(href) == symbol
