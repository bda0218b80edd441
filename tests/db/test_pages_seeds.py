"""The pages over the real seeds, ingested as `manage.py ingest fixtures/seeds` would: the
partial texts of S/RES/2331 (2016) (pages 7-8 of 8) and S/RES/2388 (2017) (pages 4, 5, 7 of 8)."""

from __future__ import annotations

import re

import pytest

from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS
from tests.pages_data import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    ingest_paths(paths=[SEEDS])


def test_browse_says_which_pages_each_resolution_has(client, seeds):
    text = text_of(client.get("/resolutions/"))
    assert "S/RES/2388 (2017) TIP (addresses trafficking in persons) 2017" in text
    assert "26 pages 4, 5, 7 of 8" in text
    assert "9 pages 7, 8 of 8" in text


def test_2388_shows_its_gaps_and_cut_paragraphs(client, seeds):
    response = client.get("/resolutions/2388/")
    text = text_of(response)
    assert "Pages 1–3, 6 and 8 are not in the archive." in text
    assert "23. … trafficking from areas affected by conflict or victims trafficked" in text
    assert "step up their efforts to strengthen … Permalink to operative paragraph 31" in text
    html = response.content.decode()
    toc = re.findall(r'<li><a href="#(op\d+)">', html)
    assert toc == [f"op{n}" for n in [*range(1, 15), *range(23, 32)]]
    assert [pid for pid in re.findall(r'<div class="para [^"]*" id="([^"]+)"', html)][:4] == [
        "pp-3",
        "pp-2",
        "pp-1",
        "op1",
    ]


def test_2388_citations_of_the_last_operative_and_an_unnumbered_preambular_paragraph(client, seeds):
    op31 = text_of(client.get("/resolutions/2388/op31/"))
    assert "S/RES/2388 (2017), para. 31" in op31
    assert "S.C. Res. 2388, ¶ 31 (2017)" in op31  # no adoption date in the page text
    pp3 = text_of(client.get("/resolutions/2388/pp-3/"))
    assert "Preambular paragraph (third from last)" in pp3
    assert "S/RES/2388 (2017), preambular paragraph (third from last)" in pp3


def test_2388_references_link_to_the_official_documents(client, seeds):
    html = client.get("/resolutions/2388/op11/").content.decode()
    assert (
        '<a href="https://undocs.org/S/RES/1267(1999)" rel="external">resolutions 1267 (1999)</a>, '
        '<a href="https://undocs.org/S/RES/1989(2011)" rel="external">1989 (2011)</a>'
    ) in html


def test_2331_begins_on_a_missing_page(client, seeds):
    text = text_of(client.get("/resolutions/2331/"))
    assert "Pages 1–6 are not in the archive." in text
    assert "16. … information regarding Member States efforts" in text
    assert "24. Decides to remain actively seized of this matter." in text


def test_plain_text_of_2388(client, seeds):
    body = client.get("/resolutions/2388.txt").content.decode()
    assert body.startswith("S/RES/2388 (2017)\nText held: pages 4, 5, 7 of 8. Pages 1–3, 6")
    assert "\n\nPP (third from last) Noting the initiative by Department" in body
    assert "\n\n23. … trafficking from areas affected by conflict" in body
    assert body.endswith("step up their efforts to strengthen …\n")
