"""Template helpers that turn a paragraph's stored text into safe HTML.

The stored text is plain, untrusted text. Cross-references are stored as character offsets into
``Paragraph.text``; the text is cut at those offsets, every piece is escaped (or highlighted by
the search package, which escapes too), and only the link tags are ours. Nothing from the
database reaches the page unescaped.

Sub-paragraphs (``Paragraph.structure``) are shown as lists; since the references' offsets
point into the flattened ``text``, each piece of the structure is located in ``text`` to find
which references fall inside it. A piece that cannot be located is shown without links rather
than with misplaced ones.

Example::

    {% load archive %}
    {% paragraph_body paragraph query=q %}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe

from resolutions.addresses import anchor, cited_label, item_spans
from resolutions.citations import paragraph_name
from resolutions.models import CrossReference, Paragraph
from resolutions.parsing import members
from resolutions.search import highlight_html
from resolutions.search.query import parse_query
from resolutions.search.snippets import CLOSE, OPEN, mark_matches, strip_sentinels

_SENTINELS = re.compile(f"({re.escape(OPEN)}|{re.escape(CLOSE)})")

register = template.Library()

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
EXCERPT_WORDS = 12  # "Cited by" excerpts: words either side of the citation
OFFICIAL_DOCUMENT = "https://undocs.org/{}"
VOTE_LABELS = (
    ("Y", "In favour"),
    ("N", "Against"),
    ("A", "Abstaining"),
    ("", "Did not vote"),
)
VOTE_ALIASES = {"yes": "Y", "no": "N", "abstain": "A", "abstention": "A", "abstaining": "A"}


def official_url(symbol: str) -> str:
    """The UN's resolver for a document symbol, spaces removed: "S/RES/2388 (2017)" ->
    https://undocs.org/S/RES/2388(2017)."""
    return OFFICIAL_DOCUMENT.format(symbol.replace(" ", ""))


def reference_href(reference: CrossReference, *, number: int) -> str:
    """Where a citation in the text leads: our own page when the archive holds the cited
    resolution (or paragraph), else the official document named by our parsed
    ``cited_symbol``. The XML's own ``href`` is provenance only: the UN's markup sometimes
    points elsewhere ("Presidential Statement 2015/25" -> E/RES/2015/25, an ECOSOC
    resolution), so it is used only when no symbol was parsed."""
    if reference.kind == CrossReference.INTERNAL:
        if not reference.target_paragraph:
            return ""
        return reverse(
            "resolutions:paragraph", kwargs={"number": number, "pid": reference.target_paragraph}
        )
    if reference.target_id is not None:
        url = reverse("resolutions:detail", kwargs={"number": reference.target.number})
        return url + (f"#{reference.target_paragraph}" if reference.target_paragraph else "")
    if reference.cited_symbol:
        return official_url(reference.cited_symbol)
    return reference.href


def _symbol_with_year(reference: CrossReference) -> str:
    """The cited resolution's symbol with its year, which a citation written without one
    ("resolutions 1960 and 2106") lacks: the archive's own row supplies it."""
    if reference.target_id is not None and reference.target.number == reference.cited_number:
        return reference.target.symbol
    return reference.cited_symbol


def _escape(text: str, query: str, italics: Sequence[tuple[int, int]] = ()) -> str:
    """``text`` escaped, ``query`` marked, and the stretches in ``italics`` (offsets into
    ``text``) in ``<i>``: the UN's italic opening words and verbs."""
    if not italics:
        return str(highlight_html(text, query)) if query else str(conditional_escape(text))
    marked = mark_matches([text], parse_query(query).tree)[0] if query else strip_sentinels(text)
    return _italic_html(marked, italics)


def _italic_html(marked: str, italics: Sequence[tuple[int, int]]) -> str:
    """A sentinel-marked text (see resolutions.search.snippets) escaped, with ``<mark>`` and
    ``<i>`` tags. Where a match and an italic stretch overlap, each piece gets its own tags,
    so the two never interleave. The text is cut only where a sentinel stands or an italic
    stretch starts or ends (a page of 2231 has thousands of characters and few of those)."""
    cuts = sorted({offset for span in italics for offset in span})
    pieces: list[list] = []  # [characters, marked, italic]
    position, in_mark = 0, False
    for token in _SENTINELS.split(marked):
        if token in (OPEN, CLOSE):
            in_mark = token == OPEN
            continue
        end = position + len(token)
        start = position
        for cut in [c for c in cuts if position < c < end] + [end]:
            if cut > start:
                italic = any(a <= start < b for a, b in italics)
                chunk = token[start - position : cut - position]
                if pieces and pieces[-1][1] == in_mark and pieces[-1][2] == italic:
                    pieces[-1][0] += chunk
                else:
                    pieces.append([chunk, in_mark, italic])
            start = cut
        position = end
    html = []
    for chars, is_marked, italic in pieces:
        piece = escape(chars)
        piece = f"<mark>{piece}</mark>" if is_marked else piece
        html.append(f"<i>{piece}</i>" if italic else piece)
    return "".join(html)  # escaped above: the only tags are our own


