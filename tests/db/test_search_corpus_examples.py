"""The examples of "search that meets people where they type", on the whole UN corpus.

Run on SQLite and PostgreSQL (skips without ../shared; CI needs it). What must hold on both
engines alike: a citation goes where it means, both spellings find the same paragraphs, a
hyphenated word is the same in quotes and out, misspellings get the archive's own word,
a question gets its best partial matches, filters alone list paragraphs; a repeated wording
is one hit when grouped.
``scripts/search_examples.py`` prints the counts themselves.
"""

import json

import pytest

from resolutions.lineage.services import lineage_update
from resolutions.lineage.text import words
from resolutions.models import LineageLink, Paragraph, Resolution
from resolutions.search import SearchFilters, search_paragraphs
from resolutions.services.ingest import ingest_paths
from tests.db.exports_helpers import validate_response

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]


@pytest.fixture(scope="module")
def whole_corpus(corpus, django_db_setup, django_db_blocker):
    """The whole corpus, XML and records, imported once for this module's tests."""
    with django_db_blocker.unblock():
        report = ingest_paths(paths=[corpus / "xml", corpus / "metadata"])
        yield report
        Resolution.objects.all().delete()


def ids(query: str, **kwargs) -> set[int]:
    results = search_paragraphs(query=query, per_page=100, **kwargs)
    assert results.total <= 100 or kwargs, "too many to compare; narrow the example"
    return {hit.paragraph.pk for hit in results.hits}


def total(query: str, **kwargs) -> int:
    return search_paragraphs(query=query, **kwargs).total


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("S/RES/2331", "/resolutions/2331/"),
        ("S/RES/2331 (2016)", "/resolutions/2331/"),
        ("s/res/2331(2016)", "/resolutions/2331/"),
        ("2331 (2016)", "/resolutions/2331/"),
        ("resolution 2331", "/resolutions/2331/"),
        ("2388 op 31", "/resolutions/2388/op31/"),
        ("S/RES/2388 (2017), para. 31", "/resolutions/2388/op31/"),
        ("2388 (2017) OP31", "/resolutions/2388/op31/"),
        ("para 16 (a) of resolution 2653", "/resolutions/2653/op16/a/"),
    ],
)
def test_citations_go_where_they_mean(client, whole_corpus, query, location):
    response = client.get("/search/", {"q": query})
    assert (response.status_code, response["Location"]) == (302, location)


def test_a_citation_lists_the_paragraphs_citing_it(whole_corpus):
    results = search_paragraphs(query="S/RES/2331 (2016)")
    assert results.citing and results.total >= 20
    symbols = {hit.paragraph.resolution.symbol for hit in results.hits}
    assert "S/RES/2388 (2017)" in symbols and "S/RES/2331 (2016)" not in symbols


def test_the_resolution_filter_takes_a_symbol(client, whole_corpus):
    data = json.loads(
        client.get("/search.json", {"q": "trafficking", "resolution": "S/RES/2388"}).content
    )
    assert data["total"] == total("trafficking", filters=SearchFilters(resolution=2388)) > 30


@pytest.mark.parametrize("typed", ["traficking", "trafficing"])
def test_misspellings_get_the_archives_word_with_the_count_either_way(whole_corpus, typed):
    results = search_paragraphs(query=typed)
    assert results.suggestion.query == "trafficking"
    assert results.suggestion.total == total("trafficking") > 900
    assert results.total == total(typed)  # "trafficing" finds air traffic: said, not hidden


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("forced labour", "forced labor"),
        ("survivor-centred", "survivor-centered"),
        ("stabilisation", "stabilization"),
        ("organisation", "organization"),
        ("programme", "program"),
        ("defence", "defense"),
        ("advisers", "advisors"),
    ],
)
def test_both_spellings_find_the_same_paragraphs(whole_corpus, british, american):
    assert total(british) == total(american) > 0
    if total(british) <= 100:
        assert ids(british) == ids(american)


