"""`check --today <past day>` judges each ledger as it was committed on that day: a ledger edited
after the day is judged by its content of that day, one deleted after it is there as it was, and
their findings name the file as of that day (records/ledgers/…/x.yaml@2026-07-01).  Real records
in a real Git repository, through the real command."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gitrepo import base, commit, git, init_repo, ledger, write


from gitrepo import assignments, base, cadre, classes, commit, git, init_repo, ledger, write

REPO = Path(__file__).resolve().parent.parent


def _check(records: Path, today: str, cache="0", fmt: str = "json") -> subprocess.CompletedProcess:
    env = {**os.environ, "CONTACT_LEDGER_CACHE": str(cache), "PYTHONPATH": str(REPO)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    out = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today", today,
                          "--format", fmt], capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert "Traceback" not in out.stderr, out.stderr
    return out


def _report(records: Path, today: str, cache="0") -> dict:
    return json.loads(_check(records, today, cache).stdout)


def _count(report: dict, cadre: str, semester: str) -> int:
    [row] = [r for r in report["semester_matrix"]["rows"] if r["cadre"] == cadre]
    return row["cells"][semester]["count"]


def _row(report: dict, period: str, cadre: str) -> dict:
    [row] = [r for r in report["ledgers"] if r["period"] == period and r["cadre"] == cadre]
    return row


def _history(tmp_path: Path) -> Path:
    """张伟's 2026-H1 ledger with one activity and 李娜's naming a class not hers (E-CHK-005),
    both landed on 2026-06-20; 张伟's 2025-H2 ledger landed on 2025-12-20.  On 2026-09-10 张伟
    adds a second activity, 李娜 corrects her class, and 张伟's 2025-H2 ledger is deleted."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
                 "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-12"],
                                                              ("me-2025-01", "cs-2025-01"))})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-04-10"]),
                 "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-12"], ("me-2025-01",))})
    (repo / "records/ledgers/2025-H2/zhang-wei.yaml").unlink()
    commit(repo, "2026-09-10 10:00", "edits after the day")
    return repo


def test_check_as_of_a_past_day_judges_each_ledger_as_it_was_committed_on_that_day(tmp_path):
    repo = _history(tmp_path)
    records, cache = repo / "records", tmp_path / "cache"
    for where in (cache, cache, "0"):  # (worked out, served from the cache, without one)
        then = _report(records, "2026-07-01", where)
        assert _count(then, "zhang-wei", "2025-2026-2") == 1, "judged by the contact added in September"
        row = _row(then, "2025-H2", "zhang-wei")
        assert (row["status"], row["exists"]) == ("on_time", True), "deleted after the day: there on it"
        assert _count(then, "zhang-wei", "2025-2026-1") == 1
        [wrong] = [f for f in then["findings"] if f["code"] == "E-CHK-005"]
        assert wrong["file"].endswith("records/ledgers/2026-H1/li-na.yaml@2026-07-01"), wrong["file"]
        assert not [f for f in then["findings"] if f["code"] == "W-CHK-006" and "zhang-wei" in f["file"]]
        now = _report(records, "2026-09-20", where)  # (after the edits: the ledgers as they are)
        assert _count(now, "zhang-wei", "2025-2026-2") == 2
        assert "E-CHK-005" not in {f["code"] for f in now["findings"]}
        assert not _row(now, "2025-H2", "zhang-wei")["exists"]
        assert not any("@" in f["file"] for f in now["findings"])
    text = _check(records, "2026-07-01", cache, fmt="text").stdout
    assert "records/ledgers/2026-H1/li-na.yaml@2026-07-01:" in text, text


def test_check_as_of_a_past_day_says_once_when_the_content_of_that_day_cannot_be_read(tmp_path):
    repo = _history(tmp_path)
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    outside = tmp_path / "outside" / "records"
    shutil.copytree(repo / "records", outside)
    for records, code in ((shallow / "records", "E-CHK-022"), (outside, "E-CHK-023")):
        report = _report(records, "2026-07-01")
        said = [f for f in report["findings"] if code == f["code"]]
        assert len(said) == 1 and "2026-07-01" in said[0]["message"] and "现在的内容" in said[0]["message"], said
        assert _count(report, "zhang-wei", "2025-2026-2") == 2  # (as it is now: the only content there is)
        today = _report(records, dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat())  # (as of today)
        assert "现在的内容" not in json.dumps([f["message"] for f in today["findings"]], ensure_ascii=False)


