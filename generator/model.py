"""The record set: every loaded record, indexed by id, with its source position.

Built once from the loaded documents; later stages (references, check, aggregate,
render) read it and never re-read files.  Dates are parsed here, once.
"""
from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path

from generator.load import Document
from generator.plain import Values
from generator.validate import parse_date


class Item:
    """One record: a file (cadre, ledger …) or an entry of a list file (a unit, a class …)."""

    __slots__ = ("doc", "path", "data")

    def __init__(self, doc: Document, path: tuple, data: dict | None = None):
        self.doc, self.path = doc, path
        if data is not None:  # else a whole file's values, asked of its document when first needed
            self.data = data

    def __getattr__(self, name):  # (only called while `data` is not set: later reads cost nothing)
        if name == "data":
            self.data = data = self.doc.data
            return data
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"Item({self.doc.rel!r}, {self.path!r})"

    @property
    def id(self) -> str:
        return self.data.get("id") or self.doc.stem

    @property
    def file(self) -> str:
        return self.doc.file

    def pos(self, *sub) -> tuple[int, int]:
        return self.doc.pos(self.path + sub)

    def key_pos(self, *sub) -> tuple[int, int]:
        return self.doc.key_pos(self.path + sub)

    def get(self, key, default=None):
        return self.data.get(key, default)

    def date(self, key) -> dt.date | None:
        return parse_date(self.data.get(key))


class Period(Values):
    """id (2026-H2), name (2026年下半年), start, end, due (dates)."""

    __slots__ = ("id", "name", "start", "end", "due")


class Semester(Values):
    """id, name, year (the academic year's id), start, end (dates)."""

    __slots__ = ("id", "name", "year", "start", "end")


class AcademicYear(Values):
    """id, start, end (dates), first_year."""

    __slots__ = ("id", "start", "end", "first_year")


def month_day(year: int, written) -> dt.date:
    """The day `written` ("MM-DD", as the policy writes a period's days) of `year`; 02-29 is the
    end of February, 02-28 in a year that has no 29th (else whole periods would not exist)."""
    if written == "02-29" and (year % 4 or (year % 100 == 0 and year % 400)):  # (not a leap year)
        written = "02-28"
    return dt.date.fromisoformat(f"{year}-{written}")


def next_cycle(start: dt.date, end: dt.date, first: dt.date | None = None) -> tuple[str, dt.date, dt.date]:
    """(id, start, end) of the assignment cycle after one running `start`..`end` (R4): as many years long, from
    `first` (the day after `end` when None); check's W-CHK-023/024 name it, draft-cycle writes it."""
    one_day = dt.timedelta(days=1)
    first = first or end + one_day
    years = max(1, (end + one_day).year - start.year)
    try:
        after = first.replace(year=first.year + years)
    except ValueError:  # (02-29)
        after = first.replace(year=first.year + years, day=28) + one_day
    last = after - one_day
    return f"{first.year}-{last.year}", first, last


def status_meanings_of(statuses) -> dict[str, str]:
    """{status: its meaning} of a feedback_statuses list as written (the policy's, a version of it in Git, an archive
    manifest's): the entries with a name and a meaning."""
    return {s["name"]: s["meaning"] for s in statuses
            if isinstance(s, dict) and isinstance(s.get("name"), str) and isinstance(s.get("meaning"), str)}


