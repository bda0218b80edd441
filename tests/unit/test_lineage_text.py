"""Track changes and shares a drafter reads: table-driven, no database."""

import pytest

from resolutions.lineage.index import WordingIndex
from resolutions.lineage.text import changed_words, changes, share, words


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a b c", "a b c", [("equal", "a b c")]),
        ("a b c", "a x c", [("equal", "a"), ("delete", "b"), ("insert", "x"), ("equal", "c")]),
        ("a b", "a b c d", [("equal", "a b"), ("insert", "c d")]),
        ("Urges “States”", 'Urges "States"', [("equal", '"States"')][:0] or None),
    ],
)
def test_changes(old, new, expected):
    found = [(c.op, c.text) for c in changes(words(old), words(new))]
    if expected is None:  # curly and straight quotes are the same word
        assert [c[0] for c in found] == ["equal"]
    else:
        assert found == expected


def test_two_changed_words_are_exactly_two_changes():
    old = words("Calls upon Member States to strengthen procurement and supply chains")
    new = words("Calls upon all States to strengthen procurement and delivery chains")
    assert changed_words(changes(old, new)) == (2, 2)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("a b c d", "a b c d", 1.0), ("a b c d", "e f g h", 0.0), ("a b c d", "a b c", 0.857)],
)
def test_share(a, b, expected):
    assert share(words(a), words(b)) == expected


def test_index_finds_every_wording_above_threshold_and_no_other():
    texts = [
        "Decides to remain seized of the matter",
        "Decides to remain actively seized of the matter",
        "Requests the Secretary-General to report to the Council",
        "Decides to remain seized",
    ]
    wordings = [words(t) for t in texts]
    index = WordingIndex(wordings, threshold=0.8)
    for number, wording in enumerate(wordings):
        brute = {
            other
            for other, candidate in enumerate(wordings)
            if other != number and share(wording, candidate) >= 0.8
        }
        assert {o for o, _s in index.similar(wording, own=number)} == brute
    assert index.similar(words("Decides to remain actively seized of the matter"))[0][0] in (0, 1)
