"""R10, R11: the student-feedback loop.

Each item's status is a word whose meaning (open / in_progress / escalated / resolved)
comes from the policy.  A follow-up in a later ledger names the original with
`follows`; the items linked that way form a chain whose current status is its latest
link's.  Escalated needs escalated_to; resolved needs resolution and resolved_on; going
from resolved back to anything else needs a note.  Open or escalated chains older than
the policy's feedback.overdue_days (counted from the first link's raised_on) are overdue.

Each item's own checks run with its cadre's other rules (`check_items`, by_cadre.py: kept
between runs).  The chains are worked out on every run (kept, their 20,000 rows at 12k take
as long to read back as to work out), in parts shared by two processes (`Parts`); for the JSON
report, each row is written as JSON by the process that works it out.
"""
from __future__ import annotations

import datetime as dt
from operator import itemgetter

from generator import findings as F
from generator import report
from generator.check.context import Context, date_of, iso
from generator.check.facts import ledger_facts
from generator.model import Item


def _root(fid: str, parent: dict[str, str]) -> str:
    seen = {fid}
    while fid in parent and parent[fid] not in seen:
        fid = parent[fid]
        seen.add(fid)
    return fid


def check_items(ctx: Context, ledgers) -> None:
    """Each feedback item's own checks (those with an id), in the cadre's valid ledgers."""
    meaning = ctx.rs.status_meaning()
    for led in ledgers:
        if not ctx.valid(led):
            continue
        for i, v in ctx.facts(led).feedback:
            if not isinstance(v.get("id"), str):
                continue
            fb = Item(led.doc, ("feedback", i), v)
            status = v.get("status")
            mean = meaning.get(status) if isinstance(status, str) else None
            if mean == "escalated" and not v.get("escalated_to"):
                ctx.add("E-CHK-010", fb, fb.pos("status"), status=status,
                        allowed="、".join(ctx.rs.vocab("escalation_targets")))
            if mean == "resolved":
                missing = [(zh, en) for key, zh, en in (("resolution", "解决情况（resolution）", "resolution"),
                                                         ("resolved_on", "解决日期（resolved_on）", "resolved_on"))
                           if not v.get(key)]
                if missing:
                    ctx.add("E-CHK-011", fb, fb.pos("status"), status=status,
                            missing="和".join(m[0] for m in missing), missing_en=" and ".join(m[1] for m in missing))
            for key, zh, en in (("raised_on", "反映日期", "raised_on"), ("resolved_on", "解决日期", "resolved_on")):
                day = date_of(v.get(key))
                if day and day > ctx.today:
                    ctx.add("E-CHK-006", fb, fb.pos(key), what=zh, what_en=en, value=day, today=ctx.today)


def chains_of(rs) -> list[tuple]:
    """(root id, the root's entry, its links) of each chain; an entry is (ledger, the item's index
    in the ledger's feedback, the item's values).  The values are read straight from the facts,
    ledgers in period order then file order (20,000 items at 12k: an Item is made only for a
    finding)."""
    facts = ledger_facts(rs)
    first: dict[str, tuple] = {}
    for _key, led in sorted(rs.ledgers.items()):
        for i, v in facts[led.doc.rel].feedback:
            fid = v.get("id")
            if isinstance(fid, str) and fid not in first:
                first[fid] = (led, i, v)
    parent = {fid: follows for fid, (_led, _i, v) in first.items()
              if isinstance(follows := v.get("follows"), str) and follows in first and follows != fid}
    chains: dict[str, list] = {}
    for fid, entry in first.items():
        chains.setdefault(_root(fid, parent) if fid in parent else fid, []).append(entry)
    return [(root, first[root], links) for root, links in chains.items()]


