"""The same figure on two pages of the built site agrees (a 学工部 leader cross-checks them): each
test builds the site for real (`mkdocs build --strict`, tests/site_build.py) and reads both pages."""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_build import FIXTURE, FIXTURE_TODAY, ROOT, built_site, fixture_repo, git, mkdocs_build


def visible(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u200b", "")


def rows(page: str, header: str) -> list[list[str]]:
    """The body rows of the first table whose first header cell is `header`: each row its cells' HTML."""
    for table in re.findall(r"<table[^>]*>.*?</table>", page, re.S):
        head = re.search(r"<th[^>]*>(.*?)</th>", table, re.S)
        if head and visible(head.group(1)).strip() == header:
            return [re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S) for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]]
    return []


def chen_gang_moves(records):
    """陈刚 moves from 党委学生工作部 to 机械学院 on 2026-03-01 (records/cadres' `earlier`)."""
    path = records / "cadres" / "chen-gang.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("unit: xgb", "unit: me").replace(
        "position: 党委学生工作部部长", "position: 机械学院党委书记")
        + 'earlier:\n  - {until: "2026-02-28", unit: xgb, position: 党委学生工作部部长}\n', encoding="utf-8")


def chen_gang_escalates(records):
    """陈刚 (党委学生工作部) reports his 2025-H2 problem to 计算机学院党委 (已上报)."""
    path = records / "ledgers" / "2025-H2" / "chen-gang.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    status: 处理中", "    status: 已上报\n    escalated_to: 计算机学院党委"), encoding="utf-8")


def test_an_open_problem_is_on_the_page_of_the_unit_the_board_names(tmp_path):
    # 陈刚 moved from 党委学生工作部 to 机械学院 on 2026-03-01 (`earlier`); his open problem of
    # 2025-10 stays with 党委学生工作部, as the board, its download and the field's description say —
    # but the units' pages listed it under 机械学院, his unit now: the board's link to 党委学生工作部
    # led to a page without it, and 机械学院's page showed a problem the board files elsewhere
    site = mkdocs_build(fixture_repo(tmp_path, chen_gang_moves), tmp_path, FIXTURE_TODAY)
    board = (site.public / "feedback.html").read_text(encoding="utf-8")
    open_rows = rows(board, "编号")
    assert "2025h2-chen-gang-1" in [visible(cells[0]).strip() for cells in open_rows]
    for cells in open_rows:  # each open problem is on the page of the unit the board links
        thread = visible(cells[0]).strip()
        (unit_href,) = {h for c in cells for h in re.findall(r'href="(units/[^"#]+)"', c)}
        assert unit_href == "units/xgb.html" or thread != "2025h2-chen-gang-1"
        assert thread in unit_problems(site, unit_href), (thread, unit_href)
    assert "2025h2-chen-gang-1" not in unit_problems(site, "units/me.html")


def unit_problems(site, rel: str) -> str:
    """The visible text of a unit page's section of open problems."""
    page = (site.public / rel).read_text(encoding="utf-8")
    return visible(page.rsplit("未解决的学生问题", 1)[1])  # (the heading, after the table of contents)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built_site(tmp_path_factory)


def cells_text(page: str, header: str) -> list[list[str]]:
    return [[visible(c).strip() for c in r] for r in rows(page, header)]


def test_the_periods_problems_add_up_to_the_board_s(site):
    # 附件2 counted 742 problems over the periods, the board 530: a period's ledgers record their
    # follow-ups of earlier problems too, which the board joins to the first item — nothing said so
    index = (site.public / "ledgers/index.html").read_text(encoding="utf-8")
    table = cells_text(index, "期间")
    head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", index.split("<table", 1)[1], re.S)]
    fb, fu = head.index("学生反映（条）"), head.index("其中跟进")
    board = visible((site.public / "feedback.html").read_text(encoding="utf-8"))
    total, followups = map(int, re.search(r"共 (\d+) 条，另有以后各期的跟进 (\d+) 次", board).groups())
    assert sum(int(r[fb]) for r in table) - sum(int(r[fu]) for r in table) == total
    assert sum(int(r[fu]) for r in table) == followups
    for r in table:
        period = re.search(r"（(\d{4}-H\d)）", r[0]).group(1)
        text = visible((site.public / f"ledgers/{period}.html").read_text(encoding="utf-8"))
        assert f"学生反映问题和建议 {r[fb]} 条（其中跟进以往问题 {r[fu]} 条）" in text
        table_rows = cells_text((site.public / f"ledgers/{period}.html").read_text(encoding="utf-8"), "序号")
        assert sum(int(x[9]) for x in table_rows) == int(r[fb])  # (反映问题: the ledger's items, after 联系点)


def test_the_appraisal_s_problems_are_the_board_s_of_that_year_and_say_so(site):
    # 年度考核参考's 反映问题 counts the problems first raised that year (follow-ups not again) and
    # 已解决 those resolved by the site's day: their sums are the board's year, which the page did not
    # say — next to 附件2's counts of each ledger's items they looked wrong
    board = (site.public / "feedback.html").read_text(encoding="utf-8")
    years = {r[0].removesuffix("年"): r for r in cells_text(board, "年份")}
    pages = [site.public / "evaluation.html"] + sorted((site.public / "evaluation").glob("*.html"))
    assert len(pages) > 1
    for path in pages:
        page = path.read_text(encoding="utf-8")
        year = re.search(r"(\d{4}) 年度", visible(page)).group(1)
        table = cells_text(page, "姓名")
        assert (sum(int(r[5]) for r in table), sum(int(r[6]) for r in table)) == \
            (int(years[year][1]), int(years[year][3])), year
        text = visible(page)
        assert "以后各期的跟进不另计" in text and re.search(r"已解决：其中截至 \d{4}-\d\d-\d\d 已解决的", text)


def test_the_units_open_problems_say_why_they_add_up_to_more_than_the_home_page_s(tmp_path):
    # 陈刚 (党委学生工作部) reports a problem to 计算机学院党委: both units' pages list it, so the
    # units' index summed to more open problems than the home page had, and said nothing of it
    site = mkdocs_build(fixture_repo(tmp_path, chen_gang_escalates), tmp_path, FIXTURE_TODAY)
    index = (site.public / "units/index.html").read_text(encoding="utf-8")
    head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", index.split("<table", 1)[1], re.S)]
    col = head.index("未解决问题（含上报本单位的）")
    table = {r[0]: int(r[col]) for r in cells_text(index, "单位")}
    home = int(re.search(r"未解决 (\d+) 条", visible((site.public / "index.html").read_text(encoding="utf-8"))).group(1))
    assert table["计算机学院"] >= 1 and table["党委学生工作部"] >= 1
    assert sum(table.values()) == home + 1
    for unit in ("cs", "xgb"):
        assert "2025h2-chen-gang-1" in unit_problems(site, f"units/{unit}.html")
    assert "各单位之和可能大于首页的未解决条数" in visible(index)
    assert any(h.startswith("未覆盖新生班级（") and h.endswith("学年）") for h in head)  # (this year's, as the home page)


def test_a_problem_reported_to_a_committee_stays_on_its_unit_s_page_while_followed_up(tmp_path):
    # 陈刚 (党委学生工作部) reports a problem to 计算机学院党委 in 2025-H2, and in 2026-H1 follows it up as 处理中
    # (a follow-up recording progress names no escalated_to again): the 计算机学院 page listed it until that follow-up
    # and then no more, though it was still open and still with that committee (walk: 外国语学院's secretary missed a
    # problem escalated to her 党委, open for 608 days; `check --unit` left out its W-CHK-007 too)
    def escalates_then_follows_up(records):
        chen_gang_escalates(records)
        (records / "ledgers" / "2026-H1" / "chen-gang.yaml").write_text(
            "cadre: chen-gang\nperiod: 2026-H1\ncontact_points: [cs-2024-01]\nactivities:\n"
            "  - date: \"2026-03-12\"\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n    students: 20\n"
            "    summary: 与计算机2401班同学座谈，回访上期反映的问题。\nfeedback:\n"
            "  - id: 2026h1-chen-gang-1\n    follows: 2025h2-chen-gang-1\n    raised_on: \"2026-03-12\"\n"
            "    kind: 问题\n    category: 心理健康\n    description: 跟进上期反映：一名学生反映考试焦虑。\n"
            "    status: 处理中\n    note: 学院党委已安排心理老师，仍在跟进。\n", encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, escalates_then_follows_up), tmp_path, FIXTURE_TODAY)
    for unit in ("cs", "xgb"):  # (the committee's unit, and the cadre's)
        assert "2025h2-chen-gang-1" in unit_problems(site, f"units/{unit}.html"), unit
        assert "2026h1-chen-gang-1" in unit_problems(site, f"units/{unit}.html"), unit  # (its follow-up, in the row)
    assert "2025h2-chen-gang-1" not in unit_problems(site, "units/me.html")


def test_a_unit_s_open_problems_say_how_many_days_each_has_been_open_as_the_board_does(site):
    # a 学院党委 secretary reads her unit page's 未解决的学生问题 to ask which are old: it gave the day each was raised
    # and 超期 for the overdue, but not how many days it had been open — the board's 超期未解决 and 办理中 tables say
    # 已过天数 (walk: 外国语学院's page, four open problems, one of them open 542 days, read as a bare 2025-06-12)
    board = (site.public / "feedback.html").read_text(encoding="utf-8")
    ages = {}
    for page in [board] + [p.read_text(encoding="utf-8") for p in (site.public / "feedback").glob("*-*.html")]:
        for table in re.findall(r"<table[^>]*>.*?</table>", page, re.S):
            head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
            if head[:1] == ["编号"] and ("已过天数" in head or "天数" in head):
                col = head.index("已过天数" if "已过天数" in head else "天数")
                for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
                    cells = [visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
                    ages.setdefault(cells[0], cells[col])
    seen = 0
    for path in sorted(p for p in (site.public / "units").glob("*.html") if p.name != "index.html"):
        page = path.read_text(encoding="utf-8").rsplit("未解决的学生问题", 1)[1]
        if "<table" not in page:
            continue
        head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", page.split("</table>", 1)[0], re.S)]
        assert "已过天数" in head, (path.name, head)
        for cells in cells_text(page, "编号"):
            assert cells[head.index("已过天数")] == ages[cells[0]], (path.name, cells)
            seen += 1
    assert seen >= 2


def chart(page: str, title: str) -> dict[str, int]:
    """The bars of the page's first SVG chart titled `title` (as drawn for a desktop): {label: value}."""
    svg = re.search(r'<svg class="chart chart-wide"[^>]*aria-label="%s：.*?</svg>' % re.escape(title), page, re.S).group(0)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)[1:]
    return {texts[i]: int(texts[i + 1]) for i in range(0, len(texts), 2)}