def test_the_day_ends_at_midnight_in_the_policy_s_time_zone(tmp_path):
    """An edit committed at 23:30 on 2026-07-01 (Shanghai) is of that day; one at 00:30 on 07-02 is not
    — both are 2026-07-01 in UTC.  (Made before any commit after the day: a commit on top of a later one is
    after the day whatever its clock says.)"""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-05-10"])})
    commit(repo, "2026-07-01 23:30", "23:30")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger(
        "zhang-wei", "2026-H1", ["2026-03-10", "2026-05-10", "2026-06-10"])})
    commit(repo, "2026-07-02 00:30", "00:30")
    assert _count(_report(repo / "records", "2026-07-01"), "zhang-wei", "2025-2026-2") == 2
    assert _count(_report(repo / "records", "2026-07-02"), "zhang-wei", "2025-2026-2") == 3


def test_github_annotations_of_a_past_day_s_content_point_at_the_real_file(tmp_path):
    """check --today 2026-07-01 --format github put 李娜's error of that day at
    file=records/ledgers/2026-H1/li-na.yaml@2026-07-01, a file GitHub cannot find, and at line 3 of the
    content of that day, which the file checked out today need not have.  The annotation is now on the
    real file, without a line, and its text says the content was that day's and where in it (zh/en)."""
    repo = _history(tmp_path)
    env = {**os.environ, "CONTACT_LEDGER_CACHE": "0", "PYTHONPATH": str(REPO)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    for lang, said in (("zh", "2026-07-01 的内容，第 {line} 行第 {col} 列（现在的文件可能已改正）："),
                       ("en", "As of 2026-07-01, line {line}, column {col} (the file now may be corrected): ")):
        out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-07-01", "--format", "github",
                              "--lang", lang], capture_output=True, text=True, cwd=repo, env=env, timeout=60).stdout
        as_json = json.loads(subprocess.run(
            [sys.executable, "-m", "generator", "check", "--today", "2026-07-01", "--format", "json", "--lang", lang],
            capture_output=True, text=True, cwd=repo, env=env, timeout=60).stdout)
        [wrong] = [f for f in as_json["findings"] if f["code"] == "E-CHK-005"]
        assert wrong["file"] == "records/ledgers/2026-H1/li-na.yaml@2026-07-01", wrong
        text = wrong["message"] + (f" — {wrong['hint']}" if wrong.get("hint") else "")
        [line] = [ln for ln in out.splitlines() if "E-CHK-005" in ln]
        assert line == ("::error file=records/ledgers/2026-H1/li-na.yaml,title=E-CHK-005::"
                        + said.format(line=wrong["line"], col=wrong["column"]) + text), line
        assert "@" not in "".join(ln.split("::")[1] for ln in out.splitlines() if ln.startswith("::")), out


@pytest.fixture(scope="module")
def past_site(tmp_path_factory):
    """(the repository of _history, its site built as of 2026-07-01 by a real mkdocs build)."""
    from site_build import mkdocs_build

    tmp_path = tmp_path_factory.mktemp("past-site")
    repo = _history(tmp_path)
    return repo, mkdocs_build(repo / "records", tmp_path / "site", "2026-07-01")


def _findings_rows(built, code: str) -> list[tuple[list[str], str]]:
    """(the cells' text, the row's HTML) of each row of the 数据检查 page with `code`."""
    import html
    import re

    page = (built.public / "findings.html").read_text(encoding="utf-8")
    rows = [([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)], row)
            for row in re.findall(r"<tr>.*?</tr>", page, re.S)]
    return [(cells, row) for cells, row in rows if cells[1:2] == [code]]  # (the code's cell: <span class="whole">)


def test_the_site_of_a_past_day_names_that_day_s_content_in_words_and_links_to_its_page(past_site):
    """A site built with a past --today (LEDGER_TODAY=2026-07-01) listed 李娜's error of that day on the
    数据检查 page at records/ledgers/2026-H1/li-na.yaml@2026-07-01:3:30, and her ledger's 记录文件 as …@2026-07-01:
    a file no one has, and a line of content the file today need not have.  Both now name the real file and say
    in words that it is that day's content (and where in it); the row links to the ledger's section."""
    repo, built = past_site
    page = (built.public / "findings.html").read_text(encoding="utf-8")
    [(cells, row)] = _findings_rows(built, "E-CHK-005")
    wrong = next(f for f in _report(repo / "records", "2026-07-01")["findings"] if f["code"] == "E-CHK-005")
    assert cells[2] == ("records/ledgers/2026-H1/li-na.yaml（2026-07-01 的内容，"
                        f"第 {wrong['line']} 行第 {wrong['column']} 列）"), cells
    assert 'href="cadres/li-na.html#2026-H1"' in row, row
    cadre = (built.public / "cadres/li-na.html").read_text(encoding="utf-8")
    assert "@2026-07-01" not in page + cadre
    assert "<code>records/ledgers/2026-H1/li-na.yaml</code>（2026-07-01 的内容）" in cadre.replace(
        '<span class="whole">', "").replace("</span>", "")  # (a date in a table kept whole: d924fa1)


