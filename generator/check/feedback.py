"""R10, R11: the student-feedback loop.

Each item's status is a word whose meaning (open / in_progress / escalated / resolved)
comes from the policy.  A follow-up in a later ledger names the original with
`follows`; the items linked that way form a chain whose current status is its latest
link's.  Escalated needs escalated_to; resolved needs resolution and resolved_on (a resolution that is only a word of
the policy's empty_resolutions, 已处理, is told: W-CHK-027); going
from resolved back to anything else needs a note.  Open or escalated chains older than
the policy's feedback.overdue_days (counted from the first link's raised_on, or from the raised_on of
the link that last reopened a resolved item) are overdue: the number in force on that day
(feedback.earlier keeps those before a change), so a change does not shorten the time an item had.

Each item's own checks run with its cadre's other rules (`check_items`, by_cadre.py: kept
between runs).  Each chain's row is kept between runs as the JSON report writes it, with its
findings (chain_rows.py), with what it was worked out from: the ledgers its links are in, and a
digest of every other record file.  A pull request that changes a ledger's activities, text or
statuses works out the chains that ledger is in, and writes the other rows as they were kept;
one that changes the links (an item added, an id or a follows changed, a ledger added) groups
the chains again and keeps each whose items and ledgers did not change.  Chains not kept are
worked out in parts shared by two processes when there are many of them (`Parts`).
"""
from __future__ import annotations

import datetime as dt
import marshal
import unicodedata
from bisect import bisect_left
from operator import itemgetter

from generator import findings as F
from generator import report
from generator.archive import amendment_path, meanings_unknown
from generator.cache import changed_places
from generator.check.chain_rows import Kept, parsed
from generator.check.context import Context, date_of, iso
from generator.check.facts import ledger_facts
from generator.messages.check import (LINES_UNDER_STATUS, MEANS_SAID, REPORT_TO_COLLEGE, REPORT_TO_STUDENTS_COLLEGE,
                                       RESOLVED_MISSING, RESOLVED_NEEDS_BOTH, STUDENTS_COLLEGE_UNNAMED)
from generator.model import Item, escalated_last
from generator.references import SENTENCE_STOPS


def _root(fid: str, parent: dict[str, str]) -> str:
    seen = {fid}
    while fid in parent and parent[fid] not in seen:
        fid = parent[fid]
        seen.add(fid)
    return fid


def check_items(ctx: Context, ledgers) -> None:
    """Each feedback item's own checks (those with an id), in the cadre's valid ledgers, by its
    ledger's statuses' meanings (Context.meaning: a frozen ledger's as its manifest recorded them,
    not as the policy changed them since; its fix is then an administrator's amendment)."""
    days = ctx.days  # (40,754 dates at 12k, on a few thousand days: each text parsed once a run)
    empty = frozenset(_plain(w) for w in ctx.rs.words("empty_resolutions"))  # (none: no resolution normalised)
    for led in ledgers:
        if not ctx.valid(led):
            continue
        meaning = ctx.meaning(led)
        for i, v in ctx.facts(led).feedback:
            if not isinstance(v.get("id"), str):
                continue
            status = v.get("status")
            mean = meaning.get(status) if isinstance(status, str) else None
            if mean == "escalated" and not v.get("escalated_to"):
                fb = Item(led.doc, ("feedback", i), v)
                ctx.add("E-CHK-010", fb, fb.pos("status"), status=status, means=_means(status, mean),
                        allowed=list(ctx.rs.vocab("escalation_targets")), **_amendment(ctx, led))
            if mean == "resolved":
                if missing := tuple(key for key in ("resolution", "resolved_on") if not v.get(key)):
                    fb = Item(led.doc, ("feedback", i), v)
                    amend = _amendment(ctx, led)
                    words = RESOLVED_MISSING[missing]
                    ctx.add("E-CHK-011", fb, fb.pos("status"), status=status, means=_means(status, mean), **amend,
                            **_lines_under_status(fb, words, frozen=bool(amend["amend"])),
                            missing=words["missing"], missing_en=words["missing_en"])
                elif empty and isinstance(said := v.get("resolution"), str) and _plain(said) in empty:
                    fb = Item(led.doc, ("feedback", i), v)
                    ctx.add("W-CHK-027", fb, fb.pos("resolution"), ref=v["id"], resolution=said, **_amendment(ctx, led))
            for key, zh, en in (("raised_on", "反映日期", "raised_on"), ("resolved_on", "解决日期", "resolved_on")):
                day = days[text] if isinstance(text := v.get(key), str) else None
                if day and day > ctx.today:
                    fb = Item(led.doc, ("feedback", i), v)
                    ctx.add("E-CHK-006", fb, fb.pos(key), what=zh, what_en=en, value=day, today=ctx.today)


