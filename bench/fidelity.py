"""Benchmark: how faithfully the archive reads PDFs and page texts it has never seen.

Resolutions of the XML corpus are typeset as PDFs in the UN's layout (``tests/pdf_material.py``),
read back three ways, and measured against their official paragraphs (``tests/fidelity.py``):

* page texts extracted with pypdf, and with poppler's ``pdftotext``: shuffled, one page after
  the first dropped where there are three or more, stray spaces put in at 1 % of words (the
  seeds' damage), read with the page-text reader;
* the PDF itself, read with the PDF reader.

Which resolutions: the tuning set is the even-numbered resolutions, the held-out set the
odd-numbered ones (less the seeds' 2331 and 2388); the bench measures the held-out set, every
``--step``-th resolution of it, unless ``--tuning`` is given. Targets (issue 13): at least
99.9 % of words, every paragraph boundary, no false join, no furniture left.

    python bench/fidelity.py --corpus ../shared/corpora/un-sc-akn [--step 10] [--show 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from fidelity import Score, complete_paragraphs, measure  # noqa: E402
from pdf_material import EXTRACTORS, page_files, render_resolution  # noqa: E402

from resolutions.parsing.akn import parse_akn  # noqa: E402
from resolutions.parsing.document import ParseError  # noqa: E402
from resolutions.parsing.pages import parse_page_texts  # noqa: E402

SEEN_BY_TESTS = {2331, 2388}


def held_out(number: int) -> bool:
    """The fixed rule that keeps the measuring set apart: odd resolution numbers."""
    return number % 2 == 1 and number not in SEEN_BY_TESTS


def corpus_resolutions(corpus: Path, *, tuning: bool, step: int):
    seen = set()
    chosen = []
    for path in sorted((corpus / "xml").rglob("*.xml")):
        parsed = parse_akn(path.name, path.read_bytes())
        if parsed.number in seen or held_out(parsed.number) == tuning:
            continue
        if parsed.number in SEEN_BY_TESTS:
            continue
        seen.add(parsed.number)
        chosen.append(parsed)
    chosen.sort(key=lambda p: p.number)
    return chosen[::step]


def read_pdf(name: str, data: bytes):
    from resolutions.parsing.pdf import parse_pdf

    return parse_pdf(name, data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(REPO.parent / "shared/corpora/un-sc-akn"))
    parser.add_argument("--step", type=int, default=8, help="measure every n-th resolution")
    parser.add_argument("--tuning", action="store_true", help="measure the tuning set instead")
    parser.add_argument("--show", type=int, default=10, help="problems to list per reading")
    parser.add_argument("--no-pdf", action="store_true", help="page texts only")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "xml").is_dir():
        print(f"corpus not found: {corpus} (set --corpus)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    resolutions = corpus_resolutions(corpus, tuning=args.tuning, step=args.step)
    which = "tuning set (even numbers)" if args.tuning else "held-out set (odd numbers)"
    print(f"{which}, every {args.step}th: {len(resolutions)} resolutions")
    modes = [f"page texts ({e})" for e in EXTRACTORS] + ([] if args.no_pdf else ["PDF"])
    scores = {mode: Score() for mode in modes}
    timings = {mode: 0.0 for mode in modes}
    for parsed in resolutions:
        material = render_resolution(parsed)
        for mode in modes:
            tick = time.perf_counter()
            try:
                if mode == "PDF":
                    kept = range(1, material.pages + 1)
                    reading = read_pdf(f"{parsed.number}.pdf", material.pdf)
                else:
                    extractor = mode.split("(")[1].rstrip(")")
                    files, kept = page_files(material, extractor=extractor, drop=True)
                    [reading] = parse_page_texts(files)
            except (ParseError, ValueError) as error:
                scores[mode].problems.append(f"{parsed.symbol}: {error}")
                scores[mode].resolutions += 1
                continue
            finally:
                timings[mode] += time.perf_counter() - tick
            complete = complete_paragraphs(material.pages_of, kept)
            scores[mode].add(measure(material.paragraphs, complete, reading))
    for mode in modes:
        print(scores[mode].line(mode) + f"  ({timings[mode]:.1f} s)")
    for mode in modes:
        for problem in scores[mode].problems[: args.show]:
            print(f"  {mode}: {problem}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
