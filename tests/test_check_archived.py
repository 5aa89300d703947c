"""R8: an archived period's ledgers as `check` reports them: the archive manifest's statuses
(records/archive/<period>.yaml), not today's judgement of the records as they are now."""
from __future__ import annotations

import json

import yaml

from tests.gitrepo import archived_then_changed, check_cli, git

PERIOD = "2025-H2"


def manifest_statuses(repo) -> dict:
    man = yaml.safe_load((repo / "records/archive" / f"{PERIOD}.yaml").read_text(encoding="utf-8"))
    return {e["cadre"]: (e["status"], e.get("days_late")) for e in man["ledgers"]}


def test_check_reports_an_archived_period_as_archived_not_as_judged_today(tmp_path):
    repo = archived_then_changed(tmp_path / "repo")
    archived = manifest_statuses(repo)
    assert archived == {"zhang-wei": ("on_time", None), "li-na": ("late", 5), "wang-fang": ("missing", None)}
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads(r.stdout)
    rows = {row["cadre"]: row for row in report["ledgers"] if row["period"] == PERIOD}
    assert {c: (row["status"], row["days_late"]) for c, row in rows.items()} == archived
    assert rows["li-na"]["submitted"] == "2026-01-05 10:00" and rows["li-na"]["source"] == "archive"
    # no deadline finding for the frozen period: not "late" for 张伟, nor "file it" for 李娜
    # (whose ledger may no longer be filed: E-ARCH-003) or for 王芳
    said = [f for f in report["findings"] if f["code"] in ("W-CHK-005", "W-CHK-006") and PERIOD in f["message"]]
    assert said == []
    # the text report's table of late and missing ledgers names the manifest as its source
    md = check_cli(repo / "records", "--today", "2026-03-20", "--format", "markdown").stdout
    assert "| 2025-H2 | 李娜 | 机械学院 | 逾期 | 5 | 2026-01-05 10:00 | 备案清单 |" in md


def test_a_day_before_the_archive_is_judged_as_it_was_then(tmp_path):
    # --today replays a day: before the manifest was written the period was not archived
    repo = archived_then_changed(tmp_path / "repo")
    git(repo, "rm", "-q", "-r", "records/amendments")  # (the amendment of an archive not there yet)
    r = check_cli(repo / "records", "--today", "2026-01-09", "--format", "json")
    rows = {row["cadre"]: row for row in json.loads(r.stdout)["ledgers"] if row["period"] == PERIOD}
    assert rows["zhang-wei"]["status"] == "late" and rows["zhang-wei"]["source"] == "git"
