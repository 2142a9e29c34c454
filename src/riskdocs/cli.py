"""The command line: wires the pipeline, formatters and scaffolding together.

No logic lives here beyond choosing what to run, building the `today` date
from `--today` or the clock (the only place riskdocs reads it) and mapping
setup problems (`RiskdocsError`) to exit code 2.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from riskdocs import __version__, colour, i18n
from riskdocs.dates import parse_day
from riskdocs.errors import ConfigError, RiskdocsError
from riskdocs.finding import exit_code
from riskdocs.formats import FORMATTERS, finding_lines
from riskdocs.i18n import _, listed, ngettext
from riskdocs.suggest import did_you_mean
from riskdocs.visible import visible
from riskdocs.words import word

if TYPE_CHECKING:  # the pipeline and git are imported by the commands that need them
    from riskdocs.history.repo import Repository
    from riskdocs.load.tree import Tree

F = TypeVar("F", bound=Callable[..., Any])
# GitHub annotations and code scanning resolve paths from the checkout (the
# current folder), not from a project kept in a sub-folder.
CHECKOUT_RELATIVE_FORMATS = ("github", "sarif", "gitlab")


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_day(value)
        except ValueError:
            self.fail(
                _("{value!r} is not a date; write YYYY-MM-DD, e.g. 2026-11-25").format(value=value),
                param,
                ctx,
            )


# The options several commands share, declared once.
def _complete_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
    # Each completion loads riskdocs/completion.py (and click's) only when a shell asks.
    from riskdocs.completion import entity_ids

    return entity_ids(ctx, param, incomplete)


def _complete_kinds(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
    from riskdocs.completion import kind_names

    return kind_names(ctx, param, incomplete)


def _complete_rules(ctx: click.Context, param: click.Parameter, incomplete: str) -> Any:
    from riskdocs.completion import rule_names

    return rule_names(ctx, param, incomplete)


def _choose_language(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        i18n.use(value)
        ctx.meta[_LANG_GIVEN] = value


_LANG_GIVEN = "riskdocs.lang"
LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(tuple(i18n.LANGUAGES)),
    callback=_choose_language,
    expose_value=False,
    is_eager=True,
    help="The language to speak: en or zh-CN. Default: project.language, else en.",
)
ROOT_OPTION = click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Project folder (the one holding riskdocs.yaml). Default: the nearest folder "
    "holding it, at or above the first PATH or the current folder.",
)
TODAY_OPTION = click.option(
    "--today",
    type=DateType(),
    help="Check as if today were this date. Default: today in the project's time zone.",
)
AS_OF_OPTION = click.option(
    "--as-of",
    metavar="REV|DATE",
    help="Read the project as it was at this commit (or the last commit on that day), "
    "from git objects; --today defaults to that day.",
)


def format_option(names: Sequence[str]) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(names),
        default="text",
        show_default=True,
        help="Output format.",
    )


def clock_today(timezone: str | None) -> dt.date:
    """Today's calendar date in the project's time zone (the machine's when none is set,
    or when the name is unknown: the run then reports it): the only place riskdocs
    reads the clock."""
    if timezone:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return dt.datetime.now(ZoneInfo(timezone)).date()
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    return dt.date.today()


def known_rule_names() -> list[str]:
    from riskdocs.checks.catalog import BUILTIN_CHECKS
    from riskdocs.rules import RULES

    return [*RULES, *BUILTIN_CHECKS]


def check_rule_names(names: Sequence[str]) -> None:
    """Refuse `--rule` names that are neither health rules nor built-in checks."""
    if not names:
        return
    known = known_rule_names()
    for name in names:
        if name not in known:
            close = did_you_mean(name, known, n=1)
            hint = _(" (did you mean '{close}'?)").format(close=close[0]) if close else ""
            raise RiskdocsError(
                _("no rule named '{name}'{hint}; `riskdocs rules` lists them").format(
                    name=name, hint=hint
                )
            )


def say(message: str, *, err: bool = False) -> None:
    """Print a one-line message, every control character in it made visible: a file
    name or an id typed by the user cannot start a line of its own in a CI log."""
    click.echo(visible(message), err=err)


def show(output: str, coloured: bool = False) -> None:
    """Print a command's output (lines a formatter made from visible values), each line
    made visible once more: file names, titles and git authors reach the terminal and
    CI logs only through `say` and `show`. `coloured` colours the findings' severities
    when the terminal wants colour (riskdocs/colour.py)."""
    lines = [visible(line) for line in output.split("\n")]
    if coloured and colour.wanted(sys.stdout):
        click.echo("\n".join(colour.severities(line) for line in lines), nl=False, color=True)
        return
    click.echo("\n".join(lines), nl=False)


def setup_errors(func: F) -> F:
    """Print a RiskdocsError as one clear line and exit 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RiskdocsError as exc:
            say(_("riskdocs: error: {reason}").format(reason=exc), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="riskdocs")
