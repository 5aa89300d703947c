"""Archiving a period (备案, R8): `python -m generator archive`, then `validate` guards the
archived ledgers; amendments are the only accepted way to correct them."""
from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
import pytest
import yaml

from workflow_repo import commit, edit, make_repo, run, run_small_files

LEDGER = "records/ledgers/2025-H2/zhang-wei.yaml"
AMEND = "records/amendments/2025-H2/zhang-wei.yaml"


@pytest.fixture
def archived(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert r.returncode == 0, r.stdout + r.stderr
    commit(repo, "2026-01-10 10:00", "archive")
    return repo


def amendment(approved_by="wang-admin", sha256=None) -> str:
    text = (f"reason: 活动日期录入错误\napproved_by: {approved_by}\ndate: \"2026-02-01\"\n"
            "corrections:\n  - {field: \"activities[1].date\", original: \"2025-11-12\", corrected: \"2025-11-13\"}\n")
    return text + (f"sha256: {sha256}\n" if sha256 else "")


def test_archive_is_refused_before_due_date_plus_grace(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "archive", "2025-H2", "--today", "2025-12-31")
    assert r.returncode == 1
    assert "E-FLOW-003" in r.stdout and "2025-12-31" in r.stdout
    assert not (repo / "records/archive/2025-H2.yaml").exists()


def test_archive_writes_manifest_and_exports(archived):
    man = yaml.safe_load((archived / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    assert man["period"] == "2025-H2" and man["archived_on"] == "2026-01-10"
    by_cadre = {e["cadre"]: e for e in man["ledgers"]}
    raw = (archived / LEDGER).read_bytes()
    assert by_cadre["zhang-wei"]["sha256"] == hashlib.sha256(raw).hexdigest()
    assert by_cadre["zhang-wei"]["path"] == "ledgers/2025-H2/zhang-wei.yaml"
    assert by_cadre["zhang-wei"]["landed"].startswith("2026-01-05")  # the commit that brought it in
    assert by_cadre["li-na"]["status"] == "missing" and "sha256" not in by_cadre["li-na"]
    xlsx = archived / "records/archive/2025-H2/attachment2-2025-H2.xlsx"
    assert xlsx.is_file() and (archived / "records/archive/2025-H2/attachment2-2025-H2.csv").is_file()
    cells = [c.value for row in openpyxl.load_workbook(xlsx).active.iter_rows() for c in row]
    assert "张伟" in cells
    assert {e["path"] for e in man["exports"]} >= {"archive/2025-H2/attachment2-2025-H2.xlsx"}
    assert run(archived, "validate").returncode == 0


def test_an_archive_that_fails_partway_leaves_no_half_written_export_and_says_how_to_go_on(tmp_path):
    """A full disk while the exports were written: activities-2025-H2.xlsx was left truncated (an
    archive's download that Excel cannot open) and the command said only '内部错误 … File too large'.
    Each export is now put in place whole, the manifest last, and the message says which were written,
    which not, and the command to run again, which then archives the period.  (A limit on file size,
    between the .csv and the .xlsx, stands in for the full disk.)"""
    repo = make_repo(tmp_path)
    folder = repo / "records/archive/2025-H2"
    r = run_small_files(repo, 6000, "archive", "2025-H2", "--today", "2026-01-10")
    said = r.stdout + r.stderr
    assert r.returncode == 2 and "Traceback" not in said and "内部错误" not in said, said
    assert sorted(p.name for p in folder.iterdir()) == ["activities-2025-H2.csv"], said  # whole, nothing beside it
    assert not (repo / "records/archive/2025-H2.yaml").exists()
    assert ("写入 records/archive/2025-H2/activities-2025-H2.xlsx 时出错（系统提示：File too large）："
            "已写入 records/archive/2025-H2/activities-2025-H2.csv（都是完整的）；未写入 "
            "records/archive/2025-H2/activities-2025-H2.xlsx、records/archive/2025-H2/attachment2-2025-H2.csv、"
            "records/archive/2025-H2/attachment2-2025-H2.xlsx 等共 10 个文件（原有的没有改动）") in said, said
    assert "再运行一次：python -m generator archive 2025-H2 --today 2026-01-10" in said
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    man = yaml.safe_load((repo / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    assert all(hashlib.sha256((repo / "records" / e["path"]).read_bytes()).hexdigest() == e["sha256"]
               for e in man["exports"]) and len(man["exports"]) == 10
    assert run(repo, "validate").returncode == 0


def test_a_ledger_the_checks_refuse_stops_the_archive_instead_of_being_left_out(tmp_path):
    # 吴敏 held no contact point in 2025-H2 (E-CHK-004): the manifest, made from the checks' rows,
    # once left her ledger out (not frozen) while the exports had it, and validate then said
    # E-ARCH-003 "added after archiving"
    repo = make_repo(tmp_path)
    edit(repo, "records/cadres/wu-min.yaml",
         text="name: 吴敏\nposition: 机械学院院长\nunit: me\nactive_from: \"2019-07-01\"\n")
    own = (repo / LEDGER).read_text(encoding="utf-8")
    edit(repo, "records/ledgers/2025-H2/wu-min.yaml",
         text=own.split("feedback:")[0].replace("zhang-wei", "wu-min"))
    commit(repo, "2025-12-20 10:00", "wu-min")
    assert run(repo, "validate").returncode == 0
    r = run(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert r.returncode == 1 and "E-FLOW-005" in r.stdout, r.stdout + r.stderr
    assert "records/ledgers/2025-H2/wu-min.yaml" in r.stdout and "E-CHK-004" in r.stdout
    assert not (repo / "records/archive/2025-H2.yaml").exists() and not (repo / "records/archive/2025-H2").exists()


def test_a_grace_period_of_the_wrong_type_is_reported_not_a_crash(tmp_path):
    repo = make_repo(tmp_path)
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("  grace_days: 0\n", "  grace_days: abc\n", 1),
                      encoding="utf-8")
    r = run(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert r.returncode == 1 and "E-FLOW-005" in r.stdout and "records/policy.yaml:" in r.stdout, r.stdout + r.stderr
    assert "内部错误" not in r.stderr


def test_archive_says_what_it_did_in_json_when_asked(tmp_path):
    import json

    repo = make_repo(tmp_path)
    r = run(repo, "archive", "2025-H2", "--today", "2026-01-10", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(r.stdout) == {"period": "2025-H2", "manifest": "records/archive/2025-H2.yaml",
                                    "ledgers": 2, "missing": 1, "exports": 10, "findings": []}


def test_the_archived_periods_rows_of_check_json_have_the_shape_of_the_others(archived):
    """check --format json documents "errors" (a ledger handed in with errors) on every ledger row; an
    archived period's rows, taken from its manifest, had none, so a reader of the JSON met a KeyError."""
    import json

    rows = json.loads(run(archived, "check", "--today", "2026-07-05", "--format", "json").stdout)["ledgers"]
    frozen = [r for r in rows if r["period"] == "2025-H2"]
    assert frozen and all(r["errors"] is False for r in frozen) and all("errors" in r for r in rows)


def test_archiving_twice_is_refused(archived):
    r = run(archived, "archive", "2025-H2", "--today", "2026-02-10")
    assert r.returncode == 1 and "E-FLOW-004" in r.stdout


def test_edited_archived_ledger_is_reported_with_file_line_and_period(archived):
    text = (archived / LEDGER).read_text(encoding="utf-8")
    (archived / LEDGER).write_text(text.replace('"2025-11-12"', '"2025-11-13"', 1), encoding="utf-8")
    line = text.splitlines().index('  - date: "2025-11-12"') + 1
    r = run(archived, "validate")
    assert r.returncode == 1
    assert f"{LEDGER}:{line}:1: 错误 E-ARCH-001" in r.stdout
    assert "2025-H2 期间于 2026-01-10 备案后" in r.stdout
    r = run(archived, "validate", "--format", "json", "--lang", "en")
    assert "an archived ledger was changed" in r.stdout


def test_deleted_or_added_ledgers_of_an_archived_period_are_reported(archived):
    (archived / LEDGER).unlink()
    late = (archived / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    edit(archived, "records/ledgers/2025-H2/li-na.yaml",
         text=late.replace("zhang-wei", "li-na").replace("2026-H1", "2025-H2").replace("cs-2025-01", "club-robotics")
         .replace("2026-03-10", "2025-12-10").replace("2026-03-20", "2025-12-20"))
    r = run(archived, "validate")
    assert "E-ARCH-002" in r.stdout and "ledgers/2025-H2/zhang-wei.yaml" in r.stdout
    assert "records/ledgers/2025-H2/li-na.yaml: 错误 E-ARCH-003" in r.stdout


def test_amendment_by_an_administrator_is_accepted(archived):
    text = (archived / LEDGER).read_text(encoding="utf-8")
    (archived / LEDGER).write_text(text.replace('"2025-11-12"', '"2025-11-13"', 1), encoding="utf-8")
    edit(archived, AMEND, text=amendment())
    r = run(archived, "validate")
    assert r.returncode == 0, r.stdout


def test_amendment_beside_the_untouched_original_is_accepted(archived):
    edit(archived, AMEND, text=amendment())
    assert run(archived, "validate").returncode == 0


def test_amendment_must_be_approved_by_an_administrator(archived):
    edit(archived, AMEND, text=amendment(approved_by="zhang-wei"))
    r = run(archived, "validate")
    assert r.returncode == 1 and f"{AMEND}:2:" in r.stdout and "E-ARCH-006" in r.stdout


def test_edit_after_the_amendment_is_reported(archived):
    text = (archived / LEDGER).read_text(encoding="utf-8").replace('"2025-11-12"', '"2025-11-13"', 1)
    (archived / LEDGER).write_text(text, encoding="utf-8")
    edit(archived, AMEND, text=amendment(sha256=hashlib.sha256(text.encode()).hexdigest()))
    assert run(archived, "validate").returncode == 0
    edit(archived, LEDGER, append="reflections: 又改了一次。\n")
    r = run(archived, "validate")
    assert r.returncode == 1 and f"{LEDGER}: 错误 E-ARCH-004" in r.stdout


def test_amendment_for_a_period_not_archived_is_an_error(archived):
    edit(archived, "records/amendments/2026-H1/zhang-wei.yaml", text=amendment())
    r = run(archived, "validate")
    assert r.returncode == 1 and "E-ARCH-005" in r.stdout


def test_amendments_for_the_site(archived):
    from generator.archive import amendments
    from generator.pipeline import validate_records

    edit(archived, AMEND, text=amendment())
    rs, _ = validate_records(archived / "records")
    shown = amendments(rs)[("2025-H2", "zhang-wei")]
    assert shown["reason"] == "活动日期录入错误"
    assert shown["corrections"][0]["corrected"] == "2025-11-13"


def test_the_hint_of_an_edited_archived_ledger_gives_the_amendment_path_and_the_files_sha256(archived):
    # the hint said records/amendments/… whatever the records folder (--records) and left the
    # amendment's optional sha256 to be worked out by hand
    from tests.gitrepo import generator_cli

    (archived / "records").rename(archived / "ledger-records")
    ledger = archived / "ledger-records/ledgers/2025-H2/zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace('"2025-11-12"', '"2025-11-13"', 1), encoding="utf-8")
    digest = hashlib.sha256(ledger.read_bytes()).hexdigest()
    for lang in ("zh", "en"):
        r = generator_cli(archived, "validate", "--records", "ledger-records", "--lang", lang)
        assert r.returncode == 1 and "E-ARCH-001" in r.stdout, r.stdout + r.stderr
        assert "ledger-records/amendments/2025-H2/zhang-wei.yaml" in r.stdout and " records/amendments" not in r.stdout
        assert f"sha256: {digest}" in r.stdout, r.stdout
    # the amendment as the hint says: accepted
    edit(archived, "ledger-records/amendments/2025-H2/zhang-wei.yaml", text=amendment(sha256=digest))
    assert generator_cli(archived, "validate", "--records", "ledger-records").returncode == 0


def test_new_ledger_refuses_an_archived_period_as_validate_would(archived):
    """A cadre who missed the deadline ran `new ledger --period 2025-H2` after the period was archived:
    it wrote a scaffold (exit 0), which the cadre filled in, and which validate then refused as added
    after the archive (E-ARCH-003), the only way on being the administrators' amendment record.  It now
    refuses at once, with the finding validate would give, and writes nothing (zh/en)."""
    target = archived / "records/ledgers/2025-H2/li-na.yaml"
    r = run(archived, "new", "ledger", "--cadre", "li-na", "--period", "2025-H2")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "records/ledgers/2025-H2/li-na.yaml: 错误 E-ARCH-003: 2025-H2 期间已于 2026-01-10 备案" in r.stdout, r.stdout
    assert "records/amendments/2025-H2/li-na.yaml" in r.stdout and not target.exists()
    en = run(archived, "new", "ledger", "--cadre", "li-na", "--period", "2025-H2", "--lang", "en")
    assert en.returncode == 1 and "E-ARCH-003" in en.stdout and "amendment record" in en.stdout, en.stdout
    assert not target.exists()
    assert run(archived, "new", "ledger", "--cadre", "li-na", "--period", "2026-H1").returncode == 0  # (not archived)


def test_archiving_as_of_a_day_to_come_is_told_a_trial_and_the_refusal_no_longer_invites_it(tmp_path):
    """Refused before the due date (E-FLOW-003), an administrator was told 如需测试可用 --today 指定日期; run so,
    with a --today after the due date but before the real one, archive froze the period weeks early (the
    cadres still to hand in as missing, for good) and said nothing but 已备案.  The refusal now says to run it
    after the due date without --today, and an archive as of a day still to come warns W-FLOW-005 (exit 0,
    a trial: not to be committed), in the text and in the JSON report."""
    import datetime as dt
    import json

    repo = make_repo(tmp_path)
    now = dt.date.today()
    refused = run(repo, "archive", "2025-H2", "--today", "2025-12-31")
    assert refused.returncode == 1 and "--today 指定日期" not in refused.stdout and "不加 --today" in refused.stdout
    future = (now + dt.timedelta(days=30)).isoformat()
    r = run(repo, "archive", "2025-H2", "--today", future)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "已备案 2025-H2" in r.stdout and "警告 W-FLOW-005" in r.stdout and f"--today {future}" in r.stdout, r.stdout
    assert "不要提交这份备案" in r.stdout and "records/archive/2025-H2/" in r.stdout, r.stdout
    for rel in ("records/archive/2025-H2.yaml", "records/archive/2025-H2"):
        path = repo / rel
        (path.unlink() if path.is_file() else __import__("shutil").rmtree(path))
    js = json.loads(run(repo, "archive", "2025-H2", "--today", future, "--format", "json", "--lang", "en").stdout)
    assert [f["code"] for f in js["findings"]] == ["W-FLOW-005"] and "Do not commit" in js["findings"][0]["hint"], js
    past = make_repo(tmp_path / "past")
    ok = run(past, "archive", "2025-H2", "--today", "2026-01-10")
    assert ok.returncode == 0 and "W-FLOW-005" not in ok.stdout, ok.stdout


def test_the_archive_hands_in_the_periods_student_feedback_and_the_cadres_suggestions(archived):
    """备案 (R8) exported 附件2 and the activities of the period: what students raised and how it was handled (R10)
    and the cadres' suggestions to teachers and counsellors (R15) — the rest of each 台账 — were in no file of the
    archive, nor in any download of the period (the site's feedback.xlsx holds every year's threads by their first
    item, as they stand today).  The archive and the site's downloads now hold both, as filed in the period's ledgers,
    in Excel (A4, as 附件2) and CSV."""
    folder = archived / "records/archive/2025-H2"
    man = yaml.safe_load((archived / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    assert {e["path"] for e in man["exports"]} >= {f"archive/2025-H2/{stem}-2025-H2.{ext}"
                                                    for stem in ("feedback", "suggestions") for ext in ("xlsx", "csv")}
    book = openpyxl.load_workbook(folder / "feedback-2025-H2.xlsx").active
    rows = [[c.value.date().isoformat() if isinstance(c.value, dt.datetime) else c.value for c in row]
            for row in book.iter_rows()]  # (the days are Excel dates)
    assert rows[0] == ["编号", "姓名", "单位", "反映日期", "类型", "类别", "问题性质", "内容", "办理状态", "报告对象", "解决情况",
                       "解决日期", "跟进的编号", "说明"]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["2025h2-zhang-wei-1"][1:10] == ["张伟", "计算机学院", "2025-11-12", "问题", "生活后勤", "",
                                                "几名学生反映宿舍热水供应时间太短。", "已上报", "后勤处"]
    assert by_id["2025h2-zhang-wei-2"][8:12] == ["已解决", "", "学院安排研究生助教每周两次答疑。", "2025-10-15"]
    assert book.page_setup.paperSize == 9 and book.print_title_rows == "$1:$1"
    text = (folder / "suggestions-2025-H2.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert text[0] == "姓名,单位,建议对象,内容" and "张伟,计算机学院,辅导员,建议辅导员每月走访宿舍一次。" in text
    assert run(archived, "validate").returncode == 0


def test_a_text_that_opens_like_a_formula_is_text_in_the_csv_excel_opens(tmp_path):
    """The CSV downloads are made for Excel (UTF-8 with BOM), which reads a cell whose text begins with =, +, -
    or @ as a formula: a summary written "-参加新生主题班会…" or "+2 名学生…" showed #NAME? in the activities the
    学工部 opened, and "=HYPERLINK(…)" a live link (CSV injection).  Such a cell now begins with an apostrophe,
    which Excel reads as "text" and does not show; the Excel and JSON files keep the text as written."""
    import csv
    import io
    import json

    repo = make_repo(tmp_path)
    texts = ["-参加新生主题班会，介绍学院培养方案。", '=HYPERLINK("http://example.com","详见")', "+2 名学生反映课程难度较大。",
             "@学院 走访南湖1舍。"]
    ledger = (repo / LEDGER).read_text(encoding="utf-8")
    for old, new in zip(("参加新生主题班会，介绍学院培养方案，回答同学们关于转专业的疑问。", "走访南湖1舍，了解同学们的作息和学习情况。"),
                        texts[:2]):
        ledger = ledger.replace(f"summary: {old}", "summary: " + json.dumps(new, ensure_ascii=False))
    ledger = ledger.replace("content: 建议辅导员每月走访宿舍一次。", "content: " + json.dumps(texts[2], ensure_ascii=False))
    ledger = ledger.replace("description: 一名学生建议增加编程答疑时间。", "description: " + json.dumps(texts[3], ensure_ascii=False))
    edit(repo, LEDGER, text=ledger)
    commit(repo, "2026-01-05 10:00", "台账")
    assert run(repo, "validate").returncode == 0
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    folder = repo / "records/archive/2025-H2"
    cells = [c for name in ("activities", "suggestions", "feedback")
             for row in csv.reader(io.StringIO((folder / f"{name}-2025-H2.csv").read_bytes().decode("utf-8-sig")))
             for c in row]
    assert [c for c in cells if c and c[0] in "=+-@"] == []
    assert {"'" + t for t in texts} <= set(cells)
    xlsx = {c.value for name in ("activities", "suggestions", "feedback")
            for row in openpyxl.load_workbook(folder / f"{name}-2025-H2.xlsx").active.iter_rows() for c in row}
    assert set(texts) <= xlsx
    done = run(repo, "render", "--out", str(tmp_path / "site"), "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    rows = json.loads((tmp_path / "site/downloads/activities-2025-H2.json").read_text(encoding="utf-8"))["rows"]
    assert [r["summary"] for r in rows if r["name"] == "张伟"] == texts[:2]


def test_attachment2_as_handed_in_names_each_cadres_contact_point(archived):
    """Every cadre keeps one contact point (R1), and 附件2 is the ledgers of those contacts; its Excel and CSV, as
    the archive hands them in and the site offers them, named each cadre, unit, post and status but not the class
    or club the ledger is about, which the reader had to look up in 附件1 row by row.  A column 联系点 now names it:
    the ledger's contact points, or for a ledger not handed in the points the cadre held in the period."""
    sheet = openpyxl.load_workbook(archived / "records/archive/2025-H2/attachment2-2025-H2.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:6] == ["序号", "姓名", "单位", "职务", "联系点", "填报状态"]
    by_name = {r[1]: r for r in rows[1:]}
    assert by_name["张伟"][4] == "计算机2501班" and by_name["陈刚"][4] == "计算机2401班"
    assert by_name["李娜"][4:6] == ["机械2501班", "未提交"]  # (not handed in: the class she held in 2025-H2)
    text = (archived / "records/archive/2025-H2/attachment2-2025-H2.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0].startswith("序号,姓名,单位,职务,联系点,填报状态,")


def test_attachment1_calls_a_class_freshman_only_while_it_is(tmp_path):
    """附件1's 年级/新生 marked a class 新生 when it was a freshman class on its row's first day: in December 2026
    the 2025 cohort's 计算机2501班, held since 2025-09-01, read 2025级（新生） — a second-year class counted among the
    freshman classes a reader checks the coverage of (R2) against, beside the real ones of 2026.  A class is now
    新生 while it is one on the row's last day so far (the site's day, for a row in force)."""
    import json

    repo = make_repo(tmp_path)
    grades = {}
    for day in ("2025-10-01", "2026-12-10"):
        done = run(repo, "render", "--out", str(tmp_path / day), "--today", day)
        assert done.returncode == 0, done.stdout + done.stderr
        rows = json.loads((tmp_path / day / "downloads/attachment1.json").read_text(encoding="utf-8"))["rows"]
        grades[day] = {r["point_name"]: r["grade"] for r in rows}
    assert grades["2025-10-01"]["计算机2501班"] == "2025级（新生）"
    assert grades["2026-12-10"]["计算机2501班"] == "2025级"
    assert grades["2026-12-10"]["计算机2401班"] == "2024级"


def test_the_archive_hands_in_each_cadres_reflections(archived):
    """R15: a ledger carries the cadre's suggestions and reflections (工作体会); 05dfc68 handed in the suggestions
    with the archive, the reflections were still in no file of it nor any download of the period."""
    book = openpyxl.load_workbook(archived / "records/archive/2025-H2/reflections-2025-H2.xlsx").active
    rows = [[c.value for c in row] for row in book.iter_rows()]
    assert rows[0] == ["姓名", "单位", "工作体会"]
    assert ["张伟", "计算机学院", "新生入学初期最需要的是学业规划上的指导。"] in rows[1:]
    text = (archived / "records/archive/2025-H2/reflections-2025-H2.csv").read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == "姓名,单位,工作体会"
