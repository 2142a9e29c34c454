"""The digest as an e-mail: addressed from the communication plan, sent over SMTP.

The message is multipart/alternative, a plain-text part and an HTML part (inline
styles, nothing loaded from anywhere), with a Message-ID and a boundary made from its
content, so the same digest is the same bytes. Its recipients are the people the
reporting cadence (a cadence with `channel: email`) requires, at their `email:`.
`send` speaks SMTP with the settings of `SmtpSettings.from_environment`; the password
is never printed, logged or kept in an error message.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr
from typing import Any

from riskdocs.errors import RiskdocsError
from riskdocs.i18n import _, listed
from riskdocs.model.entities import Cadence, Person, Settings
from riskdocs.report.digestout import render_html, render_text, title
from riskdocs.structs import struct

SENT_AT = time(9, 0)  # the Date header: 09:00 of the digest's day, in the project's zone


def reporting_cadence(settings: Settings) -> Cadence:
    """The cadence the update keeps: the first with `channel: email`."""
    for _name, cadence in sorted(settings.cadences.items()):
        if cadence.channel == "email":
            return cadence
    raise RiskdocsError(
        _(
            "no cadence in `communication:` of riskdocs.yaml has `channel: email`: add one "
            "(e.g. weekly-update, every_days: 7) that names the people to tell under `required:`"
        )
    )


def addresses(settings: Settings, keys: Sequence[str]) -> list[Person]:
    """The people `keys` name, each with an e-mail address, or an error naming who has none."""
    people = [settings.people[k] for k in keys if k in settings.people]
    missing = [p.key for p in people if not p.email]
    if missing:
        raise RiskdocsError(
            _("{keys}: no `email:` in `people:` of riskdocs.yaml; add their addresses").format(
                keys=listed(missing)
            )
        )
    return people


def sender(settings: Settings, key: str | None) -> Person:
    """Who the update is from: `key`, else the first person of the team with an address."""
    if key is not None:
        if key not in settings.people:
            raise RiskdocsError(_("--from {key}: not a key of `people:`").format(key=key))
        return addresses(settings, [key])[0]
    team = [p for _, p in sorted(settings.people.items()) if p.side == "team" and p.email]
    if not team:
        raise RiskdocsError(
            _("nobody on the team has an `email:` in riskdocs.yaml to send the update from")
        )
    return team[0]


def message(
    digest: Mapping[str, Any], settings: Settings, day: date, from_key: str | None = None
) -> EmailMessage:
    """The digest as an e-mail to the reporting cadence's people."""
    to = addresses(settings, reporting_cadence(settings).required)
    if not to:
        raise RiskdocsError(
            _("the reporting cadence names nobody under `required:` to send the update to")
        )
    text, page = render_text(digest), render_html(digest)
    mail = EmailMessage(policy=SMTP)
    mail["Subject"] = title(digest)
    mail["From"] = _address(sender(settings, from_key))
    mail["To"] = ", ".join(_address(p) for p in to)
    mail["Date"] = format_datetime(datetime.combine(day, SENT_AT, tzinfo=_zone(settings)))
    digest_hash = hashlib.sha256((text + page).encode("utf-8")).hexdigest()
    mail["Message-ID"] = f"<{digest_hash[:32]}@riskdocs.invalid>"
    mail["Auto-Submitted"] = "auto-generated"
    mail.set_content(text)
    mail.add_alternative(page, subtype="html")
    mail.set_boundary(f"riskdocs-{digest_hash[:24]}")
    return mail


def _address(person: Person) -> str:
    return formataddr((person.name, person.email or ""))


def _zone(settings: Settings) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.timezone or "UTC")


@struct(kw_only=False)
class SmtpSettings:
    """Where `--send` delivers: RISKDOCS_SMTP_HOST, _PORT, _STARTTLS, _USER, _PASSWORD."""

    host: str
    port: int
    starttls: bool
    user: str | None
    password: str | None

    @classmethod
    def from_environment(cls, env: Mapping[str, str] = os.environ) -> SmtpSettings:
        host = env.get("RISKDOCS_SMTP_HOST", "").strip()
        if not host:
            raise RiskdocsError(
                _(
                    "--send needs RISKDOCS_SMTP_HOST (and RISKDOCS_SMTP_PORT, RISKDOCS_SMTP_USER, "
                    "RISKDOCS_SMTP_PASSWORD as your server needs) in the environment"
                )
            )
        starttls = env.get("RISKDOCS_SMTP_STARTTLS", "true").strip().lower() not in (
            "false",
            "0",
            "no",
        )
        port_text = env.get("RISKDOCS_SMTP_PORT", "587" if starttls else "25").strip()
        if not port_text.isdigit():
            raise RiskdocsError(
                _("RISKDOCS_SMTP_PORT is {port!r}: write a port number, e.g. 587").format(
                    port=port_text
                )
            )
        return cls(host=host, port=int(port_text), starttls=starttls,
                   user=env.get("RISKDOCS_SMTP_USER") or None,
                   password=env.get("RISKDOCS_SMTP_PASSWORD") or None)  # fmt: skip


def send(mail: EmailMessage, smtp: SmtpSettings) -> list[str]:
    """Deliver `mail`; the addresses it went to. Errors say what failed, never the password."""
    import smtplib
    import ssl

    recipients = [a.strip() for a in str(mail["To"]).split(",")]
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=30) as server:
            if smtp.starttls:
                server.starttls(context=ssl.create_default_context())
            if smtp.user:
                server.login(smtp.user, smtp.password or "")
            refused = server.send_message(mail)
    except (OSError, smtplib.SMTPException) as exc:
        reason = str(exc).replace(smtp.password, "***") if smtp.password else str(exc)
        raise RiskdocsError(
            _("sending to {host}:{port} failed: {reason}").format(
                host=smtp.host, port=smtp.port, reason=reason
            )
        ) from None
    return [r for r in recipients if r not in refused]
