"""Hostile and tired-user input: every case ends in a clear finding naming the file (and
line), exit 1 or 2, no traceback, and no file changed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from riskdocs.formats import FORMATTERS
from tests.conftest import BASE_CONFIG, TODAY, run
from tests.gitrepo import Repo
from tests.safety import UNSAFE, assert_safe_lines

RISK = (
    "id: R-001\ntitle: t\nowner: alice\nraised: 2026-11-20\nprobability: 2\nimpact: 2\n"
    "status: open\nreview_by: 2026-12-01\n"
)
CASES: dict[str, tuple[bytes, str]] = {
    "crlf line ends are fine": (RISK.replace("\n", "\r\n").encode(), ""),
    "a byte order mark is fine": (b"\xef\xbb\xbf" + RISK.encode(), ""),
    "utf-16": (RISK.encode("utf-16"), "risks/R-001.yaml:1:1: error [file-encoding]"),
    "latin-1": (RISK.replace("t\n", "caf\xe9\n").encode("latin-1"),
                "risks/R-001.yaml:2:1: error [file-encoding]"),
    "nul bytes": (RISK.encode() + b"\0\0", "risks/R-001.yaml:9:1: error [yaml-syntax] the file "
                  "contains U+0000 (a control character), which YAML does not allow"),
    "binary": (bytes(range(256)), "risks/R-001.yaml:2:1: error [file-encoding]"),
    "comments only": (b"# nothing yet\n", "risks/R-001.yaml:1:1: error [empty-file]"),
    "a list where a mapping belongs": (b"- id: R-001\n", "risks/R-001.yaml:1:1: error [schema]"),
    "a scalar where a mapping belongs": (b"R-001\n", "risks/R-001.yaml:1:1: error [schema]"),
    "a timestamp in a date field": (RISK.replace("raised: 2026-11-20",
                                                 "raised: 2026-11-20T10:00:00+01:00").encode(),
                                    "risks/R-001.yaml:4:9: error [schema] raised:"),
    "a number written as text": (RISK.replace("probability: 2", "probability: '2'").encode(),
                                 "risks/R-001.yaml:5:14: error [schema] probability: expected "
                                 "a whole number from 1 to 5, got '2'"),
    "text written as a number": (RISK.replace("title: t", "title: 12").encode(),
                                 "risks/R-001.yaml:2:8: error [schema] title:"),
    "a merge key": (RISK.encode() + b"<<: {impact: 5}\n",
                    "risks/R-001.yaml:9:1: error [schema] unknown field '<<'"),
    "an alias bomb": (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
                      "risks/R-001.yaml:1:4: error [yaml-anchor]"),
    "a python tag": (b"id: !!python/object/apply:os.system ['echo hi']\n",
                     "risks/R-001.yaml:1:5: error [yaml-tag]"),
    "deep nesting": (b"a: " + b"[" * 200 + b"]" * 200 + b"\n", "risks/R-001.yaml:1:"),
    "a misspelt field": (RISK.replace("owner:", "ownr:").encode(),
                         "risks/R-001.yaml:3:1: error [schema] unknown field 'ownr' "
                         "(did you mean 'owner'?)"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_contents(project: Callable[..., Path], case: str) -> None:
    content, expected = CASES[case]
    root = project()
    (root / "risks").mkdir()
    (root / "risks" / "R-001.yaml").write_bytes(content)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert "Traceback" not in result.output
    if expected:
        assert result.exit_code == 1, result.output
        assert result.output.startswith(expected), result.output
    else:
        assert result.exit_code == 0, result.output
    assert before == {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", ["R-001 with spaces.yaml", "R-001-caf\u00e9.yaml",
                                  "R-001-new\nline.yaml"])  # fmt: skip
def test_odd_file_names(project: Callable[..., Path], name: str) -> None:
    root = project({f"risks/{name}": RISK})
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    json_result = run("validate", "--root", str(root), "--today", TODAY, "--format", "json")
    assert json_result.exit_code in (0, 1)


def test_duplicate_ids_after_a_merge_name_both_files(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001-a.yaml": RISK, "risks/R-001-b.yaml": RISK})
    lines = run("validate", "--root", str(root), "--today", TODAY).output.splitlines()
    assert lines[0].startswith("risks/R-001-a.yaml:1:5: error [duplicate-id] id R-001 is also "
                               "used in risks/R-001-b.yaml:1")  # fmt: skip


# Control characters in names and values, in every output. A name or a value that holds
# a line break, a carriage return, a terminal escape or a bidirectional override must
# show it as an escape: raw, it splits a finding over lines, forges a line GitHub Actions
# reads as a workflow command (`::error file=...::`), repaints a terminal or reorders
# what the client reads.
FORGED = "\n::error file=forged.py::forged\r::warning::cr\x1b[2J\x07\x9b\u202e\u2028"


def hostile_repo(repo: Repo) -> Repo:
    """A committed project whose file names, titles, people and git author hold FORGED,
    with one more change not committed yet."""
    quoted = json.dumps(f"late{FORGED}")  # a YAML double-quoted string is a JSON one
    config = BASE_CONFIG.read_text().replace("name: Fixture project", f"name: {quoted}")
    config = config.replace("name: Dana Kowalski", f"name: {json.dumps('Dana' + FORGED)}")
    commitment = (f"id: C-001\ntitle: {quoted}\nowner: alice\nto: dana\nmade: 2026-10-01\n"
                  "due: 2026-11-01\nstatus: open\n")  # fmt: skip
    meeting = (f"---\ndate: 2026-11-20\ntitle: {quoted}\nkind: status\nattendees: [alice, dana]\n"
               f"---\n\n- [ ] @alice send it{FORGED.replace(chr(10), ' ').replace(chr(13), ' ')}"
               " due:2026-11-24\n\n## Decisions\n\n- go\x1b[31m ahead\u202e\n")  # fmt: skip
    repo.commit("start", {"riskdocs.yaml": config, f"commitments/C-001{FORGED}.yaml": commitment,
                          f"meetings/2026-11-20-weekly{FORGED}.md": meeting},
                author="Eve\x1b[2J\u202e")  # fmt: skip
    repo.write({f"commitments/C-001{FORGED}.yaml": commitment.replace("11-01", "11-08")})
    return repo


def test_control_characters_are_visible_in_every_validate_format(repo: Repo) -> None:
    root = str(hostile_repo(repo).root)
    text = run("validate", "--root", root, "--today", TODAY).output
    assert "commitments/C-001\\n::error file=forged.py::forged\\r" in text, text
    assert "[commitment-silent-slip]" in text, "the history rules ran"
    for output_format in FORMATTERS:  # every format, those added later too
        output = run("validate", "--root", root, "--today", TODAY, "--format", output_format)
        assert_safe_lines(output.output, commands=output_format == "github")
    findings = json.loads(run("validate", "--root", root, "--today", TODAY, "--format",
                              "json").output)["findings"]  # fmt: skip
    assert f"commitments/C-001{FORGED}.yaml" in {f["path"] for f in findings}, "data stays exact"
    sarif = json.loads(run("validate", "--root", root, "--today", TODAY, "--format",
                           "sarif").output)  # fmt: skip
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]}  # fmt: skip
    assert "commitments/C-001%0A%3A%3Aerror%20file%3Dforged.py%3A%3Aforged%0D" in "".join(uris)


def test_control_characters_are_visible_in_riskdocs_history(repo: Repo) -> None:
    root = str(hostile_repo(repo).root)
    for output_format in ("text", "json"):
        output = run("history", "--root", root, "--format", output_format)
        assert output.exit_code == 0, output.output
        assert_safe_lines(output.output, commands=False)
    assert "Eve\\x1b[2J\\u202e" in run("history", "--root", root).output


def test_control_characters_are_visible_on_the_page_calendar_and_summary(
    repo: Repo, tmp_path: Path
) -> None:
    import icalendar

    root = str(hostile_repo(repo).root)
    for audience in ("client", "team"):
        site = tmp_path / audience
        result = run("report", "--root", root, "--today", TODAY, "-o", str(site),
                     "--audience", audience)  # fmt: skip
        assert result.exit_code == 0, result.output
        assert_safe_lines(result.output, commands=False)
        page = PageText()
        page.feed((site / "index.html").read_text())
        assert not UNSAFE.search(page.text), UNSAFE.findall(page.text)
        assert "\\u202e" in page.text and "\\x1b[2J" in page.text
        summary = (site / "summary.md").read_text()
        assert_safe_lines(summary, commands=False)
        raw = (site / "calendar.ics").read_bytes()
        assert b"\r" not in raw.replace(b"\r\n", b"") and b"\n" not in raw.replace(b"\r\n", b"")
        calendar = icalendar.Calendar.from_ical(raw)
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        assert summaries and not any(UNSAFE.search(s) for s in summaries), summaries
        assert any("\\u202e" in s for s in summaries), summaries


class PageText(HTMLParser):
    """The text a browser would show (and the attributes it would read) of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(value for _, value in attrs if value)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


