"""A graduated class, a dissolved club, a merged unit: their `until` (the last day they existed,
records/classes, clubs.yaml, units.yaml) ends them.  After it they are no longer expected to be
covered nor counted among the current ones; the time while they existed stays as it was.  Without
`until` a class of 2023 stayed a contact point, "uncovered", and in its unit's count for ever."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from site_build import FIXTURE_TODAY, fixture_repo, mkdocs_build
from tests.gitrepo import check_cli, generator_cli


def until(records: Path, rel: str, ident: str, day: str) -> None:
    path = records / rel
    text = path.read_text(encoding="utf-8")
    entry = f"  - id: {ident}\n"
    assert entry in text
    path.write_text(text.replace(entry, entry + f'    until: "{day}"\n'), encoding="utf-8")


def check(records: Path, *more: str) -> dict:
    run = check_cli(records, "--today", FIXTURE_TODAY, "--format", "json", *more)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stdout[-3000:] + run.stderr
    return json.loads(run.stdout)


def found(js: dict, code: str) -> list[tuple]:
    return [(f["file"], f["line"], f["column"], f["message"]) for f in js["findings"] if f["code"] == code]


def freshman(js: dict) -> list[str]:
    return [c["class"] for y in js["coverage"] if y["academic_year"] == "2025-2026" for c in y["classes"]]


def test_a_class_after_its_end_is_no_longer_to_be_covered_and_its_time_before_stays(tmp_path):
    # 机械2501班 (李娜's until 2026-02-28) has had no cadre since 2026-03-01
    before = check(fixture_repo(tmp_path / "a"))
    assert [m for *_, m in found(before, "W-CHK-001") if "机械2501班" in m] == \
        ["新生班级“机械2501班”（机械学院）自 2026-03-01 起没有联系干部"]
    assert "me-2025-01" in freshman(before)
    # merged into another class on 2026-02-28: nothing is owed after it, and it is no current freshman class
    after = check(fixture_repo(tmp_path / "b", lambda r: until(r, "classes/2025.yaml", "me-2025-01", "2026-02-28")))
    assert not [m for *_, m in found(after, "W-CHK-001") if "机械2501班" in m]
    assert freshman(after) == [c for c in freshman(before) if c != "me-2025-01"]
    assert found(after, "W-CHK-002") == found(before, "W-CHK-002")  # (李娜's row had ended that day)
    # ended on 2026-03-10: the days it existed without a cadre are still reported, up to that day
    later = check(fixture_repo(tmp_path / "c", lambda r: until(r, "classes/2025.yaml", "me-2025-01", "2026-03-10")))
    assert [m for *_, m in found(later, "W-CHK-001") if "机械2501班" in m] == \
        ["新生班级“机械2501班”（机械学院）自 2026-03-01 起没有联系干部（至 2026-03-10）"]


def test_an_activity_after_the_class_ended_is_on_a_day_without_a_contact_point(tmp_path):
    # 张伟's 2026-H1 ledger has an activity on 2026-03-10 with 计算机2501班, which ended on 2026-03-01;
    # the days he held it are those of 2026-H1 (his row began on 2025-09-01, in the period before)
    js = check(fixture_repo(tmp_path, lambda r: until(r, "classes/2025.yaml", "cs-2025-01", "2026-03-01")))
    assert found(js, "W-CHK-012") == [("records/ledgers/2026-H1/zhang-wei.yaml", 5, 11,
                                        "活动日期 2026-03-10 那天干部“张伟”没有联系点（本期持有联系点的时间：2026-01-01 至 2026-03-01）")]
    # the gap after it: at the row that ended with the class (where a new row goes), not at his file's active_from
    assert [f for f in found(js, "W-CHK-002") if "张伟" in f[3]] == [
        ("records/assignments/2025-2027.yaml", 6, 12, "干部“张伟”在 2026-03-02 至 2026-03-25 只有 0 个联系点（政策规定 1 个）"
                                                       "（上一条安排的班级“计算机2501班”只存续到 2026-03-01，之后没有新的安排）")]
    [en] = [f for f in check(fixture_repo(tmp_path / "en", lambda r: until(r, "classes/2025.yaml", "cs-2025-01", "2026-03-01")),
                             "--lang", "en")["findings"] if f["code"] == "W-CHK-002" and "张伟" in f["message"]]
    assert en["message"].endswith("(the previous assignment's class '计算机2501班' existed until 2026-03-01, with no successor)")
    # the periods while the class existed are owed and judged as before
    statuses = {r["period"]: r["status"] for r in js["ledgers"] if r["cadre"] == "zhang-wei"}
    base = {r["period"]: r["status"] for r in check(fixture_repo(tmp_path / "base"))["ledgers"] if r["cadre"] == "zhang-wei"}
    assert statuses == base and set(base) >= {"2025-H2", "2026-H1"}
    assert [e for e in js["findings"] if e["severity"] == "error"] == []


def test_a_gap_before_a_later_row_says_when_the_next_one_starts_not_that_none_follows(tmp_path):
    # 张伟's class 计算机2501班 ended on 2026-03-01 (a class graduating in June, the new cycle's rows from
    # September: the summer between), his next row starts on 2026-03-10: the gap 03-02 to 03-09 was told
    # "之后没有新的安排" (with no successor), as if no row followed; it now says when the next one starts
    def later_row(records: Path):
        until(records, "classes/2025.yaml", "cs-2025-01", "2026-03-01")
        rows = records / "assignments/2025-2027.yaml"
        rows.write_text(rows.read_text(encoding="utf-8").replace(
            '  - cadre: li-na\n    class: me-2025-01\n',
            '  - cadre: zhang-wei\n    class: cs-2025-02\n    start: "2026-03-10"\n    reason: 原联系班级合并\n'
            '  - cadre: li-na\n    class: me-2025-01\n', 1), encoding="utf-8")

    records = fixture_repo(tmp_path, later_row)
    assert [f[3] for f in found(check(records), "W-CHK-002") if "张伟" in f[3]] == [
        "干部“张伟”在 2026-03-02 至 2026-03-09 只有 0 个联系点（政策规定 1 个）"
        "（上一条安排的班级“计算机2501班”只存续到 2026-03-01，下一条安排从 2026-03-10 开始）"]
    [en] = [f for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-002" and "张伟" in f["message"]]
    assert en["message"].endswith("(the previous assignment's class '计算机2501班' existed until 2026-03-01; "
                                  "the next one starts on 2026-03-10)")
    # a row ended by its `end` (not its class's until), the next one starting later: the same
    rows = records / "assignments/2025-2027.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace(
        '  - cadre: zhang-wei\n    class: cs-2025-01\n    start: "2025-09-01"\n',
        '  - cadre: zhang-wei\n    class: cs-2025-01\n    start: "2025-09-01"\n    end: "2026-02-20"\n    reason: 调整\n'),
        encoding="utf-8")
    (records / "classes/2025.yaml").write_text((records / "classes/2025.yaml").read_text(encoding="utf-8").replace(
        '    until: "2026-03-01"\n', "", 1), encoding="utf-8")
    assert [f[3] for f in found(check(records), "W-CHK-002") if "张伟" in f[3]] == [
        "干部“张伟”在 2026-02-21 至 2026-03-09 只有 0 个联系点（政策规定 1 个）（上一条安排于 2026-02-20 结束，下一条安排从 2026-03-10 开始）"]


def _graduates(day: str, successor: bool):
    """陈刚's class 计算机2401班 ends on `day`; with `successor` he holds a new freshman class from 2026-09-01, the first
    day of the academic year 2026-2027, whose first semester begins on 2026-09-07 (the calendar given that year)."""
    def change(records: Path):
        until(records, "classes/2024.yaml", "cs-2024-01", day)
        (records / "classes/2026.yaml").write_text(
            "cohort: 2026\nclasses:\n  - {id: cs-2026-01, name: 计算机2601班, unit: cs, major: 计算机科学与技术, headcount: 30}\n",
            encoding="utf-8")
        calendar = records / "calendar.yaml"
        calendar.write_text(calendar.read_text(encoding="utf-8") + (
            '  - id: 2026-2027\n    start: "2026-09-01"\n    end: "2027-08-31"\n    semesters:\n'
            '      - {id: 2026-2027-1, name: 2026—2027学年第一学期, start: "2026-09-07", end: "2027-01-15"}\n'
            '      - {id: 2026-2027-2, name: 2026—2027学年第二学期, start: "2027-02-25", end: "2027-07-10"}\n'), encoding="utf-8")
        if successor:
            rows = records / "assignments/2025-2027.yaml"
            rows.write_text(rows.read_text(encoding="utf-8") + '  - cadre: chen-gang\n    class: cs-2026-01\n'
                            '    start: "2026-09-01"\n    reason: 原联系班级毕业\n', encoding="utf-8")
    return change


def test_a_gap_in_the_summer_vacation_owes_no_contact_point(tmp_path):
    # A leader saw W-CHK-002 for 陈刚 in the summer: his class graduated on the second semester's last day (2026-07-10),
    # his new class was his from 2026-09-01; between them the calendar has no semester, no contact was possible
    def gaps(records: Path, today: str) -> list[str]:
        run = check_cli(records, "--today", today, "--format", "json")
        return [f["message"] for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-002" and "陈刚" in f["message"]]

    records = fixture_repo(tmp_path / "a", _graduates("2026-07-10", successor=True))
    assert gaps(records, "2026-12-15") == []
    # no new row yet: nothing owed while the vacation lasts; from the first semester's first day the gap is told, whole
    records = fixture_repo(tmp_path / "b", _graduates("2026-07-10", successor=False))
    assert gaps(records, "2026-09-06") == []
    assert gaps(records, "2026-09-10") == ["干部“陈刚”在 2026-07-11 至 2026-09-10 只有 0 个联系点（政策规定 1 个）"
                                           "（上一条安排的班级“计算机2401班”只存续到 2026-07-10，之后没有新的安排）"]
    # graduated on 2026-06-30, the policy without contacts.end_of_semester_days (test below): the semester's last ten
    # days (07-01 to 07-10) had no contact point, the gap is told ...
    records = fixture_repo(tmp_path / "c", _graduates("2026-06-30", successor=True))
    assert gaps(records, "2026-12-15") == ["干部“陈刚”在 2026-07-01 至 2026-08-31 只有 0 个联系点（政策规定 1 个）"
                                           "（上一条安排的班级“计算机2401班”只存续到 2026-06-30，下一条安排从 2026-09-01 开始）"]
    # ... unless the calendar's semester ended by then: the vacation is the calendar's, not a date in the code
    calendar = records / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace('start: "2026-02-25", end: "2026-07-10"',
                                                                     'start: "2026-02-25", end: "2026-06-30"'), encoding="utf-8")
    assert gaps(records, "2026-12-15") == []


def _policy_days(records: Path, days: int) -> None:
    """The policy's contacts.end_of_semester_days (records/policy.yaml), written under contacts: as an administrator would."""
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "contacts:\n" in text
    policy.write_text(text.replace("contacts:\n", f"contacts:\n  end_of_semester_days: {days}\n", 1), encoding="utf-8")


