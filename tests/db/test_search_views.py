"""/search/, /search.json and /search/help/ as a person (or a program) meets them, on both engines.

Every hostile input from tests/hostile.py goes through both surfaces: a normal answer (or a 400
with the reason), never a 500, and never echoed into the page unescaped.
"""

import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_paragraph, make_resolution
from tests.hostile import (
    HOSTILE_QUERIES,
    HOSTILE_QUERY_STRINGS,
    INVALID_FILTERS,
    LENIENT_PARAMETERS,
)
from tests.pages_data import OFFICIAL_2388_OP31 as OP31_2388

pytestmark = pytest.mark.django_db

OP23_2331_END = (
    "and recommendations for UN agencies to mitigate the risk of contributing to trafficking in "
    "persons in armed conflict through procurement and supply chains;"
)


@pytest.fixture
def archive():
    r2388 = make_resolution(2388, 2017, adopted_on=date(2017, 11, 21))
    r2331 = make_resolution(2331, 2016, adopted_on=date(2016, 12, 20))
    make_paragraph(r2388, OP31_2388, number=31, position=56, addresses_trafficking=True)
    make_paragraph(
        r2388,
        "Recalling <b>its</b> resolution 2331 (2016) on trafficking in persons,",
        kind="preambular",
        pid="pp-1",
        position=25,
        addresses_trafficking=True,
    )
    make_paragraph(r2331, OP23_2331_END, number=23, position=40, addresses_trafficking=True)


def get_json(client, **params):
    response = client.get("/search.json", params)
    return response.status_code, json.loads(response.content)


