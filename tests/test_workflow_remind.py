"""Reminder issue bodies: `python -m generator remind` (R6, R2)."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess

import pytest
import yaml

from workflow_repo import ROOT, commit, edit, end_me, end_me_with_li_na_alone, make_repo, run


def test_body_lists_exactly_the_missing_cadres_grouped_by_unit_with_reviewers(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 1  # someone is missing: the workflow opens or updates the issue
    body = r.stdout
    items = [ln for ln in body.splitlines() if ln.startswith("- ")]
    assert len(items) == 2
    assert any("李娜" in ln and "@Li-Na" in ln and "records/ledgers/2026-H1/li-na.yaml" in ln for ln in items)
    assert any("陈刚" in ln and "未登记 Git 账号" in ln for ln in items)
    assert "张伟" not in body and "@zhang-wei" not in body  # filed: not reminded
    assert "## 机械学院（审核人：@me-reviewer）" in body
    assert "## 党委学生工作部（审核人：@wang-admin）" in body
    assert "@cs-reviewer" not in body
    assert "还有 10 天" in body and "<!-- contact-ledger:ledger-reminder:2026-H1 -->" in body


def test_a_ledger_waiting_in_a_pull_request_is_still_missing_and_the_body_asks_the_reviewers_to_merge_in_time(tmp_path):
    """李娜 opened her pull request; her unit's reviewer had not merged it: the reminder @-mentioned her as 尚未提交 and
    said only 提交后由本单位审核人审核 — she took the reminder for a mistake, the reviewer did not see it was theirs to do.
    The body now says that a ledger counts once merged into main, so one waiting in a pull request is still listed,
    and asks the reviewers to approve and merge in time (the merge is what is judged late or not)."""
    from workflow_repo import git
    repo = make_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "li-na/2026-H1")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml", text=(repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(
        encoding="utf-8").replace("zhang-wei", "li-na"))
    commit(repo, "2026-06-18 10:00", "李娜的台账")
    git(repo, "checkout", "-q", "main")
    body = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    assert any("李娜" in ln for ln in body.splitlines() if ln.startswith("- ")), body
    assert "合并进 main 才算提交" in body and "请本单位审核人及时批准、合并（是否按时，按合并的时间判断）" in body, body


def test_all_in_exits_0_so_the_workflow_closes_the_issue(tmp_path):
    repo = make_repo(tmp_path)
    own = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    for cadre, point in (("li-na", "club-robotics"), ("chen-gang", "cs-2024-01")):
        edit(repo, f"records/ledgers/2026-H1/{cadre}.yaml",
             text=own.split("feedback:")[0].replace("zhang-wei", cadre).replace("cs-2025-01", point))
    assert run(repo, "validate").returncode == 0
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 0 and "已全部提交" in r.stdout


def test_body_file_mode_prints_outputs_for_the_workflow(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-08", "--body-file", "body.md")
    assert r.returncode == 0
    assert "missing=2\n" in r.stdout and "title=工作台账提醒 2026-H1（2026年上半年）" in r.stdout
    assert "已逾期 8 天" in (repo / "body.md").read_text(encoding="utf-8")


def test_coverage_reminder_names_uncovered_freshman_classes_for_administrators(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--coverage", "--today", "2026-03-10")
    assert r.returncode == 1
    assert "@wang-admin" in r.stdout
    assert "计算机2502班（`cs-2025-02`）" in r.stdout and "机械2501班（`me-2025-01`）" in r.stdout
    assert "计算机2501班" not in r.stdout  # covered by zhang-wei


def test_coverage_reminder_after_the_calendars_last_year_asks_for_the_new_year_not_all_covered(tmp_path):
    # the calendar ends on 2026-08-31: on 2026-09-15 the body said " 学年的大一新生班级都已有联系干部" (no year)
    # and missing=0, so the workflow closed the coverage issue while the new freshman classes went unchecked
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--coverage", "--today", "2026-09-15", "--body-file", "body.md")
    assert r.returncode == 0 and "missing=1\n" in r.stdout and "title=新生班级覆盖提醒 2026-2027\n" in r.stdout
    body = (repo / "body.md").read_text(encoding="utf-8")
    assert "@wang-admin 校历（records/calendar.yaml）中没有 2026-09-15 所在的学年" in body
    assert "请在校历中加上 2026-2027 学年" in body and "都已有联系干部" not in body
    assert "<!-- contact-ledger:coverage-reminder:2026-2027 -->" in body
    # before the calendar's first year there is nothing to check, and it says so (not "all covered")
    early = run(repo, "remind", "--coverage", "--today", "2024-08-01")
    assert early.returncode == 0 and "没有 2024-08-01 所在的学年，没有要检查的新生班级" in early.stdout
    assert "都已有联系干部" not in early.stdout


def test_due_window_daily_weekly_and_quiet_days(tmp_path):
    repo = make_repo(tmp_path)

    def window(day):
        r = run(repo, "remind", "--due-window", "--today", day)
        assert r.returncode == 0
        return dict(line.split("=", 1) for line in r.stdout.splitlines())

    daily = window("2026-06-16")  # 14 days before 30 June, a Tuesday
    assert daily["send"] == "true" and daily["reason"] == "daily"
    assert "2026-H1" in json.loads(daily["periods"])
    assert window("2026-06-14")["reason"] == "none"  # 16 days before, a Sunday
    assert window("2026-05-04")["reason"] == "weekly"  # a Monday
    assert window("2026-05-05")["send"] == "false"


def test_archived_periods_are_not_reminded_and_their_issue_is_closed_once_then_dropped(tmp_path):
    """An archived period is no one's to remind of; its reminder issue, open since before the archive, is
    closed once, and then the period is dropped.  It stayed in `periods=` for a year from its due date or
    its archiving day: a matrix job (make setup, remind --period) and GitLab's body each reminder day, for a
    period with nothing to remind of.  It is listed only while its issue is open (--open-issues)."""
    repo = make_repo(tmp_path)
    before = run(repo, "remind", "--period", "2025-H2", "--today", "2026-01-10")
    assert before.returncode == 1  # someone had not filed: the issue is open
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    commit(repo, "2026-01-10 10:00", "备案 2025-H2")
    issue = [{"body": "<!-- contact-ledger:ledger-reminder:2025-H2 -->\n# 工作台账提醒 2025-H2"}]
    missing, body = _reminder_day(repo, tmp_path, "2026-01-12", issue)["2025-H2"]  # (a Monday: its issue closed)
    assert missing == "0" and body.startswith("<!-- contact-ledger:ledger-reminder:2025-H2 -->") \
        and "已经备案" in body and "@" not in body, body
    window = dict(line.split("=", 1) for line in
                  run(repo, "remind", "--due-window", "--today", "2026-01-12").stdout.splitlines())
    assert "2025-H2" not in json.loads(window["periods"]) and window["reason"] == "weekly", window  # (closed: dropped)
    assert "2025-H2" not in _reminder_day(repo, tmp_path, "2026-01-19", [])


def test_two_kinds_of_reminder_in_one_run_are_refused(tmp_path):
    # (it once ran --due-window alone and said nothing of the rest)
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--period", "2026-H1", "--coverage", "--due-window", "--today", "2026-06-20")
    assert r.returncode == 2 and r.stdout == "" and "不能与参数 --" in r.stderr


def test_unknown_period_exits_2(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "remind", "--period", "2026-Q3")
    assert r.returncode == 2 and "不是政策规定的填报期间" in r.stderr


def test_without_a_kind_of_reminder_it_says_which_to_ask_for_before_reading_records(tmp_path):
    repo = make_repo(tmp_path)
    for lang, words in (("zh", "请指定 --period、--coverage 或 --due-window 之一"), ("en", "--period")):
        r = run(repo, "remind", "--records", "no-such-folder", "--lang", lang)
        assert r.returncode == 2 and words in r.stderr and "no-such-folder" not in r.stderr, r.stderr


def test_body_file_mode_prints_the_marker_the_body_begins_with(tmp_path):
    repo = make_repo(tmp_path)
    for args in (("--period", "2026-H1"), ("--coverage",)):
        r = run(repo, "remind", *args, "--today", "2026-06-20", "--body-file", "body.md")
        outputs = dict(line.split("=", 1) for line in r.stdout.splitlines())
        assert r.returncode == 0 and outputs["marker"].startswith("<!-- contact-ledger:")
        assert (repo / "body.md").read_text(encoding="utf-8").splitlines()[0] == outputs["marker"]


FAKE_GH = """#!/bin/sh
# gh as the workflow calls it: `issue list … --jq EXPR` filters $FAKE_ISSUES (gh's --jq is jq's language)
[ "$1 $2" = "label create" ] && exit 0
[ -n "$FAKE_GH_FAILS" ] && { echo "gh: HTTP 502" >&2; exit 1; }
while [ $# -gt 0 ]; do [ "$1" = --jq ] && { printf '%s' "$FAKE_ISSUES" | jq -r "$2"; exit; }; shift; done
exit 2
"""


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq (gh's --jq language) is not installed")
@pytest.mark.parametrize("job", ["ledgers", "coverage"])
def test_the_workflow_finds_the_open_issue_and_a_failing_gh_fails_the_step(tmp_path, job):
    """The reminders workflow's lookup step, run as GitHub runs it (bash -e) with a stand-in gh:
    the ledger reminder is found by its period's marker (not by a title search), and a gh that
    fails fails the step instead of leaving `number` empty, which opened a second issue."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    step = next(s for s in wf["jobs"][job]["steps"] if s.get("id") == "issue")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    issues = [{"number": 3, "body": "something else"},
              {"number": 7, "body": "<!-- contact-ledger:ledger-reminder:2026-H2 -->\n# 工作台账提醒 2026-H2"},
              {"number": 9, "body": "<!-- contact-ledger:ledger-reminder:2026-H1 -->\n# 工作台账提醒 2026-H1"}]

    def lookup(marker, found=issues, **extra):
        out = tmp_path / "output"
        out.write_text("", encoding="utf-8")
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", GITHUB_OUTPUT=str(out),
                   LABEL="台账提醒", MARKER=marker, FAKE_ISSUES=json.dumps(found), **extra)
        r = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True)
        return r.returncode, out.read_text(encoding="utf-8")

    if job == "ledgers":
        assert lookup("<!-- contact-ledger:ledger-reminder:2026-H1 -->") == (0, "number=9\n")
        assert lookup("<!-- contact-ledger:ledger-reminder:2026-H2 -->") == (0, "number=7\n")
        assert lookup("<!-- contact-ledger:ledger-reminder:2027-H1 -->") == (0, "number=\n")
    else:
        assert lookup("", [{"number": 4, "body": "<!-- contact-ledger:coverage-reminder:2025-2026 -->"}]) == (0, "number=4\n")
        assert lookup("", []) == (0, "number=\n")
    code, written = lookup("<!-- contact-ledger:ledger-reminder:2026-H1 -->", FAKE_GH_FAILS="1")
    assert code != 0 and "number=" not in written


