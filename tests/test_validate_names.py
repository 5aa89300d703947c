"""A unit's, a class's or a club's name written where its id belongs: one error, which says the id
and the line to type — not E-REF-001 不存在 and E-SCHEMA-005 格式不对 at the same place. Real CLI."""
from __future__ import annotations

import pytest

from test_yaml_traps import LEDGER, edit, only, records, validate  # noqa: F401 (records: a fixture)


@pytest.mark.parametrize("rel,old,new,name,ref,line", [
    ("cadres/li-na.yaml", "unit: xgb", "unit: 党委学生工作部", "党委学生工作部", "xgb", "unit: xgb"),
    ("classes/2025.yaml", "unit: cs", "unit: 计算机学院", "计算机学院", "cs", "    unit: cs"),  # (a class's: its indentation)
    (LEDGER, "[club-robotics]", "[机器人协会]", "机器人协会", "club-robotics", "contact_points: [club-robotics]"),
])
def test_a_name_for_an_id_is_one_error_with_the_id_and_the_line(records, rel, old, new, name, ref, line):
    edit(records, rel, old, new)
    f = only(validate(records), "E-REF-001")
    assert f["hint"] == f"“{name}”的编号是“{ref}”，这一行写成：{line}", f  # (not 这里要写编号 again: the message says it)
    f = only(validate(records, "--lang", "en"), "E-REF-001")
    assert f["hint"] == f"The id of '{name}' is '{ref}'. The line: {line}", f


def test_a_unit_name_nearly_right_is_told_the_name_meant_and_its_id(records):
    edit(records, "cadres/li-na.yaml", "unit: xgb", "unit: 学生工作部")
    f = only(validate(records), "E-REF-001")
    assert f["hint"].endswith("是不是“党委学生工作部”？它的编号是“xgb”，这一行写成：unit: xgb"), f


@pytest.mark.parametrize("rel,old,new,zh,en", [
    ("cadres/li-na.yaml", "unit: xgb", "unit: 党委学生工作部",
     "“党委学生工作部”的编号是“xgb”，这一行写成：unit: xgb",
     "The id of '党委学生工作部' is 'xgb'. The line: unit: xgb"),
    ("cadres/li-na.yaml", "unit: xgb", "unit: 学生工作部",
     "是不是“党委学生工作部”？它的编号是“xgb”，这一行写成：unit: xgb",
     "Did you mean '党委学生工作部'? Its id is 'xgb'. The line: unit: xgb"),
    ("assignments/2025-2027.yaml", "class: cs-2025-01", "class: 计算机2501班",
     "“计算机2501班”的编号是“cs-2025-01”，这一行写成：    class: cs-2025-01",
     "The id of '计算机2501班' is 'cs-2025-01'. The line:     class: cs-2025-01"),
    ("assignments/2025-2027.yaml", "- cadre: zhang-wei", "- cadre: 张伟",
     "“张伟”的编号是“zhang-wei”，这一行写成：  - cadre: zhang-wei",
     "The id of '张伟' is 'zhang-wei'. The line:   - cadre: zhang-wei"),
])
def test_a_name_for_an_id_is_told_first_what_to_type_not_to_check_the_spelling(records, rel, old, new, zh, en):
    # (the hint began 请检查拼写；现有的单位编号见 records/units.yaml。 though the value was read as a name;
    # a cadre's name where the id belongs was not read as one at all: 请检查拼写, and E-SCHEMA-005 beside it)
    edit(records, rel, old, new)
    assert only(validate(records), "E-REF-001")["hint"] == zh
    assert only(validate(records, "--lang", "en"), "E-REF-001")["hint"] == en


