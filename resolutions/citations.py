"""Citations of a resolution or one of its paragraphs, in the styles readers paste into their work.

Pure functions of plain values (no Django import), so the permalink page, the plain-text
download and the unit tests agree on one wording. Three styles:

* the UN's own: ``S/RES/2388 (2017), para. 31``;
* Bluebook (rule 21.7.2): ``S.C. Res. 2388, ¶ 31 (Nov. 21, 2017)``;
* OSCOLA: ``UNSC Res 2388 (21 November 2017) UN Doc S/RES/2388, para 31``.

Preambular paragraphs carry no printed number. When the archive holds the top of the preamble the
paragraph's ordinal is known (``pp22``: "preambular para. 22"); when it holds only the end, the
identifier counts back from the end (``pp-3``) and the citation says so instead of guessing:
"preambular paragraph (third from last)".

The second half of the module says how much of a resolution the archive holds ("pages 4, 5, 7
of 8"), which a careful citation of a partial text should also say.

Example::

    >>> paragraph_citations(number=2388, year=2017, adopted_on=date(2017, 11, 21), pid="op31").un
    'S/RES/2388 (2017), para. 31'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

# Bluebook table T12: months are abbreviated, but not May, June or July; September is "Sept.".
BLUEBOOK_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
)

PID_RE = re.compile(
    r"""
    ^(?:
        op(?P<operative>\d+)(?:-\d+)?                # operative paragraph: the UN's own number
                                                    # (-2: the second paragraph so numbered)
      | pp(?P<preambular>\d+)                       # preambular, counted from the top
      | pp-(?P<from_end>\d+)                        # preambular, counted back from the end
      | pp-p(?P<page>\d+)-(?P<on_page>\d+)          # preambular, n-th beginning on a page
                                                    # (neither end of the preamble held)
      | h(?P<heading>\d+)                           # a heading ("A. Mandate"), counted
      | annex(?P<annex>\d+)-(?:p(?P<printed>\d+)|(?P<count>\d+))
                                                    # annex k: -p<n> is the printed number,
                                                    # -<n> only a count
      | fn(?P<footnote>\d+)                         # footnote, by its printed mark
    )$
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Locator:
    """Where a paragraph sits, as a citation names it. ``kind`` is "operative",
    "preambular", "heading", "annex", "footnote" or "" (an identifier to cite no deeper
    than the resolution)."""

    kind: str
    number: int | None = None  # op number, pp ordinal, printed annex number, footnote mark
    from_end: int | None = None  # pp-k: k (1 is the last preambular paragraph)
    page: int | None = None  # pp-p<page>-<n>: the printed page the paragraph begins on
    on_page: int | None = None  # ... and its rank among those beginning there
    annex: int | None = None  # which annex, counted
    count: int | None = None  # annex<k>-<n>: n, the paragraph's place in the annex


@dataclass(frozen=True)
class Citations:
    un: str
    bluebook: str
    oscola: str


def parse_pid(pid: str, *, number: int | None = None) -> Locator:
    """Read a paragraph identifier; ``number`` is the paragraph's printed number where the
    identifier only counts (annex paragraphs).

    >>> parse_pid("pp-3")
    Locator(kind='preambular', number=None, from_end=3, page=None, on_page=None, annex=None, \
count=None)
    """
    match = PID_RE.match(pid)
    if not match:
        return Locator(kind="")
    found = {name: int(value) for name, value in match.groupdict().items() if value}
    if "operative" in found:
        return Locator(kind="operative", number=found["operative"])
    if "preambular" in found:
        return Locator(kind="preambular", number=found["preambular"])
    if "from_end" in found:
        return Locator(kind="preambular", from_end=found["from_end"])
    if "page" in found:
        return Locator(kind="preambular", page=found["page"], on_page=found["on_page"])
    if "heading" in found:
        return Locator(kind="heading", number=found["heading"])
    if "annex" in found:
        return Locator(
            kind="annex",
            number=found.get("printed", number),
            annex=found["annex"],
            count=found.get("count"),
        )
    return Locator(kind="footnote", number=found["footnote"])


def ordinal(n: int) -> str:
    """``3`` -> "third", ``21`` -> "21st"."""
    if 1 <= n <= len(ORDINAL_WORDS):
        return ORDINAL_WORDS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_from_end(k: int) -> str:
    """``1`` -> "last", ``3`` -> "third from last", ``21`` -> "21st from last"."""
    return "last" if k <= 1 else f"{ordinal(k)} from last"


def _unnumbered_preambular(locator: Locator) -> str:
    """Where a preambular paragraph without a known ordinal sits, in words."""
    if locator.from_end is not None:
        return ordinal_from_end(locator.from_end)
    return f"{ordinal(locator.on_page or 1)} beginning on page {locator.page}"


def _annex_word(annex_name: str) -> str:
    """Mid-sentence form of an annex's title: "Annex I" -> "annex I" (the numeral stays)."""
    if not annex_name:
        return "annex"
    return annex_name[0].lower() + annex_name[1:]


