"""R10, R11: the student-feedback loop.

Each item's status is a word whose meaning (open / in_progress / escalated / resolved)
comes from the policy.  A follow-up in a later ledger names the original with
`follows`; the items linked that way form a chain whose current status is its latest
link's.  Escalated needs escalated_to; resolved needs resolution and resolved_on; going
from resolved back to anything else needs a note.  Open or escalated chains older than
the policy's feedback.overdue_days (counted from the first link's raised_on) are overdue.
"""
from __future__ import annotations

import datetime as dt

from generator.check.context import Context, date_of, iso
from generator.check.facts import feedback_items


def _root(fid: str, parent: dict[str, str]) -> str:
    seen = {fid}
    while fid in parent and parent[fid] not in seen:
        fid = parent[fid]
        seen.add(fid)
    return fid


def check_feedback(ctx: Context) -> list[dict]:
    rs = ctx.rs
    meaning = rs.status_meaning()
    limit = ctx.setting_int("feedback", "overdue_days", default=60)
    # (ledger, item, the item's values): the values read straight (20,000 items at 12k)
    items = [(led, fb, fb.data) for led, fb in feedback_items(rs) if isinstance(fb.data.get("id"), str)]
    first: dict[str, tuple] = {}
    for entry in items:
        first.setdefault(entry[2]["id"], entry)
    parent = {fid: follows for fid, (_led, _fb, v) in first.items()
              if isinstance(follows := v.get("follows"), str) and follows in first and follows != fid}
    chains: dict[str, list] = {}
    for fid, entry in first.items():
        chains.setdefault(_root(fid, parent) if parent else fid, []).append(entry)

    for led, fb, v in items:  # record-level checks of every item
        if not ctx.valid(led):
            continue
        status = v.get("status")
        mean = meaning.get(status) if isinstance(status, str) else None
        if mean == "escalated" and not v.get("escalated_to"):
            ctx.add("E-CHK-010", fb, fb.pos("status"), status=status, allowed="、".join(rs.vocab("escalation_targets")))
        if mean == "resolved":
            missing = [(zh, en) for key, zh, en in (("resolution", "解决情况（resolution）", "resolution"),
                                                     ("resolved_on", "解决日期（resolved_on）", "resolved_on"))
                       if not v.get(key)]
            if missing:
                ctx.add("E-CHK-011", fb, fb.pos("status"), status=status, missing="和".join(m[0] for m in missing),
                        missing_en=" and ".join(m[1] for m in missing))
        for key, zh, en in (("raised_on", "反映日期", "raised_on"), ("resolved_on", "解决日期", "resolved_on")):
            day = date_of(v.get(key))
            if day and day > ctx.today:
                ctx.add("E-CHK-006", fb, fb.pos(key), what=zh, what_en=en, value=day, today=ctx.today)

    out = []
    for root, links in chains.items():
        if len(links) > 1:  # (most items have no follow-up)
            links.sort(key=lambda e: (_period_start(ctx, e[0]), date_of(e[2].get("raised_on")) or dt.date.min))
        root_led, _root_fb, root_v = first[root]
        prev = None
        for led, fb, v in links:
            mean = meaning.get(v.get("status")) if isinstance(v.get("status"), str) else None
            if prev is not None and prev[2] == "resolved" and mean and mean != "resolved" \
                    and not v.get("note") and ctx.valid(led):
                ctx.add("E-CHK-012", fb, fb.pos("status"), ref=root, status=v.get("status"),
                        resolved_period=prev[0].doc.folder)
            if mean:
                prev = (led, fb, mean)
        _last_led, last, last_v = links[-1]
        status = _text(last_v.get("status"))
        mean = meaning.get(status) if status else None
        raised = date_of(root_v.get("raised_on"))
        age = (ctx.today - raised).days if raised else None
        overdue = bool(mean in ("open", "escalated") and age is not None and age > limit)
        cadre = root_led.doc.stem
        unit = ctx.cadre_unit(cadre)
        if overdue:
            ctx.add("W-CHK-007", last, last.pos("status"), root=root, category=root_v.get("category") or "",
                    age=age, status=status, limit=limit, data={"root": root, "age_days": age})
        out.append({"root": root, "status": status, "meaning": mean, "age_days": age, "overdue": overdue,
                    "unit": unit, "unit_name": ctx.unit_name(unit), "cadre": cadre,
                    "category": _text(root_v.get("category")), "kind": _text(root_v.get("kind")),
                    "raised_on": iso(raised),
                    "links": [_link(led, v, meaning) for led, _fb, v in links]})
    out.sort(key=lambda c: (c["raised_on"] or "", c["root"]))
    return out


def _text(value):
    return value if isinstance(value, str) else None


def _period_start(ctx: Context, led) -> dt.date:
    p = ctx.rs.period(led.doc.folder)
    return p.start if p else dt.date.min


def _link(led, v: dict, meaning) -> dict:
    status = _text(v.get("status"))
    doc = led.doc
    return {"id": v.get("id"), "ledger": doc.rel, "file": doc.file,
            "period": doc.folder, "cadre": doc.stem,
            "raised_on": iso(date_of(v.get("raised_on"))), "status": status,
            "meaning": meaning.get(status) if status else None,
            "escalated_to": _text(v.get("escalated_to")), "resolution": _text(v.get("resolution")),
            "resolved_on": iso(date_of(v.get("resolved_on"))), "note": _text(v.get("note")),
            "description": _text(v.get("description"))}
