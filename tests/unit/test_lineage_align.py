"""Two texts aligned paragraph by paragraph (resolutions.lineage.align): no database."""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest

from resolutions.lineage.align import CHANGED, DROPPED, KEPT, NEW, Counts, Piece, align

RENEW = "Decides to renew the authorizations as set out in paragraphs 7 and 8 for twelve months;"
RENEW_2 = "Decides to renew the authorizations as set out in paragraphs 7 and 8 for a further year;"
REPORT = "Requests the Secretary-General to report to the Council within eleven months;"
SEIZED = "Decides to remain actively seized of the matter."
RECALL = "Recalling its resolutions 2240 (2015) and 2292 (2016),"
WELCOME = "Welcoming the efforts of Member States to save lives at sea,"
INSPECT = "Calls upon flag States to cooperate with inspections of vessels on the high seas;"
UNRELATED = "Expresses grave concern at the deteriorating humanitarian situation in the region;"


def op(text: str) -> Piece:
    return Piece("operative", text)


def pp(text: str) -> Piece:
    return Piece("preambular", text)


def table(earlier, later):
    return [(r.status, r.earlier, r.later, r.moved) for r in align(earlier, later).rows]


def test_identical_texts_are_kept_in_order():
    texts = [pp(RECALL), op(RENEW), op(REPORT), op(SEIZED)]
    assert table(texts, texts) == [(KEPT, i, i, False) for i in range(4)]
    assert align(texts, texts).counts == Counts(kept=4, changed=0, new=0, dropped=0, moved=0)


def test_a_reworded_paragraph_is_changed_with_its_track_changes():
    row = align([op(RENEW)], [op(RENEW_2)]).rows[0]
    assert (row.status, row.earlier, row.later) == (CHANGED, 0, 0)
    assert 0.4 <= row.share < 1
    removed = [c.text for c in row.changes if c.op == "delete"]
    added = [c.text for c in row.changes if c.op == "insert"]
    assert (removed, added) == (["twelve months;"], ["a further year;"])


def test_typographic_variants_alone_keep_a_paragraph():
    curly = "Recalling the Council\u2019s \u201cagreed conclusions\u201d on this\u00a0matter,"
    straight = 'Recalling the Council\'s "agreed conclusions" on this matter,'
    assert table([pp(curly)], [pp(straight)]) == [(KEPT, 0, 0, False)]


def test_new_and_dropped_paragraphs_sit_where_they_stood():
    earlier = [op(RENEW), op(UNRELATED), op(REPORT), op(SEIZED)]
    later = [op(RENEW), op(REPORT), op(INSPECT), op(SEIZED)]
    assert table(earlier, later) == [
        (KEPT, 0, 0, False),
        (DROPPED, 1, None, False),  # after the paragraph it followed
        (KEPT, 2, 1, False),
        (NEW, None, 2, False),
        (KEPT, 3, 3, False),
    ]
    assert align(earlier, later).counts == Counts(kept=3, changed=0, new=1, dropped=1, moved=0)


def test_a_dropped_first_paragraph_opens_its_section():
    earlier = [pp(RECALL), op(UNRELATED), op(RENEW)]
    later = [pp(RECALL), op(RENEW)]
    assert table(earlier, later) == [
        (KEPT, 0, 0, False),
        (DROPPED, 1, None, False),
        (KEPT, 2, 1, False),
    ]


def test_renumbering_is_not_a_move_but_a_reordering_is():
    earlier = [op(RENEW), op(REPORT), op(SEIZED)]
    inserted = [op(INSPECT), op(RENEW), op(REPORT), op(SEIZED)]
    assert [r.moved for r in align(earlier, inserted).rows] == [False] * 4
    swapped = [op(REPORT), op(RENEW), op(SEIZED)]
    rows = align(earlier, swapped).rows
    assert [(r.status, r.moved) for r in rows] == [(KEPT, True), (KEPT, False), (KEPT, False)]
    assert align(earlier, swapped).counts.moved == 1


def test_paragraphs_pair_only_within_their_kind():
    """The same words as a preambular paragraph in one text and an operative one in the
    other are not the same paragraph."""
    assert table([pp(WELCOME)], [op(WELCOME)]) == [
        (NEW, None, 0, False),
        (DROPPED, 0, None, False),
    ]