def test_the_coverage_issue_takes_the_new_academic_years_title_when_updated():
    """There is one open coverage issue (found by its label); the body names the academic year
    and so must the title, or 新生班级覆盖提醒 2025-2026 would list 2026-2027's classes."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    [update] = [s for s in wf["jobs"]["coverage"]["steps"] if s.get("run", "").startswith("gh issue edit")]
    assert '--title "$TITLE"' in update["run"] and update["env"]["TITLE"] == "${{ steps.body.outputs.title }}"


def test_each_reminder_day_notifies_the_missing_cadres_again():
    """An edited body sends no notification; on each later reminder day the workflow comments
    with the body (its @-mentions), on the issue it has just updated."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["ledgers"]["steps"]
    [edit_step] = [s for s in steps if s.get("run", "").startswith("gh issue edit")]
    [comment] = [s for s in steps if s.get("run", "").startswith("gh issue comment")]
    assert comment["if"] == edit_step["if"] and "--body-file body.md" in comment["run"]


def test_reminder_issues_are_opt_in_so_the_demos_invented_accounts_are_never_mentioned():
    """Pushed as it is, the repository holds the demo, whose Git accounts may be real strangers:
    no issue is opened until an administrator turns the reminders on (the guide says how)."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    on = "vars.CONTACT_LEDGER_REMINDERS == 'on'"
    for name, job in wf["jobs"].items():  # (the when job runs in any case: it reads the run's day)
        for step in job["steps"]:
            if "gh issue" in step.get("run", ""):
                assert (step if name == "when" else job)["if"].startswith(on), (name, step.get("name"))
                assert name == "when" or job["needs"] == "when", name
    assert "CONTACT_LEDGER_REMINDERS" in (ROOT / "site/guide/git-hosts.md").read_text(encoding="utf-8")


def test_the_reminder_window_says_only_what_the_workflows_read(tmp_path):
    """`remind --due-window` also gave `period=` (the nearest due date), and `remind --period ""` took it
    between periods, for a GitLab job that since writes a body for each of `periods`: neither was read by
    any pipeline.  It gives send=, reason=, periods= and today= (the day the later jobs are as of) only; an empty
    --period is not a period."""
    repo = make_repo(tmp_path)
    window = run(repo, "remind", "--due-window", "--today", "2026-12-21")
    assert [line.split("=", 1)[0] for line in window.stdout.splitlines()] == ["send", "reason", "periods", "today"]
    empty = run(repo, "remind", "--period", "", "--today", "2026-12-21", "--body-file", str(tmp_path / "b.md"))
    assert empty.returncode == 2 and "不是政策规定的填报期间" in empty.stderr and not (tmp_path / "b.md").exists()


def test_two_reminder_runs_never_overlap():
    """A scheduled and a manual run at once would each find no issue and each open one."""
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    assert wf["concurrency"] == {"group": "reminders", "cancel-in-progress": False}


def test_gitlabs_reminder_job_does_nothing_between_periods_and_succeeds(tmp_path):
    """In a summer gap between the policy's periods, the earlier ones archived, there is no period to
    remind of; .gitlab-ci.yml's remind job (run as GitLab runs it: _run_gitlab_remind_job) once failed
    there (exit 2, the job and pipeline failed every day until the next period began).
    It succeeds (the archived periods are not listed; their bodies, if any, say so: missing=0)."""
    repo = make_repo(tmp_path)
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace('start: "07-01"', 'start: "09-01"'), encoding="utf-8")
    for period in ("2025-H2", "2026-H1"):
        assert run(repo, "archive", period, "--today", "2026-08-10").returncode == 0
    dotenv = _run_gitlab_remind_job(repo, "2026-08-10")
    for period in json.loads(dotenv["periods"]):  # no ledger reminder: each archived
        assert (repo / f"reminder-ledgers-{period}.env").read_text(encoding="utf-8").startswith("missing=0\n")
        assert "已经备案" in (repo / f"reminder-ledgers-{period}.md").read_text(encoding="utf-8")
    assert "marker=<!-- contact-ledger:coverage-reminder" in (repo / "reminder-coverage.env").read_text(encoding="utf-8")


@pytest.mark.parametrize("took_over", [True, False])
def test_reminders_of_a_unit_that_ended_name_who_took_over_not_its_former_reviewers(tmp_path, took_over):
    repo = make_repo(tmp_path)
    end_me(repo, took_over)
    ledger = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    coverage = run(repo, "remind", "--coverage", "--today", "2026-03-10")
    assert ledger.returncode == 1 and coverage.returncode == 1, ledger.stderr + coverage.stderr
    assert any("李娜" in ln for ln in ledger.stdout.splitlines() if ln.startswith("- "))  # still reminded
    assert "机械2501班（`me-2025-01`）" in coverage.stdout
    # nobody reviews for 机械学院 after it ended: its former reviewer is not asked
    assert "@me-reviewer" not in ledger.stdout and "@me-reviewer" not in coverage.stdout
    if took_over:
        assert "## 机械学院（已于 2026-03-05 合并或撤销，由“机械与自动化学院”接替；审核人：@mech-reviewer）" in ledger.stdout
        assert "## 机械学院（已于 2026-03-05 合并或撤销，由“机械与自动化学院”接替；@mech-reviewer）" in coverage.stdout
    else:  # the records do not say who took over: the university's administrators, who fix the records
        assert "## 机械学院（已于 2026-03-05 合并或撤销，接替的单位未登记；请管理员 @wang-admin 处理）" in ledger.stdout
        assert "## 机械学院（已于 2026-03-05 合并或撤销，接替的单位未登记；请管理员 @wang-admin 处理）" in coverage.stdout


def _taken_over_late(tmp_path):
    """contacts.min_days_held: 14; both cadres take their classes on 25 December 2026, seven days
    before 2026-H2 ends (they owe 2027-H1, not 2026-H2)."""
    from tests.gitrepo import assignments, base, commit, init_repo, write

    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        "  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    files["records/assignments/2025-2027.yaml"] = assignments(
        "2025-2027", "2025-09-01", "2027-08-31",
        {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2026-12-25"},
        {"cadre": "li-na", "class": "me-2025-01", "start": "2026-12-25"})
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    return repo


def test_a_period_nobody_owes_reminds_nobody(tmp_path):
    """contacts.min_days_held: 14, and the two cadres took their classes on 25 December, seven days
    before 2026-H2 ended: nobody owes its ledger (check lists no row for it), but remind, finding no
    row, fell back to everyone assigned in the period and reminded them both."""
    from tests.gitrepo import check_cli, generator_cli

    repo = _taken_over_late(tmp_path)
    data = json.loads(check_cli(repo / "records", "--today", "2027-01-10", "--format", "json").stdout)
    assert [r for r in data["ledgers"] if r["period"] == "2026-H2"] == []
    r = generator_cli(repo, "remind", "--period", "2026-H2", "--today", "2027-01-10")
    assert r.returncode == 0 and "张伟" not in r.stdout and "李娜" not in r.stdout
    # nor does it say their ledgers were handed in (it said “2026年下半年的工作台账已全部提交”): none was owed
    assert "已全部提交" not in r.stdout and "are in" not in r.stdout
    assert "没有须提交本期工作台账的干部" in r.stdout and "14 天" in r.stdout and "nobody owed" in r.stdout
    # a period not yet begun is not “all in” either
    later = generator_cli(repo, "remind", "--period", "2027-H2", "--today", "2027-01-10")
    assert later.returncode == 0 and "已全部提交" not in later.stdout and "尚未开始" in later.stdout
    owed = generator_cli(repo, "remind", "--period", "2027-H1", "--today", "2027-06-25")  # (held all of it)
    assert owed.returncode == 1 and "张伟" in owed.stdout and "李娜" in owed.stdout



def test_a_stale_codeowners_is_in_the_reminder_issues_for_the_administrators(tmp_path):
    """The day after 机械学院's until the committed CODEOWNERS is stale; the only alert was a failed
    scheduled run, in logs the administrators do not read.  The reminder issues they do read now say
    so, @-mention them and say what to run; the daily check still fails (site/guide/git-hosts.md)."""
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    end_me(repo, True)
    assert run(repo, "codeowners", "--today", "2026-03-05").returncode == 0
    commit(repo, "2026-03-05 10:00", "records and CODEOWNERS")
    ledger = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    coverage = run(repo, "remind", "--coverage", "--today", "2026-03-10")
    for body in (ledger.stdout, coverage.stdout):
        note = [ln for ln in body.splitlines() if "CODEOWNERS" in ln]
        assert note, body
        assert "@wang-admin" in note[0] and "`python -m generator codeowners`" in note[0]
        assert "机械学院（me，存续至 2026-03-05）" in note[0]
        assert "CODEOWNERS is stale" in body
    assert ledger.returncode == 1 and coverage.returncode == 1  # (what the issues are for is unchanged)
    assert run(repo, "codeowners", "--check", "--today", "2026-06-20").returncode == 1  # the daily job fails too
    # written again, it is fresh, and the issues say nothing of it
    assert run(repo, "codeowners", "--today", "2026-06-20").returncode == 0
    assert "CODEOWNERS" not in run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    # a missing CODEOWNERS is said too
    (repo / "CODEOWNERS").unlink()
    gone = run(repo, "remind", "--coverage", "--today", "2026-03-10").stdout
    assert "没有 CODEOWNERS" in gone and "@wang-admin" in gone and "重新生成" not in gone


def test_a_ledger_handed_in_after_the_day_is_still_missing_on_that_day(tmp_path):
    """remind --today replays a day as check does: 李娜's ledger landed on 25 June, so on 20 June she
    still owed it (check: not yet due, not there); remind counted every file in the tree as handed in
    and left her out, and said all were in once the last one was, on any earlier day."""
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    own = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml",
         text=own.split("feedback:")[0].replace("zhang-wei", "li-na").replace("cs-2025-01", "club-robotics"))
    commit(repo, "2026-06-25 10:00", "李娜的台账")
    before = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert before.returncode == 1 and any("李娜" in ln for ln in before.stdout.splitlines() if ln.startswith("- "))
    assert "**2** 位干部" in before.stdout
    after = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-26")
    assert after.returncode == 1 and "李娜" not in after.stdout and "**1** 位干部" in after.stdout


def test_a_ledger_within_the_policys_grace_days_is_not_called_late(tmp_path):
    """ledger.grace_days: 7: a ledger due on 30 June lands on time up to 7 July (check's deadline).
    On 3 July the body said “已逾期 3 天” of ledgers no one had yet been late with."""
    repo = make_repo(tmp_path)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    edit(repo, "records/policy.yaml", text=policy.replace("  grace_days: 0\n", "  grace_days: 7\n", 1))
    body = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-03").stdout
    assert "逾期" not in body and "2026-07-07" in body and "还有 4 天" in body, body
    late = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-10").stdout
    assert "已逾期 3 天" in late and "2026-07-07" in late


def test_the_coverage_reminder_says_by_when_the_policy_wants_the_classes_covered(tmp_path):
    """freshman_coverage.grace_days: 30: the freshman classes of 2025-2026 are to have a cadre by
    2025-10-01.  The body said only “政策要求新生班级全覆盖”, the same ten days into the year as half
    a year on; and with freshman_coverage.required: false it still said the policy required it, and
    opened the issue."""
    repo = make_repo(tmp_path)
    early = run(repo, "remind", "--coverage", "--today", "2025-09-10").stdout
    assert "2025-10-01" in early and "还有 21 天" in early, early
    late = run(repo, "remind", "--coverage", "--today", "2026-03-10").stdout
    assert "2025-10-01" in late and "已超过 160 天" in late, late
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    assert "freshman_coverage:\n  required: true\n" in policy
    edit(repo, "records/policy.yaml", text=policy.replace("freshman_coverage:\n  required: true\n",
                                                          "freshman_coverage:\n  required: false\n"))
    optional = run(repo, "remind", "--coverage", "--today", "2026-03-10", "--body-file", "b.md")
    assert "missing=0\n" in optional.stdout
    body = (repo / "b.md").read_text(encoding="utf-8")
    assert "政策要求" not in body and "不要求" in body


def test_a_period_is_not_reminded_of_before_its_reminder_window(tmp_path):
    """On the first Monday of July (the summer holidays) the reminders opened 2026-H2's issue, five
    days into the half-year and 178 days before its due date: every cadre @-mentioned as “尚未提交”,
    and again every Monday until December.  A period is reminded of from reminders.window_days before
    its due date on (daily), and after it weekly while ledgers are late; before, it is in no list."""
    repo = make_repo(tmp_path)

    def window(day):
        r = run(repo, "remind", "--due-window", "--today", day)
        return dict(line.split("=", 1) for line in r.stdout.splitlines())

    for day in ("2026-07-06", "2026-10-05", "2026-12-14"):  # Mondays before 2026-H2's window
        assert "2026-H2" not in json.loads(window(day)["periods"]), day
    assert "2026-H1" not in json.loads(window("2026-05-04")["periods"])  # (due 30 June)
    opens = window("2026-12-16")  # 15 days before 31 December
    assert opens["reason"] == "daily" and "2026-H2" in json.loads(opens["periods"])
    assert "2026-H2" in json.loads(window("2027-01-04")["periods"])  # after it, weekly, while late


def test_the_english_summary_counts_one_cadre_and_one_class_in_the_singular(tmp_path):
    """“English: 1 cadres have not filed …”, “1 freshman classes of … have no cadre”."""
    repo = make_repo(tmp_path)
    one = run(repo, "remind", "--period", "2025-H2", "--today", "2026-01-10").stdout
    assert "English: 1 cadre has not filed their 2025-H2 ledger" in one, one
    two = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    assert "English: 2 cadres have not filed" in two
    end_me(repo, True)
    cover = run(repo, "remind", "--coverage", "--today", "2026-03-10").stdout
    assert "English: 2 freshman classes of 2025-2026 have no cadre" in cover
    cs = run(repo, "remind", "--coverage", "--today", "2025-09-10").stdout
    assert "English: 1 freshman class of 2025-2026 has no cadre" in cs, cs


def test_a_unit_with_no_reviewers_has_its_cadres_reminded_through_the_administrators(tmp_path):
    """党委学生工作部 lists no reviewers: CODEOWNERS leaves its cadres' ledgers to the administrators,
    but the body said “审核人：未登记” and, of 陈刚 (no Git account), “请审核人转告”: nobody was
    @-mentioned for him at all."""
    repo = make_repo(tmp_path)
    units = (repo / "records/units.yaml").read_text(encoding="utf-8")
    edit(repo, "records/units.yaml", text=units.replace("    reviewers: [wang-admin]\n", "    reviewers: []\n"))
    assert run(repo, "validate").returncode == 0
    body = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    head = [ln for ln in body.splitlines() if ln.startswith("## 党委学生工作部")]
    assert head == ["## 党委学生工作部（审核人未登记，由管理员 @wang-admin 审核）"], body
    chen = [ln for ln in body.splitlines() if ln.startswith("- 陈刚")][0]
    assert "请管理员转告" in chen and "请审核人转告" not in chen


def test_the_daily_reminders_run_to_the_end_of_the_policys_grace_days(tmp_path):
    """ledger.grace_days: 7: ledgers due on 30 June land on time up to 7 July, and the body counts the
    days to it; but the daily reminders stopped on 30 June, so the last days in which a ledger was
    still on time (1–7 July, a Wednesday to a Tuesday) went by without one, save the Monday's."""
    repo = make_repo(tmp_path)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    edit(repo, "records/policy.yaml", text=policy.replace("  grace_days: 0\n", "  grace_days: 7\n", 1))

    def reason(day):
        r = run(repo, "remind", "--due-window", "--today", day)
        return dict(line.split("=", 1) for line in r.stdout.splitlines())["reason"]

    assert [reason(d) for d in ("2026-07-01", "2026-07-03", "2026-07-07")] == ["daily"] * 3
    assert reason("2026-07-08") == "none"  # (a Wednesday, late: weekly from now on)
    assert reason("2026-06-15") == "daily"  # (15 days before the due date, as before)


def test_the_units_come_in_the_order_of_units_yaml_in_both_reminders(tmp_path):
    """The ledger reminder listed its units by the code points of their names (党委学生工作部, 机械学院,
    计算机学院: in the demo 信息科学与工程学院 first, 计算机科学与工程学院 near the end), the coverage
    reminder by their ids; both now follow records/units.yaml, the university's own order."""
    repo = make_repo(tmp_path)  # (units.yaml: cs, me, xgb)

    def heads(body):
        return [ln[3:].split("（")[0] for ln in body.splitlines() if ln.startswith("## ")]

    ledger = heads(run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout)
    assert ledger == ["机械学院", "党委学生工作部"], ledger
    units = (repo / "records/units.yaml").read_text(encoding="utf-8")
    first, rest = units.split("  - id: me\n")
    edit(repo, "records/units.yaml",  # (now me, cs, xgb)
         text="units:\n  - id: me\n" + rest.replace("  - id: xgb\n", first.replace("units:\n", "") + "  - id: xgb\n"))
    assert run(repo, "validate").returncode == 0
    assert heads(run(repo, "remind", "--coverage", "--today", "2026-03-10").stdout) == ["机械学院", "计算机学院"]


def _run_gitlab_remind_job(repo, today: str, **variables: str) -> dict:
    """.gitlab-ci.yml's remind job, its script lines run as GitLab runs them (`make setup` aside) with the
    dotenv of the remind-window job on `today` (as the clock said when it ran; its `today` is the later jobs'
    day) and the CI/CD `variables` (none: no GITLAB_TOKEN)."""
    window = run(repo, "remind", "--due-window", "--today", today)
    dotenv = dict(line.split("=", 1) for line in window.stdout.splitlines())
    r = _run_gitlab_job(repo, "remind", {**dotenv, **variables})
    assert r.returncode == 0, r.args[-1] + "\n" + r.stdout + r.stderr
    return dotenv


def _run_gitlab_job(repo, name: str, variables: dict) -> subprocess.CompletedProcess:
    """.gitlab-ci.yml's job `name`, its script lines run in one shell as GitLab's runner runs them (`make setup`
    aside: this tree's program), with the CI/CD and dotenv `variables`."""
    import sys

    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))[name]
    env = dict({k: v for k, v in os.environ.items() if k != "GITLAB_TOKEN"}, PYTHONPATH=str(ROOT), **variables)
    # (one shell for the whole script, as GitLab's runner: an `exit 0` ends the job; a failing line fails it)
    script = "\n".join(line.replace(".venv/bin/python", sys.executable).replace("scripts/", f"{ROOT}/scripts/")
                       for line in job["script"] if line != "make setup")
    return subprocess.run(["sh", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def _run_github_step(repo, job: str, step_name: str, expressions: dict) -> subprocess.CompletedProcess:
    """reminders.yml's step of `job` whose name starts with `step_name`, run as GitHub runs it (bash -e, the job's
    and the step's env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files) with its ${{ … }} given by `expressions`
    (e.g. {"needs.when.outputs.today": "2026-03-02"}; any other: empty); this tree's program."""
    import re
    import sys

    spec = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))["jobs"][job]
    [step] = [s for s in spec["steps"] if s.get("name", "").startswith(step_name)]
    said = lambda text: re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: expressions.get(m.group(1), ""), str(text))  # noqa: E731
    env = dict(os.environ, PYTHONPATH=str(ROOT), GITHUB_OUTPUT=str(repo / "output"),
               GITHUB_STEP_SUMMARY=str(repo / "summary.md"))
    env.update({k: said(v) for k, v in {**spec.get("env", {}), **step.get("env", {})}.items()})
    for name in ("output", "summary.md"):
        (repo / name).write_text("", encoding="utf-8")
    return subprocess.run(["bash", "-e", "-c", said(step["run"]).replace(".venv/bin/python", sys.executable)],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def test_every_job_of_a_reminder_run_is_as_of_the_day_its_window_read(tmp_path):
    """A scheduled run whose window job read 2026-03-02 (23:59 in Shanghai, say) and whose later jobs started
    after midnight: each of those read the clock again, so the bodies of a reminder day decided on one day were
    written as of the next, and the strict check and CODEOWNERS' were of another day than the window's.  The
    window's today= is now every later job's --today, on GitHub (reminders.yml: the when job's output) and on
    GitLab (remind-window's dotenv).  Here the clock is later still (after 机械学院's until, 2026-03-05: CODEOWNERS
    stale by it, fresh on 2026-03-02), and every job says 2026-03-02."""
    repo = make_repo(tmp_path)
    end_me(repo, True)
    assert run(repo, "codeowners", "--today", "2026-03-02").returncode == 0
    commit(repo, "2026-03-02 10:00", "records and CODEOWNERS")
    window = run(repo, "remind", "--due-window", "--today", "2026-03-02")
    outputs = dict(line.split("=", 1) for line in window.stdout.splitlines())
    assert outputs["today"] == "2026-03-02"
    when = {f"needs.when.outputs.{key}": value for key, value in outputs.items()} | {"matrix.period": "2026-H1"}
    body = _run_github_step(repo, "ledgers", "生成提醒正文", when)
    assert body.returncode == 0 and "截至 2026-03-02" in (repo / "body.md").read_text(encoding="utf-8"), body.stderr
    body = _run_github_step(repo, "coverage", "生成提醒正文", when)
    assert body.returncode == 0 and "截至 2026-03-02" in (repo / "body.md").read_text(encoding="utf-8"), body.stderr
    strict = _run_github_step(repo, "strict-check", "严格检查", when)
    assert "## 联系学生工作检查（2026-03-02）" in (repo / "summary.md").read_text(encoding="utf-8"), strict.stderr
    owners = _run_github_step(repo, "strict-check", "CODEOWNERS 是否过期", when)
    assert owners.returncode == 0, owners.stdout + owners.stderr  # (stale by the clock: exit 1)
    strict = _run_gitlab_job(repo, "strict-check", outputs)
    assert "## 联系学生工作检查（2026-03-02）" in (repo / "check-strict.md").read_text(encoding="utf-8"), strict.stderr
    owners = _run_gitlab_job(repo, "codeowners-fresh", outputs)
    assert owners.returncode == 0, owners.stdout + owners.stderr
    _run_gitlab_remind_job(repo, "2026-03-02")
    assert "截至 2026-03-02" in (repo / "reminder-coverage.md").read_text(encoding="utf-8")


def test_the_strict_check_and_codeowners_run_when_the_window_job_fails(tmp_path):
    """A cadre file with a field nobody knows: the window job (remind --due-window) exits 1 with E-FLOW-006 and gives
    no today=.  The strict check and CODEOWNERS' check needed it (2ede23b), so that day's step summary and CODEOWNERS'
    verdict were lost — skipped on GitHub and GitLab — where before they ran on their own; now they run whenever the
    run was not cancelled (GitHub: if !cancelled(); GitLab: when: always), as of the clock's day when there is no
    today= (an empty --today "" was an argparse error)."""
    repo = make_repo(tmp_path)
    edit(repo, "records/cadres/chen-gang.yaml", append="office: 302\n")
    window = run(repo, "remind", "--due-window", "--today", "2026-12-02")
    assert window.returncode == 1 and "E-FLOW-006" in window.stderr and "today=" not in window.stdout, window
    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))["jobs"]
    assert wf["strict-check"]["needs"] == "when" and "!cancelled()" in wf["strict-check"]["if"]  # (else: success())
    when = {"needs.when.outputs.send": "", "needs.when.outputs.periods": "", "needs.when.outputs.today": ""}
    strict = _run_github_step(repo, "strict-check", "严格检查", when)
    summary = (repo / "summary.md").read_text(encoding="utf-8")
    assert strict.returncode == 1 and "## 联系学生工作检查（" in summary and "office" in summary, strict.stderr
    owners = _run_github_step(repo, "strict-check", "CODEOWNERS 是否过期", when)
    assert owners.returncode in (0, 1) and "参数错误" not in owners.stderr + owners.stdout, owners.stderr
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    for name in ("strict-check", "codeowners-fresh"):
        assert ci[name]["needs"] == [{"job": "remind-window", "artifacts": True}], name
        assert all(rule.get("when") == "always" for rule in ci[name]["rules"]), name  # (else: not when it failed)
    strict = _run_gitlab_job(repo, "strict-check", {})  # (no dotenv: remind-window failed)
    text = (repo / "check-strict.md").read_text(encoding="utf-8")
    assert strict.returncode == 1 and "## 联系学生工作检查（" in text and "office" in text, strict.stderr
    owners = _run_gitlab_job(repo, "codeowners-fresh", {})
    assert owners.returncode in (0, 1) and "参数错误" not in owners.stderr + owners.stdout, owners.stderr


