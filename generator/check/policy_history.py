"""W-CHK-015: a policy number changed in Git without `earlier`, after periods it judged had ended.

The numbers of the policy (ledger.grace_days and each period's start, end and due; contacts.*,
freshman_coverage.*, exemptions.*, feedback.*) judge the past by the number in force then only
when a change wrote the old number into the section's `earlier` (RecordSet.in_force).  Changed
without it, every past semester and unarchived period is judged again by the new number: cadres
are warned about half-years that were fine, and nothing says the policy changed.  Git knows: each
version of the policy file along the checked branch's first-parent history (the log of that one
file, and its versions in one `cat-file --batch`; kept for HEAD between runs, and read only after
the kept commit when it is on HEAD's first-parent chain — git_history's log since the same commit
when it read one, first_parent.Log for both), the
day each change landed, and the number before it.  A change is told when a ledger's period ended while the old number
was in force (before the change, after the one before) and no `earlier` entry of the number
reaches the day before the change: at the number's line, with the entry to add.  A shallow clone
is not judged (its oldest version is not the policy's first), as git_history refuses it; nothing kept.
W-CHK-028, from the same versions: a word deleted from a word list (vocabularies.*) without vocabularies.earlier
keeping the list of before, while a ledger dated before the deletion holds it (every such ledger an E-REF-005 that
does not say why): at the list, once a word, with the entry to add.  The versions carry each list's words (_values).
W-CHK-029, from the same versions: a status deleted from vocabularies.feedback_statuses (kept by no `earlier`) and not
said otherwise by vocabularies.synonyms, while an unarchived ledger holds it: at the list, once a status, with the
synonyms entry to add (site/guide/admin.md).  The versions carry each status's meaning (_values).
W-CHK-016 and W-CHK-018 (calendar_history): the calendar's versions, read by file_versions here (one log of both files).
"""
from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from generator.check.context import Context
from generator.check import first_parent
from generator.check.first_parent import GIT, Log, env, files, is_commit
from generator.check.git_history import History, ask, blobs_at
from generator.cache import KeptResult
from generator.load import parse_bytes
from generator.model import status_meanings_of
from generator.validate import Days

SECTIONS = ("ledger", "contacts", "freshman_coverage", "exemptions", "feedback")


def check_policy_history(ctx: Context, history: History) -> str:
    """W-CHK-015 and W-CHK-028, from one reading of the policy's versions; whether its history could be read
    ("ok", "shallow", "no_repo", "error")."""
    rs = ctx.rs
    if rs.policy is None or not rs.ledgers:
        return "ok"
    versions, state = file_versions(rs.root, rs.policy.doc.rel, ctx.tz, history, _values)
    _numbers_changed(ctx, [(numbers, day) for (numbers, _words, _statuses), day in versions])
    _words_deleted(ctx, [(words, day) for (_numbers, words, _statuses), day in versions])
    _statuses_deleted(ctx, [(statuses, day) for (_numbers, _words, statuses), day in versions])
    return state


def _numbers_changed(ctx: Context, versions: list[tuple]) -> None:
    """W-CHK-015 of `versions` ((_numbers of a version, the day it landed), newest first)."""
    from generator.archive import archived_periods

    rs = ctx.rs
    folders = {folder for folder, _ in rs.ledgers}
    ends = {"": [p.end for p in map(rs.period, folders) if p],  # (a ledger.* number: not the archived periods,
            "ledger": [p.end for p in map(rs.period, folders - archived_periods(rs)) if p]}  # judged by their manifests)
    now = _numbers(rs.policy.data)
    began: dict = {}  # number → the day its value then began (the oldest version's: always)
    before = None
    for numbers, day in reversed(versions):
        for path, (old, _where) in (before or {}).items():
            new = numbers.get(path, (None,))[0]
            if new is None or new == old or path not in now or day > ctx.today:
                continue
            last = day - dt.timedelta(days=1)  # (the old number's last day)
            if any(began[path] <= end <= last for end in ends.get(path[0], ends[""])) and not any(
                    first > last for first in rs.changes(*path)):  # (an `earlier` to that day: said)
                _say(ctx, path, now[path][1], old, new, day, last)
        for path, (value, _where) in numbers.items():
            if before is None or before.get(path, (None,))[0] != value:
                began[path] = day if before is not None else dt.date.min
        before = numbers


def _values(data) -> tuple[dict, dict, dict]:
    """(_numbers, _words, _statuses) of a version of the policy: what its history is read for."""
    return _numbers(data), _words(data), _statuses(data)


def _statuses(data) -> dict:
    """{status name: its meaning} of a version of the policy (vocabularies.feedback_statuses)."""
    node = data.get("vocabularies") if isinstance(data, dict) else None
    node = node.get("feedback_statuses") if isinstance(node, dict) else None
    return status_meanings_of(node) if isinstance(node, list) else {}


