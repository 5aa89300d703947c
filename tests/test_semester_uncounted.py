"""A semester's count of a cadre whose ledgers have errors (R5): the activities those errors keep from the
count are named, not left out of a "只联系学生 0 次" as if there were none.  The demo records copied, 蔡伟民's
(cai-weimin) autumn 2025 activities — one in her 2025-H2 ledger, one in January in her 2026-H1 ledger — kept
out of the count: the first's date mistyped (2025-09-31), the second ledger unreadable (`period: [2026-H1`);
`check --today 2026-12-02` and `render` as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gitrepo import ROOT, check_cli, demo_records

DATED = "ledgers/2025-H2/cai-weimin.yaml"
UNREAD = "ledgers/2026-H1/cai-weimin.yaml"
AUTUMN = "2025-2026-1"


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> Path:
    records = tmp_path_factory.mktemp("uncounted") / "records"
    demo_records(records)
    path = records / DATED
    text = path.read_text(encoding="utf-8")
    assert "date: 2025-09-23" in text
    path.write_text(text.replace("date: 2025-09-23", "date: 2025-09-31", 1), encoding="utf-8")
    path = records / UNREAD
    path.write_text(path.read_text(encoding="utf-8").replace("period: 2026-H1", "period: [2026-H1", 1),
                    encoding="utf-8")
    return records


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _autumn_dated(tmp_path: Path, first: str, second: str) -> Path:
    """The demo records with 蔡伟民's two autumn 2025 dates (23 September, 4 January) written `first` and `second`."""
    records = tmp_path / "records"
    demo_records(records)
    for rel, old, new in ((DATED, "date: 2025-09-23", f"date: {first}"), (UNREAD, "date: 2026-01-04", f"date: {second}")):
        path = records / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return records


def _render(records: Path, out_dir: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CONTACT_LEDGER_CACHE="0")
    out = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--today", "2026-12-02",
                          "--out", str(out_dir)], cwd=records.parent, env=env, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr


def test_a_semester_short_because_of_a_ledger_s_errors_names_the_activities_not_counted(records):
    out = check_cli(records, "--today", "2026-12-02", "--format", "json")
    assert out.returncode == 1, out.stderr  # (the ledgers' errors)
    report = json.loads(out.stdout)
    (short,) = [f for f in report["findings"] if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "cai-weimin"]
    assert short["data"]["semester"] == AUTUMN
    line = _line_of(records / DATED, "date: 2025-09-31")
    # (was: 只联系学生 0 次，至少应 1 次 — and "add missing activities", which are there)
    assert "只联系学生 0 次，至少应 1 次；另有 1 项活动的日期有误，未能计入：" \
           f"records/{DATED}:{line}:11；台账 records/{UNREAD} 有错误、读不了，其中的活动未能计入" in short["message"], short
    assert "改正" in short["hint"] and "补记" not in short["hint"], short["hint"]
    dated = [f for f in report["findings"] if f["file"] == f"records/{DATED}" and f["line"] == line]
    assert [f["code"] for f in dated] == ["E-SCHEMA-009"]  # (the error the place points at)
    cells = next(r["cells"] for r in report["semester_matrix"]["rows"] if r["cadre"] == "cai-weimin")
    assert cells[AUTUMN]["count"] == 0
    assert cells[AUTUMN]["uncounted"] == {"activities": 1, "unreadable": [f"records/{UNREAD}"]}
    # the other cadre short of it, with no errors, is told as before; met semesters say nothing more
    (lyu,) = [f for f in report["findings"] if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "lyu-tingna"]
    assert lyu["message"].endswith("只联系学生 0 次，至少应 1 次") and "补记活动" in lyu["hint"], lyu
    assert all("uncounted" not in c for r in report["semester_matrix"]["rows"] if r["cadre"] != "cai-weimin"
               for c in r["cells"].values())
    en = check_cli(records, "--today", "2026-12-02", "--format", "json", "--lang", "en")
    (short,) = [f for f in json.loads(en.stdout)["findings"]
                if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "cai-weimin"]
    assert short["message"].endswith(f"; 1 activity with a date that is not one could not be counted: records/{DATED}:"
                                     f"{line}:11; the activities of 1 ledger that cannot be read are not counted: "
                                     f"records/{UNREAD}"), short["message"]


def test_the_site_says_which_activities_of_a_semester_were_not_counted(records, tmp_path):
    _render(records, tmp_path / "generated")
    page = (tmp_path / "generated/cadres/cai-weimin.md").read_text(encoding="utf-8")
    note = "（另有 1 项活动日期有误，1 份台账读不了，未计入：台账有错误，改正后计入）"
    assert f"| 2025—2026学年第一学期 | 0 | 未达标{note} |" in page, page
    # the spring semester's July days are in a ledger not yet due; its count holds nothing of the unread one
    assert "| 2025—2026学年第二学期 | 0 | 台账未截止（另有 1 份台账读不了，未计入：台账有错误，改正后计入） |" in page
    home = (tmp_path / "generated/index.md").read_text(encoding="utf-8")
    assert f"| [蔡伟民](cadres/cai-weimin.md) | [计算机科学与工程学院](units/cse.md) | 0{note} |" in home
    assert "| [吕婷娜](cadres/lyu-tingna.md) | [工商管理学院](units/sba.md) | 0 |" in home


