"""The README's commands work as written on a fresh clone after `make run`.

The commands are read from README.md's ``sh`` code blocks (so the README cannot drift from
what is tested) and run in a shell from the project folder, in a clean environment (no
``DJANGO_*`` variable set: what a newcomer's terminal has) against a database of their own.
`make run` is played without its last step (serving): `make seed`, which also writes `.env`
from `.env.example` when there is none, as `make run` does.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest

from tests.conftest import REPO, corpus_path

# Commands that cannot run inside a test, and why.
NOT_RUN_HERE = {
    "make run": "serves until stopped; its other steps run as `make seed`",
    "make test": "is the test run itself",
    "make lock": "rewrites requirements.lock from PyPI: a test must not change the checkout "
    "(tests/unit/test_dependencies.py checks what it writes)",
}
SLOW = ("make corpus",)  # the whole corpus: run by its own test, which needs the corpus


def readme_commands() -> list[str]:
    """Every command line of the README's ``sh`` blocks, comments removed."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, flags=re.S | re.M):
        for line in block.splitlines():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def shell(command: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        shell=True,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def after_make_run(tmp_path_factory) -> dict[str, str]:
    """A clean environment in which `make seed` has run; its own database and bulk folder."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    folder = tmp_path_factory.mktemp("readme")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env["DATABASE_URL"] = f"sqlite:///{folder / 'readme.sqlite3'}"
    env["DJANGO_BULK_DIR"] = str(folder / "bulk")
    left_by_readme = [REPO / "archive-backup.json.gz", REPO / "restored.sqlite3"]
    already_there = {path for path in left_by_readme if path.exists()}
    done = shell("make seed", env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (REPO / ".env").is_file()  # what `make run` leaves for manage.py
    yield env
    for path in left_by_readme:  # the backup and the restored copy the README's commands write
        if path not in already_there:
            path.unlink(missing_ok=True)


def test_the_readme_has_the_commands_this_test_runs():
    commands = readme_commands()
    assert "make run" in commands and "make test" in commands
    assert any(c.startswith(".venv/bin/python manage.py ingest") for c in commands)
    assert ".venv/bin/python manage.py export_json 2388" in commands


@pytest.mark.parametrize(
    "command",
    [c for c in readme_commands() if c not in NOT_RUN_HERE and not c.startswith(SLOW)],
)
def test_readme_command_runs_as_written(after_make_run, command):
    done = shell(command, after_make_run)
    if command == "make audit" and done.returncode == 2:
        # scripts/audit.py: 2 is "the vulnerability service could not be reached", not a finding.
        pytest.skip(f"make audit could not reach the vulnerability service: {done.stderr.strip()}")
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert "ImproperlyConfigured" not in done.stderr
    if command.endswith("export_json 2388"):
        assert json.loads(done.stdout)["symbol"] == "S/RES/2388 (2017)"


@pytest.mark.corpus
@pytest.mark.parametrize("command", [c for c in readme_commands() if c.startswith(SLOW)])
def test_readme_corpus_command_runs_as_written(corpus, after_make_run, command):
    assert corpus == corpus_path()
    done = shell(command, after_make_run, timeout=1800)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert "archive now holds" in done.stdout
