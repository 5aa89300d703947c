"""`check --unit ID`: a unit reviewer (学院审核人) sees her unit's warnings — of its cadres, ledgers, classes and clubs —
and every error anywhere, the first line saying how many warnings of the university's were left out; the exit
status stays the university's.  An unknown unit: said with the units' ids, exit 2."""
from __future__ import annotations

import json

from tests.gitrepo import cadre, check_cli, commit, git, ledger, write
from tests.test_check_cli import _late_and_missing_by_unit

TODAY = ("--today", "2026-07-01")


def _reviewed(tmp_path):
    """_late_and_missing_by_unit's records (计算机学院: 张伟, 王芳; 机械学院: 李娜, late; 党委学生工作部: 陈刚, a club's), and
    李娜's row of the assignments ending with no reason and none after it (W-CHK-003, W-CHK-020: the row is hers, the
    file everyone's), 王芳's 2026-H1 with an activity in the winter holiday (W-CHK-010: no unit in its data, the ledger
    hers), 李娜's 2026-H1 with an error (机械学院's, listed to every unit)."""
    repo = _late_and_missing_by_unit(tmp_path)
    rows = repo / "records/assignments/2025-2027.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace(
        "class: me-2025-01\n    start: \"2025-09-01\"\n", "class: me-2025-01\n    start: \"2025-09-01\"\n    end: \"2026-08-31\"\n"),
        encoding="utf-8")
    ledger = ("cadre: {c}\nperiod: 2026-H1\ncontact_points: [{p}]\nactivities:\n  - date: \"{d}\"\n    form: 主题班会\n"
              "    place: 进班级\n    channel: 面对面\n    students: {n}\n    summary: 参加主题班会，与同学们交流学习情况。\n")
    write(repo, {"records/ledgers/2026-H1/wang-fang.yaml": ledger.format(c="wang-fang", p="cs-2025-02", d="2026-02-10", n=20),
                 "records/ledgers/2026-H1/li-na.yaml": ledger.format(c="li-na", p="me-2025-01", d="2026-03-10", n="很多")})
    commit(repo, "2026-06-20 10:00", "two ledgers; 李娜's row ends")
    return repo


def _said(text: str) -> list[tuple[str, str, str]]:
    """(file, severity, code) of each finding of a text report."""
    out = []
    for line in text.splitlines():
        if line.startswith("records/") and (": 错误 " in line or ": 警告 " in line):
            where, rest = line.split(": ", 1)
            severity, code = rest.split(" ", 2)[:2]
            out.append((where.split(":", 1)[0], severity, code.rstrip(":")))
    return out


