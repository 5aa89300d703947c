"""R8: an archived period's ledgers as `check` reports them: the archive manifest's statuses
(records/archive/<period>.yaml), not today's judgement of the records as they are now."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from tests.gitrepo import archived_then_changed, check_cli, commit, git

PERIOD = "2025-H2"


def manifest_statuses(repo) -> dict:
    man = yaml.safe_load((repo / "records/archive" / f"{PERIOD}.yaml").read_text(encoding="utf-8"))
    return {e["cadre"]: (e["status"], e.get("days_late")) for e in man["ledgers"]}


def replace_in(path, old: str, new: str) -> None:
    """Change a record file as an administrator would (`old` must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new), encoding="utf-8")


def amend(repo, ledger_file, correction: str) -> None:
    """Commit an administrator's amendment of 张伟's archived ledger as changed now (its SHA-256)."""
    (repo / "records/amendments/2025-H2/zhang-wei.yaml").write_text(
        "reason: 更正\napproved_by: wang-admin\ndate: \"2026-03-18\"\n"
        f"sha256: {hashlib.sha256(ledger_file.read_bytes()).hexdigest()}\ncorrections:\n  - {correction}\n",
        encoding="utf-8")
    commit(repo, "2026-03-18 10:00", "更正张伟的台账")


def test_check_reports_an_archived_period_as_archived_not_as_judged_today(tmp_path):
    repo = archived_then_changed(tmp_path / "repo")
    archived = manifest_statuses(repo)
    assert archived == {"zhang-wei": ("on_time", None), "li-na": ("late", 5), "wang-fang": ("missing", None)}
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    rows = {row["cadre"]: row for row in report["ledgers"] if row["period"] == PERIOD}
    assert {c: (row["status"], row["days_late"]) for c, row in rows.items()} == archived
    assert rows["li-na"]["submitted"] == "2026-01-05 10:00" and rows["li-na"]["source"] == "archive"
    # no deadline finding for the frozen period: not "late" for 张伟, nor "file it" for 李娜
    # (whose ledger may no longer be filed: E-ARCH-003) or for 王芳
    said = [f for f in report["findings"] if f["code"] in ("W-CHK-005", "W-CHK-006") and PERIOD in f["message"]]
    assert said == []
    # the text report's table of late and missing ledgers names the manifest as its source
    md = check_cli(repo / "records", "--today", "2026-03-20", "--format", "markdown").stdout
    assert "| 2025-H2 | 李娜 | 逾期 | 5 | 2026-01-05 10:00 | 备案清单 |" in md.split("#### 机械学院（", 1)[1].split("####")[0], md


def test_a_day_before_the_archive_is_judged_as_it_was_then(tmp_path):
    # --today replays a day: before the manifest was written the period was not archived
    repo = archived_then_changed(tmp_path / "repo")
    git(repo, "rm", "-q", "-r", "records/amendments")  # (the amendment of an archive not there yet)
    r = check_cli(repo / "records", "--today", "2026-01-09", "--format", "json")
    rows = {row["cadre"]: row for row in json.loads(r.stdout)["ledgers"] if row["period"] == PERIOD}
    assert rows["zhang-wei"]["status"] == "late" and rows["zhang-wei"]["source"] == "git"


def test_an_archived_ledger_is_not_judged_against_records_changed_since(tmp_path):
    # after the archive an administrator corrects 张伟's assignment: another class, taken up on
    # 1 November.  His frozen ledger (cs-2025-01, an activity on 10 October) may not be changed
    # (E-ARCH-001): neither "not your contact point" (E-CHK-005) nor "held no point that day"
    # (W-CHK-012) is his to fix, nor "held no point in the period" (E-CHK-004) had he none at all.
    repo = archived_then_changed(tmp_path / "repo")
    rows = "records/assignments/2025-2027.yaml"
    text = (repo / rows).read_text(encoding="utf-8")
    corrected = text.replace("class: cs-2025-01\n    start: \"2025-09-01\"", "class: cs-2025-02\n    start: \"2025-11-01\"")
    assert corrected != text
    (repo / rows).write_text(corrected, encoding="utf-8")
    commit(repo, "2026-03-05 10:00", "更正张伟的联系点")
    frozen = "records/ledgers/2025-H2/zhang-wei.yaml"
    report = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)
    assert [(f["code"], f["severity"]) for f in report["findings"] if f["file"].endswith(frozen)] == []
    assert report["summary"]["errors"] == 0
    # a --today before the archive replays that day with the assignments of that day (the correction
    # came in March): nothing to say of the ledger then (that a ledger not archived yet is judged against
    # records as they are is the calendar's test below: the calendar is read as it is now)
    report = json.loads(check_cli(repo / "records", "--today", "2026-01-09", "--format", "json").stdout)
    assert not {f["code"] for f in report["findings"] if f["file"].endswith(frozen)} & {"E-CHK-005", "W-CHK-012"}
    (repo / rows).write_text(text.replace("class: cs-2025-01\n    start: \"2025-09-01\"",
                                          "class: cs-2025-01\n    start: \"2026-01-01\""), encoding="utf-8")
    report = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)
    assert [f["code"] for f in report["findings"] if f["file"].endswith(frozen)] == []


def test_an_archived_ledger_is_not_judged_against_a_calendar_changed_since(tmp_path):
    # the first semester is corrected to begin on 15 October: 张伟's frozen activity of 10 October
    # now falls in no semester — "fix the date" (W-CHK-010) is not his to do any more
    repo = archived_then_changed(tmp_path / "repo")
    replace_in(repo / "records/calendar.yaml", 'start: "2025-09-01", end: "2026-01-16"',
               'start: "2025-10-15", end: "2026-01-16"')
    commit(repo, "2026-03-05 10:00", "更正校历")
    frozen = "records/ledgers/2025-H2/zhang-wei.yaml"
    said = lambda today: [f["code"] for f in json.loads(check_cli(  # noqa: E731
        repo / "records", "--today", today, "--format", "json").stdout)["findings"] if f["file"].endswith(frozen)]
    assert said("2026-03-20") == []
    assert "W-CHK-010" in said("2026-01-09")  # (before the archive: the cadre could still correct it)


def test_an_archived_ledger_is_still_checked_for_personal_data(tmp_path):
    # privacy is enforced on frozen ledgers too: the fix is an administrator's amendment
    repo = archived_then_changed(tmp_path / "repo")
    frozen = repo / "records/ledgers/2025-H2/zhang-wei.yaml"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("交流学习情况", "交流学习情况，班长电话 13812345678"),
                      encoding="utf-8")
    (repo / "records/amendments/2025-H2/zhang-wei.yaml").write_text(
        "reason: 补记班会情况\napproved_by: wang-admin\ndate: \"2026-03-10\"\ncorrections:\n"
        "  - {field: activities, original: 交流学习情况, corrected: 补记}\n", encoding="utf-8")
    commit(repo, "2026-03-10 10:00", "更正张伟的台账")
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert r.returncode == 1
    found = [f for f in json.loads(r.stdout)["findings"] if f["file"].endswith("2025-H2/zhang-wei.yaml")]
    assert [f["code"] for f in found] == ["E-PRIV-001"] and "13812345678" not in json.dumps(found)


