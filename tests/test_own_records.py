"""A university putting its own records in place of the demo's, as the guide tells an administrator
(site/guide/admin.md, 第一次使用：换下演示数据), in a real clone of this repository."""
import json
import os
import subprocess
import sys
from pathlib import Path

from gitrepo import base, write

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "site" / "guide" / "admin.md").read_text(encoding="utf-8")


def _sh(repo: Path, line: str, home: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="学工部", GIT_AUTHOR_EMAIL="xgb@example.edu",
               GIT_COMMITTER_NAME="学工部", GIT_COMMITTER_EMAIL="xgb@example.edu",
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    done = subprocess.run(["bash", "-c", line], cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, (line, done.stdout, done.stderr)


def test_the_guides_way_to_put_a_universitys_own_records_in_leaves_none_of_the_demos_history_to_check(tmp_path):
    """Replacing records/ in a clone and committing (README's words before) left the demo's Git history under
    the university's records: `check` told each of the demo's assignments as deleted (W-CHK-019, 189 of them,
    each hint asking to restore the demo's file) and its calendar's years as removed (W-CHK-016).  The guide's
    commands, run line by line in a clone, leave a check of the university's own records alone."""
    block = GUIDE.split("## 第一次使用：换下演示数据", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    repo = tmp_path / "ledger"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True,
                   env={**os.environ, "HOME": str(tmp_path)})
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "-B", "main"], check=True)
    own = base()
    put = False
    for line in block.splitlines():
        command = line.split("  #", 1)[0].strip()
        if line.startswith("#") and "records/" in line:
            write(repo, own)  # the administrator puts her records in
            put = True
        elif command:
            _sh(repo, command, tmp_path)
    assert put, "the guide's block says where the university's records go in"
    assert sorted(p.relative_to(repo).as_posix() for p in (repo / "records").rglob("*.yaml")) == sorted(own)
    first_parent = subprocess.run(["git", "-C", str(repo), "log", "--first-parent", "--format=%s"],
                                  capture_output=True, text=True, check=True).stdout.split("\n")
    assert first_parent[:2] == ["接上程序的历史", "本校的记录"]
    assert subprocess.run(["git", "-C", str(repo), "merge-base", "--is-ancestor", "HEAD^2", "HEAD"]).returncode == 0
    out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-12-10", "--format", "json"],
                         cwd=repo, capture_output=True, text=True)
    findings = json.loads(out.stdout)["findings"]
    about_the_demo = [f for f in findings if f["code"] in ("W-CHK-019", "W-CHK-016", "W-CHK-015")
                      or "ledgers/20" in (f["file"] or "") and f["file"].split("/")[-1][:-5] not in ("zhang-wei", "li-na")]
    assert about_the_demo == [], about_the_demo[:3]
