"""Pull-request ownership check (R17): `python -m generator ownership --base --head --actor`,
run on real temporary Git repositories, as the pull-request workflow runs it."""
from __future__ import annotations

import pytest

from workflow_repo import broken, commit, edit, end_me, git, head, make_repo, run, run_process

OWN = "records/ledgers/2026-H1/zhang-wei.yaml"
MORE = "reflections: 补充：新生最需要学业规划指导。\n"


def check(repo, base, actor, *extra):
    return run(repo, "ownership", "--base", base, "--head", head(repo), "--actor", actor, *extra)


def test_cadre_changes_own_open_ledger(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, OWN, append=MORE)
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "都在其权限之内" in r.stdout


def test_cadre_adds_a_new_own_ledger(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    text = (repo / OWN).read_text(encoding="utf-8").replace("2026-H1", "2026-H2")
    edit(repo, "records/ledgers/2026-H2/zhang-wei.yaml", text=text)
    commit(repo)
    assert check(repo, base, "zhang-wei").returncode == 0


def test_cadre_may_not_add_or_change_another_cadres_ledger(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, "records/ledgers/2025-H2/chen-gang.yaml", append=MORE)
    text = (repo / OWN).read_text(encoding="utf-8").replace("zhang-wei", "li-na")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml", text=text)
    edit(repo, OWN, append=MORE)  # their own change in the same pull request is fine
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    out = r.stdout
    assert "records/ledgers/2025-H2/chen-gang.yaml: 错误 E-OWN-001" in out
    assert "records/ledgers/2026-H1/li-na.yaml: 错误 E-OWN-001" in out
    # (whose ledger, by name and unit: the id alone told a reviewer nothing)
    assert "这是机械学院干部李娜（li-na）的台账" in out, out
    en = run(repo, "--lang", "en", "ownership", "--base", base, "--head", head(repo), "--actor", "zhang-wei")
    assert "it is the ledger of 李娜 (li-na), a cadre of 机械学院, not their own" in en.stdout, en.stdout
    assert OWN + ":" not in out  # only refused files are named
    assert "怎么改" in out


def test_archived_period_is_frozen_for_its_cadre(tmp_path):
    repo = make_repo(tmp_path)
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    base = commit(repo, "2026-01-10 10:00", "archive 2025-H2")
    edit(repo, "records/ledgers/2025-H2/zhang-wei.yaml", append=MORE)
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    assert "records/ledgers/2025-H2/zhang-wei.yaml: 错误 E-OWN-002" in r.stdout
    assert "2025-H2 期间已于 2026-01-10 备案" in r.stdout
    assert "records/amendments/2025-H2/" in r.stdout  # the hint says how a correction is made


def test_rename_into_another_cadres_name_is_refused(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    git(repo, "mv", OWN, "records/ledgers/2026-H1/li-na.yaml")
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    assert "E-OWN-006" in r.stdout
    assert "records/ledgers/2026-H1/li-na.yaml" in r.stdout
    assert OWN in r.stdout


def test_deleting_a_record_is_refused_even_ones_own(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    (repo / OWN).unlink()
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    assert f"{OWN}: 错误 E-OWN-003" in r.stdout
    assert "不能删除记录文件" in r.stdout


def test_organisation_data_and_project_files_are_administrators_only(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, "records/units.yaml", append="  - {id: ee, name: 电气学院, type: 学院, reviewers: [zhang-wei]}\n")
    edit(repo, "schemas/x.schema.json", text="{}\n")
    edit(repo, ".github/workflows/x.yml", text="on: push\n")
    commit(repo)
    r = run_process(repo, "ownership", "--base", base, "--head", head(repo), "--actor", "cs-reviewer")
    assert r.returncode == 1
    assert "records/units.yaml: 错误 E-OWN-004" in r.stdout and "组织数据" in r.stdout
    assert "schemas/x.schema.json: 错误 E-OWN-004" in r.stdout
    assert ".github/workflows/x.yml: 错误 E-OWN-004" in r.stdout


def test_roles_come_from_the_base_not_from_the_pull_request(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "    git: wang-admin\n", "    git: wang-admin\n  - name: 张伟\n    git: zhang-wei\n"), encoding="utf-8")
    edit(repo, "records/ledgers/2025-H2/chen-gang.yaml", append=MORE)
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    assert "records/policy.yaml: 错误 E-OWN-004" in r.stdout
    assert "chen-gang.yaml: 错误 E-OWN-001" in r.stdout


def test_unit_reviewer_changes_their_units_ledgers_only(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, OWN, append=MORE)
    commit(repo)
    assert check(repo, base, "cs-reviewer").returncode == 0
    r = check(repo, base, "me-reviewer")
    assert r.returncode == 1 and f"{OWN}: 错误 E-OWN-001" in r.stdout


def test_git_accounts_compare_case_insensitively(tmp_path):
    repo = make_repo(tmp_path)  # li-na's account is written Li-Na
    base = head(repo)
    text = (repo / OWN).read_text(encoding="utf-8").replace("zhang-wei", "li-na")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml", text=text)
    commit(repo)
    assert check(repo, base, "li-na").returncode == 0


def test_administrator_may_change_and_delete_anything(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, "records/units.yaml", append="\n")
    (repo / "records/ledgers/2025-H2/chen-gang.yaml").unlink()
    git(repo, "mv", OWN, "records/ledgers/2026-H1/li-na.yaml")
    commit(repo)
    r = check(repo, base, "Wang-Admin")
    assert r.returncode == 0, r.stdout
    assert "管理员" in r.stdout


def test_unknown_account_is_refused_in_english_too(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, OWN, append=MORE)
    commit(repo)
    r = check(repo, base, "stranger", "--lang", "en")
    assert r.returncode == 1
    assert f"{OWN}: error E-OWN-005" in r.stdout
    assert "account stranger is not a cadre, reviewer or administrator" in r.stdout


def test_github_format_annotates_the_refused_file(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, "records/units.yaml", append="\n")
    commit(repo)
    r = check(repo, base, "zhang-wei", "--format", "github")
    assert r.returncode == 1
    assert r.stdout.startswith("::error file=records/units.yaml,title=E-OWN-004::")


def test_bad_revision_exits_2_without_traceback(tmp_path):
    repo = make_repo(tmp_path)
    r = run_process(repo, "ownership", "--base", "no-such-rev", "--head", "HEAD", "--actor", "zhang-wei")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "无法读取 Git 仓库" in r.stderr


def test_a_broken_repository_is_said_in_the_user_s_language_with_git_s_words_on_a_line_apart(tmp_path):
    """Both revisions there, but a renamed and changed file's object deleted from .git/objects: git diff -M cannot read it.
    The message said git's English alone (无法读取 Git 仓库：fatal: unable to read …); now what went wrong and what to
    do, then git's own words, marked as git's, in Chinese or English; exit 2, no traceback."""
    repo = make_repo(tmp_path)
    base = broken(repo)
    for lang, said, git_said in (("zh", "无法读取 Git 仓库：Git 仓库不完整或已损坏", "git 的原话：fatal: unable to read"),
                                 ("en", "cannot read the Git repository: the Git repository is incomplete or damaged",
                                  "git said: fatal: unable to read")):
        r = run_process(repo, "--lang", lang, "ownership", "--base", base, "--head", "HEAD", "--actor", "zhang-wei")
        assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr, r.stderr
        first, second = r.stderr.splitlines()
        assert first.startswith(said) and "git fsck" in first and "fatal" not in first, first
        assert second.startswith(git_said), second


def test_a_reviewers_text_in_place_of_a_list_makes_none_of_its_letters_an_account(tmp_path):
    # `reviewers: cs-reviewer` (validate's E-SCHEMA-003) once gave the accounts c, s, -, r … a role
    repo = make_repo(tmp_path)
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("reviewers: [cs-reviewer]", "reviewers: cs-reviewer"),
                     encoding="utf-8")
    base = commit(repo, message="a typo in units.yaml")
    edit(repo, OWN, append=MORE)
    commit(repo)
    for actor in ("c", "s", "-", "cs-reviewer"):
        r = check(repo, base, actor)
        assert r.returncode == 1 and f"{OWN}: 错误 E-OWN-005" in r.stdout, (actor, r.stdout)
    assert check(repo, base, "zhang-wei").returncode == 0  # the cadre's own role is untouched


def test_an_empty_or_option_like_revision_is_refused_not_passed(tmp_path):
    # an unset CI variable gave `--base ''`, which compared HEAD with itself: 0 files, exit 0
    repo = make_repo(tmp_path)
    edit(repo, "records/units.yaml", append="\n")
    commit(repo)
    planted = tmp_path / "planted"
    for base, head_ in (("", ""), ("", "HEAD"), (" ", "HEAD"), (f"--output={planted}", "HEAD"), ("HEAD~1", "-p")):
        r = run_process(repo, "ownership", f"--base={base}", f"--head={head_}", "--actor", "zhang-wei")
        assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr, (base, head_, r.stderr)
        assert "应是一个提交" in r.stderr
    assert not list(tmp_path.glob("planted*"))  # nothing handed to git as an option


def test_the_message_names_no_role_in_chinese_too(tmp_path):
    repo = make_repo(tmp_path)
    base = head(repo)
    commit(repo, message="nothing")  # (an empty change: no file to refuse)
    r = check(repo, base, "nobody")
    assert r.returncode == 0 and "nobody（无角色）" in r.stdout, r.stdout


def test_what_the_merge_would_change_is_judged_even_with_several_merge_bases(tmp_path):
    # A criss-cross: main archives 2025-H2 and merges the cadre's first pull request; the second,
    # from the first, merges the archive in and then deletes it.  The three-dot diff (one merge base,
    # picked by git) showed nothing, yet merging it removed the manifest: the period unfrozen.
    repo = make_repo(tmp_path)
    start = head(repo)
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    archived = commit(repo, "2026-01-10 10:00", "archive 2025-H2")
    git(repo, "checkout", "-q", "-b", "first", start)
    edit(repo, OWN, append=MORE)
    first = commit(repo, "2026-01-11 10:00", "own ledger")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "merge the first", first, date="2026-01-12 10:00")
    base = head(repo)
    git(repo, "checkout", "-q", "-b", "second", first)
    git(repo, "merge", "-q", "--no-ff", "-m", "main's archive in", archived, date="2026-01-13 10:00")
    git(repo, "rm", "-q", "-r", "records/archive")
    commit(repo, "2026-01-13 11:00", "the archive out")
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1, r.stdout
    assert "records/archive/2025-H2.yaml: 错误 E-OWN-003" in r.stdout


