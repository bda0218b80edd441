"""Lineage as JSON, in each paragraph's JSON form (the paragraph's own JSON, each paragraph of
a resolution's JSON and of the bulk download). Every URL is absolute, on ``origin``.

Example::

    lineage_dict(lineage_summaries(paragraph_id=p.pk).get(p.pk), origin="https://archive.example.org")
    # {"sources": [{"symbol": "S/RES/2331 (2016)", "resolution": 2331, "id": "op16",
    #               "citation": "S/RES/2331 (2016), para. 16", "share": 0.87,
    #               "reuse": "partial", "url": "https://.../resolutions/2331/op16/",
    #               "json_url": "https://.../resolutions/2331/op16.json"}],
    #  "first_agreed_in": {...} or None, "reused_in": [...], "reused_in_count": 1}
"""

from __future__ import annotations

from resolutions.exports.links import absolute
from resolutions.lineage.selectors import LineageSummary, Linked, lineage_summaries
from resolutions.models import Paragraph


def _linked(linked: Linked, *, origin: str) -> dict:
    return {
        "symbol": linked.symbol,
        "resolution": linked.number,
        "id": linked.pid,
        "citation": linked.citation,
        "share": linked.share / 1000,
        "reuse": linked.kind,
        "url": absolute(linked.path, origin=origin),
        "json_url": absolute(linked.path.rstrip("/") + ".json", origin=origin),
    }


def lineage_dict(summary: LineageSummary | None, *, origin: str) -> dict:
    """The ``lineage`` key of a paragraph's JSON (empty lists when it has none)."""
    summary = summary or LineageSummary()
    return {
        "sources": [_linked(s, origin=origin) for s in summary.sources],
        "first_agreed_in": _linked(summary.origin, origin=origin) if summary.origin else None,
        "reused_in": [_linked(r, origin=origin) for r in summary.reuses],
        "reused_in_count": summary.reuse_count,
    }


def paragraph_lineage_dict(paragraph: Paragraph, *, origin: str) -> dict:
    """One paragraph's lineage (two queries)."""
    found = lineage_summaries(paragraph_id=paragraph.pk)
    return lineage_dict(found.get(paragraph.pk), origin=origin)
