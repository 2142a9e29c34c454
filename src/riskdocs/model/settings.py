"""riskdocs.yaml -> `Settings`: the project, its people, its communication plan and its
thresholds (merged over the defaults), plus the checks the schema cannot make.
"""

from __future__ import annotations

from riskdocs.finding import Finding, Severity
from riskdocs.i18n import _
from riskdocs.load.documents import Document, load_file
from riskdocs.load.kinds import CONFIG, CONFIG_FILE
from riskdocs.load.tree import Tree
from riskdocs.model import fields as f
from riskdocs.model.entities import (
    Cadence,
    Person,
    ResponseTarget,
    Responsibility,
    Settings,
    Source,
    Thresholds,
    TrainingTopic,
)
from riskdocs.model.workdays import CALENDAR, WEEKDAYS, DayOff, WorkCalendar


def build_thresholds(data: f.Data) -> Thresholds:
    """`thresholds:` merged key by key over the defaults."""
    defaults = Thresholds()
    targets = dict(defaults.concern_response)
    for severity, target in f.record(data, "concern_response").items():
        default, given = targets[severity], f.as_record(target)
        targets[severity] = ResponseTarget(
            acknowledge_days=f.whole(given, "acknowledge_days", default.acknowledge_days),
            resolve_days=f.whole(given, "resolve_days", default.resolve_days),
        )
    return Thresholds(
        risk_bands={**defaults.risk_bands, **f.whole_map(data, "risk_bands")},
        risk_review_days={**defaults.risk_review_days, **f.whole_map(data, "risk_review_days")},
        concern_response=targets,
    )


def _person(key: str, p: f.Data) -> Person:
    return Person(
        key=key,
        name=f.text(p, "name"),
        side=f.text(p, "side"),
        role=f.maybe_text(p, "role"),
        email=f.maybe_text(p, "email"),
        aliases=tuple(f.texts(p, "aliases")),
        timezone=f.maybe_text(p, "timezone"),
        decides=frozenset(f.texts(p, "decides")),
        influence=f.maybe_text(p, "influence"),
        channel=f.maybe_text(p, "channel"),
    )


def _cadence(name: str, c: f.Data) -> Cadence:
    return Cadence(
        name=name,
        every_days=f.whole(c, "every_days"),
        kind=f.maybe_text(c, "kind"),
        grace_days=f.whole(c, "grace_days", 0),
        required=f.texts(c, "required"),
        channel=f.maybe_text(c, "channel") or "meeting",
        agenda=f.texts(c, "agenda"),
        visibility=f.visibility(c),
    )


def _responsibility(key: str, r: f.Data) -> Responsibility:
    return Responsibility(
        key=key,
        accountable=f.text(r, "accountable"),
        responsible=f.texts(r, "responsible"),
        consulted=f.texts(r, "consulted"),
        informed=f.texts(r, "informed"),
        title=f.maybe_text(r, "title"),
        visibility=f.visibility(r),
    )


def _training(key: str, t: f.Data) -> TrainingTopic:
    return TrainingTopic(
        key=key,
        topic=f.text(t, "topic"),
        kind=f.text(t, "kind"),
        people=f.texts(t, "people"),
        before=f.maybe_text(t, "before"),
        visibility=f.visibility(t),
    )


def build_settings(document: Document) -> Settings:
    assert isinstance(document.data, dict)  # riskdocs.yaml passed its schema
    data: f.Data = document.data
    project = f.record(data, "project")
    people, plan = f.record(data, "people"), f.record(data, "communication")
    matrix, training = f.record(data, "responsibilities"), f.record(data, "training")
    return Settings(
        name=f.text(project, "name"),
        client=f.text(project, "client"),
        people={key: _person(key, f.record(people, key)) for key in people},
        cadences={name: _cadence(name, f.record(plan, name)) for name in plan},
        start=f.maybe_day(project, "start"),
        end=f.maybe_day(project, "end"),
        timezone=f.maybe_text(project, "timezone"),
        description=f.maybe_text(project, "description"),
        source=Source(path=document.path, positions=document.positions),
        thresholds=build_thresholds(f.record(data, "thresholds")),
        calendar=build_calendar(f.record(data, "calendar")),
        rules=dict(f.record(data, "rules")),
        heatmap=f.maybe_text(f.record(data, "report"), "heatmap") or "inherent",
        responsibilities={k: _responsibility(k, f.record(matrix, k)) for k in matrix},
        training={k: _training(k, f.record(training, k)) for k in training},
    )


def build_calendar(data: f.Data) -> WorkCalendar:
    """`calendar:` of riskdocs.yaml, entries as written (`settings_problems` checks that
    each is one day or a run of days)."""
    week = f.texts(data, "working_week") or WEEKDAYS[:5]

    def entries(key: str, default: str) -> tuple[DayOff, ...]:
        return tuple(
            DayOff(
                index=i,
                name=f.maybe_text(e, "name") or default,
                on=f.maybe_day(e, "on"),
                first=f.maybe_day(e, "from"),
                last=f.maybe_day(e, "to"),
            )
            for i, e in enumerate(f.records(data, key))
        )

    return WorkCalendar(
        count=f.maybe_text(data, "count") or CALENDAR,
        week=frozenset(WEEKDAYS.index(d) for d in week),
        days_off=entries("holidays", "holiday"),
        days_on=entries("working_days", "working day"),
    )


