"""The published site in a real browser (Debian's chromium, headless, driven by Playwright):
pages of each kind, sorting, filtering, Chinese search, no console error, no request leaving
the site, printing Attachment 1 to an A4 PDF."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from playwright.sync_api import sync_playwright

from generator.pipeline import validate_records
from generator.surnames import AMBIGUOUS, COMPOUNDS
from site_build import FIXTURE_TODAY, built_site, demo_repo, fixture_repo, mkdocs_build

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = built_site(tmp_path_factory)
    handler = functools.partial(_Quiet, directory=str(site.public))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, served):
    """A page that records console errors and every request; requests elsewhere are refused."""
    _, base = served
    origin = urlparse(base).netloc
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.errors, pg.outside = [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))

    def route(r):
        url = urlparse(r.request.url)
        if url.scheme in ("http", "https") and url.netloc != origin:
            pg.outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    pg.route("**/*", route)
    yield pg
    ctx.close()


def _kinds(site):
    rs = validate_records(site.records)[0]
    period, cadre = sorted(rs.ledgers)[0]
    # a year's page of the feedback board, and the oldest year's evaluation page (the newest is evaluation.html)
    year = min(str(fb["raised_on"])[:4] for led in rs.ledgers.values() for fb in led.get("feedback") or []
               if not fb.get("follows"))
    # the oldest year's typical cases and the oldest academic year's freshman classes (pages of their own)
    oldest_coverage = sorted((site.public / "coverage").glob("*.html"))[0].name
    # (the board has a page a half-year; a year's page, feedback/<year>, lists its halves)
    half = min(p.name for p in (site.public / "feedback").glob("*-*.html"))
    return [f"feedback/{year}.html", f"feedback/{half}", f"evaluation/{period[:4]}.html", f"cases/{period[:4]}.html",
            f"coverage/{oldest_coverage}", "index.html", "attachment1.html",
            "coverage.html", "ledgers/index.html", f"ledgers/{period}.html", f"cadres/{cadre}.html",
            f"units/{rs.cadres[cadre].get('unit')}.html", "feedback.html", "cases.html", "evaluation.html", f"summary/{period}.html", "findings.html",
            "reference/fields.html", "downloads.html"], rs


def test_every_kind_of_page_opens_cleanly(page, served):
    site, base = served
    kinds, _ = _kinds(site)
    for rel in kinds:
        response = page.goto(base + rel)
        assert response.ok, rel
        assert page.locator("article h1").first.inner_text().strip(), rel
    page.wait_for_load_state("networkidle")
    assert page.errors == []
    assert page.outside == []


def test_a_ledger_opens_as_a_section_of_its_cadre_page(page, served):
    """附件2 → a period → 查看全文 lands on the cadre's page, scrolled to that period's ledger in full."""
    site, base = served
    _, rs = _kinds(site)
    period, cadre = sorted(rs.ledgers)[-1]
    page.goto(base + f"ledgers/{period}.html")
    row = page.locator("article table tbody tr", has_text=rs.cadres[cadre].get("name")).first
    row.get_by_role("link", name="查看全文").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"cadres/{cadre}.html#{period}")
    heading = page.locator(f"article h2[id='{period}']")
    assert heading.is_visible() and period in heading.inner_text()
    section = page.locator(f"article h2[id='{period}'] + .ledger-body")
    text = section.inner_text()
    led = rs.ledgers[(period, cadre)]
    for a in led.get("activities") or []:
        assert a["date"] in text
    assert page.errors == [] and page.outside == []


def test_home_shows_the_period_at_a_glance(page, served):
    site, base = served
    page.goto(base)
    text = page.locator("article").inner_text()
    for words in ("本期台账", "新生班级覆盖", "学期联系学生活动", "学生反映问题"):  # (上一学期… in a holiday)
        assert words in text
    assert page.locator("article svg.chart").count() >= 2
    with page.expect_download() as dl:
        page.get_by_role("link", name="下载附件1（Excel）").click()
    assert dl.value.suggested_filename == "attachment1.xlsx"


def test_a_chart_s_numbers_are_read_out_not_only_drawn(page, served):
    # A chart (inline SVG, role img) was named by its title only: a screen reader said 联系方式（次） and none of its
    # bars — the 工作总结's forms, places, channels, categories and statuses are in no table, only in the drawing
    site, base = served
    for rel in sorted((site.public / "summary").glob("20*.html"), reverse=True):
        page.goto(base + f"summary/{rel.name}")
        chart = page.locator('svg.chart-wide[aria-label^="联系方式（次）"]')
        if chart.count():
            break
    drawn = chart.first.locator("text").all_text_contents()[1:]  # (after its title: each bar's label, then its number)
    said = "联系方式（次）：" + "，".join(f"{drawn[i]} {drawn[i + 1]}" for i in range(0, len(drawn), 2))
    assert len(drawn) >= 2 and page.get_by_role("img", name=said, exact=True).first.is_visible(), said


def test_an_academic_year_s_summary_draws_its_charts_read_out_as_a_half_year_s(page, served):
    # The year's page had no chart (its report's pictures were the half-years', added up by hand): it draws the halves'
    # added up, each named with its numbers for a screen reader as a half's are
    site, base = served
    page.goto(base + "summary/2025-2026.html")
    chart = page.locator('svg.chart-wide[aria-label^="问题办理状态（条）"]')
    drawn = chart.first.locator("text").all_text_contents()[1:]
    said = "问题办理状态（条）：" + "，".join(f"{drawn[i]} {drawn[i + 1]}" for i in range(0, len(drawn), 2))
    assert len(drawn) >= 4 and page.get_by_role("img", name=said, exact=True).first.is_visible(), said
    assert page.locator("article svg.chart-wide").count() == 6  # (printed: …opens_from_the_index_and_prints_on_a4)


def test_a_chart_saves_as_a_picture_for_the_report_and_copies_without_its_link(page, served):
    # The 学工部 officer pasting the 工作总结's charts into the report: an inline SVG has no 图片另存为 in the browser's
    # menu, so a chart could only be photographed from the screen.  Under each chart a link saves it as a PNG (drawn
    # in the page, offline), the link's words left out of a selection copied and of the printout
    site, base = served
    rel = max(p.name for p in (site.public / "summary").glob("20*.html") if "联系方式（次）" in p.read_text("utf-8"))
    page.goto(base + f"summary/{rel}")
    page.wait_for_load_state("networkidle")
    with page.expect_download() as dl:
        page.get_by_role("link", name="保存图表为图片（PNG）").nth(3).click()  # (填报情况, 联系形式, 联系场所, 联系方式)
    assert dl.value.suggested_filename == page.locator("article h1").inner_text().strip() + " 联系方式（次）.png"
    png = Path(dl.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") >= 400  # (its width: twice the chart's)
    copied = page.evaluate("""() => { const s = getSelection(); s.selectAllChildren(document.querySelector("article"));
                                      return s.toString(); }""")
    assert "联系方式（次）" in copied and "保存图表" not in copied
    page.emulate_media(media="print")
    assert "保存图表" not in page.locator("article").inner_text()


def test_sort_and_filter_a_table(page, served):
    site, base = served
    _, rs = _kinds(site)
    page.goto(base + "cadres/index.html")
    table = page.locator("article table").first
    names = lambda: [c.strip() for c in table.locator("tbody tr:not([hidden]) td:nth-child(1)").all_inner_texts()]
    header = table.locator("thead th", has_text="姓名")
    header.click()
    first = names()
    header.click()
    second = names()
    assert len(first) == len(rs.cadres) and second == list(reversed(first)) and first != second or len(first) == 1
    # the text filter narrows the rows to the cadre typed
    target = rs.cadres[sorted(rs.cadres)[0]].get("name")
    page.get_by_role("searchbox", name="筛选表格").fill(target)
    assert names() == [n for n in first if target in n]
    assert "显示" in page.locator(".table-tools .count").first.inner_text()
    # a drop-down filter on the feedback board's page for a half-year (its link on the board): one status at a time
    page.goto(base + "feedback.html")
    page.get_by_role("link", name=re.compile(r"^\d{4}年[上下]半年$")).first.click()
    page.wait_for_url(re.compile(r"/feedback/\d{4}-H\d\.html$"))
    select = page.get_by_role("combobox", name="当前状态")
    options = [o for o in select.locator("option").all_inner_texts() if "全部" not in o]
    assert options
    select.select_option(options[0])
    board = page.locator("article table").last
    column = [h.strip() for h in board.locator("thead th").all_inner_texts()].index("当前状态") + 1
    statuses = board.locator(f"tbody tr:not([hidden]) td:nth-child({column})").all_inner_texts()
    assert statuses and all(options[0] in s for s in statuses)


def _search(page, base, words):
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(words)
    box.press("End")  # Material reads the query on key events
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    return page.locator(".md-search-result__item > a")


def test_chinese_search_lands_on_the_right_page(page, served):
    site, base = served
    results = _search(page, base, "班会")
    first = results.first
    # the query is the word 班会, not its first character (班* would find 班级, 班导师 …)
    queries = {parse_qs(urlparse(a.get_attribute("href")).query).get("h", [""])[0] for a in results.all()}
    assert queries - {""} == {"班会"}
    marks = [m for m in page.locator(".md-search-result__item mark").all_inner_texts() if m]
    assert marks and all(m.startswith("班会") for m in marks), marks
    shown = page.locator(".md-search-result__item h1, .md-search-result__item h2, "
                         ".md-search-result__item p").all_inner_texts()
    assert shown and not [t for t in shown if "\u200b" in t]  # no stray zero-width characters
    # the FIRST result is a page with 班会 on it, and clicking it opens that page
    first.click()
    page.wait_for_load_state("networkidle")
    assert "班会" in page.locator("article").inner_text()
    assert page.errors == [] and page.outside == []


def test_search_keeps_domain_words_whole(page, served):
    """键对键 (a contact channel, kept whole by the jieba user dictionary) and 主题班会 (主题 + 班会)."""
    site, base = served
    results = _search(page, base, "键对键")
    assert set(page.locator(".md-search-result__item mark").all_inner_texts()) - {""} == {"键对键"}
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert "键对键" in page.locator("article").inner_text()
    results = _search(page, base, "主题班会")
    marks = set(page.locator(".md-search-result__item mark").all_inner_texts()) - {""}
    assert marks and marks <= {"主题", "班会", "主题班会"}
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert "主题班会" in page.locator("article").inner_text()


def test_a_class_is_found_by_its_name_as_written(page, served):
    """冶金2601班 as the site writes it (Han, digits, Han): the query was one token the index
    did not hold (it holds 冶金 2601 班), and nothing was found."""
    site, base = served
    rs, _ = validate_records(site.records)
    name = next(c.get("name") for _, c in sorted(rs.classes.items()) if re.search(r"[0-9]", c.get("name", "")))
    results = _search(page, base, name)
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert name in page.locator("article").inner_text()
    assert page.errors == [] and page.outside == []


def test_a_search_for_a_cadre_or_a_period_lists_its_page_not_every_ledger(page, served):
    """A cadre's name finds the cadre's page first; a search for 工作台账 or a period lists the
    period pages of 附件2, not the ledgers' headings on every cadre's page (left out of the index)."""
    site, base = served
    rs, _ = validate_records(site.records)
    cid, cadre = sorted(rs.cadres.items())[0]
    results = _search(page, base, cadre.get("name"))
    assert urlparse(results.first.get_attribute("href")).path.endswith(f"/cadres/{cid}.html")
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text() == cadre.get("name")
    assert page.locator("article h2.ledger-head").count() == sum(1 for _, c in rs.ledgers if c == cid)
    for words in ("工作台账", max(p for p, _ in rs.ledgers)):
        hrefs = [urlparse(a.get_attribute("href")) for a in _search(page, base, words).all()]
        assert any(h.path.endswith(f"/ledgers/{max(p for p, _ in rs.ledgers)}.html") for h in hrefs), words
        assert not [h for h in hrefs if "/cadres/" in h.path], words
    assert page.errors == [] and page.outside == []


_STYLES = """(i) => {
  const keys = ["display", "font-size", "padding-top", "padding-left", "border-top", "border-left", "border-radius",
                "vertical-align", "text-align", "min-width", "background-color", "font-weight", "max-width", "overflow-x"];
  const of = el => { const cs = getComputedStyle(el); return Object.fromEntries(keys.map(k => [k, cs.getPropertyValue(k)])); };
  const t = document.querySelectorAll("article table")[i];
  return [t.className, of(t), of(t.tHead.rows[0].cells[0]), of(t.tBodies[0].rows[0].cells[0])];
}"""


@pytest.mark.parametrize("media", ["screen", "print"])
def test_tables_come_wrapped_as_the_theme_wraps_them_and_look_as_its_own(page, served, media):
    """Each table is written inside the theme's two wrappers (generator/site/table_markup.py), so
    the theme's script need not move it when the page opens (a relayout of the whole table); it
    looks exactly as a table the theme styles itself (a copy without the class, put beside it)."""
    site, base = served
    page.emulate_media(media=media)
    page.goto(base + "attachment1.html")  # (its tables as the theme's; a feedback thread's are narrowed on screen)
    page.wait_for_load_state("networkidle")
    n = page.locator("article table").count()
    assert n >= 1 and page.locator("article table:not(.data-table)").count() == 0
    shape = page.eval_on_selector_all("article table", """els => els.map(t => [t.parentElement.className,
        t.parentElement.parentElement.className, !!t.closest('.md-typeset__scrollwrap').parentElement.closest('.md-typeset__scrollwrap')])""")
    assert shape == [["md-typeset__table", "md-typeset__scrollwrap", False]] * n  # (wrapped once, not again)
    page.evaluate("""() => {  // the theme's own: a copy without the class, in a copy of the wrappers, after the first
      const table = document.querySelector("article table"), wrap = table.parentElement.parentElement;
      const outer = wrap.cloneNode(false), inner = table.parentElement.cloneNode(false), own = table.cloneNode(true);
      own.removeAttribute("class");
      inner.appendChild(own); outer.appendChild(inner); wrap.after(outer);
    }""")
    ours, theirs = page.evaluate(_STYLES, 0), page.evaluate(_STYLES, 1)
    assert (ours[0], theirs[0]) == ("data-table", "")
    # (but a header as wide as its words: test_a_table_s_columns_are_as_wide_as_their_words, and on paper
    # test_a_name_printed_on_a4_wraps_only_where_its_column_cannot_hold_it)
    assert ours[2]["min-width"] == "0px" and theirs[2]["min-width"] == "100px", (ours[2], theirs[2])  # (5rem)
    ours[2]["min-width"] = theirs[2]["min-width"]
    if media == "screen":  # (…and on screen a cell .75em each side, not the theme's 1.25em: 附件1 and a period of 附件2
        for i in (2, 3):   # fit at 1,280 px with names of 20 characters, test_site_long_names)
            px = [float(x[i]["padding-left"].removesuffix("px")) for x in (ours, theirs)]
            assert px[0] == pytest.approx(px[1] * .75 / 1.25), (ours[i], theirs[i])
            ours[i]["padding-left"] = theirs[i]["padding-left"]
    assert ours[1:] == theirs[1:]
    assert ours[3]["padding-top"] != "0px"  # (a styled table: not two unstyled ones alike)


# The width of an A4 landscape page inside the site's @page margins (297 mm - 2 x 10 mm), in CSS px.
A4_LANDSCAPE_CONTENT_PX = round(277 / 25.4 * 96)


@pytest.mark.parametrize("media", ["screen", "print", "phone"])
def test_a_feedback_thread_reads_in_lines_and_names_stay_whole(page, served, media):
    """In the tables whose last column is a feedback thread (经过), on screen, on A4 and on a
    phone: the thread is the widest column (the theme's 5rem for every header squeezed it into a
    few characters a line; on paper, where it should have a third of the width at least, the ten
    columns came out alike and the demo's 2024 board printed 56 A4 pages; on a phone it had five
    characters a line and a row of a cadre's page was 1,130 px tall) and a cadre's name is on one
    line."""
    site, base = served
    year = min(p.name for p in (site.public / "feedback").glob("*-*.html"))  # (a half-year's page)
    if media == "print":
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    if media == "phone":
        page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base + f"feedback/{year}")
    page.wait_for_load_state("networkidle")
    widths = page.eval_on_selector("article .thread-table table", "t => Array.from(t.tHead.rows[0].cells, c => c.getBoundingClientRect().width)")
    assert len(widths) >= 4 and widths[-1] == max(widths) and widths[-1] > 1.2 * sorted(widths)[-2], widths
    if media == "print":  # the page's width, shared out: it had 14 %, six characters a line
        assert widths[-1] > sum(widths) / 3, widths
    em = page.eval_on_selector("article .thread-table tbody td:last-child", "td => parseFloat(getComputedStyle(td).fontSize)")
    assert widths[-1] >= 15 * em, (widths, em)  # fifteen characters a line at least
    column = [h.strip() for h in page.locator("article .thread-table thead th").all_inner_texts()].index("干部") + 1
    name = page.locator(f"article .thread-table tbody tr td:nth-child({column}) a").first
    lines = name.evaluate("a => a.getClientRects().length > 1 ? a.getClientRects().length : Math.round(a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight))")
    assert lines == 1, name.inner_text()


def _printed(page, served, other: str, media: str = "print"):
    """The page of a cadre with feedback, then `other`, each opened as printed on A4 landscape
    (or, media "screen", as the page's viewport shows it)."""
    site, base = served
    rs = validate_records(site.records)[0]
    cadre = next(c for (_, c), led in sorted(rs.ledgers.items()) if led.get("feedback"))
    if media == "print":
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    for rel in (f"cadres/{cadre}.html", other):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        yield rel


def _id_lines(page) -> list:
    """[id, lines it takes] of each feedback item's id: the first column (编号) of each table of feedback
    threads, and of a ledger's table of feedback."""
    return page.eval_on_selector_all("article .thread-table table, article .ledger-body table", """ts => ts
        .filter(t => t.tHead.rows[0].cells[0].textContent.trim() === "编号")
        .flatMap(t => Array.from(t.tBodies[0].rows, tr => tr.cells[0])).map(td => {
        const r = document.createRange(); r.selectNodeContents(td);
        const tops = new Set(Array.from(r.getClientRects(), x => Math.round(x.top)));
        return [td.textContent.trim(), tops.size]; })""")


def test_a_feedback_item_s_id_prints_on_one_line(page, served):
    """A cadre's page printed on A4 (and the board of overdue items) broke an item's id at its
    hyphens, 2023h2-cai-weimin- on one line and 1 on the next: read as two ids, the second a number.
    Printed, the ids, first column of every table of feedback threads, are kept whole."""
    for rel in _printed(page, served, "feedback.html"):
        lines = _id_lines(page)
        assert lines, rel
        assert [t for t, n in lines if n != 1] == [], rel
        if rel.startswith("cadres/"):  # (a ledger's own table of feedback, in its section, as well)
            assert page.locator("article .ledger-body td", has_text=lines[-1][0]).count() > 0


@pytest.mark.parametrize("width", [375, 1280])
def test_a_feedback_item_s_id_is_on_one_line_on_screen(page, served, width):
    """On screen too (a phone's 375 px and a desktop's 1280 px) a cadre's page and the board of overdue
    items broke an item's id at its hyphens, 2023h2-cai-weimin- over 1, read as two ids; kept whole now
    (and the thread still the widest column: test_a_feedback_thread_reads_in_lines_and_names_stay_whole)."""
    site, base = served
    rs = validate_records(site.records)[0]
    cadre = next(c for (_, c), led in sorted(rs.ledgers.items()) if led.get("feedback"))
    page.set_viewport_size({"width": width, "height": 740})
    for rel in (f"cadres/{cadre}.html", "feedback.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        lines = _id_lines(page)
        assert lines, rel
        assert [t for t, n in lines if n != 1] == [], (rel, width)


def test_a_table_s_head_prints_as_tall_as_its_words(page, served):
    """Printed, the head row of a cadre page's tables was two lines tall for one line of words (the
    theme's sort icon, an empty box 1.2 em square after each header, kept its place on paper and
    wrapped under 编号): a blank band under every head, on every page it repeats. It prints no icon."""
    for rel in _printed(page, served, "index.html"):
        tall = page.eval_on_selector_all("article table thead tr", _TALL_HEADS)
        assert tall == [], (rel, tall[:4])


# [headers, height of their words, of the row inside its padding] of each head row taller than its words
_TALL_HEADS = """trs => trs.filter(tr => tr.getClientRects().length).map(tr => {
    const ths = Array.from(tr.cells).filter(th => th.getClientRects().length);
    const words = Math.max(...ths.map(th => { const r = document.createRange(); r.selectNodeContents(th);
        const rects = Array.from(r.getClientRects()); return Math.max(...rects.map(x => x.bottom)) - Math.min(...rects.map(x => x.top)); }));
    const cs = getComputedStyle(ths[0]);
    const inner = tr.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) - 2;
    return [ths.map(th => th.textContent.trim()).join(","), Math.round(words), Math.round(inner)]; }).filter(([t, w, h]) => h > w * 1.5)"""


@pytest.mark.parametrize("width", [1280, 390])
def test_a_table_s_head_on_screen_is_one_line_of_words(page, served, width):
    """On screen the head rows of 附件1, a period of 附件2, the periods' list, the board of overdue items and a
    cadre's tables were a line (20 px) taller than their words: the theme's sort arrow (1.2em, seen only on hover
    or sorted) stood after the words and, the column no wider than they, went to a line of its own; and
    学生反映（条）broke before （条）.  Each head row is one line of whole words, and the arrow still shows a sorted
    column's direction beside its header.  (On a phone the tables of threads and of activities keep their
    narrow cells and the arrow under a header: left out there.)"""
    site, base = served
    rs = validate_records(site.records)[0]
    cadre = next(c for (_, c), led in sorted(rs.ledgers.items()) if led.get("feedback") and led.get("activities"))
    period = max(p for p, _ in rs.ledgers)
    page.set_viewport_size({"width": width, "height": 900})
    skip = "" if width > 720 else ":not(.thread-table *):not(.activity-table *)"
    tall = {}
    for rel in ("attachment1.html", f"ledgers/{period}.html", "ledgers/index.html", "feedback.html", f"cadres/{cadre}.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        tall[rel] = page.eval_on_selector_all(f"article table{skip} thead tr", _TALL_HEADS)[:3]
    assert {rel: t for rel, t in tall.items() if t} == {}, width
    header = page.locator("article table").first.locator("thead th").first
    header.click()
    box, arrow = header.evaluate("""th => { const r = th.getBoundingClientRect(), a = getComputedStyle(th, "::after");
        return [[r.left, r.right], [a.display, a.width, a.getPropertyValue("mask-image") || a.getPropertyValue("-webkit-mask-image")]]; }""")
    assert arrow[0] != "none" and arrow[1] != "0px" and "url(" in arrow[2], arrow


def test_attachment1_prints_to_a4_landscape_pdf(page, served):
    site, base = served
    page.goto(base + "attachment1.html")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".print-head").first.is_visible()
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 1


def _printed_text(page):
    """The words a printout holds: the article's text as laid out under print media (what is hidden is not in it)."""
    return page.locator("article").inner_text()


@pytest.mark.parametrize("kind", ["summary", "period", "attachment1", "coverage", "feedback", "evaluation", "unit", "cadre"])
def test_a_printed_page_says_whose_it_is_of_which_half_year_and_as_of_which_day(page, served, kind):
    """The pages the 学工部 prints for the party committee's meeting after a half-year's deadline — a period's 工作总结, its
    附件2, 附件1, 新生班级覆盖, the feedback board, 年度考核参考, a unit's and a cadre's page — say on paper whose they are (the institution), of which half-year, and as of which day:
    printed, 工作总结 had no heading above its title and no date, 附件2 its heading but no date, so a printout of
    “未提交 76” could not tell which day it was true of (the site's day, --today / LEDGER_TODAY, not the printing's)."""
    site, base = served
    day = site.today or re.search(r"数据截至 (?:<strong>)?(\d{4}-\d\d-\d\d)", (site.public / "index.html").read_text("utf-8")).group(1)
    periods = sorted(p.stem for p in (site.public / "summary").glob("20*.html"))
    rel = {"summary": f"summary/{periods[-1]}.html", "period": f"ledgers/{periods[-1]}.html",
           "attachment1": "attachment1.html", "coverage": "coverage.html", "feedback": "feedback.html",
           "evaluation": "evaluation.html"}.get(kind)
    if kind in ("unit", "cadre"):  # (a unit's 本期 counts and its ledgers not handed in; a cadre's 各期填报情况)
        rel = f"{kind}s/" + sorted(p.name for p in (site.public / f"{kind}s").glob("*.html") if p.name != "index.html")[0]
    page.goto(base + rel)
    page.emulate_media(media="print")
    head = page.locator(".print-head").first
    assert head.is_visible(), rel
    institution = validate_records(site.records)[0].setting("institution", "name", default="")
    assert institution and institution in head.inner_text(), head.inner_text()
    if kind in ("summary", "period"):  # the half-year's name, as the page's title writes it (2026年上半年)
        half = re.search(r"\d{4}年[上下]半年", page.locator("h1").inner_text()).group(0)
        assert half in head.inner_text(), head.inner_text()
    assert f"数据截至 {day}" in _printed_text(page), rel  # (the home page's day: the site's)
    # (…in place of the page's title, printed above it and saying its words again; an attachment's number, its first line)
    assert not page.locator("article h1").first.is_visible(), rel
    if kind in ("period", "attachment1"):
        assert head.inner_text().startswith("附件2" if kind == "period" else "附件1"), head.inner_text()
    if kind == "cadre":  # (each ledger's print heading, on a page of its own, in place of its heading: with its half-year)
        ledgers = page.locator("article h2.ledger-head").all()
        assert ledgers and not [h for h in ledgers if h.is_visible()], rel
        assert [re.search(r"\d{4}年[上下]半年", t) is not None for t in
                page.locator("article .ledger-body .print-head").all_inner_texts()] == [True] * len(ledgers), rel
    page.emulate_media(media="screen")  # (on screen the heading is the page's own title: shown once)
    assert not head.is_visible() and page.locator("article h1").first.is_visible()


def test_a_table_filter_reached_with_the_keyboard_shows_it_has_the_focus(page, served):
    """Tab to a table's filter box: it is outlined (the theme's input{outline:none} left it
    looking as it did unfocused, so a keyboard user could not tell where typing would go)."""
    site, base = served
    page.goto(base + "cadres/index.html")
    page.wait_for_load_state("networkidle")
    box = page.get_by_role("searchbox", name="筛选表格")
    look = "e => { const cs = getComputedStyle(e); return [cs.outlineStyle, cs.outlineWidth, cs.borderTopColor, cs.boxShadow]; }"
    unfocused = box.evaluate(look)
    for _ in range(60):
        page.keyboard.press("Tab")
        if box.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("the filter box is not reached with the Tab key")
    outline, width, *_ = focused = box.evaluate(look)
    assert focused != unfocused and outline != "none" and float(width.removesuffix("px")) >= 1, focused


@pytest.mark.parametrize("width", [375, 1280])
def test_a_table_filter_shows_its_hint_whole(page, served, width):
    """The filter box's hint (筛选：输入姓名、单位、关键词…) fits in the box, on a phone too
    (the box was 14em, and the hint was cut at 关)."""
    site, base = served
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(base + "cadres/index.html")
    page.wait_for_load_state("networkidle")
    box = page.get_by_role("searchbox", name="筛选表格")
    hint, room = box.evaluate("""e => { const cs = getComputedStyle(e), c = document.createElement("canvas").getContext("2d");
      c.font = cs.fontWeight + " " + cs.fontSize + " " + cs.fontFamily;
      return [c.measureText(e.placeholder).width, e.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)]; }""")
    assert hint <= room, (hint, room)
    assert box.evaluate("e => e.getBoundingClientRect().right <= document.documentElement.clientWidth")


def test_a_filtered_table_prints_the_rows_shown_and_says_it_is_filtered(page, served):
    """Filter the cadres to one and print: the printout has that row, under a line saying what the
    filter was (print showed every row again, whatever the reader had filtered to)."""
    site, base = served
    _, rs = _kinds(site)
    page.goto(base + "cadres/index.html")
    page.wait_for_load_state("networkidle")
    table = page.locator("article table").first
    target = rs.cadres[sorted(rs.cadres)[0]].get("name")
    page.get_by_role("searchbox", name="筛选表格").fill(target)
    note = page.locator(".filter-note").first
    assert not note.is_visible()  # (on screen the tools say it)
    page.emulate_media(media="print")
    shown = ("t => Array.from(t.tBodies[0].rows).filter(r => getComputedStyle(r).display !== 'none')"
             ".map(r => r.cells[0].textContent.trim())")
    printed = table.evaluate(shown)
    assert printed and all(target in n for n in printed), printed
    assert note.is_visible() and f"“{target}”" in note.inner_text() and f"/ {len(rs.cadres)} 行" in note.inner_text()
    # cleared, the whole table prints without the note
    page.emulate_media(media="screen")
    page.get_by_role("searchbox", name="筛选表格").fill("")
    page.emulate_media(media="print")
    assert len(table.evaluate(shown)) == len(rs.cadres)
    assert not note.is_visible()


def test_a_column_of_links_only_is_left_out_of_a_printout(page, served):
    """A period's ledgers: the 台账 column (查看全文 on every row) is a column of words that lead
    nowhere on paper; printed, it is left out, and the columns of names and units (links too) stay."""
    site, base = served
    period = next(p.name for p in sorted((site.public / "ledgers").glob("*.html"))
                  if "查看全文" in p.read_text(encoding="utf-8") and "—</td>" in p.read_text(encoding="utf-8"))
    page.goto(base + "ledgers/" + period)
    page.wait_for_load_state("networkidle")
    table = page.locator("article table", has=page.locator("th", has_text="填报状态")).first
    shown = "t => Array.from(t.tHead.rows[0].cells).filter(c => getComputedStyle(c).display !== 'none').map(c => c.textContent.trim())"
    on_screen = table.evaluate(shown)
    assert "台账" in on_screen and "姓名" in on_screen
    page.emulate_media(media="print")
    printed = table.evaluate(shown)
    assert printed == [h for h in on_screen if h != "台账"], printed
    cells = table.evaluate("t => Array.from(t.tBodies[0].rows).map(r => Array.from(r.cells).filter(c => getComputedStyle(c).display !== 'none').length)")
    assert set(cells) == {len(printed)}


def test_a_column_of_ledgers_nobody_has_handed_in_yet_is_left_out_of_a_printout(page, served):
    """The period not yet due (nobody has handed in: every 台账 cell a dash) printed its 台账 column, a column of dashes —
    as a unit's 本期 table did: a column of links is left out on paper, one with no link yet was not.  Printed, neither
    has it; on screen both do."""
    site, base = served
    shown = "t => Array.from(t.tHead.rows[0].cells).filter(c => getComputedStyle(c).display !== 'none').map(c => c.textContent.trim())"
    blank = [p for p in sorted((site.public / "ledgers").glob("20*.html")) if "查看全文" not in p.read_text(encoding="utf-8")]
    units = sorted(p for p in (site.public / "units").glob("*.html") if p.name != "index.html")
    if not blank:
        pytest.skip("every period has a ledger handed in")
    for rel in [f"ledgers/{blank[0].name}", f"units/{units[0].name}"]:
        page.emulate_media(media="screen")
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        table = page.locator("article table", has=page.locator("th", has_text="填报状态")).first
        on_screen = table.evaluate(shown)
        cells = table.evaluate("t => Array.from(t.tBodies[0].rows, r => r.cells[r.cells.length - 1].textContent.trim())")
        assert on_screen[-1] == "台账" and set(cells) == {"—"}, (rel, on_screen, cells)
        page.emulate_media(media="print")
        assert table.evaluate(shown) == on_screen[:-1], rel


def test_a_period_s_filter_lists_an_excused_cadre_under_豁免_its_reason_beside_it(page, served):
    """附件2's 填报状态 of an excused cadre says 豁免 and why (豁免：挂职锻炼…): the column's filter lists the word alone,
    and choosing it shows that row — with the reason in the cell's words it listed 豁免：挂职锻炼… as a status of its
    own; the text box finds the reason's words."""
    site, base = served
    excused = [p for p in sorted((site.public / "ledgers").glob("*.html")) if "cell-note" in p.read_text(encoding="utf-8")]
    if not excused:
        pytest.skip("no cadre excused from a ledger in these records")
    page.goto(base + "ledgers/" + excused[0].name)
    page.wait_for_load_state("networkidle")
    select = page.locator("select[aria-label='填报状态']")
    options = select.evaluate("s => Array.from(s.options, o => o.value)")
    assert "豁免" in options and not [o for o in options if o.startswith("豁免") and o != "豁免"], options
    select.select_option("豁免")
    shown = page.evaluate("() => Array.from(document.querySelectorAll('article table tbody tr'))"
                          ".filter(r => !r.hidden && r.closest('table').querySelector('select, th')).map(r => r.cells[5].textContent)")
    assert shown and all(s.startswith("豁免：") for s in shown), shown
    reason = shown[0].split("：", 1)[1][:4]
    select.select_option("")
    page.fill("input[type=search]", reason)
    shown = page.evaluate("() => Array.from(document.querySelectorAll('article table tbody tr')).filter(r => !r.hidden).length")
    assert shown >= 1


def test_a_class_searched_for_by_name_comes_first_on_the_page_that_names_it(page, served):
    """A search for a class (冶金2601班: 冶金 2601 班 to the index) lists first a page that has the
    whole name: pages with only some of the words (older years' coverage tables, full of 冶金 and
    班) came before it."""
    site, base = served
    rs, _ = validate_records(site.records)
    names = sorted({c.get("name") for c in rs.classes.values() if re.search(r"[0-9]", c.get("name", ""))})
    wrong = []
    for name in names[::max(1, len(names) // 12)]:
        first = _search(page, base, name).first.get_attribute("href")
        text = (site.public / urlparse(urljoin(base, first)).path.lstrip("/")).read_text(encoding="utf-8")
        if name not in re.sub(r"<[^>]+>|\u200b", "", text):
            wrong.append((name, first))
    assert wrong == []


def test_a_class_s_name_lists_first_its_unit_s_page_not_the_coverage_of_its_year(page, served):
    """A search for a class (计算机2301班) listed first the freshman coverage page of its year, whose table of some 200
    classes, majors, headcounts and cadres held it, and the page of its unit second; the coverage tables are out of the
    search index now (a tenth of it at 12,000 ledgers): the unit's page comes first, no word marked missing, and opened
    it shows the class in its 班级 table."""
    site, base = served
    rs, _ = validate_records(site.records)
    classes = sorted((c.get("name"), c.get("unit")) for c in rs.classes.values() if re.search(r"[0-9]", c.get("name", "")))
    wrong = {}
    for name, unit in classes[::max(1, len(classes) // 8)]:
        _search(page, base, name)
        first = page.locator(".md-search-result__item").first
        hrefs = [urlparse(a.get_attribute("href")) for a in first.locator("a").all()]
        if not (hrefs[0].path.endswith(f"/units/{unit}.html") and "缺少" not in first.inner_text()):
            wrong[name] = [h.path for h in hrefs]
            continue
        first.locator("a").first.click()
        page.wait_for_load_state("networkidle")
        assert name in page.locator("xpath=//article//h2[normalize-space()='班级']/following::table[1]").inner_text()
    assert wrong == {}
    assert page.errors == [] and page.outside == []

def _heads_broken(page) -> list:
    """[header, lines] of each header of a table of feedback threads whose words take more than one line."""
    return page.eval_on_selector_all("article .thread-table table thead th", """ths => ths
        .filter(th => th.getClientRects().length).map(th => {
        const r = document.createRange(); r.selectNodeContents(th);
        return [th.textContent.trim(), new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size]; })
        .filter(([t, n]) => n > 1)""")


@pytest.mark.parametrize("media", ["print", "screen"])
def test_a_feedback_table_s_head_keeps_each_header_on_one_line(page, served, media):
    """Printed on A4 (and on a desktop's screen) the head of a cadre page's feedback table and of a year's
    board read 当前 over 状态, 反映 over 日期, 天 over 数: a table of feedback threads gives its headers no least
    width (the thread has it), and the browser broke them between any two characters. Each header is whole."""
    site, base = served
    year = min(p.name for p in (site.public / "feedback").glob("*-*.html"))  # (a half-year's page)
    if media == "screen":
        page.set_viewport_size({"width": 1280, "height": 740})
    for other in (f"feedback/{year}", "feedback.html"):  # (its 已过天数 read 已过 over 天数)
        for rel in _printed(page, served, other, media=media):
            assert page.locator("article .thread-table thead th").count() > 0, rel
            assert _heads_broken(page) == [], (rel, media)


def test_a_unit_s_open_problems_printed_say_how_many_days_each_has_been_open(page, served):
    """A 学院党委 secretary prints her unit page for the 党委会: its 未解决的学生问题 gave the day each problem was raised
    and 超期, not how long it had been open (walk: 外国语学院, one open 542 days, printed as a bare 2025-06-12). Printed
    on A4, the table has 已过天数 (as the board's 超期未解决), each header on one line, a number in each row."""
    site, base = served
    unit = next(p.name for p in sorted((site.public / "units").glob("*.html")) if p.name != "index.html"
                and "thread-table" in p.read_text(encoding="utf-8").rsplit("未解决的学生问题", 1)[1])
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    page.goto(base + f"units/{unit}")
    page.wait_for_load_state("networkidle")
    heads = [h.strip() for h in page.locator("article .thread-table thead th").all_inner_texts()]
    assert "已过天数" in heads, (unit, heads)
    assert _heads_broken(page) == [], unit
    days = page.eval_on_selector_all("article .thread-table tbody tr", "(trs, i) => trs.map(tr => tr.cells[i].innerText)",
                                     heads.index("已过天数"))
    assert days and all(d.strip().isdigit() for d in days), (unit, days)


def test_on_a_phone_a_feedback_table_is_no_wider_than_its_words_need(page, served):
    """On a phone (375 px) a table of feedback threads scrolled sideways further than it had to: the thread
    kept its 20em (a desktop's board needs it beside whole ids) and every cell the theme's 1.25em of
    padding each side, so a cadre's table of four columns was 575 px wide on a 375 px screen. On a phone
    the thread's least width is 16em (still the widest column, whole ids: the tests above) and a cell's
    padding .5em each side: the thread wraps within the screen, and the table is as narrow as its words."""
    site, base = served
    page.set_viewport_size({"width": 375, "height": 740})
    for rel in _printed(page, served, "feedback.html", media="screen"):
        cells = page.eval_on_selector_all("article .thread-table table", """ts => ts.map(t => {
            const em = parseFloat(getComputedStyle(t.tBodies[0].rows[0].cells[0]).fontSize);
            const pad = Math.max(...Array.from(t.querySelectorAll("th, td"), c => { const cs = getComputedStyle(c);
                return (parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight)) / em; }));
            const thread = t.tHead.rows[0].cells[t.tHead.rows[0].cells.length - 1].getBoundingClientRect().width / em;
            return [Math.round(pad * 100) / 100, Math.round(thread * 100) / 100]; })""")
        assert cells, rel
        assert [c for c in cells if c[0] > 1 or c[1] > 17.01] == [], (rel, cells)
        assert page.evaluate("""() => Array.from(document.querySelectorAll("article .thread-table tbody td:last-child"))
            .every(td => td.getBoundingClientRect().width <= document.documentElement.clientWidth)"""), rel


_DATES_BROKEN = r"""(where = "article table") => { const out = [];
  for (const t of document.querySelectorAll(where)) {
    const w = document.createTreeWalker(t, NodeFilter.SHOW_TEXT); let n;
    while ((n = w.nextNode())) { const re = /(?<![\w\/.-])\d{4}-(?:\d{2}-\d{2}|H[12]|\d{4})(?![\w\/-]|\.\w)/g; let m;  // (not in a path)
      while ((m = re.exec(n.data))) { const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        if (new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size > 1) out.push(m[0]); } } }
  return out; }"""


@pytest.mark.parametrize("media", ["print", "screen", "phone"])
def test_a_date_in_a_table_is_on_one_line(page, served, media):
    """Printed on A4, at 1,280 px and on a phone, tables broke dates at their hyphens: 附件1's 起止日期 read
    2025-09-01 至 2027- over 08-31, a year's board of feedback 2024- over 01-01 in its threads (199 dates
    printed), 附件2's list of periods 2026- over H2. A date, a period (2025-H2) and a cycle (2025-2027) are whole."""
    site, base = served
    year = min(p.name for p in (site.public / "feedback").glob("*-*.html"))  # (a half-year's page)
    if media == "phone":
        page.set_viewport_size({"width": 375, "height": 740})
    if media == "screen":
        page.set_viewport_size({"width": 1280, "height": 740})
    broken = {}
    for rel in _printed(page, served, f"feedback/{year}", media="print" if media == "print" else "screen"):
        broken[rel] = page.evaluate(_DATES_BROKEN)[:5]
    for rel in ("attachment1.html", "ledgers/index.html", "findings.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        broken[rel] = page.evaluate(_DATES_BROKEN)[:5]
    assert {rel: dates for rel, dates in broken.items() if dates} == {}, media


def test_a_printout_has_no_download_links(page, served):
    """附件1 and a period of 附件2, printed for the half-year report, had 下载：Excel · CSV · JSON above the
    table (附件2: 下载：Excel · CSV · 活动明细 Excel): words that lead nowhere on paper, as the column of
    查看全文 (left out since). Printed, the downloads are left out; on screen they are there."""
    site, base = served
    period = max(p.name for p in (site.public / "ledgers").glob("*-H*.html"))
    year = min(p.name for p in (site.public / "feedback").glob("*-*.html"))  # (a half-year's page)
    # (evaluation.html, printed for the year's appraisal, still had 下载全部年度：Excel)
    for rel in ("attachment1.html", f"ledgers/{period}", "feedback.html", f"feedback/{year}", "coverage.html",
                "evaluation.html"):
        page.emulate_media(media="screen")
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        links = page.locator("article a[href*='downloads/']")
        assert links.count() and links.first.is_visible(), rel
        page.emulate_media(media="print")
        shown = [a.inner_text() for a in links.all() if a.is_visible()]
        assert shown == [] and "下载：" not in page.locator("article").inner_text(), (rel, shown)


def test_a_printout_ends_with_its_tables_not_with_a_list_of_the_other_pages(page, served):
    """附件1, printed for the 党委会 (a university of 600 cadres: 45 A4 pages), ended with 本周期全部安排记录 (…在单独一页：
    2024-2026 周期全部安排记录) and 以往周期, a table of links to the earlier cycles' pages; 年度考核参考 with 以往年度, 新生
    班级覆盖 with 以往各学年, 典型案例 with 以往各年, each announced above the table as …各有一页（见页末）: on paper, the site's
    navigation.  Printed, those lists and the words that point to them are left out, what the page is of still said
    (本页是最新年度, 本页列出…最新学年的全部新生班级); on screen they are there."""
    _, base = served
    lists = {"attachment1.html": ["本周期全部安排记录", "以往周期"], "evaluation.html": ["以往年度"],
             "coverage.html": ["以往各学年"], "cases.html": ["以往各年"]}
    for rel, heads in lists.items():
        page.emulate_media(media="screen")
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        for head in heads:
            assert page.locator("article h2", has_text=head).is_visible(), (rel, head)
        assert any(w in page.locator("article").inner_text() for w in ("见页末", "单独一页")), rel
        page.emulate_media(media="print")
        printed = page.locator("article").inner_text()
        assert [h for h in heads if page.locator("article h2", has_text=h).is_visible()] == [], rel
        assert "见页末" not in printed and "单独一页" not in printed and "各有一页" not in printed, rel
        assert rel == "attachment1.html" or "本页" in printed, rel  # (what the page is of, still printed)


@pytest.mark.parametrize("width", [1280, 390])
def test_a_period_in_a_heading_and_in_the_table_of_contents_is_on_one_line(page, served, width):
    """The table of contents at the right of a cadre's page (1,280 px) broke each ledger's period at its
    hyphen, 2026年上半年工作台账（2026- over H1）, as a unit's page its 台账情况 (2026- over H2); on a phone
    the ledgers' headings themselves broke so. A period in a heading and in the table of contents is whole;
    the entries still lead to the same anchors (#2026-H1), and a search for a period still finds its page."""
    site, base = served
    rs = validate_records(site.records)[0]
    cadre = max(rs.cadres, key=lambda c: (sum(1 for _, x in rs.ledgers if x == c), c))
    periods = sorted((p for p, c in rs.ledgers if c == cadre), reverse=True)
    page.set_viewport_size({"width": width, "height": 900})
    broken = {}
    for rel in (f"cadres/{cadre}.html", f"units/{rs.cadres[cadre].get('unit')}.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        broken[rel] = page.evaluate(_DATES_BROKEN, "nav.md-nav--secondary, article h1, article h2, article h3")[:5]
    assert {rel: dates for rel, dates in broken.items() if dates} == {}, width
    page.goto(base + f"cadres/{cadre}.html")
    toc = page.locator("nav.md-nav--secondary a.md-nav__link")
    hrefs = [urlparse(a.get_attribute("href")).fragment for a in toc.all()]
    assert [h for h in hrefs if re.fullmatch(r"\d{4}-H[12]", h)] == periods
    if width == 1280:  # (on a phone the contents and the search box are behind buttons)
        toc.filter(has_text=f"（{periods[-1]}）").click()
        assert page.url.endswith(f"#{periods[-1]}")
        assert page.locator(f"article h2[id='{periods[-1]}']").is_visible()
        hrefs = [urlparse(a.get_attribute("href")).path for a in _search(page, base, periods[0]).all()]
        assert any(h.endswith(f"/ledgers/{periods[0]}.html") for h in hrefs), hrefs
    assert page.errors == [] and page.outside == []


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_ledger_s_activities_read_in_lines_not_in_a_narrow_column(page, served, media):
    """At 1,280 px each of the eight columns of a ledger's activities on a cadre's page had the theme's least
    width (5rem, 序号 as wide as the rest), so the table was wider than the page (it scrolled sideways) and
    活动情况, the column of words, ran six characters a line, a row twenty lines tall. The words have at least
    sixteen characters a line, the topics (主题) five, and the table fits the page, on screen and printed."""
    site, base = served
    rs = validate_records(site.records)[0]
    cadres = sorted({c for (_, c), led in rs.ledgers.items() if led.get("activities")})[:3]
    if media == "print":
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    seen = {}
    for cadre in cadres:
        page.goto(base + f"cadres/{cadre}.html")
        page.wait_for_load_state("networkidle")
        seen[cadre] = page.eval_on_selector_all(".ledger-body table", """ts => ts
            .filter(t => t.tHead.rows[0].cells[t.tHead.rows[0].cells.length - 1].textContent.trim() === "活动情况")
            .map(t => { const row = t.tBodies[0].rows[0], cell = row.cells[row.cells.length - 1];
                const em = parseFloat(getComputedStyle(cell).fontSize), wrap = t.closest(".md-typeset__scrollwrap");
                const topics = row.cells[row.cells.length - 2].getBoundingClientRect().width / em;
                return [Math.floor(cell.getBoundingClientRect().width / em), Math.floor(topics), wrap.scrollWidth <= wrap.clientWidth]; })""")
    assert all(seen.values()), seen
    assert {c: s for c, s in seen.items() if [x for x in s if x[0] < 16 or x[1] < 5 or not x[2]]} == {}, media


def test_a_sorted_column_shows_the_theme_s_arrow_alone(page, served):
    """Sorted, a column's header drew a triangle (▲, ▼: ledger.css's text) inside the theme's arrow, a box of
    1.2em masked by the arrow's shape, so beside 单位 the arrow's lines had a dark smudge, the triangle
    clipped by them. The theme's arrow shows the direction, up then down, with no text in it."""
    site, base = served
    page.goto(base + "cadres/index.html")
    header = page.locator("article table").first.locator("thead th", has_text="单位")
    after = """th => { const a = getComputedStyle(th, "::after");
        return [th.getAttribute("aria-sort"), a.content, a.getPropertyValue("mask-image") || a.getPropertyValue("-webkit-mask-image")]; }"""
    seen = []
    for _ in range(2):
        header.click()
        seen.append(header.evaluate(after))
    assert [s[0] for s in seen] == ["ascending", "descending"], seen
    assert [s[1] for s in seen] == ['""', '""'], seen
    assert "url(" in seen[0][2] and seen[0][2] != seen[1][2], seen


def test_a_cadre_s_full_name_finds_her_page_with_every_word_of_it(page, served):
    """A name jieba cuts in two (白涛玉 → 白涛 玉 in the index): the worker joined the pieces with
    "* " and then gave every word its `*`, so 白涛 was searched as 白涛** and the page came first
    marked “缺少: 白涛*” (struck through).  Her page comes first with no word missing; the
    surname's first two characters still find it (prefix search)."""
    import json
    site, base = served
    rs, _ = validate_records(site.records)
    index = json.loads((site.public / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    cut = [(cid, c.get("name")) for cid, c in sorted(rs.cadres.items())
           if "\u200b" in titles.get(f"cadres/{cid}.html", "") and len(c.get("name", "")) >= 3]
    assert cut, "no cadre whose name the index holds in pieces"
    for cid, name in cut[:3]:
        results = _search(page, base, name)
        assert urlparse(results.first.get_attribute("href")).path.endswith(f"/cadres/{cid}.html"), name
        first = page.locator(".md-search-result__item").first.inner_text()
        assert "缺少" not in first, (name, first)
        hrefs = [urlparse(a.get_attribute("href")).path for a in _search(page, base, name[:2]).all()]
        assert any(h.endswith(f"/cadres/{cid}.html") for h in hrefs), name[:2]
    assert page.errors == [] and page.outside == []


def test_a_unit_s_full_name_finds_its_page_first_with_nothing_missing(page, served):
    """The query cutting gives every word of the index the name holds, two ways of cutting it among them:
    工商管理学院 was searched as 工商管 工商管理 学院 理学院, and the unit's page came first marked
    “缺少: 理学院” struck through (机械工程与自动化学院: 缺少 化 化学; 文法学院: 法 法学), a word the page does
    hold, only cut otherwise.  Every unit's name finds its page first with no word missing."""
    site, base = served
    rs, _ = validate_records(site.records)
    seen = {}
    for uid, unit in sorted(rs.units.items()):
        results = _search(page, base, unit.get("name"))
        first = page.locator(".md-search-result__item").first.inner_text()
        seen[unit.get("name")] = (urlparse(results.first.get_attribute("href")).path.endswith(f"/units/{uid}.html"),
                                  "缺少" not in first, first.replace("\n", " ")[:80])
    assert {name: s for name, s in seen.items() if not (s[0] and s[1])} == {}
    # the page of a unit whose name is inside another's (理学院 in 工商管理学院) still misses the other words
    inside = [(a, b) for a, ua in sorted(rs.units.items()) for b, ub in sorted(rs.units.items())
              if a != b and ub.get("name") in ua.get("name")]
    assert inside
    for a, b in inside:
        _search(page, base, rs.units[a].get("name"))
        other = page.locator(".md-search-result__item", has=page.locator(f"a[href*='units/{b}.html']")).first
        assert "缺少" in other.inner_text(), (a, b)
    assert page.errors == [] and page.outside == []


def test_a_period_s_id_finds_its_page_of_attachment2_first(page, served):
    """A search for a period as the records write it (2026-H1) listed first the typical cases' section of that
    half-year (2026年上半年（2026-H1，19 个）: the period in its title, twice its year), and 附件2's page of the
    period, whose title said 2026年上半年 alone, after it.  The page's title says the period's id too; its page
    comes first for every period."""
    site, base = served
    rs, _ = validate_records(site.records)
    firsts = {p: urlparse(_search(page, base, p).first.get_attribute("href")).path
              for p in sorted({p for p, _ in rs.ledgers})}
    assert {p: f for p, f in firsts.items() if not f.endswith(f"/ledgers/{p}.html")} == {}
    period = max(firsts)
    page.goto(base + f"ledgers/{period}.html")
    assert f"（{period}）" in page.locator("article h1").inner_text()
    assert page.errors == [] and page.outside == []


@pytest.mark.parametrize("width", [1280, 390])
def test_a_table_s_columns_are_as_wide_as_their_words(page, served, width):
    """At 1,280 px every header of a period of 附件2 had the theme's least width, 5rem: 序号, 活动次数 and 反映问题
    100 px for a number of two digits, and 单位, 职务 and 联系形式 four or five characters a line — a row five lines
    tall (计算机科学 / 与工程学院 / 党委书记) and the table scrolling sideways.  A column of numbers is as wide as its
    header (序号 narrow, nothing to scroll at 1,280 px), and a column of words keeps its width: with none, a name
    broke, 蔡伟 over 民, at 1,280 px and on a phone (390 px), and 附件1's units two characters a line there."""
    site, base = served
    rs = validate_records(site.records)[0]
    period = max(p for p, c in rs.ledgers if rs.ledgers[(p, c)].get("activities"))
    page.set_viewport_size({"width": width, "height": 900})
    seen = {}
    for rel in (f"ledgers/{period}.html", "attachment1.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        seen[rel] = page.eval_on_selector("article table", """t => { const cs = getComputedStyle(t.tBodies[0].rows[0].cells[1]);
            const lines = td => { const r = document.createRange(); r.selectNodeContents(td);
                return new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size; };
            const broken = Array.from(t.tBodies[0].rows, r => r.cells[1]).filter(td => lines(td) > 1).map(td => td.textContent.trim());
            const w = t.closest(".md-typeset__scrollwrap");
            return [t.tHead.rows[0].cells[0].getBoundingClientRect().width / parseFloat(cs.fontSize), broken.slice(0, 3), w.scrollWidth - w.clientWidth]; }""")
    assert {rel: s for rel, s in seen.items() if s[0] >= 5 or s[1] or (width == 1280 and s[2] > 0)} == {}, width


@pytest.mark.parametrize("width", [1280, 390])
def test_a_number_and_its_note_are_on_one_line(page, served, width):
    """A column of numbers is as wide as its header (test_a_table_s_columns_are_as_wide_as_their_words), and on a
    phone the periods' list of 附件2 then read 应填报 74 over （另 1 over 人免 over 交）: a number with its note is on
    one line, in every column of numbers of the periods' list, a period's page and 附件1, on a phone and at 1,280 px."""
    site, base = served
    rs = validate_records(site.records)[0]
    page.set_viewport_size({"width": width, "height": 900})
    broken = {}
    for rel in ("ledgers/index.html", f"ledgers/{max(p for p, _ in rs.ledgers)}.html", "attachment1.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        broken[rel] = page.eval_on_selector_all("article table td", """tds => tds
            .filter(td => getComputedStyle(td).textAlign === "right" && td.getClientRects().length).map(td => {
            const r = document.createRange(); r.selectNodeContents(td);
            return [td.textContent.trim(), new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size]; })
            .filter(([t, n]) => n > 1).slice(0, 3)""")
    assert {rel: b for rel, b in broken.items() if b} == {}, width


_LINES = """(el, upto) => { const r = document.createRange(); r.selectNodeContents(el);
    if (upto !== undefined) { const t = el.firstChild; r.setStart(t, 0); r.setEnd(t, upto); }
    return new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size; }"""


def test_on_a_phone_a_period_s_name_and_a_cadre_s_changes_of_points_read_in_lines(page, served):
    """On a phone (375 px) the periods' list of 附件2 left 年 alone on a line (2026年下半 over 年 over （2026-H2）: the
    column's 5rem), and a cadre's 联系点变化 had rows three lines (86–100 px) tall, its unit and dates broken
    (资源与土木 over 工程学院, 2023-09-01 over 至 over 2025-08-31).  A period's name is on one line, and each row of
    the changes is one line but its reason, which wraps at sixteen characters or more a line."""
    site, base = served
    rs = validate_records(site.records)[0]
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base + "ledgers/index.html")
    page.wait_for_load_state("networkidle")
    names = page.eval_on_selector_all("article table tbody td:first-child a", """(as) => as.map(a => {
        const lines = %s; const t = a.textContent; return [t, lines(a, t.indexOf("（") > 0 ? t.indexOf("（") : t.length)]; })""" % _LINES)
    assert len(names) >= 2 and [n for n in names if n[1] != 1] == [], names
    cadre = next(c for c in sorted(rs.cadres) if any(r.get("cadre") == c and r.get("reason") for r in rs.assignments))
    page.goto(base + f"cadres/{cadre}.html")
    page.wait_for_load_state("networkidle")
    rows = page.eval_on_selector("article section.point-changes .md-typeset__scrollwrap table", """(t) => {
        const lines = %s; return Array.from(t.tBodies[0].rows, r => [Array.from(r.cells, c => lines(c)),
        r.cells[r.cells.length - 1].textContent.trim().length, Math.round(r.getBoundingClientRect().height)]); }""" % _LINES)
    assert rows and any(n for _, n, _ in rows), rows
    assert [r for r in rows if max(r[0][:-1]) != 1 or r[0][-1] > max(1, -(-r[1] // 16))] == [], rows


_SIDEWAYS = """() => { const W = document.documentElement.clientWidth;
    const frames = Array.from(document.querySelectorAll("article .md-typeset__scrollwrap"), f => f.scrollWidth - f.clientWidth);
    const out = Array.from(document.querySelectorAll("article *")).filter(el => !el.closest(".md-typeset__scrollwrap")
        && el.getBoundingClientRect().width && el.getBoundingClientRect().right > W + 1).slice(0, 3).map(el => el.tagName + " " + el.textContent.slice(0, 20));
    return [document.documentElement.scrollWidth - W, Math.max(0, ...frames), out]; }"""


@pytest.mark.parametrize("width", [1280, 375])
def test_no_page_scrolls_sideways(page, served, width):
    """At 1,280 px a year's page of the feedback board scrolled ≈145 px sideways (its table of ten columns 1,140 px in its
    1,030), as a cadre's page did (a ledger's table of feedback, 838 px in 780) and the units' index (910 in 780).  On every
    kind of page of the demo site — home, units and a unit with its classes and clubs, freshman classes, cadres and a
    cadre's page, 附件1, 附件2 and a period, the feedback board and its years, the errors — nothing scrolls sideways at
    1,280 px, neither the page nor a table in its frame; on a phone (375 px) the page does not, and nothing but a table's
    frame (which scrolls, as wide tables do) reaches past the screen's edge."""
    site, base = served
    kinds, rs = _kinds(site)
    fbs = [(len(fb.get("id") or ""), c) for (p, c), led in rs.ledgers.items() for fb in led.get("feedback") or []]
    changes = [(len(str(r.get("reason") or "")), r.get("cadre")) for r in rs.assignments]
    club_unit = sorted(c.get("unit") for c in rs.clubs.values())[0]
    years = sorted(p.name for p in (site.public / "feedback").glob("*.html"))
    pages = dict.fromkeys([*kinds, "units/index.html", f"units/{club_unit}.html", "cadres/index.html", "ledgers/index.html",
                           f"cadres/{max(fbs)[1]}.html", f"cadres/{max(changes)[1]}.html", *(f"feedback/{y}" for y in years)])
    page.set_viewport_size({"width": width, "height": 800})
    wide = {}
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        scrolled, framed, out = page.evaluate(_SIDEWAYS)
        if scrolled > 0 or out or (width == 1280 and framed > 0):
            wide[rel] = (scrolled, framed, out)
    assert wide == {}, width


_NAMES_BROKEN = """([names, cells]) => { const out = [];
  for (const td of document.querySelectorAll(cells)) {
    const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      for (const name of names) {
        for (let at = node.data.indexOf(name); at >= 0; at = node.data.indexOf(name, at + 1)) {
          const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + name.length);
          if (new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size > 1) { out.push([name, td.clientWidth]); break; }
        }
      }
    }
  }
  return out.slice(0, 5); }"""


def test_a_name_printed_on_a4_wraps_only_where_its_column_cannot_hold_it(page, served):
    """附件1 and a period of 附件2 printed on A4 broke names inside the word where their column's share of the page ran
    out: 计算机科学与工程学 over 院, 计算机科学与工程学院党委书 over 记, while 序号, 类型 and 年级 kept 100 px each.  A unit's
    name and a cadre's position (the longest that holds it), in every cell of the demo's printouts, are on one line,
    and each table is still no wider than the page (its other columns wrap).  So is a period's 工作总结, whose 各单位情况
    (a unit's name, then eleven counts) printed 计算机科学与工 over 程学院, the counts' columns wider than their numbers."""
    site, base = served
    rs = validate_records(site.records)[0]
    names = sorted({u.get("name") for u in rs.units.values() if u.get("name")} |
                   {c.get("position") for c in rs.cadres.values() if c.get("position")}, key=len, reverse=True)
    period = max(p for p, c in rs.ledgers if rs.ledgers[(p, c)].get("activities"))
    cycles = sorted(p.name for p in (site.public / "attachment1").glob("*.html"))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    broken = {}
    for rel in ("attachment1.html", *(f"attachment1/{c}" for c in cycles), f"ledgers/{period}.html", f"summary/{period}.html"):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        wide = page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)")
        found = page.evaluate(_NAMES_BROKEN, [names, "article table.data-table td"])
        if found or any(w > 0 for w in wide):
            broken[rel] = (found, wide)
    assert broken == {}


_HEADERS_LINES = """() => Array.from(document.querySelectorAll("article table.data-table thead th")).map(th => {
  const r = document.createRange(); r.selectNodeContents(th);
  return [th.textContent.trim(), new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size]; })"""


def test_a_period_of_attachment2_prints_its_headers_a_line_or_two_tall(page, served):
    """A period of 附件2 with an exempted cadre (豁免：挂职锻炼（半年），期间免于每学期联系学生和填报台账, the reason kept whole
    between its marks) printed on A4 with 填报状态 sixteen characters wide and the columns of numbers one: 活动次数 and
    问题和建议 a character a line, the head row five lines tall on every page.  Printed, every period's and 附件1's headers
    are one or two lines tall, the reason wraps in its cell, and the table is no wider than the page."""
    site, base = served
    periods = sorted(p.name for p in (site.public / "ledgers").glob("20*.html"))
    assert any('class="cell-note"' in (site.public / "ledgers" / p).read_text("utf-8") for p in periods)  # (one has a 豁免)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    tall = {}
    for rel in ("attachment1.html", *(f"ledgers/{p}" for p in periods)):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        heads = [h for h in page.evaluate(_HEADERS_LINES) if h[1] > 2]
        wide = [w for w in page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)") if w > 0]
        if heads or wide:
            tall[rel] = (heads, wide)
    assert tall == {}


def test_attachment2_and_a_cycle_s_page_print_many_rows_an_a4_page(page, served):
    """附件2, printed every half-year for the 组织部's file, gave a row of one line 27 px (1mm above and below, the page's
    line-height) and one of two 45: a university of 600 cadres printed 15 rows an A4 page, 40 pages (2025-H2, its 联系形式
    four lines beside a 豁免's reason, 68); a cycle's page of every row broke each row's 起止日期 and 记录位置 over two lines,
    58 pages.  Printed (the site's @page, A4 landscape), each period of the demo's 附件2 holds 22 rows a page and more (it
    held 15–19), and each cycle's page 26 (13)."""
    site, base = served
    periods = sorted(p.name for p in (site.public / "ledgers").glob("20*.html"))
    cycles = sorted(p.name for p in (site.public / "attachment1").glob("*.html"))
    assert periods and cycles
    least = {**{f"ledgers/{p}": 22 for p in periods}, **{f"attachment1/{c}": 26 for c in cycles}}
    sparse = {}
    for rel, n in least.items():
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        rows = page.eval_on_selector_all("article table.data-table tbody tr", "rs => rs.filter(r => r.getClientRects().length).length")
        pages = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(prefer_css_page_size=True)))
        if rows < 50 or rows / pages < n:
            sparse[rel] = (rows, pages)
    assert sparse == {}


# each shown row of a table's body: the least font size of its cells, how many lines its tallest cell's words take (the
# height of their boxes over the line's), and each shown cell's text (the 台账 column of links is not printed)
_ROWS_LINES = """() => Array.from(document.querySelectorAll("article table.data-table tbody tr")).filter(r => r.getClientRects().length)
  .map(r => { const cells = Array.from(r.cells).filter(c => c.getClientRects().length);
    const lines = cells.map(c => { const range = document.createRange(); range.selectNodeContents(c);
      const boxes = Array.from(range.getClientRects()); if (!boxes.length) return 1;
      const tall = Math.max(...boxes.map(b => b.bottom)) - Math.min(...boxes.map(b => b.top));
      return Math.max(1, Math.round(tall / parseFloat(getComputedStyle(c).lineHeight))); });
    return [Math.min(...cells.map(c => parseFloat(getComputedStyle(c).fontSize))), Math.max(...lines), cells.map(c => c.innerText)]; })"""


def test_attachment2_prints_most_rows_on_one_line_in_9pt_with_every_cell_whole(page, served, tmp_path):
    """附件2 printed on A4 in 9pt type (8pt, its cells' size, is smaller than a person reads a file at) gave 填报状态,
    活动次数 and 问题和建议 their headers' width and a 豁免's sentence room, and 联系形式 and 联系点 wrapped: 2025-H2 printed
    40 rows in a hundred two lines tall and more.  Printed, each period's body cells are 9pt at least, six rows in seven
    of each period are one line and more (nine in ten of all periods'), the table is no wider than the page, and every cell's
    words are in the PDF's text (none cut off the paper) — but a position's first words where they are its row's unit,
    as the page says (计算机科学与工程学院党委书记 beside 计算机科学与工程学院 prints 党委书记)."""
    site, base = served
    periods = sorted(p.name for p in (site.public / "ledgers").glob("20*.html"))
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    shares, small, wide, missing, one, every = {}, {}, {}, {}, 0, 0
    for rel in (f"ledgers/{p}" for p in periods):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        rows = page.evaluate(_ROWS_LINES)
        assert len(rows) > 50, rel
        one, every = one + sum(lines == 1 for _, lines, _ in rows), every + len(rows)
        shares[rel] = round(sum(lines == 1 for _, lines, _ in rows) / len(rows), 2)
        if min(size for size, _, _ in rows) < 12:  # (9pt: 12 CSS px)
            small[rel] = min(size for size, _, _ in rows)
        if over := [w for w in page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)") if w > 0]:
            wide[rel] = over
        printed = re.sub(r"\s+", "", "".join(_pages_text(page.pdf(prefer_css_page_size=True), tmp_path, "-raw")))
        if cut := [t for _, _, cells in rows for t in (re.sub(r"\s+", "", c) for c in cells) if t not in printed]:
            missing[rel] = cut[:5]
        # (职务 printed without the unit's name that begins it, 单位 beside it — 党委书记 of 计算机科学与工程学院 — as the page
        # says above the table; nothing else of it left out)
        whole = page.eval_on_selector_all("article table.data-table tbody tr", "rs => rs.map(r => r.cells[3].textContent.trim())")
        if [w for (_, _, cells), w in zip(rows, whole) if w not in (cells[3], cells[2] + cells[3])] or \
                "打印的表中，职务以本行单位的名称开头的略去这一开头" not in printed:
            missing[rel] = whole[:3]
    assert (small, wide, missing) == ({}, {}, {}), shares
    assert min(shares.values()) >= 0.85 and one / every >= 0.9, f"{shares}, all {one / every:.2f}"


@pytest.mark.parametrize("width", [1280, 390])
def test_attachment2_s_headers_break_on_paper_only(page, served, width):
    """附件2's headers may break on paper where they say (填报<wbr>状态, 活动<wbr>次数: above), and broke there on screen
    too, the theme's white-space: nowrap notwithstanding: at 1,280 px the head row two lines (65 px) tall, the columns
    given other widths.  On screen each header is one line, as before."""
    site, base = served
    page.set_viewport_size({"width": width, "height": 900})
    broken = {}
    for rel in (f"ledgers/{p.name}" for p in sorted((site.public / "ledgers").glob("20*.html"))):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        if heads := [h for h in page.evaluate(_HEADERS_LINES) if h[1] > 1]:
            broken[rel] = heads
    assert broken == {}


# each line of an element's text as laid out: its characters grouped by the top of their boxes
_TEXT_LINES = """el => { const t = el.firstChild, lines = []; let top = null;
  for (let i = 0; i < t.length; i++) { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
    const y = Math.round(r.getBoundingClientRect().top); if (y !== top) { lines.push(""); top = y; }
    lines[lines.length - 1] += t.data[i]; } return lines; }"""


def test_a_status_with_words_in_brackets_prints_them_under_it(browser, tmp_path):
    """附件2's 填报状态 of a ledger handed in by a cadre who did not owe it, 已提交（本期无需提交）, printed whole on one line:
    its column eleven characters wide (127 px of a 600-cadre university's A4 page), room 联系形式 needed — its rows two and
    three lines tall (2026-H1: 34 pages).  Printed, the bracket goes under the word, the column as wide as the bracket
    (95 px: 30 pages); on screen it is on one line, as before."""
    from tests.gitrepo import commit, handovers, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")  # (孙立 held club-a nine days of 2026-H2: min_days_held 14, he did not owe it)
    files = handovers("2026-07-05", "2026-06-25", ("2026-07-01", "2026-07-09"), ("2026-07-10", "2026-07-19"))
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        "  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2026-H2/sun-li.yaml": ledger("sun-li", "2026-H2", ["2026-07-05"], points=["club-a"])})
    commit(repo, "2026-12-20 10:00", "孙立的台账")
    site = mkdocs_build(repo / "records", tmp_path / "out", "2027-01-15")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        pg = ctx.new_page()
        pg.goto(f"http://127.0.0.1:{server.server_address[1]}/ledgers/2026-H2.html")
        pg.wait_for_load_state("networkidle")
        label = pg.locator("article table.data-table td span", has_text="已提交（本期无需提交）")
        on_screen = label.evaluate(_TEXT_LINES)
        pg.emulate_media(media="print")
        pg.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
        printed = label.evaluate(_TEXT_LINES)
    finally:
        ctx.close()
        server.shutdown()
        server.server_close()
    assert (on_screen, printed) == (["已提交（本期无需提交）"], ["已提交", "（本期无需提交）"])


def test_on_a_phone_a_unit_s_cadres_positions_and_points_are_whole(page, served):
    """On a phone (375 px) a unit's 干部 broke each position and point inside its words where the three columns
    shared the screen: 计算机科学与工 over 程学院副院长, 计算机2301 over 班, 党委副书 over 记.  Each position, class
    and club there is on one line (the table scrolls sideways in its frame, as wide tables do)."""
    site, base = served
    rs = validate_records(site.records)[0]
    names = sorted({c.get("position") for c in rs.cadres.values() if c.get("position")} |
                   {p.get("name") for p in [*rs.classes.values(), *rs.clubs.values()] if p.get("name")}, key=len, reverse=True)
    unit = max(rs.units, key=lambda u: sum(c.get("unit") == u for c in rs.cadres.values()))
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base + f"units/{unit}.html")
    page.wait_for_load_state("networkidle")
    table = page.locator("article h2:has-text('干部') + .md-typeset__scrollwrap table")
    assert table.locator("tbody tr").count() >= 2
    table.evaluate("t => { t.id = 'seen-table'; }")
    broken = page.evaluate(_NAMES_BROKEN, [names, "#seen-table td"])
    assert broken == [], broken


def test_on_a_phone_the_home_page_s_title_breaks_between_its_words(page, served):
    """On a phone (375 px) the home page's title, 示例大学联系学生工作台账, broke inside 工作台账: 示例大学联系学生工作 over
    台账.  It wraps between its words (示例大学联系学生 over 工作台账): the university's name, 联系学生 and 工作台账 are
    each on one line, and the title still takes two lines, not one past the screen's edge."""
    site, base = served
    rs = validate_records(site.records)[0]
    institution = rs.setting("institution", "name", default="")
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(base + "index.html")
    page.wait_for_load_state("networkidle")
    title = page.locator("article h1")
    assert title.inner_text().strip() == f"{institution}联系学生工作台账"
    assert page.evaluate(_NAMES_BROKEN, [[institution, "联系学生", "工作台账"], "article h1"]) == []
    assert page.evaluate("(" + _LINES + ")(document.querySelector('article h1'))") == 2
    assert page.evaluate(_SIDEWAYS)[0] == 0


def test_on_a_phone_no_page_s_title_breaks_inside_a_word(page, served):
    """On a phone (375 px) the titles of pages broke inside their words where the line ran out: 年度考核参考：2025 年 over
    度, 管理员：年复一年的变 over 动, 隐私保护与异常文件检 over 查, 在代码托管平台上工 over 作, 工作总结：2023年下半 over 年.
    On every kind of page and every page of the guide no word of its title (as jieba, the search's segmenter, cuts it)
    is broken, nor a period's name (2023年下半年)."""
    site, base = served
    page.set_viewport_size({"width": 375, "height": 740})
    broken = {}
    for rel in _titled_pages(site):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        words = _title_words(page.locator("article h1").first.inner_text().strip())
        found = page.evaluate(_NAMES_BROKEN, [words, "article h1"])
        if found:
            broken[rel] = [w for w, _ in found]
    assert broken == {}


def _titled_pages(site) -> list:
    """Every kind of page, the guide's pages, the years of the evaluation and the periods and cycles (long titles)."""
    kinds, _ = _kinds(site)
    more = [p.relative_to(site.public).as_posix() for d in ("guide", "evaluation", "ledgers", "attachment1", "coverage")
            for p in sorted((site.public / d).glob("*.html"))]
    return list(dict.fromkeys([*kinds, *more]))


def _title_words(title: str) -> list:
    """A title's words as jieba (the search's segmenter) cuts it, its periods' names (2023年下半年) and cycles (2025-2027)."""
    import jieba
    words = [w for w in jieba.cut(title, HMM=False) if len(w) > 1 and not w.isascii()]
    words += re.findall(r"\d{4}年[上下]半年|\d{4}-(?:\d{4}|H[12])", title)
    return sorted(set(words), key=len, reverse=True)


_SHOWN_IN_PART = """(el, words) => { const box = el.getBoundingClientRect(), text = el.textContent, out = [];
  const shown = new Array(text.length).fill(false); let i = 0;
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) for (let k = 0; k < n.data.length; k++, i++) {
    const r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1); const x = r.getClientRects()[0];
    shown[i] = !!x && x.width > 0 && x.right <= box.right + .5 && x.bottom <= box.bottom + .5; }
  for (const w of words) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
    const seen = shown.slice(at, at + w.length).filter(Boolean).length;
    if (seen && seen < w.length) out.push(w); }
  return [out, shown.some((s, k) => !s && text[k].trim())]; }"""


def test_on_a_phone_the_header_bar_s_title_shows_whole_words(page, served):
    """On a phone (375 px) the header bar's title (the page's, once its own is scrolled past) was cut with an ellipsis
    where the bar ran out, inside a word: 附件2 工作台账汇总：2026…, 附件1 工作安排表：2025-202…, 新生班级覆盖：2025-2026 学….
    On every page with a long title it shows whole words only, the site's name too."""
    site, base = served
    page.set_viewport_size({"width": 375, "height": 740})
    cut, long = {}, 0
    for rel in _titled_pages(site):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        for topic in page.locator(".md-header__topic .md-ellipsis").all():
            found, hidden = topic.evaluate(_SHOWN_IN_PART, _title_words(topic.evaluate("e => e.textContent").strip()))
            long += hidden
            if found:
                cut[rel] = found
    assert long >= 3 and cut == {}


# [heading, "year word"] of each year or cycle (2025, 2025-2026) of an article's heading on another line than the word
# written after it (年度, 学年, 周期): each character's line by its own rect, across the heading's spans
_YEAR_APART = r"""() => { const out = [];
  for (const el of document.querySelectorAll("article :is(h1, h2, h3)")) {
    const chars = [], walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) for (let k = 0; k < n.data.length; k++) chars.push([n, k]);
    const top = i => { const r = document.createRange(); r.setStart(chars[i][0], chars[i][1]); r.setEnd(chars[i][0], chars[i][1] + 1);
      const x = r.getClientRects()[0]; return x ? Math.round(x.top) : null; };
    const text = chars.map(([n, k]) => n.data[k]).join("");
    for (const m of text.matchAll(/\d{4}(?:-\d{4})? [\u4e00-\u9fff]{1,2}/g))
      if (top(m.index) !== top(m.index + m[0].length - 1)) out.push([el.tagName, m[0]]); }
  return out; }"""


@pytest.mark.parametrize("width", [360, 375, 414])
def test_on_a_phone_a_year_in_a_title_stays_with_its_word(page, served, width):
    """On a phone an evaluation year's title, 年度考核参考：2025 年度, broke at its space: 年度考核参考：2025 over 年度, the
    year alone at the line's end (at 360–390 px), as a cycle's of 新生班级覆盖 (…：2025-2026 over 学年, 360–414 px).  On every
    page whose title or heading writes a year or a cycle before its word (年度, 学年, 周期), the two are on one line."""
    site, base = served
    titled = [rel for rel in _titled_pages(site)
              if re.search(r"<h[1-3][^>]*>[^\n]*?\d{4}(?:</span>|-\d{4}</span>)? [\u4e00-\u9fff]", (site.public / rel).read_text(encoding="utf-8"))]
    assert any(rel.startswith("evaluation/") for rel in titled) and any(rel.startswith("coverage/") for rel in titled), titled
    page.set_viewport_size({"width": width, "height": 740})
    apart = {}
    for rel in titled:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        if found := page.evaluate(_YEAR_APART):
            apart[rel] = found
    assert apart == {}, width


# [headers, most lines of words in a header, height of the row inside its padding, of its words] of each head row
_HEAD_LINES = """trs => trs.filter(tr => tr.getClientRects().length).map(tr => {
    const ths = Array.from(tr.cells).filter(th => th.getClientRects().length);
    const rects = th => { const r = document.createRange(); r.selectNodeContents(th); return Array.from(r.getClientRects()).filter(x => x.width); };
    const lines = Math.max(...ths.map(th => new Set(rects(th).map(x => Math.round(x.top))).size));
    const words = Math.max(...ths.map(th => { const rs = rects(th); return Math.max(...rs.map(x => x.bottom)) - Math.min(...rs.map(x => x.top)); }));
    const cs = getComputedStyle(ths[0]);
    const inner = tr.getBoundingClientRect().height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom) - 2;
    return [ths.map(th => th.textContent.trim()).join(","), lines, Math.round(inner), Math.round(words)]; })"""


def test_on_a_phone_a_table_s_head_is_one_or_two_lines_of_its_words(page, served):
    """On a phone (375 px) the head rows of the tables of feedback threads (a year's board, a cadre's page) and of a
    ledger's activities were 65 px tall for one line of words: each header's sort arrow (the theme's 1.2em box, drawn only
    when sorted) went to a line of its own, a blank band under the words; and the units' index's head was 85 px, three
    lines (未覆盖新生班级 over （2026-2027 over 学年）).  On every kind of page each head row is as tall as its words, one
    line or two, every header's words shown; a sorted column still shows its arrow."""
    site, base = served
    kinds, rs = _kinds(site)
    cadre = next(c for (_, c), led in sorted(rs.ledgers.items()) if led.get("feedback") and led.get("activities"))
    page.set_viewport_size({"width": 375, "height": 740})
    tall = {}
    for rel in dict.fromkeys([*kinds, "units/index.html", "cadres/index.html", f"cadres/{cadre}.html"]):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        rows = page.eval_on_selector_all("article table thead tr", _HEAD_LINES)
        bad = [r for r in rows if r[1] > 2 or r[2] > r[3] + 4]
        if bad:
            tall[rel] = bad[:3]
    assert tall == {}
    header = page.locator("article .thread-table table thead th").last  # (the cadre's page, last: 经过)
    header.click()
    arrow = header.evaluate("""th => { const a = getComputedStyle(th, "::after"); return [th.getAttribute("aria-sort"), a.display, a.width]; }""")
    assert arrow[0] and arrow[1] != "none" and arrow[2] != "0px", arrow


_TABLE_CELLS = """t => [Array.from(t.querySelectorAll("thead th"), th => th.innerText.trim()),
    Array.from(t.querySelectorAll("tbody tr"), tr => Array.from(tr.cells, td => td.innerText.trim()))]"""
# (as _TABLE_CELLS, each cell without its words after the value (.cell-note, 附件2's 豁免's reason), and those words by row)
_TABLE_CELLS_AND_NOTES = """t => {
    const note = td => { const n = td.querySelector(".cell-note"); return n ? n.innerText.trim() : ""; };
    const value = td => { const all = td.innerText.trim(), n = note(td); return n && all.endsWith(n) ? all.slice(0, -n.length).trim() : all; };
    return [Array.from(t.querySelectorAll("thead th"), th => th.innerText.trim()),
            Array.from(t.querySelectorAll("tbody tr"), tr => Array.from(tr.cells, value)),
            Array.from(t.querySelectorAll("tbody tr"), tr => Array.from(tr.cells, note).join(""))]; }"""


def test_a_period_of_attachment2_shows_the_points_its_downloads_hold(page, served):
    """附件2's page of a period had no 联系点 column while its downloads (Excel, CSV, JSON) had one: an officer reading the
    page could not see which class or club each cadre answered for, nor check the page against the sheet handed in.
    On every period's page, in the browser, the table has 联系点 after 职务, as the downloads do, and each row's cells
    read as the period's CSV's, column by column, 联系点 among them (a ledger's points, or a missing one's classes and
    clubs).  An excused cadre's 豁免 is followed on the page by its reason (：挂职锻炼…), which the downloads hold in their
    column 免交原因, said whole."""
    import csv
    site, base = served
    periods = sorted(p.stem for p in (site.public / "ledgers").glob("20*.html"))
    assert periods
    differ, points, reasons = {}, 0, 0
    for period in periods:
        page.goto(base + f"ledgers/{period}.html")
        heads, rows, notes = page.locator("article .names-table table").first.evaluate(_TABLE_CELLS_AND_NOTES)
        with open(site.public / "downloads" / f"attachment2-{period}.csv", encoding="utf-8-sig", newline="") as f:
            sheet = list(csv.reader(f))
        assert "联系点" in heads and heads.index("联系点") == heads.index("职务") + 1, (period, heads)
        shared = [h for h in sheet[0] if h in heads]
        shown = [[r[heads.index(h)] for h in shared] for r in rows]
        held = [[r[sheet[0].index(h)] for h in shared] for r in sheet[1:]]
        if shown != held:
            differ[period] = [(a, b) for a, b in zip(shown, held) if a != b][:2]
        points += sum(1 for r in sheet[1:] if r[sheet[0].index("联系点")])
        for note, r in zip(notes, sheet[1:]):
            said = r[sheet[0].index("免交原因")]
            assert bool(note) == bool(said), (period, note, said)
            if note:  # (：挂职锻炼（半年） beside 豁免; 挂职锻炼（半年）（2025-07-01 至 …，李思远批准） in the sheet)
                assert note.startswith("：") and all(part.split("（")[0] in said for part in note[1:].split("；")), (note, said)
                reasons += 1
    assert differ == {}
    assert points  # (the demo's periods name points)
    assert reasons  # (the demo has an excused cadre)


def test_every_page_fetches_a_search_index_written_in_utf8_and_a_file_opened_site_still_searches(page, served):
    """Every page fetches search/search_index.json as it opens (the theme's search worker starts with it): the demo's
    was 1,254,626 bytes, the heaviest thing on a page over an intranet's slow link, Material writing every Han character
    as a six-byte escape (\\u8ba1) and every U+200B between jieba's words too, one beside each space or mark the index's
    separator splits at anyway.  What a page fetches is now the index in UTF-8, with no U+200B beside a separator or a
    tag: 592 KB, the same words at the same places.  A cadre's name, a unit's and a class's still find their pages — on
    the site served, and on the site opened from the disk (file://, the offline plugin's search_index.js, UTF-8 too)."""
    import json
    site, base = served
    fetched = []
    page.on("response", lambda r: fetched.append(len(r.body())) if r.url.endswith("/search/search_index.json") else None)
    page.goto(base + "units/index.html")
    page.wait_for_load_state("networkidle")
    body = (site.public / "search" / "search_index.json").read_bytes()
    assert fetched == [len(body)]
    index = json.loads(body)
    assert body == json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")  # (no \\uXXXX)
    assert len(body) < 0.6 * len(json.dumps(index, separators=(",", ":")))  # (escaped, it was more than 5/3 as heavy)
    separator = re.compile(index["config"]["separator"])
    needless = {m.group(0) for d in index["docs"] for k in ("title", "text")
                for m in re.finditer(r".\u200b|\u200b.", d[k]) if separator.fullmatch(m.group(0).replace("\u200b", ""))}
    assert needless == set()
    rs, _ = validate_records(site.records)
    cid, cadre = sorted(rs.cadres.items())[0]
    uid, unit = sorted(rs.units.items())[0]
    klass = next(c.get("name") for _, c in sorted(rs.classes.items()) if c.get("unit") == uid and re.search(r"[0-9]", c.get("name", "")))
    for where in (base, (site.public / "index.html").as_uri()):
        for words, path, first in ((cadre.get("name"), f"/cadres/{cid}.html", True),
                                   (unit.get("name"), f"/units/{uid}.html", True), (klass, f"/units/{uid}.html", False)):
            results = _search(page, where, words)
            hrefs = [urlparse(urljoin(page.url, a.get_attribute("href"))).path for a in results.all()]
            found = hrefs[:1] if first else hrefs
            assert any(h.endswith(path) for h in found), (where, words, hrefs[:3])
    assert page.errors == [] and page.outside == []


def _pages_text(pdf: bytes, tmp_path, order: str = "-layout") -> list[str]:
    """Each printed page's text, as poppler's pdftotext lays it out (scripts/system-deps.sh installs it); with "-raw" in
    the order it was drawn: a cell's lines one after another."""
    import subprocess
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", order, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def test_a_printed_heading_is_never_alone_at_a_page_s_foot(page, served, tmp_path):
    """典型案例 printed on A4 left a case's heading (2026-03-25 谢成慧：主题班会, an h3) as the last line of a page, its
    words on the next: the print style kept a section's h2 with what follows it, not an h3 or an h4 (a case, a ledger's
    联系学生活动 and 学生反映的问题和建议 on a cadre's page).  Printed, 典型案例 and each earlier year's page of cases, and
    the cadre's page with the most ledgers, end no page but the last with a heading."""
    site, base = served
    _, rs = _kinds(site)
    cadre = max(sorted(rs.cadres), key=lambda c: sum(1 for _, x in rs.ledgers if x == c))
    pages = ["cases.html", *(f"cases/{p.name}" for p in sorted((site.public / "cases").glob("*.html"))), f"cadres/{cadre}.html"]
    alone = {}
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        heads = {re.sub(r"\s+", "", t) for t in page.eval_on_selector_all("article :is(h1, h2, h3, h4, h5, h6)", "hs => hs.map(h => h.innerText)")}
        printed = _pages_text(page.pdf(prefer_css_page_size=True), tmp_path)
        assert len(printed) > 1, rel
        for i, text in enumerate(printed[:-1], 1):
            lines = [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]
            if lines and lines[-1] in heads:
                alone.setdefault(rel, []).append((i, lines[-1]))
    assert alone == {}


def test_the_feedback_board_s_count_adds_up_to_the_periods_summaries(page, served):
    """The board of feedback said 共 530 条（含跟进 212 次）, and each period's summary 学生反映问题和建议 133 条（其中跟进
    以往问题 45 条）: the summaries' 742 items, follow-ups among them, against the board's 530 \"with\" 212 follow-ups — read as
    318 new items, or as numbers that do not add up.  The board's 530 are the threads, each with its follow-ups (212) merged
    into it; now the board says so and names the ledgers' total, the sum of the periods' (each period's page of 附件2 and
    its 工作总结 give it), 530 + 212; a year's page likewise says its follow-ups are besides its items."""
    site, base = served
    periods = sorted(p.stem for p in (site.public / "ledgers").glob("20*.html"))
    total = 0
    for period in periods:
        page.goto(base + f"summary/{period}.html")
        # (the summary's table: a period with no ledger in says in its sentence only that nothing can be counted yet)
        total += int(page.locator("article tr", has_text="学生反映问题和建议（条）").locator("td").nth(1).inner_text())
    page.goto(base + "feedback.html")
    said = page.locator("article h2#years + p").inner_text()
    threads, followups = (int(n) for n in re.search(r"共\s*(\d+)\s*条.*?跟进\s*(\d+)\s*次", said).groups())
    assert threads + followups == total, said
    assert re.search(r"共记录\s*%d\s*条" % total, said) and "含跟进" not in said, said
    page.goto(base + "feedback/" + sorted(p.name for p in (site.public / "feedback").glob("*.html"))[-1])
    assert "含跟进" not in page.locator("article").inner_text()


def _every_result(page) -> list:
    """The pages of every result of the search shown (Material shows ten, and more as the list is scrolled)."""
    shown, same = -1, 0
    while same < 3:  # (four more each time the list is scrolled to its end: up and down again, until no more come)
        count = page.locator(".md-search-result__item").count()
        shown, same = count, same + 1 if count == shown else 0
        for top in ("0", "w.scrollHeight"):
            page.locator(".md-search__scrollwrap").evaluate("(w) => { w.scrollTop = %s; w.dispatchEvent(new Event('scroll')); }" % top)
            page.wait_for_timeout(150)
    return [urlparse(a.get_attribute("href")).path for a in page.locator(".md-search-result__item > a").all()]


def test_a_class_or_a_club_a_cadre_once_held_still_finds_the_cadre_s_page(page, served):
    """A cadre's 联系点变化 table is out of the search index (its cycles, dates and reasons were a third of the 12k site's
    index); the points it names and their units stay in it, once each, so a search for a class or a club the cadre
    held before, and holds no more, still lists the cadre's page, and the page shows it in the table."""
    site, base = served
    found = 0
    for cadre in sorted(p.stem for p in (site.public / "cadres").glob("*.html") if p.stem != "index"):
        source = (site.public / "cadres" / f"{cadre}.html").read_text(encoding="utf-8")
        table = re.search(r'class="table-block point-changes".*?</section>', source, re.S)
        now = re.search(r"<td>当前联系点</td>\s*<td>(.*?)</td>", source, re.S)
        if not (table and now):
            continue
        points = re.findall(r"<tr>\s*<td>.*?</td>\s*<td>(?:<span[^>]*>)?([^<]+)", table.group(0), re.S)
        before = [p for p in points if p not in re.sub(r"<[^>]+>", "", now.group(1))]
        if not before:
            continue
        _search(page, base, before[0])
        assert any(h.endswith(f"/cadres/{cadre}.html") for h in _every_result(page)), (cadre, before[0])
        page.goto(base + f"cadres/{cadre}.html")
        assert before[0] in page.locator("article section.point-changes table").inner_text()
        found += 1
        if found == 3:
            break
    assert found == 3
    assert page.errors == [] and page.outside == []


class _UnderAFolder(_Quiet):
    """The site under /xgb/ledger/, 404.html (status 404) for any address without a file, as Pages and nginx give it."""
    def translate_path(self, path):
        return super().translate_path(path.removeprefix("/xgb/ledger")) if path.startswith("/xgb/ledger/") else "/nonexistent"

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.mark.parametrize("missing", ["nope.html", "cadres/nope.html", "nope/deeper/x.html"])
def test_a_mistyped_address_under_a_folder_gives_a_styled_404_whose_links_and_search_work(browser, served, missing):
    """Served under a folder (https://host/xgb/ledger/) with no site_url, 404.html linked /assets/… and /index.html at
    the domain's root: a mistyped address showed an unstyled page whose every link was not found.  It finds the
    site's root now: styled, its links and its search lead into /xgb/ledger/."""
    site, _ = served
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_UnderAFolder, directory=str(site.public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/xgb/ledger/"
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    failed = []
    # (not the page itself, nor its asking for 404.html, nor what the browser fetches ahead from the mistyped folder
    # before the page's first script has found the root: fetched again from there)
    wrong = base + missing.rpartition("/")[0] + "/" if "/" in missing else None
    pg.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "/404.html" not in r.url
          and not r.url.endswith(missing) and not (wrong and r.url.startswith(wrong)) else None)
    try:
        pg.goto(base + missing)
        pg.wait_for_load_state("networkidle")
        assert "404 - 找不到这个页面" in pg.locator("article").inner_text()
        assert pg.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"  # the theme's CSS
        sheets = pg.evaluate("Array.from(document.styleSheets, s => [s.href, s.cssRules.length])")
        assert len(sheets) >= 2 and all(h.startswith(base + "assets/") and n for h, n in sheets if h), sheets
        hrefs = [urljoin(pg.url, a.get_attribute("href")) for a in pg.locator("nav.md-nav--primary a[href]").all()]
        assert hrefs and all(h.startswith(base) for h in hrefs), hrefs[:3]
        pg.locator("nav.md-nav--primary a[href]", has_text="干部").first.click()
        pg.wait_for_load_state("networkidle")
        assert pg.url == base + "cadres/index.html" and pg.locator("article h1").inner_text() == "干部"
        pg.goto(base + missing)
        box = pg.locator("input.md-search__input")
        box.click()
        box.fill("班会")
        box.press("End")
        pg.locator(".md-search-result__item a").first.wait_for(timeout=15000)
        assert pg.locator(".md-search-result__item > a").first.get_attribute("href").startswith(base)
        assert failed == []
    finally:
        ctx.close()
        server.shutdown()
        server.server_close()


def _findings_page(page, served, media: str) -> None:
    """数据检查 opened at 1,280 px ("screen"), 375 px ("phone") or as printed on A4 ("print")."""
    _, base = served
    if media == "print":
        page.emulate_media(media="print")
        page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    else:
        page.set_viewport_size({"width": 375 if media == "phone" else 1280, "height": 740})
    page.goto(base + "findings.html")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("media", ["print", "screen", "phone"])
def test_a_finding_s_code_on_the_findings_page_is_on_one_line(page, served, media):
    """数据检查 broke each finding's code at its hyphens, W-CHK- over 004 in its 代码 column, at 1,280 px, on a phone and
    printed on A4: the code a reader looks up in the guide, or types into the search, read as two.  It is whole."""
    _findings_page(page, served, media)
    codes = page.eval_on_selector_all("article table.data-table tbody td:nth-child(2)",
                                      "(tds) => tds.map(td => [td.textContent.trim(), (%s)(td)])" % _LINES)
    assert codes and all(re.fullmatch(r"[EW]-[A-Z]+-[0-9]{3}", c) for c, _ in codes), codes
    assert [c for c in codes if c[1] != 1] == [], media


_WORDS_LINES = """([tds, words]) => tds.map(td => { const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) { const at = n.data.indexOf(words); if (at < 0) continue;
      const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + words.length);
      return new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size; } return 0; })"""


@pytest.mark.parametrize("width", [1280, 375])
def test_a_ledger_s_status_without_a_colour_is_on_one_line(page, served, width):
    """The cadres' list (干部) broke its 最近一期 column's 2026-H2 未到截止日 as 未到截止 over 日 in every row at 1,280 px:
    a status with no colour (not due yet, in its grace days) was bare words, a coloured one a badge kept whole.  Whole too."""
    site, base = served
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "cadres/index.html")
    page.wait_for_load_state("networkidle")
    cells = page.locator("article table.data-table tbody td:last-child")
    words = next(w for w in ("未到截止日", "宽限期内") if w in cells.first.inner_text())
    lines = page.evaluate(_WORDS_LINES, [cells.element_handles(), words])
    assert lines.count(1) >= 2 and [n for n in lines if n > 1] == [], (words, lines)  # (0: a row of another status)


def test_an_uncovered_class_s_finding_leads_to_the_uncovered_classes(page, served):
    """数据检查 gave every finding of a cadre or a ledger a 查看 link, but none to W-CHK-001 (a freshman class without a
    cadre): the officer who must assign one had no way on from the row.  It leads to 新生班级覆盖's 未覆盖的新生班级, the class listed."""
    site, base = served
    page.goto(base + "findings.html")
    row = page.locator("article table.data-table tbody tr", has_text="W-CHK-001").first
    name = re.search(r"新生班级“([^”]+)”", row.inner_text()).group(1)
    row.get_by_role("link", name="查看").click()
    page.wait_for_load_state("networkidle")
    assert urlparse(page.url).path.endswith("/coverage.html") and urlparse(page.url).fragment == "uncovered"
    assert name in page.locator("article table.data-table").first.inner_text()  # (the page's first table: 未覆盖的新生班级)
    assert page.errors == [] and page.outside == []



# [[a word of Latin letters, digits and marks (a file, an id, a date, a code), [its parts between slashes that take more
# than one line]], …] of each cell: a file is read by its folders and its name, an id or a date whole
_LATIN_PARTS_BROKEN = """(tds) => tds.map(td => {
    const chars = [], walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode())
      for (let i = 0; i < n.data.length; i++) { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
        const box = r.getClientRects()[0]; chars.push([n.data[i], box ? Math.round(box.top) : null]); }
    const words = []; let word = null;
    for (const c of chars) {
      if (/[!-~]/.test(c[0])) { if (!word) words.push(word = [[]]); word[word.length - 1].push(c); if (c[0] === "/") word.push([]); }
      else word = null; }
    return words.map(w => [w.flat().map(c => c[0]).join(""),
      w.filter(p => new Set(p.map(c => c[1])).size > 1).map(p => p.map(c => c[0]).join(""))]); })"""


@pytest.mark.parametrize("media", ["screen", "phone", "print"])
def test_a_finding_s_file_and_ids_break_only_after_a_slash(page, served, media):
    """数据检查's 位置, the file a finding is about, broke anywhere its narrow column ran out: at 1,280 px
    records/ledgers/202 over 5-H2/tang- over jingjian.yaml:1:1 (a period of 2025 read as 202 and 5-H2, a cadre's file as
    two), and its 问题 and 怎么改 broke an item's id and a file at their hyphens, 2026h1-xiao- over fangting-6,
    records/ledgers/2025- over H2/xiao-yuantao.yaml: the officer reads them to open the file, to find the item.  A file
    breaks after a slash only, each folder and the file's name whole; an id, a code, a date is whole."""
    _findings_page(page, served, media)
    cells = {column: page.eval_on_selector_all(f"article table.data-table tbody td:nth-child({column})", _LATIN_PARTS_BROKEN)
             for column in (3, 4, 5)}  # 位置, 问题, 怎么改
    assert cells[3] and all(len(words) == 1 and words[0][0].startswith("records/") for words in cells[3]), cells[3]
    for column in (4, 5):  # (ids and files said in the words: what is checked is there)
        assert any("-" in w or "/" in w for words in cells[column] for w, _ in words), column
    broken = [(column, w, parts) for column, rows in cells.items() for words in rows for w, parts in words if parts]
    assert broken == [], media


@pytest.mark.parametrize("media", ["print", "screen"])
def test_a_cycle_s_record_location_breaks_only_after_a_slash(page, served, media):
    """附件1's page of a cycle's every row (attachment1/<cycle>.html) printed its 记录位置 in backticks, broken anywhere its
    column ran out: a university of 600 cadres printed records/assignments/2024-2026.yaml:38 as h44- over
    c12k/assignments/2 over 024-2026.yaml:38, each row three lines tall, ten rows an A4 page (851 rows, 86 pages).  The
    file is written as 数据检查's 位置 (markdown.file_path): broken after a slash only, each folder and the file's name
    whole, on paper and on screen."""
    site, base = served
    if media == "print":
        page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX if media == "print" else 1280, "height": 740})
    broken, seen = {}, 0
    for cycle in sorted((site.public / "attachment1").glob("*.html")):
        page.goto(base + f"attachment1/{cycle.name}")
        page.wait_for_load_state("networkidle")
        heads = page.eval_on_selector_all("article table.data-table thead th", "ths => ths.map(t => t.textContent.trim())")
        cells = page.eval_on_selector_all(f"article table.data-table tbody td:nth-child({heads.index('记录位置') + 1})",
                                          _LATIN_PARTS_BROKEN)
        seen += len(cells)
        assert all(len(words) == 1 and words[0][0].startswith("records/assignments/") for words in cells), cells[:3]
        if parts := [p for words in cells for _, p in words if p]:
            broken[cycle.name] = (len(parts), parts[:3])
    assert seen > 100 and broken == {}, media


# [column: item] of each item of a list in a cell (联系点, 联系形式: 计算机2301班、计算机2401班) broken over two lines though
# the cell holds it on one (its width no more than the cell's, inside its padding)
_ITEMS_BROKEN = """(columns) => { const t = document.querySelector("article table.data-table"), out = [];
  const heads = Array.from(t.tHead.rows[0].cells, c => c.textContent.trim());
  for (const column of columns) { const i = heads.indexOf(column); if (i < 0) continue;
    for (const tr of t.tBodies[0].rows) { const td = tr.cells[i], cs = getComputedStyle(td);
      const room = td.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      const walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode()) { let at = 0;
        for (const item of node.data.split("、")) { const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + item.length);
          at += item.length + 1; const rects = Array.from(r.getClientRects());
          if (new Set(rects.map(x => Math.round(x.top))).size > 1 && rects.reduce((s, x) => s + x.width, 0) <= room) out.push(column + ": " + item); } } } }
  return out; }"""


@pytest.mark.parametrize("width", [1280, 375])
def test_a_period_of_attachment2_breaks_a_list_of_points_or_forms_between_its_items(page, served, width):
    """附件2's period pages broke a cadre's points and forms of contact inside a name where the cell held it whole: at 1,280 px
    2025-H2's 联系点 read 计算机2301班、计 over 算机2401班 and 电子设计协会、电 over 子设计协会, 联系形式 个体谈话、座谈交 over 流 (97
    points and forms in 2025-H2, 35 in 2026-H1; on a phone 122 and 86).  A list breaks after its 、, an item inside itself
    only where the cell cannot hold it; 附件1 as well."""
    site, base = served
    rs = validate_records(site.records)[0]
    periods = sorted({p for (p, _), led in rs.ledgers.items() if led.get("activities")})
    page.set_viewport_size({"width": width, "height": 900})
    broken = {}
    for rel in ("attachment1.html", *(f"ledgers/{p}.html" for p in periods)):
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        assert page.locator("article table.data-table th", has_text="联系点").count(), rel
        if found := page.evaluate(_ITEMS_BROKEN, ["联系点", "联系形式"]):
            broken[rel] = (len(found), found[:4])
    assert broken == {}, width


def test_a_cadre_is_found_by_the_given_name_alone(page, served):
    """Staff remember “老师叫什么涛玉”: a search for a cadre's given name alone (涛玉 for 白涛玉, cut 白涛 玉 by jieba)
    found nothing; the cadre's page comes first now.  A unit's name still lists the unit's page first."""
    site, base = served
    rs, _ = validate_records(site.records)
    names = [c.get("name", "") for c in rs.cadres.values()]
    cadres = [(cid, c.get("name")) for cid, c in sorted(rs.cadres.items())
              if len(c.get("name", "")) >= 3 and sum(c.get("name")[1:] in n for n in names) == 1]
    wrong = {}
    for cid, name in cadres[::max(1, len(cadres) // 8)]:
        hrefs = [urlparse(a.get_attribute("href")).path for a in _search(page, base, name[1:]).all()]
        if not hrefs[0].endswith(f"/cadres/{cid}.html"):
            wrong[name[1:]] = hrefs[:3]
    assert wrong == {}
    for uid, unit in sorted(rs.units.items())[::max(1, len(rs.units) // 6)]:
        first = urlparse(_search(page, base, unit.get("name")).first.get_attribute("href")).path
        assert first.endswith(f"/units/{uid}.html"), (unit.get("name"), first)
    assert page.errors == [] and page.outside == []


def test_a_cadre_is_found_first_by_the_surname_and_the_given_names_first_character(page, served):
    """Staff remember “邓佳什么”: a search for a cadre's surname and the first character of the given name (邓佳 for 邓佳冬)
    listed the pages of every cadre surnamed 邓, 邓佳冬's no sooner (jieba cut the name 邓 佳冬, and the worker kept of the
    query only the index's whole words: 邓*).  The cadre's page comes first now, whoever else shares the surname."""
    site, base = served
    rs, _ = validate_records(site.records)
    names = {cid: c.get("name", "") for cid, c in sorted(rs.cadres.items())}
    shared = [(cid, name) for cid, name in names.items() if len(name) >= 3 and name[:2] not in (*COMPOUNDS, *AMBIGUOUS)
              and sum(n[:1] == name[:1] for n in names.values()) > 1 and sum(n[:2] == name[:2] for n in names.values()) == 1]
    assert len(shared) >= 8, shared  # (cadres who share their surname with another: the query cannot be told by it)
    wrong = {}
    for cid, name in shared:
        hrefs = [urlparse(a.get_attribute("href")).path for a in _search(page, base, name[:2]).all()]
        if not hrefs[0].endswith(f"/cadres/{cid}.html"):
            wrong[name[:2]] = hrefs[:3]
    assert wrong == {}
    assert page.errors == [] and page.outside == []


def test_a_compound_surname_is_read_whole_and_one_also_a_surname_and_a_given_name_both_ways(browser, tmp_path):
    """The words of a cadre's name are the records' name split at its surname: 欧阳佳冬 is 欧阳 佳冬 (佳冬 and 欧阳佳 find the
    page first, not 欧阳华's: 欧阳佳 was 欧阳*, both pages), 梁丘志远 either 梁丘 志远 or 梁 丘志远 (both find it first:
    surnames.AMBIGUOUS)."""
    def named(records):
        for cid, name in (("chen-gang", "欧阳佳冬"), ("zhang-wei", "欧阳华"), ("li-na", "梁丘志远")):
            path = records / "cadres" / f"{cid}.yaml"
            path.write_text(re.sub(r"(?m)^name: .*$", f"name: {name}", path.read_text(encoding="utf-8")), encoding="utf-8")

    site = mkdocs_build(fixture_repo(tmp_path, named), tmp_path, FIXTURE_TODAY)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    try:
        pg = ctx.new_page()
        first = {query: urlparse(_search(pg, base, query).first.get_attribute("href")).path
                 for query in ("佳冬", "欧阳佳", "志远", "丘志远", "梁丘志")}
    finally:
        ctx.close()
        server.shutdown()
        server.server_close()
    assert first == {"佳冬": "/cadres/chen-gang.html", "欧阳佳": "/cadres/chen-gang.html",
                     "志远": "/cadres/li-na.html", "丘志远": "/cadres/li-na.html", "梁丘志": "/cadres/li-na.html"}


_CHART_LABELS = """() => Array.from(document.querySelectorAll("article svg.chart")).filter(svg => svg.getClientRects().length)
  .flatMap(svg => { const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll("text"), t => [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale,
      svg.getBoundingClientRect().right <= document.querySelector("article").getBoundingClientRect().right + 0.5]); })"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_chart_s_labels_are_legible_on_a_phone(page, served, width):
    """On a phone (375 px) the bar charts of the home and a period's summary page were scaled down to the screen's
    width, their labels ≈10 px; every label shown is at least 12 px (on a desktop too), the chart within the page."""
    site, base = served
    _, rs = _kinds(site)
    page.set_viewport_size({"width": width, "height": 740})
    for rel in ("index.html", f"summary/{max(p for p, _ in rs.ledgers)}.html"):
        page.goto(base + rel)
        labels = page.evaluate(_CHART_LABELS)
        assert len(labels) >= 6, rel
        small = [(text, round(size, 1)) for text, size, _ in labels if size < 12]
        assert small == [], (rel, small)
        assert all(inside for _, _, inside in labels), rel


@pytest.mark.parametrize("media", ["screen", "phone", "print"])
def test_each_chart_is_shown_once_and_no_two_alike(page, served, media):
    """A leader read the home page's 填报情况（人） chart twice over — this period's and the last one's, both titled the same,
    in December each one bar of 76 people.  On the home page and a period's summary each chart is shown once (drawn for
    a desktop and paper, or for a phone: never both), and no two shown bear the same title: the home page's say their
    period."""
    site, base = served
    _, rs = _kinds(site)
    if media == "print":
        page.emulate_media(media="print")
    page.set_viewport_size({"width": 375 if media == "phone" else 1280, "height": 740})
    titles = {}
    for rel in ("index.html", f"summary/{max(p for p, _ in rs.ledgers)}.html"):
        page.goto(base + rel)
        shown = titles[rel] = page.evaluate("""() => Array.from(document.querySelectorAll("article svg.chart"))
          .filter(svg => svg.getClientRects().length).map(svg => svg.getAttribute("aria-label").split("：")[0])""")  # (its title: the bars follow)
        drawn = page.locator("article svg.chart.chart-wide").count()
        assert len(shown) == drawn >= 2, (rel, shown)
        assert len(set(shown)) == len(shown), (rel, shown)
    filing = [t for t in titles["index.html"] if "填报情况" in t]
    assert len(filing) == 2 and all(re.match(r"\d{4}年[上下]半年填报情况（人）$", t) for t in filing), filing


def test_a_printed_table_ends_no_page_with_its_head_and_one_row(page, served, tmp_path):
    """Printed on A4 after the deadline, a unit's 本期 ledgers and a cadre's 学生反映的问题和建议 ended a page with the table's
    head and one row, the rest under the head again on the next page (a head and a row alone, at the foot, read as the
    whole table).  Now a table keeps its head with its first three rows and its last row with the one before: printed,
    every unit's page and the first cadres' end no page with a table's head and a row or two under it and go on with
    that head on the next page — while tables do go on from one page to the next there."""
    site, base = served
    units = sorted(p.name for p in (site.public / "units").glob("*.html") if p.name != "index.html")
    cadres = sorted(p.name for p in (site.public / "cadres").glob("*.html") if p.name != "index.html")[:8]
    orphans, went_on = [], 0
    for rel in [*(f"units/{u}" for u in units), *(f"cadres/{c}" for c in cadres)]:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        heads = {re.sub(r"\s+", "", h) for h in page.eval_on_selector_all(
            "article thead tr", "rs => rs.map(r => Array.from(r.cells).filter(c => getComputedStyle(c).display !== 'none')"
                                ".map(c => c.innerText).join(''))")}
        printed = _pages_text(page.pdf(prefer_css_page_size=True), tmp_path)
        for i, text in enumerate(printed[:-1], 1):
            lines = [re.sub(r"\s+", "", line) for line in text.splitlines() if line.strip()]
            top = [re.sub(r"\s+", "", line) for line in printed[i].splitlines() if line.strip()][:3]
            went_on += any(line in heads for line in top)  # (a table's head repeated at the top: it went on)
            for k in (2, 3):  # (its head, then one row of one or two lines; or two rows of one line)
                if len(lines) >= k and lines[-k] in heads and lines[-k] in top:
                    orphans.append((rel, i, lines[-k]))
    assert went_on, "no table printed over two pages: nothing to judge"
    assert orphans == []


def test_a_summary_after_the_due_day_prints_who_has_not_filed_unit_by_unit(browser, tmp_path):
    """As of 2027-01-20 none of the demo's 76 ledgers of 2026-H2 is in: its 工作总结 listed them one row each among the
    late and the excused (76 rows: the printed summary 4 A4 pages, the list three of them).  Now a row per unit, its
    names in one cell: printed, each unit's row is one line — unit, how many, every name — and the summary 2 pages."""
    site = mkdocs_build(demo_repo(tmp_path), tmp_path, "2027-01-20")
    page = browser.new_page()
    page.goto((site.public / "summary/2026-H2.html").as_uri())
    page.emulate_media(media="print")
    groups = page.eval_on_selector_all(
        "article table:has(th:text-is('未提交（人）')) tbody tr",
        "rs => rs.map(r => [r.cells[0].innerText, r.cells[1].innerText, r.cells[2].innerText])")
    printed = _pages_text(page.pdf(prefer_css_page_size=True), tmp_path)
    page.close()
    assert sum(int(n) for _, n, _ in groups) == 76 and len(groups) == 12
    lines = [re.sub(r"\s+", "", line) for text in printed for line in text.splitlines()]
    for unit, n, names in groups:
        assert re.sub(r"\s+", "", unit + n + names) in lines, unit
    assert len(printed) <= 2


def test_an_academic_year_s_summary_opens_from_the_index_and_prints_on_a4(page, served, tmp_path):
    """学年工作总结: the 学工部 opens a year's page from 工作总结's index, where the years are listed above the half-years,
    and prints it for 分管校领导 — on A4 its head says the year and the day, its tables are no wider than the page and
    each unit's row is one line, beginning with the unit's name, on at most three pages: two before it drew its charts,
    which print three a row (one a row, as on a half-year's page, they made it four)."""
    site, base = served
    page.goto(base + "summary/index.html")
    # (the newest year over: its figures all in)
    link = page.locator("article li").filter(has_not_text="尚未").get_by_role(
        "link", name=re.compile(r"^\d{4}-\d{4} 学年$")).first
    year = link.inner_text().split()[0]
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"summary/{year}.html") and page.locator("article h1").inner_text() == f"学年工作总结：{year} 学年"
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    wide = page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)")
    units = page.eval_on_selector_all("article .figures-table tbody tr", "rs => rs.map(r => r.cells[0].innerText)")
    printed = _pages_text(page.pdf(prefer_css_page_size=True), tmp_path)
    lines = [re.sub(r"\s+", "", line) for text in printed for line in text.splitlines()]
    assert len(wide) == 3 and max(wide) <= 0, wide  # (指标, 逾期提交和经批准免交的干部 and 各单位情况)
    assert lines[0].endswith(f"工作总结（{year}学年）") and lines[1].startswith("数据截至"), lines[:2]
    assert len(units) > 2 and [u for u in units if not any(line.startswith(re.sub(r"\s+", "", u)) for line in lines)] == []
    assert len(printed) <= 3, len(printed)
