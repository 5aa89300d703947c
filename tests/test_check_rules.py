"""Coverage (R2), contact points (R1/R4), semester contacts (R5), ledger content and the
feedback loop (R10/R11) on small real record folders."""
from __future__ import annotations

import datetime as dt
import json

from generator.check import run_checks
from generator.pipeline import validate_records
from tests.gitrepo import assignments, base, cadre, check_cli, classes, commit, handovers, init_repo, ledger, write


def check(root, today, files=None, **kw):
    write(root, {**base(), **(files or {})})
    rs, _ = validate_records(root / "records")
    return run_checks(rs, dt.date.fromisoformat(today), repo=root, **kw)


def found(result, code):
    return [f for f in result.findings if f.code == code]


def test_uncovered_freshman_class_is_named_with_unit_and_since(tmp_path):
    files = {"records/classes/2026.yaml": classes(2026, ("cs-2026-01", "cs"), ("me-2026-01", "me")),
             "records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
                 {"cadre": "wang-fang", "class": "cs-2026-01", "start": "2026-09-20"})}
    before = check(tmp_path, "2026-09-30", files)  # within the 30 grace days: not judged yet
    assert found(before, "W-CHK-001") == []
    result = check(tmp_path, "2026-11-28", files)
    (gap,) = found(result, "W-CHK-001")
    assert gap.file.endswith("classes/2026.yaml") and gap.line == 4
    assert "me-2026-01班" in gap.message_zh and "机械学院" in gap.message_zh and "2026-10-01" in gap.message_zh
    # the file and the line to type: a row from today (no contact claimed before it), the cadre's id left to fill in
    assert "records/assignments/2025-2027.yaml 中为该班级安排一位联系干部：加一行 - {cadre: 待填写, class: me-2026-01, " \
           "start: 2026-11-28, reason: 改为联系2026级新生班级}" in gap.hint_zh and "end: 2026-11-27" in gap.hint_zh
    assert "adds a row to" in gap.hint_en and "class: me-2026-01, start: 2026-11-28" in gap.hint_en
    year = next(y for y in result.data["coverage"] if y["academic_year"] == "2026-2027")
    by_id = {c["class"]: c for c in year["classes"]}
    assert by_id["cs-2026-01"]["covered"] and by_id["cs-2026-01"]["cadres"] == ["wang-fang"]
    assert by_id["me-2026-01"]["uncovered_since"] == "2026-10-01" and not by_id["me-2026-01"]["covered"]
    assert result.data["summary"]["uncovered_classes"] == 1
    assert found(check(tmp_path, "2026-11-28", files, strict=True), "W-CHK-001")[0].severity == "error"


def test_contact_point_overlap_gap_cycle_bounds_and_no_successor(tmp_path):
    files = {"records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
             "records/classes/2024.yaml": classes(2024, ("cs-2024-01", "cs"), ("cs-2024-02", "cs")),
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                 {"cadre": "zhang-wei", "class": "cs-2024-01", "start": "2026-03-01", "reason": "增加联系点"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2026-03-31",
                  "reason": "调整"},
                 {"cadre": "wang-fang", "class": "cs-2024-02", "start": "2025-08-01", "end": "2027-01-31",
                  "reason": "调整"})}
    result = check(tmp_path, "2026-11-28", files)
    (overlap,) = found(result, "E-CHK-001")
    assert overlap.line == 10 and "2 个联系点" in overlap.message_zh
    (outside,) = found(result, "E-CHK-002")
    assert outside.line == 19 and "2025-08-01" in outside.message_zh
    (gap,) = found(result, "W-CHK-002")  # li-na's row ended, nothing followed
    assert gap.line == 15 and "2026-04-01" in gap.message_zh and "没有新的安排" in gap.message_zh
    (plan,) = found(result, "W-CHK-003")  # wang-fang's row ends in January, nothing planned
    assert plan.line == 20 and "2027-02-01" in plan.hint_zh
    assert plan.message_en.startswith("the assignment of cadre '王芳' ends on"), plan.message_en  # (not "'王芳''s")


def test_semester_across_new_year_and_29_february(tmp_path):
    files = {"records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2028-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"}),
             "records/ledgers/2027-H2/zhang-wei.yaml": ledger("zhang-wei", "2027-H2", ["2027-08-20"]),
             "records/ledgers/2028-H1/zhang-wei.yaml": ledger("zhang-wei", "2028-H1", ["2028-01-10", "2028-02-29"])}
    result = check(tmp_path, "2028-03-01", files)
    cells = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "zhang-wei")["cells"]
    # 2028-01-10 falls in the autumn semester that crosses New Year; 29 Feb opens the spring one
    assert cells["2027-2028-1"] == {"required": 1, "count": 1, "met": True, "exempt": False}
    assert cells["2027-2028-2"]["count"] == 1
    assert [f.data["semester"] for f in found(result, "W-CHK-004")
            if f.data["cadre"] == "zhang-wei"] == ["2025-2026-1", "2025-2026-2", "2026-2027-1", "2026-2027-2"]
    (summer,) = found(result, "W-CHK-010")  # 2027-08-20 is in no semester
    assert summer.file.endswith("2027-H2/zhang-wei.yaml") and summer.line == 5
    assert "2027-2028-2" not in [f.data["semester"] for f in found(result, "W-CHK-004")]  # not ended yet


def test_semester_counts_take_first_and_last_days_and_today_and_no_later_day(tmp_path):
    # 2027-2028-1 runs 2027-09-01 … 2028-01-14, 2027-2028-2 from 2028-02-29 (tests/gitrepo.py's calendar)
    files = {"records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2028-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"}),
             "records/ledgers/2027-H2/zhang-wei.yaml": ledger("zhang-wei", "2027-H2", ["2027-08-31", "2027-09-01"]),
             "records/ledgers/2028-H1/zhang-wei.yaml": ledger(
                 "zhang-wei", "2028-H1", ["2028-03-02", "2028-01-14", "2028-01-15", "2028-02-29", "2028-03-01",
                                          "2028-02-29"])}
    result = check(tmp_path, "2028-03-01", files)
    cells = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "zhang-wei")["cells"]
    assert cells["2027-2028-1"]["count"] == 2  # its first day and its last
    assert cells["2027-2028-2"]["count"] == 3  # the same day twice, and today; not the day after today
    outside = found(result, "W-CHK-010")  # a day in no semester: in the summer break, in the winter one
    by_period = {f.file.rsplit("/", 2)[-2]: f.message_zh for f in outside}
    assert len(outside) == 2 and "2027-08-31" in by_period["2027-H2"] and "2028-01-15" in by_period["2028-H1"]
    (later,) = found(result, "E-CHK-006")
    assert "2028-03-02" in later.message_zh


def test_semester_exemption(tmp_path):
    files = {"records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [semester_contacts]\n"
                                        "    start: \"2025-10-01\"\n    end: \"2027-12-31\"\n    reason: 病假\n"}
    result = check(tmp_path, "2026-11-28", files)
    assert {f.data["cadre"] for f in found(result, "W-CHK-004")} == {"zhang-wei"}
    li = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "li-na")
    assert li["cells"]["2025-2026-1"]["exempt"] is True
    assert result.data["exemptions"][0]["state"] == "active"


def test_a_short_exemption_leaves_the_semester_owed(tmp_path):
    # three weeks of sick leave in a semester of four and a half months once excused it (any overlap);
    # an exemption now excuses a semester when it covers at least policy.exemptions.min_percent (50 %)
    # of the days the cadre held a contact point in it (judged once its July days' ledger is due)
    leave = {"records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [semester_contacts]\n"
                                        "    start: \"2026-03-16\"\n    end: \"2026-04-10\"\n    reason: 病假\n"}
    result = check(tmp_path, "2027-01-05", leave)
    li = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "li-na")
    assert li["cells"]["2025-2026-2"]["exempt"] is False
    assert "li-na" in {(f.data["cadre"]) for f in found(result, "W-CHK-004") if f.data["semester"] == "2025-2026-2"}
    policy = (tmp_path / "records/policy.yaml").read_text(encoding="utf-8") + "exemptions:\n  min_percent: 10\n"
    result = check(tmp_path, "2027-01-05", {**leave, "records/policy.yaml": policy})  # (26 of 133 days: 20 %)
    li = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "li-na")
    assert li["cells"]["2025-2026-2"]["exempt"] is True


def test_a_semester_is_judged_once_the_ledgers_recording_it_are_due(tmp_path):
    # the autumn semester ends 2026-01-16; its January days go in the 2026-H1 ledger, due 06-30.
    # W-CHK-004 on 2026-02-01 was false (and an error with --strict): the contact may be recorded later
    autumn = {"records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-08-20"], points=["me-2025-01"])}
    early = check(tmp_path, "2026-02-01", autumn)
    assert [f.data["semester"] for f in found(early, "W-CHK-004") if f.data["cadre"] == "li-na"] == []
    li = next(r for r in early.data["semester_matrix"]["rows"] if r["cadre"] == "li-na")
    assert li["cells"]["2025-2026-1"]["met"] is False
    assert {s["id"]: (s["ended"], s["judged"]) for s in early.data["semester_matrix"]["semesters"]}["2025-2026-1"] \
        == (True, False)
    late = check(tmp_path, "2026-07-01", autumn)
    assert "2025-2026-1" in [f.data["semester"] for f in found(late, "W-CHK-004") if f.data["cadre"] == "li-na"]
    recorded = {**autumn, "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-01-10", "2026-03-10"],
                                                                        points=["me-2025-01"])}
    assert [f for f in found(check(tmp_path, "2026-07-01", recorded), "W-CHK-004")
            if f.data["cadre"] == "li-na" and f.data["semester"] == "2025-2026-1"] == []


