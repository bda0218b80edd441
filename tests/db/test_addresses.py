"""Paragraphs, sub-paragraphs, annex items and footnotes as addresses a reader can cite, and
identifiers that keep naming their text when the text is read again (real resolutions of the
UN's corpus; skipped without it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from resolutions.models import Paragraph, ParagraphAlias, Resolution
from resolutions.parsing import assembly
from resolutions.services.ingest import ingest_paths

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

FILES = {
    1591: "2005/S_RES_1591_N0528789.xml",
    1996: "2011/S_RES_1996_N1140583.xml",
    2231: "2015/S_RES_2231_1512243E.xml",
    2653: "2022/S_RES_2653_2223898E.xml",
}


def ingest(corpus: Path, tmp_path: Path, *numbers: int) -> None:
    for number in numbers:
        source = corpus / "xml" / FILES[number]
        shutil.copy(source, tmp_path / source.name)
    ingest_paths(paths=[tmp_path])


def served(number: int) -> dict[str, str]:
    """Every paragraph URL of a resolution the site serves now, with the text it shows."""
    return {
        f"/resolutions/{number}/{p.pid}/": p.text
        for p in Paragraph.objects.filter(resolution__number=number)
    }


def text_at(client, url: str) -> str:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.context["paragraph"].text


def test_1996_op9_is_a_paragraph_of_its_own(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 1996)
    response = client.get("/resolutions/1996/op9/")
    assert response.status_code == 200
    nine = response.context["paragraph"]
    assert nine.text.startswith("Demands that all parties, in particular rebel militias")
    assert "Calls upon the Government" not in nine.text  # op 10 is not inside it
    numbers = Paragraph.objects.filter(resolution__number=1996, kind="operative")
    assert sorted(numbers.values_list("number", flat=True)) == list(range(1, 29))


def test_a_sub_paragraph_has_a_permalink_an_anchor_and_citations(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 2653)
    response = client.get("/resolutions/2653/op16/a/")
    assert response.status_code == 200
    html = response.content.decode()
    for value in [
        "S/RES/2653 (2022), para. 16 (a)",
        "S.C. Res. 2653, ¶ 16(a) (Oct. 21, 2022)",
        "UNSC Res 2653 (21 October 2022) UN Doc S/RES/2653, para 16(a)",
    ]:
        assert f'data-copy="{value}"' in html, value
    assert "<h1>Operative paragraph 16 (a)</h1>" in html
    assert '<meta property="og:title" content="S/RES/2653 (2022), para. 16 (a)">' in html
    assert '<meta property="og:url" content="http://testserver/resolutions/2653/op16/a/">' in html
    assert re.search(r'<meta property="og:description" content="Engaging in, directly', html)
    # On the resolution page: an anchor, and the printed label links to the permalink.
    page = client.get("/resolutions/2653/").content.decode()
    assert '<li id="op16_a"><a class="item-label" href="/resolutions/2653/op16/a/"' in page


@pytest.mark.parametrize(
    "url",
    [
        "/resolutions/2653/op16/z/",
        "/resolutions/2653/op16/a/b/",
        "/resolutions/2653/op16/A B/",
        "/resolutions/2653/op16/a/../",
        "/resolutions/2653/op16/a/%00/",
        "/resolutions/2653/op16/" + "a/" * 12,
        "/resolutions/2653/op3/a/",  # op 3 has no sub-paragraphs
    ],
)
def test_a_sub_paragraph_that_is_not_there_is_a_404(client, corpus, tmp_path, url):
    ingest(corpus, tmp_path, 2653)
    assert client.get(url).status_code == 404


def test_an_old_identifier_redirects_to_the_same_sub_paragraph(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 2653)
    op16 = Paragraph.objects.get(resolution__number=2653, pid="op16")
    ParagraphAlias.objects.create(resolution=op16.resolution, pid="old16", paragraph=op16)
    response = client.get("/resolutions/2653/old16/b/?q=arms")
    assert response.status_code == 301
    assert response["Location"] == "/resolutions/2653/op16/b/?q=arms"


def test_a_search_hit_inside_a_sub_paragraph_links_to_it(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 2653)
    hits = client.get("/search.json", {"q": '"forcible recruitment of children by such groups"'})
    found = [(hit["url"], hit["label"]) for hit in hits.json()["results"]]
    assert found[0][0].startswith("http://testserver/resolutions/2653/op16/a/?q="), found
    assert found[0][1] == "OP 16 (a)"


def test_the_nine_2231_paragraphs_1_1_have_nine_labels_and_citations(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 2231)
    ones = Paragraph.objects.filter(resolution__number=2231, label__startswith="1.1.")
    assert ones.count() == 9
    names, citations = set(), set()
    for paragraph in ones:
        response = client.get(paragraph.get_absolute_url())
        names.add(response.context["name"])
        citations.add(response.context["citations"].un)
    assert len(names) == len(citations) == 9
    assert "S/RES/2231 (2015), annex A, JCPOA Annex II, para. 1.1.3" in citations
    assert "S/RES/2231 (2015), annex A, JCPOA Annex IV, para. 1.1" in citations


def test_footnote_markers_stand_in_the_text_and_link_both_ways(client, corpus, tmp_path):
    ingest(corpus, tmp_path, 2231)
    page = client.get("/resolutions/2231/").content.decode()
    marker = '<sup class="fn-mark" id="fnref-fn1"><a href="/resolutions/2231/#fn1"'
    assert marker in page
    assert 'id="fn1"' in page
    assert page.index(marker) < page.index('id="fn1"')
    note = client.get("/resolutions/2231/fn1/").content.decode()
    assert 'class="fn-back" href="/resolutions/2231/#fnref-fn1"' in note
    # The marker sits after the words it annotates, which are still in the searched text.
    annotated = Paragraph.objects.get(resolution__number=2231, pid="annex1-31")
    at = annotated.addressing["notes"][0][0]
    assert annotated.text[:at].endswith("as specified in Annex V.")


# --- identifiers that never move --------------------------------------------------------------

NEW_PREAMBLE = (
    '<container name="Stressing" eId="container_x"><p xml:space="preserve">'
    "<span>Stressing</span> a paragraph the corrected text inserts,</p></container>"
)
NEW_OPERATIVE = (
    '<paragraph eId="para_x" class="SingleTxt"><num>3.</num><content eId="para_x_content">'
    '<p xml:space="preserve">Decides a paragraph the corrected text inserts;</p>'
    "</content></paragraph>"
)


def _renumbered(body: str) -> str:
    """Operative numbers from 3 up moved one on: "<num>3.</num>" -> "<num>4.</num>"."""

    def bump(match: re.Match) -> str:
        number = int(match.group(1))
        return f"<num>{number + 1 if number >= 3 else number}.</num>"

    return re.sub(r"<num>(\d+)\.</num>", bump, body)


def corrected_2653(corpus: Path, *, insert: bool) -> bytes:
    """S/RES/2653 (2022) as a corrected text would come: a preambular paragraph and an
    operative paragraph 3 inserted (the rest renumbered), or the second preambular paragraph
    and operative paragraph 3 removed."""
    xml = (corpus / "xml" / FILES[2653]).read_text()
    head, rest = xml.split("<mainBody>", 1)
    body, tail = rest.split("</mainBody>", 1)
    third = re.search(r'<paragraph eId="para_26"', body)
    assert third, "the file changed: operative paragraph 3 is no longer para_26"
    if insert:
        head = head.replace(
            '<container name="Recalling"', NEW_PREAMBLE + '<container name="Recalling"', 1
        )
        body = (
            _renumbered(body[: third.start()]) + NEW_OPERATIVE + _renumbered(body[third.start() :])
        )
    else:
        head = re.sub(r'<container name="Recalling".*?</container>', "", head, count=1, flags=re.S)
        end = body.index("</paragraph>", third.start()) + len("</paragraph>")
        body = body[: third.start()] + body[end:]
    return f"{head}<mainBody>{body}</mainBody>{tail}".encode()


@pytest.mark.parametrize("insert", [True, False], ids=["inserted", "removed"])
def test_every_served_url_still_shows_its_text_after_a_corrected_text(
    client, corpus, tmp_path, insert
):
    ingest(corpus, tmp_path, 2653)
    before = served(2653)
    subs = {
        f"{url}{item['key']}/": item["text"]
        for url, p in zip(before, Paragraph.objects.filter(resolution__number=2653), strict=True)
        if p.structure
        for item in p.structure["items"]
    }
    corrected = tmp_path / "corrected"
    corrected.mkdir()
    (corrected / "S_RES_2653_corrected.xml").write_bytes(corrected_2653(corpus, insert=insert))
    Resolution.objects.get(number=2653).sources.all().delete()  # the corrected text replaces it
    ingest_paths(paths=[corrected])

    gone = set()
    if not insert:
        gone = {"/resolutions/2653/pp2/", "/resolutions/2653/op3/"}
        assert before["/resolutions/2653/pp2/"].startswith("Recalling all its previous")
    for url, text in before.items():
        if url in gone:
            assert client.get(url, follow=True).status_code == 200  # to the paragraph nearby
        else:
            assert text_at(client, url) == text, url
    for url, text in subs.items():
        response = client.get(url, follow=True)
        if response.status_code == 200 and url not in gone:
            page = response.content.decode()
            assert text.split()[0] in page, url
    if insert:
        added = Paragraph.objects.get(resolution__number=2653, text__startswith="Decides a para")
        assert added.number == 3 and added.pid not in {u.split("/")[3] for u in before}
        # A paragraph whose kept identifier no longer says its number is cited by its number.
        moved = Paragraph.objects.get(resolution__number=2653, pid="op3")
        assert moved.number == 4
        assert client.get("/resolutions/2653/op3/").context["citations"].un.endswith("para. 4")
        lines = client.get("/resolutions/2653.txt").content.decode().splitlines()
        assert "3. Decides a paragraph the corrected text inserts;" in lines
        assert f"4. {moved.text}" in lines


def test_ids_served_by_the_old_reader_resolve_after_the_new_one(
    client, corpus, tmp_path, monkeypatch
):
    # The reader before this change left S/RES/1591 (2005) paragraphs 4-9 inside 3.
    monkeypatch.setattr(assembly, "promote_nested", lambda drafts, warnings, make: drafts)
    ingest(corpus, tmp_path, 1591)
    before = served(1591)
    assert "/resolutions/1591/op4/" not in before
    monkeypatch.undo()
    report = ingest_paths(paths=[tmp_path])
    assert any("operative paragraphs 4–9 were nested" in w for w in report.warnings)
    for url, text in before.items():
        shown = text_at(client, url)
        if url.endswith("/op3/"):
            assert text.startswith(shown.rstrip(";"))  # op 3 without what followed it
        else:
            assert shown == text, url
    assert text_at(client, "/resolutions/1591/op9/").startswith("Decides to remain")