def main() -> None:
    """Keep a client project's health honest in plain text: risks, commitments,
    scope, meetings and client feedback as YAML and Markdown files in your repo."""
    i18n.use(i18n.ENGLISH)  # until --lang or project.language says otherwise


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@ROOT_OPTION
@format_option(tuple(FORMATTERS))
@TODAY_OPTION
@click.option(
    "--rule",
    "rules",
    multiple=True,
    metavar="NAME",
    shell_complete=_complete_rules,
    help="Only run and report this rule (repeatable); `riskdocs rules` lists them.",
)
@click.option(
    "--hook",
    is_flag=True,
    help="Run as a pre-commit hook: only broken or dishonest records fail; the state of "
    "the project (overdue, beyond buffer, ...) is shown as warnings (unless "
    "`block_commits: true`). Given no PATHS, it checks the whole project when the "
    "commit deletes a project file, and nothing when it changes none.",
)
@click.option("--show-ignored", is_flag=True, help="Also list findings silenced by `ignore:`.")
@AS_OF_OPTION
@LANG_OPTION
@setup_errors
def validate(
    paths: Sequence[Path],
    root: Path | None,
    output_format: str,
    today: dt.date | None,
    rules: Sequence[str],
    hook: bool,
    show_ignored: bool,
    as_of: str | None,
) -> None:
    """Check the project's files: YAML, schemas, ids, references and health rules.

    With PATHS, only findings in those files or folders are shown (the whole
    project is still read, since references cross files). With --hook and
    PATHS, as pre-commit passes them, only riskdocs.yaml and those files are
    read, and whole-project rules are left to full runs. Exit status: 0 no
    errors, 1 errors found, 2 usage or setup problem.
    """
    from riskdocs.checks.pipeline import run
    from riskdocs.checks.sources import commit_skips_project, for_validate
    from riskdocs.finding import exit_code, relocate

    check_rule_names(rules)
    formatter = FORMATTERS[output_format]
    project_root = _project_root(root, paths)
    _speak(_disk(project_root))
    selected = _relative_paths(project_root, paths, skip_outside=hook)
    if hook and paths and not selected:
        say(
            _("riskdocs: nothing to check: no file given is inside {root}").format(
                root=project_root
            )
        )
        return
    repository, refused = _repository(project_root)
    if hook and not paths and commit_skips_project(repository):
        say(_("riskdocs: nothing to check: this commit changes no project file"))
        return
    commit, as_of_day = _as_of(repository, as_of, refused)
    source = for_validate(
        project_root, repository, selected, hook=hook, commit=commit, refused=refused
    )
    try:
        result = run(
            source, _day(source.tree, today or as_of_day), only=frozenset(rules) or None, hook=hook
        )
    except ConfigError as exc:
        show(formatter(exc.findings, 1))
        raise
    findings, files_checked = result.findings, result.files_checked
    del result  # printing needs neither the model nor the git facts: free them first
    shown = relocate(findings, _checkout_prefix(project_root, output_format))
    show(
        formatter(shown, files_checked, show_ignored=show_ignored),
        coloured=output_format == "text",
    )
    sys.exit(exit_code(findings))


def _repository(root: Path) -> tuple[Repository | None, str | None]:
    """The git repository holding the project, found once per command, and why git
    refuses it when it does (`history/repo.py:repository_or_refusal`)."""
    from riskdocs.history.repo import repository_or_refusal

    return repository_or_refusal(root)


def _day(tree: Tree, given: dt.date | None) -> dt.date:
    """The day every stage checks on: --today (or --as-of's day), else today's date in the
    project's time zone."""
    if given is not None:
        return given
    from riskdocs.model.settings import timezone_in

    return clock_today(timezone_in(tree))


def _disk(root: Path) -> Tree:
    from riskdocs.load.tree import DiskTree

    return DiskTree(root)


def _speak(tree: Tree) -> None:
    """Speak project.language from now on, unless --lang chose (a value the schema
    refuses is reported by the run, in English)."""
    from riskdocs.model.settings import language_in

    if click.get_current_context().meta.get(_LANG_GIVEN):
        return
    chosen = language_in(tree) or i18n.ENGLISH
    i18n.use(chosen if chosen in i18n.LANGUAGES else i18n.ENGLISH)


def _as_of(
    repository: Repository | None, value: str | None, refused: str | None
) -> tuple[str | None, dt.date | None]:
    """(full commit hash, its day) for `--as-of REV|DATE`, or (None, None)."""
    if value is None:
        return None, None
    if refused is not None:
        raise RiskdocsError(refused)
    if repository is None:
        raise RiskdocsError(
            _("--as-of reads git history, and this project is not in a git repository")
        )
    return repository.as_of(value)


def _project_root(root: Path | None, paths: Sequence[Path]) -> Path:
    from riskdocs.load.tree import find_root

    return root.resolve() if root else find_root(paths[0] if paths else Path.cwd())


def _checkout_prefix(root: Path, output_format: str) -> str:
    cwd = Path.cwd().resolve()
    if output_format not in CHECKOUT_RELATIVE_FORMATS or root == cwd or cwd not in root.parents:
        return ""
    return root.relative_to(cwd).as_posix()


