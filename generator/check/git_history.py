"""When did each ledger land in the checked branch?  One `git log` for all ledgers.

The submission time of records/ledgers/<period>/<cadre>.yaml is the committer time of
the first commit, walking the FIRST-PARENT history of HEAD, whose diff against its
first parent adds that exact path.  Why (the threat model is in site/guide/deadlines.md):

* first-parent: on the protected branch every first-parent commit is a merge, squash or
  rebase commit made by the Git host when it accepted a pull request, so its committer
  time is when the ledger became part of the branch — not when the cadre says they
  wrote it (author dates and the commits inside a pull request are the cadre's to forge);
* `--no-renames`: a ledger moved or copied from another period's folder is *added* at
  its new path; it does not inherit the old file's date (so no `--follow`);
* the first (oldest) addition counts: deleting and re-adding a file cannot reset it, and
  later edits are amendments, visible in the history;
* a shallow clone has no trustworthy history: we refuse to judge (state "shallow").
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Landing:
    commit: str
    time: dt.datetime  # aware, in the policy time zone


@dataclass
class History:
    state: str  # ok | shallow | no_repo | error
    reason: str = ""
    added: dict[str, Landing] = field(default_factory=dict)  # path relative to records/ → first landing


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in ("GIT_CONFIG_NOSYSTEM",)}
    env["LC_ALL"] = "C"
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="replace")


def read_history(records: Path, repo: Path | None, tz: ZoneInfo) -> History:
    where = Path(repo) if repo is not None else Path(records)
    try:
        top = _git(where, "rev-parse", "--show-toplevel")
    except (OSError, ValueError) as exc:  # git missing, bad directory
        return History("no_repo", str(exc))
    if top.returncode != 0:
        return History("no_repo", "不是 Git 仓库 (not a Git repository)")
    root = Path(top.stdout.strip())
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow.stdout.strip() == "true":
        return History("shallow", "shallow clone")
    try:
        prefix = Path(records).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return History("no_repo", f"记录目录不在仓库 {root} 中 (records folder outside the repository)")
    prefix = "" if prefix == "." else prefix + "/"
    if _git(root, "rev-parse", "--verify", "-q", "HEAD").returncode != 0:
        return History("ok")  # no commit yet: nothing has been submitted
    log = _git(root, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames",
               "--diff-filter=A", "--name-only", "--format=%x1e%H%x1f%ct", "HEAD", "--",
               f"{prefix}ledgers/")
    if log.returncode != 0:
        return History("error", log.stderr.strip().splitlines()[-1] if log.stderr.strip() else "git log")
    added: dict[str, Landing] = {}
    for chunk in log.stdout.split("\x1e")[1:]:  # newest first: older additions overwrite
        head, _, names = chunk.partition("\n")
        sha, _, stamp = head.partition("\x1f")
        try:
            when = dt.datetime.fromtimestamp(int(stamp.strip()), tz)
        except ValueError:
            continue
        for name in names.splitlines():
            name = name.strip()
            if name.startswith(prefix):
                added[name[len(prefix):]] = Landing(sha.strip(), when)
    return History("ok", added=added)
