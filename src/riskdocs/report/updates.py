"""Updates told to the client, built, recorded and rebuilt.

`build` runs the pipeline on the project as of two commits (or a commit and the work
tree) and compares the views of one audience; `rendered` writes the digest in one
format. An update that was sent (or marked sent) is recorded in
`updates/YYYY-MM-DD-<audience>.yaml`: the two commits, the day, audience, language,
recipients and the SHA-256 of the bytes. `verify` rebuilds a recorded update from git
and compares the hash, so what the client was told on a day is a fact anyone can check.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from riskdocs import __version__, i18n
from riskdocs.checks.pipeline import CheckResult, run
from riskdocs.checks.sources import at_commit, whole_project
from riskdocs.errors import RiskdocsError
from riskdocs.history.repo import GitError, Repository
from riskdocs.i18n import _
from riskdocs.load.kinds import UPDATE
from riskdocs.model.entities import Project, Update
from riskdocs.report import digestout
from riskdocs.report.digest import digest_of
from riskdocs.structs import struct

FORMATS = ("markdown", "text", "eml", "json")


@struct(kw_only=False)
class Built:
    """A digest and the runs it compared."""

    digest: dict[str, Any]
    then: CheckResult
    now: CheckResult


def build(
    root: Path,
    repository: Repository,
    since: tuple[str, date] | None,
    today: date,
    audience: str,
    until: str | None = None,
) -> Built:
    """The digest from the commit `since` (with its day; None: `start_of`) to `until` (a
    commit, read from git objects) or, without it, the work tree, as of `today`."""
    source = at_commit(root, repository, until) if until else whole_project(root, repository)
    now = run(source, today)
    commit, day = since or start_of(now.project, repository, audience, today)
    then = run(at_commit(root, repository, commit), day)
    return Built(digest_of(then, now, audience), then, now)


def start_of(
    project: Project, repository: Repository, audience: str, today: date
) -> tuple[str, date]:
    """(commit, day) a digest starts from: the last recorded update of `audience`, else
    the last commit 7 days before `today`, else (a younger project) the first commit."""
    last = last_update(project, audience)
    if last is not None:
        return last.commit, last.date
    try:
        return repository.as_of(str(today - timedelta(days=7)))
    except GitError:
        first = repository.first_commit()
        return first, repository.commit_day(first)


def rendered(
    found: dict[str, Any], output_format: str, project: Project, day: date, sender: str | None
) -> bytes:
    """The digest's bytes in `output_format`."""
    if output_format == "eml":
        from riskdocs.report.mail import message

        return bytes(message(found, project.settings, day, sender).as_bytes())
    if output_format == "json":
        return (json.dumps(found, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    render = digestout.render_markdown if output_format == "markdown" else digestout.render_text
    return render(found).encode("utf-8")


def last_update(project: Project, audience: str) -> Update | None:
    """The latest recorded update of `audience`."""
    told = [u for u in project.updates if u.audience == audience]
    return max(told, key=lambda u: (u.date, u.id)) if told else None


def record(
    root: Path,
    built: Built,
    output_format: str,
    content: bytes,
    *,
    recipients: tuple[str, ...],
    sender: str | None,
    cadence: str | None,
    sent: bool,
) -> Path:
    """Write the record of an update into updates/ and return its path (relative)."""
    day, audience = built.now.today, built.digest["audience"]
    since, commit = built.then.source.commit, built.now.source.commit
    assert since is not None and commit is not None  # both were read from git
    relative = f"{UPDATE.folder}/{day}-{audience}.yaml"
    path = root / relative
    if path.exists():
        raise RiskdocsError(
            _(
                "{path} already records an update of {day}: there is one record per day and "
                "audience"
            ).format(path=relative, day=day)
        )
    lines = [
        f"date: {day}",
        f"audience: {audience}",
        f"language: {i18n.current()}",
        *([f"cadence: {cadence}"] if cadence else []),
        *([f"to: [{', '.join(recipients)}]"] if recipients else []),
        *([f"from: {sender}"] if sender else []),
        f"since: {since}",
        f"commit: {commit}",
        f"format: {output_format}",
        f"sha256: {hashlib.sha256(content).hexdigest()}",
        f"sent: {'true' if sent else 'false'}",
        f"riskdocs: {__version__}",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "# yaml-language-server: $schema=../.riskdocs/schemas/update.schema.json\n"
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return Path(relative)


def verify(root: Path, repository: Repository, update: Update) -> tuple[bool, bytes]:
    """Rebuild a recorded update from git: (whether its bytes hash as recorded, the bytes)."""
    since_day = repository.commit_day(update.since)
    spoken = i18n.current()
    i18n.use(update.language)
    try:
        built = build(root, repository, (update.since, since_day), update.date, update.audience,
                      until=update.commit)  # fmt: skip
        content = rendered(built.digest, update.format, built.now.project, update.date,
                           update.sender)  # fmt: skip
    finally:
        i18n.use(spoken)
    return hashlib.sha256(content).hexdigest() == update.sha256, content
