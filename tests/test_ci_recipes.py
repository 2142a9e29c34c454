"""The CI recipes users copy: valid for their CI, installable as shipped, and publishing
the page whatever the health, once the checks have run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

CI = REPO / "project-template" / "ci"
GITHUB, GITLAB = CI / "github-pages.yaml", CI / "gitlab-ci.yaml"


@pytest.mark.parametrize(("recipe", "schema"), [(GITHUB, "vendor.github-workflows"),
                                                (GITLAB, "vendor.gitlab-ci")])  # fmt: skip
def test_each_recipe_is_valid_for_its_ci(recipe: Path, schema: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(recipe)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_nothing_a_user_copies_installs_riskdocs_from_pypi() -> None:
    """riskdocs is not on PyPI: `pip install riskdocs` would fail, or install someone else's
    package of that name."""
    copied = [GITHUB, GITLAB, REPO / "README.md"]
    for path in copied:
        for line in path.read_text().splitlines():
            assert "pip install riskdocs" not in line, f"{path.name}: {line}"


def test_github_publishes_the_page_after_the_checks_ran_pass_or_fail() -> None:
    jobs = yaml.safe_load(GITHUB.read_text())["jobs"]
    page, publish = jobs["page-artifact"], jobs["publish"]
    assert page["needs"] == "validate" and "!cancelled()" in page["if"]
    assert publish["needs"] == "page-artifact" and "!cancelled()" in publish["if"]
    assert "needs.validate.result" not in publish["if"]  # never on the checks passing
    uses = [s["uses"] for job in jobs.values() for s in job["steps"] if "uses" in s]
    official = [u for u in uses if u.startswith("actions/")]
    assert all(not u.endswith(("@v3", "@v4")) for u in official), uses  # Node 20 majors retired
    assert "github/codeql-action/upload-sarif@v4" in uses  # findings as code scanning alerts


def test_gitlab_publishes_the_page_after_the_checks_ran_pass_or_fail() -> None:
    pages = yaml.safe_load(GITLAB.read_text())["pages"]
    assert pages["stage"] == "deploy"  # after the test stage has run
    assert [rule.get("when") for rule in pages["rules"]] == ["always"]