def test_a_missing_ledger_on_the_data_check_page_links_to_its_cadre_s_page(past_site):
    """The 数据检查 page listed 李娜's 2025-H2 ledger not handed in (W-CHK-006) with nothing under 相关页面 — its
    file does not exist, and only files were linked — though her page lists that ledger as 未提交.  It links there."""
    _repo, built = past_site
    [(cells, row)] = [(c, r) for c, r in _findings_rows(built, "W-CHK-006") if "2025-H2" in c[3] and "李娜" in c[3]]
    assert 'href="cadres/li-na.html"' in row and cells[-1] == "查看", row
    assert "未提交" in (built.public / "cadres/li-na.html").read_text(encoding="utf-8")


def test_a_site_build_reads_the_ledgers_history_once(tmp_path):
    """mkdocs build read the ledgers' history twice — once for the ledgers not there yet on the site's day
    (submitted_later), once more for the checks of that day, each with its `git rev-parse` and `git log` of
    records/ledgers/ (≈0.45 s each at 12,000 ledgers), and `archive` a third time; the checks give both
    (CheckResult.later, .arrived, from the same history), so the build reads it once."""
    import shutil

    repo = _history(tmp_path)
    shim, calls = tmp_path / "shim", tmp_path / "git-calls"
    shim.mkdir()
    calls.write_text("", encoding="utf-8")
    (shim / "git").write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{calls}"\nexec {shutil.which("git")} "$@"\n',
                              encoding="utf-8")
    (shim / "git").chmod(0o755)
    env = {**os.environ, "LEDGER_RECORDS": str(repo / "records"), "LEDGER_GENERATED": str(tmp_path / "generated"),
           "NO_MKDOCS_2_WARNING": "1", "LEDGER_TODAY": "2026-07-01", "CONTACT_LEDGER_CACHE": "0",
           "PATH": f"{shim}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"),
                           "-d", str(tmp_path / "public")], env=env, capture_output=True, text=True, cwd=REPO,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    said = calls.read_text(encoding="utf-8").splitlines()
    assert len([c for c in said if " rev-parse " in f" {c} "]) == 1, said
    assert len([c for c in said if " log " in f" {c} " and "records/ledgers/" in c]) == 1, said
    page = (tmp_path / "public/findings.html").read_text(encoding="utf-8")
    assert "E-CHK-005" in page  # (the checks of that day: 李娜's class of that day)


