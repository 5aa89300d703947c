"""Matching a sheet's headings to the fields of its kind (fields.FIELDS), and the columns and rows
that are not read (hidden, filtered, left out)."""
from __future__ import annotations

from generator import findings as F
from generator.importing.fields import (
    COMBINED, HEADINGS, NUMBERING, PERSONAL, PREFERRED, REMARKS, STUDENT, WHY, heading_key, letter)
from generator.importing.sheets import cell_value, counted, row_ranges


class Columns:
    """The columns of a sheet (a part of Importer)."""

    def _use(self, sheet) -> None:
        """Findings from here on are of `sheet` (a Row's sheet)."""
        self.file, self.header_row, self.header, self.found, self.default_cohort, self.remark = (
            sheet.file, sheet.header_row, sheet.header, sheet.found, sheet.cohort, sheet.remark)

    def columns(self, header: list, guessed: bool = False, hidden: dict | None = None) -> dict[str, int] | None:
        """The column of each field `header` names; `guessed`: no row of the first HEADINGS rows
        was recognised as headings, `header` is the first row (E-IMP-002 says so); `hidden`: the
        headings of the hidden columns (not read: E-IMP-002 of a field one of them names says so)."""
        fields = self.fields
        by_heading = {heading_key(h): f for f, (_, _, _, hs) in fields.items() for h in hs}
        found: dict[str, int] = {}
        self.parts = {}  # column → the fields it holds (COMBINED)
        self.remark = next((i for i, h in enumerate(header, 1) if heading_key(cell_value(h)) in REMARKS), None)
        for i, h in enumerate(header, 1):
            h = cell_value(h)
            if h is None:
                continue
            norm, where = heading_key(h), {"heading": h, "column": letter(i)}
            field = by_heading.get(norm)
            if norm in NUMBERING:  # (a row number: nothing to import, nothing to say)
                continue
            if norm in COMBINED.get(self.kind, {}):
                self.parts[i] = COMBINED[self.kind][norm]
                continue
            if field is None and (PERSONAL.search(norm) or self.kind in STUDENT and STUDENT[self.kind].search(norm)):
                self.add("W-IMP-002", (self.header_row, i), **where)
            elif field is None and i == self.remark:  # (read for an ended status and its day: _remarked)
                continue
            elif field is None:
                known = [v[3][0] for v in fields.values()]
                self.add("W-IMP-001", (self.header_row, i), known=known, **where)
            else:
                found.setdefault(field, []).append(i)
        found = {field: self._one(field, at, header) for field, at in found.items()}
        for i, parts in self.parts.items():  # (the fields no column of their own gives)
            if not (left := [f for f in parts if f not in found]):
                self.add("E-IMP-009", (self.header_row, i), other=cell_value(header[found[parts[0]] - 1]),
                         other_column=letter(found[parts[0]]),
                         field=fields[parts[0]][0], field_en=fields[parts[0]][1], heading=cell_value(header[i - 1]),
                         column=letter(i), fix="请删除其中一列，只留一列。", fix_en="Delete one of the two columns.")
            found.update(dict.fromkeys(left, i))
        where = (f"表格的前 {HEADINGS} 行中没有认得出的列标题行（至少认得出两个列标题的一行）：列标题在更下面时，"
                 f"请删去上面的几行，让它在前 {HEADINGS} 行内；否则请在第一行加上这一列",
                 f"None of the first {HEADINGS} rows holds headings this import knows (two or more in a row): if the "
                 f"headings are further down, delete rows above them so that they are within the first {HEADINGS}; "
                 "otherwise add this column to the first row") if guessed else (
            f"请在列标题所在的第 {self.header_row} 行加上这一列", f"Add this column to the headings' row, row {self.header_row}")
        named = {}
        if self.named_year:  # (a sheet named 1905级: its year is not taken, E-IMP-002 of 年级 says why)
            title, year, first, last = self.named_year
            named["cohort"] = (
                f"工作表名“{title}”中的 {year} 不是 validate 允许的入学年份（{first}–{last}），没有取作这一页的年级：请改正工作表名，"
                f"或者{where[0].removeprefix('请')}", f"the sheet's name '{title}' holds {year}, not a cohort year validate "
                f"allows ({first} to {last}): it is not taken as this sheet's cohort. Correct the sheet's name, or "
                f"{where[1][0].lower()}{where[1][1:]}")
        for i, h in (hidden or {}).items():  # (the column there, hidden: to show it, not to add it)
            if (field := by_heading.get(heading_key(cell_value(h)))) and field not in named:
                named[field] = (
                    f"{letter(i)} 列“{cell_value(h)}”就是这一列，但它是隐藏的，导入不读：请在 Excel 中全选后右键点列标（A、B、C…），"
                    "选“取消隐藏”，保存后再运行一次", f"column {letter(i)} '{cell_value(h)}' is this column, but it is hidden and "
                    "not read: in Excel select all, right-click a column letter (A, B, C…), choose Unhide, save and run it again")
        for field, (zh, en, required, headings) in fields.items():
            if required and field not in found and not (field == "cohort" and self.default_cohort):
                said = named.get(field, where)
                self.add("E-IMP-002", (self.header_row, 1), field=zh, field_en=en, headings=headings, where=said[0],
                         where_en=said[1])
        return found

    def _one(self, field: str, columns: list, header: list) -> int:
        """The column read for `field` of the `columns` whose headings name it: the one of its
        PREFERRED headings (the others not read, said in the summary), else the first (the
        others E-IMP-009)."""
        fields, shown = self.fields, [f"“{cell_value(header[i - 1])}”（{letter(i)} 列）" for i in columns]
        wins = PREFERRED.get((self.kind, field), ())
        best = [k for k, i in enumerate(columns) if heading_key(cell_value(header[i - 1])) in wins]
        if len(columns) > 1 and len(best) == 1:
            rest = [k for k in range(len(columns)) if k != best[0]]
            self.summary.append((
                f"{self.file}：{WHY[field][0]}取{shown[best[0]]}；{'、'.join(shown[k] for k in rest)}不读（{WHY[field][1]}）",
                f"{self.file}: {WHY[field][2]} is read from '{cell_value(header[columns[best[0]] - 1])}' (column "
                f"{letter(columns[best[0]])}); " + ", ".join(f"'{cell_value(header[columns[k] - 1])}' (column "
                                                             f"{letter(columns[k])})" for k in rest) + " is not read"))
            return columns[best[0]]
        for i in columns[1:]:
            why = WHY[field] if wins else (None,) * 4 + ("请删除其中一列，只留一列。", "Delete one of the two columns.")
            self.add("E-IMP-009", (self.header_row, i), other=cell_value(header[columns[0] - 1]),
                     other_column=letter(columns[0]), field=fields[field][0],
                     field_en=fields[field][1], heading=cell_value(header[i - 1]), column=letter(i), fix=why[4],
                     fix_en=why[5])
        return columns[0]

    def _left_out(self, file: str, rows: dict, zh: str, en: tuple[str, str]) -> None:
        """The summary's line for the rows of `rows` (row number → its first value) not imported;
        `en`: what one row is, what several are."""
        if rows:
            self.summary.append((f"未导入 {file} " + "、".join(f"第 {n} 行（{t}）" for n, t in rows.items()) + f"：{zh}",
                                 "not imported: " + counted("row", [f"{n} ({t})" for n, t in rows.items()])[0]
                                 + f" of {file}: {en[len(rows) > 1]}"))

    def _unseen(self, file: str, rows: list, hidden: set, filtered: bool) -> list:
        """`rows` but those hidden (by an autofilter or by hand): not imported, as Excel does not
        show them (a list filtered to one school is that school's), and named by W-IMP-007."""
        if not (left := [(n, r) for n, r in rows if n in hidden]):
            return rows
        names = [cell_value(r[i - 1]) if (i := self.found.get("name")) and i <= len(r) else None for _, r in left]
        named = [str(v) for v in names if v is not None][:5]
        more = len(left) - len(named)
        rows_en, be_en = counted("row", row_ranges([n for n, _ in left]))
        self.findings.append(F.make("W-IMP-007", file, (left[0][0], 1), rows=row_ranges([n for n, _ in left]),
                                    rows_en=rows_en, be_en=be_en,
                                    names=("（" + "、".join(named) + (f" 等 {len(left)} 行" if more else "") + "）"
                                           if named else ""),
                                    names_en=(" (" + ", ".join(named) + (f" and {more} more" if more else "") + ")"
                                              if named else ""),
                                    why="被筛选隐藏" if filtered else "是隐藏的",
                                    why_en="filtered out" if filtered else "hidden"))
        return [(n, r) for n, r in rows if n not in hidden]

    def _hidden_columns(self, file: str, header_row: int, columns: list, rows: list) -> None:
        """W-IMP-008 naming the hidden columns that hold something (with their headings): they are
        not read, as Excel does not show them (an old copy of a column, a 学号 hidden before sending)."""
        if not columns:
            return
        header = dict(rows).get(header_row, [])
        named = [(letter(c), h if c <= len(header) and (h := cell_value(header[c - 1])) is not None else None)
                 for c in columns]
        self.findings.append(F.make("W-IMP-008", file, (header_row, columns[0]), columns="、".join(
            f"{c} 列" + (f"（{h}）" if h is not None else "") for c, h in named), **dict(zip(("columns_en", "be_en"), counted(
                "column", [c + (f" ({h})" if h is not None else "") for c, h in named])))))

    def _headings(self, n: int, row: list) -> bool:
        """Whether row `n` repeats the headings (a second heading row, its cells merged with the
        first's, or the headings again on each printed page): not a record.  A column whose cell
        there is a heading of its own (人数 over 男 and 女) is E-IMP-012."""
        cells = {i: cell_value(row[i - 1]) for i in self.found.values() if i <= len(row) and cell_value(row[i - 1]) is not None}
        if not any(heading_key(c) == heading_key(self.header[i - 1]) for i, c in cells.items()):
            return False
        for i, c in cells.items():
            if heading_key(c) != heading_key(self.header[i - 1]):
                self.add("E-IMP-012", (n, i), heading=self.header[i - 1], column=letter(i), sub=c, row=n)
        return True