def test_an_archived_row_keeps_the_unit_the_manifest_froze(tmp_path):
    # 李娜 moves to 计算机学院 after the archive, her record changed without an `earlier` post:
    # her 2025-H2 row stays in 机械学院, as the manifest (and the Excel archived with it) has it
    repo = archived_then_changed(tmp_path / "repo")
    frozen = {e["cadre"]: e["unit"] for e in yaml.safe_load(
        (repo / "records/archive" / f"{PERIOD}.yaml").read_text(encoding="utf-8"))["ledgers"]}
    assert frozen["li-na"] == "me"
    cadre = repo / "records/cadres/li-na.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8").replace("unit: me", "unit: cs"), encoding="utf-8")
    commit(repo, "2026-03-05 10:00", "李娜调到计算机学院")
    report = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)
    rows = {r["cadre"]: r for r in report["ledgers"] if r["period"] == PERIOD}
    assert {c: r["unit"] for c, r in rows.items()} == frozen
    assert rows["li-na"]["unit_name"] == "机械学院"
    # a period not archived follows the record as it is (no `earlier`: the new unit)
    assert {r["unit"] for r in report["ledgers"] if r["cadre"] == "li-na" and r["period"] != PERIOD} == {"cs"}


def test_the_overview_counts_the_rows_taken_from_the_manifest(tmp_path):
    # 2025-H2's three rows come from its manifest, neither from Git nor from an import: the
    # overview says so, beside the rows judged from Git (2026-H1 not due yet: none)
    repo = archived_then_changed(tmp_path / "repo")
    report = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)
    archived = sum(r["source"] == "archive" for r in report["ledgers"])
    assert archived == 3 and report["ledger_sources"]["archive"] == archived
    git_rows = sum(r["source"] == "git" for r in report["ledgers"])
    zh = check_cli(repo / "records", "--today", "2026-03-20").stdout
    assert f"（提交时间依据：Git {git_rows} 份，导入清单 0 份，备案清单 {archived} 份）" in zh
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en").stdout
    assert f"(submission times from Git: {git_rows}, from imports: 0, from archive manifests: {archived})" in en


def test_an_archived_ledger_changed_since_keeps_its_row_as_archived_whatever_the_change(tmp_path):
    """张伟's archived 2025-H2 changed afterwards without an amendment (E-ARCH-001): check's row said
    "errors": true, the overview counted a ledger with errors and the site's 附件2 said 按时（有错误，未通过）
    when the change was otherwise valid, but none of it when the change also broke the schema — an
    archived period's rows are its manifest's ("errors": false, archive.status_rows), and only the later
    stages' errors (E-ARCH-001's) were marked on them.  The row is as archived now, whatever the change;
    E-ARCH-001 says what to do."""
    import datetime as dt

    from generator.site import build_site

    for how, students in (("valid", "students: 1"), ("schema", "students: 三十")):
        repo = archived_then_changed(tmp_path / how)
        replace_in(repo / "records/ledgers/2025-H2/zhang-wei.yaml", "students: ", students)
        commit(repo, "2026-03-02 10:00", "改动已备案的台账")
        report = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)
        assert "E-ARCH-001" in {f["code"] for f in report["findings"] if f["severity"] == "error"}, how
        (row,) = [r for r in report["ledgers"] if r["period"] == PERIOD and r["cadre"] == "zhang-wei"]
        assert (row["status"], row["source"], row["errors"]) == ("on_time", "archive", False), (how, row)
        assert report["summary"]["ledgers_with_errors"] == 0, (how, report["summary"])
        page = build_site(repo / "records", dt.date(2026, 3, 20)).files[f"ledgers/{PERIOD}.md"].decode("utf-8")
        (line,) = [x for x in page.splitlines() if "[张伟]" in x and x.startswith("|")]
        assert "按时" in line and "有错误" not in line, (how, line)


def _codes(repo, command: str, today: str) -> dict:
    """{ledger file: [codes]} of `check` or `validate` as of `today` (JSON output)."""
    from tests.gitrepo import generator_cli

    r = generator_cli(repo, command, "--records", "records", "--today", today, "--format", "json")
    assert r.returncode in (0, 1), r.stdout + r.stderr
    found = json.loads(r.stdout)
    out: dict = {}
    for f in found["findings"] if command == "check" else found:
        out.setdefault(f["file"].split("records/", 1)[-1], []).append(f["code"])
    return out


def test_a_word_retired_from_the_policy_is_not_held_against_an_archived_ledger(tmp_path):
    # 主题班会 is retired from vocabularies.forms after 2025-H2 was archived: 张伟's frozen ledger
    # (E-ARCH-001 if he changed it) is not told to change it; an open period's ledger still is
    from site_build import ledger_section, mkdocs_build
    from tests.gitrepo import ledger, write

    repo = archived_then_changed(tmp_path / "repo")
    replace_in(repo / "records/policy.yaml", "forms: [主题班会, 个体谈话, 座谈交流]", "forms: [个体谈话, 座谈交流]")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-03-15 10:00", "停用“主题班会”")
    frozen, open_ = "ledgers/2025-H2/zhang-wei.yaml", "ledgers/2026-H1/zhang-wei.yaml"
    for command in ("check", "validate"):
        said = _codes(repo, command, "2026-03-20")
        assert frozen not in said and said[open_] == ["E-REF-005"], (command, said)
        # a day before the archive the ledger was still the cadre's to correct: judged
        assert "E-REF-005" in _codes(repo, command, "2026-01-09")[frozen], command
    # the site still shows the retired word in the archived ledger
    built = mkdocs_build(repo / "records", tmp_path, "2026-03-20")
    page = (built.public / "cadres/zhang-wei.html").read_text(encoding="utf-8")
    assert "主题班会" in ledger_section(page, "2025-H2")
    # an amended ledger is the administrator's, written now: judged by today's words
    ledger_file = repo / "records" / frozen
    replace_in(ledger_file, "交流学习情况", "交流学习和生活情况")
    amend(repo, ledger_file, "{field: activities, original: 交流学习情况, corrected: 交流学习和生活情况}")
    assert _codes(repo, "check", "2026-03-20")[frozen] == ["E-REF-005"]


