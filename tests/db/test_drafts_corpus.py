"""Checking a draft against the whole UN corpus (skips without ../shared; CI needs it): the
issue's done-when -- the text of S/RES/2388 (2017) op 31 with two words changed returns 2388 op 31
(or an earlier identical wording) first, with exactly those two changes marked."""

import pytest

from resolutions.lineage.text import words
from resolutions.models import Paragraph, Resolution
from resolutions.services.ingest import ingest_paths
from tests.db.exports_helpers import validate_response

pytestmark = [pytest.mark.corpus]


@pytest.fixture(scope="module")
def whole_corpus(corpus, django_db_setup, django_db_blocker):
    """The whole corpus, XML and records, imported once for this module's tests."""
    with django_db_blocker.unblock():
        report = ingest_paths(paths=[corpus / "xml", corpus / "metadata"])
        yield report
        Resolution.objects.all().delete()


@pytest.mark.django_db
def test_2388_op31_with_two_words_changed_is_found_first_with_those_changes(whole_corpus, client):
    op31 = Paragraph.objects.select_related("resolution").get(resolution__number=2388, pid="op31")
    assert "transparency" in op31.text and "operations and supply chains;" in op31.text
    edited = op31.text.replace("transparency", "openness").replace(
        "operations and supply chains;", "operations and delivery chains;"
    )
    draft = f"The Security Council,\n\n31. {edited}\n\n32. Decides to remain seized of the matter."
    response = client.post("/api/draft-check", {"text": draft})
    assert response.status_code == 200
    validate_response("/api/draft-check", response, "post")
    report = response.json()
    assert report["archive_paragraphs"] > 40_000
    match = report["paragraphs"][1]["match"]
    first = Paragraph.objects.select_related("resolution").get(
        resolution__symbol=match["symbol"], pid=match["id"]
    )
    # 2388 op 31 itself, or an earlier paragraph with exactly its wording.
    assert (first.resolution.number, first.pid) == (2388, "op31") or (
        words(first.text) == words(op31.text)
        and first.resolution.adopted_on <= op31.resolution.adopted_on
    )
    changed = [(c["op"], c["text"]) for c in match["changes"] if c["op"] != "equal"]
    assert changed == [
        ("delete", "transparency"),
        ("insert", "openness"),
        ("delete", "supply"),
        ("insert", "delivery"),
    ]
    assert match["percent"] >= 95
    # "Decides to remain seized of the matter." is agreed language many times over.
    seized = report["paragraphs"][2]
    assert seized["match"]["reuse"] == "identical" and seized["same_wording_in_later"] > 100


@pytest.mark.django_db
def test_the_page_shows_the_corpus_match(whole_corpus, client):
    op31 = Paragraph.objects.get(resolution__number=2388, pid="op31")
    page = client.post("/draft-check/", {"text": op31.text.replace("transparency", "openness")})
    assert page.status_code == 200
    text = page.content.decode()
    assert "S/RES/2388 (2017), para. 31</a>" in text
    assert "1 word removed, 1 added" in text
