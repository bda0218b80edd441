"""Citations and coverage phrases, exactly as a reader would paste or read them."""

from datetime import date

import pytest

from resolutions.citations import (
    Locator,
    coverage_label,
    ordinal_from_end,
    pages_held,
    pages_missing_sentence,
    paragraph_citations,
    paragraph_marker,
    paragraph_name,
    parse_pid,
)

ADOPTED_2388 = date(2017, 11, 21)


@pytest.mark.parametrize(
    ("pid", "un", "bluebook", "oscola"),
    [
        (
            "op31",
            "S/RES/2388 (2017), para. 31",
            "S.C. Res. 2388, ¶ 31 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, para 31",
        ),
        (
            "pp22",
            "S/RES/2388 (2017), preambular para. 22",
            "S.C. Res. 2388, pmbl. ¶ 22 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, preambular para 22",
        ),
        (
            "pp-3",
            "S/RES/2388 (2017), preambular paragraph (third from last)",
            "S.C. Res. 2388, pmbl. para. (third from last) (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, preambular para (third from last)",
        ),
        (
            "pp-1",
            "S/RES/2388 (2017), preambular paragraph (last)",
            "S.C. Res. 2388, pmbl. para. (last) (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, preambular para (last)",
        ),
        (
            "pp-p4-2",
            "S/RES/2388 (2017), preambular paragraph (second beginning on page 4)",
            "S.C. Res. 2388, pmbl. para. (second beginning on page 4) (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, "
            "preambular para (second beginning on page 4)",
        ),
        (
            "annex1-p3",
            "S/RES/2388 (2017), annex, para. 3",
            "S.C. Res. 2388, annex ¶ 3 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, annex para 3",
        ),
        (
            "fn1",
            "S/RES/2388 (2017), footnote 1",
            "S.C. Res. 2388, n.1 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, n 1",
        ),
        # A heading, or an identifier without a citable number, cites the resolution only.
        (
            "h2",
            "S/RES/2388 (2017)",
            "S.C. Res. 2388 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388",
        ),
        (
            "",
            "S/RES/2388 (2017)",
            "S.C. Res. 2388 (Nov. 21, 2017)",
            "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388",
        ),
    ],
)
def test_paragraph_citations_in_three_styles(pid, un, bluebook, oscola):
    cited = paragraph_citations(number=2388, year=2017, adopted_on=ADOPTED_2388, pid=pid)
    assert (cited.un, cited.bluebook, cited.oscola) == (un, bluebook, oscola)


@pytest.mark.parametrize(
    ("adopted_on", "bluebook", "oscola"),
    [
        (date(2016, 12, 20), "S.C. Res. 2331, ¶ 23 (Dec. 20, 2016)", "(20 December 2016)"),
        (date(2001, 9, 28), "S.C. Res. 2331, ¶ 23 (Sept. 28, 2001)", "(28 September 2001)"),
        (date(2015, 6, 2), "S.C. Res. 2331, ¶ 23 (June 2, 2015)", "(2 June 2015)"),
        (date(2015, 7, 9), "S.C. Res. 2331, ¶ 23 (July 9, 2015)", "(9 July 2015)"),
        (date(2015, 5, 1), "S.C. Res. 2331, ¶ 23 (May 1, 2015)", "(1 May 2015)"),
        (None, "S.C. Res. 2331, ¶ 23 (2016)", "(2016)"),
    ],
)
def test_citation_dates_follow_each_style(adopted_on, bluebook, oscola):
    cited = paragraph_citations(number=2331, year=2016, adopted_on=adopted_on, pid="op23")
    assert cited.bluebook == bluebook
    assert cited.oscola == f"UNSC Res 2331 {oscola} UN Doc S/RES/2331, para 23"


def test_annex_paragraph_numbered_only_in_the_record_uses_that_number():
    cited = paragraph_citations(
        number=2331,
        year=2016,
        adopted_on=None,
        pid="annex2-4",
        paragraph_number=7,
        annex_name="Annex II",
    )
    assert cited.un == "S/RES/2331 (2016), annex II, para. 7"


def test_annex_paragraph_without_a_number_or_label_cites_its_place_in_the_annex():
    # Every annex item has a citation of its own; for one the UN did not number, its place.
    cited = paragraph_citations(number=2331, year=2016, adopted_on=None, pid="annex1-4")
    assert cited.un == "S/RES/2331 (2016), annex, fourth para."


@pytest.mark.parametrize(
    ("sub", "un", "bluebook", "oscola"),
    [
        (
            ["(a)"],
            "S/RES/2653 (2022), para. 16 (a)",
            "S.C. Res. 2653, ¶ 16(a) (Sept. 30, 2022)",
            "UNSC Res 2653 (30 September 2022) UN Doc S/RES/2653, para 16(a)",
        ),
        (
            ["(a)", "(iii)"],
            "S/RES/2653 (2022), para. 16 (a) (iii)",
            "S.C. Res. 2653, ¶ 16(a)(iii) (Sept. 30, 2022)",
            "UNSC Res 2653 (30 September 2022) UN Doc S/RES/2653, para 16(a)(iii)",
        ),
        (
            ["item 2"],
            "S/RES/2653 (2022), para. 16, item 2",
            "S.C. Res. 2653, ¶ 16, item 2 (Sept. 30, 2022)",
            "UNSC Res 2653 (30 September 2022) UN Doc S/RES/2653, para 16, item 2",
        ),
    ],
)
def test_a_sub_paragraph_is_cited_after_its_paragraph_in_each_style(sub, un, bluebook, oscola):
    cited = paragraph_citations(
        number=2653, year=2022, adopted_on=date(2022, 9, 30), pid="op16", sub=sub
    )
    assert (cited.un, cited.bluebook, cited.oscola) == (un, bluebook, oscola)


