"""The reading pages as a visitor sees them: home, about, browse, a resolution, downloads,
validators and the fixed query count of a resolution page."""

from __future__ import annotations

import json
import re

import pytest
from django.utils.http import http_date

from resolutions.models import Resolution
from tests.factories import make_paragraph, make_reference, make_resolution
from tests.pages_data import TEXT_2388_OP31, add_pages, symbols_listed, text_of

pytestmark = pytest.mark.django_db


# --- Home and about -----------------------------------------------------------------------------


def test_home_says_what_the_archive_is_and_lists_trafficking_resolutions_first(client, archive):
    make_resolution(2500, 2019, agenda="Reports of the Secretary-General on the Sudan")
    make_resolution(2600, 2021, text_source="")  # known only from the UN's record data
    response = client.get("/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Security Council resolutions on trafficking in persons, paragraph by paragraph" in text
    assert "Akoma Ntoso" in text and "United Nations" in text
    assert (
        "3 resolutions with their text · 9 paragraphs · 2 on trafficking in persons · "
        "1 more known only from the UN’s records"
    ) in text
    assert "Browse all 3 resolutions with their text" in text
    # The trafficking section comes before the latest resolutions and lists 2331 then 2388.
    html = response.content.decode()
    tip = html.index('id="tip-heading"')
    recent = html.index('id="recent-heading"')
    assert tip < html.index("S/RES/2331 (2016)") < html.index("S/RES/2388 (2017)") < recent
    assert symbols_listed(response) == [
        "S/RES/2331 (2016)",
        "S/RES/2388 (2017)",
        "S/RES/2500 (2019)",
        "S/RES/2388 (2017)",
        "S/RES/2331 (2016)",
    ]


@pytest.mark.parametrize("url", ["/", "/about/", "/resolutions/", "/resolutions/?year=2016"])
def test_pages_work_on_an_empty_archive(client, url):
    response = client.get(url)
    assert response.status_code == (400 if "year" in url else 200)
    assert "0 resolutions" in text_of(response)


def test_agenda_column_falls_back_to_subjects(client):
    make_resolution(2500, 2019, subjects=["HUMAN RIGHTS", "SUDAN", "PEACEKEEPING", "CHILDREN"])
    text = text_of(client.get("/resolutions/"))
    assert "HUMAN RIGHTS; SUDAN; PEACEKEEPING 0 complete (official XML)" in text


def test_home_has_one_labelled_search_box(client, archive):
    html = client.get("/").content.decode()
    assert html.count('role="search"') == 1
    assert '<label for="site-search">' in html
    assert 'action="/search/"' in html


def test_about_explains_sources_identifiers_citations_and_terms(client, archive):
    text = text_of(client.get("/about/"))
    assert (
        "The archive holds the text of 2 resolutions adopted from 2016 to 2017, 9 paragraphs in all"
    ) in text
    assert "S/RES/2388 (2017), preambular paragraph (third from last)" in text
    assert "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, para 31" in text
    assert "acknowledged as their source" in text


def test_every_page_has_landmarks_and_a_skip_link(client, archive):
    for url in ["/", "/about/", "/resolutions/", "/resolutions/2388/", "/resolutions/2388/op31/"]:
        html = client.get(url).content.decode()
        assert '<a class="skip-link" href="#main">' in html, url
        for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
            assert landmark in html, (url, landmark)
        assert html.count("<h1") == 1, url


# --- Browse -------------------------------------------------------------------------------------


def test_browse_shows_completeness_counts_and_the_trafficking_marker(client, archive):
    make_resolution(2500, 2019, agenda="Reports of the Secretary-General on the Sudan")
    response = client.get("/resolutions/")
    assert response.status_code == 200
    text = text_of(response)
    assert symbols_listed(response) == [
        "S/RES/2500 (2019)",
        "S/RES/2388 (2017)",
        "S/RES/2331 (2016)",
    ]
    assert (
        "S/RES/2388 (2017) TIP (addresses trafficking in persons) 21 Nov 2017 "
        "Maintenance of international peace and security 4 pages 4, 5, 7 of 8"
    ) in text
    assert "S/RES/2331 (2016) TIP (addresses trafficking in persons) 20 Dec 2016" in text
    assert "pages 7, 8 of 8" in text
    assert "Reports of the Secretary-General on the Sudan 0 complete (official XML)" in text
    assert "3 resolutions" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2016", ["S/RES/2331 (2016)"]),
        ("year=2019", ["S/RES/2500 (2019)"]),
        ("topic=trafficking", ["S/RES/2388 (2017)", "S/RES/2331 (2016)"]),
        ("agenda=Reports+of+the+Secretary-General+on+the+Sudan", ["S/RES/2500 (2019)"]),
        ("sort=oldest", ["S/RES/2331 (2016)", "S/RES/2388 (2017)", "S/RES/2500 (2019)"]),
        ("sort=longest", ["S/RES/2331 (2016)", "S/RES/2388 (2017)", "S/RES/2500 (2019)"]),
        ("sort=shortest", ["S/RES/2500 (2019)", "S/RES/2388 (2017)", "S/RES/2331 (2016)"]),
        ("topic=trafficking&sort=oldest", ["S/RES/2331 (2016)", "S/RES/2388 (2017)"]),
        ("year=&topic=&agenda=", ["S/RES/2500 (2019)", "S/RES/2388 (2017)", "S/RES/2331 (2016)"]),
    ],
)
def test_browse_filters_and_sorts(client, archive, query, expected):
    make_resolution(2500, 2019, agenda="Reports of the Secretary-General on the Sudan")
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 200
    assert symbols_listed(response) == expected


