"""YAML 1.1 surprises, one test each, through the real CLI on real files.

PyYAML (YAML 1.1) would turn `2026-09-01` into a date, `yes`/`no`/`on`/`off` into
booleans, `0123`/`012` into octal numbers, `0x1F` into 31, `1:20` into 80 and
`1e3` into 1000.0 — silently.  Our loader keeps them as text and lets the schema
decide, so a cadre sees the value they wrote, at the place they wrote it.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

import bad_records as B

LI_NA = "cadres/li-na.yaml"
CLASS = "classes/2025.yaml"
LEDGER = "ledgers/2026-H1/li-na.yaml"


@pytest.fixture
def records(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    return work


def edit(work, rel, old, new):
    path = work / "records" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate(work, *extra):
    run = B.run_cli(B.REPO, work, "validate", "--format", "json", *extra)
    assert "Traceback" not in run.stderr, run.stderr
    findings = [f for f in json.loads(run.stdout) if f["severity"] == "error"]
    assert run.returncode == (1 if findings else 0), run.stderr
    return findings


def only(findings, code):
    assert [f["code"] for f in findings] == [code], findings
    return findings[0]


def test_unquoted_date_stays_text_that_the_schema_checks(records):
    edit(records, LI_NA, 'active_from: "2021-03-01"', "active_from: 2021-03-01")
    edit(records, CLASS, "name: 计算机2501班", "name: 2025-09-01")  # a date where text is wanted: still text
    assert validate(records) == []
    edit(records, LI_NA, "active_from: 2021-03-01", "active_from: 2021-3-1")
    f = only(validate(records), "E-SCHEMA-005")
    assert (f["file"], f["line"], f["column"]) == (f"records/{LI_NA}", 5, 14)
    assert "2021-3-1" in f["message"] and "YYYY-MM-DD" in f["hint"]


def test_timestamp_stays_text(records):
    edit(records, LI_NA, 'active_from: "2021-03-01"', "active_from: 2021-03-01 08:00:00")
    f = only(validate(records), "E-SCHEMA-005")
    assert "2021-03-01 08:00:00" in f["message"]


@pytest.mark.parametrize("word", ["yes", "no", "on", "off", "Yes", "NO", "y", "n"])
def test_yes_no_on_off_are_not_booleans(records, word):
    edit(records, "ledgers/2026-H1/zhang-wei.yaml", "typical: true", f"typical: {word}")
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == (11, 14)
    assert f"文字：{word}" in f["message"] and "true 或 false" in f["hint"]  # (as typed, no JSON quotes)


@pytest.mark.parametrize("word,meant", [("是", "true"), ("否", "false"), ("对", "true"), ("不是", "false"),
                                        ("yes", "true"), ("NO", "false")])
def test_a_yes_or_no_in_words_is_given_the_boolean_to_type(records, word, meant):
    # (was told only 真假值只能写 true 或 false（不能写 yes/no/on/off/是/否）, no value offered)
    edit(records, "ledgers/2026-H1/zhang-wei.yaml", "typical: true", f"typical: {word}")
    f = only(validate(records), "E-SCHEMA-003")
    assert f["hint"].endswith(f"这一行写成：    typical: {meant}"), f  # (the line, as with the dates: 这里应写 {meant} was the value)
    assert only(validate(records, "--lang", "en"), "E-SCHEMA-003")["hint"].endswith(f"The line:     typical: {meant}")
    edit(records, "ledgers/2026-H1/zhang-wei.yaml", f"typical: {word}", f"typical: {meant}")  # (typed as told: clean)
    assert validate(records) == []


def test_norway_stays_text(records):
    # `name: NO` would be False in YAML 1.1 and fail "must be text"
    edit(records, LI_NA, "name: 李娜", "name: NO")
    edit(records, CLASS, "counsellor: 钱老师", "counsellor: off")
    assert validate(records) == []


def test_leading_zero_0123_is_text_not_octal(records):
    edit(records, LEDGER, "students: 25", "students: 0123")
    f = only(validate(records), "E-SCHEMA-003")
    assert "文字：0123" in f["message"] and (f["line"], f["column"]) == (9, 15)


def test_octal_012_is_text_not_ten(records):
    edit(records, CLASS, "headcount: 30", "headcount: 012")
    f = only(validate(records), "E-SCHEMA-003")
    assert "文字：012" in f["message"]  # not 10
    edit(records, CLASS, "headcount: 012", "headcount: 30")
    edit(records, CLASS, "name: 计算机2501班", "name: 012")  # as text it is fine
    assert validate(records) == []


def test_exponent_1e3_is_text(records):
    edit(records, LEDGER, "students: 25", "students: 1e3")
    assert "文字：1e3" in only(validate(records), "E-SCHEMA-003")["message"]


def test_hex_0x1f_is_text(records):
    edit(records, LEDGER, "students: 25", "students: 0x1F")
    assert "文字：0x1F" in only(validate(records), "E-SCHEMA-003")["message"]


def test_sexagesimal_1_20_is_text(records):
    edit(records, LEDGER, "students: 25", "students: 1:20")
    assert "文字：1:20" in only(validate(records), "E-SCHEMA-003")["message"]


def test_inf_and_nan_are_text(records):
    edit(records, LEDGER, "students: 25", "students: .inf")
    assert "文字：.inf" in only(validate(records), "E-SCHEMA-003")["message"]


def test_tilde_is_nothing_unless_quoted(records):
    edit(records, LI_NA, "git: li-na", "git: ~")
    f = only(validate(records), "E-SCHEMA-003")
    assert "空值" in f["message"] and (f["line"], f["column"]) == (4, 6)
    edit(records, LI_NA, "git: ~", "git: li-na")
    edit(records, CLASS, "counsellor: 钱老师", 'counsellor: "~"')
    assert validate(records) == []


def test_duplicate_key_is_an_error_not_a_silent_overwrite(records):
    edit(records, LI_NA, "unit: xgb\n", "unit: xgb\nunit: cs\n")
    f = only(validate(records), "E-YAML-003")
    assert (f["line"], f["column"]) == (4, 1) and "第 3 行" in f["message"]


def test_a_duplicate_key_is_an_error_beside_a_key_ending_in_a_backslash(records):
    """The quick path counted the keys in rapidyaml's JSON, where a key ending in a backslash
    (`git\\:`, a slip of the finger) hid one: the second `unit` silently won, and no E-YAML-003."""
    edit(records, LI_NA, "unit: xgb\ngit: li-na\n", "unit: xgb\nunit: cs\ngit\\: li-na\n")
    dup = [f for f in validate(records) if f["code"] == "E-YAML-003"]
    assert [(f["line"], f["column"]) for f in dup] == [(4, 1)] and "第 3 行" in dup[0]["message"], dup


def test_tab_indentation_is_an_error(records):
    edit(records, LEDGER, "    form: 社团活动", "\tform: 社团活动")
    f = only(validate(records), "E-YAML-002")
    assert (f["line"], f["column"]) == (6, 1)


@pytest.mark.parametrize("old,new,at,typed,spaces", [
    ("    form: 社团活动", "\tform: 社团活动", (6, 1), "    form: 社团活动", 4),  # a field of an activity
    ("    summary: 参加", "\ttopics:\n      - 学业发展\n    summary: 参加", (10, 1), "    topics:", 4),
    ("contact_points: [club-robotics]", "contact_points:\n\t- club-robotics", (4, 1), "  - club-robotics", 2),
])
def test_a_tab_to_indent_is_told_the_line_with_its_spaces(records, old, new, at, typed, spaces):
    # (was told 请把 Tab 换成两个空格 wherever it was: a field of an activity wants four, and the line
    # with two was the next error)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-002")
    assert (f["line"], f["column"]) == at and f"这一行写成：{typed}" in f["hint"] and f"{spaces} 个空格" in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-YAML-002")
    assert typed in f["hint"] and f"{spaces} spaces" in f["hint"], f


def test_non_utf8_file_is_an_error(records):
    path = records / "records" / LI_NA
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    f = only(validate(records), "E-LOAD-001")
    assert (f["file"], f["line"], f["column"]) == (f"records/{LI_NA}", 1, 7)
    assert "UTF-8" in f["hint"]
    # a cadre does not know what an encoding is: say which one Notepad/WPS used, and how to save as UTF-8
    assert f["message"].endswith("；看起来是按 GBK/GB2312 编码保存的（记事本中叫“ANSI”）")
    assert "另存为" in f["hint"]
    path.write_bytes("name: café\n".encode("latin-1"))  # not Chinese: no guess
    assert only(validate(records), "E-LOAD-001")["message"] == "文件不是有效的 UTF-8 编码（第 1 行附近有无法识别的字节）"


def test_several_documents_in_one_file_are_an_error(records):
    path = records / "records" / LI_NA
    path.write_text(path.read_text(encoding="utf-8") + "---\nname: 王五\n", encoding="utf-8")
    f = only(validate(records), "E-YAML-004")
    assert (f["line"], f["column"]) == (6, 1)  # the '---' to remove


def test_byte_order_mark_is_accepted_and_columns_stay_right(records):
    path = records / "records" / LI_NA
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(records) == []
    edit(records, LI_NA, "\ufeffname: 李娜", "\ufeffname: 李娜\nnam: 李娜")
    f = only(validate(records), "E-SCHEMA-002")
    assert (f["line"], f["column"]) == (2, 1)


def test_crlf_line_ends_are_accepted_and_lines_stay_right(records):
    path = records / "records" / LEDGER
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert validate(records) == []
    path.write_bytes(path.read_bytes().replace(b"students: 25", b"students: 0"))
    f = only(validate(records), "E-SCHEMA-006")
    assert (f["line"], f["column"]) == (9, 15)


@pytest.mark.parametrize("old,new,at,mark", [
    ("    form: 社团活动", "    form：社团活动", (6, 9), "冒号“：”"),  # a Chinese input method's colon
    ("period: 2026-H1", "period：2026-H1", (2, 7), "冒号“：”"),
    ("    students: 25", "    students:\u300025", (9, 14), "空格“　”"),  # full-width space after the colon
    ("  - date:", "\u3000- date:", (5, 1), "空格“　”"),  # … or to indent
    ("    students: 25", "    students:\u00a025", (9, 14), "不换行空格"),  # copied from a web page or Word
    ("    form:", "\u00a0\u00a0\u00a0 form:", (6, 1), "不换行空格"),
    ("    form:", "  \u2009  form:", (6, 3), "窄空格"),
    ("    students: 25", "    students:\u202f25", (9, 14), "窄不换行空格"),
    # a comment begun with a full-width “＃” (was told 这一行缺少“键: 值”中的冒号 with the fixed hint)
    ("period: 2026-H1", "period: 2026-H1\n＃ 上半年的台账", (3, 1), "井号“＃”"),
    ("    form:", "    ＃第二次活动\n    form:", (6, 5), "井号“＃”"),
])
def test_full_width_colon_or_space_from_a_chinese_input_method_is_named_where_it_is(records, old, new, at, mark):
    # (libyaml said "could not find expected ':'" on a line that holds a colon to the eye, or
    # "mapping values are not allowed here" on the line after a full-width indentation)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-010")
    assert (f["file"], f["line"], f["column"]) == (f"records/{LEDGER}", *at)
    assert mark in f["message"] and "英文输入法" in f["hint"]


@pytest.mark.parametrize("new, at", [
    ("    form\u2009：社团活动", (6, 10)),  # (a thin space before the colon: told 这一行缺少“键: 值”中的冒号)
    ("    form\u202f；社团活动", (6, 10)),
    ("    form：\u2009社团活动", (6, 9)),  # (after it: the line to type kept it, form: \u2009社团活动)
])
def test_a_chinese_colon_beside_a_space_of_another_width_is_given_the_line_to_type(records, new, at):
    edit(records, LEDGER, "    form: 社团活动", new)
    f = only(validate(records), "E-YAML-010")
    assert (f["line"], f["column"]) == at, f
    assert f["hint"].endswith("这一行写成：    form: 社团活动"), f


@pytest.mark.parametrize("new, name, name_en, at", [
    ("  \u200b  form: 社团活动", "零宽空格", "zero-width space", (6, 3)),
    ("\u200e    form: 社团活动", "文字方向符", "text-direction mark", (6, 1)),  # (was 一个特殊的空格（文字方向符…）)
    ("  \u2060  form: 社团活动", "零宽字符", "zero-width character", (6, 3)),
])
def test_an_invisible_character_before_a_field_is_told_as_what_it_is_with_the_line_to_type(records, new, name, name_en, at):
    # (E-YAML-010 said 这里用了一个特殊的空格（文字方向符…），YAML 的格式符号要用英文（半角）的空格 and
    # 把它改成空格“ ”——它不占位置，删掉即可, and the line to type still held it)
    old = "    form: 社团活动"
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-016")
    assert (f["line"], f["column"]) == at, f
    assert name in f["message"] and "特殊的空格" not in f["message"] and "改成空格" not in f["hint"], f
    assert f["hint"].endswith(f"这一行写成（前面 {len(old) - len(old.lstrip())} 个空格）：{old}"), f
    assert name_en in only(validate(records, "--lang", "en"), "E-YAML-016")["message"]
    edit(records, LEDGER, new, old)  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("mark,what", [("*", "别名"), ("&", "锚点"), ("!", "标签"), ("@", "保留"), ("`", "保留"),
                                       ("%", "保留")])
def test_a_value_starting_with_a_star_ampersand_or_bang_is_told_to_be_quoted(records, mark, what):
    # (a bullet pasted from WeChat or Word: libyaml's "did not find expected alphabetic or numeric
    # character" / "… whitespace or line break", in English inside the Chinese message, one column on)
    edit(records, LEDGER, "    place: 进社团", f"    place: {mark}进社团")
    f = only(validate(records), "E-YAML-001")
    assert (f["line"], f["column"]) == (7, 12), f
    assert f"“{mark}”" in f["message"] and what in f["message"], f
    assert "did not find" not in f["message"], f
    # the hint is the line to type, not the fixed "请检查这一行及上一行的缩进、冒号和引号…"
    assert f'place: "{mark}进社团"' in f["hint"] and "缩进" not in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-YAML-001")
    assert f"'{mark}'" in f["message"], f
    assert "did not find" not in f["message"], f
    assert f'place: "{mark}进社团"' in f["hint"] and "indentation" not in f["hint"], f


@pytest.mark.parametrize("old,new,at,typed", [
    ("contact_points: [club-robotics]", "contact_points: [*mkt]", (3, 18), 'contact_points: ["*mkt"]'),
    ("    place: 进社团", "    place: *mkt", (7, 12), 'place: "*mkt"'),
    # (an anchor never used: "&mkt " was dropped without a word and the value read 进社团)
    ("    place: 进社团", "    place: &mkt 进社团", (7, 12), 'place: "&mkt 进社团"'),
])
def test_a_value_starting_with_a_star_and_letters_is_text_to_be_quoted_not_an_alias(records, old, new, at, typed):
    # (was E-YAML-005 "不允许使用 YAML 锚点/别名", "请把要重复的内容直接写出来": no anchor “mkt” was
    # ever set; the cadre meant the text *mkt, as E-YAML-001 tells for *重点)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-001")
    assert (f["line"], f["column"]) == at, f
    mark = typed[typed.index('"') + 1]
    assert f"“{mark}”" in f["message"], f
    assert typed in f["hint"] and "缩进" not in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-YAML-001")
    assert f"'{mark}'" in f["message"], f
    assert typed in f["hint"] and "indentation" not in f["hint"], f


@pytest.mark.parametrize("dash,says", [
    ("-", "空格"),  # the space after the dash forgotten
    ("－", "不是英文的减号"),  # a Chinese input method's full-width hyphen
    ("— ", "不是英文的减号"),  # Word's dash
    ("– ", "不是英文的减号"),
    ("• ", "不是英文的减号"),  # a bullet pasted from Word or WeChat
])
def test_a_list_item_with_the_wrong_dash_is_told_what_to_type(records, dash, says):
    # (the items were read as one text, "应为列表（每项以“- ”开头）", and the hint said to start
    # each item with "- ", which to the eye they did)
    edit(records, LEDGER, "    summary: 参加", f"    topics:\n      {dash}学业发展\n      {dash}就业指导\n    summary: 参加")
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == (11, 7), f
    assert says in f["hint"] and "- 学业发展" in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-003")
    assert "- 学业发展" in f["hint"], f


@pytest.mark.parametrize("dash,code,says,hint", [
    ("-", "E-YAML-001", "“-”后面少了一个空格", '- date: "2026-04-20"'),  # the space after the dash forgotten
    ("－ ", "E-YAML-010", "这里用了“－”", "减号“-”"),  # a Chinese input method's full-width hyphen
    ("—", "E-YAML-010", "这里用了“—”", "减号“-”，后面再加一个空格"),  # Word's dash
    ("• ", "E-YAML-010", "这里用了“•”", "减号“-”"),  # a bullet pasted from Word or WeChat
])
def test_an_activity_with_the_wrong_dash_is_told_what_to_type(records, dash, code, says, hint):
    # (the item's fields were read as a mapping of their own, its first field named “-date” or “— date”,
    # and libyaml stopped at the next line: 缩进不一致，或一行里多写了内容 with the fixed hint)
    edit(records, LEDGER, "  - date:", f"  {dash}date:")
    f = only(validate(records), code)
    assert (f["line"], f["column"]) == (5, 3), f
    assert says in f["message"] and hint in f["hint"], f
    f = only(validate(records, "--lang", "en"), code)
    assert dash.strip() in f["message"] and "indentation" not in f["hint"], f


def test_a_tab_after_a_list_dash_is_told_as_a_tab(records):
    # (libyaml: "a character that cannot start any token … such as @ ` %")
    edit(records, LEDGER, "  - date:", "  -\tdate:")
    f = only(validate(records), "E-YAML-002")
    assert (f["line"], f["column"]) == (5, 4)


@pytest.mark.parametrize("old,new,at,typed", [
    ("    form: 社团活动", "    form:社团活动", (6, 9), "form: 社团活动"),  # the space after the colon forgotten
    ("period: 2026-H1", "period:2026-H1", (2, 7), "period: 2026-H1"),
    ("    summary: 参加", "    summary:参加", (10, 12), "summary: 参加"),  # the mapping's last line
])
def test_a_colon_without_its_space_is_told_as_such(records, old, new, at, typed):
    # (libyaml: "could not find expected ':'", told as a missing colon, on a line that holds one;
    # in English the parser's own words)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-013")
    assert (f["file"], f["line"], f["column"]) == (f"records/{LEDGER}", *at)
    assert "空格" in f["message"] and typed in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-YAML-013")
    assert "space" in f["message"] and typed in f["hint"], f


def test_a_colon_without_a_space_inside_a_text_or_far_from_the_error_is_not_blamed(records):
    edit(records, LEDGER, "    summary: 参加", "    summary: 时间:下午，网址 http://example.com 参加")
    assert validate(records) == []
    edit(records, LEDGER, "period: 2026-H1", "period: [2026-H1")  # the error is elsewhere
    assert only(validate(records), "E-YAML-001")["line"] == 2


def test_full_width_colons_inside_texts_are_fine_and_a_far_syntax_error_is_told_as_it_is(records):
    edit(records, LEDGER, "    summary: 参加", "    summary: 时间：下午；地点：活动室。参加")
    assert validate(records) == []
    edit(records, LEDGER, "period: 2026-H1", "period: [2026-H1")  # the error is elsewhere
    f = only(validate(records), "E-YAML-001")
    assert f["line"] == 2


@pytest.mark.parametrize("written,code,meant", [
    ("2026年4月20日", "E-SCHEMA-005", "2026-04-20"),
    ("2026.4.20", "E-SCHEMA-005", "2026-04-20"),
    ("2026/04/20", "E-SCHEMA-005", "2026-04-20"),
    ("２０２６-04-20", "E-SCHEMA-005", "2026-04-20"),  # full-width digits
    ("2026\u201104\u201120", "E-SCHEMA-005", "2026-04-20"),  # Word's non-breaking hyphens (NFKC keeps them hyphens)
    ("2026-04-20 19:30", "E-SCHEMA-005", "2026-04-20"),
    ("2026-04-20（周一）", "E-SCHEMA-005", "2026-04-20"),
    ("20260420", "E-SCHEMA-003", "2026-04-20"),  # read as a number: quoting it would not help
    ("YYYY-MM-DD", "E-SCHEMA-005", None),  # the scaffold's placeholder: one finding, not "does not exist" too
    ("4月20日", "E-SCHEMA-005", "2026-04-20"),  # no year: the ledger's period (2026-H1) gives it
])
def test_a_date_written_the_chinese_way_is_told_once_with_the_date_it_means(records, written, code, meant):
    edit(records, LEDGER, 'date: "2026-04-20"', f"date: {written}")
    f = only(validate(records), code)
    assert (f["line"], f["column"]) == (5, 11)
    assert f["hint"].startswith("日期请写成 YYYY-MM-DD")
    # (the line to type, as it stands in the file: 这里应写作 2026-04-20 was the date alone)
    assert f["hint"].endswith(f"这一行写成：  - date: {meant}" if meant else "如 2026-09-15。"), f["hint"]
    en = only(validate(records, "--lang", "en"), code)
    assert en["hint"].endswith(f"The line:   - date: {meant}" if meant else "e.g. 2026-09-15."), en["hint"]
    if meant:  # (typed as told: clean)
        edit(records, LEDGER, f"date: {written}", f"date: {meant}")
        assert validate(records) == []


@pytest.mark.parametrize("written,code,meant", [
    ("12月5日", "E-SCHEMA-005", "2026-12-05"),  # no year: the period's, in a month the period (2026-H1) does not hold
    ("2026年12月5日", "E-SCHEMA-005", "2026-12-05"),
    ("20261205", "E-SCHEMA-003", "2026-12-05"),
])
def test_a_date_meant_outside_the_ledger_s_period_is_told_so_not_given_a_line_the_next_run_refuses(records, written, code, meant):
    # (这一行写成：  - date: 2026-12-05 was given in a ledger of 2026-H1: typed, E-REF-004, the date is not in the period;
    # then 记在它所在期间的台账中, naming no period, where E-REF-004 and the span's days name it)
    edit(records, LEDGER, 'date: "2026-04-20"', f"date: {written}")
    f = only(validate(records), code)
    assert (f["line"], f["column"]) == (5, 11) and "这一行写成" not in f["hint"], f
    assert f["hint"].endswith(f"这里读出的日期是 {meant}，2026 年 12 月不在本期 2026-H1（2026-01-01 至 2026-06-30）之内："
                              "请核对月份；不在本期的活动，记在 2026-H2 的台账 records/ledgers/2026-H2/li-na.yaml 中。"), f["hint"]
    en = only(validate(records, "--lang", "en"), code)
    assert "The line" not in en["hint"] and en["hint"].endswith(
        f"This reads as {meant}: December 2026 is outside period 2026-H1 (2026-01-01 to 2026-06-30). Check the month; "
        "an activity outside the period goes in the ledger of 2026-H2, records/ledgers/2026-H2/li-na.yaml."), en["hint"]
    edit(records, LEDGER, f"date: {written}", f"date: {meant}")  # (what the line would have said: refused)
    assert [f["code"] for f in validate(records)] == ["E-REF-004"]


def test_a_copied_activity_that_lost_its_dash_is_told_to_begin_with_one(records):
    # the copy's fields were repeated keys of the activity above: "merge or remove" lost an activity
    path = records / "records" / LEDGER
    text = path.read_text(encoding="utf-8")
    item = text[text.index("  - date:"):]
    # (another meeting: an unchanged copy, once its dash is back, is E-REF-017)
    path.write_text(text + item.replace("  - date:", "    date:").replace("备赛活动", "赛后总结"), encoding="utf-8")
    # (one error for the activity, not one per field: six E-YAML-003, lines 11 to 16, for one lost “- ”)
    f = only(validate(records), "E-YAML-003")
    assert f["line"] == 11 and f["message"] == "重复的键“date”（第一次出现在第 5 行）", f
    assert f["hint"].endswith("这一项重复的有 date、form、place、channel、students、summary。如果从这一行起是新的一项"
                              '（如复制的另一次活动），请在这一项的第一行前加上“- ”，与上一项的“- ”对齐，这一行写成：  - date: "2026-04-20"'), f
    f = only(validate(records, "--lang", "en"), "E-YAML-003")
    assert "The item repeats date, form, place, channel, students, summary." in f["hint"], f
    assert f["hint"].endswith('which makes the line:   - date: "2026-04-20"'), f
    edit(records, LEDGER, "    date:", "  - date:")  # a repeated top-level key is not an item
    edit(records, LEDGER, "cadre: li-na\n", "cadre: li-na\ncadre: li-na\n")
    f = only(validate(records), "E-YAML-003")
    assert f["hint"] == "同一层级中每个键只能出现一次；请合并或删除重复的一行，以免内容被悄悄覆盖。"


@pytest.mark.parametrize("written,meant", [
    ("25人", 25), ("约25", 25), ("２５", 25), ("二十五", 25), ("二十余人", 20), ("一百零五", 105), ("很多", None),
    ('"' + "9" * 5000 + '"', None),  # (no number meant: Python's int() refuses 4,300 digits; it was 内部错误)
])
def test_a_count_written_in_words_is_told_the_number_it_means(records, written, meant):
    edit(records, LEDGER, "students: 25", f"students: {written}")
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == (9, 15)
    assert f["hint"] == "请只写阿拉伯数字，如 30。" + (f"这一行写成：    students: {meant}" if meant is not None else "")


@pytest.mark.parametrize("old,written,line", [
    ("  grace_days: 0", "三天", "  grace_days: 3"), ("  min_per_semester: 1", "2次", "  min_per_semester: 2"),
    ("  min_per_semester: 1", "两次", "  min_per_semester: 2"), ("  grace_days: 0", "30 天", "  grace_days: 30"),
])
def test_a_policy_number_written_in_words_is_told_the_number_it_means(records, old, written, line):
    """An administrator writing her university's policy as its 实施办法 says it — 宽限三天, 每学期至少两次 — was told
    请只写阿拉伯数字，如 30。 and no line: 三 alone was read as 3, 三天 and 2次 not (a count's words were 人, 名, 位, 个).
    Days and times are counts' words too: the line to type, with the number meant."""
    edit(records, "policy.yaml", old, f"{old.split(':')[0]}: {written}")
    f = only(validate(records), "E-SCHEMA-003")
    assert f["hint"] == f"请只写阿拉伯数字，如 30。这一行写成：{line}", f


@pytest.mark.parametrize("old,new,code,meant,meant_en", [
    ('date: "2026-04-20"', "date: “2026-04-20”", "E-SCHEMA-005", "这一行写成：  - date: 2026-04-20",
     "The line:   - date: 2026-04-20"),
    ('date: "2026-04-20"', "date: ‘2026-04-20’", "E-SCHEMA-005", "这一行写成：  - date: 2026-04-20",
     "The line:   - date: 2026-04-20"),
    ("students: 25", "students: “25”", "E-SCHEMA-003", "这一行写成：    students: 25", "The line:     students: 25"),
])
def test_a_value_in_chinese_quotes_is_told_of_them_and_what_it_means(records, old, new, code, meant, meant_en):
    # (Word and the Chinese input method type “ ” for "; YAML keeps them as part of the value, and the
    # hint said to write YYYY-MM-DD, or digits only, which to the eye was done)
    edit(records, LEDGER, old, new)
    f = only(validate(records), code)
    assert "中文引号" in f["hint"] and f["hint"].endswith(meant), f["hint"]
    f = only(validate(records, "--lang", "en"), code)
    assert "quotes" in f["hint"] and f["hint"].endswith(meant_en), f["hint"]


@pytest.mark.parametrize("old,new,hint", [
    ('  - date: "2026-04-20"', '  - 日期: "2026-04-20"', "是不是想写“date”（日期）？字段名要写英文，中文只是说明。"),
    ("    students: 25", "    学生人数: 25", "是不是想写“students”（联系学生人数）？字段名要写英文，中文只是说明。"),
    ("    summary:", "    summery:", "是不是想写“summary”？"),
    ("    summary:", "    备注:", "允许的字段有"),  # nothing close
])
def test_a_field_written_by_its_chinese_title_is_told_its_name(records, old, new, hint):
    # the scaffold's comments give each field's Chinese title: a cadre writes 日期: for date:
    edit(records, LEDGER, old, new)
    (f,) = [f for f in validate(records) if f["code"] == "E-SCHEMA-002"]
    assert f["hint"].startswith(hint), f["hint"]


@pytest.mark.parametrize("new,typed", [("    人数: 25", "students: 25"), ("    人数: 25人", "students: 25（值“25人”要写成 25）"),
                                       ("    学生人数: 25", "students: 25")])
def test_a_field_written_by_a_part_of_its_chinese_title_is_one_error_with_the_line_to_type(records, new, typed):
    # (人数: 25 — a part of 联系学生人数, too short for “nearly” — was told E-SCHEMA-001 缺少必填项“联系学生人数”
    # and E-SCHEMA-002 不认识的字段“人数” with only the list of fields)
    edit(records, LEDGER, "    students: 25", new)
    f = only(validate(records), "E-SCHEMA-002")
    assert (f["line"], f["column"]) == (9, 5), f
    field = typed.split(":")[0]
    assert f["hint"].startswith(f"是不是想写“{field}”"), f
    assert "字段名要写英文，中文只是说明。允许的字段有" in f["hint"] and f["hint"].endswith(f"这一行写成：    {typed}"), f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-002")
    assert "Field names are in English. Allowed" in f["hint"] and f"The line:     {typed.split('（')[0]}" in f["hint"], f


def test_a_field_written_by_its_title_with_a_boolean_is_not_given_a_line_of_python_s_true(records):
    # (人数: true was told 这一行写成：students: True。 — the value as Python writes it, and a count's field given true)
    edit(records, LEDGER, "    students: 25", "    人数: true")
    f = only(validate(records), "E-SCHEMA-002")
    assert f["hint"].startswith("是不是想写“students”（联系学生人数）？字段名要写英文，中文只是说明。允许的字段有"), f


@pytest.mark.parametrize("old,new,field,title", [
    ("    students: 25", "    人数: 2026-01-01", "students", "联系学生人数"), ("    students: 25", "    人数: 很多", "students", "联系学生人数"),
    ("    students: 25", "    人数: 2.5", "students", "联系学生人数"),
    ('  - date: "2026-04-20"', "  - 日期: 2026-02-30", "date", "日期"),
])
def test_a_field_written_by_its_title_with_a_value_it_does_not_take_is_told_its_name_alone(records, old, new, field, title):
    # (人数: 2026-01-01 was told 这一行写成：students: 2026-01-01。, a line the next run refuses: E-SCHEMA-003
    # “联系学生人数”应为整数)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-SCHEMA-002")
    assert f["hint"].startswith(f"是不是想写“{field}”（{title}）？字段名要写英文，中文只是说明。允许的字段有"), f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-002")
    assert f"Field names are in English. " in f["hint"] and f"{field}: " not in f["hint"], f


@pytest.mark.parametrize("summary,cut", [
    ("参加机器人协会的 #比赛备赛# 活动。", "#比赛备赛# 活动。"),  # a topic tag, as on Weibo and WeChat
    ("#比赛备赛# 参加机器人协会的活动。", "#比赛备赛# 参加机器人协会的活动。"),  # the whole value
])
def test_text_after_a_space_and_hash_is_not_silently_dropped(records, summary, cut):
    # YAML reads " #…" as a comment: the summary was cut to "参加机器人协会的" and validate passed
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。", f"    summary: {summary}")
    (f,) = [f for f in validate(records) if f["code"] == "E-YAML-011"]
    assert (f["line"], f["column"]) == (10, 14 + summary.index("#"))
    whole = "；值以“#”开头，“活动情况”就是空的" if summary == cut else ""  # (and the line to type: see test_ledger_mistakes)
    assert f["message"] == f"“{cut}”不会被读取：空格后面以“#”开头的文字是注释{whole}"


def test_comments_with_a_space_after_the_hash_and_quoted_tags_are_fine(records):
    edit(records, LEDGER, "cadre: li-na", "cadre: li-na  # 干部编号")
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。", '    summary: "参加 #比赛备赛# 活动。"')
    assert validate(records) == []


@pytest.mark.parametrize("written,col,meant", [
    ("[比赛备赛，科技创新]", 18, "[比赛备赛, 科技创新]"),
    ("[比赛备赛、科技创新, 学业]", 18, "[比赛备赛, 科技创新, 学业]"),
    ("[学业, 比赛备赛， 科技创新]", 22, "[学业, 比赛备赛, 科技创新]"),
    ('["赛前，赛后", 比赛备赛，科技创新]', 27, '["赛前，赛后", 比赛备赛, 科技创新]'),
])
def test_a_chinese_comma_in_a_bracketed_list_is_not_silently_one_item(records, written, col, meant):
    # `topics: [比赛备赛，科技创新]` was read as the one topic “比赛备赛，科技创新”, and validate passed
    edit(records, LEDGER, "    summary: 参加", f"    topics: {written}\n    summary: 参加")
    f = only(validate(records), "E-YAML-012")
    assert (f["line"], f["column"]) == (10, col)
    assert f"应写作 {meant}；" in f["hint"], f["hint"]
    fixed = records / "records" / LEDGER
    fixed.write_text(fixed.read_text(encoding="utf-8").replace(written, meant), encoding="utf-8")
    assert validate(records) == []


@pytest.mark.parametrize("rel,old,new,at", [
    (LEDGER, "contact_points: [club-robotics]", "contact_points: [club-robotics，cs-2025-01]", (3, 31)),
    (LEDGER, "contact_points: [club-robotics]", "contact_points: [club-robotics、机器人协会]", (3, 31)),
    ("units.yaml", "reviewers: [cs-reviewer]", "reviewers: [cs-reviewer，li-na]", (6, 28)),
])
def test_a_chinese_comma_between_ids_is_one_error_not_three(records, rel, old, new, at):
    # (contact_points: [club-robotics，cs-2025-01] was told E-REF-001 联系点“club-robotics，cs-2025-01”不存在 and
    # E-SCHEMA-005 的格式不对 at the item, beside E-YAML-012 at the comma, which says what to type)
    edit(records, rel, old, new)
    f = only(validate(records), "E-YAML-012")
    assert (f["file"], f["line"], f["column"]) == (f"records/{rel}", *at), f
    assert only(validate(records, "--lang", "en"), "E-YAML-012")["hint"].startswith("Items in [ ]")


def test_a_chinese_comma_inside_a_quoted_item_or_a_line_item_is_fine(records):
    edit(records, LEDGER, "    summary: 参加", '    topics: ["比赛，备赛"]\n    summary: 参加')
    assert validate(records) == []
    edit(records, LEDGER, '    topics: ["比赛，备赛"]', "    topics:\n      - 比赛，备赛、科技创新")
    assert validate(records) == []


@pytest.mark.parametrize("written,meant", [
    ("4月20日", "2026-04-20"), ("04-20", "2026-04-20"), ("4/20", "2026-04-20"), ("4.20", "2026-04-20"),
    ("4月20号 14:00", "2026-04-20"), ("2月30日", None),
])
def test_a_date_without_its_year_is_told_the_date_in_its_periods_year(records, written, meant):
    # `date: 4月20日` in the 2026-H1 ledger got only “日期请写成 YYYY-MM-DD”; its year is the period's
    edit(records, LEDGER, 'date: "2026-04-20"', f"date: {written}")
    (f,) = [f for f in validate(records) if f["code"] in ("E-SCHEMA-003", "E-SCHEMA-005")]
    assert (f["line"], f["column"]) == (5, 11)
    assert "没有写年份：本期 2026-H1 的日期都在 2026 年。" in f["hint"], f["hint"]
    assert f["hint"].endswith(f"这一行写成：  - date: {meant}" if meant else "年。"), f["hint"]
    if meant:
        edit(records, LEDGER, f"date: {written}", f"date: {meant}")
        assert validate(records) == []


def test_a_date_without_a_year_outside_a_ledger_has_no_year_to_offer(records):
    edit(records, LI_NA, 'active_from: "2021-03-01"', "active_from: 3月1日")
    f = only(validate(records), "E-SCHEMA-005")
    assert f["hint"] == "日期请写成 YYYY-MM-DD，如 2026-09-15。"


def told_to_type(records, old, new, at, typed, says):
    """The one E-YAML-001 a mistake of typing gets: at `at`, saying `says` (zh, en) and giving the line
    to type — not libyaml's problem in English, nor the fixed "请检查这一行及上一行的缩进、冒号和引号…"."""
    edit(records, LEDGER, old, new)
    for lang, said in zip(("zh", "en"), says):
        f = only(validate(records, "--lang", lang), "E-YAML-001")
        assert (f["file"], f["line"], f["column"]) == (f"records/{LEDGER}", *at), f
        assert said in f["message"] and typed in f["hint"], f
        assert "请检查这一行及上一行" not in f["hint"] and "Check indentation" not in f["hint"], f


@pytest.mark.parametrize("new,typed,says", [
    ('    summary: "诚信考试"主题交流', """summary: '"诚信考试"主题交流'""", ("后面的“主题交流”无法读取", "'主题交流'")),
    ("    summary: '十四五'规划学习", """summary: "'十四五'规划学习\"""", ("读到对应的“'”就结束了", "ends at its")),
    ("    summary: [座谈] 与学生交流", 'summary: "[座谈] 与学生交流"', ("值以“[”开头", "starting with '['")),
    ("    summary: {座谈} 与学生交流", 'summary: "{座谈} 与学生交流"', ("“}”", "'}'")),
    ('    summary: "学生说"很好""', """summary: '"学生说"很好""'""", ("“很好\"\"”", "'很好\"\"'")),
])
def test_text_after_a_closing_quote_or_bracket_is_told_to_quote_the_whole_value(records, new, typed, says):
    # (libyaml: "did not find expected key", told as 缩进不一致，或一行里多写了内容, at the text after
    # the closing quote: the indentation was fine)
    told_to_type(records, "    summary: 参加机器人协会的比赛备赛活动。", new, (10, 14), typed, says)


@pytest.mark.parametrize("old,new,at,typed,says", [
    ("    summary: 参加机器人协会的比赛备赛活动。", "    summary: 主题: 学业规划", (10, 14), 'summary: "主题: 学业规划"',
     ("“summary”的值里有“冒号+空格”", "the value of 'summary' holds ': '")),
    ("    form: 社团活动", "    form: 社团活动: 机器人", (6, 11), 'form: "社团活动: 机器人"', ("“form”", "'form'")),
    # a field indented one more than the one above: read as more of its text, then a colon
    ("    channel: 面对面", "     channel: 面对面", (8, 6), "channel: 面对面",
     ("比上一行的“place”多缩进了 1 格", "indented 1 more than 'place'")),
    # one less (libyaml: "did not find expected '-' indicator", told as list items not aligned)
    ("    channel: 面对面", "   channel: 面对面", (8, 4), "channel: 面对面", ("少缩进了 1 格", "indented 1 less")),
])
def test_a_colon_and_space_inside_a_value_is_told_to_quote_it_or_align_the_field(records, old, new, at, typed, says):
    # (libyaml: "mapping values are not allowed here": the words were right for the first two, the
    # hint the fixed one; for the third, wrong: there is no text with a colon in it)
    told_to_type(records, old, new, at, typed, says)


SUMMARY = "    summary: 参加机器人协会的比赛备赛活动。"
TOPICS = "    topics:\n      - 学业发展\n      - 就业指导\n" + SUMMARY


@pytest.mark.parametrize("old,new,at,typed,says", [
    # a text that goes on on the next line, not indented more than its field (as pasted from Word)
    (SUMMARY, SUMMARY + "\n    学生准备充分。", (11, 5), "summary: 参加机器人协会的比赛备赛活动。学生准备充分。",
     ("上一行“summary”文字的接续", "more of the text of 'summary'")),
    (SUMMARY, SUMMARY + "\n\n学生准备充分。", (12, 1), "summary: 参加机器人协会的比赛备赛活动。学生准备充分。",
     ("上一行“summary”文字的接续", "more of the text of 'summary'")),
    ("    channel: 面对面", "    channel 面对面", (8, 5), "channel: 面对面", ("“channel”后面少了冒号", "no colon after 'channel'")),
    # the value on the line below its field, not indented more (was told 这一行缺少“键: 值”中的冒号 with the fixed hint)
    ("    form: 社团活动", "    form:\n    社团活动", (7, 5), "form: 社团活动",
     ("“form:”的值写到了下一行", "the value of 'form:' is on the next line")),
    (SUMMARY, "    summary:\n    python 编程和传感器的使用。", (11, 5), "summary: python 编程和传感器的使用。",
     ("“summary:”的值写到了下一行", "the value of 'summary:' is on the next line")),
    # the space before the colon, not after it (was told 字段名“channel”后面少了冒号, with channel: :面对面)
    ("    channel: 面对面", "    channel :面对面", (8, 5), "channel: 面对面",
     ("冒号要紧跟在“channel”后面", "the colon goes right after 'channel'")),
    ("    channel: 面对面", "    chanel 面对面", (8, 5), "chanel: 面对面", ("“chanel”后面少了冒号", "no colon after 'chanel'")),
    # … a text going on with a word in English, or a minus sign: no field, no list item (it was told
    # 字段名“python”后面少了冒号 with the line python: 编程和传感器的使用。, and 列表项的“-”后面少了一个空格)
    (SUMMARY, SUMMARY + "\n    python 编程和传感器的使用。", (11, 5),
     "summary: 参加机器人协会的比赛备赛活动。python 编程和传感器的使用。",
     ("上一行“summary”文字的接续", "more of the text of 'summary'")),
    (SUMMARY, SUMMARY + "\n    -5℃的天气里同学们坚持训练。", (11, 5), "summary: 参加机器人协会的比赛备赛活动。-5℃的天气里同学们坚持训练。",
     ("上一行“summary”文字的接续", "more of the text of 'summary'")),
    (SUMMARY, TOPICS.replace("- 就业指导", "-就业指导"), (12, 7), "- 就业指导", ("“-”后面少了一个空格", "no space after")),
    (SUMMARY, TOPICS.replace("- 就业指导", "就业指导"), (12, 7), "- 就业指导", ("没有“- ”", "no '- '")),
])
def test_a_line_without_its_colon_is_told_what_it_lacks(records, old, new, at, typed, says):
    # (libyaml: "could not find expected ':'", told as 这一行缺少“键: 值”中的冒号（或上一行的文字换行时缩进不够）
    # with the fixed hint: right in general, no line to type)
    told_to_type(records, old, new, at, typed, says)


@pytest.mark.parametrize("value,says", [
    (">90%的学生参加了活动", ("“>”", "'>'")),  # (libyaml: "did not find expected comment or line break")
    ("|学生参加了活动", ("“|”", "'|'")),
    ("- 第一点，学生参加了活动", ("“-”", "'-'")),  # ("block sequence entries are not allowed in this context")
    ("? 学生问了哪些问题", ("“?”", "'?'")),  # ("mapping keys are not allowed in this context")
])
def test_a_value_starting_with_a_block_list_or_key_mark_is_told_to_be_quoted(records, value, says):
    # (each was told 文件无法按 YAML 解析（…libyaml's English…） with the fixed hint)
    told_to_type(records, SUMMARY, f"    summary: {value}", (10, 14), f'summary: "{value}"', says)


@pytest.mark.parametrize("value,typed,says", [
    ('"参加机器人协会的比赛备赛活动。', 'summary: "参加机器人协会的比赛备赛活动。"', ("引号没有闭合", "never closed")),
    ("'参加机器人协会的比赛备赛活动。", "summary: '参加机器人协会的比赛备赛活动。'", ("引号没有闭合", "never closed")),
    # closed with a Chinese quote, as an input method types it
    ('"参加机器人协会的比赛备赛活动。”', 'summary: "参加机器人协会的比赛备赛活动。"', ("中文引号“””", "Chinese '”'")),
])
def test_a_quote_never_closed_is_told_the_line_to_type(records, value, typed, says):
    # (the words were right, 引号没有闭合, the hint the fixed 请检查这一行及上一行的缩进…)
    told_to_type(records, SUMMARY, f"    summary: {value}", (10, 14), typed, says)


@pytest.mark.parametrize("old,new,at,typed,says", [
    ('date: "2026-04-20"', 'date: "2026-04-20”', (5, 11), 'date: "2026-04-20"', ("中文引号“””", "Chinese '”'")),
    ("form: 社团活动", 'form: "社团活动', (6, 11), 'form: "社团活动"', ("一直读到第 10 行的引号", "up to the quote at line 10")),
])
def test_a_quote_closed_only_by_a_later_lines_is_told_where_it_opens(records, old, new, at, typed, says):
    # (the text ran on to the quote of a later value, summary: "…", where libyaml stopped: told there,
    # 值以“"”开头，读到对应的“"”就结束了，后面的“参加…"”无法读取, with a line to type that was right)
    edit(records, LEDGER, SUMMARY, '    summary: "参加机器人协会的比赛备赛活动。"')
    told_to_type(records, old, new, at, typed, says)


ANOTHER = '- date: "2026-04-27"\n    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 20\n    summary: 参加机器人协会的比赛。'


@pytest.mark.parametrize("spaces,says", [
    (" ", ("比第 5 行那一项的“- ”少缩进了 1 格", "1 less than the item at line 5")),
    ("   ", ("比第 5 行那一项的“- ”多缩进了 1 格", "1 more than the item at line 5")),
    ("    ", ("比第 5 行那一项的“- ”多缩进了 2 格", "2 more than the item at line 5")),
])
def test_a_list_item_not_aligned_with_the_item_above_is_told_where_its_dash_goes(records, spaces, says):
    # (libyaml: "did not find expected key" / "… '-' indicator", told as 缩进不一致，或一行里多写了内容 or
    # 列表项的缩进不一致 with the fixed hint; which item it was to align with, not said)
    told_to_type(records, SUMMARY, f"{SUMMARY}\n{spaces}{ANOTHER}", (11, len(spaces) + 1), '  - date: "2026-04-27"', says)


def test_a_backslash_in_double_quotes_is_told_the_line_in_single_quotes(records):
    # (the words were right, 双引号里的反斜杠“\”不是有效的转义, the hint the fixed 请检查这一行及上一行的缩进…)
    told_to_type(records, SUMMARY, '    summary: "资料在 D:\\活动\\机器人 文件夹"', (10, 21),
                 "summary: '资料在 D:\\活动\\机器人 文件夹'", ("反斜杠", "backslash"))


def test_a_value_to_be_quoted_that_holds_a_double_quote_is_given_a_line_that_reads(records):
    # (the line to type was summary: "*注意 学生说"很好"", itself a syntax error: the value's own quote
    # closed it; in single quotes it reads as written)
    told_to_type(records, SUMMARY, '    summary: *注意 学生说"很好"', (10, 14), """summary: '*注意 学生说"很好"'""",
                 ("“*”", "'*'"))


@pytest.mark.parametrize("header", ["|", ">", "|-"])
def test_the_lines_of_a_block_text_not_indented_are_told_how_far(records, header):
    # (libyaml: "could not find expected ':'", told as a missing colon with the fixed hint)
    told_to_type(records, SUMMARY, f"    summary: {header}\n    参加机器人协会的比赛备赛活动。", (11, 5),
                 "      参加机器人协会的比赛备赛活动。", ("要比“summary”多缩进", "indented more than 'summary'"))


@pytest.mark.parametrize("new,at", [
    (TOPICS.replace("- 就业指导", "* 就业指导"), (12, 7)),
    (TOPICS.replace("- ", "* "), (11, 7)),
])
def test_a_list_item_bulleted_with_a_star_is_told_to_begin_with_a_dash(records, new, at):
    # (a bullet pasted from Word or WeChat: it was told as a value starting with an alias “*”, and the
    # line to type was "* 就业指导" — text, not an item of the list)
    typed = "- 就业指导" if at[0] == 12 else "- 学业发展"
    told_to_type(records, SUMMARY, new, at, typed, ("列表的每一项以“- ”开头", "begins with '- '"))


def test_a_first_item_that_lost_its_dash_is_told_to_begin_with_one(records):
    # (the second activity's “- ” was blamed: 缩进不一致，或一行里多写了内容, with the fixed hint)
    edit(records, LEDGER, '  - date: "2026-04-20"', '    date: "2026-04-20"')
    told_to_type(records, SUMMARY, f"{SUMMARY}\n  {ANOTHER}", (5, 5), '  - date: "2026-04-20"',
                 ("第 5 行这一项少了“- ”", "the item at line 5 has no '- '"))


@pytest.mark.parametrize("value,at,typed,says", [
    ('"资料在 D:\\new\\table 文件夹里"', (10, 21), "summary: '资料在 D:\\new\\table 文件夹里'", ("“\\n”", "'\\n'")),
    ('"路径 C:\\temp\\a.doc 已备份"', (10, 20), "summary: '路径 C:\\temp\\a.doc 已备份'", ("“\\t”", "'\\t'")),
    ('"分享 D:\\0 与 D:\\backup 两个文件夹"', (10, 20), "summary: '分享 D:\\0 与 D:\\backup 两个文件夹'", ("“\\0”", "'\\0'")),
])
def test_an_escape_in_double_quotes_that_makes_a_control_character_is_not_silently_kept(records, value, at, typed,
                                                                                            says):
    # (D:\new\table was read as D:<line break>ew<tab>able, and validate passed: a backslash in a path
    # is text to the cadre)
    edit(records, LEDGER, SUMMARY, f"    summary: {value}")
    for lang, said in zip(("zh", "en"), says):
        f = only(validate(records, "--lang", lang), "E-YAML-014")
        assert (f["file"], f["line"], f["column"]) == (f"records/{LEDGER}", *at), f
        assert said in f["message"] and typed in f["hint"], f
        assert ("粘贴" if lang == "zh" else "pasted") in f["hint"], f  # (the CMS writes a pasted tab as \t)


def test_escapes_that_make_no_control_character_and_backslashes_in_single_quotes_are_fine(records):
    edit(records, LEDGER, SUMMARY, '    summary: "第一点 \\"诚信\\" 与 D:\\\\new 的资料"')  # \" and \\\\
    assert validate(records) == []
    edit(records, LEDGER, '"第一点 \\"诚信\\" 与 D:\\\\new 的资料"', "'资料在 D:\\new\\table 文件夹里'")
    assert validate(records) == []


def test_a_value_too_short_because_a_comment_follows_it_says_what_was_read_and_the_line_to_type(records):
    # (summary: 座谈 # 第二次 was told only “活动情况”太短（至少 5 个字）: the cadre sees six characters on
    # the line, and the fix — the text after “ # ” is a comment — was not said)
    edit(records, LEDGER, SUMMARY, "    summary: 座谈 # 第二次")
    f = only(validate(records), "E-SCHEMA-006")
    assert (f["line"], f["column"]) == (10, 14)
    assert "太短" in f["message"] and "读到的只有“座谈”" in f["message"] and "“# 第二次”是注释" in f["message"], f
    assert 'summary: "座谈 # 第二次"' in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-006")
    assert "only '座谈' is read" in f["message"] and "'# 第二次' after it is a comment" in f["message"], f
    assert 'summary: "座谈 # 第二次"' in f["hint"], f


def test_a_value_too_short_without_a_comment_is_told_as_before(records):
    edit(records, LEDGER, SUMMARY, "    summary: 座谈")
    f = only(validate(records), "E-SCHEMA-006")
    assert f["message"] == "“活动情况”太短（至少 5 个字）" and "注释" not in f["hint"], f


@pytest.mark.parametrize("new,at,cont,typed", [
    (TOPICS.replace("- 就业指导", "  期末复习备考"), (12, 9), "期末复习备考", "      - 期末复习备考"),
    (TOPICS.replace("- 就业指导", "  期末复习\n        备考"), (12, 9), "期末复习", "      - 期末复习"),
    (TOPICS.replace("- 学业发展", "- 学业\n        发展"), (12, 9), "发展", "      - 发展"),
])
def test_a_list_item_that_runs_onto_the_next_line_is_not_silently_one_item(records, new, at, cont, typed):
    # (- 诚信考试 and under it, indented, 期末复习备考: one topic “诚信考试 期末复习备考”, and validate passed)
    edit(records, LEDGER, SUMMARY, new)
    f = only(validate(records), "E-YAML-015")
    assert (f["file"], f["line"], f["column"]) == (f"records/{LEDGER}", *at), f
    assert f"“{cont}”会和上一行连成一项" in f["message"] and typed in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-YAML-015")
    assert f"'{cont}' is read together with the line above" in f["message"] and typed in f["hint"], f


def test_a_text_on_several_lines_under_a_field_or_with_a_bar_is_fine(records):
    edit(records, LEDGER, SUMMARY, TOPICS.replace("- 就业指导", "- 就业 指导") + "\n      继续写活动情况。")
    assert validate(records) == []
    edit(records, LEDGER, "- 学业发展", "- |\n        学业\n        发展")
    assert validate(records) == []


@pytest.mark.parametrize("rel,old,new", [
    (LEDGER, "contact_points: [club-robotics]", "contact_points:\n  - club-robotics\n    cs-2025-01"),
    ("units.yaml", "reviewers: [cs-reviewer]", "reviewers:\n      - cs-reviewer\n        li-na"),
])
def test_a_list_item_on_two_lines_is_told_once_not_again_as_the_joined_value(records, rel, old, new):
    # (the joined value “club-robotics cs-2025-01” was told too, beside E-YAML-015 at its second line:
    # E-REF-001 联系点“club-robotics cs-2025-01”不存在 and E-SCHEMA-005 的格式不对, at its first line)
    edit(records, rel, old, new)
    f = only(validate(records), "E-YAML-015")
    assert f["file"] == f"records/{rel}", f


def test_a_ledger_that_cannot_be_read_is_told_once_not_again_at_the_follow_up_of_its_item(records):
    # (the 2026-H1 ledger's follows: 2025h2-zhang-wei-1 was told 跟进的编号“2025h2-zhang-wei-1”不存在 beside
    # the 2025-H2 ledger's tab: it is there, in the ledger that could not be read)
    edit(records, "ledgers/2025-H2/zhang-wei.yaml", "    form: 主题班会", "\tform: 主题班会")
    f = only(validate(records), "E-YAML-002")
    assert f["file"] == "records/ledgers/2025-H2/zhang-wei.yaml", f


@pytest.mark.parametrize("old,new,at,typed", [
    (SUMMARY, "    topics: 学业发展、就业指导\n" + SUMMARY, (10, 13), "[学业发展, 就业指导]"),  # as typed in Word
    (SUMMARY, "    topics: 学业发展，就业指导\n" + SUMMARY, (10, 13), "[学业发展, 就业指导]"),
    ("contact_points: [club-robotics]", "contact_points: club-robotics", (3, 17), "[club-robotics]"),  # one item
    (SUMMARY, "    topics: 【学业发展、就业指导】\n" + SUMMARY, (10, 13), "[学业发展, 就业指导]"),  # Chinese brackets
])
def test_a_list_written_as_a_text_is_given_the_list_to_type(records, old, new, at, typed):
    # (was told only 列表的每一项另起一行，以“- ”开头: the “、” was not said, nor the list it means)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == at and typed in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-003")
    assert typed in f["hint"], f


@pytest.mark.parametrize("typed,name,where", [
    ("社团活动\u3000", "中文（全角）空格", "末尾"),  # an input method's space, typed after the word
    ("\u3000社团活动", "中文（全角）空格", "开头"),
    ("社团活动\u200b", "零宽空格", "末尾"),  # copied from WeChat or a web page
    ("社团\u00a0活动", "不换行空格", "中间"),
    ("社团活动\u200e", "文字方向符", "末尾"),  # (import drops these as Excel shows none: suggest said 是不是“社团活动”？)
    ("社\u00ad团活动", "软连字符", "中间"),
])
def test_a_word_with_a_character_nobody_sees_is_told_of_it(records, typed, name, where):
    # (was told 是不是“社团活动”？ — the very word the cadre sees on the line)
    edit(records, LEDGER, "    form: 社团活动", f"    form: {typed}")
    f = only(validate(records), "E-REF-005")
    assert f"“社团活动”{where}多了一个{name}" in f["hint"] and "是不是" not in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-REF-005")
    assert "Did you mean" not in f["hint"] and "delete it" in f["hint"], f


def test_a_word_of_the_policy_with_a_character_nobody_sees_is_told_of_it(records):
    # (the policy's 社团活动 with a zero-width space after it, pasted from a web page: a ledger's
    # 社团活动 was told 是不是“社团活动”？ 可选值：…社团活动… — the very word, twice)
    edit(records, "policy.yaml", "  forms: [主题班会, 个体谈话, 座谈交流, 社团活动]", "  forms: [主题班会, 个体谈话, 座谈交流, 社团活动\u200b]")
    f = only(validate(records), "E-REF-005")
    assert "词表中的“社团活动”末尾多了一个零宽空格" in f["hint"] and "是不是" not in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-REF-005")
    assert "Did you mean" not in f["hint"] and "zero-width space at the end" in f["hint"], f


@pytest.mark.parametrize("typed,where", [("\u200bform", "开头"), ("form\u3000", "末尾")])
def test_a_field_name_with_a_character_nobody_sees_is_told_of_it(records, typed, where):
    # (was told 不认识的字段“form” … 是不是想写“form”？ — the very name the cadre sees on the line)
    edit(records, LEDGER, "    form: 社团活动", f"    {typed}: 社团活动")
    f = next(f for f in validate(records) if f["code"] == "E-SCHEMA-002")
    assert f"“form”{where}多了一个" in f["hint"] and "是不是" not in f["hint"], f
    f = next(f for f in validate(records, "--lang", "en") if f["code"] == "E-SCHEMA-002")
    assert "Did you mean" not in f["hint"] and "delete it" in f["hint"], f


@pytest.mark.parametrize("written", ["  forms:\n    - 主题班会\n    - 个体谈话\n      座谈交流\n    - 社团活动",
                                     "  forms: [主题班会, 个体谈话，座谈交流, 社团活动]"])
def test_a_word_list_of_the_policy_written_wrong_is_told_there_not_at_each_ledger(records, written):
    # (zhang-wei's 2026-H1 ledger, form: 座谈交流, was told 不在政策词表中 … 是不是“个体谈话 座谈交流”？ —
    # the broken word — beside the policy's own E-YAML-015 or E-YAML-012)
    edit(records, "policy.yaml", "  forms: [主题班会, 个体谈话, 座谈交流, 社团活动]", written)
    assert {f["file"] for f in validate(records)} == {"records/policy.yaml"}


def test_a_field_name_in_chinese_quotes_is_told_of_them(records):
    # (was told 不认识的字段““form”” … 是不是想写“form”？, not what is wrong with it)
    edit(records, LEDGER, "    form: 社团活动", "    “form”: 社团活动")
    f = next(f for f in validate(records) if f["code"] == "E-SCHEMA-002")
    assert "中文引号" in f["hint"] and "form: 社团活动" in f["hint"], f
    f = next(f for f in validate(records, "--lang", "en") if f["code"] == "E-SCHEMA-002")
    assert "Chinese quotes" in f["hint"], f


@pytest.mark.parametrize("typed", ["“form”", "\u200bform", "形式", "from"])
def test_a_misnamed_required_field_is_told_once_not_again_as_missing(records, typed):
    # (was told E-SCHEMA-002 不认识的字段 … and, at the activity, E-SCHEMA-001 缺少必填项 form — one mistake)
    edit(records, LEDGER, "    form: 社团活动", f"    {typed}: 社团活动")
    assert [f["code"] for f in validate(records)] == ["E-SCHEMA-002"]
    edit(records, LEDGER, f"    {typed}: 社团活动", "    remark: 社团活动")  # no near miss: still missing
    assert "E-SCHEMA-001" in [f["code"] for f in validate(records)]


def test_the_line_to_type_after_a_colon_and_a_zero_width_space_has_no_such_character(records):
    # (was told 写成 form: ​社团活动 — with the zero-width space: typed as told, E-REF-005 next run)
    edit(records, LEDGER, "    form: 社团活动", "    form:\u200b社团活动")
    f = only(validate(records), "E-YAML-013")
    assert "写成 form: 社团活动" in f["hint"] and "\u200b" not in f["hint"] + f["message"], f
    typed = f["hint"].split("写成 ")[1]
    edit(records, LEDGER, "    form:\u200b社团活动", f"    {typed}")
    assert validate(records) == []


def test_a_period_with_a_lower_case_h_is_told_once_to_write_it_upper_case(records):
    # (was told E-REF-003 与文件位置不一致 and E-SCHEMA-005 格式不对, neither saying the H is upper case)
    edit(records, LEDGER, "period: 2026-H1", "period: 2026-h1")
    f = only(validate(records), "E-SCHEMA-005")
    assert (f["line"], f["column"]) == (2, 9) and "大写" in f["hint"] and "2026-H1" in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-005")
    assert "upper case: 2026-H1" in f["hint"], f


@pytest.mark.parametrize("old,new,at,name", [
    ("    summary: 参加机器人协会", '    summary: "参加机器人\x85协会', (10, 20), "下一行符 U+0085"),  # read as a space
    ("    summary: 参加机器人协会", "    summary: 参加机器人\u2028协会", (10, 19), "行分隔符 U+2028"),
    ("    summary: 参加机器人协会", "    summary: 参加机器人\u2029协会", (10, 19), "段落分隔符 U+2029"),
])
def test_a_line_break_nobody_sees_is_told_by_its_name_not_read_silently(records, old, new, at, name):
    # (U+0085 in double quotes was read as a space without a word; U+2028 in a plain value was told as a
    # continuation line with a hint about indenting)
    edit(records, LEDGER, old, new)
    if new.count('"') == 1:
        edit(records, LEDGER, "活动。", '活动。"')
    f = only(validate(records), "E-LOAD-011")
    assert (f["line"], f["column"]) == at and name in f["message"] and "删除" in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-LOAD-011")
    assert "invisible" in f["message"], f


def test_every_line_break_nobody_sees_is_told_in_one_run_with_the_files_other_findings(records):
    # (the file stopped at the first one: fixed, the next run told the second, and only then the
    # rest of the file; lines are counted as an editor shows them, where these break no line)
    edit(records, LEDGER, "    place: 进社团", "    place: 进\u2028社团")
    edit(records, LEDGER, "    summary: 参加机器人协会", "    summary: 参加\u2029机器人\x85协会")
    edit(records, LEDGER, "    students: 25", "    students: 0")
    found = validate(records)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("E-LOAD-011", 7, 13), ("E-SCHEMA-006", 9, 15), ("E-LOAD-011", 10, 16), ("E-LOAD-011", 10, 20)], found
    assert "U+2028" in found[0]["message"] and "U+0085" in found[3]["message"], found  # (进社团: no E-REF-005)