class _GitLabIssues:
    """GitLab's issues API (v4) of project 42 as far as the reminders use it, served on a local port: the
    issues it holds and every request it was sent (method, path, JSON body), as GitLab's docs describe them —
    GET /projects/:id/issues?state=opened&labels=…, POST /projects/:id/issues, PUT /projects/:id/issues/:iid,
    POST /projects/:id/issues/:iid/notes — each asking for the PRIVATE-TOKEN header."""

    def __init__(self, token: str):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs, urlsplit

        self.issues: dict[int, dict] = {}
        self.requests: list[tuple] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, code: int, data) -> None:
                text = json.dumps(data, ensure_ascii=False).encode("utf-8")
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            def _handle(self) -> None:
                url = urlsplit(self.path)
                size = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(size).decode("utf-8")) if size else None
                api.requests.append((self.command, url.path, body))
                if self.headers.get("PRIVATE-TOKEN") != token:
                    return self._answer(401, {"message": "401 Unauthorized"})
                parts = url.path.split("/")  # '', api, v4, projects, 42, issues[, iid[, notes]]
                if parts[:6] != ["", "api", "v4", "projects", "42", "issues"]:
                    return self._answer(404, {"message": "404 Not Found"})
                if self.command == "GET" and len(parts) == 6:
                    query = parse_qs(url.query)
                    assert query["state"] == ["opened"] and query["per_page"] == ["100"], query
                    return self._answer(200, [i for i in api.issues.values() if i["state"] == "opened"
                                              and query["labels"][0] in i["labels"]])
                if self.command == "POST" and len(parts) == 6:
                    iid = len(api.issues) + 1
                    api.issues[iid] = {"iid": iid, "state": "opened", "title": body["title"], "notes": [],
                                       "labels": body["labels"].split(","), "description": body["description"]}
                    return self._answer(201, api.issues[iid])
                issue = api.issues.get(int(parts[6]))
                if issue is None:
                    return self._answer(404, {"message": "404 Not found"})
                if self.command == "PUT" and len(parts) == 7:
                    issue.update({k: v for k, v in body.items() if k in ("title", "description")})
                    if body.get("state_event") == "close":
                        issue["state"] = "closed"
                    return self._answer(200, issue)
                if self.command == "POST" and parts[7:] == ["notes"]:
                    issue["notes"].append(body["body"])
                    return self._answer(201, {"body": body["body"]})
                return self._answer(405, {"message": "405 Method Not Allowed"})

            do_GET = do_POST = do_PUT = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v4"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_gitlabs_reminder_job_opens_updates_and_closes_the_issues_as_githubs_does(tmp_path):
    """GitLab's remind job wrote the bodies as artifacts, and the guide left opening the issues to a glab script
    of the administrator's own ("可用 glab issue create/update/close", none given): on GitLab nobody was ever
    reminded.  The job now brings each body to its issue through GitLab's API with GITLAB_TOKEN, as reminders.yml
    does with gh: opens it (label 台账提醒 or 覆盖提醒), updates it with a comment the next reminder day (a comment
    @-mentions again), comments and closes it once all are in; without the token it opens nothing."""
    repo = make_repo(tmp_path)
    gitlab = _GitLabIssues("glpat-xgb")
    try:
        ci = {"GITLAB_TOKEN": "glpat-xgb", "CI_API_V4_URL": gitlab.url, "CI_PROJECT_ID": "42"}
        dotenv = _run_gitlab_remind_job(repo, "2026-12-21", **ci)
        periods = json.loads(dotenv["periods"])
        opened = {i["title"]: i for i in gitlab.issues.values()}
        late = opened["工作台账提醒 2026-H1（2026年上半年）"]
        assert late["labels"] == ["台账提醒"] and "李娜" in late["description"] and "@Li-Na" in late["description"]
        for period in periods:
            body = (repo / f"reminder-ledgers-{period}.md").read_text(encoding="utf-8")
            if "missing=0" not in (repo / f"reminder-ledgers-{period}.env").read_text(encoding="utf-8"):
                assert [i["description"] for i in opened.values()].count(body) == 1, period
        coverage = [i for i in opened.values() if i["labels"] == ["覆盖提醒"]]
        assert [i["description"] for i in coverage] == [(repo / "reminder-coverage.md").read_text(encoding="utf-8")]
        assert all(method in ("GET", "POST") for method, _, _ in gitlab.requests)

        count = len(gitlab.issues)
        gitlab.requests.clear()
        _run_gitlab_remind_job(repo, "2026-12-22", **ci)
        assert len(gitlab.issues) == count  # the same issues, each updated and commented on
        assert ("PUT", f"/api/v4/projects/42/issues/{late['iid']}",
                {"description": (repo / "reminder-ledgers-2026-H1.md").read_text(encoding="utf-8")}) in gitlab.requests
        assert late["notes"] == [late["description"]] and "2026-12-22" in late["description"]
        # the coverage issue, for the administrators, updated (its title too) with no note, as reminders.yml's
        # coverage job edits it: a note each reminder day notified them every day
        [cover] = coverage
        assert cover["notes"] == [] and ("PUT", f"/api/v4/projects/42/issues/{cover['iid']}", {
            "description": (repo / "reminder-coverage.md").read_text(encoding="utf-8"), "title": cover["title"]}) \
            in gitlab.requests

        own = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
        for cadre, point in (("li-na", "club-robotics"), ("chen-gang", "cs-2024-01")):
            edit(repo, f"records/ledgers/2026-H1/{cadre}.yaml",
                 text=own.split("feedback:")[0].replace("zhang-wei", cadre).replace("cs-2025-01", point))
        commit(repo, "2026-12-23 10:00", "补交 2026-H1 台账")
        _run_gitlab_remind_job(repo, "2026-12-23", **ci)
        assert late["state"] == "closed" and "已全部提交" in late["notes"][-1]
        assert sum(i["state"] == "opened" for i in gitlab.issues.values()) == count - 1

        gitlab.requests.clear()  # without the token: the bodies are artifacts only
        import sys
        alone = subprocess.run([sys.executable, str(ROOT / "scripts" / "gitlab_issues.py")], cwd=repo, text=True,
                               capture_output=True, env={**os.environ, **ci, "GITLAB_TOKEN": ""})
        assert alone.returncode == 0 and "GITLAB_TOKEN" in alone.stderr and gitlab.requests == []
    finally:
        gitlab.close()


