"""The pull request's policy checks (pull-request.yml): check's findings annotated on the lines of the files the
pull request changed, as validate's are, errors first, and every finding in the job summary's tables — run as
GitHub runs the steps, on real temporary Git repositories."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import yaml

from workflow_repo import ROOT, commit, edit, make_repo, run

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


def test_check_s_findings_are_annotated_in_the_pull_request_s_files_errors_first_and_all_are_in_the_summary(tmp_path):
    """A cadre's pull request lists a class not hers (E-CHK-005) and a day in the winter break (W-CHK-010) in her
    ledger, while another cadre's ledger on main holds 12 days before his contact point began (W-CHK-012 each).
    The check step wrote the summary only, no annotation: the reviewer read the error in the last table, not on the
    line.  Now the step annotates the findings of the files the pull request changed, errors first (GitHub shows a
    step's first 10 errors and 10 warnings: the other ledger's warnings would have taken their place), and a notice
    counts the rest; the summary still holds every finding; both steps fail on the error, as the check did."""
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
    assert "## 联系学生工作检查" in table and "E-CHK-005" in table and table.count("W-CHK-012") >= 12
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