def test_a_unit_reviewer_sees_her_unit_s_warnings_and_every_error(tmp_path):
    repo = _reviewed(tmp_path)
    records = repo / "records"
    whole = check_cli(records, *TODAY, cwd=repo)
    everything = _said(whole.stdout)
    assert whole.returncode == 1 and len(everything) == 13, whole.stdout  # (one error, twelve warnings)
    error = ("records/ledgers/2026-H1/li-na.yaml", "错误", "E-SCHEMA-003")
    expected = {
        "cs": {error, ("records/ledgers/2025-H2/wang-fang.yaml", "警告", "W-CHK-006"),
               ("records/ledgers/2025-H2/zhang-wei.yaml", "警告", "W-CHK-006"),
               ("records/ledgers/2026-H1/zhang-wei.yaml", "警告", "W-CHK-006"),
               ("records/cadres/wang-fang.yaml", "警告", "W-CHK-004"), ("records/cadres/zhang-wei.yaml", "警告", "W-CHK-004"),
               ("records/ledgers/2026-H1/wang-fang.yaml", "警告", "W-CHK-010")},
        "me": {error, ("records/ledgers/2025-H2/li-na.yaml", "警告", "W-CHK-005"),
               ("records/assignments/2025-2027.yaml", "警告", "W-CHK-003"),
               ("records/assignments/2025-2027.yaml", "警告", "W-CHK-020")},
        "xgb": {error, ("records/ledgers/2025-H2/chen-gang.yaml", "警告", "W-CHK-006"),
                ("records/ledgers/2026-H1/chen-gang.yaml", "警告", "W-CHK-006"),
                ("records/cadres/chen-gang.yaml", "警告", "W-CHK-004")}}
    assert set(everything) == set().union(*expected.values())
    names = {"cs": "计算机学院", "me": "机械学院", "xgb": "党委学生工作部"}
    for unit, mine in expected.items():
        for asked in (unit, names[unit]):  # (an id, or the name a user types)
            run = check_cli(records, *TODAY, "--unit", asked, cwd=repo)
            assert run.returncode == 1, run.stderr  # (the university's status: an error anywhere)
            assert set(_said(run.stdout)) == mine and len(_said(run.stdout)) == len(mine), run.stdout
            first = run.stdout.splitlines()[0]
            assert first == (f"联系学生工作检查（2026-07-01）：只列出{names[unit]}的提示；全校另有 {13 - len(mine)} 条提示未列出"
                             "（记录的错误不论哪个单位的都列出，概况是全校的；不加 --unit 即列出全部）"), first
            assert run.stdout.splitlines()[-1] == whole.stdout.splitlines()[-1]  # (共 13 个文件：1 个错误，12 个警告)
    both = [check_cli(records, *TODAY, *args, cwd=repo) for args in (("--unit", "cs", "--unit", "me"), ("--unit", "cs,机械学院"))]
    assert both[0].stdout == both[1].stdout
    assert set(_said(both[0].stdout)) == expected["cs"] | expected["me"], both[0].stdout
    assert both[0].stdout.splitlines()[0].startswith("联系学生工作检查（2026-07-01）：只列出计算机学院、机械学院的提示；全校另有 3 条")
    # (--strict, the scheduled run's: the findings about time are errors, and still the unit's — not every unit's)
    strict = check_cli(records, *TODAY, "--strict", "--unit", "me", cwd=repo)
    assert strict.returncode == 1 and {where for where, _, _ in _said(strict.stdout)} == {
        where for where, _, _ in expected["me"]}, strict.stdout
    assert ("records/ledgers/2025-H2/li-na.yaml", "错误", "W-CHK-005") in _said(strict.stdout), strict.stdout
    assert "全校另有 9 条提示未列出" in strict.stdout.splitlines()[0], strict.stdout
    en = check_cli(records, *TODAY, "--unit", "me", "--lang", "en", cwd=repo).stdout.splitlines()[0]
    assert en == ("Contact-ledger checks (2026-07-01): Only the findings of 机械学院 are listed; 9 more warnings of the "
                  "university's are not (every record error is, whichever unit's, and the overview is the university's; "
                  "without --unit, all are)"), en


def test_every_format_lists_the_unit_s_findings_and_says_what_it_left_out(tmp_path):
    repo = _reviewed(tmp_path)
    records = repo / "records"
    whole = json.loads(check_cli(records, *TODAY, "--format", "json", cwd=repo).stdout)
    run = check_cli(records, *TODAY, "--unit", "me", "--format", "json", cwd=repo)
    data = json.loads(run.stdout)
    assert run.returncode == 1
    assert [(f["file"], f["code"]) for f in data["findings"]] == [
        (f["file"], f["code"]) for f in whole["findings"] if (f["file"], f["code"]) in {
            ("records/ledgers/2026-H1/li-na.yaml", "E-SCHEMA-003"), ("records/ledgers/2025-H2/li-na.yaml", "W-CHK-005"),
            ("records/assignments/2025-2027.yaml", "W-CHK-003"), ("records/assignments/2025-2027.yaml", "W-CHK-020")}]
    assert data["unit"] == {"ids": ["me"], "names": ["机械学院"], "not_listed": 9, "said": data["unit"]["said"]}
    assert data["summary"] == whole["summary"] and data["ledgers"] == whole["ledgers"]  # (the university's)

    gh = check_cli(records, *TODAY, "--unit", "me", "--format", "github", cwd=repo).stdout.splitlines()
    assert gh[0] == "::notice title=check::" + data["unit"]["said"], gh
    assert sorted(ln.split("title=", 1)[1].split("::")[0] for ln in gh if ln.startswith(("::error ", "::warning "))) == [
        "E-SCHEMA-003", "W-CHK-003", "W-CHK-005", "W-CHK-020"], gh

    for lang, title, errors in (("zh", "### 台账逾期与未提交", "### 已提交但有错误的台账（改正前不算通过）"),
                                ("en", "### Late and missing ledgers", "### Ledgers handed in with errors (not accepted until fixed)")):
        md = check_cli(records, *TODAY, "--unit", "cs", "--format", "markdown", "--lang", lang, cwd=repo).stdout
        head = md.splitlines()[0]
        assert head.startswith("## ") and ("只列出计算机学院的提示；全校另有 6 条提示未列出" in head if lang == "zh"
                                           else "Only the findings of 计算机学院 are listed; 6 more warnings" in head), md
        section = md.split(title + "\n", 1)[1].split("\n### ", 1)[0]
        assert [ln for ln in section.splitlines() if ln.startswith("#### ")] == [
            "#### 计算机学院（3）" if lang == "zh" else "#### 计算机学院 (3)"], section
        # (handed in with errors: 机械学院's 李娜, every error being listed)
        assert "| 2026-H1 | 李娜 |" in md.split(errors + "\n", 1)[1].split("\n### ", 1)[0], md
        semester = md.split("### 每学期联系次数不足\n" if lang == "zh" else "### Semesters below the minimum\n", 1)[1]
        assert [ln.split(" | ")[1] for ln in semester.split("\n### ", 1)[0].splitlines() if ln.startswith("| 2025")] == [
            "王芳", "张伟"], md


