"""R5: in every semester that has ended by --today, each cadre who owes it (held contact points on
at least the policy's contacts.min_days_held of its days: see SemesterContacts.owes) has met
students at least the policy number of times (activities dated inside the semester, counted across
all of the cadre's ledgers).  Worked out one cadre at a time
(by_cadre.py).

A semester is judged once the ledgers that record its days are all due (their periods' due
dates plus the grace days): the autumn semester's January days are written in the first
half-year's ledger, due at the end of June, so a semester ending in January is judged in July.
Before that, one that ended unmet is only "not yet judged".

The number is the policy's contacts.min_per_semester, or, for a semester that started on or before
the `until` of one of contacts.earlier (the numbers in force before the policy changed), that
one's: raising the number does not judge the past semesters again by the new one."""
from __future__ import annotations

from collections import Counter
from itertools import chain
from operator import attrgetter, itemgetter

from generator.check.context import Context, iso, min_contacts, segments
from generator.check.deadlines import last_on_time
from generator.findings import counted
from generator.messages.check import W_CHK_004_UNCOUNTED as WORDS

_DATES, _TEXT = attrgetter("dates"), itemgetter(1)  # (a ledger's Facts.dates: (index, date as written))


def _outside_period(ctx: Context, led, day) -> bool:
    """Whether `day` is outside its ledger's period, so that the references' E-REF-004 says the date is wrong: W-CHK-010
    (“假期中的活动可以保留”) is not said of it too — the date is told once, by the error."""
    from generator.policy_rules import in_no_period

    period = ctx.periods[led.doc.folder]
    return period is not None and not period.start <= day <= period.end and not in_no_period(ctx.rs, day)


class _Counted(dict):
    """An activity's date as written → the ids of the semesters whose count an activity on that day adds to:
    those it falls in, when it is not after --today (else none, ()); None when it falls in no semester of a
    calendar that has some (W-CHK-010).  Each text worked out once a run, when first asked (2,665 days at
    12k), its day through the run's dates (Context.days: each text parsed once a run)."""

    __slots__ = ("semesters", "today", "ctx")

    def __init__(self, semesters: list, today, ctx):
        super().__init__()
        self.semesters, self.today, self.ctx = semesters, today, ctx

    def __missing__(self, text):
        day = self.ctx.days[text]
        inside = tuple(s.id for s in self.semesters if s.start <= day <= s.end)
        hit = self[text] = (inside if day <= self.today else ()) if inside or not self.semesters else None
        return hit


