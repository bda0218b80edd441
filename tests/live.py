"""A real server (gunicorn, as in production) in a subprocess, with its own environment:
for tests that point the archive at a database that is down, missing or not migrated, and
for headers as gunicorn sends them.

    with LiveServer({"DATABASE_URL": "sqlite:///missing.sqlite3"}) as server:
        response = server.get("/")
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass

from tests.conftest import REPO

PRODUCTION_LIKE = {
    "DJANGO_DEBUG": "1",  # static files from static/ with no collectstatic step
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_LOG_LEVEL": "WARNING",
}


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clean_environment(env: dict[str, str]) -> dict[str, str]:
    """The test process's environment without its Django and database settings, plus ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return gunicorn_safe({**clean, **PRODUCTION_LIKE, **env})


def gunicorn_safe(env: dict[str, str]) -> dict[str, str]:
    """``env`` without an empty ``WEB_CONCURRENCY``, which gunicorn reads itself and crashes on
    (an older .env, loaded into the test process's environment, has one)."""
    return {k: v for k, v in env.items() if k != "WEB_CONCURRENCY" or v.strip()}


def manage(*args: str, env: dict[str, str], timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=clean_environment(env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class LiveServer:
    def __init__(self, env: dict[str, str], workers: int = 1):
        self.env = clean_environment(env)
        self.port = free_port()
        self.workers = workers
        self.process: subprocess.Popen | None = None
        self.log = ""

    def __enter__(self) -> LiveServer:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "archive_site.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
            ],
            cwd=REPO,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited: " + (self.process.stdout.read() or ""))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc) -> None:
        assert self.process is not None
        self.process.terminate()
        try:
            self.log, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.log, _ = self.process.communicate()

    def request(self, path: str, *, method: str = "GET", headers: dict | None = None) -> Answer:
        """One request, redirects not followed (a redirect is an answer to check)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            return Answer(response.status, dict(response.getheaders()), body)
        finally:
            connection.close()

    def get(self, path: str, **headers: str) -> Answer:
        return self.request(path, headers={k.replace("_", "-"): v for k, v in headers.items()})