class RecordSet:
    def __init__(self, root: Path, docs: list[Document] | None = None, invalid: set | None = None):
        self.root = root
        self.docs: list[Document] = [] if docs is None else docs
        # rel paths of the documents with validate's errors: what the policy checks read, run beside the
        # later stages; has_errors asks for any stage's
        self.invalid: set = set() if invalid is None else invalid
        self.policy: Item | None = None
        self.calendar: Item | None = None
        self.units: dict[str, Item] = {}
        self.classes: dict[str, Item] = {}
        self.class_cohort: dict[str, int] = {}
        self.clubs: dict[str, Item] = {}
        self.cadres: dict[str, Item] = {}
        self.cycles: dict[str, Item] = {}
        self.assignments: list[Item] = []  # rows, in file order
        self.ledgers: dict[tuple[str, str], Item] = {}  # (period, cadre)
        self.imports: list[Item] = []  # one per imported ledger entry
        self.exemptions: list[Item] = []
        self.privacy_exceptions: list[Item] = []
        self.other: dict[str, list[Document]] = {}  # kinds later stages own
        # a past --today whose records could not be read as committed on it (cache.past_records): they are as now
        self.unread_on = None
        # a past --today's: the files (paths below records/) there now that were not there on it (cache.past_records)
        self.absent_on: frozenset = frozenset()
        # … and those there now that were changed after it, read as they were on it (cache.past_records: …@day)
        self.then_on: frozenset = frozenset()
        self._late: frozenset = frozenset()  # (found_late: those with errors of the later stages only)
        self._late_told: list | None = []  # (tell_late's, until found_late; None after it)
        self._origin: RecordSet | None = None  # (derived: the record set whose late errors it shares)
        self._memo: dict = {}  # answers read off the policy

    def __repr__(self) -> str:
        return f"RecordSet(root={self.root!r}, {len(self.docs)} files)"

    @property
    def late_invalid(self) -> frozenset:
        """The record files (below records/) with errors of the stages after validate only (the references',
        privacy's, the archive's — E-REF-005, a form not in the vocabulary), once the pipeline has found them
        (found_late); a derived record set's are those of the one it was made of, whenever they are found."""
        return self._origin.late_invalid if self._origin is not None else self._late

    def found_late(self, rels) -> None:
        """The pipeline, once the stages after validate are done: the files of `rels` have errors of them
        (those with validate's are `invalid` already).  Every table of ledger rows made of these records so far
        is told (tell_late), in the order they were made; one made later is told as it is made."""
        if self._origin is not None:
            return self._origin.found_late(rels)
        self._late = frozenset(rels) - self.invalid
        told, self._late_told = self._late_told or [], None
        for tell in told:
            tell(self)

    def tell_late(self, tell) -> None:
        """tell(self) once the files with errors of the later stages are known (found_late): at once if they
        are.  How the ledger rows made of these records (check's, the site's) are marked in one place, when the
        pipeline has found them (deadlines.rows_told_late), whoever reads the rows."""
        if self._origin is not None:
            return self._origin.tell_late(tell)
        if self._late_told is None:
            tell(self)
        else:
            self._late_told.append(tell)

    def has_errors(self, rel: str) -> bool:
        """Whether the record file at `rel` (below records/) has errors of any stage: validate's (`invalid`)
        or those of the stages after it (`late_invalid`: the references', privacy's, the archive's — E-REF-005,
        a form not in the vocabulary — found_late, once they are done).  What every reader after
        the pipeline asks (remind, the site; the checks' rows are told by deadlines.rows_told_late)."""
        return rel in self.invalid or rel in self.late_invalid

    def memoized(self, key, compute):
        """`compute()` once per policy (checks ask for the same period or word list
        for every ledger)."""
        policy = id(self.policy.data) if self.policy else None
        if self._memo.get("policy") != policy:
            self._memo.clear()
            self._memo["policy"] = policy
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def unreadable_kinds(self) -> set:
        """Kinds with a file that could not be read — and units.yaml when it is missing
        (E-REF-009 reports that once)."""
        kinds = {d.kind for d in self.docs if not d.mapping}
        if not any(d.kind == "units" for d in self.docs):
            kinds.add("units")
        return kinds

    @cached_property
    def cadre_files(self) -> set:
        """The ids of the cadres by their files' names (known even when a file is broken: id_known)."""
        return {d.stem for d in self.docs if d.kind == "cadre"}

    @cached_property
    def point_ids(self) -> set:
        """The ids of every class and club (a ledger's contact points)."""
        return set(self.classes) | set(self.clubs)

    @cached_property
    def point_names(self) -> dict:
        """{name: id} of every class and club (a contact point written by its name, 计算机2601班)."""
        return _names(self.classes, self.clubs)

    @cached_property
    def unit_names(self) -> dict:
        """{name: id} of every unit, by its name and its short names (unit: 计算机学院)."""
        return _names(self.units)

    def units_reported_to(self, name) -> tuple[str, ...]:
        """The units a student problem reported to `name` (its `escalated_to`, R10: a 学院党委 or a department) is —
        besides its cadre's — in units.yaml's order: every unit whose `party_committee` is the name (two units may
        share one), and the unit whose own `name` it is (a department named directly: 教务处).  The unit page's open
        problems, `check --unit`'s and W-CHK-025's one rule."""
        return self._units_by_reported_name.get(name, ()) if isinstance(name, str) else ()

    @cached_property
    def _units_by_reported_name(self) -> dict[str, tuple[str, ...]]:
        """units_reported_to of every name a problem may be reported to, worked out once."""
        out: dict[str, tuple[str, ...]] = {}
        for uid, unit in self.units.items():
            names = {x for x in (unit.get("party_committee"), unit.get("name")) if isinstance(x, str) and x}
            for name in names:
                out[name] = (*out.get(name, ()), uid)
        return out

    @cached_property
    def cadre_names(self) -> dict:
        """{name: id} of every cadre (cadre: 李娜 in an assignment); a name two cadres share: {name: (their ids)}."""
        out: dict = {}
        for ref, item in self.cadres.items():
            name = item.get("name")
            if isinstance(name, str):
                had = out.get(name.strip())
                out[name.strip()] = ref if had is None else (*(had if isinstance(had, tuple) else (had,)), ref)
        return out

    def id_known(self, kind: str, ref) -> bool:
        """Whether an id of `kind` (unit, class, club, point, cadre) may be named.

        True when it exists, and also when it cannot be checked because a file that
        would define it could not be read: that file's own finding is the one to fix,
        not one "unknown id" per record that names it.  A cadre's id is its file name,
        so it is known from the path even when the file is broken."""
        ref = str(ref)
        unreadable = self.unreadable_kinds
        if kind == "cadre":
            return ref in self.cadres or ref in self.cadre_files
        if kind == "unit":
            return ref in self.units or "units" in unreadable
        if kind == "class":
            return ref in self.classes or "classes" in unreadable
        if kind == "club":
            return ref in self.clubs or "clubs" in unreadable
        if kind == "point":
            return ref in self.classes or ref in self.clubs or bool({"classes", "clubs"} & unreadable)
        raise ValueError(kind)

    # ---- policy data ---------------------------------------------------
    def vocab(self, name: str) -> list[str]:
        return list(self.memoized(("vocab", name), lambda: self._vocab(name)))

    def _vocab(self, name: str) -> tuple:
        if not self.policy:
            return ()
        words = self.setting("vocabularies", name, default=[])  # robust against a broken policy
        return tuple(w for w in words if isinstance(w, (str, dict))) if isinstance(words, list) else ()

    def words(self, name: str) -> list[str]:
        """A vocabulary's words in policy order: its texts, or for feedback_statuses the statuses' names (with
        a meaning: status_meaning) — the words a ledger's field may hold."""
        return list(self.status_meaning()) if name == "feedback_statuses" else \
            [w for w in self.vocab(name) if isinstance(w, str)]  # a broken policy: validate says

    def statuses_named(self, text: str) -> str:
        """`text` (a ledger field's description, the web form's hint) with the schema's 已上报 and 已解决 said by the
        policy's names of the statuses of those meanings (the first of each), the words a ledger may hold."""
        names = self.status_meaning()
        for said, meaning in (("已上报", "escalated"), ("已解决", "resolved")):
            name = next((n for n, m in names.items() if m == meaning), None)
            if name:
                text = text.replace(said, name)
        return text

    def field_title(self, path: tuple, title: str) -> str:
        """A ledger field's title (`title`, the schema's) as the university names it: the suggestions' names the
        policy's suggestion_targets (对辅导员、班主任的意见建议, where the schema's names the demo's 对任课教师、辅导员、
        班导师的意见建议), the schema's when it lists none — the web form's label, the field reference's, new ledger's."""
        return (suggestions_title(self.words("suggestion_targets")) or title) if path == ("suggestions",) else title

    def suggestions_title(self) -> str:
        """The cadres' suggestions' heading as the policy names whom they are for (R15: 对辅导员、班主任的意见建议 where
        suggestion_targets lists 辅导员 and 班主任), as the web form labels the field."""
        return suggestions_title(self.words("suggestion_targets")) or "意见建议"

    def renamed(self, name: str) -> dict:
        """A word list's renamed words (vocabularies.renamed): old word → (new word, the last day
        of the old one), for the entries whose new word is in this list (read it, never change it)."""
        def work():
            words = set(w for w in self._vocab(name) if isinstance(w, str))
            entries = self.setting("vocabularies", "renamed", default=[])
            entries = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
            return {e["old"]: (e["new"], until) for e in entries  # (a broken entry: validate says)
                    if isinstance(e.get("old"), str) and isinstance(e.get("new"), str) and e["new"] in words
                    and (until := parse_date(e.get("until")))}
        return self.memoized(("renamed", name), work)

    def words_on(self, name: str, day: dt.date) -> list[str] | None:
        """A word list's words in force on `day` (in_force: the list of vocabularies.earlier whose `until` is the
        first not before `day`, else the current one); None when that is no list (validate says, at the policy).
        Worked out once a (list, day): E-REF-005 asks it for every entry of then holding a retired word."""
        def work():
            words = self.in_force(day, "vocabularies", name)
            return [w for w in words if isinstance(w, str)] if isinstance(words, list) else None
        return self.memoized(("words_on", name, day), work)

    def words_ever(self, name: str) -> list[str]:
        """A word list's words now and those of its vocabularies.earlier lists (words_on of some day): the words a
        ledger accepted by the references may hold, as the checks read them (R10's natures)."""
        earlier = [w for _until, words in self._earlier("vocabularies", (name,)) if isinstance(words, list)
                   for w in words if isinstance(w, str)]
        return list(dict.fromkeys(self.words(name) + earlier))

    def retired(self, name: str, word: str) -> dt.date | None:
        """The last day a word no longer in the list `name` was in it (the `until` of the last vocabularies.earlier
        list holding it), or None."""
        return max((until for until, words in self._earlier("vocabularies", (name,))
                    if isinstance(words, list) and word in words), default=None)

    def synonyms(self, name: str) -> dict:
        """A word list's words as said otherwise (vocabularies.synonyms): another way of saying it → the word, for
        the entries whose word is in this list (线下 → 面对面, 办结 → 已解决; read it, never change it)."""
        def work():
            words = set(self.words(name))
            entries = self.setting("vocabularies", "synonyms", default=[])
            entries = [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
            return {also.strip(): e["word"] for e in entries
                    if isinstance(e.get("word"), str) and e["word"] in words and isinstance(e.get("also"), list)
                    for also in e["also"] if isinstance(also, str)}  # (a broken entry: validate says)
        return self.memoized(("synonyms", name), work)

    def status_meaning(self) -> dict[str, str]:
        """Feedback status word → open / in_progress / escalated / resolved (worked out once per
        policy, as `vocab`: read it, never change it)."""
        return self.memoized(("status_meaning",), lambda: status_meanings_of(self.vocab("feedback_statuses")))

    def setting(self, *keys, default=None):
        node = self.policy.data if self.policy else {}
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    @property
    def timezone(self) -> str:
        return self.setting("institution", "timezone", default="Asia/Shanghai")

    @property
    def tz(self):
        """The policy's time zone (zone_named)."""
        return zone_named(self.timezone)

    # ---- calendar ------------------------------------------------------
    def _years(self) -> list[dict]:
        """The calendar's academic years that have a usable id (a broken calendar is reported by validate)."""
        years = self.calendar.data.get("academic_years") if self.calendar else None
        return [y for y in years if isinstance(y, dict) and isinstance(y.get("id"), str) and y["id"][:4].isdigit()] \
            if isinstance(years, list) else []

    def academic_years(self) -> list[AcademicYear]:
        out = []
        for y in self._years():
            start, end = parse_date(y.get("start")), parse_date(y.get("end"))
            if start and end:
                out.append(AcademicYear(y["id"], start, end, int(y["id"][:4])))
        return out

    def year_after_calendar(self, day: dt.date) -> str | None:
        """The id of the academic year the calendar still lacks when `day` is after its last one
        (2026-2027 after a calendar ending 2026-08-31: W-CHK-011), else None."""
        ends = [y.end for y in self.academic_years()]
        after = max(ends) + dt.timedelta(days=1) if ends else None
        return f"{after.year}-{after.year + 1}" if after and day >= after else None

    def semesters(self) -> list[Semester]:
        out = []
        for y in self._years():
            for s in y.get("semesters") if isinstance(y.get("semesters"), list) else []:
                if not isinstance(s, dict) or not isinstance(s.get("id"), str):
                    continue
                start, end = parse_date(s.get("start")), parse_date(s.get("end"))
                name = s.get("name")  # (a name left empty or written as a number — E-SCHEMA-003 — goes by its id)
                if start and end:
                    out.append(Semester(s["id"], name if isinstance(name, str) and name.strip() else s["id"], y["id"], start, end))
        return sorted(out, key=lambda s: s.start)

    def period(self, period_id: str) -> Period | None:
        """A ledger period such as 2026-H2, from the policy's period definitions."""
        if not isinstance(period_id, str):
            return None
        return self.memoized(("period", period_id), lambda: self._period(period_id))

    def _period(self, period_id: str) -> Period | None:
        try:
            year, code = period_id.split("-", 1)
            year = int(year) if len(year) == 4 else int("x")
        except (ValueError, AttributeError):
            return None
        for p in self._periods():
            if p.get("id") == code:
                try:  # (a period that began before a change keeps its days: ledger.earlier's start, end, due)
                    start = next((day for until, value in self._earlier("ledger", ("start", code))
                                  for day in (month_day(year, value),) if day <= until), None) \
                        or month_day(year, p["start"])
                    end = month_day(year, self.in_force(start, "ledger", "end", code, now=p["end"]))
                    written = self.in_force(start, "ledger", "due", code, now=p["due"])
                    due = month_day(year, written)
                    if due < start:  # due in the next year
                        due = month_day(year + 1, written)
                except (ValueError, KeyError, TypeError):
                    return None
                return Period(period_id, f"{year}年{p.get('name', code)}", start, end, due)
        return None

    def _periods(self) -> list[dict]:
        periods = self.setting("ledger", "periods", default=[])
        return [p for p in periods if isinstance(p, dict)] if isinstance(periods, list) else []

    def periods_between(self, first: dt.date, last: dt.date) -> list[Period]:
        """Every policy period that overlaps [first, last], in order."""
        out = []
        codes = [p.get("id") for p in self._periods() if isinstance(p.get("id"), str)]
        for year in range(first.year, last.year + 1):
            for code in codes:
                p = self.period(f"{year}-{code}")
                if p and p.start <= last and p.end >= first:
                    out.append(p)
        return sorted(out, key=lambda p: p.start)

    # ---- people and assignments ---------------------------------------
    def contact_point(self, row: Item) -> tuple[str, str | None]:
        """('class' | 'club', id) of an assignment row."""
        if row.get("class"):
            return "class", row.get("class")
        return "club", row.get("club")

    def assignment_span(self, row: Item) -> tuple[dt.date | None, dt.date | None]:
        """A row's first and last day: its dates (the cycle's end when open), ended by its class's or
        club's `until` (the last day it existed: a graduated class is no one's contact point after)."""
        end, until = self.row_end(row), self.point_until(row)
        return row.date("start"), (until if until and (end is None or until < end) else end)

    def held_between(self, row: Item, first: dt.date, last: dt.date) -> bool:
        """Whether an assignment row counts on some day of [first, last] (its assignment_span: never,
        when it names a class or club that had ended before it began)."""
        start, end = self.assignment_span(row)
        return bool(start) and start <= last and (end is None or end >= max(first, start))

    def row_end(self, row: Item) -> dt.date | None:
        """A row's last day as written: its `end`, else its cycle's (not cut by its point's `until`)."""
        cycle = self.cycles.get(row.doc.stem)
        return row.date("end") or (cycle.date("end") if cycle else None)

    def begins_after_point(self, row: Item) -> bool:
        """Whether an assignment row begins after its class or club ended (its `until` before the row's
        `start`): it never counted (assignment_span ends it before it starts), and the tables show its
        dates as written, with why (W-CHK-013 asks to remove or repoint it)."""
        until, start = self.point_until(row), row.date("start")
        return bool(until and start and until < start)

    def point_until(self, row: Item) -> dt.date | None:
        """The `until` (last day) of an assignment row's class or club, None when it has none."""
        kind, pid = self.contact_point(row)
        item = (self.classes if kind == "class" else self.clubs).get(pid) if isinstance(pid, str) else None
        return item.date("until") if item is not None else None

    @staticmethod
    def ended(item: Item | None, day: dt.date) -> bool:
        """Whether a unit, class or club no longer existed on `day` (its `until` is before it)."""
        until = item.date("until") if item is not None else None
        return until is not None and until < day

    def rows_of(self, cadre: str) -> list[Item]:
        """The cadre's assignment rows, in file order (the rows grouped by cadre once: the site asks
        this of every ledger not handed in, and a scan of all the rows each time grew with the square
        of the records)."""
        return list(self.memoized(("rows_of",), self._rows_by_cadre).get(cadre, ()))

    def _rows_by_cadre(self) -> dict[str, list[Item]]:
        rows: dict[str, list[Item]] = {}
        for r in self.assignments:
            cadre = r.get("cadre")
            if isinstance(cadre, str):
                rows.setdefault(cadre, []).append(r)
        return rows

    def grace_days(self, due: dt.date) -> int:
        """The policy's grace days for a period due on `due` (ledger.earlier for the periods due
        before a change: see in_force)."""
        n = self.in_force(due, "ledger", "grace_days")
        return n if isinstance(n, int) and not isinstance(n, bool) and n >= 0 else 0

    def in_force(self, day: dt.date, section: str, *path, now=None):
        """The policy number `section`.`path` in force on `day`: that of the first of the section's
        `earlier` (the numbers in force before a change, each with the last day it applied, `until`)
        whose until is not before `day` and that gives it, else the section's own (`now`, when the
        current number is written elsewhere).  A changed number does not judge the past again."""
        for until, value in self._earlier(section, path):
            if day <= until:
                return value
        return self.setting(section, *path) if now is None else now

    def changes(self, section: str, *path) -> list[dt.date]:
        """The first day of each number `section`.`path` that followed a change (the day after each
        `until` in the section's `earlier` that gives it), in order."""
        return [until + dt.timedelta(days=1) for until, _ in self._earlier(section, path)]

    def _earlier(self, section: str, path: tuple) -> list[tuple]:
        """(until, value) of each entry of `section`.earlier that gives `path`, earliest first; none of
        vocabularies.feedback_statuses, which no entry keeps (E-SCHEMA-002: an item's status is judged by its
        meaning now, an archived period's by its manifest's)."""
        def compute():
            if (section, *path) == ("vocabularies", "feedback_statuses"):
                return []
            rows = self.setting(section, "earlier", default=None)
            out = []
            for entry in rows if isinstance(rows, list) else []:
                until, value = parse_date(entry.get("until")) if isinstance(entry, dict) else None, entry
                for key in path:
                    value = value.get(key) if isinstance(value, dict) else None
                if until is not None and value is not None:
                    out.append((until, value))
            return sorted(out, key=lambda e: e[0])
        return self.memoized(("earlier", section, path), compute)

    def posts(self, cadre: str) -> tuple[tuple, list]:
        """posts_of the cadre's record (no record: (None, None) and none earlier), her `earlier` posts parsed once."""
        posts = self._memo_posts.get(cadre)
        if posts is None:
            posts = self._memo_posts[cadre] = posts_of(self.cadres.get(cadre))
        return posts

    def cadre_on(self, cadre: str, day: dt.date | None) -> tuple[str | None, str | None]:
        """(unit, position) of a cadre on `day` (None: the present), by post_on's rule: a cadre who moved keeps
        their past in the unit they were in."""
        return post_on(self.posts(cadre), day)

    def units_of(self, cadre: str, start: dt.date | None = None, end: dt.date | None = None) -> set:
        """Every unit a cadre was in: hers now and her `earlier` posts'; with `start` and `end`, those she was in on a
        day of [start, end] (a post ending before `start` or, the one before it ending on or after `end`, beginning
        after it: not)."""
        now = self.cadre_on(cadre, None)
        posts, units, before = self.posts(cadre)[1], [], None  # (before: the last day of the post before)
        for until, unit, _position in posts:
            if start is None or end is None or until >= start and (before is None or before < end):
                units.append(unit)
            before = until
        if start is None or end is None or before is None or before < end:
            units.append(now[0])
        return {u for u in units if isinstance(u, str)}

    def took_over(self, uid: str) -> str | None:
        """The unit that took over unit `uid` once it ended, as the records say: the one unit its
        cadres moved to the day after its `until` (an `earlier` post in it ending that day); None when
        it has not ended, or no cadre or cadres of several units say so."""
        unit = self.units.get(uid)
        until = unit.date("until") if unit is not None else None
        if until is None:
            return None
        moved = {self.cadre_on(cid, until + dt.timedelta(days=1))[0] for cid in self.cadres
                 if any(unit == uid and ended == until for ended, unit, _ in self.posts(cid)[1])}
        moved -= {uid, None}
        return moved.pop() if len(moved) == 1 else None

    def successor(self, uid: str, day: dt.date) -> str | None:
        """The unit that answers for unit `uid` on `day`: itself while it exists, else the unit that
        took it over (took_over, followed while that one had ended too); None when the records name
        none (then the administrators answer for it: W-CHK-014)."""
        seen, now = {uid}, uid
        while self.ended(self.units.get(now), day):
            now = self.took_over(now)
            if now is None or now in seen:
                return None
            seen.add(now)
        return now

    @cached_property
    def _memo_posts(self) -> dict:
        return {}

    def took_office(self, cadre: str) -> tuple[dt.date, bool] | None:
        """(the first day the cadre held a contact point — the earliest start of their assignment rows, not before their
        active_from —, whether it is their active_from: appointed that day): contacts before it are no work of theirs,
        and no ledger before it is theirs to file; None when no row of theirs gives a start."""
        starts = [s for row in self.rows_of(cadre) for s in (self.assignment_span(row)[0],) if s]
        if not starts:
            return None
        first, active_from = min(starts), self.cadre_active_span(cadre)[0]
        return (active_from, True) if active_from and active_from >= first else (first, False)

    def cadre_active_span(self, cadre: str) -> tuple[dt.date | None, dt.date | None]:
        item = self.cadres.get(cadre)
        if not item:
            return None, None
        return item.date("active_from"), item.date("active_to")

    def in_office(self, first: dt.date | None, last: dt.date) -> list[tuple[str, dt.date, dt.date | None]]:
        """(cadre, active_from, active_to) of each cadre in office on some day of [first, last] (first None: on some
        day up to `last`, or before: she may have left since), by id: her active_from not after `last`, her active_to
        (none: still in office) not before `first`, both days hers; one with no active_from is in office on no day."""
        out = []
        for cadre in sorted(self.cadres):
            a_from, a_to = self.cadre_active_span(cadre)
            if a_from and a_from <= last and (first is None or a_to is None or a_to >= first):
                out.append((cadre, a_from, a_to))
        return out


def staff_number_key(number: str) -> str:
    """A 工号 (a cadre's staff_no) as two are compared — by E-REF-024 and the import's E-IMP-020: letter case not
    (T2005123 is t2005123)."""
    return number.upper()


def posts_of(cadre) -> tuple[tuple, list]:
    """((unit, position) now, [(until, unit, position) of each `earlier` post, earliest first]) of a cadre's record
    (an Item, or a file's values as read: a dict; None: no record) — what post_on reads."""
    now = (cadre.get("unit"), cadre.get("position")) if cadre else (None, None)
    posts, earlier = [], cadre.get("earlier") if cadre else None
    for e in earlier if isinstance(earlier, list) else []:
        until = parse_date(e.get("until")) if isinstance(e, dict) else None
        if until is not None and isinstance(e.get("unit"), str):
            posts.append((until, e["unit"], e.get("position") if isinstance(e.get("position"), str) else now[1]))
    return now, sorted(posts, key=lambda e: e[0])


def post_on(posts: tuple[tuple, list], day: dt.date | None) -> tuple:
    """(unit, position) on `day` of a cadre whose posts_of are `posts`: the first of her `earlier` posts whose `until`
    is not before it, else her record's own (None for day: the present)."""
    now, earlier = posts
    if day is not None:
        for until, unit, position in earlier:
            if day <= until:
                return unit, position
    return now


def escalated_last(links) -> str:
    """Whom a student problem's chain (its links, first to last: each a row with an `escalated_to`) was last reported
    to (R10: a 学院党委 or a department), '' if never: a follow-up recording progress (处理中) without naming it again
    leaves the problem with the committee it went to — the page of each unit it was reported to (units_reported_to)
    lists it while it is open, and `check --unit` that unit's its W-CHK-007."""
    return next((r["escalated_to"] for r in reversed(links) if r.get("escalated_to")), "")


def nature_last(links) -> str:
    """The nature a student problem's chain (its links, first to last: each a row with a `nature`) was last marked
    with (重大, 共性: a word of the policy's feedback_natures, R10), '' if never: a follow-up that does not say it
    again leaves it as marked."""
    return next((r["nature"] for r in reversed(links) if r.get("nature")), "")


def derived(rs: RecordSet, docs: list[Document]) -> RecordSet:
    """A record set of `docs` (some of `rs`'s, or its own changed in place) that knows what the pipeline
    found of them in `rs`: which have errors, of every stage (has_errors), and a past day whose records
    could not be read (unread_on)."""
    out = build(rs.root, docs, rs.invalid)
    out._origin, out.unread_on, out.absent_on, out.then_on = rs._origin or rs, rs.unread_on, rs.absent_on, rs.then_on
    return out


def build(root: Path, docs: list[Document], invalid: set) -> RecordSet:
    """Index the documents.  Documents with errors are indexed too, so that their ids
    still resolve (no cascade of 'unknown id' findings), but only dict entries are used."""
    rs = RecordSet(root=root, docs=docs, invalid=set(invalid))
    for doc in docs:
        if not doc.mapping:
            continue
        k = doc.kind
        if k == "ledger":  # (its values are asked of the document when needed: Document.data)
            rs.ledgers.setdefault((doc.folder, doc.stem), Item(doc, ()))
            continue
        data = doc.data

        def entries(key):
            rows = data.get(key)
            for i, entry in enumerate(rows if isinstance(rows, list) else []):
                if isinstance(entry, dict):
                    yield Item(doc, (key, i), entry)

        if k == "policy":
            rs.policy = Item(doc, (), data)
        elif k == "calendar":
            rs.calendar = Item(doc, (), data)
        elif k == "units":
            for it in entries("units"):
                rs.units.setdefault(str(it.id), it)
        elif k == "classes":
            for it in entries("classes"):
                rs.classes.setdefault(str(it.id), it)
                if isinstance(data.get("cohort"), int):
                    rs.class_cohort.setdefault(str(it.id), data["cohort"])
        elif k == "clubs":
            for it in entries("clubs"):
                rs.clubs.setdefault(str(it.id), it)
        elif k == "cadre":
            rs.cadres.setdefault(doc.stem, Item(doc, (), data))
        elif k == "assignments":
            rs.cycles[doc.stem] = Item(doc, (), data)
            rs.assignments.extend(entries("assignments"))
        elif k == "imports":
            rs.imports.extend(entries("ledgers"))
        elif k == "exemptions":
            rs.exemptions.extend(entries("exemptions"))
        elif k == "privacy_exceptions":
            rs.privacy_exceptions.extend(entries("exceptions"))
        else:
            rs.other.setdefault(k, []).append(doc)
    return rs


def suggestions_title(targets) -> str:
    """对<targets joined by 、>的意见建议, or "" for no targets."""
    return f"对{'、'.join(targets)}的意见建议" if targets else ""


# Which policy vocabulary offers the words of which ledger field (path without list indices): the web form's
# lists, and the words the form's hints and the site's field reference give as examples.
VOCAB_FIELDS = {
    ("activities", "form"): "forms",
    ("activities", "place"): "places",
    ("activities", "channel"): "channels",
    ("feedback", "kind"): "feedback_kinds",
    ("feedback", "category"): "feedback_categories",
    ("feedback", "status"): "feedback_statuses",
    ("feedback", "escalated_to"): "escalation_targets",
    ("feedback", "nature"): "feedback_natures",
    ("suggestions", "to"): "suggestion_targets",
}


def own_examples(text: str, words) -> str:
    """A ledger field's description whose first phrase (to the first ；or 。) gives a word list's words as examples
    (如 主题班会、个体谈话、座谈交流) or lists them all (问题 或 建议), with the policy's `words` there instead — the
    university's own, not the schema's (the web form's hints, the site's field reference)."""
    cut = min((i for i in (text.find("；"), text.find("。")) if i >= 0), default=len(text))
    head, rest = text[:cut], text[cut:]
    if words and (head.startswith("如 ") or " 或 " in head):
        if head.startswith("如 ") or len(words) > 5:
            head = "如 " + "、".join(words[:3])
        else:
            head = "、".join(words[:-1]) + " 或 " + words[-1] if len(words) > 1 else words[0]
    return head + rest


def zone_named(name):
    """The time zone `name` names (the policy's institution.timezone), Asia/Shanghai when it names none
    that exists or is no text (validate says which, E-REF-015 as policy_rules.timezone_errors): the one reading of it, for every command's day."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name if isinstance(name, str) else "Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError, OSError):  # (OSError: a folder of zones, as Asia)
        return ZoneInfo("Asia/Shanghai")


def policy_zone(policy):
    """The time zone of a policy's values `policy` (institution.timezone; zone_named)."""
    institution = policy.get("institution") if isinstance(policy, dict) else None
    return zone_named(institution.get("timezone") if isinstance(institution, dict) else None)


def _names(*tables) -> dict:
    """{name: id} of the items of `tables` ({id: Item}), by `name` and any `short_names`."""
    out: dict = {}
    for ids in tables:
        for ref, item in ids.items():
            short = item.get("short_names")
            for name in [item.get("name"), *(short if isinstance(short, list) else [])]:
                if isinstance(name, str):
                    out.setdefault(name.strip(), ref)
    return out
