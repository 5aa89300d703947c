"""What a cadre filling in her first ledgers by hand is told when she gets something wrong: the hint
names what she can use instead (as the web form does), so that she need not look it up elsewhere.

Each test copies the valid tests/fixtures/minimal/ records, breaks one thing the way a cadre does,
and runs `python -m generator validate` (or `check`) in a subprocess, as she runs it.
"""
from __future__ import annotations

import json

import pytest

import bad_records as B


def _records(tmp_path):
    work = tmp_path / "work"
    B.shutil.copytree(B.MINIMAL, work / "records")
    return work


def _findings(work, *args) -> list[dict]:
    run = B.run_cli(B.REPO, work, "validate", "--format", "json", *args)
    assert "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout)


FOLLOW_UP = """feedback:
  - id: 2026h1-li-na-1
    raised_on: "2026-04-20"
    kind: 问题
    category: 学业发展
    description: 几名学生反映实验室开放时间太短。
    status: 待处理
    follows: {ref}
"""


def test_a_follow_up_of_nothing_in_a_first_ledger_says_there_is_nothing_to_follow(tmp_path):
    """李娜 has no earlier ledger: `follows` names an item she thinks she had; the hint says her earlier
    ledgers hold none and that an item that follows nothing has no follows line."""
    work = _records(tmp_path)
    path = work / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="2025h2-li-na-1"), encoding="utf-8")
    found = [f for f in _findings(work) if f["code"] == "E-REF-006"]
    assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/li-na.yaml", 18)]
    hint = found[0]["hint"]
    assert "李娜以前各期的台账中没有学生反映的问题和建议" in hint, hint
    assert "删去 follows 这一行" in hint, hint
    en = [f for f in _findings(work, "--lang", "en") if f["code"] == "E-REF-006"][0]["hint"]
    assert "李娜's earlier ledgers hold no item" in en and "delete the follows line" in en, en


def test_a_follow_up_of_a_mistyped_id_lists_the_cadres_earlier_ids(tmp_path):
    """张伟 mistypes the id of his 2025-H2 item: the hint lists the ids of his earlier items (not another
    cadre's, not those of the same ledger), as the web form does before saving."""
    work = _records(tmp_path)
    path = work / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("follows: 2025h2-zhang-wei-1",
                                                             "follows: 2025h2-zhang-wei-9"), encoding="utf-8")
    other = work / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    other.write_text(other.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="2025h2-zhang-wei-1")
                     .replace("    follows: 2025h2-zhang-wei-1\n", ""), encoding="utf-8")
    found = [f for f in _findings(work) if f["code"] == "E-REF-006"]
    assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/zhang-wei.yaml", 19)]
    hint = found[0]["hint"]
    assert "张伟以前各期的反映编号有：2025h2-zhang-wei-1）" in hint, hint
    assert "2026h1" not in hint, hint


