"""Mistakes a cadre makes in a ledger that YAML and the schema accept, through the real CLI."""
from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest

import bad_records as B

LEDGER = "ledgers/2026-H1/li-na.yaml"


def _validate(work, *extra):
    run = B.run_cli(B.REPO, work, "validate", "--format", "json", *extra)
    assert "Traceback" not in run.stderr, run.stderr
    return [f for f in json.loads(run.stdout) if f["severity"] == "error"]


def _ledger(tmp_path):
    """(the work folder, li-na's 2026-H1 ledger in a copy of the minimal records, its text)."""
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    path = work / "records" / LEDGER
    return work, path, path.read_text(encoding="utf-8")


def _copy_activity(tmp_path, change=lambda block: block):
    work, path, text = _ledger(tmp_path)
    block = text[text.index("  - date:"):]
    path.write_text(text + change(block), encoding="utf-8")
    return work


def test_an_activity_copied_and_not_changed_is_told_with_the_line_of_the_first(tmp_path):
    # (it passed, and the site and the semester count counted the one meeting twice)
    work = _copy_activity(tmp_path)
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-017", 11, 5), f
    assert "第 5 行" in f["message"] and "删除" in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert "line 5" in f["message"], f


def test_two_activities_on_one_day_that_differ_are_fine(tmp_path):
    work = _copy_activity(tmp_path, lambda block: block.replace("比赛备赛活动", "赛后总结会"))
    assert _validate(work) == []


def test_a_ledger_saved_in_the_wrong_half_year_folder_is_told_where_it_belongs_once(tmp_path):
    # (it was told E-REF-003 "fix the value or move the file" and E-REF-004 "check the date" on every
    # activity, though its period and dates agree: only the folder is wrong)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    (work / "records" / LEDGER).rename(work / "records" / "ledgers" / "2025-H2" / "li-na.yaml")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-003", 2, 9), f
    assert "ledgers/2026-H1/" in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert "ledgers/2026-H1/" in f["hint"], f


def test_an_activity_pasted_from_wechat_with_chinese_colons_is_told_of_the_colons_not_to_add_dashes(tmp_path):
    # (every field of the activity written with an input method's “：” — date：2026-03-05 — is one text of
    # several lines to YAML: it was told E-YAML-015, 如果“form：社团活动”是新的一项，请在它前面加上“- ”,
    # a fix that makes it worse, and nothing of the colons)
    work, path, text = _ledger(tmp_path)
    path.write_text(text[:text.index("  - date:")] + "  - date：2026-04-20\n    form：社团活动\n    place：进社团\n"
                    "    channel：面对面\n    students：25\n    summary：参加机器人协会的比赛备赛活动。\n", encoding="utf-8")
    found = _validate(work)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("E-YAML-010", n, c) for n, c in
                                                                     ((5, 9), (6, 9), (7, 10), (8, 12), (9, 13), (10, 12))], found
    assert "中文（全角）的冒号“：”" in found[0]["message"] and "这一行写成：  - date: 2026-04-20" in found[0]["hint"], found[0]
    assert "这一行写成：    form: 社团活动" in found[1]["hint"] and "加上“- ”" not in found[1]["hint"], found[1]
    found = _validate(work, "--lang", "en")
    assert "The line:     form: 社团活动" in found[1]["hint"], found[1]


def _numbered_whole(text):  # (each activity numbered, its fields under the number)
    return text.replace("  - date:", "  1. date:") + text[text.index("  - date:"):].replace(
        "  - date:", "  2. date:").replace("比赛备赛", "赛后总结")


def _numbered_one_field(items):  # (  1. date: "2026-04-20" alone is one key, “1. date”, to YAML: a mapping)
    return lambda text: text[:text.index("  - date:")] + '  1. date: "2026-04-20"\n' + '  2. date: "2026-04-21"\n' * (items - 1)


@pytest.mark.parametrize("numbered,code", [(_numbered_whole, "E-YAML-001"), (_numbered_one_field(1), "E-SCHEMA-003"),
                                           (_numbered_one_field(2), "E-SCHEMA-003")])
def test_activities_numbered_1_2_3_as_in_a_document_are_told_to_begin_with_a_dash(tmp_path, numbered, code):
    # (1. date: … was told 缩进不一致，或一行里多写了内容 … 请检查这一行及上一行的缩进, at the line under it;
    # with one field an item, activities was a mapping, told only 应为列表…这里是映射：… and 列表的每一项另起一行)
    work, path, text = _ledger(tmp_path)
    path.write_text(numbered(text), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == (code, 5, 3), f
    assert "用“1.”编号了" in f["message"] + f["hint"] and f["hint"].endswith('这一行写成：  - date: "2026-04-20"'), f
    [f] = _validate(work, "--lang", "en")
    assert "numbered '1.'" in f["message"] + f["hint"] and f["hint"].endswith(':   - date: "2026-04-20"'), f


def test_a_list_numbered_1_2_as_in_a_document_is_given_the_list_to_type(tmp_path):
    # (topics: with 1. 学业规划 and 2. 就业指导 under it is one text to YAML; it was told to write
    # ["1. 学业规划 2. 就业指导"], one topic with the numbers in it)
    work, path, text = _ledger(tmp_path)
    for written in ("\n      1. 学业规划\n      2. 就业指导", " 1.学业规划 2.就业指导", " 1、学业规划；2、就业指导"):
        path.write_text(text.replace("    summary:", f"    topics:{written}\n    summary:"), encoding="utf-8")
        [f] = _validate(work)
        assert f["code"] == "E-SCHEMA-003" and f["hint"].endswith(("这里写成 [学业规划, 就业指导]。",  # (its items under it)
                                                                   "这一行写成：    topics: [学业规划, 就业指导]")), f
        assert "编号" in f["hint"], f
        [f] = _validate(work, "--lang", "en")
        assert "[学业规划, 就业指导]" in f["hint"], f


def test_an_activity_indented_with_tabs_is_given_each_line_to_type(tmp_path):
    # (pasted from Word, every line of the activity begins with a tab: only the first was given the line
    # to type, the five under it 请把 Tab 换成空格。 and no more, as the line above each had a tab too)
    work, path, text = _ledger(tmp_path)
    head, block = text[:text.index("  - date:")], text[text.index("  - date:"):]
    path.write_text(head + "".join("\t" + line[2:] + "\n" for line in block.splitlines()), encoding="utf-8")
    found = _validate(work)
    assert [(f["code"], f["line"]) for f in found] == [("E-YAML-002", n) for n in range(5, 11)], found
    typed = [line for line in block.splitlines()]
    for f, line in zip(found, typed):
        assert f["hint"].endswith(f"这一行写成：{line}"), (f, line)
    found = _validate(work, "--lang", "en")
    assert found[1]["hint"].endswith("which makes the line:     form: 社团活动"), found[1]


def test_a_numbered_field_above_a_different_syntax_error_does_not_take_it_over(tmp_path):
    # (a quote left open three lines under a “1. form:” was told 列表的一项用“1.”编号了 at that line: the
    # numbering check took any syntax error within 30 lines under a number)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    path = work / "records" / LEDGER
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    form:", "    1. form:").replace("summary: 参加", 'summary: "参加'), encoding="utf-8")
    found = _validate(work)
    assert found and "编号" not in found[0]["message"] and found[0]["line"] == 10, found


@pytest.mark.parametrize("number,field,typed", [
    ("1. ", "form", "    form: 社团活动"),
    ("2、", "place", "    place: 进社团"),
    ("（3）", "channel", "    channel: 面对面"),
    ("4. ", "summary", "    summary: 参加机器人协会的比赛备赛活动。"),
])
def test_an_activity_s_fields_numbered_as_in_a_document_are_told_to_drop_the_number(tmp_path, number, field, typed):
    # (    1. form: 社团活动 inside an item is a field named “1. form”: it was told 是不是想写“form”？ and the
    # fields allowed, not of the number, though 1. date: numbering the items was; then 请删掉编号，写成 form: 社团活动。
    # and the fields allowed after it — the line mid-sentence, without its spaces: typed in its place, the field at
    # the margin; now the line, with them, ends the hint)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(f"    {field}:", f"    {number}{field}:"), encoding="utf-8")
    [f] = _validate(work)
    line = text[:text.index(f"    {field}:")].count("\n") + 1
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-002", line, 5), f
    assert f["hint"].startswith(f"字段名前面多了编号“{number.strip()}”：字段不用编号（列表的一项才以“- ”开头），"
                                "请删掉编号。允许的字段有"), f
    assert f["hint"].endswith(f"这一行写成：{typed}"), f
    [en] = _validate(work, "--lang", "en")
    assert en["hint"].startswith(f"The name begins with a number, '{number.strip()}': fields are not numbered "
                                 "(a list's item begins with '- '); delete the number. Allowed"), en
    assert en["hint"].endswith(f"The line: {typed}"), en
    _type_as_told(path, f)
    assert _validate(work) == []


def test_an_activity_whose_every_field_is_numbered_is_told_of_each_number_not_of_fields_missing(tmp_path):
    work, path, text = _ledger(tmp_path)
    block = text[text.index("  - date:"):].splitlines()
    numbered = [f"  - 1. {block[0][4:]}"] + [f"    {n}. {line[4:]}" for n, line in enumerate(block[1:], 2)]
    path.write_text(text[:text.index("  - date:")] + "\n".join(numbered) + "\n", encoding="utf-8")
    found = _validate(work)
    assert [(f["code"], f["line"]) for f in found] == [("E-SCHEMA-002", n) for n in range(5, 11)], found
    assert found[0]["hint"].startswith("字段名前面多了编号“1.”：") and found[0]["hint"].endswith("这一行写成：  - date: 2026-04-20"), \
        found[0]


def _numbered_to_eleven(head, sub):
    """Eleven activities numbered 1. to 11., each number written as head(number) and its fields as sub(number)."""
    fields = ("form: 社团活动", "place: 进社团", "channel: 面对面", "students: 25", "summary: 第{n}次座谈。")
    return "".join(f'{head(f"{n}.")}date: "2026-04-{n + 10}"\n'
                   + "".join(f"{sub(head(f'{n}.'))}{field.format(n=n)}\n" for field in fields) for n in range(1, 12))


@pytest.mark.parametrize("head,sub", [
    (lambda num: f"  {num} ", lambda head: " " * len(head)),  # (fields under date: 5 spaces, under 10. 6)
    (lambda num: f"{num:>4} ", lambda head: "    "),  # (9. and 10. right-aligned, as Word aligns them)
    (lambda num: f"{num:>4} ", lambda head: " " * len(head)),
])
def test_activities_numbered_past_9_are_told_where_each_dash_and_field_goes(tmp_path, head, sub):
    # (the right-aligned 10. was to become “- ” one column left of the others' — the list broken again — and
    # fields aligned after the number, under date, were told only 缩进不一致 … 请检查这一行及上一行的缩进)
    work, path, text = _ledger(tmp_path)
    path.write_text(text[:text.index("  - date:")] + _numbered_to_eleven(head, sub), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == ("E-YAML-001", 5), f
    assert f["hint"] == ("请把“1.”换成“- ”（每一项都这样改：各项的“- ”前面都是 2 个空格，下面的字段与“- ”后面的字段名对齐，"
                         '前面都是 4 个空格），这一行写成：  - date: "2026-04-11"'), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"] == ("Write '- ' instead of '1.' (in every item: every item's '- ' after 2 spaces, the fields under it "
                         "aligned with the name after the '- ', after 4 spaces):   - date: \"2026-04-11\""), f
    # done as told, the ledger is right
    path.write_text(text[:text.index("  - date:")] + _numbered_to_eleven(lambda num: "  - ", lambda head: "    "),
                    encoding="utf-8")
    assert _validate(work) == []


@pytest.mark.parametrize("space", ["\u00a0", "\u3000"])
def test_an_activity_pasted_with_no_break_or_full_width_spaces_is_told_each_line_to_type(tmp_path, space):
    # (every line under “- date:” indented with no-break spaces, as WeChat or a web page copies them, parsed:
    # the spaces were the fields' names, 不认识的字段“    form” five times and 缺少必填项 five times, the
    # no-break spaces shown as spaces; nothing of the spaces)
    work, path, text = _ledger(tmp_path)
    width = 2 if space == "\u3000" else 4  # (two full-width spaces look like four)
    pasted = text.replace("\n    ", "\n" + space * width)
    path.write_text(pasted, encoding="utf-8")
    for _ in range(2):  # (and again, from what the first run kept)
        found = _validate(work)
        assert [(f["code"], f["line"], f["column"]) for f in found] == [("E-YAML-010", n, 1) for n in range(6, 11)], found
        assert found[0]["hint"].endswith("这一行写成（前面 4 个空格）：    form: 社团活动"), found[0]
        assert found[4]["hint"].endswith("这一行写成（前面 4 个空格）：    summary: 参加机器人协会的比赛备赛活动。"), found[4]
    found = _validate(work, "--lang", "en")
    assert found[1]["hint"].endswith("The line (4 spaces before it):     place: 进社团"), found[1]


def test_a_text_whose_paragraphs_begin_with_full_width_spaces_is_fine(tmp_path):
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    summary: 参加机器人协会的比赛备赛活动。",
                                 "    summary: |\n      　　参加机器人协会的比赛备赛活动。\n      　　赛后总结: 两名学生发言。"),
                    encoding="utf-8")
    assert _validate(work) == []




def test_an_only_activity_with_no_dash_is_given_its_first_line_to_type(tmp_path):
    # (was told 应为列表…这里是映射 and 列表的每一项另起一行，以“- ”开头, not which line, nor that one item is a list too)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("  - date:", "    date:"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-003", 5, 5), f
    assert f["hint"] == ('列表的这一项少了“- ”：列表的每一项以“- ”开头，只有一项也一样；第 5 行写成：  - date: "2026-04-20"'
                         "（下面的字段不动）"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"] == ("The item has no '- ': each item of a list begins with '- ', an only one too; line 5:   - date: "
                         "\"2026-04-20\" (the fields under it as they are)"), f


