"""Operative paragraphs that the UN's XML nests in the list of the paragraph before them.

Why a stage of its own: the UN's conversion sometimes opens a ``<sublist>`` inside the last
sub-paragraph of a mandate and puts every following operative paragraph in it: S/RES/1996
(2011) has paragraphs 4-28 as points of 3 (c) (vi), S/RES/1591 (2005) paragraphs 4-9 under
3 (g) (no other file of the 2000-2025 corpus does). The sign is general: a point labelled like
the next operative number ("4." inside 3), which no paragraph of the resolution carries. From
that point on, in reading order, each point numbered in sequence becomes a paragraph; the
points between them are its own sub-paragraphs.

Works on the assembler's drafts and items by their fields alone (``kind``, ``number``,
``items``, ``outro``; ``label``, ``items``), so it needs no import from the assembler::

    >>> from types import SimpleNamespace as N
    >>> def make(item, number):
    ...     return N(kind="operative", number=number, items=item.items, outro=[])
    >>> point = N(label="(a)", items=[N(label="4.", items=[]), N(label="5.", items=[])])
    >>> three = N(kind="operative", number=3, items=[point], outro=[])
    >>> warnings = []
    >>> [d.number for d in promote_nested([three], warnings, make=make)], point.items
    ([3, 4, 5], [])
    >>> warnings[0].split(";")[0]
    'operative paragraphs 4–5 were nested in the list of paragraph 3'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from resolutions.parsing.document import OPERATIVE

_ARABIC = re.compile(r"^(\d{1,3})\.?$")  # an operative number: "12." (rarely without the dot)


def promote_nested(
    drafts: list[Any], warnings: list[str], *, make: Callable[[Any, int | None], Any]
) -> list[Any]:
    """``drafts`` with the operative paragraphs nested in a list lifted out after the
    paragraph holding them; ``make(item, number)`` turns a point into a paragraph draft. Each
    repair adds a warning."""
    taken = {d.number for d in drafts if d.kind == OPERATIVE and d.number is not None}
    result: list[Any] = []
    pending = list(reversed(drafts))
    while pending:
        draft = pending.pop()
        result.append(draft)
        if draft.kind != OPERATIVE or draft.number is None or draft.number + 1 in taken:
            continue
        tail = _cut_at_number(draft.items, draft.number + 1)
        if not tail:
            continue
        lifted: list[Any] = []
        for item in tail:
            number = _item_number(item)
            expected = (lifted[-1].number if lifted else draft.number) + 1
            if lifted and number != expected:
                lifted[-1].items.append(item)  # a sub-paragraph of the lifted paragraph
                continue
            lifted.append(make(item, number))
            taken.add(expected)
        lifted[-1].outro, draft.outro = draft.outro, []
        warnings.append(
            f"operative paragraphs {lifted[0].number}–{lifted[-1].number} were nested in the "
            f"list of paragraph {draft.number}; read as paragraphs of their own"
            if len(lifted) > 1
            else f"operative paragraph {lifted[0].number} was nested in the list of paragraph "
            f"{draft.number}; read as a paragraph of its own"
        )
        pending.extend(reversed(lifted))  # a lifted paragraph may hold the next ones in turn
    return result


def _item_number(item: Any) -> int | None:
    number = _ARABIC.match(item.label)
    return int(number.group(1)) if number else None


def _cut_at_number(items: list[Any], number: int) -> list[Any]:
    """Remove from the tree the point labelled ``number`` and every point after it in reading
    order (deeper levels first), and return them in reading order; [] if there is none."""
    for index, item in enumerate(items):
        if _item_number(item) == number:
            tail = items[index:]
            del items[index:]
            return tail
        tail = _cut_at_number(item.items, number)
        if tail:
            rest = items[index + 1 :]
            del items[index + 1 :]
            return tail + rest
    return []
