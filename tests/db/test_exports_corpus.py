"""Exports over the whole UN corpus (skips without ../shared; CI needs it): the sitemap lists
every permalink, the CSV of a common phrase has a row per hit, 2388's Akoma Ntoso export
re-ingests to the same paragraphs, and the bulk download holds everything."""

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest
from django.core.management import call_command

from resolutions.models import Paragraph, Resolution
from resolutions.services.ingest import ingest_paths
from tests.db.exports_helpers import ORIGIN, validate_response

pytestmark = [pytest.mark.corpus]
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def whole_corpus(corpus, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ingest_paths(paths=[corpus / "xml", corpus / "metadata"])
        yield corpus
        Resolution.objects.all().delete()


def _paragraphs(number: int) -> list[tuple]:
    return list(
        Paragraph.objects.filter(resolution__number=number)
        .order_by("position")
        .values_list("pid", "kind", "number", "text")
    )


@pytest.mark.django_db
def test_sitemap_lists_every_permalink_of_the_corpus(client, whole_corpus):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    found: list[str] = []
    for loc in index.findall("s:sitemap/s:loc", SITEMAP):
        part = client.get(loc.text.removeprefix(ORIGIN))
        urls = ET.fromstring(part.content).findall("s:url/s:loc", SITEMAP)
        assert 0 < len(urls) <= 50_000
        found += [url.text for url in urls]
    numbers = Resolution.objects.values_list("number", flat=True)
    pids = Paragraph.objects.values_list("resolution__number", "pid")
    expected = {f"{ORIGIN}/resolutions/{n}/" for n in numbers}
    expected |= {f"{ORIGIN}/resolutions/{n}/{pid}/" for n, pid in pids}
    assert len(found) == len(set(found)) == len(expected) > 40_000
    assert set(found) == expected


@pytest.mark.django_db
def test_csv_of_trafficking_in_persons_has_a_row_per_hit(client, whole_corpus):
    total = client.get("/search.json", {"q": "trafficking in persons"}).json()["total"]
    response = client.get("/search.csv", {"q": "trafficking in persons"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) - 1 == total > 100  # more than one page of the search's largest page
    assert len({row[-1] for row in rows[1:]}) == total


@pytest.mark.django_db
def test_akn_export_of_2388_from_the_corpus_reingests_to_the_same_paragraphs(
    client, whole_corpus, tmp_path
):
    before = _paragraphs(2388)
    assert len(before) == 24 + 35
    (tmp_path / "S_RES_2388.xml").write_bytes(client.get("/resolutions/2388.akn.xml").content)
    Resolution.objects.filter(number=2388).delete()
    ingest_paths(paths=[tmp_path / "S_RES_2388.xml"])
    assert _paragraphs(2388) == before  # identifiers, kinds, numbers and texts
    resolution = Resolution.objects.get(number=2388)
    assert (resolution.adopted_on.isoformat(), resolution.meeting) == ("2017-11-21", "8111th")


@pytest.mark.django_db
def test_bulk_download_of_the_corpus(client, whole_corpus, tmp_path, settings):
    settings.BULK_EXPORT_DIR = tmp_path
    call_command("export_bulk", stdout=io.StringIO())
    manifest = client.get("/downloads/manifest.json")
    validate_response("/downloads/manifest.json", manifest)
    counts = json.loads(manifest.content)["counts"]
    assert counts == {
        "resolutions": Resolution.objects.count(),
        "paragraphs": Paragraph.objects.count(),
    }
    with (tmp_path / "resolutions.jsonl").open(encoding="utf-8") as lines:
        first = json.loads(next(lines))
    assert first["number"] == Resolution.objects.order_by("number").first().number
