"""Putting record text into Markdown safely: no stray markup, no broken tables."""
from __future__ import annotations

import html
import posixpath
import re
from collections import Counter
from functools import lru_cache

from markupsafe import Markup

from generator.site.checks import changes_after_merge

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_PLAIN = re.compile(r"[&<>\r\n\\`*_\[\]#|~]")  # text without these only loses its outer spaces


def text(value) -> str:
    """Record text as inline Markdown: HTML escaped, Markdown specials escaped, one line."""
    if value is None:
        return ""
    return _str_text(value) if type(value) is str else _text(value)


@lru_cache(maxsize=1 << 17)  # the same names, dates and words come back thousands of times
def _str_text(value: str) -> str:
    return Markup(value.strip()) if not _PLAIN.search(value) else _text(value)


def _text(value) -> str:
    return one_line(_MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False)))


def one_line(s: str) -> Markup:
    """Escaped text on one line: its lines joined by <br>, outer spaces and empty lines dropped."""
    lines = [ln.strip() for ln in s.replace("\r", "").split("\n")]
    return Markup("<br>".join(ln for ln in lines if ln))


def rel(target: str, here: str) -> str:
    """Relative link from page `here` to docs path `target` (both like 'cadres/x.md')."""
    return _rel(target, here.rpartition("/")[0])


@lru_cache(maxsize=None)  # keyed by the page's folder (a handful), not by the page: it always hits
def _rel(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder or ".")


# ---- the templates' recurring snippets (globals of the page templates) -------------------
# Plain functions, not Jinja macros: a macro call costs some ten times as much, and a large
# site makes a few hundred thousand of these.  `here` is the page being rendered.
def out(value) -> str:
    """What `{{ value }}` puts in a page: Markup as it is, anything else through text()."""
    return value if isinstance(value, Markup) else text(value)


# A name in a table — a unit's, a cadre's, a class's, a club's — is whole (ledger.css: keep-all), and a name of more
# characters than LONG_NAME may wrap, at six characters a line at least (<span class="long-name">): whole, a unit of
# 22 characters made a year's page of the feedback board scroll sideways at 1,280 px, and printed on A4 a table ran
# past the page's edge, its last columns cut.  A position is a unit's name and a title, longer: whole up to
# LONG_POSITION (计算机科学与工程学院党委副书记, 15: on a phone a unit's 干部 keeps it whole and scrolls sideways).
# (Displays' measures, not a policy's: no record holds them.)
LONG_NAME, LONG_POSITION = 12, 16


def name(value) -> Markup:
    """A name in a table's cell: as out() writes it, inside <span class="long-name"> if it is long."""
    return _long(out(value), value)


def position(value) -> Markup:
    """A cadre's position in a table's cell, as name() writes a name, long past LONG_POSITION characters."""
    return _long(out(value), value, LONG_POSITION)


def after_unit(position, unit_name) -> str:
    """What of a position follows its unit's name (计算机科学与工程学院党委书记 of 计算机科学与工程学院: 党委书记), '' where it
    does not begin with it (or is only that)."""
    position = str(position or "")
    return position[len(unit_name):] if unit_name and position.startswith(unit_name) and position != unit_name else ""


def position_beside(value, unit_name) -> Markup:
    """A position in a row whose 单位 names its unit (附件2): on paper without that name (print-omit: the page says so,
    period.md.j2), on screen whole, as position() writes it."""
    rest = after_unit(value, unit_name)
    return _long(Markup(f'<span class="print-omit">{out(unit_name)}</span>{out(rest)}'), value, LONG_POSITION) if rest else position(value)


def _long(written, value, longer_than: int = LONG_NAME) -> Markup:
    return Markup(f'<span class="long-name">{written}</span>') if value and len(str(value)) > longer_than else written


def file_path(where) -> Markup:
    """A record's file (with :line:col) in a table's cell, as code broken after a slash only: each folder and the file's
    name whole (ledger.css .whole).  In backticks, 数据检查's narrow 位置 broke it anywhere, records/ledgers/202 over
    5-H2/tang- over jingjian.yaml:1:1, a period of 2025 read as 202 and 5-H2."""
    return Markup(f'<code class="path">{_slashed(text(where))}</code>')


# a run of Latin letters, digits and marks with a hyphen or a slash in it: a file, an item's id, a code, a date
_LATIN_RUN = re.compile(r"[!-~]*[-/][!-~]*")


