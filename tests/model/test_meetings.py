"""Action items and decisions read from meeting bodies."""

from __future__ import annotations

import textwrap
from datetime import date

import pytest

from riskdocs.model.meetings import parse_body

BODY = textwrap.dedent("""\
    # Weekly status

    - [ ] @bob send the revised timeline due:2026-11-25
    * [x] @alice book the room
    - [ ] nobody named, no date
    - not a task

    ```
    - [ ] @ghost inside a fence due:2026-01-01
    ```

    ## Decisions

    - Ship with the mocked gateway
    1. Review again in December

    ## Notes

    - not a decision
    """)


def test_action_items_owner_due_done_and_lines() -> None:
    body = parse_body(BODY, first_line=7)
    items = [(i.line, i.owner, i.due, i.done, i.text) for i in body.action_items]
    assert items == [
        (9, "bob", date(2026, 11, 25), False, "send the revised timeline"),
        (10, "alice", None, True, "book the room"),
        (11, None, None, False, "nobody named, no date"),
    ]
    assert body.action_items[0].owner_col == 7
    assert body.problems == ()


def test_decisions_are_the_list_under_the_decisions_heading() -> None:
    assert parse_body(BODY, 1).decisions == (
        "Ship with the mocked gateway",
        "Review again in December",
    )


def test_bad_due_dates_are_problems_with_columns() -> None:
    body = parse_body("- [ ] @bob x due:2026-02-30\n- [ ] y due:soon\n", first_line=5)
    assert [(p.line, p.col) for p in body.problems] == [(5, 18), (6, 13)]
    assert [i.due for i in body.action_items] == [None, None]


@pytest.mark.parametrize(
    "line",
    ["- [ ] @bob x due:2026-12-08", "- [ ] @bob x due: 2026-12-08", "- [ ] @bob x Due:2026-12-08",
     "- [ ] @bob x DUE:\t2026-12-08", "- [ ] @Bob x due:2026-12-08"],
)  # fmt: skip
def test_due_markers_and_owners_are_read_as_people_write_them(line: str) -> None:
    body = parse_body(line + "\n", first_line=1)
    (item,) = body.action_items
    assert (item.text, item.owner, item.due, body.problems) == ("x", "bob", date(2026, 12, 8), ())


@pytest.mark.parametrize(
    ("line", "col", "message"),
    [
        ("- [ ] x due: tomorrow", 14, "due:tomorrow is not a date"),
        ("- [ ] x due:", 13, "due: (nothing) is not a date"),
        ("- [ ] x due:2026-12-08 was:soon agreed:dana", 28, "was:soon is not a date"),
        ("- [ ] x due:2026-12-08 was:2026-12-01", 24, "says both the date it replaces and who"),
        ("- [ ] x due:2026-12-08 agreed:dana", 24, "says both the date it replaces and who"),
    ],
)
def test_a_schedule_marker_that_cannot_be_read_is_a_problem(
    line: str, col: int, message: str
) -> None:
    (problem,) = parse_body(line + "\n", first_line=3).problems
    assert (problem.line, problem.col) == (3, col) and message in problem.message, problem


def test_an_item_names_the_commitment_it_stands_for() -> None:
    body = parse_body("- [ ] @alice send the timeline C-004\n- [ ] @bob estimate CR-002\n", 1)
    first, second = body.action_items
    assert (first.commitment, first.commitment_col) == ("C-004", 32)
    assert second.commitment is None  # a change request's id is not a commitment's


CHINESE = textwrap.dedent("""\
    # 周例会

    - [ ] @王小明 提交修订后的时间表 截止:2026-11-20
    - [ ] @lead 确认支付接口沙箱截止：2026-11-22
    - [ ] @小李 整理需求 Due：2026-11-24
    - [ ] @wangxm 截止:下周

    ## 决议

    - 首页改版按方案B推进

    ## 决定：

    - 每周四上午十点开周会
    """)


def test_notes_written_the_way_a_chinese_team_writes_them() -> None:
    """Found in use: `## 决议` was not seen as decisions and `截止:2026-11-20` not as a due
    date, so the item never went overdue and nothing said so."""
    body = parse_body(CHINESE, first_line=1, aliases={"王小明": "wangxm", "小李": "lixm"})
    items = [(i.owner, i.due, i.text) for i in body.action_items]
    assert items == [
        ("wangxm", date(2026, 11, 20), "提交修订后的时间表"),
        ("lead", date(2026, 11, 22), "确认支付接口沙箱"),
        ("lixm", date(2026, 11, 24), "整理需求"),
        ("wangxm", None, ""),
    ]
    assert [(p.line, p.message) for p in body.problems] == [
        (6, "截止:下周 is not a date; write 截止:YYYY-MM-DD, e.g. 截止:2026-11-25"),
    ]
    assert body.decisions == ("首页改版按方案B推进", "每周四上午十点开周会")


def test_an_owner_not_among_the_aliases_is_kept_as_written() -> None:
    body = parse_body("- [ ] @李四 联系客户 截止:2026-11-20\n", first_line=1, aliases={})
    assert body.action_items[0].owner == "李四"


@pytest.mark.parametrize(("line", "due"), [
    ("- [ ] @lead 提交报价 截止日期:2026-11-20", date(2026, 11, 20)),
    ("- [ ] @lead 提交报价 截止日期：2026-11-20", date(2026, 11, 20)),
    ("- [ ] @lead 提交报价截止时间:2026-11-20", date(2026, 11, 20)),
])  # fmt: skip
def test_the_longer_chinese_due_markers(line: str, due: date) -> None:
    body = parse_body(line + "\n", first_line=1)
    assert body.action_items[0].due == due and body.problems == ()


@pytest.mark.parametrize(("line", "said"), [
    ("- [ ] @bob send the plan due 2026-11-20", "due 2026-11-20 looks like a due date but has "
     "no colon: write due:2026-11-20"),
    ("- [ ] @lead 提交报价 截止2026-11-20", "截止2026-11-20 looks like a due date but has no "
     "colon: write 截止:2026-11-20"),
    ("- [ ] @lead 提交报价 截止日期 2026-11-20", "截止日期 2026-11-20 looks like a due date but "
     "has no colon: write 截止日期:2026-11-20"),
])  # fmt: skip
def test_a_due_date_without_its_colon_is_a_problem_not_silence(line: str, said: str) -> None:
    """Found in use: `截止2026-11-20` and `due 2026-11-20` were read as plain text, so the
    item had no date and never went overdue."""
    body = parse_body(line + "\n", first_line=1)
    assert [p.message for p in body.problems] == [said]
    assert body.action_items[0].due is None


def test_due_to_in_plain_words_is_not_a_marker() -> None:
    body = parse_body("- [ ] @bob chase the vendor, due to the delay\n", first_line=1)
    assert body.problems == ()