def _words(data) -> dict:
    """{word list of vocabularies: its words (texts), in order} of a version of the policy."""
    node = data.get("vocabularies") if isinstance(data, dict) else None
    return {name: tuple(w for w in value if isinstance(w, str)) for name, value in
            (node.items() if isinstance(node, dict) else ()) if name != "earlier" and isinstance(value, list)}


def _words_deleted(ctx: Context, versions: list[tuple]) -> None:
    """W-CHK-028 of `versions` ((_words of a version, the day it landed), newest first): a word a change by
    `ctx.today` deleted from a list, not in it now, neither renamed nor kept by vocabularies.earlier to the day
    before, that an entry of a ledger (not as archived) dated before the change holds.  The ledgers are read only
    when such a word is there: never when no word was deleted, or each deletion wrote its `earlier`."""
    rs = ctx.rs
    deleted: dict = {}  # (list, word) → (the day of its newest deletion, the list before it)
    for (words, day), (before, _day) in zip(versions, versions[1:]):
        for name, old in before.items() if day <= ctx.today else ():
            for word in set(old).difference(words.get(name, ())):
                deleted.setdefault((name, word), (day, old))
    last = dt.timedelta(days=1)
    deleted = {key: found for key, found in deleted.items() if key[1] not in rs.words(key[0])
               and key[1] not in rs.renamed(key[0]) and key[1] not in (rs.words_on(key[0], found[0] - last) or (key[1],))}
    if not deleted:
        return
    from generator.references import words_written

    days, uses = Days(), {}  # (list, word) → the ledgers that hold it before its deletion
    for key in sorted(rs.ledgers):
        led, period = rs.ledgers[key], rs.period(key[0])
        if period is None or ctx.frozen(led):
            continue
        for name, word, written in words_written(led.data):
            found = deleted.get((name, word))
            on = (days[written] if isinstance(written, str) else None) or period.start
            if found and on < found[0] and word not in (rs.words_on(name, on) or (word,)):
                uses.setdefault((name, word), {})[led.file] = None
    for (name, word), files in sorted(uses.items(), key=lambda use: (rs.policy.key_pos("vocabularies", use[0][0]), use[0])):
        day, old = deleted[name, word]
        _say_deleted(ctx, name, word, day, old, list(files))


def _statuses_deleted(ctx: Context, versions: list[tuple]) -> None:
    """W-CHK-029 of `versions` ((_statuses of a version, the day it landed), newest first): a status a change by
    `ctx.today` deleted, not a status now nor said otherwise by vocabularies.synonyms, that an item of a ledger (not
    as archived) holds — its E-REF-005 offers the statuses of now, and no earlier keeps a status (admin.md: its
    replacement of the same meaning, and a synonyms entry).  Once a status, at the list, naming the replacement when
    one status of its meaning came with the deletion."""
    rs = ctx.rs
    deleted: dict = {}  # status → (the day of its newest deletion, its meaning, the statuses that came with it)
    for (statuses, day), (before, _day) in zip(versions, versions[1:]):
        for word in set(before).difference(statuses) if day <= ctx.today else ():
            deleted.setdefault(word, (day, before[word], [s for s in statuses if s not in before]))
    now, said = rs.status_meaning(), rs.synonyms("feedback_statuses")
    deleted = {word: found for word, found in deleted.items() if word not in now and word not in said}
    if not deleted:
        return
    from generator.references import words_written

    uses: dict = {}  # status → the ledgers that hold it
    for key in sorted(rs.ledgers):
        led = rs.ledgers[key]
        if ctx.frozen(led):
            continue
        for name, word, _written in words_written(led.data):
            if name == "feedback_statuses" and word in deleted:
                uses.setdefault(word, {})[led.file] = None
    from generator.messages.check import STATUS_REPLACING

    for word, files in sorted(uses.items()):
        day, meaning, came = deleted[word]
        new = [s for s in came if now.get(s) == meaning]
        entry = [f"- {{word: {new[0] if len(new) == 1 else said}, also: [{word}]}}" for said in STATUS_REPLACING]
        ctx.add("W-CHK-029", rs.policy.file, rs.policy.key_pos("vocabularies", "feedback_statuses"), word=word,
                day=day.isoformat(), ledgers=len(files), example=next(iter(files)), meaning=meaning,
                entry=entry[0], entry_en=entry[1])


def _say_deleted(ctx: Context, name: str, word: str, day: dt.date, old: tuple, files: list) -> None:
    from generator.importing.yamledit import scalar  # (only on a finding)

    until = (day - dt.timedelta(days=1)).isoformat()
    ctx.add("W-CHK-028", ctx.rs.policy.file, ctx.rs.policy.key_pos("vocabularies", name), list=name, word=word,
            day=day.isoformat(), ledgers=len(files), example=files[0],
            entry=f"- {{until: {until}, {name}: {scalar(list(old))}}}")


