"""W-CHK-016 and W-CHK-018: the calendar's dates changed after a semester or year ended, and the
`corrected` entries that record a deliberate change.  The calendar's versions along HEAD's
first-parent history are read as the policy's (policy_history.file_versions: one `git log` of both
files, one `cat-file --batch`, kept for HEAD).
"""
from __future__ import annotations

import datetime as dt
from functools import partial

from generator.check.context import Context, opens
from generator.check.git_history import History
from generator.check.policy_history import file_versions
from generator.messages.check import HISTORY_LOST, W_CHK_016_FIX


def check_calendar_history(ctx: Context, history: History) -> str:
    """W-CHK-016: a semester's or an academic year's start or end changed in records/calendar.yaml after
    it had ended, or the semester or year taken out of it (or its id changed: a change of its dates the
    same day told under the new id too), or added to it after it had ended (a forgotten summer term: the
    contacts of its days, W-CHK-010 before, now count for it, and its minimum is owed).  The calendar keeps no
    earlier dates (a semester was what it was: the new dates are taken as the right ones), so the past
    is judged again by them — which contacts count for that semester, which classes were covered in
    that year — and this says so, at the changed line (a semester taken out: the line now where it
    was): the day of the change and both dates.  A change before the end (planning) is not told, nor
    one a `corrected` entry of that day says (start/end: the date before; removed, added: the id).
    W-CHK-018: a `corrected` entry that says no such change (its day, date or id mistyped, or the
    change made before the end): at its line, with the entries that would match (judged when the
    calendar's history was read, whatever --today: an entry of a change after it still matches; a calendar
    of one version has none).
    Whether the calendar's history could be read, as check_policy_history."""
    rs = ctx.rs
    if rs.calendar is None:
        return "ok"
    now = _dates(rs.calendar.data)
    entries = _corrected(rs.calendar.data)
    corrected = {key for e in entries for key in e[1]}
    versions, state = file_versions(rs.root, rs.calendar.doc.rel, ctx.tz, history, _dates)
    for keys, (day, say, before) in _calendar_changes([v for v in versions if v[1] <= ctx.today], now):
        missing = [key for key in keys if key not in corrected]  # (a replay: undone after it, still told)
        if missing:
            say(ctx, before=before, now=now, on=day.isoformat(), missing=missing)
    if versions or state == "ok":  # (one version: no change; outside Git, shallow: nothing known)
        _say_stale(ctx, entries, [keys for keys, _told in _calendar_changes(versions, now) if keys], len(versions) <= 1)
    return state


def _calendar_changes(versions: list, now: dict) -> list[tuple]:
    """(the `corrected` keys that would say it, (the day, how it is told, the version before)) of each
    change of an ended semester or year in the calendar's history, oldest first: a removal, or a
    semester's or year's dates changed on one day (start and end: one change, one entry; each day's
    last version against the day before's, as `corrected` names a change by its day).  A change
    undone later (the date put back, the semester put back as it was) keeps no keys: not told."""
    out, before, days = [], None, {}
    undo = {}  # path → [(the date before a told change, its key, its change's keys)]: a change back undoes them
    taken = {}  # (kind, id) → (its dates before it was taken out, the removal's keys): put back as it was, undone
    fresh = {}  # (kind, id) → its change's keys, of each one added after its end (taken out again: undone)
    for dates, day in versions:  # (each day's last version: a slip put right the same day is no change;
        if dates:  # a version that did not parse, or has no dated semester, is passed over)
            days.setdefault(day, dates)
    for day, dates in reversed(days.items()):
        on = day.isoformat()
        kept = {path[:2] for path in dates}
        gone = {}  # the keys of each ended year taken out → its semesters taken out with it (told with it)
        renames = {}  # (kind, the new id) → the old one, of each ended one renamed that day
        moved = {}  # (kind, id) → ({field: (the date before, after)}, their keys) of each one still there
        for path, (old, where) in (before or {}).items():
            new = dates.get(path, (None,))[0]
            kind, ident, field = path
            ended = before.get((kind, ident, "end"), (None,))[0]
            if new == old or not (ended and ended < on):
                continue
            if path[:2] not in kept and field == "end":
                if path[:2] in fresh:  # (added after its end, taken out again: undone)
                    fresh.pop(path[:2]).clear()
                    continue
                if kind == "semester" and where[:2] in gone:
                    gone[where[:2]].append(ident)
                    continue
                gone[where[:2]] = semesters = []
                keys = [(on, "removed", ident)]
                taken[path[:2]] = ({f: before[(kind, ident, f)][0] for f in ("start", "end")
                                    if (kind, ident, f) in before}, keys)
                renamed = next((i for (k, i, f), (_d, at) in dates.items() if k == kind and f == "end" and at == where
                                and (k, i, "end") not in before), None)  # (a new id at its place: renamed)
                out.append((keys, (day, partial(_say_removed, kind=kind, ident=ident, where=where,
                                                semesters=semesters, renamed=renamed), before)))
                if renamed:
                    renames[(kind, renamed)] = ident
            elif new is not None and path in now:
                stack = undo.setdefault(path, [])
                back = next((i for i, (was, _key, _keys) in enumerate(stack) if was == new), None)
                if back is not None:  # (the date put back: the changes since are undone)
                    for _was, key, keys in stack[back:]:
                        keys.remove(key)
                    del stack[back:]
                    continue
                fields, keys = moved.setdefault((kind, ident), ({}, []))
                fields[field] = (old, new)
                keys.append((kind, ident, on, field, old))
                stack.append((old, keys[-1], keys))
        if before is not None:
            out += _added(day, dates, before, now, renames, taken, fresh)
        for item, (was, keys) in list(taken.items()):
            if item in kept and all(dates.get((*item, f), (None,))[0] == v for f, v in was.items()):
                keys.clear()  # (put back as it was)
                del taken[item]
        out += [(keys, (day, partial(_say_changed, kind=kind, ident=ident, fields=fields), before))
                for (kind, ident), (fields, keys) in moved.items()]
        before = dates
    return out