def test_a_class_graduating_in_its_semester_s_last_days_leaves_its_cadre_no_gap(tmp_path):
    # A class graduating on 06-30 while the spring semester runs to 07-10 gave its cadre W-CHK-002 for 07-01..07-10:
    # not the cadre's failing, the point ends with the class and the next cycle replaces it. The policy says how
    # near the semester's end a class or club may end for the rest of that semester to be no gap.
    def gaps(records: Path, today: str, lang: str = "zh") -> list[str]:
        run = check_cli(records, "--today", today, "--format", "json", "--lang", lang)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stdout[-3000:] + run.stderr
        return [f["message"] for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-002" and "陈刚" in f["message"]]

    def graduates(day: str, successor: bool, days: int | None):
        def change(records: Path):
            _graduates(day, successor)(records)
            if days is not None:
                _policy_days(records, days)
        return change

    # ten days before the semester's end (07-10), the policy allowing 14: nothing told, the new row from 09-01
    records = fixture_repo(tmp_path / "a", graduates("2026-06-30", successor=True, days=14))
    assert gaps(records, "2026-12-15") == []
    assert gaps(records, "2026-07-08") == []  # (nor while the semester still ran)
    # no new row by the new semester: the gap is told, whole, as one in the summer vacation is
    records = fixture_repo(tmp_path / "b", graduates("2026-06-30", successor=False, days=14))
    assert gaps(records, "2026-09-06") == []
    assert gaps(records, "2026-09-10") == ["干部“陈刚”在 2026-07-01 至 2026-09-10 只有 0 个联系点（政策规定 1 个）"
                                           "（上一条安排的班级“计算机2401班”只存续到 2026-06-30，之后没有新的安排）"]
    # a class ending in April (81 days before): a real gap, told, in Chinese and English
    records = fixture_repo(tmp_path / "c", graduates("2026-04-20", successor=True, days=14))
    assert gaps(records, "2026-12-15") == ["干部“陈刚”在 2026-04-21 至 2026-08-31 只有 0 个联系点（政策规定 1 个）"
                                           "（上一条安排的班级“计算机2401班”只存续到 2026-04-20，下一条安排从 2026-09-01 开始）"]
    assert gaps(records, "2026-12-15", "en") == [
        "cadre '陈刚' held 0 contact points from 2026-04-21 to 2026-08-31 (the policy requires 1) (the previous "
        "assignment's class '计算机2401班' existed until 2026-04-20; the next one starts on 2026-09-01)"]
    # the number is the policy's: 7 days are fewer than the ten left, and a policy without it excuses none
    for name, days in (("d", 7), ("e", None)):
        records = fixture_repo(tmp_path / name, graduates("2026-06-30", successor=True, days=days))
        assert gaps(records, "2026-12-15") == ["干部“陈刚”在 2026-07-01 至 2026-08-31 只有 0 个联系点（政策规定 1 个）"
                                               "（上一条安排的班级“计算机2401班”只存续到 2026-06-30，下一条安排从 2026-09-01 开始）"]
    # a number changed later judges the semesters begun before it by the earlier one (contacts.earlier)
    def changed(records: Path):
        graduates("2026-06-30", successor=True, days=14)(records)
        policy = records / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace(
            "contacts:\n", 'contacts:\n  earlier:\n    - {until: "2026-08-31", end_of_semester_days: 5}\n', 1), encoding="utf-8")
    assert len(gaps(fixture_repo(tmp_path / "f", changed), "2026-12-15")) == 1


