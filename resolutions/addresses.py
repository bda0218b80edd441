"""Addresses below and beside the paragraph: sub-paragraphs, annex parts, footnote markers.

Why sub-paragraphs are not rows: a paragraph is the unit the UN numbers, that search indexes
and that an identifier names; its sub-paragraphs already live in ``Paragraph.structure``. An
address like ``op16/a/iii`` is derived from the labels the UN printed ("(a)", "(iii)"), which
are as permanent as the text, so it needs no row of its own to stay put, and a page that
shows the paragraph has everything to show, anchor and cite the sub-paragraph at no extra
query. Each structure item gets its ``key`` here, at ingest:

    >>> item_key("(iii)"), item_key("a."), item_key("1.1.3."), item_key("-", place=2)
    ('iii', 'a', '1-1-3', 'n2')

``Paragraph.addressing`` carries what a citation needs that the identifier cannot say (the
part of an annex with its own numbering, "JCPOA Annex II") and where footnote markers stand
in the text, linked to the footnote paragraph, which links back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_KEY_CHARS = re.compile(r"[^a-z0-9]+")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,19}$")  # what a sub-paragraph key can look like


def item_key(label: str, *, place: int = 1) -> str:
    """The address segment of a sub-paragraph: its printed label reduced to letters and
    digits ("(a)" -> "a"); ``n<place>`` for items printed without one (dashes, bullets)."""
    key = _KEY_CHARS.sub("-", label.lower()).strip("-")
    return key[:20] if key else f"n{place}"


def keyed_items(items: Iterable[dict]) -> list[dict]:
    """Structure items with a ``key`` each, unique among their siblings ("a", "a-2")."""
    keyed: list[dict] = []
    seen: dict[str, int] = {}
    for place, item in enumerate(items, 1):
        key = item_key(str(item.get("label", "")), place=place)
        if key in seen:
            seen[key] += 1
            key = f"{key}-{seen[key]}"
        seen.setdefault(key, 1)
        keyed.append({**item, "key": key, "items": keyed_items(item.get("items") or [])})
    return keyed


def find_item(structure: dict | None, keys: Sequence[str]) -> tuple[dict, list[str]] | None:
    """The structure item at ``keys`` (["a", "iii"]) and the labels on the way there, as a
    citation prints them (["(a)", "(iii)"]); None when there is no such sub-paragraph."""
    items = (structure or {}).get("items") or []
    found: dict | None = None
    labels: list[str] = []
    for key in keys:
        found = next((item for item in items if item.get("key") == key), None)
        if found is None:
            return None
        labels.append(cited_label(found))
        items = found.get("items") or []
    return (found, labels) if found is not None else None


def cited_label(item: dict) -> str:
    """How a citation prints a sub-paragraph's label: "(a)" stays, "a." becomes "(a)",
    "1.1.3." becomes "1.1.3"; an unlabelled item is cited by its place ("item 2")."""
    label = str(item.get("label", "")).strip().rstrip(".")
    key = str(item.get("key", ""))
    if not label or not any(ch.isalnum() for ch in label):
        return f"item {key.removeprefix('n')}"
    if label.startswith("("):
        return label
    if re.fullmatch(r"[a-z]{1,4}", label):
        return f"({label})"
    return label


def item_paths(structure: dict | None) -> list[list[str]]:
    """The keys of every sub-paragraph the structure addresses, depth first, as the page
    prints them:

    >>> item_paths({"items": [{"key": "a", "items": [{"key": "i"}]}, {"key": "b"}]})
    [['a'], ['a', 'i'], ['b']]
    """
    paths: list[list[str]] = []

    def walk(items: Iterable[dict], above: list[str]) -> None:
        for item in items:
            key = item.get("key")
            if not key:  # addresses exist only where ingest made keys
                continue
            paths.append([*above, key])
            walk(item.get("items") or [], [*above, key])

    walk((structure or {}).get("items") or [], [])
    return paths


def anchor(pid: str, keys: Sequence[str]) -> str:
    """The HTML id of a sub-paragraph on the resolution page: ``op16_a_iii``. Identifiers
    never hold "_", so an anchor cannot be mistaken for a paragraph's."""
    return "_".join([pid, *keys])


def link_notes(paragraphs: Sequence[tuple[str, str, str, tuple]]) -> dict[str, dict]:
    """Pair footnote markers with footnote paragraphs, in document order.

    ``paragraphs`` are (pid, kind, label, notes) in order, ``notes`` the (offset, marker)
    pairs the reader kept. Returns, per pid, what goes into ``addressing``: for a paragraph,
    ``{"notes": [[offset, marker, footnote pid], ...]}``; for a footnote,
    ``{"noted_at": [pid, offset]}``. A marker is paired with the next unpaired footnote
    printed with the same mark, else with the next unpaired footnote.
    """
    footnotes = [(pid, label) for pid, kind, label, _ in paragraphs if kind == "footnote"]
    used: set[str] = set()
    result: dict[str, dict] = {}
    for pid, kind, _label, notes in paragraphs:
        if kind == "footnote":
            continue
        linked = []
        for offset, marker in notes:
            free = [(fid, label) for fid, label in footnotes if fid not in used]
            match = next((f for f in free if f[1] == marker), free[0] if free else None)
            if match is None:
                continue
            used.add(match[0])
            linked.append([offset, marker, match[0]])
            result.setdefault(match[0], {})["noted_at"] = [pid, offset]
        if linked:
            result.setdefault(pid, {})["notes"] = linked
    return result


