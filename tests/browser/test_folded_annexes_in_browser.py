"""A reader following a link to a paragraph of a folded annex sees it: the fold opens."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def long_annex(transactional_db):
    from resolutions.views.pages import FOLD_ANNEX_OVER
    from tests.factories import make_paragraph, make_resolution

    resolution = make_resolution(2231, 2015)
    make_paragraph(resolution, "Endorses the Joint Comprehensive Plan of Action;", number=1)
    for n in range(1, FOLD_ANNEX_OVER + 11):
        make_paragraph(
            resolution, f"Annex item {n}.", kind="annex", pid=f"annex1-{n}", annex="Annex A"
        )


def test_a_link_into_a_folded_annex_opens_it(page, long_annex):
    from playwright.sync_api import expect  # here: the browser fixture skips without it

    page.goto("/resolutions/2231/")
    fold = page.locator("details.doc-section__fold")
    expect(fold).not_to_have_attribute("open", "")
    expect(page.locator("#annex1-45")).to_be_hidden()
    page.goto("/resolutions/2231/#annex1-45")
    expect(page.locator("#annex1-45")).to_be_visible()
    expect(page.locator("#annex1-45")).to_be_in_viewport()
    # Folded again by the reader, and opened by the summary like any fold.
    page.goto("/resolutions/2231/")
    page.get_by_text("Show the 50 paragraphs of Annex A").click()
    expect(page.locator("#annex1-1")).to_be_visible()