def _plain(text: str) -> str:
    """A resolution, or a word of the policy's empty_resolutions, as W-CHK-027 compares them: its full-width letters
    and marks narrowed (NFKC), its spaces and the sentence's marks at its end left out (已处理。 is 已处理)."""
    return unicodedata.normalize("NFKC", text).strip().rstrip(_STOPS).strip()


_STOPS = "".join(SENTENCE_STOPS)  # (_plain's: joined once, not once a resolution)


def _means(status: str, meaning: str) -> str:
    """E-CHK-010's and E-CHK-011's words after the status's name: what it means (表示已解决), none when the name says
    it (状态“已解决”表示已解决 said it twice)."""
    word, said = MEANS_SAID[meaning]
    return "" if status == word else said


def _lines_under_status(fb: Item, words: dict, frozen: bool) -> dict:
    """E-CHK-011's words (lines, lines_en) for a resolved item without its resolution or day (`words`: RESOLVED_MISSING's
    of those missing): under which line to type them and how far in — under its `status:` line, aligned with it, as
    E-SCHEMA-001 says of a field left out —, when that line holds the field alone (else, and for a frozen ledger, whose
    fix is an administrator's amendment, that a resolved item needs both)."""
    row, _col = fb.pos("status")
    lines = fb.doc.text.splitlines() if not frozen and row else []
    line = lines[row - 1] if 0 < row <= len(lines) else ""
    at = line.find("status:")
    if at < 0 or line[:at].strip() not in ("", "-") or "{" in line[:at] or not line[at + 7:].strip():
        return dict(zip(("lines", "lines_en"), RESOLVED_NEEDS_BOTH))
    shown = line.strip()
    shown = shown if len(shown) <= 30 else shown[:29] + "…"
    return dict(zip(("lines", "lines_en"), (t.format(row=row, shown=shown, at=at, **words) for t in LINES_UNDER_STATUS)))


def _amendment(ctx: Context, led) -> dict:
    """The hint's last words (amend, amend_en): for a frozen ledger, that an administrator's
    amendment corrects it (the cadre may not change it: E-ARCH-001); none for any other."""
    if not ctx.frozen(led):
        return {"amend": "", "amend_en": ""}
    period, cadre = led.doc.folder, led.doc.stem
    on = ctx.archived.get(period, {}).get("archived_on", "?")
    path = amendment_path(led.doc, period, cadre)
    return {"amend": f"此台账已于 {on} 备案（{period}），干部不能再改：由管理员修改并提交更正记录 {path}。",
            "amend_en": f" This ledger was archived ({period}) on {on} and its cadre may not change it: an "
                        f"administrator corrects it with an amendment record {path}."}


WHY = {"no_git": ("不在 Git 仓库中：普通文件夹", "not in a Git repository: a plain folder"),
       "shallow": ("浅克隆中没有添加它的那次提交", "a shallow clone without the commit that added it"),
       "uncommitted": ("它还没有提交到 Git", "it is not committed to Git"),
       "changed": ("它在添加它的提交之后改动过，哪次提交备案的无从知道",
                   "it changed after the commits that added it, so which one archived it is unknown"),
       "ambiguous": ("它原样添加过不止一次，各次提交中的 policy.yaml 不同，不知道按哪一次",
                     "it was added more than once as it is, with differing policy.yaml, so which one archived it is unknown"),
       "no_policy": ("那次提交中的 policy.yaml 没有问题办理状态", "the policy.yaml of that commit has no feedback statuses")}


