"""The published site, built for real with `mkdocs build --strict`: pages, exports, privacy,
determinism, offline.  Browser behaviour is in test_site_browser.py."""
from __future__ import annotations

import datetime as dt
import html
import io
import math
import os
import json
import re
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator.pipeline import validate_records
from generator.site import admin_form, build_site, exports, search_zh
from generator.site.textwidth import display_width
from generator.site.today import site_today
from site_build import FIXTURE_TODAY, ROOT, built_site, fixture_repo, git, ledger_section, mkdocs_build
from startup import counting_hook, started_with


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return built_site(tmp_path_factory)


@pytest.fixture(scope="session")
def rs(site):
    return validate_records(site.records)[0]


def page(site, rel: str) -> str:
    return (site.public / rel).read_text(encoding="utf-8")


def visible(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def test_every_record_appears_on_the_site(site, rs):
    # cadres, units: one page each; ledgers: a section of their cadre's page (#<period>), newest first
    for cid, cadre in rs.cadres.items():
        assert cadre.get("name") in visible(page(site, f"cadres/{cid}.html"))
    for uid, unit in rs.units.items():
        assert unit.get("name") in visible(page(site, f"units/{uid}.html"))
    assert not list((site.public / "ledgers").glob("*/*.html"))  # no page per ledger any more
    for cid in rs.cadres:
        source = page(site, f"cadres/{cid}.html")
        anchors = re.findall(r'<h2 class="ledger-head" data-search-exclude id="([^"]+)"', source)
        assert anchors == sorted((p for p, c in rs.ledgers if c == cid), reverse=True), cid
    # classes and clubs: on their unit's page
    for cid, item in list(rs.classes.items()) + list(rs.clubs.items()):
        assert item.get("name") in visible(page(site, f"units/{item.get('unit')}.html")), cid
    # every assignment row: a row of the full tables of Attachment 1 (count in = count out)
    a1 = json.loads(page(site, "downloads/assignments-all.json"))
    assert len(a1["rows"]) == len(rs.assignments)
    # every activity and feedback item: on its ledger's page; every feedback id on the board's page
    # for the half-year it was first raised in (follow-ups in their first item's row), each row on one page
    halves = {y.stem: visible(y.read_text(encoding="utf-8")) for y in (site.public / "feedback").glob("*-*.html")}
    board = "\n".join(halves.values())
    n_fb = 0
    for (p, c), led in rs.ledgers.items():
        text = visible(ledger_section(page(site, f"cadres/{c}.html"), p))
        for words in (p, rs.cadres[c].get("unit") and rs.units[rs.cadres[c].get("unit")].get("name"), "联系点", "填报状态",
                      f"ledgers/{p}/{c}.yaml"):
            assert words in text, (p, c, words)
        assert text.count("典型案例") >= sum(bool(a.get("typical")) for a in led.get("activities") or [])
        for a in led.get("activities") or []:
            assert a["date"] in text
        for fb in led.get("feedback") or []:
            assert fb["id"] in text and fb["id"] in board
            n_fb += 1
    fb_json = json.loads(page(site, "downloads/feedback.json"))
    chained = sum(r["followups"] for r in fb_json["rows"])
    assert len(fb_json["rows"]) + chained == n_fb
    half_of = lambda day: f"{day[:4]}-H{1 if day[5:7] <= '06' else 2}"  # (the demo's periods: H1, H2)
    assert len(halves) > 1 and sorted(halves) == sorted({half_of(r["raised_on"]) for r in fb_json["rows"]})
    for r in fb_json["rows"]:
        assert [h for h, text in halves.items() if re.search(rf"^{re.escape(r['id'])}$", text, re.M)] == \
            [half_of(r["raised_on"])], r["id"]
    overview = visible(page(site, "feedback.html"))
    for h in halves:
        assert f"{h[:4]}年{'上' if h.endswith('1') else '下'}半年" in overview and f"{h[:4]}年" in overview


def _body_rows(html_page: str) -> list[int]:
    """The number of rows of each table on a page, in order."""
    return [body.count("<tr>") for body in re.findall(r"<tbody>(.*?)</tbody>", html_page, re.S)]


def test_history_is_a_page_a_year_or_cycle_linked_from_the_current_one(site):
    # 年度考核参考: the newest year on its page, each earlier year on a page of its own, linked from it
    rows = json.loads(page(site, "downloads/evaluation.json"))["rows"]
    per_year = Counter(r["year"] for r in rows)
    newest, *earlier = sorted(per_year, reverse=True)
    assert earlier
    main = page(site, "evaluation.html")
    assert _body_rows(main) == [per_year[newest], len(earlier)]
    for y in earlier:
        assert f'href="evaluation/{y}.html"' in main
        assert _body_rows(page(site, f"evaluation/{y}.html")) == [per_year[y]]
    assert sorted(p.stem for p in (site.public / "evaluation").glob("*.html")) == sorted(map(str, earlier))
    # 附件1: the current cycle's arrangement on its page; every cycle's records (the current one's
    # too) on a page of its own, linked from it
    cycles = Counter(r["cycle"] for r in json.loads(page(site, "downloads/assignments-all.json"))["rows"])
    pages = {p.stem for p in (site.public / "attachment1").glob("*.html")}
    assert len(cycles) > 1 and pages == set(cycles)
    main = page(site, "attachment1.html")
    arrangement = len(json.loads(page(site, "downloads/attachment1.json"))["rows"])
    assert _body_rows(main)[0] == arrangement and _body_rows(main)[-1] == len(cycles) - 1
    assert max(_body_rows(main)) < max(cycles.values())  # (no table of every record)
    for c in pages:
        assert f'href="attachment1/{c}.html"' in main
        assert _body_rows(page(site, f"attachment1/{c}.html")) == [cycles[c]]
    # 新生班级覆盖: every year's uncovered classes and the newest year's classes on the page, each
    # earlier academic year's classes on a page of its own, linked from it
    rows = json.loads(page(site, "downloads/coverage.json"))["rows"]
    per_year = Counter(r["year"] for r in rows)
    newest, *earlier = sorted(per_year, reverse=True)
    assert earlier
    gaps = sum(not r["state"].startswith("已覆盖") for r in rows)
    main = page(site, "coverage.html")
    body = _body_rows(main)
    # (between them, the other classes and clubs with no cadre: two tables of their own)
    assert body[0] == gaps and body[-2] == per_year[newest] and body[-1] == len(earlier)
    for y in earlier:
        assert f'href="coverage/{y}.html"' in main
        assert _body_rows(page(site, f"coverage/{y}.html"))[-1] == per_year[y]
    assert sorted(p.stem for p in (site.public / "coverage").glob("*.html")) == sorted(earlier)


def test_typical_cases_are_on_the_page_of_their_year(site, rs):
    # 典型案例: the newest year's cases on the page, each earlier year's on a page of its own, linked
    per_year = Counter(str(rs.period(p).start.year) for (p, _), led in rs.ledgers.items()
                       for a in led.get("activities") or [] if a.get("typical"))
    newest, *earlier = sorted(per_year, reverse=True)
    assert earlier
    main = page(site, "cases.html")
    assert main.count('class="case-meta"') == per_year[newest]
    assert _body_rows(main) == [len(earlier)]
    for y in earlier:
        assert f'href="cases/{y}.html"' in main
        year_page = page(site, f"cases/{y}.html")
        assert year_page.count('class="case-meta"') == per_year[y]
        assert set(re.findall(r'<h2 id="(\d{4})-H\d"', year_page)) == {y}
    assert sorted(p.stem for p in (site.public / "cases").glob("*.html")) == sorted(earlier)


def test_a_thread_whose_date_cannot_be_read_keeps_a_page_of_its_own():
    # the board has a page a half-year (the policy's ledger periods), and a year's page lists its halves
    from types import SimpleNamespace

    from generator.site.aggregate import Aggregate
    from site_build import FIXTURE

    def thread(tid, raised_on, meaning="resolved"):
        return {"id": tid, "raised_on": raised_on, "chain": [tid], "meaning": meaning, "overdue": False}

    threads = [thread("a", "2024-03-01"), thread("b", "2026-01-02", "open"), thread("c", "3月1日"),
               thread("d", None), thread("e", "2024-12-31"), thread("f", "2024-07-01")]
    halves = Aggregate.feedback_halves(SimpleNamespace(rs=validate_records(FIXTURE)[0]), threads)
    assert [(h["id"], [t["id"] for t in h["threads"]]) for h in halves] == \
        [("2026-H1", ["b"]), ("2024-H2", ["e", "f"]), ("2024-H1", ["a"]), ("undated", ["c", "d"])]
    assert [h["name"] for h in halves] == ["2026年上半年", "2024年下半年", "2024年上半年", "日期不明"]
    assert [(h["resolved"], h["overdue"]) for h in halves] == [(0, 0), (2, 0), (1, 0), (2, 0)]
    years = Aggregate.feedback_years(halves)
    assert [(y["id"], y["name"], [h["id"] for h in y["halves"]], len(y["threads"]), y["resolved"]) for y in years] == \
        [("2026", "2026年", ["2026-H1"], 1, 0), ("2024", "2024年", ["2024-H2", "2024-H1"], 3, 3)]


def test_the_feedback_board_has_a_page_a_half_year_and_a_year_s_old_page_lists_its_halves(site):
    # The board was by year (feedback/2025) while every other page is by period (YYYY-H1/H2): a reviewer looking for
    # what was raised in 2025-H2 read the whole year's table. Each half-year has its page; the year's page, whose
    # address readers kept, stays and lists its halves
    read = lambda rel: (site.generated / rel).read_text(encoding="utf-8")
    rows = json.loads((site.public / "downloads/feedback.json").read_text(encoding="utf-8"))["rows"]
    rows = [{"编号": r["id"], "反映日期": r["raised_on"]} for r in rows]
    half_of = {r["编号"]: f"{r['反映日期'][:4]}-H{1 if r['反映日期'][5:7] <= '06' else 2}" for r in rows}
    halves = sorted(set(half_of.values()), reverse=True)
    assert len(halves) >= 2
    board = read("feedback.md")
    listed = {cells[0]: cells[1:] for cells in _md_table(board.split("{ #years }")[1], "期间")}
    assert list(listed) == [f"[{h[:4]}年{'上' if h.endswith('1') else '下'}半年](feedback/{h}.md)" for h in halves]
    for h in halves:
        page = read(f"feedback/{h}.md")
        shown = [cells[0] for cells in _md_table(page, "编号")]
        assert sorted(shown) == sorted(i for i, p in half_of.items() if p == h), h
        assert f"[{h[:4]}年各半年]({h[:4]}.md)" in page
    for year in sorted({h[:4] for h in halves}):
        page = read(f"feedback/{year}.md")
        assert "| 编号 |" not in page  # (an index of its halves, no table of threads)
        assert [cells[0].split("](")[1].rstrip(")") for cells in _md_table(page, "期间")] == \
            [f"{h}.md" for h in halves if h.startswith(year)]
        assert f"(feedback/{year}.md)" in board


def test_every_link_in_the_content_resolves(site, rs):
    """Every relative link in a page's content leads to a built file and, with #, to an element with
    that id: tables are rendered outside Python-Markdown (generator/site/fastmd.py), so this is the
    check that MkDocs' own link validation cannot make for them."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text(encoding="utf-8")))
        return ids[path]

    checked = 0
    for path in sorted(site.public.rglob("*.html")):
        if "admin" in path.relative_to(site.public).parts:
            continue
        source = path.read_text(encoding="utf-8")
        article = source[source.find("<article"):source.find("</article>")]
        for href in re.findall(r'\shref="([^"]+)"', article):
            href = html.unescape(href)
            if re.match(r"[a-z]+:", href) or href.startswith("//"):
                continue
            target, _, anchor = href.partition("#")
            file = (path.parent / target).resolve() if target else path
            assert file.is_file(), (path, href)
            if anchor:
                assert anchor in ids_of(file), (path, href)
            checked += 1
    assert checked > 100
    # the period tables link each ledger to its section of the cadre's page
    p, c = sorted(rs.ledgers)[-1]
    assert f'href="../cadres/{c}.html#{p}"' in page(site, f"ledgers/{p}.html")


def test_attachment1_xlsx_matches_the_records(site, rs):
    book = openpyxl.load_workbook(site.public / "downloads" / "attachment1.xlsx")
    sheet = book.active
    assert book.worksheets[1]["B1"].value.startswith("附件1 工作安排表") and sheet.title == "附件1 工作安排表"
    header = [c.value for c in sheet[1]]
    assert header == ["序号", "姓名", "单位", "职务", "联系点", "类型", "所属学院", "年级/新生", "开始日期", "结束日期", "结束原因"]
    assert sheet.freeze_panes == "A2"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.print_title_rows == "$1:$1"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DDEBF7")
    rows = [[c.value.date().isoformat() if isinstance(c.value, dt.datetime) else c.value for c in r]
            for r in sheet.iter_rows(min_row=2)]  # (its days are Excel dates)
    names = {c: it.get("name") for c, it in rs.cadres.items()}
    today = site_today(rs, dt.date.fromisoformat(site.today) if site.today else None)[0]
    # The cycle of the site's day (else the latest begun by then): its assignments on that day, or,
    # when none runs that day (the cycle has ended), those that ran to the cycle's end.
    cycles = sorted(rs.cycles.values(), key=lambda c: c.date("start"), reverse=True)
    current = next((c for c in cycles if c.date("start") <= today <= c.date("end")), None) \
        or next((c for c in cycles if c.date("start") <= today), cycles[-1])
    mine = [(row, *rs.assignment_span(row)) for row in rs.assignments if row.doc.stem == current.doc.stem]
    chosen = [m for m in mine if m[1] <= today and (m[2] is None or today <= m[2])] \
        or [m for m in mine if m[2] is None or m[2] >= current.date("end")]
    expected = []
    for row, start, end in chosen:
        point = rs.classes.get(row.get("class")) or rs.clubs.get(row.get("club"))
        left = rs.cadre_active_span(row.get("cadre"))[1]  # (a row ending on its cadre's last day: 离任, as the page says)
        expected.append((names[row.get("cadre")], point.get("name"), start.isoformat(),
                         "离任" if left and start <= left and (end is None or left <= end) else ""))
    assert expected
    assert sorted((r[1], r[4], r[8], r[10] or "") for r in rows) == sorted(expected)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    # widths fit Chinese text: a column is at least as wide as its longest text counted CJK = 2 (up to
    # 40, longer texts wrap), its heading on at most three lines
    for col, letter in enumerate("ABCDEFGHIJK"):
        longest = max([display_width(r[col]) for r in rows] + [math.ceil(display_width(header[col]) / 3)])
        assert sheet.column_dimensions[letter].width >= min(longest, 40), letter


def test_attachment2_xlsx_per_period_matches_the_ledgers(site, rs):
    periods = sorted({p for p, _ in rs.ledgers})
    for p in periods:
        sheet = openpyxl.load_workbook(site.public / "downloads" / f"attachment2-{p}.xlsx").active
        head = [c.value for c in sheet[1]]
        rows = {r[1].value: r for r in sheet.iter_rows(min_row=2)}
        for (pp, c), led in rs.ledgers.items():
            if pp != p:
                continue
            row = rows[rs.cadres[c].get("name")]
            assert row[head.index("活动次数")].value == len(led.get("activities") or [])
            assert row[head.index("问题和建议数")].value == len(led.get("feedback") or [])


class CellByCell(exports.BodyInBulk):
    """The body written as xlsxwriter does by itself, one call per cell: the reference."""

    def write_body(self, first, rows, cell_formats):
        for r, cells in enumerate(rows, first):
            for c, value in enumerate(cells):
                day = exports.as_date(value)
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    self.write_number(r, c, value, cell_formats[0])
                elif day is not None:
                    self.write_datetime(r, c, exports.stamp_of(day), cell_formats[exports.DATE_KINDS[len(value)]])
                else:
                    self.write_string(r, c, str(value), cell_formats[0])


@pytest.mark.parametrize("rows", [
    [],
    [{"a": "张伟", "b": 3, "c": ["工作", "学习"]}, {"a": "  两端有空格 ", "b": 2.5, "c": None},
     {"a": "控制\x01字符 & <标记> \"引号\"", "b": True, "c": "长" * 20000}, {"a": "张伟"},
     {"a": "😀" * 17000, "b": -1e20, "c": "x" * 40000}, {"b": 0}]
    + [{"a": f"第{i}行", "b": i, "c": "重复的文字"} for i in range(40)],
    [{"a": "2026-02-30", "b": "2025-12-28 16:00", "c": "2025-10-08"}, {"a": "2025-09-01", "b": 3, "c": "2025-10-08"},
     {"a": "2025-09-01 至 2026-02-28", "b": "2026-01-06 09:00", "c": ""}],
])
def test_xlsx_body_in_bulk_is_byte_for_byte_what_xlsxwriter_writes(rows, monkeypatch):
    table = exports.Table("t", "表/标题", [("a", "文字"), ("b", "数"), ("c", "列表")], rows, subtitle="副标题")
    bulk = exports.to_xlsx(table, dt.date(2026, 11, 28), "某大学")
    monkeypatch.setattr(exports, "BodyInBulk", CellByCell)
    cell_by_cell = exports.Table("t", "表/标题", table.columns, rows, subtitle="副标题")
    assert bulk == exports.to_xlsx(cell_by_cell, dt.date(2026, 11, 28), "某大学")
    sheet = openpyxl.load_workbook(io.BytesIO(bulk)).active
    read = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert len(read) == len(rows) and (not rows or read[0] in (["张伟", 3, "工作、学习"],
                                                               ["2026-02-30", dt.datetime(2025, 12, 28, 16), dt.datetime(2025, 10, 8)]))


def test_xlsx_keeps_a_number_xlsxwriter_refuses_as_text():
    table = exports.Table("t", "T", [("a", "A"), ("b", "B")], [{"a": float("nan"), "b": 10 ** 400}, {"a": 1.5, "b": 2}])
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(table, dt.date(2026, 11, 28)))).active
    assert [[c.value for c in r] for r in sheet.iter_rows(min_row=2)] == [["nan", str(10 ** 400)], [1.5, 2]]


def test_each_xlsx_column_is_as_wide_as_its_longest_line_and_at_most_40():
    rows = [{"a": "张伟", "b": "长" * 40, "c": "第一行\n较长的第二行文字", "d": 7, "e": 12},
            {"a": "欧阳娜娜", "b": "短", "c": "y", "d": 12345, "e": 3}]
    table = exports.Table("t", "T", [("a", "姓名"), ("b", "说明"), ("c", "备注"), ("d", "次数"),
                                     ("e", "天数（未解决：至今；已解决：用时）")], rows)
    sheet = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(table, dt.date(2026, 11, 28)))).active
    # CJK counts 2, plus 2; a text of several lines is as wide as its longest line; a long text stops
    # at 40 (it wraps); a long heading wraps onto three lines (34 / 3 → 12), and its row is that tall
    assert [int(sheet.column_dimensions[c].width) for c in "ABCDE"] == [8 + 2, 40, 16 + 2, 5 + 2, 12 + 2]
    assert sheet.row_dimensions[1].height >= 3 * 15


def test_csv_has_bom_and_json_every_table(site):
    downloads = site.public / "downloads"
    csvs = sorted(downloads.glob("*.csv"))
    assert csvs and all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in csvs)
    # (附件2's 人数 CSV beside a period's CSV excepted: its JSON is the period's, `counts`)
    assert {p.stem for p in csvs if not p.stem.endswith("-counts")} == {p.stem for p in downloads.glob("*.json")}
    listed = page(site, "downloads.html")
    for p in csvs:
        assert f"downloads/{p.name}" in listed


def test_every_xlsx_has_its_column_names_in_row_1_and_its_days_as_dates(site, rs):
    # Every XLSX had a merged title row (A1:K1) above its column names: Power Query, pandas' read_excel and a
    # VLOOKUP range took the title for the header, and the days (反映日期, 提交日期) were texts that neither sorted
    # by month nor subtracted.  Row 1 is the CSV's header, frozen and filtered over the table; a day is an Excel
    # date shown yyyy-mm-dd, a count a number; the title and the day of the data are on a second sheet 说明.
    import csv

    from openpyxl.utils import get_column_letter

    today = site_today(rs, dt.date.fromisoformat(site.today) if site.today else None)[0]
    books = sorted((site.public / "downloads").glob("*.xlsx"))
    assert len(books) >= 10
    kinds = Counter()
    for path in books:
        book = openpyxl.load_workbook(path)
        sheet, about = book.worksheets
        with open(path.with_suffix(".csv"), encoding="utf-8-sig", newline="") as f:
            lines = list(csv.reader(f))
        assert [c.value for c in sheet[1]] == lines[0] and not sheet.merged_cells.ranges, path.name
        assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1", path.name
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(lines[0]))}{len(lines)}", path.name
        for row, texts in zip(sheet.iter_rows(min_row=2), lines[1:], strict=True):
            for cell, text in zip(row, texts, strict=True):
                if re.fullmatch(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?", text):
                    kinds[len(text)] += 1
                    assert cell.value == dt.datetime.fromisoformat(text), (path.name, cell.coordinate)
                    assert cell.number_format == ("yyyy-mm-dd" if len(text) == 10 else "yyyy-mm-dd hh:mm")
                elif re.fullmatch(r"-?\d+", text):
                    kinds["number"] += 1
                    assert cell.value == int(text), (path.name, cell.coordinate)
        said = {r[0]: r[1] for r in about.iter_rows(values_only=True)}
        assert about.title == "说明" and said["标题"].startswith(book.properties.title), path.name
        assert said["数据截至"] == dt.datetime(today.year, today.month, today.day), path.name
        assert "第 1 行为列名" in said["表格"]
    assert kinds[10] and kinds["number"], kinds  # (反映日期, 开始日期 …; the counts)


def test_pages_are_offline_and_search_titles_clean(site):
    # nothing the browser loads by itself may come from elsewhere (plain <a> links may)
    outside = re.compile(r"""(?:\bsrc\s*=\s*["']|<link[^>]*\bhref\s*=\s*["']|url\()\s*(?:https?:)?//""", re.I)
    for path in site.public.rglob("*.html"):
        assert not outside.search(path.read_text(encoding="utf-8")), path
    index = json.loads((site.public / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and index["config"]["separator"].startswith("[\\s\\u200b")
    # Chinese words are index tokens: the jieba user dictionary keeps 键对键 whole (jieba: 键/对键)
    tokens = {t for d in index["docs"] for t in re.split(r"[\s\u200b]+", d["text"])}
    assert "键对键" in tokens
    assert (site.public / "search" / "search_index.js").is_file()  # search from file:// too
    # the worker's query cutting is corrected; the result list is cleaned of U+200B as shown
    workers = search_zh.worker_files(site.public)
    assert workers and all("segment() bounds fixed" in p.read_text(encoding="utf-8") for p in workers)
    assert "assets/search_results.js" in page(site, "index.html")


def test_a_search_worker_that_cannot_be_written_is_left_whole_and_said_in_one_line(tmp_path):
    """After the build the hook corrects Material's search worker in the site (search_zh); a write failing
    there (a full disk; here a file-size limit just above the worker's size) left the worker cut short —
    search broken on every page — and stopped mkdocs build with a Python traceback.  The worker is now
    written whole or left as it was (files.write_files), and the build's warning says which file and why."""
    import material

    from workflow_repo import small_files

    original = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    workers = tmp_path / "public/assets/javascripts/workers"
    workers.mkdir(parents=True)
    shutil.copyfile(original, workers / original.name)
    hook = ("import sys; from types import SimpleNamespace\n"
            "from generator.site import mkdocs_hook\n"
            "mkdocs_hook.on_post_build(SimpleNamespace(site_dir=sys.argv[1]))\n")
    proc = subprocess.run([sys.executable, "-c", hook, str(tmp_path / "public")], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, preexec_fn=small_files(original.stat().st_size + 10))
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert (workers / original.name).read_bytes() == original.read_bytes()
    assert [p.name for p in workers.iterdir()] == [original.name]  # (nothing left beside it)
    assert (f"中文搜索修正未生效 (Chinese search fix not applied): 写入 assets/javascripts/workers/{original.name} "
            "时出错（系统提示：File too large），搜索程序保持原样 (writing it failed: File too large; "
            "the search worker is as it was)") in proc.stderr, proc.stderr[-3000:]


def test_guide_and_field_reference(site):
    text = visible(page(site, "reference/fields.html"))
    assert "联系学生活动" in text and "activities[].summary" in text and "不写学生姓名" in text
    # (the university's teaching buildings, policy.yaml privacy.teaching_buildings: what they are and that the list replaces the default)
    assert "privacy.teaching_buildings" in text and "教学楼、办公楼的名称" in text and "写了这一项就只认这里列出的" in text
    nav = page(site, "index.html")
    for guide in sorted((ROOT / "site" / "guide").glob("*.md")):
        assert f"guide/{guide.stem}.html" in nav


def test_a_site_built_without_its_git_host_says_so_at_admin_in_chinese(site):
    # Decap stopped at once, in English ("The GitLab backend needs a repo"), on the home page's link
    home = page(site, "index.html")
    assert 'href="admin/index.html"' in home and "网页填报台账" in visible(home)
    if not admin_form.bundle_installed():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    placeholder = visible(page(site, "admin/index.html"))
    assert "还没有配置代码托管平台上的仓库" in placeholder and "CMS_ARGS" in placeholder
    # its tab names the school's ledgers, as the form's pages and the site's do (<page> - <site>)
    school = yaml.safe_load((site.records / "policy.yaml").read_text(encoding="utf-8"))["institution"]["name"]
    assert f"<title>网页填报台账 - {school}联系学生工作台账</title>" in page(site, "admin/index.html")
    assert not (site.public / "admin" / "config.yml").exists() and "还没有指定代码托管平台上的仓库" in site.log


def test_the_page_for_a_missing_address_speaks_chinese(site):
    text = visible(page(site, "404.html"))
    assert "404 - 找不到这个页面" in text and "Not found" not in text


def test_site_serves_the_web_form_at_admin(tmp_path, site, rs):
    if not admin_form.bundle_installed():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    today = site_today(rs, dt.date.fromisoformat(site.today) if site.today else None)[0]
    notes = admin_form.publish_admin(tmp_path, site.records, today, "--backend gitlab --repo xgb/ledger --app-id abc")
    assert notes == []
    admin = tmp_path / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["repo"] == "xgb/ledger" and config["backend"]["auth_type"] == "pkce"
    assert config["locale"] == "zh_Hans" and config["publish_mode"] == "editorial_workflow"
    assert all(c["folder"].startswith("records/ledgers/") for c in config["collections"])
    # the form covers the period the site is "as of" (the site's today, not the clock)
    expected = [f"records/ledgers/{p.id}" for p in admin_form.cms.default_periods(rs, today)]
    assert [c["folder"] for c in config["collections"]] == expected
    index = (admin / "index.html").read_text(encoding="utf-8")
    assert "decap-cms.js" in index and (admin / "decap-cms.js").is_file()
    assert sorted(admin.glob("*.decap-cms.js"))  # the lazily loaded chunks too


def test_python_only_build_skips_the_form_with_a_hint(tmp_path, monkeypatch):
    """Without node_modules the site is built all the same; /admin/ explains how to get the form: with its Git host
    given (CMS_ARGS), make node-deps; without, the Git host (the form could not log in, Node or not: `make site`
    installs Node's packages only when CMS_ARGS is given)."""
    monkeypatch.setattr(admin_form.cms, "BUNDLE", tmp_path / "no-node_modules")
    records = fixture_repo(tmp_path)
    lines = admin_form.publish_admin(tmp_path / "public", records, dt.date.fromisoformat(FIXTURE_TODAY),
                                     "--backend gitlab --repo xgb/ledger --app-id abc")
    assert len(lines) == 1 and "未生成网页填报表单" in lines[0] and "make node-deps" in lines[0]
    placeholder = (tmp_path / "public" / "admin" / "index.html").read_text(encoding="utf-8")
    assert "make node-deps" in placeholder and not (tmp_path / "public" / "admin" / "config.yml").exists()
    lines = admin_form.publish_admin(tmp_path / "public", records, dt.date.fromisoformat(FIXTURE_TODAY))
    assert len(lines) == 1 and "CMS_ARGS" in lines[0] and "make node-deps" not in lines[0]
    placeholder = (tmp_path / "public" / "admin" / "index.html").read_text(encoding="utf-8")
    assert "还没有配置代码托管平台上的仓库" in placeholder and "make node-deps" not in placeholder


def test_an_administrators_mistake_leaves_the_form_out_and_the_site_built(tmp_path, monkeypatch):
    """A cadre with no name (E-SCHEMA) once stopped `mkdocs build` with a traceback as the form was
    made from it; the site is built, /admin/ says why the form is not there, the error is listed."""
    if not (admin_form.cms.BUNDLE / "decap-cms.js").is_file():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")

    def nameless(records: Path):
        path = records / "cadres" / "li-na.yaml"
        path.write_text(re.sub(r"(?m)^name: .*\n", "", path.read_text(encoding="utf-8")), encoding="utf-8")

    records = fixture_repo(tmp_path, nameless)
    monkeypatch.setenv("LEDGER_CMS_ARGS", "--backend gitlab --repo xgb/ledger --app-id abc")  # (configured)
    site = mkdocs_build(records, tmp_path / "out", FIXTURE_TODAY)
    assert "未生成网页填报表单：管理员维护的记录有 1 个错误" in site.log
    assert not (site.public / "admin" / "config.yml").exists()
    assert "cadres/li-na.yaml" in visible((site.public / "findings.html").read_text(encoding="utf-8"))


def test_the_appraisal_counts_only_the_ledgers_that_are_due(tmp_path):
    # as of 2026-03-25 the 2026-H1 ledgers are not due: 张伟's, filed already, is on time; the others'
    # are not counted ("0/1" read as a missed ledger in an appraisal printout)
    records = fixture_repo(tmp_path)
    files = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files
    # (nothing of 2026 due yet, its spring semester running: 2025 leads, 2026 is a page of its own)
    assert re.findall(r"^## (\d{4}) 年度", files["evaluation.md"].decode(), re.M) == ["2025"]
    newest = files["evaluation/2026.md"].decode()
    rows = {cells[0].split("]")[0].lstrip("["): cells[4] for line in newest.splitlines() if line.startswith("| [")
            for cells in [[c.strip() for c in line.strip("|").split("|")]]}
    assert rows == {"陈刚": "0/0", "李娜": "0/0", "张伟": "1/1"}


def test_a_resolved_items_days_are_how_long_it_took(tmp_path):
    # a resolved item showed its age today (raised 2025-09-20, resolved 10-15: "187" on 2026-03-25)
    records = fixture_repo(tmp_path)
    files = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files
    [row] = [line for line in files["feedback/2025-H2.md"].decode().splitlines() if line.startswith("| 2025h2-zhang-wei-2 ")]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert (cells[8], cells[2]) == ("30天内", "25")  # (时长, 天数: the third column, as the board's 已过天数)
    assert "答疑，2025-10-15）" in row and "。，" not in row
    [line] = [x for x in files["downloads/feedback.csv"].decode("utf-8-sig").splitlines() if x.startswith("2025h2-zhang-wei-2,")]
    assert ",2025-10-15,学院安排研究生助教每周两次答疑。,25," in line


def test_a_cadre_who_left_is_marked_and_not_counted_in_their_unit(tmp_path):
    # the units' index counted cadres who had left (文法学院 9 against 附件1's 7), unmarked in the lists
    def leaves(records: Path):
        path = records / "cadres" / "li-na.yaml"
        path.write_text(path.read_text(encoding="utf-8") + 'active_to: "2026-01-31"\n', encoding="utf-8")

    records = fixture_repo(tmp_path, leaves)
    files = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files
    units = {cells[0].split("]")[0].lstrip("["): cells[2] for line in files["units/index.md"].decode().splitlines()
             if line.startswith("| [") for cells in [[c.strip() for c in line.strip("|").split("|")]]}
    assert units["机械学院"] == "0" and units["计算机学院"] == "1"
    [row] = [line for line in files["cadres/index.md"].decode().splitlines() if "李娜" in line]
    assert "（2026-01-31 离任）" in row
    assert "（2026-01-31 离任）" in files["units/me.md"].decode()
    assert "离任" not in "".join(line for line in files["cadres/index.md"].decode().splitlines() if "张伟" in line)


def test_the_cycles_changes_are_dated_when_they_happened(tmp_path):
    # an assignment ended early was dated by its start, the cycle's first day, as if nothing had changed since
    records = fixture_repo(tmp_path)
    page = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files["attachment1.md"].decode()
    changes = page.split("## 周期内的调整", 1)[1].split("## ", 1)[0]
    dated = [(cells[0], cells[3]) for line in changes.splitlines() if line.startswith("| 20")
             for cells in [[c.strip() for c in line.strip("|").split("|")]]]
    assert dated == [("2026-02-28", "2025-09-01 至 2026-02-28"), ("2026-03-01", "2026-03-01 至 2027-08-31")]


def test_the_appraisal_download_has_numbers_not_fractions(tmp_path):
    # "1/2" in the CSV opened in Excel as 1 January, and neither file could be summed
    records = fixture_repo(tmp_path)
    files = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files
    lines = files["downloads/evaluation.csv"].decode("utf-8-sig").splitlines()
    assert lines[0] == ("年度,干部编号,工号,姓名,单位,职务,任职变动,联系次数,达标学期,应达标学期,待定学期,豁免学期,无联系点天数,无联系点,"
                        "按时台账,应交台账,逾期台账,未提交台账,豁免台账,已更正台账,合并后修改台账,有错误台账（未通过）,反映问题,已解决")
    assert "2025,zhang-wei,,张伟,计算机学院,计算机学院院长,,2,1,1,0,0,0,,1,1,0,0,0,0,0,0,2,2" in lines, lines  # (no 工号)
    assert not any("/" in line for line in lines)
    sheet = openpyxl.load_workbook(io.BytesIO(files["downloads/evaluation.xlsx"])).active
    rows = list(sheet.iter_rows(values_only=True))  # (the header in row 1)
    header = list(rows[0])
    row = next(r for r in rows[1:] if r[header.index("姓名")] == "张伟" and r[0] == 2025)
    assert all(isinstance(row[header.index(h)], int) for h in ("达标学期", "应达标学期", "待定学期", "无联系点天数", "按时台账", "应交台账",
                                                                 "逾期台账", "未提交台账", "已更正台账", "合并后修改台账"))


def test_units_come_in_the_order_the_administrators_list_them(tmp_path):
    # sorted by the characters' codes, 党委学生工作部 and 机械学院 came before 计算机学院
    records = fixture_repo(tmp_path)
    files = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY)).files
    listed = [u["name"] for u in yaml.safe_load((records / "units.yaml").read_text(encoding="utf-8"))["units"]]
    index = [line.split("]")[0].lstrip("| [") for line in files["units/index.md"].decode().splitlines()
             if line.startswith("| [")]
    assert index == listed
    cadres = [line for line in files["cadres/index.md"].decode().splitlines() if line.startswith("| [")]
    units_in_order = [next(u for u in listed if f"[{u}]" in line) for line in cadres]
    assert units_in_order == sorted(units_in_order, key=listed.index)


def test_privacy_failing_text_is_not_rendered(tmp_path):
    def leak(records: Path):
        path = records / "ledgers" / "2025-H2" / "chen-gang.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "一名学生反映考试焦虑", "学生电话13812345678反映考试焦虑"), encoding="utf-8")

    records = fixture_repo(tmp_path, leak)
    result = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY))
    everything = b"".join(result.files.values())
    assert b"13812345678" not in everything
    ledger = ledger_section(result.files["cadres/chen-gang.md"].decode(), "2025-H2")
    assert "未通过隐私检查" in ledger
    found = [f for f in result.findings if f.code == "W-SITE-001"]
    assert found and found[0].file.endswith("chen-gang.yaml") and found[0].line == 16
    assert "13812345678" not in found[0].message_zh


def test_two_builds_are_byte_identical(tmp_path):
    records = fixture_repo(tmp_path)
    first = mkdocs_build(records, tmp_path / "a", None)
    second = mkdocs_build(records, tmp_path / "b", None)
    files_a = sorted(p.relative_to(first.public) for p in first.public.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second.public) for p in second.public.rglob("*") if p.is_file())
    assert files_a == files_b
    differ = [str(p) for p in files_a if (first.public / p).read_bytes() != (second.public / p).read_bytes()]
    assert differ == []
    # today = HEAD's commit date in the policy time zone (2026-03-20 09:00 +08:00), not the clock
    assert "数据截至 2026-03-20" in visible((first.public / "index.html").read_text(encoding="utf-8"))


