"""Snippets and highlighting: matches marked like the search matches, everything else escaped."""

import re

import pytest
from django.utils.safestring import SafeString

from resolutions.search import highlight_html
from resolutions.search.query import parse_query
from resolutions.search.snippets import CLOSE, OPEN, snippets, window
from tests.hostile import HOSTILE_QUERIES

# S/RES/2388 (2017), operative paragraph 31, as the UN's XML gives it (with its U+2011 hyphen).
OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen protections "
    "against trafficking in persons in all United Nations procurement and to that effect "
    "request major suppliers to establish and implement anti\u2011human trafficking policies "
    "and disclose information on measures taken to counter trafficking in persons in their "
    "operations and supply chains;"
)


def snippet(text: str, query: str) -> str:
    return snippets([text], parse_query(query).tree)[0]


@pytest.mark.parametrize(
    ("text", "query", "html"),
    [
        # stems, case and accents fold as in the search
        ("Persons trafficked.", "trafficking", "Persons <mark>trafficked</mark>."),
        ("TRAFFICKING", "trafficking", "<mark>TRAFFICKING</mark>"),
        ("in Côte d’Ivoire", "cote d'ivoire", "in <mark>Côte</mark> <mark>d’Ivoire</mark>"),
        # a phrase is one mark; the same words apart are not marked
        (
            "supply chains, chains of supply",
            '"supply chains"',
            "<mark>supply chains</mark>, chains of supply",
        ),
        # prefixes, OR alternatives; excluded words never marked
        ("traffic, trafficked", "traff*", "<mark>traffic</mark>, <mark>trafficked</mark>"),
        ("women and children", "women OR children", "<mark>women</mark> and <mark>children</mark>"),
        ("women and children", "women -children", "<mark>women</mark> and children"),
        # everything escaped, the text's own markup and sentinels never trusted
        (
            "<script>alert(1)</script> persons",
            "persons",
            "&lt;script&gt;alert(1)&lt;/script&gt; <mark>persons</mark>",
        ),
        ("<mark>persons</mark>", "persons", "&lt;mark&gt;<mark>persons</mark>&lt;/mark&gt;"),
        ("a \ue000b\ue001 & persons", "b", "a <mark>b</mark> &amp; persons"),
        ('it\'s "quoted"', "quoted", "it&#x27;s &quot;<mark>quoted</mark>&quot;"),
        # nothing to mark: the text, escaped
        ("a < b", "", "a &lt; b"),
        ("a < b", "and the", "a &lt; b"),
    ],
)
def test_snippet_markup(text, query, html):
    assert snippet(text, query) == html


def test_snippet_is_a_window_around_the_best_cluster_with_ellipses():
    html = snippet(OP31, '"trafficking in persons" policies')
    assert html == (
        "… to strengthen protections against <mark>trafficking in persons</mark> in all United"
        " Nations procurement and to that effect request major suppliers to establish and implement"
        " anti‑human trafficking <mark>policies</mark> and disclose information on …"
    )
    assert len(re.sub(r"<[^>]+>", "", html).split()) == 30 + 2  # 30 words and two ellipses


def test_a_short_text_is_shown_whole():
    assert snippet("Trafficking in persons.", "persons") == "Trafficking in <mark>persons</mark>."


def test_without_a_match_the_snippet_is_the_opening():
    html = snippet(OP31, "nonexistentword")
    assert html.startswith("Calls upon United Nations") and html.endswith(" …")


def test_a_mark_cut_by_the_window_is_closed_and_reopened():
    words = [f"w{i}" for i in range(100)]
    words[40] = OPEN + words[40]
    words[80] = words[80] + CLOSE
    text = window(" ".join(words), size=10)
    assert text.count(OPEN) == text.count(CLOSE) == 1
    assert text.index(OPEN) < text.index(CLOSE)


def test_highlight_html_keeps_the_whole_text_and_is_safe_html():
    html = highlight_html(OP31 + " <b>", "supply chains")
    assert isinstance(html, SafeString)
    assert html.count("<mark>supply</mark> <mark>chains</mark>") == 2
    assert html.endswith("supply</mark> <mark>chains</mark>; &lt;b&gt;")


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_queries_never_leak_markup_or_sentinels(query):
    text = 'S/RES/242 <script>alert(1)</script> "trafficking" \ue000 NEAR( title: & persons'
    for html in (snippet(text, query), highlight_html(text, query)):
        assert OPEN not in html and CLOSE not in html
        assert re.sub(r"</?mark>", "", html).count("<") == 0