def test_ledger_content_against_assignments_and_today(tmp_path):
    files = {"records/cadres/wang-fang.yaml": cadre("王芳", "xgb", active_from="2026-09-01"),
             "records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-03-01"]),
             "records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-09-10", "2026-12-01"],
                                                              points=["me-2025-01"]),
             "records/ledgers/2027-H1/li-na.yaml": ledger("li-na", "2027-H1", points=["me-2025-01"])}
    result = check(tmp_path, "2026-11-28", files)
    (no_assignment,) = found(result, "E-CHK-004")
    assert no_assignment.file.endswith("2026-H1/wang-fang.yaml") and no_assignment.line == 2
    (not_held,) = found(result, "E-CHK-005")
    assert not_held.line == 3 and "me-2025-01" in not_held.message_zh and "cs-2025-01" in not_held.message_zh
    (future,) = found(result, "E-CHK-006")
    assert future.line == 11 and "2026-12-01" in future.message_zh
    (early,) = found(result, "E-CHK-007")
    assert early.file.endswith("2027-H1/li-na.yaml")


FEEDBACK_H2 = """
- id: fb-hot-water
  raised_on: "2025-10-10"
  kind: 问题
  category: 生活后勤
  description: 几名学生反映宿舍热水供应时间太短。
  status: 已上报
  escalated_to: 后勤处
- id: fb-study
  raised_on: "2025-10-10"
  kind: 建议
  category: 学业发展
  description: 一名学生建议增加答疑时间。
  status: 已解决
  resolution: 学院安排每周答疑。
  resolved_on: "2025-11-01"
- id: fb-no-target
  raised_on: "2025-10-10"
  kind: 问题
  category: 学业发展
  description: 一名学生反映选课系统不好用。
  status: 已上报
- id: fb-no-resolution
  raised_on: "2025-10-10"
  kind: 问题
  category: 学业发展
  description: 一名学生反映教室投影不清楚。
  status: 已解决
"""
FEEDBACK_H1 = """
- id: fb-study-again
  follows: fb-study
  raised_on: "2026-03-10"
  kind: 建议
  category: 学业发展
  description: 答疑时间又被取消了。
  status: 待处理
- id: fb-hot-water-2
  follows: fb-hot-water
  raised_on: "2026-03-10"
  kind: 问题
  category: 生活后勤
  description: 后勤处已延长热水供应时间。
  status: 已解决
  resolution: 热水供应延长到23点。
  resolved_on: "2026-03-01"
"""


