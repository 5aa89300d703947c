"""Aggregate: the record set (and the policy checks' results) → plain tables for the pages.

Nothing here decides policy: on time / late / missing, coverage, overdue feedback and the
semester matrix come from `generator.check` (see checks.py); this module joins them with
the records (names, units, contact points, the ledgers' contents) into rows.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from functools import cached_property
from typing import NamedTuple

from generator import archive
from generator.check.context import exempt_percent, min_contacts
from generator.check.deadlines import last_on_time
from generator.check.exemptions import RULES, describe
from generator.check.facts import feedback_items
from generator.messages.words import KIND_ZH
from generator.model import Item, RecordSet, escalated_last, nature_last
from generator.site.archive_view import ArchiveView
from generator.site.checks import ERRORS, STATUS_ZH, CheckView, changes_after_merge
from generator.site.privacy_guard import TextGuard
from generator.validate import parse_date


def _d(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else (value or "")


def handed_in(row: dict) -> bool:
    """A row of a period's table whose ledger was handed in: shown, or in Git and unreadable (its status
    on time or late with errors, deadlines.rows) — what the page's 已提交 counts, as its rows say."""
    return bool(row["ledger"]) or bool(row["status"].get("exists"))


def excused(row: dict) -> bool:
    """A row of a period's table exempted and not handed in (豁免): owed by nobody — "应填报 3 人，已提交 2 份" with
    all owed in (remind's 免交)."""
    return row["status"]["kind"] == "exempt" and not handed_in(row)


def owes(row: dict) -> bool:
    """A row of a period's table whose cadre owed the ledger (应填报): not excused, nor one who handed in a ledger she
    did not owe (已提交（本期无需提交）: "应填报 3 人，已提交 3 份" with one of the three missing)."""
    return row["status"]["kind"] != "not_required" and not excused(row)


def _span(start, end) -> str:
    """An assignment row's dates as the tables show them: "from 至 to", or "from 起" while its end is
    not known (Aggregate.begun)."""
    return f"{_d(start)} 至 {_d(end)}" if end else f"{_d(start)} 起"