def test_a_cadre_s_name_two_cadres_share_is_told_both_ids(records):
    (records / "records/cadres/zhang-wei-2.yaml").write_text(
        "name: 张伟\nposition: 党委学生工作部副部长\nunit: xgb\ngit: zhang-wei-2\nactive_from: \"2021-03-01\"\n",
        encoding="utf-8")
    (records / "records/exemptions.yaml").write_text(
        "exemptions:\n  - cadre: 张伟\n    rules: [ledger]\n    start: \"2026-03-01\"\n    end: \"2026-04-01\"\n"
        "    reason: 病假\n", encoding="utf-8")
    f = only(validate(records), "E-REF-001")
    assert (f["line"], f["column"]) == (2, 12)
    assert f["hint"] == "有 2 位干部叫“张伟”，编号是 zhang-wei、zhang-wei-2，请写其中那一位的编号。"
    assert only(validate(records, "--lang", "en"), "E-REF-001")["hint"] == (
        "2 cadres are called '张伟', with the ids zhang-wei, zhang-wei-2; write the one meant.")


def test_an_id_mistyped_is_still_told_to_check_the_spelling_with_no_space_left_over(records):
    edit(records, "cadres/li-na.yaml", "unit: xgb", "unit: qqq")
    assert only(validate(records), "E-REF-001")["hint"] == (
        "请检查拼写；现有的单位编号见 records/units.yaml：cs（计算机学院）、xgb（党委学生工作部）。")  # (the units: below)
    assert only(validate(records, "--lang", "en"), "E-REF-001")["hint"] == (
        "Check the spelling; existing ids are in records/units.yaml: cs (计算机学院), xgb (党委学生工作部).")


def test_a_cadre_s_own_name_in_her_ledger_is_one_error_with_the_line(records):
    # (cadre: 李娜 in li-na.yaml was told E-REF-003 与文件位置不一致 … 请改正内容，或把文件移动/改名 and
    # E-SCHEMA-005 格式不对 at the same place: not that the id, li-na, was wanted)
    edit(records, LEDGER, "cadre: li-na", "cadre: 李娜")
    for _ in range(2):  # (and from the references' kept results)
        f = only(validate(records), "E-REF-001")
        assert (f["line"], f["column"]) == (1, 8)
        assert f["hint"] == "“李娜”的编号是“li-na”，这一行写成：cadre: li-na", f
    f = only(validate(records, "--lang", "en"), "E-REF-001")
    assert f["hint"] == "The id of '李娜' is 'li-na'. The line: cadre: li-na", f


def test_a_cadre_s_own_name_she_shares_with_another_cadre_is_still_one_error(records):
    # (with a second 李娜, cadre_names gave the two ids, and her own ledger's cadre: 李娜 was told E-REF-003 and
    # E-SCHEMA-005 again, as before ff8b075)
    (records / "records/cadres/li-na-2.yaml").write_text(
        "name: 李娜\nposition: 计算机学院副院长\nunit: cs\ngit: li-na-2\nactive_from: \"2021-03-01\"\n", encoding="utf-8")
    edit(records, LEDGER, "cadre: li-na", "cadre: 李娜")
    found = validate(records)
    f = only(found, "E-REF-001")
    assert (f["line"], f["column"]) == (1, 8)
    assert "li-na、li-na-2" in f["hint"], f
    assert not [x for x in found if x["code"] in ("E-REF-003", "E-SCHEMA-005")], found


@pytest.mark.parametrize("rel,old,new,zh,en", [
    (LEDGER, "cadre: li-na", "cadre: 李娜", "干部“李娜”是姓名，这里要写编号", "cadre '李娜' is a name: the id belongs here"),
    ("assignments/2025-2027.yaml", "- cadre: zhang-wei", "- cadre: 张伟", "干部“张伟”是姓名，这里要写编号",
     "cadre '张伟' is a name: the id belongs here"),
    ("cadres/li-na.yaml", "unit: xgb", "unit: 党委学生工作部", "单位“党委学生工作部”是名称，这里要写编号",
     "unit '党委学生工作部' is a name: the id belongs here"),
    ("cadres/li-na.yaml", "unit: xgb", "unit: 学生工作部", "单位“学生工作部”像是名称，这里要写编号",
     "unit '学生工作部' looks like a name: the id belongs here"),
])
def test_a_name_for_an_id_is_said_to_be_a_name_in_the_message_not_to_be_missing(records, rel, old, new, zh, en):
    # (the message read 干部“李娜”不存在 — she exists — while its hint said it was her name where her id belongs)
    edit(records, rel, old, new)
    assert only(validate(records), "E-REF-001")["message"] == zh
    assert only(validate(records, "--lang", "en"), "E-REF-001")["message"] == en


