"""`python -m generator import`: the columns a real list has that name one field twice, a record's
status, two fields in one cell, two-digit years — real files, the real CLI."""
from __future__ import annotations

import yaml

from test_import_org import cli, work, xlsx  # noqa: F401 - work is a fixture


def clubs_of(work):
    return {c["name"]: c for c in yaml.safe_load((work / "records/clubs.yaml").read_text(encoding="utf-8"))["clubs"]}


def test_a_club_list_with_both_guiding_and_host_units_takes_the_guiding_one_and_says_so(work):
    """The 校团委's list has 业务指导单位 and 挂靠单位: it was E-IMP-009 (两列是同一项) with the hint
    请删除其中一列, not saying which.  A club's unit is its 业务指导单位 (clubs.schema.json): that column
    is read, and the run says which column was read and which not."""
    xlsx(work / "s.xlsx", [["社团名称", "业务指导单位", "挂靠单位"], ["围棋协会", "党委学生工作部", "计算机学院"]])
    run = cli(work, "import", "clubs", "s.xlsx", "--write")
    assert run.returncode == 0 and "E-IMP-009" not in run.stdout, run.stdout
    assert "s.xlsx：社团的指导单位取“业务指导单位”（B 列）；“挂靠单位”（C 列）不读" in run.stdout, run.stdout
    assert clubs_of(work)["围棋协会"]["unit"] == "xgb"
    en = cli(work, "import", "clubs", "s.xlsx", "--lang", "en")
    assert "s.xlsx: a club's supervising unit is read from '业务指导单位' (column B); '挂靠单位' (column C) is not read" \
        in en.stdout, en.stdout


def test_two_unit_columns_neither_the_guiding_unit_say_which_to_keep(work):
    """挂靠单位 and 主管单位, neither the 业务指导单位: still E-IMP-009, its hint saying that a club's
    unit is its 业务指导单位, so which column to keep."""
    xlsx(work / "s.xlsx", [["社团名称", "挂靠单位", "主管单位"], ["围棋协会", "计算机学院", "党委学生工作部"]])
    run = cli(work, "import", "clubs", "s.xlsx")
    assert run.returncode == 1 and "s.xlsx:1:3: 错误 E-IMP-009" in run.stdout, run.stdout
    assert "社团的指导单位是它的业务指导单位" in run.stdout, run.stdout

