"""Repair the damage that PDF text extraction does to the UN's resolutions.

Why: the page texts we receive were extracted from the UN's PDFs, and the extraction leaves
stray spaces inside words ("traffick ing", "f or"), spaces before hyphens and punctuation
("Secretary -General", "strategies , conflict") and hyphens lost where it glued a line ending
in a hyphen onto the next line ("Councilmandated", "money laundering"). Every decision here
is taken from how often the Council writes each word in its own Akoma Ntoso resolutions (the
vocabulary, built by ``scripts/build_vocabulary.py``), never from a list of known damage, and
two real words are never joined ("for in", "data base" stay as printed).

The shared :func:`normalize_typography` is used by every reader, so page texts and XML give
the same characters::

    >>> normalize_typography("anti\\u2011trafficking  Council\\u2019s")
    'anti-trafficking Council’s'
    >>> repair_text("to preve nt trafficking, options f or: the Secretary -General")
    'to prevent trafficking, options for: the Secretary-General'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

# Hyphen look-alikes the UN's files use inside words: U+2010 hyphen and U+2011 non-breaking
# hyphen (the AKN files write "anti‑trafficking" with U+2011).
HYPHENS = "\u2010\u2011"
SOFT_HYPHEN = "\u00ad"
# Spaces other than the plain one (no-break, thin, narrow no-break ...), read as a space.
SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# Two-letter words count as words only when the Council uses them this often (per token):
# "of", "to", "in", "is", "ad" qualify; "al" (only ever in names) does not.
SHORT_WORD_SHARE = 2e-5
# A long word counts as a word from this many lower-case uses on.
MIN_WORD_COUNT = 5
# A repair needs its result attested at least this often.
MIN_ATTESTED = 3
# Words after a hyphen that mark a suspended hyphen ("pre- and post-conflict"), not a break.
SUSPENSION_WORDS = {"and", "or", "to", "nor"}


@dataclass(frozen=True)
class Vocabulary:
    """Word counts from the Council's own texts: ``word -> (count, lower-case count)``."""

    counts: dict[str, tuple[int, int]]
    total: int

    def count(self, word: str) -> int:
        """How often ``word`` occurs; a lower-case word is compared with lower-case uses."""
        found = self.counts.get(word.lower())
        if found is None:
            return 0
        return found[1] if word.islower() else found[0]

    def count_any(self, word: str) -> int:
        """How often ``word`` occurs in any case ("council-mandated" is "Council-mandated")."""
        found = self.counts.get(word.lower())
        return 0 if found is None else found[0]

    def is_word(self, word: str) -> bool:
        """Whether ``word`` stands on its own in the Council's prose.

        Single letters other than "a" are fragments ("f or", "i s"); a two-letter token must
        be a frequent function word; longer tokens need a few uses.

        >>> vocabulary().is_word("al"), vocabulary().is_word("of"), vocabulary().is_word("base")
        (False, True, True)
        """
        if len(word) == 1:  # capitals are labels ("Annex B", "Section G"), never fragments
            return word in "aA" or word.isupper()
        if len(word) == 2:
            return self.count(word) >= self.total * SHORT_WORD_SHARE
        return self.count(word) >= MIN_WORD_COUNT


@functools.cache
def vocabulary() -> Vocabulary:
    """Load ``data/vocabulary.txt`` once (``word<TAB>count<TAB>lower-case count``)."""
    text = resources.files("resolutions.parsing").joinpath("data/vocabulary.txt").read_text("utf-8")
    counts: dict[str, tuple[int, int]] = {}
    total = 0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, count, lower = line.split("\t")
        counts[word] = (int(count), int(lower))
        total += int(count)
    return Vocabulary(counts=counts, total=total)


def normalize_typography(text: str) -> str:
    """The same characters for every reader: hyphens as "-", no soft hyphens, single spaces.

    Curly quotes and apostrophes stay, as the UN prints them.
    """
    for hyphen in HYPHENS:
        text = text.replace(hyphen, "-")
    text = text.replace(SOFT_HYPHEN, "")
    return SPACES.sub(" ", text).strip()


