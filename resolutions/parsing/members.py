"""Council members' names as the UN prints them, from the capitals of its record data.

Why: the record data lists every member in capitals ("CÔTE D'IVOIRE", "TÜRKİYE"), and
``str.title()`` gets them wrong ("Côte D'ivoire", "Türki̇Ye": Python lower-cases "İ" to "i"
plus a combining dot). The spelling comes first from the UN's own text:
``data/member_names.txt`` (built by ``scripts/build_printed_forms.py``) holds, for each name
in capitals, the mixed-case spelling the resolutions, agenda items and titles use most.

Fallback, for a name the corpus never writes in mixed case ("BOLIVIA (PLURINATIONAL STATE
OF)", "VIET NAM"): each word capitalised, except "of", "and", "the", "da", "de", "del", "for"
after the first word, and an elided "d'"/"l'" kept lower case before a capital ("d'Ivoire");
"İ" is read as "I". A name not all in capitals is returned as it is.

Example::

    >>> member_name("TÜRKİYE"), member_name("BOLIVIA (PLURINATIONAL STATE OF)")
    ('Türkiye', 'Bolivia (Plurinational State of)')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

SMALL_WORDS = frozenset({"and", "of", "the", "da", "de", "del", "for"})
_WORD = re.compile(
    r"""
    (?P<elided>[dl]['’](?=[^\W\d_]))?   # d'ivoire: the French article elided before a word
    (?P<word>[^\W\d_][\w'’]*)           # a word: letters first, inner apostrophes kept
    """,
    re.X,
)


@functools.cache
def known_spellings() -> dict[str, str]:
    """NAME -> spelling, from ``data/member_names.txt`` (``NAME<TAB>Spelling<TAB>count``)."""
    data = resources.files("resolutions.parsing").joinpath("data/member_names.txt")
    spellings = {}
    for line in data.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, spelled, _count = line.split("\t")
            spellings[name] = spelled
    return spellings


def member_name(name: str) -> str:
    """The name as the UN prints it; see the module docstring for the rules."""
    name = _clean(name)
    if not name.isupper():
        return name
    known = known_spellings().get(name)
    return known if known is not None else fallback_name(name)


def _clean(name: str) -> str:
    """Whitespace collapsed and accents composed: records write "CÔTE" both ways."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


def fallback_name(name: str) -> str:
    """Capitalisation by rule, for names the corpus never spells in mixed case.

    >>> fallback_name("NETHERLANDS (KINGDOM OF THE)")
    'Netherlands (Kingdom of the)'
    """
    lowered = _clean(name).replace("İ", "I").lower()

    def capitalise(match: re.Match) -> str:
        word = match["word"]
        if match["elided"]:
            return match["elided"].lower() + word[:1].upper() + word[1:]
        if match.start() and word in SMALL_WORDS:
            return word
        return word[:1].upper() + word[1:]

    return _WORD.sub(capitalise, lowered)
