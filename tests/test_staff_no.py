"""A cadre's 工号 (staff_no): the key the 组织部's annual assessment spreadsheet is merged by.

Real YAML in a copy of tests/fixtures/minimal/, `python -m generator` as a user runs it: a good 工号 validates,
two cadres with one is E-REF-024 at the second naming the first (zh and en, exit 1); a 工号 that looks like a student
number is no privacy finding in its own field of a cadre file, while the same digits anywhere else still are —
on the quick load path and the reference path (no cache, no quick loader) alike."""
from __future__ import annotations

import json
import shutil

import pytest

import bad_records as B

REFERENCE = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_WORKERS": "1"}


def _records(tmp_path, **staff_no) -> tuple:
    """The minimal record set in tmp_path/work/records, each cadre of `staff_no` (id with _ for -) given that 工号."""
    work = tmp_path / "work"
    records = work / "records"
    shutil.copytree(B.MINIMAL, records)
    for cadre, number in staff_no.items():
        path = records / "cadres" / f"{cadre.replace('_', '-')}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f'staff_no: "{number}"\n', encoding="utf-8")
    return work, records


def _validate(work, *args, env=None):
    return B.run_cli(B.REPO, work, "validate", *args, env=env)


def test_a_cadre_with_a_good_staff_number_validates(tmp_path):
    work, _ = _records(tmp_path, zhang_wei="20051234", li_na="T0012")
    run = _validate(work, "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout) == [], run.stdout


def test_a_staff_number_not_a_university_s_is_refused_at_its_line(tmp_path):
    work, _ = _records(tmp_path, zhang_wei="2005-1234")
    run = _validate(work, "--format", "json")
    assert run.returncode == 1
    assert [(f["code"], f["file"], f["line"]) for f in json.loads(run.stdout)] == [
        ("E-SCHEMA-005", "records/cadres/zhang-wei.yaml", 6)], run.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_cadres_with_one_staff_number_is_an_error_at_the_second_naming_the_first(tmp_path, lang):
    work, _ = _records(tmp_path, li_na="T2005123", zhang_wei="t2005123")
    run = _validate(work, "--lang", lang)
    assert run.returncode == 1, run.stdout + run.stderr
    first = "records/cadres/li-na.yaml:6:11"
    said = {"zh": f"records/cadres/zhang-wei.yaml:6:11: 错误 E-REF-024: 工号“t2005123”已是干部“李娜”的工号（{first}，编号 li-na）",
            "en": f"records/cadres/zhang-wei.yaml:6:11: error E-REF-024: staff number 't2005123' is already that of cadre "
                  f"'李娜' (at {first}, id li-na)"}[lang]
    assert said in run.stdout, run.stdout
    assert run.stdout.count("E-REF-024") == 1, run.stdout
    assert ("人事系统" if lang == "zh" else "HR system") in run.stdout


def _privacy(run) -> list:
    return [(f["code"], f["file"], f["line"], f["column"]) for f in json.loads(run.stdout) if "PRIV" in f["code"]]


def _student_number_policy(records):
    """The policy's student numbers: 8 digits beginning 200, as a staff number of the same HR system may be."""
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert '"20[0-9]{8}"' in text
    policy.write_text(text.replace('"20[0-9]{8}"', '"200[0-9]{5}"'), encoding="utf-8")


@pytest.mark.parametrize("env", [{}, REFERENCE], ids=["quick", "reference"])
def test_a_staff_number_like_a_student_number_is_no_finding_in_its_own_field_only(tmp_path, env):
    work, records = _records(tmp_path, zhang_wei="20051234")
    _student_number_policy(records)
    cadre = records / "cadres" / "zhang-wei.yaml"
    assert _privacy(_validate(work, "--format", "json", env=env)) == []
    # with a comment after it on its line, too (the comment's line is scanned, not the 工号 in it)
    cadre.write_text(cadre.read_text(encoding="utf-8").replace('"20051234"', '"20051234"  # 人事处 2024 年名单'),
                     encoding="utf-8")
    assert _privacy(_validate(work, "--format", "json", env=env)) == []
    # the same digits in a ledger's text, in the cadre file's other fields, or in a comment: a student's number still
    ledger = records / "ledgers" / "2026-H1" / "li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("比赛备赛活动。", "比赛备赛活动，20051234反映经费不足。"),
                      encoding="utf-8")
    text = cadre.read_text(encoding="utf-8").replace("计算机学院院长", "计算机学院院长20051234") + "# 联系学生 20051234\n"
    cadre.write_text(text, encoding="utf-8")
    run = _validate(work, "--format", "json", env=env)
    assert run.returncode == 1
    assert _privacy(run) == [("E-PRIV-001", "records/cadres/zhang-wei.yaml", 2, 18),
                             ("E-PRIV-001", "records/cadres/zhang-wei.yaml", 7, 8),
                             ("E-PRIV-001", "records/ledgers/2026-H1/li-na.yaml", 10, 29)], run.stdout
    # a student's number typed as a ledger's field of that name is no staff number: E-SCHEMA-002 and found
    ledger.write_text(ledger.read_text(encoding="utf-8") + 'staff_no: "20051234"\n', encoding="utf-8")
    found = _privacy(_validate(work, "--format", "json", env=env))
    assert ("E-PRIV-001", "records/ledgers/2026-H1/li-na.yaml", 11, 12) in found, found