def _shifted(emphasis: Sequence, base: int, length: int) -> list[tuple[int, int]]:
    """The stored italic stretches (offsets into the paragraph) that fall in
    [base, base + length), as offsets into that piece."""
    spans = []
    for span in emphasis or ():
        if not (isinstance(span, list | tuple) and len(span) == 2):
            continue
        start, end = max(int(span[0]) - base, 0), min(int(span[1]) - base, length)
        if start < end:
            spans.append((start, end))
    return spans


def _note_marks(paragraph: Paragraph) -> list[tuple[int, str, str]]:
    """Footnote markers of the paragraph: (offset into its text, marker, footnote pid)."""
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    marks = []
    for mark in addressing.get("notes") or []:
        if isinstance(mark, list) and len(mark) == 3 and isinstance(mark[0], int):
            marks.append((mark[0], str(mark[1]), str(mark[2])))
    return marks


def _note_html(marker: str, footnote: str, number: int) -> str:
    """A footnote marker where the UN printed it, linked to the note (which links back)."""
    href = reverse("resolutions:detail", kwargs={"number": number}) + f"#{footnote}"
    return format_html(
        '<sup class="fn-mark" id="fnref-{}"><a href="{}" aria-label="Note {}">{}</a></sup>',
        footnote,
        href,
        marker,
        marker,
    )


def _linked(
    text: str,
    base: int | None,
    references: Sequence[CrossReference],
    query: str,
    number: int,
    notes: Sequence[tuple[int, str, str]] = (),
    emphasis: Sequence = (),
) -> str:
    """``text`` escaped, with the references inside [base, base + len(text)) made links, the
    footnote markers that stand in it put back and the italic stretches of ``emphasis``
    inside it in ``<i>``."""
    if base is None:
        return _escape(text, query)

    def escaped(start: int, end: int) -> str:
        return _escape(text[start:end], query, _shifted(emphasis, base + start, end - start))

    events: list[tuple[int, int, object]] = [
        (at - base, at - base, (marker, footnote))
        for at, marker, footnote in notes
        if 0 <= at - base <= len(text)
    ]
    events += [(ref.start - base, ref.end - base, ref) for ref in references]
    events.sort(key=lambda event: (event[0], event[1]))
    parts: list[str] = []
    cursor = 0
    for start, end, reference in events:
        if isinstance(reference, tuple):
            if start < cursor:
                continue
            parts.append(escaped(cursor, start))
            parts.append(_note_html(*reference, number))
            cursor = start
            continue
        if start < cursor or start >= end or end > len(text):
            continue  # outside this piece, overlapping an earlier link, or empty
        href = reference_href(reference, number=number)
        if not href:
            continue
        parts.append(escaped(cursor, start))
        inner = mark_safe(escaped(start, end))
        if reference.kind == CrossReference.INTERNAL:
            parts.append(format_html('<a href="{}">{}</a>', href, inner))
        elif reference.target_id:
            title = f"{_symbol_with_year(reference)} (in this archive)"
            parts.append(format_html('<a href="{}" title="{}">{}</a>', href, title, inner))
        else:
            parts.append(format_html('<a href="{}" rel="external">{}</a>', href, inner))
        cursor = end
    parts.append(escaped(cursor, len(text)))
    return "".join(parts)


