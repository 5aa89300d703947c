"""Which day the site is "as of": never the wall clock.

Order: the --today option; else the committer date of HEAD of the Git repository that
holds the records, in the policy's time zone; else the latest date written in the records.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.load import leaves
from generator.model import RecordSet, derived, zone_named
from generator.validate import parse_date

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def git_head_date(path: Path, timezone: str) -> dt.date | None:
    """Committer date of HEAD in `timezone`, or None outside a Git repository.  Asked as the history is
    (first_parent.git: the repository of `path`, not one a GIT_DIR of a hook or another tool names)."""
    from generator.check.first_parent import git

    try:
        out = git(path, "log", "-1", "--format=%ct", "HEAD")
    except OSError:  # (git missing, `path` gone)
        return None
    if out.returncode != 0 or not out.stdout.strip().isdigit():
        return None
    return dt.datetime.fromtimestamp(int(out.stdout.strip()), zone_named(timezone)).date()


def latest_record_date(rs: RecordSet) -> dt.date | None:
    best = None
    for doc in rs.docs:
        if doc.kind in ("ledger", "assignments", "cadre", "exemptions", "imports"):
            for _path, value in leaves(doc.data):
                if isinstance(value, str) and _DATE.match(value):
                    try:
                        d = dt.date.fromisoformat(value)
                    except ValueError:
                        continue
                    if best is None or d > best:
                        best = d
    return best


def site_today(rs: RecordSet, explicit: dt.date | None = None) -> tuple[dt.date, str]:
    """(today, where it came from: 'option' | 'git' | 'records' | 'none')."""
    if explicit:
        return explicit, "option"
    head = git_head_date(rs.root, rs.timezone)
    if head:
        return head, "git"
    latest = latest_record_date(rs)
    if latest:
        return latest, "records"
    return dt.date(1970, 1, 1), "none"


def without(rs: RecordSet, ledgers: set[str]) -> RecordSet:
    """`rs` without the ledgers (paths below records/) given: those not there yet on the site's day
    (generator.check.submitted_later), so that the pages do not count them (the checks, run on all the
    records as `check --today` runs, say nothing of those handed in later and E-CHK-007 of the others)."""
    return derived(rs, [doc for doc in rs.docs if doc.rel not in ledgers]) if ledgers else rs


def dated_by(rs: RecordSet, day: dt.date) -> RecordSet:
    """`rs` with the ledgers' activities and feedback items dated after `day` left out, as the checks
    count no activity after --today (a date after it is an error they report: E-CHK-006).  The
    documents are changed in place (the checks are done); `rs` itself when none is dated after."""
    after, changed = day.isoformat(), False
    for led in rs.ledgers.values():
        data = led.doc.data
        if not isinstance(data, dict):
            continue
        kept = {key: [v for v in data[key] if not (isinstance(v, dict) and str(parse_date(v.get(field)) or "") > after)]
                for key, field in (("activities", "date"), ("feedback", "raised_on")) if isinstance(data.get(key), list)}
        if any(len(kept[key]) != len(data[key]) for key in kept):
            led.doc.values_changed({**data, **kept})
            changed = True
    return derived(rs, rs.docs) if changed else rs