def _then(why: str, policy: str) -> dict:
    """W-ARCH-001's ways to know the policy as archived: in Git, its full history (git show); outside
    Git (a plain folder), no command: the policy kept with what was archived."""
    if why == "no_git":
        return {"run": "", "run_en": "An administrator", "then": "备案时的政策（与备案材料一起留存的 policy.yaml）",
                "then_en": "the policy as archived (the policy.yaml kept with the archived papers)"}
    return {"run": "在有完整历史的 Git 克隆中运行（浅克隆先 git fetch --unshallow；持续集成设 fetch-depth: 0 或 GIT_DEPTH: 0），或",
            "run_en": "Run in a Git clone with its full history (git fetch --unshallow in a shallow clone; fetch-depth: 0 "
                      "or GIT_DEPTH: 0 in CI), or an administrator",
            "then": f"备案时的 {policy}（git show <备案的提交>:{policy}）",
            "then_en": f"{policy} as archived (git show <archive commit>:{policy})"}


def check_archived_meanings(ctx: Context) -> None:
    """W-ARCH-001 at each manifest whose frozen ledgers' items take today's statuses' meanings, as
    nothing tells what they meant then (archive.meanings_unknown)."""
    now = ctx.rs.status_meaning()

    def statuses(led) -> bool:
        return any(isinstance(v.get("status"), str) for _i, v in ctx.facts(led).feedback)
    for man, why, policy, count in meanings_unknown(ctx.rs, ctx.today, ctx.meanings_then, statuses):
        yaml = "feedback_statuses: [" + ", ".join(f"{{name: {w}, meaning: {m}}}" for w, m in now.items()) + "]"
        ctx.add("W-ARCH-001", man.file, (man.key_pos(("ledgers",))[0], 1), period=man.stem, count=count,
                why=WHY[why][0], why_en=WHY[why][1], yaml=yaml, policy=policy, **_then(why, policy),
                meanings="、".join(f"{w}={m}" for w, m in now.items()), meanings_en=", ".join(f"{w}={m}" for w, m in now.items()))


def chains_of(rs, leaving_out=frozenset()) -> list[tuple]:
    """(root id, its ledgers, their entries, the root's place among them) of each chain; an entry
    is (ledger file below records/, the item's index in the ledger's feedback, what it follows or
    None), as chain_rows.Kept keeps a chain's signature: read straight from the facts' links,
    ledgers in period order then file order (20,000 items at 12k: an item's values are read only
    for the chains worked out), but the ledgers `leaving_out` (paths below records/)."""
    facts = ledger_facts(rs)
    first: dict[str, tuple] = {}  # id → (its ledger, its entry)
    for _key, led in sorted(rs.ledgers.items()):
        rel = led.doc.rel
        if leaving_out and rel in leaving_out:
            continue
        for i, fid, follows in facts[rel].links:
            if fid not in first:
                first[fid] = (led, (rel, i, follows))
    parent = {fid: follows for fid, (_led, (_rel, _i, follows)) in first.items()
              if follows is not None and follows in first and follows != fid}
    chains: dict[str, list] = {}
    for fid, pair in first.items():
        chains.setdefault(_root(fid, parent) if fid in parent else fid, []).append(pair)
    out = []
    for root, pairs in chains.items():
        if len(pairs) == 1:  # (most items have no follow-up)
            out.append((root, [pairs[0][0]], (pairs[0][1],), 0))
        else:
            entries = tuple(entry for _led, entry in pairs)
            out.append((root, [led for led, _entry in pairs], entries, entries.index(first[root][1])))
    return out


