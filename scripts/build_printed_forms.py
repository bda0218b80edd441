"""Build two small data files of how the UN prints things, from its own corpus.

Why: the page texts (from the UN's PDFs) lose italics, and the UN's record data spells every
Council member in capitals ("CÔTE D'IVOIRE"); the archive should print both as the UN does.
The UN's XML and record data say how, so the answers are counted there, not typed by hand:

* ``resolutions/parsing/data/italic_openers.txt`` -- ``kind<TAB>phrase<TAB>count``: the words
  the XML prints in italics at the start of a preambular paragraph ("Recalling", "Acting" --
  not "Acting under Chapter VII ...", which ``preamble_openers.txt`` lists as the container
  names) and of an operative paragraph, numbered or the one a resolution prints unnumbered
  ("Decides", "Calls upon", "Forwards"), count >= 3. Used
  for page texts, which carry no markup. Resolutions 2331 and 2388 are held out, as in
  ``scripts/build_vocabulary.py``.
* ``resolutions/parsing/data/member_names.txt`` -- ``NAME<TAB>Spelling<TAB>count``: for each
  member name the record data writes in capitals (votes and sponsors), the mixed-case
  spelling found most often for the same letters in the resolutions' text, agenda items and
  titles ("TÜRKİYE" -> "Türkiye", "CÔTE D'IVOIRE" -> "Côte d’Ivoire"). A name never written
  in mixed case there is left out (the spelling's first letter is capitalised, since it
  opens an entry of a list); :func:`resolutions.parsing.members.member_name` then
  applies its documented fallback.

Example::

    .venv/bin/python scripts/build_printed_forms.py --corpus ../shared/corpora/un-sc-akn
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "resolutions" / "parsing" / "data"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
HELD_OUT = {2331, 2388}
MIN_OPENER = 3
WORK_NUMBER = re.compile(r"/unsc/[\d-]+/(?P<number>\d+)-\d{4}/")
MEMBER_FIELDS = ("MS_in_favour", "MS_against", "MS_abstaining", "sponsors", "additional_sponsors")


def _collapse(text: str) -> str:
    """Whitespace collapsed, and composed characters: the records write "CÔTE" both ways."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _is_italic(element: ET.Element) -> bool:
    return element.tag == f"{AKN}i" or "italic" in (element.get("class") or "").split()


def italic_lead(paragraph: ET.Element) -> str:
    """The italic words a paragraph (operative ``<paragraph>`` or preamble ``<container>``)
    opens with, or ""."""
    first = paragraph.find(f"{AKN}content/{AKN}p")
    if first is None:
        first = paragraph.find(f"{AKN}list/{AKN}intro/{AKN}p")
    if first is None:
        first = paragraph.find(f"{AKN}p")
    if first is None or (first.text or "").strip():
        return ""
    child = next(iter(first), None)
    if child is None or not _is_italic(child):
        return ""
    lead = _collapse("".join(child.itertext())).rstrip(",;:")
    return lead if lead[:1].isupper() else ""


def count_openers(corpus: Path) -> tuple[Counter, str]:
    openers: Counter = Counter()
    seen: set[int] = set()
    for path in sorted((corpus / "xml").rglob("*.xml")):
        data = path.read_bytes()
        found = WORK_NUMBER.search(data.decode("utf-8", "replace"))
        number = int(found["number"]) if found else None
        if number in HELD_OUT or (number is not None and number in seen):
            continue
        if number is not None:
            seen.add(number)
        root = ET.fromstring(data)
        statement = next(iter(root))
        preamble = statement.find(f"{AKN}preamble")
        for container in preamble if preamble is not None else ():
            lead = italic_lead(container) if container.tag == f"{AKN}container" else ""
            if lead:
                openers["preambular", lead] += 1
        body = statement.find(f"{AKN}mainBody")  # the resolution's own, not an annex's
        for paragraph in body.iter(f"{AKN}paragraph") if body is not None else ():
            lead = italic_lead(paragraph)
            if lead and paragraph.find(f"{AKN}num") is None:
                # A resolution's one unnumbered operative paragraph ("Forwards the following
                # nominations"), not a heading printed in italics ("Listing Criteria").
                text = _collapse("".join(paragraph.itertext()))
                after = text[len(lead) :].strip()
                if not (text.startswith(lead) and after[:1].islower() and lead.endswith("s")):
                    lead = ""
            if lead:
                openers["operative", lead] += 1
    return openers, f"{len(seen)} resolutions (AKN XML), 2331 and 2388 held out"


def corpus_texts(corpus: Path) -> list[str]:
    """Every resolution's words, and the record data's agenda items and titles."""
    texts = []
    for path in sorted((corpus / "xml").rglob("*.xml")):
        statement = next(iter(ET.fromstring(path.read_bytes())))
        for part in ("preamble", "mainBody", "attachments"):
            element = statement.find(f"{AKN}{part}")
            if element is not None:
                texts.append(_collapse("".join(element.itertext())))
    for record in records(corpus):
        texts.append(record.get("agenda_item_name") or "")
        texts.append(record.get("resolution_title") or "")
    return texts


def records(corpus: Path):
    for path in sorted((corpus / "metadata").glob("*.json")):
        for line in path.read_text("utf-8-sig").splitlines():
            if line.strip():
                yield json.loads(line)


def upper_case_members(corpus: Path) -> set[str]:
    names = set()
    for record in records(corpus):
        for field in MEMBER_FIELDS:
            for name in record.get(field) or ():
                name = _collapse(name)
                if name.isupper():
                    names.add(name)
    return names


def name_pattern(name: str) -> re.Pattern:
    """The name's letters in any case; apostrophes straight or curly, "İ" as "i" or "İ"."""
    parts = []
    for char in name:
        if char in "'’":
            parts.append("['’]")
        elif char.isspace():
            parts.append(r"\s+")
        elif char == "İ":
            parts.append("(?:İ|i)")
        else:
            parts.append(re.escape(char))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


def spellings(names: set[str], texts: list[str]) -> dict[str, tuple[str, int]]:
    found = {}
    for name in sorted(names):
        pattern = name_pattern(name)
        counts: Counter = Counter()
        for text in texts:
            for match in pattern.finditer(text):
                spelled = _collapse(match.group())
                if not spelled.isupper() and not spelled.islower():
                    counts[spelled] += 1
        if counts:
            spelled, count = max(counts.items(), key=lambda item: (item[1], item[0]))
            # Mid-sentence "the former Yugoslav Republic of Macedonia" opens a list entry.
            found[name] = (spelled[:1].upper() + spelled[1:], count)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpora/un-sc-akn")
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not (args.corpus / "xml").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    openers, note = count_openers(args.corpus)
    kept = sorted((key, n) for key, n in openers.items() if n >= MIN_OPENER)
    lines = [
        f"# kind\topener\tcount from {note}; count >= {MIN_OPENER}; scripts/build_printed_forms.py"
    ]
    lines += [f"{kind}\t{phrase}\t{n}" for (kind, phrase), n in kept]
    (args.out / "italic_openers.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    names = upper_case_members(args.corpus)
    found = spellings(names, corpus_texts(args.corpus))
    lines = [
        "# NAME (record data)\tspelling most often found in the corpus text\tcount; "
        f"{len(found)} of {len(names)} names; scripts/build_printed_forms.py"
    ]
    lines += [f"{name}\t{spelled}\t{n}" for name, (spelled, n) in sorted(found.items())]
    (args.out / "member_names.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(kept)} italic openers; {len(found)} of {len(names)} member names spelled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
