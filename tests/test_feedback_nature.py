"""R10: 对重大问题、共性问题等要及时向相关学院党委报告. A ledger's feedback item says its nature (`nature: 共性`),
a word of the policy's feedback_natures; one not resolved and never reported (no escalated_to in its chain) is
W-CHK-026 at its nature, until it is reported."""
from __future__ import annotations

import json

from tests.gitrepo import base, check_cli, commit, generator_cli, init_repo, ledger, write

NATURES = "  escalation_targets: [计算机学院党委, 后勤处]\n"

PROBLEM = """
- id: fb-heater
  raised_on: "2026-03-10"
  kind: 问题
  category: 生活后勤
  nature: NATURE
  description: 几个班的学生都反映宿舍热水供应时间太短。
  status: 待处理
"""


def _records(tmp_path, nature="共性", feedback=PROBLEM, extra=None):
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        NATURES, NATURES + "  feedback_natures: [重大, 共性]\n")
    files["records/ledgers/2026-H1/zhang-wei.yaml"] = ledger("zhang-wei", "2026-H1", ["2026-03-10"],
                                                             feedback=feedback.replace("NATURE", nature))
    files["records/units.yaml"] = files["records/units.yaml"].replace(
        "name: 计算机学院, type: 学院,", "name: 计算机学院, type: 学院, party_committee: 计算机学院党委,")
    files.update(extra or {})
    repo = init_repo(tmp_path / "repo")
    write(repo, files)
    commit(repo, "2026-09-25T10:00:00")
    return repo


def _json(r):
    return json.loads(r.stdout)


def _found(r, code):
    data = _json(r)
    return [f for f in (data["findings"] if isinstance(data, dict) else data) if f["code"] == code]