@pytest.mark.parametrize(
    ("query", "field", "listed"),
    [
        ("year=abc", "Year", 2),
        ("year=1999", "Year", 2),
        ("topic=weather", "Topic", 2),
        ("agenda=%3Cscript%3E", "Agenda item", 2),
        ("sort=sideways", "Sort by", 2),
        ("year=abc&topic=trafficking", "Year", 2),
        ("year=2016&sort=sideways", "Sort by", 1),
    ],
)
def test_browse_reports_bad_filter_values_beside_the_field(client, archive, query, field, listed):
    response = client.get(f"/resolutions/?{query}")
    assert response.status_code == 400
    text = text_of(response)
    assert "Some filters could not be applied" in text
    assert f"{field}: Select a valid choice." in text
    assert len(symbols_listed(response)) == listed
    assert "<script>" not in response.content.decode()


def test_browse_paginates_and_tolerates_bad_page_numbers(client):
    for number in range(1001, 1061):
        make_resolution(number, 2000)
    first = client.get("/resolutions/")
    assert len(symbols_listed(first)) == 50
    assert symbols_listed(first)[0] == "S/RES/1060 (2000)"
    assert "Page 1 of 2" in text_of(first)
    second = client.get("/resolutions/?year=2000&page=2")
    assert symbols_listed(second) == [f"S/RES/{n} (2000)" for n in range(1010, 1000, -1)]
    assert 'href="?year=2000&amp;page=1"' in second.content.decode()
    assert symbols_listed(client.get("/resolutions/?page=99")) == symbols_listed(second)
    assert symbols_listed(client.get("/resolutions/?page=abc")) == symbols_listed(first)
    # Zero and negative pages are the first page, as in search (not the last).
    assert symbols_listed(client.get("/resolutions/?page=0")) == symbols_listed(first)
    assert symbols_listed(client.get("/resolutions/?page=-1")) == symbols_listed(first)


# --- A resolution -------------------------------------------------------------------------------


