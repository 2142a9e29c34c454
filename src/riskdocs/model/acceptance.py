"""Where a deliverable's acceptance stands on a day, computed, never typed by hand.

A deliverable's file says what happened (`submitted:`, `accepted:`, `rejected:`).
The contract's acceptance window says what silence means: a submission the client
neither accepted nor rejected within the window is *deemed accepted* on the window's
last day when the contract says so (`deemed: true`), and is otherwise *waiting past
the window*. Who may accept is asked of `may_accept`, the one place that decides it.
"""

from __future__ import annotations

from datetime import date

from riskdocs.model.entities import AcceptanceWindow, Deliverable, Person
from riskdocs.model.workdays import WorkCalendar
from riskdocs.structs import struct

ACCEPTED = "accepted"
DEEMED = "deemed"  # accepted because the window passed without a rejection
WAITING = "waiting"  # submitted, the window open or passed without deemed acceptance
HANDED_OVER = frozenset(("submitted", "accepted"))  # counts as delivered for its due date


@struct
class Standing:
    """A deliverable's acceptance on one day.

    Attributes:
        state: accepted, deemed, waiting, rejected, or the file's state (planned,
            in_progress) when it has not been submitted.
        on: when it was accepted, deemed accepted or rejected; None otherwise.
        by: who accepted or rejected it; None for a deemed acceptance.
        window_ends: the last day of the client's window after the submission, when the
            contract sets one.
    """

    state: str
    on: date | None = None
    by: str | None = None
    window_ends: date | None = None

    @property
    def accepted(self) -> bool:
        return self.state in (ACCEPTED, DEEMED)


def standing(
    deliverable: Deliverable,
    window: AcceptanceWindow | None,
    calendar: WorkCalendar,
    today: date,
) -> Standing:
    """Where `deliverable`'s acceptance stands on `today`."""
    accepted, submitted = deliverable.accepted, deliverable.submitted
    if deliverable.state == "accepted" and accepted is not None:
        return Standing(state=ACCEPTED, on=accepted.on, by=accepted.by)
    if deliverable.state == "rejected" and deliverable.rejected:
        last = deliverable.rejected[-1]
        return Standing(state="rejected", on=last.on, by=last.by)
    if deliverable.state != "submitted" or submitted is None:
        return Standing(state=deliverable.state)
    ends = calendar.after(submitted.on, window.days) if window else None
    if window is not None and window.deemed and ends is not None and today > ends:
        return Standing(state=DEEMED, on=ends, window_ends=ends)
    return Standing(state=WAITING, window_ends=ends)


def may_accept(person: Person | None) -> bool:
    """Whether `person` may accept a deliverable for the client: someone on the client's
    side (an unknown key is the references check's to report, not this one's)."""
    return person is None or person.side == "client"