def test_render_command(tmp_path):
    records = fixture_repo(tmp_path)
    out = tmp_path / "gen"
    proc = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--out", str(out),
                           "--today", FIXTURE_TODAY], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "已生成" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "index.md").is_file() and (out / "downloads" / "attachment1.xlsx").is_file()
    with zipfile.ZipFile(out / "downloads" / "attachment1.xlsx") as z:
        assert "xl/worksheets/sheet1.xml" in z.namelist()
    bad = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--out", str(out),
                          "--today", "2026-13-01", "--lang", "en"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "--today" in bad.stderr and "YYYY-MM-DD" in bad.stderr


def test_downloads_written_beside_mkdocs_equal_those_of_the_render_command(site, tmp_path):
    """`mkdocs build` leaves the downloads (XLSX, CSV, JSON) to a second process; `render`
    writes them itself: the same bytes either way, and none missing."""
    out = tmp_path / "gen"
    today = ["--today", site.today] if site.today else []  # else both take the date from Git
    proc = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(site.records), "--out",
                           str(out), *today], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    inline = {p.name: p.read_bytes() for p in (out / "downloads").glob("*.*")}
    aside = {p.name: p.read_bytes() for p in (site.public / "downloads").glob("*.*")}
    assert {name.rsplit(".", 1)[1] for name in inline} == {"xlsx", "csv", "json"}
    assert len(inline) >= 12 and inline.keys() == aside.keys()
    assert [name for name in inline if inline[name] != aside[name]] == []


