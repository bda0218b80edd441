"""Backup and restore: `make backup` dumps every model of every app (sources verbatim,
aliases, and whatever tables come later), `make restore` loads it into a fresh database, and
the restored archive serves every permalink of the old one identically."""

import gzip
import json

import pytest
from django.apps import apps
from django.core.management import call_command

from resolutions.models import Paragraph, ParagraphAlias, Resolution, Source
from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def permalinks() -> list[str]:
    """Every address the archive serves for what it holds."""
    urls = ["/", "/resolutions/", "/search/?q=trafficking", "/search.json?q=trafficking"]
    for number in Resolution.objects.values_list("number", flat=True):
        urls += [f"/resolutions/{number}/", f"/resolutions/{number}.json"]
        urls.append(f"/resolutions/{number}.txt")
    for number, pid in Paragraph.objects.values_list("resolution__number", "pid"):
        urls.append(f"/resolutions/{number}/{pid}/")
    for number, pid in ParagraphAlias.objects.values_list("resolution__number", "pid"):
        urls.append(f"/resolutions/{number}/{pid}/")
    return urls


def served(client, urls: list[str]) -> dict[str, tuple[int, str, bytes]]:
    answers = {}
    for url in urls:
        response = client.get(url)
        answers[url] = (response.status_code, response.get("Location", ""), response.content)
    return answers


def empty_every_table() -> None:
    for model in apps.get_models():
        if model._meta.app_label != "contenttypes" and model._meta.managed:
            model.objects.all().delete()


def backup_restore_round_trip(client, tmp_path) -> dict:
    urls = permalinks()
    before = served(client, urls)
    sources = sorted(Source.objects.values_list("checksum", "raw_text"))
    backup = tmp_path / "archive.json.gz"
    call_command("dumpdata", exclude=["contenttypes"], output=str(backup), verbosity=0)
    empty_every_table()
    assert Resolution.objects.count() == 0
    assert all(status == 404 for status, _l, _b in served(client, urls[4:8]).values())
    call_command("loaddata", str(backup), verbosity=0)
    assert sorted(Source.objects.values_list("checksum", "raw_text")) == sources
    after = served(client, urls)
    changed = [url for url in urls if after[url] != before[url]]
    assert changed == []
    return {"urls": len(urls), "backup": backup}


def test_a_restored_archive_serves_every_permalink_identically(client, tmp_path):
    ingest_paths(paths=[SEEDS])
    record = tmp_path / "records" / "2017.json"
    record.parent.mkdir()
    record.write_text(json.dumps({"symbol": "S/RES/2388 (2017)", "agenda_item_name": "X"}) + "\n")
    ingest_paths(paths=[record])
    result = backup_restore_round_trip(client, tmp_path)
    assert result["urls"] > 40
    with gzip.open(result["backup"], "rt") as dump:
        models = {row["model"] for row in json.load(dump)}
    assert {"resolutions.resolution", "resolutions.source", "resolutions.paragraph"} <= models
    assert "resolutions.crossreference" in models


def test_aliases_survive_the_round_trip(client, tmp_path):
    ingest_paths(paths=[SEEDS])
    resolution = Resolution.objects.get(number=2388)
    target = Paragraph.objects.get(resolution=resolution, pid="op6")
    ParagraphAlias.objects.create(resolution=resolution, pid="pp-99", paragraph=target)
    assert client.get("/resolutions/2388/pp-99/").status_code in (301, 302)
    backup_restore_round_trip(client, tmp_path)
    assert ParagraphAlias.objects.filter(pid="pp-99").exists()


def test_timestamps_survive_the_round_trip_to_the_microsecond(tmp_path):
    ingest_paths(paths=[SEEDS])
    Resolution.objects.filter(number=2388).update(
        updated_at=Resolution.objects.get(number=2388).updated_at.replace(microsecond=123456)
    )
    before = dict(Resolution.objects.values_list("number", "updated_at"))
    backup = tmp_path / "backup.json.gz"
    call_command("dumpdata", exclude=["contenttypes"], output=str(backup), verbosity=0)
    empty_every_table()
    call_command("loaddata", str(backup), verbosity=0)
    # Django's own JSON encoder keeps milliseconds only; the resolution JSON shows updated_at.
    assert dict(Resolution.objects.values_list("number", "updated_at")) == before
    assert before[2388].microsecond == 123456
