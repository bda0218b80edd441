"""Two resolutions side by side, paragraph by paragraph. Pure Python, no Django.

In: the paragraphs of an earlier and a later text, in document order, each a :class:`Piece`
(its kind, the section it is shown in, its text). Out: an :class:`Alignment`, rows in reading
order, each a paragraph *kept* verbatim, *changed* (with the word-level track changes),
*new* (only in the later text) or *dropped* (only in the earlier); a kept or changed
paragraph is also *moved* when its counterpart stands elsewhere in the order.

How paragraphs are paired:

* only paragraphs of one kind are paired (preambular with preambular, operative with
  operative, annex with annex, heading with heading): "Recalling ..." never answers
  "Decides ...", and an operative paragraph is never the counterpart of the preamble's;
* every pair of one kind sharing at least ``CHANGED_SHARE`` of its wording
  (:func:`resolutions.lineage.text.share`, 2·LCS/(|a|+|b|) over words) is a candidate; the
  candidates are taken greedily, the highest share first (ties: the pair whose places in
  their texts are closest, so repeated boilerplate pairs in order), each paragraph at most
  once. Unrelated paragraphs of the Council's prose share 10-30 % of their words ("Calls upon
  Member States to ..."); a reworded paragraph keeps well over 40 %. A pair also needs
  ``MIN_COMMON`` words in common (all of a shorter paragraph's): half of a two-word entry
  is one word;
* a pair is *kept* when its words are the same (typographic variants folded, see
  :func:`resolutions.lineage.text.keys`), else *changed*;
* *moved*: the pairs of a kind that keep their relative order form the longest increasing
  run of the earlier places read in the later order; the others are moved. Renumbering
  because paragraphs were added or dropped above is not a move.

Rows follow the later text; a dropped paragraph comes right after the row of the nearest
earlier paragraph of its section that stayed in order (or at the top of the section).

Example::

    >>> earlier = [Piece("operative", "Decides to renew the mandate for one year;"),
    ...            Piece("operative", "Requests a report within six months;")]
    >>> later = [Piece("operative", "Decides to renew the mandate for two years;"),
    ...          Piece("operative", "Welcomes the report;"),
    ...          Piece("operative", "Requests a report within six months;")]
    >>> [(r.status, r.earlier, r.later, r.share) for r in align(earlier, later).rows]
    [('changed', 0, 0, 0.75), ('new', None, 1, 0.0), ('kept', 1, 2, 1.0)]
    >>> align(earlier, later).counts
    Counts(kept=1, changed=1, new=1, dropped=0, moved=0)
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import Indel

from resolutions.lineage.text import Change, changes, keys, words

CHANGED_SHARE = 0.4  # at least 40 % of the wording in common: the same paragraph, changed
MIN_COMMON = 3  # ... and at least 3 words in common (all of a shorter paragraph's), so two
# two-word annex entries ("Nuclear Energy", "Nuclear Fuel") are not one paragraph changed

KEPT = "kept"
CHANGED = "changed"
NEW = "new"
DROPPED = "dropped"


@dataclass(frozen=True)
class Piece:
    """One paragraph as the alignment sees it. ``kind`` says what it may be paired with;
    ``section`` where its row is shown (the kind when not given: a heading of the operative
    part is shown there, but paired only with headings)."""

    kind: str
    text: str
    section: str = ""

    @property
    def shown_in(self) -> str:
        return self.section or self.kind


@dataclass(frozen=True)
class Row:
    status: str  # KEPT, CHANGED, NEW or DROPPED
    earlier: int | None  # the paragraph's place in the earlier pieces (None: new)
    later: int | None  # ... in the later pieces (None: dropped)
    section: str
    share: float = 0.0  # of wording in common, 0 to 1 (three decimals)
    moved: bool = False
    changes: tuple[Change, ...] = field(default=(), compare=False)  # changed rows only


@dataclass(frozen=True)
class Counts:
    kept: int
    changed: int
    new: int
    dropped: int
    moved: int  # kept or changed paragraphs whose counterpart stands elsewhere


@dataclass(frozen=True)
class Alignment:
    rows: tuple[Row, ...]

    @property
    def counts(self) -> Counts:
        found = defaultdict(int)
        for row in self.rows:
            found[row.status] += 1
        return Counts(
            kept=found[KEPT],
            changed=found[CHANGED],
            new=found[NEW],
            dropped=found[DROPPED],
            moved=sum(1 for row in self.rows if row.moved),
        )


def align(
    earlier: Sequence[Piece], later: Sequence[Piece], *, threshold: float = CHANGED_SHARE
) -> Alignment:
    """Pair the paragraphs of ``earlier`` and ``later`` and lay them out as rows."""
    earlier_words = [words(piece.text) for piece in earlier]
    later_words = [words(piece.text) for piece in later]
    encode = _Encoder()
    earlier_strings = [encode(w) for w in earlier_words]
    later_strings = [encode(w) for w in later_words]

    pairs: dict[int, tuple[int, float]] = {}  # later place -> (earlier place, share)
    moved: set[int] = set()  # later places whose pair is out of order
    for kind in dict.fromkeys(piece.kind for piece in later):
        old = [i for i, piece in enumerate(earlier) if piece.kind == kind]
        new = [j for j, piece in enumerate(later) if piece.kind == kind]
        found = _greedy(old, new, earlier_strings, later_strings, threshold)
        pairs.update(found)
        moved.update(_out_of_order(found))

    matched_earlier = {i for i, _share in pairs.values()}
    rows_by_later: list[Row] = []
    for j, piece in enumerate(later):
        if j not in pairs:
            rows_by_later.append(Row(NEW, None, j, piece.shown_in))
            continue
        i, share = pairs[j]
        if earlier_strings[i] == later_strings[j]:
            rows_by_later.append(Row(KEPT, i, j, piece.shown_in, 1.0, j in moved))
        else:
            found = tuple(changes(earlier_words[i], later_words[j]))
            row = Row(CHANGED, i, j, piece.shown_in, share, j in moved, found)
            rows_by_later.append(row)
    dropped = [
        Row(DROPPED, i, None, piece.shown_in)
        for i, piece in enumerate(earlier)
        if i not in matched_earlier
    ]
    sections = _section_order(
        [piece.shown_in for piece in earlier], [piece.shown_in for piece in later]
    )
    return Alignment(rows=tuple(_interleave(rows_by_later, dropped, sections)))


class _Encoder:
    """Words as single characters (one code point per distinct word), so rapidfuzz compares
    strings, its fastest path, rather than lists; the surrogate range is skipped."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def __call__(self, display: tuple[str, ...]) -> str:
        ids = self.ids
        found = []
        for word in keys(display):
            number = ids.setdefault(word, len(ids))
            found.append(chr(number if number < 0xD800 else number + 0x800))
        return "".join(found)


