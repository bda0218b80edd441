"""The opening words the UN prints in italics, for texts whose markup does not say.

Why: the printed resolution sets the opening words of each preambular paragraph ("Recalling",
"Expressing grave concern") and each operative verb ("Decides", "Calls upon") in italics. The
XML marks them (``<span class="italic">``, read by :mod:`markup`); text extracted from the
PDFs has lost them, and the XML leaves a few paragraphs unmarked. For those, the opening is
matched against the italic openings the Council's own XML prints, counted by
``scripts/build_printed_forms.py`` into ``data/italic_openers.txt`` (``kind<TAB>phrase<TAB>
count``). The longest opener of the paragraph's kind that starts the text, on a word boundary,
is the italic lead; a text opening with no known opener gets none (nothing is guessed).

Example::

    >>> find_lead("operative", "Calls upon Member States to ...")
    ((0, 10),)
"""

from __future__ import annotations

import dataclasses
import functools
from importlib import resources

from resolutions.parsing.document import ParsedResolution

MIN_COUNT = 3  # an opener seen fewer times may be a slip of the markup


@functools.cache
def openers(kind: str) -> tuple[str, ...]:
    """The known italic openers of a paragraph kind, longest first."""
    data = resources.files("resolutions.parsing").joinpath("data/italic_openers.txt")
    phrases = []
    for line in data.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            opener_kind, phrase, count = line.split("\t")
            if opener_kind == kind and int(count) >= MIN_COUNT:
                phrases.append(phrase)
    return tuple(sorted(phrases, key=len, reverse=True))


def find_lead(kind: str, text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of the italic opening of ``text``, or () when none is known."""
    for phrase in openers(kind):
        end = len(phrase)
        if text.startswith(phrase) and (end == len(text) or not text[end].isalnum()):
            return ((0, end),)
    return ()


def with_leads(parsed: ParsedResolution) -> ParsedResolution:
    """``parsed`` with italic leads on the paragraphs whose source marked no italics."""
    paragraphs = tuple(
        paragraph
        if paragraph.emphasis or paragraph.begins_on_missing_page
        else dataclasses.replace(paragraph, emphasis=find_lead(paragraph.kind, paragraph.text))
        for paragraph in parsed.paragraphs
    )
    return dataclasses.replace(parsed, paragraphs=paragraphs)
