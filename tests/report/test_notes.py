"""Rendered notes are cached by their text's hash: same HTML, markdown-it not even
imported when nothing changed, and a broken or foreign cache is never trusted."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from riskdocs.report.markup import render_markdown
from riskdocs.report.notes import RenderedNotes
from tests.conftest import EXAMPLE

NOTE = "# Weekly\n\n- [ ] @bob send the plan due:2026-12-01\n\n<script>alert(1)</script>\n"


def test_a_cached_note_is_the_html_a_fresh_render_gives(tmp_path: Path) -> None:
    first = RenderedNotes(tmp_path)
    assert first(NOTE) == render_markdown(NOTE) and first.rendered == 1
    first.save()
    again = RenderedNotes(tmp_path)
    assert again(NOTE) == render_markdown(NOTE) and again.rendered == 0
    assert again("other text") == render_markdown("other text") and again.rendered == 1


def test_prefetch_renders_the_missing_notes_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from riskdocs.report import notes as module

    texts = [f"# Note {n}\n\n*item* {n} <b>raw</b>\n" for n in range(40)]
    warm = RenderedNotes(tmp_path)
    warm(texts[0])
    warm.save()
    monkeypatch.setattr(module, "PARALLEL_MIN_NOTES", 2)
    notes = RenderedNotes(tmp_path)
    notes.prefetch([*texts, texts[1]])
    assert notes.rendered == 39  # the cached one and the repeat are not rendered again
    assert [notes(t) for t in texts] == [render_markdown(t) for t in texts]
    assert notes.rendered == 39


def test_only_the_notes_of_the_last_run_are_kept(tmp_path: Path) -> None:
    first = RenderedNotes(tmp_path)
    first("old note")
    first(NOTE)
    first.save()
    second = RenderedNotes(tmp_path)
    second(NOTE)
    second.save()
    assert second.path is not None
    kept = json.loads(second.path.read_text())["notes"]
    assert list(kept.values()) == [render_markdown(NOTE)]


@pytest.mark.parametrize("garbage", ["{not json", '["a list"]', '{"notes": {"k": 3}}', ""])
def test_a_broken_cache_is_ignored(tmp_path: Path, garbage: str) -> None:
    notes = RenderedNotes(tmp_path)
    assert notes.path is not None
    notes.path.parent.mkdir(parents=True, exist_ok=True)
    notes.path.write_text(garbage)
    fresh = RenderedNotes(tmp_path)
    assert fresh(NOTE) == render_markdown(NOTE) and fresh.rendered == 1


def test_no_cache_file_when_caching_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RISKDOCS_CACHE_DIR", "off")
    notes = RenderedNotes(tmp_path)
    assert notes(NOTE) == render_markdown(NOTE)
    notes.save()
    assert notes.path is None


def test_another_project_or_renderer_version_does_not_share_the_cache(tmp_path: Path) -> None:
    assert RenderedNotes(tmp_path / "a").path != RenderedNotes(tmp_path / "b").path


def test_a_second_report_renders_from_the_cache_byte_for_byte(tmp_path: Path) -> None:
    def report(out: str) -> set[str]:
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "riskdocs", "report", "--root",
             str(EXAMPLE), "-o", str(tmp_path / out), "--today", "2026-11-26"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}  # fmt: skip

    assert "markdown_it" in report("first")
    assert "markdown_it" not in report("second")
    for name in ("index.html", "status.json", "summary.md", "calendar.ics"):
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes()


def test_a_notes_headings_are_renumbered_in_order_under_its_section() -> None:
    """Found in use: a note that starts at `##` rendered h5 under the section's h2, and
    axe-core reported `heading-order`."""
    html = render_markdown("## Action items\n\n#### Detail\n\n## Decisions\n\n###### Deep\n")
    assert re.findall(r"<(h\d)>", html) == ["h3", "h4", "h3", "h5"]
    assert re.findall(r"<(h\d)>", render_markdown("# Kickoff\n\n## Goals\n")) == ["h3", "h4"]