def _added(day: dt.date, dates: dict, before: dict, now: dict, renames: dict, taken: dict, fresh: set) -> list[tuple]:
    """The changes of `day` (as _calendar_changes) of each semester or year still in the calendar that was
    added to it after it had ended (a forgotten summer term: the contacts of its days, outside every
    semester before, now count for it, and its minimum is owed) — a year's semesters added with it told
    with it — and of each one renamed that day whose dates changed too (told under its new id).  Each
    one added after its end goes into `fresh` with its change's keys (taken out again later: undone, not
    told; not yet on a day replayed, --today: told, though the calendar now no longer has it)."""
    on, out, years = day.isoformat(), [], {}
    year_at = {keys[:2]: y for (k, y, f), (_d, keys) in dates.items() if k == "year" and f == "end"}
    for (kind, ident, field), (ended, where) in dates.items():
        if field != "end" or (kind, ident, "end") in before or (kind, ident) in taken or (
                kind == "semester" and ("year", year_at.get(where[:2])) in renames):
            continue  # (a renamed year's semesters renamed with it: told with it)
        old = renames.get((kind, ident))
        if old is not None and (kind, ident, "end") in now:  # (renamed: its dates against the old id's)
            fields = {f: (before[(kind, old, f)][0], dates[(kind, ident, f)][0]) for f in ("start", "end")
                      if (kind, old, f) in before and (kind, ident, f) in dates
                      and before[(kind, old, f)][0] != dates[(kind, ident, f)][0]}
            keys = [(kind, ident, on, f, was) for f, (was, _new) in fields.items()]
            if keys:
                out.append((keys, (day, partial(_say_changed, kind=kind, ident=ident, fields=fields, was=old), before)))
        elif old is None and ended < on:
            keys = fresh[(kind, ident)] = []
            if kind == "semester" and where[:2] in years:
                years[where[:2]].append(ident)
                continue
            semesters = []  # (a year's, added with it: named in its finding)
            if kind == "year":
                years[where[:2]] = semesters
            keys.append((on, "added", ident))
            out.append((keys, (day, partial(_say_added, kind=kind, ident=ident, ended=ended, semesters=semesters,
                                            year=ident if kind == "year" else year_at.get(where[:2])), before)))
    return out


