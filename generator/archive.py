"""Archiving a period (备案, R8), checking archived ledgers, and amendments.

    python -m generator archive PERIOD [--today YYYY-MM-DD] [--records records]

Only after the period's due date plus the policy's grace days (policy.yaml ledger.grace_days).
Writes `records/archive/<period>.yaml` — per required cadre: ledger path, SHA-256, Git blob
id, landed date and status; and the feedback statuses' meanings (status_meanings) — and the period's exports (XLSX + CSV of Attachment 2, of the
activities, of the students' feedback, of the cadres' suggestions and reflections) into `records/archive/<period>/`.  Landed dates and statuses come from the policy
checks (`generator.check.run_checks(...).data["ledgers"]`); the exports from the site
(`generator.site.build_site`, given the records and the checks' result: the history is read once,
as by check), never recomputed here.

From then on `verify` (a record stage of `validate`) checks every archived ledger against its
hash.  A change to an archived ledger is accepted only with an administrator's amendment record
`records/amendments/<period>/<cadre>.yaml` (schemas/amendment.schema.json); `amendments(rs)`
gives the site what to show beside the original ledger.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

from generator.argwords import say
from generator import cli
from generator import findings as F
from generator.model import RecordSet, status_meanings_of
from generator.validate import parse_date

MSG = {
    "bad_period": {"zh": "“{value}”不是政策规定的填报期间（如 2026-H1）",
                   "en": "'{value}' is not a ledger period of the policy (e.g. 2026-H1)"},
    "done": {"zh": "已备案 {period}：{ledgers} 份台账（{missing} 人未提交），清单 {manifest}，导出 {exports} 个文件",
             "en": "archived {period}: {ledgers|ledger|ledgers} ({missing} missing), manifest {manifest}, {exports|export file|export files}"},
}
HEADER = ("# 备案清单：由 python -m generator archive 生成，请勿手工修改。\n"
          "# Archive manifest written by `python -m generator archive`; do not edit.\n")


def git_blob_id(raw: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def repo_of(path: Path) -> Path | None:
    for candidate in [path.resolve(), *path.resolve().parents]:
        if (candidate / ".git").exists():
            return candidate
    return None


# ---- what is archived ------------------------------------------------------------
def manifests(rs: RecordSet) -> dict:
    """period → manifest Document (only well-formed ones)."""
    return {d.stem: d for d in rs.other.get("archive", []) if isinstance(d.data, dict) and d.rel not in rs.invalid}


def amendment_docs(rs: RecordSet) -> dict:
    """(period, cadre) → amendment Document."""
    return {(d.folder, d.stem): d for d in rs.other.get("amendment", []) if isinstance(d.data, dict)}


def amendments(rs: RecordSet) -> dict:
    """For the site: (period, cadre) → what to show beside the original ledger."""
    out = {}
    for key, doc in sorted(amendment_docs(rs).items()):
        d = doc.data
        out[key] = {"period": key[0], "cadre": key[1], "reason": d.get("reason", ""), "approved_by": d.get("approved_by", ""),
                    "date": d.get("date", ""), "file": doc.file,
                    "corrections": [c for c in (d.get("corrections") or []) if isinstance(c, dict)]}
    return out


def archived_periods(rs: RecordSet) -> set:
    return set(manifests(rs))


def archived_by(rs: RecordSet, today: dt.date) -> dict:
    """period → manifest Document, of the periods archived by `today` (a --today before the
    archive replays a day when the period was not archived yet)."""
    return {p: doc for p, doc in manifests(rs).items()
            if rs.period(p) and (parse_date(doc.data.get("archived_on")) or today) <= today}


def frozen_ledgers(rs: RecordSet, today: dt.date) -> set:
    """(period, cadre) of each ledger of a period archived by `today` that is as archived (its
    SHA-256 the manifest's): checked then (archiving refuses a ledger with errors), no one's to
    change since (E-ARCH-001), so neither references nor check judge it against records changed
    since.  An amended one is the administrator's to correct now: not frozen, judged by today's rules."""
    out = set()
    for period, man in archived_by(rs, today).items():
        for e in man.data.get("ledgers") or []:
            led = rs.ledgers.get((period, e["cadre"])) if isinstance(e, dict) and isinstance(e.get("cadre"), str) else None
            if led is not None and led.doc.rel == e.get("path") and led.doc.sha256 == e.get("sha256"):
                out.add((period, e["cadre"]))
    return out


def status_meanings(rs: RecordSet, today: dt.date, then: dict | None = None):
    """A function: ledger → its feedback statuses' meanings (status word → open / in_progress /
    escalated / resolved).  A frozen ledger (frozen_ledgers) keeps those its manifest recorded when
    it was archived: a status retired or redefined in the policy since is not the cadre's to
    replace (E-ARCH-001), and its item stays as resolved or open as it was.  A manifest written
    before manifests recorded them: those of the policy committed with it (`then`: meanings_then,
    read from Git when one of its frozen ledgers' statuses is first asked for unless given).  Any
    other ledger (and one of such a manifest with no Git history to read: W-ARCH-001) has the
    policy's as it is now."""
    now = rs.status_meaning()
    mans = archived_by(rs, today)
    frozen = frozen_ledgers(rs, today)
    kept: dict = {}  # period → its frozen ledgers' meanings

    def of(period: str) -> dict:
        if recorded := recorded_meanings(mans[period]):
            return recorded
        found = then[period] if then is not None and period in then else policy_when_archived(rs, mans[period])
        return found[0] or now

    def meaning(led) -> dict:
        key = (led.doc.folder, led.doc.stem)
        if key not in frozen:
            return now
        if key[0] not in kept:
            kept[key[0]] = of(key[0])
        return kept[key[0]]
    return meaning


def recorded_meanings(man) -> dict:
    """The meanings the manifest `man` recorded (feedback_statuses), {} when it has none."""
    words = man.data.get("feedback_statuses")
    return status_meanings_of(words) if isinstance(words, list) else {}




def meanings_then(rs: RecordSet, today: dt.date, asked: tuple | None = None) -> dict:
    """period → policy_when_archived (meanings or None, why, the policy's path then) of each period
    archived by `today` whose manifest records no meanings: what its frozen ledgers' items mean depends on what Git
    holds (a shallow clone deepened, a folder put under Git), not only on the records, so the
    results kept between runs are kept under it too (Context.digest_of_others).  `asked`: as for
    policy_when_archived (else asked here, once for them all)."""
    from generator.check.git_history import ask

    found = {}
    for p, m in sorted(archived_by(rs, today).items()):
        if not recorded_meanings(m):
            if not asked:
                try:
                    asked = (ask(rs.root),)
                except OSError:
                    asked = (None,)
            found[p] = policy_when_archived(rs, m, asked)
    return found


def meanings_unknown(rs: RecordSet, today: dt.date, then: dict, statuses) -> list[tuple]:
    """(manifest, why Git cannot tell, the policy to read by hand, how many ledgers) of each period of
    `then` (meanings_then) whose policy when archived Git cannot give, with frozen ledgers whose items
    have a status (`statuses`: ledger → whether one of its items has): their items take today's meanings."""
    unknown = {p: (why, policy) for p, (found, why, policy) in then.items() if found is None}
    counts: dict = {}
    for period, cadre in frozen_ledgers(rs, today) if unknown else ():
        if period in unknown and statuses(rs.ledgers[(period, cadre)]):
            counts[period] = counts.get(period, 0) + 1
    mans = manifests(rs)
    return [(mans[p], *unknown[p], n) for p, n in sorted(counts.items())]


def policy_when_archived(rs: RecordSet, man, asked: tuple | None = None) -> tuple[dict | None, str, str]:
    """(the feedback statuses' meanings of the policy.yaml committed with the manifest `man` — in
    the commit that added it as it is now (its bytes; followed through renames of the records
    folder or of the manifest alone, whose commit is not the archive's), whose policy the archive was made with — or None
    when Git cannot tell, and why: "no_git" (no repository), "shallow" (a shallow clone whose
    history does not reach that commit: the oldest commit it has shows every file as added, with no
    parent), "uncommitted" (the manifest not committed), "changed" (no commit added it as it is now),
    "ambiguous" (added as it is by more than one commit, whose policies differ), "no_policy" (no
    feedback statuses in the policy then); and the policy to read for it by hand (W-ARCH-001's
    git show <commit>:<this>): in the records folder as it was named when the manifest was last
    added (followed through renames), else as it is named there now; outside Git, as shown).
    `asked`: (git_history.ask's answer for the records,) when the check has it (its one `git rev-parse`)."""
    from generator.check.first_parent import git
    from generator.check.git_history import ask

    policy = rs.policy.doc.rel if rs.policy is not None else "policy.yaml"
    path = records_folder(man, "") + policy
    try:
        found = asked[0] if asked else ask(rs.root)
        if found is None:  # (no repository: asked first, the one git call outside Git)
            return None, ("no_policy" if rs.policy is None else "no_git"), path
        log = git(rs.root, "log", "--follow", "--diff-filter=A", "--raw", "--no-abbrev", "--format=%x00%H %P",
                  "--", man.rel)
        entries = [c.strip("\n").split("\n") for c in log.stdout.split("\0") if c.strip()] if log.returncode == 0 else []
        # (commit, whether it has a parent, the blob it added, its path then, which may hold spaces)
        added = [(e[0].split(" ")[0], " " in e[0].strip(), e[-1].split("\t", 1)[0].split(" ")[3], e[-1].split("\t", 1)[1])
                 for e in entries if len(e) > 1 and "\t" in e[-1]]
        if added:  # (newest first)
            path = _folder_then(added[0][3], man.rel) + policy
        else:
            prefix = Path(rs.root).resolve().relative_to(found.root.resolve()).as_posix()
            path = ("" if prefix == "." else prefix + "/") + policy
        if rs.policy is None:
            return None, "no_policy", path
        if not added:
            return None, "uncommitted", path
        now = git(rs.root, "hash-object", "--", man.rel).stdout.strip()
        same = [(c, parent, p) for c, parent, blob, p in added if blob == now]
        if not same:
            return None, "changed", path
        if found.shallow and not same[-1][1]:
            return None, "shallow", path  # (it may have been added further back)
        found = {}  # (the policy then: in the records folder as it was named then)
        for c, _, p in same:
            words = _policy_then(rs, c, _folder_then(p, man.rel) + rs.policy.doc.rel)
            found[frozenset(words.items()) if words is not None else None] = words
    except (OSError, ValueError, subprocess.SubprocessError):
        return None, ("no_policy" if rs.policy is None else "no_git"), path
    if len(found) > 1:
        return None, "ambiguous", path
    words = found.popitem()[1]
    return (words, "", path) if words is not None else (None, "no_policy", path)


def _folder_then(path: str, rel: str) -> str:
    """The records folder (from the repository's root, with its "/") of a file named `path` in a
    commit that is `rel` in the records folder now: the folder, or the file itself, renamed since
    (archive/2025-h2.yaml, now archive/2025-H2.yaml) — as many parts dropped as `rel` has."""
    return "".join(part + "/" for part in path.split("/")[:-len(rel.split("/"))])


def _policy_then(rs: RecordSet, commit: str, path: str) -> dict | None:
    """The feedback statuses' meanings of the policy at `path` in `commit` (None: none there)."""
    from generator.check.first_parent import git
    from generator.load import parse_bytes

    then = git(rs.root, "show", f"{commit}:{path}")
    data = parse_bytes(then.stdout.encode("utf-8"), rs.policy.doc.file)[0] if then.returncode == 0 else None
    words = data.get("vocabularies") if isinstance(data, dict) else None
    words = words.get("feedback_statuses") if isinstance(words, dict) else None
    return status_meanings_of(words) if isinstance(words, list) else None


def status_rows(rs: RecordSet, archived: dict) -> list[dict]:
    """The archived periods' rows of check's ledger table (`archived`: period → manifest data), as
    their manifests froze them: who was required (and who handed one in all the same: required
    false), in which unit (the manifest's: the one they
    were in that period, as archived — not records/cadres as changed since), on time, late by how
    many days, missing, when each landed.  Read by check (deadlines.py) and, when the checks
    could not run, by the site (site/checks.py)."""
    out = []
    for period, man in sorted(archived.items()):
        for e in man.get("ledgers") or []:
            if not isinstance(e, dict) or not isinstance(e.get("cadre"), str):
                continue
            cadre = e["cadre"]
            unit = _text(e.get("unit")) or rs.cadre_on(cadre, rs.period(period).end)[0]
            unit = unit if isinstance(unit, str) and unit else None
            status = e.get("status") if e.get("status") in ("on_time", "late", "missing", "exempt") else "unknown"
            days = e.get("days_late")
            out.append({"period": period, "cadre": cadre, "name": cadre_name(rs, cadre), "unit": unit,
                        "unit_name": unit_name(rs, unit),
                        "due": _text(man.get("due")), "deadline": _text(man.get("deadline")) or _text(man.get("due")),
                        "status": status, "days_late": days if status == "late" and isinstance(days, int) else None,
                        "submitted": _text(e.get("landed")) or None, "source": "archive", "commit": None,
                        "changes": 0, "changed": None, "path": f"ledgers/{period}/{cadre}.yaml", "exists": (period, cadre) in rs.ledgers,
                        "errors": False,  # (archived only with none: a later edit is E-ARCH-001, the status frozen)
                        "archived_on": _text(man.get("archived_on")), "required": e.get("required") is not False})
    return out


def cadre_name(rs: RecordSet, cadre: str) -> str:
    item = rs.cadres.get(cadre)
    name = item.get("name") if item else None
    return name if isinstance(name, str) else cadre


def unit_name(rs: RecordSet, unit: str | None) -> str | None:
    item = rs.units.get(unit) if unit else None
    name = item.get("name") if item is not None else None
    return name if isinstance(name, str) else None


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))


