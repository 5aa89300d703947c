"""The published site: aggregate the records and the policy checks, render Markdown pages,
data files and exports into a build folder that MkDocs (or any static-site tool) reads.

    render_site(records, out, today=None) -> RenderResult(files, findings, today, today_source)

Generation does not depend on MkDocs: `python -m generator render --out build/generated`
writes the same files the MkDocs hook (mkdocs_hook.py) adds to the build.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
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
    validated: list = field(default_factory=list)  # validate's findings of it (those of `findings` not from the checks)
    pending: list = field(default_factory=list)  # paths of the downloads not in `files`: written aside (build_site(downloads_aside=…))
    finish: object = None  # waits for the downloads written aside
    sources: dict = field(default_factory=dict)  # build_site(slots=True): page -> (Markdown with slots, {slot: span in files[page]})
    name_words: dict = field(default_factory=dict)  # a cadre's page -> the words of the name its search index entry holds (search_zh.name_words)


class Written(Mapping):
    """{docs-relative path: bytes} of files written below `out` as they are made, so that a large
    site's pages (≈120 MB for 13,000 ledgers) never all wait in memory: the bytes are read back
    from `out` when asked.  `changed`: how many files were new or different."""

    def __init__(self, out: Path):
        self.out, self.changed, self._paths = out, 0, {}

    def __setitem__(self, rel: str, data: bytes) -> None:
        from generator.site.exports import write_if_changed

        self.changed += write_if_changed(self.out / rel, data)
        self._paths[rel] = None

    def keep(self, rel: str) -> None:
        """`rel` is below `out` already, as it should be (generator.site.page_memo): not written."""
        self._paths[rel] = None

    def __getitem__(self, rel: str) -> bytes:
        if rel not in self._paths:
            raise KeyError(rel)
        return (self.out / rel).read_bytes()

    def __iter__(self):
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def build_site(records: Path, today: dt.date | None = None, downloads_aside: Path | None = None,
               slots: bool = False, files: Written | None = None, given: tuple | None = None) -> RenderResult:
    """Everything the site shows, as {docs-relative path: bytes}; nothing is written unless
    `files` (a Written) is given, in which each file is written as it is made.
    downloads_aside: the downloads (XLSX, CSV, JSON) are instead written below this folder by a
    second process, started as soon as their tables are known (so while the pages are
    rendered); they are listed in `pending` and `finish()` waits for them.
    slots: the pages with ledger bodies are also given in `sources` with a fastmd slot for each
    body, for MkDocs to read (the bodies, kept out of the search index, are put back after it).
    given: (rs, findings, checked) — the records as validate_records_and read them (as of `today`),
    their findings and run_checks(rs, today) — when the caller has them (archive): neither the records
    nor their history are read again.
    Paths are shown from the repository's top (else the records' parent folder), wherever the build
    runs: the site's readers see records/cadres/x.yaml, not the build machine's folders."""
    from generator.load import shown_from

    with shown_from(_top(records)):
        return _build(records, today, downloads_aside, slots, files, given)


def _top(records: Path) -> Path:
    """The repository holding `records` (its top folder, as named: no link followed), else their parent."""
    path = Path(records).absolute()
    return next((c for c in [path, *path.parents] if (c / ".git").exists()), path.parent)


def _build(records: Path, today, downloads_aside, slots: bool, files, given) -> RenderResult:
    from generator.cache import cache_dir, keep_answers, long_lived
    from generator.load import display_path
    from generator.check import git_history
    from generator.pipeline import validate_records_and
    from generator.site.exports import write_aside
    from generator.site.aggregate import Aggregate
    from generator.site.checks import CheckView
    from generator.site.conform import conforming
    from generator.site.pages import Site
    from generator.site.privacy_guard import TextGuard
    from generator.check import as_of, submitted_later
    from generator.check.deadlines import told_once
    from generator.site.today import dated_by, site_today, without

    asked: list = []  # (the site's day, worked out once: the references stage asks it first)

    def day_of(rs) -> tuple:
        if not asked:  # (git's head date, else every record's dates walked)
            asked.append(site_today(rs, today))
        return asked[0]

    def checked(rs, result=None):  # (run while references, privacy and archive are checked: validate_records_and)
        day, source = day_of(rs)
        # as of `day`: the ledgers that came later, and those of a period not begun, are not on the pages;
        # the checks are check's of that day (which say nothing of the former and E-CHK-007 of the latter)
        with long_lived():  # the check results stay alive to the end
            checks = CheckView(rs, day, repo=_repo_of(records), result=result)
        # (the checks' own, from the history they read; else read for them alone)
        later, arrived = checks.later_arrived or submitted_later(rs, day, repo=_repo_of(records))
        return day, source, checks, without(rs, later), arrived, rs

    if given is not None:
        findings = given[1]
        day, source, checks, rs, arrived, read = checked(given[0], given[2])
    else:
        git_history.begin(records, _repo_of(records))  # git reads the ledgers' history while the records load
        _, findings, (day, source, checks, rs, arrived, read) = validate_records_and(
            records, checked, lambda rs: day_of(rs)[0], as_of=today, repo=_repo_of(records), checks=True)  # (the ledgers of that day)
    findings = as_of(findings, read, arrived)  # (nothing is said of a ledger handed in after the day)
    rs = dated_by(conforming(rs), day)  # a record with errors: the pages show only the values its schema allows
    with long_lived():  # as do the site's tables
        guard = TextGuard(rs)
        agg = Aggregate(rs, day, checks, guard)
    # (as check tells them: a ledger handed in that cannot be read, submitted; one in a unit's folder, where it goes)
    shown = told_once(sorted(set(findings) | set(checks.findings), key=F.Finding.sort_key), read, checks.data)
    site = Site(rs, agg, shown, source, extra=lambda: checks.problem_findings(display_path(records)) + guard.findings)
    waits = []
    if files is not None:
        site.files = files
    if slots:
        site.slotted = {}
    if downloads_aside is not None:
        kept = cache_dir(records)  # (what the helper wrote of each table, noted beside the records' cache)
        site.aside = lambda jobs: waits.append(write_aside(jobs, downloads_aside, kept))
    if isinstance(site.files, Written) and cache_dir(records) is not None:
        site.memo = _page_memo(cache_dir(records), site.files.out, site)
    files = site.build()
    if site.memo is not None:
        site.memo.close()
    keep_answers()  # the positions worked out, for the next build
    extra = checks.problem_findings(display_path(records)) + guard.findings
    return RenderResult(files=files, findings=sorted(set(shown) | set(extra),
                                                     key=F.Finding.sort_key),
                        today=day, today_source=source, records=rs, validated=findings, pending=site.pending,
                        finish=waits[0] if waits else (lambda: 0), sources=site.slotted or {},
                        name_words=site.name_words)


def _page_memo(folder: Path, out: Path, site):
    """The notes of the pages the last build wrote into `out` (page_memo), salted with all the
    rendering depends on besides the values each page's template reads."""
    from generator.cache import _installed, program_version
    from generator.site.page_memo import PageMemo
    from generator.site.pages import TEMPLATES

    salt = [program_version(), sorted(_installed(("jinja2", "markupsafe")).items()), site.institution,
            site.rs.suggestions_title()]
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file():
            salt += [str(path.relative_to(TEMPLATES)), path.read_bytes().hex()]
    return PageMemo(folder, out, repr(salt).encode("utf-8", "surrogatepass"))


