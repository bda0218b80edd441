"""Production differs from development only by environment variables."""

import os
import subprocess
import sys

from tests.conftest import REPO

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    "DJANGO_SECURE": "1",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/archive",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_deploy_passes_with_production_variables():
    done = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert done.returncode == 0, done.stderr + done.stdout


def test_debug_off_without_secret_key_refuses_to_start():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    done = manage("check", env=env)
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in done.stderr


def test_check_deploy_passes_with_read_replicas():
    replicas = (
        "postgres://postgres@replica-1:5432/archive,postgres://postgres@replica-2:5432/archive"
    )
    done = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "DATABASE_REPLICA_URLS": replicas},
    )
    assert done.returncode == 0, done.stderr + done.stdout


def test_a_replica_that_is_not_the_primarys_engine_is_refused():
    done = manage("check", env={**PRODUCTION, "DATABASE_REPLICA_URLS": "sqlite:///replica.sqlite3"})
    assert done.returncode != 0
    assert "DATABASE_REPLICA_URLS must name replicas" in done.stderr