# A real dash has spaces on both sides; a hyphen glued to the next word only is damage.
SPACE_BEFORE_HYPHEN = re.compile(
    r"""
    (?<!\w)(?P<left>[^\W\d_]+)    # a word ("Secretary", the "by" of "case-by -case") ...
    \u0020-                        # a space, then the hyphen ...
    (?=[^\W\d_])                   # ... glued to the next word ("-General")
    """,
    re.VERBOSE,
)
SPACE_AFTER_HYPHEN = re.compile(
    r"""
    (?<![\w-])(?P<left>[^\W\d_]+)-   # a word and its hyphen ("post-") ...
    \u0020                           # ... a stray space ...
    (?P<right>[^\W\d_]+)             # ... and the word it belongs to ("conflict")
    """,
    re.VERBOSE,
)
SPACE_BEFORE_PUNCTUATION = re.compile(
    r"""
    (?<=\S)         # after something printed
    \u0020+         # stray spaces
    (?=[,;:)\]]|\.(?![.\d]))  # before punctuation that sits on the word it follows
                            # (not an ellipsis "..." nor a decimal ".5")
    """,
    re.VERBOSE,
)
SPACE_AFTER_BRACKET = re.compile(r"(?<=[(\[])\u0020+(?=\S)")  # "( ISIL" -> "(ISIL"
TOKEN = re.compile(
    r"""
    (?P<word>[^\W\d_]+)     # a run of letters; hyphens, apostrophes, digits end it
    (?P<gap>\u0020?)        # the single space to the next token, if any
    """,
    re.VERBOSE,
)


def _joinable(vocab: Vocabulary, parts: Sequence[str]) -> bool:
    """Whether the printed ``parts`` are one word split by stray spaces.

    The joined word must be attested, and every break must touch a fragment: if both sides
    of a break are words ("data base", "for in"), the break is real.
    """
    if vocab.count("".join(parts)) < MIN_ATTESTED:
        return False
    if any(p.isupper() and len(p) > 1 for p in parts):  # acronyms ("UN peace") stay apart
        return False
    if any(p[0].isupper() for p in parts[1:]):  # no capital inside a word
        return False
    # Beside the article, only a fragment never seen alone joins: "a s well" is "as well",
    # "a symmetric" stays.
    if any(p in ("a", "A") for p in parts) and any(
        len(p) > 1 and vocab.count_any(p) for p in parts
    ):
        return False
    words = [vocab.is_word(p) for p in parts]
    return all(not (a and b) for a, b in zip(words, words[1:], strict=False))


def join_split_words(text: str) -> str:
    """Join words split by stray spaces: "traffick ing" -> "trafficking", "f or" -> "for".

    Where two joins compete for one fragment ("of f inancial"), the one that joins only
    fragments wins ("of financial"), else the more frequent word.
    """
    vocab = vocabulary()
    tokens = list(TOKEN.finditer(text))
    out: list[str] = []
    position = 0
    i = 0
    joins: dict[int, list | None] = {}

    def join_at(index: int) -> list | None:
        if index not in joins:
            joins[index] = _join_at(vocab, text, tokens, index)
        return joins[index]

    while i < len(tokens):
        joined = join_at(i)
        rival = join_at(i + 1) if joined else None
        if joined and rival and _strength(vocab, rival) > _strength(vocab, joined):
            joined = None
        if joined is None:
            i += 1
            continue
        out.append(text[position : joined[0].start()])
        out.append("".join(t["word"] for t in joined))
        position = joined[-1].start() + len(joined[-1]["word"])
        i += len(joined)
    out.append(text[position:])
    return "".join(out)


