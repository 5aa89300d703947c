"""A ledger must fit the assignment table and the calendar: filed for a period in which
the cadre held an assignment, naming only the contact points they held then, for a
period that has begun, with no activity dated after --today, nor (a warning) on a day on which
the cadre held no contact point.  A ledger of an archived period is not judged against the
assignments (Context.frozen).  One cadre at a time (by_cadre.py)."""
from __future__ import annotations

import re

from generator import findings as F
from generator.check.context import Context
from generator.messages.check import W_CHK_012_CHECK
from generator.messages.references import BEFORE_OFFICE


def check_ledger_content(ctx: Context, cadre: str, ledgers) -> None:
    rs = ctx.rs
    if cadre not in rs.cadres:
        return
    known, today, name, days_of = rs.point_ids, ctx.today, ctx.cadre_name(cadre), ctx.days
    invalid, periods = rs.invalid, ctx.periods  # (ctx.valid and RecordSet.period of each ledger, asked in C)
    for led in ledgers:
        doc = led.doc
        if doc.rel in invalid:
            continue
        period = periods[doc.folder]
        if period is None:
            continue  # E-REF-007 says why
        if period.start > today:
            ctx.add("E-CHK-007", led, led.pos("period"), period=period.id, start=period.start, today=ctx.today)
        held = ctx.held_during(cadre, period.start, period.end)
        frozen, facts = ctx.frozen(led), ctx.facts(led)
        if frozen:
            pass  # (E-CHK-004, E-CHK-005, W-CHK-012 would come from assignments changed since)
        elif not held:
            ctx.add("E-CHK-004", led, led.pos("period"), name=name, period=period.id, start=period.start,
                    end=period.end, data={"cadre": cadre, "period": period.id})
        else:
            points = {rs.contact_point(r)[1] for r in held}
            for i, point in facts.points:
                if point in known and point not in points:
                    where = led.pos("contact_points", i)
                    ctx.add("E-CHK-005", led, where, point=point, name=name, period=period.id,
                            held=sorted(p for p in points if p), **_held_line(ctx, led, where, point, points, facts))
        # whether the cadre held a point on an activity's day, in the period or not: when one of the spans
        # of the days they held one (Context.held_spans: their rows in force joined, most cadres' one)
        # covers it, without asking held_during for each of 116,000 days at 12k (each a new question)
        spans = ctx.held_spans(cadre) if held and not frozen else ()
        first, last = spans[0] if len(spans) == 1 else (None, None)  # (most cadres: one, asked inline)
        # (116,000 activities at 12k: each one's date as written, one of the facts' valid ones, looked up in
        # the run's dates, Context.days — no (index, date) pairs made of them first)
        for i, text in facts.dates:
            day = days_of[text]
            if day > today:
                ctx.add("E-CHK-006", led, led.pos("activities", i, "date"), what="活动日期",
                        what_en="activity date", value=day, today=today)
            elif spans and not (first <= day <= last if first else _covers(spans, day)):
                # before the cadre took the point up or after they left it (or office): a successor's
                # day before their start, a leaver's after active_to
                # (the days of this period on which they held one: not the rows' whole runs)
                pieces = sorted({(max(s, period.start), min(e, period.end)) for r in held
                                 for s, e in (ctx.row_span(r),) if s})
                shown = "、".join(f"{s} 至 {e}" for s, e in pieces)
                shown_en = ", ".join(f"{s} to {e}" for s, e in pieces)
                ctx.add("W-CHK-012", led, led.pos("activities", i, "date"), date=day, name=name,
                        spans=shown, spans_en=shown_en, data={"cadre": cadre, "period": period.id},
                        **_unheld_how(name, spans[0][0], ctx.cadre_span(cadre)[0], day))


def _unheld_how(name: str, took, active_from, day) -> dict:
    """W-CHK-012's hint (how, how_en): before the cadre's first day with a point (`took`), that day and that contacts
    before it do not count for them (BEFORE_OFFICE: appointed that day when it is their `active_from`); else to check
    the date (W_CHK_012_CHECK)."""
    if day < took:
        said = BEFORE_OFFICE["appointed" if active_from and active_from >= took else "point"]
        zh, en = (t.format(name=name, took=took, records=F.records_shown()) for t in said)
    else:
        zh, en = (t.format(records=F.records_shown()) for t in W_CHK_012_CHECK)
    return {"how": zh, "how_en": en}


def _covers(spans, day) -> bool:
    for start, end in spans:
        if start <= day <= end:
            return True
    return False


def _held_line(ctx: Context, led, where: tuple, point: str, points: set, facts) -> dict:
    """E-CHK-005's words (how, how_en) for a contact point the cadre did not hold in the period: the line to type,
    with the one point they held then in its place (its name after it: the scaffold's comment after the point, if
    any, is dropped, being the wrong one's), when they held one only, the ledger does not name it already and the
    point is written once on its line; else none (the message lists the points held)."""
    held, top = [p for p in points if p], F.records_shown()
    plain = {"how": f"请填写安排表（{top}/assignments/）中分配给您的联系点",
             "how_en": f"List the contact points assigned to you in {top}/assignments/"}
    if len(held) != 1 or held[0] in {p for _i, p in facts.points}:
        return plain
    lines = led.doc.text.splitlines()
    line = lines[where[0] - 1] if 0 < where[0] <= len(lines) else ""
    found = list(re.finditer(rf"(?<![\w-]){re.escape(point)}(?![\w-])", line))
    if len(found) != 1:
        return plain
    cut = found[0]
    rest = re.sub(r"\s+#.*$", "", line[cut.end():])
    typed = (line[:cut.start()] + held[0] + rest).rstrip()
    shown = ctx.point_name(held[0]) or held[0]
    return {"how": f"这一期分给您的联系点是{shown}（{top}/assignments/），这一行写成：{typed}",
            "how_en": f"The point assigned to you in this period is {shown} ({top}/assignments/); the line: {typed}"}