def _status_line(text: str, item: str) -> int:
    """The line of the `status:` of the feedback item `item` in a ledger's text."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.strip() == f"- id: {item}")
    return next(n for n in range(start + 1, len(lines)) if lines[n].strip().startswith("status:")) + 1


def test_feedback_loop(tmp_path):
    files = {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"],
                                                              feedback=FEEDBACK_H2),
             "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"],
                                                              feedback=FEEDBACK_H1)}
    result = check(tmp_path, "2026-05-01", files)
    assert [f.line for f in found(result, "E-CHK-010")] == [32]
    (no_res,) = found(result, "E-CHK-011")
    assert "resolution" in no_res.message_zh and "resolved_on" in no_res.message_zh
    (reopened,) = found(result, "E-CHK-012")
    assert reopened.file.endswith("2026-H1/zhang-wei.yaml") and "fb-study" in reopened.message_zh
    chains = {c["root"]: c for c in result.data["feedback"]}
    assert chains["fb-hot-water"]["meaning"] == "resolved" and not chains["fb-hot-water"]["overdue"]
    assert [link["id"] for link in chains["fb-hot-water"]["links"]] == ["fb-hot-water", "fb-hot-water-2"]
    # a reopened item's age runs from its reopening (2026-03-10), not from its first report (203 days)
    study = chains["fb-study"]
    assert (study["status"], study["meaning"], study["age_days"], study["overdue"]) == ("待处理", "open", 52, False)
    assert chains["fb-no-target"]["overdue"] is True and chains["fb-no-target"]["unit"] == "cs"
    assert sorted(f.data["root"] for f in found(result, "W-CHK-007")) == ["fb-no-target"]
    result = check(tmp_path, "2026-06-01", files)
    study = next(c for c in result.data["feedback"] if c["root"] == "fb-study")
    assert (study["age_days"], study["overdue"], study["raised_on"]) == (83, True, "2025-10-10")
    overdue = found(result, "W-CHK-007")
    assert sorted(f.data["root"] for f in overdue) == ["fb-no-target", "fb-study"]
    # each at the status of its chain's latest link (the reopening at the link that reopens)
    h2, h1 = files["records/ledgers/2025-H2/zhang-wei.yaml"], files["records/ledgers/2026-H1/zhang-wei.yaml"]
    assert reopened.line == _status_line(h1, "fb-study-again")
    assert sorted((f.data["root"], f.file.rsplit("/", 2)[-2], f.line) for f in overdue) == [
        ("fb-no-target", "2025-H2", _status_line(h2, "fb-no-target")),
        ("fb-study", "2026-H1", _status_line(h1, "fb-study-again"))]
    # with a note the reopening is explained
    files["records/ledgers/2026-H1/zhang-wei.yaml"] = files["records/ledgers/2026-H1/zhang-wei.yaml"].replace(
        "  status: 待处理", "  status: 待处理\n  note: 学生再次反映，重新督办。")
    assert found(check(tmp_path, "2026-05-01", files), "E-CHK-012") == []


def test_an_item_in_progress_for_too_long_is_overdue_too(tmp_path):
    # R11 "open items that are getting old are flagged": 处理中 was never flagged, whatever its age
    item = ("  - id: fb-slow\n    raised_on: \"2025-10-10\"\n    kind: 问题\n    category: 生活后勤\n"
            "    description: 一名学生反映宿舍热水不稳定。\n    status: 处理中\n")
    files = {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=item)}
    assert found(check(tmp_path, "2025-12-01", files), "W-CHK-007") == []  # (52 days: within the 60)
    result = check(tmp_path, "2026-05-01", files)
    (overdue,) = found(result, "W-CHK-007")
    assert overdue.data == {"root": "fb-slow", "age_days": 203} and "处理中" in overdue.message_zh
    assert next(c for c in result.data["feedback"] if c["root"] == "fb-slow")["overdue"] is True


def test_a_changed_overdue_limit_applies_to_the_items_reported_after_the_change(tmp_path):
    # From 2026-12-01 an item is overdue after 30 days (it was 60). Changing overdue_days alone
    # made an item reported on 2026-11-01, within the 60 days it was given, overdue at once;
    # feedback.earlier keeps the number in force on the day each item was reported (or reopened)
    def item(fid, raised):
        return (f"  - id: {fid}\n    raised_on: \"{raised}\"\n    kind: 问题\n    category: 生活后勤\n"
                "    description: 学生反映宿舍热水不稳定。\n    status: 待处理\n")
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2026-H2/zhang-wei.yaml": ledger(
        "zhang-wei", "2026-H2", ["2026-11-01"], feedback=item("fb-before", "2026-11-01") + item("fb-after", "2026-12-05"))})
    commit(repo, "2026-12-06 10:00", "张伟 2026-H2")
    before = check_cli(repo / "records", "--today", "2026-12-20")
    assert "W-CHK-007" not in before.stdout  # (49 and 15 days: within the 60)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    thirty = policy.replace("  overdue_days: 60\n", "  overdue_days: 30\n")
    assert thirty != policy
    write(repo, {"records/policy.yaml": thirty})
    commit(repo, "2026-12-10 10:00", "超期改为30天")
    assert "fb-before”（生活后勤）已 49 天" in check_cli(repo / "records", "--today", "2026-12-20").stdout
    write(repo, {"records/policy.yaml": thirty.replace("  overdue_days: 30\n", "  overdue_days: 30\n  earlier:\n"
                                                        "    - {until: \"2026-11-30\", overdue_days: 60, reason: 2026年12月起30天}\n")})
    commit(repo, "2026-12-10 11:00", "以往的超期天数")
    after = check_cli(repo / "records", "--today", "2026-12-20")
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)
    later = check_cli(repo / "records", "--today", "2027-01-10").stdout  # 70 and 36 days
    assert "fb-before”（生活后勤）已 70 天仍为“待处理”，超过 60 天" in later
    assert "fb-after”（生活后勤）已 36 天仍为“待处理”，超过 30 天" in later


def test_broken_records_never_crash(tmp_path):
    files = {"records/ledgers/2025-H2/zhang-wei.yaml": "cadre: zhang-wei\nperiod: 2025-H2\ncontact_points: 5\n"
                                                       "activities: {date: 3}\nfeedback: [1, {id: 2, follows: 7}]\n",
             "records/assignments/2025-2027.yaml": "cycle: 2025-2027\nstart: nope\nassignments:\n  - cadre: [x]\n"
                                                   "  - {cadre: li-na, class: me-2025-01, start: \"2025-13-01\"}\n",
             "records/exemptions.yaml": "exemptions:\n  - {cadre: li-na, rules: ledger, start: 2025}\n",
             "records/imports/x.yaml": "source: x\nledgers:\n  - {path: 5, submitted: [1]}\n",
             "records/calendar.yaml": "academic_years: [{id: 2025-2026, start: \"2025-09-01\"}]\n"}
    result = check(tmp_path, "2026-11-28", files)
    assert isinstance(result.data["ledgers"], list)


def test_raising_the_minimum_does_not_judge_past_semesters_again(tmp_path):
    # the policy raises the minimum from 1 to 2 contacts a semester from 2026-09-01: zhang-wei met
    # students once in each semester of 2025-2026 and 2026-2027-1. Changing the number in
    # policy.yaml used to judge every past semester by the new one (two new W-CHK-004 on semesters
    # that had been met under the rule of their time); contacts.earlier keeps the old number for them
    once_each = {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
                 "records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-10-10"])}
    policy = base()["records/policy.yaml"]
    raised = policy.replace("min_per_semester: 1", "min_per_semester: 2")
    assert raised != policy

    def unmet(files):
        result = check(tmp_path, "2027-07-01", {**once_each, **files})
        assert not [f for f in result.findings if f.severity == "error" and f.code != "E-CHK-023"]  # (no Git here)
        row = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "zhang-wei")
        return (sorted(f.data["semester"] for f in found(result, "W-CHK-004") if f.data["cadre"] == "zhang-wei"),
                {s: c["required"] for s, c in row["cells"].items()})

    assert unmet({}) == ([], {"2025-2026-1": 1, "2025-2026-2": 1, "2026-2027-1": 1, "2026-2027-2": 1})
    assert unmet({"records/policy.yaml": raised})[0] == ["2025-2026-1", "2025-2026-2", "2026-2027-1"]
    dated = raised.replace("min_per_semester: 2\n", "min_per_semester: 2\n  earlier:\n"
                           "    - {until: \"2026-08-31\", min_per_semester: 1, reason: 2026年修订实施方案}\n")
    assert unmet({"records/policy.yaml": dated}) == (
        ["2026-2027-1"], {"2025-2026-1": 1, "2025-2026-2": 1, "2026-2027-1": 2, "2026-2027-2": 2})


def test_a_calendar_nobody_extended_is_named(tmp_path):
    # tests/gitrepo.py's calendar ends with 2027-2028 (2028-08-31). On 2028-10-15 the 2028 cohort's
    # freshman classes were not checked at all (no academic year of theirs), without a word
    files = {"records/classes/2028.yaml": classes(2028, ("cs-2028-01", "cs"))}
    assert found(check(tmp_path, "2028-08-31", files), "W-CHK-011") == []
    result = check(tmp_path, "2028-10-15", files)
    assert found(result, "W-CHK-001") == []  # (what the calendar cannot tell)
    (late,) = found(result, "W-CHK-011")
    assert late.file.endswith("records/calendar.yaml") and (late.line, late.column) == (16, 10)  # 2027-2028's end
    assert "校历只写到 2028-08-31" in late.message_zh and "2028-2029" in late.hint_zh
    files["records/calendar.yaml"] = base()["records/calendar.yaml"] + (
        "  - id: 2028-2029\n    start: \"2028-09-01\"\n    end: \"2029-08-31\"\n    semesters:\n"
        "      - {id: 2028-2029-1, name: 2028—2029学年第一学期, start: \"2028-09-01\", end: \"2029-01-14\"}\n")
    result = check(tmp_path, "2028-10-15", files)
    assert found(result, "W-CHK-011") == []
    assert [f.data["class"] for f in found(result, "W-CHK-001")] == ["cs-2028-01"]


def test_an_activity_on_a_day_without_a_contact_point_is_named(tmp_path):
    # li-na left on 2026-10-31; wang-fang took her class over on 2026-11-01. Li-na's activity of
    # 2026-12-20 and wang-fang's of 2026-10-15 were counted as contact-point work without a word
    files = {"records/cadres/li-na.yaml": cadre("李娜", "me", active_to="2026-10-31"),
             "records/cadres/wang-fang.yaml": cadre("王芳", "me", active_from="2026-11-01"),
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2026-10-31",
                  "reason": "调离"},
                 {"cadre": "wang-fang", "class": "me-2025-01", "start": "2026-11-01", "reason": "接任"}),
             "records/ledgers/2026-H2/li-na.yaml": ledger("li-na", "2026-H2", ["2026-10-10", "2026-12-20"],
                                                          points=["me-2025-01"]),
             "records/ledgers/2026-H2/wang-fang.yaml": ledger("wang-fang", "2026-H2", ["2026-10-15", "2026-11-20"],
                                                              points=["me-2025-01"])}
    result = check(tmp_path, "2027-01-05", files)
    got = sorted((f.file.rsplit("/", 1)[-1], f.line, f.column) for f in found(result, "W-CHK-012"))
    assert got == [("li-na.yaml", 11, 11), ("wang-fang.yaml", 5, 11)]
    left = next(f for f in found(result, "W-CHK-012") if "li-na" in f.file)
    # the days of 2026-H2 on which she held it, not her row's whole run (from 2025-09-01)
    assert "2026-12-20" in left.message_zh and "本期持有联系点的时间：2026-07-01 至 2026-10-31）" in left.message_zh
    assert "2026-12-20" in left.message_en and "(held in this period: 2026-07-01 to 2026-10-31)" in left.message_en
    assert "records/assignments/" in left.hint_zh
    new = next(f for f in found(result, "W-CHK-012") if "wang-fang" in f.file)
    assert "本期持有联系点的时间：2026-11-01 至 2026-12-31）" in new.message_zh


def test_a_changed_coverage_points_or_exemption_number_leaves_the_past_as_it_was_judged(tmp_path):
    # From 2026-09-01 the policy asks for coverage within 10 days of the year's start (it was 30),
    # two contact points a cadre (it was one) and exemptions covering 20 % of a semester (it was
    # 50 %). Changing the numbers alone judged every past year, day and semester again: cs-2025-01,
    # first covered on 2025-09-20, became uncovered in 2025; every cadre lacked a point since
    # 2025-09-01; li-na's 2025-2026-2, exempt for 40 of its 133 days, became exempt. `earlier`
    # (freshman_coverage, contacts, exemptions) keeps the numbers of their time
    files = {"records/classes/2026.yaml": classes(2026, ("cs-2026-01", "cs")),
             "records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-20"},
                 {"cadre": "zhang-wei", "club": "club-a", "start": "2025-09-01", "end": "2025-09-19",
                  "reason": "联系新生班级前"},
                 {"cadre": "zhang-wei", "club": "club-a", "start": "2026-09-01", "reason": "每人两个联系点"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
                 {"cadre": "wang-fang", "club": "club-a", "start": "2025-09-01", "end": "2026-09-14",
                  "reason": "调整"},
                 {"cadre": "wang-fang", "class": "cs-2026-01", "start": "2026-09-15"}),
             "records/clubs.yaml": "clubs:\n  - {id: club-a, name: 合唱团, unit: cs}\n",
             "records/exemptions.yaml": "exemptions:\n  - {cadre: li-na, rules: [semester_contacts], start: \"2026-03-01\","
                                        " end: \"2026-04-09\", reason: 病假, approved_by: 王管理}\n"}
    policy = base()["records/policy.yaml"]
    changed = (policy.replace("points_per_cadre: 1", "points_per_cadre: 2")
               .replace("  required: true\n  grace_days: 30\n", "  required: true\n  grace_days: 10\n")
               + "exemptions:\n  min_percent: 20\n")
    dated = (changed.replace("  min_per_semester: 1\n", "  min_per_semester: 1\n  earlier:\n"
                             "    - {until: \"2026-08-31\", points_per_cadre: 1, reason: 2026年修订}\n")
             .replace("  grace_days: 10\n", "  grace_days: 10\n  earlier:\n"
                      "    - {until: \"2026-08-31\", grace_days: 30, reason: 2026年修订}\n")
             .replace("  min_percent: 20\n", "  min_percent: 20\n  earlier:\n"
                      "    - {until: \"2026-08-31\", min_percent: 50, reason: 2026年修订}\n"))
    assert policy != changed != dated

    def judged(policy_text):
        result = check(tmp_path, "2026-11-28", {**files, "records/policy.yaml": policy_text})
        assert [f for f in result.findings if f.severity == "error" and f.code != "E-CHK-023"] == []
        uncovered = sorted((f.data["class"], f.data["from"], f.data["to"]) for f in found(result, "W-CHK-001"))
        points = sorted((f.data["cadre"], f.data["from"]) for f in found(result, "W-CHK-002"))
        li = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "li-na")
        return uncovered, points, li["cells"]["2025-2026-2"]["exempt"]

    assert judged(changed) == ([("cs-2025-01", "2025-09-11", "2025-09-19"), ("cs-2026-01", "2026-09-11", "2026-09-14")],
                               [("li-na", "2025-09-01"), ("wang-fang", "2025-09-01"), ("zhang-wei", "2025-09-01")],
                               True)
    assert judged(dated) == ([("cs-2026-01", "2026-09-11", "2026-09-14")],  # (the new numbers from 2026-09-01)
                             [("li-na", "2026-09-01"), ("wang-fang", "2026-09-01")], False)
    # coverage no longer required from the 2026 cohort on: the 2025 cohort's gap is still named
    off = changed.replace("  required: true\n  grace_days: 10\n", "  required: false\n  grace_days: 10\n  earlier:\n"
                          "    - {until: \"2026-08-31\", required: true}\n")
    assert judged(off)[0] == [("cs-2025-01", "2025-09-11", "2025-09-19")]
    result = check(tmp_path, "2026-11-28", {**files, "records/policy.yaml": dated})
    assert "政策规定 2 个" in found(result, "W-CHK-002")[0].message_zh
    assert [f.code for f in result.findings if f.code.startswith("E-")] in ([], ["E-CHK-023"])


def test_a_semester_is_owed_by_who_held_a_point_long_enough_and_never_by_nobody(tmp_path):
    # contacts.min_days_held: 14. wang-fang took me-2025-01 over six days before 2025-2026-1 ended;
    # zhang-wei left five days into 2026-2027-1: each was told they met students 0 times in a
    # semester they could not reasonably meet (W-CHK-004). They now owe nothing: li-na and chen-gang,
    # who held the points for the rest, do. club-a was held nine days of 2025-2026-2 by sun-li and
    # ten by zhou-min: neither held it 14 days, together they did, so zhou-min, who held it longest,
    # owes it (sun-li does not)
    files = {**handovers("2026-09-05", "2026-01-10", ("2026-02-28", "2026-03-08"), ("2026-07-01", None)),
             "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
             "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
             "records/ledgers/2026-H2/chen-gang.yaml": ledger("chen-gang", "2026-H2", ["2026-10-10"]),
             "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"]),
             "records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-03-10"],
                                                              points=["me-2025-01"]),
             "records/ledgers/2026-H2/wang-fang.yaml": ledger("wang-fang", "2026-H2", ["2026-10-10"],
                                                              points=["me-2025-01"])}
    policy = base()["records/policy.yaml"]
    files["records/policy.yaml"] = policy.replace("  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    assert files["records/policy.yaml"] != policy
    result = check(tmp_path, "2027-07-01", files)
    assert [f for f in result.findings if f.code.startswith("E-") and f.code != "E-CHK-023"] == []
    assert sorted((f.data["cadre"], f.data["semester"]) for f in found(result, "W-CHK-004")) == [
        ("zhou-min", "2025-2026-2"), ("zhou-min", "2026-2027-1")]
    cells = {r["cadre"]: r["cells"] for r in result.data["semester_matrix"]["rows"]}
    assert cells["wang-fang"]["2025-2026-1"]["required"] == 0 and cells["li-na"]["2025-2026-1"]["required"] == 1
    assert cells["zhang-wei"]["2026-2027-1"]["required"] == 0 and cells["chen-gang"]["2026-2027-1"]["required"] == 1
    assert "sun-li" not in cells and cells["zhou-min"]["2025-2026-2"]["required"] == 1
    # (a policy that does not say: held on any day, as before)
    files["records/policy.yaml"] = policy
    assert ("wang-fang", "2025-2026-1") in {(f.data["cadre"], f.data["semester"])
                                             for f in found(check(tmp_path, "2027-07-01", files), "W-CHK-004")}


def _recorded_on_march_1st(tmp_path, files: dict, message: str):
    """The base records of 2025-08-20 and `files` committed on 2026-03-01: the rows of check --format json as of a
    day (cadre → (active_to, each row's end and reason))."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, files)
    commit(repo, "2026-03-01 10:00", message)

    def rows(today):
        out = check_cli(repo / "records", "--today", today, "--format", "json")
        data = __import__("json").loads(out.stdout)
        return {a["cadre"]: (a["active_to"], r["end"], r["reason"]) for a in data["assignments"] for r in a["rows"]}
    return rows


def test_an_end_recorded_after_today_shows_the_row_running_as_on_the_site(tmp_path):
    # On 2026-03-01 张伟's row was given an end ahead (2026-03-31, 调任) and 李娜's class me-2025-01 an
    # `until` (2026-06-30: it graduates); committed before the day checked, as a past day reads the
    # records committed by then.  check --today 2026-03-15 --format json showed those ends in
    # its assignment rows, where the site built as of that day shows 张伟's row running to the
    # cycle's end without the reason, and 李娜's running (no end: it would not reach the cycle's)
    rows = _recorded_on_march_1st(tmp_path, {
        "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"))
        .replace("me-2025-01班, unit: me,", 'me-2025-01班, until: "2026-06-30", unit: me,'),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-03-31", "reason": "调任"},
            {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"})}, "张伟调任，me-2025-01 毕业")
    assert rows("2026-03-15") == {"zhang-wei": (None, "2027-08-31", None), "li-na": (None, None, None)}
    assert rows("2026-07-01") == {"zhang-wei": (None, "2026-03-31", "调任"), "li-na": (None, "2026-06-30", None)}


def test_a_row_ended_on_its_cadres_recorded_last_day_keeps_its_end_as_on_the_site(tmp_path):
    # 张伟 leaves on 2026-12-31 (active_to) and the administrator ended his row that day (调离), both recorded on
    # 2026-03-01.  check --today 2026-03-15 --format json showed the row running to the cycle's end without its
    # reason, beside his active_to 2026-12-31, where the site now shows it ending that day (Aggregate.begun)
    rows = _recorded_on_march_1st(tmp_path, {
        "records/cadres/zhang-wei.yaml": cadre("张伟", "cs", active_to="2026-12-31"),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-12-31", "reason": "调离"},
            {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"})}, "张伟 2026-12-31 调离")
    assert rows("2026-02-15")["zhang-wei"] == (None, "2027-08-31", None)  # (not recorded yet)
    assert rows("2026-03-15")["zhang-wei"] == ("2026-12-31", "2026-12-31", "调离")


def test_a_row_with_no_end_ends_on_its_cadres_recorded_last_day_as_on_the_site(tmp_path):
    # 张伟 leaves on 2026-12-31 (active_to, recorded on 2026-03-01) and his row has no end: the site's 附件1 shows it
    # ending that day （离任）, while check --format json kept the cycle's end, 2027-08-31, beside his active_to — before
    # his departure and after it (the case 8a4900c1's row ended on that day did not cover)
    rows = _recorded_on_march_1st(tmp_path, {
        "records/cadres/zhang-wei.yaml": cadre("张伟", "cs", active_to="2026-12-31"),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
            {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"})}, "张伟 2026-12-31 离任")
    assert rows("2026-02-15")["zhang-wei"] == (None, "2027-08-31", None)  # (not recorded yet)
    assert rows("2026-03-15")["zhang-wei"] == ("2026-12-31", "2026-12-31", None)
    assert rows("2027-03-01")["zhang-wei"] == ("2026-12-31", "2026-12-31", None)  # (gone: still that day)
    assert rows("2026-03-15")["li-na"] == (None, "2027-08-31", None)
    out = check_cli(tmp_path / "repo/records", "--today", "2026-03-15", "--format", "json")
    left = {a["cadre"]: [r["left_on"] for r in a["rows"]] for a in __import__("json").loads(out.stdout)["assignments"]}
    assert left == {"zhang-wei": ["2026-12-31"], "li-na": [None]}, left  # (the site's 离任)


def test_a_row_that_starts_after_today_is_counted_not_listed_as_on_the_site(tmp_path):
    # On 2026-04-01 李娜 took over cs-2025-01 from 张伟 (her me-2025-01 row ending the day before),
    # recorded ahead on 2026-03-01 (a past day reads the records committed by then).
    # check --today 2026-03-15 --format json listed her new row, which had not begun by then, where
    # the site built as of that day leaves it out (Aggregate.begun) and only counts it: the JSON
    # now leaves it out too, and says how many were left out (`later`)
    import json

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/assignments/2025-2027.yaml": assignments(
        "2025-2027", "2025-09-01", "2027-08-31",
        {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-03-31", "reason": "调任"},
        {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2026-03-31", "reason": "改联系 cs-2025-01"},
        {"cadre": "li-na", "class": "cs-2025-01", "start": "2026-04-01", "reason": "接任"})})
    commit(repo, "2026-03-01 10:00", "李娜接任")

    def rows(today):
        data = json.loads(check_cli(repo / "records", "--today", today, "--format", "json").stdout)
        return {a["cadre"]: ([(r["point"], r["start"], r["end"]) for r in a["rows"]], a["later"])
                for a in data["assignments"]}

    assert rows("2026-03-15") == {"zhang-wei": ([("cs-2025-01", "2025-09-01", "2027-08-31")], 0),
                                  "li-na": ([("me-2025-01", "2025-09-01", "2027-08-31")], 1)}
    assert rows("2026-04-01") == {"zhang-wei": ([("cs-2025-01", "2025-09-01", "2026-03-31")], 0),
                                  "li-na": ([("me-2025-01", "2025-09-01", "2026-03-31"),
                                             ("cs-2025-01", "2026-04-01", "2027-08-31")], 0)}


def test_semester_days_held_are_the_days_held_during_answers_for_one_by_one(tmp_path):
    """SemesterContacts._days counts a semester's (or a ledger period's) days held from the spans of
    the cadre's rows: on the demo's cadres (leavers, joiners, two cycles) it gives, for every
    semester and period, the days on which held_during finds a row when asked day by day."""
    import shutil
    from pathlib import Path

    from generator.check.context import ONE_DAY, Context
    from generator.check.semester_contacts import SemesterContacts

    shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "records")
    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2026, 11, 28))
    contacts = SemesterContacts(ctx)
    spans = contacts.all + rs.periods_between(dt.date(2023, 1, 1), dt.date(2026, 12, 31))
    assert len(spans) >= 12 and len(ctx.rows) >= 80
    for s in spans:
        days = [s.start + k * ONE_DAY for k in range((s.end - s.start).days + 1)]
        for cadre in ctx.rows:
            assert contacts._days(cadre, s) == sum(1 for d in days if ctx.held_during(cadre, d, d)), (cadre, s.id)


def test_an_assignment_rows_dates_are_read_once_a_run_and_an_edit_between_runs_is_seen(tmp_path, monkeypatch):
    """The contact points' rule asks each row's dates several times (its span, E-CHK-002, W-CHK-013,
    the table): Context.dates reads them once a run, as RecordSet answers them, and a date edited
    between two runs of one process is the new one in the second (bench/HISTORY.md item 49)."""
    from collections import Counter

    from generator.check.contact_points import check_contact_points
    from generator.check.context import Context
    from generator.model import Item

    graduated = ("cohort: 2024\nclasses:\n  - {id: cs-2024-01, name: cs-2024-01班, unit: cs, major: 专业, "
                 "headcount: 30, until: \"2026-06-30\"}\n")

    def files(end):
        return {"records/classes/2024.yaml": graduated,
                "records/assignments/2025-2027.yaml": assignments(
                    "2025-2027", "2025-09-01", "2027-08-31",
                    {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": end, "reason": "调整"},
                    {"cadre": "zhang-wei", "class": "cs-2024-01", "start": "2026-05-01"},
                    {"cadre": "li-na", "class": "me-2025-01", "start": "2025-08-01"},
                    {"cadre": "li-na", "class": "cs-2024-01", "start": "2026-07-15"})}

    first = check(tmp_path, "2026-11-28", files("2026-04-30"))
    rows = {(t["cadre"], r["point"]): r for t in first.data["assignments"] for r in t["rows"]}
    assert rows["zhang-wei", "cs-2025-01"]["end"] == "2026-04-30" and rows["zhang-wei", "cs-2024-01"]["end"] == "2026-06-30"
    assert sorted((f.line, f.code) for f in first.findings if f.code in ("E-CHK-002", "W-CHK-013")) == [
        (11, "W-CHK-013"), (15, "E-CHK-002"), (17, "W-CHK-013")]  # (the last row begins after its class ended)
    assert all("a contact point of cadre '" in f.message_en and "''s" not in f.message_en
               for f in first.findings if f.code == "W-CHK-013")
    assert [f.data["from"] for f in first.findings if f.code == "W-CHK-002" and f.data["cadre"] == "zhang-wei"] \
        == ["2026-07-01"]
    second = check(tmp_path, "2026-11-28", files("2026-03-31"))  # (the same process: its caches kept)
    rows = {(t["cadre"], r["point"]): r for t in second.data["assignments"] for r in t["rows"]}
    assert rows["zhang-wei", "cs-2025-01"]["end"] == "2026-03-31"
    assert [f.data["from"] for f in second.findings if f.code == "W-CHK-002" and f.data["cadre"] == "zhang-wei"] \
        == ["2026-04-01", "2026-07-01"]

    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2026, 11, 28))
    for row in rs.assignments:  # (what RecordSet says of each row)
        d = ctx.dates(row)
        assert (d.start, d.end, d.last, d.until, d.span_end, d.void) == (
            row.date("start"), row.date("end"), rs.row_end(row), rs.point_until(row), rs.assignment_span(row)[1],
            rs.begins_after_point(row))
    ctx = Context(rs, dt.date(2026, 11, 28))
    asked = Counter()
    date = Item.date

    def counted(item, key):
        asked[id(item), key] += 1
        return date(item, key)

    monkeypatch.setattr(Item, "date", counted)
    check_contact_points(ctx)
    rows = {id(row) for row in rs.assignments}
    assert {key: n for key, n in asked.items() if key[0] in rows and n > 1} == {}


def test_a_cadre_in_force_all_of_a_semester_or_period_owes_it_without_its_days_counted(tmp_path, monkeypatch):
    """SemesterContacts.owes answers yes at once for a cadre with a row in force on every day of the
    semester or ledger period (all its days held; at 12k most cadres in most of theirs), and counts
    the days of the others: every cadre, semester and period of the hand-overs above checked against
    the days held counted day by day, before and after a leaving day edited between runs of one
    process (bench/HISTORY.md item 49)."""
    from collections import Counter

    from generator.check.context import Context
    from generator.check.semester_contacts import SemesterContacts

    def files(zhang_wei_to):
        out = handovers(zhang_wei_to, "2026-01-10", ("2026-02-28", "2026-03-08"), ("2026-07-01", None))
        out["records/policy.yaml"] = out["records/policy.yaml"].replace(
            "  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
        return out

    counted = Counter()
    days_of = SemesterContacts._days
    monkeypatch.setattr(SemesterContacts, "_days",
                        lambda self, cadre, s: counted.update([(cadre, s.start)]) or days_of(self, cadre, s))
    for zhang_wei_to, owed in (("2026-09-05", False), ("2027-01-31", True)):
        cells = {r["cadre"]: r["cells"] for r in check(tmp_path, "2027-07-01", files(zhang_wei_to)).data["semester_matrix"]["rows"]}
        assert (cells["zhang-wei"]["2026-2027-1"]["required"] == 1) is owed  # (left 5 days into it; then at its end)
        rs, _ = validate_records(tmp_path / "records")
        ctx = Context(rs, dt.date(2027, 7, 1))
        contacts = SemesterContacts(ctx)
        spans = contacts.semesters + rs.periods_between(dt.date(2025, 9, 1), dt.date(2027, 7, 1))
        whole = 0
        for cadre in ctx.rows:
            for s in spans:
                counted.clear()
                length = (s.end - s.start).days + 1
                held = sum(any(a <= s.start + dt.timedelta(n) <= b for a, b, _ in ctx.in_force(cadre))
                           for n in range(length))
                answer = contacts.owes(cadre, s)
                if held == length:
                    whole += 1
                    assert answer and not counted, (cadre, s)
                elif held >= min(14, length):
                    assert answer, (cadre, s)
                elif not held:
                    assert not answer, (cadre, s)
        assert whole >= 10


def test_a_row_begun_or_ended_inside_its_cycle_without_a_reason_is_told_and_one_the_records_explain_is_not(tmp_path):
    # R4 (动态管理): a change inside a cycle is a dated row with its reason (schema: 周期内新增或结束一条安排时必须写明原因);
    # zhang-wei's point changed on 2026-03-01 and nothing says why.  A cadre's own first or last day in office
    # (active_from, active_to) or the class's `until` explains the row's start or end.
    files = {"records/cadres/wang-fang.yaml": cadre("王芳", "cs", active_from="2026-03-01"),
             "records/cadres/li-na.yaml": cadre("李娜", "me", active_to="2026-02-28"),
             "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs")),
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-02-28"},
                 {"cadre": "zhang-wei", "class": "cs-2025-02", "start": "2026-03-01"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2026-02-28"},
                 {"cadre": "wang-fang", "class": "me-2025-01", "start": "2026-03-01"})}
    said = found(check(tmp_path, "2026-03-20", files), "W-CHK-020")
    assert sorted((f.line, f.column) for f in said) == [(8, 10), (11, 12)], [(f.line, f.message_zh) for f in said]
    assert "干部“张伟”" in said[0].message_zh and "2025-2027" in said[0].message_zh and "reason" in said[0].hint_zh
    assert any("2026-02-28 结束" in f.message_zh for f in said) and any("2026-03-01 开始" in f.message_zh for f in said)
    assert any("ended on 2026-02-28" in f.message_en for f in said) and "reason:" in said[0].hint_en
    assert said[0].message_en.startswith("the assignment of cadre '张伟' ended on 2026-02-28 inside its cycle 2025-2027"), \
        said[0].message_en  # (not "cadre '张伟''s assignment")
    files["records/assignments/2025-2027.yaml"] = files["records/assignments/2025-2027.yaml"].replace(
        "    end: \"2026-02-28\"\n  - cadre: zhang-wei", "    end: \"2026-02-28\"\n    reason: 调整\n  - cadre: zhang-wei").replace(
        "    start: \"2026-03-01\"\n  - cadre: li-na", "    start: \"2026-03-01\"\n    reason: 调整\n  - cadre: li-na")
    assert found(check(tmp_path, "2026-03-20", files), "W-CHK-020") == []


def test_a_row_whose_reason_is_blank_is_told_to_fill_it_not_to_add_a_second_one(tmp_path):
    # reason: "  " (two spaces: the schema's two characters) is no reason (W-CHK-020), but the hint said to add the line
    # reason: … — typed, a second reason key in the row (E-YAML-003, the whole table unread); it now says to fill it
    def files(reason: str) -> dict:
        return {"records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("cs-2025-02", "cs")),
                "records/assignments/2025-2027.yaml": assignments(
                    "2025-2027", "2025-09-01", "2027-08-31",
                    {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-02-28",
                     "reason": reason},
                    {"cadre": "zhang-wei", "class": "cs-2025-02", "start": "2026-03-01", "reason": "调整"})}
    [f] = found(check(tmp_path, "2026-03-20", files('"  "')), "W-CHK-020")
    assert "加上一行" not in f.hint_zh and "不要再加一行 reason:，而把这一行空着的 reason 写上调整原因：reason: 调整原因（如" \
        in f.hint_zh, f.hint_zh
    assert "writes the reason in the row's blank reason line (reason: …), not a second reason line" in f.hint_en, f.hint_en
    result = check(tmp_path, "2026-03-20", files("联系点调整至新的班级"))  # (filled as said)
    assert found(result, "W-CHK-020") == [] and not [g for g in result.findings if g.code.startswith("E-")], result.findings
    # without the line: to add it, as before
    [f] = found(check(tmp_path, "2026-03-20", {k: v.replace('    reason: "  "\n', "") for k, v in files('"  "').items()}),
                "W-CHK-020")
    assert "在这一行下（与它的 start: 对齐）加上一行 reason: 调整原因（如" in f.hint_zh, f.hint_zh
    # a row written in braces: inside them (a line under it is no YAML of the row)
    braced = {k: v.replace('  - cadre: zhang-wei\n    class: cs-2025-01\n    start: "2025-09-01"\n    end: "2026-02-28"\n'
                           '    reason: "  "\n', '  - {cadre: zhang-wei, class: cs-2025-01, start: "2025-09-01", end: "2026-02-28"}\n')
              for k, v in files('"  "').items()}
    assert "{cadre: zhang-wei" in braced["records/assignments/2025-2027.yaml"]
    [f] = found(check(tmp_path, "2026-03-20", braced), "W-CHK-020")
    assert "在这一行的花括号中，最后一项之后、} 之前加上 , reason: 调整原因（如" in f.hint_zh and "加上一行" not in f.hint_zh, f.hint_zh
    assert "adds , reason: … inside the row's braces, after its last item, before the }, e.g." in f.hint_en, f.hint_en

def test_an_activitys_date_is_parsed_once_a_run_and_as_kept_the_next(tmp_path, monkeypatch):
    """facts.of_ledger parses each activity's date to keep the valid ones; the rules that read them (the
    semester counts, SemesterContacts.row; the ledger's content, check_ledger_content) read the dates as
    written through the run's dates (Context.days), without parsing them again and without making an
    (index, date) pair of each of 116,000 activities at 12k; a later run, which reads the facts kept in the
    memo, parses those: each text once a run (bench/HISTORY.md item 50)."""
    from collections import Counter

    from generator import references, validate
    from generator.check import context
    from generator.check.context import Context
    from generator.check.facts import Facts
    from generator.check.ledger_content import check_ledger_content
    from generator.check.semester_contacts import SemesterContacts

    files = {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10", "2025-12-20"]),
             "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-01", "2026-02-30",
                                                                                       "2026-05-04", "2026-03-01"])}
    check(tmp_path, "2026-11-28", files)  # (the facts worked out and kept)
    write(tmp_path, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger(
        "zhang-wei", "2025-H2", ["2025-10-11", "2025-09-31", "2025-10-11", "2026-03-01"])})
    parsed = Counter()
    unseen = validate.parse_date

    class ReferencesDays(dict):  # (the references stage's own dates, parsed once a run too, are not the checks')
        def __missing__(self, text):
            day = self[text] = unseen(text)
            return day

    monkeypatch.setattr(references, "Days", ReferencesDays)
    for module in (context, validate):  # (validate: where the checks' Days parses)
        monkeypatch.setattr(module, "parse_date", lambda text, parse=module.parse_date: parsed.update([text]) or parse(text))
    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2026, 11, 28))
    leds = [rs.ledgers["2025-H2", "zhang-wei"], rs.ledgers["2026-H1", "zhang-wei"]]
    row = SemesterContacts(ctx).row("zhang-wei", leds)
    check_ledger_content(ctx, "zhang-wei", leds)
    # 2025-10-11 twice in the autumn semester; in the spring one 2026-03-01 three times (once in the autumn
    # half-year's ledger) and 2026-05-04; the invalid dates none
    assert {sid: cell["count"] for sid, cell in row["cells"].items() if cell["count"]} == \
        {"2025-2026-1": 2, "2025-2026-2": 4}, row["cells"]
    assert ctx.findings == [], [f.message_en for f in ctx.findings]
    # the edited ledger's dates as it was worked out, the other's as read from the memo: each text once
    assert parsed == Counter(["2025-10-11", "2025-09-31", "2026-03-01", "2026-05-04"])
    # (no (index, date) pairs: the facts hold the dates as written only, and no rule asks for such pairs)
    assert "days" not in Facts.__slots__ and not hasattr(Context, "activity_dates")