class Parts:
    """The chains' rows in `n` parts, each part (its rows, its findings packed) worked out by
    whichever process takes it (forked.shared: 13,000 chains at 12k); `rows` puts them together.
    `as_json`: each row comes as the JSON report writes it (report.item), and `rows` gives them as
    one report.Raw (report.raw_list): for `check --format json`, 13,000 rows at 12k are then
    neither read back from the copy as objects nor written out again (a one-ledger pull request's
    `check` at 12k: 443 → 425 ms)."""

    def __init__(self, rs, today: dt.date, strict: bool, n: int = 64, as_json: bool = False):
        self.n, self.as_json = n, as_json
        self._chains = chains_of(rs)  # (here, before the processes part: a copy would do it slower)
        self._make = _Chains(Context(rs, today, strict))

    def part(self, k: int) -> tuple[list, list]:
        """([(the row's place in the order, overdue, not resolved, the row), …], findings packed)."""
        found = self._make.ctx.findings
        before = len(found)
        rows = [self._make.chain(*chain) for chain in self._chains[k::self.n]]
        return ([((r["raised_on"] or "", r["root"]), r["overdue"], r["meaning"] != "resolved",
                  (report.item(r) if self.as_json else None) or r) for r in rows],
                [F.packed(f) for f in found[before:]])

    def rows(self, parts: list, ctx: Context) -> tuple[list | report.Raw, int, int]:
        """(the chains' rows, oldest first; how many are overdue; how many are not resolved),
        their findings added to ctx."""
        out = []
        for rows, found in parts:
            out += rows
            ctx.findings.extend(F.Finding(*f) for f in found)
        out.sort(key=itemgetter(0))
        rows = [r[3] for r in out]
        return report.raw_list(rows) if self.as_json else rows, sum(r[1] for r in out), sum(r[2] for r in out)


class _Chains:
    """Each chain's row (what every row needs worked out once: 13,000 chains at 12k)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.meaning = ctx.rs.status_meaning()
        self.limit = ctx.setting_int("feedback", "overdue_days", default=60)
        self._days: dict = {}  # a date as written → (the date, its ISO text), (None, None) if none
        self._ledgers: dict = {}  # ledger file → (file, shown name, period, cadre)

    def day(self, value) -> tuple:
        hit = self._days.get(value) if isinstance(value, str) else None
        if hit is None:
            day = date_of(value)
            hit = (day, iso(day))
            if isinstance(value, str):
                self._days[value] = hit
        return hit

    def chain(self, root: str, root_entry: tuple, links: list) -> dict:
        ctx, meaning, limit = self.ctx, self.meaning, self.limit
        if len(links) > 1:  # (most items have no follow-up)
            links.sort(key=lambda e: (_period_start(ctx, e[0]), self.day(e[2].get("raised_on"))[0] or dt.date.min))
        root_led, _root_i, root_v = root_entry
        prev = None
        for led, i, v in links:
            mean = meaning.get(v.get("status")) if isinstance(v.get("status"), str) else None
            if prev is not None and prev[1] == "resolved" and mean and mean != "resolved" \
                    and not v.get("note") and ctx.valid(led):
                fb = Item(led.doc, ("feedback", i), v)
                ctx.add("E-CHK-012", fb, fb.pos("status"), ref=root, status=v.get("status"),
                        resolved_period=prev[0].doc.folder)
            if mean:
                prev = (led, mean)
        last_led, last_i, last_v = links[-1]
        status = _text(last_v.get("status"))
        mean = meaning.get(status) if status else None
        raised, raised_iso = self.day(root_v.get("raised_on"))
        age = (ctx.today - raised).days if raised else None
        overdue = bool(mean in ("open", "escalated") and age is not None and age > limit)
        cadre = root_led.doc.stem
        unit = ctx.cadre_unit(cadre)
        if overdue:
            last = Item(last_led.doc, ("feedback", last_i), last_v)
            ctx.add("W-CHK-007", last, last.pos("status"), root=root, category=root_v.get("category") or "",
                    age=age, status=status, limit=limit, data={"root": root, "age_days": age})
        return {"root": root, "status": status, "meaning": mean, "age_days": age, "overdue": overdue,
                "unit": unit, "unit_name": ctx.unit_name(unit), "cadre": cadre,
                "category": _text(root_v.get("category")), "kind": _text(root_v.get("kind")),
                "raised_on": raised_iso,
                "links": [self.link(led, v) for led, _i, v in links]}

    def link(self, led, v: dict) -> dict:
        doc = led.doc
        where = self._ledgers.get(doc.rel)
        if where is None:
            where = self._ledgers[doc.rel] = (doc.rel, doc.file, doc.folder, doc.stem)
        status = v.get("status")
        if not isinstance(status, str):
            status = None
        get = v.get
        return {"id": get("id"), "ledger": where[0], "file": where[1], "period": where[2], "cadre": where[3],
                "raised_on": self.day(get("raised_on"))[1], "status": status,
                "meaning": self.meaning.get(status) if status else None,
                "escalated_to": _text(get("escalated_to")), "resolution": _text(get("resolution")),
                "resolved_on": self.day(get("resolved_on"))[1], "note": _text(get("note")),
                "description": _text(get("description"))}


def _text(value):
    return value if isinstance(value, str) else None


def _period_start(ctx: Context, led) -> dt.date:
    p = ctx.rs.period(led.doc.folder)
    return p.start if p else dt.date.min
