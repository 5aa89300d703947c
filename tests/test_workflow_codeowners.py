"""CODEOWNERS generated from the records: `python -m generator codeowners [--check]`."""
from __future__ import annotations

import pytest

from workflow_repo import commit, edit, end_me, end_me_with_li_na_alone, make_repo, run, run_small_files


def test_codeowners_lists_cadres_with_their_reviewers_and_admins_for_the_rest(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "codeowners")
    assert r.returncode == 0, r.stdout + r.stderr
    lines = (repo / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [ln for ln in lines if ln and not ln.startswith("#")]
    assert rules[0] == "* @wang-admin"  # first: the catch-all; later lines win
    assert "/records/ @wang-admin" in rules and "/schemas/ @wang-admin" in rules
    assert "/generator/ @wang-admin" in rules and "/.github/ @wang-admin" in rules
    assert "/records/ledgers/*/zhang-wei.yaml @zhang-wei @cs-reviewer" in rules
    assert "/records/ledgers/*/li-na.yaml @Li-Na @me-reviewer" in rules
    assert "/records/ledgers/*/chen-gang.yaml @wang-admin" in rules  # no account: the unit's reviewer
    assert rules.index("/records/ @wang-admin") < rules.index("/records/ledgers/*/zhang-wei.yaml @zhang-wei @cs-reviewer")


def test_output_is_deterministic_and_check_passes_when_fresh(tmp_path):
    repo = make_repo(tmp_path)
    run(repo, "codeowners")
    first = (repo / "CODEOWNERS").read_bytes()
    run(repo, "codeowners")
    assert (repo / "CODEOWNERS").read_bytes() == first
    r = run(repo, "codeowners", "--check")
    assert r.returncode == 0 and "一致" in r.stdout


def test_stale_codeowners_fails_the_check(tmp_path):
    repo = make_repo(tmp_path)
    run(repo, "codeowners")
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("[cs-reviewer]", "[cs-reviewer, cs-deputy]"),
                     encoding="utf-8")
    r = run(repo, "codeowners", "--check")
    assert r.returncode == 1
    assert "CODEOWNERS:" in r.stdout and "E-FLOW-001" in r.stdout
    assert "@zhang-wei @cs-reviewer @cs-deputy" in r.stdout
    assert "python -m generator codeowners" in r.stdout  # the hint says how to fix it


def test_missing_codeowners_fails_the_check(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "codeowners", "--check", "--lang", "en")
    assert r.returncode == 1 and "there is no CODEOWNERS file" in r.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_write_that_fails_partway_leaves_codeowners_as_it_was_and_says_how_to_go_on(tmp_path, lang):
    """A full disk while CODEOWNERS is written: it was truncated (the reviewers' lines lost, so pull
    requests went unreviewed) and the command said only '内部错误 … File too large'.  It is now written
    beside itself and put in place whole; the old file stays, and the message says what was not
    written and the command to run again.  (A limit on file size stands in for the full disk.)"""
    repo = make_repo(tmp_path)
    run(repo, "codeowners")
    old = (repo / "CODEOWNERS").read_bytes()
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("[cs-reviewer]", "[cs-reviewer, cs-deputy]"),
                     encoding="utf-8")
    r = run_small_files(repo, len(old) + 5, "codeowners", "--lang", lang)
    said = r.stdout + r.stderr
    assert r.returncode == 2 and "Traceback" not in said and "内部错误" not in said, said
    assert (repo / "CODEOWNERS").read_bytes() == old, said
    assert [p.name for p in repo.iterdir() if p.name.startswith(".CODEOWNERS")] == []  # nothing left beside it
    told = {"zh": ["写入 CODEOWNERS 时出错（系统提示：File too large）：没有写入任何文件，原有的文件没有改动",
                   "再运行一次：python -m generator codeowners --lang zh"],
            "en": ["writing CODEOWNERS failed (File too large): nothing was written, the files there are unchanged",
                   "run again: python -m generator codeowners --lang en"]}[lang]
    assert all(s in said for s in told), said
    assert run(repo, "codeowners").returncode == 0 and "@cs-deputy" in (repo / "CODEOWNERS").read_text(encoding="utf-8")