@pytest.mark.parametrize("name", ["li-na.yaml.txt", "li-na.YAML.txt", "li-na.yml.txt"])
def test_a_ledger_saved_by_notepad_as_a_text_file_is_told_not_read(tmp_path, name):
    # (li-na.yaml.txt — Notepad's “text document”, Windows hiding the .txt — passed with 0 errors, read by
    # nobody: the ledger missing, and nothing said)
    work, path, _text = _ledger(tmp_path)
    path.rename(path.with_name(name))
    [f] = _validate(work)
    assert (f["code"], f["file"], f["line"]) == ("E-LOAD-009", f"records/ledgers/2026-H1/{name}", None), f
    assert f"{name} 不会被读取" in f["message"] and "文件扩展名" in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert f"{name} is not read" in f["message"] and "file name extensions" in f["hint"], f


@pytest.mark.parametrize("name", ["li-na.yml", "li-na.YAML", "li-na.yaml.txt", "li-na.yml.txt"])
def test_a_ledger_of_another_extension_is_told_the_name_to_give_it_and_to_keep_its_yaml(tmp_path, name):
    # (li-na.yml was told 请把文件改名为 .yaml 结尾（如 zhang-wei.yaml），并改写为 YAML 格式 — it is YAML already: a
    # cadre told to rewrite it did not know how, and the name to give was another cadre's)
    work, path, _text = _ledger(tmp_path)
    path.rename(path.with_name(name))
    [f] = _validate(work)
    assert "请把文件改名为 li-na.yaml（内容不用改）" in f["hint"] and "改写" not in f["hint"], f
    [en] = _validate(work, "--lang", "en")
    assert "Rename the file to li-na.yaml (its content as it is)" in en["hint"] and "write it as" not in en["hint"], en
    path.with_name(name).rename(path.with_name(f["hint"].split("改名为 ")[1].split("（")[0]))
    assert _validate(work) == []


@pytest.mark.parametrize("indent,code,column,typed", [("", "E-YAML-001", 1, "这一行写成：  - date: 2026-04-20"),
                                                    ("  ", "E-SCHEMA-003", 3, "这一项的第一行写成：- date: 2026-04-20")])
def test_an_activity_pasted_as_a_spreadsheet_s_row_is_told_to_write_each_cell_as_a_field(tmp_path, indent, code, column, typed):
    # (2026-04-20<Tab>社团活动<Tab>进社团 … under activities: was told “activities:”的值写到了下一行 … 请把它写在冒号
    # 后面的同一行，上一行写成：activities: 2026-04-20	社团活动	… — the row, tabs and all, after the colon — or,
    # indented, 只有一项也要写成列表 … 这里写成 ["2026-04-20	社团活动	…"]: one activity of one text)
    work, path, text = _ledger(tmp_path)
    path.write_text(text[:text.index("  - date:")] + f"{indent}2026-04-20\t社团活动\t进社团\t面对面\t25\t参加比赛备赛\n",
                    encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == (code, 5, column), f
    assert "从表格（Excel、WPS）复制来的一行" in f["message"] + f["hint"], f
    assert f["hint"].endswith(f"各占一行，与 date 对齐（见使用指南中的台账示例），{typed}"), f
    [f] = _validate(work, "--lang", "en")
    assert "spreadsheet's row" in f["message"] + f["hint"] and f["hint"].endswith("- date: 2026-04-20"), f


def _date_told(tmp_path, written):
    """(the work folder, li-na's ledger, its text, the one finding) of her activity's date written `written`: an
    E-SCHEMA-005 at the date."""
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('date: "2026-04-20"', f"date: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-005", 5, 11), f
    return work, path, text, f


@pytest.mark.parametrize("written,first,last", [
    ("2026-04-20至2026-04-21", "2026-04-20", "2026-04-21"), ("2026-04-20~2026-04-22", "2026-04-20", "2026-04-22"),
    ("2026年4月20日—21日", "2026-04-20", "2026-04-21"), ("2026-04-20-21", "2026-04-20", "2026-04-21"),
    ("4月20日至4月21日", "2026-04-20", "2026-04-21"),
])
def test_a_span_of_days_as_an_activity_s_date_is_told_to_write_one_day(tmp_path, written, first, last):
    # (date: 2026-04-20至2026-04-21 was told only “日期”的格式不对 … 日期请写成 YYYY-MM-DD，如 2026-09-15。)
    work, path, text, f = _date_told(tmp_path, written)
    assert f"这里写的是一段日期（{first} 至 {last}），一个日期只能写一天：" in f["hint"], f
    assert f["hint"].endswith(f"这一行写成：  - date: {first}（连续几天的活动，也可以每天各写一条）"), f
    [f] = _validate(work, "--lang", "en")
    assert f"a span of days ({first} to {last})" in f["hint"] and f"The line:   - date: {first}" in f["hint"], f


@pytest.mark.parametrize("written,first,after", [
    ("2026-06-28至2026-07-05", "2026-06-28", ("2026-07-01 至 2026-07-05", "2026-07-01 to 2026-07-05 are")),
    ("6月29日至7月1日", "2026-06-29", ("2026-07-01", "2026-07-01 is")),
])
def test_a_span_of_days_running_past_the_period_s_end_is_told_of_the_days_after_it(tmp_path, written, first, after):
    # (date: 2026-06-28至2026-07-05 in 2026-H1 was told to write the first day, 2026-06-28, and nothing of 07-01 to
    # 07-05, which the ledger does not hold; its line - date: 2026-06-28 had no indentation: typed in the line's
    # place, the item's other fields were no longer its)
    work, path, text, f = _date_told(tmp_path, written)
    assert f"这一行写成：  - date: {first}（本期之内的几天，也可以每天各写一条）。{after[0]} 不在本期 2026-H1（2026-01-01 至 " \
        "2026-06-30）之内：那几天的活动，记在 2026-H2 的台账 records/ledgers/2026-H2/li-na.yaml 中。" in f["hint"], f
    [f_en] = _validate(work, "--lang", "en")
    assert f"The line:   - date: {first} (the days inside the period may also be written once a day). {after[1]} " \
        "outside period 2026-H1 (2026-01-01 to 2026-06-30): the activities of those days go in the ledger of 2026-H2, " \
        "records/ledgers/2026-H2/li-na.yaml." in f_en["hint"], f_en
    path.write_text(text.replace('  - date: "2026-04-20"', f["hint"].split("这一行写成：")[1].split("（")[0]),
                    encoding="utf-8")  # (typed as told)
    assert _validate(work) == []


@pytest.mark.parametrize("written,first,before", [
    ("2025-12-30至2026-01-02", "2026-01-01", ("2025-12-30 至 2025-12-31", "2025-12-30 to 2025-12-31 are")),
    ("2025-12-31~2026-01-03", "2026-01-01", ("2025-12-31", "2025-12-31 is")),
])
def test_a_span_of_days_starting_before_the_period_is_given_the_period_s_first_day_s_line(tmp_path, written, first,
                                                                                          before):
    # (date: 2025-12-30至2026-01-02 in 2026-H1 was told 2025-12-30 不在本期 2026-H1…：请核对月份 — the month is not
    # wrong — and no line, though 01-01 and 01-02 are inside the period; then 记在上一期的台账中, naming no period: the
    # cadre was left to work out which, where the other hints name it, ledgers/2025-H2/li-na.yaml)
    work, path, text, f = _date_told(tmp_path, written)
    assert "请核对月份" not in f["hint"], f
    assert f"这一行写成：  - date: {first}（本期之内的几天，也可以每天各写一条）。{before[0]} 不在本期 2026-H1（2026-01-01 至 " \
        "2026-06-30）之内：那几天的活动，记在 2025-H2 的台账 records/ledgers/2025-H2/li-na.yaml 中。" in f["hint"], f
    [f_en] = _validate(work, "--lang", "en")
    assert "Check the month" not in f_en["hint"], f_en
    assert f"The line:   - date: {first} (the days inside the period may also be written once a day). {before[1]} " \
        "outside period 2026-H1 (2026-01-01 to 2026-06-30): the activities of those days go in the ledger of 2025-H2, " \
        "records/ledgers/2025-H2/li-na.yaml." in f_en["hint"], f_en
    path.write_text(text.replace('  - date: "2026-04-20"', f["hint"].split("这一行写成：")[1].split("（")[0]),
                    encoding="utf-8")  # (typed as told)
    assert _validate(work) == []
    # (and the days before it written where told: her ledger of 2025-H2, the activity on its first day there)
    there = work / "records" / "ledgers" / "2025-H2" / "li-na.yaml"
    there.write_text(text.replace("period: 2026-H1", "period: 2025-H2").replace("2026-04-20", before[0][:10]), encoding="utf-8")
    assert _validate(work) == []


def _in_folder(tmp_path, folder, written, date):
    """li-na's ledger moved to ledgers/<folder>/, its period written `written`, its activity dated `date`."""
    work, path, text = _ledger(tmp_path)
    moved = work / "records" / "ledgers" / folder / "li-na.yaml"
    moved.parent.mkdir(exist_ok=True)
    path.unlink()
    moved.write_text(text.replace("period: 2026-H1", f"period: {written}").replace('"2026-04-20"', date), encoding="utf-8")
    return work


@pytest.mark.parametrize("folder,written,date,said,meant", [
    ("2026-H1", "2026年上半年", "2026-04-20", "“2026年上半年”是期间 2026-H1（2026年上半年）的名称", "2026-H1"),
    ("2026-H1", "上半年", "2026-04-20", "“上半年”是期间 2026-H1（2026年上半年）的名称", "2026-H1"),
    ("2026-H2", "2026年下半年", "2026-10-20", "“2026年下半年”是期间 2026-H2（2026年下半年）的名称", "2026-H2"),
    ("2026-H2", "2026年秋季", "2026-10-20", "“2026年秋季”是学期（2026—2027学年第一学期）的名称", "2026-H2"),
    ("2026-H2", "2026年第一学期", "2026-10-20", "“2026年第一学期”指哪个学期并不确定：", "2026-H2"),
    ("2026-H2", "2026-2027学年第一学期", "2026-10-20", "“2026-2027学年第一学期”是学期（2026—2027学年第一学期）的名称", "2026-H2"),
    ("2026-H1", "2025年秋季学期", "2026-01-10", "“2025年秋季学期”是学期（2025—2026学年第一学期）的名称", "2026-H1"),
    ("2026-H1", "2026年下半年", "2026-04-20", "“2026年下半年”是期间 2026-H2（2026年下半年）的名称", "2026-H1"),
])
def test_a_period_written_by_its_name_or_a_semester_s_is_one_error_with_the_period_to_type(tmp_path, folder, written, date, said, meant):
    # (period: 2026年上半年 was told E-REF-003 填报期间“2026年上半年”与文件位置不一致 … 请改正内容，或把文件移动/改名
    # and E-SCHEMA-005 “填报期间”的格式不对, not that 2026-H1 is what to write)
    work = _in_folder(tmp_path, folder, written, date)
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-003", 2, 9), f
    assert said in f["hint"] and f["hint"].endswith(f"这一行写成：period: {meant}"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith(f"The line: period: {meant}"), f


@pytest.mark.parametrize("folder,written,date,zh,en", [
    ("2026-H1", "2026年第一学期", "2026-04-20",
     "“2026年第一学期”指哪个学期并不确定：按学年是2025—2026学年第一学期（2025-09-01 至 2026-01-16）或"
     "2026—2027学年第一学期（2026-09-01 至 2027-01-15），按 2026 年中的先后是2025—2026学年第二学期（2026-02-23 至 2026-07-10）。"
     "这份台账在 records/ledgers/2026-H1/ 中，是2026年上半年（2026-01-01 至 2026-06-30）的台账，"
     "这一行写成：period: 2026-H1",
     "'2026年第一学期' may name more than one semester: by academic year 2025-2026-1 (2025-09-01 to 2026-01-16) "
     "or 2026-2027-1 (2026-09-01 to 2027-01-15); by its order in 2026, 2025-2026-2 (2026-02-23 to "
     "2026-07-10). This ledger is in records/ledgers/2026-H1/, the ledger of the half-year "
     "2026-H1 (2026-01-01 to 2026-06-30). The line: period: 2026-H1"),
    ("2026-H2", "2026年第二学期", "2026-10-20",
     "“2026年第二学期”指哪个学期并不确定：按学年是2025—2026学年第二学期（2026-02-23 至 2026-07-10），"
     "按 2026 年中的先后是2026—2027学年第一学期（2026-09-01 至 2027-01-15）。"
     "这份台账在 records/ledgers/2026-H2/ 中，是2026年下半年（2026-07-01 至 2026-12-31）的台账，"
     "这一行写成：period: 2026-H2", None),
])
def test_a_calendar_year_s_first_or_second_semester_is_told_the_semesters_it_may_name(tmp_path, folder, written, date, zh, en):
    # (period: 2026年第一学期 in a 2026-H1 ledger was told only “2026年第一学期”是学期（2025—2026学年第一学期）的名称:
    # to a cadre counting the year's semesters it is spring 2026, and the hint named one reading as the sure one)
    work = _in_folder(tmp_path, folder, written, date)
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-003", 2, 9), f
    assert f["hint"].endswith(zh), f
    if en:
        [f] = _validate(work, "--lang", "en")
        assert f["hint"].endswith(en), f


@pytest.mark.parametrize("folder,written,date", [
    ("2026-H1", "2026年第一学期", "2026-04-20"), ("2026-H2", "2026年第二学期", "2026-10-20"),
    ("2026-H1", "2026年春季", "2026-04-20"), ("2026-H1", "2025年秋季学期", "2026-01-10"),
    ("2026-H1", "2026年上半年", "2026-04-20"), ("2026-H1", "2026年下半年", "2026-04-20"),
])
def test_a_period_written_by_a_name_is_told_in_english_by_ids_and_dates(tmp_path, folder, written, date):
    # (--lang en of period: 2026年第一学期 in a 2026-H1 ledger: "… by its order in 2026 2025—2026学年第二学期 (…). This
    # ledger is in ledgers/2026-H1/, the ledger of 2026年上半年 (…)" — run together and half Chinese; 2026年春季:
    # "… the name of a semester (2025—2026学年第二学期)")
    work = _in_folder(tmp_path, folder, written, date)
    [f] = _validate(work, "--lang", "en")
    assert f["code"] == "E-REF-003", f
    told = f["hint"].replace(f"'{written}'", "")
    assert not re.search(r"[\u3400-\u9fff]", told), f["hint"]
    assert not re.search(r"\b[0-9]{4} [0-9]{4}", told), f["hint"]  # (a year run into a semester's id)
    assert re.search(r"[0-9]{4}-(H[12]|[0-9]{4}-[12]) \([0-9-]{10} to [0-9-]{10}\)", told), f["hint"]


@pytest.mark.parametrize("old,new,message,hint", [
    ("period: 2026-H1", "period: 2026-H2", "填报期间“2026-H2”与台账所在的文件夹 records/ledgers/2026-H1/ 不一致（应为“2026-H1”）",
     "这份台账在 records/ledgers/2026-H1/ 中，活动日期也都在 2026-H1（2026-01-01 至 2026-06-30）之内，这一行写成：period: 2026-H1"),
    ("period: 2026-H1", "period: 2026-HI", "填报期间“2026-HI”不是政策规定的填报期间（应为“2026-H1”）",
     "这份台账在 records/ledgers/2026-H1/ 中，活动日期也都在 2026-H1（2026-01-01 至 2026-06-30）之内，这一行写成：period: 2026-H1"),
    ("period: 2026-H1", "period: 2026年上半年", "填报期间“2026年上半年”是名称，这里要写编号（应为“2026-H1”）",
     "“2026年上半年”是期间 2026-H1（2026年上半年）的名称。这份台账在 records/ledgers/2026-H1/ 中，这一行写成：period: 2026-H1"),
    ("period: 2026-H1", "period: 2026年第一学期", "填报期间“2026年第一学期”是学期的名称，这里要写半年的编号（应为“2026-H1”）", None),
    ("cadre: li-na", "cadre: li-nna", "干部编号“li-nna”与文件名 li-na.yaml 不一致（应为“li-na”）",
     "文件名就是干部编号，这份台账是李娜的，这一行写成：cadre: li-na"),
    ("cadre: li-na", "cadre: zhang-wei", "干部编号“zhang-wei”与文件名 li-na.yaml 不一致（应为“li-na”）",
     "文件名就是干部编号，这份台账是李娜的，这一行写成：cadre: li-na；如果这是张伟的台账，本期已有 records/ledgers/2026-H1/zhang-wei.yaml：请把这个文件的内容合并进那份台账，再删除这个文件（每人每期只有一份台账）。"),
])
def test_a_ledger_s_period_or_cadre_not_its_file_s_opens_with_what_is_wrong(tmp_path, old, new, message, hint):
    # (each was told E-REF-003 …与文件位置不一致（应为…） / 文件名和文件夹决定记录的归属：请改正内容，或把文件移动/改名为正确的
    # 位置。 — 2026-H2 and li-nna with no line to type, 2026-HI with E-SCHEMA-005 格式不对 at the same place too)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, new), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["message"]) == ("E-REF-003", message), f
    assert hint is None or f["hint"] == hint, f
    assert "文件位置" not in f["message"] and "请改正内容" not in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert "the file's location" not in f["message"] and "fix the value or move the file" not in f["hint"], f


@pytest.mark.parametrize("written", ["zhang-wei", "张伟"])
def test_another_cadre_s_ledger_there_already_is_told_to_merge_into_not_to_be_moved_onto(tmp_path, written):
    # (cadre: zhang-wei or 张伟 in li-na.yaml, zhang-wei.yaml being in the same folder, was told 如果这是张伟的台账，
    # 它应是 ledgers/2026-H1/zhang-wei.yaml — following it replaces 张伟's real ledger)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("cadre: li-na", f"cadre: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-REF-003" and f["hint"].endswith(
        "如果这是张伟的台账，本期已有 records/ledgers/2026-H1/zhang-wei.yaml：请把这个文件的内容合并进那份台账，"
        "再删除这个文件（每人每期只有一份台账）。"), f
    assert "它应是" not in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("if it is 张伟's, records/ledgers/2026-H1/zhang-wei.yaml exists already: merge this file into it "
                              "and delete this one (one ledger a cadre a half-year)."), f
    (work / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml").unlink()  # (hers not there: where it would be)
    [f] = _validate(work)
    assert "如果这是张伟的台账，它应是 records/ledgers/2026-H1/zhang-wei.yaml" in f["hint"] and "合并" not in f["hint"], f


@pytest.mark.parametrize("old,new,date,line", [
    ("period: 2026-H1", "period: 2026-H2", "2026-04-20", "period: 2026-H1"),
    ("period: 2026-H1", "period: 2026-HI", "2026-04-20", "period: 2026-H1"),
    ("period: 2026-H1", "period: 2026年上半年", "2026-04-20", "period: 2026-H1"),
    ("period: 2026-H1", "period: 2026年下半年", "2026-10-20", "period: 2026-H2"),
    ("cadre: li-na", "cadre: li-nna", "2026-04-20", "cadre: li-na"),
    ("cadre: li-na", "cadre: zhang-wei", "2026-04-20", "cadre: li-na"),
])
def test_an_e_ref_003_hint_has_one_colon_a_sentence(tmp_path, old, new, date, line):
    # (period: 2026-HI was told …活动日期也都在 2026-H1（2026-01-01 至 2026-06-30）之内：这一行写成：period: 2026-H1;
    # 2026年上半年 …的名称：这份台账在 ledgers/2026-H1/ 中，这一行写成：…; 2026年下半年 …的名称：按期间名称和活动日期，这份
    # 台账属于 2026-H2：请把它移到…，这一行写成：…; li-nna 文件名就是干部编号：这份台账是李娜的，这一行写成：… — and in
    # English The file name is the cadre's id: this ledger is 李娜's: cadre: li-na)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, new).replace('"2026-04-20"', date), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-REF-003" and f"这一行写成：{line}" in f["hint"], f
    for sentence in re.split("[。；]", f["hint"].replace(line, "")):
        assert sentence.count("：") <= 1, f["hint"]
    [f] = _validate(work, "--lang", "en")
    for sentence in re.split(r"[.;] ", f["hint"].replace(line, "")):
        assert sentence.count(": ") + sentence.endswith(":") <= 1, f["hint"]


def test_a_period_named_whose_activities_are_in_it_is_told_to_move_to_its_folder(tmp_path):
    work = _in_folder(tmp_path, "2026-H1", "2026年下半年", "2026-10-20")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-003", 2, 9), f
    assert f["hint"].endswith("按期间名称和活动日期，这份台账属于 2026-H2，请把它移到 records/ledgers/2026-H2/ 文件夹，这一行写成：period: 2026-H2"), f


@pytest.mark.parametrize("name", ["", "5"])
@pytest.mark.parametrize("written", ["2026-H3", "2026年春季"])
def test_a_semester_named_empty_or_by_a_number_leaves_a_ledger_s_period_checked(tmp_path, name, written):
    # (a semester's name: left empty or 5 in calendar.yaml, with a ledger's period: 2026-H3, made the references
    # stage fail: E-INTERNAL-001 检查程序内部错误 … TypeError, and no reference of any record was checked)
    work = _in_folder(tmp_path, "2026-H1", written, "2026-04-20")
    calendar = work / "records" / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8").replace(
        "name: 2025—2026学年第二学期", f"name: {name}".rstrip()), encoding="utf-8")
    found = _validate(work)
    assert sorted((f["code"], f["file"], f["line"]) for f in found) == [
        ("E-REF-003", f"records/{LEDGER}", 2), ("E-SCHEMA-003", "records/calendar.yaml", 11)], found
    if written == "2026年春季":  # (the semester named by its id)
        [f] = [f for f in found if f["code"] == "E-REF-003"]
        assert "是学期（2025-2026-2）的名称" in f["hint"] and f["hint"].endswith("这一行写成：period: 2026-H1"), f


