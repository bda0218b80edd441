"""Feeds, exports and the JSON API as other programs meet them, on both engines: a feed reader,
a spreadsheet, a reference manager, a crawler, a script reading the JSON."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from xml.etree import ElementTree as ET

import bibtexparser
import feedparser
import pytest
import rispy
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from resolutions.addresses import item_paths
from resolutions.exports import tables
from resolutions.exports.sitemaps import ParagraphSitemap, SubParagraphSitemap
from resolutions.lineage.services import lineage_update
from resolutions.models import Paragraph, ParagraphAlias, Resolution
from resolutions.services.ingest import ingest_paths
from tests.conftest import REPO, SEEDS
from tests.db.exports_helpers import ORIGIN, SPEC, new_resolution_xml, validate_response
from tests.hostile import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def atom(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert response["Access-Control-Allow-Origin"] == "*"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.id and feed.feed.updated and feed.feed.author
    for entry in feed.entries:
        assert entry.id and entry.updated and entry.title
        assert entry.link.startswith(ORIGIN + "/resolutions/")
    return feed


# --- Feeds -------------------------------------------------------------------------------------


def test_reuses_feed_follows_a_paragraphs_wording_into_later_resolutions(
    client, seed_archive, tmp_path, settings
):
    lineage_update()
    feed = atom(client, "/resolutions/2331/op16/reuses.atom")
    assert feed.feed.title == "Reuses of S/RES/2331 (2016), para. 16"
    assert feed.entries == []  # the seeds hold no later paragraph repeating it
    # A new resolution repeating op 16, word for word and then with a few words changed:
    # after its ingest, a feed reader sees both, in the order of the text.
    settings.BULK_EXPORT_DIR = tmp_path / "bulk"
    settings.LINEAGE_AT_INGEST = True
    op16 = Paragraph.objects.get(resolution__number=2331, pid="op16").text
    changed = op16.replace("terrorist acts", "acts of terrorism")
    assert changed != op16
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml(more=(op16, changed)))
    call_command("ingest", str(tmp_path / "S_RES_2799.xml"), stdout=io.StringIO())
    after = atom(client, "/resolutions/2331/op16/reuses.atom")
    assert [e.link for e in after.entries] == [
        f"{ORIGIN}/resolutions/2799/op3/",
        f"{ORIGIN}/resolutions/2799/op4/",
    ]
    assert after.entries[0].title == "S/RES/2799 (2025), para. 3: 100 % of the wording"
    assert after.entries[1].title.startswith("S/RES/2799 (2025), para. 4: 9")
    assert after.entries[0].published.startswith("2025-12-01")


def test_reuses_feed_is_offered_where_the_lineage_is_shown(client, seed_archive):
    page = client.get("/resolutions/2331/op16/").content.decode()
    assert 'type="application/atom+xml" href="/resolutions/2331/op16/reuses.atom"' in page
    assert "Follow reuses of this wording" in page
    # A paragraph nobody reused yet still has its (empty, valid) feed.
    assert atom(client, "/resolutions/2388/op31/reuses.atom").entries == []


@pytest.mark.parametrize("pid", ["op99", "op1%00", "..", "x" * 60])
def test_reuses_feed_of_a_paragraph_that_is_not_there_is_a_404(client, seed_archive, pid):
    assert client.get(f"/resolutions/2331/{pid}/reuses.atom").status_code == 404


def test_feed_reader_sees_a_new_resolution_after_an_ingest(client, tmp_path, settings):
    settings.BULK_EXPORT_DIR = tmp_path / "bulk"
    call_command("ingest", str(SEEDS), stdout=io.StringIO())
    before = atom(client, "/feeds/newest.atom")
    assert [e.link for e in before.entries] == [
        f"{ORIGIN}/resolutions/2388/",
        f"{ORIGIN}/resolutions/2331/",
    ]
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml())
    call_command("ingest", str(tmp_path / "S_RES_2799.xml"), stdout=io.StringIO())
    after = atom(client, "/feeds/newest.atom")
    assert after.entries[0].link == f"{ORIGIN}/resolutions/2799/"
    assert after.entries[0].title == "S/RES/2799 (2025)"
    assert after.entries[0].published.startswith("2025-12-01")
    # ... and the bulk download, rewritten by that ingest, holds it too.
    manifest = json.loads((tmp_path / "bulk" / "manifest.json").read_text())
    assert manifest["counts"]["resolutions"] == 3


def test_trafficking_feed_lists_only_the_collection(client, seed_archive, tmp_path):
    (tmp_path / "S_RES_2799.xml").write_bytes(new_resolution_xml())
    ingest_paths(paths=[tmp_path / "S_RES_2799.xml"])
    Resolution.objects.filter(number=2331).update(addresses_trafficking=False)
    feed = atom(client, "/feeds/trafficking.atom")
    numbers = [int(re.search(r"/resolutions/(\d+)/", e.link)[1]) for e in feed.entries]
    assert numbers == [2799, 2388]  # newest first; 2331 now outside the collection


def test_search_feed_keeps_the_filters_and_links_the_highlighted_paragraph(client, seed_archive):
    feed = atom(client, "/feeds/search.atom?q=trafficking&year_from=2017&kind=operative")
    assert feed.entries
    for entry in feed.entries:
        assert entry.title.startswith("S/RES/2388 (2017), OP ")
        assert "?q=trafficking" in entry.link
    everything = atom(client, "/feeds/search.atom?q=trafficking")
    assert len(everything.entries) > len(feed.entries)
    assert "year_from=2017" in feed.feed.links[1].href or any(
        "year_from=2017" in link.href for link in feed.feed.links
    )


@pytest.mark.parametrize("params", ["year_from=abc", "kind=nonsense", "trafficking=maybe"])
def test_search_feed_refuses_bad_filters_with_a_message(client, seed_archive, params):
    response = client.get(f"/feeds/search.atom?q=trafficking&{params}")
    assert response.status_code == 400
    assert response.content.decode().startswith("Invalid search parameters.")


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_never_break_the_feed_or_the_csv(client, seed_archive, query):
    for path in ("/feeds/search.atom", "/search.csv"):
        response = client.get(path, {"q": query})
        assert response.status_code in (200, 400), (path, query)
        if response.status_code == 200 and path == "/search.csv":
            b"".join(response.streaming_content)


# --- CSV ---------------------------------------------------------------------------------------


def csv_rows(response) -> list[list[str]]:
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_csv_has_one_row_per_hit_across_pages(client, seed_archive, monkeypatch):
    Resolution.objects.filter(number=2388).update(adopted_on="2017-11-21")
    monkeypatch.setattr(tables, "MAX_PER_PAGE", 3)  # many pages even for the seeds
    total = client.get("/search.json", {"q": "trafficking in persons"}).json()["total"]
    response = client.get("/search.csv", {"q": "trafficking in persons"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["X-Total-Hits"] == str(total)
    rows = csv_rows(response)
    assert rows[0] == list(tables.COLUMNS)
    assert len(rows) - 1 == total > 3
    urls = [row[-1] for row in rows[1:]]
    assert len(set(urls)) == len(urls)  # no hit twice across pages
    by_url = {row[-1]: row for row in rows[1:]}
    op6 = by_url[f"{ORIGIN}/resolutions/2388/op6/"]
    assert op6[:7] == [
        "S/RES/2388 (2017)",
        "2388",
        "2017",
        "2017-11-21",
        "op6",
        "OP 6",
        "operative",
    ]
    assert op6[7] == Paragraph.objects.get(resolution__number=2388, pid="op6").text


def test_csv_is_bounded_and_says_so(client, seed_archive, monkeypatch):
    monkeypatch.setattr(tables, "MAX_ROWS", 4)
    response = client.get("/search.csv", {"q": "trafficking"})
    assert len(csv_rows(response)) == 1 + 4
    assert response["X-Rows"] == "4"
    assert response["X-Rows-Truncated"].startswith("the first 4 of ")


def test_csv_filters_apply(client, seed_archive):
    rows = csv_rows(client.get("/search.csv", {"q": "trafficking", "year_to": "2016"}))
    assert rows[1:] and {row[0] for row in rows[1:]} == {"S/RES/2331 (2016)"}


# --- Citations ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "pinpoint"),
    [("/resolutions/2388", "S/RES/2388 (2017)"), ("/resolutions/2388/op31", "para. 31")],
)
def test_citations_import_into_reference_managers(client, seed_archive, path, pinpoint):
    Resolution.objects.filter(number=2388).update(adopted_on="2017-11-21")
    bib = client.get(path + ".bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    [entry] = bibtexparser.parse_string(bib.content.decode()).entries
    assert pinpoint in entry["number"] and entry["year"] == "2017"
    assert entry["url"] == f"{ORIGIN}{path}/"
    ris = client.get(path + ".ris")
    [record] = rispy.loads(ris.content.decode())
    assert record["type_of_reference"] == "GOVDOC" and pinpoint in record["note"]
    assert record["urls"] == [f"{ORIGIN}{path}/"]
    csl = client.get(path + ".csl.json")
    validate_response(
        "/resolutions/{number}/{pid}.csl.json"
        if "op31" in path
        else "/resolutions/{number}.csl.json",
        csl,
    )
    assert csl.json()[0]["issued"]["date-parts"] == [[2017, 11, 21]]
    for response in (bib, ris, csl):
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Last-Modified"]


# --- Akoma Ntoso -------------------------------------------------------------------------------


def _paragraphs(number: int) -> list[tuple]:
    return list(
        Paragraph.objects.filter(resolution__number=number)
        .order_by("position")
        .values_list("pid", "kind", "number", "text")
    )


def test_akn_export_of_the_seeds_2388_reingests_to_the_same_paragraphs(
    client, seed_archive, tmp_path
):
    before = _paragraphs(2388)
    response = client.get("/resolutions/2388.akn.xml")
    assert response["Content-Type"] == "application/akn+xml; charset=utf-8"
    (tmp_path / "S_RES_2388.xml").write_bytes(response.content)
    Resolution.objects.all().delete()
    ingest_paths(paths=[tmp_path / "S_RES_2388.xml"])
    after = _paragraphs(2388)
    # The XML, like the UN's, says nothing of missing pages: the three preambular paragraphs
    # the seeds hold only from the end of the preamble (pp-3 .. pp-1) are counted from the top
    # when the export is read as a text of its own. Everything else is identical.
    assert [p[1:] for p in after] == [p[1:] for p in before]
    assert [p[0] for p in after if p[1] != "preambular"] == [
        p[0] for p in before if p[1] != "preambular"
    ]


# --- JSON and the OpenAPI description ----------------------------------------------------------


def test_resolution_json_has_everything_the_page_shows(client, seed_archive):
    data = client.get("/resolutions/2388.json").json()
    assert data["schema_version"] == SPEC["info"]["version"]
    assert data["url"] == f"{ORIGIN}/resolutions/2388/"
    assert data["completeness"] == {
        "text_source": "page-text",
        "complete": False,
        "pages_total": 8,
        "pages_present": [4, 5, 7],
        "pages_missing": [1, 2, 3, 6, 8],
        "page_texts_held": [4, 5, 7],
    }
    assert data["addresses_trafficking"] is True
    assert data["languages"] == ["en"]
    assert data["links"]["akn"] == f"{ORIGIN}/resolutions/2388.akn.xml"
    assert all(p["url"].startswith(ORIGIN + "/resolutions/2388/") for p in data["paragraphs"])


def test_a_text_complete_from_the_xml_has_every_page_present(client, seed_archive, tmp_path):
    (tmp_path / "x.xml").write_bytes(new_resolution_xml())
    ingest_paths(paths=[tmp_path / "x.xml"])
    Resolution.objects.filter(number=2799).update(pages_total=3)
    data = client.get("/resolutions/2799.json").json()
    assert data["pages_present"] == [1, 2, 3]
    assert data["completeness"]["complete"] is True
    assert data["completeness"]["page_texts_held"] == []


def test_paragraph_json(client, seed_archive):
    response = client.get("/resolutions/2388/op31.json")
    validate_response("/resolutions/{number}/{pid}.json", response)
    data = response.json()
    assert data["id"] == "op31" and data["ends_on_missing_page"] is True
    assert data["citation"] == "S/RES/2388 (2017), para. 31"
    assert data["resolution"]["json_url"] == f"{ORIGIN}/resolutions/2388.json"
    assert client.get("/resolutions/2388/op99.json").status_code == 404
    assert client.get("/resolutions/9999/op1.json").status_code == 404


@pytest.mark.parametrize("pid", ["op%00", "a" * 300, "%E2%80%A6", "'", "op31%20", "..%2F"])
def test_hostile_paragraph_addresses_are_404s(client, seed_archive, pid):
    for suffix in (".json", ".bib", ".ris", ".csl.json"):
        assert client.get(f"/resolutions/2388/{pid}{suffix}").status_code == 404


def _json_cases() -> list[tuple[str, str, int]]:
    """(address, described path, status) for every JSON endpoint, good and bad answers."""
    return [
        ("/resolutions/2388.json", "/resolutions/{number}.json", 200),
        ("/resolutions/2331.json", "/resolutions/{number}.json", 200),
        ("/resolutions/2388/op31.json", "/resolutions/{number}/{pid}.json", 200),
        ("/resolutions/2388/pp-1.json", "/resolutions/{number}/{pid}.json", 200),
        ("/resolutions/2388.csl.json", "/resolutions/{number}.csl.json", 200),
        ("/resolutions/2388/op6.csl.json", "/resolutions/{number}/{pid}.csl.json", 200),
        ("/search.json?q=trafficking", "/search.json", 200),
        ("/search.json?q=trafficking&year_from=2017&page=2", "/search.json", 200),
        ("/search.json?q=", "/search.json", 200),
        ("/search.json?q=x&year_from=abc", "/search.json", 400),
        ("/downloads/manifest.json", "/downloads/manifest.json", 200),
        ("/api/", "/api/", 200),
    ]


def test_every_json_endpoint_validates_against_the_openapi_description(
    client, seed_archive, tmp_path, settings
):
    settings.BULK_EXPORT_DIR = tmp_path
    call_command("export_bulk", stdout=io.StringIO())
    for address, path, status in _json_cases():
        response = client.get(address)
        assert response.status_code == status, address
        validate_response(path, response)
        assert response["Access-Control-Allow-Origin"] == "*", address
        if status == 200:  # an error is not cached (Cache-Control: no-store), so it has none
            assert response.get("ETag") or response.get("Last-Modified"), address


def _routes(patterns, prefix: str = "") -> list[str]:
    routes = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            routes += _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            routes.append(route)
    return routes


def test_every_json_address_of_the_site_is_described():
    described = set(SPEC["paths"])
    for route in _routes(get_resolver().url_patterns):
        if route.endswith(".json"):
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
            assert path in described, path
    tested = {path for _, path, _ in _json_cases()}
    json_paths = {
        path
        for path, item in SPEC["paths"].items()
        if "get" in item  # the one POST (the draft check) is tested in test_drafts.py
        and "application/json" in item["get"]["responses"]["200"].get("content", {})
    }
    assert json_paths <= tested


def test_the_openapi_description_is_served(client):
    response = client.get("/api/openapi.json")
    assert response.json()["servers"] == [{"url": ORIGIN}]
    assert response["Access-Control-Allow-Origin"] == "*"


def test_conditional_get_answers_304(client, seed_archive):
    first = client.get("/resolutions/2388/op31.json")
    again = client.get("/resolutions/2388/op31.json", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    feed = client.get("/feeds/newest.atom")
    assert client.get("/feeds/newest.atom", HTTP_IF_NONE_MATCH=feed["ETag"]).status_code == 304


def test_html_pages_are_not_opened_to_other_sites(client, seed_archive):
    assert "Access-Control-Allow-Origin" not in client.get("/resolutions/2388/")


# --- Bulk download -----------------------------------------------------------------------------


def test_bulk_download_checksums_and_lines(client, seed_archive, tmp_path, settings):
    settings.BULK_EXPORT_DIR = tmp_path
    call_command("export_bulk", stdout=io.StringIO())
    data = client.get("/downloads/resolutions.jsonl")
    body = b"".join(data.streaming_content)
    manifest = json.loads(client.get("/downloads/manifest.json").content)
    [entry] = manifest["files"]
    assert entry["sha256"] == hashlib.sha256(body).hexdigest() and entry["bytes"] == len(body)
    lines = [json.loads(line) for line in body.decode().splitlines()]
    assert [line["number"] for line in lines] == [2331, 2388]
    assert manifest["counts"] == {"resolutions": 2, "paragraphs": Paragraph.objects.count()}
    sums = client.get("/downloads/SHA256SUMS")
    listed = dict(reversed(line.split("  ")) for line in sums.content.decode().splitlines())
    assert listed["resolutions.jsonl"] == entry["sha256"]
    assert client.get("/downloads/..%2Fsettings.py").status_code == 404
    assert client.get("/downloads/other.txt").status_code == 404


# --- Sitemap, robots, OpenSearch, favicon, JSON-LD ---------------------------------------------


def sitemap_locations(client) -> list[str]:
    index = ET.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    locations = []
    for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        part = ET.fromstring(client.get(loc.text.removeprefix(ORIGIN)).content)
        urls = part.findall("s:url/s:loc", SITEMAP_NS)
        assert len(urls) <= ParagraphSitemap.limit
        locations += [url.text for url in urls]
    return locations


def expected_permalinks() -> set[str]:
    resolutions = {
        f"{ORIGIN}/resolutions/{n}/" for n in Resolution.objects.values_list("number", flat=True)
    }
    paragraphs = {
        f"{ORIGIN}/resolutions/{n}/{pid}/"
        for n, pid in Paragraph.objects.values_list("resolution__number", "pid")
    }
    subparagraphs = {
        f"{ORIGIN}/resolutions/{n}/{pid}/" + "".join(f"{key}/" for key in keys)
        for n, pid, structure in Paragraph.objects.values_list(
            "resolution__number", "pid", "structure"
        )
        for keys in item_paths(structure)
    }
    return resolutions | paragraphs | subparagraphs


def test_sitemap_lists_every_permalink_split_into_files(client, seed_archive, monkeypatch):
    monkeypatch.setattr(ParagraphSitemap, "limit", 10)
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))
    assert set(locations) == expected_permalinks()
    index = ET.fromstring(client.get("/sitemap.xml").content)
    # an empty section is still listed, as one empty file
    subparagraph_files = max(1, -(-len(SubParagraphSitemap().items()) // SubParagraphSitemap.limit))
    assert len(index.findall("s:sitemap", SITEMAP_NS)) == (
        1 + -(-Paragraph.objects.count() // 10) + subparagraph_files
    )


def test_sitemap_subparagraph_addresses_open_the_subparagraph(client, seed_archive):
    ingest_paths(paths=[REPO / "tests" / "unit" / "akn_samples" / "block_list.xml"])
    addresses = [url for url in sitemap_locations(client) if url.count("/") > 6]
    assert addresses, "the sample's operative paragraph holds lettered sub-paragraphs"
    assert set(addresses) < expected_permalinks()
    for url in addresses:
        response = client.get(url.removeprefix(ORIGIN))
        assert response.status_code == 200, url


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Disallow: /search/" in lines
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines


def test_opensearch_description_and_icons(client):
    response = client.get("/opensearch.xml")
    root = ET.fromstring(response.content)
    ns = {"o": "http://a9.com/-/spec/opensearch/1.1/"}
    templates = {url.get("type"): url.get("template") for url in root.findall("o:Url", ns)}
    assert templates["text/html"] == f"{ORIGIN}/search/?q={{searchTerms}}"
    assert len(root.find("o:ShortName", ns).text) <= 16
    icon = client.get("/favicon.ico")
    assert icon["Content-Type"] == "image/x-icon"
    assert b"".join(icon.streaming_content)[:4] == b"\x00\x00\x01\x00"


def test_resolution_page_links_its_other_forms_and_carries_legislation_json_ld(
    client, seed_archive
):
    Resolution.objects.filter(number=2388).update(adopted_on="2017-11-21")
    html = client.get("/resolutions/2388/").content.decode()
    alternates = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', html)
    types = {kind for kind, _ in alternates}
    assert {
        "application/json",
        "application/akn+xml",
        "application/x-bibtex",
        "application/x-research-info-systems",
        "application/vnd.citationstyles.csl+json",
        "application/atom+xml",
    } <= types
    for _, href in alternates:
        assert client.get(href).status_code == 200, href
    assert re.search(r'<link rel="search" type="application/opensearchdescription\+xml"', html)
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block)
    assert data["@type"] == "Legislation"
    assert data["legislationIdentifier"] == "S/RES/2388 (2017)"
    assert data["legislationDate"] == "2017-11-21"
    assert data["url"] == f"{ORIGIN}/resolutions/2388/"


def test_paragraph_page_links_its_json_and_citations(client, seed_archive):
    html = client.get("/resolutions/2388/op31/").content.decode()
    for suffix in (".json", ".bib", ".ris", ".csl.json"):
        assert f'href="/resolutions/2388/op31{suffix}"' in html


def test_search_page_offers_the_feed_and_the_csv(client, seed_archive):
    html = client.get("/search/", {"q": "trafficking", "year_from": "2017", "page": "2"}).content
    html = html.decode()
    assert 'href="/feeds/search.atom?q=trafficking&amp;year_from=2017"' in html
    assert 'href="/search.csv?q=trafficking&amp;year_from=2017"' in html


def test_an_old_paragraph_identifier_leads_to_the_current_downloads(client, seed_archive):
    current = Paragraph.objects.get(resolution__number=2388, pid="pp-1")
    ParagraphAlias.objects.create(resolution=current.resolution, pid="pp-p4-1", paragraph=current)
    for suffix in (".json", ".bib", ".ris", ".csl.json"):
        response = client.get(f"/resolutions/2388/pp-p4-1{suffix}")
        assert response.status_code == 301
        assert response["Location"] == f"/resolutions/2388/pp-1{suffix}"