@pytest.mark.parametrize("nested,at", [
    # every field pasted one step deeper than the one above (form: with nothing after it opens a mapping)
    ("".join(f"{' ' * (4 + 2 * i)}form{i}:\n" for i in range(45)), (11, 17)),
    ("  - " + "- " * 45 + "座谈\n", (5, 5)),  # dashes on one line: the second one nests a list in a list
    ('  - date: "2026-04-20"\n    topics:\n      - ' + "- " * 45 + "座谈\n", (7, 9)),  # (after an item's own)
])
def test_deep_nesting_of_lines_is_told_where_it_went_wrong_not_at_the_40th(records, nested, at):
    # (told at the 41st level, line 41 or column 83, with 请检查缩进 — the cadre had to find where it began)
    edit(records, LEDGER, "  - date:", nested + "  - date:")
    f = only(validate(records), "E-YAML-008")
    assert (f["line"], f["column"]) == at, f


def test_a_true_in_full_width_letters_is_told_so(records):
    # (was told only 真假值只能写 true 或 false — what the cadre thinks they typed)
    edit(records, "ledgers/2026-H1/zhang-wei.yaml", "typical: true", "typical: ｔｒｕｅ")
    f = only(validate(records), "E-SCHEMA-003")
    assert "全角" in f["hint"] and "写成 true" in f["hint"], f
    assert "full-width" in only(validate(records, "--lang", "en"), "E-SCHEMA-003")["hint"]