def test_late_ledgers_are_counted_as_one_status_however_late(tmp_path):
    # 陈刚 filed 2025-H2 6 days late, 李娜 80: the summary's 填报状态 rows and the charts had a
    # row each, "逾期 6 天 1" and "逾期 80 天 1", and no count of the ledgers filed late
    def li_na_files_late(records):
        src = (records / "ledgers/2025-H2/chen-gang.yaml").read_text(encoding="utf-8")
        (records / "ledgers/2025-H2/li-na.yaml").write_text(
            src.replace("chen-gang", "li-na").replace("cs-2024-01", "me-2025-01"), encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, li_na_files_late), tmp_path, FIXTURE_TODAY)
    period = (site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8")
    late = [r for r in cells_text(period, "序号") if r[5].startswith("逾期")]  # (填报状态, after 联系点)
    assert sorted(r[5] for r in late) == ["逾期 6 天", "逾期 80 天"]  # (each ledger's row keeps its days)
    summary = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    figures = dict(r[:2] for r in cells_text(summary, "指标"))
    assert figures["填报状态：逾期提交"] == "2" and not [k for k in figures if "天" in k]
    assert chart(summary, "填报情况（人）")["逾期提交"] == 2
    home = (site.public / "index.html").read_text(encoding="utf-8")
    last = home.rsplit("上一期台账", 1)[1]  # (the heading, after the table of contents)
    assert chart(last, "2025年下半年填报情况（人）")["逾期提交"] == 2  # (the period in its title: the current one has its own)


def test_the_arrangement_names_a_cadre_who_moved_in_the_unit_they_are_in(tmp_path):
    # 陈刚 moved from 党委学生工作部 to 机械学院 on 2026-03-01; his contact point, held since
    # 2025-09-01, goes on. 附件1 (the arrangement as of the site's day) listed him as 党委学生工作部部长,
    # his post on the row's first day, while the units' index counted him in 机械学院
    site = mkdocs_build(fixture_repo(tmp_path, chen_gang_moves), tmp_path, FIXTURE_TODAY)
    a1 = cells_text((site.public / "attachment1.html").read_text(encoding="utf-8"), "序号")
    (row,) = [r for r in a1 if r[1] == "陈刚"]
    assert row[2:4] == ["机械学院", "机械学院党委书记"]
    in_office_are_attachment1_s(site)


def in_office_are_attachment1_s(site):
    """The units' index counts in office (在任干部) the cadres 附件1 lists under the unit (in these
    records every cadre in office holds a point)."""
    a1 = cells_text((site.public / "attachment1.html").read_text(encoding="utf-8"), "序号")
    index = (site.public / "units/index.html").read_text(encoding="utf-8")
    for r in cells_text(index, "单位"):
        assert int(r[2]) == len({x[1] for x in a1 if x[2] == r[0]}), r


def test_a_cadre_not_yet_in_office_is_not_counted_in_office(tmp_path):
    # 赵新 is entered ahead of his first day (2026-04-01, a week after the site's day) with his
    # contact point from that day: the units' index counted him 在任 in 计算机学院 (2 against
    # 附件1's 1), and the lists showed him as any other cadre
    def appointed(records):
        (records / "cadres/zhao-xin.yaml").write_text(
            "name: 赵新\nposition: 计算机学院院长\nunit: cs\ngit: zhao-xin\nactive_from: \"2026-04-01\"\n",
            encoding="utf-8")
        path = records / "assignments/2025-2027.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "  - cadre: zhao-xin\n    club: club-robotics\n"
                        "    start: \"2026-04-01\"\n    reason: 新任干部\n", encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, appointed), tmp_path, FIXTURE_TODAY)
    in_office_are_attachment1_s(site)
    for rel in ("cadres/index.html", "units/cs.html"):
        (row,) = [r for r in cells_text((site.public / rel).read_text(encoding="utf-8"), "姓名") if r[0] == "赵新"]
        assert "（2026-04-01 到任）" in " ".join(row), rel


def test_the_uncovered_classes_are_those_the_checks_warn_of(tmp_path):
    # the fixture's first assignment cycle starts 2025-09-01: the checks do not judge 2024-2025 (no
    # arrangement table yet), but the coverage page listed its class 计算机2401班 as 未覆盖 "宽限期至
    # 2024-10-01" — a grace period long over — and the units' index counted it, against 数据检查's two
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, FIXTURE_TODAY)
    coverage = (site.public / "coverage.html").read_text(encoding="utf-8")
    uncovered = {r[2] for r in cells_text(coverage, "学年")}
    findings = visible((site.public / "findings.html").read_text(encoding="utf-8"))
    warned = set(re.findall(r"W-CHK-001[^“]*新生班级“([^”]+)”", findings))
    assert uncovered == warned
    index = (site.public / "units/index.html").read_text(encoding="utf-8")
    assert sum(int(r[5]) for r in cells_text(index, "单位")) == len(warned)
    assert "宽限期至 2024-10-01" not in visible(coverage)


def test_a_site_built_as_of_a_past_day_counts_only_what_had_landed_by_then(tmp_path):
    # built as of 2026-01-02: 陈刚's 2025-H2 ledger landed on 2026-01-06 and 张伟's 2026-H1 one (the
    # follow-up resolving his 热水 problem) on 2026-03-20.  附件2 said 陈刚's was 未提交 yet counted
    # its activity and problem, 张伟's 2026-H1 was 已提交, the board and the home page counted both
    # ledgers' items: the site showed what was known later, unlike `check --today`
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, "2026-01-02")
    public = site.public

    def read(rel: str) -> str:
        return (public / rel).read_text(encoding="utf-8")

    h2 = {r[1]: r for r in cells_text(read("ledgers/2025-H2.html"), "序号")}
    assert (h2["陈刚"][5], h2["陈刚"][7], h2["陈刚"][9], h2["陈刚"][10]) == ("未提交", "0", "0", "—")  # (after 联系点)
    assert (h2["张伟"][5], h2["张伟"][7], h2["张伟"][9]) == ("按时", "2", "2")
    h1 = {r[1]: r for r in cells_text(read("ledgers/2026-H1.html"), "序号")}
    assert (h1["张伟"][5], h1["张伟"][7], h1["张伟"][10]) == ("未到截止日", "0", "—")
    home = visible(read("index.html"))
    assert "截止日期 2026-06-30（还有 179 天）；应填报 3 人，已提交 0 份" in home  # (the days left counted from the day built as of)
    assert "截止日期 2025-12-31；应填报 3 人，已提交 1 份" in home
    board = {r[0]: r for r in cells_text(read("feedback/2025-H2.html"), "编号")}
    assert "2025h2-chen-gang-1" not in board and "2026h1-zhang-wei-1" not in visible(read("feedback/2025-H2.html"))
    assert board["2025h2-zhang-wei-1"][7] == "已上报"  # (当前状态; its 2026-03 follow-up resolved it: not known yet)
    assert "2025-H2" not in {h for h in re.findall(r'id="(20\d\d-H\d)"', read("cadres/chen-gang.html"))}
    assert "2026-H1" not in {h for h in re.findall(r'id="(20\d\d-H\d)"', read("cadres/zhang-wei.html"))}
    # and `check --today` of the same day says the same of the problems (it counted 陈刚's, 超期)
    board = (public / "feedback.html").read_text(encoding="utf-8")
    overdue = [visible(r[0]).strip() for r in rows(board.split('id="overdue"', 1)[1].split('id="open"', 1)[0], "编号")]
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(site.records), "--today",
                            "2026-01-02", "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    report = json.loads(check.stdout)
    assert "2025h2-chen-gang-1" not in {r["root"] for r in report["feedback"]}
    assert sorted(r["root"] for r in report["feedback"] if r["overdue"]) == sorted(overdue)
    assert report["summary"]["feedback_overdue"] == len(overdue)
    assert {f["data"]["root"] for f in report["findings"] if f["code"] == "W-CHK-007"} == set(overdue)
    # the records without Git: what is dated after the day is not counted either (check counts no
    # activity after --today): 张伟's follow-up of 2026-03-10 and his activity that day, as of 03-05
    records = tmp_path / "no-git" / "records"
    shutil.copytree(FIXTURE, records)
    public = mkdocs_build(records, tmp_path / "no-git", "2026-03-05").public
    board = {r[0]: r for r in cells_text(read("feedback/2025-H2.html"), "编号")}
    assert board["2025h2-zhang-wei-1"][7] == "超期 已上报" and "2026h1-zhang-wei-1" not in visible(read("feedback/2025-H2.html"))
    assert re.search(r"本学期联系学生活动：\S+\s*共 0 次", visible(read("index.html")))


def test_a_cadre_s_problems_per_ledger_say_which_are_follow_ups_as_附件2_does(site):
    # a cadre page's 反映问题 counted the ledger's follow-ups of earlier problems too, without a word
    # (附件2 says “其中跟进”): beside the 反映的问题及办理 that join them, the numbers looked wrong
    checked = 0
    for path in sorted((site.public / "cadres").glob("*.html")):
        page = path.read_text(encoding="utf-8")
        table = cells_text(page, "期间")
        if not table:
            continue
        head = next(h for t in re.findall(r"<table[^>]*>.*?</thead>", page, re.S)
                    for h in [[visible(x).strip() for x in re.findall(r"<th[^>]*>(.*?)</th>", t, re.S)]] if h[0] == "期间")
        fb, fu = head.index("问题和建议"), head.index("其中跟进")
        assert "“问题和建议”是该期台账记录的学生反映的问题和建议的条数，与附件2相同，含对以往问题的跟进（“其中跟进”）" in visible(page)
        for r in table:
            period = re.search(r"\d{4}-H\d", r[0]).group(0)
            rows_2 = {x[1]: x for x in cells_text((site.public / f"ledgers/{period}.html").read_text(encoding="utf-8"), "序号")}
            name = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1).strip()
            assert r[fb] == rows_2[name][9], (path.name, period)  # (附件2's 问题和建议, the same count, after 联系点)
            section = page.split(f'id="{period}"', 1)[1].split("<h2", 1)[0] if f'id="{period}"' in page else ""
            assert int(r[fu]) == section.count("（跟进 "), (path.name, period)  # (the ledger's items that follow one up)
            checked += int(r[fu])
    assert checked > 0


