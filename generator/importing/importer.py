"""The import of one spreadsheet: its sheets read, each row's values checked, the records of its
kind matched and written (the steps are in columns, statuses and writing)."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from types import SimpleNamespace

from generator import findings as F
from generator.importing.columns import Columns
from generator.importing.fields import (
    END, FIELDS, GIT, HEADINGS, LIST_SEP, NOTE, NUMBERING, PADDING, RANGE, TOTAL, UNIT_TYPES, heading_key, plain_name,
    half, letter)
from generator.importing.ids import SLUG
from generator.importing.sheets import (
    Formula, HIDDEN, Row, Spanned, Unreadable, cell_value, counted, read_rows, row_ranges, unbroken)
from generator.importing.statuses import Statuses, status_words
from generator.importing.values import (
    Jie, as_date, as_integer, cell_text, cohort_year, month_only, same_value, serial_hint, shown_date, whole_text,
    year_of)
from generator.importing.writing import Writing
from generator.importing.yamledit import escaped, scalar
from generator.load import display_path
from generator.messages.importing import ONLY_HIDDEN
from generator.suggest import did_you_mean


def _stacked(rows: list, at: int, known: set) -> tuple[list, list]:
    """`rows` with the heading row `at` and the row next to it made one, when that row holds headings
    of the columns `at` leaves empty or names with no heading the import knows (a two-row heading of
    merged cells saved as CSV, which keeps a merged cell's text in its first cell only: 教师 over
    辅导员 and 班主任; 基本信息 over 学院 and 专业); a cell over or under a known heading is a group's
    title.  Below the headings, a known heading over two or more cells of words (人数 over 男 and 女,
    its merged cell's text in the first) is split: the row is headings still, and each such column is
    listed, (row, column, sub-heading), for E-IMP-012.  The row next to `at` is then no record.  Any
    other cell there (a note, a value): `rows` as they were, and no split."""
    def head(cell):
        return heading_key(cell_value(cell)) in known

    for other in (at + 1, at - 1):
        if not 0 <= other < len(rows) or abs(rows[other][0] - rows[at][0]) != 1:
            continue
        top, near = rows[at][1], rows[other][1]
        width = max(len(top), len(near))
        pairs = [(top[i] if i < len(top) else None, near[i] if i < len(near) else None) for i in range(width)]
        taken = [i for i, (a, b) in enumerate(pairs) if cell_value(b) is not None and not head(a)]
        split = _split(pairs, head) if other > at else {}
        if (taken or split) and all(head(pairs[i][1]) or i in split for i in taken) and not (split and any(
                i not in split and cell_value(b) is not None and head(a) and heading_key(cell_value(b)) != heading_key(cell_value(a))
                for i, (a, b) in enumerate(pairs))):  # (with a split, no value under another heading: a class)
            out = [*rows[:at], (rows[at][0], [b if i in taken and i not in split else a for i, (a, b) in enumerate(
                pairs)]), *rows[at + 1:]]
            return (out[:other] + out[other + 1:] if other > at else out), [
                (rows[other][0], i + 1, cell_value(pairs[i][1])) for i in sorted(split)]
    return rows, []


def _split(pairs: list, head) -> set:
    """The columns (0-based) of `pairs` (heading, the cell below it) where a known heading stands over
    two or more cells of words, the headings to its right empty (its cell merged across them)."""
    out = set()
    for i, (a, _) in enumerate(pairs):
        if not head(a):
            continue
        j = i + 1
        while j < len(pairs) and cell_value(pairs[j][0]) is None and cell_value(pairs[j][1]) is not None:
            j += 1
        subs = [cell_value(b) for _, b in pairs[i:j]]
        if j - i >= 2 and all(isinstance(c, str) and not re.fullmatch(r"[\d.,\s%]+", c) and not head(c) for c in subs):
            out.update(range(i, j))
    return out


class Importer(Columns, Statuses, Writing):
    def __init__(self, records: Path, kind: str, source: Path, cohort: int | None, update: bool, today: dt.date,
                 read: dict | None = None):
        self.records, self.kind, self.source, self.cohort, self.today = records, kind, source, cohort, today
        self.update = update
        self.read = read or {}  # (the records' values as validate read them: command.records_errors, by path)
        self.file = display_path(source)
        self.findings: list[F.Finding] = []
        self.unit_ids = self._units()
        self.in_use, self.ended, self.asked = status_words(self.read.get("policy.yaml"), kind)
        status = FIELDS[kind]["status"]  # (its headings, and those of the policy's questions: 是否撤销)
        self.fields = {**FIELDS[kind], "status": (*status[:3], [*status[3], *self.asked])}
        self.writes: dict[Path, str] = {}  # file → its new text
        self.summary: list[str] = []  # (zh, en) lines of what is (to be) done
        self.same = 0
        self.item_lines: dict[Path, list] = {}  # a class file → the line of each of its classes, when a namesake asks
        self.dated: dict[tuple, list] = {}  # (file, heading, column) → (row, value, year) of a 年级 written as a date
        self.serials: dict[tuple, list] = {}  # (file, heading, column) → (row, number, date) of a date kept as Excel's number
        self.gone: dict[str, list] = {}  # file → (row, name, status) of the ended rows not recorded: W-IMP-015
        self.narrowed: dict[tuple, list] = {}  # (file, heading, column, an id?) → (row, typed, written) made half-width
        self.unknown: dict[tuple, list] = {}  # (file, column, unit as compared) → its finding's index, (row, cell) of each row
        self.jie: dict[str, list] = {}  # file → [where, (zh, en) of what, year, how many] of a 届 read as the year of entry
        from generator.validate import schema_for

        root = schema_for("cadre" if kind == "cadres" else kind)
        schema = root if kind == "cadres" else root["properties"][kind]["items"]
        props = {k: root["$defs"][p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p  # (an id: #/$defs/slug)
                 for k, p in schema["properties"].items()}
        self.longest = {k: p["maxLength"] for k, p in props.items() if "maxLength" in p}
        self.shapes = {k: re.compile(p["pattern"]) for k, p in props.items() if "pattern" in p}  # (a 工号's)
        self.bounds = {k: (p["minimum"], p["maximum"]) for k, p in {**root["properties"], **props}.items()
                       if "minimum" in p}  # (a number's least and most: 人数, and a file's 年级)
        self.records_most = None if kind == "cadres" else root["properties"][kind]["maxItems"]  # (a file's most records)
        self.most = {k: (p["maxItems"], p["items"].get("maxLength")) for k, p in schema["properties"].items()
                     if "maxItems" in p}  # (a list's most items, and each one's most characters)

    def _units(self) -> dict:
        """Unit id by its id, name or short names (one naming two units names neither), as validate read
        them (records_errors: a unit id on, no or yes is text, not YAML 1.1's boolean)."""
        keys: dict = {}
        for u in self._values("units.yaml").get("units") or []:
            if isinstance(u, dict) and u.get("id"):
                for k in (u.get("id"), u.get("name"), *(u.get("short_names") or [])):
                    if k:
                        keys.setdefault(heading_key(k), set()).add(u["id"])
        return {k: ids.pop() for k, ids in keys.items() if len(ids) == 1}

    def _jie(self, pos, what: tuple, year: int) -> None:
        """A 届 read as the year of entry at `pos` of the file in use (W-IMP-013, once a file)."""
        seen = self.jie.setdefault(self.file, [pos, what, year, 0])
        seen[3] += 1

    def add(self, code, pos=None, **params):
        self.findings.append(F.make(code, self.file, pos, **params))

    @staticmethod
    def _first(first: Row, n: Row) -> dict:
        zh, en = first.of(n)
        return {"first": zh, "first_en": en}

    def _values(self, rel: str) -> dict:
        """The values of records/`rel` as validate read them (records_errors), {} when there is no such file."""
        data = self.read.get(rel)
        return data if isinstance(data, dict) else {}

    def _files(self, kind: str) -> list[str]:
        """The files of the records of `kind` (classes or clubs) records_errors read, by their path below the records folder."""
        return sorted(r for r in self.read if r.startswith("classes/")) if kind == "classes" else [f"{kind}.yaml"]

    def _points(self, kind: str) -> dict:
        """Id → its file of the records of `kind` (classes or clubs: the contact points, whose
        ids are one namespace; a ledger names either), as validate read them (id: 0101 is text)."""
        return {str(c.get("id")): display_path(self.records / rel) for rel in self._files(kind)
                for c in self._values(rel).get(kind) or [] if isinstance(c, dict)}

    def _other_point(self, n: Row, ident, others: dict, what: str, what_en: str) -> bool:
        """E-IMP-008 when the row's id `ident` is one of `others` (a record of the other kind)."""
        if ident not in others:
            return False
        self.add("E-IMP-008", (n, self.found.get("id", 1)), row=n, record=f"{others[ident]} {ident}",
                 reason=f"这个编号已是{what}的编号（班级和社团共用一套编号）",
                 reason_en=f"this id is a {what_en}'s (classes and clubs share one set of ids)",
                 fix="请改正表格这一行的编号（或删去这一列，让导入生成编号），再运行一次导入。",
                 fix_en="Correct this row's id (or delete the column, and the import makes the ids), then run the import again.")
        return True

    def values(self, n: int, row: list, columns: dict) -> dict | None:
        fields, out, ok = self.fields, {}, True
        for field, i in columns.items():
            value = cell_value(row[i - 1]) if i <= len(row) else None
            where = {"row": n, "heading": self.header[i - 1], "column": letter(i)}
            if i in self.parts and value is not None and (value := self._part(field, value, self.parts[i])) is None:
                if field == self.parts[i][0]:  # (said once, of the cell)
                    self.add("E-IMP-004", (n, i), value=row[i - 1], expected="姓名和职务（两者之间要用“/”或空格隔开）",
                             expected_en="a name and a position (separated by '/' or a space)",
                             example="王芳/计算机学院副院长 或 王芳 计算机学院副院长（姓名在前）",
                             example_en="王芳/计算机学院副院长 or 王芳 计算机学院副院长 (the name first)", **where)
                ok = False
                continue
            if value is None and isinstance(row[i - 1] if i <= len(row) else None, Formula):
                self.add("E-IMP-013", (n, i), formula=f"公式 {row[i - 1]}" if row[i - 1] else "公式（读不出它的内容）",
                         formula_en=f"the formula {row[i - 1]}" if row[i - 1] else "a formula (its text cannot be read)",
                         **where)
                ok = False
                continue
            if value is None and field == "cohort" and self.default_cohort:
                continue  # (--cohort: the cohort of the rows that give none)
            if value is None:
                if fields[field][2]:
                    parts = self.parts.get(i, (field,))
                    if not any(columns.get(f) == i for f in parts[:parts.index(field)]):  # (an empty 单位及职务: once)
                        self.add("E-IMP-003", (n, i), **where)
                    ok = False
                continue
            bad = None
            if field in ("active_from", "active_to", "until"):
                typed, value = value, as_date(value)
                if value is not None and re.fullmatch(r"[1-9]\d{4}", whole_text(str(typed))):  # (45566: its format lost)
                    self.serials.setdefault((self.file, where["heading"], where["column"]), []).append((n, typed, value))
                bad = value is None and (month_only(row[i - 1], self.kind) or (
                    "日期", "a date", "形如 2016-12-01 的日期", "a date such as 2016-12-01"))
            elif field == "headcount":
                value, (least, most) = as_integer(value, r"(\d+)\s*人?"), self.bounds[field]
                bad = not (value is not None and least <= value <= most) and (
                    f"人数（{least} 到 {most} 之间的整数）", f"a headcount from {least} to {most}", "整数，如 30",
                    "a whole number such as 30")
            elif field == "cohort":
                year = as_integer(value, r"(\d{4})\s*(级|届|年级|年)?")
                if year is None and (two := re.fullmatch(r"(\d\d)\s*[级届]", whole_text(str(value)))):
                    year = cohort_year(two.group(1), self.today)  # (25级)
                first, last = self.bounds[field]
                if year is not None and ("届" in str(value) or "届" in heading_key(self.header[i - 1])):
                    self._jie((n, i), (f"第 {n} 行的“{where['heading']}”（{where['column']} 列）“{value}”",
                                       f"row {n}'s '{where['heading']}' (column {where['column']}) '{value}'"), year)
                if year is None and (year := year_of(value, first, last)) is not None:  # (the day of entry: its year)
                    self.dated.setdefault((self.file, where["heading"], where["column"]), []).append(
                        (n, shown_date(row[i - 1]), year))
                value = year
                bad = not (value is not None and first <= value <= last) and (serial_hint(value, first, last) or (
                    f"入学年份（{first} 到 {last} 之间）", f"a cohort year from {first} to {last}", "形如 2025 或 2025级 的年份",
                    "2025 or 2025级"))
            elif field == "status" and (asked := self.asked.get(heading_key(self.header[i - 1]))):
                value = {True: "是", False: "否"}.get(value, plain_name(value)) if isinstance(value, bool) else plain_name(value)
                if value in ("是", "否") and value != asked[0]:
                    continue  # (in use: as a row without a status)
                value, bad = asked[1], value != asked[0] and (
                    "“是”或“否”", "是 (yes) or 否 (no)", f"“是”或“否”（“{asked[0]}”即{asked[1]}，别的写法导入不猜）",
                    f"是 or 否 ({asked[0]} means {asked[1]}; other words are not guessed)")
            elif field == "status":
                value = plain_name(value)
                if re.sub(r"^[已被]", "", value) in self.in_use:
                    out["in_use"] = value  # (in use: as a row without a status, its last day weighed by _gone)
                    continue
                bad = not self._ended(value) and (("认得出的状态", "a status this import knows", (
                    f"在用的写“{self.in_use[0]}”，已结束的写“{'”“'.join(self.ended)}”之一"
                    f"（别的写法导入不猜；认得的词在 {F.records_shown()}/policy.yaml 的 vocabularies.import_statuses 中，可以添加）"),
                    f"{self.in_use[0]} (in use), or one of {', '.join(self.ended)} (ended): other words are not "
                    f"guessed (the words known are {F.records_shown()}/policy.yaml's vocabularies.import_statuses: words may be added there)")
                    if self.in_use and self.ended else ("认得出的状态", "a status this import knows", (
                        f"{F.records_shown()}/policy.yaml 的 vocabularies.import_statuses 中的状态词（现在没有写，导入不认得任何状态："
                        "请先在那里写出在用的 in_use 和各类名单已结束的 ended，见管理员指南“状态列”），或删去这一列"),
                        f"a status word of {F.records_shown()}/policy.yaml's vocabularies.import_statuses (there are none: the import knows "
                        "no status until the words in use, in_use, and ended, ended by list, are written there; see the admin "
                        "guide, 状态列), or remove this column"))
            elif field == "type":
                value = UNIT_TYPES.get(heading_key(value))  # (学院（部） read as 学院)
                bad = value is None and ("单位类型", "a unit type", "“学院”（培养学生的学院、部）或“部门”（职能部门）",
                                         "学院 (a school) or 部门 (an office)")
            elif field in ("short_names", "reviewers"):
                if field == "reviewers":  # (ｌｉ－ｂ: li-b, said)
                    self._narrowed(n, i, field, str(value).strip(), unicodedata.normalize("NFKC", str(value)).strip())
                value = list(dict.fromkeys(v for v in re.split(LIST_SEP, str(value) if field == "short_names" else
                                                              unicodedata.normalize("NFKC", str(value))) if v))
                wrong = [v for v in value if field == "reviewers" and not GIT.fullmatch(v)]
                most, longest = self.most[field]
                bad = wrong and ("Git 账号", "Git accounts", "用顿号或逗号隔开的 Git 账号，如 li-na、wang-admin",
                                 "Git accounts separated by commas, such as li-na, wang-admin") or len(value) > most and (
                    f"不超过 {most} 项的{fields[field][0]}", f"at most {most} {fields[field][1]}",
                    f"{most} 项以内（多的请删去）", f"at most {most} (delete the rest)") or longest and any(
                    len(v) > longest for v in value) and (
                    f"每项不超过 {longest} 个字的{fields[field][0]}", f"{fields[field][1]} each of at most {longest} characters",
                    f"每项 {longest} 个字以内（可用简称）", f"each of at most {longest} characters (a short form)")
            elif field == "unit":
                unit = self.unit_ids.get(heading_key(value))
                if unit is None:  # (told once a unit, where its first row is told, its rows listed: _unknown_units)
                    if (key := (self.file, i, heading_key(value))) not in self.unknown:
                        self.unknown[key] = [len(self.findings)]
                        self.add("E-IMP-005", (n, i), row=n, rows_en=f"row {n}", value=value, column=letter(i),
                                 **did_you_mean(value, sorted(self.unit_ids)))  # (its rows named once all are read)
                    self.unknown[key].append((n, value))
                    ok = False
                    continue
                value = unit
            elif field == "id":
                typed, value = whole_text(str(value)), whole_text(unicodedata.normalize("NFKC", str(value))).lower()
                self._narrowed(n, i, field, typed, value)  # (ｃｓ－２０２７－０９: cs-2027-09, said)
                most = self.longest.get("id")
                bad = not SLUG.fullmatch(value) and ("编号", "an id", "小写字母、数字和连字符，如 zhang-wei",
                                                     "lower-case letters, digits and hyphens, such as zhang-wei") or (
                    most and len(value) > most and (f"不超过 {most} 个字符的编号", f"an id of at most {most} characters",
                                                    f"{most} 个字符以内的编号（可用缩写）", f"an id of at most {most} characters (an abbreviation)"))
            elif field == "git":
                typed, value = str(value).strip(), unicodedata.normalize("NFKC", str(value)).strip()
                self._narrowed(n, i, field, typed, value)  # (ｗａｎｇ－ｆａｎｇ: wang-fang, said)
                bad = not GIT.fullmatch(value) and (
                    "Git 账号", "a Git account", "字母、数字和连字符", "letters, digits and hyphens")
            elif field == "staff_no":  # (a number cell: 20051234, not 20051234.0; ＴＩ２００９: TI2009, said)
                typed = unbroken(whole_text(cell_text(value)))
                value = unicodedata.normalize("NFKC", typed)
                self._narrowed(n, i, field, typed, value)
                bad = not self.shapes[field].fullmatch(value) and (
                    "工号", "a staff number", "英文字母和数字组成的工号，如 20051234", "letters and digits, such as 20051234")
            else:
                value = unbroken(cell_text(value).strip())
                typed, value = value, half(value)
                self._narrowed(n, i, field, typed, value)  # (计算机２７０１班 → 计算机2701班, said)
                if field in ("counsellor", "adviser") or field == "name" and self.kind == "cadres":
                    value = PADDING.sub("", value)  # (李　娜, padded to line up with three-character names)
                most = self.longest.get(field)
                bad = most and len(value) > most and (
                    f"不超过 {most} 个字的文字", f"text of at most {most} characters",
                    f"{most} 个字以内（可用简称）", f"at most {most} characters (a short form)")
            if bad:
                expected, expected_en, example, example_en = bad
                self.add("E-IMP-004", (n, i), value=shown_date(row[i - 1]), expected=expected, expected_en=expected_en,
                         example=example, example_en=example_en, **where)
                ok = False
                continue
            out[field] = value
        if ok and self.remark and self.remark <= len(row) and (said := plain_name(cell_value(row[self.remark - 1]) or "")):
            self._remarked(n, said, "status" in columns, out)
        return out if ok else None

    def _part(self, field: str, value, parts: tuple):
        """The `field` of a COMBINED cell `value` holding `parts`: of 单位及职务 the unit it begins
        with (the longest unit name, id or short name; else its first word, E-IMP-005 saying it is
        no unit) and the whole, without the space or slash after the unit, as the position; of
        姓名/职务 the name before a slash, a bracket or a space (李 娜 padded: its first two
        characters; 欧阳 娜娜: more than its compound surname) and the position after it, None when
        there is none."""
        text = unbroken(str(value)).strip()
        if parts == ("unit", "position"):
            if field == "position":
                return re.sub(r"\s*[/／]\s*", "", PADDING.sub("", text))
            plain = plain_name(text).lower()
            return max((k for k in self.unit_ids if plain.startswith(k)), key=len, default=None) or re.split(
                r"[\s/／]+", text)[0]
        m = re.fullmatch(r"(.+?)\s*[(（]\s*(.+?)\s*[)）]|(.+?)\s*[/／、，,；;]\s*(.+)", text, re.S)
        if m:
            name, position = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        else:
            from generator.surnames import COMPOUNDS  # (欧阳 娜娜, 呼延 明: a compound surname alone is no name)

            words = text.split()
            k = next((k for k in range(1, len(words)) if len(name := "".join(words[:k])) >= 2 and name not in COMPOUNDS),
                     None)
            if k is None:
                return None
            name, position = "".join(words[:k]), " ".join(words[k:])
        return name if field == "name" else position

    def run(self) -> None:
        """Every sheet whose headings are recognised is read (a sheet of data that has none is
        reported, never skipped silently, and so is a hidden one: often an old list, not read);
        when none has, the first one's missing columns are."""
        sheets, hidden = [], []
        for title, rows, state, hidden_rows, filtered, hidden_cols in read_rows(self.source):
            rows = [(n, r) for n, r in rows if any(cell_value(v) is not None for v in r)]
            cols = sorted(c for c in hidden_cols if any(c <= len(r) and cell_value(r[c - 1]) is not None for _, r in rows))
            shown = [(n, r) for n, r in ((n, [None if i in hidden_cols else v for i, v in enumerate(r, 1)])
                                         for n, r in rows) if any(cell_value(v) is not None for v in r)] if cols else rows
            if rows:
                (hidden if state in HIDDEN else sheets).append((title, shown, state, hidden_rows, filtered, cols, rows))
        for title, rows, state, *_ in hidden:
            self.findings.append(F.make(HIDDEN[state], f"{display_path(self.source)}[{title}]", (rows[0][0], 1),
                                        sheet=title))
        unseen = {title: rest for title, _, _, *rest in sheets}  # (its hidden rows, whether filtered, hidden columns)
        sheets = [(title, rows) for title, rows, *_ in sheets]
        if not sheets:
            raise Unreadable("只有隐藏的工作表有内容，见下面的警告" if hidden else "表格是空的",
                             "only hidden sheets hold data: see the warnings below" if hidden else "the spreadsheet is empty",
                             ONLY_HIDDEN if hidden else None)  # (to show the sheet, not to give another file)
        known = {heading_key(h) for f in self.fields.values() for h in f[3]}
        heads = []  # (the row of the most headings Excel shows, else a hidden one: W-IMP-009)
        for title, rows in sheets:
            count = {i: sum(heading_key(cell_value(h)) in known for h in r) for i, (_, r) in enumerate(rows[:HEADINGS])}
            found = sorted((i for i, k in count.items() if k >= 2), key=lambda i: -count[i])  # (a row grouping
            # them above the headings, 班级基本信息 over 班级名称 and 学院, holds fewer: the first on a tie)
            heads.append(next((i for i in found if rows[i][0] not in unseen[title][0]), found[0] if found else None))
        guessed = all(at is None for at in heads)
        if guessed:
            heads[0] = 0
        entries, by_option = [], False  # (whether --cohort gave a row its year)
        for (title, rows), at in zip(sheets, heads):
            file = display_path(self.source) + (f"[{title}]" if len(sheets) > 1 else "")
            if at is None:  # (headings there but hidden: say so, and which columns)
                hid = next((n for n, r in unseen[title][3][:HEADINGS] if sum(heading_key(cell_value(h)) in known for h in r) >= 2), None)
                if hid is not None and unseen[title][2]:
                    self._hidden_columns(file, hid, *unseen[title][2:])
                    self.findings.append(F.make("W-IMP-010", file, (hid, 1), sheet=title, row=hid))
                else:
                    self.findings.append(F.make("W-IMP-003", file, (rows[0][0], 1), sheet=title, known=[
                        v[3][0] for v in self.fields.values() if v[2]]))
                continue
            rows, split = _stacked(rows, at, known)
            self._hidden_columns(file, rows[at][0], *unseen[title][2:])
            if rows[at][0] in unseen[title][0]:
                self.findings.append(F.make("W-IMP-009", file, (rows[at][0], 1), row=rows[at][0]))
            year = re.fullmatch(r"\D*((?:19|20)\d\d|\d\d)\s*[级届]\D*", title or "")
            year = year and not RANGE.search(title) and cohort_year(year.group(1), self.today)  # (2025级及以前: no row's year)
            first, last = self.bounds.get("cohort", (year, year))
            self.named_year = year and not first <= year <= last and (title, year, first, last)
            sheet = SimpleNamespace(file=file, header_row=rows[at][0], header=[cell_value(h) for h in rows[at][1]], found={},
                                    cohort=None if self.named_year else year or self.cohort, remark=None)
            self._use(sheet)
            if year and not self.named_year and self.cohort and year != self.cohort:  # (two years: neither taken)
                self.add("E-IMP-016", (sheet.header_row, 1), sheet=title, year=year, cohort=self.cohort)
            elif year and not self.named_year and "届" in title:
                self._jie((sheet.header_row, 1), (f"工作表名“{title}”", f"the sheet's name '{title}'"), year)
            whole = dict(unseen[title][3]).get(rows[at][0], [])  # (the headings' row with its hidden columns)
            sheet.found = self.found = self.columns(rows[at][1], guessed, hidden={
                i: whole[i - 1] for i in unseen[title][2] if i <= len(whole) and cell_value(whole[i - 1]) is not None})
            sheet.remark = self.remark
            for n, i, sub in split:  # (人数 over 男 and 女: said as when the sub-headings' row repeats the headings)
                if i in self.found.values():
                    self.add("E-IMP-012", (n, i), heading=self.header[i - 1], column=letter(i), sub=sub, row=n)
            rows = rows[:at + 1] + self._unseen(file, rows[at + 1:], *unseen[title][:2])
            totals = {n: first for n, r in rows[at + 1:] if TOTAL.match(plain_name(first := next(
                str(c) for v in r if (c := cell_value(v)) is not None)))}
            numbers = {i for i, h in enumerate(rows[at][1], 1) if heading_key(cell_value(h)) in NUMBERING}
            rest = {n: [str(c) for i, v in enumerate(r, 1) if i not in numbers and (c := cell_value(v)) is not None]
                    for n, r in rows[at + 1:] if n not in totals}  # (a row's values but its 序号)
            shown = {n: [str(cell_value(v)) for v in r if cell_value(v) is not None] for n, r in rows[at + 1:] if n in rest}
            notes = {n: r[0] for n, r in shown.items() if all(NOTE.fullmatch(plain_name(c)) for c in r)}  # (序号's column too)
            raw = dict(rows[at + 1:])
            titles = {n: r[0] for n, r in shown.items() if len(r) == 1 and n not in notes and not END.fullmatch(
                plain_name(r[0])) and any(isinstance(v, Spanned) for v in raw[n])}  # (a group's title merged across the row)
            notes.update(titles)
            numbered = [n for n, r in rest.items() if not r and n not in notes]  # (a template numbered in advance)
            ended = {n: r[0] for n, r in rest.items() if len(r) == 1 and END.fullmatch(plain_name(r[0]))}
            had = len(entries)
            entries += [(Row(n, sheet), v) for n, r in rows[at + 1:] if n in rest and rest[n] and n not in ended | notes
                        and not self._headings(n, r) and (v := self.values(n, r, sheet.found)) is not None]
            by_option = by_option or not year and any("cohort" not in v for _, v in entries[had:])
            if year and not self.named_year:
                self._other_years(title, year, entries[had:])
            if numbered:
                self.summary.append((f"未导入 {file} 第 {'、'.join(row_ranges(numbered))} 行：只有序号，没有别的内容",
                                     f"not imported: {counted('row', row_ranges(numbered))[0]} of {file}: a row number and nothing else"))
            self._left_out(file, totals, "是合计行", ("a total row", "total rows"))
            self._left_out(file, ended, "是表格结束的标记", ("a mark of the list's end", "marks of the list's end"))
            self._left_out(file, {n: t for n, t in notes.items() if n not in titles}, "是填表说明、签名或日期",
                           ("a note, signature or date", "notes, signatures or dates"))
            self._left_out(file, titles, "是分组的标题（横跨几列的合并单元格）",
                           ("a group title (a cell merged across columns)", "group titles (cells merged across columns)"))
        if by_option and isinstance(self.cohort, Jie):  # (--cohort 2026届 that decided no row's year: nothing to say)
            self.jie.setdefault(display_path(self.source), [None, (f"--cohort {self.cohort}届 ", f"--cohort {self.cohort}届"),
                                                            self.cohort, 0])[3] += 1
        for (file, heading, column), rows in self.dated.items():
            self._dated(file, heading, column, rows)
        for (file, heading, column), rows in self.serials.items():
            at, (_, typed, day) = row_ranges([n for n, _, _ in rows]), rows[0]
            self.summary.append((
                f"{file} 第 {'、'.join(at)} 行的“{heading}”（{column} 列）是数字，按 Excel 存日期的序号读作日期（如 {whole_text(str(typed))} "
                f"读作 {day}：这一列的日期格式丢了）：请核对",
                f"{counted('row', at)[0]} of {file}: '{heading}' (column {column}) "
                + ("holds a number, read as the serial number Excel keeps a date as" if len(rows) == 1 else
                   "holds numbers, read as the serial numbers Excel keeps dates as")
                + f" ({whole_text(str(typed))} as {day}: the column's date format was lost): check them"))
        for (file, heading, column, ident), rows in self.narrowed.items():
            at, (_, typed, written) = row_ranges([n for n, _, _ in rows]), rows[0]
            self.summary.append((
                f"{file} 第 {'、'.join(at)} 行的“{heading}”（{column} 列）" + ("按半角小写写入" if ident else "中的全角字母、数字按半角写入")
                + f"（如 {typed} 写作 {written}）", f"{counted('row', at)[0]} of {file}: '{heading}' (column {column}) "
                + ("written half-width in lower case" if ident else "written with half-width letters and digits for "
                   "full-width ones") + f" ({typed} as {written})"))
        for file, (pos, (zh, en), year, count) in self.jie.items():
            self.findings.append(F.make("W-IMP-013", file, pos, what=zh, what_en=en, year=year, entered=year - 4,
                                        more=f"等 {count} 处" if count > 1 else "",
                                        more_en=f" and {count - 1} more" if count > 1 else ""))
        self._unknown_units()
        if F.has_errors(self.findings):
            self._matching_errors(entries)
            return
        getattr(self, self.kind)(entries)
        for file, rows in self.gone.items():
            self._left_ended(file, rows)
        if self.writes and not F.has_errors(self.findings):
            self._manifest()

    def _narrowed(self, n: int, i: int, field: str, typed: str, written: str) -> None:
        """A cell `typed` in full-width letters or digits (a Chinese input method's: ＭＥＴ２) or, of an id, in
        capitals, `written` otherwise: noted for the summary, by column (never silently)."""
        if written != typed:
            self.narrowed.setdefault((self.file, self.header[i - 1], letter(i), field == "id"), []).append((n, typed, written))

    def _unknown_units(self) -> None:
        """E-IMP-005 once for each unit not in units.yaml (as compared: 网络学院, 网络 学院) in a column
        of a sheet, at its first row, naming every row that gives it (a list of one school written
        by a name units.yaml lacks would have said so at each of its rows); in its first row's place
        among the findings, so that they are told row by row."""
        for (file, i, _), (at, *rows) in self.unknown.items():
            (n, value), numbers = rows[0], row_ranges([r for r, _ in rows])
            self.findings[at] = F.make("E-IMP-005", file, (n, i), row="、".join(numbers),
                                       rows_en=counted("row", numbers)[0], value=value, column=letter(i),
                                       **did_you_mean(value, sorted(self.unit_ids)))

    def _matching_errors(self, entries: list) -> None:
        """The errors of matching the rows read whole (`entries`) while other rows are in error: a row
        that is the same record as another (E-IMP-006), disagrees with a record (E-IMP-007), cannot
        be merged (E-IMP-008) or moves a cadre (E-IMP-010) is told in the same run, not once every
        cell is right.  The kind's own matching finds them (a class by its cohort, unit and name; a
        cadre by the id its name gives …); only its errors are kept: no file, no summary, no warning
        (told once the cells are right, with what is written).  The rows in error are not matched,
        so nothing is told twice.  Not when a required column is missing (E-IMP-002): no row has all
        that a record is matched by."""
        required = [f for f, (_, _, needed, _) in self.fields.items() if needed]
        entries = [(n, v) for n, v in entries if all(f in v or f == "cohort" and n.sheet.cohort for f in required)]
        kept = self.findings, self.summary, self.same, self.writes, self.gone, self.item_lines
        self.findings, self.summary, self.writes, self.gone, self.item_lines = [], [], {}, {}, {}
        try:
            getattr(self, self.kind)([(n, dict(v)) for n, v in entries])
            found = [f for f in self.findings if f.severity == F.ERROR]
        finally:
            self.findings, self.summary, self.same, self.writes, self.gone, self.item_lines = kept
        for f in found:  # (each before its sheet's findings of the rows below it: told row by row)
            self.findings.insert(next((k for k, g in enumerate(self.findings) if g.file == f.file and g.line is not None
                                       and g.line > f.line), len(self.findings)), f)

    def _other_years(self, title: str, year: int, entries: list) -> None:
        """W-IMP-014, once a sheet, at the first of `entries` (the rows of the sheet named for the
        cohort `year`) whose own 年级 is another year: imported as the row says, never silently."""
        other = [(n, v["cohort"]) for n, v in entries if v.get("cohort") not in (None, year)]
        if other:
            (n, cohort), more = other[0], len(other) - 1
            self.add("W-IMP-014", (n, self.found["cohort"]), row=n, cohort=cohort, sheet=title, year=year,
                     more=f" 等 {more + 1} 行" if more else "",
                     more_en=f" and {more} more row{'s' if more > 1 else ''}" if more else "")

    def _dated(self, file: str, heading: str, column: str, rows: list) -> None:
        """The summary's line for the rows whose 年级 was a date, read as its year (the first, and
        the first of 1905: a year typed into a cell formatted as a date, said so)."""
        shown = [(str(v), y) for _, v, y in rows]
        typed = next(((v, y) for v, y in shown if v.startswith("1905-")), None)
        seen = list(dict.fromkeys([shown[0], typed or shown[0]]))
        at = "、".join(row_ranges([n for n, _, _ in rows]))
        self.summary.append((
            f"{file} 第 {at} 行的“{heading}”（{column} 列）是日期，按它的年份读作年级（如 "
            + "、".join(f"{v} 读作 {y}" for v, y in seen) + "）"
            + ("；1905 年的日期是在设成日期格式的格中输入的年份（Excel 把 2027 当作第 2027 天显示）" if typed else "")
            + "：请核对",
            f"{counted('row', row_ranges([n for n, _, _ in rows]))[0]} of {file}: '{heading}' (column {column}) holds "
            + ("a date, read as its year (" if len(rows) == 1 else "dates, read as their years (")
            + ", ".join(f"{v} as {y}" for v, y in seen) + ")"
            + ("; a date in 1905 is a year typed into a cell formatted as a date (Excel shows 2027 as its day 2027)"
               if typed else "") + ": check them"))

    def _differs(self, n: int, record: str, old: dict, new: dict) -> dict:
        """The values of `new` that `old` has otherwise (to change with --update, else reported:
        E-IMP-007); a record the same as its row is counted as such."""
        changed = {k: v for k, v in new.items() if k != "id" and not same_value(old.get(k), v)}
        if not changed:
            self.same += 1
        elif not self.update:
            def shown(value):  # (as the cell or the record shows it: a date written "2021-03-01" without its quotes)
                return escaped(value) if isinstance(value, str) else scalar(value)
            names, was = self.fields, {k: shown(old[k]) if k in old else "" for k in changed}
            since = as_date(old.get("active_from") or "") if self.kind == "cadres" else None
            later = since is not None and isinstance(changed.get("active_from"), dt.date) and changed["active_from"] > since
            note = ({"active_from": "（加 --update 时这是现任职务的开始：任职开始不改，原职务记入 earlier）"} if later else {},
                    {"active_from": " (with --update, the start of the present post: active_from is kept, the old post "
                                    "goes into earlier)"} if later else {})
            self.add("E-IMP-007", (n, self.found.get(next(iter(changed)), 1)), row=n, record=record,
                     changes=[f"{names[k][0]} “{was[k]}” → “{shown(v)}”{note[0].get(k, '')}" for k, v in changed.items()],
                     changes_en=[f"{names[k][1]} '{was[k]}' → '{shown(v)}'{note[1].get(k, '')}" for k, v in changed.items()])
            return {}
        return changed
