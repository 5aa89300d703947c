"""R1, R4: every active cadre holds exactly the policy number of contact points at every
date (the number in force on that date: contacts.earlier keeps those before a change); no overlaps, no unexplained gaps, no row outside its cycle or the cadre's time in
office; an assignment that ends inside its cycle with no successor is flagged."""
from __future__ import annotations

import datetime as dt

from generator.check.context import ONE_DAY, Context, RowDates, iso, opens, segments
from generator.messages.check import W_CHK_013_FIX, W_CHK_013_LINES, W_CHK_020_ADD
from generator.messages.words import KIND_ZH
from generator.model import next_cycle


def _outside_cycle(ctx: Context, row, d: RowDates) -> None:
    c_start, c_end = ctx.cycle_dates(row.doc.stem)
    if not c_start or not c_end or not ctx.valid(row):
        return
    for key, which, which_en, value in (("start", "开始", "start", d.start), ("end", "结束", "end", d.end)):
        if value and not c_start <= value <= c_end:
            ctx.add("E-CHK-002", row, row.pos(key), which=which, which_en=which_en, value=value,
                    cycle=row.doc.stem, start=c_start, end=c_end)


def _point_of(ctx: Context, row) -> tuple[str, str, str]:
    """('class' | 'club', 班级 | 社团, its name) of an assignment row's contact point."""
    kind, point = ctx.rs.contact_point(row)
    return kind, KIND_ZH[kind], ctx.point_name(point) or point


def _after_point_end(ctx: Context, row, d: RowDates) -> None:
    """A row still naming, by --today, a class or club after its `until` (a graduated class, a
    dissolved club): it counts only up to that day (assignment_span); the table should say so."""
    until, end, start, void = d.until, d.last, d.start, d.void
    if not until or until >= ctx.today or not ctx.valid(row):
        return
    if end is not None and end <= until:
        return
    kind, kind_zh, point = _point_of(ctx, row)
    cadre = row.get("cadre")
    name = ctx.cadre_name(cadre) if isinstance(cadre, str) else ""
    # (one beginning after it: `end: until` would end it before it starts; removed or repointed instead; a next row
    # of the cadre's, the days before it owed nothing — a June graduation, the next cycle from September —: no row to add)
    nxt = None if void else _next_start(ctx, cadre, row, d)
    # (nor for a cadre leaving office after it, the days between owed nothing: the cycle's end in the summer)
    left = None if void or nxt or not isinstance(cadre, str) else _leaves_after(ctx, cadre, row, d)
    lines, lines_en = end_lines(row, d, kind, kind_zh)
    fix, fix_en = (t.format(kind=kind_zh, kind_en=kind, point=point, until=until, start=start, name=name, next=nxt,
                            left=left, lines=lines, lines_en=lines_en)
                   for t in W_CHK_013_FIX["void" if void else "followed" if nxt else "leaves" if left else "ended"])
    # at its `end` (to be the class's last day), else at the class or club: also of a row beginning
    # after it ended, whose class or club is to change (W-CHK-002 points there too)
    ctx.add("W-CHK-013", row, row.pos("end") if d.end and not void else row.pos(kind),
            kind=kind_zh, kind_en=kind, point=point,
            until=until, start=start or "—", end=end or "—", name=name, fix=fix, fix_en=fix_en,
            data={"cadre": cadre, kind: point, "until": iso(until)})


def end_lines(row, d: RowDates, kind: str, kind_zh: str) -> tuple[str, str]:
    """W-CHK-013's lines to type to end `row` on its point's last day, as the row has them: its `end` changed, or the
    line added; `reason: …` added, or, there already, kept (typed again: a key twice, E-YAML-003). draft-cycle lists them
    too, for each row of the old cycle to end."""
    has = row.data if isinstance(row.data, dict) else {}
    braces = "_braces" if opens(row) == "{" else ""  # (a row written in braces: inside them)
    parts = [W_CHK_013_LINES["change_end" if d.end and "end" in has else "add_end" + braces],
             W_CHK_013_LINES["has_reason" if "reason" in has else "add_reason" + braces]]
    values = {"until": d.until, "end": d.end, "why": W_CHK_013_LINES["why"][kind], "kind": kind_zh, "kind_en": kind}
    return tuple("".join(p[i] for p in parts).format(**values) for i in (0, 1))


