"""R6: one ledger per cadre per period, on time / late / missing / not yet due.

A ledger is required for every period which has begun by --today and which the cadre owes:
they held contact points on at least the policy's contacts.min_days_held of its days, as for a
semester (SemesterContacts.owes: a successor who took a point over days before the period's end,
a leaver who left days into it, owe nothing; a point held that long only by its holders together
is owed by the one who held it longest, never by nobody); one handed in all the same is listed
(required: false) and its contents judged, but it is not late against them (no W-CHK-005).
It is submitted when it landed in Git (git_history.py) — or, only for the paths an import manifest (records/imports/*.yaml,
administrator-owned) lists, on the declared date.  The deadline is the end of the due
day plus the policy's grace days, in the policy time zone.  Anything that landed after
the end of --today does not count yet, so a past --today replays the state of that day.
An owed ledger handed in that records no activity is told once its deadline has passed (W-CHK-017),
unless the cadre was excused from meeting students in the period.
"""
from __future__ import annotations

import datetime as dt
from operator import itemgetter

from generator import findings as F
from generator.archive import amendment_docs, amendment_path, status_rows
from generator.cache import KeptResult
from generator.check import not_there_on
from generator.check.context import ONE_DAY, Context, iso
from generator.check.git_history import History
from generator.layout import kind_of
from generator.load import display_path
from generator.model import Item
from generator.suggest import did_you_mean
from generator.validate import parse_date


def _manifest(ctx: Context) -> tuple[dict[str, int], list[F.Finding], list[str]]:
    """({path: the index in rs.imports of the first entry of the import manifest for it with a
    submitted date}, what is said of the manifest on its own: an entry submitted after --today,
    the paths of that index submitted after --today).
    Kept between runs under the digest of every record file but the ledgers, the manifest among
    them (cache.KeptResult): the 12k corpus's manifest has 12,007 entries."""
    rs = ctx.rs
    kept = KeptResult(rs.root, "imports", ctx.digest_of_others())
    hit = kept.get()
    if hit is not None:
        index, found, late = hit
        return index, [F.Finding(*f) for f in found], late
    dated = manifest_entries(rs.imports)
    index = {path: i for path, (i, _) in dated.items()}
    before, late = len(ctx.findings), []
    _unlisted(ctx)
    for path, (i, submitted) in dated.items():
        if submitted > ctx.today:
            entry = rs.imports[i]
            late.append(path)
            if ctx.valid(entry):
                ctx.add("E-CHK-021", entry, entry.pos("submitted"), path=path, value=submitted, today=ctx.today,
                        data={"ledger": path})
    found = ctx.findings[before:]
    del ctx.findings[before:]  # (Deadlines.finish adds them, as it adds those kept)
    kept.put((index, [F.packed(f) for f in found], late))
    return index, found, late


def manifest_entries(imports: list) -> dict[str, tuple[int, dt.date]]:
    """{ledger's path: (the index in `imports` of the first entry of an import manifest for it with a submitted date,
    that date)}: the entry whose date is the ledger's 提交日期 (each date parsed once: 12,007 entries at 12k)."""
    dated: dict[str, tuple[int, dt.date]] = {}
    for i, entry in enumerate(imports):
        path = entry.get("path")
        if isinstance(path, str) and path not in dated and (submitted := entry.date("submitted")):
            dated[path] = (i, submitted)
    return dated


def _unlisted(ctx: Context) -> None:
    """W-FLOW-003 at each entry of an import manifest's `records` that names no record file: a check of a past
    day (git_history.records_on) would not read that file as the import brought it."""
    rels = None  # (every record file's path: made only for a manifest that lists its records)
    for doc in ctx.rs.docs:
        listed = doc.data.get("records") if doc.kind == "imports" and isinstance(doc.data, dict) else None
        if isinstance(listed, list) and listed and rels is None:
            rels = {doc.rel for doc in ctx.rs.docs}
        for j, path in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(path, str) and path not in rels:
                near = did_you_mean(path, sorted(r for r in rels if r.split("/")[0] == path.split("/")[0]))
                ctx.add("W-FLOW-003", doc.file, doc.pos(("records", j)), path=path, suggestion=near["suggestion"],
                        suggestion_en=near["suggestion_en"] and near["suggestion_en"] + " ")


