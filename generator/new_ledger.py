"""`python -m generator new ledger --cadre ID --period 2026-H2`: a prefilled, commented ledger.

The file is written to records/ledgers/<period>/<cadre>.yaml with what the records already
know (cadre, period, the contact points assigned during the period, the period's dates,
the policy's word lists in comments, open feedback items of earlier periods) and
placeholders (`待填写`, `YYYY-MM-DD`) for the rest.  Placeholders never pass `validate`,
so an unfilled scaffold cannot be filed by mistake.  An existing ledger is never overwritten.
"""
from __future__ import annotations

import re
import unicodedata
import sys
from pathlib import Path

from generator.argwords import say
from generator import findings as F
from generator.chars import LINE_BREAKS, klass
from generator.cms import id_stem, load_schema
from generator.load import display_path, new_ledger_command
from generator.model import Period, RecordSet
from generator.suggest import did_you_mean
from generator.validate import PLACEHOLDER

TODO = PLACEHOLDER  # (validate refuses it wherever it is left: E-SCHEMA-011)
DATE_TODO = "YYYY-MM-DD"

MSG = {
    "wrote": {
        "zh": "已生成 {path}\n下一步：把文件中每个“待填写”和 YYYY-MM-DD 换成实际内容，然后运行 python -m generator validate "
              "和 python -m generator check 检查，两个都没有报“错误”再提交。",
        "en": "wrote {path}\nNext: replace every 待填写 (to fill in) and YYYY-MM-DD, then run python -m generator validate "
              "and python -m generator check: submit it when neither reports an error.",
    },
}


def _schema_text(schema: dict):
    """title(path…) and description(path…) of ledger properties, from the schema."""
    def node(*path):
        cur = schema
        for key in path:
            if cur.get("type") == "array":
                cur = cur["items"]
            cur = cur["properties"][key]
        return cur

    return (lambda *p: node(*p).get("title", p[-1])), (lambda *p: node(*p).get("description", ""))


def _rows_in(rs: RecordSet, cadre: str, period: Period):
    out = []
    for row in rs.rows_of(cadre):
        if rs.held_between(row, period.start, period.end):
            out.append((row, *rs.assignment_span(row)))
    return out


def _open_items(rs: RecordSet, cadre: str, period: Period, today) -> list[tuple[str, str, str, str]]:
    """(id, category, status, file) of this cadre's earlier feedback items not yet resolved: a ledger archived
    by `today` with the statuses' meanings its archive kept (archive.status_meanings, as check reads them)."""
    from generator.archive import status_meanings

    meaning_of = status_meanings(rs, today)
    items = []
    followed = set()
    for (pid, cid), led in rs.ledgers.items():
        p = rs.period(pid)
        for fb in led.get("feedback") or [] if isinstance(led.get("feedback"), list) else []:
            if isinstance(fb, dict) and isinstance(fb.get("follows"), str):
                followed.add(fb["follows"])
        if cid != cadre or p is None or p.start >= period.start:
            continue
        for fb in led.get("feedback") or [] if isinstance(led.get("feedback"), list) else []:
            if isinstance(fb, dict) and isinstance(fb.get("id"), str):
                if meaning_of(led).get(str(fb.get("status", ""))) != "resolved":
                    items.append((fb["id"], str(fb.get("category", "")), str(fb.get("status", "")), led.file))
    return [it for it in items if it[0] not in followed]


_BREAKS = re.compile(klass(LINE_BREAKS) + "+")  # (what YAML reads as line breaks)