def test_gitlabs_reminder_job_reminds_of_every_period_githubs_does_late_ones_too(tmp_path):
    """On 21 December, in 2026-H2's daily window, 2026-H1's ledgers of 李娜 and 陈刚 are still late:
    GitHub's reminders.yml opens an issue for each period of `periods=`; GitLab's remind job wrote
    the body of `period=` only (the nearest due date, 2026-H2), so the late 2026-H1 ledgers were
    reminded of by nobody for the whole window.  Its artifacts now hold a body for each of them."""
    repo = make_repo(tmp_path)
    dotenv = _run_gitlab_remind_job(repo, "2026-12-21")
    periods = json.loads(dotenv["periods"])
    assert "2026-H1" in periods and "2026-H2" in periods
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["remind"]
    for period in periods:
        body = (repo / f"reminder-ledgers-{period}.md").read_text(encoding="utf-8")
        assert f"<!-- contact-ledger:ledger-reminder:{period} -->" in body
        assert (repo / f"reminder-ledgers-{period}.env").read_text(encoding="utf-8").startswith("missing=")
        assert any(p.replace("*", period) == f"reminder-ledgers-{period}.md" for p in job["artifacts"]["paths"])
    late = (repo / "reminder-ledgers-2026-H1.md").read_text(encoding="utf-8")
    assert "已逾期" in late and "李娜" in late and "陈刚" in late


