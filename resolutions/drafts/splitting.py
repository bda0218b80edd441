"""A draft's text to its paragraphs, as a person would number them. Pure Python.

Drafts arrive in every shape: pasted from Word (one line a paragraph, no blank lines), from an
e-mail (lines wrapped at 72 characters, blank lines between paragraphs), numbered by hand
("1.", "12)") or not at all. A new paragraph starts at

* a blank line;
* a line that begins with a paragraph's label -- "1.", "12)", "(a)", "(iv)", "b)", a bullet;
* a line that begins as a resolution's paragraphs do -- a preambular participle ("Recalling",
  "Deeply concerned", "Bearing in mind") or an operative verb ("Decides", "Calls upon") -- when
  the line before ends a clause (",", ";", ":" or ".");
* a line after one that ends with ";", ":" or "." and that begins with a capital or a label.

Lettered or roman items ("(a)", "(ii)") that follow a paragraph ending with ":" belong to it, as
in the Council's own texts ("Decides that: (a) ...; (b) ..."), where the archive's paragraph
text holds them; elsewhere an item is a paragraph of its own. The label is kept apart from the
text compared. Example::

    >>> [(p.label, p.text) for p in split_draft("1. Decides to renew;\\n2. Requests a report.")]
    [('1.', 'Decides to renew;'), ('2.', 'Requests a report.')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from resolutions.drafts import MAX_PARAGRAPHS
from resolutions.drafts.reading import DraftError

_LABEL_RE = re.compile(
    r"""
    ^\s*
    (?P<label>
        \d{1,3}[.)](?!\d)                 # "1." "12)" -- not "1.5"
      | \((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)   # "(a)" "(aa)" "(iv)" "(1)"
      | [a-z][)]                          # "a)"
      | [\u2022\u25aa\u25cf\u2013\u2014*-](?=\s)   # a bullet or dash
    )
    (?:\s+|$)                             # its text, or the end of a line holding only it
    """,
    re.VERBOSE,
)
# An item's label: attached to a preceding paragraph that ends with ":".
_ITEM_RE = re.compile(r"^(?:\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)|[a-z]\))$")

_OPENER_RE = re.compile(
    r"""
    ^\s*(?:
        [A-Z][a-z]+ing\b                  # "Recalling", "Noting", "Bearing", "Having"
      | (?:Deeply|Gravely|Seriously|Strongly|Further|Also|Again|Profoundly)\s+[a-z]+
                                          # "Deeply concerned", "Further recalling"
      | (?:Mindful|Concerned|Alarmed|Aware|Conscious|Convinced|Determined|Guided|Cognizant)\b
      | (?:Decides|Requests|Calls|Urges|Encourages|Invites|Demands|Condemns|Welcomes
          |Reaffirms|Reiterates|Emphasizes|Emphasises|Stresses|Underlines|Expresses
          |Recognizes|Recognises|Notes|Affirms|Authorizes|Authorises|Extends|Acknowledges
          |Commends|Deplores|Directs|Endorses|Supports|Recommends|Appeals|Takes)\b
                                          # the operative verbs the Council begins with
    )
    """,
    re.VERBOSE,
)
_CLAUSE_END = (",", ";", ":", ".")
_SENTENCE_END = (";", ":", ".")
# Word and other editors: vertical tab (manual line break), form feed, the Unicode separators.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n\n", "\u2028": "\n", "\u2029": "\n\n"})


@dataclass(frozen=True)
class DraftParagraph:
    number: int  # its place in the draft, from 1
    label: str  # as the drafter numbered it ("1.", "(a)", "•"), or ""
    # Without the label; lines joined with a space. Left out of repr(), which a log line
    # might show (Django's template engine logs its context when a lookup fails).
    text: str = field(repr=False)


def split_draft(text: str) -> list[DraftParagraph]:
    """The paragraphs of ``text``; DraftError past ``MAX_PARAGRAPHS``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    pieces: list[tuple[str, list[str]]] = []  # (label, lines)
    previous = ""  # the line before, "" after a blank line
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            previous = ""
            continue
        label_match = _LABEL_RE.match(line)
        if pieces and pieces[-1][0] and not pieces[-1][1] and label_match is None:
            pieces[-1][1].append(line)  # the text of a label on a line of its own
            previous = line
            continue
        starts = (
            not previous
            or label_match is not None
            or (previous.endswith(_CLAUSE_END) and _OPENER_RE.match(line) is not None)
            or (previous.endswith(_SENTENCE_END) and line[0].isupper())
        )
        if starts:
            label = label_match["label"] if label_match else ""
            body = line[label_match.end() :] if label_match else line
            pieces.append((label, [body] if body else []))
        else:
            pieces[-1][1].append(line)
        previous = line
    paragraphs = _attach_items(
        [(label, " ".join(lines)) for label, lines in pieces if lines or label]
    )
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise DraftError(
            f"The draft has {len(paragraphs):,} paragraphs; the check reads up to "
            f"{MAX_PARAGRAPHS} at a time. Check it in parts.",
            status=413,
        )
    return [
        DraftParagraph(number=n, label=label, text=body)
        for n, (label, body) in enumerate(paragraphs, start=1)
    ]


def _attach_items(paragraphs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Items ("(a) ...") after a paragraph that ends with ":" become part of it."""
    joined: list[tuple[str, str]] = []
    collecting = False  # the last paragraph introduced a list of items
    for label, body in paragraphs:
        if collecting and _ITEM_RE.match(label):
            parent_label, parent = joined[-1]
            joined[-1] = (parent_label, f"{parent} {label} {body}".strip())
            continue
        joined.append((label, body))
        collecting = body.endswith(":")
    return joined
