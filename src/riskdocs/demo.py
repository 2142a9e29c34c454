"""`riskdocs demo`: the bundled example's status page, from the installed package.

The example ships inside the package (`riskdocs.example`, mapped from
examples/northwind-portal), so a user who installed a wheel and has no clone
still sees what riskdocs makes. It is copied to a temporary folder, checked and
reported there as of its own week, so the story it tells (amber: a promise due
tomorrow) is the same on any day; only the output folder is written.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from riskdocs.checks.pipeline import run
from riskdocs.checks.sources import whole_project
from riskdocs.report.publish import Published, publish
from riskdocs.resources import example_files

EXAMPLE_DAY = date(2026, 11, 26)  # the week the example's files describe


def build_demo(output: Path, today: date = EXAMPLE_DAY, audience: str = "client") -> Published:
    """Write the example's report into `output` as of `today`."""
    with tempfile.TemporaryDirectory(prefix="riskdocs-demo-") as folder:
        root = Path(folder) / "northwind-portal"
        for relative, entry in example_files():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(entry.read_bytes())
        result = run(whole_project(root, None), today)
        return publish(result, output, audience)