def render(rs: RecordSet, cadre: str, period: Period, schema: dict, today) -> str:
    schema_title, schema_desc = _schema_text(schema)
    # (in the university's words, as its form and field reference say them: RecordSet.field_title, statuses_named)
    title = lambda *path: rs.field_title(path, schema_title(*path))  # noqa: E731
    desc = lambda *path: rs.statuses_named(schema_desc(*path))  # noqa: E731
    c = rs.cadres[cadre]
    name = c.get("name", cadre)
    natures = rs.vocab("feedback_natures")  # (an optional list: its lines only where the policy has it)
    words = lambda v: "、".join(rs.vocab(v)) if v != "feedback_statuses" else "、".join(rs.status_meaning())
    fid = f"{id_stem(period)}-{cadre}-1"
    L = [
        f"# {schema.get('title', '工作台账')}：{name}（{c.get('position', '')}），{period.name}",
        f"# 期间：{period.start} 至 {period.end}，截止 {period.due}（当天 24 时前提交为按时）。",
        f"# 填写：把每个“{TODO}”和 {DATE_TODO} 换成实际内容；活动不止一次就复制一段“- date: …”，多余的删掉。",
        "# 只写“一名学生”“部分学生”，不写学生姓名、学号、电话、QQ/微信或宿舍房间号。",
        "# 写完运行 python -m generator validate，再运行 python -m generator check（联系点是不是本期分给您的、",
        "# 问题的办理情况只有它检查）：两个都没有报“错误”再提交（check 列出的别人的警告不用管）；",
        "# 也可以在网站的 /admin/ 网页表单中填报。",
        "",
        f"cadre: {cadre}  # {title('cadre')}",
        f"period: {period.id}  # {title('period')}",
        "",
        f"# {title('contact_points')}：{desc('contact_points')}",
        "contact_points:",
    ]
    rows = _rows_in(rs, cadre, period)
    # the days of the period on which the cadre held a point (a leaver's end at active_to, a
    # successor's start at their row's): their activities' dates lie within them
    a_from, a_to = rs.cadre_active_span(cadre)
    if a_to:
        rows = [(row, start, min(end, a_to) if end else a_to) for row, start, end in rows]
    starts, ends = [start for _, start, _ in rows], [end for _, _, end in rows]
    first = max(period.start, a_from or period.start, min(starts) if rows and all(starts) else period.start)
    last = min(period.end, max(ends) if rows and all(ends) else period.end)
    if rows:
        seen = set()
        for row, start, end in rows:
            kind, pid = rs.contact_point(row)
            if pid in seen:
                continue
            seen.add(pid)
            item = rs.classes.get(pid) or rs.clubs.get(pid)
            label = item.get("name", pid) if item else pid
            span = f"{start} 起" + (f"，至 {end}" if end and end < period.end else "")
            L.append(f"  - {pid}  # {label}（{'班级' if kind == 'class' else '社团'}，{span}）")
    else:
        shown = F.records_shown()  # (the records folder given: new --records 'my records')
        L.append(f"  - {TODO}  # 班级或社团编号，见 {shown}/classes/、{shown}/clubs.yaml")
    L += [
        "",
        f"# {title('activities')}：{desc('activities')}",
        f"#   {title('activities', 'form')} form 可选：{words('forms')}",
        f"#   {title('activities', 'place')} place 可选：{words('places')}",
        f"#   {title('activities', 'channel')} channel 可选：{words('channels')}",
        "activities:",
        f"  - date: {DATE_TODO}  # {title('activities', 'date')}：在 {first} 至 {last} 之间",
        f"    form: {TODO}  # {title('activities', 'form')}",
        f"    place: {TODO}  # {title('activities', 'place')}",
        f"    channel: {TODO}  # {title('activities', 'channel')}",
        f"    students: {TODO}  # {title('activities', 'students')}：{desc('activities', 'students')}",
        f"    summary: {TODO}  # {title('activities', 'summary')}：{desc('activities', 'summary')}",
        f"    # topics: [主题一, 主题二]  # {title('activities', 'topics')}（可选）：{desc('activities', 'topics')}",
        f"    # typical: true  # {title('activities', 'typical')}（可选）：{desc('activities', 'typical')}",
        "",
    ]
    open_items = _open_items(rs, cadre, period, today)
    if open_items:
        L.append("# 以前各期尚未办结的反映——本期有进展时，新增一条反映并填 follows: 该编号：")
        for fid_, cat, status, file in open_items:
            L.append(f"#   {fid_}：{cat}，{status}（{file}）")
    L += [
        f"# {title('feedback')}（没有可不写）：{desc('feedback')}",
        "# 有的话，去掉下面各行开头的“# ”再填写：",
        f"#   {title('feedback', 'kind')} kind 可选：{words('feedback_kinds')}",
        f"#   {title('feedback', 'category')} category 可选：{words('feedback_categories')}",
        f"#   {title('feedback', 'status')} status 可选：{words('feedback_statuses')}",
        f"#   {title('feedback', 'escalated_to')} escalated_to 可选：{words('escalation_targets')}",
        *([f"#   {title('feedback', 'nature')} nature 可选：{words('feedback_natures')}"] if natures else []),
        "# feedback:",
        f"#   - id: {fid}  # {title('feedback', 'id')}：全校唯一，以后各期跟进时引用；第二条用 …-2",
        f"#     raised_on: {DATE_TODO}  # {title('feedback', 'raised_on')}",
        f"#     kind: {TODO}  # {title('feedback', 'kind')}",
        f"#     category: {TODO}  # {title('feedback', 'category')}",
        f"#     description: {TODO}  # {title('feedback', 'description')}：{desc('feedback', 'description')}",
        f"#     status: {TODO}  # {title('feedback', 'status')}",
        *([f"#     # nature: {TODO}  # {title('feedback', 'nature')}：{desc('feedback', 'nature')}"] if natures else []),
        f"#     # escalated_to: {TODO}  # {title('feedback', 'escalated_to')}：{desc('feedback', 'escalated_to')}",
        f"#     # resolution: {TODO}  # {title('feedback', 'resolution')}：{desc('feedback', 'resolution')}",
        f"#     # resolved_on: {DATE_TODO}  # {title('feedback', 'resolved_on')}：{desc('feedback', 'resolved_on')}",
        f"#     # follows: 编号  # {title('feedback', 'follows')}：{desc('feedback', 'follows')}",
        f"#     # note: {TODO}  # {title('feedback', 'note')}：{desc('feedback', 'note')}",
        "",
        f"# {title('suggestions')}（可选）：{desc('suggestions')}",
        f"#   {title('suggestions', 'to')} to 可选：{words('suggestion_targets')}",
        "# suggestions:",
        f"#   - to: {TODO}",
        f"#     content: {TODO}  # {title('suggestions', 'content')}",
        "",
        f"# {title('reflections')}（可选）：{desc('reflections')}",
        "# reflections: |",
        f"#   {TODO}",
    ]
    # each entry is one line: a name with a line break in it must not end its comment early
    return "\n".join(_BREAKS.sub(" ", line) for line in L) + "\n"


