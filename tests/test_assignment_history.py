"""W-CHK-019 (R4): an assignment row that had begun, rewritten or deleted in Git instead of ended and
followed by a new row, read from the assignments file's history in a real Git repository."""
from __future__ import annotations

import json
import shutil

from tests.gitrepo import assignments, base, classes, commit, check_cli, init_repo, write

ZHANG = {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"}
LI = {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"}
FILE = "records/assignments/2025-2027.yaml"


def _repo(tmp_path):
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs"))
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    return repo


def _rows(repo, *rows, when="2026-03-02 10:00"):
    write(repo, {FILE: assignments("2025-2027", "2025-09-01", "2027-08-31", *rows)})
    commit(repo, when, "调整联系点")


def _said(repo, today="2026-03-20", *args):
    r = check_cli(repo / "records", "--today", today, "--format", "json", *args)
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-019"]


def _line(repo, text):
    return next(i for i, l in enumerate((repo / FILE).read_text(encoding="utf-8").splitlines(), 1) if text in l)


def test_a_started_rows_class_changed_in_place_is_told_at_its_line_with_the_row_to_write_instead(tmp_path):
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)
    said = _said(repo)
    assert [(f["file"], f["line"]) for f in said] == [(FILE, _line(repo, "zhang-wei"))], said
    assert "干部“张伟”" in said[0]["message"] and "cs-2025-01" in said[0]["message"] and "2026-03-02" in said[0][
        "message"] and "联系点改为班级 cs-2025-02" in said[0]["message"], said
    assert "end: 2026-03-01" in said[0]["hint"] and "class: cs-2025-01" in said[0]["hint"], said
    assert "新的一行也写上 reason" in said[0]["hint"], said  # (a new row inside the cycle without one is W-CHK-020)
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-019" in en.stdout and "cadre '张伟'" in en.stdout and "its contact point changed to the class cs-2025-02" in en.stdout \
        and "end: 2026-03-01" in en.stdout and "adds a new row, with its own reason," in en.stdout, en.stdout
    # a replay of a day before the change: nothing to tell yet
    assert _said(repo, "2026-03-01") == []
    # put back with its end, and the new row added: the right way, no longer told
    _rows(repo, {**ZHANG, "end": "2026-03-01", "reason": "调整"}, {**ZHANG, "class": "cs-2025-02", "start": "2026-03-02"},
          LI, when="2026-03-05 10:00")
    assert _said(repo) == []


def test_a_started_row_deleted_or_its_start_moved_is_told_and_ending_it_is_not(tmp_path):
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "start": "2025-10-01"})  # (zhang-wei's start moved, li-na's row deleted)
    said = sorted(_said(repo), key=lambda f: f["message"])
    assert len(said) == 2, said
    assert any("李娜" in f["message"] and "被删去了" in f["message"] for f in said), said
    assert any("张伟" in f["message"] and "开始日期改为 2025-10-01" in f["message"] for f in said), said
    other = _repo(tmp_path / "other")
    _rows(other, {**ZHANG, "end": "2026-03-01", "reason": "调整"}, {**ZHANG, "class": "cs-2025-02", "start": "2026-03-02"}, LI)
    assert _said(other) == []


def test_a_row_changed_before_it_began_or_put_right_the_same_day_is_not_told(tmp_path):
    repo = _repo(tmp_path)  # (committed 2025-08-20: the rows begin 2025-09-01)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI, when="2025-08-25 10:00")
    assert _said(repo) == []
    _rows(repo, {**ZHANG, "class": "me-2025-01"}, LI, when="2026-03-02 10:00")
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI, when="2026-03-02 11:00")  # (a slip put right that day)
    assert _said(repo) == []


def test_a_rewrite_after_a_run_that_kept_the_files_one_version_is_still_told(tmp_path, monkeypatch):
    # the versions are kept for HEAD between runs; a file of one version is kept unparsed (nothing to
    # compare), and the commit that then rewrites a row is compared with that version all the same
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    repo = _repo(tmp_path)
    assert _said(repo) == []
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)
    assert len(_said(repo)) == 1
    assert len(_said(repo)) == 1  # (warm: the same)


