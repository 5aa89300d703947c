"""Tables as the theme's script would leave them, written so at build time.

When a page opens, Material for MkDocs moves each `table:not([class])` of the content into
`<div class="md-typeset__scrollwrap"><div class="md-typeset__table">` (its horizontal scroll).
Moving a table the browser has laid out already makes it lay the whole table out again: on a
year's feedback page at 12,000 ledgers (1,369 rows) 0.4 s of the 1.5 s the page took to open.
So every table is written inside those two divs with the class `data-table`, which the theme's
script leaves alone; site/assets/ledger.css gives `table.data-table` the theme's own table
style, and site/assets/tables.js makes such tables sortable and filterable.

A date, a period and a cycle in a table's text (2025-09-01, 2025-H2, 2025-2027) are written inside
`<span class="whole">`, kept on one line by ledger.css: the browser broke them at their hyphens,
2027- over 08-31 in 附件1's 起止日期, on paper, at a desktop's width and on a phone.  So are those of
the headings and of the table of contents they make (`toc_whole`), once the page is in the search
index: the table of contents at the right of a cadre's page read 2026年上半年工作台账（2026- over H1）.

A page's title (its h1) breaks only at a space, a mark, or around one of the words of title_words.txt
beside this file (ledger.css: word-break: keep-all), written as `<wbr>` about them: on a phone (375 px)
the home page's 示例大学联系学生工作台账 broke inside 工作台账 (…联系学生工作 over 台账), now 示例大学联系学生 over
工作台账.  (A list, not jieba: the search's helper loads jieba, the build's own process does not.)

A year or a cycle of a heading or of a table's head and the word written after it (2025 年度, 2025-2026 学年, 2023-2025
周期) are whole too: on a phone 年度考核参考：2025 年度 broke at the space, the year alone at the line's end.
"""
from __future__ import annotations

import re
from pathlib import Path

# (in a tag's text only: the next angle bracket is a tag's opening, not the end of an attribute's tag;
# not in an id, a file's path or name: 2025-H2-li-na-1, records/ledgers/2026-H1/li-na.yaml, attachment2-2025-H2.xlsx;
# ASCII's word characters only: against Chinese, 截至2026-07-01, 2026-H1期, a date is whole too.)
# Matched from its first hyphen, its four digits and what is before them looked behind for: a literal
# first is what the expression engine scans for quickly, where from the digits it tried every place of
# the text (a table's text at 12,000 ledgers, 69 M characters: 2.4 s of the build's CPU, now 0.45 s).
# (\Z: a heading's or an entry's text, which ends in words)
_WHOLE = re.compile(r"-(?<=(?<![\w/.-])\d{4}-)(?:\d\d-\d\d|H[12]|\d{4})(?![\w/-]|\.\w)(?=[^<>]*(?:<|\Z))", re.ASCII)
_HEADING = re.compile(r"<h([1-6])(?:\s[^>]*)?>(.*?)</h\1>", re.S)
# (longest first; in a tag's text only, as _WHOLE; not at the title's start or end)
_TITLE_WORDS = sorted(Path(__file__).with_name("title_words.txt").read_text(encoding="utf-8").split(), key=len, reverse=True)
_TITLE_WORD = re.compile("(?<=[^>])(?:%s)(?=[^<>]*(?:<|\\Z))" % "|".join(map(re.escape, _TITLE_WORDS)))

OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
CLOSE = "</table></div></div>"


def wrapped(html: str) -> str:
    """`html` with each plain `<table>` (no attribute: Markdown's, fastmd's, a ledger body's)
    wrapped; a table that has attributes is someone's own and stays as it is.  The dates of the
    headings are kept whole too."""
    if "<h" in html:
        html = _headings_whole(html)
    if "<table>" not in html:
        return html
    out, at = [], 0
    while (start := html.find("<table>", at)) >= 0:
        end = html.find("</table>", start)
        if end < 0 or html.find("<table", start + 7, end) >= 0:  # (unclosed or nested: left alone)
            break
        head = html.find("</thead>", start, end)
        head = start + 7 if head < 0 else head
        out += [html[at:start], OPEN, *_year_with_word(_kept_whole(html, start + 7, head)), *_kept_whole(html, head, end), CLOSE]
        at = end + 8
    out.append(html[at:])
    return "".join(out)


