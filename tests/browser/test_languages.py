"""Reading in six languages: switching language on a permalink keeps the reader on the same
paragraph, the resolution page's anchor travels with the switch, and the Arabic page reads
right to left with its layout mirrored."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SAMPLES = Path(__file__).resolve().parents[1] / "unit" / "akn_samples" / "languages"


@pytest.fixture
def six(transactional_db):
    from resolutions.services.ingest import ingest_paths

    ingest_paths(paths=sorted(SAMPLES.glob("2546_*.xml")))


def test_switching_language_on_a_permalink_stays_on_the_paragraph(page, six):
    page.goto("/resolutions/2546/op3/")
    page.get_by_role("link", name="Français").first.click()
    page.wait_for_url("**/fr/resolutions/2546/op3/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Renouvelle sa demande" in page.locator("main").inner_text()
    assert "S/RES/2546 (2020), par. 3" in page.locator("main").inner_text()
    page.get_by_role("link", name="中文").first.click()
    page.wait_for_url("**/zh/resolutions/2546/op3/")
    assert "S/RES/2546 (2020)，第3段" in page.locator("main").inner_text()
    page.get_by_role("link", name="English").first.click()
    page.wait_for_url("**/resolutions/2546/op3/")
    assert page.locator("h1").inner_text() == "Operative paragraph 3"


def test_the_resolution_pages_anchor_travels_with_the_switch(page, six):
    page.goto("/resolutions/2546/#op2")
    page.locator(".lang-switch").get_by_role("link", name="Español").first.click()
    page.wait_for_url("**/es/resolutions/2546/#op2")
    assert page.evaluate("location.hash") == "#op2"


def test_the_arabic_page_is_right_to_left_and_mirrored(page, six):
    page.goto("/ar/resolutions/2546/op3/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    switch = page.locator(".lang-switch").bounding_box()
    text = page.locator(".lang-cell[lang=ar]").first.bounding_box()
    mark = page.locator(".lang-mark").first.bounding_box()
    # Mirrored: the paragraph number stands to the right of its text, the switch's border too.
    assert mark["x"] > text["x"]
    border = page.locator(".lang-switch").evaluate("el => getComputedStyle(el).borderRightWidth")
    assert border == "4px"
    assert switch["width"] > 0


def test_side_by_side_keeps_each_language_in_its_direction(page, six):
    page.goto("/ar-en/resolutions/2546/")
    arabic = page.locator('.lang-row#op1 .lang-cell[lang="ar"]')
    english = page.locator('.lang-row#op1 .lang-cell[lang="en"]')
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert "Condemns" in english.inner_text()