def test_records_made_a_link_to_another_folder_does_not_move_the_roles(tmp_path):
    # the pull request moves records/ to data/, links records -> data and makes its author an administrator
    repo = make_repo(tmp_path)
    base = head(repo)
    git(repo, "mv", "records", "data")
    (repo / "records").symlink_to("data")
    policy = repo / "data/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "    git: wang-admin\n", "    git: wang-admin\n  - name: 张伟\n    git: zhang-wei\n"), encoding="utf-8")
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1, r.stdout
    assert "records/policy.yaml: 错误 E-OWN-00" in r.stdout and "\nrecords: 错误 E-OWN-004" in "\n" + r.stdout
    (repo / "records").unlink()
    (repo / "records").symlink_to("/etc/hostname")  # a link out of the repository: once an internal error
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1 and "内部错误" not in r.stderr and "records/policy.yaml: 错误 E-OWN-00" in r.stdout


def test_a_rename_deletes_its_old_path(tmp_path):
    # moved, the 2026-H1 ledger is gone (as a reviewer's "rename" of a cadre's ledger into their own was)
    repo = make_repo(tmp_path)
    base = head(repo)
    (repo / "records/ledgers/2026-H2").mkdir()
    git(repo, "mv", OWN, "records/ledgers/2026-H2/zhang-wei.yaml")  # the cadre's own, into another period
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1 and f"{OWN}: 错误 E-OWN-003" in r.stdout, r.stdout
    assert check(repo, base, "wang-admin").returncode == 0


