"""Citations of a resolution or a paragraph as reference managers import them: BibTeX, RIS and
CSL-JSON (Zotero, EndNote, Mendeley, Pandoc).

In: a :class:`CitedWork` (plain values, built by :func:`cited_work` from a resolution and
optionally one paragraph). Out: text in each format. One work per file; a paragraph is cited
as its resolution with the paragraph as the section ("para. 31"), which is how the UN and the
law reviews cite it.

Example::

    >>> work = CitedWork(number=2388, year=2017, symbol="S/RES/2388 (2017)", title="",
    ...     adopted_on=date(2017, 11, 21), url="https://a.example/resolutions/2388/")
    >>> print(to_ris(work).splitlines()[0])
    TY  - GOVDOC
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from resolutions.citations import paragraph_citations

AUTHOR = "United Nations Security Council"
PUBLISHER = "United Nations"
PLACE = "New York"


@dataclass(frozen=True)
class CitedWork:
    number: int
    year: int
    symbol: str  # "S/RES/2388 (2017)"
    title: str  # the UN's title, may be empty
    adopted_on: date | None
    url: str  # absolute permalink of the resolution or paragraph
    meeting: str = ""  # "8111th"
    pid: str = ""  # "op31" when a paragraph is cited
    paragraph_number: int | None = None
    annex: str = ""
    subjects: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """``unsc_res_2388_2017`` / ``unsc_res_2388_2017_op31``: stable and ASCII."""
        key = f"unsc_res_{self.number}_{self.year}"
        return f"{key}_{re.sub(r'[^A-Za-z0-9]+', '_', self.pid)}" if self.pid else key

    @property
    def pinpoint(self) -> str:
        """``S/RES/2388 (2017), para. 31`` (or the symbol alone for a whole resolution)."""
        return paragraph_citations(
            number=self.number,
            year=self.year,
            adopted_on=self.adopted_on,
            pid=self.pid,
            paragraph_number=self.paragraph_number,
            annex_name=self.annex,
        ).un

    @property
    def section(self) -> str:
        """ "para. 31": what the pinpoint adds to the symbol, or ""."""
        return self.pinpoint.removeprefix(f"S/RES/{self.number} ({self.year})").lstrip(", ")

    @property
    def display_title(self) -> str:
        return self.title or f"Resolution {self.number} ({self.year})"

    @property
    def note(self) -> str:
        adopted = "Adopted by the Security Council"
        if self.meeting:
            adopted += f" at its {self.meeting} meeting"
        if self.adopted_on:
            adopted += f" on {self.adopted_on.day} {self.adopted_on:%B %Y}"
        return f"UN Doc {self.pinpoint}. {adopted}."


def cited_work(resolution, *, url: str, paragraph=None) -> CitedWork:
    """The work for ``resolution`` (a model instance), or for one of its ``paragraph``s."""
    return CitedWork(
        number=resolution.number,
        year=resolution.year,
        symbol=resolution.symbol,
        title=resolution.title,
        adopted_on=resolution.adopted_on,
        url=url,
        meeting=resolution.meeting,
        pid=paragraph.pid if paragraph is not None else "",
        paragraph_number=paragraph.number if paragraph is not None else None,
        annex=paragraph.annex if paragraph is not None else "",
        subjects=tuple(str(s) for s in resolution.subjects),
    )


# BibTeX: braces must balance and these characters are commands; escape them.
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&#_$^~])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m[1], "\\" + m[1]), text)


def to_bibtex(work: CitedWork) -> str:
    """A ``@misc`` entry (BibTeX has no type for a resolution; Zotero imports it as a
    document, biblatex styles print ``number`` and ``note``)."""
    title = work.display_title
    if work.section:
        title = f"{title}, {work.section}"
    fields = [
        ("title", "{" + _bibtex_escape(title) + "}"),  # double braces keep the capitals
        ("author", "{" + AUTHOR + "}"),
        ("organization", AUTHOR),
        ("publisher", PUBLISHER),
        ("address", PLACE),
        ("year", str(work.year)),
    ]
    if work.adopted_on:
        fields += [
            ("month", f"{work.adopted_on:%b}".lower()),
            ("date", work.adopted_on.isoformat()),
        ]
    fields += [
        ("number", _bibtex_escape(work.pinpoint)),
        ("type", "Security Council resolution"),
        ("url", work.url),
        ("note", _bibtex_escape(work.note)),
        ("language", "english"),
    ]
    if work.subjects:
        fields.append(("keywords", _bibtex_escape(", ".join(work.subjects))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{work.key},\n{body}\n}}\n"


def _ris_value(text: str) -> str:
    return " ".join(text.split())  # one line per tag


def to_ris(work: CitedWork) -> str:
    """RIS, as Zotero and EndNote import it (``GOVDOC``: a government document)."""
    title = work.display_title + (f", {work.section}" if work.section else "")
    lines = [
        ("TY", "GOVDOC"),
        ("ID", work.key),
        ("TI", title),
        ("AU", AUTHOR),
        ("PY", str(work.year)),
    ]
    if work.adopted_on:
        lines.append(("DA", f"{work.adopted_on:%Y/%m/%d}"))
    lines += [
        ("M1", work.pinpoint),
        ("PB", PUBLISHER),
        ("CY", PLACE),
        ("UR", work.url),
        ("LA", "en"),
        ("N1", work.note),
    ]
    lines += [("KW", subject) for subject in work.subjects]
    lines.append(("ER", ""))
    return "\r\n".join(f"{tag}  - {_ris_value(value)}".rstrip() for tag, value in lines) + "\r\n"


def to_csl(work: CitedWork) -> dict:
    """One CSL-JSON item (``legislation``), as Zotero, Pandoc and citeproc read it."""
    item: dict = {
        "id": work.key,
        "type": "legislation",
        "title": work.display_title,
        "author": [{"literal": AUTHOR}],
        "authority": AUTHOR,
        "publisher": PUBLISHER,
        "publisher-place": PLACE,
        "number": work.symbol,
        "issued": {"date-parts": [[work.year]]},
        "URL": work.url,
        "language": "en",
        "note": work.note,
    }
    if work.adopted_on:
        day = work.adopted_on
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    if work.section:
        item["section"] = work.section
    return item


def to_csl_json(work: CitedWork) -> str:
    """CSL-JSON is a list of items."""
    return json.dumps([to_csl(work)], ensure_ascii=False, indent=2) + "\n"