def test_a_class_deleted_after_the_archive_is_not_held_against_an_archived_ledger(tmp_path):
    # cs-2025-01 is deleted from the records (its row moved to another class) after the archive:
    # 张伟's frozen ledger, which names it, is not told "no such class" (E-REF-001), and the site
    # shows the id it names
    from site_build import ledger_section, mkdocs_build
    from tests.gitrepo import classes, write

    repo = archived_then_changed(tmp_path / "repo")
    write(repo, {"records/classes/2025.yaml": classes(2025, ("me-2025-01", "me"), ("cs-2025-02", "cs"))})
    replace_in(repo / "records/assignments/2025-2027.yaml", "class: cs-2025-01", "class: cs-2025-02")
    commit(repo, "2026-03-15 10:00", "删除班级 cs-2025-01")
    frozen = "ledgers/2025-H2/zhang-wei.yaml"
    assert frozen not in _codes(repo, "check", "2026-03-20")
    # (a --today before the archive replays that day, when the class was there: check as of a past day)
    assert "E-REF-001" not in _codes(repo, "check", "2026-01-09").get(frozen, [])
    built = mkdocs_build(repo / "records", tmp_path, "2026-03-20")
    section = ledger_section((built.public / "cadres/zhang-wei.html").read_text(encoding="utf-8"), "2025-H2")
    assert "<td>联系点</td>\n<td>cs-2025-01</td>" in section


def test_an_amended_archived_ledger_is_judged_by_todays_assignments(tmp_path):
    # an administrator's amendment writes a contact point 张伟 was never assigned (me-2025-01,
    # 李娜's class) into his archived ledger: the amended ledger is written now, by today's
    # rules, in check as in validate — "not your contact point" (E-CHK-005); the ledger as
    # archived (no amendment) is not judged against the records changed since
    repo = archived_then_changed(tmp_path / "repo")
    frozen = "ledgers/2025-H2/zhang-wei.yaml"
    assert frozen not in _codes(repo, "check", "2026-03-20")
    ledger_file = repo / "records" / frozen
    replace_in(ledger_file, "contact_points: [cs-2025-01]", "contact_points: [me-2025-01]")
    amend(repo, ledger_file, "{field: contact_points, original: cs-2025-01, corrected: me-2025-01}")
    assert _codes(repo, "check", "2026-03-20")[frozen] == ["E-CHK-005"]
    r = check_cli(repo / "records", "--today", "2026-03-20")
    assert r.returncode == 1 and "me-2025-01" in r.stdout


def test_a_status_word_retired_after_the_archive_keeps_its_meaning_in_an_archived_ledger(tmp_path):
    # 张伟's archived 2025-H2 ledger holds an item 已解决 (resolved); afterwards the policy renames
    # the status 已办结.  His frozen ledger may not change (E-ARCH-001): its item stays resolved
    # — in check's report and on the site's feedback board — as the archive recorded it; an open
    # period's ledger, and an amended one, take today's words
    from site_build import mkdocs_build
    from tests.gitrepo import base, generator_cli, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    item = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已解决\n  resolution: 已延长开放时间。\n"
            "  resolved_on: \"2025-10-20\"\n")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=item)})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    replace_in(repo / "records/policy.yaml", "{name: 已解决, meaning: resolved}", "{name: 已办结, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已解决”改称“已办结”")

    def reported(today: str) -> dict:
        r = check_cli(repo / "records", "--today", today, "--format", "json")
        assert r.returncode == 0, r.stdout + r.stderr
        return json.loads(r.stdout)

    report = reported("2026-03-20")
    assert [(f["root"], f["status"], f["meaning"]) for f in report["feedback"]] == [("zw-1", "已解决", "resolved")]
    assert report["summary"]["feedback_open"] == 0 and report["findings"] == []
    built = mkdocs_build(repo / "records", tmp_path, "2026-03-20")
    board = (built.public / "feedback.html").read_text(encoding="utf-8")
    assert "没有其他未解决的问题。" in board
    home = (built.public / "index.html").read_text(encoding="utf-8")
    assert "未解决 0 条" in home
    # amended, the ledger is the administrator's, written now: today's words (E-REF-005)
    ledger_file = repo / "records/ledgers/2025-H2/zhang-wei.yaml"
    replace_in(ledger_file, "已延长开放时间。", "已延长自习室开放时间。")
    (repo / "records/amendments/2025-H2").mkdir(parents=True)
    amend(repo, ledger_file, "{field: feedback, original: 已延长开放时间。, corrected: 已延长自习室开放时间。}")
    assert _codes(repo, "check", "2026-03-20")["ledgers/2025-H2/zhang-wei.yaml"] == ["E-REF-005"]


def _archiving(tmp_path, item: str):
    """张伟's 2025-H2 ledger with feedback `item` (committed 2025-12-28), archived on 2026-01-10 by
    `generator archive` (the manifest written, not committed yet)."""
    from tests.gitrepo import base, generator_cli, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=item)})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    return repo


def _archived_before_manifests_recorded_statuses(tmp_path, item: str):
    """张伟's 2025-H2 ledger with feedback `item`, archived on 2026-01-10 by a version that did not
    yet record the statuses' meanings in the manifest (no `feedback_statuses`: the manifest as
    written then, committed as the archive's proof)."""
    repo = _archiving(tmp_path, item)
    man = repo / "records/archive/2025-H2.yaml"
    text = man.read_text(encoding="utf-8")
    start, end = text.index("feedback_statuses:\n"), text.index("ledgers:\n")
    man.write_text(text[:start] + text[end:], encoding="utf-8")  # (as the manifest was written then)
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    return repo


RESOLVED = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已解决\n  resolution: 已延长开放时间。\n"
            "  resolved_on: \"2025-10-20\"\n")


def _feedback(records, today: str = "2026-03-20") -> tuple:
    r = check_cli(records, "--today", today, "--format", "json")
    assert r.stdout, r.stderr
    report = json.loads(r.stdout)
    return [(f["root"], f["status"], f["meaning"]) for f in report["feedback"]], report["summary"]["feedback_open"]


def test_an_older_manifest_keeps_a_retired_status_word_as_the_policy_committed_with_it_meant(tmp_path):
    # the manifest does not say what 已解决 meant; the policy committed with it (Git, the audit
    # trail) does: resolved.  Renamed 已办结 since, the frozen item stays resolved
    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    replace_in(repo / "records/policy.yaml", "{name: 已解决, meaning: resolved}", "{name: 已办结, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已解决”改称“已办结”")
    assert _feedback(repo / "records") == ([("zw-1", "已解决", "resolved")], 0)
    # in a plain folder (no Git history) nothing says what it meant then: today's policy, which
    # has no such word (site/guide/admin.md says so)
    import shutil

    plain = tmp_path / "plain" / "records"
    shutil.copytree(repo / "records", plain)
    assert _feedback(plain) == ([("zw-1", "已解决", None)], 1)


