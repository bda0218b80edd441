"""Ingesting the seed page texts: what lands in the archive, idempotency, all-or-nothing."""

import json
import shutil

import pytest
from django.core.management import CommandError, call_command

from resolutions.models import CrossReference, Paragraph, ParagraphAlias, Resolution, Source
from resolutions.parsing.document import ParseError
from resolutions.serializers import resolution_export
from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def archive_state() -> dict:
    """Everything a user could see, without row ids: equal states mean equal archives."""
    return {
        "resolutions": sorted(
            Resolution.objects.values_list(
                "number", "symbol", "pages_total", "job_number", "text_source", "adopted_on"
            )
        ),
        "sources": sorted(Source.objects.values_list("format", "file_name", "page_number")),
        "paragraphs": sorted(
            Paragraph.objects.values_list(
                "resolution__number",
                "pid",
                "kind",
                "number",
                "position",
                "text",
                "text_as_printed",
                "begins_on_missing_page",
                "ends_on_missing_page",
            )
        ),
        "pages": sorted(
            (n, pid, tuple(p))
            for n, pid, p in Paragraph.objects.values_list("resolution__number", "pid", "pages")
        ),
        "references": sorted(
            CrossReference.objects.values_list(
                "paragraph__resolution__number",
                "paragraph__pid",
                "cited_symbol",
                "as_written",
                "target__number",
            ),
            key=repr,
        ),
        "aliases": sorted(
            ParagraphAlias.objects.values_list("resolution__number", "pid", "paragraph__pid")
        ),
    }


def test_seeds_give_two_resolutions_with_the_pages_the_issue_names(seed_archive):
    assert list(Resolution.objects.order_by("number").values_list("symbol", flat=True)) == [
        "S/RES/2331 (2016)",
        "S/RES/2388 (2017)",
    ]
    data = resolution_export(number=2388)
    assert data["pages_total"] == 8
    assert data["pages_present"] == [4, 5, 7]
    ids = [p["id"] for p in data["paragraphs"]]
    assert ids == ["pp-3", "pp-2", "pp-1"] + [f"op{n}" for n in range(1, 15)] + [
        f"op{n}" for n in range(23, 32)
    ]
    assert resolution_export(number=2331)["pages_present"] == [7, 8]
    assert [p["id"] for p in resolution_export(number=2331)["paragraphs"]] == [
        f"op{n}" for n in range(16, 25)
    ]


def test_paragraph_across_pages_is_joined_and_fragments_are_marked(seed_archive):
    data = {p["id"]: p for p in resolution_export(number=2388)["paragraphs"]}
    assert data["op6"]["pages"] == [4, 5]
    assert "in order to identify and analyse financial intelligence" in data["op6"]["text"]
    assert data["op23"]["begins_on_missing_page"] is True
    assert data["op23"]["pages"] == [7]
    assert data["op31"]["ends_on_missing_page"] is True
    assert data["op14"]["ends_on_missing_page"] is False
    assert data["op31"]["text"].startswith(
        "Calls upon United Nations system organizations to enhance transparency in their "
        "procurement and supply chains"
    )


def test_text_is_repaired_and_printed_text_kept(seed_archive):
    op23 = Paragraph.objects.get(resolution__number=2331, pid="op23")
    assert "Inter-Agency Coordination Group" in op23.text
    assert "to prevent and counter" in op23.text
    assert "options for:" in op23.text
    assert "Security Council-mandated peacekeeping" in op23.text
    assert "preve nt" in op23.text_as_printed
    assert "Inter -Agency" in op23.text_as_printed


def test_json_form_has_exactly_the_documented_keys(seed_archive):
    data = resolution_export(number=2388)
    assert list(data) == [
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
    ]
    op29 = next(p for p in data["paragraphs"] if p["id"] == "op29")
    assert list(op29) == [
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
    ]
    assert op29["url"] == "/resolutions/2388/op29/"
    assert op29["references"] == [
        {
            "cited": "S/RES/2379 (2017)",
            "number": 2379,
            "year": 2017,
            "as_written": "Resolution 2379 (2017)",
        }
    ]


def test_references_without_years_and_split_across_lines(seed_archive):
    refs = lambda number, pid: list(  # noqa: E731
        CrossReference.objects.filter(paragraph__resolution__number=number, paragraph__pid=pid)
        .order_by("position")
        .values_list("cited_number", "cited_year")
    )
    assert refs(2331, "op18") == [(1960, None), (2106, None)]
    assert refs(2388, "op11") == [(1267, 1999), (1989, 2011), (2253, 2015), (2368, 2017)]