class Parts:
    """The chains' rows, oldest first, with their findings (chain_rows.py: kept between runs).  A
    row is worked out as (raised on, flags: 1 overdue, 2 not resolved, the row as the JSON report
    writes it (report.item), its findings packed or None).  The rows not kept are worked out in
    `n` parts by whichever process takes each (forked.shared: 13,000 chains in a cold run at 12k),
    or here when there are few (`n` = 0: a pull request's few chains are not worth a copy of this
    process).  `rows` puts them together, and keeps them for the next run.

    The ledgers `leaving_out` (those handed in after --today: Deadlines.later) are not there for
    the chains, as they are not on the site built as of that day: each run's ledgers are kept with
    the rows, so a ledger left out in one run and not in the next is one removed, then added
    (the rows kept never count a ledger that landed after the day, nor leave out one that had not)."""

    SHARE_MIN = 1000  # chains to work out (≈20 µs each) below which a copy costs more than it gives

    def __init__(self, ctx: Context, n: int = 64, as_json: bool = False, leaving_out=frozenset()):
        self.as_json, rs = as_json, ctx.rs
        self._make = _Chains(ctx)
        self._facts = ledger_facts(rs)
        self._kept = kept = Kept(rs.root, ctx.digest_of_others())
        # each ledger as chain_rows.Kept holds them (lists: compared in C), and those not as kept
        self._leds = list(rs.ledgers.values())
        rels, shas, files = self._facts.rels, self._facts.shas, self._facts.files  # (in that order too)
        if leaving_out:
            here = [k for k, rel in enumerate(rels) if rel not in leaving_out]
            self._leds, rels, shas, files = ([column[k] for k in here] for column in (self._leds, rels, shas, files))
        invalid = bytes(map(rs.invalid.__contains__, rels))
        kept_lists = (kept.shas, kept.files, kept.invalid, kept.links)
        self._was = gone = None  # (None: each ledger at its kept place)
        if not kept.rels:  # (nothing kept: a cold run)
            self._was, kept_lists = {}, ([None] * len(rels),) * 4
        elif rels != kept.rels:  # (a ledger added or removed: the kept lists put in this run's places)
            was = self._was = {rel: j for j, rel in enumerate(kept.rels)}
            kept_lists = tuple([column[was[rel]] if rel in was else None for rel in rels] for column in kept_lists)
            now = set(rels)
            gone = [j for j, rel in enumerate(kept.rels) if rel not in now]
        # (a cold run's: every place, none compared with what is not there)
        changed = changed_places((shas, files, invalid), kept_lists[:3]) if kept.rels else list(range(len(rels)))
        links = list(kept_lists[3])
        self._ledgers = (rels, shas, files, invalid, links)  # (links: as kept, until `rows`)
        self._changed, self._gone = changed, gone or []
        self._places: dict = {rels[i]: i for i in changed} if kept.keys else {}  # (asked only of rows kept)
        self._todo: list = []  # (root, its links' ledgers, their (rel, index, follows), the root's place, signature)
        self._unsigned = False  # (the signatures left out of _todo until `signed`)
        self._removed: set = set()  # the kept rows' places not in this run's order
        if not (kept.keys and self._regrouped_only()):
            self._regroup(chains_of(rs, leaving_out))
        self.n = n if len(self._todo) >= self.SHARE_MIN else 0

    def _at(self, rel: str) -> int | None:
        """The ledger's place in this run's lists (None: not there).  (Asked of the few ledgers
        a pull request's chains are in: searched in C, not 12,000 places put in a dict.)"""
        places = self._places
        if rel not in places:
            try:
                places[rel] = self._ledgers[0].index(rel)
            except ValueError:
                places[rel] = None
        return places[rel]

    def _regrouped_only(self) -> bool:
        """When the changed ledgers' links are as kept (so the chains are made of the same items):
        the chains those ledgers are in are worked out again, every other row is kept."""
        kept, (rels, *_rest, links), facts = self._kept, self._ledgers, self._facts
        if any(kept.links[j] is not None for j in self._gone) \
                or any((marshal.loads(links[i]) if links[i] else ()) != facts[rels[i]].links for i in self._changed):
            return False
        places = sorted({j for i in self._changed for j in kept.chains_in(rels[i])})
        for j in places:
            entries, first = marshal.loads(kept.sig(j))
            if any(self._at(rel) is None for rel, _i, _follows in entries):
                self._todo = []
                return False
            leds = [self._leds[self._at(rel)] for rel, _i, _follows in entries]
            self._todo.append((kept.root(j), leds, entries, first, kept.sig(j)))
        self._removed = set(places)
        return True

    def _regroup(self, chains: list) -> None:
        """Every chain grouped again: each whose signature is the kept one, in ledgers that did
        not change, is kept (none in a cold run: nothing is)."""
        kept, self._todo = self._kept, []
        if not kept.keys:  # (their signatures, kept with the rows, are worked out later: `signed`)
            self._todo, self._unsigned = chains, True
            return
        changed = {self._ledgers[0][i] for i in self._changed} | {kept.rels[j] for j in self._gone}
        place = {kept.root(j): j for j in range(len(kept.keys))}
        kept_at = set()
        for root, leds, entries, first in chains:
            sig = marshal.dumps((entries, first))
            j = place.get(root)
            if j is not None and kept.sig(j) == sig and not (changed and any(e[0] in changed for e in entries)):
                kept_at.add(j)
            else:
                self._todo.append((root, leds, entries, first, sig))
        self._removed = set(range(len(kept.keys))) - kept_at

    def signed(self) -> None:
        """Each chain to work out with its signature, where the grouping left them without (nothing kept, so
        none was compared: a cold run's 13,000 at 12k, ≈10 ms) for when the runner's process has the time —
        once the copy sharing the parts is made, not before it, while the other core waits — else `rows`."""
        if self._unsigned:
            self._unsigned = False
            self._todo = [(root, leds, entries, first, marshal.dumps((entries, first)))
                          for root, leds, entries, first in self._todo]

    def part(self, k: int) -> list[tuple]:
        return [self._worked_out(*chain[:4]) for chain in self._todo[k::self.n or 1]]

    def _worked_out(self, root: str, leds: list, entries: tuple, first: int) -> tuple:
        """The chain's row and findings, from its links (their ledgers and entries; the root's at `first`)."""
        facts, found = self._facts, self._make.ctx.findings
        before = len(found)
        links = [(led, i, facts[rel].item(i)) for led, (rel, i, _follows) in zip(leds, entries)]
        r = self._make.chain(root, links[first], links)
        flags = (1 if r["overdue"] else 0) | (2 if r["meaning"] != "resolved" else 0)
        packed = tuple(F.packed(f) for f in found[before:]) or None
        del found[before:]  # (`rows` adds every chain's findings)
        return r["raised_on"], flags, report.item(r) or r, packed

    def rows(self, parts: list, ctx: Context) -> tuple[list | report.Raw, int, int]:
        """(the chains' rows, oldest first; how many are overdue; how many are not resolved),
        their findings added to ctx; kept for the next run."""
        self.signed()
        if not self.n:
            parts = [self.part(0)]
        step, kept = self.n or 1, self._kept
        found, (overdue, open_) = dict(kept.found), kept.counts
        for j in self._removed:
            found.pop(kept.root(j), None)
            overdue, open_ = overdue - (kept.flags[j] & 1), open_ - (kept.flags[j] >> 1)
        new = []  # (key, (row, signature, flags))
        for k, results in enumerate(parts):
            for chain, (raised, flags, row, packed) in zip(self._todo[k::step], results):
                root = chain[0]
                new.append((f"{raised or ''}\0{root}", (row, chain[4], flags)))
                if packed:
                    found[root] = packed
                overdue, open_ = overdue + (flags & 1), open_ + (flags >> 1)
        new.sort(key=itemgetter(0))
        keys, order = _merged(kept.keys, self._removed, new)
        pieces = kept.rows(order)
        for packed in found.values():
            ctx.findings.extend(F.Finding(*f) for f in packed)
        if (new or self._changed or self._gone or self._was is not None or kept.blob is None) \
                and all(type(entry[1][0]) is bytes for entry in new):
            kept.save(self._ledgers_now, self._changed, keys, order, pieces, found, (overdue, open_))
        if self.as_json and all(type(piece) is not dict for piece in pieces):
            return report.Raw(pieces), overdue, open_
        return parsed(pieces), overdue, open_

    def _ledgers_now(self) -> tuple:
        """The ledgers as kept for the next run, the changed ones' links this run's (asked by chain_rows.Kept
        as it writes them: a cold run's 12,007 by the copy writing the main file)."""
        rels, links = self._ledgers[0], self._ledgers[4]
        for i in self._changed:
            now = self._facts[rels[i]].links
            links[i] = marshal.dumps(now) if now else None
        return self._ledgers