def test_a_follow_up_dated_after_the_day_does_not_close_the_problem_it_follows(tmp_path):
    # the records without Git, as of 2026-03-05: 张伟's follow-up of 2026-03-10 resolves his 热水
    # problem of 2025-11-12.  The board left the follow-up out (not known yet: 已上报, 113 days), but
    # the checks still counted it, so the problem was not 超期 though older than 60 days
    records = tmp_path / "no-git" / "records"
    shutil.copytree(FIXTURE, records)
    public = mkdocs_build(records, tmp_path / "no-git", "2026-03-05").public
    board = (public / "feedback.html").read_text(encoding="utf-8")
    overdue = {visible(r[0]).strip(): [visible(c).strip() for c in r]
               for r in rows(board.split('id="overdue"', 1)[1].split('id="open"', 1)[0], "编号")}
    assert overdue["2025h2-zhang-wei-1"][2] == "113" and overdue["2025h2-zhang-wei-1"][6].endswith("已上报")
    home = visible((public / "index.html").read_text(encoding="utf-8"))
    assert f"超期 {len(overdue)} 条" in home
    # as `check --today 2026-03-05` says of the same records
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today",
                            "2026-03-05", "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    rows_ = {r["root"]: r for r in json.loads(check.stdout)["feedback"]}
    assert rows_["2025h2-zhang-wei-1"]["overdue"] and rows_["2025h2-zhang-wei-1"]["age_days"] == 113
    assert sorted(r for r, row in rows_.items() if row["overdue"]) == sorted(overdue)


def test_a_site_built_as_of_a_past_day_shows_no_assignment_change_not_made_yet(tmp_path):
    # 李娜 leaves her class on 2026-02-28 and takes up 机器人协会 on 2026-03-01.  As of 2026-01-02,
    # 附件1's 周期内的调整 and her page's 联系点变化 already showed both changes, weeks ahead
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)

    def changes(day: str) -> tuple[list, list]:
        public = mkdocs_build(records, tmp_path / day, day).public
        a1 = (public / "attachment1.html").read_text(encoding="utf-8")
        section = a1.split("周期内的调整</h2>", 1)[1].split("<h2", 1)[0]
        page = (public / "cadres/li-na.html").read_text(encoding="utf-8")
        return cells_text(section, "日期"), cells_text(page, "周期")

    a1, li_na = changes("2026-01-02")
    assert a1 == [] and [r[1] for r in li_na] == ["机械2501班"]
    a1, li_na = changes(FIXTURE_TODAY)  # (both made by then)
    assert [r[0] for r in a1] == ["2026-02-28", "2026-03-01"] and [r[1] for r in li_na] == ["机械2501班", "机器人协会"]


def wang_fang_joins_on(records, day: str) -> None:
    """A new cadre, 王芳, whose only assignment row (机器人协会) starts on `day`."""
    (records / "cadres/wang-fang.yaml").write_text(
        'name: 王芳\nposition: 机械学院副院长\nunit: me\nactive_from: "2020-01-01"\n', encoding="utf-8")
    cycle = records / "assignments/2025-2027.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8")
                     + f'  - cadre: wang-fang\n    club: club-robotics\n    start: "{day}"\n', encoding="utf-8")


def test_a_site_built_before_a_cadres_first_assignment_says_when_it_begins(tmp_path):
    # As of 2026-01-02, 王芳's only row (from 2026-03-01) is not begun: her page said the assignment
    # table had no contact point for her at all, though it has one, from 2026-03-01
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)
    wang_fang_joins_on(records, "2026-03-01")
    page = (mkdocs_build(records, tmp_path / "site", "2026-01-02").public / "cadres/wang-fang.html").read_text(encoding="utf-8")
    section = visible(page.split("联系点变化</h2>", 1)[1].split("<h2", 1)[0])
    assert "没有此人的联系点" not in section
    assert "此人的联系点自 2026-03-01 起" in section, section


def test_a_site_built_as_of_a_past_day_lists_no_assignment_row_not_begun_in_its_full_records(tmp_path):
    # As of 2026-01-02, 附件1 and its 周期内的调整 no longer showed 李娜's 机器人协会 (from 2026-03-01)
    # or 王芳's (from 2026-02-01), yet the cycle's full-records page and the assignments-all download did
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)
    wang_fang_joins_on(records, "2026-02-01")

    def listed(day: str) -> tuple[list, list, list]:
        public = mkdocs_build(records, tmp_path / day, day).public
        page = (public / "attachment1/2025-2027.html").read_text(encoding="utf-8")
        table = json.loads((public / "downloads/assignments-all.json").read_text(encoding="utf-8"))
        csv = (public / "downloads/assignments-all.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
        return ([(r[0], r[2]) for r in cells_text(page, "姓名")], [(r["name"], r["point_name"]) for r in table["rows"]],
                [tuple(line.split(",")[i] for i in (1, 4)) for line in csv])

    begun = [("张伟", "计算机2501班"), ("李娜", "机械2501班"), ("陈刚", "计算机2401班")]
    later = [("李娜", "机器人协会"), ("王芳", "机器人协会")]
    for rows_ in listed("2026-01-02"):
        assert sorted(rows_) == sorted(begun), rows_
    page = visible((tmp_path / "2026-01-02/public/attachment1/2025-2027.html").read_text(encoding="utf-8"))
    assert "另有 2 条安排在 2026-01-02 以后才开始" in page  # (left out, and said so)
    for rows_ in listed(FIXTURE_TODAY):  # (all begun by then)
        assert sorted(rows_) == sorted(begun + later), rows_


def test_a_site_built_as_of_a_past_day_shows_an_assignment_running_whose_early_end_came_later(tmp_path):
    # 李娜's class ends early on 2026-02-28 (调整为联系社团).  As of 2026-01-02, 周期内的调整 left that
    # change out, yet the cycle's full records, the assignments-all download and her 联系点变化 still
    # showed "2025-09-01 至 2026-02-28 · 调整为联系社团", a change not made yet
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)

    def li_na(day: str) -> list:
        public = mkdocs_build(records, tmp_path / day, day).public
        page = cells_text((public / "attachment1/2025-2027.html").read_text(encoding="utf-8"), "姓名")
        table = json.loads((public / "downloads/assignments-all.json").read_text(encoding="utf-8"))["rows"]
        mine = cells_text((public / "cadres/li-na.html").read_text(encoding="utf-8"), "周期")
        return ([(r[5], r[6]) for r in page if r[0] == "李娜" and r[2] == "机械2501班"],
                [(f"{r['start']} 至 {r['end']}", r["reason"]) for r in table
                 if r["name"] == "李娜" and r["point_name"] == "机械2501班"],
                [(r[4], r[5]) for r in mine if r[1] == "机械2501班"])

    for shown in li_na("2026-01-02"):  # (as the arrangement stood then: to the cycle's end)
        assert shown == [("2025-09-01 至 2027-08-31", "")], shown
    for shown in li_na(FIXTURE_TODAY):  # (ended early by then)
        assert shown == [("2025-09-01 至 2026-02-28", "调整为联系社团")], shown



def test_a_departure_recorded_ahead_ends_the_cadres_row_on_their_last_day_as_their_page_says(tmp_path):
    # 陈刚 retires on 2026-12-31 (active_to, recorded on 2026-03-10); his row has no end.  As of 2026-03-25
    # 附件1, the cycle's full records, the downloads and his own page showed the row "2025-09-01 至
    # 2027-08-31" with no reason, while 任职 on the same page said "至 2026-12-31": the row is now shown as
    # it will read after that day (to his last day, 离任) — on a day before the departure was recorded,
    # as that day's records (Git) had it
    # (李娜 too, whose club row, begun inside the cycle, has its start's reason: it stays, her departure after it;
    # and 张伟, whose row the administrator ended on his last day with its reason, as the admin guide writes it)
    records = fixture_repo(tmp_path)
    for cadre in ("chen-gang", "li-na", "zhang-wei"):
        cadre = records / f"cadres/{cadre}.yaml"
        cadre.write_text(cadre.read_text(encoding="utf-8") + 'active_to: "2026-12-31"\n', encoding="utf-8")
    cycle = records / "assignments/2025-2027.yaml"
    cycle.write_text(cycle.read_text(encoding="utf-8").replace(
        '    class: cs-2025-01\n    start: "2025-09-01"\n',
        '    class: cs-2025-01\n    start: "2025-09-01"\n    end: "2026-12-31"\n    reason: 张伟调离\n', 1), encoding="utf-8")
    git(records.parent, "commit", "-q", "-am", "陈刚、李娜、张伟 2026-12-31 离任", date="2026-03-10T09:00:00+08:00")

    others = []

    def chen_gang(day: str) -> tuple:
        public = mkdocs_build(records, tmp_path / day, day).public
        a1 = cells_text((public / "attachment1.html").read_text(encoding="utf-8"), "序号")
        page = cells_text((public / "attachment1/2025-2027.html").read_text(encoding="utf-8"), "姓名")
        table = json.loads((public / "downloads/assignments-all.json").read_text(encoding="utf-8"))["rows"]
        sheet = json.loads((public / "downloads/attachment1.json").read_text(encoding="utf-8"))["rows"]
        own = (public / "cadres/chen-gang.html").read_text(encoding="utf-8")
        changes = visible((public / "attachment1.html").read_text(encoding="utf-8")
                          .split("周期内的调整</h2>", 1)[1].split("<h2", 1)[0])
        others.append(([(r[5], r[6]) for r in page if r[0] == "李娜" and r[2] == "机器人协会"],
                       [r[8] for r in a1 if r[1] == "张伟"], [(r[5], r[6]) for r in page if r[0] == "张伟"]))
        return ([r[8] for r in a1 if r[1] == "陈刚"], [(r[5], r[6]) for r in page if r[0] == "陈刚"],
                [(r["start"], r["end"], r["reason"]) for r in table if r["name"] == "陈刚"],
                [(r["end"], r["ended_why"]) for r in sheet if r["name"] == "陈刚"],
                [(r[4], r[5]) for r in cells_text(own, "周期") if r[1] == "计算机2401班"],
                "至 2026-12-31" in visible(own.split("任职", 1)[1].split("</tr>", 1)[0]), "陈刚" in changes)

    before = chen_gang("2026-03-05")  # (not recorded yet: running to the cycle's end, his office too)
    assert before == (["2025-09-01 至 2027-08-31"], [("2025-09-01 至 2027-08-31", "")],
                      [("2025-09-01", "2027-08-31", "")], [("2027-08-31", "")], [("2025-09-01 至 2027-08-31", "")],
                      False, False), before
    recorded = chen_gang(FIXTURE_TODAY)  # (recorded: his last day, as 任职 says; no change made yet)
    assert recorded == (["2025-09-01 至 2026-12-31（离任）"], [("2025-09-01 至 2026-12-31", "2026-12-31 离任")],
                        [("2025-09-01", "2026-12-31", "2026-12-31 离任")], [("2026-12-31", "离任")],
                        [("2025-09-01 至 2026-12-31", "2026-12-31 离任")], True, False), recorded
    assert others == [([("2026-03-01 至 2027-08-31", "调整为联系社团")], ["2025-09-01 至 2027-08-31"],
                       [("2025-09-01 至 2027-08-31", "")]),
                      ([("2026-03-01 至 2026-12-31", "调整为联系社团；2026-12-31 离任")], ["2025-09-01 至 2026-12-31（离任）"],
                       [("2025-09-01 至 2026-12-31", "张伟调离")])], others
    # (附件1's Excel and CSV say why the row ends, as the page's （离任）: they gave the end alone)
    head = (tmp_path / FIXTURE_TODAY / "public/downloads/attachment1.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert head.endswith(",开始日期,结束日期,结束原因"), head
    after = chen_gang("2027-01-05")  # (the day passed: the row reads as it did, no longer in 附件1, now a change made)
    assert [after[i] for i in (1, 2, 4)] == [recorded[i] for i in (1, 2, 4)] and after[0] == after[3] == [], after
    assert after[-1], after
    assert (others[-1][0], others[-1][2]) == (others[-2][0], others[-2][2]), others


def test_a_site_built_as_of_a_past_day_lists_no_later_cycle_among_the_earlier_ones(tmp_path):
    # As of 2026-01-02, 附件1's 以往周期 listed the 2027-2029 cycle (from 2027-09-01) with 0 rows
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)
    for cycle, start, end, row_start in (("2023-2025", "2023-09-01", "2025-08-31", "2024-09-01"),
                                         ("2027-2029", "2027-09-01", "2029-08-31", "2027-09-01")):
        (records / f"assignments/{cycle}.yaml").write_text(
            f'cycle: {cycle}\nstart: "{start}"\nend: "{end}"\nassignments:\n'
            f'  - cadre: chen-gang\n    class: cs-2024-01\n    start: "{row_start}"\n', encoding="utf-8")
    public = mkdocs_build(records, tmp_path / "site", "2026-01-02").public
    page = (public / "attachment1.html").read_text(encoding="utf-8")
    earlier = cells_text(page.split('id="earlier"', 1)[1], "周期")
    assert [r[0] for r in earlier] == ["2023-2025 周期"], earlier


