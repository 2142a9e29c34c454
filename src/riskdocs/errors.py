"""Setup and usage problems: things that stop riskdocs before it can check anything.

Problems in the user's entity files are never exceptions; they are findings.
The CLI maps every `RiskdocsError` to exit code 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdocs.finding import Finding


class RiskdocsError(Exception):
    """A setup or usage problem; the message tells the user what to do."""


class ProjectNotFoundError(RiskdocsError):
    """No riskdocs.yaml in the given folder or any parent."""


class ConfigError(RiskdocsError):
    """riskdocs.yaml itself is broken, so the project cannot be checked.

    Carries the findings that explain why, so they are printed like any other.
    """

    def __init__(self, findings: Sequence[Finding]) -> None:
        super().__init__("riskdocs.yaml has errors; fix them before anything else can be checked")
        self.findings = list(findings)
