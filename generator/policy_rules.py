"""The policy's and the calendar's own consistency (a part of validate's reference stage).

The schemas say each value's type and form; these rules say the values make sense together, each
at its file:line:col — without them a period whose end is `06-31`, two periods with one id, or a
status list without "resolved" pass validate and then quietly change every ledger's judgement:

* policy.yaml `ledger.periods` (and `ledger.earlier`'s first, last and due days): each MM-DD a day of the year (E-REF-012; a value
  of another form is the schema's), no period
  starting on 02-29 (E-REF-018: 02-28 in other years, the day the period before ends), start not after end
  (E-REF-008), ids used once (E-REF-002), no day in two periods (E-REF-013); and, those being
  right, each due day (ledger.earlier's too) before the end of the period that follows (E-REF-021), and
  the periods as worked out year by year (RecordSet.period: ledger.earlier's days before a
  change, the current ones after) following one another day after day, across each change too:
  a day in no period, or in two, is said once (E-REF-019, `seams`);
* `vocabularies.feedback_statuses`: names used once (E-REF-002), one of them meaning resolved (E-REF-014);
* `vocabularies.renamed`: each new word a word of a word list (E-REF-020: else the old word is right nowhere);
* `vocabularies.synonyms`: each word a word of a word list or a status, none of its other ways of saying a word
  of that list (E-REF-023: else the entry is never told);
* `institution.timezone`: a time zone that exists (E-REF-015);
* calendar.yaml: academic year and semester ids used once (E-REF-002), a year's id its dates'
  years (E-REF-016), no day in two academic years or two semesters (E-REF-013).
"""
from __future__ import annotations

import datetime as dt
import re

from generator import findings as F
from generator.model import Item, RecordSet, month_day as day_of, parse_date
from generator.suggest import closest, phrased


def check_policy(rs: RecordSet) -> list[F.Finding]:
    out: list[F.Finding] = []
    if rs.policy is not None:
        out += _periods(rs)
        out += _statuses(rs)
        out += _renamed(rs)
        out += _synonyms(rs)
        out += timezone_errors(rs.policy)
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


_MM_DD = re.compile(r"(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")  # (the schema's form of a month-day)


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


def _leap_starts(rs: RecordSet):
    """(item, its path to the value) of each period's first day written 02-29 (ledger.periods,
    ledger.earlier's start): in other years it would be 02-28, the last day of the period before (E-REF-018).
    As an end or a due day 02-29 is the end of February, every year (model._month_day)."""
    for p in _entries(rs.policy, "ledger", "periods"):
        if p.data.get("start") == "02-29":
            yield p, ("start",)
    for e in _entries(rs.policy, "ledger", "earlier"):
        days = e.data.get("start")
        for code, value in days.items() if isinstance(days, dict) else ():
            if value == "02-29":
                yield e, ("start", code)


def days_are_no_days(rs: RecordSet, code: str) -> bool:
    """Whether period `code`'s own days (ledger.periods, ledger.earlier) are no days (E-REF-012 says
    where): its ledgers' folders are then not wrong (no E-REF-007 on each of them)."""
    return rs.policy is not None and any(c == code for c, *_ in _no_days(rs))


def _periods(rs: RecordSet) -> list[F.Finding]:
    periods = _entries(rs.policy, "ledger", "periods")
    out = _twice(periods, "id")
    spans = []
    out += [F.make("E-REF-012", item.file, item.pos(*path), value=value) for _, item, path, value in _no_days(rs)
            if _MM_DD.fullmatch(value)]  # (another form, 7-10 or 7月10日, is the schema's E-SCHEMA-005)
    out += [F.make("E-REF-018", item.file, item.pos(*path)) for item, path in _leap_starts(rs)]
    for p in periods:
        days = {key: p.data.get(key) for key in ("start", "end", "due")}
        if not all(isinstance(v, str) and _month_day(v) for v in days.values()):
            continue  # (E-REF-012 above; the schema reports a value that is not text)
        if days["end"] < days["start"]:
            out.append(F.make("E-REF-008", p.file, p.pos("end"), start=days["start"], end=days["end"]))
        else:
            spans.append((days["start"], days["end"], p, "id"))
    out += _overlaps(spans, "填报期间", "ledger periods")
    return out or _due_days([p for _, _, p, _ in spans]) + _earlier_due_days(rs) or _seams_said(rs)