# ---- verify (a record stage of validate) -------------------------------------------
def verify(rs: RecordSet) -> list[F.Finding]:
    out: list[F.Finding] = []
    mans = manifests(rs)
    amends = amendment_docs(rs)
    ledgers = {d.rel: d for d in rs.docs if d.kind == "ledger"}
    admins = _admin_ids(rs)
    for period, man in sorted(mans.items()):
        if man.data.get("period") != period:
            out.append(F.make("E-ARCH-007", man.file, man.pos(("period",)), value=man.data.get("period"),
                              expected=man.rel))
        archived_on = man.data.get("archived_on", "?")
        listed = set()
        for i, entry in enumerate(man.data.get("ledgers") or []):
            if not isinstance(entry, dict) or not entry.get("path") or not entry.get("sha256"):
                continue
            path, cadre = entry["path"], entry.get("cadre", "")
            listed.add(path)
            doc = ledgers.get(path)
            amend = amends.get((period, cadre))
            if doc is None:
                if amend is None:
                    out.append(F.make("E-ARCH-002", man.file, man.pos(("ledgers", i, "path")), path=path,
                                      period=period, manifest=man.file))
                continue
            if doc.sha256 == entry["sha256"]:
                continue
            if amend is not None:
                out.extend(_against_amendment(doc, amend, period, cadre))
                continue
            pos = _first_changed_line(rs, doc, entry.get("git_blob"))
            out.append(F.make("E-ARCH-001", doc.file, pos, period=period, archived_on=archived_on, cadre=cadre,
                              path=doc.file, amendment=amendment_path(doc, period, cadre), sha256=doc.sha256, data={"period": period, "cadre": cadre, "archived": entry["sha256"],
                                                   "actual": doc.sha256}))
        for rel, doc in sorted(ledgers.items()):
            if doc.folder != period or rel in listed:
                continue
            amend = amends.get((period, doc.stem))
            if amend is None:
                out.append(F.make("E-ARCH-003", doc.file, None, period=period, archived_on=archived_on, cadre=doc.stem,
                                  amendment=amendment_path(doc, period, doc.stem)))
            else:
                out.extend(_against_amendment(doc, amend, period, doc.stem))
    for (period, cadre), doc in sorted(amends.items()):
        if period not in mans:
            out.append(F.make("E-ARCH-005", doc.file, None, period=period))
        who = doc.data.get("approved_by")
        if isinstance(who, str) and who.lower() not in admins:
            out.append(F.make("E-ARCH-006", doc.file, doc.pos(("approved_by",)), value=who,
                              allowed=sorted(_admin_ids(rs, lower=False))))
    return out