def _records_changed_later(tmp_path: Path) -> Path:
    """On 2026-06-20 张伟 hands in 2026-H1; 李娜 never does.  On 2026-09-10 an administrator exempts 李娜
    from that ledger after the fact, assigns a new cadre 王芳 to cs-2025-01 from 2025-09-01, and renames
    李娜's class me-2025-01 to me-2025-11 (classes and assignments)."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    write(repo, {
        "records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
                                   "    start: \"2026-01-01\"\n    end: \"2026-06-30\"\n    reason: 挂职锻炼\n"
                                   "    approved_by: 王管理\n",
        "records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
        "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-11", "me")),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
            {"cadre": "li-na", "class": "me-2025-11", "start": "2025-09-01"},
            {"cadre": "wang-fang", "class": "cs-2025-01", "start": "2025-09-01"})})
    commit(repo, "2026-09-10 10:00", "records changed after the day")
    return repo


def test_cadres_assignments_exemptions_and_classes_are_read_as_committed_on_the_past_day(tmp_path):
    """check --today 2026-07-15 read the cadres, assignments, exemptions and classes as they are now:
    李娜's missing 2026-H1 ledger was 豁免 by an exemption written in September, and 王芳, assigned in
    September, owed a 2026-H1 ledger (W-CHK-006).  They are now read as committed on that day, as the
    ledgers are (one `git rev-list`, one `git log` of the commits after the day, one `git cat-file --batch`)."""
    repo = _records_changed_later(tmp_path)
    records, cache = repo / "records", tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-15", where)
        assert _row(then, "2026-H1", "li-na")["status"] == "missing", "exempted only in September"
        assert not [r for r in then["ledgers"] if r["cadre"] == "wang-fang"], "assigned only in September"
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-SCHEMA"))], then["findings"]
        assert not [f for f in then["findings"] if "wang-fang" in f["file"] + f["message"]]
        missing = [f["file"] for f in then["findings"] if f["code"] == "W-CHK-006" and "2026-H1" in f["file"]]
        assert len(missing) == 1 and missing[0].endswith("li-na.yaml"), missing
        now = _report(records, "2026-09-20", where)
        assert _row(now, "2026-H1", "li-na")["status"] == "exempt"
        assert _row(now, "2026-H1", "wang-fang")["status"] == "missing"


def test_a_ledger_deleted_before_the_day_and_added_again_after_it_was_not_there_on_the_day(tmp_path):
    """张伟's 2026-H1 ledger landed on 2026-06-20, was deleted on 2026-06-25 and added again on
    2026-09-10: check --today 2026-07-15 said 按时 by its first landing and judged its content of
    September; on that day there was no ledger — 未提交, as the site of that day showed."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    (repo / "records/ledgers/2026-H1/zhang-wei.yaml").unlink()
    commit(repo, "2026-06-25 10:00", "withdrawn")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1",
                                                                  ["2026-03-10", "2026-04-10"], ("cs-2025-99",))})
    commit(repo, "2026-09-10 10:00", "added again")
    records, cache = repo / "records", tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-15", where)
        row = _row(then, "2026-H1", "zhang-wei")
        assert (row["status"], row["exists"]) == ("missing", False), row
        assert _count(then, "zhang-wei", "2025-2026-2") == 0
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-CHK"))], then["findings"]
        assert [f for f in then["findings"] if f["code"] == "W-CHK-006" and "2026-H1/zhang-wei" in f["file"]]
        now = _row(_report(records, "2026-09-20", where), "2026-H1", "zhang-wei")
        assert (now["status"], now["exists"]) == ("on_time", True), now  # (its first landing, as before)


_PLAIN = "参加主题班会，与同学们交流学习情况。"
_HOTLINE, _OTHER = "参加主题班会，介绍心理中心热线电话 010-62345678。", "联系班长，电话 010-62345679。"


def _summaries(text: str, *summaries: str) -> str:
    """A ledger's text with its activities' summaries, in order."""
    parts = text.split(_PLAIN)
    return parts[0] + "".join(said + part for said, part in zip(summaries, parts[1:]))


def _hotline_history(tmp_path: Path) -> tuple[Path, str]:
    """(A repository, 张伟's ledger as it was on 2026-07-01): a reviewed hotline (a privacy exception, written
    against the ledger as it is now) was 6 lines higher that day, with another number below it on the line
    the exception names now; in September an activity was added before it and the other number taken out."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    path = "records/ledgers/2026-H1/zhang-wei.yaml"
    was = _summaries(ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-03-20"]), _HOTLINE, _OTHER)
    write(repo, {path: was})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    now = _summaries(ledger("zhang-wei", "2026-H1", ["2026-03-01", "2026-03-10", "2026-03-20"]), _PLAIN, _HOTLINE)
    line = now[:now.index("010-62345678")].count("\n") + 1
    assert line == was[:was.index("010-62345679")].count("\n") + 1  # (the other number's line that day)
    write(repo, {path: now, "records/privacy-exceptions.yaml": (
        f"exceptions:\n  - file: ledgers/2026-H1/zhang-wei.yaml\n    line: {line}\n    kind: landline\n"
        "    reason: 心理中心对外公开的热线电话，不是学生信息\n    reviewed_by: 王管理\n")})
    commit(repo, "2026-09-10 10:00", "an activity added before it, the other number taken out; the exception")
    return repo, was


def test_a_privacy_exception_matches_a_past_day_s_content_by_the_text_of_its_line(tmp_path):
    """check --today 2026-07-01 told the excused hotline as personal data (E-PRIV-001 at @2026-07-01), and
    the exception silenced the other number of that day, on the line it names now.  The exception now
    matches the line of that day's content whose text is its line's now; the other number is told."""
    repo, was = _hotline_history(tmp_path)
    records = repo / "records"
    assert not [f for f in _report(records, "2026-09-20")["findings"] if f["code"].startswith("E-PRIV")]
    then = _report(records, "2026-07-01")
    assert _count(then, "zhang-wei", "2025-2026-2") == 2  # (the content of that day)
    told = [(f["code"], f["file"].rsplit("/", 1)[1], f["line"]) for f in then["findings"] if f["code"].startswith("E-PRIV")]
    assert told == [("E-PRIV-001", "zhang-wei.yaml@2026-07-01", was[:was.index("010-62345679")].count("\n") + 1)], told


def test_the_site_of_a_past_day_shows_only_the_text_a_privacy_exception_excuses(tmp_path):
    """The site built as of 2026-07-01 (LEDGER_TODAY) matched exceptions by line number alone: it showed
    the other number of that day — on the line the exception names now — and withheld the excused
    hotline.  It now matches them by the line's text, as check does."""
    from site_build import mkdocs_build

    repo, _was = _hotline_history(tmp_path)
    built = mkdocs_build(repo / "records", tmp_path, "2026-07-01")
    page = (built.public / "cadres/zhang-wei.html").read_text(encoding="utf-8")
    assert "010-62345679" not in page, "the other number shown"
    assert "010-62345678" in page, "the excused hotline withheld"