def test_a_date_written_as_a_week_s_day_is_not_counted_as_validate_refuses_it(tmp_path):
    # (2025-W39-2 and 2026-W01-7 — 23 September and 4 January — were refused by validate, E-SCHEMA-005, and
    # counted by check all the same: the semester met, nothing said of them; parse_date read them as fromisoformat does)
    records = _autumn_dated(tmp_path, "2025-W39-2", "2026-W01-7")
    report = json.loads(check_cli(records, "--today", "2026-12-02", "--format", "json").stdout)
    assert sorted((f["code"], f["file"]) for f in report["findings"] if f["file"].startswith("records/ledgers/")
                  and f["severity"] == "error") == [("E-SCHEMA-005", f"records/{DATED}"), ("E-SCHEMA-005", f"records/{UNREAD}")]
    cells = next(r["cells"] for r in report["semester_matrix"]["rows"] if r["cadre"] == "cai-weimin")
    assert cells[AUTUMN]["count"] == 0 and cells[AUTUMN]["uncounted"] == {"activities": 2, "unreadable": []}, cells[AUTUMN]
    (short,) = [f for f in report["findings"] if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "cai-weimin"]
    places = [f"records/{DATED}:{_line_of(records / DATED, '2025-W39-2')}:11",
              f"records/{UNREAD}:{_line_of(records / UNREAD, '2026-W01-7')}:11"]
    assert short["message"].endswith("；另有 2 项活动的日期有误，未能计入：" + "、".join(places)), short["message"]


def test_the_site_counts_a_semester_s_dates_as_check_does(tmp_path):
    # (the site counted a semester's activities itself, reading dates as fromisoformat does: 2025-W39-2,
    # 2026-W01-7 and an unquoted 20250923 — each refused by validate, none counted by check — made her page
    # say "2 | 未达标（另有 2 项活动日期有误…）", a count its own note denied)
    records = _autumn_dated(tmp_path, "20250923", "2026-W01-7")
    report = json.loads(check_cli(records, "--today", "2026-12-02", "--format", "json").stdout)
    cells = next(r["cells"] for r in report["semester_matrix"]["rows"] if r["cadre"] == "cai-weimin")
    assert cells[AUTUMN]["count"] == 0, cells[AUTUMN]
    _render(records, tmp_path / "generated")
    page = (tmp_path / "generated/cadres/cai-weimin.md").read_text(encoding="utf-8")
    (row,) = [line for line in page.splitlines() if line.startswith("| 2025—2026学年第一学期 |")]
    assert row.startswith("| 2025—2026学年第一学期 | 0 | 未达标"), row


def test_a_date_validate_reads_is_told_uncounted_in_its_own_semester_alone(tmp_path):
    # (3月14日 in her 2026-H1 ledger — validate: 这一行写成：  - date: 2026-03-14 — was told uncounted in the autumn
    # semester too, whose days her 2026-H1 ledger also records: 另有 3 项活动的日期有误 for autumn, one of them a
    # spring day that, written right, would not change the autumn's count)
    records = _autumn_dated(tmp_path, "2025-09-31", "1月4日")
    path = records / UNREAD
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2026-03-14", "date: 3月14日", 1), encoding="utf-8")
    report = json.loads(check_cli(records, "--today", "2026-12-02", "--format", "json").stdout)
    cells = next(r["cells"] for r in report["semester_matrix"]["rows"] if r["cadre"] == "cai-weimin")
    assert cells[AUTUMN]["uncounted"] == {"activities": 2, "unreadable": []}, cells[AUTUMN]
    assert cells["2025-2026-2"]["count"] == 0 and cells["2025-2026-2"]["uncounted"]["activities"] == 1, cells
    (short,) = [f for f in report["findings"] if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "cai-weimin"]
    places = [f"records/{DATED}:{_line_of(records / DATED, '2025-09-31')}:11",
              f"records/{UNREAD}:{_line_of(records / UNREAD, '1月4日')}:11"]
    assert short["data"]["semester"] == AUTUMN and short["message"].endswith(
        "；另有 2 项活动的日期有误，未能计入：" + "、".join(places)), short["message"]


def test_a_date_validate_reads_outside_its_ledger_s_period_is_told_uncounted_as_before(tmp_path):
    # (12月5日 in 吕婷娜's 2026-H1 ledger — validate reads 2026-12-05, a day the period does not hold — was counted
    # as 2026-12-05's, in 2026-2027-1, and no longer told in the autumn semester her 2026-H1 ledger's January overlaps)
    records = tmp_path / "records"
    demo_records(records)
    path = records / "ledgers/2026-H1/lyu-tingna.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - date: 2026-05-11\n" in text
    path.write_text(text.replace("  - date: 2026-05-11\n", "  - date: 12月5日\n", 1), encoding="utf-8")
    report = json.loads(check_cli(records, "--today", "2026-12-04", "--format", "json").stdout)
    (short,) = [f for f in report["findings"] if f["code"] == "W-CHK-004" and f["data"]["cadre"] == "lyu-tingna"]
    assert short["data"]["semester"] == AUTUMN and short["message"].endswith(
        f"；另有 1 项活动的日期有误，未能计入：records/ledgers/2026-H1/lyu-tingna.yaml:{_line_of(path, '12月5日')}:11"), short
    cells = next(r["cells"] for r in report["semester_matrix"]["rows"] if r["cadre"] == "lyu-tingna")
    assert cells[AUTUMN]["uncounted"] == {"activities": 1, "unreadable": []}, cells[AUTUMN]
    assert "uncounted" not in cells.get("2026-2027-1", {}), cells