def _say_added(ctx: Context, kind: str, ident: str, ended: str, semesters: list, year: str | None, on: str,
               before: dict, now: dict, missing: list) -> None:
    """W-CHK-016 of a semester or year added to the calendar on `on`, after its end, at its line now (a
    year's `semesters` added with it named in its one finding), the entry to add to its year.  On a day
    replayed before it was taken out again (not in the calendar now): at its year's line now, else the
    first year's, saying it is gone and that nothing needs recording (an entry would be W-CHK-018's today)."""
    what, what_en = _WHAT[kind]["what"], _WHAT[kind]["what_en"]
    gone = (kind, ident, "end") not in now
    if gone:  # (at its year's line now, else the first year's; none: nowhere to tell it)
        ends = {y: keys[:2] for (k, y, f), (_d, keys) in now.items() if k == "year" and f == "end"}
        keys = ends.get(year) or min(ends.values(), default=None)
        if keys is None:
            return
    else:
        keys = now[(kind, ident, "end")][1][:-1]
    year = _at(ctx.rs.calendar.data, keys[:2]).get("id")
    _tell(ctx, ctx.rs.calendar.pos(*keys), gone, id=ident, day=on, ended=ended,
          **_WHAT[kind], **_how(ctx.rs.calendar, keys[:2], f"{{on: {on}, added: {ident}}}",
                                f"学年 {year}", f"the academic year {year}"),
          change=f"在 {on} 才加入校历" + (f"，连同它的学期 {'、'.join(semesters)}" if semesters else "")
          + ("（现在的校历中已经没有它）" if gone else ""),
          change_en=f"was added to the calendar on {on}" + (
              f", with its semesters {', '.join(semesters)}" if semesters else "")
          + (" (the calendar now no longer has it)" if gone else ""),
          now=f"以前的检查没有这个{what}，现在按它判断（{_WHAT[kind]['effect']}）",
          now_en=f"earlier checks had no such {what_en}, it is judged now ({_WHAT[kind]['effect_en']})",
          right=f"这个{what}本来就有，只是校历中漏写了", right_en=f"there was such a {what_en}, left out of the calendar",
          undo="把它从校历中删去", undo_en="take it out of the calendar again")


def _say_changed(ctx: Context, kind: str, ident: str, fields: dict, on: str, before: dict, now: dict,
                 missing: list, was: str | None = None) -> None:
    """W-CHK-016 of the dates of `missing` (the corrected keys no entry says) changed on `on`: one
    finding at the first one's line, one entry with them all (`was`: its id before, renamed that day)."""
    rs = ctx.rs
    told = [key[3] for key in missing]
    olds = ", ".join(f"{field}: {fields[field][0]}" for field in told)
    name = {"start": "开始日期", "end": "结束日期"}
    _tell(ctx, rs.calendar.pos(*now[(kind, ident, told[0])][1]), False, id=ident, day=on,
          ended=before[(kind, was or ident, "end")][0], **_WHAT[kind],
          **_how(rs.calendar, now[(kind, ident, told[0])][1][:-1], f"{{on: {on}, {olds}}}",
                 f"这个{_WHAT[kind]['what']}", f"this {_WHAT[kind]['what_en']}"),
          change=f"的{name[told[0]]}在 {on} " + "、".join(f"{'' if f == told[0] else name[f]}由 {fields[f][0]} 改为 "
                                                        f"{fields[f][1]}" for f in told),
          change_en=f"changed its {' and '.join(f'{f} from {fields[f][0]} to {fields[f][1]}' for f in told)} on {on}",
          now=f"它现在按新的日期判断（{_WHAT[kind]['effect']}）",
          now_en=f"it is now judged by the new dates ({_WHAT[kind]['effect_en']})",
          right=f"这个{_WHAT[kind]['what']}本来就是这些日期",
          right_en=f"the {_WHAT[kind]['what_en']} really had these dates",
          undo=f"把日期改回 {'、'.join(fields[f][0] for f in told)}",
          undo_en=f"change the {' and '.join(told)} back to {' and '.join(fields[f][0] for f in told)}")


def _tell(ctx: Context, pos, gone: bool, **params) -> None:
    """W-CHK-016 at `pos` of the calendar, its hint's advice (W_CHK_016_FIX) made of `params`: the `corrected` entry
    to add or the change to undo — or (`gone`: added after its end and taken out since, told in a replay of a day
    between) nothing to record, the addition being undone."""
    zh, en = W_CHK_016_FIX["gone" if gone else "record"]
    ctx.add("W-CHK-016", ctx.rs.calendar.file, pos, fix=zh.format_map(params), fix_en=en.format_map(params), **params)


def _say_stale(ctx: Context, entries: list, changes: list, lone: bool = False) -> None:
    """W-CHK-018 of each `corrected` entry with a key no change has (`changes`: the keys of each): the
    entries of the changes of the same semester or year (of a `removed`: every removal) that would
    match, or the semester or year whose change it matches (typed under the wrong one); `lone`: the
    calendar has one version in Git, its history maybe lost (HISTORY_LOST), not the entry mistyped."""
    known = {key for keys in changes for key in keys}
    for (kind, ident, keys, text), said in entries:
        if not all(key in known for key in said):
            would = history_lost(ctx.rs.calendar.file) if lone else _would(kind, ident, said, changes, known)
            ctx.add("W-CHK-018", ctx.rs.calendar.file, ctx.rs.calendar.pos(*keys), entry=text, id=ident,
                    what=_WHAT[kind]["what"], what_en=_WHAT[kind]["what_en"], **would)


