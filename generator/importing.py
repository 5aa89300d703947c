"""`python -m generator import classes|cadres|units|clubs FILE`: records from the spreadsheets a
university already keeps (the 教务处's 班级名单, the 组织部's list of 中层领导干部, a list of
units, the 校团委's list of clubs), as CSV, XLSX or old Excel XLS.

A dry run unless --write.  New records are appended to records/classes/<cohort>.yaml,
records/units.yaml or records/clubs.yaml, or written as records/cadres/<id>.yaml; an existing record the spreadsheet
disagrees with is reported and left alone unless --update, which changes only the values that
differ, in place: the files' other records, their order and their comments stay as they were.  Any error: nothing is written.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import yaml

from generator import findings as F
from generator.chars import BREAKS, DROPPED, NARROW_ALNUM, klass, narrower
from generator.files import Unwritten, write_files
from generator.load import _chinese_encoding, display_path
from generator.suggest import did_you_mean

# What each kind reads: field → (Chinese name, English name, required, accepted headings).
# Headings are compared as names are (see _plain), without brackets' contents or a leading “*” (see _heading).
FIELDS = {
    "classes": {
        "id": ("班级编号", "class id", False, ["班级编号", "编号", "班级代码", "班级代号", "id"]),
        "name": ("班级名称", "class name", True, ["班级名称", "班级", "班名", "班级名", "行政班", "行政班级"]),
        "unit": ("学院", "school", True, ["学院", "所属学院", "院系", "学院名称", "院(系)", "单位", "所在学院", "所属院系",
                                             "院系名称"]),
        "major": ("专业", "major", True, ["专业", "专业名称", "所学专业"]),
        "cohort": ("年级", "cohort", True, ["年级", "入学年份", "入学年级", "级别", "届", "届别"]),
        "headcount": ("人数", "headcount", True, ["人数", "班级人数", "学生人数", "总人数", "在籍人数", "在校人数", "学生数"]),
        "counsellor": ("辅导员", "counsellor", False, ["辅导员", "辅导员姓名"]),
        "adviser": ("班导师", "adviser", False, ["班主任", "班导师", "班主任姓名", "班导师姓名"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间", "毕业日期", "毕业时间"]),
        "status": ("状态", "status", False, ["状态", "班级状态", "当前状态"]),
    },
    "cadres": {
        "id": ("干部编号", "cadre id", False, ["干部编号", "编号", "id"]),
        "name": ("姓名", "name", True, ["姓名", "干部姓名", "名字"]),
        "position": ("职务", "position", True, ["职务", "现任职务", "职务名称", "现职务"]),
        "unit": ("单位", "unit", True, ["单位", "所在单位", "工作单位", "任职单位", "部门", "学院", "单位名称"]),
        "active_from": ("任职日期", "since", True, ["任职日期", "任职时间", "任现职时间", "任现职日期", "任职开始",
                                                 "任职开始日期"]),
        "active_to": ("离任日期", "until", False, ["离任日期", "离任时间", "任职结束", "免职日期", "免职时间", "调离日期",
                                                "退休日期"]),
        "status": ("状态", "status", False, ["状态", "在职状态", "任职状态", "干部状态", "当前状态"]),
        "git": ("Git 账号", "Git account", False, ["git账号", "git", "账号", "git用户名"]),
    },
    "units": {
        "id": ("单位编号", "unit id", True, ["单位编号", "编号", "单位代码", "代码", "英文缩写", "id"]),
        "name": ("单位名称", "unit name", True, ["单位名称", "单位", "名称", "单位全称", "学院名称", "部门名称"]),
        "type": ("单位类型", "unit type", True, ["单位类型", "类型", "单位类别", "类别"]),
        "short_names": ("简称", "short names", False, ["简称", "单位简称", "别名"]),
        "party_committee": ("党委名称", "party committee", False, ["党委名称", "党委", "党组织", "党组织名称"]),
        "reviewers": ("审核人账号", "reviewers", False, ["审核人账号", "审核人", "审核人git账号"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间"]),
        "status": ("状态", "status", False, ["状态", "单位状态", "当前状态"]),
    },
    "clubs": {
        "id": ("社团编号", "club id", False, ["社团编号", "编号", "社团代码", "id"]),
        "name": ("社团名称", "club name", True, ["社团名称", "社团", "名称", "社团全称"]),
        "unit": ("指导单位", "supervising unit", True, ["指导单位", "业务指导单位", "挂靠单位", "主管单位", "所属单位",
                                                     "学院", "单位"]),
        "category": ("社团类别", "category", False, ["社团类别", "类别", "社团类型", "类型"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间", "注销日期", "注销时间"]),
        "status": ("状态", "status", False, ["状态", "社团状态", "注册状态", "当前状态"]),
    },
}
# A column holding two fields (as _heading gives its heading): the 组织部's 单位及职务 (计算机学院 副院长: the
# unit it begins with, the whole its position, as the records write one) and 姓名/职务 (王芳/副院长).
COMBINED = {"cadres": {**dict.fromkeys(("单位及职务", "单位职务", "单位与职务", "单位/职务", "单位、职务", "工作单位及职务",
                                        "现工作单位及职务", "现任单位及职务", "任职单位及职务", "部门及职务", "单位及职位"),
                                       ("unit", "position")),
                       **dict.fromkeys(("姓名/职务", "姓名及职务", "姓名、职务", "姓名与职务"), ("name", "position"))}}
# The headings of a field that win over its others when both are columns (as _heading gives them): a club's
# unit is its 业务指导单位 (clubs.schema.json), not the 挂靠单位 or 主管单位 a 校团委 list may give beside it.
PREFERRED = {("clubs", "unit"): ("指导单位", "业务指导单位")}
# Why a PREFERRED heading wins: (the field as said, why; in English) and E-IMP-009's hint when no column has it.
WHY = {"unit": ("社团的指导单位", "社团的指导单位是它的业务指导单位，挂靠单位、主管单位只是管理上的归属",
                "a club's supervising unit", "a club's supervising unit is its 业务指导单位 (guiding unit), not the unit "
                "that hosts or administers it",
                "社团的指导单位是它的业务指导单位（挂靠单位、主管单位只是管理上的归属）：请把写着业务指导单位的那一列的标题"
                "改成“业务指导单位”（另一列可以留着，不读），再运行一次导入。",
                "A club's supervising unit is its 业务指导单位 (guiding unit), not the unit that hosts or administers it: "
                "head the column that gives it '业务指导单位' (the other may stay: it is not read), then run the import again.")}
ORDER = {"classes": ["id", "name", "unit", "major", "headcount", "counsellor", "adviser", "until"],
         "clubs": ["id", "name", "unit", "category", "until"],
         "cadres": ["name", "position", "unit", "git", "active_from", "active_to"],
         "units": ["id", "name", "short_names", "type", "party_committee", "reviewers", "until"]}
# A day in a remark as _plain gives it (2025-07-15, 2025年7月15日, 2025.7, 2025年7月: the last two, no day).
REMARK_DAY = r"(?:19|20)\d\d[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?|月)?"
REMARKS = ("备注", "说明", "备注说明", "情况说明")  # (a column whose cell may be an ended status, all of it: 已退休)
# A record of each kind, and one that has ended (zh, en).
WHAT = {"classes": ("班级", "class", "撤销、毕业的班级", "a dissolved or graduated class"),
        "clubs": ("社团", "club", "注销、撤销的社团", "a deregistered or dissolved club"),
        "units": ("单位", "unit", "撤销、合并的单位", "a dissolved or merged unit"),
        "cadres": ("干部", "cadre", "离任、调离、退休的干部", "a cadre who has left or retired")}
LAST_DAY = {"cadres": "active_to"}  # (the field of a record's last day: until, but a cadre's)
# A unit's type as the schema's two words, from the words universities use for it.
UNIT_TYPES = {"学院": "学院", "院系": "学院", "学部": "学院", "教学单位": "学院",
              "部门": "部门", "职能部门": "部门", "机关": "部门", "机关部处": "部门", "管理部门": "部门", "党政部门": "部门"}
LIST_SEP = r"[、,，;；/\s]+"
# Headings that name a person's own data: never read (the records are published).
PERSONAL = re.compile(r"学号|身份证|手机|电话|联系方式|邮箱|出生|住址|家庭|籍贯|民族|政治面貌|学生")
# In a class list any name but the staff's is a student's; in a club list, its student officers' and members'.
STUDENT = {"classes": re.compile(r"姓名|名字|性别"), "clubs": re.compile(r"姓名|名字|性别|负责人|会长|社长|团长|主席|(成员|会员)(?!人?数)")}
# A space between the Chinese characters of a person's name: layout, not part of the name.
PADDING = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# A line break inside a cell (Alt+Enter; NEL, U+2028, U+2029 pasted from elsewhere) and the spaces
# around it: layout, dropped beside a Chinese character, else a space (Software↵Engineering).
BREAK = re.compile(r"\s*" + klass(BREAKS) + r"\s*")
UNSEEN = re.compile(klass(DROPPED))
# Full-width digits and Latin letters (typed in a Chinese input method) → half-width, as written: not the brackets.
half = narrower(NARROW_ALNUM)
WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
# A row's first cell (as _plain gives it) that makes it a total row, not a record: 合计, 总计：2 个班, 小计(计算机学院),
# 合计人数, 共2个班级，60人, 总人数：60
TOTAL = re.compile(r"(合计|总计|小计|共计)($|[:(\d]|人数|班级|个|数)|共\d+[个名人]|总人数($|[:\d])")
HEADINGS = 10  # (the headings are looked for in a sheet's first rows that hold anything: a title, notes above)
NUMBERING = ("序号", "no", "no.")
# A template's note under a heading (as _plain gives it: （必填）, 选填, （必填，写全称）), or a labelled line
# below the list (注：…, 制表人：张三, 审核人：李四, 日期：…): a row of them is no record.
NOTE = re.compile(r"\(?(必填|选填|非必填|可选|可不填|可空)项?([,:][^()]*)?\)?|(注|备注|说明|填表说明|[制填]表人?|填报人?"
                  r"|审核人?|审批人?|负责人|经办人|联系人|联系电话|签字|签名|盖章|单位盖章|(制表|填表|填报|报送)?日期)[:].*"
                  r"|.*\(?(盖章|签字|签章|签名)\)?:?")  # (学院（盖章）, 负责人签字：)
# A sheet's name for a range of cohorts (2025级及以前, 2023级以后, 往届): a row's other year is expected there.
RANGE = re.compile(r"[前后早晚]|以上|以下|往届|其[他它]|等")
# A row's one value (as _plain gives it) that closes a list, so that nothing is added below: 以下空白, （以下无正文）
END = re.compile(r"\(?以下(空白|无正文|无内容|无)\)?")  # (a column's heading, as _heading gives it, that numbers the rows)

# Surnames whose everyday reading is not a surname's (pypinyin reads the character, not the name).
SURNAMES = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
            "覃": "qin", "盖": "ge", "缪": "miao", "乐": "yue", "尉": "yu", "繁": "po", "员": "yun",
            "句": "gou", "种": "chong", "秘": "bi", "翟": "zhai", "召": "shao", "长孙": "zhangsun"}

# The import manifest each import lists the files it writes in (`records`): a check of a past day tells them from
# later edits (check guide: 随导入进来的记录).
MANIFEST, MANIFEST_SOURCE = "imports/lists.yaml", "python -m generator import 导入的名单（班级、干部、单位、社团）"
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Text yaml.safe_dump writes plain, and every loader reads back as that text: a Chinese name (计算机2602班,
# 计算机科学与技术(卓越班)) or an id (cs-2026-01), but the words YAML 1.1 reads as true, false or null.
PLAIN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z()（）·]*|[a-z][a-z0-9]*(-[a-z0-9]+)*")
WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
GIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")
MSG = {
    "dry": {"zh": "试运行，未写入任何文件；确认无误后加 --write 写入。",
            "en": "dry run: nothing was written; add --write to write."},
    "wrote": {"zh": "已写入。请运行 python -m generator validate 检查，再提交。",
              "en": "written. Run python -m generator validate, then commit."},
    "errors": {"zh": "有错误，未写入任何文件。", "en": "there are errors: nothing was written."},
    "new": {"zh": "新增", "en": "new"}, "updated": {"zh": "更新", "en": "update"},
    "same": {"zh": "{n} 条与已有记录相同，不变", "en": "{n} same as existing, unchanged"},
}


def _plain(name) -> str:
    """A name as compared with another: full-width digits, letters and brackets as half-width
    (NFKC: 计算机２６０１班, 计算机（2601）班) and without spaces (计算机 2601 班); never written so."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "" if name is None else str(name)))


def _heading(text) -> str:
    return re.sub(r"\([^)]*\)$", "", _plain(text).lstrip("*")).lower()


def letter(index: int) -> str:
    """Column 1 → A, 27 → AA (as a spreadsheet shows it)."""
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


# ---------------------------------------------------------------------------
# Reading the spreadsheet: rows of (row number, [cell values])
# ---------------------------------------------------------------------------

