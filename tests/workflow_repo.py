"""Real temporary Git repositories for the Git-host workflow tests (tests/test_workflow_*.py).

    repo = make_repo(tmp_path)             # records/ from tests/fixtures/workflow_records, one commit
    base = head(repo)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="reflections: 补充体会。\n")
    commit(repo, "2026-06-20 10:00")
    run(repo, "ownership", "--base", base, "--head", head(repo), "--actor", "zhang-wei")

People in the fixture: administrator wang-admin (unit xgb, also xgb's reviewer); cadres
zhang-wei (unit cs, reviewer cs-reviewer), li-na (git Li-Na, unit me, reviewer me-reviewer),
chen-gang (unit xgb, no Git account).  Ledgers: 2025-H2 zhang-wei, chen-gang; 2026-H1 zhang-wei.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "workflow_records"


def git(repo: Path, *args: str, date: str = "2026-06-01 12:00") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{date} +0800", GIT_COMMITTER_DATE=f"{date} +0800",
               GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    out = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return out.stdout


def commit(repo: Path, date: str = "2026-06-01 12:00", message: str = "change") -> str:
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return head(repo)


def head(repo: Path) -> str:
    return git(repo, "rev-parse", "HEAD").strip()


def make_repo(tmp_path: Path, date: str = "2026-01-05 09:00") -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURE, repo / "records")
    git(tmp_path, "init", "-q", "-b", "main", str(repo))
    commit(repo, date, "records")
    return repo


def broken(repo: Path) -> str:
    """Break `repo` on purpose, returning the commit to compare with: a commit (the base) adds a file, the next renames
    and changes it — git diff -M reads both to match them —, and the renamed file's object is then deleted from
    .git/objects (loose, as committed): both commits are there, and git diff fails (“fatal: unable to read <object>”)."""
    edit(repo, "notes/活动安排.txt", text="".join(f"第 {n} 周：走访班级，与同学座谈。\n" for n in range(1, 13)))
    base = commit(repo, "2026-01-05 10:00", "main")
    (repo / "notes" / "活动安排.txt").rename(repo / "notes" / "2026 年活动安排.txt")
    edit(repo, "notes/2026 年活动安排.txt", append="第 13 周：总结。\n")
    commit(repo, "2026-06-20 10:00", "the pull request")
    blob = git(repo, "rev-parse", "HEAD:notes/2026 年活动安排.txt").strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    return base


def edit(repo: Path, rel: str, *, append: str | None = None, text: str | None = None) -> Path:
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is not None:
        path.write_text(text, encoding="utf-8")
    if append is not None:
        path.write_text(path.read_text(encoding="utf-8") + append, encoding="utf-8")
    return path


def run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` inside the repository, in this process (fast): the same
    `generator.cli.main` the command line calls, with the working directory set to `repo`."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(repo)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse errors
                code = exc.code
    finally:
        os.chdir(old)
    return subprocess.CompletedProcess(["python", "-m", "generator", *args], code, out.getvalue(), err.getvalue())


def run_process(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` as a real process inside the repository, as CI runs it."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=300)


def small_files(limit: int):
    """A subprocess's preexec_fn: no file may grow past `limit` bytes, so a write fails partway, as on
    a full disk (EFBIG, "File too large")."""
    import resource
    import signal

    def limited():  # (in the child)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limited


def run_small_files(repo: Path, limit: int, *args: str) -> subprocess.CompletedProcess:
    """run_process, with no file allowed to grow past `limit` bytes (small_files)."""
    env = {k: v for k, v in os.environ.items() if k != "CONTACT_LEDGER_DEBUG"}
    env.update(PYTHONPATH=str(ROOT), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=repo, capture_output=True, text=True,
                          env=env, timeout=300, preexec_fn=small_files(limit))


def end_me(repo, took_over: bool) -> None:
    """机械学院 (me) merged on 2026-03-05 into 机械与自动化学院 (mech); 李娜's file still says me.  With
    `took_over`, the records say where it went: 赵磊 moved from me to mech on that day (his `earlier`)."""
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8").replace(
        "    reviewers: [me-reviewer]\n", '    reviewers: [me-reviewer]\n    until: "2026-03-05"\n')
        + "  - id: mech\n    name: 机械与自动化学院\n    type: 学院\n    reviewers: [mech-reviewer]\n")
    if took_over:
        edit(repo, "records/cadres/zhao-lei.yaml", text="name: 赵磊\nposition: 机械与自动化学院副院长\nunit: mech\n"
             'active_from: "2020-01-01"\nearlier:\n  - {unit: me, position: 机械学院副院长, until: "2026-03-05"}\n')


def end_me_with_li_na_alone(repo, took_over: bool) -> None:
    """end_me, and 李娜 (still of 机械学院) the only administrator; with `took_over`, 机械与自动化学院's
    only reviewer too: nobody else may approve her ledgers (W-FLOW-002)."""
    end_me(repo, took_over)
    edit(repo, "records/policy.yaml", text=(repo / "records/policy.yaml").read_text(encoding="utf-8")
         .replace("git: wang-admin", "git: Li-Na"))
    if took_over:
        edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
             .replace("[mech-reviewer]", "[li-na]"))
