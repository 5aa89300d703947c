"""学年工作总结 (generator/site/year_summary.py, summary_year.md.j2) in a case the demo has not: a cadre who moved unit
between the year's halves — read off a real `mkdocs build` of the site's fixture records, as a 学工部 reads the page
(the HTML's text)."""
from __future__ import annotations

import html
import re

from site_build import fixture_repo, git, mkdocs_build


def _shown(built, rel: str) -> str:
    """A built page's text as it reads on screen (tags dropped)."""
    return html.unescape(re.sub(r"<[^>]+>", "", (built.public / rel).read_text(encoding="utf-8")))


def _table_rows(built, rel: str) -> list[list[str]]:
    """A built page's table rows, each its cells' text."""
    text = (built.public / rel).read_text(encoding="utf-8")
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", text, re.S)]


def _unit_rows(page: str) -> dict[str, list[str]]:
    """各单位情况's rows of a year's page (its generated Markdown) by unit: 应填报的干部（人） first."""
    table = page.split("## 各单位情况")[1]
    return {cells[0].strip("*"): cells[1:] for cells in
            (line.strip("| ").split(" | ") for line in table.splitlines() if line.startswith("| ") and "---" not in line)}


def _chen_gang_moves(records):
    """陈刚, 学工部's head, became 机械学院's 党委副书记 on 2026-03-01: 2025年下半年 in 党委学生工作部, 2026年上半年 in
    机械学院 (the cadre record's `earlier`, as records/cadres write a move)."""
    (records / "cadres" / "chen-gang.yaml").write_text(
        'name: 陈刚\nposition: 机械学院党委副书记\nunit: me\nactive_from: "2019-07-01"\n'
        'earlier:\n  - {until: "2026-02-28", unit: xgb, position: 党委学生工作部部长}\n', encoding="utf-8")


def test_a_cadre_who_moved_unit_in_the_year_counts_in_each_half_s_unit_once_and_is_named_with_both(tmp_path):
    # 陈刚 filed both halves late (2025-H2 on 2026-01-06, 2026-H1 on 2026-07-06), the first in 学工部, the second in
    # 机械学院. Each unit's row counts him for the half he was in it; the 合计 counts him once; the late table named
    # both units (党委学生工作部、机械学院) without saying which half each was — which unit answers for which ledger
    records = fixture_repo(tmp_path, _chen_gang_moves)
    ledger = (records / "ledgers" / "2025-H2" / "chen-gang.yaml").read_text(encoding="utf-8")
    (records / "ledgers" / "2026-H1" / "chen-gang.yaml").write_text(
        ledger.replace("2025-H2", "2026-H1").replace('"2025-10-08"', '"2026-04-08"').replace("2025h2-", "2026h1-"),
        encoding="utf-8")
    git(records.parent, "add", "records/ledgers/2026-H1")
    git(records.parent, "commit", "-q", "-m", "台账 2026-H1 陈刚", date="2026-07-06T10:00:00+08:00")
    built = mkdocs_build(records, tmp_path / "out", "2026-09-15")
    units = _unit_rows((built.generated / "summary" / "2025-2026.md").read_text(encoding="utf-8"))
    # (people, ledgers owed, filed, late): 学工部 him for 2025-H2; 机械学院 him for 2026-H1 and 李娜 for both halves
    assert [units[u][:4] for u in ("计算机学院", "机械学院", "党委学生工作部", "合计")] == [
        ["1", "2", "2", "0"], ["2", "3", "1", "1"], ["1", "1", "1", "1"], ["3", "6", "4", "2"]], units
    shown = _shown(built, "summary/2025-2026.html")
    assert "全校应填报工作台账的干部 3 人，应填报台账 6 份" in shown
    assert "逾期提交 1 人 2 份" in shown
    (row,) = [r for r in _table_rows(built, "summary/2025-2026.html") if r[:1] == ["陈刚"]]
    assert row[1:3] == ["党委学生工作部（2025年下半年）、机械学院（2026年上半年）", "逾期提交（2 份）"], row
    index = _shown(built, "summary/index.html")
    assert "2025-2026 学年：应填报工作台账的干部 3 人，应填报台账 6 份，已提交 4 份" in index