class Aggregate:
    """Everything the pages and exports show, computed once."""

    def __init__(self, rs: RecordSet, today: dt.date, checks: CheckView, guard: TextGuard):
        self.rs, self.today, self.checks, self.guard = rs, today, checks, guard
        # (ledger → its statuses' meanings; what Git told the checks of an older manifest's, not asked again)
        self.meaning = archive.status_meanings(rs, today, checks.meanings_then)
        self.archive = ArchiveView(rs, guard, today)
        self._assignment_rows: dict[tuple[int, dt.date], tuple[Item, dict]] = {}
        self._semester_rows: dict | None = None
        self._counted: tuple = (None, None)  # (the threads last counted, and their counts: _thread_counts)

    # ---- names ---------------------------------------------------------
    # (An id read off the checks' results is as the records wrote it; the records themselves are
    # as the site shows them, conform.py: a name is text.)
    def post_on(self, cadre, day) -> tuple[str, str]:
        """(unit, position) of a cadre on `day` (a cadre who moved keeps their past in the unit they
        were in: records/cadres' `earlier`); ("", "") for an unknown cadre."""
        if not isinstance(cadre, str) or cadre not in self.rs.cadres:
            return "", ""
        unit, position = self.rs.cadre_on(cadre, day if isinstance(day, dt.date) else None)
        return (unit if isinstance(unit, str) else ""), (position if isinstance(position, str) else "")

    def unit_name(self, uid) -> str:
        uid = uid if isinstance(uid, str) else ""
        unit = self.rs.units.get(uid)
        return unit.get("name", uid) if unit else uid

    def unit_order(self, uid) -> tuple:
        """Where a unit's rows go: in units.yaml's order, the administrators' (the official order of
        the university's units), not by the characters' codes (信息… before 党委…); unknown ones last."""
        uid = uid if isinstance(uid, str) else ""
        return (self._unit_rank.get(uid, len(self._unit_rank)), self.unit_name(uid))

    @cached_property
    def _unit_rank(self) -> dict[str, int]:
        return {u: i for i, u in enumerate(self.rs.units)}

    def cadre_name(self, cid) -> str:
        cid = cid if isinstance(cid, str) else ""
        cadre = self.rs.cadres.get(cid)
        return cadre.get("name", cid) if cadre else cid

    def point(self, pid: str) -> dict:
        """A contact point (class or club) by id, with its unit and grade."""
        if pid in self.rs.classes:
            item, kind = self.rs.classes[pid], "class"
        elif pid in self.rs.clubs:
            item, kind = self.rs.clubs[pid], "club"
        else:
            return {"id": pid, "name": pid, "kind": "", "kind_zh": "", "unit": "", "unit_name": "", "cohort": None,
                    "grade": ""}
        cohort = self.rs.class_cohort.get(pid) if kind == "class" else None
        return {"id": pid, "name": item.get("name", pid), "kind": kind, "kind_zh": KIND_ZH[kind],
                "unit": item.get("unit", ""), "unit_name": self.unit_name(item.get("unit")),
                "cohort": cohort, "grade": f"{cohort}级" if cohort else ""}

    def academic_year_of(self, day: dt.date | None):
        for year in self.rs.academic_years():
            if day and year.start <= day <= year.end:
                return year
        return None

    def current_period_id(self) -> str | None:
        periods = self.rs.periods_between(self.today, self.today)
        return periods[0].id if periods else None

    # ---- Attachment 1 --------------------------------------------------
    def assignment_row(self, row: Item, on: dt.date | None = None) -> dict:
        """One assignment row for the tables as of `on` (the site's day by default; the coming cycle's first day:
        Aggregate.coming) — computed once per row and day; callers must not mutate it."""
        on = on or self.today
        cached = self._assignment_rows.get((id(row), on))
        if cached is None:
            cached = self._assignment_rows[id(row), on] = (row, self._assignment_row(row, on))
        return cached[1]

    def _assignment_row(self, row: Item, on: dt.date) -> dict:
        kind, pid = self.rs.contact_point(row)
        point = self.point(pid or "")
        start, end = self.rs.assignment_span(row)
        # within the cadre's time in office, as the checks count it: a row nobody ended when its
        # cadre left (active_to) no longer shows them as the point's contact after that day
        left = self.rs.cadre_active_span(row.get("cadre"))[1] if isinstance(row.get("cadre"), str) else None
        leaves = bool(left and start and left >= start and (end is None or left <= end))  # (its end: their last day)
        clipped = leaves and (end is None or left < end)
        if clipped:
            end = left
        until = self.rs.point_until(row)  # (the class graduated, the club was dissolved: assignment_span)
        void = self.rs.begins_after_point(row)  # (it had ended before the row began: W-CHK-002)
        shown = self.rs.row_end(row) if void else end  # (its dates as written, not "from 09-01 to 08-31")
        ended = bool(until and end == until and row.date("end") != until)
        reason = self.guard.text(row.get("reason"), row, "reason", title="调整原因", title_en="reason")
        cycle = self.rs.cycles.get(row.doc.stem) if leaves else None
        of_start = bool(cycle and start and cycle.date("start") and start > cycle.date("start"))
        if leaves and (clipped or of_start or not reason):  # (its end is the cadre's departure: 离任, after a reason
            # of its start — a written reason is its start's in a row begun inside the cycle, as begun reads it —; one
            # of its own end, written on that day (蔡伟民调离), says it; a row's end their departure came before never was)
            reason = "；".join(filter(None, [reason if of_start else "", f"{_d(left)} 离任"]))
        if void:
            reason = "；".join(filter(None, [reason, f"{KIND_ZH.get(kind, '')}在这以前已于 {_d(until)} 结束，这条安排不算联系点"]))
        # the cadre's post on the row's last day so far (today for a row in force): a cadre who moved
        # and kept the point is shown in the unit they are in now, a row that ended in the old one
        last = min(on, end) if end else on
        post = self.post_on(row.get("cadre"), max(start, last) if start else last)
        # 新生 while the class is a freshman one on that day too, not on the row's first day only (a class held
        # since its first September reads 2025级 in its second year, not among the year's freshman classes)
        year = self.academic_year_of(max(start, last) if start else None)
        freshman = bool(point["cohort"] and year and point["cohort"] == year.first_year)
        return {
            "cycle": row.doc.stem, "cadre": row.get("cadre"), "name": self.cadre_name(row.get("cadre")),
            "unit": post[0], "unit_name": self.unit_name(post[0]), "position": post[1],
            "point": pid, "point_name": point["name"], "kind_zh": KIND_ZH.get(kind, ""),
            "point_unit": point["unit"], "point_unit_name": point["unit_name"],
            "grade": point["grade"] + ("（新生）" if freshman else "") if kind == "class" else "—",
            "freshman": freshman, "start": _d(start), "end": _d(shown), "start_date": start, "end_date": end,
            "span": _span(start, shown),
            "reason": reason or (f"{KIND_ZH.get(kind, '')}于 {_d(until)} 结束" if ended else ""),
            "left_on": _d(left) if leaves else "",  # (its end is the cadre's last day: 离任)
            "file": row.file, "line": row.pos()[0], "void": void,
            "active": bool(start and start <= on and (end is None or on <= end)),
        }

    def begun(self, items, on: dt.date | None = None) -> list[dict]:
        """The table rows of the assignment rows `items` begun by `on` (the site's day by default), as they stood on it:
        one that ends after that day (an early end written in the row) runs to its cycle's end, without
        the reason for that end — that change had not been made by then; one whose class or club ends
        after that day but before the cycle's end (a class graduating: its `until`) is running, its end
        not shown (not the cycle's end, which it will not reach).  One that ends on its cadre's last day
        (active_to) after that day keeps that end and its 离任: the cadre's file as it stood then (Git)
        already said so, and their page's 任职 says it (the row reads as it will after that day)."""
        on, out = on or self.today, []
        for item in items:
            r = self.assignment_row(item, on)
            if r["start"] > on.isoformat():
                continue
            cycle = self.rs.cycles.get(item.doc.stem)
            first, last = (cycle.date("start"), cycle.date("end")) if cycle else (None, None)
            if r["end_date"] and last and on < r["end_date"] < last and not r["left_on"]:
                until = self.rs.point_until(item)
                end = None if until and on < until < last else last
                # (a written reason of a row begun inside the cycle is its start's; any other, its end's)
                of_start = item.get("reason") and first and r["start_date"] > first
                r = dict(r, end=_d(end), end_date=end, span=_span(r["start"], end),
                         reason=r["reason"] if of_start else "")
            out.append(r)
        return out

    @cached_property
    def _rows_by_cycle(self) -> dict[str, list[Item]]:
        """The assignment rows of each cycle, by its file's stem (records/assignments/<stem>.yaml)."""
        out = defaultdict(list)
        for r in self.rs.assignments:
            out[r.doc.stem].append(r)
        return out

    def cycles(self) -> list[dict]:
        """Assignment cycles, newest first, each with its rows and in-cycle changes."""
        out = [self.cycle(stem) for stem in self.rs.cycles]
        out.sort(key=lambda c: c["start"], reverse=True)
        if out and not any(c["current"] for c in out):
            past = [c for c in out if c["start"] <= self.today.isoformat()]
            (past[0] if past else out[-1])["current"] = True
        return out

    def cycle(self, stem: str, on: dt.date | None = None) -> dict:
        """The cycle of records/assignments/`stem`.yaml with its assignment rows, as of `on` (the site's day by
        default)."""
        on = on or self.today
        cycle, items = self.rs.cycles[stem], self._rows_by_cycle.get(stem, [])
        # (a row that starts after that day is no arrangement yet: counted, not listed)
        rows = self.begun(items, on)
        later = len(items) - len(rows)
        start, end = cycle.date("start"), cycle.date("end")
        # a row that starts inside the cycle changed things on its first day; one that began
        # with the cycle and ended early, on its last (its start was the cycle's first day);
        # a change after that day had not been made yet
        changes = [dict(r, changed_on=r["start"] if r["void"] or r["start_date"] and start and r["start_date"] > start
                        else r["end"] or r["start"])
                   for r in rows if r["reason"] or (r["start_date"] and start and r["start_date"] > start)
                   or (r["end_date"] and end and r["end_date"] < end)]
        changes = sorted((c for c in changes if c["changed_on"] <= on.isoformat()),
                         key=lambda r: (r["changed_on"], r["name"]))
        return {"id": stem, "start": _d(start), "end": _d(end), "rows": rows, "changes": changes, "later": later,
                "current": bool(start and end and start <= on <= end), "file": cycle.file}

    def arrangement(self, cycle: dict | None) -> list[dict]:
        """附件1's table of `cycle` on the day it is as of (Aggregate.cycle's `on`): the rows in force, else (a cycle
        ended) those that ran to its end; in units.yaml's order, numbered."""
        if not cycle:
            return []
        rows = [r for r in cycle["rows"] if r["active"]] or \
            [r for r in cycle["rows"] if not r["end_date"] or r["end_date"] >= _as_date(cycle["end"])]
        rows = sorted(rows, key=lambda r: (self.unit_order(r["unit"]), r["cadre"] or "", r["start"]))
        return [dict(r, no=i) for i, r in enumerate(rows, 1)]

    def coming(self, cycles: list[dict], failing: set) -> dict | None:
        """The nearest cycle that starts after the site's day, as 附件1 will show it on its first day (its `table`),
        or None: none, or its file has an error (`failing`: a draft not yet filled in)."""
        later = [c for c in cycles if c["start"] > self.today.isoformat() and not c["current"]]
        if not later or later[-1]["file"] in failing:  # (cycles come newest first)
            return None
        cycle = self.cycle(later[-1]["id"], on=_as_date(later[-1]["start"]))
        return dict(cycle, table=self.arrangement(cycle))

    def attachment1(self, failing: set = frozenset()) -> dict:
        """The current cycle and its table (附件1), the earlier cycles, `next`, the coming one (Aggregate.coming), and
        `cycles`, every one, newest first."""
        cycles = self.cycles()
        current = next((c for c in cycles if c["current"]), None)
        # (a cycle that starts after the site's day is no earlier one: its page stays, unlisted)
        return {"current": current, "rows": self.arrangement(current),
                "earlier": [c for c in cycles if c is not current and c["start"] <= self.today.isoformat()],
                "next": self.coming(cycles, failing), "cycles": cycles}

    # ---- ledgers -------------------------------------------------------
    def ledger(self, led: Item) -> dict:
        g = self.guard
        acts = []
        for i, a in enumerate(_dicts(led.get("activities"))):
            acts.append({
                "no": i + 1, "date": a.get("date", ""), "form": a.get("form", ""), "place": a.get("place", ""),
                "channel": a.get("channel", ""), "students": a.get("students", ""),
                "topics": [g.text(t, led, "activities", i, "topics", j, title="主题", title_en="topic")
                           for j, t in enumerate(a.get("topics") or [])],
                "summary": g.text(a.get("summary"), led, "activities", i, "summary", title="活动情况",
                                  title_en="activity summary"),
                "typical": a.get("typical") is True,
            })
        fbs = [self.feedback_row(led, Item(led.doc, ("feedback", i), fb))
               for i, fb in enumerate(_dicts(led.get("feedback"))) if fb]
        sugs = [{"to": s.get("to", ""), "content": g.text(s.get("content"), led, "suggestions", i, "content",
                                                           title="意见建议", title_en="suggestion")}
                for i, s in enumerate(_dicts(led.get("suggestions")))]
        period, cadre = led.doc.folder, led.doc.stem
        post = self.post_on(cadre, self.rs.period(period).end if self.rs.period(period) else None)
        points = [self.point(p) for p in (led.get("contact_points") or []) if isinstance(p, str)]
        return {
            "period": period, "period_name": self.rs.period(period).name if self.rs.period(period) else period,
            "cadre": cadre, "name": self.cadre_name(cadre),
            "unit": post[0], "unit_name": self.unit_name(post[0]), "position": post[1],
            "points": points, "activities": acts, "feedback": fbs, "suggestions": sugs,
            "reflections": g.text(led.get("reflections"), led, "reflections", title="工作体会", title_en="reflections"),
            "forms": sorted({a["form"] for a in acts if a["form"]}),
            "students": sum(a["students"] for a in acts if isinstance(a["students"], int)),
            "file": led.file, "rel": led.doc.rel, "status": self.checks.ledger_status(period, cadre),
            "archived": self.archive.period(period), "amendment": self.archive.amendment(period, cadre),
        }

    def ledgers(self) -> dict[tuple[str, str], dict]:
        return {key: self.ledger(led) for key, led in sorted(self.rs.ledgers.items())}

    def period_ids(self) -> list[str]:
        ids = {p for p, _ in self.rs.ledgers} | set(self.checks.period_ids())
        cur = self.current_period_id()
        if cur:
            ids.add(cur)
        return sorted((p for p in ids if self.rs.period(p)), key=lambda p: self.rs.period(p).start, reverse=True)

    def period_table(self, period_id: str, ledgers: dict) -> list[dict]:
        """Attachment 2 summary: every cadre required to file (from the checks), or who filed."""
        cadres = set(self.checks.required_cadres(period_id)) | {c for p, c in ledgers if p == period_id}
        end = self.rs.period(period_id).end if self.rs.period(period_id) else None
        rows = []
        for cid in cadres:
            led = ledgers.get((period_id, cid))
            status = self.checks.ledger_status(period_id, cid)
            if not status["label"]:
                status = {**status, "label": "已提交" if led else "未提交", "kind": "filed" if led else "none"}
            unit, position = self.post_on(cid, end)
            if status.get("source") == "archive":  # (the unit as archived, not records/cadres as changed since)
                unit = status.get("unit") or unit
            points = self._points_of(period_id, cid, led)
            excused = self.excused_in(cid, self.rs.period(period_id)) \
                if status["kind"] == "exempt" and not handed_in({"status": status, "ledger": led}) else []
            rows.append({
                "cadre": cid, "name": self.cadre_name(cid), "unit": unit, "unit_name": self.unit_name(unit),
                "position": position, "status": status, "point_names": points,
                "points": "、".join(points),
                "ledger": led, "activities": len(led["activities"]) if led else 0,
                "forms": "、".join(led["forms"]) if led else "", "feedback": len(led["feedback"]) if led else 0,
                # (an excused cadre's 豁免 with why: the page's short note, the downloads' and the summary's whole words)
                "exempt_note": "；".join(map(_excused_short, excused)), "exempt_reason": "；".join(map(_excused_said, excused)),
            })
        rows.sort(key=lambda r: (self.unit_order(r["unit"]), r["cadre"]))  # (ids: the names' pinyin)
        return [dict(r, no=i) for i, r in enumerate(rows, 1)]

    def _points_of(self, period_id: str, cadre: str, led: dict | None) -> list[str]:
        """附件2's 联系点 of a cadre in a period: the ledger's contact points, or, of a ledger not handed in, the
        classes and clubs the cadre held in the period up to the site's day (their names, each once; the downloads
        join them with 、, the page writes each as a name)."""
        if led:
            names = [p["name"] for p in led["points"]]
        else:
            period = self.rs.period(period_id)
            last = min(period.end, self.today) if period else None
            names = [self.point(pid)["name"] for r in (self.rs.rows_of(cadre) if period else ())
                     if period.start <= last and self.rs.held_between(r, period.start, last)
                     for kind, pid in [self.rs.contact_point(r)] if isinstance(pid, str)]
        return list(dict.fromkeys(names))

    # ---- feedback ------------------------------------------------------
    def feedback_row(self, led: Item, fb: Item) -> dict:
        status = fb.get("status", "")
        return {
            "id": fb.get("id", ""), "raised_on": fb.get("raised_on", ""), "kind": fb.get("kind", ""),
            "category": fb.get("category", ""), "nature": x if isinstance(x := fb.get("nature"), str) else "", "status": status, "meaning": self.meaning(led).get(status, ""),
            "description": self.guard.text(fb.get("description"), fb, "description", title="反映内容",
                                           title_en="feedback"),
            "escalated_to": fb.get("escalated_to", "") or "",
            "resolution": self.guard.text(fb.get("resolution"), fb, "resolution", title="解决情况",
                                          title_en="resolution"),
            "resolved_on": fb.get("resolved_on", "") or "", "follows": fb.get("follows", "") or "",
            "note": self.guard.text(fb.get("note"), fb, "note", title="说明", title_en="note"),
            "period": led.doc.folder, "cadre": led.doc.stem, "file": fb.file,
        }

    def feedback_threads(self) -> list[dict]:
        """Follow-up chains as one thread each: root item, then follow-ups in order."""
        rows = [self.feedback_row(led, fb) for led, fb in feedback_items(self.rs)]
        by_id = {r["id"]: r for r in rows}
        children = defaultdict(list)
        roots = []
        for r in rows:
            if r["follows"] and r["follows"] in by_id and r["follows"] != r["id"]:
                children[r["follows"]].append(r)
            else:
                roots.append(r)
        threads = []
        for root in roots:
            chain, seen, queue = [root], {root["id"]}, list(children[root["id"]])
            while queue:
                nxt = sorted(queue, key=lambda r: (r["raised_on"], r["id"]))
                queue = []
                for r in nxt:
                    if r["id"] in seen:
                        continue
                    seen.add(r["id"])
                    chain.append(r)
                    queue.extend(children[r["id"]])
            last = chain[-1]
            post = self.post_on(root["cadre"], _as_date(root["raised_on"]))
            info = self.checks.feedback(root["id"], last["id"])
            meaning = last["meaning"]
            # days: for an item not resolved, since it was raised (as the checks count them); for
            # one resolved, from raised to resolved — how long it took, not its age today
            age = None if meaning == "resolved" else info.get("age_days")
            if age is None and _as_date(root["raised_on"]):
                end = _as_date(last["resolved_on"]) if meaning == "resolved" else self.today
                age = (end - _as_date(root["raised_on"])).days if end else None
            threads.append({
                "id": root["id"], "root": root, "chain": chain, "last": last, "status": last["status"],
                "meaning": meaning, "category": root["category"], "kind": root["kind"],
                "cadre": root["cadre"], "name": self.cadre_name(root["cadre"]),
                "unit": post[0], "unit_name": self.unit_name(post[0]),
                "age": age, "age_bucket": _bucket(age), "overdue": bool(info.get("overdue")),
                "escalated_to": escalated_last(chain), "nature": nature_last(chain), "raised_on": root["raised_on"],
            })
        threads.sort(key=lambda t: (not t["overdue"], t["meaning"] == "resolved", t["raised_on"], t["id"]))
        return threads

    def feedback_halves(self, threads: list[dict]) -> list[dict]:
        """The threads by the half-year (the policy's ledger period) they were first raised in, newest first: the
        board has a page for each, as the rest of the site is by period (at 12,000 ledgers a page of ten years' threads
        took a browser 40 s to open; a year's, before, held two periods').  A thread whose date cannot be read, or
        falls in no period, is on a page of its own (undated), last."""
        halves: dict = {}
        for t in threads:
            day = _as_date(t["raised_on"])
            hit = self.rs.periods_between(day, day) if day else []
            key = (hit[0].start, hit[0].id, hit[0].name) if hit else (dt.date.min, "undated", "日期不明")
            halves.setdefault(key, []).append(t)
        return [_board(pid, name, rows) for (_, pid, name), rows in sorted(halves.items(), reverse=True)]

    @staticmethod
    def feedback_years(halves: list[dict]) -> list[dict]:
        """The half-year pages by the year of their period (its id's, 2026-H1: 2026), newest first, each with the
        year's figures: feedback/<year> was the board's page of a year's threads before it had a page a half-year; it
        stays, listing the year's halves, so that the links and bookmarks kept to it still lead to them."""
        years: dict[str, list] = {}
        for h in halves:
            if h["id"] != "undated":
                years.setdefault(h["id"].split("-")[0], []).append(h)
        return [dict(_board(y, f"{y}年", [t for h in hs for t in h["threads"]]), halves=hs) for y, hs in years.items()]

    # ---- typical cases -------------------------------------------------
    def cases(self, ledgers: dict) -> list[dict]:
        out = []
        for (period, cadre), led in ledgers.items():
            p = self.rs.period(period)
            year = str(p.start.year) if p else period[:4]
            for a in led["activities"]:
                if a["typical"]:
                    out.append({**a, "period": period, "period_name": led["period_name"], "year": year, "cadre": cadre, "name": led["name"],
                                "unit_name": led["unit_name"], "points": led["points"]})
        return sorted(out, key=lambda a: (a["date"], a["cadre"]), reverse=True)

    # ---- statistics ----------------------------------------------------
    def _count(self, vocab: str, words) -> list[tuple]:
        """How often each word, most first, a renamed word counted under its new name (vocabularies.renamed)."""
        renamed = self.rs.renamed(vocab)
        return Counter(renamed[w][0] if w in renamed else w for w in words).most_common()

    def period_stats(self, period_id: str, ledgers: dict, table: list[dict], threads: list[dict]) -> dict:
        leds = self._by_period(ledgers).get(period_id, [])
        acts = [a for l in leds for a in l["activities"]]
        # by status, not by label: "逾期 3 天" and "逾期 9 天" are two ledgers 逾期提交, not two statuses
        status = Counter(STATUS_ZH["late"] + (ERRORS if r["status"].get("errors") else "") if r["status"]["kind"] == "late"
                         else r["status"]["label"] for r in table)
        p = self.rs.period(period_id)
        deadline = last_on_time(self.rs, p) if p else None  # (on time up to it: check's)
        fb = [f for l in leds for f in l["feedback"]]
        archived = self.archive.period(period_id)  # (its due date and ledgers filed: the manifest's)
        units, total = self._unit_stats(period_id, table, threads)  # (the page's totals: its 各单位情况's 合计)
        return {
            "period": period_id, "name": p.name if p else period_id,
            "due": archived["due"] if archived else (_d(p.due) if p else ""),
            "grace_until": _d(deadline) if p and not archived and deadline != p.due else "",
            "required": total["required"], "exempt": total["exempt"], "unowed": total["unowed"],
            "filed": archived["ledgers"] - total["unowed"] if archived else total["filed"],
            # owed and not handed in: due day passed (未提交), or not yet (未到截止日, 宽限期内: the summary says
            # so and compares nothing with the period before until they are due)
            "missing": total["missing"], "waiting": sum(r["status"]["kind"] == "not_yet_due" for r in table),
            "status": sorted(status.items()),
            "activities": total["activities"], "students": total["students"],
            "forms": self._count("forms", (a["form"] for a in acts)),
            "places": self._count("places", (a["place"] for a in acts)),
            "channels": self._count("channels", (a["channel"] for a in acts)),
            "feedback": total["feedback"], "followups": total["followups"],
            "categories": self._count("feedback_categories", (f["category"] for f in fb)),
            "fb_status": Counter(f["status"] for f in fb).most_common(),
            # (the summary's sentence: the items by what their status means, those marked 重大/共性 …, those of the
            # period still open today — its 各单位情况's 合计 至今未解决)
            "fb_meanings": dict(Counter(f["meaning"] for f in fb)), "still_open": total["open"],
            "natures": Counter(f["nature"] for f in fb if f["nature"]).most_common(),
            "typical": sum(a["typical"] for a in acts),
            # (按时提交率: of those owed, the ledgers handed in by the due day and accepted — 年度考核参考's 按时台账)
            "on_time": total["on_time"],
            "archived": archived,
            "units": [*units, total] if units else [],
            "irregular": self._irregular(table),
            "missing_by_unit": self._missing_by_unit(table),
        }

    def _missing_by_unit(self, table: list[dict]) -> list[dict]:
        """The period's cadres owing a ledger past its due day (未提交), by unit in the units' order (附件2's rows are),
        each with her 工号 as her page shows it: the summary's list to send to each unit."""
        units: dict[str, dict] = {}
        for r in table:
            if r["status"]["kind"] == "missing":
                units.setdefault(r["unit"], {"unit": r["unit"], "unit_name": r["unit_name"], "cadres": []})["cadres"].append(
                    {"cadre": r["cadre"], "name": r["name"], "staff_no": staff_no(self.rs.cadres.get(r["cadre"]) or {})})
        return list(units.values())

    def _irregular(self, table: list[dict]) -> list[dict]:
        """The period's cadres who filed late or were excused (豁免), with the exemptions that excused them (their
        reason, dates and who approved them: excused_in): the report names them, as 附件2 does beside its 豁免
        (those who did not file: _missing_by_unit)."""
        out = []
        for r in table:
            if r["status"]["kind"] != "late" and not excused(r):
                continue
            out.append({"cadre": r["cadre"], "name": r["name"], "unit": r["unit"], "unit_name": r["unit_name"],
                        "label": r["status"]["label"], "shown": bool(r["ledger"]),  # (its section on the cadre's page)
                        "excused": excused(r), "reason": r.get("exempt_reason", "")})  # (period_table's: excused_in)
        return out

    def excused_in(self, cadre: str, period) -> list[dict]:
        """The exemptions (exemptions_by) of `cadre` that reach into `period` (a Period) and excuse its ledger (rule
        `ledger`): why a cadre's row of 附件2 says 豁免; all that reach into it when none is for the ledger."""
        near = [e for e in self.exemptions_by.get(cadre, [])
                if period and e["start"] <= _d(period.end) and (e["end"] or "9999") >= _d(period.start)]
        return [e for e in near if "ledger" in e["rule_ids"]] or near

    # what _unit_stats counts of each unit's rows of a period's table, and of all of them in its 合计 row
    UNIT_COUNTS = ("required", "filed", "unowed", "on_time", "late", "missing", "exempt", "activities", "students",
                   "feedback", "followups", "resolved", "open")

    def _unit_stats(self, period_id: str, table: list[dict], threads: list[dict]) -> tuple[list[dict], dict]:
        """The period's figures by unit (the cadre's unit at the period's end, as 附件2's rows), in the
        units' order, and their 合计 row (its figures all 0 for an empty table): who owed a ledger and how it
        went, contacts, and the students' problems with how many of them the ledgers wrote resolved — a report's
        table by 学院 that otherwise had to be counted by hand from 附件2 and the problem board's filters.  The
        page's own totals are the 合计 row's (period_stats: one rule counts both), but an archived period's 已提交,
        its manifest's."""
        follow, still_open = self._thread_counts(threads)
        rows: dict[str, dict] = {}
        for r in table:
            u = rows.setdefault(r["unit"], {"unit": r["unit"], "name": r["unit_name"],
                                            **dict.fromkeys(self.UNIT_COUNTS, 0), "total": False})
            kind, led = r["status"]["kind"], r["ledger"]
            u["exempt"] += excused(r)
            u["unowed"] += kind == "not_required"
            if owes(r):
                u["required"] += 1
                u["filed"] += handed_in(r)
            u["on_time"] += kind == "on_time" and not r["status"].get("errors")
            u["late"] += kind == "late"
            u["missing"] += kind == "missing"
            u["activities"] += r["activities"]
            u["feedback"] += r["feedback"]
            if led:
                u["students"] += led["students"]
                u["followups"] += follow[(period_id, r["cadre"])]
                u["resolved"] += sum(f["meaning"] == "resolved" for f in led["feedback"])
            u["open"] += still_open[(period_id, r["cadre"])]
        out = sorted(rows.values(), key=lambda u: self.unit_order(u["unit"]))
        return out, {"unit": "", "name": "合计", **{k: sum(u[k] for u in out) for k in self.UNIT_COUNTS},
                     "total": True}


    def _followups(self, threads: list[dict]) -> Counter:
        """Per (period, cadre): the ledgers' items that follow an earlier one up (the board joins them to the first
        item: its count of problems is the periods' items less these)."""
        return self._thread_counts(threads)[0]

    def _thread_counts(self, threads: list[dict]) -> tuple[Counter, Counter]:
        """Per (period, cadre): the follow-ups (_followups), and the problems first raised in that ledger that are still
        not resolved today (their thread's last status: a later ledger's follow-up may have resolved them), counted
        in one walk of the threads for all the periods."""
        if self._counted[0] is not threads:
            self._counted = threads, (Counter((r["period"], r["cadre"]) for t in threads for r in t["chain"][1:]),
                                      Counter((t["root"]["period"], t["cadre"]) for t in threads
                                              if t["meaning"] != "resolved"))
        return self._counted[1]

    def _by_period(self, ledgers: dict) -> dict[str, list[dict]]:
        """The shown ledgers grouped by period (in key order), computed once per ledgers dict."""
        if getattr(self, "_by_period_src", None) is not ledgers:
            groups = defaultdict(list)
            for (p, _), led in ledgers.items():
                groups[p].append(led)
            self._by_period_src, self._by_period_map = ledgers, groups
        return self._by_period_map

    # ---- coverage ------------------------------------------------------
    def coverage_rows(self) -> list[dict]:
        """Freshman classes per academic year and who covers them.  'Covered' is the checks'
        verdict; without the checks, whether the assignment table names anyone that year."""
        if self.checks.available:
            out = []
            for c in self.checks.coverage():
                if not c.get("judged") and c.get("deadline") and c.get("checked_on") and \
                        str(c["deadline"]) <= str(c["checked_on"]):
                    continue  # a year before the first assignment cycle: no table to judge it by
                cid = c.get("class")
                item = self.rs.classes.get(cid)
                covered = bool(c.get("covered"))
                # the year's gaps that ended (W-CHK-001 …（至 X）): R2's 全覆盖 was not met all year
                closed = "、".join(f"{g['from']} 至 {g['to']} " for g in c.get("gaps") or []
                                  if g.get("from") != c.get("uncovered_since"))
                if covered:
                    state = "已覆盖" + (f"（{closed}无人联系）" if closed else "")
                elif c.get("judged"):
                    state = "未覆盖" + (f"（自 {c['uncovered_since']}）" if c.get("uncovered_since") else "") + \
                        (f"（此前 {closed}也无人联系）" if closed else "")
                else:
                    state = f"未覆盖（宽限期至 {c.get('deadline')}）"
                ids = list(c.get("cadres") or [])
                unit = item.get("unit", "") if item else ""  # (the record's values as shown: conform.py)
                out.append({"year": c.get("year"), "class": cid, "class_name": (item.get("name") if item else "") or cid,
                            "unit": unit, "unit_name": self.unit_name(unit),
                            "major": item.get("major", "") if item else "", "headcount": item.get("headcount", "") if item else "",
                            "cadres": ids, "cadre_names": [self.cadre_name(x) for x in ids], "covered": covered,
                            "state": state})
            return sorted(out, key=lambda r: (_neg(r["year"]), self.unit_order(r["unit"]), r["class_name"]))
        out = []
        for year in sorted(self.rs.academic_years(), key=lambda y: y.start, reverse=True):
            if year.start > self.today:
                continue
            for cid, item in self.rs.classes.items():
                if self.rs.class_cohort.get(cid) != year.first_year or self.rs.ended(item, min(self.today, year.end)):
                    continue
                ids = []
                for row in self.rs.assignments:
                    start, end = self.rs.assignment_span(row)
                    if row.get("class") == cid and start and start <= year.end and (end is None or end >= year.start):
                        if row.get("cadre") not in ids:
                            ids.append(row.get("cadre"))
                out.append({"year": year.id, "class": cid, "class_name": item.get("name", cid),
                            "unit": item.get("unit", ""), "unit_name": self.unit_name(item.get("unit")),
                            "major": item.get("major", ""), "headcount": item.get("headcount", ""),
                            "cadres": ids, "cadre_names": [self.cadre_name(x) for x in ids], "covered": bool(ids),
                            "state": "已覆盖" if ids else "未覆盖"})
        return sorted(out, key=lambda r: (_neg(r["year"]), self.unit_order(r["unit"]), r["class_name"]))

    # ---- semesters -----------------------------------------------------
    def current_semester(self):
        sems = [s for s in self.rs.semesters() if s.start <= self.today]
        return sems[-1] if sems else None

    def semester_rows(self) -> dict:
        """Per cadre and semester: activities counted from the ledgers, verdict from the checks."""
        if self._semester_rows is None:
            self._semester_rows = self._compute_semester_rows()
        return self._semester_rows

    def _compute_semester_rows(self) -> dict:
        sems = [s for s in self.rs.semesters() if s.start <= self.today]
        counts = defaultdict(Counter)
        of_day: dict = {}  # activity date text -> the semesters it falls in
        for (period, cadre), led in self.rs.ledgers.items():
            for a in _dicts(led.get("activities")):
                key = a.get("date")
                hit = of_day.get(key) if isinstance(key, (str, dt.date)) else None
                if hit is None:
                    d = _as_date(key)
                    hit = [s.id for s in sems if d and s.start <= d <= s.end]
                    if isinstance(key, (str, dt.date)):
                        of_day[key] = hit
                for sid in hit:
                    counts[cadre][sid] += 1
        rows = {}
        for cid in self.rs.cadres:
            cells = []
            for s in sems:
                verdict = self.checks.semester_cell(cid, s.id)
                cells.append({"semester": s.id, "count": counts[cid][s.id],
                              "label": verdict.get("label", ""), "kind": verdict.get("kind", "")})
            rows[cid] = cells
        # (the contacts each required, as the checks judged it: said on the pages judging it, markdown.least_said;
        # its year, that of its start: 年度考核参考 counts it in that year's row and says its number under the table)
        return {"semesters": [{"id": s.id, "name": s.name, "start": s.start.isoformat(), "year": s.start.year,
                               "least": min_contacts(self.rs, s.start)} for s in sems], "rows": rows,
                "spans": [(s.start, s.end) for s in sems]}

    def semester_counts(self) -> list[dict]:
        """Each semester begun, newest first: how many cadres it required to meet students (R5) and how
        many met the policy's minimum, missed it, were excused, or are not judged yet (进行中, 台账未截止)
        — the report's numbers, else counted from each cadre's page or the evaluation's 1/1."""
        sem = self.semester_rows()
        out = []
        for i, s in enumerate(sem["semesters"]):
            kinds = Counter(cells[i]["kind"] for cells in sem["rows"].values() if i < len(cells))
            required = sum(n for k, n in kinds.items() if k not in ("not_required", ""))
            if required:
                out.append({"name": s["name"], "start": s["start"],  # (a period's summary: the semester begun in it)
                            "least": s["least"], "required": required, "met": kinds["met"], "missed": kinds["missed"],
                            "exempt": kinds["exempt"], "open": kinds["open"]})
        return out[::-1]

    def _semesters_in_office(self, sem: dict, cadre: str) -> list[dict]:
        """A cadre's page's semesters (each cell with its semester's name): those she held office in, a day of them,
        and any other with something to say (an activity counted, a verdict other than 无需) — not every semester
        since the calendar's first, 0 and 无需, of one who took office later or left long ago."""
        came, went = self.rs.cadre_active_span(cadre)
        return [dict(cell, name=s["name"], least=s["least"]) for s, cell, term in zip(sem["semesters"], sem["rows"].get(cadre, []), sem["spans"])
                if cell["count"] or cell["kind"] != "not_required"
                or not ((came and term[1] < came) or (went and term[0] > went))]

    # ---- cadres and units ---------------------------------------------
    def cadre_rows(self, ledgers: dict, tables: dict, a1: dict, threads: list[dict]) -> list[dict]:
        sem = self.semester_rows()
        history, mine_rows, led_by, thr_by = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
        for p, rows in tables.items():  # periods newest first, as the tables are
            for r in rows:
                history[r["cadre"]].append({"period": p, "status": r["status"], "ledger": r["ledger"],
                                            "followups": self._followups(threads)[(p, r["cadre"])]})
        for row in self.rs.assignments:
            mine_rows[row.get("cadre")].append(row)
        for (p, c), led in sorted(ledgers.items(), reverse=True):
            led_by[c].append(led)
        for t in threads:
            for cid in dict.fromkeys(x["cadre"] for x in t["chain"]):
                thr_by[cid].append(t)
        exempt_by = self.exemptions_by
        coming = a1.get("next")  # (the coming cycle's points, for those in office on its first day: Aggregate.coming)
        next_by = defaultdict(list)
        for r in coming["table"] if coming else []:
            next_by[r["cadre"]].append(r)
        out = []
        for cid, item in sorted(self.rs.cadres.items(), key=lambda kv: (self.unit_order(kv[1].get("unit")), kv[0])):
            mine = [self.assignment_row(r) for r in mine_rows.get(cid, [])]
            left = _as_date(item.get("active_to"))
            came = _as_date(item.get("active_from"))
            out.append({
                "id": cid, "name": item.get("name", cid), "position": item.get("position", ""),
                "staff_no": staff_no(item), "unit": item.get("unit", ""), "unit_name": self.unit_name(item.get("unit")),
                "active_from": item.get("active_from", ""), "active_to": item.get("active_to", "") or "",
                "earlier": [{"until": e.get("until"), "unit": e.get("unit"), "unit_name": self.unit_name(e.get("unit")),
                             "position": e.get("position") or ""}
                            for e in sorted(_dicts(item.get("earlier")), key=lambda e: str(e.get("until") or ""))
                            if isinstance(e.get("unit"), str) and isinstance(e.get("until"), str)],
                "left": left is not None and left < self.today,  # (left office by the site's day)
                "future": came is not None and came > self.today,  # (entered ahead of their first day)
                "file": item.file,  # (the rows begun by the site's day: a later one is no change yet)
                "assignments": sorted(self.begun(mine_rows.get(cid, [])), key=lambda r: r["start"]),
                "first_start": min((r["start"] for r in mine), default=""),  # (when none had begun by then)
                "current_points": [r for r in mine if r["active"]],
                "next_points": next_by[cid] if coming and (left is None or left >= _as_date(coming["start"])) else None,
                "ledgers": led_by.get(cid, []),
                "history": history.get(cid, []), "semesters": self._semesters_in_office(sem, cid),
                "threads": thr_by.get(cid, []), "exemptions": exempt_by.get(cid, []),
                "exempt_share": self.exempt_share_said() if exempt_by.get(cid) else "",
            })
        return out

    def exempt_share_said(self) -> str:
        """The share of a semester's or period's days an exemption must cover to excuse it, in words, as the policy
        gives it (exemptions.min_percent and, changed since, exemptions.earlier's numbers): 政策规定的 50 %, or
        政策规定的比例（现为 60 %；2026-08-31 以前开始的学期和期间为 50 %）."""
        now = exempt_percent(self.rs)
        before = [(until, exempt_percent(self.rs, until)) for until in
                  (d - dt.timedelta(days=1) for d in self.rs.changes("exemptions", "min_percent"))]
        if not before:
            return f"政策规定的 {now} %"
        return f"政策规定的比例（现为 {now} %；" + "；".join(
            f"{_d(until)} 以前开始的学期和期间为 {n} %" for until, n in before) + "）"

    @cached_property
    def exemptions_by(self) -> dict[str, list[dict]]:
        """{cadre: [{"span", "rules", "reason", "approved_by", "excused": what it excused, said}]}: the
        check's list (its `excused`, exemptions.excused); the records' own when the check did not run.  Made once, read
        by the cadres' pages and the summaries' 豁免 rows (_irregular)."""
        listed = self.checks.data.get("exemptions") if self.checks.available else None
        if listed is None:
            listed = [{"cadre": ex.get("cadre"), "rules": ex.get("rules") if isinstance(ex.get("rules"), list) else [],
                       "start": ex.get("start"), "end": ex.get("end"), "reason": ex.get("reason"),
                       "approved_by": ex.get("approved_by"), "excused": None} for ex in self.rs.exemptions]
        out = defaultdict(list)
        for ex in listed:
            out[ex.get("cadre")].append({
                "span": f"{_d(ex.get('start'))} 至 {_d(ex.get('end'))}", "start": _d(ex.get("start")), "end": _d(ex.get("end")),
                "rules": "、".join(RULES["zh"].get(r, str(r)) for r in ex.get("rules") or []), "rule_ids": list(ex.get("rules") or []),
                "reason": str(ex.get("reason") or ""), "approved_by": str(ex.get("approved_by") or ""),
                "excused": _excused(ex.get("excused"), ex.get("rules") or [])})
        return out

    def unit_rows(self, cadres, coverage, threads, tables, current, a1, last_due=None) -> list[dict]:
        """Each unit's page: its cadres, classes, clubs, coverage and open threads; its rows of the current period
        (by the cadre's unit today) and of `last_due`, the period being collected or just collected (the home
        page's 上一期), by the unit the cadre was in at that period's end, as its list of who is behind."""
        active_by_point = defaultdict(list)
        for row in self.rs.assignments:
            r = self.assignment_row(row)
            if r["active"]:
                active_by_point[r["point"]].append(r)
        classes_by, clubs_by, cadres_by, cov_by = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
        for cid, item in self.rs.classes.items():
            if self.rs.ended(item, self.today):  # (graduated: its history stays in the tables of its time)
                continue
            classes_by[item.get("unit")].append({"id": cid, "name": item.get("name", cid),
                                                 "cohort": self.rs.class_cohort.get(cid),
                                                 "major": item.get("major", ""), "headcount": item.get("headcount", ""),
                                                 "cadres": active_by_point.get(cid, [])})
        for k, c in self.rs.clubs.items():
            if self.rs.ended(c, self.today):
                continue
            clubs_by[c.get("unit")].append({"id": k, "name": c.get("name", k), "category": c.get("category", ""),
                                            "cadres": active_by_point.get(k, [])})
        for c in cadres:
            cadres_by[c["unit"]].append(c)
        year, rows, note = self.coverage_year(coverage)  # (this year's, as the home page)
        for r in rows:
            cov_by[r["unit"]].append(r)
        unit_of = {c["id"]: c["unit"] for c in cadres}
        open_by_unit = defaultdict(set)
        for i, t in enumerate(threads):
            if t["meaning"] == "resolved":
                continue
            # the unit the board names: the cadre's when the problem was raised (a cadre who moved
            # leaves it with the old unit, records/cadres' `earlier`), not the cadre's unit today; and those
            # it was last reported to
            for uid in ((t["unit"],) if t["unit"] else ()) + self.rs.units_reported_to(t["escalated_to"]):
                open_by_unit[uid].add(i)
        current_rows = defaultdict(list)
        for r in tables.get(current, []) if current else []:
            if r["cadre"] in unit_of:
                current_rows[unit_of[r["cadre"]]].append(r)
        last_rows = defaultdict(list)
        for r in tables.get(last_due, []) if last_due else []:
            last_rows[r["unit"] or unit_of.get(r["cadre"], "")].append(r)
        out = []
        for uid, unit in self.rs.units.items():
            committee = unit.get("party_committee") or ""
            out.append({
                "id": uid, "name": unit.get("name", uid), "type": unit.get("type", ""), "committee": committee,
                "ended": _d(unit.date("until")) if self.rs.ended(unit, self.today) else "",
                "cadres": cadres_by.get(uid, []), "in_office": [c for c in cadres_by.get(uid, []) if not c["left"] and not c["future"]],
                "classes": sorted(classes_by.get(uid, []), key=lambda c: (-(c["cohort"] or 0), c["name"])),
                "clubs": clubs_by.get(uid, []), "coverage_year": year, "coverage_note": note,
                "freshmen": len(cov_by.get(uid, [])), "uncovered": [r for r in cov_by.get(uid, []) if not r["covered"]],
                "ledgers": current_rows.get(uid, []), "last_ledgers": last_rows.get(uid, []),
                "threads": [threads[i] for i in sorted(open_by_unit.get(uid, ()))],
            })
        return sorted(out, key=lambda u: self.unit_order(u["id"]))

    def reported_outside(self, threads: list[dict]) -> list[dict]:
        """The threads not resolved whose last escalated_to (R10) names no unit of units.yaml nor its 党委
        (RecordSet.units_reported_to: none; a body outside the list, 后勤保障处): on no unit's page as reported to it,
        the problem board lists them for the 学工部 who 汇总分析 them (R11), by the body's name."""
        return [t for t in threads if t["meaning"] != "resolved" and t["escalated_to"]
                and not self.rs.units_reported_to(t["escalated_to"])]

    def points_without_cadre(self, units: list[dict]) -> list[dict]:
        """Per unit, its classes other than this academic year's freshman ones (R2's, on the coverage table) and
        its clubs that no assignment in force on the site's day names — the unit page's classes and clubs whose
        联系干部 is — (R3: whether they have one is the unit's choice, an administrator wants to see which have
        none); a class of a cohort not yet enrolled is neither.  Units with no such class or club left out."""
        year = self.academic_year_of(self.today)
        first = year.first_year if year else self.today.year
        out = []
        for u in units:
            if u["ended"]:
                continue
            classes = [c for c in u["classes"] if c["cohort"] is not None and c["cohort"] < first]
            if not classes and not u["clubs"]:
                continue
            out.append({"unit": u["id"], "unit_name": u["name"], "classes": len(classes), "clubs": len(u["clubs"]),
                        "classes_without": [c for c in classes if not c["cadres"]],
                        "clubs_without": [c for c in u["clubs"] if not c["cadres"]]})
        return out

    # ---- evaluation (R9) ----------------------------------------------
    def evaluation(self, ledgers: dict, tables: dict, threads: list[dict]) -> list[dict]:
        """年度考核参考's rows, the newest year first: each year's row of each cadre with a ledger of it judged or an
        activity recorded in it (_evaluation_row), the year's rows by the unit they show (_year_rows)."""
        years = sorted({int(p[:4]) for p, _ in ledgers} | {int(p[:4]) for p in tables}, reverse=True)
        tally = self._evaluation_tally(ledgers, tables, threads)
        order = sorted(self.rs.cadres)  # (ids: the names' pinyin; each year's rows then by the unit they show)
        out = []
        for year in years:
            # without the checks a year's ledgers are counted only when all its periods are archived
            # (their statuses the manifests'); a semester is never judged without them
            counted = self.checks.available or all(self.archive.period(p) for p in tables if p[:4] == str(year))
            out += _year_rows([row for cid in order if (row := self._evaluation_row(cid, year, counted, tally))])
        return out

    def _evaluation_tally(self, ledgers: dict, tables: dict, threads: list[dict]) -> _Tally:
        """What each cadre's row of a year is counted from (_Tally), gathered once for every year."""
        acts, statuses, raised = Counter(), defaultdict(list), defaultdict(list)
        for (p, c), l in ledgers.items():
            acts[(p[:4], c)] += len(l["activities"])
        for p, rows in tables.items():
            for r in rows:
                statuses[(p[:4], r["cadre"])].append(r["status"])
        for t in threads:
            raised[(t["cadre"], str(t["raised_on"])[:4])].append(t)
        # the ledgers amended after their period was archived (附件2's 已更正: an administrator's amendment record)
        amended = Counter((p[:4], a["cadre"]) for p in {p for p, _ in ledgers} | set(tables)
                          for a in (self.archive.period(p) or {}).get("amended", ()))
        sem = self.semester_rows()
        return _Tally(acts, statuses, raised, amended, sem["rows"], {s["id"]: s["year"] for s in sem["semesters"]})

    def _evaluation_row(self, cid: str, year: int, counted: bool, tally: _Tally) -> dict | None:
        """A cadre's row of `year` (None: no ledger of hers judged nor activity recorded in it): her figures, each
        fraction with its notes; the semesters' "—" and numbers "" without the checks, the ledgers' unless `counted`."""
        y, judged = str(year), self.checks.available
        acts, statuses = tally.acts.get((y, cid), 0), tally.statuses.get((y, cid), [])
        if not statuses and not acts:
            return None
        led = _ledger_counts(statuses)
        # (a ledger counted, amended after filing: the 组织部 rating her sees it, as 附件2 says 已更正)
        amended = tally.amended.get((y, cid), 0)
        sem = _semester_counts([c for c in tally.semesters.get(cid, []) if tally.semester_year.get(c["semester"]) == year])
        no_point, no_point_days = self._without_point(cid, year)
        mine = tally.threads.get((cid, y), [])
        unit, position = self.post_on(cid, dt.date(year, 12, 31))
        tenure, moved = self._evaluation_remarks(cid, year, unit)
        return {"year": year, "cadre": cid, "staff_no": staff_no(self.rs.cadres[cid]),
                "name": self.rs.cadres[cid].get("name", cid), "position": position,
                "unit_name": self.unit_name(unit), "activities": acts,
                "semesters": _fraction(sem["met"], sem["due"], _semester_notes(sem, no_point)) if judged else "—",
                "ledgers": _fraction(led["on_time"], led["due"], _ledger_notes(led, amended)) if counted else "—",
                # (the downloads' numbers: "1/2" in a CSV becomes 1 January in Excel)
                **_numbers_if(judged, semesters_met=sem["met"], semesters_due=sem["due"],
                              semesters_pending=sem["pending"], semesters_exempt=sem["exempt"],
                              # (days in office without the contact point owed: 1/1 read as full compliance)
                              no_point_days=no_point_days),
                "no_point": no_point,
                **_numbers_if(counted, ledgers_on_time=led["on_time"], ledgers_due=led["due"], ledgers_late=led["late"],
                              ledgers_missing=led["missing"], ledgers_exempt=led["exempt"],
                              ledgers_with_errors=led["errors"]),
                "ledgers_amended": amended, **_numbers_if(counted, ledgers_changed=led["changed"]),
                "feedback": len(mine), "resolved": sum(t["meaning"] == "resolved" for t in mine),
                "tenure": tenure, "moved": moved, "remarks": "；".join(filter(None, (tenure, moved))),
                "_any": bool(acts or led["due"] or sem["due"] or mine), "_unit": self.unit_order(unit)}

    def _without_point(self, cid: str, year: int) -> tuple[str, int]:
        """The cadre's days of `year` in office without the contact point owed (check's rule: CheckView.without_point),
        said ("2026-06-30 后无联系点", or "2026-07-01 至 2026-09-30 无联系点" for a gap that ended) and counted: with
        no point a cadre owes no semester, and her 1/1 read as full compliance."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        said, days = [], 0
        for start, end in self.checks.without_point(cid) if self.checks.available else ():
            lo, hi = max(start, first), min(end, last)
            if lo > hi:
                continue
            days += (hi - lo).days + 1
            said.append(f"{start - dt.timedelta(days=1)} 后无联系点" if end >= min(self.today, last)
                        else f"{start} 至 {end} 无联系点")
        return "；".join(said), days

    def evaluation_year(self, rows: list[dict], tables: dict) -> int | None:
        """The year 年度考核参考 leads with: the newest of `rows` (evaluation's) in which something was due by the
        site's day — a ledger's due date or a semester's end passed — else the newest with anything recorded.  (The
        newest with anything recorded: one cadre's 2027-H1 ledger filed early in January made 2027 the page's year,
        a page of zeros for the 组织部 assessing 2026.)"""
        years = sorted({r["year"] for r in rows}, reverse=True)
        periods = (self.rs.period(p) for p in {p for p, _ in self.rs.ledgers} | set(tables))
        due = {int(p.id[:4]) for p in periods if p and p.due < self.today} | \
            {s.start.year for s in self.rs.semesters() if s.end < self.today}
        return next((y for y in years if y in due), years[0] if years else None)

    def _evaluation_remarks(self, cid: str, year: int, unit: str) -> tuple[str, str]:
        """What makes a cadre's year not a whole one in one post, said beside their figures (a part-year's 1/1 read as a
        whole year's): ("2026-09-01 任职", "2026-06-30 离任" or both), and the units they were in before the
        year-end's one during the year ("2026-08-31 前在计算机学院")."""
        came, went = self.rs.cadre_active_span(cid)
        tenure = "；".join([f"{came} 任职"] * bool(came and came.year == year) +
                          [f"{went} 离任"] * bool(went and went.year == year))
        moved = [f"{until} 前在{self.unit_name(was)}" for until, was, _ in self.rs.posts(cid)[1]
                 if until.year == year and was != unit]  # (her earlier posts as post_on reads them, earliest first)
        return tenure, "；".join(moved)

    # ---- home ----------------------------------------------------------
    def coverage_year(self, coverage) -> tuple[str, list[dict], str]:
        """The academic year whose freshman classes the home and the units' pages count, its rows
        of `coverage`, and a note when it is not the year of --today: today's, else the newest
        begun (the nearest before it; earlier years: the coverage pages)."""
        year = self.academic_year_of(self.today)
        rows = [r for r in coverage if year and r["year"] == year.id] or \
               ([r for r in coverage if r["year"] == coverage[0]["year"]] if coverage else [])
        shown = rows[0]["year"] if rows else ""
        if year and shown == year.id:
            return shown, rows, ""
        if year:
            why, none = f"{year.id} 学年还没有可统计的新生班级（{year.first_year} 级）", "。"
        else:
            why, none = f"校历（records/calendar.yaml）中没有 {self.today} 所在的学年", "，还没有可统计的新生班级。"
        return shown, rows, why + (f"，这里是最近的 {shown} 学年。" if shown else none)

    def home(self, stat, coverage, threads, current) -> dict:
        cov_year, cov, cov_note = self.coverage_year(coverage)
        sem = self.current_semester()
        acts = []
        if sem:
            for led in self.rs.ledgers.values():
                for a in _dicts(led.get("activities")):
                    d = _as_date(a.get("date"))
                    if d and sem.start <= d <= sem.end:
                        acts.append(a)
        open_threads = [t for t in threads if t["meaning"] != "resolved"]
        period = self.rs.period(current) if current else None
        return {
            "stat": stat, "current": current,
            "days_left": (period.due - self.today).days if period and period.due >= self.today else None,
            "coverage_year": cov_year, "coverage_note": cov_note, "cov_total": len(cov),
            "cov_covered": sum(r["covered"] for r in cov), "uncovered": [r for r in cov if not r["covered"]],
            "semester": sem.name if sem else "", "sem_activities": len(acts),
            "semester_ended": _d(sem.end) if sem and sem.end < self.today else "",  # (a holiday, or past the calendar)
            "sem_forms": self._count("forms", (a.get("form", "") for a in acts)),
            "open": len(open_threads), "overdue": sum(t["overdue"] for t in threads),
            "by_meaning": Counter(t["status"] for t in threads).most_common(),
        }