def test_a_feedback_items_dates_are_parsed_once_a_run_and_a_later_one_is_told(tmp_path, monkeypatch):
    """feedback.check_items reads each feedback item's raised_on and resolved_on (E-CHK-006 for one
    after --today) through the run's dates (Context.days): a text written on many items, or as an
    activity's date too, is parsed once (40,754 dates at 12k on a few thousand days; bench/HISTORY.md
    item 50)."""
    from collections import Counter

    from generator import validate
    from generator.check import context, feedback
    from generator.check.context import Context
    from generator.check.semester_contacts import SemesterContacts

    items = FEEDBACK_H2.replace('resolved_on: "2025-11-01"', 'resolved_on: "2025-10-10"') + """
- id: fb-later
  raised_on: "2026-12-24"
  kind: 建议
  category: 学业发展
  description: 一名学生建议增加自习室。
  status: 待处理
"""
    check(tmp_path, "2026-12-01", {"records/ledgers/2025-H2/zhang-wei.yaml": ledger(
        "zhang-wei", "2025-H2", ["2025-10-10"], feedback=items)})
    parsed = Counter()
    for module in (context, validate, feedback):  # (validate: where the run's Days parses)
        for name in ("parse_date", "date_of"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, lambda text, parse=getattr(module, name): parsed.update([text]) or parse(text))
    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2026, 12, 1))
    feedback.check_items(ctx, list(rs.ledgers.values()))
    later = [(f.code, f.line, f.data) for f in ctx.findings if f.code == "E-CHK-006"]
    assert len(later) == 1 and later[0][1] == 41 and "2026-12-24" in ctx.findings[-1].message_zh
    assert parsed == Counter(["2025-10-10", "2026-12-24"])  # (the activity's date and the items': once)
    SemesterContacts(ctx).row("zhang-wei", [rs.ledgers["2025-H2", "zhang-wei"]])  # (its activity's date, as the row counts it)
    assert parsed == Counter(["2025-10-10", "2026-12-24"])