def _due_days(periods: list[Item]) -> list[F.Finding]:
    """E-REF-021: a period's due day (a day before its start is the next year's: RecordSet.period) on or
    after the end of the period that follows it: its ledger falls due with the next one's or later — an H2
    due day copied from H1's (06-30) is the next June's, and nobody is told of a missing ledger for half a
    year.  (A due day before the period's last day is a university's choice: activities after it are added
    to the ledger handed in, whose submission is its first landing.)  Worked out in a common year."""
    year, out = 2027, []
    by_start = {p.data["start"]: p for p in periods}
    for p in periods:
        start, end = day_of(year, p.data["start"]), day_of(year, p.data["end"])
        due = day_of(year, p.data["due"])
        if due < start:
            due = day_of(year + 1, p.data["due"])
        first = end + dt.timedelta(days=1)
        nxt = by_start.get(first.strftime("%m-%d"))
        if nxt is None:
            continue
        after = day_of(first.year, nxt.data["end"])
        after = after if after >= first else day_of(first.year + 1, nxt.data["end"])
        if due >= after:
            out.append(F.make("E-REF-021", p.file, p.pos("due"), period=p.data.get("id"), due=p.data["due"],
                              start=p.data["start"], end=p.data["end"], days=(due - end).days, next=nxt.data.get("id"),
                              next_end=nxt.data["end"]))
    return out


def _earlier_due_days(rs: RecordSet) -> list[F.Finding]:
    """E-REF-021 of a due day in ledger.earlier (`due: {H2: 06-30}`), at it: as _due_days, of the periods it
    judges (those that began by its until, after the entry before it: RecordSet.period), worked out in
    the two years up to its until."""
    entries = rs.setting("ledger", "earlier", default=None)
    out = []
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        dues = entry.get("due") if isinstance(entry, dict) else None
        until = parse_date(entry.get("until")) if isinstance(dues, dict) else None
        for code, value in dues.items() if until else ():
            got = [p for year in (until.year - 1, until.year) for p in (rs.period(f"{year}-{code}"),)
                   if p and p.start <= until and next((u for u, _ in rs._earlier("ledger", ("due", code))
                                                       if u >= p.start), None) == until]
            for p in got[-1:]:
                nxt = next((n for y in (p.end.year, p.end.year + 1) for c in _codes(rs)
                            for n in (rs.period(f"{y}-{c}"),) if n and n.start == p.end + dt.timedelta(days=1)), None)
                if nxt is not None and p.due >= nxt.end:
                    out.append(F.make("E-REF-021", rs.policy.file, rs.policy.pos("ledger", "earlier", i, "due", code),
                                      period=code, due=value, start=f"{p.start:%m-%d}", end=f"{p.end:%m-%d}",
                                      days=(p.due - p.end).days, next=nxt.id.split("-", 1)[1], next_end=f"{nxt.end:%m-%d}"))
    return out


def seams(rs: RecordSet) -> list[tuple]:
    """(first day, last day, the periods that hold them: none or two) of each stretch of days that
    is in two ledger periods, or in none while the current periods leave no day out (a university
    may leave the summer out: remind's days between periods), as the periods are worked out
    (RecordSet.period) in the years around each change of ledger.earlier and in four years after
    the last (leap years among them)."""
    def compute():
        out = []
        for year in _window(rs) if _codes(rs) else ():  # (no periods: the schema says so)
            got = [rs.period(f"{year}-{code}") for code in _codes(rs)]
            if None in got:
                continue  # (a day that is none: E-REF-012; a value of the wrong kind: the schema)
            got.sort(key=lambda p: p.start)
            day, held = dt.date(year, 1, 1), None  # (the first day not yet in a period; the period that ended last)
            for p in got:
                if p.start > day:
                    out.append((day, p.start - dt.timedelta(days=1), ()))
                elif p.start < day and held is not None:
                    out.append((p.start, min(day - dt.timedelta(days=1), p.end), (held.id, p.id)))
                if p.end + dt.timedelta(days=1) > day:
                    day, held = p.end + dt.timedelta(days=1), p
            if day <= dt.date(year, 12, 31):
                out.append((day, dt.date(year, 12, 31), ()))
        return out if _leaves_no_day(rs) else [s for s in out if s[2]]
    return rs.memoized(("seams",), compute)