def records_folder(doc, otherwise: str) -> str:
    """The records folder of `doc` (a record file) as the user named it (--records), with its "/"
    ("" when it is the current folder); `otherwise` when `doc`'s path as shown does not end in its
    path below the records."""
    return doc.file[:-len(doc.rel)] if doc.file.endswith(doc.rel) else otherwise


def amendment_path(doc, period: str, cadre: str) -> str:
    """The amendment record of (period, cadre) as shown to people: in the records folder of `doc`
    (a record file) as the user named it (--records), not always records/."""
    return f"{records_folder(doc, 'records/')}amendments/{period}/{cadre}.yaml"


def _admin_ids(rs: RecordSet, lower: bool = True) -> set:
    ids = set()
    for a in rs.setting("administrators", default=[]) or []:
        if isinstance(a, dict):
            for key in ("git", "name"):
                if isinstance(a.get(key), str):
                    ids.add(a[key].lower() if lower else a[key])
    return ids


def _against_amendment(doc, amend, period, cadre) -> list[F.Finding]:
    expected = amend.data.get("sha256")
    if expected and expected != doc.sha256:
        return [F.make("E-ARCH-004", doc.file, None, period=period, cadre=cadre, sha256=doc.sha256)]
    return []


def _first_changed_line(rs: RecordSet, doc, blob: str | None):
    """The first line that differs from the archived version, when Git still has it."""
    repo = repo_of(rs.root)
    if not blob or repo is None:
        return None
    try:
        out = subprocess.run(["git", "-C", str(repo), "cat-file", "blob", blob], capture_output=True, timeout=30,
                             check=False)
        now = (rs.root / doc.rel).read_bytes()
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    old_lines, new_lines = out.stdout.splitlines(), now.splitlines()
    for i in range(max(len(old_lines), len(new_lines))):
        if (old_lines[i:i + 1] or [None]) != (new_lines[i:i + 1] or [None]):
            return (min(i + 1, max(len(new_lines), 1)), 1)
    return None