def _relative_paths(root: Path, paths: Sequence[Path], skip_outside: bool = False) -> list[str]:
    """PATHS relative to the project root; outside it they are an error, or skipped for
    the hook (pre-commit may pass any file whose path looks like a project file's)."""
    relative = []
    for path in paths:
        resolved = path.resolve()
        if resolved != root and root not in resolved.parents:
            if skip_outside:
                continue
            raise RiskdocsError(
                _("{path} is outside the project at {root}").format(path=path, root=root)
            )
        relative.append(resolved.relative_to(root).as_posix() if resolved != root else "")
    return [] if "" in relative else relative


@main.command()
@ROOT_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the report to; it is replaced as a whole on every run.",
)
@TODAY_OPTION
@click.option(
    "--audience",
    type=click.Choice(("client", "team")),
    default="client",
    show_default=True,
    help="client leaves out everything marked `visibility: internal`.",
)
@AS_OF_OPTION
@LANG_OPTION
@setup_errors
def report(
    root: Path | None, output: Path, today: dt.date | None, audience: str, as_of: str | None
) -> None:
    """Write the status page (index.html), status.json, calendar.ics and summary.md."""
    from riskdocs.checks.pipeline import run
    from riskdocs.checks.sources import at_commit, whole_project
    from riskdocs.report.publish import publish

    project_root = _project_root(root, [])
    _speak(_disk(project_root))
    repository, refused = _repository(project_root)
    commit, as_of_day = _as_of(repository, as_of, refused)
    source = (
        at_commit(project_root, repository, commit)
        if commit
        else whole_project(project_root, repository, refused=refused)
    )
    try:
        result = run(source, _day(source.tree, today or as_of_day))
    except ConfigError as exc:
        show(FORMATTERS["text"](exc.findings, 1))
        raise
    published = publish(result, output, audience)
    view = _("client view") if audience == "client" else _("team view")
    say(
        _("riskdocs: wrote {files} to {output} ({view}, overall health {health})").format(
            files=listed(published.files), output=output, view=view, health=word(published.overall)
        )
    )


@main.command()
@click.argument(
    "portfolio_file",
    metavar="[PORTFOLIO]",
    required=False,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the portfolio to; it is replaced as a whole on every run.",
)
@click.option(
    "--today",
    type=DateType(),
    help="Build as if today were this date. Default: today in portfolio.yaml's time zone.",
)
@click.option(
    "--as-of",
    type=DateType(),
    help="Build each checkout as it was on this day (its last commit on or before it); "
    "--today defaults to that day.",
)
@click.option(
    "--lang",
    type=click.Choice(tuple(i18n.LANGUAGES)),
    help="The language to speak: en or zh-CN. Default: portfolio.yaml's language, else en.",
)
@setup_errors
def portfolio(
    portfolio_file: Path | None,
    output: Path,
    today: dt.date | None,
    as_of: dt.date | None,
    lang: str | None,
) -> None:
    """Write one internal page over many projects (PORTFOLIO, default portfolio.yaml):
    index.html, status.json and summary.md. Exit 1 when a project has no data to show."""
    from riskdocs.portfolio.config import PORTFOLIO_FILE, PortfolioConfigError, read_portfolio
    from riskdocs.portfolio.publish import build

    path = portfolio_file or Path(PORTFOLIO_FILE)
    try:
        chosen = read_portfolio(path)
    except PortfolioConfigError as exc:
        show("\n".join(finding_lines(exc.findings)) + "\n")
        raise
    language = lang or chosen.language or i18n.ENGLISH
    i18n.use(language)
    day = today or as_of or clock_today(chosen.timezone or "UTC")
    built = build(chosen, output, day, as_of, language)
    if built.findings:
        show("\n".join(finding_lines(built.findings)) + "\n", coloured=True)
    counts = built.view["counts"]
    say(
        _(
            "riskdocs: wrote {files} to {output} ({projects}: {red} red, {amber} amber, "
            "{green} green; {stale} stale, {none} without data)"
        ).format(
            files=listed(built.files),
            output=output,
            projects=ngettext("{count} project", "{count} projects", counts["projects"]).format(
                count=counts["projects"]
            ),
            red=counts["red"],
            amber=counts["amber"],
            green=counts["green"],
            stale=counts["stale"],
            none=counts["no_data"],
        )
    )
    sys.exit(exit_code(built.findings))