def test_resolution_page_shows_the_record(client, archive):
    response = client.get("/resolutions/2388/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Adopted 21 November 2017, at the 8111th meeting of the Security Council" in text
    assert "Vote 15 in favour, 0 against, 0 abstaining — Adopted unanimously" in text
    assert "How members voted" in text
    assert "In favour (15): Bolivia (Plurinational State of), China, Egypt," in text
    assert "United Kingdom, United States, Uruguay" in text
    assert "Sponsors Italy, United States" in text
    assert "Subjects TRAFFICKING IN PERSONS ARMED CONFLICTS" in text
    assert "Agenda item Maintenance of international peace and security" in text
    assert "Text in this archive Pages 4, 5, 7 of 8, from the UN’s published PDF" in text
    html = response.content.decode()
    assert '<details class="votes">' in html
    assert '<a href="https://undocs.org/S/RES/2388(2017)" rel="external" class="url">' in html


def test_resolution_page_states_its_gaps_plainly(client, archive):
    text = text_of(client.get("/resolutions/2388/"))
    assert "Pages 1–3, 6 and 8 are not in the archive." in text
    assert f"31. {TEXT_2388_OP31} … Permalink to operative paragraph 31: op31" in text
    text_2331 = text_of(client.get("/resolutions/2331/"))
    assert "Pages 1–6 are not in the archive." in text_2331
    assert "16. … information regarding Member States efforts" in text_2331


def test_a_complete_xml_resolution_claims_no_gap(client):
    resolution = make_resolution(2500, 2019)
    make_paragraph(resolution, "Decides to remain seized of the matter.", number=1)
    text = text_of(client.get("/resolutions/2500/"))
    assert "not in the archive" not in text
    assert "Complete, from the UN’s official XML" in text
    assert "…" not in text


def test_every_paragraph_has_an_anchor_and_a_visible_permalink(client, archive):
    html = client.get("/resolutions/2388/").content.decode()
    for pid in ["pp-1", "op29", "op30", "op31"]:
        assert f'id="{pid}"' in html
        assert re.search(
            rf'<a class="permalink" href="/resolutions/2388/{pid}/">'
            rf'<span class="visually-hidden">[^<]*</span>{pid}</a>',
            html,
        ), pid
    assert '<a href="#op31">31</a>' in html  # the table of contents


def test_sections_follow_the_document(client, archive):
    text = text_of(client.get("/resolutions/2388/"))
    assert text.index("Preamble Reaffirming the need") < text.index("Operative part 29. Invites")


def test_cross_references_link_to_the_archive_or_the_official_document(client, archive):
    citing = make_resolution(2500, 2019)
    text = "Recalling its resolution 2388 (2017) and resolution 2379 (2017),"
    paragraph = make_paragraph(citing, text, kind="preambular")
    make_reference(paragraph, 2388, 2017, start=14, end=36)
    make_reference(paragraph, 2379, 2017, start=41, end=63)
    assert text[14:36] == "resolution 2388 (2017)" and text[41:63] == "resolution 2379 (2017)"
    html = client.get("/resolutions/2500/").content.decode()
    assert (
        'Recalling its <a href="/resolutions/2388/" title="S/RES/2388 (2017) (in this archive)">'
        'resolution 2388 (2017)</a> and <a href="https://undocs.org/S/RES/2379(2017)" '
        'rel="external">resolution 2379 (2017)</a>,'
    ) in html
    # ... and the cited resolution lists the citing paragraph.
    text = text_of(client.get("/resolutions/2388/"))
    assert "Cited by" in text
    assert (
        "1 paragraph of 1 other resolution in the archive cites S/RES/2388 (2017): "
        "S/RES/2500 (2019): preambular paragraph 1 Recalling its resolution 2388"
    ) in text
    cited_html = client.get("/resolutions/2388/").content.decode()
    assert '<a href="/resolutions/2500/pp1/">preambular paragraph 1</a>' in cited_html


def test_a_reference_without_a_year_links_the_symbol_as_written(client, archive):
    html = client.get("/resolutions/2331/").content.decode()
    assert (
        'line with <a href="https://undocs.org/S/RES/1960" rel="external">resolutions 1960</a>'
        in html
    )


def test_text_is_escaped_and_links_stay_in_their_place(client):
    resolution = make_resolution(2500, 2019)
    text = 'Notes <script>alert("x")</script> & resolution 2379 (2017);'
    paragraph = make_paragraph(resolution, text, number=1)
    make_reference(paragraph, 2379, 2017, start=36, end=58)
    assert text[36:58] == "resolution 2379 (2017)"
    html = client.get("/resolutions/2500/").content.decode()
    assert "<script>alert" not in html
    assert (
        "Notes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        '<a href="https://undocs.org/S/RES/2379(2017)" rel="external">resolution 2379 (2017)</a>;'
    ) in html


def test_sub_paragraphs_headings_and_annexes(client):
    resolution = make_resolution(2500, 2019)
    make_paragraph(resolution, "Mandate", kind="heading", pid="h1", label="A.")
    text = "Decides that the mission shall: (a) monitor resolution 2379 (2017); (b) report; and act"
    paragraph = make_paragraph(
        resolution,
        text,
        number=1,
        structure={
            "intro": "Decides that the mission shall:",
            "items": [
                {"label": "(a)", "text": "monitor resolution 2379 (2017);", "items": []},
                {
                    "label": "(b)",
                    "text": "report;",
                    "items": [{"label": "(i)", "text": "and act", "items": []}],
                },
            ],
            "outro": "",
        },
    )
    start = text.index("resolution 2379")
    make_reference(paragraph, 2379, 2017, start=start, end=start + 22)
    make_paragraph(
        resolution,
        "Statement of principles",
        kind="annex",
        pid="annex1-1",
        annex="Annex",
        label="1.",
    )
    html = client.get("/resolutions/2500/").content.decode()
    assert '<h3 class="doc-heading"><span class="doc-heading__label">A.</span> Mandate</h3>' in html
    assert (
        '<p>Decides that the mission shall:</p><ol class="items"><li><span class="item-label">(a)'
        '</span> monitor <a href="https://undocs.org/S/RES/2379(2017)" rel="external">resolution '
        '2379 (2017)</a>;</li><li><span class="item-label">(b)</span> report;<ol class="items">'
        '<li><span class="item-label">(i)</span> and act</li></ol></li></ol>'
    ) in html
    text_only = text_of(client.get("/resolutions/2500/"))
    assert "Operative part A. Mandate Permalink to heading h1 1. Decides" in text_only
    assert "Annex 1. Statement of principles Permalink to annex, paragraph 1: annex1-1" in text_only


def test_unknown_resolution_is_a_helpful_404(client, archive):
    response = client.get("/resolutions/9999/")
    assert response.status_code == 404
    text = text_of(response)
    assert "The archive does not hold Security Council resolution 9999." in text
    assert "undocs.org/S/RES/9999" in text
    assert 'href="/resolutions/"' in response.content.decode()


# --- Downloads ----------------------------------------------------------------------------------


def test_json_download_is_the_canonical_form_in_readable_utf8(client, archive):
    response = client.get("/resolutions/2331.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.content.decode()
    assert "United Nations’ Inter-Agency" in body  # not \u2019
    assert body.startswith('{\n  "symbol": "S/RES/2331 (2016)"')
    data = json.loads(body)
    assert data["pages_present"] == [7, 8]
    assert [p["id"] for p in data["paragraphs"]] == ["op16", "op18", "op22", "op23", "op24"]
    assert client.get("/resolutions/9999.json").status_code == 404


def test_text_download(client, archive):
    response = client.get("/resolutions/2388.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().split("\n")
    assert lines[:4] == [
        "S/RES/2388 (2017)",
        "Adopted by the Security Council at its 8111th meeting, on 21 November 2017.",
        "Vote: 15 in favour, 0 against, 0 abstaining.",
        "Agenda item: Maintenance of international peace and security",
    ]
    assert "Text held: pages 4, 5, 7 of 8. Pages 1–3, 6 and 8 are not in the archive." in lines
    assert "Official document: https://undocs.org/S/RES/2388(2017)" in lines
    assert "PP (last) Reaffirming the need to ensure organization" in response.content.decode()
    assert lines[-2] == f"31. {TEXT_2388_OP31} …"
    assert client.get("/resolutions/9999.txt").status_code == 404


# --- Validators ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/resolutions/2388/",
        "/resolutions/2388/op31/",
        "/resolutions/2388.json",
        "/resolutions/2388.txt",
    ],
)
def test_resolution_pages_answer_if_modified_since_with_304(client, archive, url):
    first = client.get(url)
    assert first.status_code == 200
    stamp = first["Last-Modified"]
    assert stamp == http_date(Resolution.objects.get(number=2388).updated_at.timestamp())
    assert client.get(url, headers={"if-modified-since": stamp}).status_code == 304
    # A change to the resolution makes the page fresh again.
    Resolution.objects.get(number=2388).save()
    assert (
        client.get(url, headers={"if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"}).status_code
        == 200
    )


def test_a_new_citing_resolution_refreshes_the_cited_page(client, archive):
    stamp = client.get("/resolutions/2388/")["Last-Modified"]
    citing = make_resolution(2500, 2019)
    make_reference(
        make_paragraph(citing, "Recalling resolution 2388 (2017),", number=1), 2388, 2017
    )
    Resolution.objects.filter(number=2500).update(updated_at=citing.updated_at.replace(year=2100))
    assert client.get("/resolutions/2388/", headers={"if-modified-since": stamp}).status_code == 200


@pytest.mark.parametrize("url", ["/", "/about/", "/resolutions/", "/resolutions/?year=2016"])
def test_listing_pages_answer_if_none_match_with_304(client, archive, url):
    etag = client.get(url)["ETag"]
    assert etag.startswith('"archive-2-')
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    make_resolution(2500, 2019)  # anything new changes the listing
    assert client.get(url, headers={"if-none-match": etag}).status_code == 200


# --- Query count --------------------------------------------------------------------------------


@pytest.mark.parametrize("paragraphs", [5, 50])
def test_a_resolution_page_costs_the_same_queries_however_long(
    client, django_assert_num_queries, paragraphs
):
    make_resolution(2379, 2017)
    resolution = make_resolution(2388, 2017, text_source="page-text", pages_total=60)
    add_pages(resolution, list(range(1, 11)))
    citing = make_resolution(2400, 2018)
    for number in range(1, paragraphs + 1):
        paragraph = make_paragraph(
            resolution, f"Recalls resolution 2379 (2017) ({number});", number=number
        )
        make_reference(paragraph, 2379, 2017, start=8, end=30)
        make_reference(paragraph, 1960, None, start=0, end=7)
        make_paragraph(citing, "Recalling resolution 2388 (2017),", kind="preambular")
        make_reference(citing.paragraphs.last(), 2388, 2017, start=10, end=32)
    # Last-Modified, the resolution, its paragraphs, their references (with cited resolutions),
    # its printed pages, the paragraphs citing it and their citations of it (for the excerpts),
    # the resolution it most reuses (the offer to compare), the other languages it is held
    # in (the language links) and the agreed language: the lineage links from its paragraphs
    # and those to them.
    with django_assert_num_queries(11):
        response = client.get("/resolutions/2388/")
    assert response.status_code == 200
    assert response.content.decode().count('class="permalink"') == paragraphs