def test_the_sites_downloads_are_links_to_the_files_written_aside_and_keep_their_bytes(tmp_path):
    """`mkdocs build` links each download into the site rather than copying its bytes (120 MB at
    12,000 ledgers).  The generated folder written again (another day: every table's subtitle
    changes) leaves the built site's downloads as they were; on another file system, a copy."""
    built = mkdocs_build(fixture_repo(tmp_path), tmp_path / "out", FIXTURE_TODAY)
    downloads = sorted((built.public / "downloads").glob("*.*"))
    assert len(downloads) >= 12
    assert [p.name for p in downloads if not p.samefile(built.generated / "downloads" / p.name)] == []
    before = {p.name: p.read_bytes() for p in downloads}
    proc = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(built.records), "--out",
                           str(built.generated), "--today", "2026-04-30"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    again = built.generated / "downloads" / "attachment1.xlsx"
    assert again.read_bytes() != before["attachment1.xlsx"]  # the generated file did change …
    assert {p.name: p.read_bytes() for p in downloads} == before  # … the site's did not
    assert not (built.public / "downloads" / "attachment1.xlsx").samefile(again)
    assert list(built.generated.rglob(".*.tmp")) == []
    from generator.site.mkdocs_hook import _link_in

    elsewhere = Path("/dev/shm") / f"contact-ledger-{tmp_path.name}"  # tmpfs: another file system, as a rule
    try:
        _link_in({elsewhere / "downloads" / "attachment1.xlsx": again}, elsewhere)
        copied = elsewhere / "downloads" / "attachment1.xlsx"
        assert copied.read_bytes() == again.read_bytes()
        assert copied.samefile(again) == (copied.stat().st_dev == again.stat().st_dev)
    finally:
        shutil.rmtree(elsewhere, ignore_errors=True)


def test_stale_generated_files_go_once_the_downloads_are_written_never_while(tmp_path):
    """Under `mkdocs build` the downloads are written by a second process while the build goes
    on, each as a new file that takes the old one's place: the generated folder's stale files
    are removed only once that process is done (removing them meanwhile took its new files
    away, and failed a 12k build), and then they are."""
    from generator.site import render_site

    out = tmp_path / "gen"
    stale = [out / "downloads" / "a-table-no-longer-made.csv", out / "cadres" / "someone-who-left.md"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("stale", encoding="utf-8")
    result = render_site(fixture_repo(tmp_path), out, dt.date.fromisoformat(FIXTURE_TODAY), aside=True)
    assert result.pending and all(path.exists() for path in stale)  # not while the downloads are written
    assert result.finish() == -1
    assert not any(path.exists() for path in stale)
    assert all((out / rel).is_file() for rel in [*result.files, *result.pending])
    assert list(out.rglob(".*.tmp")) == []


def test_a_warm_build_renders_again_only_the_downloads_of_the_tables_that_changed(tmp_path):
    """The downloads' process notes, beside the records' cache, what it wrote of each table: a build
    that sends a table as the last build sent it, its files in the generated folder as written then,
    renders none of them again (at 12,000 ledgers every XLSX, CSV and JSON was rendered again by each
    warm build, 6 s of CPU, and the build waited for it); a ledger changed renders again the tables it
    is in, and their files are those a first build writes; a file changed in the generated folder
    since is written again.  (The XLSX rendered are counted through a sitecustomize in every process.)"""
    records = fixture_repo(tmp_path)
    counting, log = counting_hook(tmp_path / "hook", "xlsxwriter.workbook", "Workbook.__init__", "'xlsx'")
    env = {**counting, "CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}

    def build() -> tuple[int, dict]:
        log.unlink(missing_ok=True)
        built = mkdocs_build(records, tmp_path / "out", FIXTURE_TODAY, env)
        rendered = len(log.read_text().splitlines()) if log.exists() else 0
        return rendered, {p.name: p.read_bytes() for p in (built.public / "downloads").glob("*.*")}

    first_count, first = build()
    xlsx = sum(name.endswith(".xlsx") for name in first)
    assert xlsx >= 3 and first_count == xlsx
    assert build() == (0, first)  # nothing changed: nothing rendered, the same files
    ledger = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("students: 28", "students: 27"), encoding="utf-8")
    count, changed = build()
    fresh = tmp_path / "fresh"
    proc = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--out", str(fresh),
                           "--today", FIXTURE_TODAY], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CONTACT_LEDGER_CACHE": "0"})
    assert proc.returncode == 0, proc.stderr
    assert changed == {p.name: p.read_bytes() for p in (fresh / "downloads").glob("*.*")}
    assert 0 < count < xlsx and changed != first
    edited = tmp_path / "out" / "generated" / "downloads" / "attachment1.csv"
    edited.write_bytes(edited.read_bytes() + b"x")
    assert build() == (1, changed)  # (its table's downloads rendered again: one XLSX)
    assert edited.read_bytes() == changed["attachment1.csv"]


def test_a_helper_process_runs_this_generator_whatever_folder_the_build_starts_in(tmp_path, monkeypatch):
    """A build started in a folder that holds another `generator` package (another checkout, a
    copy of an older version) still has its helper processes run this one."""
    from generator.site import helper_process

    decoy = tmp_path / "generator"
    decoy.mkdir()
    (decoy / "__init__.py").write_text(f"open({str(tmp_path / 'decoy-ran')!r}, 'w').close()\nraise SystemExit(3)\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    proc = helper_process.start("generator.site.exports")
    proc.stdin.close()  # nothing sent: the real helper reports a cut-off stream and exits 1
    assert proc.wait() == 1 and not (tmp_path / "decoy-ran").exists()


def test_a_failed_downloads_process_is_reported_not_ignored(tmp_path, capfd):
    """The second process writes the downloads; if it fails, waiting for it says so (the
    MkDocs hook turns that into a failed build) rather than publishing a site without them."""
    table = exports.Table("x", "X", [("a", "A")], [{"a": 1, "ledger": {"not": "sent"}}])
    good = exports.Download("downloads/x.csv", table, dt.date(2026, 11, 28), "")
    assert exports.write_aside([good], tmp_path)() == -1
    assert (tmp_path / "downloads" / "x.csv").read_bytes() == exports.to_csv(table)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    wait = exports.write_aside([good], blocked)
    with pytest.raises(exports.DownloadsFailed):
        wait()
    err = capfd.readouterr().err
    assert "generator.site.exports:" in err and "Traceback" not in err
    # a cell that cannot be sent: the same
    odd = exports.Table("z", "Z", [("a", "A")], [{"a": lambda: 1}])
    with pytest.raises(exports.DownloadsFailed):
        exports.write_aside([exports.Download("downloads/z.csv", odd, dt.date(2026, 11, 28), "")], tmp_path)()
    err = capfd.readouterr().err
    assert "generator.site.exports:" in err and "Traceback" not in err


def test_the_site_tables_are_let_go_once_the_pages_are_made(tmp_path, monkeypatch):
    """The check results and the site's tables are frozen out of Python's cycle collector
    (generator.cache.long_lived): nothing may hold them in a reference cycle, or a large site
    would keep them, hundreds of MB, through all of MkDocs' build."""
    import weakref

    from generator.site import aggregate, checks

    made = []
    for cls in (aggregate.Aggregate, checks.CheckView):
        init = cls.__init__

        def watched(self, *args, _init=init, **kwargs):
            made.append(weakref.ref(self))
            _init(self, *args, **kwargs)
        monkeypatch.setattr(cls, "__init__", watched)
    result = build_site(fixture_repo(tmp_path), dt.date.fromisoformat(FIXTURE_TODAY), slots=True)
    assert result.files and len(made) == 2
    assert [ref() for ref in made] == [None, None]  # gone with build_site's locals, by reference counting


def test_compiled_templates_are_kept_but_never_stale(tmp_path, monkeypatch):
    import os

    from jinja2 import Environment, FileSystemLoader

    from generator.site.templating import TemplateCache

    templates, records = tmp_path / "templates", tmp_path / "records"
    templates.mkdir()
    records.mkdir()
    page = templates / "page.j2"
    page.write_text("第{{ n }}期", encoding="utf-8")
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))

    def render() -> str:
        env = Environment(loader=FileSystemLoader(str(templates)), bytecode_cache=TemplateCache.beside(records))
        return env.get_template("page.j2").render(n=1)

    assert render() == "第1期" and list((tmp_path / "cache" / "templates").iterdir())
    stat = page.stat()
    page.write_text("共{{ n }}期", encoding="utf-8")  # one character changed, same size and time
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert render() == "共1期"
    # a cache folder that cannot be made is no cache, not an error
    (tmp_path / "blocked").write_text("", encoding="utf-8")
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "blocked"))
    assert TemplateCache.beside(records) is None and render() == "共1期"
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    assert TemplateCache.beside(records) is None


def test_the_search_index_made_aside_is_the_plugins_own(site, capfd):
    """During `mkdocs build` the search index is made by a second process (search_aside) with
    Material's own SearchIndex and the same jieba dictionaries: fed the built pages, it gives the
    entries the plugin gives in this process, in order."""
    jieba = pytest.importorskip("jieba")
    from material.plugins.search.plugin import SearchIndex

    from generator.site import search_aside
    from generator.site.search_zh import USER_WORDS

    config = {"lang": ["en"], "separator": r"[\s\u200b\-]+", "pipeline": [], "fields": {}}
    pages = []
    for path in sorted(site.public.rglob("*.html"))[:40]:
        text = path.read_text(encoding="utf-8")
        article = text[text.find("<article"):text.find("</article>")]
        pages.append(search_aside.PageForIndex(str(path.relative_to(site.public)), path.stem, article, [], {}))
    assert len(pages) == 40 and any("班" in p.content for p in pages)
    jieba.load_userdict(str(USER_WORDS))
    here = SearchIndex(**config)
    for page in pages:
        here.add_entry_from_context(page)
    aside = search_aside.Aside(SearchIndex(**config), None, str(USER_WORDS))
    for page in pages:
        aside.add_entry_from_context(page)
    made = json.loads(aside.generate_search_index(None))
    assert made["docs"] == here.entries and any("\u200b" in d["text"] for d in made["docs"])
    # pages sent as soon as made (the hook's on_page_content): the index is still the plugin's, of
    # the pages it indexed, in its order — a page changed after it was sent is indexed as it is now
    aside = search_aside.Aside(SearchIndex(**config), None, str(USER_WORDS))
    never = next(p for p in pages if "班" in p.content)  # sent, never indexed
    changed = next(p for p in pages if "班" in p.content and p is not never)
    indexed = [p for p in pages[20:] + pages[:20] if p is not never]
    assert changed in indexed[5:]
    for page in pages[:30]:
        aside.page_made(page, page.content)
    for page in indexed[:5]:  # some indexed before others are sent
        aside.add_entry_from_context(page)
    for page in pages[30:]:
        aside.page_made(page, page.content)
    changed.content = changed.content.replace("班", "组")
    for page in indexed[5:]:
        aside.add_entry_from_context(page)
    here = SearchIndex(**config)
    for page in indexed:
        here.add_entry_from_context(page)
    made = json.loads(aside.generate_search_index(None))
    assert made["docs"] == here.entries
    assert never.url not in {d["location"].split("#")[0] for d in made["docs"]}
    # a process that fails (here: a page it cannot read) fails the build, with one line
    broken = search_aside.Aside(SearchIndex(**config), None, None)
    broken.add_entry_from_context(search_aside.PageForIndex("x.html", "x", None, [], {}))
    with pytest.raises(search_aside.SearchFailed, match="搜索索引未能生成"):
        broken.generate_search_index(None)
    err = capfd.readouterr().err
    assert "generator.site.search_aside:" in err and "Traceback" not in err


def test_the_downloads_tables_are_let_go_once_sent_and_the_pages_wait_on_disk(tmp_path, monkeypatch):
    """Under `mkdocs build` the downloads' tables (≈100 MB of rows for 13,000 ledgers) are sent to
    the process that writes them and then let go, before the pages are rendered; and each page is
    written as it is made rather than kept until the end: a large site's peak memory is the
    records, the tables and all the pages at once (bench/RESULTS, item 15).  The files are the same."""
    import threading
    import weakref

    from generator.site import pages, render_site

    tables, sent = [], threading.Event()
    init, send, render_pages = exports.Table.__init__, exports._send, pages.Site._pages

    def watched(self, *args, **kwargs):
        tables.append(weakref.ref(self))
        init(self, *args, **kwargs)

    def sending(*args):
        try:
            send(*args)
        finally:
            sent.set()
    alive = []

    def rendering(self, ctx):
        assert sent.wait(60)  # (the downloads process reads everything first)
        alive.extend(ref().name for ref in tables if ref() is not None)
        render_pages(self, ctx)
    monkeypatch.setattr(exports.Table, "__init__", watched)
    monkeypatch.setattr(exports, "_send", sending)
    monkeypatch.setattr(pages.Site, "_pages", rendering)
    records, day, out = fixture_repo(tmp_path), dt.date.fromisoformat(FIXTURE_TODAY), tmp_path / "gen"
    result = render_site(records, out, day, aside=True, slots=True)
    assert result.finish() == -1 and len(tables) >= 12
    assert alive == []
    # the pages read back from where they were written: those build_site makes in memory
    monkeypatch.setattr(pages.Site, "_pages", render_pages)
    plain = build_site(records, day)
    written = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert dict(result.files) == {rel: data for rel, data in plain.files.items() if rel not in result.pending}
    assert len(result.files) > 20 and len(result.pending) >= 20
    assert written == plain.files  # and the downloads written aside


