"""Meeting notes and lessons rendered to HTML, cached by the SHA-256 of their text.

Rendering costs about a millisecond per note plus importing markdown-it, and a
project's notes rarely change once written, so the HTML of each text is kept in
the cache folder (see riskdocs/cachedir.py) for the next report. The key holds
the renderer's format, riskdocs' version and markdown-it-py's, so an upgrade
never serves HTML another renderer made. Only the notes of the current run are
written back, so the cache never grows beyond the project.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from riskdocs import __version__
from riskdocs.cachedir import cache_path, write_atomically
from riskdocs.parallel import fork_map, processes_for, split

RENDER_FORMAT = "2"  # raise it whenever render_markdown gives other HTML for the same text
# Rendering in forked workers pays from about this many uncached notes.
PARALLEL_MIN_NOTES = 200


class RenderedNotes:
    """A Markdown-to-HTML renderer with a per-project cache; call `save` when done."""

    def __init__(self, project_root: Path) -> None:
        self.path = cache_path("notes", RENDER_FORMAT, __version__, _markdown_it_version(),
                               str(project_root))  # fmt: skip
        self.loaded = _load(self.path)
        self.known = dict(self.loaded)
        self.used: dict[str, str] = {}
        self.rendered = 0

    def __call__(self, text: str) -> str:
        key = _key(text)
        html = self.known.get(key)
        if html is None:
            html = _render([text])[0]
            self.known[key] = html
            self.rendered += 1
        self.used[key] = html
        return html

    def prefetch(self, texts: Iterable[str]) -> None:
        """Render every text not in the cache now, in worker processes when there are
        many: a first report of a project with years of notes."""
        keyed = {_key(text): text for text in texts}
        missing = sorted((k, text) for k, text in keyed.items() if k not in self.known)
        processes = processes_for(len(missing), PARALLEL_MIN_NOTES)
        bodies = [text for _, text in missing]
        if processes > 1:
            parts = fork_map(_render, split(bodies, processes * 4), processes)
            rendered = [html for part in parts for html in part]
        else:
            rendered = _render(bodies)
        self.known.update(zip((key for key, _ in missing), rendered, strict=True))
        self.rendered += len(missing)
        # every note of the project is kept, also those this audience does not show
        # (an internal retrospective on the client's page), or the next report of the
        # other audience would render them again
        self.used.update((key, self.known[key]) for key in keyed)

    def save(self) -> None:
        if self.path is not None and self.used != self.loaded:
            write_atomically(self.path, json.dumps({"notes": self.used}, sort_keys=True))


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _render(texts: Sequence[str]) -> list[str]:
    from riskdocs.report.markup import render_markdown  # imports markdown-it

    return [render_markdown(text) for text in texts]


def _markdown_it_version() -> str:
    try:
        return version("markdown-it-py")
    except PackageNotFoundError:  # pragma: no cover - an unusual install
        return "unknown"


def _load(path: Path | None) -> dict[str, str]:
    if path is None or not path.is_file():
        return {}
    try:
        notes = json.loads(path.read_text(encoding="utf-8")).get("notes", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return {k: v for k, v in notes.items() if isinstance(k, str) and isinstance(v, str)}
