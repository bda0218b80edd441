"""Spelling variants as one word, and the words both engines index: the one documented list.

The Council writes British English (``labour``, ``organisation`` in older texts, ``programme``,
``defence``, ``survivor-centred``), and people type American English as often. Both spellings are
folded to one form before indexing and before searching, on both engines, so ``forced labor``
and ``forced labour`` find the same paragraphs. The folding is plain substring replacement on
the lower-cased text, in the order of :data:`VARIANTS`, so the same few lines run in Python
(the query, the highlighting) and in SQL (the index triggers of :mod:`.index`):

* each pair replaces letters by letters, never across a word boundary, so a paragraph keeps
  its number of words and every word its position (phrases and highlighting stay exact);
* no folded form contains its own source again (folding twice changes nothing);
* a longer source comes before a shorter one it contains (``centred`` before ``centre``).

Words are also split where either engine's tokenizer splits them: at every character that is
not a letter or a digit (SQLite's ``unicode61`` does this already; PostgreSQL's parser would
keep ``zero-tolerance`` and ``S/RES/2379`` whole, so its index is given the split text).

Changing this list changes what is indexed: add a migration that re-runs
``resolutions.search.index`` (see migration 0007), which re-folds every paragraph.

Example::

    >>> fold("Survivor-centred programmes of the Organisation")
    'survivor-centered programs of the organization'
    >>> words("zero-tolerance S/RES/2379 (2017)")
    ['zero', 'tolerance', 's', 'res', '2379', '2017']
"""

from __future__ import annotations

import re
from functools import lru_cache

from resolutions.search.query import (
    And,
    Empty,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    parse_query,  # noqa: F401  (the docstring examples)
)