def test_an_older_manifest_keeps_a_redefined_status_as_the_policy_committed_with_it_meant(tmp_path):
    # 已上报 meant escalated (not resolved: counted open); redefined as resolved since, the
    # frozen item is still open as archived
    item = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已上报\n  escalated_to: 后勤处\n")
    repo = _archived_before_manifests_recorded_statuses(tmp_path, item)
    replace_in(repo / "records/policy.yaml", "{name: 已上报, meaning: escalated}", "{name: 已上报, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    assert _feedback(repo / "records") == ([("zw-1", "已上报", "escalated")], 1)


def _archived_by_a_version_that_took_errors(tmp_path, item: str):
    """张伟's 2025-H2 ledger with feedback `item`, archived on 2026-01-10 by a version of `archive`
    that did not yet refuse a period whose ledgers `check` finds errors in (before 6bbe360): the
    manifest as archive.manifest writes it, committed as the archive's proof."""
    import datetime as dt

    from generator import archive
    from generator.pipeline import validate_records
    from tests.gitrepo import base, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=item)})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    day = dt.date(2026, 1, 10)
    rs, found = validate_records(repo / "records", day)
    assert found == []
    (repo / "records/archive").mkdir()
    (repo / "records/archive/2025-H2.yaml").write_text(archive.dump(archive.manifest(rs, PERIOD, day)), encoding="utf-8")
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    return repo


def _said(records, today: str = "2026-03-20") -> list:
    r = check_cli(records, "--today", today, "--format", "json")
    assert r.stdout, r.stderr
    return [(f["code"], f["file"].split("records/", 1)[-1], f["line"], f["hint"])
            for f in json.loads(r.stdout)["findings"] if f["code"] in ("E-CHK-010", "E-CHK-011")]


def test_an_archived_ledgers_own_feedback_checks_follow_the_meanings_its_manifest_recorded(tmp_path):
    # a frozen ledger's resolved item without its resolution (E-CHK-011) and escalated item
    # without whom to (E-CHK-010) are still said: what its statuses meant is the manifest's, not
    # today's vocabulary; the fix is an administrator's amendment, not the cadre's
    item = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已解决\n"
            "- id: zw-2\n  raised_on: \"2025-10-12\"\n  kind: 问题\n  category: 生活后勤\n"
            "  description: 学生反映宿舍热水不稳定。\n  status: 已上报\n"
            "- id: zw-3\n  raised_on: \"2025-10-14\"\n  kind: 问题\n  category: 生活后勤\n"
            "  description: 学生反映食堂排队时间长。\n  status: 处理中\n")
    repo = _archived_by_a_version_that_took_errors(tmp_path, item)
    frozen = "ledgers/2025-H2/zhang-wei.yaml"
    expected = [("E-CHK-010", frozen, 23), ("E-CHK-011", frozen, 17)]
    said = _said(repo / "records")
    assert sorted(s[:3] for s in said) == expected, said
    assert all("records/amendments/2025-H2/zhang-wei.yaml" in s[3] for s in said), said
    # since: 已解决 renamed, 已上报 no longer escalated, 处理中 now escalated; judged as archived
    policy = repo / "records/policy.yaml"
    replace_in(policy, "{name: 已解决, meaning: resolved}", "{name: 已办结, meaning: resolved}")
    replace_in(policy, "{name: 已上报, meaning: escalated}", "{name: 已上报, meaning: in_progress}")
    replace_in(policy, "{name: 处理中, meaning: in_progress}", "{name: 处理中, meaning: escalated}")
    commit(repo, "2026-03-01 10:00", "改动问题状态")
    assert sorted(s[:3] for s in _said(repo / "records")) == expected
    # an open period's ledger is judged by today's meanings, its hint without the amendment
    from tests.gitrepo import ledger, write

    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"], feedback=item.replace(
        "已解决", "已办结").replace("zw-", "zw-h1-").replace("2025-10-", "2026-03-"))})
    commit(repo, "2026-03-15 10:00", "张伟 2026-H1")
    open_ = "ledgers/2026-H1/zhang-wei.yaml"
    said = [s for s in _said(repo / "records") if s[1] == open_]
    assert [s[:3] for s in said] == [("E-CHK-011", open_, 17), ("E-CHK-010", open_, 29)], said
    assert not any("amendments" in s[3] for s in said)


def _archive_warnings(records) -> list:
    r = check_cli(records, "--today", "2026-03-20", "--format", "json")
    assert r.stdout, r.stderr
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-ARCH-001"]