def test_results_page_lists_each_paragraph_with_label_snippet_and_permalink(client, archive):
    response = client.get("/search/", {"q": "procurement and supply chains"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 paragraphs" in html
    assert 'href="/resolutions/2388/op31/?q=procurement+and+supply+chains"' in html
    assert 'href="/resolutions/2331/op23/?q=procurement+and+supply+chains"' in html
    assert 'S/RES/2388 (2017) <span class="search-hit__label">OP 31</span>' in html
    assert "<mark>procurement</mark> and <mark>supply</mark> <mark>chains</mark>" in html
    assert "Common words left out: and." in html
    assert 'value="procurement and supply chains"' in html  # the box keeps the query


def test_a_results_page_costs_the_same_few_queries_however_many_hits(client, archive):
    # One statement gives the counts and the page's paragraphs with their resolutions: nothing
    # per hit, including a field a hit shows but the statement left out (it would load on
    # use); one indexed lookup reads the typed words in the vocabulary (did you mean).
    # Savepoints are the test's own.
    expected = 2
    for query in ("procurement", "trafficking OR procurement"):
        for path in ("/search/", "/search.json"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path, {"q": query}).status_code == 200
            statements = [
                q["sql"]
                for q in captured.captured_queries
                if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
            ]
            assert len(statements) == expected, statements


def test_a_paragraph_counted_from_the_end_of_the_preamble_is_labelled_pp(client, archive):
    status, data = get_json(client, q="recalling")
    assert [(r["label"], r["paragraph"]) for r in data["results"]] == [("PP", "pp-1")]


def test_json_gives_the_same_search_as_data(client, archive):
    status, data = get_json(client, q='"supply chains"', year_from="2017")
    assert status == 200
    assert {k: data[k] for k in ("query", "understood", "total", "page", "num_pages")} == {
        "query": '"supply chains"',
        "understood": "paragraphs with “supply chains” (words in this order; other forms of the "
        "same words also match, e.g. chain/chains)",
        "total": 1,
        "page": 1,
        "num_pages": 1,
    }
    [row] = data["results"]
    assert {k: v for k, v in row.items() if k not in ("snippet", "rank")} == {
        "symbol": "S/RES/2388 (2017)",
        "number": 2388,
        "year": 2017,
        "short_title": "",  # the seed archive has no record data
        "paragraph": "op31",
        "label": "OP 31",
        "kind": "operative",
        # absolute, so that a program can follow them as they come
        "url": "http://testserver/resolutions/2388/op31/?q=%22supply+chains%22",
        "resolution_url": "http://testserver/resolutions/2388/",
    }
    assert row["snippet"].startswith("Calls upon United Nations system organizations to enhance")
    assert row["snippet"].count("<mark>supply chains</mark>") == 1  # a 30-word window
    assert row["rank"] > 0
    assert data["facets"]["years"] == [
        {"value": 2017, "label": "2017", "count": 1},
        {"value": 2016, "label": "2016", "count": 1},
    ]


def test_stored_markup_in_a_paragraph_is_shown_as_text(client, archive):
    html = client.get("/search/", {"q": "recalling"}).content.decode()
    assert "&lt;b&gt;its&lt;/b&gt;" in html and "<b>its</b>" not in html


def test_facets_are_links_that_add_the_filter_to_the_url(client, archive):
    html = client.get("/search/", {"q": "trafficking", "page": "1"}).content.decode()
    assert 'href="/search/?q=trafficking&amp;year_from=2016&amp;year_to=2016"' in html
    assert 'href="/search/?q=trafficking&amp;kind=preambular"' in html
    assert 'href="/search/?q=trafficking&amp;resolution=2388"' in html
    filtered = client.get("/search/", {"q": "trafficking", "kind": "preambular"})
    assert "1 paragraph\n" in filtered.content.decode()
    assert 'href="/search/?q=trafficking" aria-current="true"' in filtered.content.decode()


def test_sort_by_date_and_pagination(client, archive):
    resolution = make_resolution(2500, 2019)
    for n in range(1, 24):
        make_paragraph(resolution, f"Stresses item {n} on exploitation;", number=n, position=n)
    first = client.get("/search/", {"q": "exploitation", "sort": "date"}).content.decode()
    assert "23 paragraphs" in first and "(1–20 shown)" in first
    assert '<option value="date" selected>Newest first</option>' in first
    assert 'href="/search/?q=exploitation&amp;sort=date&amp;page=2" rel="next"' in first
    status, data = get_json(client, q="exploitation", sort="date", page="2")
    assert [r["label"] for r in data["results"]] == ["OP 21", "OP 22", "OP 23"]
    assert (data["page"], data["num_pages"]) == (2, 2)


def test_empty_query_is_an_invitation(client, archive):
    html = client.get("/search/").content.decode()
    assert "Search every paragraph of the archive" in html


def test_common_words_only_explain_themselves(client, archive):
    html = client.get("/search/", {"q": "and the of"}).content.decode()
    assert "and, the, of: these words are too common to search for on their own." in html
    status, data = get_json(client, q="and the of")
    assert (status, data["total"], data["understood"]) == (200, 0, "nothing to search for")


def test_no_results_offers_broader_searches(client, archive):
    html = client.get("/search/", {"q": '"chains supply" procurement'}).content.decode()
    assert "No paragraph matches" in html
    assert 'href="/search/?q=chains+supply+procurement"' in html
    filtered = client.get("/search/", {"q": "procurement", "year_to": "2000"}).content.decode()
    assert "Search without the filters</a>: 2 paragraphs match." in filtered


def test_help_page(client):
    response = client.get("/search/help/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>How to search</h1>" in html
    assert (
        "the words together, in this order; other forms of the same words also match: "
        "<em>supply chain</em> too" in html
    )
    assert "paragraphs holding all your words together, in the order typed, come first" in html
    assert "exact" not in html


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_get_a_normal_answer(client, archive, query):
    page = client.get("/search/", {"q": query})
    status, data = get_json(client, q=query)
    html = page.content.decode()
    if len(" ".join(query.split())) > 500:  # the archive's cap: a 400 that says so
        assert (page.status_code, status) == (400, 400)
        assert "the archive searches at most 500" in html
        assert "the archive searches at most 500" in data["error"]
    else:
        assert (page.status_code, status) == (200, 200)
        assert isinstance(data["total"], int) and isinstance(data["understood"], str)
    assert "<script>alert" not in html and "<img src=x" not in html


def test_script_in_the_query_is_shown_escaped(client, archive):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    html = client.get("/search/", {"q": '"><img src=x onerror=alert(1)>'}).content.decode()
    assert 'value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"' in html


@pytest.mark.parametrize("raw", HOSTILE_QUERY_STRINGS)
def test_broken_percent_encoding_is_read_not_refused(client, archive, raw):
    assert client.get("/search/", QUERY_STRING=raw).status_code == 200
    response = client.get("/search.json", QUERY_STRING=raw)
    data = json.loads(response.content)
    if raw.startswith("year_from"):  # "\ufffd" is no year: refused with the reason
        assert (response.status_code, data["errors"]) == (
            400,
            {"year_from": ["Enter a whole number."]},
        )
    else:
        assert (response.status_code, data["total"] >= 0) == (200, True)


@pytest.mark.parametrize("params", INVALID_FILTERS, ids=lambda p: repr(p))
def test_invalid_filters_are_explained(client, archive, params):
    status, data = get_json(client, q="trafficking", **params)
    assert status == 400
    assert data["error"] == "Invalid search parameters."
    assert set(data["errors"]) == {"year_to" if "year_to" in params else next(iter(params))}
    page = client.get("/search/", {"q": "trafficking", **params})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Some filters need fixing" in html
    assert "<script>alert" not in html


def test_a_reversed_year_range_says_so(client, archive):
    status, data = get_json(client, q="trafficking", year_from="2020", year_to="2000")
    assert data["errors"] == {"year_to": ["The year range is reversed: 2020 is after 2000."]}
    html = client.get("/search/", {"q": "x", "year_from": "abc"}).content.decode()
    assert "From year</a>: Enter a whole number." in html


def test_every_invalid_value_is_named_with_its_own_message(client, archive):
    params = {"q": "trafficking", "kind": "bogus", "trafficking": "yes", "sort": "bogus"}
    status, data = get_json(client, **params)
    assert (status, data["errors"]) == (
        400,
        {
            "kind": ["Select a valid choice. bogus is not one of the available choices."],
            "trafficking": ["Choose true or false, or leave it empty for any paragraph."],
            "sort": ["Choose relevance, date, document or agreed."],
        },
    )
    page = client.get("/search/", params)
    html = page.content.decode()
    assert page.status_code == 200
    assert '<a href="#id_trafficking">Topic</a>: Choose true or false' in html
    assert '<a href="#id_sort">Order</a>: Choose relevance, date, document or agreed.' in html
    assert html.count('name="sort"') == 1  # one order control, in the filters


@pytest.mark.parametrize(
    ("value", "flag"), [("true", True), ("TRUE", True), ("1", True), ("false", False), ("0", False)]
)
def test_the_topic_filter_reads_true_and_false(client, archive, value, flag):
    status, data = get_json(client, q="trafficking OR recalling", trafficking=value)
    assert (status, data["total"]) == (200, 3 if flag else 0)


@pytest.mark.parametrize(
    ("params", "selected"),
    [
        ({"trafficking": "true"}, {"trafficking": "true"}),
        ({"trafficking": "1"}, {"trafficking": "true"}),
        ({"trafficking": "FALSE"}, {"trafficking": "false"}),
        ({"trafficking": "0"}, {"trafficking": "false"}),
        ({"trafficking": "yes"}, {"trafficking": ""}),  # refused, with its error
        ({"kind": "operative", "sort": "date"}, {"kind": "operative", "sort": "date"}),
        ({}, {"trafficking": "", "kind": ""}),
    ],
)
def test_the_form_shows_the_filters_in_force(client, archive, params, selected):
    # Submitting the form again must keep them: a choice shown as "any" would silently widen
    # the next search.
    html = client.get("/search/", {"q": "trafficking", **params}).content.decode()
    for name, value in selected.items():
        control = html[html.index(f'<select name="{name}"') :]
        control = control[: control.index("</select>")]
        assert re.findall(r'<option value="([^"]*)" selected', control) == [value]


def test_a_refused_filter_points_its_control_at_the_error_text(client, archive):
    html = client.get("/search/", {"q": "trafficking", "year_from": "1900"}).content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_year_from_error"' in html
    assert 'id="id_year_from_error"' in html
    assert 'name="year_from" value="1900"' in html  # kept as typed, to be corrected


@pytest.mark.parametrize(
    ("page", "shown"), [("0", 1), ("-1", 1), ("abc", 1), ("", 1), ("1.5", 1), ("1", 1)]
)
def test_a_page_that_is_no_positive_number_is_the_first(client, archive, page, shown):
    status, data = get_json(client, q="trafficking", page=page)
    assert (status, data["page"], len(data["results"])) == (200, shown, 3)


def test_a_page_past_the_end_is_empty_and_says_how_many_there_are(client, archive):
    status, data = get_json(client, q="trafficking", page="7")
    assert status == 200
    assert {k: data[k] for k in ("page", "num_pages", "total", "results")} == {
        "page": 7,
        "num_pages": 1,
        "total": 3,
        "results": [],
    }
    status, data = get_json(client, q="trafficking", page="999999")  # read as the last allowed
    assert (data["page"], data["results"]) == (10_000, [])
    page = client.get("/search/", {"q": "trafficking", "sort": "date", "page": "7"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "There is no page 7: the 3 matching paragraphs fit on 1 page." in html
    assert '<a href="/search/?q=trafficking&amp;sort=date&amp;page=1">Go to page 1</a>' in html
    assert 'class="search-hit"' not in html and "shown)" not in html


@pytest.mark.parametrize("params", LENIENT_PARAMETERS, ids=lambda p: repr(p))
def test_odd_paging_and_sorting_fall_back_quietly(client, archive, params):
    status, data = get_json(client, q="trafficking", **params)
    assert (status, data["total"]) == (200, 3)
    assert client.get("/search/", {"q": "trafficking", **params}).status_code == 200
