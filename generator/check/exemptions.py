"""Exemptions (records/exemptions.yaml): listed with their state on --today.  How they
apply: see Context.exempt — an exemption for a rule silences that rule for a cadre in
every semester or ledger period its span overlaps, and on its days for contact points."""
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
        out.append({"cadre": cadre, "name": ctx.cadre_name(cadre) if cadre else None,
                    "rules": [r for r in rules if isinstance(r, str)] if isinstance(rules, list) else [],
                    "start": iso(start), "end": iso(end),
                    "reason": ex.get("reason") if isinstance(ex.get("reason"), str) else None,
                    "approved_by": ex.get("approved_by") if isinstance(ex.get("approved_by"), str) else None,
                    "state": state, "valid": ctx.valid(ex), "file": ex.file, "line": ex.pos()[0]})
    return out
