"""The cadres' suggestions are headed on the site as the university's policy names whom they are for (R15,
records/policy.yaml vocabularies.suggestion_targets), as the web form labels the field — not the demo's
对任课教师、辅导员、班导师的意见建议 whatever the university's words."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from generator.site import render_site

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"


def test_the_suggestions_heading_names_the_universitys_own_targets(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(VALID, records)
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "suggestion_targets: [任课教师, 辅导员, 班导师, 学院]", "suggestion_targets: [辅导员, 班主任]"), encoding="utf-8")
    render_site(records, tmp_path / "out", dt.date(2026, 3, 25), slots=True).finish()
    out = tmp_path / "out"
    cadre = (out / "cadres" / "zhang-wei.md").read_text(encoding="utf-8")
    assert "建议辅导员每月走访宿舍一次" in cadre
    assert "<h3>对辅导员、班主任的意见建议</h3>" in cadre and "班导师的意见建议" not in cadre
    download = (out / "downloads" / "suggestions-2025-H2.csv").read_text(encoding="utf-8-sig")
    assert "建议辅导员每月走访宿舍一次" in download
    titled = [p for p in out.rglob("*.md") if "对辅导员、班主任的意见建议 2025-H2" in p.read_text(encoding="utf-8")]
    # (reference/fields.md documents the schema's fields by their titles: not a heading of the university's records)
    stale = [p for p in out.rglob("*.md") if "reference" not in p.parts and "对任课教师、辅导员、班导师的意见建议" in p.read_text(encoding="utf-8")]
    assert titled and not stale, (titled, stale)
