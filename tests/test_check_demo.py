"""`check --today 2026-11-28` on the demo finds exactly the imperfections that
bench/DEMO-IMPERFECTIONS.md lists, and nothing else."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.gitrepo import ROOT, check_cli

LIST = ROOT / "bench" / "DEMO-IMPERFECTIONS.md"
RECORDS = ROOT / "records"

pytestmark = pytest.mark.skipif(not LIST.exists() or not (RECORDS / "policy.yaml").exists(),
                                reason="the demo records are not generated")


def expected() -> set[tuple]:
    out, section = set(), ""
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            section = line.lower()
            continue
        if not line.startswith("- `"):
            continue
        first = re.match(r"- `([^`]+)`", line).group(1)
        if "late ledger" in section:
            period, cadre = re.match(r"ledgers/([^/]+)/([^/]+)\.yaml", first).groups()
            out.add(("W-CHK-005", cadre, period))
        elif "missing ledger" in section:
            period = re.search(r"ledgers/(\d{4}-H\d)/" + re.escape(first) + r"\.yaml", line).group(1)
            out.add(("W-CHK-006", first, period))
        elif "freshman" in section:
            out.add(("W-CHK-001", first))
        elif "semester" in section:
            out.add(("W-CHK-004", first, re.search(r"`(\d{4}-\d{4}-\d)`", line).group(1)))
        elif "overdue" in section:
            out.add(("W-CHK-007", first))
    return out


def key(f: dict) -> tuple:
    d = f.get("data", {})
    return {"W-CHK-005": lambda: (f["code"], d.get("cadre"), d.get("period")),
            "W-CHK-006": lambda: (f["code"], d.get("cadre"), d.get("period")),
            "W-CHK-001": lambda: (f["code"], d.get("class")),
            "W-CHK-004": lambda: (f["code"], d.get("cadre"), d.get("semester")),
            "W-CHK-007": lambda: (f["code"], d.get("root"))}.get(f["code"], lambda: (f["code"], f["file"], f["line"]))()


def test_demo_has_exactly_its_listed_imperfections():
    want = expected()
    assert len(want) >= 5
    run = check_cli(RECORDS, "--today", "2026-11-28", "--format", "json", cwd=ROOT)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert {key(f) for f in report["findings"]} == want
    assert len(report["findings"]) == len(want)
    assert report["summary"]["errors"] == 0
    late = [r for r in report["ledgers"] if r["status"] == "late"]
    assert all(r["source"] == "import" for r in late)


def test_demo_text_report_tells_an_administrator_who_and_what():
    run = check_cli(RECORDS, "--today", "2026-11-28", cwd=ROOT)
    assert "【台账未提交】" in run.stdout and "【新生班级无联系干部】" in run.stdout
    assert "【学生反映问题超期未解决】" in run.stdout and "Traceback" not in run.stderr
    strict = check_cli(RECORDS, "--today", "2026-11-28", "--strict", cwd=ROOT)
    assert strict.returncode == 1