class _Tally(NamedTuple):
    """What 年度考核参考's rows are counted from, for every year: by (year, cadre), the activities of the year's
    ledgers, 附件2's statuses of its periods and the ledgers amended after archiving; by (cadre, year) the threads
    raised in it; by cadre her semesters' cells (semester_rows), and each semester's year (that of its start)."""
    acts: Counter
    statuses: dict
    threads: dict
    amended: Counter
    semesters: dict
    semester_year: dict


def _ledger_counts(statuses: list[dict]) -> dict:
    """A cadre's ledgers of a year as 按时台账 counts them: `due`, those due by today (or filed already: on time
    whatever happens) — not the current period's, not one excused or not judged ("1/2" for everyone in December) —,
    `on_time` of them, `errors` (handed in, not accepted until fixed: with_errors; due and not on time), `late`,
    `missing`, `changed` (changed on the main branch after they landed: 附件2's 合并后修改) and `exempt` (the
    periods excused)."""
    due = [s for s in statuses if s["kind"] in ("on_time", "late", "missing", "filed")]
    return {"due": len(due), "on_time": sum(s["kind"] in ("on_time", "filed") and not s.get("errors") for s in due),
            "errors": sum(bool(s.get("errors")) for s in due),
            "late": sum(s["kind"] == "late" for s in due), "missing": sum(s["kind"] == "missing" for s in due),
            "changed": sum(changes_after_merge(s) > 0 for s in due),
            "exempt": sum(s["kind"] == "exempt" for s in statuses)}


