"""The policy checks' results as the site reads them (generator.check.run_checks).

The site never decides on time / late / missing, coverage, overdue or the semester matrix
itself: it shows what `run_checks(rs, today, repo=...)` reports in `.data`.  When the check
stage is missing or fails, `available` is False, the pages say the figures are missing, and
a W-SITE-002 finding says why.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import archive
from generator import findings as F
from generator.check.deadlines import in_grace, manifest_entries, rows_told_late
from generator.model import RecordSet

STATUS_ZH = {"on_time": "按时", "late": "逾期提交", "missing": "未提交", "exempt": "豁免",
             "not_yet_due": "未到截止日", "unknown": "无法判定"}
ERRORS = "（有错误，未通过）"

MISSED = "未达标"  # (a semester's label; what follows it says what its count could not hold: _uncounted)


def _get(obj, key, default=None):
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def _date(value) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return str(value or "")


def changes_after_merge(status: dict) -> int:
    """How many first-parent commits of the main branch changed a ledger after it landed (its status's changes:
    History.changed, 合并后修改 N 次), for one whose 提交日期 is Git's; 0 for one whose date is not (imported,
    archived: nothing to say)."""
    return (status.get("changes") or 0) if status.get("source") == "git" else 0


class CheckView:
    def __init__(self, rs: RecordSet, today: dt.date, repo: Path | None, result=None):
        """`result`: run_checks(rs, today, repo=repo), when the caller has it (archive)."""
        self.rs, self.today, self.repo = rs, today, repo
        self.available, self.data, self.findings, self.problem = False, {}, [], ""
        self.later_arrived: tuple | None = None  # (CheckResult.later, .arrived: as submitted_later gives them)
        self.meanings_then: dict | None = None  # (CheckResult.meanings_then: archive.status_meanings' `then`)
        try:
            from generator.check import run_checks
        except ImportError:
            self._failed("generator.check 尚不存在")
            return
        try:
            result = result or run_checks(rs, today, repo=repo)
        except Exception as exc:  # a failing stage must not take the site down
            self._failed(f"{type(exc).__name__}: {exc}")
            return
        self.available = True
        self.data = _get(result, "data", {}) or {}
        self.findings = list(_get(result, "findings", []) or [])
        self.meanings_then = result.meanings_then
        if result.later is not None and result.arrived is not None:
            self.later_arrived = (set(result.later), set(result.arrived))
        self._index_rows()  # (run_checks had its rows told first: rows_told_late)

    def _failed(self, problem: str) -> None:
        """The checks did not run: no period is judged, but an archived period's rows need no
        check — they are its manifest's (archive.status_rows, as check gives them) — and who owes
        the others' ledgers is check's rule without Git (deadlines.owed_rows: 应填报 as when the checks run),
        of the ledgers there on the day (a ledger handed in after it, check.submitted_later, is not:
        its row says neither 已提交 nor its errors, as the pages leave it out)."""
        from generator.site.today import without

        self.problem = problem
        archived = {p: doc.data for p, doc in archive.archived_by(self.rs, self.today).items()}
        rows = archive.status_rows(self.rs, archived)
        try:
            from generator.check import submitted_later
            from generator.check.deadlines import owed_rows

            later, arrived = submitted_later(self.rs, self.today, repo=self.repo)
            self.later_arrived = (set(later), set(arrived))
            rows += owed_rows(without(self.rs, later), self.today)
        except Exception as exc:  # (the rule itself failing: only who filed is listed, and the page says why)
            self.problem += f"；{type(exc).__name__}: {exc}"
        self.data = {"ledgers": rows}  # (the rows alone: no other figure without the checks)
        rows_told_late(self.data, self.rs)  # (marked as check's are)
        self._index_rows()

    def _index_rows(self) -> None:
        """The rows indexed now, and again once those of a ledger found with errors after the checks began
        (the references stage's, beside them) are marked: the pipeline marks them, the checks' rows or those
        worked out without them (deadlines.rows_told_late, told before this)."""
        self._ledgers = self._index_ledgers(self.data.get("ledgers") or [])
        self.rs.tell_late(self._reindex)

    def _reindex(self, rs: RecordSet) -> None:
        if rs.late_invalid:  # (else no row was marked)
            self._ledgers = self._index_ledgers(self.data.get("ledgers") or [])

    def problem_findings(self, file: str) -> list[F.Finding]:
        if self.available:
            return []
        return [F.make("W-SITE-002", file, None, reason=self.problem)]

    # ---- ledgers -------------------------------------------------------
    @staticmethod
    def _index_ledgers(led) -> dict:
        out = {}
        rows = led.values() if isinstance(led, dict) else led
        for row in rows:
            period, cadre = _get(row, "period"), _get(row, "cadre")
            if period and cadre:
                out[(period, cadre)] = row
        return out

    def period_ids(self) -> list[str]:
        return sorted({p for p, _ in getattr(self, "_ledgers", {})})

    def required_cadres(self, period: str) -> list[str]:
        if not hasattr(self, "_required"):
            self._required: dict[str, list[str]] = {}
            for (p, c), row in getattr(self, "_ledgers", {}).items():
                if _get(row, "required", True) is not False:
                    self._required.setdefault(p, []).append(c)
        return list(self._required.get(period, []))

    def ledger_status(self, period: str, cadre: str) -> dict:
        row = getattr(self, "_ledgers", {}).get((period, cadre))
        if row is None:
            return {"kind": "", "label": "", "landed": "", "days_late": None, "exists": False}
        kind = str(_get(row, "status", "") or "")
        label = STATUS_ZH.get(kind, kind)
        if kind in ("not_yet_due", "") and _get(row, "exists"):  # ("": not judged, the checks did not run: _failed)
            kind, label = "filed", "已提交"
        elif isinstance(row, dict) and in_grace(row, self.today.isoformat()):  # (due day passed, deadline not)
            label = "宽限期内"
        if kind == "late" and _get(row, "days_late"):
            label = f"逾期 {_get(row, 'days_late')} 天"
        if _get(row, "required", True) is False:  # (handed in by a cadre who did not owe it: not late, not owed)
            kind, label = "not_required", "已提交（本期无需提交）"
        errors = bool(_get(row, "errors"))  # (handed in, not accepted until fixed: deadlines.with_errors)
        if errors:
            label += ERRORS
        return {"kind": kind, "label": label, "landed": _date(_get(row, "submitted")), "errors": errors,
                "days_late": _get(row, "days_late"), "source": _get(row, "source"), "unit": _get(row, "unit"),
                "exists": bool(_get(row, "exists")),  # (handed in: one that cannot be read too, deadlines.rows)
                # (a ledger Git dates, changed after it landed on the main branch: 合并后修改 N 次, markdown.changed_after)
                "changes": _get(row, "changes") or 0, "changed": _get(row, "changed") or "",
                # (a date an import manifest gives: which manifest, under whose approved_by — said beside it)
                "manifest": self.manifest_of(_get(row, "path")) if _get(row, "source") == "import" else None}

    def manifest_of(self, path) -> dict | None:
        """{"file": records/imports/<name>.yaml, "approved_by": its administrator or ""} of the import manifest
        whose date a ledger's row has (the entry the checks take: deadlines.manifest_entries); None when none
        lists it."""
        if not hasattr(self, "_manifests"):
            self._manifests: dict[str, dict] = {}
            said: dict[str, dict] = {}  # (a manifest's file → its one dict, shared by the rows of its 12,007 ledgers)
            for listed, (i, _) in manifest_entries(self.rs.imports).items():
                doc = self.rs.imports[i].doc
                if doc.file not in said:
                    approved = doc.data.get("approved_by") if isinstance(doc.data, dict) else None
                    said[doc.file] = {"file": doc.file, "approved_by": approved if isinstance(approved, str) else ""}
                self._manifests[listed] = said[doc.file]
        return self._manifests.get(path) if isinstance(path, str) else None

    # ---- feedback ------------------------------------------------------
    def feedback(self, root_id: str, last_id: str = "") -> dict:
        if not hasattr(self, "_feedback"):
            self._feedback = {_get(r, "root"): r for r in self.data.get("feedback") or []}
        row = self._feedback.get(root_id)
        if not row:
            return {}
        return {"overdue": bool(_get(row, "overdue")), "age_days": _get(row, "age_days")}

    # ---- coverage, semesters ------------------------------------------
    def coverage(self) -> list[dict]:
        """One row per freshman class and academic year, as the checks judged it."""
        out = []
        for year in self.data.get("coverage") or []:
            for c in year.get("classes") or []:
                out.append({**c, "year": year.get("academic_year"), "judged": bool(year.get("judged")),
                            "deadline": year.get("deadline"), "checked_on": year.get("checked_on")})
        return out

    def without_point(self, cadre: str) -> list[tuple[dt.date, dt.date]]:
        """The spans (first day, last day) in which the cadre, in office, held fewer contact points than the policy
        requires and owed them (a vacation, an exemption, a semester's last days after a class graduated are not
        among them), up to --today: check's W-CHK-002 (contact_points), whose rule this is, read from its data."""
        if not hasattr(self, "_gaps"):
            self._gaps: dict[str, list] = {}
            for f in self.findings:
                data = f.data if f.code == "W-CHK-002" and isinstance(f.data, dict) else {}
                try:
                    span = (dt.date.fromisoformat(data["from"]), dt.date.fromisoformat(data["to"]))
                except (KeyError, TypeError, ValueError):
                    continue
                self._gaps.setdefault(data.get("cadre"), []).append(span)
        return sorted(self._gaps.get(cadre, []))

    def semester_cell(self, cadre: str, semester: str) -> dict:
        if not hasattr(self, "_matrix"):
            matrix = self.data.get("semester_matrix") or {}
            self._ended = {s.get("id"): (bool(s.get("ended")), bool(s.get("judged"))) for s in matrix.get("semesters") or []}
            self._matrix = {r.get("cadre"): r.get("cells") or {} for r in matrix.get("rows") or []}
        cell = self._matrix.get(cadre, {}).get(semester)
        if not isinstance(cell, dict):
            return {}
        if not cell.get("required"):
            return {"kind": "not_required", "label": "无需"}
        if cell.get("exempt"):
            return {"kind": "exempt", "label": "豁免"}
        if cell.get("met"):
            return {"kind": "met", "label": "达标"}
        ended, judged = self._ended.get(semester, (True, True))
        if not ended:
            return {"kind": "open", "label": "进行中" + _uncounted(cell)}
        if not judged:  # (its last days are recorded in a ledger not yet due)
            return {"kind": "open", "label": "台账未截止" + _uncounted(cell)}
        return {"kind": "missed", "label": MISSED + _uncounted(cell)}


def _uncounted(cell: dict) -> str:
    """What a semester's cell adds when its ledgers' errors kept activities from its count (the check's
    "uncounted": semester_contacts._uncounted), so that the count is not read as all there is."""
    what = cell.get("uncounted")
    if not isinstance(what, dict):
        return ""
    n, unread = what.get("activities") or 0, len(what.get("unreadable") or ())
    parts = ([f" {n} 项活动日期有误"] if n else []) + ([f" {unread} 份台账读不了"] if unread else [])
    return f"（另有{'，'.join(parts).replace('， ', '，')}，未计入：台账有错误，改正后计入）" if parts else ""
