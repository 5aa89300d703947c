"""`check --unit ID`: a unit reviewer's (学院审核人's) view — the warnings of her unit's cadres, ledgers, classes and
clubs, and every record error anywhere (nothing broken is hidden); the exit status stays the university's.  The
findings about time (a late ledger, an uncovered class: `"strict": True` in messages/check.py) are the unit's even
where --strict makes them errors: the scheduled run's reviewer sees her unit's, as without it.

    ids, unknown = named(rs, ["cs", "机械学院"])   # ids or names (short names too), in units.yaml's order
    scope = scope_of(rs, data, findings, ids)       # which findings are the unit's (Scope.mine)

A finding is a unit's by what it is about (its `data`: a unit, a cadre's ledger of a period — the unit she was in
then, the ledger table's row —, a cadre's semester, a class, a club, a student problem's chain — its cadre's unit and
the units it was last reported to, model.escalated_last and RecordSet.units_reported_to: each unit of that 党委, or the
department by its own name), else by its file: a ledger's or an amendment's cadre,
a cadre's file, the unit, class, club, assignment row (its cadre's unit and its class's or club's) or exemption at its
line.  A row taken out of the assignments (W-CHK-019) is
of its cadre's unit on its last day and its class's or club's, as it was — not of the row shown where it was.  A finding
of no unit (the policy, the calendar) is the university's: not listed, counted, the first line saying how many
(Scope.whole)."""
from __future__ import annotations

import bisect
import datetime as dt
from typing import NamedTuple

from generator import findings as F
from generator.messages import MESSAGES
from generator.model import escalated_last, post_on, posts_of


class Scope(NamedTuple):
    ids: tuple  # the units asked for, in units.yaml's order
    names: tuple  # their names, as the reports say them
    mine: frozenset  # the findings that are theirs
    exemptions: frozenset  # (file, line) of their exemptions (the exemptions' table): of a cadre in them on its days
    whole: frozenset = frozenset()  # the findings left out that are no unit's (the policy's, the calendar's: counted)
    problems: frozenset = frozenset()  # the roots of the student problems' chains that are theirs (the markdown's table)

    def split(self, listed: list) -> tuple[list, list]:
        """(listed, left out): the record errors and the units' other findings of `listed`, in its order; the other
        units' warnings (and, with --strict, their findings about time)."""
        keep = [not by_unit(f) or f in self.mine for f in listed]
        return [f for f, k in zip(listed, keep) if k], [f for f, k in zip(listed, keep) if not k]

    def exemptions_of(self, rows: list) -> list:
        """The rows of the exemptions' table (check's data["exemptions"]) that are the units' (`exemptions`): markdown's
        table and the json list these."""
        return [e for e in rows if (e.get("file"), e.get("line")) in self.exemptions]


def by_unit(f: F.Finding) -> bool:
    """Whether --unit lists `f` only when it is of the units asked for: a warning, or a finding about time made an
    error by --strict; not a record error, listed whoever's it is."""
    return f.severity != F.ERROR or bool(MESSAGES.get(f.code, {}).get("strict"))


def named(rs, values) -> tuple[tuple, list]:
    """(the ids of the units `values` name, in units.yaml's order; the values naming none).  Each value is an id or a
    name (a short name too: rs.unit_names), or several, comma-separated (, or ，)."""
    found, unknown = set(), []
    for value in values:
        for word in value.replace("，", ",").split(","):
            word = word.strip()
            if not word and value.strip():
                continue
            uid = word if word in rs.units else rs.unit_names.get(word)
            if isinstance(uid, str) and uid in rs.units:
                found.add(uid)
            else:
                unknown.append(word)
    return tuple(u for u in rs.units if u in found), unknown


def known(rs, lang: str = "zh") -> str:
    """The units a --unit may name: `cs（计算机学院）、me（机械学院）…` (en: `cs (计算机学院), me (机械学院)…`), in units.yaml's
    order."""
    said = "{}（{}）" if lang == "zh" else "{} ({})"
    return ("、" if lang == "zh" else ", ").join(said.format(uid, item.get("name")) if item.get("name") else uid
                                                 for uid, item in rs.units.items())


def scope_of(rs, data: dict, findings, ids: tuple, base: str | None = None) -> Scope:
    """Which of `findings` are the units `ids`'s (`base`: --base's revision, whose cadre files give the unit of a row
    taken out with its cadre's file)."""
    units = _Units(rs, data, base)
    wanted = set(ids)
    of = {id(f): units.of(f) for f in findings if by_unit(f)}
    mine = frozenset(f for f in findings if of.get(id(f), set()) & wanted)
    whole = frozenset(f for f in findings if id(f) in of and not of[id(f)])
    exemptions = frozenset((ex.file, ex.pos()[0]) for ex in rs.exemptions
                           if isinstance(c := ex.get("cadre"), str) and c in rs.cadres
                           and rs.units_of(c, ex.date("start"), ex.date("end")) & wanted)
    problems = frozenset(root for root, of_units in units.chains.items() if of_units & wanted)
    return Scope(ids, tuple(rs.units[u].get("name") or u for u in ids), mine, exemptions, whole, problems)