def test_a_june_graduation_s_row_is_told_to_end_with_no_new_row_asked_for_and_no_planning_warning(tmp_path):
    # the same June graduation: W-CHK-013 asked to end the row *and add a new one* though his next row begins on
    # 09-01 and the days between are owed nothing; once ended (end: 2026-06-30), W-CHK-003 said before that day that
    # no assignment follows it
    def graduated(end: str | None, days: int = 14):
        def change(records: Path):
            _graduates("2026-06-30", successor=True)(records)
            _policy_days(records, days)
            if end:
                path = records / "assignments/2025-2027.yaml"
                row = '  - cadre: chen-gang\n    class: cs-2024-01\n    start: "2025-09-01"\n'
                text = path.read_text(encoding="utf-8")
                assert row in text
                path.write_text(text.replace(row, row + f'    end: "{end}"\n'), encoding="utf-8")
        return change

    def said(records: Path, today: str, code: str, lang: str = "zh") -> list[dict]:
        run = check_cli(records, "--today", today, "--format", "json", "--lang", lang)
        return [f for f in json.loads(run.stdout)["findings"] if f["code"] == code and "陈刚" in f["message"]]

    records = fixture_repo(tmp_path / "a", graduated(None))
    [f] = said(records, "2026-12-15", "W-CHK-013")
    assert f["hint"] == ("2026-06-30 以后这条安排已不再计算。请管理员结束它：在这一行加上一行 end: 2026-06-30，"
                         "再加上一行 reason: 班级毕业（与 start: 对齐；原因如“班级毕业”“社团撤销”）；"
                         "干部“陈刚”的下一条安排从 2026-09-01 开始，其间不须联系点，不必另加一行。")
    [en] = said(records, "2026-12-15", "W-CHK-013", "en")
    assert en["hint"].endswith("the cadre's next assignment starts on 2026-09-01, and the days between owe no contact point: "
                               "no row to add.")
    ended = fixture_repo(tmp_path / "b", graduated("2026-06-30"))
    assert said(ended, "2026-06-15", "W-CHK-003") == [] and said(ended, "2026-12-15", "W-CHK-002") == []
    # days owed between (the policy's 7 < the ten days left): a new row asked for, and the planning warning given
    records = fixture_repo(tmp_path / "c", graduated(None, days=7))
    [f] = said(records, "2026-12-15", "W-CHK-013")
    assert f["hint"].endswith("并为干部“陈刚”新增一行新的联系点安排。")
    ended = fixture_repo(tmp_path / "d", graduated("2026-06-30", days=7))
    assert [f["message"] for f in said(ended, "2026-06-15", "W-CHK-003")] == \
        ["干部“陈刚”的这条安排将于 2026-06-30 结束，但之后没有新的联系点安排"]


def _source(page: Path) -> str:
    """A built page's HTML, a date kept whole (in a table, d924fa1, or a heading) written as the browser shows it."""
    return re.sub(r'<span class="whole">([^<]*)</span>', r"\1", page.read_text(encoding="utf-8"))