def test_a_unit_no_one_has_is_said_with_the_units_ids_and_exit_2(tmp_path):
    repo = _reviewed(tmp_path)
    for args, lang, said in (
            (("--unit", "cs,计算机系"), "zh", "没有单位“计算机系”：--unit 写单位的编号或名称（见 records/units.yaml），"
                                              "可以写 cs（计算机学院）、me（机械学院）、xgb（党委学生工作部）"),
            (("--unit", "ce", "--lang", "en"), "en", "No unit 'ce': --unit takes a unit's id or name (see "
                                                     "records/units.yaml), one of cs (计算机学院), me (机械学院), xgb (党委学生工作部)")):
        run = check_cli(repo / "records", *TODAY, *args, cwd=repo)
        assert (run.returncode, run.stdout, run.stderr) == (2, "", said + "\n"), run


def test_a_unit_reviewer_s_pull_request_check_lists_her_unit_s_changes_and_counts_the_rest(tmp_path):
    """check --base --unit, as a unit reviewer runs it on a pull request: of the files it changed, her unit's warnings
    and every error are listed; another unit's, and a change of the policy (no unit's), are counted in the first line,
    which says how many are no unit's.  A row of 王芳 (计算机学院) the change deleted (W-CHK-019) is 计算机学院's, as the
    row was — not 党委学生工作部's, whose row is now where it was.  The github notice counting what is not annotated
    counts her unit's only (its warnings in the files not changed), not the left-out ones the first notice counts."""
    repo = _reviewed(tmp_path)
    records, base = repo / "records", git(repo, "rev-parse", "HEAD").strip()
    ledger = ("cadre: {c}\nperiod: 2026-H1\ncontact_points: [{p}]\nactivities:\n  - date: \"{d}\"\n    form: 主题班会\n"
              "    place: 进班级\n    channel: 面对面\n    students: 20\n    summary: 参加主题班会，与同学们交流学习情况。\n")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger.format(c="zhang-wei", p="cs-2025-01", d="2026-02-10"),
                 "records/ledgers/2026-H1/li-na.yaml": ledger.format(c="li-na", p="me-2025-01", d="2026-02-12")})
    rows, policy = records / "assignments/2025-2027.yaml", records / "policy.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace(
        "  - cadre: wang-fang\n    class: cs-2025-02\n    start: \"2025-09-01\"\n", ""), encoding="utf-8")
    policy.write_text(policy.read_text(encoding="utf-8").replace("min_per_semester: 1", "min_per_semester: 2"),
                      encoding="utf-8")
    commit(repo, "2026-06-25 10:00", "two units' ledgers, a row deleted, the policy changed")
    pr = ("--base", base)
    whole = check_cli(records, *TODAY, *pr, cwd=repo)
    error = ("records/ledgers/2026-H1/wang-fang.yaml", "错误", "E-CHK-004")  # (her row gone: listed to every unit)
    rows_file = "records/assignments/2025-2027.yaml"
    changed = {
        "cs": {("records/ledgers/2026-H1/zhang-wei.yaml", "警告", "W-CHK-010"),
               ("records/cadres/zhang-wei.yaml", "警告", "W-CHK-004"), (rows_file, "警告", "W-CHK-019")},
        "me": {("records/ledgers/2026-H1/li-na.yaml", "警告", "W-CHK-010"), ("records/cadres/li-na.yaml", "警告", "W-CHK-004"),
               (rows_file, "警告", "W-CHK-003"), (rows_file, "警告", "W-CHK-020")},
        "xgb": set()}
    policy_said = ("records/policy.yaml", "警告", "W-CHK-015")
    assert set(_said(whole.stdout)) == {error, policy_said}.union(*changed.values()), whole.stdout
    not_changed = {"cs": 4, "me": 1, "xgb": 3}  # (each unit's warnings in the files not changed: W-CHK-004, -005, -006)
    names = {"cs": "计算机学院", "me": "机械学院", "xgb": "党委学生工作部"}
    for unit, mine in changed.items():
        run = check_cli(records, *TODAY, *pr, "--unit", unit, cwd=repo)
        assert set(_said(run.stdout)) == mine | {error} and len(_said(run.stdout)) == len(mine) + 1, run.stdout
        left = 8 - len(mine)  # (of the 8 warnings in the changed files: the other units' and the policy's)
        assert run.stdout.splitlines()[0] == (
            f"联系学生工作检查（2026-07-01）：只列出{names[unit]}的提示；全校另有 {left} 条提示未列出，其中 1 条不归哪一个单位"
            "（如政策、校历的改动）（记录的错误不论哪个单位的都列出，概况是全校的；不加 --unit 即列出全部）"), run.stdout
        assert run.stdout.splitlines()[-1] == whole.stdout.splitlines()[-1]  # (…没有改动的文件中的 8 个警告)
        gh = check_cli(records, *TODAY, *pr, "--unit", unit, "--format", "github", cwd=repo).stdout.splitlines()
        assert gh[0] == "::notice title=check::" + run.stdout.splitlines()[0].split("：", 1)[1], gh
        annotated = [ln for ln in gh if ln.startswith(("::error ", "::warning "))]
        assert sorted((ln.split("file=", 1)[1].split(",", 1)[0], ln.split("title=", 1)[1].split("::")[0]) for ln in annotated) \
            == sorted((file, code) for file, _, code in mine | {error}), gh
        assert f"::notice title=check::另有 {not_changed[unit]} 条检查结果没有标注在这里" in "\n".join(gh), gh
    en = check_cli(records, *TODAY, *pr, "--unit", "me", "--lang", "en", cwd=repo).stdout.splitlines()[0]
    assert en == ("Contact-ledger checks (2026-07-01): Only the findings of 机械学院 are listed; 4 more warnings of the "
                  "university's are not, 1 of them no one unit's (a change of the policy or the calendar, say) (every "
                  "record error is, whichever unit's, and the overview is the university's; without --unit, all are)"), en


