"""Checking a draft: a drafter's text in, the closest agreed language for each of its
paragraphs out. Nothing pasted or uploaded is stored or logged.

In: pasted text, or the bytes of an uploaded .txt or .docx. Out: a :class:`~.matching.DraftReport`
(for the page and the JSON): each paragraph of the draft with its closest paragraph in the
archive, how much wording they share, the drafter's track changes from the archive's text to the
draft, and a few other close matches -- or "no agreed language found".

* ``reading.py`` -- bytes of a .txt or .docx to text, refusing binary, wrong encodings, corrupt
  or oversized archives (pure; no Django);
* ``splitting.py`` -- text to paragraphs as a person numbers them (pure);
* ``matching.py`` -- an index over the archive's wordings and the look-up (pure);
* ``selectors.py`` -- the index built once per process from the database, rebuilt when the
  archive changes, and the report with citations (reads only).

The measure of shared wording and the index are the lineage's (:mod:`resolutions.lineage`).
"""

MAX_CHARS = 100_000  # characters of draft text (about 60 pages of a resolution)
MAX_PARAGRAPHS = 200  # paragraphs of one draft
MAX_UPLOAD_BYTES = 2_000_000  # an uploaded file; a request body past this answers 413
MATCH_SHARE = 0.6  # a paragraph sharing less wording than this is not "agreed language"
OTHER_MATCHES = 4  # other close wordings shown after the closest