# ---- making the manifest -----------------------------------------------------------
def ledger_rows(data: dict, period_id: str) -> list[dict]:
    """Per required (or filing) cadre: path, landed, status — as the policy checks judged them
    (`data`: run_checks(…).data)."""
    return [{"cadre": r["cadre"], "unit": r.get("unit"), "path": r.get("path") if r.get("exists") else None,
             "landed": (r.get("submitted") or None), "status": r.get("status") or "unknown",
             "days_late": r.get("days_late"), "required": r.get("required", True)}
            for r in data.get("ledgers") or [] if r.get("period") == period_id]


def manifest(rs: RecordSet, period_id: str, today: dt.date, checked=None) -> dict:
    """`checked`: run_checks(rs, today, …), when the caller has it already."""
    from generator.check import run_checks
    from generator.check.deadlines import last_on_time

    period = rs.period(period_id)
    checked = checked or run_checks(rs, today, repo=repo_of(rs.root))
    entries, past = [], {d.rel: d for d in rs.docs if "@" in d.file}
    for row in ledger_rows(checked.data, period_id):
        cadre = rs.cadres.get(row["cadre"])
        entry = {"cadre": row["cadre"]}
        if cadre:
            entry["name"] = cadre.get("name")
            entry["unit"] = row.get("unit") or cadre.get("unit")  # (the unit they were in that period)
        if row.get("path"):
            raw = _bytes(rs, row["path"], past)
            entry.update(path=row["path"], sha256=hashlib.sha256(raw).hexdigest(), git_blob=git_blob_id(raw))
        entry["landed"] = row.get("landed")
        entry["status"] = row["status"] if row["status"] in ("on_time", "late", "missing", "exempt") else (
            "unknown" if row.get("path") else "missing")
        if row.get("days_late"):
            entry["days_late"] = int(row["days_late"])
        if row["required"] is False:  # (handed in by a cadre who did not owe it)
            entry["required"] = False
        entries.append(entry)
    entries.sort(key=lambda e: (e.get("unit") or "", e["cadre"]))
    return {"period": period_id, "name": period.name, "archived_on": today.isoformat(), "due": period.due.isoformat(),
            "deadline": last_on_time(rs, period).isoformat(),
            # (what the frozen ledgers' statuses mean, should the policy retire or redefine one: status_meanings)
            "feedback_statuses": [{"name": w, "meaning": m} for w, m in rs.status_meaning().items()],
            "ledgers": entries}


