"""Citation formats, JSON-LD escaping, the OpenAPI description and the icons, without a
database: what a reference manager, a browser or an API client reads must parse."""

import json
import struct
from datetime import date

import bibtexparser
import pytest
import rispy
from openapi_spec_validator import validate

from resolutions.exports.citations import CitedWork, to_bibtex, to_csl, to_ris
from resolutions.exports.jsonld import safe_json
from resolutions.exports.openapi import description
from tests.conftest import REPO

BASE = dict(number=2388, year=2017, symbol="S/RES/2388 (2017)", meeting="8111th")
WORKS = [
    # (work, expected pinpoint)
    (
        CitedWork(**BASE, title="", adopted_on=date(2017, 11, 21), url="https://a.example/r/"),
        "S/RES/2388 (2017)",
    ),
    (
        CitedWork(
            **BASE,
            title="Security Council resolution 2388 (2017) [on trafficking in persons]",
            adopted_on=date(2017, 11, 21),
            url="https://a.example/resolutions/2388/op31/",
            pid="op31",
            paragraph_number=31,
            subjects=("TRAFFICKING IN PERSONS", "TERRORISM"),
        ),
        "S/RES/2388 (2017), para. 31",
    ),
    (
        CitedWork(
            **BASE,
            title="Braces {and} 100% & #hash_tags $ in ~ a \\ title",
            adopted_on=None,
            url="https://a.example/resolutions/2388/pp-3/",
            pid="pp-3",
        ),
        "S/RES/2388 (2017), preambular paragraph (third from last)",
    ),
]


@pytest.mark.parametrize(("work", "pinpoint"), WORKS)
def test_bibtex_parses_to_one_entry_with_the_citation(work, pinpoint):
    library = bibtexparser.parse_string(to_bibtex(work))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.key == work.key
    assert entry.entry_type == "misc"
    assert entry["year"] == "2017"
    assert entry["url"] == work.url
    assert pinpoint.replace("%", "\\%") in entry["number"]
    assert entry["title"].startswith("{") and entry["title"].endswith("}")  # capitals kept


@pytest.mark.parametrize(("work", "pinpoint"), WORKS)
def test_ris_parses_as_zotero_reads_it(work, pinpoint):
    [record] = rispy.loads(to_ris(work))
    assert record["type_of_reference"] == "GOVDOC"
    assert record["authors"] == ["United Nations Security Council"]
    assert record["year"] == "2017"
    assert record["urls"] == [work.url]
    assert record["note"] == pinpoint  # M1: the document symbol with the pinpoint
    assert record["notes"][0].startswith(f"UN Doc {pinpoint}.")
    assert record.get("keywords", []) == list(work.subjects)


@pytest.mark.parametrize(("work", "pinpoint"), WORKS)
def test_csl_item_names_the_paragraph_as_section(work, pinpoint):
    item = to_csl(work)
    assert item["type"] == "legislation"
    assert item["number"] == "S/RES/2388 (2017)"
    assert item.get("section", "") == pinpoint.removeprefix("S/RES/2388 (2017)").lstrip(", ")
    expected = [[2017, 11, 21]] if work.adopted_on else [[2017]]
    assert item["issued"]["date-parts"] == expected


@pytest.mark.parametrize(
    "text", ["</script><script>alert(1)</script>", "a & b", "<!--", "]]>", "\u2028"]
)
def test_json_ld_can_never_close_its_script_element(text):
    written = safe_json({"name": text})
    assert "<" not in written and ">" not in written and "&" not in written
    assert json.loads(written) == {"name": text}


def test_openapi_description_is_a_valid_openapi_31_document():
    spec = description(origin="https://archive.example.org")
    validate(spec)  # raises on an invalid document
    assert spec["openapi"].startswith("3.1")


@pytest.mark.parametrize(("name", "size"), [("favicon.ico", 32), ("apple-touch-icon.png", 180)])
def test_icons_are_real_images_of_their_size(name, size):
    data = (REPO / "static" / "img" / name).read_bytes()
    png = data[data.index(b"\x89PNG") :]
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (size, size)
    assert (REPO / "static" / "img" / "favicon.svg").read_text().startswith("<svg")
