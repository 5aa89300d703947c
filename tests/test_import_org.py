"""`python -m generator import classes|cadres FILE`: the university's own spreadsheets (CSV as
Excel saves it in China, XLSX) become records that `validate` passes — real files, the real CLI."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml
from openpyxl import Workbook

import bad_records as B


@pytest.fixture
def work(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    return work


def cli(work, *args):
    run = B.run_cli(B.REPO, work, *args)
    assert "Traceback" not in run.stderr + run.stdout
    return run


def xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def workbook(path, pages, hidden=()):
    """An .xlsx of one sheet per page (title → rows); those named in `hidden` hidden as Excel hides them."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in pages.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        sheet.sheet_state = "hidden" if title in hidden else "visible"
    book.save(path)
    return book


def csv_file(path, rows, encoding):
    path.write_bytes("\r\n".join(",".join(map(str, r)) for r in rows).encode(encoding))
    return path


def snapshot(work):
    return {p: p.read_bytes() for p in (work / "records").rglob("*") if p.is_file()}


def stopped_import(work, kind, *more):
    """A one-row list of `kind` imported with --write (and the arguments `more`) over records that stop it: E-FLOW-006,
    exit 1, nothing written."""
    before = snapshot(work)
    rows = {"classes": [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "cs", "计算机科学与技术", 2026, 30]],
            "cadres": [["姓名", "职务", "单位", "任职日期"], ["李娜", "副院长", "cs", "2024-02-01"]],
            "clubs": [["社团名称", "指导单位", "社团类别"], ["围棋协会", "cs", "文化体育"]]}[kind]
    xlsx(work / "f.xlsx", rows)
    run = cli(work, "import", kind, "f.xlsx", "--write", *more)
    assert run.returncode == 1 and snapshot(work) == before, run.stdout + run.stderr
    assert f"错误 E-FLOW-006: python -m generator import {kind} 没有运行" in run.stdout, run.stdout
    return run


CLASSES = [["序号", "班级名称", "学院", "专业", "年级", "人数", "辅导员", "班主任", "学号", "学生姓名"],
           [1, "计算机2502班", "计算机学院", "计算机科学与技术", "2025级", 31, "钱老师", "孙老师", "20250101", "王小明"],
           [2, "软件2701班", "cs", "软件工程", 2027, "29人", "赵老师", None, "20270102", "李小红"]]


def test_a_class_list_in_xlsx_is_appended_keeping_comments_and_student_columns_refused(work):
    old = work / "records/classes/2025.yaml"
    old.write_text("# 2025 级，教务处 9 月名单\n" + old.read_text(encoding="utf-8") + "  # 以上为秋季学期\n",
                   encoding="utf-8")
    before = old.read_text(encoding="utf-8")
    sheet = xlsx(work / "班级名单.xlsx", CLASSES)

    dry = cli(work, "import", "classes", "班级名单.xlsx")
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert "试运行" in dry.stdout and "cs-2025-02" in dry.stdout and "cs-2027-01" in dry.stdout
    assert "班级名单.xlsx:1:9: 警告 W-IMP-002" in dry.stdout and "“学号”（I 列）" in dry.stdout
    assert "班级名单.xlsx:1:10: 警告 W-IMP-002" in dry.stdout
    assert not (work / "records/classes/2027.yaml").exists() and old.read_text(encoding="utf-8") == before

    wrote = cli(work, "import", "classes", str(sheet), "--write")
    assert wrote.returncode == 0 and "已写入" in wrote.stdout
    after = old.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n").rsplit("\n", 1)[0])  # every old line, in place
    assert "# 2025 级，教务处 9 月名单" in after and "# 以上为秋季学期" in after
    classes = yaml.safe_load(after)["classes"]
    assert [c["id"] for c in classes] == ["cs-2025-01", "cs-2025-02"]
    assert classes[1] == {"id": "cs-2025-02", "name": "计算机2502班", "unit": "cs", "major": "计算机科学与技术",
                          "headcount": 31, "counsellor": "钱老师", "adviser": "孙老师"}
    new = yaml.safe_load((work / "records/classes/2027.yaml").read_text(encoding="utf-8"))
    assert new["cohort"] == 2027 and new["classes"][0]["headcount"] == 29
    text = "".join(p.read_text(encoding="utf-8") for p in (work / "records/classes").glob("*.yaml"))
    assert "20250101" not in text and "王小明" not in text and "李小红" not in text
    assert cli(work, "validate").returncode == 0

    again = cli(work, "import", "classes", str(sheet), "--write")  # the same list again: nothing changes
    assert again.returncode == 0 and "2 条与已有记录相同" in again.stdout
    assert old.read_text(encoding="utf-8") == after


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_a_cadre_list_as_excel_saves_csv_gets_pinyin_ids(work, encoding):
    csv_file(work / "干部.csv", [["姓名", "职务", "所在单位", "任职时间", "手机"],
                                ["吕婷娜", "计算机学院副院长", "计算机学院", "2016/9/1", "13800000000"],
                                ["曾伟杰", "党委学生工作部副部长", "xgb", "2020年3月15日", ""]], encoding)
    run = cli(work, "import", "cadres", "干部.csv", "--write")
    assert run.returncode == 0, run.stdout
    assert "W-IMP-002" in run.stdout and "“手机”（E 列）" in run.stdout
    assert yaml.safe_load((work / "records/cadres/lyu-tingna.yaml").read_text(encoding="utf-8")) == {
        "name": "吕婷娜", "position": "计算机学院副院长", "unit": "cs", "active_from": dt.date(2016, 9, 1)}
    assert (work / "records/cadres/zeng-weijie.yaml").is_file()
    assert "138" not in (work / "records/cadres/lyu-tingna.yaml").read_text(encoding="utf-8")
    assert cli(work, "validate").returncode == 0


def test_a_namesake_gets_the_next_id_and_the_same_person_is_matched(work):
    sheet = xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"],
                                   ["李娜", "党委学生工作部部长", "党委学生工作部", "2021-03-01"],
                                   ["厉娜", "计算机学院院长", "计算机学院", "2023-07-01"]])
    run = cli(work, "import", "cadres", str(sheet), "--write")
    assert run.returncode == 0, run.stdout
    assert "1 条与已有记录相同" in run.stdout
    assert yaml.safe_load((work / "records/cadres/li-na-2.yaml").read_text(encoding="utf-8"))["name"] == "厉娜"
    assert cli(work, "validate").returncode == 0


def test_a_cadre_listed_again_under_another_id_is_a_warning_naming_the_record(work):
    """The same cadre in two lists: the 组织部's without 编号 (imported as wang-fang), then another
    with an 编号 column (wf).  The second import wrote records/cadres/wf.yaml, a second 王芳, with
    not a word.  A new cadre whose name (as compared: spaces, full-width) is an existing cadre's
    is now W-IMP-011 naming that record and its id: two cadres of one name may well be two people,
    so the import still goes on."""
    xlsx(work / "a.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "党委学生工作部副部长", "xgb", "2024-02-01"]])
    assert cli(work, "import", "cadres", "a.xlsx", "--write").returncode == 0
    xlsx(work / "b.xlsx", [["编号", "姓名", "职务", "单位", "任职日期"], ["wf", "王　芳", "党委学生工作部副部长", "xgb", "2024-02-01"],
                           ["zq", "赵强", "计算机学院副院长", "cs", "2024-02-01"]])
    run = cli(work, "import", "cadres", "b.xlsx")
    assert run.returncode == 0, run.stdout
    assert ("b.xlsx:2:2: 警告 W-IMP-011: 第 2 行的干部“王芳”（编号 wf）与已有记录 records/cadres/wang-fang.yaml"
            "（编号 wang-fang，xgb）同名") in run.stdout, run.stdout
    assert "请把表格中的编号改成 wang-fang" in run.stdout and run.stdout.count("W-IMP-011") == 1, run.stdout
    assert "在新记录（编号 wf）中加一行 namesake: [wang-fang]" in run.stdout, run.stdout  # (two people: W-REF-001's way)
    en = cli(work, "import", "cadres", "b.xlsx", "--lang", "en")
    assert ("row 2: cadre '王芳' (id wf) has the name of the existing record records/cadres/wang-fang.yaml (id wang-fang, xgb)"
            in en.stdout), en.stdout
    # written all the same, the two records passed `validate` without a word: each is told now, naming the other
    assert cli(work, "import", "cadres", "b.xlsx", "--write").returncode == 0
    run = cli(work, "validate")
    assert run.returncode == 0 and run.stdout.count("W-REF-001") == 2, run.stdout
    assert ("records/cadres/wf.yaml:1:7: 警告 W-REF-001: 干部“王芳”与 records/cadres/wang-fang.yaml:1:7（编号 wang-fang，党委学生工作部）"
            in run.stdout and "namesake: [wang-fang]" in run.stdout), run.stdout


def test_rows_in_error_say_where_and_nothing_is_written(work):
    before = snapshot(work)
    csv_file(work / "班级.csv", [["班级名称", "学院", "专业", "年级", "人数"],
                                ["计算机2503班", "计算机学院", "计算机科学与技术", "2025", "三十"],
                                ["网安2501班", "网络学院", "网络空间安全", "2025", "30"],
                                ["", "计算机学院", "软件工程", "2025", "30"]], "gbk")
    run = cli(work, "import", "classes", "班级.csv")
    assert run.returncode == 1
    assert "班级.csv:2:5: 错误 E-IMP-004: 第 2 行的“人数”（E 列）“三十”" in run.stdout
    assert "班级.csv:3:2: 错误 E-IMP-005: 第 3 行的单位“网络学院”（B 列）" in run.stdout
    assert "班级.csv:4:1: 错误 E-IMP-003: 第 4 行的“班级名称”（A 列）是空的" in run.stdout
    assert "未写入" in run.stdout
    en = cli(work, "import", "classes", "班级.csv", "--write", "--lang", "en")
    assert en.returncode == 1 and "row 3: unit '网络学院' (column B) is not in records/units.yaml" in en.stdout
    assert snapshot(work) == before

    xlsx(work / "no-unit.xlsx", [["班级名称", "专业", "人数"], ["计算机2503班", "计算机科学与技术", 30]])
    missing = cli(work, "import", "classes", "no-unit.xlsx", "--cohort", "2025")
    assert missing.returncode == 1 and "缺少必填的列“学院”" in missing.stdout and "所属学院" in missing.stdout
    assert snapshot(work) == before

    xlsx(work / "long.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "部长" * 31, "xgb", "2024-02-30"]])
    long = cli(work, "import", "cadres", "long.xlsx")
    assert long.returncode == 1 and "long.xlsx:2:2: 错误 E-IMP-004" in long.stdout and "不超过 60 个字" in long.stdout
    assert "long.xlsx:2:4: 错误 E-IMP-004" in long.stdout and "“2024-02-30”不是日期" in long.stdout
    assert snapshot(work) == before


def test_a_unit_written_by_a_short_name_units_yaml_lacks_is_told_to_add_it_there(work):
    """A list that writes its schools by a short name (计院 for 计算机学院) was told, at every row,
    请写 records/units.yaml 中单位的全称（name）或编号（id） — an administrator changed every cell of
    the sheet, and of the next term's, never told of short_names, which units.yaml has for just
    this.  The hint now names it, with the line to write."""
    csv_file(work / "班级.csv", [["班级名称", "学院", "专业", "年级", "人数"],
                                ["计算机2503班", "计院", "计算机科学与技术", "2025", "30"]], "gbk")
    run = cli(work, "import", "classes", "班级.csv")
    assert run.returncode == 1 and "班级.csv:2:2: 错误 E-IMP-005" in run.stdout, run.stdout
    assert "简称（short_names）" in run.stdout and "short_names: [计院]" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "班级.csv", "--lang", "en")
    assert "short name (short_names)" in en.stdout and "short_names: [计院]" in en.stdout, en.stdout
    units = work / "records/units.yaml"  # (as the hint says)
    units.write_text(units.read_text(encoding="utf-8").replace("    name: 计算机学院\n", "    name: 计算机学院\n    short_names: [计院]\n"),
                     encoding="utf-8")
    assert cli(work, "import", "classes", "班级.csv").returncode == 0


def test_a_unit_units_yaml_lacks_is_told_once_with_its_rows(work):
    """A class list (GBK CSV) of a school units.yaml does not have, 网络学院, on three rows: E-IMP-005
    was told at each, its hint three times over, and another unknown unit's lost among them.  Each
    unit not found is told once, at its first row, naming every row that gives it (written 网络 学院 too)."""
    csv_file(work / "班级.csv", [["班级名称", "学院", "专业", "年级", "人数"],
                                ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30],
                                ["网安2601班", "网络学院", "网络空间安全", 2026, 30],
                                ["网安2602班", "网络 学院", "网络空间安全", 2026, 31],
                                ["计算机2603班", "计院", "计算机科学与技术", 2026, 30],
                                ["网安2603班", "网络学院", "网络空间安全", 2026, 29]], "gbk")
    run = cli(work, "import", "classes", "班级.csv")
    assert run.returncode == 1, run.stdout
    assert "班级.csv:3:2: 错误 E-IMP-005: 第 3–4、6 行的单位“网络学院”（B 列）在 records/units.yaml 中找不到" in run.stdout, run.stdout
    assert "班级.csv:5:2: 错误 E-IMP-005: 第 5 行的单位“计院”（B 列）" in run.stdout, run.stdout
    assert run.stdout.count("E-IMP-005") == 2 and "2 个错误" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "班级.csv", "--lang", "en")
    assert "error E-IMP-005: rows 3–4, 6: unit '网络学院' (column B) is not in records/units.yaml" in en.stdout, en.stdout
    assert "error E-IMP-005: row 5: unit '计院' (column B)" in en.stdout, en.stdout
    csv_file(work / "干部.csv", [["姓名", "单位及职务", "任职日期"], ["李四", "计算机学院 副院长", "2020-01-01"],
                                ["王五", "网络学院 院长", "2020-01-01"], ["赵六", "网络学院 副院长", "2020-13-01"]], "gbk")
    run = cli(work, "import", "cadres", "干部.csv")  # (told row by row: row 3's unit before row 4's date)
    assert run.stdout.index("干部.csv:3:2: 错误 E-IMP-005") < run.stdout.index("干部.csv:4:3: 错误 E-IMP-004"), run.stdout
    assert [line.split(": ", 2)[1] for line in run.stdout.splitlines() if " E-IMP-" in line] == [
        "错误 E-IMP-005", "错误 E-IMP-004"], run.stdout
    assert "第 3–4 行的单位“网络学院”（B 列）" in run.stdout, run.stdout


def test_the_example_a_hint_gives_is_spaced_from_its_words(work):
    """E-IMP-004 ran a number into the words before it: “去年”不是1950 到 2100 之间的入学年份, “三十”不是1 到
    500 之间的人数, and its hint 请改为2016-12-01 这样的日期, 请改为2025 或 2025级 — every other message
    spaces a date, a number or an id from the Chinese around it.  They now read 不是入学年份（1950 到 2100
    之间）, 不是人数（1 到 500 之间的整数）, 请改为形如 2016-12-01 的日期, 请改为形如 2025 或 2025级 的年份."""
    csv_file(work / "班级.csv", [["班级名称", "学院", "专业", "年级", "人数", "存续至"],
                                ["计算机2503班", "cs", "计算机科学与技术", "去年", "三十", "2020-13-01"]], "gbk")
    run = cli(work, "import", "classes", "班级.csv")
    assert "班级.csv:2:4: 错误 E-IMP-004" in run.stdout and "“去年”不是入学年份（1950 到 2100 之间）" in run.stdout
    assert "请改为形如 2025 或 2025级 的年份。" in run.stdout and "“三十”不是人数（1 到 500 之间的整数）" in run.stdout, run.stdout
    assert "班级.csv:2:6: 错误 E-IMP-004" in run.stdout and "请改为形如 2016-12-01 的日期。" in run.stdout, run.stdout


