"""The draft check in the OpenAPI description: ``POST /api/draft-check`` and its schemas.

Kept apart from :mod:`resolutions.exports.openapi` (which merges ``PATHS`` and ``SCHEMAS`` in),
since it is the API's one POST: it reads a draft and writes nothing. The tests validate real
responses against these schemas, as for every other JSON endpoint.
"""

from __future__ import annotations

from resolutions.drafts import MAX_CHARS, MAX_PARAGRAPHS, MAX_UPLOAD_BYTES
from resolutions.serializers import SCHEMA_VERSION

_URL = {"type": "string", "format": "uri", "pattern": "^https?://"}

_MATCH = {
    "type": "object",
    "description": "A paragraph of the archive close to the draft's, cited by the earliest "
    "paragraph with this wording.",
    "required": [
        "citation",
        "symbol",
        "id",
        "adopted_on",
        "url",
        "share",
        "percent",
        "reuse",
        "text",
        "changes",
        "words_removed",
        "words_added",
    ],
    "properties": {
        "citation": {"type": "string", "examples": ["S/RES/2388 (2017), para. 31"]},
        "symbol": {"type": "string"},
        "id": {"type": "string", "description": "the paragraph's identifier (op31, pp3)"},
        "adopted_on": {"type": ["string", "null"], "format": "date"},
        "url": _URL,
        "share": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "wording in common: 2·LCS/(|a|+|b|) over words",
        },
        "percent": {"type": "integer", "description": "the share in percent, rounded down"},
        "reuse": {"enum": ["identical", "near-identical", "close", "partial"]},
        "text": {"type": "string", "description": "the adopted paragraph's text"},
        "changes": {
            "type": "array",
            "description": "track changes from the adopted text to the draft's",
            "items": {
                "type": "object",
                "required": ["op", "text"],
                "properties": {
                    "op": {"enum": ["equal", "delete", "insert"]},
                    "text": {"type": "string"},
                },
            },
        },
        "words_removed": {"type": "integer"},
        "words_added": {"type": "integer"},
    },
}

_PARAGRAPH = {
    "type": "object",
    "required": [
        "number",
        "label",
        "text",
        "status",
        "match",
        "same_wording_in_later",
        "latest_same_wording",
        "others",
    ],
    "properties": {
        "number": {"type": "integer", "minimum": 1, "description": "its place in the draft"},
        "label": {"type": "string", "description": 'as numbered in the draft: "1.", "(a)"'},
        "text": {"type": "string"},
        "status": {"enum": ["matched", "no agreed language found", "too short"]},
        "match": {"oneOf": [{"$ref": "#/components/schemas/DraftMatch"}, {"type": "null"}]},
        "same_wording_in_later": {"type": "integer"},
        "latest_same_wording": {
            "oneOf": [
                {
                    "type": "object",
                    "required": ["citation", "url"],
                    "properties": {"citation": {"type": "string"}, "url": _URL},
                },
                {"type": "null"},
            ]
        },
        "others": {"type": "array", "items": {"$ref": "#/components/schemas/DraftMatch"}},
    },
}

_REPORT = {
    "type": "object",
    "required": ["schema_version", "threshold", "archive_paragraphs", "summary", "paragraphs"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "threshold": {"type": "number", "description": "the least share that is a match"},
        "archive_paragraphs": {"type": "integer"},
        "summary": {
            "type": "object",
            "required": ["paragraphs", "matched", "identical"],
            "properties": {
                "paragraphs": {"type": "integer"},
                "matched": {"type": "integer"},
                "identical": {"type": "integer"},
            },
        },
        "paragraphs": {"type": "array", "items": {"$ref": "#/components/schemas/DraftParagraph"}},
    },
}

_ERROR = {
    "type": "object",
    "required": ["error", "detail", "status"],
    "properties": {
        "error": {"enum": ["unreadable draft", "too large", "method not allowed", "not ready"]},
        "detail": {"type": "string", "description": "what to do, in a sentence"},
        "status": {"type": "integer"},
    },
}


def _json(schema: str, text: str) -> dict:
    return {
        "description": text,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


_TEXT = {
    "type": "string",
    "maxLength": MAX_CHARS,
    "description": f"the draft, up to {MAX_CHARS:,} characters and {MAX_PARAGRAPHS} paragraphs",
}

PATHS = {
    "/api/draft-check": {
        "post": {
            "summary": "Check a draft: the closest agreed language for each of its paragraphs",
            "description": (
                "Splits the draft into paragraphs as a person numbers them and compares each "
                "with every paragraph of the archive. Nothing sent is stored or logged. "
                "Send the text as JSON, as a form field, or a .txt or .docx file (up to "
                f"{MAX_UPLOAD_BYTES:,} bytes) as the form field 'file'."
            ),
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["text"],
                            "properties": {"text": _TEXT},
                        }
                    },
                    "application/x-www-form-urlencoded": {
                        "schema": {"type": "object", "properties": {"text": _TEXT}}
                    },
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "text": _TEXT,
                                "file": {
                                    "type": "string",
                                    "contentMediaType": "application/octet-stream",
                                },
                            },
                        }
                    },
                },
            },
            "responses": {
                "200": _json("DraftReport", "each paragraph with its closest agreed language"),
                "400": _json("DraftError", "empty, binary, wrongly encoded or unreadable"),
                "405": _json("DraftError", "not a POST"),
                "413": _json("DraftError", "too long or too large"),
                "503": _json(
                    "DraftError", "the index is being built (after a restart); see Retry-After"
                ),
            },
        }
    }
}

SCHEMAS = {
    "DraftReport": _REPORT,
    "DraftParagraph": _PARAGRAPH,
    "DraftMatch": _MATCH,
    "DraftError": _ERROR,
}