def last_on_time(rs, period) -> dt.date:
    """The last day on which a ledger of `period` lands on time: its due day plus the policy's grace days in
    force for it (ledger.earlier's for a period due before a change) — check's, the site's, the reminder's and
    the archive's one day."""
    return period.due + dt.timedelta(days=rs.grace_days(period.due))


def held_periods(ctx: Context, cadre: str):
    """The periods begun by --today and not archived in which the cadre held a contact point: those of
    their ledger rows (each owed or not: SemesterContacts.owes).  From the days they held one
    (Context.held_spans: their rows in force joined), as held_during would filter their rows, without a
    question kept for each period."""
    held, today = ctx.held_spans(cadre), ctx.today
    if not held or held[0][0] > today:
        return
    first, last, archived = held[0][0], min(held[-1][1], today), ctx.archived
    # (the periods of their years: one that does not overlap [first, last] overlaps no span, or begins after --today)
    for period in ctx.periods_of_years(first.year, last.year):
        start, end = period.start, period.end
        if start <= today and period.id not in archived:
            for s, e in held:
                if s <= end and e >= start:
                    yield period
                    break


def with_errors(rs, doc) -> bool:
    """Whether a ledger file that is there has errors (validate's: RecordSet.invalid, as the checks see it;
    after the pipeline, RecordSet.has_errors says of every stage's, as rows_told_late's marks do): handed in but not
    accepted.  One that could be read is handed in — on time or late by when it came — and its row says
    "errors": true (the site shows it beside the status, check counts it in the overview); remind lists
    it apart, its issue open until it is fixed.  One that could not be read at all is not handed in."""
    return doc.rel in rs.invalid


def rows_told_late(data: dict, rs) -> dict:
    """`data` (run_checks', or the rows the site works out without the checks), whose ledger rows of a file
    found with errors after the checks began (RecordSet.late_invalid: the references stage's, run beside them —
    E-REF-005, a form not in the vocabulary) are to say "errors" too, as with_errors would have, the summary
    counting them: marked by _mark_late when the pipeline has found them (RecordSet.tell_late), or at once if
    it has — so that no reader of the rows (check's report, the site's pages) has to."""
    rs.tell_late(lambda rs: _mark_late(data, rs))
    return data


def _mark_late(data: dict, rs) -> None:
    """rows_told_late's marks: new rows, the ones kept between runs (by_cadre) untouched.  An archived
    period's rows are its manifest's (archive.status_rows: a later edit is E-ARCH-001, the row as archived),
    as with_errors leaves them; a file there but not handed in (not landed: W-CHK-006) is not marked, as rows leaves
    it.  Without such a file no row is read."""
    if not rs.late_invalid:
        return
    late = {key for key, led in rs.ledgers.items() if led.doc.rel in rs.late_invalid}
    rows, summary = data.get("ledgers") or [], data.get("summary")
    for i, row in enumerate(rows):
        if row.get("exists") and not row.get("errors") and row.get("source") != "archive" \
                and not _not_handed_in(row) and (row.get("period"), row.get("cadre")) in late:
            rows[i] = dict(row, errors=True)
            if summary is not None:
                summary["ledgers_with_errors"] = summary.get("ledgers_with_errors", 0) + 1


def _not_handed_in(row: dict) -> bool:
    """A row of a file there but not landed (rows: not yet committed, W-CHK-006 says it is there), not handed in."""
    return row.get("status") in ("missing", "not_yet_due", "exempt") and not row.get("submitted")


