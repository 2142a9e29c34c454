"""Real git repositories built commit by commit in a tmp folder, for the history tests."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

BASE_CONFIG = Path(__file__).parent / "fixtures" / "base-riskdocs.yaml"


class Repo:
    """A project at the root of a fresh repository; `commit` writes files and commits."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())

    def git(self, *args: str, author: str = "Alice Martin", day: str = "2026-11-01") -> str:
        stamp = f"{day}T12:00:00+00:00"
        env = {
            "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "a@example.com",
            "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "a@example.com",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp,
            "HOME": str(self.root.parent), "GIT_CONFIG_NOSYSTEM": "1", "PATH": "/usr/bin:/bin",
        }  # fmt: skip
        done = subprocess.run(["git", *args], cwd=self.root, env=env, check=True,
                              capture_output=True, text=True)  # fmt: skip
        return done.stdout.strip()

    def write(self, files: dict[str, str]) -> None:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"))

    def commit(
        self, message: str, files: dict[str, str], day: str = "2026-11-01",
        author: str = "Alice Martin",
    ) -> str:  # fmt: skip
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, author=author, day=day)
        return self.git("rev-parse", "--short=12", "HEAD")
