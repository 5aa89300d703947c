"""R6: ledger deadlines judged from real Git histories with controlled dates."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil

from generator.check import run_checks
from generator.pipeline import validate_records
from tests.gitrepo import base, check_cli, commit, generator_cli, git, handovers, init_repo, ledger, merge, write

H2 = "records/ledgers/2025-H2/zhang-wei.yaml"
H2_LI = "records/ledgers/2025-H2/li-na.yaml"


def check(repo, today, **kw):
    rs, errors = validate_records(repo / "records")
    assert [f for f in errors if f.severity == "error"] == []
    return run_checks(rs, dt.date.fromisoformat(today), **kw)


def row(result, period, cadre):
    return next(r for r in result.data["ledgers"] if r["period"] == period and r["cadre"] == cadre)


def codes(result, code):
    return [f for f in result.findings if f.code == code]


def start(tmp_path, grace=0):
    repo = init_repo(tmp_path / "repo")
    write(repo, base(grace))
    commit(repo, "2025-08-20 10:00", "初始化记录")
    return repo


def test_on_time_late_missing_and_not_yet_due(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-31 23:59", "张伟 2025-H2")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2026-01-01 00:01", "李娜 2025-H2")

    result = check(repo, "2026-06-15")
    assert row(result, "2025-H2", "zhang-wei")["status"] == "on_time"
    assert row(result, "2025-H2", "zhang-wei")["submitted"] == "2025-12-31 23:59"
    assert row(result, "2025-H2", "zhang-wei")["source"] == "git"
    li = row(result, "2025-H2", "li-na")
    assert (li["status"], li["days_late"], li["submitted"]) == ("late", 1, "2026-01-01 00:01")
    assert li["commit"] == git(repo, "rev-parse", "HEAD").strip()
    assert row(result, "2026-H1", "zhang-wei")["status"] == "not_yet_due"
    late = codes(result, "W-CHK-005")
    assert len(late) == 1 and late[0].file.endswith("ledgers/2025-H2/li-na.yaml") and late[0].severity == "warning"
    assert "逾期 1 天" in late[0].message_zh
    assert codes(result, "W-CHK-006") == []

    result = check(repo, "2026-07-01")  # the day after the H1 deadline
    missing = codes(result, "W-CHK-006")
    assert {f.file.rsplit("/", 2)[-2] + "/" + f.file.rsplit("/", 1)[-1] for f in missing} == {
        "2026-H1/zhang-wei.yaml", "2026-H1/li-na.yaml"}
    assert row(result, "2026-H1", "li-na")["status"] == "missing"
    assert check(repo, "2026-07-01", strict=True).data["summary"]["errors"] == 3  # 1 late + 2 missing


def test_a_commit_in_utc_is_judged_in_shanghai_time(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-31T16:30:00Z", "16:30 UTC is 00:30 in Shanghai")
    r = row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")
    assert (r["status"], r["days_late"], r["submitted"]) == ("late", 1, "2026-01-01 00:30")


def test_grace_days_come_from_policy(tmp_path):
    repo = start(tmp_path, grace=3)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-03 23:59")
    assert row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")["status"] == "on_time"


def test_forged_author_date_does_not_help(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-05 09:00", author="2025-12-01 09:00")
    r = row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")
    assert (r["status"], r["days_late"]) == ("late", 5)


def test_merge_counts_when_the_pull_request_was_merged(tmp_path):
    repo = start(tmp_path)
    git(repo, "checkout", "-q", "-b", "zhang-wei/2025-H2")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    # the cadre's own commit claims (author and committer) to be early: it is not trusted
    commit(repo, "2025-12-20 10:00", "台账")
    git(repo, "checkout", "-q", "main")
    write(repo, {"records/cadres/li-na.yaml": (repo / "records/cadres/li-na.yaml").read_text() + "# 更新\n"})
    commit(repo, "2025-12-28 10:00", "main moves on")
    merge(repo, "zhang-wei/2025-H2", "2026-01-03 15:00")
    r = row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")
    assert (r["status"], r["days_late"], r["submitted"]) == ("late", 3, "2026-01-03 15:00")

    # merged before the deadline: on time, whatever the branch commits say
    repo2 = start(tmp_path / "two")
    git(repo2, "checkout", "-q", "-b", "pr")
    write(repo2, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo2, "2026-03-01 10:00", "branch commit dated later")
    git(repo2, "checkout", "-q", "main")
    merge(repo2, "pr", "2025-12-30 11:00")
    assert row(check(repo2, "2026-04-01"), "2025-H2", "zhang-wei")["status"] == "on_time"


def test_a_ledger_whose_pull_request_was_opened_in_time_and_merged_late_tells_why_it_is_late(tmp_path):
    """A cadre opened her pull request on 2025-12-20, the unit's reviewer merged it on 2026-01-03: 3 days late, and the
    hint told her “今后请在截止日前提交” — she had.  It now says that the merge counts, not the pull request, and to
    leave the reviewer the time to approve and merge it before the due day; in both languages."""
    repo = start(tmp_path)
    git(repo, "checkout", "-q", "-b", "zhang-wei/2025-H2")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00", "台账")
    git(repo, "checkout", "-q", "main")
    merge(repo, "zhang-wei/2025-H2", "2026-01-03 15:00")
    [late] = [f for f in codes(check(repo, "2026-02-01"), "W-CHK-005") if f.file.endswith(H2)]
    assert "不是开拉取请求" in late.hint("zh") and "审核人批准、合并" in late.hint("zh"), late.hint("zh")
    assert "请在截止日前提交" not in late.hint("zh"), late.hint("zh")
    assert "not when its pull request was opened" in late.hint("en"), late.hint("en")


def test_squash_merge(tmp_path):
    repo = start(tmp_path)
    git(repo, "checkout", "-q", "-b", "pr")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-10 10:00", "early draft")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--squash", "pr")
    commit(repo, "2026-01-02 08:00", "Squashed pull request")
    r = row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")
    assert (r["status"], r["days_late"]) == ("late", 2)


def test_a_ledger_moved_between_period_folders_counts_from_the_move(tmp_path):
    repo = start(tmp_path)
    wrong = "records/ledgers/2026-H1/zhang-wei.yaml"
    write(repo, {wrong: ledger("zhang-wei", "2025-H2", ["2025-10-10"]).replace("period: 2025-H2", "period: 2026-H1")})
    commit(repo, "2025-12-15 10:00", "filed in the wrong folder")
    (repo / "records/ledgers/2025-H2").mkdir(parents=True)
    git(repo, "mv", wrong, H2)
    text = (repo / H2).read_text().replace("period: 2026-H1", "period: 2025-H2")
    (repo / H2).write_text(text)
    commit(repo, "2026-01-20 10:00", "moved to 2025-H2")
    r = row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")
    assert (r["status"], r["days_late"]) == ("late", 20)

    # a copy of an old, on-time ledger into the next period's folder counts from the copy
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2025-12-20 10:00", "李娜 on time")
    copy = "records/ledgers/2026-H1/li-na.yaml"
    write(repo, {copy: (repo / H2_LI).read_text().replace("2025-H2", "2026-H1").replace("2025-10-11", "2026-03-11")})
    commit(repo, "2026-07-04 09:00", "copied from 2025-H2")
    result = check(repo, "2026-08-01")
    assert row(result, "2025-H2", "li-na")["status"] == "on_time"
    r = row(result, "2026-H1", "li-na")
    assert (r["status"], r["days_late"]) == ("late", 4)


def test_deleting_and_adding_again_keeps_the_first_submission(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-30 10:00")
    git(repo, "rm", "-q", H2)
    commit(repo, "2026-01-02 10:00", "removed by mistake")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-03 10:00", "restored")
    assert row(check(repo, "2026-02-01"), "2025-H2", "zhang-wei")["status"] == "on_time"


def test_not_committed_is_not_submitted_and_today_replays_history(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    result = check(repo, "2026-01-05")
    assert row(result, "2025-H2", "zhang-wei")["status"] == "missing"
    (msg,) = [f for f in codes(result, "W-CHK-006") if "zhang-wei" in f.file]
    assert "还没有合并进主分支" in msg.message_zh
    commit(repo, "2026-01-10 10:00")
    assert row(check(repo, "2026-01-05"), "2025-H2", "zhang-wei")["status"] == "missing"  # as it was then
    assert row(check(repo, "2026-01-10"), "2025-H2", "zhang-wei")["days_late"] == 10


def test_a_ledger_that_cannot_be_read_is_said_to_be_there_and_broken_not_just_missing(tmp_path):
    # (a cadre whose filed ledger had a full-width colon was told only "未提交 … 请尽快提交"; then W-CHK-006 未提交 …
    # ：文件已存在，但有错误、无法读取 — still that she had not submitted it, and the tables counted it missing)
    repo = start(tmp_path)
    text = ledger("zhang-wei", "2025-H2", ["2025-10-10"])
    write(repo, {H2: text.replace("form: 主题班会", "form：主题班会")})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    for _ in range(2):  # the second run reads the cadre's results back from the cache
        run = check_cli(repo / "records", "--today", "2026-01-05", "--format", "json")
        out = json.loads(run.stdout)
        found = out["findings"]
        assert sorted(f["code"] for f in found if f["file"].endswith("ledgers/2025-H2/zhang-wei.yaml")) == [
            "E-YAML-010"], found
        (msg,) = [f for f in found if f["code"] == "E-YAML-010"]
        assert msg["hint"].endswith("这一行写成：    form: 主题班会；这份台账已于 2025-12-20 10:00 提交（据 Git 记录），只是有错误、读不了："
                                    "改正这里的错误即可，提交时间仍按 2025-12-20 10:00 算。"), msg
        r = next(r for r in out["ledgers"] if r["cadre"] == "zhang-wei" and r["period"] == "2025-H2")
        assert (r["status"], r["exists"], r["errors"], r["submitted"]) == ("on_time", True, True, "2025-12-20 10:00"), r
        assert (out["summary"]["ledgers"]["on_time"], out["summary"]["ledgers"]["missing"]) == (1, 1), out  # (李娜's)
        assert out["summary"]["ledgers_with_errors"] == 1, out
    text = check_cli(repo / "records", "--today", "2026-01-05", "--lang", "en").stdout
    assert "The line:     form: 主题班会; This ledger was submitted on 2025-12-20 10:00 (by Git) but cannot be read: fix " \
           "the error here; it still counts as submitted on 2025-12-20 10:00." in text, text
    assert text.count("has not submitted the ledger for 2025-H2") == 1 and "李娜 (" in text, text  # (李娜's alone)
    (repo / H2).unlink()  # gone: the kept results must not say it is there
    found = json.loads(check_cli(repo / "records", "--today", "2026-01-05", "--format", "json").stdout)["findings"]
    (msg,) = [f for f in found if f["code"] == "W-CHK-006" and "zhang-wei" in f["file"]]
    assert msg["message"].endswith("（截止日期 2025-12-31）"), msg


def test_a_ledger_that_cannot_be_read_handed_in_late_is_late_not_missing(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2_LI: "cadre: li-na\nperiod: 2025-H2\nactivities: [\n"})
    commit(repo, "2026-01-06 09:00", "李娜 2025-H2")
    out = json.loads(check_cli(repo / "records", "--today", "2026-01-07", "--format", "json").stdout)
    r = next(r for r in out["ledgers"] if r["cadre"] == "li-na" and r["period"] == "2025-H2")
    assert (r["status"], r["days_late"], r["errors"]) == ("late", 6, True), r
    mine = [f for f in out["findings"] if f["file"] == H2_LI]
    assert "W-CHK-006" not in [f["code"] for f in mine] and "W-CHK-005" in [f["code"] for f in mine], mine
    assert sum("这份台账已于 2026-01-06 09:00 提交（据 Git 记录）" in f["hint"] for f in mine) == 1, mine
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-10"], points=["me-2025-01"])})  # (fixed: late as it came)
    r = next(r for r in json.loads(check_cli(repo / "records", "--today", "2026-01-07", "--format", "json").stdout)[
        "ledgers"] if r["cadre"] == "li-na" and r["period"] == "2025-H2")
    assert (r["status"], r["days_late"]) == ("late", 6), r


def test_shallow_clone_refuses_to_judge(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00")
    commit(repo, "2026-01-20 10:00", "another")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    result = check(clone, "2026-02-01")
    (refusal,) = codes(result, "E-CHK-022")
    assert refusal.severity == "error" and "fetch-depth: 0" in refusal.hint_zh and "fetch-depth: 0" in refusal.hint_en
    assert row(result, "2025-H2", "zhang-wei")["status"] == "unknown"
    assert row(result, "2025-H2", "li-na")["status"] == "missing"  # no file: missing whatever the history
    assert result.data["ledger_sources"]["history"] == "shallow"
    cli = check_cli(clone / "records", "--today", "2026-02-01", cwd=clone)
    assert cli.returncode == 1 and "fetch-depth: 0" in cli.stdout


def test_imports_override_git_only_for_listed_paths(tmp_path):
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    digest = hashlib.sha256((repo / H2).read_bytes()).hexdigest()
    write(repo, {"records/imports/legacy.yaml":
                 f"source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
                 f"  - path: ledgers/2025-H2/zhang-wei.yaml\n    submitted: \"2025-12-28\"\n    sha256: {digest}\n"})
    commit(repo, "2026-03-01 10:00", "导入旧平台台账")
    result = check(repo, "2026-04-01")
    z, li = row(result, "2025-H2", "zhang-wei"), row(result, "2025-H2", "li-na")
    assert (z["status"], z["source"], z["submitted"], z["commit"]) == ("on_time", "import", "2025-12-28", None)
    assert (li["status"], li["source"], li["days_late"]) == ("late", "git", 60)
    assert result.data["ledger_sources"] == {"git": 1, "import": 1, "archive": 0, "none": 2, "history": "ok"}
    assert codes(result, "E-CHK-020") == []

    (repo / H2).write_text((repo / H2).read_text() + "reflections: 导入之后又改了。\n")
    (changed,) = codes(check(repo, "2026-04-01"), "E-CHK-020")
    assert changed.file.endswith("imports/legacy.yaml") and changed.line == 6


def test_the_import_manifest_is_judged_alike_with_and_without_the_cache(tmp_path, monkeypatch):
    """What is said of the import manifest — an import dated after --today (E-CHK-021), a ledger
    whose bytes are no longer those imported (E-CHK-020) — is kept between runs with what it
    depends on: each warm run says what a run without any cache says, after each change to the
    manifest, to the ledger, and to --today."""
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    digest = hashlib.sha256((repo / H2).read_bytes()).hexdigest()

    def imports(submitted: str) -> None:
        write(repo, {"records/imports/legacy.yaml":
                     f"source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
                     f"  - path: ledgers/2025-H2/zhang-wei.yaml\n    submitted: \"{submitted}\"\n    sha256: {digest}\n"})

    def said(today: str) -> list:
        monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
        cold = check(repo, today)
        monkeypatch.delenv("CONTACT_LEDGER_CACHE")
        warm = [check(repo, today) for _ in range(2)]  # (the first may fill the cache, the second reads it)
        found = [[(f.code, f.file, f.line, f.message_en) for f in r.findings if f.code in ("E-CHK-020", "E-CHK-021")]
                 for r in (cold, *warm)]
        assert found[1] == found[0] and found[2] == found[0]
        assert [r.data["ledgers"] for r in warm] == [cold.data["ledgers"]] * 2
        return [code for code, *_ in found[0]]

    imports("2026-05-01")
    commit(repo, "2026-03-01 10:00", "导入旧平台台账")
    assert said("2026-04-01") == ["E-CHK-021"]
    assert said("2026-06-01") == []
    imports("2026-07-01")
    assert said("2026-06-01") == ["E-CHK-021"]
    ledger_text = (repo / H2).read_text()
    (repo / H2).write_text(ledger_text + "reflections: 导入之后又改了。\n")
    assert said("2026-06-01") == ["E-CHK-021", "E-CHK-020"]  # (in the manifest's line order)
    (repo / H2).write_text(ledger_text)
    assert said("2026-06-01") == ["E-CHK-021"]
    imports("2026-05-01")
    assert said("2026-06-01") == []


def test_exempt_from_ledger(tmp_path):
    repo = start(tmp_path)
    write(repo, {"records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
                 "    start: \"2025-11-01\"\n    end: \"2026-01-31\"\n    reason: 挂职锻炼\n"})
    commit(repo, "2025-10-01 10:00")
    result = check(repo, "2026-02-15")
    assert row(result, "2025-H2", "li-na")["status"] == "exempt"
    assert row(result, "2025-H2", "zhang-wei")["status"] == "missing"
    assert [e["state"] for e in result.data["exemptions"]] == ["expired"]


def test_a_secondment_ending_in_january_leaves_the_first_half_years_ledger_owed(tmp_path):
    # once any overlap excused the 2026-H1 ledger, though li-na held her point from February to June
    repo = start(tmp_path)
    write(repo, {"records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
                 "    start: \"2025-07-01\"\n    end: \"2026-01-31\"\n    reason: 挂职锻炼\n"})
    commit(repo, "2025-10-01 10:00")
    result = check(repo, "2026-07-15")
    assert row(result, "2025-H2", "li-na")["status"] == "exempt"
    assert row(result, "2026-H1", "li-na")["status"] == "missing"
    assert "li-na" in {f.data["cadre"] for f in codes(result, "W-CHK-006")}


def test_not_a_repository(tmp_path):
    records = tmp_path / "plain"
    write(records, base())
    write(records, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    rs, _ = validate_records(records / "records")
    result = run_checks(rs, dt.date(2026, 2, 1))
    [finding] = [f for f in result.findings if f.code.startswith("E-CHK-02")]
    assert finding.code == "E-CHK-023"
    assert row(result, "2025-H2", "zhang-wei")["status"] == "unknown"
    # the reason in the reader's language, not both in each
    assert "不是 Git 仓库" in finding.message_zh and "not a Git" not in finding.message_zh
    assert "not a Git repository" in finding.message_en and "仓库" not in finding.message_en


def test_the_history_begun_while_the_records_load_is_the_one_judged(tmp_path):
    """`check` and the site start `git log` before they load the records (git_history.begin): what
    they judge is what reading the history afterwards gives; a history not needed is stopped."""
    import json
    from zoneinfo import ZoneInfo

    from generator.check import git_history

    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-31 23:59", "张伟 2025-H2")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2026-01-01 00:01", "李娜 2025-H2")
    records, tz = repo / "records", ZoneInfo("Asia/Shanghai")

    git_history.begin(records)
    early = git_history.read_history(records, None, tz)
    assert early == git_history.read_history(records, None, tz) and early.state == "ok"
    assert {p: a.time.strftime("%Y-%m-%d %H:%M") for p, a in early.added.items()} == {
        "ledgers/2025-H2/zhang-wei.yaml": "2025-12-31 23:59", "ledgers/2025-H2/li-na.yaml": "2026-01-01 00:01"}

    run = check_cli(records, "--today", "2026-06-15", "--format", "json", cwd=repo)
    rows = {(r["period"], r["cadre"]): r for r in json.loads(run.stdout)["ledgers"]}
    assert (rows[("2025-H2", "li-na")]["status"], rows[("2025-H2", "li-na")]["days_late"]) == ("late", 1)
    assert (rows[("2025-H2", "zhang-wei")]["status"], rows[("2025-H2", "zhang-wei")]["source"]) == ("on_time", "git")

    git_history.begin(records)
    (reading,) = git_history._begun.values()
    write(repo, {"records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-11"], points=["me-2025-01"])})
    commit(repo, "2026-06-20 09:00", "李娜 2026-H1")
    git_history.begin(records)  # again (as `mkdocs serve` does for each rebuild): read afresh
    assert reading.log.poll() is not None  # the first reading stopped, not left running
    assert "ledgers/2026-H1/li-na.yaml" in git_history.read_history(records, None, tz).added

    git_history.begin(records)
    (reading,) = git_history._begun.values()
    git_history.forget(records)
    assert not git_history._begun and reading.log.poll() is not None


def test_the_history_kept_for_a_commit_serves_the_commits_after_it_and_never_another_chain(tmp_path, monkeypatch):
    """The landings worked out for HEAD are kept (git_history: `.history` in the cache folder); the
    next run reads only the commits after that one when it is on HEAD's first-parent chain. After
    every way HEAD moves — a new commit, a pull request merged, a ledger deleted and added again,
    history rewritten, an older commit checked out — the report with the kept history is the one
    without any cache, byte for byte."""
    repo = start(tmp_path)
    cache = tmp_path / "cache"

    def same(today="2026-07-15"):
        monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(cache))
        kept = check_cli(repo / "records", "--today", today, "--format", "json", cwd=repo)
        monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
        fresh = check_cli(repo / "records", "--today", today, "--format", "json", cwd=repo)
        assert kept.stdout == fresh.stdout and kept.returncode == fresh.returncode, kept.stderr
        [history] = cache.glob("*.history")
        assert git(repo, "rev-parse", "HEAD").strip() in history.read_bytes().decode("latin-1")  # kept for HEAD
        return json.loads(kept.stdout)

    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-30 10:00", "张伟 2025-H2")
    same()
    git(repo, "checkout", "-q", "-b", "pr")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2025-12-31 09:00", "李娜 2025-H2")
    git(repo, "checkout", "-q", "main")
    merge(repo, "pr", "2026-01-03 10:00")  # landed when merged: late
    report = same()
    assert {(r["cadre"], r["status"]) for r in report["ledgers"] if r["period"] == "2025-H2"} == \
        {("zhang-wei", "on_time"), ("li-na", "late")}
    git(repo, "rm", "-q", H2)
    commit(repo, "2026-01-04 10:00", "removed by mistake")
    same()
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-05 10:00", "restored")
    row = next(r for r in same()["ledgers"] if r["cadre"] == "zhang-wei" and r["period"] == "2025-H2")
    assert row["status"] == "on_time"  # the first landing, kept
    assert (row["changes"], row["changed"]) == (2, "2026-01-05")  # (deleted, added again: after it landed, kept too)
    git(repo, "reset", "-q", "--hard", "HEAD~3")  # history rewritten: the kept commit is on no chain
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2025-12-29 10:00", "李娜 2025-H2, again")
    assert next(r for r in same()["ledgers"] if r["cadre"] == "li-na" and r["period"] == "2025-H2")[
        "status"] == "on_time"
    git(repo, "checkout", "-q", "HEAD~1")  # an older commit: what landed after it has not landed
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})  # (not committed)
    assert next(r for r in same()["ledgers"] if r["cadre"] == "li-na" and r["period"] == "2025-H2")[
        "status"] == "missing"


def test_a_due_day_of_02_29_is_the_end_of_february_in_every_year(tmp_path):
    # `due: "02-29"` passes the schema; the years without a 29th once lost the period itself,
    # and each of its ledgers was reported as not a period (E-REF-007)
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        'start: "07-01", end: "12-31", due: "12-31"', 'start: "07-01", end: "12-31", due: "02-29"')
    assert files["records/policy.yaml"] != base()["records/policy.yaml"]
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-02-28 23:00", "张伟 2025-H2")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2026-03-01 09:00", "李娜 2025-H2")
    result = check(repo, "2026-06-15")  # (no error: the 2025-H2 ledgers are a period's)
    rs, _ = validate_records(repo / "records")
    assert [rs.period(f"{y}-H2").due for y in (2023, 2025)] == [dt.date(2024, 2, 29), dt.date(2026, 2, 28)]
    assert row(result, "2025-H2", "zhang-wei")["status"] == "on_time"
    assert (row(result, "2025-H2", "li-na")["status"], row(result, "2025-H2", "li-na")["days_late"]) == ("late", 1)


def test_a_changed_grace_leaves_the_earlier_periods_as_they_were_judged(tmp_path):
    # zhang-wei's 2025-H2 ledger landed 5 days late under a policy of no grace days. The policy
    # later allows 7 days: changing grace_days alone judged 2025-H2 again (on time, in the archive's
    # period too); ledger.earlier keeps the old number for the periods due before the change
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-05 10:00", "台账")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", ["2025-10-10"], points=["me-2025-01"])})
    commit(repo, "2026-01-06 10:00", "台账")
    assert row(check(repo, "2026-07-20"), "2025-H2", "zhang-wei")["days_late"] == 5
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    seven = policy.replace("grace_days: 0\n", "grace_days: 7\n", 1)
    assert seven != policy
    write(repo, {"records/policy.yaml": seven})
    commit(repo, "2026-07-01 10:00", "宽限改为7天")
    assert row(check(repo, "2026-07-20"), "2025-H2", "zhang-wei")["status"] == "on_time"  # (judged again)
    write(repo, {"records/policy.yaml": seven.replace("grace_days: 7\n", "grace_days: 7\n  earlier:\n"
                                                      "    - {until: \"2026-06-29\", grace_days: 0, reason: 修订前}\n")})
    commit(repo, "2026-07-01 11:00", "以往的宽限")
    result = check(repo, "2026-07-20")
    assert (row(result, "2025-H2", "zhang-wei")["status"], row(result, "2025-H2", "zhang-wei")["days_late"]) == ("late", 5)
    assert row(result, "2025-H2", "zhang-wei")["deadline"] == "2025-12-31"
    assert row(result, "2026-H1", "zhang-wei")["deadline"] == "2026-07-07"  # (due after the change: 7 days)
    assert {f.data.get("cadre") for f in codes(result, "W-CHK-005")} == {"zhang-wei", "li-na"}


def test_a_changed_due_date_leaves_the_earlier_periods_as_they_were_judged(tmp_path):
    # zhang-wei's 2026-H1 ledger landed on 2026-07-05, 5 days after the due date 06-30. From 2027 the
    # first half-year is due on 07-10: changing `due` in ledger.periods alone judged 2026-H1 (and
    # every earlier first half-year) again, on time; ledger.earlier's `due` keeps the old due date
    # for the periods that began on or before its `until`
    repo = start(tmp_path)
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-07-05 10:00", "台账")
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    later = policy.replace('end: "06-30", due: "06-30"', 'end: "06-30", due: "07-10"')
    assert later != policy
    for text, status in ((later, "on_time"),
                         (later.replace("grace_days: 0\n", "grace_days: 0\n  earlier:\n"
                                        "    - {until: \"2026-12-31\", due: {H1: \"06-30\"}, reason: 2027年起改为7月10日}\n"),
                          "late")):
        write(repo, {"records/policy.yaml": text})
        commit(repo, "2026-12-01 10:00", "截止日改为7月10日")
        result = check(repo, "2027-07-20")
        mine = row(result, "2026-H1", "zhang-wei")
        assert (mine["status"], mine["due"]) == (status, "2026-07-10" if status == "on_time" else "2026-06-30")
        assert row(result, "2027-H1", "zhang-wei")["due"] == "2027-07-10"
    assert mine["days_late"] == 5 and codes(result, "W-CHK-005")[0].data["period"] == "2026-H1"
    rs, _ = validate_records(repo / "records")
    assert [rs.period(p).due for p in ("2026-H1", "2026-H2", "2027-H1")] == [
        dt.date(2026, 6, 30), dt.date(2026, 12, 31), dt.date(2027, 7, 10)]


def test_an_earlier_due_date_that_is_no_day_is_named(tmp_path):
    repo = start(tmp_path)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    write(repo, {"records/policy.yaml": policy.replace("grace_days: 0\n", "grace_days: 0\n  earlier:\n"
                                                       "    - {until: \"2026-12-31\", due: {H1: \"06-31\"}}\n")})
    _, found = validate_records(repo / "records")
    (bad,) = [f for f in found if f.severity == "error"]
    assert (bad.code, bad.line) == ("E-REF-012", 12) and "06-31" in bad.message_zh


def test_changed_half_year_boundaries_leave_the_earlier_periods_as_they_were(tmp_path):
    # From 2027 the first half-year runs to 15 July (due then) and the second starts on 16 July.
    # Changing ledger.periods alone re-drew every past half-year: 张伟's 2026-H2 activity of
    # 5 July fell outside its period (E-REF-004), 李娜's 2026-H1 ledger landed 10 days late became
    # on time. ledger.earlier's start/end (as its due) keep the boundaries of the periods that
    # began on or before its `until`: `check --today` says what it said before the change
    repo = start(tmp_path)
    write(repo, {"records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-06-20"], points=["me-2025-01"])})
    commit(repo, "2026-07-10 10:00", "李娜 2026-H1")
    write(repo, {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-07-05"])})
    commit(repo, "2026-12-20 10:00", "张伟 2026-H2")
    before = check_cli(repo / "records", "--today", "2027-03-01")
    assert "李娜 的 2026-H1 台账逾期 10 天" in before.stdout and "E-REF-004" not in before.stdout
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    moved = policy.replace('end: "06-30", due: "06-30"', 'end: "07-15", due: "07-15"').replace(
        'start: "07-01", end: "12-31"', 'start: "07-16", end: "12-31"')
    assert moved.count("07-15") == 2 and "07-16" in moved
    write(repo, {"records/policy.yaml": moved})
    commit(repo, "2026-12-25 10:00", "2027年起上半年到7月15日")
    rejudged = check_cli(repo / "records", "--today", "2027-03-01")
    assert "E-REF-004" in rejudged.stdout and "逾期 10 天" not in rejudged.stdout  # (the past re-drawn)
    dated = moved.replace("grace_days: 0\n", "grace_days: 0\n  earlier:\n    - until: \"2026-12-31\"\n"
                          "      start: {H2: \"07-01\"}\n      end: {H1: \"06-30\"}\n      due: {H1: \"06-30\"}\n"
                          "      reason: 2027年起上半年到7月15日\n")
    write(repo, {"records/policy.yaml": dated})
    commit(repo, "2026-12-25 11:00", "以往的期间")
    after = check_cli(repo / "records", "--today", "2027-03-01")
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)
    rs, _ = validate_records(repo / "records")
    assert [(str(p.start), str(p.end), str(p.due)) for p in rs.periods_between(dt.date(2026, 1, 1), dt.date(2027, 12, 31))] == [
        ("2026-01-01", "2026-06-30", "2026-06-30"), ("2026-07-01", "2026-12-31", "2026-12-31"),
        ("2027-01-01", "2027-07-15", "2027-07-15"), ("2027-07-16", "2027-12-31", "2027-12-31")]
    write(repo, {"records/policy.yaml": dated.replace('end: {H1: "06-30"}', 'end: {H1: "06-31"}')})
    _, found = validate_records(repo / "records")
    assert [(f.line, "06-31" in f.message_zh) for f in found if f.code == "E-REF-012"] == [(14, True)]


def test_a_half_year_is_owed_by_who_held_a_point_long_enough_and_never_by_nobody(tmp_path):
    # contacts.min_days_held: 14, as for a semester. 王芳 took me-2025-01 over five days before
    # 2026-H1 ended, 张伟 left five days into 2026-H2: each was told their ledger was missing
    # (W-CHK-006) for a half-year the predecessor (李娜) or the successor (陈刚) filed for. club-a was
    # held nine days of 2026-H2 by 孙立, then ten by 周敏, then by nobody: neither held it 14 days,
    # together they did, so 周敏, who held it longest, owes that ledger (孙立 does not: the one he
    # handed in all the same is listed and judged)
    repo = init_repo(tmp_path / "repo")
    files = handovers("2026-07-05", "2026-06-25", ("2026-07-01", "2026-07-09"), ("2026-07-10", "2026-07-19"))
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {
        "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
        "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"]),
        "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
        "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], points=["me-2025-01"]),
        "records/ledgers/2026-H2/chen-gang.yaml": ledger("chen-gang", "2026-H2", ["2026-07-08", "2026-10-10"]),
        "records/ledgers/2026-H2/wang-fang.yaml": ledger("wang-fang", "2026-H2", ["2026-07-08", "2026-10-10"],
                                                         points=["me-2025-01"]),
        "records/ledgers/2026-H2/sun-li.yaml": ledger("sun-li", "2026-H2", ["2026-07-05"], points=["club-a"])})
    commit(repo, "2026-12-20 10:00", "台账")

    def missing(policy_text):
        write(repo, {"records/policy.yaml": policy_text})
        out = check_cli(repo / "records", "--today", "2027-01-15", "--format", "json")
        data = json.loads(out.stdout)
        assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == []
        return sorted((r["cadre"], r["period"]) for r in data["ledgers"] if r["status"] == "missing"), out

    policy = files["records/policy.yaml"]
    assert missing(policy)[0] == [("wang-fang", "2026-H1"), ("zhang-wei", "2026-H2"),
                                  ("zhou-min", "2026-H2")]  # (a policy that does not say: held on any day)
    fourteen = policy.replace("  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    assert fourteen != policy
    owed, out = missing(fourteen)
    assert owed == [("zhou-min", "2026-H2")]
    rows = {(r["cadre"], r["period"]): r["status"] for r in json.loads(out.stdout)["ledgers"]}
    assert [rows.get(k) for k in (("li-na", "2026-H1"), ("chen-gang", "2026-H2"), ("wang-fang", "2026-H2"),
                                  ("sun-li", "2026-H2"), ("wang-fang", "2026-H1"))] == ["late"] + ["on_time"] * 3 + [None]
    text = check_cli(repo / "records", "--today", "2027-01-15").stdout
    assert "周敏（计算机学院）未提交 2026-H2 台账" in text and "王芳（机械学院）未提交" not in text


def test_a_period_whose_own_days_are_no_days_says_so_once_not_wrong_folder_on_each_ledger(tmp_path):
    # H1's end written 06-31 (ledger.periods), or its earlier due 06-31 (ledger.earlier): E-REF-012
    # at that day, and E-REF-007 ("no such period: wrong folder") on every ledger of that half-year,
    # though each is in its right folder — fixing the policy's day is all there is to do
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
                 "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], points=["me-2025-01"]),
                 "records/ledgers/2026-H3/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], points=["me-2025-01"])})
    commit(repo, "2026-07-10 10:00", "台账")
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")

    def codes(policy_text):
        write(repo, {"records/policy.yaml": policy_text})
        out = generator_cli(repo, "validate", "--records", "records", "--format", "json")
        return sorted((f["code"], f["file"].split("records/")[-1]) for f in json.loads(out.stdout)
                      if f["severity"] == "error")

    wrong_folder = ("E-REF-007", "ledgers/2026-H3/li-na.yaml")  # (a folder that is no period: still said)
    assert codes(policy) == [wrong_folder]
    assert codes(policy.replace('end: "06-30"', 'end: "06-31"')) == [wrong_folder, ("E-REF-012", "policy.yaml")]
    earlier = policy.replace("grace_days: 0\n", "grace_days: 0\n  earlier:\n    - {until: \"2026-12-31\", due: {H1: \"06-31\"}}\n")
    assert codes(earlier) == [wrong_folder, ("E-REF-012", "policy.yaml")]


def test_a_ledger_handed_in_after_today_counts_no_contact_yet(tmp_path):
    # 张伟's 2025-H2 ledger (one activity, 2025-10-10) landed on 2026-01-06.  check --today
    # 2026-01-02 called it 未提交 yet counted its activity toward his autumn semester, where the
    # site built as of that day (which leaves the ledger out) counted none
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-06 09:00", "张伟 2025-H2")

    def autumn(today):
        result = check(repo, today)
        cells = next(r for r in result.data["semester_matrix"]["rows"] if r["cadre"] == "zhang-wei")["cells"]
        (semester,) = [s["id"] for s in result.data["semester_matrix"]["semesters"] if s["start"] <= "2025-10-10" <= s["end"]]
        return row(result, "2025-H2", "zhang-wei")["submitted"], cells[semester]["count"]

    assert autumn("2026-01-02") == (None, 0)
    assert autumn("2026-01-07") == ("2026-01-06 09:00", 1)  # (there by then)


def test_changed_half_year_boundaries_that_leave_days_in_no_period_or_two_are_said_once_at_the_policy(tmp_path):
    # From 2027 the first half-year runs to 15 July. The administrator wrote H1's old end into
    # ledger.earlier but not H2's old start: 2026-H1 ended on 30 June, 2026-H2 began on 16 July, and
    # 1–15 July 2026 fell in no period. Nothing said so: 张伟's activity of 5 July was E-REF-004 in
    # his ledger ("outside 2026-H2"), one per activity, each asking a cadre to fix a date that is
    # right. The policy is told once, at its ledger.earlier entry, which days fall in no period (or
    # in two) and how to write it; the activities in those days are not blamed on the cadres
    repo = start(tmp_path)
    write(repo, {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-07-05", "2026-07-10"])})
    commit(repo, "2026-12-20 10:00", "张伟 2026-H2")
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    moved = policy.replace('end: "06-30", due: "06-30"', 'end: "07-15", due: "07-15"').replace(
        'start: "07-01", end: "12-31"', 'start: "07-16", end: "12-31"')

    def errors(policy_text):
        write(repo, {"records/policy.yaml": policy_text})
        out = generator_cli(repo, "validate", "--records", "records", "--format", "json")
        return [f for f in json.loads(out.stdout) if f["severity"] == "error"]

    earlier = "  earlier:\n    - until: \"2026-12-31\"\n      end: {H1: \"06-30\"}\n      due: {H1: \"06-30\"}\n"
    gap = errors(moved.replace("grace_days: 0\n", "grace_days: 0\n" + earlier))
    assert [(f["code"], f["file"].split("records/")[-1], f["line"]) for f in gap] == [("E-REF-019", "policy.yaml", 12)]
    assert gap[0]["message"] == "填报期间没有首尾相接：07-01 至 07-15（2026 年及以前）不属于任何填报期间"
    assert "ledger.earlier" in gap[0]["hint"] and "start" in gap[0]["hint"]
    # the old start written too, and the old end forgotten: 2026-H1 to 15 July, 2026-H2 from 1 July
    both = earlier.replace('end: {H1: "06-30"}', 'start: {H2: "07-01"}')
    overlap = errors(moved.replace("grace_days: 0\n", "grace_days: 0\n" + both))
    assert [(f["code"], f["line"]) for f in overlap] == [("E-REF-019", 12)]
    assert overlap[0]["message"] == "填报期间没有首尾相接：07-01 至 07-15（2026 年及以前）同时属于 H1 和 H2"
    right = both.replace("      due:", "      end: {H1: \"06-30\"}\n      due:")
    assert errors(moved.replace("grace_days: 0\n", "grace_days: 0\n" + right)) == []
    # current periods that leave the summer out (H2 from 1 September: remind's days between periods)
    # are the university's design: their days in no period are not a seam, nor the change's to them
    summer = policy.replace('start: "07-01", end: "12-31"', 'start: "09-01", end: "12-31"')
    assert [f["code"] for f in errors(summer)] == ["E-REF-004", "E-REF-004"]  # (7 July: in no period, by design)
    assert [f["code"] for f in errors(summer.replace("grace_days: 0\n", "grace_days: 0\n" + earlier.replace("H1: \"06-30\"}\n      due", "H1: \"07-15\"}\n      due")))] == ["E-REF-004"] * 2


def test_a_period_that_starts_on_29_february_is_refused_at_its_day(tmp_path):
    # A period's 02-29 is the end of February (02-28 in other years): right as an end or a due day,
    # but a period starting on 02-29 starts on 02-28 in three years of four, the day the period
    # before it ends — validate passed it, and 张伟's activity of 28 February 2027 was in his 2027-H3
    # ledger and could as well have been in 2027-H1. It is refused at that day (E-REF-018), once,
    # saying to start on 03-01 (the period before ending on 02-29) or on 02-28
    repo = start(tmp_path)
    write(repo, {"records/ledgers/2027-H3/zhang-wei.yaml": ledger("zhang-wei", "2027-H3", ["2027-02-28"])})
    commit(repo, "2027-03-01 10:00", "张伟 2027-H3")
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    three = policy.replace('start: "01-01", end: "06-30", due: "06-30"}', 'start: "01-01", end: "02-28", due: "03-10"}\n'
                           '    - {id: H3, name: 春季, start: "02-29", end: "06-30", due: "06-30"}')

    def errors(policy_text):
        write(repo, {"records/policy.yaml": policy_text})
        out = generator_cli(repo, "validate", "--records", "records", "--format", "json")
        return [(f["code"], f["line"], f["column"], f["hint"]) for f in json.loads(out.stdout) if f["severity"] == "error"]

    (found,) = errors(three)
    assert found[:3] == ("E-REF-018", 9, 33) and "03-01" in found[3] and "02-28" in found[3]
    # 02-29 as an end or a due day: the end of February, every year
    ended = three.replace('end: "02-28", due: "03-10"', 'end: "02-29", due: "02-29"').replace('start: "02-29"', 'start: "03-01"')
    assert [f[:2] for f in errors(ended)] == [("E-REF-004", 5)]  # (28 February is 2027-H1's now)
    # nor as a start kept in ledger.earlier
    earlier = ended.replace("grace_days: 0\n", "grace_days: 0\n  earlier:\n    - {until: \"2026-12-31\", start: {H3: \"02-29\"}}\n")
    assert sorted(f[:2] for f in errors(earlier)) == [("E-REF-004", 5), ("E-REF-018", 13)]


def test_a_policy_number_changed_without_earlier_is_told_at_its_line_with_the_entry_to_add(tmp_path):
    # contacts.min_per_semester raised from 1 to 2 in March 2026, and the H2 due day moved to
    # 12-25, without `earlier`: the autumn semester and 2025-H2, ended before, were judged again
    # by the new numbers (张伟 met students once: W-CHK-004; handed in on 12-28: late), and
    # nothing said the policy had changed. Git knows the old numbers and the day they changed
    import json

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-09-01 09:00", "记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-11"], points=("me-2025-01",))})
    commit(repo, "2025-12-28 10:00", "台账")
    policy = repo / "records/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    changed = text.replace("min_per_semester: 1", "min_per_semester: 2").replace(
        'end: "12-31", due: "12-31"', 'end: "12-31", due: "12-25"')
    policy.write_text(changed, encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "政策改了数字")

    def told():
        r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
        return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-015"]
    lines = changed.splitlines()
    said = told()
    assert [(f["file"], f["line"]) for f in said] == [
        ("records/policy.yaml", next(i for i, l in enumerate(lines) if "12-25" in l) + 1),
        ("records/policy.yaml", lines.index("  min_per_semester: 2") + 1)], said
    assert '- {until: 2026-03-01, due: {H2: "12-31"}}' in said[0]["hint"], said
    assert "- {until: 2026-03-01, min_per_semester: 1}" in said[1]["hint"], said
    assert "2026-03-02" in said[1]["message"] and "contacts.earlier" in said[1]["message"], said
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-015" in english.stdout and "changed from 1 to 2 on 2026-03-02" in english.stdout, english.stdout
    # the entries added as the hints say: nothing told, the past judged by the old numbers
    policy.write_text(changed.replace("  min_per_semester: 2\n", "  min_per_semester: 2\n  earlier:\n"
                                      "    - {until: 2026-03-01, min_per_semester: 1}\n").replace(
        "  grace_days: 0\n", '  grace_days: 0\n  earlier:\n    - {until: 2026-03-01, due: {H2: "12-31"}}\n', 1),
        encoding="utf-8")
    commit(repo, "2026-03-03 09:00", "写上 earlier")
    assert told() == []
    # a replay of a day before the change: nothing to tell
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    r = check_cli(repo / "records", "--today", "2026-03-01", "--format", "json")
    assert not [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-015"]


def _check_counting_git(repo, tmp_path, today, cache):
    """(the W-CHK-015 findings of `check --today TODAY` with the cache folder `cache` ("0": none), the
    git calls that read history: every `log` — the ledgers' and the policy's, one for both when
    both read since the same kept commit (first_parent.Log) — and every `cat-file`)."""
    from tests.gitrepo import counting_git

    r, calls = counting_git(repo, tmp_path, "check", "--records", "records", "--today", today, "--format", "json",
                            cache=cache)
    found = [(f["line"], f["message"], f["hint"]) for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-015"]
    return found, [c for c in calls if " cat-file " in f" {c} " or " log " in f" {c} "]


def _policy_raised(tmp_path):
    """(a repository where 张伟's 2025-H2 ledger landed, then contacts.min_per_semester went from 1 to 2
    on 2026-03-02 without `earlier`, its policy file, the policy's first text)."""
    repo = _zhang_weis_ledger(tmp_path, "2025-H2", "2025-10-10", "2025-12-28 10:00")
    policy = repo / "records/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("min_per_semester: 1", "min_per_semester: 2"), encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "政策改了数字")
    return repo, policy, text


def _zhang_weis_ledger(tmp_path, period: str, day: str, when: str):
    """A repository of base()'s records (2025-09-01) where 张伟's ledger of `period`, a contact on `day`, landed `when`."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-09-01 09:00", "记录")
    write(repo, {f"records/ledgers/{period}/zhang-wei.yaml": ledger("zhang-wei", period, [day])})
    commit(repo, when, "台账")
    return repo


def test_the_policys_history_is_kept_between_runs_and_never_served_stale(tmp_path):
    # W-CHK-015 read the policy's Git history (`git log` of the file and a `cat-file --batch` of its
    # versions) on every check, warm or not: ≈0.1 s of a 0.5 s warm check at 12k commits.  Its
    # versions are now kept for HEAD (cache.KeptResult): a warm run with HEAD unchanged reads no
    # policy history; a new commit, and history rewritten, give what a run without the cache gives
    repo, policy, text = _policy_raised(tmp_path)
    cache = tmp_path / "cache"

    def fresh(today="2026-03-20"):
        found, _calls = _check_counting_git(repo, tmp_path, today, "0")
        return found

    cold, _calls = _check_counting_git(repo, tmp_path, "2026-03-20", cache)
    assert len(cold) == 1 and "2026-03-02" in cold[0][1] and cold == fresh(), cold
    warm, calls = _check_counting_git(repo, tmp_path, "2026-03-20", cache)
    head = git(repo, "rev-parse", "HEAD").strip()
    assert warm == cold and [c.split()[-1] for c in calls] == [f"{head}..HEAD"], calls  # HEAD unchanged: the
    # kept versions (the one `log` is the ledgers', since the HEAD kept for them: nothing)
    # a new commit changes the number again, after 2026-H1 ended under 2: read since the kept commit
    policy.write_text(text.replace("min_per_semester: 1", "min_per_semester: 3"), encoding="utf-8")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-04-10"])})
    commit(repo, "2026-07-05 09:00", "又改了")
    again, calls = _check_counting_git(repo, tmp_path, "2026-07-20", cache)
    assert again == fresh("2026-07-20") and len(again) == 2 and "2026-07-05" in again[1][1], again
    logs = [c for c in calls if " log " in f" {c} "]  # since the kept commit only, one log for the ledgers and
    # the policy (a past --today's walk of the commits after the day: none, HEAD is older than the day)
    assert [c.split()[-1] for c in logs] == [f"{head}..HEAD"] and " -- " not in logs[0], calls
    # history rewritten: main reset to another branch, where the number went from 1 to 5 on 03-05
    git(repo, "checkout", "-q", "-b", "other", "HEAD~2")
    policy.write_text(text.replace("min_per_semester: 1", "min_per_semester: 5"), encoding="utf-8")
    commit(repo, "2026-03-05 09:00", "另一条线")
    git(repo, "checkout", "-q", "-")
    git(repo, "reset", "-q", "--hard", "other")
    other, calls = _check_counting_git(repo, tmp_path, "2026-03-20", cache)
    assert other == fresh() and "2026-03-05" in other[0][1], other
    # an older commit checked out (the kept HEAD is after it): as without the cache
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    assert _check_counting_git(repo, tmp_path, "2026-03-20", cache)[0] == fresh() == []


def test_a_shallow_clone_says_nothing_of_policy_changes_and_keeps_nothing_for_after_unshallow(tmp_path):
    # W-CHK-015 judged a shallow clone (CI's fetch-depth: 1, a `--depth 2` clone) from the commits
    # it had: the oldest version there counted as in force since always, so a change before it was
    # never told and one after it was told from the wrong day.  git_history refuses a shallow clone
    # (E-CHK-022); W-CHK-015 now says nothing there, and keeps nothing a `git fetch --unshallow`
    # would then be served
    repo, policy, text = _policy_raised(tmp_path)
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-04-10"])})
    commit(repo, "2026-07-01 09:00", "2026-H1 台账")
    policy.write_text(text.replace("min_per_semester: 1", "min_per_semester: 3"), encoding="utf-8")
    commit(repo, "2026-07-05 09:00", "又改了")
    full, _calls = _check_counting_git(repo, tmp_path, "2026-07-20", "0")
    assert [m for _line, m, _hint in full if "2026-03-02" in m] and [m for _l, m, _h in full if "2026-07-05" in m], full
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(clone))
    cache = tmp_path / "cache"
    shallow, _calls = _check_counting_git(clone, tmp_path, "2026-07-20", cache)
    assert shallow == [], shallow
    r = check_cli(clone / "records", "--today", "2026-07-20", "--lang", "en")
    assert "warning W-CHK-015" not in r.stdout and "E-CHK-022" in r.stdout, r.stdout  # (the shallow clone is said once)
    git(clone, "fetch", "-q", "--unshallow")
    deep, _calls = _check_counting_git(clone, tmp_path, "2026-07-20", cache)
    assert deep == full, deep


def test_a_ledger_handed_in_after_today_says_nothing_of_its_content_as_on_the_site(tmp_path):
    # 张伟's 2025-H2 ledger (a point not his: E-CHK-005; a form not in the policy: E-REF-005) and
    # 李娜's, whose YAML is broken (E-YAML-…), landed on 2026-01-06.  check --today 2026-01-02 still
    # reported their errors, and told 李娜 her file was there but unreadable, where the site built as
    # of that day (which leaves them out) listed none of it: on that day neither file was there
    from generator.site import build_site

    repo = start(tmp_path)
    bad = ledger("zhang-wei", "2025-H2", ["2025-10-10"], points=["me-2025-01"]).replace("主题班会", "未知形式")
    write(repo, {H2: bad, H2_LI: "cadre: li-na\nperiod: 2025-H2\nactivities: [\n"})
    commit(repo, "2026-01-06 09:00", "张伟、李娜 2025-H2")

    def said(today):
        out = check_cli(repo / "records", "--today", today, "--format", "json")
        return {(f["code"], f["file"], f["line"], f["message"]) for f in json.loads(out.stdout)["findings"]}

    def codes_on(found, path):
        return sorted(code for code, file, _line, _message in found if file == path)

    before = said("2026-01-02")
    assert codes_on(before, H2) == codes_on(before, H2_LI) == ["W-CHK-006"]
    assert not any("文件已存在" in message for *_, message in before)
    site = build_site(repo / "records", dt.date(2026, 1, 2))
    assert {(f.code, f.file.removeprefix(f"{repo}/"), f.line, f.message_zh) for f in site.findings} == before
    after = said("2026-01-07")  # (there by then: everything is said)
    assert codes_on(after, H2) == ["E-CHK-005", "E-REF-005", "W-CHK-005"]
    assert [code for code in codes_on(after, H2_LI) if code.startswith("E-YAML")]


def test_a_ledger_of_a_period_not_begun_is_an_error_on_the_site_as_in_check(tmp_path):
    # 张伟 filed his 2027-H1 ledger on 2026-11-30, before the period began: check --today 2026-12-02
    # said E-CHK-007 (an error), where the site built that day said nothing of it (0 errors): it
    # left the ledger out of its checks as well as of its pages
    from generator.site import build_site

    repo = start(tmp_path)
    early = "records/ledgers/2027-H1/zhang-wei.yaml"
    write(repo, {early: ledger("zhang-wei", "2027-H1", [])})
    commit(repo, "2026-11-30 10:00", "张伟 2027-H1")
    out = check_cli(repo / "records", "--today", "2026-12-02", "--format", "json")
    said = {(f["code"], f["file"], f["line"], f["message"]) for f in json.loads(out.stdout)["findings"]}
    assert out.returncode == 1 and [code for code, file, *_ in said if file == early] == ["E-CHK-007"]
    site = build_site(repo / "records", dt.date(2026, 12, 2))
    assert {(f.code, f.file.removeprefix(f"{repo}/"), f.line, f.message_zh) for f in site.findings} == said
    # (the pages leave it out, as a period not begun: only 数据检查 names it)
    assert [path for path, text in site.files.items() if "2027-H1".encode() in (text if isinstance(text, bytes)
                                                                                else text.encode())] == ["findings.md"]


def _calendar_moved(tmp_path, *also):
    """(a repository where 张伟's 2025-H2 ledger landed, then on 2026-03-02 the ended semester
    2025-2026-1's start moved from 2025-09-01 to 2025-09-08 (and each of `also`, (old, new) text,
    changed in the same commit), the calendar file, its text after)."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-09-01 09:00", "记录")
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-28 10:00", "台账")
    calendar = repo / "records/calendar.yaml"
    old = '{id: 2025-2026-1, name: 2025—2026学年第一学期, start: "2025-09-01"'
    changed = calendar.read_text(encoding="utf-8").replace(old, old.replace("09-01", "09-08"))
    for was, now in also:
        assert was in changed
        changed = changed.replace(was, now)
    calendar.write_text(changed, encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "校历改了日期")
    return repo, calendar, changed


