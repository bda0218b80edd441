"""Build the word-frequency vocabulary the page-text repair uses, from the UN's AKN corpus.

Why: text extracted from the UN's PDFs has words split by stray spaces ("traffick ing") and
hyphens lost at line ends ("traumainformed"). Deciding whether "geographic al" is one word or
two needs to know how the Council actually writes; a count of every word in its own XML
resolutions tells us, and generalises to texts we have never seen (no list of known damage).

Writes two small, sorted, derived files (the corpus itself is never copied):

* ``resolutions/parsing/data/vocabulary.txt`` -- ``word<TAB>count<TAB>lower``: the word
  lower-cased, how often it occurs (count >= 2), and how often it is written all in lower
  case. The last tells "al" (always "Al Shabaab", "Al-Qaida" in the Council's text, so a
  lower-case "al" is a fragment of "geographic al") from a word. Words keep inner hyphens
  and apostrophes ("counter-terrorism", "council’s"), so a hyphenated compound is counted
  apart from its parts;
* ``resolutions/parsing/data/preamble_openers.txt`` -- ``phrase<TAB>count``: how the Council
  opens preambular paragraphs (the AKN ``<container name="Recalling">`` names).

Resolutions 2331 (2016) and 2388 (2017) are left out, so the repair of their page texts
(our seeds) is measured against text the vocabulary has never seen.

Example::

    .venv/bin/python scripts/build_vocabulary.py            # corpus from $UN_SC_AKN_CORPUS
    .venv/bin/python scripts/build_vocabulary.py --corpus ../shared/corpora/un-sc-akn
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "resolutions" / "parsing" / "data"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

# Held out: the resolutions whose page texts are the seeds (see the module docstring).
HELD_OUT = {2331, 2388}
MIN_COUNT = 2

# The resolution number in the AKN work identifier: .../unsc/2017-11-21/2388-2017/!main/
WORK_NUMBER = re.compile(r"/unsc/[\d-]+/(?P<number>\d+)-\d{4}/")

WORD = re.compile(
    r"""
    (?<![\w/])                  # not inside a longer token, nor the "RES" of "S/RES/2388"
    (?P<word>(?>                # atomic: "al-Sham)" must not shrink to "al" to fit the end
        [^\W\d_]+               # a run of letters
        (?:[-'’][^\W\d_]+)*     # joined by inner hyphens or apostrophes
    ))
    (?![\w/])                   # nor the "S" of "S/2017/939"
    """,
    re.VERBOSE,
)


def words_in(text: str):
    """The words of ``text``, leaving out sub-paragraph labels such as "(a)" and "(iv)"."""
    for match in WORD.finditer(text):
        start, end = match.span()
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            continue
        yield match["word"]


def corpus_default() -> Path:
    configured = os.environ.get("UN_SC_AKN_CORPUS")
    if configured:
        return Path(configured)
    return REPO.parent / "shared" / "corpora" / "un-sc-akn"


def resolution_text(root: ET.Element) -> str:
    """All the text of a resolution outside its metadata, U+2011 read as a hyphen."""
    parts = []
    for child in root.iter():
        if child.tag == f"{AKN}meta":
            continue
        if child.tag in (f"{AKN}preamble", f"{AKN}mainBody", f"{AKN}attachments"):
            parts.append("".join(child.itertext()))
    return " ".join(parts).replace("\u2011", "-").replace("\u00ad", "")


def count_corpus(corpus: Path) -> tuple[Counter, Counter, Counter, int]:
    words: Counter = Counter()
    lower: Counter = Counter()
    openers: Counter = Counter()
    seen: set[int] = set()
    for path in sorted((corpus / "xml").glob("*/*.xml")):
        data = path.read_bytes()
        match = WORK_NUMBER.search(data[:20000].decode("utf-8", "replace"))
        number = int(match["number"]) if match else None
        if number in HELD_OUT:
            continue
        if number is not None:
            if number in seen:  # the corpus holds some resolutions twice
                continue
            seen.add(number)
        root = ET.fromstring(data)
        text = resolution_text(root)
        for word in words_in(text):
            words[word.lower()] += 1
            if word.islower():
                lower[word] += 1
        for container in root.iter(f"{AKN}container"):
            name = " ".join((container.get("name") or "").split())
            if name and name[0].isupper():
                openers[name] += 1
    return words, lower, openers, len(seen)


def write_counts(path: Path, counts: Counter, header: str, lower: Counter | None = None) -> int:
    kept = sorted((w, c) for w, c in counts.items() if c >= MIN_COUNT)
    if lower is None:
        lines = [f"# {header}"] + [f"{w}\t{c}" for w, c in kept]
    else:
        lines = [f"# {header}"] + [f"{w}\t{c}\t{lower[w]}" for w, c in kept]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(kept)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=corpus_default())
    parser.add_argument("--out", type=Path, default=DATA, help="folder for the two files")
    args = parser.parse_args(argv)
    if not (args.corpus / "xml").is_dir():
        print(f"no corpus at {args.corpus} (set UN_SC_AKN_CORPUS)", file=sys.stderr)
        return 1
    words, lower, openers, resolutions = count_corpus(args.corpus)
    note = (
        f"derived from {resolutions} UN Security Council resolutions (AKN XML), "
        f"2331 and 2388 held out; count >= {MIN_COUNT}; scripts/build_vocabulary.py"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    header = "word\tcount\tlower " + note
    n_words = write_counts(args.out / "vocabulary.txt", words, header, lower)
    n_openers = write_counts(args.out / "preamble_openers.txt", openers, "opener\tcount " + note)
    print(f"{n_words} words, {n_openers} preamble openers from {resolutions} resolutions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