def _leaves_no_day(rs: RecordSet) -> bool:
    """Whether ledger.periods as written cover every day of a year, leap or not (then a day in no
    period is a mistake, not the university's design)."""
    periods = rs._periods()
    try:
        return all(_covered(periods, year) for year in (2027, 2028))
    except (ValueError, TypeError):  # (a day that is none: E-REF-012; of the wrong kind: the schema)
        return False


def _covered(periods: list[dict], year: int) -> bool:
    """Whether `periods` (month-days as written) cover every day of `year`."""
    day = dt.date(year, 1, 1)
    for p in sorted(periods, key=lambda p: str(p.get("start"))):
        start, end = day_of(year, p.get("start")), day_of(year, p.get("end"))
        if start > day:
            return False
        day = max(day, end + dt.timedelta(days=1))
    return day > dt.date(year, 12, 31)


def _window(rs: RecordSet) -> range:
    """The years `seams` works out: from four before the first change of a period's days (ledger.earlier's
    start, end) to four after the last, or four years (a leap year among them) when there is none."""
    untils = [u.year for key in ("start", "end") for code in _codes(rs) for u, _ in rs._earlier("ledger", (key, code))]
    return range(min(untils) - 4, max(untils) + 6) if untils else range(2024, 2028)


def in_no_period(rs: RecordSet, day: dt.date) -> bool:
    """Whether `day` is in a stretch that E-REF-019 says is in no period (an activity on it is not
    the cadre's to move: E-REF-004 is not said of it)."""
    return rs.policy is not None and any(a <= day <= b and not held for a, b, held in seams(rs))


def _codes(rs: RecordSet) -> list[str]:
    return [p.get("id") for p in rs._periods() if isinstance(p.get("id"), str)]


def _seams_said(rs: RecordSet) -> list[F.Finding]:
    found = seams(rs)
    if not found:
        return []
    years = _window(rs)
    groups: dict = {}  # (first MM-DD, last MM-DD, periods' codes) → the years it happens in
    for a, b, held in found:
        groups.setdefault((f"{a:%m-%d}", f"{b:%m-%d}", tuple(h.split("-", 1)[1] for h in held)), []).append(a.year)
    said, said_en = [], []
    for (a, b, held), ys in groups.items():
        if a == b == "02-29":
            when, when_en = "闰年", "leap years"
        elif ys[0] == years[0] and ys[-1] == years[-1]:
            when, when_en = "每年", "every year"
        elif ys[0] == years[0]:
            when, when_en = f"{ys[-1]} 年及以前", f"{ys[-1]} and before"
        elif ys[-1] == years[-1]:
            when, when_en = f"{ys[0]} 年起", f"from {ys[0]}"
        else:
            when, when_en = "、".join(map(str, ys)) + " 年", ", ".join(map(str, ys))
        days = a if a == b else f"{a} 至 {b}"
        days_en = a if a == b else f"{a} to {b}"
        said.append(f"{days}（{when}）" + (f"同时属于 {held[0]} 和 {held[1]}" if held else "不属于任何填报期间"))
        said_en.append(f"{days_en} ({when_en}) " + (f"in both {held[0]} and {held[1]}" if held else "in no ledger period"))
    # where: the ledger.earlier entry whose until is nearest such a day, else the period after the first
    day = found[0][0]
    entries = [e for e in _entries(rs.policy, "ledger", "earlier")
               if (e.date("until") and (isinstance(e.data.get("start"), dict) or isinstance(e.data.get("end"), dict)))]
    if entries:
        at = min(entries, key=lambda e: min(abs((e.date("until") - a).days) for a, _, _ in found)).pos()
    else:
        after = [p for p in _entries(rs.policy, "ledger", "periods") if p.data.get("start", "") > f"{day:%m-%d}"]
        at = (min(after, key=lambda p: p.data["start"]) if after else _entries(rs.policy, "ledger", "periods")[0]).pos("start")
    return [F.make("E-REF-019", rs.policy.file, at, days="；".join(said), days_en="; ".join(said_en))]


def _statuses(rs: RecordSet) -> list[F.Finding]:
    statuses = _entries(rs.policy, "vocabularies", "feedback_statuses")
    out = _twice(statuses, "name")
    if statuses and not any(s.data.get("meaning") == "resolved" for s in statuses):
        out.append(F.make("E-REF-014", rs.policy.file, rs.policy.pos("vocabularies", "feedback_statuses")))
    return out


_WORD_LISTS = ("forms", "places", "channels", "feedback_kinds", "feedback_categories", "escalation_targets",
               "suggestion_targets")  # (the lists of words: the statuses are not renamed so, their meaning is theirs)


