"""W-CHK-019 (R4): an assignment row that had begun, rewritten in Git instead of ended.

R4: a change of contact point inside a cycle is a new dated row, never a silent edit; the history
stays visible.  A row that had begun when a change landed (its `start` before that day) and that the
change took out — its class or club changed, its start moved, its cadre changed, or the row deleted —
leaves the days it counted judged by the rewritten row, and nothing in the records says who held
which point then.  Git knows: each version of each assignments file along HEAD's first-parent
history, read as the policy's and the calendar's (policy_history.file_versions: the same `git log`,
one `cat-file --batch` per file, kept for HEAD), each day's last version landed by --today (a slip put right the same day is no change, as the calendar's).
A row put back
since (with its `end`: the right way) is not told, nor a rewrite its row's `corrected` records (the row
as it is now: rewritten again since, its entries are still the row's).  W-CHK-021: a `corrected` entry
that records no rewrite of its row, judged against the whole history whatever --today (as W-CHK-018);
a file of one version has none.
"""
from __future__ import annotations

import datetime as dt

from generator.check.calendar_history import history_lost
from generator.check.context import Context, opens
from generator.check.git_history import History
from generator.check.policy_history import deleted_files, file_versions
from generator.messages.words import KIND_ZH


def check_assignment_history(ctx: Context, history: History) -> str:
    """W-CHK-019 of each started row rewritten or deleted; whether the history could be read."""
    rs, state = ctx.rs, "ok"
    for cycle in rs.cycles.values():
        versions, state_now = file_versions(rs.root, cycle.doc.rel, ctx.tz, history, _rows)
        state = state if state != "ok" else state_now
        rows = [r for r in rs.assignments if r.doc is cycle.doc]
        now = {_key(r.data): r for r in rows}
        days, before, put, pending = {}, None, {}, []  # (each day's last version: a slip put right the same day
        for version, day in versions:  # is no change)
            days.setdefault(day, version)
        for day, version in reversed(days.items()):  # (told by --today; an entry matches any change, as W-CHK-018)
            if before is not None:
                _compare(ctx, cycle, now, before, version, day.isoformat(), put, pending, day <= ctx.today)
            before = version
        changes = _tell(ctx, cycle, rows, now, pending, {old: new for new, old in put.items() if new is not None})
        if versions or state_now == "ok":  # (one version: no rewrite; outside Git, shallow: nothing known)
            _stale(ctx, rows, changes, cycle.file if len(versions) <= 1 else None)
    gone, state_gone = deleted_files(rs.root, "assignments", ctx.tz, history, _last)
    _deleted(ctx, [g for g in gone if g[0] not in {c.doc.rel for c in rs.cycles.values()}])
    return state if state != "ok" else state_gone


def _last(data, positions) -> list:
    """[the cycle's start, its end, [[row, its line and column]]] of a deleted file's last version."""
    cycle = data if isinstance(data, dict) else {}
    rows = cycle.get("assignments") if isinstance(cycle.get("assignments"), list) else []
    return [str(cycle.get("start") or ""), str(cycle.get("end") or ""),
            [[list(_key(r)), list(positions.get(("assignments", i)) or (1, 1))] for i, r in enumerate(rows) if isinstance(r, dict)]]


def _deleted(ctx: Context, gone: list) -> None:
    """W-CHK-019 of each row of a deleted assignments file that had begun by the day it was deleted and
    that no assignments file has now (moved as it was to another file: nothing taken out)."""
    now = {_key(r.data) for r in ctx.rs.assignments}
    shown = next((d.file[:len(d.file) - len(d.rel)] for d in ctx.rs.docs if d.file.endswith(d.rel)), "")
    for rel, (first, last, rows), day, sha in gone:
        on = day.isoformat()
        for row, pos in rows:
            old = tuple(row)
            if day > ctx.today or old in now or not old[3] < on or _never_counted(ctx, (first, last), old):
                continue
            ctx.add("W-CHK-019", shown + rel, tuple(pos), on=on, cadre=old[0], name=ctx.cadre_name(old[0]),
                    kind=KIND_ZH[old[1]], kind_en=old[1], kind_key=old[1], point=old[2], start=old[3],
                    last=(day - dt.timedelta(days=1)).isoformat(), change="随整个文件被删去了",
                    change_en="was deleted with the whole file", **_GONE, undo=_UNDO[0].format(commit=sha[:10], file=shown + rel),
                    undo_en=_UNDO[1].format(commit=sha[:10], file=shown + rel), fix="", fix_en="",
                    put="给原来的一行", put_en="ends the row", **_HAD, data=_was(old, day - dt.timedelta(days=1)))


