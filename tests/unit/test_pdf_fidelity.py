"""PDFs and page texts of corpus resolutions, typeset in the UN's layout, read back whole.

A few resolutions of the tuning set (even numbers; ``make bench-fidelity`` measures the
odd-numbered, held-out ones) with section headings, items and several pages: each is read
from its PDF, and from its page texts as pypdf and poppler's ``pdftotext`` extract them,
shuffled, one page dropped and stray spaces put in. Every official paragraph on the pages
read must come back as one paragraph of its own: no false join, no furniture, the words right.
"""

import shutil

import pytest

from resolutions.parsing.akn import parse_akn
from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.pdf import parse_pdf
from tests.fidelity import complete_paragraphs, measure
from tests.pdf_material import page_files, render_resolution

# Sanctions and mandate resolutions, full of headings: Yemen 2017, Libya 2018, Mali 2019.
NUMBERS = (2342, 2441, 2480)
# What stray spaces the repair cannot decide leave wrong (a name split: "Is aac").
MIN_WORDS = 0.995


@pytest.fixture(scope="module")
def materials(corpus):
    found = {}
    for path in sorted((corpus / "xml").rglob("*.xml")):
        if any(f"{n}" in path.name for n in NUMBERS):
            parsed = parse_akn(path.name, path.read_bytes())
            if parsed.number in NUMBERS and parsed.number not in found:
                found[parsed.number] = render_resolution(parsed)
    assert sorted(found) == sorted(NUMBERS)
    return found


def _judge(material, reading, kept):
    score = measure(material.paragraphs, complete_paragraphs(material.pages_of, kept), reading)
    assert score.false_joins == 0, score.problems
    assert score.furniture == 0, score.problems
    assert score.boundaries_right == score.boundaries, score.problems
    assert score.words_right >= MIN_WORDS * score.words, score.problems
    return score


@pytest.mark.corpus
@pytest.mark.parametrize("number", NUMBERS)
def test_the_pdf_reads_back_paragraph_for_paragraph(materials, number):
    material = materials[number]
    reading = parse_pdf(f"{number}.pdf", material.pdf)
    _judge(material, reading, range(1, material.pages + 1))
    assert any(p.kind == "heading" for p in reading.paragraphs)
    assert reading.pages_total == material.pages


@pytest.mark.corpus
@pytest.mark.parametrize("extractor", ["pypdf", "pdftotext"])
@pytest.mark.parametrize("number", NUMBERS)
def test_page_texts_read_back_paragraph_for_paragraph(materials, number, extractor):
    if extractor == "pdftotext" and shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed (.ci/run installs poppler-utils)")
    material = materials[number]
    files, kept = page_files(material, extractor=extractor, drop=True)
    [reading] = parse_page_texts(files)
    assert len(kept) < material.pages  # a page is missing, as in the seeds
    _judge(material, reading, kept)