def owed_rows(rs, today: dt.date) -> list[dict]:
    """The ledger rows' period, cadre and required, as check lists them but without their status (no Git):
    who owes each period not archived (SemesterContacts.owes; status exempt when not filed and exempted, as
    check says), and who handed in one they did not owe — what the site counts as 应填报 and remind
    reminds of when the checks could not run; "exists" and "errors" as check's rows say them (with_errors; the
    later stages' told by rows_told_late, as of check's rows)."""
    from generator.check.semester_contacts import SemesterContacts

    ctx = Context(rs, today)
    owes = SemesterContacts(ctx).owes
    out = []
    for cadre in ctx.rows:
        for p in held_periods(ctx, cadre):
            required, led = owes(cadre, p), rs.ledgers.get((p.id, cadre))
            if required or led is not None:
                exempt = required and led is None and ctx.exempt(cadre, "ledger", p.start, p.end)
                out.append({"period": p.id, "cadre": cadre, "required": required, "status": "exempt" if exempt else None,
                            "exists": led is not None, "errors": led is not None and with_errors(rs, led.doc)})
    return out


def grace_words(due, deadline, mark: str = "") -> tuple[str, str]:
    """The grace days' last day as it follows the due day (截止日期 2026-06-30，宽限至 2026-07-03), in Chinese and
    English: ("，宽限至 2026-07-03", ", on time until 2026-07-03"), or ("", "") when `deadline` is the due day
    (no grace days) — the grace days' last day named apart, not given as the due day.  check's W-CHK-005, -006
    and -017 and remind's issue say it so; `mark`: around the day in Chinese (remind's bold, "**")."""
    if deadline == due:
        return "", ""
    return f"，宽限至 {mark}{deadline}{mark}", f", on time until {deadline}"


def _due_words(row: dict) -> dict:
    """A ledger row's due day and grace days as W-CHK-005, -006 and -017 say them (grace_words)."""
    grace, grace_en = grace_words(row["due"], row["deadline"])
    return {"due": row["due"], "grace": grace, "grace_en": grace_en}


_NOTHING: dict = {}  # (landed's third part when nothing landed)


