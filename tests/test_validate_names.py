"""A unit's, a class's or a club's name written where its id belongs: one error, which says the id
and the line to type — not E-REF-001 不存在 and E-SCHEMA-005 格式不对 at the same place. Real CLI."""
from __future__ import annotations

import pytest

from test_yaml_traps import LEDGER, edit, only, records, validate  # noqa: F401 (records: a fixture)


@pytest.mark.parametrize("rel,old,new,name,ref,line", [
    ("cadres/li-na.yaml", "unit: xgb", "unit: 党委学生工作部", "党委学生工作部", "xgb", "unit: xgb"),
    ("classes/2025.yaml", "unit: cs", "unit: 计算机学院", "计算机学院", "cs", "unit: cs"),
    (LEDGER, "[club-robotics]", "[机器人协会]", "机器人协会", "club-robotics", "contact_points: [club-robotics]"),
])
def test_a_name_for_an_id_is_one_error_with_the_id_and_the_line(records, rel, old, new, name, ref, line):
    edit(records, rel, old, new)
    f = only(validate(records), "E-REF-001")
    assert f["hint"].endswith(f"这里要写编号，不是名称：“{name}”的编号是“{ref}”，这一行写成：{line}"), f
    f = only(validate(records, "--lang", "en"), "E-REF-001")
    assert f["hint"].endswith(f"Write the id, not the name: the id of '{name}' is '{ref}'. The line: {line}"), f


def test_a_unit_name_nearly_right_is_told_the_name_meant_and_its_id(records):
    edit(records, "cadres/li-na.yaml", "unit: xgb", "unit: 学生工作部")
    f = only(validate(records), "E-REF-001")
    assert f["hint"].endswith("是不是“党委学生工作部”？它的编号是“xgb”，这一行写成：unit: xgb"), f