def test_a_semester_none_of_whose_days_a_cadre_held_asks_nothing_more_of_them(tmp_path, monkeypatch):
    """SemesterContacts.row asks every cadre of every semester begun whether they owe it (18,768
    times at 12k); whether one who held no point on any of its days may owe it (contacts.min_days_held
    below one day) is answered once a semester, not once a cadre: the days that owe one (_least_days)
    are asked of a semester a cadre held a point in only, and the cells are as before, with
    min_days_held 14 and 0 (bench/HISTORY.md item 50)."""
    from generator.check.context import Context
    from generator.check.semester_contacts import SemesterContacts

    least_days = SemesterContacts._least_days
    asked = []
    monkeypatch.setattr(SemesterContacts, "_least_days", lambda self, s: asked.append(s.id) or least_days(self, s))
    for held, owed in ((14, {("zhang-wei", "2026-2027-1"): 0, ("chen-gang", "2025-2026-1"): 0}),
                       (0, {("zhang-wei", "2026-2027-1"): 1, ("chen-gang", "2025-2026-1"): 1})):
        files = handovers("2026-09-05", "2026-01-10", ("2026-02-28", "2026-03-08"), ("2026-07-01", None))
        files["records/policy.yaml"] = files["records/policy.yaml"].replace(
            "  min_per_semester: 1\n", f"  min_per_semester: 1\n  min_days_held: {held}\n")
        write(tmp_path, files)
        rs, _ = validate_records(tmp_path / "records")
        ctx = Context(rs, dt.date(2027, 7, 1))
        contacts = SemesterContacts(ctx)
        for cadre in sorted(ctx.rows):
            asked.clear()
            cells = (contacts.row(cadre, ()) or {"cells": {}})["cells"]
            in_it = {s.id for s in contacts.semesters if any(a <= s.end and b >= s.start for a, b, _ in ctx.in_force(cadre))}
            assert set(asked) <= (in_it if held else {s.id for s in contacts.semesters}), (held, cadre)
            for (who, sid), need in owed.items():
                if who == cadre:
                    assert cells.get(sid, {"required": 0})["required"] == need, (held, cadre, sid)


