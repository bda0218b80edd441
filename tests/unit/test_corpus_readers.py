"""The readers on the UN's whole Akoma Ntoso corpus (skipped with a message when it is absent)."""

import hashlib
import os
import time
from pathlib import Path

import pytest

from resolutions.parsing.akn import parse_akn
from resolutions.parsing.records import parse_records
from resolutions.parsing.topics import find_trafficking
from resolutions.services.identifiers import assign_identifiers

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def parsed(corpus):
    """Every XML file parsed once: ``{"2016/S_RES_...xml": ParsedResolution}``, and the time."""
    started = time.perf_counter()
    results = {}
    for path in sorted((corpus / "xml").glob("*/*.xml")):
        results[f"{path.parent.name}/{path.name}"] = parse_akn(path.name, path.read_bytes())
    return results, time.perf_counter() - started


def by_symbol(parsed, symbol):
    results, _ = parsed
    return next(r for r in results.values() if r.symbol == symbol)


def counts(resolution):
    kinds = [p.kind for p in resolution.paragraphs]
    return kinds.count("preambular"), kinds.count("operative")


def test_every_xml_file_parses_well_within_the_import_budget(parsed):
    results, seconds = parsed
    assert len(results) == 1528
    # The whole import must take under two minutes; the reader's share is far less.
    assert seconds < 40


def test_2331_has_14_preambular_and_24_operative_paragraphs(parsed):
    resolution = by_symbol(parsed, "S/RES/2331 (2016)")
    assert counts(resolution) == (14, 24)
    numbers = [p.number for p in resolution.paragraphs if p.kind == "operative"]
    assert numbers == list(range(1, 25))


def test_2388_has_24_preambular_and_35_operative_paragraphs(parsed):
    resolution = by_symbol(parsed, "S/RES/2388 (2017)")
    assert counts(resolution) == (24, 35)
    first = resolution.paragraphs[0]
    assert first.text == "Recalling Presidential Statement 2015/25, Resolution 2331 (2016),"
    assert "S/RES/2331 (2016)" in [reference.symbol for reference in first.references]


def test_operative_numbers_are_unique_in_every_resolution(parsed):
    results, _ = parsed
    assert {name: r.warnings for name, r in results.items() if r.warnings} == {}


def test_every_metadata_line_parses(corpus):
    for path in sorted((corpus / "metadata").glob("*.json")):
        data = path.read_bytes()
        lines = [line for line in data.decode("utf-8").splitlines() if line.strip()]
        records = parse_records(path.name, data)
        assert len(records) == len(lines), path.name
        assert all(record.symbol.startswith("S/RES/") for record in records)


def test_resolutions_addressing_trafficking_in_persons(parsed):
    results, _ = parsed
    found = {
        r.symbol for r in results.values() if any(find_trafficking(p.text) for p in r.paragraphs)
    }
    # Reviewed by hand (see resolutions.parsing.topics): the Council's thematic resolutions
    # and the mandates that mention trafficking in persons, smuggling of migrants and the like.
    assert len(found) == 103
    assert {"S/RES/2331 (2016)", "S/RES/2388 (2017)", "S/RES/1539 (2004)"} <= found
    assert "S/RES/1817 (2008)" not in found  # "Anti-Trafficking" there is about drug precursors


PERMALINKS = Path(__file__).resolve().parent / "golden" / "corpus_permalinks.txt"


def permalink_fingerprint(resolution) -> str:
    """Each paragraph id with the first words of the paragraph it names, hashed."""
    pairs = [
        f"{pid} {' '.join(paragraph.text.lower().split()[:3])}"
        for pid, paragraph in zip(
            assign_identifiers(resolution.paragraphs), resolution.paragraphs, strict=True
        )
    ]
    return f"{len(pairs)} " + hashlib.sha256("\n".join(pairs).encode()).hexdigest()[:16]


def test_every_paragraph_id_still_names_the_paragraph_it_named(parsed):
    # A served permalink is forever. Ids are derived from the text (op31) or, for annexes,
    # headings and footnotes, from position (annex1-7): a change to a reader that adds, drops
    # or splits a paragraph silently re-points later ids to other paragraphs. This pins, per
    # file, every id with the first words of its paragraph.
    results, _ = parsed
    now = {name: permalink_fingerprint(resolution) for name, resolution in results.items()}
    if os.environ.get("UPDATE_GOLDEN") == "1":
        PERMALINKS.write_text("".join(f"{k} {v}\n" for k, v in sorted(now.items())))
    recorded = {}
    for line in PERMALINKS.read_text().splitlines():
        name, count, digest = line.rsplit(" ", 2)  # a file name may hold spaces
        recorded[name] = f"{count} {digest}"
    changed = sorted(
        name for name in recorded.keys() | now.keys() if recorded.get(name) != now.get(name)
    )
    assert not changed, (
        f"paragraph ids of {len(changed)} files now name other paragraphs or are gone: "
        f"{changed[:10]}. Keep the old ids (services/identifiers.py) or make them aliases of "
        "the paragraphs they named (services/sync.py); then record the new ids with "
        "UPDATE_GOLDEN=1 and commit tests/unit/golden/corpus_permalinks.txt."
    )
