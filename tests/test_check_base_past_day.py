"""check --base with a past --today: a file the pull request changed that was committed after that day was not there
on it, so nothing is said of its content (check guide, “按过去的某一天检查”) — but the user asked about it: every
format says so, at the file, rather than dropping it and saying 没有发现问题 of a file it did not read.  Real
temporary Git repositories."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from gitrepo import ROOT, base, commit, git, init_repo, ledger, write

MINE = "records/ledgers/2026-H2/zhang-wei.yaml"


def _check(repo, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CONTACT_LEDGER_CACHE="0")
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_ledger_committed_after_a_past_today_is_said_not_there_in_every_format(tmp_path):
    """A pull request adds zhang-wei's 2026-H2 ledger (listing a class that does not exist, E-REF-001) on 2026-12-20;
    `check --base main --today 2026-12-10` dropped it without a word and said 相对 main 改动的文件中没有发现问题."""
    repo = init_repo(tmp_path / "repo")
    write(repo, {**base(), "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-08-20 10:00", "main")
    git(repo, "checkout", "-q", "-b", "pull-request")
    write(repo, {MINE: ledger("zhang-wei", "2026-H2", ["2026-10-10"], points=["cs-2025-09"])})
    commit(repo, "2026-12-20 10:00", "张伟的台账")
    day = ("--today", "2026-12-10", "--base", "main")

    text = _check(repo, "check", *day)
    assert text.returncode == 0, text.stdout + text.stderr  # (not there on the day: its error is not counted)
    assert f"{MINE}：2026-12-10 以后才提交，2026-12-10 那一天它还不存在，所以没有检查、不计入" in text.stdout, text.stdout
    assert "相对 main 改动的文件中没有发现问题" not in text.stdout
    assert "相对 main 改动的文件中，2026-12-10 那一天已有的没有发现问题。" in text.stdout
    en = _check(repo, "--lang", "en", "check", *day)
    assert f"{MINE}: committed after 2026-12-10, so on 2026-12-10 it was not there: not checked" in en.stdout, en.stdout
    assert "No problems found in the files changed since main that were there on 2026-12-10." in en.stdout

    data = json.loads(_check(repo, "check", *day, "--format", "json").stdout)
    [said] = data["base"]["after_today"]
    assert said["file"] == MINE and "那一天它还不存在" in said["message"]
    github = _check(repo, "check", *day, "--format", "github").stdout
    assert f"::notice file={MINE},title=check::{MINE}：2026-12-10 以后才提交" in github, github
    markdown = _check(repo, "--lang", "en", "check", *day, "--format", "markdown").stdout
    assert f"- {MINE}: committed after 2026-12-10" in markdown, markdown

    # on a day after its commit it is there and checked: its error, no such sentence
    after = _check(repo, "check", "--today", "2026-12-21", "--base", "main")
    assert after.returncode == 1 and "E-REF-001" in after.stdout and "以后才提交" not in after.stdout, after.stdout
