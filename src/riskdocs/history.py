"""What riskdocs reads from git. Only the commit a report is built from, for now.

Plain `git` subprocess calls: fast to start, nothing imported until needed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def head_commit(root: Path) -> str | None:
    """The short hash of HEAD of the repository holding `root`, or None outside git."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else None