def _text(page: Path) -> str:
    body = _source(page).split('<article', 1)[1].split("</article>", 1)[0]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def _row(page: Path, first: str) -> list[str]:
    """The cells of the table row of a built page whose first cell is `first`."""
    for tr in re.findall(r"<tr>(.*?)</tr>", page.read_text(encoding="utf-8"), re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no row {first} in {page}")


def test_the_site_counts_only_the_classes_clubs_and_units_that_still_exist(tmp_path):
    def ended(records: Path):
        until(records, "classes/2024.yaml", "cs-2024-01", "2026-01-31")  # 陈刚's class graduated
        until(records, "classes/2025.yaml", "me-2025-01", "2026-02-28")
        until(records, "clubs.yaml", "club-robotics", "2026-03-20")  # 李娜's club dissolved
        units = records / "units.yaml"
        units.write_text(units.read_text(encoding="utf-8") + "  - id: old\n    name: 旧学院\n    type: 学院\n"
                         '    until: "2025-12-31"\n    reviewers: [wang-admin]\n', encoding="utf-8")

    before = mkdocs_build(fixture_repo(tmp_path / "a"), tmp_path / "a" / "out", FIXTURE_TODAY).public
    site = mkdocs_build(fixture_repo(tmp_path / "b", ended), tmp_path / "b" / "out", FIXTURE_TODAY).public
    # the units' index: classes and clubs that exist today; a merged unit below the table
    assert _row(before / "units/index.html", "计算机学院")[3] == "3" and _row(before / "units/index.html", "机械学院")[3:5] == ["1", "1"]
    assert _row(site / "units/index.html", "计算机学院")[3] == "2" and _row(site / "units/index.html", "机械学院")[3:5] == ["0", "0"]
    index = _text(site / "units/index.html")
    assert "已合并或撤销的单位（以往的记录仍在其页面上）： 旧学院 （至 2025-12-31）" in index
    assert "本单位已于 2025-12-31 合并或撤销" in _text(site / "units/old.html")
    # (this year's uncovered freshman classes: 计算机2502班, before and after; test_units_count_this_years_…)
    assert _row(before / "units/index.html", "计算机学院")[5] == "1" and _row(site / "units/index.html", "计算机学院")[5] == "1"
    cs = _text(site / "units/cs.html")
    assert "计算机2501班" in cs and "计算机2401班" not in cs and "计算机2401班" in _text(before / "units/cs.html")
    me = _text(site / "units/me.html")
    assert "机器人协会" not in me and "机械2501班" not in me and "机械2501班" in _text(before / "units/me.html")
    # freshman coverage of 2025-2026: 机械2501班 no longer counted
    assert "机械2501班" in _text(before / "coverage.html") and "机械2501班" not in _text(site / "coverage.html")
    # 附件1: no longer in the current arrangement; the rows stay, ending on the day their point ended, saying why
    current = "陈刚 党委学生工作部 党委学生工作部部长 计算机2401班 班级 计算机学院 2024级 2025-09-01 至 2027-08-31"
    assert current in _text(before / "attachment1.html")
    a1 = _text(site / "attachment1.html")
    assert "2024级" not in a1 and "机器人协会 社团" not in a1
    assert "计算机2401班（班级） 2025-09-01 至 2026-01-31 班级于 2026-01-31 结束" in a1
    assert "机器人协会（社团） 2026-03-01 至 2026-03-20" in a1



def test_a_row_starting_after_its_class_ended_is_not_a_cadre_out_of_office(tmp_path):
    # 计算机2401班 ended before 陈刚's row began: the row is no one's point, not "陈刚 not in office" (E-CHK-003)
    run = check_cli(fixture_repo(tmp_path, lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2025-08-31")),
                    "--today", FIXTURE_TODAY, "--format", "json")
    js = json.loads(run.stdout)
    # (his 2025-H2 ledger, of a time he held no point, is the error: E-CHK-004; the row, W-CHK-013)
    assert [f["code"] for f in js["findings"] if f["severity"] == "error"] == ["E-CHK-004"]
    assert [(f["line"], f["column"]) for f in js["findings"] if f["code"] == "W-CHK-013"] == [(18, 12)]
    # his gap: at that row's class (what to change), saying why, not at his file's active_from
    assert [(f["file"], f["line"], f["column"], f["message"]) for f in js["findings"]
            if f["code"] == "W-CHK-002" and "陈刚" in f["message"]] == \
        [("records/assignments/2025-2027.yaml", 18, 12, "干部“陈刚”在 2025-09-01 至 2026-03-25 只有 0 个联系点（政策规定 1 个）"
          "（这条安排从 2025-09-01 开始，而班级“计算机2401班”只存续到 2025-08-31，不算联系点）")]


def test_a_gap_after_a_row_naming_a_club_dissolved_before_it_began_is_at_that_row(tmp_path):
    # 李娜's class row ends 2026-02-28 and her next row names 机器人协会 from 2026-03-01, dissolved on
    # 2026-02-20: the gap was told at the class row, "with no successor", as if no row followed
    records = fixture_repo(tmp_path, lambda r: until(r, "clubs.yaml", "club-robotics", "2026-02-20"))
    gaps = [f for f in check(records)["findings"] if f["code"] == "W-CHK-002" and "李娜" in f["message"]]
    assert [(f["file"], f["line"], f["column"], f["message"]) for f in gaps] == [
        ("records/assignments/2025-2027.yaml", 14, 11, "干部“李娜”在 2026-03-01 至 2026-03-25 只有 0 个联系点（政策规定 1 个）"
         "（这条安排从 2026-03-01 开始，而社团“机器人协会”只存续到 2026-02-20，不算联系点）")]
    [en] = [f for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-002" and "李娜" in f["message"]]
    assert en["message"].endswith("(this assignment starts on 2026-03-01, but its club '机器人协会' existed only until "
                                  "2026-02-20: it is no contact point)")


def test_an_assignment_still_naming_a_class_after_its_end_is_flagged_where_to_end_it(tmp_path):
    # 陈刚's class 计算机2401班 graduated on 2026-01-31; 附件1 still named it to the cycle's end, unflagged
    def graduated(records: Path):
        until(records, "classes/2024.yaml", "cs-2024-01", "2026-01-31")

    records = fixture_repo(tmp_path / "a", graduated)
    js = check(records)
    [f] = [f for f in js["findings"] if f["code"] == "W-CHK-013"]
    assert (f["file"], f["line"], f["column"], f["severity"]) == ("records/assignments/2025-2027.yaml", 18, 12, "warning")
    assert f["message"] == ("班级“计算机2401班”只存续到 2026-01-31（毕业、合并或撤销），这条安排（2025-09-01 至 2027-08-31）"
                            "在那以后仍把它列为干部“陈刚”的联系点")
    assert "end: 2026-01-31" in f["hint"] and "陈刚" in f["hint"]
    [en] = [f for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-013"]
    assert en["message"].startswith("class '计算机2401班' existed until 2026-01-31") and "end: 2026-01-31" in en["hint"]
    text = check_cli(records, "--today", FIXTURE_TODAY).stdout  # (with the other findings on contact points)
    points = text.split("【联系点安排与存续】", 1)[1].split("\n\n", 1)[0]
    assert "records/assignments/2025-2027.yaml:18:12: 警告 W-CHK-013: 班级“计算机2401班”只存续到 2026-01-31" in points
    # written before the day comes: nothing to do yet (张伟's 2026-H1 ledger, its March activity in the
    # future, landed on 2026-03-20: not there that day, it says nothing — no E-CHK-006)
    early = check_cli(records, "--today", "2026-01-31", "--format", "json")
    assert early.returncode == 0 and found(json.loads(early.stdout), "W-CHK-013") == []

    # ended as site/guide/admin.md says: the same day as `end`, with a reason
    def ended(records: Path):
        graduated(records)
        path = records / "assignments/2025-2027.yaml"
        row = "  - cadre: chen-gang\n    class: cs-2024-01\n    start: \"2025-09-01\"\n"
        text = path.read_text(encoding="utf-8")
        assert row in text
        path.write_text(text.replace(row, row + "    end: \"2026-01-31\"\n    reason: 班级毕业\n"), encoding="utf-8")

    assert found(check(fixture_repo(tmp_path / "b", ended)), "W-CHK-013") == []


def test_classes_clubs_and_cadres_still_in_a_unit_after_its_end_are_flagged_at_their_unit(tmp_path):
    # 机械学院 merged into 计算机学院 on 2026-01-31; its class, club and cadre still named it, unflagged
    def merged(records: Path):
        until(records, "units.yaml", "me", "2026-01-31")
        for cadre, post in (("zhang-wei", "2026-02-28"), ("chen-gang", "2025-12-31")):  # (the first after the end)
            path = records / f"cadres/{cadre}.yaml"
            path.write_text(path.read_text(encoding="utf-8") + f'earlier:\n  - until: "{post}"\n    unit: me\n',
                            encoding="utf-8")

    records = fixture_repo(tmp_path / "a", merged)
    js = check(records)
    assert [(file, line, col) for file, line, col, _ in found(js, "W-CHK-014")] == [
        ("records/cadres/li-na.yaml", 3, 7), ("records/cadres/zhang-wei.yaml", 8, 11),
        ("records/classes/2025.yaml", 18, 11), ("records/clubs.yaml", 4, 11)]
    by_file = {f["file"]: f for f in js["findings"] if f["code"] == "W-CHK-014"}
    assert by_file["records/classes/2025.yaml"]["message"] == \
        "班级“机械2501班”仍在单位“机械学院”，但该单位只存续到 2026-01-31（合并或撤销）"
    assert by_file["records/clubs.yaml"]["message"].startswith("社团“机器人协会”仍在单位“机械学院”")
    assert by_file["records/cadres/li-na.yaml"]["message"].startswith("干部“李娜”仍在单位“机械学院”")
    assert by_file["records/cadres/zhang-wei.yaml"]["message"] == \
        "干部“张伟”的以往任职（至 2026-02-28）仍在单位“机械学院”，但该单位只存续到 2026-01-31（合并或撤销）"
    hint = by_file["records/classes/2025.yaml"]["hint"]
    assert "“机械学院”2026-01-31 以后已不存在" in hint and "接替的单位" in hint and "不晚于 2026-01-31" in hint
    assert by_file["records/cadres/zhang-wei.yaml"]["hint"].endswith(
        "它也已结束的，把这一项以往任职的 until: 2026-02-28 改为在原单位的最后一天（不晚于 2026-01-31）。")
    en = {f["file"]: f for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-014"}
    assert en["records/cadres/zhang-wei.yaml"]["message"] == ("cadre '张伟''s earlier post (until 2026-02-28) is still in "
                                                              "unit '机械学院', which existed until 2026-01-31 (merged or dissolved)")
    assert "the unit that took over" in en["records/clubs.yaml"]["hint"]
    # the text report lists them with the other end dates (W-CHK-013), not among 其他提示
    for lang, title in (("zh", "【联系点安排与存续】"), ("en", "[Contact points and end dates]")):
        text = check_cli(records, "--today", FIXTURE_TODAY, "--lang", lang).stdout
        group = text.split(title, 1)[1].split("\n\n", 1)[0]
        assert group.count("W-CHK-014") == 4 and text.count("W-CHK-014") == 4, text
    # on the unit's last day there is nothing to do yet
    early = check_cli(records, "--today", "2026-01-31", "--format", "json")
    assert "Traceback" not in early.stderr and found(json.loads(early.stdout), "W-CHK-014") == []

    # moved or ended as the hint says: nothing left (陈刚's post there, ended before, is history)
    def settled(records: Path):
        merged(records)
        until(records, "classes/2025.yaml", "me-2025-01", "2026-01-31")  # (merged into another class)
        clubs = records / "clubs.yaml"
        clubs.write_text(clubs.read_text(encoding="utf-8").replace("unit: me", "unit: cs"), encoding="utf-8")
        li_na = records / "cadres/li-na.yaml"
        li_na.write_text(li_na.read_text(encoding="utf-8").replace("unit: me", "unit: cs")
                         + 'earlier:\n  - until: "2026-01-31"\n    unit: me\n', encoding="utf-8")
        zhang = records / "cadres/zhang-wei.yaml"
        zhang.write_text(zhang.read_text(encoding="utf-8").replace('until: "2026-02-28"', 'until: "2026-01-31"'),
                         encoding="utf-8")

    assert found(check(fixture_repo(tmp_path / "b", settled)), "W-CHK-014") == []


def test_the_hint_of_w_chk_014_names_the_unit_that_took_over_when_the_records_say(tmp_path):
    # 机械学院 merged on 2026-01-31; once 李娜 is recorded as moving from it to 计算机学院 that day
    # (RecordSet.took_over), the hint for its class and club names that unit, in both languages
    def merged(records: Path, moved: bool):
        until(records, "units.yaml", "me", "2026-01-31")
        if moved:
            li_na = records / "cadres/li-na.yaml"
            li_na.write_text(li_na.read_text(encoding="utf-8").replace("unit: me", "unit: cs")
                             + 'earlier:\n  - until: "2026-01-31"\n    unit: me\n', encoding="utf-8")

    for moved in (False, True):
        records = fixture_repo(tmp_path / str(moved), lambda r: merged(r, moved))
        zh = {f["file"]: f["hint"] for f in check(records)["findings"] if f["code"] == "W-CHK-014"}
        en = {f["file"]: f["hint"] for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-014"}
        assert set(zh) >= {"records/classes/2025.yaml", "records/clubs.yaml"}
        for file in ("records/classes/2025.yaml", "records/clubs.yaml"):
            if moved:
                assert "请管理员把它改到接替的单位“计算机学院”（unit: cs；" in zh[file], zh[file]
                assert "moves it to the unit that took over, '计算机学院' (unit: cs;" in en[file], en[file]
            else:  # the records do not say: the hint asks for it without a name
                assert "请管理员把它改到接替的单位（unit 写那个单位的编号；" in zh[file] and "计算机学院" not in zh[file]
                assert "the unit that took over (unit: that unit's id;" in en[file]


def _table(page: Path, heading: str) -> list[list[str]]:
    """The rows (cells) of the first table after the heading that starts with `heading` on a built page."""
    part = _source(page).split(">" + heading, 1)[1].split("<h2", 1)[0]
    rows = [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
            for tr in re.findall(r"<tr>(.*?)</tr>", part, re.S)]
    return [r for r in rows if r]


def test_units_count_this_years_uncovered_freshman_classes_as_the_home_page_does(tmp_path):
    # 2026-03-25: the year 2025-2026. 计算机学院's count was 2: 计算机2401班's 2024-2025, when no cycle existed
    # yet (no one could be assigned), counted with this year's 计算机2502班, under a label naming no year
    site = mkdocs_build(fixture_repo(tmp_path), tmp_path / "out", FIXTURE_TODAY).public
    index = site / "units/index.html"
    assert "未覆盖新生班级（2025-2026 学年）" in _text(index)
    home = {}  # the home page's uncovered classes of this year, by unit
    for cls, unit, *_ in _table(site / "index.html", "新生班级覆盖：2025-2026 学年"):  # (class, unit, major, 覆盖情况)
        home.setdefault(unit, []).append(cls)
    assert home == {"计算机学院": ["计算机2502班"], "机械学院": ["机械2501班"]}
    for unit, page in (("计算机学院", "cs"), ("机械学院", "me"), ("党委学生工作部", "xgb")):
        listed = [r[0] for r in _table(site / f"units/{page}.html", "未覆盖的新生班级：2025-2026 学年")]
        assert _row(index, unit)[5] == str(len(listed)) and listed == home.get(unit, []), (unit, listed)
    assert "以往各学年的覆盖情况见 新生班级覆盖" in _text(site / "units/cs.html")
    assert "本单位没有 2025-2026 学年的新生班级" in _text(site / "units/xgb.html")  # (a department: no class)


def test_units_and_home_say_which_year_they_show_when_today_is_in_no_academic_year(tmp_path):
    # the calendar ends on 2026-08-31: on 2026-10-01 the pages showed 2025-2026's classes as this year's
    records = fixture_repo(tmp_path)
    site = mkdocs_build(records, tmp_path / "after", "2026-10-01").public
    note = "校历（records/calendar.yaml）中没有 2026-10-01 所在的学年，这里是最近的 2025-2026 学年。"
    assert note in _text(site / "index.html") and note in _text(site / "units/cs.html")
    assert "“未覆盖新生班级”：" + note in _text(site / "units/index.html")
    assert _row(site / "units/index.html", "计算机学院")[5] == "1"  # (its table after the note)
    assert [r[0] for r in _table(site / "units/cs.html", "未覆盖的新生班级：2025-2026 学年")] == ["计算机2502班"]
    # in a year of the calendar, nothing to say
    today = mkdocs_build(records, tmp_path / "in", FIXTURE_TODAY).public
    assert "校历（records/calendar.yaml）中没有" not in _text(today / "index.html") + _text(today / "units/cs.html")
    # before the first year: nothing to count, and no "all covered" for a year not named
    early = mkdocs_build(records, tmp_path / "before", "2024-08-15").public
    cs = _text(early / "units/cs.html")
    assert "校历（records/calendar.yaml）中没有 2024-08-15 所在的学年，还没有可统计的新生班级。" in cs
    assert "都已有联系干部" not in cs


def test_a_row_starting_after_its_class_ended_shows_its_dates_and_why_it_is_no_point(tmp_path):
    # 计算机2401班 ended on 2025-08-31, the day before 陈刚's row began: 附件1 and his page showed the row
    # as "2025-09-01 至 2025-08-31", an end before its start, as if the class had ended during it
    records = fixture_repo(tmp_path, lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2025-08-31"))
    site = mkdocs_build(records, tmp_path / "out", FIXTURE_TODAY).public
    row = "计算机2401班（班级） 2025-09-01 至 2027-08-31 班级在这以前已于 2025-08-31 结束，这条安排不算联系点"
    a1 = _text(site / "attachment1.html")
    assert "2025-09-01 陈刚 " + row in a1 and "至 2025-08-31" not in a1
    assert "陈刚 党委学生工作部" not in a1.split("周期内的调整", 1)[0]  # (not in the current arrangement)
    page = _text(site / "cadres/chen-gang.html")
    assert "当前联系点 无" in page and "至 2025-08-31" not in page
    assert "计算机2401班 班级 计算机学院 2025-09-01 至 2027-08-31 班级在这以前已于 2025-08-31 结束，这条安排不算联系点" in page


def test_a_new_ledger_does_not_offer_a_class_that_had_ended_before_the_row_began(tmp_path):
    # 计算机2401班 ended on 2025-08-31, the day before 陈刚's row: `new ledger` prefilled it for 2025-H2
    # ("2025-09-01 起，至 2025-08-31"), a ledger `check` then refuses as of a time he held no point (E-CHK-004)
    def ended(records: Path):
        until(records, "classes/2024.yaml", "cs-2024-01", "2025-08-31")
        (records / "ledgers/2025-H2/chen-gang.yaml").unlink()

    records = fixture_repo(tmp_path, ended)
    run = generator_cli(records.parent, "new", "ledger", "--cadre", "chen-gang", "--period", "2025-H2")
    assert "Traceback" not in run.stderr and "W-NEW-001" in run.stdout + run.stderr, run.stdout + run.stderr
    text = (records / "ledgers/2025-H2/chen-gang.yaml").read_text(encoding="utf-8")
    assert "cs-2024-01" not in text and "至 2025-08-31" not in text


def test_a_row_with_an_end_naming_a_class_ended_before_it_is_flagged_at_its_class(tmp_path):
    # 机械2501班 ended on 2025-08-31; 李娜's row with it runs 2025-09-01 to 2026-02-28: there is no end to
    # write (W-CHK-013 pointed at its `end`, as for a class that ended during the row), the class is to change
    records = fixture_repo(tmp_path, lambda r: until(r, "classes/2025.yaml", "me-2025-01", "2025-08-31"))
    js = check(records)
    at = {f["code"]: (f["file"], f["line"], f["column"]) for f in js["findings"]
          if f["code"] in ("W-CHK-002", "W-CHK-013") and "李娜" in f["message"]}
    assert at == {"W-CHK-013": ("records/assignments/2025-2027.yaml", 9, 12),
                  "W-CHK-002": ("records/assignments/2025-2027.yaml", 9, 12)}


def test_the_home_page_says_when_its_semester_has_ended(tmp_path):
    # the last semester of the calendar ended on 2026-07-10: on 2026-10-01 the home page still headed
    # its activities 本学期联系学生活动：2025—2026学年第二学期, as if it were still going on
    records = fixture_repo(tmp_path)
    after = _text(mkdocs_build(records, tmp_path / "after", "2026-10-01").public / "index.html")
    assert "上一学期联系学生活动：2025—2026学年第二学期 2025—2026学年第二学期已于 2026-07-10 结束，" \
           "2026-10-01 不在校历的任何学期之内。" in after and "本学期联系学生活动" not in after
    during = _text(mkdocs_build(records, tmp_path / "in", FIXTURE_TODAY).public / "index.html")
    assert "本学期联系学生活动：2025—2026学年第二学期 共 " in during and "不在校历的任何学期之内" not in during


def test_the_hint_for_a_row_starting_after_its_class_ended_does_not_ask_for_an_end_before_its_start(tmp_path):
    # 陈刚's row begins 2025-09-01, his class ended 2025-08-31: `end: 2025-08-31` would end it before it
    # began; the row is to be removed or to name the class or club that took over
    records = fixture_repo(tmp_path, lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2025-08-31"))
    # (his 2025-H2 ledger is then an error, E-CHK-004: exit code 1)
    runs = [check_cli(records, "--today", FIXTURE_TODAY, "--format", "json", *lang) for lang in ([], ["--lang", "en"])]
    assert [r.returncode for r in runs] == [1, 1] and not any("Traceback" in r.stderr for r in runs)
    [zh], [en] = ([f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-013"] for r in runs)
    assert "end: 2025-08-31" not in zh["hint"] and "end: 2025-08-31" not in en["hint"]
    assert "删去这一行" in zh["hint"] and "接替" in zh["hint"] and "2025-09-01" in zh["hint"]
    assert "removes the row" in en["hint"] and "took over" in en["hint"]
    # a row that began while its class existed is still to be ended on the class's last day
    later = fixture_repo(tmp_path / "later", lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2026-01-31"))
    [zh] = [f for f in check(later)["findings"] if f["code"] == "W-CHK-013"]
    assert zh["hint"].startswith("2026-01-31 以后这条安排已不再计算。请管理员结束它：在这一行加上一行 end: 2026-01-31")


def test_the_json_assignment_rows_show_a_row_starting_after_its_class_ended_as_written_and_why(tmp_path):
    # as 附件1: 陈刚's row from 2025-09-01 naming 计算机2401班 (ended 2025-08-31) is not "2025-09-01 to 2025-08-31"
    records = fixture_repo(tmp_path, lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2025-08-31"))
    run = check_cli(records, "--today", FIXTURE_TODAY, "--format", "json")
    assert run.returncode == 1 and "Traceback" not in run.stderr  # (his 2025-H2 ledger: E-CHK-004)
    rows = {r["cadre"]: r["rows"] for r in json.loads(run.stdout)["assignments"]}
    [row] = rows["chen-gang"]
    assert (row["point"], row["start"], row["end"]) == ("cs-2024-01", "2025-09-01", "2027-08-31")
    assert row["void"] is True and row["point_until"] == "2025-08-31"
    # a row cut by its class's end still ends that day, counting until then
    later = check(fixture_repo(tmp_path / "later", lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2026-01-31")))
    [row] = {r["cadre"]: r["rows"] for r in later["assignments"]}["chen-gang"]
    assert (row["start"], row["end"], row["void"], row["point_until"]) == ("2025-09-01", "2026-01-31", False, "2026-01-31")
    assert all(r["void"] is False for c in later["assignments"] for r in c["rows"])


def _typed(records: Path, row: str, hint: str) -> None:
    """The lines W-CHK-013's hint gives, typed into the row of the fixture's 2025-2027 table that begins with `row`,
    as an administrator reads them: an end it says to change (把这一行的 end: A 改为 end: B) replaced, each line it says
    to add (加上一行 key: value) written under the row's last line, at its keys' indentation."""
    path = records / "assignments/2025-2027.yaml"
    text = path.read_text(encoding="utf-8")
    head = text.index(row)
    tail = text.find("\n  - ", head)
    tail = len(text) if tail < 0 else tail + 1
    block = text[head:tail]
    if m := re.search(r"把这一行的 end: (\S+) 改为 end: (\d{4}-\d\d-\d\d)", hint):
        assert f'    end: "{m[1]}"\n' in block, block
        block = block.replace(f'    end: "{m[1]}"\n', f'    end: "{m[2]}"\n')
    for key, value in re.findall(r"加上一行 (end|reason): ([^（，；]+)", hint):
        block += f"    {key}: {value}\n"
    path.write_text(text[:head] + block + text[tail:], encoding="utf-8")


def test_the_hint_to_end_a_row_gives_the_lines_the_row_lacks_and_typed_they_make_no_yaml_error(tmp_path):
    # W-CHK-013 said to write end: and a reason even where the row had them: typed as said, reason (or end) twice in
    # one row — E-YAML-003, the whole table unread. Each case: the hint as read, then its lines typed and checked.
    def said(records: Path, today: str = FIXTURE_TODAY, lang: str = "zh") -> list[dict]:
        run = check_cli(records, "--today", today, "--format", "json", "--lang", lang)
        assert "Traceback" not in run.stderr, run.stderr
        return [f for f in json.loads(run.stdout)["findings"] if f["code"] in ("W-CHK-013", "W-CHK-020")
                or f["code"].startswith("E-YAML")]

    # 李娜's row of 机械2501班 has end: 2026-02-28 and reason:, and the class ended on 2026-01-31
    records = fixture_repo(tmp_path / "a", lambda r: until(r, "classes/2025.yaml", "me-2025-01", "2026-01-31"))
    [f] = said(records)
    assert f["code"] == "W-CHK-013" and "加上一行" not in f["hint"], f["hint"]
    assert "请管理员结束它：把这一行的 end: 2026-02-28 改为 end: 2026-01-31；这一行已有 reason，不要再加一行 reason:" in f["hint"]
    [en] = said(records, lang="en")
    assert "changes the row's end: 2026-02-28 to end: 2026-01-31; the row has a reason already: no second reason line" \
        in en["hint"], en["hint"]
    _typed(records, "  - cadre: li-na\n    class: me-2025-01\n", f["hint"])
    assert said(records) == []
    # her row of 机器人协会 has reason: (it began inside the cycle) and no end; the club was dissolved on 2026-03-20
    def dissolved(r: Path):
        path = r / "clubs.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "    name: 机器人协会\n", '    name: 机器人协会\n    until: "2026-03-20"\n', 1), encoding="utf-8")
    records = fixture_repo(tmp_path / "b", dissolved)
    [f] = said(records)
    assert "请管理员结束它：在这一行加上一行 end: 2026-03-20；这一行已有 reason，不要再加一行 reason:" in f["hint"], f["hint"]
    assert "reason: 社团撤销" not in f["hint"]
    [en] = said(records, lang="en")
    assert "(adds the line end: 2026-03-20 to the row; the row has a reason already" in en["hint"], en["hint"]
    _typed(records, "  - cadre: li-na\n    club: club-robotics\n", f["hint"])
    assert said(records) == []
    # 陈刚's row of 计算机2401班 has neither: both lines to add, and typed, nothing more to say
    records = fixture_repo(tmp_path / "c", lambda r: until(r, "classes/2024.yaml", "cs-2024-01", "2026-01-31"))
    [f] = said(records)
    assert "请管理员结束它：在这一行加上一行 end: 2026-01-31，再加上一行 reason: 班级毕业（与 start: 对齐" in f["hint"], f["hint"]
    [en] = said(records, lang="en")
    assert "(adds the line end: 2026-01-31 to the row and the line reason: 班级毕业 (aligned with start:" in en["hint"]
    _typed(records, "  - cadre: chen-gang\n    class: cs-2024-01\n", f["hint"])
    assert said(records) == []


def test_the_hint_of_w_chk_014_changes_an_end_day_already_written_and_adds_one_not_there(tmp_path):
    # 机械学院 merged on 2026-01-31; its class with until: 2026-06-30 and 李娜 with active_to: 2026-05-31 were told to
    # write (写上) their last day — typed as said, a second until or active_to (E-YAML-003). The hint now changes the
    # value written, and adds the line only where there is none (the club); typed, each is settled
    def merged(records: Path):
        until(records, "units.yaml", "me", "2026-01-31")
        until(records, "classes/2025.yaml", "me-2025-01", "2026-06-30")
        li_na = records / "cadres/li-na.yaml"
        li_na.write_text(li_na.read_text(encoding="utf-8") + 'active_to: "2026-05-31"\n', encoding="utf-8")

    def said(records: Path, lang: str = "zh") -> dict:
        run = check_cli(records, "--today", FIXTURE_TODAY, "--format", "json", "--lang", lang)
        assert "Traceback" not in run.stderr, run.stderr
        return {f["file"]: f["hint"] for f in json.loads(run.stdout)["findings"]
                if f["code"] == "W-CHK-014" or f["code"].startswith("E-YAML")}

    records = fixture_repo(tmp_path, merged)
    zh, en = said(records), said(records, "en")
    assert set(zh) == {"records/classes/2025.yaml", "records/cadres/li-na.yaml", "records/clubs.yaml"}, zh
    assert zh["records/classes/2025.yaml"].endswith("它也已结束的，把 until: 2026-06-30 改为它存续的最后一天（不晚于 2026-01-31）。")
    assert zh["records/cadres/li-na.yaml"].endswith("它也已结束的，把 active_to: 2026-05-31 改为离任那天（不晚于 2026-01-31）。")
    assert zh["records/clubs.yaml"].endswith("它也已结束的，加上一行 until: 它存续的最后一天（不晚于 2026-01-31）。")
    assert en["records/classes/2025.yaml"].endswith("if it ended too, changes until: 2026-06-30 to its last day (no later "
                                                    "than 2026-01-31).")
    assert en["records/clubs.yaml"].endswith("if it ended too, adds the line until: its last day (no later than 2026-01-31).")
    for file, hint in zh.items():  # (typed: the day written, 2026-01-31, in place of the one there, or a line added)
        path = records.parent / file
        text = path.read_text(encoding="utf-8")
        if m := re.search(r"把 (\w+): (\S+) 改为", hint):
            assert f'{m[1]}: "{m[2]}"\n' in text
            text = text.replace(f'{m[1]}: "{m[2]}"\n', f'{m[1]}: "2026-01-31"\n')
        else:
            text = text.replace("    unit: me\n", '    unit: me\n    until: "2026-01-31"\n')
        path.write_text(text, encoding="utf-8")
    assert said(records) == {}
    # a club written in braces: inside them (a line under it is no YAML of the club)
    records = fixture_repo(tmp_path / "braces", merged)
    clubs = records / "clubs.yaml"
    text = clubs.read_text(encoding="utf-8")
    block = "  - id: club-robotics\n    name: 机器人协会\n    unit: me\n    category: 学术科技\n"
    assert block in text
    clubs.write_text(text.replace(block, "  - {id: club-robotics, name: 机器人协会, unit: me, category: 学术科技}\n"),
                     encoding="utf-8")
    hint = said(records)["records/clubs.yaml"]
    assert hint.endswith("它也已结束的，在它的花括号中，最后一项之后、} 之前加上 , until: 它存续的最后一天（不晚于 2026-01-31）。"), hint
    assert said(records, "en")["records/clubs.yaml"].endswith(
        "adds , until: its last day inside its braces, after its last item, before the } (no later than 2026-01-31).")
    clubs.write_text(clubs.read_text(encoding="utf-8").replace("category: 学术科技}", 'category: 学术科技, until: "2026-01-31"}'),
                     encoding="utf-8")
    assert "records/clubs.yaml" not in said(records)


def test_a_row_written_in_braces_is_told_to_end_inside_them(tmp_path):
    # 陈刚's row written {cadre: …, class: …, start: …}: the hint's "加上一行 end: …" under it is no YAML of the row
    def braces(records: Path):
        until(records, "classes/2024.yaml", "cs-2024-01", "2026-01-31")
        path = records / "assignments/2025-2027.yaml"
        row = '  - cadre: chen-gang\n    class: cs-2024-01\n    start: "2025-09-01"\n'
        text = path.read_text(encoding="utf-8")
        assert row in text
        path.write_text(text.replace(row, '  - {cadre: chen-gang, class: cs-2024-01, start: "2025-09-01"}\n'),
                        encoding="utf-8")

    records = fixture_repo(tmp_path, braces)
    [f] = [f for f in check(records)["findings"] if f["code"] == "W-CHK-013"]
    assert "请管理员结束它：在这一行的花括号中，最后一项之后、} 之前加上 , end: 2026-01-31，再在 } 之前加上 , reason: 班级毕业（" \
        in f["hint"] and "加上一行" not in f["hint"], f["hint"]
    [en] = [f for f in check(records, "--lang", "en")["findings"] if f["code"] == "W-CHK-013"]
    assert "(adds , end: 2026-01-31 inside the row's braces, after its last item, before the } and , reason: 班级毕业 " \
        in en["hint"], en["hint"]
    path = records / "assignments/2025-2027.yaml"  # (typed as said)
    path.write_text(path.read_text(encoding="utf-8").replace(
        'start: "2025-09-01"}', 'start: "2025-09-01", end: 2026-01-31, reason: 班级毕业}'), encoding="utf-8")
    js = check(records)
    assert [f["code"] for f in js["findings"] if f["code"] in ("W-CHK-013", "W-CHK-020") or f["severity"] == "error"] == []
