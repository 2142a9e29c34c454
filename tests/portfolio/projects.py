"""Generated client projects for the portfolio tests: real checkouts with real git
histories, and published status.json folders written by the real `riskdocs report`.

alpha (client Acme, EUR) and beta (client Globex, no currency) have histories built so
the risk calibration can be checked by hand:

| risk       | scored (file, reviews, git) | outcome  | linked, approved change requests |
| ---------- | --------------------------- | -------- | -------------------------------- |
| alpha R-001 | 4, then 3                  | occurred | CR-001: 5 days, EUR 1000.00       |
| alpha R-002 | 2                          | closed   |                                  |
| beta R-001  | 4                          | closed   |                                  |
| beta R-002  | 4 (internal)               | open     |                                  |
| beta R-003  | 5, reviewed at 2           | occurred | CR-001: 3 days, 250.50 (no currency) |
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run
from tests.gitrepo import Repo

CONFIG = """\
project:
  name: {name}
  client: {client}
people:
  alice: {{name: Alice Martin, side: team}}
  bob: {{name: Bob Steiner, side: team}}
  dana: {{name: Dana Kowalski, side: client}}
"""


def risk(id_: str, title: str, probability: int, status: str = "open", **extra: str) -> str:
    lines = [f"id: {id_}", f"title: {title}", "owner: alice", "raised: 2026-10-01",
             f"probability: {probability}", "impact: 4", f"status: {status}",
             "review_by: 2027-01-15"]  # fmt: skip
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


def commitment(id_: str, owner: str, due: str, status: str = "open", done: str = "") -> str:
    to = "dana" if owner != "dana" else "alice"
    text = (f"id: {id_}\ntitle: Promise {id_}\nowner: {owner}\nto: {to}\nmade: 2026-10-01\n"
            f"due: {due}\nstatus: {status}\n")  # fmt: skip
    return text + (f"done: {done}\n" if done else "")


def change(id_: str, days: int, cost: str, raised: str, decided: str, risk_id: str) -> str:
    return (
        f"id: {id_}\ntitle: Recover from {risk_id}\nraised: {raised}\nraised_by: alice\n"
        f"impact: {{schedule_days: {days}, cost: {cost}}}\nstatus: approved\n"
        f"decided: {decided}\ndecided_by: dana\nlinks: {{risks: [{risk_id}]}}\n"
    )


UNSUBMITTED = (
    "state: submitted\n    submitted: {on: 2026-11-10, by: bob}\n",
    "state: in_progress\n",
)
SCOPE = """\
signed_off: 2026-10-02
signed_off_by: dana
deliverables:
  - id: D-01
    title: First release
    acceptance: [It works]
    owner: bob
    due: 2026-11-20
    state: submitted
    submitted: {on: 2026-11-10, by: bob}
"""


def alpha(root: Path) -> Repo:
    repo = Repo(root)
    (root / "riskdocs.yaml").write_text(CONFIG.format(name="Alpha portal", client="Acme"))
    repo.commit("Start", {
        "contract/contract.yaml": "signed: 2026-09-28\ntype: fixed_price\ncurrency: EUR\n",
        "scope/baseline.yaml": SCOPE.replace(*UNSUBMITTED),
        "risks/R-001-vendor.yaml": risk("R-001", "Vendor may be late", 4),
        "risks/R-002-data.yaml": risk("R-002", "Data may be dirty", 2),
        "commitments/C-001.yaml": commitment("C-001", "alice", "2026-10-20"),
        "commitments/C-002.yaml": commitment("C-002", "alice", "2026-11-20"),
        "lessons/L-001-early.md": "---\nid: L-001\ntitle: Migrate a sample early\ndate: "
        "2026-10-10\ncategory: estimation\ntags: [data, migration]\n---\nThe sample showed "
        "the <dirty> addresses.\n",
    }, day="2026-10-01")  # fmt: skip
    repo.commit("R-001 less likely", {
        "risks/R-001-vendor.yaml": risk("R-001", "Vendor may be late", 3),
        "commitments/C-001.yaml": commitment("C-001", "alice", "2026-10-20", "done",
                                             "2026-10-19"),
    }, day="2026-10-15")  # fmt: skip
    repo.commit("R-001 occurred; CR-001", {
        "risks/R-001-vendor.yaml": risk("R-001", "Vendor may be late", 3, "occurred"),
        "scope/changes/CR-001.yaml": change("CR-001", 5, "1000.00", "2026-11-01", "2026-11-04",
                                            "R-001"),
        "scope/baseline.yaml": SCOPE,
    }, day="2026-11-10")  # fmt: skip
    repo.commit("R-002 closed", {
        "risks/R-002-data.yaml": risk("R-002", "Data may be dirty", 2, "closed",
                                      closed="2026-11-12"),
    }, day="2026-11-12")  # fmt: skip
    return repo


def beta(root: Path) -> Repo:
    repo = Repo(root)
    (root / "riskdocs.yaml").write_text(CONFIG.format(name="Beta billing", client="Globex"))
    repo.commit("Start", {
        "risks/R-001-scope.yaml": risk("R-001", "Scope may grow", 4),
        "risks/R-002-team.yaml": risk("R-002", "Key developer may leave", 4, visibility="internal"),
        "risks/R-003-load.yaml": risk("R-003", "Load may exceed the plan", 5),
        "commitments/C-001.yaml": commitment("C-001", "dana", "2026-10-25"),
        "commitments/C-002.yaml": commitment("C-002", "bob", "2026-11-25"),
    }, day="2026-10-01")  # fmt: skip
    repo.commit("R-001 closed; R-003 reviewed", {
        "risks/R-001-scope.yaml": risk("R-001", "Scope may grow", 4, "closed", closed="2026-10-20"),
        "risks/R-003-load.yaml": risk("R-003", "Load may exceed the plan", 2) + (
            "reviews:\n  - {on: 2026-10-20, by: alice, probability: 2, impact: 4}\n"),
        "commitments/C-001.yaml": commitment("C-001", "dana", "2026-10-25", "done", "2026-10-28"),
    }, day="2026-10-20")  # fmt: skip
    repo.commit("R-003 occurred", {
        "risks/R-003-load.yaml": risk("R-003", "Load may exceed the plan", 2, "occurred") + (
            "reviews:\n  - {on: 2026-10-20, by: alice, probability: 2, impact: 4}\n"),
        "scope/baseline.yaml": SCOPE.replace("{on: 2026-11-10", "{on: 2026-11-12"),
        "scope/changes/CR-001.yaml": change("CR-001", 3, "250.50", "2026-11-14", "2026-11-20",
                                            "R-003"),
    }, day="2026-11-14")  # fmt: skip
    return repo


def published(root: Path, out: Path, today: str, *args: str) -> Path:
    """`riskdocs report` of `root` into `out`, as a project's CI job publishes it."""
    result = run("report", "--root", str(root), "-o", str(out), "--today", today, *args)
    assert result.exit_code == 0, result.output
    return out
