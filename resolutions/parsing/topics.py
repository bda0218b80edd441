"""Does a paragraph address trafficking in persons?

Why a curated list and not the word "trafficking": the Council uses "trafficking" far more
often for arms, drugs, oil, wildlife, natural resources and cultural property than for
people, so a paragraph counts only when trafficking is tied to *people*: trafficking in (or
of) persons, women, children, migrants ...; human trafficking; victims of trafficking;
anti-trafficking; trafficked persons; traffickers in persons. "Illicit trafficking in small
arms", "trafficking of natural resources" and "drug traffickers" do not count.

Example::

    >>> find_trafficking("Condemns all instances of trafficking in persons in armed conflict;")
    True
    >>> find_trafficking("Calls upon States to prevent illicit trafficking in small arms;")
    False
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Who can be trafficked, as the Council names them.
_PEOPLE = r"""(?:persons|people|human\s+beings|humans|individuals|women|children|girls|boys
    |minors|migrants|refugees)"""
# Words that end the object of "trafficking in/of": "trafficking of arms *to* children".
_STOP = r"""(?:to|by|from|for|with|into|through|among|against|across|on|at|in|of|within)"""


@dataclass(frozen=True)
class Expression:
    """One way of writing trafficking in persons: a verbose regex fragment and examples."""

    name: str
    pattern: str
    examples: tuple[str, ...]


EXPRESSIONS: tuple[Expression, ...] = (
    Expression(
        "trafficking in/of people",
        rf"""\btraffic(?:king)?\s+(?:in|of)\s+   # "trafficking in", "traffic in" (older texts)
            (?:(?!{_STOP}\b)[\w’'-]+,?\s+){{0,3}}? # up to three words of a list: "arms, drugs and"
            {_PEOPLE}\b""",
        (
            "trafficking in persons",
            "trafficking in human beings",
            "trafficking in women and children",
            "trafficking of Yazidi women and girls",
            "illicit trafficking of arms, persons and drugs",
            "traffic in women and children",
        ),
    ),
    Expression(
        "human, child and sex trafficking",
        r"""\b(?:human|child|children|people|sex|sexual)\s+traffick(?:ing|ers?)\b""",
        ("human trafficking", "human traffickers", "child trafficking", "sex trafficking"),
    ),
    Expression(
        "anti-trafficking",
        r"""\banti[\s‐‑-]?trafficking\b
            (?!\s+Regional\s+Communication)  # not TARCET (UNODC, against drug precursors)
        """,
        ("anti-trafficking research and expertise", "anti‑trafficking legislation"),
    ),
    Expression(
        "victims and survivors of trafficking",
        r"""\b(?:victims?|survivors?)\s+of\s+(?:human\s+)?trafficking\b
            |\btrafficking\s+(?:victims?|survivors?)\b""",
        ("victims of trafficking", "trafficking victims", "survivors of human trafficking"),
    ),
    Expression(
        "traffickers in persons",
        rf"""\btraffickers?\s+in\s+{_PEOPLE}\b""",
        ("traffickers in persons",),
    ),
    Expression(
        "trafficked people",
        rf"""\b{_PEOPLE}\s+(?:who\s+(?:are|were|have\s+been|had\s+been)\s+)?trafficked\b
            |\btrafficked\s+{_PEOPLE}\b
            |\b(?:risk|danger)\s+of\s+being\s+trafficked\b
            |\bvictims\s+trafficked\b""",
        ("persons trafficked in armed conflict", "trafficked women", "at risk of being trafficked"),
    ),
    Expression(
        "trafficking and smuggling of migrants",
        r"""\btrafficking\s+(?:and|or)\s+(?:the\s+)?smuggling\s+of\s+migrants\b
            |\b(?:smuggling\s+of\s+migrants|(?:migrant|human)\s+smuggling)\s+(?:and|or)\s+trafficking\b
            |\bmigrants\b[^.;]{0,100}\bsmuggling\s+and\s+trafficking\b(?!\s+(?:in|of)\b)""",
        (
            "trafficking and smuggling of migrants",
            "migrant smuggling and trafficking",
            "to prevent human smuggling and trafficking",
            "migrants and refugees at the core of efforts to counter smuggling and trafficking",
        ),
    ),
    Expression(
        "trafficking beside forced labour, slavery or sexual exploitation",
        r"""\btrafficking,?\s+(?:and\s+)?(?:forced\s+labour|(?:sexual\s+)?slavery|sexual\s+exploitation)\b
            |\b(?:forced\s+labour|slavery|sexual\s+exploitation),?\s+(?:and\s+)?trafficking\b
            (?!\s+(?:in|of)\s+(?!persons|people|women|children|girls|boys|human))
            |\bvulnerable\s+to\s+(?:human\s+)?trafficking\b""",
        (
            "attacks against schools as well as trafficking, forced labour and slavery",
            "sexual exploitation and trafficking",
            "persons vulnerable to trafficking",
        ),
    ),
    Expression(
        "sale or trade in persons",
        r"""\b(?:sale|trade)\s+(?:or\s+(?:sale|trade)\s+)?(?:in|of)\s+persons\b""",
        ("the sale or trade in persons",),
    ),
)

TRAFFICKING_IN_PERSONS = re.compile(
    # A newline closes each fragment, so that a trailing comment cannot swallow the ")".
    "|".join(f"(?:{expression.pattern}\n)" for expression in EXPRESSIONS),
    re.IGNORECASE | re.VERBOSE,
)
"""All :data:`EXPRESSIONS` as one case-insensitive verbose regex."""


def find_trafficking(text: str) -> bool:
    """Whether ``text`` (a paragraph) addresses trafficking in persons.

    >>> find_trafficking("the smuggling of migrants and human trafficking into Libya")
    True
    """
    return TRAFFICKING_IN_PERSONS.search(" ".join(text.split())) is not None