def _period_meant(rs, written: str) -> str | None:
    """The period meant by 2026h2, 2026 H2, 2026年下半年 (the policy's codes and names), or None."""
    m = re.fullmatch(r"\s*([0-9]{4})\s*(?:年|[-_ —])?\s*(\S+?)\s*", unicodedata.normalize("NFKC", written))
    if not m:
        return None
    for p in rs.setting("ledger", "periods", default=[]) or []:
        if isinstance(p, dict) and m.group(2) in (str(p.get("id", "")).upper(), str(p.get("id", "")).lower(),
                                                   p.get("name")):
            meant = f"{m.group(1)}-{p.get('id')}"
            return meant if rs.period(meant) else None
    return None


def scaffold(records: Path, cadre: str, period_id: str, today=None) -> tuple[Path | None, str | None, list[F.Finding]]:
    """(target path, text, findings); text is None when nothing may be written.  `today` (None: the clock,
    in the policy's time zone): the day that says which periods are archived, as validate's and check's."""
    from generator.archive import amendment_path, manifests
    from generator.cli import clock_today
    from generator.pipeline import admin_errors, validate_records

    rs, found = validate_records(records, today)
    today = today or clock_today(rs)
    findings: list[F.Finding] = []
    if errors := admin_errors(rs, found):
        return None, None, [F.make("E-FLOW-006", display_path(records), None,
                                   command="python -m generator new ledger")] + errors
    if rs.policy is None:
        return None, None, [F.make("E-NEW-004", display_path(records / "policy.yaml"), None)]
    period = rs.period(period_id)
    if period is None:
        codes = [p.get("id") for p in rs.setting("ledger", "periods", default=[]) or []]
        examples = [f"2026-{c}" for c in codes if c]
        meant = _period_meant(rs, period_id)
        findings.append(F.make("E-NEW-002", rs.policy.file,
                               rs.policy.pos("ledger", "periods"), value=period_id, examples=examples, policy=rs.policy.file,
                               suggestion=f"是不是“{meant}”？" if meant else "",
                               suggestion_en=f" Did you mean '{meant}'?" if meant else ""))
    if cadre not in rs.cadres:
        named = [ref for ref, c in sorted(rs.cadres.items()) if c.get("name") == cadre.strip()]
        hint = ({"suggestion": f"“{cadre.strip()}”的干部编号是“{'”或“'.join(named)}”。",
                 "suggestion_en": f"The id of '{cadre.strip()}' is '{' or '.join(named)}'."} if named
                else did_you_mean(cadre, rs.cadres))
        meant = named if named else [c for c in rs.cadres if hint["suggestion"] == f"是不是“{c}”？"]
        if len(meant) == 1 and period is not None:  # (the command to run with the id meant, the records folder as given)
            command = new_ledger_command(meant[0], period.id, display_path(records))
            hint = {"suggestion": f"{hint['suggestion']}这样运行：{command}", "suggestion_en": f"{hint['suggestion_en']} Run: {command}"}
        findings.append(F.make("E-NEW-001", display_path(records / "cadres"), None, cadre=cadre,
                               cadres=display_path(records / "cadres") + "/", **hint))
    if findings:
        return None, None, findings
    target = records / "ledgers" / period.id / f"{cadre}.yaml"
    if target.exists():
        return target, None, [F.make("E-NEW-003", display_path(target), (1, 1), path=display_path(target))]
    if (man := manifests(rs).get(period.id)) is not None:  # (validate would refuse it, filled in or not)
        return target, None, [F.make("E-ARCH-003", display_path(target), None, period=period.id, cadre=cadre,
                                     archived_on=man.data.get("archived_on"),
                                     amendment=amendment_path(man, period.id, cadre))]
    if not _rows_in(rs, cadre, period):
        c = rs.cadres[cadre]
        findings.append(F.make("W-NEW-001", display_path(target), None, name=c.get("name", cadre),
                               period=period.id, start=period.start, end=period.end))
    return target, render(rs, cadre, period, load_schema(), today), findings


