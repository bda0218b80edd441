"""Search grouped by wording (one hit per lineage origin), on SQLite and PostgreSQL alike.

The seeds (S/RES/2331 (2016) and S/RES/2388 (2017), partial) share no wording with each other,
so later resolutions are made repeating their paragraphs, as the Council does, and the lineage
service computes the links; then the search's one statement groups, counts and pages them.
"""

from datetime import date

import pytest

from resolutions.lineage.services import lineage_update
from resolutions.models import Paragraph, Resolution
from resolutions.search import AGREED, DATE, DOCUMENT, SearchFilters, search_paragraphs
from tests.db.exports_helpers import validate_response
from tests.factories import make_paragraph, make_resolution

pytestmark = pytest.mark.django_db

FRESH = (
    "Encourages Member States to review their public procurement and supply chains for "
    "forced labour, with the private sector and civil society,"
)


def seed_text(number: int, pid: str) -> str:
    return Paragraph.objects.get(resolution__number=number, pid=pid).text


@pytest.fixture
def repeated(seed_archive):
    """2388 OP 31 repeated in three later resolutions (once with two words changed), a 2331
    paragraph repeated in 2402, and a new wording in 2403; then the lineage computed."""
    op31 = seed_text(2388, "op31")
    changed = op31.replace("enhance transparency", "improve openness")
    assert changed != op31
    origin_2331 = Paragraph.objects.filter(
        resolution__number=2331, text__icontains="trafficking", kind="operative"
    ).order_by("position")[0]
    made = {}
    for number, year, text, pid in (
        (2400, 2018, op31, "op5"),
        (2401, 2019, changed, "op7"),
        (2402, 2020, op31, "op3"),
        (2402, 2020, origin_2331.text, "op4"),
        (2403, 2021, FRESH, "op2"),
    ):
        resolution = Resolution.objects.filter(number=number).first() or make_resolution(
            number, year, adopted_on=date(year, 6, 1)
        )
        made[(number, pid)] = make_paragraph(
            resolution, text, pid=pid, number=int(pid[2:]), position=int(pid[2:])
        )
    assert lineage_update().created > 0
    return {
        "op31": Paragraph.objects.get(resolution__number=2388, pid="op31"),
        "origin_2331": origin_2331,
        **made,
    }


def cited(paragraph) -> tuple[int, str]:
    return (paragraph.resolution.number, paragraph.pid)


def test_a_repeated_wording_is_one_hit_first_agreed_in_its_origin(repeated):
    results = search_paragraphs(query='"procurement and supply chains"', grouped=True)
    flat = search_paragraphs(query='"procurement and supply chains"')
    # 2331 OP 23, 2388 OP 31 and its three repeats, 2403 OP 2
    assert flat.total == results.total == 6
    assert results.total_wordings == 3 and results.num_pages == 1
    by_hit = {cited(hit.paragraph): hit for hit in results.hits}
    assert set(by_hit) == {(2331, "op23"), (2388, "op31"), (2403, "op2")}
    wording = by_hit[(2388, "op31")].wording
    assert cited(wording.origin) == (2388, "op31")
    assert (wording.paragraphs, wording.later) == (4, 3)
    assert [cited(m) for m in wording.members] == [(2400, "op5"), (2401, "op7"), (2402, "op3")]
    assert not by_hit[(2388, "op31")].first_agreed_elsewhere
    alone = by_hit[(2403, "op2")].wording
    assert (alone.paragraphs, alone.later, alone.members) == (1, 0, [])
    # The facets count paragraphs, grouped or not.
    assert results.facets == flat.facets


def test_under_a_filter_the_earliest_left_is_shown_and_the_origin_still_cited(repeated):
    results = search_paragraphs(
        query='"procurement and supply chains"',
        filters=SearchFilters(year_from=2019),
        grouped=True,
    )
    assert (results.total, results.total_wordings) == (3, 2)
    hit = next(h for h in results.hits if h.paragraph.resolution.number != 2403)
    assert cited(hit.paragraph) == (2401, "op7")
    assert hit.first_agreed_elsewhere and cited(hit.wording.origin) == (2388, "op31")
    assert [cited(m) for m in hit.wording.members] == [(2402, "op3")]
    assert hit.wording.later == 1


