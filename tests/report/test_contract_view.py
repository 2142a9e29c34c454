"""The contract on the page and in status.json: internal unless `client_sees:` names the
part, amounts exact and in the page's language, deemed acceptance computed."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, REPO, TODAY, run

CONTRACT = "contract/contract.yaml"
AMOUNTS = ("184,000", "36,800", "55,200", "92,000", "184000", "36800")


def build(tmp_path: Path, audience: str, client_sees: str | None = "") -> tuple[dict, str]:
    """The example reported for `audience`, with `client_sees:` replaced (None: removed)."""
    root = tmp_path / f"p-{audience}-{client_sees}"
    shutil.copytree(EXAMPLE, root)
    path = root / CONTRACT
    text = re.sub(r"client_sees: .*\n", "", path.read_text())
    if client_sees:
        text += f"client_sees: {client_sees}\n"
    path.write_text(text)
    out = tmp_path / f"site-{audience}-{client_sees}"
    result = run("report", "--root", str(root), "-o", str(out), "--today", TODAY,
                 "--audience", audience)  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads((out / "status.json").read_text()), (out / "index.html").read_text()


def test_without_client_sees_nothing_of_the_contract_reaches_the_client(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", None)
    assert status["contract"] is None
    assert 'id="contract"' not in page and "NW-2026-014" not in page
    assert not [a for a in AMOUNTS if a in page or a in json.dumps(status)]
    team_status, team_page = build(tmp_path, "team", None)
    assert team_status["contract"]["value"] == "184000.00"
    assert "€184,000.00" in team_page and "NW-2026-014" in team_page


def test_client_sees_shows_exactly_the_parts_it_names(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", "[acceptance]")
    contract = status["contract"]
    assert contract["acceptance"] == {"window_days": 10, "deemed": True, "working_days": False}
    assert contract["value"] is contract["payments"] is contract["title"] is None
    assert "10 days to accept or reject a hand-over" in page
    assert not [a for a in AMOUNTS if a in page]
    status, page = build(tmp_path, "client", "[value, payments]")
    assert status["contract"]["value"] == "184000.00" and status["contract"]["acceptance"] is None
    assert [p["state"] for p in status["contract"]["payments"]] == ["paid", "planned", "planned"]
    assert "€55,200.00" in page and status["contract"]["note"] is None


def test_an_internal_deliverable_is_not_named_by_a_payment(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    scope = root / "scope" / "baseline.yaml"
    internal = "    milestone: M-03\n    visibility: internal\n  - id: D-04"
    scope.write_text(scope.read_text().replace("    milestone: M-03\n  - id: D-04", internal))
    contract = root / CONTRACT
    contract.write_text(contract.read_text().replace("[acceptance]", "[payments]"))
    out = tmp_path / "site"
    assert run("report", "--root", str(root), "-o", str(out), "--today", TODAY).exit_code == 0
    status = json.loads((out / "status.json").read_text())
    assert status["contract"]["payments"][2]["on_acceptance"] == ["D-02", "D-04"]
    assert "D-03" not in (out / "index.html").read_text()


def test_deemed_acceptance_is_computed_on_the_page(tmp_path: Path) -> None:
    """D-05 was handed over on 2026-11-20 with a 10-day deemed window: waiting until the
    30th, deemed accepted on the 30th once it has passed, and its payment falls due."""
    root = tmp_path / "p"
    shutil.copytree(EXAMPLE, root)
    contract = root / CONTRACT
    contract.write_text(contract.read_text().replace("[acceptance]", "[acceptance, payments]"))
    scope = root / "scope" / "baseline.yaml"
    scope.write_text(scope.read_text().replace("    state: in_progress\n", "    state: submitted\n"
                     "    submitted: {on: 2026-11-20, by: bob}\n", 1))  # D-01  # fmt: skip
    for day, state in (("2026-11-30", "waiting"), ("2026-12-01", "deemed")):
        out = tmp_path / day
        result = run("report", "--root", str(root), "-o", str(out), "--today", day)
        assert result.exit_code == 0, result.output
        status = json.loads((out / "status.json").read_text())
        items = {d["id"]: d for d in status["scope"]["baseline"]["deliverables"]}
        assert items["D-05"]["standing"]["state"] == state
        assert items["D-05"]["standing"]["window_ends"] == "2026-11-30"
    assert items["D-05"]["standing"]["on"] == "2026-11-30"
    payment = status["contract"]["payments"][1]
    assert (payment["state"], payment["due_on"]) == ("due", "2026-11-30")
    assert "deemed accepted 30 Nov 2026" in (out / "index.html").read_text()


@pytest.mark.parametrize(("amount", "currency", "expected"), [("480000", "CNY", "¥480,000.00")])
def test_amounts_are_shown_in_the_pages_language(
    tmp_path: Path, amount: str, currency: str, expected: str
) -> None:
    out = tmp_path / "site"
    example = REPO / "examples" / "huadong-website"
    result = run("report", "--root", str(example), "-o", str(out), "--today", TODAY,
                 "--audience", "team")  # fmt: skip
    assert result.exit_code == 0, result.output
    page = (out / "index.html").read_text()
    assert expected in page and "固定总价" in page and "合同" in page
    assert json.loads((out / "status.json").read_text())["contract"]["value"] == f"{amount}.00"
    assert currency == json.loads((out / "status.json").read_text())["contract"]["currency"]


def test_obligations_are_team_only_unless_client_sees_names_them(tmp_path: Path) -> None:
    status, page = build(tmp_path, "client", "[acceptance]")
    assert [c["id"] for c in status["commitments"]["items"] if c["id"].startswith("O-")] == []
    assert "security concept" not in page
    team, team_page = build(tmp_path, "team", "[acceptance]")
    ids = [c["id"] for c in team["commitments"]["items"]]
    assert "O-001" in ids and "O-002" in ids and "O-003" not in ids  # O-003 has no date yet
    assert [o["state"] for o in team["contract"]["obligations"]] == ["done", "done", "undated"]
    assert "30 days after M-03" in team_page
    shown, shown_page = build(tmp_path, "client", "[obligations]")
    assert "O-002" in [c["id"] for c in shown["commitments"]["items"]]
    assert "Northwind provides a sandbox of the payment gateway" in shown_page
    assert shown["contract"]["value"] is None and shown["contract"]["payments"] is None
