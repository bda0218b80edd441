"""Page texts and the official XML of the same resolution: merged the same in either order."""

import pytest

from resolutions.models import Paragraph, ParagraphAlias, Resolution
from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS
from tests.db.test_ingest import archive_state

pytestmark = [pytest.mark.corpus]


def xml_of(corpus, number: int):
    return next((corpus / "xml").glob(f"*/S_RES_{number}_*.xml"))


@pytest.mark.django_db
def test_seeds_then_xml_equals_xml_then_seeds(corpus):
    official = [xml_of(corpus, 2331), xml_of(corpus, 2388)]
    ingest_paths(paths=[SEEDS])
    seeds_first_ids = set(
        Paragraph.objects.filter(resolution__number=2388).values_list("pid", flat=True)
    )
    report = ingest_paths(paths=official)
    first = archive_state()
    Resolution.objects.all().delete()
    ingest_paths(paths=official)
    ingest_paths(paths=[SEEDS])
    assert archive_state() == first
    # Every identifier the page texts gave still resolves, to the same paragraph's text.
    aliases = dict(
        ParagraphAlias.objects.filter(resolution__number=2388).values_list("pid", "paragraph__pid")
    )
    current = set(Paragraph.objects.filter(resolution__number=2388).values_list("pid", flat=True))
    assert all(pid in current or pid in aliases for pid in seeds_first_ids)
    assert aliases["pp-1"] == "pp24"
    assert any(line.startswith("2388: ") for line in report.comparisons)


@pytest.mark.django_db
def test_merged_text_is_official_and_keeps_page_provenance(corpus):
    ingest_paths(paths=[SEEDS, xml_of(corpus, 2388)])
    op6 = Paragraph.objects.get(resolution__number=2388, pid="op6")
    assert op6.pages == [4, 5]
    assert "money-laundering" in op6.text  # the official text, not the print's "money laundering"
    op31 = Paragraph.objects.get(resolution__number=2388, pid="op31")
    assert op31.ends_on_missing_page is False
    assert op31.text.endswith("in their operations and supply chains;")
    assert op31.pages == [7]


@pytest.mark.django_db
def test_records_and_xml_give_the_same_resolution_in_either_order(corpus, tmp_path):
    record_line = next(
        line
        for line in (corpus / "metadata" / "2018.json").read_text(encoding="utf-8").splitlines()
        if '"S/RES/2423 (2018)"' in line
    )
    (tmp_path / "2018.json").write_text(record_line + "\n", encoding="utf-8")
    ingest_paths(paths=[xml_of(corpus, 2423)])
    ingest_paths(paths=[tmp_path / "2018.json"])
    first = archive_state(), list(Resolution.objects.values().order_by("number"))
    Resolution.objects.all().delete()
    ingest_paths(paths=[tmp_path / "2018.json"])
    ingest_paths(paths=[xml_of(corpus, 2423)])
    second = archive_state(), list(Resolution.objects.values().order_by("number"))

    def without_volatile(state):
        structure, rows = state
        return structure, [
            {k: v for k, v in row.items() if k not in ("id", "updated_at")} for row in rows
        ]

    assert without_volatile(first) == without_volatile(second)
    assert Resolution.objects.get(number=2423).meeting == "8298th"
