"""What a person does with a comparison: ask for one from a resolution page, read the aligned
paragraphs and their track changes, keep only the differences, follow a paragraph's permalink;
mistype the other resolution and be told; read it on a phone."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

COMPARED = "/resolutions/2388/compare/2331/"


@pytest.fixture
def seeds(transactional_db):
    """The seed page texts, ingested for real: 2388 op 12 is 2331 op 16 reworded."""
    from resolutions.services.ingest import ingest_paths
    from tests.conftest import SEEDS

    return ingest_paths(paths=[SEEDS])


def test_ask_for_a_comparison_and_read_the_track_changes(page, seeds, live_server):
    page.goto("/resolutions/2388/")
    page.get_by_label("Compare S/RES/2388 (2017) with").fill("S/RES/2331 (2016)")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(re.escape(COMPARED) + "$"))
    assert page.locator("h1").inner_text() == "S/RES/2388 (2017) compared with S/RES/2331 (2016)"
    assert page.locator(".cmp-count--changed strong").inner_text() == "1"

    changed = page.locator("tr.cmp__row--changed")
    assert changed.count() == 1
    assert changed.locator("th").inner_text().startswith("CHANGED")
    earlier, later = (
        changed.locator("td.cmp__side--earlier"),
        changed.locator("td.cmp__side--later"),
    )
    assert earlier.get_by_role("link").inner_text() == "S/RES/2331 (2016), para. 16"
    assert later.get_by_role("link").inner_text() == "S/RES/2388 (2017), para. 12"
    added = later.locator("ins")
    assert added.is_visible()
    assert added.inner_text().startswith("Requests the Counter-Terrorism Committee")
    # Readable without colour: added words underlined, removed words struck through.
    decoration = added.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in decoration
    struck = page.locator(".compare__key del")
    assert "line-through" in struck.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert page.locator("tr.cmp__row--new").count() == 25
    assert page.locator("tr.cmp__row--dropped").count() == 8

    later.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/resolutions/2388/op12/$"))
    assert page.locator("h1").inner_text() == "Operative paragraph 12"


def test_keep_only_the_differences_and_compare_with_another(page, seeds, live_server):
    page.goto("/resolutions/2388/compare/2388/")
    assert "compared with itself" in page.locator(".notice").inner_text()
    page.get_by_label("Compare S/RES/2388 (2017) with").fill("2331")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(re.escape(COMPARED) + "$"))
    page.get_by_role("link", name="Show only the differences").click()
    page.wait_for_url(re.compile(r"\?show=differences$"))
    assert page.locator("tr.cmp__row--kept").count() == 0
    assert page.locator("tr.cmp__row--changed").count() == 1
    page.get_by_role("link", name="Show all paragraphs").click()
    page.wait_for_url(re.compile(re.escape(COMPARED) + "$"))


def test_a_mistyped_resolution_is_explained_beside_the_field(page, seeds, live_server):
    page.goto("/resolutions/2388/")
    field = page.get_by_label("Compare S/RES/2388 (2017) with")
    field.fill("S/RES/2331 (2015)")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"/resolutions/2388/compare/\?with="))
    error = page.locator("#compare-with-error")
    assert error.inner_text() == "Resolution 2331 was adopted in 2016, not 2015: S/RES/2331 (2016)."
    field = page.get_by_label("Compare S/RES/2388 (2017) with")
    assert field.get_attribute("aria-invalid") == "true"
    assert field.input_value() == "S/RES/2331 (2015)"


def test_a_comparison_fits_a_phone(phone_context, seeds, live_server):
    page = phone_context.new_page()
    page.goto(COMPARED)
    changed = page.locator("tr.cmp__row--changed")
    assert changed.locator("ins").is_visible()
    # The two paragraphs stack: the later one is below the earlier, not beside it.
    earlier = changed.locator("td.cmp__side--earlier").bounding_box()
    later = changed.locator("td.cmp__side--later").bounding_box()
    assert later["y"] >= earlier["y"] + earlier["height"] - 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
