"""The words of the page for the values the files hold: a status, a state, a band, an
area, a severity. The files, status.json and the view model keep the values
(`in_progress`, `due-soon`); only what a person reads is a word in their language."""

from __future__ import annotations

from riskdocs.i18n import N_, _

WORDS = {
    # health
    "green": N_("green"),
    "amber": N_("amber"),
    "red": N_("red"),
    # areas
    "risks": N_("risks"),
    "commitments": N_("commitments"),
    "scope": N_("scope"),
    "schedule": N_("schedule"),
    "cost": N_("cost"),
    "communication": N_("communication"),
    "satisfaction": N_("satisfaction"),
    # risk bands, concern severities
    "high": N_("high"),
    "medium": N_("medium"),
    "low": N_("low"),
    "critical": N_("critical"),
    # risk statuses
    "open": N_("open"),
    "watching": N_("watching"),
    "occurred": N_("occurred"),
    "closed": N_("closed"),
    # risk responses
    "avoid": N_("avoid"),
    "mitigate": N_("mitigate"),
    "transfer": N_("transfer"),
    "accept": N_("accept"),
    "escalate": N_("escalate"),
    # commitment states
    "overdue": N_("overdue"),
    "due-soon": N_("due soon"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    # milestone states
    "late": N_("late"),
    "on-track": N_("on track"),
    # deliverable states
    "planned": N_("planned"),
    "in_progress": N_("in progress"),
    "submitted": N_("submitted"),
    "accepted": N_("accepted"),
    "deemed": N_("deemed accepted"),
    "waiting": N_("awaiting acceptance"),
    # change requests
    "proposed": N_("proposed"),
    "approved": N_("approved"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
    # meeting kinds
    "status": N_("status"),
    "kickoff": N_("kickoff"),
    "review": N_("review"),
    "steering": N_("steering"),
    "retro": N_("retro"),
    "workshop": N_("workshop"),
    "escalation": N_("escalation"),
    "training": N_("training"),
    "other": N_("other"),
    # decisions people may make (`decides:`)
    "acceptance": N_("acceptance"),
    # channels
    "meeting": N_("meeting"),
    "call": N_("call"),
    "email": N_("e-mail"),
    "chat": N_("chat"),
    # agenda topics
    "progress": N_("progress"),
    "challenges": N_("challenges"),
    "next_steps": N_("next steps"),
    "decisions": N_("decisions"),
    # training kinds
    "project": N_("the project"),
    "tool": N_("a tool"),
    # the tone of a comment
    "positive": N_("positive"),
    "neutral": N_("neutral"),
    "negative": N_("negative"),
    # how someone was last in touch
    "met": N_("met"),
    "surveyed": N_("answered feedback"),
    "raised": N_("raised a concern"),
    "decided": N_("recorded a decision"),
    # responsibilities
    "responsible": N_("responsible"),
    "accountable": N_("accountable"),
    "consulted": N_("consulted"),
    "informed": N_("informed"),
    # a concern's steps
    "acknowledged": N_("acknowledged"),
    "resolved": N_("resolved"),
    # the sides
    "team": N_("team"),
    "client": N_("client"),
    # what a reference names
    "person": N_("person"),
    "cadence": N_("cadence"),
    "risk": N_("risk"),
    "commitment": N_("commitment"),
    "deliverable": N_("deliverable"),
    "change request": N_("change request"),
    "meeting note": N_("meeting note"),
    "concern": N_("concern"),
    "milestone": N_("milestone"),
    "lesson": N_("lesson"),
    "team pulse": N_("team pulse"),
    "training topic": N_("training topic"),
    "contract": N_("contract"),
    "budget": N_("budget"),
    # contracts and payments
    "fixed_price": N_("fixed price"),
    "time_and_materials": N_("time and materials"),
    "paid": N_("paid"),
    "invoiced": N_("invoiced"),
    "due": N_("due"),
    "undated": N_("not dated yet"),
    # finding severities
    "error": N_("error"),
    "warning": N_("warning"),
    "info": N_("info"),
    "ignored": N_("ignored"),
}


def word(value: str) -> str:
    """The word a person reads for `value`; a value riskdocs has no word for (a name the
    project chose) as it is written, with its dashes and underscores as spaces."""
    known = WORDS.get(value)
    return _(known) if known else value.replace("-", " ").replace("_", " ")
