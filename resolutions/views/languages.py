"""The pages in the five other official languages, and two languages side by side.

URLs (``resolutions/urls.py``): ``/fr/resolutions/2546/``, ``/fr/resolutions/2546/op3/``,
``/fr-en/resolutions/2546/`` (side by side: the first language on the start side),
``/fr/search/?q=traite+des+personnes``. English keeps its unprefixed addresses. A resolution
the archive does not hold in the language asked for is a 404 that says which languages it
holds and links to them; so is a paragraph whose text in that language did not align.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from resolutions.languages import selectors
from resolutions.languages.forms import (
    ENGLISH,
    ENGLISH_NAMES,
    LANGUAGES,
    NAMES,
    direction,
    official_document_url,
    paragraph_citation,
)
from resolutions.languages.search import language_search
from resolutions.views.errors import not_found
from resolutions.views.pages import PID_SHAPE_RE


def language_url(language: str, number: int, pid: str = "") -> str:
    """The page of a resolution (or a paragraph) in a language; English is unprefixed."""
    if language == ENGLISH:
        if pid:
            return reverse("resolutions:paragraph", kwargs={"number": number, "pid": pid})
        return reverse("resolutions:detail", kwargs={"number": number})
    if pid:
        return reverse(
            "resolutions:lang_paragraph", kwargs={"lang": language, "number": number, "pid": pid}
        )
    return reverse("resolutions:lang_detail", kwargs={"lang": language, "number": number})


def _switch(held: list[str], current: list[str], number: int, pid: str) -> list[dict]:
    return [
        {
            "code": code,
            "name": NAMES[code],
            "url": language_url(code, number, pid),
            "current": code in current,
            "dir": direction(code),
        }
        for code in held
    ]


def _cell(language: str, paragraph) -> dict:
    """One paragraph in one language for the templates; ``text`` None when not aligned."""
    if language == ENGLISH:
        return {"lang": ENGLISH, "dir": "ltr", "text": paragraph.text, "english": True}
    held = paragraph.texts_by_language.get(language)
    return {
        "lang": language,
        "dir": direction(language),
        "text": held.text if held else None,
        "structure": held.structure if held else None,
        "emphasis": held.emphasis if held else None,
    }


def _held(page) -> list[str]:
    return [code for code in LANGUAGES if code == ENGLISH or code in page.translations]


def _missing_language(request, page, language: str, pid: str = "") -> HttpResponse:
    context = {
        "resolution": page.resolution,
        "language": language,
        "language_name": ENGLISH_NAMES[language],
        "switch": _switch(_held(page), [], page.resolution.number, pid),
        "official_url": official_document_url(language, page.resolution.symbol),
        "pid": pid,
    }
    return render(request, "languages/missing.html", context, status=404)


@require_safe
def resolution_in_language(request: HttpRequest, lang: str, number: int) -> HttpResponse:
    return _page(request, [lang], number, "")


@require_safe
def paragraph_in_language(request: HttpRequest, lang: str, number: int, pid: str) -> HttpResponse:
    return _page(request, [lang], number, pid)


@require_safe
def side_by_side(
    request: HttpRequest, first: str, second: str, number: int, pid: str = ""
) -> HttpResponse:
    if first == second:  # /fr-fr/...: one language is the page of that language
        return not_found(request, number=number, pid=pid)
    return _page(request, [first, second], number, pid)


def _page(request: HttpRequest, languages: list[str], number, pid: str) -> HttpResponse:
    number = int(number)  # from the URL pattern: at most five digits
    if pid and not PID_SHAPE_RE.match(pid):
        return not_found(request, number=number, pid=pid)
    page = selectors.resolution_in_languages(number=number, languages=languages)
    if page is None:
        return not_found(request, number=number)
    for language in languages:
        if language != ENGLISH and language not in page.translations:
            return _missing_language(request, page, language, pid)
    resolution = page.resolution
    paragraphs = page.paragraphs
    if pid:
        paragraphs = [p for p in paragraphs if p.pid == pid]
        if not paragraphs:
            return not_found(request, number=number, pid=pid)
    held = _held(page)
    rows = [
        {"paragraph": p, "cells": [_cell(language, p) for language in languages]}
        for p in paragraphs
    ]
    main = languages[0]
    if pid and rows[0]["cells"][0]["text"] is None:
        return _missing_paragraph(request, page, main, paragraphs[0], held)
    citation = ""
    if pid:
        paragraph = paragraphs[0]
        label = (paragraph.addressing or {}).get("cite_as") or paragraph.pid
        citation = paragraph_citation(main, resolution.symbol, paragraph.number, label)
    translation_of = {code: page.translations.get(code) for code in languages}
    context = {
        "resolution": resolution,
        "languages": [
            {
                "code": code,
                "name": NAMES[code],
                "english_name": ENGLISH_NAMES[code],
                "dir": direction(code),
                "translation": translation_of[code],
                "official_url": official_document_url(code, resolution.symbol),
            }
            for code in languages
        ],
        "page_language": main,
        "page_direction": direction(main),
        "side_by_side": len(languages) > 1,
        "rows": rows,
        "pid": pid,
        "citation": citation,
        "switch": _switch(held, languages[:1], resolution.number, pid),
        "pairs": [
            {
                "code": code,
                "name": NAMES[code],
                "url": _pair_url(main, code, resolution.number, pid),
                "current": len(languages) > 1 and languages[1] == code,
            }
            for code in held
            if code != main
        ],
        "alternates": [
            {"code": code, "url": request.build_absolute_uri(language_url(code, number, pid))}
            for code in held
        ],
        "english_url": language_url(ENGLISH, number, pid),
    }
    with translation.override(main if main in ("fr", "es") else ENGLISH):
        return render(request, "languages/page.html", context)


def _pair_url(first: str, second: str, number: int, pid: str) -> str:
    kwargs = {"first": first, "second": second, "number": number}
    if pid:
        return reverse("resolutions:side_by_side_paragraph", kwargs={**kwargs, "pid": pid})
    return reverse("resolutions:side_by_side", kwargs=kwargs)


def _missing_paragraph(request, page, language, paragraph, held) -> HttpResponse:
    translation_held = page.translations[language]
    context = {
        "resolution": page.resolution,
        "language": language,
        "language_name": ENGLISH_NAMES[language],
        "paragraph": paragraph,
        "mismatches": translation_held.mismatches,
        "switch": _switch(held, [], page.resolution.number, paragraph.pid),
        "official_url": official_document_url(language, page.resolution.symbol),
        "pid": paragraph.pid,
        "english_url": language_url(ENGLISH, page.resolution.number, paragraph.pid),
    }
    return render(request, "languages/missing.html", context, status=404)


@require_safe
def search_in_language(request: HttpRequest, lang: str) -> HttpResponse:
    """``/fr/search/?q=traite+des+personnes``: the paragraphs of the French texts; the
    language is the address's, and the form lets the reader choose another."""
    query = request.GET.get("q", "").replace("\x00", "").strip()
    try:
        page = int(request.GET.get("page", "1"))
    except ValueError:
        page = 1
    page = min(max(page, 1), 500)
    results = language_search(language=lang, query=query, page=page) if query else None
    context = {
        "lang": lang,
        "query": query,
        "results": results,
        "page_language": lang,
        "page_direction": direction(lang),
        "choices": [{"code": code, "name": NAMES[code]} for code in LANGUAGES],
        "language_name": NAMES[lang],
    }
    with translation.override(lang if lang in ("fr", "es") else ENGLISH):
        return render(request, "languages/search.html", context)