@pytest.mark.parametrize("old,new,zh,hint,hint_en", [
    ("    club: club-robotics", "    class: 机器人协会", "班级“机器人协会”是社团，不是班级",
     "社团写在 club: 下，要写编号：“机器人协会”的编号是“club-robotics”，这一行写成：    club: club-robotics",
     "A club goes under club:, by its id: the id of '机器人协会' is 'club-robotics'. The line:     club: club-robotics"),
    ("    club: club-robotics", "    class: club-robotics", "班级“club-robotics”是社团，不是班级",
     "社团写在 club: 下，这一行写成：    club: club-robotics",
     "A club goes under club:. The line:     club: club-robotics"),
    ("    class: cs-2025-01", "    club: 计算机2501班", "社团“计算机2501班”是班级，不是社团",
     "班级写在 class: 下，要写编号：“计算机2501班”的编号是“cs-2025-01”，这一行写成：    class: cs-2025-01",
     "A class goes under class:, by its id: the id of '计算机2501班' is 'cs-2025-01'. The line:     class: cs-2025-01"),
])
def test_a_club_under_class_in_the_assignments_is_told_to_write_club_and_its_id(records, old, new, zh, hint, hint_en):
    # (class: 机器人协会 was told 班级“机器人协会”不存在 … 这一行写成：class: club-robotics — a club's id under
    # class:, which the next run refuses again; class: club-robotics was told 请检查拼写)
    edit(records, "assignments/2025-2027.yaml", old, new)
    f = only(validate(records), "E-REF-001")
    assert (f["message"], f["hint"]) == (zh, hint), f
    assert only(validate(records, "--lang", "en"), "E-REF-001")["hint"] == hint_en


def test_another_cadre_s_name_in_a_ledger_is_one_error_with_the_line_and_where_hers_would_be(records):
    # (cadre: 张伟 in li-na.yaml was told E-REF-003 干部编号“张伟”与文件位置不一致（应为“li-na”） … 请改正内容，或把
    # 文件移动/改名 and E-SCHEMA-005 “干部编号”的格式不对 at the same place — not that 张伟 is a name, nor whose)
    edit(records, LEDGER, "cadre: li-na", "cadre: 张伟")
    for _ in range(2):  # (and from the references' kept results)
        f = only(validate(records), "E-REF-003")
        assert (f["line"], f["column"]) == (1, 8)
        assert f["message"] == "干部编号“张伟”是另一位干部的姓名，这里要写这份台账的干部编号（应为“li-na”）", f
        assert f["hint"] == ("“张伟”的编号是 zhang-wei，这份台账是李娜的，这一行写成：cadre: li-na；"
                                  "如果这是张伟的台账，本期已有 records/ledgers/2026-H1/zhang-wei.yaml：请把这个文件的内容合并进那份台账，再删除这个文件（每人每期只有一份台账）。"), f
    f = only(validate(records, "--lang", "en"), "E-REF-003")
    assert f["hint"].endswith("The id of '张伟' is zhang-wei; this ledger is 李娜's: cadre: li-na; "
                              "if it is 张伟's, records/ledgers/2026-H1/zhang-wei.yaml exists already: merge this file into it and delete this one (one ledger a cadre a half-year)."), f


