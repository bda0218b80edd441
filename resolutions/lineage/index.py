"""Find, among many wordings, every one that shares at least a threshold of its wording with
a given one -- exactly, without comparing against all of them. Pure Python, no Django.

The measure (:func:`resolutions.lineage.text.share`, 2·LCS/(|a|+|b|) over words) is never
above the overlap of the two bags of words, so a pair at or above threshold *t* shares at
least ``t/(2-t)`` of each side's words (counting repeated words separately). The classic
prefix filter (Chaudhuri et al. 2006; Bayardo et al. 2007, "All-pairs") then guarantees that
such a pair shares a word among the rarest ``|a| - ceil(t/(2-t)·|a|) + 1`` words of each side:
only those are indexed and probed, so the common words ("the", "of", "Council") that make
every paragraph look like every other are never walked. Candidates are checked with the exact
measure. Nothing above threshold is missed; ``make bench-lineage`` checks it against a
brute-force comparison.

Example::

    index = WordingIndex([words("Decides to remain seized of the matter"), ...], threshold=0.6)
    index.similar(words("Decides to remain actively seized of the matter"))  # [(0, 0.933)]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import Indel

from resolutions.lineage.text import keys


def _char(word_id: int) -> str:
    """A word as one character, so the measure runs over strings (rapidfuzz's fastest path,
    bit-parallel) rather than lists; the surrogate range is skipped."""
    return chr(word_id if word_id < 0xD800 else word_id + 0x800)


class WordingIndex:
    def __init__(self, wordings: Sequence[Sequence[str]], *, threshold: float) -> None:
        self.threshold = threshold
        self._alpha = threshold / (2 - threshold)
        self._ids: dict[str, int] = {}
        ids = self._ids
        encoded = [[ids.setdefault(word, len(ids)) for word in keys(w)] for w in wordings]
        self._strings = ["".join(map(_char, e)) for e in encoded]
        self._tokens = [self._token_set(e) for e in encoded]
        frequency: Counter[int] = Counter()
        for tokens in self._tokens:
            frequency.update(tokens)
        # Rank 0 is the rarest token; tokens never seen in the index sort before all others.
        self._rank = {
            token: rank for rank, (token, _n) in enumerate(reversed(frequency.most_common()))
        }
        self._postings: dict[int, list[int]] = defaultdict(list)
        for number, tokens in enumerate(self._tokens):
            for token in self._prefix(tokens):
                self._postings[token].append(number)

    def __len__(self) -> int:
        return len(self._strings)

    @staticmethod
    def _token_set(encoded: list[int]) -> list[int]:
        """Each word with its occurrence count (word id << 10 | n), so a repeated word
        counts as often as it occurs: the bag of words as a set."""
        seen: dict[int, int] = {}
        tokens = []
        for word in encoded:
            n = seen[word] = seen.get(word, 0) + 1
            tokens.append(word << 10 | (n if n < 1023 else 1023))
        return tokens

    def _prefix(self, tokens: list[int]) -> list[int]:
        if not tokens:
            return []
        overlap = math.ceil(self._alpha * len(tokens) - 1e-9)
        rank = self._rank
        if all(t in rank for t in tokens):
            ordered = sorted(tokens, key=rank.__getitem__)
        else:
            ordered = sorted(tokens, key=lambda t: rank.get(t, -1))
        return ordered[: len(tokens) - overlap + 1]

    def similar(self, wording: Sequence[str], *, own: int | None = None) -> list[tuple[int, float]]:
        """Every indexed wording sharing at least ``threshold`` with ``wording``, as
        (position in the index, share), best first. ``own`` (its position, when the
        wording is itself indexed) is left out."""
        if own is not None:
            string, tokens = self._strings[own], self._tokens[own]
        else:
            unknown: dict[str, int] = {}
            ids = self._ids
            encoded = [
                ids[w] if w in ids else 0x10FFFF - 0x800 - unknown.setdefault(w, len(unknown))
                for w in keys(wording)
            ]
            string = "".join(map(_char, encoded))
            tokens = self._token_set(encoded)
        if not tokens:
            return []
        candidates: set[int] = set()
        postings = self._postings
        for token in self._prefix(tokens):
            found = postings.get(token)
            if found:
                candidates.update(found)
        candidates.discard(own)  # type: ignore[arg-type]
        if not candidates:
            return []
        kept = list(candidates)
        # rapidfuzz drops a candidate whose length alone rules it out before comparing.
        chosen = itemgetter(*kept)(self._strings)
        scored = process.extract(
            string,
            chosen if len(kept) > 1 else (chosen,),
            scorer=Indel.normalized_similarity,
            score_cutoff=self.threshold - 1e-9,
            limit=None,
        )
        return sorted(((kept[i], round(score, 3)) for _s, score, i in scored), key=_best_first)


def _best_first(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])