def test_a_row_that_began_outside_its_cycle_put_right_is_no_rewrite(tmp_path):
    # E-CHK-002 (a start outside the cycle) asks to correct the date: doing so is not W-CHK-019's rewrite
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "start": "2025-08-01"}, LI, when="2025-08-25 10:00")
    _rows(repo, ZHANG, LI, when="2025-10-02 10:00")
    assert _said(repo) == []


def test_a_whole_assignments_file_deleted_with_started_rows_is_told_and_brought_back_as_the_hint_says_is_not(tmp_path):
    # R4: deleting the whole file takes out its started rows as surely as deleting them one by one
    from tests.gitrepo import git
    repo = _repo(tmp_path)
    git(repo, "rm", "-q", FILE)
    commit(repo, "2026-03-02 10:00", "删去联系点安排")
    said = sorted(_said(repo), key=lambda f: f["line"])
    assert [(f["file"], f["line"]) for f in said] == [(FILE, _line_then(repo, "zhang-wei")), (FILE, _line_then(repo, "li-na"))], said
    assert all("随整个文件被删去了" in f["message"] and "2026-03-02" in f["message"] for f in said), said
    assert "end: 2026-03-01" in said[0]["hint"] and "git checkout" in said[0]["hint"], said
    # the file brought back has the row already: the hint does not ask to put it back, and says a mistake needs no end
    assert "删错了的，找回并提交即可" in said[0]["hint"] and "把原来的一行加回来" not in said[0]["hint"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-019" in en.stdout and "was deleted with the whole file" in en.stdout, en.stdout
    assert "An administrator first brings the deleted file back" in en.stdout and "puts the row back" not in en.stdout, en.stdout
    assert _said(repo, "2026-03-01") == []  # (a replay of a day before the deletion)
    # brought back with the hint's own command: nothing taken out any more
    command = said[0]["hint"].split("git checkout ")[1].split(" ")
    git(repo, "checkout", command[0], "--", command[2])
    commit(repo, "2026-03-03 10:00", "找回联系点安排")
    assert (repo / FILE).exists() and _said(repo) == []


def _line_then(repo, text):
    from tests.gitrepo import git
    return next(i for i, l in enumerate(git(repo, "show", f"HEAD^:{FILE}").splitlines(), 1) if text in l)


def test_a_file_deleted_after_a_run_that_kept_the_history_is_still_told(tmp_path, monkeypatch):
    # each file's newest change is kept for HEAD between runs; the commit that then deletes the file is
    # read since the kept commit, and told as a run without the kept history tells it
    from tests.gitrepo import git
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    repo = _repo(tmp_path)
    _rows(repo, ZHANG, LI, when="2025-12-01 10:00")
    assert _said(repo) == []
    git(repo, "rm", "-q", FILE)
    commit(repo, "2026-03-02 10:00", "删去联系点安排")
    assert len(_said(repo)) == 2
    assert len(_said(repo)) == 2  # (warm: the same)
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "none"))
    assert len(_said(repo)) == 2