@pytest.mark.parametrize("space", [" ", "\u3000", "\u00a0"])
def test_a_cadre_s_name_typed_with_a_space_is_read_as_her_name(records, space):
    # (cadre: 张 伟 — a space, full-width or no-break, inside the name — was told E-REF-003 与文件位置不一致 …
    # 请改正内容，或把文件移动/改名 and E-SCHEMA-005 格式不对 at the same place, where 张伟 is one error with the line)
    edit(records, LEDGER, "cadre: li-na", f"cadre: 张{space}伟")
    found = validate(records)
    f = only(found, "E-REF-003")
    assert (f["line"], f["column"]) == (1, 8)
    assert f["hint"].endswith("“张伟”的编号是 zhang-wei，这份台账是李娜的，这一行写成：cadre: li-na；"
                              "如果这是张伟的台账，本期已有 records/ledgers/2026-H1/zhang-wei.yaml：请把这个文件的内容合并进那份台账，再删除这个文件（每人每期只有一份台账）。"), f
    assert not [x for x in found if x["code"] == "E-SCHEMA-005"], found
    edit(records, LEDGER, f"cadre: 张{space}伟", f"cadre: 李{space}娜")  # (her own name)
    found = validate(records)
    f = only(found, "E-REF-001")
    assert f["message"] == f"干部“李{space}娜”是姓名，这里要写编号", f
    assert f["hint"] == "“李娜”的编号是“li-na”，这一行写成：cadre: li-na", f
    assert not [x for x in found if x["code"] in ("E-REF-003", "E-SCHEMA-005")], found
    edit(records, LEDGER, f"cadre: 李{space}娜", "cadre: li-na")
    edit(records, "assignments/2025-2027.yaml", "- cadre: zhang-wei", f"- cadre: 张{space}伟")  # (an assignment's row)
    f = only(validate(records, "--lang", "en"), "E-REF-001")
    assert f["hint"] == "The id of '张伟' is 'zhang-wei'. The line:   - cadre: zhang-wei", f


@pytest.mark.parametrize("written,zh,en,typed", [
    ("机器人协会", "只有一项也要写成列表，要写编号：“机器人协会”的编号是“club-robotics”，这一行写成：contact_points: [club-robotics]",
     "One item is a list too, of ids: the id of '机器人协会' is 'club-robotics'. The line: contact_points: [club-robotics]",
     "contact_points: [club-robotics]"),
    ("机器人协会、计算机2501班", "“、”不会把文字分成几项：也可以写在方括号里，用英文逗号分开，要写编号：“机器人协会”的编号是“club-robotics”，"
     "“计算机2501班”的编号是“cs-2025-01”，这一行写成：contact_points: [club-robotics, cs-2025-01]",
     "'、' does not split a text into items; or write them in brackets, with ASCII commas, of ids: the id of '机器人协会' is "
     "'club-robotics', the id of '计算机2501班' is 'cs-2025-01'. The line: contact_points: [club-robotics, cs-2025-01]",
     "contact_points: [club-robotics, cs-2025-01]"),
    ("天文社", "只有一项也要写成列表：也可以写在方括号里，这里写成 [天文社]。",
     "One item is a list too; or write it in brackets: [天文社].", None),
])
def test_a_contact_point_s_name_written_as_a_text_is_given_its_id_in_one_round(records, written, zh, en, typed):
    # (contact_points: 营销2301班 took two rounds: validate offered [营销2301班], and the next run gave E-REF-001,
    # a name, not an id; now the id when a class or club has that name, the list's shape otherwise)
    edit(records, LEDGER, "contact_points: [club-robotics]", f"contact_points: {written}")
    f = only(validate(records), "E-SCHEMA-003")
    assert f["hint"] == f"列表的每一项另起一行，以“- ”开头。{zh}", f
    assert only(validate(records, "--lang", "en"), "E-SCHEMA-003")["hint"] == (
        f"Write each item on its own line starting with '- '. {en}")
    if typed:  # (the line offered is one the next run accepts)
        edit(records, LEDGER, f"contact_points: {written}", typed)
        assert validate(records) == []


