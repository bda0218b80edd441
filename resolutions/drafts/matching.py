"""The archive's wordings, indexed once, and the closest ones to a draft's paragraph. Pure Python.

The archive's paragraphs are grouped by wording (the same words, as
:func:`resolutions.lineage.text.words` splits them): a wording repeated in forty resolutions is
one entry, compared once, and its paragraphs are kept earliest first.

Finding the closest wordings is two steps:

1. *Candidates by shared words.* An inverted index maps each word to the wordings holding it.
   A draft paragraph's words are taken rarest first, as long as the wordings they name stay
   within ``POSTINGS_BUDGET`` (always at least its ``MIN_RARE`` rarest words), and each
   wording is counted once per word it shares; the ``CANDIDATES`` wordings sharing the most
   are kept. Common words ("the", "Council", "Member States") are skipped, so a look-up costs
   the same whatever the archive's size.
2. *Exact scoring.* Each candidate is scored with the lineage's measure of shared wording
   (2·LCS/(|a|+|b|) over words, :func:`resolutions.lineage.text.share`), on words encoded one
   character each as the lineage's index does; those at or above ``MATCH_SHARE`` are kept.

Why not the lineage's exact prefix-filter index (:mod:`resolutions.lineage.index`)? At the
60 % a drafter still finds useful, its prefixes are over half of each paragraph, so with
100,000 paragraphs it took 74 s and 820 MB to build and 5 s to look up 40 paragraphs. Step 1
is not exact: ``bench/draft_check.py`` measures how often its closest wording is the exact one.

Order of the matches (the tie rule): the highest share first; among equal shares, the wording
adopted first; and a wording is cited by its earliest paragraph. Why: the earliest adoption is
where the language was first agreed -- what a drafter cites to show the Council has accepted
it -- and it does not change when a later resolution repeats the words, so the answer is
stable. The later repetitions are counted and the most recent named, since a drafter also
wants to know the language is still in use. Example::

    index = DraftIndex([(41, Moment("2017-11-21", 2388), "Calls upon Member States ...")])
    index.look_up(words("Calls upon all Member States ..."))[0].share  # 0.889
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from resolutions.drafts import MATCH_SHARE, OTHER_MATCHES
from resolutions.lineage import MIN_WORDS
from resolutions.lineage.graph import Moment
from resolutions.lineage.text import keys, words

POSTINGS_BUDGET = 2_000  # wordings counted per look-up, at most (past the rarest words)
MIN_RARE = 4  # the rarest words of a paragraph always counted, however common
CANDIDATES = 50  # wordings scored exactly per look-up


@dataclass(frozen=True)
class Found:
    """One wording of the archive close to a draft paragraph."""

    share: float  # 2·LCS/(|a|+|b|) over words, three decimals
    paragraphs: tuple[int, ...]  # the ids of the paragraphs with this wording, earliest first

    @property
    def first(self) -> int:
        return self.paragraphs[0]

    @property
    def latest(self) -> int:
        return self.paragraphs[-1]


def _char(word_id: int) -> str:
    """A word as one character (the surrogate range skipped), as the lineage's index does."""
    return chr(word_id if word_id < 0xD800 else word_id + 0x800)


class DraftIndex:
    """Every wording of the archive with at least ``MIN_WORDS`` words. ``rows`` are
    (paragraph id, moment of adoption, text)."""

    def __init__(self, rows: Iterable[tuple[int, Moment, str]], *, threshold: float = MATCH_SHARE):
        self.threshold = threshold
        wording_of: dict[str, int] = {}  # the encoded wording -> its number
        members: list[list[tuple[Moment, int]]] = []
        ids: dict[str, int] = {}
        # Lists, not arrays: the wording numbers in them are shared int objects, so counting
        # votes boxes nothing (an array would make an int per entry at each look-up).
        postings: list[list[int]] = []
        count = 0
        for key, moment, text in rows:
            split = keys(words(text))
            if len(split) < MIN_WORDS:
                continue
            encoded = [ids.setdefault(word, len(ids)) for word in split]
            string = "".join(map(_char, encoded))
            number = wording_of.setdefault(string, len(wording_of))
            if number == len(members):
                members.append([])
                if len(ids) > len(postings):
                    postings.extend([] for _ in range(len(ids) - len(postings)))
                for word in set(encoded):
                    postings[word].append(number)
            members[number].append((moment, key))
            count += 1
        self.paragraph_count = count
        self._ids = ids
        self._postings = postings
        self._strings = list(wording_of)
        del wording_of
        for group in members:
            group.sort()
        self._first = [group[0][0] for group in members]
        self._members = [tuple(key for _moment, key in group) for group in members]

    def __len__(self) -> int:
        """How many distinct wordings."""
        return len(self._members)

    def look_up(self, wording: tuple[str, ...], *, limit: int = 1 + OTHER_MATCHES) -> list[Found]:
        """The ``limit`` closest wordings, by the tie rule above; [] for a wording too short
        to compare or with nothing at or above the threshold."""
        split = keys(wording)
        if len(split) < MIN_WORDS:
            return []
        ids, postings = self._ids, self._postings
        unknown: dict[str, int] = {}
        encoded = [
            ids[w] if w in ids else 0x10FFFF - 0x800 - unknown.setdefault(w, len(unknown))
            for w in split
        ]
        string = "".join(map(_char, encoded))
        known = sorted({w for w in encoded if w < len(postings)}, key=lambda w: len(postings[w]))
        votes: Counter[int] = Counter()
        spent = 0
        for rank, word in enumerate(known):
            found = postings[word]
            if rank >= MIN_RARE and spent + len(found) > POSTINGS_BUDGET:
                break
            votes.update(found)
            spent += len(found)
        if not votes:
            return []
        chosen = [number for number, _n in votes.most_common(CANDIDATES)]
        strings = self._strings
        scored = process.extract(
            string,
            [strings[number] for number in chosen],
            scorer=Indel.normalized_similarity,
            score_cutoff=self.threshold - 1e-9,
            limit=None,
        )
        first = self._first
        ranked = sorted(
            ((chosen[i], round(score, 3)) for _s, score, i in scored),
            key=lambda item: (-item[1], first[item[0]], item[0]),
        )
        return [Found(share, self._members[number]) for number, share in ranked[:limit]]