@pytest.mark.parametrize("written,word,line", [("线下", "面对面", "    channel: 面对面"), ("线上", "键对键", "    channel: 键对键"),
                                               ("班会", "主题班会", "    form: 主题班会")])
def test_a_word_the_policy_lists_as_said_otherwise_is_told_the_word_of_the_list(tmp_path, written, word, line):
    # (channel: 线下 was told E-REF-005 “联系方式”的值“线下”不在政策词表中 / 可选值：面对面、键对键 — no word
    # suggested, 线下 and 面对面 having no character in common; the words people say are the policy's to list)
    work, path, text = _ledger(tmp_path)
    policy = work / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  channels: [面对面, 键对键]\n",
        "  channels: [面对面, 键对键]\n  synonyms:\n    - {word: 面对面, also: [线下, 当面]}\n"
        "    - {word: 键对键, also: [线上, 网上]}\n    - {word: 主题班会, also: [班会]}\n"), encoding="utf-8")
    key = line.split(":")[0].strip()
    old = {"channel": "channel: 面对面", "form": "form: 社团活动"}[key]
    path.write_text(text.replace(old, f"{key}: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-REF-005" and f["hint"].startswith(f"“{written}”在词表中写作“{word}”。"), f
    assert f["hint"].endswith(f"这一行写成：{line}"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].startswith(f"'{written}' is written '{word}' in the list. ") and f["hint"].endswith(f" The line: {line}"), f


def test_a_status_the_policy_lists_as_said_otherwise_is_told_the_status_of_the_list(tmp_path):
    # (the statuses are mappings, {name: 已解决, meaning: resolved}, and synonyms looked their word up among a list's
    # texts: {word: 已解决, also: [办结]} was never read, and status: 办结 was told only 可选值：待处理、处理中、…)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    policy, path = work / "records" / "policy.yaml", work / "records" / "ledgers/2026-H1/zhang-wei.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  escalation_targets:", "  synonyms:\n    - {word: 已解决, also: [办结, 已办结]}\n  escalation_targets:"), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("status: 已解决", "status: 办结"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == ("E-REF-005", 18), f
    assert f["hint"].startswith("“办结”在词表中写作“已解决”。") and f["hint"].endswith("这一行写成：    status: 已解决"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].startswith("'办结' is written '已解决' in the list. ") and f["hint"].endswith("The line:     status: 已解决"), f


def test_a_synonyms_entry_written_wrong_is_told_at_the_policy_not_as_a_fault_of_the_program(tmp_path):
    # (a word written as a list, {word: [面对面], also: [线下]}, made the references stage fail: E-INTERNAL-001
    # 检查程序内部错误 … TypeError, and no ledger's words were checked)
    work, path, text = _ledger(tmp_path)
    policy = work / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  channels: [面对面, 键对键]\n", "  channels: [面对面, 键对键]\n  synonyms:\n    - {word: [面对面], also: [线下]}\n"),
        encoding="utf-8")
    path.write_text(text.replace("channel: 面对面", "channel: 线下"), encoding="utf-8")
    found = _validate(work)
    assert sorted((f["code"], f["file"]) for f in found) == [("E-REF-005", f"records/{LEDGER}"),
                                                              ("E-SCHEMA-003", "records/policy.yaml")], found


@pytest.mark.parametrize("old,new,code,value", [
    ("    students: 25", "    students：很多", "E-YAML-010", "很多"),
    ("    students: 25", "    人数：2026-01-01", "E-YAML-010", "2026-01-01"),
    ("    students: 25", "    students：0", "E-YAML-010", "0"),
    ('  - date: "2026-04-20"', "  - date：2026-02-30", "E-YAML-010", "2026-02-30"),
    ("    students: 25", "    学生人数:二十几", "E-YAML-001", "二十几"),
    ("    students: 25", "    students；2.5", "E-YAML-010", "2.5"),
    ("    students: 25", "    students：25人", "E-YAML-010", None),
    ("    students: 25", "    学生人数:约30人", "E-YAML-001", None),
    ("    students: 25", "    学生人数：25人 # 估计", "E-YAML-010", None),  # (the comment was read as the value's)
    ("    students: 25", "    学生人数:25人 # 估计", "E-YAML-001", None),
    ('  - date: "2026-04-20"', "  - date：2026年4月20日", "E-YAML-010", None),
    ("  - date: \"2026-04-20\"\n    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 25\n"
     "    summary: 参加机器人协会的比赛备赛活动。\n", "  - date；2026-02-30\n", "E-SCHEMA-003", "2026-02-30"),
    ("  - date: \"2026-04-20\"\n    form: 社团活动\n    place: 进社团\n    channel: 面对面\n    students: 25\n"
     "    summary: 参加机器人协会的比赛备赛活动。\n", "  - date；2026年4月20日\n", "E-SCHEMA-003", None),
])
def test_every_line_offered_to_type_passes_the_schema_when_typed(tmp_path, old, new, code, value):
    # (students：很多 was told 这一行写成：students: 很多, and date：2026-02-30 这一行写成：- date: 2026-02-30 —
    # lines the next run refuses, E-SCHEMA-003 应为整数 / E-SCHEMA-005 不是有效的日期; 人数：2026-01-01 alike)
    work, path, text = _ledger(tmp_path)
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    found = _validate(work)
    [f] = [f for f in found if f["code"] == code]
    offered = f["hint"].split("这一行写成：")[1].split("（值“")[0].rstrip("。")
    if value is not None:  # (no line to type: the value is told not to be one, and what to write)
        assert f"…（“{value}”不是{'日期' if 'date' in offered else '联系学生人数'}可以写的值，这里要写" \
               f"{'一个实有的日期' if 'date' in offered else '一个整数，至少 1'}" in offered, f
        [f] = [f for f in _validate(work, "--lang", "en") if f["code"] == code]
        assert f"… ('{value}' is no value of" in f["hint"], f
        return
    line = new.splitlines()[0]
    spaces = line[:len(line) - len(line.lstrip(" "))]
    typed = offered if offered.startswith(spaces) and offered[len(spaces):len(spaces) + 1] != " " else spaces + offered
    path.write_text(text.replace(old, typed + ("\n" + old.split("\n", 1)[1] if "\n" in old else "")), encoding="utf-8")
    assert _validate(work) == [], (typed, f)


def test_a_synonyms_entry_that_does_nothing_is_told_the_fix_of_its_own_case(tmp_path):
    # (a word in no list and an also that its word's list holds were both told one hint: word 写词表中的词（…），also 写
    # 台账中可能写成、而那个词表里没有的说法：请改正 word（或把它加进那个词表），从 also 删去词表中已有的词。 — either fix for either)
    work, path, text = _ledger(tmp_path)
    policy = work / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  channels: [面对面, 键对键]\n", "  channels: [面对面, 键对键]\n  synonyms:\n    - {word: 线下面对面, also: [线下, 现场]}\n"
        "    - {word: 面对面, also: [当面, 键对键]}\n"), encoding="utf-8")
    word, also = sorted((f for f in _validate(work) if f["code"] == "E-REF-023"), key=lambda f: f["line"])
    assert word["hint"] == ("是不是“面对面”？word 要写某个词表（联系形式、联系场所、联系方式、反映类型、反映类别、报告对象、建议对象、办理状态）"
                            "中已有的词：请把 word 改成那个词，或先把“线下面对面”加进它该在的词表。改正之前，台账写了“线下”“现场”时，"
                            "“怎么改”不会提示改成“线下面对面”。"), word
    assert also["hint"] == ("“键对键”是联系方式中的一个词，台账写“键对键”本来就对，不会被提示改成“面对面”：请从这一项的 also 中删去“键对键”"
                            "（如果它是要停用的旧说法，再从联系方式中删去它，台账中的“键对键”就会被提示改成“面对面”）。"), also
    word, also = sorted((f for f in _validate(work, "--lang", "en") if f["code"] == "E-REF-023"), key=lambda f: f["line"])
    assert word["hint"].startswith("Did you mean '面对面'? word is a word of one of the lists") and "'线下', '现场'" in word["hint"]
    assert also["hint"].startswith("'键对键' is a word of the list of channels itself"), also


