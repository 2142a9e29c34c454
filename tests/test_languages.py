"""riskdocs in the client's language: every output of a zh-CN run is Chinese except what
the project's own files say, validate finds the same things at the same places in every
language, and the language is chosen by --lang, else project.language.

`pytest --update-expected` rewrites each invalid fixture's `expected.zh-CN.txt`."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path

import click
import icalendar
import pytest

from riskdocs import i18n
from riskdocs.cli import main
from tests.conftest import EXAMPLE, FIXTURES, REPO, TODAY, run

CHINESE_EXAMPLE = REPO / "examples" / "huadong-website"
INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]+")
# What a Chinese page may say in Latin letters besides the project's own words: the
# product and git, the files it links to, and the abbreviations Chinese writes in Latin too.
ALLOWED = {
    "riskdocs",
    "git",
    "status",
    "json",
    "schema",
    "calendar",
    "ics",
    "summary",
    "md",
    "NPS",
    "CPI",
    "SPI",
}  # the earned-value indices are known by their letters
# A line of validate's text output: place, severity and rule, then the message.
FINDING_LINE = re.compile(
    r"^(?P<place>\S+): (?P<severity>error|warning|info|ignored) \[(?P<rule>[^]]+)\] "
)


def project_words(root: Path) -> set[str]:
    """Every Latin word the project's own files hold (names, keys, ids, e-mail addresses):
    the page may show them in any language."""
    words: set[str] = set()
    for path in root.rglob("*"):
        if path.is_file():
            words |= set(LATIN_WORD.findall(path.read_text(encoding="utf-8")))
    return words


class _Text(HTMLParser):
    """What a person reads on a page: text (not styles, scripts or code) and the words
    screen readers and tooltips say (title, aria-label, and data-label, the phone's
    column names)."""

    SPOKEN = ("title", "aria-label", "data-label", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "code"):
            self.skipping.append(tag)
        self.parts += [value for name, value in attrs if name in self.SPOKEN and value]

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def calendar_text(ics: bytes) -> str:
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    return " ".join(str(e.get(key, "")) for e in events for key in ("SUMMARY", "DESCRIPTION"))


def foreign_words(text: str, own: set[str]) -> list[str]:
    """The Latin words of `text` that neither the project's files nor ALLOWED account for."""
    return sorted({w for w in LATIN_WORD.findall(text) if w not in own and w not in ALLOWED})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Path]:
    """The Chinese example's outputs, built once per (language, audience)."""
    made: dict[tuple[str, str], Path] = {}

    def build(language: str, audience: str) -> Path:
        if (language, audience) not in made:
            out = tmp_path_factory.mktemp(f"site-{language}-{audience}")
            result = run("report", "--root", str(CHINESE_EXAMPLE), "-o", str(out),
                         "--today", TODAY, "--audience", audience, "--lang", language)  # fmt: skip
            assert result.exit_code == 0, result.output
            made[language, audience] = out
        return made[language, audience]

    return build


READERS: dict[str, Callable[[Path], str]] = {
    "index.html": lambda out: page_text((out / "index.html").read_text(encoding="utf-8")),
    # Code spans (the commit) are code, as on the page.
    "summary.md": lambda out: re.sub(r"`[^`]*`", "", (out / "summary.md").read_text("utf-8")),
    "calendar.ics": lambda out: calendar_text((out / "calendar.ics").read_bytes()),
}


@pytest.mark.parametrize("audience", ["client", "team"])
@pytest.mark.parametrize("output", list(READERS))
def test_the_chinese_outputs_say_nothing_in_english(
    output: str, audience: str, built: Callable[[str, str], Path]
) -> None:
    own = project_words(CHINESE_EXAMPLE)
    assert foreign_words(READERS[output](built("zh-CN", audience)), own) == []
    # The same scan finds the English interface of the same project: it can fail.
    assert len(foreign_words(READERS[output](built("en", audience)), own)) > 5