def test_a_semester_held_all_through_by_rows_that_follow_each_other_is_owed_without_counting_its_days(
        tmp_path, monkeypatch):
    """A cadre's rows in force joined where they overlap or meet (Context.held_spans) are the days they
    held a point on: a semester or period all of whose days one of them holds is owed at once — held by
    one row, or by rows that follow each other (张伟's class until 2026-04-30, then a club from 2026-05-01)
    — without its days counted (SemesterContacts._days: asked of the semesters and periods held in part
    only, at 12k a few hundred times, not 13,000); the cells and ledger rows as before; and on the demo's
    cadres, a day is in one of the spans exactly when held_during finds a row of theirs on it."""
    import shutil
    from pathlib import Path

    from generator.check.by_cadre import ByCadre
    from generator.check.context import Context
    from generator.check.git_history import History
    from generator.check.semester_contacts import SemesterContacts

    counted = []
    days = SemesterContacts._days
    monkeypatch.setattr(SemesterContacts, "_days", lambda self, cadre, s: counted.append((cadre, s.id)) or days(self, cadre, s))
    files = {**base(), "records/clubs.yaml": "clubs:\n  - {id: club-a, name: 合唱团, unit: cs}\n",
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01", "end": "2026-04-30"},
                 {"cadre": "zhang-wei", "club": "club-a", "start": "2026-05-01", "reason": "换联系点"},
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"}),
             "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-05-20"],
                                                                points=("cs-2025-01", "club-a"))}
    write(tmp_path, files)
    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2027, 1, 20))
    cadres = ByCadre(ctx, History("ok"), n=0)
    matrix, table = cadres.finish([])
    cells = {r["cadre"]: r["cells"] for r in matrix["rows"]}["zhang-wei"]
    assert cells["2025-2026-2"] == {"required": 1, "count": 2, "met": True, "exempt": False}
    assert [(r["period"], r["required"]) for r in table if r["cadre"] == "zhang-wei"] == \
        [("2025-H2", True), ("2026-H1", True), ("2026-H2", True), ("2027-H1", True)]
    assert not [f for f in ctx.findings if f.code in ("W-CHK-012", "E-CHK-005")]
    # (of the periods and semesters begun, each is held all through but 2025-H2, from 2025-09-01 only)
    assert sorted(set(counted)) == [("li-na", "2025-H2"), ("zhang-wei", "2025-H2")]
    assert ctx.held_spans("zhang-wei") == ((dt.date(2025, 9, 1), dt.date(2027, 8, 31)),)  # (the two rows, one span)

    shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "demo")
    rs, _ = validate_records(tmp_path / "demo")
    ctx, asked = Context(rs, dt.date(2026, 12, 2)), 0
    for cadre in ctx.rows:
        spans = ctx.held_spans(cadre)
        assert all((b - a).days > 1 for (_, a), (b, _) in zip(spans, spans[1:])), cadre  # (apart, in order)
        for day in (dt.date(2019, 1, 1) + dt.timedelta(days=k) for k in range(0, 3650, 3)):
            assert bool(ctx.held_during(cadre, day, day)) == any(a <= day <= b for a, b in spans), (cadre, day)
            asked += 1
    assert asked > 90_000


