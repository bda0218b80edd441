"""Find, among many wordings, every pair that shares at least a threshold of its wording --
exactly, without comparing each wording against all the others. Pure Python, no Django.

The measure (:func:`resolutions.lineage.text.share`, 2·LCS/(|a|+|b|) over words) is never
above the overlap of the two bags of words (repeated words counted separately), so a pair at
or above threshold *t* has an overlap of at least ``t·(|a|+|b|)/2``. Filters that follow from
that bound, each exact (no pair above threshold is ever dropped):

* *length*: the shorter side has at least ``t/(2-t)`` of the longer side's words;
* *prefix* (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-pairs"): with every bag sorted
  rarest word first, the pair shares a word among the first ``|a| - overlap + 1`` of each
  side; only those are indexed and probed, so the common words ("the", "of", "Council") that
  make every paragraph look like every other are never walked;
* *position* (Xiao et al. 2008, "PPJoin"): a shared word found at position *i* of one side
  and *j* of the other leaves at most ``min(|a|-i, |b|-j)`` more words in common; a
  candidate that can no longer reach the overlap is dropped before it is scored.

Candidates left are scored with the exact measure (rapidfuzz's ``Indel``, bit-parallel, on
strings with one character per word). Two modes:

* :meth:`WordingIndex.all_pairs` -- every pair at once: wordings are taken shortest first and
  each probes only the index of the wordings taken before it, so each pair is met once and a
  wording is indexed by its shorter *indexing prefix* (about ``1-t`` of its words);
* :meth:`WordingIndex.similar` / :meth:`WordingIndex.similar_many` -- a few wordings (those
  of a re-ingested resolution, a pasted draft) against all of them.

``make bench-lineage`` checks both against a brute-force comparison of every pair.

Example::

    index = WordingIndex([words("Decides to remain seized of the matter"), ...], threshold=0.8)
    index.similar(words("Decides to remain actively seized of the matter"))  # [(0, 0.933)]
    index.all_pairs()[0]  # [(1, 0.933), ...]: every wording's neighbours, best first
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import islice

from rapidfuzz import process
from rapidfuzz.distance import Indel

from resolutions.lineage.text import keys

# Float slack in the bounds: a bound rounded the wrong way could only make a filter looser.
_SLACK = 1e-6


def _char(word_id: int) -> str:
    """A word as one character, so the measure runs over strings (rapidfuzz's fastest path,
    bit-parallel) rather than lists; the surrogate range is skipped."""
    return chr(word_id if word_id < 0xD800 else word_id + 0x800)


def _token_set(encoded: Iterable[int]) -> list[int]:
    """Each word (its character's code) with its occurrence count (code << 10 | n), so a
    repeated word counts as often as it occurs: the bag of words as a set."""
    seen: dict[int, int] = {}
    tokens = []
    for word in encoded:
        n = seen[word] = seen.get(word, 0) + 1
        tokens.append(word << 10 | (n if n < 1023 else 1023))
    return tokens


class WordingIndex:
    def __init__(self, wordings: Sequence[Sequence[str]], *, threshold: float) -> None:
        self.threshold = threshold
        self._alpha = threshold / (2 - threshold)
        # Wording by wording, so only the compact forms are ever held for all of them.
        words: Counter[str] = Counter()
        for wording in wordings:
            words.update(keys(wording))
        # The most frequent words get the smallest ids: rapidfuzz looks characters below 256
        # up in a table rather than a hash map, which makes the scoring about 1.7x faster.
        self._ids = {word: n for n, (word, _count) in enumerate(words.most_common())}
        del words
        char = {word: _char(n) for word, n in self._ids.items()}.__getitem__
        self._strings = ["".join(map(char, keys(wording))) for wording in wordings]
        frequency: Counter[int] = Counter()
        for string in self._strings:
            frequency.update(_token_set(map(ord, string)))
        # Rank 0 is the rarest token (ties by token, so the order is fixed).
        ordered = sorted(frequency.items(), key=lambda item: (item[1], item[0]))
        del frequency
        self._rank = {token: rank for rank, (token, _n) in enumerate(ordered)}
        rank = self._rank.__getitem__
        # Each wording as the sorted ranks of its tokens: rarest first.
        self._records = [sorted(map(rank, _token_set(map(ord, s)))) for s in self._strings]
        self._sizes = [len(record) for record in self._records]
        self._probe_index: dict[int, tuple[list[tuple[int, int, int]], list[int]]] | None = None

    def __len__(self) -> int:
        return len(self._strings)

    # -- bounds ------------------------------------------------------------------------------

    def _probe_prefix(self, size: int) -> int:
        """Words of a wording to probe (or index, when the other side may be longer): its
        overlap with any match is at least t/(2-t) of its own words."""
        return size - math.ceil(self._alpha * size - _SLACK) + 1 if size else 0

    def _index_prefix(self, size: int) -> int:
        """Words to index when every later probe is at least as long: the overlap is then
        at least t of the indexed wording's words."""
        return size - math.ceil(self.threshold * size - _SLACK) + 1 if size else 0

    def _verify(self, string: str, candidates: list[int]) -> list[tuple[int, float]]:
        if not candidates:
            return []
        strings = self._strings
        scored = process.extract(
            string,
            [strings[c] for c in candidates],
            scorer=Indel.normalized_similarity,
            score_cutoff=self.threshold - 1e-9,
            limit=None,
        )
        return [(candidates[i], round(score, 3)) for _s, score, i in scored]

    def _candidates(
        self,
        record: list[int],
        postings: dict[int, tuple[list[tuple[int, int, int]], list[int]]],
        *,
        longest: float,
    ) -> list[int]:
        """Indexed wordings that share a word with ``record``'s probing prefix and pass the
        length and position filters. A posting list holds (wording, words from there to its
        end, its size) shortest first, with the sizes alone beside it to bisect.
        ``longest``: the longest a match may be."""
        size = len(record)
        half_t = self.threshold / 2
        shortest = self._alpha * size - _SLACK
        base = half_t * size - _SLACK
        overlap: dict[int, int] = {}
        get = overlap.get
        for i in range(self._probe_prefix(size)):
            posting = postings.get(record[i])
            if posting is None:
                continue
            found, sizes = posting
            left_here = size - i  # this word and those after it
            # A wording meeting this one first here shares at most ``left_here`` words, so it
            # is at most this long; the bound only tightens as ``i`` grows, so a wording left
            # out here is left out of every later list too (its count stays as it is).
            reach = min(longest, left_here / half_t - size + _SLACK)
            at, end = bisect_left(sizes, shortest), bisect_right(sizes, reach)
            for other, left_there, other_size in islice(found, at, end):
                seen = get(other, 0)
                if seen < 0:
                    continue
                # Overlap needed: t·(|a|+|b|)/2; what is left cannot exceed the shorter rest.
                if seen + (left_here if left_here < left_there else left_there) >= (
                    base + half_t * other_size
                ):
                    overlap[other] = seen + 1
                else:
                    overlap[other] = -1  # can no longer reach the overlap: never scored
        return [other for other, seen in overlap.items() if seen > 0]

    # -- every pair ----------------------------------------------------------------------------

    def all_pairs(self) -> list[list[tuple[int, float]]]:
        """Every wording's neighbours at or above the threshold, as (position, share), best
        first; each pair appears in both lists."""
        records, strings = self._records, self._strings
        found: list[list[tuple[int, float]]] = [[] for _ in records]
        postings: dict[int, tuple[list[tuple[int, int, int]], list[int]]] = {}
        order = sorted(range(len(records)), key=lambda n: (len(records[n]), n))
        for number in order:
            record = records[number]
            size = len(record)
            if not size:
                continue
            # Every wording indexed so far is at most as long as this one.
            candidates = self._candidates(record, postings, longest=size)
            for other, share in self._verify(strings[number], candidates):
                found[number].append((other, share))
                found[other].append((number, share))
            for i in range(self._index_prefix(size)):
                if (posting := postings.get(record[i])) is None:
                    posting = postings[record[i]] = ([], [])
                posting[0].append((number, size - i, size))
                posting[1].append(size)
        for neighbours in found:
            neighbours.sort(key=_best_first)
        return found

    # -- a few against all ---------------------------------------------------------------------

    def _probing_index(self) -> dict[int, tuple[list[tuple[int, int, int]], list[int]]]:
        if self._probe_index is None:
            lists: dict[int, list[tuple[int, int, int]]] = {}
            records = self._records
            for number in sorted(range(len(records)), key=lambda n: (len(records[n]), n)):
                size = len(records[number])
                for i in range(self._probe_prefix(size)):
                    lists.setdefault(records[number][i], []).append((number, size - i, size))
            self._probe_index = {
                token: (found, [entry[2] for entry in found]) for token, found in lists.items()
            }
        return self._probe_index

    def similar_many(self, numbers: Iterable[int]) -> dict[int, list[tuple[int, float]]]:
        """{position: its neighbours at or above the threshold, best first} for indexed
        wordings ``numbers``, against every indexed wording."""
        postings = self._probing_index()
        records, strings = self._records, self._strings
        answer = {}
        for number in numbers:
            record = records[number]
            size = len(record)
            candidates = self._candidates(record, postings, longest=size / self._alpha + _SLACK)
            if number in candidates:
                candidates.remove(number)
            answer[number] = sorted(self._verify(strings[number], candidates), key=_best_first)
        return answer

    def similar(self, wording: Sequence[str], *, own: int | None = None) -> list[tuple[int, float]]:
        """Every indexed wording sharing at least ``threshold`` with ``wording``, as
        (position in the index, share), best first. ``own`` (its position, when the
        wording is itself indexed) is left out."""
        if own is not None:
            return self.similar_many([own])[own]
        ids, rank = self._ids, self._rank
        unknown: dict[str, int] = {}
        string = "".join(
            _char(ids[w] if w in ids else 0x10FFFF - 0x800 - unknown.setdefault(w, len(unknown)))
            for w in keys(wording)
        )
        if not string:
            return []
        # A word the index never saw matches nothing: it sorts first, as the rarest.
        tokens = _token_set(map(ord, string))
        record = sorted(rank.get(token, -1 - n) for n, token in enumerate(tokens))
        size = len(record)
        candidates = self._candidates(
            record, self._probing_index(), longest=size / self._alpha + _SLACK
        )
        return sorted(self._verify(string, candidates), key=_best_first)


def _best_first(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])