def test_a_namesake_s_name_in_a_ledger_names_the_one_without_a_ledger_and_says_which_has_one(records):
    # (cadre: 张伟 in li-na.yaml, two cadres called 张伟 and zhang-wei's ledger of 2026-H1 there, was told 如果这是张伟的
    # 台账，它应是 ledgers/2026-H1/zhang-wei.yaml、ledgers/2026-H1/zhang-wei-2.yaml — following it for zhang-wei replaces
    # his real ledger)
    (records / "records/cadres/zhang-wei-2.yaml").write_text(
        "name: 张伟\nposition: 计算机学院副院长\nunit: cs\ngit: zhang-wei-2\nactive_from: \"2021-03-01\"\n", encoding="utf-8")
    edit(records, LEDGER, "cadre: li-na", "cadre: 张伟")
    for _ in range(2):  # (and from the references' kept results)
        f = only(validate(records), "E-REF-003")
        assert f["hint"] == (
            "“张伟”的编号是 zhang-wei、zhang-wei-2，这份台账是李娜的，这一行写成：cadre: li-na；"
            "如果这是张伟（zhang-wei-2）的台账，它应是 records/ledgers/2026-H1/zhang-wei-2.yaml，写 cadre: zhang-wei-2；"
            "如果是张伟（zhang-wei）的，本期已有 records/ledgers/2026-H1/zhang-wei.yaml：请把这个文件的内容合并进那份台账，"
            "再删除这个文件（每人每期只有一份台账）。"), f
    f = only(validate(records, "--lang", "en"), "E-REF-003")
    assert f["hint"] == (
        "The id of '张伟' is zhang-wei, zhang-wei-2; this ledger is 李娜's: cadre: li-na; if it is 张伟's (zhang-wei-2), "
        "it is records/ledgers/2026-H1/zhang-wei-2.yaml, with cadre: zhang-wei-2; if it is 张伟's (zhang-wei), "
        "records/ledgers/2026-H1/zhang-wei.yaml exists already: merge this file into it and delete this one "
        "(one ledger a cadre a half-year)."), f
    (records / "records/ledgers/2026-H1/zhang-wei.yaml").unlink()  # (neither has one: either, as before)
    f = only(validate(records), "E-REF-003")
    assert f["hint"].endswith("如果这是张伟的台账，它应是 records/ledgers/2026-H1/zhang-wei.yaml、records/ledgers/2026-H1/zhang-wei-2.yaml，"
                              "写 cadre: …。"), f


@pytest.mark.parametrize("rel,old,new,code,line", [
    ("assignments/2025-2027.yaml", "    class: cs-2025-01", "    class: 计算机2501班", "E-REF-001", "    class: cs-2025-01"),
    ("assignments/2025-2027.yaml", "    club: club-robotics", "    club: 机器人协会", "E-REF-001", "    club: club-robotics"),
    ("assignments/2025-2027.yaml", "  - cadre: zhang-wei", "  - cadre: 张伟", "E-REF-001", "  - cadre: zhang-wei"),
    # (a ledger indented as a whole, as pasted from a mail: its fields are its mapping's, two spaces in)
    (LEDGER, "cadre: li-na", "cadre: 李娜", "E-REF-001", "  cadre: li-na"),
    (LEDGER, "cadre: li-na", "cadre: 张伟", "E-REF-003", "  cadre: li-na"),
])
def test_a_name_for_an_id_is_given_its_line_with_the_line_s_indentation(records, rel, old, new, code, line):
    # (    club: 机器人协会 in an assignment's row was told 这一行写成：club: club-robotics, - cadre: 张伟 这一行写成：- cadre:
    # zhang-wei — typed as told in the line's place, the field at the margin is no longer the row's (E-YAML-001), where
    # E-REF-005's and the dates' lines keep the indentation)
    path = records / "records" / rel
    if rel == LEDGER:
        path.write_text("".join(f"  {text}" for text in path.read_text(encoding="utf-8").splitlines(True)), encoding="utf-8")
        assert validate(records) == []
    edit(records, rel, old, new)
    zh, en = only(validate(records), code), only(validate(records, "--lang", "en"), code)
    assert zh["hint"].split("这一行写成：")[1].split("；")[0] == line, zh
    assert f"The line: {line}" in en["hint"] or f"this ledger is 李娜's: {line};" in en["hint"], en
    text = path.read_text(encoding="utf-8").split("\n")
    text[zh["line"] - 1] = line  # (the hint's line in the place of the whole line)
    path.write_text("\n".join(text), encoding="utf-8")
    assert validate(records) == []