def test_a_date_in_chinese_numerals_is_given_the_date_to_type(records):
    # (was told only 日期请写成 YYYY-MM-DD, with no date offered)
    edit(records, LEDGER, 'date: "2026-04-20"', "date: 二〇二六年四月二十日")
    f = only(validate(records), "E-SCHEMA-005")
    assert "这一行写成：  - date: 2026-04-20" in f["hint"], f


def test_a_field_name_followed_by_a_chinese_semicolon_is_told_so(records):
    # (was told 像是上一行“date”文字的接续 with the line to type 上一行写成：date: "2026-04-20"form；社团活动)
    edit(records, LEDGER, "    form: 社团活动", "    form；社团活动")
    f = only(validate(records), "E-YAML-010")
    assert (f["line"], f["column"]) == (6, 9) and "分号“；”" in f["message"] and "冒号“:”" in f["message"], f
    assert "semicolon" in only(validate(records, "--lang", "en"), "E-YAML-010")["message"]


def test_a_field_name_in_full_width_letters_is_told_so(records):
    # (was told 是不是想写“form”？ — the very name the cadre sees on the line)
    edit(records, LEDGER, "    form: 社团活动", "    ｆｏｒｍ: 社团活动")
    f = only(validate(records), "E-SCHEMA-002")
    assert "全角" in f["hint"] and "写成 form" in f["hint"] and "是不是" not in f["hint"], f
    assert "full-width" in only(validate(records, "--lang", "en"), "E-SCHEMA-002")["hint"]


