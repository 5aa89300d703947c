"""Presenting findings: text (Chinese by default), JSON and GitHub workflow commands."""
from __future__ import annotations

import codecs
import json
import os
import re
import sys

import orjson

from generator import findings as F
from generator.files import write_parts

SUMMARY = {
    "zh": "共 {files} 个文件：{errors} 个错误，{warnings} 个警告",
    "en": "{files|file|files}: {errors|error|errors}, {warnings|warning|warnings}",
}
SUMMARY_OF = {  # (one file: 共 1 个文件 reads oddly; of a file read by its name, as the import's spreadsheet)
    "zh": "{files}：{errors} 个错误，{warnings} 个警告",
    "en": "{files}: {errors|error|errors}, {warnings|warning|warnings}",
}
LABEL = {"zh": {"error": "错误", "warning": "警告"}, "en": {"error": "error", "warning": "warning"}}
HINT = {"zh": "怎么改", "en": "fix"}


def location(f: F.Finding) -> str:
    if f.line is None:
        return f.file
    return f"{f.file}:{f.line}:{f.column or 1}"


def summary(findings, lang: str = "zh", files: int | None = None, *, of_file: str | None = None) -> str:
    """The last line of a report: how many files were read (`files`; by default those with findings) — or, given
    `of_file`, that one file's name (the import's spreadsheet) — and the errors and warnings found."""
    errors = sum(f.severity == F.ERROR for f in findings)
    counts = {"errors": errors, "warnings": len(findings) - errors}
    if of_file is not None:
        return F.counted(SUMMARY_OF[lang], files=of_file, **counts)
    n = files if files is not None else len({f.file for f in findings})
    if n == 1 and lang == "zh":  # (共 1 个文件 reads oddly)
        return F.counted(SUMMARY_OF[lang], files="1 个文件", **counts)
    return F.counted(SUMMARY[lang], files=n, **counts)


def _one_line(text: str) -> str:
    """A value quoted in a message may hold line breaks; text output keeps one finding
    per line (and a carriage return must not overwrite the terminal line)."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def as_text(findings, lang: str = "zh", files: int | None = None, *, of_file: str | None = None) -> str:
    """Each finding with its hint, then the summary (`files`, `of_file`: as summary's)."""
    lines = []
    for f in findings:
        lines.append(f"{location(f)}: {LABEL[lang][f.severity]} {f.code}: {_one_line(f.message(lang))}")
        if f.hint(lang):
            lines.append(f"    {HINT[lang]}: {_one_line(f.hint(lang))}")
    lines.append(summary(findings, lang, files, of_file=of_file))
    return "\n".join(lines) + "\n"


class Raw:
    """The items of a list that is the value of a top-level key, already written as `dumps`
    writes them there (`item`), as runs of items: each run bytes (or a view of them) holding one
    item or several joined by ITEM_SEP.  Written out as they are (`check --format json`: the
    feedback chains' rows, kept as that report writes them: check/chain_rows.py)."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items


ITEM_SEP = b",\n    "  # between two items of a Raw list as `dumps` writes it


def item(value) -> bytes | None:
    """`value` as `dumps` writes it as an item of a Raw list (indented for that depth), or None
    where orjson refuses it."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n    ")
    except TypeError:
        return None


def _raw(value):  # (orjson's default: what it cannot write itself)
    if isinstance(value, Raw):  # (each run a Fragment: not one 11 MB join, ≈15 ms at 12k)
        return [orjson.Fragment(i if type(i) is bytes else bytes(i)) for i in value.items]
    raise TypeError


def raw_items(raw: Raw) -> list:
    """The items of `raw` as values."""
    return [item for run in raw.items for item in orjson.loads(b"[" + run + b"]")]


