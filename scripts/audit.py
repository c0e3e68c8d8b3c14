"""Audit the locked dependencies (constraints.txt) for known vulnerabilities with pip-audit.

Fails on any reported vulnerability. pip-audit skips packages it cannot look up (for example when
the machine reaches only a registry mirror and no vulnerability service); when it could audit
nothing at all this script says so plainly instead of reporting a clean bill of health.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(ROOT / "constraints.txt"),
            "--no-deps",
            "--disable-pip",
            "--progress-spinner",
            "off",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(completed.stdout or "{}")
    except json.JSONDecodeError:
        print(f"pip-audit failed:\n{completed.stderr.strip()}")
        return 1
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    for dependency in vulnerable:
        ids = ", ".join(v["id"] for v in dependency["vulns"])
        print(f"VULNERABLE {dependency['name']}=={dependency['version']}: {ids}")
    audited = len(dependencies) - len(skipped)
    if dependencies and audited == 0:
        print(
            f"dependency audit NOT performed: none of {len(dependencies)} locked packages "
            "could be looked up (no vulnerability service reachable from this machine)"
        )
    else:
        print(
            f"dependency audit: {audited} packages checked, {len(skipped)} skipped, "
            f"{len(vulnerable)} with known vulnerabilities"
        )
    return 1 if vulnerable else 0


if __name__ == "__main__":
    raise SystemExit(main())
