"""`archive` where Git's history cannot be read — a shallow clone, a folder outside Git: the manifest is the
period's record for good, so it is not written from a guess.  Real repositories, the real command."""
from __future__ import annotations

import shutil

from gitrepo import base, commit, generator_cli, git, init_repo, ledger, write

PATH = "records/ledgers/2025-H2/zhang-wei.yaml"


def _repo(tmp_path):
    """张伟's 2025-H2 ledger handed in on 2025-12-20, a contact added to it on 2026-03-01."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {PATH: ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    write(repo, {PATH: ledger("zhang-wei", "2025-H2", ["2025-10-10", "2025-11-10"])})
    commit(repo, "2026-03-01 10:00", "an edit after the day")
    return repo


def test_archive_in_a_shallow_clone_refuses_and_says_how_to_fetch_the_history(tmp_path):
    """In a shallow clone (CI's fetch-depth: 1) archive 2025-H2 --today 2026-01-10 froze 张伟's ledger as it is
    now — edited in March, not the content of 2026-01-10 — and every status as unknown, with E-CHK-022 never
    shown (it only prints the checks' findings when it refuses); without --today, the statuses unknown too.
    Both are now refused (E-FLOW-008), nothing written, with the command that fetches the history; after it,
    the same command does what a full clone does (here: the edit after the day refused, E-FLOW-007)."""
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{_repo(tmp_path)}", str(clone))
    for args, said in ((("--today", "2026-01-10"), "读不到台账在 2026-01-10 那一天的内容"),
                       ((), "无法判断 2025-H2 的台账是否按时提交")):
        r = generator_cli(clone, "archive", "2025-H2", *args)
        assert r.returncode == 1 and "E-FLOW-008" in r.stdout, r.stdout + r.stderr
        assert "浅克隆" in r.stdout and said in r.stdout and "git fetch --unshallow" in r.stdout, r.stdout
        assert not (clone / "records/archive").exists()
    en = generator_cli(clone, "archive", "2025-H2", "--today", "2026-01-10", "--lang", "en").stdout
    assert "E-FLOW-008" in en and "shallow clone" in en and "git fetch --unshallow" in en, en
    git(clone, "fetch", "-q", "--unshallow")
    again = generator_cli(clone, "archive", "2025-H2", "--today", "2026-01-10")
    assert again.returncode == 1 and "E-FLOW-007" in again.stdout and "E-FLOW-008" not in again.stdout, again.stdout


def test_archive_outside_git_refuses_and_says_to_run_it_in_a_clone(tmp_path):
    """A copy of the records in a plain folder (no .git) archived 2025-H2 with every status unknown and, as of
    a past day, today's content; refused now (E-FLOW-008), saying to run it in a full clone."""
    plain = tmp_path / "plain"
    shutil.copytree(_repo(tmp_path) / "records", plain / "records")
    for args in (("--today", "2026-01-10"), ()):
        r = generator_cli(plain, "archive", "2025-H2", *args)
        assert r.returncode == 1 and "E-FLOW-008" in r.stdout and "git clone" in r.stdout, r.stdout + r.stderr
        assert not (plain / "records/archive").exists()