@pytest.mark.parametrize("env", [{}, REFERENCE], ids=["quick", "reference"])
def test_a_mobile_number_typed_as_a_staff_number_is_still_found(tmp_path, env):
    work, _ = _records(tmp_path, zhang_wei="13812345678")
    run = _validate(work, "--format", "json", env=env)
    assert _privacy(run) == [("E-PRIV-001", "records/cadres/zhang-wei.yaml", 6, 12)], run.stdout


def test_both_load_paths_give_the_same_findings_of_staff_numbers(tmp_path):
    work, records = _records(tmp_path, li_na="20051234", zhang_wei="20051234")
    _student_number_policy(records)
    (records / "cadres" / "wang-fang.yaml").write_text(
        'name: 王芳\nposition: 计算机学院副院长\nunit: cs\nstaff_no: 2005123\nactive_from: "2022-09-01"\n', encoding="utf-8")
    runs = [_validate(work, "--format", "json", env=env) for env in ({}, {}, REFERENCE)]  # (cold, warm, reference)
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert sorted((f["code"], f["file"], f["line"]) for f in json.loads(runs[0].stdout)) == [
        ("E-REF-024", "records/cadres/zhang-wei.yaml", 6), ("E-SCHEMA-003", "records/cadres/wang-fang.yaml", 4)]


def test_a_cadre_file_whose_staff_number_looks_like_a_student_s_stays_on_the_quick_path(tmp_path, monkeypatch):
    """Every cadre of a real university has a 工号, of the HR system its students' numbers may look like: the privacy
    scan done as a cadre file is loaded passes it over in its own field (privacy.NOT_FOUND_IN) as the scan that works out
    line and column does, so the file's positions are never worked out (it once was so, ≈0.6 ms a cadre: with the demo's
    80 cadres given one, a cold validate 0.37 s against 0.31 s). The same digits as another field's value are still
    found, at that field's line, on both paths."""
    from pathlib import Path

    from generator import cache, load

    work, records = _records(tmp_path, li_na="20051234", zhang_wei="20051235")
    _student_number_policy(records)
    monkeypatch.chdir(work)
    for key in ("CONTACT_LEDGER_FAST", "CONTACT_LEDGER_PARALLEL_MIN"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    monkeypatch.setenv("CONTACT_LEDGER_WORKERS", "1")
    parsed, parse = [], load._parse

    def counted(raw, file, *args, **kwargs):  # (the parse that works out each value's line and column, run as it is)
        parsed.append(Path(file).name)
        return parse(raw, file, *args, **kwargs)

    monkeypatch.setattr(load, "_parse", counted)
    docs, found, _invalid = cache.load_and_validate(Path("records"))
    cadres = [d for d in docs if d.kind == "cadre"]
    assert found == [] and len(cadres) == 2 and all(d.quick for d in cadres)
    assert [(d.rel, d.privacy[1]) for d in cadres] == [(d.rel, []) for d in cadres]
    assert [name for name in parsed if name in ("li-na.yaml", "zhang-wei.yaml")] == [], "positions worked out for a 工号"
    # the 工号's digits as its git account too: found there (line 4), on the quick path and the reference path alike
    cadre = records / "cadres" / "zhang-wei.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8").replace("git: zhang-wei", 'git: "20051235"'), encoding="utf-8")
    runs = [_validate(work, "--format", "json", env=env) for env in ({"CONTACT_LEDGER_CACHE": "0"}, REFERENCE)]
    assert _privacy(runs[0]) == _privacy(runs[1]) == [("E-PRIV-001", "records/cadres/zhang-wei.yaml", 4, 7)], runs[0].stdout


