"""Shell completion: rule names, kinds and the project's ids, for click's completion.

Enable it with `eval "$(_RISKDOCS_COMPLETE=bash_source riskdocs)"` (zsh: `zsh_source`,
fish: `fish_source`); see the README. Ids come from file names, which start with the
id (full runs enforce it), so completing reads no file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import click
from click.shell_completion import CompletionItem

_ID = re.compile(r"^([A-Z]{1,2}-\d+)")


def rule_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from riskdocs.checks.catalog import BUILTIN_CHECKS
    from riskdocs.rules import RULES

    return [n for n in sorted({*RULES, *BUILTIN_CHECKS}) if n.startswith(incomplete)]


def kind_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    from riskdocs.resources import OTHER_SCHEMAS, schema_names

    return [n for n in [*schema_names(), *OTHER_SCHEMAS] if n.startswith(incomplete)]


def entity_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids of the project's files (and meeting notes' names), from the folder names."""
    from riskdocs.load.kinds import KINDS
    from riskdocs.load.tree import find_root

    root_param = ctx.params.get("root")
    try:
        root = Path(root_param) if root_param else find_root(Path.cwd())
    except Exception:  # completion must never print a traceback into the shell
        return []
    found: dict[str, str] = {}
    for kind in KINDS.values():
        if not kind.folder:
            continue
        for _folder, _, names in os.walk(root / kind.folder):
            for name in names:
                stem = name.rsplit(".", 1)[0]
                match = _ID.match(stem)
                key = match.group(1) if match else (stem if kind.name == "meeting" else None)
                if key and key.casefold().startswith(incomplete.casefold()):
                    found[key] = kind.label
    return [CompletionItem(key, help=label) for key, label in sorted(found.items())]