def test_a_shallow_clone_says_the_day_s_content_was_not_read_only_when_it_could_have_differed(tmp_path):
    """E-CHK-022 added 也无法读取台账在那一天的内容 for any day before the clock's, even in a shallow clone
    whose HEAD (2026-09-10) is older than the day (2026-09-20): nothing came after it, the content now is
    that day's.  It is said only when content after the day might exist; a shallow clone that holds the
    day's commit reads the content of that day, and says nothing of it either."""
    repo = _history(tmp_path)
    for depth, day, count, said in ((1, "2026-09-20", 2, False), (2, "2026-07-01", 1, False), (1, "2026-07-01", 2, True)):
        shallow = tmp_path / f"shallow-{depth}-{day}"
        git(tmp_path, "clone", "-q", "--depth", str(depth), f"file://{repo}", str(shallow))
        report = _report(shallow / "records", day)
        [told] = [f for f in report["findings"] if f["code"] == "E-CHK-022"]
        assert ("现在的内容" in told["message"]) is said, (depth, day, told["message"])
        assert _count(report, "zhang-wei", "2025-2026-2") == count, (depth, day)


def test_archive_of_a_past_day_freezes_the_period_as_check_of_that_day_judged_it(tmp_path):
    """archive 2025-H2 --today 2026-01-10 run in March judged the period by the records as they are now
    — 李娜 豁免 by an exemption written on 2026-03-01 — and hashed 张伟's ledger as edited then, while its
    exports (the site as of that day) showed the content of 2026-01-10.  It now reads the records as
    committed on that day, as check --today and the site do: 李娜 missing, 张伟's ledger frozen as it was
    (the later edit refused first, E-FLOW-007: archived, it would be E-ARCH-001 at once; restored here)."""
    import hashlib

    import yaml
    from gitrepo import generator_cli

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    path = "records/ledgers/2025-H2/zhang-wei.yaml"
    then = ledger("zhang-wei", "2025-H2", ["2025-10-10"])
    write(repo, {path: then})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    write(repo, {path: ledger("zhang-wei", "2025-H2", ["2025-10-10", "2025-11-10"]),
                 "records/exemptions.yaml": "exemptions:\n  - cadre: li-na\n    rules: [ledger]\n"
                                            "    start: \"2025-07-01\"\n    end: \"2025-12-31\"\n    reason: 挂职锻炼\n"
                                            "    approved_by: 王管理\n"})
    commit(repo, "2026-03-01 10:00", "exemption and an edit, after the day")
    checked = {r["cadre"]: r["status"] for r in _report(repo / "records", "2026-01-10")["ledgers"] if r["period"] == "2025-H2"}
    refused = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert refused.returncode == 1 and "E-FLOW-007" in refused.stdout, refused.stdout + refused.stderr
    write(repo, {path: then})
    commit(repo, "2026-03-02 10:00", "张伟的台账恢复成 2026-01-10 的内容")
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    man = yaml.safe_load((repo / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    statuses = {e["cadre"]: e["status"] for e in man["ledgers"]}
    assert statuses == checked == {"zhang-wei": "on_time", "li-na": "missing"}, (statuses, checked)
    [frozen] = [e for e in man["ledgers"] if e["cadre"] == "zhang-wei"]
    assert frozen["sha256"] == hashlib.sha256(then.encode("utf-8")).hexdigest()
    said = generator_cli(repo, "validate")
    assert said.returncode == 0 and "E-ARCH" not in said.stdout, said.stdout


def test_the_hint_of_a_past_day_s_privacy_find_names_the_line_an_exception_would_take_now(tmp_path):
    """E-PRIV-001 of a past day's content said 在 privacy-exceptions.yaml 登记一条（…line: 10…）, the line of
    that day; an exception names a line of the file now (line 16 holds the hotline now, and line 10 something
    else).  The hint now gives the line the text stands on now, or — gone now — no line (—)."""
    repo, was = _hotline_history(tmp_path)
    write(repo, {"records/privacy-exceptions.yaml": "exceptions: []\n"})  # (not reviewed yet)
    hints = {f["message"][-2:]: f["hint"] for f in _report(repo / "records", "2026-07-01")["findings"]
             if f["code"] == "E-PRIV-001"}
    now = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    assert f"line: {now[:now.index('010-62345678')].count(chr(10)) + 1}，" in hints["78"], hints
    assert "line: —，" in hints["79"], hints


def test_a_file_changed_after_the_day_and_changed_back_is_the_file_as_it_is(tmp_path):
    """李娜's ledger (E-CHK-005) was edited on 2026-09-10 and the edit undone on 2026-09-12: as of
    2026-07-01 its bytes are those of the file now, yet its finding was named …/li-na.yaml@2026-07-01
    (现在的文件可能已改正, and a GitHub annotation without its line).  Same bytes: the file as it is."""
    repo = _history(tmp_path)
    path = repo / "records/ledgers/2026-H1/li-na.yaml"
    git(repo, "checkout", "-q", "HEAD~1", "--", "records/ledgers/2026-H1/li-na.yaml")  # (the content of June)
    commit(repo, "2026-09-12 10:00", "the correction undone")
    report = _report(repo / "records", "2026-07-01")
    [wrong] = [f for f in report["findings"] if f["code"] == "E-CHK-005"]
    assert wrong["file"].endswith("records/ledgers/2026-H1/li-na.yaml"), wrong["file"]
    assert path.read_bytes() and _count(report, "zhang-wei", "2025-2026-2") == 1


def test_a_commit_whose_committer_time_goes_back_does_not_hide_the_edits_before_it(tmp_path):
    """A rebased (or clock-skewed) commit on the first-parent chain dated 2026-06-25, made after the edits of
    2026-09-10, stopped `git log --since` there: check --today 2026-07-01 missed the September edits and judged
    张伟's 2026-H1 ledger by its second contact, added in September (and 李娜's E-CHK-005 was gone).  The day's
    commit is now the parent of the oldest first-parent commit made after the day (any newer one after it is
    after the day too)."""
    repo = _history(tmp_path)
    (repo / "NOTES.md").write_text("notes\n", encoding="utf-8")
    commit(repo, "2026-06-25 10:00", "a commit whose clock went back")
    (repo / "NOTES.md").write_text("notes, again\n", encoding="utf-8")
    commit(repo, "2026-09-12 10:00", "after it")
    records, cache = repo / "records", tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-01", where)
        assert _count(then, "zhang-wei", "2025-2026-2") == 1, "judged by the contact added in September"
        assert [f["code"] for f in then["findings"] if f["code"] == "E-CHK-005"] == ["E-CHK-005"]
        assert _row(then, "2025-H2", "zhang-wei")["exists"], "deleted after the day: there on it"


def _wang_fang_imported() -> dict:
    """王芳's records as an import brings them: her cadre file, her class and assignment, her old 2026-H1 ledger."""
    return {
        "records/cadres/wang-fang.yaml": cadre("王芳", "cs"),
        "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs")),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
            {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
            {"cadre": "wang-fang", "class": "cs-2025-02", "start": "2025-09-01"}),
        "records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-03-15"], ("cs-2025-02",)),
    }


