"""What each official language needs on a page: its name in itself, its direction, the UN's
form of a paragraph citation and the address of its official document.

Citation forms are the UN's own: French and Spanish documents cite "S/RES/2546 (2020),
par. 3" / "párr. 3", Russian "п. 3"; the Chinese and Arabic texts of the UN's XML write
"第2240(2015)号决议第17段" and "الفقرة 17 من القرار 2240 (2015)", so the paragraph is "第3段" and
"الفقرة 3" after the symbol. Example::

    >>> paragraph_citation("fr", "S/RES/2546 (2020)", 3)
    'S/RES/2546 (2020), par. 3'
    >>> official_document_url("fr", "S/RES/2546 (2020)")
    'https://undocs.org/fr/S/RES/2546(2020)'
"""

from __future__ import annotations

ENGLISH = "en"
# The archive's order: English first, then the UN's (alphabetical in English).
LANGUAGES = ("en", "ar", "zh", "fr", "ru", "es")
OTHER_LANGUAGES = LANGUAGES[1:]
NAMES = {  # each language named in itself, as a switch shows it
    "en": "English",
    "ar": "العربية",
    "zh": "中文",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
ENGLISH_NAMES = {
    "en": "English",
    "ar": "Arabic",
    "zh": "Chinese",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}
RIGHT_TO_LEFT = {"ar"}
_PARAGRAPH_FORMS = {
    "en": "{symbol}, para. {number}",
    "fr": "{symbol}, par. {number}",
    "es": "{symbol}, párr. {number}",
    "ru": "{symbol}, п. {number}",
    "zh": "{symbol}，第{number}段",
    "ar": "{symbol}، الفقرة {number}",
}


def direction(language: str) -> str:
    """ "rtl" for Arabic, else "ltr": the HTML ``dir`` attribute."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def paragraph_citation(language: str, symbol: str, number: int | None, label: str = "") -> str:
    """A paragraph cited in the language's UN form; a paragraph the UN does not number
    (preamble, annex, footnote) is cited by the label given (the archive's identifier)."""
    if number is None:
        return f"{symbol}, {label}" if label else symbol
    return _PARAGRAPH_FORMS.get(language, _PARAGRAPH_FORMS["en"]).format(
        symbol=symbol, number=number
    )


def official_document_url(language: str, symbol: str) -> str:
    """The UN's resolver for the document in that language; English keeps the archive's
    established link without a language (undocs.org serves English by default)."""
    compact = symbol.replace(" ", "")
    if language == ENGLISH:
        return f"https://undocs.org/{compact}"
    return f"https://undocs.org/{language}/{compact}"