class SemesterContacts:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.all = ctx.rs.semesters()
        self.semesters = [s for s in self.all if s.start <= ctx.today]
        self.required = {s.id: min_contacts(ctx.rs, s.start) for s in self.semesters}
        self._on = _Counted(self.all, ctx.today, ctx)  # date as written → the ids of the semesters it counts in
        self._by_point: dict | None = None  # contact point → its rows (_holders)
        self._least: dict = {}  # (start, end) of a semester or period → the days held that owe it (owes)
        # each semester begun, its start, end and id, and whether a cadre who held no point on any of
        # its days may owe it (no day need be held): asked of every cadre (row), answered here once
        self._begun = [(s, s.start, s.end, s.id, self._least_days(s) < 1) for s in self.semesters]
        self.judged = {s.id: s.end < ctx.today and all(last_on_time(ctx.rs, p) < ctx.today
                                                        for p in ctx.rs.periods_between(s.start, s.end))
                       for s in self.semesters}

    def row(self, cadre: str, ledgers, unreadable=()) -> dict | None:
        """The cadre's row of the matrix (None when no semester asks anything of them), from
        their ledgers (ByCadre gives those there by --today: one handed in after it was not known
        yet, as the site built as of that day has it); an activity dated in no semester is reported
        (W-CHK-010) whoever filed it.  A semester short of its number whose ledgers have errors that
        keep activities from being counted (a date that is not one, a ledger that cannot be read:
        `unreadable`, its documents) says which, in its cell and in W-CHK-004 (_uncounted)."""
        ctx, on, facts = self.ctx, self._on, self.ctx.facts
        # (116,000 activities at 12k: each one's semesters tallied in C from its date as written — the
        # facts' valid dates — each text's looked up once a run; no (index, date) pairs made of them)
        tally = Counter(map(on.__getitem__, map(_TEXT, chain.from_iterable(map(_DATES, map(facts, ledgers))))))
        if None in tally:  # (an activity dated in no semester)
            for led in ledgers:
                for i, text in facts(led).dates:
                    if on[text] is None and ctx.valid(led) and not ctx.frozen(led) \
                            and not _outside_period(ctx, led, ctx.days[text]):  # (the calendar as changed since)
                        ctx.add("W-CHK-010", led, led.pos("activities", i, "date"), date=ctx.days[text])
        counts: dict[str, int] = {}
        for ids, n in tally.items():
            for sid in ids or ():
                counts[sid] = counts.get(sid, 0) + n
        if cadre not in ctx.rows:
            return None
        # (a semester none of whose days the cadre held a point on, as most past ones at 12k: owed when no
        # day need be held only, and its cell is the same but for the count: no exemption asked; one all
        # of whose days they held, as most of the others: owed, without counting them — owes' answers)
        held, owes = ctx.held_spans(cadre), self.owes
        cells, owed, required, judged = {}, False, self.required, self.judged
        invalid, errs = ctx.rs.invalid, None  # (errs: the cadre's ledgers' uncounted, _uncounted: when first asked)
        for s, start, end, sid, unheld in self._begun:
            count = counts.get(sid, 0)
            for a, b in held:  # (apart from each other: the first that overlaps it is the one that may hold it all)
                if a <= end and b >= start:
                    owing = a <= start and b >= end or owes(cadre, s)
                    break
            else:
                owing = unheld
            if not owing:
                cells[sid] = {"required": 0, "count": count, "met": True, "exempt": False}
                continue
            need = required[sid]
            exempt = ctx.exempt(cadre, "semester_contacts", start, end)
            cell = cells[sid] = {"required": need, "count": count, "met": count >= need, "exempt": exempt}
            owed = owed or bool(need)
            if count >= need or exempt:
                continue
            if errs is None:  # (a ledger with validate's errors, or none read: at 12k a few cadres)
                errs = self._uncounted(ledgers, unreadable) if unreadable or any(
                    led.doc.rel in invalid for led in ledgers) else []
            mine = [e for e in errs if e[0] <= end and e[1] >= start]  # (its ledgers: their periods overlap it)
            if mine:
                cell["uncounted"] = {"activities": sum(len(e[3] or ()) for e in mine),
                                     "unreadable": [e[2] for e in mine if e[3] is None]}
            if judged[sid]:
                item = ctx.rs.cadres[cadre]
                ctx.add("W-CHK-004", item, item.pos(), name=ctx.cadre_name(cadre), semester=s.name,
                        semester_id=sid, start=start, end=end, count=count, required=need,
                        **_uncounted_words(mine), data={"cadre": cadre, "semester": sid})
        if not owed:
            return None
        unit = ctx.cadre_unit(cadre)
        return {"cadre": cadre, "name": ctx.cadre_name(cadre), "unit": unit, "unit_name": ctx.unit_name(unit),
                "cells": cells}

    def _uncounted(self, ledgers, unreadable) -> list[tuple]:
        """(period start, end, file as shown, the places of its activities not counted — None: none could
        be read) of each of the cadre's ledgers with errors that keep activities from the count: an
        activity whose date is not a date (or is missing: validate's errors), activities that are not a
        list, a ledger that cannot be read (`unreadable`).  An activity whose date validate reads as a day
        (3月5日 in 2026-H1: 2026-03-05, told 这一行写成：  - date: 2026-03-05) is that day's alone (its start
        and end): told in the semester it is to count in once written right, not in another its ledger's
        period overlaps, whose count correcting it would not change — when that day is in the period (12月5日 in
        2026-H1 is not: told in each semester the period overlaps, as a date validate cannot read)."""
        from datetime import date

        from generator.validate import date_meant  # (only for a ledger with errors)

        ctx, out = self.ctx, []
        for led in ledgers:
            period = ctx.rs.period(led.doc.folder)
            if period is None or led.doc.rel not in ctx.rs.invalid:
                continue
            acts = led.get("activities")
            if isinstance(acts, list):
                dated = {i for i, _ in ctx.facts(led).dates}
                places = []
                for i in range(len(acts)):
                    if i in dated:
                        continue
                    place = f"{led.file}:{_place(led.pos('activities', i, 'date'))}"
                    meant = date_meant(acts[i].get("date"), period.id)[0] if isinstance(acts[i], dict) and \
                        isinstance(acts[i].get("date"), (str, int)) else None
                    day = date.fromisoformat(meant) if meant else None
                    if day and period.start <= day <= period.end:
                        out.append((day, day, led.file, [place]))
                    else:
                        places.append(place)
                if places:
                    out.append((period.start, period.end, led.file, places))
            elif acts is not None:
                out.append((period.start, period.end, led.file, None))
        for doc in unreadable:
            period = ctx.rs.period(doc.folder)
            if period is not None:
                out.append((period.start, period.end, doc.file, None))
        return out

    def owes(self, cadre: str, s) -> bool:
        """Whether the cadre owes semester `s` its contacts (or ledger period `s` its ledger:
        deadlines.py): they held contact points on at least contacts.min_days_held of its days (all
        of them in a shorter one) — a successor who took a point over days before its end, a leaver
        who left days into it, owe nothing.  A point held that long in it by its holders together,
        none of whom owes it, is owed by the one who held it longest (the later on a tie): never by
        nobody."""
        start, end = s.start, s.end
        for a, b in self.ctx.held_spans(cadre):  # (all its days held, as most cadres' in most periods)
            if a <= start and b >= end:
                return True
        least = self._least_days(s)
        days = self._days(cadre, s)
        if days >= least:
            return True
        if not days:  # (no row of theirs in force in it: at 12k, most cadres in most past semesters)
            return False
        for row in self.ctx.held_during(cadre, s.start, s.end):
            holders = self._holders(self.ctx.rs.contact_point(row), s)
            if not any(self._days(other, s) >= least for _, other, _ in holders) and \
                    _covered([span for span, _, _ in holders], s) >= least and \
                    max(holders, key=lambda h: (_covered([h[0]], s), h[0][0]))[2] is row:
                return True
        return False

    def _least_days(self, s) -> int:
        """The days of semester or period `s` a cadre must hold a point on to owe it (owes)."""
        least = self._least.get((s.start, s.end))
        if least is None:  # (asked of each cadre: 31,000 times at 12k, of a few dozen spans)
            least = self._least[(s.start, s.end)] = min(
                self.ctx.setting_int("contacts", "min_days_held", default=1, on=s.start), (s.end - s.start).days + 1)
        return least

    def _days(self, cadre: str, s) -> int:
        """The days of semester `s` on which the cadre held a contact point, from the spans of the days
        they held one (Context.held_spans: apart from each other, so each day is counted once; asked of a
        semester or period they held a point on some days of only: a few thousand times at 12k)."""
        start, end = s.start, s.end
        return sum((min(b, end) - max(a, start)).days + 1 for a, b in self.ctx.held_spans(cadre)
                   if a <= end and b >= start)

    def _holders(self, point, s) -> list[tuple]:
        """((start, end), cadre, row) of every assignment row of `point` in force in semester `s`."""
        if not isinstance(point[1], str):
            return []
        if self._by_point is None:
            self._by_point = {}
            for cadre, rows in self.ctx.rows.items():
                for row in rows:
                    span = self.ctx.row_span(row)
                    if span[0] and isinstance(self.ctx.rs.contact_point(row)[1], str):
                        self._by_point.setdefault(self.ctx.rs.contact_point(row), []).append((span, cadre, row))
        return [h for h in self._by_point.get(point, ()) if h[0][0] <= s.end and h[0][1] >= s.start]

    def matrix(self, rows: list[dict]) -> dict:
        return {"semesters": [{"id": s.id, "name": s.name, "academic_year": s.year, "start": iso(s.start),
                               "end": iso(s.end), "ended": s.end < self.ctx.today, "judged": self.judged[s.id]}
                              for s in self.semesters],
                "rows": rows}


