"""`riskdocs import`: a tracker's CSV export as new files, through the real CLI on a project
made by `riskdocs init`. The exports are shaped as Jira, Trello and Asana write them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from riskdocs.load.yamlsrc import parse_yaml
from tests.conftest import run

DAY = "2026-12-01"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    assert run("init", str(root), "--today", DAY).exit_code == 0
    return root


def export(path: Path, header: list[str], *rows: list[str], bom: bool = False) -> Path:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes((("\ufeff" if bom else "") + out.getvalue()).encode("utf-8"))
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def data(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    parsed = parse_yaml(text)
    assert parsed.ok, parsed.problems
    return dict(parsed.data)


JIRA = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Assignee",
        "Reporter", "Created", "Due date", "Resolved", "Description"]  # fmt: skip


def jira(tmp_path: Path) -> Path:
    return export(
        tmp_path / "jira.csv", JIRA,
        ["Payment sandbox may slip", "PORTAL-12", "10012", "Risk", "To Do", "High", "Lee Chen",
         "Pat Morgan", "24/Nov/26 2:10 PM", "", "", 'Vendor silent.\r\nSecond line: "quoted"'],
        ["SSO login for staff", "PORTAL-13", "10013", "Task", "Done", "Medium", "Pat Morgan",
         "Casey Novak", "02/Nov/26 9:00 AM", "20/Nov/26 5:00 PM", "18/Nov/26 4:00 PM", ""],
        ["支付接口延期", "PORTAL-14", "10014", "Risk", "To Do", "Highest", "pm", "lead",
         "25/Nov/26 10:00 AM", "", "", "供应商尚未确认"],
    )  # fmt: skip


def test_a_jira_export_becomes_risks_with_a_link_back_and_is_never_imported_twice(
    project: Path, tmp_path: Path
) -> None:
    csv_file = jira(tmp_path)
    done = run("import", "risk", str(csv_file), "--mapping", "jira", "--only", "Issue Type=Risk",
               "--root", str(project), "--today", DAY)  # fmt: skip
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[:3] == [
        "riskdocs: imported 2 of 2 rows of jira.csv (2 of 3 match Issue Type=Risk)",
        "  risks/R-002-payment-sandbox-may-slip.yaml",
        "  risks/R-003.yaml",
    ]
    # Bad news is shown, not refused: the highest priority makes a high risk with no plan.
    assert done.output.splitlines()[3].startswith(
        "  now reported: risks/R-003.yaml: risk-high-unplanned: R-003 scores 15")  # fmt: skip
    first = data(project / "risks" / "R-002-payment-sandbox-may-slip.yaml")
    assert first == {
        "id": "R-002", "title": "Payment sandbox may slip",
        "description": 'Vendor silent.\nSecond line: "quoted"', "owner": "lead",
        "raised": first["raised"], "probability": 3, "impact": 4, "status": "open",
        "external": {"system": "jira", "key": "PORTAL-12"},
    }  # fmt: skip
    assert str(first["raised"]) == "2026-11-24"
    second = data(project / "risks" / "R-003.yaml")
    assert (second["title"], second["impact"], second["owner"]) == ("支付接口延期", 5, "pm")
    checked = run("validate", "--root", str(project), "--today", DAY)
    assert checked.output.count("error [") == 1 and "[risk-high-unplanned]" in checked.output
    before = snapshot(project)
    again = run("import", "risk", str(csv_file), "--mapping", "jira", "--only", "Issue Type=Risk",
                "--root", str(project), "--today", DAY)  # fmt: skip
    assert again.exit_code == 0
    assert "imported 0 of 2 rows" in again.output
    assert "left out: row 2 (jira PORTAL-12) is already R-002" in again.output
    assert snapshot(project) == before


def test_done_in_the_tracker_is_done_here_when_the_day_is_known(
    project: Path, tmp_path: Path
) -> None:
    done = run("import", "commitment", str(jira(tmp_path)), "--mapping", "jira",
               "--only", "Issue Type=Task", "--to", "client-po", "--root", str(project),
               "--today", DAY)  # fmt: skip
    assert done.exit_code == 0, done.output
    made = data(project / "commitments" / "C-002.yaml")
    dates = {k: str(v) for k, v in made.items() if k in ("made", "due", "done", "status")}
    assert dates == {"made": "2026-11-02", "due": "2026-11-20", "done": "2026-11-18",
                     "status": "done"}  # fmt: skip


def test_trello_and_asana_exports(project: Path, tmp_path: Path) -> None:
    trello = export(
        tmp_path / "trello.csv",
        ["Card ID", "Card Name", "Card URL", "Card Description", "Members", "Due Date",
         "Due Complete", "List Name"],
        ["64f1", "Sign off wireframes", "https://trello.com/c/AbC123/1-sign-off", "",
         "Casey Novak, Pat Morgan", "2026-12-10T17:00:00.000Z", "true", "Doing"],
        bom=True,
    )  # fmt: skip
    done = run("import", "concern", str(trello), "--mapping", "trello", "--raised-by",
               "client-po", "--root", str(project), "--today", DAY)  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "note: Q-002 (trello 64f1): complete in the tracker" in done.output
    concern = data(project / "concerns" / "Q-002.yaml")
    assert concern["owner"] == "client-po" and concern["raised_by"] == "client-po"
    assert concern["external"] == {"system": "trello", "key": "64f1",
                                   "url": "https://trello.com/c/AbC123/1-sign-off"}  # fmt: skip
    config = project / "riskdocs.yaml"
    config.write_text(config.read_text().replace(
        "    name: Lee Chen\n", "    name: Lee Chen\n    email: lee@example.com\n"))  # fmt: skip
    asana = export(
        tmp_path / "asana.csv",
        ["Task ID", "Created At", "Completed At", "Name", "Assignee", "Assignee Email",
         "Due Date", "Notes"],
        ["1207", "2026-11-20", "", "Staging environment", "Lee C.", "LEE@example.com",
         "2026-12-15", ""],
    )  # fmt: skip
    done = run("import", "milestone", str(asana), "--mapping", "asana", "--root", str(project),
               "--today", DAY)  # fmt: skip
    assert done.exit_code == 1 and "a milestone needs `baseline`" in done.output
    done = run("import", "commitment", str(asana), "--mapping", "asana", "--to", "client-po",
               "--root", str(project), "--today", DAY)  # fmt: skip
    assert done.exit_code == 0, done.output
    made = data(project / "commitments" / "C-002.yaml")
    assert made["owner"] == "lead"
    assert made["external"] == {"system": "asana", "key": "1207",
                                "url": "https://app.asana.com/0/0/1207"}  # fmt: skip
    assert run("validate", "--root", str(project), "--today", DAY).exit_code == 0


def test_a_row_that_cannot_be_read_stops_the_import_before_anything_is_written(
    project: Path, tmp_path: Path
) -> None:
    csv_file = export(
        tmp_path / "bad.csv", JIRA,
        ["Fine row", "PORTAL-1", "1", "Risk", "", "High", "Pat Morgan", "", "24/Nov/26 2:10 PM",
         "", "", ""],
        ["", "PORTAL-2", "2", "Risk", "", "High", "Raj Patel", "", "24/Nov/26 2:10 PM", "", "", ""],
        ["Odd date", "PORTAL-3", "3", "Risk", "", "Urgent", "Lee Chn", "", "next week", "", "", ""],
    )  # fmt: skip
    before = snapshot(project)
    refused = run("import", "risk", str(csv_file), "--mapping", "jira", "--root", str(project),
                  "--today", DAY)  # fmt: skip
    assert refused.exit_code == 1
    lines = refused.output.splitlines()
    assert lines[:5] == [
        "bad.csv:3: no title: fill in the title column",
        "bad.csv:3: owner 'Raj Patel' is nobody in people:; add them to riskdocs.yaml or say "
        "who they are with --person 'Raj Patel=KEY'",
        "bad.csv:4: owner 'Lee Chn' is nobody in people: (did you mean 'lead', Lee Chen?); add "
        "them to riskdocs.yaml or say who they are with --person 'Lee Chn=KEY'",
        "bad.csv:4: raised 'next week' is not a date riskdocs reads (YYYY-MM-DD, %d/%b/%y %I:%M "
        "%p, %d/%b/%Y %I:%M %p, %d/%m/%Y %H:%M, %Y-%m-%d %H:%M): add its format to the "
        "mapping's `dates:`",
        "bad.csv:4: priority 'Urgent' is not in the mapping's `priority:` (highest, high, medium, "
        "low, lowest): add it with a level from 1 to 5",
    ]
    assert "nothing imported: 5 problems in the rows; no file was written" in lines[-1]
    assert snapshot(project) == before
    fixed = run("import", "risk", str(csv_file), "--mapping", "jira", "--root", str(project),
                "--today", DAY, "--person", "Raj Patel=lead", "--only", "Issue id=2")  # fmt: skip
    assert fixed.exit_code == 1 and "no title" in fixed.output


def test_a_spreadsheet_with_the_fields_as_columns_needs_no_mapping(
    project: Path, tmp_path: Path
) -> None:
    sheet = export(tmp_path / "sheet.csv", ["title", "owner", "raised", "description"],
                   ["Budget cut", "client-sponsor", "2026-11-30", "From the steering call"],
                   bom=True)  # fmt: skip
    before = snapshot(project)
    dry = run("import", "risk", str(sheet), "--root", str(project), "--today", DAY, "--dry-run")
    assert dry.output.splitlines() == ["riskdocs: would import 1 of 1 rows of sheet.csv",
                                       "  risks/R-002-budget-cut.yaml"]  # fmt: skip
    assert snapshot(project) == before
    done = run("import", "risk", str(sheet), "--root", str(project), "--today", DAY)
    assert done.exit_code == 0, done.output
    made = data(project / "risks" / "R-002-budget-cut.yaml")
    assert "external" not in made and made["owner"] == "client-sponsor"
    assert (project / "risks" / "R-002-budget-cut.yaml").read_text().startswith(
        "# yaml-language-server: $schema=../.riskdocs/schemas/risk.schema.json\n")  # fmt: skip


@pytest.mark.parametrize(("text", "said"), [
    ("system: Jira\ncolumns: {title: [Summary]}\n", "`system:` names the tool in lower case"),
    ("system: x\ncolumns: {titel: [Summary]}\n", "`columns:` has 'titel', which is no field"),
    ("system: x\ncolumns: {title: [Summary]}\npriority: {High: 9}\n", "1 (lowest) .. 5"),
    ("system: x\ncolumns: [title]\n", "`columns:` maps riskdocs fields to column names"),
    ("system: x\n  bad: indent\n", "is not a YAML mapping (line 2"),
    ("system: x\ncolums: {}\n", "unknown key 'colums'"),
])  # fmt: skip
def test_a_mapping_file_that_cannot_be_read_says_what_to_fix(
    project: Path, tmp_path: Path, text: str, said: str
) -> None:
    mapping = tmp_path / "mine.yaml"
    mapping.write_text(text)
    sheet = export(tmp_path / "s.csv", ["Summary"], ["A"])
    refused = run("import", "risk", str(sheet), "--mapping", str(mapping), "--root", str(project))
    assert refused.exit_code == 2
    assert said in refused.output and "Traceback" not in refused.output


def test_an_export_that_is_not_utf8_or_has_the_wrong_columns(project: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes("Summary,Issue key\nCafé,P-1\n".encode("latin-1"))
    refused = run("import", "risk", str(latin), "--mapping", "jira", "--root", str(project))
    assert refused.exit_code == 2 and "is not UTF-8" in refused.output
    sheet = export(tmp_path / "s.csv", ["Name", "ID"], ["A", "1"])
    refused = run("import", "risk", str(sheet), "--mapping", "jira", "--root", str(project))
    assert refused.exit_code == 2
    assert "s.csv has no column for key (looked for Issue key); its columns are ID, Name" in (
        refused.output)  # fmt: skip


def test_hostile_cells_are_written_as_text_and_read_back_exactly(
    project: Path, tmp_path: Path
) -> None:
    title = "Pay \x1b[31minvoice\u202e now\x00 #1: yes"
    sheet = export(tmp_path / "h.csv", ["title", "description"],
                   [title, "=HYPERLINK(\"http://x\")\nline two: [a, b]"])  # fmt: skip
    done = run("import", "risk", str(sheet), "--root", str(project), "--today", DAY)
    assert done.exit_code == 0, done.output
    (path,) = (project / "risks").glob("R-002*.yaml")
    assert path.name == "R-002-pay-31minvoice-now-1.yaml"
    made = data(path)
    assert made["title"] == title
    assert made["description"] == '=HYPERLINK("http://x")\nline two: [a, b]'
    assert "\x1b" not in done.output and "\u202e" not in done.output


def test_a_column_the_export_repeats_keeps_its_first_filled_cell(
    project: Path, tmp_path: Path
) -> None:
    """Jira writes one column per label, all named `Labels`; a mapped column that an
    export repeats must not lose its value to an empty twin."""
    sheet = export(tmp_path / "r.csv", ["Summary", "Issue key", "Assignee", "Assignee"],
                   ["Repeated", "P-9", "Lee Chen", ""])  # fmt: skip
    done = run("import", "risk", str(sheet), "--mapping", "jira", "--root", str(project),
               "--today", DAY)  # fmt: skip
    assert done.exit_code == 0, done.output
    assert data(project / "risks" / "R-002-repeated.yaml")["owner"] == "lead"
