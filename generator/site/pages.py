"""Render: the aggregate → Markdown pages (Jinja2 templates in templates/) and downloads.

`build_files` returns {docs-relative path: bytes}; nothing here touches MkDocs.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from jinja2 import FileSystemLoader, StrictUndefined, pass_context
from markupsafe import Markup

from generator import findings as F
from generator.cache import long_lived
from generator.check.output import after_today_said
from generator.load import display_path
from generator.model import RecordSet
from generator.report import as_of, as_of_said
from generator.messages.ledger_sources import words
from generator.site import charts, exports, fastmd, search_zh
from generator.site import markdown as md
from generator.site.aggregate import Aggregate, handed_in
from generator.site.checks import MISSED
from generator.site.ledger_html import LedgerBodies
from generator.site.markdown import rel
from generator.site.schema_reference import field_reference
from generator.site.templating import Env, TemplateCache
from generator.site.year_summary import YEAR_UNIT_FIGURES, year_stats, years_of

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _env(bytecode_cache=None) -> Env:
    # No autoescape: every {{ }} goes through text() (HTML and Markdown escaping) unless it is
    # Markup (the functions below, raw()); no {{ }} stands in an HTML attribute.  One environment
    # per build, so a template is read once per build: no modification-time check on every use
    # (auto_reload; 12k ledgers: some 20,000 includes).
    env = Env(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False, undefined=StrictUndefined,
              bytecode_cache=bytecode_cache, auto_reload=False,
              keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
              finalize=md.out)
    env.globals.update(rel=lambda target, here: Markup(rel(target, here)), chart=lambda *a, **k: Markup(charts.bars(*a, **k)), filing_tone=charts.FILING_TONE,
                       raw=Markup, json=lambda v: Markup(json.dumps(v, ensure_ascii=False)),
                       badge_status=md.badge_status, landed_cell=md.landed_cell, landed_manifests=md.landed_manifests, cell_note=md.cell_note, badge_feedback=md.badge_feedback, badge_covered=md.badge_covered,
                       filed_aside=md.filed_aside, filed_state=md.filed_state, on_time_rate=md.on_time_rate, points_changed=md.points_changed, compared_with=md.compared_with, count_changed=md.count_changed, counts_compared=md.counts_compared, least_said=md.least_said, name=md.name, position=md.position, position_beside=md.position_beside, after_unit=md.after_unit,
                       thread_text=md.thread_text, natures_counted=md.natures_counted, table_filter=md.table_filter, print_head=md.print_head, file_path=md.file_path, latin_whole=md.latin_whole, **{f.__name__: _on_page(f) for f in md.LINKS})
    return env


def _kept(render, bodies: list):
    """render(here, led), each result also appended to `bodies` (not a method of Site: the
    environment would hold the Site, and the Site the environment)."""
    def body(here, led):
        html = render(here, led)
        bodies.append(html)
        return html
    return body


def _on_page(link):
    """link_cadre(id, name) in a template: markdown.link_cadre(here, id, name), `here` the page."""
    def call(context, *args):
        return link(context["here"], *args)
    call.__name__ = link.__name__
    return pass_context(call)



def _newest_year(years: list, lead=None):
    """The year a page by year leads with, `name`.md (the others' `name`/<year>.md): `lead` when it has rows, else
    the newest (`years` newest first)."""
    return lead if lead in years else (years or [None])[0]

def _freshmen(year: str, coverage: list[dict]) -> dict | None:
    """An academic year's freshman classes (its rows of Aggregate.coverage_rows) as 工作总结 says them (R2): how many,
    how many covered, and the classes not covered by unit, in the rows' order (the units'); None for a year with none
    (before the first assignment cycle: the coverage page lists none)."""
    rows = [r for r in coverage if r["year"] == year]
    if not rows:
        return None
    gaps: dict[str, list[str]] = {}
    for r in rows:
        if not r["covered"]:
            gaps.setdefault(r["unit_name"], []).append(r["class_name"])
    return {"year": year, "total": len(rows), "covered": sum(r["covered"] for r in rows), "gaps": list(gaps.items())}


class ChecksShown(NamedTuple):
    """What the pages read of the policy checks (generator.site.checks.CheckView): whether they ran.
    A value the page memo writes out whole (page_memo); a template asking anything else of it fails."""
    available: bool


def _landed_from(rows: list[dict]) -> str:
    """"Git 记录（…）3 份，导入清单（…）登记的日期 70 份": the sources of the rows' submission dates (sources.SOURCES' words
    for the site), said under 附件2's period as check's 概况 says them (提交时间依据), or ""."""
    n = Counter(r["status"].get("source") for r in rows if r["status"].get("landed"))
    return "，".join(f"{label} {n[key]} 份" for key, label in words("site").items() if n[key])


def _cadre_of(f: F.Finding) -> str | None:
    """The cadre a finding is about when it says so (W-CHK-006, a ledger not handed in: a file that is not
    there, listed on the cadre's page)."""
    return f.data.get("cadre") if isinstance(f.data, dict) else None


# a period's student feedback as filed in its ledgers (downloads/feedback-<period>, and the archive's)
PERIOD_FEEDBACK = [("id", "编号"), ("name", "姓名"), ("unit_name", "单位"), ("raised_on", "反映日期"), ("kind", "类型"),
                   ("category", "类别"), ("nature", "问题性质"), ("description", "内容"), ("status", "办理状态"), ("escalated_to", "报告对象"),
                   ("resolution", "解决情况"), ("resolved_on", "解决日期"), ("follows", "跟进的编号"), ("note", "说明")]

# 工作总结's table by unit (aggregate._unit_stats), on the page and in its download alike
UNIT_FIGURES = [("name", "单位"), ("required", "应填报（人）"), ("filed", "已提交（份）"), ("late", "逾期提交"),
                ("missing", "未提交"), ("exempt", "免交"), ("activities", "联系活动（次）"), ("students", "接触学生（人次）"),
                ("feedback", "问题和建议（条）"), ("followups", "其中跟进以往问题"), ("resolved", "已解决"),
                ("open", "至今未解决")]


def _inside(value, left: str, right: str) -> str:
    """A policy's text as the page cites it between its own marks: written with them (《…》, （…）, as a document is
    cited), the marks taken off, not doubled; not a text: none."""
    text = value.strip() if isinstance(value, str) else ""
    inner = text[1:-1]  # (one title in its marks: not 《甲》和《乙》)
    return inner.strip() if len(text) > 2 and text[0] == left and text[-1] == right and left not in inner else text


class Site:
    def __init__(self, rs: RecordSet, agg: Aggregate, findings: list[F.Finding], today_source: str, extra=None):
        self.rs, self.agg, self.findings, self.today_source = rs, agg, findings, today_source
        self.extra = extra or (lambda: [])
        self.env = _env(TemplateCache.beside(rs.root))
        self._bodies: list[str] = []  # the ledger bodies of the page being rendered
        self.env.globals["ledger_body"] = _on_page(_kept(LedgerBodies(self.institution, self.rs.suggestions_title()).body, self._bodies))
        self.files: dict[str, bytes] = {}
        self.slotted = None  # a dict to keep the slotted sources in (see page())
        self.tables: list[tuple[exports.Table, bool]] = []  # (table, with xlsx)
        self.aside = None  # a function given the downloads (which it writes) instead of them being rendered here
        self.pending: list[str] = []  # the downloads written aside (their paths)
        self.memo = None  # a page_memo.PageMemo, with self.files a Written: pages whose inputs are the last build's kept
        self.name_words: dict[str, str] = {}  # a cadre's page -> the words of the cadre's name for the search (search_zh.name_words)

    def page(self, path: str, template: str, **context) -> None:
        """Render a page into self.files; with self.slotted a dict, a page with ledger bodies is also
        kept there as (its Markdown with a fastmd slot for each body, {slot: (start, end) of the body
        in self.files[path]}): MkDocs reads that Markdown, and the hook puts the bodies back after
        the search index (they are data-search-exclude)."""
        ctx = {"here": path, "today": self.agg.today.isoformat(), "institution": self.institution, **context}
        memo = self.memo
        key = memo.key(self.env, template, self.slotted is not None, ctx) if memo is not None else None
        if key is not None:
            kept = memo.kept(path, key)
            if kept is not False:  # the page as the last build wrote it: not rendered again
                self.files.keep(path)
                if kept is not None and self.slotted is not None:
                    self.slotted[path] = (kept[0], kept[1])
                return
        self._bodies.clear()
        page = self.env.get_template(template).render(**ctx)
        slotted = None
        if self._bodies and self.slotted is not None:
            markdown, data, spans = fastmd.slot_out(page, self._bodies)
            self.slotted[path] = slotted = (markdown, spans)
        else:
            data = page.encode("utf-8")
        self.files[path] = data
        if key is not None:
            memo.note(path, key, data, slotted)

    @property
    def institution(self) -> str:
        return self.rs.setting("institution", "name", default="") or ""

    def _policy_cited(self) -> dict:
        """The home page's words for the policy the site follows: the policy's policy_title and policy_number as the
        university wrote them (its document may be a 实施办法, a 试行 one), else the policy's usual title."""
        title = _inside(self.rs.setting("institution", "policy_title", default=""), "《", "》")
        number = _inside(self.rs.setting("institution", "policy_number", default=""), "（", "）")
        return {"policy_title": title or f"{self.institution}中层领导干部深入基层联系学生工作实施方案", "policy_number": number}

    def table(self, table: exports.Table, xlsx: bool = False) -> exports.Table:
        self.tables.append((table, xlsx))
        return table

    # ------------------------------------------------------------------
    def build(self) -> dict[str, bytes]:
        with long_lived():  # the tables below stay alive to the end
            ctx = self._tables()
        self._downloads(ctx)
        self._pages(ctx)
        return self.files

    def _tables(self) -> dict:
        agg = self.agg
        ledgers = agg.ledgers()
        threads = agg.feedback_threads()
        feedback_halves = agg.feedback_halves(threads)
        feedback_years = agg.feedback_years(feedback_halves)
        periods = agg.period_ids()
        tables = {p: agg.period_table(p, ledgers) for p in periods}
        stats = {p: agg.period_stats(p, ledgers, tables[p], threads) for p in periods}
        current = agg.current_period_id()
        if current not in tables:
            current = periods[0] if periods else None
        # (a coming cycle whose file has an error, a draft not yet filled in, is not shown: Aggregate.coming)
        a1 = agg.attachment1(failing={f.file for f in self.findings if f.severity == F.ERROR})
        coverage = agg.coverage_rows()
        cadres = agg.cadre_rows(ledgers, tables, a1, threads)
        # the period being collected or last collected (the home page's 上一期, a unit page's too): newest (first)
        # of those ended or due before today, but the current one (a period due after its end is being collected
        # before its due day)
        gone = [p for p in periods if p != current and min(self.rs.period(p).end, self.rs.period(p).due) < agg.today]
        last_due = gone[0] if gone else None
        units = agg.unit_rows(cadres, coverage, threads, tables, current, a1, last_due)
        unassigned = agg.points_without_cadre(units)
        cases = agg.cases(ledgers)
        evaluation = agg.evaluation(ledgers, tables, threads)
        # 学年工作总结 (year_summary): each academic year's periods added up, newest first
        school_years = [year_stats(agg, year, owned, stats, tables) for year, owned in years_of(self.rs, periods)]
        ctx = dict(ledgers=ledgers, threads=threads, feedback_halves=feedback_halves, feedback_years=feedback_years,
                   periods=periods, tables=tables,
                   stats=stats, current=current, last_due=last_due, a1=a1, cycles=a1["cycles"], coverage=coverage, unassigned=unassigned, cadres=cadres,
                   units=units, cases=cases, school_years=school_years,
                   evaluation=evaluation, evaluation_year=agg.evaluation_year(evaluation, tables), checks=ChecksShown(agg.checks.available), semesters=agg.semester_rows(),
                   today_source=self.today_source)
        return ctx

    @staticmethod
    def _semesters_missed(ctx) -> list[dict]:
        """Each semester ended, judged and not met (未达标) of each cadre, newest semester first."""
        sems = ctx["semesters"]["semesters"]
        return [dict(c, semester=sems[i]["name"], count=cell["count"], note=cell["label"].removeprefix(MISSED))
                for i in reversed(range(len(sems))) for c in ctx["cadres"]
                for cell in [ctx["semesters"]["rows"].get(c["id"], [None] * len(sems))[i]]
                if cell and cell["kind"] == "missed"]

    def _pages(self, ctx) -> None:
        agg, rs = self.agg, self.rs
        periods, tables, stats, current = ctx["periods"], ctx["tables"], ctx["stats"], ctx["current"]
        coverage, threads, cadres, units = ctx["coverage"], ctx["threads"], ctx["cadres"], ctx["units"]
        ledgers = ctx["ledgers"]
        last_due = ctx["last_due"]
        behind = self._behind(periods, tables, stats)
        missed = self._semesters_missed(ctx)
        listed = {r["semester"] for r in missed}  # (the number each required, said above them: markdown.least_said)
        self.page("index.md", "index.md.j2", home=agg.home(stats.get(current), coverage, threads, current),
                  last_stat=stats.get(last_due), behind=behind, missed=missed,
                  missed_least=md.least_said(s for s in ctx["semesters"]["semesters"] if s["name"] in listed),
                  **self._policy_cited(), **ctx)
        self.page("attachment1.md", "attachment1.md.j2", **ctx)
        self._newest_year_and_earlier("coverage", coverage, **ctx)
        self.page("ledgers/index.md", "ledgers_index.md.j2", **ctx)
        semester_counts = agg.semester_counts()
        cases_newest = _newest_year(list(dict.fromkeys(r["year"] for r in ctx["cases"])))  # (its page cases.md)
        for i, p in enumerate(periods):
            self.page(f"ledgers/{p}.md", "period.md.j2", period=p, rows=tables[p], stat=stats[p],
                      landed_from=_landed_from(tables[p]), **ctx)
            # (the period before, compared with: periods are newest first)
            prev = stats[periods[i + 1]] if i + 1 < len(periods) else None
            span = self.rs.period(p)
            begun = [s for s in semester_counts if span and span.start.isoformat() <= s["start"] <= span.end.isoformat()]
            years = [y.id for y in rs.academic_years() if span and span.start <= y.start <= span.end]
            freshmen = [f for f in map(_freshmen, years, [coverage] * len(years)) if f]
            year = str(span.start.year) if span else p[:4]  # (the year its typical cases are listed in: Aggregate.cases)
            cases_page = "cases.md" if year == cases_newest else f"cases/{year}.md"
            self.page(f"summary/{p}.md", "summary.md.j2", period=p, rows=tables[p], stat=stats[p], prev=prev,
                      unit_figures=UNIT_FIGURES, semesters_begun=begun, freshmen_begun=freshmen, cases_page=cases_page,
                      **ctx)
        years = ctx["school_years"]
        grades = {y.id: y.first_year for y in rs.academic_years()}
        for i, year in enumerate(years):  # (its semesters and freshmen as its periods' summaries say them, though a
            # period of it is not on the site)
            prev = years[i + 1] if i + 1 < len(years) else None  # (the year before, compared with: newest first)
            # (a year with no freshman class on the coverage page: its grade has no class records yet, or it came
            # before the first assignment cycle — the page says which)
            grade = grades[year["id"]]
            self.page(f"summary/{year['id']}.md", "summary_year.md.j2", school_year=year, prev=prev,
                      semesters_begun=[r for r in reversed(semester_counts) if year["start"] <= r["start"] <= year["end"]],
                      freshmen_begun=[f for f in [_freshmen(year["id"], coverage)] if f], unit_figures=YEAR_UNIT_FIGURES,
                      grade=grade, grade_recorded=grade in rs.class_cohort.values(), **ctx)
        self.page("cadres/index.md", "cadres_index.md.j2", **ctx)
        # a cadre's and a unit's page are given only what they show of every period and semester (a
        # template asking more fails): the page memo then keeps them when another cadre's ledger changes
        # a period's counts (a one-ledger change at 12,000 ledgers rendered every cadre's page again)
        # (a period's due day and grace days: a cadre's 未到截止日 says when, as the unit's page, from the same stats)
        shown = dict(ctx, stats={p: {"archived": s["archived"], "due": s["due"], "grace_until": s["grace_until"]}
                                 for p, s in stats.items()},
                     semesters={"semesters": [{"name": s["name"]} for s in ctx["semesters"]["semesters"]]})
        for cadre in cadres:
            self.page(f"cadres/{cadre['id']}.md", "cadre.md.j2", cadre=cadre, **shown)
            if words := search_zh.name_words(cadre["name"]):  # (the search index's field of the page: the hook writes it in)
                self.name_words[f"cadres/{cadre['id']}.md"] = words
        self.page("units/index.md", "units_index.md.j2", **ctx)
        named = dict(ctx, stats={p: {"name": s["name"], "due": s["due"], "grace_until": s["grace_until"]}
                                  for p, s in stats.items()})
        for unit in units:
            self.page(f"units/{unit['id']}.md", "unit.md.j2", unit=unit,
                      behind=[r for r in behind if r["unit"] == unit["id"]], **named)
        self.page("feedback.md", "feedback.md.j2", outside=agg.reported_outside(threads), **ctx)
        for half in ctx["feedback_halves"]:
            self.page(f"feedback/{half['id']}.md", "feedback_half.md.j2", half=half, **ctx)
        for year in ctx["feedback_years"]:  # (the board's pages were by year: each now lists its halves)
            self.page(f"feedback/{year['id']}.md", "feedback_year.md.j2", year=year, **ctx)
        self._newest_year_and_earlier("cases", ctx["cases"], **ctx)
        self._newest_year_and_earlier("evaluation", ctx["evaluation"], lead=ctx["evaluation_year"], **ctx)
        # (the current one's records too: 附件1 itself is the arrangement; and a later one's, which the findings of its file link)
        for cycle in ctx["cycles"]:
            self.page(f"attachment1/{cycle['id']}.md", "attachment1_cycle.md.j2", cycle=cycle, **ctx)
        self.page("summary/index.md", "summary_index.md.j2", semester_counts=semester_counts, **ctx)
        self.page("reference/fields.md", "fields.md.j2", schemas=field_reference(self.rs), **ctx)
        self.findings = sorted(set(self.findings) | set(self.extra()), key=F.Finding.sort_key)
        self.page("findings.md", "findings.md.j2", findings=self._findings_rows(ledgers, cadres),
                  after_today=after_today_said(self.agg.checks.data, "zh"), **ctx)
        self.page("downloads.md", "downloads.md.j2", downloads=self.download_list, **ctx)

    def _behind(self, periods, tables, stats) -> list[dict]:
        """Who is behind: every ledger past its deadline and never handed in, or handed in with errors of
        any stage (not accepted until fixed: deadlines.with_errors and rows_told_late, as remind counts
        it), of any period, newest first; `wrong` the first error of one with errors, where it is."""
        today = self.agg.today.isoformat()
        errors: dict = {}
        for f in self.findings:
            if f.severity == F.ERROR:
                errors.setdefault(f.file, f)
        out = []
        for p in periods:
            past = (stats[p]["grace_until"] or stats[p]["due"]) < today
            for r in tables[p]:
                s = r["status"]
                if s["kind"] == "missing":
                    out.append(dict(r, period=p, period_name=stats[p]["name"], due=stats[p]["due"], wrong=None))
                elif past and s["kind"] in ("on_time", "late") and handed_in(r) and s.get("errors"):
                    # (one in Git that cannot be read is handed in with errors too, its row says: its file's)
                    rel = r["ledger"]["rel"] if r["ledger"] else f"ledgers/{p}/{r['cadre']}.yaml"
                    f = errors.get(r["ledger"]["file"] if r["ledger"] else display_path(self.rs.root / rel))
                    where = f"{as_of(f.file)[0]}:{f.line}:{f.column or 1}" if f and f.line else rel
                    out.append(dict(r, period=p, period_name=stats[p]["name"], due=stats[p]["due"],
                                    wrong={"where": where, "message": f.message_zh if f else ""}))
        return out

    def _newest_year_and_earlier(self, name: str, rows: list[dict], lead=None, **ctx) -> None:
        """`name`.md holds the newest year's rows (`rows` come newest year first), or `lead`'s when given (the year
        年度考核参考 leads with: Aggregate.evaluation_year), and links each other year's page, `name`/<year>.md —
        `later` those after it, `earlier` those before: at 12,000 ledgers ten years' rows on one page took a browser
        2-6 s to open.  (附件1 does the same by cycle, the feedback board by year.)"""
        by_year: dict = {}
        for r in rows:
            by_year.setdefault(r["year"], []).append(r)
        years = list(by_year)
        newest = _newest_year(years, lead)
        at = years.index(newest) if newest in by_year else 0
        later, earlier = years[:at], years[at + 1:]
        self.page(f"{name}.md", f"{name}.md.j2", year=newest, rows=by_year.get(newest, []),
                  later=[(y, by_year[y]) for y in later], earlier=[(y, by_year[y]) for y in earlier], **ctx)
        for y in later + earlier:
            self.page(f"{name}/{y}.md", f"{name}_year.md.j2", year=y, rows=by_year[y], **ctx)

    # ------------------------------------------------------------------
    def _downloads(self, ctx) -> None:
        agg = self.agg
        a1 = ctx["a1"]
        cols1 = [("no", "序号"), ("name", "姓名"), ("unit_name", "单位"), ("position", "职务"), ("point_name", "联系点"),
                 ("kind_zh", "类型"), ("point_unit_name", "所属学院"), ("grade", "年级/新生"), ("start", "开始日期"),
                 ("end", "结束日期")]

        def arrangement(name: str, title: str, rows: list[dict], subtitle: str) -> None:
            # (why a row ended, as the page writes （离任） after its dates: the cadre's last day, active_to)
            self.table(exports.Table(name, title, cols1 + [("ended_why", "结束原因")],
                                     [dict(r, ended_why="离任" if r["left_on"] else "") for r in rows], subtitle=subtitle),
                       xlsx=True)

        cycle = a1["current"]["id"] if a1["current"] else ""
        arrangement("attachment1", "附件1 工作安排表", a1["rows"], f"{cycle}周期，截至 {agg.today.isoformat()}")
        if coming := a1["next"]:  # (the cycle that starts after the site's day, as on its first day: not yet in force)
            arrangement("attachment1-next", "附件1 工作安排表（下一周期）", coming["table"],
                        f"{coming['id']}周期，{coming['start']} 起，截至 {agg.today.isoformat()} 尚未生效")
        cols_all = [("cycle", "周期")] + cols1[1:] + [("reason", "调整原因")]
        all_rows = [r for c in ctx["cycles"] for r in c["rows"]]
        self.table(exports.Table("assignments-all", "工作安排（全部周期与调整）", cols_all, all_rows))
        by_period: dict[str, list] = {}
        for (p, _), led in ctx["ledgers"].items():
            by_period.setdefault(p, []).append(led)
        for p in ctx["periods"]:
            # (合并后修改 as the page says it under 提交日期: the count and the last day, columns to filter on)
            rows = [dict(r, status_label=r["status"]["label"], landed=r["status"]["landed"],
                         natures=md.natures_counted(r["ledger"]["feedback"]) if r["ledger"] else "",
                         **md.changed_columns(r["status"])) for r in ctx["tables"][p]]
            cols2 = [("no", "序号"), ("name", "姓名"), ("unit_name", "单位"), ("position", "职务"), ("points", "联系点"),
                     ("status_label", "填报状态"), ("landed", "提交日期"), ("changes", "合并后修改（次）"),
                     ("changed", "合并后最近修改日期"), ("activities", "活动次数"),
                     ("forms", "联系形式"), ("feedback", "问题和建议数"), ("natures", "其中各性质的问题数"),
                     ("exempt_reason", "免交原因")]
            stat = ctx["stats"][p]
            archived = stat["archived"]
            # (its head counts as the page does: an exempt cadre's row, 豁免, is neither 应填报 nor 已提交)
            self.table(exports.Table(f"attachment2-{p}", f"附件2 工作台账汇总 {p}", cols2, rows,
                                     subtitle=f"{stat['name']}，{md.filed_counts(stat)}" + (
                                         f"；{archived['archived_on']} 备案，填报状态取自备案清单" if archived else ""),
                                     counts=md.filed_numbers(stat)),
                       xlsx=True)
            acts = [dict(a, name=l["name"], unit_name=l["unit_name"], topics="、".join(a["topics"]))
                    for l in by_period.get(p, ()) for a in l["activities"]]
            self.table(exports.Table(f"activities-{p}", f"联系学生活动明细 {p}",
                                     [("name", "姓名"), ("unit_name", "单位"), ("date", "日期"), ("form", "联系形式"),
                                      ("place", "联系场所"), ("channel", "联系方式"), ("students", "学生人数"),
                                      ("topics", "主题"), ("summary", "活动情况"), ("typical", "典型案例")], acts),
                       xlsx=True)
            # (the rest of each ledger, as filed in the period: what students raised and how it was handled, R10,
            # the cadres' suggestions and reflections, R15 — the archive hands them in with 附件2 and the activities)
            self.table(exports.Table(f"feedback-{p}", f"学生反映问题和建议 {p}", PERIOD_FEEDBACK,
                                     [dict(f, name=l["name"], unit_name=l["unit_name"])
                                      for l in by_period.get(p, ()) for f in l["feedback"]]), xlsx=True)
            self.table(exports.Table(f"suggestions-{p}", f"{self.rs.suggestions_title()} {p}",
                                     [("name", "姓名"), ("unit_name", "单位"), ("to", "建议对象"), ("content", "内容")],
                                     [dict(s, name=l["name"], unit_name=l["unit_name"])
                                      for l in by_period.get(p, ()) for s in l["suggestions"]]), xlsx=True)
            # (工作总结's 各单位情况, as the page gives it: the report's table by unit, with its 合计 row)
            self.table(exports.Table(f"units-{p}", f"各单位情况 {p}", UNIT_FIGURES, stat["units"],
                                     subtitle=f"{stat['name']}，按期末干部所在的单位计"), xlsx=True)
            self.table(exports.Table(f"reflections-{p}", f"工作体会 {p}",
                                     [("name", "姓名"), ("unit_name", "单位"), ("reflections", "工作体会")],
                                     [l for l in by_period.get(p, ()) if l["reflections"]]), xlsx=True)
        for year in ctx["school_years"]:  # (学年工作总结's 各单位情况, as its page gives it)
            self.table(exports.Table(f"units-{year['id']}", f"各单位情况 {year['id']} 学年", YEAR_UNIT_FIGURES, year["units"],
                                     subtitle=f"{year['id']} 学年各期相加，按各期期末干部所在的单位计"), xlsx=True)
        cov_cols = [("year", "学年"), ("unit_name", "所属学院"), ("class_name", "班级"), ("major", "专业"),
                    ("headcount", "人数"), ("cadre_names", "联系干部"), ("state", "覆盖情况")]
        self.table(exports.Table("coverage", "新生班级覆盖", cov_cols,
                                 [dict(r, cadre_names="、".join(r["cadre_names"])) for r in ctx["coverage"]]), xlsx=True)
        fb_rows = [dict(t["root"], nature=t["nature"], name=t["name"], unit_name=t["unit_name"], current=t["status"], age=t["age"],
                        overdue="超期" if t["overdue"] else "", followups=len(t["chain"]) - 1,
                        resolved_on=t["last"]["resolved_on"] if t["meaning"] == "resolved" else "",
                        resolution=t["last"]["resolution"] if t["meaning"] == "resolved" else "")
                   for t in ctx["threads"]]
        self.table(exports.Table("feedback", "学生反映问题台账",
                                 [("id", "编号"), ("raised_on", "反映日期"), ("name", "干部"), ("unit_name", "单位"),
                                  ("kind", "类型"), ("category", "类别"), ("nature", "问题性质"), ("description", "内容"),
                                  ("current", "当前状态"),
                                  ("escalated_to", "报告对象"), ("resolved_on", "解决日期"), ("resolution", "解决情况"),
                                  ("age", "天数（未解决：至今；已解决：用时）"), ("overdue", "超期"),
                                  ("followups", "跟进次数")], fb_rows), xlsx=True)
        self.table(exports.Table("evaluation", "年度考核参考",
                                 # (干部编号: the one key a merge with the assessment's spreadsheet can trust — two
                                 # 张伟 in one unit share name and unit —, and 工号, the HR system's, which the
                                 # 组织部's spreadsheet is keyed by)
                                 [("year", "年度"), ("cadre", "干部编号"), ("staff_no", "工号"), ("name", "姓名"),
                                  ("unit_name", "单位"),
                                  ("position", "职务"), ("remarks", "任职变动"), ("activities", "联系次数"),
                                  ("semesters_met", "达标学期"), ("semesters_due", "应达标学期"),
                                  ("semesters_pending", "待定学期"), ("semesters_exempt", "豁免学期"),
                                  ("no_point_days", "无联系点天数"), ("no_point", "无联系点"),
                                  ("ledgers_on_time", "按时台账"), ("ledgers_due", "应交台账"),
                                  ("ledgers_late", "逾期台账"), ("ledgers_missing", "未提交台账"),
                                  ("ledgers_exempt", "豁免台账"), ("ledgers_amended", "已更正台账"),
                                  ("ledgers_changed", "合并后修改台账"), ("ledgers_with_errors", "有错误台账（未通过）"),
                                  ("feedback", "反映问题"), ("resolved", "已解决")], ctx["evaluation"]), xlsx=True)
        self.download_list = []
        day = self.agg.today
        jobs = []
        for table, xlsx in self.tables:
            entry = {"title": table.title, "name": table.name, "rows": len(table.rows),
                     "formats": (["xlsx"] if xlsx else []) + ["csv", "json"], "counts": ""}
            jobs += [exports.Download(f"downloads/{table.name}.{fmt}", table, day, self.institution)
                     for fmt in entry["formats"]]
            if table.counts:  # (beside its CSV: 人数 CSV)
                entry["counts"] = f"{table.name}-counts.csv"
                jobs.append(exports.Download(f"downloads/{entry['counts']}", exports.counts_table(table), day,
                                             self.institution))
            self.download_list.append(entry)
        self.tables = []  # their rows live on only until their downloads are written (or sent to be)
        if self.aside is None:
            for job in jobs:
                self.files[job.path] = job.render()
        else:  # started now, so that they are written while the pages are rendered
            self.pending = [job.path for job in jobs]
            self.aside(jobs)

    def _findings_rows(self, ledgers, cadres) -> list[dict]:
        by_file, by_cadre = {}, {}
        for (p, c), led in ledgers.items():
            by_file[led["file"]] = f"cadres/{c}.md#{p}"
        for cadre in cadres:
            by_file[cadre["file"]] = by_cadre[cadre["id"]] = f"cadres/{cadre['id']}.md"
        for stem, cycle in self.rs.cycles.items():  # (a cycle's page is named by its file, as its id is)
            by_file[cycle.file] = f"attachment1/{stem}.md"
        rows = []
        for f in self.findings:
            file, day = as_of(f.file)  # (a ledger as it was on a past --today: that day's content, said so)
            rows.append({"code": f.code, "severity": "错误" if f.severity == F.ERROR else "警告",
                         "where": f"{file}:{f.line}:{f.column or 1}" if f.line and not day else file,
                         "as_of": as_of_said(day, f.line, f.column) if day else "",
                         "message": f.message_zh, "hint": f.hint_zh,
                         "page": by_file.get(f.file) or by_cadre.get(_cadre_of(f))
                         or ("coverage.md#uncovered" if f.code == "W-CHK-001" else None)})  # (an uncovered class: listed there)
        return rows
