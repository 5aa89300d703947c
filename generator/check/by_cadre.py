"""The rules that read one cadre's ledgers at a time, kept per cadre between runs.

For one cadre, R5 (semester_contacts.py: their row of the matrix), R6 (deadlines.py: their
rows of the ledger table, and whether their imported ledgers are still the bytes imported), the
ledgers' content (ledger_content.py) and the feedback items' own checks (feedback.check_items)
read that cadre's ledgers and the records that are not ledgers, nothing else.  `by_cadre` runs
them cadre by cadre and keeps each cadre's rows and findings (cache.Memo) under a stamp of the
cadre's ledgers — each one's name, shown name, SHA-256, whether it has errors and the commit it
landed with in Git — and a digest of every other record file (Context.digest_of_others: with --today and
--strict) and of the state of the Git history.
A pull request that changes one ledger works out its cadre's results only, and reads the others'
back (at 12k: 0.10 s, against 0.37 s to work them all out); a run with many cadres to work out
shares them with a copy of the process, with the feedback chains (runner.py).
"""
from __future__ import annotations

import hashlib

from generator import findings as F
from generator.cache import Memo
from generator.check.context import Context
from generator.check.deadlines import Deadlines
from generator.check.feedback import check_items
from generator.check.git_history import History
from generator.check.ledger_content import check_ledger_content
from generator.check.semester_contacts import SemesterContacts


class ByCadre:
    """The semester matrix and the ledger table, with their findings: each cadre's kept from an
    earlier run (`kept`), the others worked out in `n` parts by whichever process takes each
    (forked.shared, beside the feedback chains': a cold run at 12k works out 816 cadres), or here
    when there are few (`n` = 0: a pull request's one cadre).  `finish` puts them together."""

    SHARE_MIN = 64  # cadres to work out (≈0.4 ms each) below which a copy costs more than it gives

    def __init__(self, ctx: Context, history: History, n: int = 32):
        self.ctx = ctx
        self.ledgers: dict[str, list] = {}
        for (_period, cadre), led in sorted(ctx.rs.ledgers.items()):
            self.ledgers.setdefault(cadre, []).append(led)
        self.unreadable: dict[str, list] = {}  # cadre → their ledger files that could not be read
        for doc in ctx.rs.docs:
            if doc.kind == "ledger" and not doc.mapping:
                self.unreadable.setdefault(doc.stem, []).append(doc)
        self.semesters = SemesterContacts(ctx)
        self.deadlines = Deadlines(ctx, history, self.semesters.owes)
        self.memo = Memo(ctx.rs.root, "by-cadre", _context(ctx, history))
        self.cadres = sorted(self.ledgers.keys() | ctx.rows.keys())
        self.kept: dict = {}
        self.history = history
        self.todo: list = []  # (cadre, stamp)
        # (nothing kept — a cold run, or no cache: no cadre is looked up, and the stamps `finish` keeps
        # their results under are worked out later (`stamped`): by the runner once the copy sharing the
        # parts is made, beside them, not before it, while the other core waits)
        self._stamped = bool(self.memo.old)
        if not self._stamped:
            self.todo = [(cadre, None) for cadre in self.cadres]
        for cadre in self.cadres if self._stamped else ():
            stamp = _stamp(ctx, self.ledgers.get(cadre, ()), history, self.unreadable.get(cadre, ()))
            kept = self.memo.get(cadre, stamp)
            if kept is None:
                self.todo.append((cadre, stamp))
            else:
                self.kept[cadre] = kept
        self.n = n if len(self.todo) >= self.SHARE_MIN else 0

    def part(self, k: int) -> list[tuple]:
        """(the cadre's matrix row, their rows of the ledger table, their findings packed) of each
        cadre of part k; the findings are not left in this process's (`finish` adds them all)."""
        found = self.ctx.findings
        out = []
        for cadre, _stamp in self.todo[k::self.n or 1]:
            # (the ledgers handed in after --today were not there on that day: nothing is said of their
            # content; whether the import manifest still gives their bytes is said of the manifest)
            arrived, own = self.deadlines.arrived_later(), self.ledgers.get(cadre, ())
            before, there = len(found), [led for led in own if led.doc.rel not in arrived]
            row = self.semesters.row(cadre, there, [d for d in self.unreadable.get(cadre, ()) if d.rel not in arrived])
            check_ledger_content(self.ctx, cadre, there)
            check_items(self.ctx, there)
            self.deadlines.check_imported(own)
            out.append((row, self.deadlines.rows(cadre), [F.packed(f) for f in found[before:]]))
            del found[before:]
        return out

    def stamped(self) -> None:
        """The stamps of the cadres to work out, where `__init__` left them (nothing kept: none was looked up)
        to be worked out when the runner's process has the time (a cold 12k run's 816, ≈10 ms), else in
        `finish`; where nothing is kept (no cache), none is needed."""
        if self._stamped:
            return
        self._stamped = True
        if self.memo.path:
            ctx, history, ledgers, unreadable = self.ctx, self.history, self.ledgers, self.unreadable
            self.todo = [(cadre, _stamp(ctx, ledgers.get(cadre, ()), history, unreadable.get(cadre, ())))
                         for cadre, _none in self.todo]

    def finish(self, parts: list) -> tuple[dict, list[dict]]:
        """(the semester matrix, the ledger table's rows), their findings added to ctx (`save` keeps them)."""
        self.stamped()
        if not self.n:
            parts = [self.part(0)]
        step = self.n or 1
        for k, results in enumerate(parts):
            for (cadre, stamp), kept in zip(self.todo[k::step], results):
                self.memo.put(cadre, stamp, kept)
                self.kept[cadre] = kept
        matrix, table = [], []
        for cadre in self.cadres:
            row, rows, found = self.kept[cadre]
            self.ctx.findings.extend(F.Finding(*f) for f in found)
            if row is not None:
                matrix.append(row)
            table += rows
        self.deadlines.finish(table)
        return self.semesters.matrix(matrix), table + self.deadlines.archived_rows()

    def save(self) -> None:
        """Keep each cadre's results for the next run (once `finish` has them all)."""
        self.memo.save()


