"""Identifiers once served keep resolving to the same paragraph through successive re-numberings
(resolutions.services.sync), called with plans directly so each step is explicit."""

import pytest

from resolutions.models import ParagraphAlias
from resolutions.services.merge import Plan, PlannedParagraph
from resolutions.services.sync import paragraphs_sync
from tests.factories import make_resolution

pytestmark = pytest.mark.django_db


def planned(pid: str, position: int, text: str) -> PlannedParagraph:
    return PlannedParagraph(
        pid=pid,
        kind="preambular",
        number=None,
        label="",
        annex="",
        position=position,
        text=text,
        text_as_printed=text,
        structure=None,
        pages=(),
        begins_on_missing_page=False,
        ends_on_missing_page=False,
        addresses_trafficking=False,
        references=(),
    )


def plan(*paragraphs: tuple[str, str], aliases: dict[str, str] | None = None) -> Plan:
    rows = tuple(planned(pid, position, text) for position, (pid, text) in enumerate(paragraphs, 1))
    return Plan(paragraphs=rows, aliases=aliases or {}, comparison=None)


def resolves_to(resolution, pid: str) -> str:
    return ParagraphAlias.objects.get(resolution=resolution, pid=pid).paragraph.text


def test_an_alias_follows_its_paragraph_through_a_second_renumbering():
    # Page 4 alone (neither end of the preamble held), then the last pages, then the XML.
    resolution = make_resolution()
    paragraphs_sync(resolution=resolution, plan=plan(("pp-p4-1", "Recalling")))
    paragraphs_sync(
        resolution=resolution,
        plan=plan(("pp-2", "Recalling"), ("pp-1", "Noting"), aliases={"pp-p4-1": "pp-2"}),
    )
    paragraphs_sync(
        resolution=resolution,
        plan=plan(
            ("pp1", "Reaffirming"),
            ("pp2", "Recalling"),
            ("pp3", "Noting"),
            aliases={"pp-2": "pp2", "pp-1": "pp3"},
        ),
    )
    assert resolves_to(resolution, "pp-2") == "Recalling"
    assert resolves_to(resolution, "pp-p4-1") == "Recalling"
