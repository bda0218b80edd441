"""A search benchmark corpus: at least 100,000 paragraphs loaded through the ORM into one database.

Texts come from the UN's Akoma Ntoso corpus when it is beside the checkout (every ``<p>`` of
every resolution, then variants of them with their clauses shuffled), or are generated from a
small built-in vocabulary when it is not. They are spread over synthetic resolutions
(``S/RES/<n> (<year>)``, a third preambular, the rest operative) so filters and facets have
realistic spreads. Run by ``search_latency.py`` in a child process per engine::

    DATABASE_URL=sqlite:///bench/out/search.sqlite3 python bench/search_corpus.py --paragraphs 1000

A database already holding exactly this corpus (same size and seed) is left as it is.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 2388
PARAGRAPHS_PER_RESOLUTION = 34
FIRST_NUMBER = 10_001  # clear of real resolution numbers

_PARAGRAPH = re.compile(
    r"""
    <p\b[^>]*>      # an AKN paragraph of text, whatever its attributes
    (?P<body> .*? ) # its content, inline markup included
    </p>
    """,
    re.VERBOSE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")  # inline markup: <span class="italic">, <ref ...>
_CLAUSE_BREAK = re.compile(r"(?<=[;,])\s+")  # clauses end at a comma or semicolon

VOCABULARY = """
security council trafficking persons armed conflict women children sexual violence exploitation
member states united nations secretary-general report mission peacekeeping operations mandate
sanctions committee panel experts humanitarian assistance protection civilians human rights
international law accountability perpetrators victims survivors refugees displaced migrants
smuggling terrorism organized crime procurement supply chains transparency cooperation regional
organizations capacity building justice rule reintegration disarmament demobilization elections
""".split()


def corpus_path() -> Path:
    configured = os.environ.get("UN_SC_AKN_CORPUS")
    return Path(configured) if configured else REPO.parent / "shared" / "corpora" / "un-sc-akn"


def read_corpus_paragraphs(corpus: Path) -> list[str]:
    """Every distinct paragraph text of the XML corpus, in a stable order ([] when absent)."""
    texts: dict[str, None] = {}
    for path in sorted((corpus / "xml").glob("*/*.xml")):
        body = path.read_text(encoding="utf-8").split("</meta>", 1)[-1]
        for match in _PARAGRAPH.finditer(body):
            text = " ".join(html.unescape(_TAG.sub("", match["body"])).split())
            if len(text) > 40:
                texts[text] = None
    return list(texts)


def generated_paragraph(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY) for _ in range(rng.randint(20, 80))]
    return " ".join(words).capitalize() + ";"


def build_texts(count: int, *, seed: int = SEED) -> tuple[list[str], str]:
    """``count`` paragraph texts and where they came from."""
    rng = random.Random(seed)
    real = read_corpus_paragraphs(corpus_path())
    if not real:
        return [generated_paragraph(rng) for _ in range(count)], "generated vocabulary"
    texts = list(real[:count])
    while len(texts) < count:
        clauses = _CLAUSE_BREAK.split(rng.choice(real))
        rng.shuffle(clauses)
        if rng.random() < 0.5:  # splice in a clause from elsewhere
            clauses.insert(
                rng.randrange(len(clauses) + 1), rng.choice(_CLAUSE_BREAK.split(rng.choice(real)))
            )
        texts.append(" ".join(clauses))
    rng.shuffle(texts)
    return texts, f"UN corpus ({len(real)} paragraphs, varied)"


def load(count: int) -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from resolutions.models import Paragraph, Resolution

    if "bench" not in str(connection.settings_dict["NAME"]):
        name = connection.settings_dict["NAME"]
        sys.exit(f"refusing to replace the data of {name!r}: not a bench database")
    call_command("migrate", verbosity=0)
    resolutions_needed = -(-count // PARAGRAPHS_PER_RESOLUTION)
    marker = f"bench corpus seed {SEED}"
    if (
        Paragraph.objects.count() == count
        and Resolution.objects.filter(title=marker).count() == resolutions_needed
    ):
        print(f"{connection.vendor}: {count} paragraphs already loaded", flush=True)
        build_vocabulary()
        return

    started = time.perf_counter()
    texts, origin = build_texts(count)
    with transaction.atomic():
        Paragraph.objects.all().delete()
        Resolution.objects.all().delete()
        years = range(1990, 2026)
        resolutions = Resolution.objects.bulk_create(
            [
                Resolution(
                    number=FIRST_NUMBER + i,
                    year=(year := years[i * len(years) // resolutions_needed]),
                    symbol=f"S/RES/{FIRST_NUMBER + i} ({year})",
                    title=marker,
                    adopted_on=date(year, 1 + i % 12, 1 + i % 28),
                    text_source="akn",
                )
                for i in range(resolutions_needed)
            ],
            batch_size=1000,
        )
        batch: list[Paragraph] = []
        for index, text in enumerate(texts):
            resolution = resolutions[index // PARAGRAPHS_PER_RESOLUTION]
            position = index % PARAGRAPHS_PER_RESOLUTION + 1
            preambular = position <= PARAGRAPHS_PER_RESOLUTION // 3
            number = position - PARAGRAPHS_PER_RESOLUTION // 3
            batch.append(
                Paragraph(
                    resolution=resolution,
                    pid=f"pp{position}" if preambular else f"op{number}",
                    kind="preambular" if preambular else "operative",
                    number=None if preambular else number,
                    position=position,
                    text=text,
                    addresses_trafficking="traffick" in text.lower(),
                )
            )
            if len(batch) == 5000:
                Paragraph.objects.bulk_create(batch)
                batch = []
        Paragraph.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        # A steady state, as autovacuum would leave it (the GIN pending list merged).
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    elapsed = time.perf_counter() - started
    print(
        f"{connection.vendor}: loaded {count} paragraphs from {origin} in {elapsed:.0f} s",
        flush=True,
    )
    build_vocabulary()


def build_vocabulary() -> None:
    """The vocabulary "did you mean" reads, as an ingest builds it (when missing)."""
    from resolutions.services.search_words import search_words_missing, search_words_rebuild

    if search_words_missing():
        started = time.perf_counter()
        words = search_words_rebuild()
        print(f"vocabulary: {words} words in {time.perf_counter() - started:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100_000)
    load(parser.parse_args().paragraphs)


if __name__ == "__main__":
    main()