def test_pages_count_wordings_and_never_repeat_one(repeated):
    query = "trafficking OR procurement"
    flat = search_paragraphs(query=query, per_page=100)
    total = search_paragraphs(query=query, grouped=True, per_page=100)
    assert total.total == flat.total
    # 2400 OP 5, 2401 OP 7 and 2402 OP 3 repeat 2388 OP 31; 2402 OP 4 a 2331 paragraph.
    assert total.total_wordings == flat.total - 4
    seen = []
    for page in range(1, total.total_wordings // 3 + 2):
        results = search_paragraphs(query=query, grouped=True, per_page=3, page=page)
        assert results.num_pages == -(-total.total_wordings // 3)
        seen += [hit.wording.origin.pk for hit in results.hits]
    assert len(seen) == len(set(seen)) == total.total_wordings
    past = search_paragraphs(query=query, grouped=True, per_page=3, page=999)
    assert past.hits == [] and past.past_the_end


def test_sorted_by_first_adoption(repeated):
    origin, repeat = repeated["origin_2331"], repeated[(2402, "op4")]
    agreed = [
        cited(h.paragraph)
        for h in search_paragraphs(query="trafficking", sort=AGREED, per_page=100).hits
    ]
    # The 2020 repeat of a 2016 wording comes straight after the paragraph that agreed it.
    assert agreed.index(cited(repeat)) == agreed.index(cited(origin)) + 1
    document = [
        cited(h.paragraph)
        for h in search_paragraphs(query="trafficking", sort=DOCUMENT, per_page=100).hits
    ]
    assert document.index(cited(repeat)) != document.index(cited(origin)) + 1
    assert sorted(agreed) == sorted(document)
    # Grouped: by each wording's origin, oldest first; 2331's wordings before 2388's.
    grouped = search_paragraphs(query="trafficking", sort=AGREED, grouped=True, per_page=100)
    numbers = [h.wording.origin.resolution.number for h in grouped.hits]
    assert numbers == sorted(numbers) and numbers[0] == 2331


def test_grouped_by_date_and_relevance_keep_the_group_figures(repeated):
    for sort in (DATE, "relevance"):
        results = search_paragraphs(
            query='"procurement and supply chains"', grouped=True, sort=sort
        )
        assert results.total_wordings == 3
        hit = next(h for h in results.hits if h.wording.paragraphs == 4)
        assert cited(hit.paragraph) == (2388, "op31")
    # Newest first: by each wording's newest match (2403 in 2021 before 2402 in 2020).
    newest = search_paragraphs(query='"procurement and supply chains"', grouped=True, sort=DATE)
    expected = [(2403, "op2"), (2388, "op31"), (2331, "op23")]
    assert [cited(h.paragraph) for h in newest.hits] == expected


def test_browsing_and_citations_group_too(repeated):
    results = search_paragraphs(
        query="", filters=SearchFilters(year_from=2018), grouped=True, per_page=100
    )
    assert results.browsing and results.total == 5
    assert results.total_wordings == 3  # 2388's wording, 2331's, and 2403's


def test_the_page_groups_by_default_and_says_so(client, repeated):
    page = client.get("/search/", {"q": '"procurement and supply chains"'})
    text = page.content.decode()
    assert page.status_code == 200
    assert "6 paragraphs" in text and "in 3 wordings" in text
    assert "First agreed in" in text and "repeated in 3 later resolutions" in text
    assert "/resolutions/2401/op7/" in text  # in the list of repeats
    assert 'href="/search/?q=%22procurement+and+supply+chains%22&amp;group=off"' in text


def test_group_off_is_kept_across_pages_filters_and_sorts(client, repeated):
    page = client.get("/search/", {"q": "trafficking", "group": "off", "per_page": "3"})
    text = page.content.decode()
    assert "First agreed in" not in text and "wordings" not in text
    assert "Show each wording once" in text
    assert '<input type="hidden" name="group" value="off">' in text
    context = page.context
    assert not context["results"].grouped
    links = [link["url"] for link in context["pages"] if "url" in link]
    links += [v["url"] for values in context["facets"].values() for v in values]
    links += [s["url"] for s in context["sort_links"]]
    assert links and all("group=off" in url for url in links)
    assert "group=" not in context["group_url"]


@pytest.mark.parametrize("value", ["xyz", "", "ON ", "2", "<script>", "on" * 500])
def test_a_group_value_it_cannot_read_is_the_default_never_an_error(client, repeated, value):
    page = client.get("/search/", {"q": '"procurement and supply chains"', "group": value})
    assert page.status_code == 200
    assert page.context["results"].grouped  # the page's default, or "ON " read as on
    data = client.get("/search.json", {"q": "trafficking", "group": value})
    assert data.status_code == 200
    assert ("total_wordings" in data.json()) == (value.strip().lower() == "on")


def test_sort_agreed_on_the_page_and_a_bad_sort_is_a_form_error(client, repeated):
    page = client.get("/search/", {"q": "trafficking", "sort": "agreed"})
    assert page.status_code == 200
    assert [s["label"] for s in page.context["sort_links"] if s["current"]] == ["Earliest agreed"]
    bad = client.get("/search/", {"q": "trafficking", "sort": "earliest"})
    assert bad.status_code == 200 and "Choose relevance, date, document or agreed." in (
        bad.content.decode()
    )


def test_json_groups_only_when_asked(client, repeated):
    plain = client.get("/search.json", {"q": '"procurement and supply chains"'})
    validate_response("/search.json", plain)
    body = plain.json()
    assert body["total"] == 6 and len(body["results"]) == 6
    assert "total_wordings" not in body and "wording" not in body["results"][0]
    grouped = client.get(
        "/search.json", {"q": '"procurement and supply chains"', "group": "on", "sort": "agreed"}
    )
    validate_response("/search.json", grouped)
    body = grouped.json()
    assert (body["total"], body["total_wordings"], body["num_pages"]) == (6, 3, 1)
    # Earliest agreed first: 2331 OP 23 (2016), then 2388 OP 31 (2017), then 2403 OP 2.
    assert [r["number"] for r in body["results"]] == [2331, 2388, 2403]
    first = body["results"][1]
    assert (first["symbol"], first["paragraph"]) == ("S/RES/2388 (2017)", "op31")
    wording = first["wording"]
    assert wording["first_agreed_in"]["url"] == "http://testserver/resolutions/2388/op31/"
    assert (wording["paragraphs"], wording["later_resolutions"], wording["unlisted"]) == (4, 3, 0)
    assert [r["symbol"] for r in wording["repeated_in"]] == [
        "S/RES/2400 (2018)",
        "S/RES/2401 (2019)",
        "S/RES/2402 (2020)",
    ]


def test_csv_and_feed_list_every_paragraph(client, repeated):
    query = {"q": '"procurement and supply chains"', "group": "on"}
    csv = b"".join(client.get("/search.csv", query).streaming_content).decode()
    assert len(csv.strip().splitlines()) == 1 + 6
    feed = client.get("/feeds/search.atom", query).content.decode()
    assert feed.count("<entry>") == 6
