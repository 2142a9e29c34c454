"""`report.heatmap: residual` places each open risk by its score once prevention is done,
where the risk records one; the inherent score stays everywhere else."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import EXAMPLE, TODAY, run


def build(tmp_path: Path, heatmap: str | None) -> tuple[dict[str, object], str]:
    root = tmp_path / f"p-{heatmap}"
    shutil.copytree(EXAMPLE, root)
    if heatmap:
        config = root / "riskdocs.yaml"
        config.write_text(config.read_text() + f"\nreport:\n  heatmap: {heatmap}\n")
    out = tmp_path / f"site-{heatmap}"
    result = run("report", "--root", str(root), "-o", str(out), "--today", TODAY)
    assert result.exit_code == 0, result.output
    status = json.loads((out / "status.json").read_text())
    return status["risks"], (out / "index.html").read_text()


def test_residual_scores_move_a_risk_to_its_cell_after_prevention(tmp_path: Path) -> None:
    inherent, _page = build(tmp_path, None)
    residual, page = build(tmp_path, "residual")
    assert inherent["scores"] == "inherent" and residual["scores"] == "residual"
    # R-001 is 4 x 5 now and records 2 x 5 once its prevention is done.
    r001 = next(r for r in residual["items"] if r["id"] == "R-001")
    assert (r001["probability"], r001["impact"], r001["residual"]["score"]) == (4, 5, 10)
    assert inherent["heatmap"][0][3] - residual["heatmap"][0][3] == 1  # impact 5, probability 4
    assert residual["heatmap"][0][1] - inherent["heatmap"][0][1] == 1  # impact 5, probability 2
    assert sum(map(sum, residual["heatmap"])) == sum(map(sum, inherent["heatmap"]))
    cell = re.search(r'<a href="#R-001" aria-label="probability 2, impact 5: 1 risk">', page)
    assert cell, "the residual cell links to the risk"
    assert "once their prevention is done" in page


def test_the_setting_is_checked_by_the_schema(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    config = root / "riskdocs.yaml"
    config.write_text(config.read_text() + "\nreport:\n  heatmap: after\n")
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 2  # riskdocs.yaml is broken: nothing else can be checked
    assert "report.heatmap: 'after' is not one of: inherent, residual" in result.output
