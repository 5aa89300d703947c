"""`python -m generator draft-cycle --from 2025-2027 [--start 2027-09-01]`: the next assignment cycle's draft (R4).

Written to records/assignments/<next>.yaml from the old cycle's rows on its last day: a row for each cadre in office
in the new cycle, each continuing point carried over as it is; a row whose class or club ended (a graduated class)
and a cadre with no point (one who took office) get the placeholder `待填写`, which never validates (E-SCHEMA-011),
with a comment naming the decision and the unit's freshman classes no row names yet; the cadres who left are named
in a comment, and so are the new academic year's freshman classes no row names (R2).  An existing file is never
overwritten.  The old cycle's file is only read: its rows still naming a graduated class or dissolved club are listed
(rows_to_end) with the lines to type, as check's W-CHK-013 gives them."""
from __future__ import annotations

import datetime as dt
import sys
from types import SimpleNamespace

from generator import findings as F
from generator.argwords import say
from generator.check.context import Context
from generator.load import display_path
from generator.messages.draft import GAP, TO_END, TO_END_ROW, WORDS, WROTE, WROTE_NOTHING
from generator.messages.words import KIND_ZH
from generator.model import next_cycle
from generator.validate import PLACEHOLDER

ONE_DAY = dt.timedelta(days=1)


def _last_rows(rs, old: str) -> dict[str, list]:
    """cadre → the old cycle's rows of theirs that ended last (by their written end, else the cycle's); a row begun
    after its class or club ended never counted (W-CHK-013): not one of them."""
    rows: dict[str, list] = {}
    for row in rs.assignments:
        cadre = row.get("cadre")
        if row.doc.stem == old and isinstance(cadre, str) and row.date("start") and not rs.begins_after_point(row):
            rows.setdefault(cadre, []).append(row)
    out = {}
    for cadre, mine in rows.items():
        last = max(rs.row_end(r) or dt.date.min for r in mine)
        out[cadre] = [r for r in mine if (rs.row_end(r) or dt.date.min) == last]
    return out


