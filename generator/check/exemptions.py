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


RULES = {"zh": {"semester_contacts": "每学期联系学生", "ledger": "填报台账", "contact_point": "持有联系点"},
         "en": {"semester_contacts": "semester contacts", "ledger": "ledger", "contact_point": "contact point"}}
_SAID = {
    "zh": {"what": "{name}的{rule}", "yes": "免除了{what}", "share": "（占本期持有联系点天数的 {percent} %）",
           "no": "未免除{what}：只占本期持有联系点天数的 {percent} %，不足政策规定的 {min_percent} %{key}",
           "key": "（exemptions.min_percent）",
           "days": "豁免期间的每一天免于持有联系点", "nothing": "没有免除任何要求——", "join": "；",
           "outside": "没有免除任何要求：豁免期间不在校历的任何学期或台账期间之内"},
    "en": {"what": "the {rule} of {id}", "yes": "excused {what}", "share": " ({percent} % of the days holding a contact point)",
           "no": "did not excuse {what}: {percent} % of the days holding a contact point, under the policy's {min_percent} %{key}",
           "key": " (exemptions.min_percent)",
           "days": "each of its days excused from holding a contact point", "nothing": "excused nothing — ", "join": "; ",
           "outside": "excused nothing: its days are in no semester or ledger period of the calendar"},
}


def describe(entries: list[dict], rules: list, lang: str = "zh", keys: bool = True) -> str:
    """What an exemption excused (its `excused`: excused above), said: on the cadre's page and in check's text — the
    policy's key (exemptions.min_percent) after its number for the administrators who read check's, not on the public
    page (`keys` False), whose readers want words."""
    t, said = _SAID[lang], []
    for e in entries:
        what = t["what"].format(name=e["name"], id=e["id"], rule=RULES[lang].get(e["rule"], e["rule"]))
        if e["excused"]:
            said.append(t["yes"].format(what=what) + (t["share"].format(percent=e["percent"]) if e["percent"] is not None else ""))
        else:
            said.append(t["no"].format(what=what, percent=e["percent"] or 0, min_percent=e["min_percent"],
                                       key=t["key"] if keys else ""))
    if "contact_point" in rules:
        said.append(t["days"])
    if said and not any(e["excused"] for e in entries) and "contact_point" not in rules:
        said[0] = t["nothing"] + said[0]
    return t["join"].join(said) or t["outside"]
