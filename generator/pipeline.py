"""The pipeline that every command shares: load → validate → references (→ privacy).

`validate_records` never raises for bad records: every problem is a finding.
"""
from __future__ import annotations

import os
from pathlib import Path

from generator import findings as F
from generator import archive, forked, privacy
from generator.cli import clock_today
from generator.load import display_path, load_tree
from generator.cache import load_and_validate, past_records
from generator.model import RecordSet, build
from generator.references import check_references, vocabulary_word
from generator.validate import date_told_in_period, listed_value, listed_word_hint, points_hint, validate_document

# Extra record-level stages (privacy, archive integrity …) register here: each is a
# function RecordSet → list[Finding], run after references.
RECORD_STAGES: list = [privacy.check_records, archive.verify]

# The kinds of file whose every row the policy checks (check.run_checks) ask where: the contact points'
# table gives each assignment row's line (check/contact_points.py).  When the caller says the checks
# will run (`checks`), the loading processes keep their positions as they parse them, so that they are
# not parsed a second time there (at 12k: five files of 850 rows).
LISTED = frozenset({"assignments"})

def validate_records(records: Path, today=None) -> tuple[RecordSet, list[F.Finding]]:
    rs, findings, _ = validate_records_and(records, None, today)
    return rs, findings


def validate_records_and(records: Path, then, today=None, as_of=None, repo: Path | None = None, *,
                         checks: bool = False) -> tuple[RecordSet, list[F.Finding], object]:
    """validate_records, and then(rs) (unless None) run at the same time as the record stages:
    those run in a copy of this process when that is safe (forked.both).  (rs, findings, then(rs)).
    `today` (a date, a function of the RecordSet giving one, or None: the clock) is the day the
    references stage asks which periods are archived by (archive.archived_by).  `as_of` (a past
    --today): the ledgers as committed on that day, in the Git repository `repo` (None: the one
    holding the records), cache.past_records.  `checks`: the policy checks will run on the records (in
    `then` or after it), so the rows of LISTED's kinds are kept with their positions as they are loaded,
    and each ledger's facts (check/facts.py) are worked out by the process that loads it."""
    # With checks beside the record stages, the cache files written meanwhile (the load's results, the
    # checks' memos) are written by the copies made for those anyway, not each by one of its own
    # (forked.holding: each copy costs this process its pages again).
    if then is None:
        return _validated(records, then, today, as_of, repo, checks)
    with forked.holding():
        return _validated(records, then, today, as_of, repo, checks)


def _validated(records: Path, then, today, as_of, repo, checks: bool) -> tuple[RecordSet, list[F.Finding], object]:
    # load_tree + validate_document per file, with a content-hash cache and two processes; when the checks
    # will run, the processes that load a ledger work out what they read of it (its facts) there too
    facts = None
    if checks:
        from generator.check.facts import given_of as facts
    docs, findings, invalid = load_and_validate(records, LISTED if checks else frozenset(), facts)
    unread, now = None, {}
    if as_of:
        now = {d.rel: d for d in docs}
        docs, findings, invalid, unread = past_records(records, repo, as_of, docs, findings, invalid)
    invalid |= {d.rel for d in docs if d.missing}
    by_file = {d.file: d.rel for d in docs}
    invalid |= {by_file[f.file] for f in findings if f.severity == F.ERROR and f.file in by_file}
    rs = build(records, docs, invalid)
    rs.unread_on = unread
    if now:  # (a past --today: the files not there on it, and those there read as they were on it)
        rs.absent_on = frozenset(now.keys() - {d.rel for d in docs})
        rs.then_on = frozenset(d.rel for d in docs if now.get(d.rel, d) is not d)
    shown = display_path(records)
    day = today(rs) if callable(today) else today or clock_today(rs)

    def stages() -> list[F.Finding]:
        found = _guarded(check_references, rs, shown, day)
        return found + [f for stage in RECORD_STAGES for f in _guarded(stage, rs, shown)]

    # (a cold check shares its rules' parts with a copy of this process (check/runner.py): that copy does the
    # record stages first, rather than one made for them alone — each copy costs this process its pages again)
    # (whether the checks will share their parts with a copy, the runner says from the ledgers loaded in this run)
    joined = checks and then is not None and _shares_parts(sum(doc.facts is not None for doc in docs))
    found, result = forked.both(stages, lambda: then(rs), joined) if then is not None else (stages(), None)
    # a file with an error of these stages (E-REF-005: a form not in the vocabulary) has errors too, as one
    # with validate's; kept apart from rs.invalid, which the checks read as they did beside them (`then`),
    # whose ledger rows are marked here, once, for every reader (deadlines.rows_told_late)
    rs.found_late(by_file[f.file] for f in found if f.severity == F.ERROR and f.file in by_file)
    findings = _comment_told_once(_named_told_once(_unseen_told_once(_joined_told_once(_placeholders_told_once(
        _dates_in_period(_listed_word_known(_points_by_id(findings, rs), rs), rs) + found)))))
    findings = privacy.redact_findings(findings, rs)  # no stage prints personal data in full
    return rs, sorted(set(findings), key=F.Finding.sort_key), result