def timezone_in(tree: Tree) -> str | None:
    """`project.timezone` as riskdocs.yaml writes it, read before the pipeline runs so the
    CLI can fix the day every stage sees; None when unset or unreadable (the pipeline
    then says why)."""
    return _project_setting(tree, "timezone")


def language_in(tree: Tree) -> str | None:
    """`project.language` as riskdocs.yaml writes it, read before the pipeline runs so the
    CLI can choose the language every stage speaks; None when unset or unreadable."""
    return _project_setting(tree, "language")


def _project_setting(tree: Tree, key: str) -> str | None:
    document, _ = load_file(tree, CONFIG_FILE, CONFIG)
    project = document.data.get("project") if isinstance(document.data, dict) else None
    value = project.get(key) if isinstance(project, dict) else None
    return value if isinstance(value, str) else None


def settings_problems(settings: Settings) -> list[Finding]:
    """What the schema cannot see in riskdocs.yaml: band order, the project's dates in
    order, and the time zone name."""
    problems: list[Finding] = []
    if settings.start and settings.end and settings.end < settings.start:
        problems.append(
            _problem(
                settings.source,
                ("project", "end"),
                _(
                    "project.end {end} is before project.start {start}: correct whichever "
                    "date is wrong"
                ).format(end=settings.end, start=settings.start),
            )
        )
    bands, source = settings.thresholds.risk_bands, settings.source
    if bands["high"] <= bands["medium"]:
        problems.append(
            _problem(
                source,
                ("thresholds", "risk_bands", "high"),
                _("thresholds.risk_bands: high ({high}) must be above medium ({medium})").format(
                    high=bands["high"], medium=bands["medium"]
                ),
            )
        )
    problems.extend(_alias_problems(settings))
    for person in settings.people.values():
        if person.timezone is not None and not known_timezone(person.timezone):
            problems.append(
                _problem(
                    source,
                    ("people", person.key, "timezone"),
                    _(
                        "people.{key}.timezone: {timezone!r} is not an IANA time zone "
                        "name{hint}; write e.g. Europe/London or Asia/Shanghai"
                    ).format(
                        key=person.key,
                        timezone=person.timezone,
                        hint=timezone_hint(person.timezone),
                    ),
                )
            )
    problems.extend(_calendar_problems(settings))
    if settings.timezone is not None and not known_timezone(settings.timezone):
        problems.append(
            _problem(
                source,
                ("project", "timezone"),
                _(
                    "project.timezone: {timezone!r} is not an IANA time zone "
                    "name{hint}; write e.g. Europe/Berlin or America/New_York"
                ).format(timezone=settings.timezone, hint=timezone_hint(settings.timezone)),
            )
        )
    return problems


def _calendar_problems(settings: Settings) -> list[Finding]:
    """Each holiday is one day (`on:`) or a run of days (`from:` to `to:`, in order), each
    working day is one day (`on:`), and no day is both."""
    problems: list[Finding] = []
    calendar, source = settings.calendar, settings.source

    def say(key: str, entry: DayOff, message: str) -> None:
        problems.append(
            _problem(
                source, ("calendar", key, entry.index), f"calendar.{key}[{entry.index}]: {message}"
            )
        )

    for entry in calendar.days_off:
        ranged = entry.first is not None or entry.last is not None
        if (entry.on is None) == (not ranged):
            say("holidays", entry, _("write `on:` for one day, or `from:` and `to:` for several"))
        elif ranged and (entry.first is None or entry.last is None):
            say("holidays", entry, _("a run of days needs both `from:` and `to:`"))
        elif entry.first and entry.last and entry.last < entry.first:
            say(
                "holidays",
                entry,
                _("`to:` {last} is before `from:` {first}: swap them").format(
                    last=entry.last, first=entry.first
                ),
            )
    for entry in calendar.days_on:
        if entry.on is None:
            say("working_days", entry, _("write the day as `on:`"))
    for entry in calendar.days_on:
        if entry.on in calendar.holidays:
            say(
                "working_days",
                entry,
                _("{on} is also a holiday ({holidays}): keep it in one of the lists").format(
                    on=entry.on, holidays=calendar.holidays[entry.on]
                ),
            )
    return problems


def _alias_problems(settings: Settings) -> list[Finding]:
    """An alias must name one person: not two, and not someone else's key."""
    problems: list[Finding] = []
    claimed: dict[str, str] = {key.casefold(): key for key in settings.people}
    for person in settings.people.values():
        for alias in person.aliases:
            other = claimed.get(alias.casefold())
            if other is not None and other != person.key:
                problems.append(
                    _problem(
                        settings.source,
                        ("people", person.key, "aliases"),
                        _(
                            "people.{key}.aliases: {alias!r} already names {other}; an alias must "
                            "name one person: remove it from one of them"
                        ).format(key=person.key, alias=alias, other=other),
                    )
                )
            claimed.setdefault(alias.casefold(), person.key)
    return problems


def _problem(source: Source, path: tuple[str | int, ...], message: str) -> Finding:
    line, col = source.position(*path)
    return Finding(
        path=source.path,
        line=line,
        col=col,
        rule="config",
        severity=Severity.ERROR,
        message=message,
    )


def timezone_hint(name: str) -> str:
    """` (did you mean 'Asia/Shanghai'?)` for a misspelt zone name, or ""."""
    from zoneinfo import available_timezones

    from riskdocs.suggest import did_you_mean

    close = did_you_mean(name, sorted(available_timezones()), n=1)
    return _(" (did you mean {close!r}?)").format(close=close[0]) if close else ""


def known_timezone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only when a zone is set

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