def test_below_the_threshold_paragraphs_are_new_and_dropped():
    rows = align([op(UNRELATED)], [op(INSPECT)]).rows
    assert [r.status for r in rows] == [DROPPED, NEW]  # a replaced paragraph: old, then new
    # 22 % in common (six words, "Requests the ... to the ..."): paired only if asked to.
    assert [r.status for r in align([op(RENEW)], [op(REPORT)]).rows] == [DROPPED, NEW]
    assert align([op(RENEW)], [op(REPORT)], threshold=0.2).rows[0].status == CHANGED


def test_short_paragraphs_need_three_words_in_common():
    """Half of a two-word annex entry is one word: not enough to call it the same entry."""
    annex = [Piece("annex", "Nuclear Energy")]
    assert [r.status for r in align(annex, [Piece("annex", "Nuclear Fuel")]).rows] == [
        DROPPED,
        NEW,
    ]
    alias = [Piece("annex", "A.K.A.: 3MG")]
    longer = [Piece("annex", "MIZAN MACHINERY MANUFACTURING A.K.A.: 3MG")]
    assert [r.status for r in align(alias, longer).rows] == [CHANGED]  # all its words


def test_the_best_pair_wins_and_repeated_wording_pairs_in_order():
    earlier = [op(RENEW), op(RENEW_2)]
    later = [op(RENEW_2)]
    assert table(earlier, later) == [(DROPPED, 0, None, False), (KEPT, 1, 0, False)]
    # The same boilerplate three times: paired first with first, not crosswise.
    assert table([op(SEIZED)] * 3, [op(SEIZED)] * 3) == [(KEPT, i, i, False) for i in range(3)]


def test_sections_keep_their_order_and_headings_are_shown_in_theirs():
    heading = Piece("heading", "A. Mandate", section="operative")
    earlier = [pp(RECALL), heading, op(RENEW), Piece("annex", "List of vessels", "annex")]
    later = [pp(RECALL), pp(WELCOME), heading, op(RENEW_2)]
    assert [(r.section, r.status) for r in align(earlier, later).rows] == [
        ("preambular", KEPT),
        ("preambular", NEW),
        ("operative", KEPT),
        ("operative", CHANGED),
        ("annex", DROPPED),
    ]


def test_an_empty_side_gives_all_new_or_all_dropped():
    texts = [pp(RECALL), op(SEIZED)]
    assert [r.status for r in align([], texts).rows] == [NEW, NEW]
    assert [r.status for r in align(texts, []).rows] == [DROPPED, DROPPED]
    assert align([], []).rows == ()


def test_every_paragraph_appears_exactly_once():
    earlier = [op(f"{t} ({n})") for n, t in enumerate([RENEW, REPORT, UNRELATED, SEIZED] * 5)]
    later = list(reversed(earlier[3:])) + [op(INSPECT)]
    rows = align(earlier, later).rows
    assert sorted(r.earlier for r in rows if r.earlier is not None) == list(range(len(earlier)))
    assert sorted(r.later for r in rows if r.later is not None) == list(range(len(later)))


def test_two_big_resolutions_align_quickly():
    """About the size of S/RES/2231 (2015) against a long resolution (time: see the note)."""
    earlier = [op(f"{REPORT} {INSPECT} paragraph {n} {UNRELATED}") for n in range(300)]
    later = [op(f"{RENEW} {INSPECT} paragraph {n} {WELCOME}") for n in range(300)]
    started = time.perf_counter()
    rows = align(earlier, later).rows
    assert time.perf_counter() - started < 5  # generous: a busy machine; measured in the note
    assert len(rows) == 300 and {r.status for r in rows} == {CHANGED}


def test_the_module_is_pure_python():
    path = Path(__file__).resolve().parents[2] / "resolutions" / "lineage" / "align.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree))
    imported = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module for n in nodes if isinstance(n, ast.ImportFrom)]
    assert not [name for name in imported if name and name.split(".")[0] == "django"]


@pytest.mark.parametrize("text", ["", " ", "\x00", "a" * 10_000, "🙂 " * 500])
def test_odd_texts_do_not_break_it(text):
    rows = align([op(text), op(SEIZED)], [op(SEIZED), op(text)]).rows
    assert {r.status for r in rows} <= {KEPT, CHANGED, NEW, DROPPED}
    assert sum(1 for r in rows if r.later is not None) == 2
