from __future__ import annotations

from riskdocs.finding import Severity
from tests.rules.conftest import Check
from tests.rules.test_scope_change_unapproved import PATH, scope


def test_a_baseline_without_sign_off_warns_at_deliverables(check: Check) -> None:
    files = {PATH: scope(added="2026-10-01")[PATH].replace("signed_off: 2026-10-09\n", "")}
    files[PATH] = files[PATH].replace("signed_off_by: dana\n", "")
    result = check(files)
    assert result.places("scope-unsigned") == [(PATH, 1)]
    assert result.of("scope-unsigned")[0].severity is Severity.WARNING


def test_a_signed_baseline_passes(check: Check) -> None:
    assert check(scope(added="2026-10-01")).places("scope-unsigned") == []