def test_a_started_row_that_named_the_wrong_class_is_acknowledged_by_its_corrected_entry_as_the_hint_gives_it(tmp_path):
    # the class was simply entered wrong: no one held cs-2025-01 through zhang-wei, so there is no row to end;
    # the rewritten row records the change as the calendar's corrected does (the day, and the value before)
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)
    said = _said(repo)
    assert "corrected: [{on: 2026-03-02, class: cs-2025-01}]" in said[0]["hint"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "corrected: [{on: 2026-03-02, class: cs-2025-01}]" in en.stdout, en.stdout
    text = (repo / FILE).read_text(encoding="utf-8").replace(
        "    start: \"2025-09-01\"\n  - cadre: li-na", "    start: \"2025-09-01\"\n    corrected: [{on: 2026-03-02, class: cs-2025-01}]\n  - cadre: li-na")
    write(repo, {FILE: text})
    commit(repo, "2026-03-04 10:00", "记下更正")
    r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert [f for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"] == [], r.stdout
    assert _said(repo) == []
    # an entry of another day, or of another class before, acknowledges nothing
    write(repo, {FILE: text.replace("class: cs-2025-01}", "class: me-2025-01}")})
    commit(repo, "2026-03-05 10:00", "写错的更正")
    assert len(_said(repo)) == 1
    write(repo, {FILE: text.replace("on: 2026-03-02", "on: 2026-03-03")})
    commit(repo, "2026-03-06 10:00", "写错的更正")
    assert len(_said(repo)) == 1


def _stale(repo, today="2026-03-20", *args):
    r = check_cli(repo / "records", "--today", today, "--format", "json", *args)
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-021"]


def test_a_corrected_entry_that_matches_no_rewrite_is_told_with_the_entries_that_would(tmp_path):
    # as the calendar's W-CHK-018: an entry with a mistyped day or value silences nothing, and nobody was told
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)
    right = "corrected: [{on: 2026-03-02, class: cs-2025-01}]"
    text = (repo / FILE).read_text(encoding="utf-8")
    with_entry = lambda entry, row="zhang-wei": text.replace(  # noqa: E731
        f"  - cadre: {row}\n", f"  - cadre: {row}\n    corrected: [{entry}]\n")
    write(repo, {FILE: with_entry("{on: 2026-03-03, class: cs-2025-01}")})  # (the day of the commit mistyped)
    commit(repo, "2026-03-04 10:00", "记下更正")
    (said,) = _stale(repo)
    assert said["file"] == FILE and said["line"] == _line(repo, "corrected:"), said
    assert "{on: 2026-03-03, class: cs-2025-01}" in said["message"] and "干部“张伟”" in said["message"] \
        and "什么也没有消除" in said["message"], said
    assert right[len("corrected: ["):-1] in said["hint"], said
    assert len(_said(repo)) == 1  # (the rewrite is still told)
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-021" in en.stdout and "matches no rewrite" in en.stdout and "{on: 2026-03-02, class: cs-2025-01}" in en.stdout, en.stdout
    # the value before mistyped: told too; the right entry: neither
    write(repo, {FILE: with_entry("{on: 2026-03-02, class: me-2025-01}")})
    commit(repo, "2026-03-05 10:00", "改更正")
    assert len(_stale(repo)) == 1
    write(repo, {FILE: with_entry("{on: 2026-03-02, class: cs-2025-01}")})
    commit(repo, "2026-03-06 10:00", "改更正")
    assert _stale(repo) == [] and _said(repo) == []
    assert _stale(repo, "2026-03-01") == []  # (a replay of a day before the rewrite: the entry still matches it)
    # an entry on a row never rewritten since it began (li-na's): nothing to match, to be deleted
    write(repo, {FILE: with_entry("{on: 2026-03-02, class: cs-2025-01}", "li-na")})
    commit(repo, "2026-03-07 10:00", "写错行的更正")
    (said,) = _stale(repo)
    assert "李娜" in said["message"] and "请删去" not in said["hint"], said
    assert "它对得上的是干部“张伟”联系班级 cs-2025-02 的那一行的改写：请把它移到那一行的 corrected 中" in said["hint"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "It matches a rewrite of the row of cadre '张伟' with the class cs-2025-02: move it" in en.stdout, en.stdout
    assert "the correction {on: 2026-03-02, class: cs-2025-01} of the assignment of cadre '李娜' to the class me-2025-01 " \
        "(from 2025-09-01) matches no rewrite" in en.stdout, en.stdout  # (not "of the row of cadre '李娜''s assignment")
    other = _repo(tmp_path / "other")
    write(other, {FILE: assignments("2025-2027", "2025-09-01", "2027-08-31", ZHANG, LI)})
    commit(other, "2025-12-01 10:00", "联系点")
    write(other, {FILE: (other / FILE).read_text(encoding="utf-8").replace(
        "  - cadre: li-na\n", "  - cadre: li-na\n    corrected: [{on: 2026-03-02, class: cs-2025-01}]\n")})
    commit(other, "2026-03-02 10:00", "记下更正")
    (said,) = _stale(other)
    assert "请删去这一项" in said["hint"], said


def test_a_deleted_row_or_file_is_not_said_to_be_judged_by_a_rewritten_row(tmp_path):
    # a deleted row has no rewritten row: its days now count as if the cadre never held the point
    from tests.gitrepo import git
    repo = _repo(tmp_path)
    _rows(repo, ZHANG)  # (li-na's row deleted)
    other = _repo(tmp_path / "other")
    git(other, "rm", "-q", FILE)
    commit(other, "2026-03-02 10:00", "删去联系点安排")
    for where in (repo, other):
        said = [f for f in _said(where) if "李娜" in f["message"]]
        assert said and "改写后的" not in said[0]["message"] and "记录中已经没有这一行" in said[0]["message"], said
        en = check_cli(where / "records", "--today", "2026-03-20", "--lang", "en").stdout
        assert "judged by the rewritten row" not in en and "the records no longer have the row" in en, en
    _rows(repo, {**ZHANG, "class": "cs-2025-02"})  # (a rewritten row: as before)
    said = [f for f in _said(repo) if "张伟" in f["message"]]
    assert said and "现在按改写后的安排判断" in said[0]["message"], said


def test_a_rewrite_before_the_whole_file_was_deleted_is_still_told_once_the_file_is_brought_back(tmp_path):
    # the file's history stopped at its deletion: brought back as W-CHK-019's hint says, its versions before
    # were no longer read, and a row rewritten before the deletion was told no more
    from tests.gitrepo import git
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)  # (2026-03-02: zhang-wei's class rewritten)
    assert len(_said(repo)) == 1
    git(repo, "rm", "-q", FILE)
    commit(repo, "2026-03-05 10:00", "删去联系点安排")
    gone = _said(repo)  # (while it is deleted: its rows, as they were then, deleted with it)
    assert len(gone) == 2 and all("随整个文件被删去了" in f["message"] for f in gone), gone
    git(repo, "checkout", "HEAD^", "--", FILE)
    commit(repo, "2026-03-06 10:00", "找回联系点安排")
    said = _said(repo)
    assert len(said) == 1 and "cs-2025-01" in said[0]["message"] and "2026-03-02" in said[0]["message"] \
        and "联系点改为班级 cs-2025-02" in said[0]["message"], said
    # brought back with the row put back and ended: told no more
    _rows(repo, {**ZHANG, "end": "2026-03-01", "reason": "调整"}, {**ZHANG, "class": "cs-2025-02", "start": "2026-03-02"},
          LI, when="2026-03-07 10:00")
    assert _said(repo) == []


def test_a_row_with_a_corrected_entry_already_is_told_to_add_the_next_one_in_its_brackets(tmp_path):
    # a second line corrected: under the row is a duplicate key, which the YAML does not allow
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "corrected": "[{on: 2025-09-10, cadre: li-na}]"}, LI, when="2025-12-01 10:00")
    _rows(repo, {**ZHANG, "class": "cs-2025-02", "corrected": "[{on: 2025-09-10, cadre: li-na}]"}, LI)
    (said,) = _said(repo)
    assert "{on: 2026-03-02, class: cs-2025-01}" in said["hint"] and "方括号" in said["hint"] \
        and "加上一行 corrected:" not in said["hint"], said
    en = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en").stdout
    assert "add {on: 2026-03-02, class: cs-2025-01} inside the brackets of the rewritten row's corrected" in en, en


