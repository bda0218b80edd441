"""What a reader notices on the reading pages over the whole corpus: where citation links lead,
which resolutions the browse page opens on, how "Cited by" names and quotes the citing
paragraphs, what a missing paragraph's 404 claims, one address per page, titles and counts,
and search words carried from a permalink to the whole resolution."""

from __future__ import annotations

import re

import pytest

from resolutions.models import CrossReference
from resolutions.templatetags.archive import thousands
from tests.factories import make_paragraph, make_reference, make_resolution
from tests.pages_data import symbols_listed, text_of

pytestmark = pytest.mark.django_db


# --- 1. Citation links follow the parsed symbol, not the XML's href ------------------------------


def test_a_citation_links_the_parsed_symbol_when_the_xml_href_disagrees(client):
    resolution = make_resolution(2500, 2019)
    text = "Recalling its Presidential Statement 2015/25 and S/2018/541,"
    paragraph = make_paragraph(resolution, text, kind="preambular")
    for symbol, written, href in [
        ("S/PRST/2015/25", "Presidential Statement 2015/25", "https://undocs.org/E/RES/2015/25"),
        ("S/2018/541", "S/2018/541", "https://undocs.org/E/RES/2018/54"),
    ]:
        start = text.index(written)
        CrossReference.objects.create(
            paragraph=paragraph,
            kind=CrossReference.DOCUMENT,
            cited_symbol=symbol,
            as_written=written,
            start=start,
            end=start + len(written),
            href=href,
        )
    html = client.get("/resolutions/2500/").content.decode()
    assert (
        'Recalling its <a href="https://undocs.org/S/PRST/2015/25" rel="external">'
        'Presidential Statement 2015/25</a> and <a href="https://undocs.org/S/2018/541" '
        'rel="external">S/2018/541</a>,'
    ) in html
    assert "E/RES/" not in html


# --- 2. Browse opens on resolutions whose text is held ----------------------------------------


def test_browse_lists_held_texts_by_default_and_all_on_request(client, archive):
    make_resolution(2800, 2026, text_source="")  # known only from the UN's record data
    held = client.get("/resolutions/")
    assert symbols_listed(held) == ["S/RES/2388 (2017)", "S/RES/2331 (2016)"]
    text = text_of(held)
    assert "2 resolutions with their text · include 1 known only from the UN’s records" in text
    assert re.search(
        r'<select name="text" id="id_text">\s*<option value="held">Held in the archive</option>'
        r'\s*<option value="all">All, with records without text</option>',
        held.content.decode(),
    )
    everything = client.get("/resolutions/?text=all")
    assert symbols_listed(everything) == [
        "S/RES/2800 (2026)",
        "S/RES/2388 (2017)",
        "S/RES/2331 (2016)",
    ]
    assert "S/RES/2800 (2026) 21 Nov 2026 not recorded 0 text not held" in text_of(everything)
    assert "Clear filters" in text_of(everything)
    assert symbols_listed(client.get("/resolutions/?year=2026")) == []
    assert symbols_listed(client.get("/resolutions/?year=2026&text=all")) == ["S/RES/2800 (2026)"]
    bad = client.get("/resolutions/?text=nothing")
    assert bad.status_code == 400
    assert symbols_listed(bad) == ["S/RES/2388 (2017)", "S/RES/2331 (2016)"]


# --- 4. "Cited by": names and excerpts ----------------------------------------------------------


def test_cited_by_names_annex_paragraphs_and_quotes_around_the_citation(client, archive):
    citing = make_resolution(2500, 2019)
    opening = " ".join(f"word{n}" for n in range(1, 31))
    text = f"{opening} recalling resolution 2388 (2017), on trafficking in persons in conflict."
    paragraph = make_paragraph(citing, text, kind="annex", pid="annex1-7", annex="Annex I")
    start = text.index("resolution 2388")
    make_reference(paragraph, 2388, 2017, start=start, end=start + 22)
    second = make_paragraph(citing, "Also citing resolution 2388 (2017).", number=3)
    make_reference(second, 2388, 2017, start=12, end=34)
    text = text_of(client.get("/resolutions/2388/"))
    assert (
        "S/RES/2500 (2019): annex I, seventh paragraph, operative paragraph 3 "
        "… word20 word21 word22 word23 word24 word25 word26 word27 word28 word29 word30 "
        "recalling resolution 2388 (2017), on trafficking in persons in conflict."
    ) in text
    assert "annex I paragraph" not in text


