"""R11: 学工部 汇总分析 the problems reported upward. One reported to a body that is no unit of records/units.yaml nor
its 党委 (后勤处: a real outside body, a word of the policy's escalation_targets) is on no unit's page as reported to
it: the problem board (学生反映问题台账) lists such open problems in a section of their own, with the body's name."""
from __future__ import annotations

import re

from site_build import FIXTURE_TODAY, fixture_repo, mkdocs_build
from test_site_browser import A4_LANDSCAPE_CONTENT_PX, _heads_broken, _id_lines
from test_site_figures import visible

OUTSIDE = "上报至其他部门（不在单位名单中）的未解决问题"


def _site(tmp_path):
    """The site fixture with two open problems of 张伟 (计算机学院) in 2026-H1: one reported to 后勤处, one to
    机械学院党委 (a unit's)."""
    def reported(records):
        path = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "".join(
            f"  - id: 2026h1-zhang-wei-{n}\n    raised_on: \"2026-03-10\"\n    kind: 问题\n    category: 生活后勤\n"
            f"    description: {what}\n    status: 已上报\n    escalated_to: {to}\n"
            for n, what, to in ((7, "几名学生反映食堂晚餐供应时间太短。", "后勤处"),
                                (8, "几名学生反映实验楼夜间开放时间太短。", "机械学院党委"))), encoding="utf-8")
    return mkdocs_build(fixture_repo(tmp_path, reported), tmp_path / "built", FIXTURE_TODAY)


def _seen_in_chromium(path, item):
    """The section's heading and, in the table under it, the item's row naming 后勤处, as a person sees them: headless
    chromium (Debian's) opening the built file."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=["--no-sandbox"])
        try:
            page = browser.new_page(locale="zh-CN")
            page.goto(path.as_uri())
            heading = page.get_by_role("heading", name=OUTSIDE)
            assert heading.is_visible()
            row = heading.locator("xpath=following::table[1]").get_by_role("row").filter(has_text=item)
            assert row.is_visible() and "后勤处" in row.inner_text()
            # printed on A4, the board's three tables of open problems (超期未解决, 办理中, this one) head their days
            # 已过天数, each header on one line
            page.emulate_media(media="print")
            page.set_viewport_size({"width": A4_LANDSCAPE_CONTENT_PX, "height": 740})
            heads = page.locator("article .thread-table thead tr").all_inner_texts()
            assert len(heads) == 3 and all("已过天数" in h.split() for h in heads), heads
            assert _heads_broken(page) == []
            # …and this section's table and 办理中's, their columns in 超期未解决's order, are no wider than the page (nor
            # is any table of it), each id and the body's name on one line
            assert [w for w in page.eval_on_selector_all("article .md-typeset__scrollwrap", "fs => fs.map(f => f.scrollWidth - f.clientWidth)") if w > 0] == []
            assert [t for t, n in _id_lines(page) if n != 1] == []
            body = heading.locator("xpath=following::table[1]").get_by_role("cell", name="后勤处", exact=True)
            assert body.evaluate("td => { const r = document.createRange(); r.selectNodeContents(td); "
                                 "return new Set(Array.from(r.getClientRects(), x => Math.round(x.top))).size; }") == 1
        finally:
            browser.close()


def test_a_problem_reported_to_a_body_no_unit_is_on_the_board_under_that_bodys_name(tmp_path):
    site = _site(tmp_path)
    page = (site.public / "feedback.html").read_text(encoding="utf-8")
    assert re.search(rf"<h2[^>]*>{OUTSIDE}", page), "no section"
    section = visible(page.split(OUTSIDE)[-1].split("<h2")[0])
    assert "2026h1-zhang-wei-7" in section and "后勤处" in section and "计算机学院" in section, section
    assert "2026h1-zhang-wei-8" not in section, section  # (机械学院's: on its page)
    # (the resolved one reported to 后勤处, 2025h2-zhang-wei-1, is not open)
    assert "2025h2-zhang-wei-1" not in section, section
    # its days open are headed as the 超期未解决 table heads the same number (已过天数), not a bare 天数
    table = page.split(OUTSIDE)[-1].split("</table>")[0]
    head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
    assert "已过天数" in head and "天数" not in head, head
    overdue = page.split("超期未解决</h2>")[-1].split("<h2")[0].split("</table>")[0]
    overdue = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", overdue, re.S)]
    assert "已过天数" in overdue, overdue
    # …in the same place: read one after the other, the two tables' shared columns are in one order (已过天数 was this
    # table's eighth column, 超期未解决's third), the body reported to after 当前状态 (已上报 | 后勤处)
    assert [h for h in head if h != "报告对象"] == overdue
    assert head.index("报告对象") == head.index("当前状态") + 1, head
    row = next([visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
               for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S) if "2026h1-zhang-wei-7" in tr)
    assert row[head.index("已过天数")] == "15", row  # (raised 2026-03-10, the site's day 2026-03-25)
    # and 办理中 (open, not overdue: 2026h1-zhang-wei-8 among them) heads the same number so; a half-year's page, whose
    # rows are resolved too (天数: the days it took), keeps 天数
    open_ = page.split("办理中</h2>")[-1].split("<h2")[0].split("</table>")[0]
    head = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", open_, re.S)]
    assert "已过天数" in head and "天数" not in head, head
    row = next([visible(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
               for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", open_, re.S) if "2026h1-zhang-wei-8" in tr)
    assert row[head.index("已过天数")] == "15", row
    # …its columns shared with 超期未解决 in 超期未解决's order, 已过天数 the third (it was the ninth, after 类型 and 时长),
    # its own (类型 beside 类别, 时长 after 当前状态) where they were
    assert [h for h in head if h in overdue] == overdue, head
    assert head[:5] == overdue[:5] and head.index("类型") == head.index("类别") - 1, head
    assert head.index("时长") == head.index("当前状态") + 1, head
    half = (site.public / "feedback" / "2026-H1.html").read_text(encoding="utf-8")
    half = [visible(h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", half, re.S)]
    # (the half-year's page, its table 办理中's, in the same order: its 天数, counted from 反映日期 as 已过天数 is and
    # the same number in an open one's row, the third)
    assert half == ["天数" if h == "已过天数" else h for h in head], half
    _seen_in_chromium(site.public / "feedback.html", "2026h1-zhang-wei-7")
    # the units index's column says what it counts for a college and a department alike
    index = visible((site.public / "units" / "index.html").read_text(encoding="utf-8"))
    assert "未解决问题（含上报本单位的）" in index and "上报本单位党委的" not in index, index
    assert "报告对象是本单位的党委，或本单位的名称" in index, index