@pytest.mark.parametrize("written", ["  - 日期：2026年4月20日", "  - 日期:2026年4月20日"])
def test_an_activity_s_first_line_by_its_title_is_not_told_the_next_activity_s_date(tmp_path, written):
    # (- 日期：2026年4月20日 as an activity's first line, another activity below, was told “日期”是字段 date 的中文说明，
    # 可这一项在第 11 行已经有 date 了，只能写一个 — line 11 the next activity's date — and not the line to type)
    work, path, text = _ledger(tmp_path)
    block = text[text.index("  - date:"):]
    path.write_text(text.replace('  - date: "2026-04-20"', written) + block.replace("2026-04-20", "2026-04-27"),
                    encoding="utf-8")
    [f] = _validate(work)
    assert f["line"] == 5 and "已经有" not in f["hint"], f
    spaces = "  "  # (E-YAML-010's and E-YAML-001's lines with their indentation)
    assert f["hint"].endswith(f"这一行写成：{spaces}- date: 2026-04-20（值“2026年4月20日”要写成 2026-04-20）"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("- date: 2026-04-20 (the value '2026年4月20日' is written 2026-04-20)"), f


def test_a_second_date_by_its_title_is_told_in_english_in_english(tmp_path):
    # (日期：2026年4月21日 under date: was told in English … begin a new item …: - date: 2026-04-21（值“2026年4月21日”要写成
    # 2026-04-21）; — the Chinese words of the value's change in the English hint)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    form: 社团活动", "    日期：2026年4月21日\n    form: 社团活动"), encoding="utf-8")
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith(": " + "  - date: 2026-04-21 (the value '2026年4月21日' is written 2026-04-21)") and "值" not in f["hint"], f
    path.write_text(text.replace("    form: 社团活动", "    日期: 2026年4月21日\n    form: 社团活动"), encoding="utf-8")
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith(": " + "  - date: 2026-04-21 (the value '2026年4月21日' is written 2026-04-21)") and "值" not in f["hint"], f


def test_a_missing_activities_line_is_one_error_at_the_activities_with_the_line_to_add(tmp_path):
    # (activities: left out after a contact_points list was told E-SCHEMA-001 缺少必填项“联系学生活动” at 1:1, 请在这里加上
    # 一行“activities: …”, and E-SCHEMA-003 “联系点第 2 项”应为文字，这里是映射 at each activity, read as a contact point)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("contact_points: [club-robotics]\nactivities:\n", "contact_points:\n  - club-robotics\n")
                    + text[text.index("  - date:"):].replace("2026-04-20", "2026-04-27"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-001", 5, 5), f
    assert f["hint"] == ("第 5 行起的 2 项（date、form、place、channel、students、summary）是“联系学生活动”的各项，却接在第 3 行“联系点”"
                         "（contact_points）的列表后面，被当成了它的项：这里少了一行 activities:。请在第 5 行前面加上一行，与 "
                         "contact_points 对齐，这一行写成：activities:"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("Add it before line 5, aligned with contact_points: activities:"), f
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:4] + ["activities:\n"] + lines[4:]), encoding="utf-8")
    assert _validate(work) == []


@pytest.mark.parametrize("written", ["“社团活动”", "‘社团活动’", "“社团活动\""])
def test_a_word_of_the_list_in_chinese_quotes_is_told_of_the_quotes_with_the_line(tmp_path, written):
    # (form: “社团活动”, as Word or an input method types the quotes, was told E-REF-005 … 是不是“社团活动”？ — the word
    # she sees she wrote; dates and counts in such quotes were told of them already)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("form: 社团活动", f"form: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-REF-005" and "引号" in f["hint"] and f["hint"].endswith("这一行写成：    form: 社团活动"), f
    assert "是不是" not in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert "quotes" in f["hint"] and "delete them. " in f["hint"] and f["hint"].endswith("The line:     form: 社团活动"), f
    path.write_text(text.replace("    form: 社团活动", f["hint"].split("The line: ")[1]), encoding="utf-8")
    assert _validate(work) == []


@pytest.mark.parametrize("written", ["2026-04-20 下午", "2026年4月20日下午3点", "2026-04-20 14时30分", "2026-04-20（周一）下午",
                                     "2026-04-20 上午9:00"])
def test_a_date_with_the_time_of_day_is_told_the_date_to_write(tmp_path, written):
    # (date: 2026-04-20 下午 was told only 日期请写成 YYYY-MM-DD，如 2026-09-15。 — not the date she wrote; 14:30 after
    # it was read already, 下午, 3点 or 14时30分 were not)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('date: "2026-04-20"', f"date: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-SCHEMA-005" and f["hint"].endswith("这一行写成：  - date: 2026-04-20"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("The line:   - date: 2026-04-20"), f


@pytest.mark.parametrize("written", ["activity:", "活动:"])
def test_the_activities_line_misspelt_is_told_once_at_its_name(tmp_path, written):
    # (since 65f0cab activity: was told E-SCHEMA-002 是不是想写“activities”？ and E-SCHEMA-001 …却接在第 4 行“activity”
    # （activity）的列表后面…这里少了一行 activities: — the activities read as the misspelt field's items)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("activities:", written), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == ("E-SCHEMA-002", 4) and "activities" in f["hint"], f


@pytest.mark.parametrize("written", ["2026-H2", "2026-HI"])
def test_a_period_not_the_folder_s_with_some_dates_outside_it_says_which_and_the_folder_s_span(tmp_path, written):
    # (period: 2026-H2 in ledgers/2026-H1/li-na.yaml, one activity of 2026-07-20 and one of 2026-05-20, was told
    # 文件名和文件夹决定记录的归属：请改正内容，或把文件移动/改名为正确的位置。 — not which dates are outside, nor the folder's days)
    work, path, text = _ledger(tmp_path)
    block = text[text.index("  - date:"):]
    path.write_text(text.replace("period: 2026-H1", f"period: {written}").replace('"2026-04-20"', '"2026-07-20"')
                    + block.replace('"2026-04-20"', '"2026-05-20"').replace("备赛", "总结"), encoding="utf-8")
    found = _validate(work)
    assert [f["code"] for f in found] == ["E-REF-003", "E-REF-004"], found  # (not E-SCHEMA-005 of 2026-HI too)
    assert found[0]["hint"] == (
        "活动日期 2026-07-20 不在这个文件夹的期间 2026-H1（2026-01-01 至 2026-06-30）之内，2026-05-20 在。"
        "这份台账在 records/ledgers/2026-H1/ 中，这一行写成：period: 2026-H1；2026-07-20 的活动请记入 records/ledgers/2026-H2/li-na.yaml。"), found
    [f, _] = _validate(work, "--lang", "en")
    assert f["hint"] == (
        "The activity date 2026-07-20 is not in the folder's period 2026-H1 (2026-01-01 to 2026-06-30); 2026-05-20 is. "
        "This ledger is in records/ledgers/2026-H1/. The line: period: 2026-H1; the activity of 2026-07-20 goes in "
        "records/ledgers/2026-H2/li-na.yaml."), f
    text = path.read_text(encoding="utf-8").replace(f"period: {written}", "period: 2026-H1")
    path.write_text(text[:text.index("  - date:")] + text[text.index('  - date: "2026-05-20"'):], encoding="utf-8")
    assert _validate(work) == []  # (done as told: the next run takes it)