def test_annex_items_with_printed_labels_and_parts_cite_apart():
    # S/RES/2231 (2015): annex A holds the JCPOA, whose own annexes number anew.
    def cite(pid, label, part=""):
        return paragraph_citations(
            number=2231, year=2015, adopted_on=None, pid=pid, annex_name="Annex A",
            label=label, part=part,
        ).un  # fmt: skip

    assert cite("annex1-163", "1.1.1.", "JCPOA Annex II") == (
        "S/RES/2231 (2015), annex A, JCPOA Annex II, para. 1.1.1"
    )
    assert cite("annex1-1334", "1.1.", "JCPOA Annex IV") == (
        "S/RES/2231 (2015), annex A, JCPOA Annex IV, para. 1.1"
    )


def test_a_kept_operative_identifier_cites_the_number_the_paragraph_now_has():
    cited = paragraph_citations(
        number=2388, year=2017, adopted_on=None, pid="op3", paragraph_number=4
    )
    assert cited.un == "S/RES/2388 (2017), para. 4"


@pytest.mark.parametrize(
    ("pid", "locator"),
    [
        ("op31", Locator(kind="operative", number=31)),
        ("op1-2", Locator(kind="operative", number=1)),
        ("pp3", Locator(kind="preambular", number=3)),
        ("pp-12", Locator(kind="preambular", from_end=12)),
        ("pp-p5-1", Locator(kind="preambular", page=5, on_page=1)),
        ("h1", Locator(kind="heading", number=1)),
        ("annex1-p2", Locator(kind="annex", number=2, annex=1)),
        ("fn3", Locator(kind="footnote", number=3)),
        ("op-x1", Locator(kind="")),
        ("OP31", Locator(kind="")),
        ("<script>", Locator(kind="")),
    ],
)
def test_parse_pid(pid, locator):
    assert parse_pid(pid) == locator


@pytest.mark.parametrize(
    ("k", "words"),
    [
        (1, "last"),
        (2, "second from last"),
        (12, "twelfth from last"),
        (13, "13th from last"),
        (21, "21st from last"),
        (22, "22nd from last"),
        (111, "111th from last"),
    ],
)
def test_ordinal_from_end(k, words):
    assert ordinal_from_end(k) == words


@pytest.mark.parametrize(
    ("pid", "name", "marker"),
    [
        ("op31", "operative paragraph 31", "31."),
        ("pp22", "preambular paragraph 22", "PP 22"),
        ("pp-3", "preambular paragraph (third from last)", "PP (third from last)"),
        ("fn2", "footnote 2", "[2]"),
    ],
)
def test_paragraph_name_and_marker(pid, name, marker):
    assert paragraph_name(pid) == name
    assert paragraph_marker(pid) == marker


def test_marker_keeps_a_printed_label():
    assert paragraph_marker("h1", label="A.") == "A."


@pytest.mark.parametrize(
    ("pages", "total", "held", "missing"),
    [
        ([4, 5, 7], 8, "pages 4, 5, 7 of 8", "Pages 1–3, 6 and 8 are not in the archive."),
        ([7, 8], 8, "pages 7, 8 of 8", "Pages 1–6 are not in the archive."),
        ([4, 5, 7, 8], 8, "pages 4, 5, 7, 8 of 8", "Pages 1–3 and 6 are not in the archive."),
        ([1, 2, 3, 4, 6], 6, "pages 1–4, 6 of 6", "Page 5 is not in the archive."),
        ([2, 3, 4], 5, "pages 2–4 of 5", "Pages 1 and 5 are not in the archive."),
        ([8], 8, "page 8 of 8", "Pages 1–7 are not in the archive."),
        ([1, 2], 2, "all 2 pages", ""),
        ([3, 1], None, "pages 1, 3", ""),
        ([], 8, "", "Pages 1–8 are not in the archive."),
    ],
)
def test_pages_held_and_missing(pages, total, held, missing):
    assert pages_held(pages, total) == held
    assert pages_missing_sentence(pages, total) == missing


@pytest.mark.parametrize(
    ("text_source", "pages", "total", "label"),
    [
        ("akn", [], None, "complete (official XML)"),
        ("page-text", [4, 5, 7], 8, "pages 4, 5, 7 of 8"),
        ("page-text", [], 8, "text not held"),
    ],
)
def test_coverage_label(text_source, pages, total, label):
    assert coverage_label(text_source=text_source, pages=pages, total=total) == label


@pytest.mark.parametrize(
    ("pid", "number", "label", "name"),
    [
        ("annex2-39", 16, "16.", "annex II, paragraph 16"),
        ("annex2-p4", None, "", "annex II, paragraph 4"),
        ("annex1-3", None, "(a)", "annex II, paragraph (a)"),
        ("annex1-354", None, "", "annex II, 354th paragraph"),
        ("annex1-11", None, "", "annex II, eleventh paragraph"),
    ],
)
def test_annex_paragraphs_without_a_number_are_named_by_label_or_place(pid, number, label, name):
    assert paragraph_name(pid, number=number, annex_name="Annex II", label=label) == name
