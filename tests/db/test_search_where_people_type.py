"""Search meets people where they type: citations, misspellings, spelling variants, questions,
hyphens, browsing by filter and the JSON twin -- one contract, run on SQLite and PostgreSQL.

Real paragraphs (texts as in the UN's XML), built with the factories; the vocabulary "did you
mean" reads is rebuilt from them as an ingest would. Every expectation is exact.
"""

from __future__ import annotations

import json

import pytest

from resolutions.search import SearchFilters, highlight_html, search_paragraphs
from resolutions.services.search_words import search_words_rebuild
from tests.factories import make_paragraph, make_resolution
from tests.pages_data import OFFICIAL_2388_OP31 as OP31_2388
from tests.pages_data import TEXT_2331_OP23 as OP23_2331

pytestmark = pytest.mark.django_db

OP16_2467 = (
    "Encourages Member States to adopt a survivor-centered approach in preventing and responding "
    "to sexual violence in conflict and post-conflict situations, ensuring that prevention and "
    "response are non-discriminatory and specific;"
)
OP1_1820 = (
    "Stresses that sexual violence, when used or commissioned as a tactic of war in order to "
    "deliberately target civilians or as a part of a widespread or systematic attack against "
    "civilian populations, can significantly exacerbate situations of armed conflict and may "
    "impede the restoration of international peace and security;"
)
PP10_2359 = (
    "Recalling the United Nations Zero Tolerance Policy on sexual exploitation and abuse, and "
    "acknowledging the efforts carried out by the Secretary-General in this regard,"
)
OP11_2102 = (
    "Emphasises the importance of UNSOM adhering to the Secretary-General’s Human Rights and Due "
    "Diligence Policy and the United Nations Zero-Tolerance Policy on Sexual Exploitation and "
    "Abuse;"
)
PP20_2036 = (
    "Expressing concern that charcoal exports from Somalia are a significant revenue source for "
    "Al Shabaab and also exacerbate the humanitarian crisis,"
)
H2_2713 = "Arms embargo on Al-Shabaab"
OP1_1539 = (
    "Strongly condemns the recruitment and use of child soldiers by parties to armed conflict, "
    "abduction and forced displacement, as well as trafficking, forced labour and all forms of "
    "slavery committed against children affected by armed conflict;"
)
PP3_2388 = "Recalling its resolutions 2331 (2016) and 2195 (2014),"

P2331 = ("S/RES/2331 (2016)", "OP 23")
P2388 = ("S/RES/2388 (2017)", "OP 31")
P2388_PP3 = ("S/RES/2388 (2017)", "PP 3")
P2467 = ("S/RES/2467 (2019)", "OP 16")
P1820 = ("S/RES/1820 (2008)", "OP 1")
P2359 = ("S/RES/2359 (2017)", "PP 10")
P2102 = ("S/RES/2102 (2013)", "OP 11")
P2036 = ("S/RES/2036 (2012)", "PP 20")
P2713 = ("S/RES/2713 (2023)", "Heading")
P1539 = ("S/RES/1539 (2004)", "OP 1")


@pytest.fixture
def archive():
    r2331 = make_resolution(2331, 2016, title="Maintenance of international peace and security")
    r2388 = make_resolution(2388, 2017)
    make_paragraph(r2331, OP23_2331, number=23, position=40, addresses_trafficking=True)
    make_paragraph(r2388, PP3_2388, kind="preambular", pid="pp3", position=3)
    make_paragraph(r2388, OP31_2388, number=31, position=56, addresses_trafficking=True)
    make_paragraph(make_resolution(2467, 2019), OP16_2467, number=16, position=30)
    make_paragraph(make_resolution(1820, 2008), OP1_1820, number=1, position=12)
    make_paragraph(make_resolution(2359, 2017), PP10_2359, kind="preambular", pid="pp10")
    make_paragraph(make_resolution(2102, 2013), OP11_2102, number=11, position=24)
    make_paragraph(make_resolution(2036, 2012), PP20_2036, kind="preambular", pid="pp20")
    make_paragraph(make_resolution(2713, 2023), H2_2713, kind="heading", pid="h2", label="Heading")
    make_paragraph(make_resolution(1539, 2004), OP1_1539, number=1, position=10)
    search_words_rebuild()


def found(query: str, **kwargs) -> list[tuple[str, str]]:
    return [
        (h.paragraph.resolution.symbol, h.label)
        for h in search_paragraphs(query=query, **kwargs).hits
    ]