def test_an_activity_without_a_date_is_told_where_the_line_goes_and_how_far_in(tmp_path):
    # (was told 请在这里加上一行“date: …”。 at the activity's first field: here, above it or below it, and how far in —
    # what a cadre writing YAML for the first time cannot tell; en: Add a line 'date: …' here.)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('  - date: "2026-04-20"\n    form: 社团活动', "  - form: 社团活动"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-001", 5, 5), f
    assert f["hint"].startswith("请在第 5 行“- form: 社团活动”下面加一行“date: …”，与 form 对齐（前面 4 个空格；"
                                "把“…”换成实际的）。"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("Under line 5 (- form: 社团活动) add a line aligned with form (4 spaces before it; replace … "
                              "with the real value): date: …"), f  # (after what a date is: E-SCHEMA-001's description)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - form: 社团活动\n", '  - form: 社团活动\n    date: "2026-04-20"\n'), encoding="utf-8")
    assert _validate(work) == []  # (done as told)


_ACTIVITY_SHAPES = {  # (an activity without its date, its first field's value written in each way YAML allows)
    "scalar first": "  - form: 座谈交流\n    place: 进班级\n    channel: 面对面\n    students: 10\n    summary: 与学生座谈交流学习情况。\n",
    "list first": "  - topics:\n      - 寒假社会实践\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n"
                  "    students: 10\n    summary: 与学生座谈交流学习情况。\n",
    "list as far in": "  - topics:\n    - 寒假社会实践\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n"
                      "    students: 10\n    summary: 与学生座谈交流学习情况。\n",
    "literal block first": "  - summary: |\n      与学生座谈交流学习情况。\n      第二行。\n    form: 座谈交流\n    place: 进班级\n"
                           "    channel: 面对面\n    students: 10\n",
    "folded block first": "  - summary: >\n      与学生座谈交流学习情况。\n      第二行。\n    form: 座谈交流\n    place: 进班级\n"
                          "    channel: 面对面\n    students: 10\n",
    "block last": "  - topics:\n      - 寒假社会实践\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n"
                  "    students: 10\n    summary: |\n      与学生座谈交流学习情况。\n      第二行。\n",
    "flow list": "  - topics: [寒假社会实践, 学业]\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n"
                 "    students: 10\n    summary: 与学生座谈交流学习情况。\n",
    "flow list over two lines": "  - topics: [寒假社会实践,\n      学业]\n    form: 座谈交流\n    place: 进班级\n"
                                "    channel: 面对面\n    students: 10\n    summary: 与学生座谈交流学习情况。\n",
    "comments": "  - form: 座谈交流  # 备注\n    # 地点待定\n    place: 进班级\n    channel: 面对面\n    students: 10\n"
                "    summary: 与学生座谈交流\n      学习情况。\n    # 以上为寒假\n",
    "quoted text over two lines": "  - summary: \"与学生座谈交流\n      学习情况。\"\n    form: 座谈交流\n    place: 进班级\n"
                                  "    channel: 面对面\n    students: 10\n",
    "no line break at the end": "  - topics:\n      - 寒假社会实践\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n"
                                "    students: 10\n    summary: |\n      与学生座谈交流学习情况。\n      第二行。",
}
_LINE_ADDED = re.compile(r"请在第 (\d+) 行“[^”]*”(?:（这一项的最后一行）)?下面加一行“date: …”，与 \w+ 对齐（前面 (\d+) 个空格；"
                         r"把“…”换成实际的）。")


@pytest.mark.parametrize("last", [True, False], ids=["last in the file", "another activity after it"])
@pytest.mark.parametrize("shape", list(_ACTIVITY_SHAPES))
def test_the_line_an_activity_without_a_date_is_told_to_add_is_read_as_its_date(tmp_path, shape, last):
    # (240ed4d's 请在第 6 行“- topics:”下面加一行，与 topics 对齐（前面 4 个空格）：date: … was a line the next run
    # refused when the first field's value goes on below it: E-SCHEMA-003 topics empty and E-SCHEMA-005 a date
    # 2026-01-04 - 寒假社会实践, or E-YAML-001 — done as told, literally, the next run must take it)
    work, path, text = _ledger(tmp_path)
    after = '  - date: "2026-05-20"\n    form: 主题班会\n    place: 进班级\n    channel: 面对面\n    students: 20\n' \
            "    summary: 参加班会了解学生学习情况。\n"
    written = _ACTIVITY_SHAPES[shape]
    path.write_text(text + written + ("" if last else "\n" * (written[-1] != "\n") + after), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-SCHEMA-001", 11, 5), f
    told = _LINE_ADDED.match(f["hint"])
    assert told, f
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[-1] += "\n" * (not lines[-1].endswith("\n"))  # (Enter at the end of the last line)
    lines.insert(int(told[1]), " " * int(told[2]) + "date: 2026-04-21\n")  # (under that line, that far in)
    path.write_text("".join(lines), encoding="utf-8")
    assert _validate(work) == []


def test_an_activity_whose_topics_come_first_is_told_to_add_its_date_under_its_last_line(tmp_path):
    # (was told 请在第 11 行“- topics:”下面加一行 …, where the date took the topics' list for its own value)
    work, path, text = _ledger(tmp_path)
    path.write_text(text + _ACTIVITY_SHAPES["list first"], encoding="utf-8")
    [f] = _validate(work)
    assert f["hint"].startswith("请在第 17 行“summary: 与学生座谈交流学习情况。”（这一项的最后一行）下面加一行“date: …”，"
                                "与 topics 对齐（前面 4 个空格；把“…”换成实际的）。"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("Under line 17 (summary: 与学生座谈交流学习情况。, the item's last line) add a line aligned "
                              "with topics (4 spaces before it; replace … with the real value): date: …"), f


@pytest.mark.parametrize("written", ["  - 日期: 2026-04-20", "  - “date”: 2026-04-20", "    人数: 25"],
                         ids=["title first", "quoted name first", "title not first"])
def test_the_line_to_type_for_a_field_named_otherwise_keeps_the_item_s_dash(tmp_path, written):
    # (an activity's first field written with its Chinese title or in Chinese quotes was told 这一行写成：date: 2026-04-20
    # — without the item's “- ”: typed so, the next run refused it, E-YAML-001 这一行比上一行的“date”多缩进了 2 格)
    work, path, text = _ledger(tmp_path)
    field = written.split(":")[0].strip(" -")
    line = {"日期": '  - date: "2026-04-20"', "“date”": '  - date: "2026-04-20"', "人数": "    students: 25"}[field]
    path.write_text(text.replace(line, written), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-SCHEMA-002", f
    typed = _type_as_told(path, f)
    assert _validate(work) == [], typed


def _type_as_told(path, f):
    """The line to type of finding `f`'s hint (这一行写成：…), typed at its line as told, the line's indent kept where
    the hint's line has none."""
    typed = re.search(r"写成[：\s]([^。（]+)", f["hint"])[1]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines[f["line"] - 1]
    lines[f["line"] - 1] = (typed if typed.startswith(" ") else at[:len(at) - len(at.lstrip(" "))] + typed) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return typed


@pytest.mark.parametrize("name", ["“summary”", "‘summary’", "“summary\"", '"summary”', "'summary’"])
def test_a_summary_of_lines_under_a_quoted_name_is_given_its_one_line_to_type(tmp_path, name):
    # (“summary”: | over two lines of text was told 写成 summary: 参加机器人协会的比赛备赛活动。\n与同学交流备赛情况。\n。:
    # the text again, run into one line with its \n, over the text still below — typed so, the summary twice; "summary”: |
    # was told E-YAML-001 …补上英文引号，这一行写成："summary”: |", the line it was, in quotes)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    summary: 参加机器人协会的比赛备赛活动。",
                                 f"    {name}: |\n      参加机器人协会的比赛备赛活动。\n      与同学交流备赛情况。"), encoding="utf-8")
    [f] = _validate(work)
    # (E-YAML-001's line, of a name whose quotes YAML reads as a text's, "summary”, and E-SCHEMA-002's, of a name read
    # with its quotes, “summary”, both with the line's indentation: typed in its place)
    spaces = "    "
    assert (f["line"], f["column"]) == (10, 5) and f"这一行写成：{spaces}summary: |" in f["hint"], f
    assert "参加" not in f["hint"] and "引号" in f["message"] + f["hint"], f
    [en] = _validate(work, "--lang", "en")
    assert f": {spaces}summary: |" in en["hint"] and "参加" not in en["hint"] and "quote" in en["message"] + en["hint"], en
    assert _type_as_told(path, f) == f"{spaces}summary: |"
    assert _validate(work) == []
    assert "summary: |\n      参加机器人协会的比赛备赛活动。\n      与同学交流备赛情况。\n" in path.read_text(encoding="utf-8")


def test_a_quoted_name_and_its_value_in_chinese_quotes_are_given_one_line_without_them(tmp_path):
    # (  - “date”: “2026-04-20” was told 写成 - date: “2026-04-20”: typed so, the next run told the value's quotes)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('  - date: "2026-04-20"', "  - “date”: “2026-04-20”"), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-SCHEMA-002" and f["hint"].endswith("这一行写成：  - date: 2026-04-20"), f
    _type_as_told(path, f)
    assert _validate(work) == []


NOTE = "这次活动由学院团委组织。"


@pytest.mark.parametrize("date", ["2026-04-20", '"2026-04-20"'])
@pytest.mark.parametrize("indent", [0, 4])
def test_a_note_pasted_under_an_activity_s_date_is_told_to_go_in_its_summary_in_one_line(tmp_path, date, indent):
    # (date: 2026-04-20 and, on the next line, a sentence not written as a field was told 像是上一行“date”文字的接续 …
    # 上一行写成：date: 2026-04-20这次活动由学院团委组织。 — a date no run takes; after a quoted date, only
    # 请检查这一行及上一行的缩进、冒号和引号)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('  - date: "2026-04-20"\n', f"  - date: {date}\n{' ' * indent}{NOTE}\n"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-YAML-001", 6, indent + 1), f
    assert "说明要写成一个字段" in f["message"] and "第 11 行已经有 summary（活动情况）" in f["hint"], f
    assert f["hint"].endswith(f"第 11 行写成：    summary: 参加机器人协会的比赛备赛活动。{NOTE}"), f  # (its spaces kept)
    [en] = _validate(work, "--lang", "en")
    assert "a note is a field" in en["message"] and en["hint"].endswith(f"line 11 then reads:     summary: 参加机器人协会的比赛备赛活动。{NOTE}"), en
    assert not re.search("[\u4e00-\u9fff]", en["message"] + en["hint"].split(":     summary: ")[0]), en
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[10] = f["hint"].split("写成：")[1] + "\n"  # (the line as told, in its place)
    del lines[5]  # (the note's line deleted, as told)
    path.write_text("".join(lines), encoding="utf-8")
    assert _validate(work) == []


@pytest.mark.parametrize("where,field", [("  - date: \"2026-04-20\"\n", "summary"), ("period: 2026-H1\n", "reflections")])
def test_a_note_where_its_field_is_not_written_yet_is_given_that_field_s_line(tmp_path, where, field):
    # (an activity without its summary, a ledger without its reflections: the note is the field's line, aligned)
    work, path, text = _ledger(tmp_path)
    text = text.replace("    summary: 参加机器人协会的比赛备赛活动。\n", "") if field == "summary" else text
    path.write_text(text.replace(where, where + NOTE + "\n"), encoding="utf-8")
    [f] = _validate(work)
    spaces = "    " if field == "summary" else ""  # (the line with the spaces it wants: typed in the note's place)
    assert f["code"] == "E-YAML-001" and f["hint"].endswith(f"这一行写成：{spaces}{field}: {NOTE}"), f
    assert ("前面 4 个空格" if field == "summary" else "顶格写") in f["hint"], f
    _type_as_told(path, f)  # (in the note's place: no spaces added)
    assert _validate(work) == []


def test_a_tab_and_a_later_full_width_colon_are_told_in_one_round(tmp_path):
    # (\tplace: 进社团 and, three lines under it, summary：… were told the tab alone, E-YAML-002; typed as told, the next
    # run told the colon, E-YAML-010: two rounds for two lines; a tab before a field's own “：” gave the line typed right
    # without a word of the colon)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    place:", "\tplace:").replace("    summary: ", "    summary："), encoding="utf-8")
    found = _validate(work)
    assert [(f["code"], f["line"]) for f in found] == [("E-YAML-002", 7), ("E-YAML-010", 10)], found
    assert found[1]["hint"].endswith("这一行写成：    summary: 参加机器人协会的比赛备赛活动。"), found[1]
    assert [(f["code"], f["line"]) for f in _validate(work, "--lang", "en")] == [("E-YAML-002", 7), ("E-YAML-010", 10)]
    for f in found:
        _type_as_told(path, f)
    assert _validate(work) == []
    path.write_text(text.replace("    summary: ", "\tsummary："), encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-YAML-002" and "“：”换成英文冒号“:”，这一行写成：    summary: 参加机器人协会的比赛备赛活动。" in f["hint"], f
    [en] = _validate(work, "--lang", "en")
    assert "the full-width '：' with an ASCII ':', which makes the line:     summary: " in en["hint"], en


@pytest.mark.parametrize("folder", ["ledgers/2026-H1/xgb", "ledgers/xgb/2026-H1"])
def test_a_ledger_filed_in_its_unit_s_folder_is_told_where_it_goes(tmp_path, folder):
    # (ledgers/2026-H1/xgb/li-na.yaml, a folder of 李娜's unit made for it, was told 文件不在已知的记录目录中 … 记录文件只能
    # 放在 README“记录目录”一节列出的位置；请移动或删除它 — which folder, or delete her ledger?)
    work, path, _text = _ledger(tmp_path)
    (work / "records" / folder).mkdir(parents=True)
    path.rename(work / "records" / folder / "li-na.yaml")
    [f] = _validate(work)
    assert f["code"] == "E-LOAD-004" and f["hint"] == "台账直接放在期间的文件夹中，不按单位或别的分类再分文件夹：" \
        "请把它移到 records/ledgers/2026-H1/li-na.yaml。", f
    [en] = _validate(work, "--lang", "en")
    assert en["hint"].endswith("move it to records/ledgers/2026-H1/li-na.yaml."), en
    (work / "records" / folder / "li-na.yaml").rename(work / f["hint"].split("移到 ")[1].rstrip("。"))
    assert _validate(work) == []


def test_a_kept_copy_of_a_filed_ledger_is_told_to_be_merged_into_it_not_moved_onto_it(tmp_path):
    # (a copy kept in ledgers/2026-H1/备份/ was told 请把它移到 records/ledgers/2026-H1/li-na.yaml, the ledger filed
    # there: following it overwrote her filed ledger with the copy)
    work, path, text = _ledger(tmp_path)
    (work / "records" / "ledgers" / "2026-H1" / "备份").mkdir()
    copy = work / "records" / "ledgers" / "2026-H1" / "备份" / "li-na.yaml"
    copy.write_text(text, encoding="utf-8")
    [f] = _validate(work)
    assert f["code"] == "E-LOAD-004" and f["hint"] == "已有同名台账 records/ledgers/2026-H1/li-na.yaml：" \
        "请比较两份，把要保留的内容并入它，再删除这一份。", f
    assert "移到" not in f["hint"], f
    [en] = _validate(work, "--lang", "en")
    assert en["hint"] == "A ledger of the same name is filed already, records/ledgers/2026-H1/li-na.yaml: compare " \
        "the two, merge into it what is to be kept, then delete this one.", en
    copy.unlink()  # (done as told: the filed ledger kept, this copy deleted)
    assert _validate(work) == [] and path.read_text(encoding="utf-8") == text


def test_a_tab_s_line_to_type_puts_its_value_right_before_a_trailing_comment(tmp_path):
    # (\t学生人数：25人 # 估计 was given the line     students: 25人 # 估计 — the value left as it was, its comment read
    # with it — which the next run refused, E-SCHEMA-003 应为整数)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    students: 25", "\t学生人数：25人 # 估计"), encoding="utf-8")
    [f] = [f for f in _validate(work) if f["code"] == "E-YAML-002"]
    assert f["hint"].endswith("值“25人”写成 25，这一行写成：    students: 25 # 估计"), f
    [en] = [f for f in _validate(work, "--lang", "en") if f["code"] == "E-YAML-002"]
    assert en["hint"].endswith("the value '25人' as 25, which makes the line:     students: 25 # 估计"), en
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[f["line"] - 1] = f["hint"].split("这一行写成：")[1] + "\n"  # (typed as told)
    path.write_text("".join(lines), encoding="utf-8")
    assert _validate(work) == []
    assert "    students: 25 # 估计\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("old,new,code,line", [
    ("    students: 25", "    学生人数：#25", "E-YAML-010", "    students: 25"),
    ("    students: 25", "    students: #25", "E-YAML-011", "    students: 25"),  # (each line with its indentation)
    ("    students: 25", "    学生人数: #25", "E-YAML-011", "    students: 25"),
    ('  - date: "2026-04-20"', "  - date: #2026-04-20", "E-YAML-011", "  - date: 2026-04-20"),
    ("    summary: 参加机器人协会的比赛备赛活动。", "    summary: #开学第一课# 主题班会", "E-YAML-011",
     '    summary: "#开学第一课# 主题班会"'),
])
def test_a_value_begun_with_a_hash_is_told_it_is_a_comment_with_the_line_to_type(tmp_path, old, new, code, line):
    # (学生人数：#25 was told 这一行写成：students: …（“”不是联系学生人数可以写的值… — the value quoted empty —, and
    # students: #25 two findings: 应为整数，这里是空的, and E-YAML-011's words for a topic tag #开学第一课#, no line)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, new), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == (code, 5 if "date" in old else 9 if "students" in old else 10), f
    assert f"这一行写成：{line}（值" in f["hint"] and "“#”在 YAML 中是注释的开始" in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert f"The line: {line} (a '#'" in f["hint"] and "comment in YAML" in f["hint"], f
    path.write_text(text.replace(old, (line if line.startswith(" ") else new[:len(new) - len(new.lstrip(" "))] + line)),
                    encoding="utf-8")
    assert _validate(work) == [], f


@pytest.mark.parametrize("written,code", [("    topics: #诚信考试", "E-YAML-011"), ("    主题：#诚信考试", "E-YAML-010")])
def test_a_list_s_value_begun_with_a_hash_is_given_the_list_s_form(tmp_path, written, code):
    # (topics: #诚信考试 was told 这一行写成：topics: …（“诚信考试”不是主题可以写的值，这里要写一个列表…）: untrue — 诚信考试 is a
    # topic — and never that the '#' began a comment)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    students: 25\n", f"    students: 25\n{written}\n"), encoding="utf-8")
    [f] = _validate(work)
    spaces = "    "  # (E-YAML-010's and E-YAML-011's line with its indentation)
    assert (f["code"], f["line"]) == (code, 10), f
    assert "不是主题可以写的值" not in f["hint"] and f["hint"].endswith(
        f"这一行写成：{spaces}topics:，下面加一行：      - 诚信考试（值前面的“#”在 YAML 中是注释的开始，后面的值读不到：去掉“#”；"
        "这里要写一个列表，每项一行，以“- ”开头）"), f
    [f] = _validate(work, "--lang", "en")
    assert "is no value of" not in f["hint"] and f["hint"].endswith(
        f"The line: {spaces}topics:, and under it the line:       - 诚信考试 (a '#' before the value starts a comment in YAML, and "
        "the value after it is not read: drop the '#'; this is a list, an item a line, each beginning '- ')"), f
    path.write_text(text.replace("    students: 25\n", "    students: 25\n    topics:\n      - 诚信考试\n"), encoding="utf-8")
    assert _validate(work) == []  # (typed as told: clean)


@pytest.mark.parametrize("old,new,line", [
    ("    students: 25", "    students:#25", "students: 25"),
    ("    students: 25", "    students:#25 # 估计", "students: 25 # 估计"),
    ('  - date: "2026-04-20"', "  - date:#2026-04-20", "- date: 2026-04-20"),
    ("    summary: 参加机器人协会的比赛备赛活动。", "    summary:#开学第一课# 主题班会", 'summary: "#开学第一课# 主题班会"'),
])
def test_a_value_begun_with_a_hash_and_no_space_after_the_colon_is_given_the_line_to_type(tmp_path, old, new, line):
    # (students:#25 was told E-YAML-001 像是一句说明写在了“channel”的下面 … 第 10 行写成：summary: 参加机器人协会的比赛备赛活动。
    # students:#25 — the count appended to the summary, and neither the '#' nor the missing space said)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, new), encoding="utf-8")
    [f] = _validate(work)
    row = 5 if "date" in old else 9 if "students" in old else 10
    assert (f["code"], f["line"], f["column"]) == ("E-YAML-013", row, new.index(":") + 1), f
    assert f["message"].startswith(f"冒号后面少了一个空格：“{new.strip().removeprefix('- ')}”"), f
    line = new[:len(new) - len(new.lstrip(" "))] + line  # (with the line's indentation)
    assert f["hint"].startswith(f"请在冒号后面加一个空格，这一行写成：{line}（值") and "“#”在 YAML 中是注释的开始" in f["hint"], f
    assert "summary: 参加" not in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].startswith(f"Add a space after the colon, which makes the line: {line} (a '#'") \
        and "comment in YAML" in f["hint"], f
    path.write_text(text.replace(old, line), encoding="utf-8")  # (typed as told)
    assert _validate(work) == [], f