# (British, American): folded to the second. Stems, so inflections follow ("labours",
# "organised", "stabilisation", "programmes"). Where the American form would contain the British
# one (fulfil/fulfill), the fold goes the other way, to the shorter form.
VARIANTS: tuple[tuple[str, str], ...] = (
    # -our / -or
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("endeavour", "endeavor"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("harbour", "harbor"),
    ("colour", "color"),
    ("rumour", "rumor"),
    ("vigour", "vigor"),
    ("rigour", "rigor"),
    ("armour", "armor"),
    # -re / -er
    ("centred", "centered"),
    ("centring", "centering"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("litre", "liter"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("manoeuvre", "maneuver"),
    # -ence / -ense
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("practise", "practice"),
    # -mme, -ogue, -ement
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("judgement", "judgment"),
    ("acknowledgement", "acknowledgment"),
    ("ageing", "aging"),
    # -ise / -ize, -isation / -ization: stems, so every form follows
    ("organis", "organiz"),
    ("recognis", "recogniz"),
    ("stabilis", "stabiliz"),
    ("mobilis", "mobiliz"),
    ("criminalis", "criminaliz"),
    ("prioritis", "prioritiz"),
    ("utilis", "utiliz"),
    ("realis", "realiz"),
    ("authoris", "authoriz"),
    ("characteris", "characteriz"),
    ("minimis", "minimiz"),
    ("maximis", "maximiz"),
    ("finalis", "finaliz"),
    ("operationalis", "operationaliz"),
    ("institutionalis", "institutionaliz"),
    ("harmonis", "harmoniz"),
    ("standardis", "standardiz"),
    ("summaris", "summariz"),
    ("legalis", "legaliz"),
    ("neutralis", "neutraliz"),
    ("normalis", "normaliz"),
    ("penalis", "penaliz"),
    ("sensitis", "sensitiz"),
    ("categoris", "categoriz"),
    ("centralis", "centraliz"),
    ("democratis", "democratiz"),
    ("marginalis", "marginaliz"),
    ("militaris", "militariz"),
    ("modernis", "moderniz"),
    ("optimis", "optimiz"),
    ("specialis", "specializ"),
    ("synchronis", "synchroniz"),
    ("familiaris", "familiariz"),
    ("jeopardis", "jeopardiz"),
    ("civilis", "civiliz"),
    ("globalis", "globaliz"),
    ("privatis", "privatiz"),
    ("regularis", "regulariz"),
    ("radicalis", "radicaliz"),
    ("revitalis", "revitaliz"),
    ("politicis", "politiciz"),
    ("immunis", "immuniz"),
    ("formalis", "formaliz"),
    ("localis", "localiz"),
    ("capitalis", "capitaliz"),
    ("emphasise", "emphasize"),
    ("emphasising", "emphasizing"),
    ("apologis", "apologiz"),
    ("analyse", "analyze"),
    ("analysing", "analyzing"),
    ("paralys", "paralyz"),
    # -ll- / -l-
    ("travell", "travel"),
    ("cancell", "cancel"),
    ("labell", "label"),
    ("modell", "model"),
    ("counsell", "counsel"),
    ("channell", "channel"),
    ("signall", "signal"),
    ("fuell", "fuel"),
    ("fulfill", "fulfil"),
    ("enrollment", "enrolment"),
    ("skillful", "skilful"),
    ("willful", "wilful"),
    # -er / -or
    ("adviser", "advisor"),
    # ae, oe
    ("paediatric", "pediatric"),
    ("paedophil", "pedophil"),
    ("foetus", "fetus"),
    ("sceptic", "skeptic"),
)

_NOT_A_WORD_CHARACTER = re.compile(r"[\W_]+")  # the separators of both tokenizers


def fold(text: str) -> str:
    """Lower-cased, with every British form of :data:`VARIANTS` replaced by its fold.

    ASCII letters alone are lower-cased, as SQLite's ``lower()`` does: the variants are ASCII,
    and the engines fold the case of every other letter themselves.
    """
    folded = text.translate(_ASCII_LOWER)
    for british, american in VARIANTS:
        if british in folded:
            folded = folded.replace(british, american)
    return folded


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def words(text: str) -> list[str]:
    """The folded words of ``text``, split where the engines split (letters and digits only).

    No variant crosses a word boundary, so folding word by word folds the text.
    """
    return [_fold_word(word) for word in _NOT_A_WORD_CHARACTER.split(text) if word]


@lru_cache(maxsize=65_536)
def _fold_word(word: str) -> str:
    return fold(word)


def folds(word: str) -> bool:
    """Does folding change this word (for telling a person their spelling was widened)?

    >>> folds("Labour"), folds("trafficking")
    (True, False)
    """
    return fold(word) != word.translate(_ASCII_LOWER)


def variant_of(word: str) -> str | None:
    """The other spelling of ``word`` when the list folds the two together, else None.

    >>> variant_of("labour"), variant_of("Labor"), variant_of("trafficking")
    ('labor', 'labour', None)
    """
    lower = word.translate(_ASCII_LOWER)
    folded = fold(lower)
    if folded != lower:
        return folded
    for british, american in VARIANTS:
        if american in lower:
            other = lower.replace(american, british, 1)
            if fold(other) == lower:
                return other
    return None


def sql_fold(column: str) -> str:
    """The SQL for :func:`fold` of ``column``: ``lower()`` then nested ``replace()`` calls.

    For PostgreSQL; the variants are plain ASCII letters, quoted as is. SQLite's parser refuses
    so many nested calls: it runs :func:`sql_fold_stages` one after the other.

    >>> sql_fold("new.text").startswith("replace(replace(")
    True
    """
    sql = f"lower({column})"
    for british, american in VARIANTS:
        sql = f"replace({sql}, '{british}', '{american}')"
    return sql


SQL_STAGE = 20  # replace() calls SQLite parses nested in a trigger (30 overflow its stack)


def sql_fold_stages(column: str) -> list[str]:
    """:func:`sql_fold` in stages: each folds ``column`` (already lower-cased) a bit further.

    >>> len(sql_fold_stages("text")) == -(-len(VARIANTS) // SQL_STAGE)
    True
    """
    stages = []
    for start in range(0, len(VARIANTS), SQL_STAGE):
        sql = column
        for british, american in VARIANTS[start : start + SQL_STAGE]:
            sql = f"replace({sql}, '{british}', '{american}')"
        stages.append(sql)
    return stages


def _check() -> None:
    """The rules in the module docstring, checked at import: a bad edit fails every test run."""
    for index, (british, american) in enumerate(VARIANTS):
        assert british.isascii() and british.isalpha() and british.islower(), british
        assert american.isascii() and american.isalpha() and american.islower(), american
        assert british not in american, (british, american)
        assert fold(american) == american, f"folding {american!r} again changes it"
        for later, _ in VARIANTS[index + 1 :]:
            assert british not in later, f"{later!r} must come before {british!r}"


_check()


def fold_tree(node: Node) -> Node:
    """The query tree as the indexes hold words: folded, and split where the engines split.

    A word that splits (``zero-tolerance``, ``S/RES/2379``) becomes the phrase of its parts,
    as FTS5 has always read it; a phrase's words are folded and split in place. Excluded words
    fold alike. Both compilers and the highlighting compile the folded tree.

    >>> fold_tree(parse_query('Al-Shabaab "forced labour"').tree)
    And(children=(Phrase(words=('al', 'shabaab')), Phrase(words=('forced', 'labor'))))
    """
    folded = _fold(node)
    return folded if folded is not None else Empty()


def _fold(node: Node) -> Node | None:
    if isinstance(node, Term):
        parts = words(node.text)
        if len(parts) > 1:
            return Phrase(tuple(parts))
        return Term(parts[0]) if parts else None
    if isinstance(node, Prefix):
        parts = words(node.text)
        if not parts:
            return None
        prefix = Prefix(parts[-1])
        if len(parts) == 1:
            return prefix
        before = Phrase(tuple(parts[:-1])) if len(parts) > 2 else Term(parts[0])
        return And((before, prefix))
    if isinstance(node, Phrase):
        parts = tuple(part for word in node.words for part in words(word))
        return Phrase(parts) if parts else None
    if isinstance(node, Not):
        child = _fold(node.child)
        return Not(child) if child is not None else None
    if isinstance(node, And | Or):
        children = tuple(c for c in (_fold(child) for child in node.children) if c is not None)
        if not children:
            return None
        return children[0] if len(children) == 1 else type(node)(children)
    return node