def test_an_ended_semesters_dates_changed_in_the_calendar_are_told_at_the_line(tmp_path, monkeypatch):
    # the first semester of 2025-2026 ended on 2026-01-16; on 2026-03-02 its start was moved to
    # 09-08 in records/calendar.yaml: the contacts of its first week no longer count for it, and
    # nothing said a semester already judged was judged again by new dates (W-CHK-015 reads the
    # policy only). The calendar keeps no earlier dates: told at the line, with the day and both dates
    repo, _calendar, changed = _calendar_moved(  # (and a semester not begun yet: planning, not told)
        tmp_path, ('start: "2026-09-01", end: "2027-01-15"', 'start: "2026-09-07", end: "2027-01-15"'))
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    said = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"]
    line = next(i for i, l in enumerate(changed.splitlines()) if "2025-09-08" in l) + 1
    assert [(f["file"], f["line"]) for f in said] == [("records/calendar.yaml", line)], said
    assert "2026-03-02" in said[0]["message"] and "2025-09-01" in said[0]["message"] and "2025-09-08" in said[0][
        "message"] and "2025-2026-1" in said[0]["message"], said
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-016" in english.stdout and "from 2025-09-01 to 2025-09-08 on 2026-03-02" in english.stdout, english.stdout
    # the calendar's versions kept for HEAD (a warm run, the same finding) and read from the policy's log
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    cold, cold_calls = _check_counting_git(repo, tmp_path, "2026-03-20", str(tmp_path / "cache"))
    warm, warm_calls = _check_counting_git(repo, tmp_path, "2026-03-20", str(tmp_path / "cache"))
    assert [c for c in cold_calls if c.endswith("assignments")] == ["-c core.quotePath=false log --first-parent --diff-merges=first-parent "
                                                      "--no-renames --format=%x1e%H%x1f%ct%x1f%P --name-only HEAD -- "
                                                      "policy.yaml calendar.yaml assignments"], cold_calls  # (one log of all)
    assert not [c for c in warm_calls if "cat-file" in c], warm_calls
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"] == said
    # a replay of a day before the change: nothing to tell
    r = check_cli(repo / "records", "--today", "2026-03-01", "--format", "json")
    assert not [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"]


def test_a_shallow_clone_or_a_plain_folder_says_once_that_the_policy_history_was_not_read(tmp_path):
    # in a shallow clone (CI's fetch-depth: 1) W-CHK-015 and W-CHK-016 say nothing, rightly, but nothing
    # said they had not been checked: with every ledger in the import manifest not even E-CHK-022 showed
    # that the history was cut; the report's overview now says so once, why, and how to fetch it all
    repo, _policy, _text = _policy_raised(tmp_path)
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    zh = check_cli(clone / "records", "--today", "2026-03-20", cwd=clone)
    assert zh.stdout.count("政策、校历和联系点安排的改动（W-CHK-015、W-CHK-016、W-CHK-019、W-CHK-028、W-CHK-029）") == 1 and "浅克隆" in zh.stdout and "git fetch --unshallow" in zh.stdout, zh.stdout
    en = check_cli(clone / "records", "--today", "2026-03-20", "--lang", "en", cwd=clone)
    assert en.stdout.count("Changes of the policy, the calendar and the assignments (W-CHK-015, W-CHK-016, W-CHK-019, W-CHK-028, W-CHK-029)") == 1 and "shallow clone" in en.stdout \
        and "fetch-depth: 0" in en.stdout, en.stdout
    assert json.loads(check_cli(clone / "records", "--today", "2026-03-20", "--format", "json",
                                cwd=clone).stdout)["policy_history"] == "shallow"
    plain = tmp_path / "plain"
    shutil.copytree(repo / "records", plain / "records")
    out = check_cli(plain / "records", "--today", "2026-03-20", "--lang", "en", cwd=plain).stdout
    assert "Changes of the policy, the calendar and the assignments (W-CHK-015, W-CHK-016, W-CHK-019, W-CHK-028, W-CHK-029)" in out and "not in a Git repository" in out, out
    full = check_cli(repo / "records", "--today", "2026-03-20", cwd=repo)
    assert "政策、校历和联系点安排的改动（W-CHK-015、W-CHK-016、W-CHK-019、W-CHK-028、W-CHK-029）" not in full.stdout and "W-CHK-015" in full.stdout, full.stdout


def _calendar_said(repo, *args):
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json", *args)
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"]


def test_a_deliberate_calendar_correction_is_recorded_with_corrected_and_no_longer_told(tmp_path):
    # W-CHK-016 could not be cleared: the calendar (additionalProperties: false) had nowhere to say a
    # change was a correction, so after a real one the warning stayed in every report; the semester's
    # `corrected: [{on: DAY, start: OLD}]` now says it, and silences exactly that change
    repo, calendar, changed = _calendar_moved(tmp_path)
    said = _calendar_said(repo)
    entry = "corrected: [{on: 2026-03-02, start: 2025-09-01}]"
    assert len(said) == 1 and entry in said[0]["hint"], said
    assert "学期 2025-2026-1 的开始日期在 2026-03-02 由 2025-09-01 改为 2025-09-08" in said[0]["message"], said
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert entry in english.stdout, english.stdout
    new = 'start: "2025-09-08"'
    # another day or another old date: not that change, still told
    for other in ("{on: 2026-03-01, start: 2025-09-01}", "{on: 2026-03-02, start: 2025-09-02}",
                  "{on: 2026-03-02, end: 2025-09-01}"):
        calendar.write_text(changed.replace(new, f"{new}, corrected: [{other}]"), encoding="utf-8")
        assert len(_calendar_said(repo)) == 1, other
    calendar.write_text(changed.replace(new, f"{new}, {entry}"), encoding="utf-8")
    assert check_cli(repo / "records").returncode == 0
    assert _calendar_said(repo) == []
    commit(repo, "2026-03-05 09:00", "校历：记下更正")
    assert _calendar_said(repo) == []
    # validated: a misspelt field, a date that is no date, an entry with nothing corrected
    for bad in ("{on: 2026-03-02, begin: 2025-09-01}", "{on: 2026-3-2, start: 2025-09-01}", "{on: 2026-03-02}"):
        calendar.write_text(changed.replace(new, f"{new}, corrected: [{bad}]"), encoding="utf-8")
        r = check_cli(repo / "records", "--format", "json")
        errors = [f for f in json.loads(r.stdout)["findings"] if f["code"].startswith("E-SCHEMA")]
        line = next(i for i, l in enumerate(changed.splitlines()) if new in l) + 1
        assert r.returncode == 1 and errors and all(f["file"] == "records/calendar.yaml" and f["line"] == line
                                                    and f["column"] > 1 for f in errors), (bad, errors)


def test_an_ended_semester_removed_or_renamed_in_the_calendar_is_told_where_it_was(tmp_path):
    # W-CHK-016 watched start and end only: 2025-2026-1 (ended 2026-01-16) renamed on 2026-03-02
    # said nothing, and its ledgers' contacts were judged against no semester; now told at the line
    # where it was, zh and en, silenced by the year's corrected: [{on: DAY, removed: ID}]; a semester
    # not begun yet taken out (planning): not told
    repo, calendar, changed = _calendar_moved(
        tmp_path, ("{id: 2025-2026-1, name: 2025—2026学年第一学期, start: \"2025-09-08\"",
                   "{id: 2025-2026-3, name: 2025—2026学年第一学期, start: \"2025-09-01\""),
        ("      - {id: 2026-2027-2, name: 2026—2027学年第二学期, start: \"2027-02-26\", end: \"2027-07-09\"}\n", ""))
    said = _calendar_said(repo)
    line = next(i for i, l in enumerate(changed.splitlines()) if "2025-2026-3" in l) + 1
    assert [(f["file"], f["line"]) for f in said] == [("records/calendar.yaml", line)], said
    assert "学期 2025-2026-1 在 2026-03-02 把编号改为 2025-2026-3" in said[0]["message"], said  # (renamed: said so)
    entry = "corrected: [{on: 2026-03-02, removed: 2025-2026-1}]"
    assert entry in said[0]["hint"] and "2025-2026" in said[0]["hint"], said
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "semester 2025-2026-1 was renamed 2025-2026-3 on 2026-03-02" in english.stdout, english.stdout
    assert entry in english.stdout, english.stdout
    year = '  - id: 2025-2026\n'
    calendar.write_text(changed.replace(year, year + "    corrected: [{on: 2026-03-02, removed: 2025-2026-1}]\n"),
                        encoding="utf-8")
    assert check_cli(repo / "records").returncode == 0
    assert _calendar_said(repo) == []


def test_a_check_asks_git_rev_parse_once(tmp_path):
    # the ledgers' history (git_history), the policy's and the calendar's (policy_history, calendar_history) and the
    # ledgers of a past --today (git_history.ledgers_on) each asked `git rev-parse` for the top
    # folder, a shallow clone and HEAD: six of a cold check's eleven git processes, six of a warm
    # one's seven; they now share one, through the History (the past day's ledgers: the begun reading's)
    # (measured on the demo: a cold check's git processes 11 → 6, a warm one's 7 → 2)
    repo, _calendar, _changed = _calendar_moved(tmp_path)
    from tests.gitrepo import ROOT, counting_git

    # (the demo: every ledger in the import manifest, the ledgers' history not read, its rev-parse still shared)
    for where, today, run in [(repo, "2026-03-20", "cold"), (repo, "2026-03-20", "warm"), (ROOT, "2026-12-02", "demo")]:
        r, calls = counting_git(where, tmp_path, "check", "--records", "records", "--today", today,
                                cache=str(tmp_path / ("demo" if run == "demo" else "cache")))
        assert r.returncode == 0 and ("W-CHK-016" in r.stdout or run == "demo"), r.stdout
        assert [c for c in calls if " rev-parse " in f" {c} "] == [
            "-c core.quotePath=false rev-parse --show-toplevel --is-shallow-repository --verify -q HEAD"], (run, calls)


def _said(repo, code, *args):
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json", *args)
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == code]


