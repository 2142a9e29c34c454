"""Working days as a Chinese project counts them around 春节 2026 (9 days off, 15 to 23
February, with Saturday 14 and Saturday 28 February worked)."""

from __future__ import annotations

from datetime import date

import pytest

from riskdocs.model.workdays import DayOff, WorkCalendar

SPRING_FESTIVAL = WorkCalendar(
    count="working_days",
    days_off=(DayOff(index=0, name="春节", first=date(2026, 2, 15), last=date(2026, 2, 23)),),
    days_on=(DayOff(index=0, name="春节调休", on=date(2026, 2, 14)),
             DayOff(index=1, name="春节调休", on=date(2026, 2, 28))),
)  # fmt: skip


@pytest.mark.parametrize(("start", "end", "working", "calendar"), [
    (date(2026, 2, 6), date(2026, 2, 9), 1, 3),     # Friday to Monday: the weekend is off
    (date(2026, 2, 13), date(2026, 2, 24), 2, 11),  # Sat 14 worked, 15-23 off, Tue 24
    (date(2026, 2, 27), date(2026, 3, 2), 2, 3),    # Sat 28 worked, Mon 2 March
    (date(2026, 2, 24), date(2026, 2, 24), 0, 0),
    (date(2026, 2, 24), date(2026, 2, 13), -2, -11),
])  # fmt: skip
def test_elapsed_counts_working_days_when_the_project_says_so(
    start: date, end: date, working: int, calendar: int
) -> None:
    assert SPRING_FESTIVAL.elapsed(start, end) == working
    assert WorkCalendar().elapsed(start, end) == calendar


def test_after_steps_over_the_days_off() -> None:
    assert SPRING_FESTIVAL.after(date(2026, 2, 13), 2) == date(2026, 2, 24)
    assert SPRING_FESTIVAL.after(date(2026, 2, 13), 0) == date(2026, 2, 13)
    assert WorkCalendar().after(date(2026, 2, 13), 2) == date(2026, 2, 15)


def test_a_holiday_and_a_make_up_day_by_name() -> None:
    assert SPRING_FESTIVAL.holidays[date(2026, 2, 17)] == "春节"
    assert SPRING_FESTIVAL.is_working(date(2026, 2, 14))
    assert not SPRING_FESTIVAL.is_working(date(2026, 2, 16))
    assert (SPRING_FESTIVAL.unit(1), SPRING_FESTIVAL.unit(3)) == ("1 working day", "3 working days")
    assert WorkCalendar().unit(2) == "2 days"
