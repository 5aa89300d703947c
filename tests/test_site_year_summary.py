"""学年工作总结 (generator/site/year_summary.py, summary_year.md.j2) in two cases the demo has not: a cadre who moved unit
between the year's halves, and a year with no freshman class — each read off a real `mkdocs build` of the site's
fixture records, as a 学工部 reads the page (the HTML's text)."""
from __future__ import annotations

import html
import re

from site_build import fixture_repo, git, mkdocs_build
from test_site_page_memo import _file_2026_h2, _year_after


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


def test_a_year_whose_grade_has_no_class_records_says_so_and_the_index_still_lists_it(tmp_path):
    # 2026-2027 on the calendar, 张伟's 2026-H2 ledger filed, no class of 2026级 recorded: the page said 新生班级覆盖页面
    # 没有 2026-2027 学年的新生班级 and gave two reasons it might be (before the first cycle; no class records), of which
    # only the second is so
    records = fixture_repo(tmp_path, _year_after)
    _file_2026_h2(records)
    built = mkdocs_build(records, tmp_path / "out", "2026-12-25")
    shown = _shown(built, "summary/2026-2027.html")
    assert "新生班级覆盖（本学年）：还没有 2026 级新生班级的记录，无从统计。" in shown
    assert "第一个工作安排周期" not in shown
    before = _shown(built, "summary/2025-2026.html")  # (the year before: its freshmen counted, as ever)
    assert "新生班级覆盖（本学年）：2025-2026 学年新生班级 3 个" in before
    index = _shown(built, "summary/index.html")
    assert ("2026-2027 学年：应填报工作台账的干部 3 人，应填报台账 3 份，已提交 1 份，2 份尚未到截止日期（本学年尚未结束）"
            in index)


def _filed_before_the_first_cycle(records):
    """陈刚's ledger of 2025-H1, before the 2025-2027 cycle (the first): a 2024-2025 学年 on the site, whose 2024级
    class (计算机2401班) has a record but no assignment table to be judged by."""
    text = (records / "ledgers" / "2025-H2" / "chen-gang.yaml").read_text(encoding="utf-8")
    (records / "ledgers" / "2025-H1").mkdir()
    (records / "ledgers" / "2025-H1" / "chen-gang.yaml").write_text(
        text.replace("2025-H2", "2025-H1").replace('"2025-10-08"', '"2025-04-08"').replace("2025h2-", "2025h1-"),
        encoding="utf-8")


def test_a_year_before_the_first_assignment_cycle_says_its_freshmen_are_not_counted(tmp_path):
    built = mkdocs_build(fixture_repo(tmp_path, _filed_before_the_first_cycle), tmp_path / "out", "2026-03-25")
    shown = _shown(built, "summary/2024-2025.html")
    assert "新生班级覆盖（本学年）：本学年在第一个工作安排周期开始以前，没有安排表可依，不统计。" in shown
    assert "级新生班级的记录" not in shown
    index = _shown(built, "summary/index.html")
    assert "2024-2025 学年：应填报工作台账的干部 1 人，应填报台账 1 份，已提交 1 份" in index
