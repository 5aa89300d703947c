"""Names of 20 characters and more — a unit's, a cadre's, a position — in the site, as a reader sees it in Debian's
chromium (headless): the demo's records with a few names made long, built by a real `mkdocs build`."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from gitrepo import demo_records
from site_build import git, mkdocs_build
from test_site_browser import _SIDEWAYS, _Quiet, browser, page  # noqa: F401 (fixtures)

# (a unit's name of 22 characters with no mark to break at; a cadre's of 21 with 「·」; a position of 23; a class's of 24,
# a freshman class's of 22 and a club's of 20)
UNIT, CADRE, POSITION = "马克思主义学院思想政治教育与心理健康研究中心", "阿依古丽·买买提艾力·阿卜杜热合曼·吐尔逊", "理学院党委副书记兼学生工作办公室主任兼团委书记"
CLASS, FRESHMEN, CLUB = "应用化学与化学工程创新实验拔尖人才培养2401班", "数学与应用数学拔尖学生培养基地实验2601班", "数学建模与数据科学创新实践协会大学生分会"
RENAMED = (("units.yaml", "name: 理学院\n", f"name: {UNIT}\n"), ("cadres/pan-binjie.yaml", "name: 潘彬杰", f"name: {CADRE}"),
           ("cadres/pan-binjie.yaml", "position: 理学院党委书记", f"position: {POSITION}"),
           ("classes/2024.yaml", "name: 化学2401班", f"name: {CLASS}"), ("classes/2026.yaml", "name: 数学2601班", f"name: {FRESHMEN}"),
           ("clubs.yaml", "name: 数学建模协会", f"name: {CLUB}"))
_BUILT: dict = {}


def long_named(base):
    """The demo's records in a Git repository, 理学院 (sci), its cadre 潘彬杰 (pan-binjie, with feedback every year), the
    class and the freshman class he is linked to and the unit's club renamed as above, built once."""
    if "site" not in _BUILT:
        repo = base / "repo"
        records = repo / "records"
        demo_records(records)
        for rel, old, new in RENAMED:
            path = records / rel
            text = path.read_text(encoding="utf-8")
            assert old in text, (rel, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "records")
        git(repo, "commit", "-q", "-m", "记录", date="2026-06-20T10:00:00+08:00")
        _BUILT["site"] = mkdocs_build(records, base, "2026-12-02")
    return _BUILT["site"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = long_named(tmp_path_factory.mktemp("long-names"))
    handler = functools.partial(_Quiet, directory=str(site.public))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_year_s_feedback_board_holds_long_names_at_a_desktop_s_width(page, served):
    """At 1,280 px a year's page of the feedback board fitted with 10–35 px to spare: with a unit's name of 22 characters
    (and its cadre's of 21) it scrolled sideways 102–172 px, as the board's front page did and a cadre's page (its
    联系点变化, the long names whole).  Each year's page and those pages do not scroll now, each long name there in full."""
    site, base = served
    years = sorted(p.name for p in (site.public / "feedback").glob("*.html"))
    assert len(years) >= 3
    page.set_viewport_size({"width": 1280, "height": 800})
    wide, shown = {}, {}
    for rel in [*(f"feedback/{y}" for y in years), "feedback.html", "cadres/pan-binjie.html", "units/index.html"]:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        scrolled, framed, out = page.evaluate(_SIDEWAYS)
        if scrolled > 0 or framed > 0 or out:
            wide[rel] = (scrolled, framed, out)
        text = page.locator("article").inner_text()
        shown[rel] = [n for n in (UNIT, CADRE) if n in text]
    assert wide == {}
    # (a half-year's page lists its problems — the unit's in each, the cadre's in one of each year's halves at least; a
    # year's, feedback/2026.html, only links its halves)
    halves = [f"feedback/{y}" for y in years if not y.removesuffix(".html").isdigit()]
    assert halves and all(UNIT in shown[h] for h in halves), shown
    assert all(any(CADRE in shown[h] for h in halves if h.startswith(f"feedback/{y[:4]}")) for y in years), shown



# [name, td's text] of each long name that reaches past its cell's box, by its characters' rects
_OUT_OF_CELL = """(names) => { const out = [];
  for (const td of document.querySelectorAll("article table td")) {
    if (!td.getClientRects().length) continue;
    const box = td.getBoundingClientRect(), walk = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) for (const name of names) {
      const at = n.data.indexOf(name); if (at < 0) continue;
      const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + name.length);
      if (Array.from(r.getClientRects()).some(x => x.left < box.left - .5 || x.right > box.right + .5))
        out.push([name, td.textContent.trim().slice(0, 30)]); } }
  return out.slice(0, 5); }"""


def test_long_names_printed_on_a4_stay_in_their_cells(page, served):
    """Printed on A4 (landscape, the site's @page), a name of 20 characters and more — a unit's, a class's, a club's, a
    cadre's, a position — was whole and, with no mark to break at, made its column as wide as itself: 附件1's table ran
    past the page's edge (its last columns cut off the paper) and a unit's page printed its classes and clubs past the
    cell's edge.  On every page that prints such a name each table is as wide as the page at most and each name is
    inside its cell (it wraps, six characters a line at least)."""
    from test_site_browser import A4_LANDSCAPE_CONTENT_PX
    site, base = served
    pages = ["attachment1.html", *(f"attachment1/{p.name}" for p in sorted((site.public / "attachment1").glob("*.html"))),
             *(f"ledgers/{p.name}" for p in sorted((site.public / "ledgers").glob("20*.html"))),
             "units/index.html", "units/sci.html", "cadres/index.html", "cadres/pan-binjie.html", "coverage.html",
             *(f"coverage/{p.name}" for p in sorted((site.public / "coverage").glob("*.html"))),
             *(f"feedback/{p.name}" for p in sorted((site.public / "feedback").glob("*.html"))), "feedback.html", "evaluation.html",
             *(f"summary/{p.name}" for p in sorted((site.public / "summary").glob("20*.html")))]
    page.emulate_media(media="print")
    page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
    names = [UNIT, CADRE, POSITION, CLASS, FRESHMEN, CLUB]
    cut, seen = {}, set()
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        wide = [w for w in page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)") if w > 0]
        out = page.evaluate(_OUT_OF_CELL, names)
        if wide or out:
            cut[rel] = (wide, out)
        text = page.locator("article table").all_inner_texts()
        seen |= {n for n in names if any(n in t for t in text)}
    assert seen == set(names)  # (each long name printed somewhere)
    assert cut == {}


def test_attachment1_and_a_period_of_attachment2_hold_long_names_at_a_desktop_s_width(page, served):
    """At 1,280 px 附件1 and each period of 附件2 with a unit's name of 22 characters, its cadre's of 21 and a position of
    23 scrolled sideways in their frames, 9 and 7 px: the long names wrap at six characters a line at least, and the
    theme's 1.25em of padding each side of every cell (nine and ten columns) took the last pixels.  Now 附件1, each of
    its cycles and each period's page fit, nothing scrolling sideways, the unit's and the cadre's names there in full."""
    site, base = served
    pages = ["attachment1.html", *(f"attachment1/{p.name}" for p in sorted((site.public / "attachment1").glob("*.html"))),
             *(f"ledgers/{p.name}" for p in sorted((site.public / "ledgers").glob("20*.html")))]
    page.set_viewport_size({"width": 1280, "height": 800})
    wide, missing = {}, {}
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        scrolled, framed, out = page.evaluate(_SIDEWAYS)
        if scrolled > 0 or framed > 0 or out:
            wide[rel] = (scrolled, framed, out)
        text = page.locator("article table").first.inner_text()
        if [n for n in (UNIT, CADRE) if n not in text]:
            missing[rel] = [n for n in (UNIT, CADRE) if n not in text]
    assert missing == {}
    assert wide == {}


def test_on_a_phone_a_table_s_drop_down_filter_holding_a_long_name_stays_on_the_screen(page, served):
    """On a phone (390 px) a table's drop-down filter (单位：全部, 所属学院：全部) was as wide as its longest option, the unit's
    name of 22 characters: wider than the screen, and 附件1, each period of 附件2, the cadres, 新生班级覆盖 and 年度考核参考
    scrolled sideways, 14 px, the page itself, not a table's frame.  Each drop-down is now within the screen (its options
    whole in the list it opens), and none of those pages scrolls sideways."""
    site, base = served
    pages = ["attachment1.html", *(f"ledgers/{p.name}" for p in sorted((site.public / "ledgers").glob("20*.html"))),
             "cadres/index.html", "coverage.html", "evaluation.html"]
    page.set_viewport_size({"width": 390, "height": 800})
    wide, offered = {}, set()
    for rel in pages:
        page.goto(base + rel)
        page.wait_for_load_state("networkidle")
        scrolled, _, out = page.evaluate(_SIDEWAYS)
        if scrolled > 0 or out:
            wide[rel] = (scrolled, out)
        offered |= set(page.eval_on_selector_all(".table-tools select option", "os => os.map(o => o.textContent.trim())"))
    assert UNIT in offered
    assert wide == {}
