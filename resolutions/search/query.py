"""The search language, parsed once into a small neutral tree that each engine compiles.

People type what they would type into any search box: words (all must match), "quoted
phrases", ``OR`` between alternatives, ``-word`` (or ``NOT word``) to exclude, ``word*`` for a
prefix. Nothing here raises: unbalanced quotes close at the end, stray operators vanish, input
is capped, control characters are dropped, and input with nothing searchable left becomes
:class:`Empty`. Pure Python, no Django, so every rule is a table-driven unit test.

Example::

    >>> parse_query('trafficking -"forced labour"').tree
    And(children=(Term(text='trafficking'), Not(child=Phrase(words=('forced', 'labour')))))
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

MAX_CHARS = 500  # longer input is cut here (a pasted page is not a query)
MAX_TERMS = 30  # words counted across phrases; later ones are dropped with a note
MIN_PREFIX = 3  # "un*" would expand to thousands of words; shorter prefixes search the word

# Common English words left out of unquoted searches, so "and the of" is an explicit empty
# search on both engines (the indexes keep them, so a quoted phrase may still contain them).
# PostgreSQL's and Snowball's English stop-word list.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing don down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours ourselves out over own s same she should so some such t than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves
    """.split()
)


@dataclass(frozen=True)
class Term:
    text: str


@dataclass(frozen=True)
class Prefix:
    text: str


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class Empty:
    pass


Node = Term | Prefix | Phrase | And | Or | Not | Empty
Leaf = Term | Prefix | Phrase


@dataclass(frozen=True)
class ParsedQuery:
    """The tree plus what a person should be told about how their input was read."""

    text: str  # the input after cleaning and capping: what the search box shows back
    tree: Node
    ignored: tuple[str, ...] = ()  # common words left out
    notes: tuple[str, ...] = field(default=())  # "trimmed to the first 500 characters" ...
    # Plain words only: the same words as a phrase, ranking paragraphs that hold them together
    # above those where they are scattered (see :func:`proximity_phrase`).
    proximity: Phrase | None = None

    @property
    def is_empty(self) -> bool:
        return isinstance(self.tree, Empty)

    @property
    def understood(self) -> str:
        """The query as understood, in words: ``paragraphs with trafficking, but not labour``."""
        return describe(self.tree)


# Quotation marks people paste from word processors; all mean the ASCII double quote.
_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})

_TOKEN = re.compile(
    r"""
      (?P<negated> - )?                  # a minus glued to a phrase excludes it
      " (?P<phrase> [^"]* ) "?           # a quoted phrase; closes at the end if left open
    | (?P<word> [^\s"]+ )                # any other run of non-space characters
    """,
    re.VERBOSE,
)

_EDGE_PUNCTUATION = re.compile(
    r"""
      ^ [\W_]+          # leading punctuation: "(trafficking" -> "trafficking"
    | [\W_]+ $          # trailing punctuation: "title:" -> "title"
    """,
    re.VERBOSE,
)

_HAS_WORD_CHARACTER = re.compile(r"[^\W_]")  # a letter or digit: something an engine indexes

_OR = frozenset({"OR", "|", "||"})
_AND = frozenset({"AND", "&", "&&", "+"})
_NOT = frozenset({"NOT"})


def clean_input(raw: str) -> tuple[str, tuple[str, ...]]:
    """Normalise and cap raw input; return it with notes for the person who typed it.

    >>> clean_input("traf\\x00ficking\\u200b")
    ('trafficking', ())
    """
    text = unicodedata.normalize("NFKC", raw or "")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r":
            kept.append(" ")
        # Cc: control (NUL ...); Cf: format (zero-width spaces, soft hyphens); Co: private use
        # (the snippet sentinels live there); Cs: lone surrogates from broken encodings.
        elif category not in {"Cc", "Cf", "Co", "Cs"}:
            kept.append(char)
    text = " ".join("".join(kept).split()).translate(_QUOTES)
    notes: tuple[str, ...] = ()
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS].rstrip()
        notes = (f"Only the first {MAX_CHARS} characters were searched.",)
    return text, notes


def _clean_word(chunk: str) -> str:
    """A word without asterisks or edge punctuation; "" when nothing indexable is left."""
    word = _EDGE_PUNCTUATION.sub("", chunk.replace("*", ""))
    return word if _HAS_WORD_CHARACTER.search(word) else ""


@dataclass
class _Unit:
    node: Leaf
    negated: bool