def test_a_field_name_with_a_ligature_is_not_said_to_be_in_full_width_letters(records):
    # (reﬂections copied from a PDF was told 字段名用了中文（全角）字母: NFKC read it as reflections)
    edit(records, LEDGER, "period: 2026-H1\n", "period: 2026-H1\nreﬂections: 及时反馈。\n")
    f = only(validate(records), "E-SCHEMA-002")
    assert "全角" not in f["hint"] and "连写字母" in f["hint"] and "写成 reflections" in f["hint"], f
    en = only(validate(records, "--lang", "en"), "E-SCHEMA-002")["hint"]
    assert "full-width" not in en and "ligature" in en, en


def test_a_field_name_and_colon_both_full_width_is_told_of_the_colon(records):
    # (was told 这一行缺少“键: 值”中的冒号 with the fixed hint 请检查这一行及上一行的缩进、冒号和引号)
    edit(records, LEDGER, "    form: 社团活动", "    ｆｏｒｍ：社团活动")
    f = only(validate(records), "E-YAML-010")
    assert (f["line"], f["column"]) == (6, 9) and "冒号“：”" in f["message"], f


@pytest.mark.parametrize("written", ["    Form：社团活动", "    ｆｏｒｍ：社团活动", "    Ｆｏｒｍ：　社团活动", "  - Date；\"2026-04-20\""])
def test_a_field_name_and_colon_both_wrong_is_given_the_whole_line_in_one_run(records, written):
    # (the hint said only 把它改成冒号“:”; typed so, the next run told E-SCHEMA-002 of the name —
    # two runs for one line)
    old = "  - date: \"2026-04-20\"" if "Date" in written else "    form: 社团活动"
    edit(records, LEDGER, old, written)
    f = only(validate(records), "E-YAML-010")
    assert f"这一行写成：{old}" in f["hint"], f
    assert f"The line: {old}" in only(validate(records, "--lang", "en"), "E-YAML-010")["hint"]
    edit(records, LEDGER, written, old)  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("rel, written, old", [
    (LEDGER, "    students：25人", "    students: 25"),
    (LEDGER, "    students；约三十人", "    students: 30"),
    ("ledgers/2026-H1/zhang-wei.yaml", "    typical：是", "    typical: true"),
    ("ledgers/2026-H1/zhang-wei.yaml", "    typical：ｔｒｕｅ", "    typical: true"),
])
def test_a_full_width_colon_and_a_value_of_the_wrong_type_are_given_the_line_in_one_run(records, rel, written, old):
    # (students：25人 was given the line students: 25人, and typed so the next run told E-SCHEMA-003,
    # 这里应写 25 — two runs for one line)
    edit(records, rel, "    students: 25" if rel == LEDGER else "    typical: true", written)
    f = only(validate(records), "E-YAML-010")
    assert f["hint"].split("这一行写成：")[1].split("（")[0] == old, f
    assert only(validate(records, "--lang", "en"), "E-YAML-010")["hint"].split("The line: ")[1].split(" (")[0] == old
    edit(records, rel, written, old)  # typed as told: nothing left (a count of 30 is as valid as 25)
    assert validate(records) == []


