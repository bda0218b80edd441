"""What the archive tells a person about their query: corrections, variants, partial matches.

Reads the vocabulary of :mod:`.words` (one indexed query per search) and decides:

* a **suggestion** ("did you mean"), when a typed word is not in the archive as typed and a
  word one or two edits away is common: the query with the word corrected, and its count under
  the same filters (one ``COUNT`` statement, only then);
* the **spelling variants** folded together, to say that ``labour`` also found ``labor``;
* **partial matches**, for a question or long free text: three or more plain words that find
  fewer than :data:`PARTIAL_BELOW` paragraphs together are searched as any of them, scored by
  how many of the words a paragraph holds, then by which -- the rarest words weigh most
  (their counts come from the vocabulary) -- and only then by the engine's own score. Words in
  more than :data:`COMMON_SHARE` of all paragraphs are left out.

Example::

    >>> weights(3)
    [12, 10, 9]
"""

from __future__ import annotations

import re

from resolutions.search.base import Engine, SearchFilters, count_matches
from resolutions.search.query import And, Node, Phrase, Term, leaves, parse_query
from resolutions.search.results import Suggestion
from resolutions.search.spelling import fold_tree, variant_of, words
from resolutions.search.words import WordCounts

PARTIAL_BELOW = 3  # all the words together finding fewer paragraphs than this: partial matches
PARTIAL_MIN_WORDS = 3  # a question or free text, not two words chosen together
PARTIAL_MAX_WORDS = 8  # the rarest words of a longer text are weighed, the rest left out
# A word in more than this share of all paragraphs ("council", "security", "united") says
# little about what a question asks, and weighing it means reading every paragraph that holds
# it: it is left out of partial matches (unless fewer than two words would be left).
COMMON_SHARE = 0.05
COMMON_FLOOR = 500  # in a small archive no word is that common

_WORD = re.compile(r"[^\W_]+")  # a run of letters or digits, as typed


def typed_words(tree: Node) -> list[str]:
    """The folded words of the words and phrases searched for (prefixes and exclusions aside)."""
    found: list[str] = []
    for leaf in leaves(fold_tree(tree)):
        if isinstance(leaf, Term):
            found.append(leaf.text)
        elif isinstance(leaf, Phrase):
            found.extend(leaf.words)
    return found


def spelling_variants(tree: Node) -> tuple[tuple[str, str], ...]:
    """(typed, other spelling) for each typed word the spelling list folds with another."""
    found: dict[str, str] = {}
    for leaf in leaves(tree):
        typed = leaf.words if isinstance(leaf, Phrase) else (leaf.text,)
        for chunk in typed:
            for word in _WORD.findall(chunk):
                other = variant_of(word)
                if other:
                    found.setdefault(word, other)
    return tuple(found.items())


def suggestion(
    engine: Engine, text: str, known: WordCounts, *, filters: SearchFilters
) -> Suggestion | None:
    """The query as typed with its misspelt words corrected, and what that finds."""
    if not known.corrections:
        return None
    made: dict[str, str] = {}

    def correct(found: re.Match[str]) -> str:
        typed = found.group(0)
        folded = "".join(words(typed)).casefold()
        corrected = known.corrections.get(folded)
        if corrected is None:
            return typed
        made.setdefault(typed, corrected)
        return corrected

    corrected_text = _WORD.sub(correct, text)
    if not made:
        return None
    compiled = engine.compile(fold_tree(parse_query(corrected_text).tree))
    total = count_matches(engine, compiled, filters=filters) if compiled else 0
    return Suggestion(query=corrected_text, total=total, corrections=tuple(made.items()))


def partial_words(tree: Node, known: WordCounts) -> tuple[str, ...]:
    """The words to weigh for partial matches, rarest first; () when the query is not free text.

    Free text: nothing but plain words (no phrases, OR, exclusions or prefixes), at least
    :data:`PARTIAL_MIN_WORDS` of them once common words are left out. Words the archive does
    not hold at all are left out too (a number the vocabulary does not count stays in).
    """
    if not isinstance(tree, And) or not all(isinstance(c, Term) for c in tree.children):
        return ()
    folded = fold_tree(tree)
    if not isinstance(folded, And) or not all(isinstance(c, Term) for c in folded.children):
        return ()
    content = [c.text.casefold() for c in folded.children]
    if len(content) < PARTIAL_MIN_WORDS:
        return ()
    held = [w for w in content if known.paragraphs.get(w, 0) or not w.isalpha()]
    held.sort(key=lambda w: known.paragraphs.get(w, 0))
    common = max(known.total * COMMON_SHARE, COMMON_FLOOR)
    telling = [w for w in held if known.paragraphs.get(w, 0) <= common]
    if len(telling) < 2:
        telling = held[:2]
    return tuple(telling[:PARTIAL_MAX_WORDS]) if len(telling) >= 2 else ()


def weights(count: int) -> list[int]:
    """A weight per word, rarest first: more words always outweigh rarer ones.

    Each word weighs ``2**count`` plus a bonus that halves from the rarest to the most common,
    and the bonuses of all the words together stay below ``2**count``.
    """
    return [2**count + 2 ** (count - 1 - i) for i in range(count)]


def partial_weights(engine: Engine, content: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(compiled word, weight) for run_search's ``weighted``."""
    return tuple(
        (engine.compile(Term(word)), weight)
        for word, weight in zip(content, weights(len(content)), strict=True)
    )
