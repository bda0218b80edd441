"""The OpenAPI 3.1 description of the archive's read-only API, served at ``/api/openapi.json``.

In: the site's origin (for ``servers``). Out: a dict. The schemas are JSON Schema 2020-12
(OpenAPI 3.1), and the tests validate every JSON endpoint's real responses against them, so
the description cannot drift from what the site returns. ``SCHEMA_VERSION`` follows the
serializers: a new key raises the minor version; a renamed or removed key, or a changed
meaning, raises the major one.

Changes: 2.1 -- paragraphs gain ``lineage`` (agreed language: earlier sources, first agreed
in, reused in). 2.0 -- every URL absolute; resolution JSON gains ``short_title``, ``formula``,
``schema_version``, ``title``,
``draft_symbol``, ``adoption_type``, ``votes``, ``sponsors``, ``addresses_trafficking``,
``completeness``, ``languages``, ``official_languages``, ``official_url``, ``citation``,
``updated_at``, ``links``; paragraphs gain ``italics``, ``label``, ``annex``, ``structure``,
``addresses_trafficking``, ``json_url``, ``citation``; ``pages_present`` lists every page of
a text complete from the XML. 1.0 -- the first form (relative URLs).
"""

from __future__ import annotations

from resolutions.exports import openapi_drafts
from resolutions.lineage import CLOSEST
from resolutions.lineage.selectors import REUSES_SHOWN
from resolutions.serializers import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "description"]

_STR_OR_NULL = {"type": ["string", "null"]}
_INT_OR_NULL = {"type": ["integer", "null"]}
_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}
_DATE_OR_NULL = {"type": ["string", "null"], "format": "date"}

_ITEM = {
    "type": "object",
    "required": ["label", "text", "items"],
    "properties": {
        "label": {"type": "string"},
        "text": {"type": "string"},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
    },
}

_PARAGRAPH = {
    "type": "object",
    "description": "One paragraph, as the resolution page and its permalink show it.",
    "required": [
        "id",
        "kind",
        "number",
        "text",
        "text_as_printed",
        "italics",
        "pages",
        "begins_on_missing_page",
        "ends_on_missing_page",
        "url",
        "references",
        "label",
        "annex",
        "structure",
        "addresses_trafficking",
        "json_url",
        "citation",
        "lineage",
    ],
    "properties": {
        "id": {"type": "string", "description": "permanent: op31, pp3, pp-1, h2, annex1-4, fn1"},
        "kind": {"enum": ["preambular", "operative", "heading", "annex", "footnote"]},
        "number": _INT_OR_NULL,
        "text": {"type": "string"},
        "text_as_printed": {"type": "string"},
        "italics": {
            "type": "array",
            "description": "[start, end] offsets into text of the words the UN prints in italics",
            "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        },
        "pages": {"type": "array", "items": {"type": "integer"}},
        "begins_on_missing_page": {"type": "boolean"},
        "ends_on_missing_page": {"type": "boolean"},
        "url": _URL,
        "references": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["cited", "number", "year", "as_written"],
                "properties": {
                    "cited": {"type": "string"},
                    "number": _INT_OR_NULL,
                    "year": _INT_OR_NULL,
                    "as_written": {"type": "string"},
                },
            },
        },
        "label": _STR_OR_NULL,
        "annex": _STR_OR_NULL,
        "structure": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["intro", "items", "outro"],
                    "properties": {
                        "intro": {"type": "string"},
                        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
                        "outro": {"type": "string"},
                    },
                },
            ]
        },
        "addresses_trafficking": {"type": "boolean"},
        "json_url": _URL,
        "citation": {"type": "string", "description": "S/RES/2388 (2017), para. 31"},
        "lineage": {"$ref": "#/components/schemas/Lineage"},
    },
}