def test_an_archive_manifest_that_does_not_parse_still_freezes_its_period(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo, "records/archive/2025-H2.yaml", text="period: [2025-H2\n")
    base = commit(repo, "2026-01-10 10:00", "a broken manifest")
    edit(repo, "records/ledgers/2025-H2/zhang-wei.yaml", append=MORE)
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1 and "records/ledgers/2025-H2/zhang-wei.yaml: 错误 E-OWN-002" in r.stdout, r.stdout


def test_only_the_files_the_roles_are_read_from_are_taken_from_the_base(tmp_path):
    """The policy, the units, the cadres and the archived periods: not the ledgers, classes and the
    rest, which a large university has 12,000 of (extracting and validating them took ≈12 s a
    pull request at 12k ledgers; this takes ≈0.5 s)."""
    from generator.ownership import records_at

    repo = make_repo(tmp_path)
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    base = commit(repo, "2026-01-10 10:00", "archive 2025-H2")
    edit(repo, "records/cadres/zhao-lei.yaml", text="id: zhao-lei\n")  # after base: not taken
    commit(repo)
    folder = records_at(repo, base, "records", tmp_path / "base")
    taken = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert taken == ["archive/2025-H2.yaml", "cadres/chen-gang.yaml", "cadres/li-na.yaml",
                     "cadres/zhang-wei.yaml", "policy.yaml", "units.yaml"]
    assert (folder / "policy.yaml").read_text(encoding="utf-8") == git(repo, "show", f"{base}:records/policy.yaml")
    assert records_at(repo, base, "no-such-folder", tmp_path / "none") is None


