"""`riskdocs export`: CSV that Excel and trackers read as written, and nothing run as a formula."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tests.conftest import EXAMPLE, run


def rows(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_commitments_export_one_row_each_in_schema_order(tmp_path: Path) -> None:
    out = tmp_path / "c.csv"
    result = run("export", "commitment", "--root", str(EXAMPLE), "-o", str(out))
    assert result.output == f"riskdocs: wrote 6 commitment rows to {out}\n"
    table = rows(out)
    assert [r["id"] for r in table] == ["C-001", "C-002", "C-003", "C-004", "C-005", "C-006"]
    assert list(table[0])[:7] == ["id", "title", "owner", "to", "made", "source", "due"]
    c003 = table[2]
    assert c003["renegotiated"].startswith('[{"on": "2026-11-05", "from": "2026-11-12"')
    assert c003["done"] == "2026-11-19"


def test_chinese_text_formulas_and_internal_records(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    risk = root / "risks" / "R-002-sso-approval.yaml"
    title = "title: Single sign-on needs the client's security approval"
    text = risk.read_text().replace(title, 'title: "=HYPERLINK(\\"http://x\\")"')
    risk.write_text(text.replace("Security review not scheduled", "客户未批准安全评审"))
    team, client = tmp_path / "team.csv", tmp_path / "client.csv"
    assert run("export", "risk", "--root", str(root), "-o", str(team)).exit_code == 0
    assert run("export", "risk", "--root", str(root), "-o", str(client), "--audience",
               "client").exit_code == 0  # fmt: skip
    by_id = {r["id"]: r for r in rows(team)}
    assert by_id["R-002"]["title"] == '\'=HYPERLINK("http://x")'  # never run as a formula
    assert by_id["R-002"]["trigger"].startswith("客户未批准安全评审")
    assert "R-004" in by_id and "R-004" not in {r["id"] for r in rows(client)}  # internal


def test_a_file_that_cannot_be_read_is_counted_not_dropped(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    (root / "concerns" / "Q-003.yaml").write_text("id: Q-003\ntitle: [broken\n")
    out = tmp_path / "q.csv"
    result = run("export", "concern", "--root", str(root), "-o", str(out))
    assert result.exit_code == 0
    assert "1 concern file could not be read and is left out" in result.output
    assert [r["id"] for r in rows(out)] == ["Q-001", "Q-002"]
