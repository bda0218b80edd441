"""Lineage computed at ingest, on SQLite and PostgreSQL: what a drafter sees on a permalink,
on the resolution page and in the JSON."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from resolutions.lineage.serializers import paragraph_lineage_dict
from resolutions.lineage.services import lineage_update
from resolutions.models import LineageLink, Paragraph
from tests.db.exports_helpers import ORIGIN, validate_response
from tests.factories import make_paragraph, make_resolution

pytestmark = pytest.mark.django_db

OLD = (
    "Requests the Counter-Terrorism Committee Executive Directorate, within its existing "
    "mandate, to include in its country assessments information regarding efforts to address "
    "trafficking in persons"
)
NEW = OLD.replace("to include", "to increase its efforts to include")


@pytest.fixture
def pair():
    older = make_resolution(2331, 2016)
    newer = make_resolution(2388, 2017)
    source = make_paragraph(older, OLD, pid="op16", number=16)
    reuse = make_paragraph(newer, NEW, pid="op12", number=12)
    make_paragraph(newer, "Decides to remain seized of the matter", pid="op13", number=13)
    return older, newer, source, reuse


def test_later_paragraph_lists_earlier_source_and_origin(pair, client):
    older, newer, source, reuse = pair
    lineage_update()
    data = paragraph_lineage_dict(reuse, origin=ORIGIN)
    assert [s["symbol"] for s in data["sources"]] == [older.symbol]
    assert data["first_agreed_in"]["id"] == "op16"
    reused = paragraph_lineage_dict(source, origin=ORIGIN)["reused_in"]
    assert reused[0]["url"] == ORIGIN + reuse.get_absolute_url()
    page = client.get(reuse.get_absolute_url()).content.decode()
    assert "First agreed in" in page and "<ins>increase its efforts to</ins>" in page


def test_rerun_changes_nothing_and_a_changed_text_updates_the_other(pair):
    older, newer, source, reuse = pair
    assert lineage_update().changed == 1
    assert lineage_update(resolution_ids={older.id, newer.id}).changed == 0
    Paragraph.objects.filter(pk=source.pk).update(text="Something else entirely, now.")
    assert lineage_update(resolution_ids={older.id}).deleted == 1
    assert not LineageLink.objects.exists()


def test_the_lineage_command_computes_what_an_ingest_left(pair, capsys):
    from django.core.management import call_command

    call_command("lineage")
    assert LineageLink.objects.count() == 1
    assert "links 1 new" in capsys.readouterr().out


# --- JSON ----------------------------------------------------------------------------------------

SOURCE_JSON = {
    "symbol": "S/RES/2331 (2016)",
    "resolution": 2331,
    "id": "op16",
    "citation": "S/RES/2331 (2016), para. 16",
    "share": 0.923,
    "reuse": "partial",
    "url": f"{ORIGIN}/resolutions/2331/op16/",
    "json_url": f"{ORIGIN}/resolutions/2331/op16.json",
}


def test_paragraph_json_carries_its_sources_with_absolute_urls(pair, client):
    lineage_update()
    response = client.get("/resolutions/2388/op12.json")
    validate_response("/resolutions/{number}/{pid}.json", response)
    lineage = response.json()["lineage"]
    assert lineage == {
        "sources": [SOURCE_JSON],
        "first_agreed_in": SOURCE_JSON,
        "reused_in": [],
        "reused_in_count": 0,
    }
    # A paragraph without agreed language still has the key, with nothing in it.
    quiet = client.get("/resolutions/2388/op13.json").json()["lineage"]
    assert quiet == {"sources": [], "first_agreed_in": None, "reused_in": [], "reused_in_count": 0}


def test_resolution_json_gives_each_paragraph_its_reuses(pair, client):
    lineage_update()
    response = client.get("/resolutions/2331.json")
    validate_response("/resolutions/{number}.json", response)
    [op16] = response.json()["paragraphs"]
    assert op16["lineage"]["reused_in"] == [
        {
            **SOURCE_JSON,
            "symbol": "S/RES/2388 (2017)",
            "resolution": 2388,
            "id": "op12",
            "citation": "S/RES/2388 (2017), para. 12",
            "url": f"{ORIGIN}/resolutions/2388/op12/",
            "json_url": f"{ORIGIN}/resolutions/2388/op12.json",
        }
    ]
    assert op16["lineage"]["reused_in_count"] == 1


def test_bulk_download_carries_the_lineage(pair, tmp_path, settings):
    settings.BULK_EXPORT_DIR = tmp_path
    settings.SITE_ORIGIN = "https://archive.example.org"
    lineage_update()
    call_command("export_bulk", stdout=io.StringIO())
    lines = [json.loads(line) for line in (tmp_path / "resolutions.jsonl").read_text().splitlines()]
    by_id = {(r["number"], p["id"]): p["lineage"] for r in lines for p in r["paragraphs"]}
    assert by_id[(2388, "op12")]["sources"][0]["url"] == (
        "https://archive.example.org/resolutions/2331/op16/"
    )
    assert by_id[(2331, "op16")]["reused_in_count"] == 1
    assert by_id[(2388, "op13")]["sources"] == []


def test_reused_in_is_newest_first_capped_and_counted(client):
    first = make_resolution(2000, 2011, adopted_on=date(2011, 7, 1))
    make_paragraph(first, OLD, pid="op1", number=1)
    for n in range(1, 26):
        later = make_resolution(2000 + n, 2012, adopted_on=date(2012, 1, n))
        make_paragraph(later, OLD + f" in year {n}", pid="op1", number=1)
    lineage_update()
    response = client.get("/resolutions/2000/op1.json")
    validate_response("/resolutions/{number}/{pid}.json", response)
    lineage = response.json()["lineage"]
    assert lineage["reused_in_count"] == 25
    assert [r["resolution"] for r in lineage["reused_in"]] == list(range(2025, 2005, -1))
    # Every later one names the first as where the wording was first agreed.
    later = client.get("/resolutions/2025/op1.json").json()["lineage"]
    assert later["first_agreed_in"]["resolution"] == 2000
    assert [s["resolution"] for s in later["sources"]] == [2024, 2023, 2022]


# --- The resolution page -------------------------------------------------------------------------


def test_resolution_page_gives_each_paragraph_one_line_of_agreed_language(pair, client):
    lineage_update()
    page = client.get("/resolutions/2388/").content.decode()
    assert page.count('class="para__lineage"') == 1  # op12 only: op13 has no agreed language
    line = page[page.index('class="para__lineage"') :].split("</p>", 1)[0]
    assert 'href="/resolutions/2388/op12/#lineage">Agreed language<span' in line
    assert 'reuses <a href="/resolutions/2331/op16/">S/RES/2331 (2016), para. 16</a> (92 %)' in line
    assert "where it was first agreed" in line
    older = client.get("/resolutions/2331/").content.decode()
    assert "reused in 1 later paragraph<span" in older and "first agreed here" in older
    permalink = client.get("/resolutions/2388/op12/").content.decode()
    assert 'id="lineage"' in permalink


def test_the_lines_cost_the_same_queries_however_many_paragraphs_have_them(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(number: int, paragraphs: int) -> int:
        older = make_resolution(number - 1, 2016)
        newer = make_resolution(number, 2017)
        for n in range(1, paragraphs + 1):
            make_paragraph(older, f"{OLD} number {n}", pid=f"op{n}", number=n)
            make_paragraph(newer, f"{NEW} number {n}", pid=f"op{n}", number=n)
        lineage_update()
        with CaptureQueriesContext(connection) as captured:
            page = client.get(f"/resolutions/{number}/").content.decode()
        assert page.count('class="para__lineage"') == paragraphs
        return len(captured)

    assert queries(2400, 5) == queries(2500, 50)


def test_a_new_resolution_computes_its_own_lineage_without_recomputing_the_rest(pair, client):
    older, newer, source, reuse = pair
    unrelated = make_resolution(2100, 2013)
    for n in range(1, 6):
        make_paragraph(
            unrelated, f"Welcomes the report number {n} of the Panel of Experts", number=n
        )
    lineage_update()
    latest = make_resolution(2600, 2021)
    make_paragraph(latest, NEW + " and to report", pid="op1", number=1)
    counts = lineage_update(resolution_ids={latest.id})
    # Its own paragraph and the two it resembles; not the unrelated five.
    assert counts.paragraphs == 3 and counts.created == 2
    reused = paragraph_lineage_dict(source, origin=ORIGIN)
    assert reused["reused_in_count"] == 2
    assert reused["reused_in"][0]["resolution"] == 2600  # newest first
    assert lineage_update(resolution_ids={latest.id}).changed == 0