@pytest.mark.parametrize("kind,rows,bad,same", [
    ("classes", [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30],
                 ["计算机2603班", "计算机学院", "计算机科学与技术", 2026, "三十"],
                 ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30]],
     "班级.csv:3:5: 错误 E-IMP-004", "班级.csv:4:1: 错误 E-IMP-006: 第 4 行与第 2 行是同一条记录（计算机2602班）"),
    ("cadres", [["姓名", "职务", "单位", "任职日期"], ["吕婷娜", "副院长", "计算机学院", "2016/9/1"],
                ["曾伟杰", "副部长", "党委学生工作部", "去年三月"], ["吕婷娜", "副院长", "计算机学院", "2016/9/1"]],
     "班级.csv:3:4: 错误 E-IMP-004", "班级.csv:4:1: 错误 E-IMP-006: 第 4 行与第 2 行是同一条记录（吕婷娜 lyu-tingna）"),
])
def test_a_duplicate_row_is_told_in_the_same_run_as_a_cell_in_error(work, kind, rows, bad, same):
    """A list (GBK CSV) with a cell in error and a row entered twice: only the cell was told (the
    duplicates are found as the records are matched, which an error stopped), so the clerk fixed it,
    ran the import again, and only then was told E-IMP-006.  Both are told in the one run; fixed
    as told, the list is written, once."""
    csv_file(work / "班级.csv", rows, "gbk")
    before = snapshot(work)
    run = cli(work, "import", kind, "班级.csv", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert bad in run.stdout and same in run.stdout, run.stdout
    assert run.stdout.count("错误 E-IMP") == 2 and "新增" not in run.stdout, run.stdout  # (nothing else of the matching)
    csv_file(work / "班级.csv", [rows[0], rows[1], rows[3], rows[2]], "gbk")  # (the duplicate above the cell in error)
    run = cli(work, "import", kind, "班级.csv")
    assert run.stdout.index("班级.csv:3:1: 错误 E-IMP-006") < run.stdout.index(bad.replace(":3:", ":4:")), run.stdout
    rows[2][-1] = 31 if kind == "classes" else "2020-03-15"
    csv_file(work / "班级.csv", rows[:3], "gbk")
    run = cli(work, "import", kind, "班级.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert cli(work, "validate").returncode == 0


@pytest.mark.parametrize("kind,rows,bad,matched", [
    ("classes", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                 ["cs-2026-01", "计算机2601班", "计算机学院", "计算机科学与技术", 2026, 33],
                 ["club-robotics", "计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30],
                 ["cs-2026-03", "计算机2603班", "计算机学院", "计算机科学与技术", 2026, "三十"]],
     "班级.csv:4:6: 错误 E-IMP-004",
     ["班级.csv:2:6: 错误 E-IMP-007: 第 2 行与已有记录 records/classes/2026.yaml cs-2026-01 不一致",
      "班级.csv:3:1: 错误 E-IMP-008: 无法把第 3 行合并进 records/clubs.yaml club-robotics"]),
    ("cadres", [["姓名", "职务", "单位", "任职日期"], ["曾伟杰", "副部长", "党委学生工作部", "去年三月"],
                ["李娜", "计算机学院院长", "计算机学院", "2021-03-01"]],
     "班级.csv:2:4: 错误 E-IMP-004",
     ["班级.csv:3:3: 错误 E-IMP-010: 第 3 行的单位“cs”与 records/cadres/li-na.yaml 的单位“xgb”不同"]),
])
def test_a_row_the_records_refuse_is_told_in_the_same_run_as_a_cell_in_error(work, kind, rows, bad, matched):
    """A list (GBK CSV) with a cell in error and rows the records refuse — a class that disagrees with
    its record (E-IMP-007), a class given a club's id (E-IMP-008), a cadre moved to another unit
    (E-IMP-010): only the cell was told, and the others only in the run after it was fixed.  All are
    told in the one run, row by row, each once; nothing of what would be written."""
    csv_file(work / "班级.csv", rows, "gbk")
    before = snapshot(work)
    run = cli(work, "import", kind, "班级.csv", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    told = [bad, *matched]
    assert all(t in run.stdout for t in told), run.stdout
    assert run.stdout.count("错误 E-IMP") == len(told) and "新增" not in run.stdout, run.stdout
    at = sorted(told, key=lambda t: int(t.split(":")[1]))
    assert [run.stdout.index(t) for t in at] == sorted(run.stdout.index(t) for t in at), run.stdout  # (row by row)


def test_an_existing_record_that_differs_is_reported_and_changed_only_with_update(work):
    path = work / "records/cadres/li-na.yaml"
    path.write_text("# 组织部 2021 年任命\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"],
                           ["李娜", "党委学生工作部部长（兼）", "党委学生工作部", "2021-03-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 1 and "c.xlsx:2:2: 错误 E-IMP-007" in run.stdout and "--update" in run.stdout
    assert snapshot(work) == before
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update")
    assert run.returncode == 0 and "更新 records/cadres/li-na.yaml" in run.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 组织部 2021 年任命\nname: 李娜\nposition: 党委学生工作部部长（兼）\n")
    assert 'active_from: "2021-03-01"' in text  # (not rewritten: the same date)
    assert cli(work, "validate").returncode == 0


@pytest.mark.parametrize("name,content", [("list.xls", b"\xd0\xcf\x11\xe0"), ("list.xlsx", b"not a zip"),
                                          ("missing.csv", None), ("web.xls", b"<html><table></table></html>")])
def test_a_file_that_cannot_be_read_exits_2(work, name, content):
    if content is not None:
        (work / name).write_bytes(content)
    run = cli(work, "import", "cadres", name)
    assert run.returncode == 2 and "E-IMP-001" in run.stdout


@pytest.mark.parametrize("name", ["班级名单.et", "班级名单模板.ETT"])
def test_a_wps_spreadsheet_says_how_to_save_it_as_xlsx_in_wps(work, name):
    """A clerk who keeps her lists in WPS 表格 gives its own .et file (a compound document, as an old
    .xls is: the bytes of one here): it was told 只支持 .xlsx、.xls 和 .csv 文件, not how to get one.
    It is told, in WPS's own menu words, how to save it as .xlsx; nothing is read or written."""
    shutil.copy(B.REPO / "tests/fixtures/import/班级名单.xls", work / name)
    before = snapshot(work)
    run = cli(work, "import", "classes", name, "--write")
    assert run.returncode == 2 and snapshot(work) == before, run.stdout
    suffix = name[name.rindex("."):].lower()
    assert (f"{name}: 错误 E-IMP-001: 无法读取表格：这是 WPS 表格的 {suffix} 文件，导入读不了：请在 WPS 中打开它，点左上角的"
            "“文件”→“另存为”，“文件类型”选“Microsoft Excel 文件(*.xlsx)”，保存后导入存成的 .xlsx 文件") in run.stdout, run.stdout
    en = cli(work, "--lang", "en", "import", "classes", name)
    assert f"this is a WPS Spreadsheets {suffix} file" in en.stdout and "另存为 (Save As)" in en.stdout, en.stdout


def test_a_title_row_above_the_headings_and_a_unit_short_name_are_understood(work):
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "    name: 计算机学院\n", "    name: 计算机学院\n    short_names: [计算机, 计院]\n"), encoding="utf-8")
    xlsx(work / "名单.xlsx", [["2026 级班级名单（教务处）"], [],
                             ["班级名称", "所属学院", "专业", "人数", "班导师"],
                             ["计算机2602班", "计院", "计算机科学与技术", 33, "周老师"]])
    run = cli(work, "import", "classes", "名单.xlsx", "--cohort", "2026", "--write")
    assert run.returncode == 0 and "W-IMP" not in run.stdout, run.stdout
    added = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert added == {"id": "cs-2026-02", "name": "计算机2602班", "unit": "cs", "major": "计算机科学与技术",
                     "headcount": 33, "adviser": "周老师"}
    assert cli(work, "validate").returncode == 0


def test_a_missing_column_names_the_row_of_the_headings_or_says_none_was_found(work):
    """E-IMP-002 told the administrator to add the missing column “在第一行” (to the first row)
    whatever row the headings were in: under a title row, the headings in row 3, adding it to row
    1 does nothing.  It now names the headings' row.  Headings below the first 10 rows (a long 填表说明
    above them) are not looked for; the hint said to add the columns to the first row, where the
    notes are: it now says no row of headings was found in the first 10 rows, and what to do."""
    xlsx(work / "名单.xlsx", [["2026 级班级名单（教务处）"], [], ["班级名称", "所属学院", "专业", "年级"],
                             ["计算机2602班", "计算机学院", "计算机科学与技术", 2026]])
    run = cli(work, "import", "classes", "名单.xlsx")
    assert run.returncode == 1 and "名单.xlsx:3:1: 错误 E-IMP-002: 缺少必填的列“人数”" in run.stdout, run.stdout
    assert "请在列标题所在的第 3 行加上这一列，列标题可写作：人数、" in run.stdout and "第一行" not in run.stdout, run.stdout
    en = cli(work, "import", "classes", "名单.xlsx", "--lang", "en")
    assert "Add this column to the headings' row, row 3; its heading may be one of: 人数, " in en.stdout, en.stdout
    xlsx(work / "说明.xlsx", [[f"填表说明第 {i} 条"] for i in range(1, 12)] + [
        ["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "说明.xlsx")
    assert run.returncode == 1 and "说明.xlsx:1:1: 错误 E-IMP-002: 缺少必填的列“班级名称”" in run.stdout, run.stdout
    assert "表格的前 10 行中没有认得出的列标题行" in run.stdout and "删去上面的几行" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "说明.xlsx", "--lang", "en")
    assert "None of the first 10 rows holds headings this import knows" in en.stdout, en.stdout


def test_a_cadre_who_moved_is_not_rewritten_even_with_update(work):
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"],
                           ["李娜", "计算机学院院长", "计算机学院", "2021-03-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update", "--lang", "en")
    assert run.returncode == 1 and "c.xlsx:2:3: error E-IMP-010" in run.stdout and "earlier" in run.stdout
    assert snapshot(work) == before


def test_a_cadre_file_updated_is_read_back_before_anything_is_written(work):
    """A cadre's file not written as the project writes it (one line of { }) cannot take a new
    value in place: E-IMP-008, nothing written, as for class and unit files."""
    cadre = work / "records/cadres/li-na.yaml"
    cadre.write_text("{name: 李娜, position: 党委学生工作部部长, unit: xgb, active_from: 2021-03-01}\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "Git 账号"],
                           ["李娜", "党委学生工作部部长", "xgb", "2021-03-01", "li-na"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "c.xlsx:2:1: 错误 E-IMP-008: 无法把第 2 行合并进 records/cadres/li-na.yaml：" in run.stdout
    assert cli(work, "validate").returncode == 0


def test_a_unit_with_more_short_names_or_reviewers_than_validate_allows_is_refused(work):
    """A units list whose 简称 cell held 12 names (validate allows 10), one of them longer than 60
    characters, and whose 审核人账号 held 22 accounts (validate allows 20) was written into
    records/units.yaml: validate then failed (E-SCHEMA-006), and every import after it stopped at
    E-FLOW-006 until the file was mended by hand.  Each is now E-IMP-004 at the cell, saying how many
    (or how long) validate allows, and nothing is written."""
    xlsx(work / "u.xlsx", [["单位编号", "单位名称", "单位类型", "简称", "审核人账号"],
                           ["math", "数学学院", "学院", "、".join(f"数{i}" for i in range(12)), "、".join(f"r{i}" for i in range(22))],
                           ["phy", "物理学院", "学院", "物院、" + "物" * 61, "li-na"]])
    before = snapshot(work)
    run = cli(work, "import", "units", "u.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "u.xlsx:2:4: 错误 E-IMP-004: 第 2 行的“简称”（D 列）“数0、数1、" in run.stdout, run.stdout
    assert "不是不超过 10 项的简称" in run.stdout and "不是不超过 20 项的审核人账号" in run.stdout, run.stdout
    assert "u.xlsx:3:4: 错误 E-IMP-004" in run.stdout and "每项不超过 60 个字" in run.stdout, run.stdout
    en = cli(work, "import", "units", "u.xlsx", "--lang", "en")
    assert "is not at most 20 reviewers" in en.stdout and "each of at most 60 characters" in en.stdout, en.stdout


def test_a_list_of_units_is_appended_and_then_its_short_names_serve_the_class_list(work):
    units = work / "records/units.yaml"
    units.write_text("# 学院与部门\n" + units.read_text(encoding="utf-8"), encoding="utf-8")
    before = units.read_text(encoding="utf-8")
    csv_file(work / "单位.csv", [["单位编号", "单位名称", "单位类型", "简称", "党委名称", "审核人"],
                                ["cs", "计算机学院", "学院", "", "计算机学院党委", "cs-reviewer"],
                                ["sfl", "外国语学院", "学院（部）", "外院、外语学院", "外国语学院党委", "wang-a；li-b"],
                                ["hr", "人事处", "职能部门", "", "", ""]], "gbk")
    run = cli(work, "import", "units", "单位.csv", "--write")
    assert run.returncode == 0, run.stdout
    assert "1 条与已有记录相同" in run.stdout
    text = units.read_text(encoding="utf-8")
    assert text.startswith(before)
    assert yaml.safe_load(text)["units"][2:] == [
        {"id": "sfl", "name": "外国语学院", "short_names": ["外院", "外语学院"], "type": "学院",
         "party_committee": "外国语学院党委", "reviewers": ["wang-a", "li-b"]},
        {"id": "hr", "name": "人事处", "type": "部门", "reviewers": []}]
    assert cli(work, "validate").returncode == 0

    xlsx(work / "班级.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["英语2601班", "外院", "英语", 2026, 30]])
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "sfl-2026-01" in run.stdout
    assert cli(work, "validate").returncode == 0

    csv_file(work / "改名.csv", [["编号", "名称", "类型"], ["hr2", "人事处", "部门"], ["lib", "图书馆", "直属单位"]], "utf-8")
    bad = cli(work, "import", "units", "改名.csv")
    assert bad.returncode == 1 and "改名.csv:3:3: 错误 E-IMP-004" in bad.stdout and "“直属单位”不是单位类型" in bad.stdout
    csv_file(work / "改名.csv", [["编号", "名称", "类型"], ["hr2", "人事处", "部门"]], "utf-8")
    bad = cli(work, "import", "units", "改名.csv", "--write")
    assert bad.returncode == 1 and "E-IMP-008" in bad.stdout and "已有编号 hr" in bad.stdout
    assert "hr2" not in units.read_text(encoding="utf-8")


@pytest.mark.parametrize("separator,encoding,short", [
    (";", "gbk", "外院,外语学院"),  # (Excel's CSV where the decimal mark is a comma: a comma in a cell is no separator)
    (";", "utf-8-sig", "外院、外语学院"),
    ("\t", "utf-8", "外院,外语学院"),  # (a system's tab-separated export saved as .csv)
    (",", "gbk", '"外院;外语学院"'),  # (a semicolon inside a comma CSV's cell is the cell's)
])
def test_a_csv_separated_by_semicolons_or_tabs_is_read_by_its_separator(work, separator, encoding, short):
    """A unit list saved as CSV by Excel in a locale whose decimal mark is a comma separates its cells
    by semicolons: each line was one unknown column, 不认识的列“单位编号;单位名称;…” (W-IMP-001) and
    E-IMP-002 for each required column.  The separator is now the one that parses the first lines
    into the most cells, a comma on a tie, and the list is read."""
    rows = [["单位编号", "单位名称", "单位类型", "简称"], ["sfl", "外国语学院", "学院", short], ["hr", "人事处", "部门", ""]]
    (work / "单位.csv").write_bytes("\r\n".join(separator.join(r) for r in rows).encode(encoding))
    run = cli(work, "import", "units", "单位.csv", "--write")
    assert run.returncode == 0 and "W-IMP" not in run.stdout, run.stdout
    assert yaml.safe_load((work / "records/units.yaml").read_text(encoding="utf-8"))["units"][2:] == [
        {"id": "sfl", "name": "外国语学院", "short_names": ["外院", "外语学院"], "type": "学院", "reviewers": []},
        {"id": "hr", "name": "人事处", "type": "部门", "reviewers": []}]
    assert cli(work, "validate").returncode == 0


def test_a_class_is_added_right_after_the_last_class_before_what_follows_the_list(work):
    path = work / "records/classes/2024.yaml"
    path.write_text("classes:\n  - id: cs-2024-01\n    name: 计算机2401班\n    unit: cs\n    major: 计算机科学与技术\n"
                    "    headcount: 30\n    dormitories:\n      - 南湖1舍\n# 以下为年级信息\ncohort: 2024\n", encoding="utf-8")
    csv_file(work / "c.csv", [["班级名称", "学院", "专业", "年级", "人数", "班主任"],
                              ["计算机2401班", "cs", "计算机科学与技术", 2024, 30, "孙老师"],
                              ["计算机2402班", "cs", "计算机科学与技术", 2024, 31, ""]], "utf-8")
    assert cli(work, "import", "classes", "c.csv", "--write", "--update").returncode == 0
    assert path.read_text(encoding="utf-8") == (
        "classes:\n  - id: cs-2024-01\n    name: 计算机2401班\n    unit: cs\n    major: 计算机科学与技术\n"
        "    headcount: 30\n    dormitories:\n      - 南湖1舍\n    adviser: 孙老师\n"
        "  - id: cs-2024-02\n    name: 计算机2402班\n    unit: cs\n    major: 计算机科学与技术\n    headcount: 31\n"
        "# 以下为年级信息\ncohort: 2024\n")
    assert cli(work, "validate").returncode == 0


def test_cohort_gives_the_year_of_rows_whose_grade_cell_is_empty(work):
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                           ["计算机2603班", "cs", "计算机科学与技术", None, 30],
                           ["计算机2503班", "cs", "计算机科学与技术", "2025级", 30]])
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "2026", "--write")
    assert run.returncode == 0, run.stdout
    assert "cs-2026-02" in run.stdout and "cs-2025-02" in run.stdout
    assert cli(work, "validate").returncode == 0


def test_every_sheet_of_a_workbook_is_read_and_positions_name_the_sheet(work):
    book = Workbook()
    book.active.title = "2025级"
    for row in [["班级名称", "学院", "专业", "人数"], ["计算机2502班", "计算机学院", "计算机科学与技术", 30]]:
        book.active.append(row)
    later = book.create_sheet("2026级")  # one sheet per cohort, a title row, no 年级 column: the sheet's name gives it
    for row in [["2026级班级名单"], ["班级名称", "学院", "专业", "人数"], ["计算机2602班", "cs", "计算机科学与技术", "三十"]]:
        later.append(row)
    book.create_sheet("说明").append(["本表由教务处整理，2026 年 9 月"])
    book.save(work / "班级名单.xlsx")
    before = snapshot(work)

    run = cli(work, "import", "classes", "班级名单.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before
    assert "班级名单.xlsx[2026级]:3:4: 错误 E-IMP-004: 第 3 行的“人数”（D 列）“三十”" in run.stdout
    assert "班级名单.xlsx[说明]:1:1: 警告 W-IMP-003: 工作表“说明”中没有认出列标题" in run.stdout

    later["D3"] = 31
    later.append(["计算机2502班", "cs", "计算机科学与技术", 30, ])
    later["A4"], later["D4"] = "计算机2603班", 29
    book.save(work / "班级名单.xlsx")
    run = cli(work, "import", "classes", "班级名单.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert "W-IMP-003" in run.stdout
    assert [c["name"] for c in yaml.safe_load((work / "records/classes/2025.yaml").read_text(encoding="utf-8"))[
        "classes"]] == ["计算机2501班", "计算机2502班"]
    assert [c["id"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))[
        "classes"]] == ["cs-2026-01", "cs-2026-02", "cs-2026-03"]
    assert cli(work, "validate").returncode == 0

    book = Workbook()
    book.active.title = "计算机学院"
    for row in [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2604班", "cs", "计算机科学与技术", 2026, 30]]:
        book.active.append(row)
    other = book.create_sheet("汇总")
    for row in [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2604班", "cs", "计算机科学与技术", 2026, 30]]:
        other.append(row)
    book.save(work / "两页.xlsx")
    run = cli(work, "import", "classes", "两页.xlsx", "--lang", "en")
    assert run.returncode == 1
    assert "两页.xlsx[汇总]:2:1: error E-IMP-006: row 2 is the same record as row 2 of 两页.xlsx[计算机学院]" in run.stdout


def test_a_class_already_recorded_under_another_id_is_not_added_again(work):
    """The same class in two files: the 教务处's list (no 班级编号: the import gave it cs-2026-02),
    then a school's list with a 班级编号 column (202602).  The second import added the class again,
    a second 计算机2602班 in 2026.yaml that validate passes, with only W-IMP-004, whose hint spoke of
    two cohorts or two schools.  A class of the same cohort and name already recorded under
    another id is now E-IMP-008 naming the record and its id (as a unit of the same name is), and
    nothing is written."""
    xlsx(work / "教务处.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                              ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30]])
    assert cli(work, "import", "classes", "教务处.xlsx", "--write").returncode == 0
    xlsx(work / "学院.xlsx", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                             ["202602", "计算机 2602班", "计算机学院", "计算机科学与技术", 2026, 30],
                             ["202603", "计算机2603班", "计算机学院", "计算机科学与技术", 2026, 31]])
    before = snapshot(work)
    run = cli(work, "import", "classes", "学院.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert ("学院.xlsx:2:1: 错误 E-IMP-008: 无法把第 2 行合并进 records/classes/2026.yaml cs-2026-02：班级“计算机2602班”已有编号 "
            "cs-2026-02") in run.stdout, run.stdout
    en = cli(work, "import", "classes", "学院.xlsx", "--lang", "en")
    assert "row 2 cannot be merged into records/classes/2026.yaml cs-2026-02: class '计算机2602班' has the id cs-2026-02" \
        in en.stdout, en.stdout
    names = [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]]
    assert names.count("计算机2602班") == 1, names


def test_a_class_name_already_under_another_cohort_or_unit_is_a_warning_naming_both_places(work):
    book = Workbook()
    book.active.title = "2026级"
    for row in [["班级名称", "学院", "专业", "年级", "人数"],
                ["计算机2501班", "cs", "计算机科学与技术", 2026, 30],  # 2025's class, under 2026: a typo
                ["计算机2602班", "cs", "计算机科学与技术", 2026, 30],
                ["计算机2601班", "cs", "计算机科学与技术", 2026, 32]]:  # 2026's own: the same record
        book.active.append(row)
    other = book.create_sheet("学工部")
    for row in [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "xgb", "计算机科学与技术", 2027, 30]]:
        other.append(row)
    book.save(work / "班级.xlsx")
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert ("班级.xlsx[2026级]:2:1: 警告 W-IMP-004: 第 2 行的班级“计算机2501班”（2026 级，cs）与 "
            "records/classes/2025.yaml:3 的班级 cs-2025-01（2025 级，cs）同名") in run.stdout
    assert ("班级.xlsx[学工部]:2:1: 警告 W-IMP-004: 第 2 行的班级“计算机2602班”（2027 级，xgb）与 "
            "班级.xlsx[2026级]:3 的班级 cs-2026-03（2026 级，cs）同名") in run.stdout
    assert run.stdout.count("W-IMP-004") == 2  # (计算机2601班 is its own record)
    assert cli(work, "validate").returncode == 0


def test_update_changes_a_value_written_as_lines_of_a_list_keeping_its_comments(work):
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "    name: 计算机学院\n", "    name: 计算机学院\n    short_names:\n      - 计院  # 教务处名单用\n      - 计算机\n").replace(
        "    reviewers: [wang-admin]\n", "    reviewers:\n      - wang-admin\n      # 2025 年离任：\n      - zhao-old\n"
        "# 以下为直属单位\n"), encoding="utf-8")
    csv_file(work / "单位.csv", [["单位编号", "单位名称", "单位类型", "简称", "审核人", "党委名称"],
                                ["cs", "计算机学院", "学院", "计院、计算机、计科", "cs-reviewer", "计算机学院党委"],
                                ["xgb", "党委学生工作部", "部门", "", "li-b、wang-admin", "学工部党委"]], "utf-8")
    run = cli(work, "import", "units", "单位.csv", "--update", "--write")
    assert run.returncode == 0, run.stdout
    assert units.read_text(encoding="utf-8").endswith(
        "    short_names:\n      - 计院  # 教务处名单用\n      - 计算机\n      - 计科\n    type: 学院\n"
        "    party_committee: 计算机学院党委\n    reviewers: [cs-reviewer]\n"
        "  - id: xgb\n    name: 党委学生工作部\n    type: 部门\n    reviewers:\n      - li-b\n      - wang-admin\n"
        "    party_committee: 学工部党委\n# 以下为直属单位\n")
    assert cli(work, "validate").returncode == 0

    classes = work / "records/classes/2026.yaml"
    classes.write_text("cohort: 2026\nclasses: [{id: cs-2026-01, name: 计算机2601班, unit: cs, major: 计算机科学与技术, "
                       "headcount: 32}]\n", encoding="utf-8")
    before = snapshot(work)
    csv_file(work / "c.csv", [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2501班", "cs", "计算机科学与技术", 2025, 31],
                              ["计算机2602班", "cs", "计算机科学与技术", 2026, 30]], "utf-8")
    run = cli(work, "import", "classes", "c.csv", "--update", "--write")
    assert run.returncode == 1 and snapshot(work) == before
    assert "c.csv:3:1: 错误 E-IMP-008: 无法把第 3 行合并进 records/classes/2026.yaml:2：" in run.stdout
    assert cli(work, "validate").returncode == 0  # (validate takes [ … ]: the hint must say what to do instead)
    assert "一项一行" in run.stdout.split("怎么改:")[1] and "再运行一次导入" in run.stdout
    classes.write_text(yaml.safe_dump(yaml.safe_load(classes.read_text(encoding="utf-8")), allow_unicode=True,
                                      sort_keys=False), encoding="utf-8")  # one item per line, as the hint says
    run = cli(work, "import", "classes", "c.csv", "--update", "--write")
    assert run.returncode == 0 and "计算机2602班" in classes.read_text(encoding="utf-8"), run.stdout


def test_an_old_excel_xls_is_read_every_sheet_and_its_date_cells(work):
    """The .xls files were written with xlwt (tests/fixtures/import/make_xls.py): old Excel, BIFF8."""
    for name in ("班级名单.xls", "干部名单.xls"):
        shutil.copy(B.REPO / "tests/fixtures/import" / name, work / name)
    csv_file(work / "导出.xls", [["班级名称\t学院\t专业\t年级\t人数"], ["计算机2603班\tcs\t计算机科学与技术\t2026\t30"]], "gbk")
    run = cli(work, "import", "classes", "导出.xls")  # (what a system exports as .xls is often tab-separated text)
    assert run.returncode == 0 and "cs-2026-02（计算机2603班）" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "班级名单.xls", "--write")
    assert run.returncode == 0, run.stdout
    assert "班级名单.xls[说明]:1:1: 警告 W-IMP-003" in run.stdout
    assert yaml.safe_load((work / "records/classes/2025.yaml").read_text(encoding="utf-8"))["classes"][-1] == {
        "id": "cs-2025-02", "name": "计算机2502班", "unit": "cs", "major": "计算机科学与技术", "headcount": 31,
        "counsellor": "钱老师"}
    assert yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1][
        "headcount"] == 29
    run = cli(work, "import", "cadres", "干部名单.xls", "--write")
    assert run.returncode == 0, run.stdout
    assert yaml.safe_load((work / "records/cadres/lyu-tingna.yaml").read_text(encoding="utf-8"))[
        "active_from"] == dt.date(2016, 9, 1)
    assert yaml.safe_load((work / "records/cadres/zeng-weijie.yaml").read_text(encoding="utf-8")) == {
        "name": "曾伟杰", "position": "党委学生工作部副部长", "unit": "xgb", "active_from": dt.date(2020, 3, 15),
        "active_to": dt.date(2026, 6, 30)}
    assert cli(work, "validate").returncode == 0


HIDDEN = {  # sheet_state → the .xls of the same sheets, its warning (zh, en) and a word of its hint
    "hidden": ("隐藏页.xls", "W-IMP-005", "工作表“旧名单”是隐藏的，未导入", "sheet '旧名单' is hidden: it is not imported",
               "取消隐藏", "Unhide"),
    # not in Excel's 取消隐藏 list (a macro or a system's export sets it): the hint says so, and what works
    "veryHidden": ("深度隐藏页.xls", "W-IMP-006", "工作表“旧名单”是深度隐藏的（very hidden），未导入",
                   "sheet '旧名单' is very hidden: it is not imported", "“取消隐藏”里没有这一页", "not listed in Excel's Unhide"),
}


@pytest.mark.parametrize("state", HIDDEN)
def test_a_hidden_sheet_with_data_is_not_imported_and_says_how_to_include_it(work, state):
    """A hidden sheet (Excel's 隐藏) often keeps an old list: it is skipped with W-IMP-005, never
    read silently nor dropped silently; unhidden, it is imported.  A very hidden one cannot be
    unhidden from Excel's 取消隐藏 dialog: W-IMP-006 says so and gives what works (the sheet's
    Visible property in the Visual Basic editor)."""
    xls, code, zh, en_message, how, how_en = HIDDEN[state]
    heading = ["班级名称", "学院", "专业", "年级", "人数"]
    book = workbook(work / "班级.xlsx", {"2026级": [heading, ["计算机2602班", "cs", "计算机科学与技术", 2026, 29]],
                                       "旧名单": [heading, ["计算机2699班", "cs", "计算机科学与技术", 2026, 40]],
                                       "空白": []},  # (a hidden sheet with nothing in it: nothing to say)
                    hidden=("旧名单", "空白"))
    book["旧名单"].sheet_state = state
    book.save(work / "班级.xlsx")
    shutil.copy(B.REPO / "tests/fixtures/import" / xls, work / "班级.xls")  # the same, as old Excel
    for name in ("班级.xlsx", "班级.xls"):
        run = cli(work, "import", "classes", name)
        assert run.returncode == 0, run.stdout
        assert "计算机2602班" in run.stdout and "计算机2699班" not in run.stdout
        assert f"{name}[旧名单]:1:1: 警告 {code}: {zh}" in run.stdout
        assert how in run.stdout and run.stdout.count("W-IMP-00") == 1
        en = cli(work, "import", "classes", name, "--lang", "en")
        assert f"warning {code}: {en_message}" in en.stdout and how_en in en.stdout
    if state == "veryHidden":
        assert "Alt+F11" in run.stdout and "xlSheetVisible" in run.stdout and "Alt+F11" in en.stdout

    only = workbook(work / "只有隐藏页.xlsx", {"说明": [], "名单": [heading, ["计算机2699班", "cs", "计算机科学与技术", 2026, 40]]})
    only["名单"].sheet_state = state
    only.save(work / "只有隐藏页.xlsx")
    run = cli(work, "import", "classes", "只有隐藏页.xlsx")  # nothing else to read: the warning still says which and how
    assert run.returncode == 2 and "只有隐藏的工作表有内容" in run.stdout, run.stdout
    assert f"只有隐藏页.xlsx[名单]:1:1: 警告 {code}" in run.stdout and how in run.stdout

    book["旧名单"].sheet_state = "visible"  # as the hint says
    book.save(work / "班级.xlsx")
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and code not in run.stdout, run.stdout
    assert [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))[
        "classes"]][-2:] == ["计算机2602班", "计算机2699班"]