@pytest.mark.parametrize("written, old", [
    ("    学生人数：25人", "    students: 25"),  # (was told 上一行写成：channel: 面对面学生人数：25人 — a wrong value)
    ("    形式：社团活动", "    form: 社团活动"),  # (was told only 这一行缺少“键: 值”中的冒号)
])
def test_a_fields_chinese_title_and_a_chinese_colon_are_given_the_line_to_type(records, written, old):
    edit(records, LEDGER, old, written)
    f = only(validate(records), "E-YAML-010")
    assert f["hint"].split("这一行写成：")[1].split("（")[0] == old, f
    assert "中文说明" in f["hint"], f
    edit(records, LEDGER, written, old)  # typed as told: nothing left
    assert validate(records) == []


def test_every_field_written_by_its_chinese_title_is_told_in_one_run(records):
    # (only the line where the parser stopped was told: 形式：社团活动 this run, 学生人数：25人 the next, and
    # 工作体会： the one after — a run for each line)
    edit(records, LEDGER, "    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 25",
         "    形式：社团活动\n    place: 进社团\n    channel: 面对面\n    学生人数：25人")
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。", "    summary: 参加机器人协会的比赛备赛活动。\n工作体会：多听学生的想法")
    found = validate(records)
    assert [(f["code"], f["line"]) for f in found] == [("E-YAML-010", 6), ("E-YAML-010", 9), ("E-YAML-010", 11)], found
    typed = [f["hint"].split("这一行写成：")[1].split("（")[0] for f in found]
    assert typed == ["    form: 社团活动", "    students: 25", "reflections: 多听学生的想法"], typed
    edit(records, LEDGER, "    形式：社团活动", "    form: 社团活动")  # typed as told: nothing left
    edit(records, LEDGER, "    学生人数：25人", "    students: 25")
    edit(records, LEDGER, "工作体会：多听学生的想法", "reflections: 多听学生的想法")
    assert validate(records) == []