def test_an_older_manifest_whose_policy_git_cannot_give_says_which_meanings_it_took(tmp_path):
    # the manifest does not record what its statuses meant and there is no Git history to read
    # the policy committed with it: today's meanings are taken, and the administrator is told
    # so, at the manifest, with the line to add (the meanings taken, to be checked against the
    # policy as it was archived)
    import shutil
    import subprocess

    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    assert _archive_warnings(repo / "records") == []  # (Git has the policy committed with it)
    plain = tmp_path / "plain" / "records"
    shutil.copytree(repo / "records", plain)
    manifest = (plain / "archive/2025-H2.yaml").read_text(encoding="utf-8").splitlines()
    line = manifest.index("ledgers:") + 1
    said = _archive_warnings(plain)
    assert [(f["file"].split("records/", 1)[-1], f["line"], f["column"]) for f in said] == [
        ("archive/2025-H2.yaml", line, 1)], said
    add = ("feedback_statuses: [{name: 待处理, meaning: open}, {name: 处理中, meaning: in_progress}, "
           "{name: 已上报, meaning: escalated}, {name: 已解决, meaning: resolved}]")
    assert "不在 Git 仓库中" in said[0]["message"] and add in said[0]["hint"], said
    # (outside Git the hint asked to run in a Git clone and to read git show <archive commit>:…,
    # commands that cannot run in a plain folder: it says the line to add and what to check it against)
    assert "git" not in said[0]["hint"].lower() and "备案时的政策" in said[0]["hint"], said
    en = check_cli(plain, "--today", "2026-03-20", "--lang", "en")
    assert "W-ARCH-001" in en.stdout and "not in a Git repository" in en.stdout and add in en.stdout, en.stdout
    assert "git show" not in en.stdout and "git fetch" not in en.stdout, en.stdout
    # the line added as the hint says: the manifest says it, no warning, the same meanings
    manifest.insert(line - 1, add)
    (plain / "archive/2025-H2.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    assert _archive_warnings(plain) == [] and _feedback(plain) == ([("zw-1", "已解决", "resolved")], 0)
    # a shallow clone that has not the commit that added the manifest: said; one that has it: not
    git(repo, "commit", "-q", "--allow-empty", "-m", "后来的提交")
    for depth, warned in (("1", True), ("3", False)):
        clone = tmp_path / f"shallow-{depth}"
        subprocess.run(["git", "clone", "-q", "--depth", depth, f"file://{repo}", str(clone)], check=True)
        said = _archive_warnings(clone / "records")
        assert bool(said) is warned and all("浅克隆" in f["message"] for f in said), (depth, said)


def test_results_kept_from_a_shallow_clone_are_not_reused_once_its_history_is_fetched(tmp_path):
    # a shallow clone cannot read the policy committed with an older manifest: today's meanings
    # (已上报 called resolved since); after git fetch --unshallow, as W-ARCH-001 advises, the next
    # run (its ledgers imported: no Git history read for them) reads the archived meaning
    # (escalated, open) — the rows kept from the shallow run are not what it shows
    import subprocess

    item = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已上报\n  escalated_to: 后勤处\n")
    repo = _archived_before_manifests_recorded_statuses(tmp_path, item)
    (repo / "records/imports").mkdir()
    (repo / "records/imports/legacy.yaml").write_text(
        "source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
        "  - path: ledgers/2025-H2/zhang-wei.yaml\n    submitted: \"2025-12-28\"\n", encoding="utf-8")
    commit(repo, "2026-02-01 10:00", "导入清单")
    replace_in(repo / "records/policy.yaml", "{name: 已上报, meaning: escalated}", "{name: 已上报, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    assert _feedback(clone / "records") == ([("zw-1", "已上报", "resolved")], 0)
    assert len(_archive_warnings(clone / "records")) == 1
    git(clone, "fetch", "-q", "--unshallow")
    assert _archive_warnings(clone / "records") == []
    assert _feedback(clone / "records") == ([("zw-1", "已上报", "escalated")], 1)


def _imported(tmp_path):
    """张伟's 2025-H2 ledger imported from the old platform (2026-01-02: the import manifest
    with its sha256): (the repository, the ledger file)."""
    from tests.gitrepo import base, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    ledger_file = repo / "records/ledgers/2025-H2/zhang-wei.yaml"
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    write(repo, {"records/imports/legacy.yaml": "source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
                 "  - path: ledgers/2025-H2/zhang-wei.yaml\n    submitted: \"2025-12-28\"\n"
                 f"    sha256: {hashlib.sha256(ledger_file.read_bytes()).hexdigest()}\n"})
    commit(repo, "2026-01-02 10:00", "导入旧平台台账")
    return repo, ledger_file


def test_an_imported_archived_ledger_corrected_by_an_amendment_is_not_said_to_have_changed_since_imported(tmp_path):
    # 张伟's 2025-H2 ledger came from the old platform (import manifest with its sha256) and was
    # archived as imported; an administrator corrects it as the guide says — the file changed
    # with an amendment record (its reason, approver, date and new sha256): that is the record of
    # the change, not an import manifest rewritten (E-CHK-020 asked to replace its sha256)
    from tests.gitrepo import generator_cli

    repo, ledger_file = _imported(tmp_path)
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    replace_in(ledger_file, "交流学习情况", "交流学习和生活情况")
    # changed without an amendment: both say so
    assert sorted(_codes(repo, "check", "2026-03-20")) == ["imports/legacy.yaml", "ledgers/2025-H2/zhang-wei.yaml"]
    (repo / "records/amendments/2025-H2").mkdir(parents=True)
    amend(repo, ledger_file, "{field: activities, original: 交流学习情况, corrected: 交流学习和生活情况}")
    assert _codes(repo, "check", "2026-03-20") == {}
    r = check_cli(repo / "records", "--today", "2026-03-20")
    assert r.returncode == 0, r.stdout
    # changed again after the amendment: E-ARCH-004 (validate) and the import's E-CHK-020 again
    replace_in(ledger_file, "交流学习和生活情况", "交流情况")
    said = _codes(repo, "check", "2026-03-20")
    assert said.get("ledgers/2025-H2/zhang-wei.yaml") == ["E-ARCH-004"] and said.get("imports/legacy.yaml") == ["E-CHK-020"], said


def test_an_archived_reopening_without_a_note_is_said_when_both_links_are_archived(tmp_path):
    # 2025-H2 resolved zw-1, 2026-H1 reopened it (待处理) without a note; both periods archived by
    # a version that did not yet refuse check errors: both links' meanings are their manifests',
    # none today's, so E-CHK-012 is said of the frozen follow-up as of any other
    import datetime as dt

    from generator import archive
    from generator.pipeline import validate_records
    from tests.gitrepo import ledger, write

    repo = _archived_by_a_version_that_took_errors(tmp_path, RESOLVED)
    follow = ("- id: zw-1-f\n  follows: zw-1\n  raised_on: \"2026-03-10\"\n  kind: 问题\n  category: 学业发展\n"
              "  description: 学生反映自习室又缩短了开放时间。\n  status: 待处理\n")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"], feedback=follow)})
    commit(repo, "2026-06-20 10:00", "张伟 2026-H1")
    day = dt.date(2026, 7, 10)
    rs, _ = validate_records(repo / "records", day)
    (repo / "records/archive/2026-H1.yaml").write_text(archive.dump(archive.manifest(rs, "2026-H1", day)), encoding="utf-8")
    commit(repo, "2026-07-10 12:00", "备案 2026-H1")
    said = {f: [c for c in codes if c.startswith("E-")] for f, codes in _codes(repo, "check", "2026-08-01").items()}
    assert {f: codes for f, codes in said.items() if codes} == {"ledgers/2026-H1/zhang-wei.yaml": ["E-CHK-012"]}, said
    r = check_cli(repo / "records", "--today", "2026-08-01", "--format", "json")
    (hint,) = [f["hint"] for f in json.loads(r.stdout)["findings"] if f["code"] == "E-CHK-012"]
    assert "records/amendments/2026-H1/zhang-wei.yaml" in hint, hint


def _archive_refused(repo, code: str, where: str, zh: str, en: str) -> None:
    """archive 2025-H2 refuses (E-FLOW-005) with `code` said at `where` in words `zh` / `en`,
    and writes nothing."""
    from tests.gitrepo import generator_cli

    for lang, words in (("zh", zh), ("en", en)):
        r = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10", "--lang", lang)
        assert r.returncode == 1 and "E-FLOW-005" in r.stdout and code in r.stdout, r.stdout + r.stderr
        assert where in r.stdout and words in r.stdout, r.stdout
    assert not (repo / "records/archive/2025-H2.yaml").exists() and not (repo / "records/archive/2025-H2").exists()


def test_archive_refuses_a_period_whose_imported_ledger_changed_since_imported(tmp_path):
    # E-CHK-020 is said at the import manifest, not in the ledger: archive once looked only at
    # findings in the period's ledger files and froze 张伟's changed ledger, after which the
    # error could only be put right by an amendment
    from tests.gitrepo import generator_cli

    repo, ledger_file = _imported(tmp_path)
    replace_in(ledger_file, "交流学习情况", "交流学习和生活情况")
    commit(repo, "2026-01-05 10:00", "改了导入的台账")
    _archive_refused(repo, "E-CHK-020", "records/imports/legacy.yaml:6:",
                     "导入的台账 ledgers/2025-H2/zhang-wei.yaml 在导入后被修改过",
                     "imported ledger ledgers/2025-H2/zhang-wei.yaml changed after it was imported")
    # put right (the import's sha256 as the file is now, as E-CHK-020's hint says): archived
    text = (repo / "records/imports/legacy.yaml").read_text(encoding="utf-8")
    (repo / "records/imports/legacy.yaml").write_text(
        text.rsplit("sha256: ", 1)[0] + f"sha256: {hashlib.sha256(ledger_file.read_bytes()).hexdigest()}\n",
        encoding="utf-8")
    commit(repo, "2026-01-09 10:00", "更新导入清单的 sha256")
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr


ESCALATED = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
             "  description: 学生反映自习室开放时间短。\n  status: 已上报\n  escalated_to: 后勤处\n")
REDEFINE = ("{name: 已上报, meaning: escalated}", "{name: 已上报, meaning: resolved}")


def test_an_older_manifest_moved_with_its_records_keeps_the_policy_of_the_commit_that_archived_it(tmp_path):
    # 已上报 meant escalated when archived, resolved since; the records folder renamed after that:
    # git log --diff-filter=A found the move (its policy: resolved) and took it, silently
    repo = _archived_before_manifests_recorded_statuses(tmp_path, ESCALATED)
    replace_in(repo / "records/policy.yaml", *REDEFINE)
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    git(repo, "mv", "records", "ledger-records")
    commit(repo, "2026-03-02 10:00", "记录文件夹改名")
    assert _feedback(repo / "ledger-records") == ([("zw-1", "已上报", "escalated")], 1)
    assert _archive_warnings(repo / "ledger-records") == []


def test_an_older_manifest_deleted_and_added_again_is_read_from_the_commit_with_its_bytes(tmp_path):
    # deleted, then archived again (other bytes) under a policy that calls 已上报 resolved: the
    # manifest as it is was added by the second commit (its policy), not by the first
    repo = _archived_before_manifests_recorded_statuses(tmp_path, ESCALATED)
    man = repo / "records/archive/2025-H2.yaml"
    text = man.read_text(encoding="utf-8")
    man.unlink()
    commit(repo, "2026-02-01 10:00", "撤销备案")
    replace_in(repo / "records/policy.yaml", *REDEFINE)
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    man.write_text(text.replace("archived_on: '2026-01-10'", "archived_on: '2026-03-02'"), encoding="utf-8")
    assert man.read_text(encoding="utf-8") != text
    commit(repo, "2026-03-02 10:00", "重新备案")
    assert _feedback(repo / "records") == ([("zw-1", "已上报", "resolved")], 0)
    assert _archive_warnings(repo / "records") == []
    # added again with the same bytes: which commit archived it Git cannot tell, and the two
    # policies differ — today's meanings, and W-ARCH-001 says so
    man.unlink()
    commit(repo, "2026-03-03 10:00", "撤销备案")
    man.write_text(text, encoding="utf-8")
    commit(repo, "2026-03-04 10:00", "恢复最初的备案清单")
    said = _archive_warnings(repo / "records")
    assert len(said) == 1 and "添加过不止一次" in said[0]["message"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "added more than once" in en.stdout, en.stdout
    # edited since it was added (bytes no commit added): not sure either
    man.write_text(text + "# 手工改动\n", encoding="utf-8")
    said = _archive_warnings(repo / "records")
    assert len(said) == 1 and "改动过" in said[0]["message"], said


def test_archive_refuses_a_period_whose_import_says_a_ledger_was_submitted_after_today(tmp_path):
    # E-CHK-021 (an import's submitted date after today) is said at the import manifest, not in
    # the ledger: archive once froze 张伟's ledger with a submission date still to come, and the
    # message did not say which ledger the date was about
    repo, _ = _imported(tmp_path)
    replace_in(repo / "records/imports/legacy.yaml", 'submitted: "2025-12-28"', 'submitted: "2026-01-20"')
    commit(repo, "2026-01-05 10:00", "导入清单的日期写错了")
    _archive_refused(repo, "E-CHK-021", "records/imports/legacy.yaml:5:",
                     "导入清单中 ledgers/2025-H2/zhang-wei.yaml 的提交日期 2026-01-20 晚于今天",
                     "ledgers/2025-H2/zhang-wei.yaml: declared submission date 2026-01-20 is after today")
    r = check_cli(repo / "records", "--today", "2026-01-10", "--format", "json")
    (data,) = [f["data"] for f in json.loads(r.stdout)["findings"] if f["code"] == "E-CHK-021"]
    assert data["ledger"] == "ledgers/2025-H2/zhang-wei.yaml", data


def test_an_older_manifests_warning_names_the_policy_where_it_was_archived(tmp_path):
    # W-ARCH-001 told the administrator to read git show <archive commit>:records/policy.yaml,
    # whatever the records folder was called: in a repository whose records are in data/ that
    # path does not exist; the policy in the records folder as it was named when the manifest was
    # added is what to read
    import subprocess

    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    git(repo, "mv", "records", "data")
    commit(repo, "2026-02-01 10:00", "记录文件夹改名为 data")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    (said,) = _archive_warnings(clone / "data")
    assert "data/policy.yaml" in said["message"] and "records/policy.yaml" not in said["message"], said
    assert ":data/policy.yaml" in said["hint"] and "records/policy.yaml" not in said["hint"], said
    en = check_cli(clone / "data", "--today", "2026-03-20", "--lang", "en")
    assert "W-ARCH-001" in en.stdout and ":data/policy.yaml" in en.stdout, en.stdout
    assert "records/policy.yaml" not in en.stdout, en.stdout
    # renamed after it was archived and changed since: the policy of the commit that archived
    # it was in records/, as the folder was named then
    man = repo / "data/archive/2025-H2.yaml"
    man.write_text(man.read_text(encoding="utf-8") + "# 改动\n", encoding="utf-8")
    commit(repo, "2026-02-02 10:00", "改动备案清单")
    (said,) = _archive_warnings(repo / "data")
    assert ":records/policy.yaml" in said["hint"] and "data/policy.yaml" not in said["hint"], said


def test_a_changed_imported_ledgers_hint_names_its_amendment_in_the_records_folder(tmp_path):
    # E-CHK-020's hint named records/amendments/<期间>/<干部编号>.yaml: for 张伟's 2025-H2
    # ledger in a records folder called data/ the amendment is data/amendments/2025-H2/zhang-wei.yaml
    repo, ledger_file = _imported(tmp_path)
    git(repo, "mv", "records", "data")
    ledger_file = repo / "data" / ledger_file.relative_to(repo / "records")
    replace_in(ledger_file, "交流学习情况", "交流学习和生活情况")
    commit(repo, "2026-01-05 10:00", "改了导入的台账")
    for lang in ("zh", "en"):
        r = check_cli(repo / "data", "--today", "2026-01-10", "--format", "json", "--lang", lang)
        (hint,) = [f["hint"] for f in json.loads(r.stdout)["findings"] if f["code"] == "E-CHK-020"]
        assert "data/amendments/2025-H2/zhang-wei.yaml" in hint and "<" not in hint, (lang, hint)


def test_an_older_manifest_renamed_on_its_own_keeps_the_policy_of_the_commit_that_archived_it(tmp_path):
    # committed as archive/2025-h2.yaml, then renamed on its own (its folder not) to 2025-H2.yaml:
    # the commit that added it with these bytes is found through the rename (the policy then:
    # 已上报 escalated), not said to have changed since (W-ARCH-001 "changed", today's meanings)
    repo = _archived_before_manifests_recorded_statuses(tmp_path, ESCALATED)
    git(repo, "mv", "records/archive/2025-H2.yaml", "records/archive/2025-h2.yaml")
    git(repo, "commit", "-q", "--amend", "--no-edit")
    replace_in(repo / "records/policy.yaml", *REDEFINE)
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    git(repo, "mv", "records/archive/2025-h2.yaml", "records/archive/2025-H2.yaml")
    commit(repo, "2026-03-02 10:00", "备案清单改名")
    said = _archive_warnings(repo / "records")
    assert said == [], [f["message"] for f in said]
    assert _feedback(repo / "records") == ([("zw-1", "已上报", "escalated")], 1)


def test_an_older_manifest_added_in_a_records_folder_whose_name_has_a_space_is_read(tmp_path):
    # `check` of records in "my records" stopped with an internal error (ValueError: too many values
    # to unpack) when a manifest that records no meanings had been added there: Git's answer of
    # which commit added it, and as what, was split at every space, the folder's own too
    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    git(repo, "mv", "records", "my records")
    commit(repo, "2026-02-01 10:00", "记录文件夹改名")
    man = repo / "my records/archive/2025-H2.yaml"
    kept = man.read_bytes()
    git(repo, "rm", "-q", "my records/archive/2025-H2.yaml")
    commit(repo, "2026-02-02 10:00", "误删备案清单")
    man.write_bytes(kept)
    commit(repo, "2026-02-03 10:00", "恢复备案清单")  # (added again, as it was, in "my records")
    assert _feedback(repo / "my records") == ([("zw-1", "已解决", "resolved")], 0)
    assert _archive_warnings(repo / "my records") == []


def test_outside_git_an_older_manifest_asks_git_once_whether_there_is_a_repository(tmp_path):
    # outside Git, each manifest without the statuses' meanings ran `git log --follow` and
    # `git rev-parse --show-prefix`, both failing, on every check before asking whether there was a
    # repository at all; that is asked first now, and the rest only in one
    import shutil

    from tests.gitrepo import counting_git

    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    plain = tmp_path / "plain" / "records"
    shutil.copytree(repo / "records", plain)
    r, calls = counting_git(plain.parent, tmp_path, "check", "--records", "records", "--today", "2026-03-20",
                            "--format", "json")
    assert [f["code"] for f in json.loads(r.stdout)["findings"]].count("W-ARCH-001") == 1, r.stdout
    assert not [c for c in calls if "--follow" in c or "--show-prefix" in c], calls


def test_a_check_of_an_older_manifest_asks_git_rev_parse_once(tmp_path):
    # a manifest that records no meanings had archive.policy_when_archived ask `git rev-parse` for a
    # shallow clone, then for the blob each commit adding it added (and, as it may, for the records
    # folder's prefix and the shallow file): three to five more rev-parse processes on every check
    # (and in a shallow clone), after the one the check shares (test_check_deadlines); it now takes the
    # check's (git_history.ask: the top folder, a shallow clone), and the blobs from its `git log`
    import subprocess

    from tests.gitrepo import counting_git

    ask = "-c core.quotePath=false rev-parse --show-toplevel --is-shallow-repository --verify -q HEAD"
    repo = _archived_before_manifests_recorded_statuses(tmp_path, ESCALATED)
    replace_in(repo / "records/policy.yaml", *REDEFINE)
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    for where, escalated in ((repo, True), (clone, False)):
        r, calls = counting_git(where, tmp_path, "check", "--records", "records", "--today", "2026-03-20",
                                "--format", "json")
        report = json.loads(r.stdout)
        assert [(f["status"], f["meaning"]) for f in report["feedback"]] == [
            ("已上报", "escalated" if escalated else "resolved")], report["feedback"]
        assert [f["code"] for f in report["findings"]].count("W-ARCH-001") == (0 if escalated else 1), r.stdout
        assert [c for c in calls if " rev-parse " in f" {c} "] == [ask], (where, calls)


def test_archive_reads_the_history_once(tmp_path):
    # `archive` ran the checks for the manifest, then built the whole site for its exports, which
    # read the records, the ledgers' history and the later commits all over again (12 git processes
    # where `check` of that day takes 6); the exports are now made from the checks it has
    from tests.gitrepo import base, counting_git, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    checked, check_calls = counting_git(repo, tmp_path, "check", "--records", "records", "--today", "2026-01-10")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    done, calls = counting_git(repo, tmp_path, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(calls) == sorted(check_calls), calls
    exports = sorted(p.name for p in (repo / "records/archive" / PERIOD).iterdir())
    assert exports == [f"{stem}-{PERIOD}.{ext}" for stem in ("activities", "attachment2", "feedback", "reflections", "suggestions")
                       for ext in ("csv", "xlsx")]


def test_a_site_build_asks_git_once_what_an_older_manifests_statuses_meant(tmp_path):
    # the site's checks asked Git what the statuses of a manifest that records none meant (git log
    # --follow, hash-object, show), then its tables (site/aggregate.py) asked all over again, for each
    # such manifest on every build; they now take the checks' answer
    from tests.gitrepo import counting_git

    repo = _archived_before_manifests_recorded_statuses(tmp_path, RESOLVED)
    replace_in(repo / "records/policy.yaml", "{name: 已解决, meaning: resolved}", "{name: 已办结, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已解决”改称“已办结”")
    r, calls = counting_git(repo, tmp_path, "render", "--records", "records", "--out", str(tmp_path / "generated"),
                            "--today", "2026-03-20")
    assert r.returncode == 0, r.stdout + r.stderr
    for asked in (" log --follow ", " hash-object ", " show ", " rev-parse "):
        assert len([c for c in calls if asked in f" {c} "]) == 1, (asked, calls)
    page = (tmp_path / "generated" / "cadres" / "zhang-wei.md").read_text(encoding="utf-8")
    assert "已解决" in page, page


def _edited_after_the_day(tmp_path):
    """2025-H2: 张伟's ledger handed in on 2025-12-28 and edited on 2026-02-01, 李娜's handed in
    (late) on 2026-02-01 — both after 2026-01-10, the day an administrator archives the period as of."""
    from tests.gitrepo import base, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10", "2025-11-12"]),
                 "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-10"], points=["me-2025-01"])})
    commit(repo, "2026-02-01 10:00", "张伟补一次活动；李娜的台账")
    return repo


