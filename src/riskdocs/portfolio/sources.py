"""Where each project's data comes from: a published status.json, read and checked, or
a checkout, built here as `riskdocs report` builds it (as of a day with --as-of).

Either way the result is a summary (`summary.py`) or an `Unavailable` that says why
there is none and what to do; a project is never dropped. Checkouts are built in
forked workers, one per core, since each is a whole pipeline run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _
from riskdocs.portfolio.config import Entry
from riskdocs.portfolio.summary import summarise
from riskdocs.report.view import VIEW_VERSION
from riskdocs.structs import struct

STATUS_FILE = "status.json"
MAX_STATUS_BYTES = 64 * 1024 * 1024
# Why a project has no data: the state the page shows and the portfolio's status.json keeps.
MISSING, UNREADABLE, VERSION, WRONG_VIEW, NOT_YET, FAILED = (
    "missing", "unreadable", "version", "wrong-view", "not-yet", "failed"
)  # fmt: skip


@struct(kw_only=False)
class Unavailable:
    """Why a project has no data to show: `state` (one of the names above) and what to do,
    in the team's words."""

    state: str
    message: str


Gathered = dict[str, Any] | Unavailable


def gather(
    entries: Sequence[Entry], day: date, as_of: date | None, language: str
) -> list[Gathered]:
    """Each entry's summary or why it has none, in the order of `entries`: checkouts
    built by forked workers (each is a pipeline run), published files read by them too
    once there are many."""
    from riskdocs.parallel import fork_map, processes_for

    checkouts = [e for e in entries if e.checkout is not None]
    files = [e for e in entries if e.checkout is None]
    builds = [(e, day, as_of, language) for e in checkouts]
    processes = processes_for(len(builds), minimum=2)
    built = fork_map(_build_job, builds, processes) if processes > 1 else map(_build_job, builds)
    reads = [(e, as_of) for e in files]
    processes = processes_for(len(reads), minimum=PARALLEL_READS)
    read = fork_map(_read_job, reads, processes) if processes > 1 else map(_read_job, reads)
    by_key = dict(zip((e.key for e in [*checkouts, *files]), [*built, *read], strict=True))
    return [by_key[e.key] for e in entries]


PARALLEL_READS = 64  # published files from which reading them in workers pays off


def _read_job(job: tuple[Entry, date | None]) -> Gathered:
    return read_published(*job)


def _build_job(job: tuple[Entry, date, date | None, str]) -> Gathered:
    from riskdocs import i18n

    entry, day, as_of, language = job
    i18n.use(language)
    return build_checkout(entry, day, as_of)


def read_published(entry: Entry, as_of: date | None) -> Gathered:
    """A published status.json (or the folder holding it), checked before it is read."""
    assert entry.status is not None
    path, shown = entry.status, entry.written
    if path.is_dir():
        path, shown = path / STATUS_FILE, f"{shown.rstrip('/')}/{STATUS_FILE}"
    try:
        if path.stat().st_size > MAX_STATUS_BYTES:
            message = _("{path} is over 64 MB: it is not a status.json").format(path=shown)
            return Unavailable(UNREADABLE, message)
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Unavailable(
            MISSING,
            _(
                "{path} does not exist: publish the project's report there (its CI job "
                "runs `riskdocs report`), or fix `status:` in portfolio.yaml"
            ).format(path=shown),
        )
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return Unavailable(
            UNREADABLE,
            _("{path} is not readable JSON ({reason}): publish it again").format(
                path=shown, reason=_reason(exc)
            ),
        )
    return checked(data, entry, as_of, shown)


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return _("line {line}, column {col}: {message}").format(
            line=exc.lineno, col=exc.colno, message=exc.msg
        )
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, RecursionError):
        return _("nested too deeply")
    return str(exc)


def checked(data: Any, entry: Entry, as_of: date | None, shown: str) -> Gathered:
    """The summary of a status.json once its version, its schema, its view and (with
    --as-of) its day are what the portfolio can show."""
    version = data.get("version") if isinstance(data, dict) else None
    if version != VIEW_VERSION:
        return Unavailable(VERSION, _version_message(version, shown))
    problem = _schema_problem(data)
    if problem:
        return Unavailable(
            UNREADABLE,
            _("{path} breaks the status.json schema at {where}: publish it again with "
              "`riskdocs report`").format(path=shown, where=problem),
        )  # fmt: skip
    if entry.view == "client" and data["generated"]["audience"] == "team":
        return Unavailable(
            WRONG_VIEW,
            _(
                "{path} is the team view, but portfolio.yaml shows the client view of "
                "'{key}': publish the client view there, or set `view: team` to show "
                "internal records"
            ).format(path=shown, key=entry.key),
        )
    if as_of is not None and data["generated"]["today"] > str(as_of):
        return Unavailable(
            NOT_YET,
            _(
                "{path} was built on {day}, after --as-of {as_of}: a published status.json "
                "cannot go back in time; list the project as a checkout to rebuild it"
            ).format(path=shown, day=data["generated"]["today"], as_of=as_of),
        )
    return summarise(data)


