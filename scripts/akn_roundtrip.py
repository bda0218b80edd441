"""Measure how many resolutions of the archive round-trip through the Akoma Ntoso export:
the export read back by the archive's AKN reader gives the same paragraphs (kind, number,
text, in order; and how many keep their italics too). Reads the database named by
DATABASE_URL; writes nothing.

    DATABASE_URL=sqlite:///$PWD/.venv/dev.sqlite3 DJANGO_DEBUG=1 \
        .venv/bin/python scripts/akn_roundtrip.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")

import django  # noqa: E402

django.setup()

from resolutions.exports.akn import resolution_akn  # noqa: E402
from resolutions.models import Resolution  # noqa: E402
from resolutions.parsing.akn import parse_akn  # noqa: E402


def _spans(emphasis) -> list[tuple[int, int]]:
    return [tuple(span) for span in emphasis or ()]


def main() -> int:
    same_text, same_italics, total, different = 0, 0, 0, []
    held = Resolution.objects.exclude(text_source="").prefetch_related("paragraphs")
    for resolution in held.order_by("number"):
        paragraphs = list(resolution.paragraphs.all())
        parsed = parse_akn("export.xml", resolution_akn(resolution, paragraphs, origin=""))
        total += 1
        if [(p.kind, p.number, p.text) for p in parsed.paragraphs] != [
            (p.kind, p.number, p.text) for p in paragraphs
        ]:
            different.append(resolution.number)
            continue
        same_text += 1
        if [_spans(p.emphasis) for p in parsed.paragraphs] == [
            _spans(p.emphasis) for p in paragraphs
        ]:
            same_italics += 1
    print(
        f"{same_text} of {total} resolutions read back to the same paragraphs (kind, number, text)"
    )
    print(f"{same_italics} of {total} also with the same italics")
    if different:
        print("different texts: " + ", ".join(map(str, different)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
