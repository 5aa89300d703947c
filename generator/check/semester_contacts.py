"""R5: in every semester that has ended by --today, each cadre who held an assignment
during it has met students at least the policy number of times (activities dated inside
the semester, counted across all of the cadre's ledgers)."""
from __future__ import annotations

from generator.check.context import Context, iso


def check_semester_contacts(ctx: Context) -> dict:
    rs = ctx.rs
    minimum = ctx.setting_int("contacts", "min_per_semester", default=1)
    semesters = [s for s in rs.semesters() if s.start <= ctx.today]
    all_semesters = rs.semesters()
    counts: dict[tuple[str, str], int] = {}
    semesters_on: dict = {}  # day → the semesters it falls in
    for (period, cadre), led in sorted(rs.ledgers.items()):
        for i, day in ctx.activity_dates(led):
            inside = semesters_on.get(day)
            if inside is None:
                inside = semesters_on[day] = [s for s in all_semesters if s.start <= day <= s.end]
            if not inside and all_semesters and ctx.valid(led):
                ctx.add("W-CHK-010", led, led.pos("activities", i, "date"), date=day)
            if day > ctx.today:
                continue
            for s in inside:
                counts[(cadre, s.id)] = counts.get((cadre, s.id), 0) + 1
    rows = []
    for cadre in sorted(ctx.rows):
        cells = {}
        for s in semesters:
            held = bool(ctx.held_during(cadre, s.start, s.end))
            count = counts.get((cadre, s.id), 0)
            need = minimum if held else 0
            exempt = held and ctx.exempt(cadre, "semester_contacts", s.start, s.end)
            cells[s.id] = {"required": need, "count": count, "met": count >= need, "exempt": exempt}
            if held and s.end < ctx.today and count < need and not exempt:
                item = rs.cadres[cadre]
                ctx.add("W-CHK-004", item, item.pos(), name=ctx.cadre_name(cadre), semester=s.name,
                        semester_id=s.id, start=s.start, end=s.end, count=count, required=need,
                        data={"cadre": cadre, "semester": s.id})
        if any(c["required"] for c in cells.values()):
            rows.append({"cadre": cadre, "name": ctx.cadre_name(cadre), "unit": ctx.cadre_unit(cadre), "unit_name": ctx.unit_name(ctx.cadre_unit(cadre)),
                         "cells": cells})
    return {"semesters": [{"id": s.id, "name": s.name, "academic_year": s.year, "start": iso(s.start),
                           "end": iso(s.end), "ended": s.end < ctx.today} for s in semesters],
            "rows": rows}
