"""Which day the site is "as of": never the wall clock.

Order: the --today option; else the committer date of HEAD of the Git repository that
holds the records, in the policy's time zone; else the latest date written in the records.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.model import RecordSet

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def git_head_date(path: Path, timezone: str) -> dt.date | None:
    """Committer date of HEAD in `timezone`, or None outside a Git repository."""
    try:
        out = subprocess.run(["git", "-C", str(path), "log", "-1", "--format=%ct", "HEAD"],
                             capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0 or not out.stdout.strip().isdigit():
        return None
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("Asia/Shanghai")
    return dt.datetime.fromtimestamp(int(out.stdout.strip()), zone).date()


def latest_record_date(rs: RecordSet) -> dt.date | None:
    best = None

    def walk(value):
        nonlocal best
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and _DATE.match(value):
            try:
                d = dt.date.fromisoformat(value)
            except ValueError:
                return
            if best is None or d > best:
                best = d

    for doc in rs.docs:
        if doc.kind in ("ledger", "assignments", "cadre", "exemptions", "imports"):
            walk(doc.data)
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
