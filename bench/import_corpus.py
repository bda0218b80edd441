"""Benchmark: import the whole UN corpus (XML + records) into each engine.

Target (issue: import the UN's XML): under 2 minutes and under 1 GB of memory, on SQLite and
on PostgreSQL. Each import runs as its own process (``manage.py ingest``) into a fresh
database, so its wall time and peak resident memory are measured alone.

    python bench/import_corpus.py --corpus ../shared/corpora/un-sc-akn
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
PG_SERVER = os.environ.get("PG_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
PG_DATABASE = "archive_bench_import"
# `manage.py ingest` in a process that reports its own peak resident memory when it ends.
MEASURED_INGEST = """
import os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")
django.setup()
from django.core.management import call_command
call_command("ingest", *sys.argv[1:])
print(f"PEAK_RSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def run(label: str, database_url: str, paths: list[Path]) -> dict:
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_DEBUG="1")
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED_INGEST, *map(str, paths)],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{label}: ingest failed\n{done.stderr}")
    peak_kb = int(done.stderr.rsplit("PEAK_RSS_KB=", 1)[1].split()[0])
    again_start = time.perf_counter()
    again = subprocess.run(
        [*manage, "ingest", *map(str, paths)], env=env, capture_output=True, text=True, check=True
    )
    again_seconds = time.perf_counter() - again_start
    return {
        "engine": label,
        "seconds": seconds,
        "peak_mb": peak_kb / 1024,
        "again_seconds": again_seconds,
        "summary": done.stdout.strip().splitlines(),
        "again_unchanged": "nothing changed" in again.stdout,
    }


def fresh_postgres() -> str:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_DATABASE}")
    return f"{PG_SERVER}/{PG_DATABASE}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    if not (args.corpus / "xml").is_dir():
        sys.exit(f"corpus not found: {args.corpus.name} (pass --corpus)")
    paths = [args.corpus / "xml", args.corpus / "metadata"]
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    if args.engine in ("sqlite", "both"):
        db = OUT / "import.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        results.append(run("SQLite", f"sqlite:///{db}", paths))
    if args.engine in ("postgresql", "both"):
        results.append(run("PostgreSQL", fresh_postgres(), paths))
    print(f"{'engine':<12}{'import s':>10}{'peak MB':>10}{'re-import s':>13}  unchanged")
    for r in results:
        print(
            f"{r['engine']:<12}{r['seconds']:>10.1f}{r['peak_mb']:>10.0f}"
            f"{r['again_seconds']:>13.1f}  {r['again_unchanged']}"
        )
    for r in results:
        print(f"\n{r['engine']}:")
        for line in r["summary"]:
            print(f"  {line}")
    failed = [r for r in results if r["seconds"] > 120 or r["peak_mb"] > 1024]
    if failed:
        print("\nTARGET MISSED (under 120 s and 1024 MB):", ", ".join(r["engine"] for r in failed))


if __name__ == "__main__":
    main()