_LINKED = {
    "type": "object",
    "description": "A paragraph of another resolution sharing at least 80 % of the wording.",
    "required": ["symbol", "resolution", "id", "citation", "share", "reuse", "url", "json_url"],
    "properties": {
        "symbol": {"type": "string", "description": "S/RES/2331 (2016)"},
        "resolution": {"type": "integer", "description": "the resolution's number"},
        "id": {"type": "string", "description": "the paragraph's permanent id: op16"},
        "citation": {"type": "string", "description": "S/RES/2331 (2016), para. 16"},
        "share": {
            "type": "number",
            "minimum": 0.8,
            "maximum": 1,
            "description": "wording in common: 2 x the words shared in order (longest common "
            "subsequence of words) / the words of both, to three decimals",
        },
        "reuse": {
            "enum": ["identical", "near-identical", "partial"],
            "description": "identical: share 1; near-identical: at least 0.95; partial: below",
        },
        "url": _URL,
        "json_url": _URL,
    },
}

_LINEAGE = {
    "type": "object",
    "description": "Agreed language: where the paragraph's wording comes from and where it went "
    "(computed at ingest; headings and paragraphs under four words have none).",
    "required": ["sources", "first_agreed_in", "reused_in", "reused_in_count"],
    "properties": {
        "sources": {
            "type": "array",
            "maxItems": CLOSEST,
            "description": "the closest earlier paragraphs of other resolutions, best first "
            "(the most recent first among equals)",
            "items": {"$ref": "#/components/schemas/LineageLink"},
        },
        "first_agreed_in": {
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/LineageLink"}],
            "description": "the earliest paragraph sharing at least 80 % of the wording",
        },
        "reused_in": {
            "type": "array",
            "maxItems": REUSES_SHOWN,
            "description": "later paragraphs that have this one as a source, newest first "
            f"(at most {REUSES_SHOWN}; reused_in_count counts them all)",
            "items": {"$ref": "#/components/schemas/LineageLink"},
        },
        "reused_in_count": {"type": "integer", "minimum": 0},
    },
}

_PARAGRAPH_DOCUMENT = {
    "allOf": [
        {"$ref": "#/components/schemas/Paragraph"},
        {
            "type": "object",
            "required": ["resolution", "schema_version"],
            "properties": {
                "schema_version": {"const": SCHEMA_VERSION},
                "resolution": {
                    "type": "object",
                    "required": ["symbol", "number", "year", "adopted_on", "url", "json_url"],
                    "properties": {
                        "symbol": {"type": "string"},
                        "number": {"type": "integer"},
                        "year": {"type": "integer"},
                        "adopted_on": _DATE_OR_NULL,
                        "url": _URL,
                        "json_url": _URL,
                    },
                },
            },
        },
    ]
}