def _next_start(ctx: Context, cadre, row, d: RowDates) -> dt.date | None:
    """The first day of the cadre's next row after `row`'s point ended (`d.until`), if the days between are owed no
    contact point (a vacation, the semester's last days after a class ended: contacts.end_of_semester_days), else None."""
    if not isinstance(cadre, str):
        return None
    later = [e.start for r in ctx.rows.get(cadre, ()) if r is not row and (e := ctx.dates(r)).start
             and e.start > d.until and not e.void and ctx.valid(r)]
    if not later:
        return None
    first = min(later)
    return first if _owes_nothing(ctx, ctx.rs.semesters(), [(row, d)], d.until + ONE_DAY, first - ONE_DAY) else None


def _leaves_after(ctx: Context, cadre: str, row, d: RowDates) -> dt.date | None:
    """The cadre's last day in office, when it comes after `row`'s point ended (`d.until`) with the days between owed
    no contact point (a vacation, the semester's last days), else None."""
    a_to = ctx.cadre_span(cadre)[1]
    if not a_to or a_to <= d.until:
        return None
    return a_to if _owes_nothing(ctx, ctx.rs.semesters(), [(row, d)], d.until + ONE_DAY, a_to) else None


def _subtract(pieces, holes):
    """Date spans `pieces` minus the spans `holes` (all inclusive)."""
    out = list(pieces)
    for h_start, h_end in holes:
        nxt = []
        for s, e in out:
            if h_end < s or h_start > e:
                nxt.append((s, e))
                continue
            if s < h_start:
                nxt.append((s, h_start - ONE_DAY))
            if e > h_end:
                nxt.append((h_end + ONE_DAY, e))
        out = nxt
    return out


def _pieces(ctx: Context, spans, lo: dt.date, hi: dt.date) -> list[tuple]:
    """(start, end, count, required) of the pieces of [lo, hi] with a constant number of the cadre's
    points and of points the policy requires (contacts.points_per_cadre, or contacts.earlier's on
    the days before a change)."""
    out = []
    for s, e, count in segments(spans, lo, hi):
        for day in ctx.rs.changes("contacts", "points_per_cadre") + [e + ONE_DAY]:
            if s < day <= e + ONE_DAY:
                out.append((s, day - ONE_DAY, count, ctx.setting_int("contacts", "points_per_cadre", default=1, on=s)))
                s = day
    return out


def _no_reason(ctx: Context, row, d: RowDates) -> None:
    """W-CHK-020 (R4): a row that begins after its cycle's start or ends before its cycle's end with no
    reason, unless the records explain it: the cadre's first or last day in office, its point's `until`."""
    reason = row.get("reason")
    if isinstance(reason, str) and reason.strip() or not ctx.valid(row):
        return
    c_start, c_end = ctx.cycle_dates(row.doc.stem)
    if not (c_start and c_end and d.start and c_start <= d.start <= c_end):
        return  # (outside its cycle: E-CHK-002)
    a_from, a_to = ctx.cadre_span(row.get("cadre"))
    began = d.start > c_start and d.start != a_from
    ended = d.end is not None and d.end < c_end and d.end not in (a_to, d.until)
    if began or ended:
        said = [(f"于 {d.start} 开始", f"began on {d.start}")] * began + [(f"于 {d.end} 结束", f"ended on {d.end}")] * ended
        add = W_CHK_020_ADD["blank" if isinstance(row.data, dict) and "reason" in row.data
                            else "braces" if opens(row) == "{" else "add"]
        ctx.add("W-CHK-020", row, row.pos("start" if began else "end"), name=ctx.cadre_name(row.get("cadre")),
                add=add[0], add_en=add[1],
                cycle=row.doc.stem, c_start=c_start, c_end=c_end, what="、".join(z for z, _ in said),
                what_en=" and ".join(e for _, e in said))


