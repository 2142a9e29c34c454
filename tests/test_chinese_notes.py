"""Meeting notes written the way a Chinese team writes them, through the real CLI: `截止:`
due markers, `## 决议` decisions and owners named by an alias (`@王小明`)."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from tests.conftest import run

CONFIG = """\
project:
  name: 官网改版
  client: 华东物流
people:
  wangxm:
    name: 王小明
    side: team
    aliases: [王小明, 小明]
  zhaoli:
    name: 赵丽
    side: client
communication: {}
"""
NOTE = """\
---
date: 2026-11-12
title: 周例会
kind: status
attendees: [wangxm, zhaoli]
---

# 周例会

- [ ] @王小明 提交修订后的时间表 截止:2026-11-20
- [ ] @赵丽 提供品牌色值截止：2026-12-20

## 决议

- 首页改版按方案B推进
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "meetings").mkdir(parents=True)
    (root / "riskdocs.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "meetings" / "2026-11-12-weekly.md").write_text(NOTE, encoding="utf-8")
    return root


def findings(root: Path) -> list[tuple[int, str, str]]:
    done = run("validate", "--root", str(root), "--today", "2026-12-01", "--format", "json")
    return [(f["line"], f["rule"], f["message"]) for f in json.loads(done.output)["findings"]]


def test_a_chinese_due_marker_makes_the_item_overdue_and_an_alias_names_its_owner(
    project: Path,
) -> None:
    """Found in use: `截止:2026-11-20` was not read as a due date, so the item never went
    overdue and nothing said so."""
    found = findings(project)
    assert [(line, rule) for line, rule, _ in found] == [(10, "action-item-overdue")]
    assert "wangxm" in found[0][2] or "王小明" in found[0][2]


def test_the_page_shows_the_decision_and_the_owners_by_name(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    built = run("report", "--root", str(project), "--today", "2026-12-01", "-o", str(site))
    assert built.exit_code == 0, built.output
    status = json.loads((site / "status.json").read_text(encoding="utf-8"))
    (meeting,) = status["meetings"]
    assert meeting["decisions"] == ["首页改版按方案B推进"]
    assert "<strong>王小明</strong>: 提交修订后的时间表" in meeting["html"]


@pytest.mark.parametrize(("item", "rule", "said"), [
    ("- [ ] @李四 联系客户 截止:2026-12-20", "unknown-reference", "李四"),
    ("- [ ] @王小明 联系客户 截止:下周", "action-item-syntax",
     "截止:下周 is not a date; write 截止:YYYY-MM-DD"),
    ("- [ ] @王小明 联系客户 截止：2026-02-30", "action-item-syntax",
     "截止：2026-02-30 is not a date; write 截止：YYYY-MM-DD"),
])  # fmt: skip
def test_what_cannot_be_read_in_a_chinese_note_is_an_error(
    project: Path, item: str, rule: str, said: str
) -> None:
    note = project / "meetings" / "2026-11-12-weekly.md"
    note.write_text(
        NOTE.replace("- [ ] @赵丽 提供品牌色值截止：2026-12-20", item), encoding="utf-8"
    )
    found = [f for f in findings(project) if f[0] == 11]
    assert [(r, said in m) for _, r, m in found] == [(rule, True)], found


def test_an_alias_that_names_two_people_is_refused(project: Path) -> None:
    config = project / "riskdocs.yaml"
    twice = CONFIG.replace("    side: client\n", "    side: client\n    aliases: [小明]\n")
    config.write_text(twice, encoding="utf-8")
    done = run("validate", "--root", str(project), "--today", "2026-12-01")
    assert done.exit_code == 2
    assert "people.zhaoli.aliases: '小明' already names wangxm" in done.output


def test_decision_headings_in_either_language(project: Path, tmp_path: Path) -> None:
    note = project / "meetings" / "2026-11-12-weekly.md"
    body = NOTE.replace("## 决议", "## 决定：") + textwrap.dedent("""
        ## Decisions

        - Weekly call on Thursdays
        """)
    note.write_text(body, encoding="utf-8")
    site = tmp_path / "site"
    assert (
        run("report", "--root", str(project), "--today", "2026-12-01", "-o", str(site)).exit_code
        == 0
    )
    status = json.loads((site / "status.json").read_text(encoding="utf-8"))
    assert status["meetings"][0]["decisions"] == ["首页改版按方案B推进", "Weekly call on Thursdays"]


def test_the_calendar_of_the_chinese_example_speaks_chinese(tmp_path: Path) -> None:
    """zh-CN: no English left in what a person reads in the calendar (ids such as C-004
    and the riskdocs product id aside), and the project's UIDs are its own."""
    import icalendar

    from tests.conftest import REPO

    example = REPO / "examples" / "huadong-website"
    out = tmp_path / "site"
    built = run("report", "--root", str(example), "-o", str(out), "--today", "2026-11-26",
                "--lang", "zh-CN")  # fmt: skip
    assert built.exit_code == 0, built.output
    calendar = icalendar.Calendar.from_ical((out / "calendar.ics").read_bytes())
    texts = [str(calendar["X-WR-CALNAME"])] + [
        str(e[key]) for e in calendar.walk("VEVENT") for key in ("SUMMARY", "DESCRIPTION")
    ]
    assert len(texts) > 8
    english = [t for t in texts if re.search(r"[A-Za-z]{2,}", re.sub(r"[A-Z]+-\d+", "", t))]
    assert english == []
    uids = {str(e["UID"]).split(".", 2)[-1] for e in calendar.walk("VEVENT")}
    assert len(uids) == 1 and uids.pop().startswith("project-")
