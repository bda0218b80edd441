"""A small archive for page and browser tests, built with the factories from the real texts of
the seeds (S/RES/2331 (2016) pages 7-8 of 8, S/RES/2388 (2017) pages 4, 5, 7 of 8), repaired the
way the page-text reader repairs them. Only a few paragraphs of each, but with their real gaps:
2331 OP 16 begins on a missing page, 2388 OP 31 ends on one.

Example::

    archive = build_archive()
    archive.r2388.get_absolute_url()  # "/resolutions/2388/"
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from resolutions.models import Paragraph, Resolution, Source
from tests.factories import make_paragraph, make_reference, make_resolution

TEXT_2331_OP16 = (
    "information regarding Member States efforts to address the issue of trafficking in "
    "persons where it is committed for the purpose of supporting terrorism, including through "
    "the financing of or recruitment for the commission of terrorist acts;"
)
TEXT_2331_OP18 = (
    "Takes note with appreciation of the efforts undertaken by the Special Representative on "
    "Sexual Violence in Conflict and the Team of Experts on Rule of Law and Sexual Violence in "
    "Conflict to strengthen monitoring and analysis of sexual violence in conflict, including "
    "when associated with trafficking in persons in armed conflict and post-conflict situations, "
    "used as a tactic of war and also as a tactic by certain terrorist groups, as well as in "
    "seeking concrete and time-bound commitments and implementation plans by all parties to "
    "conflict to prevent and address such crimes in line with resolutions 1960 and 2106, and "
    "encourages a more systematic approach and the acceleration of such efforts; furthermore "
    "requests information, as appropriate, on practical measures undertaken by parties to the "
    "conflict pursuant to the above-mentioned commitments and implementation plans;"
)
TEXT_2331_OP22 = (
    "Welcomes further briefings on trafficking in persons in armed conflict, as necessary, by "
    "relevant United Nations entities, including the Executive Director of UNODC, and other "
    "international and regional bodies such as IOM; and encourages further consideration of the "
    "perspective and experience of civil society representatives, in particular of survivors of "
    "trafficking in persons in armed conflict, in briefings to the Security Council in relevant "
    "country-specific considerations and thematic areas, in accordance with established "
    "practice and procedure;"
)
TEXT_2331_OP23 = (
    "Requests the Secretary-General to follow up the implementation of this resolution and "
    "report, within twelve months, on strengthening coordination within the United Nations "
    "system, including through the United Nations’ Inter-Agency Coordination Group against "
    "Trafficking in Persons (ICAT), to prevent and counter trafficking in persons in armed "
    "conflict in all its forms, and to protect those affected by armed conflict at risk of being "
    "trafficked, especially women and children; and further requests that this report also "
    "consider, inter alia, options for: strengthening efforts by existing subsidiary bodies of "
    "the Security Council, Security Council-mandated peacekeeping operations and special "
    "political missions, in accordance with their respective mandates, as well as by Member "
    "States; data on geographical areas, routes or locations where patterns of trafficking in "
    "persons in armed conflict are being developed, in coordination with all relevant UN "
    "entities; and recommendations for UN agencies to mitigate the risk of contributing to "
    "trafficking in persons in armed conflict through procurement and supply chains;"
)
TEXT_2331_OP24 = "Decides to remain actively seized of this matter."

TEXT_2388_PP_1 = (
    "Reaffirming the need to ensure organization and coherence in the efforts of the United "
    "Nations System to address trafficking in persons in areas affected by armed conflict or in "
    "post conflict situations and further recognizing the need to continue to work towards an "
    "enhanced comprehensive and coordinated approach to prevent and combat trafficking, which "
    "can contribute to sustainable peace and stability,"
)
TEXT_2388_OP29 = (
    "Invites the Secretary-General to ensure that the work of the Investigative Team "
    "established pursuant to Resolution 2379 (2017) is informed by relevant anti-trafficking "
    "research and expertise and that its efforts to collect evidence on trafficking in persons "
    "offences are gender-sensitive, victim centred, trauma-informed, rights-based and not "
    "prejudicial to the safety and security of victims;"
)
TEXT_2388_OP30 = (
    "Calls upon Member States to cooperate with the Investigative Team established pursuant to "
    "Resolution 2379 (2017), including through mutual arrangements on legal assistance, where "
    "necessary and appropriate, and in particular to provide it with any relevant information "
    "as appropriate they may possess pertaining to its mandate under that resolution;"
)
TEXT_2388_OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen"
)
# The whole paragraph, as the UN's XML gives it (the seeds lack the page it ends on).
OFFICIAL_2388_OP31 = (
    "Calls upon United Nations system organizations to enhance transparency in their "
    "procurement and supply chains and step up their efforts to strengthen protections against "
    "trafficking in persons in all United Nations procurement and to that effect request major "
    "suppliers to establish and implement anti\u2011human trafficking policies and disclose "
    "information on measures taken to counter trafficking in persons in their operations and "
    "supply chains;"
)

MEMBERS_2017 = [
    "BOLIVIA (PLURINATIONAL STATE OF)", "CHINA", "EGYPT", "ETHIOPIA", "FRANCE", "ITALY",
    "JAPAN", "KAZAKHSTAN", "RUSSIAN FEDERATION", "SENEGAL", "SWEDEN", "UKRAINE",
    "UNITED KINGDOM", "UNITED STATES", "URUGUAY",
]  # fmt: skip


@dataclass
class Archive:
    r2331: Resolution
    r2388: Resolution


def add_pages(resolution: Resolution, pages: list[int]) -> None:
    """Page-text sources for the printed ``pages`` (their text does not matter to the pages)."""
    for page in pages:
        raw = f"{resolution.symbol}\npage {page}\n"
        Source.objects.create(
            resolution=resolution,
            format="page-text",
            file_name=f"{resolution.number}-{page}.txt",
            checksum=hashlib.sha256(raw.encode()).hexdigest(),
            page_number=page,
            raw_text=raw,
        )


def _reference(paragraph: Paragraph, number: int, year: int | None) -> None:
    """A reference at its real offsets: the first "2379 (2017)"-like mention in the text."""
    written = f"Resolution {number} ({year})" if year else f"resolutions {number}"
    start = paragraph.text.index(written)
    make_reference(
        paragraph, number, year, as_written=written, start=start, end=start + len(written)
    )


def build_archive() -> Archive:
    r2331 = make_resolution(
        2331,
        2016,
        adopted_on=date(2016, 12, 20),
        meeting="7847th",
        text_source="page-text",
        pages_total=8,
        job_number="16-22533",
        addresses_trafficking=True,
        agenda="Maintenance of international peace and security",
    )
    add_pages(r2331, [7, 8])
    tip = {"addresses_trafficking": True}
    make_paragraph(r2331, TEXT_2331_OP16, number=16, pages=[7], begins_on_missing_page=True, **tip)
    op18 = make_paragraph(r2331, TEXT_2331_OP18, number=18, pages=[7], **tip)
    _reference(op18, 1960, None)
    make_paragraph(r2331, TEXT_2331_OP22, number=22, pages=[8], **tip)
    make_paragraph(r2331, TEXT_2331_OP23, number=23, pages=[8], **tip)
    make_paragraph(r2331, TEXT_2331_OP24, number=24, pages=[8])

    r2388 = make_resolution(
        2388,
        2017,
        adopted_on=date(2017, 11, 21),
        meeting="8111th",
        text_source="page-text",
        pages_total=8,
        job_number="17-20704",
        addresses_trafficking=True,
        agenda="Maintenance of international peace and security",
        adoption_type="Adopted unanimously",
        vote_in_favour=15,
        vote_against=0,
        vote_abstaining=0,
        votes=[{"member": member, "vote": "Y"} for member in MEMBERS_2017],
        sponsors=["ITALY", "UNITED STATES"],
        subjects=["TRAFFICKING IN PERSONS", "ARMED CONFLICTS"],
    )
    add_pages(r2388, [4, 5, 7])
    make_paragraph(r2388, TEXT_2388_PP_1, kind="preambular", pid="pp-1", pages=[4], **tip)
    op29 = make_paragraph(r2388, TEXT_2388_OP29, number=29, pages=[7], **tip)
    _reference(op29, 2379, 2017)
    op30 = make_paragraph(r2388, TEXT_2388_OP30, number=30, pages=[7])
    _reference(op30, 2379, 2017)
    make_paragraph(r2388, TEXT_2388_OP31, number=31, pages=[7], ends_on_missing_page=True, **tip)
    return Archive(r2331=r2331, r2388=r2388)


def _nested_items(depth: int, label: str) -> list[dict]:
    """One item per level, ``depth`` levels deep: "4.1.", "4.1.1.", ... as S/RES/2231's annex
    numbers its provisions."""
    if depth == 0:
        return []
    return [
        {
            "label": label,
            "text": f"Provision {label} of the plan, applied as the annex sets out;",
            "items": _nested_items(depth - 1, f"{label}1."),
        }
    ]


def add_nested_resolution(depth: int = 12) -> Resolution:
    """S/RES/2231 (2015)-like: an annex whose numbered provisions nest ``depth`` levels deep,
    the shape that pushed a phone's page sideways."""
    resolution = make_resolution(2231, 2015, adopted_on=date(2015, 7, 20))
    items = _nested_items(depth, "4.1.")
    pieces, level = [], items
    while level:
        pieces.append(level[0]["text"])
        level = level[0]["items"]
    intro = "The participants will take the following measures:"
    make_paragraph(
        resolution,
        " ".join([intro, *pieces]),
        kind="annex",
        pid="annex1-4",
        annex="Annex B",
        label="4.",
        number=4,
        structure={"intro": intro, "items": items, "outro": ""},
    )
    return resolution


INLINE_TAGS = re.compile(r"</?(?:a|span|strong|em|time|mark|abbr|code|q)\b[^>]*>")


def text_of(response) -> str:
    """The page's text as read: inline tags dropped, block tags a space, spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", INLINE_TAGS.sub("", html))
    return re.sub(r"\s+", " ", html).strip()


def symbols_listed(response) -> list[str]:
    """The resolution symbols a list page shows, in order."""
    return re.findall(r'class="symbol">(S/RES/\d+ \(\d{4}\))</a>', response.content.decode())