class _Units:
    """The units a finding is about (of)."""

    def __init__(self, rs, data: dict, base: str | None = None):
        self.rs, self.base = rs, base
        self.rows = {(r["period"], r["cadre"]): r.get("unit") for r in data.get("ledgers", [])}
        self.paths = {r.get("path"): r.get("unit") for r in data.get("ledgers", [])}
        self.semester = {r["cadre"]: r.get("unit") for r in data.get("semester_matrix", {}).get("rows", [])}
        # (a problem's chain: its cadre's unit, and the units it was last reported to)
        self.chains = {c["root"]: {u for u in (c.get("unit"), *rs.units_reported_to(escalated_last(c.get("links") or ())))
                                   if isinstance(u, str)} for c in data.get("feedback", [])}
        self._docs = None
        self._entries = None
        self._base_files: dict = {}  # (a cadre no file has now → her file in the base, read: _then)

    def _cadre(self, cadre, period=None) -> set:
        unit = self.rows.get((period, cadre)) if period else None
        unit = unit or self.rs.cadre_on(cadre, None)[0]
        return {unit} if isinstance(unit, str) else set()

    def _point(self, kind: str, ident) -> set:
        item = (self.rs.classes if kind == "class" else self.rs.clubs).get(ident) if isinstance(ident, str) else None
        unit = item.get("unit") if item is not None else None
        return {unit} if isinstance(unit, str) else set()

    def of(self, f: F.Finding) -> set:
        d = f.data if isinstance(f.data, dict) else {}
        out = {d["unit"]} if isinstance(d.get("unit"), str) else set()
        if isinstance(d.get("cadre"), str):
            cadre = d["cadre"]
            out |= ({self.semester[cadre]} if "semester" in d and self.semester.get(cadre)
                    else self._cadre(cadre, d.get("period")))
        for kind in ("class", "club"):
            out |= self._point(kind, d.get(kind))
        out |= self.chains.get(d.get("root"), set())
        if isinstance(self.paths.get(d.get("ledger")), str):
            out.add(self.paths[d["ledger"]])
        if isinstance(was := d.get("was"), dict):  # (a row taken out of the assignments, W-CHK-019: its units as it was)
            out |= self._posted(was.get("cadre"), was.get("day")) | self._point("class", was.get("class")) \
                | self._point("club", was.get("club"))
            return out | self._by_file(f) if d.get("at_row") else out
        return out or self._by_file(f)

    def _posted(self, cadre, day) -> set:
        """The unit of a cadre on `day` (an ISO date; else now)."""
        if not isinstance(cadre, str):
            return set()
        try:
            on = dt.date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            on = None
        unit = self.rs.cadre_on(cadre, on)[0] if cadre in self.rs.cadres else self._then(cadre, on)
        return {unit} if isinstance(unit, str) else set()

    def _then(self, cadre: str, on):
        """The unit on `on` (None: her own) of a cadre no file has now, as her file in the base (--base) says: a row the
        pull request took out with her file is her unit's still."""
        if self.base is None or self.base.startswith("-") or not cadre or "/" in cadre or cadre.startswith("."):
            return None
        if cadre not in self._base_files:  # (her rows' findings read it once)
            from generator.check.first_parent import git
            from generator.load import parse_bytes

            then = git(self.rs.root, "show", f"{self.base}:./cadres/{cadre}.yaml")  # (./: the records folder's)
            self._base_files[cadre] = parse_bytes(then.stdout.encode("utf-8"), f"cadres/{cadre}.yaml")[0] \
                if then.returncode == 0 else None
        data = self._base_files[cadre]
        return post_on(posts_of(data), on)[0] if isinstance(data, dict) else None

    def _by_file(self, f: F.Finding) -> set:
        if self._docs is None:
            self._docs = {doc.file: doc for doc in self.rs.docs}
        doc = self._docs.get(f.file)
        if doc is None:
            return set()
        if doc.kind in ("ledger", "amendment"):
            return self._cadre(doc.stem, doc.folder)
        if doc.kind == "cadre":
            return self._cadre(doc.stem)
        item = self._entry_at(doc, f.line)
        if item is None:
            return set()
        if doc.kind == "units":
            return {item.id}
        if doc.kind in ("classes", "clubs"):
            return {item.get("unit")} - {None}
        out = self._cadre(item.get("cadre")) if isinstance(item.get("cadre"), str) else set()
        if doc.kind == "assignments":
            out |= self._point("class", item.get("class")) | self._point("club", item.get("club"))
        return out

    def _entry_at(self, doc, line):
        """The entry of a list file (a unit, class, club, assignment row, exemption) at `line`: the last to begin
        at or before it."""
        if self._entries is None:
            self._entries = {}
            rs = self.rs
            for item in [*rs.units.values(), *rs.classes.values(), *rs.clubs.values(), *rs.assignments,
                         *rs.exemptions]:
                self._entries.setdefault(item.doc.file, []).append((item.pos()[0], id(item), item))
            for entries in self._entries.values():
                entries.sort(key=lambda e: e[:2])
        entries = self._entries.get(doc.file, [])
        i = bisect.bisect_right([e[0] for e in entries], line or 0) - 1
        return entries[i][2] if i >= 0 and line else None
