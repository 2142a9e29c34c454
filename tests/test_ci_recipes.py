"""The CI recipes users copy: valid for their CI, installable as shipped, and publishing
the page whatever the health, once the checks have run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft4Validator

from tests.conftest import EXAMPLE, REPO
from tests.smtp import smtp_server
from tests.test_formats import GITLAB_CODE_QUALITY

CI = REPO / "project-template" / "ci"
GITHUB, GITLAB = CI / "github-pages.yaml", CI / "gitlab-ci.yaml"
PRIVATE = CI / "github-private.yaml"
RECIPES = [(GITHUB, "vendor.github-workflows"), (PRIVATE, "vendor.github-workflows"),
           (GITLAB, "vendor.gitlab-ci")]  # fmt: skip


def test_every_shipped_recipe_is_tested() -> None:
    assert sorted(CI.iterdir()) == sorted(recipe for recipe, _ in RECIPES)


@pytest.mark.parametrize(("recipe", "schema"), RECIPES)
def test_each_recipe_is_valid_for_its_ci(recipe: Path, schema: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(recipe)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_nothing_a_user_copies_installs_riskdocs_from_pypi() -> None:
    """riskdocs is not on PyPI: `pip install riskdocs` would fail, or install someone else's
    package of that name."""
    copied = [GITHUB, PRIVATE, GITLAB, REPO / "README.md"]
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
    assert "github/codeql-action/upload-sarif@v4" in uses  # findings as code scanning alerts


@pytest.mark.parametrize("recipe", [GITHUB, PRIVATE])
def test_github_recipes_use_actions_on_the_current_runtime(recipe: Path) -> None:
    jobs = yaml.safe_load(recipe.read_text())["jobs"]
    uses = [s["uses"] for job in jobs.values() for s in job["steps"] if "uses" in s]
    official = [u for u in uses if u.startswith("actions/")]
    retired = ("@v3", "@v4", "upload-artifact@v5", "upload-artifact@v6")  # on Node 20
    assert official and all(not u.endswith(retired) for u in official), uses


def test_the_private_recipe_publishes_nothing_and_keeps_the_page_as_an_artifact() -> None:
    """For a confidential client: GitHub Pages is public on most plans."""
    text = PRIVATE.read_text()
    jobs = yaml.safe_load(text)["jobs"]
    assert "pages" not in text.replace("github-pages.yaml", "") and "deploy" not in text
    page = jobs["page"]
    assert page["needs"] == "validate" and "!cancelled()" in page["if"]
    (upload,) = [s for s in page["steps"] if s.get("uses", "").startswith("actions/upload-art")]
    assert upload["with"]["path"] == "site" and upload["with"]["name"] == "status-page"
    for name, job in jobs.items():
        if name == "weekly-update":  # commits the record of the update it sent, nothing else
            assert job["permissions"] == {"contents": "write"}
        else:
            assert "permissions" not in job  # read-only, from the top of the workflow


def test_gitlab_publishes_the_page_after_the_checks_ran_pass_or_fail() -> None:
    pages = yaml.safe_load(GITLAB.read_text())["pages"]
    assert pages["stage"] == "deploy"  # after the test stage has run
    assert [rule.get("when") for rule in pages["rules"]] == ["always"]


def test_gitlab_reports_the_findings_to_code_quality_whatever_the_outcome() -> None:
    job = yaml.safe_load(GITLAB.read_text())["riskdocs-validate"]
    assert job["artifacts"]["when"] == "always"
    report = job["artifacts"]["reports"]["codequality"]
    assert any("--format gitlab" in line and f"> {report}" in line for line in job["script"])


def test_github_workflow_recipe_validates_and_publishes_with_the_official_pages_actions() -> None:
    jobs = yaml.safe_load(GITHUB.read_text())["jobs"]
    validate, page, publish = jobs["validate"], jobs["page-artifact"], jobs["publish"]
    steps = [s.get("run", s.get("uses", "")) for s in page["steps"] + publish["steps"]]
    assert any("riskdocs validate" in s and "--format github" in s for s in
               [x.get("run", "") for x in validate["steps"]])  # fmt: skip
    assert any(s.startswith("riskdocs report") and "-o site" in s for s in steps)
    assert {"actions/upload-pages-artifact@v5", "actions/deploy-pages@v5"} <= set(steps)
    assert all(s.get("with", {}).get("fetch-depth") == 0 for s in page["steps"]
               if s.get("uses", "").startswith("actions/checkout"))  # fmt: skip
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    for job in (validate, page):  # the caches survive between runs
        (cache,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/cache@")]
        assert cache["with"]["path"] == "~/.cache/riskdocs"


def test_gitlab_recipe_has_a_pages_job_publishing_public() -> None:
    pipeline = yaml.safe_load(GITLAB.read_text())
    assert pipeline["variables"]["GIT_DEPTH"] == "0"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    cache_dir = pipeline["variables"]["RISKDOCS_CACHE_DIR"]
    assert cache_dir == "$CI_PROJECT_DIR/" + pipeline["default"]["cache"]["paths"][0]
    assert any("riskdocs report" in line and "-o public" in line
               for line in pipeline["pages"]["script"])  # fmt: skip


def _project(tmp_path: Path) -> Path:
    """The example as a repository of its own, the way a pipeline checks it out."""
    root = tmp_path / "checkout"
    shutil.copytree(EXAMPLE, root)
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True)  # fmt: skip
    return root


def _run_riskdocs_lines(lines: list[str], root: Path, env: dict[str, str]) -> list[int]:
    """Each shell line of a recipe that runs riskdocs, run with bash as the CI would,
    from the checkout; riskdocs is the one under test (installing it is the user's)."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    codes = []
    for line in lines:
        if line.startswith(("riskdocs ", "cat ")):
            done = subprocess.run(["bash", "-c", line], cwd=root, capture_output=True,
                                  text=True, env={**env, "PATH": path}, check=False)  # fmt: skip
            codes.append(done.returncode)
    return codes


def test_the_gitlab_recipe_runs_as_shipped_and_gives_gitlab_what_it_reads(tmp_path: Path) -> None:
    pipeline = yaml.safe_load(GITLAB.read_text())
    root = _project(tmp_path)
    env = {**os.environ, **pipeline["variables"], "CI_PROJECT_DIR": str(root)}
    env["RISKDOCS_CACHE_DIR"] = str(root / ".cache" / "riskdocs")
    (root / "risks" / "R-002-sso-approval.yaml").write_text("id: R-002\nprobability: 7\n")
    validate = pipeline["riskdocs-validate"]
    assert _run_riskdocs_lines(validate["script"], root, env) == [0, 1]  # the job fails
    issues = json.loads((root / validate["artifacts"]["reports"]["codequality"]).read_text())
    Draft4Validator(GITLAB_CODE_QUALITY).validate(issues)
    assert {"risks/R-002-sso-approval.yaml"} <= {i["location"]["path"] for i in issues}
    assert _run_riskdocs_lines(pipeline["pages"]["script"], root, env) == [0]
    assert (root / "public" / "index.html").is_file()


def _runs_without_smtp(step: dict[str, str]) -> bool:
    return "RISKDOCS_SMTP_HOST != ''" not in step.get("if", "")


@pytest.mark.parametrize("recipe", [GITHUB, PRIVATE])
def test_the_github_recipes_run_as_shipped(recipe: Path, tmp_path: Path) -> None:
    workflow = yaml.safe_load(recipe.read_text())
    root = _project(tmp_path)
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, **workflow["env"], "GITHUB_STEP_SUMMARY": str(summary)}
    for job in workflow["jobs"].values():
        # without the SMTP secrets, the steps that send are skipped, as on GitHub
        lines = [s["run"] for s in job["steps"] if "run" in s and _runs_without_smtp(s)]
        for line, code in zip(
            [x for x in lines if x.startswith(("riskdocs ", "cat "))],
            _run_riskdocs_lines(lines, root, env),
            strict=True,
        ):
            # validate fails on the real date once the example's promises are overdue;
            # a usage error (2) would mean the recipe's command line is wrong
            assert code in ((0, 1) if line.startswith("riskdocs validate") else (0,)), line
    assert (root / "site" / "index.html").is_file()
    assert summary.read_text().startswith("# Customer portal relaunch")


