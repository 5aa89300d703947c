"""The guide's hook before each commit (site/guide/git-hosts.md, 本地：提交前自动校验; .pre-commit-config.yaml):
its commands, as written, on a fresh Debian 12 / Ubuntu 24.04 — whose pip refuses to install anything
(externally-managed-environment), or is not there — in a fresh clone, with what `make setup` installed."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.gitrepo import ROOT

VENV = Path(sys.prefix)  # the project's .venv, which `make test` runs the tests in
FRESH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"  # a fresh system's: no pip but its own


def _documented() -> list[str]:
    """The commands of the guide's section, without their comments."""
    guide = (ROOT / "site" / "guide" / "git-hosts.md").read_text(encoding="utf-8")
    section = guide.split("## 本地：提交前自动校验", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    return [c for line in block.splitlines() if (c := line.split("#", 1)[0].strip())]


def _run(command, clone: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=isinstance(command, str), cwd=clone, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_guide_s_pre_commit_hook_installs_in_a_fresh_clone_and_stops_a_wrong_record(tmp_path):
    """The guide said `pip install pre-commit && pre-commit install`: on a fresh Debian 12 or Ubuntu 24.04 there
    is no pip, or it refuses (externally-managed-environment), and no hook was installed.  Now pre-commit is
    pinned in requirements.txt, installed into .venv by `make setup`, and the guide's commands, run as written
    with a fresh system's PATH in a fresh clone (its .venv the project's: `make setup` there takes it as
    installed), install the hook: a ledger with a field the schema does not know is not committed (validate's
    E-SCHEMA finding shown), the ledger mended is.  The hooks are the repository's own (repo: local): nothing
    is fetched."""
    if not (VENV / "bin" / "pre-commit").exists():
        raise AssertionError(f"run `make setup` first: the test uses the project's environment {VENV}")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    (clone / ".venv").symlink_to(VENV)
    env = {**os.environ, "PATH": FRESH_PATH, "HOME": str(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("VIRTUAL_ENV", None)
    commands = _documented()
    assert commands, "the guide's section has its commands"
    for command in commands:
        if command.startswith("make "):  # (its .venv linked: installed already, whatever the clone's files' times)
            command = command.replace("make ", "make --no-print-directory -o .venv/.installed ", 1)
        done = _run(command, clone, env)
        assert done.returncode == 0, f"{command}:\n{done.stdout}{done.stderr}"
    assert (clone / ".git" / "hooks" / "pre-commit").is_file()

    ledger = min((clone / "records" / "ledgers").glob("*/*.yaml"))
    good = ledger.read_bytes()
    ledger.write_bytes(good + "未知字段: 1\n".encode())
    _run(["git", "add", str(ledger)], clone, env)
    stopped = _run(["git", "commit", "-q", "-m", "一条有误的台账"], clone, env)
    assert stopped.returncode != 0 and "E-SCHEMA" in stopped.stdout + stopped.stderr, stopped.stdout + stopped.stderr
    ledger.write_bytes(good + "# 已改正\n".encode())
    _run(["git", "add", str(ledger)], clone, env)
    done = _run(["git", "commit", "-q", "-m", "改正的台账"], clone, env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "改正的台账" in _run(["git", "log", "-1", "--format=%s"], clone, env).stdout
