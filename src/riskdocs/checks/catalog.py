"""The names of the checks that always run, besides the health rules.

Every finding carries one of these names or a health rule's name; `riskdocs
rules` lists both, and `validate --rule` accepts both.
"""

from __future__ import annotations

BUILTIN_CHECKS: dict[str, str] = {
    "yaml-syntax": "The file is not valid YAML.",
    "yaml-duplicate-key": "A key appears twice in one mapping.",
    "yaml-anchor": "Anchors and aliases (&, *) are refused.",
    "yaml-tag": "Tags such as !!python/object are refused.",
    "yaml-comment-in-value": "A ' #' cut a plain value short (title: Results #2): quote it.",
    "yaml-multi-document": "A second YAML document (---) in one file.",
    "front-matter": "A Markdown file without valid YAML front matter.",
    "empty-file": "A project file with nothing in it.",
    "file-encoding": "A file that is not UTF-8.",
    "file-unreadable": "A file that cannot be read (e.g. a broken symlink).",
    "file-too-large": "A project file over 1 MB (one entity per file).",
    "unknown-file": "A file in a project folder that riskdocs does not read.",
    "schema": "A value that breaks its kind's JSON Schema.",
    "config": "A riskdocs.yaml setting the schema cannot check (band order, project dates, "
    "time zone).",
    "contradiction": "Dates that cannot all be true: done before made, closed in the future.",
    "action-item-syntax": "An action item riskdocs cannot read (e.g. a bad due: date).",
    "duplicate-id": "Two entities with the same id.",
    "id-filename-mismatch": "An id that does not match its file name.",
    "meeting-date-filename-mismatch": "A meeting date that differs from its file name.",
    "unknown-reference": "A person, id, cadence or meeting that does not exist.",
    "unknown-rule": "An `ignore:` key that names no health rule.",
    "internal-error": "A health rule crashed; its results are missing.",
    "editor-schemas": "The schemas editors read from .riskdocs/schemas/ no longer match the "
    "project's people, cadences or ids (`riskdocs schema --refresh`).",
    "history": "Git history is shallow or empty, so history rules see only part of it.",
    "git-refused": "Git refuses to read the repository (e.g. another user's checkout), so "
    "history rules could not run.",
}
