"""The canonical JSON form of a resolution and of a paragraph (``manage.py export_json``,
``/resolutions/<n>.json``, ``/resolutions/<n>/<pid>.json``, the bulk download).

The keys are a public contract, described by ``/api/openapi.json`` (see
:mod:`resolutions.exports.openapi`) and versioned by ``schema_version``: a new key raises the
minor version, a renamed or removed key or a changed meaning raises the major one. Every URL
is absolute (on ``DJANGO_SITE_ORIGIN`` when set). Example (abridged)::

    {"symbol": "S/RES/2388 (2017)", "number": 2388, "year": 2017,
     "adopted_on": "2017-11-21", "meeting": "8111th", "pages_total": 8,
     "pages_present": [1, 2, 3, 4, 5, 6, 7, 8],
     "url": "https://archive.example.org/resolutions/2388/",
     "agenda": "...", "vote": {"in_favour": 15, "against": 0, "abstaining": 0},
     "subjects": ["TRAFFICKING IN PERSONS", ...],
     "paragraphs": [{"id": "op6", "kind": "operative", "number": 6, ...}],
     "schema_version": "2.0", "title": "", "draft_symbol": "S/2017/991",
     "votes": [{"member": "CHINA", "vote": "Y"}, ...], "sponsors": ["ALBANIA", ...],
     "addresses_trafficking": true,
     "completeness": {"complete": true, "text_source": "akn", ...}, "languages": ["en"], ...}
"""

from __future__ import annotations

from resolutions.citations import pages_missing, paragraph_citations
from resolutions.exports.links import absolute, paragraph_path, site_origin
from resolutions.lineage.selectors import LineageSummary, lineage_summaries
from resolutions.lineage.serializers import lineage_dict
from resolutions.models import CrossReference, Paragraph, Resolution
from resolutions.selectors import resolution_for_export
from resolutions.templatetags.archive import official_url

SCHEMA_VERSION = "2.1"
# The archive holds the English text; the UN publishes each resolution in its six languages.
LANGUAGES_HELD = ["en"]
OFFICIAL_LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]


def _reference(ref: CrossReference) -> dict:
    return {
        "cited": ref.cited_symbol,
        "number": ref.cited_number,
        "year": ref.cited_year,
        "as_written": ref.as_written,
    }


def completeness(resolution: Resolution, page_texts: list[int]) -> dict:
    """How much of the resolution the archive holds, and from which source.

    A text from the UN's XML is the whole resolution, so every printed page is present even
    when only a few page texts were also imported (they are kept for provenance).
    """
    total = resolution.pages_total
    complete = resolution.text_source == "akn"
    if complete:
        present = list(range(1, total + 1)) if total else []
        missing: list[int] = []
    else:
        present = page_texts
        missing = pages_missing(page_texts, total) if resolution.text_source else []
    return {
        "text_source": resolution.text_source or None,
        "complete": complete,
        "pages_total": total,
        "pages_present": present,
        "pages_missing": missing,
        "page_texts_held": page_texts,
    }


def paragraph_to_dict(
    paragraph: Paragraph,
    resolution: Resolution,
    *,
    origin: str,
    references: list[CrossReference] | None = None,
    lineage: dict[int, LineageSummary] | None = None,
) -> dict:
    """One paragraph; its ``references`` prefetched, or given (in order); ``lineage``: the
    summaries of its resolution's paragraphs (read here when not given)."""
    if references is None:
        references = paragraph.references_in_order
    if lineage is None:
        lineage = lineage_summaries(paragraph_id=paragraph.pk)
    path = paragraph_path(resolution.number, paragraph.pid)
    return {
        "id": paragraph.pid,
        "kind": paragraph.kind,
        "number": paragraph.number,
        "text": paragraph.text,
        "text_as_printed": paragraph.text_as_printed,
        "italics": [list(span) for span in paragraph.emphasis or ()],
        "pages": list(paragraph.pages),
        "begins_on_missing_page": paragraph.begins_on_missing_page,
        "ends_on_missing_page": paragraph.ends_on_missing_page,
        "url": absolute(path, origin=origin),
        "references": [_reference(r) for r in references if r.kind != CrossReference.INTERNAL],
        "label": paragraph.label or None,
        "annex": paragraph.annex or None,
        "structure": paragraph.structure,
        "addresses_trafficking": paragraph.addresses_trafficking,
        "json_url": absolute(path.rstrip("/") + ".json", origin=origin),
        "citation": paragraph_citations(
            number=resolution.number,
            year=resolution.year,
            adopted_on=resolution.adopted_on,
            pid=paragraph.pid,
            paragraph_number=paragraph.number,
            annex_name=paragraph.annex,
        ).un,
        "lineage": lineage_dict(lineage.get(paragraph.pk), origin=origin),
    }