def _ledger_notes(led: dict, amended: int) -> list[str]:
    """按时台账's notes: a ledger a day late and one never handed in both read "1/2" (组织部 must tell them apart);
    those with errors; the excused periods (the 1/1 of a half-year's sick leave read as a whole year's: said, as on
    附件2); those amended after archiving (附件2's 已更正) and those changed after they landed (附件2's 合并后修改: what
    the unit's reviewer approved is not what the file says now)."""
    return [f"逾期 {led['late']} 份"] * bool(led["late"]) + [f"未提交 {led['missing']} 份"] * bool(led["missing"]) + \
        [f"{led['errors']} 份有错误，未通过"] * bool(led["errors"]) + [f"豁免 {led['exempt']} 期"] * bool(led["exempt"]) + \
        [f"已更正 {amended} 份"] * bool(amended) + [f"合并后修改 {led['changed']} 份"] * bool(led["changed"])


def _semester_counts(cells: list[dict]) -> dict:
    """A cadre's semesters of a year (semester_rows' cells) as 达标学期 counts them: `due` (judged: met or missed),
    `met`, `pending` (the autumn semester is judged in July when unmet — its January days are the next year's first
    ledger's: in January "1/1" read as every semester met, beside a colleague's 2/2) and `exempt`."""
    kinds = [c["kind"] for c in cells]
    return {"due": sum(k in ("met", "missed") for k in kinds), "met": kinds.count("met"),
            "pending": kinds.count("open"), "exempt": kinds.count("exempt")}


