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
