"""Lineage as JSON, for the per-paragraph and per-resolution JSON forms.

Example::

    paragraph_lineage_dict(paragraph)
    # {"sources": [{"symbol": "S/RES/2331 (2016)", "id": "op16", "share": 0.87,
    #               "reuse": "partial", "url": "/resolutions/2331/op16/"}],
    #  "first_agreed_in": {...} or None, "reused_in": [...], "reused_in_count": 1}
"""

from __future__ import annotations

from resolutions.lineage.selectors import Related, paragraph_lineage_get
from resolutions.models import Paragraph


def _related(related: Related) -> dict:
    paragraph = related.paragraph
    return {
        "symbol": paragraph.resolution.symbol,
        "id": paragraph.pid,
        "share": related.share / 1000,
        "reuse": related.kind,
        "url": paragraph.get_absolute_url(),
    }


def paragraph_lineage_dict(paragraph: Paragraph) -> dict:
    lineage = paragraph_lineage_get(paragraph=paragraph)
    return {
        "sources": [_related(r) for r in lineage.sources],
        "first_agreed_in": _related(lineage.origin) if lineage.origin else None,
        "reused_in": [_related(r) for r in lineage.reuses],
        "reused_in_count": lineage.reuse_count,
    }