def _merged(keys: list, removed: set, new: list) -> tuple[list, list]:
    """(the keys in order, the rows in order: ranges of kept rows' places, and new rows) of the
    kept rows (`keys`, in order) but those `removed`, and the `new` (key, row) pairs, in key order."""
    if not keys:  # (none kept: a cold run's rows are the new ones, in their order)
        return [key for key, _row in new], [row for _key, row in new]
    events = sorted([(j, 1, None) for j in removed] + [(bisect_left(keys, key), 0, (key, row)) for key, row in new])
    out_keys, order, at = [], [], 0
    for j, remove, pair in events:
        if j > at:
            out_keys += keys[at:j]
            order.append(range(at, j))
        if remove:
            at = j + 1
        else:
            out_keys.append(pair[0])
            order.append(pair[1])
            at = j
    if at < len(keys):
        out_keys += keys[at:]
        order.append(range(at, len(keys)))
    return out_keys, order


class _Chains:
    """Each chain's row (what every row needs worked out once: 13,000 chains at 12k)."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.meaning = ctx.meaning  # (ledger → its statuses' meanings)
        self.limit = ctx.setting_int("feedback", "overdue_days", default=60)
        self.natures = frozenset(ctx.rs.words_ever("feedback_natures"))  # (R10: the natures to report to a
        # 学院党委; one retired since an item was raised with it still is: vocabularies.earlier)
        self._days = _Days()  # a date as written → (the date, its ISO text), (None, None) if none
        self._ledgers: dict = {}  # ledger file → (file, shown name, period, cadre, its period's start, unit, its name)
        self._units: dict = {}  # cadre → (their unit, its name)
        self._meanings: dict = {}  # ledger file → its statuses' meanings (asked when a link has a status)
        self._limits: dict = {}  # the day an item's age counts from → feedback.overdue_days in force then

    def day(self, value) -> tuple:
        return self._days[value] if isinstance(value, str) else _NO_DAY

    def ledger(self, led) -> tuple:
        """(file, shown name, period, cadre, the period's start, the cadre's unit and its name) of a
        ledger, worked out once (each of its links asks; the unit once a cadre)."""
        doc = led.doc
        where = self._ledgers.get(doc.rel)
        if where is None:
            ctx, cadre = self.ctx, doc.stem
            unit = self._units.get(cadre)
            if unit is None:
                unit = ctx.cadre_unit(cadre)
                unit = self._units[cadre] = (unit, ctx.unit_name(unit))
            period = ctx.periods[doc.folder]
            where = self._ledgers[doc.rel] = (doc.rel, doc.file, doc.folder, cadre,
                                              period.start if period else dt.date.min, *unit)
        return where

    def meaning_of(self, led) -> dict:
        """Context.meaning of the ledger, asked once."""
        hit = self._meanings.get(led.doc.rel)
        if hit is None:
            hit = self._meanings[led.doc.rel] = self.meaning(led)
        return hit

    def chain(self, root: str, root_entry: tuple, links: list) -> dict:
        ctx, meaning, day, ledger = self.ctx, self.meaning_of, self.day, self.ledger
        if len(links) > 1:  # (most items have no follow-up)
            links.sort(key=lambda e: (ledger(e[0])[4], day(e[2].get("raised_on"))[0] or dt.date.min))
            # as of --today: a follow-up raised after it had not happened (E-CHK-006 says so), as no
            # activity after it counts; the chain stands as its links up to then left it
            links[:] = [e for e in links if e[:2] == root_entry[:2]
                        or (day(e[2].get("raised_on"))[0] or dt.date.min) <= ctx.today]
        root_led, _root_i, root_v = root_entry
        prev = None
        since = root_v  # the link the item's age counts from: its first report, or its last reopening
        rows = []  # (each link's row, with its status's meaning worked out once)
        for led, i, v in links:
            get = v.get
            status = get("status")
            if isinstance(status, str):
                mean = meaning(led).get(status)
            else:
                status = mean = None
            if prev is not None and prev[1] == "resolved" and mean and mean != "resolved":
                since = v
                # (a frozen link is judged when the resolved one is frozen too: both by their
                # manifests' meanings, none by today's vocabulary)
                if not get("note") and ctx.valid(led) and (not ctx.frozen(led) or ctx.frozen(prev[0])):
                    fb = Item(led.doc, ("feedback", i), v)
                    ctx.add("E-CHK-012", fb, fb.pos("status"), ref=root, status=status,
                            resolved_period=prev[0].doc.folder, **_amendment(ctx, led))
            if mean:
                prev = (led, mean)
            where = ledger(led)
            if rows and ctx.valid(led) and where[3] != rows[0]["cadre"]:
                _follows_another_units_problem(ctx, led, i, v, root, ledger(root_led), where, rows)
            rows.append({"id": get("id"), "ledger": where[0], "file": where[1], "period": where[2], "cadre": where[3],
                         "raised_on": day(get("raised_on"))[1], "status": status,
                         "meaning": mean if status else None, "nature": _text(get("nature")),
                         "escalated_to": x if isinstance(x := get("escalated_to"), str) else None,
                         "resolution": x if isinstance(x := get("resolution"), str) else None,
                         "resolved_on": day(get("resolved_on"))[1],
                         "note": x if isinstance(x := get("note"), str) else None,
                         "description": x if isinstance(x := get("description"), str) else None})
        last_led, last_i, last_v = links[-1]
        status, mean = rows[-1]["status"], rows[-1]["meaning"]  # (the chain's: its last link's)
        raised, raised_iso = day(root_v.get("raised_on"))
        if since is not root_v:  # reopened: its age runs from the reopening (or its first report if undated)
            raised = day(since.get("raised_on"))[0] or raised
        age = (ctx.today - raised).days if raised else None
        limit = self.limit
        if raised:  # (the number in force on the day its age counts from: feedback.earlier)
            limit = self._limits.get(raised)
            if limit is None:
                limit = self._limits[raised] = ctx.setting_int("feedback", "overdue_days", default=60, on=raised)
        overdue = bool(mean in ("open", "in_progress", "escalated") and age is not None and age > limit)
        if self.natures and mean != "resolved":
            _unreported(ctx, links, rows, self.natures, root)
        where = ledger(root_led)
        if overdue:
            last = Item(last_led.doc, ("feedback", last_i), last_v)
            ctx.add("W-CHK-007", last, last.pos("status"), root=root, category=root_v.get("category") or "",
                    age=age, status=status, limit=limit, data={"root": root, "age_days": age})
        return {"root": root, "status": status, "meaning": mean, "age_days": age, "overdue": overdue,
                "unit": where[5], "unit_name": where[6], "cadre": where[3],
                "category": _text(root_v.get("category")), "kind": _text(root_v.get("kind")),
                "raised_on": raised_iso, "links": rows}


def _follows_another_units_problem(ctx: Context, led, i: int, v, root: str, first: tuple, where: tuple,
                                   rows: list[dict]) -> None:
    """W-CHK-025 at a follow-up's `follows` (a link of a cadre other than the first's): the problem is another unit's
    cadre's (`first`, `where`: Chains.ledger's of the first link's ledger and this one's; each cadre's unit on the day of
    her link, records/cadres' `earlier`) and was not reported to this cadre's unit (RecordSet.units_reported_to: its 党委,
    or the unit by its name, a department) by a link before it (`rows`)."""
    theirs = ctx.cadre_unit_on(first[3], date_of(rows[0]["raised_on"]))
    own = ctx.cadre_unit_on(where[3], date_of(v.get("raised_on")))
    if not own or not theirs or own == theirs:
        return
    if any(own in ctx.rs.units_reported_to(r["escalated_to"]) for r in rows):
        return
    own_name = ctx.unit_name(own) or own
    to = _committee(ctx, own) or own_name
    fb = Item(led.doc, ("feedback", i), v)
    ctx.add("W-CHK-025", fb, fb.pos("follows"), ref=v.get("follows"), unit_name=ctx.unit_name(theirs) or theirs,
            name=ctx.cadre_name(first[3]), where=first[1], cadre_name=ctx.cadre_name(where[3]), own_unit=own_name,
            to=to, data={"root": root, "cadre": where[3], "period": where[2]})


def _unreported(ctx: Context, links: list, rows: list[dict], natures: frozenset, root: str) -> None:
    """W-CHK-026 at the `nature` of a problem's chain not resolved whose links mark it one of the policy's
    `natures` (重大, 共性: R10 says such a problem is reported to the 相关学院党委) and none ever reported it
    (model.escalated_last): at the last link that marks it so."""
    marked = next(((led, i, v) for led, i, v in reversed(links) if _text(v.get("nature")) in natures), None)
    if marked is None or escalated_last(rows):
        return
    led, i, v = marked
    fb = Item(led.doc, ("feedback", i), v)
    ctx.add("W-CHK-026", fb, fb.pos("nature"), root=root, nature=v["nature"],
            **_committee_to_report_to(ctx, ctx.cadre_unit_on(rows[0]["cadre"], date_of(rows[0]["raised_on"])),
                                      links[0][0]), data={"root": root})


def _committee_to_report_to(ctx: Context, unit_id: str | None, led) -> dict:
    """W-CHK-026's words for the 相关学院党委 (R10) of a problem raised in ledger `led` by a cadre of unit `unit_id` (hers
    on the day she raised it, records/cadres' `earlier`, as W-CHK-025 and the unit pages count it): its `party_committee`
    (a college's cadre: `whom` 学院党委); a department has none (党委学生工作部, 教务处), and the college is the students':
    the one committee of the units of the ledger's contact points, else what to write (`whom`: 学生所在学院的党委)."""
    if committee := _committee(ctx, unit_id):
        return {**REPORT_TO_COLLEGE, "to": committee, "to_en": committee}
    committees = {c for _i, point in ctx.facts(led).points if (c := _committee(ctx, ctx.point_unit(point)))}
    to = committees.pop() if len(committees) == 1 else None
    unnamed, unnamed_en = STUDENTS_COLLEGE_UNNAMED
    return {**REPORT_TO_STUDENTS_COLLEGE, "to": to or unnamed, "to_en": to or unnamed_en}


def _committee(ctx: Context, unit_id: str | None) -> str | None:
    """The `party_committee` units.yaml names for unit `unit_id` (计算机学院党委), or None: a department has none, and
    an id not in units.yaml no unit (W-CHK-025's and W-CHK-026's 党委 to report to)."""
    unit = ctx.rs.units.get(unit_id or "")
    return _text(unit.get("party_committee")) if unit is not None else None


_NO_DAY = (None, None)


class _Days(dict):
    """A date as written → (the date, its ISO text), (None, None) if it is none: each text
    parsed once a run (the chains' 40,000 dates are on a few thousand days)."""

    def __missing__(self, text: str) -> tuple:
        day = date_of(text)
        hit = self[text] = (day, iso(day))
        return hit


def _text(value):
    return value if isinstance(value, str) else None

