"""YAML comments in a ledger, through the real CLI on real files, by both loading paths (the quick path with the
cache, and the reference path: CONTACT_LEDGER_FAST=0, no cache), which must say exactly the same.

A comment after a text on the same line is kept nowhere (W-YAML-001: what is not kept and how to keep it); one
after a number, a date, an id or a word of a list, or a whole line's, is no value's text and is not warned of; every
comment is privacy-checked as a value is (E-PRIV-001 at the comment's characters)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

import bad_records as B
from test_yaml_traps import LEDGER, edit, records  # noqa: F401 - (records: the fixture, a copy of the minimal records)

SUMMARY = "    summary: 参加机器人协会的比赛备赛活动。"
STUDENTS = "    students: 25"


def _run(work, env: dict, *extra):
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("CONTACT_LEDGER_")}, **env,
           "PYTHONPATH": str(B.REPO)}
    run = subprocess.run([sys.executable, "-m", "generator", "validate", "--format", "json", *extra], cwd=work,
                         env=env, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, json.loads(run.stdout)


def validate(work, *extra, names=None):
    """The findings of `validate` (every severity), the same by the reference path, the quick path cold and warm."""
    given = {"CONTACT_LEDGER_PROTECTED_NAMES": str(names)} if names else {}
    reference = _run(work, {**given, "CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_CACHE": "0"}, *extra)
    cache = str(work.parent / "cache")
    for _ in ("cold", "warm"):
        assert _run(work, {**given, "CONTACT_LEDGER_CACHE": cache}, *extra) == reference
    code, found = reference
    assert code == (1 if any(f["severity"] == "error" for f in found) else 0)
    return found


def at(work, needle, rel=LEDGER):
    """(line, column) of `needle` in the file, as an editor counts them."""
    text = (work / "records" / rel).read_text(encoding="utf-8")
    before = text[:text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def where(found):
    return sorted((f["code"], f["line"], f["column"]) for f in found)


def test_text_after_a_value_and_a_space_and_hash_is_said_to_be_kept_nowhere_with_the_line_that_keeps_it(records):
    # (summary: 鼓励大家多读书 # 读好书 was read as 鼓励大家多读书, and validate said nothing)
    edit(records, LEDGER, SUMMARY, "    summary: 鼓励大家多读书，交流读书心得 # 读好书")
    (f,) = validate(records)
    assert (f["code"], f["severity"], f["line"], f["column"]) == ("W-YAML-001", "warning", *at(records, "# 读好书"))
    assert f["message"] == "“# 读好书”不会被保存：文字后面“ #”起的部分是注释，台账和网站上都没有它", f
    line = '    summary: "鼓励大家多读书，交流读书心得 # 读好书"'
    assert f"如果这段文字是“活动情况”的一部分：去掉“#”前面的空格，或给整个值加上英文引号，这一行写成：{line}，或用“|”另起一行书写" \
        in f["hint"], f
    assert "如果只是备注，请把它移到单独的一行" in f["hint"], f
    (f,) = validate(records, "--lang", "en")
    assert f["message"] == "'# 读好书' is not kept: after a text, the words from ' #' on are a comment, on neither the ledger nor the site"
    assert f"If it belongs to summary: drop the space before the '#', or put the whole value in quotes, which makes the line: {line}" \
        in f["hint"] and "If it is a note, move it to a line of its own" in f["hint"], f
    # each way the hint gives keeps the text, and is told nothing
    for kept in (line, "    summary: 鼓励大家多读书，交流读书心得# 读好书",
                 "    summary: |\n      鼓励大家多读书，交流读书心得 # 读好书"):
        edit(records, LEDGER, (records / "records" / LEDGER).read_text(encoding="utf-8").splitlines()[9], kept)
        assert validate(records) == [], kept
    # and a note moved to a line of its own is not warned of either
    edit(records, LEDGER, kept, "    # 读好书\n" + SUMMARY)
    assert validate(records) == []


@pytest.mark.parametrize("old,new,cut,hint", [
    (SUMMARY, '    summary: "参加机器人协会的比赛备赛活动。" # 第二次', "# 第二次", "把它写进引号里"),  # a quoted text
    (SUMMARY, "    summary: 参加机器人协会的\n      比赛备赛活动。 # 第二次", "# 第二次", "给整个值加上英文引号，或用"),  # on two lines
    (SUMMARY, "    topics: [比赛备赛, 科技创新]  # 还有学业\n" + SUMMARY, "# 还有学业", "“主题”的一部分"),  # a topic
    (SUMMARY, "    topics:\n      - 比赛备赛  # 还有学业\n" + SUMMARY, "# 还有学业", "“主题”的一部分"),
])
def test_a_comment_after_any_text_is_said_where_its_hash_is(records, old, new, cut, hint):
    edit(records, LEDGER, old, new)
    (f,) = validate(records)
    assert (f["code"], f["line"], f["column"]) == ("W-YAML-001", *at(records, cut)), f
    assert f["message"].startswith(f"“{cut}”不会被保存") and hint in f["hint"], f


@pytest.mark.parametrize("old,new", [
    (STUDENTS, "    students: 25  # 估计"),  # a number: no words go into it, the comment is a note
    ("    form: 社团活动", "    form: 社团活动 # 和机器人协会一起"),  # a word of a list
    ('  - date: "2026-04-20"', '  - date: "2026-04-20"  # 周一'),  # a date
    ("contact_points: [club-robotics]", "contact_points: [club-robotics]  # 机器人协会"),  # an id
    ("activities:", "activities:  # 本期两次"),  # a field whose value is on the lines below
])
def test_a_comment_after_a_value_that_holds_no_text_is_a_note(records, old, new):
    edit(records, LEDGER, old, new)
    assert validate(records) == []


@pytest.mark.parametrize("summary", [
    '"参加 # 比赛备赛 活动"',  # a '#' inside quotes: text
    "'参加 # 比赛备赛 活动'",
    "学习C#语言和机器人编程",  # no space before it: text
    "资料见 https://example.com/robot#part2 请提前阅读",  # a URL's '#'
    "|\n      参加机器人协会的活动 # 比赛备赛\n      # 这一行也是文字",  # a block scalar's text
    "|  # 多行的活动情况\n      参加机器人协会的比赛备赛活动。",  # (a comment after the block's header holds no value's text)
])
def test_a_hash_that_is_text_or_a_comment_of_no_value_is_not_told(records, summary):
    edit(records, LEDGER, SUMMARY, f"    summary: {summary}")
    assert validate(records) == []


def test_whole_line_comments_are_fine_and_a_student_number_in_one_is_found_where_it_is(records):
    edit(records, LEDGER, "activities:", "# 备注：本期由学院统一安排\nactivities:\n  # 第一次活动")
    assert validate(records) == []
    edit(records, LEDGER, "# 备注：本期由学院统一安排", "# 备注：学号 2021123456 的同学请假")
    (f,) = validate(records)
    assert (f["code"], f["line"], f["column"]) == ("E-PRIV-001", *at(records, "2021123456")), f
    assert "2021123456" not in json.dumps(f, ensure_ascii=False) and "2021****56" in f["message"], f
    (f,) = validate(records, "--lang", "en")
    assert f["message"] == "possible student personal data (student number): 2021****56", f


def test_a_student_named_in_a_comment_after_a_value_is_found_and_never_shown(records, tmp_path):
    # (students: 5 # 张伟、李娜等五人: the names sat in the records, and the comment was read by no one)
    edit(records, LEDGER, STUDENTS, "    students: 5 # 与张同学等五人座谈")
    found = validate(records)
    assert where(found) == [("E-PRIV-001", *at(records, "张同学"))], found
    # after a text, the warning says what is not kept, masked as the privacy finding is
    edit(records, LEDGER, "    students: 5 # 与张同学等五人座谈", STUDENTS)
    edit(records, LEDGER, SUMMARY, SUMMARY + " # 与张同学等五人座谈")
    found = validate(records)
    assert where(found) == [("E-PRIV-001", *at(records, "张同学")), ("W-YAML-001", *at(records, "# 与张同学"))], found
    warned = next(f for f in found if f["code"] == "W-YAML-001")
    assert "张同学" not in json.dumps(found, ensure_ascii=False) and "“# 与*同学等五人座谈”" in warned["message"], warned
    # a full name, as any value's, is found by the protected-names list (kept outside the repository)
    names = tmp_path / "names.txt"
    names.write_text("王小明\n", encoding="utf-8")
    edit(records, LEDGER, SUMMARY + " # 与张同学等五人座谈", SUMMARY)
    edit(records, LEDGER, STUDENTS, "    students: 5 # 王小明等五人")
    found = validate(records, names=names)
    assert where(found) == [("E-PRIV-001", *at(records, "王小明"))], found
    assert "王小明" not in json.dumps(found, ensure_ascii=False), found


def test_a_ledger_written_by_new_ledger_and_filled_in_keeps_its_notes_without_a_warning(tmp_path):
    from generator import comments

    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    (work / "records" / LEDGER).unlink()
    run = B.run_cli(B.REPO, work, "new", "ledger", "--cadre", "li-na", "--period", "2026-H1", "--today", "2026-06-01")
    assert run.returncode == 0, run.stdout + run.stderr
    path = work / "records" / LEDGER
    text = path.read_text(encoding="utf-8")
    assert "  # 干部编号" in text and "# 活动情况：" in text and "（社团，" in text  # (its notes after values)
    filled = (text.replace("date: YYYY-MM-DD", 'date: "2026-04-20"').replace("form: 待填写", "form: 社团活动")
              .replace("place: 待填写", "place: 进社团").replace("channel: 待填写", "channel: 面对面")
              .replace("students: 待填写", "students: 25").replace("summary: 待填写", "summary: 参加机器人协会的比赛备赛活动。"))
    assert not [line for line in filled.splitlines() if "待填写" in line and not line.lstrip().startswith("#")]
    path.write_text(filled, encoding="utf-8")
    assert validate(work) == []
    # (and its notes are told apart by the text alone: a ledger from new ledger is not parsed again for them)
    assert comments.noted(filled) is False
    # a cadre's own words after a text of it are told
    path.write_text(filled.replace("比赛备赛活动。  #", "比赛备赛活动。 # 第二次  #"), encoding="utf-8")
    assert [f["code"] for f in validate(work)] == ["W-YAML-001"]


def test_a_text_too_short_because_of_its_comment_is_told_once(records):
    # (E-SCHEMA-006 says what was read and that the comment is not counted, with the line that keeps it: W-YAML-001 at the
    # same line would say it again)
    edit(records, LEDGER, SUMMARY, "    summary: 座谈 # 第二次")
    (f,) = validate(records)
    assert f["code"] == "E-SCHEMA-006" and "“# 第二次”是注释" in f["message"], f