def test_a_row_deleted_with_its_cadre_and_class_is_her_unit_s_as_the_base_says(tmp_path):
    """A pull request that takes out 王芳 (计算机学院) — her file, her ledgers, her row — and her class: the deleted row
    (W-CHK-019) names a cadre and a class no record has now.  With --base, the base's file of hers gives its unit: it is
    listed to 计算机学院 and counted to the others; without a base, it is counted as no unit's, and the first line says so."""
    repo = _reviewed(tmp_path)
    records, base = repo / "records", _wang_fang_taken_out(repo)
    assert DELETED in _said(check_cli(records, *TODAY, cwd=repo).stdout)
    for unit, listed in (("cs", True), ("xgb", False)):  # (the row is shown where 陈刚's, 党委学生工作部's, is now)
        run = check_cli(records, *TODAY, "--base", base, "--unit", unit, cwd=repo)
        assert (DELETED in _said(run.stdout)) is listed, run.stdout
        assert "不归哪一个单位" not in run.stdout.splitlines()[0], run.stdout
    run = check_cli(records, *TODAY, "--unit", "cs", cwd=repo)
    assert DELETED not in _said(run.stdout) and "全校另有 7 条提示未列出，其中 1 条不归哪一个单位" in run.stdout.splitlines()[0], run.stdout