def test_a_corrected_entry_that_matches_no_change_is_told_at_its_line_with_what_would_match(tmp_path):
    # a `corrected` entry with a mistyped day or date, or one for a change never made (or made before
    # the semester ended), silenced nothing and said nothing: the admin thought the correction recorded,
    # W-CHK-016 stayed (or there was none to silence). Each such entry is now told (W-CHK-018) at its
    # line, with the entry that would match the change Git knows
    repo, calendar, changed = _calendar_moved(  # (and 2026-2027-1, not ended, moved the same day)
        tmp_path, ('start: "2026-09-01", end: "2027-01-15"', 'start: "2026-09-07", end: "2027-01-15"'))
    new = 'start: "2025-09-08"'
    right = "{on: 2026-03-02, start: 2025-09-01}"
    line = next(i for i, l in enumerate(changed.splitlines()) if new in l) + 1
    for typo in ("{on: 2026-03-03, start: 2025-09-01}", "{on: 2026-03-02, start: 2025-09-02}",
                 "{on: 2026-03-02, end: 2025-09-01}"):
        calendar.write_text(changed.replace(new, f"{new}, corrected: [{typo}]"), encoding="utf-8")
        stale = _said(repo, "W-CHK-018")
        assert [(f["file"], f["line"]) for f in stale] == [("records/calendar.yaml", line)], (typo, stale)
        assert right in stale[0]["hint"] and typo in stale[0]["message"], stale
        assert len(_said(repo, "W-CHK-016")) == 1, typo
        en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
        assert "W-CHK-018" in en.stdout and f"What Git's history would match is {right}" in en.stdout, en.stdout
    # the right entry: nothing; one more for a change of a semester not ended then (nothing to silence)
    later = 'start: "2026-09-07"'
    text = changed.replace(new, f"{new}, corrected: [{right}]")
    calendar.write_text(text.replace(later, f"{later}, corrected: [{{on: 2026-03-02, start: 2026-09-01}}]"),
                        encoding="utf-8")
    stale = _said(repo, "W-CHK-018")
    assert [f["line"] for f in stale] == [next(i for i, l in enumerate(text.splitlines()) if later in l) + 1], stale
    assert "结束以前的改动不用记" in stale[0]["hint"] and "删去这一项" in stale[0]["hint"], stale
    assert _said(repo, "W-CHK-016") == []
    # a year's `removed` of an id never removed
    year = '  - id: 2025-2026\n'
    calendar.write_text(text.replace(year, year + "    corrected: [{on: 2026-03-02, removed: 2025-2026-4}]\n"),
                        encoding="utf-8")
    stale = _said(repo, "W-CHK-018")
    assert [f["line"] for f in stale] == [3] and "2025-2026-4" in stale[0]["message"], stale
    # outside Git nothing can be judged: nothing told
    plain = tmp_path / "plain"
    shutil.copytree(repo / "records", plain / "records")
    assert _said(plain, "W-CHK-018") == []