def test_the_staff_number_is_on_the_cadre_s_page_and_beside_the_cadre_s_id_in_the_evaluation_download(tmp_path):
    """The 组织部 keys her annual assessment by 工号: a real `mkdocs build` of records where 张伟 has one shows it on his
    page (under 职务) and in 年度考核参考's XLSX and CSV, the column right after 干部编号; blank for a cadre without."""
    import csv
    import io

    import openpyxl

    from site_build import FIXTURE_TODAY, fixture_repo, mkdocs_build

    def staff_no(records):
        cadre = records / "cadres" / "zhang-wei.yaml"
        cadre.write_text(cadre.read_text(encoding="utf-8") + 'staff_no: "20051234"\n', encoding="utf-8")

    built = mkdocs_build(fixture_repo(tmp_path, staff_no), tmp_path, FIXTURE_TODAY)
    html = (built.public / "cadres" / "zhang-wei.html").read_text(encoding="utf-8")
    assert "<td>工号</td>\n<td>20051234</td>" in html
    assert html.index("<td>职务</td>") < html.index("<td>工号</td>") < html.index("<td>任职</td>")
    assert "<td>工号</td>" not in (built.public / "cadres" / "chen-gang.html").read_text(encoding="utf-8")
    # as a person sees it: the page's first table, in headless chromium, reads 职务, then 工号 with the number
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox"])
        try:
            page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
            page.goto((built.public / "cadres" / "zhang-wei.html").as_uri())
            rows = [r.split("\t") for r in page.locator("article table").first.inner_text().splitlines()]
            assert rows[2:4] == [["职务", "计算机学院院长"], ["工号", "20051234"]], rows
            assert page.get_by_text("20051234", exact=True).is_visible()
        finally:
            browser.close()

    sheet = openpyxl.load_workbook(built.public / "downloads" / "evaluation.xlsx")["年度考核参考"]
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    assert head[head.index("干部编号") + 1] == "工号", head
    by_id = {r[head.index("干部编号")]: r[head.index("工号")] for r in rows[1:]}
    assert by_id["zhang-wei"] == "20051234" and by_id["chen-gang"] in (None, ""), by_id
    table = list(csv.reader(io.StringIO((built.public / "downloads" / "evaluation.csv").read_text(encoding="utf-8-sig"))))
    assert table[0][table[0].index("干部编号") + 1] == "工号"
    assert {r[table[0].index("干部编号")]: r[table[0].index("工号")] for r in table[1:]}["zhang-wei"] == "20051234"