@pytest.mark.parametrize("written,least", [("20-30", 20), ("20~30人", 20), ("二十到三十人", 20), ("约15至20名", 15)])
def test_a_count_written_as_a_range_is_told_to_write_the_count_reached_with_the_least_one(tmp_path, written, least):
    # (students: 20-30 was told 请只写阿拉伯数字，如 30。 — no line, and 30 a number of neither the range nor the ledger)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    students: 25", f"    students: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == ("E-SCHEMA-003", 9), f
    assert f["hint"] == f"“{written}”是一个范围，“联系学生人数”只写一个整数，写实际的人数；记不清确切人数时，" \
        f"写能确认的最少人数，这一行写成：    students: {least}", f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"] == f"'{written}' is a range: activities[0].students is one whole number, the actual count; " \
        f"if the exact count is not known, the least you can vouch for. The line:     students: {least}", f
    path.write_text(text.replace("    students: 25", f"    students: {least}"), encoding="utf-8")  # (typed as told)
    assert _validate(work) == []


@pytest.mark.parametrize("written", ["30-20", "0-5", "20-30-40"])
def test_a_count_that_is_no_range_of_counts_is_told_as_before(tmp_path, written):
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("    students: 25", f"    students: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["hint"]) == ("E-SCHEMA-003", "请只写阿拉伯数字，如 30。"), f


@pytest.mark.parametrize("old,new,line,at", [
    ('  - date: "2026-04-20"', "  - date: 2026-04-20。", "  - date: 2026-04-20", (5, 11)),
    ('  - date: "2026-04-20"', "  - date: 2026年4月20日。", "  - date: 2026-04-20", (5, 11)),
    ("    students: 25", "    students: 25。", "    students: 25", (9, 15)),
    ("    students: 25", "    students: 25人。", "    students: 25", (9, 15)),
])
def test_a_date_or_a_count_pasted_with_a_full_stop_is_given_the_line_without_it(tmp_path, old, new, line, at):
    # (a sentence's 。 pasted from Word or WeChat after the value: date: 2026-04-20。 was told only 日期请写成 YYYY-MM-DD，
    # 如 2026-09-15。, students: 25。 请只写阿拉伯数字，如 30。 — no line to type)
    zh, en, typed = _told_once(tmp_path, old, new)
    assert (zh["line"], zh["column"]) == at and zh["hint"].endswith(f"这一行写成：{line}"), zh
    assert en["hint"].endswith(f"The line: {line}"), en
    assert typed(zh["hint"].split("这一行写成：")[1]) == []  # (typed as told: clean)


@pytest.mark.parametrize("old,new,line,column", [
    ("    channel: 面对面", "    channel: 面对面。", "    channel: 面对面", 14),
    ("    form: 社团活动", "    form: 社团活动，", "    form: 社团活动", 11),
])
def test_a_word_of_a_vocabulary_pasted_with_a_full_stop_is_told_of_the_mark_and_given_a_line_that_ends_without_one(
        tmp_path, old, new, line, column):
    # (channel: 面对面。 was told 是不是“面对面”？这一行写成：channel: 面对面。可选值… — the line and the sentence's 。 read
    # together as what was typed, and nothing of the mark)
    zh, en, typed = _told_once(tmp_path, old, new)
    assert (zh["code"], zh["line"], zh["column"]) == ("E-REF-005", old.startswith("    channel") and 8 or 6, column), zh
    mark = new[-1]
    assert zh["hint"].startswith(f"“{line.split(': ')[1]}”后面的“{mark}”会被当成词的一部分：请删掉它。"), zh
    assert zh["hint"].endswith(f"这一行写成：{line}"), zh
    assert en["hint"].startswith(f"The '{mark}' after '{line.split(': ')[1]}' is read as part of the word: delete it. "), en
    assert en["hint"].endswith(f" The line: {line}"), en
    assert typed(zh["hint"].split("这一行写成：")[1].split("（")[0]) == []  # (typed as told in the line's place: clean)


@pytest.mark.parametrize("new,line", [
    ("    topics: 学业、就业", "    topics: [学业, 就业]"),  # (as an input method lists them)
    ("    topics: 学业，就业指导", "    topics: [学业, 就业指导]"),
    ("    topics: 学业发展", "    topics: [学业发展]"),  # (one item)
])
def test_a_list_written_as_a_text_of_items_is_given_the_line_to_type(tmp_path, new, line):
    # (topics: 学业、就业 was told …也可以写在方括号里，用英文逗号分开，这里写成 [学业, 就业]。 — the value, not the line)
    zh, en, typed = _told_once(tmp_path, "    summary:", f"{new}\n    summary:")
    assert (zh["code"], zh["line"], zh["column"]) == ("E-SCHEMA-003", 10, 13), zh
    assert zh["hint"].endswith(f"这一行写成：{line}"), zh
    assert en["hint"].endswith(f"The line: {line}"), en
    assert typed(zh["hint"].split("这一行写成：")[1] + "\n    summary:") == []  # (typed as told: clean)


@pytest.mark.parametrize("written", ["", "# 待填写\n"])
def test_an_empty_ledger_is_told_the_command_that_writes_it_prefilled(tmp_path, written):
    # (an empty ledger was told only 请填写内容，或删除这个空文件。 — nothing of what a ledger holds or of `new ledger`,
    # which writes one prefilled with the cadre, the period and the contact points)
    work, path, _text = _ledger(tmp_path)
    path.write_text(written, encoding="utf-8")
    command = "python -m generator new ledger --cadre li-na --period 2026-H1"
    [f] = _validate(work)
    assert (f["code"], f["file"], f["line"]) == ("E-LOAD-002", f"records/{LEDGER}", None), f
    assert f"先删掉这个空文件，再运行 {command}（" in f["hint"], f
    [f] = _validate(work, "--lang", "en")
    assert f"delete the empty file, then run {command} (" in f["hint"], f
    path.unlink()  # (done as told)
    run = B.run_cli(B.REPO, work, *command.split()[3:])
    assert run.returncode == 0 and path.is_file() and "Traceback" not in run.stderr, run.stderr
    assert all(f["code"] != "E-LOAD-002" and "Traceback" not in f["message"] for f in _validate(work))
    (work / "records" / "cadres" / "li-na.yaml").write_text("", encoding="utf-8")  # (no ledger: no command, but a
    [f] = [f for f in _validate(work) if f["code"] == "E-LOAD-002"]  # cadre's lines, from the schema's example)
    assert f["code"] == "E-LOAD-002" and "new ledger" not in f["hint"] and f["hint"] == (  # (her facts: their shape)
        "请填写内容，或删除这个空文件。请在文件末尾加上这几行（把“待填写”换成实际的）：name: 待填写，下一行：position: "
        "待填写，下一行：unit: 待填写，下一行：active_from: 待填写"), f
    # (they were 张伟, 计算机科学与工程学院院长, cse, 2024-09-01: typed as told, a cadre record that validated — of
    # somebody else; the placeholders never do, and each says so)
    lines = f["hint"].split("）：", 1)[1].split("，下一行：")
    (work / "records" / "cadres" / "li-na.yaml").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    told = [f for f in _validate(work) if f["file"] == "records/cadres/li-na.yaml"]
    assert [(f["code"], f["line"]) for f in told] == [("E-SCHEMA-011", n) for n in (1, 2, 3, 4)], told
    assert told[1]["message"] == "“职务”还是占位的“待填写”，不是实际的值" and "请换成实际的“职务”" in told[1]["hint"], told


def test_an_empty_ledger_s_command_is_given_only_for_a_cadre_on_record_and_with_its_records_folder_quoted(tmp_path):
    # (an empty ledgers/2026-H1/zhang-san.yaml, no cadre zhang-san, was told to run new ledger --cadre zhang-san, which
    # fails (E-NEW-001); a records folder holding a space was told `--records …`, a command nobody can run)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "my records")
    path = work / "my records" / LEDGER
    path.write_text("", encoding="utf-8")
    nobody = work / "my records" / "ledgers" / "2026-H1" / "zhang-san.yaml"
    nobody.write_text("# 待填写\n", encoding="utf-8")
    told = {lang: {f["file"]: f["hint"] for f in _validate(work, "--records", "my records", "--lang", lang)}
            for lang in ("zh", "en")}
    assert set(told["zh"]) == set(told["en"]) == {f"my records/{LEDGER}", "my records/ledgers/2026-H1/zhang-san.yaml"}
    zh, en = told["zh"]["my records/ledgers/2026-H1/zhang-san.yaml"], told["en"]["my records/ledgers/2026-H1/zhang-san.yaml"]
    assert "new ledger" not in zh + en, (zh, en)
    assert zh == ("请填写内容，或删除这个空文件。台账的文件名是干部编号，但没有这位干部的记录 my records/cadres/zhang-san.yaml："
                  "请核对文件名 zhang-san.yaml 是否写对；写对了，先请管理员添加这位干部的记录，再生成台账。"), zh
    assert "but there is no my records/cadres/zhang-san.yaml: check the file name zhang-san.yaml;" in en, en
    command = "python -m generator new ledger --cadre li-na --period 2026-H1 --records 'my records'"
    assert f"先删掉这个空文件，再运行 {command}（" in told["zh"][f"my records/{LEDGER}"]
    assert f"delete the empty file, then run {command} (" in told["en"][f"my records/{LEDGER}"]
    path.unlink()  # (done as told, the command split as a shell splits it)
    run = B.run_cli(B.REPO, work, *shlex.split(command)[3:])
    assert run.returncode == 0 and path.is_file() and "Traceback" not in run.stderr, run.stderr
    assert [f["file"] for f in _validate(work, "--records", "my records") if f["code"] == "E-LOAD-002"] \
        == ["my records/ledgers/2026-H1/zhang-san.yaml"]  # (li-na's written: its 待填写 told, not empty)
    cadre = (work / "my records" / "cadres" / "li-na.yaml").read_text(encoding="utf-8").replace("李娜", "张三")
    (work / "my records" / "cadres" / "zhang-san.yaml").write_text(cadre, encoding="utf-8")  # (the cadre added)
    [zh] = [f["hint"] for f in _validate(work, "--records", "my records") if f["code"] == "E-LOAD-002"]  # (a warm run)
    assert "new ledger --cadre zhang-san --period 2026-H1 --records 'my records'（" in zh, zh


@pytest.mark.parametrize("new,code,column,indent", [
    ("    students:20-30", "E-YAML-013", 13, "    "),  # (no space after the colon: the line with its indentation)
    ("    学生人数：20-30", "E-YAML-010", 9, "    "),  # (the field's Chinese title and an input method's colon)
    ("    students：20~30人", "E-YAML-010", 13, "    "),
])
def test_a_count_written_as_a_range_with_the_colon_wrong_is_given_the_least_count_in_one_round(tmp_path, new, code, column,
                                                                                              indent):
    # (students:20-30 was told 写成 students: 20-30 — typed as told, the next run refused the range (E-SCHEMA-003);
    # 学生人数：20-30 was told students: …（“20-30”不是联系学生人数可以写的值…）, no count and no word of a range)
    zh, en, typed = _told_once(tmp_path, "    students: 25", new)
    assert (zh["code"], zh["line"], zh["column"]) == (code, 9, column), zh
    assert "是一个范围，“联系学生人数”只写一个整数，写实际的人数；记不清确切人数时，写能确认的最少人数，" in zh["hint"], zh
    assert zh["hint"].endswith(f"这一行写成：{indent}students: 20"), zh
    assert "is a range: students is one whole number" in en["hint"], en
    assert en["hint"].lower().endswith(f"the line: {indent}students: 20"), en
    # (typed as told, at the line's place: clean)
    assert typed(" " * (4 - len(indent)) + zh["hint"].split("这一行写成：")[1]) == []


@pytest.mark.parametrize("old,new,line", [
    ("    students: 25", "    students:20-30", "    students: 20"),  # (a range: the least count)
    ("    students: 25", "    students:25人", "    students: 25"),
])  # (a value begun with a '#': test_a_value_begun_with_a_hash_and_no_space_after_the_colon_is_given_the_line_to_type)
def test_a_colon_without_its_space_is_given_the_line_to_type_with_its_indentation(tmp_path, old, new, line):
    # (    students:20-30, 4 spaces in, was told 这一行写成：students: 20 — typed in the line's place, the activity's
    # mapping ended there: a YAML error; students:#25 likewise)
    zh, en, typed = _told_once(tmp_path, old, new)
    assert zh["code"] == "E-YAML-013" and f"请在冒号后面加一个空格，这一行写成：{line}" in zh["hint"], zh
    assert f"Add a space after the colon, which makes the line: {line}" in en["hint"], en
    assert typed(zh["hint"].split("这一行写成：")[1].split("（")[0]) == []  # (typed as told, in the line's place: clean)


@pytest.mark.parametrize("old,first,second", [
    ('  - date: "2026-04-20"\n    form: 社团活动', '  - date: "2026-04-20"', "form: 社团活动"),
    ('  - date: "2026-04-20"\n    form: 社团活动', "  - date: 2026-04-20", "form: 社团活动"),
    ("    place: 进社团\n    channel: 面对面", "    place: 进社团", "channel: 面对面"),
])
def test_two_fields_on_one_line_are_told_to_take_a_line_each(tmp_path, old, first, second):
    # (- date: "2026-04-20" form: 社团活动 was told to quote it all — 这一行写成：- date: '"2026-04-20" form: 社团活动',
    # and date: 2026-04-20 form: 社团活动 — date: "2026-04-20 form: 社团活动": dates the next run refuses)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, f"{first} {second}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["column"]) == ("E-YAML-001", len(first) + 2), f
    assert f["hint"] == f"每个字段各占一行：请把“{second}”写到下一行，与 {first.split()[-2].rstrip(':')} 对齐（前面 4 个空格），" \
                        f"这一行写成：{first}", f  # (with its indentation)
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].startswith(f"Each field has a line of its own: put '{second}' on the next line") and \
        f["hint"].endswith(f"the line: {first}"), f
    path.write_text(text.replace(old, f"{first}\n    {second}"), encoding="utf-8")  # (typed as told)
    assert _validate(work) == []


