"""HEAD's first-parent history, as the check reads it: one reader for the ledgers' landings
(git_history) and the policy's versions (policy_history).

Both walk the FIRST-PARENT chain of HEAD with each commit's diff against its first parent (on the
protected branch every first-parent commit is the Git host's, made when it accepted a pull request:
site/guide/deadlines.md) and both keep what they worked out for HEAD (cache.KeptResult), so that
the next run reads only the commits after the kept one — when that commit is still on HEAD's chain
(`Log.read` says whether it is).  Kept for the same HEAD, the two read the same commits: git_history's
log since it (begun while the records load) serves policy_history too, one `git log` for both.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

GIT = ("git", "-c", "core.quotePath=false")
_COMMIT = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def env() -> dict:
    """The environment of every git call: no GIT_* of a hook or another tool, messages in English."""
    out = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in ("GIT_CONFIG_NOSYSTEM",)}
    out["LC_ALL"] = "C"
    return out


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*GIT, *args], cwd=cwd, env=env(), capture_output=True, text=True,
                          encoding="utf-8", errors="replace")


def is_commit(value) -> bool:
    """Whether `value` is a full commit id (as kept in the cache: anything else there is not used)."""
    return type(value) is str and _COMMIT.fullmatch(value) is not None


class Log:
    """`git log` of HEAD's first-parent chain, in its own process from the moment it is made (read()
    waits for it): since the commit `base`, every commit after it with the status of each file it
    changes; or, without it, all of it, only the commits that change `paths` (`git log` pathspecs, relative to
    `cwd`) with the names of the files they change — with `statuses`, each with its status (git_history: a ledger's
    first landing and the changes after it, from the same log)."""

    def __init__(self, cwd: Path, base: str | None = None, paths: tuple = (), statuses: bool = False):
        self.base = base
        since = ["--name-status", f"{base}..HEAD"] if base else \
            ["--name-status" if statuses else "--name-only", "HEAD", "--", *paths]
        self.out, self.err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # (a pipe could fill up)
        self.process = subprocess.Popen(
            [*GIT, "log", "--first-parent", "--diff-merges=first-parent", "--no-renames",
             "--format=%x1e%H%x1f%ct%x1f%P", *since],
            cwd=cwd, env=env(), stdin=subprocess.DEVNULL, stdout=self.out, stderr=self.err)

    def poll(self):
        return self.process.poll()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.out.close(), self.err.close()

    def read(self, head: str | None = None) -> tuple[str | None, str]:
        """(the log, for commits() to read — None when git failed or `base` is not on the chain of
        `head`: history rewritten, an older commit checked out —; git's last line of error)."""
        code = self.process.wait()
        self.out.seek(0), self.err.seek(0)
        stdout = self.out.read().decode("utf-8", errors="replace")
        stderr = self.err.read().decode("utf-8", errors="replace").strip()
        self.out.close(), self.err.close()
        oldest = next(commits("\x1e" + stdout.rpartition("\x1e")[2]), None)  # (the oldest commit, whose parent is base)
        if code != 0 or self.base and (oldest[2] != self.base if oldest else self.base != head):
            return None, stderr.splitlines()[-1] if stderr else "git log"
        return stdout, ""


def commits(log: str):
    """(commit, committer time in seconds, first parent or None, the files it changes as git wrote
    them: files() reads them) of each commit of a Log's text, newest first."""
    for chunk in log.split("\x1e")[1:]:
        head, _, names = chunk.partition("\n")
        sha, _, rest = head.partition("\x1f")
        stamp, _, parents = rest.partition("\x1f")
        try:
            when = int(stamp)
        except ValueError:
            continue
        yield sha, when, parents.partition(" ")[0] or None, names


def files(names: str):
    """(status, path from the top of the repository) of each file of a commit's `names` (status ""
    when the log gave the names only)."""
    for line in names.splitlines():
        status, tab, name = line.partition("\t")  # (--name-status: "A\tpath"; --name-only: "path")
        if line.strip():
            yield (status, name.strip()) if tab else ("", status.strip())