class Deadlines:
    """The ledger table's rows one cadre at a time (by_cadre.py), then what is said of them all."""

    def __init__(self, ctx: Context, history: History, owes=None):
        self.ctx, self.history, self.owes = ctx, history, owes  # (owes: SemesterContacts.owes; rows need it)
        self._read: tuple | None = None  # (_manifest, read when first asked)
        self.end_of_today = dt.datetime.combine(ctx.today + ONE_DAY, dt.time(), tzinfo=ctx.tz)
        self._dates: dict = {}  # period's id → (its deadline, its due day and its deadline as text)
        self._imported_on: dict = {}  # an import manifest's submitted date as written → landed's answer
        self._unreadable: set | None = None  # rel paths of ledgers that could not be read
        self._arrived: set | None = None  # (arrived_later, worked out when first asked)
        self.archived = ctx.archived  # (period → manifest)

    def manifest(self) -> tuple[dict[str, int], list[F.Finding], list[str]]:
        if self._read is None:
            self._read = _manifest(self.ctx)
        return self._read

    def imported(self, path: str) -> Item | None:
        """The import manifest's entry for a ledger's path (None: not imported)."""
        i = self.manifest()[0].get(path)
        return None if i is None else self.ctx.rs.imports[i]

    def check_imported(self, ledgers) -> None:
        """A ledger whose bytes are not those the import manifest gives (with the cadre's rows)."""
        ctx, index, imports = self.ctx, self.manifest()[0], self.ctx.rs.imports
        for led in ledgers:
            i = index.get(led.doc.rel)  # (as `imported`, without two calls a ledger)
            if i is None:
                continue
            entry = imports[i]
            digest = entry.get("sha256") if ctx.valid(entry) else None
            if isinstance(digest, str) and led.doc.sha256 and digest != led.doc.sha256 and not self._amended(led, digest):
                ctx.add("E-CHK-020", entry, entry.pos("sha256"), path=led.doc.rel,
                        amendment=amendment_path(led.doc, led.doc.folder, led.doc.stem),
                        data={"ledger": led.doc.rel, "expected": digest, "actual": led.doc.sha256})

    def _amended(self, led, digest: str) -> bool:
        """Whether the ledger was archived as imported (`digest`) and changed since by an amendment
        that accepts it as it is (archive.verify: no sha256, or this file's): the amendment
        records that change (reason, approver, date), not the import manifest."""
        period, cadre = led.doc.folder, led.doc.stem
        man = self.archived.get(period)
        if man is None or not any(isinstance(e, dict) and e.get("cadre") == cadre and e.get("sha256") == digest
                                  for e in man.get("ledgers") or []):
            return False
        amend = amendment_docs(self.ctx.rs).get((period, cadre))
        return amend is not None and amend.data.get("sha256") in (None, led.doc.sha256)

    def _state(self, led, path: str) -> dict:
        """W-CHK-006's words on a file that is there: not merged yet, or not readable (a cadre who
        broke the YAML of a filed ledger was told to file it, with no word of the file being there);
        none of a file that came after --today (arrived_later: on that day it was not there)."""
        if path in self.arrived_later():
            return {"state": "", "state_en": ""}
        if led is not None:
            return {"state": "：文件已存在，但还没有合并进主分支",
                    "state_en": ": the file exists but has not been merged into the branch"}
        if path in self.unreadable():
            return {"state": "：文件已存在，但有错误、无法读取，请先改正为这个文件报告的错误",
                    "state_en": ": the file exists but cannot be read; fix the errors reported for it"}
        return {"state": "", "state_en": ""}

    def unreadable(self) -> set[str]:
        """The ledger files (paths below records/) that are there and could not be read (an E-YAML error): handed
        in, when they landed, with errors — not missing (rows; told_submitted says so at their error)."""
        if self._unreadable is None:
            self._unreadable = {d.rel for d in self.ctx.rs.docs if d.kind == "ledger" and not d.mapping}
        return self._unreadable

    def landed(self, path: str) -> tuple[str, dt.date | None, dict]:
        """How the ledger at `path` (which is there) stood at the end of --today: ("import" | "git",
        the day it was submitted, its row's submitted, source and commit) when submitted by then;
        ("later", None, {}) when it was submitted after (the manifest's date, or its first landing
        in Git, is after --today); ("none", None, {}) when it has not landed in Git yet;
        ("unknown", None, {}) when there is no trustworthy history to tell."""
        entry = self.imported(path)
        if entry is not None:  # (12,007 ledgers at 12k, on a few hundred days: each day's answer made once)
            written = entry.get("submitted")
            hit = self._imported_on.get(written)
            if hit is None:
                day = parse_date(written)
                hit = self._imported_on[written] = ("import", day, {"submitted": iso(day), "source": "import"}) \
                    if day <= self.ctx.today else ("later", None, _NOTHING)
            return hit
        if self.history.state != "ok":
            return "unknown", None, {}
        landing = self.history.added.get(path)
        if landing is None:
            return "none", None, {}
        if landing.time >= self.end_of_today:
            return "later", None, {}
        got = {"submitted": landing.time.strftime("%Y-%m-%d %H:%M"), "source": "git", "commit": landing.commit}
        after = self.history.changed.get(path)
        if after:  # (the commits after its landing that changed it, by the end of --today)
            end = self.end_of_today.timestamp()
            after = [when for when in after if when < end]
            if after:
                got["changes"] = len(after)
                got["changed"] = dt.datetime.fromtimestamp(max(after), self.ctx.tz).date().isoformat()
        return "git", landing.time.date(), got

    def arrived_later(self) -> set[str]:
        """The ledger files (paths below records/, readable or not) submitted after --today: the import
        manifest's date, or their first landing in Git, is after it.  On that day they were not there:
        they are said nothing of (no finding of their content, validate's or the checks'), as the site
        built as of that day leaves them out.  (Asked of every run: found without asking `landed` of each
        ledger — at 12k that took 0.04 s, to find none in the usual run, of today.)"""
        if self._arrived is None:
            index, _found, late = self.manifest()
            added, end = self.history.added if self.history.state == "ok" else {}, self.end_of_today
            self._arrived = set(late)
            if added and max(map(itemgetter(1), added.values())) >= end:
                self._arrived.update(path for path, landing in added.items() if landing.time >= end
                                     and path not in index)
        return self._arrived

    def left_out(self) -> list[str]:
        """The ledger files there now that a past --today leaves out (check.not_there_on: not there on it), as
        findings name them, sorted — the report's ledgers_after_today; output.committed_later asks it of a change's
        files instead."""
        rs = self.ctx.rs
        gone = not_there_on(rs, self.arrived_later())
        # (there now: committed after the day, left unread (rs.absent_on), or brought by a later import, read)
        read = {doc.rel for doc in rs.docs if doc.kind == "ledger"} if gone - rs.absent_on else set()
        return sorted(display_path(rs.root / rel) for rel in gone
                      if rel in read or rel in rs.absent_on and kind_of(rel) == "ledger")

    def later(self) -> set[str]:
        """The ledgers (paths below records/) submitted after --today (arrived_later), and those of a
        period that had not begun by then: a past --today replays that day, when they were not there."""
        rs, today = self.ctx.rs, self.ctx.today
        unbegun = {period for period in set(map(itemgetter(0), rs.ledgers))
                   if (p := rs.period(period)) is not None and p.start > today}
        out = {led.doc.rel for (period, _cadre), led in rs.ledgers.items() if period in unbegun} if unbegun else set()
        for path in self.arrived_later():
            folder, _, name = path.rpartition("/")
            led = rs.ledgers.get((folder.rpartition("/")[2], name.removesuffix(".yaml")))
            if led is not None and led.doc.rel == path:
                out.add(path)
        return out

    def rows(self, cadre: str) -> list[dict]:
        """The cadre's rows of the ledger table (and W-CHK-005, -006, -017).  A period they did not owe
        and handed no ledger for has no row: it is passed over before anything else is asked of it."""
        ctx, rs = self.ctx, self.ctx.rs
        today, ledgers, arrived, owes = ctx.today, rs.ledgers, self.arrived_later(), self.owes
        rows = []
        name = ctx.cadre_name(cadre)
        for period in held_periods(ctx, cadre):
            led, required = ledgers.get((period.id, cadre)), owes(cadre, period)
            if led is None and not required:
                continue  # (a period not owed: only a ledger handed in all the same is listed, not late)
            path = f"ledgers/{period.id}/{cadre}.yaml"
            dates = self._dates.get(period.id)  # (by its id: a period's hash is that of its five values)
            if dates is None:
                deadline = last_on_time(rs, period)
                dates = self._dates[period.id] = (deadline, iso(period.due), iso(deadline))
            deadline = dates[0]
            status = days_late = submitted_day = None
            landed = _NOTHING
            broken = led is None and path in self.unreadable()  # (handed in, unreadable: its E-YAML is to fix)
            if led is not None or broken:
                how, submitted_day, landed = self.landed(path)
                if how == "unknown":
                    status = "unknown"
            if status is None:
                if submitted_day is not None:
                    late = (submitted_day - deadline).days
                    status, days_late = ("late", late) if late > 0 else ("on_time", None)
                elif not required:
                    continue
                else:
                    status = "missing" if today > deadline else "not_yet_due"
            if status in ("late", "missing", "not_yet_due") and ctx.exempt(cadre, "ledger", period.start, period.end):
                status = "exempt"
            unit = ctx.cadre_unit_on(cadre, period.end)  # (the unit they were in, for a cadre who moved)
            exists = (led is not None or broken and submitted_day is not None) and path not in arrived
            # (handed in with errors: a file there but not landed yet is not handed in — W-CHK-006 says it is there)
            handed = submitted_day is not None or status == "unknown"
            row = {"period": period.id, "cadre": cadre, "name": name, "unit": unit, "unit_name": ctx.unit_name(unit),
                   "due": dates[1], "deadline": dates[2], "status": status, "days_late": days_late,
                   "submitted": landed.get("submitted"), "source": landed.get("source"),
                   "commit": landed.get("commit"), "changes": landed.get("changes", 0),
                   "changed": landed.get("changed"), "path": path, "exists": exists,
                   "errors": exists and handed and (led is None or with_errors(rs, led.doc)), "required": required}
            if status == "late" and required:
                ctx.add("W-CHK-005", led or display_path(rs.root / path), led and led.doc.pos(()), name=name, period=period.id,
                        days=days_late, submitted=row["submitted"], **_due_words(row),
                        source="据导入清单" if row["source"] == "import" else "据 Git 记录",
                        source_en="import manifest" if row["source"] == "import" else "Git",
                        data={"cadre": cadre, "period": period.id, "days_late": days_late, "unit": unit})
            if status in ("on_time", "late") and required and today > deadline and led is not None:
                self._empty(led, row, period)
            if status == "missing":
                shown = display_path(rs.root / path)  # (the hint names it so: data/ledgers/… in a folder named data)
                ctx.add("W-CHK-006", shown, None, name=name, unit=ctx.unit_name(unit) or unit or "",
                        period=period.id, path=shown, data={"cadre": cadre, "period": period.id, "unit": unit},
                        **self._state(led, path), **_due_words(row))
            rows.append(row)
        return rows

    def _empty(self, led, row: dict, period) -> None:
        """W-CHK-017: an owed ledger, handed in, that records no activity once its deadline has passed
        (before, it may be a file handed in early and filled in later) — unless the cadre was excused
        from meeting students in the period (semester_contacts): then an empty ledger is what they owe."""
        ctx = self.ctx  # (its facts say so: its values, unread in a pull request that did not change it, stay so)
        if not ctx.facts(led).no_activities or not ctx.valid(led) or \
                ctx.exempt(row["cadre"], "semester_contacts", period.start, period.end):
            return
        ctx.add("W-CHK-017", led, led.pos("activities"), name=row["name"], period=row["period"], **_due_words(row),
                data={"cadre": row["cadre"], "period": row["period"]})

    def archived_rows(self) -> list[dict]:
        """The archived periods' rows, as their manifests give them (rows() leaves those periods out)."""
        return status_rows(self.ctx.rs, self.archived)

    def finish(self, rows: list[dict]) -> None:
        """What is said of the import manifest and of the table as a whole."""
        self.ctx.findings.extend(self.manifest()[1])
        unjudged = list(map(itemgetter("status"), rows)).count("unknown")
        if unjudged:
            code = "E-CHK-022" if self.history.state == "shallow" else "E-CHK-023"
            self.ctx.add(code, display_path(self.ctx.rs.root), None, count=unjudged,
                         reason=self.history.reason, reason_en=self.history.reason_en, **self._past())

    def _past(self) -> dict:
        """What E-CHK-022/023 add when --today is a past day and the ledgers could not be read as they were
        committed on it (cache.past_records: a shallow clone whose HEAD is older than the day had nothing
        to read), and are judged as they are now."""
        today = self.ctx.today
        if self.ctx.rs.unread_on != today:
            return {"past": "", "past_en": ""}
        return {"past": f"；也无法读取台账在 {today} 那一天的内容，各台账按现在的内容检查",
                "past_en": f"; nor can the ledgers be read as they were on {today}: each is judged as it is now"}



