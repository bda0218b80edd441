"""Paragraph permalinks: the page, its citations and link previews, highlighting, aliases,
symbols pasted into the address bar, and the helpful 404 (Django's test client runs with
DEBUG off, as production does)."""

from __future__ import annotations

import re

import pytest

from resolutions.models import ParagraphAlias
from tests.factories import make_paragraph, make_resolution
from tests.pages_data import TEXT_2331_OP23, text_of

pytestmark = pytest.mark.django_db


def meta(html: str, key: str) -> str:
    """The content of <meta property|name="key">."""
    found = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    assert found, key
    return found.group(1)


def test_permalink_shows_the_paragraph_between_its_neighbours(client, archive):
    response = client.get("/resolutions/2331/op23/")
    assert response.status_code == 200
    text = text_of(response)
    assert "<h1>Operative paragraph 23</h1>" in response.content.decode()
    before = text.index("Before: operative paragraph 22 22. Welcomes further briefings")
    current = text.index(f"23. {TEXT_2331_OP23}")
    after = text.index("After: operative paragraph 24 24. Decides to remain actively seized")
    assert before < current < after
    assert "S/RES/2331 (2016) · adopted 20 December 2016" in text
    assert "Pages 1–6 are not in the archive." in text


def test_first_and_last_paragraphs_have_one_neighbour(client, archive):
    first = text_of(client.get("/resolutions/2388/pp-1/"))
    assert "Before:" not in first
    assert "After: operative paragraph 29" in first
    last = text_of(client.get("/resolutions/2388/op31/"))
    assert "Before: operative paragraph 30" in last
    assert "After:" not in last


def test_permalink_offers_citations_and_the_link_to_copy(client, archive):
    html = client.get("/resolutions/2388/op31/").content.decode()
    for value in [
        "http://testserver/resolutions/2388/op31/",
        "S/RES/2388 (2017), para. 31",
        "S.C. Res. 2388, ¶ 31 (Nov. 21, 2017)",
        "UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, para 31",
    ]:
        # Visible and selectable without JavaScript, and on a copy button shown by it.
        assert f">{value}</" in html, value
        assert f'data-copy="{value}"' in html, value
    copy_buttons = re.findall(r'<button type="button" class="copy-button"[^>]*>', html)
    assert len(copy_buttons) == 4
    assert all(button.endswith(" hidden>") for button in copy_buttons)  # shown by site.js


def test_unnumbered_preambular_paragraph_is_cited_honestly(client, archive):
    response = client.get("/resolutions/2388/pp-1/")
    text = text_of(response)
    assert "Preambular paragraph (last)" in text
    assert "S/RES/2388 (2017), preambular paragraph (last)" in text
    assert "S.C. Res. 2388, pmbl. para. (last) (Nov. 21, 2017)" in text


def test_permalink_has_canonical_link_and_link_preview_tags(client, archive):
    html = client.get("/resolutions/2388/op31/?q=supply").content.decode()
    assert '<link rel="canonical" href="http://testserver/resolutions/2388/op31/">' in html
    assert meta(html, "og:title") == "S/RES/2388 (2017), para. 31"
    assert meta(html, "og:url") == "http://testserver/resolutions/2388/op31/"
    assert meta(html, "og:description") == (
        "Calls upon United Nations system organizations to enhance transparency in their "
        "procurement and supply chains and step up their efforts to strengthen …"
    )
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "twitter:title") == "S/RES/2388 (2017), para. 31"
    long_description = meta(
        client.get("/resolutions/2331/op23/").content.decode(), "og:description"
    )
    assert long_description == (
        "Requests the Secretary-General to follow up the implementation of this resolution and "
        "report, within twelve months, on strengthening coordination within the United Nations "
        "system, including through the United Nations’ Inter-Agency …"
    )


def test_link_preview_of_a_paragraph_cut_by_a_missing_page_says_so(client, archive):
    html = client.get("/resolutions/2331/op16/").content.decode()
    assert meta(html, "og:description") == (
        "… information regarding Member States efforts to address the issue of trafficking in "
        "persons where it is committed for the purpose of supporting terrorism, including through "
        "the financing of or recruitment …"
    )


def test_canonical_link_uses_the_configured_origin(client, archive, settings):
    settings.SITE_ORIGIN = "https://archive.example.org"
    html = client.get("/resolutions/2388/op31/").content.decode()
    assert (
        '<link rel="canonical" href="https://archive.example.org/resolutions/2388/op31/">' in html
    )


