"""A cell's value as a record's: dates (and Excel's serial numbers of them), cohorts, whole numbers."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata


def as_date(value) -> dt.date | None:
    """A date cell, or a date written as 2016-12-01, 2016/12/1, 2016年12月1日 or 20161201, or as
    the serial number Excel keeps it as (42705: a date column whose format was lost)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = whole_text(_day_text(str(int(value) if isinstance(value, float) else value)))
    if re.fullmatch(r"[1-9]\d{4}", text):  # (Excel's days since 1899-12-30: 10000 to 99999 are 1927 to 2173)
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(text))
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{4})(\d\d)(\d\d)", text)
    try:
        return dt.date(*map(int, filter(None, m.groups()))) if m else None
    except ValueError:
        return None


def cohort_year(digits: str, today: dt.date) -> int:
    """The year of a cohort's 2026 or its two digits, 26 (26级, 26届): 2026; 98 is 1998, 2098 being
    more than ten years after `today` (--today: no cohort is listed so far ahead)."""
    year = int(digits) + (2000 if len(digits) == 2 else 0)
    return year - 100 if len(digits) == 2 and year > today.year + 10 else year


def _day_text(text: str) -> str:
    """A date written as text as a date is compared: full-width digits and marks as half-width
    (２０１６－１２－０１, typed in a Chinese input method) and without the time of day a system exports
    with it (2016-12-01 00:00:00, 2016/12/1 0:00)."""
    text = unicodedata.normalize("NFKC", text).strip()
    return re.sub(r"(?<=\d)(\s+|T)\d{1,2}:\d\d(:\d\d(\.\d+)?)?$", "", text)


def shown_date(value):
    """A cell's value as Excel shows it: a date cell without the time nobody typed."""
    return value.date() if isinstance(value, dt.datetime) and value.time() == dt.time() else value


def year_of(value, first: int, last: int) -> int | None:
    """The cohort a 年级 (入学年份) cell holding a date means: a date cell, or a date written as
    2026-09-01, 2026/9/1, 2026.9.1, 2026年9月1日, 2026年9月 or 2026-09 (not 2026.9), is the day of entry, its year; a year
    typed into a cell formatted as a date (2027 shown as 1905-07-19, Excel's day 2027) is that year (a year from `first`
    to `last`, those validate allows)."""
    if isinstance(value, dt.date):
        days = (value - (dt.datetime(1899, 12, 30) if isinstance(value, dt.datetime) else dt.date(1899, 12, 30))).days
        return days if first <= days <= last else value.year
    m = isinstance(value, str) and re.fullmatch(  # (text: a number 2026.5 is no date; nor 2026.5 as text, to the month)
        r"((?:19|20)\d\d)\s*([-/年]|\.(?=.*\d[-/.月]))\s*(\d{1,2})\s*(月|[-/.月]\s*\d{1,2}\s*日?)?", value.strip())
    return int(m.group(1)) if m and 1 <= int(m.group(3)) <= 12 and (m.group(4) in (None, "月") or as_date(value)) else None


def serial_hint(number: int | None, first: int, last: int) -> tuple | None:
    """What E-IMP-004 says of a 年级 cell holding a number that looks like Excel's serial number of a
    date from `first` to `last` (46266: 2026-09-01, an entry date whose date format was lost); None
    for any other value."""
    day = number is not None and 10000 <= number <= 99999 and as_date(number)
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


def month_only(value, kind: str) -> tuple | None:
    """What E-IMP-004 says of a date written to the month only (2021.03, 2021年3月, 202103, as 组织部
    lists often write 任职时间): a day is needed, never guessed; None for any other value.  A number cell
    shows 2021.10 as 2021.1: then October is said too.  Where the day is found, by `kind`: a
    cadre's in the 组织部's appointment, another record's in the document that ended it."""
    text = repr(value) if isinstance(value, float) and value != int(value) else whole_text(_day_text(str(value)))
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


def cell_text(value) -> str:
    """A text field's cell as typed: a number cell holding a whole number as its digits (20051234, not 20051234.0)."""
    return str(int(value) if isinstance(value, float) and value == int(value) else value)


def as_integer(value, pattern: str) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return int(value) if value == int(value) else None
    m = re.fullmatch(pattern, whole_text(str(value)))
    return int(m.group(1)) if m else None


def whole_text(text: str) -> str:
    """`text` stripped, a whole number without the “.0” a system that keeps every number as a
    decimal exports it with (年级 2026.0, 人数 30.0, a date's serial 45292.0)."""
    return re.sub(r"^(\d+)\.0+$", r"\1", text.strip())


def same_value(old, new) -> bool:
    return str(old.isoformat() if isinstance(old, dt.date) else old) == str(
        new.isoformat() if isinstance(new, dt.date) else new)


class Jie(int):
    """A cohort given as NNNN届, read as the year of entry (W-IMP-013 says so)."""
