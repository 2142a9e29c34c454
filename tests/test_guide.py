"""docs/guide.md, a PM's first week: every command in it runs, in order, in an empty folder.

The guide's commands read the clock; here each riskdocs command gets `--today` (but
`history`, which has none) so that the week is the same on any day the tests run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

GUIDE = REPO / "docs" / "guide.md"
DAY = "2026-12-01"
BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)


def commands() -> list[str]:
    return [line for block in BLOCK.findall(GUIDE.read_text()) for line in block.splitlines()
            if line.strip()]  # fmt: skip


def dated(line: str) -> str:
    if line.startswith("riskdocs ") and not line.startswith("riskdocs history"):
        return f"{line} --today {DAY}"
    return line


def test_every_command_of_the_guide_runs_in_order(tmp_path: Path) -> None:
    lines = commands()
    assert len(lines) >= 10 and lines[0].startswith("git init")
    script = "set -euo pipefail\n" + "\n".join(dated(line) for line in lines) + "\n"
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    who = {f"GIT_{role}_{part}": value for role in ("AUTHOR", "COMMITTER")
           for part, value in (("NAME", "Pat Morgan"), ("EMAIL", "pat@example.com"))}  # fmt: skip
    env = {**os.environ, **who, "PATH": path, "RISKDOCS_CACHE_DIR": str(tmp_path / "cache"),
           "NO_COLOR": "1"}  # fmt: skip
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    health = tmp_path / "portal" / "health"
    out = done.stdout
    assert "riskdocs: created meetings/2026-12-01-kickoff.md; write the notes" in out
    assert "riskdocs: created commitments/C-002.yaml (C-002)" in out
    assert "riskdocs: created risks/R-002-client-content-may-arrive.yaml (R-002)" in out
    assert "  renegotiated: added {on: 2026-12-01, from: 2027-03-05, to: 2027-03-12" in out
    assert "riskdocs: imported 1 of 1 rows of jira.csv (1 of 2 match Issue Type=Risk)" in out
    assert (
        "key: PORTAL-7" in (health / "risks" / "R-003-hosting-contract-renewal-is.yaml").read_text()
    )
    assert "status: done" in (health / "commitments" / "C-002.yaml").read_text()
    assert (
        "decided_by: client-sponsor" in (health / "scope" / "changes" / "CR-001.yaml").read_text()
    )
    assert (health / "site" / "index.html").is_file()
    assert (tmp_path / "portal" / ".pre-commit-config.yaml").is_file()
    check = subprocess.run(["bash", "-c", f"riskdocs validate --root health --today {DAY}"],
                           cwd=tmp_path / "portal", env=env, capture_output=True, text=True,
                           check=False)  # fmt: skip
    assert check.returncode == 0, check.stdout
