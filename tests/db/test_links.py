"""A link the archive draws leads somewhere: a citation of a paragraph the resolution does not
have stays text."""

import pytest

from resolutions.models import CrossReference
from resolutions.services.ingest import ingest_paths
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def test_a_citation_of_a_paragraph_that_is_not_there_is_not_a_link(client, tmp_path):
    for path in SEEDS.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace(
            "24. Requests the Secretary-General",
            "24. Requests, as in paragraph 30 above and paragraph 99 below, the Secretary-General",
        )
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    ingest_paths(paths=[tmp_path])
    internal = dict(
        CrossReference.objects.filter(
            paragraph__resolution__number=2388, paragraph__pid="op24", kind="internal"
        ).values_list("as_written", "target_paragraph")
    )
    assert internal == {"paragraph 30": "op30", "paragraph 99": ""}
    html = client.get("/resolutions/2388/op24/").content.decode()
    assert '<a href="/resolutions/2388/op30/">paragraph 30</a> above' in html
    assert "paragraph 99 below" in html
    assert "/resolutions/2388/op99/" not in html