def _tokens(text: str, notes: list[str]) -> list[_Unit | str]:
    """Units (leaves with their minus sign) and operator strings, with the term cap applied."""
    items: list[_Unit | str] = []
    words_used = 0
    capped = False
    for match in _TOKEN.finditer(text):
        if match["word"] is not None:
            chunk = match["word"]
            if chunk in _OR:
                items.append("OR")
                continue
            if chunk in _AND:
                continue  # every word must match anyway
            if chunk in _NOT:
                items.append("NOT")
                continue
            negated = chunk.startswith("-")
            chunk = chunk.lstrip("-+")
            word = _clean_word(chunk)
            if not word:
                continue
            alnum = sum(c.isalnum() for c in word)
            if chunk.endswith("*") and alnum >= MIN_PREFIX:
                node: Leaf = Prefix(word)
            else:
                if chunk.endswith("*"):
                    notes.append(
                        f"“{word}*” is too short for a prefix search; searched for “{word}”."
                    )
                node = Term(word)
            size = 1
        else:
            words = tuple(w for w in (_clean_word(c) for c in match["phrase"].split()) if w)
            if not words:
                continue
            negated = match["negated"] is not None
            node = Phrase(words)
            size = len(words)
        if words_used + size > MAX_TERMS:
            capped = True
            break
        words_used += size
        items.append(_Unit(node, negated))
    if capped:
        notes.append(f"Only the first {MAX_TERMS} words were searched.")
    return items


def _group(items: list[_Unit | str]) -> list[Node]:
    """Implicit AND of clauses; ``a OR b OR c`` is one clause; NOT/minus negate one unit."""
    clauses: list[Node] = []
    pending_not = False
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if item == "NOT":
            pending_not = True
            continue
        if isinstance(item, str):
            continue  # an OR with nothing usable before it
        if item.negated or pending_not:
            pending_not = False
            clauses.append(Not(item.node))
            continue
        alternatives: list[Node] = [item.node]
        while (
            i + 1 < len(items)
            and items[i] == "OR"
            and isinstance(items[i + 1], _Unit)
            and not items[i + 1].negated
        ):
            alternatives.append(items[i + 1].node)
            i += 2
        clauses.append(Or(tuple(alternatives)) if len(alternatives) > 1 else alternatives[0])
    return clauses


def _prune(node: Node, ignored: list[str]) -> Node | None:
    """Drop common words (not inside phrases), flatten one-child groups, remove duplicates."""
    if isinstance(node, Term):
        if node.text.casefold() in STOP_WORDS:
            ignored.append(node.text)
            return None
        return node
    if isinstance(node, Not):
        child = _prune(node.child, ignored)
        return Not(child) if child is not None else None
    if isinstance(node, And | Or):
        children: list[Node] = []
        for child in node.children:
            kept = _prune(child, ignored)
            if kept is not None and kept not in children:
                children.append(kept)
        if not children:
            return None
        if len(children) == 1:
            return children[0]
        return type(node)(tuple(children))
    return node


def parse_query(raw: str) -> ParsedQuery:
    """Parse what a person typed. Never raises.

    >>> parse_query("women OR children").tree
    Or(children=(Term(text='women'), Term(text='children')))
    """
    return _parse(*clean_input(raw))


@lru_cache(maxsize=512)  # keyed on the capped text, so a pasted page costs no more memory
def _parse(text: str, capped: tuple[str, ...]) -> ParsedQuery:
    notes: list[str] = list(capped)
    ignored: list[str] = []
    clauses = _group(_tokens(text, notes))
    tree = _prune(And(tuple(clauses)), ignored) if clauses else None
    if tree is None:
        tree = Empty()
    elif isinstance(tree, Not) or (
        isinstance(tree, And) and all(isinstance(c, Not) for c in tree.children)
    ):
        notes.append("Add a word to look for: excluded words alone match nothing.")
        tree = Empty()
    return ParsedQuery(
        text=text,
        tree=tree,
        ignored=tuple(dict.fromkeys(ignored)),
        notes=tuple(notes),
        proximity=proximity_phrase(text, tree),
    )


def proximity_phrase(text: str, tree: Node) -> Phrase | None:
    """The typed words as one phrase, when the query is nothing but two or more plain words.

    Ranking only: a paragraph holding "procurement and supply chains" together should come
    before one listing "a. procurement; b. supply chain management". Common words typed between
    the others stay in the phrase (both indexes keep them), so "procurement and supply" does not
    treat "procurement; b. supply" as together; at either end they are dropped. Quotes, prefixes
    and operators mean the person chose the syntax: no phrase then. Exclusions are left out.

    >>> parse_query("the procurement and supply chains -labour").proximity
    Phrase(words=('procurement', 'and', 'supply', 'chains'))
    """
    if not isinstance(tree, And):
        return None
    positives = [c for c in tree.children if not isinstance(c, Not)]
    if len(positives) < 2 or not all(isinstance(c, Term) for c in positives):
        return None
    words: list[str] = []
    for match in _TOKEN.finditer(text):
        chunk = match["word"]
        if chunk is None or chunk in _OR | _AND | _NOT or "*" in chunk:
            return None
        if chunk.startswith("-"):
            continue
        word = _clean_word(chunk.lstrip("+"))
        if word and len(words) < MAX_TERMS:
            words.append(word)
    while words and words[0].casefold() in STOP_WORDS:
        words.pop(0)
    while words and words[-1].casefold() in STOP_WORDS:
        words.pop()
    return Phrase(tuple(words)) if len(words) >= 2 else None


