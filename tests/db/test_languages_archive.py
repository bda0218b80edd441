"""The six languages in the archive, on both engines, with small hand-written samples
(tests/unit/akn_samples/languages): a short S/RES/2546 (2020) in English, French, Arabic,
Chinese, and a Spanish text whose structure differs."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from resolutions.languages.search import language_search
from resolutions.models import ParagraphText, Translation
from resolutions.services.ingest import ingest_paths
from tests.hostile import HOSTILE_QUERIES

SAMPLES = Path(__file__).parents[1] / "unit" / "akn_samples" / "languages"
ENGLISH = SAMPLES / "2546_en.xml"
OTHERS = [SAMPLES / f"2546_{code}.xml" for code in ("fr", "ar", "zh", "es")]

pytestmark = pytest.mark.django_db


@pytest.fixture
def six(db):
    """The English sample and four translations, ingested together."""
    return ingest_paths(paths=[ENGLISH, *OTHERS])


def test_each_language_gives_the_english_paragraphs_their_text(six):
    assert six.translations.added == 4
    texts = ParagraphText.objects.filter(paragraph__pid="op3")
    assert sorted(texts.values_list("language", flat=True)) == ["ar", "fr", "zh"]
    assert texts.get(language="fr").text.startswith("Renouvelle sa demande")
    op2 = ParagraphText.objects.get(paragraph__pid="op2", language="ar")
    assert [item["label"] for item in op2.structure["items"]] == ["(أ)", "(ب)"]


def test_a_structure_that_differs_is_recorded_and_only_matching_paragraphs_aligned(six):
    spanish = Translation.objects.get(language="es")
    assert spanish.mismatches == [
        "operative paragraph 3 not in this text",
        "preambular paragraphs: 2 in English, 3 in this text; none aligned",
    ]
    assert (spanish.paragraphs_read, spanish.paragraphs_aligned) == (5, 2)
    aligned = ParagraphText.objects.filter(language="es").values_list("paragraph__pid", flat=True)
    assert sorted(aligned) == ["op1", "op2"]
    assert "structure differs from the English in: 1 es resolutions" in "\n".join(six.summary())


def test_the_alignment_report_lists_every_mismatch(six):
    out = StringIO()
    call_command("alignment_report", stdout=out)
    report = out.getvalue()
    assert "S/RES/2546 (2020) es: 2 of 5 English paragraphs aligned (5 read)" in report
    assert "  preambular paragraphs: 2 in English, 3 in this text; none aligned" in report
    assert "Spanish (es): 1 of 1 resolutions differ in structure from the English" in report
    assert "French (fr): 0 of 1 resolutions differ" in report


def test_a_second_ingest_changes_nothing_and_the_source_is_kept_verbatim(six):
    again = ingest_paths(paths=[ENGLISH, *OTHERS])
    assert not again.changed
    assert again.translations.unchanged == 4
    kept = Translation.objects.get(language="ar")
    assert kept.raw_text == (SAMPLES / "2546_ar.xml").read_text(encoding="utf-8")


def test_translations_arrive_before_or_after_the_english(db):
    report = ingest_paths(paths=OTHERS)  # no English text yet: nothing to align with
    assert report.translations.added == 0
    assert any("no English text in the archive" in w for w in report.warnings)
    ingest_paths(paths=[ENGLISH])
    ingest_paths(paths=OTHERS)
    assert ParagraphText.objects.filter(language="fr").count() == 5


def test_the_english_changing_realigns_the_translations(six, tmp_path):
    changed = ENGLISH.read_text(encoding="utf-8").replace(
        '<container name="Reaffirming" eId="container_3">',
        '<container name="Noting" eId="container_3b"><p xml:space="preserve">	'
        '<span class="italic">Noting</span> the report,</p></container>\n'
        '      <container name="Reaffirming" eId="container_3">',
    )
    corrected = tmp_path / "2546_en_corrected.xml"
    corrected.write_text(changed, encoding="utf-8")
    ingest_paths(paths=[corrected])
    french = Translation.objects.get(language="fr")
    assert "preambular paragraphs: 3 in English, 2 in this text; none aligned" in french.mismatches


def test_the_french_page(client, six):
    page = client.get("/fr/resolutions/2546/")
    html = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="fr" dir="ltr">' in html
    assert "Condamne" in html and "Lire en" in html  # the interface in French
    assert 'hreflang="ar" href="http://testserver/ar/resolutions/2546/"' in html
    assert "https://undocs.org/fr/S/RES/2546(2020)" in html


def test_the_arabic_page_is_right_to_left(client, six):
    html = client.get("/ar/resolutions/2546/op3/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl"' in html
    assert "S/RES/2546 (2020)، الفقرة 3" in html
    assert "https://undocs.org/ar/S/RES/2546(2020)" in html


@pytest.mark.parametrize(
    ("url", "citation"),
    [
        ("/fr/resolutions/2546/op3/", "S/RES/2546 (2020), par. 3"),
        ("/zh/resolutions/2546/op3/", "S/RES/2546 (2020)，第3段"),
        ("/es/resolutions/2546/op2/", "S/RES/2546 (2020), párr. 2"),
    ],
)
def test_permalinks_cite_in_the_languages_form(client, six, url, citation):
    page = client.get(url)
    assert page.status_code == 200
    assert citation in page.content.decode()


def test_side_by_side_aligns_paragraph_by_paragraph(client, six):
    html = client.get("/fr-en/resolutions/2546/").content.decode()
    rows = re.findall(r'<div class="lang-row para--\w+" id="(\w+)">', html)
    assert rows == ["pp1", "pp2", "op1", "op2", "op3"]
    op3 = html[html.index('id="op3"') :]
    assert op3.index('lang="fr"') < op3.index("Renouvelle") < op3.index('lang="en"')
    assert op3.index("Renews") > op3.index('lang="en"')
    arabic = client.get("/ar-en/resolutions/2546/op3/").content.decode()
    assert 'lang="ar" dir="rtl"' in arabic and 'lang="en" dir="ltr"' in arabic


def test_a_paragraph_not_aligned_says_why(client, six):
    page = client.get("/es/resolutions/2546/pp1/")
    assert page.status_code == 404
    html = page.content.decode()
    assert "preambular paragraphs: 2 in English, 3 in this text" in html
    assert 'href="/resolutions/2546/pp1/"' in html
    # ... and the Spanish resolution page shows the mismatch.
    assert "none aligned" in client.get("/es/resolutions/2546/").content.decode()


def test_a_language_the_archive_lacks_is_a_404_that_says_what_it_holds(client, six):
    page = client.get("/ru/resolutions/2546/op3/")
    assert page.status_code == 404
    html = page.content.decode()
    assert "does not hold the Russian text" in html
    assert 'href="/fr/resolutions/2546/op3/"' in html
    assert "https://undocs.org/ru/S/RES/2546(2020)" in html


def test_the_english_pages_link_their_languages_and_keep_their_addresses(client, six):
    html = client.get("/resolutions/2546/op3/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert 'href="/fr/resolutions/2546/op3/"' in html
    assert 'href="/fr-en/resolutions/2546/op3/"' in html
    assert 'hreflang="zh"' in html


def test_an_english_only_resolution_says_which_languages_the_archive_holds(client, archive):
    html = client.get("/resolutions/2388/").content.decode()
    assert "holds this resolution in English only" in html
    assert "https://undocs.org/es/S/RES/2388(2017)" in html
    assert client.get("/fr/resolutions/2388/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/fr/resolutions/99999/",
        "/fr-fr/resolutions/2546/",
        "/fr/resolutions/2546/op99/",
        "/fr/resolutions/2546/%00/",
        "/fr/resolutions/2546/" + "x" * 300 + "/",
    ],
)
def test_bad_addresses_are_404s(client, six, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("language", "query", "pids"),
    [
        ("fr", "traite des personnes", ["op3"]),
        ("fr", "TRAITE", ["op1", "op3"]),  # case, and "traite d’êtres humains"
        ("es", "trata de personas", ["op1"]),
        ("zh", "贩运人口", ["op1"]),
        ("zh", "人口", ["op1"]),
        ("ar", "تهريب المهاجرين", ["op1"]),
        # Arabic by its Snowball stems, "و" (and) taken off before the article: the text's
        # "والاتجار" ("and trafficking") is found.
        ("ar", "الاتجار", ["op1"]),
    ],
)
def test_search_in_each_language(six, language, query, pids):
    found = language_search(language=language, query=query)
    assert sorted(hit.pid for hit in found.hits) == pids
    assert found.total == len(pids)


def test_search_page_marks_the_words_and_links_to_the_paragraph(client, six):
    html = client.get("/fr/search/", {"q": "traite des personnes"}).content.decode()
    assert "1 paragraphe trouvé" in html
    assert "<mark>traite</mark> des <mark>personnes</mark>" in html
    assert 'href="/fr/resolutions/2546/op3/"' in html
    assert 'href="/fr-en/resolutions/2546/op3/"' in html


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_get_a_page(client, six, query):
    for language in ("fr", "zh", "ar"):
        page = client.get(f"/{language}/search/", {"q": query, "page": "x"})
        assert page.status_code == 200
        assert "<script>alert" not in page.content.decode()