def _bytes(rs: RecordSet, rel: str, past: dict) -> bytes:
    """The bytes of the ledger at `rel` as judged: as committed on a past --today when read so
    (`past`: {rel: document} of those cache.past_records names …@day), else the file's."""
    raw = past[rel].raw if rel in past else None
    return raw if raw is not None else (rs.root / rel).read_bytes()


def export_files(rs: RecordSet, period_id: str, today: dt.date, findings: list, checked) -> dict:
    """{file name: bytes} of the period's exports, as the site of `today` publishes them, made from
    the records `rs` as read, their `findings` and the checks' result `checked` (neither the records
    nor their history read again)."""
    from generator.site import build_site

    files = build_site(rs.root, today, given=(rs, findings, checked)).files
    return {f"{stem}.{ext}": files[f"downloads/{stem}.{ext}"]
            for stem in (f"attachment2-{period_id}", f"activities-{period_id}", f"feedback-{period_id}",
                         f"suggestions-{period_id}", f"reflections-{period_id}") for ext in ("xlsx", "csv")
            if f"downloads/{stem}.{ext}" in files}


# (how a ledger came to differ from the day's: the words, the finding validate would then give, how to restore it)
_SINCE = {"changed": ("改动过", "was changed", "E-ARCH-001", "把它恢复成那天提交的内容（git log --until={today} -- {path} 找到那时的版本）",
                      "restore it as committed that day (git log --until={today} -- {path} shows that version)"),
          "deleted": ("删除了", "was deleted", "E-ARCH-002", "从 Git 历史中恢复它（git log --until={today} -- {path}）",
                      "restore it from Git's history (git log --until={today} -- {path})"),
          "added": ("才提交", "was handed in", "E-ARCH-003", "把它移出 {folder}（那天还没有这份台账）",
                    "move it out of {folder} (there was no such ledger that day)")}


