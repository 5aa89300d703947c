"""A ledger must fit the assignment table and the calendar: filed for a period in which
the cadre held an assignment, naming only the contact points they held then, for a
period that has begun, with no activity dated after --today, nor (a warning) on a day on which
the cadre held no contact point.  A ledger of an archived period is not judged against the
assignments (Context.frozen).  One cadre at a time (by_cadre.py)."""
from __future__ import annotations

from generator.check.context import Context


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
                    ctx.add("E-CHK-005", led, led.pos("contact_points", i), point=point, name=name,
                            period=period.id, held=sorted(p for p in points if p))
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
                        spans=shown, spans_en=shown_en, data={"cadre": cadre, "period": period.id})


def _covers(spans, day) -> bool:
    for start, end in spans:
        if start <= day <= end:
            return True
    return False
