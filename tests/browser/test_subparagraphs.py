"""What a person does with a sub-paragraph: search a phrase inside one, land on it, cite it, and
find it in the whole resolution (a real resolution from the UN's corpus; skipped without it)."""

from __future__ import annotations

import re
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.corpus]

PHRASE = '"forcible recruitment of children by such groups"'


@pytest.fixture
def haiti(transactional_db, corpus, tmp_path):
    """S/RES/2653 (2022): paragraph 16 lists (a) to (h)."""
    from resolutions.services.ingest import ingest_paths

    shutil.copy(corpus / "xml" / "2022" / "S_RES_2653_2223898E.xml", tmp_path)
    ingest_paths(paths=[tmp_path])


def test_search_lands_on_the_sub_paragraph_and_finds_it_in_the_resolution(page, haiti):
    from playwright.sync_api import expect  # here: the browser fixture skips without it

    page.goto("/")
    page.get_by_label("Search paragraphs").fill(PHRASE)
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search/\?"))
    page.locator('a[href^="/resolutions/2653/op16/a/"]').first.click()
    page.wait_for_url(re.compile(r"/resolutions/2653/op16/a/\?q="))
    assert page.locator("h1").inner_text() == "Operative paragraph 16 (a)"
    assert page.get_by_text("S/RES/2653 (2022), para. 16 (a)", exact=True).is_visible()
    marked = page.locator(".context__current mark").all_inner_texts()
    assert marked == ["forcible recruitment of children by such groups"]

    page.get_by_role("link", name="Read it in the whole resolution").click()
    page.wait_for_url(re.compile(r"/resolutions/2653/\?q=.*#op16_a$"))
    item = page.locator("#op16_a")
    expect(item).to_be_in_viewport()  # the browser scrolled to the anchor
    # Its printed label is the way to its own page.
    item.get_by_role("link", name="a.").click()
    page.wait_for_url(re.compile(r"/resolutions/2653/op16/a/$"))