class Unreadable(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


def read_rows(path: Path) -> list[tuple[str | None, list[tuple[int, list]], str, set, bool, set]]:
    """The file's sheets as (sheet name, rows of (row number, [cell values]), its state in Excel:
    "visible", "hidden" or "veryHidden", the numbers of its hidden rows, whether it has an
    autofilter, the numbers of its hidden columns); a CSV is one visible sheet without a name."""
    if path.is_dir():
        raise Unreadable("这是文件夹，不是表格文件", "it is a folder, not a spreadsheet file")
    if not path.is_file():
        raise Unreadable("找不到文件", "no such file")
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        head = f.read(8)
    if suffix == ".xls" and head.startswith(b"\xd0\xcf\x11\xe0"):  # (old Excel; a zip is an .xlsx renamed)
        return _read_xls(path)
    if suffix in (".xlsx", ".xlsm") or suffix == ".xls" and head.startswith(b"PK"):
        import zipfile

        from openpyxl import load_workbook

        # (not read_only: its sheets say nothing of merged cells, hidden rows or columns or an
        # autofilter, only sheet_state, so the sheet's XML would be read a second time for them; the
        # read is ~1.1–1.9× faster then, yet a small part of an import: 2 s of 33 s for 3,000 classes)
        try:
            book = load_workbook(path, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise Unreadable(f"不是有效的 Excel 文件（{type(exc).__name__}）",
                             f"not a valid Excel file ({type(exc).__name__})") from None
        unsaved = _unsaved_formulas(path, book)
        sheets = [(sheet.title, _merged([[unsaved.get((sheet.title, n, c), v) for c, v in enumerate(values, 1)]
                                         for n, values in enumerate(sheet.iter_rows(
                                             max_row=_last_row(sheet, unsaved), values_only=True), 1)], [
            (m.min_row, m.max_row, m.min_col, m.max_col) for m in sheet.merged_cells.ranges]), sheet.sheet_state,
                   {n for n, d in sheet.row_dimensions.items() if d.hidden}, bool(sheet.auto_filter.ref),
                   {c for d in sheet.column_dimensions.values() if d.hidden and d.min for c in range(d.min, d.max + 1)})
                  for sheet in book.worksheets]
        book.close()
        return sheets
    if suffix not in (".csv", ".txt", ".xls"):  # (an .xls a system exported is often text: read as CSV)
        raise Unreadable("只支持 .xlsx、.xls 和 .csv 文件", "only .xlsx, .xls and .csv files are supported")
    raw = path.read_bytes()
    if suffix == ".xls" and raw.lstrip()[:1] == b"<":
        raise Unreadable("这个 .xls 其实是网页（HTML），请在 Excel 中打开后另存为 .xlsx",
                         "this .xls is a web page (HTML): open it in Excel and save it as .xlsx")
    try:  # (Excel's 另存为 Unicode 文本: UTF-16 with its byte-order mark, tab-separated)
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if _chinese_encoding(raw) != "gbk":
            raise Unreadable("编码既不是 UTF-8 也不是 GBK", "the encoding is neither UTF-8 nor GBK") from None
        text = raw.decode("gb18030")
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    return [(None, [(n, [_shown_text(c) for c in row]) for n, row in enumerate(
        csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1)], "visible", set(), False, set())]


def _shown_text(cell: str) -> str:
    """A CSV cell as Excel shows it: one written ="0202602" (as systems export a code, to keep its
    leading zero) is its text, 0202602."""
    m = re.fullmatch(r'\s*="(.*)"\s*', cell, re.S)
    return m.group(1).replace('""', '"') if m else cell


def _last_row(sheet, unsaved: dict) -> int:
    """The last row of an .xlsx sheet holding a value or an unsaved formula: not the sheet's length,
    which a formatted empty cell far below the list (a border on row 1048576) makes a million rows."""
    return max([n for (n, _), cell in sheet._cells.items() if cell.value is not None]
               + [n for (title, n, _) in unsaved if title == sheet.title], default=1)


def _read_xls(path: Path) -> list[tuple[str, list[tuple[int, list]], str, set, bool, set]]:
    """An old Excel (.xls) file's sheets, read with xlrd, cells as openpyxl gives them (a whole
    number as int, a date cell as datetime, an empty cell as None)."""
    import xlrd

    try:
        book = xlrd.open_workbook(path, on_demand=True, formatting_info=True)  # (formatting: the merged cells)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, OSError, ValueError, IndexError) as exc:
        raise Unreadable(f"不是有效的 Excel 文件（{type(exc).__name__}）",
                         f"not a valid Excel file ({type(exc).__name__})") from None

    unsaved = _xls_formulas(book)

    def value(cell, at):
        if at in unsaved:
            return unsaved[at]
        if cell.ctype == xlrd.XL_CELL_DATE:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        if cell.ctype == xlrd.XL_CELL_NUMBER and cell.value == int(cell.value):
            return int(cell.value)
        if cell.ctype == xlrd.XL_CELL_ERROR:
            return xlrd.error_text_from_code.get(cell.value, "#?")
        return None if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else cell.value

    try:
        return [(sheet.name, _merged([[value(c, (sheet.number, n, i)) for i, c in enumerate(sheet.row(n))]
                                      for n in range(sheet.nrows)], [
            (r1 + 1, r2, c1 + 1, c2) for r1, r2, c1, c2 in sheet.merged_cells]), STATES[sheet.visibility],
                 {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}, _filtered(book, sheet),
                 {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden})
                for sheet in book.sheets()]
    finally:
        book.release_resources()


class Formula(str):
    """A formula cell with no value saved (a file a program wrote, never saved by Excel or WPS):
    its formula, as =15+14; read as no value (_cell), said as such where a value is read."""


def _unsaved_formulas(path: Path, book) -> dict:
    """(sheet title, row, column) → Formula of the formula cells of an .xlsx that `book` (read
    with data_only) reads as empty; the formulas are read only when the file has some."""
    import zipfile

    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as z:
        if not any(b"<f" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")):
            return {}
    out = {}
    for sheet in load_workbook(path).worksheets:
        for cell in sheet._cells.values():  # (the cells in the file: not every row up to a formatted one far below)
            if cell.data_type == "f" and book[sheet.title].cell(cell.row, cell.column).value is None:
                text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", "")
                if formula := _unsaved(text or ""):
                    out[(sheet.title, cell.row, cell.column)] = formula
    return out


def _unsaved(text: str) -> Formula | None:
    """The formula `text` of a cell read with no value, as a Formula; None when it has "" in it
    (=IF(…,"",…), =IFERROR(…,"")): its value may well be the empty text, which Excel saves as
    none can be read (t="str", an empty <v>; an .xls: an empty text), so the cell is empty."""
    return None if '""' in text else Formula(text)


def _xls_formulas(book) -> dict:
    """(sheet index, row, column), 0-based → Formula of the formula cells of an .xls whose saved
    value is an empty text, as a program that writes .xls (xlwt) leaves every formula, where Excel
    and WPS save the value they show: read as an .xlsx's formula with no value (xlrd keeps no formulas:
    the sheets' FORMULA records, read here); not one with "" in it (_unsaved).  A formula filled down
    or entered as an array (its tokens only tExp, the first cell's place) is the SHRFMLA or ARRAY
    record's formula, as at this cell; one whose text xlrd cannot read is Formula(""), said so."""
    import struct

    from xlrd.formula import FMLA_TYPE_ARRAY, FMLA_TYPE_CELL, FMLA_TYPE_SHARED, decompile_formula

    def text(tokens, kind, row, column):
        try:
            found = decompile_formula(book, tokens, len(tokens), kind, browx=row, bcolx=column)
        except Exception:  # (a token xlrd does not read: said without its text)
            return ""
        return "=" + re.sub(r"(?<![\w.])(\d+)\.0(?!\d)", r"\1", found) if found else ""

    out, mem = {}, book.mem
    for index, pos in enumerate(book._sh_abs_posn):
        depth, cells, ranges = 0, [], {}  # (a chart in a sheet is a BOF … EOF of its own)
        while pos + 4 <= len(mem):
            rc, size = struct.unpack_from("<HH", mem, pos)
            data, pos = mem[pos + 4:pos + 4 + size], pos + 4 + size
            depth += (rc in (0x0809, 0x0409, 0x0209, 0x0009)) - (rc == 0x000A)
            if depth <= 0:
                break
            if rc in (0x04BC, 0x0221) and len(data) >= 10:  # (SHRFMLA, ARRAY: the range's first cell → its formula)
                at = 10 if rc == 0x04BC else 14
                ranges[struct.unpack_from("<H2xB", data)] = (data[at:at + struct.unpack_from("<H", data, at - 2)[0]],
                                                           FMLA_TYPE_SHARED if rc == 0x04BC else FMLA_TYPE_ARRAY)
            if rc == 0x0006 and len(data) >= 22 and data[0x06] == 3 and data[0x0C:0x0E] == b"\xff\xff":  # (FORMULA, result: empty text)
                row, column, length = *struct.unpack_from("<HH", data), struct.unpack_from("<H", data, 20)[0]
                cells.append((row, column, data[22:22 + length]))
        for row, column, tokens in cells:
            shared = ranges.get(struct.unpack_from("<HH", tokens, 1)) if tokens[:1] == b"\x01" and len(tokens) == 5 else None
            formula = _unsaved(text(*shared, row, column) if shared else "" if tokens[:1] == b"\x01"
                               else text(tokens, FMLA_TYPE_CELL, row, column))
            if formula is not None:
                out[(index, row, column)] = formula
    return out


def _filtered(book, sheet) -> bool:
    """Whether an .xls sheet has an autofilter (its hidden built-in name _FilterDatabase)."""
    return any(name.builtin and name.name == "_FilterDatabase" and name.scope == sheet.number
               for name in getattr(book, "name_obj_list", []))


def _ranges(numbers: list[int]) -> list[str]:
    """Row numbers (ascending) as a spreadsheet user says them: 3, 5, 7–9."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return [str(a) if a == b else f"{a}–{b}" for a, b in spans]


def _counted(what: str, items: list[str]) -> tuple[str, str]:
    """`items` (row numbers, ranges or columns) as English says them after `what` ("row", "column"),
    and the verb: ("row 3", "is"), ("rows 3, 5", "are"), ("rows 3–7", "are")."""
    one = len(items) == 1 and "–" not in items[0]
    return f"{what}{'' if one else 's'} {', '.join(items)}", "is" if one else "are"


class Spanned(str):
    """A text merged across columns (a group's title over its rows: 计算机学院), as _merged reads it."""


def _merged(rows: list[list], ranges) -> list[tuple[int, list]]:
    """`rows` numbered from 1, the value of each merged range (first row, last row, first and last
    column: 1-based) written down its column, as Excel shows it (a school merged over its classes'
    rows is each one's school; across the columns, a title or a heading stays in its first cell,
    a text there Spanned)."""
    for first, last, column, end in ranges:
        if end > column and first <= len(rows) and column <= len(rows[first - 1]) and isinstance(
                rows[first - 1][column - 1], str):
            rows[first - 1][column - 1] = Spanned(rows[first - 1][column - 1])
        for n in range(first + 1, min(last, len(rows)) + 1):
            row = rows[n - 1]
            row.extend([None] * (column - len(row)))
            row[column - 1] = rows[first - 1][column - 1] if column <= len(rows[first - 1]) else None
    return list(enumerate(rows, 1))


STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}  # (a sheet's visibility as .xls writes it)
# A sheet not visible: its warning (a very hidden one is not in Excel's 取消隐藏 list: another hint).
HIDDEN = {"hidden": "W-IMP-005", "veryHidden": "W-IMP-006"}


def _unbroken(text: str) -> str:
    """`text` as Excel shows it: without its line breaks (BREAK: one typed to wrap a cell is no
    part of a value) and the characters that are not seen (UNSEEN: a zero-width space, a soft
    hyphen, a control character pasted from a web page or another system)."""
    text = UNSEEN.sub("", text)
    return BREAK.sub(lambda m: "" if WIDE.match(text[m.start() - 1:m.start()]) or WIDE.match(text[m.end():m.end() + 1])
                     else " ", text)


def _cell(value):
    if isinstance(value, Formula):
        return None
    if isinstance(value, str):  # (a BOM mid-file, two CSVs joined as copy /b a.csv+b.csv does: never meant)
        value = value.replace("\ufeff", "").strip()
    return None if value in ("", None) else value


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------

def _date(value) -> dt.date | None:
    """A date cell, or a date written as 2016-12-01, 2016/12/1, 2016年12月1日 or 20161201, or as
    the serial number Excel keeps it as (42705: a date column whose format was lost)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _whole(_day_text(str(int(value) if isinstance(value, float) else value)))
    if re.fullmatch(r"[1-9]\d{4}", text):  # (Excel's days since 1899-12-30: 10000 to 99999 are 1927 to 2173)
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(text))
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d\d)(\d\d)", text)
    try:
        return dt.date(*map(int, filter(None, m.groups()))) if m else None
    except ValueError:
        return None


def _year(digits: str, today: dt.date) -> int:
    """The year of a cohort's 2026 or its two digits, 26 (26级, 26届): 2026; 98 is 1998, 2098 being
    more than ten years after `today` (--today: no cohort is listed so far ahead)."""
    year = int(digits) + (2000 if len(digits) == 2 else 0)
    return year - 100 if len(digits) == 2 and year > today.year + 10 else year


def _statuses(policy, kind: str) -> tuple[tuple, tuple, dict]:
    """The words of a 状态 cell (as _plain gives it) the policy gives (vocabularies.import_statuses:
    data, as the ledgers' word lists): those saying a record is in use, those saying a record of `kind`
    has ended (either without a leading 已 or 被), and by the heading of a 状态 column asked as a
    question in a list of `kind` (as _heading gives it) the answer that says the record has ended and
    the status it is said as (W-IMP-015, E-IMP-018); the other answer says it is in use.  Any other
    word is E-IMP-004: never read as in use.  (A policy without them: no word known.)  `policy`: the
    policy's values as validate read them (records_errors), None when there is none."""
    data = policy
    words = data.get("vocabularies") if isinstance(data, dict) else None
    words = (words.get("import_statuses") if isinstance(words, dict) else None) or {}
    return (tuple(words.get("in_use") or ()), tuple((words.get("ended") or {}).get(kind) or ()),
            {_heading(a["heading"]): (a["ended"], a["said"]) for a in (words.get("asked") or {}).get(kind) or ()})


def _day_text(text: str) -> str:
    """A date written as text as a date is compared: full-width digits and marks as half-width
    (２０１６－１２－０１, typed in a Chinese input method) and without the time of day a system exports
    with it (2016-12-01 00:00:00, 2016/12/1 0:00)."""
    text = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"(?<=\d)(\s+|T)\d{1,2}:\d\d(:\d\d(\.\d+)?)?$", "", text)


def _shown_date(value):
    """A cell's value as Excel shows it: a date cell without the time nobody typed."""
    return value.date() if isinstance(value, dt.datetime) and value.time() == dt.time() else value


def _year_of(value, first: int, last: int) -> int | None:
    """The cohort a 年级 (入学年份) cell holding a date means: a date cell, or a date written as
    2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日, 2026年9月 or 2026-09 (not 2026.9), is the day of entry, its year; a year
    typed into a cell formatted as a date (2027 shown as 1905-07-19, Excel's day 2027) is that year (a year from `first`
    to `last`, those validate allows)."""
    if isinstance(value, dt.date):
        days = (value - (dt.datetime(1899, 12, 30) if isinstance(value, dt.datetime) else dt.date(1899, 12, 30))).days
        return days if first <= days <= last else value.year
    m = isinstance(value, str) and re.fullmatch(  # (text: a number 2026.5 is no date; nor 2026.5 as text, to the month)
        r"((?:19|20)\d\d)\s*([-/年]|\.(?=.*\d[-/.月]))\s*(\d{1,2})\s*(月|[-/.月]\s*\d{1,2}\s*日?)?", value.strip())
    return int(m.group(1)) if m and 1 <= int(m.group(3)) <= 12 and (m.group(4) in (None, "月") or _date(value)) else None


def _serial(number: int | None, first: int, last: int) -> tuple | None:
    """What E-IMP-004 says of a 年级 cell holding a number that looks like Excel's serial number of a
    date from `first` to `last` (46266: 2026-09-01, an entry date whose date format was lost); None
    for any other value."""
    day = number is not None and 10000 <= number <= 99999 and _date(number)
    if not day or not first <= day.year <= last:
        return None
    typed = int(str(number)[:4])  # (20260: 2026 with a digit too many, as likely as Excel's day 1955-06-20)
    if not first <= typed <= last:
        return (f"入学年份：像是 Excel 的日期序号（即 {day}，这一格原是日期而日期格式丢了）",
                f"a cohort year: it looks like Excel's serial number of the date {day} (a date whose date format was lost)",
                f"入学年份：是这个日期时写 {day.year}（在 Excel 中把这一格设成日期格式，可以看到它是哪一天）",
                f"the cohort year: {day.year} if this date is meant (format the cell as a date in Excel to see which day it is)")
    return (f"入学年份：可能是多打了一位的 {typed}，也可能是 Excel 的日期序号（即 {day}，日期格式丢了）",
            f"a cohort year: it may be {typed} with a digit too many, or Excel's serial number of the date {day} "
            "(a date whose date format was lost)",
            f"入学年份：是 {typed} 级时写 {typed}；是 {day} 这个日期时写 {day.year}（在 Excel 中把这一格设成日期格式，可以看到它是哪一天）",
            f"the cohort year: {typed} if that cohort is meant; {day.year} if the date {day} is meant (format the cell "
            "as a date in Excel to see which day it is)")


def _month_only(value, kind: str) -> tuple | None:
    """What E-IMP-004 says of a date written to the month only (2021.03, 2021年3月, 202103, as 组织部
    lists often write 任职时间): a day is needed, never guessed; None for any other value.  A number cell
    shows 2021.10 as 2021.1: then October is said too.  Where the day is found, by `kind`: a
    cadre's in the 组织部's appointment, another record's in the document that ended it."""
    text = repr(value) if isinstance(value, float) and value != int(value) else _whole(_day_text(str(value)))
    m = re.fullmatch(r"((?:19|20)\d\d)(?:\s*[-/.年]\s*(\d{1,2})\s*月?|(\d\d))", text)  # (201612: run together)
    if not m or not 1 <= int(m.group(2) or m.group(3)) <= 12:
        return None
    year, month = m.group(1), int(m.group(2) or m.group(3))
    meant = f"{year}-{month:02d}-01"
    where = ("任免文件", "组织部", "the appointment's document", "the 组织部") if kind == "cadres" else (
        "正式文件", "发来名单的部门", "the official document", "whoever sent the list")
    zh = f"写明哪一天的日期，如 {meant}（以{where[0]}上的日期为准；不知道是哪一天时请向{where[1]}核实，不要随手填 1 日）"
    en = f"a date with its day, such as {meant} (the day of {where[2]}; if unknown, ask {where[3]}: do not just write the 1st)"
    if isinstance(value, float) and m.group(2) and len(m.group(2)) == 1 and month == 1:
        zh += f"。这一格是数字，{year}.10 也显示成 {year}.1：若是 10 月，写 {year}-10-01 这样的日期"
        en += f". This cell is a number, which shows {year}.10 as {year}.1: if October was meant, write {year}-10-01 or the like"
    return "完整的日期（只写到了月，没有日）", "a whole date (month only, no day)", zh, en


def _integer(value, pattern: str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value == int(value) else None
    m = re.fullmatch(pattern, _whole(str(value)))
    return int(m.group(1)) if m else None


def _whole(text: str) -> str:
    """`text` stripped, a whole number without the “.0” a system that keeps every number as a
    decimal exports it with (年级 2026.0, 人数 30.0, a date's serial 45292.0)."""
    return re.sub(r"^(\d+)\.0+$", r"\1", text.strip())


def pinyin_id(name: str, compound: bool = True) -> str:
    """A cadre's id as the project writes them: surname-given in pinyin (白涛玉 → bai-taoyu,
    吕婷娜 → lyu-tingna, a compound surname whole: 欧阳娜娜 → ouyang-nana); "" when the name has no
    Chinese characters to read.  `compound` False: the id imports wrote before (ou-yangnana), that
    a record may still have."""
    from pypinyin import lazy_pinyin

    from generator.privacy import _COMPOUNDS

    name = re.sub(r"[\s·•.]", "", name)
    surname = next((s for s in sorted(SURNAMES, key=len, reverse=True) if name.startswith(s)), None)
    if compound and name[:2] in _COMPOUNDS and len(name) > 2:  # (read as a word: 澹台 tantai, 尉迟 yuchi)
        first, given = "".join(lazy_pinyin(name[:2])), name[2:]
    elif surname:
        first, given = SURNAMES[surname], name[len(surname):]
    else:
        first, given = "".join(lazy_pinyin(name[:1])), name[1:]
    parts = [re.sub(r"[^a-z0-9]", "", p.lower().replace("v", "yu")) for p in (first, "".join(lazy_pinyin(given)))]
    return "-".join(p for p in parts if p)


def _scalar(value) -> str:
    """`value` as a YAML plain or quoted scalar, as the records write it (dates bare)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, str) and PLAIN.fullmatch(value) and value not in WORDS:
        return value  # (as yaml.safe_dump writes it, ~100 µs a value: 1.9 s of an import of 3,000 classes)
    return yaml.safe_dump(value, allow_unicode=True, width=1 << 20).split("\n...")[0].strip()


def _same(old, new) -> bool:
    return str(old.isoformat() if isinstance(old, dt.date) else old) == str(
        new.isoformat() if isinstance(new, dt.date) else new)


# ---------------------------------------------------------------------------
# The import
# ---------------------------------------------------------------------------

class Row(int):
    """A row number that knows its sheet (`.sheet`: the file as shown, its columns, headings and
    the cohort of its rows that give none)."""

    def __new__(cls, n: int, sheet):
        row = super().__new__(cls, n)
        row.sheet = sheet
        return row

    def of(self, other: "Row") -> tuple[str, str]:
        """Where this row is, as said in a finding about `other` (zh, en)."""
        if self.sheet is other.sheet:
            return f"第 {self} 行", f"row {self}"
        return f"{self.sheet.file} 第 {self} 行", f"row {self} of {self.sheet.file}"


class Jie(int):
    """A cohort given as NNNN届, read as the year of entry (W-IMP-013 says so)."""


def _taken(other: str, what: str, what_en: str) -> dict:
    """E-IMP-008's hint when the row's name is a record's of the id `other`."""
    return {"fix": f"记录中的这个{what}就是编号 {other}：请把表格中这一行的{what}编号改成 {other}（或删去这一行），"
                   f"再运行一次导入；确是另一个{what}时，请改正这一行的名称。",
            "fix_en": f"The record of this {what_en} has the id {other}: write {other} as this row's id (or delete the row) "
                      f"and run the import again; if it is another {what_en}, correct this row's name."}


def _numbered(stem: str, ids: set, numbered: dict) -> str:
    """A new id `stem`NN: the smallest number not taken (`ids`); ids are only added, so none below
    the last `numbered` gave this stem."""
    k = numbered.get(stem, 1)
    while f"{stem}{k:02d}" in ids:
        k += 1
    numbered[stem] = k
    return f"{stem}{k:02d}"


class Importer:
    def __init__(self, records: Path, kind: str, source: Path, cohort: int | None, update: bool, today: dt.date,
                 policy=None):
        self.records, self.kind, self.source, self.cohort, self.today = records, kind, source, cohort, today
        self.update = update
        self.file = display_path(source)
        self.findings: list[F.Finding] = []
        self.unit_ids = self._units()
        self.in_use, self.ended, self.asked = _statuses(policy, kind)
        status = FIELDS[kind]["status"]  # (its headings, and those of the policy's questions: 是否撤销)
        self.fields = {**FIELDS[kind], "status": (*status[:3], [*status[3], *self.asked])}
        self.writes: dict[Path, str] = {}  # file → its new text
        self.summary: list[str] = []  # (zh, en) lines of what is (to be) done
        self.same = 0
        self.dated: dict[tuple, list] = {}  # (file, heading, column) → (row, value, year) of a 年级 written as a date
        self.gone: dict[str, list] = {}  # file → (row, name, status) of the ended rows not recorded: W-IMP-015
        self.jie: dict[str, list] = {}  # file → [where, (zh, en) of what, year, how many] of a 届 read as the year of entry
        from generator.validate import schema_for

        root = schema_for("cadre" if kind == "cadres" else kind)
        schema = root if kind == "cadres" else root["properties"][kind]["items"]
        props = {k: root["$defs"][p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p  # (an id: #/$defs/slug)
                 for k, p in schema["properties"].items()}
        self.longest = {k: p["maxLength"] for k, p in props.items() if "maxLength" in p}
        self.bounds = {k: (p["minimum"], p["maximum"]) for k, p in {**root["properties"], **props}.items()
                       if "minimum" in p}  # (a number's least and most: 人数, and a file's 年级)
        self.records_most = None if kind == "cadres" else root["properties"][kind]["maxItems"]  # (a file's most records)
        self.most = {k: (p["maxItems"], p["items"].get("maxLength")) for k, p in schema["properties"].items()
                     if "maxItems" in p}  # (a list's most items, and each one's most characters)

    def _units(self) -> dict:
        """Unit id by its id, name or short names (one naming two units names neither)."""
        path = self.records / "units.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {} if self.kind != "units" or path.exists() else {}
        keys: dict = {}
        for u in data.get("units") or []:
            if isinstance(u, dict) and u.get("id"):
                for k in (u.get("id"), u.get("name"), *(u.get("short_names") or [])):
                    if k:
                        keys.setdefault(_heading(k), set()).add(u["id"])
        return {k: ids.pop() for k, ids in keys.items() if len(ids) == 1}

    def _ended(self, text: str) -> bool:
        """Whether `text` (as _plain gives it) is an ended status of a record of this kind (注销, 已注销)."""
        return text in self.ended or re.sub(r"^[已被]", "", text) in self.ended

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

    def _points(self, kind: str) -> dict:
        """Id → its file of the records of `kind` (classes or clubs: the contact points, whose
        ids are one namespace; a ledger names either)."""
        paths = sorted((self.records / "classes").glob("*.yaml")) if kind == "classes" else [self.records / "clubs.yaml"]
        return {str(c.get("id")): display_path(p) for p in paths if p.exists()
                for c in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get(kind) or [] if isinstance(c, dict)}

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

    def _use(self, sheet) -> None:
        """Findings from here on are of `sheet` (a Row's sheet)."""
        self.file, self.header_row, self.header, self.found, self.default_cohort, self.remark = (
            sheet.file, sheet.header_row, sheet.header, sheet.found, sheet.cohort, sheet.remark)

    # -- columns -----------------------------------------------------------
    def columns(self, header: list, guessed: bool = False) -> dict[str, int] | None:
        """The column of each field `header` names; `guessed`: no row of the first HEADINGS rows
        was recognised as headings, `header` is the first row (E-IMP-002 says so)."""
        fields = self.fields
        by_heading = {_heading(h): f for f, (_, _, _, hs) in fields.items() for h in hs}
        found: dict[str, int] = {}
        self.parts = {}  # column → the fields it holds (COMBINED)
        self.remark = next((i for i, h in enumerate(header, 1) if _heading(_cell(h)) in REMARKS), None)
        for i, h in enumerate(header, 1):
            h = _cell(h)
            if h is None:
                continue
            norm, where = _heading(h), {"heading": h, "column": letter(i)}
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
                self.add("E-IMP-009", (self.header_row, i), other=_cell(header[found[parts[0]] - 1]),
                         field=fields[parts[0]][0], field_en=fields[parts[0]][1], heading=_cell(header[i - 1]),
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
        fields, shown = self.fields, [f"“{_cell(header[i - 1])}”（{letter(i)} 列）" for i in columns]
        wins = PREFERRED.get((self.kind, field), ())
        best = [k for k, i in enumerate(columns) if _heading(_cell(header[i - 1])) in wins]
        if len(columns) > 1 and len(best) == 1:
            rest = [k for k in range(len(columns)) if k != best[0]]
            self.summary.append((
                f"{self.file}：{WHY[field][0]}取{shown[best[0]]}；{'、'.join(shown[k] for k in rest)}不读（{WHY[field][1]}）",
                f"{self.file}: {WHY[field][2]} is read from '{_cell(header[columns[best[0]] - 1])}' (column "
                f"{letter(columns[best[0]])}); " + ", ".join(f"'{_cell(header[columns[k] - 1])}' (column "
                                                             f"{letter(columns[k])})" for k in rest) + " is not read"))
            return columns[best[0]]
        for i in columns[1:]:
            why = WHY[field] if wins else (None,) * 4 + ("请删除其中一列，只留一列。", "Delete one of the two columns.")
            self.add("E-IMP-009", (self.header_row, i), other=_cell(header[columns[0] - 1]), field=fields[field][0],
                     field_en=fields[field][1], heading=_cell(header[i - 1]), column=letter(i), fix=why[4],
                     fix_en=why[5])
        return columns[0]

    # -- one row -----------------------------------------------------------
    def values(self, n: int, row: list, columns: dict) -> dict | None:
        fields, out, ok = self.fields, {}, True
        for field, i in columns.items():
            value = _cell(row[i - 1]) if i <= len(row) else None
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
                value = _date(value)
                bad = value is None and (_month_only(row[i - 1], self.kind) or (
                    "日期", "a date", "2016-12-01 这样的日期", "a date such as 2016-12-01"))
            elif field == "headcount":
                value, (least, most) = _integer(value, r"(\d+)\s*人?"), self.bounds[field]
                bad = not (value is not None and least <= value <= most) and (
                    f"{least} 到 {most} 之间的人数", f"a headcount from {least} to {most}", "整数，如 30",
                    "a whole number such as 30")
            elif field == "cohort":
                year = _integer(value, r"(\d{4})\s*(级|届|年级|年)?")
                if year is None and (two := re.fullmatch(r"(\d\d)\s*[级届]", _whole(str(value)))):
                    year = _year(two.group(1), self.today)  # (25级)
                first, last = self.bounds[field]
                if year is not None and ("届" in str(value) or "届" in _heading(self.header[i - 1])):
                    self._jie((n, i), (f"第 {n} 行的“{where['heading']}”（{where['column']} 列）“{value}”",
                                       f"row {n}'s '{where['heading']}' (column {where['column']}) '{value}'"), year)
                if year is None and (year := _year_of(value, first, last)) is not None:  # (the day of entry: its year)
                    self.dated.setdefault((self.file, where["heading"], where["column"]), []).append(
                        (n, _shown_date(row[i - 1]), year))
                value = year
                bad = not (value is not None and first <= value <= last) and (_serial(value, first, last) or (
                    f"{first} 到 {last} 之间的入学年份", f"a cohort year from {first} to {last}", "2025 或 2025级",
                    "2025 or 2025级"))
            elif field == "status" and (asked := self.asked.get(_heading(self.header[i - 1]))):
                value = {True: "是", False: "否"}.get(value, _plain(value)) if isinstance(value, bool) else _plain(value)
                if value in ("是", "否") and value != asked[0]:
                    continue  # (in use: as a row without a status)
                value, bad = asked[1], value != asked[0] and (
                    "“是”或“否”", "是 (yes) or 否 (no)", f"“是”或“否”（“{asked[0]}”即{asked[1]}，别的写法导入不猜）",
                    f"是 or 否 ({asked[0]} means {asked[1]}; other words are not guessed)")
            elif field == "status":
                value = _plain(value)
                if re.sub(r"^[已被]", "", value) in self.in_use:
                    out["in_use"] = value  # (in use: as a row without a status, its last day weighed by _gone)
                    continue
                bad = not self._ended(value) and (("认得出的状态", "a status this import knows", (
                    f"在用的写“{self.in_use[0]}”，已结束的写“{'”“'.join(self.ended)}”之一"
                    "（别的写法导入不猜；认得的词在 records/policy.yaml 的 vocabularies.import_statuses 中，可以添加）"),
                    f"{self.in_use[0]} (in use), or one of {', '.join(self.ended)} (ended): other words are not "
                    "guessed (the words known are records/policy.yaml's vocabularies.import_statuses: words may be added there)")
                    if self.in_use and self.ended else ("认得出的状态", "a status this import knows", (
                        "records/policy.yaml 的 vocabularies.import_statuses 中的状态词（现在没有写，导入不认得任何状态："
                        "请先在那里写出在用的 in_use 和各类名单已结束的 ended，见管理员指南“状态列”），或删去这一列"),
                        "a status word of records/policy.yaml's vocabularies.import_statuses (there are none: the import knows "
                        "no status until the words in use, in_use, and ended, ended by list, are written there; see the admin "
                        "guide, 状态列), or remove this column"))
            elif field == "type":
                value = UNIT_TYPES.get(_heading(value))  # (学院（部） read as 学院)
                bad = value is None and ("单位类型", "a unit type", "“学院”（培养学生的学院、部）或“部门”（职能部门）",
                                         "学院 (a school) or 部门 (an office)")
            elif field in ("short_names", "reviewers"):
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
                unit = self.unit_ids.get(_heading(value))
                if unit is None:
                    self.add("E-IMP-005", (n, i), row=n, value=value, column=letter(i),
                             **did_you_mean(value, sorted(self.unit_ids)))
                    ok = False
                    continue
                value = unit
            elif field == "id":
                value = _whole(unicodedata.normalize("NFKC", str(value))).lower()  # (ｃｓ－２０２７－０９: cs-2027-09)
                most = self.longest.get("id")
                bad = not SLUG.fullmatch(value) and ("编号", "an id", "小写字母、数字和连字符，如 zhang-wei",
                                                     "lower-case letters, digits and hyphens, such as zhang-wei") or (
                    most and len(value) > most and (f"不超过 {most} 个字符的编号", f"an id of at most {most} characters",
                                                    f"{most} 个字符以内的编号（可用缩写）", f"an id of at most {most} characters (an abbreviation)"))
            elif field == "git":
                value = unicodedata.normalize("NFKC", str(value)).strip()  # (ｗａｎｇ－ｆａｎｇ: wang-fang)
                bad = not GIT.fullmatch(value) and (
                    "Git 账号", "a Git account", "字母、数字和连字符", "letters, digits and hyphens")
            else:
                value = _unbroken(str(int(value) if isinstance(value, float) and value == int(value) else value).strip())
                value = half(value)  # (计算机２７０１班 → 计算机2701班)
                if field in ("counsellor", "adviser") or field == "name" and self.kind == "cadres":
                    value = PADDING.sub("", value)  # (李　娜, padded to line up with three-character names)
                most = self.longest.get(field)
                bad = most and len(value) > most and (
                    f"不超过 {most} 个字的文字", f"text of at most {most} characters",
                    f"{most} 个字以内（可用简称）", f"at most {most} characters (a short form)")
            if bad:
                expected, expected_en, example, example_en = bad
                self.add("E-IMP-004", (n, i), value=_shown_date(row[i - 1]), expected=expected, expected_en=expected_en,
                         example=example, example_en=example_en, **where)
                ok = False
                continue
            out[field] = value
        if ok and self.remark and self.remark <= len(row) and (said := _plain(_cell(row[self.remark - 1]) or "")):
            self._remarked(n, said, "status" in columns, out)
        return out if ok else None

    def _remarked(self, n: int, said: str, column: bool, out: dict) -> None:
        """A 备注 cell `said` (as _plain gives it) of row `n`: with no status column, the row's status when it
        is one whole (已退休), or one with the day before it (2025年7月15日调离, 已于2025-07-15调离: its last day
        when the row gives none; 2025年7月已调离: the status, the day not guessed) and where to (已合并至XX学院);
        any other text that names an ended status, or a remark that ends a row its status column keeps in
        use, is W-IMP-016: read as the other columns say, never silently."""
        end, words = LAST_DAY.get(self.kind, "until"), self.ended
        if not words:  # (a policy without import_statuses knows no ended word: no remark is one)
            return
        m = re.fullmatch(rf"(?:已于|于|已)?(?P<day>{REMARK_DAY})?(?:已经|已|被)?(?P<word>{'|'.join(map(re.escape, words))})"
                         r"(?:(?:至|到|入|进|为|并入)[^,;。.!?]*)?[。.!]?", said)
        day = m and m.group("day") and _date(m.group("day"))
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

    def _part(self, field: str, value, parts: tuple):
        """The `field` of a COMBINED cell `value` holding `parts`: of 单位及职务 the unit it begins
        with (the longest unit name, id or short name; else its first word, E-IMP-005 saying it is
        no unit) and the whole, without the space or slash after the unit, as the position; of
        姓名/职务 the name before a slash, a bracket or a space (李 娜 padded: its first two
        characters; 欧阳 娜娜: more than its compound surname) and the position after it, None when
        there is none."""
        text = _unbroken(str(value)).strip()
        if parts == ("unit", "position"):
            if field == "position":
                return re.sub(r"\s*[/／]\s*", "", PADDING.sub("", text))
            plain = _plain(text).lower()
            return max((k for k in self.unit_ids if plain.startswith(k)), key=len, default=None) or re.split(
                r"[\s/／]+", text)[0]
        m = re.fullmatch(r"(.+?)\s*[(（]\s*(.+?)\s*[)）]|(.+?)\s*[/／、，,；;]\s*(.+)", text, re.S)
        if m:
            name, position = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        else:
            from generator.privacy import _COMPOUNDS  # (欧阳 娜娜: a compound surname alone is no name)

            words = text.split()
            k = next((k for k in range(1, len(words)) if len(name := "".join(words[:k])) >= 2 and name not in _COMPOUNDS),
                     None)
            if k is None:
                return None
            name, position = "".join(words[:k]), " ".join(words[k:])
        return name if field == "name" else position

    # -- run ---------------------------------------------------------------
    def run(self) -> None:
        """Every sheet whose headings are recognised is read (a sheet of data that has none is
        reported, never skipped silently, and so is a hidden one: often an old list, not read);
        when none has, the first one's missing columns are."""
        sheets, hidden = [], []
        for title, rows, state, hidden_rows, filtered, hidden_cols in read_rows(self.source):
            rows = [(n, r) for n, r in rows if any(_cell(v) is not None for v in r)]
            cols = sorted(c for c in hidden_cols if any(c <= len(r) and _cell(r[c - 1]) is not None for _, r in rows))
            shown = [(n, r) for n, r in ((n, [None if i in hidden_cols else v for i, v in enumerate(r, 1)])
                                         for n, r in rows) if any(_cell(v) is not None for v in r)] if cols else rows
            if rows:
                (hidden if state in HIDDEN else sheets).append((title, shown, state, hidden_rows, filtered, cols, rows))
        for title, rows, state, *_ in hidden:
            self.findings.append(F.make(HIDDEN[state], f"{display_path(self.source)}[{title}]", (rows[0][0], 1),
                                        sheet=title))
        unseen = {title: rest for title, _, _, *rest in sheets}  # (its hidden rows, whether filtered, hidden columns)
        sheets = [(title, rows) for title, rows, *_ in sheets]
        if not sheets:
            raise Unreadable("只有隐藏的工作表有内容，见下面的警告" if hidden else "表格是空的",
                             "only hidden sheets hold data: see the warnings below" if hidden else "the spreadsheet is empty")
        known = {_heading(h) for f in self.fields.values() for h in f[3]}
        heads = []  # (the row of the most headings Excel shows, else a hidden one: W-IMP-009)
        for title, rows in sheets:
            count = {i: sum(_heading(_cell(h)) in known for h in r) for i, (_, r) in enumerate(rows[:HEADINGS])}
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
                hid = next((n for n, r in unseen[title][3][:HEADINGS] if sum(_heading(_cell(h)) in known for h in r) >= 2), None)
                if hid is not None and unseen[title][2]:
                    self._hidden_columns(file, hid, *unseen[title][2:])
                    self.findings.append(F.make("W-IMP-010", file, (hid, 1), sheet=title, row=hid))
                else:
                    self.findings.append(F.make("W-IMP-003", file, (rows[0][0], 1), sheet=title, known=[
                        v[3][0] for v in self.fields.values() if v[2]]))
                continue
            self._hidden_columns(file, rows[at][0], *unseen[title][2:])
            if rows[at][0] in unseen[title][0]:
                self.findings.append(F.make("W-IMP-009", file, (rows[at][0], 1), row=rows[at][0]))
            year = re.fullmatch(r"\D*((?:19|20)\d\d|\d\d)\s*[级届]\D*", title or "")
            year = year and not RANGE.search(title) and _year(year.group(1), self.today)  # (2025级及以前: no row's year)
            first, last = self.bounds.get("cohort", (year, year))
            self.named_year = year and not first <= year <= last and (title, year, first, last)
            sheet = SimpleNamespace(file=file, header_row=rows[at][0], header=[_cell(h) for h in rows[at][1]], found={},
                                    cohort=None if self.named_year else year or self.cohort, remark=None)
            self._use(sheet)
            if year and not self.named_year and self.cohort and year != self.cohort:  # (two years: neither taken)
                self.add("E-IMP-016", (sheet.header_row, 1), sheet=title, year=year, cohort=self.cohort)
            elif year and not self.named_year and "届" in title:
                self._jie((sheet.header_row, 1), (f"工作表名“{title}”", f"the sheet's name '{title}'"), year)
            sheet.found = self.found = self.columns(rows[at][1], guessed)
            sheet.remark = self.remark
            rows = rows[:at + 1] + self._unseen(file, rows[at + 1:], *unseen[title][:2])
            totals = {n: first for n, r in rows[at + 1:] if TOTAL.match(_plain(first := next(
                str(c) for v in r if (c := _cell(v)) is not None)))}
            numbers = {i for i, h in enumerate(rows[at][1], 1) if _heading(_cell(h)) in NUMBERING}
            rest = {n: [str(c) for i, v in enumerate(r, 1) if i not in numbers and (c := _cell(v)) is not None]
                    for n, r in rows[at + 1:] if n not in totals}  # (a row's values but its 序号)
            shown = {n: [str(_cell(v)) for v in r if _cell(v) is not None] for n, r in rows[at + 1:] if n in rest}
            notes = {n: r[0] for n, r in shown.items() if all(NOTE.fullmatch(_plain(c)) for c in r)}  # (序号's column too)
            raw = dict(rows[at + 1:])
            titles = {n: r[0] for n, r in shown.items() if len(r) == 1 and n not in notes and not END.fullmatch(
                _plain(r[0])) and any(isinstance(v, Spanned) for v in raw[n])}  # (a group's title merged across the row)
            notes.update(titles)
            numbered = [n for n, r in rest.items() if not r and n not in notes]  # (a template numbered in advance)
            ended = {n: r[0] for n, r in rest.items() if len(r) == 1 and END.fullmatch(_plain(r[0]))}
            had = len(entries)
            entries += [(Row(n, sheet), v) for n, r in rows[at + 1:] if n in rest and rest[n] and n not in ended | notes
                        and not self._headings(n, r) and (v := self.values(n, r, sheet.found)) is not None]
            by_option = by_option or not year and any("cohort" not in v for _, v in entries[had:])
            if year and not self.named_year:
                self._other_years(title, year, entries[had:])
            if numbered:
                self.summary.append((f"未导入 {file} 第 {'、'.join(_ranges(numbered))} 行：只有序号，没有别的内容",
                                     f"not imported: {_counted('row', _ranges(numbered))[0]} of {file}: a row number and nothing else"))
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
        for file, (pos, (zh, en), year, count) in self.jie.items():
            self.findings.append(F.make("W-IMP-013", file, pos, what=zh, what_en=en, year=year, entered=year - 4,
                                        more=f"等 {count} 处" if count > 1 else "",
                                        more_en=f" and {count - 1} more" if count > 1 else ""))
        if F.has_errors(self.findings):
            return
        getattr(self, self.kind)(entries)
        for file, rows in self.gone.items():
            self._left_ended(file, rows)
        if self.writes and not F.has_errors(self.findings):
            self._manifest()

    def _manifest(self) -> None:
        """records/imports/lists.yaml (MANIFEST) with the files this import writes added to its `records`: a
        check of a past day reads them as the import brought them (git_history.records_on), not as edits made
        after that day; its other lines and comments kept.  E-IMP-019 when it cannot be extended in place."""
        path, rels = self.records / MANIFEST, sorted(p.relative_to(self.records).as_posix() for p in self.writes)
        text = path.read_text(encoding="utf-8") if path.exists() else None
        data = reads(text) if text is not None else {}
        had = data.get("records") if isinstance(data, dict) else None
        wanted = [*(had if isinstance(had, list) else []), *(r for r in rels if not isinstance(had, list) or r not in had)]
        if isinstance(had, list) and len(wanted) == len(had):
            return
        try:
            if text is None:
                out = f"source: {MANIFEST_SOURCE}\nrecords:\n" + "".join(f"  - {r}\n" for r in wanted)
            elif not isinstance(data, dict) or had is not None and not isinstance(had, list):
                raise Unmergeable(None)
            else:
                out = patch(text, yaml.compose(text), {"records": wanted}, "")
            self.writes[path] = read_back(out, lambda d: d.get("records") == wanted)
        except (Unmergeable, yaml.YAMLError):
            self.findings.append(F.make("E-IMP-019", display_path(path), None, record=display_path(path),
                                        files="、".join(rels), files_en=", ".join(rels)))
            return
        self.summary.append((f"{MSG['updated']['zh'] if text is not None else MSG['new']['zh']} {display_path(path)}"
                             f"（导入清单的 records 加上 {'、'.join(r for r in rels if r in wanted[len(had or []):])}）",
                             f"{MSG['updated']['en'] if text is not None else MSG['new']['en']} {display_path(path)} "
                             f"(the import manifest's records: {', '.join(r for r in rels if r in wanted[len(had or []):])} added)"))

    def _gone(self, n: Row, v: dict, old: dict | None, record: str) -> bool:
        """Whether the row `v` is not imported for its ended status (注销, 撤销, 调离 …) with no day
        it ended: a record of none (W-IMP-015 lists it), or one `old` of `record` still in use, which
        is not ended without its day (E-IMP-018).  Given the day, the row is imported (a record of
        an ended club, class or cadre; `old` ended with --update); so is one whose record has ended."""
        status, in_use, end = v.pop("status", None), v.pop("in_use", None), LAST_DAY.get(self.kind, "until")
        self._today(n, status or in_use, in_use is not None, v.get(end), end)
        if in_use and end not in v and old and (last := _date(old.get(end) or "")) and last < self.today:
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
        rows_en, be_en = _counted("row", _ranges([n for n, *_ in rows]))
        self.findings.append(F.make(
            "W-IMP-015", file, (first, first.sheet.found.get("status") or first.sheet.remark), rows="、".join(_ranges([n for n, *_ in rows])),
            rows_en=rows_en, be_en=be_en, names="、".join(names) + (f" 等 {len(rows)} 行" if more else ""),
            names_en=", ".join(names) + (f" and {more} more" if more else ""), statuses="、".join(statuses),
            statuses_en=", ".join(statuses), end=end[0], end_en=end[1], ended="、".join(self.ended), ended_en=", ".join(self.ended),
            what=WHAT[self.kind][0], what_en=WHAT[self.kind][1], gone=WHAT[self.kind][2], gone_en=WHAT[self.kind][3]))

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
        at = "、".join(_ranges([n for n, _, _ in rows]))
        self.summary.append((
            f"{file} 第 {at} 行的“{heading}”（{column} 列）是日期，按它的年份读作年级（如 "
            + "、".join(f"{v} 读作 {y}" for v, y in seen) + "）"
            + ("；1905 年的日期是在设成日期格式的格中输入的年份（Excel 把 2027 当作第 2027 天显示）" if typed else "")
            + "：请核对",
            f"{_counted('row', _ranges([n for n, _, _ in rows]))[0]} of {file}: '{heading}' (column {column}) holds "
            + ("a date, read as its year (" if len(rows) == 1 else "dates, read as their years (")
            + ", ".join(f"{v} as {y}" for v, y in seen) + ")"
            + ("; a date in 1905 is a year typed into a cell formatted as a date (Excel shows 2027 as its day 2027)"
               if typed else "") + ": check them"))

    def _left_out(self, file: str, rows: dict, zh: str, en: tuple[str, str]) -> None:
        """The summary's line for the rows of `rows` (row number → its first value) not imported;
        `en`: what one row is, what several are."""
        if rows:
            self.summary.append((f"未导入 {file} " + "、".join(f"第 {n} 行（{t}）" for n, t in rows.items()) + f"：{zh}",
                                 "not imported: " + _counted("row", [f"{n} ({t})" for n, t in rows.items()])[0]
                                 + f" of {file}: {en[len(rows) > 1]}"))

    def _unseen(self, file: str, rows: list, hidden: set, filtered: bool) -> list:
        """`rows` but those hidden (by an autofilter or by hand): not imported, as Excel does not
        show them (a list filtered to one school is that school's), and named by W-IMP-007."""
        if not (left := [(n, r) for n, r in rows if n in hidden]):
            return rows
        names = [_cell(r[i - 1]) if (i := self.found.get("name")) and i <= len(r) else None for _, r in left]
        named = [str(v) for v in names if v is not None][:5]
        more = len(left) - len(named)
        rows_en, be_en = _counted("row", _ranges([n for n, _ in left]))
        self.findings.append(F.make("W-IMP-007", file, (left[0][0], 1), rows=_ranges([n for n, _ in left]),
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
        named = [(letter(c), h if c <= len(header) and (h := _cell(header[c - 1])) is not None else None)
                 for c in columns]
        self.findings.append(F.make("W-IMP-008", file, (header_row, columns[0]), columns="、".join(
            f"{c} 列" + (f"（{h}）" if h is not None else "") for c, h in named), **dict(zip(("columns_en", "be_en"), _counted(
                "column", [c + (f" ({h})" if h is not None else "") for c, h in named])))))

    def _headings(self, n: int, row: list) -> bool:
        """Whether row `n` repeats the headings (a second heading row, its cells merged with the
        first's, or the headings again on each printed page): not a record.  A column whose cell
        there is a heading of its own (人数 over 男 and 女) is E-IMP-012."""
        cells = {i: _cell(row[i - 1]) for i in self.found.values() if i <= len(row) and _cell(row[i - 1]) is not None}
        if not any(_heading(c) == _heading(self.header[i - 1]) for i, c in cells.items()):
            return False
        for i, c in cells.items():
            if _heading(c) != _heading(self.header[i - 1]):
                self.add("E-IMP-012", (n, i), heading=self.header[i - 1], column=letter(i), sub=c, row=n)
        return True

    def _differs(self, n: int, record: str, old: dict, new: dict) -> dict:
        """The values of `new` that `old` has otherwise (to change with --update, else reported:
        E-IMP-007); a record the same as its row is counted as such."""
        changed = {k: v for k, v in new.items() if k != "id" and not _same(old.get(k), v)}
        if not changed:
            self.same += 1
        elif not self.update:
            def shown(value):  # (as the cell or the record shows it: a date written "2021-03-01" without its quotes)
                return _shown(value) if isinstance(value, str) else _scalar(value)
            names, was = self.fields, {k: shown(old[k]) if k in old else "" for k in changed}
            since = _date(old.get("active_from") or "") if self.kind == "cadres" else None
            later = since is not None and isinstance(changed.get("active_from"), dt.date) and changed["active_from"] > since
            note = ({"active_from": "（加 --update 时这是现任职务的开始：任职开始不改，原职务记入 earlier）"} if later else {},
                    {"active_from": " (with --update, the start of the present post: active_from is kept, the old post "
                                    "goes into earlier)"} if later else {})
            self.add("E-IMP-007", (n, self.found.get(next(iter(changed)), 1)), row=n, record=record,
                     changes=[f"{names[k][0]} “{was[k]}” → “{shown(v)}”{note[0].get(k, '')}" for k, v in changed.items()],
                     changes_en=[f"{names[k][1]} '{was[k]}' → '{shown(v)}'{note[1].get(k, '')}" for k, v in changed.items()])
            return {}
        return changed

    def classes(self, entries) -> None:
        files = {}  # cohort → (path, text, data)
        ids, names = set(), {}
        numbered: dict[str, int] = {}  # "<unit>-<cohort>-" → the number its last new id was given
        named: dict[str, list] = {}  # class name → (id, cohort, unit, where) of the records, then of the rows
        for path in sorted((self.records / "classes").glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            data, lines = yaml.safe_load(text) or {}, _item_lines(text, "classes")
            for i, c in enumerate(data.get("classes") or []):
                ids.add(str(c.get("id")))
                if isinstance(c, dict) and c.get("name"):
                    where = display_path(path) + (f":{lines[i]}" if i < len(lines) else "")
                    named.setdefault(_plain(c["name"]), []).append(
                        (c.get("id"), data.get("cohort") or path.stem, c.get("unit"), where))
        new_items: dict[int, list] = {}
        changes: dict[int, dict] = {}  # cohort → {index: changed values}
        rows: dict[int, dict] = {}  # cohort → {index: its row; None: the first row that adds or changes}
        full: dict[int, tuple] = {}  # cohort → (path, its records, the rows it has no room for)
        clubs = self._points("clubs")
        ids |= set(clubs)
        for n, v in entries:
            self._use(n.sheet)
            if self._other_point(n, v.get("id"), clubs, "社团", "club"):
                continue
            cohort = v.pop("cohort", None) or self.default_cohort
            if cohort not in files:
                path = self.records / "classes" / f"{cohort}.yaml"
                text = path.read_text(encoding="utf-8") if path.exists() else None
                files[cohort] = (path, text, (yaml.safe_load(text) or {}) if text else {})
            path, text, data = files[cohort]
            existing = data.get("classes") or []
            key = (cohort, v["unit"], _plain(v["name"]))  # (a name recurs in two units: two classes, E-REF-022)
            if key in names or (v.get("id") and v["id"] in names):
                self.add("E-IMP-006", (n, 1), row=n, **self._first(names.get(key) or names[v["id"]], n), what=v["name"])
                continue
            names[key] = n
            if v.get("id"):
                names[v["id"]] = n
            match = next((i for i, c in enumerate(existing) if (c.get("id") == v["id"] if v.get("id") else
                                                                (c.get("unit"), _plain(c.get("name"))) == key[1:])), None)
            other = next((c for c in existing if (c.get("unit"), _plain(c.get("name"))) == key[1:]),
                         None) if match is None else None
            if other is not None and v.get("id"):  # (the same class in two lists, one with a 班级编号: not added twice)
                self.add("E-IMP-008", (n, 1), row=n, record=f"{display_path(path)} {other['id']}",
                         reason=f"班级“{other['name']}”已有编号 {other['id']}", reason_en=f"class '{other['name']}' has the id {other['id']}",
                         **_taken(other["id"], "班级", "class"))
                continue
            if match is not None and _plain(existing[match].get("name")) == key[2]:
                v["name"] = existing[match]["name"]  # (as the record writes it: not a change)
            record = f"{display_path(path)} {existing[match]['id']}" if match is not None else None
            if self._gone(n, v, existing[match] if match is not None else None, record):
                continue
            if match is None and v.get("id") in ids:
                self.add("E-IMP-008", (n, 1), row=n, record=v["id"], reason="这个班级编号已用于别的年级",
                         reason_en="this class id is used in another cohort",
                         fix="请改正表格这一行的班级编号（编号不分年级，不能重用），或核对它的年级是否写错。",
                         fix_en="Correct this row's class id (ids are unique over all cohorts), or check whether its cohort is wrong.")
                continue
            self._namesake(n, v, existing[match]["id"] if match is not None else v.get("id"), cohort, named)
            if match is not None:
                changed = self._differs(n, record, existing[match], v)
                if changed:
                    changes.setdefault(cohort, {})[match] = changed
                    rows.setdefault(cohort, {None: n})[match] = n
                    self.summary.append((f"{MSG['updated']['zh']} {record}", f"{MSG['updated']['en']} {record}"))
                continue
            if len(existing) + len(new_items.get(cohort, [])) >= self.records_most:
                full.setdefault(cohort, (path, len(existing), []))[2].append(n)
                continue
            if not v.get("id"):
                v["id"] = _numbered(f"{v['unit']}-{cohort}-", ids, numbered)
            ids.add(v["id"])
            named[key[2]][-1] = (v["id"], *named[key[2]][-1][1:])
            item = {k: v[k] for k in ORDER["classes"] if k in v}
            new_items.setdefault(cohort, []).append(item)
            rows.setdefault(cohort, {None: n})[len(existing) + len(new_items[cohort]) - 1] = n
            self.summary.append((f"{MSG['new']['zh']} {display_path(path)} {item['id']}（{item['name']}）",
                                 f"{MSG['new']['en']} {display_path(path)} {item['id']} ({item['name']})"))
        for path, had, over in full.values():
            self._full(path, had, over, "个年级", "a cohort", "个班级", "classes",
                       ("年级、学院是否写对", "their cohort and school"))
        for cohort, (path, text, data) in files.items():
            if cohort not in new_items and cohort not in changes:
                continue
            if text is None:  # (a cohort's first classes: its file made, and said)
                text = f"cohort: {cohort}\nclasses:\n"
                root = None
                self.summary.append((f"新建 {display_path(path)}：还没有这个文件，上面新增的 {cohort} 级班级都写在其中",
                                     f"new file {display_path(path)}: there was none; the classes of {cohort} added above go into it"))
            else:
                root = yaml.compose(text)
            self._write(path, rows[cohort], lambda: merge_list(text, root, "classes", changes.get(cohort, {}),
                                                               new_items.get(cohort, [])))

    def _full(self, path: Path, had: int, over: list, where: str, where_en: str, what: str, what_en: str,
              check: tuple) -> None:
        """E-IMP-008 at the first of the rows `over` that `path`, holding `had` records, has no room
        for: validate allows the schema's maxItems in it."""
        n, most = over[0], self.records_most
        self._use(n.sheet)
        self.add("E-IMP-008", (n, self.found.get("name", 1)), row=n, record=display_path(path), reason=(
            f"validate 允许一{where}至多 {most} {what}，{display_path(path)} 已有 {had} 个，连同表格上面各行已满；"
            + (f"这一行起共 {len(over)} 行放不下。请核对这些行" if len(over) > 1 else "这一行放不下。请核对它")
            + f"（{check[0]}，是否重复登记）"),
            reason_en=f"validate allows at most {most} {what_en} in {where_en}, {display_path(path)} has {had}, "
                      "and with the rows above it is full: " + (
                          f"this row and {len(over) - 1} more do not fit. Check these rows" if len(over) > 1
                          else "this row does not fit. Check it") + f" ({check[1]}, or whether they are listed twice)",
            fix="请按上面说的核对表格，删去不该有的行，再运行一次导入。",
            fix_en="Check the spreadsheet as said above, delete the rows that should not be there and run the import again.")

    def _namesake(self, n: Row, v: dict, ident, cohort: int, named: dict) -> None:
        """W-IMP-004 when another class, a record or a row, has this row's name (under another
        cohort or unit: most often a typo or the class entered twice); the row is then one of them."""
        others = named.setdefault(_plain(v["name"]), [])
        other = next((o for o in others if ident is None or o[0] != ident), None)
        if other:
            self.add("W-IMP-004", (n, self.found["name"]), row=n, name=v["name"], cohort=cohort, unit=v["unit"],
                     other_id=other[0] or "", other_cohort=other[1], other_unit=other[2], other=other[3])
        others.append((ident, cohort, v["unit"], f"{self.file}:{n}"))

    def _write(self, path: Path, rows: dict, make) -> None:
        """The new text of `path` is make()'s; a record that cannot be changed in place is
        E-IMP-008 at the row whose change it refused, naming the file's line; a new record that
        does not read back as written is E-IMP-011, saying which value."""
        try:
            self.writes[path] = make()
            data = reads(self.writes[path]) if self.kind != "cadres" else None  # (a cadre's: read_new)
            if data is not None and (error := _invalid(self.kind, data)) is not None:
                at = list(error.path)[1:2]  # (the list's item, as validate would say)
                raise _refused(error, data[self.kind][at[0]] if at else data, self.fields, at[0] if at else None)
        except Unmergeable as exc:
            n = rows.get(exc.index) or rows[None]
            self._use(n.sheet)
            line = f":{exc.line}" if exc.line else ""
            if exc.reason:
                self.add("E-IMP-011", (n, self.found.get(exc.key, 1)), row=n, record=display_path(path),
                         reason=exc.reason[0], reason_en=exc.reason[1], **self._unfit(exc))
                return
            self.add("E-IMP-008", (n, self.found.get(exc.key, 1)), row=n, record=f"{display_path(path)}{line}",
                     reason="这一处不是本系统写记录的样子（如写成了 [ ] 的记录列表、多行的值），无法就地修改；"
                            "请照同一文件中其他记录的写法改好这一处，或手工修改",
                     reason_en="it is not written as the project writes records (a [ ] list of records, a value "
                               "on several lines) and cannot be changed in place; write it as the file's other "
                               "records are written, or edit it by hand",
                     fix="请把这一处改成一项一行，每项以“- ”开头、每个值各占一行（照同一文件中其他记录的写法），再运行一次导入；"
                         "也可以把这一行的内容手工写进记录。",
                     fix_en="Write it one item per line, each starting with '- ' and each value on a line of its own (as the "
                            "file's other records are written), then run the import again; or add this row to the record by hand.")

    def _unfit(self, exc: "Unmergeable") -> dict:
        """E-IMP-011's hint for the cause at hand: an id the import made too long, a value taken from
        records/units.yaml, another value validate refuses, or a value that reads back otherwise."""
        names = self.fields
        if exc.schema and exc.key == "id" and "id" not in self.found:
            return {"fix": f"这个编号是导入按单位编号生成的，单位编号太长：请在表格中加一列“{names['id'][0]}”，为各行写出较短的编号，再运行一次导入。",
                    "fix_en": f"The import made this id from the unit's id, which is too long: add a column '{names['id'][0]}' "
                              "giving each row a shorter id, and run the import again."}
        if exc.schema and exc.key == "unit":
            return {"fix": "这个值取自 records/units.yaml 中的单位编号：请先运行 python -m generator validate 改正那个单位，再运行一次导入。",
                    "fix_en": "This value is a unit id of records/units.yaml: run python -m generator validate and correct "
                              "that unit first, then run the import again."}
        if exc.schema:
            return {"fix": "请在表格中改正这一格，使它合乎上面说的要求，再运行一次导入；仍然不行时，请把这一行手工写成记录。",
                    "fix_en": "Correct this cell in the spreadsheet as said above and run the import again; if it persists, "
                              "write this row as a record by hand."}
        return {"fix": "读回来的值与表格不同，多半是这一格中有看不见的特殊字符：请在 Excel 中重新输入这一格，再运行一次导入；"
                       "仍然如此时，请把这一行手工写成记录。",
                "fix_en": "A value that reads back otherwise than the spreadsheet has most often holds a character that "
                          "cannot be seen: type the cell again in Excel and run the import again; if it persists, write "
                          "this row as a record by hand."}

    def cadres(self, entries) -> None:
        folder = self.records / "cadres"
        existing = {p.stem: p for p in folder.glob("*.yaml")}
        names = {p: (yaml.safe_load(p.read_text(encoding="utf-8")) or {}) for p in existing.values()}
        taken: dict[str, tuple] = {}  # id → (row, name) of this spreadsheet
        named = {_plain(d.get("name")): (p.stem, d.get("unit")) for p, d in sorted(names.items(), reverse=True)
                 if isinstance(d, dict)}  # name as compared → (id, unit) of a cadre's record
        for n, v in entries:
            self._use(n.sheet)
            ident = v.pop("id", None)
            if ident is None:
                base = pinyin_id(v["name"])
                if not base:
                    i = self.found["name"]
                    self.add("E-IMP-004", (n, i), row=n, heading=self.header[i - 1], column=letter(i), value=v["name"],
                             expected="汉字姓名", expected_en="a name in Chinese characters",
                             example="汉字姓名，或加一列“编号”写出干部编号",
                             example_en="a name in Chinese characters, or add an '编号' (id) column")
                    continue
                k, ident = 1, base
                was = pinyin_id(v["name"], compound=False)  # (a compound surname's record imported as ou-yangnana)
                if base not in existing and was in existing and names[existing[was]].get("name") == v["name"]:
                    base = ident = was
                # the first of bai-taoyu, bai-taoyu-2, … that is this person's or no one's
                while (taken[ident][1] if ident in taken else names[existing[ident]].get("name")
                       if ident in existing else None) not in (None, v["name"]):
                    k += 1
                    ident = f"{base}-{k}"
            if ident in taken:
                self.add("E-IMP-006", (n, 1), row=n, **self._first(taken[ident][0], n), what=f"{v['name']} {ident}")
                continue
            taken[ident] = (n, v["name"])
            path = folder / f"{ident}.yaml"
            if self._gone(n, v, names[existing[ident]] if ident in existing else None, display_path(path)):
                continue
            if ident in existing:
                old, text = names[existing[ident]], path.read_text(encoding="utf-8")
                if old.get("unit") and old["unit"] != v["unit"]:  # a move keeps its history: earlier
                    self.add("E-IMP-010", (n, self.found["unit"]), row=n, record=display_path(path), old=old["unit"],
                             new=v["unit"])
                    continue
                ends = [d for e in old.get("earlier") or [] if isinstance(e, dict) and (d := _date(e.get("until") or ""))]
                since = _date(old.get("active_from") or "")
                if ends and v.get("active_from") == max(ends) + dt.timedelta(days=1):  # (the present post's start: recorded)
                    v["active_from"] = since or v["active_from"]
                elif self.update and ends and (since or dt.date.min) < v["active_from"] <= max(ends):
                    self.add("E-IMP-017", (n, self.found["active_from"]), row=n, start=v["active_from"], until=max(ends),
                             record=display_path(path))  # (an older list: its post is history already)
                    continue
                elif since and v["active_from"] > since and _same(old.get("position"), v["position"]):
                    v["active_from"] = since  # (the start of the post the record has: nothing to change, nothing to say)
                changed = self._differs(n, display_path(path), old, v)
                post = self._promoted(n, path, old, changed) if changed else None
                if changed:
                    self._write(path, {None: n}, lambda: self._cadre_text(text, old, changed, post))
                    self.summary.append((f"{MSG['updated']['zh']} {display_path(path)}",
                                         f"{MSG['updated']['en']} {display_path(path)}"))
                continue
            if (other := named.get(_plain(v["name"]))) is not None:  # (one person in two lists under two ids)
                self.add("W-IMP-011", (n, self.found["name"]), row=n, name=v["name"], id=ident, other_id=other[0],
                         other_unit=other[1], other=display_path(existing[other[0]]))
            record = {k: v[k] for k in ORDER["cadres"] if k in v}
            self._write(path, {None: n}, lambda: read_new("".join(f"{k}: {_scalar(x)}\n" for k, x in record.items()),
                                                          record, "cadre"))
            self.summary.append((f"{MSG['new']['zh']} {display_path(path)}（{v['name']}，{v['position']}）",
                                 f"{MSG['new']['en']} {display_path(path)} ({v['name']}, {v['position']})"))

    def _promoted(self, n: Row, path: Path, old: dict, changed: dict) -> dict | None:
        """A cadre's --update in the same unit (a move is E-IMP-010): a 任职日期 later than the
        record's active_from is the start of the present post, not of being a cadre, and is not
        written; the post it replaces is returned as an `earlier` one (until the day before).
        W-IMP-012 says what is replaced and what kept, never silently."""
        since, start = _date(old.get("active_from") or ""), changed.get("active_from")
        later = start is not None and since is not None and start > since
        if later:
            del changed["active_from"]
        if "position" not in changed and not later:
            return None
        post = {"until": start - dt.timedelta(days=1), "unit": old["unit"],
                "position": old["position"]} if later and "position" in changed and old.get("position") else None
        name, was, now = old.get("name"), old.get("position"), changed.get("position")
        record, kept = display_path(path), (f"；任职开始仍为 {since}（表格的 {start} 是现任职务的开始）" if later else "",
                                            f"; active_from stays {since} ({start}, in the spreadsheet, began the present post)"
                                            if later else "")
        if post:
            zh = f"{name}的职务“{was}”→“{now}”，原职务记入 {record} 的 earlier（至 {post['until']}）"
            en = f"{name}'s position '{was}' → '{now}', the earlier one kept in {record}'s earlier (until {post['until']})"
        else:  # (a later 任职日期 of the post the record has is no change: cadres() kept active_from)
            zh = f"{name}的职务“{was}”被“{now}”替换，没有记入 earlier（表格没有写比任职开始更晚的任职日期）"
            en = f"{name}'s position '{was}' is replaced by '{now}' with no earlier post kept (no 任职日期 later than active_from)"
        self.add("W-IMP-012", (n, self.found.get("position", 1)), row=n, what=zh + kept[0],
                 what_en=en + kept[1], record=record)
        return post

    def _cadre_text(self, text: str, old: dict, changed: dict, post: dict | None) -> str:
        """A cadre's file `text` with the values `changed` and the earlier post `post` added."""
        out = patch(text, yaml.compose(text), changed, "") if changed else text
        if post:
            root = yaml.compose(out) if "earlier" in old else None
            out = merge_list(out if root else out.rstrip("\n") + "\nearlier:\n", root, "earlier", {}, [post])
        posts = [*(old.get("earlier") or []), post] if post else old.get("earlier")
        return read_back(out, lambda data: data == _read({**old, **changed, **({"earlier": posts} if posts else {})}))

    def units(self, entries) -> None:
        self._listed(entries, "单位", "unit", lambda u: _heading(u.get("name")),
                     ("是不是单位，还是班级、科室", "whether each is a unit, not a class or an office"), {"reviewers": []})

    def clubs(self, entries) -> None:  # (a name recurs in two units, 篮球协会 of two schools: two clubs)
        self._listed(entries, "社团", "club", lambda c: (c.get("unit"), _plain(c.get("name"))),
                     ("是不是社团、是否重复登记", "whether each is a club, or listed twice"))

    def _listed(self, entries, what: str, what_en: str, key, check: tuple, defaults: dict | None = None) -> None:
        """The rows `entries` merged into records/<kind>.yaml, one list of records (units, clubs):
        a record matched by its id, else (with no id) by `key` (a unit's name; a club's unit and
        name); a new one without an id is club-<unit>-NN (a unit's id is required)."""
        kind = self.kind
        path = self.records / f"{kind}.yaml"
        text = path.read_text(encoding="utf-8") if path.exists() else None
        existing = ((yaml.safe_load(text) or {}) if text else {}).get(kind) or []
        by_id = {u.get("id"): i for i, u in enumerate(existing) if isinstance(u, dict)}
        names = {key(u): u.get("id") for u in existing if isinstance(u, dict)}
        namesakes = {_plain(u.get("name")): u for u in existing if isinstance(u, dict)}  # (a club under another unit)
        others = self._points("classes") if kind == "clubs" else {}
        ids, numbered = set(by_id) | set(others), {}
        seen, changes, items, rows, over = {}, {}, [], {}, []
        for n, v in entries:
            self._use(n.sheet)
            if self._other_point(n, v.get("id"), others, "班级", "class"):
                continue
            first = seen.get(v.get("id")) or seen.get(key(v))
            if first:
                self.add("E-IMP-006", (n, 1), row=n, **self._first(first, n), what=f"{v.get('id') or ''} {v['name']}".strip())
                continue
            ident = v.get("id") or names.get(key(v))
            if self._gone(n, v, existing[by_id[ident]] if ident in by_id else None, f"{display_path(path)} {ident}"):
                continue
            v["id"] = v.get("id") or names.get(key(v)) or _numbered(f"{what_en}-{v['unit']}-", ids, numbered)
            ids.add(v["id"])
            seen[v["id"]] = seen[key(v)] = n
            record = f"{display_path(path)} {v['id']}"
            if v["id"] in by_id:
                if changed := self._differs(n, record, existing[by_id[v["id"]]], v):
                    changes[by_id[v["id"]]] = changed
                    rows.setdefault(None, n)
                    rows[by_id[v["id"]]] = n
                    self.summary.append((f"{MSG['updated']['zh']} {record}", f"{MSG['updated']['en']} {record}"))
                continue
            if names.get(key(v)) not in (None, v["id"]):
                other = names[key(v)]
                self.add("E-IMP-008", (n, self.found.get("id", 1)), row=n, record=f"{display_path(path)} {other}",
                         reason=f"{what}“{v['name']}”已有编号 {other}", reason_en=f"{what_en} '{v['name']}' has the id {other}",
                         **_taken(other, what, what_en))
                continue
            if len(existing) + len(items) >= self.records_most:
                over.append(n)
                continue
            item = {**(defaults or {}), **v}
            items.append({k: item[k] for k in ORDER[kind] if k in item})
            rows.setdefault(None, n)
            rows[len(existing) + len(items) - 1] = n
            other = namesakes.get(_plain(v["name"])) if kind == "clubs" else None
            said = (f"；{display_path(path)} 已有同名社团 {other.get('id')}，指导单位 {other.get('unit')}：若是同一个社团换了指导单位，"
                    "请在表格中写出它的社团编号，再加 --update", f"; {display_path(path)} has a club of this name, "
                    f"{other.get('id')}, supervised by {other.get('unit')}: if it is that club under a new unit, give its "
                    "id in the spreadsheet and add --update") if other else ("", "")
            self.summary.append((f"{MSG['new']['zh']} {record}（{v['name']}{said[0]}）",
                                 f"{MSG['new']['en']} {record} ({v['name']}{said[1]})"))
        if over:
            self._full(path, len(existing), over, f"份{what}名单", f"the list of {kind}", f"个{what}", kind, check)
        if items and text is None:  # (the first list of clubs or units: made, and said)
            self.summary.append((f"新建 {display_path(path)}：还没有这个文件，上面新增的{what}都写在其中",
                                 f"new file {display_path(path)}: there was none; the {kind} added above go into it"))
        if changes or items:
            self._write(path, rows, lambda: merge_list(text or f"{kind}:\n", yaml.compose(text) if text else None,
                                                       kind, changes, items))


# ---------------------------------------------------------------------------
# Editing YAML text in place (comments and order kept)
# ---------------------------------------------------------------------------

def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _last(node) -> int:
    """Where the last value written inside `node` ends (not the comments and blank lines after it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def _item_lines(text: str, key: str) -> list[int]:
    """The line (1-based) where each item of the block list `key` of `text` starts."""
    root = yaml.compose(text)
    seq = next((v for k, v in root.value if k.value == key), None) if isinstance(root, yaml.MappingNode) else None
    return [item.start_mark.line + 1 for item in seq.value] if isinstance(seq, yaml.SequenceNode) else []


class Unmergeable(ValueError):
    """A record's file not written as the project writes it: the line (1-based) where, the key
    and the list item (index) whose change it refused, when known."""

    def __init__(self, line: int | None, key: str | None = None, index: int | None = None, reason=None,
                 schema: bool = False):
        super().__init__(line)
        self.line, self.key, self.index, self.reason = line, key, index, reason  # reason: (zh, en) of read_new
        self.schema = schema  # (the value would not pass validate: not one that reads back otherwise)


def _block_list(text: str, node: yaml.SequenceNode, value: list) -> list:
    """The edit that makes block list `node` (lines '- a') read `value`: an item it keeps is its
    own lines (the comments on it and on the lines above it: a comment line is about the item
    below it, the first one's too), a new one a line of its own; an item left out goes with them."""
    if not value or not all(isinstance(item, yaml.ScalarNode) for item in node.value):
        raise Unmergeable(node.start_mark.line + 1)
    first = node.value[0].start_mark
    top = first.index - first.column
    while top and text[text.rfind("\n", 0, top - 1) + 1:top].lstrip().startswith("#"):
        top = text.rfind("\n", 0, top - 1) + 1  # (the comment lines above the first item)
    bounds = [top] + [_line_end(text, item.end_mark.index) for item in node.value]
    lines: dict = {}
    for i, item in enumerate(node.value):
        lines.setdefault(item.value, text[bounds[i]:bounds[i + 1]].rstrip("\n") + "\n")
    dash = text[first.index - first.column:first.index]  # ('      - ', as the first item is written)
    return [(bounds[0], bounds[-1], "".join(lines.get(str(v)) or f"{dash}{_scalar(v)}\n" for v in value))]


def patch(text: str, node: yaml.MappingNode, values: dict, indent: str) -> str:
    """`text` with the scalar values of mapping `node` in `values` replaced where they are (a block
    list's item by item), and the keys it lacks added after its last line (at `indent`)."""
    edits = []  # (start, end, new text)
    present = {k.value: v for k, v in node.value}
    last = _last(node)
    for key, value in values.items():
        if key in present:
            v = present[key]
            if isinstance(v, yaml.SequenceNode) and not v.flow_style and isinstance(value, list):
                try:
                    edits += _block_list(text, v, value)
                except Unmergeable as exc:
                    raise Unmergeable(exc.line, key) from None
                continue
            if not (isinstance(v, yaml.ScalarNode) or isinstance(v, yaml.SequenceNode) and v.flow_style):
                raise Unmergeable(v.start_mark.line + 1, key)
            edits.append((v.start_mark.index, v.end_mark.index, _scalar(value)))
        else:
            at = _line_end(text, last - 1)
            edits.append((at, at, f"{indent}{key}: {_scalar(value)}\n", 1))  # (after a list's new items there)
    for start, end, new, *_ in sorted(edits, key=lambda e: (e[0], len(e)), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def merge_list(text: str, root, key: str, changes: dict, items: list) -> str:
    """`text` of a file whose `key` is a block list of mappings: the items at the indexes of
    `changes` patched, `items` appended after its last item."""
    if root is None:
        base, dash = text, "  "
    else:
        seq = next((v for k, v in root.value if k.value == key), None)
        if not isinstance(seq, yaml.SequenceNode) or seq.flow_style or not seq.value:
            raise Unmergeable((seq or root).start_mark.line + 1)
        first = seq.value[0]
        dash = text[text.rfind("\n", 0, first.start_mark.index) + 1:first.start_mark.index][:-2]
        odd = next((v for v in seq.value if not isinstance(v, yaml.MappingNode)), None)
        if dash.strip() or odd:
            raise Unmergeable((odd or first).start_mark.line + 1)
        for index, values in sorted(changes.items(), reverse=True):  # (from the end: indexes stay true)
            try:
                text = patch(text, seq.value[index], values, dash + "  ")
            except Unmergeable as exc:
                raise Unmergeable(exc.line, exc.key, index) from None
        # appended after the list's last item (found again: the patches may have moved it)
        seq = next(v for k, v in yaml.compose(text).value if k.value == key)
        end = _line_end(text, _last(seq) - 1)
        base, text = text[:end], text[end:]
        if not base.endswith("\n"):
            base += "\n"
    added = "".join(f"{dash}- " + f"\n{dash}  ".join(f"{k}: {_scalar(v)}" for k, v in item.items()) + "\n"
                    for item in items)
    count = len(seq.value if root is not None else []) + len(items)

    def meant(data: dict) -> bool:
        after = data.get(key) or []
        return len(after) == count and after[count - len(items):] == _read(items) and all(
            after[i].get(k) == _read(v) for i, values in changes.items() for k, v in values.items())
    return read_back(base + added + (text if root is not None else ""), meant)


def _read(value):
    """`value` as the project's loader reads it when written by _scalar: a date as its text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_read(v) for v in value]
    return {k: _read(v) for k, v in value.items()} if isinstance(value, dict) else value


def reads(text: str) -> dict | None:
    """The values of a record file's `text` as validate reads them (load: the quick path, else the
    full loader), or None if it reports anything of it."""
    from generator import quickload
    from generator.load import parse_bytes

    raw = text.encode("utf-8")
    data = quickload.values(raw) if quickload.enabled() else None
    if data is None:
        data, _, _, problems = parse_bytes(raw, "")
        data = None if problems else data
    return data if isinstance(data, dict) else None


def read_back(out: str, meant) -> str:
    """`out`, the new text of a record's file, if validate's loader reads it as meant (meant(its
    data)); else Unmergeable: a file read otherwise than it was meant is never written."""
    data = reads(out)
    if data is None or not meant(data):
        raise Unmergeable(None)
    return out


def _shown(value) -> str:
    """A value as a message shows it: characters that cannot be seen as \\uXXXX."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in str(value))


def read_new(out: str, record: dict, kind: str) -> str:
    """`out`, the text of a new record's file written from `record`, if validate would read it
    back as `record` (its loader) and pass it (the schema of `kind`); else Unmergeable naming the
    value that does not (a write fault never leaves a wrong or invalid file unsaid)."""
    from generator.validate import validator_for

    data = reads(out)
    if data is None or set(data) != set(record):
        raise Unmergeable(None, reason=("读回来不是一条记录", "it does not read back as a record"))
    names = FIELDS[kind + "s"]
    for key, value in record.items():
        if not _same(data[key], value):
            raise Unmergeable(None, key, reason=(
                f"{names[key][0]}读回来是“{_shown(data[key])}”，表格中是“{_shown(value)}”",
                f"{names[key][1]} reads back as '{_shown(data[key])}', the spreadsheet has '{_shown(value)}'"))
    for error in validator_for(kind).iter_errors(data):
        raise _refused(error, data, names)
    return out


def _refused(error, data: dict, names: dict, index: int | None = None) -> Unmergeable:
    """Unmergeable saying the schema `error` of the record `data` (the item `index` of a list):
    the value validate would refuse, and why."""
    key = next((k for k in error.relative_path if k in names), None)
    what = (f"{names[key][0]}“{_shown(data[key])}”", f"{names[key][1]} '{_shown(data[key])}'") if key else ("", "")
    return Unmergeable(None, key, index, reason=(f"{what[0]}通不过 validate（{error.message}）",
                                                 f"{what[1]} would not pass validate ({error.message})".lstrip()),
                        schema=True)


def _invalid(kind: str, data):
    """validate's first schema error of a record file's `data` (the fast path first), or None."""
    from generator import fastvalidate
    from generator.validate import validator_for

    check = fastvalidate.compiled(kind) if fastvalidate.enabled() else None
    try:
        if check is not None and check(data):
            return None
    except Exception:  # noqa: BLE001 - a value JSON has no type for: jsonschema judges
        pass
    return next(iter(validator_for(kind).iter_errors(data)), None)


# ---------------------------------------------------------------------------
# Command
# ---------------------------------------------------------------------------

def records_errors(root: Path, kind: str) -> tuple[list[F.Finding], dict]:
    """The errors, as validate reports them (reading, schema), of the files an import of `kind`
    reads or writes: records/policy.yaml, whose words of a 状态 cell it reads, records/units.yaml, which units are matched against, and the class or cadre
    files.  No import runs while one is wrong: it would be misread (a key written twice), crash
    the import, or be written over.  And the values of those read, as validate reads them ({its name: data}):
    the import reads the policy's words there, not again (yes, on, 0123 are text to validate)."""
    from generator.load import load_file
    from generator.validate import validate_document

    paths = [root / "policy.yaml", root / "units.yaml", *({"units": [], "clubs": [root / "clubs.yaml"]}.get(kind) or sorted(
        (root / kind).glob("*.yaml")))]
    out, read = [], {}
    for path in paths:
        if path.exists() or path.is_symlink():  # (a link to nothing is E-LOAD-007, as validate says)
            doc, problems = load_file(path, root)
            out += [f for f in problems + validate_document(doc) if f.severity == F.ERROR]
            read[path.name] = doc.data
        elif kind != "units" and path.name not in ("clubs.yaml", "policy.yaml"):  # (units.yaml: the units the rows name are matched against it)
            out.append(F.make("E-REF-009", display_path(path), None, path=display_path(path)))
    return out, read


def unwritable(root: Path, writes) -> list[F.Finding]:
    """E-IMP-014 at each file of `writes` that cannot be written, checked before any is: a file
    (not a folder) where its folder, or one above it, should be; a folder or other non-file where
    the file should be; a folder it may not write in."""
    out = []
    for path in writes:
        record = display_path(path)
        folder = next((p for p in reversed(path.relative_to(root).parents) if (root / p).exists()
                       and not (root / p).is_dir()), None)
        if folder is not None:
            record = where = display_path(root / folder)  # (said once, for all the files to go into it)
            reason = ("它是一个文件，不是放记录的文件夹", "it is a file, not the folder of the records")
            fix = (f"{where} 应是放记录的文件夹：请把这个文件改名或移出 records/（其中的内容若有用，"
                   f"请在新建文件夹 {where}/ 后另存为其中的 .yaml 记录），再运行一次导入。",
                   f"{where} should be the folder of these records: rename the file or move it out of records/ "
                   f"(if it holds anything of use, make the folder {where}/ and save it there as .yaml records), "
                   "then run the import again.")
        elif path.exists() and not path.is_file():
            reason = ("这里是一个文件夹（或其他非普通文件），不是记录文件", "this is a folder (or another non-file), not a record file")
            fix = (f"请把 {record} 改名或移走，再运行一次导入。", f"Rename or move {record}, then run the import again.")
        elif not os.access(next(p for p in (path, *path.parents) if p.exists()), os.W_OK):
            reason = ("没有写权限", "no permission to write")
            fix = ("请让管理员给这个文件（或它所在的文件夹）加上写权限，或换一个有权限的账户，再运行一次导入。",
                   "Have the file (or its folder) made writable, or use an account that may write it; "
                   "then run the import again.")
        else:
            continue
        if any(f.file == record for f in out):
            continue
        out.append(F.make("E-IMP-014", record, None, record=record, reason=reason[0], reason_en=reason[1],
                          fix=fix[0], fix_en=fix[1]))
    return out


def write_all(writes) -> F.Finding | None:
    """Write each file of `writes` whole or not at all (files.write_files); if one fails,
    E-IMP-015 says which were written and which not."""
    try:
        write_files({path: text.encode("utf-8") for path, text in writes.items()})
    except Unwritten as exc:
        from generator.cli import file_list

        return F.make("E-IMP-015", display_path(exc.path), None, record=display_path(exc.path), reason=exc.reason,
                      written=file_list(exc.written, "zh") or "（无）", unwritten=file_list(exc.unwritten, "zh"),
                      written_en=file_list(exc.written, "en") or "none", unwritten_en=file_list(exc.unwritten, "en"))
    return None


def cmd_import(args) -> int:
    from generator.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, clock_today, emit, records_dir

    today = args.today or clock_today()
    try:  # (after the arguments are read: a two-digit --cohort is read by --today, given after it or not)
        cohort = args.cohort and _cohort(args.cohort, today)
    except argparse.ArgumentTypeError as exc:
        args.usage_error(argparse._("argument %(argument_name)s: %(message)s") % {"argument_name": "--cohort", "message": exc})
    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    lang, imp = args.lang, None
    wrong, read = records_errors(root, args.kind)
    if wrong:  # (a wrong unit id would be written into records)
        emit([F.make("E-FLOW-006", display_path(root), None, command=f"python -m generator import {args.kind}"),
              *wrong], args, files=len({f.file for f in wrong}))
        return EXIT_FINDINGS
    try:
        imp = Importer(root, args.kind, Path(args.file), cohort, args.update, today, read.get("policy.yaml"))
        imp.run()
        imp.findings += unwritable(root, imp.writes)
    except Unreadable as exc:  # (with the sheets' warnings: which sheets are hidden, and how to show them)
        emit([F.make("E-IMP-001", display_path(args.file), None, reason=exc.zh, reason_en=exc.en, rows=HEADINGS),
              *(imp.findings if imp else [])], args, files=1)
        return EXIT_USAGE
    except OSError as exc:  # a record gone or made unreadable since records_errors read it
        emit([F.make("E-LOAD-007", display_path(exc.filename or root), None,
                     reason=exc.strerror or type(exc).__name__)], args)
        return EXIT_USAGE
    errors = F.has_errors(imp.findings)
    out = sys.stdout if args.format == "text" else sys.stderr
    for zh, en in imp.summary:
        out.write(f"  {zh if lang == 'zh' else en}\n")
    if imp.same:
        out.write("  " + MSG["same"][lang].format(n=imp.same) + "\n")
    if errors:
        out.write(MSG["errors"][lang] + "\n")
    elif args.write:
        if failed := write_all(imp.writes):
            emit([failed, *imp.findings], args, files=1)
            return EXIT_USAGE
        out.write(MSG["wrote"][lang] + "\n")
    else:
        out.write(MSG["dry"][lang] + "\n")
    code = emit(imp.findings, args, files=1)
    return EXIT_FINDINGS if errors else EXIT_OK if code == EXIT_OK else code


def _cohort(text: str, today: dt.date) -> int:
    """--cohort: a year validate allows (the classes schema's cohort minimum and maximum), written
    as the 年级 column may write it (2026, 2026级, 2026年级, ２０２６级, 26级 by `today`), or
    ArgumentTypeError (exit 2)."""
    from generator.validate import schema_for

    bounds = schema_for("classes")["properties"]["cohort"]
    first, last = bounds["minimum"], bounds["maximum"]
    m = re.fullmatch(r"(\d{4})(级|年级|年|届)?|(\d\d)(级|届)", _plain(text))
    year = m and _year(m.group(1) or m.group(3), today)
    if m and first <= year <= last:
        return (Jie if "届" in m.group(0) else int)(year)
    raise argparse.ArgumentTypeError(f"应为 {first}–{last} 之间的入学年份，如 2026 或 2026级 "
                                     f"(a cohort year from {first} to {last}, such as 2026 or 2026级): {text!r}")


def register(sub) -> None:
    from generator.cli import _Parser, add_today, common

    p = sub.add_parser("import", help="从现有名单（CSV、XLSX、XLS）导入班级、干部、单位或社团 (import classes, cadres, units or clubs from a spreadsheet)")
    kinds = p.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    for kind, help_ in (("classes", "班级名单 → records/classes/<入学年份>.yaml (class list)"),
                        ("cadres", "中层领导干部名单 → records/cadres/<编号>.yaml (list of cadres)"),
                        ("units", "单位名单 → records/units.yaml (list of units)"),
                        ("clubs", "社团名单 → records/clubs.yaml (list of clubs)")):
        q = kinds.add_parser(kind, help=help_)
        common(q, formats=("text", "json"))
        q.add_argument("file", help="表格文件：.xlsx、.xls 或 .csv (spreadsheet)")
        q.add_argument("--write", action="store_true", help="写入文件；不加时只是试运行 (write; default: dry run)")
        q.add_argument("--update", action="store_true",
                       help="表格与已有记录不一致时，用表格的值更新 (change existing records that differ)")
        add_today(q, "以哪一天为“今天”：状态与结束日期对不上时按它判断" + ("，两位数的年级（25级）也按它读" if kind == "classes" else "")
                  + "，默认今天（政策时区）")
        if kind == "classes":
            q.add_argument("--cohort", default=None,
                           help="表格没有“年级”列时，全部班级的入学年份 (cohort when there is no 年级 column)")
        else:
            q.set_defaults(cohort=None)
        q.set_defaults(func=cmd_import, usage_error=q.error)
