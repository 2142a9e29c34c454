"""Property tests: whatever entities a user writes, no rule crashes and output is stable.

Hypothesis generates whole projects (every kind, with dates, statuses, renegotiations,
reviews, action items and thresholds drawn at random around a random `today`),
writes them as real files and runs the real pipeline twice.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riskdocs.finding import Finding
from tests.conftest import check_project

PEOPLE = ["alice", "bob", "dana"]
days = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 6, 30)).map(str)
maybe_day = st.none() | days
person = st.sampled_from(PEOPLE)
small = st.integers(min_value=0, max_value=40)


def entity(**fields: Any) -> st.SearchStrategy[dict[str, Any]]:
    """A mapping whose None values are left out, as a user leaves out a field."""
    return st.fixed_dictionaries(fields).map(
        lambda d: {k: v for k, v in d.items() if v is not None}
    )


renegotiation = entity(on=days, **{"from": days, "to": days}, agreed_by=person)
commitment = entity(
    title=st.just("A promise"), owner=person, to=person, made=days, due=days,
    status=st.sampled_from(["open", "done", "dropped"]), done=maybe_day,
    renegotiated=st.none() | st.lists(renegotiation, max_size=3),
)  # fmt: skip
risk = entity(
    title=st.just("A risk"), owner=st.none() | person, raised=days,
    probability=st.integers(1, 5), impact=st.integers(1, 5),
    status=st.sampled_from(["open", "watching", "occurred", "closed"]),
    response=st.none() | st.sampled_from(["avoid", "mitigate", "transfer", "accept", "escalate"]),
    prevention=st.none() | st.lists(
        entity(action=st.just("Act"), owner=person, due=days, done=maybe_day), max_size=3
    ),
    contingency=st.none() | st.just("Plan B"), review_by=maybe_day,
    reviews=st.none() | st.lists(entity(on=days, by=person), max_size=3),
    closed=maybe_day,
)  # fmt: skip
concern = entity(
    title=st.just("A concern"), raised=days, raised_by=person,
    severity=st.sampled_from(["low", "medium", "high", "critical"]),
    acknowledged=maybe_day, resolved=maybe_day,
)  # fmt: skip
milestone = entity(
    title=st.just("A milestone"), baseline=days, forecast=days,
    buffer_days=st.none() | small, done=maybe_day,
)  # fmt: skip
change = entity(
    title=st.just("A change"), raised=days, raised_by=person,
    status=st.sampled_from(["proposed", "approved", "rejected", "withdrawn"]),
    deliverables=st.none() | st.lists(st.sampled_from(["D-01", "D-02"]), max_size=2, unique=True),
    decided=maybe_day, decided_by=st.none() | person,
)  # fmt: skip
deliverable = entity(
    title=st.just("A deliverable"), acceptance=st.just(["It works"]), added=maybe_day,
    change_request=st.none() | st.just("CR-001"),
)  # fmt: skip
response = entity(
    date=days, **{"from": person},
    scores=st.none() | st.dictionaries(st.sampled_from(["quality", "speed"]), st.integers(1, 5)),
    nps=st.none() | st.integers(0, 10),
)  # fmt: skip
action_item = st.tuples(st.booleans(), st.none() | person, maybe_day).map(
    lambda t: (
        f"- [{'x' if t[0] else ' '}] {'@' + t[1] + ' ' if t[1] else ''}do it"
        + (f" due:{t[2]}" if t[2] else "")
    )
)
meeting = st.tuples(
    days, st.sampled_from(["status", "steering", "review"]), st.lists(action_item, max_size=4)
)
rules = st.dictionaries(
    st.sampled_from(["commitment-due-soon", "feedback-dropping", "milestone-buffer-low"]),
    st.sampled_from(["off", "info", "error"]),
)
project = st.fixed_dictionaries(
    {
        "commitments": st.lists(commitment, max_size=3),
        "risks": st.lists(risk, max_size=3),
        "concerns": st.lists(concern, max_size=2),
        "milestones": st.lists(milestone, max_size=2),
        "changes": st.lists(change, max_size=1),
        "deliverables": st.lists(deliverable, min_size=0, max_size=2),
        "signed_off": maybe_day,
        "feedback": st.lists(st.lists(response, min_size=1, max_size=2), max_size=2),
        "meetings": st.lists(meeting, max_size=3),
        "bands": st.tuples(st.integers(2, 25), st.integers(1, 24)),
        "rules": rules,
        "start": maybe_day,
        "today": days,
    }
)


ENTITY_FILES = (
    ("C-{:03d}", "commitments", "commitments"),
    ("R-{:03d}", "risks", "risks"),
    ("Q-{:03d}", "concerns", "concerns"),
    ("M-{:02d}", "milestones", "milestones"),
    ("CR-{:03d}", "scope/changes", "changes"),
)


def write(root: Path, spec: dict[str, Any]) -> None:
    """The generated project as the files a user would have written."""
    dump(root / "riskdocs.yaml", settings_of(spec))
    for id_format, folder, key in ENTITY_FILES:
        for number, data in enumerate(spec[key], start=1):
            entity_id = id_format.format(number)
            dump(root / folder / f"{entity_id}.yaml", {"id": entity_id, **data})
    if spec["deliverables"]:
        items = [{"id": f"D-{i:02d}", **d} for i, d in enumerate(spec["deliverables"], start=1)]
        signed = {"signed_off": spec["signed_off"]} if spec["signed_off"] else {}
        dump(root / "scope" / "baseline.yaml", {**signed, "deliverables": items})
    for index, responses in enumerate(spec["feedback"], start=1):
        period = f"2026-{index:02d}"
        dump(root / "feedback" / f"{period}.yaml", {"period": period, "responses": responses})
    for index, (day, kind, items) in enumerate(spec["meetings"]):
        front = {"date": day, "title": "M", "kind": kind, "attendees": PEOPLE}
        path = root / "meetings" / f"{day}-m{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{to_yaml(front)}---\n\n" + "\n".join(items) + "\n")


def settings_of(spec: dict[str, Any]) -> dict[str, Any]:
    high, medium = max(spec["bands"]), min(spec["bands"])
    project_data = {
        "name": "P",
        "client": "C",
        **({"start": spec["start"]} if spec["start"] else {}),
    }
    return {
        "project": project_data,
        "people": {p: {"name": p.title(), "side": "team"} for p in PEOPLE},
        "communication": {"weekly": {"every_days": 7, "kind": "status"}},
        "thresholds": {"risk_bands": {"high": high, "medium": medium if medium < high else 1}},
        "rules": spec["rules"],
    }


class _PlainDumper(yaml.SafeDumper):
    """Never writes anchors: riskdocs refuses them, and a user would not write them."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_PlainDumper, sort_keys=False)


def dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_yaml(data))


def findings_of(root: Path, today: str) -> list[Finding]:
    return check_project(root, date.fromisoformat(today)).findings


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=project)
def test_no_generated_project_makes_a_rule_crash_or_wobble(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, spec)
        first = findings_of(root, spec["today"])
        assert [f for f in first if f.rule == "internal-error"] == []
        assert all(f.rule and (f.line is None or f.line >= 1) for f in first)
        assert findings_of(root, spec["today"]) == first
