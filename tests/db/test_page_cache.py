"""Rendered pages kept per worker (resolutions/views/page_cache.py), on both engines: the kept
page is the page, an ingest that changes what a page shows gives the new page at once, and
what differs between requests (address, host, highlighted words) is never mixed up."""

from __future__ import annotations

import io
import time

import pytest
from django.core.cache import caches
from django.core.management import call_command

from resolutions.lineage.services import lineage_update
from resolutions.models import Paragraph
from tests.db.exports_helpers import new_resolution_xml

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/resolutions/",
    "/resolutions/2388/",
    "/resolutions/2388/op31/",
    "/resolutions/2388.json",
]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    caches["pages"].clear()
    yield caches["pages"]
    caches["pages"].clear()


def _fresh(client, settings, url, **extra):
    settings.PAGE_CACHE = False
    try:
        return client.get(url, **extra)
    finally:
        settings.PAGE_CACHE = True


@pytest.mark.parametrize("url", PAGES)
def test_a_kept_page_is_the_page(client, seed_archive, page_cache, settings, url):
    first = client.get(url)
    kept = client.get(url)
    assert first.status_code == kept.status_code == 200
    assert kept.content == first.content == _fresh(client, settings, url).content
    assert kept["Content-Type"] == first["Content-Type"]
    assert kept["Last-Modified" if "resolutions/2" in url else "ETag"]
    assert "Content-Security-Policy" in kept  # the middleware still dresses a kept page


def test_an_ingest_shows_at_once(client, seed_archive, page_cache, settings, tmp_path):
    settings.BULK_EXPORT_DIR = tmp_path / "bulk"
    before = client.get("/").content.decode()
    assert "S/RES/2799" not in before
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml())
    call_command("ingest", str(tmp_path / "S_RES_2799.xml"), stdout=io.StringIO())
    assert "S/RES/2799" in client.get("/").content.decode()
    assert "S/RES/2799" in client.get("/resolutions/").content.decode()
    # 2799 cites 2388 (2017): 2388's page now lists it under "Cited by".
    assert "S/RES/2799" in client.get("/resolutions/2388/").content.decode()


def test_a_later_reuse_shows_on_the_earlier_paragraph_at_once(
    client, seed_archive, page_cache, settings, tmp_path
):
    settings.BULK_EXPORT_DIR = tmp_path / "bulk"
    settings.LINEAGE_AT_INGEST = True
    lineage_update()
    url = "/resolutions/2331/op16/"
    assert "/resolutions/2799/op3/" not in client.get(url).content.decode()
    op16 = Paragraph.objects.get(resolution__number=2331, pid="op16").text
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml(more=(op16,)))
    call_command("ingest", str(tmp_path / "S_RES_2799.xml"), stdout=io.StringIO())
    assert "/resolutions/2799/op3/" in client.get(url).content.decode()


def test_manage_py_lineage_run_apart_from_an_ingest_shows_at_once(
    client, seed_archive, page_cache, settings, tmp_path
):
    settings.BULK_EXPORT_DIR = tmp_path / "bulk"
    settings.LINEAGE_AT_INGEST = False
    op16 = Paragraph.objects.get(resolution__number=2331, pid="op16").text
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml(more=(op16,)))
    call_command("ingest", str(tmp_path / "S_RES_2799.xml"), stdout=io.StringIO())
    url = "/resolutions/2331/op16/"
    before = client.get(url)
    assert "/resolutions/2799/op3/" not in before.content.decode()
    time.sleep(1.1)  # Last-Modified counts whole seconds
    call_command("lineage", stdout=io.StringIO())
    assert "/resolutions/2799/op3/" in client.get(url).content.decode()
    # ... and a browser holding the old page is not told it is still current.
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=before["Last-Modified"])
    assert again.status_code == 200


def test_what_differs_between_requests_is_kept_apart(client, seed_archive, page_cache, settings):
    plain = client.get("/resolutions/2388/op31/").content.decode()
    marked = client.get("/resolutions/2388/op31/?q=supply").content.decode()
    assert "<mark>" not in plain and "<mark>" in marked
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    elsewhere = client.get("/resolutions/2388.json", HTTP_HOST="other.example").content.decode()
    assert "http://other.example/resolutions/2388/" in elsewhere
    here = client.get("/resolutions/2388.json").content.decode()
    assert "other.example" not in here


def test_missing_pages_and_refusals_are_not_kept(client, seed_archive, page_cache):
    assert client.get("/resolutions/2389/").status_code == 404
    assert client.get("/resolutions/?year=abc").status_code == 400
    assert client.get("/resolutions/2388/op99/").status_code == 404
    kept_before = len(page_cache._cache)
    assert client.get("/resolutions/2389/").status_code == 404
    assert len(page_cache._cache) == kept_before == 0
