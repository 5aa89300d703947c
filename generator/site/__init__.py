"""The published site: aggregate the records and the policy checks, render Markdown pages,
data files and exports into a build folder that MkDocs (or any static-site tool) reads.

    render_site(records, out, today=None) -> RenderResult(files, findings, today, today_source)

Generation does not depend on MkDocs: `python -m generator render --out build/generated`
writes the same files the MkDocs hook (mkdocs_hook.py) adds to the build.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import findings as F


@dataclass
class RenderResult:
    files: dict[str, bytes] = field(default_factory=dict)
    findings: list = field(default_factory=list)
    today: dt.date | None = None
    today_source: str = ""
    written: int = 0
    records: object = None  # the RecordSet the site was built from
    pending: list = field(default_factory=list)  # downloads not in `files`: written aside (build_site(downloads_aside=…))
    finish: object = None  # waits for the downloads written aside
    sources: dict = field(default_factory=dict)  # build_site(slots=True): page -> (Markdown with slots, {slot: span in files[page]})


def build_site(records: Path, today: dt.date | None = None, downloads_aside: Path | None = None,
               slots: bool = False) -> RenderResult:
    """Everything the site shows, as {docs-relative path: bytes}; nothing is written.
    downloads_aside: the downloads (XLSX, CSV, JSON) are instead written below this folder by a
    second process, started as soon as their tables are known (so while the pages are
    rendered); they are listed in `pending` and `finish()` waits for them.
    slots: the pages with ledger bodies are also given in `sources` with a fastmd slot for each
    body, for MkDocs to read (the bodies, kept out of the search index, are put back after it)."""
    from generator.cache import keep_answers, long_lived
    from generator.check import git_history
    from generator.pipeline import validate_records_and
    from generator.site.exports import write_aside
    from generator.site.aggregate import Aggregate
    from generator.site.checks import CheckView
    from generator.site.pages import Site
    from generator.site.privacy_guard import TextGuard
    from generator.site.today import site_today

    def checked(rs):  # (run while references, privacy and archive are checked: validate_records_and)
        day, source = site_today(rs, today)
        with long_lived():  # the check results stay alive to the end
            return day, source, CheckView(rs, day, repo=_repo_of(records))

    git_history.begin(records, _repo_of(records))  # git reads the ledgers' history while the records load
    rs, findings, (day, source, checks) = validate_records_and(records, checked)
    with long_lived():  # as do the site's tables
        guard = TextGuard(rs)
        agg = Aggregate(rs, day, checks, guard)
    shown = sorted(set(findings) | set(checks.findings), key=F.Finding.sort_key)
    site = Site(rs, agg, shown, source, extra=lambda: checks.problem_findings(str(records)) + guard.findings)
    waits = []
    if slots:
        site.slotted = {}
    if downloads_aside is not None:
        site.aside = lambda jobs: waits.append(write_aside(jobs, downloads_aside))
    files = site.build()
    keep_answers()  # the positions worked out, for the next build
    extra = checks.problem_findings(str(records)) + guard.findings
    return RenderResult(files=files, findings=sorted(set(findings) | set(checks.findings) | set(extra),
                                                     key=F.Finding.sort_key),
                        today=day, today_source=source, records=rs, pending=site.pending,
                        finish=waits[0] if waits else (lambda: 0), sources=site.slotted or {})


def write_tree(files: dict[str, bytes], out: Path, also: tuple = ()) -> int:
    """Write `files` below `out`: changed files only, stale generated files removed
    (`also`: paths written by someone else, kept)."""
    from generator.site.exports import write_if_changed

    out.mkdir(parents=True, exist_ok=True)
    written = sum(write_if_changed(out / rel, data) for rel, data in files.items())
    keep = {str(out / rel) for rel in (*files, *also)}
    for dirpath, dirnames, filenames in os.walk(out, topdown=False):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if full not in keep:
                os.remove(full)
        if dirpath != str(out) and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return written


def render_site(records: Path, out: Path, today: dt.date | None = None, aside: bool = False,
                slots: bool = False) -> RenderResult:
    """build_site, written below `out`.  aside: the downloads are written by a second
    process while the caller goes on; call `result.finish()` before reading them.
    slots: see build_site."""
    result = build_site(records, today, downloads_aside=out if aside else None, slots=slots)
    result.written = write_tree(result.files, out, also=tuple(job.path for job in result.pending))
    return result


def _repo_of(records: Path) -> Path | None:
    path = records.resolve()
    for candidate in [path, *path.parents]:
        if (candidate / ".git").exists():
            return candidate
    return None