def test_class_names_that_differ_only_in_spacing_or_full_width_characters_are_one_name(work):
    """教务处 lists are typed by hand: 计算机 2501班, 计算机２６０１班 (full-width digits), 计算机（2601）班.
    A name that is an existing one but for spaces and full-width forms (NFKC) is that name: the
    same cohort's class is matched (not added again under a new id, its name not rewritten), another
    cohort's is W-IMP-004, and two such rows of one cohort are E-IMP-006."""
    heading = ["班级名称", "学院", "专业", "年级", "人数"]
    workbook(work / "班级.xlsx", {"2026级": [heading, ["计算机 ２５０１班", "cs", "计算机科学与技术", 2026, 30],  # 2025's: a typo
                                           ["计算机２６０１ 班", "cs", "计算机科学与技术", 2026, 33],  # 2026's own, one more
                                           ["计算机（2602）班", "cs", "计算机科学与技术", 2026, 30]],
                                 "学工部": [heading, ["计算机(２６０２)班", "xgb", "计算机科学与技术", 2027, 30]]})
    run = cli(work, "import", "classes", "班级.xlsx", "--write", "--update")
    assert run.returncode == 0, run.stdout
    assert ("班级.xlsx[2026级]:2:1: 警告 W-IMP-004: 第 2 行的班级“计算机 2501班”（2026 级，cs）与 "
            "records/classes/2025.yaml:3 的班级 cs-2025-01（2025 级，cs）同名") in run.stdout
    assert ("班级.xlsx[学工部]:2:1: 警告 W-IMP-004: 第 2 行的班级“计算机(2602)班”（2027 级，xgb）与 "
            "班级.xlsx[2026级]:4 的班级 cs-2026-03（2026 级，cs）同名") in run.stdout
    assert run.stdout.count("W-IMP-004") == 2, run.stdout
    assert "更新 records/classes/2026.yaml cs-2026-01" in run.stdout
    classes = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]
    assert [(c["id"], c["name"], c["headcount"]) for c in classes] == [
        ("cs-2026-01", "计算机2601班", 33), ("cs-2026-02", "计算机 2501班", 30), ("cs-2026-03", "计算机（2602）班", 30)]  # (２５０１ written half-width)
    assert cli(work, "validate").returncode == 0

    csv_file(work / "again.csv", [["班级名称", "学院", "专业", "年级", "人数"],
                                  ["计算机2603班", "cs", "计算机科学与技术", 2026, 30],
                                  ["计算机 ２６０３ 班", "cs", "计算机科学与技术", 2026, 30]], "utf-8")
    run = cli(work, "import", "classes", "again.csv")
    assert run.returncode == 1 and "again.csv:3:1: 错误 E-IMP-006: 第 3 行与第 2 行是同一条记录" in run.stdout, run.stdout


def test_a_new_cadre_file_is_read_back_and_validated_before_anything_is_written(work):
    """A new cadre's file is written by the program itself, and was written unread: a cell with a
    NEL line break (U+0085, which YAML's writer folds into a space) gave a record that said
    otherwise than the spreadsheet, and a unit id not fit for a record (units.yaml not validated
    yet) a file validate rejects — both silently.  Now it is read back (parsed as validate parses
    it and checked against the schema) as class and unit files are: E-IMP-011, nothing written."""
    # (the NEL is now layout, dropped before the file is written: test_line_breaks_in_a_cell_are_layout…)
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("id: xgb", "id: XGB"), encoding="utf-8")
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "党委学生工作部副部长", "党委学生工作部", "2024-02-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "records/units.yaml:7:9: 错误 E-SCHEMA-005" in run.stdout  # (units.yaml first: see below)


def test_a_comment_line_in_a_list_stays_with_the_item_below_it_the_first_one_too(work):
    """A comment on a line of its own in a list written one item a line is about the item below it
    (as the records' comments above a record are): --update keeps it above that item wherever the
    item goes, and drops it with the item.  The first item's comment stayed at the top of the list
    instead, above whatever item came first now."""
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "    reviewers: [cs-reviewer]\n", "    reviewers:  # 学院党委指定\n      # 党委副书记\n      - cs-reviewer\n"
        "      # 办公室主任：\n      - cs-office\n").replace(
        "    reviewers: [wang-admin]\n", "    reviewers:\n      # 2025 年离任：\n      - zhao-old\n      - wang-admin\n"),
        encoding="utf-8")
    csv_file(work / "单位.csv", [["单位编号", "单位名称", "单位类型", "审核人"],
                                ["cs", "计算机学院", "学院", "cs-office、li-b、cs-reviewer"],
                                ["xgb", "党委学生工作部", "部门", "wang-admin"]], "utf-8")
    run = cli(work, "import", "units", "单位.csv", "--update", "--write")
    assert run.returncode == 0, run.stdout
    text = units.read_text(encoding="utf-8")
    assert "    reviewers:  # 学院党委指定\n      # 办公室主任：\n      - cs-office\n      - li-b\n      # 党委副书记\n" \
           "      - cs-reviewer\n" in text, text
    assert "    reviewers:\n      - wang-admin\n" in text and "2025 年离任" not in text, text
    assert cli(work, "validate").returncode == 0


def test_a_school_written_once_in_merged_cells_is_every_row_s_school(work):
    """A 教务处 export merges the cells of a school (or a major) over its classes' rows: Excel shows
    the value on every row, but the file holds it in the first row only; the other rows were told
    their 学院 was empty (E-IMP-003).  A merged range's value is now every row's, in .xlsx and .xls."""
    book = Workbook()
    sheet = book.active
    for row in [["2026级本科生班级名单"] + [None] * 5, ["序号", "班级名称", "所属学院", "专业", "年级", "人数"],
                [1, "计算机2602班", "计算机学院", "计算机科学与技术", 2026, 33],
                [2, "计算机2603班", None, None, 2026, 31],
                [3, "软件2601班", None, "软件工程", 2026, 30]]:
        sheet.append(row)
    sheet.merge_cells("A1:F1")  # (the title, over the columns)
    sheet.merge_cells("C3:C5")  # 计算机学院 for the three classes
    sheet.merge_cells("D3:D4")
    book.save(work / "班级.xlsx")
    shutil.copy(B.REPO / "tests/fixtures/import/合并单元格.xls", work / "班级.xls")  # the same, as old Excel
    for name in ("班级.xlsx", "班级.xls"):
        run = cli(work, "import", "classes", name)
        assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
        assert "cs-2026-02（计算机2602班）" in run.stdout and "cs-2026-04（软件2601班）" in run.stdout
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert [(c["name"], c["unit"], c["major"]) for c in yaml.safe_load(
        (work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][1:]] == [
        ("计算机2602班", "cs", "计算机科学与技术"), ("计算机2603班", "cs", "计算机科学与技术"), ("软件2601班", "cs", "软件工程")]
    assert cli(work, "validate").returncode == 0


def test_a_cell_formatted_at_the_bottom_of_the_sheet_does_not_make_a_million_rows(work):
    """A border or a fill left on an empty cell far below the list (a whole column formatted, a
    cell of row 1048576 touched) makes the sheet that long: a two-class list took 109 s to import
    (each of 1,048,576 rows read, most of them empty), past the minute cli() allows.  Only the rows
    up to the last one holding a value (or a formula) are read now."""
    from openpyxl.styles import Border, Side

    book = Workbook()
    for row in [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30],
                ["计算机2603班", "计算机学院", "计算机科学与技术", 2026, "=15+16"]]:
        book.active.append(row)
    book.active.cell(1048576, 6).border = Border(bottom=Side(style="thin"))
    book.save(work / "格式.xlsx")
    run = cli(work, "import", "classes", "格式.xlsx")
    assert run.returncode == 1 and "格式.xlsx:3:5: 错误 E-IMP-013" in run.stdout, run.stdout  # (the formula's row read)


def test_a_total_row_at_the_bottom_is_not_a_class(work):
    """A 教务处 list ends with a total row (合计 and the sum of the headcounts): it was read as a
    class and each of its empty cells was an error (E-IMP-003, five of them), for a row that must not
    be imported at all.  A row that begins with 合计, 总计, 小计 or 共计 is left out, and the summary
    says which row."""
    xlsx(work / "班级.xlsx", [["序号", "班级名称", "学院", "专业", "年级", "人数", "备注"],
                             ["1", "计算机2602班", "计算机学院 ", "计算机科学与技术", "2026", "33", None],
                             ["2", "软件2601班", "计算机学院", "软件工程", "2026级", "30 ", "新设"],
                             [None, "合  计", None, None, None, 63, None],
                             ["总计：2 个班"]])
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert "未导入 班级.xlsx 第 4 行（合  计）、第 5 行（总计：2 个班）：是合计行" in run.stdout
    assert "W-IMP-001" not in run.stdout, run.stdout  # (备注 is read: statuses and their days)
    assert [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))[
        "classes"]] == ["计算机2601班", "计算机2602班", "软件2601班"]
    en = cli(work, "import", "classes", "班级.xlsx", "--lang", "en")
    assert "not imported: rows 4 (合  计), 5 (总计：2 个班) of 班级.xlsx: total rows" in en.stdout, en.stdout


def test_rows_numbered_in_advance_but_left_empty_are_not_records(work):
    """A list made from a template numbered in advance (序号 1 to 50, the rest filled as far as
    there were classes) ends with rows that hold only their 序号: each was read as a class, and
    each of its empty cells was E-IMP-003 (ten errors for two such rows), nothing imported.  A row
    whose only value is its 序号 is not a record: left out, as a row with nothing is, and the
    summary says which rows; a row with anything else in it is still read."""
    xlsx(work / "班级.xlsx", [["序号", "班级名称", "学院", "专业", "年级", "人数"],
                             [1, "计算机2602班", "计算机学院", "计算机科学与技术", 2026, 33],
                             [2], ["3 "], [4], [6], [7, None, None, None, None, None]])
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert "未导入 班级.xlsx 第 3–5、6–7 行：只有序号" not in run.stdout  # (rows 3–7, said as a range)
    assert "未导入 班级.xlsx 第 3–7 行：只有序号，没有别的内容" in run.stdout, run.stdout
    assert [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))[
        "classes"]] == ["计算机2601班", "计算机2602班"]
    en = cli(work, "import", "classes", "班级.xlsx", "--lang", "en")
    assert "not imported: rows 3–7 of 班级.xlsx: a row number and nothing else" in en.stdout, en.stdout
    xlsx(work / "半行.xlsx", [["序号", "班级名称", "学院", "专业", "年级", "人数"], [1, "计算机2603班"]])
    run = cli(work, "import", "classes", "半行.xlsx")
    assert run.returncode == 1 and "半行.xlsx:2:3: 错误 E-IMP-003" in run.stdout, run.stdout


def test_an_end_of_list_mark_is_not_a_class(work):
    """Chinese forms close a list with 以下空白 (or （以下无正文）) in the row after the last record,
    so that nothing is added below: it was read as a class named 以下空白 and each of its empty
    cells was E-IMP-003, nothing imported.  A row whose one value (its 序号 aside) is such a mark
    is not a record: left out, and the summary says which row."""
    xlsx(work / "班级.xlsx", [["序号", "班级名称", "学院", "专业", "年级", "人数"],
                             [1, "计算机2602班", "计算机学院", "计算机科学与技术", 2026, 33],
                             [2, "以下空白"], [None, None, "（以下无正文）"], [None, "以 下 空 白"]])
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert "未导入 班级.xlsx 第 3 行（以下空白）、第 4 行（（以下无正文））、第 5 行（以 下 空 白）：是表格结束的标记" in run.stdout, run.stdout
    assert [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))[
        "classes"]] == ["计算机2601班", "计算机2602班"]
    en = cli(work, "import", "classes", "班级.xlsx", "--lang", "en")
    assert "not imported: rows 3 (以下空白), 4 (（以下无正文）), 5 (以 下 空 白) of 班级.xlsx: marks of the list's end" in en.stdout, en.stdout


def test_dates_kept_as_excel_serial_numbers_or_as_eight_digits_are_dates(work):
    """A date column of a 组织部 list whose format was lost holds Excel's serial numbers (42614 for
    2016-09-01; as numbers, or as text in a CSV), another system's export writes 20160901: each was
    E-IMP-004 “不是日期”, with no word that it was a date Excel shows otherwise."""
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "离任日期"],
                           ["吕婷娜", "计算机学院副院长", "计算机学院", 42614, 46203.0],
                           ["王芳", "党委学生工作部副部长", "xgb", "20240201", None],
                           ["赵强", "计算机学院副院长", "cs", 20230701, None]])
    csv_file(work / "c.csv", [["姓名", "职务", "单位", "任职日期"], ["吕婷娜", "计算机学院副院长", "计算机学院", "42614"]],
             "gbk")
    run = cli(work, "import", "cadres", "c.csv")
    assert run.returncode == 0, run.stdout
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    read = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (work / "records/cadres").glob("*.yaml")}
    assert (read["lyu-tingna"]["active_from"], read["lyu-tingna"]["active_to"]) == (dt.date(2016, 9, 1),
                                                                                    dt.date(2026, 6, 30))
    assert read["wang-fang"]["active_from"] == dt.date(2024, 2, 1)
    assert read["zhao-qiang"]["active_from"] == dt.date(2023, 7, 1)
    assert cli(work, "validate").returncode == 0

    xlsx(work / "bad.xlsx", [["姓名", "职务", "单位", "任职日期"], ["钱明", "计算机学院副院长", "cs", 2016]])
    run = cli(work, "import", "cadres", "bad.xlsx")
    assert run.returncode == 1 and "bad.xlsx:2:4: 错误 E-IMP-004" in run.stdout and "“2016”不是日期" in run.stdout