_RESOLUTION = {
    "type": "object",
    "description": "A resolution with everything its page shows.",
    "required": [
        "symbol",
        "number",
        "year",
        "short_title",
        "formula",
        "adopted_on",
        "meeting",
        "pages_total",
        "pages_present",
        "url",
        "agenda",
        "vote",
        "subjects",
        "paragraphs",
        "schema_version",
        "title",
        "draft_symbol",
        "adoption_type",
        "votes",
        "sponsors",
        "addresses_trafficking",
        "completeness",
        "languages",
        "official_languages",
        "official_url",
        "citation",
        "updated_at",
        "links",
    ],
    "properties": {
        "symbol": {"type": "string", "pattern": r"^S/RES/\d+ \(\d{4}\)$"},
        "number": {"type": "integer"},
        "year": {"type": "integer"},
        "short_title": {
            "type": ["string", "null"],
            "description": "what the resolution is about: on trafficking in persons in armed ...",
        },
        "formula": {"type": ["string", "null"], "description": "The Security Council,"},
        "adopted_on": _DATE_OR_NULL,
        "meeting": _STR_OR_NULL,
        "pages_total": _INT_OR_NULL,
        "pages_present": {
            "type": "array",
            "items": {"type": "integer"},
            "description": "printed pages whose text is held (all, for a text from the XML)",
        },
        "url": _URL,
        "agenda": _STR_OR_NULL,
        "vote": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["in_favour", "against", "abstaining"],
                    "properties": {
                        "in_favour": {"type": "integer"},
                        "against": _INT_OR_NULL,
                        "abstaining": _INT_OR_NULL,
                    },
                },
            ]
        },
        "subjects": {"type": "array", "items": {"type": "string"}},
        "paragraphs": {"type": "array", "items": {"$ref": "#/components/schemas/Paragraph"}},
        "schema_version": {"const": SCHEMA_VERSION},
        "title": _STR_OR_NULL,
        "draft_symbol": _STR_OR_NULL,
        "adoption_type": _STR_OR_NULL,
        "votes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["member", "vote"],
                "properties": {
                    "member": {"type": "string"},
                    "vote": {"type": "string", "description": "Y, N, A (abstained) or as recorded"},
                },
            },
        },
        "sponsors": {"type": "array", "items": {"type": "string"}},
        "addresses_trafficking": {"type": "boolean"},
        "completeness": {
            "type": "object",
            "required": [
                "text_source",
                "complete",
                "pages_total",
                "pages_present",
                "pages_missing",
                "page_texts_held",
            ],
            "properties": {
                "text_source": {"enum": ["akn", "page-text", None]},
                "complete": {"type": "boolean"},
                "pages_total": _INT_OR_NULL,
                "pages_present": {"type": "array", "items": {"type": "integer"}},
                "pages_missing": {"type": "array", "items": {"type": "integer"}},
                "page_texts_held": {"type": "array", "items": {"type": "integer"}},
            },
        },
        "languages": {"type": "array", "items": {"type": "string"}},
        "official_languages": {"type": "array", "items": {"type": "string"}},
        "official_url": _URL,
        "citation": {
            "type": "object",
            "required": ["un", "bluebook", "oscola"],
            "properties": {
                "un": {"type": "string"},
                "bluebook": {"type": "string"},
                "oscola": {"type": "string"},
            },
        },
        "updated_at": {"type": ["string", "null"], "format": "date-time"},
        "links": {
            "type": "object",
            "required": ["json", "text", "akn", "bibtex", "ris", "csl_json"],
            "additionalProperties": _URL,
        },
    },
}

_SEARCH = {
    "type": "object",
    "description": "One page of a paragraph search (the search page's parameters).",
    "required": ["query", "total", "page", "num_pages", "per_page", "results", "facets"],
    "properties": {
        "query": {"type": "string"},
        "understood": {},
        "ignored": {"type": "array"},
        "notes": {"type": "array"},
        "sort": {"type": "string"},
        "total": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "num_pages": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1},
        "results": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "symbol",
                    "number",
                    "year",
                    "paragraph",
                    "label",
                    "kind",
                    "url",
                    "snippet",
                ],
                "properties": {
                    "symbol": {"type": "string"},
                    "number": {"type": "integer"},
                    "year": {"type": "integer"},
                    "paragraph": {"type": "string"},
                    "label": {"type": "string"},
                    "kind": {"type": "string"},
                    "url": _URL,
                    "snippet": {"type": "string", "description": "HTML: the matches in <mark>"},
                    "rank": {"type": "number"},
                    "wording": {"$ref": "#/components/schemas/SearchWording"},
                },
            },
        },
        "facets": {"type": "object"},
        "grouped": {"const": True, "description": "only with group=on: one hit per wording"},
        "total_wordings": {
            "type": "integer",
            "minimum": 0,
            "description": "group=on: the wordings (pages count these; total counts paragraphs)",
        },
    },
}
_CITED_PARAGRAPH = {
    "type": "object",
    "required": ["symbol", "number", "year", "paragraph", "label", "url"],
    "properties": {
        "symbol": {"type": "string"},
        "number": {"type": "integer"},
        "year": {"type": "integer"},
        "paragraph": {"type": "string"},
        "label": {"type": "string"},
        "url": _URL,
    },
}
_SEARCH_WORDING = {
    "type": "object",
    "description": (
        "group=on: the hit stands for every matching paragraph sharing its lineage origin "
        "(the earliest paragraph with at least 80 % of the wording); the hit is the earliest"
    ),
    "required": [
        "first_agreed_in",
        "first_agreed_elsewhere",
        "paragraphs",
        "later_resolutions",
        "repeated_in",
        "unlisted",
    ],
    "properties": {
        "first_agreed_in": _CITED_PARAGRAPH,
        "first_agreed_elsewhere": {"type": "boolean"},
        "paragraphs": {"type": "integer", "minimum": 1},
        "later_resolutions": {"type": "integer", "minimum": 0},
        "repeated_in": {"type": "array", "items": _CITED_PARAGRAPH, "maxItems": 50},
        "unlisted": {"type": "integer", "minimum": 0},
    },
}

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {"type": "string"},
        "errors": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}

