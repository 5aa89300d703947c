"""Exemptions (records/exemptions.yaml): listed with their state on --today, and what each excused.
How they apply: see Context.exempt — an exemption for a rule silences that rule for a cadre in
every semester or ledger period whose days it covers enough of (exemptions.min_percent), and on
its days for contact points."""
from __future__ import annotations

from generator.check.context import Context, iso


def list_exemptions(ctx: Context) -> list[dict]:
    out = []
    for ex in ctx.rs.exemptions:
        start, end = ex.date("start"), ex.date("end")
        cadre = ex.get("cadre") if isinstance(ex.get("cadre"), str) else None
        if end and end < ctx.today:
            state = "expired"
        elif start and start > ctx.today:
            state = "future"
        else:
            state = "active"
        rules = ex.get("rules")
        rules = [r for r in rules if isinstance(r, str)] if isinstance(rules, list) else []
        out.append({"cadre": cadre, "name": ctx.cadre_name(cadre) if cadre else None, "rules": rules,
                    "start": iso(start), "end": iso(end),
                    "reason": ex.get("reason") if isinstance(ex.get("reason"), str) else None,
                    "approved_by": ex.get("approved_by") if isinstance(ex.get("approved_by"), str) else None,
                    "state": state, "valid": ctx.valid(ex), "file": ex.file, "line": ex.pos()[0],
                    "excused": excused(ctx, cadre, rules, start, end) if cadre and start and end and start <= end else []})
    return out


def excused(ctx: Context, cadre: str, rules: list[str], start, end) -> list[dict]:
    """What an exemption of `cadre` for `rules` over [start, end] excused: for each semester
    (semester_contacts) or ledger period (ledger) it overlaps, {"rule", "id", "name", "percent": the
    share (%) of the days the cadre held a contact point in it that it covers (null: they held none),
    "min_percent": the share that excuses it (exemptions.min_percent then), "excused": whether the
    cadre's exemptions together excused it (Context.exempt)}.  contact_point works day by day: not listed."""
    out = []
    for rule, spans in (("semester_contacts", ctx.rs.semesters()), ("ledger", ctx.rs.periods_between(start, end))):
        if rule not in rules:
            continue
        for s in spans:
            if s.start > end or s.end < start:
                continue
            share = ctx.exempt_share(cadre, ((start, end),), s.start, s.end)
            out.append({"rule": rule, "id": s.id, "name": s.name,
                        "percent": share[0] * 100 // share[1] if share else None,
                        "min_percent": ctx.exempt_percent(s.start),
                        "excused": ctx.exempt(cadre, rule, s.start, s.end)})
    return out