def test_a_site_built_as_of_a_past_day_shows_running_an_assignment_whose_class_graduates_later(tmp_path):
    # 陈刚's class 计算机2401班 ends (graduates) on 2026-06-30 (its until).  As of 2026-01-02 附件1,
    # the cycle's full records and his 联系点变化 showed his row running to the cycle's end,
    # "2025-09-01 至 2027-08-31": an end the class will never reach
    records = tmp_path / "records"
    shutil.copytree(FIXTURE, records)
    classes = records / "classes/2024.yaml"
    classes.write_text(classes.read_text(encoding="utf-8") + '    until: "2026-06-30"\n', encoding="utf-8")

    def chen_gang(day: str) -> tuple[list, list, list, list]:
        public = mkdocs_build(records, tmp_path / day, day).public
        a1 = cells_text((public / "attachment1.html").read_text(encoding="utf-8"), "序号")
        page = cells_text((public / "attachment1/2025-2027.html").read_text(encoding="utf-8"), "姓名")
        table = json.loads((public / "downloads/assignments-all.json").read_text(encoding="utf-8"))["rows"]
        mine = cells_text((public / "cadres/chen-gang.html").read_text(encoding="utf-8"), "周期")
        return ([r[8] for r in a1 if r[1] == "陈刚"], [(r[5], r[6]) for r in page if r[0] == "陈刚"],
                [(r["start"], r["end"], r["reason"]) for r in table if r["name"] == "陈刚"],
                [(r[4], r[5]) for r in mine])

    on_the_day = chen_gang("2026-01-02")  # (running: the class still there, its end not shown)
    assert on_the_day == (["2025-09-01 起"], [("2025-09-01 起", "")], [("2025-09-01", "", "")],
                          [("2025-09-01 起", "")]), on_the_day
    after = chen_gang("2026-07-15")  # (ended with its class by then)
    assert after == ([], [("2025-09-01 至 2026-06-30", "班级于 2026-06-30 结束")],
                     [("2025-09-01", "2026-06-30", "班级于 2026-06-30 结束")],
                     [("2025-09-01 至 2026-06-30", "班级于 2026-06-30 结束")]), after


def test_a_site_built_as_of_a_past_day_shows_a_ledger_as_it_was_committed_on_that_day(tmp_path):
    # 张伟 added a third activity to his 2025-H2 ledger on 2026-04-01: the site built as of 2026-03-25
    # counted it (附件2 said 3 activities), as `check --today 2026-03-25` did — the content of April
    records = fixture_repo(tmp_path)
    path = records / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("feedback:\n", (
        '  - date: "2025-12-10"\n    form: 个体谈话\n    place: 进宿舍\n    channel: 面对面\n    students: 3\n'
        "    summary: 回访南湖1舍，了解热水供应的改善情况。\nfeedback:\n"), 1), encoding="utf-8")
    git(records.parent, "commit", "-q", "-am", "张伟补记一次活动", date="2026-04-01T09:00:00+08:00")
    public = mkdocs_build(records, tmp_path, "2026-03-25").public
    h2 = {r[1]: r for r in cells_text((public / "ledgers/2025-H2.html").read_text(encoding="utf-8"), "序号")}
    assert h2["张伟"][7] == "2", h2["张伟"]  # (活动次数, after 联系点)
    assert "回访南湖1舍" not in (public / "cadres/zhang-wei.html").read_text(encoding="utf-8")
    later = mkdocs_build(records, tmp_path / "later", "2026-04-02").public
    h2 = {r[1]: r for r in cells_text((later / "ledgers/2025-H2.html").read_text(encoding="utf-8"), "序号")}
    assert h2["张伟"][7] == "3", h2["张伟"]


def _wang_fang_files_unowed(records):
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n"), encoding="utf-8")
    (records / "cadres/wang-fang.yaml").write_text(
        'name: 王芳\nposition: 机械学院副院长\nunit: me\nactive_from: "2021-03-01"\n', encoding="utf-8")
    with (records / "clubs.yaml").open("a", encoding="utf-8") as f:
        f.write("  - {id: club-chorus, name: 合唱团, unit: me, category: 文艺}\n")
    with (records / "assignments/2025-2027.yaml").open("a", encoding="utf-8") as f:
        f.write('  - cadre: wang-fang\n    club: club-chorus\n    start: "2025-12-25"\n')
    (records / "ledgers/2025-H2/wang-fang.yaml").write_text(
        'cadre: wang-fang\nperiod: 2025-H2\ncontact_points: [club-chorus]\nactivities:\n  - date: "2025-12-28"\n'
        '    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 20\n'
        '    summary: 参加合唱团新年排练，与同学们交流。\n', encoding="utf-8")


def _li_na_exempt(records):
    (records / "exemptions.yaml").write_text(
        "exemptions:\n  - cadre: li-na\n    rules: [ledger]\n    start: 2025-07-01\n    end: 2025-12-31\n"
        "    reason: 挂职锻炼\n    approved_by: 王管理\n", encoding="utf-8")


