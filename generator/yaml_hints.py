"""E-YAML-001 for the syntax errors a person makes typing a record by hand: what is wrong, in
the words of the mistake, and the line to type — instead of where libyaml's parser stopped
("did not find expected key", told as indentation, after `summary: "诚信考试"主题交流`).

Runs only for a file with a syntax error (load._yaml_error); nothing here is on the path of a
file that parses.  `explain` returns None when no case fits: libyaml's problem is told then.
"""
from __future__ import annotations

import json
import re
import unicodedata
from difflib import get_close_matches
from functools import lru_cache

from generator import load
from generator.chars import CONTROL, LINE_BREAKS, SPACES, klass

_OPEN = {'"': '"', "'": "'", "[": "]", "{": "}"}
# a line's indentation and list dashes, a field's name and colon, and the value (from a quote or bracket)
_VALUE = re.compile(r"^( *(?:- +)*)(?:([A-Za-z_][A-Za-z0-9_]*): +)?([\"'\[{])")
_FIELD = re.compile(r"^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_]*): +(?=\S)")  # up to the value


def quoted(value: str) -> str:
    """`value` as a quoted YAML text: in double quotes, or single quotes when it holds a " or \\."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def in_place(line: str, typed: str) -> str:
    """`typed`, the line to type for `line`, with the spaces `line` begins with: typed in the line's place, a field
    or an item stays where it was (an activity's, not one at the margin, which YAML reads as no longer the activity's)."""
    return line[:len(line) - len(line.lstrip(" "))] + typed.lstrip(" ")


def _typed(prefix: str, key: str | None, value: str) -> str:
    """The line of `prefix` (the line's spaces and dashes), the field `key` (if any) and `value` quoted."""
    return f"{prefix}{key}: {quoted(value)}" if key else f"{prefix}{quoted(value)}"


def params(problem_zh: str, problem: str, typed: str, how_zh: str = "", how_en: str = "", which: str = "这一行",
           single: bool | None = None) -> dict:
    """E-YAML-001's parameters; without `how_*`, the line to type quotes the value (see quoted), in
    single quotes if `single` (by default: if the line ends with one)."""
    if not how_zh:
        single = typed.endswith("'") if single is None else single
        how_zh = "请给整个值加上英文单引号（值里有双引号或“\\”）" if single else "请给整个值加上英文引号"
        how_en = "Put the whole value in single quotes" if single else "Put the whole value in quotes"
    return {"problem": problem, "problem_zh": problem_zh, "fix": f"{how_zh}，{which}写成：{typed}",
            "fix_en": f"{how_en}: {typed}"}


def table_row(text: str) -> tuple[str, str, str, str, str] | None:
    """For a spreadsheet's row pasted as an activity (2026-04-20<Tab>社团活动<Tab>进社团 …), what it is, zh and en,
    how to write it, zh and en, and its first cell (the date); else None."""
    if "\t" not in text or not re.match(r"[0-9]{4}", text.strip()):
        return None
    return ("这一行像是从表格（Excel、WPS）复制来的一行，各格之间是 Tab：YAML 分不出哪一格是哪个字段",
            "this line looks like a spreadsheet's row pasted, its cells separated by tabs: YAML cannot tell which "
            "cell is which field",
            "请把每一格写成一个字段、各占一行：第一行以“- ”开头，下面 form: …、place: …、channel: …、students: …、"
            "summary: … 各占一行，与 date 对齐（见使用指南中的台账示例）",
            "Write each cell as a field on a line of its own: the first begins with '- ', and form: …, place: …, "
            "channel: …, students: …, summary: … go under it, aligned with date (as in the guide's example ledger)",
            text.strip().split("\t")[0].strip())


_NEXT_FIELD = re.compile(r"[ \t]+([a-z_][a-z0-9_]*): +\S")  # (a second field on a field's line: date: … form: 社团活动)


def _two_fields(lines: list[str], row: int, key: re.Match, start: int):
    """`- date: "2026-04-20" form: 社团活动`, `- date: 2026-04-20 form: 社团活动`: two fields written on one line,
    the second from the field's value at `start` (the line's `key`: _FIELD's or _VALUE's match, its name group 2)
    on — when a field the schemas know follows — E-YAML-001's position and words: put it on a line of its own,
    aligned with the first, with the line to type (not the two in one quoted value, which the next run refuses)."""
    line = lines[row]
    nxt = next((n for n in _NEXT_FIELD.finditer(line, start) if n.group(1) in _field_names()), None)
    if key.group(2) is None or nxt is None or not line[start:nxt.start()].strip():
        return None
    first, second, at = line[:nxt.start()].rstrip(), line[nxt.start(1):].rstrip(), key.end(1)
    if (had := _item_has(lines, row, at, nxt.group(1))) is not None:  # (put on a line of its own: a key twice, E-YAML-003)
        return (row + 1, nxt.start(1) + 1), params(
            f"一行里写了两个字段：“{second}”是另一个字段，而这一项已经有 {nxt.group(1)}",
            f"two fields on one line: '{second}' is another field, and this item has {nxt.group(1)} already", first,
            f"这一项在第 {had + 1} 行已经有 {nxt.group(1)}：请核对两处，把“{second}”从这一行删掉",
            f"This item has {nxt.group(1)} already, on line {had + 1}: check the two, and delete '{second}' from this line",
            which="这一行")
    return (row + 1, nxt.start(1) + 1), params(
        f"一行里写了两个字段：“{second}”是另一个字段，要另起一行",
        f"two fields on one line: '{second}' is another field, on a line of its own", first,
        f"每个字段各占一行：请把“{second}”写到下一行，与 {key.group(2)} 对齐（前面 {at} 个空格）",
        f"Each field has a line of its own: put '{second}' on the next line, aligned with {key.group(2)} ({at} spaces "
        "before it); the line", which="这一行")


def _item_has(lines: list[str], row: int, at: int, name: str) -> int | None:
    """The row of the field `name` of the mapping whose fields begin at column `at` on lines[row] (an activity's
    fields, above and under that line), or None."""
    starts = "-" in lines[row][:at]  # (the line begins the item: nothing of it above)
    for step in (1,) if starts else (-1, 1):
        n = row + step
        while 0 <= n < len(lines):
            text = lines[n]
            if text.strip() and not text.lstrip().startswith("#"):
                field, indent = _KEY.match(text), len(text) - len(text.lstrip(" "))
                if step > 0 and indent < at:
                    break
                if field and field.end(1) == at and field.group(2) == name:
                    return n
                if indent < at:  # (above: the item's first line, '- ' before its key, checked)
                    break
            n += step
    return None


def _after_closing(lines: list[str], row: int, column: int):
    """`summary: "诚信考试"主题交流`, `'十四五'规划`, `[座谈] 与学生交流`: a value that starts with a quote
    or bracket ends at the closing one, and libyaml stops at the text after it."""
    line = lines[row]
    m = _VALUE.match(line)
    if not m or m.start(3) >= column or not line[column:].strip():
        return None
    if two := _two_fields(lines, row, m, m.start(3)):
        return two
    if m.group(2) is None and (said := _quoted_name(line, m.start(3), row)):
        return said
    value = line[m.start(3):].rstrip()
    rest = line[column:].strip()
    rest = rest if len(rest) <= 20 else rest[:19] + "…"
    char = m.group(3)
    return (row + 1, m.start(3) + 1), params(
        f"值以“{char}”开头，读到对应的“{_OPEN[char]}”就结束了，后面的“{rest}”无法读取",
        f"a value starting with '{char}' ends at its '{_OPEN[char]}'; '{rest}' after it cannot be read",
        _typed(m.group(1), m.group(2), value))


def _colon_in_value(lines: list[str], row: int, column: int):
    """`summary: 主题: 学业规划`: a colon and space in a value, read as a second field on the line; or
    a field indented more than the one above (`     channel:` under `    place:`), read as more of
    that one's text, and then its colon."""
    line = lines[row]
    m = _FIELD.match(line)
    if m and m.end() <= column and (two := _two_fields(lines, row, m, m.end())):
        return two
    if m and m.end() <= column:
        value = line[m.end():].rstrip()
        return (row + 1, m.end() + 1), params(
            f"“{m.group(2)}”的值里有“冒号+空格”，YAML 会把它当成又一个字段",
            f"the value of '{m.group(2)}' holds ': ', which YAML reads as another field", _typed(m.group(1), m.group(2), value))
    return _aligned(lines, row, column)


def _above(lines: list[str], row: int):
    """The nearest line above `row` that is not blank or a comment, and its number, or (None, -1)."""
    for n in range(row - 1, -1, -1):
        if lines[n].strip() and not lines[n].lstrip().startswith("#"):
            return lines[n], n
    return None, -1


def _aligned(lines: list[str], row: int, column: int):
    """A field (`channel: 面对面`) at `column`, the start of its line, not aligned with the field above."""
    line = lines[row]
    m = _FIELD.match(line)
    above = _FIELD.match(_above(lines, row)[0] or "")
    if not m or m.start(2) != len(line) - len(line.lstrip(" ")) or column not in (m.start(2), m.end(2)) or not above:
        return None
    want, have = above.start(2), m.start(2)
    if want == have:
        return None
    more = f"多缩进了 {have - want} 格" if have > want else f"少缩进了 {want - have} 格"
    more_en = f"indented {have - want} more" if have > want else f"indented {want - have} less"
    typed = " " * want + line.strip()
    return (row + 1, have + 1), params(
        f"这一行比上一行的“{above.group(2)}”{more}，两行没有对齐", f"this line is {more_en} than '{above.group(2)}' above",
        typed, f"请让它与上一行的 {above.group(2)} 对齐（前面 {want} 个空格）",
        f"Align it with '{above.group(2)}' above ({want} spaces before it)")


def _after_list(lines: list[str], row: int, column: int):
    """A field (`summary:`, at `column`) right after a list's items (- 诚信考试) and as far in as their “- ”,
    as if it were one of them: not aligned with the field above that holds the list (topics:)."""
    m = _KEY.match(lines[row])
    if not m or m.group(1) != " " * column:
        return None
    for n in range(row - 1, -1, -1):
        line = lines[n]
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or line.lstrip().startswith("#") or indent > column:
            continue
        if indent == column and line.lstrip().startswith("- "):  # (the list's items)
            continue
        holder = _KEY.match(line)
        if indent == column or not holder or holder.end(1) >= column:
            return None
        want, name = holder.end(1), holder.group(2)
        return (row + 1, column + 1), params(
            f"这一行比第 {n + 1} 行的“{name}”多缩进了 {column - want} 格，和“{name}”下面列表的“- ”一样深，却不是列表的一项",
            f"this line is indented {column - want} more than '{name}' at line {n + 1}, as far as the '- ' of its list, "
            "but is no item of it", " " * want + lines[row].strip(),
            f"请让它与第 {n + 1} 行的 {name} 对齐（前面 {want} 个空格）",
            f"Align it with '{name}' at line {n + 1} ({want} spaces before it)")
    return None


_DASH = re.compile(r"( *)- +([A-Za-z_][A-Za-z0-9_]*:(?: |$))?")  # a list item, of fields or not


def _list_of(kind: str | None, key: str) -> tuple[str, str] | None:
    """(the name, the title) of the one list field of the schemas (of `kind`) whose items have the field `key`
    (date → activities, 联系学生活动), or None."""
    found = {(name, node.get("title", name)) for name, nodes in schema_fields(kind).items() for node in nodes
             if isinstance(node, dict) and node.get("type") == "array" and isinstance(node.get("items"), dict)
             and key in (node["items"].get("properties") or {})}
    return found.pop() if len(found) == 1 else None


def _items_without_their_field(lines: list[str], row: int, column: int, kind: str | None):
    """A list's items (`  - date: …` at `column` of lines[row]) under a field whose value is on its own line
    (contact_points: [club-robotics]): the line of the list's field (activities:) left out — where it goes, and
    the line to type; None when the items' field is not one list field of the schemas."""
    item = _DASH.match(lines[row])
    if not item or len(item.group(1)) != column or not item.group(2):
        return None
    above, n = _above(lines, row)
    holder = _KEY.match(above) if above is not None else None
    if holder is None or len(holder.group(1)) >= column or not above[holder.end():].strip() or \
            (listed := _list_of(kind, item.group(2).rstrip(": "))) is None:
        return None
    name, title = listed
    first, want = item.group(2).rstrip(": "), len(holder.group(1))
    return (row + 1, column + 1), params(
        f"第 {row + 1} 行起的几项（{first}……）是“{title}”（{name}）的各项，上面却没有“{name}:”这一行，接在了“{holder.group(2)}”的后面",
        f"the items from line {row + 1} on ({first} …) are those of '{name}', but there is no line '{name}:' above "
        f"them: they follow '{holder.group(2)}'", " " * want + f"{name}:",
        f"请在第 {row + 1} 行前面加上一行，与 {holder.group(2)} 对齐（前面 {want} 个空格）",
        f"Add a line before line {row + 1}, aligned with {holder.group(2)} ({want} spaces before it)", which="加上的一行")


def _item_aligned(lines: list[str], row: int, column: int):
    """A list item whose “- ” (at `column`) is not aligned with the item of its kind above."""
    m = _DASH.match(lines[row])
    if not m or len(m.group(1)) != column:
        return None
    for n in range(row - 1, -1, -1):
        above = _DASH.match(lines[n])
        if above and bool(above.group(2)) == bool(m.group(2)):
            want = len(above.group(1))
            break
    else:
        return None
    if want == column:
        return None
    more = f"多缩进了 {column - want} 格" if column > want else f"少缩进了 {want - column} 格"
    more_en = f"{column - want} more" if column > want else f"{want - column} less"
    return (row + 1, column + 1), params(
        f"这一项的“- ”比第 {n + 1} 行那一项的“- ”{more}，两项没有对齐",
        f"this item's '- ' is indented {more_en} than the item at line {n + 1}", " " * want + lines[row].strip(),
        f"请让它与第 {n + 1} 行的“- ”对齐（前面 {want} 个空格）", f"Align it with the '- ' at line {n + 1} ({want} spaces before it)")


def _lost_dash(lines: list[str], row: int, column: int):
    """A list's first item without the “- ” that the next item (its “- ” at `row`, `column`) has: its
    fields, as far up as the list's field (`activities:`), were read as that field's neighbours."""
    dash = _DASH.match(lines[row])
    if not dash or len(dash.group(1)) != column:
        return None
    first, n = None, row - 1
    while n >= 0:
        line = lines[n]
        indent = len(line) - len(line.lstrip(" "))
        if line.strip() and not line.lstrip().startswith("#"):
            if indent < column + 2:
                break
            if indent == column + 2:
                if not re.match(r"[A-Za-z_][A-Za-z0-9_]*:(?: |$)", line.strip()):
                    return None
                first = n
        n -= 1
    if first is None or n < 0 or not re.fullmatch(r" *(?:- +)*[A-Za-z_][A-Za-z0-9_]*: *", lines[n]):
        return None
    return (first + 1, column + 3), params(
        f"第 {first + 1} 行这一项少了“- ”：列表的每一项以“- ”开头，与下面各项的“- ”对齐",
        f"the item at line {first + 1} has no '- ': each item of a list begins with '- ', aligned with those below",
        " " * column + "- " + lines[first].strip(), "请在这一项的第一行加上“- ”", "Begin its first line with '- '",
        f"第 {first + 1} 行")


# an item numbered as in Word or a chat (1. date: …, 2、form …) instead of begun with “- ”
_NUMBERED = re.compile(r"^( *)([0-9]{1,2}(?:[.、．)）]|\.\s))[ \u3000]*([A-Za-z_][A-Za-z0-9_]*: .*)$")


def _numbered(lines: list[str], row: int):
    """A list's items numbered 1. 2. 3. (as a document numbers them), the nearest at or above `row`, where
    the parser stops — and stops there no more with a “- ” for each number (_dashed): told to begin each with “- ”
    instead, and the line to type; and where the dashes and the fields go when the numbers were not all
    where the dashes go, or the fields were aligned after them (  1. date: / 10. date:, right-aligned as
    Word aligns them, or their fields under date)."""
    for n in range(row, max(row - 30, -1), -1):
        said = numbered_line(lines[n]) if n < len(lines) else None
        if said:
            dashed, moved = _dashed(lines)
            if not _parses_past(dashed, row):
                return None
            column = len(dashed[n]) - len(dashed[n].lstrip(" "))
            if moved:
                said = (*said[:2], dashed[n], f"{said[3][:-1]}：各项的“- ”前面都是 {column} 个空格，"
                        f"下面的字段与“- ”后面的字段名对齐，前面都是 {column + 2} 个空格）",
                        f"{said[4][:-1]}: every item's '- ' after {column} spaces, the fields under it "
                        f"aligned with the name after the '- ', after {column + 2} spaces)")
            return (n + 1, len(lines[n]) - len(lines[n].lstrip(" ")) + 1), params(*said)
    return None


def numbered_line(line: str) -> tuple[str, str, str, str, str] | None:
    """For a line begun with a number (  1. date: …), the words of its number, zh and en, the line to type
    with “- ” for it, and how, zh and en (params' order); else None."""
    m = _NUMBERED.match(line)
    if not m:
        return None
    number = m.group(2).strip()
    return (f"列表的一项用“{number}”编号了：YAML 的列表每一项以“- ”开头，不用 1. 2. 3. 编号",
            f"a list's item is numbered '{number}': each item of a YAML list begins with '- ', not 1. 2. 3.",
            f"{m.group(1)}- {m.group(3).strip()}", f"请把“{number}”换成“- ”（每一项都这样改）",
            f"Write '- ' instead of '{number}' (in every item)")


def _dashed(lines: list[str]) -> tuple[list[str], bool]:
    """`lines` with a “- ” for every number (1. date: → - date:): each dash of a list where most of its numbers
    are (10. and 9. right-aligned, as Word aligns them, are one column apart), the lines under a number moved
    with the first of them to 2 columns after its dash (     form: under 1. date:, aligned with the name);
    and whether any line moved so."""
    out, moved = list(lines), False
    numbers = [(i, m) for i, m in ((i, _NUMBERED.match(ln)) for i, ln in enumerate(lines)) if m]
    lists: list[list] = []  # runs of numbers a list's items (within 2 columns of each other)
    for i, m in numbers:
        if lists and abs(len(m.group(1)) - len(lists[-1][-1][1].group(1))) <= 2:
            lists[-1].append((i, m))
        else:
            lists.append([(i, m)])
    for items in lists:
        indents = [len(m.group(1)) for _, m in items]
        column = max(sorted(set(indents)), key=indents.count)  # (most numbers': 1. to 9., when 10. is right-aligned)
        ends = [i for i, _ in items[1:]] + [len(lines)]
        for (i, m), end in zip(items, ends):
            out[i] = " " * column + "- " + m.group(3)
            moved |= len(m.group(1)) != column
            shift = None  # (how far the item's fields move: from the first of them to 2 columns after the dash)
            for j in range(i + 1, end):
                indent = len(lines[j]) - len(lines[j].lstrip(" "))
                if not lines[j].strip():
                    continue
                if indent <= len(m.group(1)):
                    break  # (the list is over)
                shift = indent - column - 2 if shift is None else shift
                if shift and indent - shift >= column + 2:
                    out[j], moved = " " * (indent - shift) + lines[j].lstrip(" "), True
    return out, moved


def _parses_past(lines: list[str], row: int) -> bool:
    """Whether `lines` (the text with a “- ” for every number: _dashed) parse past lines[row]: else the
    parser stops there for something else (a quote left open under a “1. form:”), not for the numbers."""
    import yaml

    try:
        yaml.compose("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        return exc.problem_mark is not None and exc.problem_mark.line > row
    except yaml.YAMLError:
        return False
    return True


_ITEM = re.compile(r"^( *)- +(?![A-Za-z_][A-Za-z0-9_]*:)\S")  # a list's item of text (- 学业发展)
_BARE_FIELD = re.compile(r"( *(?:- +)*)([A-Za-z_][A-Za-z0-9_]*): *")  # a field with nothing after its colon
_NO_COLON = re.compile(r"([a-z_][a-z0-9_]*) +(\S.*)")  # a field's name, a space and its value (channel 面对面)


@lru_cache(maxsize=None)
def _properties(kind: str | None = None) -> tuple:
    """Every `properties` mapping in the schemas (of `kind`: the schema of records of that kind), the files
    read in their names' order, each walked depth first — one walk for schema_fields and _mappings_with."""
    from generator.validate import SCHEMAS  # (only on an error)

    found: list = []

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("properties"):
                found.append(node["properties"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(SCHEMAS.glob(f"{kind or '*'}.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return tuple(found)


@lru_cache(maxsize=None)
def schema_fields(kind: str | None = None) -> dict:
    """Every field's name in the schemas (channel, summary …), or in the schema of records of `kind`,
    → its schema nodes, one a schema that has it (students → [{"type": "integer", …}])."""
    fields: dict = {}
    for properties in _properties(kind):
        for name, field in properties.items():
            fields.setdefault(name, []).append(field)
    return fields


def _field_names() -> frozenset:
    return frozenset(schema_fields())


def name_of_title(word: str, fields: dict) -> tuple[str | None, str]:
    """(the field's name, its title) of `fields` (a name → its schema nodes: schema_fields(kind) for a record's
    kind, or one mapping's properties) whose Chinese title `word` is, or nearly (学生人数 for students:
    联系学生人数; 形式 for form) or the one title it is a part of (人数), when that title is one field's only;
    or (None, "")."""
    from generator.suggest import closest  # (only on an error)

    titles: dict = {}
    for name, nodes in fields.items():
        for node in nodes:
            if isinstance(node, dict) and node.get("title"):
                titles.setdefault(node["title"], set()).add(name)
    title = closest(word, titles)
    if title is None and len(word) > 1:  # (人数, a part of 联系学生人数: too short to be “nearly” it)
        title = next(iter(within)) if len(within := {t for t in titles if word in t}) == 1 else None
    return (next(iter(titles[title])), title) if title and len(titles[title]) == 1 else (None, "")


def value_typed(name: str, value: str, nodes: list | None = None) -> tuple[str, str, str]:
    """(the value of the field `name` as its type in the schemas (or its `nodes`) wants it typed, and
    the words for the change, zh and en): students 25人 → 25, typical 是 → true, as E-SCHEMA-003 would
    say the next run; `value` and no words when the schemas do not say (a text, a name of two types)."""
    from generator.validate import value_meant  # (only on an error)

    meant = {value_meant(node, value) for node in (schema_fields().get(name, ()) if nodes is None else nodes)}
    if len(meant) != 1 or None in meant or value in meant:
        return value, "", ""
    typed = meant.pop()
    return typed, f"（值“{value}”要写成 {typed}）", f" (the value '{value}' is written {typed})"


def line_meant(word: str, value: str, fields: dict, dashes: str = "", raw: bool = False,
               indent: str = "") -> tuple[str, str, str, str, str]:
    """The line to type for a field written `word` — its name, in full-width letters or with a capital
    (Ｆｏｒｍ), or its Chinese title (学生人数, 形式) — with `value`, among `fields` (name_of_title's): the
    field's name; the words for a title, zh and en, a sentence before the line (“学生人数”是字段 students
    （联系学生人数）的中文说明…); and the line, zh and en: `dashes`, the name, ": " and the value as its type
    wants it, with the words for a value changed (students: 25（值“25人”要写成 25）).  E-YAML-010's and
    E-SCHEMA-003's (validate._mapping_meant).  `raw`: `value` is the line's text after the colon, its comment
    (comment_apart) kept after the value typed (学生人数：25人 # 估计 → students: 25 # 估计); a list's value begun with a
    '#' (topics: #诚信考试) is given the list's form, its item on the next line under the field, `indent` and two
    spaces more (topics: then       - 诚信考试).  `indent`: the spaces before the line in the file, which begin the
    line to type (in_place: typed in the line's place, the field stays its mapping's)."""
    word = word.strip()
    value, comment = comment_apart(value.strip()) if raw else (value, "")
    hashed = raw and not value and comment[1:].strip() != "" and comment[:1] == "#"
    if hashed:  # (学生人数：#25: the value begun with a '#', all a comment to YAML — the value meant after it)
        value, comment = comment_apart(comment[1:].strip())
    name = unicodedata.normalize("NFKC", word)
    name = name.lower() if name.lower() in fields else name
    note = note_en = ""
    if name not in fields and re.search("[\u4e00-\u9fff]", name):
        titled, title = name_of_title(name, fields)
        if titled:  # (its title in brackets when written otherwise: 学生人数 for 联系学生人数)
            shown = " " if title == name else f"（{title}）"
            name, note, note_en = titled, f"“{word}”是字段 {titled}{shown}的中文说明，字段名要写英文。", \
                f"'{word}' is the title of '{titled}': field names are written in English. "
    from generator.validate import chinese_quotes, range_meant, takes  # (only on an error)

    written, nodes = value.strip(), fields.get(name, [])
    all_prose = hashed and nodes and all(prose(node) for node in nodes)
    written = quoted(f"#{written}") if all_prose else written  # (a text's '#' is kept, in quotes: #开学第一课#)
    value, said, said_en = value_typed(name, written, nodes)
    ranged = None if said else next(filter(None, (range_meant(node, chinese_quotes(written)[0], written, name)
                                                  for node in nodes)), None)
    if ranged:  # (students:20-30, 学生人数：20-30: the least count, and why, as E-SCHEMA-003 says it the next run)
        value, note, note_en = ranged[0], note + ranged[1], f"{note_en}{ranged[2]} "
    if hashed:
        from generator.messages.load import HASH_QUOTED, HASH_SAID

        told = HASH_QUOTED if all_prose else HASH_SAID
        said, said_en = told[0] + said, told[1] + said_en
    if hashed and nodes and not all_prose and (item := _item_of(name, written, nodes)) is not None:
        under = " " * (len(indent) + len(dashes) + 2)
        from generator.messages.load import HASH_LISTED

        return name, note, note_en, f"{indent}{dashes}{name}:，下面加一行：{under}- {item}{comment}{HASH_LISTED[0]}", \
            f"{indent}{dashes}{name}:, and under it the line: {under}- {item}{comment}{HASH_LISTED[1]}"
    if nodes and not any(takes(node, _all_defs(), f"{name}: {value}") for node in nodes):
        # (人数：很多, date：2026-02-30: not students: 很多, which the next run refuses — the value to write, said)
        kind, kind_en = _kind_words(nodes[0])
        title = next((n["title"] for n in nodes if isinstance(n, dict) and n.get("title")), name)
        return name, note, note_en, f"{indent}{dashes}{name}: …（“{written}”不是{title}可以写的值，这里要写{kind}）", \
            f"{indent}{dashes}{name}: … ('{written}' is no value of {name}: write {kind_en})"
    return name, note, note_en, f"{indent}{dashes}{name}: {value}{comment}{said}", \
        f"{indent}{dashes}{name}: {value}{comment}{said_en}"


def _item_of(name: str, written: str, nodes: list) -> str | None:
    """`written` as an item of the list field `name` (its schema `nodes`), quoted if it must be (None: the field is
    no list, or the value as written is a list already: [诚信考试, 学风建设] — or no item of it)."""
    from generator.validate import takes  # (only on an error)

    if not written or written[:1] in "[{" or not all(isinstance(n, dict) and n.get("type") == "array" for n in nodes):
        return None
    return next((item for item in (written, quoted(written))
                 if any(takes(node, _all_defs(), f"{name}:\n  - {item}") for node in nodes)), None)


@lru_cache(maxsize=None)
def _all_defs() -> dict:
    """The $defs of every schema (date, slug …), as a root for a field's node of any of them (validate.takes)."""
    from generator.validate import SCHEMAS  # (only on an error)

    defs: dict = {}
    for path in sorted(SCHEMAS.glob("*.schema.json")):
        defs.update(json.loads(path.read_text(encoding="utf-8")).get("$defs", {}))
    return {"$defs": defs}


def _kind_words(node) -> tuple[str, str]:
    """What a value of the schema `node` is, zh and en (一个整数, a whole number), for a line not offered."""
    node = node if isinstance(node, dict) else {}
    if node.get("$ref") == "#/$defs/date" or node.get("format") == "date":
        return "一个实有的日期，写作 YYYY-MM-DD，如 2026-04-20", "a real date, as YYYY-MM-DD, e.g. 2026-04-20"
    kind = node.get("type")
    low = f"，至少 {node['minimum']}" if isinstance(node.get("minimum"), int) else ""
    return {"integer": (f"一个整数{low}", f"a whole number{low and ', at least ' + str(node['minimum'])}"),
            "boolean": ("true 或 false", "true or false"),
            "array": ("一个列表（每项一行，以“- ”开头）", "a list (an item a line, each beginning '- ')")}.get(
        kind, ("一段文字", "a text"))


_KEY = re.compile(r"( *(?:- +)*)([A-Za-z_][A-Za-z0-9_]*) *:(?: |$)")


def field_line(lines: list[str], row: int, name: str) -> tuple[int | None, bool]:
    """(the line, from 1, of the field `name` in the mapping whose key lines[row] is — its lines at the same
    column, up to the item's “- ” or the field above — or None; whether that mapping is a list's item)."""
    lead = re.match(r" *(?:- +)*", lines[row])
    col, item = lead.end(), bool(lead.group().strip())
    for step in (-1, 1):
        for n in range(row + step, -1 if step < 0 else len(lines), step):
            line = lines[n]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if step > 0 and (dash := re.match(r" *(?:- +)+", line)) and dash.end() <= col:
                break  # (the next item: its date is not this one's, - 日期：… being the first line of this)
            key = _KEY.match(line)
            if key and key.end(1) == col and key.group(2) == name:
                return n + 1, item or bool(key.group(1).strip())
            if step < 0 and key and key.end(1) == col and key.group(1).strip():  # (the item's first line)
                item = True
                break
            if len(line) - len(line.lstrip(" ")) < col:
                break
    return None, item


def already_there(word: str, name: str, at: int, item: bool, typed: str, typed_en: str | None,
                  lines: list[str]) -> tuple[str, str, str, str]:
    """The words, zh and en, for a field written by its Chinese title `word` (日期：2026-04-21) in a mapping
    that has its field `name` already, at line `at` of `lines`: not to type a second one; and, in an item, the
    line of a new item, zh and en ("" in a mapping), its last words: typed, typed_en (the field's line, with
    line_meant's words for a value changed in each language; typed alone when they are one) after the spaces and
    the “- ” of the item above, where the new item's line goes."""
    where, where_en = ("这一项", "this item") if item else ("这里", "this mapping")
    zh = (f"“{word}”是字段 {name} 的中文说明，可{where}在第 {at} 行已经有 {name} 了，只能写一个。"
          f"如果是要改第 {at} 行的 {name}，请改那一行，再删掉这一行")
    en = (f"'{word}' is the title of '{name}', which {where_en} already has at line {at}; only one is written. "
          f"If line {at}'s {name} is to change, change it there and delete this line")
    if not item:
        return zh, en, "", ""
    dash = _item_dash(lines, at)
    return (zh + "；如果这一行说的是另一项（如另一次活动），请另起一项，与上一项的“- ”对齐",
            en + "; if this line is of another item (another activity), begin a new item, aligned with the one above",
            f"{dash}- {typed}", f"{dash}- {typed_en or typed}")


def _item_dash(lines: list[str], at: int) -> str:
    """The spaces before the “- ” of the item whose field is on line `at` (1-based): those of a new item's line."""
    key = _KEY.match(lines[at - 1]) if 0 < at <= len(lines) else None
    column = key.end(1) if key else 2
    for text in reversed(lines[:at]):
        dash = re.match(r"( *)- +", text)
        if dash and dash.end() == column:
            return dash.group(1)
        if text.strip() and not text.lstrip().startswith("#") and len(text) - len(text.lstrip(" ")) < column:
            break
    return " " * max(column - 2, 0)


@lru_cache(maxsize=None)
def sensible_depth() -> int:
    """How deep any record's values nest, by the schemas (a ledger: its mapping, activities, an
    activity, its topics — 4)."""
    from generator.validate import SCHEMAS  # (only on an error)

    def depth(node, root, seen: frozenset) -> int:
        while isinstance(node, dict) and str(node.get("$ref", "")).startswith("#/") and node["$ref"] not in seen:
            seen, ref = seen | {node["$ref"]}, node["$ref"]
            node = root
            for part in ref[2:].split("/"):
                node = node.get(part, {})
        if not isinstance(node, dict):
            return 0
        inner = [*(node.get("properties") or {}).values(), *(node.get("patternProperties") or {}).values(),
                 *(v for v in (node.get("items"), node.get("additionalProperties")) if isinstance(v, dict))]
        alternatives = [a for k in ("oneOf", "anyOf", "allOf") for a in node.get(k) or []]
        kinds = node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]
        own = 1 if inner or {"object", "array"} & set(kinds) else 0
        return max([own + max([depth(n, root, seen) for n in inner] or [0]),
                    *(depth(a, root, seen) for a in alternatives)])

    schemas = [json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.schema.json")]
    return max(depth(s, s, frozenset()) for s in schemas)


def title_no_space(lines: list[str], row: int, kind: str | None = None):
    """E-YAML-001's position and words for lines[row], a field's Chinese title, an ASCII colon and no
    space (学生人数:25人, in the schema of records of `kind`): the line to type (students: 25); or None."""
    line = lines[row]
    titled = load.TITLE_COLON.match(line)  # (its colon group 1, as load finds the line)
    if not titled:
        return None
    head = line[:titled.start(1)].lstrip(" ")
    word = head.lstrip("- ")  # (the title, after an item's dashes)
    dashes = head[:len(head) - len(word)]
    name, note, note_en, typed, typed_en = line_meant(word, line[titled.end(1):].rstrip(), schema_fields(kind), dashes, raw=True,
                                                      indent=line[:len(line) - len(line.lstrip(" "))])
    if not note:
        return None
    fix, fix_en = f"{note}请在冒号后面加一个空格，这一行写成：{typed}", f"{note_en}Add a space after the colon, which makes the line: {typed_en}"
    at, item = field_line(lines, row, name)
    if at:  # (日期:2026-04-21 in an activity that has its date: not a second date)
        lead = line[:len(line) - len(line.lstrip(" "))] + dashes
        fix, fix_en, line_zh, line_en = already_there(word, name, at, item, typed.removeprefix(lead),
                                                      typed_en.removeprefix(lead), lines)
        fix, fix_en = fix + (f"，这一行写成：{line_zh}" if item else ""), fix_en + (f": {line_en}" if item else "")
    return (row + 1, len(line) - len(line.lstrip(" ")) + 1), {
        "problem_zh": f"“{word}:”的冒号后面少了一个空格，这一行读成了一段文字，不是字段",
        "problem": f"no space after the colon of '{word}:': the line is read as a text, not a field", "fix": fix, "fix_en": fix_en}


def _no_colon(lines: list[str], row: int, kind: str | None = None):
    """A line with no colon where a field or list item was due: `-就业指导` (no space after the dash),
    `channel 面对面` (no colon), `就业指导` among `- ` items (no dash), or a text of the field above
    going on on this line, not indented more than that field (as pasted from Word) — also when it
    begins with a word that is no field's name (python 编程…) or with a minus (-5℃…)."""
    line = lines[row]
    text, indent = line.strip(), len(line) - len(line.lstrip(" "))
    above, _ = _above(lines, row)
    item, field = _ITEM.match(above or ""), _FIELD.match(above or "")
    goes_on = field and above[field.end():field.end() + 1] not in "\"'[{|>"  # (a plain text above: it may go on)
    named = _NO_COLON.fullmatch(text)
    bare = _BARE_FIELD.fullmatch(above or "")
    bare = bare if bare and indent <= bare.start(2) else None  # (form: and, below, 社团活动: its value)
    how = ("请补上", "Add it, which makes the line")
    told = title_no_space(lines, row, kind)
    if told:  # (学生人数:25人 — not the text of the field above going on: typed so, a wrong value was saved)
        return told
    if text.startswith("-") and text[1:2].strip() and text[1] != "-" and not goes_on:
        said = ("列表项的“-”后面少了一个空格", "no space after the list item's '-'")
        typed = f"- {text[1:]}"
    elif named and (not (goes_on or bare) or get_close_matches(named.group(1), _field_names(), 1, 0.85)):
        m = named  # (a field's name, or nearly: chanel 面对面; not python 编程…, the value or more of the text above)
        said = (f"字段名“{m.group(1)}”后面少了冒号", f"no colon after '{m.group(1)}'")
        typed = f"{m.group(1)}: {m.group(2)}"
        if m.group(2)[0] == ":":  # (channel :面对面: the space before the colon, not after it)
            said = (f"冒号要紧跟在“{m.group(1)}”后面，冒号后面再加一个空格",
                    f"the colon goes right after '{m.group(1)}', and a space after it")
            typed, how = f"{m.group(1)}: {m.group(2)[1:].strip()}", ("请改正", "Move it, which makes the line")
    elif item and len(item.group(1)) == indent:
        said = ("这一行在列表的各项之间，却没有“- ”", "this line is among a list's items but has no '- '")
        typed = f"- {text}"
    elif field and re.fullmatch(r"[|>][-+]?", above[field.end():].strip()):
        key = field.group(2)
        return (row + 1, indent + 1), params(
            f"“{key}: {above[field.end():].strip()}”下面的多行文字，每一行都要比“{key}”多缩进",
            f"the lines of the text under '{key}: {above[field.end():].strip()}' go indented more than '{key}'",
            " " * (field.start(2) + 2) + text, f"请把这些行都比 {key} 多缩进两格（前面 {field.start(2) + 2} 个空格）",
            f"Indent these lines 2 more than {key} ({field.start(2) + 2} spaces before them)")
    elif bare and (row_words := table_row(text)):
        zh, en, how_zh, how_en, first = row_words
        return (row + 1, indent + 1), params(zh, en, f"{' ' * (bare.start(2) + 2)}- date: {first}", how_zh, how_en)
    elif bare:
        key = bare.group(2)
        return (row + 1, indent + 1), params(
            f"“{key}:”的值写到了下一行，却没有比“{key}”多缩进", f"the value of '{key}:' is on the next line, not indented more",
            in_place(above, f"{key}: {text}"), "请把它写在冒号后面的同一行", "Write it after the colon, on the same line", "上一行")
    elif field and (said := _note_under(lines, row, field, kind)):  # (date: "2026-03-05" and a note under it)
        return (row + 1, indent + 1), said
    elif goes_on:
        key, value = field.group(2), above[field.end():].rstrip()
        return (row + 1, indent + 1), params(
            f"这一行没有“键: 值”的冒号，像是上一行“{key}”文字的接续（接续的行要比“{key}”多缩进）",
            f"this line has no colon; it looks like more of the text of '{key}' above (such lines go indented more)",
            in_place(above, f"{key}: {value}{text}"),
            f"请把这一行接到上一行的末尾（多行的文字也可以写成 {key}: | ，下面各行比 {key} 多缩进两格）",
            f"Join it to the line above (or write {key}: | and indent the lines below 2 more than {key}), which then reads",
            "上一行")
    else:
        return None
    return (row + 1, indent + 1), params(*said, in_place(line, typed), *how)


def prose(node) -> bool:
    """Whether a field of schema `node` is a text of sentences (summary, note, reflections), not a date, a
    number, an id or a word of a vocabulary (a string of no pattern or format, 100 characters or more)."""
    return isinstance(node, dict) and node.get("type") == "string" and not {"pattern", "format", "enum", "$ref"} & set(node) \
        and node.get("maxLength", 100) >= 100


@lru_cache(maxsize=None)
def _mappings_with(kind: str | None, key: str) -> tuple:
    """The properties of every mapping in the schemas (of `kind`) that has the field `key`."""
    return tuple(properties for properties in _properties(kind) if key in properties)


def _note_under(lines: list[str], row: int, field: re.Match, kind: str | None):
    """A sentence pasted on a line of its own (lines[row]) under a field that takes no sentences (date: 2026-03-05,
    students: 25), which YAML reads as more of that field's value: E-YAML-001's words — it is a note, and a note
    is a field, its mapping's text (an activity's summary, a feedback item's note, a ledger's reflections) — with
    the line to type: that field's line with the note at its end when the mapping has it, else the note as it; None
    when the field above takes sentences (its text going on) or its mapping has no such field."""
    key, text, col = field.group(2), lines[row].strip(), field.end(1)
    mappings = _mappings_with(kind, key)
    if not mappings or any(prose(m[key]) for m in mappings):
        return None
    names = {next((n for n in ("note", *m) if n in m and prose(m[n])), None) for m in mappings}
    if len(names) != 1 or None in names:
        return None
    name = names.pop()
    title = next(m[name].get("title", name) for m in mappings)
    _, n = _above(lines, row)
    at, item = field_line(lines[:row] + [""] + lines[row + 1:], n, name)  # (past the note's line, at any indent)
    said = (f"这一行没有“键: 值”的冒号，像是一句说明写在了“{key}”的下面：它不是 {key} 的值，说明要写成一个字段",
            f"this line has no colon: it looks like a note written under '{key}', and it is no value of {key}: "
            "a note is a field")
    where, where_en = ("这一项", "This item") if item else ("这里", "This mapping")
    if not at:
        spaces, spaces_en = (f"前面 {col} 个空格", f"{col} spaces before it") if col else ("顶格写", "at the line's start")
        return params(*said, f"{' ' * col}{name}: {text}", f"说明写在 {name}（{title}）里，与 {key} 对齐（{spaces}）",
                      f"A note goes in {name}, aligned with {key} ({spaces_en}), which makes the line")
    line = lines[at - 1].rstrip()
    value = line[_KEY.match(line).end():].strip()
    how = f"{where}在第 {at} 行已经有 {name}（{title}）了：请把这句话", f"{where_en} has its {name} at line {at}: "
    if value[:1] in "|>":  # (summary: | and its lines: one more line of them)
        last = next((k for k in range(at, len(lines)) if lines[k].strip() and len(lines[k]) - len(lines[k].lstrip(" ")) <= col
                     and not lines[k].lstrip().startswith("#")), len(lines))
        last = max((k for k in range(at, last) if lines[k].strip()), default=at - 1)
        inner = len(lines[last]) - len(lines[last].lstrip(" ")) if last >= at else col + 2
        return params(*said, f"{' ' * inner}{text}", f"{how[0]}加在第 {last + 1} 行下面，与那一行对齐（前面 {inner} 个空格），再删掉这一行",
                      f"{how[1]}add the note under line {last + 1}, aligned with it ({inner} spaces before it), and delete "
                      "this line; the line added", "加的一行")
    if value[:1] in "\"'" and value[-1:] == value[:1] and value[:1] not in text:  # (the line with its spaces)
        typed = f"{line[:len(line) - 1]}{text}{value[0]}"
    elif value and value[:1] not in "\"'[{&*!#" and " #" not in value:
        typed = f"{line}{text}"
    else:
        return None
    return params(*said, typed, f"{how[0]}接到那一行的末尾，再删掉这一行",
                  f"{how[1]}add the note at its end and delete this line; line {at} then reads", f"第 {at} 行")


# A value that starts with one of YAML's marks for a block of lines, a list item or a complex key
# (`summary: >90%的学生…`, `summary: - 第一点`): libyaml's problem → (the mark's words, zh and en).
_MARKS = {"did not find expected comment or line break": ("表示多行文字的开始", "starts a block of lines"),
          "block sequence entries are not allowed": ("表示列表的一项", "starts a list item"),
          "mapping keys are not allowed": ("表示复杂的键", "starts a complex key")}
_KEY_BEFORE = re.compile(r" *(?:- +)*[A-Za-z_][A-Za-z0-9_]*: +")


def _marked(exc, text: str, lines: list[str]):
    words = next((w for p, w in _MARKS.items() if (exc.problem or "").startswith(p)), None)
    at = exc.context_mark if exc.context == "while scanning a block scalar" else exc.problem_mark
    if not words or at is None or not _KEY_BEFORE.fullmatch(lines[at.line][:at.column]):
        return None
    return quote_it(text, at.line, at.column, (lines[at.line][at.column], *words))


_CHINESE_CLOSE = {'"': "”", "'": "’"}


_QUOTED_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)([”’])[ \t]*:(?=[ \t]|$)")


def _quoted_name(line: str, column: int, row: int):
    """`"summary”: |`, `- "date”: "2026-04-20"`: a field's name (at `column`, the line's first after its dashes) in
    quotes, the closing one Chinese, which YAML reads as the opening of a text that is never closed (or closed by
    the value's own quote): the line to type, its name bare."""
    name = _QUOTED_NAME.match(line, column + 1)
    if not name or line[column] not in _CHINESE_CLOSE or line[:column].strip(" -"):
        return None
    typed = (line[:column] + name.group(1) + line[name.end(2):]).rstrip()
    return (row + 1, column + 1), params(
        f"字段名两边的引号 {line[column]} {name.group(2)} 有一个是中文引号，YAML 读不出这个字段",
        f"the quotes {line[column]} {name.group(2)} around the field's name, one of them Chinese, hide the field from YAML",
        typed, "字段名不用加引号：请删掉它们", "A field's name needs no quotes: delete them")


def _unclosed(lines: list[str], row: int, column: int, until: int | None = None):
    """`summary: "参加……` with no closing quote, or one closed with a Chinese ” (an input method's);
    `until`: the row of the quote that closed it after all (a later value's), if any."""
    line = lines[row]
    quote, value = line[column], line[column + 1:].rstrip()
    if quote not in _CHINESE_CLOSE or quote in value:
        return None
    how = ("请在值的末尾补上英文引号", "Close it with the same quote")
    if said := _quoted_name(line, column, row):
        return said
    if value.endswith(_CHINESE_CLOSE[quote]):
        said = (f"引号没有闭合：开头是英文引号“{quote}”，结尾却是中文引号“{value[-1]}”",
                f"the quote is never closed: it opens with '{quote}' and ends with a Chinese '{value[-1]}'")
        how = (f"请把结尾的中文引号“{value[-1]}”换成英文引号“{quote}”", f"Put an ASCII '{quote}' for the Chinese '{value[-1]}' at its end")
        value = value[:-1]
    elif until is not None:
        said = (f"引号没有闭合：从这里开始的引号一直读到第 {until + 1} 行的引号才结束，中间各行都成了它的文字",
                f"the quote that starts here is not closed on its line: it runs up to the quote at line {until + 1}")
    else:
        said = ("引号没有闭合：从这里开始的引号直到文件末尾都没有结束", "the quote that starts here is never closed")
    typed = in_place(line, f"{line[:column].strip()} {quote}{value}{quote}".strip())
    return (row + 1, column + 1), params(*said, typed, *how)


def _closed_later(lines: list[str], row: int, column: int):
    """`date: "2026-04-20”` (closed with a Chinese quote) or `form: "社团活动` (not closed), whose text
    ran on to the quote of a later line (`row`), before `column`, where libyaml stopped."""
    for quote in _CHINESE_CLOSE:
        if quote not in lines[row][:column]:
            continue
        for n in range(row - 1, -1, -1):  # (the lines between hold no such quote: they are its text)
            if quote in lines[n]:
                m = _VALUE.match(lines[n])
                if m and m.group(3) == quote and quote not in lines[n][m.end(3):]:
                    return _unclosed(lines, n, m.start(3), row)
                break
    return None


def _escape(lines: list[str], quote_at, at):
    """`summary: "D:\\活动"`: a backslash in double quotes that is no escape; in single quotes it is text."""
    line = lines[quote_at.line]
    end = line.rfind('"')
    if quote_at.line != at.line or end <= quote_at.column:
        return None
    typed = in_place(line, f"{line[:quote_at.column].strip()} {quoted(line[quote_at.column + 1:end])}".strip())
    return (at.line + 1, at.column + 1), params(
        "双引号里的反斜杠“\\”不是有效的转义", "a backslash '\\' in double quotes that is no valid escape", typed)


def quote_it(text: str, row: int, column: int, mark: tuple[str, str, str]):
    """E-YAML-001's position and words for the value at `row`, `column` (from 0), which starts
    with `mark` (char, Chinese, English as in load._MARKED): the line to type, the value quoted."""
    line = load.LINE_BREAK.split(text)[row]
    value = line[column:].strip()
    if line[:column].rstrip().endswith(("[", ",", "{")):  # an item of a list written on one line
        value = re.match(r"[^,\]}]*", value).group().strip()
    key, q = re.match(r"^( *(?:- +)*)([^:#]+?): *$", line[:column]), quoted(value)
    typed = f'{key.group(1)}{key.group(2)}: {q}' if key else in_place(line, q)
    if line[:column].rstrip().endswith(("[", ",")):  # (the whole line, as on one line: [*mkt])
        typed = line.rstrip().replace(value, q, 1)
    char, zh, en = mark
    return (row + 1, column + 1), params(f"值开头的“{char}”在 YAML 中{zh}，后面的文字无法读取",
                                         f"'{char}' at the start of a value {en} in YAML", typed, single=q.startswith("'"))


def bullet(text: str, row: int, column: int):
    """`* 就业指导` on a line of its own: a bullet pasted from Word or WeChat, meant as a list's item."""
    line = load.LINE_BREAK.split(text)[row]
    if line[:column].strip() or not line.startswith("* ", column):
        return None
    return (row + 1, column + 1), params(
        "这一行以“* ”开头：列表的每一项以“- ”开头（“*”在 YAML 中表示别名）",
        "this line starts with '* ': a list's item begins with '- ' ('*' is an alias in YAML)",
        in_place(line, f"- {line[column + 2:].strip()}"), "请把“*”换成英文的减号“-”", "Put an ASCII '-' for the '*'")


def explain(exc, text: str, kind: str | None = None):
    """(position, E-YAML-001's parameters) for a mistake of typing that `exc` comes from (in a record of
    `kind`, when known: a field's Chinese title is looked up in its schema), or None."""
    problem, at = exc.problem or "", exc.problem_mark
    if at is None:
        return None
    lines = load.LINE_BREAK.split(text)
    numbered = _numbered(lines, at.line)
    if numbered:
        return numbered
    if problem.startswith(("did not find expected key", "did not find expected '-' indicator")):
        return (_closed_later(lines, at.line, at.column) or _after_closing(lines, at.line, at.column)
                or _aligned(lines, at.line, at.column)
                or _item_aligned(lines, at.line, at.column) or _lost_dash(lines, at.line, at.column)
                or _after_list(lines, at.line, at.column) or _items_without_their_field(lines, at.line, at.column, kind))
    if problem.startswith("found unexpected end of stream") and exc.context == "while scanning a quoted scalar":
        return _unclosed(lines, exc.context_mark.line, exc.context_mark.column)
    if problem.startswith("found unknown escape character") and exc.context_mark is not None:
        return _escape(lines, exc.context_mark, at)
    if any(problem.startswith(p) for p in _MARKS):
        return _marked(exc, text, lines)
    if problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        return _no_colon(lines, exc.context_mark.line, kind)
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_value(lines, at.line, at.column)
    return None


# What an escape in double quotes turns into when it is a character nobody types into a text
# (E-YAML-014): D:\new\table is read as D:<line break>ew<tab>able.
_CONTROL_ESCAPES = {"0": ("空字符", "a NUL character"), "a": ("响铃符", "a bell character"),
                    "b": ("退格符", "a backspace"), "t": ("Tab", "a tab"), "\t": ("Tab", "a tab"),
                    "n": ("换行", "a line break"), "v": ("垂直制表符", "a vertical tab"), "f": ("换页符", "a form feed"),
                    "r": ("回车符", "a carriage return"), "e": ("ESC 控制符", "an escape character"),
                    "N": ("换行（U+0085）", "a line break (U+0085)"), "L": ("换行（U+2028）", "a line break (U+2028)"),
                    "P": ("换段（U+2029）", "a paragraph break (U+2029)"),
                    "_": ("不换行空格", "a no-break space")}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_CONTROL_CHAR = re.compile(klass({**CONTROL, **LINE_BREAKS, "\t": "", "\xa0": ""}))


def control_escape(text: str, start: int, end: int):
    """For the double-quoted text at text[start:end] (quotes included), the index of its first escape
    that makes a control character (\\n, \\t, \\b …), and E-YAML-014's parameters; or None."""
    for m in _ESCAPE.finditer(text, start + 1, end - 1):
        esc = m.group(1)
        what = _CONTROL_ESCAPES.get(esc)
        if what is None and len(esc) > 1 and _CONTROL_CHAR.match(chr(min(int(esc[1:], 16), 0x10FFFF))):
            what = (f"控制字符 U+{int(esc[1:], 16):04X}", f"the control character U+{int(esc[1:], 16):04X}")
        if what is None:
            continue
        shown = "\\" + ("t" if esc == "\t" else esc)
        inner = text[start + 1:end - 1]
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        typed_zh = typed_en = ""
        if "\n" not in text[start:end]:
            line = text[line_start:start] + "'" + inner.replace("'", "''") + "'" + text[end:line_end]
            typed = line.rstrip()  # (with its spaces: typed in the line's place)
            typed_zh, typed_en = f"，这一行写成：{typed}", f": {typed}"
        return m.start(), {"esc": shown, "what": what[0], "what_en": what[1], "typed": typed_zh, "typed_en": typed_en}
    return None


def item_on_two_lines(text: str, start: int, end: int, value: str):
    """For the plain item of a list at text[start:end], on two lines or more (- 诚信考试 and, under
    it, 期末复习备考), the index of its second line's text and E-YAML-015's parameters."""
    first_break = text.find("\n", start, end)
    at = first_break + 1
    while at < end and text[at] in " \r\n":
        at += 1
    cont = text[at:end].split("\n", 1)[0].strip()
    line_start = text.rfind("\n", 0, start) + 1
    dash = text[line_start:start].rstrip()
    indent = " " * (len(dash) - 1) if dash.endswith("-") else text[line_start:start]
    shown = value if len(value) <= 30 else value[:29] + "…"
    if cont.startswith("- "):  # (an item of its own, its “- ” further in than the one above: not “- - 就业指导”)
        more = at - (text.rfind("\n", 0, at) + 1) - len(indent)
        typed = f"{indent}{cont}"
        return at, {"cont": cont, "value": shown, "fix": (
            f"这一行的“- ”比上一项的“- ”多缩进了 {more} 格，读成了上一项文字的接续：请让它与上一项的“- ”对齐（前面 {len(indent)} 个空格），"
            f"这一行写成：{typed}"), "fix_en": (
            f"This line's '- ' is indented {more} more than the item above, so it reads as more of that item's text: "
            f"align it with the '- ' above ({len(indent)} spaces before it), which makes the line: {typed}")}
    typed = f"{indent}- {cont}"
    return at, {"cont": cont, "value": shown,
                "fix": f"如果“{cont}”是新的一项，请在它前面加上“- ”，与上一项的“- ”对齐，这一行写成：{typed}；如果是同一项，请把它接到上一行的末尾。",
                "fix_en": f"If '{cont}' is another item, begin it with '- ', aligned with the item above: {typed}; "
                          "if it is the same item, put it at the end of the line above."}


def tab_spaces(lines: list[str], row: int, kind: str | None = None) -> dict:
    """E-YAML-002's words for the tab that indents lines[row]: the line to type with the spaces it
    wants — as many as the field above (more by two after a field with nothing after its colon), or
    a list item's as the item's above — or, where that cannot be told, spaces."""
    want, text = indent_wanted(lines, row, kind)
    if want is None:
        return {"spaces": "空格。", "spaces_en": "spaces."}
    typed, written = " " * want + text, lines[row].lstrip(" \t" + "".join(SPACES)).rstrip()
    also, also_en = "", ""
    if text != written:  # (\tsummary：参加…: the line to type puts its colon right too — said, not done silently)
        loose, right = _LOOSE_FIELD.fullmatch(written), re.fullmatch(r"(?:- +)*([A-Za-z_][A-Za-z0-9_]*): (.*)", text)
        was, now = (comment_apart(v)[0].strip()  # (the values without their comments: 值“25人”写成 25)
                    for v in (loose.group(4) if loose else "", right.group(2) if right else ""))
        parts = [] if not loose or not right else [p for p in (
            loose.group(2) != right.group(1) and (f"“{loose.group(2)}”写成字段名 {right.group(1)}",
                                                  f"'{loose.group(2)}' with the field's name {right.group(1)}"),
            loose.group(3) != ":" and (f"中文（全角）的“{loose.group(3)}”换成英文冒号“:”",
                                       f"the full-width '{loose.group(3)}' with an ASCII ':'"),
            loose.group(3) == ":" and written[loose.end(3):loose.end(3) + 1] != " " and (
                "冒号后面加一个空格", "a space after the colon"),
            was != now and (f"值“{was}”写成 {now}", f"the value '{was}' as {now}")) if p]
        also, also_en = ("，并把" + "、".join(p[0] for p in parts), " and " + ", ".join(p[1] for p in parts)) if parts \
            else ("，这一行的字段也要写对", " and the field written right")
    return {"spaces": f"空格（前面 {want} 个空格）{also}，这一行写成：{typed}",
            "spaces_en": f"spaces ({want} spaces before it){also_en}, which makes the line: {typed}"}


def indent_wanted(lines: list[str], row: int, kind: str | None = None) -> tuple[int | None, str]:
    """How many spaces lines[row] wants before it, where its indentation holds a tab or a full-width
    or no-break space (see tab_spaces), or None; and the line's text, right (field_typed) for records of `kind`."""
    text = lines[row].lstrip(" \t" + "".join(SPACES)).rstrip()
    want = None
    if text.startswith("- "):
        want = next((len(ln) - len(ln.lstrip(" ")) for ln in reversed(lines[:row])
                     if ln.lstrip(" ").startswith("- ") and "\t" not in ln[:len(ln) - len(ln.lstrip())]), None)
    above, _ = _above(lines, row)
    field = re.match(r"( *(?:- +)*)([A-Za-z_][A-Za-z0-9_]*):(.*)", above or "")
    if want is None and field and "\t" not in field.group(1):
        value = field.group(3).split(" #")[0].strip()
        want = field.start(2) + (2 if not value or re.fullmatch(r"[|>][-+]?", value) else 0)
    return want, field_typed(text, kind)


_LOOSE_FIELD = re.compile(r"((?:- +)*)([A-Za-z_Ａ-Ｚａ-ｚ＿][A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]*|[\u4e00-\u9fff]{2,12})"
                          rf" *([:：；])[ {''.join(SPACES)}]*(.*)")


_COMMENT = re.compile(r"(?:^|[ \t]+)#")


def comment_apart(value: str) -> tuple[str, str]:
    """(`value`, a plain value after a field's colon, without its comment; the comment with the spaces
    before it): 25人 # 估计 → (25人, ' # 估计'); a '#' within quotes ("参加 # 活动") is the value's."""
    start = 0
    if value[:1] in "\"'":
        close = value.find(value[0], 1)
        start = len(value) if close < 0 else close + 1
    m = _COMMENT.search(value, start)
    return (value, "") if m is None else (value[:m.start()], value[m.start():])


def field_typed(text: str, kind: str | None = None) -> str:
    """`text`, a line without its indentation, as it is to be typed when it is a field written with its
    Chinese title, a capital, a full-width colon or no space after its colon (学生人数:30 → students: 30;
    line_meant), so that the line an indentation's finding gives is right in one go; else `text`."""
    m = _LOOSE_FIELD.fullmatch(text)
    fields = schema_fields(kind)
    if not m or (m.group(3) == ":" and text[m.end(3):m.end(3) + 1] in (" ", "") and m.group(2) in fields):
        return text
    value, comment = comment_apart(m.group(4))  # (put back after the value typed: students: 25 # 估计)
    name = line_meant(m.group(2), value, fields)[0]
    return f"{m.group(1)}{name}: {value_typed(name, value.strip(), fields[name])[0]}{comment}" if name in fields else text
