"""Two resolutions compared, on SQLite and PostgreSQL: the page, its form, its failures, and the
resolution page's offer to compare with the resolution it most reuses."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote

import pytest

from resolutions.lineage.selectors import resolution_comparison_get, resolution_most_reused_get
from resolutions.lineage.services import lineage_update
from resolutions.models import Resolution
from tests.factories import make_paragraph, make_resolution
from tests.hostile import HOSTILE_QUERIES

pytestmark = pytest.mark.django_db

SEEDS_COMPARED = "/resolutions/2388/compare/2331/"

RECALL = "Recalling its resolutions on the smuggling of migrants off the coast of Libya,"
CONCERN = "Expressing grave concern at the loss of life at sea in the Mediterranean,"
RENEW = (
    "Decides to renew the authorizations as set out in paragraphs 7, 8, 9 and 10 of "
    "resolution 2240 (2015) for a further period of twelve months from the date of this resolution;"
)
RENEW_NEW = RENEW.replace("twelve months", "twelve months, with full respect for human rights")
REPORT = "Requests the Secretary-General to report to the Security Council within eleven months;"
FLAG = "Calls upon flag States to cooperate with inspections of vessels on the high seas;"
OLD_ONLY = "Expresses its intention to review the situation at an early date, as appropriate;"
NEW_ONLY = "Welcomes the cooperation of the Government of National Accord with the European Union;"
SEIZED = "Decides to remain actively seized of the matter."


def rows(html: str) -> list[str]:
    """The status classes of the rows, in order: ["kept", "changed moved", ...]."""
    found = re.findall(r'<tr class="cmp__row cmp__row--(\w+)( cmp__row--moved)?">', html)
    return [status + (" moved" if moved else "") for status, moved in found]


def counts(html: str) -> dict[str, int]:
    found = re.findall(r'cmp-count--(\w+)"><strong>(\d+)</strong>', html)
    return {name: int(value) for name, value in found}


@pytest.fixture
def renewal():
    """A renewal and the resolution it renews: one paragraph of every kind of difference."""
    older = make_resolution(2292, 2016)
    newer = make_resolution(2380, 2017)
    make_paragraph(older, RECALL, kind="preambular", pid="pp1")
    make_paragraph(older, CONCERN, kind="preambular", pid="pp2")
    for number, text in enumerate([RENEW, REPORT, FLAG, OLD_ONLY, SEIZED], start=1):
        make_paragraph(older, text, number=number)
    make_paragraph(newer, RECALL, kind="preambular", pid="pp1")
    make_paragraph(newer, CONCERN, kind="preambular", pid="pp2")
    # FLAG and REPORT swap places; RENEW is reworded; OLD_ONLY goes; NEW_ONLY comes.
    for number, text in enumerate([RENEW_NEW, FLAG, REPORT, NEW_ONLY, SEIZED], start=1):
        make_paragraph(newer, text, number=number)
    return older, newer


def test_the_seeds_pair_2388_op12_with_2331_op16_and_mark_the_changes(client, seed_archive):
    response = client.get(SEEDS_COMPARED)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>" in html and "compared with" in html
    assert counts(html) == {"kept": 0, "changed": 1, "new": 25, "dropped": 8, "moved": 0}
    changed = html[
        html.index("cmp__row--changed") : html.index("</tr>", html.index("cmp__row--changed"))
    ]
    assert (
        'href="/resolutions/2331/op16/"' in changed and 'href="/resolutions/2388/op12/"' in changed
    )
    assert "S/RES/2331 (2016), para. 16" in changed and "S/RES/2388 (2017), para. 12" in changed
    assert "63 % of wording shared" in changed
    assert "<ins>Requests the Counter-Terrorism Committee Executive Directorate (CTED)" in changed
    # 2331 op 16 begins on a page the archive lacks: it says so, as everywhere else.
    assert "… information regarding Member States" in unescape(changed)
    # Rows follow the later text; the earlier's unpaired paragraphs come after what they followed.
    assert rows(html)[:3] == ["new", "new", "new"]  # 2388's three preambular paragraphs
    assert rows(html).count("dropped") == 8


def test_the_comparison_reads_from_the_earlier_whichever_order_was_asked(client, seed_archive):
    forward = client.get(SEEDS_COMPARED).content.decode()
    backward = client.get("/resolutions/2331/compare/2388/").content.decode()
    assert rows(forward) == rows(backward) and counts(forward) == counts(backward)
    assert "From the earlier, <a" in backward
    assert backward.index(">S/RES/2331 (2016)</a>,\n    to the later") > 0
    link = re.search(r'<link rel="canonical" href="([^"]+)"', backward).group(1)
    assert link.endswith("/resolutions/2331/compare/2388/")


def test_every_kind_of_difference_is_told_apart(client, renewal):
    html = client.get("/resolutions/2380/compare/2292/").content.decode()
    assert counts(html) == {"kept": 5, "changed": 1, "new": 1, "dropped": 1, "moved": 1}
    assert rows(html) == [
        "kept",  # pp1
        "kept",  # pp2
        "changed",  # op1, reworded
        "kept moved",  # op2 FLAG was op3
        "kept",  # op3 REPORT was op2: the longest run in order keeps it
        "dropped",  # OLD_ONLY, after the paragraph it followed
        "new",
        "kept",
    ]
    # Words carry their punctuation: "months" became "months, with ... rights".
    assert "<ins>months, with full respect for human rights</ins>" in html
    assert html.count("<del>months</del>") == 1
    assert "Not in S/RES/2380 (2017)" in html and "Not in S/RES/2292 (2016)" in html


def test_show_differences_leaves_out_what_was_kept_in_place(client, renewal):
    html = client.get("/resolutions/2380/compare/2292/?show=differences").content.decode()
    assert rows(html) == ["changed", "kept moved", "dropped", "new"]
    assert counts(html)["kept"] == 5  # the summary still counts everything
    assert "Preamble" not in html  # a section with nothing to show is left out
    assert 'href="/resolutions/2380/compare/2292/">Show all paragraphs' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_selector_pairs_within_kinds_in_one_query(django_assert_num_queries, renewal):
    older, newer = renewal
    with django_assert_num_queries(1):
        comparison = resolution_comparison_get(first=newer, second=older)
    assert (comparison.earlier, comparison.later) == (older, newer)
    pairs = [
        (r.earlier.paragraph.pid if r.earlier else None, r.later.paragraph.pid if r.later else None)
        for s in comparison.sections
        for r in s.rows
    ]
    assert ("pp1", "pp1") in pairs and ("op3", "op2") in pairs and ("op4", None) in pairs
    assert [s.title for s in comparison.sections] == ["Preamble", "Operative part"]
    sides = [side for s in comparison.sections for r in s.rows for side in (r.earlier, r.later)]
    for side in filter(None, sides):
        assert side.url == side.paragraph.get_absolute_url()


def test_the_texts_are_escaped_and_only_the_marks_are_ours(client):
    older, newer = make_resolution(2100, 2013), make_resolution(2101, 2013)
    make_paragraph(older, "Decides that <b>all</b> States shall report & act;", number=1)
    make_paragraph(
        newer, "Decides that <b>all</b> States shall <script>report</script> & act;", number=1
    )
    html = client.get("/resolutions/2101/compare/2100/").content.decode()
    assert "<script>report" not in html and "<b>" not in html
    assert "<ins>&lt;script&gt;report&lt;/script&gt;</ins>" in html
    assert "&lt;b&gt;all&lt;/b&gt; States shall" in html and "&amp; act;" in html


def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries, renewal):
    # Last-Modified, the two resolutions, their paragraphs.
    with django_assert_num_queries(3):
        assert client.get("/resolutions/2380/compare/2292/").status_code == 200


def test_a_revisit_costs_a_304(client, renewal):
    modified = client.get("/resolutions/2380/compare/2292/")["Last-Modified"]
    again = client.get("/resolutions/2380/compare/2292/", headers={"if-modified-since": modified})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "url, number",
    [
        ("/resolutions/9999/compare/2331/", 9999),
        ("/resolutions/2388/compare/9999/", 9999),
        ("/resolutions/2388/compare/99999999999999999999/", 99999999999999999999),
    ],
)
def test_an_unknown_resolution_is_a_clear_404(client, seed_archive, url, number):
    response = client.get(url)
    assert response.status_code == 404
    assert f"The archive does not hold Security Council resolution {number}." in (
        response.content.decode()
    )


def test_a_resolution_compared_with_itself_says_so(client, seed_archive):
    response = client.get("/resolutions/2388/compare/2388/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is S/RES/2388 (2017) compared with itself" in html
    assert "all 26\n      paragraphs are the same" in html
    assert rows(html) == [] and 'name="with"' in html


def test_a_resolution_without_text_gets_a_notice(client, seed_archive):
    make_resolution(2400, 2018, text_source="")
    html = client.get("/resolutions/2400/compare/2388/").content.decode()
    assert "The archive does not hold the text of S/RES/2400 (2018) yet" in html
    assert counts(html)["dropped"] == 26


def test_zero_padded_numbers_lead_to_the_one_address(client, seed_archive):
    response = client.get("/resolutions/02388/compare/02331/?show=differences")
    assert response.status_code == 301
    assert response["Location"] == SEEDS_COMPARED + "?show=differences"


@pytest.mark.parametrize(
    "typed", ["2331", " 2331 ", "S/RES/2331", "S/RES/2331 (2016)", "s/res/2331(2016)", "02331"]
)
def test_the_form_leads_to_the_comparison(client, seed_archive, typed):
    response = client.get(f"/resolutions/2388/compare/?with={quote(typed)}")
    assert response.status_code == 302
    assert response["Location"] == SEEDS_COMPARED


def test_the_form_on_a_comparison_leads_to_the_new_one(client, seed_archive):
    response = client.get("/resolutions/2388/compare/2388/?with=2331")
    assert (response.status_code, response["Location"]) == (302, SEEDS_COMPARED)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Type the number or symbol of the resolution to compare with"),
        ("9999", "The archive does not hold resolution 9999."),
        ("S/RES/2331 (2015)", "Resolution 2331 was adopted in 2016, not 2015: S/RES/2331 (2016)."),
        ("resolution two", "That is not a resolution number or symbol"),
        ("2331" * 40, "That is not a resolution number or symbol"),
    ],
)
def test_a_wrong_answer_in_the_form_is_explained(client, seed_archive, typed, message):
    response = client.get(f"/resolutions/2388/compare/?with={quote(typed)}")
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert message in html
    assert 'aria-invalid="true"' in html and 'id="compare-with-error"' in html


def test_the_form_page_without_a_question_is_a_plain_form(client, seed_archive):
    response = client.get("/resolutions/2388/compare/")
    assert response.status_code == 200
    assert 'id="compare-with"' in response.content.decode()
    assert client.get("/resolutions/9999/compare/").status_code == 404


@pytest.mark.parametrize("typed", HOSTILE_QUERIES)
def test_hostile_input_in_the_form_is_never_a_500(client, seed_archive, typed):
    response = client.get("/resolutions/2388/compare/", {"with": typed})
    assert response.status_code in (302, 400)
    if response.status_code == 400 and "<script" in typed:
        assert "<script>alert" not in response.content.decode()


def test_only_reading_is_allowed(client, seed_archive):
    assert client.post(SEEDS_COMPARED).status_code == 405
    assert client.post("/resolutions/2388/compare/", {"with": "2331"}).status_code == 405


# --- The resolution page: "compare with the resolution it most reuses" ----------------------


def test_the_resolution_page_offers_a_comparison_form(client, seed_archive):
    html = client.get("/resolutions/2388/").content.decode()
    assert 'action="/resolutions/2388/compare/"' in html and 'id="compare-with"' in html
    assert "it most reuses" not in html  # no lineage computed: no guess


def test_the_resolution_most_reused_is_the_previous_renewal():
    first = make_resolution(2240, 2015)
    second = make_resolution(2292, 2016)
    third = make_resolution(2380, 2017)
    for resolution in (first, second, third):
        for number, text in enumerate([RECALL, CONCERN, REPORT, FLAG, SEIZED], start=1):
            make_paragraph(resolution, text, number=number)
    make_paragraph(second, RENEW, number=6)
    make_paragraph(third, RENEW_NEW, number=6)
    lineage_update()
    reused = resolution_most_reused_get(resolution=third)
    assert (reused.number, reused.symbol, reused.paragraphs) == (2292, "S/RES/2292 (2016)", 6)
    assert resolution_most_reused_get(resolution=first) is None


def test_the_resolution_page_links_the_resolution_it_most_reuses(client, renewal):
    older, newer = renewal
    lineage_update()
    html = client.get(newer.get_absolute_url()).content.decode()
    assert (
        'href="/resolutions/2380/compare/2292/">Compare with the resolution it most reuses' in html
    )
    assert Resolution.objects.count() == 2
