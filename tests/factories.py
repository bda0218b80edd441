"""Small builders for database tests that need a resolution or two without running an ingest."""

from __future__ import annotations

from datetime import date

from resolutions.models import CrossReference, Paragraph, Resolution


def make_resolution(number: int = 2388, year: int = 2017, **fields) -> Resolution:
    fields.setdefault("symbol", f"S/RES/{number} ({year})")
    fields.setdefault("adopted_on", date(year, 11, 21))
    fields.setdefault("text_source", "akn")
    return Resolution.objects.create(number=number, year=year, **fields)


def make_paragraph(
    resolution: Resolution,
    text: str,
    *,
    kind: str = "operative",
    number: int | None = None,
    pid: str | None = None,
    **fields,
) -> Paragraph:
    position = fields.pop("position", resolution.paragraphs.count() + 1)
    if pid is None:
        pid = f"op{number}" if kind == "operative" else f"pp{position}"
    fields.setdefault("text_as_printed", text)
    return Paragraph.objects.create(
        resolution=resolution,
        pid=pid,
        kind=kind,
        number=number,
        position=position,
        text=text,
        **fields,
    )


def make_reference(paragraph: Paragraph, number: int, year: int | None, **fields) -> CrossReference:
    symbol = f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
    fields.setdefault("as_written", f"resolution {number}" + (f" ({year})" if year else ""))
    return CrossReference.objects.create(
        paragraph=paragraph,
        cited_symbol=symbol,
        cited_number=number,
        cited_year=year,
        target=Resolution.objects.filter(number=number).first(),
        **fields,
    )
