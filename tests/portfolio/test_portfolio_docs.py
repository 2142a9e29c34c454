"""docs/portfolio.md says what riskdocs does: its portfolio.yaml is valid, its error line
is the one printed, and its table names every column of the page."""

from __future__ import annotations

import re
from pathlib import Path

from riskdocs.portfolio.config import read_portfolio
from tests.conftest import REPO, run

DOC = (REPO / "docs" / "portfolio.md").read_text()


def example() -> str:
    found = re.search(r"```yaml\n(.*?)```", DOC, re.S)
    assert found
    return found.group(1)


def test_the_documented_portfolio_yaml_reads_as_documented(tmp_path: Path) -> None:
    (tmp_path / "portfolio.yaml").write_text(example())
    portfolio = read_portfolio(tmp_path / "portfolio.yaml")
    assert [e.key for e in portfolio.entries] == ["northwind-portal", "huadong-website"]
    assert portfolio.probability_scale == {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}
    assert (portfolio.stale_after_days, portfolio.timezone) == (7, "Europe/Berlin")


def test_the_documented_error_is_what_riskdocs_prints(tmp_path: Path) -> None:
    broken = re.sub(r"^(    status: published/huadong-website.*)$",
                    r"\1\n    checkout: ../huadong-website", example(), flags=re.M)  # fmt: skip
    (tmp_path / "portfolio.yaml").write_text(broken)
    result = run("portfolio", str(tmp_path / "portfolio.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    (documented,) = re.findall(r"^portfolio\.yaml:\d+:\d+: error .*$", DOC, re.M)
    assert documented in result.output.replace(f"{tmp_path}/", "")


def test_the_documented_columns_are_the_page_s(portfolio: Path) -> None:
    result = run("portfolio", str(portfolio), "-o", str(portfolio.parent / "site"),
                 "--today", "2026-11-30")  # fmt: skip
    page = (portfolio.parent / "site" / "index.html").read_text()
    head = re.search(r'<table class="sortable projects".*?<thead>(.*?)</thead>', page, re.S)
    assert head and result.exit_code == 1
    columns = re.findall(r"<th scope=\"col\">(.*?)</th>", head.group(1))
    table = DOC.split("### Projects", 1)[1].split("### Risk calibration", 1)[0]
    assert re.findall(r"^\| ([A-Z][^|]*?) \|", table, re.M) == columns