def _greedy(
    old: list[int],
    new: list[int],
    earlier: list[str],
    later: list[str],
    threshold: float,
) -> dict[int, tuple[int, float]]:
    """{later place: (earlier place, share)}: the best pairs first, each place used once."""
    if not old or not new:
        return {}
    choices = [earlier[i] for i in old]
    candidates = []
    for rank_new, j in enumerate(new):
        scored = process.extract(
            later[j],
            choices,
            scorer=Indel.normalized_similarity,
            score_cutoff=max(0.0, threshold - 1e-9),
            limit=None,
        )
        where_new = rank_new / len(new)
        size = len(later[j])
        for choice, score, rank_old in scored:
            common = round(score * (size + len(choice)) / 2)  # words in common, in order
            if common < min(MIN_COMMON, size, len(choice)):
                continue
            distance = abs(rank_old / len(old) - where_new)
            candidates.append((-round(score, 3), distance, rank_new, rank_old))
    candidates.sort()
    taken_old: set[int] = set()
    found: dict[int, tuple[int, float]] = {}
    for negative, _distance, rank_new, rank_old in candidates:
        j, i = new[rank_new], old[rank_old]
        if j in found or i in taken_old:
            continue
        found[j] = (i, -negative)
        taken_old.add(i)
    return found


def _out_of_order(pairs: dict[int, tuple[int, float]]) -> set[int]:
    """The later places of the pairs outside a longest run that keeps the earlier order
    (patience sorting: O(n log n))."""
    ordered = sorted(pairs)
    sequence = [pairs[j][0] for j in ordered]
    tails: list[int] = []  # smallest earlier place ending a run of each length
    tail_at: list[int] = []  # ... and where it is in ``sequence``
    back: list[int] = [-1] * len(sequence)
    for at, value in enumerate(sequence):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(at)
        else:
            tails[length] = value
            tail_at[length] = at
        back[at] = tail_at[length - 1] if length else -1
    keep: set[int] = set()
    at = tail_at[-1] if tail_at else -1
    while at != -1:
        keep.add(ordered[at])
        at = back[at]
    return set(ordered) - keep


def _section_order(earlier: list[str], later: list[str]) -> list[str]:
    """The sections in the later text's order, each one only the earlier text has placed
    before the next section that follows it there."""
    order = list(dict.fromkeys(later))
    seen = list(dict.fromkeys(earlier))
    for at, section in enumerate(seen):
        if section in order:
            continue
        following = [s for s in seen[at + 1 :] if s in order]
        order.insert(order.index(following[0]) if following else len(order), section)
    return order


def _interleave(rows: list[Row], dropped: list[Row], sections: list[str]) -> list[Row]:
    """The later text's rows, section by section, each dropped paragraph placed after the
    nearest earlier paragraph of its section that stayed in order."""
    anchors = {
        row.earlier: row
        for row in rows
        if row.earlier is not None and not row.moved and row.status in (KEPT, CHANGED)
    }
    in_section: dict[str, list[int]] = defaultdict(list)  # earlier places, ascending
    for place in sorted(anchors):
        in_section[anchors[place].section].append(place)
    at_top: dict[str, list[Row]] = defaultdict(list)
    after: dict[int, list[Row]] = defaultdict(list)
    for row in dropped:
        places = in_section[row.section]
        before = bisect_left(places, row.earlier)
        if before:
            after[places[before - 1]].append(row)
        else:
            at_top[row.section].append(row)
    laid_out: list[Row] = []
    for section in sections:
        laid_out.extend(at_top[section])
        for row in rows:
            if row.section != section:
                continue
            laid_out.append(row)
            if row.earlier is not None and anchors.get(row.earlier) is row:
                laid_out.extend(after[row.earlier])
    return laid_out
