"""One behavioural contract for search, run unchanged on SQLite and on PostgreSQL.

Six real paragraphs (texts as in the UN's XML), built with the factories so the tests need no
ingest. Every expectation is exact: which paragraphs, in which order, with which counts.
"""

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection

from resolutions.models import Paragraph, Resolution
from resolutions.search import DATE, SearchFilters, highlight_html, search_paragraphs
from tests.factories import make_paragraph, make_resolution
from tests.pages_data import OFFICIAL_2388_OP31 as OP31_2388
from tests.pages_data import TEXT_2331_OP23 as OP23_2331

pytestmark = pytest.mark.django_db

LAST_PP_2388 = (
    "Reaffirming the need to ensure organization and coherence in the efforts of the United "
    "Nations System to address trafficking in persons in areas affected by armed conflict or in "
    "post conflict situations and further recognizing the need to continue to work towards an "
    "enhanced comprehensive and coordinated approach to prevent and combat trafficking, which can "
    "contribute to sustainable peace and stability,"
)
PP4_1325 = (
    "Expressing concern that civilians, particularly women and children, account for the vast "
    "majority of those adversely affected by armed conflict, including as refugees and internally "
    "displaced persons, and increasingly are targeted by combatants and armed elements, and "
    "recognizing the consequent impact this has on durable peace and reconciliation,"
)
PP16_2062 = (
    "Determining that the situation in Côte d’Ivoire continues to pose a threat to international "
    "peace and security in the region,"
)
OP9_2062 = (
    "Reiterates its call to the Ivorian Government and all international partners, including "
    "private companies, involved in assisting the Ivorian Government in the SSR process, to comply "
    "with the provisions of resolution 2045 (2012) and to coordinate their efforts with a view to "
    "promoting transparency and a clear division of labour amongst all international partners;"
)

# What results show, as (symbol, label).
P1 = ("S/RES/2331 (2016)", "OP 23")
P2 = ("S/RES/2388 (2017)", "OP 31")
P3 = ("S/RES/2388 (2017)", "PP")  # pp-1: counted back from the end of the preamble
P4 = ("S/RES/1325 (2000)", "PP 4")
P5 = ("S/RES/2062 (2012)", "PP 16")
P6 = ("S/RES/2062 (2012)", "OP 9")


@pytest.fixture
def archive():
    r2331 = make_resolution(2331, 2016, adopted_on=date(2016, 12, 20))
    r2388 = make_resolution(2388, 2017, adopted_on=date(2017, 11, 21))
    r1325 = make_resolution(1325, 2000, adopted_on=date(2000, 10, 31))
    r2062 = make_resolution(2062, 2012, adopted_on=date(2012, 7, 26))
    return {
        P1: make_paragraph(r2331, OP23_2331, number=23, position=40, addresses_trafficking=True),
        P2: make_paragraph(r2388, OP31_2388, number=31, position=56, addresses_trafficking=True),
        P3: make_paragraph(
            r2388,
            LAST_PP_2388,
            kind="preambular",
            pid="pp-1",
            position=25,
            addresses_trafficking=True,
        ),
        P4: make_paragraph(r1325, PP4_1325, kind="preambular", pid="pp4", position=4),
        P5: make_paragraph(r2062, PP16_2062, kind="preambular", pid="pp16", position=16),
        P6: make_paragraph(r2062, OP9_2062, number=9, position=27),
    }


def found(query: str, **kwargs) -> list[tuple[str, str]]:
    results = search_paragraphs(query=query, **kwargs)
    return [(hit.paragraph.resolution.symbol, hit.label) for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # every word must match, anywhere in the paragraph
        ("trafficking women", {P1}),
        ("united transparency", {P2}),
        # a quoted phrase: those words, in that order
        ('"armed conflict"', {P1, P3, P4}),
        ('"conflict armed"', set()),
        ('"trafficking in persons" "supply chains"', {P1, P2}),
        # OR
        ("labour OR civilians", {P4, P6}),
        ("transparency OR civilians OR nonexistentword", {P2, P4, P6}),
        # exclusion
        ("trafficking -procurement", {P3}),
        ("trafficking NOT procurement", {P3}),
        ('"armed conflict" -"trafficking in persons"', {P4}),
        # prefixes
        ("procure*", {P1, P2}),
        ("traff*", {P1, P2, P3}),
        # stemming: a form of the word finds the others
        ("trafficked", {P1, P2, P3}),
        ("organization", {P2, P3}),
        ("determine", {P5}),
        # case
        ("TRAFFICKING", {P1, P2, P3}),
        ("Civilians", {P4}),
        # accents: "cote" finds "Côte", and the apostrophe variant does not matter
        ("cote d'ivoire", {P5}),
        ("CÔTE", {P5}),
        # the paragraphs that prompted the issue, with and without quotes
        ("procurement and supply chains", {P1, P2}),
        ('"procurement and supply chains"', {P1, P2}),
        # nothing matches
        ("nonexistentword", set()),
    ],
)
def test_what_matches(archive, query, expected):
    assert set(found(query)) == expected


