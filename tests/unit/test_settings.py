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


def database_options(url: str) -> str:
    done = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])",
        env={**PRODUCTION, "DATABASE_URL": url},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_postgresql_connections_tell_the_planner_pages_are_in_memory():
    # Without it, a word in a few percent of paragraphs is searched by reading every row.
    assert "-c random_page_cost=1.1" in database_options(PRODUCTION["DATABASE_URL"])
    # Options given in the URL are kept, after ours, so they win.
    url = PRODUCTION["DATABASE_URL"] + "?options=-c%20random_page_cost%3D2"
    assert "-c random_page_cost=1.1 -c random_page_cost=2" in database_options(url)