def test_archive_as_of_a_past_day_refuses_ledgers_changed_since_naming_each(tmp_path):
    # archive 2025-H2 --today 2026-01-10 froze 张伟's ledger as it was that day and listed 李娜 as
    # missing, then succeeded: the next validate said E-ARCH-001 of 张伟's ledger as it is now and
    # E-ARCH-003 of 李娜's, with only an amendment left to put right what no one had done wrong.
    # It now refuses up front (E-FLOW-007), naming each such ledger and the two ways on; without
    # --today the ledgers as they are now are archived, and validate is content
    from tests.gitrepo import generator_cli

    repo = _edited_after_the_day(tmp_path)
    for lang, said in (("zh", ["records/ledgers/2025-H2/li-na.yaml: 错误 E-FLOW-007", "在 2026-01-10 之后才提交",
                               "records/ledgers/2025-H2/zhang-wei.yaml: 错误 E-FLOW-007", "在 2026-01-10 之后改动过",
                               "E-ARCH-001", "E-ARCH-003", "不写 --today", "git log --until=2026-01-10"]),
                       ("en", ["was handed in after 2026-01-10", "was changed after 2026-01-10", "without --today"])):
        r = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10", "--lang", lang)
        assert r.returncode == 1, r.stdout + r.stderr
        assert [s for s in said if s not in r.stdout] == [], r.stdout
        assert not (repo / "records/archive").exists()
    done = generator_cli(repo, "archive", "2025-H2")
    assert done.returncode == 0, done.stdout + done.stderr
    checked = generator_cli(repo, "validate", "--records", "records")
    assert checked.returncode == 0 and "E-ARCH" not in checked.stdout, checked.stdout


