"""Sources that contradict the archive are refused, naming file and line, with nothing written;
a record never erases what it does not carry."""

import json
import shutil

import pytest

from resolutions.models import Resolution
from resolutions.parsing.document import ParseError
from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS
from tests.db.test_ingest import archive_state

pytestmark = pytest.mark.django_db

PAGE_5 = SEEDS / "004_f1bf4717b1b7b908.txt"  # S/RES/2388 (2017), page 5/8
PAGE_7 = SEEDS / "000_75238d4c9916e17c.txt"  # S/RES/2388 (2017), page 7/8

RECORD_2388 = {
    "symbol": "S/RES/2388 (2017)",
    "adoption_date": "21 November 2017",
    "agenda_item_name": "Maintenance of international peace and security",
    "adoption_type": "Adopted unanimously, 8111th meeting",
    "draft_resolution": "S/2017/973",
    "MS_in_favour": ["FRANCE", "JAPAN"],
    "sponsors": ["Italy", "Japan"],
    "subjects": [["TRAFFICKING IN PERSONS", "UNBIS Thesaurus"]],
}

# A short but real operative paragraph of S/RES/2389 (2017), as the XML gives it.
XML_2389 = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<statement name="resolution"><meta><identification source="#un">
<FRBRWork><FRBRthis value="/akn/un/statement/resolution/unsc/2017-12-08/2389/!main"/>
<FRBRuri value="/akn/un/statement/resolution/unsc/2017-12-08/2389"/>
<FRBRdate date="2017-12-08" name="adoption"/><FRBRauthor href="#unsc"/>
<FRBRcountry value="un"/><FRBRnumber value="2389"/></FRBRWork>
</identification></meta>
<preface><p><docNumber>S/RES/2389 (2017)</docNumber></p></preface>
<mainBody>
<paragraph eId="para_23"><num>23.</num><content><p>Requests the Secretary-General to report
on the situation in the Great Lakes region every six months;</p></content></paragraph>
<paragraph eId="para_24"><num>24.</num><content><p>Decides to remain seized of the
matter.</p></content></paragraph>
</mainBody></statement></akomaNtoso>
"""


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _refused(paths, *expected: str) -> str:
    before = archive_state()
    with pytest.raises(ParseError) as caught:
        ingest_paths(paths=paths)
    message = str(caught.value)
    for part in expected:
        assert part in message
    assert archive_state() == before
    return message


def test_a_record_whose_year_contradicts_the_archive_is_refused(seed_archive, tmp_path):
    record = {"symbol": "S/RES/2388 (2016)", "agenda_item_name": "Tampered agenda"}
    path = _write(tmp_path / "2016.json", "\n" + json.dumps(record) + "\n")
    _refused([path], "2016.json, line 2", "S/RES/2388 (2017)", "2016")


def test_a_page_whose_year_contradicts_the_archive_is_refused(seed_archive, tmp_path):
    # Page 8 is not held yet: nothing to compare but the year.
    text = PAGE_7.read_text(encoding="utf-8").replace("S/RES/2388 (2017)", "S/RES/2388 (2016)")
    path = _write(tmp_path / "page8.txt", text.replace("7/8", "8/8"))
    _refused([path], "page8.txt, line 1", "S/RES/2388 (2017)")


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        ("S/RES/0 (2017)", "no resolution 0"),
        ("S/RES/2388 (1930)", "before 1946"),
        ("S/RES/12 (2017)", "S/RES/12 is"),
    ],
)
def test_an_impossible_symbol_on_a_page_is_refused(seed_archive, tmp_path, header, problem):
    text = PAGE_7.read_text(encoding="utf-8").replace("S/RES/2388 (2017)", header)
    path = _write(tmp_path / "odd.txt", text)
    _refused([path], "odd.txt, line 1", problem)
    assert not Resolution.objects.filter(number=0).exists()


@pytest.mark.parametrize(
    ("symbol", "problem"),
    [("S/RES/0 (2017)", "no resolution 0"), ("S/RES/2388 (2099)", "in the future")],
)
def test_an_impossible_symbol_in_a_record_is_refused(db, tmp_path, symbol, problem):
    path = _write(tmp_path / "x.json", json.dumps({"symbol": symbol}) + "\n")
    _refused([path], "x.json, line 1", problem)


def test_a_relabelled_page_whose_text_contradicts_the_official_text_is_refused(
    seed_archive, tmp_path
):
    xml = _write(tmp_path / "S_RES_2389.xml", XML_2389)
    ingest_paths(paths=[xml])
    official = list(Resolution.objects.get(number=2389).paragraphs.values_list("text", flat=True))
    text = PAGE_7.read_text(encoding="utf-8").replace("S/RES/2388 (2017)", "S/RES/2389 (2017)")
    page = _write(tmp_path / "relabelled.txt", text)
    _refused([page], "relabelled.txt, line", "contradicts the official text of S/RES/2389 (2017)")
    paragraphs = Resolution.objects.get(number=2389).paragraphs
    assert list(paragraphs.values_list("text", flat=True)) == official
    assert all(not p for p in paragraphs.values_list("text_as_printed", flat=True)) or all(
        "Great Lakes" in p or "remain seized" in p
        for p in paragraphs.values_list("text_as_printed", flat=True)
    )


def test_a_page_number_that_moves_a_held_page_is_refused(seed_archive, tmp_path):
    text = PAGE_7.read_text(encoding="utf-8").replace("7/8", "3/8")
    page = _write(tmp_path / "moved.txt", text)
    _refused([page], "moved.txt", "page 7")


def test_pages_out_of_paragraph_order_are_refused_in_one_batch(db, tmp_path):
    shutil.copy(PAGE_5, tmp_path / "p5.txt")
    text = PAGE_7.read_text(encoding="utf-8").replace("7/8", "3/8")
    _write(tmp_path / "p3.txt", text)
    _refused([tmp_path], "p3.txt", "paragraph")


def test_a_record_never_erases_fields_it_does_not_carry(seed_archive, tmp_path):
    full = _write(tmp_path / "2017.json", json.dumps(RECORD_2388) + "\n")
    ingest_paths(paths=[full])
    before = Resolution.objects.get(number=2388)
    partial = {"symbol": "S/RES/2388 (2017)", "agenda_item_name": "Maintenance of peace"}
    later = tmp_path / "later"
    later.mkdir()
    _write(later / "2017-update.json", json.dumps(partial) + "\n")
    ingest_paths(paths=[later])
    after = Resolution.objects.get(number=2388)
    assert after.agenda == "Maintenance of peace"
    for name in ("sponsors", "subjects", "votes", "vote_in_favour", "draft_symbol", "meeting"):
        assert getattr(after, name) == getattr(before, name), name
    assert after.sponsors == ["Italy", "Japan"]
    assert after.vote_in_favour == 15 or after.vote_in_favour == before.vote_in_favour


def test_a_consistent_source_is_still_accepted(seed_archive, tmp_path):
    path = _write(tmp_path / "2017.json", json.dumps(RECORD_2388) + "\n")
    report = ingest_paths(paths=[path])
    assert report.resolutions_updated == 1
    assert Resolution.objects.get(number=2388).draft_symbol == "S/2017/973"


def test_a_resolution_dated_before_one_numbered_below_it_is_refused(seed_archive, tmp_path):
    early = XML_2389.replace("2017-12-08", "2015-12-08").replace("(2017)", "(2015)")
    path = _write(tmp_path / "2389.xml", early)
    _refused([path], "2389.xml", "S/RES/2389 is dated 2015", "S/RES/2388 (2017)", "numbering")


def test_a_synthetic_corpus_may_number_out_of_date_order(seed_archive, tmp_path):
    # The benchmarks' renumbered copies (../shared/bench-peer/corpus.py): `ingest --synthetic`.
    early = XML_2389.replace("2017-12-08", "2015-12-08").replace("(2017)", "(2015)")
    report = ingest_paths(paths=[_write(tmp_path / "2389.xml", early)], check_numbering=False)
    assert Resolution.objects.get(number=2389).year == 2015
    assert "numbering not checked" in report.summary()[-1]
