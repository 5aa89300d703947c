"""A unit that has ended (its `until`, records/units.yaml: merged or dissolved) holds no class,
club or cadre after that day: one still listed under it is to be moved to the unit that took it
over (named in the hint when the records say which: RecordSet.successor), or ended too (W-CHK-014).
History is not flagged: a class or club that ended no later than its unit, a cadre who left office
by then, an `earlier` post that ended by then.  (A reviewer of a unit who has left office: reviewers.py, W-CHK-022.)"""
from __future__ import annotations

import datetime as dt

from generator.check.context import Context, date_of, iso, opens, text
from generator.messages.check import W_CHK_014_ENDED
from generator.messages.words import KIND_ZH
from generator.model import Item


def check_ended_units(ctx: Context) -> None:
    rs = ctx.rs
    for kind, items in (("class", rs.classes), ("club", rs.clubs)):
        for ident, item in items.items():
            if ctx.valid(item):
                _flag(ctx, item, (), item.get("unit"), item.date("until"), kind, ident, text(item.get("name")) or ident)
    for cadre, item in rs.cadres.items():
        if not ctx.valid(item):
            continue
        name, left = ctx.cadre_name(cadre), item.date("active_to")
        _flag(ctx, item, (), item.get("unit"), left, "cadre", cadre, name)
        earlier = item.get("earlier")
        for i, post in enumerate(earlier if isinstance(earlier, list) else []):
            until = date_of(post.get("until")) if isinstance(post, dict) else None
            if until:  # (a post that ended by its unit's end is history)
                _flag(ctx, item, ("earlier", i), post.get("unit"), min(until, left) if left else until, "cadre", cadre,
                      name, post=until)


def _flag(ctx: Context, item: Item, at: tuple, unit, last: dt.date | None, kind: str, ident: str, name: str,
          post: dt.date | None = None) -> None:
    """W-CHK-014 at the `unit` of `item` (or of its `earlier` post `at`) when that unit ended before
    --today and `last`, the last day the class, club or post existed (None: it still does), is after it."""
    ended = ctx.rs.units.get(unit) if isinstance(unit, str) else None
    until = ended.date("until") if ended is not None else None
    if until is None or until >= ctx.today or (last is not None and last <= until):
        return
    # the unit that took it over, when the records say (its cadres moved there that day: RecordSet.successor)
    now = ctx.rs.successor(unit, ctx.today)
    to = ctx.unit_name(now) or now if now else None
    ended, ended_en = _ended(item, kind, until, post)
    ctx.add("W-CHK-014", item, item.pos(*at, "unit"), kind=KIND_ZH[kind], kind_en=kind, name=name, ended=ended,
            ended_en=ended_en,
            unit=ctx.unit_name(unit) or unit, until=until,
            successor=f"“{to}”" if to else "", successor_en=f", '{to}'" if to else "",
            unit_id=f"unit: {now}" if now else "unit 写那个单位的编号", unit_id_en=f"unit: {now}" if now else "unit: that unit's id",
            post=f"的以往任职（至 {post}）" if post else "", post_en=f"'s earlier post (until {post})" if post else "",
            data={kind: ident, "unit": unit, "until": iso(until)})



def _ended(item: Item, kind: str, until: dt.date, post: dt.date | None) -> tuple[str, str]:
    """W-CHK-014's words for what ended too (zh, en): its last day written as the record has the key — an `earlier`
    post's until, a class's or club's until, a cadre's active_to changed where written, else the line added."""
    if post is not None:
        zh, en = W_CHK_014_ENDED["post"]
        return zh.format(old=post, until=until), en.format(old=post, until=until)
    key, day, day_en = W_CHK_014_ENDED[kind]
    old = item.get(key)
    zh, en = W_CHK_014_ENDED["change" if isinstance(item.data, dict) and key in item.data
                             else "braces" if opens(item) == "{" else "add"]  # (a class written in braces: inside them)
    values = {"key": key, "day": day, "day_en": day_en, "until": until, "old": item.date(key) or old}
    return zh.format(**values), en.format(**values)