DELETED = ("records/assignments/2025-2027.yaml", "警告", "W-CHK-019")  # (王芳's row, _wang_fang_taken_out)


def _wang_fang_taken_out(repo) -> str:
    """Take out 王芳 — her file, her ledgers, her row — and her class, committed on 2026-06-25 (her row's last day
    counted: 2026-06-24); the base's revision (the commit before)."""
    records, base = repo / "records", git(repo, "rev-parse", "HEAD").strip()
    rows, classes = records / "assignments/2025-2027.yaml", records / "classes/2025.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace(
        "  - cadre: wang-fang\n    class: cs-2025-02\n    start: \"2025-09-01\"\n", ""), encoding="utf-8")
    classes.write_text("".join(ln for ln in classes.read_text(encoding="utf-8").splitlines(keepends=True)
                               if "cs-2025-02" not in ln), encoding="utf-8")
    for path in [records / "cadres/wang-fang.yaml", *(records / "ledgers").rglob("wang-fang.yaml")]:
        path.unlink()
    commit(repo, "2026-06-25 10:00", "王芳 and her class taken out")
    return base


def test_a_row_deleted_with_a_cadre_who_was_to_move_is_the_unit_s_she_was_in_on_its_last_day(tmp_path):
    """王芳's file in the base says she moves from 计算机学院 to 机械学院 on 2026-07-01 (earlier: cs until 2026-06-30); the
    pull request takes her out with her row, whose last day is 2026-06-24: with --base, the row is 计算机学院's, the unit
    she was in then, as for a cadre on record (cadre_on) — not 机械学院's, her unit after."""
    repo = _reviewed(tmp_path)
    write(repo, {"records/cadres/wang-fang.yaml": cadre("王芳", "me") + "earlier:\n  - unit: cs\n    until: \"2026-06-30\"\n"})
    commit(repo, "2026-06-21 10:00", "王芳 moves to 机械学院 on 2026-07-01")
    records, base = repo / "records", _wang_fang_taken_out(repo)
    for unit, listed in (("cs", True), ("me", False)):
        run = check_cli(records, *TODAY, "--base", base, "--unit", unit, cwd=repo)
        assert (DELETED in _said(run.stdout)) is listed, (unit, run.stdout)


def _exemptions_listed(repo, unit: str, lang: str = "zh") -> list[tuple[str, str, str]]:
    """(cadre, span, reason) of each row of the markdown exemptions table of `check --unit unit`."""
    run = check_cli(repo / "records", *TODAY, "--unit", unit, "--format", "markdown", "--lang", lang, cwd=repo)
    assert "Traceback" not in run.stderr, run.stderr
    title = "### 豁免\n" if lang == "zh" else "### Exemptions\n"
    if title not in run.stdout:
        return []
    table = run.stdout.split(title, 1)[1].split("\n### ", 1)[0]
    rows = [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in table.splitlines() if ln.startswith("| ")]
    return [(r[0], r[2], r[3]) for r in rows[1:]]  # (after the head)


def _wang_fang_moved(tmp_path):
    """_late_and_missing_by_unit's records, 王芳 moved from 计算机学院 to 机械学院 on 2026-04-01 (earlier: cs until
    2026-03-31), with three exemptions of hers (March's, one across the move, May's) and one of 陈刚's (党委学生工作部)."""
    repo = _late_and_missing_by_unit(tmp_path)
    write(repo, {
        "records/cadres/wang-fang.yaml": cadre("王芳", "me") + "earlier:\n  - unit: cs\n    until: \"2026-03-31\"\n",
        "records/exemptions.yaml": (
            "exemptions:\n"
            "  - {cadre: wang-fang, rules: [semester_contacts], start: \"2026-03-02\", end: \"2026-03-20\", reason: 病假（三月）}\n"
            "  - {cadre: wang-fang, rules: [semester_contacts], start: \"2026-03-25\", end: \"2026-04-10\", reason: 培训（跨调动）}\n"
            "  - {cadre: wang-fang, rules: [semester_contacts], start: \"2026-05-04\", end: \"2026-05-22\", reason: 病假（五月）}\n"
            "  - {cadre: chen-gang, rules: [ledger], start: \"2026-03-02\", end: \"2026-03-20\", reason: 挂职锻炼}\n")})
    commit(repo, "2026-06-20 10:00", "王芳 moved to 机械学院; exemptions")
    return repo