def test_a_corrected_entry_in_a_calendar_of_one_version_is_told(tmp_path):
    # a calendar committed once with a `corrected` entry (copied from another repository, or written ahead of a
    # change never made): W-CHK-018 was judged only when Git had two versions or more, so this one said nothing
    repo = init_repo(tmp_path / "repo")
    files = base()
    old = '{id: 2025-2026-1, name: 2025—2026学年第一学期, start: "2025-09-01"'
    files["records/calendar.yaml"] = files["records/calendar.yaml"].replace(
        old, old + ", corrected: [{on: 2026-03-02, start: 2025-09-08}]")
    write(repo, files)
    commit(repo, "2025-09-01 09:00", "记录")
    line = next(i for i, l in enumerate(files["records/calendar.yaml"].splitlines(), 1) if "corrected" in l)
    stale = _said(repo, "W-CHK-018")
    assert [(f["file"], f["line"]) for f in stale] == [("records/calendar.yaml", line)], stale
    assert "{on: 2026-03-02, start: 2025-09-08}" in stale[0]["message"] and "删去这一项" in stale[0]["hint"], stale
    # (records copied to a new repository lose their history: every entry would be told to be deleted, with no word
    # of why; the hint says the file has one version in Git, the history may be lost, and what to do)
    assert "records/calendar.yaml 在 Git 历史中只有一个版本" in stale[0]["hint"] and "git push --mirror" in stale[0]["hint"] \
        and "不要只复制文件" in stale[0]["hint"], stale
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "has only one version in Git's history" in en.stdout and "squashed" in en.stdout, en.stdout
    plain = tmp_path / "plain"  # (outside Git nothing can be judged: nothing told)
    shutil.copytree(repo / "records", plain / "records")
    assert _said(plain, "W-CHK-018") == []


