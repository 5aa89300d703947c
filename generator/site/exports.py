"""Downloads: XLSX of Attachments 1 and 2 (for printing and filing), CSV and JSON of every table.

XLSX: the column names in row 1 (an officer merges it into her own spreadsheets: filters, VLOOKUP,
Power Query and pandas take row 1 for the header), styled, frozen, filtered and repeated on every
printed page; the title and the day of the data in a second sheet 说明, the properties and the page
header; days as Excel dates; A4 landscape, column widths computed for Chinese (East Asian wide
characters count 2).  CSV is UTF-8 with BOM so
Excel opens it in Chinese.  Output is deterministic: fixed document dates, sorted keys.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import pickle
import sys
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet, _utf16_len, _utf16_truncate

from generator import report
from generator.files import write_whole
from generator.site import helper_process
from generator.site.textwidth import display_width


@dataclass
class Table:
    name: str  # file stem under downloads/
    title: str  # sheet title and heading
    columns: list[tuple[str, str]]  # (key, Chinese header)
    rows: list = field(default_factory=list)  # dicts by key (or tuples in column order: shown)
    subtitle: str = ""
    # what the subtitle counts, (key, Chinese label, number) each: the JSON's `counts` ({key: number}) and a
    # companion CSV of its own (counts_table), the rows left one a row of the table (附件2's 应填报, 已提交 …)
    counts: list[tuple[str, str, int]] = field(default_factory=list)
    _cells: list | None = field(default=None, init=False, repr=False, compare=False)

    def values(self, row) -> list:
        if type(row) is tuple:
            return list(map(_cell, row))
        return [_cell(row.get(key)) for key, _ in self.columns]

    def cells(self) -> list[list]:
        """Every row's values (worked out once for the XLSX, the CSV and the JSON)."""
        if self._cells is None:
            self._cells = [self.values(row) for row in self.rows]
        return self._cells

    def shown(self) -> "Table":
        """The same table with each row cut to its columns' values, a tuple in column order
        (what is sent to another process: a period's rows also hold whole ledgers)."""
        keys = [key for key, _ in self.columns]
        return replace(self, rows=[tuple(map(row.get, keys)) for row in self.rows])


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return value


# what Excel, WPS and LibreOffice read as the start of a formula in a cell of a CSV they open
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _as_text(cell):
    """A CSV cell as Excel shows it: a text that begins like a formula (a summary written "-参加…", "+2 名学生…",
    or "=HYPERLINK(…)") after an apostrophe, which Excel reads as "text" and does not show — else #NAME? or a
    live formula (CSV injection).  Numbers and other texts as they are; the XLSX and JSON keep every text."""
    return "'" + str(cell) if isinstance(cell, str) and cell.startswith(FORMULA_START) else cell


