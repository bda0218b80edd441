"""The archive against a real PostgreSQL streaming replica (docs/DEPLOYMENT.md).

A throwaway primary is made with ``initdb`` and a replica of it with ``pg_basebackup -R`` (the
way a production standby is made), each on a free port, both run as the ``postgres`` user
when the tests run as root. The archive is migrated and ingested with ``DATABASE_URL``
naming the primary and ``DATABASE_REPLICA_URLS`` the replica — a write sent to the read-only
replica would fail — then served by gunicorn. With the primary stopped, every page and the
search still answer from the replica: no read went to the primary.

Needs PostgreSQL's server programs (Debian's postgresql package). Skips without them, except
under ``CI=true``, where it must run.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.live import gunicorn_safe

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="runs in the PostgreSQL leg of make test",
    ),
]

PAGES = [
    "/",
    "/resolutions/",
    "/resolutions/2388/",
    "/resolutions/2388/op31/",
    "/resolutions/2388.json",
    "/search/?q=procurement+and+supply+chains",
    "/search.json?q=trafficking",
]


def _unavailable(message: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: the replica test must run)")
    pytest.skip(message)


def server_programs() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_basebackup")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    _unavailable("PostgreSQL's server programs (initdb, pg_basebackup) are not installed")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a folder of its own, run as ``postgres`` when we are root."""

    def __init__(self, programs: Path, folder: Path, port: int) -> None:
        self.programs, self.folder, self.port = programs, folder, port
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, program: str, *args: str) -> str:
        command = [*self.as_owner, str(self.programs / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")
        assert done.returncode == 0, f"{program} failed: {done.stderr or done.stdout}"
        return done.stdout

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder.parent}"
        self.run(
            "pg_ctl",
            "-D",
            str(self.folder),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "-l",
            str(self.folder.parent / f"{self.folder.name}.log"),
            "start",
        )

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.folder), "-m", "fast", "-w", "stop")

    def sql(self, statement: str, database: str = "archive") -> str:
        return self.run(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            database,
            "-Atc",
            statement,
        ).strip()

    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/archive"


@pytest.fixture(scope="module")
def primary_and_replica():
    programs = server_programs()
    # Not under pytest's own temporary folder: that one is private to the user running pytest,
    # and the servers run as postgres.
    root = Path(tempfile.mkdtemp(prefix="archive-replication-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    primary = Cluster(programs, root / "primary", free_port())
    replica = Cluster(programs, root / "replica", free_port())
    # initdb's pg_hba.conf with -A trust admits replication connections from 127.0.0.1.
    primary.run("initdb", "-D", str(primary.folder), "-A", "trust", "-U", "postgres", "--no-sync")
    primary.start()
    started = [primary]
    try:
        primary.sql("CREATE DATABASE archive", database="postgres")
        # A standby as production makes one: a base backup that streams its WAL and writes
        # the recovery settings (-R); a fast checkpoint instead of waiting for a spread one.
        options = f"-h 127.0.0.1 -p {primary.port} -U postgres -D {replica.folder} -R -X stream"
        replica.run("pg_basebackup", *options.split(), "--no-sync", "--checkpoint=fast")
        replica.start()
        started.append(replica)
        assert replica.sql("SELECT pg_is_in_recovery()") == "t"
        yield primary, replica
    finally:
        for cluster in reversed(started):
            try:
                cluster.stop()
            except AssertionError:
                pass
        shutil.rmtree(root, ignore_errors=True)


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_reads_are_served_by_the_replica_and_writes_go_to_the_primary(primary_and_replica):

    primary, replica = primary_and_replica
    env = gunicorn_safe(
        {
            **os.environ,
            "DATABASE_URL": primary.url(),
            "DATABASE_REPLICA_URLS": replica.url(),
            "DJANGO_DEBUG": "1",
        }
    )
    # Writes: a migration or an ingest routed to the replica would fail (read-only).
    for command in (["migrate", "--noinput"], ["ingest", str(SEEDS)]):
        done = manage(*command, env=env)
        assert done.returncode == 0, done.stderr
    paragraphs = primary.sql("SELECT count(*) FROM resolutions_paragraph")
    assert int(paragraphs) > 0
    for _ in range(100):  # the replica replays the ingest within moments
        if replica.sql("SELECT count(*) FROM resolutions_paragraph") == paragraphs:
            break
        time.sleep(0.2)
    else:
        pytest.fail("the replica did not catch up with the primary within 20 s")

    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "archive_site.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "60",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        origin = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                get(origin + "/")
                break
            except OSError:
                time.sleep(0.2)
        served = {page: get(origin + page)[0] for page in PAGES}
        assert served == dict.fromkeys(PAGES, 200)
        # With the primary gone, the pages and the search still answer: they read the replica.
        primary.stop()
        try:
            served = {page: get(origin + page) for page in PAGES}
            assert {page: status for page, (status, _) in served.items()} == dict.fromkeys(
                PAGES, 200
            )
            assert b"supply chains" in served["/search/?q=procurement+and+supply+chains"][1]
        finally:
            primary.start()
    finally:
        server.terminate()
        server.wait(timeout=30)
