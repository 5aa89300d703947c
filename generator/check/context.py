"""What every policy check shares: the record set, --today, strictness, exemptions,
and small safe helpers (dates, spans) that never raise on bad records."""
from __future__ import annotations

import datetime as dt
import hashlib
from functools import cached_property

from generator import findings as F
from generator.archive import archived_by, frozen_ledgers, meanings_then, status_meanings
from generator.check.facts import Days, Facts, ledger_facts
from generator.messages import MESSAGES
from generator.model import Item, RecordSet
from generator.validate import parse_date

ONE_DAY = dt.timedelta(days=1)


def iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else None


def as_int(value, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


EXEMPT_PERCENT = 50  # (exemptions.min_percent when the policy does not say: its schema's default)


def exempt_percent(rs: RecordSet, start: dt.date | None = None) -> int:
    """The share of its days (%) exemptions cover to excuse a semester or period beginning on `start` (None: the share
    in force now): exemptions.min_percent, or exemptions.earlier's for one that began before a change (RecordSet.in_force).
    The one place that reads it: the checks judge by it, a cadre's page says it (site.aggregate)."""
    value = rs.setting("exemptions", "min_percent") if start is None else rs.in_force(start, "exemptions", "min_percent")
    return as_int(value, EXEMPT_PERCENT)


def min_contacts(rs: RecordSet, start: dt.date) -> int:
    """The contacts a semester beginning on `start` requires of a cadre who owes it (R5): contacts.min_per_semester, or
    contacts.earlier's for one that began before a change (RecordSet.in_force); 1 where the policy gives no number
    (validate says).  The one place that reads it: the checks judge by it, the site's pages say it (site.aggregate)."""
    return as_int(rs.in_force(start, "contacts", "min_per_semester"), 1)


def opens(item: Item, *sub) -> str:
    """The character the value of `item` at `sub` (the item itself: none) begins with in its file: '[' a flow list,
    '{' a flow mapping (a hint's line to type is then written inside it)."""
    line, col = item.pos(*sub)
    lines = item.doc.text.splitlines()
    return lines[line - 1][col - 1:col] if 0 < line <= len(lines) and col > 0 else ""


def text(value) -> str | None:
    return value if isinstance(value, str) else None


def _two_dates(kept: dict, items: dict, key: str, first: str, last: str) -> tuple:
    """(first, last) dates of items[key] ((None, None) when there is none), kept in `kept`."""
    hit = kept.get(key)
    if hit is None:
        item = items.get(key)
        hit = kept[key] = (item.date(first), item.date(last)) if item else (None, None)
    return hit


class RowDates:
    """An assignment row's dates as RecordSet reads them: `start` and `end` as written, `last`
    (row_end: its end, else its cycle's), `until` (point_until), `span_end` (assignment_span's end)
    and `void` (begins_after_point)."""

    __slots__ = ("start", "end", "last", "until", "span_end", "void")

    def __init__(self, row: Item, cycle_end: dt.date | None, until: dt.date | None):
        start, end = row.date("start"), row.date("end")
        self.start, self.end, self.until = start, end, until
        self.last = last = end or cycle_end
        self.span_end = until if until and (last is None or until < last) else last
        self.void = bool(until and start and until < start)


class Context:
    def __init__(self, rs: RecordSet, today: dt.date, strict: bool = False, findings: list | None = None):
        self.rs, self.today, self.strict = rs, today, strict
        self.findings: list = [] if findings is None else findings
        self.asked: tuple | None = None  # (git_history.ask's answer,) once the history's reading has it
        self._indexes()

    # ---- findings ------------------------------------------------------
    def add(self, code: str, item_or_file, pos=None, **params) -> F.Finding:
        """Record a finding.  Codes marked `strict: True` in messages/check.py are warnings
        that become errors with --strict."""
        entry = MESSAGES[code]
        severity = F.ERROR if self.strict and entry.get("strict") else entry["severity"]
        file = item_or_file.file if isinstance(item_or_file, Item) else str(item_or_file)
        data = params.pop("data", None)
        finding = F.make(code, file, pos, severity=severity, data=data, **params)
        self.findings.append(finding)
        return finding

    # ---- records -------------------------------------------------------
    def valid(self, item: Item | None) -> bool:
        return item is not None and item.doc.rel not in self.rs.invalid

    @cached_property
    def archived(self) -> dict:
        """period → its archive manifest's data, of the periods archived by --today (a --today
        before the archive replays a day when the period was not archived yet)."""
        return {p: doc.data for p, doc in archived_by(self.rs, self.today).items()}

    @cached_property
    def _frozen(self) -> set:
        return frozen_ledgers(self.rs, self.today)

    @cached_property
    def meaning(self):
        """ledger → its feedback statuses' meanings (archive.status_meanings: a frozen ledger's as archived)."""
        return status_meanings(self.rs, self.today, self.meanings_then)

    @cached_property
    def meanings_then(self) -> dict:
        """archive.meanings_then: the policy when archived of the manifests that record no meanings."""
        return meanings_then(self.rs, self.today, self.asked)

    def frozen(self, led: Item) -> bool:
        """Whether the ledger is of an archived period and as archived (archive.frozen_ledgers, as
        the references stage asks).  Archiving refused errors in its ledgers (E-FLOW-005) and no one
        may change them since (E-ARCH-001, E-OWN-002): what the rules that judge a ledger against
        the other records (assignments, terms of office, the calendar, the statuses' meanings) would
        say of it now comes from those records as changed since, so they do not judge it; what the
        ledger says itself (a date after --today, personal data) still is.  An amended ledger is the
        administrator's, written now: judged by today's rules."""
        return (led.doc.folder, led.doc.stem) in self._frozen

    # ---- what a result kept between runs depends on (cache.Memo) ---------
    def digest_of_others(self) -> str | None:
        """Of every record file but the ledgers (files of no known kind feed no rule): its name,
        shown name (and so the records folder's), SHA-256 and whether it has errors; --today and
        --strict.  None when a file's bytes are not known (unreadable, missing): then nothing
        is kept."""
        if self._others is None:
            parts = [iso(self.today), str(self.strict)]
            for doc in self.rs.docs:
                if doc.kind is None or doc.kind == "ledger":
                    continue
                if not doc.sha256:
                    self._others = ""
                    break
                parts += [doc.rel, doc.file, doc.sha256, str(doc.rel in self.rs.invalid)]
            else:
                # (and what Git says the statuses of a manifest that records none meant: archive.meanings_then)
                parts += [repr(sorted(self.meanings_then.items()))]
                self._others = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
        return self._others or None

    def setting_int(self, *keys, default: int, on: dt.date | None = None) -> int:
        """A policy number; with `on`, the one in force on that day (RecordSet.in_force)."""
        value = self.rs.setting(*keys, default=default) if on is None else self.rs.in_force(on, *keys)
        return as_int(value, default)

    def cadre_name(self, cadre: str) -> str:
        return self._cadre(cadre)[0]

    def cadre_unit(self, cadre: str) -> str | None:
        return self._cadre(cadre)[1]

    def cadre_unit_on(self, cadre: str, day: dt.date | None) -> str | None:
        """The cadre's unit on `day` (records/cadres' `earlier` posts: a cadre who moved keeps
        their past in the unit they were in)."""
        return text(self.rs.cadre_on(cadre, day)[0])

    def unit_name(self, unit: str | None) -> str | None:
        if unit not in self._unit_names:
            item = self.rs.units.get(unit) if unit else None
            self._unit_names[unit] = text(item.get("name")) if item else None
        return self._unit_names[unit]

    def _cadre(self, cadre: str) -> tuple[str, str | None]:
        """(name, unit) of a cadre, looked up once (every rule asks, for every row)."""
        hit = self._cadres.get(cadre)
        if hit is None:
            item = self.rs.cadres.get(cadre)
            name = item.get("name") if item else None
            hit = self._cadres[cadre] = (name if isinstance(name, str) else cadre,
                                         text(item.get("unit")) if item else None)
        return hit

    def point_name(self, point) -> str | None:
        item = self.rs.classes.get(point) or self.rs.clubs.get(point)
        return text(item.get("name")) if item else None

    def point_unit(self, point) -> str | None:
        item = self.rs.classes.get(point) or self.rs.clubs.get(point)
        return text(item.get("unit")) if item else None

    # ---- time ----------------------------------------------------------
    def cadre_span(self, cadre: str) -> tuple[dt.date | None, dt.date | None]:
        return _two_dates(self._cadre_spans, self.rs.cadres, cadre, "active_from", "active_to")

    def cycle_dates(self, cycle: str) -> tuple[dt.date | None, dt.date | None]:
        """(start, end) of an assignment cycle (None, None when there is none), read once a run."""
        return _two_dates(self._cycle_dates, self.rs.cycles, cycle, "start", "end")

    def dates(self, row: Item) -> RowDates:
        """An assignment row's dates, worked out once a run (the rules ask each several times)."""
        hit = self._row_dates.get(id(row))
        if hit is None:
            hit = self._row_dates[id(row)] = RowDates(row, self.cycle_dates(row.doc.stem)[1], self.rs.point_until(row))
        return hit

    def row_span(self, row: Item) -> tuple[dt.date | None, dt.date | None]:
        """Where an assignment row is in force: its dates (the cycle's end when open),
        within the cadre's time in office."""
        span = self._spans.get(id(row))
        if span is None:
            span = self._spans[id(row)] = self._row_span(row)
        return span

    def _row_span(self, row: Item) -> tuple[dt.date | None, dt.date | None]:
        d = self.dates(row)
        start, end = d.start, d.span_end
        if not start:
            return None, None
        cadre = row.get("cadre")
        a_from, a_to = self.cadre_span(cadre) if isinstance(cadre, str) else (None, None)
        if a_from and a_from > start:
            start = a_from
        if a_to and (end is None or a_to < end):
            end = a_to
        if end is None:
            end = dt.date.max
        return (start, end) if start <= end else (None, None)

    def rows_by_cadre(self) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {}
        for row in self.rs.assignments:
            cadre = row.get("cadre")
            if isinstance(cadre, str) and cadre in self.rs.cadres:
                out.setdefault(cadre, []).append(row)
        return out

    def held_during(self, cadre: str, start: dt.date, end: dt.date) -> tuple[Item, ...]:
        """Assignment rows of `cadre` in force on some day of [start, end] (each question answered
        once: the deadlines, the ledgers' content and the semesters ask the same periods)."""
        key = (cadre, start, end)
        hit = self._held.get(key)
        if hit is None:
            hit = self._held[key] = tuple(row for s, e, row in self.in_force(cadre) if s <= end and e >= start)
        return hit

    def in_force(self, cadre: str) -> list[tuple[dt.date, dt.date, Item]]:
        """(start, end, row) of each of the cadre's assignment rows in force on some day (row_span)."""
        spans = self._in_force.get(cadre)
        if spans is None:
            spans = self._in_force[cadre] = [(s, e, row) for row in self.rows.get(cadre, ())
                                             for s, e in (self.row_span(row),) if s]
        return spans

    def held_spans(self, cadre: str) -> tuple[tuple[dt.date, dt.date], ...]:
        """The days on which the cadre held a contact point, as (first, last) spans in order, apart
        from each other: the spans of their rows in force (in_force) joined where they overlap or
        meet — most cadres' one.  A day is in one of them when held_during of the day is not empty;
        a semester or period all of whose days one holds is held all through, by one row or rows
        that follow each other (asked of each cadre's semesters, periods and activities)."""
        hit = self._held_spans.get(cadre)
        if hit is None:
            out: list = []
            for a, b in sorted((a, b) for a, b, _ in self.in_force(cadre)):
                if out and (a - out[-1][1]).days <= 1:  # (no day between: one span)
                    if b > out[-1][1]:
                        out[-1] = (out[-1][0], b)
                else:
                    out.append((a, b))
            hit = self._held_spans[cadre] = tuple(out)
        return hit

    def _indexes(self) -> None:
        self._spans: dict = {}  # id(row) → row_span(row); rows live as long as the record set
        self._row_dates: dict = {}  # id(row) → dates(row)
        self._cycle_dates: dict = {}  # cycle → cycle_dates
        self._cadre_spans: dict = {}  # cadre → cadre_span
        self._in_force: dict = {}  # cadre → [(start, end, row)] of their rows in force on some day
        self._held: dict = {}  # (cadre, start, end) → held_during
        self._held_spans: dict = {}  # cadre → held_spans
        self._cadres: dict = {}  # cadre → (name, unit)
        self._unit_names: dict = {}  # unit → its name
        self._exempt_spans: dict = {}  # (cadre, rule) → exemptions_for
        self._years: dict = {}  # (first year, last year) → periods_of_years
        self._facts: dict | None = None  # ledger file → its Facts (facts.ledger_facts)
        self._others: str | None = None  # digest_of_others ("": none)
        self.rows = self.rows_by_cadre()
        self._exemptions: dict[str, list[Item]] = {}  # cadre → their valid exemptions, in file order
        for ex in self.rs.exemptions:
            if self.valid(ex) and isinstance(ex.get("cadre"), str):
                self._exemptions.setdefault(ex.get("cadre"), []).append(ex)
        self.tz = self.rs.tz
        self.periods = _Periods(self.rs)  # a ledger's folder → its period (RecordSet.period), looked up in C

    def facts(self, led: Item) -> Facts:
        """What the rules read of a ledger (facts.py: not its values, which stay unread)."""
        if self._facts is None:
            self._facts = ledger_facts(self.rs)
        return self._facts[led.doc.rel]

    @property
    def days(self) -> Days:
        """The run's dates as written → as dates (None: not a YYYY-MM-DD date), each text parsed once:
        the activities' (facts.of_ledger; semester_contacts, ledger_content) and the feedback items'
        (feedback.check_items)."""
        if self._facts is None:
            self._facts = ledger_facts(self.rs)
        return self._facts.days

    def periods_of_years(self, first: int, last: int) -> list:
        """Every policy period of the years `first` to `last`, in order (RecordSet.periods_between of
        their first and last days), worked out once: each cadre's rows ask for their own years."""
        key = (first, last)
        hit = self._years.get(key)
        if hit is None:
            hit = self._years[key] = self.rs.periods_between(dt.date(first, 1, 1), dt.date(last, 12, 31))
        return hit

    def cycle_bounds(self) -> tuple[dt.date | None, dt.date | None]:
        """First day of the earliest and last day of the latest assignment cycle."""
        starts = [c.date("start") for c in self.rs.cycles.values() if c.date("start")]
        ends = [c.date("end") for c in self.rs.cycles.values() if c.date("end")]
        return (min(starts) if starts else None, max(ends) if ends else None)

    # ---- exemptions ----------------------------------------------------
    def exemptions_for(self, cadre: str, rule: str) -> tuple[tuple[dt.date, dt.date], ...]:
        key = (cadre, rule)
        hit = self._exempt_spans.get(key)
        if hit is None:
            out = []
            for ex in self._exemptions.get(cadre, ()):
                rules = ex.get("rules")
                if not isinstance(rules, list) or rule not in rules:
                    continue
                start, end = ex.date("start"), ex.date("end")
                if start and end and start <= end:
                    out.append((start, end))
            hit = self._exempt_spans[key] = tuple(out)
        return hit

    def exempt(self, cadre: str, rule: str, start: dt.date, end: dt.date) -> bool:
        """Whether exemptions excuse a semester or a ledger period [start, end]: they cover at least
        the policy's share (exemptions.min_percent, 50 %, or exemptions.earlier's for one that began
        before a change) of its days on which the cadre held a
        contact point — the days the rule asks anything of them.  Three weeks of sick leave in a
        semester leave its contacts owed; a secondment ending in January leaves the first
        half-year's ledger owed.  (A cadre who held no point in it: any overlap.)"""
        spans = self.exemptions_for(cadre, rule)
        if not spans:
            return False
        share = self.exempt_share(cadre, spans, start, end)
        if share is None:
            return any(s <= end and e >= start for s, e in spans)
        return share[0] * 100 >= self.exempt_percent(start) * share[1]

    def exempt_percent(self, start: dt.date) -> int:
        """The share of its days (%) exemptions cover to excuse a semester or period beginning on `start`."""
        return exempt_percent(self.rs, start)

    def exempt_share(self, cadre: str, spans, start: dt.date, end: dt.date) -> tuple[int, int] | None:
        """(the days of [start, end] on which the cadre held a contact point that `spans` cover, all
        those days); None when they held none (see exempt)."""
        held = [self.row_span(row) for row in self.held_during(cadre, start, end)]
        owed = [(a, b) for a, b, n in segments(held, start, end) if n]
        if not owed:
            return None
        covered = sum((b - a).days + 1 for lo, hi in owed for a, b, n in segments(spans, lo, hi) if n)
        return covered, sum((hi - lo).days + 1 for lo, hi in owed)


class _Periods(dict):
    """A ledger's folder → RecordSet.period of it, asked of the record set once a run (a cold check at 12k asks
    it of each of the 12,007 ledgers' content and of each of their feedback chains: 1.2 µs a call through
    RecordSet.memoized, a dict's lookup here)."""

    __slots__ = ("rs",)

    def __init__(self, rs: RecordSet):
        super().__init__()
        self.rs = rs

    def __missing__(self, folder):
        hit = self[folder] = self.rs.period(folder)
        return hit


date_of = parse_date  # a YYYY-MM-DD text as a date, None for anything else


def segments(spans, lo: dt.date, hi: dt.date) -> list[tuple[dt.date, dt.date, int]]:
    """Split [lo, hi] into maximal pieces with a constant number of covering spans.

    `spans` are inclusive (start, end) date pairs.  Returns (start, end, count) triples."""
    if lo > hi:
        return []
    events: dict[dt.date, int] = {}
    for s, e in spans:
        if s is None or e is None or e < lo or s > hi:
            continue
        s = max(s, lo)
        events[s] = events.get(s, 0) + 1
        if e < hi:
            events[e + ONE_DAY] = events.get(e + ONE_DAY, 0) - 1
    out, count, cursor = [], 0, lo
    for day in sorted(events):
        if day > cursor:
            out.append((cursor, day - ONE_DAY, count))
            cursor = day
        count += events[day]
    out.append((cursor, hi, count))
    merged = []
    for piece in out:
        if merged and merged[-1][2] == piece[2]:
            merged[-1] = (merged[-1][0], piece[1], piece[2])
        else:
            merged.append(piece)
    return merged
