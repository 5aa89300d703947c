"""A 状态 cell (and a remark) saying a record is in use or has ended, and what is said of an ended
row: the policy's words (vocabularies.import_statuses), W-IMP-015, E-IMP-018."""
from __future__ import annotations

import datetime as dt
import re

from generator import findings as F
from generator.importing.fields import FIELDS, LAST_DAY, REMARK_DAY, WHAT, heading_key
from generator.importing.sheets import Row, counted, row_ranges
from generator.importing.values import as_date


def status_words(policy, kind: str) -> tuple[tuple, tuple, dict]:
    """The words of a 状态 cell (as plain_name gives it) the policy gives (vocabularies.import_statuses:
    data, as the ledgers' word lists): those saying a record is in use, those saying a record of `kind`
    has ended (either without a leading 已 or 被), and by the heading of a 状态 column asked as a
    question in a list of `kind` (as heading_key gives it) the answer that says the record has ended and
    the status it is said as (W-IMP-015, E-IMP-018); the other answer says it is in use.  Any other
    word is E-IMP-004: never read as in use.  (A policy without them: no word known.)  `policy`: the
    policy's values as validate read them (records_errors), None when there is none."""
    words = policy.get("vocabularies") if isinstance(policy, dict) else None
    words = (words.get("import_statuses") if isinstance(words, dict) else None) or {}
    return (tuple(words.get("in_use") or ()), tuple((words.get("ended") or {}).get(kind) or ()),
            {heading_key(a["heading"]): (a["ended"], a["said"]) for a in (words.get("asked") or {}).get(kind) or ()})


