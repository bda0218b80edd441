"""Over the whole corpus: every link the archive draws resolves, and a backup restored into
an emptied database serves the archive identically (skips without ../shared; CI needs it)."""

import random

import pytest
from django.core.management import call_command
from django.db import connection

from resolutions.models import CrossReference, Paragraph, ParagraphAlias, Resolution, Source
from resolutions.serializers import resolution_export
from resolutions.services.ingest import ingest_paths
from resolutions.templatetags.archive import reference_href
from tests.db.test_backup import empty_every_table, served

pytestmark = [pytest.mark.corpus]


@pytest.fixture(scope="module")
def whole_corpus(corpus, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        report = ingest_paths(paths=[corpus / "xml", corpus / "metadata"])
        yield report
        empty_every_table()


@pytest.mark.django_db
def test_every_link_the_archive_draws_resolves(whole_corpus, client):
    pids = set(Paragraph.objects.values_list("resolution__number", "pid"))
    pids |= set(ParagraphAlias.objects.values_list("resolution__number", "pid"))
    references = CrossReference.objects.select_related("paragraph__resolution", "target")
    internal, broken = [], []
    for reference in references.iterator(chunk_size=2000):
        number = reference.paragraph.resolution.number
        href = reference_href(reference, number=number)
        if not href.startswith("/"):
            continue  # an official document elsewhere, or no link at all
        if reference.kind == CrossReference.INTERNAL:
            internal.append(href)
            if (number, reference.target_paragraph) not in pids:
                broken.append(f"{number} {reference.paragraph.pid} -> {href}")
        elif reference.target_paragraph:
            if (reference.target.number, reference.target_paragraph) not in pids:
                broken.append(f"{number} {reference.paragraph.pid} -> {href}")
    assert len(internal) > 2500
    assert broken == []
    sample = sorted(set(internal))
    for href in random.Random(16).sample(sample, 150):
        assert client.get(href).status_code == 200, href


def everything() -> dict[str, list]:
    """Every row of the archive's tables, as values: equal means the same archive."""
    return {
        model._meta.label: sorted(model.objects.values_list(), key=repr)
        for model in (Resolution, Source, Paragraph, ParagraphAlias, CrossReference)
    }


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the corpus round trip runs in the PostgreSQL leg: SQLite's loaddata, row by row "
    "through the full-text triggers, takes over 15 minutes here; the seeds' round trip "
    "(tests/db/test_backup.py) runs on both engines",
)
def test_a_restored_corpus_serves_the_archive_identically(whole_corpus, client, tmp_path):
    numbers = list(Resolution.objects.order_by("number").values_list("number", flat=True))
    exported = {number: resolution_export(number=number) for number in numbers[::20]}
    rows = everything()
    paragraphs = list(Paragraph.objects.values_list("resolution__number", "pid"))
    urls = [f"/resolutions/{n}/{pid}/" for n, pid in random.Random(12).sample(paragraphs, 100)]
    urls += [f"/resolutions/{n}/" for n in numbers[::50]] + ["/search/?q=trafficking+in+persons"]
    pages = served(client, urls)
    backup = tmp_path / "corpus.json.gz"
    call_command("dumpdata", exclude=["contenttypes"], output=str(backup), verbosity=0)
    empty_every_table()
    call_command("loaddata", str(backup), verbosity=0)
    restored_rows = everything()
    # Compared table by table: a difference names the table, not a diff of 50,000 rows.
    assert [label for label in rows if restored_rows[label] != rows[label]] == []
    assert {n: resolution_export(number=n) for n in exported} == exported
    restored = served(client, urls)
    assert [url for url in urls if restored[url] != pages[url]] == []