_CSL = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["id", "type", "title", "issued", "URL"],
        "properties": {
            "id": {"type": "string"},
            "type": {"const": "legislation"},
            "title": {"type": "string"},
            "number": {"type": "string"},
            "section": {"type": "string"},
            "issued": {"type": "object", "required": ["date-parts"]},
            "URL": _URL,
        },
    },
}

_MANIFEST = {
    "type": "object",
    "required": ["schema_version", "generated_at", "origin", "counts", "files"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "generated_at": {"type": "string", "format": "date-time"},
        "origin": _URL,
        "counts": {
            "type": "object",
            "required": ["resolutions", "paragraphs"],
            "properties": {
                "resolutions": {"type": "integer"},
                "paragraphs": {"type": "integer"},
            },
        },
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "url", "bytes", "sha256", "records"],
                "properties": {
                    "name": {"type": "string"},
                    "url": _URL,
                    "bytes": {"type": "integer"},
                    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "records": {"type": "integer"},
                },
            },
        },
    },
}

_API_INDEX = {
    "type": "object",
    "required": ["openapi", "schema_version"],
    "properties": {"openapi": _URL, "schema_version": {"const": SCHEMA_VERSION}},
}


def _json_response(schema: str, text: str) -> dict:
    return {
        "description": text,
        "headers": {
            "Access-Control-Allow-Origin": {"schema": {"const": "*"}},
        },
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _other(media_type: str, text: str) -> dict:
    return {"description": text, "content": {media_type: {"schema": {"type": "string"}}}}


_NOT_FOUND = {"description": "not in the archive (an HTML page that says so)"}
_NUMBER = {
    "name": "number",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
    "example": 2388,
}
_PID = {
    "name": "pid",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9-]{1,40}$"},
    "example": "op31",
}
_SEARCH_PARAMETERS = [
    {"name": "q", "in": "query", "schema": {"type": "string"}, "example": "trafficking in persons"},
    {"name": "year_from", "in": "query", "schema": {"type": "integer"}},
    {"name": "year_to", "in": "query", "schema": {"type": "integer"}},
    {"name": "resolution", "in": "query", "schema": {"type": "integer"}},
    {"name": "kind", "in": "query", "schema": {"type": "string"}},
    {"name": "trafficking", "in": "query", "schema": {"enum": ["true", "false"]}},
    {
        "name": "sort",
        "in": "query",
        "schema": {"enum": ["relevance", "date", "document", "agreed"]},
    },
]


def _get(summary: str, responses: dict, parameters: list | None = None) -> dict:
    operation = {"get": {"summary": summary, "responses": responses}}
    if parameters:
        operation["get"]["parameters"] = parameters
    return operation