@pytest.mark.parametrize("rel,old,new,line", [
    (LEDGER, "contact_points: [club-robotics]", "contact_points: [club-robotic]", "contact_points: [club-robotics]"),
    ("cadres/li-na.yaml", "unit: xgb", "unit: xgp", "unit: xgb"),
    ("assignments/2025-2027.yaml", "    club: club-robotics", "    club: club-robotic", "    club: club-robotics"),
    ("assignments/2025-2027.yaml", "  - cadre: li-na", "  - cadre: li-nna", "  - cadre: li-na"),
])
def test_an_id_mistyped_near_one_id_is_given_the_line_with_it(records, rel, old, new, line):
    # (contact_points: [club-robotic] was told 请检查拼写；… 是不是“club-robotics”？ — the id, and no line to type, where
    # E-REF-005's 是不是“进班级”？ gives the line)
    edit(records, rel, old, new)
    zh, en = only(validate(records), "E-REF-001"), only(validate(records, "--lang", "en"), "E-REF-001")
    assert zh["hint"].endswith(f"是不是“{line.split(': ')[1].strip('[]')}”？这一行写成：{line}"), zh
    assert en["hint"].endswith(f"? The line: {line}"), en
    path = records / "records" / rel
    text = path.read_text(encoding="utf-8").split("\n")
    text[zh["line"] - 1] = line  # (the hint's line in the place of the whole line)
    path.write_text("\n".join(text), encoding="utf-8")
    assert validate(records) == []


@pytest.mark.parametrize("rel,old,new,line,block", [
    ("cadres/li-na.yaml", "unit: xgb", "unit: [xgb, cs]", "unit: xgb", False),  # (a cadre who also holds a post in 计算机学院)
    ("cadres/li-na.yaml", "unit: xgb", "unit:\n  - xgb\n  - cs", "unit: xgb", True),
    ("classes/2025.yaml", "unit: cs", "unit: [cs, xgb]", "    unit: cs", False),
])
def test_two_units_where_one_belongs_is_one_error_that_says_to_write_one_and_the_line(records, rel, old, new, line,
                                                                                       block):
    """An adopter writing a cadre (or a class) in two units, `unit: [xgb, cs]`, was told two things at the same place:
    E-REF-001 单位“xgb、cs”不存在 (a unit nobody wrote) and E-SCHEMA-003 “所在单位”应为文字，这里是列表 with no 怎么改
    at all. Now one error, which says a unit is one id and gives the line to type, its first unit's."""
    edit(records, rel, old, new)
    f = only(validate(records), "E-SCHEMA-003")
    assert f["hint"].startswith("“") and "只写一个，不是列表" in f["hint"], f
    assert f["hint"].endswith(f"：{line}"), f
    assert ("换成一行" in f["hint"]) == block, f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-003")
    assert "is one value, not a list" in f["hint"] and f["hint"].endswith(f": {line}"), f


@pytest.mark.parametrize("rel,old,new", [
    ("policy.yaml", "    unit: xgb", "    unit: xsc"),  # (an administrator's unit as her own university calls it: 学生处)
    ("classes/2025.yaml", "unit: cs", "unit: jsj"),
])
def test_a_unit_id_like_none_lists_the_units_there_are(records, rel, old, new):
    """A new university's administrator wrote the unit id she uses (xsc) where units.yaml has another (xgb): nothing
    close to it, so E-REF-001 said 请检查拼写；现有的单位编号见 records/units.yaml。 and she opened the file to find them.
    A university's units are few enough to say: the ids, each with its name, as check --unit says them."""
    edit(records, rel, old, new)
    f = only(validate(records), "E-REF-001")
    assert f["hint"] == "请检查拼写；现有的单位编号见 records/units.yaml：cs（计算机学院）、xgb（党委学生工作部）。", f
    f = only(validate(records, "--lang", "en"), "E-REF-001")
    assert f["hint"] == "Check the spelling; existing ids are in records/units.yaml: cs (计算机学院), xgb (党委学生工作部).", f


