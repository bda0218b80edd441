"""The resolution reads as printed: the enacting words before the preamble, italic opening
words and verbs, the UN's spelling of member names, and a short title wherever a resolution is
named (page heading, browser tab, list, home page, search hits, JSON)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resolutions.models import Paragraph, Resolution
from resolutions.serializers import resolution_export
from resolutions.services.ingest import ingest_paths
from tests.factories import make_paragraph, make_resolution

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[1] / "unit" / "akn_samples" / "resolution.xml"
TITLE = "on trafficking in persons in armed conflicts"


def record_line(**fields) -> str:
    record = {
        "symbol": "S/RES/2388 (2017)",
        "adoption_date": "21 November 2017",
        "agenda_item_name": "Maintenance of international peace and security",
        "resolution_title": f"Security Council resolution 2388 (2017) [{TITLE}]",
        "adoption_type": "Adopted 13-0-2, 8111th meeting",
        "MS_in_favour": [
            "TÜRKİYE",
            "CÔTE D'IVOIRE",
            "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND",
        ],
        "MS_against": [],
        "MS_abstaining": ["BOLIVIA (PLURINATIONAL STATE OF)", "RUSSIAN FEDERATION"],
        "sponsors": ["CÔTE D'IVOIRE", "NETHERLANDS (KINGDOM OF THE)"],
    }
    return json.dumps({**record, **fields}, ensure_ascii=False)


@pytest.fixture
def xml_archive(tmp_path):
    """S/RES/2388 (2017) from a sample of its XML, with its record data."""
    (tmp_path / "2017.json").write_text(record_line() + "\n", encoding="utf-8")
    (tmp_path / "S_RES_2388.xml").write_bytes(SAMPLE.read_bytes())
    ingest_paths(paths=[tmp_path])
    return Resolution.objects.get(number=2388)


def document_text(html: str) -> str:
    """The words of the resolution's text on its page, tags removed."""
    document = html.split('<div class="document">', 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", document)).strip()


def test_ingest_stores_formula_short_title_and_italics(xml_archive):
    assert xml_archive.formula == "The Security Council,"
    assert xml_archive.short_title == TITLE
    pp1 = xml_archive.paragraphs.get(pid="pp1")
    assert [pp1.text[a:b] for a, b in pp1.emphasis] == ["Recalling"]


def test_the_page_starts_its_text_with_the_enacting_words_in_italics(client, xml_archive):
    html = client.get("/resolutions/2388/").content.decode()
    assert '<p class="formula"><i>The Security Council</i>,</p>' in html
    assert document_text(html).startswith("Preamble The Security Council, Recalling")
    assert "<i>Recalling</i> Presidential Statement" in html


def test_short_title_in_heading_tab_list_home_and_json(client, xml_archive):
    detail = client.get("/resolutions/2388/").content.decode()
    assert f"<title>S/RES/2388 (2017) {TITLE} –" in detail
    assert re.search(rf"<h1>.*S/RES/2388 \(2017\).*{TITLE}.*</h1>", detail)
    assert TITLE in client.get("/resolutions/").content.decode()
    assert TITLE in client.get("/").content.decode()
    data = resolution_export(number=2388)
    assert (data["short_title"], data["formula"]) == (TITLE, "The Security Council,")
    pp1 = next(p for p in data["paragraphs"] if p["id"] == "pp1")
    assert [pp1["text"][a:b] for a, b in pp1["italics"]] == ["Recalling"]
    text = client.get("/resolutions/2388.txt").content.decode()
    assert text.startswith(f"S/RES/2388 (2017) {TITLE}\n")
    assert "information.\n\nThe Security Council,\n\nPP 1 Recalling Presidential" in text


def test_search_hits_name_the_resolution_by_its_short_title(client, xml_archive):
    html = client.get("/search/", {"q": "Presidential Statement"}).content.decode()
    assert "search-hit" in html
    assert f"resolution 2388</a>, 2017, {TITLE}" in html
    hits = client.get("/search.json", {"q": "Presidential Statement"}).json()
    assert hits["results"][0]["short_title"] == TITLE


def test_member_names_in_votes_and_sponsors_are_spelled_as_the_un_prints_them(client, xml_archive):
    html = client.get("/resolutions/2388/").content.decode()
    for printed in [
        "Türkiye",
        "Côte d’Ivoire",
        "United Kingdom of Great Britain and Northern Ireland",
        "Bolivia (Plurinational State of)",
        "Russian Federation",
        "Netherlands (Kingdom of the)",
    ]:
        assert printed in html
    for wrong in ["Türki̇Ye", "Côte D", "TÜRKİYE", "Of Great Britain"]:
        assert wrong not in html
    # the record is kept as the UN gave it
    assert {"member": "TÜRKİYE", "vote": "Y"} in Resolution.objects.get(number=2388).votes


def test_page_texts_get_the_italic_openers_and_no_invented_formula(client, seed_archive):
    resolution = Resolution.objects.get(number=2388)
    assert resolution.formula == ""  # the seeds lack page 1
    assert resolution.short_title == ""  # and there is no record data
    op24 = resolution.paragraphs.get(pid="op24")
    assert [op24.text[a:b] for a, b in op24.emphasis] == ["Requests"]
    html = client.get("/resolutions/2388/").content.decode()
    assert 'class="formula"' not in html
    assert "<i>Requests</i> the Secretary-General" in html
    assert "<title>S/RES/2388 (2017) –" in html


def test_italics_on_the_permalink_page_with_highlighting(client, xml_archive):
    html = client.get("/resolutions/2388/pp1/", {"q": "recalling"}).content.decode()
    assert "<i><mark>Recalling</mark></i> Presidential Statement" in html


def test_italics_never_let_markup_through(client):
    resolution = make_resolution(2500, 2019)
    text = "<script>alert(1)</script> Decides & more"
    make_paragraph(resolution, text, number=1, emphasis=[[0, 8], [26, 33]])
    for url in ("/resolutions/2500/", "/resolutions/2500/op1/"):
        html = client.get(url, {"q": "decides"}).content.decode()
        assert "<script>alert" not in html
        assert "<i>&lt;script&gt;</i>alert(1)&lt;/script&gt;" in html
        assert "<i><mark>Decides</mark></i> &amp; more" in html


def test_stored_emphasis_that_does_not_fit_the_text_is_ignored(client):
    resolution = make_resolution(2501, 2019)
    make_paragraph(resolution, "Decides.", number=1, emphasis=[[0, 999], "junk", [5, 2]])
    html = client.get("/resolutions/2501/").content.decode()
    assert "<i>Decides.</i>" in html


def test_a_second_ingest_changes_nothing(xml_archive, tmp_path):
    (tmp_path / "2017.json").write_text(record_line() + "\n", encoding="utf-8")
    (tmp_path / "S_RES_2388.xml").write_bytes(SAMPLE.read_bytes())
    report = ingest_paths(paths=[tmp_path])
    assert not report.changed
    assert Paragraph.objects.filter(resolution=xml_archive, emphasis__isnull=False).exists()
