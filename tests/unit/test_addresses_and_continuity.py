"""Sub-paragraph addresses, footnote pairing (resolutions.addresses) and the matching that keeps
published identifiers on their text (resolutions.services.continuity); no database."""

from __future__ import annotations

import pytest

from resolutions.addresses import (
    annex_divisions,
    cited_label,
    find_item,
    item_at,
    item_key,
    keyed_items,
    link_notes,
)
from resolutions.services.continuity import keep_published


@pytest.mark.parametrize(
    ("label", "place", "key"),
    [
        ("(a)", 1, "a"),
        ("(iii)", 3, "iii"),
        ("a.", 1, "a"),
        ("(1)", 1, "1"),
        ("1.1.3.", 3, "1-1-3"),
        ("-", 2, "n2"),
        ("•", 4, "n4"),
        ("", 5, "n5"),
    ],
)
def test_a_sub_paragraph_key_comes_from_its_printed_label(label, place, key):
    assert item_key(label, place=place) == key


def test_keys_are_unique_among_siblings_and_nested_items_get_theirs():
    items = keyed_items(
        [
            {"label": "(a)", "text": "one", "items": [{"label": "(i)", "text": "deep"}]},
            {"label": "(a)", "text": "printed twice", "items": []},
            {"label": "-", "text": "a dash", "items": []},
        ]
    )
    assert [item["key"] for item in items] == ["a", "a-2", "n3"]
    assert items[0]["items"][0]["key"] == "i"


@pytest.mark.parametrize(
    ("item", "cited"),
    [
        ({"label": "(a)", "key": "a"}, "(a)"),
        ({"label": "a.", "key": "a"}, "(a)"),
        ({"label": "iv.", "key": "iv"}, "(iv)"),
        ({"label": "1.1.3.", "key": "1-1-3"}, "1.1.3"),
        ({"label": "-", "key": "n2"}, "item 2"),
    ],
)
def test_a_citation_prints_the_label_as_the_un_cites_it(item, cited):
    assert cited_label(item) == cited


STRUCTURE = {
    "intro": "Decides that the tasks shall be:",
    "items": keyed_items(
        [
            {
                "label": "(a)",
                "text": "Protection of civilians:",
                "items": [
                    {"label": "(i)", "text": "to patrol;", "items": []},
                    {"label": "(ii)", "text": "to report;", "items": []},
                ],
            },
            {"label": "(b)", "text": "Support to elections;", "items": []},
        ]
    ),
    "outro": "and so on.",
}
TEXT = (
    "Decides that the tasks shall be: (a) Protection of civilians: (i) to patrol; "
    "(ii) to report; (b) Support to elections; and so on."
)


def test_find_item_walks_the_keys_and_gives_the_labels_to_cite():
    item, labels = find_item(STRUCTURE, ["a", "ii"])
    assert item["text"] == "to report;"
    assert labels == ["(a)", "(ii)"]
    assert find_item(STRUCTURE, ["c"]) is None
    assert find_item(None, ["a"]) is None


@pytest.mark.parametrize(
    ("word", "keys"),
    [
        ("Decides", []),
        ("Protection", ["a"]),
        ("patrol", ["a", "i"]),
        ("report", ["a", "ii"]),
        ("elections", ["b"]),
        ("so on", []),
    ],
)
def test_a_match_is_placed_in_the_innermost_sub_paragraph_holding_it(word, keys):
    assert item_at(STRUCTURE, TEXT, TEXT.index(word)) == keys


def test_footnote_markers_pair_with_their_notes_in_order():
    linked = link_notes(
        [
            ("op1", "operative", "", ((10, "1"),)),
            ("op2", "operative", "", ((5, "*"), (20, "2"))),
            ("fn1", "footnote", "1", ()),
            ("fn2", "footnote", "*", ()),
            ("fn3", "footnote", "2", ()),
        ]
    )
    assert linked["op1"] == {"notes": [[10, "1", "fn1"]]}
    assert linked["op2"] == {"notes": [[5, "*", "fn2"], [20, "2", "fn3"]]}
    assert linked["fn3"] == {"noted_at": ["op2", 20]}


def pp(*texts: str) -> list[tuple[str, str, str]]:
    return [(f"pp{n}", "preambular", text) for n, text in enumerate(texts, 1)]