def history_lost(file: str) -> dict:
    """The `would` of W-CHK-018 or W-CHK-021 of an entry in `file` (as shown), which has one version in Git."""
    return {"would": HISTORY_LOST[0].format(file=file), "would_en": HISTORY_LOST[1].format(file=file)}


def _would(kind: str, ident: str, said: list, changes: list, known: set) -> dict:
    what, what_en = _WHAT[kind]["what"], _WHAT[kind]["what_en"]
    removed = next((key[1] for key in said if key[1] in _WHOLE), None)  # ("removed" | "added" | None)
    owner = next((key[:2] for key in sorted(known) if not removed and key[1] not in _WHOLE and key[:2] != (kind, ident)
                  and all((*key[:2], *mine[2:]) in known for mine in said)), None)
    if owner:
        whose, whose_en = f"{_WHAT[owner[0]]['what']} {owner[1]}", f"the {_WHAT[owner[0]]['what_en']} {owner[1]}"
        return {"would": f"它对得上的是{whose} 的改动：请把它移到{whose} 的 corrected 中",
                "would_en": f"It matches a change of {whose_en}: move it to {whose_en}'s corrected"}
    near = [c for c in changes if c[0][1] == removed] if removed else [c for c in changes if c[0][:2] == (kind, ident)]
    if near:
        would = "、".join(dict.fromkeys(_entry_of(c) for c in near))
        return {"would": f"Git 历史中能对上的是 {would}，请改成" + ("它" if len(near) == 1 else "其中对的一项"),
                "would_en": f"What Git's history would match is {would}: write "
                            + ("that" if len(near) == 1 else "the right one") + " instead"}
    return {"would": ({"removed": "Git 历史中没有在结束以后删去过学期或学年",
                       "added": "Git 历史中没有在结束以后才加入校历的学期或学年"}.get(removed)
                      or f"Git 历史中这个{what}在结束以后没有改动过日期")
            + "（结束以前的改动不用记），请删去这一项",
            "would_en": ({"removed": "In Git's history nothing was removed from the calendar after it had ended",
                          "added": "In Git's history nothing was added to the calendar after it had ended"}.get(removed)
                         or f"In Git's history this {what_en}'s dates did not change after it had ended")
            + " (a change before its end needs no entry): delete the entry"}


def _entry_of(keys: list) -> str:
    if keys[0][1] in _WHOLE:
        return f"{{on: {keys[0][0]}, {keys[0][1]}: {keys[0][2]}}}"
    return f"{{on: {keys[0][2]}, " + ", ".join(f"{key[3]}: {key[4]}" for key in keys) + "}"


def _say_removed(ctx: Context, kind: str, ident: str, where: tuple, on: str, before: dict, now: dict,
                 semesters: list, renamed: str | None, missing: list) -> None:
    """W-CHK-016 of a semester or year taken out of the calendar (or renamed) on `on`, at the line now
    where it was (`where`: its end's keys then; a semester's place in its year as the year is now, a
    year's the year now that followed it — years put before it since moving them), the entry to add to
    its year (or that year, or the first); a
    year's `semesters` taken out with it are named in its one finding (its entry says them too)."""
    what, what_en = _WHAT[kind]["what"], _WHAT[kind]["what_en"]
    years = {y: keys[:-1] for (k, y, field), (_d, keys) in now.items() if k == "year" and field == "end"}
    at = {keys: y for y, keys in years.items()}  # (its year if still there, else the year now at its place)
    ends = [(keys[:2], y) for (k, y, field), (_d, keys) in before.items() if k == "year" and field == "end" and y in years]
    year = next((y for keys, y in ends if keys == where[:2]), None) or (  # (its year; a year: its new id, or the next)
        renamed if kind == "year" and renamed in years else None) or next(
        (y for keys, y in sorted(ends) if keys > where[:2]), at.get(where[:2], next(iter(years), "")))
    start = before.get((kind, ident, "start"), ("?",))[0]
    ended = before[(kind, ident, "end")][0]
    place = where[:-1] if year not in years else (*years[year], *where[2:-1]) if kind == "semester" else years[year]
    _tell(ctx, ctx.rs.calendar.pos(*place), False, id=ident, day=on, ended=ended,
          **_WHAT[kind], **_how(ctx.rs.calendar, years.get(year, ()), f"{{on: {on}, removed: {ident}}}",
                                f"学年 {year}", f"the academic year {year}"),
          change=(f"在 {on} 把编号改为 {renamed}（原来的编号从校历中没有了）" if renamed else f"在 {on} 从校历中删去了（或改了编号）")
          + (f"，连同它的学期 {'、'.join(semesters)}" if semesters else ""),
          change_en=(f"was renamed {renamed} on {on} (its old id is gone from the calendar)" if renamed
                     else f"was removed from the calendar (or renamed) on {on}") + (
              f", with its semesters {', '.join(semesters)}" if semesters else ""),
          now=f"原来按它判断的（{_WHAT[kind]['effect']}）现在没有这个{what}可以依据",
          now_en=f"what was judged by it ({_WHAT[kind]['effect_en']}) now has no such {what_en} to go by",
          right=f"校历中本来就不该有这个{what}，或编号写错了", right_en=f"there was no such {what_en}, or its id was wrong",
          undo=f"把它加回校历（{ident}，{start} 至 {ended}）", undo_en=f"put it back ({ident}, {start} to {ended})")