class _Locator:
    """Finds successive pieces of a structured paragraph inside its flattened text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0

    def find(self, piece: str) -> int | None:
        if not piece:
            return None
        found = self.text.find(piece, self.cursor)
        if found < 0:
            return None
        self.cursor = found + len(piece)
        return found


@dataclass
class _Items:
    """What rendering a paragraph's sub-paragraphs needs: each gets an anchor on the page and
    its printed label links to its permalink (``/resolutions/2653/op16/a/``)."""

    paragraph: Paragraph
    locator: _Locator
    refs: Sequence[CrossReference]
    query: str
    notes: Sequence[tuple[int, str, str]]
    current: Sequence[str] = ()  # the keys of the sub-paragraph a permalink page is about
    emphasis: Sequence = ()  # the paragraph's italic stretches (offsets into its text)

    def html(self, items: Iterable[dict], keys: Sequence[str] = ()) -> str:
        number, pid = self.paragraph.resolution.number, self.paragraph.pid
        rows: list[str] = []
        for item in items:
            label = str(item.get("label", ""))
            text = str(item.get("text", ""))
            body = _linked(
                text,
                self.locator.find(text),
                self.refs,
                self.query,
                number,
                self.notes,
                self.emphasis,
            )
            nested = item.get("items") or []
            path = [*keys, str(item.get("key", ""))]
            inner = self.html(nested, path) if nested else ""
            if not all(path):  # stored before sub-paragraphs had keys
                rows.append(
                    format_html(
                        '<li><span class="item-label">{}</span> {}{}</li>',
                        label,
                        mark_safe(body),
                        mark_safe(inner),
                    )
                )
                continue
            href = reverse(
                "resolutions:subparagraph",
                kwargs={"number": number, "pid": pid, "sub": "/".join(path)},
            )
            current = list(path) == list(self.current)
            rows.append(
                format_html(
                    '<li id="{}"{}><a class="item-label" href="{}" title="Permalink to {}">{}</a>'
                    " {}{}</li>",
                    anchor(pid, path),
                    mark_safe(' class="is-current"') if current else "",
                    href,
                    " ".join(cited_label(node) for node in _nodes(self.paragraph, path)),
                    label or "•",
                    mark_safe(body),
                    mark_safe(inner),
                )
            )
        return format_html('<ol class="items">{}</ol>', mark_safe("".join(rows)))


def _nodes(paragraph: Paragraph, path: Sequence[str]) -> list[dict]:
    """The structure items along ``path``, outermost first."""
    nodes: list[dict] = []
    items = (paragraph.structure or {}).get("items") or []
    for key in path:
        node = next((item for item in items if item.get("key") == key), None)
        if node is None:
            break
        nodes.append(node)
        items = node.get("items") or []
    return nodes


@register.simple_tag
def paragraph_body(
    paragraph: Paragraph, query: str = "", current: Sequence[str] = ()
) -> SafeString:
    """The paragraph's text as HTML: links for cross-references, ``<mark>`` for ``query``,
    sub-paragraphs as nested lists with anchors and permalinks (``current`` marks one),
    footnote markers where the UN printed them, and "…" where the text runs onto a page the
    archive lacks."""
    references = paragraph.references_in_order
    number = paragraph.resolution.number
    text = paragraph.text
    notes = _note_marks(paragraph)
    emphasis = paragraph.emphasis if isinstance(paragraph.emphasis, list) else ()
    begins = ELLIPSIS + " " if paragraph.begins_on_missing_page else ""
    ends = " " + ELLIPSIS if paragraph.ends_on_missing_page else ""
    structure = paragraph.structure if isinstance(paragraph.structure, dict) else None
    if not structure or not structure.get("items"):
        body = _linked(text, 0, references, query, number, notes, emphasis)
        return format_html("<p>{}{}{}</p>", begins, mark_safe(body), ends)
    locator = _Locator(text)
    intro = str(structure.get("intro") or "")
    outro = str(structure.get("outro") or "")
    html = []
    if intro or begins:
        intro_html = _linked(intro, locator.find(intro), references, query, number, notes, emphasis)
        html.append(format_html("<p>{}{}</p>", begins, mark_safe(intro_html)))
    items = _Items(paragraph, locator, references, query, notes, current, emphasis)
    html.append(items.html(structure["items"]))
    if outro or ends:
        outro_html = _linked(outro, locator.find(outro), references, query, number, notes, emphasis)
        html.append(format_html("<p>{}{}</p>", mark_safe(outro_html), ends))
    return mark_safe("".join(html))


@register.simple_tag
def subparagraph_body(paragraph: Paragraph, keys: Sequence[str], query: str = "") -> SafeString:
    """One sub-paragraph (``keys``: ["a", "iii"]) with its own sub-items, as on the page of the
    whole paragraph: links, marks and footnote markers in place."""
    structure = paragraph.structure if isinstance(paragraph.structure, dict) else None
    span = next((s for s in item_spans(structure, paragraph.text) if s[2] == list(keys)), None)
    nodes = _nodes(paragraph, keys)
    if span is None or len(nodes) != len(keys):
        return format_html("<p>{}</p>", nodes[-1].get("text", "") if nodes else "")
    item = nodes[-1]
    text = str(item.get("text", ""))
    references = paragraph.references_in_order
    notes = _note_marks(paragraph)
    emphasis = paragraph.emphasis if isinstance(paragraph.emphasis, list) else ()
    number = paragraph.resolution.number
    body = _linked(text, span[0], references, query, number, notes, emphasis)
    html = [format_html("<p>{}</p>", mark_safe(body))]
    if item.get("items"):
        locator = _Locator(paragraph.text)
        locator.cursor = span[0] + len(text)
        items = _Items(paragraph, locator, references, query, notes, emphasis=emphasis)
        html.append(items.html(item["items"], keys))
    return mark_safe("".join(html))


@register.simple_tag
def note_back(paragraph: Paragraph) -> str:
    """For a footnote, the address of its marker in the text ("" when it has none)."""
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    if paragraph.kind != Paragraph.FOOTNOTE or not addressing.get("noted_at"):
        return ""
    detail = reverse("resolutions:detail", kwargs={"number": paragraph.resolution.number})
    return f"{detail}#fnref-{paragraph.pid}"


@register.filter
def citation_excerpt(paragraph: Paragraph, words: int = EXCERPT_WORDS) -> SafeString:
    """The words around the paragraph's first citation of the resolution being read
    (``paragraph.citations_here``, from ``resolution_cited_by``), the citation in bold:
    "… Recalling its <strong>resolution 2388 (2017)</strong> and resolution 2379 …".
    Without offsets it falls back to the paragraph's opening words."""
    text = paragraph.text
    citations = [
        ref
        for ref in getattr(paragraph, "citations_here", [])
        if 0 <= ref.start < ref.end <= len(text)
    ]
    if not citations:
        opening = text.split()
        more = ELLIPSIS if len(opening) > words * 2 else ""
        return format_html("{}{}", " ".join(opening[: words * 2]), f" {more}" if more else "")
    first = citations[0]
    before = text[: first.start].split()
    after = text[first.end :].split()
    head = (ELLIPSIS + " " if len(before) > words else "") + " ".join(before[-words:])
    tail = " ".join(after[:words]) + (" " + ELLIPSIS if len(after) > words else "")
    # Keep the punctuation that touches the citation ("(2017)," stays "(2017),").
    space_before = " " if head and text[first.start - 1 : first.start].isspace() else ""
    space_after = " " if tail and text[first.end : first.end + 1].isspace() else ""
    return format_html(
        "{}{}<strong>{}</strong>{}{}",
        head,
        space_before,
        text[first.start : first.end],
        space_after,
        tail,
    )


