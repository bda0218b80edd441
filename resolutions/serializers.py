"""The canonical JSON form of a resolution (``manage.py export_json``, ``/resolutions/<n>.json``).

The keys are a public contract: add none, rename none. Example (abridged)::

    {"symbol": "S/RES/2388 (2017)", "number": 2388, "year": 2017,
     "adopted_on": "2017-11-21", "meeting": "8111th", "pages_total": 8,
     "pages_present": [4, 5, 7], "url": "/resolutions/2388/",
     "agenda": "...", "vote": {"in_favour": 15, "against": 0, "abstaining": 0},
     "subjects": ["TRAFFICKING IN PERSONS", ...],
     "paragraphs": [{"id": "op6", "kind": "operative", "number": 6, ...}]}
"""

from __future__ import annotations

from resolutions.models import CrossReference, Resolution
from resolutions.selectors import resolution_for_export


def _reference(ref: CrossReference) -> dict:
    return {
        "cited": ref.cited_symbol,
        "number": ref.cited_number,
        "year": ref.cited_year,
        "as_written": ref.as_written,
    }


def resolution_to_dict(resolution: Resolution) -> dict:
    """The canonical form; ``resolution`` should come from ``selectors.resolution_for_export``
    (paragraphs, references and page sources prefetched) to keep the query count fixed."""
    vote = None
    if resolution.vote_in_favour is not None:
        vote = {
            "in_favour": resolution.vote_in_favour,
            "against": resolution.vote_against,
            "abstaining": resolution.vote_abstaining,
        }
    return {
        "symbol": resolution.symbol,
        "number": resolution.number,
        "year": resolution.year,
        "short_title": resolution.short_title or None,
        "formula": resolution.formula or None,
        "adopted_on": resolution.adopted_on.isoformat() if resolution.adopted_on else None,
        "meeting": resolution.meeting or None,
        "pages_total": resolution.pages_total,
        "pages_present": sorted(
            s.page_number for s in resolution.sources.all() if s.page_number is not None
        ),
        "url": resolution.get_absolute_url(),
        "agenda": resolution.agenda or None,
        "vote": vote,
        "subjects": list(resolution.subjects),
        "paragraphs": [
            {
                "id": p.pid,
                "kind": p.kind,
                "number": p.number,
                "text": p.text,
                "text_as_printed": p.text_as_printed,
                "italics": [list(span) for span in p.emphasis or ()],
                "pages": list(p.pages),
                "begins_on_missing_page": p.begins_on_missing_page,
                "ends_on_missing_page": p.ends_on_missing_page,
                "url": f"/resolutions/{resolution.number}/{p.pid}/",
                "references": [
                    _reference(r) for r in p.references.all() if r.kind != CrossReference.INTERNAL
                ],
            }
            for p in resolution.paragraphs.all()
        ],
    }


def resolution_export(*, number: int) -> dict | None:
    """The canonical form of resolution ``number``, or None when the archive lacks it."""
    resolution = resolution_for_export(number=number)
    return resolution_to_dict(resolution) if resolution is not None else None
