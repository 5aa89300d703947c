"""The policy's and the calendar's own consistency (a part of validate's reference stage).

The schemas say each value's type and form; these rules say the values make sense together, each
at its file:line:col — without them a period whose end is `06-31`, two periods with one id, or a
status list without "resolved" pass validate and then quietly change every ledger's judgement:

* policy.yaml `ledger.periods` (and `ledger.earlier`'s first, last and due days): each MM-DD a day of the year (E-REF-012), start not after end
  (E-REF-008), ids used once (E-REF-002), no day in two periods (E-REF-013);
* `vocabularies.feedback_statuses`: names used once (E-REF-002), one of them meaning resolved (E-REF-014);
* `institution.timezone`: a time zone that exists (E-REF-015);
* calendar.yaml: academic year and semester ids used once (E-REF-002), a year's id its dates'
  years (E-REF-016), no day in two academic years or two semesters (E-REF-013).
"""
from __future__ import annotations

import datetime as dt

from generator import findings as F
from generator.model import Item, RecordSet


def check_policy(rs: RecordSet) -> list[F.Finding]:
    out: list[F.Finding] = []
    if rs.policy is not None:
        out += _periods(rs)
        out += _statuses(rs)
        out += _timezone(rs)
    if rs.calendar is not None:
        out += _calendar(rs)
    return out


def _entries(item: Item, *path) -> list[Item]:
    """The mappings of the list at `path` below `item`, each an Item (its position known)."""
    node = item.data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return [Item(item.doc, (*item.path, *path, i), e) for i, e in enumerate(node)
            if isinstance(e, dict)] if isinstance(node, list) else []


def _twice(items: list[Item], key: str) -> list[F.Finding]:
    """E-REF-002 for each item whose `key` (text) an earlier item has."""
    out, seen = [], {}
    for item in items:
        value = item.data.get(key)
        if not isinstance(value, str):
            continue
        if value in seen:
            out.append(F.make("E-REF-002", item.file, item.pos(key), ref=value,
                              other=f"{seen[value].file}:{seen[value].pos(key)[0]}"))
        else:
            seen[value] = item
    return out


def _overlaps(spans: list[tuple], what: str, what_en: str) -> list[F.Finding]:
    """E-REF-013 for each (start, end, item, key) whose days an earlier one (by start) also covers."""
    out = []
    spans = sorted(spans, key=lambda s: (s[0], s[1]))
    for (s1, e1, a, key_a), (s2, e2, b, key_b) in zip(spans, spans[1:]):
        if s2 <= e1:
            out.append(F.make("E-REF-013", b.file, b.pos("start"), what=what, what_en=what_en,
                              a=a.data.get(key_a), b=b.data.get(key_b), start=s2, end=min(e1, e2)))
    return out


def _month_day(value) -> bool:
    try:
        return isinstance(value, str) and len(value) == 5 and bool(dt.date.fromisoformat(f"2000-{value}"))
    except ValueError:  # (2000 is a leap year: 02-29 is a day of the year)
        return False


def _no_days(rs: RecordSet):
    """(period id, item, its path to the value, the value) of each first, last or due day of a
    ledger period, in ledger.periods or ledger.earlier, that is no day of the year (E-REF-012)."""
    for p in _entries(rs.policy, "ledger", "periods"):
        for key in ("start", "end", "due"):
            value = p.data.get(key)
            if isinstance(value, str) and not _month_day(value):
                yield p.data.get("id"), p, (key,), value
    for e in _entries(rs.policy, "ledger", "earlier"):  # (the first, last and due days before a change)
        for key in ("start", "end", "due"):
            days = e.data.get(key)
            for code, value in days.items() if isinstance(days, dict) else ():
                if isinstance(value, str) and not _month_day(value):
                    yield code, e, (key, code), value


def days_are_no_days(rs: RecordSet, code: str) -> bool:
    """Whether period `code`'s own days (ledger.periods, ledger.earlier) are no days (E-REF-012 says
    where): its ledgers' folders are then not wrong (no E-REF-007 on each of them)."""
    return rs.policy is not None and any(c == code for c, *_ in _no_days(rs))


def _periods(rs: RecordSet) -> list[F.Finding]:
    periods = _entries(rs.policy, "ledger", "periods")
    out = _twice(periods, "id")
    spans = []
    out += [F.make("E-REF-012", item.file, item.pos(*path), value=value) for _, item, path, value in _no_days(rs)]
    for p in periods:
        days = {key: p.data.get(key) for key in ("start", "end", "due")}
        if not all(isinstance(v, str) and _month_day(v) for v in days.values()):
            continue  # (E-REF-012 above; the schema reports a value that is not text)
        if days["end"] < days["start"]:
            out.append(F.make("E-REF-008", p.file, p.pos("end"), start=days["start"], end=days["end"]))
        else:
            spans.append((days["start"], days["end"], p, "id"))
    return out + _overlaps(spans, "填报期间", "ledger periods")


def _statuses(rs: RecordSet) -> list[F.Finding]:
    statuses = _entries(rs.policy, "vocabularies", "feedback_statuses")
    out = _twice(statuses, "name")
    if statuses and not any(s.data.get("meaning") == "resolved" for s in statuses):
        out.append(F.make("E-REF-014", rs.policy.file, rs.policy.pos("vocabularies", "feedback_statuses")))
    return out


def _timezone(rs: RecordSet) -> list[F.Finding]:
    zone = rs.setting("institution", "timezone")
    if not isinstance(zone, str):
        return []  # (missing or not text: the schema says so)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
        return []
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return [F.make("E-REF-015", rs.policy.file, rs.policy.pos("institution", "timezone"), value=zone)]


def _calendar(rs: RecordSet) -> list[F.Finding]:
    years = _entries(rs.calendar, "academic_years")
    semesters = [s for y in years for s in _entries(y, "semesters")]
    out = _twice(years, "id") + _twice(semesters, "id")
    year_spans, semester_spans = [], []
    for y in years:
        start, end, yid = y.date("start"), y.date("end"), y.data.get("id")
        if start and end and start <= end:
            year_spans.append((start, end, y, "id"))
            expected = f"{start.year}-{start.year + 1}"
            if isinstance(yid, str) and yid != expected:
                out.append(F.make("E-REF-016", y.file, y.pos("id"), value=yid, expected=expected, start=start, end=end))
    for s in semesters:
        start, end = s.date("start"), s.date("end")
        if start and end and start <= end:
            semester_spans.append((start, end, s, "id"))
    return out + _overlaps(year_spans, "学年", "academic years") + _overlaps(semester_spans, "学期", "semesters")