def _semester_notes(sem: dict, no_point: str) -> list[str]:
    """达标学期's notes: the semesters pending and excused, and the days without a contact point (_without_point)."""
    return [f"另 {sem['pending']} 学期待定"] * bool(sem["pending"]) + [f"豁免 {sem['exempt']} 学期"] * bool(sem["exempt"]) + \
        [no_point] * bool(no_point)


def _fraction(done: int, due: int, notes: list[str]) -> str:
    """"1/2（逾期 1 份）": a cell of 年度考核参考, its notes in brackets."""
    return f"{done}/{due}" + (f"（{'；'.join(notes)}）" if notes else "")


def _numbers_if(shown: bool, **numbers) -> dict:
    """The downloads' numbers of a row, each "" when not judged (without the checks; a year's ledgers not counted)."""
    return {k: v if shown else "" for k, v in numbers.items()}


def _year_rows(rows: list[dict]) -> list[dict]:
    """A year's rows (_evaluation_row's) by the unit each shows, the year-end's (a cadre who moved since listed among
    her new unit's rows in a year spent in the old one, her unit column the old one's: sorted is stable, ids stay in
    order), two namesakes marked (two 张伟 of one unit printed as two identical rows: each with their position); none
    for a year begun with nothing due nor done yet (January's: its page of zeros stood first, before the year the
    组织部 assesses then)."""
    rows.sort(key=lambda r: r.pop("_unit"))
    if not any([r.pop("_any") for r in rows]):
        return []
    named = Counter(r["name"] for r in rows)
    return [dict(r, namesake=named[r["name"]] > 1) for r in rows]