def test_every_page_has_the_navigation_with_working_links_and_itself_marked_where_listed(site):
    """The theme's navigation is rendered once per folder for the pages outside it (mkdocs_hook):
    on every page its links must still lead to pages, relative to that page, and a page listed in
    it must be the one marked active."""
    listed, outside = 0, 0
    for path in sorted(site.public.rglob("*.html")):
        rel = path.relative_to(site.public).as_posix()
        if rel.startswith(("admin/", "assets/")) or rel == "404.html":
            continue
        text = path.read_text(encoding="utf-8")
        nav = text[text.index('class="md-nav md-nav--primary"'):text.index("md-sidebar--secondary")]
        targets = [(path.parent / h.split("#")[0]).resolve() for h in re.findall(r'href="([^"#:]+)"', nav)]
        assert targets and all(t.is_file() for t in targets), rel
        active = {(path.parent / h).resolve() for h in
                  re.findall(r'<a href="([^"#]+)" class="md-nav__link md-nav__link--active"', nav)}
        if active:
            listed += 1
            assert active == {path.resolve()}, rel
        else:
            outside += 1
    assert listed > 5 and outside > 5


def test_a_ledger_handed_in_by_a_cadre_who_did_not_owe_it_is_not_counted_against_them(tmp_path):
    # contacts.min_days_held: 14. 孙立 held club-a nine days of 2026-H2 and did not owe its ledger
    # (周敏, who held it longest, does: check), but handed one in five days late: 年度考核参考 counted
    # it as 应交 and not on time (0/1), 附件2 and his page said 逾期 5 天 and 附件2 counted him 应填报
    from tests.gitrepo import check_cli, commit, handovers, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    files = handovers("2026-07-05", "2026-06-25", ("2026-07-01", "2026-07-09"), ("2026-07-10", "2026-07-19"))
    policy = files["records/policy.yaml"]
    files["records/policy.yaml"] = policy.replace("  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {
        "records/ledgers/2026-H2/chen-gang.yaml": ledger("chen-gang", "2026-H2", ["2026-07-08", "2026-10-10"]),
        "records/ledgers/2026-H2/wang-fang.yaml": ledger("wang-fang", "2026-H2", ["2026-07-08", "2026-10-10"],
                                                         points=["me-2025-01"])})
    commit(repo, "2026-12-20 10:00", "台账")
    write(repo, {"records/ledgers/2026-H2/sun-li.yaml": ledger("sun-li", "2026-H2", ["2026-07-05"], points=["club-a"])})
    commit(repo, "2027-01-05 10:00", "孙立的台账")
    data = json.loads(check_cli(repo / "records", "--today", "2027-01-15", "--format", "json").stdout)
    rows = {r["cadre"]: r for r in data["ledgers"] if r["period"] == "2026-H2"}
    assert (rows["sun-li"]["status"], rows["sun-li"]["required"]) == ("late", False)  # (listed, as it landed)
    owed = sorted(c for c, r in rows.items() if r["required"])
    assert owed == ["chen-gang", "wang-fang", "zhou-min"]
    assert not [f for f in data["findings"] if f["code"] == "W-CHK-005"]  # (not late against him)

    built = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-15")
    evaluation = json.loads((built.public / "downloads/evaluation.json").read_text(encoding="utf-8"))["rows"]
    counts = {r["name"]: (r["ledgers_on_time"], r["ledgers_due"]) for r in evaluation if r["year"] == 2026}
    assert counts["孙立"] == (0, 0) and counts["周敏"] == (0, 1) and counts["陈刚"] == (1, 1)
    a2 = json.loads((built.public / "downloads/attachment2-2026-H2.json").read_text(encoding="utf-8"))["rows"]
    sun = next(r for r in a2 if r["name"] == "孙立")
    assert "逾期" not in sun["status_label"] and "无需" in sun["status_label"] and sun["landed"].startswith("2027-01-05")
    period = (built.generated / "ledgers/2026-H2.md").read_text(encoding="utf-8")
    # (3 handed in, one of them not owed, and 周敏 owed one: "已提交 3 份" read as all in)
    assert f"应填报 {len(owed)} 人，已提交 2 份（另有 1 份本期无需提交）" in period
    page = (built.generated / "cadres/sun-li.md").read_text(encoding="utf-8")
    assert "2026-H2" in page and "逾期" not in page and "无需" in page
    # the summary's 填报情况 chart draws his bar grey (not owed), not the blue of a label it does not know
    summary = (built.generated / "summary/2026-H2.md").read_text(encoding="utf-8")
    bar = re.search(r'>已提交（本期无需提交）</text><rect [^>]*fill="(#[0-9a-f]+)"', summary)
    assert bar and bar.group(1) == "#757575", summary
    # archived, the manifest keeps that he did not owe it (check and the site read the manifest then)
    from tests.gitrepo import generator_cli
    done = generator_cli(repo, "archive", "2026-H2", "--today", "2027-01-15")
    assert done.returncode == 0, done.stdout + done.stderr
    commit(repo, "2027-01-15 12:00", "备案 2026-H2")
    data = json.loads(check_cli(repo / "records", "--today", "2027-01-20", "--format", "json").stdout)
    rows = {r["cadre"]: r for r in data["ledgers"] if r["period"] == "2026-H2"}
    assert rows["sun-li"]["source"] == "archive" and sorted(c for c, r in rows.items() if r["required"]) == owed
    text = check_cli(repo / "records", "--today", "2027-01-20").stdout
    assert "台账：按时 2，逾期 0，" in text and "台账逾期" not in text


def test_the_appraisal_in_january_tells_the_hard_cases_apart_and_keys_its_download_by_the_cadre(tmp_path):
    # walked as the 组织部 in January 2027 assessing 2026: the page stood on 2027, a year of zeros, 2026 under
    # 以往年度; a ledger one day late and one never handed in both read "1/2"; the autumn semester, judged only
    # in July when unmet, read 1/1 beside a colleague's 2/2; two 张伟 of one unit, the download's only keys
    # name and unit, could not be merged with the assessment's spreadsheet, and printed as two identical rows;
    # 王芳's half-year of sick leave read 1/1 as if she had owed one ledger only
    from tests.gitrepo import base, cadre, classes, commit, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/cadres/zhang-wei-2.yaml"] = cadre("张伟", "cs", active_from="2026-09-01").replace(
        "position: 院长", "position: 副书记") + "namesake: [zhang-wei]\n"
    files["records/cadres/wang-fang.yaml"] = cadre("王芳", "me")
    files["records/cadres/li-na.yaml"] = cadre("李娜", "cs") + "earlier:\n  - {unit: me, until: \"2026-08-31\"}\n"
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("me-2025-02", "me"))
    files["records/clubs.yaml"] = "clubs:\n  - {id: club-a, name: 合唱团, unit: cs}\n"
    files["records/assignments/2025-2027.yaml"] += ("  - cadre: zhang-wei-2\n    club: club-a\n    start: \"2026-09-01\"\n"
                                                    "  - cadre: wang-fang\n    class: me-2025-02\n    start: \"2025-09-01\"\n")
    files["records/exemptions.yaml"] = ("exemptions:\n  - cadre: wang-fang\n    rules: [semester_contacts, ledger]\n"
                                        "    start: \"2026-07-01\"\n    end: \"2026-12-31\"\n    reason: 病假\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
                 "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-12"], points=["me-2025-01"]),
                 "records/ledgers/2026-H1/wang-fang.yaml": ledger("wang-fang", "2026-H1", ["2026-03-12"],
                                                                  points=["me-2025-02"])})
    commit(repo, "2026-06-20 10:00", "2026-H1 台账")
    write(repo, {"records/ledgers/2026-H2/zhang-wei-2.yaml": ledger("zhang-wei-2", "2026-H2", ["2026-10-20"],
                                                                    points=["club-a"])})
    commit(repo, "2026-12-20 10:00", "张伟（新任）的台账")
    write(repo, {"records/ledgers/2026-H2/li-na.yaml": ledger("li-na", "2026-H2", ["2026-10-10"], points=["me-2025-01"])})
    commit(repo, "2027-01-01 10:00", "李娜的台账，晚一天")  # (张伟's 2026-H2 never comes)

    built = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-20")
    main = (built.public / "evaluation.html").read_text(encoding="utf-8")
    assert "2026 年度" in main and "2027 年度" not in main
    assert not (built.public / "evaluation" / "2027.html").exists()
    cells = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", main, re.S):
        row = [visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        if row and 'href="cadres/' in tr:
            cells[re.search(r'href="cadres/([a-z0-9-]+)\.html"', tr).group(1)] = row
    assert cells["li-na"][3:5] == ["2/2", "1/2（逾期 1 份）"]
    assert cells["zhang-wei"][3:5] == ["1/1（另 1 学期待定）", "1/2（未提交 1 份）"]
    assert cells["zhang-wei-2"][3:5] == ["1/1", "1/1"]  # (joined in September: owed only what he held)
    # (the namesakes' positions; who joined, left or moved in the year, beside their part-year's figures)
    assert (cells["zhang-wei"][0], cells["zhang-wei-2"][0]) == ("张伟（院长）", "张伟（副书记；2026-09-01 任职）")
    assert cells["li-na"][:2] == ["李娜", "计算机学院（2026-08-31 前在机械学院）"]
    assert cells["wang-fang"][4] == "1/1（豁免 1 期）"

    lines = (built.public / "downloads/evaluation.csv").read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    rows = {(r["年度"], r["干部编号"]): r for line in lines[1:] for r in [dict(zip(header, line.split(",")))]}
    assert "2027" not in {y for y, _ in rows}
    zhangs = [r for (y, _), r in rows.items() if y == "2026" and r["姓名"] == "张伟"]
    assert len(zhangs) == 2 and len({(r["单位"], r["姓名"]) for r in zhangs}) == 1  # (name and unit: no key)
    picked = ("按时台账", "应交台账", "逾期台账", "未提交台账", "达标学期", "应达标学期", "待定学期")
    assert [rows["2026", c][k] for c in ("li-na", "zhang-wei", "zhang-wei-2") for k in picked] == [
        "1", "2", "1", "0", "2", "2", "0",
        "1", "2", "0", "1", "1", "1", "1",
        "1", "1", "0", "0", "1", "1", "0"]
    sheet = openpyxl.load_workbook(built.public / "downloads/evaluation.xlsx").active
    table = list(sheet.iter_rows(values_only=True))  # (the header in row 1)
    keyed = {(r[0], r[table[0].index("干部编号")]): r for r in table[1:]}
    assert keyed[2026, "zhang-wei"][table[0].index("未提交台账")] == 1
    assert keyed[2026, "wang-fang"][table[0].index("豁免台账")] == 1
    assert [keyed[2026, c][table[0].index("职务")] for c in ("zhang-wei", "zhang-wei-2")] == ["院长", "副书记"]
    assert [keyed[2026, c][table[0].index("任职变动")] for c in ("zhang-wei", "zhang-wei-2", "li-na")] == [
        "", "2026-09-01 任职", "2026-08-31 前在机械学院"]


def test_a_past_year_of_the_appraisal_lists_a_cadre_who_moved_among_the_unit_she_was_in(tmp_path):
    # 李娜 moved from 机械学院 to 计算机学院 on 2026-09-01: 2025's page wrote 机械学院 in her unit column (her unit at
    # that year's end) but listed her among 计算机学院's rows (her unit today), between 张伟 and 王芳 of 机械学院 — the
    # 组织部 reading 2025 by unit missed her under 机械学院.  Each year's rows go by the unit its column shows.
    from tests.gitrepo import base, cadre, classes, commit, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/cadres/li-na.yaml"] = cadre("李娜", "cs") + "earlier:\n  - {unit: me, until: \"2026-08-31\"}\n"
    files["records/cadres/wang-fang.yaml"] = cadre("王芳", "me")
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("me-2025-02", "me"))
    files["records/assignments/2025-2027.yaml"] += "  - cadre: wang-fang\n    class: me-2025-02\n    start: \"2025-09-01\"\n"
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    for cid, point, period, day in (("zhang-wei", "cs-2025-01", "2025-H2", "2025-10-10"),
                                    ("li-na", "me-2025-01", "2025-H2", "2025-10-11"),
                                    ("wang-fang", "me-2025-02", "2025-H2", "2025-10-12"),
                                    ("zhang-wei", "cs-2025-01", "2026-H2", "2026-10-10"),
                                    ("li-na", "me-2025-01", "2026-H2", "2026-10-11"),
                                    ("wang-fang", "me-2025-02", "2026-H2", "2026-10-12")):
        write(repo, {f"records/ledgers/{period}/{cid}.yaml": ledger(cid, period, [day], points=[point])})
    commit(repo, "2026-12-20 10:00", "台账")
    files = build_site(repo / "records", dt.date(2027, 1, 20)).files

    def listed(rel):
        return [(re.search(r"\[([^]]+)\]\(\.*/?cadres/", cells[0]).group(1), re.sub(r"（.*", "", cells[1]))
                for line in files[rel].decode("utf-8").splitlines() if "cadres/" in line and line.startswith("|")
                for cells in [[c.strip() for c in line.strip("|").split("|")]]]
    assert listed("evaluation/2025.md") == [("张伟", "计算机学院"), ("李娜", "机械学院"), ("王芳", "机械学院")]
    assert listed("evaluation.md") == [("李娜", "计算机学院"), ("张伟", "计算机学院"), ("王芳", "机械学院")]  # (2026)
    rows = json.loads(files["downloads/evaluation.json"])["rows"]
    assert [(r["year"], r["name"], r["unit_name"]) for r in rows] == [
        (2026, "李娜", "计算机学院"), (2026, "张伟", "计算机学院"), (2026, "王芳", "机械学院"),
        (2025, "张伟", "计算机学院"), (2025, "李娜", "机械学院"), (2025, "王芳", "机械学院")]


def _both_filed_2026_h1(tmp_path: Path, files: dict) -> Path:
    """A Git repository of `files` (gitrepo.base()'s, as changed) committed in 2025, 张伟 and 李娜 handing in their
    2026-H1 ledgers on 2026-06-20."""
    from tests.gitrepo import commit, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"]),
                 "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-12"], points=["me-2025-01"])})
    commit(repo, "2026-06-20 10:00", "2026-H1 台账")
    return repo


def test_the_appraisal_in_january_stays_on_the_year_just_ended_when_a_cadre_files_the_new_year_early(tmp_path):
    # the page's year was "the newest with anything due or recorded": 张伟 filing his 2027-H1 ledger on 2027-01-10
    # (a visit of 2027-01-08) made 2027 the page's year again on 2027-01-20, a page of zeros for the 组织部 assessing
    # 2026.  It is the newest year in which something was due by the site's day (a ledger's due date or a semester's
    # end passed); 2027 has a page of its own, linked as a year still running
    from tests.gitrepo import base, commit, ledger, write

    repo = _both_filed_2026_h1(tmp_path, base())
    write(repo, {"records/ledgers/2027-H1/zhang-wei.yaml": ledger("zhang-wei", "2027-H1", ["2027-01-08"])})
    commit(repo, "2027-01-10 10:00", "张伟提前交的 2027-H1 台账")

    built = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-20")
    main = (built.generated / "evaluation.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\d{4}) 年度", main, re.M) == ["2026"], main  # (the year assessed, its table)
    assert "# 年度考核参考：2027 年度" in (built.generated / "evaluation/2027.md").read_text(encoding="utf-8")
    assert 'href="evaluation/2027.html"' in (built.public / "evaluation.html").read_text(encoding="utf-8")
    # and as of July, the 2027-H1 ledger due and the spring semester ended, 2027 leads
    built = mkdocs_build(repo / "records", tmp_path / "july", "2027-07-20")
    main = (built.generated / "evaluation.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\d{4}) 年度", main, re.M) == ["2027"], main