def test_whole_numbers_stored_as_text_with_a_decimal_zero_are_read_as_numbers(work):
    """A system that keeps every number as a decimal exports them as text: 年级 2026.0, 人数 30.0,
    a date column as Excel's serial 45292.0 (text cells in an .xlsx, or any CSV).  Each was
    E-IMP-004 — “2026.0”不是入学年份, “30.0”不是1 到 500 之间的人数, “45292.0”不是日期 — where the
    same values as number cells were read; a whole number's “.0” is now no part of it.  A real
    fraction still is (30.5 人 is no headcount)."""
    xlsx(work / "text.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                              ["计算机2602班", "计算机学院", "计算机科学与技术", "2026.0", "30.0"],
                              ["计算机2503班", "计算机学院", "计算机科学与技术", "2025.00", " 31.0 "]])
    run = cli(work, "import", "classes", "text.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-004" not in run.stdout, run.stdout
    added = [yaml.safe_load((work / f"records/classes/{y}.yaml").read_text(encoding="utf-8"))["classes"][-1]
             for y in (2026, 2025)]
    assert [(c["name"], c["headcount"]) for c in added] == [("计算机2602班", 30), ("计算机2503班", 31)], added
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "离任日期"],
                           ["王芳", "党委学生工作部副部长", "xgb", "45292.0", "46203.0"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-004" not in run.stdout, run.stdout
    read = yaml.safe_load((work / "records/cadres/wang-fang.yaml").read_text(encoding="utf-8"))
    assert (read["active_from"], read["active_to"]) == (dt.date(2024, 1, 1), dt.date(2026, 6, 30)), read
    assert cli(work, "validate").returncode == 0
    xlsx(work / "bad.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                             ["计算机2604班", "计算机学院", "计算机科学与技术", "2026.5", "30.5"]])
    run = cli(work, "import", "classes", "bad.xlsx", "--lang", "en")
    assert run.returncode == 1 and "'2026.5' is not a cohort year" in run.stdout, run.stdout
    assert "'30.5' is not a headcount from 1 to 500" in run.stdout, run.stdout


def test_a_numeric_class_id_exported_as_text_with_a_decimal_zero_is_the_number(work):
    """教务系统 class codes are numbers (202602); a CSV from a system that keeps every number as a
    decimal writes 202602.0, which was E-IMP-004 “202602.0”不是编号 where the number cell 202602
    was read; the whole number's “.0” is no part of the id, as of a cohort or a headcount."""
    (work / "编号.csv").write_text("班级编号,班级名称,学院,专业,年级,人数\n202602.0,计算机2602班,计算机学院,计算机科学与技术,"
                                 "2026.0,30.0\n", encoding="utf-8-sig")
    run = cli(work, "import", "classes", "编号.csv", "--write")
    assert run.returncode == 0 and "E-IMP-004" not in run.stdout, run.stdout
    added = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert (added["id"], added["name"], added["headcount"]) == ("202602", "计算机2602班", 30), added
    assert cli(work, "validate").returncode == 0


def test_a_date_cell_where_a_number_belongs_is_said_as_excel_shows_it(work):
    """A 人数 cell that holds a date (a column Excel formatted as dates, or a date typed there) was
    said with a time nobody typed: E-IMP-004 “2026-09-01 00:00:00”不是1 到 500 之间的人数.  It is now
    said as the date Excel shows, 2026-09-01 (a time of day, if any, kept).  (A date in the 年级
    column is read as its year: test_a_date_in_the_cohort_column_is_read_as_its_year_with_a_notice.)"""
    xlsx(work / "x.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                           ["计算机2603班", "计算机学院", "计算机科学与技术", 2026, dt.datetime(2026, 9, 1)],
                           ["计算机2604班", "计算机学院", "计算机科学与技术", 2026, dt.datetime(2026, 1, 30, 8, 30)]])
    run = cli(work, "import", "classes", "x.xlsx")
    assert run.returncode == 1 and "第 2 行的“人数”（E 列）“2026-09-01”不是人数（1 到 500 之间的整数）" in run.stdout, run.stdout
    assert "“2026-01-30 08:30:00”不是人数（1 到 500 之间的整数）" in run.stdout and "00:00:00" not in run.stdout, run.stdout
    en = cli(work, "import", "classes", "x.xlsx", "--lang", "en")
    assert "'人数' (column E) '2026-09-01' is not a headcount" in en.stdout, en.stdout


def test_a_csv_cell_written_as_a_text_formula_is_its_text(work):
    """Systems export CSV cells as ="0202602" so that Excel keeps a code's leading zero (Excel shows
    0202602).  The import read the cell as it is in the file: the class name ="计算机2602班" was
    written into the record with its =" ", the 班级编号 and 年级 were E-IMP-004 (“="2026"”不是入学年份).
    A CSV cell ="…" is now the text Excel shows."""
    (work / "导出.csv").write_text('班级编号,班级名称,学院,专业,年级,人数\n="0202602",="计算机2602班",计算机学院,计算机科学与技术,'
                                 '="2026",30\n', encoding="utf-8-sig")
    run = cli(work, "import", "classes", "导出.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    added = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert (added["id"], added["name"]) == ("0202602", "计算机2602班"), added
    assert cli(work, "validate").returncode == 0


def test_a_two_character_name_padded_to_three_is_the_same_cadre(work):
    """组织部 lists pad a two-character name with a (full-width) space to line up with the
    three-character ones: 李　娜 was not matched with the record of 李娜 (li-na) and was added again
    as li-na-2, a second cadre; 王 芳 was written with the space.  A space between Chinese
    characters of a name is layout, not part of it."""
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"],
                           ["李\u3000娜", "党委学生工作部部长", "党委学生工作部", "2021-03-01"],
                           ["王 芳", "计算机学院副院长", "cs", "2024-02-01"],
                           ["Anna Li", "计算机学院副院长", "cs", "2024-02-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 0 and "1 条与已有记录相同" in run.stdout and "li-na-2" not in run.stdout, run.stdout
    assert not (work / "records/cadres/li-na-2.yaml").exists()
    assert yaml.safe_load((work / "records/cadres/wang-fang.yaml").read_text(encoding="utf-8"))["name"] == "王芳"
    assert "name: Anna Li\n" in "".join(p.read_text(encoding="utf-8") for p in (work / "records/cadres").glob("*.yaml"))
    assert cli(work, "validate").returncode == 0


def test_a_second_heading_row_is_not_a_class_and_a_split_column_is_an_error(work):
    """A two-row heading merges each heading over both rows and splits 人数 into 男 and 女 below it:
    the second row was read as a class (“年级”不是入学年份 …), and 人数 would have been the boys' alone.
    A row repeating the headings is not read; a column with a heading of its own below the heading
    is E-IMP-012, naming both."""
    book = Workbook()
    sheet = book.active
    for row in [["序号", "班级名称", "学院", "专业", "年级", "人数", None, "辅导员"],
                [None, None, None, None, None, "男", "女", None],
                [1, "计算机2602班", "cs", "计算机科学与技术", 2026, 15, 18, "周老师"]]:
        sheet.append(row)
    for column in "ABCDEH":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.merge_cells("F1:G1")
    book.save(work / "班级.xlsx")
    run = cli(work, "import", "classes", "班级.xlsx")
    assert run.returncode == 1, run.stdout
    assert "班级.xlsx:2:6: 错误 E-IMP-012: 列“人数”（F 列）下面还有小标题“男”（第 2 行）" in run.stdout
    assert run.stdout.count("E-IMP") == 1, run.stdout  # (the second heading row is no class)

    sheet.unmerge_cells("F1:G1")  # as the hint says: a column of the whole headcount
    sheet["F1"], sheet["F2"], sheet["F3"], sheet["G1"], sheet["G2"] = "人数", "人数", 33, "女生人数", "女生人数"
    book.save(work / "班级.xlsx")
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1][
        "headcount"] == 33


@pytest.mark.parametrize("lines", [
    ["班级名称,学院,专业,年级,人数,教师,", ",,,,,辅导员,班主任"],  # (the sub-headings below: 教师 over 辅导员 and 班主任)
    ["班级名称,基本信息,,,,辅导员,班主任", ",学院,专业,年级,人数,,"],  # (most headings on the second row)
])
def test_a_two_row_heading_saved_as_csv_is_read_as_one(work, lines):
    """A two-row heading of merged cells, saved as CSV (Excel and WPS keep a merged cell's text in its
    first cell only): 教师 over 辅导员 and 班主任, or 基本信息 over 学院, 专业, 年级 and 人数.  The
    second row was read as a class — 第 2 行的“班级名称”是空的 and three more E-IMP-003, and 教师
    an unknown column (W-IMP-001), 辅导员 and 班主任 not read — or the first row's 班级名称 was missing
    (E-IMP-002).  The two rows are now one heading, each column's heading the one of the two rows the
    import knows (a group's title over a known heading is no heading of its own)."""
    csv = work / "班级.csv"
    csv.write_bytes("\r\n".join([*lines, "计算机2602班,cs,计算机科学与技术,2026,30,周老师,吴老师"]).encode("utf-8-sig"))
    run = cli(work, "import", "classes", "班级.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout and "W-IMP" not in run.stdout, run.stdout
    added = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert (added["name"], added["unit"], added["headcount"], added["counsellor"], added["adviser"]) == (
        "计算机2602班", "cs", 30, "周老师", "吴老师"), added


@pytest.mark.parametrize("lines", [
    ["班级名称,学院,专业,年级,人数,,辅导员", ",,,,男,女,"],  # (人数 merged over 男 and 女, saved as CSV)
    ["班级名称,学院,专业,年级,人数,,教师,", ",,,,男,女,辅导员,班主任"],  # (and 教师 over 辅导员 and 班主任 next to it)
])
def test_a_two_row_csv_heading_with_a_split_column_is_a_heading_not_a_class(work, lines):
    """A class list's two-row heading, 人数 merged over 男 and 女, saved as CSV by Excel or WPS (GBK, a
    merged cell's text in its first cell only): the second row was read as a class — 第 2 行的“班级名称”
    是空的 and three more E-IMP-003, and “男”不是人数 (E-IMP-004).  It is now a heading row: the one error
    is E-IMP-012 at the split column, as in an .xlsx, and done as its hint says the list is imported."""
    csv = work / "班级.csv"
    csv.write_bytes("\r\n".join([*lines, "计算机2602班,计算机学院,计算机科学与技术,2026,15,18,周老师,吴老师"]).encode("gbk"))
    run = cli(work, "import", "classes", "班级.csv")
    assert run.returncode == 1, run.stdout
    assert "班级.csv:2:5: 错误 E-IMP-012: 列“人数”（E 列）下面还有小标题“男”（第 2 行）" in run.stdout, run.stdout
    assert run.stdout.count("E-IMP") == 1 and "W-IMP" not in run.stdout, run.stdout  # (the second row is no class)
    assert "怎么改: “人数”下面分成的几列（如“男”）导入不读，也不替你相加。请加一列写出合计" in run.stdout, run.stdout
    assert "第二行不读" not in run.stdout, run.stdout  # (辅导员 and 班主任 of the second row are read)
    en = cli(work, "import", "classes", "班级.csv", "--lang", "en")
    assert "fix: The columns '人数' is split into below it (such as '男') are not read, nor added up." \
        in en.stdout and "only the first row" not in en.stdout, en.stdout
    heading = "班级名称,学院,专业,年级,人数,男生人数,女生人数,辅导员,班主任"  # (as the hint says: a column of the whole)
    csv.write_bytes("\r\n".join([heading, "计算机2602班,计算机学院,计算机科学与技术,2026,33,15,18,周老师,吴老师"]).encode("gbk"))
    run = cli(work, "import", "classes", "班级.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    added = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert (added["name"], added["headcount"], added["counsellor"]) == ("计算机2602班", 33, "周老师"), added


@pytest.mark.parametrize("kind", ["classes", "cadres", "units"])
def test_no_import_while_units_yaml_fails_validation_its_errors_shown(work, kind):
    """A unit id from a units.yaml validate rejects (XGB: not lower case) was written into a class
    file without a word (a cadre file said only E-IMP-011 of one row).  Now no import runs while
    records/units.yaml, which the import matches units against, fails validation: its errors are
    shown at units.yaml:line:col under E-FLOW-006, exit 1, nothing written."""
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("id: xgb", "id: XGB"), encoding="utf-8")
    before = snapshot(work)
    rows = {"classes": [["班级名称", "学院", "专业", "年级", "人数"], ["学工2601班", "党委学生工作部", "思政", 2026, 30]],
            "cadres": [["姓名", "职务", "单位", "任职日期"], ["王芳", "副部长", "党委学生工作部", "2024-02-01"]],
            "units": [["单位编号", "单位名称", "单位类型"], ["hr", "人事处", "部门"]]}[kind]
    xlsx(work / "f.xlsx", rows)
    run = cli(work, "import", kind, "f.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert f"错误 E-FLOW-006: python -m generator import {kind} 没有运行" in run.stdout
    assert "records/units.yaml:7:9: 错误 E-SCHEMA-" in run.stdout, run.stdout
    assert "已写入" not in run.stdout and "E-IMP" not in run.stdout
    en = cli(work, "import", kind, "f.xlsx", "--lang", "en")
    assert en.returncode == 1 and f"import {kind} did not run" in en.stdout and "Fix the errors below" in en.stdout


def test_rows_hidden_or_filtered_out_are_not_imported_and_named(work):
    """Rows an autofilter hides (数据 → 筛选: a list filtered to one school) or hidden by hand were
    imported without a word, unlike a hidden sheet.  As a hidden sheet, they are not imported (what
    the administrator sees in Excel is what is imported) and W-IMP-007 names them and says how to
    show them; shown again, they are imported."""
    heading = ["班级名称", "学院", "专业", "年级", "人数"]
    rows = [heading, ["计算机2602班", "cs", "计算机科学与技术", 2026, 29], ["计算机2698班", "cs", "计算机科学与技术", 2026, 40],
            ["计算机2603班", "cs", "计算机科学与技术", 2026, 31], ["计算机2699班", "cs", "计算机科学与技术", 2026, 40]]
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.active.auto_filter.ref = "A1:E5"
    for n in (3, 5):
        book.active.row_dimensions[n].hidden = True
    book.save(work / "筛选.xlsx")
    shutil.copy(B.REPO / "tests/fixtures/import/隐藏行.xls", work / "隐藏行.xls")  # the same rows hidden, old Excel
    for name, why, why_en in (("筛选.xlsx", "被筛选隐藏", "filtered out"), ("隐藏行.xls", "是隐藏的", "hidden")):
        run = cli(work, "import", "classes", name, "--write")
        assert run.returncode == 0, run.stdout
        assert f"{name}:3:1: 警告 W-IMP-007: 第 3、5 行{why}（计算机2698班、计算机2699班），未导入" in run.stdout, run.stdout
        assert "取消隐藏" in run.stdout and "清除" in run.stdout
        en = cli(work, "import", "classes", name, "--lang", "en")
        assert f"warning W-IMP-007: rows 3, 5 are {why_en}" in en.stdout and "Unhide" in en.stdout, en.stdout
    names = [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]]
    assert "计算机2603班" in names and "计算机2698班" not in names and "计算机2699班" not in names

    book.active.row_dimensions[3].hidden = book.active.row_dimensions[5].hidden = False  # as the hint says
    book.active.auto_filter.ref = None
    book.save(work / "筛选.xlsx")
    run = cli(work, "import", "classes", "筛选.xlsx", "--write")
    assert run.returncode == 0 and "W-IMP-007" not in run.stdout and "计算机2699班" in run.stdout, run.stdout


def test_a_formula_cell_with_no_saved_value_says_so_not_that_it_is_empty(work):
    """A file written by a program, never opened in Excel, keeps a formula's text but no value:
    the cell read as empty (E-IMP-003 是空的, while Excel shows a number).  Now E-IMP-013 says the
    cell holds a formula with no saved value and to open and save the file in Excel or WPS (or
    paste values); a row of nothing but such formulas (a 序号 filled down) is not a record."""
    before = snapshot(work)
    xlsx(work / "公式.xlsx", [["序号", "班级名称", "学院", "专业", "年级", "人数", "辅导员"],
                             ["=ROW()-1", "计算机2602班", "cs", "计算机科学与技术", 2026, "=15+14", "=\"钱\"&\"老师\""],
                             ["=ROW()-1", None, None, None, None, None, None]])
    run = cli(work, "import", "classes", "公式.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert ("公式.xlsx:2:6: 错误 E-IMP-013: 第 2 行的“人数”（F 列）是公式 =15+14，文件中没有保存它算出的值"
            in run.stdout), run.stdout
    assert "公式.xlsx:2:7: 错误 E-IMP-013" in run.stdout and "WPS" in run.stdout and "粘贴为数值" in run.stdout
    assert "是空的" not in run.stdout and "E-IMP-003" not in run.stdout and ":3:" not in run.stdout
    en = cli(work, "import", "classes", "公式.xlsx", "--lang", "en")
    assert "row 2: '人数' (column F) is the formula =15+14 with no value saved in the file" in en.stdout, en.stdout
    assert "open the file in Excel or WPS and save it" in en.stdout


def test_a_date_written_to_the_month_only_asks_for_the_day(work):
    """组织部 lists often write 任职时间 to the month (2021.03, 2021年3月): that was E-IMP-004 “不是日期”
    with the hint to write 2016-12-01, as though the value were garbage.  The hint now says a day
    is needed and what to type (2021-03-01 for 2021.03); the day is never guessed."""
    before = snapshot(work)
    sheet = xlsx(work / "干部.xlsx", [["姓名", "职务", "单位", "任职时间"], ["王芳", "副部长", "xgb", "2021.03"],
                                     ["赵强", "副院长", "cs", "2019年11月"], ["钱明", "院长", "cs", 2020.1]])
    run = cli(work, "import", "cadres", sheet.name, "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "干部.xlsx:2:4: 错误 E-IMP-004: 第 2 行的“任职时间”（D 列）“2021.03”不是完整的日期（只写到了月，没有日）" in run.stdout
    assert "请改为写明哪一天的日期，如 2021-03-01" in run.stdout and "不要随手填" in run.stdout, run.stdout
    assert "如 2019-11-01" in run.stdout
    assert "2020.1" in run.stdout and "2020-10" in run.stdout  # (a number cell: 2020.10 shows as 2020.1)
    en = cli(work, "import", "cadres", sheet.name, "--lang", "en")
    assert "'2021.03' is not a whole date (month only, no day)" in en.stdout and "such as 2021-03-01" in en.stdout


def test_hidden_columns_are_not_imported_and_named_and_a_hidden_heading_row_is_said(work):
    """A hidden column (an old copy of 班级名称, a 学号 column hidden before sending) was read as
    any other: an old copy made E-IMP-009 (two columns for one field) though Excel shows one, or,
    alone, was imported unseen.  As hidden rows, hidden columns are not imported (what Excel shows
    is what is imported) and W-IMP-008 names them with their headings; columns hidden past the data
    (as offices hide all unused columns) are not named.  A heading row that is itself hidden is
    still the headings (it is no record) but W-IMP-009 says so: the administrator cannot see them."""
    before = snapshot(work)
    book = Workbook()
    for row in (["班级名称", "学院", "班级名称(旧)", "专业", "年级", "人数", "学号"],
                ["计算机2602班", "cs", "计算机2602", "计算机科学与技术", 2026, 29, "20260101"],
                ["计算机2603班", "cs", "计算机2603", "计算机科学与技术", 2026, 31, None]):
        book.active.append(row)
    book.active.column_dimensions["C"].hidden = True
    book.active.column_dimensions.group("G", "Z", hidden=True)  # (G holds 学号; H–Z nothing)
    book.save(work / "隐藏列.xlsx")
    run = cli(work, "import", "classes", "隐藏列.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert ("隐藏列.xlsx:1:3: 警告 W-IMP-008: C 列（班级名称(旧)）、G 列（学号）是隐藏的，未导入" in run.stdout), run.stdout
    assert "E-IMP-009" not in run.stdout and "W-IMP-002" not in run.stdout and "H 列" not in run.stdout
    assert "取消隐藏" in run.stdout
    names = [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]]
    assert "计算机2602班" in names and "计算机2602" not in names
    en = cli(work, "import", "classes", "隐藏列.xlsx", "--lang", "en")
    assert "warning W-IMP-008: hidden columns C (班级名称(旧)), G (学号) are not imported" in en.stdout, en.stdout
    assert "Unhide" in en.stdout

    for path, data in snapshot(work).items():  # (back as before)
        if path not in before:
            path.unlink()
    for path, data in before.items():
        path.write_bytes(data)
    book = Workbook()  # the only 班级名称 column hidden: missing, and said why
    for row in (["学院", "班级名称", "专业", "年级", "人数"], ["cs", "计算机2602班", "计算机科学与技术", 2026, 29]):
        book.active.append(row)
    book.active.column_dimensions["B"].hidden = True
    book.save(work / "隐藏列.xlsx")
    run = cli(work, "import", "classes", "隐藏列.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "隐藏列.xlsx:1:2: 警告 W-IMP-008: B 列（班级名称）是隐藏的，未导入" in run.stdout, run.stdout
    assert "错误 E-IMP-002: 缺少必填的列“班级名称”" in run.stdout

    book = Workbook()  # the heading row hidden: still the headings, said
    for row in (["2026 级班级名单"], ["班级名称", "学院", "专业", "年级", "人数"],
                ["计算机2602班", "cs", "计算机科学与技术", 2026, 29]):
        book.active.append(row)
    book.active.row_dimensions[2].hidden = True
    book.save(work / "隐藏表头.xlsx")
    run = cli(work, "import", "classes", "隐藏表头.xlsx")
    assert run.returncode == 0 and "计算机2602班" in run.stdout, run.stdout
    assert "隐藏表头.xlsx:2:1: 警告 W-IMP-009: 第 2 行的列标题是隐藏的，仍按它认各列" in run.stdout, run.stdout
    assert "W-IMP-007" not in run.stdout
    en = cli(work, "import", "classes", "隐藏表头.xlsx", "--lang", "en")
    assert "warning W-IMP-009: row 2 holds the column headings and is hidden" in en.stdout, en.stdout


@pytest.mark.parametrize("kind,path,text,shown", [
    ("classes", "classes/2026.yaml", "cohort: 2026\nclasses:\n  - id: cs-2026-01\n    name: \"计算机2601班\n",
     "records/classes/2026.yaml:4:"),
    ("classes", "classes/2026.yaml", "cohort: 2026\nclasses:\n  - 计算机2601班\n", "records/classes/2026.yaml:3:"),
    ("classes", "classes/2026.yaml", "cohort: 2026\nclasses:\n  - id: cs-2026-01\n    name: 计算机2601班\n"
     "    name: 计算机2602班\n    unit: cs\n    major: 计算机科学与技术\n    headcount: 32\n", "records/classes/2026.yaml:5:"),
    ("cadres", "cadres/li-na.yaml", "- 李娜\n- 副院长\n", "records/cadres/li-na.yaml:1:"),
    # (the other contact points, whose ids the import reads: classes and clubs share one set of ids)
    ("classes", "clubs.yaml", "clubs:\n  - id: club-robotics\n    name: \"机器人协会\n    unit: cs\n",
     "records/clubs.yaml:3:11:"),
    ("clubs", "classes/2026.yaml", "cohort: 2026\nclasses:\n  - id: cs-2026-01\n    name: \"计算机2601班\n",
     "records/classes/2026.yaml:4:"),
])
def test_no_import_over_a_record_file_that_fails_validation(work, kind, path, text, shown):
    """Only units.yaml was validated before an import.  A class file with a YAML error stopped it
    with E-IMP-001 “无法读取表格：记录无法读取：while scanning…” (the spreadsheet blamed, libyaml's
    words with literal \\n, the hint about .xlsx); a class that is not a mapping crashed it (内部错误);
    one with a key written twice (validate: E-YAML) had 计算机2602班 added beside the record already
    named so; a cadre file that is a list crashed the import of that cadre.  Now the files the import reads and writes are validated first, as units.yaml is: any
    error is E-FLOW-006 with the file's errors at file:line:col, exit 1, nothing written.  So are the
    other contact points' files, whose ids it reads: a clubs.yaml that did not parse was taken as no
    clubs in an import of classes (a class given a club's id, club-robotics, was added), and a class
    file as no classes in an import of clubs, silently."""
    (work / "records" / path).write_text(text, encoding="utf-8")
    run = stopped_import(work, kind)
    assert shown in run.stdout and "E-IMP" not in run.stdout and "内部错误" not in run.stdout + run.stderr


def test_line_breaks_in_a_cell_are_layout_and_the_records_read_back(work):
    """A line break typed in a cell (Alt+Enter, to wrap 党委学生工作部 / 副部长) or pasted from
    another program (NEL U+0085, U+2028, U+2029, \\r\\n) made an import fail: a class file said
    E-IMP-008 “不是本系统写记录的样子” of a file that was fine, a cadre E-IMP-011 (学工部 副部长
    read back), and a plain \\n was written into the record as a value on two lines.  A line break
    inside a text cell is layout: dropped between Chinese characters, a space between words; in a
    list cell (简称, 审核人) it parts the items, as before.  What is written reads back and validates."""
    rows = [["班级名称", "学院", "专业", "年级", "人数", "辅导员", "班主任"],
            ["计算机\u20292602班", "cs", "计算机科学\x85与技术", 2026, 29, "钱\u2028老师", "孙\n老师"],
            ["软件2601班", "cs", "Software\r\nEngineering", 2026, 30, "赵 \n 老师", None]]
    xlsx(work / "换行.xlsx", rows)
    run = cli(work, "import", "classes", "换行.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    classes = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]
    assert {k: classes[-2][k] for k in ("name", "major", "counsellor", "adviser")} == {
        "name": "计算机2602班", "major": "计算机科学与技术", "counsellor": "钱老师", "adviser": "孙老师"}, classes
    assert classes[-1]["major"] == "Software Engineering" and classes[-1]["counsellor"] == "赵老师", classes
    xlsx(work / "干部.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "党委学生工作部\x85副部长", "xgb", "2024-02-01"],
                             ["赵强", "计算机学院\n副院长", "cs", "2024-02-01"]])
    run = cli(work, "import", "cadres", "干部.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert yaml.safe_load((work / "records/cadres/wang-fang.yaml").read_text(encoding="utf-8"))["position"] == "党委学生工作部副部长"
    assert "position: 计算机学院副院长\n" in (work / "records/cadres/zhao-qiang.yaml").read_text(encoding="utf-8")
    check = cli(work, "validate")
    assert check.returncode == 0 and "错误" not in check.stdout.split("共")[0], check.stdout


def test_old_excel_filtered_rows_formulas_and_hidden_columns_as_in_xlsx(work):
    """.xls (old Excel) files were tested only with rows hidden by hand.  A formula a program wrote
    into an .xls (xlwt saves an empty text as its value) read as an empty cell: 人数 =15+14 was
    E-IMP-003 “是空的” and a 辅导员 formula dropped without a word, where an .xlsx says E-IMP-013.
    Now an .xls says E-IMP-013 with the formula as an .xlsx does (not of a formula with "" in it,
    which Excel too may have saved as empty); rows filtered out are W-IMP-007
    被筛选隐藏, and a hidden column W-IMP-008, as in an .xlsx."""
    for name in ("公式.xls", "筛选.xls", "隐藏列.xls"):
        shutil.copy(B.REPO / "tests/fixtures/import" / name, work / name)
    before = snapshot(work)
    run = cli(work, "import", "classes", "公式.xls", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert ("公式.xls:2:6: 错误 E-IMP-013: 第 2 行的“人数”（F 列）是公式 =15+14，文件中没有保存它算出的值"
            in run.stdout), run.stdout
    assert '公式.xls:2:7: 错误 E-IMP-013: 第 2 行的“辅导员”（G 列）是公式 ="钱"&"老师"' in run.stdout, run.stdout
    assert "E-IMP-003" not in run.stdout and ":3:" not in run.stdout
    assert ":2:8:" not in run.stdout  # (a formula that may give an empty text, =IF(…,"",…): read as empty, as Excel saved it)
    run = cli(work, "import", "classes", "筛选.xls", "--write")
    assert run.returncode == 0, run.stdout
    assert "筛选.xls:3:1: 警告 W-IMP-007: 第 3、5 行被筛选隐藏（计算机2698班、计算机2699班），未导入" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "隐藏列.xls", "--write")
    assert run.returncode == 0 and "隐藏列.xls:1:3: 警告 W-IMP-008: C 列（班级名称(旧)）是隐藏的，未导入" in run.stdout, run.stdout
    names = [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]]
    assert "计算机2603班" in names and "计算机2698班" not in names and "计算机2602" not in names


def test_an_old_excel_formula_filled_down_is_said_as_its_own_formula(work):
    """A formula filled down a column of an .xls is a shared formula: each cell's FORMULA record
    holds only the place of the first cell, the formula itself is in a SHRFMLA record.  E-IMP-013
    showed xlrd's placeholder — 是公式 =SHARED FMLA at rowx=1 colx=4 — in zh and en; it now shows
    each cell's own formula (=D2-1997, =D3-1997), and one whose text cannot be read is said to be
    a formula, with the same way to fix it (paste as values)."""
    shutil.copy(B.REPO / "tests/fixtures/import/共享公式.xls", work / "共享公式.xls")
    before = snapshot(work)
    run = cli(work, "import", "classes", "共享公式.xls", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "SHARED" not in run.stdout, run.stdout
    assert "共享公式.xls:2:5: 错误 E-IMP-013: 第 2 行的“人数”（E 列）是公式 =D2-1997，文件中没有保存它算出的值" in run.stdout, run.stdout
    assert "共享公式.xls:3:5: 错误 E-IMP-013: 第 3 行的“人数”（E 列）是公式 =D3-1997，" in run.stdout, run.stdout
    assert "共享公式.xls:4:5: 错误 E-IMP-013: 第 4 行的“人数”（E 列）是公式（读不出它的内容），" in run.stdout, run.stdout
    assert run.stdout.count("粘贴为数值") == 3, run.stdout
    en = cli(work, "import", "classes", "共享公式.xls", "--lang", "en")
    assert "row 2: '人数' (column E) is the formula =D2-1997 with no value saved in the file" in en.stdout, en.stdout
    assert "row 4: '人数' (column E) is a formula (its text cannot be read) with no value saved" in en.stdout, en.stdout
    assert "Paste Special → Values" in en.stdout and "SHARED" not in en.stdout, en.stdout


def test_a_formula_excel_saved_as_empty_text_is_an_empty_cell_not_e_imp_013(work):
    """Excel saves a formula whose value is an empty text (班主任 =IF(…,"",…), =IFERROR(…,"")) as
    t="str" with an empty <v>, which openpyxl reads as no value: E-IMP-013 said the file was never
    saved in Excel, and stopped the import of a list that was.  A formula with "" in it is now read
    as the empty value it may well have (as an .xls's); one without still says E-IMP-013."""
    import re
    import zipfile

    xlsx(work / "空文字.xlsx", [["班级名称", "学院", "专业", "年级", "人数", "班主任"],
                               ["计算机2602班", "cs", "计算机科学与技术", 2026, 29, '=IF(1>0,"","孙老师")']])
    with zipfile.ZipFile(work / "空文字.xlsx") as z:  # (as Excel saves it: the value, an empty text)
        files = {n: z.read(n) for n in z.namelist()}
    sheet = files["xl/worksheets/sheet1.xml"].decode()
    files["xl/worksheets/sheet1.xml"] = re.sub(r'<c r="F2"><f>(.*?)</f><v\s*/>', r'<c r="F2" t="str"><f>\1</f><v></v>',
                                               sheet).encode()
    assert files["xl/worksheets/sheet1.xml"].decode() != sheet
    with zipfile.ZipFile(work / "空文字.xlsx", "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    run = cli(work, "import", "classes", "空文字.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-013" not in run.stdout, run.stdout
    written = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"][-1]
    assert written["name"] == "计算机2602班" and "adviser" not in written


def test_characters_that_cannot_be_seen_are_not_written_into_records(work):
    """A zero-width space, a soft hyphen, a BOM or a control character pasted into a cell (from a
    web page, a PDF, another system) was written into the record without a word: 钱\\u200b老师 is
    not 钱老师 when names are compared (a namesake, a duplicate row go unseen), and "计算机\\x01科学"
    was written as a quoted escape.  Excel shows none of them: they are dropped, as the spreadsheet
    reads on screen."""
    csv_file(work / "看不见.csv", [["班级名称", "学院", "专业", "年级", "人数", "辅导员", "班主任"],
                                  ["计算机2602\ufeff班", "cs", "计算机\u00ad科学与技术", 2026, 29, "钱\u200b老师", "孙\x01老师"],
                                  ["计算机2603班", "cs", "计算机科学\u200e与技术", 2026, 30, "钱老师", ""]], "utf-8")
    run = cli(work, "import", "classes", "看不见.csv", "--write")
    assert run.returncode == 0, run.stdout
    text = (work / "records/classes/2026.yaml").read_text(encoding="utf-8")
    written = yaml.safe_load(text)["classes"][-2:]
    assert [(c["name"], c["major"], c["counsellor"], c.get("adviser")) for c in written] == [
        ("计算机2602班", "计算机科学与技术", "钱老师", "孙老师"), ("计算机2603班", "计算机科学与技术", "钱老师", None)], written
    assert all(c.isprintable() or c == "\n" for c in text), ascii(text)


def test_class_ids_are_the_smallest_number_not_yet_taken_in_their_school_and_cohort(work):
    """A class without an id gets <unit>-<cohort>-NN, NN the smallest number from 01 that no class
    has yet (records or rows above it) — each school and cohort counted on its own, a number taken
    by a row's own id skipped, past 99 three digits.  The number was searched from 01 again for
    every class (3,000 new classes: 10 s of a 33 s import); it is now remembered per school and
    cohort, and the ids must be the very same."""
    path = work / "records/classes/2026.yaml"  # cs-2026-01 is there; add cs-2026-03
    path.write_text(path.read_text(encoding="utf-8") + "  - id: cs-2026-03\n    name: 计算机2603班\n    unit: cs\n"
                    "    major: 计算机科学与技术\n    headcount: 30\n", encoding="utf-8")
    rows = [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
            [None, "甲1班", "cs", "计算机科学与技术", 2026, 30],
            [None, "甲2班", "cs", "计算机科学与技术", 2026, 30],
            ["cs-2026-06", "甲3班", "cs", "计算机科学与技术", 2026, 30],
            [None, "乙1班", "xgb", "思想政治教育", 2026, 30],
            [None, "甲4班", "cs", "计算机科学与技术", 2027, 30]]
    rows += [[None, f"丙{i}班", "cs" if i % 3 else "xgb", "计算机科学与技术", 2026, 30] for i in range(1, 151)]
    xlsx(work / "多班.xlsx", rows)
    run = cli(work, "import", "classes", "多班.xlsx", "--write")
    assert run.returncode == 0, run.stdout + run.stderr
    got = {c["name"]: c["id"] for f in ("2026", "2027")
           for c in yaml.safe_load((work / f"records/classes/{f}.yaml").read_text(encoding="utf-8"))["classes"]}
    cs = ["cs-2026-02", "cs-2026-04"] + [f"cs-2026-{k:02d}" for k in [5] + list(range(7, 200))]
    xgb = [f"xgb-2026-{k:02d}" for k in range(1, 200)]
    expected = {"甲1班": cs.pop(0), "甲2班": cs.pop(0), "甲3班": "cs-2026-06", "乙1班": xgb.pop(0),
                "甲4班": "cs-2027-01"}
    for i in range(1, 151):
        expected[f"丙{i}班"] = (cs if i % 3 else xgb).pop(0)
    assert {k: got[k] for k in expected} == expected
    assert expected["丙150班"] == "xgb-2026-51" and expected["丙149班"] == "cs-2026-105"  # (three digits)
    assert cli(work, "validate").returncode == 0



@pytest.mark.parametrize("kind,broken,zh,en", [
    ("classes", "units.yaml", "E-REF-009: 缺少必需的记录文件 records/units.yaml", "E-REF-009: required record file records/units.yaml is missing"),
    ("cadres", "units.yaml", "E-REF-009: 缺少必需的记录文件 records/units.yaml", "E-REF-009: required record file records/units.yaml is missing"),
    ("classes", "classes/2027.yaml", "E-LOAD-007: 无法读取文件（系统提示：No such file or directory）",
     "E-LOAD-007: cannot read the file: No such file or directory"),
    ("cadres", "cadres/zhang-san.yaml", "E-LOAD-007: 无法读取文件（系统提示：No such file or directory）",
     "E-LOAD-007: cannot read the file: No such file or directory")])
def test_a_records_file_missing_or_unreadable_is_named_not_the_spreadsheet(work, kind, broken, zh, en):
    """Without records/units.yaml (a records folder copied in part), or with a records file the
    system cannot open (here a link left pointing at a file since deleted; as well one without read
    permission, which the check before the import skipped as it looked only at files that exist),
    import classes and import cadres said E-IMP-001 “无法读取表格：记录无法读取：[Errno 2] No such file
    or directory: …” and the hint to give an .xlsx or a UTF-8 .csv — the spreadsheet, which was fine,
    blamed in Python's words.  Now it is what validate says of that file (E-REF-009, E-LOAD-007)
    under E-FLOW-006, at the file, exit 1, nothing written."""
    if broken == "units.yaml":
        (work / "records/units.yaml").unlink()
    else:
        (work / "records" / broken).symlink_to("gone.yaml")
    run = stopped_import(work, kind)
    assert f"records/{broken}: 错误 {zh}" in run.stdout, run.stdout
    assert "E-IMP-001" not in run.stdout and "Errno" not in run.stdout and "请提供 .xlsx" not in run.stdout
    en_run = cli(work, "import", kind, "f.xlsx", "--lang", "en")
    assert f"records/{broken}: error {en}" in en_run.stdout and "spreadsheet" not in en_run.stdout, en_run.stdout


def test_a_sheet_whose_headings_are_all_in_hidden_columns_says_so(work):
    """A sheet whose recognised headings (班级名称, 学院 …) are all in hidden columns — an old list
    kept in a workbook with its columns folded away, only 备注 showing — was told W-IMP-003 “没有认出
    列标题” and its hint to rename the headings, though they are right, and no W-IMP-008: nothing
    said why.  Now W-IMP-008 names the hidden columns with their headings at the heading row, and
    W-IMP-010, in place of W-IMP-003, says that the headings are in hidden columns and how to show them."""
    book = Workbook()
    book.active.title = "2026级"
    for row in (["班级名称", "学院", "专业", "年级", "人数"], ["计算机2602班", "cs", "计算机科学与技术", 2026, 29]):
        book.active.append(row)
    old = book.create_sheet("旧名单")
    for row in (["班级名称", "学院", "专业", "年级", "人数", "备注"],
                ["计算机2502班", "cs", "计算机科学与技术", 2025, 30, "已核对"]):
        old.append(row)
    old.column_dimensions.group("A", "E", hidden=True)
    book.save(work / "折叠.xlsx")
    run = cli(work, "import", "classes", "折叠.xlsx")
    assert run.returncode == 0 and "计算机2602班" in run.stdout and "计算机2502班" not in run.stdout, run.stdout
    assert ("折叠.xlsx[旧名单]:1:1: 警告 W-IMP-008: A 列（班级名称）、B 列（学院）、C 列（专业）、D 列（年级）、E 列（人数）"
            "是隐藏的，未导入") in run.stdout, run.stdout
    assert ("折叠.xlsx[旧名单]:1:1: 警告 W-IMP-010: 工作表“旧名单”中认出的列标题都在隐藏的列中，这一页未导入"
            in run.stdout), run.stdout
    assert "取消隐藏" in run.stdout.split("W-IMP-010")[1] and "W-IMP-003" not in run.stdout
    en = cli(work, "import", "classes", "折叠.xlsx", "--lang", "en")
    assert ("折叠.xlsx[旧名单]:1:1: warning W-IMP-010: the column headings recognised in sheet '旧名单' are all in "
            "hidden columns: it is not imported") in en.stdout, en.stdout
    assert "hidden columns A (班级名称), B (学院)" in en.stdout and "Unhide" in en.stdout.split("W-IMP-010")[1]


def test_a_folder_given_as_the_spreadsheet_is_said_to_be_a_folder(work):
    """A folder named like a spreadsheet (名单.xlsx unpacked by an archive tool into a folder of that
    name) was told 无法读取表格：找不到文件 — it is right there.  Now it says it is a folder."""
    (work / "名单.xlsx").mkdir()
    run = cli(work, "import", "classes", "名单.xlsx")
    assert run.returncode == 2 and "名单.xlsx: 错误 E-IMP-001: 无法读取表格：这是文件夹，不是表格文件" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "名单.xlsx", "--lang", "en")
    assert "cannot read the spreadsheet: it is a folder, not a spreadsheet file" in en.stdout, en.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_in_place_of_the_cadres_folder_stops_the_import_before_anything_is_written(work, lang):
    """records/cadres a regular file: said at it, with how to fix it, and nothing written — not a
    bare 'File exists' after the 新增 lines."""
    shutil.rmtree(work / "records/cadres")
    (work / "records/cadres").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["吕婷娜", "副院长", "cs", "2016-09-01"],
                           ["曾伟杰", "副部长", "xgb", "2020-03-15"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--lang", lang)
    assert run.returncode == 1 and snapshot(work) == before, run.stdout + run.stderr
    said = {"zh": ["错误 E-IMP-014", "records/cadres: ", "不是放记录的文件夹", "没有写入任何文件"],
            "en": ["error E-IMP-014", "records/cadres: ", "not the folder", "nothing was written"]}[lang]
    assert all(s in run.stdout for s in said), run.stdout
    assert "File exists" not in run.stdout + run.stderr
    dry = cli(work, "import", "cadres", "c.xlsx")  # the dry run says so too, not "add --write"
    assert dry.returncode == 1 and "E-IMP-014" in dry.stdout, dry.stdout



def test_a_write_that_fails_midway_leaves_every_file_whole_and_says_which_were_written(work):
    """A full disk partway through: the old loop truncated records/classes/2025.yaml and wrote
    part of it (its classes lost), then said only '无法写入或读取 …'.  Each file is now written
    beside itself and put in place whole; the one that failed is as it was, and E-IMP-015 says
    which files were written and which not.  (A limit on file size stands in for the full disk.)"""
    from workflow_repo import run_small_files

    old = (work / "records/classes/2025.yaml").read_bytes()
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                           ["软件2701班", "cs", "软件工程", 2027, 29],
                           ["计算机2502班", "cs", "计算机科学与技术" * 4, 2025, 31]])
    # (files may not grow past the old 2025.yaml's size + 20 bytes)
    run = run_small_files(work, len(old) + 20, "import", "classes", "c.xlsx", "--write")
    said = run.stdout + run.stderr
    assert run.returncode == 2 and "Traceback" not in said, said
    assert (work / "records/classes/2025.yaml").read_bytes() == old, said
    assert "错误 E-IMP-015: 写入 records/classes/2025.yaml 时出错" in said, said
    assert "已写入 records/classes/2027.yaml；未写入 records/classes/2025.yaml" in said, said
    assert sorted(p.name for p in (work / "records/classes").iterdir()) == ["2025.yaml", "2026.yaml", "2027.yaml"]
    assert cli(work, "validate").returncode == 0


def test_a_write_of_many_cadres_that_fails_midway_names_the_first_few_and_how_many(work):
    """Importing ten cadres onto a full disk: E-IMP-015 named every file written, one line as long as the
    list (an import of 300 cadres, 300 paths).  A list of more than six now names the first three and
    how many, as the other commands' message does."""
    from workflow_repo import run_small_files

    rows = [["姓名", "职务", "单位", "任职日期"]] + [[f"干部{n}", "副部长", "党委学生工作部", "2021-03-01"]
                                                   for n in "一二三四五六七"]
    rows += [["干部八", "副部长" + "（兼任党委学生工作部学生事务中心主任）" * 3, "党委学生工作部", "2021-03-01"],
             ["干部九", "副部长", "党委学生工作部", "2021-03-01"]]
    xlsx(work / "c.xlsx", rows)
    run = run_small_files(work, 200, "import", "cadres", "c.xlsx", "--write")  # (干部八's file is longer)
    said = run.stdout + run.stderr
    assert run.returncode == 2 and "错误 E-IMP-015" in said, said
    written = said.split("已写入 ")[1].split("；未写入")[0]
    assert written.count("records/cadres/") == 3 and written.endswith(" 等共 7 个文件"), said
    assert len([p for p in (work / "records/cadres").iterdir() if not p.name.startswith(".")]) == 2 + 7


def test_more_classes_in_a_cohort_or_longer_ids_than_validate_allows_are_refused(work):
    """A class list of 2,001 classes of one cohort (validate allows 2,000 in a cohort's file) was
    written into records/classes/2031.yaml, and a 班级编号 of 65 characters (validate allows 64)
    too: validate then failed (E-SCHEMA-006) and every import after it stopped at E-FLOW-006 until
    the file was mended by hand.  Each is now refused at its row or cell, with the limit read from
    the schema, and nothing is written; a units list's 单位编号 of 65 characters likewise."""
    rows = [["班级名称", "学院", "专业", "年级", "人数"]] + [[f"计算机31{i:04d}班", "cs", "计算机科学与技术", 2031, 30]
                                                      for i in range(2001)]
    csv_file(work / "c.csv", rows, "utf-8")
    before = snapshot(work)
    run = cli(work, "import", "classes", "c.csv", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout[-3000:]
    assert "c.csv:2002:1: 错误 E-IMP-008" in run.stdout and "至多 2000 个班级" in run.stdout, run.stdout[-3000:]
    assert run.stdout.count("E-IMP-008") == 1, run.stdout[-3000:]
    en = cli(work, "import", "classes", "c.csv", "--lang", "en")
    assert "at most 2000 classes" in en.stdout, en.stdout[-3000:]
    csv_file(work / "c.csv", rows[:2000], "utf-8")  # (1,999 classes: written, and validate passes)
    assert cli(work, "import", "classes", "c.csv", "--write").returncode == 0
    assert cli(work, "validate").returncode == 0

    xlsx(work / "id.xlsx", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                            ["c" * 65, "计算机2690班", "cs", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "id.xlsx")
    assert run.returncode == 1 and "id.xlsx:2:1: 错误 E-IMP-004" in run.stdout, run.stdout
    assert "不超过 64 个字符的编号" in run.stdout, run.stdout
    xlsx(work / "u.xlsx", [["单位编号", "单位名称", "单位类型"], ["u" * 65, "数学学院", "学院"]])
    run = cli(work, "import", "units", "u.xlsx", "--lang", "en")
    assert run.returncode == 1 and "u.xlsx:2:1: error E-IMP-004" in run.stdout, run.stdout
    assert "an id of at most 64 characters" in run.stdout, run.stdout
    csv_file(work / "u.csv", [["单位编号", "单位名称", "单位类型"]] + [[f"u{i}", f"单位{i}", "部门"] for i in range(505)],
             "utf-8")  # (validate allows 500 units; the records have some already)
    run = cli(work, "import", "units", "u.csv")
    assert run.returncode == 1 and "至多 500 个单位" in run.stdout and run.stdout.count("E-IMP-008") == 1, run.stdout[-2000:]


def test_the_hint_of_an_unreadable_file_says_where_the_headings_may_be(work):
    """E-IMP-001's hint said 表格第一行须为列标题 (the headings in the first row), though the import
    looks for them in the first 10 rows (a title and notes may stand above them): it says so now."""
    (work / "名单.docx").write_bytes(b"PK\x03\x04 not a spreadsheet")
    run = cli(work, "import", "classes", "名单.docx")
    assert run.returncode == 2 and "E-IMP-001" in run.stdout, run.stdout
    assert "第一行" not in run.stdout and "列标题须在前 10 行之内的同一行" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "名单.docx", "--lang", "en")
    assert "first row" not in en.stdout and "on one row within the first 10" in en.stdout, en.stdout


def test_a_date_in_the_cohort_column_is_read_as_its_year_with_a_notice(work):
    """A 年级 (入学年份) column holding the day of entry — a date cell 2026-09-01, the text 2026/9/1 or
    2026年9月 — or 2027 typed into a cell formatted as a date (Excel keeps it as the day 2027 days
    after 1899-12-30, 1905-07-19, and shows that) was refused with E-IMP-004; an administrator
    means the year: each is read so, and the summary says which rows were."""
    typed = dt.datetime(1899, 12, 30) + dt.timedelta(days=2027)
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "入学年份", "人数"],
                           ["计算机2602班", "cs", "计算机科学与技术", dt.datetime(2026, 9, 1), 30],
                           ["计算机2603班", "cs", "计算机科学与技术", "2026/9/1", 30],
                           ["计算机2604班", "cs", "计算机科学与技术", "2026年9月", 30],
                           ["计算机2701班", "cs", "计算机科学与技术", typed, 30],
                           ["计算机2605班", "cs", "计算机科学与技术", "2026年", 30]])  # (a year: no notice)
    run = cli(work, "import", "classes", "c.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert "c.xlsx 第 2–5 行的“入学年份”（D 列）是日期，按它的年份读作年级（如 2026-09-01 读作 2026、1905-07-19 读作 2027）" in run.stdout, run.stdout
    assert "1905-07-19" in run.stdout and "2027" in run.stdout, run.stdout
    written = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]
    assert {c["name"] for c in written} >= {"计算机2602班", "计算机2603班", "计算机2604班", "计算机2605班"}
    assert yaml.safe_load((work / "records/classes/2027.yaml").read_text(encoding="utf-8"))["classes"][0]["name"] == "计算机2701班"
    assert cli(work, "validate").returncode == 0
    en = cli(work, "import", "classes", "c.xlsx", "--lang", "en")
    assert "rows 2–5 of c.xlsx: '入学年份' (column D) holds dates, read as their years (2026-09-01 as 2026" in en.stdout, en.stdout


def test_classes_of_one_name_in_two_units_are_two_classes(work):
    """validate allows a class name in two units of one cohort (E-REF-022 is one unit's), but the
    import took a row of 学工部's 计算机2601班 for cs's record of that name: E-IMP-007 (学院 “cs” →
    “xgb”), whose --update would have moved cs's class, its ledgers with it, to the other unit; and
    the two rows in one list were E-IMP-006.  A class is now matched by its name within its unit:
    the row is a new class, with W-IMP-004 naming its namesake."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                           ["计算机2601班", "cs", "计算机科学与技术", 2026, 32],
                           ["计算机2601班", "xgb", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "c.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-00" not in run.stdout, run.stdout
    assert "W-IMP-004" in run.stdout and "新增 records/classes/2026.yaml xgb-2026-01（计算机2601班）" in run.stdout, run.stdout
    classes = yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]
    assert [(c["id"], c["unit"]) for c in classes if c["name"] == "计算机2601班"] == [("cs-2026-01", "cs"), ("xgb-2026-01", "xgb")]
    assert cli(work, "validate").returncode == 0


def test_a_class_id_made_longer_than_validate_allows_is_refused(work):
    """A class list without 班级编号 of a unit whose id is 60 characters (validate allows 64) made
    the ids <unit>-2026-01, 68 characters: they were written, validate then failed (E-SCHEMA-006) and
    every import after it stopped at E-FLOW-006.  Each file the import writes is now checked
    against the schema before it is: E-IMP-011 at the row, saying what validate would say."""
    unit = "a" * 60
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + f"  - id: {unit}\n    name: 长编号学院\n    type: 学院\n"
                     "    reviewers: []\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["长编号2601班", "长编号学院", "数学", 2026, 30]])
    before = snapshot(work)
    run = cli(work, "import", "classes", "c.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "c.xlsx:2:1: 错误 E-IMP-011" in run.stdout and "通不过 validate" in run.stdout, run.stdout


def test_a_cohort_validate_refuses_given_by_cohort_is_a_usage_error_naming_the_range(work):
    """--cohort 26 (meant 2026) for a list without 年级 column was taken as given and reached
    E-IMP-011 at the first row (年级“26”通不过 validate), as if the sheet were wrong.  It is a bad
    argument, refused when the arguments are read: exit 2, naming the years validate allows (the
    classes schema's minimum and maximum), zh and en; nothing read, nothing written."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "人数"], ["计算机2602班", "cs", "计算机科学与技术", 30]])
    before = snapshot(work)
    for wrong in ("26", "twenty", "3026"):
        run = cli(work, "import", "classes", "c.xlsx", "--cohort", wrong, "--write")
        assert run.returncode == 2 and snapshot(work) == before and "E-IMP" not in run.stdout, run.stdout + run.stderr
        assert "参数 --cohort：应为 1950–2100 之间的入学年份，如 2026" in run.stderr, run.stderr
        assert "cohort year" not in run.stderr, run.stderr  # (said in English too, once, whatever --lang)
        en = cli(work, "import", "classes", "c.xlsx", "--cohort", wrong, "--lang", "en")
        assert f"a cohort year from 1950 to 2100, such as 2026: '{wrong}'" in en.stderr, en.stderr
    assert cli(work, "import", "classes", "c.xlsx", "--cohort", "2026").returncode == 0


def test_a_sheet_named_for_a_year_validate_refuses_says_so_at_that_sheet(work):
    """A sheet named 1905级 (meant 2005级) without 年级 column gave its rows the cohort 1905: each
    row was E-IMP-011 (年级“1905”通不过 validate), not a word of the sheet's name, even with
    --cohort given.  The sheet's year is not taken: E-IMP-002 (no 年级) at that sheet says its name
    holds a year out of validate's range, to correct the name or add the column, zh and en."""
    workbook(work / "c.xlsx", {"1905级": [["班级名称", "学院", "专业", "人数"], ["计算机0502班", "cs", "计算机科学与技术", 30],
                                          ["计算机0503班", "cs", "计算机科学与技术", 30]]})
    before = snapshot(work)
    for extra in ((), ("--cohort", "2026")):
        run = cli(work, "import", "classes", "c.xlsx", "--write", *extra)
        assert run.returncode == 1 and snapshot(work) == before and "E-IMP-011" not in run.stdout, run.stdout
        assert "1 个错误" in run.stdout and "c.xlsx:1:1: 错误 E-IMP-002: 缺少必填的列“年级”" in run.stdout, run.stdout
        assert "工作表名“1905级”中的 1905 不是 validate 允许的入学年份（1950–2100），没有取作这一页的年级：请改正工作表名，" \
               "或者在列标题所在的第 1 行加上这一列" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "c.xlsx", "--lang", "en")
    assert "the sheet's name '1905级' holds 1905, not a cohort year validate allows (1950 to 2100): it is not taken as " \
           "this sheet's cohort. Correct the sheet's name, or add this column to the headings' row, row 1" in run.stdout, \
        run.stdout


def test_a_grade_cell_out_of_validate_s_range_names_the_range(work):
    """A 年级 cell 1905级 (meant 2005级) was E-IMP-004 “1905级”不是入学年份: a year, the
    administrator would say, and not told which years are; it now names them (the classes
    schema's minimum and maximum), as 人数 does, zh and en."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["计算机0502班", "cs", "计算机科学与技术", "1905级", 30]])
    run = cli(work, "import", "classes", "c.xlsx")
    assert run.returncode == 1 and "“1905级”不是入学年份（1950 到 2100 之间）" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "c.xlsx", "--lang", "en")
    assert "'1905级' is not a cohort year from 1950 to 2100" in run.stdout, run.stdout


def test_a_sheet_named_for_one_cohort_and_cohort_naming_another_is_refused_naming_both(work):
    """A sheet named 2025级 and --cohort 2026 say two years for the same rows: neither wins silently."""
    book = Workbook()
    book.active.title = "2025级"
    for row in [["班级名称", "学院", "专业", "人数"], ["计算机2502班", "cs", "计算机科学与技术", 30]]:
        book.active.append(row)
    book.save(work / "名单.xlsx")
    before = snapshot(work)
    run = cli(work, "import", "classes", "名单.xlsx", "--cohort", "2026", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "名单.xlsx:1:1: 错误 E-IMP-016: 工作表名“2025级”说是 2025 级，--cohort 却是 2026" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "名单.xlsx", "--cohort", "2026", "--lang", "en")
    assert "error E-IMP-016: the sheet's name '2025级' says cohort 2025, --cohort says 2026" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "名单.xlsx", "--cohort", "2025", "--write")  # (agreeing: imported)
    assert run.returncode == 0 and "cs-2025-02" in run.stdout, run.stdout


@pytest.mark.parametrize("given", ["2026级", "2026年级", "２０２６级", "2026 级"])
def test_cohort_written_as_a_grade_is_its_year(work, given):
    """--cohort 2026级, as the 年级 column may write it, is 2026, not a usage error."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "人数"], ["计算机2603班", "cs", "计算机科学与技术", 30]])
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", given, "--write")
    assert run.returncode == 0 and "新增 records/classes/2026.yaml cs-2026-02" in run.stdout, run.stdout + run.stderr
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "26")  # (two digits alone: not a year)
    assert run.returncode == 2 and "1950–2100" in run.stderr, run.stderr
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "26级")  # (as 26级 in a cell: 2026)
    assert run.returncode == 0 and "1 条与已有记录相同" in run.stdout, run.stdout + run.stderr


def test_a_promoted_cadre_updated_keeps_the_earlier_post_and_the_start_as_a_cadre(work):
    """A 组织部 list gives a promoted cadre's new post and the day it began (任现职时间): --update
    wrote both over the record, so the earlier post and the day they became a cadre were lost and
    the past ledgers showed the new post.  Now the earlier post goes into `earlier` (until the day
    before), active_from stays, and W-IMP-012 says what was replaced and what kept."""
    path = work / "records/cadres/li-na.yaml"
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任现职时间"],
                           ["李娜", "党委学生工作部部长兼武装部部长", "xgb", "2025-09-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update")
    assert run.returncode == 0, run.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["position"] == "党委学生工作部部长兼武装部部长" and str(data["active_from"]) == "2021-03-01", data
    assert data["earlier"] == [{"until": dt.date(2025, 8, 31), "unit": "xgb", "position": "党委学生工作部部长"}], data
    assert ("c.xlsx:2:2: 警告 W-IMP-012: 第 2 行：李娜的职务“党委学生工作部部长”→“党委学生工作部部长兼武装部部长”，"
            "原职务记入 records/cadres/li-na.yaml 的 earlier（至 2025-08-31）；任职开始仍为 2021-03-01") in run.stdout, run.stdout
    assert cli(work, "validate").returncode == 0
    run = cli(work, "import", "cadres", "c.xlsx")  # (the same list again: the record says it all)
    assert run.returncode == 0 and "1 条与已有记录相同" in run.stdout and "W-IMP-012" not in run.stdout, run.stdout

    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任现职时间"], ["李娜", "党委学生工作部部长", "xgb", "2021-03-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update", "--lang", "en")
    assert run.returncode == 0, run.stdout
    assert ("warning W-IMP-012: row 2: 李娜's position '党委学生工作部部长兼武装部部长' is replaced by '党委学生工作部部长' "
            "with no earlier post kept") in run.stdout, run.stdout
    assert len(yaml.safe_load(path.read_text(encoding="utf-8"))["earlier"]) == 1


def test_a_club_list_is_appended_to_clubs_yaml_matching_the_clubs_recorded(work):
    """`import clubs`: the 校团委's list of clubs (tests/fixtures/import/make_xlsx.py: a title row, a
    序号, the student president's name and telephone) becomes records/clubs.yaml items as classes do:
    a dry run first, a club already recorded matched by its name, new ones given club-<unit>-NN,
    the students' columns refused, a unit's short name understood; validate passes."""
    shutil.copy(B.REPO / "tests/fixtures/import/社团名单.xlsx", work / "社团名单.xlsx")
    (work / "records/units.yaml").write_text((work / "records/units.yaml").read_text(encoding="utf-8").replace(
        "    type: 学院\n", "    short_names: [计院]\n    type: 学院\n", 1), encoding="utf-8")
    clubs = work / "records/clubs.yaml"
    clubs.write_text("# 校团委 2025 年名单\n" + clubs.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(work)
    run = cli(work, "import", "clubs", "社团名单.xlsx")
    assert run.returncode == 0 and snapshot(work) == before, run.stdout + run.stderr
    assert "社团名单.xlsx:2:5: 警告 W-IMP-002: 列“负责人”（E 列）含个人信息" in run.stdout, run.stdout
    assert "社团名单.xlsx:2:6: 警告 W-IMP-002" in run.stdout and "1 条与已有记录相同" in run.stdout, run.stdout
    assert "新增 records/clubs.yaml club-cs-01（程序设计竞赛协会）" in run.stdout, run.stdout

    run = cli(work, "import", "clubs", "社团名单.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    text = clubs.read_text(encoding="utf-8")
    assert text.startswith("# 校团委 2025 年名单\nclubs:\n  - id: club-robotics\n")
    assert [(c["id"], c["name"], c["unit"], c.get("category")) for c in yaml.safe_load(text)["clubs"]] == [
        ("club-robotics", "机器人协会", "cs", "学术科技"), ("club-cs-01", "程序设计竞赛协会", "cs", "学术科技"),
        ("club-xgb-01", "青年志愿者协会", "xgb", "志愿公益"), ("club-cs-02", "书法协会", "cs", "文化艺术")]
    assert "王小明" not in text and "138" not in text
    assert cli(work, "validate").returncode == 0

    xlsx(work / "c.xlsx", [["社团编号", "社团名称", "指导单位", "社团类别"], ["club-robotics", "机器人协会", "xgb", "学术科技"]])
    run = cli(work, "import", "clubs", "c.xlsx", "--lang", "en")  # (an existing club that differs: as classes)
    assert run.returncode == 1 and "c.xlsx:2:3: error E-IMP-007: row 2 differs from the existing record " \
        "records/clubs.yaml club-robotics: supervising unit 'cs' → 'xgb'" in run.stdout, run.stdout


def test_jie_is_read_as_the_year_of_entry_and_every_import_says_so(work):
    """届 is the year of entry here and the year of graduation at many universities: a list whose
    年级 says 2026届, a sheet named 2025届, or --cohort 2026届 is read as the year of entry, never
    silently: W-IMP-013 at the first place says how it was read and what to write otherwise."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                           ["计算机2603班", "cs", "计算机科学与技术", "2026届", 30],
                           ["计算机2604班", "cs", "计算机科学与技术", "2026届", 30]])
    run = cli(work, "import", "classes", "c.xlsx")
    assert run.returncode == 0 and "新增 records/classes/2026.yaml cs-2026-02" in run.stdout, run.stdout
    assert ("c.xlsx:2:4: 警告 W-IMP-013: 第 2 行的“年级”（D 列）“2026届”等 2 处的“届”读作入学年份：2026届 是 2026 年入学的 2026 级"
            in run.stdout), run.stdout
    run = cli(work, "import", "classes", "c.xlsx", "--lang", "en")
    assert "warning W-IMP-013: 届 in row 2's '年级' (column D) '2026届' and 1 more is read as the year of entry" in run.stdout

    book = Workbook()
    book.active.title = "2025届"
    for row in [["班级名称", "学院", "专业", "人数"], ["计算机2502班", "cs", "计算机科学与技术", 30]]:
        book.active.append(row)
    book.save(work / "s.xlsx")
    run = cli(work, "import", "classes", "s.xlsx")
    assert run.returncode == 0 and "s.xlsx:1:1: 警告 W-IMP-013: 工作表名“2025届”的“届”读作入学年份" in run.stdout, run.stdout

    xlsx(work / "n.xlsx", [["班级名称", "学院", "专业", "人数"], ["计算机2605班", "cs", "计算机科学与技术", 30]])
    run = cli(work, "import", "classes", "n.xlsx", "--cohort", "2026届")
    assert run.returncode == 0 and "警告 W-IMP-013: --cohort 2026届 的“届”读作入学年份" in run.stdout, run.stdout + run.stderr


def hint(out: str, code: str) -> str:
    """The hint (怎么改 / how to fix) printed under the first finding `code` of `out`."""
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if f" {code}: " in line)
    return lines[at + 1]


def test_e_imp_008_and_011_hints_say_the_cause_that_applies_not_every_cause(work):
    """E-IMP-008 and E-IMP-011 each have several causes, and their hints were one fixed text about
    all of them (a [ ] file, an id taken, a full file; an unseen character, a unit id, a long class
    id): the admin had to work out which applied.  Each hint now says the one that does."""
    xlsx(work / "教务处.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                              ["计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30]])
    assert cli(work, "import", "classes", "教务处.xlsx", "--write").returncode == 0
    xlsx(work / "学院.xlsx", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                             ["202602", "计算机2602班", "计算机学院", "计算机科学与技术", 2026, 30]])
    taken = hint(cli(work, "import", "classes", "学院.xlsx").stdout, "E-IMP-008")
    assert "班级编号改成 cs-2026-02" in taken and "[ … ]" not in taken and "已满" not in taken, taken

    classes = work / "records/classes/2026.yaml"
    classes.write_text("cohort: 2026\nclasses: [{id: cs-2026-01, name: 计算机2601班, unit: cs, major: 计算机科学与技术, "
                       "headcount: 30}]\n", encoding="utf-8")
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2609班", "cs", "计算机科学与技术", 2026, 30]])
    flow = hint(cli(work, "import", "classes", "c.xlsx").stdout, "E-IMP-008")
    assert "一项一行" in flow and "编号" not in flow and "已满" not in flow, flow

    unit = "a" * 60
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + f"  - id: {unit}\n    name: 长编号学院\n    type: 学院\n"
                     "    reviewers: []\n", encoding="utf-8")
    xlsx(work / "l.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["长编号2501班", "长编号学院", "数学", 2025, 30]])
    long = hint(cli(work, "import", "classes", "l.xlsx").stdout, "E-IMP-011")
    assert "班级编号" in long and "看不见" not in long and "units.yaml" not in long, long
    long_en = hint(cli(work, "import", "classes", "l.xlsx", "--lang", "en").stdout, "E-IMP-011")
    assert "班级编号" in long_en and "cannot be seen" not in long_en, long_en


def test_a_club_list_s_member_count_is_not_refused_as_personal_data(work):
    """A club list's 会员人数 (how many members) is a number, not a student: W-IMP-001 (not
    imported), not W-IMP-002 (personal data); 会员名单 and 会长 are the students'."""
    xlsx(work / "c.xlsx", [["社团名称", "指导单位", "会员人数", "会员名单", "会长"], ["围棋社", "xgb", 40, "甲、乙", "丙"]])
    run = cli(work, "import", "clubs", "c.xlsx")
    assert run.returncode == 0 and "c.xlsx:1:3: 警告 W-IMP-001: 不认识的列“会员人数”" in run.stdout, run.stdout
    assert "c.xlsx:1:4: 警告 W-IMP-002" in run.stdout and "c.xlsx:1:5: 警告 W-IMP-002" in run.stdout, run.stdout


def test_a_club_or_class_id_that_the_other_kind_has_is_refused_not_written(work):
    """Classes and clubs share one namespace of ids (a ledger names either): a club list giving a
    class's id, or a class list a club's, was written and validate then failed (E-REF-002), which
    stopped every import after it.  Now it is E-IMP-008 naming the record that has it."""
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["社团编号", "社团名称", "指导单位"], ["cs-2026-01", "围棋社", "xgb"]])
    run = cli(work, "import", "clubs", "c.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "c.xlsx:2:1: 错误 E-IMP-008: 无法把第 2 行合并进 records/classes/2026.yaml cs-2026-01：这个编号已是班级的编号" \
        in run.stdout, run.stdout
    xlsx(work / "k.xlsx", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                           ["club-robotics", "计算机2609班", "cs", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "k.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert "k.xlsx:2:1: 错误 E-IMP-008: 无法把第 2 行合并进 records/clubs.yaml club-robotics：这个编号已是社团的编号" \
        in run.stdout, run.stdout


def test_an_older_list_imported_after_a_promotion_is_refused_not_made_history(work):
    """After a promotion was imported (the earlier post kept until 2025-08-31), the older list
    (the earlier post, from 2023-09-01) imported with --update made the present post an earlier
    one ending 2023-08-31 and wrote the old post back as the present: the history upside down.
    Now a 任职日期 not after the record's last earlier post is E-IMP-017, nothing written."""
    path = work / "records/cadres/li-na.yaml"
    xlsx(work / "new.xlsx", [["姓名", "职务", "单位", "任现职时间"], ["李娜", "学生工作处处长", "xgb", "2025-09-01"]])
    assert cli(work, "import", "cadres", "new.xlsx", "--write", "--update").returncode == 0
    before = snapshot(work)
    xlsx(work / "old.xlsx", [["姓名", "职务", "单位", "任现职时间"], ["李娜", "学生工作处副处长", "xgb", "2023-09-01"]])
    run = cli(work, "import", "cadres", "old.xlsx", "--write", "--update")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert ("old.xlsx:2:4: 错误 E-IMP-017: 第 2 行的任职日期 2023-09-01 不晚于 records/cadres/li-na.yaml 中以往任职的最后一天 "
            "2025-08-31：表格比记录旧") in run.stdout, run.stdout
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["position"] == "学生工作处处长"


def test_a_promotion_without_update_says_what_update_will_do_with_the_date(work):
    """E-IMP-007 of a promoted cadre said 任职日期 “2021-03-01” → “2025-09-01” and told the admin
    to add --update to change the record, yet --update keeps active_from (the new date starts the
    present post): the change it lists now says so."""
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任现职时间"], ["李娜", "学生工作处处长", "xgb", "2025-09-01"]])
    run = cli(work, "import", "cadres", "c.xlsx")
    assert run.returncode == 1 and ("任职日期 “2021-03-01” → “2025-09-01”（加 --update 时这是现任职务的开始："
                                    "任职开始不改，原职务记入 earlier）") in run.stdout, run.stdout
    run = cli(work, "import", "cadres", "c.xlsx", "--lang", "en")
    assert "since '2021-03-01' → '2025-09-01' (with --update, the start of the present post: active_from " \
        "is kept, the old post goes into earlier)" in run.stdout, run.stdout


def _foreign_languages(work):
    """units.yaml with a second school, 外国语学院 (wgy), beside 计算机学院 (cs)."""
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "  - id: wgy\n    name: 外国语学院\n    type: 学院\n"
                     "    reviewers: [wgy-reviewer]\n", encoding="utf-8")


def test_clubs_of_one_name_in_two_units_are_two_clubs(work):
    """College-level clubs share names (篮球协会 of 计算机学院 and of 外国语学院): matched by name
    alone, the second row was E-IMP-006 (the same record as row 2), and a list with only the second
    was taken for the first's record (E-IMP-007, unit cs → wgy).  A club is now matched by its unit
    and name, as a class is; a namesake under another unit is said in the line that adds it."""
    _foreign_languages(work)
    xlsx(work / "c.xlsx", [["社团名称", "指导单位", "社团类别"], ["篮球协会", "计算机学院", "体育竞技"],
                           ["篮球协会", "外国语学院", "体育竞技"]])
    run = cli(work, "import", "clubs", "c.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-006" not in run.stdout, run.stdout
    clubs = yaml.safe_load((work / "records/clubs.yaml").read_text(encoding="utf-8"))["clubs"]
    assert [(c["id"], c["name"], c["unit"]) for c in clubs[1:]] == [
        ("club-cs-01", "篮球协会", "cs"), ("club-wgy-01", "篮球协会", "wgy")], clubs
    assert cli(work, "validate").returncode == 0
    run = cli(work, "import", "clubs", "c.xlsx")  # (again: both recorded, each matched to its own)
    assert run.returncode == 0 and "2 条与已有记录相同" in run.stdout, run.stdout

    xlsx(work / "r.xlsx", [["社团名称", "指导单位", "社团类别"], ["机器人协会", "外国语学院", "学术科技"]])
    run = cli(work, "import", "clubs", "r.xlsx")  # (club-robotics is 计算机学院's: this one is new)
    assert run.returncode == 0 and "E-IMP-007" not in run.stdout, run.stdout
    assert ("新增 records/clubs.yaml club-wgy-02（机器人协会；records/clubs.yaml 已有同名社团 club-robotics，指导单位 cs："
            "若是同一个社团换了指导单位，请在表格中写出它的社团编号，再加 --update）") in run.stdout, run.stdout


def test_the_first_list_of_clubs_or_units_makes_its_file_and_says_so(work):
    """records/clubs.yaml is optional (a university may record no club): the first import of clubs
    made it without a word, while an import needing units.yaml stops at E-REF-009 when it is missing.
    Making the first clubs.yaml (or units.yaml, with import units) is right, and is now said; the
    imports that match rows against units.yaml still stop without it (named in the guide)."""
    (work / "records/clubs.yaml").unlink()
    csv_file(work / "c.csv", [["社团名称", "指导单位"], ["围棋社", "党委学生工作部"]], "gbk")
    run = cli(work, "import", "clubs", "c.csv")
    assert run.returncode == 0 and not (work / "records/clubs.yaml").exists(), run.stdout
    assert "  新建 records/clubs.yaml：还没有这个文件，上面新增的社团都写在其中" in run.stdout, run.stdout
    run = cli(work, "import", "clubs", "c.csv", "--write", "--lang", "en")
    assert run.returncode == 0 and "  new file records/clubs.yaml: there was none; the clubs added above go into it" \
        in run.stdout, run.stdout
    assert (work / "records/clubs.yaml").read_text(encoding="utf-8") == \
        "clubs:\n  - id: club-xgb-01\n    name: 围棋社\n    unit: xgb\n"
    run = cli(work, "import", "clubs", "c.csv")
    assert run.returncode == 0 and "新建" not in run.stdout and "1 条与已有记录相同" in run.stdout, run.stdout

    units = (work / "records/units.yaml").read_text(encoding="utf-8")
    (work / "records/units.yaml").unlink()
    csv_file(work / "u.csv", [["单位编号", "单位名称", "单位类型"], ["xgb", "党委学生工作部", "部门"]], "gbk")
    run = cli(work, "import", "clubs", "c.csv")
    assert run.returncode == 1 and "records/units.yaml: 错误 E-REF-009" in run.stdout, run.stdout
    run = cli(work, "import", "units", "u.csv")
    assert run.returncode == 0 and "  新建 records/units.yaml：还没有这个文件，上面新增的单位都写在其中" in run.stdout, run.stdout
    (work / "records/units.yaml").write_text(units, encoding="utf-8")
    xlsx(work / "k.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2901班", "cs", "计算机科学与技术", 2029, 30]])
    run = cli(work, "import", "classes", "k.xlsx")  # (a cohort's first classes: as the first clubs)
    assert run.returncode == 0 and "  新建 records/classes/2029.yaml：还没有这个文件，上面新增的 2029 级班级都写在其中" \
        in run.stdout, run.stdout


@pytest.mark.parametrize("update", [(), ("--update",)])
def test_a_later_start_of_the_same_post_is_not_a_change_said_on_every_import(work, update):
    """The 组织部's list gives 任现职时间 2025-09-01 for a cadre whose record (the same post) began
    2021-03-01: with --update every import said W-IMP-012 (职务不变；任职开始仍为 2021-03-01) and
    changed nothing, and without it E-IMP-007 asked for an --update that would change nothing.
    The record already says all the list does: it is the same, nothing said."""
    path = work / "records/cadres/li-na.yaml"
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任现职时间"], ["李娜", "党委学生工作部部长", "xgb", "2025-09-01"]])
    for _ in range(2):
        run = cli(work, "import", "cadres", "c.xlsx", "--write", *update)
        assert run.returncode == 0 and "W-IMP-012" not in run.stdout and "E-IMP-007" not in run.stdout, run.stdout
        assert "1 条与已有记录相同" in run.stdout and snapshot(work) == before, run.stdout
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任现职时间", "Git账号"],
                           ["李娜", "党委学生工作部部长", "xgb", "2025-09-01", "li-na-2"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--update")  # (another change: made, the date not)
    assert run.returncode == 0 and "W-IMP-012" not in run.stdout, run.stdout
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert (data["git"], str(data["active_from"]), data.get("earlier")) == ("li-na-2", "2021-03-01", None), data


def test_cohort_given_as_jie_is_said_only_when_it_gives_a_row_its_year(work):
    """--cohort 2026届 got W-IMP-013 (届 read as the year of entry) though every row had its own
    年级 and the option decided nothing; it is said only when a row's year is the option's."""
    rows = [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2606班", "cs", "计算机科学与技术", 2026, 30],
            ["计算机2607班", "cs", "计算机科学与技术", "2026级", 30]]
    xlsx(work / "c.xlsx", rows)
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "2026届")
    assert run.returncode == 0 and "W-IMP-013" not in run.stdout, run.stdout
    xlsx(work / "c.xlsx", rows + [["计算机2608班", "cs", "计算机科学与技术", None, 30]])
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "2026届")
    assert run.returncode == 0 and "c.xlsx: 警告 W-IMP-013: --cohort 2026届 的“届”读作入学年份" in run.stdout, run.stdout


