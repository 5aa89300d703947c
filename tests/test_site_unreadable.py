"""A ledger in Git that cannot be read on the site: handed in with errors (deadlines.rows, 6d6f1e1), so every
count and list of the site says what its period's table says.  The demo records in a Git repository of their
own, bai-taoyu's 2026-H1 ledger committed as `period: [2026-H1`, one real `mkdocs build --strict` as of
2026-07-05 (after its due day)."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from gitrepo import demo_records
from site_build import git, mkdocs_build

BROKEN = "ledgers/2026-H1/bai-taoyu.yaml"
_BUILT: dict = {}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if "site" not in _BUILT:
        base = tmp_path_factory.mktemp("unreadable")
        repo = base / "repo"
        records = repo / "records"
        demo_records(records)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "records")
        git(repo, "commit", "-q", "-m", "记录", date="2026-06-20T10:00:00+08:00")
        path = records / BROKEN
        path.write_text(path.read_text(encoding="utf-8").replace("period: 2026-H1", "period: [2026-H1", 1),
                        encoding="utf-8")
        git(repo, "add", "records")
        git(repo, "commit", "-q", "-m", "白涛玉 2026-H1", date="2026-06-28T10:00:00+08:00")
        _BUILT["site"] = mkdocs_build(records, base, "2026-07-05")
    return _BUILT["site"]


def _rows(page: str) -> list[str]:
    """The status cells of the period's table (附件2): its fifth column."""
    return [line.split(" | ")[4] for line in page.splitlines() if re.match(r"\| \d+ \| \[", line)]


def test_a_ledger_in_git_that_cannot_be_read_is_counted_as_submitted_where_its_row_says_so(built):
    # (the period page said 应填报 76 人，已提交 75 份 above a table with no 未提交 row and 白涛玉 按时（有错误，未通过）;
    # the summary, the home page, the periods' index and 附件2's downloads said 75 too)
    gen, pub = built.generated, built.public
    page = (gen / "ledgers/2026-H1.md").read_text(encoding="utf-8")
    rows = _rows(page)
    (mine,) = [line for line in page.splitlines() if "[白涛玉]" in line]
    assert "按时（有错误，未通过）" in mine, mine
    filed = sum("未提交" not in r and "豁免" not in r for r in rows)
    assert filed == len(rows), rows  # (all handed in: the one that cannot be read among them)
    words = f"应填报 {len(rows)} 人，已提交 {filed} 份"
    assert words in page, page[:2000]
    assert words in (gen / "summary/2026-H1.md").read_text(encoding="utf-8").replace("全校应填报工作台账 ", "应填报 ")
    assert f"| 已提交台账 | {filed} |" in (gen / "summary/2026-H1.md").read_text(encoding="utf-8")
    assert words in (gen / "index.md").read_text(encoding="utf-8")
    assert f"| 2026-06-30 | {len(rows)} | {filed} |" in (gen / "ledgers/index.md").read_text(encoding="utf-8")
    assert words in (pub / "ledgers/2026-H1.html").read_text(encoding="utf-8")
    downloads = pub / "downloads"
    data = json.loads((downloads / "attachment2-2026-H1.json").read_text(encoding="utf-8"))
    assert words in data["subtitle"] and data["counts"]["filed"] == filed, data["counts"]
    with open(downloads / "attachment2-2026-H1-counts.csv", encoding="utf-8-sig") as f:
        assert ["已提交（份）", str(filed)] in list(csv.reader(f))


def test_a_ledger_in_git_that_cannot_be_read_is_listed_as_not_accepted_on_the_home_and_unit_pages(built):
    # (its row said 按时（有错误，未通过）, but 过了截止日期仍未提交或未通过的台账 left it out: the unit's page said
    # 没有：截止日期已过的各期台账都已提交，且没有错误。, the home page did not list it)
    gen = built.generated
    for page, unit in (("index.md", "units/sba.md"), ("units/sba.md", "sba.md")):
        text = (gen / page).read_text(encoding="utf-8")
        behind = text[text.index("{ #behind }"):].split("\n## ")[0]
        (mine,) = [line for line in behind.splitlines() if "白涛玉" in line]
        assert f"[工商管理学院]({unit}) | 2026-06-30 | 已提交但有错误，未通过：YAML 语法错误" in mine, mine
        assert f"records/{BROKEN}:2:9" in re.sub(r"<[^>]+>", "", mine), mine  # (the file, in pieces broken after a slash only)
    unit = (gen / "units/sba.md").read_text(encoding="utf-8")
    assert "共 **1 份**" in unit and "都已提交，且没有错误" not in unit, unit


def test_a_ledger_in_git_that_cannot_be_read_is_said_unreadable_where_its_text_would_be_linked(built):
    # (its rows' 台账 column said —, as for a ledger never handed in, beside 按时（有错误，未通过）)
    pub = built.public
    for page in ("ledgers/2026-H1.html", "cadres/bai-taoyu.html"):
        text = (pub / page).read_text(encoding="utf-8")
        row = next(r for r in re.findall(r"<tr>.*?</tr>", text, re.S) if "按时（有错误，未通过）" in r)
        assert re.search(r'读不了，见<a href="\.\./findings(\.html)?">数据检查</a>', row), row
