"""Which day the site is as of when no --today is given: the committer date of HEAD of the repository
that holds the records (generator.site.today), read by git as every other reading of the history is
(first_parent.git: none of the GIT_* a hook or another tool set).  Real repositories, the real command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gitrepo import base, commit, init_repo, ledger, write

REPO = Path(__file__).resolve().parent.parent


def test_the_site_s_day_is_the_records_head_even_with_a_git_dir_of_another_repository(tmp_path):
    """`render` (and `mkdocs build`) run from a Git hook or `git rebase --exec`, where git sets GIT_DIR, or
    with GIT_DIR left set for another repository, took the day from HEAD of that repository — here
    2026-09-10 for records whose last commit was on 2026-03-20 — while the ledgers' history was read from
    the records' own (the checks of one day, the pages of another)."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-03-20 09:00", "2026-H1")
    other = init_repo(tmp_path / "other")
    commit(other, "2026-09-10 09:00", "another repository")
    env = {**os.environ, "PYTHONPATH": str(REPO), "CONTACT_LEDGER_CACHE": "0", "GIT_DIR": str(other / ".git")}
    env.pop("LEDGER_TODAY", None)
    out = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(repo / "records"),
                          "--out", str(tmp_path / "generated")], cwd=repo, env=env, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "日期 2026-03-20，来自 Git 最新提交" in out.stderr, out.stderr
