"""What a reader sees of the resolution as the UN prints it: the tab and heading name the
resolution by its short title, the enacting words open the text, opening words and verbs are
in italics, and member names are spelled as the UN spells them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[1] / "unit" / "akn_samples" / "resolution.xml"
TITLE = "on trafficking in persons in armed conflicts"


@pytest.fixture
def printed_archive(transactional_db, tmp_path):
    """S/RES/2388 (2017) from a sample of its XML and a record, ingested for real."""
    from resolutions.services.ingest import ingest_paths

    record = {
        "symbol": "S/RES/2388 (2017)",
        "adoption_date": "21 November 2017",
        "resolution_title": f"Security Council resolution 2388 (2017) [{TITLE}]",
        "adoption_type": "Adopted unanimously, 8111th meeting",
        "MS_in_favour": ["TÜRKİYE", "CÔTE D'IVOIRE"],
    }
    (tmp_path / "2017.json").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "S_RES_2388.xml").write_bytes(SAMPLE.read_bytes())
    ingest_paths(paths=[tmp_path])


def font_style(locator) -> str:
    return locator.evaluate("el => getComputedStyle(el).fontStyle")


def test_a_resolution_reads_as_printed(page, printed_archive):
    page.goto("/resolutions/2388/")
    assert page.title().startswith(f"S/RES/2388 (2017) {TITLE} –")
    assert page.locator("h1").inner_text() == f"S/RES/2388 (2017) {TITLE}"

    formula = page.locator(".document .formula")
    assert formula.inner_text() == "The Security Council,"
    assert font_style(formula.locator("i")) == "italic"
    first = page.locator(".document .para").first
    assert first.locator(".para__body").inner_text().startswith("Recalling Presidential")
    assert first.locator("i").first.inner_text() == "Recalling"
    assert font_style(first.locator("i").first) == "italic"

    page.get_by_text("How members voted").click()
    votes = page.locator("details.votes").inner_text()
    assert "Türkiye" in votes and "Côte d’Ivoire" in votes
