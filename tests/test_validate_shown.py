"""The value a finding quotes is the value as the cadre typed it on the line, in both languages —
not Python's or JSON's spelling of it (a backslash doubled, a quote escaped), through the real CLI."""
from __future__ import annotations

import pytest

from test_yaml_traps import LEDGER, edit, only, records, validate  # noqa: F401 (records: a fixture)


@pytest.mark.parametrize("typed", [
    r"2026\3\5",  # a date typed with backslashes
    "'2026\"3\"5'",  # in single quotes, with a double quote inside
    r'"2026\u5e743\u67085\u65e5"',  # 2026年3月5日 as escapes, as an old web form wrote it
    "2026.3.5",
])
def test_a_value_in_the_wrong_format_is_shown_as_typed(records, typed):
    edit(records, LEDGER, 'date: "2026-04-20"', f"date: {typed}")
    f = only(validate(records), "E-SCHEMA-005")
    assert f["message"] == f"“日期”的格式不对：{typed}", f
    f = only(validate(records, "--lang", "en"), "E-SCHEMA-005")
    assert f["message"] == f"'activities[0].date' is not in the expected format: {typed}", f