def description(*, origin: str) -> dict:
    """The whole OpenAPI document, with ``origin`` as its server."""
    bad = {"400": _json_response("Error", "invalid parameters, one message per parameter")}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Security Council Trafficking in Persons Archive API",
            "version": SCHEMA_VERSION,
            "description": (
                "Read-only access to the archive's resolutions and paragraphs. Every URL in a "
                "response is absolute; responses carry ETag or Last-Modified and "
                "Access-Control-Allow-Origin: *. Texts: United Nations (unofficial copies)."
            ),
        },
        "servers": [{"url": origin}],
        "paths": {
            "/resolutions/{number}.json": _get(
                "A resolution and all its paragraphs",
                {"200": _json_response("Resolution", "the resolution"), "404": _NOT_FOUND},
                [_NUMBER],
            ),
            "/resolutions/{number}/{pid}.json": _get(
                "One paragraph",
                {"200": _json_response("ParagraphDocument", "the paragraph"), "404": _NOT_FOUND},
                [_NUMBER, _PID],
            ),
            "/search.json": _get(
                "Search paragraphs (one page)",
                {"200": _json_response("SearchResults", "one page of hits"), **bad},
                [
                    *_SEARCH_PARAMETERS,
                    {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    {
                        "name": "group",
                        "in": "query",
                        "description": "on: one hit per wording; off (default): every paragraph",
                        "schema": {"enum": ["on", "off"]},
                    },
                ],
            ),
            "/search.csv": _get(
                "Every hit of a search as CSV, streamed",
                {"200": _other("text/csv", "header row, then one row per hit"), **bad},
                _SEARCH_PARAMETERS,
            ),
            "/resolutions/{number}.csl.json": _get(
                "Citation of a resolution as CSL-JSON",
                {"200": _json_response("CSL", "one CSL item"), "404": _NOT_FOUND},
                [_NUMBER],
            ),
            "/resolutions/{number}/{pid}.csl.json": _get(
                "Citation of a paragraph as CSL-JSON",
                {"200": _json_response("CSL", "one CSL item"), "404": _NOT_FOUND},
                [_NUMBER, _PID],
            ),
            "/resolutions/{number}.bib": _get(
                "Citation as BibTeX",
                {"200": _other("application/x-bibtex", "one entry")},
                [_NUMBER],
            ),
            "/resolutions/{number}.ris": _get(
                "Citation as RIS",
                {"200": _other("application/x-research-info-systems", "one record")},
                [_NUMBER],
            ),
            "/resolutions/{number}/{pid}.bib": _get(
                "Paragraph citation as BibTeX",
                {"200": _other("application/x-bibtex", "one entry")},
                [_NUMBER, _PID],
            ),
            "/resolutions/{number}/{pid}.ris": _get(
                "Paragraph citation as RIS",
                {"200": _other("application/x-research-info-systems", "one record")},
                [_NUMBER, _PID],
            ),
            "/resolutions/{number}.akn.xml": _get(
                "The resolution as Akoma Ntoso XML",
                {"200": _other("application/akn+xml", "AKN4UN-shaped XML")},
                [_NUMBER],
            ),
            "/resolutions/{number}.txt": _get(
                "The resolution as plain text", {"200": _other("text/plain", "text")}, [_NUMBER]
            ),
            "/feeds/newest.atom": _get(
                "Newest resolutions", {"200": _other("application/atom+xml", "Atom feed")}
            ),
            "/feeds/trafficking.atom": _get(
                "Newest resolutions on trafficking in persons",
                {"200": _other("application/atom+xml", "Atom feed")},
            ),
            "/feeds/search.atom": _get(
                "Newest paragraphs matching a search",
                {"200": _other("application/atom+xml", "Atom feed"), **bad},
                _SEARCH_PARAMETERS,
            ),
            "/downloads/manifest.json": _get(
                "The bulk download's manifest",
                {"200": _json_response("Manifest", "counts and checksums"), "404": _NOT_FOUND},
            ),
            "/downloads/resolutions.jsonl": _get(
                "The whole archive, one resolution (schema Resolution) per line",
                {"200": _other("application/jsonl", "JSON lines"), "404": _NOT_FOUND},
            ),
            "/api/": _get(
                "Where this description is", {"200": _json_response("ApiIndex", "links")}
            ),
            "/api/openapi.json": _get(
                "This description", {"200": {"description": "OpenAPI 3.1 document"}}
            ),
            **openapi_drafts.PATHS,
        },
        "components": {
            "schemas": {
                "Resolution": _RESOLUTION,
                "Paragraph": _PARAGRAPH,
                "ParagraphDocument": _PARAGRAPH_DOCUMENT,
                "Item": _ITEM,
                "Lineage": _LINEAGE,
                "LineageLink": _LINKED,
                "SearchResults": _SEARCH,
                "SearchWording": _SEARCH_WORDING,
                "Error": _ERROR,
                "CSL": _CSL,
                "Manifest": _MANIFEST,
                "ApiIndex": _API_INDEX,
                **openapi_drafts.SCHEMAS,
            }
        },
    }