def to_csv(table: Table) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([h for _, h in table.columns])
    writer.writerows([list(map(_as_text, row)) if any(isinstance(c, str) and c.startswith(FORMULA_START) for c in row)
                      else row for row in table.cells()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def counts_table(table: Table) -> Table:
    """A table's counts as a table of their own, one a row (项目, 数量): the CSV beside the table's CSV, whose
    rows stay the table's alone (a line of counts above the header would be Excel's first row and any
    program's header)."""
    return Table(f"{table.name}-counts", f"{table.title} 人数", [("item", "项目"), ("count", "数量")],
                 [{"item": label, "count": n} for _, label, n in table.counts])


def to_json(table: Table) -> bytes:
    keys = [k for k, _ in table.columns]
    data = {"title": table.title, **({"subtitle": table.subtitle} if table.subtitle else {}),
            **({"counts": {key: n for key, _, n in table.counts}} if table.counts else {}),
            "columns": [{"key": k, "title": h} for k, h in table.columns],
            "rows": [dict(zip(keys, cells)) for cells in table.cells()]}
    return report.dumps(data).encode("utf-8")  # orjson (json.dumps with an indent is pure Python)


HEADER_LINES = 3  # a heading wraps onto at most this many lines before it widens its column


def column_widths(table: Table, cap: int = 40, values: list[list] | None = None) -> list[float]:
    """Each column as wide as its longest line (CJK counted 2), plus 2, at most `cap` (longer
    texts wrap); its heading wraps, so it widens the column only beyond HEADER_LINES lines (a
    column of numbers under 天数（未解决：至今；已解决：用时） was 36 wide, and the feedback table
    printed at under half size to fit A4's width)."""
    if values is None:
        values = table.cells()
    longest = [max(4, math.ceil(display_width(header) / HEADER_LINES)) for _, header in table.columns]
    widths: dict[str, int] = {}  # the same text recurs a lot (units, positions, forms)
    for i in range(len(longest)):
        for row in values:
            if longest[i] + 2 >= cap:  # as wide as a column gets: its long texts need not be measured
                break
            s = str(row[i])
            w = widths.get(s)
            if w is None:
                w = widths[s] = max((display_width(part) for part in s.split("\n")), default=0)
            if w > longest[i]:
                longest[i] = w
    return [min(w + 2, cap) for w in longest]


# a text that is a day ("2025-10-08") or a moment ("2025-12-28 16:00"): written to the XLSX as an Excel date
# (a number shown yyyy-mm-dd, which sorts, filters by month and subtracts), the CSV and the JSON keep the text
DATE_FORMATS = {10: "yyyy-mm-dd", 16: "yyyy-mm-dd hh:mm"}
DATE_KINDS = {10: 1, 16: 2}  # (the cell's style: 0 the body's, 1 a day's, 2 a moment's)


def as_date(value):
    """A cell's value as a date or datetime when it is one written as text (ISO, "2025-10-08" or
    "2025-12-28 16:00"), else None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) not in DATE_FORMATS or value[4:5] != "-" or value[7:8] != "-" \
            or not value[:4].isdigit():
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        return None


MERGEABLE = ("第 1 行为列名，第 2 行起一行一条记录，没有合并单元格：可直接筛选、排序、做数据透视表，"
             "或用 VLOOKUP、Power Query、pandas 读取；日期为 Excel 日期，次数、人数为数字。")


def to_xlsx(table: Table, day: dt.date, institution: str = "") -> bytes:
    """The table on the first sheet (named by its title) with its column names in row 1 — what Excel's
    filters, a VLOOKUP range, Power Query and pandas take for the header — frozen and filtered; the title,
    the subtitle's sentence, the day of the data and the counts on a second sheet 说明 (a sheet an office
    reads before the table), in the workbook's properties, and in the printed page's header."""
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    stamp = dt.datetime(day.year, day.month, day.day)
    heading = table.title + (f"（{table.subtitle}）" if table.subtitle else "")
    book.set_properties({"title": table.title, "subject": table.subtitle, "company": institution, "created": stamp,
                         "comments": f"数据截至 {day.isoformat()}。{MERGEABLE}"})
    sheet = book.add_worksheet(_sheet_name(table.title), worksheet_class=BodyInBulk)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "align": "center", "valign": "vcenter",
                            "text_wrap": True})
    body = book.add_format({"border": 1, "valign": "top", "text_wrap": True})
    dates = [book.add_format({"border": 1, "valign": "top", "num_format": f}) for f in DATE_FORMATS.values()]
    n = len(table.columns)
    for c, (_, header) in enumerate(table.columns):
        sheet.write_string(0, c, header, head)
    values = table.cells()
    sheet.write_body(1, values, [body, *dates])
    widths = column_widths(table, values=values)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, width)
    lines = max((math.ceil(display_width(header) / max(w - 2, 1)) for (_, header), w in zip(table.columns, widths)),
                default=1)
    sheet.set_row(0, 15 * max(lines, 1) + 3)  # (the headings' row as tall as its longest heading wraps to)
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.8, bottom=0.6)
    sheet.set_header(_page_header(heading, day), {"margin": 0.3})
    sheet.set_footer("&C第 &P 页，共 &N 页")
    sheet.autofilter(0, 0, len(values), n - 1)
    _about_sheet(book, table, heading, day, institution)
    book.close()
    return buf.getvalue()


def _sheet_name(title: str) -> str:
    for ch in "[]:*?/\\":
        title = title.replace(ch, "-")
    return title[:31].strip("'") or "Sheet1"


def _page_header(heading: str, day: dt.date) -> str:
    """The printed page's header: the title and its sentence in the middle, the day of the data on the right
    (Excel allows 255 characters: a longer sentence is cut)."""
    right = f"&R数据截至 {day.isoformat()}"
    room = 255 - len(right) - len('&C&"-,Bold"')
    text = heading.replace("&", "&&")
    if len(text) > room:
        text = text[:room - 1].rstrip("&") + "…"
    return f'&C&"-,Bold"{text}{right}'


def _about_sheet(book, table: Table, heading: str, day: dt.date, institution: str) -> None:
    """The second sheet, 说明: what the table is, as of which day, and its counts, one a row (项目, 内容)."""
    sheet = book.add_worksheet("说明")
    label = book.add_format({"bold": True, "valign": "top"})
    text = book.add_format({"valign": "top", "text_wrap": True})
    date = book.add_format({"valign": "top", "align": "left", "num_format": "yyyy-mm-dd"})
    rows = [("标题", heading), ("数据截至", day)] + ([("学校", institution)] if institution else []) \
        + [(name, n) for _, name, n in table.counts] + [("表格", f"工作表“{_sheet_name(table.title)}”，"
                                                        f"{len(table.rows)} 行数据。{MERGEABLE}")]
    for r, (name, value) in enumerate(rows):
        sheet.write_string(r, 0, name, label)
        if isinstance(value, dt.date):
            sheet.write_datetime(r, 1, stamp_of(value), date)
        elif isinstance(value, (int, float)):
            sheet.write_number(r, 1, value, text)
        else:
            sheet.write_string(r, 1, value, text)
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 80)


def stamp_of(value):
    return value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)


class BodyInBulk(Worksheet):
    """xlsxwriter's worksheet with one more method, `write_body`: rows of cells below the
    heading rows, written as the very XML that write_string/write_number/write_datetime cell by
    cell would give (the same shared strings, styles and row spans, so the same file byte for
    byte, tested), in half the time for the whole workbook — xlsxwriter keeps a record per cell
    and writes each through several calls, most of a large site's downloads.  A text that is a
    day or a moment (as_date) is written as an Excel date in the style of its kind (DATE_KINDS).
    A number that is not finite, or too large for a float, is written as text (xlsxwriter
    refuses it).  It leans on xlsxwriter's private `_write_rows` and shared-string table, so
    xlsxwriter is pinned (requirements) and the test compares both ways' bytes."""

    def write_body(self, first: int, rows: list[list], cell_formats: list) -> None:
        """cell_formats: the body's style, a day's and a moment's."""
        if not rows:
            return
        width = len(rows[0])
        if (self.dim_rowmax is not None and first <= self.dim_rowmax) or any(len(c) != width for c in rows):
            raise ValueError("write_body: rows below the written ones, all of one width")
        share = self.str_table._get_shared_string_index  # in the order write_string would share
        strmax = self.xls_strmax
        serials: dict[str, tuple | None] = {}  # (the same days recur)
        used: list[int] = []  # the styles in the order first used (xlsxwriter numbers them so)
        body = []
        for cells in rows:
            ends = []
            for value in cells:
                if isinstance(value, (int, float)) and not isinstance(value, bool) and _finite(value):
                    ends.append((0, f"><v>{value:.16G}</v></c>"))
                    continue
                if type(value) is str and len(value) in DATE_KINDS:
                    serial = serials.get(value, False)
                    if serial is False:
                        day = as_date(value)
                        serial = serials[value] = None if day is None else (
                            DATE_KINDS[len(value)], f"><v>{self._convert_date_time(stamp_of(day)):.16G}</v></c>")
                    if serial is not None:
                        ends.append(serial)
                        continue
                text = str(value)
                if len(text) > strmax // 2 and _utf16_len(text) > strmax:
                    text = _utf16_truncate(text, strmax)
                ends.append((0, f' t="s"><v>{share(text)}</v></c>'))
            if len(used) <= len(DATE_KINDS):
                for kind, _ in ends:
                    if kind not in used:
                        used.append(kind)
            body.append(ends)
        self._body, self._body_first, self._body_formats, self._body_used = body, first, cell_formats, used
        self._check_dimensions(first + len(rows) - 1, width - 1)

    def _write_rows(self) -> None:
        body = getattr(self, "_body", None)
        if not body:
            return super()._write_rows()
        last, self.dim_rowmax = self.dim_rowmax, self._body_first - 1
        try:
            super()._write_rows()  # the rows above the body, as xlsxwriter writes them
        finally:
            self.dim_rowmax = last
        xfs = [0] * len(self._body_formats)
        for kind in self._body_used:  # (numbered on first use: after the rows above, in the body's order)
            xfs[kind] = self._body_formats[kind]._get_xf_index()
        styles = [f' s="{xf}"' for xf in xfs]
        width = len(body[0])
        names = [xl_col_to_name(c) for c in range(width)]
        write = self.fh.write
        for r, ends in enumerate(body, self._body_first + 1):
            write(f'<row r="{r}" spans="1:{width}">'
                  + "".join([f'<c r="{name}{r}"{styles[kind]}{end}' for name, (kind, end) in zip(names, ends)])
                  + "</row>")


def _finite(number) -> bool:
    try:
        return math.isfinite(number)
    except OverflowError:  # an int beyond a float's range
        return False


# ---- downloads beside the rest of the build -------------------------------------
@dataclass
class Download:
    path: str  # docs-relative: downloads/<name>.xlsx|csv|json
    table: Table
    day: dt.date
    institution: str

    def render(self) -> bytes:
        if self.path.endswith(".xlsx"):
            return to_xlsx(self.table, self.day, self.institution)
        return to_csv(self.table) if self.path.endswith(".csv") else to_json(self.table)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` unless it holds them already.  A new file takes the old one's place
    (os.replace): a reader sees the old bytes or the new, and a hard link to the old file (a
    download in the built site, mkdocs_hook.on_post_build) keeps the old."""
    if path.is_file() and path.read_bytes() == data:
        return False
    write_whole(path, data)
    return True


def _write_all(jobs: list[Download], out: Path) -> int:
    return sum(write_if_changed(out / job.path, job.render()) for job in jobs)


class DownloadsFailed(helper_process.HelperFailed):
    what_zh, what_en = "下载文件（XLSX、CSV、JSON）", "downloads (XLSX, CSV, JSON)"


def write_aside(jobs: list[Download], out: Path, kept: Path | None = None):
    """Write the downloads below `out` in a second process and return a function that waits
    for them (and returns how many files changed, or -1 when the second process did it).
    The downloads (XLSX above all) are a third of a large site's generation and need nothing
    the pages do, so they are written while the pages are rendered and built.

    The second process (helper_process.start) is sent the tables' cells only.  The waiting
    function keeps nothing of them, so if that process fails it raises DownloadsFailed.  Where no second process can start, the downloads are written here.
    kept: a folder of the records' cache (None: none kept) where that process notes what it wrote of
    which table (its pickled bytes and this code's): a table sent as the last build sent it, its files
    in `out` as written then, is not rendered again (see _Kept)."""
    if not jobs:
        return lambda: 0
    try:
        proc = helper_process.start("generator.site.exports")
    except OSError:
        written = _write_all(jobs, out)
        return lambda: written
    by_table: dict[int, list[Download]] = {}
    for job in jobs:
        by_table.setdefault(id(job.table), []).append(job)
    groups = list(by_table.values())
    threading.Thread(target=_send, args=(proc, groups, out, kept), daemon=True).start()  # a pipe holds 64 KB

    def wait() -> int:
        if proc.wait() != 0:
            raise DownloadsFailed(proc.returncode)
        return -1
    return wait


def _send(proc: subprocess.Popen, groups: list[list[Download]], out: Path, kept: Path | None) -> None:
    """One table at a time (with its XLSX, CSV and JSON), cut to its cells, pickled once for the
    group and sent after its length; each table is let go once sent (the pages rendered meanwhile
    need the memory: the caller keeps none of them)."""
    try:
        with proc.stdin as pipe:
            pickle.dump((len(groups), str(out), kept and str(kept)), pipe, protocol=pickle.HIGHEST_PROTOCOL)
            while groups:
                group = groups.pop(0)
                table = group[0].table.shown()
                data = pickle.dumps([replace(job, table=table) for job in group], protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(len(data).to_bytes(8, "little"))
                pipe.write(data)
                del group, table, data
    except OSError:  # the process is gone: wait() reports it
        pass
    except Exception as e:  # noqa: BLE001 - the process gets a cut-off stream, fails, and wait() reports it
        sys.stderr.write(f"generator.site.exports: {type(e).__name__}: {e}\n")


class _Kept:
    """What the last build wrote of each table: {digest: [(path, size, mtime_ns, inode) of its files]},
    the digest the SHA-256 of the table's pickled downloads and of the code that renders them
    (this module's, textwidth's, report's, xlsxwriter's version).  A table whose digest is noted and
    whose files in `out` are the very files written then (the same size, time and inode: a file
    written since is another) is not rendered again — the same bytes would be (the output is
    deterministic).  A warm build of 12,000 ledgers sends every table as the last did: its
    downloads were rendered again, 6 s of this process's CPU.  A note that cannot be read or written
    costs only that speed, like the records' cache."""

    def __init__(self, folder: str | None, out: Path):
        self.file = Path(folder) / "downloads" if folder else None
        self.out, self.old, self.new = out, {}, {}
        if self.file is not None:
            try:
                self.old = pickle.loads(self.file.read_bytes())
            except Exception:  # noqa: BLE001 - none kept, or unreadable: every table rendered
                self.old = {}
        self.code = hashlib.sha256(xlsxwriter.__version__.encode())
        for module in (sys.modules[__name__], report, sys.modules[display_width.__module__]):
            self.code.update(Path(module.__file__).read_bytes())

    def _stat(self, rel: str) -> tuple:
        st = (self.out / rel).stat()
        return rel, st.st_size, st.st_mtime_ns, st.st_ino

    def write(self, data: bytes) -> None:
        """The downloads of one table (`data`: their pickle), unless kept."""
        digest = self.code.copy()
        digest.update(data)
        key = digest.digest()
        files = self.old.get(key)
        try:
            if files and all(self._stat(f[0]) == tuple(f) for f in files):
                self.new[key] = files
                return
        except OSError:
            pass
        jobs = pickle.loads(data)
        _write_all(jobs, self.out)
        self.new[key] = [self._stat(job.path) for job in jobs]

    def close(self) -> None:
        if self.file is not None and self.new != self.old:
            try:
                write_whole(self.file, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:
                pass


def main() -> None:
    """The second process: on standard input, pickled, (how many tables, folder, the folder of
    what is kept or None) and each table's downloads after their length.  All of it is read
    first (so that the sender lets go of the tables), then each table written (_Kept.write)."""
    helper_process.yield_to_the_build()
    try:
        data = io.BytesIO(sys.stdin.buffer.read())
        n, out, folder = pickle.load(data)
        kept = _Kept(folder, Path(out))
        for _ in range(n):
            kept.write(data.read(int.from_bytes(data.read(8), "little")))
        kept.close()
    except Exception as e:  # noqa: BLE001 - one line for the build log; the parent fails the build
        sys.stderr.write(f"generator.site.exports: {type(e).__name__}: {e}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
