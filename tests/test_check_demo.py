"""The demo university (bench/corpus.py --demo): `check --today 2026-11-28` finds exactly the
imperfections its list (bench/DEMO-IMPERFECTIONS.md) names, and nothing else.

The demo is generated afresh for the tests, so that they test the program whatever records/ holds:
this repository commits the demo there, a university that adopts the system puts its own records
there.  While records/ holds the demo, it must be exactly what the generator writes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import ROOT, check_cli

COMMITTED = ROOT / "records"
COMMITTED_LIST = ROOT / "bench" / "DEMO-IMPERFECTIONS.md"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A folder with the generated demo's records/ and its list of imperfections."""
    out = tmp_path_factory.mktemp("demo")
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--demo", "--out", str(out / "records"),
                    "--imperfections", str(out / "DEMO-IMPERFECTIONS.md")], check=True, capture_output=True)
    return out


def expected(listing: Path) -> set[tuple]:
    out, section = set(), ""
    for line in listing.read_text(encoding="utf-8").splitlines():
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


def test_demo_has_exactly_its_listed_imperfections(demo):
    want = expected(demo / "DEMO-IMPERFECTIONS.md")
    assert len(want) >= 5
    run = check_cli(demo / "records", "--today", "2026-11-28", "--format", "json", cwd=demo)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert {key(f) for f in report["findings"]} == want
    assert len(report["findings"]) == len(want)
    assert report["summary"]["errors"] == 0
    late = [r for r in report["ledgers"] if r["status"] == "late"]
    assert all(r["source"] == "import" for r in late)


def test_demo_text_report_tells_an_administrator_who_and_what(demo):
    run = check_cli(demo / "records", "--today", "2026-11-28", cwd=demo)
    assert "【台账未提交】" in run.stdout and "【新生班级无联系干部】" in run.stdout
    assert "【学生反映问题超期未解决】" in run.stdout and "Traceback" not in run.stderr
    strict = check_cli(demo / "records", "--today", "2026-11-28", "--strict", cwd=demo)
    assert strict.returncode == 1


def test_records_holding_the_demo_hold_exactly_the_generated_demo(demo):
    """What README says of records/ (and of its six warnings) holds while records/ is the demo."""
    policy = COMMITTED / "policy.yaml"
    if not policy.is_file() or "由 bench/corpus.py --demo 生成" not in policy.read_text(encoding="utf-8"):
        pytest.skip("records/ holds a university's own records, not the demo")
    generated = {p.relative_to(demo / "records"): p.read_bytes() for p in (demo / "records").rglob("*") if p.is_file()}
    committed = {p.relative_to(COMMITTED): p.read_bytes() for p in COMMITTED.rglob("*") if p.is_file()}
    assert sorted(committed) == sorted(generated)
    assert [k for k in generated if committed[k] != generated[k]] == []
    assert COMMITTED_LIST.read_bytes() == (demo / "DEMO-IMPERFECTIONS.md").read_bytes()


def test_the_demos_student_number_pattern_finds_every_length_a_university_gives_and_no_date(demo):
    """The demo's policy is what a university adopting the system starts from: its pattern, "20[0-9]{8}",
    found a 10-digit undergraduate number but not an 11- or 12-digit one (a graduate's, a transfer
    student's) written without the word 学号, so 学生20261234567反映 validated clean.  A number of 10 to
    12 digits starting with 20 is found; a date written 20260901 (8 digits), a year and a mobile
    number (its own kind) are not student numbers."""
    import yaml

    from generator import privacy

    policy = yaml.safe_load((demo / "records" / "policy.yaml").read_text(encoding="utf-8"))
    scanner = privacy.Scanner(privacy.patterns_in(policy))
    for number in ("2026123456", "20261234567", "202612345678"):
        found = [(m.kind, m.start) for m in scanner.scan(f"一名学生（{number}）反映学业压力大")]
        assert found == [("student_number", 5)], number
    for text in ("2026年9月1日（20260901）开学", "2026级新生", "20260901—20270115为第一学期", "学生13812345678",
                 "2026090119302"):
        assert [m.kind for m in scanner.scan(text)] in ([], ["mobile"]), text