@main.command()
@ROOT_OPTION
@click.option(
    "--since",
    metavar="REV|DATE",
    help="Compare with the project as it was at this commit (or the last commit on that "
    "day). Default: the commit of the last recorded update of this audience, else the "
    "last commit 7 days before --today.",
)
@TODAY_OPTION
@click.option(
    "--audience",
    type=click.Choice(("client", "team")),
    default="client",
    show_default=True,
    help="client leaves out everything marked `visibility: internal`.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("markdown", "text", "eml", "json")),
    default="markdown",
    show_default=True,
    help="eml: an e-mail to the people of the cadence with `channel: email`.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the digest to this file instead of printing it.",
)
@click.option(
    "--from",
    "from_key",
    metavar="PERSON",
    help="Who the e-mail is from (a key of `people:` with an email). Default: the first "
    "person of the team with one.",
)
@click.option(
    "--send",
    is_flag=True,
    help="Send the e-mail over SMTP (RISKDOCS_SMTP_HOST, _PORT, _STARTTLS, _USER, _PASSWORD) "
    "and record it under updates/. Without it nothing leaves the machine.",
)
@click.option(
    "--record",
    is_flag=True,
    help="Record the update under updates/ as told (sent some other way), without sending.",
)
@click.option(
    "--verify",
    "verify_path",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="UPDATE",
    help="Rebuild the update recorded in this file from git and check it is byte-identical.",
)
@LANG_OPTION
@setup_errors
def digest(
    root: Path | None,
    since: str | None,
    today: dt.date | None,
    audience: str,
    output_format: str,
    output: Path | None,
    from_key: str | None,
    send: bool,
    record: bool,
    verify_path: Path | None,
) -> None:
    """What changed since the last update, for the client (or the team): Markdown, text or
    an e-mail; --send sends and records it, --verify rebuilds a recorded one."""
    from riskdocs.report import updates

    project_root = _project_root(root, [])
    disk = _disk(project_root)
    _speak(disk)
    repository, refused = _repository(project_root)
    if refused is not None:
        raise RiskdocsError(refused)
    if repository is None:
        raise RiskdocsError(
            _("the digest compares commits, and this project is not in a git repository")
        )
    if verify_path is not None:
        _verify_update(project_root, repository, verify_path, output)
        return
    if send and output_format != "eml":
        raise RiskdocsError(_("--send sends an e-mail: add --format eml"))
    day = _day(disk, today)
    telling = send or record
    head = repository.resolve("HEAD") if telling else None
    start = repository.as_of(since) if since else None
    built = updates.build(project_root, repository, start, day, audience, until=head)
    project = built.now.project
    content = updates.rendered(built.digest, output_format, project, day, from_key)
    if send:
        from riskdocs.report.mail import SmtpSettings, message
        from riskdocs.report.mail import send as deliver

        mail = message(built.digest, project.settings, day, from_key)
        sent_to = deliver(mail, SmtpSettings.from_environment())
        say(_("riskdocs: sent the update to {people}").format(people=listed(sent_to)))
    if telling:
        _record_update(project_root, built, output_format, content, from_key, sent=send)
    if output is not None:
        output.write_bytes(content)
        say(_("riskdocs: wrote the digest to {output}").format(output=output))
    elif not telling:
        click.echo(content, nl=False)


def _record_update(
    root: Path, built: Any, output_format: str, content: bytes, from_key: str | None, *, sent: bool
) -> None:
    from riskdocs.report.mail import reporting_cadence, sender
    from riskdocs.report.updates import record

    settings = built.now.project.settings
    emailed = output_format == "eml"
    cadence = reporting_cadence(settings) if emailed else None
    recipients = cadence.required if cadence else ()
    who = sender(settings, from_key).key if emailed else from_key
    path = record(root, built, output_format, content, recipients=tuple(recipients), sender=who,
                  cadence=cadence.name if cadence else None, sent=sent)  # fmt: skip
    say(_("riskdocs: recorded the update in {path}: commit it").format(path=path.as_posix()))


def _verify_update(root: Path, repository: Repository, path: Path, output: Path | None) -> None:
    """Rebuild the update recorded at `path`; only riskdocs.yaml and that file are read."""
    from riskdocs.checks.pipeline import run
    from riskdocs.checks.sources import files_alone
    from riskdocs.load.kinds import UPDATE, classify
    from riskdocs.report.updates import verify

    wanted = (path if path.is_absolute() else Path.cwd() / path).resolve()
    relative = wanted.relative_to(root).as_posix() if wanted.is_relative_to(root) else None
    found = []
    if relative is not None and classify(relative) is UPDATE and wanted.is_file():
        checked = run(
            files_alone(root, repository, [relative]), clock_today(None), only=frozenset()
        )
        found = list(checked.project.updates)
    if not found:
        raise RiskdocsError(
            _(
                "{path} is not a readable update record under updates/ of {root} "
                "(`riskdocs validate {path}` says why)"
            ).format(path=path, root=root)
        )
    update = found[0]
    same, content = verify(root, repository, update)
    if output is not None:
        output.write_bytes(content)
    if not same:
        say(
            _(
                "riskdocs: {path} does not rebuild to what was recorded: the update said "
                "something else, or the record was edited"
            ).format(path=update.source.path)
        )
        if update.riskdocs and update.riskdocs != __version__:
            say(
                _(
                    "riskdocs: it was written by riskdocs {then} and rebuilt with {now}: "
                    "rebuild it with riskdocs {then}"
                ).format(then=update.riskdocs, now=__version__)
            )
        sys.exit(1)
    say(
        _("riskdocs: {path} rebuilds byte for byte from commits {since} and {commit}").format(
            path=update.source.path, since=update.since[:12], commit=update.commit[:12]
        )
    )