def latin_whole(value) -> Markup:
    """A finding's words (its message, its hint) in a table's cell, each file, id and code of them whole, a file broken
    after a slash only: 数据检查 broke them at their hyphens, 2026h1-xiao- over fangting-6, records/ledgers/2025- over
    H2/xiao-yuantao.yaml."""
    return Markup(_LATIN_RUN.sub(lambda m: _slashed(m.group()), text(value)))


def _slashed(written: str) -> str:
    """Escaped text in pieces ending in a slash, each inside <span class="whole">, a line's break allowed between them."""
    parts = written.split("/")
    return "<wbr>".join(f'<span class="whole">{part}{"/" if i < len(parts) - 1 else ""}</span>'
                        for i, part in enumerate(parts) if part or i < len(parts) - 1)


def link_cadre(here: str, cadre_id, name) -> Markup:
    return _long(Markup(f"[{out(name)}]({rel(f'cadres/{cadre_id}.md', here)})"), name)


def link_unit(here: str, unit_id, name) -> Markup:
    return _long(Markup(f"[{out(name)}]({rel(f'units/{unit_id}.md', here)})" if unit_id else out(name)), name)


def link_ledger(here: str, period, cadre_id, label) -> Markup:
    return Markup(f"[{out(label)}]({rel(f'cadres/{cadre_id}.md', here)}#{period})")


def link_period(here: str, period, label=None) -> Markup:
    return Markup(f"[{out(label or period)}]({rel(f'ledgers/{period}.md', here)})")


def table_filter(columns: str) -> Markup:
    """The filter box above a table (site/assets/tables.js), for the named columns."""
    return Markup(f'<div class="table-filter" data-columns="{html.escape(columns)}"></div>\n\n')


def print_head(title, today, label: str = "") -> Markup:
    """A page's heading on paper (ledger.css: .print-head, printed only): whose and what it is, and the day the site is as
    of (数据截至, --today / LEDGER_TODAY), for the page's counts (未提交, 未覆盖, 至今未解决) are that day's, not the
    printing's: a printed 工作总结 had neither, a printed 附件2 no day.  An HTML block kept out of the search index (its
    words are the page's title again; fastmd.cut takes it out, and a cadre's or a unit's page is still rendered whole).
    Printed in place of the page's title (h1, ledger.css), whose words it says: `label` the attachment's number (附件1,
    附件2), above it on the left, as on the policy's own attachments."""
    label = f'<span class="print-label">{out(label)}</span>' if label else ""
    return Markup(f'<div class="print-head" data-search-exclude>\n{label}{out(title)}<span class="print-asof">数据截至 {out(today)}</span>\n</div>')


LINKS = (link_cadre, link_unit, link_ledger, link_period)
STATUS_BADGE = {"missing": "bad", "late": "warn", "on_time": "good", "none": "bad"}


def status_css(status: dict) -> str | None:
    return "bad" if status.get("errors") else STATUS_BADGE.get(status["kind"])
_MEANING = {"escalated": "warn", "resolved": "good"}


def least_said(semesters) -> str:
    """The contacts a semester required (R5) of the semesters a page judges, each a dict with its "name" and "least"
    (check.context.min_contacts), oldest first: 每学期至少深入学生 2 次, and where the number changed between them, the
    semesters of each other number, 2022—2023学年第一学期至2024—2025学年第二学期为 1 次; "" for none."""
    runs: list[list] = []  # [first name, last name, number], oldest first
    for s in semesters:
        if runs and runs[-1][2] == s["least"]:
            runs[-1][1] = s["name"]
        else:
            runs.append([s["name"], s["name"], s["least"]])
    if not runs:
        return ""
    return f"每学期至少深入学生 {runs[-1][2]} 次" + "".join(
        f"，{first}{'' if first == last else '至' + last}为 {n} 次" for first, last, n in runs[:-1])


def filed_also(stat: dict) -> list[str]:
    """What a period's 已提交 N 份 adds (aggregate.period_stats' `unowed`, `exempt`): the ledgers handed in by
    cadres who did not owe one, the cadres exempted (neither counted in 应填报 nor in 已提交)."""
    return [said for said in (f"另有 {stat['unowed']} 份本期无需提交" if stat.get("unowed") else "",
                              f"另有 {stat['exempt']} 人经批准免交" if stat.get("exempt") else "") if said]


def filed_aside(stat: dict) -> str:
    """filed_also in one bracket, joined by ；, not two in a row (附件2, its summary, the home page)."""
    said = "；".join(filed_also(stat))
    return f"（{said}）" if said else ""