def _join_at(vocab: Vocabulary, text: str, tokens: list, i: int) -> list | None:
    """The longest run of two or three tokens from ``i`` that is one split word, if any."""
    for size in (3, 2):
        group = tokens[i : i + size]
        if len(group) < size or any(
            t["gap"] != " " or t.end() != n.start() for t, n in zip(group, group[1:], strict=False)
        ):
            continue
        if vocab.count("".join(t["word"] for t in group)) < MIN_ATTESTED:
            continue  # the quick test first: most neighbours never make a word
        before = text[group[0].start() - 1 : group[0].start()]
        last_end = group[-1].start() + len(group[-1]["word"])
        after = text[last_end : last_end + 1]
        # Runs inside a longer token stay: "’s" (a possessive), "G5S", the "re" of
        # "re-establish", the "d" of "d’Engagement".
        possessive = re.match(r"[’']s\b", text[last_end : last_end + 3]) is not None
        if (
            before in ("’", "'")
            or before.isalnum()
            or (after in ("-", "’", "'") and not possessive)  # "Gr oup’s" joins, "d’" not
            or after.isdigit()
        ):
            continue
        if _joinable(vocab, [t["word"] for t in group]):
            return group
    return None


def _strength(vocab: Vocabulary, group: list) -> tuple[int, int]:
    """How sure a join is: first how many of its parts are fragments, then how common."""
    parts = [t["word"] for t in group]
    return (sum(not vocab.is_word(p) for p in parts), vocab.count("".join(parts)))


def _hyphenate_unknown(text: str) -> str:
    """Restore a lost hyphen inside an unknown word when the Council writes it hyphenated.

    "Councilmandated" is never written so, "Council-mandated" is: restore it. A word the
    vocabulary knows, or a name it has never seen, is left alone.
    """
    vocab = vocabulary()

    def fix(match: re.Match[str]) -> str:
        word = match[0]
        if len(word) < 6 or vocab.count_any(word):
            return word
        best = _best_split(vocab, word, range(3, len(word) - 2), require_attested=True)
        return word if best is None else f"{word[:best]}-{word[best:]}"

    return re.sub(r"(?<![\w-])[^\W\d_]+(?![\w-])", fix, text)


def _best_split(vocab: Vocabulary, word: str, cuts: range, *, require_attested: bool) -> int | None:
    """The cut of ``word`` whose hyphenated form the Council writes most (or whose halves
    are both words when ``require_attested`` is off); None if no cut qualifies."""
    best, best_score = None, 0
    for cut in cuts:
        left, right = word[:cut], word[cut:]
        if not left.isalpha() or not right.isalpha() or len(left) < 2 or len(right) < 2:
            continue
        attested = vocab.count_any(f"{left}-{right}")
        if attested >= MIN_ATTESTED - 1:
            score = 1_000_000 + attested
        elif (
            not require_attested
            and len(left) > 2
            and len(right) > 2
            and (vocab.is_word(left) and vocab.is_word(right))
        ):
            score = min(vocab.count(left), vocab.count(right))
        else:
            continue
        if score > best_score:
            best, best_score = cut, score
    return best


def repair_text(text: str) -> str:
    """Repair one paragraph's text (lines already joined). See the module docstring."""
    text = normalize_typography(text)
    text = SPACE_BEFORE_HYPHEN.sub(_glue_hyphen, text)
    text = SPACE_AFTER_HYPHEN.sub(_close_hyphen, text)
    text = SPACE_BEFORE_PUNCTUATION.sub("", text)
    text = SPACE_AFTER_BRACKET.sub("", text)
    text = join_split_words(text)
    return _hyphenate_unknown(text)


def _glue_hyphen(match: re.Match[str]) -> str:
    """ "Secretary -General" -> "Secretary-General"; "owned or -controlled" stays."""
    if match["left"].lower() in SUSPENSION_WORDS:
        return match[0]
    return f"{match['left']}-"


def _close_hyphen(match: re.Match[str]) -> str:
    """ "post- conflict" -> "post-conflict" when attested; "pre- and post-" stays."""
    left, right = match["left"], match["right"]
    if right.lower() in SUSPENSION_WORDS:
        return match[0]
    if vocabulary().count_any(f"{left}-{right}") >= MIN_ATTESTED:
        return f"{left}-{right}"
    return match[0]


def is_overlong(line: str, width: int) -> bool:
    """Whether a printed line is two lines glued together by the extraction.

    The extraction glues a line that ended in a hyphen onto the next one; the result is far
    longer than any line the page's justified text could hold.
    """
    return width > 0 and len(line) > width + max(12, width * 0.15)


