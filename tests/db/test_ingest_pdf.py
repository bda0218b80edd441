"""Ingesting PDFs: a resolution's PDF in, its paragraphs out, the PDF kept verbatim; bad PDFs
refused with a message naming the file and nothing written.

The PDFs are made here, small, in the UN's layout (``tests/pdf_material.py``): two AKN sample
resolutions typeset with ReportLab.
"""

import base64
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import Paragraph, Resolution, Source
from resolutions.parsing.akn import parse_akn
from resolutions.parsing.document import ParseError
from resolutions.services import sources
from resolutions.services.ingest import ingest_paths
from tests.pdf_material import render_resolution

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[1] / "unit" / "akn_samples"


@pytest.fixture(scope="module")
def material():
    """The UN's layout of a sample resolution, as a PDF, with its official paragraphs."""
    path = SAMPLES / "resolution.xml"  # S/RES/2388 (2017) in brief: headings, items
    return path, render_resolution(parse_akn(path.name, path.read_bytes()))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def counts() -> tuple[int, int, int]:
    return Resolution.objects.count(), Source.objects.count(), Paragraph.objects.count()


def test_a_pdf_is_read_into_paragraphs_and_kept_verbatim_with_its_pages(tmp_path, material):
    _, made = material
    path = write(tmp_path, "resolution.pdf", made.pdf)
    report = ingest_paths(paths=[path])
    resolution = Resolution.objects.get(symbol=made.symbol)
    kept = Source.objects.get(resolution=resolution, format="pdf")
    assert base64.b64decode(kept.raw_text) == made.pdf  # the PDF, byte for byte
    pages = Source.objects.filter(resolution=resolution, format="page-text")
    assert sorted(pages.values_list("page_number", flat=True)) == list(range(1, made.pages + 1))
    assert all(p.file_name.startswith("resolution.pdf#page=") for p in pages)
    shown = resolution.paragraphs.order_by("position")
    assert [(p.kind, p.number, p.text) for p in shown] == [
        (p.kind, p.number, p.text) for p in made.paragraphs
    ]
    assert [p.text for p in shown.filter(kind="heading")] == [
        "Trafficking and terrorism",
        "Prevention",
    ]
    assert report.pdfs_added == 1
    assert ingest_paths(paths=[path]).changed is False  # a second run changes nothing


def test_a_folder_mixing_a_pdf_with_xml_of_another_resolution(tmp_path, material):
    xml_path, made = material
    other = SAMPLES / "single_paragraph.xml"
    write(tmp_path, "a.pdf", made.pdf)
    write(tmp_path, other.name, other.read_bytes())
    ingest_paths(paths=[tmp_path])
    formats = set(Source.objects.values_list("format", flat=True))
    assert {"pdf", "page-text", "akn"} <= formats


def test_the_official_xml_arriving_after_the_pdf_is_compared_with_it(tmp_path, material):
    xml_path, made = material
    ingest_paths(paths=[write(tmp_path, "r.pdf", made.pdf)])
    report = ingest_paths(paths=[xml_path])
    resolution = Resolution.objects.get(symbol=made.symbol)
    assert resolution.text_source == "akn"
    assert any("identical to the official text" in line for line in report.comparisons)


def _encrypted(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _scanned() -> bytes:
    """A page with a picture of text and no text layer, as a scanner makes it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for row in range(40):  # dark bars where the lines of text would be
        page.rect(70, 780 - row * 14, 450, 8, fill=1, stroke=0)
    page.showPage()
    page.save()
    return out.getvalue()


def _not_a_resolution() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.drawString(70, 700, "Minutes of the staff meeting held on 3 March")
    page.drawString(70, 680, "Present: the committee secretariat")
    page.showPage()
    page.save()
    return out.getvalue()


BAD = [
    ("encrypted.pdf", lambda pdf: _encrypted(pdf), "encrypted PDF"),
    ("scanned.pdf", lambda pdf: _scanned(), "needs OCR"),
    ("truncated.pdf", lambda pdf: pdf[: len(pdf) // 2], "truncated PDF"),
    ("minutes.pdf", lambda pdf: _not_a_resolution(), "not a resolution's PDF"),
    ("garbage.pdf", lambda pdf: b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n", "PDF"),
]


@pytest.mark.parametrize("name,make,message", BAD, ids=[b[0] for b in BAD])
def test_a_bad_pdf_is_refused_naming_the_file_and_nothing_is_written(
    tmp_path, material, name, make, message
):
    _, made = material
    good = write(tmp_path, "good.pdf", made.pdf)
    bad = write(tmp_path, name, make(made.pdf))
    with pytest.raises(ParseError) as raised:
        ingest_paths(paths=[good, bad])
    assert name in str(raised.value)
    assert message in str(raised.value)
    assert counts() == (0, 0, 0)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # a sparse 200 MB file: no disk space used
        handle.write(b"%PDF-1.4\n")
        handle.truncate(200 * 1024 * 1024)
    read = []
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(ParseError) as raised:
        ingest_paths(paths=[path])
    assert "huge.pdf" in str(raised.value) and "200 MB" in str(raised.value)
    assert "limit" in str(raised.value)
    assert read == []
    assert counts() == (0, 0, 0)
    assert sources.MAX_FILE_BYTES < 200 * 1024 * 1024


def test_the_command_names_the_bad_pdf_and_says_nothing_was_written(tmp_path):
    bad = write(tmp_path, "scan.pdf", _scanned())
    with pytest.raises(CommandError) as raised:
        call_command("ingest", str(bad))
    assert "scan.pdf" in str(raised.value)
    assert "needs OCR" in str(raised.value)
    assert "Nothing was written" in str(raised.value)
