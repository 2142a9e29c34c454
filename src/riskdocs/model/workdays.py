"""Counting days the way a project counts them: calendar days, or working days.

A project declares its working week, its holidays and the weekend days worked to
make up for them (调休: China moves working days around 春节 and 国庆), in
`calendar:` of riskdocs.yaml. With `count: working_days`, the limits that say
how fast the team answers (the concern response targets, how long a change
request may wait) count only working days; cadences and review intervals stay
in calendar days, since a meeting every 7 days is a weekly meeting either way.
The days are declared in the project's files, not taken from a holiday library:
the same files give the same health whichever library version is installed.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property

from riskdocs.i18n import days, ngettext
from riskdocs.structs import struct

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WORKING = "working_days"
CALENDAR = "calendar_days"


@struct
class DayOff:
    """One entry of `calendar.holidays` (`on:` one day, or `from:` and `to:`) or of
    `calendar.working_days` (`on:`), as written; `index` is its place in its list."""

    index: int
    name: str
    on: date | None = None
    first: date | None = None
    last: date | None = None

    def days(self) -> list[date]:
        if self.on is not None:
            return [self.on]
        if self.first is None or self.last is None:
            return []
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@struct(slots=False)  # the cached properties keep their values in __dict__
class WorkCalendar:
    """A project's working days.

    Attributes:
        count: `calendar_days` (the default) or `working_days`: how the response
            limits count.
        week: the working weekdays, Monday 0 to Sunday 6.
        days_off: the holidays as declared: days off that would be working days.
        days_on: the make-up working days as declared: days worked that would be off.
    """

    count: str = CALENDAR
    week: frozenset[int] = frozenset(range(5))
    days_off: tuple[DayOff, ...] = ()
    days_on: tuple[DayOff, ...] = ()

    @cached_property
    def holidays(self) -> dict[date, str]:
        return {day: entry.name for entry in self.days_off for day in entry.days()}

    @cached_property
    def working_days(self) -> dict[date, str]:
        return {day: entry.name for entry in self.days_on for day in entry.days()}

    @property
    def counts_working_days(self) -> bool:
        return self.count == WORKING

    def is_working(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day not in self.holidays and day.weekday() in self.week

    def elapsed(self, start: date, end: date) -> int:
        """The days from `start` to `end` as the limits count them: calendar days, or the
        working days after `start` up to and including `end` (negative when `end` is
        before `start`)."""
        if not self.counts_working_days:
            return (end - start).days
        if end < start:
            return -self.elapsed(end, start)
        return sum(1 for n in range(1, (end - start).days + 1)
                   if self.is_working(start + timedelta(days=n)))  # fmt: skip

    def after(self, start: date, count: int) -> date:
        """The day `count` days after `start`, counted as the limits count them."""
        if not self.counts_working_days:
            return start + timedelta(days=count)
        day, left = start, count
        while left > 0:
            day += timedelta(days=1)
            left -= self.is_working(day)
        return day

    def unit(self, count: int) -> str:
        """`3 days`, `1 working day`: a count of days as the limits count them."""
        if self.counts_working_days:
            return ngettext("{count} working day", "{count} working days", abs(count)).format(
                count=count
            )
        return days(count)