# -- 1. symbols and citations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "citation", "url", "only"),
    [
        ("S/RES/2331", "S/RES/2331 (2016)", "/resolutions/2331/", True),
        ("S/RES/2331 (2016)", "S/RES/2331 (2016)", "/resolutions/2331/", True),
        ("s/res/2331(2016)", "S/RES/2331 (2016)", "/resolutions/2331/", True),
        ("2331 (2016)", "S/RES/2331 (2016)", "/resolutions/2331/", True),
        ("resolution 2331", "S/RES/2331 (2016)", "/resolutions/2331/", True),
        ("2388 op 31", "S/RES/2388 (2017), para. 31", "/resolutions/2388/op31/", True),
        (
            "S/RES/2388 (2017), para. 31",
            "S/RES/2388 (2017), para. 31",
            "/resolutions/2388/op31/",
            True,
        ),
        ("2388 (2017) OP31", "S/RES/2388 (2017), para. 31", "/resolutions/2388/op31/", True),
        # op 31 has no sub-paragraph (a): the paragraph itself (corpus examples test one that has)
        (
            "para 31 (a) of resolution 2388",
            "S/RES/2388 (2017), para. 31",
            "/resolutions/2388/op31/",
            True,
        ),
        # a bare number may be a year or a count: offered, never a redirect
        ("2331", "S/RES/2331 (2016)", "/resolutions/2331/", False),
        # inside other words: offered beside the results
        ("trafficking resolution 2331", "S/RES/2331 (2016)", "/resolutions/2331/", False),
        # a paragraph the resolution does not have leads to the resolution
        ("2388 op 99", "S/RES/2388 (2017)", "/resolutions/2388/", True),
    ],
)
def test_a_citation_goes_where_it_means(archive, query, citation, url, only):
    match = search_paragraphs(query=query).resolution_match
    assert (match.citation, match.url, match.only) == (citation, url, only)


@pytest.mark.parametrize(
    "query", ["S/RES/2330", "2331 (2017)", '"S/RES/2331"', "op 31", "2017 2018"]
)
def test_what_names_no_resolution_of_the_archive_is_no_match(archive, query):
    assert search_paragraphs(query=query).resolution_match is None


def test_a_citation_alone_lists_the_paragraphs_citing_it(archive):
    results = search_paragraphs(query="S/RES/2331 (2016)")
    assert results.citing and results.understood == "paragraphs citing S/RES/2331 (2016)"
    assert found("resolution 2331") == [P2388_PP3]
    assert "resolutions <mark>2331 (2016</mark>) and" in results.hits[0].snippet


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("S/RES/2331", "/resolutions/2331/"),
        ("2388 op 31", "/resolutions/2388/op31/"),
        ("S/RES/2388 (2017), para. 31", "/resolutions/2388/op31/"),
        ("para 31 (a) of resolution 2388", "/resolutions/2388/op31/"),
    ],
)
def test_the_search_page_redirects_a_citation_alone(client, archive, query, location):
    response = client.get("/search/", {"q": query})
    assert (response.status_code, response["Location"]) == (302, location)


def test_with_filters_or_other_words_the_page_offers_the_way_instead(client, archive):
    html = client.get("/search/", {"q": "S/RES/2331", "year_from": "2017"}).content.decode()
    assert '<a href="/resolutions/2331/">Go to S/RES/2331 (2016)</a>' in html
    html = client.get("/search/", {"q": "2331"}).content.decode()
    assert '<a href="/resolutions/2331/">Go to S/RES/2331 (2016)</a>' in html


