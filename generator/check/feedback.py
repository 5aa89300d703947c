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
    items = [(led, fb) for led, fb in feedback_items(rs) if isinstance(fb.get("id"), str)]
    first: dict[str, tuple] = {}
    for led, fb in items:
        first.setdefault(fb.get("id"), (led, fb))
    parent = {fid: fb.get("follows") for fid, (led, fb) in first.items()
              if isinstance(fb.get("follows"), str) and fb.get("follows") in first and fb.get("follows") != fid}
    chains: dict[str, list] = {}
    for fid, (led, fb) in first.items():
        chains.setdefault(_root(fid, parent), []).append((led, fb))

    for led, fb in items:  # record-level checks of every item
        if not ctx.valid(led):
            continue
        status = fb.get("status")
        mean = meaning.get(status) if isinstance(status, str) else None
        if mean == "escalated" and not fb.get("escalated_to"):
            ctx.add("E-CHK-010", fb, fb.pos("status"), status=status, allowed="、".join(rs.vocab("escalation_targets")))
        if mean == "resolved":
            missing = [(zh, en) for key, zh, en in (("resolution", "解决情况（resolution）", "resolution"),
                                                     ("resolved_on", "解决日期（resolved_on）", "resolved_on"))
                       if not fb.get(key)]
            if missing:
                ctx.add("E-CHK-011", fb, fb.pos("status"), status=status, missing="和".join(m[0] for m in missing),
                        missing_en=" and ".join(m[1] for m in missing))
        for key, zh, en in (("raised_on", "反映日期", "raised_on"), ("resolved_on", "解决日期", "resolved_on")):
            day = fb.date(key)
            if day and day > ctx.today:
                ctx.add("E-CHK-006", fb, fb.pos(key), what=zh, what_en=en, value=day, today=ctx.today)

    out = []
    for root, links in chains.items():
        if len(links) > 1:  # (most items have no follow-up)
            links.sort(key=lambda lf: (_period_start(ctx, lf[0]), lf[1].date("raised_on") or dt.date.min))
        root_led, root_fb = first[root]
        prev = None
        for led, fb in links:
            mean = meaning.get(fb.get("status")) if isinstance(fb.get("status"), str) else None
            if prev is not None and prev[2] == "resolved" and mean and mean != "resolved" \
                    and not fb.get("note") and ctx.valid(led):
                ctx.add("E-CHK-012", fb, fb.pos("status"), ref=root, status=fb.get("status"),
                        resolved_period=prev[0].doc.folder)
            if mean:
                prev = (led, fb, mean)
        last_led, last = links[-1]
        status = last.get("status") if isinstance(last.get("status"), str) else None
        mean = meaning.get(status) if status else None
        raised = root_fb.date("raised_on")
        age = (ctx.today - raised).days if raised else None
        overdue = bool(mean in ("open", "escalated") and age is not None and age > limit)
        cadre = root_led.doc.stem
        unit = ctx.cadre_unit(cadre)
        if overdue:
            ctx.add("W-CHK-007", last, last.pos("status"), root=root, category=root_fb.get("category") or "",
                    age=age, status=status, limit=limit, data={"root": root, "age_days": age})
        out.append({"root": root, "status": status, "meaning": mean, "age_days": age, "overdue": overdue,
                    "unit": unit, "unit_name": ctx.unit_name(unit), "cadre": cadre,
                    "category": _text(root_fb.get("category")), "kind": _text(root_fb.get("kind")),
                    "raised_on": iso(raised),
                    "links": [_link(ctx, led, fb, meaning) for led, fb in links]})
    out.sort(key=lambda c: (c["raised_on"] or "", c["root"]))
    return out


def _text(value):
    return value if isinstance(value, str) else None


def _period_start(ctx: Context, led) -> dt.date:
    p = ctx.rs.period(led.doc.folder)
    return p.start if p else dt.date.min


def _link(ctx: Context, led, fb, meaning) -> dict:
    status = _text(fb.get("status"))
    return {"id": fb.get("id"), "ledger": led.doc.rel, "file": led.file,
            "period": led.doc.folder, "cadre": led.doc.stem,
            "raised_on": iso(date_of(fb.get("raised_on"))), "status": status,
            "meaning": meaning.get(status) if status else None,
            "escalated_to": _text(fb.get("escalated_to")), "resolution": _text(fb.get("resolution")),
            "resolved_on": iso(date_of(fb.get("resolved_on"))), "note": _text(fb.get("note")),
            "description": _text(fb.get("description"))}
