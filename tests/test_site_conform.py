"""Records with wrong-typed values still make a site (the live preview builds whatever the records
hold): each wrong value is left out of the pages and listed on the findings page; every other
value, and every valid record, is shown as written (generator/site/conform.py)."""
from __future__ import annotations

import datetime as dt
import re
import shutil
import time
from pathlib import Path

from generator.site import render_site

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"


def test_wrong_values_cost_their_own_cell_not_the_site(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    cadre = records / "cadres" / "zhang-wei.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8").replace("name: 张伟", "name: 31")
                     .replace("unit: cs", "unit: [cs, math]"), encoding="utf-8")
    ledger = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("students: 28", "students: 二十八")
                      .replace("    channel: 键对键\n", "    channel: 键对键\n    topics: {a: 1}\n"), encoding="utf-8")

    result = render_site(records, tmp_path / "out", dt.date(2026, 3, 25), slots=True)  # before: TypeError
    out = tmp_path / "out"
    findings = re.sub(r"<[^>]+>", "", (out / "findings.md").read_text(encoding="utf-8"))  # (as read: a file is in pieces)
    assert "cadres/zhang-wei.yaml:1" in findings and "cadres/zhang-wei.yaml:3" in findings  # name, unit
    assert "ledgers/2026-H1/zhang-wei.yaml" in findings and "二十八" in findings

    page = (out / "cadres" / "zhang-wei.md").read_text(encoding="utf-8")
    assert "线上参加团支部主题团日" in page  # the activity's other values are shown as written
    assert "二十八" not in page and "{'a': 1}" not in page  # the wrong ones are not
    assert "跟进宿舍热水问题" in page  # … nor do they cost the rest of the ledger

    shown = result.records  # the valid records' values are the files' own
    assert shown.cadres["li-na"].get("name") and shown.units
    assert "name" not in shown.cadres["zhang-wei"].data and "unit" not in shown.cadres["zhang-wei"].data


def test_a_record_with_errors_keeps_its_line_numbers_when_served_from_the_cache(tmp_path, monkeypatch):
    """The assignment table's 记录位置 of every row of an assignment file with an error is its
    own line, also when the file comes from the cache unread (its bytes read when asked)."""
    from generator import cache

    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    cycle = records / "assignments" / "2025-2027.yaml"
    text = cycle.read_text(encoding="utf-8")
    cycle.write_text(text[:text.rindex('start: "2025-09-01"')] + "start: [a]\n", encoding="utf-8")
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    time.sleep(cache.SETTLED_NS / 1e9 + 0.2)  # (settled: the next run knows the files unchanged unread)
    for _ in range(2):  # cold, then warm
        render_site(records, tmp_path / "out", dt.date(2026, 3, 25), slots=True)
        page = (tmp_path / "out" / "attachment1" / "2025-2027.md").read_text(encoding="utf-8")
        # (the 记录位置 as 数据检查's 位置 writes a path, markdown.file_path: each part kept whole)
        assert "2025-2027.yaml:5</span>" in page and "2025-2027.yaml:13</span>" in page, page  # zhang-wei's row, li-na's club
