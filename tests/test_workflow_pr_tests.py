"""A pull request that changes records only does not run the program's tests again
(`make pr-test BASE=…`, scripts/records-only.sh), on real temporary Git repositories: a cadre's
ledger leaves the program as it is on main, and the pull request's other steps check the records."""
from __future__ import annotations

import shutil
import subprocess

from workflow_repo import ROOT, commit, edit, git, head, make_repo

LEDGER = "records/ledgers/2026-H1/zhang-wei.yaml"
MORE = "reflections: 补充：新生最需要学业规划指导。\n"


def records_only(repo, base) -> bool:
    run = subprocess.run(["sh", str(ROOT / "scripts" / "records-only.sh"), *([base] if base is not None else [])],
                         cwd=repo, capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return run.returncode == 0


def test_records_only_is_told_from_any_other_change(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, LEDGER, append=MORE)
    edit(repo, "records/ledgers/2026-H2/zhang-wei.yaml", text=(repo / LEDGER).read_text(encoding="utf-8"))
    edit(repo, "CODEOWNERS", text="/records/ledgers/*/zhang-wei.yaml @zhang-wei\n")
    commit(repo)
    assert records_only(repo, base)  # ledgers changed and added, CODEOWNERS written again

    for path in ("generator/check/rules.py", "tests/test_x.py", "Makefile", ".github/workflows/x.yml",
                 "schemas/ledger.schema.json", "records.yaml"):
        edit(repo, path, text="x\n")
        commit(repo)
        assert not records_only(repo, base), path  # with the records, one file of anything else
        git(repo, "rm", "-q", path)
        commit(repo)
    assert records_only(repo, base)


def test_a_file_moved_into_or_out_of_records_is_not_records_only(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo, "generator/rules.py", text="RULES = ['R1', 'R2', 'R4', 'R5', 'R6', 'R10', 'R11']\n")
    base = commit(repo, message="a program file")
    git(repo, "mv", "generator/rules.py", "records/rules.py")  # the program loses a file
    commit(repo)
    assert not records_only(repo, base)
    git(repo, "mv", "records/rules.py", "generator/rules.py")
    git(repo, "mv", LEDGER, "generator/zhang-wei.yaml")  # the program gains one
    commit(repo)
    assert not records_only(repo, base)


def test_when_it_cannot_be_told_the_tests_run(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    assert not records_only(repo, None)  # no BASE
    assert not records_only(repo, "0" * 40)  # an unknown commit
    assert not records_only(repo, base)  # nothing changed
    outside = tmp_path / "not-a-repository"
    outside.mkdir()
    assert not records_only(outside, base)


def test_make_pr_test_says_why_it_runs_no_tests_for_a_ledger(tmp_path):
    repo = make_repo(tmp_path)
    shutil.copy2(ROOT / "Makefile", repo / "Makefile")
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    base = commit(repo, message="the program's Makefile and scripts")
    edit(repo, LEDGER, append=MORE)
    commit(repo)
    run = subprocess.run(["make", "--no-print-directory", "pr-test", f"BASE={base}"], cwd=repo,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "只改动了记录" in run.stdout and "records only: the program's tests are not run" in run.stdout
    assert not (repo / ".venv").exists()  # nothing was set up to test


def test_gitlabs_merge_request_job_compares_a_merged_result_with_the_target_branchs_tip(tmp_path):
    """.gitlab-ci.yml's `make pr-test` line as GitLab runs it in a merged-results pipeline: the
    commit is the merge of the merge request into the target branch's tip. Compared with the diff
    base, main's own newer program change counted as the merge request's, and a cadre's ledger ran
    every test of the program; compared with the tip (as the ownership job does), it is records only.
    (`make -n`: the recipe decides, the tests it would run are only printed.)"""
    import os

    import yaml

    repo = make_repo(tmp_path)
    shutil.copy2(ROOT / "Makefile", repo / "Makefile")
    shutil.copytree(ROOT / "scripts", repo / "scripts")
    base = commit(repo, message="the program's Makefile and scripts")
    edit(repo, "generator/rules.py", text="RULES = ['R1']\n")
    tip = commit(repo, message="main: a program change after the merge request began")
    git(repo, "checkout", "-q", "-b", "mr", base)
    edit(repo, LEDGER, append=MORE)
    commit(repo, message="a cadre's ledger")
    git(repo, "checkout", "-q", "--detach", tip)
    git(repo, "merge", "-q", "--no-ff", "--no-edit", "mr")  # the merged result GitLab tests
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["merge-request"]
    [line] = [line for line in job["script"] if line.startswith("make pr-test")]
    for env in ({"CI_MERGE_REQUEST_TARGET_BRANCH_SHA": tip}, {}):  # merged results, or not (the tip unset)
        if not env:
            git(repo, "checkout", "-q", "mr")  # (the merge request's own commit)
        run = subprocess.run(["sh", "-c", line.replace("make ", "make -n --no-print-directory ", 1)], cwd=repo,
                             env={**{k: v for k, v in os.environ.items() if not k.startswith("CI_")},
                                  "CI_MERGE_REQUEST_DIFF_BASE_SHA": base, **env},
                             capture_output=True, text=True, timeout=60)
        assert "只改动了记录" in run.stdout and "pytest" not in run.stdout, (env, run.stdout + run.stderr)
        assert run.returncode == 0, run.stderr
    assert not (repo / ".venv").exists()