def test_records_that_arrived_with_an_import_count_as_the_imported_ledgers_do(tmp_path):
    """An import on 2026-09-10 brought in 王芳's old 2026-H1 ledger (handed in on the old platform on
    2026-06-25, so the manifest says) with her cadre file and her assignment, and 张伟's 2026-H1 ledger was
    edited after it.  check --today 2026-07-15 counted the ledger from the manifest's date but left her
    cadre and assignment out (added after the day): E-REF on her ledger, and 王芳 owed nothing.  Records that
    arrived with an import (a commit that changes an import manifest) are now read as it brought them, on
    every past day, as the ledgers it lists count from the manifest's dates; a later ordinary edit is still
    after the day."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    write(repo, {
        **_wang_fang_imported(),
        "records/imports/legacy.yaml": "source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
                                       "  - path: ledgers/2026-H1/wang-fang.yaml\n    submitted: \"2026-06-25\"\n"})
    commit(repo, "2026-09-10 10:00", "导入旧平台台账")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-04-10"]),
                 "records/cadres/wang-fang.yaml": cadre("王芳", "me")})
    commit(repo, "2026-09-12 10:00", "after the import")
    records, cache = repo / "records", tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-15", where)
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-CHK"))], then["findings"]
        row = _row(then, "2026-H1", "wang-fang")
        assert (row["status"], row["exists"], row["source"]) == ("on_time", True, "import"), row
        assert _count(then, "wang-fang", "2025-2026-2") == 1
        assert _count(then, "zhang-wei", "2025-2026-2") == 1, "the edit after the import is after the day"


def test_a_commit_whose_clock_ran_ahead_does_not_move_the_day_before_the_commits_after_it(tmp_path):
    """A commit dated 2027-05-01 (a clock ahead; an amend run today) between 张伟's ledger of 2026-06-20 and his
    edit of 2026-06-22: taking the oldest commit dated after the day as the first one after it, check --today
    2026-07-01 read the ledger as of 06-20 and missed the contact added on 06-22; the chain is now cut where
    the fewest commit times disagree."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    (repo / "NOTES.md").write_text("notes\n", encoding="utf-8")
    commit(repo, "2027-05-01 10:00", "a commit whose clock ran ahead")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-04-10"])})
    commit(repo, "2026-06-22 10:00", "an edit before the day")
    for where in (tmp_path / "cache", "0"):
        assert _count(_report(repo / "records", "2026-07-01", where), "zhang-wei", "2025-2026-2") == 2