# A repository git refuses: history is missing, and every command says why.
@pytest.fixture
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No global or system git config (no `safe.directory = *` from the machine)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.delenv("GIT_CONFIG_GLOBAL", raising=False)
    return home


SLIP = {"commitments/C-001.yaml": "id: C-001\ntitle: t\nowner: alice\nto: dana\n"
        "made: 2026-10-01\ndue: 2026-12-20\nstatus: open\n"}  # fmt: skip


def refused_by_ownership(repo: Repo) -> Path:
    """A project with a silent slip, in a checkout that belongs to another user."""
    repo.commit("start", SLIP)
    repo.write({"commitments/C-001.yaml": SLIP["commitments/C-001.yaml"].replace("12-20", "12-27")})
    for path in [repo.root, *repo.root.rglob("*")]:
        os.lchown(path, 65534, 65534)  # nobody
    return repo.root


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a checkout to another user")
def test_a_repository_git_refuses_is_an_error_that_says_how_to_fix_it(
    repo: Repo, isolated_git: Path, tmp_path: Path
) -> None:
    root = str(refused_by_ownership(repo))
    result = run("validate", "--root", root, "--today", TODAY)
    assert result.exit_code == 1, result.output
    assert result.output.startswith(
        "riskdocs.yaml: error [git-refused] the history rules did not run: git refuses to read "
        "the repository (detected dubious ownership in repository at "
    ), result.output
    assert f"run `git config --global --add safe.directory {root}`" in result.output
    assert "riskdocs never changes your git config" in result.output
    assert not (isolated_git / ".gitconfig").exists(), "the user's git config is untouched"
    for command in (["history"], ["validate", "--as-of", "HEAD"]):
        refused = run(*command, "--root", root)
        assert refused.exit_code == 2, refused.output
        assert "git refuses to read the repository (detected dubious ownership" in refused.output
    page = run("report", "--root", root, "--today", TODAY, "-o", str(tmp_path / "site"),
               "--audience", "team")  # fmt: skip
    assert page.exit_code == 0, page.output
    assert "overall health amber" in page.output