def test_a_ledger_handed_in_by_a_cadre_who_did_not_owe_it_is_not_counted_as_one_of_those_owed(tmp_path):
    # 王芳 took over a club on 2025-12-25, seven days before 2025-H2 ended (policy contacts.min_days_held: 14),
    # so she did not owe that half-year's ledger, and handed one in all the same; 李娜, who owed one, did not.
    # The home page, 附件2, its index and the period's summary said 应填报 3 人，已提交 3 份 — all in, to
    # anyone reading them — though one of the three owed was missing
    records = fixture_repo(tmp_path, _wang_fang_files_unowed)
    site = mkdocs_build(records, tmp_path, FIXTURE_TODAY)
    period = visible((site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8"))
    assert "应填报 3 人，已提交 2 份（另有 1 份本期无需提交）" in period
    statuses = {r[1]: r[5] for r in cells_text((site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8"), "序号")}  # (填报状态, after 联系点)
    assert statuses["王芳"] == "已提交（本期无需提交）" and statuses["李娜"] == "未提交"
    summary = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    assert "全校应填报工作台账 3 人，已提交 2 份（另有 1 份本期无需提交）" in visible(summary)
    figures = dict(r[:2] for r in cells_text(summary, "指标"))
    assert (figures["应填报人数"], figures["已提交台账"]) == ("3", "2") and figures["本期无需提交而提交的台账"] == "1"
    index = cells_text((site.public / "ledgers/index.html").read_text(encoding="utf-8"), "期间")
    (h2,) = [r for r in index if "2025-H2" in r[0]]
    assert (h2[2], h2[3]) == ("3", "2（另 1）")
    home = visible((site.public / "index.html").read_text(encoding="utf-8")).rsplit("上一期台账", 1)[1]
    assert "应填报 3 人，已提交 2 份（另有 1 份本期无需提交）" in home


def test_a_cadre_exempted_from_a_ledger_is_not_counted_as_one_owed(tmp_path):
    # 李娜, on secondment, was exempted from 2025-H2's ledger (records/exemptions.yaml); 张伟 and 陈刚 handed
    # theirs in.  The home page, 附件2, its index and the period's summary said 应填报 3 人，已提交 2 份 — one
    # missing, to a 学工部 reader and in a report pasted from it — though all owed were in; remind said
    # 须提交的 2 份工作台账已全部提交（另有 1 位干部经批准免交）
    site = mkdocs_build(fixture_repo(tmp_path, _li_na_exempt), tmp_path, FIXTURE_TODAY)
    period = visible((site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8"))
    assert "应填报 2 人，已提交 2 份（另有 1 人经批准免交）" in period, period
    statuses = {r[1]: r[5] for r in cells_text((site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8"), "序号")}  # (填报状态, after 联系点)
    assert statuses["李娜"].split("：")[0] == "豁免", statuses  # (豁免：and its reason, the filter's 豁免)
    summary = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    assert "全校应填报工作台账 2 人，已提交 2 份（另有 1 人经批准免交）" in visible(summary)
    figures = dict(r[:2] for r in cells_text(summary, "指标"))
    assert (figures["应填报人数"], figures["已提交台账"], figures["经批准免交的人数"]) == ("2", "2", "1"), figures
    index = cells_text((site.public / "ledgers/index.html").read_text(encoding="utf-8"), "期间")
    (h2,) = [r for r in index if "2025-H2" in r[0]]
    assert (h2[2], h2[3]) == ("2（另 1 人免交）", "2"), h2
    home = visible((site.public / "index.html").read_text(encoding="utf-8"))
    assert "应填报 2 人，已提交 2 份（另有 1 人经批准免交）" in home, home
    # 附件2's downloads: the Excel, printed and filed, said only 附件2 工作台账汇总 2025-H2（2025年下半年）over three
    # rows, 李娜's 豁免 among them — three owed, to whoever counted them; its head now counts as the page does, and
    # the rows the CSV gives bear it out (those owed: all but 豁免; handed in: 按时 or 逾期)
    import csv
    import io

    import openpyxl

    book = openpyxl.load_workbook(site.public / "downloads/attachment2-2025-H2.xlsx")
    head = book["说明"]["B1"].value  # (row 1 of the table's sheet: its column names)
    assert head == "附件2 工作台账汇总 2025-H2（2025年下半年，应填报 2 人，已提交 2 份，另有 1 人经批准免交）", head
    # and its 提交日期 is Excel's date and time (sorted, filtered by month, subtracted), not a text
    table = list(book.active.iter_rows(values_only=True))
    submitted = {r[1]: r[table[0].index("提交日期")] for r in table[1:]}
    assert submitted["张伟"] == dt.datetime(2025, 12, 28, 16, 0) and submitted["李娜"] in ("", None), submitted
    assert book.active.cell(2, table[0].index("提交日期") + 1).number_format == "yyyy-mm-dd hh:mm"
    rows = list(csv.DictReader(io.StringIO((site.public / "downloads/attachment2-2025-H2.csv").read_text(encoding="utf-8-sig"))))
    states = [r["填报状态"] for r in rows]
    assert (len(states) - states.count("豁免"), sum(s == "按时" or s.startswith("逾期") for s in states),
            states.count("豁免")) == (2, 2, 1), states


def _unowed_and_exempt(records):
    """王芳 hands in a 2025-H2 ledger she did not owe and 李娜 is exempted from hers."""
    _wang_fang_files_unowed(records)
    _li_na_exempt(records)


def test_a_ledger_not_owed_and_a_cadre_exempted_are_said_in_one_bracket(tmp_path):
    # 王芳 handed in a 2025-H2 ledger she did not owe and 李娜 was exempted from hers: 附件2, its summary and the
    # home page said 已提交 2 份（另有 1 份本期无需提交）（另有 1 人经批准免交）, two brackets in a row
    site = mkdocs_build(fixture_repo(tmp_path, _unowed_and_exempt), tmp_path, FIXTURE_TODAY)
    said = "2 人，已提交 2 份（另有 1 份本期无需提交；另有 1 人经批准免交）"
    period = visible((site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8"))
    summary = visible((site.public / "summary/2025-H2.html").read_text(encoding="utf-8"))
    home = visible((site.public / "index.html").read_text(encoding="utf-8")).rsplit("上一期台账", 1)[1]
    for page in (period, summary, home):
        assert said in page and "）（另有" not in page.replace(" ", ""), page


def test_attachment2_s_json_and_csv_tell_the_counts_the_page_and_the_excel_tell(tmp_path):
    # 附件2's page and its Excel's title say 应填报 2 人，已提交 2 份，另有 1 份本期无需提交，另有 1 人经批准免交, and its
    # CSV and JSON gave the rows alone: a program reading the JSON, or an officer opening the CSV, counted 4 rows
    # (王芳's 本期无需提交 and 李娜's 豁免 among them) and no number said what the page says.  The JSON has the
    # numbers (`counts`) and the Excel's sentence (`subtitle`); the CSV stays one row a cadre under its header, and
    # a CSV beside it (人数 CSV, linked on the page and on the downloads' page) has the numbers, one a row.
    import csv
    import io

    import openpyxl

    site = mkdocs_build(fixture_repo(tmp_path, _unowed_and_exempt), tmp_path, FIXTURE_TODAY)
    downloads = site.public / "downloads"
    head = openpyxl.load_workbook(downloads / "attachment2-2025-H2.xlsx")["说明"]["B1"].value
    data = json.loads((downloads / "attachment2-2025-H2.json").read_text(encoding="utf-8"))
    assert data["counts"] == {"required": 2, "filed": 2, "unowed": 1, "exempt": 1}, data.get("counts")
    assert head == f"{data['title']}（{data['subtitle']}）", (head, data.get("subtitle"))
    assert "应填报 2 人，已提交 2 份，另有 1 份本期无需提交，另有 1 人经批准免交" in data["subtitle"]
    counts = (downloads / "attachment2-2025-H2-counts.csv").read_bytes()
    assert counts.startswith(b"\xef\xbb\xbf")  # (Excel opens it as UTF-8)
    assert list(csv.reader(io.StringIO(counts.decode("utf-8-sig")))) == [
        ["项目", "数量"], ["应填报（人）", "2"], ["已提交（份）", "2"], ["另有本期无需提交的台账（份）", "1"],
        ["另有经批准免交（人）", "1"]]
    rows = list(csv.reader(io.StringIO((downloads / "attachment2-2025-H2.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == ["序号", "姓名"] and len(rows) - 1 == len(data["rows"]) == 4, rows
    # a period with nobody exempted says 0, the same keys for every period
    assert json.loads((downloads / "attachment2-2026-H1.json").read_text(encoding="utf-8"))["counts"]["exempt"] == 0
    page = (site.public / "ledgers/2025-H2.html").read_text(encoding="utf-8")
    listed = (site.public / "downloads.html").read_text(encoding="utf-8")
    for name in ("attachment2-2025-H2-counts.csv", "attachment2-2025-H2.json"):
        assert f"downloads/{name}" in page, name
    assert "downloads/attachment2-2025-H2-counts.csv" in listed


def test_a_freshman_class_left_without_a_cadre_for_a_while_says_so_on_the_coverage_page(tmp_path):
    # 张伟 took up 计算机2501班 on 2025-11-01, a month after the grace period (to 2025-10-01): check warns
    # (W-CHK-001 自 2025-10-01 起没有联系干部（至 2025-10-31）) and its overview counts a class 出现过无人联系,
    # but the coverage page said only 已覆盖 — R2's 全覆盖 looked met all year to whoever read it
    def zhang_wei_comes_late(records):
        path = records / "assignments/2025-2027.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            '  - cadre: zhang-wei\n    class: cs-2025-01\n    start: "2025-09-01"',
            '  - cadre: zhang-wei\n    class: cs-2025-01\n    start: "2025-11-01"'), encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, zhang_wei_comes_late), tmp_path, FIXTURE_TODAY)
    findings = visible((site.public / "findings.html").read_text(encoding="utf-8"))
    assert "新生班级“计算机2501班”（计算机学院）自 2025-10-01 起没有联系干部（至 2025-10-31）" in findings
    page = (site.public / "coverage.html").read_text(encoding="utf-8")
    classes = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
               for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S)]
    (row,) = [r for r in classes if len(r) == 6 and r[1] == "计算机2501班"]
    assert row[5] == "已覆盖（2025-10-01 至 2025-10-31 无人联系）"


@pytest.mark.parametrize("due, grace, today", [("06-30", 7, "2026-07-03"), ("07-15", 0, "2026-07-10")])
def test_the_home_page_shows_the_period_being_collected_with_its_grace_days(tmp_path, due, grace, today):
    # ledger.grace_days: 7: a 2026-H1 ledger is on time up to 2026-07-07 (check's deadline); on 3 July the
    # home page's 上一期台账 said only 截止日期 2026-06-30 over ledgers 未到截止日, as if the date were
    # wrong. With H1 due on 15 July, on 10 July the period being collected was not on the home page at
    # all (its due day had not passed and it is no longer the current period)
    def policy(records):
        path = records / "policy.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            'end: "06-30", due: "06-30"', f'end: "06-30", due: "{due}"').replace(
            "  grace_days: 0\n", f"  grace_days: {grace}\n", 1), encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, policy), tmp_path, today)
    home = visible((site.public / "index.html").read_text(encoding="utf-8"))
    assert "上一期台账" in home, home
    last = home.rsplit("上一期台账", 1)[1]
    assert last.lstrip("：: ").startswith("2026年上半年"), last[:80]
    said = f"截止日期 2026-{due}，宽限至 2026-07-07" if grace else f"截止日期 2026-{due}；"
    assert said in last, last[:300]
    period = visible((site.public / "ledgers/2026-H1.html").read_text(encoding="utf-8"))
    assert (f"截止日期 2026-{due}，宽限至 2026-07-07" if grace else f"截止日期 2026-{due}。") in period
    # the ledgers' index: each period's due day as the policy gives it (it said 每年六月、十二月月末截止 of
    # any policy) and its grace days
    index = (site.public / "ledgers/index.html").read_text(encoding="utf-8")
    (h1,) = [r for r in cells_text(index, "期间") if "2026-H1" in r[0]]
    assert h1[1] == (f"2026-{due}（宽限至 2026-07-07）" if grace else f"2026-{due}"), h1
    assert "六月" not in visible(index)
    # a cadre's own page: her 2026-H1 not handed in yet says when it is due and the grace days, as her unit's page
    waiting = [r for c in sorted((site.public / "cadres").glob("*.html")) if c.stem != "index"
               for r in cells_text(c.read_text(encoding="utf-8"), "期间") if r[0].startswith("2026-H1")
               and r[1].startswith(("未到截止日", "宽限期内"))]
    assert waiting and all(r[1].endswith(f"（截止 2026-{due}，宽限至 2026-07-07）" if grace else f"（截止 2026-{due}）")
                           for r in waiting), waiting


def test_the_site_check_and_reminder_agree_on_the_last_grace_day_of_each_period(tmp_path):
    # a ledger's last day on time (its due day plus the grace days in force for it: ledger.earlier's for a
    # period due before a change) was worked out apart in check, the site and the reminder: one of them
    # changed alone would tell a cadre another day than the others.  ledger.grace_days 7, 3 before 2026-01-01:
    # 2025-H2 (due 2025-12-31) is on time up to 2026-01-03, 2026-H1 (due 2026-06-30) up to 2026-07-07
    from generator import remind
    from generator.pipeline import validate_records

    def policy(records):
        path = records / "policy.yaml"
        text = path.read_text(encoding="utf-8")
        assert "  grace_days: 0\n  earlier" not in text
        path.write_text(text.replace("  grace_days: 0\n", "  grace_days: 7\n  earlier:\n"
                                     "    - {until: \"2026-01-01\", grace_days: 3, reason: 修订前}\n", 1), encoding="utf-8")

    records = fixture_repo(tmp_path, policy)
    today, last = "2026-07-03", {"2025-H2": "2026-01-03", "2026-H1": "2026-07-07"}
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today", today,
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    checked = {p["id"]: p["deadline"] for p in json.loads(run.stdout)["periods"]}
    assert {p: checked.get(p) for p in last} == last, run.stdout[-2000:]
    site = mkdocs_build(records, tmp_path, today)
    index = (site.public / "ledgers/index.html").read_text(encoding="utf-8")
    shown = {r[0].rsplit("（", 1)[-1].rstrip("）"): r[1] for r in cells_text(index, "期间")}
    assert {p: shown.get(p) for p in last} == {p: f"{due}（宽限至 {day}）" for (p, day), due in
                                                zip(last.items(), ("2025-12-31", "2026-06-30"))}, shown
    rs, _ = validate_records(records)
    for period, day in last.items():
        _title, body = remind.ledger_body(rs, period, dt.date.fromisoformat(today), ["zhang-wei"], "records")
        assert f"宽限至 **{day}**" in body, body


def test_a_cadre_s_page_says_what_each_exemption_excused_or_that_it_excused_nothing(tmp_path):
    # 张伟's three weeks of sick leave (semester_contacts) cover less than exemptions.min_percent (50 %)
    # of 2025—2026学年第一学期's days: it excuses nothing (the check still judges the semester), and the
    # site never said so, nor showed the exemption at all; 李娜's secondment excuses 2025-H2's ledger
    def exemptions(records):
        (records / "exemptions.yaml").write_text(
            "exemptions:\n"
            "  - {cadre: zhang-wei, rules: [semester_contacts], start: \"2025-10-08\", end: \"2025-10-28\","
            " reason: 病假, approved_by: 王管理}\n"
            "  - {cadre: li-na, rules: [ledger], start: \"2025-07-01\", end: \"2025-12-31\","
            " reason: 挂职锻炼, approved_by: 王管理}\n", encoding="utf-8")
        policy = records / "policy.yaml"  # (the share is the policy's: 40 %, not the default 50 %)
        policy.write_text(policy.read_text(encoding="utf-8") + "exemptions:\n  min_percent: 40\n", encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, exemptions), tmp_path, FIXTURE_TODAY)
    zhang = visible((site.public / "cadres/zhang-wei.html").read_text(encoding="utf-8"))
    assert "2025-10-08 至 2025-10-28" in zhang and "病假" in zhang, zhang
    assert ("没有免除任何要求——未免除2025—2026学年第一学期的每学期联系学生：只占本期持有联系点天数的 15 %，"
            "不足政策规定的 40 %") in zhang, zhang
    # (a reader of the public page was shown the policy file's key, （exemptions.min_percent）, in the section's
    # sentence and after the number: words, and the policy's number, now)
    assert "天数不足政策规定的 40 %时，这一学期或这一期不予免除" in zhang, zhang
    assert "min_percent" not in zhang, zhang
    li = visible((site.public / "cadres/li-na.html").read_text(encoding="utf-8"))
    assert "免除了2025年下半年的填报台账（占本期持有联系点天数的 100 %）" in li, li
    assert "没有免除任何要求" not in li
    assert "豁免" not in visible((site.public / "cadres/chen-gang.html").read_text(encoding="utf-8")).split("每学期联系学生情况")[0]


def test_附件2_says_why_an_excused_cadre_owes_no_ledger_on_its_page_and_downloads(tmp_path):
    # 附件2's row of an excused cadre said 豁免 and nothing else, on the page and in its Excel, CSV and JSON, where the
    # summary names the exemption; and its column 反映问题 counted the students' problems and suggestions alike.  Now the
    # page's 填报状态 says 豁免： and the reason (with its dates when the reason is short), the downloads' 免交原因 the
    # reason, dates and who approved it, as the summary; the column is named for what it counts (R10: 问题和建议)
    excused = {"li-na": ("2025-H2", "2025-07-01", "2025-12-31", "挂职锻炼（半年），期间免于联系学生和填报台账"),
               "chen-gang": ("2026-H1", "2026-01-01", "2026-06-30", "病假")}

    def exemptions(records):
        (records / "exemptions.yaml").write_text("exemptions:\n" + "".join(
            f"  - {{cadre: {c}, rules: [ledger], start: \"{s}\", end: \"{e}\", reason: \"{why}\", approved_by: 王管理}}\n"
            for c, (_p, s, e, why) in excused.items()), encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, exemptions), tmp_path, FIXTURE_TODAY)
    names = {"li-na": "李娜", "chen-gang": "陈刚"}
    for cadre, (period, start, end, why) in excused.items():
        page = (site.public / f"ledgers/{period}.html").read_text(encoding="utf-8")
        head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", page.split("<table", 1)[1].split("</thead>", 1)[0], re.S)]
        assert head[-2:] == ["问题和建议", "台账"], head
        [row] = [r for r in cells_text(page, "序号") if r[1] == names[cadre]]
        note = why if len(why) > 8 else f"{why}（{start} 至 {end}）"
        assert (row[5], row[-1]) == (f"豁免：{note}", "—"), row  # (the filter lists it as 豁免: test_site_browser)
        sheet = json.loads((site.public / f"downloads/attachment2-{period}.json").read_text(encoding="utf-8"))["rows"]
        [mine] = [r for r in sheet if r["name"] == names[cadre]]
        assert (mine["status_label"], mine["exempt_reason"]) == ("豁免", f"{why}（{start} 至 {end}，王管理批准）"), mine
        assert all(r["exempt_reason"] == "" for r in sheet if r["name"] != names[cadre])
        csv = (site.public / f"downloads/attachment2-{period}.csv").read_text(encoding="utf-8-sig").splitlines()
        assert csv[0].endswith(",活动次数,联系形式,问题和建议数,其中各性质的问题数,免交原因"), csv[0]
        assert csv[[c.split(",")[1] for c in csv].index(names[cadre])].endswith(f"（{start} 至 {end}，王管理批准）")
        summary = visible((site.public / f"summary/{period}.html").read_text(encoding="utf-8"))
        assert f"{why}（{start} 至 {end}，王管理批准）" in summary  # (as the summary names it)


def test_附件2_gives_no_reason_for_an_exemption_that_excuses_only_semester_contacts(tmp_path):
    # 附件2's 免交原因 (the page's note after 豁免, the downloads' column) says why a cadre owes no ledger.  An exemption
    # of the semester minimum alone (rules: [semester_contacts]) excuses no ledger: 李娜, excused from 2025-H2's
    # semester contacts, still owed its ledger and did not hand it in — her row says 未提交 and gives no reason, as
    # check says W-CHK-006 of it; 陈刚, excused from 2026-H1's ledger (挂职锻炼) and, from February, from its semester's
    # contacts (病假休养), owes no ledger for the first: his reason is it alone, on the page and in the downloads
    def exemptions(records):
        (records / "exemptions.yaml").write_text(
            "exemptions:\n"
            "  - {cadre: li-na, rules: [semester_contacts], start: \"2025-07-01\", end: \"2025-12-31\", reason: 病假,"
            " approved_by: 王管理}\n"
            "  - {cadre: chen-gang, rules: [ledger], start: \"2026-01-01\", end: \"2026-06-30\", reason: 挂职锻炼,"
            " approved_by: 王管理}\n"
            "  - {cadre: chen-gang, rules: [semester_contacts], start: \"2026-02-01\", end: \"2026-06-30\", reason: 病假休养,"
            " approved_by: 王管理}\n", encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, exemptions), tmp_path, FIXTURE_TODAY)
    told = {"李娜": ("2025-H2", "未提交", ""), "陈刚": ("2026-H1", "豁免：挂职锻炼（2026-01-01 至 2026-06-30）",
                                                  "挂职锻炼（2026-01-01 至 2026-06-30，王管理批准）")}
    for name, (period, status, reason) in told.items():
        page = (site.public / f"ledgers/{period}.html").read_text(encoding="utf-8")
        [row] = [r for r in cells_text(page, "序号") if r[1] == name]
        assert row[5] == status, row
        [cell] = [c for c in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S) if f">{name}<" in c]
        assert ("cell-note" in cell) == bool(reason), cell
        sheet = json.loads((site.public / f"downloads/attachment2-{period}.json").read_text(encoding="utf-8"))["rows"]
        [mine] = [r for r in sheet if r["name"] == name]
        assert (mine["status_label"], mine["exempt_reason"]) == (status.split("：")[0], reason), mine
        csv = (site.public / f"downloads/attachment2-{period}.csv").read_text(encoding="utf-8-sig").splitlines()
        assert csv[[c.split(",")[1] for c in csv].index(name)].split(",")[-1] == reason, csv
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(site.records), "--today",
                            FIXTURE_TODAY, "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    codes = {(f["code"], f.get("data", {}).get("cadre")) for f in json.loads(check.stdout)["findings"]}
    assert ("W-CHK-006", "li-na") in codes and ("W-CHK-004", "li-na") not in codes, codes


def test_a_ledger_not_handed_in_during_the_grace_days_is_said_to_be_in_them_on_every_page_and_in_check(tmp_path):
    # ledger.grace_days: 7: on 3 July 2026-H1's due day (06-30) has passed and a ledger not handed in is on
    # time up to 07-07; the home page, the ledgers' pages and the cadre pages, and check's overview, said
    # 未到截止日 of it (the due day had passed): they now say 宽限期内
    def policy(records):
        path = records / "policy.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("  grace_days: 0\n", "  grace_days: 7\n", 1),
                        encoding="utf-8")

    repo = fixture_repo(tmp_path, policy)
    site = mkdocs_build(repo, tmp_path, "2026-07-03")
    period = visible((site.public / "ledgers/2026-H1.html").read_text(encoding="utf-8"))
    home = visible((site.public / "index.html").read_text(encoding="utf-8"))
    cadres = [visible(p.read_text(encoding="utf-8")) for p in (site.public / "cadres").glob("*.html")]
    last = home.rsplit("上一期台账", 1)[1]
    assert "宽限期内" in period and "宽限期内" in last and "未到截止日" not in period and "未到截止日" not in last, last
    assert "2026-H1\n宽限期内" in visible((site.public / "cadres/li-na.html").read_text(encoding="utf-8"))
    assert not [c for c in cadres if "2026-H1\n未到截止日" in c]  # (2026-H2, the current one, is not yet due)
    check = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(repo),
                            "--today", "2026-07-03"], cwd=repo.parent, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "未到截止日 3，宽限期内（已过截止日，现在提交仍算按时）2，" in check.stdout, check.stdout  # (2026-H2's 3)
    en = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(repo),
                         "--today", "2026-07-03", "--lang", "en"], cwd=repo.parent, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "not yet due 3, in the grace days (past the due day, on time if handed in now) 2," in en.stdout, en.stdout
    # before the due day: not yet due, as before
    early = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(repo),
                            "--today", "2026-06-20"], cwd=repo.parent, capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "宽限期内" not in early.stdout, early.stdout