def _renamed(rs: RecordSet) -> list[F.Finding]:
    words = {w for v in _WORD_LISTS for w in rs.vocab(v) if isinstance(w, str)}
    return [F.make("E-REF-020", e.file, e.pos("new"), old=e.data["old"], new=e.data["new"])
            for e in _entries(rs.policy, "vocabularies", "renamed")
            if isinstance(e.data.get("old"), str) and isinstance(e.data.get("new"), str) and e.data["new"] not in words]


_LIST_TITLES = {"forms": ("联系形式", "forms"), "places": ("联系场所", "places"), "channels": ("联系方式", "channels"),
                "feedback_kinds": ("反映类型", "feedback kinds"), "feedback_categories": ("反映类别", "feedback categories"),
                "escalation_targets": ("报告对象", "escalation targets"),
                "suggestion_targets": ("建议对象", "suggestion targets"), "feedback_statuses": ("办理状态", "statuses")}


def _synonyms(rs: RecordSet) -> list[F.Finding]:
    """E-REF-023 of a synonyms entry that does nothing: its word in no word list (no field's word is it), or
    one of its other ways of saying a word of its word's list (a ledger writing it is right: not told);
    each with its own fix."""
    lists = {v: set(rs.words(v)) for v in _WORD_LISTS + ("feedback_statuses",)}
    out = []
    for e in _entries(rs.policy, "vocabularies", "synonyms"):
        word, also = e.data.get("word"), e.data.get("also")
        if not isinstance(word, str):
            continue  # (the schema says)
        held = [v for v, words in lists.items() if word in words]
        said = [a.strip() for a in also if isinstance(a, str)] if isinstance(also, list) else []
        if not held:
            near = phrased(closest(word, sorted({w for words in lists.values() for w in words if isinstance(w, str)})))
            names = "、".join(zh for zh, _en in _LIST_TITLES.values())
            out.append(F.make(
                "E-REF-023", e.file, e.pos("word"), why=f"“{word}”不在任何词表中",
                why_en=f"'{word}' is a word of no word list",
                fix=f"{near['suggestion']}word 要写某个词表（{names}）中已有的词：请把 word 改成那个词，或先把“{word}”加进"
                    f"它该在的词表。改正之前，台账写了{'“' + '”“'.join(said) + '”' if said else '这些说法'}时，“怎么改”不会提示改成“{word}”。",
                fix_en=f"{near['suggestion_en'] and near['suggestion_en'] + ' '}word is a word of one of the lists ({', '.join(en for _zh, en in _LIST_TITLES.values())}):"
                       f" write that word, or first add '{word}' to its list. Until then a ledger saying "
                       f"{', '.join(repr(s) for s in said) if said else 'them'} is not told to write '{word}'."))
            continue
        for i, other in enumerate(also if isinstance(also, list) else []):
            inside = next((v for v in held if isinstance(other, str) and other.strip() in lists[v]), None)
            if inside:
                other, (title, title_en) = other.strip(), _LIST_TITLES[inside]
                out.append(F.make(
                    "E-REF-023", e.file, e.pos("also", i), why=f"“{other}”本身就是“{word}”所在词表中的词",
                    why_en=f"'{other}' is itself a word of the list of '{word}'",
                    fix=f"“{other}”是{title}中的一个词，台账写“{other}”本来就对，不会被提示改成“{word}”：请从这一项的 also 中删去"
                        f"“{other}”（如果它是要停用的旧说法，再从{title}中删去它，台账中的“{other}”就会被提示改成“{word}”）。",
                    fix_en=f"'{other}' is a word of the list of {title_en} itself: a ledger writing it is right and is never told to "
                           f"write '{word}'. Delete '{other}' from this entry's also (if it is an old word to retire, delete "
                           f"it from the list of {title_en} too, and ledgers saying it are told to write '{word}')."))
    return out


def timezone_errors(policy: Item) -> list[F.Finding]:
    """E-REF-015 when the policy `policy` names a time zone that does not exist (validate; the import too,
    whose day is the policy's)."""
    institution = policy.data.get("institution") if isinstance(policy.data, dict) else None
    zone = institution.get("timezone") if isinstance(institution, dict) else None
    if not isinstance(zone, str):
        return []  # (missing or not text: the schema says so)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(zone)
        return []
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return [F.make("E-REF-015", policy.file, policy.pos("institution", "timezone"), value=zone)]


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
