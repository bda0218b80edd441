"""Reads for the pages in other languages: a fixed number of queries per page, as
:mod:`resolutions.selectors`. Example::

    page = resolution_in_language(number=2546, language="fr")
    page.translation.mismatches, [(p.pid, p.translated) for p in page.paragraphs]
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from resolutions.languages.forms import ENGLISH, LANGUAGES
from resolutions.models import Paragraph, ParagraphText, Resolution, Translation


@dataclass(frozen=True)
class LanguagePage:
    resolution: Resolution
    translations: dict[str, Translation]  # language -> translation held (raw text deferred)
    # In document order; each with ``texts_by_language`` {language: ParagraphText}.
    paragraphs: list[Paragraph]


def languages_held(*, resolution: Resolution) -> list[str]:
    """The languages the archive holds the resolution in, English first, the UN's order."""
    held = set(Translation.objects.filter(resolution=resolution).values_list("language", flat=True))
    return [code for code in LANGUAGES if code == ENGLISH or code in held]


def resolution_in_languages(*, number: int, languages: list[str]) -> LanguagePage | None:
    """A resolution's paragraphs with their texts in ``languages`` (English is the
    paragraph's own text), and every translation held. Four queries."""
    resolution = Resolution.objects.filter(number=number).first()
    if resolution is None:
        return None
    translations = {
        t.language: t for t in Translation.objects.filter(resolution=resolution).defer("raw_text")
    }
    others = [code for code in languages if code != ENGLISH]
    texts = ParagraphText.objects.filter(language__in=others)
    paragraphs = list(
        Paragraph.objects.filter(resolution=resolution)
        .defer("text_as_printed")
        .order_by("position")
        .prefetch_related(Prefetch("texts", queryset=texts, to_attr="held_texts"))
    )
    for paragraph in paragraphs:
        paragraph.texts_by_language = {t.language: t for t in paragraph.held_texts}
    return LanguagePage(resolution=resolution, translations=translations, paragraphs=paragraphs)


def alignment_report(*, language: str | None = None) -> list[Translation]:
    """Every translation whose structure differs from the English text, by resolution."""
    found = (
        Translation.objects.exclude(mismatches=[])
        .select_related("resolution")
        .defer("raw_text")
        .order_by("resolution__number", "language")
    )
    if language:
        found = found.filter(language=language)
    return list(found)


def language_links(*, resolution: Resolution, pid: str = "") -> dict:
    """What an English page shows of the other languages: a link per language held (the
    same paragraph when ``pid``), side-by-side links, ``hreflang`` alternates, and the
    official documents when only English is held. One query."""
    from django.urls import reverse

    from resolutions.languages.forms import NAMES, direction, official_document_url

    number = resolution.number
    links = []
    for code in languages_held(resolution=resolution):
        kwargs = {"number": number, **({"pid": pid} if pid else {})}
        if code == ENGLISH:
            url = reverse("resolutions:paragraph" if pid else "resolutions:detail", kwargs=kwargs)
            pair_url = ""
        else:
            url = reverse(
                "resolutions:lang_paragraph" if pid else "resolutions:lang_detail",
                kwargs={"lang": code, **kwargs},
            )
            pair_url = reverse(
                "resolutions:side_by_side_paragraph" if pid else "resolutions:side_by_side",
                kwargs={"first": code, "second": ENGLISH, **kwargs},
            )
        links.append(
            {
                "code": code,
                "name": NAMES[code],
                "dir": direction(code),
                "url": url,
                "pair_url": pair_url,
            }
        )
    official = [
        {
            "code": code,
            "name": NAMES[code],
            "dir": direction(code),
            "url": official_document_url(code, resolution.symbol),
        }
        for code in LANGUAGES[1:]
    ]
    return {"languages": links, "official_languages": official}
