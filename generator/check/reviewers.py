"""The units' reviewers (records/units.yaml: their Git accounts, who approve the unit's cadres' ledgers through
CODEOWNERS): one who is a cadre that has left office is told (W-CHK-022), as the admin guide's 干部离任 says."""
from __future__ import annotations

from generator.check.context import Context, iso


def check_reviewers_left_office(ctx: Context) -> None:
    """W-CHK-022 at a reviewer's account in units.yaml (of a unit still there) that is the Git account of a cadre whose
    active_to has passed by --today: CODEOWNERS, made from the reviewers, still lets them approve the unit's ledgers."""
    rs = ctx.rs
    left = {}  # Git account → (cadre, their last day), of each cadre who has left office
    for cadre, item in rs.cadres.items():
        last, account = item.date("active_to"), item.get("git")
        if ctx.valid(item) and last is not None and last < ctx.today and isinstance(account, str):
            left[account] = (cadre, last)
    if not left:
        return
    for uid, unit in rs.units.items():
        reviewers, until = unit.get("reviewers"), unit.date("until")
        if not ctx.valid(unit) or not isinstance(reviewers, list) or (until is not None and until < ctx.today):
            continue
        for i, account in enumerate(reviewers):
            if isinstance(account, str) and account in left:
                cadre, last = left[account]
                ctx.add("W-CHK-022", unit, unit.pos("reviewers", i), unit=ctx.unit_name(uid) or uid, account=account,
                        name=ctx.cadre_name(cadre), left=last, data={"unit": uid, "cadre": cadre, "left": iso(last)})
