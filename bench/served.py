"""The archive as the benchmarks serve it: the peer's corpus loaded into each engine, and
gunicorn in production mode in front of it.

``corpus_loaded(engine, size)`` builds the corpus with ``../shared/bench-peer/corpus.py`` (the
UN's XML, or renumbered, lightly varied copies up to 100,000 paragraphs) and ingests it with
the UN's record data, once: a marker file remembers what a database holds. ``serving(url)``
collects the static files and runs gunicorn on a free loopback port for the ``with`` block.

Used by ``peer.py`` (``make bench-peer``) and ``pages.py`` (``make bench-pages``).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_latency import ensure_pg_database, free_port, server_env  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
SHARED = REPO.parent / "shared"
PEER = SHARED / "bench-peer"
CORPUS = SHARED / "corpora" / "un-sc-akn"
PG_SERVER = os.environ.get("PG_BENCH_SERVER", "postgres://postgres@127.0.0.1:5432")
SIZES = {"41.7k": 0, "100k": 100_000}  # corpus.py's --paragraphs


def peer_corpus(size: str) -> Path:
    """corpus.py's output folder for ``size`` (built once)."""
    folder = OUT / f"peer-{size}"
    if not (folder / "manifest.json").exists():
        subprocess.run(
            [
                sys.executable,
                str(PEER / "corpus.py"),
                str(folder),
                "--paragraphs",
                str(SIZES[size]),
                "--src",
                str(CORPUS / "xml"),
            ],
            check=True,
        )
    return folder


def database_url(engine: str, size: str) -> str:
    name = f"peer-{size}".replace(".", "")
    if engine == "sqlite":
        OUT.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{OUT / (name + '.sqlite3')}"
    return ensure_pg_database(PG_SERVER, "archive_" + name.replace("-", "_"))


def corpus_loaded(engine: str, size: str) -> str:
    """The database URL of ``engine`` holding the peer's corpus of ``size``; ingests it the
    first time (and prints how long that took)."""
    folder = peer_corpus(size)
    url = database_url(engine, size)
    marker = OUT / f"loaded-{engine}-{size}.json"
    manifest = (folder / "manifest.json").read_text()
    if marker.exists() and marker.read_text() == manifest:
        return url
    env = server_env(url) | {"DJANGO_DEBUG": "1"}
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    started = time.perf_counter()
    subprocess.run(
        [
            *manage,
            "ingest",
            "--synthetic",
            "--no-bulk",
            str(folder / "xml"),
            str(CORPUS / "metadata"),
        ],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"{engine} {size}: ingested in {time.perf_counter() - started:.1f} s", flush=True)
    marker.write_text(manifest)
    return url


@contextlib.contextmanager
def serving(url: str, *, workers: int = 3):
    """gunicorn in production mode on a free loopback port; yields the port."""
    env = server_env(url)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
    )
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "archive_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=REPO,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/about/")
                connection.getresponse().read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("gunicorn did not answer within 30 s") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def manifest(size: str) -> dict:
    return json.loads((peer_corpus(size) / "manifest.json").read_text())
