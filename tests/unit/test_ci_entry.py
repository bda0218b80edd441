"""CI's entry point is a shell script nobody runs locally: check it parses and runs `make test`.

A merge once left `.ci/run` with an unclosed backquote; CI then failed in one second, before
any test ran. `bash -n` reads the script without running it.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import REPO

CI_RUN = REPO / ".ci" / "run"


def test_ci_entry_point_is_valid_bash():
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    checked = subprocess.run(["bash", "-n", str(CI_RUN)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_ci_entry_point_runs_the_readme_test_command():
    commands = [
        line.strip()
        for line in CI_RUN.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert "make test" in commands
    assert "make test" in (REPO / "README.md").read_text(encoding="utf-8")
