"""Paragraph identifiers: the permanent part of every paragraph link.

The rules follow UN usage ("OP 6" is operative paragraph 6, "PP 3" the third preambular
paragraph) and stay honest where the archive lacks part of a text:

* operative paragraphs: ``op<number>`` -- ``op31``; the few the UN prints unnumbered
  (one-paragraph admissions and appointments) ``op-u<n>``;
* preambular paragraphs: ``pp<n>`` counted from the top of the preamble when the top is in
  the source; otherwise ``pp-<k>`` counted back from the end of the preamble (``pp-1`` is the
  last preambular paragraph), which is true whatever the missing pages held; if neither end
  of the preamble is in the source, ``pp-p<page>-<n>`` (the n-th paragraph starting on a page);
* headings ``h<n>``, annex paragraphs ``annex<k>-<n>``, footnotes ``fn<n>``.

A clash (two operative paragraphs numbered 1 in two parts of a resolution) takes a suffix:
``op1``, ``op1-2``. Example::

    >>> assign_identifiers(parsed.paragraphs)
    ('pp-3', 'pp-2', 'pp-1', 'op1', 'op2', ...)
"""

from __future__ import annotations

from collections.abc import Sequence

from resolutions.parsing.document import (
    ANNEX,
    FOOTNOTE,
    HEADING,
    OPERATIVE,
    PREAMBULAR,
    ParsedParagraph,
)


def _preamble_end_known(paragraphs: Sequence[ParsedParagraph], last_pp: int) -> bool:
    """True when the paragraph after the last preambular one is in the source, unbroken."""
    if paragraphs[last_pp].ends_on_missing_page:
        return False
    following = paragraphs[last_pp + 1] if last_pp + 1 < len(paragraphs) else None
    return following is not None and not following.begins_on_missing_page


def assign_identifiers(paragraphs: Sequence[ParsedParagraph]) -> tuple[str, ...]:
    """One identifier per paragraph, in order, unique within the resolution."""
    preambular = [i for i, p in enumerate(paragraphs) if p.kind == PREAMBULAR]
    top_known = bool(preambular) and all(paragraphs[i].ordinal for i in preambular)
    end_known = bool(preambular) and _preamble_end_known(paragraphs, preambular[-1])

    ids: list[str] = []
    counters: dict[str, int] = {}
    annexes: dict[str, int] = {}
    per_page: dict[int, int] = {}
    for index, paragraph in enumerate(paragraphs):
        kind = paragraph.kind
        if kind == PREAMBULAR:
            if top_known:
                pid = f"pp{paragraph.ordinal}"
            elif end_known:
                pid = f"pp-{len(preambular) - preambular.index(index)}"
            else:
                page = paragraph.pages[0] if paragraph.pages else 0
                per_page[page] = per_page.get(page, 0) + 1
                pid = f"pp-p{page}-{per_page[page]}"
        elif kind == OPERATIVE and paragraph.number is not None:
            pid = f"op{paragraph.number}"
        elif kind == OPERATIVE:
            # The UN prints some one-paragraph resolutions (admissions, appointments) unnumbered.
            counters["op-u"] = counters.get("op-u", 0) + 1
            pid = f"op-u{counters['op-u']}"
        elif kind == ANNEX:
            annex_index = annexes.setdefault(paragraph.annex, len(annexes) + 1)
            counters[f"annex{annex_index}"] = counters.get(f"annex{annex_index}", 0) + 1
            pid = f"annex{annex_index}-{counters[f'annex{annex_index}']}"
        else:
            prefix = {HEADING: "h", FOOTNOTE: "fn"}.get(kind, "x")
            counters[prefix] = counters.get(prefix, 0) + 1
            pid = f"{prefix}{counters[prefix]}"
        ids.append(pid)
    return _deduplicate(ids)


def _deduplicate(ids: list[str]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    unique: list[str] = []
    for pid in ids:
        if pid in seen:
            seen[pid] += 1
            pid = f"{pid}-{seen[pid]}"
        seen.setdefault(pid, 1)
        unique.append(pid)
    return tuple(unique)
