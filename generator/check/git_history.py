"""When did each ledger land in the checked branch?  One `git log` for all ledgers.

The submission time of records/ledgers/<period>/<cadre>.yaml is the committer time of
the first commit, walking the FIRST-PARENT history of HEAD, whose diff against its
first parent adds that exact path.  Why (the threat model is in site/guide/deadlines.md):

* first-parent: on the protected branch every first-parent commit is a merge, squash or
  rebase commit made by the Git host when it accepted a pull request, so its committer
  time is when the ledger became part of the branch — not when the cadre says they
  wrote it (author dates and the commits inside a pull request are the cadre's to forge);
* `--no-renames`: a ledger moved or copied from another period's folder is *added* at
  its new path; it does not inherit the old file's date (so no `--follow`);
* the first (oldest) addition counts: deleting and re-adding a file cannot reset it, and
  later edits are amendments, visible in the history — and read from the same log: History.changed, the
  first-parent commits after the landing that change the file (合并后修改 N 次 on the site, no `git log` a file);
* a shallow clone has no trustworthy history: we refuse to judge (state "shallow").

The landings worked out for a commit are kept in the cache folder (cache.KeptResult).  When the commit
they were kept for is on HEAD's first-parent chain (a pull request's merge commit has main's tip,
whose site build kept them, as its first parent), only the commits after it are read and their
additions added (the kept, older, landings win): a 12k repository's full `git log` takes ≈0.45 s.
Whether that commit is on the chain is read from the same log; when it is not (history rewritten,
another repository), the whole history is read as before.  The log is first_parent.Log's, and the
commits read since the kept one are handed on (History.since): policy_history takes the policy's
changes from them when its versions were kept for the same commit (one `git log` for both).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from collections import namedtuple
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.cache import KeptResult
from generator.layout import AS_OF_DAY, kind_of, manifest_files
from generator.check.first_parent import GIT, Log, commits, env, files, git, is_commit


# A ledger's first landing: its commit, and the commit's committer time (aware, in the policy time
# zone).  (A named tuple: 12,007 of them made each run at 12k.)
Landing = namedtuple("Landing", ("commit", "time"))
Repo = namedtuple("Repo", ("root", "shallow", "head"))  # (head "": no commit yet)


def ask(where: Path) -> Repo | None:
    """The repository of `where` — its top folder, whether it is a shallow clone, HEAD — in one
    `git rev-parse` (the one a check asks: shared through History.asked and the begun reading);
    None outside a repository.  OSError when git cannot run."""
    got = git(where, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--verify", "-q", "HEAD")
    lines = got.stdout.split("\n") + ["", "", ""]
    if lines[1].strip() not in ("true", "false"):
        return None
    return Repo(Path(lines[0].strip()), lines[1].strip() == "true", lines[2].strip() if got.returncode == 0 else "")


class History:
    def __init__(self, state: str, reason: str = "", added: dict | None = None, reason_en: str | None = None,
                 head: str | None = None, since: tuple | None = None, asked: tuple | None = None,
                 changed: dict | None = None):
        self.asked = asked  # (ask()'s answer,) when the reading asked git about the repository, else None
        self.state = state  # ok | shallow | no_repo | error
        self.reason = reason  # why it could not be read, in Chinese (git's own words as they are)
        self.reason_en = reason if reason_en is None else reason_en
        self.added: dict[str, Landing] = {} if added is None else added  # path below records/ → first landing
        # path below records/ → the committer times (seconds) of the first-parent commits after its first landing that
        # change it (edit, delete, add again), newest first; only the paths changed since they landed
        self.changed: dict[str, list[int]] = {} if changed is None else changed
        self.head = head  # the commit read (None: no log read)
        # (the kept commit, the first_parent.Log of HEAD's first-parent commits after it) when the landings were
        # read since it: policy_history reads the policy's changes there too, with no `git log` of its own
        self.since = since

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.state, self.reason, self.added, self.changed) == (other.state, other.reason, other.added,
                                                                       other.changed)

    __hash__ = None  # (changed as it is read)

    def __repr__(self) -> str:
        return f"History({self.state!r}, {self.reason!r}, {len(self.added)} landings)"


# ---- begun early: `git log` runs in its own process while the records load -----------
_begun: dict[tuple, "_Reading"] = {}


def _key(records: Path, repo: Path | None) -> tuple:
    return str(Path(records).resolve()), str(Path(repo).resolve()) if repo is not None else None


def begin(records: Path, repo: Path | None = None) -> None:
    """Start reading the history now (the command does, before it loads the records: on a
    large repository `git log` takes about a second, on the otherwise idle second core).
    The next read_history of the same records and repo takes the result; forget() stops it.
    Begun again (`mkdocs serve` rebuilds), the history is read afresh."""
    forget(records, repo)
    _begun[_key(records, repo)] = _Reading(records, repo)


def forget(records: Path, repo: Path | None = None) -> tuple | None:
    """The history is not needed after all: stop reading it.  What its `git rev-parse` said (History.asked)."""
    reading = _begun.pop(_key(records, repo), None)
    if reading is not None:
        reading.stop()
        return reading.asked
    return None


def read_history(records: Path, repo: Path | None, tz: ZoneInfo) -> History:
    reading = _begun.pop(_key(records, repo), None) or _Reading(records, repo)
    return reading.result(tz)


class _Reading:
    def __init__(self, records: Path, repo: Path | None):
        self.done: History | None = None  # known without the log (no repository, shallow …)
        self.log: Log | None = None
        self.asked: tuple | None = None
        try:
            self._start(records, repo)
        except (OSError, ValueError) as exc:  # git missing, bad directory
            self.done = History("no_repo", str(exc))

    def _start(self, records: Path, repo: Path | None) -> None:
        self.asked = (ask(Path(repo) if repo is not None else Path(records)),)
        found = self.asked[0]
        if found is None:
            self.done = History("no_repo", "不是 Git 仓库", reason_en="not a Git repository", asked=self.asked)
            return
        root = found.root
        if found.shallow:
            self.done = History("shallow", "浅克隆", reason_en="shallow clone", asked=self.asked)
            return
        try:
            prefix = Path(records).resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            self.done = History("no_repo", f"记录目录不在仓库 {root} 中",
                                reason_en=f"the records folder is outside the repository {root}", asked=self.asked)
            return
        self.prefix = "" if prefix == "." else prefix + "/"
        if not found.head:
            self.done = History("ok", asked=self.asked)  # no commit yet: nothing has been submitted
            return
        self.root, self.head = root, found.head
        self.kept = KeptResult(Path(records), "history", f"{root.resolve()}\0{self.prefix}")
        kept = self.kept.get()  # (the commit whose landings are kept, those landings, the changes after them)
        if not (type(kept) is tuple and len(kept) == 3 and is_commit(kept[0]) and type(kept[1]) is dict
                and type(kept[2]) is dict):
            kept = (None, None, None)
        self.base, self.base_added, self.base_changed = kept
        self._log()

    def _log(self) -> None:
        """`git log` of HEAD's first-parent chain: since the kept commit (every commit, with the
        status of each file it changes), or all of it (the commits that change ledgers, with the status
        of each ledger they change: its landing and the changes after it)."""
        self.log = Log(self.root, self.base, (f"{self.prefix}ledgers/",), statuses=True)

    def stop(self) -> None:
        if self.log is not None:
            self.log.stop()

    def result(self, tz: ZoneInfo) -> History:
        if self.done is not None:
            return self.done
        log, error = self.log.read(self.head)
        if self.base:
            if log is not None:  # (the kept landings are older: they win)
                return self._keep(*_landings(log, self.prefix, self.base_added, self.base_changed), tz,
                                  (self.base, log))
            self.base = None  # not on HEAD's first-parent chain (or gone): the whole history after all
            self._log()
            return self.result(tz)
        if log is None:
            return History("error", error)
        return self._keep(*_landings(log, self.prefix), tz)

    def _keep(self, added: dict, changed: dict, tz: ZoneInfo, since: tuple | None = None) -> History:
        """The history of {path: (commit, time)} and the changes after them ({path: [time, …]}); kept for HEAD
        (the next run starts from it)."""
        if self.head != self.base:
            self.kept.put((self.head, added, changed))
        times: dict = {}  # (a commit adds many ledgers)
        return History("ok", added={path: Landing(sha, times.get(when) or times.setdefault(
            when, dt.datetime.fromtimestamp(when, tz))) for path, (sha, when) in added.items()},
            head=self.head, since=since, asked=self.asked, changed=changed)


def _landings(log: str, prefix: str, kept: dict | None = None, kept_changed: dict | None = None) -> tuple[dict, dict]:
    """({ledger's path below prefix: (commit, time)} of each first addition in a first_parent.Log's text,
    {path: [time, …]} of the commits after that addition that change the path, newest first), the landings
    `kept` (older: they win) and the changes `kept_changed` after them taken in: a kept path's every commit
    in the log is a change after its landing."""
    kept, kept_changed = kept or {}, kept_changed or {}
    added: dict[str, tuple] = {}
    touched: dict[str, list] = {}  # path → [(commit, time)] of the commits that change it, newest first
    ledgers = prefix + "ledgers/"
    for sha, when, _parent, names in commits(log):  # newest first: older additions overwrite
        for status, name in files(names):  # (--name-status, since the kept commit or not: Log's statuses)
            if name.startswith(ledgers):
                path = name[len(prefix):]
                if status == "A":
                    added[path] = (sha, when)
                touched.setdefault(path, []).append((sha, when))
    changed = dict(kept_changed)
    for path, seen in touched.items():
        landing = kept.get(path) or added.get(path)
        if landing is None:
            continue  # (changed, never added: not a ledger's landing to count from)
        after = [when for sha, when in (seen if path in kept else seen[:seen.index(tuple(landing))])]
        if after:
            changed[path] = after + changed.get(path, [])
    return {**added, **kept}, changed


# ---- the records as they were committed on a past day (check --today <past day>) -----------
def records_on(records: Path, repo: Path | None, end: dt.datetime,
               brought: dict[str, frozenset | None] | None = None) -> dict[str, bytes | None] | None:
    """{record file's path below records/: its bytes at the last first-parent commit of HEAD before
    `end` (None: not there then)} of each record file added, changed or deleted by a commit at or
    after `end` — every kind but those read as they are now (layout.AS_THEY_ARE: the policy, the
    calendar, the import manifest, the privacy exceptions) — but for what an import brought (_as_imported:
    as it brought it; `brought`: {import manifest's path below records/: the files it says it brought,
    its ledgers and `records`, or None when it does not say — an old manifest: every file its commits
    change}); {} when the history begins after `end`
    (nothing of that day to read) or HEAD is older (nothing came after it); None when the history
    cannot tell (no repository, git failing, a shallow clone whose commits stop after `end`: one that
    holds the day's commit reads it as a full clone does).  The begun reading's `git rev-parse` (or
    one), then — unless kept for this HEAD and day (cache.KeptResult) — one `git rev-list` of the
    chain's times (_day_commit: the day's commit), one `git log` of the commits after it (none when
    HEAD is older: nothing more) and one `git cat-file --batch` for the bytes."""
    try:
        reading = _begun.get(_key(records, repo))
        found = reading.asked[0] if reading is not None and reading.asked else ask(
            Path(repo) if repo is not None else Path(records))
        if found is None:
            return None  # (not a repository)
        if not found.head:
            return {}  # (no commit yet)
        root, head = found.root, found.head
        prefix = Path(records).resolve().relative_to(root.resolve()).as_posix()
    except (OSError, ValueError):
        return None
    cut = 0 if prefix == "." else len(prefix) + 1
    brought = brought or {}
    said = hashlib.sha256(repr(sorted((path, sorted(files) if files is not None else None)
                                      for path, files in brought.items())).encode("utf-8")).hexdigest()
    kept = KeptResult(Path(records), "past-records", f"{root.resolve()}\0{prefix}\0{head}\0{end.isoformat()}\0{said}")
    shallow, found = found.shallow, kept.get()
    if type(found) is dict:
        return found
    day = _day_commit(root, end.timestamp())
    if day is None:
        return None
    log, parent = "", day[0]
    if day[1] and parent:  # (commits after the day, and a day's commit to read them since)
        log, _ = Log(root, parent).read(head)
        if log is None:
            return None
    touched, imports, under, manifests = {}, {}, "" if cut == 0 else prefix + "/", []
    for sha, _when, below, names in commits(log):  # (newest first)
        for _status, name in files(names):
            kind = kind_of(name[cut:]) if name.startswith(under) else None
            if kind == "imports":  # (what the commit brought: what its manifests say, None: all it changes)
                listed, had = brought.get(name[cut:]), imports.get(sha, frozenset())
                imports[sha] = None if listed is None or had is None else had
                if listed is not None and had is not None:
                    manifests.append((sha, below, name, listed))
            elif kind in AS_OF_DAY:
                touched.setdefault(name, []).append(sha)
    if manifests:  # (a manifest's files are brought by the commit that lists them first, not by a later edit)
        added = _newly_listed(root, manifests)
        if added is None:
            return None
        for (sha, *_), files_ in zip(manifests, added):
            if imports[sha] is not None:  # (None: an old manifest changed by the same commit, which brought all)
                imports[sha] |= files_
    if parent is None and shallow and day[1]:
        return None  # (a shallow clone's first commit, after the day: its parents are not there to read)
    read = {name: _as_imported(parent, shas, imports, name[cut:]) for name, shas in touched.items()}
    read = {name: sha for name, sha in read.items() if sha}
    if parent is None or not read:  # (nothing after the day, or a history that begins after it)
        found = {}
    else:
        found = _blobs(root, sorted(read.items(), key=lambda item: item[0]), cut)
    if found is not None:
        kept.put(found)
    return found


def _day_commit(root: Path, end: float) -> tuple[str | None, bool] | None:
    """(the day's commit — None when every commit there is is after the day —, whether any first-parent
    commit of HEAD was made after it), by one `git rev-list --first-parent --timestamp` of the whole
    chain (≈0.07 s for 20,000 commits).  The chain's order is the true one; a committer time may not be
    (a clock gone back — rebased, skewed — or run ahead).  So the chain is cut where the fewest committer
    times disagree with the cut (a time before `end` above it, or at or after `end` below it): exact when
    the times go forward.  On a tie, in this order: the cut HEAD's time agrees with (the newest commit, the
    host's merge of a moment ago); one that leaves the root before the day (a history that begins after it
    is the claim of every commit, not of a root whose clock ran ahead); the earlier cut (a clock gone back
    on top of commits after the day, rather than those commits' clocks run ahead).  None when git fails."""
    out = git(root, "rev-list", "--first-parent", "--timestamp", "HEAD")
    if out.returncode != 0:
        return None
    chain = [(when, sha) for when, _, sha in (line.partition(" ") for line in out.stdout.splitlines())]
    after = [when.isdigit() and int(when) >= end for when, _sha in chain]  # (newest first)
    head, wrong, cuts = bool(after and after[0]), sum(after), []  # (wrong: of the cut above chain[i])
    for i in range(len(chain) + 1):  # (the cut above chain[i]: chain[:i] after the day)
        cuts.append((wrong, head != (i > 0), i == len(chain), -i))
        wrong += (-1 if after[i] else 1) if i < len(chain) else 0
    cut = -min(cuts)[3]
    return (chain[cut][1] if cut < len(chain) else None), cut > 0


def _as_imported(parent: str, shas: list, imports: dict, rel: str) -> str | None:
    """The commit whose version of the file `rel` is the day's: the day's commit (`parent`), or — when the
    first commits after the day that change it (`shas`, newest first) are imports of it (they change an
    import manifest that lists it, or one that lists nothing but its ledgers: `imports`, {commit: the files
    it brought, None: all}) — the last of those: records that arrived with an import (a cadre, an
    assignment brought in with the old ledgers) count on every past day, as the ledgers it lists count
    from the manifest's dates (check.as_of).  None when every commit after the day that changes it is an
    import of it: as it is."""
    for sha in reversed(shas):
        files = imports.get(sha, ())
        if files is not None and rel not in files:
            return parent
        parent = sha
    return None


def _newly_listed(root: Path, manifests: list) -> list[frozenset] | None:
    """For each (commit, its first parent, a manifest's name, the files the manifest lists now) of
    `manifests`: those of the files the manifest lists at the commit (its ledgers and `records`; all it
    lists now when it had no `records` then, an old manifest given them since) that it did not at the
    parent — what the commit imported: a later commit that edits the manifest (a date corrected) and
    a file it lists edits that file, as any commit does.  None when git fails."""
    import yaml

    asked = [(name, commit or sha) for sha, below, name, _ in manifests for commit in (sha, below)]
    found = blobs_at(root, asked)  # (a root commit asked twice: its parent's is not read)
    if found is None:
        return None

    def listed(raw: bytes | None, now: frozenset | None) -> frozenset:
        try:
            data = yaml.safe_load(raw) if raw else None
        except yaml.YAMLError:
            data = None
        files = manifest_files(data)
        return files if files is not None else now if isinstance(data, dict) and now is not None else frozenset()

    return [now & (listed(found[2 * i], now) - (listed(found[2 * i + 1], frozenset()) if below else frozenset()))
            for i, (_sha, below, _name, now) in enumerate(manifests)]


def _blobs(root: Path, asked: list[tuple[str, str]], cut: int) -> dict[str, bytes | None] | None:
    """{name[cut:]: its bytes in its commit (None: not there)} of each (name, commit) `asked` (blobs_at)."""
    found = blobs_at(root, asked)
    return None if found is None else {name[cut:]: data for (name, _commit), data in zip(asked, found)}


def blobs_at(root: Path, asked: list[tuple[str, str]]) -> list[bytes | None] | None:
    """The bytes of each (name, commit) `asked` in its commit (None: not there then, or a folder there), in
    the order asked, by one `git cat-file --batch`; None when git fails (or its answer stops short)."""
    lines = "".join(f"{commit}:{name}\n" for name, commit in asked).encode("utf-8")
    try:
        out = subprocess.run([*GIT, "cat-file", "--batch"], cwd=root, env=env(), input=lines,
                             capture_output=True, check=False)
    except OSError:
        return None
    if out.returncode != 0:
        return None
    found, at, data = [], 0, out.stdout
    for _ in asked:
        end = data.find(b"\n", at)
        if end < 0:
            return None
        head, at = data[at:end].split(), end + 1  # ("<name> missing": not there then)
        if len(head) == 3 and head[2].isdigit():  # "<sha> <type> <size>", then the object and a line break
            size = int(head[2])
            found.append(data[at:at + size] if head[1] == b"blob" else None)
            at += size + 1
        else:
            found.append(None)
    return found
