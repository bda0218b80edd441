"""How faithfully a reading gives back a resolution's official paragraphs.

The reference is the official paragraphs a PDF prints (``tests/pdf_material.py``); the
reading is what a reader made of the PDF or its page texts. Both are cut into words and
aligned once (difflib over the whole text), and each official paragraph on the pages present
is then judged:

* **words**: its words found, in order, in the reading;
* **boundary**: its words are found in one reading paragraph that holds no other official
  paragraph's words, of the same kind (a heading as a heading, operative 7 as number 7);
* **false join**: an official paragraph whose first word sits inside a reading paragraph that
  also holds the paragraph before it -- one permalink naming two paragraphs;
* **furniture**: job numbers, bar codes, processing dates, "Please recycle", page numbers
  "n/N" or the running header left in a reading paragraph.

Example::

    score = measure(material.paragraphs, complete, reading)
    score.words_right / score.words  # 0.999...
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from resolutions.parsing.document import OPERATIVE, ParsedParagraph, ParsedResolution
from resolutions.parsing.repair import normalize_typography

FURNITURE = re.compile(
    r"""
    \b\d{2}-\d{5}\b             # a job number, "17-03090"
    | \*\d{6,9}\*               # the bar code, "*1703090*"
    | (?<![\d/.,-])\b[0-3]\d[01]\d\d\d\b(?![\d/.,-])  # a six-digit processing date, "230217"
    | Please\ recycle
    | Distr\.:
    | \bS/RES/\d+\ \(\d{4}\)\s*$   # the running header at a paragraph's end
    """,
    re.VERBOSE,
)


@dataclass
class Score:
    resolutions: int = 0
    words: int = 0
    words_right: int = 0
    boundaries: int = 0
    boundaries_right: int = 0
    false_joins: int = 0
    furniture: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.resolutions += other.resolutions
        self.words += other.words
        self.words_right += other.words_right
        self.boundaries += other.boundaries
        self.boundaries_right += other.boundaries_right
        self.false_joins += other.false_joins
        self.furniture += other.furniture
        self.problems.extend(other.problems)

    @property
    def words_share(self) -> float:
        return self.words_right / self.words if self.words else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label:<28} {self.resolutions:>4} res  words {100 * self.words_share:7.3f} %  "
            f"boundaries {self.boundaries_right}/{self.boundaries}  "
            f"false joins {self.false_joins}  furniture {self.furniture}"
        )


def _words(text: str) -> list[str]:
    return normalize_typography(text).split()


def _paragraph_words(paragraph: ParsedParagraph) -> list[str]:
    return _words(paragraph.text)


def measure(
    reference: Sequence[ParsedParagraph],
    complete: Iterable[int],
    reading: ParsedResolution,
) -> Score:
    """Judge a reading against the official paragraphs whose indexes are ``complete``
    (those printed wholly on the pages the reader had)."""
    complete = set(complete)
    ref_words: list[tuple[int, int, str]] = []  # (paragraph, word index, word)
    for index, paragraph in enumerate(reference):
        ref_words += [(index, k, w) for k, w in enumerate(_paragraph_words(paragraph))]
    out_words: list[tuple[int, int, str]] = []
    lengths = []
    for index, paragraph in enumerate(reading.paragraphs):
        words = _paragraph_words(paragraph)
        lengths.append(len(words))
        out_words += [(index, k, w) for k, w in enumerate(words)]
    matcher = difflib.SequenceMatcher(
        None, [w for *_, w in ref_words], [w for *_, w in out_words], autojunk=False
    )
    mapped: dict[int, tuple[int, int]] = {}
    for a, b, size in matcher.get_matching_blocks():
        for step in range(size):
            mapped[a + step] = out_words[b + step][:2]

    score = Score(resolutions=1)
    starts: dict[int, int] = {}  # paragraph -> position of its first word in ref_words
    for position, (index, k, _) in enumerate(ref_words):
        if k == 0:
            starts[index] = position
    for index in sorted(complete):
        paragraph = reference[index]
        positions = [p for p, (i, *_) in enumerate(ref_words) if i == index]
        score.words += len(positions)
        score.words_right += sum(p in mapped for p in positions)
        score.boundaries += 1
        targets = {mapped[p][0] for p in positions if p in mapped}
        # Its words all in one reading paragraph, which holds no other paragraph's words.
        ok = len(targets) == 1 and not any(
            out[0] in targets and ref_words[p][0] != index for p, out in mapped.items()
        )
        if ok:
            found = reading.paragraphs[targets.pop()]
            ok = found.kind == paragraph.kind and (
                paragraph.kind != OPERATIVE or found.number == paragraph.number
            )
        if ok:
            score.boundaries_right += 1
        else:
            score.problems.append(
                f"{reading.symbol} boundary: {paragraph.kind} {paragraph.number or ''} "
                f"{paragraph.text[:60]!r}"
            )
    for index, position in starts.items():
        if index == 0 or position not in mapped:
            continue
        out_index, k = mapped[position]
        before = [mapped[p] for p in range(starts[index - 1], position) if p in mapped]
        if k > 0 and any(o == out_index for o, _ in before):
            score.false_joins += 1
            score.problems.append(
                f"{reading.symbol} false join: {reference[index - 1].text[-40:]!r} + "
                f"{reference[index].text[:40]!r}"
            )
    for paragraph in reading.paragraphs:
        found = FURNITURE.search(paragraph.text)
        if found and not _official_has(reference, found[0]):
            score.furniture += 1
            score.problems.append(f"{reading.symbol} furniture {found[0]!r}")
    return score


def _official_has(reference: Sequence[ParsedParagraph], text: str) -> bool:
    """Whether the official text itself prints this (a date or number that looks like one)."""
    return any(text in p.text for p in reference)


def complete_paragraphs(pages_of: dict[int, set[int]], kept: Iterable[int]) -> set[int]:
    """Indexes of the official paragraphs printed wholly on the pages kept."""
    kept = set(kept)
    return {index for index, pages in pages_of.items() if pages <= kept}
