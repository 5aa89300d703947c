"""generator/site/fastmd.py renders the generated pages' tables and data-search-exclude blocks
outside Python-Markdown: the site must look the same as when Python-Markdown renders them,
links must be resolved and checked like MkDocs does it, and excluded blocks must stay out of
the search index while tables stay in it."""
from __future__ import annotations

import json
import re

import markdown
import pytest
import yaml
from markdown.extensions.toc import slugify

from generator.site import fastmd
from site_build import FIXTURE_TODAY, ROOT, built_site, fixture_repo, mkdocs_build

EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]
URLS = {"index.md": "index.html", "cadres/zhang-wei.md": "cadres/zhang-wei.html", "units/cs.md": "units/cs.html",
        "ledgers/2025-H2.md": "ledgers/2025-H2.html", "downloads/a.xlsx": "downloads/a.xlsx"}


def python_markdown(source: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(source)


def squeeze(html: str) -> str:
    return re.sub(r">\s+<", "><", html).strip()


def test_a_table_renders_as_python_markdown_renders_it():
    source = ("| 序号 | 姓名 | 状态 | 文件 | 说明 |\n|---:|---|:---:|:---|---|\n"
              "| 1 | 张伟 | <span class=\"badge good\">按时</span> | `records/ledgers/2025-H2/zhang-wei.yaml` |"
              " a\\*b\\_c\\[d\\]\\#e\\\\f\\|g &amp; &lt;h&gt; \\~ 1\\.2 |\n"
              "| 2 | **王** |  | `a|b` | 跟进<br>↳ x（报告后勤） |\n| 3 |\n")
    links = fastmd.Links("ledgers/2025-H2.md", "ledgers/2025-H2.html", URLS)
    assert squeeze(fastmd.table(source.strip("\n").split("\n"), links)) == squeeze(python_markdown(source))


def test_links_resolve_like_mkdocs_and_missing_ones_are_reported():
    links = fastmd.Links("ledgers/2025-H2.md", "ledgers/2025-H2.html", URLS)
    row = ("| [张伟](../cadres/zhang-wei.md#2025-H2) | [计算机\\_学院](../units/cs.md) | [Excel](../downloads/a.xlsx) |"
           " [本页](#top) | [外部](https://example.org/x.md) | [坏](../cadres/nobody.md) |")
    html = fastmd.table(["| a | b | c | d | e | f |", "|---|---|---|---|---|---|", row], links)
    assert 'href="../cadres/zhang-wei.html#2025-H2">张伟</a>' in html
    assert 'href="../units/cs.html">计算机_学院</a>' in html and 'href="../downloads/a.xlsx"' in html
    assert 'href="#top"' in html and 'href="https://example.org/x.md"' in html
    assert links.missing == ["../cadres/nobody.md"]
    assert ("cadres/zhang-wei.md", "2025-H2", "../cadres/zhang-wei.md#2025-H2") in links.found
    assert ("ledgers/2025-H2.md", "top", "#top") in links.found


@pytest.mark.parametrize("cell", ["[张伟](../cadres/zhang-wei.md#2025-H2)", "[](../units/cs.md)", "[a b](../units/cs.md?x=1)",
                                  "[**粗**](../units/cs.md)", "[计算机\\_学院](../units/cs.md)", "[坏](../cadres/nobody.md)",
                                  "[本页](#top)", "[外](https://example.org/x.md)", "[a](../units/cs.md) [b](#top)",
                                  "[a](../units/cs.md)x", "[:smile:](../units/cs.md)", "[a <b>](../units/cs.md)"])
def test_a_cell_that_is_one_link_renders_as_the_general_path_renders_it(cell):
    """inline() takes a cell that is exactly one link with a plain label on a short path: the same HTML,
    the same anchors to check and the same missing files as the general path (_inline)."""
    quick, general = (fastmd.Links("ledgers/2025-H2.md", "ledgers/2025-H2.html", URLS) for _ in range(2))
    fastmd._RESOLVED.clear()
    try:
        expected = fastmd._inline(cell, general)
    except fastmd.Unsupported:
        with pytest.raises(fastmd.Unsupported):
            fastmd.inline(cell, quick)
    else:
        fastmd._RESOLVED.clear()
        assert fastmd.inline(cell, quick) == expected
    assert (quick.found, quick.missing) == (general.found, general.missing)


@pytest.mark.parametrize("cell", ["*强调*", "_x_", "[未闭合", "a < b", "A & B", ":smile:", "![图](x.png)"])
def test_markdown_it_does_not_know_is_left_to_python_markdown(cell):
    page = f"# 标题\n\n| a |\n|---|\n| {cell} |\n\n<section class=\"x\" data-search-exclude markdown>\n\n" \
           f"| b |\n|---|\n| {cell} |\n\n</section>\n"
    cut = fastmd.cut(page, fastmd.Links("index.md", "index.html", URLS))
    assert cut.markdown == page and not cut.searchable and not cut.excluded


def test_cut_keeps_tables_searchable_and_excluded_blocks_apart():
    page = ("# 张伟\n\n| 项目 | 内容 |\n|---|---|\n| 单位 | 计算机学院 |\n\n"
            "## 2025年下半年工作台账（2025-H2） { #2025-H2 .ledger-head }\n\n"
            "<section class=\"ledger-body\" data-search-exclude markdown>\n\n<div class=\"print-head\">示例大学</div>\n\n"
            "### 联系学生活动（1 次） { data-search-exclude }\n\n| 日期 | 活动情况 |\n|---|---|\n| 2025-10-15 | 主题班会 |\n\n"
            "### 工作体会 { data-search-exclude }\n\n新生适应期需要更多面对面的交流。\n第二行。\n\n</section>\n\n"
            "!!! note \"说明\"\n    | 缩进 | 表 |\n    |---|---|\n")
    cut = fastmd.cut(page, fastmd.Links("cadres/zhang-wei.md", "cadres/zhang-wei.html", URLS))
    assert list(cut.searchable.values()) == [fastmd.table(["| 项目 | 内容 |", "|---|---|", "| 单位 | 计算机学院 |"],
                                                          cut.links)]
    (body,) = cut.excluded.values()
    assert body.startswith('<section class="ledger-body" data-search-exclude>') and body.endswith("</section>")
    assert "<h3>联系学生活动（1 次）</h3>" in body and "<p>新生适应期需要更多面对面的交流。\n第二行。</p>" in body
    assert '<div class="print-head">示例大学</div>' in body
    assert "{ #2025-H2 .ledger-head }" in cut.markdown and "    | 缩进 | 表 |" in cut.markdown  # left to Markdown
    rendered = python_markdown(cut.markdown)
    assert len(fastmd.SLOT_RE.findall(rendered)) == 2  # the placeholders survive Python-Markdown untouched
    full = fastmd.put_back(fastmd.put_back(rendered, cut.searchable), cut.excluded)
    assert not fastmd.SLOT_RE.search(full) and "计算机学院" in full and "主题班会" in full


def test_the_built_site_is_the_same_with_and_without_fastmd(tmp_path, monkeypatch):
    def article(text: str) -> str:
        text = text[text.find("<article"):text.find("</article>")]
        text = re.sub(r"\sdata-search-exclude", "", text)
        text = re.sub(r'(<h[3-6][^>]*?)\s+id="[^"]*"', r"\1", text)  # Python-Markdown ids the excluded headings
        return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", text))

    records = fixture_repo(tmp_path)
    fast = mkdocs_build(records, tmp_path / "fast", FIXTURE_TODAY)
    monkeypatch.setenv("CONTACT_LEDGER_FASTMD", "0")
    slow = mkdocs_build(records, tmp_path / "slow", FIXTURE_TODAY)
    pages = sorted(p.relative_to(fast.public) for p in fast.public.rglob("*.html") if "admin" not in p.parts)
    assert len(pages) > 10
    def contents(text: str) -> list:  # the page's title and its table of contents (the side bar)
        return re.findall(r"<title>.*?</title>", text) + re.findall(
            r'<a href="#([^"]*)" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', text, re.S)

    for rel in pages:
        built, reference = ((b.public / rel).read_text(encoding="utf-8") for b in (fast, slow))
        assert article(built) == article(reference), rel
        ids = set(re.findall(r'\sid="([^"]*)"', built))  # (the excluded headings: no id, not in the contents)
        assert contents(built) == [c for c in contents(reference) if isinstance(c, str) or c[0] in ids], rel
    assert len(contents((fast.public / "cadres" / "zhang-wei.html").read_text(encoding="utf-8"))) > 5
    assert "data-fast-slot" not in "".join((fast.public / rel).read_text(encoding="utf-8") for rel in pages)

    # the search index: the same entries, except the ledger bodies' excluded headings
    def index(built):
        docs = json.loads((built.public / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        return {(d["location"], d["title"], d["text"]) for d in docs if d["title"] or d["text"]}

    fast_index, slow_index = index(fast), index(slow)
    assert fast_index <= slow_index
    assert all("cadres/" in loc for loc, _, _ in slow_index - fast_index)


def test_a_cadre_page_is_searchable_by_its_facts_and_contact_points_not_its_ledgers(tmp_path_factory):
    """In the index, a cadre page is its title and facts (unit, position, contact points) and its
    contact points' history; its ledgers (heading and body) and the sections that only list them
    are left out: at 12,000 ledgers they were 15,000 of the index's 16,500 entries, the browser
    built the index on every page it opened, and a search for 工作台账 listed them all."""
    site = built_site(tmp_path_factory)
    docs = json.loads((site.public / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    cadre_pages = sorted(p.name for p in (site.public / "cadres").glob("*.html") if p.name != "index.html")
    cadre_docs = [d for d in docs if d["location"].startswith("cadres/") and d["location"] != "cadres/index.html"]
    entries = {name: [d["title"].replace("\u200b", "") for d in cadre_docs if d["location"].split("#")[0] == f"cadres/{name}"]
               for name in cadre_pages}
    # (and, for a cadre with an exemption, its 豁免 section: what each exemption excused is a fact of the cadre)
    exempt = {f"{e['cadre']}.html" for e in yaml.safe_load((site.records / "exemptions.yaml").read_text(encoding="utf-8"))["exemptions"]}
    assert exempt and exempt <= set(cadre_pages)
    assert cadre_pages and all(titles[1:] == ["联系点变化"] + ["豁免"] * (name in exempt) for name, titles in entries.items()), entries
    assert len(cadre_docs) == 2 * len(cadre_pages) + len(exempt)
    for d in cadre_docs:
        if "#" not in d["location"]:
            page = (site.public / d["location"]).read_text(encoding="utf-8")
            assert re.search(r"<h1[^>]*>([^<]+)</h1>", page).group(1) == d["title"].replace("\u200b", "")
    # every ledger is still on its cadre's page, under its heading, in the page's contents
    anchors = [a for name in cadre_pages for a in re.findall(
        r'<h2 class="ledger-head" data-search-exclude id="(\d{4}-H\d)"',
        (site.public / "cadres" / name).read_text(encoding="utf-8"))]
    assert anchors and len(anchors) == sum(1 for _ in (site.records / "ledgers").glob("*/*.yaml"))
    # the ledgers' activity summaries are on the cadre pages but not in the index (typical cases are, on 典型案例)
    indexed = json.dumps(docs, ensure_ascii=False).replace("\u200b", "")
    cases = "".join(p.read_text(encoding="utf-8") for p in [site.public / "cases.html", *(site.public / "cases").glob("*.html")])
    summaries = set()
    for name in cadre_pages:
        page = (site.public / "cadres" / name).read_text(encoding="utf-8")
        for table in re.findall(r"<h3>联系学生活动[^<]*</h3>\s*(?:<div[^>]*>\s*)*<table[^>]*>(.*?)</table>", page, re.S):
            summaries |= {s for s in re.findall(r"<td>([^<]{8,})</td>\s*</tr>", table) if s not in cases}
    assert summaries
    assert not [s for s in summaries if s in indexed]
    # the cadres' names and the units' names are
    titles = {d["title"].replace("\u200b", "") for d in docs}
    assert {"干部", "单位"} <= titles


def test_the_findings_page_is_searchable_by_its_title_not_its_rows(tmp_path_factory):
    """数据检查 lists every finding: thousands in a university's bad week (12,847 on a broken 12k
    corpus: 2.5 MB of the index, built again by the browser on every page it opens)."""
    site = built_site(tmp_path_factory)
    docs = json.loads((site.public / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    page = (site.public / "findings.html").read_text(encoding="utf-8")
    codes = set(re.findall(r"<td><span class=\"whole\">([EW]-[A-Z]+-\d{3})</span></td>", page))
    assert codes  # (the demo's and the fixture's records have warnings)
    entries = [d for d in docs if d["location"].startswith("findings.html")]
    assert [d["title"].replace("\u200b", "") for d in entries] == ["数据检查"]
    assert "个警告" in entries[0]["text"].replace("\u200b", "") and not [c for c in codes if c in entries[0]["text"]]


def test_an_html_block_kept_out_of_the_index_is_handed_on_as_it_is():
    body = ('<section class="ledger-body" data-search-exclude>\n<div class="print-head">示例大学</div>\n'
            '<div class="admonition warning">\n<p>a * b _c_ [d](x.md)</p>\n</div>\n<table>\n<tr>\n<td>1</td>\n</tr>\n'
            '</table>\n</section>')
    page = f"# 张伟\n\n## 2025-H2 {{ #2025-H2 }}\n\n{body}\n\n段落\n"
    cut = fastmd.cut(page, fastmd.Links("cadres/zhang-wei.md", "cadres/zhang-wei.html", URLS))
    assert list(cut.excluded.values()) == [body] and not cut.searchable
    assert body not in cut.markdown and "段落" in cut.markdown and "## 2025-H2" in cut.markdown
    # with a blank line inside it is not one HTML block: left to Python-Markdown
    broken = page.replace("<table>", "\n<table>")
    assert fastmd.cut(broken, fastmd.Links("cadres/zhang-wei.md", "cadres/zhang-wei.html", URLS)).markdown == broken


def test_a_ledger_body_shows_record_text_as_written():
    from generator.site.ledger_html import LedgerBodies

    tricky = "a*b_c [d](e.md) <script>x</script> & | ~ `f`\n  第二行  \n\n"
    led = {"name": "张伟", "unit": "c&s", "unit_name": "计算机学院", "position": "院长", "period": "2025-H2",
           "points": [{"name": "计算机2401班", "kind_zh": "班级", "unit_name": ""}],
           "status": {"label": "按时", "kind": "on_time", "landed": "2025-12-20"}, "file": "records/x&y.yaml",
           "archived": None, "amendment": None, "suggestions": [], "reflections": tricky,
           "activities": [{"no": 1, "date": "2025-10-08", "form": "座谈", "place": "进班级", "channel": "面对面",
                           "students": 12, "topics": ["学风", "<b>"], "summary": tricky, "typical": True}],
           "feedback": []}
    out = LedgerBodies("示例大学").body("cadres/zhang-wei.md", led)
    assert out.startswith('<section class="ledger-body" data-search-exclude>') and out.endswith("</section>")
    assert "\n\n" not in out  # one HTML block
    shown = "a*b_c [d](e.md) &lt;script&gt;x&lt;/script&gt; &amp; | ~ `f`<br>第二行"
    assert out.count(shown) == 2 and "<script>" not in out and "<b>" not in out
    assert '<a href="../units/c&amp;s.html">计算机学院</a>' in out and '<a href="../ledgers/2025-H2.html">2025-H2</a>' in out
    assert '<span class="badge good">按时</span>（2025-12-20）' in out and "<code>records/x&amp;y.yaml</code>" in out
    assert "<td>学风、&lt;b&gt;</td>" in out and '<span class="badge good">典型案例</span> ' in out
    assert "<p>本期没有学生反映的问题和建议。</p>" in out


def test_mkdocs_reads_the_cadre_pages_with_their_ledger_bodies_slotted_out(tmp_path):
    from generator.site import build_site
    import datetime as dt

    records, day = fixture_repo(tmp_path), dt.date.fromisoformat(FIXTURE_TODAY)
    result, plain = build_site(records, day, slots=True), build_site(records, day)
    assert result.files == plain.files  # the pages written for `render` are the same
    assert result.sources and all(path.startswith("cadres/") for path in result.sources)
    for path, (markdown, spans) in result.sources.items():
        assert spans and 'class="ledger-body"' not in markdown
        bodies = {slot: result.files[path][start:end].decode("utf-8") for slot, (start, end) in spans.items()}
        assert all(b.startswith('<section class="ledger-body"') and b.endswith("</section>") for b in bodies.values())
        # the slots stand where the bodies were: put back, the page is the one written for `render`
        assert fastmd.put_back(markdown, bodies) == result.files[path].decode("utf-8")
        # and cut() leaves them for the hook to fill in
        assert set(bodies) <= set(fastmd.SLOT_RE.findall(fastmd.cut(markdown, fastmd.Links(path, path, URLS)).markdown))


def _site_markdown():
    """A Markdown converter configured exactly as the site's mkdocs.yml configures MkDocs'."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def _as_python_markdown(md, source: str) -> tuple[str, list, str]:
    """(the page's HTML, its table of contents, the HTML of its first line alone) by Python-Markdown."""
    md.reset()
    page = md.convert(source)
    toc = md.toc_tokens
    md.reset()
    return page, toc, md.convert(source.lstrip("\n").split("\n", 1)[0])


WHOLE_PAGES = [
    # a cadre page's shape: slots, ids given by attr_list, Chinese headings (empty slugs → _1, _2 …)
    '# 白超晨\n\n\n<div data-fast-slot="0"></div>\n\n\n## 联系点变化\n\n\n<div data-fast-slot="1"></div>\n\n\n'
    '## 工作台账\n\n每期台账全文在本页下方（点“查看全文”跳到该期）。\n\n\n<div data-fast-slot="2"></div>\n\n\n'
    '## 2026年上半年工作台账（2026-H1） { #2026-H1 .ledger-head }\n\n\n<div data-fast-slot="3"></div>\n\n',
    # sections left out of the search index: the attribute alone, and with an id and a class
    '# 白超晨\n\n## 联系点变化\n\n## 工作台账 { data-search-exclude }\n\n每期台账全文在本页下方。\n\n'
    '## 2026年上半年工作台账（2026-H1） { #2026-H1 .ledger-head data-search-exclude }\n\n\n<div data-fast-slot="0"></div>\n\n',
    # repeated headings, a slug that an attr_list id takes first, classes before the id, levels skipped
    "# Summary 2026\n\n## Notes\n\n## Notes\n\n#### notes { .a .b }\n\n## x { #notes }\n\n### 2026 H1 { .c #h }\n",
    # paragraphs over lines, with a link, code and strong text; a heading right after a line; the slot last
    "# 单位：计算机学院\n说明 [政策](https://example.edu.cn/p?a=1#b) 的 `台账`，**重要**\n第二行 a \"q\" 'x' (y)\n"
    '## 下一节\n\n<div data-fast-slot="0"></div>\n\n<div data-fast-slot="1"></div>',
]


@pytest.mark.parametrize("source", WHOLE_PAGES)
def test_a_whole_page_renders_as_python_markdown_renders_it(source):
    whole = _whole(source)
    assert whole is not None
    page, toc, title = _as_python_markdown(_site_markdown(), source)
    assert (whole.html, whole.toc, whole.title_html) == (page, toc, title)
    assert whole.ids == {t["id"] for t in _flat(toc)}


def hrefs(page: str) -> str:
    """The page without its links' targets (test_links_resolve_like_mkdocs… checks those)."""
    return re.sub(r'href="[^"]*"', "href", page)


def _whole(source: str):
    """fastmd.whole of a page of units/ (links resolved against URLS), with the site's toc settings."""
    return fastmd.whole(source, fastmd.Links("units/cs.md", "units/cs.html", URLS), slugify, "-")


def _flat(tokens):
    for t in tokens:
        yield t
        yield from _flat(t["children"])


@pytest.mark.parametrize("source", [
    "## 不是一级标题开头\n\n正文\n",  # the title comes first, or Python-Markdown renders the page
    "# 标题\n\n- 列表\n",
    "# 标题\n\n## *强调*\n",
    "# 标题\n\n## [链接](../units/cs.md)\n",
    "# 标题\n\n段落 {: .note }\n",
    "# 标题\n\n#不是空格\n",
    '# 标题\n\n<div data-fast-slot="0"></div>\n紧跟的文字\n',
    "# 标题\n\n!!! note\n    提示\n",
    "# 标题\n\n    缩进的代码\n",
])
def test_a_page_with_what_whole_does_not_render_is_left_to_python_markdown(source):
    assert _whole(source) is None


def test_the_generated_cadre_and_unit_pages_render_whole_as_python_markdown_renders_them(tmp_path_factory):
    site = built_site(tmp_path_factory)
    pages = sorted(p.relative_to(site.generated).as_posix() for p in site.generated.rglob("*.md"))
    urls = {p: p[:-3] + ".html" for p in pages}
    md, rendered = _site_markdown(), []
    for rel in pages:
        cut = fastmd.cut((site.generated / rel).read_text(encoding="utf-8"), fastmd.Links(rel, urls[rel], urls))
        whole = fastmd.whole(cut.markdown, cut.links, slugify, "-")
        if whole is not None:
            rendered.append(rel)
            page, toc, title = _as_python_markdown(md, cut.markdown)  # (links: MkDocs resolves them, and
            assert (hrefs(whole.html), whole.toc, whole.title_html) == (hrefs(page), toc, title), rel  # fastmd)
    people = [p for p in pages if p.startswith(("cadres/", "units/")) and not p.endswith("index.md")]
    assert people and set(people) <= set(rendered)


def test_a_whole_pages_title_is_what_mkdocs_page_render_makes_of_it(tmp_path_factory):
    """The hook gives a whole page's title line to MkDocs without Page.render's Python-Markdown
    (mkdocs_hook._render_title): the page's content, contents, title and anchors are then what
    MkDocs' own Page.render makes of that line, for every whole page of the built site."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from generator.site import mkdocs_hook

    site = built_site(tmp_path_factory)
    config = load_config(str(ROOT / "mkdocs.yml"))
    pages = sorted(p.relative_to(site.generated).as_posix() for p in site.generated.rglob("*.md"))
    urls = {p: p[:-3] + ".html" for p in pages}
    files = Files([File(rel, str(site.generated), str(tmp_path_factory.mktemp("site")), False) for rel in pages])

    def made(rel: str, render) -> tuple:
        page = Page(None, files.get_file_from_path(rel), config)
        page.markdown = whole.title_line
        render(page)
        return (page.content, [(t.id, t.title, t.level, len(t.children)) for t in page.toc], page.title,
                page.present_anchor_ids, page.links_to_anchors)

    checked = 0
    for rel in pages:
        cut = fastmd.cut((site.generated / rel).read_text(encoding="utf-8"), fastmd.Links(rel, urls[rel], urls))
        whole = fastmd.whole(cut.markdown, cut.links, slugify, "-")
        if whole is not None:
            mkdocs = made(rel, lambda page: page.render(config, files))
            ours = made(rel, lambda page: mkdocs_hook._render_title(page, whole, config, files))
            assert ours == mkdocs, rel
            assert ours[2] and ours[3]
            checked += 1
    assert checked >= 5