def filed_state(stat: dict) -> str:
    """已提交 N 份 with filed_aside's bracket, then who owed a ledger and has not handed it in: not yet due (the due
    day said) or due and missing (aggregate.period_stats' `waiting`, `missing`) — a period's 工作总结 and its index."""
    grace = f"，宽限至 {stat['grace_until']}" if stat.get("grace_until") else ""
    return "，".join(said for said in (f"已提交 {stat['filed']} 份{filed_aside(stat)}",
                                       f"{stat['waiting']} 人尚未提交、未到截止日期（{stat['due']}{grace}）" if stat.get("waiting") else "",
                                       f"{stat['missing']} 人未提交" if stat.get("missing") else "") if said)


def on_time_rate(stat: dict) -> float | None:
    """A period's 按时提交率 in per cent, to one decimal (as the summary says it and compares it): the ledgers handed in
    by the due day and accepted (period_stats' `on_time`) of those owed; None while some are not yet due (a rate that
    still rises), an academic year's half not begun (year_summary's `not_begun`) or none was owed."""
    if stat.get("waiting") or stat.get("not_begun") or not stat["required"]:
        return None
    return round(100 * stat["on_time"] / stat["required"], 1)


def points_changed(now: float, before: float, up: str = "+", down: str = "−") -> str:
    """A rate's change in percentage points from the rates as said (97.3% after 100.0%: −2.7 个百分点), or 持平."""
    change = round(now - before, 1)
    return "持平" if not change else f"{up if change > 0 else down}{abs(change):.1f} 个百分点"


def compared_with(stat: dict, before: dict | None) -> dict | None:
    """What a 工作总结 compares its figures with: the period's (or academic year's) before, `before`, but none while its
    ledgers are not all in — some not yet due, a half of the year not begun (year_summary's `not_begun`) — or none is
    in: "减少 209 次" of work not yet filed."""
    return before if before and stat["filed"] and not stat["waiting"] and not stat.get("not_begun") else None


def count_changed(now: int, before: int) -> str:
    """A count's change in a 工作总结's 变化 column: +10, −3 or 持平."""
    return f"+{now - before}" if now > before else f"−{before - now}" if now < before else "持平"


# the counts a 工作总结 says in words against those before it (counts_compared): label, stats' key, unit
COUNTS_COMPARED = (("联系学生活动", "activities", "次"), ("接触学生", "students", "人次"), ("学生反映问题和建议", "feedback", "条"))


def counts_compared(stat: dict, before: dict) -> str:
    """联系学生活动增加 10 次，接触学生增加 1156 人次，学生反映问题和建议减少 3 条 (持平 where the same): a period's or an
    academic year's counts against the one before (compared_with)."""
    said = []
    for label, key, unit in COUNTS_COMPARED:
        n, b = stat[key], before[key]
        said.append(label + (f"增加 {n - b} {unit}" if n > b else f"减少 {b - n} {unit}" if n < b else "持平"))
    return "，".join(said)


def filed_numbers(stat: dict) -> list[tuple[str, str, int]]:
    """The numbers filed_counts says, each (key, label, number), every one even when 0 (附件2's JSON `counts`
    and its 人数 CSV: the same keys and rows for every period, for a program or a sheet that reads them)."""
    return [("required", "应填报（人）", stat["required"]), ("filed", "已提交（份）", stat["filed"]),
            ("unowed", "另有本期无需提交的台账（份）", stat.get("unowed") or 0),
            ("exempt", "另有经批准免交（人）", stat.get("exempt") or 0)]


def filed_counts(stat: dict) -> str:
    """A period's counts as 附件2's page gives them, with no bracket (the head of its Excel download):
    应填报 74 人，已提交 73 份，另有 1 人经批准免交."""
    return "，".join([f"应填报 {stat['required']} 人", f"已提交 {stat['filed']} 份", *filed_also(stat)])


def badge_status(status: dict) -> Markup:
    """A ledger's filing status, coloured by its kind (one with errors, not accepted: bad); one with no colour (not due
    yet, in its grace days) whole in a table as a badge is (未到截止 over 日 in the cadres' list at 1,280 px).  One with
    words in brackets after it (已提交（本期无需提交）, 按时（有错误，未通过）) is .bracketed: 附件2 prints them under it
    (ledger.css), its column as narrow as the bracket."""
    css = status_css(status)
    css = f"badge {css}" if css else "whole"
    bracketed = " bracketed" if "（" in status["label"] else ""
    return Markup(f'<span class="{css}{bracketed}">{out(status["label"])}</span>')


