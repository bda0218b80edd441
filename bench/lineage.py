"""Benchmark: agreed language (lineage) against an exhaustive computation, on the loaded archive.

Targets (issue: agreed language): recall and precision of at least 99 % for pairs sharing at
least 80 % of their wording; the whole corpus's lineage in at most 30 s, under 1 GB.

What it measures, on the database ``DATABASE_URL`` names (load it first: ``make corpus``):

1. the project's computation, timed by stage: reading the paragraphs, building the index,
   every pair at once (``WordingIndex.all_pairs``), and the whole ``lineage_update`` (run in
   a transaction that is rolled back: the benchmark changes nothing);
2. a brute force: every distinct wording scored against every other with the exact measure
   (rapidfuzz's ``Indel`` over words, ``process.extract`` in worker processes), with no
   filter but rapidfuzz's own exact length cut-off;
3. recall and precision of the project's pairs against the brute force's, as pairs of
   wordings and as pairs of paragraphs (a later paragraph and an earlier one of another
   resolution); and the stored ``LineageLink`` rows against the rows the brute force's
   pairs give under the same rules (closest sources, origin).

    python bench/lineage.py            # or: make bench-lineage
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import get_context
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from rapidfuzz import process  # noqa: E402
from rapidfuzz.distance import Indel  # noqa: E402

from resolutions.lineage import SOURCE_SHARE  # noqa: E402
from resolutions.lineage.graph import Candidates, Item  # noqa: E402
from resolutions.lineage.index import WordingIndex  # noqa: E402
from resolutions.lineage.services import lineage_paragraphs, lineage_update  # noqa: E402
from resolutions.lineage.text import keys  # noqa: E402
from resolutions.models import LineageLink  # noqa: E402

_STRINGS: list[str] = []  # the brute force's wordings, inherited by the forked workers


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _brute_chunk(numbers: list[int]) -> list[tuple[int, int, float]]:
    """Each wording of ``numbers`` against every wording before it, exactly."""
    found = []
    for number in numbers:
        scored = process.extract(
            _STRINGS[number],
            _STRINGS[:number],
            scorer=Indel.normalized_similarity,
            score_cutoff=SOURCE_SHARE - 1e-9,
            limit=None,
        )
        found += [(number, other, round(score, 3)) for _s, score, other in scored]
    return found


def brute_force(wordings: list[tuple[str, ...]], workers: int) -> dict[tuple[int, int], float]:
    """{(i, j), i > j: share} for every pair of distinct wordings at or above the threshold."""
    codes: dict[str, str] = {}
    for wording in wordings:
        for word in keys(wording):
            if word not in codes:
                n = len(codes)
                codes[word] = chr(n if n < 0xD800 else n + 0x800)
    _STRINGS[:] = ["".join(codes[w] for w in keys(wording)) for wording in wordings]
    numbers = list(range(len(wordings)))
    chunks = [numbers[start::64] for start in range(64)]  # long and short wordings mixed
    with get_context("fork").Pool(workers) as pool:
        results = pool.map(_brute_chunk, chunks)
    return {(i, j): share for found in results for i, j, share in found}


def paragraph_pairs(pair: tuple[int, int], members: list[list[Item]]) -> int:
    """Pairs of paragraphs of different resolutions, one of each wording (or, for i == j, two
    of the same wording): how many (later, earlier) source pairs the wording pair stands for."""
    i, j = pair
    by_resolution_i = Counter(item.resolution for item in members[i])
    if i == j:
        total = len(members[i])
        return (total * total - sum(n * n for n in by_resolution_i.values())) // 2
    by_resolution_j = Counter(item.resolution for item in members[j])
    same = sum(n * by_resolution_j.get(r, 0) for r, n in by_resolution_i.items())
    return len(members[i]) * len(members[j]) - same


def expected_rows(
    members: list[list[Item]], neighbours: dict[int, list[tuple[int, float]]]
) -> set[tuple[int, int, int, bool, bool]]:
    """The rows the brute force's pairs give under the project's rules (graph.Candidates)."""
    rows = set()
    for number, group in enumerate(members):
        candidates = Candidates(
            [(item, 1.0) for item in group]
            + [
                (item, share)
                for other, share in neighbours.get(number, [])
                for item in members[other]
            ]
        )
        for item in group:
            for source, (share, closest, origin) in candidates.links(item).items():
                rows.add((item.key, source, round(share * 1000), closest, origin))
    return rows


def ratio(part: int, whole: int) -> str:
    return f"{100 * part / whole:.3f} %" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2, help="brute-force processes")
    parser.add_argument(
        "--timings-only", action="store_true", help="the project's timings, no brute force"
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows while the brute force runs
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")

    timings = {}

    def timed(name: str, work):
        wall, cpu = time.perf_counter(), time.process_time()
        result = work()
        timings[name] = (time.perf_counter() - wall, time.process_time() - cpu)
        return result

    rows = timed("read paragraphs", lineage_paragraphs)
    wording_of: dict[str, int] = {}
    members: list[list[Item]] = []
    for pk, resolution, moment, split in rows:
        number = wording_of.setdefault(split, len(wording_of))
        if number == len(members):
            members.append([])
        members[number].append(Item(pk, resolution, moment))
    wordings = list(wording_of)
    if not wordings:
        sys.exit("no paragraphs: load the corpus first (make corpus)")
    index = timed("build index", lambda: WordingIndex(wordings, threshold=SOURCE_SHARE))
    project = timed("every pair", index.all_pairs)

    def update_rolled_back():
        with transaction.atomic():
            counts = lineage_update()
            transaction.set_rollback(True)
        return counts

    counts = timed("lineage_update", update_rolled_back)
    project_peak = _peak_mb()
    print(f"paragraphs with a lineage to compute: {len(rows)}; distinct wordings: {len(wordings)}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("project's computation:            wall s    CPU s")
    for name, (wall, cpu) in timings.items():
        print(f"  {name:<30}{wall:8.1f}{cpu:9.1f}")
    print(
        "  (lineage_update: the whole archive, rolled back; rows it would write:"
        f" {counts.created} new, {counts.updated} updated, {counts.deleted} removed)"
    )
    print(f"  peak memory so far {project_peak:.0f} MB")
    update_s = timings["lineage_update"][1]  # CPU: the wall time follows the machine's load
    if update_s > 30 or project_peak > 1024:
        print("TARGET MISSED: the whole lineage in at most 30 s of CPU and 1 GB")
    if args.timings_only:
        return

    start = time.perf_counter()
    brute = brute_force(wordings, args.workers)
    brute_s = time.perf_counter() - start
    print(f"brute force: {len(wordings)}² / 2 wording pairs scored in {brute_s:.1f} s")

    mine = {(max(i, j), min(i, j)): s for i, found in enumerate(project) for j, s in found}
    both = mine.keys() & brute.keys()
    wrong_share = sum(1 for pair in both if mine[pair] != brute[pair])
    print(f"\npairs sharing >= {SOURCE_SHARE:.0%} of their wording:")
    print(f"  wordings:   brute force {len(brute)}, project {len(mine)}, in both {len(both)}")
    print(f"    recall {ratio(len(both), len(brute))}, precision {ratio(len(both), len(mine))}")
    print(f"    shares that differ: {wrong_share}")
    weight = {pair: paragraph_pairs(pair, members) for pair in mine.keys() | brute.keys()}
    identical = sum(paragraph_pairs((n, n), members) for n in range(len(members)))
    brute_w = identical + sum(weight[p] for p in brute)
    mine_w = identical + sum(weight[p] for p in mine)
    both_w = identical + sum(weight[p] for p in both)
    print(f"  paragraphs: brute force {brute_w}, project {mine_w} (of which word for word:")
    print(f"    {identical}); recall {ratio(both_w, brute_w)}, precision {ratio(both_w, mine_w)}")

    neighbours: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for (i, j), share in brute.items():
        neighbours[i].append((j, share))
        neighbours[j].append((i, share))
    expected = expected_rows(members, neighbours)
    stored = set(
        LineageLink.objects.filter(source__isnull=False).values_list(
            "paragraph_id", "source_id", "share", "closest", "origin"
        )
    )
    agree = len(expected & stored)
    print(f"  stored rows: expected from the brute force {len(expected)}, stored {len(stored)}")
    print(f"    recall {ratio(agree, len(expected))}, precision {ratio(agree, len(stored))}")
    if not stored:
        print("    (no rows stored: run `manage.py lineage` or ingest with lineage on)")
    missed = (
        len(both) < 0.99 * len(brute)
        or len(both) < 0.99 * len(mine)
        or (stored and agree < 0.99 * len(expected))
    )
    if missed:
        print("\nTARGET MISSED: recall and precision of at least 99 %")


if __name__ == "__main__":
    main()