def test_a_problem_is_on_the_page_of_every_unit_it_was_reported_to(tmp_path):
    # the rule `check --unit` and W-CHK-025 keep (model.RecordSet.units_reported_to): a problem reported to a unit's
    # 党委 is on that unit's page — on every unit's page whose party_committee has that name (机械学院 here shares
    # 计算机学院党委) — and one reported to a department by its own name (党委学生工作部, a unit with no 党委) on that
    # department's: 张伟's problem reported to 党委学生工作部 was on no page but his unit's
    def reported_to_units(records):
        chen_gang_escalates(records)
        units = records / "units.yaml"
        units.write_text(units.read_text(encoding="utf-8").replace(
            "party_committee: 机械学院党委", "party_committee: 计算机学院党委"), encoding="utf-8")
        policy = records / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace(
            "escalation_targets: [计算机学院党委, 机械学院党委, 后勤处]",
            "escalation_targets: [计算机学院党委, 机械学院党委, 后勤处, 党委学生工作部]"), encoding="utf-8")
        path = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
        path.write_text(path.read_text(encoding="utf-8") + (
            "  - id: 2026h1-zhang-wei-2\n    raised_on: \"2026-03-10\"\n    kind: 问题\n    category: 学业发展\n"
            "    description: 几名学生反映学业预警通知不及时。\n    status: 已上报\n    escalated_to: 党委学生工作部\n"),
            encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, reported_to_units), tmp_path, FIXTURE_TODAY)
    listed = {unit: unit_problems(site, f"units/{unit}.html") for unit in ("cs", "me", "xgb")}
    assert {u for u, text in listed.items() if "2025h2-chen-gang-1" in text} == {"cs", "me", "xgb"}
    assert {u for u, text in listed.items() if "2026h1-zhang-wei-2" in text} == {"cs", "xgb"}
    # (the heading says so: a department with no 党委 lists those reported to it — 党委学生工作部's said 含上报本单位党委的)
    headings = {unit: re.findall(r"<h2[^>]*>(未解决的学生问题[^<]*)", (site.public / f"units/{unit}.html").read_text(
        encoding="utf-8")) for unit in ("cs", "xgb")}
    assert headings == {"cs": ["未解决的学生问题（含上报本单位党委的）"], "xgb": ["未解决的学生问题（含上报本单位的）"]}


