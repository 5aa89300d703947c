"""The coming assignment cycle before its first day: in August the 学工部 writes the next two-year cycle
(`draft-cycle`), the reviewers merge it before 09-01, and a cadre wants to know their new contact point before term
starts.  The site built for a day before the cycle's first shows it on 附件1 as 下一周期 (the same table, marked not
yet in force, with its Excel download), and on each cadre's and unit's page; counted in nothing before its first day.
From its first day on it is 附件1's current cycle, and no 下一周期 is shown."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from site_build import ROOT, demo_repo, git, ledger_section, mkdocs_build

NEXT_CLASS = """cohort: 2027
classes:
  - {id: mkt-2027-01, name: 营销2701班, unit: sba, major: 市场营销, headcount: 30, counsellor: 杨永, adviser: 戴维婷,
     dormitories: [浑南1号楼]}
"""


def _drafted(base, point: str):
    """The demo's records in a Git repository with its 2027-2029 cycle drafted by draft-cycle, 白涛玉 (sba) moved to
    `point` in it, merged on 2027-08-20, the day after the 2027 cohort's class 营销2701班."""
    records = demo_repo(base)
    (records / "classes" / "2027.yaml").write_text(NEXT_CLASS, encoding="utf-8")
    git(records.parent, "add", "records")
    git(records.parent, "commit", "-q", "-m", "2027 级新生班级", date="2027-08-19T10:00:00+08:00")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "generator", "draft-cycle", "--from", "2025-2027", "--records",
                          str(records)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    drafted = records / "assignments" / "2027-2029.yaml"
    text = drafted.read_text(encoding="utf-8")
    assert "  - cadre: bai-taoyu\n    class: mkt-2026-01\n" in text
    drafted.write_text(text.replace("  - cadre: bai-taoyu\n    class: mkt-2026-01\n",
                                    f"  - cadre: bai-taoyu\n    class: {point}\n"), encoding="utf-8")
    git(records.parent, "add", "records")
    git(records.parent, "commit", "-q", "-m", "2027-2029 周期工作安排", date="2027-08-20T10:00:00+08:00")
    return records


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The demo with its 2027-2029 cycle, 白涛玉 moved to the 2027 freshman class 营销2701班, built as of 2027-08-25
    (before the cycle) and 2027-09-05 (inside it)."""
    base = tmp_path_factory.mktemp("coming")
    records = _drafted(base, "mkt-2027-01")
    built = {day: mkdocs_build(records, base / day, day) for day in ("2027-08-25", "2027-09-05")}
    before = base / "before" / "repo"  # (the same records the day before the cycle was merged)
    subprocess.run(["git", "clone", "-q", str(records.parent), str(before)], check=True, capture_output=True)
    git(before, "reset", "-q", "--hard", "HEAD~1")
    built["without"] = mkdocs_build(before / "records", base / "without", "2027-08-25")
    return built


def _read(site, rel: str) -> str:
    return (site.public / rel).read_text(encoding="utf-8")


def _text(html: str) -> str:
    """The words of built HTML (a date is wrapped whole, <span class="whole">)."""
    return re.sub(r"<[^>]+>", "", html)


def test_before_its_first_day_attachment1_shows_the_coming_cycle_not_yet_in_force(sites):
    site = sites["2027-08-25"]
    page = _read(site, "attachment1.html")
    assert "2025-2027 周期</strong>（2025-09-01 至 2027-08-31）" in page  # (still the cycle in force)
    coming = ledger_section(page, "next")  # (附件1's 下一周期: any section by its anchor)
    assert "下一周期 2027—2029（2027-09-01 起）" in _text(coming)
    assert "尚未生效" in coming
    # the same table as 附件1's, as the cycle will stand on its first day: 白涛玉's new freshman class
    row = re.search(r"<tr>(?:(?!</tr>).)*白涛玉(?:(?!</tr>).)*</tr>", coming, re.S).group(0)
    assert "营销2701班" in row and "2027级（新生）" in row and "2027-09-01 至 2029-08-31" in _text(row), row
    assert coming.count("<tr>") == 1 + 76  # (the head, and each of the drafted cycle's rows)
    # its Excel download, named for the cycle
    assert 'href="downloads/attachment1-next.xlsx"' in coming
    from openpyxl import load_workbook
    book = load_workbook(site.public / "downloads" / "attachment1-next.xlsx")
    sheet = book.worksheets[0]
    heads = [c.value for c in sheet[1]]
    rows = [dict(zip(heads, (c.value for c in r))) for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == 76 and {"姓名": "白涛玉", "联系点": "营销2701班"}.items() <= next(
        r for r in rows if r["姓名"] == "白涛玉").items()
    said = " ".join(str(c.value) for r in book["说明"].iter_rows() for c in r if c.value)
    assert "2027-2029" in said and "2027-09-01" in said, said
    # counted in nothing before its first day: the current 附件1 still lists 白涛玉's class of now
    current = page[: page.index('<h2 id="next"')]
    assert "营销2601班" in current and "营销2701班" not in current


def test_before_its_first_day_a_cadre_and_a_unit_page_name_the_next_contact_point(sites):
    site = sites["2027-08-25"]
    cadre = _read(site, "cadres/bai-taoyu.html")
    assert "下一周期的联系点：营销2701班（班级）（2027-09-01 起）" in _text(cadre)
    assert re.search(r"当前联系点</td>\s*<td>营销2601班", cadre)
    unit = _read(site, "units/sba.html")
    assert "下一周期联系点（2027-09-01 起）" in _text(unit)
    row = re.search(r"<tr>(?:(?!</tr>).)*白涛玉(?:(?!</tr>).)*</tr>", unit, re.S).group(0)
    assert "营销2601班" in row and "营销2701班" in row, row


def test_before_its_first_day_the_coming_cycle_counts_in_nothing(sites):
    """The site of 2027-08-25 with the cycle merged and without it differ only where the coming cycle is shown (and in
    the check's own findings: W-CHK-024, no cycle after 2027-08-31, is no more): no coverage, home page figure,
    summary, 附件2 or evaluation counts it."""
    with_it, without = sites["2027-08-25"].generated, sites["without"].generated
    pages = {p.relative_to(with_it).as_posix() for p in with_it.rglob("*") if p.is_file()}
    before = {p.relative_to(without).as_posix() for p in without.rglob("*") if p.is_file()}
    assert pages - before == {"attachment1/2027-2029.md", "downloads/attachment1-next.csv",
                              "downloads/attachment1-next.json", "downloads/attachment1-next.xlsx"}
    changed = {rel for rel in pages & before if (with_it / rel).read_bytes() != (without / rel).read_bytes()}
    shown = {rel for rel in changed if rel.startswith(("cadres/", "units/"))}
    assert changed - shown == {"attachment1.md", "downloads.md", "findings.md"}, changed - shown
    assert "W-CHK-024" not in (with_it / "findings.md").read_text(encoding="utf-8")
    for rel in shown:  # (a cadre's page: the one line; a unit's: the column)
        lines = set((with_it / rel).read_text(encoding="utf-8").splitlines()) ^ \
            set((without / rel).read_text(encoding="utf-8").splitlines())
        assert all("下一周期" in line or line.startswith("|") or not line for line in lines), (rel, lines)


def test_inside_the_cycle_it_is_the_current_one_and_no_next_is_shown(sites):
    site = sites["2027-09-05"]
    page = _read(site, "attachment1.html")
    assert "2027-2029 周期</strong>（2027-09-01 至 2029-08-31）" in page
    assert "下一周期" not in page and not (site.public / "downloads" / "attachment1-next.xlsx").exists()
    cadre = _read(site, "cadres/bai-taoyu.html")
    assert "下一周期" not in cadre and re.search(r"当前联系点</td>\s*<td>营销2701班", cadre)
    assert "下一周期" not in _read(site, "units/sba.html")


def test_a_coming_cycle_with_an_error_is_not_shown(tmp_path):
    """A draft merged with its 待填写 left (E-SCHEMA-011) is no arrangement anyone can read: not shown."""
    site = mkdocs_build(_drafted(tmp_path, "待填写"), tmp_path, "2027-08-25")
    assert "下一周期" not in _read(site, "attachment1.html")
    assert "下一周期" not in _read(site, "cadres/bai-taoyu.html")
    assert not (site.public / "downloads" / "attachment1-next.xlsx").exists()


def test_the_coming_cycle_s_section_is_seen_and_prints_on_a4(sites, tmp_path):
    from playwright.sync_api import sync_playwright

    site = sites["2027-08-25"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox"])
        page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
        page.goto((site.public / "attachment1.html").as_uri())
        heading = page.locator("h2#next")
        assert heading.is_visible() and "下一周期 2027—2029（2027-09-01 起）" in heading.inner_text()
        page.emulate_media(media="print")
        assert heading.is_visible()
        printed = page.locator("article").inner_text()
        assert "尚未生效" in printed and "营销2701班" in printed
        pdf = tmp_path / "attachment1.pdf"
        page.pdf(path=str(pdf), format="A4", landscape=True, print_background=True)
        browser.close()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "下一周期 2027—2029（2027-09-01 起）" in text and "营销2701班" in text


def test_the_coming_cycle_s_own_page_points_to_its_table_on_attachment1(sites):
    """The cycle's page of every record lists the rows begun by the site's day: none yet, so no empty table (Python-
    Markdown and fastmd rendered it differently), and the way to the table of its first day."""
    page = _read(sites["2027-08-25"], "attachment1/2027-2029.html")
    assert "另有 76 条安排在 2027-08-25 以后才开始" in _text(page)
    assert 'href="../attachment1.html#next"' in page
    assert "<table" not in page[page.find("<article"):page.find("</article>")]