@register.filter
def member_name(name: str) -> str:
    """Member names in the record data's capitals, as the UN prints them: "CÔTE D'IVOIRE" ->
    "Côte d’Ivoire" (see resolutions.parsing.members). Mixed case is left alone."""
    return members.member_name(name) if isinstance(name, str) and name else name


@register.filter
def vote_groups(votes: list) -> list[tuple[str, list[str]]]:
    """How members voted, grouped: [("In favour", ["China", ...]), ("Against", [...]), ...].
    Accepts the record data's {"member": ..., "vote": "Y"/"N"/"A"/""} rows."""
    groups: dict[str, list[str]] = {code: [] for code, _ in VOTE_LABELS}
    for row in votes or []:
        if not isinstance(row, dict) or not row.get("member"):
            continue
        vote = str(row.get("vote") or "").strip()
        code = VOTE_ALIASES.get(vote.lower(), vote.upper()[:1])
        groups.setdefault(code if code in groups else "", []).append(member_name(row["member"]))
    return [(label, groups[code]) for code, label in VOTE_LABELS if groups[code]]


@register.filter
def subject_term(subject) -> str:
    """A subject as stored: a string, or a [term, vocabulary] pair from the record data."""
    if isinstance(subject, list | tuple):
        return str(subject[0]) if subject else ""
    return str(subject)


@register.simple_tag
def paragraph_title(paragraph: Paragraph) -> str:
    """The paragraph named in words: "operative paragraph 31", "preambular paragraph (last)"."""
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    return paragraph_name(
        addressing.get("cite_as") or paragraph.pid,
        number=paragraph.number,
        annex_name=paragraph.annex,
        label=paragraph.label,
        part=addressing.get("part", ""),
    )


@register.filter
def margin_mark(paragraph: Paragraph) -> str:
    """The number printed in the margin of the page: "31." for operative paragraphs, the
    printed label for annex paragraphs and notes; preambular paragraphs carry none."""
    if paragraph.kind == Paragraph.OPERATIVE and paragraph.number is not None:
        return f"{paragraph.number}."
    if paragraph.kind in (Paragraph.ANNEX, Paragraph.FOOTNOTE):
        return paragraph.label or (f"{paragraph.number}." if paragraph.number else "")
    return ""


@register.filter
def thousands(value) -> str:
    """A count with thousands separators, as English prose writes it: 48264 -> "48,264".
    (django.contrib.humanize's ``intcomma`` does the same but is not an installed app.)"""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


@register.filter
def official_document(symbol: str) -> str:
    return official_url(symbol)


@register.filter
def formula_html(formula: str) -> SafeString:
    """The enacting words as printed: "The Security Council," -> ``<i>The Security
    Council</i>,`` (the words in italics, the punctuation after them not)."""
    words = formula.rstrip(",:;. ")
    return format_html("<i>{}</i>{}", words, formula[len(words) :])