def test_new_ledger_takes_today_and_lists_an_archived_item_open_as_its_archive_kept_it(tmp_path):
    # 张伟's 2025-H2 item 已上报 (escalated: open) is archived on 2026-01-10; the policy then counts
    # 已上报 as resolved.  His frozen ledger keeps the meaning its archive recorded (as check does), so
    # his new 2026-H1 ledger, made as of a day after the archive, lists the item among the earlier
    # periods' open ones; as of a day before it (not archived yet), by today's policy, it is resolved
    from tests.gitrepo import generator_cli

    item = ("- id: zw-1\n  raised_on: \"2025-10-10\"\n  kind: 问题\n  category: 学业发展\n"
            "  description: 学生反映自习室开放时间短。\n  status: 已上报\n  escalated_to: 后勤处\n")
    repo = _archiving(tmp_path, item)
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    replace_in(repo / "records/policy.yaml", "{name: 已上报, meaning: escalated}", "{name: 已上报, meaning: resolved}")
    commit(repo, "2026-03-01 10:00", "“已上报”算作已解决")
    target = repo / "records/ledgers/2026-H1/zhang-wei.yaml"

    def scaffolded(today: str) -> str:
        made = generator_cli(repo, "new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H1", "--today", today)
        assert made.returncode == 0, made.stdout + made.stderr
        text = target.read_text(encoding="utf-8")
        target.unlink()
        return text

    assert "#   zw-1：学业发展，已上报（records/ledgers/2025-H2/zhang-wei.yaml）" in scaffolded("2026-03-20")
    assert "zw-1" not in scaffolded("2026-01-05")
    refused = generator_cli(repo, "new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H1", "--today", "2026-02-30")
    assert refused.returncode == 2 and "2026-02-30" in refused.stderr and not target.exists()