SHORT_REASON = 8  # (characters: a reason this short has its dates beside it in 附件2's cell, 病假（2026-03-16 至 2026-04-10）)


def _board(ident: str, name: str, rows: list[dict]) -> dict:
    """A page of the feedback board (a half-year's threads, or a year's): its threads and their figures."""
    return {"id": ident, "name": name, "threads": rows, "followups": sum(len(t["chain"]) - 1 for t in rows),
            "resolved": sum(t["meaning"] == "resolved" for t in rows), "overdue": sum(t["overdue"] for t in rows)}


def _excused_said(e: dict) -> str:
    """An exemption, said whole (the summary's 免交原因, 附件2's downloads): 挂职锻炼（2025-07-01 至 2026-01-31，李思远批准）."""
    return f"{e['reason']}（{e['span']}{'，' + e['approved_by'] + '批准' if e['approved_by'] else ''}）"


def _excused_short(e: dict) -> str:
    """An exemption as 附件2's page says it beside 豁免: its reason, with its dates when the reason is short (a long one's
    dates are on the cadre's page, its section 豁免)."""
    return f"{e['reason']}（{e['span']}）" if len(e["reason"]) <= SHORT_REASON else e["reason"]


def _excused(entries, rules) -> str:
    """What an exemption excused, said (check's `excused`: exemptions.excused); None: the check did not run."""
    return "免除情况暂缺：政策检查未运行" if entries is None else describe(entries, rules, keys=False)


def _dicts(value):
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []


def _as_date(value):
    """A date of the records as the checks read it (validate.parse_date: YYYY-MM-DD only — not a week's
    day 2026-W01-7 nor an unquoted 20250923, which fromisoformat reads and validate refuses)."""
    if isinstance(value, dt.date):
        return value
    return parse_date(value)


def _bucket(age) -> str:
    if age is None:
        return ""
    if age <= 30:
        return "30天内"
    if age <= 90:
        return "31–90天"
    if age <= 180:
        return "91–180天"
    return "180天以上"



def _neg(year_id) -> tuple:
    """Sort key putting the newest academic year first."""
    return tuple(-int(x) for x in str(year_id or "0").split("-") if x.isdigit())


def staff_no(cadre) -> str:
    """A cadre's 工号 as the site shows it (the cadre's page, 年度考核参考's downloads): its text, else blank (none given,
    or not text, which validate refuses)."""
    number = cadre.get("staff_no")
    return number if isinstance(number, str) else ""