def test_a_cadre_s_activities_are_counted_by_semester_without_a_step_of_python_each(tmp_path):
    """SemesterContacts.row counts a cadre's activities by semester (116,000 at 12k) in C — each day's
    semesters looked up once a run — so the builtins it calls do not grow with the activities (seen by
    sys.setprofile: the old loop asked two dict methods of each): 2 ledgers of 60 activities each; and the
    counts are those of the activities on or before --today in each semester, an activity in no semester
    told W-CHK-010, in order, once each."""
    import sys

    from generator.check.context import Context
    from generator.check.semester_contacts import SemesterContacts

    first = [f"2026-0{m}-{d:02d}" for m in (3, 4, 5) for d in range(1, 21)]  # (60 in 2025-2026-2)
    second = [f"2026-{m:02d}-{d:02d}" for m in (9, 10, 11, 12) for d in range(1, 16)]  # (60 in 2026-2027-1)
    second[-3:] = ["2026-08-15", "2026-08-16", "2026-12-20"]  # (two in no semester; one after --today)
    files = {**base(), "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", first),
             "records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", second)}
    write(tmp_path, files)
    rs, _ = validate_records(tmp_path / "records")
    ctx = Context(rs, dt.date(2026, 12, 15))
    contacts = SemesterContacts(ctx)
    ledgers = [rs.ledgers[("2026-H1", "zhang-wei")], rs.ledgers[("2026-H2", "zhang-wei")]]
    row = contacts.row("zhang-wei", ledgers)  # (each day's semesters worked out)
    assert {sid: c["count"] for sid, c in row["cells"].items()} == {"2025-2026-1": 0, "2025-2026-2": 60,
                                                                  "2026-2027-1": 57}
    told = [(f.code, f.line, f.message_zh) for f in ctx.findings if f.code != "W-CHK-004"]  # (2025-2026-1: none)
    assert [(code, "2026-08-15" in m, "2026-08-16" in m) for code, _, m in told] == \
        [("W-CHK-010", True, False), ("W-CHK-010", False, True)] and told[0][1] < told[1][1]
    builtins = []

    def watch(frame, event, arg):
        if event == "c_call":
            builtins.append(arg)

    del ctx.findings[:]
    sys.setprofile(watch)
    try:
        again = contacts.row("zhang-wei", ledgers)
    finally:
        sys.setprofile(None)
    assert again == row and [(f.code, f.line, f.message_zh) for f in ctx.findings if f.code != "W-CHK-004"] == told
    assert len(builtins) < 120, len(builtins)  # (fewer than the activities; the loop before: 311)


def test_a_cadres_pieces_are_cut_at_today_for_the_gaps_and_not_for_the_overlaps(tmp_path):
    # check_contact_points works a cadre's pieces out once, to the cycle's end (the overlaps: the
    # future included), and cuts them at --today for the gaps: a gap open on --today ends on it, a
    # piece that begins after it is no gap yet, and a change of the number (points_per_cadre 1 → 2
    # from 2026-09-01) splits them where it did
    policy = base()["records/policy.yaml"].replace("  min_per_semester: 1\n", "  min_per_semester: 1\n  earlier:\n"
                                                   "    - {until: \"2026-08-31\", points_per_cadre: 1}\n")
    policy = policy.replace("points_per_cadre: 1\n", "points_per_cadre: 2\n", 1)
    assert "points_per_cadre: 2" in policy
    files = {"records/policy.yaml": policy,
             "records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
             "records/classes/2024.yaml": classes(2024, ("cs-2024-01", "cs"), ("cs-2024-02", "cs")),
             "records/clubs.yaml": "clubs:\n  - {id: club-a, name: 合唱团, unit: cs}\n",
             "records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2027-08-31",
                 {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                 {"cadre": "zhang-wei", "club": "club-a", "start": "2026-09-01", "reason": "每人两个联系点"},
                 {"cadre": "zhang-wei", "class": "cs-2024-01", "start": "2027-03-01", "reason": "增加联系点"},
                 {"cadre": "wang-fang", "class": "cs-2024-02", "start": "2025-09-01"},
                 {"cadre": "wang-fang", "club": "club-a", "start": "2026-09-01", "end": "2027-01-31",
                  "reason": "调整"})}
    for today, gaps in (("2026-11-28", [("li-na", "2026-09-01", "2026-11-28")]),
                        # (wang-fang's gap begins in the winter vacation, 2027-01-16 to 02-25: no contact point is owed
                        # in it, the gap is told from the semester's first day on, whole)
                        ("2027-02-10", [("li-na", "2026-09-01", "2027-02-10")]),
                        ("2027-02-27", [("li-na", "2026-09-01", "2027-02-27"), ("wang-fang", "2027-02-01", "2027-02-27")])):
        result = check(tmp_path, today, files)
        assert sorted((f.data["cadre"], f.data["from"], f.data["to"]) for f in found(result, "W-CHK-002")) == gaps
        (overlap,) = found(result, "E-CHK-001")  # (zhang-wei's three points from 2027-03-01, after --today)
        assert overlap.line == 17 and "3 个联系点" in overlap.message_zh and "2027-03-01" in overlap.message_zh


