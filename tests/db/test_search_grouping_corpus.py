"""Grouped search on the whole UN corpus, on SQLite and PostgreSQL alike (the issue's done-when:
grouped search for "procurement and supply chains" works on both engines).

Skips without ../shared; CI needs it. The corpus is imported once for the module; the lineage,
off at ingest by default, is computed incrementally for the resolutions whose paragraphs the
searches below match (``lineage_update`` computes each of their paragraphs' links against every
paragraph of the archive, so their origins are exact) -- a fraction of the whole computation.
"""

import pytest

from resolutions.lineage.services import lineage_update
from resolutions.models import Resolution
from resolutions.search import SearchFilters, search_paragraphs
from resolutions.services.ingest import ingest_paths

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

PHRASE = "procurement and supply chains"
MINERALS = '"supply chains" minerals'
EARLY = SearchFilters(year_from=2010, year_to=2014)


@pytest.fixture(scope="module")
def corpus_with_lineage(corpus, django_db_setup, django_db_blocker):
    """The whole corpus, with the lineage of the resolutions the searches here match."""
    with django_db_blocker.unblock():
        ingest_paths(paths=[corpus / "xml", corpus / "metadata"])
        involved = set()
        for query, filters in ((PHRASE, None), (MINERALS, EARLY)):
            results = search_paragraphs(query=query, filters=filters, per_page=100)
            assert 0 < results.total <= 100
            involved |= {hit.paragraph.resolution_id for hit in results.hits}
        counts = lineage_update(resolution_ids=involved)
        assert counts.created > 0
        yield
        Resolution.objects.all().delete()


def cited(paragraph) -> tuple[int, str]:
    return (paragraph.resolution.number, paragraph.pid)


def test_procurement_and_supply_chains_grouped(corpus_with_lineage, client):
    results = search_paragraphs(query=PHRASE, grouped=True)
    assert (results.total, results.total_wordings) == (3, 3)
    hits = {cited(hit.paragraph): hit for hit in results.hits}
    assert set(hits) == {(2331, "op23"), (2388, "op31"), (2687, "op29")}
    # Each is where its own wording was first agreed, and no other resolution repeats it.
    for hit in hits.values():
        assert cited(hit.wording.origin) == cited(hit.paragraph)
        assert (hit.wording.paragraphs, hit.wording.later) == (1, 0)
    assert hits[(2388, "op31")] is results.hits[0]  # all the words together, first
    page = client.get("/search/", {"q": PHRASE})
    text = page.content.decode()
    assert page.status_code == 200 and "3 paragraphs" in text and "in 3 wordings" in text
    data = client.get("/search.json", {"q": PHRASE, "group": "on"}).json()
    assert (data["total"], data["total_wordings"]) == (3, 3)


def test_a_renewed_wording_is_one_hit(corpus_with_lineage):
    flat = search_paragraphs(query=MINERALS, filters=EARLY, per_page=100)
    results = search_paragraphs(query=MINERALS, filters=EARLY, grouped=True, per_page=100)
    assert flat.total == results.total == 5
    assert results.total_wordings == 3
    hits = {cited(hit.paragraph): hit for hit in results.hits}
    # The DRC sanctions renewals repeat 2078 (2012) OP 14 word for word or nearly.
    drc = hits[(2078, "op14")].wording
    assert cited(drc.origin) == (2078, "op14")
    assert [m.resolution.number for m in drc.members] == [2136] and drc.later == 1
    assert [m.resolution.number for m in hits[(2101, "op25")].wording.members] == [2153]
    assert hits[(1952, "op8")].wording.paragraphs == 1
    listed = {cited(h.paragraph) for h in flat.hits}
    grouped = set(hits) | {cited(m) for h in results.hits for m in h.wording.members}
    assert grouped == listed
