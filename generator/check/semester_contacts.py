"""R5: in every semester that has ended by --today, each cadre who held an assignment
during it has met students at least the policy number of times (activities dated inside
the semester, counted across all of the cadre's ledgers).  Worked out one cadre at a time
(by_cadre.py).

A semester is judged once the ledgers that record its days are all due (their periods' due
dates plus the grace days): the autumn semester's January days are written in the first
half-year's ledger, due at the end of June, so a semester ending in January is judged in July.
Before that, one that ended unmet is only "not yet judged".

The number is the policy's contacts.min_per_semester, or, for a semester that started on or before
the `until` of one of contacts.earlier (the numbers in force before the policy changed), that
one's: raising the number does not judge the past semesters again by the new one."""
from __future__ import annotations

from generator.check.context import Context, iso


class SemesterContacts:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.all = ctx.rs.semesters()
        self.semesters = [s for s in self.all if s.start <= ctx.today]
        self.required = {s.id: ctx.setting_int("contacts", "min_per_semester", default=1, on=s.start)
                         for s in self.semesters}
        self._on: dict = {}  # day → the semesters it falls in
        self.judged = {s.id: s.end < ctx.today and all(ctx.deadline(p) < ctx.today
                                                        for p in ctx.rs.periods_between(s.start, s.end))
                       for s in self.semesters}

    def row(self, cadre: str, ledgers) -> dict | None:
        """The cadre's row of the matrix (None when no semester asks anything of them), from
        their ledgers; an activity dated in no semester is reported (W-CHK-010) whoever filed it."""
        ctx, all_semesters = self.ctx, self.all
        counts: dict[str, int] = {}
        for led in ledgers:
            for i, day in ctx.activity_dates(led):
                inside = self._on.get(day)
                if inside is None:
                    inside = self._on[day] = [s for s in all_semesters if s.start <= day <= s.end]
                if not inside and all_semesters and ctx.valid(led):
                    ctx.add("W-CHK-010", led, led.pos("activities", i, "date"), date=day)
                if day > ctx.today:
                    continue
                for s in inside:
                    counts[s.id] = counts.get(s.id, 0) + 1
        if cadre not in ctx.rows:
            return None
        cells = {}
        for s in self.semesters:
            held = bool(ctx.held_during(cadre, s.start, s.end))
            count = counts.get(s.id, 0)
            need = self.required[s.id] if held else 0
            exempt = held and ctx.exempt(cadre, "semester_contacts", s.start, s.end)
            cells[s.id] = {"required": need, "count": count, "met": count >= need, "exempt": exempt}
            if held and self.judged[s.id] and count < need and not exempt:
                item = ctx.rs.cadres[cadre]
                ctx.add("W-CHK-004", item, item.pos(), name=ctx.cadre_name(cadre), semester=s.name,
                        semester_id=s.id, start=s.start, end=s.end, count=count, required=need,
                        data={"cadre": cadre, "semester": s.id})
        if not any(c["required"] for c in cells.values()):
            return None
        unit = ctx.cadre_unit(cadre)
        return {"cadre": cadre, "name": ctx.cadre_name(cadre), "unit": unit, "unit_name": ctx.unit_name(unit),
                "cells": cells}

    def matrix(self, rows: list[dict]) -> dict:
        return {"semesters": [{"id": s.id, "name": s.name, "academic_year": s.year, "start": iso(s.start),
                               "end": iso(s.end), "ended": s.end < self.ctx.today, "judged": self.judged[s.id]}
                              for s in self.semesters],
                "rows": rows}