def test_a_ledger_with_a_nature_of_the_policy_validates(tmp_path):
    repo = _records(tmp_path)
    r = generator_cli(repo, "validate", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert _json(r) == []


def test_an_unknown_nature_is_an_error_at_its_line_and_column_naming_the_allowed_words(tmp_path):
    repo = _records(tmp_path, nature="普遍")
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("    nature: 普遍") + 1
    for lang, words in (("zh", "问题性质"), ("en", "nature")):
        r = generator_cli(repo, "validate", "--format", "json", "--lang", lang)
        assert r.returncode == 1, r.stdout + r.stderr
        (bad,) = [f for f in _json(r) if f["code"] == "E-REF-005"]
        assert bad["file"].endswith("ledgers/2026-H1/zhang-wei.yaml")
        assert (bad["line"], bad["column"]) == (line, 13)
        assert words in bad["message"] and "普遍" in bad["message"], bad
        assert "重大" in bad["message"] + bad["hint"] and "共性" in bad["message"] + bad["hint"], bad


def test_an_unreported_common_problem_is_warned_of_until_it_is_reported(tmp_path):
    repo = _records(tmp_path)
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json")
    (told,) = _found(r, "W-CHK-026")
    assert told["severity"] == "warning"
    assert (told["line"], told["column"]) == (text.splitlines().index("    nature: 共性") + 1, 13)
    assert told["message"] == "学生反映的问题“fb-heater”标为共性问题，还没有解决，也没有向学院党委报告（escalated_to）"
    assert "escalated_to: 计算机学院党委" in told["hint"], told["hint"]
    en = check_cli(repo / "records", "--today", "2026-10-01", "--format", "text", "--lang", "en")
    assert "W-CHK-026" in en.stdout and "student problem 'fb-heater' is marked '共性'" in en.stdout, en.stdout
    # not marked: nothing to report
    plain = _records(tmp_path / "plain", feedback=PROBLEM.replace("  nature: NATURE\n", ""))
    assert _found(check_cli(plain / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []


def test_a_marked_problem_reported_or_resolved_is_not_warned_of(tmp_path):
    reported = PROBLEM.replace("  status: 待处理", "  status: 已上报\n  escalated_to: 计算机学院党委")
    repo = _records(tmp_path / "reported", nature="重大", feedback=reported)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []
    # reported in a follow-up of the next period: the chain was reported
    follow = PROBLEM.replace("id: fb-heater", "id: fb-heater-2\n  follows: fb-heater").replace(
        '"2026-03-10"', '"2026-09-20"').replace("  nature: NATURE\n", "").replace(
        "  status: 待处理", "  status: 已上报\n  escalated_to: 计算机学院党委")
    later = {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-09-20"], feedback=follow)}
    repo = _records(tmp_path / "followed", extra=later)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []
    resolved = PROBLEM.replace("  status: 待处理", "  status: 已解决\n  resolution: 已延长供应时间。\n"
                                                  "  resolved_on: \"2026-03-20\"")
    repo = _records(tmp_path / "resolved", feedback=resolved)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []


def _marked_site(tmp_path):
    """The site fixture's records with 张伟's 2025-H2 problem (宿舍热水, reported to 后勤处, resolved by a follow-up in
    2026-H1) marked 共性 and 陈刚's (处理中) 重大, built by mkdocs."""
    from tests.site_build import FIXTURE_TODAY, fixture_repo, mkdocs_build

    def mark(records):
        policy = records / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace(
            "  escalation_targets:", "  feedback_natures: [重大, 共性]\n  escalation_targets:"), encoding="utf-8")
        led = records / "ledgers/2025-H2/zhang-wei.yaml"
        led.write_text(led.read_text(encoding="utf-8").replace(
            "    category: 生活后勤\n    description: 几名学生", "    category: 生活后勤\n    nature: 共性\n    description: 几名学生"),
            encoding="utf-8")
        led = records / "ledgers/2025-H2/chen-gang.yaml"  # (still open: on its unit's page)
        led.write_text(led.read_text(encoding="utf-8").replace(
            "    category: 心理健康\n", "    category: 心理健康\n    nature: 重大\n"), encoding="utf-8")
    return mkdocs_build(fixture_repo(tmp_path, mark), tmp_path / "built", FIXTURE_TODAY)


def _seen_in_chromium(path, text):
    """`text` is on the page as a person sees it: headless chromium (Debian's) opening the built file."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(locale="zh-CN")
            page.goto(path.as_uri())
            assert page.get_by_text(text).first.is_visible()
        finally:
            browser.close()


def test_the_site_marks_the_nature_and_its_downloads_have_the_column(tmp_path):
    import csv

    site = _marked_site(tmp_path)
    mark = "【共性】几名学生反映宿舍热水供应时间太短"
    board = (site.public / "feedback" / "2025-H2.html").read_text(encoding="utf-8")
    assert mark in board  # (学生反映问题台账: the thread's course)
    assert mark in (site.public / "cadres" / "zhang-wei.html").read_text(encoding="utf-8")  # (her ledger's section)
    assert "【重大】一名学生反映考试焦虑" in board
    assert "【重大】一名学生反映考试焦虑" in (site.public / "units" / "xgb.html").read_text(encoding="utf-8")  # (open)
    assert board.count("【") == 2  # (the other items are marked nothing)
    _seen_in_chromium(site.public / "feedback" / "2025-H2.html", mark)

    def rows(name):
        with open(site.public / "downloads" / name, encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    thread = next(r for r in rows("feedback.csv") if r["编号"] == "2025h2-zhang-wei-1")
    assert thread["问题性质"] == "共性"
    assert {r["编号"]: r["问题性质"] for r in rows("feedback-2025-H2.csv")} == {
        "2025h2-zhang-wei-1": "共性", "2025h2-zhang-wei-2": "", "2025h2-chen-gang-1": "重大"}
    # 附件2: each cadre's count of problems and suggestions says how many are of each nature, its download a column
    period = (site.public / "ledgers" / "2025-H2.html").read_text(encoding="utf-8")
    assert "（共性 1）" in period and "（重大 1）" in period
    counts = {r["姓名"]: r["其中各性质的问题数"] for r in rows("attachment2-2025-H2.csv")}
    assert counts["张伟"] == "共性 1" and counts["陈刚"] == "重大 1", counts


def test_a_new_ledger_names_the_natures_and_the_line_to_uncomment(tmp_path):
    """`new ledger` writes each word list in its comments: the natures too, where the policy has them, and the
    feedback item's nature line to uncomment."""
    repo = _records(tmp_path)
    done = generator_cli(repo, "new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H2", "--today", "2026-10-01")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (repo / "records/ledgers/2026-H2/zhang-wei.yaml").read_text(encoding="utf-8")
    assert "#   问题性质 nature 可选：重大、共性\n" in text, text
    assert "#     # nature: 待填写  # 问题性质：重大 或 共性；" in text, text


def test_a_nature_written_as_a_list_is_the_schemas_error_not_a_crash(tmp_path):
    """`nature: [共性]` (a list, as the policy writes its words) is one value's place: validate says so at its line;
    check and the site's build say the same, and crash on nothing (a list is no word to look up)."""
    from tests.site_build import mkdocs_build

    repo = _records(tmp_path, nature="[共性]")
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-2000:]
    (bad,) = [f for f in _json(r)["findings"] if f["file"].endswith("2026-H1/zhang-wei.yaml") and f["code"].startswith("E-")]
    assert bad["line"] == text.splitlines().index("    nature: [共性]") + 1 and "问题性质" in bad["message"], bad
    assert _found(r, "W-CHK-026") == []
    site = mkdocs_build(repo / "records", tmp_path / "built", "2026-10-01")
    assert "【" not in (site.public / "feedback" / "2026-H1.html").read_text(encoding="utf-8")


def test_a_nature_where_the_policy_has_no_natures_is_an_error_saying_so(tmp_path):
    """feedback_natures is optional: a university without it has no natures, and a ledger's nature is then no word of
    any list (E-REF-005 at it, saying the policy has none), not a word let through unread."""
    repo = _records(tmp_path)
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("  feedback_natures: [重大, 共性]\n", ""), encoding="utf-8")
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    for lang, said in (("zh", "政策没有问题性质的词表（vocabularies.feedback_natures）"),
                       ("en", "The policy has no list of natures (vocabularies.feedback_natures)")):
        r = generator_cli(repo, "validate", "--format", "json", "--lang", lang)
        assert r.returncode == 1, r.stdout + r.stderr
        (bad,) = [f for f in _json(r) if f["code"] == "E-REF-005"]
        assert (bad["line"], bad["column"]) == (text.splitlines().index("    nature: 共性") + 1, 13)
        assert said in bad["hint"], bad["hint"]


def test_checks_json_chain_rows_say_each_links_nature_null_where_it_says_none(tmp_path):
    follow = PROBLEM.replace("id: fb-heater", "id: fb-heater-2\n  follows: fb-heater").replace(
        '"2026-03-10"', '"2026-09-20"').replace("  nature: NATURE\n", "").replace(
        "  status: 待处理", "  status: 已上报\n  escalated_to: 计算机学院党委")
    later = {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-09-20"], feedback=follow)}
    repo = _records(tmp_path, nature="重大", extra=later)
    for lang in ("zh", "en"):
        r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json", "--lang", lang)
        assert r.returncode == 0, r.stdout + r.stderr
        (chain,) = [c for c in _json(r)["feedback"] if c["root"] == "fb-heater"]
        assert [(link["id"], link["nature"]) for link in chain["links"]] == [("fb-heater", "重大"),
                                                                              ("fb-heater-2", None)]


def test_a_departments_cadre_is_told_to_report_to_the_students_colleges_committee_not_her_units(tmp_path):
    # 张伟 in 党委学生工作部 (a department: no party_committee) contacts cs-2025-01, a class of 计算机学院: R10's 相关学院党委
    # is the students' college's; the warning said 学院党委 and its hint 'escalated_to: 学院党委', a word of no list
    moved = {"records/cadres/zhang-wei.yaml": base()["records/cadres/zhang-wei.yaml"].replace("unit: cs", "unit: xgb")}
    repo = _records(tmp_path / "point", extra=moved)
    for lang, said, line in (("zh", "也没有向学生所在学院的党委报告（escalated_to）", "escalated_to: 计算机学院党委"),
                             ("en", "was never reported to the Party committee of the students' college (escalated_to)",
                              "escalated_to: 计算机学院党委")):
        r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json", "--lang", lang)
        assert r.returncode == 0, r.stdout + r.stderr
        (told,) = _found(r, "W-CHK-026")
        assert told["message"].endswith(said) and line in told["hint"], told
    # the class's college names no committee either: the hint says what to write, not a word to copy
    plain = dict(moved, **{"records/units.yaml": base()["records/units.yaml"]})
    repo = _records(tmp_path / "none", extra=plain)
    for lang, line in (("zh", "escalated_to: 学生所在学院党委的名称"),
                       ("en", "escalated_to: the name of the students' college's Party committee")):
        (told,) = _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json", "--lang", lang),
                         "W-CHK-026")
        assert line in told["hint"] and "学院党委。" not in told["hint"], told


def test_a_cadre_who_moved_since_is_told_the_committee_of_the_college_she_was_in_when_she_raised_it(tmp_path):
    # 张伟 raised the problem on 2026-03-10 in 计算机学院 (his class's college) and moved to 机械学院 on 2026-07-01:
    # R10's 相关学院党委 is 计算机学院党委, as W-CHK-025 and the unit pages count a problem by the unit of the day it was
    # raised; the hint said escalated_to: 机械学院党委, his unit of today
    moved = {"records/cadres/zhang-wei.yaml": base()["records/cadres/zhang-wei.yaml"].replace("unit: cs", "unit: me")
             + "earlier:\n  - unit: cs\n    until: \"2026-06-30\"\n"}
    repo = _records(tmp_path, extra=moved)
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "name: 机械学院, type: 学院,", "name: 机械学院, type: 学院, party_committee: 机械学院党委,"), encoding="utf-8")
    commit(repo, "2026-09-26T10:00:00")
    for lang in ("zh", "en"):
        (told,) = _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json", "--lang", lang),
                         "W-CHK-026")
        assert "escalated_to: 计算机学院党委" in told["hint"] and "机械学院党委" not in told["hint"], told


