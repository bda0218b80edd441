"""The search language: what people type -> the tree -> each engine's match string.

Tables first: one row per rule a person would notice. No database.
"""

import sqlite3

import pytest

from resolutions.search.postgres import compile_tsquery
from resolutions.search.query import (
    MAX_CHARS,
    MAX_TERMS,
    And,
    Empty,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    parse_query,
    suggest_broader,
    to_query_string,
)
from resolutions.search.sqlite import compile_match
from tests.hostile import HOSTILE_QUERIES

T = Term

PARSE_TABLE = [
    # words: all must match
    ("trafficking", T("trafficking")),
    ("trafficking persons", And((T("trafficking"), T("persons")))),
    ("  trafficking\t\npersons  ", And((T("trafficking"), T("persons")))),
    # phrases, also with typographic quotes, an unclosed quote closes at the end
    ('"supply chains"', Phrase(("supply", "chains"))),
    ("\u201csupply chains\u201d", Phrase(("supply", "chains"))),
    ('"supply chains', Phrase(("supply", "chains"))),
    ('procurement "supply chains"', And((T("procurement"), Phrase(("supply", "chains"))))),
    ('"the"', Phrase(("the",))),
    ('"procurement, and supply"', Phrase(("procurement", "and", "supply"))),
    # OR, only in capitals, chains of alternatives
    ("women OR children", Or((T("women"), T("children")))),
    ("women | children", Or((T("women"), T("children")))),
    ("women OR children OR girls", Or((T("women"), T("children"), T("girls")))),
    ("exploitation women OR children", And((T("exploitation"), Or((T("women"), T("children")))))),
    ("women or children", And((T("women"), T("children")))),  # lower-case "or" is a word
    # exclusion: -word, -"phrase", NOT word
    ("trafficking -labour", And((T("trafficking"), Not(T("labour"))))),
    ("trafficking NOT labour", And((T("trafficking"), Not(T("labour"))))),
    ('trafficking -"forced labour"', And((T("trafficking"), Not(Phrase(("forced", "labour")))))),
    ("women OR -children", And((T("women"), Not(T("children"))))),
    # prefixes, at least three letters
    ("traff*", Prefix("traff")),
    ("un*", T("un")),
    ("wo*rd", T("word")),
    # common words are left out of unquoted searches
    ("procurement and supply chains", And((T("procurement"), T("supply"), T("chains")))),
    ("women OR the", T("women")),
    ("The Trafficking", T("Trafficking")),
    # stray operators and punctuation vanish; inner punctuation stays for the engine to split
    ("OR women", T("women")),
    ("women OR", T("women")),
    ("women OR OR children", And((T("women"), T("children")))),
    ("women AND children", And((T("women"), T("children")))),
    ("(trafficking)", T("trafficking")),
    ("+trafficking", T("trafficking")),
    ("title:", T("title")),
    ("NEAR(", T("NEAR")),
    ("S/RES/242", T("S/RES/242")),
    ("post-conflict", T("post-conflict")),
    ("trafficking trafficking", T("trafficking")),
    # control characters are dropped, not turned into spaces
    ("traf\x00ficking", T("trafficking")),
    ("traf\u200bficking", T("trafficking")),
    ("\ue000trafficking\ue001", T("trafficking")),
    ("\uff54\uff52\uff41\uff46\uff46\uff49\uff43\uff4b\uff49\uff4e\uff47", T("trafficking")),
    # nothing left to search for
    ("", Empty()),
    ("   ", Empty()),
    ("and the of", Empty()),
    ("-women", Empty()),
    ("NOT women", Empty()),
    ('"', Empty()),
    ('""', Empty()),
    ("AND", Empty()),
    ("NOT", Empty()),
    ("OR OR", Empty()),
    ("*", Empty()),
    ("(", Empty()),
    (")", Empty()),
    ("\\", Empty()),
    ("-", Empty()),
    ("\U0001f600", Empty()),
    ("\x00", Empty()),
]


@pytest.mark.parametrize(("typed", "tree"), PARSE_TABLE, ids=[repr(t) for t, _ in PARSE_TABLE])
def test_parse(typed, tree):
    assert parse_query(typed).tree == tree


@pytest.mark.parametrize(
    ("typed", "understood", "ignored"),
    [
        ("trafficking", "paragraphs with trafficking", ()),
        (
            'procurement and "supply chains" -labour',
            "paragraphs with procurement and “supply chains”, but without labour (words in this "
            "order; other forms of the same words also match, e.g. chain/chains)",
            ("and",),
        ),
        # both engines stem inside phrases too, and the description says so
        (
            'trafficking -"forced labour"',
            "paragraphs with trafficking, but without “forced labour” (words in this order; "
            "other forms of the same words also match, e.g. chain/chains)",
            (),
        ),
        ('"the"', "paragraphs with “the”", ()),
        (
            "traff* women OR girls exploitation",
            "paragraphs with words beginning “traff”, (women or girls) and exploitation",
            (),
        ),
        ("women OR girls", "paragraphs with women or girls", ()),
        ("and the of", "nothing to search for", ("and", "the", "of")),
    ],
)
def test_the_query_as_understood(typed, understood, ignored):
    parsed = parse_query(typed)
    assert (parsed.understood, parsed.ignored) == (understood, ignored)


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        # plain words: the same words as a phrase, common words between them kept
        ("procurement and supply chains", ("procurement", "and", "supply", "chains")),
        ("Procurement, and supply chains!", ("Procurement", "and", "supply", "chains")),
        # common words at either end cannot stand "together" with anything: dropped
        ("the supply chains of", ("supply", "chains")),
        # exclusions are not part of it
        ("supply -labour chains", ("supply", "chains")),
        # fewer than two searched words: nothing to hold together
        ("trafficking", None),
        ("trafficking and the", None),
        ("supply supply", None),
        # syntax chosen by the person: no phrase added
        ('procurement "supply chains"', None),
        ("procure* supply", None),
        ("women OR girls", None),
        ("procurement AND supply", None),
        ("procurement NOT supply chains", None),
    ],
)
def test_plain_words_also_rank_as_a_phrase(typed, phrase):
    proximity = parse_query(typed).proximity
    assert (proximity.words if proximity else None) == phrase


