"""Shared by the site tests: a Git repository of records and one real `mkdocs build` of it.

The demo university as bench/corpus.py --demo writes it (gitrepo.demo_records), committed into a temporary
Git repository — not records/, which in a university's own clone holds its own records (README); with
SITE_TESTS_FIXTURE=1 the small record set in tests/fixtures/site_records/, committed into a temporary Git
repository with controlled dates so that on-time / late ledgers are real Git facts.
Built once per test process (memoised), because a build takes seconds.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_records"
FIXTURE_TODAY = "2026-03-25"
_CACHE: dict = {}


@dataclass
class Built:
    records: Path
    public: Path
    generated: Path
    today: str | None
    log: str


def git(repo: Path, *args, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def fixture_repo(base: Path, mutate=None) -> Path:
    """The fixture records in a fresh Git repository: organisation first, ledgers when filed."""
    repo = base / "repo"
    records = repo / "records"
    shutil.copytree(FIXTURE, records)
    if mutate:
        mutate(records)
    git(repo, "init", "-q", "-b", "main")
    ledgers = sorted(p.relative_to(repo).as_posix() for p in records.glob("ledgers/*/*.yaml"))
    others = [p.relative_to(repo).as_posix() for p in records.rglob("*.yaml")
              if p.relative_to(repo).as_posix() not in ledgers]
    git(repo, "add", *others)
    git(repo, "commit", "-q", "-m", "组织与安排", date="2025-08-20T10:00:00+08:00")
    # 2025-H2: 张伟 on time, 陈刚 late (after 2025-12-31); 2026-H1: 张伟 early.
    when = {"ledgers/2025-H2/zhang-wei.yaml": "2025-12-28T16:00:00+08:00",
            "ledgers/2025-H2/chen-gang.yaml": "2026-01-06T09:00:00+08:00",
            "ledgers/2026-H1/zhang-wei.yaml": "2026-03-20T09:00:00+08:00"}
    # committed in the order of their days, as on a real main branch (a commit dated before its
    # parent reads as a clock running wrong: check's past-day walk, git_history)
    dated = sorted((when.get(path.removeprefix("records/"), "2026-03-21T09:00:00+08:00"), path) for path in ledgers)
    for date, path in dated:
        git(repo, "add", path)
        git(repo, "commit", "-q", "-m", f"台账 {path}", date=date)
    return records


def mkdocs_build(records: Path, out: Path, today: str | None, env: dict | None = None) -> Built:
    """A real `mkdocs build` of `records` into `out`, as of `today` (None: the clock), `env` added to the environment."""
    env = {**os.environ, "LEDGER_RECORDS": str(records), "LEDGER_GENERATED": str(out / "generated"),
           "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    env.pop("LEDGER_TODAY", None)
    if today:
        env["LEDGER_TODAY"] = today
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out / "public")], env=env, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return Built(records, out / "public", out / "generated", today, proc.stderr)


# the day the generated demo is committed, and so the built site's today (HEAD's date, as `make site` takes it):
# the day of the demo's six warnings (DEVELOPERS.md, README)
DEMO_COMMITTED = "2026-12-02T10:00:00+08:00"


def demo_ready() -> bool:
    return os.environ.get("SITE_TESTS_FIXTURE") != "1"


def demo_repo(base: Path) -> Path:
    """The generated demo's records/ in a fresh Git repository, committed on DEMO_COMMITTED (its ledgers' days of
    submission are its import manifest's)."""
    from gitrepo import demo_records

    repo = base / "repo"
    demo_records(repo / "records")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "records")
    git(repo, "commit", "-q", "-m", "示例大学的记录", date=DEMO_COMMITTED)
    return repo / "records"


def built_site(tmp_factory) -> Built:
    """The one site build every site test reads (the generated demo, else the fixture)."""
    if "site" not in _CACHE:
        base = tmp_factory.mktemp("site")
        if demo_ready():
            _CACHE["site"] = mkdocs_build(demo_repo(base), base, None)
        else:
            _CACHE["site"] = mkdocs_build(fixture_repo(base), base, FIXTURE_TODAY)
    return _CACHE["site"]


def ledger_section(page: str, period: str) -> str:
    """One ledger's section of a cadre page (built HTML or generated Markdown): from the heading
    whose anchor is the period to the next second-level heading — any page's section by its anchor too."""
    m = re.search(r'<h2[^>]*\bid="%s"' % re.escape(period), page) or \
        re.search(r"^## .*\{ #%s[ }.]" % re.escape(period), page, re.M)
    assert m, f"no ledger section #{period}"
    end = re.search(r"<h2[\s>]|^## ", page[m.end():], re.M)
    return page[m.start(): m.end() + end.start()] if end else page[m.start():]
