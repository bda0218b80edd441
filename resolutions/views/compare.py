"""Two resolutions compared paragraph by paragraph, and the small form that picks the second.

``/resolutions/2388/compare/2331/`` aligns S/RES/2388 (2017) with S/RES/2331 (2016): kept,
changed (with track changes), new, dropped, moved. ``?show=differences`` leaves out the
paragraphs kept verbatim in place. ``?with=2331`` (a number or a symbol as people paste it,
``S/RES/2331 (2016)``) on ``/resolutions/2388/compare/`` or on a comparison leads to the
comparison's own address. Example::

    GET /resolutions/2388/compare/?with=S/RES/2331+(2016)  ->  302 /resolutions/2388/compare/2331/
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import condition, require_safe

from resolutions import selectors
from resolutions.lineage.selectors import (
    ComparedSection,
    resolution_comparison_get,
    resolutions_get,
    resolutions_last_modified,
)
from resolutions.models import Resolution
from resolutions.views.errors import not_found
from resolutions.views.page_cache import cached_page
from resolutions.views.pages import SYMBOL_RE, absolute_url

WITH_MAX = 60  # longer than any symbol as people write it: the rest is not read
DIFFERENCES = "differences"


def _other(request: HttpRequest, number: int) -> tuple[int | None, str]:
    """The resolution number ``?with=`` names, or None and what to say about it."""
    raw = request.GET.get("with", "")
    if not raw.strip():
        return None, "Type the number or symbol of the resolution to compare with, e.g. 2331."
    match = SYMBOL_RE.match(raw[:WITH_MAX]) if len(raw) <= WITH_MAX else None
    if not match:
        return None, (
            "That is not a resolution number or symbol: type a number such as 2331, "
            "or a symbol such as S/RES/2331 (2016)."
        )
    other = int(match.group("number"))
    found = selectors.resolution_get(number=other)
    year = match.group("year")
    if found is None:
        return None, f"The archive does not hold resolution {other}."
    if year and int(year) != found.year:
        return None, f"Resolution {other} was adopted in {found.year}, not {year}: {found.symbol}."
    return other, ""


def _form_page(
    request: HttpRequest, resolution: Resolution, error: str, *, status: int
) -> HttpResponse:
    context = {"resolution": resolution, "error": error, "value": request.GET.get("with", "")}
    return render(request, "resolutions/compare_form.html", context, status=status)


@require_safe
def compare_form(request: HttpRequest, number: int) -> HttpResponse:
    """``?with=`` -> the comparison's address; without it (or with a wrong one), the form."""
    resolution = selectors.resolution_get(number=number)
    if resolution is None:
        return not_found(request, number=number)
    other, error = _other(request, number)
    if other is None:
        status = 200 if "with" not in request.GET else 400
        return _form_page(request, resolution, error if status == 400 else "", status=status)
    return redirect("resolutions:compare", number=number, other=other)


def _last_modified(request: HttpRequest, number: int, other: int):
    return resolutions_last_modified(numbers=[number, other])


@require_safe
@condition(last_modified_func=_last_modified)
@cached_page(_last_modified)
def compare(request: HttpRequest, number: int, other: int) -> HttpResponse:
    """S/RES/``number`` compared with S/RES/``other``."""
    canonical = reverse("resolutions:compare", kwargs={"number": number, "other": other})
    if request.path != canonical:  # /resolutions/02388/compare/02331/
        query = "?" + request.GET.urlencode() if request.GET else ""
        return HttpResponsePermanentRedirect(canonical + query)
    if "with" in request.GET:
        return compare_form(request, number)
    found = resolutions_get(numbers=[number, other])
    for wanted in (number, other):
        if wanted not in found:
            return not_found(request, number=wanted)
    comparison = resolution_comparison_get(first=found[number], second=found[other])
    differences = request.GET.get("show") == DIFFERENCES
    sections = comparison.sections
    if differences:
        sections = [
            ComparedSection(section.key, section.title, [r for r in section.rows if r.difference])
            for section in sections
        ]
        sections = [section for section in sections if section.rows]
    context = {
        "resolution": found[number],
        "other": found[other],
        "comparison": comparison,
        "sections": sections,
        "differences": differences,
        "canonical_url": absolute_url(request, canonical),
    }
    return render(request, "resolutions/compare.html", context)