@main.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("riskdocs-demo"),
    show_default=True,
    help="Folder to write the example's report to; it is replaced as a whole.",
)
@click.option(
    "--today",
    type=DateType(),
    help="Report as of this day (default: the example's own week, 2026-11-26).",
)
@click.option(
    "--audience",
    type=click.Choice(("client", "team")),
    default="client",
    show_default=True,
    help="team shows internal records and findings too.",
)
@LANG_OPTION
@setup_errors
def demo(output: Path, today: dt.date | None, audience: str) -> None:
    """Build the status page of the example project that ships with riskdocs."""
    from riskdocs.demo import EXAMPLE_DAY, build_demo

    published = build_demo(output, today or EXAMPLE_DAY, audience)
    page = (output / "index.html").resolve()
    say(_("riskdocs: wrote the example's status page to {page}").format(page=page))
    say(_("open it in a browser: {address}").format(address=page.as_uri()))
    health = word(published.overall)
    say(
        _("overall health {health}, because:").format(health=health)
        if published.reasons
        else _("overall health {health}").format(health=health)
    )
    for reason in published.reasons:
        say(f"  - {reason}")
    say(_("start your own project with `riskdocs init DIR`"))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--today", type=DateType(), help="Date the example entries around this day.")
@click.option(
    "--pre-commit",
    "hook",
    is_flag=True,
    help="Also write .pre-commit-config.yaml with the riskdocs hook at the top of the repository.",
)
@click.option(
    "--vscode",
    is_flag=True,
    help="Also write .vscode/settings.json (riskdocs lsp through the Generic LSP Client "
    "extension) and .vscode/extensions.json at the top of the repository.",
)
@LANG_OPTION
@setup_errors
def init(directory: Path, today: dt.date | None, hook: bool, vscode: bool) -> None:
    """Start a project in DIRECTORY (default: here) from the template, with the CI recipes
    and the hook filled in for where it sits in its repository."""
    from riskdocs.scaffold import init_project, next_steps, placement_of

    placement = placement_of(directory, Path.cwd())
    written = init_project(directory, today or clock_today(None), placement, hook, vscode)
    say(
        _("riskdocs: created {written} files in {directory}").format(
            written=len(written), directory=directory
        )
    )
    for step in next_steps(directory, placement, hook):
        say(step)


@main.command()
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def lsp(root: Path | None, today: dt.date | None) -> None:
    """Speak the Language Server Protocol on stdin and stdout: riskdocs' findings, completion,
    hover and fixes in any editor (see docs/editors.md). Default project: the editor's
    workspace folder (or the nearest one holding riskdocs.yaml)."""
    from riskdocs.live.lsp import serve_stdio

    language = click.get_current_context().meta.get(_LANG_GIVEN)
    clock = (lambda _zone: today) if today else clock_today
    serve_stdio(clock, root.resolve() if root else None, language)


@main.command()
@ROOT_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Where to listen: this machine only (127.0.0.1, ::1 or localhost).")  # fmt: skip
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port; 0 takes any free one.")  # fmt: skip
@TODAY_OPTION
@click.option(
    "--audience",
    type=click.Choice(("client", "team")),
    default="client",
    show_default=True,
    help="The view the page opens with; ?audience=team or client switches it.",
)
@LANG_OPTION
@setup_errors
def serve(root: Path | None, host: str, port: int, today: dt.date | None, audience: str) -> None:
    """Show the status page on this machine, rebuilt and reloaded in the browser whenever a
    project file changes; nothing is written into the project. ?audience=team and
    ?lang=zh-CN switch the view and the language."""
    from riskdocs.live.serve import Site
    from riskdocs.live.serve import serve as serve_site
    from riskdocs.model.settings import timezone_in

    project_root = _project_root(root, [])
    _speak(_disk(project_root))
    repository, refused = _repository(project_root)
    zone = timezone_in(_disk(project_root))
    site = Site(
        project_root, repository, refused, lambda: today or clock_today(zone), i18n.current()
    )

    view = _("client view") if audience == "client" else _("team view")

    def ready(address: str) -> None:
        message = _(
            "riskdocs: serving {address} ({view}; ?audience=team or client, ?lang=en or "
            "zh-CN); Ctrl-C stops"
        )
        say(message.format(address=address, view=view))
        sys.stdout.flush()

    serve_site(site, host, port, audience, ready)


@main.command()
@click.argument("kind", required=False, shell_complete=_complete_kinds)
@click.option(
    "--refresh",
    is_flag=True,
    help="Rewrite the project's editor schemas in .riskdocs/schemas/ (its people, "
    "cadences and ids) instead of printing one.",
)
@ROOT_OPTION
@setup_errors
def schema(kind: str | None, refresh: bool, root: Path | None) -> None:
    """Print the JSON Schema of KIND (risk, commitment, ...), of status.json (`status`), of
    portfolio.yaml (`portfolio`) or of a portfolio's status.json (`portfolio-status`);
    without KIND, list the kinds. With --refresh, write the schemas editors read for this
    project."""
    from riskdocs.resources import schema_names, schema_text

    if refresh:
        from riskdocs.scaffold import refresh_schemas

        if kind is not None:
            raise click.UsageError(_("--refresh writes every schema: leave out KIND"))
        changed = refresh_schemas(_project_root(root, []))
        say(
            _("riskdocs: refreshed {changed}").format(changed=", ".join(changed))
            if changed
            else _("riskdocs: the editor schemas are up to date")
        )
    elif kind is None:
        click.echo("\n".join(schema_names()))
    else:
        click.echo(schema_text(kind), nl=False)


