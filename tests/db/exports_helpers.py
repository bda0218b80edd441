"""What the export tests share: the OpenAPI description as a validator of real responses, and
a way to make a brand-new resolution's XML with the archive's own AKN writer."""

from __future__ import annotations

import json
from datetime import date

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from resolutions.exports.akn import resolution_akn
from resolutions.exports.openapi import description
from resolutions.models import Paragraph, Resolution

ORIGIN = "http://testserver"
SPEC = description(origin=ORIGIN)
_REGISTRY = Registry().with_resource(
    "urn:openapi", Resource.from_contents(SPEC, default_specification=DRAFT202012)
)


def response_schema(path: str, status: int, method: str = "get") -> dict:
    """The JSON schema the description gives for ``path``'s ``status`` response."""
    response = SPEC["paths"][path][method]["responses"][str(status)]
    schema = response["content"]["application/json"]["schema"]
    return {"$ref": "urn:openapi" + schema["$ref"]}


def validate_response(path: str, response, method: str = "get") -> None:
    """Raise ``jsonschema.ValidationError`` unless ``response`` is what the description says."""
    media_type = response["Content-Type"].split(";")[0]
    assert media_type == "application/json" or media_type.endswith("+json"), media_type
    body = b"".join(response.streaming_content) if response.streaming else response.content
    data = json.loads(body)
    validator = Draft202012Validator(
        response_schema(path, response.status_code, method),
        registry=_REGISTRY,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    validator.validate(data)


def new_resolution_xml(
    number: int = 2799, year: int = 2025, *, more: tuple[str, ...] = ()
) -> bytes:
    """AKN for a resolution the archive does not hold yet (nothing is saved); ``more``:
    the texts of further operative paragraphs, numbered from 3."""
    resolution = Resolution(
        number=number,
        year=year,
        symbol=f"S/RES/{number} ({year})",
        adopted_on=date(year, 12, 1),
        meeting="10100th",
    )
    paragraphs = [
        Paragraph(kind="preambular", pid="pp1", text="Recalling its resolution 2388 (2017),"),
        Paragraph(
            kind="operative",
            pid="op1",
            number=1,
            text="Condemns all instances of trafficking in persons in areas affected by "
            "armed conflict;",
        ),
        Paragraph(
            kind="operative", pid="op2", number=2, text="Decides to remain seized of the matter."
        ),
    ]
    for number_, text in enumerate(more, start=3):
        paragraphs.append(
            Paragraph(kind="operative", pid=f"op{number_}", number=number_, text=text)
        )
    return resolution_akn(resolution, paragraphs, origin=ORIGIN)