def check_contact_points(ctx: Context) -> list[dict]:
    rs, dates, valid = ctx.rs, ctx.dates, ctx.valid
    first_cycle, last_cycle = ctx.cycle_bounds()
    _no_cycle_today(ctx, last_cycle)
    terms = rs.semesters()  # (read from the calendar once, not once a cadre: ≈40 µs a call, 897 cadres at 12k)
    table = []
    for row in rs.assignments:  # (each row's dates taken once here: the rules ask them ≈8 times a row)
        d = dates(row)
        _outside_cycle(ctx, row, d)
        _after_point_end(ctx, row, d)
        _no_reason(ctx, row, d)
    for cadre in sorted(rs.cadres):
        item = rs.cadres[cadre]
        name = ctx.cadre_name(cadre)
        a_from, a_to = ctx.cadre_span(cadre)
        dated = [(row, dates(row)) for row in ctx.rows.get(cadre, ())]
        spans = []  # ((start, end), row, its dates) of each row in force on some day (row_span)
        dead = [(r, d) for r, d in dated if d.void and valid(r)]
        for row, d in dated:
            span = ctx.row_span(row)
            raw_start, raw_end = d.start, d.span_end
            if span[0] is None and raw_start and valid(row) and a_from and not (raw_end and raw_end < raw_start):
                # (one starting after its class or club ended: W-CHK-013)
                ctx.add("E-CHK-003", row, row.pos("start"), name=name, active_from=a_from,
                        active_to=a_to or "今", start=raw_start, end=raw_end or "—")
            if span[0]:
                spans.append((span, row, d))
        table.append(_rows_data(ctx, cadre, dated))
        if not a_from or not first_cycle or not last_cycle:
            continue
        lo = max(a_from, first_cycle)
        hi = min(ctx.today, a_to or dt.date.max, last_cycle)
        # overlaps: more points than required (any date, the future included)
        top = min(a_to or dt.date.max, last_cycle)
        reported = set()
        pieces = _pieces(ctx, [sp for sp, _, _ in spans], lo, top)
        for s, e, count, required in pieces:
            if count > required:
                holders = [(r, d) for (rs_, re_), r, d in spans if rs_ <= s and re_ >= s]
                newest = max(holders, key=lambda h: (h[1].start or dt.date.min))[0]
                if id(newest) not in reported:
                    reported.add(id(newest))
                    ctx.add("E-CHK-001", newest, newest.pos("start"), name=name, start=s, end=e,
                            count=count, required=required)
        # gaps up to today: fewer points than required (the pieces up to `top` cut at `hi`, which is
        # not after it: the same pieces as those of [lo, hi])
        gaps = [(s, min(e, hi), count, required) for s, e, count, required in pieces if s <= hi and count < required]
        holes = ctx.exemptions_for(cadre, "contact_point")
        for s, e, count, required in gaps:
            for g_start, g_end in _subtract([(s, e)], holes):
                last = g_start - ONE_DAY
                # the row that ended the day before: by its `end`, or by its class's or club's `until`
                before = [(r, d) for (rs_, re_), r, d in spans if re_ == last and (d.end or d.until == last)]
                if _owes_nothing(ctx, terms, before, g_start, g_end):
                    continue
                after = [r for (rs_, re_), r, _ in spans if rs_ == g_end + ONE_DAY]
                gone = [r for r, d in dead if d.start <= g_end and (d.last or dt.date.max) >= g_start]
                if gone:  # a row naming a class or club that had ended before it began: the row is to change
                    at = gone[0]
                    kind, kind_zh, point = _point_of(ctx, at)
                    where, start, until = at.pos(kind), dates(at).start, dates(at).until
                    extra = {"after": f"（这条安排从 {start} 开始，而{kind_zh}“{point}”只存续到 {until}，不算联系点）",
                             "after_en": f" (this assignment starts on {start}, but its {kind} '{point}' existed only "
                                         f"until {until}: it is no contact point)"}
                elif before and before[0][1].until == last:
                    at, d = before[0]
                    kind, kind_zh, point = _point_of(ctx, at)
                    where = at.pos("end") if d.end else at.pos(kind)
                    then, then_en = _next_said(after, g_end, ", with no successor")
                    extra = {"after": f"（上一条安排的{kind_zh}“{point}”只存续到 {last}，{then}）",
                             "after_en": f" (the previous assignment's {kind} '{point}' existed until {last}{then_en})"}
                elif before:
                    at = before[0][0]
                    where = at.pos("end")
                    then, then_en = _next_said(after, g_end, " with no successor")
                    extra = {"after": f"（上一条安排于 {last} 结束，{then}）",
                             "after_en": f" (the previous assignment ended on {last}{then_en})"}
                elif after:
                    at, where = after[0], after[0].pos("start")
                    extra = {"after": "", "after_en": ""}
                else:
                    at, where = item, item.pos("active_from")
                    extra = {"after": "", "after_en": ""}
                ctx.add("W-CHK-002", at, where, name=name, start=g_start, end=g_end, count=count,
                        required=required, data={"cadre": cadre, "from": iso(g_start), "to": iso(g_end)}, **extra)
        # planning: an assignment ending (today or later) inside its cycle with nothing after it
        for (s, e), row, d in spans:
            end = d.end
            if not end or end < ctx.today or e != end:
                continue
            c_end = ctx.cycle_dates(row.doc.stem)[1]
            if (c_end and end >= c_end) or not valid(row):
                continue
            if a_to and a_to <= end:
                continue
            nxt = end + ONE_DAY
            if any(rs_ <= nxt <= re_ for (rs_, re_), _, _ in spans):
                continue
            if any(h_s <= nxt <= h_e for h_s, h_e in holes):
                continue
            # (a later row, the days before it owed nothing: a June graduation, the next cycle from September)
            later = [rs_ for (rs_, _), _, _ in spans if rs_ > nxt]
            if later and _owes_nothing(ctx, terms, [(row, d)], nxt, min(later) - ONE_DAY):
                continue
            ctx.add("W-CHK-003", row, row.pos("end"), name=name, end=end, next=nxt)
    return table