@main.command()
@click.argument("name", required=False, shell_complete=_complete_rules)
@LANG_OPTION
@setup_errors
def rules(name: str | None) -> None:
    """List the health rules and built-in checks; with NAME, explain that one."""
    from riskdocs.checks.catalog import BUILTIN_CHECKS
    from riskdocs.rules import RULES
    from riskdocs.rules.docs import rule_help, rule_listing

    if name is None:
        click.echo(_("Health rules (name, default severity, area, date-driven, what it checks):"))
        click.echo(rule_listing())
        click.echo(_("Checks that always run:"))
        width = max(len(check) for check in BUILTIN_CHECKS)
        for check, description in BUILTIN_CHECKS.items():
            click.echo(f"{check:<{width}}  {_(description)}")
        return
    check_rule_names([name])
    if name in RULES:
        click.echo(rule_help(RULES[name]), nl=False)
    else:
        always = _("{name} (built-in check, always runs)").format(name=name)
        click.echo(f"{always}\n\n{_(BUILTIN_CHECKS[name])}")


@main.command()
@click.argument("entity", required=False, shell_complete=_complete_ids)
@ROOT_OPTION
@format_option(("text", "json"))
@LANG_OPTION
@setup_errors
def history(entity: str | None, root: Path | None, output_format: str) -> None:
    """Show every change to ENTITY from git: who made it, when, the commit's subject and
    what changed, list elements one by one. ENTITY is an id of any kind in any case
    (C-012, r-003, D-01, CR-001) or a meeting note's file name; without it, every
    change to the project's files."""
    from riskdocs.history.timeline import find_target, render_timeline, timeline
    from riskdocs.load.tree import DiskTree

    project_root = _project_root(root, [])
    _speak(_disk(project_root))
    repository, refused = _repository(project_root)
    if refused is not None:
        raise RiskdocsError(refused)
    if repository is None:
        raise RiskdocsError(
            _("{root} is not in a git repository: there is no history to show").format(
                root=project_root
            )
        )
    disk = DiskTree(project_root)
    target = find_target(disk, entity) if entity else None
    revisions = timeline(repository, _day(disk, None), disk, target)
    show(render_timeline(revisions, output_format))


# Authoring: each command records one thing in one file, the way the rules ask for it
# (riskdocs/record.py), and prints what it changed.

ON_OPTION = click.option("--on", type=DateType(), help="The day it happened. Default: today.")


