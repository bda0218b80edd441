"""Ingest under load: the whole corpus ingested, then re-ingested, while 8 clients search and
read pages through gunicorn; every error any client saw, and the latencies, per phase.

Target: 0 errors on either engine. Readers never wait on the ingest's transaction (SQLite in
WAL mode with a busy timeout; PostgreSQL's MVCC) and see the archive before the ingest or
after it, never a mix: each phase is one transaction. Run with ``make bench-ingest-load``::

    python bench/ingest_under_load.py --engines sqlite,postgresql

Each engine starts from the seed pages (so the pages read exist from the start); the SQLite
file goes under bench/out/ (git-ignored); PostgreSQL uses the ``archive_bench_load`` database.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from search_latency import (
    OUT,
    REPO,
    ensure_pg_database,
    free_port,
    ms,
    percentile,
    server_env,
    start_server,
)

# What the clients read: pages that exist before, during and after the ingest.
READS = [
    "/",
    "/resolutions/",
    "/resolutions/2388/",
    "/resolutions/2388/op6/",
    "/resolutions/2331/op20/",
    "/resolutions/2388.json",
    "/search/?q=trafficking",
    "/search/?q=%22armed+conflict%22",
    "/search/?q=traff*+OR+women",
    "/search.json?q=persons",
]


def get(port: int, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        status = response.status
    except OSError as error:
        status = -1
        print(f"  client error on {path}: {error}", file=sys.stderr)
    finally:
        conn.close()
    return time.perf_counter() - started, status


def under_load(port: int, clients: int, work) -> tuple[float, list[float], list[str]]:
    """Run ``work()`` while ``clients`` threads read; (seconds, latencies, errors)."""
    done = threading.Event()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        i = offset
        while not done.is_set():
            path = READS[i % len(READS)]
            seconds, status = get(port, path)
            with lock:
                latencies.append(seconds)
                if status != 200:
                    errors.append(f"{status} {path}")
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    started = time.perf_counter()
    try:
        work()
    finally:
        elapsed = time.perf_counter() - started
        done.set()
        for thread in threads:
            thread.join()
    return elapsed, latencies, errors


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True)


def bench(engine: str, args) -> int:
    if engine == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{OUT / 'load.sqlite3'}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{OUT / 'load.sqlite3'}"
    else:
        url = ensure_pg_database(args.pg_server, "archive_bench_load")
    env = server_env(url)
    quiet = env | {"DJANGO_DEBUG": "1"}
    manage(quiet, "migrate", "--noinput", "-v0")
    manage(quiet, "flush", "--noinput")
    manage(quiet, "ingest", str(REPO / "fixtures" / "seeds"))
    manage(env, "collectstatic", "--noinput", "-v0")
    corpus = Path(args.corpus)
    port = free_port()
    server = start_server(url, port, args.workers)
    failures = 0
    try:
        print(f"\n== {engine}: gunicorn, {args.workers} workers, {args.clients} clients ==")
        for phase in ("ingest", "re-ingest"):
            seconds, latencies, errors = under_load(
                port,
                args.clients,
                lambda: subprocess.run(
                    [
                        sys.executable,
                        "manage.py",
                        "ingest",
                        str(corpus / "xml"),
                        str(corpus / "metadata"),
                    ],
                    cwd=REPO,
                    env=quiet,
                    check=True,
                    capture_output=True,
                ),
            )
            failures += len(errors)
            print(
                f"{phase:10} {seconds:6.1f} s  {len(latencies):6} requests  "
                f"errors {len(errors)}  p50 {ms(percentile(latencies, 50)).strip()}  "
                f"p95 {ms(percentile(latencies, 95)).strip()}  max {ms(max(latencies)).strip()} ms"
            )
            for error in errors[:10]:
                print(f"  {error}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--corpus", default=str(REPO.parent / "shared/corpora/un-sc-akn"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--pg-server",
        default=os.environ.get("PG_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432"),
    )
    args = parser.parse_args()
    failures = sum(bench(engine, args) for engine in args.engines.split(","))
    print(f"\nerrors seen by clients: {failures} (target 0)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