def told_once(findings: list, rs, data: dict) -> list:
    """`findings` (validate's and the checks', sorted) as check and the site tell them: an activity's day told outside
    its period not told again as a day without a contact point (told_by_error); a ledger handed in that cannot
    be read, submitted, its error to fix (told_submitted); a ledger in a folder under its period's, where it goes, not
    未提交 too (told_misplaced).  `data`: the checks' (its ledgers' rows)."""
    return told_misplaced(told_submitted(told_by_error(findings), rs, data))


def told_by_error(findings: list) -> list:
    """`findings` without W-CHK-012 (the activity's day, no contact point held) on a line where E-REF-004 (the day
    outside the ledger's period) is said: the error says it, with the same hint (before she took office:
    BEFORE_OFFICE), and the warning adds nothing."""
    said = {(f.file, f.line, f.column) for f in findings if f.code == "E-REF-004"}
    return [f for f in findings if not (f.code == "W-CHK-012" and (f.file, f.line, f.column) in said)] \
        if said else findings


def told_submitted(findings: list, rs, data: dict) -> list:
    """`findings` with the first error of each ledger handed in that could not be read (its row "exists" and has
    "errors", the file unreadable: Deadlines.unreadable) saying that it was submitted, when, and to fix that error
    (SUBMITTED_UNREADABLE) — not 未提交 (W-CHK-006), which a cadre who submitted it with a typo was told."""
    from generator.messages.check import SUBMITTED_UNREADABLE

    errors = {f.file for f in findings if f.severity == F.ERROR}
    if not errors:  # (only an error is told so: no walk of every file, after the copy writing the cache forked)
        return findings
    broken = {d.file: d.rel for d in rs.docs if d.file in errors and d.kind == "ledger" and not d.mapping}
    rows = {row["path"]: row for row in data.get("ledgers") or () if row.get("exists") and row.get("errors")} \
        if broken else {}
    told, out = set(), []
    for f in findings:
        row = rows.get(broken.get(f.file)) if f.severity == F.ERROR and f.file not in told else None
        if row is not None and row.get("submitted"):
            told.add(f.file)
            source, source_en = ("据导入清单", "by the import manifest") if row.get("source") == "import" else (
                "据 Git 记录", "by Git")
            zh, en = f.hint_zh, f.hint_en  # (after a line to type, a semicolon: not run into it)
            zh += "" if not zh or zh[-1] in "。！？）" else "；"
            en += "" if not en else " " if en[-1] in ".!?)" else "; "
            f = f.replace(hint_zh=zh + SUBMITTED_UNREADABLE[0].format(submitted=row["submitted"], source=source),
                          hint_en=en + SUBMITTED_UNREADABLE[1].format(submitted=row["submitted"], source_en=source_en))
        out.append(f)
    return out


