"""Reading the spreadsheet (.xlsx, old .xls, CSV): each sheet's rows of (row number, [cell values]),
as Excel shows them (merged cells, unsaved formulas, hidden sheets, rows and columns)."""
from __future__ import annotations

import csv
import io
import itertools
import re
from pathlib import Path

from generator.importing.fields import BREAK, UNSEEN, WIDE
from generator.load import chinese_encoding


class Unreadable(Exception):
    """A file the import cannot read: why (zh, en), and what to do (`how`: zh, en) when it is not E-IMP-001's
    usual words (give an .xlsx, .xls or .csv, the headings in the first rows)."""

    def __init__(self, zh: str, en: str, how: tuple[str, str] | None = None):
        super().__init__(en)
        self.zh, self.en, self.how = zh, en, how


# What E-IMP-001 says of a file with a password to open it (Excel's 用密码进行加密, WPS's 密码加密): what is wrong,
# and, as its hint, how to remove the password (not to give an .xlsx, which it is)
LOCKED = ("这个文件设了打开密码，导入读不了", "a password is needed to open this file, which the import cannot read",
          ("请在 Excel 中用密码打开它，点“文件”→“信息”→“保护工作簿”→“用密码进行加密”，"
           "删去密码后点“确定”并保存（WPS：“文件”→“文档加密”→“密码加密”，清空打开密码后保存），再导入；"
           "或请发来的人另发一份不设密码的。",
           "Open it in Excel with the password, choose File → Info → Protect Workbook → Encrypt with Password, delete "
           "the password, click OK and save (WPS: 文件 → 文档加密 → 密码加密, clear the password to open, save), then "
           "import it again; or ask the sender for a copy without a password."))


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
    if suffix in (".xlsx", ".xlsm", ".xls") and head.startswith(b"\xd0\xcf\x11\xe0") and \
            "EncryptionInfo".encode("utf-16-le") in path.read_bytes():  # (an .xlsx with a password: an OLE file)
        raise Unreadable(*LOCKED)
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
    if suffix in (".et", ".ett"):  # (WPS 表格's own format, and its template: no library kept up reads them)
        raise Unreadable(
            f"这是 WPS 表格的 {suffix} 文件，导入读不了：请在 WPS 中打开它，点左上角的“文件”→“另存为”，“文件类型”选"
            "“Microsoft Excel 文件(*.xlsx)”，保存后导入存成的 .xlsx 文件",
            f"this is a WPS Spreadsheets {suffix} file, which the import cannot read: open it in WPS, choose 文件 (File) → "
            "另存为 (Save As), set 文件类型 (file type) to Microsoft Excel 文件(*.xlsx), save, and import the .xlsx file")
    if suffix not in (".csv", ".txt", ".xls"):  # (an .xls a system exported is often text: read as CSV)
        raise Unreadable("只支持 .xlsx、.xls 和 .csv 文件", "only .xlsx, .xls and .csv files are supported")
    raw = path.read_bytes()
    if suffix == ".xls" and raw.lstrip()[:1] == b"<":
        raise Unreadable("这个 .xls 其实是网页（HTML），请在 Excel 中打开后另存为 .xlsx",
                         "this .xls is a web page (HTML): open it in Excel and save it as .xlsx")
    try:  # (Excel's 另存为 Unicode 文本: UTF-16 with its byte-order mark, tab-separated)
        text = raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if chinese_encoding(raw) != "gbk":
            raise Unreadable("编码既不是 UTF-8 也不是 GBK", "the encoding is neither UTF-8 nor GBK") from None
        text = raw.decode("gb18030")
    return [(None, [(n, [_shown_text(c) for c in row]) for n, row in enumerate(
        csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text[:4096])), 1)], "visible", set(), False, set())]


def _delimiter(sample: str) -> str:
    """What separates a CSV's cells: of a comma, a tab (Excel's Unicode text, a system's export) and a
    semicolon (Excel's CSV where the decimal mark is a comma), the one that parses the file's first
    lines into the most cells (a comma or a semicolon inside a cell's quotes, or in a cell's text
    beside the others, is fewer); a comma when none does better."""
    def cells(delimiter: str) -> int:
        try:
            rows = list(itertools.islice(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), 20))
        except csv.Error:
            return 0
        return sum(len(row) - 1 for row in rows)

    return max((",", "\t", ";"), key=cells)


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
        if "encrypted" in str(exc):  # (an old .xls with a password to open it)
            raise Unreadable(*LOCKED) from None
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
    its formula, as =15+14; read as no value (cell_value), said as such where a value is read."""


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


def row_ranges(numbers: list[int]) -> list[str]:
    """Row numbers (ascending) as a spreadsheet user says them: 3, 5, 7–9."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return [str(a) if a == b else f"{a}–{b}" for a, b in spans]


def counted(what: str, items: list[str]) -> tuple[str, str]:
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


def unbroken(text: str) -> str:
    """`text` as Excel shows it: without its line breaks (BREAK: one typed to wrap a cell is no
    part of a value) and the characters that are not seen (UNSEEN: a zero-width space, a soft
    hyphen, a control character pasted from a web page or another system)."""
    text = UNSEEN.sub("", text)
    return BREAK.sub(lambda m: "" if WIDE.match(text[m.start() - 1:m.start()]) or WIDE.match(text[m.end():m.end() + 1])
                     else " ", text)


def cell_value(value):
    if isinstance(value, Formula):
        return None
    if isinstance(value, str):  # (a BOM mid-file, two CSVs joined as copy /b a.csv+b.csv does: never meant)
        value = value.replace("\ufeff", "").strip()
    return None if value in ("", None) else value


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