def test_a_researcher_no_longer_misses_2467_op16(whole_corpus):
    found = {
        (h.paragraph.resolution.number, h.paragraph.pid)
        for h in search_paragraphs(query='"survivor-centred"', per_page=100).hits
    }
    assert (2467, "op16") in found


def test_a_question_gets_the_best_partial_matches(whole_corpus):
    results = search_paragraphs(
        query="what did the council say about sexual violence as a tactic of war"
    )
    assert results.partial is not None and results.partial.all_words_total == 0
    assert {"tactic", "war", "sexual"} <= set(results.partial.words)
    assert "council" not in results.partial.words  # in a third of all paragraphs
    for hit in results.hits[:10]:  # "sexual violence ... as a tactic of war", in so many words
        text = hit.paragraph.text.lower()
        assert "sexual violence" in text and "tactic" in text and "war" in text, text
    found = [(h.paragraph.resolution.number, h.paragraph.pid) for h in results.hits]
    assert (1820, "op1") in found


@pytest.mark.parametrize(
    "queries",
    [
        ("zero-tolerance", '"zero-tolerance"', '"zero tolerance"'),
        ("Al-Shabaab", '"Al-Shabaab"', '"Al Shabaab"'),
        ("post-conflict", '"post-conflict"', '"post conflict"'),
        ("Secretary-General", '"Secretary-General"'),
        (
            '"zero-tolerance policy on sexual exploitation and abuse"',
            '"zero tolerance policy on sexual exploitation and abuse"',
        ),
    ],
)
def test_hyphenated_words_match_alike_in_quotes_and_out(whole_corpus, queries):
    counts = {query: total(query) for query in queries}
    assert len(set(counts.values())) == 1, counts
    assert next(iter(counts.values())) > 100


def test_filters_alone_list_every_trafficking_paragraph_of_2017(client, whole_corpus):
    filters = SearchFilters(trafficking=True, year_from=2017, year_to=2017)
    results = search_paragraphs(query="", filters=filters, per_page=100)
    assert results.browsing and results.total > 50
    order = [(h.paragraph.resolution.number, h.paragraph.position) for h in results.hits]
    assert order == sorted(order)
    assert all(h.paragraph.resolution.year == 2017 for h in results.hits)
    params = {"trafficking": "true", "year_from": "2017", "year_to": "2017", "per_page": "100"}
    data = json.loads(client.get("/search.json", params).content)
    assert data["total"] == results.total and len(data["results"]) == min(results.total, 100)
    operative = search_paragraphs(
        query="", filters=SearchFilters(resolution=2388, kind="operative")
    )
    assert operative.total == 35 and operative.hits[0].label == "OP 1"


# --- Grouped by wording (agreed language): the "procurement and supply chains" ----------

PHRASE = "procurement and supply chains"
MINERALS = '"supply chains" minerals'
EARLY = SearchFilters(year_from=2010, year_to=2014)


@pytest.fixture(scope="module")
def corpus_with_lineage(whole_corpus, django_db_blocker):
    """The whole corpus with the lineage of the resolutions the grouped searches match
    (computed at ingest when DJANGO_LINEAGE_AT_INGEST is on; then this changes nothing).
    ``lineage_update`` compares each of their paragraphs with the whole archive, so their
    origins are exact."""
    with django_db_blocker.unblock():
        involved = set()
        for query, filters in ((PHRASE, None), (MINERALS, EARLY)):
            results = search_paragraphs(query=query, filters=filters, per_page=100)
            assert 0 < results.total <= 100
            involved |= {hit.paragraph.resolution_id for hit in results.hits}
        lineage_update(resolution_ids=involved)
        assert LineageLink.objects.filter(paragraph__resolution_id__in=involved).exists()
        yield


def cited(paragraph) -> tuple[int, str]:
    return (paragraph.resolution.number, paragraph.pid)