@pytest.mark.parametrize("old, written", [("    students: 25", "    学生人数:25人"), ("    form: 社团活动", "    形式:社团活动")])
def test_a_fields_chinese_title_and_a_colon_with_no_space_after_it_are_given_the_line_to_type(records, old, written):
    # (was told 像是上一行“date”文字的接续 … 上一行写成：channel: 面对面学生人数:25人 — typed so, a wrong value saved)
    edit(records, LEDGER, old, written)
    f = only(validate(records), "E-YAML-001")
    assert (f["line"], f["column"]) == (int(B.MINIMAL.joinpath(LEDGER).read_text(encoding="utf-8").split(old)[0].count("\n")) + 1, 5), f
    assert "上一行" not in f["hint"] and "中文说明" in f["hint"], f
    assert f["hint"].split("这一行写成：")[1].split("（")[0] == old, f  # (with its indentation)
    en = only(validate(records, "--lang", "en"), "E-YAML-001")
    assert en["hint"].split("which makes the line: ")[1].split(" (")[0] == old, en
    edit(records, LEDGER, written, old)  # typed as told: nothing left
    assert validate(records) == []


def test_an_items_first_field_written_by_its_chinese_title_is_given_the_line_to_type(records):
    # (- 日期："2026-04-20", the item read as a text, the parser stopped at the line below: told only
    # 这里不能出现“冒号+空格” at form:, with 请检查这一行及上一行的缩进、冒号和引号)
    edit(records, LEDGER, '  - date: "2026-04-20"', '  - 日期："2026-04-20"')
    f = only(validate(records), "E-YAML-010")
    assert (f["line"], f["column"]) == (5, 7) and f["hint"].endswith('这一行写成：  - date: "2026-04-20"'), f
    assert "“日期”是字段 date 的中文说明" in f["hint"], f  # (not 字段 date（日期）: the title it was written as)
    edit(records, LEDGER, '  - 日期："2026-04-20"', '  - date: "2026-04-20"')  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("old, written", [('  - date: "2026-04-20"', '  -\u3000date: "2026-04-20"'),
                                          ('  - date: "2026-04-20"', '  -\u00a0date: "2026-04-20"'),
                                          ("    students: 25", "    students:\u3000\u300025")])
def test_a_wide_space_after_a_dash_or_colon_is_given_the_line_to_type(records, old, written):
    # (told only 把它改成空格“ ” — the line to type was given for a space that indents, not for these)
    edit(records, LEDGER, old, written)
    f = only(validate(records), "E-YAML-010")
    assert f["hint"].endswith(f"这一行写成：{old}"), f
    assert only(validate(records, "--lang", "en"), "E-YAML-010")["hint"].endswith(f"The line: {old}")
    edit(records, LEDGER, written, old)  # typed as told: nothing left
    assert validate(records) == []


def test_a_chinese_title_and_colon_inside_a_text_of_lines_is_not_told(records):
    # (a text's own line, 说明：… under summary: |, is the text: only the field's title at the stop is told)
    edit(records, LEDGER, "    form: 社团活动", "    形式：社团活动")
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。",
         "    summary: |\n      参加机器人协会的比赛备赛活动。\n      说明：下次再约")
    f = only(validate(records), "E-YAML-010")
    assert f["line"] == 6, f


@pytest.mark.parametrize("old, written", [
    ("    students: 25", "    学生人数：25人"),  # (…students: 25（值“25人”要写成 25）（“学生人数”是字段 students…）)
    ("    form: 社团活动", "    form:\u00a0社团活动"),  # (…空格“ ”（删掉它，重新用键盘打一个空格）（文字内容里的…）)
    ("    form: 社团活动", "\u00a0\u00a0\u00a0 form: 社团活动"),
])
def test_a_full_width_marks_hint_reads_as_sentences_not_brackets_in_a_row(records, old, written):
    # (E-YAML-010's hint put two brackets one after the other, as if the second were about the first)
    edit(records, LEDGER, old, written)
    f, en = only(validate(records), "E-YAML-010"), only(validate(records, "--lang", "en"), "E-YAML-010")
    assert "）（" not in f["hint"] and ") (" not in en["hint"], (f["hint"], en["hint"])
    if "学生人数" in written:  # (the title's words a sentence before the line to type, as E-SCHEMA-003's)
        assert f["hint"].endswith("“学生人数”是字段 students（联系学生人数）的中文说明，字段名要写英文。"
                                  "这一行写成：    students: 25（值“25人”要写成 25）"), f
        assert en["hint"].endswith("'学生人数' is the title of 'students': field names are written in English. "
                                   "The line:     students: 25 (the value '25人' is written 25)"), en


@pytest.mark.parametrize("sep", ["；", "：", ":"])
def test_an_item_whose_only_field_has_a_chinese_colon_is_given_the_line_to_type(records, sep):
    # (- form；社团活动 alone, a list's item, is a text: told 应为“键: 值”的映射，这里是文字 with no hint)
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。",
         f"    summary: 参加机器人协会的比赛备赛活动。\n  - form{sep}社团活动")
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == (11, 5), f
    assert f["hint"].endswith("这一行写成：  - form: 社团活动"), f  # (the item's spaces kept: typed in its place)
    assert only(validate(records, "--lang", "en"), "E-SCHEMA-003")["hint"].endswith("the line:   - form: 社团活动")
    edit(records, LEDGER, f"  - form{sep}社团活动", "  - form: 社团活动")
    assert [f["code"] for f in validate(records)] == ["E-SCHEMA-001"] * 5  # (the item's other fields: no line refused)


@pytest.mark.parametrize("written", ["形式：社团活动", "联系形式：社团活动", "形式；社团活动", "形式:社团活动"])
def test_an_item_whose_only_field_is_named_by_its_chinese_title_is_given_the_line_to_type(records, written):
    # (- 形式：社团活动, the field's title the form shows, was told 应为“键: 值”的映射，这里是文字 with no hint)
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。",
         f"    summary: 参加机器人协会的比赛备赛活动。\n  - {written}")
    f = only(validate(records), "E-SCHEMA-003")
    assert (f["line"], f["column"]) == (11, 5), f
    assert ("字段 form 的" if written.startswith("联系") else "form（联系形式）") in f["hint"], f
    assert f["hint"].endswith("这一行写成：  - form: 社团活动"), f
    en = only(validate(records, "--lang", "en"), "E-SCHEMA-003")
    assert en["hint"].endswith(":   - form: 社团活动"), en
    # (the English message showed the text as "形式: 社团活动", its “：” made the very colon it lacks;
    # it is quoted as typed, as E-SCHEMA-005 quotes it, not in JSON's quotes)
    assert en["message"].endswith(f"found text: {written}"), en


@pytest.mark.parametrize("written", ["  \u3000form: 社团活动", "\u3000\u3000form: 社团活动", "\u00a0\u00a0\u00a0 form: 社团活动"])
def test_an_indentation_with_a_full_width_space_is_given_the_line_with_its_spaces(records, written):
    # (told 把它改成空格“ ” — one space for a character twice as wide: typed so, the line was out of
    # line with the one above, another run)
    edit(records, LEDGER, "    form: 社团活动", written)
    f = only(validate(records), "E-YAML-010")
    assert "这一行写成（前面 4 个空格）：    form: 社团活动" in f["hint"], f
    assert "(4 spaces before it):     form: 社团活动" in only(validate(records, "--lang", "en"), "E-YAML-010")["hint"]


