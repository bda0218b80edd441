"""Search latency through HTTP on both engines, with the production server configuration.

For each engine: load at least 100,000 paragraphs (``search_corpus.py``, skipped when already
loaded), start gunicorn on ``archive_site.wsgi`` with ``DJANGO_DEBUG=0`` on a free loopback
port, then time a fixed mix of searches (common and rare words, phrases, prefixes, OR,
exclusions, with and without filters, by relevance and by date), each a full results page of
20 hits with snippets:

* one client, every query ``--repeat`` times: p50 / p95 / p99 per query and overall;
* ``--clients`` concurrent clients (threads), ``--rounds`` passes over the mix each:
  throughput and latency under load.

Target: p95 under 50 ms for one client at 100,000 paragraphs. Run with ``make bench-search``::

    python bench/search_latency.py --engines sqlite,postgresql --paragraphs 100000

The page groups hits by wording (lineage origin) unless told ``group=off``: ``--group on,off``
times the mix both ways, and ``--lineage`` first computes the corpus's lineage
(``manage.py lineage``) when the database has none, so the grouping has real groups to form.

The SQLite file goes under bench/out/ (git-ignored); PostgreSQL uses the ``--pg-database``
database (``archive_bench``, or ``$PG_BENCH_DATABASE``) on ``--pg-server``.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
BIN = Path(sys.executable).parent

# (label, parameters): the fixed mix.
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("common word", {"q": "council"}),
    ("common, 2 words", {"q": "security council"}),
    ("medium word", {"q": "trafficking"}),
    ("rare word", {"q": "procurement"}),
    ("very rare word", {"q": "ICAT"}),
    ("stemmed form", {"q": "trafficked"}),
    ("phrase", {"q": '"armed conflict"'}),
    ("long phrase", {"q": '"procurement and supply chains"'}),
    ("prefix", {"q": "traff*"}),
    ("common prefix", {"q": "sanction*"}),
    ("OR", {"q": "women OR children"}),
    ("exclusion", {"q": "trafficking -drugs"}),
    ("three words", {"q": "protection civilians mandate"}),
    ("years filter", {"q": "trafficking", "year_from": "2010", "year_to": "2020"}),
    ("kind filter", {"q": '"armed conflict"', "kind": "operative"}),
    ("topic filter", {"q": "council", "trafficking": "true"}),
    ("resolution filter", {"q": "council", "resolution": "10500"}),
    ("by date", {"q": "peacekeeping", "sort": "date"}),
    ("page 3", {"q": "women", "page": "3"}),
    ("no match", {"q": "zyxwvutsrq"}),
    # What people type: a misspelling (did you mean), the other spelling, a hyphenated phrase,
    # a citation among words, a question (partial matches), filters alone (browsing).
    ("misspelt word", {"q": "traficking"}),
    ("spelling variant", {"q": "forced labor"}),
    ("hyphenated phrase", {"q": '"zero-tolerance policy"'}),
    ("citation and word", {"q": "trafficking S/RES/10500"}),
    ("question", {"q": "what did the council say about sexual violence as a tactic of war"}),
    ("filters only", {"trafficking": "true", "year_from": "2017", "year_to": "2017"}),
]


# Run in a child process: the lineage of the whole database, unless it already has some.
LINEAGE_IF_NONE = """
import django
django.setup()
from django.core.management import call_command
from resolutions.models import LineageLink
if not LineageLink.objects.exists():
    call_command("lineage")
print("lineage:", LineageLink.objects.count(), "links")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_pg_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def database_url(engine: str, args) -> str:
    if engine == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{OUT / 'search.sqlite3'}"
    return ensure_pg_database(args.pg_server, args.pg_database)


def server_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="bench-only-secret-key-not-for-production-" + "x" * 20,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_LOG_LEVEL="ERROR",
    )
    return env


GROUP: dict[str, str] = {}  # group=on/off added to every query (--group)