def test_procurement_and_supply_chains_grouped(corpus_with_lineage, client):
    results = search_paragraphs(query=PHRASE, grouped=True)
    assert (results.total, results.total_wordings) == (3, 3)
    hits = {cited(hit.paragraph): hit for hit in results.hits}
    assert set(hits) == {(2331, "op23"), (2388, "op31"), (2687, "op29")}
    # Each is where its own wording was first agreed, and no other resolution repeats it.
    for hit in hits.values():
        assert cited(hit.wording.origin) == cited(hit.paragraph)
        assert (hit.wording.paragraphs, hit.wording.later) == (1, 0)
    assert hits[(2388, "op31")] is results.hits[0]  # all the words together, first
    page = client.get("/search/", {"q": PHRASE})
    text = page.content.decode()
    assert page.status_code == 200 and "3 paragraphs" in text and "in 3 wordings" in text
    data = client.get("/search.json", {"q": PHRASE, "group": "on"}).json()
    assert (data["total"], data["total_wordings"]) == (3, 3)


def test_a_renewed_wording_is_one_hit(corpus_with_lineage):
    flat = search_paragraphs(query=MINERALS, filters=EARLY, per_page=100)
    results = search_paragraphs(query=MINERALS, filters=EARLY, grouped=True, per_page=100)
    assert flat.total == results.total == 5
    assert results.total_wordings == 3
    hits = {cited(hit.paragraph): hit for hit in results.hits}
    # The DRC sanctions renewals repeat 2078 (2012) OP 14 word for word or nearly.
    drc = hits[(2078, "op14")].wording
    assert cited(drc.origin) == (2078, "op14")
    assert [m.resolution.number for m in drc.members] == [2136] and drc.later == 1
    assert [m.resolution.number for m in hits[(2101, "op25")].wording.members] == [2153]
    assert hits[(1952, "op8")].wording.paragraphs == 1
    listed = {cited(h.paragraph) for h in flat.hits}
    grouped = set(hits) | {cited(m) for h in results.hits for m in h.wording.members}
    assert grouped == listed


# --- Checking a draft against the whole corpus (the done-when) --------------------------
# The text of S/RES/2388 (2017) op 31 with two words changed returns 2388 op 31 (or an earlier
# identical wording) first, with exactly those two changes marked.


@pytest.mark.django_db
def test_2388_op31_with_two_words_changed_is_found_first_with_those_changes(whole_corpus, client):
    op31 = Paragraph.objects.select_related("resolution").get(resolution__number=2388, pid="op31")
    assert "transparency" in op31.text and "operations and supply chains;" in op31.text
    edited = op31.text.replace("transparency", "openness").replace(
        "operations and supply chains;", "operations and delivery chains;"
    )
    draft = f"The Security Council,\n\n31. {edited}\n\n32. Decides to remain seized of the matter."
    response = client.post("/api/draft-check", {"text": draft})
    assert response.status_code == 200
    validate_response("/api/draft-check", response, "post")
    report = response.json()
    assert report["archive_paragraphs"] > 40_000
    match = report["paragraphs"][1]["match"]
    first = Paragraph.objects.select_related("resolution").get(
        resolution__symbol=match["symbol"], pid=match["id"]
    )
    # 2388 op 31 itself, or an earlier paragraph with exactly its wording.
    assert (first.resolution.number, first.pid) == (2388, "op31") or (
        words(first.text) == words(op31.text)
        and first.resolution.adopted_on <= op31.resolution.adopted_on
    )
    changed = [(c["op"], c["text"]) for c in match["changes"] if c["op"] != "equal"]
    assert changed == [
        ("delete", "transparency"),
        ("insert", "openness"),
        ("delete", "supply"),
        ("insert", "delivery"),
    ]
    assert match["percent"] >= 95
    # "Decides to remain seized of the matter." is agreed language many times over.
    seized = report["paragraphs"][2]
    assert seized["match"]["reuse"] == "identical" and seized["same_wording_in_later"] > 100


@pytest.mark.django_db
def test_the_page_shows_the_corpus_match(whole_corpus, client):
    op31 = Paragraph.objects.get(resolution__number=2388, pid="op31")
    page = client.post("/draft-check/", {"text": op31.text.replace("transparency", "openness")})
    assert page.status_code == 200
    text = page.content.decode()
    assert "S/RES/2388 (2017), para. 31</a>" in text
    assert "1 word removed, 1 added" in text