def test_long_input_is_cut_with_a_note():
    parsed = parse_query("trafficking " + "x" * 1000)
    assert len(parsed.text) == MAX_CHARS
    assert parsed.notes == (f"Only the first {MAX_CHARS} characters were searched.",)


def test_more_than_the_term_cap_keeps_the_first_words_with_a_note():
    words = [f"word{i}" for i in range(MAX_TERMS + 5)]
    parsed = parse_query(" ".join(words))
    assert parsed.tree == And(tuple(T(w) for w in words[:MAX_TERMS]))
    assert parsed.notes == (f"Only the first {MAX_TERMS} words were searched.",)


def test_exclusions_alone_say_what_is_missing():
    assert parse_query("-women -children").notes == (
        "Add a word to look for: excluded words alone match nothing.",
    )


def test_a_short_prefix_says_what_was_searched():
    assert parse_query("un*").notes == (
        "“un*” is too short for a prefix search; searched for “un”.",
    )


@pytest.mark.parametrize(
    "typed",
    ['"supply chains" OR traff* -labour', 'women OR girls exploitation -"forced labour"', "a1 b2"],
)
def test_writing_a_tree_back_parses_to_the_same_tree(typed):
    tree = parse_query(typed).tree
    assert parse_query(to_query_string(tree)).tree == tree


def test_broader_searches_offered_when_nothing_matches():
    assert suggest_broader(parse_query('"supply chains" exploitation -labour').tree) == [
        ("the words in any order", "supply chains exploitation -labour"),
        ("without the exclusions", '"supply chains" exploitation'),
        ("any of these", '"supply chains" OR exploitation'),
    ]


COMPILE_TABLE = [
    # (tree, FTS5 match string, tsquery string)
    (T("trafficking"), '"trafficking"', "'trafficking'"),
    (
        And((T("trafficking"), T("persons"))),
        '"trafficking" AND "persons"',
        "'trafficking' & 'persons'",
    ),
    (Phrase(("supply", "chains")), '"supply chains"', "('supply' <-> 'chains')"),
    (Phrase(("the",)), '"the"', "'the'"),
    (Or((T("women"), T("children"))), '("women" OR "children")', "('women' | 'children')"),
    (
        And((T("trafficking"), Not(T("labour")))),
        '"trafficking" NOT "labour"',
        "'trafficking' & !'labour'",
    ),
    (
        And((T("a1"), Phrase(("b", "c")), Not(T("d")), Not(Phrase(("e", "f"))))),
        '("a1" AND "b c") NOT "d" NOT "e f"',
        "'a1' & ('b' <-> 'c') & !'d' & !('e' <-> 'f')",
    ),
    (
        And((T("exploitation"), Or((T("women"), Prefix("girl"))))),
        '"exploitation" AND ("women" OR ("girl" * OR "girl"))',
        "'exploitation' & ('women' | 'girl':*)",
    ),
    (Prefix("traff"), '("traff" * OR "traff")', "'traff':*"),
    # quotes and backslashes inside a word stay inside its quotes
    (T('say"no'), '"say""no"', "'say\"no'"),
    (T("it's"), '"it\'s"', "'it''s'"),
    (T("a\\b"), '"a\\b"', "'a\\\\b'"),
    (T("NEAR(a"), '"NEAR(a"', "'NEAR(a'"),
    (T("x:*&|!"), '"x:*&|!"', "'x:*&|!'"),
    (Empty(), "", ""),
]


@pytest.mark.parametrize(("tree", "fts5", "tsquery"), COMPILE_TABLE)
def test_compile(tree, fts5, tsquery):
    assert (compile_match(tree), compile_tsquery(tree)) == (fts5, tsquery)


def test_every_hostile_input_gives_a_match_string_fts5_accepts():
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')"
    )
    db.execute("INSERT INTO t (text) VALUES ('trafficking in persons S/RES/242 (1967) near title')")
    for typed in HOSTILE_QUERIES:
        match = compile_match(parse_query(typed).tree)
        if match:
            db.execute("SELECT rowid FROM t WHERE t MATCH ?", (match,)).fetchall()  # no raise


@pytest.mark.parametrize("typed", HOSTILE_QUERIES, ids=range(len(HOSTILE_QUERIES)))
def test_hostile_input_parses_without_raising_and_stays_small(typed):
    parsed = parse_query(typed)
    assert len(parsed.text) <= MAX_CHARS
    assert "\x00" not in parsed.text and "\ue000" not in parsed.text