def _context(ctx: Context, history: History) -> str | None:
    others = ctx.digest_of_others()
    if others is None:
        return None
    text = f"{others}\0{history.state}\0{history.reason}"
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _stamp(ctx: Context, ledgers, history: History, unreadable=()) -> str | None:
    """Of each of a cadre's ledgers: its name, shown name, SHA-256, whether it has errors and the
    commit it landed with in Git (a commit has one committer time, as deadlines.py asks) and the times of the
    commits that changed it after (its row's changes, History.changed); as one
    string (NUL is in none of them), which the memo reads back as one object, not six for each
    ledger (at 12k: 816 strings, not 12,007 tuples); and of the cadre's ledgers that could not be
    read, the name, shown name and SHA-256.  None when a ledger's bytes are not known."""
    invalid, added, changed, out = ctx.rs.invalid, history.added, history.changed, []
    for led in ledgers:
        doc = led.doc
        if not doc.sha256:
            return None
        landing = added.get(doc.rel)  # (ledgers/<period>/<cadre>.yaml)
        out += (doc.rel, doc.file, doc.sha256, "1" if doc.rel in invalid else "0", landing.commit if landing else "",
                ",".join(map(str, changed.get(doc.rel, ()))))
    for doc in unreadable:  # (handed in with errors when it landed, deadlines.rows; else W-CHK-006 says it is there)
        if not doc.sha256:
            return None
        landing = added.get(doc.rel)
        out += (doc.rel, doc.file, doc.sha256, "unreadable", landing.commit if landing else "",
                ",".join(map(str, changed.get(doc.rel, ()))))
    return "\0".join(out)
