"""Tables written as the theme's script would wrap them (generator/site/table_markup.py)."""
from __future__ import annotations

from generator.site.table_markup import CLOSE, OPEN, wrapped


def test_each_plain_table_is_wrapped_and_the_rest_left_as_it_is():
    page = ("<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>b</p>\n"
            '<table class="own"><tr><td>2</td></tr></table>\n<table>\n<tr><td>3</td></tr>\n</table>')
    assert wrapped(page) == ("<p>a</p>\n" + OPEN + "\n<tr><td>1</td></tr>\n" + CLOSE + "\n<p>b</p>\n"
                             '<table class="own"><tr><td>2</td></tr></table>\n' + OPEN + "\n<tr><td>3</td></tr>\n" + CLOSE)
    assert wrapped("<p>no table</p>") == "<p>no table</p>"


def test_a_table_it_cannot_pair_is_left_as_it_is():
    unclosed = "<table>\n<tr><td>1</td></tr>\n"
    assert wrapped(unclosed) == unclosed
    nested = "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>"
    assert wrapped(nested) == nested
    after = "<table><tr><td>1</td></tr></table><p>x</p>" + nested
    assert wrapped(after) == OPEN + "<tr><td>1</td></tr>" + CLOSE + "<p>x</p>" + nested


def test_a_date_is_kept_whole_but_a_file_s_path_or_name_is_left_as_written():
    """A date, a period and a cycle in a table's text go into a span kept on one line; in a file's path or
    name (records/ledgers/2026-H1/li-na.yaml on the findings page, attachment2-2025-H2.xlsx) they stayed
    split by it, and the page no longer held the path as written: the live preview's test, looking for
    the ledger's path on findings.html, never found it."""
    cell = ("<tr><td>2025-09-01 至 2027-08-31</td><td><a href=\"x.html#2025-H2\">2025-H2</a></td>"
            "<td><code>records/ledgers/2026-H1/li-na.yaml</code></td><td>attachment2-2025-H2.xlsx 2025-H2.csv</td>"
            "<td>2025-H2-li-na-1</td></tr>")
    out = wrapped(f"<table>{cell}</table>")
    whole = lambda s: f'<span class="whole">{s}</span>'
    assert out == OPEN + (f"<tr><td>{whole('2025-09-01')} 至 {whole('2027-08-31')}</td>"
                          f"<td><a href=\"x.html#2025-H2\">{whole('2025-H2')}</a></td>"
                          "<td><code>records/ledgers/2026-H1/li-na.yaml</code></td><td>attachment2-2025-H2.xlsx 2025-H2.csv</td>"
                          "<td>2025-H2-li-na-1</td></tr>") + CLOSE


def test_a_date_against_chinese_is_kept_whole_too():
    """Chinese characters are word characters to Python's \\w, so a date written against them (截至2026-07-01,
    2026-H1期, （2025-2027学年）) was left out of the span and broke at its hyphen; it is kept whole as any
    other, and a path, a file's name or an id holding Chinese is still left as written."""
    cell = ("<tr><td>截至2026-07-01未提交</td><td>2026-H1期台账</td><td>（2025-2027学年）</td>"
            "<td><code>records/ledgers/2026-H1/李娜.yaml</code></td><td>附件2-2025-H2.xlsx 台账2026-H1.csv</td>"
            "<td>2025-H2-li-na-1</td></tr>")
    whole = lambda s: f'<span class="whole">{s}</span>'
    assert wrapped(f"<table>{cell}</table>") == OPEN + (
        f"<tr><td>截至{whole('2026-07-01')}未提交</td><td>{whole('2026-H1')}期台账</td><td>（{whole('2025-2027')}学年）</td>"
        "<td><code>records/ledgers/2026-H1/李娜.yaml</code></td><td>附件2-2025-H2.xlsx 台账2026-H1.csv</td>"
        "<td>2025-H2-li-na-1</td></tr>") + CLOSE


def test_a_heading_s_date_is_kept_whole_and_its_id_left_as_it_is():
    from mkdocs.structure.toc import get_toc
    from generator.site.table_markup import toc_whole

    page = '<h2 class="ledger-head" id="2026-H1">2026年上半年工作台账（2026-H1）</h2>\n<p>2026-H1</p>'
    assert wrapped(page) == ('<h2 class="ledger-head" id="2026-H1">2026年上半年工作台账（<span class="whole">2026-H1'
                             '</span>）</h2>\n<p>2026-H1</p>')
    toc = get_toc([{"level": 2, "id": "2026-H1", "name": "2026年上半年工作台账（2026-H1）", "children": [
        {"level": 3, "id": "x", "name": "截至2026-07-01", "children": []}]}])
    toc_whole(toc)
    top = next(iter(toc))
    assert [top.title, top.children[0].title, top.url] == [
        '2026年上半年工作台账（<span class="whole">2026-H1</span>）', '截至<span class="whole">2026-07-01</span>', "#2026-H1"]