def test_a_paragraph_it_does_not_have_is_said_not_redirected(client, archive):
    response = client.get("/search/", {"q": "2388 op 99"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="/resolutions/2388/">Go to S/RES/2388 (2017)</a>' in html
    assert "S/RES/2388 (2017) has no operative paragraph 99 in the archive." in html


def test_a_bare_number_finds_the_symbol_on_both_engines(archive):
    make_paragraph(
        make_resolution(2400, 2018), "Recalling S/RES/2379 (2017),", kind="preambular", pid="pp1"
    )
    assert found("2379") == [("S/RES/2400 (2018)", "PP 1")]


@pytest.mark.parametrize("value", ["2388", "S/RES/2388", "s/res/2388 (2017)", "resolution 2388"])
def test_the_resolution_filter_takes_a_symbol(client, archive, value):
    response = client.get("/search.json", {"q": "trafficking", "resolution": value})
    data = json.loads(response.content)
    assert response.status_code == 200
    assert [(r["symbol"], r["label"]) for r in data["results"]] == [P2388]


# -- 2. did you mean ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "total", "suggested", "suggested_total"),
    [
        ("traficking", 0, "trafficking", 3),
        ("trafficing", 0, "trafficking", 3),
        ("Traficking in persons", 0, "trafficking in persons", 2),  # OP 1 of 1539 has no persons
        ("sexual violance", 0, "sexual violence", 2),
    ],
)
def test_did_you_mean_from_the_archives_own_words(
    archive, query, total, suggested, suggested_total
):
    results = search_paragraphs(query=query)
    assert results.total == total
    assert (results.suggestion.query.lower(), results.suggestion.total) == (
        suggested,
        suggested_total,
    )


@pytest.mark.parametrize("query", ["trafficking", "zyxwvutsrq", "exploitations", "labor"])
def test_no_suggestion_for_words_the_archive_holds_or_nothing_near(archive, query):
    assert search_paragraphs(query=query).suggestion is None


def test_a_suggestion_counts_under_the_same_filters(archive):
    results = search_paragraphs(query="traficking", filters=SearchFilters(year_from=2017))
    assert (results.suggestion.query, results.suggestion.total) == ("trafficking", 1)


# -- 3. spelling variants -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (("forced labour", "forced labor", '"forced labor"'), [P1539]),
        (("survivor-centred", "survivor-centered", "survivor centred"), [P2467]),
        (("emphasises", "emphasizes", "emphasize"), [P2102]),
    ],
)
def test_british_and_american_spellings_are_one_word(archive, queries, expected):
    for query in queries:
        assert found(query) == expected, query


def test_phrases_stay_exact_apart_from_spelling(archive):
    assert found('"labor forced"') == []
    assert found('"forced labor and all forms of slavery"') == [P1539]


def test_the_printed_spelling_is_marked_for_either_spelling(archive):
    assert "forced <mark>labour</mark>" in highlight_html(OP1_1539, "labor")
    assert "<mark>survivor-centered</mark>" in highlight_html(OP16_2467, '"survivor-centred"')
    assert search_paragraphs(query="forced labor").variants == (("labor", "labour"),)


# -- 4. questions -------------------------------------------------------------------------------


def test_a_question_gets_the_best_partial_matches(archive):
    results = search_paragraphs(
        query="what did the council say about sexual violence as a tactic of war"
    )
    assert results.partial.all_words_total == 0
    # "say" is in no paragraph here: left out, as a word the archive does not hold.
    assert set(results.partial.words) == {"sexual", "violence", "tactic", "war", "council"}
    # Most words first: 1820 OP 1 holds four (tactic, war, violence, sexual), 2467 OP 16 two
    # (violence, sexual); then one word each, the rarest first: "council" is in one paragraph
    # here (2331 OP 23), "sexual" in four.
    assert found("what did the council say about sexual violence as a tactic of war") == [
        P1820,
        P2467,
        P2331,
        P2359,
        P2102,
    ]
    assert [round(h.rank) for h in results.hits] == [143, 67, 48, 33, 33]


def test_rarer_words_count_more_among_paragraphs_with_as_many(archive):
    # Each paragraph holds one word; "tactic" is in one paragraph, "sexual" in three.
    results = search_paragraphs(query="tactic sexual zyxw forced")
    assert found("tactic sexual zyxw forced")[:1] == [P1820]
    assert results.partial.words == ("tactic", "forced", "sexual")  # zyxw: in no paragraph


def test_a_question_that_finds_enough_is_left_alone(archive):
    assert search_paragraphs(query="sexual violence").partial is None


# -- 5. hyphens ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (
            (
                '"zero-tolerance policy on sexual exploitation and abuse"',
                '"zero tolerance policy on sexual exploitation and abuse"',
                "zero-tolerance policy on sexual exploitation and abuse",
            ),
            {P2359, P2102},
        ),
        (("Al-Shabaab", '"Al-Shabaab"', "al shabaab", '"Al Shabaab"'), {P2036, P2713}),
        (("post-conflict", '"post-conflict"', '"post conflict"'), {P2467}),
        (("Secretary-General", '"Secretary-General"', "secretary general"), {P2331, P2359, P2102}),
    ],
)
def test_hyphens_match_alike_in_quotes_and_out(archive, queries, expected):
    for query in queries:
        assert set(found(query)) == expected, query


# -- 6. browse by filter ------------------------------------------------------------------------


