"""A resolution's short title: what it is about, in the words of the UN's own catalogue.

Why: a resolution's symbol says nothing of its subject, and its agenda item is often only
"Maintenance of international peace and security". The UN's library catalogues each
resolution with a bracketed subject -- "Security Council resolution 2331 (2016) [on
trafficking in persons in armed conflicts]" -- given both in the XML
(``<keyword refersTo="title">``) and in the record data (``resolution_title``). That bracket
is the short title. Quirks seen in 2000-2026 and handled here:

* a stray bracket before it ("resolution 1285 [2000) [on monitoring ...]");
* the closing bracket missing (2627 (2022), 2683 (2023)) or text after it (1748 (2007));
* the title repeated (1492 (2003)); a few brackets open with another participle than "on"
  ("[authorizing ...]", "[condemning ...]");
* no title at all (some 2025-2026 records): then the resolution's own words, where its
  first preambular paragraph names the series it continues ("Recalling its previous
  resolutions ... concerning the Democratic Republic of the Congo" -> "on the Democratic
  Republic of the Congo"); failing that, the agenda item, as the UN's Official Records list
  a resolution under it: "on the situation in Libya". The agenda item comes last because it
  is often only "Maintenance of international peace and security" where the text says
  "the situation in Yemen and the Red Sea" (S/RES/2768 (2025)).

Example::

    >>> find_short_title(
    ...     titles=["Security Council resolution 2331 (2016) [on trafficking in persons in "
    ...             "armed conflicts]"], agenda="Maintenance of international peace and security")
    'on trafficking in persons in armed conflicts'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_BRACKET = re.compile(
    r"""
    \[\s*(?P<subject>[a-z][^\[\]]*)   # "[on trafficking ..." -- a lower-case word opens it
    (?:\]|$)                          # closed, or cut off at the end of the field
    """,
    re.X,
)
_SERIES = re.compile(
    r"""
    ^Recalling\s+(?:all\s+)?its\s+(?:previous|prior|earlier|relevant)\s+resolutions\b
    [^,;]*?\b(?:on|concerning|regarding)\s+    # "... statements of its President concerning"
    (?P<subject>[^,;]+?)                        # "the situation in Yemen and the Red Sea"
    (?:\s+(?:and\s+)?(?:in\s+particular|including|notably)\b|[,;]|$)  # where it stops
    """,
    re.X,
)


def find_short_title(*, titles: Iterable[str], agenda: str = "", opening: str = "") -> str:
    """The first catalogue subject among ``titles``; else the subject of the series the first
    preambular paragraph (``opening``) continues; else "on " and the agenda item; else ""."""
    for title in titles:
        match = _BRACKET.search(" ".join((title or "").split()))
        if match:
            subject = match["subject"].strip().rstrip(".,;: ")
            if len(subject.split()) >= 2:
                return subject
    agenda = " ".join((agenda or "").split()).rstrip(".")
    series = _SERIES.match(" ".join((opening or "").split()))
    # The text's words win only where they say more than the agenda item: "the situation in
    # Yemen and the Red Sea" over "Maintenance of international peace and security", but
    # "The situation concerning the Democratic Republic of the Congo" over "the Democratic
    # Republic of the Congo (DRC)".
    if series and not _words(series["subject"]) <= _words(agenda):
        return f"on {series['subject']}"
    if not agenda:
        return ""
    # "The situation in Libya" -> "the situation in Libya"; "UN ..." keeps its capitals.
    if agenda[:1].isupper() and agenda[1:2].islower():
        agenda = agenda[0].lower() + agenda[1:]
    return f"on {agenda}"


def _words(text: str) -> set[str]:
    """The words of ``text``, lower-cased, without bracketed abbreviations ("(DRC)")."""
    return set(re.findall(r"[^\W\d_]+", re.sub(r"\([^)]*\)", "", text).lower()))