def _remind_the_old_way(records, period: str, today) -> str:
    """The body as remind made it before it went the way check goes (validate_records, then the
    checks one after the other, then the ledgers submitted later read again)."""
    from generator import remind
    from generator.archive import repo_of
    from generator.check import run_checks, submitted_later
    from generator.pipeline import validate_records

    rs, _ = validate_records(records, today)
    data = run_checks(rs, today, repo=repo_of(rs.root)).data
    later = frozenset(submitted_later(rs, today, repo=repo_of(rs.root))[0])
    missing = remind.missing_cadres(rs, period, today, data, later)
    return remind.ledger_body(rs, period, today, missing, "records", False, remind.owed(data, period),
                              remind.codeowners_note(rs, today) if missing else [])[1]


@pytest.mark.parametrize("today", ["2026-06-20", "2026-07-08", "2026-12-21"])
def test_remind_gives_the_body_it_gave_before_it_went_the_way_check_goes(tmp_path, monkeypatch, today):
    """remind loads and checks the records as `check` does (the history read while they load, the
    checks beside the record stages, in two processes; before, one after the other):
    the body is the same, cold and warm, on a corpus in Git with ledgers landed on both sides of the
    due date."""
    import datetime as dt
    import sys

    repo = tmp_path / "repo"
    subprocess.run([sys.executable, str(ROOT / "bench/corpus.py"), "--ledgers", "150", "--seed", "7",
                    "--out", str(repo / "records")], check=True, capture_output=True, timeout=300)
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    ledgers = sorted((repo / "records/ledgers").glob("2026-H1/*.yaml"))
    for stamp, paths in (("2026-06-01T12:00:00+08:00", [":/", *(f":!{p.relative_to(repo)}" for p in ledgers[::2])]),
                         ("2026-07-03T12:00:00+08:00", [":/"])):
        subprocess.run(["git", "-C", str(repo), "add", "-A", "--", *paths], check=True)
        subprocess.run(["git", "-C", str(repo), "commit", "-q", "-m", "records"], check=True,
                       env=dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp, **env))
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    day, bodies = dt.date.fromisoformat(today), []
    for period in ("2026-H1", "2026-H2"):
        for _run in ("cold", "warm"):
            new = run(repo, "remind", "--period", period, "--today", today)
            assert new.returncode in (0, 1), new.stderr
            assert new.stdout == _remind_the_old_way(repo / "records", period, day), (period, _run)
            bodies.append(new.stdout)
    assert any("尚未提交本期工作台账" in body for body in bodies)  # (someone is reminded: not a body of nothing)


def test_when_the_check_cannot_run_remind_still_follows_who_owes_the_ledger(tmp_path):
    """The same records (contacts.min_days_held: 14, both cadres took their classes seven days before
    2026-H2 ended): with no check data (the check stage failed), remind fell back to everyone
    assigned during the period and reminded both, who owe nothing; it now works out who owes it
    by check's rule (deadlines.owed_rows) and says what it says when the check runs."""
    import datetime as dt

    from generator.check import run_checks
    from generator.pipeline import validate_records
    from generator.remind import missing_cadres

    repo = _taken_over_late(tmp_path)
    rs, _ = validate_records(repo / "records")
    for period, today in (("2026-H2", dt.date(2027, 1, 10)), ("2027-H1", dt.date(2027, 6, 25))):
        data = run_checks(rs, today, repo=repo).data
        assert missing_cadres(rs, period, today, None) == missing_cadres(rs, period, today, data), period
    assert missing_cadres(rs, "2027-H1", dt.date(2027, 6, 25), None) == ["li-na", "zhang-wei"]


def _git_logs_of(repo, tmp_path, *args) -> tuple[subprocess.CompletedProcess, int]:
    """(`python -m generator ARGS` as a process, how many times it read the ledgers' history, `git log
    --first-parent --diff-merges=first-parent`; the log of the policy and calendar files for W-CHK-015
    and W-CHK-016, the same reader's (first_parent.Log) with `-- policy.yaml calendar.yaml`, is another
    read, of two files; a past --today's walk of the commits after its day, git_history.records_on, is
    `<the day's commit>..HEAD`, none here: HEAD is older than the day): a `git` first on PATH notes each
    call and runs the real one."""
    from tests.gitrepo import counting_git

    r, calls = counting_git(repo, tmp_path, *args, cache=str(tmp_path / "cache"))
    logs = [c for c in calls if " log --first-parent --diff-merges=first-parent" in f" {c}"
            and " -- policy.yaml" not in c]
    return r, len(logs)


@pytest.mark.parametrize("kind", [("--period", "2026-H1"), ("--coverage",)])
def test_remind_reads_the_git_history_once(tmp_path, kind):
    """remind read the history for the checks (run_checks) and then again, a second `git log` of the
    whole history, for the ledgers handed in after --today (_later), even for --coverage, which never
    uses them; the checks' reading is reused.  The body is the same (the other tests of remind)."""
    repo = make_repo(tmp_path)
    r, logs = _git_logs_of(repo, tmp_path, "remind", *kind, "--today", "2026-06-20")
    assert r.returncode in (0, 1), r.stdout + r.stderr
    assert logs == 1, logs


def test_gitlabs_reminder_job_writes_bodies_only_on_a_reminder_day_as_githubs(tmp_path):
    """reminders.yml's ledgers and coverage jobs run only when remind-window's `send` is true; GitLab's
    remind job wrote every period's body and the coverage one every day, so whoever opens the issues
    from its artifacts (glab) reminded the cadres daily, months before a due date.  On a day that is no
    reminder day it now writes none and succeeds; on one that is, it writes them (the tests above)."""
    repo = make_repo(tmp_path)
    dotenv = _run_gitlab_remind_job(repo, "2026-05-05")  # a Tuesday, 56 days before 30 June
    assert dotenv["send"] == "false" and json.loads(dotenv["periods"]), dotenv  # (2025-H2's late ledgers)
    assert sorted(p.name for p in repo.glob("reminder-*")) == []
    dotenv = _run_gitlab_remind_job(repo, "2026-05-04")  # the Monday before: weekly
    assert dotenv["send"] == "true"
    assert (repo / "reminder-coverage.md").is_file() and (repo / "reminder-ledgers-2025-H2.md").is_file()


def test_the_body_links_the_web_form_on_the_site_when_the_site_has_an_address(tmp_path, monkeypatch):
    """The body said “或使用网站上的台账表单” and gave no link: a cadre reading it in the issue had to
    find the site and its form himself.  With the site's address (mkdocs.yml's site_url, the
    project's own, from CONTACT_LEDGER_SITE_URL, which the reminder jobs now set as the site's
    build does) the form's page (admin/) is linked; without one the sentence stays as it was."""
    repo = make_repo(tmp_path)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    form = "或使用网站上的台账表单；"
    monkeypatch.delenv("CONTACT_LEDGER_SITE_URL", raising=False)
    assert form in run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    monkeypatch.setenv("CONTACT_LEDGER_SITE_URL", "https://xgb.github.io/contact-ledger/")
    body = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout
    assert "或使用网站上的[台账表单](https://xgb.github.io/contact-ledger/admin/)；" in body, body
    assert "web form: https://xgb.github.io/contact-ledger/admin/" in body, body
    (repo / "mkdocs.yml").write_text("site_name: 台账\nsite_url: https://ledger.example.edu.cn\n", encoding="utf-8")
    assert "[台账表单](https://ledger.example.edu.cn/admin/)" in run(repo, "remind", "--period", "2026-H1",
                                                                   "--today", "2026-06-20").stdout
    # the jobs that write the bodies are given the address, as the site's build is
    gh = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    step = next(s for s in gh["jobs"]["ledgers"]["steps"] if "remind --period" in s.get("run", ""))
    pages = next(s for s in gh["jobs"]["ledgers"]["steps"] if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    assert pages["id"] in step["env"]["CONTACT_LEDGER_SITE_URL"] and gh["jobs"]["ledgers"]["permissions"]["pages"] == "read"
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["remind"]["variables"]["CONTACT_LEDGER_SITE_URL"] == "$CI_PAGES_URL/"


def test_a_filed_ledger_with_errors_is_named_in_the_reminder_not_counted_as_handed_in(tmp_path):
    """A ledger that does not validate cannot be merged through a pull request, but a direct push can
    land one on the main branch: the reminder counted 张伟's as handed in, said nothing to him, and
    with everyone else's in said “已全部提交，本提醒可以关闭”.  It is now listed as handed in with
    errors, @-mentioning him, and keeps the issue open (missing= counts it) until it is fixed."""
    repo = make_repo(tmp_path)
    own = repo / "records/ledgers/2026-H1/zhang-wei.yaml"
    good = own.read_text(encoding="utf-8")
    own.write_text(good.replace("period: 2026-H1\n", "period: 2026-H1\nextra_key: 1\n"), encoding="utf-8")
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 1
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "张伟" in ln]
    assert "@zhang-wei" in line and "records/ledgers/2026-H1/zhang-wei.yaml" in line and "有错误" in line, r.stdout
    assert "validate" in r.stdout and "1 ledger of 2026-H1 is in with errors" in r.stdout, r.stdout
    # everyone else's in: not “all in”, and the issue stays open for it
    for cadre, point in (("li-na", "club-robotics"), ("chen-gang", "cs-2024-01")):
        edit(repo, f"records/ledgers/2026-H1/{cadre}.yaml",
             text=good.split("feedback:")[0].replace("zhang-wei", cadre).replace("cs-2025-01", point))
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 1 and "已全部提交" not in r.stdout and "张伟" in r.stdout, r.stdout
    out = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20", "--body-file", str(tmp_path / "b.md"))
    assert "missing=1" in out.stdout, out.stdout
    own.write_text(good, encoding="utf-8")  # fixed: all in
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 0 and "已全部提交" in r.stdout, r.stdout