def test_a_field_name_with_a_capital_is_told_to_be_lower_case(records):
    # (was told 是不是想写“form”？ — the name the cadre sees, but for its capital)
    edit(records, LEDGER, "    form: 社团活动", "    Form: 社团活动")
    f = only(validate(records), "E-SCHEMA-002")
    assert "小写" in f["hint"] and "写成 form" in f["hint"] and "是不是" not in f["hint"], f
    assert "lower case" in only(validate(records, "--lang", "en"), "E-SCHEMA-002")["hint"]


@pytest.mark.parametrize("typed", ["2026H1", "2026-Ｈ1", "2026 h1", "2026\u2011H1", "２０２６－Ｈ１"])
def test_a_period_typed_in_a_hurry_is_told_once_with_the_period_to_write(records, typed):
    # (was told E-REF-003 与文件位置不一致 and E-SCHEMA-005 with the schema's description only)
    edit(records, LEDGER, "period: 2026-H1", f"period: {typed}")
    f = only(validate(records), "E-SCHEMA-005")
    assert "这里应写作 2026-H1" in f["hint"], f


@pytest.mark.parametrize("folder", ["台账数据", "ledger-2026/data"])
@pytest.mark.parametrize("old, written, code", [("    form: 社团活动", "    形式：社团活动", "E-YAML-010"),
                                                ("    channel: 面对面", "    联系方式:面对面", "E-YAML-001")])
def test_a_fields_chinese_title_is_told_in_a_records_folder_not_named_records(tmp_path, folder, old, written, code):
    # (the record's kind was read from the folder named records in the path shown: with --records 台账数据 the
    # title was looked up in no schema, told only 这一行缺少“键: 值”中的冒号 and 请检查这一行及上一行的缩进…)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / folder)
    path = work / folder / LEDGER
    path.write_text(path.read_text(encoding="utf-8").replace(old, written, 1), encoding="utf-8")
    f = only(validate(work, "--records", folder), code)
    assert f["file"] == f"{folder}/{LEDGER}" and "中文说明" in f["hint"], f
    assert f["hint"].split("这一行写成：")[1].split("（")[0] == old, f  # (with its indentation, whichever code)


def test_every_field_written_by_its_chinese_title_and_a_colon_with_no_space_is_told_in_one_run(records):
    # (only the first, 形式:社团活动, was told a run — 学生人数:25人 the next, as the Chinese colon's before 59aa792)
    edit(records, LEDGER, "    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 25",
         "    形式:社团活动\n    place: 进社团\n    联系方式:面对面\n    学生人数：25人")
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。",
         "    summary: |\n      参加机器人协会的比赛备赛活动。\n      说明:下次再约")  # (a text's own line: not told)
    found = validate(records)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("E-YAML-001", 6, 5), ("E-YAML-001", 8, 5), ("E-YAML-010", 9, 9)], found
    typed = [f["hint"].split("这一行写成：")[1].split("（")[0] for f in found]
    assert typed == ["    form: 社团活动", "    channel: 面对面", "    students: 25"], typed  # (each with its indentation)
    en = validate(records, "--lang", "en")
    assert [f["hint"].split("makes the line: ")[-1] for f in en[:2]] == ["    form: 社团活动", "    channel: 面对面"], en
    for written, old in (("形式:社团活动", "form: 社团活动"), ("联系方式:面对面", "channel: 面对面"), ("学生人数：25人", "students: 25")):
        edit(records, LEDGER, written, old)  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("dash", ["－ ", "—", "— ", "• ", "－\u3000"])
def test_an_activity_with_a_full_width_or_words_dash_is_given_the_line_to_type(records, dash):
    # (told only 把它改成减号“-”, no line to type, as a wide space after the dash is given since 452ad9b)
    edit(records, LEDGER, '  - date: "2026-04-20"', f'  {dash}date: "2026-04-20"')
    f = only(validate(records), "E-YAML-010")
    assert f["hint"].endswith('这一行写成：  - date: "2026-04-20"'), f
    assert only(validate(records, "--lang", "en"), "E-YAML-010")["hint"].endswith('The line:   - date: "2026-04-20"')
    edit(records, LEDGER, f'  {dash}date: "2026-04-20"', '  - date: "2026-04-20"')  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("written, code", [("    日期：2026-04-21", "E-YAML-010"), ("    日期:2026-04-21", "E-YAML-001"),
                                           ("    日期: 2026-04-21", "E-SCHEMA-002")])
def test_a_fields_title_beside_the_field_itself_is_not_told_to_be_typed_as_a_second_one(records, written, code):
    # (told 这一行写成：date: 2026-04-21 or 是不是想写“date”（日期）？ — typed so, the activity had two dates)
    edit(records, LEDGER, "    form: 社团活动\n", f"    form: 社团活动\n{written}\n")
    f = only(validate(records), code)
    assert "这一项在第 5 行已经有 date 了" in f["hint"] and f["hint"].endswith("这一行写成：  - date: 2026-04-21"), f
    assert "这一行写成：date" not in f["hint"] and "是不是想写" not in f["hint"], f
    en = only(validate(records, "--lang", "en"), code)
    assert "which this item already has at line 5" in en["hint"] and "Did you mean" not in en["hint"], en
    edit(records, LEDGER, f"    form: 社团活动\n{written}\n", "    form: 社团活动\n")  # (the date of line 5 kept)
    assert validate(records) == []


def test_a_fields_title_beside_the_field_in_a_cadres_file_says_which_line_has_it(records):
    edit(records, LI_NA, "unit: xgb\n", "unit: xgb\n姓名：李娜\n")
    f = only(validate(records), "E-YAML-010")
    assert "这里在第 1 行已经有 name 了" in f["hint"] and "另起一项" not in f["hint"], f


@pytest.mark.parametrize("dash", ["       - ", "        - "])
def test_a_list_item_indented_more_than_the_one_above_is_told_to_align_not_to_add_a_dash(records, dash):
    # (- 学业发展 and under it, one space or two further in, - 就业指导: told 请在它前面加上“- ” … 这一行写成：
    # - - 就业指导 — a list in a list, typed so)
    edit(records, LEDGER, SUMMARY, TOPICS.replace("      - 就业指导", f"{dash}就业指导"))
    f = only(validate(records), "E-YAML-015")
    assert (f["line"], f["column"]) == (12, len(dash) - 1), f
    assert f["hint"].endswith("这一行写成：      - 就业指导"), f
    assert "加上“- ”" not in f["hint"] and "- - " not in f["hint"], f
    en = only(validate(records, "--lang", "en"), "E-YAML-015")
    assert en["hint"].endswith("which makes the line:       - 就业指导") and "- - " not in en["hint"], en
    edit(records, LEDGER, f"{dash}就业指导", "      - 就业指导")  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("old, written, meant", [('date: "2026-04-20"', 'date: “2026-04-20"', "这一行写成：  - date: 2026-04-20"),
                                                 ('date: "2026-04-20"', "date: ‘2026-04-20'", "这一行写成：  - date: 2026-04-20"),
                                                 ("students: 25", 'students: “25"', "这一行写成：    students: 25")])
def test_a_value_opened_with_a_word_processors_quote_and_closed_with_an_ascii_one_is_given_the_value(records, old, written, meant):
    # (“2026-04-20" — the opening quote made “smart” by Word, the closing one not — was told only 日期请写成 YYYY-MM-DD,
    # though “2026-04-20” is told to lose its quotes, with the date to write)
    edit(records, LEDGER, old, written)
    f = only(validate(records), "E-SCHEMA-005" if "date" in old else "E-SCHEMA-003")
    assert meant in f["hint"] and "删掉" in f["hint"], f
    en = only(validate(records, "--lang", "en"), f["code"])
    assert "delete them" in en["hint"] and ("2026-04-20" in en["hint"] or "The line:     students: 25" in en["hint"]), en


@pytest.mark.parametrize("old, new", [(SUMMARY, '    summary: "参加机器人协会的比赛备赛活动。”'),
                                      ('  - date: "2026-04-20"', '  - date: "2026-04-20”')])
def test_a_quote_closed_with_a_chinese_one_is_told_to_change_it_not_to_add_one(records, old, new):
    # (told 请在值的末尾补上英文引号 — typed so, "2026-04-20”" and still unclosed: the ” is to be the ")
    if "date" in old:
        edit(records, LEDGER, SUMMARY, '    summary: "参加机器人协会的比赛备赛活动。"')
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-YAML-001")
    assert "请把结尾的中文引号“””换成英文引号“\"”" in f["hint"] and "补上" not in f["hint"], f
    en = only(validate(records, "--lang", "en"), "E-YAML-001")
    assert "Put an ASCII '\"' for the Chinese '”' at its end" in en["hint"], en


def test_a_copied_activity_that_lost_its_dash_is_given_the_line_to_type(records):
    # (told to begin the item's first line with “- ”, aligned with the item above, but not the line: how many
    # spaces before the “- ” was left to count)
    edit(records, LEDGER, SUMMARY, f"{SUMMARY}\n    {ANOTHER[2:]}")
    f = validate(records)[0]
    assert (f["code"], f["line"], f["column"]) == ("E-YAML-003", 11, 5), f
    assert f["hint"].endswith('这一行写成：  - date: "2026-04-27"'), f
    en = validate(records, "--lang", "en")[0]
    assert en["hint"].endswith('which makes the line:   - date: "2026-04-27"'), en
    edit(records, LEDGER, '    date: "2026-04-27"', '  - date: "2026-04-27"')  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("old, code, said", [
    ('date: "2026-04-20"', "E-SCHEMA-005", "“2026-04-20”末尾多了一个中文（全角）空格（看不出来），请删掉它。"),
    ("students: 25", "E-SCHEMA-003", "“25”末尾多了一个中文（全角）空格（看不出来），请删掉它。"),
    ("period: 2026-H1", "E-SCHEMA-005", "“2026-H1”末尾多了一个中文（全角）空格（看不出来），请删掉它。"),
    ("contact_points: [club-robotics]", "E-SCHEMA-005", "“club-robotics”末尾多了一个中文（全角）空格（看不出来），请删掉它。"),
])
def test_a_value_with_a_full_width_space_at_its_end_is_told_of_the_space(records, old, code, said):
    # (date: 2026-04-20　 was told 日期请写成 YYYY-MM-DD … 这里应写作 2026-04-20 — the very text the line shows;
    # a contact point, 是不是“club-robotics”？)
    written = old.replace("]", "\u3000]") if "[" in old else old.rstrip('"') + ('\u3000"' if old.endswith('"') else "\u3000")
    edit(records, LEDGER, old, written)
    f = next(f for f in validate(records) if f["code"] == code)
    assert said.rstrip("。") in f["hint"] and "是不是" not in f["hint"], f  # (an id's or a date's: the line to type after)
    en = next(f for f in validate(records, "--lang", "en") if f["code"] == code)
    assert "has a full-width space at the end" in en["hint"], en


def test_a_field_after_a_list_as_far_in_as_its_items_is_told_to_align_with_the_lists_field(records):
    # (summary: typed where the topics' “- ” were: told 列表项的缩进不一致：每一项的“- ”必须对齐 with
    # 请检查这一行及上一行的缩进、冒号和引号 — but summary is no item, and no line was given)
    edit(records, LEDGER, SUMMARY, TOPICS.replace(SUMMARY, "  " + SUMMARY))
    f = only(validate(records), "E-YAML-001")
    assert (f["line"], f["column"]) == (13, 7), f
    assert "比第 10 行的“topics”多缩进了 2 格" in f["message"], f
    assert f["hint"].endswith(f"这一行写成：{SUMMARY}"), f
    en = only(validate(records, "--lang", "en"), "E-YAML-001")
    assert "2 more than 'topics' at line 10" in en["message"] and en["hint"].endswith(f"(4 spaces before it): {SUMMARY}"), en
    edit(records, LEDGER, "  " + SUMMARY, SUMMARY)  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("written, code", [("  - date：2026年4月20日", "E-YAML-010"), ("  - 日期：2026/4/20", "E-YAML-010"),
                                           ("  - 日期:2026.4.20", "E-YAML-001")])
def test_a_date_written_otherwise_after_a_wrong_colon_is_given_as_a_date_in_the_line_to_type(records, written, code):
    # (told 这一行写成：- date: 2026年4月20日 — typed so, the next run told E-SCHEMA-005 这里应写作 2026-04-20: two runs)
    edit(records, LEDGER, '  - date: "2026-04-20"', written)
    f = only(validate(records), code)
    assert "这一行写成：  - date: 2026-04-20（值“" in f["hint"], f  # (with its indentation, whichever code)
    edit(records, LEDGER, written, "  - date: 2026-04-20")  # typed as told: nothing left
    assert validate(records) == []


@pytest.mark.parametrize("indent,code", [("\u3000\u3000", "E-YAML-010"), ("\u00a0\u00a0\u00a0\u00a0", "E-YAML-010"),
                                         ("\t", "E-YAML-002"), ("  \u3000", "E-YAML-010")])