def test_a_row_whose_cohort_differs_from_its_sheet_s_name_is_said_but_not_on_a_range(work):
    """On a sheet named 2025级 a row whose 年级 says 2026 (a typo, or a row on the wrong sheet)
    was imported as 2026 without a word: W-IMP-014 now says so, once a sheet, naming the first row
    and how many; a sheet named for a range (2025级及以前) expects other years and says nothing."""
    head = ["班级名称", "学院", "专业", "年级", "人数"]
    workbook(work / "c.xlsx", {
        "2025级": [head, ["计算机2503班", "cs", "计算机科学与技术", 2025, 30],
                  ["计算机2603班", "cs", "计算机科学与技术", "2026级", 30],
                  ["计算机2604班", "cs", "计算机科学与技术", 2026, 30],
                  ["计算机2504班", "cs", "计算机科学与技术", None, 30]],
        "2024级及以前": [head, ["计算机2301班", "cs", "计算机科学与技术", 2023, 30],
                     ["计算机2401班", "cs", "计算机科学与技术", 2024, 30]]})
    run = cli(work, "import", "classes", "c.xlsx")
    assert run.returncode == 0 and run.stdout.count("W-IMP-014") == 1, run.stdout
    assert ("c.xlsx[2025级]:3:4: 警告 W-IMP-014: 第 3 行的年级 2026 等 2 行与工作表名“2025级”的 2025 级不同，按这一行的年级导入"
            in run.stdout), run.stdout
    assert "新增 records/classes/2026.yaml cs-2026-02（计算机2603班）" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "c.xlsx", "--lang", "en")
    assert ("warning W-IMP-014: row 3's cohort 2026 and 1 more row differs from 2025, the cohort of the sheet's name "
            "'2025级': imported as the row says") in run.stdout, run.stdout


