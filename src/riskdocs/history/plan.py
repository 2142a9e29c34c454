"""Which history one run reads: made by checks/sources.py, read by history/reader.py.

A module of its own so the pre-commit hook can say what it wants without importing
the readers.
"""

from __future__ import annotations

from typing import NamedTuple

from riskdocs.history.repo import StagedChange


class HistoryPlan(NamedTuple):
    """Which history one run reads.

    Attributes:
        log_until: the revision whose log is read (HEAD for the work tree); None: no log.
        work_tree: add the work tree's changes against HEAD, dated the day checked.
        staged: only these staged changes (the pre-commit hook's commit-to-be).
    """

    log_until: str | None = None
    work_tree: bool = False
    staged: tuple[StagedChange, ...] = ()

    @property
    def reads_anything(self) -> bool:
        return self.log_until is not None or bool(self.staged)