def test_the_chinese_page_says_it_is_chinese(built: Callable[[str, str], Path]) -> None:
    html = (built("zh-CN", "client") / "index.html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "2026年11月26日" in html and "整体健康" in html


def _shape(value: object) -> object:
    """status.json with every text replaced by its type: what an interface promises."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return type(value).__name__


def test_status_json_keeps_its_keys_and_speaks_the_language_in_its_texts(
    built: Callable[[str, str], Path],
) -> None:
    english, chinese = (json.loads((built(lang, "client") / "status.json").read_text())
                        for lang in ("en", "zh-CN"))  # fmt: skip
    assert _shape(chinese) == _shape(english)
    assert chinese["health"]["overall"] == english["health"]["overall"] == "amber"
    assert chinese["health"]["reasons"] != english["health"]["reasons"]
    assert all(not LATIN_WORD.search(r.replace("R-001", "")) for r in chinese["health"]["reasons"])


def findings_of(output: str) -> list[tuple[str, ...]]:
    """(place, severity, rule) of each finding line: what must not depend on the language."""
    return [m.group("place", "severity", "rule") for line in output.splitlines()
            if (m := FINDING_LINE.match(line))]  # fmt: skip


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_validate_speaks_chinese_with_every_finding_where_it_was(
    case: Path, copy_case: Callable[[Path], Path], update_expected: bool
) -> None:
    root = copy_case(case)
    english = run("validate", "--root", str(root), "--today", TODAY)
    chinese = run("validate", "--root", str(root), "--today", TODAY, "--lang", "zh-CN")
    expected = case / "expected.zh-CN.txt"
    if update_expected:
        expected.write_text(chinese.output, encoding="utf-8")
    assert chinese.output == expected.read_text(encoding="utf-8")
    assert chinese.exit_code == english.exit_code
    assert findings_of(chinese.output) == findings_of(english.output)
    assert len(findings_of(chinese.output)) == len(english.output.splitlines()) - 1
    assert chinese.output.splitlines()[-1].startswith("riskdocs：检查了")


VALID = sorted(p for p in (FIXTURES / "valid").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", VALID, ids=[p.name for p in VALID])
def test_a_valid_project_passes_in_chinese_too(
    case: Path, copy_case: Callable[[Path], Path]
) -> None:
    root = copy_case(case)
    result = run("validate", "--root", str(root), "--today", TODAY, "--lang", "zh-CN")
    assert result.exit_code == 0, result.output
    passed = re.compile(r"riskdocs：检查了 \d+ 个文件，没有发现问题\n")
    assert passed.fullmatch(result.output), result.output


def test_project_language_chooses_the_language_and_lang_overrides_it(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(CHINESE_EXAMPLE, root)
    assert "检查了 30 个文件" in run("validate", "--root", str(root), "--today", TODAY).output
    english = run("validate", "--root", str(root), "--today", TODAY, "--lang", "en").output
    assert english.endswith("riskdocs: 30 files checked: 2 warnings, 1 info\n")
    config = root / "riskdocs.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: zh-CN\n", ""),
                      encoding="utf-8")  # fmt: skip
    assert "30 files checked" in run("validate", "--root", str(root), "--today", TODAY).output


def _commands(group: click.Group) -> Iterator[tuple[str, click.Command]]:
    yield from group.commands.items()


SILENT = {"schema"}  # prints JSON Schemas and names of kinds, which are an interface


@pytest.mark.parametrize("name", sorted(n for n, _c in _commands(main) if n not in SILENT))
def test_every_command_that_speaks_takes_lang(name: str) -> None:
    command = main.commands[name]
    assert any("--lang" in p.opts for p in command.params), name
    assert "zh-CN" in run(name, "--help").output


def test_the_rules_speak_chinese() -> None:
    result = run("rules", "--lang", "zh-CN")
    heading = "健康规则（名称、默认严重程度、方面、是否依赖日期、检查内容）："
    assert result.output.startswith(heading)
    assert "已过截止日期的未完成承诺。" in result.output
    assert "始终运行的检查：" in result.output
    one = run("rules", "commitment-overdue", "--lang", "zh-CN").output
    assert one.startswith("commitment-overdue（默认错误，方面：承诺，依赖日期）\n")
    assert "  grace_days：超过截止日期多少天后报告该承诺。默认值：0。" in one


def test_the_english_example_is_still_english(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run("report", "--root", str(EXAMPLE), "-o", str(out), "--today", TODAY).exit_code == 0
    assert '<html lang="en">' in (out / "index.html").read_text(encoding="utf-8")


def test_the_readme_builds_the_chinese_example_in_chinese(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    wanted = "riskdocs report --root examples/huadong-website"
    command = next(line for line in readme.splitlines() if line.startswith(wanted))
    args = command.split("riskdocs report ", 1)[1].split()
    args[args.index("-o") + 1] = str(tmp_path / "site-zh")
    args[args.index("--root") + 1] = str(CHINESE_EXAMPLE)
    result = run("report", *args)
    assert result.exit_code == 0 and "整体健康：黄" in result.output
    page = (tmp_path / "site-zh" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page
    validated = run("validate", "--root", str(CHINESE_EXAMPLE), "--today", TODAY).output
    assert f"`{validated.splitlines()[-1]}`" in readme


def test_a_word_written_in_a_template_is_said_in_the_language_of_each_render() -> None:
    """Found in use: the portfolio's red, amber and green stayed English on a Chinese page,
    because Jinja folded `"red" | word` into the language the template was compiled in."""
    from riskdocs.report.html import environment

    template = environment().from_string('{{ "overdue" | word }} {{ "2026-11-26" | day }}')
    try:
        i18n.use("en")
        assert template.render() == "overdue 26 Nov 2026"
        i18n.use("zh-CN")
        assert template.render() == "已逾期 2026年11月26日"
    finally:
        i18n.use("en")
