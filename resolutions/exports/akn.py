"""A resolution as Akoma Ntoso XML (AKN4UN shape), written so the archive's own AKN reader
(:func:`resolutions.parsing.akn.parse_akn`) reads back the same paragraphs: same identifiers,
kinds, numbers and texts.

In: a resolution with its paragraphs (model instances, in order). Out: UTF-8 XML bytes.
The shape follows the UN's files: a ``<coverPage>`` with the symbol, adoption date and
meeting; preambular paragraphs as ``<container>``s in the ``<preamble>``; operative
paragraphs as numbered ``<paragraph>``s in the ``<mainBody>``, sub-paragraphs as a
``<list>`` of ``<point>``s; annexes as attached ``<doc name="annex">``; footnotes as
``<authorialNote>`` at the end of the body. ElementTree writes it (the standard library:
escaping is the serializer's business, never string concatenation).

A text the archive holds only in part (page texts with missing pages) is exported as what
is held; the paragraphs that run onto a missing page keep their partial words.

Example::

    data = resolution_akn(resolution, origin="https://archive.example.org")
    parse_akn("S_RES_2388.xml", data).paragraphs[0].number  # 1
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from resolutions.models import Paragraph, Resolution
from resolutions.parsing.markup import AKN_NS

ET.register_namespace("", AKN_NS)
_A = "{" + AKN_NS + "}"


def _el(parent: ET.Element, tag: str, text: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, _A + tag, {k.rstrip("_"): v for k, v in attributes.items()})
    if text:
        element.text = text
    return element


def _frbr(meta: ET.Element, resolution: Resolution, origin: str) -> None:
    day = resolution.adopted_on.isoformat() if resolution.adopted_on else str(resolution.year)
    work = f"/akn/un/statement/deliberation/unsc/{day}/{resolution.number}-{resolution.year}/"
    identification = _el(meta, "identification", source="#archive")
    for level, this, extra in (
        ("FRBRWork", work, None),
        ("FRBRExpression", work + "eng@/", "eng"),
        ("FRBRManifestation", work + "eng@/main.xml", None),
    ):
        frbr = _el(identification, level)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=this)
        _el(frbr, "FRBRdate", date=day, name="adoption")
        _el(frbr, "FRBRauthor", href="#sc", as_="author")
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value="un")
        if extra:
            _el(frbr, "FRBRlanguage", language=extra)
    if resolution.title:
        classification = _el(meta, "classification", source="#archive")
        _el(
            classification,
            "keyword",
            value=resolution.title,
            showAs=resolution.title,
            dictionary="archive",
            refersTo="title",
        )
    references = _el(meta, "references", source="#archive")
    _el(
        references,
        "TLCOrganization",
        eId="sc",
        href="/ontology/organization/un/sc",
        showAs="Security Council",
    )
    _el(
        references,
        "TLCOrganization",
        eId="archive",
        href=origin + "/",
        showAs="Security Council Trafficking in Persons Archive",
    )


def _cover(statement: ET.Element, resolution: Resolution) -> None:
    cover = _el(statement, "coverPage")
    _el(_el(cover, "p"), "docAuthority", "United Nations", refersTo="#publisher")
    _el(_el(cover, "p"), "docNumber", resolution.symbol, refersTo="#symbol")
    _el(_el(cover, "p"), "docAuthority", "Security Council", refersTo="#issuingBody")
    _el(
        _el(cover, "p"),
        "docTitle",
        f"Resolution {resolution.number} ({resolution.year})",
        refersTo="#resolutionNumber",
    )
    if resolution.adopted_on or resolution.meeting:
        title = _el(_el(cover, "p"), "docTitle", refersTo="#adoption")
        title.text = "Adopted by the Security Council"
        tail_holder = title
        if resolution.meeting:
            title.text += " at its "
            meeting = _el(
                title,
                "inline",
                f"{resolution.meeting} meeting",
                name="adoptionMeeting",
                title=resolution.meeting,
            )
            tail_holder = meeting
        if resolution.adopted_on:
            tail_holder.tail = (tail_holder.tail or "") + (
                ", on " if resolution.meeting else " on "
            )
            day = resolution.adopted_on
            _el(
                title,
                "docDate",
                f"{day.day} {day:%B %Y}",
                date=day.isoformat(),
                refersTo="#adoptionDate",
            )
    if resolution.job_number:
        _el(_el(cover, "p"), "docketNumber", resolution.job_number)


def _text(parent: ET.Element, text: str, italics) -> ET.Element:
    """A ``<p>`` holding ``text``, with the ``italics`` spans ([start, end] offsets) as
    ``<span class="italic">``, as the UN's files mark the operative verbs."""
    element = _el(parent, "p")
    cursor, last = 0, None
    for start, end in sorted(tuple(span) for span in italics or ()):
        if start < cursor or end > len(text):
            continue  # overlapping or out of range: keep the words, drop the mark
        if last is None:
            element.text = text[cursor:start]
        else:
            last.tail = text[cursor:start]
        last = _el(element, "span", text[start:end], class_="italic")
        cursor = end
    if last is None:
        element.text = text[cursor:]
    else:
        last.tail = text[cursor:]
    return element