def _parsed(value):  # (json's default)
    if isinstance(value, Raw):
        return raw_items(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(value) -> str:
    """JSON with a two-space indent and Chinese as is.  orjson writes the same text as
    json.dumps(ensure_ascii=False, indent=2), whose indenting encoder runs in pure Python
    (1.2 s → 0.15 s for the 28 MB check report of 12,000 ledgers); json takes what orjson
    refuses (an integer beyond 64 bits)."""
    data = _orjson(value)
    if data is not None:
        return data.decode() + "\n"
    return json.dumps(value, ensure_ascii=False, indent=2, default=_parsed) + "\n"


def _orjson(value) -> bytes | None:
    """orjson's UTF-8 of `dumps`'s text (without its last line break), or None when orjson refuses."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2, default=_raw)
    except TypeError:
        return None


def write_json(value) -> None:
    """Print `value` as `dumps` writes it.  Where stdout writes UTF-8 and keeps line ends as they
    are (POSIX), orjson's own bytes go out: the 29 MB check report of 12,000 ledgers is then not
    decoded and encoded again (≈0.15 s); and the runs of a top-level Raw list go out as they are,
    between the bytes orjson writes around them (the 18 MB of kept chains' rows at 12k are then
    neither copied into objects nor into orjson's text)."""
    out = sys.stdout
    data = None
    if os.linesep == "\n" and _utf8(out):
        raws = [v for v in value.values() if isinstance(v, Raw)] if isinstance(value, dict) else []
        marked = {k: orjson.Fragment(b"\0%d\0" % raws.index(v)) if isinstance(v, Raw) else v
                  for k, v in value.items()} if raws else value  # (a NUL is never in orjson's text)
        data = _orjson(marked)
    if data is None:  # (and what orjson refuses: the way dumps takes it)
        out.write(dumps(value))
        return
    out.flush()
    parts = data.split(b"\0") if raws else [data]
    for k, part in enumerate(parts):
        if k % 2 == 0:
            out.buffer.write(part)
            continue
        items = raws[int(part)].items
        if not items:
            out.buffer.write(b"[]")
            continue
        out.buffer.write(b"[\n    ")
        _write_runs(out.buffer, items)
        out.buffer.write(b"\n  ]")
    out.buffer.write(b"\n")


def _write_runs(buffer, items: list) -> None:
    """The runs `items` joined by ITEM_SEP, written to `buffer`: where it writes to a file descriptor, by
    os.writev, as many runs a call as it takes (a cold 12k check's 13,336 rows, each a run: 27 calls, not
    26,671 writes of the buffer, ≈24 → 6 ms); else one write each."""
    try:
        fd = buffer.fileno() if hasattr(os, "writev") else None
    except (AttributeError, OSError, ValueError):  # (a stream in memory: io.UnsupportedOperation)
        fd = None
    if fd is None:
        for i, run in enumerate(items):
            if i:
                buffer.write(ITEM_SEP)
            buffer.write(run)
        return
    parts = [ITEM_SEP] * (2 * len(items) - 1)
    parts[0::2] = items
    buffer.flush()
    write_parts(fd, parts)


def _utf8(stream) -> bool:
    try:
        return getattr(stream, "buffer", None) is not None and codecs.lookup(stream.encoding).name == "utf-8"
    except (LookupError, TypeError, AttributeError):
        return False


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


AS_OF = re.compile(r"(.+)@(\d{4}-\d\d-\d\d)")  # (a ledger as committed on a past day: cache.past_records)
AS_OF_SAID = {"zh": ("{day} 的内容", "，第 {line} 行第 {col} 列", "（现在的文件可能已改正）："),
              "en": ("As of {day}", ", line {line}, column {col}", " (the file now may be corrected): ")}


def as_of(file: str) -> tuple[str, str | None]:
    """(the real file, the day) of a file named as it was on a past day (x.yaml@2026-07-01); (file, None) else."""
    m = AS_OF.fullmatch(file)
    return (m[1], m[2]) if m else (file, None)


def as_of_said(day: str, line: int | None = None, col: int | None = None, lang: str = "zh") -> str:
    """2026-07-01 的内容[，第 3 行第 30 列] / As of 2026-07-01[, line 3, column 30]."""
    said, at, _tail = AS_OF_SAID[lang]
    return said.format(day=day) + (at.format(line=line, col=col or 1) if line is not None else "")


def github_line(f: F.Finding, lang: str = "zh") -> str:
    """One workflow command.  A finding in a ledger as it was on a past day (x.yaml@2026-07-01) is put at
    the real file, which GitHub can find, without a line — that day's lines need not be today's — and
    its text begins with the day and the line and column in that day's content.  One at no file there
    (a ledger not handed in, W-CHK-006; a folder) is put at none, an annotation of the run: GitHub shows
    one at a missing file nowhere, or at the wrong place; W-CHK-006's hint names the file to hand in."""
    where, day = as_of(f.file)
    props = [f"file={_escape_property(where)}"] if os.path.isfile(where) else []
    said = as_of_said(day, f.line, f.column, lang) + AS_OF_SAID[lang][2] if day else ""
    if day is None and f.line is not None and props:
        props.append(f"line={f.line}")
        props.append(f"col={f.column or 1}")
    props.append(f"title={_escape_property(f.code)}")
    message = said + f.message(lang) + (f" — {f.hint(lang)}" if f.hint(lang) else "")
    return f"::{f.severity} {','.join(props)}::{escape_data(message)}"


def as_github(findings, lang: str = "zh") -> str:
    return "".join(github_line(f, lang) + "\n" for f in findings)