def _manifest_corrected_with(tmp_path: Path, edits: dict, message: str) -> Path:
    """The records folder of a repository where 王芳's records and old ledger came with an import on 2026-09-10
    (its manifest listing them in `records`), and on 2026-09-12 a commit corrected the manifest's `source`
    together with `edits`."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    manifest = ("source: {source}\napproved_by: 王管理\nledgers:\n"
                "  - path: ledgers/2026-H1/wang-fang.yaml\n    submitted: \"2026-06-25\"\n"
                "records: [cadres/wang-fang.yaml, classes/2025.yaml, assignments/2025-2027.yaml]\n")
    write(repo, {
        **_wang_fang_imported(),
        "records/imports/legacy.yaml": manifest.format(source="原平台导出")})
    commit(repo, "2026-09-10 10:00", "导入旧平台台账")
    write(repo, {**edits, "records/imports/legacy.yaml": manifest.format(source="原信息化平台导出")})
    commit(repo, "2026-09-12 10:00", message)
    return repo / "records"


def test_a_later_commit_that_changes_an_import_manifest_is_not_an_import_of_what_its_manifest_does_not_list(tmp_path):
    """Any commit that changed an import manifest was taken for an import, every record file it changed read
    as brought in on every past day: the manifest's `source` corrected on 2026-09-12 together with an edit of
    张伟's ledger made check --today 2026-07-15 judge the ledger by the contact added in September.  A manifest
    now says what came with it (`records`, besides its ledgers): a commit that changes it brings those only;
    王芳's cadre, class and assignment, listed, still count on every past day."""
    records = _manifest_corrected_with(tmp_path, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger(
        "zhang-wei", "2026-H1", ["2026-03-10", "2026-04-10"])}, "导入清单的来源写全；张伟补记一次联系")
    cache = tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-15", where)
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-CHK", "E-SCHEMA"))], then["findings"]
        row = _row(then, "2026-H1", "wang-fang")
        assert (row["status"], row["exists"], row["source"]) == ("on_time", True, "import"), row
        assert _count(then, "zhang-wei", "2025-2026-2") == 1, "the edit of 09-12 read as brought by an import"


def test_a_later_commit_that_edits_a_manifest_and_a_file_it_lists_is_not_an_import_of_that_file(tmp_path):
    """A commit that changed an import manifest was an import of every file the manifest lists now: its
    `source` corrected on 2026-09-12 together with a contact added to 王芳's imported 2026-H1 ledger made
    check --today 2026-07-15 read the ledger as that commit left it, as if imported so.  A file is now brought
    by the commit that first lists it in the manifest (its ledgers or `records`); a later edit of both is an
    edit of the file, after the day."""
    records = _manifest_corrected_with(tmp_path, {"records/ledgers/2026-H1/wang-fang.yaml": ledger(
        "wang-fang", "2026-H1", ["2026-03-15", "2026-04-15"], ("cs-2025-02",))}, "导入清单的来源写全；王芳补记一次联系")
    cache = tmp_path / "cache"
    for where in (cache, cache, "0"):
        then = _report(records, "2026-07-15", where)
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-SCHEMA"))], then["findings"]
        assert _count(then, "wang-fang", "2025-2026-2") == 1, "the edit of 09-12 read as brought by the import"
    assert _count(_report(records, "2026-12-02"), "wang-fang", "2025-2026-2") == 2