def _numbers(data) -> dict:
    """(section, *path as `earlier` gives it) → (value, its keys in the policy) of each number."""
    out = {}
    for section in SECTIONS:
        node = data.get(section) if isinstance(data, dict) else None
        for key, value in (node.items() if isinstance(node, dict) else ()):
            if section == "ledger" and key == "periods":
                for i, p in enumerate(value if isinstance(value, list) else []):
                    for field in ("start", "end", "due") if isinstance(p, dict) and isinstance(p.get("id"), str) else ():
                        if isinstance(p.get(field), str):
                            out[(section, field, p["id"])] = (p[field], (section, "periods", i, field))
            elif key != "earlier" and isinstance(value, (int, float, str, bool)):
                out[(section, key)] = (value, (section, key))
    return out


def _say(ctx: Context, path: tuple, where: tuple, old, new, day: dt.date, last: dt.date) -> None:
    section, *keys = path
    shown = f"{keys[0]}: {{{keys[1]}: {_yaml(old)}}}" if len(keys) == 2 else f"{keys[0]}: {_yaml(old)}"
    name = f"ledger.periods[{keys[1]}].{keys[0]}" if len(keys) == 2 else ".".join(path)
    ctx.add("W-CHK-015", ctx.rs.policy.file, ctx.rs.policy.pos(*where), name=name, old=_yaml(old),
            new=_yaml(new), day=day.isoformat(), section=section,
            entry=f"- {{until: {last.isoformat()}, {shown}}}")


def _yaml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def file_versions(root, rel: str, tz, history: History, values=None) -> list[tuple]:
    """(numbers of a version of the policy, the day it landed) of each version along HEAD's first-parent
    history, newest first; [] outside Git, in a shallow clone (as git_history: its oldest version would
    count as in force since always), when Git cannot say, or with one version.  The versions are
    kept for HEAD (cache.KeptResult): HEAD unchanged, no git but the one `rev-parse` (History.asked); the kept commit on
    HEAD's first-parent chain, only the commits after it are read (first_parent.Log; git_history's
    log when it read the landings since the same commit)."""
    try:
        if not history.asked:  # (else the ledgers' reading's rev-parse; asked once for both files)
            history.asked = (ask(Path(root)),)
        found = history.asked[0]
        if found is None or found.shallow or not found.head:  # (no commit yet: nothing to read; a shallow
            return [], "no_repo" if found is None else "shallow" if found.shallow else "ok"  # clone: its oldest
        top, head = found.root, found.head  # version is not the first)
        prefix = "".join(part + "/" for part in Path(root).resolve().relative_to(Path(top).resolve()).parts)
        kept = KeptResult(Path(root), f"{rel.partition('.')[0].replace('/', '-')}-history", f"{Path(root).resolve()}\0{rel}")
        got = kept.get()
        base, old = got if (type(got) is tuple and len(got) == 2 and is_commit(got[0])
                            and type(got[1]) is list) else (None, None)
        if base != head:
            since = _since(root, prefix + rel, base, head, history) if base else None
            if since and not old:  # (kept with one version, unparsed: changed since, the whole history read)
                since = None
            commits = since if since is not None else _changes(root, rel, prefix + rel, head)
            new = _read(root, rel, commits, values) if since is not None or len(commits) > 1 else \
                []  # (the whole history of one version: no change, nothing to parse — kept as none)
            old = new if since is None else new + old
            kept.put((head, old))
    except (OSError, subprocess.SubprocessError, ValueError):
        return [], "error"
    return [(numbers, dt.datetime.fromtimestamp(when, tz).date()) for numbers, when in old] if len(old) > 1 else [], "ok"


# The files whose versions are read (W-CHK-015, W-CHK-016, W-CHK-019): the whole history of all in one `git log`.
_FILES = ("policy.yaml", "calendar.yaml", "assignments")
_whole: dict = {}  # (the records folder, HEAD) → that log: the last one read


def _changes(root, rel: str, path: str, head: str) -> list[tuple]:
    """(commit, committer time) of each first-parent commit that changed the file (`path` from the top
    of the repository), newest first."""
    return _touching(_log(root, head, rel), path)


def _log(root, head: str, rel: str = _FILES[0]) -> str:
    """The log of the commits that changed `rel` or _FILES, read once for the records folder and HEAD."""
    key = (str(Path(root).resolve()), head)
    if key not in _whole:
        log, error = Log(root, paths=tuple(dict.fromkeys((rel, *_FILES)))).read()
        if log is None:
            raise ValueError(error)
        _whole.clear()
        _whole[key] = log
    return _whole[key]