def test_the_appraisal_says_when_a_cadre_had_no_contact_point_for_part_of_the_year(tmp_path):
    # 李娜's class ended 2026-06-30 and no new assignment followed: with no point she owed nothing in the autumn, and
    # 年度考核参考 showed her 1/1 semesters, full compliance, beside 张伟's 2/2.  Her figures now say 2026-06-30 后无联系点
    # (check's W-CHK-002 gap, the same days) and the downloads count the year's days without one
    import csv
    import io

    from tests.gitrepo import assignments, base, check_cli, commit, ledger, write

    files = base()
    files["records/assignments/2025-2027.yaml"] = assignments(
        "2025-2027", "2025-09-01", "2027-08-31",
        {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
        {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2026-06-30", "reason": "工作调整"})
    repo = _both_filed_2026_h1(tmp_path, files)
    write(repo, {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-10-10"])})
    commit(repo, "2026-12-20 10:00", "2026-H2 台账")
    data = json.loads(check_cli(repo / "records", "--today", "2027-01-20", "--format", "json").stdout)
    assert [(f.get("data") or {}).get("from") for f in data["findings"] if f["code"] == "W-CHK-002"] == ["2026-07-01"]

    built = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-20")
    main = (built.public / "evaluation.html").read_text(encoding="utf-8")
    cells = {re.search(r'href="cadres/([a-z0-9-]+)\.html"', tr).group(1): row
             for tr in re.findall(r"<tr>(.*?)</tr>", main, re.S) if 'href="cadres/' in tr
             for row in [[visible(td) for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]]}
    assert cells["li-na"][3] == "1/1（2026-06-30 后无联系点）", cells["li-na"]
    assert cells["zhang-wei"][3] == "2/2"
    rows = {(r["年度"], r["干部编号"]): r for r in csv.DictReader(io.StringIO(
        (built.public / "downloads/evaluation.csv").read_text(encoding="utf-8-sig")))}
    assert (rows["2026", "li-na"]["无联系点天数"], rows["2026", "li-na"]["无联系点"]) == ("184", "2026-06-30 后无联系点")
    assert (rows["2026", "zhang-wei"]["无联系点天数"], rows["2026", "zhang-wei"]["无联系点"]) == ("0", "")
    sheet = openpyxl.load_workbook(built.public / "downloads/evaluation.xlsx").active
    table = list(sheet.iter_rows(values_only=True))
    li_na = next(r for r in table[1:] if r[0] == 2026 and r[table[0].index("干部编号")] == "li-na")
    assert li_na[table[0].index("无联系点天数")] == 184


def test_a_renamed_word_is_counted_under_its_new_name_in_the_period_summary(tmp_path):
    # The policy renamed the channel 键对键 to 线上交流 (vocabularies.renamed): the ledgers written
    # before keep 键对键, but the summary's chart of channels counted it apart, a bar for a word
    # the policy no longer has beside the bar of the word that replaced it
    records = tmp_path / "records"
    shutil.copytree(ROOT / "tests/fixtures/minimal", records)
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "channels: [面对面, 键对键]",
        "channels: [面对面, 线上交流]\n  renamed:\n    - {old: 键对键, new: 线上交流, until: 2025-12-31}"),
        encoding="utf-8")
    ledger = records / "ledgers/2025-H2/zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("channel: 面对面", "channel: 键对键"), encoding="utf-8")
    assert validate_records(records)[1] == []  # (the old word is right in 2025-H2)
    summary = build_site(records, dt.date(2026, 3, 20)).files["summary/2025-H2.md"].decode("utf-8")
    chart = next(line for line in summary.splitlines() if 'aria-label="联系方式（次）：' in line)
    assert ">线上交流</text>" in chart and "键对键" not in chart, chart


def test_a_web_form_that_cannot_be_written_fails_the_build_in_a_readable_line(tmp_path):
    """mkdocs build with the Git host given (LEDGER_CMS_ARGS) copies the Decap bundle into admin/; a write
    failing there (a full disk; here decap-cms.js, 5 MB, past a 3 MB file-size limit) stopped the build
    with a Python traceback.  It fails now with one line saying which file, the system's words and what to do."""
    from workflow_repo import small_files

    if not admin_form.bundle_installed():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    records = fixture_repo(tmp_path)
    env = {**os.environ, "LEDGER_RECORDS": str(records), "LEDGER_GENERATED": str(tmp_path / "generated"),
           "NO_MKDOCS_2_WARNING": "1", "LEDGER_TODAY": FIXTURE_TODAY,
           "LEDGER_CMS_ARGS": "--backend gitlab --repo xgb/ledger --app-id abc", "TMPDIR": str(tmp_path / "tmp")}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    (tmp_path / "tmp").mkdir()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(tmp_path / "public")], env=env, capture_output=True, text=True, cwd=ROOT,
                          timeout=600, preexec_fn=small_files(3_000_000))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert ("网页填报表单（admin/）未能写入：写入 admin/decap-cms.js 时出错（系统提示：File too large），网站没有生成完；"
            "腾出磁盘空间后重新运行 mkdocs build。 (The web form (admin/) could not be written: writing "
            "admin/decap-cms.js failed: File too large; the site is not complete. Free some disk space and run "
            "mkdocs build again.)") in proc.stderr, proc.stderr[-3000:]
    assert not [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith("contact-ledger-admin-")]  # (its staging)


def test_a_web_form_that_cannot_be_copied_into_the_site_fails_the_build_in_a_readable_line(tmp_path):
    """The form is made aside (a staging folder) and copied into the site after the build; a copy failing
    there (the site's disk full; here decap-cms.js, 5 MB, past a 3 MB file-size limit) stopped mkdocs build
    with a traceback from shutil.copytree and left the staging folder.  It fails now with the same one line
    as a write of the form (admin_form.FormUnwritten), and the staging folder goes."""
    from workflow_repo import small_files

    if not admin_form.bundle_installed():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    records = fixture_repo(tmp_path)
    staging, site_dir = tmp_path / "staging", tmp_path / "public"
    assert admin_form.publish_admin(staging, records, dt.date.fromisoformat(FIXTURE_TODAY),
                                    "--backend gitlab --repo xgb/ledger --app-id abc") == []
    hook = ("import sys; from pathlib import Path; from types import SimpleNamespace\n"
            "from generator.site import admin_form, mkdocs_hook\n"
            "mkdocs_hook._state['admin'] = (Path(sys.argv[1]), [])\n"
            "try:\n    mkdocs_hook.on_post_build(SimpleNamespace(site_dir=sys.argv[2]))\n"
            "except admin_form.FormUnwritten as exc:\n    sys.exit(f'FormUnwritten: {exc}')\n")
    proc = subprocess.run([sys.executable, "-c", hook, str(staging), str(site_dir)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, preexec_fn=small_files(3_000_000))
    assert "\nFormUnwritten: 网页填报表单（admin/）未能写入：写入 admin/decap-cms.js 时出错（系统提示：File too large），" \
           "网站没有生成完；" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert not staging.exists()


def test_a_download_copied_into_the_site_on_a_full_disk_fails_the_build_in_a_readable_line(tmp_path):
    """A download is linked into the site, copied where no link can be made (the site on another
    file system); the copy (shutil.copyfile) failing partway — a full disk, here a 1 MB file-size
    limit — stopped mkdocs build with a traceback and left a cut-short file in the site's downloads/,
    which the web server then gave out.  It now fails in one line, as a write of the web form does,
    and leaves no file there (each copy written whole or not at all)."""
    from workflow_repo import small_files

    generated = tmp_path / "generated"
    (generated / "downloads").mkdir(parents=True)
    (generated / "downloads" / "attachment1.xlsx").write_bytes(b"x" * 2_000_000)
    (generated / "downloads" / "attachment1.csv").write_bytes(b"a,b\n")
    site_dir = Path("/dev/shm") / f"contact-ledger-{tmp_path.name}"  # tmpfs: another file system, as a rule
    if (site_dir.parent.stat().st_dev == generated.stat().st_dev):
        pytest.skip("/dev/shm is not another file system here")
    hook = ("import sys; from pathlib import Path; from types import SimpleNamespace\n"
            "from mkdocs.exceptions import PluginError\n"
            "from generator.site import mkdocs_hook\n"
            "mkdocs_hook._state.update(generated_dir=Path(sys.argv[1]),\n"
            "                          aside=['downloads/attachment1.csv', 'downloads/attachment1.xlsx'])\n"
            "try:\n    mkdocs_hook.on_post_build(SimpleNamespace(site_dir=sys.argv[2]))\n"
            "except PluginError as exc:\n    sys.exit(f'{type(exc).__name__}: {exc}')\n")
    try:
        proc = subprocess.run([sys.executable, "-c", hook, str(generated), str(site_dir)], capture_output=True,
                              text=True, cwd=ROOT, timeout=120, preexec_fn=small_files(1_000_000))
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-3000:]
        assert ("DownloadsUnwritten: 下载文件（downloads/）未能写入：写入 downloads/attachment1.xlsx 时出错"
                "（系统提示：File too large），网站没有生成完；腾出磁盘空间后重新运行 mkdocs build。 (The downloads "
                "(downloads/) could not be written: writing downloads/attachment1.xlsx failed: File too large; the "
                "site is not complete. Free some disk space and run mkdocs build again.)") in proc.stderr, proc.stderr
        assert sorted(p.name for p in (site_dir / "downloads").iterdir()) == ["attachment1.csv"]
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def test_a_site_built_from_outside_the_repository_shows_paths_from_the_repository(tmp_path):
    """mkdocs build run in another folder (here the project's, as CI or a build machine may) with
    LEDGER_RECORDS=/abs/path showed the build machine's absolute paths — /tmp/…/repo/records/… — on
    数据检查 and as each cadre's 记录文件: paths that mean nothing to a reader and tell how the
    machine is laid out.  The site shows them from the repository's top, as a build in it does."""
    records = fixture_repo(tmp_path)
    built = mkdocs_build(records, tmp_path / "out", FIXTURE_TODAY)
    assert not Path.cwd().resolve().is_relative_to(records.parent.resolve())
    pages = {p: visible((built.public / p).read_text(encoding="utf-8")) for p in ("findings.html", "cadres/zhang-wei.html")}
    assert {p: str(tmp_path) in text for p, text in pages.items()} == {p: False for p in pages}
    assert "records/cadres/zhang-wei.yaml" in pages["cadres/zhang-wei.html"]
    assert "records/ledgers/" in pages["findings.html"], pages["findings.html"]


def test_a_build_that_fails_at_its_end_leaves_no_copy_of_the_web_form_behind(tmp_path):
    """The web form is staged in a temporary folder (5 MB with decap-cms.js) and copied into the site
    at the end of the build; a build failing just before — the downloads' process failing
    (DownloadsFailed), a download that cannot be copied into the site — left that folder in TMPDIR,
    one more on every failed build or `mkdocs serve` rebuild.  It goes whatever ends the build."""
    from types import SimpleNamespace

    from generator.site import mkdocs_hook

    staging = tmp_path / "contact-ledger-admin-x"
    (staging / "admin").mkdir(parents=True)
    (staging / "admin" / "index.html").write_text("form", encoding="utf-8")

    def failed():
        raise exports.DownloadsFailed(1)
    mkdocs_hook._state.update(finish=failed, admin=(staging, []))
    try:
        with pytest.raises(exports.DownloadsFailed):
            mkdocs_hook.on_post_build(SimpleNamespace(site_dir=str(tmp_path / "public")))
    finally:
        mkdocs_hook._state.pop("finish", None), mkdocs_hook._state.pop("admin", None)
    assert not staging.exists()


def test_the_home_page_lists_every_ledger_still_missing_after_its_due_date(site):
    """A dean opening the home page sees who is behind: every ledger whose due date has passed and
    that was never handed in, of any period (it listed only this period and the last: the demo's
    萧远涛, who never filed 2025-H2, was on no page but 附件2 2025-H2 and 数据检查, while the home
    page said of the last period that all had filed on time)."""
    missing = _missing_on_the_period_pages(site)
    _assert_behind(page(site, "index.html"), [(p, name) for p, name, _ in missing], "ledgers/")


def _missing_on_the_period_pages(site) -> list[tuple[str, str, str]]:
    """(period, name, unit) of each row 未提交 on 附件2's period pages."""
    missing = []
    for p in sorted((site.public / "ledgers").glob("*-H*.html")):
        for row in re.findall(r"<tr>(.*?)</tr>", page(site, f"ledgers/{p.name}"), re.S):
            if '<span class="badge bad">未提交</span>' in row:
                cells = [visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
                missing.append((p.stem, cells[1], cells[2]))  # (no., name, unit, …)
    return missing


def _assert_behind(html_page: str, missing: list[tuple[str, str]], to_ledgers: str) -> None:
    m = re.search(r'<h2 id="behind">(.*?)</h2>(.*?)(?=<h2|$)', html_page, re.S)
    assert m, "no section of ledgers still missing"
    section = m.group(2)
    rows = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", section, re.S)]
    rows = [r for r in rows if r]
    assert sorted((r[0][-8:-1], r[1]) for r in rows) == sorted(missing), rows
    if missing:
        assert f"{len(missing)} 份" in visible(section)
        assert all(f'href="{to_ledgers}{p}.html' in section for p, _ in missing)
    else:
        assert "没有" in visible(section)


def test_a_unit_s_page_lists_its_ledgers_still_missing_after_their_due_date(site):
    """A unit's page gave the current period's filing only (台账情况：2026-H2, 未到截止日 for all):
    the dean of 党委组织部 did not see that 萧远涛 never handed in 2025-H2. It now lists the unit's
    ledgers past their due date and never handed in, of any period, as the home page does."""
    missing = _missing_on_the_period_pages(site)
    for unit_page in sorted((site.public / "units").glob("*.html")):
        if unit_page.name == "index.html":
            continue
        html_page = unit_page.read_text(encoding="utf-8")
        unit = visible(re.search(r"<h1[^>]*>(.*?)</h1>", html_page, re.S).group(1)).strip()
        _assert_behind(html_page, [(p, name) for p, name, u in missing if u == unit], "../ledgers/")


def _wrong_form(records):
    """陈刚's 2025-H2 with a form not in the vocabulary (E-REF-005, the references stage's, run beside the checks)."""
    path = records / "ledgers" / "2025-H2" / "chen-gang.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("form: 座谈交流", "form: 随便聊聊"), encoding="utf-8")


def test_a_ledger_handed_in_with_errors_is_behind_until_fixed_and_says_what_is_wrong(tmp_path):
    """陈刚 handed in 2025-H2 with a form not in the vocabulary: validate refuses it, remind counts it
    as missing until fixed, 附件2 says 有错误，未通过 — but the home page's and the unit's lists of who is
    behind left it out (it counted as handed in). It is listed there now, with what is wrong."""
    built = mkdocs_build(fixture_repo(tmp_path, _wrong_form), tmp_path / "out", FIXTURE_TODAY)
    for rel_page in ("index.html", "units/xgb.html"):
        html_page = (built.public / rel_page).read_text(encoding="utf-8")
        m = re.search(r'<h2 id="behind">(.*?)</h2>(.*?)(?=<h2|$)', html_page, re.S)
        assert m, rel_page
        rows = [visible(r) for r in re.findall(r"<tr>(.*?)</tr>", m.group(2), re.S)]
        [row] = [r for r in rows if "陈刚" in r]
        assert "2025-H2" in row and "有错误" in row and "随便聊聊" in row, row
        assert "ledgers/2025-H2/chen-gang.yaml:" in row, row
        assert f"{len(rows) - 1} 份" in visible(m.group(2)), rel_page  # (less the head row)


def test_a_unit_s_page_names_the_period_of_its_filing_as_the_records_name_it(site, rs):
    """A unit's page headed its filing 台账情况：2026-H2, the period's id, where every other page says
    2026年下半年 (the name records give it); it now says the name, and the id after it."""
    units = [p for p in sorted((site.public / "units").glob("*.html")) if p.name != "index.html"]
    assert units
    for unit_page in units:
        heads = [visible(h).strip() for h in re.findall(r"<h2[^>]*>(台账情况：.*?)</h2>", page(site, f"units/{unit_page.name}"), re.S)]
        assert len(heads) == 1, (unit_page.name, heads)
        period = re.search(r"（([^（）]+)）$", heads[0])
        assert period and rs.period(period.group(1)), heads[0]
        assert heads[0] == f"台账情况：{rs.period(period.group(1)).name}（{period.group(1)}）", heads[0]


def test_a_ledger_whose_only_error_is_a_reference_says_so_on_every_page_cold_and_warm(tmp_path):
    """陈刚's 2025-H2 with a form not in the vocabulary (E-REF-005, the references stage's, run beside
    the checks): his page and 附件2 said 逾期 6 天, its download too, and the evaluation counted none
    有错误 — as if accepted, where one with a schema error says （有错误，未通过）.  Now every page says
    it, the first build and the next (the checks' results read back from the cache)."""
    records = fixture_repo(tmp_path, _wrong_form)
    for run in ("cold", "warm"):
        public = mkdocs_build(records, tmp_path / run, FIXTURE_TODAY).public

        def row(rel_page, *words):
            rows = [visible(r) for r in re.findall(r"<tr>(.*?)</tr>", (public / rel_page).read_text(encoding="utf-8"), re.S)]
            (found,) = [r for r in rows if all(w in r for w in words)]
            return found
        assert "逾期 6 天（有错误，未通过）" in row("cadres/chen-gang.html", "2025-H2", "逾期"), run
        assert "逾期 6 天（有错误，未通过）" in row("ledgers/2025-H2.html", "陈刚"), run  # 附件2
        # (in March the year 年度考核参考 leads with is the one just ended, whose ledgers are due: 2025)
        assert "（2025 年度）" in (public / "evaluation.html").read_text(encoding="utf-8"), run
        assert "0/1（逾期 1 份；1 份有错误，未通过）" in row("evaluation.html", "陈刚"), run
        download = json.loads((public / "downloads" / "attachment2-2025-H2.json").read_text(encoding="utf-8"))
        (chen,) = [r for r in download["rows"] if r["name"] == "陈刚"]
        assert chen["status_label"] == "逾期 6 天（有错误，未通过）", (run, chen)
        assert "已提交但有错误，未通过" in row("units/xgb.html", "2025-H2", "陈刚"), run


def test_check_s_report_and_附件2_mark_the_same_ledgers_with_errors_of_a_later_stage(tmp_path):
    """陈刚's 2025-H2, handed in late, whose only error is a form not in the vocabulary (E-REF-005, found by
    the references stage while the checks run): check's report marks its row "errors" and counts it, and
    附件2 says （有错误，未通过） of the same row and of no other.  The pipeline marks the rows, once, for
    both (before, check and the site each marked them after it, and a reader that forgot would not)."""
    records = fixture_repo(tmp_path, _wrong_form)
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today",
                           FIXTURE_TODAY, "--format", "json"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    marked = {(r["period"], r["cadre"]) for r in report["ledgers"] if r.get("errors")}
    assert marked == {("2025-H2", "chen-gang")}, report["ledgers"]
    assert report["summary"]["ledgers_with_errors"] == 1, report["summary"]
    public = mkdocs_build(records, tmp_path / "out", FIXTURE_TODAY).public
    for period in sorted({r["period"] for r in report["ledgers"]}):
        rows = [visible(r) for r in re.findall(r"<tr>(.*?)</tr>", (public / "ledgers" / f"{period}.html")
                                               .read_text(encoding="utf-8"), re.S)]
        for r in (r for r in report["ledgers"] if r["period"] == period):
            (row,) = [row for row in rows if r["name"] in row]
            assert ("（有错误，未通过）" in row) == ((period, r["cadre"]) in marked), (period, row)
    (late,) = [r for r in report["ledgers"] if r.get("errors")]
    (row,) = [row for row in re.findall(r"<tr>(.*?)</tr>", (public / "ledgers" / "2025-H2.html").read_text(
        encoding="utf-8"), re.S) if "陈刚" in row]
    assert f"逾期 {late['days_late']} 天（有错误，未通过）" in visible(row), row


def test_a_ledger_whose_only_error_is_a_reference_says_so_when_the_checks_fail(tmp_path, monkeypatch):
    """The check stage fails during the build (W-SITE-002): 附件2 then lists who handed a ledger in,
    and one with a schema error says （有错误，未通过）; 陈刚's 2025-H2, whose only error is a form not in
    the vocabulary (E-REF-005, the references stage's), said 已提交, as if accepted, in the page and its
    download — the site marked the later stages' errors only on the checks' rows.  It says so now."""
    import csv

    import generator.check


    def failing(*args, **kwargs):
        raise RuntimeError("检查程序崩溃")

    monkeypatch.setattr(generator.check, "run_checks", failing)
    result = build_site(fixture_repo(tmp_path, _wrong_form), dt.date.fromisoformat(FIXTURE_TODAY))
    assert {"W-SITE-002", "E-REF-005"} <= {f.code for f in result.findings}
    page = result.files["ledgers/2025-H2.md"].decode("utf-8")
    (row,) = [line for line in page.splitlines() if "[陈刚]" in line and line.startswith("|")]
    assert "（有错误，未通过）" in row, row
    rows = {r["姓名"]: r["填报状态"] for r in csv.DictReader(io.StringIO(
        result.files["downloads/attachment2-2025-H2.csv"].decode("utf-8-sig")))}
    assert "（有错误，未通过）" in rows["陈刚"] and "有错误" not in rows["张伟"], rows


def _checks_crashing(tmp_path: Path) -> dict:
    """The environment of a build whose policy checks crash (W-SITE-002), as a bug in them would: Python
    starts with generator.check.run_checks made to raise."""
    return started_with(tmp_path / "crashing", "import generator.check\n\n\ndef _crash(*args, **kwargs):\n"
                        "    raise RuntimeError('检查程序崩溃')\n\n\ngenerator.check.run_checks = _crash\n")


def test_when_the_checks_cannot_run_附件2_says_a_ledger_with_errors_is_handed_in_and_not_one_handed_in_later(tmp_path):
    """The check stage crashes during a real mkdocs build (W-SITE-002).  陈刚's 2025-H2, handed in with an
    error (a form not in the vocabulary), said only （有错误，未通过） on 附件2, not 已提交 as a ledger without
    one does; and built as of 2026-01-03, before he handed it in (2026-01-06), his row still said
    （有错误，未通过） of a ledger the site leaves out that day (imported, its manifest giving the day it was
    handed in: it is in the records of every past day).  Now 已提交（有错误，未通过）, and 未提交 then."""
    aside = tmp_path / "chen-gang.yaml"

    def imported_later(records):  # (陈刚's ledger kept out of the fixture's commits: imported below)
        _wrong_form(records)
        (records / "ledgers" / "2025-H2" / "chen-gang.yaml").rename(aside)
    records = fixture_repo(tmp_path, imported_later)
    aside.rename(records / "ledgers" / "2025-H2" / "chen-gang.yaml")
    (records / "imports").mkdir()
    (records / "imports" / "legacy.yaml").write_text(
        "source: 原信息化平台导出\napproved_by: 王管理\nledgers:\n"
        "  - path: ledgers/2025-H2/chen-gang.yaml\n    submitted: \"2026-01-06\"\n", encoding="utf-8")
    git(records.parent, "add", "records")
    git(records.parent, "commit", "-q", "-m", "导入旧平台台账", date="2026-03-21T10:00:00+08:00")
    env = _checks_crashing(tmp_path)

    def rows(built, period):
        assert "W-SITE-002" in (built.public / "findings.html").read_text(encoding="utf-8")
        found = [visible(r) for r in re.findall(r"<tr>(.*?)</tr>", (built.public / "ledgers" / f"{period}.html")
                                                .read_text(encoding="utf-8"), re.S)]
        return {name: next(r for r in found if name in r) for name in ("陈刚", "张伟")}
    now = rows(mkdocs_build(records, tmp_path / "now", FIXTURE_TODAY, env), "2025-H2")
    assert "已提交（有错误，未通过）" in now["陈刚"], now
    assert "已提交" in now["张伟"] and "有错误" not in now["张伟"], now
    then = rows(mkdocs_build(records, tmp_path / "then", "2026-01-03", env), "2025-H2")
    assert "未提交" in then["陈刚"] and "有错误" not in then["陈刚"] and "已提交" not in then["陈刚"], then
    assert "已提交" in then["张伟"] and "有错误" not in then["张伟"], then


def test_the_home_page_says_how_many_days_are_left_to_this_period_s_due_date(site):
    """本期台账 gave the due date alone (截止日期 2026-12-31): a dean reading it on 2026-12-03 had
    to count the days left; it now says them (还有 28 天, or 今天截止 on the day)."""
    home = visible(page(site, "index.html"))
    today = dt.date.fromisoformat(re.search(r"数据截至 (\d{4}-\d\d-\d\d)", home).group(1))
    m = re.search(r"本期台账：.*?截止日期 (\d{4}-\d\d-\d\d)(（[^）]*）)?", home, re.S)
    assert m, "no current period on the home page"
    left = (dt.date.fromisoformat(m.group(1)) - today).days
    if left > 0:
        assert m.group(2) == f"（还有 {left} 天）", m.group(0)
    elif left == 0:
        assert m.group(2) == "（今天截止）", m.group(0)


def test_the_home_page_lists_every_semester_a_cadre_did_not_meet_students_enough(site):
    """Who is behind on contacts: the home page gave only this semester's count of activities, so
    a dean never saw that the demo's 吕婷娜 met no student in 2025—2026学年第一学期 (on her page
    and 数据检查 only). It now lists every semester a cadre's page marks 未达标."""
    missed = []
    for cadre_page in sorted((site.public / "cadres").glob("*.html")):
        if cadre_page.name == "index.html":
            continue
        html_page = cadre_page.read_text(encoding="utf-8")
        name = visible(re.search(r"<h1[^>]*>(.*?)</h1>", html_page, re.S).group(1)).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", html_page, re.S):
            cells = [visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            if len(cells) == 3 and cells[2] == "未达标":
                missed.append((cells[0], name))
    home = page(site, "index.html")
    m = re.search(r'<h2 id="missed">(.*?)</h2>(.*?)(?=<h2|$)', home, re.S)
    assert m, "no section of semesters missed on the home page"
    rows = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", m.group(2), re.S)]
    assert sorted((r[0], r[1]) for r in rows if r) == sorted(missed), rows
    assert ("没有" in visible(m.group(2))) == (not missed)


def test_the_home_page_says_since_when_a_freshman_class_is_uncovered_and_what_to_do(site):
    """The home page's uncovered freshman classes gave the class, unit and major only: a dean
    could not tell since when (冶金2601班 has had nobody since 2026-10-01, the grace period over)
    nor who is to act. Each row now has its 覆盖情况 as the coverage page gives it, and the section
    says that the administrators assign a cadre in 附件1."""
    home = page(site, "index.html")
    section = re.search(r'<h2 id="[^"]*">新生班级覆盖.*?</h2>(.*?)(?=<h2)', home, re.S).group(1)
    rows = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", section, re.S)]
    rows = [r for r in rows if r]
    coverage = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
                for r in re.findall(r"<tr>(.*?)</tr>", page(site, "coverage.html"), re.S)]
    for r in rows:
        states = {cells[-1] for cells in coverage if r[0] in cells}
        assert r[-1].startswith("未覆盖") and states == {r[-1]}, (r, states)
    if rows:
        assert "请管理员在附件1" in visible(section)


def test_the_home_page_s_quick_links_say_what_they_lead_to(site):
    """The home page, the university's, offered 本单位未覆盖的新生班级 (this unit's uncovered freshman classes), and it led
    to every unit's (coverage.html#uncovered, 未覆盖的新生班级): an officer of 学工部 looked for which unit was
    meant, a college's reviewer thought the list was his college's.  Each quick link to a section of the site says
    that section's heading, and no more than it says."""
    home = page(site, "index.html")
    links = re.findall(r'<a href="([^"#]+)#([\w-]+)">([^<]+)</a>', home.split('class="quick-links"', 1)[1].split("</div>", 1)[0])
    assert len(links) >= 2, home[:500]
    for rel, anchor, words in links:
        heading = re.search(rf'<h2 id="{anchor}">(.*?)</h2>', page(site, rel))
        assert heading and visible(heading.group(1)).strip() in words, (rel, anchor, words)
        assert "本单位" not in words, words


def test_no_page_puts_a_space_after_a_chinese_full_stop(site):
    """The home page's line of the period being collected read 应填报 76 人，已提交 0 份。 详见 附件2 2026-H2: a space
    after 。 (the template's, left before 详见 when the checks ran), where the line of the period before it reads
    份。详见.  No page of the site puts a space after Chinese punctuation before words."""
    found = {}
    for path in sorted(site.public.rglob("*.html")):
        if {"guide", "admin"} & set(path.relative_to(site.public).parts):
            continue
        article = re.search(r"<article.*?</article>", path.read_text(encoding="utf-8"), re.S)
        text = visible(article.group(0)) if article else ""
        spaced = re.findall(r".{0,12}[。，；：）] [\u4e00-\u9fff].{0,4}", text)
        if spaced:
            found[path.relative_to(site.public).as_posix()] = spaced[:2]
    assert found == {}


def test_a_cadre_s_semesters_are_listed_newest_first_as_her_ledgers_are(site, rs):
    """A cadre's page listed 每学期联系学生情况 oldest semester first (2022—2023学年第一学期 at the top, the current one
    at the bottom of a dozen) while 工作台账 above it lists the newest period first: both newest first, as a cadre
    looks for the current one."""
    start = {s.name: s.start for s in rs.semesters()}
    seen = 0
    for cid in sorted(rs.cadres):
        source = page(site, f"cadres/{cid}.html")
        def first_cells(heading):
            m = re.search(r"<h2[^>]*>%s</h2>(.*?)(?=<h2[\s>]|\Z)" % heading, source, re.S)
            return [visible(c).strip() for c in re.findall(r"<tr>\s*<td[^>]*>(.*?)</td>", m.group(1), re.S)] if m else []
        terms = first_cells("每学期联系学生情况")
        periods = [re.match(r"\d{4}-H[12]", p).group() for p in first_cells("工作台账")]
        assert all(t in start for t in terms), (cid, terms)
        assert [start[t] for t in terms] == sorted((start[t] for t in terms), reverse=True), (cid, terms)
        assert periods == sorted(periods, reverse=True), (cid, periods)
        seen += len(terms) >= 2 and len(periods) >= 2
    assert seen


def test_a_cadre_s_semesters_are_those_of_her_time_in_office(site, rs):
    """A cadre who took office in 2026 had 每学期联系学生情况 list every semester since 2022, each 0 and 无需, and one who
    left in 2024 every semester since, for ever: a page of rows saying nothing, found walking a new semester as the
    administrator (a successor's page, the day he was added).  It lists the semesters she held office in (a day of
    them), and any other with something to say (an activity counted)."""
    span = {s.name: (s.start, s.end) for s in rs.semesters()}
    late = left = 0
    for cid in sorted(rs.cadres):
        came, went = rs.cadre_active_span(cid)
        source = page(site, f"cadres/{cid}.html")
        m = re.search(r"<h2[^>]*>每学期联系学生情况</h2>(.*?)(?=<h2[\s>]|\Z)", source, re.S)
        rows = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
                for tr in re.findall(r"<tr>(.*?)</tr>", m.group(1), re.S)] if m else []
        outside = [r for r in rows if r and r[0] in span and ((came and span[r[0]][1] < came)
                                                               or (went and span[r[0]][0] > went))]
        assert all(r[1] != "0" for r in outside), (cid, came, went, outside)
        late += bool(came and min(s for s, _ in span.values()) < came and rows)
        left += bool(went and rows)
    assert late and left


def _index_docs(site) -> list:
    return json.loads((site.public / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_the_search_index_holds_a_cadre_s_points_not_the_table_of_their_changes(site, rs):
    """Every page fetches the search index as it opens: at 12,000 ledgers the cadres' 联系点变化 tables (cycles, dates,
    types, reasons) were a third of its 2 MB, words nobody searches for.  A cadre's section keeps each point once, with
    its unit when not the cadre's own (a class, a club once held or its unit still finds the page; hidden on the page:
    the table says it)."""
    docs = _index_docs(site)
    clean = lambda s: html.unescape(s.replace("\u200b", ""))
    changes = {d["location"].split("#")[0]: clean(d["text"]) for d in docs
               if d["location"].startswith("cadres/") and clean(d["title"]) == "联系点变化"}
    held = 0
    for cid in rs.cadres:
        source = page(site, f"cadres/{cid}.html")
        table = re.search(r'<section class="table-block point-changes" data-search-exclude>(.*?)</section>', source, re.S)
        rows = re.findall(r"<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>\s*<td>.*?</td>\s*<td>(.*?)</td>", table.group(1), re.S) if table else []
        text = changes.get(f"cadres/{cid}.html", "")
        top = " ".join(clean(d["text"]) for d in docs if d["location"] == f"cadres/{cid}.html")
        for point, unit in rows:
            held += 1
            assert visible(point) in text and (visible(unit) in text or visible(unit) in top), (cid, point)
        assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}|至|原因|联系点调整", text), (cid, text)
    assert held > len(rs.cadres)


def test_a_unit_s_page_says_what_its_type_and_its_party_committee_are(site, rs):
    """A unit's page opened with 学院，工商管理学院党委。 — two bare values, the reader left to guess what they were; the
    line now names them as the records' fields are titled: 单位类型：学院；党委：工商管理学院党委。 (a 部门 with no
    committee: 单位类型：部门。)."""
    for uid, unit in rs.units.items():
        source = page(site, f"units/{uid}.html")
        article = source[source.index("<article"):source.index("</article>")]
        first = re.search(r"</h1>\s*(?:<div class=\"print-head\"[^>]*>.*?</div>\s*)?<p>(.*?)</p>", article, re.S).group(1)  # (under the heading printed only)
        told = f"单位类型：{unit.get('type')}" + (f"；党委：{unit.get('party_committee')}" if unit.get("party_committee") else "") + "。"
        assert first == told, (uid, first)


def test_the_search_index_leaves_out_the_cadres_list_s_table(site, rs):
    """The cadres' list (干部) put every cadre's name, unit, position and points in the search index again (93 KB of
    the 12k site's): each cadre is found on their own page, by the same words.  The list keeps its words above the table."""
    listing = " ".join(html.unescape(d["text"].replace("\u200b", "")) for d in _index_docs(site)
                       if d["location"].startswith("cadres/index.html"))
    assert "点姓名查看个人页面" in listing
    assert not [c.get("name") for c in rs.cadres.values() if c.get("name") in listing]


def test_the_search_index_holds_a_unit_s_classes_by_name_and_no_table_of_freshman_coverage(site, rs):
    """At 12,000 ledgers the freshman coverage tables (each year's classes, majors, headcounts, cadres) were 196 KB of the
    index every page fetches, and a unit's 班级 table (years, majors, headcounts, cadres) 116 KB; a search for a class
    listed first the coverage page of its year.  The index keeps each class's name on its unit's page and each major
    there once; the coverage pages keep their words, and the tables stay on the pages."""
    docs = _index_docs(site)
    clean = lambda s: html.unescape(s.replace("\u200b", ""))
    coverage = " ".join(clean(d["text"]) for d in docs if d["location"].startswith(("coverage/", "coverage.html#2")))
    covered = [c.get("name") for c in rs.classes.values()]
    assert not [n for n in covered if n in coverage]
    assert "新生班级" in coverage
    for uid in rs.units:
        classes = [(cid, c) for cid, c in sorted(rs.classes.items()) if c.get("unit") == uid]
        if not classes:
            continue
        text = " ".join(clean(d["text"]) for d in docs if d["location"].startswith(f"units/{uid}.html")
                        and clean(d["title"]) == "班级")
        names, majors = [c.get("name") for _, c in classes], {c.get("major") for _, c in classes}
        assert all(n in text for n in names), uid
        once = " ".join(names + sorted(majors))  # (a major may be part of another, or of a class's name)
        assert all(text.count(m) == once.count(m) for m in majors), (uid, text)
        assert not re.search(r"\d+级|\b\d{2}\b", text), (uid, text)
        shown = visible(page(site, f"units/{uid}.html"))
        assert all(f"{rs.class_cohort.get(cid)}级" in shown and c.get("major") in shown for cid, c in classes), uid


def test_a_full_name_before_同学_is_withheld_from_the_site_until_an_exception_says_it_is_none(tmp_path):
    """与张小明同学谈心 was shown on the site (the scan did not read a full name before 同学).  Now the field is withheld as any other
    find is (W-SITE-001, kind full_name, the name nowhere on the site); the reviewer's exception of kind full_name for that line
    (it is no name) shows the text again."""
    said = "一名学生反映考试焦虑"

    def leak(records: Path):
        path = records / "ledgers" / "2025-H2" / "chen-gang.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace(said, "与张小明同学谈心，" + said), encoding="utf-8")

    records = fixture_repo(tmp_path, leak)
    result = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY))
    assert "张小明".encode() not in b"".join(result.files.values())
    assert "未通过隐私检查" in ledger_section(result.files["cadres/chen-gang.md"].decode(), "2025-H2")
    found = [f for f in result.findings if f.code == "W-SITE-001"]
    assert [(Path(f.file).name, f.line) for f in found] == [("chen-gang.yaml", 16)] and "full_name" in found[0].message_zh
    (records / "privacy-exceptions.yaml").write_text(
        "exceptions:\n  - file: ledgers/2025-H2/chen-gang.yaml\n    line: 16\n    kind: full_name\n"
        "    reason: 审核确认\n    reviewed_by: 王管理\n", encoding="utf-8")
    result = build_site(records, dt.date.fromisoformat(FIXTURE_TODAY))
    assert "与张小明同学谈心" in ledger_section(result.files["cadres/chen-gang.md"].decode(), "2025-H2")
    assert not [f for f in result.findings if f.code == "W-SITE-001"]


