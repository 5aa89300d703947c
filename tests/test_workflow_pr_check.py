"""The pull request's policy checks (pull-request.yml): check's findings annotated on the lines of the files the
pull request changed, as validate's are, errors first, and every finding in the job summary's tables — run as
GitHub runs the steps, on real temporary Git repositories."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import yaml

from workflow_repo import ROOT, broken, commit, edit, make_repo, run, run_process

WORKFLOW = ROOT / ".github" / "workflows" / "pull-request.yml"
ANNOTATE, SUMMARY = "政策检查，在改动处标注", "政策检查，写入摘要"
MINE, OTHERS = "records/ledgers/2026-H1/zhang-wei.yaml", "records/ledgers/2025-H2/chen-gang.yaml"


def _step(repo, name: str, expressions: dict) -> subprocess.CompletedProcess:
    """pull-request.yml's step whose name starts with `name`, run as GitHub runs it (bash -e, the job's and the
    step's env, a GITHUB_STEP_SUMMARY file) with its ${{ … }} given by `expressions`; this tree's program, the
    cache in the repository's folder."""
    job = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]
    [step] = [s for s in job["steps"] if s.get("name", "").startswith(name)]
    said = lambda text: re.sub(r"\$\{\{\s*([^}]+?)\s*\}\}", lambda m: expressions.get(m.group(1), ""), str(text))  # noqa: E731
    env = dict(os.environ, PYTHONPATH=str(ROOT), GITHUB_STEP_SUMMARY=str(repo.parent / "summary.md"))
    env.update({k: said(v) for k, v in {**job.get("env", {}), **step.get("env", {})}.items()})
    env["CONTACT_LEDGER_CACHE"] = str(repo.parent / "cache")
    return subprocess.run(["bash", "-e", "-c", said(step["run"]).replace(".venv/bin/python", sys.executable)],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def _annotations(out: str) -> list[tuple[str, str, str, str]]:
    """(severity, file, line, code) of each error and warning annotation."""
    return re.findall(r"^::(error|warning) (?:file=([^,]*),line=(\d+),col=\d+,)?title=([^:]+)::", out, re.M)


def _pull_request(tmp_path):
    """(the repository, the base commit) of a cadre's pull request listing a class not hers (E-CHK-005) and a day in
    the winter break (W-CHK-010) in her ledger (MINE), while another cadre's ledger on main (OTHERS) holds 12 days
    before his contact point began (W-CHK-012 each)."""
    repo = make_repo(tmp_path)
    other = (repo / OTHERS).read_text(encoding="utf-8")
    act = other.split("activities:\n")[1].split("feedback:")[0]
    edit(repo, OTHERS, text=other.replace("activities:\n", "activities:\n" + "".join(
        act.replace("2025-10-08", f"2025-07-{day:02}") for day in range(1, 13))))
    base = commit(repo, "2026-01-05 10:00", "main")
    mine = (repo / MINE).read_text(encoding="utf-8")
    edit(repo, MINE, text=mine.replace("[cs-2025-01]", "[cs-2025-01, club-robotics]").replace(
        "activities:\n", "activities:\n" + act.replace("2025-10-08", "2026-02-10")))
    commit(repo, "2026-06-20 10:00", "the pull request")
    return repo, base


def test_check_s_findings_are_annotated_in_the_pull_request_s_files_errors_first_and_all_are_in_the_summary(tmp_path):
    """A cadre's pull request lists a class not hers (E-CHK-005) and a day in the winter break (W-CHK-010) in her
    ledger, while another cadre's ledger on main holds 12 days before his contact point began (W-CHK-012 each).
    The check step wrote the summary only, no annotation: the reviewer read the error in the last table, not on the
    line.  Now the step annotates the findings of the files the pull request changed, errors first (GitHub shows a
    step's first 10 errors and 10 warnings: the other ledger's warnings would have taken their place), and a notice
    counts the rest; the summary holds the pull request's findings and every error (and counts the other files'
    warnings); both steps fail on the error, as the check did."""
    repo, base = _pull_request(tmp_path)
    pr = {"github.event.pull_request.base.sha": base}

    annotate = _step(repo, ANNOTATE, pr)
    assert annotate.returncode == 1, annotate.stdout + annotate.stderr  # (an error: the step fails, as before)
    shown = _annotations(annotate.stdout)
    assert shown == [("error", MINE, "3", "E-CHK-005"), ("warning", MINE, "5", "W-CHK-010")], annotate.stdout
    everything = json.loads(run(repo, "check", "--format", "json").stdout)["findings"]
    assert len(everything) > 12 and sum(f["file"] == OTHERS for f in everything) >= 12
    assert f"另有 {len(everything) - 2} 条检查结果没有标注在这里" in annotate.stdout, annotate.stdout

    summary = _step(repo, SUMMARY, pr)
    assert summary.returncode == 1
    table = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "## 联系学生工作检查" in table and "E-CHK-005" in table and "W-CHK-010" in table and "W-CHK-012" not in table
    assert f"没有改动的文件中的 {len(everything) - 2} 个警告" in table, table
    # (the summary's step runs when the annotations' step has failed on an error: GitHub skips it otherwise)
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["check"]["steps"]
    [first] = [i for i, s in enumerate(steps) if s.get("name", "").startswith(ANNOTATE)]
    assert steps[first]["id"] == "check" and steps[first + 1]["name"].startswith(SUMMARY)
    assert steps[first + 1]["if"] == "${{ !cancelled() && steps.check.outcome != 'skipped' }}"

    # the pull request changes the other ledger too: its 12 warnings are its own, GitHub shows 10 of a step's
    edit(repo, OTHERS, append="reflections: 暑期的活动。\n")
    commit(repo, "2026-06-21 10:00", "the other ledger too")
    both = _annotations(_step(repo, ANNOTATE, pr).stdout)
    assert both[0] == ("error", MINE, "3", "E-CHK-005") and [s for s, *_ in both].count("warning") == 10
    assert {file for _, file, *_ in both} == {MINE, OTHERS}

    en = run(repo, "--lang", "en", "check", "--format", "github", "--base", base)
    assert _annotations(en.stdout)[0] == ("error", MINE, "3", "E-CHK-005") and en.returncode == 1
    assert "not annotated here (not in the files this pull request changed" in en.stdout


def test_a_base_that_cannot_be_read_annotates_every_file_and_says_why(tmp_path):
    """No such commit (a shallow checkout, a wrong variable): the annotations are the check's of every file, at most
    10 of a code, as without a pull request, and a notice says the changed files could not be read; the exit
    status is the check's."""
    repo = make_repo(tmp_path)
    plain = run(repo, "check", "--format", "github")
    for base in ("0" * 40, "", "--output=x"):  # (an unknown commit, an unset variable, an option to git)
        told = run(repo, "check", "--format", "github", f"--base={base}")
        assert told.returncode == plain.returncode
        assert "::notice title=check::读不出本拉取请求改动了哪些文件" in told.stdout, told.stdout
        assert _annotations(told.stdout) == _annotations(plain.stdout) != []


def test_a_ledger_the_pull_request_deletes_or_renames_is_annotated_as_not_handed_in(tmp_path):
    """A pull request deletes chen-gang's 2025-H2 ledger and renames zhang-wei's: each is then not handed in
    (W-CHK-006, at the path the pull request took it from).  The changed files were the added, modified and renamed-to
    ones only, so both warnings — what the pull request does to the ledgers — were counted in the notice, not shown."""
    repo = make_repo(tmp_path)
    base = commit(repo, "2026-01-05 10:00", "main")
    (repo / OTHERS).unlink()
    old = repo / "records/ledgers/2025-H2/zhang-wei.yaml"
    old.rename(old.with_name("zhang-wei-old.yaml"))
    commit(repo, "2026-06-20 10:00", "the pull request")

    told = run(repo, "check", "--format", "github", "--base", base)
    missing = re.findall(r"^::warning title=W-CHK-006::.*请尽快提交 (\S+?)；", told.stdout, re.M)
    # (the other ledgers not handed in, on main already, are not the pull request's: in the notice's count)
    assert sorted(missing) == [OTHERS, "records/ledgers/2025-H2/zhang-wei.yaml"], told.stdout


def _listed(text: str) -> list[tuple[str, str, str]]:
    """(file, severity, code) of each finding the text report lists."""
    return re.findall(r"^(records/\S+?)(?::\d+:\d+)?: (错误|警告|error|warning) ([EW]-[A-Z]+-\d+):", text, re.M)


def test_check_base_lists_the_changed_files_findings_in_every_format_and_counts_the_rest(tmp_path):
    """`check --base origin/main` run by a cadre before her pull request: --base was read by the github format only,
    text, json and markdown listed every finding of the university's, hers among the other ledgers' warnings.  Now
    each format lists the findings of the files changed since the base (committed or not yet: what the pull request
    will hold), errors first, every error also when in another file (it fails the pull request's step: a cadre file
    taken away leaves the assignments naming her), and the summary counts the warnings not listed; the exit status
    is the check's, as without --base."""
    repo, base = _pull_request(tmp_path)
    today = ("--today", "2026-06-25")

    plain = run(repo, "check", *today)
    every = json.loads(run(repo, "check", *today, "--format", "json").stdout)["findings"]
    errors, warnings = sum(f["severity"] == "error" for f in every), sum(f["severity"] == "warning" for f in every)
    assert errors == 1 and sum(f["file"] == OTHERS for f in every) >= 12 and len(_listed(plain.stdout)) == len(every)

    told = run(repo, "check", *today, "--base", base)
    assert told.returncode == plain.returncode == 1 and not told.stderr, told.stderr
    assert _listed(told.stdout) == [(MINE, "错误", "E-CHK-005"), (MINE, "警告", "W-CHK-010")], told.stdout
    assert told.stdout.splitlines()[-1] == (f"共 {len(list(repo.glob('records/**/*.yaml')))} 个文件：1 个错误，"
                                            f"{warnings} 个警告；没有列出的：相对 {base} 没有改动的文件中的 "
                                            f"{warnings - 1} 个警告（不加 --base 即列出全部）"), told.stdout
    en = run(repo, "--lang", "en", "check", *today, "--base", base)
    assert _listed(en.stdout) == [(MINE, "error", "E-CHK-005"), (MINE, "warning", "W-CHK-010")], en.stdout
    assert en.stdout.splitlines()[-1].endswith(f"; not listed: {warnings - 1} warnings in files not changed since "
                                               f"{base} (without --base, every finding is)"), en.stdout

    js = run(repo, "check", *today, "--format", "json", "--base", base)
    data = json.loads(js.stdout)
    assert js.returncode == 1 and [(f["file"], f["code"]) for f in data["findings"]] == [
        (MINE, "E-CHK-005"), (MINE, "W-CHK-010")], js.stdout
    assert data["base"] == {"rev": base, "files_read": True, "why": None, "not_listed": warnings - 1}
    assert (data["summary"]["errors"], data["summary"]["warnings"]) == (errors, warnings)  # (as the exit status)

    md = run(repo, "check", *today, "--format", "markdown", "--base", base)
    assert md.returncode == 1 and "E-CHK-005" in md.stdout and "W-CHK-010" in md.stdout, md.stdout
    assert "W-CHK-012" not in md.stdout and f"没有改动的文件中的 {warnings - 1} 个警告" in md.stdout, md.stdout
    assert run(repo, "check", *today, "--format", "markdown").stdout.count("W-CHK-012") >= 12

    # not committed yet: the other ledger changed in the work tree, a cadre file deleted — the pull request to be
    edit(repo, OTHERS, append="reflections: 暑期的活动。\n")
    (repo / "records/cadres/li-na.yaml").unlink()
    told = _listed(run(repo, "check", *today, "--base", base).stdout)
    assert told[:1] == [(MINE, "错误", "E-CHK-005")] and ("records/assignments/2025-2027.yaml", "错误", "E-REF-001") in told
    assert [s for _, s, _ in told] == sorted((s for _, s, _ in told), key=("错误", "警告").index), told  # errors first
    assert sum(code == "W-CHK-012" for *_, code in told) >= 12, told


def test_a_base_that_cannot_be_read_lists_every_finding_and_says_why_in_a_sentence(tmp_path):
    """A mistyped base (origin/mian), an unknown commit, an empty variable, an option, records outside a Git
    repository: text and markdown say in their output, json on standard error, that the files changed could not be
    read and why, and list every finding as without --base; no traceback, the check's exit status."""
    repo = make_repo(tmp_path)
    today = ("--today", "2026-06-25")
    for fmt in ("text", "markdown", "json"):
        plain = run(repo, "check", *today, "--format", fmt)
        for base, why in (("mian", "没有 mian 这个提交或分支：拼写对吗？"), ("0" * 40, f"没有 {'0' * 40} 这个提交"),
                          ("", "--base 是空的"), ("--output=x", "不是提交，是选项的写法")):
            told = run(repo, "check", *today, "--format", fmt, f"--base={base}")
            said = told.stderr if fmt == "json" else told.stdout
            shown = base or '""'  # (an empty base shown as "")
            assert f"读不出相对 {shown} 改动了哪些文件（" in said and why in said, (fmt, base, said)
            assert told.returncode == plain.returncode and "Traceback" not in told.stderr
            if fmt == "json":
                assert json.loads(told.stdout)["findings"] == json.loads(plain.stdout)["findings"]
                assert json.loads(told.stdout)["base"]["files_read"] is False
            else:  # (the sentence, then the report as without --base)
                [line] = [x for x in told.stdout.splitlines() if "读不出相对" in x]
                assert told.stdout.replace(line + ("\n\n" if fmt == "text" else "\n"), "", 1) == plain.stdout
    outside = tmp_path / "copy"
    shutil.copytree(repo / "records", outside / "records")
    en = run_process(outside, "--lang", "en", "check", *today, "--base", "origin/main")
    assert en.returncode in (0, 1) and "Traceback" not in en.stderr, en.stderr
    assert ("The files changed since origin/main could not be read (the records folder is not in a Git repository); "
            "the findings below are of all files") in en.stdout, en.stdout


def test_check_base_lists_the_semester_shortfall_a_cadre_s_ledger_change_causes_on_her_cadre_file(tmp_path):
    """A cadre moves her one contact of the spring semester into the winter break: her ledger gets W-CHK-010, and
    her semester count falls to 0 — W-CHK-004, which the check puts on her cadre file (records/cadres/zhang-wei.yaml),
    a file her pull request does not change.  `check --base` listed the first and hid the second among the warnings
    of files not changed, though it is hers and her change caused it; now a changed ledger's cadre file counts as
    changed, while the other cadres' W-CHK-004 stay counted, not listed."""
    repo = make_repo(tmp_path)
    base = commit(repo, "2026-01-05 10:00", "main")
    edit(repo, MINE, text=(repo / MINE).read_text(encoding="utf-8").replace('date: "2026-03-10"', 'date: "2026-02-10"'))
    commit(repo, "2026-06-20 10:00", "the pull request")
    today = ("--today", "2027-01-10")
    every = json.loads(run(repo, "check", *today, "--format", "json").stdout)["findings"]
    shortfalls = sorted(f["file"] for f in every if f["code"] == "W-CHK-004")
    assert "records/cadres/zhang-wei.yaml" in shortfalls and len(shortfalls) > 1, shortfalls

    told = _listed(run(repo, "check", *today, "--base", base).stdout)
    assert (MINE, "警告", "W-CHK-010") in told and ("records/cadres/zhang-wei.yaml", "警告", "W-CHK-004") in told, told
    assert [file for file, _, code in told if code == "W-CHK-004"] == ["records/cadres/zhang-wei.yaml"], told
    data = json.loads(run(repo, "check", *today, "--format", "json", "--base", base).stdout)
    assert [f["file"] for f in data["findings"] if f["code"] == "W-CHK-004"] == ["records/cadres/zhang-wei.yaml"]
    assert data["base"]["not_listed"] == len(every) - len(data["findings"])


def test_check_base_s_markdown_does_not_title_the_findings_it_lists_all_findings(tmp_path):
    """`check --format markdown --base`: its last table lists the findings of the changed files and every error, yet
    was titled “全部检查结果” (All findings) above a line counting the warnings not listed — a reviewer reading the
    summary took the other ledgers' warnings for gone.  Now its title says which findings it lists; without --base,
    or a base that cannot be read, it is still all of them."""
    repo, base = _pull_request(tmp_path)
    today = ("--today", "2026-06-25")
    for lang, every, listed in (("zh", "### 全部检查结果", f"### 相对 {base} 改动的文件中的检查结果和所有错误"),
                                ("en", "### All findings", f"### Findings in the files changed since {base}, and every error")):
        md = run(repo, "--lang", lang, "check", *today, "--format", "markdown", "--base", base).stdout
        assert listed in md and every not in md, md
        assert md.split(listed)[1].count("W-CHK-010") == 1 and "W-CHK-012" not in md, md
        assert every in run(repo, "--lang", lang, "check", *today, "--format", "markdown").stdout
        assert every in run(repo, "--lang", lang, "check", *today, "--format", "markdown", "--base", "mian").stdout


def test_an_empty_base_is_said_in_a_sentence_that_reads(tmp_path):
    """`--base "$BASE"` with the variable unset: the sentence read “读不出相对  改动了哪些文件（--base 是空的（持续集成中没有设这个
    变量？）），…” — a gap where the base goes and brackets in brackets; now the empty base is shown as "" and the
    reason has no brackets of its own, in both languages and in github's notice."""
    repo = make_repo(tmp_path)
    today = ("--today", "2026-06-25")
    zh = run(repo, "check", *today, "--base", "").stdout.splitlines()[2]
    assert zh == '读不出相对 "" 改动了哪些文件（--base 是空的：持续集成中没有设这个变量？），下面列出全部文件的检查结果', zh
    en = run(repo, "--lang", "en", "check", *today, "--base", "").stdout.splitlines()[2]
    assert en == ('The files changed since "" could not be read (--base is empty: a variable unset in CI?); the findings '
                  'below are of all files'), en
    notice = run(repo, "check", *today, "--format", "github", "--base", "").stdout.splitlines()[0]
    assert "（--base 是空的：持续集成中没有设这个变量？）" in notice, notice


def test_check_base_in_a_broken_repository_says_what_went_wrong_and_what_to_do_with_git_s_words_apart(tmp_path):
    """A repository missing an object (a copy broken on the way, a disk error): git diff fails once both commits were
    found, and its English — “fatal: unable to read 8427…” — was the reason inside the Chinese sentence.  Now the
    sentence says, in the user's language, that the repository is incomplete or damaged and what to do (git fsck, a new
    clone), and git's own words follow on a line of their own, marked as git's, in every format; every finding listed,
    the exit status the check's, no traceback."""
    repo = make_repo(tmp_path)
    base = broken(repo)
    today = ("--today", "2026-06-25")
    short = base[:12]
    for lang, said, fix, git_said in (("zh", "Git 仓库不完整或已损坏", "git fsck", "git 的原话："),
                                      ("en", "the Git repository is incomplete or damaged", "git fsck", "git said: ")):
        for fmt in ("text", "markdown", "json", "github"):
            plain = run(repo, "--lang", lang, "check", *today, "--format", fmt)
            told = run(repo, "--lang", lang, "check", *today, "--format", fmt, "--base", short)
            assert told.returncode == plain.returncode and "Traceback" not in told.stderr, told.stderr
            out = told.stderr if fmt == "json" else told.stdout
            if fmt == "github":  # (one notice: its lines as GitHub's workflow commands write them, %0A)
                [notice] = [x for x in out.splitlines() if x.startswith("::notice title=check::")]
                lines = notice.removeprefix("::notice title=check::").split("%0A")
            else:
                lines = out.splitlines()
            [sentence] = [x for x in lines if said in x]
            assert fix in sentence and (short in sentence or fmt == "github"), (lang, fmt, sentence)  # (github's: the PR's)
            assert "fatal" not in sentence and "unable" not in sentence, (lang, fmt, sentence)  # (git's words apart)
            [detail] = [x for x in lines if git_said in x]
            assert "fatal: unable to read" in detail, (lang, fmt, detail)
            assert lines.index(detail) == lines.index(sentence) + 1, (lang, fmt, lines)
            if fmt in ("text", "markdown"):  # (the sentence and git's line, then the report as without --base)
                assert out.replace(f"{sentence}\n{detail}\n" + "\n" * (fmt == "text"), "", 1) == plain.stdout, out
            if fmt == "json":
                data = json.loads(told.stdout)
                assert data["findings"] == json.loads(plain.stdout)["findings"] and data["base"]["files_read"] is False
                assert said in data["base"]["why"] and data["base"]["git"].startswith("fatal: unable to read"), data["base"]
            elif fmt == "github":
                assert _annotations(told.stdout) == _annotations(plain.stdout)


def _md_listed(md: str) -> list[tuple[str, str, str]]:
    """(file, severity, code) of each row of the markdown report's last table (the findings --base lists)."""
    rows = re.findall(r"^\| `(records/[^:`]+)(?::\d+:\d+)?` \| (错误|警告|error|warning) \| ([EW]-[A-Z]+-\d+) \|", md, re.M)
    return rows


def test_check_base_lists_the_changed_files_errors_first_in_the_same_order_in_every_format_with_strict(tmp_path):
    """`check --strict --base`: the time-based warnings are errors, and the text report listed them under their topics
    after every record error — another cadre's wrong contact point on main before this pull request's own semester
    shortfall (W-CHK-004, an error now), and the other cadres' missing ledgers between the two — while markdown's table
    put the pull request's errors first and json listed them by file.  Now every format lists, in one order: the errors
    in the files changed (by topic: record errors first), the errors in other files, then the warnings of the files
    changed; the text says which errors are in files not changed."""
    repo = make_repo(tmp_path)
    edit(repo, OTHERS, text=(repo / OTHERS).read_text(encoding="utf-8").replace("[cs-2024-01]", "[cs-2024-01, club-robotics]"))
    base = commit(repo, "2026-01-05 10:00", "main, with another cadre's error")
    mine = (repo / MINE).read_text(encoding="utf-8")
    edit(repo, MINE, text=mine.replace("[cs-2025-01]", "[cs-2025-01, club-robotics]").replace(
        'date: "2026-03-10"', 'date: "2026-02-10"'))
    commit(repo, "2026-06-20 10:00", "the pull request")
    args = ("check", "--today", "2027-01-10", "--strict", "--base", base)
    for lang, err, warn in (("zh", "错误", "警告"), ("en", "error", "warning")):
        text = run(repo, "--lang", lang, *args)
        told = _listed(text.stdout)
        assert text.returncode == 1 and told[:2] == [(MINE, err, "E-CHK-005"), ("records/cadres/zhang-wei.yaml", err, "W-CHK-004")], \
            text.stdout
        assert told[-1] == (MINE, warn, "W-CHK-010") and (OTHERS, err, "E-CHK-005") in told[2:-1], told
        assert [s for _, s, _ in told] == sorted((s for _, s, _ in told), key=(err, warn).index), told  # errors first
        others = text.stdout.split(MINE + ":3:30")[1].split("records/cadres/zhang-wei.yaml:1:1")[1]
        assert ("没有改动的文件" if lang == "zh" else "files not changed") in others.split(OTHERS)[0], text.stdout
        md = run(repo, "--lang", lang, *args, "--format", "markdown")
        assert _md_listed(md.stdout) == told, md.stdout
        js = run(repo, "--lang", lang, *args, "--format", "json")
        level = {"error": err, "warning": warn}
        assert [(f["file"], level[f["severity"]], f["code"]) for f in json.loads(js.stdout)["findings"]] == told
        assert md.returncode == js.returncode == 1


def test_a_ledger_written_but_not_committed_is_told_not_handed_in_and_not_among_those_handed_in_with_errors(tmp_path):
    """A cadre writes her 2026-H2 ledger, with a problem resolved before it was raised (E-REF-008) or a count of
    students in words (E-SCHEMA), and runs check --base before committing it: W-CHK-006 said it was not handed in
    (the file there, not merged yet) while the overview counted it among the ledgers handed in with errors and
    markdown listed it under 已提交但有错误的台账, its status 未提交.  It is told once, where it is: not handed in (its
    error listed to fix); the ledgers handed in with errors are those handed in — as it is once committed."""
    repo = make_repo(tmp_path)
    base = commit(repo, "2026-01-05 10:00", "main")
    new = "records/ledgers/2026-H2/zhang-wei.yaml"
    written = (repo / MINE).read_text(encoding="utf-8").replace("2026-H1", "2026-H2").replace(
        'date: "2026-03-10"', 'date: "2026-10-10"').replace('raised_on: "2026-03-10"', 'raised_on: "2026-10-10"').replace(
        "2026h1", "2026h2")
    args = ("check", "--today", "2027-01-10", "--base", base)
    for error, text in (("E-REF-008", written), ("E-SCHEMA-003", written.replace("students: 28", "students: 二十八"))):
        edit(repo, new, text=text)
        told = run(repo, *args)
        assert (new, "错误", error) in _listed(told.stdout) and (new, "警告", "W-CHK-006") in _listed(told.stdout), told.stdout
        assert "还没有合并进主分支" in told.stdout and "已提交的台账中" not in told.stdout, told.stdout
        assert "handed in has errors" not in run(repo, "--lang", "en", *args).stdout
        md = run(repo, *args, "--format", "markdown").stdout
        assert "已提交但有错误的台账" not in md and "| 2026-H2 | 张伟 | 未提交 |" in md.split("#### 计算机学院（")[1], md
        data = json.loads(run(repo, *args, "--format", "json").stdout)
        row = next(r for r in data["ledgers"] if (r["period"], r["cadre"]) == ("2026-H2", "zhang-wei"))
        assert (row["status"], row["errors"], data["summary"]["ledgers_with_errors"]) == ("missing", False, 0), row
    commit(repo, "2027-01-08 10:00", "handed in")  # (committed: handed in late, with its error)
    data = json.loads(run(repo, *args, "--format", "json").stdout)
    row = next(r for r in data["ledgers"] if (r["period"], r["cadre"]) == ("2026-H2", "zhang-wei"))
    assert (row["status"], row["errors"], data["summary"]["ledgers_with_errors"]) == ("late", True, 1), row
    assert "已提交的台账中 1 份有错误" in run(repo, *args).stdout


def test_check_base_in_a_repository_or_on_a_branch_with_no_commit_yet_says_so_in_the_user_s_language(tmp_path):
    """`check --base main` where the records are not committed yet: in a new repository it said there was no branch
    main — “拼写对吗？” — though it was spelt right; on a branch of its own before its first commit (git checkout
    --orphan, as for a university's own records) git's “unknown revision: HEAD” in the Chinese sentence.  Both now
    say that the branch has no commit yet, in Chinese or with --lang en in English; every finding listed, the exit
    status the check's."""
    repo = tmp_path / "new"
    shutil.copytree(make_repo(tmp_path) / "records", repo / "records")
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    orphan = tmp_path / "repo"
    subprocess.run(["git", "-C", str(orphan), "checkout", "-q", "--orphan", "own"], check=True)
    today = ("--today", "2026-06-25")
    for where in (repo, orphan):
        plain = run(where, "check", *today)
        zh = run(where, "check", *today, "--base", "main")
        assert zh.returncode == plain.returncode and "Traceback" not in zh.stderr, zh.stderr
        said = zh.stdout.splitlines()[2]
        assert said == "读不出相对 main 改动了哪些文件（当前分支还没有提交：提交之后才能与 main 比较），下面列出全部文件的检查结果", said
        en = run(where, "--lang", "en", "check", *today, "--base", "main").stdout.splitlines()[2]
        assert en == ("The files changed since main could not be read (the current branch has no commit yet: once "
                      "committed, it can be compared with main); the findings below are of all files"), en
        js = run(where, "--lang", "en", "check", *today, "--base", "main", "--format", "json")
        assert "the current branch has no commit yet" in js.stderr and json.loads(js.stdout)["base"]["files_read"] is False


def test_check_base_lists_the_findings_of_the_ledger_an_amendment_corrects_and_of_its_cadre(tmp_path):
    """An administrator's pull request amends 陈刚's archived 2025-H2 ledger (records/amendments/2025-H2/chen-gang.yaml,
    the ledger kept as archived, as the guide recommends): `check --base` listed nothing of his, as though the change
    were no one's, while a change of the ledger itself lists its findings and his cadre file's (his semester shortfall,
    W-CHK-004).  An amendment is a change of the ledger it corrects: its findings and its cadre's are listed, the
    other cadres' still counted, not listed."""
    repo = make_repo(tmp_path)
    assert run(repo, "archive", "2025-H2", "--today", "2026-03-01").returncode == 0
    edit(repo, ".gitignore", text=".cache/\n")
    base = commit(repo, "2026-03-01 09:00", "archive 2025-H2")
    edit(repo, "records/amendments/2025-H2/chen-gang.yaml", text=(
        'reason: 活动人数录入错误\napproved_by: wang-admin\ndate: "2026-03-05"\n'
        'corrections:\n  - {field: "activities[0].students", original: 25, corrected: 27}\n'))
    commit(repo, "2026-03-05 10:00", "amend 陈刚's 2025-H2")
    args = ("check", "--today", "2027-01-10", "--base", base)
    every = json.loads(run(repo, "check", "--today", "2027-01-10", "--format", "json").stdout)["findings"]
    his = [(f["file"], f["code"]) for f in every if "chen-gang" in f["file"]]
    assert ("records/cadres/chen-gang.yaml", "W-CHK-004") in his and (OTHERS, "W-CHK-007") in his, every
    told = run(repo, *args)
    assert {(file, code) for file, _, code in _listed(told.stdout)} == {
        ("records/cadres/chen-gang.yaml", "W-CHK-004"), (OTHERS, "W-CHK-007")}, told.stdout
    data = json.loads(run(repo, *args, "--format", "json").stdout)
    assert {(f["file"], f["code"]) for f in data["findings"]} == {
        ("records/cadres/chen-gang.yaml", "W-CHK-004"), (OTHERS, "W-CHK-007")}, data["findings"]
    assert data["base"]["not_listed"] == len(every) - 2 > 0


def test_a_pull_request_with_nothing_found_in_its_files_says_so_in_the_summary_as_in_the_text(tmp_path):
    """A reviewer's clean pull request (a cadre's ledger with no finding): `check --base` in text said
    “相对 … 改动的文件中没有发现问题”, but the markdown the summary shows listed the whole university's tables and
    nothing of the pull request — the reviewer could not tell a clean ledger from one the summary forgot.  Now the
    markdown says it below the overview, in both languages; a pull request with a finding does not."""
    repo = make_repo(tmp_path)
    base = commit(repo, "2026-01-05 10:00", "main")
    edit(repo, MINE, append="reflections: 补充体会。\n")
    commit(repo, "2026-06-20 10:00", "the pull request")
    today = ("--today", "2026-06-25")
    for lang, said in (("zh", f"相对 {base} 改动的文件中没有发现问题。"),
                       ("en", f"No problems found in the files changed since {base}.")):
        assert said in run(repo, "--lang", lang, "check", *today, "--base", base).stdout
        md = run(repo, "--lang", lang, "check", *today, "--format", "markdown", "--base", base).stdout
        assert said in md.split("###")[0], md
    repo, base = _pull_request(tmp_path / "with-findings")
    md = run(repo, "check", *today, "--format", "markdown", "--base", base).stdout
    assert "没有发现问题" not in md, md


def test_the_summary_s_exemptions_name_the_requirements_in_the_reader_s_language(tmp_path):
    """The summary's table of exemptions showed the requirements as the file's keys (“semester_contacts、ledger”)
    in the Chinese summary; now in words (“每学期联系学生、填报台账”), and in English with --lang en."""
    repo = make_repo(tmp_path)
    edit(repo, "records/exemptions.yaml", text="exemptions:\n  - cadre: zhang-wei\n"
         "    rules: [semester_contacts, ledger]\n    start: 2026-03-01\n    end: 2026-04-30\n    reason: 病假\n")
    commit(repo, "2026-02-01 10:00", "exemption")
    today = ("--today", "2026-06-25")
    md = run(repo, "check", *today, "--format", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| 张伟 |"))
    assert "| 每学期联系学生、填报台账 |" in row and "semester_contacts" not in row, row
    row = next(line for line in run(repo, "--lang", "en", "check", *today, "--format", "markdown").stdout.splitlines()
               if line.startswith("| 张伟 |"))
    assert "| semester contacts, ledger |" in row, row


def test_the_pull_request_s_summary_is_about_its_files_not_the_whole_university_s(tmp_path):
    """The summary a reviewer reads on a cadre's pull request (政策检查，写入摘要) ran check without --base: its tables
    were the whole university's — other units' missing ledgers (李娜's, 陈刚's), another ledger's twelve W-CHK-012 —
    and the guide told the reviewer to read the annotations instead.  Now it is about the pull request's files, as the
    annotations are: their findings and every error, the late and missing ledgers of those files (a ledger the pull
    request deletes, under its unit), the other files' warnings counted; without --base it is the whole university's."""
    repo, base = _pull_request(tmp_path)
    (repo / "records/ledgers/2025-H2/zhang-wei.yaml").unlink()
    commit(repo, "2026-06-22 10:00", "the pull request takes his 2025-H2 away")
    assert _step(repo, SUMMARY, {"github.event.pull_request.base.sha": base}).returncode == 1
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    owed = md.split("### 台账逾期与未提交\n", 1)[1].split("\n### ", 1)[0]
    assert [ln for ln in owed.splitlines() if ln.startswith(("#### ", "| 20"))] == [
        "#### 计算机学院（1）", "| 2025-H2 | 张伟 | 未提交 | — | — | — |"], md
    assert "W-CHK-012" not in md and "李娜" not in md, md
    assert f"### 相对 {base} 改动的文件中的检查结果和所有错误" in md, md
    whole = run(repo, "check", "--format", "markdown").stdout  # (the scheduled run's, the site's: everyone)
    assert "| 李娜 | 未提交 |" in whole and "#### 机械学院（" in whole and whole.count("W-CHK-012") >= 12, whole