def _prune(out: Path, keep) -> None:
    """Remove the files below `out` that are not in `keep` (paths relative to `out`), and empty folders."""
    keep = {str(out / rel) for rel in keep}
    for dirpath, dirnames, filenames in os.walk(out, topdown=False):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if full not in keep:
                os.remove(full)
        if dirpath != str(out) and not os.listdir(dirpath):
            os.rmdir(dirpath)


def render_site(records: Path, out: Path, today: dt.date | None = None, aside: bool = False,
                slots: bool = False) -> RenderResult:
    """build_site, each file written below `out` as it is made (changed files only; stale
    generated files removed at the end).  aside: the downloads are written by a second process
    while the caller goes on; call `result.finish()` before reading them (the stale files are
    removed then).  slots: see build_site."""
    out.mkdir(parents=True, exist_ok=True)
    result = build_site(records, today, downloads_aside=out if aside else None, slots=slots, files=Written(out))
    result.written = result.files.changed
    keep = [*result.files, *result.pending]
    if not result.pending:
        _prune(out, keep)
        return result
    written = result.finish

    def finish():  # stale files go once the downloads are written, never while (their new files, a folder)
        changed = written()
        _prune(out, keep)
        return changed

    result.finish = finish
    return result


def _repo_of(records: Path) -> Path | None:
    path = records.resolve()
    for candidate in [path, *path.parents]:
        if (candidate / ".git").exists():
            return candidate
    return None