def _no_cycle_today(ctx: Context, last_cycle: dt.date | None) -> None:
    """W-CHK-023 (R1, R4): --today after the last cycle's last day: R1 is judged inside the cycles only, so every cadre
    in office would go without a contact point unsaid; W-CHK-024, the summer before it, while it can be written."""
    if last_cycle is None:
        return
    code, term = "W-CHK-023", None
    if ctx.today <= last_cycle:
        # W-CHK-024 (planning): the cycle's semesters all ended by today, the next one to begin after it (the summer
        # before a new cycle: the days to write it before the semester starts)
        terms = ctx.rs.semesters()
        if any(t.start <= last_cycle and t.end >= ctx.today for t in terms) or \
                not any(t.end < ctx.today for t in terms):
            return
        term = min((t for t in terms if t.start > last_cycle), key=lambda t: t.start, default=None)
        if term is None:
            return
        code = "W-CHK-024"
    stem = max((c for c in ctx.rs.cycles if ctx.cycle_dates(c)[1] == last_cycle), default=None)
    if stem is None:
        return
    c_start, _ = ctx.cycle_dates(stem)
    day = max(ctx.today, last_cycle + ONE_DAY)  # (in office the day after the cycle)
    count = len(ctx.rs.in_office(day, day))
    nxt, n_start, n_end = next_cycle(c_start or last_cycle, last_cycle)
    item = ctx.rs.cycles[stem]
    when = {"term": term.name, "term_id": term.id, "term_start": term.start} if term else {}
    ctx.add(code, item, item.pos("end"), end=last_cycle, cycle=stem, today=ctx.today, count=count,
            after=last_cycle + ONE_DAY, next=nxt, next_start=n_start, next_end=n_end, **when,
            data={"cycle": stem, "end": iso(last_cycle), "next": nxt})


def _after_term_end(ctx: Context, terms: list, before: list, start: dt.date) -> dt.date:
    """The first day of a gap beginning on `start` that is owed a contact point: `start`, unless the gap begins the
    day after a class or club ended (`before`: the row it ended, by its `until`) in the last days of a semester —
    at most the policy's contacts.end_of_semester_days (the number in force on the semester's first day) before
    its end, as a class graduating on 06-30 while the semester runs to 07-10: the point ended with it and the next
    cycle replaces it, so the rest of that semester is owed nothing; the day after the semester's end, then."""
    if not any(d.until == start - ONE_DAY for _, d in before):
        return start
    for t in terms:
        if t.start <= start <= t.end:
            days = ctx.setting_int("contacts", "end_of_semester_days", default=0, on=t.start)
            return t.end + ONE_DAY if (t.end - start).days + 1 <= days else start
    return start


