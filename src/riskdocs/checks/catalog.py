"""The names of the checks that always run, besides the health rules.

Every finding carries one of these names or a health rule's name; `riskdocs
rules` lists both, and `validate --rule` accepts both.
"""

from __future__ import annotations

from riskdocs.i18n import N_

BUILTIN_CHECKS: dict[str, str] = {
    "yaml-syntax": N_("The file is not valid YAML."),
    "yaml-duplicate-key": N_("A key appears twice in one mapping."),
    "yaml-anchor": N_("Anchors and aliases (&, *) are refused."),
    "yaml-tag": N_("Tags such as !!python/object are refused."),
    "yaml-comment-in-value": N_("A ' #' cut a plain value short (title: Results #2): quote it."),
    "yaml-multi-document": N_("A second YAML document (---) in one file."),
    "front-matter": N_("A Markdown file without valid YAML front matter."),
    "empty-file": N_("A project file with nothing in it."),
    "file-encoding": N_("A file that is not UTF-8."),
    "file-unreadable": N_("A file that cannot be read (e.g. a broken symlink)."),
    "file-too-large": N_("A project file over 1 MB (one entity per file)."),
    "unknown-file": N_("A file in a project folder that riskdocs does not read."),
    "schema": N_("A value that breaks its kind's JSON Schema."),
    "config": N_(
        "A riskdocs.yaml setting the schema cannot check (band order, project dates, time zone)."
    ),
    "contradiction": N_("Dates that cannot all be true: done before made, closed in the future."),
    "action-item-syntax": N_("An action item riskdocs cannot read (e.g. a bad due: date)."),
    "duplicate-id": N_("Two entities with the same id."),
    "id-filename-mismatch": N_("An id that does not match its file name."),
    "meeting-date-filename-mismatch": N_("A meeting date that differs from its file name."),
    "unknown-reference": N_("A person, id, cadence or meeting that does not exist."),
    "unknown-rule": N_("An `ignore:` key that names no health rule."),
    "internal-error": N_("A health rule crashed; its results are missing."),
    "editor-schemas": N_(
        "The schemas editors read from .riskdocs/schemas/ no longer match the "
        "project's people, cadences or ids (`riskdocs schema --refresh`)."
    ),
    "portfolio-data": N_(
        "A project of portfolio.yaml without data to show: its status.json is missing, "
        "unreadable, of another version or view, or its checkout cannot be built."
    ),
    "portfolio-stale": N_(
        "A project of portfolio.yaml whose data is older than `stale_after_days`."
    ),
    "history": N_("Git history is shallow or empty, so history rules see only part of it."),
    "git-refused": N_(
        "Git refuses to read the repository (e.g. another user's checkout), so "
        "history rules could not run."
    ),
}