class Statuses:
    """What a row's status says (a part of Importer)."""

    def _ended(self, text: str) -> bool:
        """Whether `text` (as plain_name gives it) is an ended status of a record of this kind (注销, 已注销)."""
        return text in self.ended or re.sub(r"^[已被]", "", text) in self.ended

    def _remarked(self, n: int, said: str, column: bool, out: dict) -> None:
        """A 备注 cell `said` (as plain_name gives it) of row `n`: with no status column, the row's status when it
        is one whole (已退休), or one with the day before it (2025年7月15日调离, 已于2025-07-15调离: its last day
        when the row gives none; 2025年7月已调离: the status, the day not guessed) and where to (已合并至XX学院);
        any other text that names an ended status, or a remark that ends a row its status column keeps in
        use, is W-IMP-016: read as the other columns say, never silently."""
        end, words = LAST_DAY.get(self.kind, "until"), self.ended
        if not words:  # (a policy without import_statuses knows no ended word: no remark is one)
            return
        m = re.fullmatch(rf"(?:已于|于|已)?(?P<day>{REMARK_DAY})?(?:已经|已|被)?(?P<word>{'|'.join(map(re.escape, words))})"
                         r"(?:(?:至|到|入|进|为|并入)[^,;。.!?]*)?[。.!]?", said)
        day = m and m.group("day") and as_date(m.group("day"))
        if m and not column:
            out["status"] = said if self._ended(said) else "已" + m.group("word")
        if m and (not column or self._ended(out.get("status") or "")):
            if day and end not in out:  # (a status column's 已注销 and the day in the remark: 2025年7月1日注销)
                out[end] = day
            return
        named = [w for w in words if w in said]
        if not named or column and self._ended(out.get("status") or ""):
            return
        heading = self.header[self.remark - 1]
        what = (f"的“{heading}”写着“{said}”，像是说它已{named[0]}" + ("，状态列却没有说" if column else "，但这样的写法导入读不准"),
                f"its '{heading}' says '{said}', as if it had ended ({named[0]})" + (
                    ", which its status column does not say" if column else ", but the import cannot read it surely"))
        last = FIELDS[self.kind][end]
        fix = (f"这一行照其他列导入（作为现有的{WHAT[self.kind][0]}）。若它确已结束，请在状态列写“已{named[0]}”，并在“{last[0]}”列写明"
               f"最后一天（如 2025-07-15），再运行一次导入（已有记录加 --update）；若备注说的是别的事，可以不管这条警告。",
               f"This row is imported as its other columns say (a {WHAT[self.kind][1]} in use). If it has ended, write 已"
               f"{named[0]} in the status column and its last day (such as 2025-07-15) in a '{last[0]}' column, and run the "
               f"import again (--update for an existing record); if the remark means something else, ignore this warning.")
        self.add("W-IMP-016", (n, self.remark), row=n, what=what[0], what_en=what[1], fix=fix[0], fix_en=fix[1])

    def _gone(self, n: Row, v: dict, old: dict | None, record: str) -> bool:
        """Whether the row `v` is not imported for its ended status (注销, 撤销, 调离 …) with no day
        it ended: a record of none (W-IMP-015 lists it), or one `old` of `record` still in use, which
        is not ended without its day (E-IMP-018).  Given the day, the row is imported (a record of
        an ended club, class or cadre; `old` ended with --update); so is one whose record has ended."""
        status, in_use, end = v.pop("status", None), v.pop("in_use", None), LAST_DAY.get(self.kind, "until")
        self._today(n, status or in_use, in_use is not None, v.get(end), end)
        if in_use and end not in v and old and (last := as_date(old.get(end) or "")) and last < self.today:
            self._ended_record(n, in_use, record, last, end)
        if status is None or end in v or old is not None and old.get(end):
            return False
        if old is None:
            self.gone.setdefault(self.file, []).append((n, v["name"], status))
            return True
        names, what = self.fields, WHAT[self.kind]
        self.add("E-IMP-018", (n, self.found.get("status") or self.remark), row=n, status=status, record=record, end=names[end][0],
                 end_en=names[end][1], headings="、".join(names[end][3]), what=what[0], what_en=what[1], gone=what[2],
                 gone_en=what[3])
        return True

    def _today(self, n: Row, said: str | None, in_use: bool, day: dt.date | None, end: str) -> None:
        """W-IMP-016 when the row's status `said` and its own last `day` (the `end` column) disagree as of
        --today: 正常 (`in_use`) with a day already past, or 调离 with a day still to come.  Both are
        imported as the day says (check counts a record by its days), never silently."""
        past = day is not None and day < self.today
        if said is None or day is None or not (past if in_use else day > self.today):
            return
        name = FIELDS[self.kind][end]
        what = (f"的状态是“{said}”，但“{name[0]}”{day} {'已过' if past else '还没到'}（今天是 {self.today}）",
                f"its status is '{said}' but its {name[1]} day {day} {'has passed' if past else 'is still to come'} "
                f"(today is {self.today})")
        fix = (f"按“{name[0]}”导入：{'这一天以后不再算作现有的' if past else '到这一天为止仍算作现有的'}{WHAT[self.kind][0]}。"
               f"请核对表格：若状态是对的，请改正“{name[0]}”；若日期是对的，可以不管这条警告（名单常比状态列更新得晚）。"
               f"给 --today 时按那一天判断。",
               f"Imported as the {name[1]} says: {'no longer' if past else 'still'} a {WHAT[self.kind][1]} in use "
               f"{'after' if past else 'up to'} that day. Check the spreadsheet: if the status is right, correct the "
               f"{name[1]}; if the day is right, ignore this warning (a status column is often updated late). "
               f"With --today, that day is today.")
        self.add("W-IMP-016", (n, self.found.get("status") or self.remark or self.found.get(end)), row=n, what=what[0],
                 what_en=what[1], fix=fix[0], fix_en=fix[1])

    def _ended_record(self, n: Row, said: str, record: str, last: dt.date, end: str) -> None:
        """W-IMP-016: the row's status `said` keeps in use what `record` ended on `last` (before --today)."""
        name = FIELDS[self.kind][end]
        self.add("W-IMP-016", (n, self.found.get("status")), row=n,
                 what=f"的状态是“{said}”，但 {record} 的“{name[0]}”是 {last}，已经结束（今天是 {self.today}）",
                 what_en=f"its status is '{said}', but {record} ended on {last} (its {name[1]}; today is {self.today})",
                 fix=f"记录没有改动（导入不删去结束的日期）。请核对：若它确仍在用（如又回来任职、恢复注册），请手工改正 {record}；"
                     f"若记录是对的，请改正表格这一格的状态。",
                 fix_en=f"The record is not changed (an import never removes a last day). Check: if it is in use again "
                        f"(reappointed, registered again), correct {record} by hand; if the record is right, correct this "
                        f"row's status.")

    def _left_ended(self, file: str, rows: list) -> None:
        """W-IMP-015 at the first of `rows` (row, name, status) of `file`: not imported, ended."""
        (first, *_), names, end = rows[0], [str(name) for _, name, _ in rows[:5]], self.fields[LAST_DAY.get(self.kind, "until")]
        more = len(rows) - len(names)
        statuses = list(dict.fromkeys(status for *_, status in rows))
        rows_en, be_en = counted("row", row_ranges([n for n, *_ in rows]))
        self.findings.append(F.make(
            "W-IMP-015", file, (first, first.sheet.found.get("status") or first.sheet.remark), rows="、".join(row_ranges([n for n, *_ in rows])),
            rows_en=rows_en, be_en=be_en, names="、".join(names) + (f" 等 {len(rows)} 行" if more else ""),
            names_en=", ".join(names) + (f" and {more} more" if more else ""), statuses="、".join(statuses),
            statuses_en=", ".join(statuses), end=end[0], end_en=end[1], ended="、".join(self.ended), ended_en=", ".join(self.ended),
            what=WHAT[self.kind][0], what_en=WHAT[self.kind][1], gone=WHAT[self.kind][2], gone_en=WHAT[self.kind][3]))