def test_totals_count_every_match_not_just_the_page(archive):
    results = search_paragraphs(query="trafficking OR conflict OR labour OR Ivoire", per_page=2)
    assert (results.total, results.num_pages, len(results.hits)) == (6, 3, 2)


def test_relevance_puts_the_paragraph_about_the_words_first(archive):
    # OP 31 of 2388 names supply chains twice in a short paragraph; OP 23 of 2331 once in a
    # long one.
    assert found("supply chains") == [P2, P1]
    assert found('"procurement and supply chains"') == [P2, P1]
    scores = [hit.rank for hit in search_paragraphs(query="supply chains").hits]
    assert scores[0] > scores[1] > 0


# 2687 (2023) OP 29: every word of "procurement and supply chains", scattered through a list.
OP29_2687 = (
    "Requests UNSOM and UNSOS in full consultation with the Government of Somalia, to define the "
    "logistical and enabling tasks that would need to be transitioned to Somalia when ATMIS "
    "departs, and to support Somalia in planning for and developing its sovereign capacity in the "
    "following areas: a. procurement; b. supply chain management; c. logistics and warehouse "
    "operations, including distribution of weapons and ammunition to and from the front lines; "
    "d. engineering; e. weapons and ammunition management, including obsolescence management; "
    "and f. human resources management;"
)
P7 = ("S/RES/2687 (2023)", "OP 29")


@pytest.fixture
def scattered(archive):
    r2687 = make_resolution(2687, 2023, adopted_on=date(2023, 6, 27))
    return make_paragraph(r2687, OP29_2687, number=29, position=45)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the words together and in order (as typed, common words included) rank first
        ("procurement and supply chains", [P2, P1, P7]),
        ("Procurement, and supply chains!", [P2, P1, P7]),
        ("procurement and supply chains -labour", [P2, P1, P7]),
        # no proximity boost for explicit syntax: plain engine order
        ("procurement supply chain*", [P2, P7, P1]),
    ],
)
def test_words_standing_together_rank_above_scattered_matches(scattered, query, expected):
    assert found(query) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(year_from=2016), [P2, P1, P7]),
        (SearchFilters(year_from=2017, kind="operative"), [P2, P7]),
        (SearchFilters(trafficking=False), [P7]),
        (SearchFilters(resolution=2331), [P1]),
    ],
)
def test_under_filters_the_ranking_is_the_same_less_what_they_leave_out(
    scattered, filters, expected
):
    # Only matches that pass every filter are scored and boosted; the order among them is the
    # unfiltered one, and the counts still cover every match for the other facets.
    results = search_paragraphs(query="procurement and supply chains", filters=filters)
    assert [(h.paragraph.resolution.symbol, h.label) for h in results.hits] == expected
    assert (results.total, results.total_without_filters) == (len(expected), 3)
    assert all(hit.rank > 0 for hit in results.hits)


def test_the_proximity_boost_leaves_date_order_and_counts_alone(scattered):
    results = search_paragraphs(query="procurement and supply chains", sort=DATE)
    assert [(h.paragraph.resolution.symbol, h.label) for h in results.hits] == [P7, P2, P1]
    assert (results.total, facet_counts(results)["years"]) == (3, {2023: 1, 2017: 1, 2016: 1})


def test_date_order_is_newest_resolution_first_then_document_order(archive):
    assert found("trafficking", sort=DATE) == [P3, P2, P1]
    assert found("trafficking OR conflict OR labour OR Ivoire", sort=DATE) == [
        P3,
        P2,
        P1,
        P5,
        P6,
        P4,
    ]


