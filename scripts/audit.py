"""Audit the pinned dependencies (requirements.lock) for known vulnerabilities with pip-audit.

Exit status: 0 no known vulnerability; 1 a known vulnerability in a pinned package (the
build must fail); 2 nothing could be checked (the vulnerability service is out of reach, as
on a machine that sees only a PyPI mirror without its per-release JSON): said loudly, so an
unreachable service is never mistaken for a clean bill.

    python scripts/audit.py [requirements.lock]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def audit(requirements: Path) -> int:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(requirements),
            "--no-deps",
            "--disable-pip",
            "--format",
            "json",
            "--progress-spinner",
            "off",
        ],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(done.stderr or done.stdout, file=sys.stderr)
        return 2
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        fixes = sorted({f for v in dependency["vulns"] for f in v.get("fix_versions", [])})
        print(f"VULNERABLE {dependency['name']}=={dependency['version']}: {ids}; fixed in {fixes}")
    if vulnerable:
        return 1
    audited = len(dependencies) - len(skipped)
    if audited == 0:
        print(
            f"audit: could not check any of {len(dependencies)} pinned packages: "
            f"{skipped[0]['skip_reason'] if skipped else 'no dependencies read'}",
            file=sys.stderr,
        )
        return 2
    print(f"audit: {audited} pinned packages, no known vulnerability ({len(skipped)} skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(audit(Path(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock")))