def test_a_unit_id_like_none_among_many_units_points_to_the_file(records):
    """More units than a hint can list (13 here): the file is where to look, as before."""
    units = records / "records" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "".join(
        f"  - {{id: u{i}, name: 第{i}学院, type: 学院, reviewers: [u{i}-reviewer]}}\n" for i in range(11)), encoding="utf-8")
    edit(records, "cadres/li-na.yaml", "unit: xgb", "unit: qqq")
    assert only(validate(records), "E-REF-001")["hint"] == "请检查拼写；现有的单位编号见 records/units.yaml。"


def _said(work, code, *extra) -> list[dict]:
    """The findings of `code`, warnings too (validate() above keeps the errors), of a real `validate`."""
    import json

    import bad_records as B
    run = B.run_cli(B.REPO, work, "validate", "--format", "json", *extra)
    assert "Traceback" not in run.stderr, run.stderr
    return [f for f in json.loads(run.stdout) if f["code"] == code]


def _cadre(work, ident: str, name: str, namesake: str) -> None:
    (work / f"records/cadres/{ident}.yaml").write_text(
        f"name: {name}\nposition: 党委学生工作部副部长\nunit: xgb\ngit: {ident}\nactive_from: \"2021-03-01\"\n{namesake}",
        encoding="utf-8")


def test_a_namesake_of_another_name_is_told_with_the_id_meant_and_the_line(records):
    # namesake: [li-na] (李娜) in the record of a second 张伟: accepted, silencing nothing, while the pair of 张伟s
    # stayed warned (W-REF-001) — a mistyped id; the line with the 张伟 meant
    _cadre(records, "zhang-wei-2", "张伟", "namesake: [li-na]\n")
    assert validate(records) == []  # (a warning: nothing wrongly silenced, nothing to block)
    [f] = _said(records, "W-REF-002")
    assert (f["file"], f["line"], f["column"]) == ("records/cadres/zhang-wei-2.yaml", 6, 12)
    assert f["message"] == ("同名干部（namesake）中的 li-na 是干部“李娜”（records/cadres/li-na.yaml:1:7），"
                            "与本人“张伟”不同名：它不说明本人有同名的干部")
    assert f["hint"] == ("namesake 写的是与本人同名、但不是同一人的干部的编号。与“张伟”同名的是 zhang-wei"
                         "（records/cadres/zhang-wei.yaml:1:7），多半是编号写错了，这一行写成：namesake: [zhang-wei]")
    pair = _said(records, "W-REF-001")  # (the pair, until the line is typed: the same line in this file)
    assert len(pair) == 2 and "把本文件中的 namesake 写成：namesake: [zhang-wei]（" in pair[0]["hint"], pair
    [en] = _said(records, "W-REF-002", "--lang", "en")
    assert en["message"] == ("namesake li-na is cadre '李娜' (at records/cadres/li-na.yaml:1:7), whose name is not "
                             "'张伟': it tells of no namesake")
    assert en["hint"].endswith("The line: namesake: [zhang-wei]")
    # typed: neither warning is left
    edit(records, "cadres/zhang-wei-2.yaml", "namesake: [li-na]", "namesake: [zhang-wei]")
    assert _said(records, "W-REF-002") == [] and _said(records, "W-REF-001") == []