def test_search_words_are_highlighted(client, archive):
    response = client.get("/resolutions/2331/op23/", {"q": "procurement and supply chains"})
    html = response.content.decode()
    assert "through <mark>procurement</mark> and <mark>supply</mark> <mark>chains</mark>;" in html
    # Only the paragraph asked for is marked, not its neighbours.
    assert html.count("<mark>") == 3
    assert "Words from your search “procurement and supply chains” are highlighted." in (
        text_of(response)
    )


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", '"', "NEAR(", "\\", "x" * 10_000])
def test_hostile_highlight_queries_are_escaped(client, archive, query):
    response = client.get("/resolutions/2331/op23/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_old_identifier_redirects_permanently_to_the_current_one(client, archive):
    resolution = archive.r2388
    current = resolution.paragraphs.get(pid="pp-1")
    ParagraphAlias.objects.create(resolution=resolution, pid="pp-p4-1", paragraph=current)
    response = client.get("/resolutions/2388/pp-p4-1/?q=coherence")
    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2388/pp-1/?q=coherence"


def test_identifier_in_capitals_redirects(client, archive):
    response = client.get("/resolutions/2388/OP31/")
    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2388/op31/"


@pytest.mark.parametrize(
    "path",
    [
        "/S/RES/2388(2017)",
        "/S/RES/2388 (2017)",
        "/S/RES/2388%20(2017)",
        "/S/RES/2388%20%282017%29",
        "/s/res/2388 (2017)/",
        "/S/RES/2388",
        "/S/Res/2388/",
        "/2388",
        "/2388/",
    ],
)
def test_symbols_as_people_paste_them(client, archive, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2388/"


@pytest.mark.parametrize(
    ("path", "says"),
    [
        (
            "/S/RES/2388 (2016)",
            "Nothing is at this address, but the archive holds resolution 2388.",
        ),
        ("/S/RES/9999", "The archive does not hold Security Council resolution 9999."),
        ("/9999", "The archive does not hold Security Council resolution 9999."),
        ("/S/RES/banana", "There is no page at /S/RES/banana."),
        ("/S/RES/2388%00", "Nothing is at this address, but the archive holds resolution 2388."),
        ("/S/RES/%00", "There is no page at /S/RES/"),
    ],
)
def test_symbols_not_in_the_archive_get_the_helpful_404(client, archive, path, says):
    response = client.get(path)
    assert response.status_code == 404
    assert says in text_of(response)


def test_unknown_paragraph_links_its_resolution(client, archive):
    response = client.get("/resolutions/2388/op99/")
    assert response.status_code == 404
    text = text_of(response)
    assert "S/RES/2388 (2017) is in the archive, but it has no paragraph “op99”." in text
    html = response.content.decode()
    assert '<a class="button-link" href="/resolutions/2388/">Read S/RES/2388 (2017)</a>' in html
    assert 'role="search"' in html
    assert '<a href="/resolutions/">Browse all resolutions</a>' in html


def test_unknown_paragraph_of_unknown_resolution(client, archive):
    response = client.get("/resolutions/9999/op1/")
    assert response.status_code == 404
    assert "The archive does not hold Security Council resolution 9999." in text_of(response)


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/resolutions/2388/op31/extra/", "Nothing is at this address, but the archive holds"),
        ("/no/such/page/", "There is no page at /no/such/page/."),
        ("/resolutions/<script>/", "There is no page at /resolutions/&lt;script&gt;/."),
    ],
)
def test_unmatched_urls_get_the_helpful_404_with_debug_off(client, archive, path, says, settings):
    assert settings.DEBUG is False
    response = client.get(path)
    assert response.status_code == 404
    assert says in text_of(response) or says in response.content.decode()
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize(
    "pid", ["op%00", "a" * 300, "%E2%80%A6", "pp-", "op31.json", "op31%20", "%F0%9F%98%80", "'"]
)
def test_odd_identifiers_are_404_not_500(client, archive, pid):
    assert client.get(f"/resolutions/2388/{pid}/").status_code == 404


def test_permalink_of_a_footnote_and_an_annex_paragraph(client):
    resolution = make_resolution(2500, 2019)
    make_paragraph(resolution, "Decides to adopt the principles annexed.", number=1)
    make_paragraph(
        resolution,
        "Principles.",
        kind="annex",
        pid="annex1-1",
        annex="Annex I",
        label="1.",
        number=1,
    )
    make_paragraph(resolution, "S/2019/1.", kind="footnote", pid="fn1", label="1", number=1)
    annex = text_of(client.get("/resolutions/2500/annex1-1/"))
    assert "Annex I, paragraph 1" in annex
    assert "S/RES/2500 (2019), annex I, para. 1" in annex
    footnote = text_of(client.get("/resolutions/2500/fn1/"))
    assert "S/RES/2500 (2019), footnote 1" in footnote


@pytest.mark.parametrize(
    "path",
    [
        "/resolutions/0/",
        "/resolutions/99999999999999999999/",
        "/resolutions/99999999999999999999/op1/",
        "/resolutions/99999999999999999999.json",
        "/resolutions/99999999999999999999.txt",
        "/S/RES/99999",
    ],
)
def test_numbers_out_of_any_range_are_404_not_500(client, archive, path):
    assert client.get(path).status_code == 404
