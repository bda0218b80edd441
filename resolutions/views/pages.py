"""The archive's reading pages: home, about, browse, a resolution, a paragraph permalink, the
downloads (JSON, plain text) and the redirects from symbols as people paste them.

Every page sends a validator (``Last-Modified`` from ``Resolution.updated_at``, or an ``ETag``
over the whole archive for the pages that list it) so a revisit costs a 304.

Example: ``GET /resolutions/2388/op31/?q=supply+chains`` renders operative paragraph 31 of
S/RES/2388 (2017) with the two words marked, its neighbours, and citations ready to copy.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import condition, last_modified, require_safe

from resolutions import selectors
from resolutions.addresses import KEY_RE, anchor, find_item
from resolutions.citations import (
    coverage_label,
    pages_held,
    pages_missing_sentence,
    paragraph_citations,
    paragraph_marker,
    paragraph_name,
)
from resolutions.exports.links import site_origin
from resolutions.filters import TEXT_ALL, ResolutionFilter
from resolutions.languages.selectors import language_links
from resolutions.lineage.selectors import (
    lineage_summaries,
    paragraph_lineage_get,
    resolution_most_reused_get,
)
from resolutions.models import Paragraph, Resolution
from resolutions.serializers import resolution_to_dict
from resolutions.templatetags.archive import official_url
from resolutions.views.errors import not_found
from resolutions.views.page_cache import cached_page

PER_PAGE = 50
QUERY_MAX = 200  # a highlight query longer than this is cut: it is only for marking words
DESCRIPTION_WORDS = 30  # og:description: the paragraph's opening words
SUB_DEPTH = 4  # sub-paragraph levels an address may name: op12/a/iii/1 is three

# What a paragraph identifier can look like (see resolutions.services.identifiers); anything
# else is a 404 before it reaches the database (PostgreSQL rejects a NUL byte in a parameter).
PID_SHAPE_RE = re.compile(r"^[A-Za-z0-9-]{1,40}$")

SYMBOL_RE = re.compile(
    r"""
    ^[\s+]*
    (?:s/res/)?                     # the symbol's prefix, any case; absent for a bare number
    (?P<number>\d{1,5})             # the resolution number
    [\s+]*
    (?:\([\s+]*(?P<year>\d{4})[\s+]*\))?   # "(2017)", "( 2017 )"; "+" is a space in pasted URLs
    [\s+/]*$                        # trailing spaces or slash
    """,
    re.VERBOSE | re.IGNORECASE,
)


# "/resolutions/02388/..." -> the zeros that make the int converter accept a second address
ZERO_PADDED_RE = re.compile(
    r"""
    ^(?P<prefix>/resolutions/)   # our page prefix
    0+(?=\d)                     # leading zeros, leaving at least one digit
    """,
    re.VERBOSE,
)


def _zero_padded_redirect(request: HttpRequest) -> HttpResponse | None:
    """``/resolutions/02388/`` (and its paragraphs and downloads) -> one address per page."""
    if not ZERO_PADDED_RE.match(request.path):
        return None
    url = ZERO_PADDED_RE.sub(r"\g<prefix>", request.path, count=1)
    if request.GET:
        url += "?" + request.GET.urlencode()
    return HttpResponsePermanentRedirect(url)


def _highlight_query(request: HttpRequest) -> str:
    return request.GET.get("q", "")[:QUERY_MAX].strip()


def _archive_etag(request: HttpRequest, **kwargs) -> str:
    """Changes when any resolution is added, changed or removed."""
    count, latest = selectors.archive_state()
    stamp = latest.timestamp() if latest else 0
    return f'"archive-{count}-{stamp:.6f}"'


def _resolution_modified(request: HttpRequest, number: int, **kwargs):
    return selectors.resolution_last_modified(number=number)


def absolute_url(request: HttpRequest, path: str) -> str:
    """``path`` on the canonical origin (``DJANGO_SITE_ORIGIN``) when set, else on the host
    the request came to."""
    origin = getattr(settings, "SITE_ORIGIN", "")
    return f"{origin}{path}" if origin else request.build_absolute_uri(path)


def _page_number(request: HttpRequest) -> int | str | None:
    """The page asked for; zero and negative numbers mean the first page, as in search
    (Django's paginator would show the last)."""
    raw = request.GET.get("page")
    try:
        return max(1, int(raw)) if raw is not None else None
    except ValueError:
        return raw  # not a number: the paginator shows the first page


def _coverage(resolution: Resolution) -> dict:
    """The page-completeness phrases a resolution's pages show."""
    pages = [source.page_number for source in getattr(resolution, "page_sources", [])]
    pages = [page for page in pages if page is not None]
    page_text = resolution.text_source == "page-text"
    return {
        "label": coverage_label(
            text_source=resolution.text_source, pages=pages, total=resolution.pages_total
        ),
        "held": pages_held(pages, resolution.pages_total) if page_text else "",
        "missing": pages_missing_sentence(pages, resolution.pages_total) if page_text else "",
    }


@require_safe
@condition(etag_func=_archive_etag)
@cached_page(_archive_etag)
def home(request: HttpRequest) -> HttpResponse:
    recent = selectors.resolution_list().filter(selectors.TEXT_HELD)[:8]
    context = {
        "counts": selectors.archive_counts(),
        "trafficking": [
            (resolution, _coverage(resolution))
            for resolution in selectors.resolution_trafficking_list()
        ],
        "recent": [(resolution, _coverage(resolution)) for resolution in recent],
    }
    return render(request, "resolutions/home.html", context)


@require_safe
@condition(etag_func=_archive_etag)
def about(request: HttpRequest) -> HttpResponse:
    years = selectors.resolution_years()
    context = {
        "counts": selectors.archive_counts(),
        "first_year": years[-1] if years else None,
        "last_year": years[0] if years else None,
    }
    return render(request, "resolutions/about.html", context)


@require_safe
@condition(etag_func=_archive_etag)
@cached_page(_archive_etag)
def resolution_list(request: HttpRequest) -> HttpResponse:
    """Browse with filters; a bad filter value is reported beside its field (status 400)
    and the other filters still apply."""
    filterset = ResolutionFilter(request.GET or None, queryset=selectors.resolution_list())
    valid = filterset.is_valid() if filterset.is_bound else True
    page = Paginator(filterset.qs, PER_PAGE).get_page(_page_number(request))
    rows = [(resolution, _coverage(resolution)) for resolution in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page": page,
        "rows": rows,
        "query_without_page": query.urlencode(),
        "filtered": any(request.GET.get(name) for name in ("year", "topic", "agenda"))
        or request.GET.get("text") == TEXT_ALL,
        "all_texts": request.GET.get("text") == TEXT_ALL,
        "counts": selectors.archive_counts(),
    }
    return render(request, "resolutions/list.html", context, status=200 if valid else 400)


@require_safe
@last_modified(_resolution_modified)
@cached_page(_resolution_modified)
def resolution_detail(request: HttpRequest, number: int) -> HttpResponse:
    """The whole resolution; ``?q=`` marks the words of a search, as on a permalink."""
    if redirect := _zero_padded_redirect(request):
        return redirect
    resolution = selectors.resolution_page_get(number=number)
    if resolution is None:
        return not_found(request, number=number)
    paragraphs = list(resolution.paragraphs.all())
    # Agreed language, one line a paragraph: two queries for the whole resolution.
    lineage = lineage_summaries(resolution_ids=[resolution.pk])
    for paragraph in paragraphs:
        paragraph.lineage_summary = lineage.get(paragraph.pk)
    query = _highlight_query(request)
    context = {
        "resolution": resolution,
        "query": query,
        "search_query": query,
        "sections": _sections(paragraphs),
        "coverage": _coverage(resolution),
        "cited_by": selectors.resolution_cited_by(resolution=resolution),
        "most_reused": resolution_most_reused_get(resolution=resolution),
        "citations": paragraph_citations(
            number=resolution.number, year=resolution.year, adopted_on=resolution.adopted_on
        ),
        "official_url": official_url(resolution.symbol),
        "canonical_url": absolute_url(request, resolution.get_absolute_url()),
        **language_links(resolution=resolution),
    }
    return render(request, "resolutions/detail.html", context)


FOLD_ANNEX_OVER = 40  # paragraphs; a longer annex is shown folded on the resolution page


def _section_of(paragraph: Paragraph) -> tuple[str, str]:
    if paragraph.kind == Paragraph.PREAMBULAR:
        return "preamble", "Preamble"
    if paragraph.kind == Paragraph.OPERATIVE:
        return "operative", "Operative part"
    if paragraph.kind == Paragraph.FOOTNOTE:
        return "footnotes", "Notes"
    annex = paragraph.annex or "Annex"
    slug = re.sub(r"[^a-z0-9]+", "-", annex.lower()).strip("-")  # "Annex A" -> "annex-a"
    return (slug if slug.startswith("annex") else f"annex-{slug}"), annex


def _sections(paragraphs: list[Paragraph]) -> list[dict]:
    """Group the paragraphs, in order, into the parts of the document (preamble, operative
    part, each annex, notes). A heading belongs with the paragraphs it introduces, so it
    takes the section of the next paragraph that is not a heading."""
    keys: list[tuple[str, str] | None] = [
        None if p.kind == Paragraph.HEADING and not p.annex else _section_of(p) for p in paragraphs
    ]
    following: tuple[str, str] = ("operative", "Operative part")
    for index in range(len(paragraphs) - 1, -1, -1):
        if keys[index] is None:
            keys[index] = following
        following = keys[index]
    sections: list[dict] = []
    used: set[str] = set()
    for paragraph, (key, title) in zip(paragraphs, keys, strict=True):
        if not sections or sections[-1]["key"] != key:
            anchor = key if key not in used else f"{key}-{len(sections) + 1}"
            used.add(anchor)
            sections.append({"key": key, "id": anchor, "title": title, "paragraphs": []})
        sections[-1]["paragraphs"].append(paragraph)
    for section in sections:
        section["numbers"] = [
            p for p in section["paragraphs"] if p.kind == Paragraph.OPERATIVE and p.number
        ]
        # A long annex (S/RES/2231's is 1,300 paragraphs) is folded, so the resolution reads
        # as a page rather than 200,000 pixels; its paragraphs stay in the page, addressable.
        section["folded"] = (
            section["key"].startswith("annex") and len(section["paragraphs"]) > FOLD_ANNEX_OVER
        )
    return sections


def _paragraph_redirect(
    request: HttpRequest, number: int, pid: str, keys: list[str]
) -> HttpResponse | None:
    """A permanent link never breaks: an old identifier (or one typed in capitals) leads to
    the paragraph's current one, and to the same sub-paragraph in it."""
    paragraph = selectors.paragraph_alias_get(number=number, pid=pid)
    if paragraph is None and pid != pid.lower():
        paragraph = selectors.paragraph_get(number=number, pid=pid.lower())
    if paragraph is None:
        return None
    url = paragraph.get_absolute_url()
    if keys:
        url += "/".join(keys) + "/"
    if request.GET:
        url += "?" + request.GET.urlencode()
    return HttpResponsePermanentRedirect(url)


def _sub_keys(sub: str) -> list[str] | None:
    """``"a/iii"`` -> ["a", "iii"]; None for anything no sub-paragraph address looks like."""
    keys = sub.split("/") if sub else []
    if len(keys) > SUB_DEPTH or not all(KEY_RE.match(key) for key in keys):
        return None
    return keys


@require_safe
@last_modified(_resolution_modified)
@cached_page(_resolution_modified)
def paragraph_detail(request: HttpRequest, number: int, pid: str, sub: str = "") -> HttpResponse:
    """A paragraph's permalink page, or one of its sub-paragraphs' (``sub``: "a/iii")."""
    if redirect := _zero_padded_redirect(request):
        return redirect
    keys = _sub_keys(sub)
    if keys is None:
        return not_found(request, number=number)  # "Nothing is at this address, but ..."
    if not PID_SHAPE_RE.match(pid):
        return not_found(request, number=number, pid=pid)
    paragraph = selectors.paragraph_get(number=number, pid=pid)
    if paragraph is None:
        redirect = _paragraph_redirect(request, number, pid, keys)
        if redirect is not None:
            return redirect
        return not_found(request, number=number, pid=pid)
    found = find_item(paragraph.structure, keys) if keys else None
    if keys and found is None:
        return not_found(request, number=number)
    item, sub_labels = found if found else ({}, [])
    resolution = paragraph.resolution
    # A sub-paragraph's page shows the paragraph around it instead of the neighbours.
    before, after = (
        selectors.paragraph_neighbours(paragraph=paragraph) if not keys else (None, None)
    )
    addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
    cited = {
        "pid": addressing.get("cite_as") or paragraph.pid,
        "annex_name": paragraph.annex,
        "part": addressing.get("part", ""),
        "label": paragraph.label,
    }
    citations = paragraph_citations(
        number=resolution.number,
        year=resolution.year,
        adopted_on=resolution.adopted_on,
        paragraph_number=paragraph.number,
        sub=sub_labels,
        **cited,
    )
    query = _highlight_query(request)
    words = str(item.get("text", "")).split() if keys else paragraph.text.split()
    description = " ".join(words[:DESCRIPTION_WORDS])
    if paragraph.begins_on_missing_page:
        description = "… " + description
    if len(words) > DESCRIPTION_WORDS or paragraph.ends_on_missing_page:
        description += " …"
    context = {
        "resolution": resolution,
        "paragraph": paragraph,
        "before": before,
        "after": after,
        "lineage": paragraph_lineage_get(paragraph=paragraph),
        "query": query,
        "search_query": query,  # fills the header's search box, to refine the search
        "citations": citations,
        "name": paragraph_name(
            cited["pid"],
            number=paragraph.number,
            annex_name=paragraph.annex,
            label=paragraph.label,
            part=cited["part"],
            sub=sub_labels,
        ),
        "paragraph_name": paragraph_name(
            cited["pid"],
            number=paragraph.number,
            annex_name=paragraph.annex,
            label=paragraph.label,
            part=cited["part"],
        ),
        "sub": {
            "keys": keys,
            "anchor": anchor(paragraph.pid, keys),
            "mark": " ".join(
                [f"{paragraph.number}" if paragraph.number is not None else "", *sub_labels]
            ).strip(),
        }
        if keys
        else None,
        "description": description,
        "coverage": _coverage(resolution),
        "official_url": official_url(resolution.symbol),
        "canonical_url": absolute_url(
            request, paragraph.get_absolute_url() + "".join(f"{key}/" for key in keys)
        ),
        "resolution_url": absolute_url(request, resolution.get_absolute_url()),
        **language_links(resolution=resolution, pid=paragraph.pid),
    }
    return render(request, "resolutions/paragraph.html", context)


@require_safe
@last_modified(_resolution_modified)
@cached_page(_resolution_modified)
def resolution_json(request: HttpRequest, number: int) -> HttpResponse:
    """The canonical JSON form, UTF-8 as written (no \\u escapes) and indented to be read."""
    if redirect := _zero_padded_redirect(request):
        return redirect
    resolution = selectors.resolution_for_export(number=number)
    if resolution is None:
        return not_found(request, number=number)
    return JsonResponse(
        resolution_to_dict(resolution, origin=site_origin(request)),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )


def _text_lines(resolution: Resolution, request: HttpRequest) -> list[str]:
    coverage = _coverage(resolution)
    lines = [resolution.symbol + (f" {resolution.short_title}" if resolution.short_title else "")]
    if resolution.title:
        lines.append(resolution.title)
    adopted = []
    if resolution.meeting:
        adopted.append(f"at its {resolution.meeting} meeting")
    if resolution.adopted_on:
        adopted.append(f"on {resolution.adopted_on.day} {resolution.adopted_on:%B %Y}")
    if adopted:
        lines.append("Adopted by the Security Council " + ", ".join(adopted) + ".")
    if resolution.vote_in_favour is not None:
        lines.append(
            f"Vote: {resolution.vote_in_favour} in favour, {resolution.vote_against or 0} "
            f"against, {resolution.vote_abstaining or 0} abstaining."
        )
    if resolution.agenda:
        lines.append(f"Agenda item: {resolution.agenda}")
    if coverage["held"]:
        lines.append(f"Text held: {coverage['held']}. {coverage['missing']}".rstrip())
    elif resolution.text_source == "akn":
        lines.append("Text: complete, from the UN's official XML.")
    lines.append(f"Official document: {official_url(resolution.symbol)}")
    lines.append(f"This page: {absolute_url(request, resolution.get_absolute_url())}")
    lines.append("Source: United Nations. Unofficial copy for information.")
    if resolution.formula:
        lines += ["", resolution.formula]
    annex = ""
    for paragraph in resolution.paragraphs.all():
        if paragraph.annex and paragraph.annex != annex:
            annex = paragraph.annex
            lines += ["", annex.upper()]
        addressing = paragraph.addressing if isinstance(paragraph.addressing, dict) else {}
        cite_as = addressing.get("cite_as") or paragraph.pid  # a kept id may not say the place
        marker = paragraph_marker(cite_as, number=paragraph.number, label=paragraph.label)
        text = paragraph.text
        if paragraph.begins_on_missing_page:
            text = "… " + text
        if paragraph.ends_on_missing_page:
            text += " …"
        lines += ["", f"{marker} {text}".strip()]
    return lines


@require_safe
@last_modified(_resolution_modified)
def resolution_text(request: HttpRequest, number: int) -> HttpResponse:
    """Plain text: the symbol, the metadata, then each paragraph after its mark ("PP 3", "31.")."""
    if redirect := _zero_padded_redirect(request):
        return redirect
    resolution = selectors.resolution_page_get(number=number)
    if resolution is None:
        return not_found(request, number=number)
    body = "\n".join(_text_lines(resolution, request)) + "\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_safe
def symbol_redirect(request: HttpRequest, symbol: str) -> HttpResponse:
    """``/S/RES/2388(2017)``, ``/s/res/2388 (2017)``, ``/S/RES/2388``, ``/2388`` -> the page.

    A year that contradicts the archive (``S/RES/2388 (2016)``) is not silently corrected: it
    gets the helpful 404, which links the resolution that does carry that number.
    """
    match = SYMBOL_RE.match(symbol)
    if not match:
        return not_found(request)
    number = int(match.group("number"))
    resolution = selectors.resolution_get(number=number)
    year = match.group("year")
    if resolution is None or (year and int(year) != resolution.year):
        return not_found(request, number=number)
    return HttpResponsePermanentRedirect(reverse("resolutions:detail", kwargs={"number": number}))