def _points(parent: ET.Element, items: list[dict]) -> None:
    for item in items:
        point = _el(parent, "point")
        if item.get("label"):
            _el(point, "num", item["label"])
        _el(_el(point, "content"), "p", item.get("text", ""))
        if item.get("items"):
            _points(_el(point, "list"), item["items"])


def _heading(parent: ET.Element, paragraph: Paragraph) -> ET.Element:
    heading = _el(parent, "paragraph", eId=paragraph.pid)
    if paragraph.label:
        _el(heading, "num", paragraph.label)
    _el(heading, "heading", paragraph.text)
    return heading


def _paragraph(parent: ET.Element, paragraph: Paragraph) -> ET.Element:
    if paragraph.kind == Paragraph.HEADING:
        return _heading(parent, paragraph)
    element = _el(parent, "paragraph", eId=paragraph.pid)
    label = f"{paragraph.number}." if paragraph.number is not None else paragraph.label
    if label:
        _el(element, "num", label)
    structure = paragraph.structure
    if structure and structure.get("items"):
        sublist = _el(element, "list")
        if structure.get("intro"):
            _el(_el(sublist, "intro"), "p", structure["intro"])
        _points(sublist, structure["items"])
        if structure.get("outro"):
            _el(_el(sublist, "wrapUp"), "p", structure["outro"])
    else:
        _text(_el(element, "content"), paragraph.text, paragraph.emphasis)
    return element


def resolution_akn(resolution: Resolution, paragraphs: list[Paragraph], *, origin: str) -> bytes:
    """The XML document for ``resolution`` with ``paragraphs`` (all of them, in order)."""
    root = ET.Element(_A + "akomaNtoso")
    statement = _el(root, "statement", name="resolution")
    _frbr(_el(statement, "meta"), resolution, origin)
    _cover(statement, resolution)
    preamble = _el(statement, "preamble")
    if resolution.formula:  # as the source gave it; none is invented
        _el(_el(preamble, "formula", name="enactingFormula"), "p", resolution.formula)
    body = _el(statement, "mainBody")
    annexes: dict[str, ET.Element] = {}
    notes = [p for p in paragraphs if p.kind == Paragraph.FOOTNOTE]
    last_body: ET.Element | None = None
    seen_operative = False
    for paragraph in paragraphs:
        if paragraph.kind == Paragraph.FOOTNOTE:
            continue
        if paragraph.kind == Paragraph.ANNEX or paragraph.annex:
            doc = annexes.get(paragraph.annex)
            if doc is None:
                attachments = statement.find(_A + "attachments")
                if attachments is None:
                    attachments = _el(statement, "attachments")
                doc = _el(_el(attachments, "attachment"), "doc", name="annex")
                _el(doc, "meta")
                doc = annexes[paragraph.annex] = _el(doc, "mainBody")
            last_body = _paragraph(doc, paragraph)
        elif paragraph.kind == Paragraph.PREAMBULAR and not seen_operative:
            container = _el(preamble, "container", eId=paragraph.pid)
            _text(container, paragraph.text, paragraph.emphasis)
        elif paragraph.kind == Paragraph.PREAMBULAR:  # a later part's own preamble (2000-2003)
            _el(body, "crossHeading", paragraph.text, eId=paragraph.pid, refersTo="#preamble")
        elif paragraph.kind == Paragraph.HEADING and not seen_operative:
            _el(preamble, "block", paragraph.text, name="subheading")
        elif paragraph.kind == Paragraph.HEADING:
            _heading(body, paragraph)
        else:
            seen_operative = seen_operative or paragraph.kind == Paragraph.OPERATIVE
            last_body = _paragraph(body, paragraph)
    if notes and last_body is not None:
        holder = last_body.find(f".//{_A}p")
        holder = holder if holder is not None else last_body
        for note in notes:
            authorial = _el(holder, "authorialNote", marker=note.label or "", placement="bottom")
            _el(authorial, "p", note.text)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