def item_spans(structure: dict | None, text: str) -> list[tuple[int, int, list[str]]]:
    """Where each sub-paragraph sits in the paragraph's flattened ``text``: (start, end,
    keys), in reading order; a sub-paragraph's span covers its own sub-items. The pieces are
    found in turn, as the page finds them to place links (templatetags/archive.py)."""
    spans: list[tuple[int, int, list[str]]] = []
    cursor = 0

    def find(piece: str) -> int | None:
        nonlocal cursor
        found = text.find(piece, cursor) if piece else -1
        if found < 0:
            return None
        cursor = found + len(piece)
        return found

    def walk(items: Iterable[dict], keys: list[str]) -> None:
        for item in items:
            path = [*keys, str(item.get("key", ""))]
            start = find(str(item.get("text", "")))
            walk(item.get("items") or [], path)
            if start is not None:
                spans.append((start, cursor, path))

    if structure and structure.get("items"):
        find(str(structure.get("intro") or ""))
        walk(structure["items"], [])
    return sorted(spans, key=lambda span: (span[0], -span[1]))


def item_at(structure: dict | None, text: str, offset: int) -> list[str]:
    """The keys of the innermost sub-paragraph holding character ``offset`` of ``text``
    ([] when it lies in the paragraph's own words: its opening or closing text)."""
    inside = [keys for start, end, keys in item_spans(structure, text) if start <= offset < end]
    return max(inside, key=len, default=[])


_DIVISION = re.compile(
    r"""
    ^(?: (?P<top>Attachment|Appendix(?:\s+[IVXLC\d]+)?)            # a document within the annex
       | (?P<part>(?:Part|Section|Chapter)\s+[IVXLC\d]+[A-Z]?)     # "Part II", "Section III"
       | (?P<article>(?:Article|Rule)\s+\d+[a-z]?                  # "Article 13"
           (?:\s+(?:bis|ter|quater|quinquies))?)                    # "Article 13 bis"
       | (?P<letter>[A-Z])\s+(?=[A-Z][a-z])                          # "B Operational issues"
    )(?:\.?$|\s*[:.–—-]\s+\S|(?<=\s)\S)                           # "Article 1: Competence ..."
    """,
    re.X,
)
_SECTION_LABEL = re.compile(r"^(?:[A-Z]|[IVXLC]+)\.?$")  # "A.", "IV": a lettered section


def annex_divisions(paragraphs: Sequence[tuple[str, str, str, str, str, str]]) -> dict[str, str]:
    """Qualifiers that make each annex paragraph's citation unique within the resolution.

    ``paragraphs`` are (pid, kind, annex, part, label, text) in order. Statutes and sanctions
    lists annexed to a resolution number their paragraphs anew in each article or section:
    "annex I, para. 1" names five paragraphs of S/RES/1329 (2000). A paragraph whose printed
    label repeats within its annex (and part) is qualified by the divisions it sits in, as
    the printed headings give them: "Article 13 bis", "Part II", "section B", "Attachment,
    Article 3". Returns {pid: qualifier} for the paragraphs that need one.

    >>> annex_divisions([("a1", "annex", "Annex", "", "", "Article 1"),
    ...                  ("a2", "annex", "Annex", "", "1.", "The Tribunal ..."),
    ...                  ("a3", "annex", "Annex", "", "", "Article 2"),
    ...                  ("a4", "annex", "Annex", "", "1.", "The judges ...")])
    {'a2': 'Article 1', 'a4': 'Article 2'}
    """
    order = ("top", "part", "article")
    seen: dict[tuple[str, str, str], int] = {}
    for _pid, kind, annex, part, label, _text in paragraphs:
        if kind == "annex" and label:
            seen[(annex, part, label)] = seen.get((annex, part, label), 0) + 1
    levels: dict[str, str] = {}
    where: tuple[str, str] = ("", "")
    result: dict[str, str] = {}
    for pid, kind, annex, part, label, text in paragraphs:
        if kind != "annex":
            continue
        if (annex, part) != where:
            levels, where = {}, (annex, part)
        title = _DIVISION.match(text.strip()) if not label and len(text) < 80 else None
        if title and title["letter"]:  # "B Operational issues": a lettered section
            label, title = f"{title['letter']}.", None
        elif title:
            rank = next(name for name in order if title[name])
            levels = {k: v for k, v in levels.items() if k in order[: order.index(rank)]}
            levels[rank] = title[rank]
            continue
        elif not label and _is_title(text):  # "Iranian Revolutionary Guard Corps entities"
            levels["heading"] = text
            continue
        if label and _SECTION_LABEL.match(label):
            if seen.get((annex, part, label), 0) > 1 and "top" in levels:
                result[pid] = levels["top"]
            levels = {k: v for k, v in levels.items() if k == "top"}
            levels["part"] = f"section {label.rstrip('.')}"
            continue
        if label and seen.get((annex, part, label), 0) > 1 and levels:
            named = [levels[k] for k in order if k in levels]
            if "part" not in levels and "article" not in levels and "heading" in levels:
                named.append(levels["heading"])
            result[pid] = ", ".join(named)
    return result


def _is_title(text: str) -> bool:
    """Short, capitalised, unpunctuated: a heading printed as a paragraph of the annex."""
    words = text.split()
    return 0 < len(words) <= 12 and text[0].isupper() and not text.endswith((".", ",", ";", ":"))