def test_headings_under_a_row_grouping_them_are_the_headings(work):
    """A two-row heading groups 班级名称, 学院 and 专业 under 班级基本信息 (merged over B1:D1), the
    other headings merged over both rows: the first row, holding two headings (年级, 人数), was
    taken for the headings and the import said 缺少必填的列“班级名称” with the column in sight.
    The row of the most headings is the headings' row now."""
    book = Workbook()
    sheet = book.active
    sheet.title = "2026级"
    for row in [["序号", "班级基本信息", None, None, "年级", "人数"], [None, "班级名称", "学院", "专业", None, None],
                [1, "计算机2611班", "计算机学院", "计算机科学与技术", 2026, 30]]:
        sheet.append(row)
    for cells in ("A1:A2", "B1:D1", "E1:E2", "F1:F2"):
        sheet.merge_cells(cells)
    book.save(work / "班级.xlsx")
    run = cli(work, "import", "classes", "班级.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout and "W-IMP" not in run.stdout, run.stdout
    assert "新增 records/classes/2026.yaml cs-2026-02（计算机2611班）" in run.stdout, run.stdout


def test_a_template_s_row_of_notes_under_the_headings_is_not_a_class(work):
    """A 教务处 template says under each heading whether it is required (（必填）, 选填): the import
    read that row as a class, each of its cells an error (单位“（必填，写全称）”找不到, 年级“（必填）”不是
    入学年份 …) and imported nothing, from a GBK CSV as Excel saves it.  A row whose every value is
    such a note is no record: left out, and the summary says which row."""
    csv_file(work / "班级.csv", [["2026级本科班级名单（教务处）", "", "", "", "", ""], ["序号", "班级名称", "学院", "专业", "年级", "人数"],
                                ["", "（必填）", "（必填，写全称）", "选填", "（必填）", "必填项"],
                                [1, "计算机2612班", "计算机学院", "计算机科学与技术", 2026, 30]], "gbk")
    run = cli(work, "import", "classes", "班级.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert "未导入 班级.csv 第 3 行（（必填））：是填表说明、签名或日期" in run.stdout, run.stdout
    assert "新增 records/classes/2026.yaml cs-2026-02（计算机2612班）" in run.stdout, run.stdout


def test_a_signature_line_and_a_note_below_the_list_are_not_classes(work):
    """Chinese forms end with a note (注：人数以9月报到为准。, written in the 序号 column) and a line
    to sign (制表人：张三 … 审核人：李四 … 日期：…): the note was listed as 只有序号，没有别的内容 and
    the signature line read as a class, five errors and nothing imported.  A row whose every value is
    such a label and its text is no record: left out, and the summary says which row."""
    csv_file(work / "班级.csv", [["序号", "班级名称", "学院", "专业", "年级", "人数"],
                                [1, "计算机2613班", "计算机学院", "计算机科学与技术", 2026, 30],
                                ["注：人数以9月报到为准。", "", "", "", "", ""],
                                ["制表人：张三", "", "审核人：李四", "", "日期：2026年9月10日", ""],
                                ["", "", "学院（盖章）", "", "负责人签字：", ""]], "gbk")
    run = cli(work, "import", "classes", "班级.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout and "只有序号" not in run.stdout, run.stdout
    assert ("未导入 班级.csv 第 3 行（注：人数以9月报到为准。）、第 4 行（制表人：张三）、第 5 行（学院（盖章））：是填表说明、签名或日期"
            in run.stdout), run.stdout
    assert "新增 records/classes/2026.yaml cs-2026-02（计算机2613班）" in run.stdout, run.stdout


def test_a_sheet_named_for_a_range_of_cohorts_gives_no_row_its_year(work):
    """A sheet named 2024级及以前 holds 2024 and earlier: a row there with its 年级 cell empty was
    imported as 2024 without a word (the name's year taken as the sheet's), and --cohort 2023 was
    E-IMP-016 (two years).  The name of a range decides no row's year: the empty cell is E-IMP-003,
    and --cohort gives it."""
    workbook(work / "c.xlsx", {"2024级及以前": [["班级名称", "学院", "专业", "年级", "人数"],
                                           ["计算机2302班", "cs", "计算机科学与技术", 2023, 30],
                                           ["计算机2303班", "cs", "计算机科学与技术", None, 30]]})
    run = cli(work, "import", "classes", "c.xlsx")
    assert run.returncode == 1 and "c.xlsx:3:4: 错误 E-IMP-003: 第 3 行的“年级”（D 列）是空的" in run.stdout, run.stdout
    run = cli(work, "import", "classes", "c.xlsx", "--cohort", "2023")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    assert "新增 records/classes/2023.yaml cs-2023-02（计算机2303班）" in run.stdout, run.stdout


def test_a_list_excel_saved_as_unicode_text_is_read(work):
    """Excel's 另存为 → Unicode 文本 (*.txt) writes UTF-16 with a byte-order mark and tabs, the way
    to keep every character without GBK's limits: the import said 编码既不是 UTF-8 也不是 GBK (exit 2)."""
    rows = [["班级名称", "学院", "专业", "年级", "人数"], ["计算机2614班", "计算机学院", "计算机科学与技术", 2026, 30]]
    (work / "班级.txt").write_bytes("\r\n".join("\t".join(map(str, r)) for r in rows).encode("utf-16"))
    run = cli(work, "import", "classes", "班级.txt")
    assert run.returncode == 0 and "新增 records/classes/2026.yaml cs-2026-02（计算机2614班）" in run.stdout, run.stdout


def test_a_cohort_column_headed_jiebie_is_read_and_its_jie_said(work):
    """A 年级 column headed 届别 was not recognised (W-IMP-001, then E-IMP-002 缺少必填的列“年级”);
    it is the 年级 column now, and as a 届 its years are said to be read as years of entry (W-IMP-013)
    even where a cell writes 2026 alone."""
    xlsx(work / "c.xlsx", [["班级名称", "学院", "专业", "届别", "人数"], ["计算机2615班", "cs", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "c.xlsx")
    assert run.returncode == 0 and "新增 records/classes/2026.yaml cs-2026-02（计算机2615班）" in run.stdout, run.stdout
    assert "c.xlsx:2:4: 警告 W-IMP-013: 第 2 行的“届别”（D 列）“2026”的“届”读作入学年份" in run.stdout, run.stdout


def test_a_compound_surname_is_one_in_the_id_and_a_record_under_the_old_id_is_kept(work):
    """欧阳娜娜 was imported as ou-yangnana (the surname split: one character taken as the surname),
    not ouyang-nana as the project writes ids.  A compound surname is now whole in the id; a record
    written under the old id, in a real Git repo as an administrator keeps it, is still matched by a
    second import (--update): kept, not a second record beside it."""
    import gitrepo as G

    rows = [["姓名", "职务", "单位", "任职日期"], ["欧阳娜娜", "计算机学院院长", "cs", "2024-09-01"],
            ["尉迟恭", "党委学生工作部副部长", "xgb", "2024-09-01"]]
    xlsx(work / "c.xlsx", rows)
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    cadres = work / "records/cadres"
    assert (cadres / "ouyang-nana.yaml").is_file() and (cadres / "yuchi-gong.yaml").is_file(), sorted(cadres.iterdir())
    assert "2 条与已有记录相同" in cli(work, "import", "cadres", "c.xlsx", "--write", "--update").stdout

    old = work.parent / "old"
    shutil.copytree(B.MINIMAL, old / "records")
    G.init_repo(old)
    (old / "records/cadres/ou-yangnana.yaml").write_text(
        "# 2024 年导入\nname: 欧阳娜娜\nposition: 计算机学院院长\nunit: cs\nactive_from: 2024-09-01\n", encoding="utf-8")
    G.commit(old, "2024-09-02 10:00", "导入干部")
    xlsx(old / "c.xlsx", rows[:2])
    again = cli(old, "import", "cadres", "c.xlsx", "--write", "--update")
    assert again.returncode == 0 and "1 条与已有记录相同" in again.stdout, again.stdout
    assert not (old / "records/cadres/ouyang-nana.yaml").exists() and "W-IMP-011" not in again.stdout, again.stdout
    assert (old / "records/cadres/ou-yangnana.yaml").read_text(encoding="utf-8").startswith("# 2024 年导入\n")
    assert cli(old, "validate").returncode == 0


# The compound surnames an id takes whole, and the ids they were given before (one character taken as the surname).
COMPOUND_IDS = {"呼延明": ("huyan-ming", "hu-yanming"), "钟离明": ("zhongli-ming", "zhong-liming"),
                "万俟明": ("moqi-ming", "wan-qiming"), "单于明": ("chanyu-ming", "shan-yuming"),
                "司马明": ("sima-ming", None), "上官明": ("shangguan-ming", None), "诸葛明": ("zhuge-ming", None),
                "东方明": ("dongfang-ming", "dong-fangming"), "皇甫明": ("huangfu-ming", None),
                "尉迟明": ("yuchi-ming", None), "公孙明": ("gongsun-ming", None), "慕容明": ("murong-ming", None),
                "长孙明": ("zhangsun-ming", None), "宇文明": ("yuwen-ming", None), "司徒明": ("situ-ming", None),
                "令狐明": ("linghu-ming", None), "夏侯明": ("xiahou-ming", None), "尉遲明": ("yuchi-ming", "yu-chiming"),
                "萬俟明": ("moqi-ming", "wan-qiming"), "單于明": ("chanyu-ming", "dan-yuming"), "闻人明": ("wenren-ming", "wen-renming"),
                "轩辕明": ("xuanyuan-ming", "xuan-yuanming"), "淳于明": ("chunyu-ming", "chun-yuming")}


def test_every_compound_surname_is_one_in_the_id_read_as_a_surname(work):
    """As b379733 did for 欧阳: 呼延明 was hu-yanming, 钟离明 zhong-liming, 东方明 dong-fangming, 单于明
    shan-yuming (单 read as the surname 单, shan), 万俟明 wan-qiming (万俟 reads mò qí as a surname), and
    the traditional 尉遲, 萬俟 and 單于 were split or read as words, not surnames (weichi, wanqi, danyu).  Each is now
    whole and read as a surname; the records the first import wrote are the same on a second."""
    names = [n for n in COMPOUND_IDS if n[:2] not in ("尉遲", "萬俟", "單于")]  # (one person each: the same id)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], *([n, "计算机学院副院长", "cs", "2024-09-01"] for n in names)])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    written = sorted(p.stem for p in (work / "records/cadres").iterdir())
    assert [i for i in (COMPOUND_IDS[n][0] for n in names) if i not in written] == [], written
    assert f"{len(names)} 条与已有记录相同" in cli(work, "import", "cadres", "c.xlsx", "--write", "--update").stdout
    for name in ("尉遲明", "萬俟明", "單于明"):
        other = work.parent / name
        shutil.copytree(B.MINIMAL, other / "records")
        xlsx(other / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], [name, "计算机学院副院长", "cs", "2024-09-01"]])
        assert cli(other, "import", "cadres", "c.xlsx", "--write").returncode == 0
        assert (other / f"records/cadres/{COMPOUND_IDS[name][0]}.yaml").is_file(), sorted((other / "records/cadres").iterdir())


@pytest.mark.parametrize("name", [n for n, (_, old) in COMPOUND_IDS.items() if old])
def test_a_record_under_a_compound_surnames_old_id_is_matched_not_written_again(work, name):
    """A record an earlier import wrote under the split id (shan-yuming for 单于明) is the same person's: a
    second import (--update) keeps it and writes no second record under the whole id (chanyu-ming)."""
    new, old = COMPOUND_IDS[name]
    (work / f"records/cadres/{old}.yaml").write_text(
        f"# 2024 年导入\nname: {name}\nposition: 计算机学院副院长\nunit: cs\nactive_from: 2024-09-01\n", encoding="utf-8")
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], [name, "计算机学院副院长", "cs", "2024-09-01"]])
    again = cli(work, "import", "cadres", "c.xlsx", "--write", "--update")
    assert again.returncode == 0 and "1 条与已有记录相同" in again.stdout, again.stdout
    assert not (work / f"records/cadres/{new}.yaml").exists(), sorted((work / "records/cadres").iterdir())


