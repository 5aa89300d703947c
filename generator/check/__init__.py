"""Policy checks (R1, R2, R4, R5, R6, R10, R11): `python -m generator check`.

Public API — the site and the Git workflow call exactly this:

    from generator.check import run_checks, CheckResult
    result = run_checks(rs, today, repo=None, strict=False, as_json=False)
    result.findings   # list[generator.findings.Finding], sorted; record errors are E-CHK-…,
                      # time-based findings are W-CHK-… (errors only when strict=True)
    result.data       # plain JSON-serialisable dict, computed once (shape below)
    submitted_later(rs, today, repo=None)  # (the ledgers not there yet on `today`: the site leaves them out,
                                           #  the ledger files handed in after it: result.arrived)
    as_of(findings, rs, arrived)  # the findings but those of the ledger files handed in after the day

`rs` is the RecordSet from `pipeline.validate_records`; checks never read record files
again.  `today` is a datetime.date (the CLI defaults it to today in the policy time zone).
`repo` is the Git work tree that holds the records; None means "the repository that
contains rs.root, if any".  Ledger submission times are read from that repository's
first-parent history in one `git log` call (see deadlines.py, git_history.py and
site/guide/deadlines.md for the threat model).

`check --format json` prints {"findings": [Finding.as_dict(), …], **result.data} (with --base REV, the findings
of the files changed since REV and every error, and "base": {"rev", "files_read": bool, "why": str | null,
"not_listed": int (the warnings in other files),
"after_today": [{"file", "message"}] (the changed files committed after a past --today: not checked, not counted),
"as_then": [{"file", "message"}] (those changed after it: checked as they were on it)}: output.as_json; with --unit ID,
the errors and the warnings of those units, and "unit": {"ids", "names", "not_listed": int (the other warnings),
"said": the sentence the other formats begin with}: unit_scope; "exemptions" those of the units' cadres on their days
(Scope.exemptions_of, as markdown's table); "summary" counts all findings, and the other rows (ledgers, coverage,
semester_matrix, feedback, assignments) are the university's, as the overview it counts them in;
"not_checked": [file, …] (the ledger files, as the findings name them, whose validate errors kept the policy checks from
reading their content — contact points, activity dates, contacts a semester, feedback —: once fixed, new findings may
come; text, markdown and github say so of each: output.not_checked), from
run_checks(…, as_json=True): its "feedback" is then a report.Raw, the rows as that report writes
them (report.dumps writes it as the list below; nothing else reads it).

Shape of `result.data` (dates are "YYYY-MM-DD" strings, absent values are null):

  "today": "2026-11-28",
  "timezone": "Asia/Shanghai",
  "strict": false,
  "summary": {"errors": int, "warnings": int, "ledgers": {status: count}, "uncovered_classes": int,
              "semester_unmet": int, "feedback_overdue": int, "feedback_open": int,
              "ledgers_with_errors": int (the ledger rows with "errors": true)},
  "periods": [{"id": "2026-H1", "name": "2026年上半年", "start", "end", "due",
               "deadline": due + grace days, "due_by_today": bool}],
  "coverage": [{"academic_year": "2026-2027", "start", "end", "cohort": 2026,
                "deadline": start + grace days, "judged": bool (deadline ≤ today),
                "checked_on": min(today, end),
                "classes": [{"class", "name", "unit", "unit_name", "cohort", "covered": bool (on checked_on),
                             "cadres": [cadre ids covering on checked_on],
                             "uncovered_since": date | null (start of the gap open on checked_on),
                             "gaps": [{"from", "to"}]  (uncovered spans from the deadline to checked_on)}]}],
  "assignments": [{"cadre", "name", "unit", "unit_name", "active_from", "active_to",
                   "rows": [{"cycle", "kind": "class" | "club", "point", "point_name", "point_unit",
                             "start", "end" (its last day counted: the class's or club's until when earlier;
                             as of today, as the site shows it: an end after today and before the cycle's is the
                             cycle's end, with reason null, or null — running — when the class or club ends
                             after today before the cycle's end),
                             "void": bool (it starts after its class or club ended: never counted; start and
                             end as written), "point_until": date | null (the class's or club's last day),
                             "left_on": date | null (its end is the cadre's last day, active_to: 离任 on the site —
                             a row with no end, or a later one, ends on it, and a reason of that later end is null),
                             "reason", "file", "line"}]  (the rows begun by today, as on the site),
                   "later": int (the rows starting after today: counted, not listed, as on the site)}],
  "semester_matrix": {"semesters": [{"id", "name", "academic_year", "start", "end", "ended": bool,
                                     "judged": bool (ended, and the ledgers recording it all due)}],
                      "rows": [{"cadre", "name", "unit", "unit_name",
                                "cells": {semester_id: {"required": int (0 = not required), "count": int,
                                                        "met": bool, "exempt": bool,
                                                        "uncounted": {"activities": int (dated with a date that
                                                        is not one), "unreadable": [file of a ledger that cannot
                                                        be read]} (only in a cell short of its number whose
                                                        ledgers' errors keep activities from its count)}}}]},
  "ledgers": [{"period", "cadre", "name", "unit", "unit_name", "due", "deadline",
               "status": "on_time" | "late" | "missing" | "not_yet_due" | "exempt" | "unknown",
               "days_late": int | null, "submitted": "YYYY-MM-DD HH:MM" (Git, policy zone) |
               "YYYY-MM-DD" (import) | null, "source": "git" | "import" | "archive" | null,
               "commit": sha | null, "changes": int (source "git": the first-parent commits after the landing
               that changed the file by the end of today — 合并后修改 N 次 on the site; 0 otherwise),
               "changed": "YYYY-MM-DD" (the last of them, policy zone) | null, "path": "ledgers/<period>/<cadre>.yaml",
               "exists": bool,
               "errors": bool (the file is there with validate errors: handed in, status as it came, not
               accepted until fixed — deadlines.with_errors, as remind and the site say; false for a file
               there but not landed yet, not handed in: W-CHK-006 says it is there),
               "required": bool (false: handed in by a cadre who did not owe it — contacts.min_days_held —
               listed as it landed, not late against them: no W-CHK-005, not in the summary's counts)}],
               ("unknown": no trustworthy history — shallow clone or no repository;
                "archive": an archived period's row, its manifest's, with "archived_on")
  "ledger_sources": {"git": int, "import": int, "archive": int, "none": int, "history": "ok" | "shallow" | "no_repo" | "error"},
  "ledgers_after_today": [file, …] (the ledger files there now, as the findings name them, that a past --today leaves
                         out: committed, or imported with a date, after it — Deadlines.left_out; the overview says
                         how many: "N 份台账在 D 之后才提交，未计入（按 D 当天的记录检查）"),
  "policy_history": "ok" | "shallow" | "no_repo" | "error" (whether the policy's and the calendar's versions could be
                    read from Git for W-CHK-015 and W-CHK-016; when not, the text report's overview says so once),
  "feedback": [{"root", "status", "meaning", "age_days", "overdue": bool, "unit", "unit_name", "cadre",
                "category", "kind", "raised_on",
                "links": [{"id", "ledger", "file", "period", "cadre", "raised_on", "status", "meaning",
                           "nature" (null where the link says none), "escalated_to", "resolution", "resolved_on", "note", "description"}]}],
  "exemptions": [{"cadre", "name", "rules": [...], "start", "end", "reason", "approved_by",
                  "state": "active" | "expired" | "future", "file", "line",
                  "excused": [{"rule": "semester_contacts" | "ledger", "id", "name" (a semester or period it
                               overlaps), "percent": int | null, "min_percent": int, "excused": bool}]
                               (exemptions.excused)}]
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import findings as F
from generator.model import RecordSet


class CheckResult:
    def __init__(self, findings: list | None = None, data: dict | None = None, later: frozenset = frozenset(),
                 arrived: frozenset = frozenset(), meanings_then: dict | None = None):
        self.findings: list = [] if findings is None else findings
        self.data: dict = {} if data is None else data
        self.later = later  # the ledgers not there yet at the end of today (submitted_later), from the same history
        self.arrived = arrived  # the ledger files handed in after today (Deadlines.arrived_later)
        self.meanings_then = meanings_then  # archive.meanings_then, as Git told the checks (the site's tables take it)


def run_checks(rs: RecordSet, today: dt.date, *, repo: Path | None = None, strict: bool = False,
               as_json: bool = False) -> CheckResult:
    from generator.cache import long_lived
    from generator.check.deadlines import rows_told_late
    from generator.check.runner import run

    with long_lived():  # the rules' indexes and results live on (see long_lived)
        result = run(rs, today, repo=repo, strict=strict, as_json=as_json)
    rows_told_late(result.data, rs)  # (a ledger with a reference error: handed in with errors, once they are found)
    return result


def submitted_later(rs: RecordSet, today: dt.date, *, repo: Path | None = None) -> tuple[set[str], set[str]]:
    """(The ledgers (paths below records/) that were not there yet at the end of `today`: submitted
    after it (the import manifest's date, or their first landing in Git), or of a period that had
    not begun — what run_checks does not count as submitted by then; a site built "as of" a past
    day leaves them out.  The ledger files, readable or not, submitted after it: as_of.)"""
    from generator.check.runner import submitted_later as later

    return later(rs, today, repo)


def not_there_on(rs: RecordSet, arrived) -> set[str]:
    """The files (paths below records/) that were not there on a past --today: committed after it (cache.past_records
    left them out: rs.absent_on — one deleted before it and added again after it too) or ledgers handed in after it by
    an import (`arrived`: Deadlines.arrived_later; read, and nothing said of them: as_of).  The one answer both uses
    narrow: Deadlines.left_out, to the ledgers there now (the report's count of them); output.committed_later, to a
    change's files (check --base: not checked)."""
    return set(rs.absent_on) | set(arrived)


def as_of(findings, rs: RecordSet, arrived) -> list:
    """`findings` but those in the ledger files `arrived` (paths below records/: handed in after the
    day checked, CheckResult.arrived): on that day they were not there, so nothing is said of them —
    validate's findings of their content as well as the checks' (W-CHK-006 names a missing ledger by
    its path, and stays)."""
    if not arrived:
        return findings
    files = {doc.file for doc in rs.docs if doc.rel in arrived}
    return [f for f in findings if f.file not in files or f.code == "W-CHK-006"]