def test_a_day_in_no_semester_after_today_is_told_and_a_semester_day_after_it_not_counted(tmp_path):
    # SemesterContacts.row passes over each activity's day with as few questions as it can (116,000 at
    # 12k): a day in no semester is told W-CHK-010 whether or not it is after --today (and E-CHK-006
    # says that), and a day of a semester after --today is not counted
    files = {"records/assignments/2025-2027.yaml": assignments(
                 "2025-2027", "2025-09-01", "2028-08-31",
                 {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"}),
             "records/ledgers/2028-H1/zhang-wei.yaml": ledger(
                 "zhang-wei", "2028-H1", ["2028-01-12", "2028-01-14", "2028-01-20", "2028-01-12"])}
    result = check(tmp_path, "2028-01-13", files)
    cells = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "zhang-wei")["cells"]
    assert cells["2027-2028-1"]["count"] == 2  # (2028-01-12 twice; not 2028-01-14, after --today)
    (outside,) = found(result, "W-CHK-010")  # (2028-01-20: the winter break, after --today)
    assert "2028-01-20" in outside.message_zh and outside.line == 17
    assert sorted(f.line for f in found(result, "E-CHK-006")) == [11, 17]


def test_the_chains_ask_each_cadre_s_unit_once_and_each_row_names_it(tmp_path, monkeypatch):
    """The feedback chains' rows name the root's cadre's unit and its name: worked out once a cadre
    (feedback._Chains.ledger), not once for each of the 13,336 chains at 12k (bench/HISTORY.md item
    57).  The demo university (its cache off): every chain's row as check reports it, each cadre's unit
    asked once by the chains, and each row's unit the cadre's in records/cadres."""
    from collections import Counter

    from generator.check import feedback
    from generator.check.context import Context
    from tests.gitrepo import demo_records

    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    rs, _ = validate_records(demo_records(tmp_path / "records"))  # (not records/: a university's clone holds its own)
    today = dt.date(2026, 12, 2)
    reported = run_checks(rs, today).data["feedback"]
    asked = Counter()
    real = Context.cadre_unit
    monkeypatch.setattr(Context, "cadre_unit", lambda self, cadre: asked.update([cadre]) or real(self, cadre))
    ctx = Context(rs, today)
    chains = feedback.Parts(ctx)
    rows, _overdue, _open = chains.rows([chains.part(k) for k in range(chains.n)], ctx)
    assert rows == reported and len(rows) > 100
    assert max(asked.values()) == 1 and set(asked) >= {row["cadre"] for row in rows}
    assert Counter(row["cadre"] for row in rows).most_common(1)[0][1] > 1  # (a cadre with several chains)
    for row in rows:
        unit = rs.cadres[row["cadre"]].get("unit")
        assert (row["unit"], row["unit_name"]) == (unit, rs.units[unit].get("name"))


def test_the_rules_ask_the_period_of_a_ledger_s_folder_once_a_run_not_once_a_ledger(tmp_path, monkeypatch):
    """The ledgers' content (E-CHK-004/005/006/007, W-CHK-012) and the feedback chains ask each ledger's period
    (RecordSet.period of its folder: 1.2 µs a call through RecordSet.memoized, twice for each of 12,007 ledgers in
    a cold check at 12k); the run's Context answers it once a folder (Context.periods), and import entries are
    looked up in the manifest's index straight (Deadlines.check_imported).  The demo's ledgers checked in one
    process: RecordSet.period asked fewer times than there are ledgers (901 times for the 452 ledgers before, 92
    now: RecordSet.periods_between's own and a few rules' of a period each)."""
    from collections import Counter

    from generator.model import RecordSet
    from tests.gitrepo import demo_records

    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    monkeypatch.setenv("CONTACT_LEDGER_WORKERS", "1")
    rs, _ = validate_records(demo_records(tmp_path / "records"))
    folders = Counter(led.doc.folder for led in rs.ledgers.values())
    assert len(folders) >= 2 and min(folders.values()) > 10, folders
    asked = Counter()
    period = RecordSet.period
    monkeypatch.setattr(RecordSet, "period", lambda self, pid: asked.update([pid]) or period(self, pid))
    result = run_checks(rs, dt.date(2026, 12, 2))
    assert 0 < sum(asked.values()) < len(rs.ledgers) / 4, (sum(asked.values()), len(rs.ledgers))
    assert result.data["ledgers"] and result.data["feedback"]
    assert {r["status"] for r in result.data["ledgers"]} >= {"on_time", "late"}


def test_a_date_outside_its_ledger_s_period_is_told_once_by_the_error_with_the_records_folder(tmp_path):
    """An activity of 2026-08-10 (the summer break, 2026-H2's) in zhang-wei's 2026-H1 ledger: E-REF-004 said the date
    is wrong and W-CHK-010 said too that it is in no semester, its hint 假期中的活动可以保留 contradicting the error.
    Now the error tells it once; a holiday day inside the period (2026-01-20, the winter break) is still W-CHK-010.
    And E-REF-004's hint names the ledger to move it to with the records folder, as the other hints do."""
    write(tmp_path, {**base(), "records/ledgers/2026-H1/zhang-wei.yaml": ledger(
        "zhang-wei", "2026-H1", ["2026-03-10", "2026-01-20", "2026-08-10"])})
    for lang, moved in (("zh", "请记入 2026-H2 的台账 records/ledgers/2026-H2/zhang-wei.yaml。"),
                        ("en", "goes in the ledger of 2026-H2, records/ledgers/2026-H2/zhang-wei.yaml.")):
        r = check_cli(tmp_path / "records", "--today", "2026-12-01", "--format", "json", "--lang", lang)
        mine = [f for f in json.loads(r.stdout)["findings"] if f["file"].endswith("2026-H1/zhang-wei.yaml")]
        said = {(f["code"], f["line"]) for f in mine}
        assert ("E-REF-004", 17) in said and ("W-CHK-010", 11) in said, mine
        assert ("W-CHK-010", 17) not in said, mine  # (the date told once: the error's)
        [error] = [f for f in mine if f["code"] == "E-REF-004"]
        assert error["hint"].endswith(moved), error["hint"]


def test_the_last_cycle_ending_with_no_next_one_is_named(tmp_path):
    # The 2025-2027 cycle ends on 2027-08-31. On 2027-09-05, with no 2027-2029 file, no cadre had a contact point
    # and check said nothing (R1 was judged only up to the last cycle's end): the officer opening the new
    # semester learned of it from nobody
    files = {"records/cadres/wang-fang.yaml": cadre("王芳", "cs", active_to="2021-06-30")}
    assert found(check(tmp_path, "2027-08-31", files), "W-CHK-023") == []
    # in the summer before (the cycle's last semester ended 2027-07-09), the planning warning: the next semester
    # begins on 2027-09-01 and no cycle holds it — the officer's late August, when it can still be written in time
    assert found(check(tmp_path, "2027-07-09", files), "W-CHK-024") == []
    (soon,) = found(check(tmp_path, "2027-08-25", files), "W-CHK-024")
    assert soon.file.endswith("records/assignments/2025-2027.yaml") and (soon.line, soon.column) == (3, 6)
    assert "2027—2028学年第一学期 2027-09-01 开始" in soon.message_zh and "2 位在任干部" in soon.message_zh
    assert "records/assignments/2027-2029.yaml" in soon.hint_zh and "draft-cycle --from 2025-2027" in soon.hint_zh
    assert "starts on 2027-09-01" in soon.message_en and "draft-cycle --from 2025-2027" in soon.hint_en
    assert soon.severity == "warning" == found(check(tmp_path, "2027-08-25", files, strict=True), "W-CHK-024")[0].severity
    assert found(check(tmp_path, "2027-09-05", files), "W-CHK-024") == []  # (then W-CHK-023)
    result = check(tmp_path, "2027-09-05", files)
    (late,) = found(result, "W-CHK-023")
    assert late.file.endswith("records/assignments/2025-2027.yaml") and (late.line, late.column) == (3, 6)
    # the two cadres in office (wang-fang left before), the next cycle's file and its dates, the command that drafts it
    assert "安排表只写到 2027-08-31" in late.message_zh and "2 位在任干部" in late.message_zh
    assert "records/assignments/2027-2029.yaml" in late.hint_zh and "2027-09-01 至 2029-08-31" in late.hint_zh
    assert "python -m generator draft-cycle --from 2025-2027" in late.hint_zh
    assert "2 cadres in office" in late.message_en and "draft-cycle --from 2025-2027" in late.hint_en
    # in the text report, among the contact points (联系点安排与存续), not the other notes
    text = check_cli(tmp_path / "records", "--today", "2027-09-05").stdout
    section = text[text.index("【联系点安排与存续】"):]
    assert "W-CHK-023" in section.split("\n【", 1)[0]
    files["records/assignments/2027-2029.yaml"] = assignments(
        "2027-2029", "2027-09-01", "2029-08-31", {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2027-09-01"})
    result = check(tmp_path, "2027-09-05", files)
    assert found(result, "W-CHK-023") == [] == found(check(tmp_path, "2027-08-25", files), "W-CHK-024")
    # the cycle there now: li-na, left out of it, is told as every cadre without a point is
    assert [f.data["cadre"] for f in found(result, "W-CHK-002")] == ["li-na"]


def test_a_graduated_class_of_a_cadre_leaving_at_the_cycle_s_end_asks_for_no_new_row(tmp_path):
    # li-na's class graduated on the semester's last day and she leaves office with the cycle (2027-08-31), the days
    # between a vacation: W-CHK-013 told the officer to end the row *and add a new contact point for her*
    files = {"records/classes/2025.yaml": base()["records/classes/2025.yaml"].replace(
                 "id: me-2025-01,", "id: me-2025-01, until: \"2027-07-09\","),
             "records/cadres/li-na.yaml": cadre("李娜", "me", active_to="2027-08-31")}
    (f,) = found(check(tmp_path, "2027-08-20", files), "W-CHK-013")
    assert f.hint_zh.endswith("；干部“李娜”于 2027-08-31 离任，其间不须联系点，不必另加一行。"), f.hint_zh
    assert f.hint_en.endswith("; the cadre leaves office on 2027-08-31, and the days between owe no contact point: "
                              "no row to add."), f.hint_en
    # leaving later, with school days between: a new row is still asked for
    files["records/cadres/li-na.yaml"] = cadre("李娜", "me", active_to="2027-10-31")
    (f,) = found(check(tmp_path, "2027-08-20", files), "W-CHK-013")
    assert f.hint_zh.endswith("并为干部“李娜”新增一行新的联系点安排。"), f.hint_zh


def test_a_follow_up_of_another_unit_s_problem_is_said_unless_it_was_reported_to_her_unit(tmp_path):
    # walk (a 学院党委 secretary, demo copy): 外国语学院's 丁松 typed follows: 2026h1-xiao-fangting-6 — 材料学院's problem,
    # overdue 234 days — and 已解决: the problem left 材料学院's page and the overdue list, and nothing said a cadre of
    # another unit had closed it.  A follow-up of a problem of another unit's cadre is said at its follows line, to both
    # units; not when the problem was reported to her unit's 党委 (or to her unit, a department) before it
    zhang = """
- id: fb-projector
  raised_on: "2025-10-10"
  kind: 问题
  category: 学业发展
  description: 几名学生反映教室投影不清楚。
  status: 待处理
"""
    li = """
- id: fb-li-1
  follows: fb-projector
  raised_on: "2026-03-10"
  kind: 问题
  category: 学业发展
  description: 跟进：几名学生反映教室投影不清楚。
  status: 已解决
  resolution: 已更换投影仪。
  resolved_on: "2026-03-12"
"""
    files = {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=zhang),
             "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], points=("me-2025-01",),
                                                          feedback=li)}
    result = check(tmp_path, "2026-05-01", files)
    (other,) = found(result, "W-CHK-025")
    text = files["records/ledgers/2026-H1/li-na.yaml"]
    assert other.file.endswith("ledgers/2026-H1/li-na.yaml") and other.severity == "warning"
    assert (other.line, other.column) == (text.splitlines().index("    follows: fb-projector") + 1, 14)
    assert other.message_zh.startswith("跟进的“fb-projector”是计算机学院张伟反映的问题（") and other.message_zh.endswith(
        "ledgers/2025-H2/zhang-wei.yaml），李娜在机械学院，这个问题也没有上报机械学院"), other.message_zh
    assert "编号写错" in other.hint_zh and "张伟" in other.hint_zh
    assert other.data["cadre"] == "li-na" and other.data["root"] == "fb-projector"
    # a cadre's unit is hers on the day of the link (records/cadres' earlier): 李娜 was in 计算机学院 until March's end
    moved = {**files, "records/cadres/li-na.yaml": cadre("李娜", "me") + 'earlier:\n  - {until: "2026-03-31", unit: cs}\n'}
    assert found(check(tmp_path, "2026-05-01", moved), "W-CHK-025") == []
    # reported to 机械学院党委 before (and the unit has that committee): hers to follow up
    files["records/units.yaml"] = base()["records/units.yaml"].replace(
        "name: 机械学院, type: 学院,", "name: 机械学院, type: 学院, party_committee: 机械学院党委,")
    files["records/policy.yaml"] = base()["records/policy.yaml"].replace(
        "escalation_targets: [计算机学院党委, 后勤处]", "escalation_targets: [计算机学院党委, 机械学院党委, 后勤处]")
    files["records/ledgers/2025-H2/zhang-wei.yaml"] = files["records/ledgers/2025-H2/zhang-wei.yaml"].replace(
        "  status: 待处理", "  status: 已上报\n  escalated_to: 机械学院党委")
    assert found(check(tmp_path, "2026-05-01", files), "W-CHK-025") == []