@pytest.mark.parametrize("ident,name,namesake,at,fix,fix_en", [
    # nobody else of her name: the item says nothing, the line goes
    ("li-na-2", "李晓娜", "namesake: [zhang-wei]\n", (6, 12), "没有别的干部叫“李晓娜”，这一项什么也不说明，删去 namesake 这一行。",
     "No other cadre is named '李晓娜': the item tells nothing. Delete the line namesake."),
    # one of two items: the line without it
    ("zhang-wei-2", "张伟", "namesake: [zhang-wei, li-na]\n", (6, 23), "与“张伟”同名的都已写上，这一项什么也不说明，这一行写成：namesake: [zhang-wei]",
     "The cadres named '张伟' are all listed: the item tells nothing. The line: namesake: [zhang-wei]"),
    # a list of lines, none of the same name: namesake goes with its items
    ("li-na-2", "李晓娜", "namesake:\n  - zhang-wei\n  - li-na\n", (8, 5), "没有别的干部叫“李晓娜”，这一项什么也不说明，删去 namesake 这一行和下面的各项。",
     "No other cadre is named '李晓娜': the item tells nothing. Delete namesake and its items."),
])
def test_a_namesake_of_another_name_with_none_meant_is_told_to_delete_it(records, ident, name, namesake, at, fix, fix_en):
    _cadre(records, ident, name, namesake)
    found = _said(records, "W-REF-002")
    assert [(f["line"], f["column"]) for f in found][-1] == at
    assert found[-1]["hint"].endswith(fix), found[-1]["hint"]
    assert _said(records, "W-REF-002", "--lang", "en")[-1]["hint"].endswith(fix_en)


def test_a_namesake_naming_the_cadre_herself_is_told(records):
    _cadre(records, "li-na-2", "李娜", "namesake: [li-na-2]\n")
    [f] = _said(records, "W-REF-002")
    assert f["message"] == "同名干部（namesake）中的 li-na-2 是本人自己的编号：它不说明本人有同名的干部"
    assert f["hint"].endswith("与“李娜”同名的是 li-na（records/cadres/li-na.yaml:1:7），多半是编号写错了，这一行写成：namesake: [li-na]")


def test_one_of_the_two_namesakes_saying_it_is_enough_and_the_hint_says_so(records):
    _cadre(records, "zhang-wei-2", "张伟", "")
    hints = [f["hint"] for f in _said(records, "W-REF-001")]
    assert len(hints) == 2 and all("两份中的一份写上即可" in h for h in hints), hints
    edit(records, "cadres/zhang-wei.yaml", 'active_from: "2020-01-01"', 'active_from: "2020-01-01"\nnamesake: [zhang-wei-2]')
    assert _said(records, "W-REF-001") == [] and _said(records, "W-REF-002") == []


def test_a_third_namesake_in_a_file_with_a_namesake_line_is_told_the_line_not_a_second_one(records):
    # a third 张伟: W-REF-001 on zhang-wei-2 (namesake: [zhang-wei] already) said to add the line namesake: [zhang-wei-3],
    # a second namesake key (E-YAML-003); it now gives the line with both
    _cadre(records, "zhang-wei-2", "张伟", "namesake: [zhang-wei]\n")
    _cadre(records, "zhang-wei-3", "张伟", "")
    [f] = [f for f in _said(records, "W-REF-001") if f["file"] == "records/cadres/zhang-wei-2.yaml"]
    assert "在本文件中加一行" not in f["hint"] and "把本文件中的 namesake 写成：namesake: [zhang-wei, zhang-wei-3]（" in f["hint"], f["hint"]
    [en] = [f for f in _said(records, "W-REF-001", "--lang", "en") if f["file"] == "records/cadres/zhang-wei-2.yaml"]
    assert "writes namesake as namesake: [zhang-wei, zhang-wei-3] in this file" in en["hint"], en["hint"]
    edit(records, "cadres/zhang-wei-2.yaml", "namesake: [zhang-wei]", "namesake: [zhang-wei, zhang-wei-3]")
    assert [f["file"] for f in _said(records, "W-REF-001")] == ["records/cadres/zhang-wei-3.yaml", "records/cadres/zhang-wei.yaml"]
    assert validate(records) == []