def test_today_weighs_a_status_against_the_rows_last_day_for_cadres_and_clubs(work):
    """--today was read for classes' two-digit years only: a cadre 在职 whose 离任日期 had passed, or a
    club 已注销 whose 注销日期 was still to come, was imported with not a word, whatever the day.  Both
    are now W-IMP-016 as of --today (imported as the day says), and not on a day that agrees."""
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "离任日期", "状态"],
                           ["王芳", "计算机学院副院长", "cs", "2024-09-01", "2026-07-01", "在职"],
                           ["赵强", "党委学生工作部副部长", "xgb", "2024-09-01", "2027-01-31", "已调离"]])
    late = cli(work, "import", "cadres", "c.xlsx", "--today", "2026-12-02")
    assert late.returncode == 0 and late.stdout.count("W-IMP-016") == 2, late.stdout
    assert ("c.xlsx:2:6: 警告 W-IMP-016: 第 2 行的状态是“在职”，但“离任日期”2026-07-01 已过（今天是 2026-12-02）"
            in late.stdout), late.stdout
    assert "第 3 行的状态是“已调离”，但“离任日期”2027-01-31 还没到" in late.stdout, late.stdout
    early = cli(work, "import", "cadres", "c.xlsx", "--today", "2026-06-02", "--lang", "en")
    assert early.stdout.count("W-IMP-016") == 1 and "row 3: its status is '已调离'" in early.stdout, early.stdout
    xlsx(work / "k.xlsx", [["社团名称", "指导单位", "注销日期", "状态"], ["桥牌协会", "cs", "2027-03-01", "已注销"]])
    clubs = cli(work, "import", "clubs", "k.xlsx", "--today", "2026-12-02")
    assert "k.xlsx:2:4: 警告 W-IMP-016" in clubs.stdout and "“存续至”2027-03-01 还没到" in clubs.stdout, clubs.stdout
    assert "W-IMP-016" not in cli(work, "import", "clubs", "k.xlsx", "--today", "2027-03-02").stdout


def test_a_remark_in_words_is_read_where_sure_and_told_where_not(work):
    """A 备注 was read only when all of it was a status (已退休): 2025年7月15日调离 or 已合并至XX学院 left the
    row imported as in use with not a word, and 正常 beside a record that had ended was not questioned.  A
    remark of a status with its day before it is now read (the day too when whole; 2025年7月已调离: the status,
    the day not guessed: W-IMP-015), other text naming an ended status is W-IMP-016 (imported as the other
    columns say), and a status 在职 of a cadre whose record ended before --today is W-IMP-016; no row is
    left out unsaid."""
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "备注"],
                           ["王芳", "计算机学院副院长", "cs", "2024-09-01", "2025年7月15日调离"],
                           ["赵强", "党委学生工作部副部长", "xgb", "2024-09-01", "2025年7月已调离"],
                           ["钱明", "计算机学院院长", "cs", "2024-09-01", "原定2025年退休，现延聘"],
                           ["孙丽", "计算机学院副书记", "cs", "2024-09-01", "兼任团委书记"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--today", "2026-12-02")
    assert run.returncode == 0, run.stdout
    assert yaml.safe_load((work / "records/cadres/wang-fang.yaml").read_text(encoding="utf-8"))["active_to"] == dt.date(
        2025, 7, 15)
    assert "W-IMP-015" in run.stdout and "赵强" in run.stdout and not (work / "records/cadres/zhao-qiang.yaml").exists()
    assert ("c.xlsx:4:5: 警告 W-IMP-016: 第 4 行的“备注”写着“原定2025年退休,现延聘”，像是说它已退休，但这样的写法导入读不准"
            in run.stdout), run.stdout
    assert "active_to" not in (work / "records/cadres/qian-ming.yaml").read_text(encoding="utf-8")
    assert run.stdout.count("W-IMP-016") == 1 and (work / "records/cadres/sun-li.yaml").is_file(), run.stdout

    xlsx(work / "u.xlsx", [["单位编号", "单位名称", "单位类型", "状态", "备注"], ["cs", "计算机学院", "学院", "正常", "已合并至信息学院"]])
    units = cli(work, "import", "units", "u.xlsx", "--today", "2026-12-02", "--lang", "en")
    assert "u.xlsx:2:5: warning W-IMP-016: row 2: its '备注' says '已合并至信息学院', as if it had ended (合并), which its status " \
           "column does not say" in units.stdout, units.stdout

    path = work / "records/cadres/li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "active_to: 2026-06-30\n", encoding="utf-8")
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    xlsx(work / "l.xlsx", [["姓名", "职务", "单位", "任职日期", "状态"],
                           [record["name"], record["position"], record["unit"], str(record["active_from"]), "在职"]])
    late = cli(work, "import", "cadres", "l.xlsx", "--today", "2026-12-02")
    assert "l.xlsx:2:5: 警告 W-IMP-016: 第 2 行的状态是“在职”，但 records/cadres/li-na.yaml 的“离任日期”是 2026-06-30，已经结束" \
           in late.stdout, late.stdout
    assert "W-IMP-016" not in cli(work, "import", "cadres", "l.xlsx", "--today", "2026-06-02").stdout


def test_an_import_manifest_that_cannot_be_extended_stops_the_import(work):
    """The import lists what it writes in records/imports/lists.yaml's records; a manifest whose records is no
    list cannot be extended in place: E-IMP-019 at the manifest, and nothing is written (the cadre neither)."""
    (work / "records/imports").mkdir(exist_ok=True)
    (work / "records/imports/lists.yaml").write_text("source: 名单\nrecords: cadres/li-na.yaml\n", encoding="utf-8")
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "计算机学院副院长", "cs", "2016-09-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 1 and snapshot(work) == before, run.stdout
    assert ("records/imports/lists.yaml:2:10: 错误 E-IMP-019: 导入清单 records/imports/lists.yaml 无法就地加上这次导入写的文件"
            "（cadres/wang-fang.yaml）") in run.stdout, run.stdout


def test_a_clubs_day_written_in_its_remark_beside_a_status_column_is_read(work):
    """A 校团委 list with a 状态 column (已注销) writes the day in its 备注 (2025年7月1日注销): the row was left out
    as having no day (W-IMP-015) and the 备注 column called unknown, not imported (W-IMP-001), though it was read
    for statuses.  A remark of the day and an ended status, beside a status column that ends the row, now gives
    the row's last day (an ended club written), and the remark column is not called unknown."""
    csv_file(work / "社团.csv", [["示例大学社团名单"], ["序号", "社团名称", "业务指导单位", "社团类别", "状态", "备注"],
                                 [1, "桥牌协会", "计算机学院", "文化体育", "正常", ""],
                                 [2, "围棋社", "计算机学院", "文化体育", "已注销", "2025年7月1日注销"]], "gbk")
    run = cli(work, "import", "clubs", "社团.csv", "--write", "--today", "2026-12-02")
    assert run.returncode == 0 and "W-IMP-015" not in run.stdout and "W-IMP-001" not in run.stdout, run.stdout
    clubs = {c["name"]: c for c in yaml.safe_load((work / "records/clubs.yaml").read_text(encoding="utf-8"))["clubs"]}
    assert clubs["围棋社"]["until"] == dt.date(2025, 7, 1) and "until" not in clubs["桥牌协会"], clubs
    assert cli(work, "validate").returncode == 0


def test_two_csv_files_joined_keep_no_byte_order_mark_in_the_second_header(work):
    """Two schools' CSVs as Excel saves them (UTF-8 with a BOM) joined into one (copy /b a.csv+b.csv): the
    second's BOM stayed at the start of its header row, which was then no repeated header but E-IMP-012, a
    小标题 “﻿班级名称” with the invisible mark in it.  A BOM in a cell is never meant and is now dropped: the
    repeated header is one, both classes are imported."""
    part = "\r\n".join(["班级名称,学院,专业,年级,人数", "{name},计算机学院,{major},2026,30", ""])
    (work / "all.csv").write_bytes(b"".join(
        b"\xef\xbb\xbf" + part.format(name=n, major=m).encode("utf-8")
        for n, m in (("计算机2603班", "计算机科学与技术"), ("软件2603班", "软件工程"))))
    run = cli(work, "import", "classes", "all.csv", "--write")
    assert run.returncode == 0 and "E-IMP" not in run.stdout, run.stdout
    names = [c["name"] for c in yaml.safe_load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"))["classes"]]
    assert names[-2:] == ["计算机2603班", "软件2603班"], names


def test_a_policy_without_status_words_reads_no_remark_as_an_ended_status(work):
    """A policy without vocabularies.import_statuses knows no word of a status (the import's own rule), but a
    备注 was matched against the policy's ended words joined into an expression, and none joined matched every
    remark of a day alone (2025-07-15) or of where to (并入信息学院): the cadre was written 已 as its status and
    the remark's day as its 离任日期, an appointment ended by a note.  No word known: no remark is read."""
    policy = work / "records/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    start = text.index("  import_statuses:")
    rest = text[start:].splitlines(keepends=True)
    end = next((i for i, line in enumerate(rest[1:], 1) if line.strip() and not line.startswith("    ")), len(rest))
    policy.write_text(text[:start] + "".join(rest[end:]), encoding="utf-8")
    assert "import_statuses" not in policy.read_text(encoding="utf-8")
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "备注"],
                           ["王芳", "计算机学院副院长", "cs", "2024-09-01", "2025-07-15"],
                           ["赵强", "党委学生工作部副部长", "xgb", "2024-09-01", "并入信息学院"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write", "--today", "2026-12-02")
    assert run.returncode == 0 and "W-IMP-015" not in run.stdout, run.stdout
    for name in ("wang-fang", "zhao-qiang"):
        assert "active_to" not in (work / f"records/cadres/{name}.yaml").read_text(encoding="utf-8"), run.stdout


def test_a_policy_without_status_words_says_so_not_write_none(work):
    """Without vocabularies.import_statuses every status is E-IMP-004, whose fix said 在用的写“（无）”，已结束的写
    “（无）”之一 (and English '(none) (in use)'): words to type that are none.  It now says the policy has no
    status words and where to write them, in both languages."""
    policy = work / "records/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text[:text.index("  import_statuses:")], encoding="utf-8")
    xlsx(work / "k.xlsx", [["班级名称", "学院", "专业", "年级", "人数", "班级状态"],
                           ["计算机2701班", "计算机学院", "计算机科学与技术", 2027, 30, "正常"]])
    run = cli(work, "import", "classes", "k.xlsx")
    assert run.returncode == 1 and "k.xlsx:2:6: 错误 E-IMP-004" in run.stdout, run.stdout
    assert "（无）" not in run.stdout and "vocabularies.import_statuses 中的状态词（现在没有写" in run.stdout, run.stdout
    en = cli(work, "import", "classes", "k.xlsx", "--lang", "en")
    assert "(none)" not in en.stdout and "(there are none: the import knows no status" in en.stdout, en.stdout


@pytest.mark.parametrize("zone, instant, day", [
    ("America/Los_Angeles", "2026-07-01T02:00:00+00:00", "2026-06-30"),  # (19:00 of the 30th there, 10:00 of the 1st in Beijing)
    ("Pacific/Kiritimati", "2026-06-30T10:30:00+00:00", "2026-07-01"),  # (00:30 of the 1st there, 18:30 of the 30th in Beijing)
    ("Asia/Shanghai", "2026-06-30T16:00:00+00:00", "2026-07-01"),  # (midnight in Beijing)
    ("Asia/Shanghai", "2026-06-30T15:59:59+00:00", "2026-06-30"),
    ("No/Such_Zone", "2026-06-30T16:00:00+00:00", "2026-07-01"),  # (a zone that does not exist: validate says E-REF-015)
    ("Asia", "2026-06-30T16:00:00+00:00", "2026-07-01"),  # (a folder of zones: E-REF-015 too, not IsADirectoryError)
])
def test_the_imports_today_is_the_day_in_the_policys_time_zone(work, zone, instant, day):
    """Without --today the import took today in Asia/Shanghai whatever records/policy.yaml's
    institution.timezone said (cli.clock_today() without the record set), so a university elsewhere
    had its 状态 checked against another day than `check`'s for hours each day.  The day an
    instant is in is now the policy's (as check's), Asia/Shanghai when the policy names no zone."""
    from generator.importing.command import policy_day, records_errors

    policy = work / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("timezone: Asia/Shanghai", f"timezone: {zone}"),
                      encoding="utf-8")
    assert policy_day(records_errors(work / "records", "cadres")[1].get("policy.yaml"),
                      dt.datetime.fromisoformat(instant)) == dt.date.fromisoformat(day)


@pytest.mark.parametrize("zone", ["No/Such_Zone", "Asia", "asia/shanghai"])
@pytest.mark.parametrize("today", [[], ["--today", "2026-12-02"]])
def test_a_time_zone_that_does_not_exist_is_told_as_validate_tells_it_and_nothing_imported(work, zone, today):
    """institution.timezone: No/Such_Zone (or Asia, a folder of zones; asia/shanghai, whose case
    matters) is E-REF-015 to validate, but the import said nothing of it: it took the day in
    Asia/Shanghai and imported, for a university whose deadlines and 状态 then went by a zone nobody
    wrote.  The import now tells it as validate does, at records/policy.yaml:4:13 under E-FLOW-006,
    exit 1, nothing written, as any other error of the records it reads."""
    policy = work / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("timezone: Asia/Shanghai", f"timezone: {zone}"),
                      encoding="utf-8")
    run = stopped_import(work, "cadres", *today)
    assert f"records/policy.yaml:4:13: 错误 E-REF-015: 时区“{zone}”不存在" in run.stdout, run.stdout
    en = cli(work, "import", "cadres", "f.xlsx", "--lang", "en", *today)
    assert f"records/policy.yaml:4:13: error E-REF-015: unknown time zone '{zone}'" in en.stdout, en.stdout


