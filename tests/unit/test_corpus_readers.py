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
    twice = {
        name: [w for w in r.warnings if "appears twice" in w]
        for name, r in results.items()
        if any("appears twice" in w for w in r.warnings)
    }
    assert twice == {}


def _labels(items):
    for item in items:
        yield item.label
        yield from _labels(item.items)


def test_no_operative_paragraph_holds_the_next_numbered_one(parsed):
    # The UN's XML nests operative paragraphs 4-28 of S/RES/1996 (2011) in the list of 3 (c)
    # (vi), and 4-9 of S/RES/1591 (2005) under 3 (g); the reader lifts them out, and says so.
    results, _ = parsed
    holding = []
    for name, resolution in results.items():
        for paragraph in resolution.paragraphs:
            if paragraph.kind != "operative" or paragraph.number is None:
                continue
            following = {f"{paragraph.number + 1}.", str(paragraph.number + 1)}
            if following & set(_labels(paragraph.items)):
                holding.append(f"{name} op{paragraph.number}")
    assert holding == []
    nested = {
        r.symbol: [w for w in r.warnings if "nested" in w]
        for r in results.values()
        if any("nested" in w for w in r.warnings)
    }
    assert nested == {
        "S/RES/1591 (2005)": [
            "S/RES/1591 (2005) (S_RES_1591_N0528789.xml): operative paragraphs 4–9 were "
            "nested in the list of paragraph 3; "
            "read as paragraphs of their own"
        ],
        "S/RES/1996 (2011)": [
            "S/RES/1996 (2011) (S_RES_1996_N1140583.xml): operative paragraphs 4–28 were "
            "nested in the list of paragraph 3; "
            "read as paragraphs of their own"
        ],
    }


def test_operative_numbers_run_without_gaps(parsed):
    # A gap is where a numbered paragraph went missing into another one. The one known gap:
    # S/RES/1409 (2002) prints a form after paragraph 9 whose boxes are numbered 10-19.
    results, _ = parsed
    gaps = {}
    for resolution in results.values():
        numbers = {p.number for p in resolution.paragraphs if p.kind == "operative" and p.number}
        missing = sorted(set(range(1, max(numbers, default=0) + 1)) - numbers)
        if missing:
            gaps[resolution.symbol] = missing
    assert gaps == {"S/RES/1409 (2002)": [10, 11, 12, 13, 14, 15, 16]}


def test_1996_reads_operative_paragraphs_1_to_28_each_alone(parsed):
    resolution = by_symbol(parsed, "S/RES/1996 (2011)")
    operative = [p for p in resolution.paragraphs if p.kind == "operative"]
    assert [p.number for p in operative] == list(range(1, 29))
    three, nine = operative[2], operative[8]
    assert [item.label for item in three.items] == ["(a)", "(b)", "(c)"]
    assert [item.label for item in three.items[2].items][-1] == "(vi)"
    assert not three.items[2].items[-1].items
    assert len(three.text) < 6000
    assert nine.text.startswith("Demands that all parties, in particular rebel militias")
    assert nine.text.endswith("violence and abuses against children;")


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


def test_every_footnote_keeps_its_marker_in_the_text(parsed):
    # 45 notes in 13 resolutions; each marker stays where the UN put it, so the page can link
    # marker and note both ways (resolutions.addresses.link_notes pairs them in order).
    results, _ = parsed
    notes, marks = {}, {}
    for resolution in results.values():
        footnotes = [p.label for p in resolution.paragraphs if p.kind == "footnote"]
        if footnotes:
            notes[resolution.symbol] = footnotes
            marks[resolution.symbol] = [
                marker for p in resolution.paragraphs for _at, marker in p.notes
            ]
    assert len(notes) == 13
    assert sum(len(labels) for labels in notes.values()) == 45
    assert marks == notes


def test_the_2231_sections_the_markup_cut_keep_their_whole_numbers(parsed):
    # "1.1." + "3. Sanctions on insurance": printed "1.1.3. Sanctions on insurance".
    resolution = by_symbol(parsed, "S/RES/2231 (2015)")
    labelled = {(p.part, p.label): p.text for p in resolution.paragraphs if p.kind == "annex"}
    assert labelled[("JCPOA Annex II", "1.1.3.")].startswith("Sanctions on insurance")
    assert labelled[("JCPOA Annex IV", "1.1.")].startswith("The Joint Commission is established")
    ones = [key for key in labelled if key[1].startswith("1.1.")]
    assert len(ones) == len(set(ones)) == 9


def test_annex_paragraphs_cite_apart(parsed):
    # "annex I, para. 1" named five paragraphs of S/RES/1329 (2000); articles, sections and
    # headings printed above a paragraph now tell them apart. 427 paragraphs of 22 resolutions
    # shared a citation before; what is left are labels the UN itself repeats under one heading.
    from collections import Counter

    from resolutions.citations import paragraph_citations
    from resolutions.services.merge import plan_paragraphs

    results, _ = parsed
    shared = {}
    for resolution in results.values():
        if not any(p.kind == "annex" for p in resolution.paragraphs):
            continue
        plan = plan_paragraphs(akn=resolution, pages=None)
        cited = Counter(
            paragraph_citations(
                number=resolution.number,
                year=resolution.year,
                adopted_on=None,
                pid=p.pid,
                paragraph_number=p.number,
                annex_name=p.annex,
                part=(p.addressing or {}).get("part", ""),
                label=p.label,
            ).un
            for p in plan.paragraphs
            if p.kind == "annex"
        )
        repeated = sum(n for n in cited.values() if n > 1)
        if repeated:
            shared[resolution.symbol] = repeated
    assert shared == {"S/RES/1382 (2001)": 18, "S/RES/1617 (2005)": 8, "S/RES/2231 (2015)": 2}
