"""The resolution or paragraph a query names, looked up: where "Go to …" leads.

:func:`resolve_citation` takes what :func:`resolutions.search.symbols.find_citation` read and
returns a :class:`ResolutionMatch` when the archive holds that resolution (and a year, when
typed, agrees with it). A paragraph that the resolution does not have still leads to the
resolution, with a note saying so.

Links (``url``): the resolution page ``/resolutions/2331/``; an operative paragraph's permalink
``/resolutions/2388/op31/``; a sub-paragraph, the paragraph's permalink with the fragment
``#op16-a`` (``/resolutions/2653/op16/#op16-a``; the parts stay separate in ``pid`` and
``subparagraph`` for a sub-paragraph permalink to be built from them).

Example::

    >>> from resolutions.search.symbols import find_citation
    >>> match = resolve_citation(find_citation("2388 op 31"))  # doctest: +SKIP
    >>> match.citation, match.url  # doctest: +SKIP
    ('S/RES/2388 (2017), para. 31', '/resolutions/2388/op31/')
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from resolutions.addresses import item_key
from resolutions.citations import paragraph_citations
from resolutions.models import Paragraph, Resolution
from resolutions.search.query import Phrase
from resolutions.search.symbols import ParsedCitation


@dataclass(frozen=True)
class ResolutionMatch:
    number: int
    year: int
    symbol: str  # "S/RES/2388 (2017)"
    title: str
    citation: str  # "S/RES/2388 (2017), para. 31", "S/RES/2653 (2022), para. 16 (a)"
    url: str  # a path; see the module docstring
    pid: str = ""  # "op31" when a paragraph was named and found
    subparagraph: str = ""  # "a"
    only: bool = False  # the query was nothing but the citation
    note: str = ""  # "S/RES/2388 (2017) has no operative paragraph 99."

    @property
    def citing(self) -> Phrase:
        """What a paragraph citing the resolution holds: its number and year, in that order.

        ``resolution 2331 (2016)``, ``S/RES/2331(2016)`` and ``resolutions 2331 (2016) and 2388
        (2017)`` all have the words ``2331 2016`` together; a number alone would also find
        counts, years and page numbers.
        """
        return Phrase((str(self.number), str(self.year)))


def resolve_citation(citation: ParsedCitation | None) -> ResolutionMatch | None:
    """The archive's resolution (and paragraph) for ``citation``; None when it has none.

    Two short queries at most, and only when the query reads as a citation.
    """
    if citation is None:
        return None
    resolution = (
        Resolution.objects.only("number", "year", "symbol", "title")
        .filter(number=citation.number)
        .first()
    )
    if resolution is None or (citation.year is not None and citation.year != resolution.year):
        return None
    base = {
        "number": resolution.number,
        "year": resolution.year,
        "symbol": resolution.symbol,
        "title": resolution.title,
        "only": citation.only,
    }
    if citation.paragraph is None:
        return ResolutionMatch(
            **base, citation=resolution.symbol, url=resolution.get_absolute_url()
        )
    found = (
        Paragraph.objects.filter(resolution=resolution, kind="operative", number=citation.paragraph)
        .order_by("position")
        .values_list("pid", "structure")
        .first()
    )
    paragraph, structure = found if found else (None, None)
    if paragraph is None:
        return ResolutionMatch(
            **base,
            citation=resolution.symbol,
            url=resolution.get_absolute_url(),
            note=f"{resolution.symbol} has no operative paragraph {citation.paragraph} "
            "in the archive.",
        )
    cited = paragraph_citations(
        number=resolution.number,
        year=resolution.year,
        adopted_on=None,
        pid=paragraph,
        paragraph_number=citation.paragraph,
    ).un
    url = Paragraph(resolution=resolution, pid=paragraph).get_absolute_url()
    items = (structure or {}).get("items") or [] if isinstance(structure, dict) else []
    if citation.subparagraph and any(
        i.get("key", item_key(str(i.get("label", "")))) == citation.subparagraph for i in items
    ):
        # The sub-paragraph's own permalink (/resolutions/2653/op16/a/).
        cited += f" ({citation.subparagraph})"
        url = reverse(
            "resolutions:subparagraph",
            kwargs={"number": resolution.number, "pid": paragraph, "sub": citation.subparagraph},
        )
    return ResolutionMatch(
        **base, citation=cited, url=url, pid=paragraph, subparagraph=citation.subparagraph
    )