# --- 5. Internal links and tooltips -------------------------------------------------------------


def test_internal_links_are_not_external_and_tooltips_carry_the_year(client, archive):
    r1960 = make_resolution(1960, 2010)
    CrossReference.objects.filter(cited_symbol="S/RES/1960").update(target=r1960)
    resolution = make_resolution(2500, 2019)
    make_paragraph(resolution, "Decides to act.", number=1)
    text = "Recalls paragraph 1 above;"
    paragraph = make_paragraph(resolution, text, number=2)
    CrossReference.objects.create(
        paragraph=paragraph,
        kind=CrossReference.INTERNAL,
        cited_symbol="",
        as_written="paragraph 1",
        start=8,
        end=19,
        target_paragraph="op1",
    )
    html = client.get("/resolutions/2500/").content.decode()
    assert 'Recalls <a href="/resolutions/2500/op1/">paragraph 1</a> above;' in html
    # 2331 OP 18 cites "resolutions 1960" without a year; the archive knows it is of 2010.
    html_2331 = client.get("/resolutions/2331/").content.decode()
    assert (
        '<a href="/resolutions/1960/" title="S/RES/1960 (2010) (in this archive)">'
        "resolutions 1960</a>"
    ) in html_2331


# --- 6. A missing paragraph's 404 claims a gap only where there is one --------------------------


def test_missing_paragraph_404_says_partial_only_when_pages_are_missing(client, archive):
    complete = make_resolution(2500, 2019)  # the UN's XML: complete
    make_paragraph(complete, "Decides to act.", number=1)
    response = client.get("/resolutions/2500/op999/")
    assert response.status_code == 404
    text = text_of(response)
    assert "S/RES/2500 (2019) is in the archive, but it has no paragraph “op999”." in text
    assert "part of its text" not in text
    partial = text_of(client.get("/resolutions/2388/op999/"))
    assert "has no paragraph “op999”. The archive holds only part of its text." in partial
    make_resolution(2800, 2026, text_source="")
    record_only = text_of(client.get("/resolutions/2800/op1/"))
    assert "has no paragraph “op1”. The archive does not hold its text yet." in record_only


# --- 7. One address per page --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/resolutions/02388/", "/resolutions/2388/"),
        ("/resolutions/002388/op31/?q=supply", "/resolutions/2388/op31/?q=supply"),
        ("/resolutions/02388.json", "/resolutions/2388.json"),
        ("/resolutions/02388.txt", "/resolutions/2388.txt"),
    ],
)
def test_zero_padded_numbers_redirect_permanently(client, archive, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


# --- 8. Titles and counts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/resolutions/2388/", "S/RES/2388 (2017) – "),
        ("/resolutions/2388/op31/", "S/RES/2388 (2017), para. 31 – "),
        ("/resolutions/", "Browse resolutions – "),
        ("/about/", "About – "),
        ("/resolutions/2388/op999/", "Not found – "),
    ],
)
def test_titles_use_one_separator(client, archive, path, title):
    html = client.get(path).content.decode()
    found = re.search(r"<title>(.*?)</title>", html, flags=re.S).group(1)
    assert found.startswith(title)
    assert "—" not in found


@pytest.mark.parametrize(
    ("value", "shown"), [(0, "0"), (999, "999"), (1540, "1,540"), (48264, "48,264"), ("x", "x")]
)
def test_counts_have_thousands_separators(value, shown):
    assert thousands(value) == shown


# --- 9 and 10. The whole resolution on a phone, and with search words -------------------------


def test_the_resolution_page_offers_a_jump_to_its_record_before_the_text(client, archive):
    html = client.get("/resolutions/2388/").content.decode()
    jump = html.index('<p class="doc-jump"><a href="#record-heading">Record</a>')
    assert jump < html.index('id="pp-1"')


def test_search_words_carry_from_a_permalink_to_the_whole_resolution(client, archive):
    permalink = client.get("/resolutions/2388/op31/", {"q": "supply chains"}).content.decode()
    assert 'href="/resolutions/2388/?q=supply%20chains#op31">Read it in the whole resolution' in (
        permalink
    )
    response = client.get("/resolutions/2388/", {"q": "supply chains"})
    html = response.content.decode()
    assert "procurement and <mark>supply</mark> <mark>chains</mark> and step up" in html
    assert html.count("<mark>") == 2
    assert "Words from your search “supply chains” are highlighted." in text_of(response)
    assert "<mark>" not in client.get("/resolutions/2388/").content.decode()