def test_a_broken_git_folder_is_not_taken_for_no_repository(
    project: Callable[..., Path], isolated_git: Path
) -> None:
    root = project(SLIP)
    (root / ".git").write_text("gitdir: /nowhere/at/all\n")  # a worktree whose repository moved
    result = run("validate", "--root", str(root), "--today", TODAY)
    assert result.exit_code == 1, result.output
    assert "error [git-refused] the history rules did not run: git refuses to read the " \
           "repository (not a git repository: /nowhere/at/all)" in result.output  # fmt: skip
    assert "repair the repository (`git status` shows the same problem)" in result.output


def test_outside_git_no_history_is_not_an_error(
    project: Callable[..., Path], isolated_git: Path
) -> None:
    result = run("validate", "--root", str(project(SLIP)), "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert "git-refused" not in result.output


# Files inside a git repository that the loader refuses to read: every read of the work
# tree (the loader, the history facts, `riskdocs history`) goes through one guarded read.
@pytest.fixture
def non_root() -> None:
    """Root reads any file, so an unreadable file cannot be made: these tests are skipped
    as root, and fail instead when RISKDOCS_TESTS_AS_NON_ROOT says they must run (.ci/run)."""
    if os.geteuid() == 0:
        if os.environ.get("RISKDOCS_TESTS_AS_NON_ROOT"):
            pytest.fail("RISKDOCS_TESTS_AS_NON_ROOT is set, but the tests run as root")
        pytest.skip("root can read every file; .ci/run runs this test as another user")


@pytest.mark.parametrize("uncommitted", [False, True])
def test_an_unreadable_tracked_file_is_a_finding_in_every_command(
    repo: Repo, tmp_path: Path, non_root: None, uncommitted: bool
) -> None:
    repo.commit("start", SLIP)
    path = repo.root / "commitments" / "C-001.yaml"
    if uncommitted:
        path.write_text(path.read_text().replace("12-20", "12-27"))
    path.chmod(0)
    try:
        root = str(repo.root)
        result = run("validate", "--root", root, "--today", TODAY)
        assert result.exit_code == 1, result.output
        unreadable = "commitments/C-001.yaml:1:1: error [file-unreadable] cannot read the file"
        assert result.output.startswith(f"{unreadable} (Permission denied)"), result.output
        page = run("report", "--root", root, "--today", TODAY, "-o", str(tmp_path / "site"),
                   "--audience", "team")  # fmt: skip
        assert page.exit_code == 0 and "overall health amber" in page.output, page.output
        history = run("history", "--root", root)
        assert history.exit_code == 0, history.output
        if uncommitted:
            assert history.output.endswith("uncommitted   you  commitments/C-001.yaml\n    not "
                                           "shown: riskdocs cannot read this file (`riskdocs "
                                           "validate` says why)\n"), history.output  # fmt: skip
    finally:
        path.chmod(0o644)


def test_a_tracked_file_turned_into_a_symlink_out_of_the_project_is_never_read(
    repo: Repo, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(SLIP["commitments/C-001.yaml"].replace("title: t", "title: SECRET-TOKEN"))
    repo.commit("start", SLIP)
    path = repo.root / "commitments" / "C-001.yaml"
    path.unlink()
    path.symlink_to(secret)
    root = str(repo.root)
    outputs = [run("validate", "--root", root, "--today", TODAY, "--format", f).output
               for f in ("text", "json")]  # fmt: skip
    refused = f"commitments/C-001.yaml:1:1: error [file-unreadable] this is a symlink to {secret}"
    assert outputs[0].startswith(f"{refused}, outside the project"), outputs[0]
    outputs.append(run("history", "--root", root, "--format", "json").output)
    assert run("report", "--root", root, "--today", TODAY, "-o", str(tmp_path / "site"),
               "--audience", "team").exit_code == 0  # fmt: skip
    outputs += [p.read_text() for p in (tmp_path / "site").iterdir()]
    assert not [o for o in outputs if "SECRET-TOKEN" in o]


def test_a_committed_symlink_out_of_the_project_is_never_read_as_of_a_commit(
    repo: Repo, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(SLIP["commitments/C-001.yaml"].replace("title: t", "title: SECRET-TOKEN"))
    (repo.root / "commitments").mkdir()
    (repo.root / "commitments" / "C-001.yaml").symlink_to(secret)
    repo.commit("a symlink out", {})
    root = str(repo.root)
    for command in (["validate", "--as-of", "HEAD"], ["history"], ["history", "C-001"]):
        result = run(*command, "--root", root)
        assert "SECRET-TOKEN" not in result.output and "Traceback" not in result.output


# One mistake, one finding, where it is: nothing follows from a value the schema refuses
# or a file that cannot be read.
LINKED = ("id: C-001\ntitle: t\nowner: alice\nto: dana\nmade: 2026-11-01\ndue: 2026-12-20\n"
          "status: open\nsource: meetings/2026-11-20-weekly.md\n"
          "links:\n  risks: [R-003]\n")  # fmt: skip
ONE_MISTAKE = {
    "a malformed id": ("risks/R-003-x.yaml", RISK.replace("R-001", "R-3a"),
                       "risks/R-003-x.yaml:1:5: error [schema] id: 'R-3a' is not valid"),
    "a risk that is not YAML": ("risks/R-003-x.yaml", "id: R-003\ntitle: [unclosed\n",
                                "risks/R-003-x.yaml:3:1: error [yaml-syntax]"),
    "a risk that is not UTF-8": ("risks/R-003.yaml", "title: caf\xe9\n",
                                 "risks/R-003.yaml:1:1: error [file-encoding]"),
    "a meeting with broken front matter": (
        "meetings/2026-11-20-weekly.md", "---\ndate: 2026-11-20\ntitle: [unclosed\n---\n\nnotes\n",
        "meetings/2026-11-20-weekly.md:4:1: error [yaml-syntax]"),
    "a meeting without front matter": ("meetings/2026-11-20-weekly.md", "notes only\n",
                                       "meetings/2026-11-20-weekly.md:1:1: error [front-matter]"),
    "a meeting date that is not a date": (
        "meetings/2026-11-20-weekly.md",
        "---\ndate: 2026-11-31\ntitle: w\nkind: status\nattendees: [alice]\n---\n",
        "meetings/2026-11-20-weekly.md:2:7: error [schema] date: '2026-11-31' is not a real"),
    "a feedback period that is not a month": (
        "feedback/2026-11.yaml", "period: 2026-13\nresponses:\n  - {date: 2026-11-20, from: dana, "
        "nps: 9}\n", "feedback/2026-11.yaml:1:9: error [schema] period: '2026-13' is not valid"),
}  # fmt: skip
WELL = {
    "risks/R-003-x.yaml": RISK.replace("R-001", "R-003"),
    "meetings/2026-11-20-weekly.md": "---\ndate: 2026-11-20\ntitle: w\nkind: status\n"
    "attendees: [alice]\n---\n",
    "commitments/C-001.yaml": LINKED,
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(ONE_MISTAKE))
def test_one_mistake_gives_one_finding_where_it_is(project: Callable[..., Path], case: str) -> None:
    path, text, expected = ONE_MISTAKE[case]
    files = {p: t for p, t in WELL.items() if p.split("/")[0] != path.split("/")[0]}
    root = project({**files, path: text})
    if case == "a risk that is not UTF-8":
        (root / path).write_bytes(text.encode("latin-1"))
    for hook in ([], ["--hook", *(str(root / p) for p in [*files, path])]):
        lines = run("validate", "--root", str(root), "--today", TODAY, *hook).output.splitlines()
        problems = [line for line in lines if " error [" in line or " warning [" in line]
        assert len(problems) == 1 and problems[0].startswith(expected), lines


def test_a_value_that_is_only_a_line_break_is_shown_as_one(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001.yaml": RISK.replace("title: t", 'title: "\\n"') + '"\\n": 1\n'})
    lines = run("validate", "--root", str(root), "--today", TODAY).output.splitlines()
    assert lines[:2] == [
        "risks/R-001.yaml:2:8: error [schema] title: '\\n' is not valid: must not be blank: write "
        "some text",
        "risks/R-001.yaml:9:1: error [schema] unknown field '\\n': remove it, or use a known "
        "field (acceptance, category, closed, contingency, contingency_agreed, description, "
        "external, id, ignore, impact, links, owner, prevention, probability, raised, residual, "
        "response, review_by, reviews, status, title, trigger, visibility)",
    ], lines


def test_control_characters_in_arguments_never_reach_an_output_raw(
    repo: Repo, tmp_path: Path
) -> None:
    root = hostile_repo(repo).root
    odd = tmp_path / f"site{FORGED}"
    outputs = [
        run("history", f"C-1{FORGED}", "--root", str(root)),
        run("validate", "--root", str(root), "--hook", str(tmp_path / f"x{FORGED}.yaml")),
        run("report", "--root", str(root), "--today", TODAY, "-o", str(odd)),
        run("init", str(tmp_path / f"new{FORGED}"), "--today", TODAY),
    ]
    (tmp_path / f"x{FORGED}.yaml").write_text("x")
    outputs.append(
        run("validate", "--hook", "--root", str(root), str(tmp_path / f"x{FORGED}.yaml"))
    )
    for result in outputs:
        assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output
        assert_safe_lines(result.output, commands=False)
    assert "C-1\\n::error file=forged.py::forged\\r" in outputs[0].output