def changed_since(rs: RecordSet, root: Path, period: str, today: dt.date, shown: Path) -> list[F.Finding]:
    """E-FLOW-007 of each ledger of `period` that differs now from the one `rs` read as committed on
    a past `today` (cache.past_records): changed or deleted since (read …@day), or handed in since
    (not read).  Archived as of that day, each would be E-ARCH-001, 002 or 003 at once."""
    from generator.layout import kind_of

    folder = root / "ledgers" / period
    read = {d.rel: d for d in rs.docs if d.kind == "ledger" and d.folder == period}
    now = {p.relative_to(root).as_posix() for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()
    found = {rel: ("changed" if rel in now else "deleted") for rel, d in read.items() if d.file.endswith(f"@{today}")}
    found.update((rel, "added") for rel in now - read.keys() if kind_of(rel) == "ledger")
    out = []
    for rel, how in sorted(found.items()):
        path = (shown / rel).as_posix()
        zh, en, then, restore_zh, restore_en = _SINCE[how]
        where = {"today": today, "path": path, "folder": (shown / "ledgers" / period).as_posix() + "/"}
        out.append(F.make("E-FLOW-007", path, None, path=path, today=today, period=period, then=then,
                          change_zh=zh, change_en=en, restore_zh=restore_zh.format(**where),
                          restore_en=restore_en.format(**where),
                          amendment=f"{shown.as_posix()}/amendments/{period}/{Path(rel).stem}.yaml"))
    return out


def dump(man: dict) -> str:
    import yaml  # (only here: `validate` and `check` import this module for `verify`)

    return HEADER + yaml.safe_dump(man, allow_unicode=True, sort_keys=False, width=120, default_style=None)


def cmd_archive(args) -> int:
    from generator.pipeline import validate_records_and

    root = cli.records_dir(args)
    if root is None:
        return cli.EXIT_USAGE
    from generator.check import git_history

    git_history.begin(root)  # (as check: git reads the ledgers' history while the records load, once)
    # (a past --today: the records as committed on that day, as check and the site — its exports — read them)
    rs, findings, _ = validate_records_and(root, None, args.today, as_of=args.today, checks=True)  # (_archive runs them)
    try:
        return _archive(args, root, rs, findings)
    finally:
        git_history.forget(root)  # (refused before the checks ran: the history is not needed)


def _archive(args, root: Path, rs: RecordSet, findings: list) -> int:
    from generator.check import run_checks
    from generator.files import write_files

    today = args.today or cli.clock_today(rs)
    period = rs.period(args.period)
    if period is None:
        sys.stderr.write(MSG["bad_period"][args.lang].format(value=args.period) + "\n")
        return cli.EXIT_USAGE
    target = root / "archive" / f"{args.period}.yaml"
    shown = str(Path(args.records) / "archive" / f"{args.period}.yaml")
    if target.exists():
        return cli.emit([F.make("E-FLOW-004", shown, None, period=args.period, manifest=shown)], args)
    if F.has_errors(findings):  # (first: a grace period of the wrong type is one of them)
        return cli.emit([F.make("E-FLOW-005", str(args.records), None, period=args.period)] + findings, args)
    from generator.check.deadlines import last_on_time

    grace, after = rs.grace_days(period.due), last_on_time(rs, period)
    if today <= after:
        return cli.emit([F.make("E-FLOW-003", shown, None, period=args.period, due=period.due, grace=grace, after=after,
                                today=today)], args)
    if rs.unread_on == today:  # (a past --today whose records Git could not give: today's would be frozen)
        return cli.emit([_unreadable(root, args, today, None)], args)
    if changed := changed_since(rs, root, args.period, today, Path(args.records)):
        return cli.emit(changed, args)  # (refused up front: nothing is wrong with the records)
    checked = run_checks(rs, today)  # (the history begun, as check reads it)
    if told := [f for f in checked.findings if f.code in ("E-CHK-022", "E-CHK-023")]:  # (statuses unknown)
        return cli.emit([_unreadable(root, args, today, checked.data["ledger_sources"]["history"])] + told, args)
    # the period's ledgers as the checks judged them are what is frozen: one the checks refuse
    # (a cadre with no contact point that period, E-CHK-004 …) would be left out, so it stops here;
    # so does an error said elsewhere about one of them (data "ledger": E-CHK-020 at the import
    # manifest), which once frozen only an amendment could put right
    ledgers = {doc for doc in rs.docs if doc.kind == "ledger" and doc.folder == args.period}
    files, rels = {doc.file for doc in ledgers}, {doc.rel for doc in ledgers}
    if wrong := [f for f in checked.findings if f.severity == F.ERROR and (
            f.file in files or (isinstance(f.data, dict) and f.data.get("ledger") in rels))]:
        return cli.emit([F.make("E-FLOW-005", str(args.records), None, period=args.period)] + wrong, args)
    man = manifest(rs, args.period, today, checked)
    files = export_files(rs, args.period, today, findings, checked)
    folder = root / "archive" / args.period
    man["exports"] = [{"path": f"archive/{args.period}/{name}", "sha256": hashlib.sha256(data).hexdigest()}
                      for name, data in sorted(files.items())]
    # the manifest last: without it the period is not archived, and the same command runs again
    write_files({**{folder / name: data for name, data in sorted(files.items())}, target: dump(man).encode("utf-8")})
    done = {"period": args.period, "manifest": shown, "ledgers": sum(1 for e in man["ledgers"] if e.get("path")),
            "missing": sum(e["status"] == "missing" for e in man["ledgers"]), "exports": len(files)}
    # (a trial's day still to come: a manifest not to be committed)
    trial = [F.make("W-FLOW-005", shown, None, period=args.period, today=today, now=now, after=after, manifest=shown,
                    folder=str(Path(args.records) / "archive" / args.period))] if today > (now := cli.clock_today(rs)) else []
    if args.format == "json":
        from generator import report

        report.write_json({**done, "findings": [f.as_dict(args.lang) for f in trial]})
    else:
        sys.stdout.write(F.counted(MSG["done"][args.lang], **done) + "\n")
        if trial:
            cli.emit(trial, args)
    return cli.EXIT_OK


def _unreadable(root: Path, args, today: dt.date, state: str | None) -> F.Finding:
    """E-FLOW-008: Git's history cannot be read here, so the manifest would freeze a guess — `state` None: a
    past --today's records not read (today's content would be frozen; the begun reading's `git rev-parse`
    says whether a shallow clone), else the checks' history (the ledgers' statuses unknown)."""
    from generator.check import git_history

    if state is None:
        found = (git_history.forget(root) or (None,))[0]
        state = "shallow" if found is not None and found.shallow else "no_repo"
        what = (f"读不到台账在 {today} 那一天的内容（备案会冻结现在的内容）",
                f"the ledgers cannot be read as they were on {today} (today's content would be frozen)")
    else:
        what = (f"无法判断 {args.period} 的台账是否按时提交（备案会把状态记为无法判断）",
                f"whether {args.period}'s ledgers were on time cannot be judged (their status would be frozen as unknown)")
    if state == "shallow":
        reason = ("这是一个浅克隆（shallow clone），Git 历史不完整", "this is a shallow clone, its Git history incomplete")
        fix = ("先取得完整的 Git 历史：在这个克隆中运行 git fetch --unshallow（持续集成中给 actions/checkout 加上 "
               "with: fetch-depth: 0，GitLab 设 GIT_DEPTH: 0）",
               "Fetch the whole Git history first: git fetch --unshallow in this clone (in CI, actions/checkout's "
               "with: fetch-depth: 0, or GIT_DEPTH: 0 on GitLab)")
    else:
        reason = ("读不到记录所在仓库的 Git 历史（不在 Git 仓库中，或 git 运行出错）",
                  "the Git history of the records' repository cannot be read (not a Git repository, or git failed)")
        fix = ("在仓库的完整克隆中运行（git clone <仓库地址>，不加 --depth）",
               "Run it in a full clone of the repository (git clone <its address>, without --depth)")
    return F.make("E-FLOW-008", str(args.records), None, period=args.period, reason_zh=reason[0], reason_en=reason[1],
                  what_zh=what[0], what_en=what[1], fix_zh=fix[0], fix_en=fix[1])


def register(sub) -> None:
    p = sub.add_parser("archive", help=say("备案一个填报期间：冻结台账并导出", "archive a period: freeze its ledgers and export them"))
    cli.common(p, formats=("text", "json"))
    p.add_argument("period", help=say("填报期间，如 2026-H1", "period, e.g. 2026-H1"))
    cli.add_today(p)
    p.set_defaults(func=cmd_archive)