def test_a_codeowners_linked_to_another_file_stays_a_link_and_its_target_is_written(tmp_path):
    """A university keeping CODEOWNERS in .github/ with a symbolic link to it at the top (or the other
    way round): `codeowners` replaced the link with a file of its own, so the file the link named kept
    the old reviewers and Git showed the link turned into a file.  The link now stays, and the file it
    names is written (whole, as any other)."""
    import os

    repo = make_repo(tmp_path)
    (repo / ".github").mkdir(exist_ok=True)
    (repo / ".github/CODEOWNERS").write_text("* @someone-old\n", encoding="utf-8")
    (repo / "CODEOWNERS").symlink_to(".github/CODEOWNERS")
    r = run(repo, "codeowners")
    assert r.returncode == 0, r.stdout + r.stderr
    assert (repo / "CODEOWNERS").is_symlink() and os.readlink(repo / "CODEOWNERS") == ".github/CODEOWNERS"
    written = (repo / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert "/records/ledgers/*/zhang-wei.yaml @zhang-wei @cs-reviewer" in written and "@someone-old" not in written
    assert [p.name for p in (repo / ".github").iterdir() if p.name.endswith(".tmp")] == []
    assert run(repo, "codeowners", "--check").returncode == 0


def test_the_committed_codeowners_of_this_repository_is_fresh():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if not (root / "records" / "policy.yaml").is_file() or not (root / "CODEOWNERS").is_file():
        import pytest

        pytest.skip("the demo records or CODEOWNERS are not there yet")
    r = run(root, "codeowners", "--check")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("took_over", [True, False])
def test_an_ended_units_reviewers_no_longer_own_its_cadres_ledgers(tmp_path, took_over):
    """机械学院 ended on 2026-03-05 and 李娜's file still says me: from the day after, her ledgers (of
    every period: a change is approved by whoever answers for them on the day it is made) are reviewed
    by the unit that took it over, else by the administrators, never by its former reviewer."""
    repo = make_repo(tmp_path)
    end_me(repo, took_over)

    def owners(today: str) -> str:
        r = run(repo, "codeowners", "--today", today)
        assert r.returncode == 0, r.stdout + r.stderr
        return next(ln for ln in (repo / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
                    if ln.startswith("/records/ledgers/*/li-na.yaml "))

    assert owners("2026-03-05") == "/records/ledgers/*/li-na.yaml @Li-Na @me-reviewer"  # its last day
    after = owners("2026-03-06")
    assert "@me-reviewer" not in after
    assert after == "/records/ledgers/*/li-na.yaml @Li-Na " + ("@mech-reviewer" if took_over else "@wang-admin")
    assert run(repo, "codeowners", "--check", "--today", "2026-03-06").returncode == 0
    # the file written before the day it ended is stale once it has: the check says so
    run(repo, "codeowners", "--today", "2026-03-05")
    stale = run(repo, "codeowners", "--check", "--today", "2026-03-06")
    assert stale.returncode == 1 and "E-FLOW-001" in stale.stdout


def _ended_on_main(tmp_path):
    """main: 机械学院 ends on 2026-03-05 (its cadres go to mech), CODEOWNERS written on that day and
    committed; nobody has written it again since."""
    repo = make_repo(tmp_path)
    end_me(repo, True)
    assert run(repo, "codeowners", "--today", "2026-03-05").returncode == 0
    return repo, commit(repo, "2026-03-05 10:00", "records and CODEOWNERS")


def test_a_pull_request_is_warned_not_failed_when_codeowners_went_stale_by_the_day_alone(tmp_path):
    """The day after 机械学院's until, the committed CODEOWNERS is stale by the calendar: 张伟's ledger
    pull request changed nothing about it, so it is a warning for the administrators, not a failure."""
    repo, base = _ended_on_main(tmp_path)
    edit(repo, "records/ledgers/2026-H1/zhang-wei.yaml", append="reflections: 补充体会。\n")
    commit(repo, "2026-03-06 10:00")
    args = ("codeowners", "--check", "--today", "2026-03-06")
    assert run(repo, *args).returncode == 1  # without the base: stale is stale (E-FLOW-001)
    r = run(repo, *args, "--base", base, "--format", "github")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "::warning file=CODEOWNERS" in r.stdout and "W-FLOW-001" in r.stdout and "E-FLOW" not in r.stdout
    assert "机械学院（me，存续至 2026-03-05）" in r.stdout and "python -m generator codeowners" in r.stdout
    en = run(repo, *args, "--base", base, "--lang", "en")
    assert en.returncode == 0 and "me (until 2026-03-05) ended" in en.stdout
    # on its last day the file is fresh
    assert "一致" in run(repo, "codeowners", "--check", "--today", "2026-03-05", "--base", base).stdout


@pytest.mark.parametrize("change", ["reviewer", "until"])
def test_a_pull_request_that_itself_makes_codeowners_stale_still_fails_with_a_base(tmp_path, change):
    """Changes to the records in the pull request (a reviewer added; another unit ended, in the past)
    that change CODEOWNERS are the pull request's to regenerate, even on a day some unit has ended."""
    repo, base = _ended_on_main(tmp_path)
    units = repo / "records/units.yaml"
    new = ("[cs-reviewer, cs-deputy]" if change == "reviewer" else '[cs-reviewer]\n    until: "2026-03-04"')
    units.write_text(units.read_text(encoding="utf-8").replace("[cs-reviewer]", new, 1), encoding="utf-8")
    commit(repo, "2026-03-06 10:00")
    r = run(repo, "codeowners", "--check", "--today", "2026-03-06", "--base", base, "--format", "github")
    assert r.returncode == 1 and "::error file=CODEOWNERS" in r.stdout and "E-FLOW-001" in r.stdout, r.stdout
    assert "W-FLOW-001" not in r.stdout


def test_a_sole_reviewers_own_ledger_is_given_to_the_administrators_to_approve(tmp_path):
    """党委组织部's only reviewer was its cadre 唐静健: his ledger's line named only him, and a Git host
    does not let an author approve their own pull request, so with "Require review from Code Owners"
    it could never be merged.  Here 计算机学院's only reviewer is zhang-wei and 机械学院's is Li-Na (as
    `li-na`: accounts are compared case-insensitively); their ledgers are the administrators' to
    approve too, the other cadres' stay with their unit's reviewer, and the reminder says so."""
    repo = make_repo(tmp_path)
    units = repo / "records/units.yaml"
    text = units.read_text(encoding="utf-8")
    units.write_text(text.replace("[cs-reviewer]", "[zhang-wei]").replace("[me-reviewer]", "[li-na]"), encoding="utf-8")
    commit(repo)
    assert run(repo, "codeowners").returncode == 0
    rules = [ln for ln in (repo / "CODEOWNERS").read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert "/records/ledgers/*/zhang-wei.yaml @zhang-wei @wang-admin" in rules
    assert "/records/ledgers/*/li-na.yaml @Li-Na @wang-admin" in rules
    assert "/records/ledgers/*/chen-gang.yaml @wang-admin" in rules
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in remind.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "@wang-admin" in line and "唯一的审核人" in line, remind.stdout


def _cs_reviewed_by_its_cadre_the_only_administrator(tmp_path, reviewers="[cs-reviewer]", now="[zhang-wei]",
                                                     admin="zhang-wei"):
    """计算机学院's only reviewer is its cadre zhang-wei, the only administrator too (W-FLOW-002);
    or another unit's `reviewers` made `now`, and `admin` the only administrator."""
    repo = make_repo(tmp_path)
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
         .replace(reviewers, now))
    edit(repo, "records/policy.yaml", text=(repo / "records/policy.yaml").read_text(encoding="utf-8")
         .replace("git: wang-admin", f"git: {admin}"))
    commit(repo)
    return repo


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_sole_reviewer_who_is_the_only_administrator_is_told_no_one_else_may_approve_his_ledger(tmp_path, lang):
    """计算机学院's only reviewer is its cadre zhang-wei, and he is the only administrator too: the
    administrators' fallback (Roles.approvers) named him again, so his ledger could still never be
    approved, and neither `codeowners` nor `codeowners --check` said a word.  Both now warn at the
    unit's reviewers in units.yaml whose ledger no one else may approve and how to fix it."""
    repo = _cs_reviewed_by_its_cadre_the_only_administrator(tmp_path)
    line = next(i for i, ln in enumerate((repo / "records/units.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "[zhang-wei]" in ln)
    for args in ([], ["--check"]):
        r = run(repo, "codeowners", *args, "--lang", lang)
        assert r.returncode == 0, r.stdout + r.stderr
        assert f"records/units.yaml:{line}:" in r.stdout and "W-FLOW-002" in r.stdout, r.stdout
        assert "zhang-wei" in r.stdout
        assert ("second reviewer" in r.stdout and "administrator" in r.stdout) if lang == "en" else \
            ("没有别人能审核" in r.stdout and "再登记一位审核人" in r.stdout and "管理员" in r.stdout), r.stdout
    # another reviewer (or administrator) to approve it: no warning
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
         .replace("[zhang-wei]", "[zhang-wei, cs-reviewer]"))
    assert "W-FLOW-002" not in run(repo, "codeowners").stdout


def test_a_unit_with_no_reviewers_whose_cadre_is_the_only_administrator_is_told_at_the_administrators(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
         .replace("[cs-reviewer]", "[]"))
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    edit(repo, "records/policy.yaml", text=policy.replace("git: wang-admin", "git: zhang-wei"))
    commit(repo)
    line = next(i for i, ln in enumerate(policy.splitlines(), 1) if ln.startswith("administrators:"))
    r = run(repo, "codeowners", "--lang", "en")
    assert r.returncode == 0 and f"records/policy.yaml:{line}:" in r.stdout and "W-FLOW-002" in r.stdout, r.stdout


def test_the_header_says_who_approves_a_ledger_as_the_lines_below_do(tmp_path):
    """Its third line said only “本单位审核人审核”, while the lines below give a sole reviewer's own
    ledger (and a unit's without reviewers or Git accounts) to the administrators."""
    repo = make_repo(tmp_path)
    assert run(repo, "codeowners").returncode == 0
    lines = (repo / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert "本单位审核人" in lines[2] and "唯一的审核人" in lines[2] and "管理员审核" in lines[2], lines[2]
    assert "only reviewer" in lines[3] and "administrators" in lines[3], lines[3]


def test_the_reminder_of_a_sole_reviewer_who_is_the_only_administrator_says_no_one_else_may_approve(tmp_path):
    """机械学院's only reviewer is its cadre li-na, and she is the only administrator too (W-FLOW-002):
    her line in the reminder said nothing, so under the heading naming her as the unit's reviewer
    it read as if her ledger would be reviewed as the others' are; it now says no one else may
    approve it and that the administrators are to add a second reviewer."""
    repo = make_repo(tmp_path)
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("[me-reviewer]", "[li-na]"), encoding="utf-8")
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("git: wang-admin", "git: Li-Na"), encoding="utf-8")
    commit(repo)
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in remind.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "没有别人能审核" in line and "W-FLOW-002" in line and "再登记一位审核人" in line, remind.stdout
    assert [ln for ln in remind.stdout.splitlines() if ln.startswith("- ") and "W-FLOW-002" in ln] == [line]  # (of the cadres, hers only)
    assert any(ln.startswith("> **请管理员注意**") and "“机械学院”的李娜" in ln for ln in remind.stdout.splitlines())


def test_the_reminder_tells_the_administrators_of_a_unit_where_nobody_else_may_approve(tmp_path):
    """计算机学院's only reviewer is its cadre zhang-wei, and he is the only administrator too
    (W-FLOW-002).  He has handed in his 2026-H1 ledger, so the reminder (open: 李娜 and 陈刚 have
    not) had no line of his, and the administrators' part said nothing of it: only `codeowners`
    did, in run logs nobody reads.  The administrators are now told which unit, and what to do,
    zh and en; with a second reviewer the line goes."""
    repo = _cs_reviewed_by_its_cadre_the_only_administrator(tmp_path)
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert remind.returncode == 1 and "zhang-wei.yaml" not in remind.stdout, remind.stdout  # (not missing)
    [zh] = [ln for ln in remind.stdout.splitlines() if "W-FLOW-002" in ln and "没有别人能审核" in ln]
    assert zh.startswith("> **请管理员注意** @zhang-wei") and "计算机学院" in zh and "张伟" in zh, zh
    assert "再登记一位审核人" in zh and "records/units.yaml" in zh and "records/policy.yaml" in zh, zh
    [en] = [ln for ln in remind.stdout.splitlines() if "W-FLOW-002" in ln and "second reviewer" in ln]
    assert "zhang-wei" in en and "计算机学院" in en and "second administrator" in en, en
    coverage = run(repo, "remind", "--coverage", "--today", "2026-06-20").stdout  # (the administrators' own issue)
    assert zh in coverage.splitlines() and en in coverage.splitlines(), coverage
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
         .replace("[zhang-wei]", "[zhang-wei, cs-reviewer]"))
    commit(repo)
    assert "W-FLOW-002" not in run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout


def test_the_reminder_of_a_cadre_of_a_unit_without_reviewers_who_is_the_only_administrator_says_so(tmp_path):
    """机械学院 has no reviewers and its cadre li-na is the only administrator (W-FLOW-002 at
    policy.yaml): her line said “本人是本单位唯一的审核人”, which she is not, under a heading saying
    the unit has none; it now says the unit has no reviewer and she is the only administrator."""
    repo = _cs_reviewed_by_its_cadre_the_only_administrator(tmp_path, "[me-reviewer]", "[]", "Li-Na")
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    [line] = [ln for ln in remind.stdout.splitlines() if ln.startswith("- ") and "李娜" in ln]
    assert "唯一的审核人" not in line and "本单位没有审核人" in line and "唯一的管理员" in line, line
    assert "没有别人能审核" in line and "W-FLOW-002" in line, line


@pytest.mark.parametrize("took_over", [False, True])
def test_w_flow_002_of_a_cadre_of_an_ended_unit_names_who_reviews_for_it(tmp_path, took_over):
    """机械学院 ended on 2026-03-05 and its cadre 李娜 is the only administrator.  With no successor
    named, its ledgers go to the administrators, yet `codeowners` said she was “a cadre of 机械学院
    (which has no reviewers)” — it had me-reviewer — and to add a reviewer to it, which changes
    nothing for an ended unit; the reminder's note to the administrators said the same.  Both now say
    the unit ended with no successor and to move her to the unit that took over (W-CHK-014); with a
    successor she alone reviews, that unit is named as the one she reviews, not 机械学院."""
    repo = make_repo(tmp_path)
    end_me_with_li_na_alone(repo, took_over)
    commit(repo)
    zh, en = (run(repo, "codeowners", "--lang", lang, "--today", "2026-06-20").stdout for lang in ("zh", "en"))
    assert "W-FLOW-002" in zh and "W-FLOW-002" in en, zh + en
    if took_over:
        assert "“机械与自动化学院”唯一的审核人" in zh and "the only reviewer of '机械与自动化学院'" in en, zh + en
        assert "“机械学院”唯一的审核人" not in zh, zh
        return
    assert "没有审核人" not in zh and "has no reviewers" not in en, zh + en
    assert "2026-03-05" in zh and "接替的单位" in zh and "W-CHK-014" in zh, zh
    assert "2026-03-05" in en and "unit that took over" in en and "W-CHK-014" in en, en
    remind = run(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20").stdout.splitlines()
    [note_zh] = [ln for ln in remind if ln.startswith("> **请管理员注意**") and "W-FLOW-002" in ln]
    [note_en] = [ln for ln in remind if ln.startswith("> Nobody else") and "W-FLOW-002" in ln]
    assert "W-CHK-014" in note_zh and "接替的单位" in note_zh, note_zh
    assert "W-CHK-014" in note_en and "unit that took over" in note_en, note_en


def test_w_flow_002_of_a_cadre_whose_successor_unit_has_no_reviewers_names_the_successor(tmp_path):
    """机械学院 ended on 2026-03-05; 机械与自动化学院 took it over and has no reviewers, so the
    administrators review its cadres, and 李娜 is the only one.  codeowners said she was “a cadre of
    机械学院 (which has no reviewers)” — 机械学院 had a reviewer, and it is the successor that has
    none — while its advice named the successor.  Both now name the successor."""
    repo = make_repo(tmp_path)
    end_me_with_li_na_alone(repo, took_over=True)
    edit(repo, "records/units.yaml", text=(repo / "records/units.yaml").read_text(encoding="utf-8")
         .replace("[li-na]", "[]"))
    commit(repo)
    zh, en = (run(repo, "codeowners", "--lang", lang, "--today", "2026-06-20").stdout for lang in ("zh", "en"))
    assert "W-FLOW-002" in zh and "W-FLOW-002" in en, zh + en
    assert "“机械与自动化学院”的干部（该单位没有审核人）" in zh, zh
    assert "a cadre of '机械与自动化学院' (which has no reviewers)" in en, en
    assert "“机械学院”的干部" not in zh, zh


def test_w_flow_002_names_the_records_folder_given(tmp_path):
    """codeowners --records 'my records' told its sole reviewer 在 records/units.yaml 中为“计算机学院”再登记一位审核人
    beside 在 my records/policy.yaml 的 administrators: the first of two folders not there."""
    import shutil

    repo = _cs_reviewed_by_its_cadre_the_only_administrator(tmp_path)
    shutil.move(repo / "records", repo / "my records")
    for lang, words in (("zh", "在 my records/units.yaml 中为“"), ("en", "(reviewers in my records/units.yaml)")):
        r = run(repo, "codeowners", "--records", "my records", "--lang", lang)
        [line] = [ln for ln in r.stdout.splitlines() if words in ln]
        assert "my records/policy.yaml" in line and " records/" not in line.replace("my records/", ""), r.stdout