def test_pages_partition_the_results(archive):
    query = "trafficking OR conflict OR labour OR Ivoire"
    pages = [found(query, sort=DATE, page=n, per_page=4) for n in (1, 2)]
    assert pages == [[P3, P2, P1, P5], [P6, P4]]
    beyond = search_paragraphs(query=query, sort=DATE, page=99, per_page=4)
    assert (beyond.page, beyond.num_pages, beyond.total, beyond.hits) == (99, 2, 6, [])
    assert (beyond.past_the_end, beyond.start_index, beyond.has_next) == (True, 0, False)


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("trafficking", SearchFilters(year_from=2017), {P2, P3}),
        ("trafficking", SearchFilters(year_to=2016), {P1}),
        ('"armed conflict"', SearchFilters(year_from=2000, year_to=2012), {P4}),
        ('"armed conflict"', SearchFilters(kind="preambular"), {P3, P4}),
        ('"armed conflict"', SearchFilters(trafficking=False), {P4}),
        ('"armed conflict"', SearchFilters(trafficking=True, kind="operative"), {P1}),
        ("trafficking", SearchFilters(resolution=2388), {P2, P3}),
        ("trafficking", SearchFilters(resolution=2388, kind="operative"), {P2}),
        ("trafficking", SearchFilters(resolution=1325), set()),
    ],
)
def test_filters_combine_with_the_query(archive, query, filters, expected):
    assert set(found(query, filters=filters)) == expected


def facet_counts(results) -> dict[str, dict]:
    return {name: {v.value: v.count for v in values} for name, values in results.facets.items()}


def test_facets_count_matches_under_the_query_and_the_other_filters(archive):
    results = search_paragraphs(query='"armed conflict"', filters=SearchFilters(year_from=2016))
    assert results.total == 2  # OP 23 of 2331, the last PP of 2388
    assert results.total_without_filters == 3
    assert facet_counts(results) == {
        "years": {2017: 1, 2016: 1, 2000: 1},  # its own filter ignored: every year listed
        "kinds": {"preambular": 1, "operative": 1},
        "trafficking": {True: 2},
        "resolutions": {2388: 1, 2331: 1},
    }
    assert [v.selected for v in results.facets["years"]] == [True, True, False]


def test_a_selected_facet_still_shows_its_alternatives(archive):
    results = search_paragraphs(query='"armed conflict"', filters=SearchFilters(kind="preambular"))
    assert [(v.label, v.count, v.selected) for v in results.facets["kinds"]] == [
        ("Preambular", 2, True),
        ("Operative", 1, False),
    ]


def test_a_chosen_resolution_stays_in_its_facet_beyond_the_top_ones(archive, monkeypatch):
    monkeypatch.setattr("resolutions.search.base.TOP_RESOLUTIONS", 1)
    results = search_paragraphs(query="trafficking", filters=SearchFilters(resolution=2331))
    assert [(v.label, v.count, v.selected) for v in results.facets["resolutions"]] == [
        ("S/RES/2388 (2017)", 2, False),
        ("S/RES/2331 (2016)", 1, True),
    ]
    assert found("trafficking", filters=SearchFilters(resolution=2331)) == [P1]


def test_common_words_alone_are_a_helpful_empty_search(archive):
    results = search_paragraphs(query="and the of")
    assert (results.total, results.hits, results.query.ignored) == (0, [], ("and", "the", "of"))
    assert results.understood == "nothing to search for"


def test_empty_query_finds_nothing_without_error(archive):
    assert search_paragraphs(query="").total == 0


def test_snippets_mark_the_matched_words(archive):
    hits = search_paragraphs(query='"procurement and supply chains"').hits
    assert "<mark>procurement and supply chains</mark>" in hits[0].snippet
    assert hits[0].url("supply") == "/resolutions/2388/op31/?q=supply"


def test_highlight_html_for_the_paragraph_page(archive):
    assert highlight_html(PP16_2062, "cote threat") == (
        "Determining that the situation in <mark>Côte</mark> d’Ivoire continues to pose a "
        "<mark>threat</mark> to international peace and security in the region,"
    )


def test_a_symbol_is_found_as_written(archive):
    resolution = archive[P2].resolution
    make_paragraph(resolution, "Recalling S/RES/2379 (2017),", kind="preambular", pid="pp3")
    assert found("S/RES/2379") == [("S/RES/2388 (2017)", "PP 3")]


def test_the_number_of_a_symbol_alone_finds_it(archive):
    resolution = archive[P2].resolution
    make_paragraph(resolution, "Recalling S/RES/2379 (2017),", kind="preambular", pid="pp3")
    assert found("2379") == [("S/RES/2388 (2017)", "PP 3")]


def test_the_index_follows_edits_and_deletions(archive):
    paragraph = archive[P6]
    Paragraph.objects.filter(pk=paragraph.pk).update(text="Decides to remain seized of the matter;")
    assert found("labour") == []
    assert found("seized") == [P6]
    Paragraph.objects.filter(pk=paragraph.pk).update(addresses_trafficking=True)
    assert found("seized", filters=SearchFilters(trafficking=True)) == [P6]
    paragraph.delete()
    assert found("seized") == []