def test_the_organisation_department_s_list_of_cadres_brings_their_staff_numbers(tmp_path):
    """`import cadres` reads a column 工号 (职工号, 教职工号) as staff_no: a number cell as its digits (not 20051234.0),
    full-width digits half-width; one not a 工号's shape is E-IMP-004 at its cell, nothing written."""
    import yaml
    from openpyxl import Workbook

    work, records = _records(tmp_path)
    book = Workbook()
    for row in [["姓名", "职务", "单位", "任职日期", "工号"],
                ["吕婷娜", "计算机学院副院长", "计算机学院", "2016-09-01", 20051234],
                ["曾伟杰", "党委学生工作部副部长", "xgb", "2020-03-15", "Ｔ２００９"],
                ["王芳", "计算机学院副院长", "计算机学院", "2022-09-01", None]]:
        book.active.append(row)
    book.save(work / "干部.xlsx")
    run = B.run_cli(B.REPO, work, "import", "cadres", "干部.xlsx", "--write")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "W-IMP-001" not in run.stdout, run.stdout  # (工号 is no unknown column)
    read = {cid: yaml.safe_load((records / "cadres" / f"{cid}.yaml").read_text(encoding="utf-8"))
            for cid in ("lyu-tingna", "zeng-weijie", "wang-fang")}
    assert [read[c].get("staff_no") for c in read] == ["20051234", "T2009", None], read
    assert _validate(work).returncode == 0

    book = Workbook()
    for row in [["姓名", "职务", "单位", "任职日期", "职工号"], ["赵欣", "计算机学院院长", "cs", "2026-11-01", "2005-1234"]]:
        book.active.append(row)
    book.save(work / "新干部.xlsx")
    before = sorted(p.name for p in (records / "cadres").iterdir())
    run = B.run_cli(B.REPO, work, "import", "cadres", "新干部.xlsx", "--write")
    assert run.returncode == 1 and "E-IMP-004" in run.stdout and "“职工号”（E 列）“2005-1234”" in run.stdout, run.stdout
    assert sorted(p.name for p in (records / "cadres").iterdir()) == before


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_imported_staff_number_another_cadre_has_is_refused_and_nothing_is_written(tmp_path, lang):
    """Two rows of one 工号, or a row with an existing record's (of another cadre, letter case not compared): E-IMP-020
    at the row's 工号 cell naming the first row or the record, exit 1, no file written — not E-REF-024 after writing."""
    from openpyxl import Workbook

    work, records = _records(tmp_path, li_na="T777")
    book = Workbook()
    for row in [["姓名", "职务", "单位", "任职日期", "工号"],
                ["赵欣", "计算机学院院长", "cs", "2021-03-01", "t777"],
                ["钱多", "计算机学院副院长", "cs", "2021-03-01", "20099999"],
                ["孙丽", "计算机学院副院长", "cs", "2021-03-01", "20099999"],
                ["李娜", "党委学生工作部部长", "xgb", "2021-03-01", "T777"]]:  # (her own: the same record)
        book.active.append(row)
    book.save(work / "干部.xlsx")
    before = {p.name: p.read_bytes() for p in records.rglob("*.yaml")}
    run = B.run_cli(B.REPO, work, "import", "cadres", "干部.xlsx", "--write", "--lang", lang)
    assert run.returncode == 1, run.stdout + run.stderr
    said = {"zh": ["干部.xlsx:2:5: 错误 E-IMP-020: 第 2 行的工号“t777”已是 records/cadres/li-na.yaml 中的干部“李娜”的工号",
                   "干部.xlsx:4:5: 错误 E-IMP-020: 第 4 行的工号“20099999”已是第 3 行的干部“钱多”的工号"],
            "en": ["干部.xlsx:2:5: error E-IMP-020: row 2: staff number 't777' is already that of cadre '李娜' "
                   "(records/cadres/li-na.yaml)",
                   "干部.xlsx:4:5: error E-IMP-020: row 4: staff number '20099999' is already that of cadre '钱多' (row 3)"]}
    assert [line for line in run.stdout.splitlines() if "E-IMP-" in line] == said[lang], run.stdout
    assert {p.name: p.read_bytes() for p in records.rglob("*.yaml")} == before