def test_a_moved_cadre_s_exemptions_are_listed_to_the_unit_she_was_in_on_their_days(tmp_path):
    # Under --unit both units' reviewers saw every exemption of hers (Scope.cadres: every unit she was ever in) —
    # 计算机学院's her sick leave in May, after she had left. An exemption is the units' she was in on its days: the one
    # spanning the move, both units'.
    repo = _wang_fang_moved(tmp_path)
    march, across, may = (("王芳", "2026-03-02–2026-03-20", "病假（三月）"), ("王芳", "2026-03-25–2026-04-10", "培训（跨调动）"),
                          ("王芳", "2026-05-04–2026-05-22", "病假（五月）"))
    assert _exemptions_listed(repo, "cs") == [march, across]
    assert _exemptions_listed(repo, "me") == [across, may]
    assert _exemptions_listed(repo, "me", "en") == [across, may]
    assert _exemptions_listed(repo, "xgb") == [("陈刚", "2026-03-02–2026-03-20", "挂职锻炼")]
    assert _exemptions_listed(repo, "cs,me") == [march, across, may]


def _exemptions_in_json(repo, unit: str) -> list[tuple[str, str, str]]:
    """(cadre, span, reason) of each exemption of the json of `check --unit unit`, as _exemptions_listed says them."""
    run = check_cli(repo / "records", *TODAY, "--unit", unit, "--format", "json", cwd=repo)
    assert "Traceback" not in run.stderr, run.stderr
    return [(e["name"], f"{e['start']}–{e['end']}", e["reason"]) for e in json.loads(run.stdout)["exemptions"]]


def test_the_json_of_a_unit_lists_its_exemptions_only_as_the_markdown_does(tmp_path):
    # The json of check --unit listed every exemption of the university (another unit's cadre's 病假 too) while the
    # markdown's table and the text listed the unit's: the json's are the unit's, by the same rule (Scope.exemptions:
    # of a cadre in the unit on their days); the overview (text) still counts the university's, as it says.
    repo = _wang_fang_moved(tmp_path)
    for unit in ("cs", "me", "xgb", "cs,me"):
        assert _exemptions_in_json(repo, unit) == _exemptions_listed(repo, unit), unit
    assert [e[2] for e in _exemptions_in_json(repo, "xgb")] == ["挂职锻炼"]
    assert [e[2] for e in _exemptions_in_json(repo, "cs,me,xgb")] == ["病假（三月）", "培训（跨调动）", "病假（五月）", "挂职锻炼"]
    whole = json.loads(check_cli(repo / "records", *TODAY, "--format", "json", cwd=repo).stdout)
    assert len(whole["exemptions"]) == 4
    text = check_cli(repo / "records", *TODAY, "--unit", "xgb", cwd=repo).stdout
    assert "豁免：0 条生效，4 条已过期，0 条未开始" in text, text  # (the overview: the university's)