def test_a_nature_retired_since_the_problem_was_raised_is_still_warned_of(tmp_path):
    # 共性 taken out of feedback_natures after 2026-06-30 (vocabularies.earlier): the problem raised on 2026-03-10 is
    # right (no E-REF-005), and still a 共性问题 not reported (R10) — not dropped because today's list lacks the word
    policy = base()["records/policy.yaml"].replace(NATURES, NATURES + "  feedback_natures: [重大]\n  earlier:\n"
                                                   "    - {until: 2026-06-30, feedback_natures: [重大, 共性]}\n")
    repo = _records(tmp_path, extra={"records/policy.yaml": policy})
    r = generator_cli(repo, "validate", "--format", "json")
    assert (r.returncode, _json(r)) == (0, []), r.stdout + r.stderr
    r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json")
    (told,) = _found(r, "W-CHK-026")
    assert "共性问题" in told["message"]


def test_a_period_s_summary_says_in_words_how_the_students_problems_went(tmp_path):
    # R10/R11 in the report: the 工作总结's sentences said how many problems and suggestions the ledgers recorded, not
    # how many were resolved, reported (已上报) or still open, nor how many were marked 重大/共性 — the officer writing
    # the report read them off a chart (问题办理状态, by status word) and counted the natures in 附件2 by hand
    from tests.site_build import FIXTURE_TODAY

    path = _marked_site(tmp_path).public / "summary/2025-H2.html"
    # (陈刚's 重大 problem, 处理中, still open on the site's day: 1, as 各单位情况's 合计 至今未解决)
    _seen_in_chromium(path, "学生反映的问题和建议 3 条：台账记录时已解决 1 条，已上报 1 条，待处理或处理中 1 条；"
                            "其中标为重大的 1 条、标为共性的 1 条。本期最初反映的问题和建议，算上以后各期的跟进，到 "
                            f"{FIXTURE_TODAY} 仍未解决的 1 条。")
