"""学年工作总结: an academic year's 工作总结 (the 学工部's year-end report), its half-year periods added up — each
period's figures as its own 工作总结 counts them (Aggregate.period_stats), not counted again: 份 where they count
ledgers, 人 where they count cadres (a cadre owing both halves' ledgers is one person)."""
from __future__ import annotations

from collections import Counter

from generator.model import AcademicYear, Period, RecordSet
from generator.site.aggregate import Aggregate, owes

# what the year adds up of its periods' stats (period_stats' keys; the halves' own figures stay in them)
ADDED = ("required", "filed", "unowed", "exempt", "on_time", "missing", "waiting", "activities", "students", "feedback",
         "followups", "still_open", "typical")

# what its charts draw, its periods' (label, count) lists added up: 填报情况 by status (in 份), as a half's, by label; the
# others most first
CHARTED = ("status", "forms", "places", "channels", "categories", "fb_status")


def _added(halves: list[dict], key: str) -> list[tuple[str, int]]:
    total: Counter = Counter()
    for h in halves:
        total.update(dict(h[key]))
    return sorted(total.items()) if key == "status" else total.most_common()


def _year_of(years: list[AcademicYear], span: Period) -> AcademicYear | None:
    """The academic year a half-year period belongs to: the one holding its middle day, most of its days — the period
    in which a year begins (its first semester, its freshmen) and the one after (the demo's 2025年下半年 and
    2026年上半年 are 2025-2026 学年's; 2026年下半年, though its July and August are 2025-2026's, 2026-2027's)."""
    middle = span.start + (span.end - span.start) / 2
    return next((y for y in years if y.start <= middle <= y.end), None)


def years_of(rs: RecordSet, periods: list[str]) -> list[tuple[AcademicYear, list[Period]]]:
    """Each academic year of the calendar with a period among `periods` (the site's), newest first: the year and every
    policy period belonging to it (oldest first: those not begun yet too)."""
    years = rs.academic_years()
    out = []
    for year in sorted(years, key=lambda y: y.start, reverse=True):
        owned = [p for p in rs.periods_between(year.start, year.end) if _year_of(years, p) is year]
        if any(p.id in periods for p in owned):
            out.append((year, owned))
    return out


def year_stats(agg: Aggregate, year: AcademicYear, owned: list[Period], stats: dict, tables: dict) -> dict:
    """The year's figures: its periods' stats (oldest first) and their sums, the cadres who owed a ledger of it (人), its
    late and excused cadres (_irregular) and how many were excused (人: `exempt` counts the ledgers excused),
    its units' rows added up by unit (each half's by the unit at its end) with their 合计, and whether the year is
    over: ended by the site's day, every period of it begun and all its ledgers due."""
    halves = [stats[p.id] for p in owned if p.id in stats]
    rows = [r for h in halves for r in tables[h["period"]]]
    units: dict[str, dict] = {}
    for h in halves:
        for u in h["units"][:-1]:  # (the last row: the half's 合计)
            mine = units.setdefault(u["unit"], {"unit": u["unit"], "name": u["name"], "total": False, "people": set(),
                                                **dict.fromkeys(Aggregate.UNIT_COUNTS, 0)})
            for key in Aggregate.UNIT_COUNTS:
                mine[key] += u[key]
    for r in rows:
        if owes(r) and r["unit"] in units:
            units[r["unit"]]["people"].add(r["cadre"])
    unit_rows = [dict(u, people=len(u["people"])) for u in sorted(units.values(), key=lambda u: agg.unit_order(u["unit"]))]
    people = len({r["cadre"] for r in rows if owes(r)})
    irregular = _irregular(agg, halves)
    total = {"unit": "", "name": "合计", **{k: sum(u[k] for u in unit_rows) for k in Aggregate.UNIT_COUNTS},
             "people": people, "total": True}
    # (a period of it not on the site: not begun yet, or gone by with no ledger owed nor handed in — the site's first
    # period a spring's: `absent`)
    not_begun = [p.name for p in owned if p.id not in stats and p.start > agg.today]
    absent = [p.name for p in owned if p.id not in stats and p.start <= agg.today]
    # (its name and page as a period's stats give theirs: the summary compared with it says them alike)
    return {"id": year.id, "name": f"{year.id} 学年", "period": year.id, "start": year.start.isoformat(),
            "end": year.end.isoformat(), "halves": halves, "people": people,
            "irregular": irregular, "exempt_people": sum(r["excused"] for r in irregular),
            **{k: _added(halves, k) for k in CHARTED}, **{k: sum(h[k] for h in halves) for k in ADDED},
            "resolved": sum(h["fb_meanings"].get("resolved", 0) for h in halves),
            "units": [*unit_rows, total] if unit_rows else [], "not_begun": not_begun, "absent": absent,
            "over": year.end < agg.today and not not_begun and not any(h["waiting"] for h in halves)}


def _irregular(agg: Aggregate, halves: list[dict]) -> list[dict]:
    """The year's cadres who filed late or were excused (its halves' `irregular`, Aggregate._irregular): one row a
    cadre and kind (逾期 / 免交: Aggregate's `excused`), in the units' order (her unit at the latest half's end), each
    naming its halves — those alike said together (one exemption over both: 2025年下半年、2026年上半年：挂职锻炼（…）) —
    with her days late or her exemption, and her unit of each half (a cadre who moved: 学工部（2025年下半年）、…): a cadre excused from both halves is one person (人) excused two ledgers (份),
    as year_stats counts her."""
    rows: dict[tuple, dict] = {}
    for h in halves:
        for r in h["irregular"]:
            row = rows.setdefault((r["cadre"], r["excused"]), {"cadre": r["cadre"], "name": r["name"],
                                                              "excused": r["excused"], "halves": []})
            row["unit"] = r["unit"]
            row["halves"].append({"period": h["period"], "name": h["name"], "shown": r["shown"], "unit": r["unit_name"],
                                  "said": r["reason"] or r["label"]})  # (逾期 6 天; an exemption, whole)
    for row in rows.values():  # (the halves said alike, together, in the order of the first)
        row["said"] = [{"said": said, "halves": [h for h in row["halves"] if h["said"] == said]}
                       for said in dict.fromkeys(h["said"] for h in row["halves"])]
        # (a cadre who moved between the halves: each unit with its halves, whose ledgers it answers for; else the one)
        units = dict.fromkeys(h["unit"] for h in row["halves"])
        row["units"] = list(units) if len(units) == 1 else [
            f"{u}（{'、'.join(h['name'] for h in row['halves'] if h['unit'] == u)}）" for u in units]
    return sorted(rows.values(), key=lambda r: (agg.unit_order(r["unit"]), r["cadre"], r["excused"]))


# the year page's 各单位情况 (year_stats' unit rows): the half-year's columns (pages.UNIT_FIGURES), its 应填报 counted
# in 份 — ledgers of two halves — beside the cadres who owed them (人)
YEAR_UNIT_FIGURES = [("name", "单位"), ("people", "应填报的干部（人）"), ("required", "应填报台账（份）"),
                     ("filed", "已提交（份）"), ("late", "逾期提交"), ("missing", "未提交"), ("exempt", "免交"),
                     ("activities", "联系活动（次）"), ("students", "接触学生（人次）"), ("feedback", "问题和建议（条）"),
                     ("followups", "其中跟进以往问题"), ("resolved", "已解决"), ("open", "至今未解决")]
