"""Surgical YAML edits: a value set in place or a list item appended, every other byte kept."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from riskdocs.edit import YamlText, scalar
from riskdocs.errors import RiskdocsError
from riskdocs.load.yamlsrc import parse_yaml


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_reads_back_as_itself(text: str) -> None:
    parsed = parse_yaml(f"key: {scalar(text)}\n")
    assert parsed.ok and parsed.data == {"key": text}


def test_plain_when_it_reads_back_plain_else_quoted() -> None:
    assert scalar("Waiting for the client") == "Waiting for the client"
    assert scalar("yes") == '"yes"' and scalar("12") == '"12"' and scalar("a: b") == '"a: b"'
    assert scalar("x #2") == '"x #2"' and scalar(date(2026, 12, 4)) == "2026-12-04"


@pytest.mark.parametrize(("line", "expected"), [
    ("due: 2026-11-27\n", "due: 2026-12-04\n"),
    ("due: 2026-11-27   # agreed in the steering meeting\n",
     "due: 2026-12-04   # agreed in the steering meeting\n"),
    ("due: '2026-11-27' # quoted\n", "due: 2026-12-04 # quoted\n"),
    ('due: "2026-11-27"\n', "due: 2026-12-04\n"),
])  # fmt: skip
def test_a_value_is_replaced_in_place_with_its_comment_kept(line: str, expected: str) -> None:
    edited = YamlText(f"# head\nid: C-001\n{line}status: open\n", "c.yaml")
    edited.set("due", date(2026, 12, 4))
    assert edited.text == f"# head\nid: C-001\n{expected}status: open\n"


def test_a_missing_key_goes_after_its_anchor_and_its_nested_lines() -> None:
    edited = YamlText("id: R-1\nprevention:\n  - action: a\n    due: 2026-01-01\n\n# end\n", "r")
    edited.set("review_by", date(2026, 2, 1), after=("prevention",))
    assert edited.text == (
        "id: R-1\nprevention:\n  - action: a\n    due: 2026-01-01\nreview_by: 2026-02-01\n\n# end\n"
    )


def test_items_are_appended_with_the_lists_own_indentation() -> None:
    edited = YamlText("reviews:\n- on: 2026-01-01\n  by: pm\nstatus: open\n", "r")
    edited.append("reviews", {"on": date(2026, 2, 1), "by": "pm", "note": None})
    assert edited.text == (
        "reviews:\n- on: 2026-01-01\n  by: pm\n- on: 2026-02-01\n  by: pm\nstatus: open\n"
    )
    empty = YamlText("reviews: []\nstatus: open\n", "r")
    empty.append("reviews", {"on": date(2026, 2, 1), "by": "pm"}, after=("status",))
    assert empty.text == "status: open\nreviews:\n  - on: 2026-02-01\n    by: pm\n"


def test_values_that_cannot_be_replaced_in_place_are_refused() -> None:
    folded = YamlText("title: >\n  A long\n  title\nid: R-1\n", "r.yaml")
    with pytest.raises(RiskdocsError, match="not a one-line value; set it by hand"):
        folded.set("title", "Short")
    with pytest.raises(RiskdocsError, match="cannot be read as a mapping"):
        YamlText("- a\n- b\n", "r.yaml").set("title", "x")


SCOPE = """\
signed_off: 2026-10-01  # by dana
deliverables:
  - id: D-01
    title: Login   # first
    acceptance:
      - Staff log in with SSO
    state: in_progress

  - id: D-02
    title: Invoices
    acceptance: [PDF download]
out_of_scope: [native apps]
"""


def test_a_key_of_a_list_item_is_set_in_place_or_after_its_anchor() -> None:
    edited = YamlText(SCOPE, "scope/baseline.yaml")
    edited.set("state", "delivered", within=("deliverables", 0))
    edited.set("delivered", date(2026, 11, 26), after=("state",), within=("deliverables", 0))
    edited.set("delivered", date(2026, 11, 27), after=("state",), within=("deliverables", 1))
    assert edited.text == SCOPE.replace(
        "    state: in_progress\n", "    state: delivered\n    delivered: 2026-11-26\n"
    ).replace("    acceptance: [PDF download]\n",
              "    acceptance: [PDF download]\n    delivered: 2026-11-27\n")  # fmt: skip
    assert parse_yaml(edited.text).data["deliverables"][1]["delivered"] == "2026-11-27"


def test_a_key_of_an_item_written_as_a_flow_mapping_is_refused() -> None:
    edited = YamlText("deliverables:\n  - {id: D-01, title: Login, state: planned}\n", "s.yaml")
    with pytest.raises(RiskdocsError, match=r"s.yaml:2: deliverables\[0\] is written as a"):
        edited.set("state", "delivered", within=("deliverables", 0))