def test_a_resolved_item_without_its_resolution_is_told_the_lines_to_type_under_its_status(tmp_path):
    """李娜 marks an item 已解决 and writes neither how nor when: `check` said only what its message says again
    (已解决的问题须写明解决情况和解决日期); it gives the lines to type and where, as E-SCHEMA-001 does for a field
    left out — and they read: typed in with real values, `check` says nothing more of the item."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    G.commit(repo, "2026-01-05 10:00", "记录")
    path = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="x").replace(
        "    status: 待处理\n    follows: x\n", "    status: 已解决\n"), encoding="utf-8")
    run = G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json")
    found = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "E-CHK-011"]
    assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/li-na.yaml", 17)], run.stdout
    hint = found[0]["hint"]
    assert "请在第 17 行“status: 已解决”下面加上两行，与 status 对齐（前面 4 个空格" in hint, hint
    assert "resolution: …" in hint and "resolved_on: …" in hint, hint
    en = json.loads(G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json", "--lang", "en")
                    .stdout)["findings"]
    assert "Under line 17 (status: 已解决) add two lines" in [f for f in en if f["code"] == "E-CHK-011"][0]["hint"]
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[16:17] = [lines[16], "    resolution: 学院延长了实验室开放时间。", "    resolved_on: 2026-05-06"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    again = json.loads(G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json").stdout)["findings"]
    assert [f for f in again if f["file"].endswith("li-na.yaml") and f["severity"] == "error"] == []


def test_a_contact_point_not_hers_is_told_the_line_with_the_one_she_held(tmp_path):
    """李娜 writes the class she will take up in the autumn in her spring ledger: `check` named the point she held
    by its id only and said to look in the assignment table; it gives the line to type, with the point's name."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    G.commit(repo, "2026-01-05 10:00", "记录")
    path = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("contact_points: [club-robotics]",
                                                             "contact_points: [cs-2026-01]"), encoding="utf-8")
    for lang, said in (("zh", "这一期分给您的联系点是机器人协会（records/assignments/），这一行写成：contact_points: [club-robotics]；"),
                       ("en", "is 机器人协会 (records/assignments/); the line: contact_points: [club-robotics];")):
        run = G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json", "--lang", lang)
        found = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "E-CHK-005"]
        assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/li-na.yaml", 3)], run.stdout
        assert said in found[0]["hint"], found[0]["hint"]
    path.write_text(path.read_text(encoding="utf-8").replace("contact_points: [cs-2026-01]",
                                                             "contact_points: [club-robotics]"), encoding="utf-8")
    again = json.loads(G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json").stdout)["findings"]
    assert [f for f in again if f["file"].endswith("li-na.yaml") and f["severity"] == "error"] == []


def test_a_field_left_out_is_described_in_english_as_in_chinese(tmp_path):
    """李娜 leaves out an activity's channel, then her ledger's period: the Chinese hint says what the field is (the
    schema's description: 面对面 或 键对键（线上）…), the English one left it out. The schemas describe fields in
    Chinese only: the English hint now carries that description too, rather than dropping it."""
    schema = json.loads((B.REPO / "schemas" / "ledger.schema.json").read_text(encoding="utf-8"))
    described = {"channel": schema["properties"]["activities"]["items"]["properties"]["channel"]["description"],
                 "period": schema["properties"]["period"]["description"]}
    work = _records(tmp_path)
    path = work / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    text = path.read_text(encoding="utf-8")
    for field, line in (("channel", "    channel: 面对面\n"), ("period", "period: 2026-H1\n")):
        path.write_text(text.replace(line, ""), encoding="utf-8")
        for lang in ("zh", "en"):
            [f] = [f for f in _findings(work, "--lang", lang) if f["code"] == "E-SCHEMA-001"]
            assert described[field] in f["hint"], (field, lang, f)
            if lang == "en":
                assert f"{field} (" in f["hint"] and ("Under line" in f["hint"] or "Add" in f["hint"]), f


@pytest.mark.parametrize("status, code, meaning", [("已解决", "E-CHK-011", "已解决"), ("已办结", "E-CHK-011", "已解决"),
                                                   ("已上报", "E-CHK-010", "已上报"), ("已报告", "E-CHK-010", "已上报")])
def test_a_status_named_as_its_meaning_is_not_said_twice(tmp_path, status, code, meaning):
    """李娜 marks an item 已解决 and writes no resolution: `check` said 状态“已解决”表示已解决 — the demo's statuses are
    named as their meanings. Said once when the name is the meaning; what it means still said of a university's own
    name (已办结 表示已解决), and in English, where the status is a Chinese word, of both."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    policy = repo / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "    - {name: 已解决, meaning: resolved}\n",
        "    - {name: 已解决, meaning: resolved}\n    - {name: 已办结, meaning: resolved}\n"
        "    - {name: 已报告, meaning: escalated}\n"), encoding="utf-8")
    G.commit(repo, "2026-01-05 10:00", "记录")
    path = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="x").replace(
        "    status: 待处理\n    follows: x\n", f"    status: {status}\n"), encoding="utf-8")
    said = {}
    for lang in ("zh", "en"):
        run = G.check_cli(repo / "records", "--today", "2026-05-10", "--format", "json", "--lang", lang)
        [said[lang]] = [f["message"] for f in json.loads(run.stdout)["findings"] if f["code"] == code]
    assert said["zh"].startswith(f"状态“{status}”" + ("" if status == meaning else f"表示{meaning}") + "，但没有填写"), said
    assert said["zh"].count(meaning) == 1, said
    assert said["en"].startswith(f"status '{status}' means {'resolved' if code == 'E-CHK-011' else 'escalated'}, but"), said
    if code == "E-CHK-011":  # (both left out: not “resolution and resolved_on is missing”)
        assert said["en"].endswith("but it gives no resolution or resolved_on"), said


WANG_LI = """cadre: wang-li
period: 2026-H2
contact_points: [club-robotics]
activities:
  - date: "2026-09-01"
    form: 座谈交流
    place: 进班级
    channel: 面对面
    students: 8
    summary: 与机器人协会的学生座谈。
  - date: "2026-06-20"
    form: 座谈交流
    place: 进班级
    channel: 面对面
    students: 5
    summary: 与机器人协会的学生交流备赛情况。
"""


def _new_cadre(root):
    """王丽, appointed 2026-09-15, takes over 机器人协会 that day; her first ledger (2026-H2) holds an activity of
    2026-09-01 (before she took office, in the period) and one of 2026-06-20 (before, in the half-year before)."""
    (root / "cadres" / "wang-li.yaml").write_text(
        "name: 王丽\nposition: 计算机学院副院长\nunit: cs\ngit: wang-li\nactive_from: \"2026-09-15\"\n", encoding="utf-8")
    rows = root / "assignments" / "2025-2027.yaml"
    rows.write_text(rows.read_text(encoding="utf-8") + "  - cadre: wang-li\n    club: club-robotics\n"
                    "    start: \"2026-09-15\"\n    reason: 新任中层领导干部，确定联系点\n", encoding="utf-8")
    (root / "ledgers" / "2026-H2").mkdir()
    (root / "ledgers" / "2026-H2" / "wang-li.yaml").write_text(WANG_LI, encoding="utf-8")


def test_an_activity_before_she_took_office_is_told_it_does_not_count_for_her(tmp_path):
    """王丽's activity of 2026-06-20 in her 2026-H2 ledger: E-REF-004 told her to move it to her 2026-H1 ledger, a
    period she does not owe (she took office on 2026-09-15); that of 2026-09-01 was told W-CHK-012's generic words
    (到任前、离任后或联系点调整前后…). Both say the day she took office, that contacts before it do not count for her,
    and what to do: correct the date, or remove the activity — and name no ledger of hers before it. The line of
    2026-06-20 was told twice, the error and W-CHK-012 with the same hint: the error alone says it now."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    _new_cadre(repo / "records")
    G.commit(repo, "2026-12-10 10:00", "记录")
    for lang, took, count, fix in (("zh", "王丽 2026-09-15 到任", "此前的联系学生不计入王丽的工作", "改正日期"),
                                   ("en", "王丽 took office on 2026-09-15", "contacts before it do not count for 王丽",
                                    "correct the date")):
        run = B.run_cli(B.REPO, repo, "validate", "--format", "json", "--lang", lang)
        [ref] = [f for f in json.loads(run.stdout) if f["code"] == "E-REF-004"]
        run = G.check_cli(repo / "records", "--today", "2026-12-20", "--format", "json", "--lang", lang)
        chk = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-012"]
        assert (ref["line"], [f["line"] for f in chk]) == (11, [5]), (ref, chk)
        for f in (ref, *chk):
            assert took in f["hint"] and count in f["hint"] and fix in f["hint"], (lang, f)
            assert "2026-H1" not in f["hint"] and ("删去" in f["hint"] or "delete" in f["hint"]), (lang, f)


def test_a_wrong_period_line_does_not_send_an_activity_to_a_ledger_she_does_not_owe(tmp_path):
    """王丽 (in office from 2026-09-15) writes `period: 2026-H1` in her 2026-H2 ledger, which holds an activity of
    2026-06-20: E-REF-003 told her to put that activity in records/ledgers/2026-H1/wang-li.yaml, a ledger she does not
    owe. It says, as E-REF-004 does, that she took office that day and contacts before it do not count for her."""
    work = _records(tmp_path)
    _new_cadre(work / "records")
    path = work / "records" / "ledgers" / "2026-H2" / "wang-li.yaml"
    path.write_text(WANG_LI.replace("period: 2026-H2", "period: 2026-H1"), encoding="utf-8")
    for lang, took, count in (("zh", "2026-06-20 的活动：王丽 2026-09-15 到任", "此前的联系学生不计入王丽的工作"),
                              ("en", "the activity of 2026-06-20: 王丽 took office on 2026-09-15",
                               "contacts before it do not count for 王丽")):
        [ref] = [f for f in _findings(work, "--lang", lang) if f["code"] == "E-REF-003"]
        assert ref["line"] == 2 and took in ref["hint"] and count in ref["hint"], (lang, ref)
        assert "ledgers/2026-H1/" not in ref["hint"] and "period: 2026-H2" in ref["hint"], (lang, ref)


def test_an_activity_in_a_half_year_after_he_left_is_not_sent_to_that_half_year_s_ledger(tmp_path):
    """张伟 left his point (and office) on 2026-03-31: his 2026-H1 ledger written `period: 2026-H2`, with an activity of
    2026-08-20, was told to put it in records/ledgers/2026-H2/zhang-wei.yaml (E-REF-003 and E-REF-004), a ledger he does
    not owe. Both say he held no contact point in 2026-H2 and that contacts then do not count for him; a day of a
    period he owes (2025-H2) is still sent to its ledger."""
    work = _records(tmp_path)
    root = work / "records"
    rows = root / "assignments" / "2025-2027.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace('    start: "2025-09-01"\n  - cadre: li-na',
                                                             '    start: "2025-09-01"\n    end: "2026-03-31"\n'
                                                             '  - cadre: li-na', 1), encoding="utf-8")
    path = root / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    item = ('  - date: "{}"\n    form: 座谈交流\n    place: 进班级\n    channel: 面对面\n    students: 6\n'
            '    summary: 与班级学生座谈。\n')
    path.write_text(path.read_text(encoding="utf-8").replace("period: 2026-H1", "period: 2026-H2").replace(
        "activities:\n", "activities:\n" + item.format("2026-08-20") + item.format("2025-12-20"), 1), encoding="utf-8")
    for lang, said in (("zh", "张伟在 2026-H2（2026-07-01 至 2026-12-31）没有联系点（安排表），不需要那一期的台账"),
                       ("en", "张伟 held no contact point in 2026-H2 (2026-07-01 to 2026-12-31) by the assignment table "
                              "and owes no ledger of it")):
        found = _findings(work, "--lang", lang)
        [ref] = [f for f in found if f["code"] == "E-REF-003"]
        assert said in ref["hint"] and "ledgers/2026-H2/" not in ref["hint"], (lang, ref)
        assert "records/ledgers/2025-H2/zhang-wei.yaml" in ref["hint"], (lang, ref)
        late = [f for f in found if f["code"] == "E-REF-004" and "2026-08-20" in f["message"]]
        assert len(late) == 1 and said in late[0]["hint"] and "2026-H2/" not in late[0]["hint"], (lang, late)


