"""A ledger's body on its cadre's page, written as HTML.

The body is the bulk of a large site (at 12,000 ledgers some 100,000 table rows) and is kept
out of the search index (`data-search-exclude`).  Written as Markdown, it was escaped for
Markdown and parsed back by fastmd.py, cell by cell; as HTML it is written once and
fastmd.cut hands the block on as it is.  The HTML is what Python-Markdown makes of the
equivalent Markdown (tables, the admonition of an amendment), and the links are the pages'
final URLs (use_directory_urls: false), relative to the cadre's page.

It is Python, not a Jinja template: a body is a few fixed tables with a cell per value, and
Jinja's per-value lookups and loop objects cost three times what the strings themselves do.
Every value goes through text() (escaped, one line); no blank line may appear inside the
section, which must stay one HTML block.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from markupsafe import Markup

from generator.report import as_of, as_of_said
from generator.site.markdown import changed_after, nature_mark, one_line, rel, status_css


def text(value) -> str:
    """Record text as HTML: escaped, one line per line (<br>), outer spaces and empty lines dropped."""
    if type(value) is str:  # most values: nothing to escape, one line — just the outer spaces dropped
        return value.strip() if _SPECIAL.search(value) is None else _text(value)
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    return _text(str(value))


_SPECIAL = re.compile(r"[&<>\r\n]")  # what _text changes besides the outer spaces


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:  # a str, not Markup: Markup + str would escape the str
    return str(one_line(html.escape(value, quote=False)))


def href(target: str, here: str) -> str:
    """The URL of docs page `target` ('units/x.md') relative to page `here`'s URL, for href="…"."""
    link = rel(target, here)
    return html.escape(link[:-3] + ".html" if link.endswith(".md") else link, quote=True)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    """A table as Python-Markdown writes it; `head` cells are whole <th> elements, row cells are <td> contents
    (or whole elements when they start with '<td')."""
    out = ["<table>", "<thead>", "<tr>", *head, "</tr>", "</thead>", "<tbody>"]
    for cells in rows:
        out.append("<tr>")
        out += [c if c.startswith("<td") else f"<td>{c}</td>" for c in cells]
        out.append("</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _th(*labels: str) -> list[str]:
    return [f"<th>{label}</th>" for label in labels]


def _file(file: str) -> str:
    """A ledger's file; one as it was on a past --today (x.yaml@2026-07-01, report.as_of): the real file, that day's content said."""
    real, day = as_of(file)
    return f"<code>{text(real)}</code>" + (f"（{as_of_said(day)}）" if day else "")


_RIGHT = '<td style="text-align: right;">'
_ACTIVITY_HEAD = ['<th style="text-align: right;">序号</th>', *_th("日期", "联系形式", "联系场所", "联系方式"),
                  '<th style="text-align: right;">学生人数</th>', *_th("主题", "活动情况")]


class LedgerBodies:
    """body(here, led) -> the HTML of ledger `led` (an aggregate.ledger dict) on page `here`."""

    def __init__(self, institution: str, suggestions_title: str = "意见建议"):
        self.suggestions_title = suggestions_title  # (the policy's: RecordSet.suggestions_title)
        # (with the ledger's half-year: printed in place of its heading, 2026年上半年工作台账（2026-H1）, ledger.css)
        self.print_head = f'<div class="print-head">{text(institution)}中层领导干部深入基层联系学生工作台账（{{}}）</div>'

    def body(self, here: str, led: dict) -> Markup:
        t = text
        unit = (f'<a href="{href("units/" + led["unit"] + ".md", here)}">{t(led["unit_name"])}</a>' if led["unit"]
                else t(led["unit_name"]))
        # (a class removed from the records since an archived ledger named it: its id alone)
        points = "、".join(t(p["name"]) + (f'（{"，".join(t(x) for x in (p["kind_zh"], p["unit_name"]) if x)}）'
                                           if p["kind_zh"] else "") for p in led["points"])
        status = led["status"]
        filed = "已提交"
        if status["label"]:
            css = status_css(status)
            filed = f'<span class="badge {t(css)}">{t(status["label"])}</span>' if css else t(status["label"])
        if status["landed"]:
            filed += f'（{t(status["landed"])}）'
        facts = [["姓名", t(led["name"])], ["单位", unit], ["职务", t(led["position"])],
                 ["填报期间", f'<a href="{href("ledgers/" + led["period"] + ".md", here)}">{t(led["period"])}</a>'],
                 ["联系点", points], ["填报状态", filed], ["记录文件", _file(led["file"])]]
        manifest = status.get("manifest")
        if manifest and status["landed"]:  # (the date is the manifest's word, under its administrator's approved_by)
            facts.append(["提交日期依据", f'导入清单 <code>{t(manifest["file"])}</code>（'
                          + (f'批准导入：{t(manifest["approved_by"])}' if manifest["approved_by"]
                             else "清单未写批准人（approved_by）") + "）"])
        after = changed_after(status)
        if after:  # (what the unit reviewer approved is the landing's version: git log -p shows each change since)
            facts.append(["合并后修改", f'{t(after)}，修改内容：<code>git log -p --first-parent -- {t(as_of(led["file"])[0])}</code>'])
        if led["archived"]:
            facts.append(["备案", f'已备案（{t(led["archived"]["archived_on"])}）'
                                  + ("，有更正记录" if led["amendment"] else "")])
        out = ['<section class="ledger-body" data-search-exclude>', self.print_head.format(t(led.get("period_name") or led["period"])),
               *_table(_th("项目", "内容"), facts)]
        if led["amendment"]:
            out += _amendment(led["amendment"])
        acts, fbs = led["activities"], led["feedback"]
        out.append(f"<h3>联系学生活动（{len(acts)} 次）</h3>")
        if acts:
            out += ['<div class="activity-table">', *_table(_ACTIVITY_HEAD, [  # (its words' column: ledger.css)
                [f'{_RIGHT}{t(a["no"])}</td>', t(a["date"]), t(a["form"]), t(a["place"]), t(a["channel"]),
                 f'{_RIGHT}{t(a["students"])}</td>', t("、".join(a["topics"])),
                 ('<span class="badge good">典型案例</span> ' if a["typical"] else "") + t(a["summary"])]
                for a in acts]), "</div>"]
        else:
            out.append("<p>本期没有记录活动。</p>")
        out.append(f"<h3>学生反映的问题和建议（{len(fbs)} 条）</h3>")
        if fbs:
            out += ['<div class="feedback-table">', *_table(_th("编号", "日期", "类型", "类别", "内容", "办理状态", "办理情况"), [
                [f'<td class="item-id">{t(f["id"])}</td>', t(f["raised_on"]), t(f["kind"]), t(f["category"]),
                 t(nature_mark(f) + f["description"]) + (f'（跟进 {t(f["follows"])}）' if f["follows"] else ""), t(f["status"]),
                 (f'报告{t(f["escalated_to"])}。' if f["escalated_to"] else "") + t(f["resolution"])
                 + (f'（{t(f["resolved_on"])}）' if f["resolved_on"] else "") + t(f["note"])]
                for f in fbs]), "</div>"]  # (its columns of words: ledger.css)
        else:
            out.append("<p>本期没有学生反映的问题和建议。</p>")
        if led["suggestions"]:
            out.append(f"<h3>{text(self.suggestions_title)}</h3>")
            out += _table(_th("建议对象", "内容"), [[t(s["to"]), t(s["content"])] for s in led["suggestions"]])
        if led["reflections"]:
            out += ["<h3>工作体会</h3>", f'<p>{t(led["reflections"])}</p>']
        out.append("</section>")
        return Markup("\n".join(out))


def _amendment(am: dict) -> list[str]:
    t = text
    return ['<div class="admonition warning">', '<p class="admonition-title">更正记录</p>',
            "<p>本台账备案后经管理员批准更正。下方各节仍是备案时的原台账，更正以本框为准。</p>" if am["as_archived"] else
            "<p>本台账备案后经管理员批准更正，台账文件也已随之修改：下方各节是更正后的台账，备案时的原内容见本框的“原内容”"
            f'（原文件在 Git 历史中，备案时导出的附件2、活动明细、学生反映问题、意见建议和工作体会在 <code>{t(am["exports"])}</code>）。</p>',
            *_table(_th("项目", "内容"), [["更正原因", t(am["reason"])], ["批准人", t(am["approved_by"])],
                                          ["更正日期", t(am["date"])], ["更正记录文件", f'<code>{t(am["file"])}</code>']]),
            *_table(_th("更正字段", "原内容", "更正为"), [
                [f'{t(c["label"])}（{t(c["field"])}）' if c["label"] else t(c["field"]), t(c["original"]),
                 t(c["corrected"])] for c in am["corrections"]]),
            "</div>"]
