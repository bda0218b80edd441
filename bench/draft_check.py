"""Checking a draft at scale (``make bench-draft``): a 40-paragraph draft against 100,000
paragraphs, through HTTP, on each engine, with the production server configuration.

For each engine: load the search benchmark's corpus (``search_corpus.py``: every paragraph of
the UN's XML corpus, then clause-shuffled variants of them, up to ``--paragraphs``; left as it
is when already loaded), then

* in a child process: build the draft check's index from the database as a worker does,
  timing it and its peak memory, and compare each draft paragraph's closest wording with an
  exhaustive comparison against every wording (how often the index's closest is the exact one);
* start gunicorn (``DJANGO_DEBUG=0``, ``--workers`` workers) and POST the draft to
  ``/api/draft-check``: the first answer (which builds the index) and then ``--repeat`` more,
  p50 / p95 / max.

The draft: 30 paragraphs of the archive with two words changed each, 10 paragraphs of no agreed
language, numbered "1." to "40.". Target: p95 under 300 ms. Run::

    python bench/draft_check.py --engines sqlite,postgresql --paragraphs 100000
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_latency import database_url, percentile, server_env  # noqa: E402
from served import serving  # noqa: E402

SEED = 31
REUSED, NEW = 30, 10
INVENTED = [
    "Decides to establish a standing observatory on lunar navigation for coastal fisheries",
    "Requests a biennial inventory of glacier monitoring stations across mountain regions",
]


def draft_from(texts: list[str]) -> str:
    """40 numbered paragraphs: ``texts`` with two words changed each, then invented ones."""
    rng = random.Random(SEED)
    paragraphs = []
    for text in texts:
        words = text.split()
        for _ in range(2):
            at = rng.randrange(len(words))
            words[at] = rng.choice(["robust", "meaningful", "enhanced", "timely"])
        paragraphs.append(" ".join(words))
    for n in range(NEW):
        paragraphs.append(f"{INVENTED[n % len(INVENTED)]} number {n + 1};")
    return "\n\n".join(f"{n}. {p}" for n, p in enumerate(paragraphs, start=1))


def child() -> None:
    """In a process of its own (its DATABASE_URL): pick the draft, build the index as a worker
    does, check agreement with an exhaustive comparison; print one JSON line."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
    import django

    django.setup()
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    from resolutions.drafts.matching import _char
    from resolutions.drafts.selectors import draft_index_build_seconds, draft_index_get
    from resolutions.drafts.splitting import split_draft
    from resolutions.lineage.text import keys, words
    from resolutions.models import Paragraph

    rng = random.Random(SEED)
    ids = list(Paragraph.objects.exclude(kind="heading").values_list("id", flat=True))
    chosen = Paragraph.objects.filter(pk__in=rng.sample(ids, REUSED * 3)).order_by("pk")
    texts = [p.text for p in chosen if 12 <= len(p.text.split()) <= 120][:REUSED]
    draft = draft_from(texts)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    index = draft_index_get(wait=None)
    seconds = draft_index_build_seconds()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    same = total = 0
    for paragraph in split_draft(draft):
        wording = words(paragraph.text)
        found = index.look_up(wording)
        encoded = "".join(
            _char(index._ids.get(w, 0x10FFFF - 0x800 - n)) for n, w in enumerate(keys(wording))
        )
        best = process.extractOne(encoded, index._strings, scorer=Indel.normalized_similarity)
        exact = round(best[1], 3) if best and best[1] >= index.threshold - 1e-9 else None
        total += 1
        same += (found[0].share if found else None) == exact
    print(
        json.dumps(
            {
                "draft": draft,
                "paragraphs": index.paragraph_count,
                "wordings": len(index),
                "build_seconds": seconds,
                "peak_mb": peak // 1024,
                "before_mb": before // 1024,
                "agreement": [same, total],
            }
        )
    )


def post(port: int, draft: str) -> tuple[float, int, dict]:
    body = urlencode({"text": draft}).encode()
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        connection.request(
            "POST",
            "/api/draft-check",
            body=body,
            headers={"Host": "127.0.0.1", "Content-Type": "application/x-www-form-urlencoded"},
        )
        response = connection.getresponse()
        data = response.read()
    finally:
        connection.close()
    return time.perf_counter() - started, response.status, json.loads(data)


def main() -> int:
    if "--child" in sys.argv:
        child()
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--paragraphs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PG_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432"),
    )
    parser.add_argument(
        "--pg-database",
        default=os.environ.get("PG_BENCH_DATABASE", "archive_bench"),
        help="a database of its own per checkout: the bench replaces its data",
    )
    args = parser.parse_args()
    for engine in args.engines.split(","):
        url = database_url(engine, args)
        env = server_env(url) | {"DJANGO_DEBUG": "1"}
        subprocess.run(
            [sys.executable, "bench/search_corpus.py", "--paragraphs", str(args.paragraphs)],
            cwd=REPO,
            env=env,
            check=True,
        )
        found = subprocess.run(
            [sys.executable, "bench/draft_check.py", "--child"],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        facts = json.loads(found.stdout.strip().splitlines()[-1])
        same, total = facts["agreement"]
        print(
            f"\n== {engine}: {facts['paragraphs']:,} paragraphs ({facts['wordings']:,} wordings)\n"
            f"index built in {facts['build_seconds']:.1f} s in a child process, peak "
            f"{facts['peak_mb']} MB (before the build {facts['before_mb']} MB)\n"
            f"closest share equal to an exhaustive comparison for {same} of {total} paragraphs",
            flush=True,
        )
        with serving(url, workers=args.workers) as port:
            started = time.perf_counter()
            while True:  # 503 (Retry-After) while the worker builds its index
                _seconds, status, report = post(port, facts["draft"])
                if status == 200:
                    break
                if status != 503:
                    raise SystemExit(f"HTTP {status}: {report}")
                time.sleep(1)
            first = time.perf_counter() - started
            timings = []
            for _ in range(args.repeat):
                seconds, status, report = post(port, facts["draft"])
                if status != 200:
                    raise SystemExit(f"HTTP {status}")
                timings.append(seconds)
        summary = report["summary"]
        verdict = "ok" if percentile(timings, 95) < 0.3 else "OVER"
        print(
            f"gunicorn, {args.workers} worker(s): first report after {first * 1000:.0f} ms "
            "(503 until the worker's index is built)\n"
            f"{summary['paragraphs']} paragraphs checked, {summary['matched']} matched; "
            f"{args.repeat} requests: p50 {percentile(timings, 50) * 1000:.1f} ms, "
            f"p95 {percentile(timings, 95) * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms "
            f"(target p95 < 300 ms: {verdict})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