def _kept_whole(html: str, start: int, end: int) -> list[str]:
    """html[start:end] in pieces, each date, period and cycle of its text inside <span class="whole">."""
    out, at = [], start
    for m in _WHOLE.finditer(html, start, end):
        first = m.start() - 4  # (its four digits)
        out += [html[at:first], '<span class="whole">', html[first:m.end()], "</span>"]
        at = m.end()
    out.append(html[at:end])
    return out


# A year or a cycle of a heading (2025, <span class="whole">2025-2026</span>) with the word written after it (年度, 学年,
# 周期): broken at the space between, 年度考核参考：2025 over 年度 on a phone, the year alone at the line's end.
# (A table's head too: on a phone the units' index's 未覆盖新生班级（2026-2027 学年）was three lines, …（2026-2027 over 学年）.)
_YEAR_WORD = re.compile(r'(?<![\w-])(?:(\d{4})|<span class="whole">(\d{4}-\d{4})</span>) ([\u4e00-\u9fff]{1,2})(?=[^<>]*(?:<|\Z))')


def _year_with_word(pieces: list[str]) -> list[str]:
    """A heading's or a table head's pieces (_kept_whole's) with each year or cycle and the word after it inside one
    <span class="whole"> (a cycle's own span widened to the word)."""
    text = "".join(pieces)
    if " " not in text:
        return pieces
    whole = _YEAR_WORD.sub(lambda m: f'<span class="whole">{m.group(1) or m.group(2)} {m.group(3)}</span>', text)
    return pieces if whole == text else [whole]


def _headings_whole(html: str) -> str:
    out, at = [], 0
    for m in _HEADING.finditer(html):
        pieces = _year_with_word(_kept_whole(html, m.start(2), m.end(2)))
        if m.group(1) == "1":
            pieces = _title_apart(pieces)
        if len(pieces) > 1 or pieces[0] != m.group(2):  # (a date in it, or a title's words)
            out += [html[at:m.start(2)], *pieces]
            at = m.end(2)
    if not out:
        return html
    out.append(html[at:])
    return "".join(out)


def _title_apart(pieces: list[str]) -> list[str]:
    """A title's pieces (_kept_whole's) with a line's break allowed about each of its words of title_words.txt."""
    return [_TITLE_WORD.sub(_apart, piece).replace("<wbr><wbr>", "<wbr>") for piece in pieces]


# The header bar's two titles (the site's; the page's, shown once the page's own is scrolled past): Material cut them
# with an ellipsis wherever the bar's width ran out, inside a word (…汇总：2026…, …如何判断（威胁…); ledger.css lets
# them break as a page's title does and shows the first line, an ellipsis after its last whole word.
_TOPIC = re.compile(r'<div class="md-header__topic"[^>]*>\s*<span class="md-ellipsis">([^<]*)</span>')


def header_titles(html: str) -> str:
    """The page with its header bar's titles broken only between words, as its h1 (unchanged when nothing is to)."""
    out, at = [], 0
    for m in _TOPIC.finditer(html, 0, html.find("</header>")):
        text = "".join(_title_apart(_kept_whole(html, m.start(1), m.end(1))))
        if text != m.group(1):
            out += [html[at:m.start(1)], text]
            at = m.end(1)
    if not out:
        return html
    out.append(html[at:])
    return "".join(out)


def _apart(m: re.Match) -> str:
    """A title's word with a line's break allowed before and after it (not at the text's ends)."""
    end = m.end() < len(m.string) and m.string[m.end()] != "<"
    return "<wbr>" + m.group() + ("<wbr>" if end else "")


def toc_whole(toc) -> None:
    """The dates of a page's table of contents (MkDocs' AnchorLinks: titles are HTML) kept whole."""
    for item in toc:
        if "-" in item.title:
            item.title = "".join(_kept_whole(item.title, 0, len(item.title)))
        toc_whole(item.children)