def _year_removed(tmp_path):
    """(a repository of base()'s records where the ended year 2025-2026 was taken out on 2026-09-15, its calendar)."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-09-01 09:00", "记录")
    calendar = repo / "records/calendar.yaml"
    text = calendar.read_text(encoding="utf-8")
    start, end = text.index("  - id: 2025-2026\n"), text.index("  - id: 2026-2027\n")
    calendar.write_text(text[:start] + text[end:], encoding="utf-8")
    commit(repo, "2026-09-15 09:00", "校历删去 2025-2026")
    return repo, calendar


def test_an_ended_year_removed_is_one_finding_naming_its_semesters(tmp_path):
    # the whole academic year 2025-2026 (ended 2026-08-31) taken out on 2026-09-15 gave three W-CHK-016:
    # one for the year and one for each of its semesters, each with its own entry to type; now one
    # finding for the year, naming its semesters, and the year's one entry silences it all
    repo, calendar = _year_removed(tmp_path)

    def said():
        r = check_cli(repo / "records", "--today", "2026-09-20", "--format", "json")
        return [f for f in json.loads(r.stdout)["findings"] if f["code"] in ("W-CHK-016", "W-CHK-018")]

    found = said()
    assert len(found) == 1 and "学年 2025-2026" in found[0]["message"], found
    assert "2025-2026-1" in found[0]["message"] and "2025-2026-2" in found[0]["message"], found
    assert "{on: 2026-09-15, removed: 2025-2026}" in found[0]["hint"], found
    en = check_cli(repo / "records", "--today", "2026-09-20", "--lang", "en")
    assert en.stdout.count("W-CHK-016") == 1 and "2025-2026-1" in en.stdout, en.stdout
    year = '  - id: 2026-2027\n'
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        year, year + "    corrected: [{on: 2026-09-15, removed: 2025-2026}]\n"), encoding="utf-8")
    assert said() == []


def test_a_semesters_start_and_end_changed_in_one_commit_are_one_finding_and_one_entry(tmp_path):
    # 2025-2026-1's start and end both moved on 2026-03-02 gave two W-CHK-016, each with its own
    # `corrected` line: two lines to type for one correction. Now one finding, one entry carrying both
    # dates, {on, start, end}; an entry saying one of them leaves a finding for the other only
    repo, calendar, changed = _calendar_moved(
        tmp_path, ('start: "2025-09-08", end: "2026-01-16"', 'start: "2025-09-08", end: "2026-01-18"'))
    said = _calendar_said(repo)
    both = "{on: 2026-03-02, start: 2025-09-01, end: 2026-01-16}"
    assert len(said) == 1 and both in said[0]["hint"], said
    assert "2025-09-01" in said[0]["message"] and "2026-01-18" in said[0]["message"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert en.stdout.count("W-CHK-016") == 1 and both in en.stdout, en.stdout
    new = 'end: "2026-01-18"}'
    calendar.write_text(changed.replace(new, f'end: "2026-01-18", corrected: [{both}]}}'), encoding="utf-8")
    assert _calendar_said(repo) == [] and _said(repo, "W-CHK-018") == []
    calendar.write_text(changed.replace(new, 'end: "2026-01-18", corrected: [{on: 2026-03-02, start: 2025-09-01}]}'),
                        encoding="utf-8")
    said = _calendar_said(repo)
    assert len(said) == 1 and "{on: 2026-03-02, end: 2026-01-16}" in said[0]["hint"] and "2025-09-08" not in said[0][
        "message"], said
    # a mistyped end in the one entry: W-CHK-018 gives the one entry that would match
    calendar.write_text(changed.replace(new, f'end: "2026-01-18", corrected: [{both.replace("01-16", "01-17")}]}}'),
                        encoding="utf-8")
    assert len(_calendar_said(repo)) == 1 and both in _said(repo, "W-CHK-018")[0]["hint"]


def test_the_calendar_hint_gives_the_text_to_type_in_the_style_the_file_uses(tmp_path):
    # the hint said "add a line corrected: [...] under this semester", which does not fit a flow-style
    # semester ({id: 2025-2026-1, ..., end: "2026-01-16"}: a line under it is a syntax error or lands in
    # the year); it now says where and what to type in the file's own style: inside the braces, a line
    # under a block-style semester, or an entry into a corrected already there; typed as told, silent
    repo, calendar, changed = _calendar_moved(tmp_path)
    entry = "{on: 2026-03-02, start: 2025-09-01}"
    hint = _calendar_said(repo)[0]["hint"]
    assert f", corrected: [{entry}]" in hint and "加上一行" not in hint, hint
    assert ", corrected: [" in check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en").stdout
    new = 'start: "2025-09-08", end: "2026-01-16"'
    calendar.write_text(changed.replace(new, f"{new}, corrected: [{entry}]"), encoding="utf-8")  # (as told)
    assert _calendar_said(repo) == [] and check_cli(repo / "records").returncode == 0
    # a corrected already there (flow): the entry into its brackets
    other = "{on: 2026-02-01, end: 2026-01-17}"
    calendar.write_text(changed.replace(new, f"{new}, corrected: [{other}]"), encoding="utf-8")
    hint = _calendar_said(repo)[0]["hint"]
    assert f", {entry}" in hint and "方括号" in hint, hint
    # block style: a line under the semester, at its keys' indentation
    flow = next(l for l in changed.splitlines() if new in l)
    block = ("      - id: 2025-2026-1\n        name: 2025—2026学年第一学期\n        start: \"2025-09-08\"\n"
             "        end: \"2026-01-16\"\n")
    text = changed.replace(flow + "\n", block)
    calendar.write_text(text, encoding="utf-8")
    hint = _calendar_said(repo)[0]["hint"]
    assert f"加上一行 corrected: [{entry}]" in hint and "start:" in hint, hint
    calendar.write_text(text.replace(block, block + f"        corrected: [{entry}]\n"), encoding="utf-8")
    assert _calendar_said(repo) == [] and check_cli(repo / "records").returncode == 0
    # block style with a block list of corrected: a "- " line into it
    calendar.write_text(text.replace(block, block + f"        corrected:\n          - {other}\n"), encoding="utf-8")
    hint = _calendar_said(repo)[0]["hint"]
    assert f"- {entry}" in hint, hint


def _start_moved_twice(repo, calendar, good: str, first: str, then: str) -> None:
    """2025-2026-1's start moved from 09-01 to 09-08 at `first`, then to 09-15 at `then` (commit times)."""
    for when, day in ((first, "08"), (then, "15")):
        calendar.write_text(good.replace('start: "2025-09-01", end: "2026-01-16"', f'start: "2025-09-{day}", end: "2026-01-16"'),
                            encoding="utf-8")
        commit(repo, when, "校历")