def _sub(labels: Sequence[str], *, spaced: bool) -> str:
    """Sub-paragraph labels after a paragraph number: " (a) (iii)" (UN), "(a)(iii)" (Bluebook,
    OSCOLA); a label that is not a bracketed letter ("1.1.3", "item 2") follows a comma."""
    text = ""
    for label in labels:
        if label.startswith("("):
            text += f" {label}" if spaced else label
        else:
            text += f", {label}"
    return text


def _pinpoints(
    locator: Locator, annex_name: str, *, part: str = "", label: str = "", sub: Sequence[str] = ()
) -> tuple[str, str, str]:
    """The pinpoint in each style (UN, Bluebook, OSCOLA); empty ones cite the whole resolution."""
    annex = _annex_word(annex_name) + (f", {part}" if part else "")
    number = locator.number
    un_sub, short_sub = _sub(sub, spaced=True), _sub(sub, spaced=False)
    printed = label.strip().rstrip(".")
    if locator.kind == "operative":
        return f"para. {number}{un_sub}", f"¶ {number}{short_sub}", f"para {number}{short_sub}"
    if locator.kind == "preambular" and number is not None:
        return (
            f"preambular para. {number}{un_sub}",
            f"pmbl. ¶ {number}{short_sub}",
            f"preambular para {number}{short_sub}",
        )
    if locator.kind == "preambular":
        where = _unnumbered_preambular(locator)
        return (
            f"preambular paragraph ({where}){un_sub}",
            f"pmbl. para. ({where}){short_sub}",
            f"preambular para ({where}){short_sub}",
        )
    if locator.kind == "annex" and (number is not None or printed):
        at = number if number is not None else printed
        return (
            f"{annex}, para. {at}{un_sub}",
            f"{annex} ¶ {at}{short_sub}",
            f"{annex} para {at}{short_sub}",
        )
    if locator.kind == "annex" and locator.count:
        # Unnumbered (a sanctions list's entries): by place in the annex, fixed with the id.
        at = f"{ordinal(locator.count)} para."
        return f"{annex}, {at}{un_sub}", f"{annex}, {at}{short_sub}", f"{annex}, {at}{short_sub}"
    if locator.kind == "annex":
        return annex, annex, annex
    if locator.kind == "footnote":
        return f"footnote {number}", f"n.{number}", f"n {number}"
    return "", "", ""


def bluebook_date(day: date) -> str:
    """``date(2017, 11, 21)`` -> "Nov. 21, 2017"."""
    return f"{BLUEBOOK_MONTHS[day.month - 1]} {day.day}, {day.year}"


