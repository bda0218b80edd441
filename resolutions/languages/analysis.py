"""What each language's search indexes and looks for: the same analysis for a paragraph's text
at ingest and for a query, so the two always meet.

* French, Spanish, Russian: words lower-cased, the language's common function words dropped,
  each word reduced to its Snowball stem (the algorithms PostgreSQL's ``french``, ``spanish``
  and ``russian`` configurations use): "traite des personnes" -> "trait person", which
  also finds "traites", "personne";
* Arabic: the words with their vowel marks and the tatweel removed, then Snowball's Arabic
  stemmer ("الاتجار بالبشر" -> "اتجار بشر"), after "و" (and) is taken off a word that
  goes on with the article "ال" ("والاتجار" -> "الاتجار"), which the stemmer leaves whole;
* Chinese, written without spaces: each run of characters as overlapping pairs ("贩运人口" ->
  "贩运 运人 人口"), a query run searched as the phrase of its pairs, so any run of two or
  more characters is found wherever it stands (a one-character query matches pairs that
  start with it).

Example::

    >>> analyse("fr", "la traite des personnes")
    ['trait', 'person']
    >>> query_groups("zh", "贩运人口")
    [['贩运', '运人', '人口']]
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# An Arabic word keeps its vowel marks and tatweel (not \w): "يشدِّد" is one word.
_ARABIC_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
STEMMERS = {"fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
# The most frequent function words of each language, which PostgreSQL's configurations drop
# too: a query "traite des personnes" must not require "des".
STOP_WORDS = {
    "fr": set(
        "a à au aux avec ce ces d dans de des du elle en et eux il je l la le les leur lui "
        "ma mais me même mes moi mon n ne nos notre nous on ou où par pas pour qu que qui s "
        "sa se ses son sur ta te tes toi ton tu un une vos votre vous y été être".split()
    ),
    "es": set(
        "a al algo como con de del e el en entre es esa ese eso esta este esto la las le les "
        "lo los más mi no nos o para pero por que qué se sea sin sobre su sus te tu un una "
        "uno unos y ya".split()
    ),
    "ru": set(
        "а без в во вы да для до его ее её если же за и из или им их к как ко ли на над не "
        "нет ни но о об от по под при с со так также то того тоже у что чтобы это этот".split()
    ),
}


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


def analyse(language: str, text: str) -> list[str]:
    """The tokens a text is indexed by (see the module's docstring)."""
    if language == "zh":
        tokens: list[str] = []
        for group in query_groups(language, text):
            tokens.extend(group)
        return tokens
    if language == "ar":
        return [_stem(language, word) for word in _arabic_words(_ARABIC_WORD.findall(text))]
    words = _WORD.findall(text.lower().replace("ё", "е"))
    if language in STEMMERS:
        stop = STOP_WORDS.get(language, set())
        return [_stem(language, word) for word in words if word not in stop]
    return words


@lru_cache(maxsize=200_000)
def _stem(language: str, word: str) -> str:
    """One word's stem, remembered: Snowball in pure Python costs tens of microseconds a
    word, and the corpus's 43,000 paragraphs repeat a vocabulary of some 20,000 words."""
    return _stemmer(language).stemWord(word)


def _arabic_words(words: list[str]) -> list[str]:
    words = [_ARABIC_MARKS.sub("", word) for word in words]
    return [w[1:] if w.startswith("وال") and len(w) > 4 else w for w in words]


def search_text(language: str, text: str) -> str:
    """``analyse`` joined by spaces: what SQLite's index holds (``ParagraphText.search_text``)."""
    return " ".join(analyse(language, text))


def query_groups(language: str, text: str) -> list[list[str]]:
    """A query as groups of tokens, each group a phrase (one word, or a Chinese run's pairs);
    every group must match. Chinese runs give their character pairs; words between them
    are analysed as words."""
    if language != "zh":
        return [[token] for token in analyse(language, text)]
    groups: list[list[str]] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        groups.extend([w] for w in _WORD.findall(text[position : run.start()].lower()))
        chars = run.group()
        groups.append(
            [chars] if len(chars) == 1 else [a + b for a, b in zip(chars, chars[1:], strict=False)]
        )
        position = run.end()
    groups.extend([w] for w in _WORD.findall(text[position:].lower()))
    return groups


def marks(language: str, text: str, query: str) -> list[tuple[int, int]]:
    """Where a paragraph's text matches the query, as (start, end) offsets, for the snippet:
    every word whose analysis is one of the query's tokens; for Chinese, every place a
    query run occurs."""
    if language == "zh":
        found: list[tuple[int, int]] = []
        for run in _CJK_RUN.findall(query):
            start = text.find(run)
            while start != -1:
                found.append((start, start + len(run)))
                start = text.find(run, start + len(run))
        return sorted(found)
    wanted = {group[0] for group in query_groups(language, query)}
    if not wanted:
        return []
    # Only words that contain a wanted stem are stemmed (Snowball's stems are the word's
    # beginning, or for Arabic a part of it): the pure-Python stemmer is the slow part.
    found = []
    for word in (_ARABIC_WORD if language == "ar" else _WORD).finditer(text):
        lowered = word.group().lower().replace("ё", "е")
        plain = _ARABIC_MARKS.sub("", lowered) if language == "ar" else lowered
        if any(stem in plain for stem in wanted) and _token(language, lowered) in wanted:
            found.append(word.span())
    return found


@lru_cache(maxsize=50_000)
def _token(language: str, word: str) -> str:
    tokens = analyse(language, word)
    return tokens[0] if tokens else ""