def _was(old: tuple, last: dt.date, at_row: bool = False) -> dict:
    """W-CHK-019's data: the row taken out as it was (its cadre, its class or club, its last day counted), whose units
    the finding is of (check --unit: unit_scope) — not the row it is shown at, when it was deleted (`at_row`: shown at
    the row written in place of it, whose units it is of too)."""
    return {"was": {"cadre": old[0], old[1]: old[2], "day": last.isoformat()}, **({"at_row": True} if at_row else {})}


def _key(row) -> tuple:
    kind = "class" if row.get("class") else "club"
    return (str(row.get("cadre")), kind, str(row.get(kind)), str(row.get("start")))


def _rows(data) -> list:
    """[cadre, "class" | "club", the point, start] of each row of an assignments file's version."""
    rows = data.get("assignments") if isinstance(data, dict) else None
    return [list(_key(r)) for r in (rows if isinstance(rows, list) else []) if isinstance(r, dict)]


def _compare(ctx: Context, cycle, now: dict, before: list, after: list, on: str, put: dict, pending: list,
             tell: bool) -> None:
    """Each row of `before` that had begun by `on` and is not in `after`, onto `pending` as (the row, the row
    written in place of it or None, `on`, its index, `tell`: by --today); `put`: each row written in place of
    one (→ that one), whose removal, that one put back since, is the rewrite undone."""
    later = {tuple(r) for r in after}
    earlier = {tuple(r) for r in before}
    added = [tuple(r) for r in after if tuple(r) not in earlier]
    for i, old in enumerate(map(tuple, before)):
        if old in later or not old[3] < on:
            continue  # (still there, or not begun by the change)
        new = next((r for r in added if r[0] == old[0] and r[3] == old[3]), None) or next(
            (r for r in added if r[0] == old[0] and r[1:3] == old[1:3]), None) or next(
            (r for r in added if r[1:3] == old[1:3] and r[3] == old[3]), None)
        put[new] = old
        if old in now or put.get(old) in now or _never_counted(ctx, (cycle.get("start"), cycle.get("end")), old):
            continue  # (put back since, or written in place of one put back since, or never counted: W-CHK-013,
            # E-CHK-002)
        pending.append((old, new, on, i, tell))


def _tell(ctx: Context, cycle, rows: list, now: dict, pending: list, became: dict) -> dict:
    """W-CHK-019 of each of `pending` (_compare) to tell that the row it wrote — as it is now, rewritten
    since or not (`became`: each row → the one written in place of it) — does not acknowledge in its
    `corrected`; the row now (its key) → the `corrected` entry of each rewrite of it (W-CHK-021)."""
    changes = {}
    for old, new, on, i, tell in pending:
        final, seen = new, set()
        while final is not None and final not in now and final in became and final not in seen:
            seen.add(final)
            final = became[final]  # (rewritten again since: its entries are the row's now)
        row = now.get(final)
        entry = {"on": on, **_before(old, new)} if new is not None else None
        if row is not None and entry is not None:
            changes.setdefault(final, []).append(entry)
        if not tell or row is not None and entry is not None and _said(entry) in {_said(e) for _i, e in _entries(row)}:
            continue  # (a replay of a day before it; or a mistake corrected, as its row's `corrected` says)
        at = row or (rows[min(i, len(rows) - 1)] if rows else None)
        pos = at.pos() if at is not None else cycle.key_pos("assignments")
        last = dt.date.fromisoformat(new[3] if new and old[3] < new[3] else on) - dt.timedelta(days=1)
        ctx.add("W-CHK-019", cycle.file, pos, on=on, cadre=old[0], name=ctx.cadre_name(old[0]), kind=KIND_ZH[old[1]],
                kind_en=old[1], kind_key=old[1], point=old[2], start=old[3], last=last.isoformat(), undo="",
                undo_en="", put="把原来的一行加回来", put_en="puts the row back", had="", had_en="", **_what(old, new), **_entry(old, new, on, row),
                data=_was(old, last, row is not None))
    return changes