def _since(root, path: str, base: str, head: str, history: History) -> list[tuple] | None:
    """_changes after `base`, or None when `base` is not on HEAD's first-parent chain (history
    rewritten, an older commit checked out: the whole history is read).  git_history's log when it
    was read since the same commit to the same HEAD."""
    log = _since_log(root, base, head, history)
    return None if log is None else _touching(log, path)


def _since_log(root, base: str, head: str, history: History) -> str | None:
    shared = history.since if history.head == head else None
    return shared[1] if shared and shared[0] == base else Log(root, base).read(head)[0]


def _touching(log: str, path: str) -> list[tuple]:
    return [(sha, when) for sha, when, _parent, names in first_parent.commits(log)
            if any(name == path for _status, name in files(names))]


def _read(root, rel: str, commits: list[tuple], values) -> list:
    """[(values(data), committer time)] of the file in each of `commits` that has it; its versions in one
    `cat-file --batch`.  A commit that deleted it is passed over: the version before the deletion is
    compared with the one that brought it back (a rewrite before the deletion is not lost with it)."""
    if not commits:
        return []
    from generator import quickload  # (with rapidyaml: ≈7 ms, not at the start of a run that reads no history)

    found = blobs_at(root, [(f"./{rel}", c) for c, _t in commits])
    if found is None:  # (git failed: nothing kept, the history said unreadable)
        raise subprocess.SubprocessError("git cat-file --batch")
    out = []
    for text, (_commit, when) in zip(found, commits):
        if text is None:
            continue  # (the file not there in that commit: deleted by it)
        parsed = quickload.values(text) if quickload.enabled() else None
        parsed = parse_bytes(text, rel)[0] if parsed is None else parsed  # (the values as the loader reads them)
        out.append((values(parsed), when))
    return out


def deleted_files(root, folder: str, tz, history: History, values) -> tuple[list, str]:
    """([(the file's path under the records folder, values(data, positions) of its last version, the day
    it was deleted, the commit that deleted it)] of each file under `folder` whose newest change along
    HEAD's first-parent history deleted it, and whether the history could be read.  Kept for HEAD (each
    file's newest change): HEAD unchanged, no git; the kept commit on HEAD's chain, only the commits
    after it are read (the log the other histories read since it); else the policy's and calendar's log."""
    try:
        if not history.asked:
            history.asked = (ask(Path(root)),)
        found = history.asked[0]
        if found is None or found.shallow or not found.head:
            return [], "no_repo" if found is None else "shallow" if found.shallow else "ok"
        kept = KeptResult(Path(root), f"{folder}-deleted", f"{Path(root).resolve()}\0{folder}")
        got = kept.get()
        base, newest = got if type(got) is tuple and len(got) == 2 and is_commit(got[0]) and type(got[1]) is dict \
            else (None, None)
        if base != found.head:
            prefix = "".join(part + "/" for part in Path(root).resolve().relative_to(Path(found.root).resolve()).parts)
            since = _since_log(root, base, found.head, history) if base and newest is not None else None
            newest = _newest(root, f"{prefix}{folder}/", since if since is not None else _log(root, found.head),
                             newest if since is not None else {}, prefix, values)
            kept.put((found.head, newest))
    except (OSError, subprocess.SubprocessError, ValueError):
        return [], "error"
    return [(rel, data, dt.datetime.fromtimestamp(when, tz).date(), sha)
            for rel, (sha, when, data) in newest.items() if data is not None], "ok"


def _newest(root, under: str, log: str, newest: dict, prefix: str, values) -> dict:
    """`newest` ({file under the records folder: [the commit of its newest change, its time, values of its
    last version when that change deleted it, else None]}) with the changes of `log` (newest first)."""
    changed = {}
    for sha, when, parent, names in first_parent.commits(log):
        for _status, name in files(names):
            if name.startswith(under) and name.endswith(".yaml") and parent:
                changed.setdefault(name, (sha, parent, when))
    asked = list(changed.items())
    there = subprocess.run([*GIT, "cat-file", "--batch-check"], cwd=root, env=env(), capture_output=True, check=True,
                           input="".join(f"{sha}:{name}\n" for name, (sha, _p, _w) in asked).encode()).stdout.splitlines() \
        if asked else []
    gone = [(name, parent) for (name, (_sha, parent, _when)), line in zip(asked, there) if line.endswith(b" missing")]
    last = blobs_at(root, gone) if gone else []  # (its newest change deleted it: its last version, in the commit before)
    if last is None:
        raise subprocess.SubprocessError("git cat-file --batch")
    last = dict(zip((name for name, _parent in gone), last))
    out = dict(newest)
    for name, (sha, _parent, when) in asked:
        raw = last.get(name)
        out[name[len(prefix):]] = [sha, when, None if raw is None else values(*parse_bytes(raw, name)[:2])]
    return out
