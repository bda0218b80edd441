"""The six-language layer without a database: reading the other languages' XML, aligning by
structure, the analysis search uses, and the UN's citation forms."""

from pathlib import Path

import pytest

from resolutions.languages.alignment import align
from resolutions.languages.analysis import analyse, marks, query_groups, search_text
from resolutions.languages.forms import direction, official_document_url, paragraph_citation
from resolutions.parsing.akn import UnnamedResolution, parse_akn
from resolutions.services.identifiers import assign_identifiers

SAMPLES = Path(__file__).parent / "akn_samples" / "languages"


def read(language: str):
    path = SAMPLES / f"2546_{language}.xml"
    return parse_akn(path.name, path.read_bytes())


@pytest.mark.parametrize(
    ("language", "ids"),
    [
        ("en", ("pp1", "pp2", "op1", "op2", "op3")),
        ("fr", ("pp1", "pp2", "op1", "op2", "op3")),
        ("ar", ("pp1", "pp2", "op1", "op2", "op3")),  # "1 -": the Arabic text's numbers
        ("zh", ("pp1", "pp2", "op1", "op2", "op3")),  # symbol from the FRBR URI
        ("es", ("pp1", "pp2", "pp3", "op1", "op2")),
    ],
)
def test_each_language_is_read_with_its_own_language_and_the_english_structure(language, ids):
    parsed = read(language)
    assert parsed.language == language
    assert (parsed.number, parsed.year) == (2546, 2020)
    assert assign_identifiers(parsed.paragraphs) == ids


def test_the_language_is_the_files_own_not_its_name():
    data = (SAMPLES / "2546_fr.xml").read_bytes()
    assert parse_akn("fr/2022/S_RES_2546-E.xml", data).language == "fr"
    english = (SAMPLES / "2546_en.xml").read_bytes().replace(b'language="eng"', b"")
    assert parse_akn("x.xml", english).language == "en"  # no FRBRlanguage: English


def test_an_english_file_without_a_symbol_is_still_refused_but_names_its_language():
    data = (SAMPLES / "2546_en.xml").read_bytes().replace(b">S/RES/2546 (2020)<", b"><")
    with pytest.raises(UnnamedResolution) as refused:
        parse_akn("x.xml", data)
    assert refused.value.language == "en"  # the ingest refuses English files without one
    french = (SAMPLES / "2546_zh.xml").read_bytes().replace(b"2546-2020/", b"")
    with pytest.raises(UnnamedResolution) as unnamed:
        parse_akn("x.xml", french)
    assert unnamed.value.language == ""  # another language's: left out with a warning


def test_an_arabic_number_typed_into_the_text_is_read():
    data = (SAMPLES / "2546_ar.xml").read_text(encoding="utf-8")
    data = data.replace("<num>1 -</num>", "").replace(
        '<p xml:space="preserve">	<span class="italic">يدين',
        '<p xml:space="preserve">	1 -	<span class="italic">يدين',
    )
    parsed = parse_akn("x.xml", data.encode("utf-8"))
    assert assign_identifiers(parsed.paragraphs)[2] == "op1"
    assert parsed.paragraphs[2].text.startswith("يدين")