class _Drafting:
    """The next cycle drafted from cycle `old`: its id and days, and what its lines are made of."""

    def __init__(self, rs, old: str, first: dt.date | None, lang: str):
        self.rs, self.old, self.lang, self.w = rs, old, lang, WORDS[lang]
        cycle = rs.cycles[old]
        self.o_end = cycle.date("end")
        self.new, self.start, self.end = next_cycle(cycle.date("start"), self.o_end, first)
        self.names = Context(rs, self.start)  # (a cadre's, a unit's and a point's names, as check says them)
        self.last = _last_rows(rs, old)
        years = [y for y in rs.academic_years() if y.start <= self.start <= y.end]
        self.cohort = years[0].first_year if years else self.start.year

    def ended(self, kind: str, pid: str) -> dt.date | None:
        """The `until` of a class or club that ended before the new cycle begins (None: it goes on)."""
        item = (self.rs.classes if kind == "class" else self.rs.clubs).get(pid)
        until = item.date("until") if item is not None else None
        return until if until and until < self.start else None

    def point_name(self, pid: str) -> str:
        return self.names.point_name(pid) or pid

    def unit_name(self, unit: str | None) -> str:
        return self.names.unit_name(unit) or unit or ""

    def rows(self) -> list[tuple]:
        """The new cycle's rows, each (cadre, kind, point or None, start, end, why or None): each continuing point
        carried over as it is; a point that ended, or a cadre with none on the old cycle's last day, a row to decide
        (point None, why: (its comment's key, its words))."""
        rs, out = self.rs, []
        for cadre, a_from, a_to in rs.in_office(self.start, self.end):
            name = self.names.cadre_name(cadre)
            start = max(self.start, a_from)
            end = a_to if a_to and a_to < self.end else None
            mine = [r for r in self.last.get(cadre, ())
                    if rs.row_end(r) >= self.o_end or rs.point_until(r) == rs.row_end(r)]
            if not mine:
                since = self.w["arrives"].format(start=a_from) if a_from > self.o_end else ""
                out.append((cadre, "class", None, start, end, ("new_cadre", {"name": name, "since": since})))
            for row in mine:
                kind, pid = rs.contact_point(row)
                until = self.ended(kind, pid)
                if until:
                    out.append((cadre, kind, None, start, end, ("graduated", {
                        "name": self.point_name(pid), "point": pid, "until": until,
                        "kind": KIND_ZH[kind], "kind_en": kind})))
                else:
                    out.append((cadre, kind, pid, start, end, None))
        return out

    def left(self) -> list[tuple]:
        """(name, last day in office, kind, point) of each point held to the end by a cadre who left office before
        the new cycle, its point going on (free in the new cycle, or taken over)."""
        rs, out = self.rs, []
        for cadre, _, a_to in rs.in_office(None, self.end):  # (in office by its end, gone before its first day)
            if not a_to or a_to >= self.start:
                continue
            for row in self.last.get(cadre, ()):
                if rs.row_end(row) >= min(self.o_end, a_to) and not self.ended(*rs.contact_point(row)):
                    out.append((self.names.cadre_name(cadre), a_to, *rs.contact_point(row)))
        return out

    def freshmen(self) -> list[str]:
        """The new academic year's freshman classes (its cohort's, not ended), by id."""
        return [cid for cid, c in sorted(self.rs.class_cohort.items())
                if c == self.cohort and not self.ended("class", cid)]

    def to_decide(self, cadre: str, kind: str, start: dt.date, why: tuple, named: set, free: list) -> str:
        """The comment above a row to decide: why, and what its unit has with no cadre (for a club's, the clubs no
        row names first; then the freshman classes)."""
        rs, w = self.rs, self.w
        unit = rs.cadre_on(cadre, start)[0]
        said = ""
        if kind == "club":
            clubs = [c for c in sorted(rs.clubs) if rs.clubs[c].get("unit") == unit and c not in named
                     and not self.ended("club", c)]
            said = w["free_clubs"].format(clubs=w["joined"].join(clubs)) if clubs else ""
        mine = [c for c in free if rs.classes[c].get("unit") == unit]
        said += w["free_classes"].format(classes=w["joined"].join(mine)) if mine else ""
        return "  " + w[why[0]].format(free=said, unit=self.unit_name(unit), **why[1]) + w["other_key"][kind]

    def lines(self, rows: list, left: list, named: set, free: list) -> list[str]:
        """The file's lines: its head, each row (under its comment when to decide or ending in the cycle), then the
        comments naming the cadres who left and the freshman classes no row names."""
        w = self.w
        lines = [w["head"].format(cycle=self.new, old=self.old, old_end=self.o_end, start=self.start),
                 f"cycle: {self.new}", f"start: {self.start}", f"end: {self.end}", "assignments:"]
        for cadre, kind, pid, start, end, why in rows:
            if why:
                lines.append(self.to_decide(cadre, kind, start, why, named, free))
            if end:
                lines.append("  " + w["retiring"].format(name=self.names.cadre_name(cadre), left=end))
            lines += [f"  - cadre: {cadre}", f"    {kind}: {pid or PLACEHOLDER}", f"    start: {start}"]
            if end:
                lines.append(f"    end: {end}")
        for name, a_to, kind, pid in left:
            lines.append(w["left"].format(name=name, left=a_to, kind=KIND_ZH[kind], kind_en=kind,
                                          point=pid, point_name=self.point_name(pid),
                                          after=w["left_taken" if pid in named else "left_free"]))
        if free:
            grace = self.rs.setting("freshman_coverage", "grace_days", default=0)
            lines.append(w["uncovered"].format(year=self.cohort, grace=grace))
            for cid in free:
                item = self.rs.classes[cid]
                lines.append(w["uncovered_row"].format(point=cid, name=item.get("name") or cid,
                                                       unit=self.unit_name(item.get("unit"))))
        return lines


def draft(rs, old: str, first: dt.date | None, lang: str) -> tuple[str, str, dict]:
    """(the new cycle's id, its file's text, counts) drafted from cycle `old`."""
    d = _Drafting(rs, old, first, lang)
    rows, left = d.rows(), d.left()
    named = {r[2] for r in rows if r[2]}
    free = [cid for cid in d.freshmen() if cid not in named]
    decide = sum(1 for r in rows if r[5])
    counts = {"kept": len(rows) - decide, "decide": decide, "uncovered": len(free), "start": d.start}
    return d.new, "\n".join(d.lines(rows, left, named, free)) + "\n", counts


def rows_to_end(rs, old: str, lang: str) -> list[dict]:
    """The old cycle's rows still naming a class or club after its `until` (a graduated class, a dissolved club), in
    file order: each {path, line, column, fix} where check's W-CHK-013 says it, with its lines to type to end it on
    that day (its `end` added or changed, a `reason` added unless it has one; inside its braces when written `{...}`),
    or, begun after that day, to remove or repoint it — printed, not written: the officer types them, and the reviewer
    sees them in the old file's diff."""
    from generator.check.contact_points import end_lines
    from generator.messages.check import W_CHK_013_FIX

    out = []
    for row in rs.assignments:
        start, until = row.date("start"), rs.point_until(row)
        if row.doc.stem != old or not start or not until or not until < rs.row_end(row):
            continue
        kind, pid = rs.contact_point(row)
        kind_zh = KIND_ZH[kind]
        dates = SimpleNamespace(end=row.date("end"), until=until)
        if until < start:  # (begun after its point ended: it never counted; removed or repointed, as check says)
            item = (rs.classes if kind == "class" else rs.clubs).get(pid)
            cadre = rs.cadres.get(row.get("cadre"))
            fix = W_CHK_013_FIX["void"][0 if lang == "zh" else 1].format(
                start=start, kind=kind_zh, kind_en=kind, point=item.get("name") or pid,
                name=cadre.get("name") if cadre is not None else row.get("cadre"))
            line, column = row.pos(kind)
        else:
            fix = end_lines(row, dates, kind, kind_zh)[0 if lang == "zh" else 1]
            line, column = row.pos("end") if dates.end else row.pos(kind)
        out.append({"path": row.doc.file, "line": line, "column": column, "fix": fix})
    return sorted(out, key=lambda r: (r["line"], r["column"]))