def _record(
    root: Path | None,
    entity: str,
    kinds: tuple[str, ...],
    today: dt.date | None,
    edit: Callable[[Any, dt.date], None],
) -> None:
    from riskdocs.load.tree import DiskTree
    from riskdocs.record import apply, find_entity

    project_root = _project_root(root, [])
    repository, _refused = _repository(project_root)
    _speak(DiskTree(project_root))
    day = _day(DiskTree(project_root), today)
    target = find_entity(project_root, entity, kinds)
    recorded = apply(project_root, repository, day, target, lambda change: edit(change, day))
    if not recorded.changes:
        say(_("riskdocs: {path} already says so; nothing to record").format(path=target.path))
        return
    say(_("riskdocs: recorded in {path}:").format(path=target.path))
    for line in recorded.changes:
        say(f"  {line}")
    for finding in recorded.news:
        say(
            "  "
            + _("now reported: {place}: {rule}: {message}").format(
                place=f"{finding.path}:{finding.line}", rule=finding.rule, message=finding.message
            )
        )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option(
    "--by",
    "by",
    help="For a deliverable: who handed it over (a key of `people:`; default: its owner).",
)
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def done(
    entity: str, by: str | None, on: dt.date | None, root: Path | None, today: dt.date | None
) -> None:
    """Record that commitment ENTITY was delivered, deliverable ENTITY handed to the
    client for acceptance, or milestone ENTITY reached."""
    from riskdocs.record import deliver

    _record(
        root,
        entity,
        ("commitment", "milestone", "deliverable"),
        today,
        lambda change, day: deliver(change, on or day, by),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option(
    "--by", "by", required=True, help="Who accepted it (a key of `people:`, on the client's side)."
)
@click.option(
    "--evidence",
    multiple=True,
    help="What shows a criterion was met (a link or a note): once per acceptance criterion, "
    "in their order.",
)
@click.option(
    "--not-met",
    "not_met",
    type=click.IntRange(min=1),
    multiple=True,
    help="The number (from 1) of a criterion accepted although it was not met.",
)
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def accept(
    entity: str,
    by: str,
    evidence: tuple[str, ...],
    not_met: tuple[int, ...],
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record that the client accepted deliverable ENTITY, with the result of each
    acceptance criterion."""
    from riskdocs.record import accept as record_accept

    _record(
        root,
        entity,
        ("deliverable",),
        today,
        lambda change, day: record_accept(change, on or day, by, evidence, not_met),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option(
    "--by", "by", required=True, help="Who rejected it (a key of `people:`, on the client's side)."
)
@click.option("--reason", required=True, help="Why, in the client's words.")
@click.option("--commitment", help="The commitment that follows it up (C-...).")
@click.option("--change-request", help="The change request that follows it up (CR-...).")
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def reject(
    entity: str,
    by: str,
    reason: str,
    commitment: str | None,
    change_request: str | None,
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record that the client rejected deliverable ENTITY, why, and what follows it up."""
    from riskdocs.record import reject as record_reject

    _record(
        root,
        entity,
        ("deliverable",),
        today,
        lambda change, day: record_reject(
            change, on or day, by, reason, commitment, change_request
        ),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option("--to", "to", type=DateType(), required=True, help="The new agreed date.")
@click.option(
    "--agreed-by",
    required=True,
    help="Who agreed (a key of `people:`, on the other side than the promise's owner).",
)
@click.option("--reason", help="Why it moved, in a sentence.")
@click.option("--change-request", help="The change request behind a milestone's move.")
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def move(
    entity: str,
    to: dt.date,
    agreed_by: str,
    reason: str | None,
    change_request: str | None,
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record an agreed move of commitment ENTITY's due date or milestone ENTITY's
    baseline: who agreed and when, then the new date."""
    from riskdocs.record import move as record_move

    _record(
        root,
        entity,
        ("commitment", "milestone"),
        today,
        lambda change, day: record_move(change, to, agreed_by, on or day, reason, change_request),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option("--by", "by", required=True, help="Who reviewed it (a key of `people:`).")
@click.option("--probability", type=click.IntRange(1, 5), help="Probability found, 1 to 5.")
@click.option("--impact", type=click.IntRange(1, 5), help="Impact found, 1 to 5.")
@click.option("--note", help="What was found or decided.")
@click.option("--next", "next_review", type=DateType(), help="When to review it next.")
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def review(
    entity: str,
    by: str,
    probability: int | None,
    impact: int | None,
    note: str | None,
    next_review: dt.date | None,
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record a review of risk ENTITY: the score found, and when to look again."""
    from riskdocs.record import review as record_review

    _record(
        root,
        entity,
        ("risk",),
        today,
        lambda change, day: record_review(
            change, on or day, by, probability, impact, note, next_review
        ),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.argument("decision", type=click.Choice(("approved", "rejected", "withdrawn")))
@click.option("--by", "by", help="Who decided (a key of `people:`, on the client's side).")
@click.option("--note", help="The decision in a sentence.")
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def decide(
    entity: str,
    decision: str,
    by: str | None,
    note: str | None,
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record the decision on change request ENTITY."""
    from riskdocs.record import decide as record_decision

    if decision != "withdrawn" and not by:
        raise RiskdocsError(
            _("an {decision} change request needs --by: who decided").format(decision=decision)
        )
    _record(
        root,
        entity,
        ("change-request",),
        today,
        lambda change, day: record_decision(change, decision, by or "", on or day, note),
    )


@main.command()
@click.argument("entity", shell_complete=_complete_ids)
@click.option("--resolution", help="How it was resolved; records the concern as resolved.")
@ON_OPTION
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def answer(
    entity: str,
    resolution: str | None,
    on: dt.date | None,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Record that client concern ENTITY was acknowledged, and with --resolution, resolved."""
    from riskdocs.record import answer as record_answer

    _record(
        root,
        entity,
        ("concern",),
        today,
        lambda change, day: record_answer(change, on or day, resolution),
    )


@main.command()
@click.argument(
    "kind",
    type=click.Choice(
        ("risk", "commitment", "concern", "change-request", "milestone", "meeting", "lesson")
    ),
)
@click.option("--title", required=True, help="What it is, in a line.")
@click.option("--owner", help="Who owns it (a key of `people:`).")
@click.option("--to", "to", help="Commitment: who it is promised to.")
@click.option("--due", type=DateType(), help="Commitment: the agreed date.")
@click.option("--made", type=DateType(), help="Commitment: when it was promised (default: today).")
@click.option("--baseline", type=DateType(), help="Milestone: the agreed date.")
@click.option("--raised-by", help="Concern or change request: who raised it.")
@click.option(
    "--severity",
    type=click.Choice(("low", "medium", "high", "critical")),
    help="Concern: how serious (default medium).",
)
@click.option("--probability", type=click.IntRange(1, 5), help="Risk: 1 to 5 (default 3).")
@click.option("--impact", type=click.IntRange(1, 5), help="Risk: 1 to 5 (default 3).")
@click.option("--review-by", type=DateType(), help="Risk: when to review it.")
@click.option("--date", type=DateType(), help="Meeting or lesson: its day (default: today).")
@click.option("--attendees", metavar="KEY,KEY", help="Meeting: who attended, keys of people:.")
@click.option("--cadence", help="Meeting: the entry of `communication:` it fulfils.")
@click.option(
    "--kind",
    "meeting_kind",
    help="Meeting: status, kickoff, review, steering, retro, workshop, escalation "
    "or other (default: its cadence's kind, else status).",
)
@click.option("--category", help="Lesson: e.g. planning, communication.")
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def new(kind: str, root: Path | None, today: dt.date | None, **given: Any) -> None:
    """Create a KIND file with the next free id and every required field."""
    from riskdocs.load.tree import DiskTree
    from riskdocs.newfile import create

    project_root = _project_root(root, [])
    repository, _refused = _repository(project_root)
    _speak(DiskTree(project_root))
    day = _day(DiskTree(project_root), today)
    given["kind"] = given.pop("meeting_kind")
    made = create(project_root, repository, kind, given, day)
    if kind == "meeting":
        say(
            _(
                "riskdocs: created {path}; write the notes, action items "
                "(- [ ] @who what due:YYYY-MM-DD) and decisions under its heading"
            ).format(path=made.path)
        )
        return
    say(
        _("riskdocs: created {path} ({id}); fill in the rest in your editor").format(
            path=made.path, id=made.id
        )
    )


@main.command("import")
@click.argument(
    "kind", type=click.Choice(("risk", "commitment", "concern", "change-request", "milestone"))
)
@click.argument(
    "csv_file", metavar="CSV", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--mapping",
    metavar="NAME|FILE",
    help="Which columns hold which field: jira, trello, asana, or a YAML file "
    "shaped like them. Default: columns named as the fields (title, owner, "
    "due).",
)
@click.option(
    "--person",
    "aliases",
    multiple=True,
    metavar="'NAME=KEY'",
    help="Who a name in the export is, as a key of people: (repeatable).",
)
@click.option(
    "--only",
    multiple=True,
    metavar="'COLUMN=VALUE'",
    help="Import only the rows with this value in this column, e.g. 'Issue "
    "Type=Risk' (repeatable: all must hold).",
)
@click.option("--owner", help="Owner of rows that name none.")
@click.option("--to", "to", help="Commitments: who they are promised to, for rows that name none.")
@click.option("--raised-by", help="Concerns and change requests: who raised rows that name none.")
@click.option("--dry-run", is_flag=True, help="Say what would be written; write nothing.")
@ROOT_OPTION
@TODAY_OPTION
@LANG_OPTION
@setup_errors
def import_rows(
    kind: str,
    csv_file: Path,
    mapping: str | None,
    aliases: tuple[str, ...],
    only: tuple[str, ...],
    owner: str | None,
    to: str | None,
    raised_by: str | None,
    dry_run: bool,
    root: Path | None,
    today: dt.date | None,
) -> None:
    """Create a KIND file for each row of a CSV export (Jira, Trello, Asana, a spreadsheet):
    next free ids, an `external:` link back to each row, nothing overwritten."""
    from riskdocs.importer import RowsRefusedError, import_csv
    from riskdocs.load.tree import DiskTree

    project_root = _project_root(root, [])
    repository, _refused = _repository(project_root)
    _speak(DiskTree(project_root))
    day = _day(DiskTree(project_root), today)
    defaults = {k: v for k, v in (("owner", owner), ("to", to), ("raised_by", raised_by)) if v}
    try:
        said = import_csv(
            project_root,
            repository,
            kind,
            csv_file,
            mapping,
            aliases,
            defaults,
            day,
            only=only,
            dry_run=dry_run,
        )
    except RowsRefusedError as refused:
        for problem in refused.problems:
            say(problem)
        say(_("riskdocs: {reason}; no file was written").format(reason=refused), err=True)
        sys.exit(1)
    for line in said:
        say(line)


@main.command()
@click.argument(
    "kind",
    type=click.Choice(("risk", "commitment", "concern", "change-request", "milestone", "lesson")),
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The CSV file to write (UTF-8 with a byte order mark, for Excel).",
)
@click.option(
    "--audience",
    type=click.Choice(("team", "client")),
    default="team",
    show_default=True,
    help="client leaves out `visibility: internal` records.",
)
@ROOT_OPTION
@LANG_OPTION
@setup_errors
def export(kind: str, output: Path, audience: str, root: Path | None) -> None:
    """Write every KIND record as a row of a CSV file, for a spreadsheet or a tracker."""
    from riskdocs.export import export as export_kind
    from riskdocs.load.tree import DiskTree

    tree = DiskTree(_project_root(root, []))
    _speak(tree)
    exported = export_kind(tree, kind, audience)
    output.write_bytes(exported.text.encode("utf-8"))
    say(
        ngettext(
            "riskdocs: wrote {count} {kind} row to {output}",
            "riskdocs: wrote {count} {kind} rows to {output}",
            exported.rows,
        ).format(count=exported.rows, kind=kind, output=output)
    )
    if exported.left_out:
        say(
            ngettext(
                "riskdocs: {count} {kind} file could not be read and is left out; "
                "`riskdocs validate` says why",
                "riskdocs: {count} {kind} files could not be read and are left out; "
                "`riskdocs validate` says why",
                exported.left_out,
            ).format(count=exported.left_out, kind=kind)
        )