def test_a_base_whose_records_hold_no_roles_gives_nobody_a_role(tmp_path):
    """Records at the base without the policy, units and cadres: nobody has a role there, and the
    pull request's own policy (making its author an administrator) is not used instead."""
    repo = make_repo(tmp_path)
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    for name in ("records/policy.yaml", "records/units.yaml"):
        (repo / name).unlink()
    for cadre in (repo / "records/cadres").iterdir():
        cadre.unlink()
    base = commit(repo, message="records without roles")
    edit(repo, "records/policy.yaml", text=policy.replace(
        "    git: wang-admin\n", "    git: wang-admin\n  - name: 张伟\n    git: zhang-wei\n"))
    edit(repo, OWN, append=MORE)
    commit(repo)
    r = check(repo, base, "zhang-wei")
    assert r.returncode == 1
    assert f"{OWN}: 错误 E-OWN-005" in r.stdout


def test_the_base_records_temporary_folder_is_gone_afterwards(tmp_path, monkeypatch):
    """The base's records are checked in a temporary folder: nothing of it is left behind (the
    positions the run asked of them were once kept in it after it had been removed: with an
    archived period at the base, every pull request left a folder)."""
    repo = make_repo(tmp_path / "repo")
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    base = commit(repo, "2026-01-10 10:00", "archive 2025-H2")
    edit(repo, OWN, append=MORE)
    commit(repo)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    r = run_process(repo, "ownership", "--base", base, "--head", head(repo), "--actor", "zhang-wei")
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*")) == []


def test_gitlabs_ownership_job_runs_the_base_commits_program_for_the_merge_requests_author(tmp_path):
    """.gitlab-ci.yml's ownership job, its script lines as GitLab runs them in a checkout of the
    merge request's commit (`make setup` aside; `.venv/bin/python` is this interpreter). The merge
    request brings a program of its own (`python -m generator` in the checkout would run it and
    pass) and changes another cadre's ledger; an administrator ran the pipeline again."""
    import os
    import subprocess
    import sys

    import yaml
    from workflow_repo import ROOT

    repo = make_repo(tmp_path)
    base = head(repo)
    edit(repo, "records/ledgers/2025-H2/chen-gang.yaml", append=MORE)
    edit(repo, "generator/__main__.py", text='print("都在其权限之内")\n')  # a program that passes everything
    edit(repo, "generator/__init__.py", text="")
    mr = commit(repo)
    job = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["ownership"]
    env = dict(os.environ, PYTHONPATH=str(ROOT), GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1",
               CI_MERGE_REQUEST_DIFF_BASE_SHA=base, CI_COMMIT_SHA=mr, CI_MERGE_REQUEST_AUTHOR="zhang-wei",
               GITLAB_USER_LOGIN="wang-admin")
    env.pop("CI_MERGE_REQUEST_TARGET_BRANCH_SHA", None)
    out = []
    for line in job["script"]:
        if line == "make setup":
            continue
        r = subprocess.run(["sh", "-c", line.replace(".venv/bin/python", sys.executable)], cwd=repo, env=env,
                           capture_output=True, text=True, timeout=300)
        out.append(r)
    last = out[-1]
    assert last.returncode == 1, last.stdout + last.stderr
    assert "records/ledgers/2025-H2/chen-gang.yaml: 错误 E-OWN-001" in last.stdout
    assert "generator/__main__.py: 错误 E-OWN-004" in last.stdout


