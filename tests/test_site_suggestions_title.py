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
    stale = [p for p in out.rglob("*.md") if "对任课教师、辅导员、班导师的意见建议" in p.read_text(encoding="utf-8")]
    assert titled and not stale, (titled, stale)


def test_the_field_reference_speaks_the_universitys_own_words(tmp_path):
    """使用指南 → 字段说明 (reference/fields.md) gave the ledger's fields in the schema's words whatever the
    university's: 北方农林大学 (its suggestion_targets 辅导员, 班主任; its statuses 已报告, 已办结; its forms 田间调研 …)
    read 对任课教师、辅导员、班导师的意见建议, 待处理、处理中、已上报 或 已解决, 状态为“已解决”时必填 and 如 主题班会、个体谈话、
    座谈交流 — words its web form no longer shows (cms: FormContext.label, form_hint).  They are its own now."""
    from gitrepo import write
    from test_own_records_form import OWN

    write(tmp_path, OWN)
    render_site(tmp_path / "records", tmp_path / "out", dt.date(2026, 12, 4), slots=True).finish()
    rows = {line.split(" | ")[0].strip("| `"): line.split(" | ")[1:] for line in
            (tmp_path / "out" / "reference" / "fields.md").read_text(encoding="utf-8").split("## 中层领导干部")[0].splitlines()
            if line.startswith("| `")}
    assert rows["suggestions"][0] == "对辅导员、班主任的意见建议"
    assert rows["suggestions[].to"][2].startswith("辅导员 或 班主任；")
    assert rows["feedback[].status"][2].startswith("待处理、处理中、已报告 或 已办结；")
    assert rows["feedback[].escalated_to"][2].startswith("状态为“已报告”时必填")
    assert rows["feedback[].resolved_on"][2].startswith("状态为“已办结”时必填")
    assert rows["activities[].form"][2].startswith("如 田间调研、个体谈话、主题班会；可选值见政策记录")
    assert rows["activities[].place"][2].startswith("如 进实验田、进宿舍、进班级；")
    said = " ".join(" ".join(row) for row in rows.values())
    assert not [w for w in ("任课教师", "班导师", "已上报", "已解决", "座谈交流", "进网络", "心理健康") if w in said], said