def test_a_period_s_summary_says_whose_ledgers_are_not_in_and_compares_only_a_period_due(tmp_path):
    # As of 2026-03-25 two of 2026-H1's three ledgers are not due yet (due 2026-06-30): its summary — the sentences a
    # 学工部 officer pastes into the report — said 已提交 1 份 and 与上一期相比：联系学生活动减少 2 次 …, a period half
    # over read as less work done; after the due day it did not say in words who had not filed (2 人未提交)
    repo = fixture_repo(tmp_path)
    early = mkdocs_build(repo, tmp_path / "early", FIXTURE_TODAY)
    summary = (early.public / "summary/2026-H1.html").read_text(encoding="utf-8")
    said = visible(summary)
    assert "全校应填报工作台账 3 人，已提交 1 份，2 人尚未提交、未到截止日期（2026-06-30）；按已提交的 1 份台账，" in said
    assert "本期台账尚未收齐，暂不与上一期（2025年下半年）比较。" in said and "与上一期（2025年下半年）相比" not in said
    assert "上一期" not in [c for r in [re.findall(r"<th[^>]*>(.*?)</th>", summary)] for c in r]  # (no column to compare)
    late = mkdocs_build(repo, tmp_path / "late", "2026-07-20")
    said = visible((late.public / "summary/2026-H1.html").read_text(encoding="utf-8"))
    assert "全校应填报工作台账 3 人，已提交 1 份，2 人未提交；按已提交的 1 份台账，" in said
    assert "与上一期（2025年下半年）相比：联系学生活动减少 2 次" in said  # (due: the period is what it is)


def test_the_summaries_index_says_which_periods_are_all_in(tmp_path):
    # In January the officer opening 工作总结 saw a list of half-years, the one just begun first, and had to open each
    # to learn which were complete: each now says its 应填报 and 已提交, and who has not handed theirs in, as its page
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, FIXTURE_TODAY)
    said = visible((site.public / "summary/index.html").read_text(encoding="utf-8"))
    assert "2026年上半年（2026-H1）：应填报 3 人，已提交 1 份，2 人尚未提交、未到截止日期（2026-06-30）" in said
    assert "2025年下半年（2025-H2）：应填报 3 人，已提交 2 份，1 人未提交" in said


def test_a_period_s_summary_says_how_its_semester_s_cadres_met_students(tmp_path):
    # R5 in the half-year's report: how many cadres met students as often as a semester asks was only on the
    # summaries' index, in a table of every semester — the summary of 2025年下半年 now says it of the semester begun in
    # it, as that table counts it
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, FIXTURE_TODAY)
    (row,) = [r for r in cells_text((site.public / "summary/index.html").read_text(encoding="utf-8"), "学期")
              if r[0] == "2025—2026学年第一学期"]
    assert row[1:] == ["3", "2", "0", "0", "1"]  # (应达标, 达标, 未达标, 豁免, 尚未判定)
    said = visible((site.public / "summary/2025-H2.html").read_text(encoding="utf-8"))
    assert "每学期联系学生（本期开始的学期）：2025—2026学年第一学期（本校规定至少深入学生 1 次）应达标 3 人，达标 2 人，未达标 0 人，尚未判定 1 人。" in said
    assert "2025—2026学年第二学期" not in said


def test_a_period_s_summary_links_its_typical_cases(tmp_path):
    # R14 in the report: the summary said 典型案例 1 个 and nothing led to them — the officer quoting a case looked for
    # the 典型案例 page and its half-year herself; the count now links the period's cases
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, FIXTURE_TODAY)
    summary = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    (href,) = re.findall(r'<a href="([^"]+)">典型案例 1 个</a>', summary)
    page, anchor = (site.public / "summary" / href).resolve().as_posix().split("#")
    assert anchor == "2025-H2" and f'id="{anchor}"' in Path(page).read_text(encoding="utf-8")


def test_a_period_with_no_ledger_in_says_so_not_zero_contacts(tmp_path):
    # After 2026-H1's due day with none of its ledgers in, the summary's sentence read 按已提交的 0 份台账，干部深入学生开展
    # 联系活动 0 次，累计接触学生 0 人次 … 典型案例 0 个 — pasted, a report of no work done, where nothing was filed
    def nobody_files_2026_h1(records):
        (records / "ledgers/2026-H1/zhang-wei.yaml").unlink()

    site = mkdocs_build(fixture_repo(tmp_path, nobody_files_2026_h1), tmp_path, "2026-07-20")
    said = visible((site.public / "summary/2026-H1.html").read_text(encoding="utf-8"))
    assert "全校应填报工作台账 3 人，已提交 0 份，3 人未提交；本期还没有已提交的台账，联系学生活动、接触学生、学生反映的问题和建议无从统计。" in said
    assert "0 次" not in said and "0 人次" not in said


@pytest.fixture(scope="module")
def fixture_after_h1_due(tmp_path_factory):
    """The fixture built as of 2026-07-20: 2026-H1 is due, two of its three ledgers not handed in."""
    base = tmp_path_factory.mktemp("after-h1-due")
    return mkdocs_build(fixture_repo(base), base, "2026-07-20")


def test_a_period_s_summary_says_how_the_freshman_classes_of_the_year_begun_in_it_are_covered(fixture_after_h1_due):
    # R2 in the half-year's report: every freshman class of the year has a cadre — the 学工部 counted it by hand from the
    # coverage page; 2025年下半年's summary now says it of the 2025-2026 year begun in it, as the coverage page counts it
    site = fixture_after_h1_due
    said = visible((site.public / "summary/2025-H2.html").read_text(encoding="utf-8"))
    assert ("新生班级覆盖（本期开始的学年）：2025-2026 学年新生班级 3 个，已有联系干部 1 个，未覆盖 2 个："
            "计算机学院 1 个（计算机2502班）、机械学院 1 个（机械2501班）。") in said
    assert "本期开始的学年" not in visible((site.public / "summary/2026-H1.html").read_text(encoding="utf-8"))  # (none begun)


def test_a_period_s_summary_compares_its_on_time_rate_with_the_period_before(site):
    # 按时提交率 in the report: 2025年下半年 against 2025年上半年 compared activities, students and problems — the rate of
    # ledgers handed in on time (按时, not 有错误) of those owed was counted by hand from the status rows
    summary = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    said = visible(summary)
    assert "按时提交率 97.3%（72/74），上一期 100.0%（76/76），下降 2.7 个百分点" in said
    (row,) = [r for r in cells_text(summary, "指标") if r[0] == "按时提交率"]
    assert row[1:] == ["97.3%", "100.0%", "−2.7 个百分点"]


def test_a_period_not_all_in_says_no_on_time_rate(tmp_path):
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, FIXTURE_TODAY)
    assert "按时提交率" not in visible((site.public / "summary/2026-H1.html").read_text(encoding="utf-8"))
    assert "按时提交率 33.3%（1/3）" in visible((site.public / "summary/2025-H2.html").read_text(encoding="utf-8"))


