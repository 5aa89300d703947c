"""check with a past --today (no --base) judges the records as they stood on that day: a ledger committed after it
was not there, so it is left out — and the report says so, rather than counting one file fewer than validate without a
word: the overview (text, markdown; github's) tells how many, json names them, and the site built as of that day
says it on its 数据检查 page.  Real temporary Git repositories."""
from __future__ import annotations

import json
import subprocess

from gitrepo import base, commit, generator_cli, init_repo, ledger, write

LATER = "records/ledgers/2026-H1/li-na.yaml"


def _check(repo, *args: str) -> subprocess.CompletedProcess:
    return generator_cli(repo, *args, env={"CONTACT_LEDGER_CACHE": "0"})


def _repo(tmp_path):
    """base() and both cadres' 2025-H2 ledgers, committed on 2026-01-05; li-na's 2026-H1 ledger on 2026-07-20."""
    repo = init_repo(tmp_path / "repo")
    write(repo, {**base(), "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-11"], points=["me-2025-01"])})
    commit(repo, "2026-01-05 10:00", "2025-H2")
    write(repo, {LATER: ledger("li-na", "2026-H1", ["2026-03-10"], points=["me-2025-01"])})
    commit(repo, "2026-07-20 10:00", "李娜 2026-H1")
    return repo


def test_ledgers_committed_after_a_past_today_are_said_left_out_in_zh_and_en(tmp_path):
    repo = _repo(tmp_path)
    day = ("check", "--today", "2026-07-10")
    zh = _check(repo, *day)
    assert "1 份台账在 2026-07-10 之后才提交，未计入（按 2026-07-10 当天的记录检查）" in zh.stdout, zh.stdout + zh.stderr
    en = _check(repo, "--lang", "en", *day)
    assert "1 ledger was committed after 2026-07-10: not counted (checked as the records stood on 2026-07-10)" \
        in en.stdout, en.stdout
    markdown = _check(repo, *day, "--format", "markdown").stdout
    assert "1 份台账在 2026-07-10 之后才提交" in markdown, markdown
    data = json.loads(_check(repo, *day, "--format", "json").stdout)
    assert data["ledgers_after_today"] == [LATER]
    assert [r["status"] for r in data["ledgers"] if r["path"] == "ledgers/2026-H1/li-na.yaml"] == ["missing"]


def test_nothing_is_said_when_no_ledger_came_after_the_day(tmp_path):
    repo = _repo(tmp_path)
    for today in ("2026-07-25", "2026-07-20"):  # (after its commit; its very day: committed by its end)
        zh = _check(repo, "check", "--today", today)
        assert "之后才提交" not in zh.stdout and zh.returncode in (0, 1), zh.stdout + zh.stderr
        assert "committed after" not in _check(repo, "--lang", "en", "check", "--today", today).stdout
        assert json.loads(_check(repo, "check", "--today", today, "--format", "json").stdout)["ledgers_after_today"] == []


def test_the_site_s_data_check_page_says_them_too(tmp_path):
    """The site built as of a past day (LEDGER_TODAY, a real mkdocs build) leaves the same ledgers out of every page:
    its 数据检查 page says how many, in check's words; the pages of a day after (render --today) say nothing."""
    from site_build import mkdocs_build

    repo = _repo(tmp_path)
    built = mkdocs_build(repo / "records", tmp_path / "site", "2026-07-10")
    page = (built.public / "findings.html").read_text(encoding="utf-8")
    assert "1 份台账在 2026-07-10 之后才提交，未计入（按 2026-07-10 当天的记录检查）。" in page, page[:3000]
    out = tmp_path / "generated"
    run = _check(repo, "render", "--records", "records", "--out", str(out), "--today", "2026-07-25")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "之后才提交" not in (out / "findings.md").read_text(encoding="utf-8")