def test_an_import_manifest_s_records_entry_that_names_no_file_is_told(tmp_path):
    """records: [cadres/wang-fnag.yaml] (a typo) in an import manifest said nothing, and a check of a past day
    then read 王芳's cadre file as added after the day; it is told at its line (W-FLOW-003), with the file meant."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {**_wang_fang_imported(), "records/imports/legacy.yaml": (
        "source: 原信息化平台导出\nledgers:\n  - path: ledgers/2026-H1/wang-fang.yaml\n    submitted: \"2026-06-25\"\n"
        "records:\n  - classes/2025.yaml\n  - cadres/wang-fnag.yaml\n")})
    commit(repo, "2026-09-10 10:00", "导入旧平台台账")
    for lang, hint in (("zh", "是不是“cadres/wang-fang.yaml”？"), ("en", "Did you mean 'cadres/wang-fang.yaml'? records")):
        out = subprocess.run([sys.executable, "-m", "generator", "check", "--today", "2026-09-20", "--format", "json",
                              "--lang", lang], capture_output=True, text=True, cwd=repo,
                             env={**os.environ, "PYTHONPATH": str(REPO), "CONTACT_LEDGER_CACHE": "0"}, timeout=60)
        told = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "W-FLOW-003"]
        assert [(f["file"], f["line"]) for f in told] == [("records/imports/legacy.yaml", 7)], told
        assert "cadres/wang-fnag.yaml" in told[0]["message"] and hint in told[0]["hint"], told


def test_what_an_import_manifest_lists_does_not_swell_the_kept_past_day(tmp_path):
    """The content of a past day is kept under a key of what the import manifests list (d61fc45): the key held
    every path listed, so with 3,000 imported ledgers the kept file of one past day's content (one ledger edited,
    ≈0.5 kB) grew by ≈100 kB, written again for every day and HEAD; the key is now a digest of the listing."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00", "2026-H1")
    listed = "".join(f"  - path: ledgers/2025-H1/old-{i:04d}.yaml\n    submitted: \"2025-06-25\"\n" for i in range(3000))
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-04-10"]),
                 "records/imports/legacy.yaml": f"source: 原信息化平台导出\nledgers:\n{listed}records: []\n"})
    commit(repo, "2026-09-10 10:00", "导入旧平台台账；张伟补记")
    cache = tmp_path / "cache"
    assert _count(_report(repo / "records", "2026-07-01", cache), "zhang-wei", "2025-2026-2") == 1
    [kept] = list(cache.rglob("*.past-records"))
    assert kept.stat().st_size < 20_000, kept.stat().st_size


def test_a_cadre_list_imported_after_the_day_is_read_as_imported_on_that_day(tmp_path):
    """import cadres wrote the cadre files and no import manifest, so check --today of a day before the import
    took 王芳's file for one added after it: her 2026-H1 ledger, handed in on 2026-06-25, named a cadre that did
    not exist that day (E-REF).  The import now lists what it writes in records/imports/lists.yaml's `records`
    (made, then extended, its other lines kept), so the commit of the import brings her file on every past day;
    validate passes it."""
    from openpyxl import Workbook

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-03-15"])})
    commit(repo, "2026-06-25 10:00", "王芳 2026-H1")
    for name, rows in (("c.xlsx", [["姓名", "职务", "单位", "任职日期"], ["王芳", "计算机学院副院长", "cs", "2016-09-01"]]),
                       ("k.xlsx", [["社团名称", "指导单位"], ["桥牌协会", "cs"]])):
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(tmp_path / name)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for kind, sheet in (("cadres", "c.xlsx"), ("clubs", "k.xlsx")):
        run = subprocess.run([sys.executable, "-m", "generator", "import", kind, str(tmp_path / sheet), "--write"],
                             cwd=repo, env=env, capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stdout + run.stderr
    manifest = (repo / "records/imports/lists.yaml").read_text(encoding="utf-8")
    assert manifest.endswith("records:\n  - cadres/wang-fang.yaml\n  - clubs.yaml\n"), manifest
    commit(repo, "2026-09-10 10:00", "导入组织部干部名单、校团委社团名单")
    for when in ("2026-07-15", "2026-12-02"):
        then = _report(repo / "records", when)
        assert not [f for f in then["findings"] if f["code"].startswith(("E-REF", "E-SCHEMA"))], then["findings"]