def test_the_index_follows_the_resolution_and_the_paragraph_kind(archive):
    # PostgreSQL copies these into its search table; SQLite reads them live. Same answers.
    paragraph = archive[P6]
    Paragraph.objects.filter(pk=paragraph.pk).update(kind="preambular")
    as_preambular = SearchFilters(kind="preambular")
    assert found("labour", filters=as_preambular) == [("S/RES/2062 (2012)", "PP")]
    assert found("labour", filters=SearchFilters(kind="operative")) == []
    resolution = paragraph.resolution
    resolution.number, resolution.year, resolution.symbol = 2063, 2013, "S/RES/2063 (2013)"
    resolution.save()
    assert found("labour", filters=SearchFilters(year_from=2013, resolution=2063)) == [
        ("S/RES/2063 (2013)", "PP")
    ]
    assert found("labour", filters=SearchFilters(year_to=2012)) == []
    facets = search_paragraphs(query="labour").facets
    assert [(v.value, v.count) for v in facets["years"]] == [(2013, 1)]
    assert [(v.value, v.count) for v in facets["resolutions"]] == [(2063, 1)]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the search table and its triggers are PostgreSQL's"
)
def test_the_postgresql_search_table_mirrors_the_paragraphs(archive):
    expected = """
        SELECT p.id, p.resolution_id, r.number, r.year, p.kind, p.position,
               p.addresses_trafficking,
               setweight(
                   to_tsvector('archive_english'::regconfig, archive_search_text(p.text)), 'A'
               )
        FROM resolutions_paragraph AS p JOIN resolutions_resolution AS r ON r.id = p.resolution_id
    """
    stored = """
        SELECT id, resolution_id, number, year, kind, position, addresses_trafficking,
               search_vector
        FROM resolutions_paragraph_search
    """

    def assert_mirrored():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (({expected}) EXCEPT ({stored})) AS d")
            assert cursor.fetchone() == (0,)
            cursor.execute(f"SELECT count(*) FROM (({stored}) EXCEPT ({expected})) AS d")
            assert cursor.fetchone() == (0,)
            cursor.execute("SELECT count(*) FROM resolutions_paragraph_search")
            assert cursor.fetchone() == (Paragraph.objects.count(),)

    assert_mirrored()
    # Every kind of write: new text, a flag and a position alone, a renumbered resolution,
    # a paragraph moved to another resolution, a deletion.
    Paragraph.objects.filter(pk=archive[P6].pk).update(text="Decides to remain seized;")
    Paragraph.objects.filter(pk=archive[P5].pk).update(addresses_trafficking=True, position=3)
    Resolution.objects.filter(number=2331).update(number=2332, year=2018)
    Paragraph.objects.filter(pk=archive[P4].pk).update(resolution=archive[P2].resolution)
    archive[P1].delete()
    assert_mirrored()
    with connection.cursor() as cursor:
        # TRUNCATE fires no row triggers (Django's test flush uses it): its own trigger empties
        # the search table, so no search answers with paragraphs that are gone.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending
        cursor.execute(
            "TRUNCATE resolutions_paragraph, resolutions_paragraphalias,"
            " resolutions_crossreference, resolutions_lineagelink, resolutions_paragraphtext"
        )
        cursor.execute("SELECT count(*) FROM resolutions_paragraph_search")
        assert cursor.fetchone() == (0,)
    assert found("labour") == []


def test_paragraphs_loaded_before_their_resolutions_are_searchable(archive, tmp_path):
    # A dump that lists paragraphs first loads (foreign keys are checked at the end), and on
    # PostgreSQL the search table gets their resolution's number and year when it arrives.
    dump = tmp_path / "dump.json"
    call_command("dumpdata", "resolutions.Paragraph", "resolutions.Resolution", output=str(dump))
    assert json.loads(dump.read_text())[0]["model"] == "resolutions.paragraph"
    before = search_paragraphs(query="labour OR conflict", filters=SearchFilters(year_from=2012))
    Resolution.objects.all().delete()
    assert found("labour") == []
    call_command("loaddata", str(dump), verbosity=0)
    after = search_paragraphs(query="labour OR conflict", filters=SearchFilters(year_from=2012))
    assert [h.paragraph.pk for h in after.hits] == [h.paragraph.pk for h in before.hits]
    assert after.facets == before.facets
    assert found("labour", filters=SearchFilters(resolution=2062)) == [P6]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_postgresql_searches_plan_for_pages_in_memory(archive):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