def long_date(day: date) -> str:
    """``date(2017, 11, 21)`` -> "21 November 2017", as the UN and OSCOLA write dates."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def paragraph_citations(
    *,
    number: int,
    year: int,
    adopted_on: date | None,
    pid: str = "",
    paragraph_number: int | None = None,
    annex_name: str = "",
    part: str = "",
    label: str = "",
    sub: Sequence[str] = (),
) -> Citations:
    """Cite resolution ``number`` of ``year`` (at paragraph ``pid`` when given) in three styles.

    ``pid`` is the identifier that says the paragraph's place (``Paragraph.addressing``'s
    ``cite_as`` when a kept identifier no longer does); ``paragraph_number`` the UN's number;
    ``part`` the part of an annex with its own numbering, ``label`` an annex paragraph's
    printed label, ``sub`` the labels of a sub-paragraph (["(a)", "(iii)"]). Headings and
    identifiers the archive does not know how to pinpoint cite the whole resolution rather
    than invent a paragraph number.

    >>> paragraph_citations(number=2388, year=2017, adopted_on=None, pid="pp-3").bluebook
    'S.C. Res. 2388, pmbl. para. (third from last) (2017)'
    >>> paragraph_citations(number=2653, year=2022, adopted_on=None, pid="op16", sub=["(a)"]).un
    'S/RES/2653 (2022), para. 16 (a)'
    """
    locator = parse_pid(pid, number=paragraph_number) if pid else Locator(kind="")
    if locator.kind == "operative" and paragraph_number is not None:
        locator = Locator(kind="operative", number=paragraph_number)
    un_pin, bluebook_pin, oscola_pin = _pinpoints(
        locator, annex_name, part=part, label=label, sub=sub
    )
    un = f"S/RES/{number} ({year})"
    bluebook_when = bluebook_date(adopted_on) if adopted_on else str(year)
    oscola_when = long_date(adopted_on) if adopted_on else str(year)
    bluebook = f"S.C. Res. {number}" + (f", {bluebook_pin}" if bluebook_pin else "")
    oscola = f"UNSC Res {number} ({oscola_when}) UN Doc S/RES/{number}"
    return Citations(
        un=f"{un}, {un_pin}" if un_pin else un,
        bluebook=f"{bluebook} ({bluebook_when})",
        oscola=f"{oscola}, {oscola_pin}" if oscola_pin else oscola,
    )


def paragraph_name(
    pid: str,
    *,
    number: int | None = None,
    annex_name: str = "",
    label: str = "",
    part: str = "",
    sub: Sequence[str] = (),
) -> str:
    """The paragraph (or its sub-paragraph ``sub``, ["(a)", "(iii)"]) named in words; see
    :func:`_paragraph_name`.

    >>> paragraph_name("op16", number=16, sub=["(a)", "(iii)"])
    'operative paragraph 16 (a) (iii)'
    """
    name = _paragraph_name(pid, number=number, annex_name=annex_name, label=label, part=part)
    return name + _sub(sub, spaced=True)


def _paragraph_name(
    pid: str, *, number: int | None = None, annex_name: str = "", label: str = "", part: str = ""
) -> str:
    """How a page or the plain text names a paragraph: "operative paragraph 31",
    "preambular paragraph (third from last)", "footnote 1". An annex paragraph the UN did not
    number is named by its printed label ("annex I, paragraph (j)") or else by its place in
    the annex ("annex A, 354th paragraph"): the sanctions lists' entries carry neither.

    >>> paragraph_name("pp22")
    'preambular paragraph 22'
    """
    locator = parse_pid(pid, number=number)
    if locator.kind == "operative":
        return f"operative paragraph {number if number is not None else locator.number}"
    if locator.kind == "preambular" and locator.number is not None:
        return f"preambular paragraph {locator.number}"
    if locator.kind == "preambular":
        return f"preambular paragraph ({_unnumbered_preambular(locator)})"
    if locator.kind == "annex":
        annex = _annex_word(annex_name) + (f", {part}" if part else "")
        if locator.number:
            return f"{annex}, paragraph {locator.number}"
        if label.strip():
            return f"{annex}, paragraph {label.strip().rstrip('.')}"
        if locator.count:
            return f"{annex}, {ordinal(locator.count)} paragraph"
        return f"{annex} paragraph"
    if locator.kind == "footnote":
        return f"footnote {locator.number}"
    if locator.kind == "heading":
        return "heading"
    return f"paragraph {pid}"


def paragraph_marker(pid: str, *, number: int | None = None, label: str = "") -> str:
    """The short mark printed before a paragraph in the plain text: "31.", "PP 22",
    "PP (third from last)"; headings, annexes and footnotes keep the label they were printed with.

    >>> paragraph_marker("pp-1")
    'PP (last)'
    """
    locator = parse_pid(pid, number=number)
    if label:
        return label
    if locator.kind == "operative" or (locator.kind == "annex" and locator.number):
        return f"{locator.number}."
    if locator.kind == "preambular" and locator.number is not None:
        return f"PP {locator.number}"
    if locator.kind == "preambular":
        return f"PP ({_unnumbered_preambular(locator)})"
    if locator.kind == "footnote":
        return f"[{locator.number}]"
    return ""


# --- Coverage: how much of a printed resolution the archive holds -------------------------------


def _runs(pages: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of page numbers: [1, 2, 3, 6] -> [(1, 3), (6, 6)]."""
    runs: list[tuple[int, int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], page)
        else:
            runs.append((page, page))
    return runs


def _page_terms(pages: Iterable[int]) -> list[str]:
    """Runs of three or more pages become ranges ("1–3"); shorter ones are listed ("4", "5")."""
    terms: list[str] = []
    for first, last in _runs(pages):
        if last - first >= 2:
            terms.append(f"{first}\N{EN DASH}{last}")
        else:
            terms.extend(str(page) for page in range(first, last + 1))
    return terms


def _and_join(terms: list[str]) -> str:
    return terms[0] if len(terms) == 1 else ", ".join(terms[:-1]) + " and " + terms[-1]


def pages_held(pages: Iterable[int], total: int | None) -> str:
    """The printed pages the archive holds: "pages 4, 5, 7 of 8", "page 8 of 8", "all 8 pages".

    >>> pages_held([7, 8], 8)
    'pages 7, 8 of 8'
    """
    held = sorted(set(pages))
    if not held:
        return ""
    if total and held == list(range(1, total + 1)):
        return f"all {total} pages"
    terms = _page_terms(held)
    noun = "page" if len(held) == 1 else "pages"
    of_total = f" of {total}" if total else ""
    return f"{noun} {', '.join(terms)}{of_total}"


def pages_missing(pages: Iterable[int], total: int | None) -> list[int]:
    """The printed pages of a ``total``-page resolution that the archive lacks."""
    if not total:
        return []
    held = set(pages)
    return [page for page in range(1, total + 1) if page not in held]


def pages_missing_sentence(pages: Iterable[int], total: int | None) -> str:
    """Say plainly which pages are absent: "Pages 1–3 and 6 are not in the archive."

    >>> pages_missing_sentence([8], 8)
    'Pages 1–7 are not in the archive.'
    """
    missing = pages_missing(pages, total)
    if not missing:
        return ""
    if len(missing) == 1:
        return f"Page {missing[0]} is not in the archive."
    return f"Pages {_and_join(_page_terms(missing))} are not in the archive."


def coverage_label(*, text_source: str, pages: Iterable[int], total: int | None) -> str:
    """The completeness column of the browse table.

    >>> coverage_label(text_source="akn", pages=[], total=None)
    'complete (official XML)'
    """
    if text_source == "akn":
        return "complete (official XML)"
    return pages_held(pages, total) or "text not held"