def _how(calendar, keys: tuple, entry: str, place: str, place_en: str) -> dict:
    """Where and what to type to add the `corrected` entry to the semester or year at `keys`, in the
    style the file writes it: inside a flow mapping's braces, a line under a block one (with its
    keys), into a `corrected` already there (a flow list's brackets, a block list's `- ` line)."""
    item = _at(calendar.data, keys)
    place += " " if place[-1:].isascii() else ""  # (学年 2025-2026 下, 这个学期下)
    if isinstance(item.get("corrected"), list):
        if opens(calendar, *keys, "corrected") == "[":
            return {"how": f"在{place}的 corrected 的方括号中最后加上 , {entry}",
                    "how_en": f"add , {entry} at the end of the brackets of {place_en}'s corrected"}
        return {"how": f"在{place}的 corrected 下（与其中各项对齐）加上一行 - {entry}",
                "how_en": f"add the line - {entry} under {place_en}'s corrected (aligned with its items)"}
    if opens(calendar, *keys) == "{":
        return {"how": f"在{place}的花括号中，最后一项之后、}} 之前加上 , corrected: [{entry}]",
                "how_en": f"add , corrected: [{entry}] inside {place_en}'s braces, after its last item, before the }}"}
    return {"how": f"在{place}下（与它的 start: 对齐）加上一行 corrected: [{entry}]",
            "how_en": f"add the line corrected: [{entry}] to {place_en} (aligned with its start:)"}


_WHAT = {"semester": {"what": "学期", "what_en": "semester", "effect": "哪些联系算在这个学期内、每学期联系次数是否达到要求",
                      "effect_en": "which contacts count in it, whether each cadre met the minimum"},
         "year": {"what": "学年", "what_en": "academic year", "effect": "新生班级在这一学年是否有人联系",
                  "effect_en": "whether its freshman classes had a cadre"}}


_WHOLE = ("removed", "added")  # (the `corrected` entries of a semester or year taken out, or added, as a whole)


def _at(data, keys: tuple) -> dict:
    for key in keys:
        data = data[key]
    return data


def _items(data):
    """("semester" | "year", the item, its keys in the calendar) of each academic year and semester."""
    years = data.get("academic_years") if isinstance(data, dict) else None
    for i, year in enumerate(years if isinstance(years, list) else []):
        semesters = year.get("semesters") if isinstance(year, dict) else None
        yield "year", year, ("academic_years", i)
        for j, s in enumerate(semesters if isinstance(semesters, list) else []):
            yield "semester", s, ("academic_years", i, "semesters", j)


def _day(value) -> str | None:
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        return None


def _dates(data) -> dict:
    """("semester" | "year", id, "start" | "end") → (the day, its keys in the calendar) of each one given."""
    out = {}
    for kind, item, keys in _items(data):
        for field in ("start", "end") if isinstance(item, dict) and isinstance(item.get("id"), str) else ():
            day = _day(item.get(field))
            if day:
                out[(kind, item["id"], field)] = (day, (*keys, field))  # (kept as text: marshal)
    return out


def _corrected(data) -> list[tuple]:
    """((kind, id, its keys in the calendar, the entry as written), the keys it says: (kind, id, the day of
    the change, "start" | "end", the date before it) of each date, (the day, "removed", the id) of a
    semester or year taken out) of each `corrected` entry."""
    out = []
    for kind, item, keys in _items(data):
        entries = item.get("corrected") if isinstance(item, dict) else None
        for i, e in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(e, dict):
                continue
            on = _day(e.get("on"))
            said = [(kind, item.get("id"), on, field, _day(e[field])) for field in ("start", "end") if field in e]
            said += [(on, op, str(e[op])) for op in _WHOLE if op in e]
            text = "{" + ", ".join(f"{k}: {v}" for k, v in e.items()) + "}"
            out.append(((kind, item.get("id"), (*keys, "corrected", i), text), said))
    return out