def test_a_calendar_slip_put_right_the_same_day_or_a_broken_commit_is_not_told(tmp_path):
    # an admin moved an ended semester's start by mistake and put it back an hour later: two W-CHK-016
    # ("changed from 09-01 to 09-08", "from 09-08 to 09-01") for a calendar as it always was; and a
    # commit whose calendar did not parse (fixed in the next one) told every ended semester and year
    # as removed and (on the fix) nothing. Each day's last version is compared with the day before's,
    # and a version that does not parse is passed over
    repo, calendar, changed = _calendar_moved(tmp_path)
    calendar.write_text(changed.replace('start: "2025-09-08"', 'start: "2025-09-01"'), encoding="utf-8")
    commit(repo, "2026-03-02 10:00", "校历：改回")
    assert _calendar_said(repo) == []
    good = calendar.read_text(encoding="utf-8")
    calendar.write_text(good.replace("academic_years:", "academic_years: [", 1), encoding="utf-8")
    commit(repo, "2026-03-04 10:00", "校历：写坏了")
    calendar.write_text(good, encoding="utf-8")
    commit(repo, "2026-03-05 10:00", "校历：修好")
    assert _calendar_said(repo) == [] and _said(repo, "W-CHK-018") == []
    # a slip in two steps the same day (09-01 → 09-08 → 09-15): one change, from 09-01
    _start_moved_twice(repo, calendar, good, "2026-03-06 09:00", "2026-03-06 11:00")
    said = _calendar_said(repo)
    assert len(said) == 1 and "{on: 2026-03-06, start: 2025-09-01}" in said[0]["hint"], said


def test_an_ended_year_renamed_gets_its_entry_in_the_year_now_where_it_was(tmp_path):
    # the year written 2026-2072 by mistake, put right as 2026-2027 after it ended: told at its line,
    # but the hint said to record it under the academic year 2025-2026 (the first), not under the year
    # the admin had just renamed; it now names the year now at that place
    repo = init_repo(tmp_path / "repo")
    records = base()
    records["records/calendar.yaml"] = records["records/calendar.yaml"].replace("  - id: 2026-2027\n", "  - id: 2026-2072\n")
    write(repo, records)
    commit(repo, "2025-09-01 09:00", "记录")
    calendar = repo / "records/calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("2026-2072", "2026-2027"), encoding="utf-8")
    commit(repo, "2027-09-10 09:00", "校历：学年编号写错了")
    r = check_cli(repo / "records", "--today", "2027-09-20", "--format", "json")
    said = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"]
    line = calendar.read_text(encoding="utf-8").splitlines().index("  - id: 2026-2027") + 1
    assert [f["line"] for f in said] == [line] and "学年 2026-2027 下" in said[0]["hint"], said
    assert "{on: 2027-09-10, removed: 2026-2072}" in said[0]["hint"], said


def test_a_calendar_slip_undone_on_a_later_day_is_not_told(tmp_path):
    # an ended semester's start moved by mistake on 2026-03-02 and put back on 2026-03-05 (or the
    # semester taken out by mistake and put back as it was) left two warnings (or one) for a calendar as
    # it always was, silenced only by recording two "corrections" that were none; an undone change is
    # now not told; a second real change after a first is still told
    repo, calendar, changed = _calendar_moved(tmp_path)
    flow = next(l for l in changed.splitlines() if '"2025-09-08"' in l)
    calendar.write_text(changed.replace('start: "2025-09-08"', 'start: "2025-09-01"'), encoding="utf-8")
    commit(repo, "2026-03-05 10:00", "校历：改回")
    assert _calendar_said(repo) == []
    replay = check_cli(repo / "records", "--today", "2026-03-03", "--format", "json")  # (not undone yet that day)
    assert [f["code"] for f in json.loads(replay.stdout)["findings"]].count("W-CHK-016") == 1
    good = calendar.read_text(encoding="utf-8")
    back = flow.replace('"2025-09-08"', '"2025-09-01"')
    calendar.write_text(good.replace(back + "\n", ""), encoding="utf-8")
    commit(repo, "2026-03-06 10:00", "校历：误删")
    assert len(_calendar_said(repo)) == 1
    calendar.write_text(good, encoding="utf-8")
    commit(repo, "2026-03-07 10:00", "校历：加回")
    assert _calendar_said(repo) == [] and _said(repo, "W-CHK-018") == []
    _start_moved_twice(repo, calendar, good, "2026-03-08 10:00", "2026-03-09 10:00")
    assert len(_calendar_said(repo)) == 2


def test_a_corrected_entry_under_the_wrong_item_is_told_where_it_belongs(tmp_path):
    # the semester's entry typed under its academic year (a block calendar's indentation one step
    # short) matched nothing there: W-CHK-018 told the admin to delete it, which would leave the
    # semester's W-CHK-016; it now names the semester whose change it matches, to move it there
    repo, calendar, changed = _calendar_moved(tmp_path)
    year = '  - id: 2025-2026\n'
    calendar.write_text(changed.replace(year, year + "    corrected: [{on: 2026-03-02, start: 2025-09-01}]\n"),
                        encoding="utf-8")
    stale = _said(repo, "W-CHK-018")
    assert len(stale) == 1 and "学期 2025-2026-1" in stale[0]["hint"] and "删去这一项" not in stale[0]["hint"], stale
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en").stdout
    assert "move it to the semester 2025-2026-1" in en, en


def test_an_ended_semester_renamed_is_told_as_renamed_with_its_new_id(tmp_path):
    # 2025-2026-1's id put right as 2025-2026-3 (its dates as they were) after it ended was told
    # "removed from the calendar (or renamed)", leaving the admin to guess which; the finding now says
    # it was renamed, and to what (the semester now at its place, with no id before)
    repo, calendar, changed = _calendar_moved(tmp_path)
    calendar.write_text(changed.replace("{id: 2025-2026-1,", "{id: 2025-2026-3,"), encoding="utf-8")
    commit(repo, "2026-03-04 09:00", "校历：学期编号")
    said = [f for f in _calendar_said(repo) if "2025-2026-3" in f["message"]]
    assert len(said) == 1 and "改为 2025-2026-3" in said[0]["message"] and "删去" not in said[0]["message"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en").stdout
    assert "semester 2025-2026-1 was renamed 2025-2026-3 on 2026-03-04" in en, en


def _summer_added(tmp_path):
    """(a repository where 张伟 met students on 2026-07-20, between the second semester's end (07-10) and the
    year's (08-31), and the forgotten summer term 2025-2026-3 (07-11 to 08-31) was added on 2026-09-10, its line)."""
    repo = _zhang_weis_ledger(tmp_path, "2026-H2", "2026-07-20", "2026-07-25 10:00")
    calendar = repo / "records/calendar.yaml"
    second = '      - {id: 2025-2026-2, name: 2025—2026学年第二学期, start: "2026-02-28", end: "2026-07-10"}\n'
    summer = '      - {id: 2025-2026-3, name: 2025—2026学年夏季学期, start: "2026-07-11", end: "2026-08-31"}\n'
    assert len(_autumn_said(repo, "W-CHK-010")) == 1  # (in no semester)
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(second, second + summer), encoding="utf-8")
    return repo, calendar, calendar.read_text(encoding="utf-8").splitlines().index(summer.rstrip("\n")) + 1


def _autumn_said(repo, code):
    r = check_cli(repo / "records", "--today", "2026-09-20", "--format", "json")
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == code]


def test_an_ended_semester_added_to_the_calendar_is_told_at_its_line(tmp_path):
    # the summer term 2025-2026-3 (ended 2026-08-31) forgotten and added on 2026-09-10 said nothing, though it
    # changes past results: 张伟's contact of 2026-07-20 was W-CHK-010 (in no semester) and now counts for it,
    # and the semester's own minimum appears; now told at its line (W-CHK-016), silenced by the year's
    # corrected: [{on: DAY, added: ID}]; a semester added before its end (planning) is not told
    repo, calendar, line = _summer_added(tmp_path)
    commit(repo, "2026-09-10 09:00", "校历：补上夏季学期")
    assert _autumn_said(repo, "W-CHK-010") == []  # (a result it changes: the contact counts for the summer term)
    said = _autumn_said(repo, "W-CHK-016")
    assert [(f["file"], f["line"]) for f in said] == [("records/calendar.yaml", line)], said
    assert "学期 2025-2026-3 在 2026-09-10 才加入校历" in said[0]["message"], said
    entry = "corrected: [{on: 2026-09-10, added: 2025-2026-3}]"
    assert entry in said[0]["hint"] and "学年 2025-2026 下" in said[0]["hint"], said
    en = check_cli(repo / "records", "--today", "2026-09-20", "--lang", "en").stdout
    assert "semester 2025-2026-3 was added to the calendar on 2026-09-10" in en and entry in en, en
    year = '  - id: 2025-2026\n'
    text = calendar.read_text(encoding="utf-8")
    calendar.write_text(text.replace(year, year + "    corrected: [{on: 2026-09-10, added: 2025-2026-3}]\n"),
                        encoding="utf-8")
    assert check_cli(repo / "records").returncode == 0
    assert _autumn_said(repo, "W-CHK-016") == [] and _autumn_said(repo, "W-CHK-018") == []
    # a mistyped id: W-CHK-018 gives the entry that would match
    calendar.write_text(text.replace(year, year + "    corrected: [{on: 2026-09-10, added: 2025-2026-4}]\n"),
                        encoding="utf-8")
    stale = _autumn_said(repo, "W-CHK-018")
    assert len(stale) == 1 and "{on: 2026-09-10, added: 2025-2026-3}" in stale[0]["hint"], stale
    # added before its end: planning, not told
    repo2, _calendar, _line = _summer_added(tmp_path / "early")
    commit(repo2, "2026-07-15 09:00", "校历：加上夏季学期")
    assert _autumn_said(repo2, "W-CHK-016") == []