def _shares_parts(loaded: int) -> bool:
    from generator.check.runner import shares_parts  # (its rules' modules: imported by the checks anyway)

    return shares_parts(loaded)


def _placeholders_told_once(findings: list[F.Finding]) -> list[F.Finding]:
    """Without what the references say of a value left as a hint's placeholder (form: 待填写 — “待填写”不在政策词表中,
    contact_points: [待填写] — 不存在): E-SCHEMA-011 there says it is the placeholder, to be replaced."""
    left = {(f.file, f.line, f.column) for f in findings if f.code == "E-SCHEMA-011"}
    if not left:
        return findings
    return [f for f in findings if not (f.code.startswith("E-REF-") and (f.file, f.line, f.column) in left)]


def _joined_told_once(findings: list[F.Finding]) -> list[F.Finding]:
    """Without what the schema and the references say of a list's item written on two lines, read
    joined (“club-robotics cs-2025-01” 不存在, 格式不对), or of items joined by a Chinese comma
    ([club-robotics，cs-2025-01]): E-YAML-015 at its second line, E-YAML-012 at the comma, says what is
    wrong, and they go once it is fixed.  (Its data's `item`: where the joined value starts.)"""
    joined = {(f.file, *f.data["item"]) for f in findings
              if f.code in ("E-YAML-015", "E-YAML-010", "E-YAML-012", "E-YAML-011") and "item" in f.data}
    if not joined:
        return findings
    return [f for f in findings
            if not (f.code.startswith(("E-SCHEMA-", "E-REF-")) and (f.file, f.line, f.column) in joined)]


def _points_by_id(findings: list[F.Finding], rs: RecordSet) -> list[F.Finding]:
    """The schema's E-SCHEMA-003 of a ledger's contact points written as a text of a class's or a club's name
    (contact_points: 营销2301班) with the ids in the line to type (contact_points: [mkt-2023-01]), not the names
    in a list ([营销2301班]), which the next run tells are names (E-REF-001): the schema's check of one file
    does not know the other records' names (validate.points_hint)."""
    def retold(f, doc):
        if (f.line, f.column) == doc.pos(("contact_points",)) and (said := points_hint(doc, rs.point_names)):
            return f.replace(hint_zh=said[0], hint_en=said[1])
        return f
    return _in_ledgers(findings, rs, ("E-SCHEMA-003",), lambda f: True, retold)


def _in_ledgers(findings: list[F.Finding], rs: RecordSet, codes: tuple, told, retold) -> list[F.Finding]:
    """`findings`, each of `codes` in a ledger where one of them is `told` (a function of a finding → bool) given by
    `retold` (a function of it and its ledger's document → the finding as it is to be told)."""
    files = {f.file for f in findings if f.code in codes and told(f)}
    docs = {d.file: d for d in rs.docs if d.file in files and d.kind == "ledger"} if files else {}
    if not docs:
        return findings
    return [retold(f, docs[f.file]) if f.code in codes and f.file in docs else f for f in findings]


