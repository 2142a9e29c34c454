"""The YAML reader: values as a person means them, positions, refused constructs."""

from __future__ import annotations

import textwrap

import pytest

from riskdocs.load.yamlsrc import HAS_LIBYAML, MAX_DEPTH, parse_yaml, resolve_plain


def problems(text: str) -> list[tuple[str, int, int]]:
    return [(p.rule, p.line, p.col) for p in parse_yaml(textwrap.dedent(text)).problems]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2026-11-25", "2026-11-25"),
        ("no", "no"),
        ("off", "off"),
        ("yes", "yes"),
        ("on", "on"),
        ("y", "y"),
        ("true", True),
        ("False", False),
        ("10:30", "10:30"),
        ("0755", "0755"),
        ("007.5", "007.5"),
        ("0", 0),
        ("42", 42),
        ("-3", -3),
        ("0x1F", 31),
        ("0o17", 15),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".inf", float("inf")),
        ("~", None),
        ("null", None),
        ("", None),
        ("R-003", "R-003"),
        ("1_000", "1_000"),
    ],
)
def test_plain_scalars_follow_yaml_1_2_core(text: str, value: object) -> None:
    assert resolve_plain(text) == value
    assert type(resolve_plain(text)) is type(value)


def test_dates_stay_strings_and_quotes_keep_text() -> None:
    parsed = parse_yaml("due: 2026-11-25\nprob: '4'\ntitle: !!str 2026\nn: !!int 7\n")
    assert parsed.data == {"due": "2026-11-25", "prob": "4", "title": "2026", "n": 7}


def test_positions_of_values_and_keys_are_one_based() -> None:
    parsed = parse_yaml("id: R-1\nprevention:\n  - action: x\n    due: 2026-11-10\n")
    assert parsed.positions.of_value(("id",)) == (1, 5)
    assert parsed.positions.of_value(("prevention", 0, "due")) == (4, 10)
    assert parsed.positions.of_key(("prevention", 0, "due")) == (4, 5)
    # missing paths fall back to the nearest enclosing value
    assert parsed.positions.of_value(("prevention", 0, "owner")) == (3, 5)


def test_line_offset_shifts_every_position() -> None:
    parsed = parse_yaml("a: [1\n", line_offset=10)
    assert [(p.line, p.rule) for p in parsed.problems] == [(12, "yaml-syntax")]
    assert parse_yaml("a: 1\n", line_offset=3).positions.of_value(("a",)) == (4, 4)


def test_syntax_error_reports_line_and_keeps_no_data() -> None:
    parsed = parse_yaml("id: R-1\ntitle: x\n  owner: alice\n")
    assert parsed.data is None
    assert [(p.rule, p.line) for p in parsed.problems] == [("yaml-syntax", 3)]
    assert "indent it as the fields around it" in parsed.problems[0].message


def test_tab_indentation_is_named() -> None:
    parsed = parse_yaml("a:\n\tb: 1\n")
    assert parsed.problems[0].line == 2
    assert "tab" in parsed.problems[0].message


def test_unclosed_quote_points_at_its_start() -> None:
    assert problems('a: 1\nb: "open\nc: 2\n') == [("yaml-syntax", 2, 4)]


def test_every_duplicate_key_is_reported_at_the_repeat() -> None:
    assert problems("""\
        a: 1
        b:
          c: 1
          c: 2
        a: 3
        """) == [("yaml-duplicate-key", 4, 3), ("yaml-duplicate-key", 5, 1)]
    assert parse_yaml("a: 1\na: 2\n").data is None


def test_anchors_aliases_and_merge_keys_are_refused() -> None:
    assert problems("""\
        base: &b {x: 1}
        other:
          <<: *b
        """) == [("yaml-anchor", 1, 7), ("yaml-anchor", 3, 7)]


def test_billion_laughs_does_not_expand() -> None:
    text = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    parsed = parse_yaml(text)
    assert parsed.data is None
    assert {p.rule for p in parsed.problems} == {"yaml-anchor"}


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/object/apply:os.system ['true']\n",
        "a: !!python/name:os.system\n",
        "a: !custom 1\n",
        "a: !!set {x}\n",
        "a: !!timestamp 2026-11-25\n",
        "a: !!binary aGk=\n",
    ],
)
def test_tags_beyond_the_core_ones_are_refused(text: str) -> None:
    parsed = parse_yaml(text)
    assert [p.rule for p in parsed.problems] == ["yaml-tag"]
    assert parsed.data is None


def test_wrong_explicit_core_tag_value_is_refused() -> None:
    assert problems("a: !!int x\n") == [("yaml-tag", 1, 4)]


def test_second_document_is_refused() -> None:
    assert problems("a: 1\n---\nb: 2\n") == [("yaml-multi-document", 2, 1)]


def test_complex_keys_are_refused() -> None:
    assert problems("? [a, b]\n: 1\n") == [("yaml-syntax", 1, 1)]


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    text = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert [p.rule for p in parse_yaml(text).problems] == ["yaml-syntax"]


def test_empty_and_comment_only_texts_have_no_data() -> None:
    assert parse_yaml("").data is None
    assert parse_yaml("# nothing\n").data is None
    assert parse_yaml("").ok


def test_libyaml_is_used_here() -> None:
    assert HAS_LIBYAML, "PyYAML without libyaml parses 8-9x slower; install a wheel with libyaml"


# Every syntax error says what to do, not only what libyaml found.
SYNTAX_ERRORS = {
    "%YAML 2.0\n---\na: 1\n": "riskdocs files need no directive",
    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n": "remove the second %YAML line",
    "%YAML 1\n---\na: 1\n": "write `%YAML 1.2`",
    "%FOO bar\n---\na: 1\n": "a line that starts with '%' is a YAML directive",
    "%YAML 1.1\na: 1\n": "the document must start with '---'",
    "%TAG ! a:\n%TAG ! a:\n---\na: 1\n": "remove the %TAG line",
    "a: !x!y 1\n": "riskdocs files do not use tags",
    "a: @alice\n": "must be quoted",
    "a: `code`\n": "must be quoted",
    'a: "C:\\dir"\n': "write \\\\ for a backslash",
    'a: "\\x4"\n': "need hex digits",
    'a: "x\n---\n"\n': "ends the document",
    "a: |0\n  x\n": "indentation from 1 to 9",
    "a: &\n": "may not use anchors",
    "a: b\n- c\n": "give every field of one block the same indentation",
    "a: 'x' y\n": "put the whole value in quotes",
    "a: [b\n": "is not closed",
    "a:\n\tb: 1\n": "indent with spaces",
}


@pytest.mark.parametrize("text", sorted(SYNTAX_ERRORS))
def test_every_syntax_error_has_a_hint(text: str) -> None:
    (problem,) = parse_yaml(text).problems
    assert problem.rule == "yaml-syntax"
    assert SYNTAX_ERRORS[text] in problem.message, problem.message


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("title: Share results #2 with sponsor\n", (1, 22)),
        ("---\nnote: see ticket #123\n", (2, 18)),
        ("status: open  # waiting for the client\n", None),
        ('title: "Share results #2"\n', None),
        ("title: issue#2\n", None),
        ("impact: 5 #3\n", None),
    ],
)
def test_a_comment_that_cuts_a_plain_text_short_is_a_warning(
    text: str, warned: tuple[int, int] | None
) -> None:
    parsed = parse_yaml(text)
    assert parsed.ok and parsed.data is not None, "the value is still read"
    places = [(w.rule, w.line, w.col) for w in parsed.warnings]
    assert places == ([("yaml-comment-in-value", *warned)] if warned else [])
