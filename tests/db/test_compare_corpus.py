"""Comparing resolutions of the UN's Akoma Ntoso corpus (skips without ../shared; CI needs it).

Only the resolutions these tests read are imported (the trafficking pair, the Libya
migrant-smuggling renewals, S/RES/2231 and S/RES/1929), and their lineage computed, so the
module takes seconds rather than the whole corpus's minutes.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from resolutions.lineage.selectors import resolution_comparison_get, resolution_most_reused_get
from resolutions.lineage.services import lineage_update
from resolutions.models import Resolution
from resolutions.services.ingest import ingest_paths

pytestmark = [pytest.mark.corpus]

# The renewals of the authorizations to inspect vessels off Libya suspected of migrant
# smuggling and human trafficking (S/RES/2240 (2015) and each year since), in order.
LIBYA_SERIES = [2240, 2312, 2380, 2437, 2491, 2546, 2598, 2652]
OTHERS = [2331, 2388, 2231, 1929]


def _files(corpus, numbers):
    found = []
    for number in numbers:
        matches = sorted((corpus / "xml").glob(f"*/S_RES_{number}[_ ]*.xml"))
        assert matches, f"S/RES/{number} is not in the corpus"
        found.append(matches[0])
    return found


@pytest.fixture(scope="module")
def some_resolutions(corpus, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ingest_paths(paths=_files(corpus, LIBYA_SERIES + OTHERS))
        lineage_update()
        yield
        Resolution.objects.all().delete()


def _pairs(number: int, other: int) -> dict[str, tuple[str | None, str, int]]:
    """{later pid: (earlier pid, status, percent)} of the comparison."""
    found = Resolution.objects.in_bulk([number, other], field_name="number")
    comparison = resolution_comparison_get(first=found[number], second=found[other])
    return {
        row.later.paragraph.pid: (
            row.earlier.paragraph.pid if row.earlier else None,
            row.status,
            row.percent,
        )
        for section in comparison.sections
        for row in section.rows
        if row.later
    }


@pytest.mark.django_db
def test_2388_op12_is_2331_op16_changed(client, some_resolutions):
    pairs = _pairs(2388, 2331)
    earlier, status, percent = pairs["op12"]
    assert (earlier, status) == ("op16", "changed")
    assert 80 <= percent < 100
    html = client.get("/resolutions/2388/compare/2331/").content.decode()
    row = next(r for r in html.split("<tr ") if 'href="/resolutions/2388/op12/"' in r)
    assert 'href="/resolutions/2331/op16/"' in row
    assert "S/RES/2388 (2017), para. 12" in row and "S/RES/2331 (2016), para. 16" in row
    assert "<ins>" in row and "cmp__row--changed" in row


@pytest.mark.django_db
def test_2388_and_2331_preambles_pair_only_with_preambles(some_resolutions):
    for later, (earlier, _status, _percent) in _pairs(2388, 2331).items():
        if earlier is not None:
            assert later[:2] == earlier[:2], (later, earlier)


@pytest.mark.django_db
@pytest.mark.parametrize("previous, renewal", list(pairwise(LIBYA_SERIES)))
def test_a_renewal_most_reuses_the_previous_renewal(client, some_resolutions, previous, renewal):
    resolution = Resolution.objects.get(number=renewal)
    assert resolution_most_reused_get(resolution=resolution).number == previous
    html = client.get(f"/resolutions/{renewal}/").content.decode()
    assert f'href="/resolutions/{renewal}/compare/{previous}/"' in html


@pytest.mark.django_db
def test_a_renewal_keeps_most_of_its_text(client, some_resolutions):
    html = client.get("/resolutions/2652/compare/2598/").content.decode()
    found = dict(re.findall(r'cmp-count--(\w+)"><strong>(\d+)</strong>', html))
    assert int(found["kept"]) + int(found["changed"]) >= 10
    assert int(found["new"]) + int(found["dropped"]) <= 2


@pytest.mark.django_db
def test_a_long_resolution_with_annexes_compares(client, some_resolutions):
    """S/RES/2231 (2015) carries the JCPOA: well over a thousand annex paragraphs."""
    response = client.get("/resolutions/2231/compare/1929/")
    assert response.status_code == 200
    html = response.content.decode()
    assert ">Annexes</h2>" in html and ">Preamble</h2>" in html
    assert html.count('class="cmp__row') > 1000
