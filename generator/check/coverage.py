"""R2: every freshman class has at least one cadre, from the academic year's start plus
the policy's grace days on, for each academic year that has begun by --today (the policy's
freshman_coverage numbers in force when the year began: freshman_coverage.earlier keeps those
before a change).

A freshman class of the academic year starting in year Y is a class whose cohort is Y."""
from __future__ import annotations

import datetime as dt

from generator.check.context import Context, iso, segments


def check_coverage(ctx: Context) -> list[dict]:
    rs = ctx.rs
    by_class: dict[str, list] = {}
    for row in rs.assignments:
        kind, point = rs.contact_point(row)
        span = ctx.row_span(row)
        if kind == "class" and isinstance(point, str) and span[0]:
            by_class.setdefault(point, []).append((span, row))
    first_cycle, _ = ctx.cycle_bounds()
    out = []
    years = rs.academic_years()
    if years and rs.calendar is not None and ctx.today > max(y.end for y in years):
        # (a calendar nobody extended: the new academic year's freshman classes and semesters
        # would otherwise go unchecked without a word)
        last = max(years, key=lambda y: y.end)
        after = last.end + dt.timedelta(days=1)
        ctx.add("W-CHK-011", rs.calendar, _year_pos(rs, last.id), end=last.end, today=ctx.today, after=after,
                next=rs.year_after_calendar(ctx.today), data={"end": iso(last.end)})
    for year in years:
        if year.start > ctx.today:
            continue
        # (the numbers in force when the year began: freshman_coverage.earlier for a year before a change)
        required = rs.in_force(year.start, "freshman_coverage", "required") is not False
        deadline = year.start + dt.timedelta(days=ctx.setting_int("freshman_coverage", "grace_days", default=0,
                                                                  on=year.start))
        checked_on = min(ctx.today, year.end)
        # before the first assignment cycle there was no assignment table to judge
        judge_from = max(deadline, first_cycle) if first_cycle else None
        judged = judge_from is not None and judge_from <= checked_on
        classes = []
        for cid in sorted(c for c, cohort in rs.class_cohort.items() if cohort == year.first_year):
            item = rs.classes[cid]
            # a class that ended (its `until`: merged, dissolved) is judged up to its last day and
            # not listed as one of the year's classes on a day it no longer existed
            until = item.date("until")
            last = min(checked_on, until) if until else checked_on
            spans = by_class.get(cid, [])
            cadres = sorted({r.get("cadre") for (s, e), r in spans if s <= checked_on <= e})
            gaps = []
            if judged:
                gaps = [(s, e) for s, e, n in segments([sp for sp, _ in spans], judge_from, last) if n == 0]
            covered = bool(cadres)
            since = gaps[-1][0] if gaps and gaps[-1][1] == checked_on else None
            unit = item.get("unit") if isinstance(item.get("unit"), str) else None
            if last == checked_on:
                classes.append({"class": cid, "name": item.get("name"), "unit": unit, "unit_name": ctx.unit_name(unit),
                                "cohort": year.first_year, "covered": covered, "cadres": cadres,
                                "uncovered_since": iso(since),
                                "gaps": [{"from": iso(s), "to": iso(e)} for s, e in gaps]})
            if not required:
                continue
            for s, e in gaps:
                ongoing = e == checked_on and checked_on == ctx.today
                start = max(s, ctx.today) if ongoing else s  # (a row from today: no contact made before it is claimed)
                cycle = next((f"{c}.yaml" for c in sorted(rs.cycles)
                              if (d := ctx.cycle_dates(c))[0] and d[1] and d[0] <= start <= d[1]), "")
                ctx.add("W-CHK-001", item, item.pos("id"), name=item.get("name") or cid,
                        cid=cid, cycle=cycle, start=start, before=start - dt.timedelta(days=1), cohort=year.first_year,
                        unit=ctx.unit_name(unit) or unit or "", since=s,
                        until="" if ongoing else f"（至 {e}）", until_en="" if ongoing else f" (until {e})",
                        data={"class": cid, "academic_year": year.id, "from": iso(s), "to": iso(e)})
        out.append({"academic_year": year.id, "start": iso(year.start), "end": iso(year.end),
                    "cohort": year.first_year, "deadline": iso(deadline), "judged": judged,
                    "checked_on": iso(checked_on), "classes": classes})
    return out


def _year_pos(rs, year_id):
    """The position of academic year `year_id`'s `end` in calendar.yaml (of the file's start when
    it cannot be found)."""
    for i, y in enumerate(rs.calendar.get("academic_years") or []):
        if isinstance(y, dict) and y.get("id") == year_id:
            return rs.calendar.pos("academic_years", i, "end")
    return rs.calendar.pos()