def test_a_row_corrected_twice_keeps_its_first_correction_acknowledged(tmp_path):
    # the class entered wrong, corrected and recorded; then the start too: the first entry is the row's
    # still, and acknowledges the first rewrite as the second entry the second
    repo = _repo(tmp_path)
    _rows(repo, {**ZHANG, "class": "cs-2025-02"}, LI)
    _rows(repo, {**ZHANG, "class": "cs-2025-02", "corrected": "[{on: 2026-03-02, class: cs-2025-01}]"}, LI,
          when="2026-03-04 10:00")
    assert _said(repo) == [] and _stale(repo) == []
    both = "[{on: 2026-03-02, class: cs-2025-01}, {on: 2026-03-09, start: 2025-09-01}]"
    _rows(repo, {**ZHANG, "class": "cs-2025-02", "start": "2025-09-15", "corrected": both}, LI, when="2026-03-09 10:00")
    assert _said(repo) == [] and _stale(repo) == []
    # without the second entry: the second rewrite alone is told, at the row, and the first entry still matches
    _rows(repo, {**ZHANG, "class": "cs-2025-02", "start": "2025-09-15", "corrected": both.split(", {on: 2026-03-09")[0] + "]"},
          LI, when="2026-03-10 10:00")
    (said,) = _said(repo)
    assert "开始日期改为 2025-09-15" in said["message"] and said["line"] == _line(repo, "zhang-wei"), said
    assert _stale(repo) == []