def test_second_ingest_changes_nothing(seed_archive):
    before = archive_state()
    again = ingest_paths(paths=[SEEDS])
    assert not again.changed
    assert "nothing changed" in again.summary()
    assert archive_state() == before


def test_pages_given_one_at_a_time_give_the_same_archive(seed_archive, tmp_path):
    together = archive_state()
    Resolution.objects.all().delete()
    for path in sorted(SEEDS.iterdir(), reverse=True):
        ingest_paths(paths=[path])
    assert archive_state() == together


def test_broken_file_leaves_the_archive_as_it_was(seed_archive, tmp_path):
    before = archive_state()
    shutil.copy(next(SEEDS.iterdir()), tmp_path / "good.txt")
    (tmp_path / "broken.txt").write_bytes(b"Minutes of a meeting\nnot a resolution\n")
    with pytest.raises(ParseError) as caught:
        ingest_paths(paths=[tmp_path])
    assert "broken.txt" in str(caught.value)
    assert "line 1" in str(caught.value)
    assert archive_state() == before


def test_a_page_that_contradicts_the_archive_is_refused(seed_archive, tmp_path):
    before = archive_state()
    original = (SEEDS / "004_f1bf4717b1b7b908.txt").read_text(encoding="utf-8")
    (tmp_path / "page5-again.txt").write_text(
        original.replace("Recognizes the need", "Recognises the need"), encoding="utf-8"
    )
    with pytest.raises(ParseError) as caught:
        ingest_paths(paths=[tmp_path])
    assert "page5-again.txt" in str(caught.value)
    assert "page 5 of S/RES/2388 (2017)" in str(caught.value)
    assert archive_state() == before


def test_dry_run_writes_nothing(db):
    report = ingest_paths(paths=[SEEDS], dry_run=True)
    assert report.changed
    assert Resolution.objects.count() == 0
    assert "dry run: nothing was written" in report.summary()


def test_ingest_command_prints_a_summary_and_fails_clearly(db, tmp_path, capsys):
    call_command("ingest", str(SEEDS))
    out = capsys.readouterr().out
    assert "resolutions: 2 new" in out
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError) as caught:
        call_command("ingest", str(tmp_path / "empty.txt"))
    assert "empty.txt" in str(caught.value)
    assert "Nothing was written." in str(caught.value)


def test_export_json_command(seed_archive, capsys):
    call_command("export_json", "2331")
    data = json.loads(capsys.readouterr().out)
    assert data["symbol"] == "S/RES/2331 (2016)"
    assert data["paragraphs"][0]["begins_on_missing_page"] is True
    with pytest.raises(CommandError, match="not in the archive"):
        call_command("export_json", "9999")


def test_sources_are_kept_verbatim(seed_archive):
    for path in SEEDS.iterdir():
        text = path.read_text(encoding="utf-8")
        assert Source.objects.filter(raw_text=text, file_name=path.name).exists()


def _record_line(**fields) -> str:
    record = {"symbol": "S/RES/2388 (2017)", "adoption_date": "21 November 2017"}
    return json.dumps({**record, **fields})


def test_a_record_file_with_a_byte_order_mark_gives_the_same_record(db, tmp_path):
    (tmp_path / "2017.json").write_bytes(b"\xef\xbb\xbf" + _record_line().encode() + b"\n")
    (tmp_path / "2018.json").write_bytes(_record_line().encode() + b"\n")
    report = ingest_paths(paths=[tmp_path])
    assert report.warnings == []
    assert (report.records_added, report.duplicates_skipped) == (1, 1)
    assert Source.objects.get(format="record").raw_text == _record_line()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"draft_resolution": "S/2017/" + "9" * 40},
            "2017.json, line 2: draft_symbol is longer than the archive holds (47 > 40 characters)",
        ),
        (
            {"adoption_type": "x" * 201},
            "2017.json, line 2: adoption_type is longer than the archive holds "
            "(201 > 200 characters)",
        ),
    ],
)
def test_a_record_value_too_long_to_store_is_refused_on_every_engine(
    seed_archive, tmp_path, fields, message
):
    before = archive_state()
    lines = [_record_line(symbol="S/RES/2331 (2016)"), _record_line(**fields)]
    (tmp_path / "2017.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        ingest_paths(paths=[tmp_path])
    assert str(caught.value) == message
    assert archive_state() == before


@pytest.mark.postgres
def test_an_ingest_leaves_postgresql_with_planner_statistics(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")

    def estimated_rows() -> float:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'resolutions_paragraph'")
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE resolutions_paragraph")  # statistics of the empty table
    assert estimated_rows() == 0
    ingest_paths(paths=[SEEDS])
    assert estimated_rows() == Paragraph.objects.count()