@pytest.mark.parametrize("old,first,second,other", [
    ('  - date: "2026-04-20"', "  - date: 2026-04-20", "form: 社团活动", 6),  # (form: 社团活动 on the next line too)
    ("    place: 进社团", "    place: 进社团", "form: 社团活动", 6),  # (form: on the line above)
])
def test_a_second_field_on_a_line_that_its_item_has_already_is_told_to_be_deleted_from_the_line(tmp_path, old, first,
                                                                                                   second, other):
    # (  - date: 2026-04-20 form: 社团活动 with form: 社团活动 on the next line was told to put form on a line of its own:
    # typed as told, the next run gave E-YAML-003, a key twice)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, f"{first} {second}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-YAML-001", 5 if "date" in old else 7, len(first) + 2), f
    assert f["hint"] == f"这一项在第 {other} 行已经有 form：请核对两处，把“{second}”从这一行删掉，这一行写成：{first}", f
    assert "另起一行" not in f["message"], f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"] == f"This item has form already, on line {other}: check the two, and delete '{second}' from this " \
                        f"line: {first}", f
    path.write_text(text.replace(old, first), encoding="utf-8")  # (typed as told)
    assert _validate(work) == []


def test_a_second_field_on_the_first_line_of_the_second_activity_is_not_taken_for_the_first_activity_s(tmp_path):
    # (3a33049's look for the field in the item went on up into the activity above, which has form: told to delete
    # form from the line, the second activity would have had none)
    work, path, text = _ledger(tmp_path)
    block = text[text.index("  - date:"):]
    path.write_text(text + block.replace('  - date: "2026-04-20"\n    form: 社团活动', "  - date: 2026-04-27 form: 社团活动"),
                    encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"]) == ("E-YAML-001", 11), f
    assert f["hint"].startswith("每个字段各占一行：请把“form: 社团活动”写到下一行"), f


def test_activities_under_a_list_on_one_line_with_no_activities_line_are_told_to_add_it(tmp_path):
    # (the activities: line left out, the activities after contact_points: [club-robotics] were told only 缩进不一致，
    # 或一行里多写了内容 … 请检查这一行及上一行的缩进 — nothing of the line left out, no line to type)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("activities:\n", ""), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-YAML-001", 4, 3), f
    assert "是“联系学生活动”（activities）的各项，上面却没有“activities:”这一行" in f["message"], f
    assert f["hint"] == "请在第 4 行前面加上一行，与 contact_points 对齐（前面 0 个空格），加上的一行写成：activities:", f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"] == "Add a line before line 4, aligned with contact_points (0 spaces before it): activities:", f


@pytest.mark.parametrize("written", ["Li-Na", "li_na", "LI-NA"])
def test_a_cadre_id_written_with_capitals_or_an_underscore_is_told_once_with_the_line(tmp_path, written):
    # (cadre: Li-Na was told twice at the one place: E-REF-003 与文件名 li-na.yaml 不一致 … 这一行写成：cadre: li-na, and
    # E-SCHEMA-005 格式不对 … 编号只能用英文小写字母 — one mistake, the second finding saying less)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("cadre: li-na", f"cadre: {written}"), encoding="utf-8")
    [f] = _validate(work)
    assert (f["code"], f["line"], f["column"]) == ("E-REF-003", 1, 8) and f["hint"].endswith("这一行写成：cadre: li-na"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].endswith("this ledger is 李娜's: cadre: li-na"), f


@pytest.mark.parametrize("written", ["2026-04-20、2026-04-27", "4月20日和4月27日", "2026-04-20, 2026-04-27"])
def test_two_dates_in_one_activity_are_told_an_item_a_day_with_the_first_s_line(tmp_path, written):
    # (date: 2026-04-20、2026-04-27 was told only 日期请写成 YYYY-MM-DD，如 2026-09-15。 — no word of the two days, no line)
    work, path, text, f = _date_told(tmp_path, written)
    assert f["hint"] == ("这里写了 2 个日期（2026-04-20、2026-04-27），一个日期只能写一天：每一天的活动各写一项（复制这一项，改成那一天），"
                         "这一行写成：  - date: 2026-04-20（2026-04-27 的活动另写一项）"), f
    [f] = _validate(work, "--lang", "en")
    assert f["hint"].startswith("These are 2 dates (2026-04-20, 2026-04-27)") and "The line:   - date: 2026-04-20 (" in f["hint"], f
    block = text[text.index("  - date:"):]
    path.write_text(text.replace('date: "2026-04-20"', "date: 2026-04-20") + block.replace('"2026-04-20"', "2026-04-27"),
                    encoding="utf-8")  # (done as told: clean)
    assert _validate(work) == []


@pytest.mark.parametrize("written,line,outside", [
    ("2026-07-20、2026-07-27", None, "2026-07-20、2026-07-27"),
    ("7月20日和7月27日", None, "2026-07-20、2026-07-27"),
    ("2026-07-20至2026-07-21", None, "2026-07-20"),
    ("2026-04-20、2026-07-27", "  - date: 2026-04-20", "2026-07-27"),
])
def test_listed_or_spanned_days_outside_the_ledger_s_period_are_told_so_not_given_a_line_for_them(tmp_path, written, line,
                                                                                                 outside):
    # (date: 2026-07-20、2026-07-27 in 2026-H1 was told 这一行写成：  - date: 2026-07-20（2026-07-27 的活动另写一项） —
    # typed as told, E-REF-004; 2026-04-20、2026-07-27 was told to write 07-27 in another item of the same ledger)
    work, path, text, f = _date_told(tmp_path, written)
    assert f"{outside} 不在本期 2026-H1（" in f["hint"] and \
        "请核对月份；不在本期的活动，记在 2026-H2 的台账 records/ledgers/2026-H2/li-na.yaml 中。" in f["hint"], f  # (the period named)
    assert "的活动另写一项" not in f["hint"], f
    [f_en] = _validate(work, "--lang", "en")
    assert "is outside period 2026-H1 (" in f_en["hint"] and "in an item of its own" not in f_en["hint"], f_en
    assert "goes in the ledger of 2026-H2, records/ledgers/2026-H2/li-na.yaml." in f_en["hint"], f_en
    if line is None:
        assert "这一行写成" not in f["hint"] and "The line" not in f_en["hint"], (f, f_en)
        return
    assert f"这一行写成：{line}。{outside} 不在本期" in f["hint"] and f"The line: {line}. {outside} is outside" in f_en["hint"], \
        (f, f_en)
    path.write_text(text.replace('  - date: "2026-04-20"', line), encoding="utf-8")  # (typed as told)
    assert _validate(work) == []


@pytest.mark.parametrize("old,new,line", [
    ("    place: 进社团", "    place: [进社团, 进班级]", "    place: 进社团"),
    ("    form: 社团活动", "    form: [社团活动, 座谈交流]", "    form: 社团活动"),
])  # (a block list: test_a_word_of_a_vocabulary_written_as_a_list_is_told_at_its_key_with_the_line_s_indentation)
def test_a_word_of_a_vocabulary_written_as_a_list_is_given_one_word_s_line(tmp_path, old, new, line):
    # (place: [进社团, 进班级] was told “联系场所”应为文字，这里是列表 with the field's description only — 如 进班级、进宿舍、
    # 进网络 — nothing of writing one, no line)
    zh, en, typed = _told_once(tmp_path, old, new)
    assert zh["code"] == "E-SCHEMA-003" and zh["hint"].endswith(
        f"只写一个，不是列表：请写主要的那一个（其他的可以写进活动情况里），这一行写成：{line}"), zh
    assert en["hint"].endswith(f"is one value, not a list: write the main one (the others may go into the summary). "
                               f"The line: {line}"), en
    assert typed(line) == []


@pytest.mark.parametrize("new,at,replace", [
    ("    place:\n      - 进社团\n      - 进班级", (7, 5), "把这一行和下面的 2 项换成一行："),
    ("    place: [进社团, 进班级]", (7, 12), "这一行写成："),
])
def test_a_word_of_a_vocabulary_written_as_a_list_is_told_at_its_key_with_the_line_s_indentation(tmp_path, new, at,
                                                                                                  replace):
    # (the block list was told at its first item's line 这一行写成：place: 进社团 — typed on that line, E-YAML-003, a key
    # twice; and both lost the line's indentation)
    zh, en, typed = _told_once(tmp_path, "    place: 进社团", new)
    assert (zh["code"], zh["line"], zh["column"]) == ("E-SCHEMA-003", *at), zh
    assert zh["hint"].endswith(f"请写主要的那一个（其他的可以写进活动情况里），{replace}    place: 进社团"), zh
    assert en["hint"].endswith(": write the main one (the others may go into the summary). "
                               + ("In the place of this line and the 2 items under it, the line:" if "\n" in new else "The line:")
                               + "     place: 进社团"), en
    assert typed("    place: 进社团") == []


@pytest.mark.parametrize("new,word", [
    ("    place: [社团, 班级]", "进社团"),  # (neither in the vocabulary: the closest to the first, as E-REF-005 says)
    ("    place: [社团, 进班级]", "进班级"),  # (the first of the list in the vocabulary)
])
def test_a_vocabulary_s_field_written_as_a_list_is_offered_a_word_of_the_vocabulary(tmp_path, new, word):
    # (place: [社团, 班级] was told 这一行写成：place: 社团 — typed as told, E-REF-005, not in the vocabulary)
    zh, en, typed = _told_once(tmp_path, "    place: 进社团", new)
    assert zh["code"] == "E-SCHEMA-003" and zh["hint"].endswith(f"这一行写成：    place: {word}"), zh
    assert en["hint"].endswith(f"The line:     place: {word}"), en
    assert typed(f"    place: {word}") == []


def _told_once(tmp_path, old, new):
    """(the one finding of li-na's ledger with `old` written `new`, zh and en; a function of the text typed as told
    in the place of `new` → the errors then)."""
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace(old, new), encoding="utf-8")
    [zh], [en] = _validate(work), _validate(work, "--lang", "en")

    def typed(line):
        path.write_text(text.replace(old, line), encoding="utf-8")
        return _validate(work)
    return zh, en, typed



HER_LEDGER = """\
cadre: ouyang-nana
period: 2026-H2
contact_points: [ag-2026-01]
activities:
  - date: "2026-09-10"
    form: 田间调研
    place: 进实验田
    channel: 面对面
    students: 32
    summary: 带领全班同学到实验田调研秋收情况。
"""


