"""From wordings that resemble each other to each paragraph's earlier sources. Pure Python.

A paragraph's *closest* sources are the ``CLOSEST`` earlier paragraphs (of other resolutions)
sharing the most wording with it, the most recent first among equals -- usually the
resolution a drafter copied from. Its *origin* is the earliest paragraph sharing at least
``SOURCE_SHARE`` with it: where the wording was first agreed. Example::

    links = paragraph_links(paragraph, candidates)  # {source_key: (share, closest, origin)}
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from resolutions.lineage import CLOSEST


@dataclass(frozen=True, order=True)
class Moment:
    """When a paragraph was adopted, in an order that puts earlier resolutions first (the
    date, then the number: several resolutions are adopted on one day)."""

    date: str  # ISO date; "9999" when unknown (only the year known): sorts within nothing
    number: int


@dataclass(frozen=True)
class Item:
    key: int  # the paragraph's id
    resolution: int
    moment: Moment


class Candidates:
    """The paragraphs resembling one wording, grouped by share, each group in time order,
    so each paragraph of the wording finds its sources with a bisection."""

    def __init__(self, found: list[tuple[Item, float]]) -> None:
        groups: dict[float, list[Item]] = {}
        for item, share in found:
            groups.setdefault(share, []).append(item)
        self.groups = []
        for share in sorted(groups, reverse=True):
            items = sorted(groups[share], key=lambda i: (i.moment, i.key))
            self.groups.append((share, items, [i.moment for i in items]))
        self.by_time = sorted(((i, s) for i, s in found), key=lambda x: (x[0].moment, x[0].key))

    def links(self, item: Item) -> dict[int, tuple[float, bool, bool]]:
        """{source paragraph id: (share, closest, origin)} for ``item``."""
        found: dict[int, tuple[float, bool, bool]] = {}
        for share, items, moments in self.groups:
            at = bisect_left(moments, item.moment)
            while at > 0 and len(found) < CLOSEST:
                at -= 1
                other = items[at]
                if other.resolution != item.resolution and other.key != item.key:
                    found[other.key] = (share, True, False)
            if len(found) >= CLOSEST:
                break
        for other, share in self.by_time:
            if other.moment >= item.moment:
                break
            if other.resolution != item.resolution:
                closest = other.key in found
                found[other.key] = (share, closest, True)
                break
        return found