def test_a_problem_reported_to_a_unit_s_committee_is_that_unit_s_while_it_is_open(tmp_path):
    """李娜 (机械学院) reports a problem to 计算机学院党委, and follows it up as 处理中 (a follow-up recording progress names
    no escalated_to again): its W-CHK-007 (overdue) is 计算机学院's as well as 机械学院's — the unit page lists it so
    (含上报本单位党委的); `check --unit cs` left it out, before the follow-up and after (walk: 外国语学院's secretary did
    not see a problem escalated to her 党委 and open for 608 days)."""
    repo = _late_and_missing_by_unit(tmp_path)
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace(
        "name: 计算机学院, type: 学院,", "name: 计算机学院, type: 学院, party_committee: 计算机学院党委,"), encoding="utf-8")
    write(repo, {"records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-02-10"], ["me-2025-01"], """
        - id: 2026h1-li-na-1
          raised_on: "2026-02-10"
          kind: 问题
          category: 学业发展
          description: 几名学生反映跨学院选课名额不足。
          status: 已上报
          escalated_to: 计算机学院党委
        """)})
    commit(repo, "2026-06-20 10:00", "李娜 2026-H1")
    overdue = ("records/ledgers/2026-H1/li-na.yaml", "警告", "W-CHK-007")
    for unit in ("cs", "me"):
        run = check_cli(repo / "records", *TODAY, "--unit", unit, cwd=repo)
        assert overdue in _said(run.stdout), (unit, run.stdout)
    assert overdue not in _said(check_cli(repo / "records", *TODAY, "--unit", "xgb", cwd=repo).stdout)

    write(repo, {"records/ledgers/2026-H2/li-na.yaml": ledger("li-na", "2026-H2", ["2026-07-01"], ["me-2025-01"], """
        - id: 2026h2-li-na-1
          follows: 2026h1-li-na-1
          raised_on: "2026-07-01"
          kind: 问题
          category: 学业发展
          description: 跟进上期反映：几名学生反映跨学院选课名额不足。
          status: 处理中
          note: 计算机学院党委正在协调，仍在跟进。
        """)})
    commit(repo, "2026-07-01 09:00", "李娜 2026-H2")
    overdue = ("records/ledgers/2026-H2/li-na.yaml", "警告", "W-CHK-007")
    for unit in ("cs", "me"):
        run = check_cli(repo / "records", *TODAY, "--unit", unit, cwd=repo)
        assert overdue in _said(run.stdout), (unit, run.stdout)
        # (the markdown's table of overdue problems, the CI summary's, lists it to the same units)
        md = check_cli(repo / "records", *TODAY, "--unit", unit, "--format", "markdown", cwd=repo).stdout
        assert "| 2026h1-li-na-1 |" in md, (unit, md)
    md = check_cli(repo / "records", *TODAY, "--unit", "xgb", "--format", "markdown", cwd=repo).stdout
    assert "2026h1-li-na-1" not in md, md