@pytest.mark.parametrize("own,new,title,word", [
    (False, "    place: [社团, 班级]", "联系场所", "进社团"),  # (the demo's minimal records: the closest to the first)
    (False, "    channel: [线上, 面对面]", "联系方式", "面对面"),  # (the first of the list in the vocabulary)
    (True, "    place: [实验田, 宿舍]", "联系场所", "进实验田"),  # (北方农林大学's own words, none of the demo's)
    (True, "    form: [调研, 主题班会]", "联系形式", "主题班会"),
])
def test_a_vocabulary_s_word_written_as_a_list_is_told_from_the_finding_s_data_not_its_words(tmp_path, own, new,
                                                                                                title, word):
    # (the pipeline read the field's title out of the Chinese hint, and picked the finding by a phrase of it: a
    # change of the words, or a title holding ”, left the list's first offered — E-REF-005 once typed — silently)
    from test_own_records_form import OWN

    key = new.split(":")[0].strip()
    if own:
        work = tmp_path / "work"
        for rel, text in {**OWN, "records/ledgers/2026-H2/ouyang-nana.yaml": HER_LEDGER}.items():
            (work / rel).parent.mkdir(parents=True, exist_ok=True)
            (work / rel).write_text(text, encoding="utf-8")
        path = work / "records/ledgers/2026-H2/ouyang-nana.yaml"
        text = path.read_text(encoding="utf-8")
    else:
        work, path, text = _ledger(tmp_path)
    old = next(line for line in text.splitlines() if line.startswith(f"    {key}:"))
    path.write_text(text.replace(old, new), encoding="utf-8")
    [zh], [en] = _validate(work), _validate(work, "--lang", "en")
    line = {"form": 6, "place": 7, "channel": 8}[key]
    assert (zh["code"], zh["line"], zh["column"]) == ("E-SCHEMA-003", line, len(key) + 7), zh
    assert zh["hint"] == (f"“{title}”只写一个，不是列表：请写主要的那一个（其他的可以写进活动情况里），"
                          f"这一行写成：    {key}: {word}"), zh
    assert en["hint"] == (f"'{key}' is one value, not a list: write the main one (the others may go into the summary). "
                          f"The line:     {key}: {word}"), en
    assert zh["data"] == en["data"] == {"listed": {"path": ["activities", 0, key], "title": title}}, zh
    path.write_text(text.replace(old, f"    {key}: {word}"), encoding="utf-8")
    assert _validate(work) == []


def _with_synonym(tmp_path, ledger):
    """(the work folder, `ledger`'s path in a copy of the minimal records whose policy says 线下 for 面对面, its text)."""
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    policy = work / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  channels: [面对面, 键对键]\n", "  channels: [面对面, 键对键]\n  synonyms:\n    - {word: 面对面, also: [线下]}\n"),
        encoding="utf-8")
    path = work / "records" / ledger
    return work, path, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("ledger,old,new,line", [
    (LEDGER, "    place: 进社团", "    place: 班级", "    place: 进班级"),  # (是不是“进班级”？)
    (LEDGER, "    form: 社团活动", "    form: “社团活动”", "    form: 社团活动"),  # (in Chinese quotes)
    (LEDGER, "    channel: 面对面", "    channel: 面对面。", "    channel: 面对面"),  # (a sentence's mark after it)
    (LEDGER, "    channel: 面对面", "    channel: 线下", "    channel: 面对面"),  # (the policy's synonym)
    ("ledgers/2026-H1/zhang-wei.yaml", "    status: 已解决", "    status: 解决", "    status: 已解决"),  # (feedback)
])
def test_a_word_not_in_the_vocabulary_is_given_its_line_with_the_line_s_indentation(tmp_path, ledger, old, new, line):
    # (place: 班级 under an activity's “  - ” was told 是不是“进班级”？这一行写成：place: 进班级。 — typed as told in the
    # line's place, the field at the margin, no longer the activity's: E-YAML-001)
    work, path, text = _with_synonym(tmp_path, ledger)
    path.write_text(text.replace(old, new), encoding="utf-8")
    [zh], [en] = _validate(work), _validate(work, "--lang", "en")
    assert (zh["code"], zh["file"], zh["line"]) == ("E-REF-005", f"records/{ledger}", text[:text.index(old)].count("\n") + 1), zh
    assert f"这一行写成：{line}" in zh["hint"] and f": {line}" in en["hint"], (zh, en)
    typed = zh["hint"].split("这一行写成：")[1].split("。")[0].split("（")[0]
    assert typed == line, zh
    path.write_text(text.replace(old, typed), encoding="utf-8")  # (the hint's line in the place of the whole line)
    assert _validate(work) == []


@pytest.mark.parametrize("written", ["2026年4月20日", "4月20日", "2026/4/20"])
def test_a_date_in_the_folder_s_period_is_given_its_line_where_the_ledger_says_another_period(tmp_path, written):
    # (a ledger copied from the last half-year's into 2026-H1 with its period: 2025-H2 left, and a date pasted in
    # Chinese: E-REF-003 told period: 2025-H2 与台账所在的文件夹 ledgers/2026-H1/ 不一致（应为“2026-H1”）, while the
    # date's hint judged it by the period written — 这里读出的日期是 2026-04-20，2026 年 4 月不在本期 2025-H2…：请核对月份；
    # 不在本期的活动，记在它所在期间的台账中 — a cadre told to change a right month, or to move the activity out of its
    # own ledger; now a day in the folder's period is given its line, as in a ledger whose period is right)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("period: 2026-H1", "period: 2025-H2").replace('date: "2026-04-20"', f"date: {written}"),
                    encoding="utf-8")
    found = _validate(work)
    assert sorted(f["code"] for f in found) == ["E-REF-003", "E-SCHEMA-005"], found
    [period] = [f for f in found if f["code"] == "E-REF-003"]
    [date] = [f for f in found if f["code"] == "E-SCHEMA-005"]
    assert "应为“2026-H1”" in period["message"], period
    assert "不在本期" not in date["hint"] and date["hint"].endswith("这一行写成：  - date: 2026-04-20"), date
    [date_en] = [f for f in _validate(work, "--lang", "en") if f["code"] == "E-SCHEMA-005"]
    assert "outside" not in date_en["hint"] and date_en["hint"].endswith("The line:   - date: 2026-04-20"), date_en
    for told in (date, None):  # (typed as told in the line's place, the date; then the period as the next run tells it)
        if told is None:
            [told] = _validate(work)
            assert told["code"] == "E-REF-003" and told["hint"].endswith("这一行写成：period: 2026-H1"), told
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        lines[told["line"] - 1] = told["hint"].split("这一行写成：")[1] + "\n"
        path.write_text("".join(lines), encoding="utf-8")
    assert _validate(work) == []


@pytest.mark.parametrize("written,told", [("9月20日", "2026-09-20"), ("12月5日", "2026-12-05")])
def test_a_date_in_neither_the_folder_s_period_nor_the_one_written_is_read_in_the_folder_s(tmp_path, written, told):
    # (ledgers/2026-H1/ with period: 2024-H1 left in it, and 9月20日: told 没有写年份：本期 2024-H1 的日期都在 2024 年。
    # 这里读出的日期是 2024-09-20，…不在本期 2024-H1…记在 2024-H2 的台账 records/ledgers/2024-H2/li-na.yaml 中 — the year of a
    # period E-REF-003 tells to change to the folder's, and a ledger of two years before; E-REF-004 reads a date by the
    # folder's period: 2026-H1, and the day's ledger 2026-H2's)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace("period: 2026-H1", "period: 2024-H1").replace('date: "2026-04-20"', f"date: {written}"),
                    encoding="utf-8")
    [date] = [f for f in _validate(work) if f["code"] == "E-SCHEMA-005"]
    assert "没有写年份：本期 2026-H1 的日期都在 2026 年。" in date["hint"] and f"这里读出的日期是 {told}" in date["hint"], date
    assert date["hint"].endswith("记在 2026-H2 的台账 records/ledgers/2026-H2/li-na.yaml 中。") and "2024" not in date["hint"], date
    [en] = [f for f in _validate(work, "--lang", "en") if f["code"] == "E-SCHEMA-005"]
    assert f"period 2026-H1 is in 2026. This reads as {told}" in en["hint"] and "2024" not in en["hint"], en
    assert en["hint"].endswith("goes in the ledger of 2026-H2, records/ledgers/2026-H2/li-na.yaml."), en
    path.write_text(text.replace('date: "2026-04-20"', f"date: {written}"), encoding="utf-8")  # (its period the folder's)
    [same] = _validate(work)
    assert same["hint"] == date["hint"], (same, date)


@pytest.mark.parametrize("old,new", [
    ("    channel: 面对面", "    channel: 线下"),  # (the policy's synonym)
    ("    place: 进社团", "    place: 社团"),  # (the closest word)
    ("    form: 社团活动", "    form: “社团活动”"),  # (Word's quotes)
    ("    channel: 面对面", "    channel: 面对面。"),  # (a sentence's mark)
])
def test_a_word_not_in_the_vocabulary_is_given_its_line_last_so_that_all_after_the_words_is_the_line(tmp_path, old, new):
    # (channel: 线下 was told “线下”在词表中写作“面对面”，这一行写成：    channel: 面对面。可选值：… — walked as a
    # cadre, the line copied as it reads, with its 。, was refused again: “面对面。”不在政策词表中, 。会被当成词的一部分;
    # the English The line:     channel: 面对面. Allowed: … the same; now the line ends the hint, nothing after it)
    work, path, text = _with_synonym(tmp_path, LEDGER)
    assert old in text
    for lang, words in (("zh", "这一行写成："), ("en", "The line: ")):
        path.write_text(text.replace(old, new), encoding="utf-8")
        [f] = _validate(work, "--lang", lang)
        assert f["code"] == "E-REF-005" and words in f["hint"], f
        typed = f["hint"].split(words)[1]
        assert typed == old, f
        path.write_text(text.replace(new, typed), encoding="utf-8")  # (all after the words, typed in the line's place)
        assert _validate(work) == [], (lang, typed)


@pytest.mark.parametrize("written,line,there", [
    # (last year's, as the year begins: the year mistyped; 李娜's first point starts on 2025-09-01 in these records,
    # so no 2025-H1 ledger is hers to move it to — E-CHK-004 would refuse one —: the hint says her point's first day)
    ("2025-04-20", "  - date: 2026-04-20", None),
    ('"2025-04-20"', "  - date: 2026-04-20", None),
    ('"2026-07-20"', None, "2026-H2"),  # (a day of the next period: its ledger, no line — the day meant is not known)
])
def test_an_activity_s_date_outside_the_period_is_given_the_line_where_the_year_is_mistyped_and_the_ledger_it_goes_in(
        tmp_path, written, line, there):
    # (date: 2025-04-20 in 2026-H1 was told only 请检查日期；其他期间的活动请记入那一期的台账。 — no line, where the day
    # with the period's year is the one day of it the date can mean, and no word of which ledger is that period's)
    work, path, text = _ledger(tmp_path)
    path.write_text(text.replace('date: "2026-04-20"', f"date: {written}"), encoding="utf-8")
    [zh], [en] = _validate(work), _validate(work, "--lang", "en")
    assert (zh["code"], zh["line"], zh["column"]) == ("E-REF-004", 5, 11), zh
    day = written.strip('"')
    ledger = f"records/ledgers/{there}/li-na.yaml"
    if there is None:
        assert "安排表中李娜的联系点从 2025-09-01 开始" in zh["hint"] and "2025-H1" not in zh["hint"], zh
        assert "李娜's contact point in the assignment table starts on 2025-09-01" in en["hint"], en
    else:
        assert f"{day} 的活动请记入 {there} 的台账 {ledger}。" in zh["hint"], zh
        assert f"goes in the ledger of {there}, {ledger}" in en["hint"], en
    if line is None:
        assert "写成" not in zh["hint"] and "The line" not in en["hint"], (zh, en)
        return
    assert zh["hint"].startswith(f"年份写错了吗？这一行写成：{line}；"), zh
    assert en["hint"].startswith(f"Is the year mistyped? The line: {line}. "), en
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[4] = zh["hint"].split("这一行写成：")[1].split("；")[0]  # (typed as told, in the line's place)
    path.write_text("\n".join(lines), encoding="utf-8")
    assert _validate(work) == []


def test_a_cadre_id_not_on_record_is_told_the_records_folder_given_and_the_command_with_the_id_meant(tmp_path):
    # (new ledger --records 'my records' --cadre li-nn was told 干部编号就是 records/cadres/ 中的文件名 — a folder of
    # another name, or none — and 是不是“li-na”？ with no command to run)
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "my records")
    told = {}
    for lang in ("zh", "en"):
        run = B.run_cli(B.REPO, work, "new", "ledger", "--records", "my records", "--cadre", "li-nn", "--period", "2026-H2",
                        "--format", "json", "--lang", lang)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        [told[lang]] = json.loads(run.stdout)
    command = "python -m generator new ledger --cadre li-na --period 2026-H2 --records 'my records'"
    assert told["zh"]["code"] == "E-NEW-001" and told["zh"]["file"] == "my records/cadres", told
    assert told["zh"]["hint"] == f"干部编号就是 my records/cadres/ 中的文件名（不含 .yaml）。是不是“li-na”？这样运行：{command}", told
    assert told["en"]["hint"] == f"A cadre id is a file name in my records/cadres/ (without .yaml). Did you mean 'li-na'? " \
                                 f"Run: {command}", told
    run = B.run_cli(B.REPO, work, *shlex.split(told["zh"]["hint"].split("这样运行：")[1])[3:])  # (run as told)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert (work / "my records" / "ledgers" / "2026-H2" / "li-na.yaml").is_file()
    run = B.run_cli(B.REPO, work, "new", "ledger", "--records", "my records", "--cadre", "li-na", "--period", "2026-H3")
    assert "代号见 my records/policy.yaml 的 ledger.periods" in run.stdout, run.stdout  # (E-NEW-002's, likewise)
