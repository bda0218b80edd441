"""A long annex is folded on the resolution page (S/RES/2231's runs to 1,300 paragraphs), with
every paragraph still in the page under its anchor; a short annex is shown as it is."""

from __future__ import annotations

import pytest

from resolutions.views.pages import FOLD_ANNEX_OVER
from tests.factories import make_paragraph, make_resolution

pytestmark = pytest.mark.django_db


def _resolution_with_annexes(long: int, short: int):
    resolution = make_resolution(2231, 2015)
    make_paragraph(resolution, "Endorses the Joint Comprehensive Plan of Action;", number=1)
    for n in range(1, long + 1):
        make_paragraph(
            resolution, f"Long annex item {n}.", kind="annex", pid=f"annex1-{n}", annex="Annex A"
        )
    for n in range(1, short + 1):
        make_paragraph(
            resolution, f"Short annex item {n}.", kind="annex", pid=f"annex2-{n}", annex="Annex B"
        )
    return resolution


def test_a_long_annex_is_folded_and_every_paragraph_keeps_its_anchor(client):
    _resolution_with_annexes(FOLD_ANNEX_OVER + 1, 3)
    html = client.get("/resolutions/2231/").content.decode()
    assert html.count('<details class="doc-section__fold">') == 1
    fold = html.index('<details class="doc-section__fold">')
    assert f"Show the {FOLD_ANNEX_OVER + 1} paragraphs of Annex A" in html
    for n in range(1, FOLD_ANNEX_OVER + 2):
        assert html.index(f'id="annex1-{n}"') > fold
    # The short annex and the operative part are not folded, and the table of contents
    # still leads to the folded annex's heading.
    closing = html.index("</details>", fold)
    assert html.index('id="annex2-1"') > closing
    assert html.index('id="op1"') < fold
    assert 'href="#annex-a"' in html


def test_an_annex_at_the_limit_is_shown_whole(client):
    _resolution_with_annexes(FOLD_ANNEX_OVER, 3)
    assert "doc-section__fold" not in client.get("/resolutions/2231/").content.decode()