def test_a_ledger_whose_only_error_is_a_reference_is_named_in_the_reminder_not_counted_as_handed_in(tmp_path):
    """张伟's 2026-H1 on the branch had a form not in the vocabulary (E-REF-005, the references stage's, run
    beside the checks): the reminder left him out and missing= did not count him, where one with a schema
    error is named 有错误 and counted.  It is named and counted now, and not once the form is fixed."""
    repo = make_repo(tmp_path)
    own = repo / "records/ledgers/2026-H1/zhang-wei.yaml"
    good = own.read_text(encoding="utf-8")
    own.write_text(good.replace("form: 主题党日团日", "form: 随便聊聊", 1), encoding="utf-8")
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "张伟" in ln]
    assert "@zhang-wei" in line and "有错误" in line, r.stdout
    out = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20", "--body-file", str(tmp_path / "b.md"))
    missing = next(ln for ln in out.stdout.splitlines() if ln.startswith("missing="))
    own.write_text(good, encoding="utf-8")
    fixed = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20", "--body-file", str(tmp_path / "c.md"))
    assert int(missing.split("=")[1]) == int(next(ln for ln in fixed.stdout.splitlines()
                                                  if ln.startswith("missing=")).split("=")[1]) + 1, out.stdout
    assert "张伟" not in fixed.stdout and "张伟" not in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_an_unreadable_ledger_on_the_branch_is_said_to_be_there_with_errors(tmp_path):
    """张伟's 2026-H1 ledger is on the branch but its YAML is broken (a direct push): the reminder
    listed him as not having filed and asked him to hand in a file he had, with no word of it
    being there; then among those who had not filed, with 文件已存在，但有错误、无法读取.  Handed in (it is
    in Git), it is listed as check lists it: submitted, with errors, what to run — not as missing."""
    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", text="cadre: zhang-wei\nperiod: [2026-H1\n")
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "张伟" in ln]
    assert "@zhang-wei" in line and line.endswith("有错误"), r.stdout
    handed_in = r.stdout[r.stdout.index("## 已提交但有错误的台账"):]
    assert line in handed_in and "python -m generator validate" in handed_in, r.stdout
    assert "以下 **2** 位干部尚未提交本期工作台账" in r.stdout, r.stdout  # (李娜 and 陈刚, not him)
    [other] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "有错误" not in other
    edit(repo, "records/ledgers/2026-H1/li-na.yaml", text="cadre: li-na\nperiod: [2026-H1\n")  # (not in Git: not
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")                   # handed in)
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "文件已存在，但有错误" in line and "python -m generator validate" in line, r.stdout
    assert line not in r.stdout[r.stdout.index("## 已提交但有错误的台账"):], r.stdout


@pytest.mark.parametrize("took_over", [False, True])
def test_the_line_of_a_cadre_of_an_ended_unit_who_alone_may_approve_says_whose_reviewer_she_is(tmp_path, took_over):
    """机械学院 ended on 2026-03-05 and 李娜 is the only administrator.  With no unit named to take it
    over, its ledgers go to the administrators: her line said “本人是本单位唯一的审核人”, which she never
    was (its reviewer was me-reviewer), and to register another reviewer, which the ended unit's
    `reviewers` no longer give.  It now says the unit ended with no successor, and to move her to the
    unit that took over (W-CHK-014) or add an administrator; taken over by a unit she alone reviews,
    it names that unit, not hers."""
    repo = make_repo(tmp_path)
    end_me_with_li_na_alone(repo, took_over)
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in remind.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "没有别人能审核" in line and "W-FLOW-002" in line and "本单位唯一的审核人" not in line, line
    if took_over:
        assert "本人是接替的单位“机械与自动化学院”唯一的审核人，也是唯一的管理员" in line, line
    else:
        assert "本单位已合并或撤销、接替的单位未登记，由管理员审核，本人又是唯一的管理员" in line, line
        assert "改到接替的单位" in line and "W-CHK-014" in line and "再登记一位管理员" in line, line


def test_a_past_day_s_reminder_does_not_remind_of_a_ledger_there_that_day_and_deleted_later(tmp_path):
    # remind --today 2026-06-20 replays that day, as check does: 张伟's 2026-H1 ledger, filed on 2026-01-05
    # and deleted on 2026-07-02, was there that day — remind named him missing (the file is gone now)
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    (repo / "records/ledgers/2026-H1/zhang-wei.yaml").unlink()
    commit(repo, "2026-07-02 10:00", "张伟的台账删掉了")
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert "张伟" not in r.stdout and "李娜" in r.stdout, r.stdout


def test_check_the_site_and_remind_agree_that_a_ledger_with_errors_is_handed_in_but_not_accepted(tmp_path):
    """张伟's 2026-H1 ledger landed on the branch with a schema error (a direct push).  remind kept his
    reminder open under 已提交但有错误, while check and the site counted it 按时 with no word of the
    errors: the 学工部 read all in.  All three now say it the same way (check.deadlines.with_errors):
    handed in on time, with errors, not accepted until fixed."""
    from generator.site import build_site
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")
    commit(repo, "2026-06-20 10:00", "a direct push")
    data = json.loads(run(repo, "check", "--today", "2026-07-05", "--format", "json").stdout)
    rows = {(r["period"], r["cadre"]): r for r in data["ledgers"]}
    mine = rows[("2026-H1", "zhang-wei")]
    assert mine["status"] == "on_time" and mine["errors"] is True, mine
    assert not any(r["errors"] for key, r in rows.items() if key != ("2026-H1", "zhang-wei"))
    assert data["summary"]["ledgers_with_errors"] == 1
    text = run(repo, "check", "--today", "2026-07-05").stdout
    assert "；已提交的台账中 1 份有错误，改正前不算通过（见上面的记录问题）" in text, text
    assert "1 ledger handed in has errors and is not accepted" in run(
        repo, "check", "--today", "2026-07-05", "--lang", "en").stdout
    body = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-05").stdout
    assert "## 已提交但有错误的台账" in body and "@zhang-wei" in body.split("## 已提交但有错误的台账")[1], body
    files = build_site(repo / "records", dt.date(2026, 7, 5)).files
    table = files["downloads/attachment2-2026-H1.csv"].decode("utf-8-sig")
    [line] = [ln for ln in table.splitlines() if "张伟" in ln]
    assert "按时（有错误，未通过）" in line, table
    # (附件2 of the period, his own page; .bracketed: printed, the bracket goes under 按时)
    for page in ("ledgers/2026-H1.md", "cadres/zhang-wei.md"):
        assert '<span class="badge bad bracketed">按时（有错误，未通过）</span>' in files[page].decode(), page


def test_each_cadres_line_is_in_the_language_asked(tmp_path):
    """With --lang en, every cadre's line of the reminder was Chinese still (（未登记 Git 账号，请审核人转告）,
    “本人是……唯一的审核人”, “有错误”), though the administrator had asked for English.  The lines now come
    from remind's messages in the language asked; the Chinese ones are as they were."""
    repo = make_repo(tmp_path)
    end_me_with_li_na_alone(repo, True)  # (李娜: the only reviewer of the unit that took over, and the only administrator)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")  # handed in with errors

    def lines(lang: str) -> list[str]:
        r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20", "--lang", lang)
        assert r.returncode == 1, r.stdout + r.stderr
        return [ln for ln in r.stdout.splitlines() if ln.startswith("- ")]

    assert lines("zh") == [
        "- 李娜（机械学院党委书记） @Li-Na：`records/ledgers/2026-H1/li-na.yaml`（本人是接替的单位“机械与自动化学院”唯一的审核人，"
        "也是唯一的管理员，本人的台账没有别人能审核：请再登记一位审核人或管理员，见 codeowners 的 W-FLOW-002）",
        "- 陈刚（党委学生工作部部长）（未登记 Git 账号，请审核人转告）：`records/ledgers/2026-H1/chen-gang.yaml`",
        "- 张伟（计算机学院院长） @zhang-wei：`records/ledgers/2026-H1/zhang-wei.yaml` 有错误"]
    assert lines("en") == [
        "- 李娜 (机械学院党委书记) @Li-Na: `records/ledgers/2026-H1/li-na.yaml` (the only reviewer of the unit that "
        "took over (机械与自动化学院) and the only administrator: nobody else may approve their ledger; add a reviewer "
        "or an administrator; see W-FLOW-002 of codeowners)",
        "- 陈刚 (党委学生工作部部长) (no Git account recorded: reviewers, please tell them): "
        "`records/ledgers/2026-H1/chen-gang.yaml`",
        "- 张伟 (计算机学院院长) @zhang-wei: `records/ledgers/2026-H1/zhang-wei.yaml` has errors"]


def test_bodies_for_several_periods_written_partway_say_which_were_written(tmp_path):
    """GitLab's job writes a body and its .env for each period: when the second period's could not be
    written, the first's were, and the message said 没有写入任何文件.  They are now one write, and the
    message names the first period's files as written, the second's as not."""
    repo = make_repo(tmp_path)
    (repo / "r-2026-H1.md").mkdir()  # (a folder where the later period's body goes)
    r = run(repo, "remind", "--periods", '["2025-H2", "2026-H1"]', "--today", "2026-06-20",
            "--body-file", "r-{period}.md")
    assert r.returncode == 2 and r.stdout == "", r.stdout + r.stderr
    assert "写入 r-2026-H1.md 时出错（系统提示：Is a directory）：已写入 r-2025-H2.md、r-2025-H2.env（都是完整的）；" \
           "未写入 r-2026-H1.md、r-2026-H1.env（原有的没有改动）" in r.stderr, r.stderr


def test_when_the_checks_cannot_run_the_site_still_says_a_ledger_has_errors(tmp_path):
    """The site's rows when the check stage fails (CheckView._failed: deadlines.owed_rows) had no word of
    a handed-in ledger's errors, so the status showed no 有错误 there; they now carry it as check's do."""
    from generator.pipeline import validate_records
    from generator.site.checks import CheckView

    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")
    rs, _ = validate_records(repo / "records")
    view = CheckView(rs, dt.date(2026, 7, 5), repo)
    view._failed("the check stage failed")  # (what the site does when run_checks raises)
    assert view.ledger_status("2026-H1", "zhang-wei")["errors"] is True
    assert view.ledger_status("2026-H1", "zhang-wei")["label"].endswith("（有错误，未通过）")
    assert view.ledger_status("2025-H2", "zhang-wei")["errors"] is False


def test_the_year_evaluation_does_not_count_a_ledger_with_errors_as_on_time(tmp_path):
    """年度考核参考 counted 张伟's 2026-H1 ledger with a schema error (a direct push) 按时 with no mark,
    while 附件2, check and remind said it was handed in but not accepted until fixed
    (deadlines.with_errors).  It is due and not on time there now, and the cell and the download say why."""
    from generator.site import build_site
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")
    commit(repo, "2026-06-20 10:00", "a direct push")
    files = build_site(repo / "records", dt.date(2026, 7, 5)).files
    page = files["evaluation.md"].decode()
    [row] = [ln for ln in page.splitlines() if "zhang-wei" in ln and ln.startswith("|")]
    # (the direct push changed it after it landed on 2026-01-05: 合并后修改, as 附件2 marks it)
    assert "| 0/1（1 份有错误，未通过；合并后修改 1 份） |" in row, row
    assert "有错误的台账改正前不算按时" in page, page
    table = files["downloads/evaluation.csv"].decode("utf-8-sig").splitlines()
    head, [mine] = table[0].split(","), [ln.split(",") for ln in table if "张伟" in ln and ln.startswith("2026")]
    got = dict(zip(head, mine))
    assert (got["按时台账"], got["应交台账"], got["有错误台账（未通过）"]) == ("0", "1", "1"), got
    [other] = [ln.split(",") for ln in table if "李娜" in ln and ln.startswith("2026")]
    assert dict(zip(head, other))["有错误台账（未通过）"] == "0", other