def test_a_follow_up_of_another_unit_s_problem_is_listed_to_both_units(tmp_path):
    """李娜 (机械学院) follows up — and closes — 张伟's problem (计算机学院), never reported to 机械学院: W-CHK-025 at her
    follows line is 机械学院's (her ledger) and 计算机学院's (its problem, gone from its open list), not 党委学生工作部's."""
    repo = _late_and_missing_by_unit(tmp_path)
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-02-10"], feedback="""
        - id: 2026h1-zhang-wei-1
          raised_on: "2026-02-10"
          kind: 问题
          category: 生活后勤
          description: 几名学生反映宿舍热水不稳定。
          status: 待处理
        """), "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], ["me-2025-01"], """
        - id: 2026h1-li-na-1
          follows: 2026h1-zhang-wei-1
          raised_on: "2026-03-10"
          kind: 问题
          category: 生活后勤
          description: 跟进：几名学生反映宿舍热水不稳定。
          status: 已解决
          resolution: 后勤处已检修热水管道。
          resolved_on: "2026-03-20"
        """)})
    commit(repo, "2026-06-20 10:00", "two ledgers")
    other = ("records/ledgers/2026-H1/li-na.yaml", "警告", "W-CHK-025")
    for unit, listed in (("cs", True), ("me", True), ("xgb", False)):
        run = check_cli(repo / "records", *TODAY, "--unit", unit, cwd=repo)
        assert (other in _said(run.stdout)) == listed, (unit, run.stdout)


def _reported(tmp_path, to: str, committees: dict[str, str] | None = None):
    """_late_and_missing_by_unit's records, the policy's escalation_targets with 党委学生工作部 and 工学院党委, each unit of
    `committees` ({id: name}) with that party_committee, and 李娜 (机械学院)'s 2026-H1 problem reported to `to` (已上报,
    2026-02-10: overdue on TODAY, W-CHK-007)."""
    repo = _late_and_missing_by_unit(tmp_path)
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "escalation_targets: [计算机学院党委, 后勤处]", "escalation_targets: [计算机学院党委, 后勤处, 党委学生工作部, 工学院党委]"),
        encoding="utf-8")
    units = repo / "records/units.yaml"
    text = units.read_text(encoding="utf-8")
    for uid, name in (committees or {}).items():
        text = text.replace(f"{{id: {uid}, ", f"{{id: {uid}, party_committee: {name}, ")
    units.write_text(text, encoding="utf-8")
    write(repo, {"records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-02-10"], ["me-2025-01"], f"""
        - id: 2026h1-li-na-1
          raised_on: "2026-02-10"
          kind: 问题
          category: 学业发展
          description: 几名学生反映学业预警通知不及时。
          status: 已上报
          escalated_to: {to}
        """)})
    commit(repo, "2026-06-20 10:00", f"李娜 2026-H1, reported to {to}")
    return repo


def _overdue_listed_to(repo, code: str = "W-CHK-007") -> dict[str, bool]:
    """{unit: whether `check --unit unit` lists a `code` of 李娜's problem or its follow-ups} — text, and json's
    findings the same."""
    out = {}
    for unit in ("cs", "me", "xgb"):
        text = check_cli(repo / "records", *TODAY, "--unit", unit, cwd=repo).stdout
        found = json.loads(check_cli(repo / "records", *TODAY, "--unit", unit, "--format", "json", cwd=repo).stdout)
        in_text = any(c == code for _, _, c in _said(text))
        in_json = any(f["code"] == code for f in found["findings"])
        assert in_text == in_json, (unit, text, found["findings"])
        out[unit] = in_text
    return out


def test_a_problem_reported_to_a_department_by_its_name_is_that_unit_s(tmp_path):
    """李娜 (机械学院) reports a problem to 党委学生工作部 — a department, named directly (escalated_to its unit's name, no
    党委): its W-CHK-007 is 党委学生工作部's as well as 机械学院's, as on the unit pages; `check --unit xgb` left it out
    (and its page).  W-CHK-025 says the same: 陈刚 (党委学生工作部) following it up is no other unit's problem, 王芳 (计算机学院) is."""
    repo = _reported(tmp_path, "党委学生工作部")
    assert _overdue_listed_to(repo) == {"cs": False, "me": True, "xgb": True}

    follow = """
        - id: 2026h2-{c}-1
          follows: 2026h1-li-na-1
          raised_on: "2026-06-25"
          kind: 问题
          category: 学业发展
          description: 跟进：几名学生反映学业预警通知不及时。
          status: 处理中
          note: 学工部正在协调，仍在跟进。
        """
    write(repo, {"records/ledgers/2026-H1/chen-gang.yaml": ledger("chen-gang", "2026-H1", ["2026-06-25"], ["club-a"],
                                                                 follow.format(c="chen-gang"))})
    commit(repo, "2026-06-26 10:00", "陈刚 follows it up")
    assert _overdue_listed_to(repo, "W-CHK-025") == {"cs": False, "me": False, "xgb": False}
    write(repo, {"records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-06-25"], ["cs-2025-02"],
                                                                  follow.format(c="wang-fang"))})
    commit(repo, "2026-06-27 10:00", "王芳 follows it up")
    # (王芳's ledger is 计算机学院's; the problem 机械学院's and 党委学生工作部's, whom it was reported to)
    assert _overdue_listed_to(repo, "W-CHK-025") == {"cs": True, "me": True, "xgb": True}


def test_a_problem_reported_to_a_committee_two_units_share_is_both_units(tmp_path):
    """计算机学院 and 党委学生工作部 are both under 工学院党委 (one party_committee name for two units): 李娜's problem reported
    to it is both units' — `check --unit` listed it to the last of them in units.yaml only, the unit pages to both."""
    repo = _reported(tmp_path, "工学院党委", {"cs": "工学院党委", "xgb": "工学院党委"})
    assert _overdue_listed_to(repo) == {"cs": True, "me": True, "xgb": True}