@pytest.mark.parametrize("recipe", [GITHUB, PRIVATE])
def test_the_weekly_update_job_sends_and_records_with_the_smtp_secrets(
    recipe: Path, tmp_path: Path
) -> None:
    workflow = yaml.safe_load(recipe.read_text())
    job = workflow["jobs"]["weekly-update"]
    assert job["if"] == (
        "${{ github.event_name == 'workflow_dispatch' || github.event.schedule == '0 7 * * 1' }}"
    )
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "0 7 * * 1" in [s["cron"] for s in triggers["schedule"]]
    root = _project(tmp_path)
    config = root / "riskdocs.yaml"
    config.write_text(
        config.read_text()
        .replace("Product owner\n", "Product owner\n    email: dana@example.com\n")
        .replace("communication:\n", "communication:\n  weekly-update:\n    every_days: 7\n"
                 "    channel: email\n    required: [dana]\n")
    )  # fmt: skip
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com",
                    "commit", "-qam", "an e-mail cadence"], check=True)  # fmt: skip
    with smtp_server() as server:
        smtp = {"RISKDOCS_SMTP_HOST": "127.0.0.1", "RISKDOCS_SMTP_PORT": str(server.port),
                "RISKDOCS_SMTP_STARTTLS": "false"}  # fmt: skip
        env = {**os.environ, **workflow["env"], **smtp,
               "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}  # fmt: skip
        lines = [s["run"] for s in job["steps"] if "run" in s]
        assert _run_riskdocs_lines(lines, root, env) == [0, 0, 0]
    assert [r.recipients for r in server.received] == [["dana@example.com"]]
    (record,) = (root / "updates").iterdir()
    assert "sent: true\n" in record.read_text()
    assert (root / "update.eml").read_bytes().startswith(b"Subject: Customer portal relaunch")