def test_codeowners_judges_the_records_as_of_its_today(tmp_path):
    # 主题班会 is retired after 2025-H2 was archived: as of 2026-03-20 张伟's frozen ledger is not
    # held to it (validate: no error) and codeowners writes CODEOWNERS; as of 2026-01-09, before the
    # archive, his ledger was still his to correct (validate: E-REF-005), so codeowners refuses, as
    # validate --today 2026-01-09 does — its --today is the day the records are judged by, not the clock
    from tests.gitrepo import generator_cli

    repo = archived_then_changed(tmp_path / "repo")
    replace_in(repo / "records/policy.yaml", "forms: [主题班会, 个体谈话, 座谈交流]", "forms: [个体谈话, 座谈交流]")
    commit(repo, "2026-03-15 10:00", "停用“主题班会”")
    owners = repo / "CODEOWNERS"
    owners.unlink(missing_ok=True)
    assert "E-REF-005" in _codes(repo, "validate", "2026-01-09")["ledgers/2025-H2/zhang-wei.yaml"]
    before = generator_cli(repo, "codeowners", "--today", "2026-01-09")
    assert before.returncode == 1 and not owners.exists(), before.stdout + before.stderr
    after = generator_cli(repo, "codeowners", "--today", "2026-03-20")
    assert after.returncode == 0 and owners.is_file(), after.stdout + after.stderr


def test_make_validate_judges_the_records_as_of_ledger_today(tmp_path):
    # LEDGER_TODAY=2026-01-09 make site builds the site as of that day (before 2025-H2's archive on
    # 2026-01-10, when 张伟's ledger, using 主题班会 retired since, was still his to correct: the
    # site's 数据检查 says E-REF-005); the Makefile's validate, run before the build, judges as of the
    # same day, not the clock's (by which his ledger is frozen, and clean)
    import os
    import subprocess
    import sys

    repo = archived_then_changed(tmp_path / "repo")
    replace_in(repo / "records/policy.yaml", "forms: [主题班会, 个体谈话, 座谈交流]", "forms: [个体谈话, 座谈交流]")
    commit(repo, "2026-03-15 10:00", "停用“主题班会”")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}

    def make(today: str) -> subprocess.CompletedProcess:
        return subprocess.run(["make", "--no-print-directory", "-f", str(root / "Makefile"), "-o", "bytecode",
                               "validate", f"VENV={Path(sys.prefix)}"], cwd=repo, capture_output=True, text=True,
                              env={**env, "LEDGER_TODAY": today})

    before = make("2026-01-09")
    assert before.returncode != 0 and "E-REF-005" in before.stdout + before.stderr, before.stdout + before.stderr
    after = make("2026-03-20")
    assert after.returncode == 0, after.stdout + after.stderr
