"""Which day the site is as of when no --today is given: the committer date of HEAD of the repository
that holds the records (generator.site.today), read by git as every other reading of the history is
(first_parent.git: none of the GIT_* a hook or another tool set).  Real repositories, the real command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import base, commit, init_repo, ledger, write

REPO = Path(__file__).resolve().parent.parent


def render(records: Path, out: Path, **git_env: str) -> subprocess.CompletedProcess:
    """`python -m generator render` without --today (nor LEDGER_TODAY), run from the records' folder, with only
    the GIT_* variables of `git_env` set."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "LEDGER_TODAY"}
    env.update(PYTHONPATH=str(REPO), CONTACT_LEDGER_CACHE="0", **git_env)
    return subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--out", str(out)],
                          cwd=records.parent, env=env, capture_output=True, text=True, timeout=300)


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
    out = render(repo / "records", tmp_path / "generated", GIT_DIR=str(other / ".git"))
    assert out.returncode == 0, out.stderr
    assert "日期 2026-03-20，来自 Git 最新提交" in out.stderr, out.stderr



@pytest.mark.parametrize("zone", ["8", "Asia"])
def test_a_time_zone_that_names_none_is_told_by_validate_not_an_internal_error(tmp_path, zone):
    """institution.timezone: 8 (an offset typed for a zone) or Asia (a folder of zones, not one) is E-REF-015
    or E-SCHEMA-005 to validate, and the commands take Asia/Shanghai meanwhile; but each read the zone
    itself, and `render` stopped with 内部错误 … TypeError on 8 and `check` and `render` with 无法写入或读取
    …/zoneinfo/Asia：Is a directory on Asia.  The zone is now looked up by one function (model.zone_named)."""
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace("timezone: Asia/Shanghai", f"timezone: {zone}")
    write(repo, files)
    commit(repo, "2026-03-20 23:30", "policy")
    env = {**os.environ, "PYTHONPATH": str(REPO), "CONTACT_LEDGER_CACHE": "0"}
    env.pop("LEDGER_TODAY", None)
    for command in (["render", "--out", str(tmp_path / "generated")], ["check", "--today", "2026-03-20"]):
        out = subprocess.run([sys.executable, "-m", "generator", *command, "--records", str(repo / "records")],
                             cwd=repo, env=env, capture_output=True, text=True, timeout=300)
        said = out.stdout + out.stderr
        assert "内部错误" not in said and "Is a directory" not in said and "Traceback" not in said, said
        assert ("日期 2026-03-20，来自 Git 最新提交" if command[0] == "render" else "records/policy.yaml:3:13: 错误 E-") \
            in said, said  # (the site as of HEAD's day in Beijing; check: validate's error at the zone)


def test_records_outside_git_are_shown_as_of_their_latest_date(tmp_path):
    """Records in no Git repository (a folder copied, a download of the site's sources): the site is as of the
    latest date any ledger, assignment, cadre, exemption or import holds, and `render` says so — here the
    cycle's end, later than the activities of the ledger (a list of mappings)."""
    folder = tmp_path / "copy"
    write(folder, {**base(), "records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    out = render(folder / "records", tmp_path / "generated")
    assert out.returncode == 0, out.stderr
    assert "日期 2027-08-31，来自记录中最晚的日期" in out.stderr, out.stderr