def test_filters_alone_list_paragraphs_in_document_order(archive):
    results = search_paragraphs(query="", filters=SearchFilters(year_from=2016, year_to=2017))
    assert results.browsing and results.sort == "document"
    assert found("", filters=SearchFilters(year_from=2016, year_to=2017)) == [
        P2331,
        ("S/RES/2359 (2017)", "PP 10"),
        P2388_PP3,
        P2388,
    ]
    assert results.total == 4
    years = {v.value: v.count for v in results.facets["years"]}
    assert years == {2023: 1, 2019: 1, 2017: 3, 2016: 1, 2013: 1, 2012: 1, 2008: 1, 2004: 1}
    trafficking = search_paragraphs(query="", filters=SearchFilters(trafficking=True))
    assert [h.label for h in trafficking.hits] == ["OP 23", "OP 31"]


def test_browsing_facets_count_each_under_the_other_filters(archive):
    filters = SearchFilters(trafficking=True, year_from=2017, year_to=2017)
    results = search_paragraphs(query="", filters=filters)
    assert found("", filters=filters) == [P2388]
    counts = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert counts == {
        "years": {2017: 1, 2016: 1},  # trafficking paragraphs of every year
        "kinds": {"operative": 1},
        "trafficking": {True: 1, False: 2},  # paragraphs of 2017 either way
        "resolutions": {2388: 1},
    }


def test_filters_that_let_nothing_through_say_so(client, archive):
    html = client.get("/search/", {"year_from": "1990", "year_to": "1999"}).content.decode()
    assert "No paragraph passes these filters" in html


def test_common_words_alone_are_still_nothing_to_search_for(archive):
    results = search_paragraphs(query="the of", filters=SearchFilters(year_from=2016))
    assert (results.browsing, results.total) == (False, 0)


def test_browsing_by_filter_in_html_and_json(client, archive):
    params = {"trafficking": "true", "year_from": "2017", "year_to": "2017"}
    html = client.get("/search/", params).content.decode()
    assert "1 paragraph\n" in html and "every paragraph the filters let through" in html
    data = json.loads(client.get("/search.json", params).content)
    assert (data["browsing"], data["total"], data["sort"]) == (True, 1, "document")
    assert [(r["symbol"], r["label"]) for r in data["results"]] == [P2388]


# -- 7. JSON ------------------------------------------------------------------------------------


def test_json_pages_as_asked_with_absolute_links(client, archive):
    data = json.loads(client.get("/search.json", {"q": "sexual", "per_page": "1"}).content)
    assert (data["per_page"], len(data["results"]), data["num_pages"]) == (1, 1, 4)
    assert data["results"][0]["url"].startswith("http://testserver/resolutions/")
    assert data["next"] == "http://testserver/search.json?q=sexual&per_page=1&page=2"
    capped = json.loads(client.get("/search.json", {"q": "sexual", "per_page": "5000"}).content)
    assert capped["per_page"] == 100


def test_json_says_what_it_understood_suggests_and_matched(client, archive):
    data = json.loads(client.get("/search.json", {"q": "traficking zero-tolerance"}).content)
    assert data["searched"] == 'traficking "zero tolerance"'
    assert data["suggestion"]["query"] == "trafficking zero-tolerance"
    assert data["suggestion"]["url"].startswith("http://testserver/search.json?q=trafficking")
    data = json.loads(client.get("/search.json", {"q": "2388 op 31"}).content)
    assert data["resolution_match"] == {
        "symbol": "S/RES/2388 (2017)",
        "number": 2388,
        "year": 2017,
        "title": "",
        "citation": "S/RES/2388 (2017), para. 31",
        "paragraph": "op31",
        "subparagraph": None,
        "url": "http://testserver/resolutions/2388/op31/",
        "only": True,
        "note": None,
    }
    assert (data["citing"], data["total"]) == (True, 0)  # no paragraph here cites 2388


def test_an_over_long_query_gets_the_archives_own_400(client, archive):
    page = client.get("/search/", {"q": "trafficking " * 500})
    assert page.status_code == 400
    assert "This search is too long" in page.content.decode()
    assert 'id="search-q"' in page.content.decode()  # the search form, to try again
    data = client.get("/search.json", {"q": "x" * 5000})
    assert data.status_code == 400
    assert json.loads(data.content)["errors"]["q"] == [
        "Your search is 5,000 characters long; the archive searches at most 500. Shorten it to "
        "the words or phrase you are looking for."
    ]