def restore_glued_line(line: str, width: int) -> str:
    """Put back the hyphen the extraction lost where it glued two printed lines together.

    The glue point sits about one line width in. There the hyphen was either dropped
    ("Councilmandated") or turned into a space ("money laundering"); the vocabulary says
    which compound the Council writes. A line that is not overlong is returned unchanged.

    >>> restore_glued_line("a" * 60 + " such as money laundering, and " + "b" * 70, 80)[60:90]
    ' such as money-laundering, and'
    """
    if not is_overlong(line, width):
        return line
    vocab = vocabulary()
    low, high = max(1, width - 14), min(len(line) - 1, width + 6)
    # (distance from the usual width, 0 for a dropped hyphen / 1 for a space, mended line)
    candidates: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[^\W\d_]+", line):
        start, end = match.span()
        word = match[0]
        # The dropped hyphen: a word the Council never writes, split inside the window.
        if vocab.count_any(word) == 0 and start < high and end > low:
            cuts = range(max(2, low - start), min(len(word) - 1, high - start) + 1)
            cut = _best_split(vocab, word, cuts, require_attested=False)
            if cut is not None:
                new = f"{line[: start + cut]}-{line[start + cut :]}"
                candidates.append((abs(start + cut - width), 0, new))
        # The hyphen turned into a space: "money laundering" where "money-laundering" is usual.
        if low <= end <= high and line[end : end + 1] == " ":
            right = re.match(r"[^\W\d_]+", line[end + 1 :])
            if right:
                compound = f"{word}-{right[0]}"
                if (
                    right[0].lower() not in SUSPENSION_WORDS
                    and vocab.count_any(compound) >= MIN_ATTESTED - 1
                    and vocab.count_any(compound) > vocab.count_any(f"{word}{right[0]}")
                ):
                    new = f"{line[:end]}-{line[end + 1 :]}"
                    candidates.append((abs(end - width), 1, new))
    if not candidates:
        return line
    return min(candidates)[2]


def join_lines(lines: Sequence[str]) -> str:
    """Join printed lines into one text, deciding about each line-end hyphen.

    "peace-" / "keeping" becomes "peacekeeping" and "counter-" / "terrorism" stays
    "counter-terrorism", as the Council writes them; "pre-" / "and post-conflict" keeps its
    suspended hyphen.
    """
    vocab = vocabulary()
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not text:
            text = line
        elif text.endswith(SOFT_HYPHEN):
            text = text[:-1] + line
        elif re.search(r"[^\W\d_][-\u2010\u2011]$", text):
            left = re.search(r"[^\W\d_]+(?=.$)", text)[0]
            right_match = re.match(r"[^\W\d_]+", line)
            right = right_match[0] if right_match else ""
            if not right or right.lower() in SUSPENSION_WORDS:
                text = f"{text} {line}"
                continue
            hyphenated = vocab.count_any(f"{left}-{right}")
            closed = vocab.count_any(f"{left}{right}")
            # Unattested either way: a compound ends in a word ("OCHA-coordinated"), a word
            # broken between syllables seldom does ("Nsa-" / "pu").
            keep = hyphenated >= closed if hyphenated or closed else vocab.is_word(right)
            text = (text + line) if keep else (text[:-1] + line)
        else:
            text = f"{text} {line}"
    return text


def repair_lines(lines: Sequence[str], *, widths: Sequence[int] | None = None) -> str:
    """The clean text of printed lines: glued lines mended, lines joined, damage repaired.

    ``widths`` gives, line by line, the usual length of a line on its page, so that lines
    two printed lines long can be mended (None: do not look for them).

    >>> repair_lines(["Reaffirms its condemnation of all", "traffick ing in persons;"])
    'Reaffirms its condemnation of all trafficking in persons;'
    """
    widths = widths if widths is not None else [0] * len(lines)
    mended = []
    for line, width in zip(lines, widths, strict=True):
        clean = restore_glued_line(normalize_typography(line), width)
        # A soft hyphen ending a line still tells join_lines to close the word up.
        mended.append(clean + SOFT_HYPHEN if line.rstrip().endswith(SOFT_HYPHEN) else clean)
    return repair_text(join_lines(mended))
