"""Lineage computed at ingest, on SQLite and PostgreSQL: what a drafter sees on a permalink."""

import pytest

from resolutions.lineage.serializers import paragraph_lineage_dict
from resolutions.lineage.services import lineage_update
from resolutions.models import LineageLink, Paragraph
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
    data = paragraph_lineage_dict(reuse)
    assert [s["symbol"] for s in data["sources"]] == [older.symbol]
    assert data["first_agreed_in"]["id"] == "op16"
    assert paragraph_lineage_dict(source)["reused_in"][0]["url"] == reuse.get_absolute_url()
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