def stored(*texts: str) -> list[tuple[str, str, str, int]]:
    return [(pid, kind, text, n) for n, (pid, kind, text) in enumerate(pp(*texts), 1)]


@pytest.mark.parametrize(
    ("before", "after", "names"),
    [
        # unchanged: every id its own
        (("A,", "B,"), ("A,", "B,"), {"pp1": "pp1", "pp2": "pp2"}),
        # inserted at the top: the old ids stay with their text, the new one gets a fresh id
        (("A,", "B,"), ("C,", "A,", "B,"), {"pp1": "pp1-2", "pp2": "pp1", "pp3": "pp2"}),
        # removed: the text after keeps its id; pp3, left without text, becomes an alias
        (("A,", "B,", "C,"), ("A,", "C,"), {"pp1": "pp1", "pp2": "pp3"}),
        # a corrected word keeps the id
        (("Recalling its resolution 2331,",), ("Recalling its resolutions 2331,",), {"pp1": "pp1"}),
        # a paragraph held in part (its page was missing), then whole
        (
            ("Recalling A,", "Noting with concern the situation of the people who are"),
            (
                "Recalling A,",
                "Noting with concern the situation of the people who are displaced by the "
                "conflict and the trafficking in persons that follows it, and the need for "
                "further action by all Member States and by the United Nations system,",
            ),
            {"pp1": "pp1", "pp2": "pp2"},
        ),
        # a new text where another stood never takes the old id
        (("Recalling A,",), ("Something else entirely,",), {"pp1": "pp1-2"}),
    ],
)
def test_published_ids_stay_with_their_text(before, after, names):
    assert keep_published(pp(*after), stored=stored(*before)) == names


def test_an_operative_paragraph_keeps_its_number_when_its_text_is_corrected():
    fresh = [("op1", "operative", "Decides one;"), ("op2", "operative", "Decides two, shorter;")]
    old = [
        ("op1", "operative", "Decides one;", 1),
        ("op2", "operative", "Decides two, with what followed it nested inside; 3. More", 2),
    ]
    assert keep_published(fresh, stored=old) == {"op1": "op1", "op2": "op2"}


def test_ids_retiring_into_better_ones_are_not_kept_and_retired_ones_not_reused():
    # pp-1 (counted from the end of a partial preamble) gives way to pp2 once the whole is in.
    fresh = pp("A,", "B,")
    old = [("pp-1", "preambular", "B,", 1)]
    assert keep_published(fresh, stored=old, retiring=["pp-1"]) == {"pp1": "pp1", "pp2": "pp2"}
    # An alias still serving "pp1" is never given to another paragraph.
    names = keep_published(pp("A,"), stored=[("pp3", "preambular", "Z,", 1)], retired=["pp1"])
    assert names == {"pp1": "pp1-2"}


def test_repeated_annex_labels_are_told_apart_by_the_divisions_printed_above_them():
    rows = [
        ("a1", "annex", "Annex", "", "", "Article 1: Competence of the Mechanism"),
        ("a2", "annex", "Annex", "", "1.", "The Mechanism shall ..."),
        ("a3", "annex", "Annex", "", "", "Article 13 bis"),
        ("a4", "annex", "Annex", "", "1.", "Fourteen of the judges ..."),
        ("a5", "annex", "Annex", "", "2.", "Unique within the annex."),
        ("a6", "annex", "Annex", "", "", "Attachment"),
        ("a7", "annex", "Annex", "", "", "Section I"),
        ("a8", "annex", "Annex", "", "", "Article 1"),
        ("a9", "annex", "Annex", "", "1.", "The Special Tribunal ..."),
        ("b1", "annex", "Annex II", "", "", "B Operational issues"),
        ("b2", "annex", "Annex II", "", "1.", "Troop contributors ..."),
        ("b3", "annex", "Annex II", "", "", "Iranian Revolutionary Guard Corps entities"),
        ("b4", "annex", "Annex II", "", "1.", "Qods Aviation Industries"),
        ("o1", "operative", "", "", "", "Decides ..."),
    ]
    assert annex_divisions(rows) == {
        "a2": "Article 1",
        "a4": "Article 13 bis",
        "a9": "Attachment, Section I, Article 1",
        "b2": "section B",
        "b4": "section B",  # a heading under a lettered section does not replace it
    }
