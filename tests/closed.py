"""The bundled example as it would stand after its end, closed: for the closure rules,
the closing report and its page in Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLE

AFTER_END = "2027-03-10"  # the example's planned end is 2027-02-26
CLOSURE = """\
closed: 2027-03-05
accepted_by: erik
summary: The new portal is live; tracking, invoices and claims run on it.
handover:
  - {item: Source code and deployment scripts, to: farah, on: 2027-03-03}
  - {item: Operations handbook, to: farah}
transferred:
  commitments:
    - {id: C-004, to: dana}
    - {id: C-005, to: farah, note: "Ask Farah in January: her calendar is full"}
  risks:
    - {id: R-001, to: farah}
    - {id: R-002, to: farah}
    - {id: R-003, to: farah}
    - {id: R-004, to: farah}
"""
RETRO = """\
---
title: Closing retrospective
date: 2027-03-04
kind: retro
attendees: [alice, bob, chen]
visibility: internal
---

What went well, what did not.
"""


def closed_example(tmp_path: Path, closure: str | None = CLOSURE, retro: bool = True) -> Path:
    """A copy of the example with `closure` as closure/closure.yaml (None: no record) and,
    with `retro`, a retrospective after the end."""
    root = tmp_path / "closed"
    shutil.copytree(EXAMPLE, root)
    if closure is not None:
        (root / "closure").mkdir()
        (root / "closure" / "closure.yaml").write_text(closure)
    if retro:
        (root / "meetings" / "2027-03-04-retro.md").write_text(RETRO)
    return root