def test_a_unit_without_freshman_classes_does_not_say_they_all_have_a_cadre(site, rs):
    """A department's page (党委组织部: no class at all) said 本单位 2026-2027 学年的新生班级都已有联系干部 under 未覆盖的新生班级:
    read by 学工部 as a unit whose freshman classes are all covered.  It says the unit has none that year; a college whose
    classes of the year all have a cadre still says so (the year's classes: the coverage download, the year the page names)."""
    import csv

    with open(site.public / "downloads" / "coverage.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    year = max(r["学年"] for r in rows)
    of_year = Counter(r["所属学院"] for r in rows if r["学年"] == year)
    uncovered = {r["所属学院"] for r in rows if r["学年"] == year and r["覆盖情况"] != "已覆盖"}
    said = {uid: visible(page(site, f"units/{uid}.html")) for uid in rs.units}
    names = {uid: u.get("name", uid) for uid, u in rs.units.items()}
    assert all(f"未覆盖的新生班级：{year} 学年" in text for text in said.values())
    none = [uid for uid in rs.units if not of_year[names[uid]]]
    covered = [uid for uid in rs.units if of_year[names[uid]] and names[uid] not in uncovered]
    assert none and covered  # (the demo has departments and colleges whose classes all have a cadre)
    for uid in none:
        assert f"本单位没有 {year} 学年的新生班级" in said[uid] and "新生班级都已有联系干部" not in said[uid], uid
    for uid in covered:
        assert f"本单位 {year} 学年的新生班级都已有联系干部" in said[uid], uid


def _policy_dues(site) -> dict[str, str]:
    """Each half-year's due day in the policy (H1: 06-30), as the pages say it after the year."""
    policy = yaml.safe_load((site.records / "policy.yaml").read_text(encoding="utf-8"))
    return {p["id"]: p["due"] for p in policy["ledger"]["periods"]}


def test_a_unit_s_page_says_when_its_current_period_is_due_and_who_has_not_handed_in(site):
    """A unit's reviewer reading the page before the due day saw 未到截止日 in every row of 台账情况 and no date: not
    when the period is due, nor that 未到截止日 is a ledger not yet handed in (one handed in says 按时 and its date).
    The section now says the period's due day (the policy's) and what 未到截止日 means."""
    dues = _policy_dues(site)
    seen = 0
    for unit_page in sorted((site.public / "units").glob("*.html")):
        html_page = unit_page.read_text(encoding="utf-8")
        m = re.search(r'<h2 id="(\d{4})-(h\d)"[^>]*>(.*?)</h2>(.*?)<table', html_page, re.S)
        if not m:
            continue
        seen += 1
        said = visible(m.group(4))
        due = f"{m.group(1)}-{dues[m.group(2).upper()]}"
        assert f"截止日期 {due}" in said and "“未到截止日”的干部还没有提交本期台账" in said, (unit_page.name, said)
    assert seen, "no unit page lists the current period's ledgers"


def test_a_unit_s_page_shows_the_period_just_closed_as_the_home_page_does(site):
    """学工部's walk after a deadline (2027-01-20): a unit's page gave only the current period (2027-H1, not yet
    due), and the period just closed (2026-H2: who handed in, late, never) only in its list of who is behind.  It
    now has the home page's 上一期 too — the same period — with the unit's rows of that period's 附件2 page."""
    home = page(site, "index.html")
    m = re.search(r"<h2[^>]*>上一期台账：(.*?)</h2>(.*?)(?=<h2|$)", home, re.S)
    assert m, "the home page has no 上一期"
    name = visible(m.group(1)).strip()
    [last] = set(re.findall(r'href="ledgers/(\d{4}-H\d)\.html"', m.group(2)))
    by_unit: dict[str, list] = {}
    for row in re.findall(r"<tr>(.*?)</tr>", page(site, f"ledgers/{last}.html"), re.S):
        cells = [visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        if cells:  # (no., name, unit, position, points, status, …)
            by_unit.setdefault(cells[2], []).append((cells[1], cells[5]))
    seen = 0
    for unit_page in sorted((site.public / "units").glob("*.html")):
        if unit_page.name == "index.html":
            continue
        html_page = unit_page.read_text(encoding="utf-8")
        unit = visible(re.search(r"<h1[^>]*>(.*?)</h1>", html_page, re.S).group(1)).strip()
        s = re.search(rf'<h2 id="{last.lower()}"[^>]*>(.*?)</h2>(.*?)(?=<h2|$)', html_page, re.S)
        assert s, (unit_page.name, f"no section of {last}")
        assert visible(s.group(1)).strip() == f"上一期台账：{name}（{last}）", visible(s.group(1))
        rows = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
                for r in re.findall(r"<tr>(.*?)</tr>", s.group(2), re.S)]
        rows = [(r[0], r[1]) for r in rows if r]
        assert sorted(rows) == sorted(by_unit.get(unit, [])), (unit_page.name, rows)
        assert all('href="../cadres/' in r and f'#{last}"' in r for r in re.findall(r"<tr>(.*?)</tr>", s.group(2), re.S)
                   if "查看全文" in r), unit_page.name
        seen += len(rows)
    assert seen == sum(len(v) for v in by_unit.values()) and seen, "the period's rows are not all on the unit pages"


def _md_rows(page: str, first: str) -> dict[str, list[str]]:
    """The rows of the Markdown table whose header starts with `first`, by their first cell."""
    return {cells[0].strip("*"): cells[1:] for cells in _md_table(page, first)}


def test_a_period_summary_compares_with_the_period_before_and_gives_each_unit_its_figures(tmp_path):
    # Preparing the half-year report (R7 汇总, R11 by unit, R18 梳理和总结), 学工部's head found the
    # summary page gave the university's totals of one period only: whether it was better or worse
    # than the half-year before meant opening two pages and subtracting, and each 学院's figures
    # (who owed, who was late or missing, contacts, students' problems) meant counting 附件2's rows
    records = fixture_repo(tmp_path)
    files = build_site(records, dt.date(2026, 7, 15)).files
    older = files["summary/2025-H2.md"].decode("utf-8")
    newer = files["summary/2026-H1.md"].decode("utf-8")
    # the oldest period has nothing to compare with: one column of figures, as before
    assert "| 指标 | 数值 |" in older and "上一期" not in older
    before, now = _md_rows(older, "指标"), _md_rows(newer, "指标")
    assert "与上一期（[2025年下半年](2025-H2.md)）相比：" in newer
    for label in ("应填报人数", "已提交台账", "联系学生活动（次）", "接触学生（人次）", "学生反映问题和建议（条）"):
        n, b = int(now[label][0]), int(before[label][0])
        assert now[label][1:] == [str(b), f"+{n - b}" if n > b else f"−{b - n}" if n < b else "持平"], (label, now[label])
    # 2025-H2's late ledger is in the comparison though none was late in 2026-H1
    assert before["填报状态：逾期提交"][0] == "1" and now["填报状态：逾期提交"] == ["0", "1", "−1"]
    # each unit's row, and a 合计 row that is the page's own totals
    units = _md_rows(older, "单位 | 应填报（人）")
    assert list(units) == ["计算机学院", "机械学院", "党委学生工作部", "合计"], units
    head = ["应填报（人）", "已提交（份）", "逾期提交", "未提交", "免交", "联系活动（次）", "接触学生（人次）",
            "问题和建议（条）", "其中跟进以往问题", "已解决", "至今未解决"]
    total = dict(zip(head, units["合计"]))
    assert [total[k] for k in ("应填报（人）", "已提交（份）", "联系活动（次）", "接触学生（人次）", "问题和建议（条）")] == \
        [before[k][0] for k in ("应填报人数", "已提交台账", "联系学生活动（次）", "接触学生（人次）", "学生反映问题和建议（条）")]
    for k in head:
        assert int(total[k]) == sum(int(dict(zip(head, v))[k]) for u, v in units.items() if u != "合计"), k
    late = {u for u, v in units.items() if u != "合计" and dict(zip(head, v))["逾期提交"] == "1"}
    missing = {u for u, v in units.items() if u != "合计" and dict(zip(head, v))["未提交"] == "1"}
    assert (late, missing) == ({"党委学生工作部"}, {"机械学院"})  # (陈刚 late; 机械学院's cadre filed nothing)
    # 张伟's item 已上报 in 2025-H2 was resolved by his 2026-H1 follow-up: not resolved when written, resolved today
    cs, xgb = dict(zip(head, units["计算机学院"])), dict(zip(head, units["党委学生工作部"]))
    assert (cs["问题和建议（条）"], cs["已解决"], cs["至今未解决"]) == ("2", "1", "0")
    assert (xgb["问题和建议（条）"], xgb["已解决"], xgb["至今未解决"]) == ("1", "0", "1")
    # and its download holds what the page shows (a report's table is pasted from Excel), linked from the page
    assert '<span class="print-omit">下载：[Excel](../downloads/units-2025-H2.xlsx) · [CSV](../downloads/units-2025-H2.csv)</span>' in older
    sheet = openpyxl.load_workbook(io.BytesIO(files["downloads/units-2025-H2.xlsx"])).active
    cells = [[str(c) for c in row] for row in sheet.iter_rows(values_only=True) if any(c is not None for c in row)]
    at = cells.index(["单位"] + head)
    assert {row[0]: row[1:] for row in cells[at + 1:]} == units
    csv_rows = files["downloads/units-2025-H2.csv"].decode("utf-8-sig").splitlines()
    assert csv_rows[0].split(",") == ["单位"] + head and len(csv_rows) == 1 + len(units)


def test_a_period_summary_names_who_filed_late_who_did_not_and_who_was_excused_with_the_reason(tmp_path):
    # The half-year report names the cadres who did not hand in, who were late and who were excused, and
    # why: the summary gave only their numbers; 附件2 a 豁免 without its reason (on each cadre's page)
    def excuse(records):
        (records / "exemptions.yaml").write_text(
            "exemptions:\n  - {cadre: li-na, rules: [ledger], start: 2026-01-01, end: 2026-06-30,"
            " reason: 挂职锻炼（半年）, approved_by: 王老师}\n", encoding="utf-8")

    records = fixture_repo(tmp_path, excuse)
    assert validate_records(records)[1] == []
    files = build_site(records, dt.date(2026, 7, 15)).files
    older = files["summary/2025-H2.md"].decode("utf-8")
    newer = files["summary/2026-H1.md"].decode("utf-8")
    assert _md_rows(older, "姓名") == {
        "[陈刚](../cadres/chen-gang.md#2025-H2)": ["党委学生工作部", "逾期 6 天", "—"]}
    assert _md_rows(newer, "姓名") == {
        "[李娜](../cadres/li-na.md)": ["机械学院", "豁免", "挂职锻炼（半年）（2026-01-01 至 2026-06-30，王老师批准）"]}
    # who did not file, after the due day: by unit (test_site_figures' …lists_who_has_not_filed_by_unit…)
    assert _md_rows(older, "单位 | 未提交（人）") == {"[机械学院](../units/me.md)": ["1", "[李娜](../cadres/li-na.md)"]}
    assert _md_rows(newer, "单位 | 未提交（人）") == {"[党委学生工作部](../units/xgb.md)": ["1", "[陈刚](../cadres/chen-gang.md)"]}


def test_the_summaries_page_counts_each_semester_s_cadres_who_met_the_minimum(tmp_path):
    # R5 (每学期至少深入学生当中一次): the report gives, per semester, how many cadres had to and how many did;
    # the site named only those who missed (home page) and gave each cadre's 1/1 (evaluation): counted by hand
    files = build_site(fixture_repo(tmp_path), dt.date(2026, 7, 15)).files
    page = files["summary/index.md"].decode("utf-8")
    rows = _md_rows(page, "学期")
    assert list(rows) == ["2025—2026学年第二学期", "2025—2026学年第一学期"]  # (newest first)
    for name, (required, met, missed, exempt, open_) in rows.items():
        assert int(required) == int(met) + int(missed) + int(exempt) + int(open_), name
    # its 未达标 are the home page's list of that semester
    home = files["index.md"].decode("utf-8")
    listed = Counter(cells[0] for cells in _md_table(home, "学期"))
    assert {name: int(r[2]) for name, r in rows.items()} == {name: listed[name] for name in rows}
    assert rows["2025—2026学年第一学期"] == ["3", "2", "1", "0", "0"]


def test_the_coverage_page_lists_each_unit_s_other_classes_and_clubs_with_no_cadre(tmp_path):
    # An administrator found the coverage page named only freshman classes nobody held (R2); which of a unit's other
    # classes and its clubs had no cadre (R3: the unit's choice) meant reading every unit's page for a —
    def more(records):
        (records / "classes" / "2024.yaml").write_text(
            (records / "classes" / "2024.yaml").read_text(encoding="utf-8")
            + "  - {id: cs-2024-02, name: 计算机2402班, unit: cs, major: 软件工程, headcount: 29}\n", encoding="utf-8")
    records = fixture_repo(tmp_path, more)
    assert validate_records(records)[1] == []

    def listed(day):
        page = build_site(records, day).files["coverage.md"].decode("utf-8")
        section = page.split("{ #unassigned }")[1].split("\n## ")[0]
        return _md_rows(section, "单位"), {cells[2]: cells[:2] for cells in _md_table(section, "所属单位")}

    # 2026-02-15: 李娜 still holds 机械2501班 (to 02-28), the club from 03-01; 陈刚 holds 计算机2401班
    counts, names = listed(dt.date(2026, 2, 15))
    assert names == {"计算机2402班": ["[计算机学院](units/cs.md)", "班级"],
                     "机器人协会": ["[机械学院](units/me.md)", "社团"]}
    # (计算机2502班, a freshman class nobody holds, is R2's: on the page's list of uncovered classes, not here)
    assert counts == {"[计算机学院](units/cs.md)": ["2", "1", "0", "0"], "[机械学院](units/me.md)": ["0", "0", "1", "1"],
                      "合计": ["2", "1", "1", "1"]}
    # from 03-01 the club has its cadre: it is no longer listed, nor counted
    counts, names = listed(dt.date(2026, 3, 25))
    assert list(names) == ["计算机2402班"]
    assert counts["[机械学院](units/me.md)"] == ["0", "0", "1", "0"] and counts["合计"] == ["2", "1", "1", "0"]


def _md_table(page: str, first: str) -> list[list[str]]:
    """Every row of the Markdown table whose header starts with `first`, as cells (first cell included)."""
    lines = page.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first} |"))
    out = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        out.append([c.strip() for c in line.strip("|").split("|")])
    return out