def test_the_job_summary_lists_a_ledger_handed_in_with_errors(tmp_path):
    """check --format markdown (the CI job summary) listed late and missing ledgers but not 张伟's
    2026-H1, handed in with a schema error and not accepted until fixed (deadlines.with_errors): the
    overview counted it, no table named it.  It has a section of its own now (zh/en)."""
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")
    commit(repo, "2026-06-20 10:00", "a direct push")
    md = run(repo, "check", "--today", "2026-07-05", "--format", "markdown").stdout
    section = md.split("### 已提交但有错误的台账（改正前不算通过）\n", 1)[1].split("\n### ", 1)[0]
    assert section.splitlines()[1:6] == [  # (a table for each unit, as the late and missing ledgers')
        "#### 计算机学院（1）", "", "| 期间 | 干部 | 状态 | 逾期天数 | 提交时间 | 依据 |", "|---|---|---|---|---|---|",
        "| 2026-H1 | 张伟 | 按时 | — | 2026-01-05 09:00 | Git |"], md
    assert section.count("\n| 20") == 1, section  # (his row alone)
    md = run(repo, "check", "--today", "2026-07-05", "--format", "markdown", "--lang", "en").stdout
    section = md.split("### Ledgers handed in with errors (not accepted until fixed)\n", 1)[1].split("\n### ", 1)[0]
    assert "#### 计算机学院 (1)" in section and "| 2026-H1 | 张伟 | on time | — | 2026-01-05 09:00 | Git |" in section, md


def test_the_filing_chart_draws_a_ledger_with_errors_in_red(tmp_path):
    """The 填报情况 charts (the home page, the period's summary) drew the bar of 按时（有错误，未通过） in
    blue (info: a label the tones did not know), where its badge in 附件2 is red (bad): handed in, not
    accepted until fixed."""
    from generator.site import build_site
    from generator.site.charts import COLORS
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="extra_key: 1\n")
    commit(repo, "2026-06-20 10:00", "a direct push")
    files = build_site(repo / "records", dt.date(2026, 7, 5)).files
    for name in ("index.md", "summary/2026-H1.md"):
        bar = files[name].decode().split(">按时（有错误，未通过）</text>", 1)[1].split("/>", 1)[0]
        assert f'fill="{COLORS["bad"]}"' in bar, (name, bar)


def test_a_period_nobody_owed_quotes_the_days_in_force_then_not_todays(tmp_path):
    """contacts.min_days_held was 10 up to 2026-12-31 and is 14 since (contacts.earlier): both cadres
    held their classes 7 days of 2026-H2, fewer than the 10 in force then, so nobody owed it; the
    body said “满 14 天”, today's number, which did not judge that period."""
    from tests.gitrepo import commit, generator_cli, write

    repo = _taken_over_late(tmp_path)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    write(repo, {"records/policy.yaml": policy.replace(
        "  min_days_held: 14\n", "  min_days_held: 14\n  earlier:\n"
        "    - {until: \"2026-12-31\", min_days_held: 10, reason: 2027年起14天}\n")})
    commit(repo, "2027-01-02 10:00", "联系点天数改为14天")
    r = generator_cli(repo, "remind", "--period", "2026-H2", "--today", "2027-01-10")
    assert r.returncode == 0 and "没有须提交本期工作台账的干部" in r.stdout, r.stdout
    assert "满 10 天" in r.stdout and "14 天" not in r.stdout and "for 10 days" in r.stdout, r.stdout


def test_a_ledger_handed_in_with_no_activity_after_the_deadline_is_in_the_reminder(tmp_path):
    """张伟 handed in his 2026-H1 ledger with `activities: []`; the deadline passed (check: W-CHK-017)
    and everyone else's is in.  The reminder said “已全部提交，本提醒可以关闭” and closed the issue:
    he was never told.  He is now named, with what to do (fill in the period's activities), and the
    issue stays open (missing= counts him) until he does."""
    from workflow_repo import commit

    repo = make_repo(tmp_path)
    own = repo / "records/ledgers/2026-H1/zhang-wei.yaml"
    good = own.read_text(encoding="utf-8")
    for cadre, point in (("li-na", "club-robotics"), ("chen-gang", "cs-2024-01")):
        edit(repo, f"records/ledgers/2026-H1/{cadre}.yaml",
             text=good.split("feedback:")[0].replace("zhang-wei", cadre).replace("cs-2025-01", point))
    own.write_text(good.split("activities:")[0] + "activities: []\n", encoding="utf-8")
    commit(repo, "2026-06-20 10:00", "台账")
    assert run(repo, "validate").returncode == 0
    assert "W-CHK-017" in run(repo, "check", "--today", "2026-07-08").stdout
    before = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-25")  # (not yet due: not told)
    assert before.returncode == 0 and "已全部提交" in before.stdout, before.stdout
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-08")
    assert r.returncode == 1 and "已全部提交" not in r.stdout, r.stdout
    [line] = [ln for ln in r.stdout.splitlines() if ln.startswith("- ") and "张伟" in ln]
    assert "@zhang-wei" in line and "records/ledgers/2026-H1/zhang-wei.yaml" in line, r.stdout
    assert "没有记录任何联系学生的活动" in r.stdout and "activities" in r.stdout, r.stdout
    assert "1 ledger of 2026-H1 records no activity" in r.stdout, r.stdout
    assert "李娜" not in r.stdout and "陈刚" not in r.stdout
    out = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-08", "--body-file", str(tmp_path / "b.md"))
    assert "missing=1" in out.stdout, out.stdout
    own.write_text(good, encoding="utf-8")  # filled in: all in
    commit(repo, "2026-07-09 10:00", "补记活动")
    r = run(repo, "remind", "--period", "2026-H1", "--today", "2026-07-10")
    assert r.returncode == 0 and "已全部提交" in r.stdout, r.stdout


def test_an_unarchived_period_with_a_ledger_missing_stays_reminded_after_a_year_and_its_issue_is_closed_once_archived(tmp_path):
    """--due-window listed the periods due in the last 366 days only: a year after 2025-H2's due date,
    li-na's ledger still missing and the period not archived, 2025-H2 left the list — no more reminders,
    and its open issue was never closed.  An unarchived period stays listed; archived, it is listed while
    its issue is open, so that the issue is closed on the next reminder day."""
    repo = make_repo(tmp_path)

    def periods(day):
        r = run(repo, "remind", "--due-window", "--today", day)
        assert r.returncode == 0, r.stderr
        return json.loads(dict(line.split("=", 1) for line in r.stdout.splitlines())["periods"])

    for day in ("2026-01-12", "2027-01-04", "2027-01-11", "2028-03-06"):  # Mondays, 2025-H2 due 2025-12-31
        assert "2025-H2" in periods(day), day
    late = run(repo, "remind", "--period", "2025-H2", "--today", "2027-01-11")
    assert late.returncode == 1 and "li-na" in late.stdout, late.stdout
    assert run(repo, "archive", "2025-H2", "--today", "2027-01-11").returncode == 0
    commit(repo, "2027-01-11 10:00", "备案 2025-H2")
    issue = [{"body": "<!-- contact-ledger:ledger-reminder:2025-H2 -->"}]  # (its issue closed on the next reminder day)
    assert _reminder_day(repo, tmp_path, "2027-01-18", issue)["2025-H2"][0] == "0"
    assert "2025-H2" not in periods("2027-01-18") and "2025-H2" not in periods("2028-01-17")


def test_an_old_unarchived_period_is_listed_while_a_ledger_is_missing_and_its_issue_closed_once_all_are_in(tmp_path):
    """Since every unarchived period stayed listed (b0c0fb5), each one due over a year ago ran a matrix job
    (make setup, remind --period: missing=0) on every reminder day for ever — the demo 6 periods for 2.  One
    due over a year ago is listed while a ledger of it is missing, or while its issue is open (the ledgers job
    then closes it: remind --period, missing=0)."""
    repo = make_repo(tmp_path)

    def periods(day):
        r = run(repo, "remind", "--due-window", "--today", day)
        assert r.returncode == 0, r.stderr
        return json.loads(dict(line.split("=", 1) for line in r.stdout.splitlines())["periods"])

    assert "2025-H2" in periods("2027-01-04")  # (li-na's ledger missing, a year after the due date)
    own = (repo / "records/ledgers/2025-H2/zhang-wei.yaml").read_text(encoding="utf-8")
    edit(repo, "records/ledgers/2025-H2/li-na.yaml",
         text=own.split("feedback:")[0].replace("zhang-wei", "li-na").replace("cs-2025-01", "club-robotics"))
    commit(repo, "2027-01-06 10:00", "补交 2025-H2")
    assert "2025-H2" not in periods("2027-01-11") and "2025-H2" not in periods("2028-03-06")
    issue = [{"body": "<!-- contact-ledger:ledger-reminder:2025-H2 -->"}]  # (its issue open: listed, and closed)
    assert _reminder_day(repo, tmp_path, "2027-01-11", issue)["2025-H2"][0] == "0"
    assert "2025-H2" in periods("2027-01-04")  # (a replay of a day before it came in: still missing)


def test_the_demo_lists_only_the_periods_it_reminds_of_or_whose_issue_may_be_open():
    r = run(ROOT, "remind", "--due-window", "--today", "2026-12-07")
    assert r.returncode == 0, r.stderr
    listed = json.loads(dict(line.split("=", 1) for line in r.stdout.splitlines())["periods"])
    assert listed == ["2025-H2", "2026-H1"], listed