def test_an_ended_semester_added_and_taken_out_again_is_told_in_a_replay_between(tmp_path):
    # the summer term 2025-2026-3 added on 2026-09-10, after its end, and taken out again on 2026-09-15: check
    # --today 2026-09-12 (a replay, before it was taken out) said nothing of the addition of that day, though a
    # date changed and put back is told in a replay between (the calendar now no longer has it: it had no line
    # to be told at); it is now told at its year's line, saying it is gone; after the removal, nothing.  Its hint said
    # to add {on: 2026-09-10, added: 2025-2026-3} to the year, which today's check then told as W-CHK-018 (the
    # addition undone): it now says nothing needs recording
    repo, calendar, _line = _summer_added(tmp_path)
    commit(repo, "2026-09-10 09:00", "校历：补上夏季学期")
    summer = '      - {id: 2025-2026-3, name: 2025—2026学年夏季学期, start: "2026-07-11", end: "2026-08-31"}\n'
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(summer, ""), encoding="utf-8")
    commit(repo, "2026-09-15 09:00", "校历：夏季学期删去")
    assert _autumn_said(repo, "W-CHK-016") == [] and _autumn_said(repo, "W-CHK-018") == []
    for lang, said, hint in (("zh", "学期 2025-2026-3 在 2026-09-10 才加入校历（现在的校历中已经没有它）", "不用在 corrected 中记录什么"),
                             ("en", "semester 2025-2026-3 was added to the calendar on 2026-09-10 (the calendar now no longer has it)",
                              "nothing needs recording in corrected")):
        r = check_cli(repo / "records", "--today", "2026-09-12", "--format", "json", "--lang", lang)
        told = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016"]
        line = calendar.read_text(encoding="utf-8").splitlines().index("  - id: 2025-2026") + 1
        assert [(f["file"], f["line"]) for f in told] == [("records/calendar.yaml", line)], told
        assert said in told[0]["message"] and hint in told[0]["hint"] and "added:" not in told[0]["hint"], told
    # (what the old hint asked for: an entry today's check says matches no change)
    year = '  - id: 2025-2026\n'
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(year, year + "    corrected: [{on: 2026-09-10, added: 2025-2026-3}]\n"),
                        encoding="utf-8")
    commit(repo, "2026-09-16 09:00", "校历：按提示记下")
    assert len(_autumn_said(repo, "W-CHK-018")) == 1


def test_an_ended_year_added_is_one_finding_naming_its_semesters_and_two_semesters_are_two(tmp_path):
    # (the summer terms of two years added on one day: two findings; a past year added with its semesters: one)
    repo, calendar, _line = _summer_added(tmp_path)
    text = calendar.read_text(encoding="utf-8")
    old = "academic_years:\n"
    calendar.write_text(text.replace(old, old + "  - id: 2024-2025\n    start: \"2024-09-01\"\n    end: \"2025-08-31\"\n"
                                     "    semesters:\n      - {id: 2024-2025-1, name: 上, start: \"2024-09-01\", end: \"2025-01-15\"}\n"
                                     "      - {id: 2024-2025-2, name: 下, start: \"2025-02-20\", end: \"2025-07-10\"}\n"), encoding="utf-8")
    commit(repo, "2026-09-10 09:00", "校历：补上")
    said = sorted(f["message"] for f in _autumn_said(repo, "W-CHK-016"))
    assert len(said) == 2 and "学年 2024-2025 在 2026-09-10 才加入校历，连同它的学期 2024-2025-1、2024-2025-2" in said[0] \
        and "学期 2025-2026-3" in said[1], said


def test_an_ended_semester_renamed_with_its_dates_changed_the_same_day_is_told_both(tmp_path):
    # 2025-2026-1 renamed 2025-2026-3 on 2026-03-04 with its end moved from 2026-01-16 to 2026-01-20 in the same
    # commit was told only as renamed: the corrected entry of the rename silenced all, and the new dates judged
    # the semester again unsaid; the date change is now told under the new id too, with its own entry there
    repo, calendar, changed = _calendar_moved(tmp_path)
    calendar.write_text(changed.replace('{id: 2025-2026-1, name: 2025—2026学年第一学期, start: "2025-09-08", end: "2026-01-16"}',
                                        '{id: 2025-2026-3, name: 2025—2026学年第一学期, start: "2025-09-08", end: "2026-01-20"}'),
                        encoding="utf-8")
    commit(repo, "2026-03-04 09:00", "校历：学期编号和结束日期")
    said = [f for f in _calendar_said(repo) if "2026-03-04" in f["message"]]
    assert len(said) == 2 and any("改为 2025-2026-3" in f["message"] for f in said), said
    moved = next(f for f in said if "改为 2025-2026-3" not in f["message"])
    assert "学期 2025-2026-3 的结束日期在 2026-03-04 由 2026-01-16 改为 2026-01-20" in moved["message"], said
    assert "{on: 2026-03-04, end: 2026-01-16}" in moved["hint"] and "这个学期的花括号中" in moved["hint"], said
    text = calendar.read_text(encoding="utf-8").replace('end: "2026-01-20"}', 'end: "2026-01-20", corrected: [{on: 2026-03-04, end: 2026-01-16}]}')
    calendar.write_text(text, encoding="utf-8")
    assert [f for f in _calendar_said(repo) if "2026-03-04" in f["message"]] == [said[0] if said[0] is not moved else said[1]]
    assert _said(repo, "W-CHK-018") == []


def test_an_ended_semester_removed_is_told_where_it_was_after_a_year_is_put_before_it(tmp_path):
    # 2025-2026-1 taken out on 2026-03-02, then the year 2024-2025 written above 2025-2026 on 2026-04-01: the
    # removal was told at the first semester's line of the calendar now by its old place's index — 2024-2025-1's,
    # another year's semester — in every check and every replay; it is now told where it was in its own year now
    repo, calendar, changed = _calendar_moved(tmp_path)
    first = next(l for l in changed.splitlines() if "{id: 2025-2026-1," in l)
    calendar.write_text(changed.replace(first + "\n", ""), encoding="utf-8")
    commit(repo, "2026-03-05 09:00", "校历：删去学期")
    old = "academic_years:\n"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(old, old + (
        "  - id: 2024-2025\n    start: \"2024-09-01\"\n    end: \"2025-08-31\"\n    corrected: [{on: 2026-04-01, added: 2024-2025}]\n"
        "    semesters:\n      - {id: 2024-2025-1, name: 上, start: \"2024-09-01\", end: \"2025-01-15\"}\n")), encoding="utf-8")
    commit(repo, "2026-04-01 09:00", "校历：补上学年")
    lines = calendar.read_text(encoding="utf-8").splitlines()
    where = next(i for i, l in enumerate(lines) if "{id: 2025-2026-2," in l) + 1
    for today in ("2026-04-20", "2026-03-20"):
        r = check_cli(repo / "records", "--today", today, "--format", "json")
        said = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-016" and "2026-03-05" in f["message"]]
        assert [f["line"] for f in said] == [where], (today, said)


def test_an_ended_semester_added_and_taken_out_again_is_not_told(tmp_path):
    # the summer term added after its end on 2026-09-10 and taken out again on 2026-09-12 (a slip undone) was
    # told as an ended semester removed, for a calendar as it always was; like other undone slips, it is not
    repo, calendar, _line = _summer_added(tmp_path)
    commit(repo, "2026-09-10 09:00", "校历：补上夏季学期")
    calendar.write_text(base()["records/calendar.yaml"], encoding="utf-8")
    commit(repo, "2026-09-12 09:00", "校历：不要夏季学期")
    assert _autumn_said(repo, "W-CHK-016") == [] and _autumn_said(repo, "W-CHK-018") == []


def test_an_ended_year_removed_is_told_where_it_was_after_a_year_is_put_before_it(tmp_path):
    # 2025-2026 taken out on 2026-09-15, then 2024-2025 written at the top on 2026-09-16: the removal was told at
    # the first year's line now by its old index (2024-2025's), with its entry to go under 2024-2025; it is now
    # told at the year now where it was (2026-2027, the one that followed it), its entry under that year
    repo, calendar = _year_removed(tmp_path)
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("academic_years:\n", "academic_years:\n" + (
        "  - id: 2024-2025\n    start: \"2024-09-01\"\n    end: \"2025-08-31\"\n    corrected: [{on: 2026-09-16, added: 2024-2025}]\n"
        "    semesters:\n      - {id: 2024-2025-1, name: 上, start: \"2024-09-01\", end: \"2025-01-15\"}\n")), encoding="utf-8")
    commit(repo, "2026-09-16 09:00", "校历：补上 2024-2025")
    r = check_cli(repo / "records", "--today", "2026-09-20", "--format", "json")
    found = [f for f in json.loads(r.stdout)["findings"] if f["code"] in ("W-CHK-016", "W-CHK-018")]
    line = calendar.read_text(encoding="utf-8").splitlines().index("  - id: 2026-2027") + 1
    assert [f["line"] for f in found] == [line] and "学年 2026-2027 下" in found[0]["hint"], found


def test_an_ended_year_renamed_with_its_semesters_is_one_finding(tmp_path):
    # 2025-2026 and its two semesters renamed 2025-2027, 2025-2027-1 and -2 on 2026-09-15 (a typo put right with
    # the semesters' ids): the year's rename was told, naming its semesters, and each renamed semester was told
    # again as a semester added after its end; one finding now, silenced by the year's one entry
    repo, calendar = _year_removed(tmp_path)
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    calendar.write_text(calendar.read_text(encoding="utf-8").replace("2025-2026", "2025-2027"), encoding="utf-8")
    commit(repo, "2026-09-15 09:00", "校历：学年编号")
    said = _autumn_said(repo, "W-CHK-016")
    assert len(said) == 1 and "改为 2025-2027" in said[0]["message"], said


def test_an_owed_ledger_recording_no_activity_is_told_once_its_deadline_has_passed(tmp_path):
    # R6: the ledger records the half-year's contact work.  An empty file handed in on time was 按时 in
    # Attachment 2 and in the evaluation's on-time ledgers, and nothing ever said it held nothing (the
    # deadlines guide called the placeholder a known limitation); after the deadline it is now told
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2"),
                 H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2025-12-20 10:00", "台账")
    on_the_day = check(repo, "2025-12-31")  # (the due day itself: it may still be filled in)
    assert codes(on_the_day, "W-CHK-017") == []
    result = check(repo, "2026-01-01")
    assert row(result, "2025-H2", "zhang-wei")["status"] == "on_time"
    (empty,) = codes(result, "W-CHK-017")
    assert empty.file.endswith("ledgers/2025-H2/zhang-wei.yaml") and empty.line == 4
    assert "张伟" in empty.message_zh and "2025-H2" in empty.message_zh and "没有记录" in empty.message_zh
    assert empty.data == {"cadre": "zhang-wei", "period": "2025-H2"} and empty.severity == "warning"
    assert "2025-H2" in empty.message_en and "no activity" in empty.message_en
    assert codes(check(repo, "2026-01-01", strict=True), "W-CHK-017")[0].severity == "error"
    # excused from meeting students for the half-year (sick leave): an empty ledger is what is owed
    write(repo, {"records/exemptions.yaml": "exemptions:\n  - cadre: zhang-wei\n    rules: [semester_contacts]\n"
                 "    start: \"2025-07-01\"\n    end: \"2025-12-31\"\n    reason: 病假\n"})
    commit(repo, "2025-12-21 10:00", "豁免")
    assert codes(check(repo, "2026-01-01"), "W-CHK-017") == []


def test_held_periods_are_the_periods_held_during_finds_a_row_in(tmp_path):
    """held_periods lists, from the spans of the cadre's rows in force, the periods (begun by --today,
    not archived) in which held_during finds one of their rows — on the demo's cadres (leavers,
    joiners, two cycles), as of days from before the first cycle to after the last, and with a period
    archived."""
    from pathlib import Path

    from generator.check.context import Context
    from generator.check.deadlines import held_periods

    shutil.copytree(Path(__file__).resolve().parent.parent / "records", tmp_path / "records")
    rs, _ = validate_records(tmp_path / "records")
    listed = 0
    for today in [dt.date(y, m, d) for y in range(2022, 2028) for m, d in ((1, 1), (6, 30), (7, 1), (12, 31))]:
        ctx = Context(rs, today)
        if today.year == 2026:
            ctx.__dict__["archived"] = {"2024-H1": {}, "2025-H2": {}}
        for cadre in ctx.rows:
            spans = [s for s in map(ctx.row_span, ctx.rows[cadre]) if s[0]]
            expected = [p for p in rs.periods_between(min(s for s, _ in spans), min(max(e for _, e in spans), today))
                        if p.start <= today and p.id not in ctx.archived and ctx.held_during(cadre, p.start, p.end)] \
                if spans and min(s for s, _ in spans) <= today else []
            assert list(held_periods(ctx, cadre)) == expected, (cadre, today)
            listed += len(expected)
    assert listed > 2000