@pytest.mark.parametrize("written,line", [("学生人数:30", "students: 30"), ("学生人数：30", "students: 30"),
                                          ("students:30", "students: 30"), ("形式: 社团活动", "form: 社团活动")])
def test_an_odd_indentation_before_a_field_misnamed_is_given_the_whole_line_to_type(records, indent, code, written, line):
    # (told 这一行写成（前面 4 个空格）：    学生人数:30 — with its spaces, but still without the space after the
    # colon and with the Chinese title: typed so, the next run found the next fault on the same line)
    # (a tab's line is told with the rest of the file as typed so: 形式: 社团活动 in students' place is then a second
    # form, E-YAML-003, and students missing, E-SCHEMA-001, in the same round)
    edit(records, LEDGER, "    students: 25", f"{indent}{written}")
    found = validate(records)
    f = next(f for f in found if f["code"] == code)
    assert f["line"] == 9, found
    assert f["hint"].endswith(f"（前面 4 个空格）：    {line}") or "（前面 4 个空格）" in f["hint"] and \
        f["hint"].endswith(f"，这一行写成：    {line}"), found
    en = next(f for f in validate(records, "--lang", "en") if f["code"] == code)
    assert en["hint"].endswith(f":     {line}"), en


@pytest.mark.parametrize("rel,old,new,line", [
    (LEDGER, "    summary: 参加", "    sumary: 参加", "summary: 参加机器人协会的比赛备赛活动。"),
    (LEDGER, "    students: 25", "    studnets: 25", "students: 25"),
    (LEDGER, "    channel: 面对面", "    chanel: 面对面  # 线下", "channel: 面对面  # 线下"),
    (LI_NA, "position: 党委", "postion: 党委", "position: 党委学生工作部部长"),
    (LEDGER, "    students: 25", "    studnets: 很多", None),  # (students: 很多 the next run refuses: no line)
])
def test_a_misspelt_field_is_given_the_line_with_its_name_and_the_value_kept(records, rel, old, new, line):
    # (sumary: … was told only 是不是想写“summary”？ and the list of fields: no line to type, as a
    # field written by its Chinese title is given)
    edit(records, rel, old, new)
    wrong = new.split(":")[0].strip()
    field = line.split(":")[0] if line else "students"
    f = only(validate(records), "E-SCHEMA-002")
    en = only(validate(records, "--lang", "en"), "E-SCHEMA-002")
    if line is None:
        assert f["hint"].startswith(f"是不是想写“{field}”？允许的字段有"), f
        assert en["hint"].startswith(f"Did you mean '{field}'? Allowed fields"), en
        return
    spaces = "" if rel == LI_NA else "    "  # (the line with its spaces, last: typed in its place, nothing after it)
    assert f["hint"].startswith(f"是不是想写“{field}”？允许的字段有") and f["hint"].endswith(f"。这一行写成：{spaces}{line}"), f
    assert en["hint"].startswith(f"Did you mean '{field}'? Allowed") and en["hint"].endswith(f". The line: {spaces}{line}"), en
    edit(records, rel, f"{wrong}:", f"{field}:")  # (the line offered is one the next run takes)
    assert validate(records) == []


def test_a_misspelt_field_whose_value_goes_on_below_is_given_its_first_line(records):
    edit(records, LEDGER, "activities:", "activitys:")
    f = only(validate(records), "E-SCHEMA-002")
    assert f["hint"].startswith("是不是想写“activities”？允许的字段有") and \
        f["hint"].endswith("。这一行写成：activities:（下面各行不动）"), f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-002")
    assert f["hint"].startswith("Did you mean 'activities'? Allowed fields") and \
        f["hint"].endswith(". The line: activities: (the lines below as they are)"), f


ITEM = '''  - date: "2026-04-20"
    form: 社团活动
    place: 进社团
'''


@pytest.mark.parametrize("old,new,lines", [
    ("    form: 社团活动", "    form：社团活动", {6: "    form: 社团活动"}),  # (an input method's colon)
    ("    channel: 面对面", "    channel；面对面", {8: "    channel: 面对面"}),  # (its semicolon)
    ("    students: 25", "    学生人数：25人", {9: "    students: 25"}),  # (the field's title, the value as typed)
    ("  - date:", "  • date:", {5: '  - date: "2026-04-20"'}),  # (a bullet for the item's “-”)
    ("  - date:", "  — date:", {5: '  - date: "2026-04-20"'}),  # (Word's dash)
    ("  - date:", "  -　date:", {5: '  - date: "2026-04-20"'}),  # (a full-width space after the “-”)
    ("    students: 25", "    students:　25", {9: "    students: 25"}),
    (ITEM, ITEM.replace(": ", "：").replace('"', ""),  # (an item's every field with “：”: one text to YAML)
     {5: "  - date: 2026-04-20", 6: "    form: 社团活动", 7: "    place: 进社团"}),
])
def test_a_chinese_mark_s_line_to_type_keeps_the_line_s_indentation(records, old, new, lines):
    # (  • date: was told 这一行写成：- date: "2026-04-20", form：社团活动 under an activity 这一行写成：form: 社团活动 — typed
    # as told in the line's place, the field at the margin, no longer the activity's: E-YAML-001)
    edit(records, LEDGER, old, new)
    zh, en = validate(records), validate(records, "--lang", "en")
    assert {f["code"] for f in zh} == {"E-YAML-010"} and sorted(f["line"] for f in zh) == sorted(lines), zh
    path = records / "records" / LEDGER
    text = path.read_text(encoding="utf-8").split("\n")
    for f, f_en in zip(zh, en):
        typed = lines[f["line"]]
        assert f["hint"].split("这一行写成：")[1].split("（")[0] == typed, f
        assert f" The line: {typed}" in f_en["hint"], f_en
        text[f["line"] - 1] = typed  # (the hint's line in the place of the whole line)
    path.write_text("\n".join(text), encoding="utf-8")
    assert validate(records) == []


SUMMARY_WAS = "    summary: 参加机器人协会的比赛备赛活动。"


@pytest.mark.parametrize("old,new,code,n,line", [
    ("    students: 25", "    学生人数:25人", "E-YAML-001", 9, "    students: 25"),  # (a field's title, no space after “:”)
    ("    students: 25", "    人数:#25", "E-YAML-001", 9, "    students: 25"),  # (… and a value begun with a '#')
    ('  - date: "2026-04-20"', '  -date: "2026-04-20"', "E-YAML-001", 5, '  - date: "2026-04-20"'),  # (no space after “-”)
    ("    students: 25", "    students: #25", "E-YAML-011", 9, "    students: 25"),  # (a count begun with a '#')
    (SUMMARY_WAS, "    summary: #参加机器人协会的比赛。", "E-YAML-011", 10, '    summary: "#参加机器人协会的比赛。"'),  # (a text's)
    # (the other lines E-YAML-001 gives for a line under an activity, and E-YAML-014's)
    (SUMMARY_WAS, '    summary: "诚信考试"主题交流', "E-YAML-001", 10, """    summary: '"诚信考试"主题交流'"""),
    (SUMMARY_WAS, "    summary: 主题: 学业规划", "E-YAML-001", 10, '    summary: "主题: 学业规划"'),
    (SUMMARY_WAS, "    summary: >90%的学生参加", "E-YAML-001", 10, '    summary: ">90%的学生参加"'),
    (SUMMARY_WAS, '    summary: "参加机器人协会的比赛。', "E-YAML-001", 10, '    summary: "参加机器人协会的比赛。"'),
    (SUMMARY_WAS, '    summary: "D:\\活动"', "E-YAML-001", 10, "    summary: 'D:\\活动'"),
    (SUMMARY_WAS, '    summary: "D:\\new"', "E-YAML-014", 10, "    summary: 'D:\\new'"),
    ("    channel: 面对面", "    channel 面对面", "E-YAML-001", 8, "    channel: 面对面"),
    ("    place: 进社团", "    place: 进社团 students: 3", "E-YAML-001", 7, "    place: 进社团"),  # (and its students: under it)
])
def test_a_line_to_type_under_an_activity_keeps_the_line_s_indentation(records, old, new, code, n, line):
    # (    学生人数:25人 under an activity was told 这一行写成：students: 25, -date: 这一行写成：- date: "2026-04-20",
    # students: #25 这一行写成：students: 25, summary: "诚信考试"主题交流 这一行写成：summary: '"诚信考试"主题交流' … — typed as
    # told in the line's place, the field at the margin, no longer the activity's: E-YAML-001; E-YAML-013's and
    # E-YAML-010's lines keep the indentation)
    edit(records, LEDGER, old, new)
    zh, en = only(validate(records), code), only(validate(records, "--lang", "en"), code)
    assert zh["line"] == en["line"] == n, (zh, en)
    assert re.search(re.escape(f"这一行写成：{line}") + "(?:$|[（。；])", zh["hint"]), zh
    assert re.search(re.escape(f": {line}") + r"(?:$|[ .;])", en["hint"]), en
    path = records / "records" / LEDGER
    text = path.read_text(encoding="utf-8").split("\n")
    text[n - 1] = line  # (the hint's line in the place of the whole line)
    path.write_text("\n".join(text), encoding="utf-8")
    assert validate(records) == []


def _typed_in_place(work, rel, row, hint, marker="这一行写成："):
    """The line after `marker` — all of the hint after it — typed in the place of line `row`, as it reads: no space
    added, nothing taken off."""
    path = work / "records" / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[row - 1] = hint.split(marker, 1)[1] + "\n"
    path.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("old,new,line", [
    ("    summary: 参加", "    sumary: 参加", "    summary: 参加机器人协会的比赛备赛活动。"),
    ("    summary: 参加", "    “summary”: 参加", "    summary: 参加机器人协会的比赛备赛活动。"),
    ("    summary: 参加", "    1. summary: 参加", "    summary: 参加机器人协会的比赛备赛活动。"),
    ("    form: 社团活动", "    （2）form: 社团活动", "    form: 社团活动"),
    ('  - date: "2026-04-20"', '  - “date”: "2026-04-20"', '  - date: "2026-04-20"'),
    ('  - date: "2026-04-20"', '  - 1. date: "2026-04-20"', "  - date: 2026-04-20"),
    ("    students: 25", "    学生人数: 25", "    students: 25"),
], ids=["misspelt", "quoted", "numbered", "numbered in brackets", "quoted first", "numbered first", "title"])
def test_the_line_to_type_for_a_field_s_name_keeps_its_spaces_and_ends_the_hint(records, old, new, line):
    # (E-SCHEMA-002 gave sumary:'s line without its spaces — 这一行写成：summary: …。允许的字段有… — and the numbered
    # name's and the quoted name's mid-sentence, 请删掉编号，写成 summary: …。允许…: typed in the line's place as it
    # reads, the field at the margin was no longer its activity's, and a 。 taken along)
    edit(records, LEDGER, old, new)
    f = only(validate(records), "E-SCHEMA-002")
    en = only(validate(records, "--lang", "en"), "E-SCHEMA-002")
    assert f["hint"].endswith(f"。这一行写成：{line}") and "允许的字段有" in f["hint"], f
    assert en["hint"].endswith(f". The line: {line}") and "Allowed fields" in en["hint"], en
    _typed_in_place(records, LEDGER, f["line"], f["hint"])
    assert validate(records) == []


def test_an_item_of_one_line_and_a_new_item_by_a_title_are_given_their_lines_with_their_spaces(records):
    # (- form；社团活动 was told 这一行写成：- form: 社团活动 and 日期：… in an activity with its date 另起一项…写成：- date: …；
    # — typed in the line's place, the dash at the margin: no longer the activities' item)
    edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。", "    summary: 参加机器人协会的比赛备赛活动。\n  - form；社团活动")
    f = only(validate(records), "E-SCHEMA-003")
    assert f["hint"].endswith("这一行写成：  - form: 社团活动"), f
    _typed_in_place(records, LEDGER, f["line"], f["hint"])
    assert {(f["code"], f["line"]) for f in validate(records)} == {("E-SCHEMA-001", 11)}  # (the item's other fields)
    edit(records, LEDGER, "\n  - form: 社团活动", "")
    for written, code in (("    日期：2026-04-21", "E-YAML-010"), ("    日期:2026-04-21", "E-YAML-001"),
                          ("    日期: 2026-04-21", "E-SCHEMA-002")):
        edit(records, LEDGER, "    summary: 参加机器人协会的比赛备赛活动。", f"    summary: 参加机器人协会的比赛备赛活动。\n{written}")
        f = only(validate(records), code)
        en = only(validate(records, "--lang", "en"), code)
        assert "另起一项" in f["hint"] and f["hint"].endswith("这一行写成：  - date: 2026-04-21"), f
        assert en["hint"].endswith(":   - date: 2026-04-21"), en
        _typed_in_place(records, LEDGER, 11, f["hint"])  # (a new item begun there, its date given: its other fields told)
        assert {(f["code"], f["line"]) for f in validate(records)} == {("E-SCHEMA-001", 11)}, validate(records)
        edit(records, LEDGER, "\n  - date: 2026-04-21", "")
