"""E-YAML-001 for the syntax errors a person makes typing a record by hand: what is wrong, in
the words of the mistake, and the line to type — instead of where libyaml's parser stopped
("did not find expected key", told as indentation, after `summary: "诚信考试"主题交流`).

Runs only for a file with a syntax error (load._yaml_error); nothing here is on the path of a
file that parses.  `explain` returns None when no case fits: libyaml's problem is told then.
"""
from __future__ import annotations

import re

from generator import load

_OPEN = {'"': '"', "'": "'", "[": "]", "{": "}"}
# a line's indentation and list dashes, a field's name and colon, and the value (from a quote or bracket)
_VALUE = re.compile(r"^( *(?:- +)*)(?:([A-Za-z_][A-Za-z0-9_]*): +)?([\"'\[{])")


def quoted(value: str) -> str:
    """`value` as a quoted YAML text: in double quotes, or single quotes when it holds a " or \\."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _typed(prefix: str, key: str | None, value: str) -> str:
    return f"{prefix.strip()} {key}: {quoted(value)}".strip() if key else f"{prefix.strip()} {quoted(value)}".strip()


def _params(problem_zh: str, problem: str, typed: str, how_zh: str = "", how_en: str = "") -> dict:
    """E-YAML-001's parameters; without `how_*`, the line to type quotes the value (see quoted)."""
    if not how_zh:
        single = typed.endswith("'")
        how_zh = "请给整个值加上英文单引号（值里有双引号或“\\”）" if single else "请给整个值加上英文引号"
        how_en = "Put the whole value in single quotes" if single else "Put the whole value in quotes"
    return {"problem": problem, "problem_zh": problem_zh, "fix": f"{how_zh}，这一行写成：{typed}",
            "fix_en": f"{how_en}: {typed}"}


def _after_closing(lines: list[str], row: int, column: int):
    """`summary: "诚信考试"主题交流`, `'十四五'规划`, `[座谈] 与学生交流`: a value that starts with a quote
    or bracket ends at the closing one, and libyaml stops at the text after it."""
    line = lines[row]
    m = _VALUE.match(line)
    if not m or m.start(3) >= column or not line[column:].strip():
        return None
    value = line[m.start(3):].rstrip()
    rest = line[column:].strip()
    rest = rest if len(rest) <= 20 else rest[:19] + "…"
    char = m.group(3)
    return (row + 1, m.start(3) + 1), _params(
        f"值以“{char}”开头，读到对应的“{_OPEN[char]}”就结束了，后面的“{rest}”无法读取",
        f"a value starting with '{char}' ends at its '{_OPEN[char]}'; '{rest}' after it cannot be read",
        _typed(m.group(1), m.group(2), value))


def explain(exc, text: str):
    """(position, E-YAML-001's parameters) for a mistake of typing that `exc` comes from, or None."""
    problem, at = exc.problem or "", exc.problem_mark
    if at is None:
        return None
    lines = load.LINE_BREAK.split(text)
    if problem.startswith(("did not find expected key", "did not find expected '-' indicator")):
        return _after_closing(lines, at.line, at.column)
    return None