def cmd_new_ledger(args) -> int:
    from generator.cli import EXIT_USAGE, emit, records_dir
    from generator.files import Unwritten, write_files

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    target, text, findings = scaffold(root, args.cadre, args.period, args.today)
    if text is not None:
        try:  # whole or not at all, even when killed; never over a ledger, even one made meanwhile
            write_files({target: text.encode("utf-8")}, new=True)
        except Unwritten as exc:
            if not isinstance(exc.__cause__, FileExistsError):
                raise
            text, findings = None, [F.make("E-NEW-003", display_path(target), (1, 1), path=display_path(target))]
        else:
            sys.stderr.write(MSG["wrote"][args.lang].format(path=display_path(target)) + "\n")
    if findings or text is None:
        return emit(findings, args)
    return 0


def register(sub) -> None:
    from generator.cli import Parser, add_today, common

    p = sub.add_parser("new", help=say("生成预填的新记录", "scaffold a new record"))
    kinds = p.add_subparsers(dest="kind", required=True, parser_class=Parser)
    q = kinds.add_parser("ledger", help=say("生成一份预填、带说明的台账", "a prefilled, commented ledger"))
    common(q, formats=("text", "json"))
    q.add_argument("--cadre", required=True, help=say("干部编号，如 zhang-wei", "cadre id, e.g. zhang-wei"))
    q.add_argument("--period", required=True, help=say("填报期间，如 2026-H2", "the ledger's period, e.g. 2026-H2"))
    add_today(q, "以哪一天为“今天”（决定哪些期间已备案、以前各期的反映是否已解决），默认今天（政策时区）",
              "as-of date (which periods are archived, so which earlier feedback items are resolved), "
              "default today (the policy's time zone)")
    q.set_defaults(func=cmd_new_ledger)