def test_a_corrected_entry_in_a_file_of_one_version_is_told_as_in_one_rewritten_since(tmp_path):
    # an assignments file committed once, its row's `corrected` written with it (copied from another file, or
    # written ahead of a rewrite never made): Git knows no rewrite of the row, and nothing was said — only a
    # file with two versions or more had its entries judged.  It is told as one rewritten since would be
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"))
    files[FILE] = assignments("2025-2027", "2025-09-01", "2027-08-31", ZHANG, LI).replace(
        "  - cadre: li-na\n", "  - cadre: li-na\n    corrected: [{on: 2026-03-02, class: cs-2025-01}]\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    (said,) = _stale(repo)
    assert said["file"] == FILE and said["line"] == _line(repo, "corrected:"), said
    assert "李娜" in said["message"] and "{on: 2026-03-02, class: cs-2025-01}" in said["message"], said
    assert "请删去这一项" in said["hint"], said
    # (a file of one version: its history may have been lost — copied to a new repository, squashed — and the hint
    # says so, and what to do, not only to delete the entry)
    assert f"{FILE} 在 Git 历史中只有一个版本" in said["hint"] and "git push --mirror" in said["hint"], said
    assert _said(repo) == []
    # outside Git nothing can be judged: nothing told (as the calendar's W-CHK-018)
    plain = tmp_path / "plain"
    shutil.copytree(repo / "records", plain / "records")
    assert _stale(plain) == []


def test_a_deleted_file_s_row_that_had_an_end_and_a_reason_is_told_to_change_them_not_add_them(tmp_path):
    # the file brought back (git checkout, as the hint says) has 李娜's row with its end and reason: the hint said to
    # write end: and reason as for a row without them — typed, a second end and reason (E-YAML-003, the table unread)
    from tests.gitrepo import git
    repo = _repo(tmp_path)
    _rows(repo, ZHANG, {**LI, "end": "2026-08-31", "reason": "联系点调整至新生班级"}, when="2025-08-25 10:00")
    git(repo, "rm", "-q", FILE)
    commit(repo, "2026-03-02 10:00", "删去联系点安排")
    [li] = [f for f in _said(repo) if "李娜" in f["message"]]
    assert "写上 end: 2026-03-01 和 reason（调整原因）——找回的这一行已写了 end 或 reason 的，改那一行的值，不要再加一行" \
        in li["hint"], li["hint"]
    [en] = [f for f in _said(repo, "2026-03-20", "--lang", "en") if "李娜" in f["message"]]
    assert "where the row brought back has an end or a reason already, change that line's value" in en["hint"], en["hint"]
    command = li["hint"].split("git checkout ")[1].split(" ")
    git(repo, "checkout", command[0], "--", command[2])
    text = (repo / FILE).read_text(encoding="utf-8")  # (her row's end changed to the day before; zhang-wei's, added)
    assert text.count('  end: "2026-08-31"\n') == 1
    text = text.replace('  end: "2026-08-31"\n', '  end: "2026-03-01"\n').replace(
        '    start: "2025-09-01"\n', '    start: "2025-09-01"\n    end: "2026-03-01"\n    reason: 调整\n', 1)
    write(repo, {FILE: text})
    commit(repo, "2026-03-03 10:00", "找回联系点安排并结束")
    run = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert [f["code"] for f in json.loads(run.stdout)["findings"] if f["code"] in ("W-CHK-019", "E-YAML-003")] == [], run.stdout


def test_a_corrected_entry_is_given_in_the_row_s_own_style_a_list_of_lines_or_braces(tmp_path):
    # the hint said to add the entry "inside the brackets" of a corrected written as a list of lines (there are none),
    # or the line corrected: [...] under a row written in braces — a line there is no YAML of the row; typed, neither
    # was the row's. Now: a "- " line under corrected, or ", corrected: [...]" before the row's closing brace.
    head = 'cycle: 2025-2027\nstart: "2025-09-01"\nend: "2027-08-31"\nassignments:\n'
    li = '  - cadre: li-na\n    class: me-2025-01\n    start: "2025-09-01"\n'
    block = '  - cadre: zhang-wei\n    class: {}\n    start: "2025-09-01"\n    corrected:\n      - {{on: 2025-09-10, cadre: li-na}}\n'

    def clean(repo):
        r = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
        return [(f["code"], f["line"]) for f in json.loads(r.stdout)["findings"] if f["severity"] == "error"
                or f["code"] == "W-CHK-019"]

    repo = _repo(tmp_path / "block")
    write(repo, {FILE: head + block.format("cs-2025-01") + li})
    commit(repo, "2025-12-01 10:00", "安排")
    write(repo, {FILE: head + block.format("cs-2025-02") + li})
    commit(repo, "2026-03-02 10:00", "改写")
    (said,) = _said(repo)
    assert "在改写后的这一行的 corrected 下（与其中各项对齐）加上一行 - {on: 2026-03-02, class: cs-2025-01}" in said["hint"] \
        and "方括号" not in said["hint"], said["hint"]
    (en,) = _said(repo, "2026-03-20", "--lang", "en")
    assert "add the line - {on: 2026-03-02, class: cs-2025-01} under the rewritten row's corrected" in en["hint"], en
    write(repo, {FILE: head + block.format("cs-2025-02") + "      - {on: 2026-03-02, class: cs-2025-01}\n" + li})
    commit(repo, "2026-03-04 10:00", "记下更正")
    assert clean(repo) == []

    repo = _repo(tmp_path / "braces")
    braces = '  - {{cadre: zhang-wei, class: {}, start: "2025-09-01"}}\n'
    write(repo, {FILE: head + braces.format("cs-2025-01") + li})
    commit(repo, "2025-12-01 10:00", "安排")
    write(repo, {FILE: head + braces.format("cs-2025-02") + li})
    commit(repo, "2026-03-02 10:00", "改写")
    (said,) = _said(repo)
    assert "在改写后的这一行的花括号中，最后一项之后、} 之前加上 , corrected: [{on: 2026-03-02, class: cs-2025-01}]" \
        in said["hint"], said["hint"]
    (en,) = _said(repo, "2026-03-20", "--lang", "en")
    assert "add , corrected: [{on: 2026-03-02, class: cs-2025-01}] inside the rewritten row's braces" in en["hint"], en
    write(repo, {FILE: head + '  - {cadre: zhang-wei, class: cs-2025-02, start: "2025-09-01", '
                              'corrected: [{on: 2026-03-02, class: cs-2025-01}]}\n' + li})
    commit(repo, "2026-03-04 10:00", "记下更正")
    assert clean(repo) == []