def _place(pos) -> str:
    return f"{pos[0]}:{pos[1]}" if pos else "1:1"


def _uncounted_words(mine: list[tuple]) -> dict:
    """W-CHK-004's words for the activities of the semester's ledgers that could not be counted (_uncounted)."""
    zh = en = ""
    places = [p for e in mine if e[3] for p in e[3]]
    unread = [e[2] for e in mine if e[3] is None]
    if places:
        zh += counted(WORDS["activities"][0], n=len(places), places="、".join(places))
        en += counted(WORDS["activities"][1], n=len(places), places=", ".join(places))
    if unread:
        zh += counted(WORDS["unreadable"][0], files="、".join(unread))
        en += counted(WORDS["unreadable"][1], n=len(unread), files=", ".join(unread))
    fix = WORDS["fix"] if mine else WORDS["add"]
    return {"uncounted": zh, "uncounted_en": en, "fix": fix[0], "fix_en": fix[1]}


def _covered(spans, s) -> int:
    """The days of semester `s` that some of `spans` (inclusive date pairs) cover."""
    if len(spans) == 1 and (span := spans[0])[0] and span[1]:  # (most cadres: one row in force)
        days = (min(span[1], s.end) - max(span[0], s.start)).days + 1
        return days if days > 0 else 0
    return sum((b - a).days + 1 for a, b, n in segments(spans, s.start, s.end) if n)
