"""A draft's report as JSON (``POST /api/draft-check``), described in
:mod:`resolutions.exports.openapi_drafts`. Every URL is absolute. Example::

    draft_report_dict(report, origin="https://archive.example.org")
    # {"paragraphs": [{"number": 1, "label": "1.", "status": "matched",
    #   "match": {"citation": "S/RES/2388 (2017), para. 31", "share": 0.95, ...}, ...}], ...}
"""

from __future__ import annotations

from resolutions.drafts.selectors import CheckedParagraph, DraftReport, Match, paragraph_cited
from resolutions.exports.links import absolute
from resolutions.serializers import SCHEMA_VERSION


def _match(match: Match, *, origin: str) -> dict:
    paragraph = match.paragraph
    return {
        "citation": match.citation,
        "symbol": paragraph.resolution.symbol,
        "id": paragraph.pid,
        "adopted_on": (
            paragraph.resolution.adopted_on.isoformat() if paragraph.resolution.adopted_on else None
        ),
        "url": absolute(paragraph.get_absolute_url(), origin=origin),
        "share": match.share,
        "percent": match.percent,
        "reuse": match.kind,
        "text": paragraph.text,
        "changes": [{"op": c.op, "text": c.text} for c in match.changes],
        "words_removed": match.words_removed,
        "words_added": match.words_added,
    }


def _paragraph(checked: CheckedParagraph, *, origin: str) -> dict:
    if checked.match:
        status = "matched"
    else:
        status = "too short" if checked.too_short else "no agreed language found"
    match = checked.match
    return {
        "number": checked.draft.number,
        "label": checked.draft.label,
        "text": checked.draft.text,
        "status": status,
        "match": _match(match, origin=origin) if match else None,
        "same_wording_in_later": match.repeated if match else 0,
        "latest_same_wording": (
            {
                "citation": paragraph_cited(match.latest),
                "url": absolute(match.latest.get_absolute_url(), origin=origin),
            }
            if match and match.latest
            else None
        ),
        "others": [_match(other, origin=origin) for other in checked.others],
    }


def draft_report_dict(report: DraftReport, *, origin: str) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "threshold": report.threshold,
        "archive_paragraphs": report.archive_paragraphs,
        "summary": {
            "paragraphs": len(report.paragraphs),
            "matched": report.matched,
            "identical": report.identical,
        },
        "paragraphs": [_paragraph(p, origin=origin) for p in report.paragraphs],
    }