def told_misplaced(findings: list) -> list:
    """`findings` with one finding for a ledger in a folder under its period's (ledgers/2026-H1/xgb/li-na.yaml):
    E-LOAD-004, where it goes, saying that until it is moved there it is not submitted (MISPLACED_MISSING, with
    W-CHK-006's words), and not W-CHK-006 未提交 beside it — a cadre was told both: move it, and submit it."""
    goes = {f.data["ledger"] for f in findings if f.code == "E-LOAD-004" and "ledger" in f.data}
    missing = {f.file: f for f in findings if f.code == "W-CHK-006" and f.file in goes} if goes else {}
    if not missing:
        return findings
    from generator.messages.check import MISPLACED_MISSING

    out = []
    for f in findings:
        if f.code == "W-CHK-006" and f.file in missing:
            continue
        if f.code == "E-LOAD-004" and (owed := missing.get(f.data.get("ledger"))) is not None:
            f = f.replace(hint_zh=f.hint_zh + MISPLACED_MISSING[0].format(missing=owed.message_zh),
                          hint_en=f"{f.hint_en} {MISPLACED_MISSING[1].format(missing=owed.message_en)}")
        out.append(f)
    return out


def in_grace(row: dict, today: str) -> bool:
    """Whether a ledger row not yet due (its deadline not passed) is past its due day (`today` and the
    row's `due` ISO dates): in the policy's grace days, said 宽限期内, not 未到截止日."""
    return row.get("status") == "not_yet_due" and str(row.get("due") or "") < today
