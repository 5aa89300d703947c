"""A university's calendar, written by its administrator from the registrar's (教务处) calendar: what validate
says of a semester that does not fit its academic year. Real files, the real CLI."""
from __future__ import annotations

import pytest

from test_yaml_traps import edit, only, records, validate  # noqa: F401 (records: a fixture)


@pytest.mark.parametrize("old,new,line,key,year_line", [
    ('        start: "2025-09-01"\n        end: "2026-01-16"', '        start: "2025-08-25"\n        end: "2026-01-16"',
     8, "start", 3),
    ('        end: "2027-01-15"', '        end: "2027-09-05"', 21, "end", 16),  # (a last semester running past its year)
])
def test_a_semester_outside_its_academic_year_is_told_which_date_to_change(records, old, new, line, key, year_line):
    """A semester starting on the registrar's 2025-08-25 (新生军训 before 9 月) in an academic year written from
    2025-09-01 was told E-REF-010 …须在“学年”的起止日期之内 and 怎么改: 请检查日期。 — which date, the semester's or the
    year's, it did not say. Now: the semester lies within its year — this date as the registrar's calendar has it,
    or the year's start (or end), at its line, set to the semester's."""
    edit(records, "calendar.yaml", old, new)
    day = new.split('"')[1]
    f = only(validate(records), "E-REF-010")
    assert f["line"] == line, f
    assert f["hint"] == (f"学期要在它的学年之内：请按教务处的校历改正学期的这个日期；如果是学年写短了，"
                         f"把学年的 {key}（第 {year_line} 行）改成 {day}。"), f
    f = only(validate(records, "--lang", "en"), "E-REF-010")
    assert f["hint"] == (f"A semester lies within its academic year: correct this date as the registrar's calendar has it; "
                         f"or, if the academic year is written too short, set its {key} (line {year_line}) to {day}."), f