@pytest.mark.parametrize(
    ("english", "translation", "pairs", "mismatches"),
    [
        # The same structure: everything pairs, nothing to report.
        ([("pp1", 0), ("op1", 0)], [("pp1", 0), ("op1", 0)], {"pp1": 0, "op1": 1}, []),
        # A preambular paragraph more: the whole preamble is left out, operatives pair.
        (
            [("pp1", 0), ("pp2", 0), ("op1", 0), ("op2", 0)],
            [("pp1", 0), ("pp2", 0), ("pp3", 0), ("op1", 0)],
            {"op1": 3},
            [
                "operative paragraph 2 not in this text",
                "preambular paragraphs: 2 in English, 3 in this text; none aligned",
            ],
        ),
        # An operative number only the translation has.
        (
            [("op1", 0)],
            [("op1", 0), ("op2", 0)],
            {"op1": 0},
            ["operative paragraph 2 not in the English text"],
        ),
        # Annexes are counted each on its own.
        (
            [("op1", 0), ("annex1-1", 0), ("annex2-1", 0)],
            [("op1", 0), ("annex1-1", 0), ("annex1-2", 0)],
            {"op1": 0},
            [
                "paragraphs of annex 1: 1 in English, 2 in this text; none aligned",
                "paragraphs of annex 2: 1 in English, 0 in this text; none aligned",
            ],
        ),
        # Sub-paragraphs that differ in number: kept, and said.
        (
            [("op1", 3)],
            [("op1", 2)],
            {"op1": 0},
            ["op1: 3 sub-paragraphs in English, 2 in this text"],
        ),
    ],
)
def test_alignment_pairs_only_what_the_structure_guarantees(
    english, translation, pairs, mismatches
):
    result = align(english, translation)
    assert result.pairs == pairs
    assert result.mismatches == mismatches


@pytest.mark.parametrize(
    ("language", "text", "tokens"),
    [
        ("fr", "La traite des personnes", ["trait", "person"]),
        ("fr", "Les traites d’êtres humains", ["trait", "être", "humain"]),
        ("es", "la trata de personas", ["trat", "person"]),
        ("ru", "Торговля людьми", ["торговл", "людьм"]),
        ("ru", "её", []),  # ё folded, a function word dropped
        ("ar", "يشدِّد على", ["يشدد", "علي"]),  # vowel marks removed, Snowball stems
        ("ar", "الاتجار بالبشر", ["اتجار", "بشر"]),
        ("zh", "贩运人口", ["贩运", "运人", "人口"]),
        (
            "zh",
            "偷运移民和贩运人口",
            ["偷运", "运移", "移民", "民和", "和贩", "贩运", "运人", "人口"],
        ),
    ],
)
def test_analysis(language, text, tokens):
    assert analyse(language, text) == tokens
    assert search_text(language, text) == " ".join(tokens)


def test_a_chinese_query_is_a_phrase_per_run_and_words_between_stay_words():
    assert query_groups("zh", "贩运人口 ISIL 移民") == [
        ["贩运", "运人", "人口"],
        ["isil"],
        ["移民"],
    ]
    assert query_groups("zh", "贩") == [["贩"]]


def test_marks_find_the_words_in_the_printed_text():
    text = "Condamne la traite des personnes et les traites."
    assert [text[a:b] for a, b in marks("fr", text, "traite des personnes")] == [
        "traite",
        "personnes",
        "traites",
    ]
    assert marks("zh", "谴责贩运人口，贩运人口", "贩运人口") == [(2, 6), (7, 11)]


@pytest.mark.parametrize(
    ("language", "citation"),
    [
        ("en", "S/RES/2546 (2020), para. 3"),
        ("fr", "S/RES/2546 (2020), par. 3"),
        ("es", "S/RES/2546 (2020), párr. 3"),
        ("ru", "S/RES/2546 (2020), п. 3"),
        ("zh", "S/RES/2546 (2020)，第3段"),
        ("ar", "S/RES/2546 (2020)، الفقرة 3"),
    ],
)
def test_citations_in_each_languages_un_form(language, citation):
    assert paragraph_citation(language, "S/RES/2546 (2020)", 3) == citation


def test_official_documents_and_direction():
    assert official_document_url("en", "S/RES/2546 (2020)") == "https://undocs.org/S/RES/2546(2020)"
    assert (
        official_document_url("ar", "S/RES/2546 (2020)") == "https://undocs.org/ar/S/RES/2546(2020)"
    )
    assert [direction(code) for code in ("ar", "fr", "zh")] == ["rtl", "ltr", "ltr"]
    assert paragraph_citation("fr", "S/RES/2546 (2020)", None, "pp2") == "S/RES/2546 (2020), pp2"