def _owes_nothing(ctx: Context, terms: list, before: list, start: dt.date, end: dt.date) -> bool:
    """Whether days `start`..`end` without a contact point (after the rows `before` ended) are owed none: none at all,
    a vacation (_in_vacation), or the last days of a semester after a class or club ended (_after_term_end), then one."""
    owed = _after_term_end(ctx, terms, before, start)
    return owed > end or _in_vacation(terms, owed, end)


def _in_vacation(terms: list, start: dt.date, end: dt.date) -> bool:
    """Whether the days `start`..`end` all fall between two semesters of the calendar (records/calendar.yaml): a
    vacation, when no contact is possible and none is counted (R5), so a cadre without a contact point then owes
    none — a class graduating at the semester's end, the next row from the new semester.  Days the calendar does not
    reach (before its first semester, after its last) are not known to be a vacation."""
    return any(t.end < start for t in terms) and any(t.start > end for t in terms) \
        and not any(t.start <= end and t.end >= start for t in terms)


def _next_said(after: list, gap_end: dt.date, none_en: str) -> tuple[str, str]:
    """W-CHK-002's words, after the row that ended the day before a gap, of what follows it: the row starting the day
    after the gap (`after`: a graduated class's cadre whose new cycle begins in September), else no row at all."""
    if after:
        nxt = gap_end + ONE_DAY
        return f"下一条安排从 {nxt} 开始", f"; the next one starts on {nxt}"
    return "之后没有新的安排", none_en


def _rows_data(ctx: Context, cadre: str, dated) -> dict:
    """The cadre's rows of the table, from (row, its dates) of each."""
    a_from, a_to = ctx.cadre_span(cadre)
    out, later = [], 0
    for row, d in sorted(dated, key=lambda rd: (rd[1].start or dt.date.min, rd[0].doc.stem)):
        kind, point = ctx.rs.contact_point(row)
        start, end = d.start, d.span_end
        if start and start > ctx.today:  # (not begun by --today: counted, not listed, as on the site)
            later += 1
            continue
        until = d.until
        # (as 附件1: a row beginning after its class or club ended shows its dates as written, never counted)
        void = d.void
        reason = row.get("reason") if isinstance(row.get("reason"), str) else None
        # (its end is the cadre's last day, as on the site (Aggregate._assignment_row): one ended that day, or one
        # running past it — no end written, or a later one — ends on it, the reason of an end it never reached gone)
        leaves = bool(not void and a_to and start and start <= a_to and (end is None or a_to <= end))
        if leaves and (end is None or a_to < end):
            first = ctx.cycle_dates(row.doc.stem)[0]
            end, reason = a_to, reason if reason and first and start > first else None  # (a start's reason stays)
        if not void:
            end, reason = _as_of_today(ctx, row, start, end, until, reason, a_to)
        out.append({"cycle": row.doc.stem, "kind": kind, "point": point, "point_name": ctx.point_name(point),
                    "point_unit": ctx.point_unit(point), "start": iso(start),
                    "end": iso(d.last if void else end), "void": void, "point_until": iso(until),
                    "left_on": iso(a_to) if leaves else None, "reason": reason, "file": row.file, "line": row.pos()[0]})
    return {"cadre": cadre, "name": ctx.cadre_name(cadre), "unit": ctx.cadre_unit(cadre), "unit_name": ctx.unit_name(ctx.cadre_unit(cadre)),
            "active_from": iso(a_from), "active_to": iso(a_to), "rows": out, "later": later}


def _as_of_today(ctx: Context, row, start, end, until, reason, left) -> tuple:
    """A row's end and reason as they stood at --today, as the site (Aggregate.begun) shows them: an
    end after --today and before the cycle's (an early end, a class graduating: its `until`) had not
    been made by then — the row runs to its cycle's end, without that end's reason, or, its class or
    club ending before that, has no end yet (running); a reason written for a row begun inside the
    cycle is its start's, and stays.  An end on the cadre's last day (`left`, their active_to, in the
    cadre's file by then: the cadre's active_to beside it) stays, with its reason."""
    first, last = ctx.cycle_dates(row.doc.stem)
    if not (end and last and ctx.today < end < last) or end == left:
        return end, reason
    of_start = reason and first and start and start > first
    return (None if until and ctx.today < until < last else last), (reason if of_start else None)