def _reminder_day(repo, tmp_path, today: str, issues: list[dict], gh_fails: bool = False) -> dict:
    """reminders.yml on `today`, the open reminder issues `issues`: its `when` job's run steps as GitHub runs
    them (bash -e, a stand-in gh that lists `issues`, `make setup` aside, `remind` given --today), then what its
    ledgers job runs for each period of `periods=` (remind --period P --body-file): period → (missing=, body)."""
    import sys

    wf = yaml.safe_load((ROOT / ".github/workflows/reminders.yml").read_text(encoding="utf-8"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text('#!/bin/sh\n[ -n "$FAKE_FAIL" ] && { printf \'[{"bo\'; echo "HTTP 502" >&2; exit 1; }\n'
                                '[ "$1 $2" = "issue list" ] && printf %s "$FAKE_ISSUES"\n', encoding="utf-8")
    (bin_dir / "gh").chmod(0o755)
    out = tmp_path / "output"
    out.write_text("", encoding="utf-8")
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", PYTHONPATH=str(ROOT),
               GITHUB_OUTPUT=str(out), FAKE_ISSUES=json.dumps(issues), FAKE_FAIL="1" if gh_fails else "")
    for step in wf["jobs"]["when"]["steps"]:
        if "run" not in step or step["run"] == "make setup":
            continue
        script = step["run"].replace(".venv/bin/python", sys.executable).replace(
            "-m generator remind ", f"-m generator remind --today {today} ")
        r = subprocess.run(["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, script + r.stdout + r.stderr
    window = dict(line.split("=", 1) for line in out.read_text(encoding="utf-8").splitlines())
    assert window["send"] == "true", window
    got = {}
    for period in json.loads(window["periods"]):
        r = run(repo, "remind", "--period", period, "--today", today, "--body-file", str(tmp_path / "body.md"))
        got[period] = (dict(line.split("=", 1) for line in r.stdout.splitlines())["missing"],
                       (tmp_path / "body.md").read_text(encoding="utf-8"))
    return got


def test_an_old_periods_issue_is_closed_when_an_exemption_leaves_nobody_missing(tmp_path):
    """A year after 2025-H2's due date its issue was open for li-na's missing ledger; an administrator then
    exempted her (no new ledger came in): missing fell to 0, the period left `periods=` at once, and no job
    ran `remind --period` for it again — the issue stayed open, for an administrator to close by hand.
    A period whose reminder issue is open is listed, so that the ledgers job closes it with the body that says
    all are in."""
    repo = make_repo(tmp_path)
    assert run(repo, "remind", "--period", "2025-H2", "--today", "2027-01-04").returncode == 1  # (the issue is open)
    edit(repo, "records/exemptions.yaml", text="exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
         "    start: 2025-07-01\n    end: 2025-12-31\n    reason: 挂职锻炼\n    approved_by: 王管理\n")
    commit(repo, "2027-01-06 10:00", "li-na 免交 2025-H2")
    assert run(repo, "validate").returncode == 0
    issue = [{"body": "<!-- contact-ledger:ledger-reminder:2025-H2 -->\n# 工作台账提醒 2025-H2"}]
    assert "2025-H2" not in _reminder_day(repo, tmp_path, "2027-01-11", [{"body": "something else"}])  # (a Monday)
    missing, body = _reminder_day(repo, tmp_path, "2027-01-11", issue)["2025-H2"]  # (its issue open: listed)
    assert missing == "0" and "已全部提交" in body and "另有 1 位干部经批准免交" in body, body  # (the ledgers job closes it)
    # (GitLab's glab gives each issue's `description`; a file that is not such a list is said, before the records)
    (tmp_path / "glab.json").write_text(json.dumps([{"description": issue[0]["body"]}]), encoding="utf-8")
    window = run(repo, "remind", "--due-window", "--today", "2027-01-11", "--open-issues", str(tmp_path / "glab.json"))
    assert "2025-H2" in json.loads(dict(line.split("=", 1) for line in window.stdout.splitlines())["periods"])
    (tmp_path / "none.json").write_text("", encoding="utf-8")  # (a gh that failed saying nothing: the reminders go on)
    quiet = run(repo, "remind", "--due-window", "--today", "2027-01-11", "--open-issues", str(tmp_path / "none.json"))
    assert quiet.returncode == 0 and quiet.stdout == run(repo, "remind", "--due-window", "--today", "2027-01-11").stdout
    # (gh failing halfway, its JSON cut short: the when job goes on, the day's reminders are sent, the issue listed another day)
    assert "2025-H2" not in _reminder_day(repo, tmp_path, "2027-01-11", issue, gh_fails=True)
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    bad = run(repo, "remind", "--due-window", "--open-issues", str(tmp_path / "bad.json"), "--lang", "en")
    assert bad.returncode == 2 and "cannot read the open reminder issues" in bad.stderr and not bad.stdout, bad


def test_open_issues_without_due_window_is_refused_not_ignored(tmp_path):
    """--open-issues is read by --due-window only: given with --period it was read and then silently ignored,
    the administrator left to think the open issues were taken into account."""
    repo = make_repo(tmp_path)
    (tmp_path / "open.json").write_text("[]", encoding="utf-8")
    r = run(repo, "remind", "--period", "2026-H1", "--open-issues", str(tmp_path / "open.json"), "--lang", "en")
    assert r.returncode == 2 and "--open-issues goes with --due-window" in r.stderr and not r.stdout, r


def _gitlab_window(repo, tmp_path, today: str, token: str, issues: list[dict], api_fails: bool = False) -> list:
    """.gitlab-ci.yml's remind-window job on `today`, its script run as GitLab runs it (`make setup` aside, `remind`
    given --today), GitLab's API stood in for by a curl that answers `issues` (or fails): the periods it lists."""
    import sys

    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["remind-window"]
    bin_dir = tmp_path / "gitlab-bin"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "curl").write_text('#!/bin/sh\n[ -n "$FAKE_FAIL" ] && { echo "curl: (22) 401" >&2; exit 22; }\n'
                                  'case "$*" in *"PRIVATE-TOKEN: $GITLAB_TOKEN"*"labels=台账提醒"*/projects/42/issues*) '
                                  'printf %s "$FAKE_ISSUES";; *) exit 2;; esac\n', encoding="utf-8")
    (bin_dir / "curl").chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", PYTHONPATH=str(ROOT), GITLAB_TOKEN=token,
               CI_API_V4_URL="https://gitlab.example.edu/api/v4", CI_PROJECT_ID="42", FAKE_ISSUES=json.dumps(issues),
               FAKE_FAIL="1" if api_fails else "")
    script = "\n".join(line.replace(".venv/bin/python", sys.executable).replace(
        "-m generator remind ", f"-m generator remind --today {today} ") for line in job["script"] if line != "make setup")
    r = subprocess.run(["sh", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, script + "\n" + r.stdout + r.stderr
    window = dict(line.split("=", 1) for line in (repo / "window.env").read_text(encoding="utf-8").splitlines())
    return json.loads(window["periods"])


def test_gitlabs_window_lists_the_period_of_an_open_issue_so_that_it_is_closed(tmp_path):
    """90c0e7c and 4c92707 drop an old period with nobody missing, and an archived one, from `periods=` at once,
    counting on the open issues to keep them listed until their issue is closed; GitLab's remind-window job gave no
    --open-issues, so there such an issue was never closed.  It now asks GitLab's API for them (with GITLAB_TOKEN);
    without the token, or when the API fails, none are listed and the job goes on."""
    repo = make_repo(tmp_path)
    edit(repo, "records/exemptions.yaml", text="exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
         "    start: 2025-07-01\n    end: 2025-12-31\n    reason: 挂职锻炼\n    approved_by: 王管理\n")
    commit(repo, "2027-01-06 10:00", "li-na 免交 2025-H2")
    issue = [{"iid": 7, "description": "<!-- contact-ledger:ledger-reminder:2025-H2 -->\n# 工作台账提醒 2025-H2"}]
    assert "2025-H2" in _gitlab_window(repo, tmp_path, "2027-01-11", "glpat-x", issue)
    assert "2025-H2" not in _gitlab_window(repo, tmp_path, "2027-01-11", "glpat-x", issue, api_fails=True)
    assert "2025-H2" not in _gitlab_window(repo, tmp_path, "2027-01-11", "", issue)


def test_an_unreadable_open_issues_file_is_told_in_chinese_only(tmp_path):
    """The zh message for a bad --open-issues file ended in Python's English: …：Extra data: line 1 column 3
    (char 2), …：not a list, …：[Errno 2] No such file or directory: '…'.  Why is now said in the language asked,
    where a JSON error is (its line and column); the file's name and gh's command are the only Latin letters."""
    repo = make_repo(tmp_path)
    files = {"cut.json": b'[{"body": "x"}', "extra.json": b"[]x", "object.json": b"{}", "gbk.json": "[]打开".encode("gbk")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    import re

    for name, words in (("cut.json", "第 1 行第 15 列起不是 JSON"), ("extra.json", "第 1 行第 3 列起不是 JSON"),
                        ("object.json", "不是列表"), ("gbk.json", "不是 UTF-8 编码的文本"), ("none.json", "文件不存在"),
                        (".", "这是一个文件夹")):
        path = str(tmp_path / name)
        r = run(repo, "remind", "--due-window", "--open-issues", path)
        assert r.returncode == 2 and not r.stdout and words in r.stderr, r.stderr
        rest = r.stderr.replace(path, "").replace("gh issue list --json body", "").replace("JSON", "").replace("UTF-8", "")
        assert not re.search("[A-Za-z]", rest), r.stderr
        en = run(repo, "remind", "--due-window", "--open-issues", path, "--lang", "en")
        assert en.returncode == 2 and not re.search("[\u4e00-\u9fff]", en.stderr.replace(path, "")), en.stderr


def test_the_open_issue_of_a_period_no_longer_in_the_policy_is_closed(tmp_path):
    """A period renamed or taken out of the policy (ledger.periods) while its reminder issue was open: --due-window
    left it out of `periods=` (not a period), so no ledgers job ran for it and the issue stayed open for ever.  It
    is listed, last, and `remind --period` with --body-file (the workflows' way) writes the body that says the
    period is gone, missing=0, so that the ledgers job closes the issue; by hand, without --body-file, such a
    period is still refused (a typo).  An issue's marker that no period could have (a path) is not listed."""
    repo = make_repo(tmp_path)
    issues = [{"body": "<!-- contact-ledger:ledger-reminder:2024-H3 -->\n# 工作台账提醒 2024-H3"},
              {"body": "<!-- contact-ledger:ledger-reminder:../../x -->\n# 工作台账提醒"}]
    got = _reminder_day(repo, tmp_path, "2027-01-11", issues)  # (a Monday)
    assert list(got)[-1] == "2024-H3" and not any("x" in p for p in got), got
    missing, body = got["2024-H3"]
    assert missing == "0" and "已经没有填报期间 2024-H3" in body and "本提醒可以关闭" in body, body
    assert body.splitlines()[0] == "<!-- contact-ledger:ledger-reminder:2024-H3 -->"  # (the issue it closes)
    assert "2024-H3" in _gitlab_window(repo, tmp_path, "2027-01-11", "glpat-x", [{"description": issues[0]["body"]}])
    r = run(repo, "remind", "--periods", '["2024-H3"]', "--today", "2027-01-11", "--body-file", "r-{period}.md")
    assert r.returncode == 0 and "missing=0\n" in (repo / "r-2024-H3.env").read_text(encoding="utf-8"), r.stderr
    assert "不是政策现在的填报期间" in r.stderr, r.stderr
    by_hand = run(repo, "remind", "--period", "2024-H3", "--today", "2027-01-11")
    assert by_hand.returncode == 2 and "不是政策规定的填报期间" in by_hand.stderr and not by_hand.stdout, by_hand


def test_a_university_new_to_the_ledgers_is_not_reminded_of_the_half_years_before_its_first_cycle(tmp_path):
    """A university that has just put its own records in (its first assignment cycle from 2025-09-01) had every
    half-year due within the past year listed in `periods=` — 2024-H2 and 2025-H1, when none of its cadres held a
    contact point — so each reminder day ran a ledger reminder job for each of them for a year (nobody owes them).
    Only the periods that end on or after the first cycle's start are listed."""
    from gitrepo import base, commit as commit_at, init_repo, write

    repo = init_repo(tmp_path / "own")
    write(repo, base())
    commit_at(repo, "2025-08-20 10:00", "本校的记录")
    window = run(repo, "remind", "--due-window", "--today", "2025-12-20")
    assert "send=true\n" in window.stdout and 'periods=["2025-H2"]\n' in window.stdout, window.stdout + window.stderr