def fetch(port: int, params: dict[str, str]) -> tuple[float, int, int]:
    """(seconds, status, bytes) for one GET of the results page on a fresh connection."""
    path = "/search/?" + urlencode({**params, **GROUP})
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return time.perf_counter() - started, response.status, len(body)


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "archive_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=server_env(url),
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if fetch(port, {"q": "council"})[1] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer within 30 s")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def measure(engine: str, port: int, args) -> None:
    for _, params in QUERIES:  # warm every worker's caches and the database's
        for _ in range(args.workers):
            fetch(port, params)

    print(f"\n== {engine}, group={args.group_now}: one client, {args.repeat} requests per query ==")
    print(f"{'query':20} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  status  KiB")
    # Rounds over the whole mix, so that a passing burst of load elsewhere on the machine
    # falls on every query alike rather than on whichever query was running.
    timings: dict[str, list[float]] = {label: [] for label, _ in QUERIES}
    sizes: dict[str, int] = {}
    for _ in range(args.repeat):
        for label, params in QUERIES:
            seconds, status, size = fetch(port, params)
            if status != 200:
                raise SystemExit(f"{label}: HTTP {status}")
            timings[label].append(seconds)
            sizes[label] = size
    everything = [t for values in timings.values() for t in values]
    for label, values in timings.items():
        print(
            f"{label:20} {ms(percentile(values, 50))} {ms(percentile(values, 95))}"
            f" {ms(max(values))}  {200:6} {sizes[label] / 1024:4.0f}"
        )
    print(
        f"{'ALL':20} p50 {ms(percentile(everything, 50))}  p95 {ms(percentile(everything, 95))}"
        f"  p99 {ms(percentile(everything, 99))}  mean {ms(statistics.mean(everything))}"
    )

    results: list[float] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        mine = []
        for i in range(args.rounds * len(QUERIES)):
            mine.append(fetch(port, QUERIES[(offset + i) % len(QUERIES)][1])[0])
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    print(
        f"== {engine}, group={args.group_now}: {args.clients} concurrent clients,"
        f" {len(results)} requests:"
        f" {len(results) / elapsed:.0f} req/s; p50 {ms(percentile(results, 50)).strip()}"
        f"  p95 {ms(percentile(results, 95)).strip()}  p99 {ms(percentile(results, 99)).strip()} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--paragraphs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PG_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432"),
    )
    parser.add_argument(
        "--pg-database",
        default=os.environ.get("PG_BENCH_DATABASE", "archive_bench"),
        help="a database of its own per checkout: the bench replaces its data",
    )
    parser.add_argument(
        "--group", default="on", help="group=on and/or off for every query: 'on', 'off', 'on,off'"
    )
    parser.add_argument(
        "--lineage",
        action="store_true",
        help="compute the lineage first (manage.py lineage) when the database has none",
    )
    args = parser.parse_args()

    for engine in args.engines.split(","):
        url = database_url(engine, args)
        env = server_env(url) | {"DJANGO_DEBUG": "1"}
        subprocess.run(
            [
                sys.executable,
                str(REPO / "bench" / "search_corpus.py"),
                "--paragraphs",
                str(args.paragraphs),
            ],
            cwd=REPO,
            env=env,
            check=True,
        )
        if args.lineage:
            subprocess.run(
                [sys.executable, "-c", LINEAGE_IF_NONE],
                cwd=REPO,
                env=env | {"DJANGO_SETTINGS_MODULE": "archive_site.settings"},
                check=True,
            )
        # The production storage needs the manifest that collectstatic writes (git-ignored).
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=REPO,
            env=server_env(url),
            check=True,
        )
        port = free_port()
        server = start_server(url, port, args.workers)
        try:
            print(f"\n{engine}: gunicorn, {args.workers} workers, DJANGO_DEBUG=0, 127.0.0.1:{port}")
            for group in args.group.split(","):
                GROUP["group"] = args.group_now = group
                measure(engine, port, args)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