def test_an_activity_after_a_cadre_left_keeps_the_general_hint(tmp_path):
    """李娜 held 机器人协会 until 2026-08-31 and then cs-2026-01: nothing is said of taking office in her ledgers."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    path = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"2026-04-20"', '"2025-12-20"'), encoding="utf-8")
    G.commit(repo, "2026-06-10 10:00", "记录")
    run = B.run_cli(B.REPO, repo, "validate", "--format", "json")
    [ref] = [f for f in json.loads(run.stdout) if f["code"] == "E-REF-004"]
    assert "2025-H2 的台账" in ref["hint"] and "到任" not in ref["hint"], ref


def test_an_activity_before_a_cadres_first_point_is_not_said_to_be_before_he_took_office(tmp_path):
    """张伟 has been in office since 2020; the assignment table (one cycle) gives him a point from 2025-09-01. His
    activities of 2025-08-20 (in 2025-H2) and 2025-06-20 (2025-H1's) were said, like 王丽's, to be before he took
    office (张伟 2025-09-01 到任): untrue. They say his point starts that day, that contacts before it do not count,
    and that an administrator adds an earlier point the table misses. That of 2025-06-20, outside the period, is told
    by the error alone (E-REF-004, the same hint), not W-CHK-012 too."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    path = repo / "records" / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    earlier = WANG_LI.split("activities:\n", 1)[1].split('  - date: "2026-06-20"')[0].replace("2026-09-01", "2025-06-20")
    path.write_text(path.read_text(encoding="utf-8").replace('date: "2025-10-15"', 'date: "2025-08-20"')
                    .replace("activities:\n", "activities:\n" + earlier), encoding="utf-8")
    G.commit(repo, "2025-12-10 10:00", "记录")
    for lang, said in (("zh", "安排表中张伟的联系点从 2025-09-01 开始，此前的联系学生不计入张伟的工作"),
                       ("en", "张伟's contact point in the assignment table starts on 2025-09-01; contacts before it do not "
                              "count for 张伟")):
        run = B.run_cli(B.REPO, repo, "validate", "--format", "json", "--lang", lang)
        refs = [f for f in json.loads(run.stdout) if f["code"] == "E-REF-004"]
        run = G.check_cli(repo / "records", "--today", "2026-01-05", "--format", "json", "--lang", lang)
        chks = [f for f in json.loads(run.stdout)["findings"] if f["code"] == "W-CHK-012"]
        assert len(refs) == 1 and len(chks) == 1 and refs[0]["line"] != chks[0]["line"], (refs, chks)
        for f in refs + chks:
            assert said in f["hint"] and "records/assignments/" in f["hint"], f
            assert "到任" not in f["hint"] and "took office" not in f["hint"] and "2025-H1" not in f["hint"], f

def test_the_day_she_took_office_changed_is_told_anew(tmp_path):
    """The hint kept between runs (cache.FileMemo) depends on the day she took office: the administrator corrects it
    to 2026-06-01 (her row and her active_from), and E-REF-004 names her 2026-H1 ledger again, a period she owes."""
    work = _records(tmp_path)
    _new_cadre(work / "records")
    [ref] = [f for f in _findings(work) if f["code"] == "E-REF-004"]
    assert "王丽 2026-09-15 到任" in ref["hint"], ref
    for path in (work / "records" / "cadres" / "wang-li.yaml", work / "records" / "assignments" / "2025-2027.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("2026-09-15", "2026-06-01"), encoding="utf-8")
    [ref] = [f for f in _findings(work) if f["code"] == "E-REF-004"]
    assert "2026-H1 的台账 records/ledgers/2026-H1/wang-li.yaml" in ref["hint"] and "到任" not in ref["hint"], ref


NOT_CHECKED = {"zh": "这份台账有格式错误，改正后才会按政策检查其内容", "en": "this ledger has errors: its content is checked against the policy"}


def test_a_ledger_skipped_for_its_errors_is_said_to_be_checked_once_they_are_fixed(tmp_path):
    """王丽 leaves out an activity's channel: `check` told that error only — the policy checks skip a ledger with
    validate's errors — and once she fixed it, a new finding came (W-CHK-012, the activity before she took office),
    with nothing having told her more could come. Each format says so once of the file: text and markdown in words
    (zh and en), json in a field; a ledger without errors is not named."""
    import gitrepo as G

    repo = G.init_repo(tmp_path / "repo")
    B.shutil.copytree(B.MINIMAL, repo / "records")
    _new_cadre(repo / "records")
    path = repo / "records" / "ledgers" / "2026-H2" / "wang-li.yaml"
    path.write_text(WANG_LI.replace("    channel: 面对面\n", "", 1), encoding="utf-8")
    G.commit(repo, "2026-12-10 10:00", "记录")
    mine = "records/ledgers/2026-H2/wang-li.yaml"

    def check(*args):
        return G.check_cli(repo / "records", "--today", "2026-12-20", *args, cwd=repo).stdout

    report = json.loads(check("--format", "json"))
    assert report["not_checked"] == [mine], report.get("not_checked")
    assert "W-CHK-012" not in {f["code"] for f in report["findings"]}
    for lang in ("zh", "en"):
        for fmt in ("text", "markdown"):
            out = check("--format", fmt, "--lang", lang)
            assert out.count(NOT_CHECKED[lang]) == 1, (lang, fmt, out)
            [line] = [line for line in out.splitlines() if NOT_CHECKED[lang] in line]
            assert mine in line and "zhang-wei" not in line, line
    path.write_text(WANG_LI.replace('  - date: "2026-06-20"', '  - date: "2026-10-20"'), encoding="utf-8")
    report = json.loads(check("--format", "json"))
    assert report["not_checked"] == [] and "W-CHK-012" in {f["code"] for f in report["findings"]}, report["findings"]
    assert NOT_CHECKED["zh"] not in check()
