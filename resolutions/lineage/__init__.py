"""Agreed language: where each paragraph's words come from, and where they went.

In: the paragraphs the archive holds. Out: ``LineageLink`` rows (computed at ingest by
:func:`services.lineage_update`), read back by :mod:`.selectors` for the permalink, the
resolution page, the comparison of two resolutions and the draft check.

* ``text.py`` -- words, the share of wording two paragraphs have in common, track changes;
* ``index.py`` -- every wording above a threshold, exactly, without comparing against all;
* ``graph.py`` -- from similar wordings to each paragraph's sources and origin (pure);
* ``align.py`` -- two resolutions side by side, paragraph by paragraph (pure);
* the draft check, which reuses ``text.py``, lives in :mod:`resolutions.drafts`;
* ``services.py`` (writes), ``selectors.py`` (reads), ``serializers.py`` (JSON).

Thresholds (shares of wording, see ``text.share``): a paragraph's *sources* are earlier
paragraphs of other resolutions sharing at least ``SOURCE_SHARE``; from ``NEAR_IDENTICAL``
up the reuse is *near-identical*, below it *partial*.
"""

SOURCE_SHARE = 0.8  # at least 80 % of the wording in common: a source
NEAR_IDENTICAL = 0.95  # at least 95 %: near-identical (a word or two in a long paragraph)
CLOSEST = 3  # earlier sources kept per paragraph, closest first
MIN_WORDS = 4  # shorter paragraphs ("Annex", "Decides", ...) have no lineage
