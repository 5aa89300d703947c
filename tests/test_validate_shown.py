"""The value a finding quotes is the value as the cadre typed it on the line, in both languages —
not Python's or JSON's spelling of it (a backslash doubled, a quote escaped), through the real CLI."""
from __future__ import annotations

import json

import pytest

import bad_records as B
from test_yaml_traps import LEDGER, edit, only, records, validate  # noqa: F401 (records: a fixture)


_SHOWN = [  # (code, file, field as in the minimal set, zh message, en message, values typed)
    ("E-SCHEMA-005", LEDGER, 'date: "2026-04-20"', "“日期”的格式不对：{}",
     "'activities[0].date' is not in the expected format: {}",
     [r"2026\3\5",  # a date typed with backslashes
      "'2026\"3\"5'",  # in single quotes, with a double quote inside
      r'"2026\u5e743\u67085\u65e5"',  # 2026年3月5日 as escapes, as an old web form wrote it
      "2026.3.5"]),
    # (E-SCHEMA-003 and -004 quoted the value as JSON spells it: 这里是文字："25\\3" for '25\3')
    ("E-SCHEMA-003", LEDGER, "students: 25", "“联系学生人数”应为整数，这里是文字：{}",
     "'activities[0].students' must be an integer; found text: {}",
     [r"'25\3'", "'25\u3000'", r'"2\u0035"']),
    ("E-SCHEMA-004", "units.yaml", "type: 部门", "“单位类型”的值 {} 不在允许范围内", "'units[1].type' value {} is not allowed",
     [r"'部\门'", "'部\"门'", "处室\u3000X"]),
]


@pytest.mark.parametrize("code,rel,old,zh,en,typed",
                         [(*case[:5], typed) for case in _SHOWN for typed in case[5]])
def test_a_value_is_shown_as_typed(records, code, rel, old, zh, en, typed):
    edit(records, rel, old, f"{old.split(':')[0]}: {typed}")
    f = only(validate(records), code)
    assert f["message"] == zh.format(typed), f
    f = only(validate(records, "--lang", "en"), code)
    assert f["message"] == en.format(typed), f


@pytest.mark.parametrize("char,name", [("\u3000", "中文（全角）空格"), ("\u00a0", "不换行空格"), ("\u200b", "零宽空格")])
@pytest.mark.parametrize("rel,old,new,typed", [
    ("cadres/li-na.yaml", "unit: xgb", "unit: xgb{c}", "unit: xgb"),
    (LEDGER, "contact_points: [club-robotics]", "contact_points: [club-robotics{c}]", "contact_points: [club-robotics]"),
    # (an item of a list under its field: the line with its spaces, to be typed in its place — was - club-robotics)
    (LEDGER, "contact_points: [club-robotics]", "contact_points:\n  - club-robotics{c}", "  - club-robotics"),
])
def test_an_id_with_a_character_nobody_sees_after_it_is_one_error_with_the_line_to_type(records, char, name, rel, old,
                                                                                       new, typed):
    # (was E-REF-001 不存在 and E-SCHEMA-005 格式不对 at the same place, for one character too many)
    edit(records, rel, old, new.format(c=char))
    f = only(validate(records), "E-SCHEMA-005")
    assert f"末尾多了一个{name}（看不出来），请删掉它，这一行写成：{typed}" in f["hint"], f
    assert "编号只能用" not in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-005")
    assert f["hint"].endswith(f"delete it. The line: {typed}"), f


def test_a_git_account_in_the_wrong_format_is_not_told_the_rule_of_ids(records):
    # (git: Li_Na was told 编号只能用英文小写字母、数字和连字符“-”，如 zhang-wei — but a Git account may
    # have capitals; what is wrong is the “_”)
    edit(records, "cadres/li-na.yaml", "git: li-na", "git: Li_Na")
    f = only(validate(records), "E-SCHEMA-005")
    assert "小写" not in f["hint"] and "英文字母、数字和连字符" in f["hint"], f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-005")
    assert "lower-case" not in f["hint"] and "letters, digits and '-'" in f["hint"], f


def test_a_value_against_a_rule_without_its_own_words_is_shown_as_typed(tmp_path):
    program, work = B.build("E-SCHEMA-010", tmp_path)
    edit(work, "cadres/li-na.yaml", "name: 佚名", "name: '佚名'")  # (JSON showed it "佚名")
    run = B.run_cli(program, work, "validate", "--format", "json")
    f = only([f for f in json.loads(run.stdout) if f["severity"] == "error"], "E-SCHEMA-010")
    assert f["message"].endswith("：'佚名'"), f