def cmd_draft_cycle(args) -> int:
    from generator.cli import EXIT_USAGE, emit, outlive, records_dir, refuse_on_admin_errors
    from generator.files import Unwritten, write_files
    from generator.pipeline import validate_records
    from generator.suggest import did_you_mean

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    rs, findings = validate_records(root)
    outlive(rs)
    cycle = rs.cycles.get(args.source)
    o_start, o_end = (cycle.date("start"), cycle.date("end")) if cycle is not None else (None, None)
    if o_start and o_end and (args.start is None or args.start > o_end):
        # (a draft begun, its placeholders errors still: said as the file it is, not as the records' errors)
        target = root / "assignments" / f"{next_cycle(o_start, o_end, args.start)[0]}.yaml"
        if target.exists():
            return emit([F.make("E-DRAFT-002", display_path(target), (1, 1), path=display_path(target))], args)
    refused = refuse_on_admin_errors(rs, findings, args, "draft-cycle")
    if refused is not None:
        return refused
    if cycle is None:
        return emit([F.make("E-DRAFT-001", display_path(root / "assignments"), None, cycle=args.source,
                            cycles="、".join(sorted(rs.cycles)) or "—", **did_you_mean(args.source, sorted(rs.cycles)))],
                    args)
    if args.start is not None and args.start <= o_end:
        return emit([F.make("E-DRAFT-003", cycle.file, cycle.pos("end"), start=args.start, cycle=args.source, end=o_end,
                            after=o_end + ONE_DAY)], args)
    new, text, counts = draft(rs, args.source, args.start, args.lang)
    target = root / "assignments" / f"{new}.yaml"
    try:  # whole or not at all; never over a cycle's file, even one made meanwhile
        write_files({target: text.encode("utf-8")}, new=True)
    except Unwritten as exc:
        if not isinstance(exc.__cause__, FileExistsError):
            raise
        return emit([F.make("E-DRAFT-002", display_path(target), (1, 1), path=display_path(target))], args)
    ends = rows_to_end(rs, args.source, args.lang)
    if args.format == "json":  # (what was written, for a script: as archive's)
        from generator import report

        report.write_json({"cycle": new, "path": display_path(target), "start": str(counts["start"]),
                           "kept": counts["kept"], "decide": counts["decide"], "uncovered": counts["uncovered"],
                           "to_end": ends, "findings": []})
    wrote = WROTE if counts["decide"] or counts["uncovered"] else WROTE_NOTHING
    sys.stderr.write(F.counted(wrote[args.lang], path=display_path(target), **counts) + "\n")
    if counts["start"] > o_end + ONE_DAY:  # (--start later than the day after: a typed year wrong, or meant)
        gap = (counts["start"] - o_end).days - 1
        sys.stderr.write(F.counted(GAP[args.lang], first=o_end + ONE_DAY, last=counts["start"] - ONE_DAY, days=gap,
                                   cycle=args.source, start=counts["start"], path=display_path(target)) + "\n")
    if ends:
        sys.stderr.write("\n".join([F.counted(TO_END[args.lang], n=len(ends), path=cycle.doc.file)]
                                   + [TO_END_ROW[args.lang].format(**e) for e in ends]) + "\n")
    return 0


def register(sub) -> None:
    from generator.cli import _date, common

    p = sub.add_parser("draft-cycle", help=say("照一个安排周期写出下一个两年周期安排表的草稿",
                                               "draft the next assignment cycle from one"))
    common(p, formats=("text", "json"))
    p.add_argument("--from", dest="source", required=True, metavar="CYCLE",
                   help=say("照哪个周期写，如 2025-2027", "the cycle to draft from, e.g. 2025-2027"))
    p.add_argument("--start", type=_date, default=None, metavar="YYYY-MM-DD",
                   help=say("新周期的第一天，默认是这个周期结束的第二天", "the new cycle's first day; by default the "
                            "day after the cycle's end"))
    p.set_defaults(func=cmd_draft_cycle)