def test_a_cadre_s_page_says_when_a_ledger_not_yet_due_is_due(site):
    """A new cadre (王丽) filing her first ledger saw her period as 未到截止日 on her own page and no date: the due day
    was only on the home page and 附件2. Her row of 工作台账 now says it, as her unit's page (the policy's due day)."""
    dues = _policy_dues(site)
    seen = 0
    for cadre_page in sorted((site.public / "cadres").glob("*.html")):
        source = cadre_page.read_text(encoding="utf-8")
        table = re.search(r"<h2[^>]*>工作台账</h2>(.*?)(?=<h2[\s>]|\Z)", source, re.S)
        for tr in re.findall(r"<tr>(.*?)</tr>", table.group(1) if table else "", re.S):
            cells = [visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
            if not cells or not cells[1].startswith("未到截止日"):
                continue
            seen += 1
            year, half = cells[0][:4], cells[0][5:7]
            assert cells[1] == f"未到截止日（截止 {year}-{dues[half]}）", (cadre_page.name, cells)
    assert seen, "no cadre's page lists a ledger not yet due"


def test_a_period_of_attachment2_says_where_its_submission_dates_come_from(site):
    """Proving to an inspector who handed in when: 附件2's 提交日期 was a bare date, whether Git's (the merge into the main
    branch) or an administrator's import manifest's (records/imports/, the demo's every ledger) — check's 概况 says which
    (提交时间依据), the page said nothing, printed or not.  A period's page now says how many dates each source gave."""
    manifests = {f"records/imports/{f.name}": yaml.safe_load(f.read_text(encoding="utf-8"))
                 for f in sorted((site.records / "imports").glob("*.yaml"))}
    manifest = [e["path"] for m in manifests.values() for e in m["ledgers"]]
    [(file, whole)] = manifests.items()  # (the demo's one manifest: its file and approver said beside its dates)
    said = 0
    for p in sorted(q.stem for q in (site.public / "ledgers").glob("20*.html")):
        rows = json.loads((site.public / "downloads" / f"attachment2-{p}.json").read_text(encoding="utf-8"))["rows"]
        landed = sum(1 for r in rows if r["landed"])
        text = visible(page(site, f"ledgers/{p}.html"))
        assert "Git 记录" not in text, p  # (the demo's ledgers are all imported)
        if landed:
            assert landed == sum(1 for path in manifest if path.startswith(f"ledgers/{p}/")), p
            assert f"提交日期依据：导入清单（records/imports/）登记的日期 {landed} 份。" in text, p
            assert f"导入清单：{file}（批准导入：{whole['approved_by']}）。" in text, p
            said += 1
        else:
            assert "提交日期依据" not in text and "批准导入" not in text, p
    assert said
    # (and on a ledger's own page, beside its date: the manifest and who approved it)
    entry = whole["ledgers"][0]
    period, cadre = entry["path"].split("/")[1], entry["path"].split("/")[2].removesuffix(".yaml")
    own = re.sub(r"\s+", "", visible(ledger_section(page(site, f"cadres/{cadre}.html"), period)))
    assert f"提交日期依据导入清单{file}（批准导入：{whole['approved_by']}）" in own, own[:600]


def test_a_ledger_changed_after_it_landed_says_so_on_its_period_and_its_own_page(tmp_path):
    """An inspector compares the site with what a unit reviewer approved: 附件2 gave the date 张伟's ledger landed on the
    main branch and nothing of the two merges that changed it since (only an archived period's amendment said 已更正).
    Its row and its own page now say how many first-parent commits changed it after it landed, and when last, by the
    end of the day the site is built as of (a change after that day is not counted); 李娜's, unchanged, says nothing."""
    from tests.gitrepo import base, check_cli, commit, git as repo_git, init_repo, ledger, merge, write

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-08-20 10:00", "初始化记录")
    zhang, li = "records/ledgers/2026-H2/zhang-wei.yaml", "records/ledgers/2026-H2/li-na.yaml"
    write(repo, {zhang: ledger("zhang-wei", "2026-H2", ["2026-10-10"]),
                 li: ledger("li-na", "2026-H2", ["2026-10-12"], points=["me-2025-01"])})
    commit(repo, "2026-12-20 10:00", "台账")
    repo_git(repo, "checkout", "-q", "-b", "fix")  # (a pull request: its own commit is not main's, its merge is)
    write(repo, {zhang: ledger("zhang-wei", "2026-H2", ["2026-10-10", "2026-11-02"])})
    commit(repo, "2026-12-24 09:00", "补一次活动")
    repo_git(repo, "checkout", "-q", "main")
    merge(repo, "fix", "2026-12-25 10:00")
    write(repo, {zhang: ledger("zhang-wei", "2026-H2", ["2026-10-10", "2026-11-03"])})
    commit(repo, "2027-01-03 11:00", "改日期")
    write(repo, {zhang: ledger("zhang-wei", "2026-H2", ["2026-10-10", "2026-11-04"])})
    commit(repo, "2027-01-20 11:00", "又改日期")  # (after the day the site is built as of)
    data = json.loads(check_cli(repo / "records", "--today", "2027-01-15", "--format", "json").stdout)
    rows = {r["cadre"]: r for r in data["ledgers"] if r["period"] == "2026-H2"}
    assert (rows["zhang-wei"]["changes"], rows["zhang-wei"]["changed"]) == (2, "2027-01-03")
    assert (rows["li-na"]["changes"], rows["li-na"]["changed"]) == (0, None)

    built = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-15")
    said = "合并后修改 2 次（最近 2027-01-03）"
    period = [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
              for tr in re.findall(r"<tr>(.*?)</tr>", page(built, "ledgers/2026-H2.html"), re.S)]
    period = [r for r in period if len(r) > 3]
    assert [r for r in period if said in r[6]] == [r for r in period if "张伟" in r[1]] != []  # (under its 提交日期)
    assert not [r for r in period if "合并后修改" in "".join(r) and "张伟" not in r[1]]
    own = visible(ledger_section(page(built, "cadres/zhang-wei.html"), "2026-H2"))
    assert said in own and f"git log -p --first-parent -- {zhang}" in own
    assert "合并后修改" not in visible(ledger_section(page(built, "cadres/li-na.html"), "2026-H2"))
    # (where the unit's reviewer, who approved the version at the merge, and the cadre look: the unit's table of the
    # period and the cadre's own table of periods, the same short mark beside the date)
    def cells(rel):
        return [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
                for tr in re.findall(r"<tr>(.*?)</tr>", page(built, rel), re.S)]
    dated = [r[6] for r in period if "张伟" in r[1]]  # (its 提交日期 on 附件2, the mark under it)
    assert dated[0].startswith("2026-12-20") and dated[0].endswith(said)
    assert [r[2] for r in cells("units/cs.html") if r and r[0] == "张伟" and "2026-12-20" in "".join(r)] == dated
    assert "合并后修改" not in visible(page(built, "units/me.html"))
    history = cells("cadres/zhang-wei.html")
    assert [r[2] for r in history if r and r[0] == "2026-H2"] == dated
    assert not [r for r in history if r and r[0] == "2026-H2" and "合并后修改" in "".join(r[3:])]
    assert "合并后修改" not in visible(page(built, "cadres/li-na.html"))
    # (and in 附件2's downloads, columns an inspector filters on: the count a number, the last day a date)
    sheet = openpyxl.load_workbook(built.public / "downloads/attachment2-2026-H2.xlsx").active
    head = [c.value for c in sheet[1]]
    by_name = {r[head.index("姓名")]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    count, last = head.index("合并后修改（次）"), head.index("合并后最近修改日期")
    assert (by_name["张伟"][count], by_name["张伟"][last]) == (2, dt.datetime(2027, 1, 3))
    assert by_name["李娜"][count] == 0 and not by_name["李娜"][last]
    rows = {r["name"]: r for r in json.loads(page(built, "downloads/attachment2-2026-H2.json"))["rows"]}
    assert (rows["张伟"]["changes"], rows["张伟"]["changed"]) == (2, "2027-01-03")
    csv_text = (built.public / "downloads/attachment2-2026-H2.csv").read_text(encoding="utf-8-sig")
    assert "合并后修改（次）,合并后最近修改日期" in csv_text.splitlines()[0] and ",2,2027-01-03," in csv_text


def test_the_appraisal_says_a_counted_ledger_was_changed_after_it_landed(tmp_path):
    """The 组织部 officer rating 蔡伟民 for 2026 read "2/2" for his ledgers while 附件2 said his 2026-H2 ledger was changed
    on the main branch after it landed (合并后修改 1 次): 年度考核参考 and its download said only 已更正, an amendment after
    archiving. The cell now notes how many counted ledgers were changed after merge — on the year's page and a past
    year's (萧远涛's 2025-H2, handed in late and changed twice) —, and the download has the number in a column of its
    own next to 已更正台账; a colleague whose ledgers were not changed has nothing said and a 0."""
    from site_build import demo_repo

    records = demo_repo(tmp_path)
    repo = records.parent

    def hand_in(cadre: str, period: str, first: dt.date, when: str, students: int = 0) -> None:
        """The cadre's ledger of `period` (her 2026-H1's words, its activities from `first`), committed on `when`."""
        mine = yaml.safe_load((records / f"ledgers/2026-H1/{cadre}.yaml").read_text(encoding="utf-8"))
        mine.update(period=period, feedback=[])
        for i, a in enumerate(mine["activities"]):
            a["date"], a["students"] = first + dt.timedelta(days=i), a["students"] + students
        path = records / "ledgers" / period / f"{cadre}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(yaml.safe_dump(mine, allow_unicode=True, sort_keys=False), encoding="utf-8")
        git(repo, "add", str(path.relative_to(repo)))
        git(repo, "commit", "-q", "-m", f"{cadre} {period}", date=when)

    autumn = dt.date(2026, 10, 10)
    hand_in("cai-weimin", "2026-H2", autumn, "2026-12-20T10:00:00+08:00")  # (on time: due 12-31)
    hand_in("xiao-yuantao", "2025-H2", dt.date(2025, 10, 10), "2026-12-21T10:00:00+08:00")  # (late)
    hand_in("cai-weimin", "2026-H2", autumn, "2027-01-03T11:00:00+08:00", students=1)  # (changed after it landed)
    for day, n in (("2027-01-04", 1), ("2027-01-05", 2)):
        hand_in("xiao-yuantao", "2025-H2", dt.date(2025, 10, 10), f"{day}T11:00:00+08:00", students=n)
    built = mkdocs_build(records, tmp_path / "out", "2027-01-20")
    # (附件2 says it: the same source, History.changed)
    assert "合并后修改 1 次（最近 2027-01-03）" in visible(page(built, "ledgers/2026-H2.html"))
    assert "合并后修改 2 次（最近 2027-01-05）" in visible(page(built, "ledgers/2025-H2.html"))

    def rows(rel: str) -> dict:
        text = page(built, rel)
        return {cells[0]: cells for tr in re.findall(r"<tr>(.*?)</tr>", text, re.S)
                for cells in [[visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]] if cells}

    year, past = rows("evaluation.html"), rows("evaluation/2025.html")
    assert "2026 年度" in visible(page(built, "evaluation.html"))
    assert year["蔡伟民"][4] == "2/2（合并后修改 1 份）", year["蔡伟民"]
    assert past["萧远涛"][4] == "1/2（逾期 1 份；合并后修改 1 份）", past["萧远涛"]
    assert year["戴华慧"][4] == "1/2（未提交 1 份）", year["戴华慧"]
    assert [n for n, r in year.items() if "合并后修改" in "".join(r)] == ["蔡伟民"]
    assert [n for n, r in past.items() if "合并后修改" in "".join(r)] == ["萧远涛"]
    assert "合并进主分支后又被改过的注“合并后修改 N 份”" in visible(page(built, "evaluation/2025.html"))  # (the note says it)
    sheet = openpyxl.load_workbook(built.public / "downloads/evaluation.xlsx").active
    table = list(sheet.iter_rows(values_only=True))
    head = list(table[0])
    assert head[head.index("已更正台账") + 1] == "合并后修改台账"
    by = {(r[head.index("年度")], r[head.index("姓名")]): r[head.index("合并后修改台账")] for r in table[1:]}
    assert by[(2026, "蔡伟民")] == 1 == by[(2025, "萧远涛")]
    assert by[(2026, "戴华慧")] == 0 == by[(2025, "蔡伟民")] == by[(2026, "萧远涛")]
    csv_text = (built.public / "downloads/evaluation.csv").read_text(encoding="utf-8-sig")
    assert ",已更正台账,合并后修改台账," in csv_text.splitlines()[0]


def test_an_academic_year_s_summary_says_which_of_its_halves_are_archived(tmp_path):
    # 2025年下半年 archived (R8): its own 工作总结 says in a note that its figures are the manifest's; the year's page,
    # which adds them up, said nothing of it — a figure read there could not be told from one still open to change
    from test_site_archive import _archive

    records = fixture_repo(tmp_path, _archive)
    page = build_site(records, dt.date(2026, 7, 15)).files["summary/2025-2026.md"].decode("utf-8")
    assert ('!!! note "已备案"\n    2025年下半年已于 **2026-01-20** 备案：应填报人数、已提交台账和填报状态取自备案清单 '
            '`records/archive/2025-H2.yaml`。\n') in page
    assert "2026年上半年已于" not in page


def _first_cycle_from_january(records):
    """The university begins in 2026: its cadres' contact points from 2026-01-05, no ledger of 2025-H2 (none owed)."""
    for led in (records / "ledgers" / "2025-H2").glob("*.yaml"):
        led.unlink()
    led = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"  # (its follow-up of 2025-H2's item: an item of its own)
    led.write_text(led.read_text(encoding="utf-8").replace("    follows: 2025h2-zhang-wei-1\n", ""), encoding="utf-8")
    path = records / "assignments" / "2025-2027.yaml"
    head, rows = path.read_text(encoding="utf-8").split("assignments:\n")
    path.write_text(head + "assignments:\n" + rows.replace('start: "2025-09-01"', 'start: "2026-01-05"'), encoding="utf-8")


def test_an_academic_year_whose_first_half_is_not_on_the_site_says_what_is_known_of_it(tmp_path):
    # A university beginning in January: 2025-2026 学年's page has 2026年上半年 only. It said 2025年下半年尚未开始 in July
    # (a half gone by, with nothing owed in it), and no word of the year's freshman classes nor of its first semester,
    # which the coverage page and the summaries' index count — the sentences came from the halves on the site only
    records = fixture_repo(tmp_path, _first_cycle_from_january)
    assert validate_records(records)[1] == []
    files = build_site(records, dt.date(2026, 7, 15)).files
    assert "summary/2025-H2.md" not in files
    page = files["summary/2025-2026.md"].decode("utf-8")
    assert "尚未开始" not in page and "2025年下半年没有应填报的台账，也没有提交的台账" in page
    uncovered = {r[2] for r in _md_table(files["coverage.md"].decode("utf-8"), "学年") if r[0] == "2025-2026"}
    said = re.search(r"新生班级覆盖（本学年）：2025-2026 学年新生班级 3 个，已有联系干部 (\d) 个，未覆盖 (\d) 个[：。]", page)
    assert said and int(said.group(2)) == len(uncovered) > 0 and all(name in page for name in uncovered), page
    index = _md_rows(files["summary/index.md"].decode("utf-8"), "学期")
    assert "2025—2026学年第一学期" in index and "每学期联系学生（本学年的学期）：2025—2026学年第一学期" in page


def test_an_academic_year_s_two_archived_halves_are_said_one_paragraph_each(tmp_path):
    from test_site_archive import _archive

    def both(records):
        _archive(records)
        manifest = (records / "archive" / "2025-H2.yaml").read_text(encoding="utf-8")
        (records / "archive" / "2026-H1.yaml").write_text(manifest.replace("2025-H2", "2026-H1").replace(
            "2025年下半年", "2026年上半年").replace('archived_on: "2026-01-20"', 'archived_on: "2026-07-10"'), encoding="utf-8")

    page = build_site(fixture_repo(tmp_path, both), dt.date(2026, 7, 15)).files["summary/2025-2026.md"].decode("utf-8")
    assert ("`records/archive/2025-H2.yaml`。\n\n    2026年上半年已于 **2026-07-10** 备案：应填报人数、已提交台账和填报状态取自"
            "备案清单 `records/archive/2026-H1.yaml`。\n") in page