def test_a_submitted_day_of_the_import_manifest_is_read_once_a_run_and_an_edit_between_runs_is_seen(
        tmp_path, monkeypatch):
    """Deadlines.landed reads and writes out each day of the import manifest once a run (12,007
    ledgers at 12k, on a few hundred days), for every ledger imported that day; a day edited between
    two runs of one process is the new one (bench/HISTORY.md item 49)."""
    from collections import Counter

    from generator.check import deadlines

    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})

    def imports(zhang: str, li: str) -> None:
        write(repo, {"records/imports/legacy.yaml":
                     "source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
                     f"  - path: ledgers/2025-H2/zhang-wei.yaml\n    submitted: \"{zhang}\"\n"
                     f"  - path: ledgers/2025-H2/li-na.yaml\n    submitted: \"{li}\"\n"})

    def rows(today: str) -> list:
        result = check(repo, today)
        return [(r["status"], r["submitted"], r["source"]) for cadre in ("zhang-wei", "li-na")
                for r in (row(result, "2025-H2", cadre),)]

    imports("2025-12-28", "2025-12-28")
    commit(repo, "2026-03-01 10:00", "导入旧平台台账")
    written = Counter()
    iso = deadlines.iso
    monkeypatch.setattr(deadlines, "iso", lambda value: written.update([value]) or iso(value))
    assert rows("2026-04-01") == [("on_time", "2025-12-28", "import")] * 2
    assert written[dt.date(2025, 12, 28)] == 1
    imports("2025-12-28", "2026-01-10")  # (the same process: what it kept of the last run is not asked)
    assert rows("2026-04-01") == [("on_time", "2025-12-28", "import"), ("late", "2026-01-10", "import")]
    imports("2026-01-10", "2026-05-01")
    assert rows("2026-04-01")[0] == ("late", "2026-01-10", "import")
    assert rows("2026-06-01") == [("late", "2026-01-10", "import"), ("late", "2026-05-01", "import")]


def test_a_ledger_whose_only_error_is_a_reference_is_handed_in_with_errors_cold_and_warm(tmp_path):
    """张伟 handed in 2025-H2 with a form not in the vocabulary (E-REF-005, the references stage's):
    check's row said "errors": false and the overview 0 台账有错误, as if accepted — the checks ran
    beside the references stage and saw only validate's errors.  Now it is handed in with errors, in
    the JSON rows and summary and the Markdown report's table, cold and read back from the cache; and
    once the policy names the form (the ledger's bytes unchanged), it is not, read back or not."""
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"]).replace("form: 主题班会", "form: 随便聊聊")})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")

    def report(*more):
        return check_cli(repo / "records", "--today", "2026-01-05", *more)

    for _ in range(2):  # the second run reads the cadre's results back from the cache
        data = json.loads(report("--format", "json").stdout)
        assert [f["code"] for f in data["findings"] if f["severity"] == "error"] == ["E-REF-005"], data["findings"]
        (zhang,) = [r for r in data["ledgers"] if r["period"] == "2025-H2" and r["cadre"] == "zhang-wei"]
        assert (zhang["status"], zhang["errors"]) == ("on_time", True), zhang
        assert data["summary"]["ledgers_with_errors"] == 1, data["summary"]
        md = report("--format", "markdown").stdout
        assert "### 已提交但有错误的台账（改正前不算通过）" in md, md
        assert "| 2025-H2 | 张伟 |" in md.split("### 已提交但有错误的台账")[1].split("\n### ")[0], md
    policy = repo / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("forms: [主题班会,", "forms: [随便聊聊, 主题班会,"),
                      encoding="utf-8")
    commit(repo, "2026-01-02 10:00", "政策：增加形式")
    for _ in range(2):
        data = json.loads(report("--format", "json").stdout)
        assert [f for f in data["findings"] if f["severity"] == "error"] == [], data["findings"]
        (zhang,) = [r for r in data["ledgers"] if r["period"] == "2025-H2" and r["cadre"] == "zhang-wei"]
        assert zhang["errors"] is False and data["summary"]["ledgers_with_errors"] == 0, (zhang, data["summary"])


def test_an_empty_ledger_is_told_again_without_every_ledgers_values_read(tmp_path, monkeypatch):
    """W-CHK-017 asks whether an owed ledger's activities are an empty list: its facts (kept between
    runs) say so, so a run that checks a cadre again after one of their ledgers changed (a pull request)
    does not read a ledger it did not change, whose values the cache holds with every other ledger's
    in one marshal (40 MB at 12k, unmarshalled whole when one is asked: the largest part of a one-ledger
    pull request; bench/HISTORY.md item 50)."""
    from generator import cache

    h1 = "records/ledgers/2026-H1/zhang-wei.yaml"
    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2"), H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"]),
                 h1: ledger("zhang-wei", "2026-H1", ["2026-03-11"])})
    commit(repo, "2026-06-20 10:00", "台账")
    told = [(f.file.split("ledgers/")[1], f.line) for f in codes(check(repo, "2026-07-15"), "W-CHK-017")]
    assert told == [("2025-H2/zhang-wei.yaml", 4)]
    write(repo, {h1: ledger("zhang-wei", "2026-H1", ["2026-03-11", "2026-04-02"])})
    commit(repo, "2026-06-21 10:00", "台账：补记")
    read = []
    values = cache.Values.values
    monkeypatch.setattr(cache.Values, "values", lambda self, rel: read.append(rel) or values(self, rel))
    result = check(repo, "2026-07-15")
    assert [(f.file.split("ledgers/")[1], f.line) for f in codes(result, "W-CHK-017")] == told
    assert row(result, "2026-H1", "zhang-wei")["status"] == "on_time" and read == []


def test_a_missing_ledger_is_told_its_due_day_and_its_grace_days_as_remind_and_the_site_say_them(tmp_path):
    """With grace days (ledger.grace_days: 3) W-CHK-006 said 未提交 2025-H2 台账（截止 2026-01-03）: the last day of
    grace given as the due day, where remind and the site say 截止日期 2025-12-31，宽限至 2026-01-03 — a cadre
    reading both took one for a mistake.  It says the due day, and the grace days' last day apart; without
    grace days only the due day."""
    for grace, zh, en in ((3, "（截止日期 2025-12-31，宽限至 2026-01-03）", "(due 2025-12-31, on time until 2026-01-03)"),
                          (0, "（截止日期 2025-12-31）", "(due 2025-12-31)")):
        repo = start(tmp_path / str(grace), grace=grace)
        for lang, words in (("zh", zh), ("en", en)):
            run = check_cli(repo / "records", "--today", "2026-02-01", "--format", "json", "--lang", lang)
            found = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-006" and "2025-H2/zhang-wei" in f["file"]]
            assert len(found) == 1 and found[0]["message"].endswith(words), found
        body = generator_cli(repo, "remind", "--period", "2025-H2", "--today", "2026-02-01").stdout
        assert ("截止日期：**2025-12-31**，宽限至 **2026-01-03**" if grace else "截止日期：**2025-12-31**（") in body, body


def test_check_and_remind_say_the_grace_days_with_one_function(tmp_path):
    """check's W-CHK-005/006/017 (deadlines._due_words) and remind's issue (remind.py) each wrote ，宽限至 … and
    , on time until … themselves; both say it with deadlines.grace_words, remind with its bold."""
    from generator.check.deadlines import grace_words

    due, deadline = dt.date(2025, 12, 31), dt.date(2026, 1, 3)
    assert grace_words(due, deadline) == ("，宽限至 2026-01-03", ", on time until 2026-01-03")
    assert grace_words(due, deadline, mark="**") == ("，宽限至 **2026-01-03**", ", on time until 2026-01-03")
    assert grace_words(due, due) == grace_words(due, due, mark="**") == ("", "")
    assert grace_words("2025-12-31", "2026-01-03")[0] == "，宽限至 2026-01-03"  # (check's rows: as written)
    repo = start(tmp_path, grace=3)
    body = generator_cli(repo, "remind", "--period", "2025-H2", "--today", "2026-02-01").stdout
    zh, en = grace_words(due, deadline, mark="**")
    assert f"截止日期：**{due}**{zh}（" in body and f"(due {due}{en}, as of 2026-02-01)" in body, body
    run = check_cli(repo / "records", "--today", "2026-02-01", "--format", "json")
    said = [f["message"] for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-006"]
    assert said and all(f"（截止日期 {due}{grace_words(due, deadline)[0]}）" in m for m in said), said


def test_a_late_and_an_empty_ledger_are_told_the_due_day_and_the_grace_days_as_a_missing_one_is(tmp_path):
    """W-CHK-006 says 截止日期 2025-12-31，宽限至 2026-01-03 (as remind and the site); W-CHK-005 (late) and W-CHK-017 (no
    activity) still gave the grace days' last day as the due day: 逾期 1 天提交（截止 2026-01-03，…）, （截止 2026-01-03
    已过）.  They say it as W-CHK-006 does, zh and en."""
    repo = start(tmp_path, grace=3)
    write(repo, {H2: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2026-01-04 10:00", "张伟 2025-H2")
    write(repo, {H2_LI: ledger("li-na", "2025-H2", [], points=["me-2025-01"])})
    commit(repo, "2025-12-30 10:00", "李娜 2025-H2")
    for lang, late, empty in (("zh", "（截止日期 2025-12-31，宽限至 2026-01-03，据 Git 记录提交于 2026-01-04 10:00）",
                               "（截止日期 2025-12-31，宽限至 2026-01-03 已过）"),
                              ("en", "(due 2025-12-31, on time until 2026-01-03, submitted 2026-01-04 10:00 per Git)",
                               "(due 2025-12-31, on time until 2026-01-03: passed)")):
        found = json.loads(check_cli(repo / "records", "--today", "2026-02-01", "--format", "json", "--lang", lang).stdout)
        said = {f["code"]: f["message"] for f in found["findings"] if f["code"] in ("W-CHK-005", "W-CHK-017")}
        assert said["W-CHK-005"].endswith(late) and said["W-CHK-017"].endswith(empty), said


def test_a_ledger_in_a_unit_s_folder_under_its_period_s_is_told_once_where_it_goes(tmp_path):
    # (zhang-wei's ledger committed as records/ledgers/2025-H2/计算机学院/zhang-wei.yaml was told E-LOAD-004 请把它移到
    # records/ledgers/2025-H2/zhang-wei.yaml and W-CHK-006 未提交 2025-H2 台账 … 请尽快提交 it too: one mistake, two
    # findings, one saying the ledger is there and the other that it is not)
    repo = start(tmp_path)
    write(repo, {H2.replace("2025-H2/", "2025-H2/计算机学院/"): ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    for _ in range(2):  # (the second run with the cache's results)
        out = json.loads(check_cli(repo / "records", "--today", "2026-01-05", "--format", "json").stdout)
        mine = [f for f in out["findings"] if "zhang-wei" in f["file"] and "2025-H2" in f["file"]]
        assert [f["code"] for f in mine] == ["E-LOAD-004"], mine
        assert mine[0]["hint"] == ("台账直接放在期间的文件夹中，不按单位或别的分类再分文件夹：请把它移到 records/ledgers/2025-H2/"
                                   "zhang-wei.yaml。在移到那里之前，它不算已提交：张伟（计算机学院）未提交 2025-H2 台账（截止日期 "
                                   "2025-12-31）。"), mine
        assert next(r for r in out["ledgers"] if r["cadre"] == "zhang-wei" and r["period"] == "2025-H2")["status"] == "missing"
    text = check_cli(repo / "records", "--today", "2026-01-05", "--lang", "en").stdout
    assert "Until it is moved there it is not filed: 张伟 (计算机学院) has not submitted the ledger for 2025-H2" in text, text
    assert text.count("has not submitted the ledger for 2025-H2") == 2 and "李娜 (" in text, text  # (and 李娜's own W-CHK-006)


def test_the_site_tells_a_ledger_in_a_unit_s_folder_once_as_check_does(tmp_path):
    # (the site's 数据检查 page showed validate's findings and the checks' as they were: E-LOAD-004 without 在移到那里之前，
    # 它不算已提交, and W-CHK-006 张伟（计算机学院）未提交 2025-H2 台账 for the same ledger — check alone told it once)
    import html
    import re

    from tests.site_build import mkdocs_build

    repo = start(tmp_path)
    write(repo, {H2.replace("2025-H2/", "2025-H2/计算机学院/"): ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    built = mkdocs_build(repo / "records", tmp_path / "site", "2026-01-05")
    page = (built.public / "findings.html").read_text(encoding="utf-8")
    rows = [[re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in re.findall(r"<tr>(.*?)</tr>", page, re.S)]
    mine = [row for row in rows if any("zhang-wei" in cell for cell in row)]
    assert [row[1] for row in mine] == ["E-LOAD-004"], mine
    assert "请把它移到 records/ledgers/2025-H2/zhang-wei.yaml。在移到那里之前，它不算已提交：张伟（计算机学院）未提交 2025-H2 台账" \
           "（截止日期 2025-12-31）。" in mine[0][4], mine
    assert [row[2] for row in rows if row[1:2] == ["W-CHK-006"]] == ["records/ledgers/2025-H2/li-na.yaml"], rows


def test_an_empty_ledger_s_hint_on_the_site_names_the_activities_in_the_university_s_words(tmp_path):
    """The findings page of the site showed W-CHK-017's hint as 请在 activities 中补记本期的每一次活动 … 登记豁免（semester_contacts）:
    YAML's keys inside a Chinese sentence, where the ledger's field has a Chinese title (联系学生活动, as the form and the
    ledger's section on the site call it) and the exemption a Chinese name (每学期联系); the key stays beside it, to type."""
    from tests.site_build import mkdocs_build

    repo = start(tmp_path)
    write(repo, {H2: ledger("zhang-wei", "2025-H2"),
                 H2_LI: ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2025-12-20 10:00", "台账")
    site = mkdocs_build(repo / "records", tmp_path / "site", "2026-01-01").public
    page = (site / "findings.html").read_text(encoding="utf-8")
    row = next(r for r in page.split("<tr>") if "W-CHK-017" in r)
    words = re.sub(r"<[^>]+>", "", row)
    assert "请在“联系学生活动”（activities）中补记本期的每一次活动" in words, words
    assert "登记豁免每学期联系（semester_contacts）" in words, words
    assert not re.search(r"在 activities|豁免（semester_contacts）", words), words