def changed_after(status: dict) -> str:
    """"合并后修改 2 次（最近 2027-01-03）": a ledger Git dates (its 提交日期 the first-parent commit that added it) changed
    by later commits of the main branch — what a unit reviewer approved is not what the file says now (git log -p shows
    how); "" for one not changed since, and for one whose date is not Git's (imported, archived: nothing to say)."""
    n = changes_after_merge(status)
    return f"合并后修改 {n} 次（最近 {status.get('changed')}）" if n else ""


def landed_cell(status: dict) -> Markup:
    """A ledger's 提交日期 in a table — 附件2's, a unit's, a cadre's periods — with changed_after's mark under it
    (its own line in the cell: .after-merge), the one way each of them says it."""
    after = changed_after(status)
    landed = out(status.get("landed"))
    return Markup(f'{landed} <span class="cell-note after-merge">{out(after)}</span>' if after else landed)


def changed_columns(status: dict) -> dict:
    """changed_after as the downloads' two columns, for a filter: changes, a number (0 for a Git-dated ledger not
    changed since it landed), and changed, the day of the last (a date in the XLSX); both empty where the page says
    nothing (no ledger, or its date not Git's)."""
    if status.get("source") != "git" or not status.get("landed"):
        return {"changes": "", "changed": ""}
    n = changes_after_merge(status)
    return {"changes": n, "changed": status.get("changed") or "" if n else ""}


def landed_manifests(rows: list[dict]) -> str:
    """"records/imports/legacy-platform.yaml（批准导入：李思远）": the import manifests whose dates the rows of a period
    have (CheckView.manifest_of), each with its approved_by — the administrator whose word the dates are — and, when
    there are several, how many dates each gives; "" when no row's date is a manifest's."""
    n = Counter((m["file"], m["approved_by"]) for r in rows if r["status"].get("landed") and (m := r["status"].get("manifest")))
    return "、".join(f"{file}（{'批准导入：' + who if who else '清单未写批准人（approved_by）'}{f'，{k} 份' if len(n) > 1 else ''}）"
                    for (file, who), k in sorted(n.items()))


def cell_note(text: str) -> Markup:
    """Words after a table cell's value that its column's filter leaves out (site/assets/tables.js: .cell-note): 附件2's
    豁免 with its reason, listed under 豁免 alone."""
    return Markup(f'<span class="cell-note">{out(text)}</span>')


def badge_feedback(thread: dict) -> Markup:
    """A feedback thread's current state (超期 first when overdue)."""
    css = _MEANING.get(thread["meaning"])
    label = out(thread["status"])
    overdue = '<span class="badge bad overdue">超期</span> ' if thread["overdue"] else ""
    return Markup(f'{overdue}<span class="badge {css}">{label}</span>' if css else f"{overdue}{label}")


def badge_covered(row: dict) -> Markup:
    state = out(row["state"])
    return Markup(state if row["covered"] else f'<span class="badge bad gap">{state}</span>')


def nature_mark(item: dict) -> str:
    """A feedback item's nature as a mark before its description (【共性】: R10's 重大问题、共性问题, reported to the
    学院党委), '' for none: the board, the unit and cadre pages and a ledger's section alike."""
    return f"【{item['nature']}】" if item.get("nature") else ""


def natures_counted(items: list[dict]) -> str:
    """How many of a ledger's feedback `items` are of each nature (共性 1、重大 2: 附件2's 问题和建议 and its
    download), '' for none marked."""
    return "、".join(f"{n} {c}" for n, c in Counter(i["nature"] for i in items if i.get("nature")).items())


def thread_text(thread: dict) -> Markup:
    """A feedback thread's course, item by item: date, state, description, report, resolution."""
    parts = []
    for i, x in enumerate(thread["chain"]):
        if i:
            parts.append(f"<br>↳ {out(x['id'])} ")
        parts.append(f"{out(x['raised_on'])} {out(x['status'])}：{out(nature_mark(x))}{out(x['description'])}")
        if x["escalated_to"]:
            parts.append(f"（报告{out(x['escalated_to'])}）")
        if x["resolution"]:
            said = str(x["resolution"]).rstrip("。.；; ")  # (a sentence's stop, then "，date": "。，")
            parts.append(f"（解决：{out(said)}" + (f"，{out(x['resolved_on'])}" if x["resolved_on"] else "") + "）")
        if x["note"]:
            parts.append(f"（说明：{out(x['note'])}）")
    return Markup("".join(parts))