def leaves(node: Node) -> list[Leaf]:
    """The words, prefixes and phrases a match must (or may) contain; exclusions left out.

    >>> leaves(parse_query("a-b OR c -d").tree)
    [Term(text='a-b'), Term(text='c')]
    """
    if isinstance(node, Term | Prefix | Phrase):
        return [node]
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in leaves(child)]
    return []


# Both indexes store stems, not words as printed, so a quoted phrase fixes the order of its
# words but not their forms: "supply chains" also finds "supply chain". Said wherever a phrase
# is described, rather than promising an exact phrase a second, unstemmed index would need.
PHRASE_CAVEAT = "words in this order; other forms of the same words also match, e.g. chain/chains"


def describe(node: Node) -> str:
    """The query as understood, for people: ``paragraphs with trafficking and “supply chains”``.

    A quoted phrase of two or more words is followed by :data:`PHRASE_CAVEAT` in brackets.
    """
    if isinstance(node, Empty):
        return "nothing to search for"
    if _has_phrase(node):
        return f"{_describe(node)} ({PHRASE_CAVEAT})"
    return _describe(node)


def _has_phrase(node: Node) -> bool:
    if isinstance(node, Phrase):
        return len(node.words) > 1
    if isinstance(node, And | Or):
        return any(_has_phrase(c) for c in node.children)
    if isinstance(node, Not):
        return _has_phrase(node.child)
    return False


def _describe(node: Node) -> str:
    positives = node.children if isinstance(node, And) else (node,)
    wanted = [
        _describe_part(c, nested=len(positives) > 1) for c in positives if not isinstance(c, Not)
    ]
    unwanted = [_describe_part(c.child, nested=True) for c in positives if isinstance(c, Not)]
    text = "paragraphs with " + _join(wanted, "and")
    if unwanted:
        text += ", but without " + _join(unwanted, "or")
    return text


def _describe_part(node: Node, *, nested: bool) -> str:
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Prefix):
        return f"words beginning “{node.text}”"
    if isinstance(node, Phrase):
        return f"“{' '.join(node.words)}”"
    if isinstance(node, Or):
        text = _join([_describe_part(c, nested=True) for c in node.children], "or")
        return f"({text})" if nested else text
    return _describe(node)


def _join(parts: list[str], word: str) -> str:
    if len(parts) <= 2:
        return f" {word} ".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def to_query_string(node: Node) -> str:
    """The tree written back in the search language (parsing it again gives the same tree).

    >>> to_query_string(parse_query('“supply chains”  OR traff* -x').tree)
    '"supply chains" OR traff* -x'
    """
    if isinstance(node, Term):
        return node.text
    if isinstance(node, Prefix):
        return node.text + "*"
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    if isinstance(node, Or):
        return " OR ".join(to_query_string(c) for c in node.children)
    if isinstance(node, And):
        return " ".join(to_query_string(c) for c in node.children)
    if isinstance(node, Not):
        return "-" + to_query_string(node.child)
    return ""


def suggest_broader(node: Node) -> list[tuple[str, str]]:
    """Broader searches to offer when a query finds nothing: (explanation, query string).

    >>> suggest_broader(parse_query('"supply chains" -un').tree)
    [('the words in any order', 'supply chains -un'), ('without the exclusions', '"supply chains"')]
    """
    suggestions: list[tuple[str, str]] = []
    children = node.children if isinstance(node, And) else (node,)
    if any(isinstance(leaf, Phrase) and len(leaf.words) > 1 for leaf in leaves(node)):
        unquoted = [_unquote(c) for c in children]
        suggestions.append(("the words in any order", " ".join(unquoted)))
    positives = [c for c in children if not isinstance(c, Not)]
    if len(children) > len(positives) and positives:
        suggestions.append(("without the exclusions", to_query_string(And(tuple(positives)))))
    if len(positives) > 1:
        suggestions.append(("any of these", " OR ".join(to_query_string(p) for p in positives)))
    return [(label, query) for label, query in suggestions if query.strip()]


def _unquote(node: Node) -> str:
    if isinstance(node, Phrase):
        return " ".join(node.words)
    if isinstance(node, Not):
        return "-" + to_query_string(node.child)
    return to_query_string(node)
