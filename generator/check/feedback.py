"""R10, R11: the student-feedback loop.

Each item's status is a word whose meaning (open / in_progress / escalated / resolved)
comes from the policy.  A follow-up in a later ledger names the original with
`follows`; the items linked that way form a chain whose current status is its latest
link's.  Escalated needs escalated_to; resolved needs resolution and resolved_on; going
from resolved back to anything else needs a note.  Open or escalated chains older than
the policy's feedback.overdue_days (counted from the first link's raised_on) are overdue.

Each item's own checks run with its cadre's other rules (`check_items`, by_cadre.py: kept
between runs).  Each chain's row is kept between runs as the JSON report writes it, with its
findings (cache.Memo), under a stamp of the ledgers its links are in and a digest of every other
record file: a pull request that changes one ledger works out the chains that ledger is in, and
reads the other rows back as bytes (as objects, 20,000 rows at 12k took as long to read back as
to work out).  Chains not kept are worked out in parts shared by two processes when there are
many of them (`Parts`).
"""
from __future__ import annotations

import datetime as dt
from operator import itemgetter

import orjson

from generator import findings as F
from generator import report
from generator.cache import Memo
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
    in the ledger's feedback, what it follows or None), read straight from the facts' links,
    ledgers in period order then file order (20,000 items at 12k: an item's values are read
    only for the chains worked out)."""
    facts = ledger_facts(rs)
    first: dict[str, tuple] = {}
    for _key, led in sorted(rs.ledgers.items()):
        for i, fid, follows in facts[led.doc.rel].links:
            if fid not in first:
                first[fid] = (led, i, follows)
    parent = {fid: follows for fid, (_led, _i, follows) in first.items()
              if follows is not None and follows in first and follows != fid}
    chains: dict[str, list] = {}
    for fid, entry in first.items():
        chains.setdefault(_root(fid, parent) if fid in parent else fid, []).append(entry)
    return [(root, first[root], links) for root, links in chains.items()]


class Parts:
    """The chains' rows, each worked out as (raised on, flags: 1 overdue, 2 not resolved, the row as
    the JSON report writes it (report.item), its findings packed or None).  Rows kept from an
    earlier run are read back; the others are worked out in `n` parts by whichever process takes
    each (forked.shared: 13,000 chains at 12k), or here when there are few (`n` = 0: a pull
    request's few chains are not worth a copy of this process).  `rows` puts them together."""

    SHARE_MIN = 1000  # chains to work out (≈20 µs each) below which a copy costs more than it gives

    def __init__(self, rs, today: dt.date, strict: bool, n: int = 64, as_json: bool = False):
        self.as_json = as_json
        ctx = Context(rs, today, strict)
        self._make = _Chains(ctx)
        self._facts = ledger_facts(rs)
        self._memo = Memo(rs.root, "chains", ctx.digest_of_others())
        self._kept: list = []  # (root, what was kept)
        self._todo: list = []  # (chain, stamp)
        memo = self._memo
        for chain, stamp in zip(*_stamped(ctx, chains_of(rs))):  # (here: a copy would group them slower)
            kept = memo.get(chain[0], stamp)
            if kept is None:
                self._todo.append((chain, stamp))
            else:
                self._kept.append((_order(chain[0], kept), kept))
        self.n = n if len(self._todo) >= self.SHARE_MIN else 0

    def part(self, k: int) -> list[tuple]:
        return [self._worked_out(*chain) for chain, _stamp in self._todo[k::self.n or 1]]

    def _worked_out(self, root: str, root_entry: tuple, links: list) -> tuple:
        facts, found = self._facts, self._make.ctx.findings
        before = len(found)
        root_entry, links = (*root_entry[:2], facts[root_entry[0].doc.rel].item(root_entry[1])), \
            [(led, i, facts[led.doc.rel].item(i)) for led, i, _follows in links]
        r = self._make.chain(root, root_entry, links)
        flags = (1 if r["overdue"] else 0) | (2 if r["meaning"] != "resolved" else 0)
        return r["raised_on"], flags, report.item(r) or r, tuple(F.packed(f) for f in found[before:]) or None

    def rows(self, parts: list, ctx: Context) -> tuple[list | report.Raw, int, int]:
        """(the chains' rows, oldest first; how many are overdue; how many are not resolved),
        their findings added to ctx; the rows worked out this run kept for the next."""
        if not self.n:
            parts = [self.part(0)]
        out = self._kept
        step = self.n or 1
        for k, results in enumerate(parts):
            for (chain, stamp), result in zip(self._todo[k::step], results):
                if type(result[2]) is bytes:  # (what orjson refuses is worked out again each run)
                    self._memo.put(chain[0], stamp, result)
                out.append((_order(chain[0], result), result))
        self._memo.save()
        out.sort(key=itemgetter(0))
        rows, overdue, open_ = [], 0, 0
        for _key, (_raised, flags, row, found) in out:
            rows.append(row if self.as_json or type(row) is not bytes else orjson.loads(row))
            overdue += flags & 1
            open_ += flags >> 1
            if found:
                ctx.findings.extend(F.Finding(*f) for f in found)
        return report.raw_list(rows) if self.as_json else rows, overdue, open_


def _order(root: str, result: tuple) -> str:
    """Where a chain's row goes: oldest first (raised on, none first), then by root.  (One text:
    a date is ten characters, and "\0" sorts before any of them.)"""
    return f"{result[0] or ''}\0{root}"


def _stamped(ctx: Context, chains: list) -> tuple[list, list]:
    """(the chains, the stamp of each): each link's ledger — its name, shown name, SHA-256 and
    whether it has errors — and the item's place in it; None when a ledger's bytes are not known.
    Everything else a row reads (the policy, the calendar, the cadres' units, --today, --strict)
    is in Context.digest_of_others, the memo's context."""
    tokens: dict = {}  # ledger → its part of a stamp: Context.ledger_stamp as one text ("": not known)

    def token(led) -> str:
        stamp = ctx.ledger_stamp(led)
        made = tokens[led] = "\0".join(map(str, stamp)) if stamp else ""
        return made

    stamps: list = []
    for _root, _entry, links in chains:
        if len(links) == 1:  # (most chains: an item with no follow-up)
            led, i, _follows = links[0]
            part = tokens.get(led)
            if part is None:
                part = token(led)
            stamps.append((part, i) if part else None)
            continue
        stamp: tuple | None = ()
        for led, i, _follows in links:
            part = tokens.get(led)
            if part is None:
                part = token(led)
            if not part:
                stamp = None
                break
            stamp += (part, i)
        stamps.append(stamp)
    return chains, stamps


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