def test_a_period_s_summary_lists_who_has_not_filed_by_unit_after_the_due_day(fixture_after_h1_due):
    # After the due day the 学工部 names, unit by unit, who has not filed: the summary listed them one row each among the
    # late and the excused (76 rows for the demo's 2026-H2 in January, three A4 pages); now a table by unit, their names
    # in one cell, each linking the cadre's page
    summary = (fixture_after_h1_due.public / "summary/2026-H1.html").read_text(encoding="utf-8")
    assert cells_text(summary, "单位") [:2] == [["机械学院", "1", "李娜"], ["党委学生工作部", "1", "陈刚"]]
    assert "未提交台账的干部（截至 2026-07-20，按单位）" in visible(summary)
    assert "逾期提交和经批准免交的干部" not in visible(summary)  # (none late nor excused in 2026-H1)
    before = (fixture_after_h1_due.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    assert [r[:3] for r in cells_text(before, "姓名")] == [["陈刚", "党委学生工作部", "逾期 6 天"]]


def test_an_academic_year_s_summary_adds_up_its_two_half_years(fixture_after_h1_due):
    # The 学工部's year-end report to 分管校领导 is by 学年 (its freshmen, its two semesters): it was added up by hand from
    # two half-year pages, whose 应填报 N 人 counts ledgers in a sum — a cadre owing both halves is one person. The
    # 2025-2026 学年 page (2025年下半年 + 2026年上半年) says 人 of the cadres and 份 of the ledgers, the semesters and the
    # freshmen as the half pages say them, and links each half's summary and 附件2
    site = fixture_after_h1_due
    index = visible((site.public / "summary/index.html").read_text(encoding="utf-8"))
    assert index.index("2025-2026 学年") < index.index("2026年上半年（2026-H1）")  # (listed above the half-years)
    # (and says, as each half's line does, what has not been filed)
    assert "2025-2026 学年：应填报工作台账的干部 3 人，应填报台账 6 份，已提交 3 份，过了截止日期仍未提交 3 份（本学年尚未结束）" in index
    page = (site.public / "summary/2025-2026.html").read_text(encoding="utf-8")
    said = visible(page)
    assert ("2025-2026 学年（2025-09-01 至 2026-08-31，含 2025年下半年、2026年上半年），全校应填报工作台账的干部 3 人，"
            "应填报台账 6 份（2025年下半年 3 份、2026年上半年 3 份），已提交 3 份，其中按时提交 2 份；过了截止日期仍未提交 3 份。") in said
    assert "本学年尚未结束（至 2026-08-31），以下是截至 2026-07-20 的数字。" in said
    halves = [visible((site.public / f"summary/{p}.html").read_text(encoding="utf-8")) for p in ("2025-H2", "2026-H1")]
    semesters = [re.search(r"每学期联系学生（本期开始的学期）：([^。]*。)", h).group(1) for h in halves]
    assert all(s in said for s in semesters) and semesters[0] != semesters[1]
    assert ("2025-2026 学年新生班级 3 个，已有联系干部 1 个，未覆盖 2 个：计算机学院 1 个（计算机2502班）、机械学院 1 个（机械2501班）。"
            in said)
    table = cells_text(page, "指标")
    assert table[:2] == [["应填报的干部（人）", "3", "3", "3"], ["应填报台账（份）", "3", "3", "6"]]
    assert ["已提交台账（份）", "2", "1", "3"] in table and ["按时提交（份）", "1", "1", "2"] in table
    assert cells_text(page, "单位")[-1][:4] == ["合计", "3", "6", "3"]
    # (its 各单位情况 downloads as a half's: the table as the page gives it, for the report's own sheet)
    assert {"../downloads/units-2025-2026.xlsx", "../downloads/units-2025-2026.csv"} <= set(re.findall(r'href="([^"]+)"', page))
    csv = (site.public / "downloads/units-2025-2026.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[0].split(",")[:3] == ["单位", "应填报的干部（人）", "应填报台账（份）"] and csv[-1].split(",")[:4] == ["合计", "3", "6", "3"]
    hrefs = set(re.findall(r'href="([^"#]+)"', page))
    assert {"2025-H2.html", "2026-H1.html", "../ledgers/2025-H2.html", "../ledgers/2026-H1.html"} <= hrefs


@pytest.mark.parametrize("today, said", [
    ("2025-12-20", "本学年尚未结束（至 2026-08-31），以下是截至 2025-12-20 的数字：2026年上半年尚未开始，3 份台账尚未到截止日期。"),
    (FIXTURE_TODAY, "本学年尚未结束（至 2026-08-31），以下是截至 2026-03-25 的数字：2 份台账尚未到截止日期。")])
def test_an_academic_year_not_over_says_so_before_its_figures(tmp_path, today, said):
    # A year's figures read mid-year (a half not begun, ledgers not yet due) are not the year's: its page says so first,
    # as a half-year's page says its ledgers are not all in, and the index says which years are not over
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path, today)
    page = visible((site.public / "summary/2025-2026.html").read_text(encoding="utf-8"))
    assert said in page and page.index(said) < page.index("全校应填报工作台账的干部")
    assert "2025-2026 学年：应填报工作台账的干部 3 人" in visible((site.public / "summary/index.html").read_text(encoding="utf-8"))
    assert "（本学年尚未结束）" in visible((site.public / "summary/index.html").read_text(encoding="utf-8"))


def test_an_academic_year_s_summary_compares_it_with_the_year_before(site):
    # The year-end report says whether the year went better than the one before: the year's page gave its own figures
    # only, and the 学工部 subtracted 2024-2025's by hand — as a half-year's page compares with the period before, the
    # year's compares its 按时提交率 and counts with the year before's, and a year not all in compares nothing
    page = (site.public / "summary/2025-2026.html").read_text(encoding="utf-8")
    said = visible(page)
    assert "按时提交率 98.7%（148/150），上一学年 100.0%（152/152），下降 1.3 个百分点（按时提交且没有错误的台账占应填报台账的比例）" in said
    assert "与上一学年（2024-2025 学年）相比：联系学生活动增加 15 次，接触学生增加 290 人次，学生反映问题和建议减少 12 条。" in said
    assert "2024-2025.html" in re.findall(r'href="([^"#]+)"', page)
    table = {r[0]: r[1:] for r in cells_text(page, "指标")}
    assert table["联系学生活动（次）"] == ["199", "209", "408", "393", "+15"]
    assert table["应填报的干部（人）"] == ["74", "76", "77", "77", "持平"]
    assert table["按时提交率"] == ["97.3%", "100.0%", "98.7%", "100.0%", "−1.3 个百分点"]
    newest = visible((site.public / "summary/2026-2027.html").read_text(encoding="utf-8"))
    assert "本学年台账尚未收齐，暂不与上一学年（2025-2026 学年）比较。" in newest
    assert "与上一学年（2025-2026 学年）相比" not in newest and "按时提交率" not in newest
    oldest = visible((site.public / "summary/2023-2024.html").read_text(encoding="utf-8"))
    assert "上一学年" not in oldest  # (nothing before it on the site)


def test_an_academic_year_s_summary_counts_its_excused_cadres_and_names_them(site):
    # 戴成 was excused from 2025年下半年's ledger (挂职锻炼): that half's page says 另有 1 人经批准免交 and names him with the
    # reason; the year's page said 已提交 149 份 and no word of him — its report read as one ledger short
    page = (site.public / "summary/2025-2026.html").read_text(encoding="utf-8")
    said = visible(page)
    assert "已提交 149 份（另有干部 1 人经批准免交台账 1 份），其中按时提交 148 份" in said
    table = {r[0]: r[1:] for r in cells_text(page, "指标")}
    assert table["经批准免交（份）"] == ["1", "0", "1", "0", "+1"]
    half = (site.public / "summary/2025-H2.html").read_text(encoding="utf-8")
    named = cells_text(half, "姓名")  # (the half's late and excused, each with the reason: the year's names them too)
    assert ["戴成", "资源与土木工程学院", "豁免"] in [r[:3] for r in named]
    assert "逾期提交 1 人 1 份，经批准免交 1 人 1 份" in said
    assert sorted(cells_text(page, "姓名")) == sorted(
        [name, unit, f"{'经批准免交' if label == '豁免' else '逾期提交'}（1 份）", f"2025年下半年：{reason if reason != '—' else label}"]
        for name, unit, label, reason in named)


TWO_EXEMPTIONS = ("  - {cadre: li-na, rules: [ledger], start: \"2025-07-01\", end: \"2025-12-31\", reason: 挂职锻炼, approved_by: 王管理}\n"
                  "  - {cadre: li-na, rules: [ledger], start: \"2026-01-01\", end: \"2026-06-30\", reason: 病假, approved_by: 王管理}\n")


def _excused_and_late_in_both_halves(base, exemptions=TWO_EXEMPTIONS):
    """The fixture, 李娜 (机械学院) excused from both halves' ledgers, each by an exemption of its own (挂职锻炼, 病假:
    `exemptions`, records/exemptions.yaml's list), and 陈刚 (党委学生工作部) late with both (2026-01-06, as the fixture
    has it, and 2026-07-05)."""
    def excused(records):
        (records / "exemptions.yaml").write_text("exemptions:\n" + exemptions, encoding="utf-8")
    records = fixture_repo(base, excused)
    ledger = records / "ledgers" / "2026-H1" / "chen-gang.yaml"
    ledger.write_text((records / "ledgers" / "2025-H2" / "chen-gang.yaml").read_text(encoding="utf-8").replace(
        "2025-H2", "2026-H1").replace("2025h2", "2026h1").replace("2025-10-08", "2026-04-08"), encoding="utf-8")
    git(records.parent, "add", "records/ledgers/2026-H1/chen-gang.yaml")
    git(records.parent, "commit", "-q", "-m", "台账 2026-H1 陈刚", date="2026-07-05T09:00:00+08:00")
    return records


@pytest.mark.parametrize("exemptions, said", [
    (TWO_EXEMPTIONS, "2025年下半年：挂职锻炼（2025-07-01 至 2025-12-31，王管理批准）；2026年上半年：病假（2026-01-01 至 2026-06-30，王管理批准）"),
    # (one exemption over both halves: said once, after the two)
    ("  - {cadre: li-na, rules: [ledger], start: \"2025-07-01\", end: \"2026-06-30\", reason: 挂职锻炼, approved_by: 王管理}\n",
     "2025年下半年、2026年上半年：挂职锻炼（2025-07-01 至 2026-06-30，王管理批准）")])
def test_an_academic_year_s_summary_names_a_cadre_late_or_excused_in_both_halves_once(tmp_path, exemptions, said):
    # The year's 逾期提交和经批准免交的干部 listed each half's rows one after the other: 李娜, excused from both halves'
    # ledgers, was two rows, as was 陈刚, late with both — read as four cadres where the page's sentence says 另有干部
    # 1 人经批准免交台账 2 份. One row a cadre and kind, naming each half with its days late or its exemption; the
    # sentence above it counts people (人, the rows) and ledgers (份), as the year's opening counts the excused
    site = mkdocs_build(_excused_and_late_in_both_halves(tmp_path, exemptions), tmp_path, "2026-07-20")
    page = (site.public / "summary/2025-2026.html").read_text(encoding="utf-8")
    text = visible(page)
    assert "另有干部 1 人经批准免交台账 2 份" in text
    assert "逾期提交 1 人 2 份，经批准免交 1 人 2 份" in text
    assert cells_text(page, "姓名") == [["李娜", "机械学院", "经批准免交（2 份）", said],
                                       ["陈刚", "党委学生工作部", "逾期提交（2 份）", "2025年下半年：逾期 6 天；2026年上半年：逾期 5 天"]]
    # (each half its own row on its own page, as before; a late ledger's half links its section on the cadre's page)
    for half in ("2025-H2", "2026-H1"):
        assert [r[0] for r in cells_text((site.public / f"summary/{half}.html").read_text(encoding="utf-8"), "姓名")] == \
            ["李娜", "陈刚"], half
    late = page.split("逾期 5 天")[0].rsplit("<tr", 1)[1]
    assert {"../cadres/chen-gang.html#2025-H2", "../cadres/chen-gang.html#2026-H1"} <= set(re.findall(r'href="([^"]+)"', late))


@pytest.mark.parametrize("title, half_title", [("填报情况（份）", "填报情况（人）"), ("联系形式（次）", None),
                                               ("联系场所（次）", None), ("联系方式（次）", None),
                                               ("学生反映问题类别（条）", None), ("问题办理状态（条）", None)])
def test_an_academic_year_s_charts_add_up_its_half_years_charts(site, title, half_title):
    # The year-end report's charts (R11, R13: by form, place, channel; problems by category and status) were drawn per
    # half-year only, and the 学工部 added two pages' bars by hand into one picture: the year's page draws them, each bar
    # its halves' bars added up (填报情况 counts ledgers, 份: a cadre owing two halves is two bars' worth)
    year = chart((site.public / "summary/2025-2026.html").read_text(encoding="utf-8"), title)
    halves = [chart((site.public / f"summary/{p}.html").read_text(encoding="utf-8"), half_title or title)
              for p in ("2025-H2", "2026-H1")]
    assert year and year == {k: halves[0].get(k, 0) + halves[1].get(k, 0) for k in halves[0].keys() | halves[1].keys()}