def _before(old: tuple, new: tuple) -> dict:
    """What a `corrected` entry gives of the row before the change: each of its values the change changed."""
    got = {"cadre": old[0]} if new[0] != old[0] else {}
    got.update({old[1]: old[2]} if new[1:3] != old[1:3] else {})
    return {**got, **({"start": old[3]} if new[3] != old[3] else {})}


def _entries(row) -> list:
    """(index, entry) of each entry of the row's `corrected`."""
    entries = row.get("corrected")
    return [(i, e) for i, e in enumerate(entries if isinstance(entries, list) else []) if isinstance(e, dict)]


def _said(entry: dict) -> frozenset:
    """A `corrected` entry as compared: its keys and values as text (a date as YAML reads it, or quoted)."""
    return frozenset((k, str(v)) for k, v in entry.items())


def _text(entry: dict) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in entry.items()) + "}"


def _stale(ctx: Context, rows: list, changes: dict, lone: str | None = None) -> None:
    """W-CHK-021 of each `corrected` entry of a row that matches no rewrite of it in the history (`changes`,
    whatever --today, as W-CHK-018): its day or a value mistyped, the rewrite before the row began (nothing to
    record), put back since, or the entry under another row; with the entries that would match.  `lone`: the
    file (as shown) when it has one version in Git: its history maybe lost (calendar_history.history_lost)."""
    for row in rows:
        key, mine = _key(row.data), changes.get(_key(row.data), [])
        for i, entry in _entries(row):
            if _said(entry) in {_said(c) for c in mine}:
                continue
            owner = next((r for r in rows if r is not row and _said(entry) in {_said(c) for c in changes.get(_key(r.data), [])}), None)
            if owner is not None:
                whose = f"干部“{ctx.cadre_name(owner.get('cadre'))}”联系{KIND_ZH[_key(owner.data)[1]]} {_key(owner.data)[2]}"
                whose_en = f"cadre '{ctx.cadre_name(owner.get('cadre'))}' with the {_key(owner.data)[1]} {_key(owner.data)[2]}"
                would = (f"它对得上的是{whose} 的那一行的改写：请把它移到那一行的 corrected 中",
                         f"It matches a rewrite of the row of {whose_en}: move it to that row's corrected")
            elif mine:
                texts = "、".join(dict.fromkeys(_text(c) for c in mine))
                would = (f"Git 历史中这一行能对上的是 {texts}，请改成" + ("它" if len(mine) == 1 else "其中对的一项"),
                         f"What Git's history would match for this row is {texts.replace('、', ', ')}: write "
                         + ("that" if len(mine) == 1 else "the right one") + " instead")
            elif lone is not None:
                would = tuple(history_lost(lone).values())
            else:
                would = ("Git 历史中这一行开始以后没有被改写过（开始以前的改动、原来的一行已经加回的改写都不用记），请删去这一项",
                         "In Git's history this row was not rewritten after it had begun (a change before it began, or "
                         "one whose row before has been put back, needs no entry): delete this entry")
            ctx.add("W-CHK-021", row, row.pos("corrected", i), entry=_text(entry), name=ctx.cadre_name(key[0]),
                    kind=KIND_ZH[key[1]], kind_en=key[1], point=key[2], start=key[3],
                    would=would[0], would_en=would[1])


