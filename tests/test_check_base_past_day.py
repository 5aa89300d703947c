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


def _pull_request(tmp_path, on_main: dict, main_day: str, changed: dict, day: str):
    """A repository whose main holds base() and zhang-wei's 2025-H2 and 2026-H1 ledgers (none missing: no warning in
    his files) and `on_main`, committed at `main_day`, and a branch pull-request writing `changed`, committed at `day`."""
    repo = init_repo(tmp_path / "repo")
    write(repo, {**base(), "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]), **on_main})
    commit(repo, main_day, "main")
    git(repo, "checkout", "-q", "-b", "pull-request")
    write(repo, changed)
    commit(repo, day, "张伟的台账")
    return repo


def test_a_ledger_committed_after_a_past_today_is_said_not_there_in_every_format(tmp_path):
    """A pull request adds zhang-wei's 2026-H2 ledger (listing a class that does not exist, E-REF-001) on 2026-12-20;
    `check --base main --today 2026-12-10` dropped it without a word and said 相对 main 改动的文件中没有发现问题."""
    repo = _pull_request(tmp_path, {}, "2026-08-20 10:00",
                         {MINE: ledger("zhang-wei", "2026-H2", ["2026-10-10"], points=["cs-2025-09"])}, "2026-12-20 10:00")
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


def test_a_ledger_changed_after_a_past_today_is_said_checked_as_it_was_that_day_in_every_format(tmp_path):
    """zhang-wei's 2026-H2 ledger is on main from 2026-09-20; a pull request changes it on 2026-10-20 (a class that
    does not exist, E-REF-001).  `check --base main --today 2026-10-10` checks it as it was on 10-10 (right) and said
    相对 main 改动的文件中没有发现问题 — as if the change had been checked."""
    repo = _pull_request(tmp_path, {MINE: ledger("zhang-wei", "2026-H2", ["2026-09-15"])}, "2026-09-20 10:00",
                         {MINE: ledger("zhang-wei", "2026-H2", ["2026-09-15"], points=["cs-2025-09"])}, "2026-10-20 10:00")
    day = ("--today", "2026-10-10", "--base", "main")

    text = _check(repo, "check", *day)
    assert text.returncode == 0, text.stdout + text.stderr  # (as it was that day: no error)
    assert (f"{MINE}：2026-10-10 以后又改过，检查的是它 2026-10-10 那一天的样子，之后的改动没有检查（按 --today 重演那一天）；"
            "要检查它现在的样子，不加 --today 再运行") in text.stdout, text.stdout
    assert "相对 main 改动的文件中没有发现问题" not in text.stdout
    assert "相对 main 改动的文件按 2026-10-10 那一天的样子没有发现问题。" in text.stdout
    assert "以后才提交" not in text.stdout  # (it was there that day)
    en = _check(repo, "--lang", "en", "check", *day)
    assert (f"{MINE}: changed after 2026-10-10, so it was checked as it was on 2026-10-10 and its later changes were "
            "not (--today replays that day); to check it as it is now, run again without --today") in en.stdout, en.stdout
    assert "No problems found in the files changed since main, as they were on 2026-10-10." in en.stdout

    data = json.loads(_check(repo, "check", *day, "--format", "json").stdout)
    [said] = data["base"]["as_then"]
    assert said["file"] == MINE and "检查的是它 2026-10-10 那一天的样子" in said["message"]
    assert "after_today" not in data["base"]
    github = _check(repo, "check", *day, "--format", "github").stdout
    assert f"::notice file={MINE},title=check::{MINE}：2026-10-10 以后又改过" in github, github
    markdown = _check(repo, "--lang", "en", "check", *day, "--format", "markdown").stdout
    assert f"- {MINE}: changed after 2026-10-10, so it was checked as it was on 2026-10-10" in markdown, markdown
    assert "**No problems found in the files changed since main, as they were on 2026-10-10.**" in markdown, markdown

    # on a day after the change it is checked as it is: its error, no such sentence
    after = _check(repo, "check", "--today", "2026-10-21", "--base", "main")
    assert after.returncode == 1 and "E-REF-001" in after.stdout and "以后又改过" not in after.stdout, after.stdout
