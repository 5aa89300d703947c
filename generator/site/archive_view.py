"""Archived periods and amendments (R8) as the site shows them.

The data come from generator/archive.py: `manifests(rs)` (records/archive/<period>.yaml) and
`amendments(rs)` (records/amendments/<period>/<cadre>.yaml).  Every free text of an amendment
(reason, original and corrected values) passes the privacy guard like the ledgers' own text.
"""
from __future__ import annotations

import datetime as dt
import re

from generator import archive
from generator.model import Item, RecordSet
from generator.site.privacy_guard import TextGuard
from generator.site.schema_reference import resolve_ref
from generator.validate import schema_for

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?")


def field_label(path: str) -> str:
    """'activities[0].date' → '联系学生活动 第1项 · 日期' from the ledger schema's titles; '' if unknown."""
    schema = schema_for("ledger") or {}
    node, parts = schema, []
    for step in str(path).split("."):
        m = _STEP.fullmatch(step.strip())
        props = (resolve_ref(schema, node).get("properties") or {}) if isinstance(node, dict) else {}
        if not m or m.group(1) not in props:
            return ""
        node = resolve_ref(schema, props[m.group(1)])
        parts.append(node.get("title") or m.group(1))
        if m.group(2) is not None:
            parts[-1] += f" 第{int(m.group(2)) + 1}项"
            node = resolve_ref(schema, node.get("items") or {})
    return " · ".join(parts)


def _d(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))


class ArchiveView:
    def __init__(self, rs: RecordSet, guard: TextGuard, today: dt.date):
        self.rs, self.guard, self.today = rs, guard, today
        self._manifests = archive.archived_by(rs, today)  # (a --today before the archive: as check judges that day)
        self._amendments = archive.amendments(rs)
        self._docs = archive.amendment_docs(rs)
        self._frozen = archive.frozen_ledgers(rs, today)  # (as archived: the file not changed with its amendment)
        self._periods: dict = {}

    def period(self, period_id: str) -> dict | None:
        """{archived_on, manifest, amendment, ledgers, due, deadline, amended} when the period is archived (as
        the manifest has them: the filing status of its ledgers is the manifest's, check's
        deadlines.py), else None.  Worked out once a period (every ledger of it asks)."""
        if period_id not in self._periods:
            self._periods[period_id] = self._period(period_id)
        return self._periods[period_id]

    def _period(self, period_id: str) -> dict | None:
        doc = self._manifests.get(period_id)
        if doc is None:
            return None
        entries = [e for e in (doc.data.get("ledgers") or []) if isinstance(e, dict)]
        return {"archived_on": _d(doc.data.get("archived_on")), "manifest": doc.file,
                "amendment": archive.amendment_path(doc, period_id, "<干部编号>"),  # (where its corrections go)
                "ledgers": sum(1 for e in entries if e.get("path")),
                "due": _d(doc.data.get("due")), "deadline": _d(doc.data.get("deadline") or doc.data.get("due")),
                "amended": [{"cadre": c, "name": self._name(c), "filed": (p, c) in self.rs.ledgers}
                            for (p, c) in sorted(self._amendments) if p == period_id]}

    def _name(self, cadre: str) -> str:
        item = self.rs.cadres.get(cadre)
        return item.get("name", cadre) if item else cadre

    def amendment(self, period_id: str, cadre: str) -> dict | None:
        found = self._amendments.get((period_id, cadre))
        if found is None:
            return None
        doc = self._docs[(period_id, cadre)]
        item = Item(doc, (), doc.data)
        g = self.guard
        rows = []
        for i, c in enumerate(found["corrections"]):
            rows.append({
                "field": g.text(c.get("field"), item, "corrections", i, "field", title="更正字段", title_en="field"),
                "label": field_label(c.get("field", "")),
                "original": g.text(c.get("original"), item, "corrections", i, "original", title="原内容",
                                   title_en="original value") if "original" in c else "",
                "corrected": g.text(c.get("corrected"), item, "corrections", i, "corrected", title="更正为",
                                    title_en="corrected value"),
            })
        return {"reason": g.text(found["reason"], item, "reason", title="更正原因", title_en="reason"),
                "approved_by": self._approver(found["approved_by"]), "date": _d(found["date"]),
                "file": found["file"], "corrections": rows, "as_archived": (period_id, cadre) in self._frozen,
                "exports": f"records/archive/{period_id}/"}

    def _approver(self, who) -> str:
        """An administrator's name for a Git account (policy.yaml administrators), else as written."""
        for a in self.rs.setting("administrators", default=[]) or []:
            if isinstance(a, dict) and who in (a.get("git"), a.get("name")):
                return a.get("name") or str(who)
        return "" if who is None else str(who)