@pytest.mark.parametrize("took_over", [True, False])
def test_an_ended_units_reviewer_may_no_longer_change_its_cadres_ledgers(tmp_path, took_over):
    """机械学院 (me) ended on 2026-03-05 (its `until` at the base); 李娜's file still says me.  Her
    ledgers, of a period when the unit existed too, are then the business of the unit that took it over
    (its cadres moved there that day), else of the administrators alone: never of me's former reviewer."""
    repo = make_repo(tmp_path)
    end_me(repo, took_over)
    base = commit(repo, "2026-03-01 09:00", "机械学院合并")
    text = (repo / OWN).read_text(encoding="utf-8").replace("zhang-wei", "li-na")
    edit(repo, "records/ledgers/2026-H1/li-na.yaml", text=text)
    edit(repo, "records/ledgers/2025-H2/li-na.yaml", text=text.replace("2026-H1", "2025-H2"))
    commit(repo)
    assert check(repo, base, "me-reviewer", "--today", "2026-03-05").returncode == 0  # its last day
    old = check(repo, base, "me-reviewer", "--today", "2026-03-06")
    assert old.returncode == 1 and "records/ledgers/2025-H2/li-na.yaml: 错误 E-OWN-007" in old.stdout  # no role left
    # …and is told why: not "not a registered reviewer" (units.yaml still lists them), but that the unit
    # ended on its until, and who reviews its cadres' ledgers now
    assert "不是记录中登记的" not in old.stdout
    assert "“机械学院”已于 2026-03-05 合并或撤销" in old.stdout, old.stdout
    now = "“机械与自动化学院”的审核人 mech-reviewer" if took_over else "管理员 wang-admin"
    assert now in old.stdout, old.stdout
    en = check(repo, base, "me-reviewer", "--today", "2026-03-06", "--lang", "en")
    assert "error E-OWN-007" in en.stdout and "is not a cadre, reviewer" not in en.stdout
    assert "reviewed 机械学院, which ended on 2026-03-05" in en.stdout, en.stdout
    assert ("the reviewers of 机械与自动化学院 (mech-reviewer)" if took_over else "the administrators (wang-admin)") in en.stdout
    new = check(repo, base, "mech-reviewer", "--today", "2026-03-06")
    assert new.returncode == (0 if took_over else 1), new.stdout
    assert check(repo, base, "Li-Na", "--today", "2026-03-06").returncode == 0  # her own, as before
    assert check(repo, base, "wang-admin", "--today", "2026-03-06").returncode == 0


@pytest.mark.parametrize("took_over", [True, False])
def test_an_ended_units_reviewer_who_is_a_cadre_is_told_the_unit_ended(tmp_path, took_over):
    """As above, but me's former reviewer is also a cadre (陈刚's account): they got E-OWN-001, "not
    their own nor of a unit they review", on 李娜's ledger with no word that 机械学院 ended, though
    they were listed as its reviewer; E-OWN-001 now says so, and who reviews its cadres' ledgers now."""
    repo = make_repo(tmp_path)
    end_me(repo, took_over)
    edit(repo, "records/cadres/chen-gang.yaml", append="git: me-reviewer\n")
    base = commit(repo, "2026-03-01 09:00", "机械学院合并")
    text = (repo / OWN).read_text(encoding="utf-8").replace("zhang-wei", "li-na")
    edit(repo, "records/ledgers/2025-H2/li-na.yaml", text=text.replace("2026-H1", "2025-H2"))
    commit(repo)
    assert check(repo, base, "me-reviewer", "--today", "2026-03-05").returncode == 0  # its last day
    old = check(repo, base, "me-reviewer", "--today", "2026-03-06")
    assert old.returncode == 1 and "records/ledgers/2025-H2/li-na.yaml: 错误 E-OWN-001" in old.stdout, old.stdout
    assert "“机械学院”已于 2026-03-05 合并或撤销" in old.stdout, old.stdout
    now = "“机械与自动化学院”的审核人 mech-reviewer" if took_over else "管理员 wang-admin"
    assert now in old.stdout, old.stdout
    en = check(repo, base, "me-reviewer", "--today", "2026-03-06", "--lang", "en")
    assert "error E-OWN-001" in en.stdout and "reviewed 机械学院, which ended on 2026-03-05" in en.stdout, en.stdout
    assert ("the reviewers of 机械与自动化学院 (mech-reviewer)" if took_over else "the administrators (wang-admin)") in en.stdout
    other = check(repo, base, "zhang-wei", "--today", "2026-03-06")  # (a cadre who never reviewed it: as before)
    assert "E-OWN-001" in other.stdout and "合并或撤销" not in other.stdout, other.stdout
