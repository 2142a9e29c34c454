"""A portfolio of generated projects in a tmp folder: two checkouts with real git
histories (alpha, beta), a published folder (gamma, stale), a status.json of an older
version, one of an unknown newer version, and one that was never published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.portfolio.projects import CONFIG, alpha, beta, commitment, published

DAY = "2026-11-30"

PORTFOLIO = """\
title: Delivery portfolio
stale_after_days: 7
projects:
  alpha:
    checkout: alpha
    url: https://status.example.com/alpha/
  beta:
    checkout: beta
    view: team
  gamma:
    status: published/gamma
  older:
    status: published/older/status.json
  newer:
    status: published/newer/status.json
  never:
    status: published/never
"""


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    """portfolio.yaml and everything it names; returns the file."""
    home = tmp_path / "office"
    alpha(home / "alpha")
    beta(home / "beta")
    gamma = home / "gamma"
    gamma.mkdir(parents=True)
    (gamma / "riskdocs.yaml").write_text(CONFIG.format(name="Gamma app", client="Acme"))
    (gamma / "commitments").mkdir()
    (gamma / "commitments" / "C-001.yaml").write_text(commitment("C-001", "bob", "2026-10-30"))
    out = published(gamma, home / "published" / "gamma", "2026-11-01")
    for name, version in (("older", 3), ("newer", 99)):
        data = json.loads((out / "status.json").read_text())
        data["version"] = version
        (home / "published" / name).mkdir(parents=True)
        (home / "published" / name / "status.json").write_text(json.dumps(data))
    (home / "portfolio.yaml").write_text(PORTFOLIO)
    return home / "portfolio.yaml"