def _entry(old: tuple, new: tuple | None, on: str, row) -> dict:
    """The hint's other way: the `corrected` entry that records the change as the correction of a mistake
    (`row`: the rewritten row now; one with a `corrected` already takes it inside its brackets, a second
    `corrected:` line being a duplicate key)."""
    if new is None:
        return {"fix": "", "fix_en": ""}
    entry = _text({"on": on, **_before(old, new)})
    if row is not None and _entries(row) and opens(row, "corrected") != "[":  # (a list of lines: one more line)
        where, where_en = f"在改写后的这一行的 corrected 下（与其中各项对齐）加上一行 - {entry}", \
            f"add the line - {entry} under the rewritten row's corrected (aligned with its items)"
    elif row is not None and _entries(row):
        where, where_en = f"在改写后的这一行的 corrected 的方括号中加上 {entry}（与前一项用逗号隔开）", \
            f"add {entry} inside the brackets of the rewritten row's corrected (after a comma)"
    elif row is not None and opens(row) == "{":  # (a row written in braces: inside them)
        where, where_en = f"在改写后的这一行的花括号中，最后一项之后、}} 之前加上 , corrected: [{entry}]", \
            f"add , corrected: [{entry}] inside the rewritten row's braces, after its last item, before the }}"
    else:
        where, where_en = f"在改写后的这一行下（与它的 start: 对齐）加上一行 corrected: [{entry}]", \
            f"add the line corrected: [{entry}] to the rewritten row (aligned with its start:)"
    return {"fix": f"如果原来的一行只是写错了（没有人按它联系过），不用加回，而{where}，并在提交说明中写明更正原因。",
            "fix_en": f" If the row before was simply wrong (no one held it), do not put it back: {where_en} and give "
                      "the reason in the commit message."}


def _never_counted(ctx: Context, span: tuple, old: tuple) -> bool:
    """A row that began after its class or club ended (W-CHK-013 asks to delete or repoint it), or outside
    its cycle (`span`: its start and end; E-CHK-002 asks to correct it): putting it right is no rewrite."""
    item = (ctx.rs.classes if old[1] == "class" else ctx.rs.clubs).get(old[2])
    until = item.date("until") if item is not None else None
    first, last = (str(value or "") for value in span)
    return until is not None and until.isoformat() < old[3] or not first <= old[3] <= (last or old[3])


def _what(old: tuple, new: tuple | None) -> dict:
    if new is None:
        return {"change": "被删去了", "change_en": "was deleted", **_GONE}
    said, said_en = [], []
    if new[0] != old[0]:
        said.append(f"干部改为 {new[0]}"), said_en.append(f"its cadre changed to {new[0]}")
    if new[1:3] != old[1:3]:
        said.append(f"联系点改为{KIND_ZH[new[1]]} {new[2]}")
        said_en.append(f"its contact point changed to the {new[1]} {new[2]}")
    if new[3] != old[3]:
        said.append(f"开始日期改为 {new[3]}"), said_en.append(f"its start moved to {new[3]}")
    return {"change": "被改写：" + "，".join(said), "change_en": "was rewritten: " + ", ".join(said_en),
            "now": "它的那些日子现在按改写后的安排判断，记录中看不出那段时间由谁联系哪个联系点",
            "now_en": "its days are now judged by the rewritten row, and the records no longer show who held which point then"}


_GONE = {"now": "记录中已经没有这一行，它的那些日子算作这位干部没有联系这个联系点，看不出那段时间由谁联系它",
         "now_en": "the records no longer have the row: its days count as if the cadre had not held the point, and "
                   "nothing shows who held it then"}  # (a row deleted, alone or with its file: no rewritten row)


_UNDO = ("先用 git checkout {commit}^ -- {file} 把删去的文件找回来（{commit} 是删去它的提交；删错了的，找回并提交即可），"
         "要结束这条安排的，再在其中",
         "first brings the deleted file back with git checkout {commit}^ -- {file} ({commit} is the commit that deleted "
         "it; if it was deleted by mistake, that and a commit are all), and, to end this assignment, ")
# (W-CHK-019 of a file deleted: the row brought back is as it was — an end or a reason it had is changed, not written
# a second time, E-YAML-003; a row put back by hand is typed whole: nothing said)
_HAD = {"had": "——找回的这一行已写了 end 或 reason 的，改那一行的值，不要再加一行（同一行写两次是 YAML 的错误）",
        "had_en": " (where the row brought back has an end or a reason already, change that line's value: a key written "
                  "twice is a YAML error)"}