def _version_message(version: Any, shown: str) -> str:
    if isinstance(version, int) and not isinstance(version, bool) and version > VIEW_VERSION:
        return _(
            "{path} is status.json version {version}, newer than this riskdocs reads "
            "({known}): update riskdocs where the portfolio is built"
        ).format(path=shown, version=version, known=VIEW_VERSION)
    if isinstance(version, int) and not isinstance(version, bool):
        return _(
            "{path} is status.json version {version}, written by an older riskdocs; this "
            "one reads version {known}: rebuild the project's report with this riskdocs"
        ).format(path=shown, version=version, known=VIEW_VERSION)
    return _(
        "{path} is not a riskdocs status.json (it has no `version`): give the status.json "
        "that `riskdocs report` writes"
    ).format(path=shown)


def _schema_problem(data: dict[str, Any]) -> str | None:
    """Where `data` first breaks the status.json schema (a dotted path), or None."""
    from riskdocs.checks.fastcheck import passes

    if passes("status", data):
        return None
    from riskdocs.checks.schema import validator_for
    from riskdocs.load.yamlsrc import dotted

    error = next(iter(validator_for("status").iter_errors(data)), None)
    if error is None:  # the fast path refused what jsonschema accepts: trust jsonschema
        return None
    return f"{dotted(tuple(error.absolute_path)) or '(top)'} ({error.message})"


def build_checkout(entry: Entry, day: date, as_of: date | None) -> Gathered:
    """Build the project of a checkout as `riskdocs report` would (with `--as-of` when
    given, from git objects) and summarise the view of `entry.view`."""
    from riskdocs.checks.pipeline import run
    from riskdocs.checks.sources import at_commit, revision, whole_project
    from riskdocs.errors import ConfigError
    from riskdocs.history.repo import repository_or_refusal
    from riskdocs.report.view import build_view

    assert entry.checkout is not None
    root = entry.checkout.resolve()
    if not (root / "riskdocs.yaml").is_file():
        return Unavailable(
            MISSING,
            _(
                "{path} holds no riskdocs.yaml: clone the project there, or fix "
                "`checkout:` in portfolio.yaml"
            ).format(path=entry.written),
        )
    repository, refused = repository_or_refusal(root)
    try:
        if as_of is not None:
            commit = _commit_as_of(repository, refused, as_of, entry.written)
            if isinstance(commit, Unavailable):
                return commit
            source = at_commit(root, repository, commit)
        else:
            source = whole_project(root, repository, refused=refused)
        result = run(source, as_of or day)
    except ConfigError as exc:
        first = exc.findings[0] if exc.findings else None
        where = f"{first.path}:{first.line or 1}: {first.message}" if first else str(exc)
        return Unavailable(
            FAILED,
            _("{path}: riskdocs.yaml has errors ({where}); fix them in the project").format(
                path=entry.written, where=where
            ),
        )
    except RiskdocsError as exc:
        return Unavailable(FAILED, f"{entry.written}: {exc}")
    view = build_view(
        result.project,
        result.findings,
        result.today,
        entry.view,
        revision(result.source),
        result.history,
    )
    return summarise(view)


def _commit_as_of(
    repository: Any, refused: str | None, as_of: date, shown: str
) -> str | Unavailable:
    if refused is not None:
        return Unavailable(FAILED, f"{shown}: {refused}")
    if repository is None:
        return Unavailable(
            FAILED,
            _("{path} is not in a git repository, so it cannot be read as of {day}").format(
                path=shown, day=as_of
            ),
        )
    try:
        commit, _day = repository.as_of(str(as_of))
    except RiskdocsError:
        return Unavailable(
            NOT_YET,
            _("{path} has no commit on or before {day}: the project had no files yet").format(
                path=shown, day=as_of
            ),
        )
    return str(commit)