def _listed_word_known(findings: list[F.Finding], rs: RecordSet) -> list[F.Finding]:
    """The schema's E-SCHEMA-003 of an activity's form, place or channel written as a list (place: [社团, 班级]) with
    the line of a word of its vocabulary (references.vocabulary_word), not the first of the list, which the next run
    may refuse (E-REF-005): the schema's check of one file does not know the policy's vocabularies.  (Its data's
    `listed`: the field's path and title, as validate.listed_word_hint was given them.)"""
    def retold(f, doc):
        if "listed" not in f.data:
            return f
        path, title = tuple(f.data["listed"]["path"]), f.data["listed"]["title"]
        word = vocabulary_word(rs, path[-1], listed_value(doc, path))
        if word == path[-1]:  # (no such vocabulary in the policy: the list's first, as validate said)
            return f
        told = listed_word_hint(doc, path, title, word)
        return f.replace(hint_zh=told[0], hint_en=told[1])
    return _in_ledgers(findings, rs, ("E-SCHEMA-003",), lambda f: "listed" in f.data, retold)


def _dates_in_period(findings: list[F.Finding], rs: RecordSet) -> list[F.Finding]:
    """The schema's E-SCHEMA-003 and E-SCHEMA-005 of a ledger's activity's date written otherwise (12月5日) without the
    line to type where the day it means is outside the ledger's period (2026-12-05 in 2026-H1: E-REF-004 once typed),
    but the words that it is: the schema's check of one file does not know the policy's periods."""
    return _in_ledgers(findings, rs, ("E-SCHEMA-003", "E-SCHEMA-005"), lambda f: "这一行写成：" in f.hint_zh,
                       lambda f, doc: date_told_in_period(f, doc, rs))


def _comment_told_once(findings: list[F.Finding]) -> list[F.Finding]:
    """Without W-YAML-001 (a comment after a text, kept nowhere) on a line where the schema's E-SCHEMA-006 says the text is
    too short and that the comment after it is not counted (summary: 座谈 # 第二次), with the line that keeps it."""
    told = {(f.file, f.line) for f in findings if f.code == "E-SCHEMA-006" and "comment" in f.data}
    return [f for f in findings if not (f.code == "W-YAML-001" and (f.file, f.line) in told)] if told else findings


def _unseen_told_once(findings: list[F.Finding]) -> list[F.Finding]:
    """Without what the references say of an id with a character nobody sees in it (“xgb　”不存在): the
    schema's E-SCHEMA-005 at the same place says which character, and the line to type without it."""
    told = {(f.file, f.line, f.column) for f in findings if f.code == "E-SCHEMA-005" and "as_seen" in f.data}
    if not told:
        return findings
    return [f for f in findings if not (f.code.startswith("E-REF-") and (f.file, f.line, f.column) in told)]


def _named_told_once(findings: list[F.Finding]) -> list[F.Finding]:
    """Without what the schema says of a unit's, a class's, a club's or a cadre's name where its id belongs
    (unit: 计算机学院 格式不对): the references' E-REF-001 at the same place says which id, and the line (E-REF-003
    of another cadre's name in a ledger, whose ledger it is; of a period's or a semester's name, the period's id;
    of a period that is none, 2026-HI, with the dates of the folder's, the line: "line" in its data)."""
    told = {(f.file, f.line, f.column) for f in findings
            if f.code in ("E-REF-001", "E-REF-003") and ("named" in f.data or "line" in f.data)}
    return [f for f in findings if not (f.code == "E-SCHEMA-005" and (f.file, f.line, f.column) in told)] \
        if told else findings


def admin_errors(rs: RecordSet, findings: list[F.Finding]) -> list[F.Finding]:
    """The errors outside the ledgers: in the files the administrators keep (the policy, units,
    cadres, classes, clubs, assignments …).  The commands that work from these files (`new`,
    `remind`, `cms-config`, the web form) stop on them and show them (E-FLOW-006), instead of
    acting on values of the wrong type; a cadre's broken ledger does not stop them."""
    ledgers = {doc.file for doc in rs.docs if doc.kind == "ledger"}
    return [f for f in findings if f.severity == F.ERROR and f.file not in ledgers]


def _guarded(stage, arg, file: str, *more) -> list[F.Finding]:
    """Run one stage; a bug in it becomes one finding instead of hiding every other finding."""
    try:
        return stage(arg, *more)
    except Exception as exc:  # noqa: BLE001 - never a traceback (CONTACT_LEDGER_DEBUG=1 shows it)
        if os.environ.get("CONTACT_LEDGER_DEBUG"):
            raise
        name = f"{getattr(stage, '__module__', '?')}.{getattr(stage, '__name__', '?')}"
        return [F.make("E-INTERNAL-001", file, None, stage=name, error=f"{type(exc).__name__}: {exc}"[:200])]