def test_the_import_reads_the_policy_once_as_validate_reads_it(work):
    """policy_day read records/policy.yaml again with yaml.safe_load before records_errors read it as
    validate does, so a policy.yaml that is no regular file (a named pipe left by a script) hung the
    import without --today, where validate says E-LOAD-010.  The policy is now read once, by
    records_errors, and the day is taken from what it read."""
    import os
    import subprocess

    policy = work / "records/policy.yaml"
    policy.unlink()
    os.mkfifo(policy)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "计算机学院副院长", "cs", "2016-09-01"]])
    try:
        run = cli(work, "import", "cadres", "c.xlsx")
    except subprocess.TimeoutExpired:
        pytest.fail("the import hung reading records/policy.yaml, a named pipe")
    assert run.returncode == 1 and "records/policy.yaml: 错误 E-LOAD-010" in run.stdout, run.stdout + run.stderr


@pytest.mark.parametrize("manifest, where", [
    ("source: 名单\nrecords: cadres/li-na.yaml\n", "2:10"),  # (records no list: at its value)
    ("# 导入清单\n- cadres/li-na.yaml\n", "2:1"),  # (a list, not a mapping: where it starts)
    ("source: 名单\nrecords:\n  - cadres/li-na.yaml\nrecords:\n  - cadres/zhang-san.yaml\n", "4:1"),  # (a key twice)
    ("source: 名单\nrecords:\n  - cadres/li-na.yaml\n  - {id: 1}\n", "3:3"),  # (an item no file name: the list)
])
def test_e_imp_019_says_the_line_and_column_of_the_manifest_where_it_cannot_be_extended(work, manifest, where):
    """E-IMP-019 said records/imports/lists.yaml with no line, so whoever fixed the manifest by hand
    looked through it for what the import could not extend.  It now gives the line and column: the
    records' value that is no list, the item the list cannot keep, the key written twice (as the
    loader reports it), the document that is no mapping."""
    (work / "records/imports").mkdir(exist_ok=True)
    (work / "records/imports/lists.yaml").write_text(manifest, encoding="utf-8")
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "计算机学院副院长", "cs", "2016-09-01"]])
    run = cli(work, "import", "cadres", "c.xlsx", "--write")
    assert run.returncode == 1 and f"records/imports/lists.yaml:{where}: 错误 E-IMP-019" in run.stdout, run.stdout


def _unit_on(work):
    """records/units.yaml with a unit whose id is `on` (海洋学院), which validate reads as text."""
    units = work / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "  - id: on\n    name: 海洋学院\n    type: 学院\n"
                     "    party_committee: 海洋学院党委\n    reviewers: [cs-reviewer]\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0


def test_a_unit_whose_id_yaml_1_1_reads_as_a_word_of_yes_or_no_is_matched(work):
    """The import read records/units.yaml again with yaml.safe_load (YAML 1.1), where validate reads a unit id `on`
    (or no, yes, off) as text: a class of 海洋学院 was given the id True-2026-01 and refused (E-IMP-011, its hint
    saying the unit's id was too long), and one whose 学院 was written `on` was E-IMP-005, not found.  The units are
    now read as validate reads them."""
    _unit_on(work)
    xlsx(work / "k.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["海洋2601班", "海洋学院", "海洋科学", 2026, 30],
                           ["海洋2602班", "on", "海洋科学", 2026, 30]])
    run = cli(work, "import", "classes", "k.xlsx", "--write", "--today", "2026-12-02")
    assert run.returncode == 0, run.stdout
    written = yaml.load((work / "records/classes/2026.yaml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert [(c["id"], c["unit"]) for c in written["classes"][1:]] == [("on-2026-01", "on"), ("on-2026-02", "on")], written
    assert cli(work, "validate").returncode == 0


def test_a_class_record_whose_unit_yaml_1_1_reads_as_a_word_of_yes_or_no_is_matched_again(work):
    """The import read records/classes/*.yaml again with yaml.safe_load (YAML 1.1): a class written by hand
    with `unit: on` (text to validate) was read as of unit True, so importing its list again added a second
    class, on-2026-02, with W-IMP-004 saying the record was of unit True.  The class files are now read as
    validate reads them: the row is the record, unchanged."""
    _unit_on(work)
    classes = work / "records/classes/2026.yaml"
    classes.write_text(classes.read_text(encoding="utf-8") + "  - id: on-2026-01\n    name: 海洋2601班\n    unit: on\n"
                       "    major: 海洋科学\n    headcount: 30\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0
    before = snapshot(work)
    xlsx(work / "k.xlsx", [["班级名称", "学院", "专业", "年级", "人数"], ["海洋2601班", "海洋学院", "海洋科学", 2026, 30]])
    for update in ((), ("--update",)):
        run = cli(work, "import", "classes", "k.xlsx", "--write", "--today", "2026-12-02", *update)
        assert run.returncode == 0 and "1 条与已有记录相同，不变" in run.stdout, run.stdout
        assert "True" not in run.stdout and "on-2026-02" not in run.stdout, run.stdout
        assert snapshot(work) == before


def test_a_cadre_record_whose_unit_yaml_1_1_reads_as_a_word_of_yes_or_no_is_matched_again(work):
    """The import read records/cadres/*.yaml again with yaml.safe_load (YAML 1.1): a cadre's record written by hand
    with `unit: on` (text to validate) was read as of unit True, so importing the same list again was refused,
    E-IMP-010, as if the cadre had moved from unit True to on.  The cadre files are now read as validate reads
    them (active_from: 2020-01-01 unquoted is its text too): the row is the record, unchanged."""
    _unit_on(work)
    (work / "records/cadres/zhao-hai.yaml").write_text("name: 赵海\nposition: 海洋学院院长\nunit: on\ngit: zhao-hai\n"
                                                       "active_from: 2020-01-01\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0
    before = snapshot(work)
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["赵海", "海洋学院院长", "海洋学院", "2020-01-01"]])
    for update in ((), ("--update",)):
        run = cli(work, "import", "cadres", "c.xlsx", "--write", "--today", "2026-12-02", *update)
        assert run.returncode == 0 and "1 条与已有记录相同，不变" in run.stdout, run.stdout
        assert snapshot(work) == before


def test_a_unit_list_naming_a_unit_whose_id_yaml_1_1_reads_as_a_word_of_yes_or_no_finds_its_record(work):
    """The import of units read records/units.yaml again with yaml.safe_load (YAML 1.1): the unit of id `on`
    (text to validate) was read as the unit True, so the list that gave it again, 海洋学院 with its id on, was
    taken for a new unit on, which records/units.yaml already had.  The file is now read as validate reads it:
    the row is the record, unchanged."""
    _unit_on(work)
    before = snapshot(work)
    xlsx(work / "u.xlsx", [["单位编号", "单位名称", "单位类型"], ["on", "海洋学院", "学院"]])
    for update in ((), ("--update",)):
        run = cli(work, "import", "units", "u.xlsx", "--write", "--today", "2026-12-02", *update)
        assert run.returncode == 0 and "1 条与已有记录相同，不变" in run.stdout, run.stdout
        assert snapshot(work) == before


def test_a_class_given_the_id_of_a_club_that_yaml_1_1_reads_as_a_number_is_refused(work):
    """Classes and clubs share one set of ids (E-IMP-008), but the import read records/clubs.yaml again with
    yaml.safe_load (YAML 1.1), where validate reads id: 0101 as text: read as the octal 65, the club's id was
    not seen, the class 0101 was written, and validate then refused the records (E-REF-002).  The file is now
    read as validate reads it: the row is E-IMP-008, nothing written."""
    clubs = work / "records/clubs.yaml"
    clubs.write_text(clubs.read_text(encoding="utf-8") + "  - id: 0101\n    name: 围棋协会\n    unit: cs\n"
                     "    category: 文化体育\n", encoding="utf-8")
    assert cli(work, "validate").returncode == 0
    before = snapshot(work)
    xlsx(work / "k.xlsx", [["班级编号", "班级名称", "学院", "专业", "年级", "人数"],
                           ["0101", "计算机2602班", "cs", "计算机科学与技术", 2026, 30]])
    run = cli(work, "import", "classes", "k.xlsx", "--write", "--today", "2026-12-02")
    assert run.returncode == 1 and "k.xlsx:2:1: 错误 E-IMP-008" in run.stdout and "records/clubs.yaml 0101" in run.stdout, \
        run.stdout
    assert snapshot(work) == before


def test_a_cadre_whose_id_is_policy_is_not_read_as_the_policy(work):
    """records_errors gave the values it read by file name, so a cadre's record records/cadres/policy.yaml
    (an id validate allows) stood for records/policy.yaml in an import of cadres: its status words were
    none (E-IMP-004 on 在职, the policy 现在没有写) and its time zone another.  They are now given by the
    path below records/."""
    (work / "records/cadres/policy.yaml").write_text(
        'name: 白涛\nposition: 计算机学院副院长\nunit: cs\nactive_from: "2021-03-01"\n', encoding="utf-8")
    xlsx(work / "c.xlsx", [["姓名", "职务", "单位", "任职日期", "状态"], ["王芳", "计算机学院副院长", "cs", "2016-09-01", "在职"]])
    assert cli(work, "validate").returncode == 0
    run = cli(work, "import", "cadres", "c.xlsx", "--today", "2026-12-02")
    assert run.returncode == 0 and "E-IMP-004" not in run.stdout, run.stdout


@pytest.mark.parametrize("name", ["加密.xlsx", "加密.xls"])
def test_a_list_saved_with_a_password_says_to_remove_it(work, name):
    """A class list the 教务处 sent with a password to open it (tests/fixtures/import/加密.xlsx, made by
    make_locked_xlsx.py as Excel encrypts), kept as .xlsx or renamed .xls: the clerk was told 无法读取
    表格：不是有效的 Excel 文件（BadZipFile）, and to give an .xlsx — which she had.  It says the file has
    a password to open it, and how to save it without one, in Excel and in WPS."""
    shutil.copy(B.REPO / "tests/fixtures/import/加密.xlsx", work / name)
    before = snapshot(work)
    run = cli(work, "import", "classes", name, "--write")
    assert run.returncode == 2 and snapshot(work) == before, run.stdout
    assert f"{name}: 错误 E-IMP-001: 无法读取表格：这个文件设了打开密码" in run.stdout, run.stdout
    assert "用密码进行加密" in run.stdout and "文档加密" in run.stdout and "BadZipFile" not in run.stdout, run.stdout
    en = cli(work, "import", "classes", name, "--lang", "en")
    assert "a password is needed to open this file" in en.stdout and "Encrypt with Password" in en.stdout, en.stdout


def test_a_date_kept_as_excel_s_number_is_read_and_said(work):
    """The 组织部's list (.xlsx) whose 任职日期 column lost its date format shows 45566 for 2024-10-01:
    it was written active_from: 2024-10-01 without a word, the clerk never seeing that a number was
    read as a date.  It is still read so (Excel's serial number), and the run's summary says which
    rows and column, and one example, for her to check; a date cell is not mentioned."""
    xlsx(work / "干部.xlsx", [["姓名", "职务", "单位", "任职日期"], ["曾伟杰", "副部长", "党委学生工作部", 45566],
                              ["吕婷娜", "副院长", "计算机学院", dt.datetime(2016, 9, 1)]])
    en = cli(work, "import", "cadres", "干部.xlsx", "--lang", "en")
    assert ("row 2 of 干部.xlsx: '任职日期' (column D) holds a number, read as the serial number Excel keeps a date as "
            "(45566 as 2024-10-01: the column's date format was lost): check them") in en.stdout, en.stdout
    run = cli(work, "import", "cadres", "干部.xlsx", "--write")
    assert run.returncode == 0, run.stdout
    assert ("干部.xlsx 第 2 行的“任职日期”（D 列）是数字，按 Excel 存日期的序号读作日期（如 45566 读作 2024-10-01："
            "这一列的日期格式丢了）：请核对") in run.stdout, run.stdout
    assert "第 3 行" not in run.stdout, run.stdout
    assert "active_from: 2024-10-01" in (work / "records/cadres/zeng-weijie.yaml").read_text(encoding="utf-8")
    assert cli(work, "validate").returncode == 0


@pytest.mark.parametrize("name", ["加密.xlsx", "加密.xls"])
def test_a_list_saved_with_a_password_is_told_in_its_hint_how_to_remove_it_and_nothing_contrary(work, name):
    """The password's E-IMP-001 said how to remove it in its message, and its 怎么改 was the generic one, 请提供 .xlsx 或
    .xls 文件 … 列标题须在前 10 行之内 — an .xlsx being what the clerk had given, and its headings not the matter: the
    message says what is wrong, the hint how to remove the password, and nothing else."""
    shutil.copy(B.REPO / "tests/fixtures/import/加密.xlsx", work / name)
    run = cli(work, "import", "classes", name)
    assert run.returncode == 2, run.stdout
    assert f"{name}: 错误 E-IMP-001: 无法读取表格：这个文件设了打开密码，导入读不了\n" in run.stdout, run.stdout
    assert ("    怎么改: 请在 Excel 中用密码打开它，点“文件”→“信息”→“保护工作簿”→“用密码进行加密”，删去密码后点“确定”并保存"
            "（WPS：“文件”→“文档加密”→“密码加密”，清空打开密码后保存），再导入；或请发来的人另发一份不设密码的。\n") in run.stdout, run.stdout
    assert "请提供" not in run.stdout and "列标题" not in run.stdout, run.stdout
    en = cli(work, "import", "classes", name, "--lang", "en")
    assert f"{name}: error E-IMP-001: cannot read the spreadsheet: a password is needed to open this file, which the " \
           "import cannot read\n" in en.stdout, en.stdout
    assert ("    fix: Open it in Excel with the password, choose File → Info → Protect Workbook → Encrypt with Password, "
            "delete the password, click OK and save (WPS: 文件 → 文档加密 → 密码加密, clear the password to open, save), "
            "then import it again; or ask the sender for a copy without a password.\n") in en.stdout, en.stdout
    assert "Give an" not in en.stdout and "headings" not in en.stdout, en.stdout


@pytest.mark.parametrize("state", HIDDEN)
def test_a_list_whose_only_data_is_on_a_hidden_sheet_is_told_to_show_it_not_to_give_another_file(work, state):
    """E-IMP-001 只有隐藏的工作表有内容 was told 怎么改: 请提供 .xlsx 或 .xls 文件…；列标题须在前 10 行之内… — another
    file, where the clerk's is read and its one list hidden: the hint now says to show that sheet, as its warning says."""
    heading = ["班级名称", "学院", "专业", "年级", "人数"]
    book = workbook(work / "只有隐藏页.xlsx", {"说明": [], "名单": [heading, ["计算机2699班", "cs", "计算机科学与技术", 2026, 40]]})
    book["名单"].sheet_state = state
    book.save(work / "只有隐藏页.xlsx")
    run = cli(work, "import", "classes", "只有隐藏页.xlsx")
    assert run.returncode == 2, run.stdout
    assert ("只有隐藏页.xlsx: 错误 E-IMP-001: 无法读取表格：只有隐藏的工作表有内容，见下面的警告\n"
            "    怎么改: 隐藏的工作表不读：请按下面的警告让要导入的那一页显示出来，保存后再导入。\n") in run.stdout, run.stdout
    assert "请提供" not in run.stdout, run.stdout
    en = cli(work, "import", "classes", "只有隐藏页.xlsx", "--lang", "en")
    assert ("    fix: Hidden sheets are not read: show the sheet to import as the warnings below say, save and import "
            "again.\n") in en.stdout and "Give an" not in en.stdout, en.stdout


def test_a_dry_run_s_last_line_names_the_spreadsheet_read_not_a_count_of_one_file(work):
    # (the dry run listed the record files it would add — classes/2025.yaml, classes/2026.yaml, imports/lists.yaml —
    # then said 共 1 个文件：0 个错误，0 个警告 (en 1 file: …): one file, of the three just listed? The count was of the
    # spreadsheet read, which the line did not name)
    xlsx(work / "班级名单.xlsx", [["班级名称", "学院", "专业", "年级", "人数"],
                                  ["计算机2602班", "cs", "计算机科学与技术", 2026, 30],
                                  ["计算机2502班", "cs", "计算机科学与技术", 2025, 30]])
    for lang, last in (("zh", "班级名单.xlsx：0 个错误，0 个警告"), ("en", "班级名单.xlsx: 0 errors, 0 warnings")):
        run = cli(work, "--lang", lang, "import", "classes", "班级名单.xlsx")
        lines = run.stdout.splitlines()
        assert run.returncode == 0 and len([x for x in lines if "classes/202" in x]) >= 2, run.stdout
        assert lines[-1] == last, run.stdout
    units = work / "records/units.yaml"  # (the records wrong, one file: a count of one, without 共)
    units.write_text(units.read_text(encoding="utf-8") + "units: [\n", encoding="utf-8")
    for lang, last in (("zh", "1 个文件：2 个错误，0 个警告"), ("en", "1 file: 2 errors, 0 warnings")):
        run = cli(work, "--lang", lang, "import", "classes", "班级名单.xlsx")
        assert run.returncode == 1 and run.stdout.splitlines()[-1] == last, run.stdout