def resolution_to_dict(
    resolution: Resolution,
    *,
    origin: str | None = None,
    parts: tuple[
        list[Paragraph], dict[int, list[CrossReference]], list[int], dict[int, LineageSummary]
    ]
    | None = None,
) -> dict:
    """The canonical form; ``resolution`` should come from ``selectors.resolution_for_export``
    (paragraphs, references and page sources prefetched) to keep the query count fixed, or
    ``parts`` gives them: (paragraphs in order, references by paragraph id, page numbers of
    the page texts held, lineage summaries by paragraph id) -- the bulk export reads them
    for many resolutions at once.
    ``origin`` is where URLs point (default: :func:`site_origin` without a request)."""
    origin = origin if origin is not None else site_origin()
    number = resolution.number
    vote = None
    if resolution.vote_in_favour is not None:
        vote = {
            "in_favour": resolution.vote_in_favour,
            "against": resolution.vote_against,
            "abstaining": resolution.vote_abstaining,
        }
    if parts is None:
        paragraphs = list(resolution.paragraphs.all())
        references = {p.pk: p.references_in_order for p in paragraphs}
        pages = [s.page_number for s in resolution.sources.all()]
        lineage = lineage_summaries(resolution_ids=[resolution.pk])
    else:
        paragraphs, references, pages, lineage = parts
    page_texts = sorted(page for page in pages if page is not None)
    held = completeness(resolution, page_texts)
    citations = paragraph_citations(
        number=number, year=resolution.year, adopted_on=resolution.adopted_on
    )

    def link(suffix: str) -> str:
        return absolute(f"/resolutions/{number}{suffix}", origin=origin)

    return {
        "symbol": resolution.symbol,
        "number": number,
        "year": resolution.year,
        "short_title": resolution.short_title or None,
        "formula": resolution.formula or None,
        "adopted_on": resolution.adopted_on.isoformat() if resolution.adopted_on else None,
        "meeting": resolution.meeting or None,
        "pages_total": resolution.pages_total,
        "pages_present": held["pages_present"],
        "url": link("/"),
        "agenda": resolution.agenda or None,
        "vote": vote,
        "subjects": list(resolution.subjects),
        "paragraphs": [
            paragraph_to_dict(
                p,
                resolution,
                origin=origin,
                references=references.get(p.pk, []),
                lineage=lineage,
            )
            for p in paragraphs
        ],
        "schema_version": SCHEMA_VERSION,
        "title": resolution.title or None,
        "draft_symbol": resolution.draft_symbol or None,
        "adoption_type": resolution.adoption_type or None,
        "votes": [{"member": v["member"], "vote": v["vote"]} for v in resolution.votes],
        "sponsors": list(resolution.sponsors),
        "addresses_trafficking": resolution.addresses_trafficking,
        "completeness": held,
        "languages": LANGUAGES_HELD,
        "official_languages": OFFICIAL_LANGUAGES,
        "official_url": official_url(resolution.symbol),
        "citation": {
            "un": citations.un,
            "bluebook": citations.bluebook,
            "oscola": citations.oscola,
        },
        "updated_at": resolution.updated_at.isoformat() if resolution.updated_at else None,
        "links": {
            "json": link(".json"),
            "text": link(".txt"),
            "akn": link(".akn.xml"),
            "bibtex": link(".bib"),
            "ris": link(".ris"),
            "csl_json": link(".csl.json"),
        },
    }


def resolution_export(*, number: int, origin: str | None = None) -> dict | None:
    """The canonical form of resolution ``number``, or None when the archive lacks it."""
    resolution = resolution_for_export(number=number)
    return resolution_to_dict(resolution, origin=origin) if resolution is not None else None
