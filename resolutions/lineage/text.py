"""Words of a paragraph as the lineage compares them, how much two wordings share, and the
word-level changes between them (a drafter's track changes). Pure Python, no Django.

Words are the paragraph's whitespace-separated tokens, punctuation attached, compared exactly
except for typographic variants a word processor swaps in (curly quotes, non-breaking spaces,
dashes), so a draft pasted from Word matches the UN's text::

    >>> share(words("Calls upon Member States"), words("Calls upon all Member States"))
    0.889
    >>> [(c.op, c.text) for c in changes(words("a b c"), words("a x c"))]
    [('equal', 'a'), ('delete', 'b'), ('insert', 'x'), ('equal', 'c')]
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel

# What Word and the UN's XML spell differently for the same words.
_VARIANTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2011": "-",
    }
)


def words(text: str) -> tuple[str, ...]:
    """The words as printed (for display)."""
    return tuple(text.split())


def keys(display: tuple[str, ...] | list[str] | str) -> list[str]:
    """The words as compared: typographic variants folded. ``display``: the words, or
    them joined by single spaces."""
    text = display if isinstance(display, str) else " ".join(display)
    return text.translate(_VARIANTS).split(" ") if text else []


def share(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> float:
    """How much wording two paragraphs share: the words they have in common, in the same
    order, over the words of both (2·LCS / (|a| + |b|)), rounded to three decimals.
    1.0 is the same wording; 0.9 means about one word in ten differs."""
    if not a and not b:
        return 1.0
    return round(Indel.normalized_similarity(keys(a), keys(b)), 3)


@dataclass(frozen=True)
class Change:
    op: str  # "equal", "delete" (in the earlier text only), "insert" (in the later only)
    text: str


def changes(old: tuple[str, ...] | list[str], new: tuple[str, ...] | list[str]) -> list[Change]:
    """Word-level track changes turning ``old`` into ``new``; runs of the same kind are
    joined, and a replaced run shows its deletion before its insertion."""
    found: list[Change] = []

    def add(op: str, chunk) -> None:
        if not chunk:
            return
        text = " ".join(chunk)
        if found and found[-1].op == op:
            found[-1] = Change(op, found[-1].text + " " + text)
        else:
            found.append(Change(op, text))

    for tag, a0, a1, b0, b1 in Indel.opcodes(keys(old), keys(new)).as_list():
        if tag == "equal":
            add("equal", new[b0:b1])
        else:
            add("delete", old[a0:a1])
            add("insert", new[b0:b1])
    return _deletions_first(found)


def _deletions_first(found: list[Change]) -> list[Change]:
    """Indel's alignment may give insert-then-delete for a replaced word; a drafter reads
    the struck words before the new ones."""
    ordered = list(found)
    for i in range(len(ordered) - 1):
        if ordered[i].op == "insert" and ordered[i + 1].op == "delete":
            ordered[i], ordered[i + 1] = ordered[i + 1], ordered[i]
    return ordered


def changed_words(found: list[Change]) -> tuple[int, int]:
    """(words removed, words added) -- the size of the edit a person sees."""
    removed = sum(len(c.text.split()) for c in found if c.op == "delete")
    added = sum(len(c.text.split()) for c in found if c.op == "insert")
    return removed, added
