"""Finding the project, walking its folders, front matter and encodings."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from riskdocs.errors import ProjectNotFoundError
from riskdocs.load import kinds
from riskdocs.load.documents import split_front_matter
from riskdocs.load.kinds import KINDS
from riskdocs.load.project import load_project
from riskdocs.load.tree import DiskTree, discover, find_root
from riskdocs.load.yamlsrc import YamlProblem
from riskdocs.parallel import processes_for


def test_find_root_walks_upwards(project: Callable[..., Path]) -> None:
    root = project({"risks/2026/R-001.yaml": "id: R-001\n"})
    assert find_root(root / "risks" / "2026") == root.resolve()


def test_find_root_without_project_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFoundError, match="riskdocs init"):
        find_root(tmp_path)


def test_discover_reads_entity_folders_only_and_skips_hidden_and_readme(
    project: Callable[..., Path],
) -> None:
    root = project(
        {
            "risks/R-001.yaml": "",
            "risks/.R-002.yaml.swp": "",
            "risks/.drafts/R-003.yaml": "",
            "risks/README.md": "",
            "src/risks/R-004.yaml": "",
            "notes.yaml": "",
            "meetings/2026/2026-11-18-weekly.md": "",
        }
    )
    assert discover(root) == [
        "meetings/2026/2026-11-18-weekly.md",
        "riskdocs.yaml",
        "risks/R-001.yaml",
    ]


@pytest.mark.parametrize(
    ("relpath", "kind"),
    [
        ("riskdocs.yaml", kinds.CONFIG),
        ("risks/R-1.yaml", kinds.RISK),
        ("risks/a/b/R-1.yml", kinds.RISK),
        ("scope/baseline.yaml", kinds.SCOPE),
        ("scope/changes/CR-1.yaml", kinds.CHANGE_REQUEST),
        ("scope/changes/2026/CR-1.yaml", kinds.CHANGE_REQUEST),
        ("meetings/2026-11-18-x.md", kinds.MEETING),
        ("lessons/L-1.md", kinds.LESSON),
        ("feedback/2026-11.yaml", kinds.FEEDBACK),
        ("milestones/M-1.yaml", kinds.MILESTONE),
        ("concerns/Q-1.yaml", kinds.CONCERN),
        ("commitments/C-1.yaml", kinds.COMMITMENT),
        ("scope/other.yaml", None),
        ("meetings/x.yaml", None),
        ("risks/x.md", None),
        ("x.yaml", None),
    ],
)
def test_classify(relpath: str, kind: kinds.Kind | None) -> None:
    assert kinds.classify(relpath) is kind


def test_front_matter_split_keeps_line_numbers() -> None:
    split = split_front_matter("---\na: 1\nb: 2\n---\nbody\n")
    assert split == ("a: 1\nb: 2\n", 1, "body\n", 5)
    assert split_front_matter("---\na: 1\n...\n") == ("a: 1\n", 1, "", 4)


@pytest.mark.parametrize("text", ["# title\n", "", "---\na: 1\n"])
def test_missing_or_unclosed_front_matter_is_a_problem(text: str) -> None:
    assert isinstance(split_front_matter(text), YamlProblem)


def test_front_matter_errors_count_lines_of_the_whole_file(project: Callable[..., Path]) -> None:
    root = project(
        {"meetings/2026-11-18-x.md": "---\ndate: 2026-11-18\ntitle: x\nkind: [status\n---\n"}
    )
    _, findings = load_project(DiskTree(root))
    assert [(f.rule, f.line) for f in findings] == [("yaml-syntax", 5)]


def test_non_utf8_file_is_a_finding_with_its_line(project: Callable[..., Path]) -> None:
    root = project()
    (root / "risks").mkdir()
    (root / "risks" / "R-001.yaml").write_bytes(b"id: R-001\ntitle: caf\xe9\n")
    documents, findings = load_project(DiskTree(root))
    assert [(f.rule, f.line) for f in findings] == [("file-encoding", 2)]
    assert documents[1].data is None


def test_unreadable_file_is_a_finding_not_a_crash(project: Callable[..., Path]) -> None:
    root = project({"risks/R-001.yaml": "id: R-001\n"})
    (root / "risks" / "R-002.yaml").symlink_to(root / "missing.yaml")
    _, findings = load_project(DiskTree(root))
    assert [(f.path, f.rule) for f in findings] == [("risks/R-002.yaml", "file-unreadable")]
    assert "No such file" in findings[0].message


def test_a_huge_file_is_a_finding_and_is_never_read(tmp_path: Path) -> None:
    from tests.conftest import BASE_CONFIG, run

    (tmp_path / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    (tmp_path / "risks").mkdir()
    huge = tmp_path / "risks" / "R-001.yaml"
    with huge.open("w") as out:  # 50 MB: one very long line
        out.write("id: R-001\ntitle: " + "x" * 50_000_000 + "\n")
    result = run("validate", "--root", str(tmp_path), "--today", "2026-11-26")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "risks/R-001.yaml:1:1: error [file-too-large] file is 50.0 MB; riskdocs reads project "
        "files up to 1 MB: split it (one entity per file) or move it out"
    )


def test_symlinks_out_of_the_project_are_not_followed_and_loops_are_findings(
    tmp_path: Path,
) -> None:
    from tests.conftest import BASE_CONFIG, run

    secret = tmp_path / "secret.yaml"
    secret.write_text("id: R-001\ntitle: the other client's secret\n")
    root = tmp_path / "project"
    (root / "risks").mkdir(parents=True)
    (root / "riskdocs.yaml").write_text(BASE_CONFIG.read_text())
    (root / "risks" / "R-001.yaml").symlink_to(secret)
    (root / "risks" / "R-002.yaml").symlink_to(root / "risks" / "R-002.yaml")  # a loop
    (root / "risks" / "inner").symlink_to(root / "risks")  # a folder loop: not walked
    result = run("validate", "--root", str(root), "--today", "2026-11-26")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(
        f"risks/R-001.yaml:1:1: error [file-unreadable] this is a symlink to {secret}, outside "
        "the project: riskdocs does not follow it"
    )
    assert lines[1].startswith("risks/R-002.yaml:1:1: error [file-unreadable] cannot read")
    assert "secret" not in result.output.split("outside the project")[1]
    assert len(lines) == 3


def test_a_fifo_is_a_finding_and_never_blocks(project: Callable[..., Path]) -> None:
    import os

    root = project({"risks/R-001.yaml": "id: R-001\n"})
    os.mkfifo(root / "risks" / "R-002.yaml")  # opening it to read would wait for a writer
    _, findings = load_project(DiskTree(root))
    assert [(f.path, f.rule, f.message) for f in findings if f.path == "risks/R-002.yaml"] == [
        ("risks/R-002.yaml", "file-unreadable",
         "cannot read the file (not a regular file); fix or remove it"),
    ]  # fmt: skip


def test_reading_in_worker_processes_gives_the_same_documents_and_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from riskdocs.load import project as loader
    from tests.conftest import EXAMPLE, FIXTURES

    cases = [EXAMPLE, *sorted((FIXTURES / "invalid").iterdir())]
    for case in cases:
        paths = discover(case)
        sequential = loader._load_paths(DiskTree(case), paths)
        assert loader._load_in_workers(DiskTree(case), paths, 3) == sequential, case.name
    monkeypatch.setattr(loader, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setenv("RISKDOCS_PARALLEL", "0")
    assert processes_for(10_000, 1) == 1
    monkeypatch.delenv("RISKDOCS_PARALLEL")
    assert processes_for(10_000, 1) == min(len(os.sched_getaffinity(0)), 8)
    assert processes_for(10, 11) == 1
    documents, _ = loader.load_project(DiskTree(EXAMPLE))
    assert all(d.kind is KINDS[d.kind.name] for d in documents)  # kinds stay singletons
