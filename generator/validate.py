"""Validate: each record file against its JSON Schema (schemas/<kind>.schema.json).

Every schema error becomes a finding at the line and column of the offending value
(of the parent mapping for a missing field), worded for the cadre with the field's
Chinese title from the schema.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from generator import findings as F
from generator.chars import Lazy, narrow
from generator.load import LINE_BREAK, NOT_A_DASH, Document, leaves, line_col
from generator.suggest import closest, seen, unseen

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"

# Where a hint's lines (and a generated ledger: new_ledger) leave a value to the person — a fact only they know (a
# schema's "x-fact": true: an activity, a cadre's position), never an example that would validate unchanged — and
# the “…” of the line a hint gives to add to a list's item or a section (_item_line_added: name: …): values never
# valid as they are, wherever they are left (E-SCHEMA-011: `placeholders`).
PLACEHOLDER = "待填写"
_PLACEHOLDERS = (PLACEHOLDER, "…")
_PLACEHOLDER_BYTES = tuple(word.encode("utf-8") for word in _PLACEHOLDERS)
# A placeholder copied with the sentence's stop after it (a hint's “…写成：summary: …。”: name: …。) is one still.
_STOPS = "。，；.,;"
PLACEHOLDERS_LEFT = frozenset(word + stop for word in _PLACEHOLDERS for stop in ("", *_STOPS))


def placeholder_said(left: str) -> str:
    """The placeholder E-SCHEMA-011 names of a value left (one of PLACEHOLDERS_LEFT): without the stop copied after
    it (…。 is “…”), as the web form names it too."""
    return left.rstrip(_STOPS)


# A hint's line to add with no value to copy (name: …): the line in quotes, not before the sentence's stop.
_DOTS_SAID = ("把“…”换成实际的", "replace … with the real value")

_TYPE_ZH = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "真假值（true 或 false）",
            "array": "列表（每项以“- ”开头）", "object": "“键: 值”的映射", "null": "空值"}
_TYPE_EN = {"string": "text", "integer": "an integer", "number": "a number", "boolean": "true or false",
            "array": "a list", "object": "a mapping", "null": "empty"}


@lru_cache(maxsize=None)
def schema_for(kind: str) -> dict | None:
    path = SCHEMAS / f"{kind}.schema.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def validator_for(kind: str) -> Draft202012Validator | None:
    from jsonschema import Draft202012Validator, FormatChecker  # here: a warm run never needs it (0.2 s)

    schema = schema_for(kind)
    if schema is None:
        return None
    return Draft202012Validator(schema, format_checker=FormatChecker(["date"]))


def validate_document(doc: Document) -> list[F.Finding]:
    if doc.data is None or doc.kind is None:
        return []
    validator = validator_for(doc.kind)
    if validator is None:
        return [F.make("E-SCHEMA-000", doc.file, None, kind=doc.kind)]
    out = placeholders(doc, validator.schema)
    left = [f.data["path"] for f in out]
    errors = [e for e in validator.iter_errors(doc.data)  # (a placeholder's value: told it is one, not its rule)
              if not any(tuple(e.absolute_path)[:len(p)] == p for p in left)]
    told = _list_key_missing(errors, doc, validator.schema) if any(e.validator == "required" for e in errors) else {}
    for error in errors:
        if id(error) in told:
            out.extend(told.pop(id(error)))
        elif not any(tuple(error.absolute_path)[:len(p)] == p for p in told.get("within", ())):
            out.extend(_explain(error, doc, validator.schema))
    return out


def placeholders(doc: Document, root: dict | None = None) -> list[F.Finding]:
    """E-SCHEMA-011 for each value of `doc` that is still a placeholder (PLACEHOLDER, as a hint's lines or a generated
    ledger wrote it, or the … of a line a hint gives): its data's `path`, whose schema errors go.  Asked first whether
    the file holds one at all — of a file the quick path read, among the texts it met (Document.texts, a set:
    ≈0.05 µs; its bytes searched cost 1.3 µs a file of the demo's), else in its bytes or text —, a file without one
    costs no walk of its values."""
    if doc.data is None or doc.kind is None:
        return []
    texts = doc.texts
    if texts is not None:
        if texts.isdisjoint(PLACEHOLDERS_LEFT):
            return []
    elif not (any(word in raw for word in _PLACEHOLDER_BYTES) if (raw := doc.raw if doc.has_bytes else None) is not None
              else any(word in (doc.text or "") for word in _PLACEHOLDERS)):
        return []
    root = root or schema_for(doc.kind)
    if root is None:
        return []
    found = []
    for path, value in [(path, value) for path, value in leaves(doc.data)  # (as the gate above asks: the text as read)
                        if isinstance(value, str) and value in PLACEHOLDERS_LEFT]:
        kept = _comment_after(doc, path) is not None  # (a generated ledger's: 待填写  # 活动情况：…)
        found.append(F.make("E-SCHEMA-011", doc.file, doc.pos(path), data={"path": path}, placeholder=placeholder_said(value),
                            title=_title(root, path), title_en=en_path(path) or "the record",
                            description=_described(schema_at(root, path)), kept="（后面的 # 注释可以留着）" if kept else "",
                            kept_en=" (the # comment after it may stay)" if kept else ""))
    return found


def _list_key_missing(errors: list, doc: Document, root: dict) -> dict:
    """A required list's key left out (activities:), so that its items went on as items of the list above
    (contact_points: [x] then - date: … — each told 应为文字，这里是映射 there, and activities missing at 1:1): one
    E-SCHEMA-001 at the first of those items, with the line to add; {id(the required error): [it], "within":
    the paths of the items it stands for, whose errors go}."""
    told: dict = {"within": []}
    for error in errors:
        path = tuple(error.absolute_path)
        schema = _resolve(error.schema, root) if isinstance(error.schema, dict) else {}
        if error.validator != "required" or not isinstance(error.instance, dict):
            continue
        field = error.message.split("'")[1]
        node = _resolve(schema.get("properties", {}).get(field, {}), root)
        item = _resolve(node.get("items") or {}, root) if node.get("type") == "array" else {}
        fields = set(item.get("properties") or ())
        for key, value in error.instance.items():
            if not fields or not isinstance(value, list) or key == field or key not in schema.get("properties", {}):
                continue  # (activity:, 活动: — a name for the field itself: E-SCHEMA-002 says which)
            tail = len(value)
            while tail and isinstance(value[tail - 1], dict) and value[tail - 1] and set(value[tail - 1]) <= fields:
                tail -= 1
            inner = _resolve(schema.get("properties", {}).get(key, {}), root).get("items") or {}
            if tail == len(value) or _resolve(inner, root).get("type") == "object":
                continue  # (no such items, or the list above takes mappings: not read as its)
            line, col = doc.key_pos(path + (key,))
            at = doc.pos(path + (key, tail))
            keys = "、".join(dict.fromkeys(k for v in value[tail:] for k in v))
            typed = f"{' ' * (col - 1)}{field}:"
            title, above = node.get("title", field), _title(root, path + (key,))
            told[id(error)] = [F.make(
                "E-SCHEMA-001", doc.file, at, field=field, title=title, description="", description_en="",
                where=f"“{_title(root, path)}”" if path else "", where_en=f"{en_path(path)}: " if path else "",
                add=f"第 {at[0]} 行起的 {len(value) - tail} 项（{keys}）是“{title}”的各项，却接在第 {line} 行“{above}”（{key}）的列表后面，"
                    f"被当成了它的项：这里少了一行 {field}:。请在第 {at[0]} 行前面加上一行，与 {key} 对齐，这一行写成：{typed}",
                add_en=f"The {len(value) - tail} items from line {at[0]} ({', '.join(dict.fromkeys(k for v in value[tail:] for k in v))}) "
                       f"are {field}, but follow the list '{key}' of line {line} and are read as its items: the line "
                       f"'{field}:' is missing. Add it before line {at[0]}, aligned with {key}: {typed}")]
            told["within"] += [path + (key, i) for i in range(tail, len(value))]
            break
    return told if len(told) > 1 else {}


_FIELD_NUMBER = Lazy(r"([0-9]{1,2}[.、．)）]|[(（][0-9]{1,2}[)）]|[①-⑳])[ \u3000]*")  # (1. form, 2、place, （3）channel)


def _name_meant(field, value, schema: dict, root: dict, dashes: str = "", renamed=None) \
        -> tuple[str | None, str, str, tuple[str, str] | None]:
    """(the field's name the unknown `field` is taken for, or None; the hint, zh and en; the line to type, zh and en,
    or None — the hint's last words, after the fields allowed): a near miss (是不是想写“form”？), its Chinese title
    (形式:), a number or Chinese quotes before it, a character nobody sees; `dashes`, what its line has before the
    name (its spaces, and “- ” for an item's first field), begins the line to type; `renamed`, the field's line as
    written with a name for its own (_renamed_line's), when there is one."""
    allowed = list(schema.get("properties", {}))
    close = closest(field, allowed)
    suggestion, suggestion_en = (f"是不是想写“{close}”？", f"Did you mean '{close}'? ") if close else ("", "")
    line = None
    if close is None and isinstance(field, str) and re.search("[\u4e00-\u9fff]", field):
        from generator.yaml_hints import line_meant, name_of_title, value_typed  # (only on an error)

        fields = _properties(schema, root)
        close, title = name_of_title(field, fields)  # (日期:, 学生人数:, 工作体会:, 人数:)
        typed = line_meant(close, str(value), fields, dashes)[3:] if close and isinstance(value, (str, int, float)) \
            and not isinstance(value, bool) else None  # (人数: true: not students: True)
        if typed and not takes(fields[close][0], root, f"{close}: {value_typed(close, str(value).strip(), fields[close])[0]}"):
            typed = None  # (人数: 2026-01-01: not students: 2026-01-01, which the next run refuses, E-SCHEMA-003)
        suggestion, suggestion_en = (f"是不是想写“{close}”（{title}）？字段名要写英文，中文只是说明。",
                                     f"Did you mean '{close}' ({title})? Field names are in English. ") if close else ("", "")
        line = typed if close else None
    if not isinstance(field, str):
        return close, suggestion, suggestion_en, line
    told = unseen(field, allowed)
    if told:  # (form after a zero-width space: not 是不是想写“form”？)
        close = seen(field)
    elif narrow(field) in allowed:  # (ｆｏｒｍ: an input method's full-width letters)
        close = narrow(field)
        told = (f"字段名用了中文（全角）字母，要用英文（半角）字母，写成 {close}。",
                f"The name is in full-width letters: type it in ASCII: {close}. ")
    elif unicodedata.normalize("NFKC", field) in allowed:  # (reﬂections: a ligature, copied from a PDF)
        close = unicodedata.normalize("NFKC", field)
        told = (f"字段名里有连写字母（从 PDF 复制来的，如 ﬁ、ﬂ），看着一样却不是英文字母：请重新输入，写成 {close}。",
                f"The name holds a ligature (copied from a PDF, such as ﬁ or ﬂ) that looks like letters but is not: "
                f"type it again: {close}. ")
    elif field.lower() in allowed:  # (Form:, as a word processor capitalises a line's first letter)
        close = field.lower()
        told = (f"字段名要用小写字母，写成 {close}。", f"Field names are lower case: {close}. ")
    number = _FIELD_NUMBER.match(field)
    if number and not told:  # (    1. form: 社团活动 — an item's fields numbered as in a document)
        close = _name_meant(field[number.end():], value, schema, root)[0]
        typed = f"{dashes}{close}: {value}" if isinstance(value, (str, int, float)) else f"{dashes}{close}:"
        told = (f"字段名前面多了编号“{number.group(1)}”：字段不用编号（列表的一项才以“- ”开头），请删掉编号。",
                f"The name begins with a number, '{number.group(1)}': fields are not numbered (a list's item begins "
                f"with '- '); delete the number. ") if close else None
        line = (typed, typed) if close else None
    inside, quotes, _ = chinese_quotes(field)
    if quotes and inside in allowed:  # (“form”: 社团活动, as Word types it)
        typed = f"{dashes}{inside}: {value}" if isinstance(value, (str, int, float)) else f"{dashes}{inside}:"
        below = False
        if written := renamed and renamed(inside):  # (“summary”: | — the line as written, its text below it kept)
            below = written[0] or isinstance(value, (str, int, float)) and str(value).strip() not in written[1]
            typed = written[1]
        bare = chinese_quotes(value)[0] if isinstance(value, str) else value
        if bare != value and typed.endswith(value):  # (“date”: “2026-04-20”: its value's quotes go too)
            typed = typed[:-len(value)] + bare
        pair = f"{field[0]} {field[-1]}"
        which = (f"中文引号 {pair} 会", f"Chinese quotes {pair}") if {field[0], field[-1]} <= set(_QUOTES) else \
            (f"引号 {pair} 有一个是中文引号，两个都会", f"quotes {pair}, one of them Chinese,")
        close, told = inside, (f"字段名两边的{which[0]}被当成名字的一部分：请删掉它们。",
                               f"The {which[1]} around it are read as part of the name: delete them. ")
        line = (typed + "（下面各行不动）", typed + " (the lines below as they are)") if below else (typed, typed)
    if told:
        return close, told[0], told[1], line
    return close, suggestion, suggestion_en, line


def _renamed_line(doc: Document, path: tuple, name: str, value, schema: dict, root: dict) -> tuple[bool, str] | None:
    """(whether its value goes on below, the line of the field at `path` — a near miss of `name`: sumary — with
    `name` for its own and the rest as written: summary: …); None when the field `name` does not take the value
    (studnets: 很多: not students: 很多, which the next run refuses)."""
    if not _takes_value(_resolve(schema.get("properties", {}).get(name, {}), root), root, value):
        return None
    row, column = doc.key_pos(path)
    lines, field = doc.text.splitlines(), str(path[-1])
    line = lines[row - 1] if 0 < row <= len(lines) else ""
    if line[column - 1:column - 1 + len(field)] != field:  # (a quoted name: not this line)
        return None
    rest = line[column - 1 + len(field):].lstrip(" :")  # (nothing after the colon but a comment: the value below)
    line = (line[:column - 1] + name + line[column - 1 + len(field):]).rstrip()  # (its spaces and “- ” kept)
    return isinstance(value, (list, dict)) and (not rest or rest[0] == "#"), line


def _item_line_added(doc: Document, path: tuple, pos: tuple, field: str, item) -> tuple[str, str] | None:
    """E-SCHEMA-001's words for a field missing from a list's item (an activity without its date): under which line
    the line goes, aligned with which field and how many spaces in — not 请在这里加上一行, where “here” may be above or
    below, and YAML reads a line as far in as it is. Under the item's first line when its first field's value is all
    on it (form: 社团活动), else under the item's last line (after topics:'s list, summary: |'s lines, a quoted text
    over two lines): a line the next run reads as this item's field, the rest as it was (tried: `_added_reads`);
    None when the item does not begin with a field on its line, or no such line is found."""
    if not path or not isinstance(path[-1], int) or not isinstance(item, dict) or not item:
        return None
    row, column = pos
    text = doc.text
    lines = [part + end for part, end in zip(LINE_BREAK.split(text), LINE_BREAK.findall(text) + [""])]
    line = lines[row - 1] if 0 < row <= len(lines) else ""
    first = next((k for k in item if isinstance(k, str) and line[column - 1:].startswith(f"{k}:")), None)
    if first is None or line[:column - 1].strip() not in ("-", ""):
        return None
    spaces = column - 1
    ends = [span[1] for at, span in doc.spans.items() if at[:len(path)] == path]
    last = line_col(text, max(ends) - 1)[0] if ends else row  # (the line of the item's last value)
    for after in dict.fromkeys([row, *range(max(last, row), len(lines) + 1)]):
        written = lines[after - 1]
        if after > row and written.strip() and not written.lstrip().startswith("#") \
                and len(written) - len(written.lstrip(" ")) < spaces:
            break  # (the next item, or what follows the list: not this item's)
        if written.strip() and _added_reads(lines, after, f"{' ' * spaces}{field}: ", path, field, doc.file):
            shown = written.strip()
            shown = shown if len(shown) <= 30 else shown[:29] + "…"
            last_zh, last_en = ("", "") if after == row else ("（这一项的最后一行）", ", the item's last line")
            return (f"请在第 {after} 行“{shown}”{last_zh}下面加一行“{field}: …”，与 {first} 对齐（前面 {spaces} 个空格；"
                    f"{_DOTS_SAID[0]}）。",
                    f"Under line {after} ({shown}{last_en}) add a line aligned with {first} ({spaces} spaces before it; "
                    f"{_DOTS_SAID[1]}): {field}: …")
    return None


def _described(node: dict) -> str:
    """A schema node's description as a hint says it: the records folder it names (records/units.yaml) the one
    given (--records 'my records': my records/units.yaml), as the catalogue's {records} says it."""
    text, shown = node.get("description", ""), F.records_shown()
    return text if shown == "records" else re.sub(r"(?<![\w/.-])records/", lambda _m: f"{shown}/", text)


def _described_en(node: dict, field: str) -> str:
    """E-SCHEMA-001's English words for what the field is: the schema's description, as the Chinese hint gives it
    (`_described`) — the schemas describe their fields in Chinese only: carried as it is, not dropped — after the
    field's name and title; nothing when the schema describes it not."""
    text = _described(node)
    return f"{field} ({node.get('title', field)}): {text} " if text else ""


def _example(sub: dict, root: dict):
    """The schema's example of the field `sub` (`examples`, data: a university writes its own values in their
    place): its own, else — a mapping's — its required fields' examples together; None when one has none.  Of a
    fact (the schema's "x-fact": true: an activity, a cadre's position — only the person knows it) its shape only,
    each value PLACEHOLDER (`_blank`): an example typed unchanged there would validate, a made-up fact."""
    sub = _resolve(sub, root)
    if sub.get("examples"):
        return _blank(sub["examples"][0]) if sub.get("x-fact") else sub["examples"][0]
    if "properties" not in sub or not sub.get("required"):
        return None
    out = {}
    for name in sub["required"]:
        out[name] = _example(sub["properties"].get(name, {}), root)
        if out[name] is None:
            return None
    return out


def _blank(value):
    """`value` (a fact's example) with each of its values PLACEHOLDER, a list's first item only: its shape."""
    if isinstance(value, dict):
        return {key: _blank(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_blank(value[0])] if value else []
    return PLACEHOLDER


def _from_path(doc: Document, sub: dict, root: dict) -> str | None:
    """The value of a record's field its file's place says (the schema's "x-from-path": a ledger's period is its
    folder, its cadre its file's name: ledgers/2026-H1/zhang-wei.yaml), when it is one the field takes; else None
    (the field's example, or its shape, is given instead)."""
    part = sub.get("x-from-path")
    value = doc.folder if part == "folder" else doc.stem if part == "stem" else None
    pattern = _resolve(sub, root).get("pattern")
    return value if value and (pattern is None or re.search(pattern, value)) else None


def _values_said(example) -> tuple[str, str]:
    """What a hint says of the values of the lines it gives (`_example`'s): examples to change, placeholders to
    replace (a fact's), or both."""
    kept = [x == PLACEHOLDER for _path, x in leaves(example)]
    if all(kept):
        return f"把“{PLACEHOLDER}”换成实际的", f"replace {PLACEHOLDER} with the real values"
    if any(kept):
        return (f"把“{PLACEHOLDER}”换成实际的，其余的值是示例，请改成实际的",
                f"replace {PLACEHOLDER} with the real values; the other values are examples: write the real ones")
    return "值是示例，请改成实际的", "example values: write the real ones"


def _section_added(doc: Document, path: tuple, field: str, sub: dict, root: dict, mapping) -> tuple[str, str] | None:
    """E-SCHEMA-001's words for a record's section or a mapping's field missing (policy.yaml without privacy:,
    contacts: without min_per_semester:): where its lines go — at the file's end for a record's section, under the
    mapping's line and aligned with its first field, how many spaces in, for a field within one (not 请在这里加上一行
    at the key, where a line typed right there, or not indented, is no field of it) — and what they are: the
    field's description, then its lines from the schema's example of it (`_example`), the last words; with no
    example, or lines that would not read so, the line `field: …`, then the description. Tried: the file with the
    lines added reads as it did with the field given (`_lines_read`). None for a list's item's field
    (`_item_line_added`), a record's section the schema gives no example of, or a line the file would not read so
    (a mapping written {…} on its line, or its fields in braces below it)."""
    if path and not isinstance(path[-1], str) or not isinstance(mapping, dict):
        return None
    text = doc.text
    lines = [part + end for part, end in zip(LINE_BREAK.split(text), LINE_BREAK.findall(text) + [""])]
    if not path:
        after, spaces, first = len(lines), 0, None
    else:
        row, column = doc.key_pos(path)
        first = next((k for k in mapping if isinstance(k, str)), None)
        if first is None:
            return None
        inner = doc.key_pos(path + (first,))
        after, spaces = row, inner[1] - 1
        if inner[0] <= row:  # (contacts: {points_per_cadre: 1}: no line of its own to align with)
            return None
    known = _from_path(doc, sub, root) if not path else None
    example = _example(sub, root) if known is None else known
    typed = _block_lines({field: example}, " " * spaces) if example is not None else []
    if typed and _lines_read(lines, after, typed, path, field, doc.file):
        what, (said, said_en) = _show_lines(typed), _values_said(example)
        if known is not None:
            said, said_en = f"值取自这个文件的位置 {doc.rel}", f"the value is the file's place, {doc.rel}"
        if not path:
            return (f"{_described(sub)}请在文件末尾加上{what[0]}（{said}）：{what[2]}",
                    f"Add {what[1]} at the file's end ({said_en}): {what[3]}")
    elif path and _lines_read(lines, after, [f"{' ' * spaces}{field}: …"], path, field, doc.file):
        what = None  # (the line with no value to copy: the description after it)
    else:
        return None
    shown = lines[after - 1].strip()
    shown = shown if len(shown) <= 30 else shown[:29] + "…"
    if what is None:
        return (f"请在第 {after} 行“{shown}”下面加一行“{field}: …”，与 {first} 对齐（前面 {spaces} 个空格；{_DOTS_SAID[0]}）。"
                f"{_described(sub)}",
                f"Under line {after} ({shown}) add a line aligned with {first} ({spaces} spaces before it; {_DOTS_SAID[1]}): "
                f"{field}: …")
    return (f"{_described(sub)}请在第 {after} 行“{shown}”下面加上{what[0]}，与 {first} 对齐（前面 {spaces} 个空格；"
            f"{said}）：{what[2]}",
            f"Under line {after} ({shown}) add {what[1]}, aligned with {first} ({spaces} spaces before it; "
            f"{said_en}): {what[3]}")


def record_lines(kind: str | None) -> dict:
    """E-LOAD-002's {new} for an empty record of `kind` but a ledger's (load._empty_ledger: the command that
    writes it): the record's lines from its schema's example (`_example`: its required fields' examples), as
    E-SCHEMA-001 gives a section's; nothing when its schema gives no example of one of them."""
    root = schema_for(kind) if kind else None
    example = _example(root, root) if root else None
    if not isinstance(example, dict) or not example:
        return {"new": "", "new_en": ""}
    what, (said, said_en) = _show_lines(_block_lines(example)), _values_said(example)
    return {"new": f"请在文件末尾加上{what[0]}（{said}）：{what[2]}",
            "new_en": f" Add {what[1]} at the file's end ({said_en}): {what[3]}"}


def _filled_in(doc: Document, path: tuple, schema: dict, root: dict) -> tuple[str, str] | None:
    """E-SCHEMA-003's words for a mapping or a list with nothing after its colon (feedback: with its lines left
    out): the lines under it from the schema's example (`_example`), with their spaces, or its line written whole
    when the example is one line (forms: [主题班会, …]); tried as `_lines_read` tries. None for a field the schema
    gives no example of, or lines the file would not read so."""
    example = _example(schema, root)
    if not path or not isinstance(path[-1], str) or not isinstance(example, (dict, list)) or not example:
        return None
    from generator.load import parse_bytes  # (only on a finding)

    text, lead = doc.text, _lead_before(doc, path)
    lines = [part + end for part, end in zip(LINE_BREAK.split(text), LINE_BREAK.findall(text) + [""])]
    row, column = doc.key_pos(path)
    if not lead and column > 1 or not 0 < row <= len(lines):
        return None
    typed = _block_lines({path[-1]: example}, " " * (column - 1))
    one = len(typed) == 1
    typed = [lead + typed[0].lstrip(" ")] if one else typed[1:]
    ended = lines[row - 1] if LINE_BREAK.search(lines[row - 1]) else lines[row - 1] + "\n"
    now = "".join(lines[:row - 1]) + ("" if one else ended) + "".join(f"{line}\n" for line in typed) \
        + "".join(lines[row:])
    meant = parse_bytes(text.encode("utf-8"), doc.file)[0]
    got, *_rest, problems = parse_bytes(now.encode("utf-8"), doc.file)
    node, into = meant, got
    for part in path[:-1]:
        ok = isinstance(node, (dict, list)) and isinstance(into, type(node)) and (
            part in node and part in into if isinstance(node, dict) else -len(node) <= part < min(len(node), len(into)))
        if not ok:
            return None
        node, into = node[part], into[part]
    if problems or not isinstance(node, dict) or not isinstance(into, dict) or into.get(path[-1]) is None:
        return None
    node[path[-1]] = into[path[-1]]
    if got != meant:
        return None
    what, (said, said_en) = _show_lines(typed), _values_said(example)
    if one:
        return (f"这一行写成（{said}）：{typed[0]}",
                f"Write the line as ({said_en}): {typed[0]}")
    shown = lines[row - 1].strip()
    shown = shown if len(shown) <= 30 else shown[:29] + "…"
    return (f"请在第 {row} 行“{shown}”下面加上{what[0]}（前面 {column + 1} 个空格；{said}）：{what[2]}",
            f"Under line {row} ({shown}) add {what[1]} ({column + 1} spaces before it; {said_en}): {what[3]}")


def _show_lines(typed: list[str]) -> tuple[str, str, str, str]:
    """(这一行 or 这几行, the same in English, the lines in Chinese words, in English words): the lines to type,
    one after another as a hint says them."""
    if len(typed) == 1:
        return "这一行", "this line", typed[0], typed[0]
    return ("这几行", "these lines", typed[0] + "".join(f"，下一行：{line}" for line in typed[1:]),
            typed[0] + "".join(f", then the line: {line}" for line in typed[1:]))


def _lines_read(lines: list[str], after: int, typed: list[str], path: tuple, field: str, file: str) -> bool:
    """Whether the file of `lines` with the lines `typed` added under line `after` (0: at its top) reads as it did
    with the mapping at `path` given the field `field`, the rest as it was: what a person doing as told gets."""
    from generator.load import parse_bytes  # (only on a finding)

    def read(text: str):
        return parse_bytes(text.encode("utf-8"), file)

    above = "".join(lines[:after])
    above += "\n" if LINE_BREAK.split(above)[-1] else ""  # (the file's last line ended)
    meant = read(above + "".join(lines[after:]))[0]
    got, *_rest, problems = read(above + "".join(line + "\n" for line in typed) + "".join(lines[after:]))
    if problems:
        return False
    node, into = meant, got
    for part in path:
        if not isinstance(node, dict) or not isinstance(into, dict) or part not in node or part not in into:
            return False
        node, into = node[part], into[part]
    if not isinstance(node, dict) or not isinstance(into, dict) or field in node or field not in into:
        return False
    node[field] = into[field]
    return got == meant


def _block_lines(value, indent: str = "") -> list[str]:
    """`value` (a mapping, a list or a text, as a schema's example holds) as a record's YAML lines, as the demo's
    records write them: its lists' items two spaces in under their field, a list of more than three words on the
    field's line ([主题班会, 个体谈话, …]), texts quoted only where YAML would read them otherwise."""
    if isinstance(value, dict):
        out = []
        for key, item in value.items():
            if isinstance(item, list) and len(item) > 3 and not any(isinstance(x, (dict, list)) for x in item):
                out.append(f"{indent}{key}: [{', '.join(_scalar(x) for x in item)}]")
            elif isinstance(item, (dict, list)) and item:
                out += [f"{indent}{key}:", *_block_lines(item, indent + "  ")]
            else:
                out.append(f"{indent}{key}: {_scalar(item)}")
        return out
    if isinstance(value, list):
        out = []
        for item in value:
            inner = _block_lines(item, indent + "  ") if isinstance(item, (dict, list)) and item else [_scalar(item)]
            out += [f"{indent}- {inner[0].lstrip()}", *inner[1:]]
        return out
    return [_scalar(value)]


_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}  # (read as true/false or nothing)


def _scalar(value) -> str:
    """A value of a schema's example as a record writes it: a text of Chinese words (主题班会) or a word (cse,
    Asia/Shanghai) as it is, any other text in double quotes ("2026-04-20", "20[0-9]{8,10}"), [] and {} as such,
    numbers and true/false as JSON."""
    if isinstance(value, str):
        plain = re.fullmatch(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9（）—]*|[A-Za-z][A-Za-z_-]*(/[A-Za-z_-]+)?", value)
        return value if plain and value.lower() not in _YAML_WORDS else json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def _added_reads(lines: list[str], after: int, added: str, path: tuple, field: str, file: str) -> bool:
    """Whether the file of `lines` with the line `added` (name: ) and a value typed after it under line `after`
    reads as it did with the item at `path` given that field: what a person doing as told gets."""
    from generator.load import parse_bytes  # (only on a finding)

    def read(text: str):
        return parse_bytes(text.encode("utf-8"), file)[0]

    above = "".join(lines[:after]) + ("" if LINE_BREAK.search(lines[after - 1]) else "\n")  # (the file's last line ended)
    meant, got = read(above + "".join(lines[after:])), read(above + added + "x\n" + "".join(lines[after:]))
    node = meant
    for part in path:
        node = node[part] if isinstance(node, (dict, list)) and (isinstance(node, dict) or isinstance(part, int)) \
            and (part in node if isinstance(node, dict) else -len(node) <= part < len(node)) else None
    if not isinstance(node, dict) or field in node:
        return False
    node[field] = "x"
    return got == meant


def _lead_before(doc: Document, path: tuple, pos: tuple[int, int] | None = None) -> str:
    """What the key at `path` (or what is at `pos`) has before it on its line — its spaces, and its item's dash
    when it is the item's first (  - 日期: …) — which begins the line to type in its place; "" when it is not on a
    line of its own."""
    row, column = pos or doc.key_pos(path)
    lines = LINE_BREAK.split(doc.text)
    lead = lines[row - 1][:column - 1] if 0 < row <= len(lines) else ""
    return lead if lead.strip() in ("", "-") else ""


def takes(node: dict, root: dict, line: str) -> bool:
    """Whether the one line `line` (name: value), read as a record's line is, holds a value the field's schema
    `node` (of the schema `root`) takes."""
    from generator.load import parse_bytes

    data, _at, _keys, problems = parse_bytes(line.encode("utf-8"), "-")
    if problems or not isinstance(data, dict) or len(data) != 1:
        return False
    return _takes_value(node, root, next(iter(data.values())))


def _takes_value(node: dict, root: dict, value) -> bool:
    """Whether the field's schema `node` (of the schema `root`) takes `value`, as loaded."""
    from jsonschema import Draft202012Validator, FormatChecker

    checker = Draft202012Validator({**node, "$defs": root.get("$defs", {})}, format_checker=FormatChecker(["date"]))
    return checker.is_valid(value)


def _properties(schema: dict, root: dict) -> dict:
    """The fields of the mapping `schema`: each name → [its schema node] (as yaml_hints.name_of_title reads them)."""
    return {name: [_resolve(node, root)] for name, node in schema.get("properties", {}).items()}


def _type_name(value) -> tuple[str, str]:
    if value is None:
        return "空值", "nothing"
    if isinstance(value, bool):
        return "真假值", "a boolean"
    if isinstance(value, int):
        return "整数", "an integer"
    if isinstance(value, float):
        return "数字", "a number"
    if isinstance(value, str):
        return "文字", "text"
    if isinstance(value, list):
        return "列表", "a list"
    return "映射", "a mapping"


def _show(value) -> str:
    if isinstance(value, (dict, list)):
        return "…"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…\""


def _as_typed(doc: Document, path, value) -> str:
    """A value on one line as the person typed it there (2026\\3\\5, '张"伟', with its quotes if it has
    them), else as `_show` gives it."""
    span = getattr(doc, "spans", {}).get(tuple(path))
    typed = doc.text[span[0]:span[1]] if span else ""
    return typed if typed and "\n" not in typed and len(typed) <= 40 else _show(value)


def schema_at(root: dict, path) -> dict:
    """The (resolved) subschema that describes the value at `path`."""
    node = root
    for part in path:
        node = _resolve(node, root)
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return _resolve(node, root)


def _owner_of(root: dict, path, field) -> tuple | None:
    """The path of the nearest mapping above `path` whose schema has the field `field` (vocabularies, for
    feedback_statuses written in an entry of vocabularies.earlier); None when none has."""
    if not isinstance(field, str):
        return None
    for end in range(len(path) - 1, -1, -1):
        if field in schema_at(root, path[:end]).get("properties", {}):
            return tuple(path[:end])
    return None


def _field_above(root: dict, path, owner: tuple, field: str) -> tuple[str, str]:
    """E-SCHEMA-002's {suggestion}, zh and en, for `field`, the field of the mapping at `owner`, written in the one
    at `path`: whose it is and why not here (messages.validate.NOT_HERE), else where it goes."""
    from generator.messages.validate import FIELD_ABOVE, FIELD_ABOVE_MOVE, NOT_HERE  # (only on an error)

    words = dict(field=field, title=_title(root, owner + (field,)), owner=_title(root, owner), here=_title(root, path),
                 owner_en=en_path(owner) or "the record", here_en=en_path(path))
    why = NOT_HERE.get(tuple(p for p in path if not isinstance(p, int)) + (field,), FIELD_ABOVE_MOVE)
    return FIELD_ABOVE[0].format(**words) + why[0].format(**words), FIELD_ABOVE[1].format(**words) + why[1].format(**words)


def _title(root: dict, path) -> str:
    title = schema_at(root, path).get("title")
    if title:
        return title
    if path and isinstance(path[-1], int):
        return f"{_title(root, path[:-1])}第 {path[-1] + 1} 项"
    return str(path[-1]) if path else "记录"


def _source_text(doc: Document, path, value) -> str:
    """The value as the person wrote it (`0123`, `yes`), else as we read it."""
    span = getattr(doc, "spans", {}).get(tuple(path))
    return span[2] if span else json.dumps(value, ensure_ascii=False)


_COMMENT = Lazy(r"[ \t]+(#[^\r\n]*)")


def _comment_after(doc: Document, path) -> tuple[str, str] | None:
    """(the comment, the line to type with it quoted) when a comment follows the plain one-line
    value at `path` on its line (summary: 座谈 # 第二次), else None."""
    span = doc.spans.get(tuple(path))
    text = doc.text
    if not span or span[0] >= len(text) or text[span[0]] in "\"'|>" or "\n" in text[span[0]:span[1]]:
        return None
    m = _COMMENT.match(text, span[1])
    if not m:
        return None
    from generator.yaml_hints import quoted  # (only on a finding)

    start = text.rfind("\n", 0, span[0]) + 1
    return m.group(1).rstrip(), (text[start:span[0]] + quoted(f"{span[2]}{m.group()}".rstrip())).strip()


def en_path(path) -> str:
    """activities[0].date — where a value is, for English readers."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _resolve(schema: dict, root: dict) -> dict:
    ref = schema.get("$ref")
    if ref and ref.startswith("#/$defs/"):
        merged = dict(root["$defs"][ref.split("/")[-1]])
        merged.update({k: v for k, v in schema.items() if k != "$ref"})
        return merged
    return schema


def _explain(error, doc: Document, root: dict) -> list[F.Finding]:
    path = tuple(error.absolute_path)
    schema = _resolve(error.schema, root) if isinstance(error.schema, dict) else {}
    title = _title(root, path)
    title_en = en_path(path) or "the record"  # (the schema's titles are Chinese)
    where = doc.pos(path)
    v = error.validator
    if v == "required":
        field = error.message.split("'")[1]
        sub = _resolve(schema.get("properties", {}).get(field, {}), root)
        pos = doc.key_pos(path) if path else (1, 1)
        if isinstance(error.instance, dict) and any(
                _name_meant(k, error.instance[k], schema, root)[0] == field
                for k in error.instance if k not in schema.get("properties", {})):
            return []  # (“form”: 社团活动, 形式: …: E-SCHEMA-002 says what to type; the record still fails)
        section = _section_added(doc, path, field, sub, root, error.instance)  # (the field's description is in its words)
        add, add_en = _item_line_added(doc, path, pos, field, error.instance) or section or (
            f"请在这里加上一行“{field}: …”。", f"Add a line '{field}: …' here.")
        return [F.make("E-SCHEMA-001", doc.file, pos, field=field, title=sub.get("title", field),
                       where=f"“{title}”" if path else "", where_en=f"{en_path(path)}: " if path else "",
                       description="" if section else _described(sub), description_en=_described_en(sub, field),
                       add=add, add_en=add_en)]
    if v == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        out = []
        for field in sorted(set(error.instance) - set(allowed), key=str):
            close, suggestion, suggestion_en, line = _name_meant(
                field, error.instance[field], schema, root, _lead_before(doc, path + (field,)),
                lambda name: _renamed_line(doc, path + (field,), name, error.instance[field], schema, root))
            if (owner := _owner_of(root, path, field)) is not None:  # (no near miss: a field known, not here)
                close, line = None, None
                suggestion, suggestion_en = _field_above(root, path, owner, field)
            elif close in error.instance and isinstance(field, str) and re.search("[\u4e00-\u9fff]", field):
                from generator.yaml_hints import already_there, line_meant  # (日期: … beside date:, only on an error)

                typed = line_meant(field, str(error.instance[field]), _properties(schema, root))[3:]
                item = bool(path) and isinstance(path[-1], int)
                suggestion, suggestion_en, *line = already_there(field, close, doc.key_pos(path + (close,))[0], item,
                                                                 *typed, LINE_BREAK.split(doc.text))
                suggestion, suggestion_en, line = f"{suggestion}。", f"{suggestion_en}. ", line if item else None
            elif close in allowed and close not in error.instance and suggestion == f"是不是想写“{close}”？" and (
                    renamed := _renamed_line(doc, path + (field,), close, error.instance[field], schema, root)):
                below, below_en = ("（下面各行不动）", " (the lines below as they are)") if renamed[0] else ("", "")
                line = (renamed[1] + below, renamed[1] + below_en)  # (sumary: … — the line, not only the name)
            out.append(F.make(
                "E-SCHEMA-002", doc.file, doc.key_pos(path + (field,)), field=field,
                allowed="、".join(f"{k}（{_resolve(schema['properties'][k], root).get('title', k)}）"
                                 for k in allowed),
                allowed_en=", ".join(allowed),
                suggestion=suggestion, suggestion_en=suggestion_en,
                typed=f"这一行写成：{line[0]}" if line else "", typed_en=f" The line: {line[1]}" if line else ""))
        return out
    if v == "type":
        expected = schema.get("type")
        expected = expected if isinstance(expected, str) else expected[0]
        found_zh, found_en = _type_name(error.instance)
        value, shown = error.instance, f"：{_as_typed(doc, path, error.instance)}"
        hint, hint_en, data = _described(schema), "", None
        written = _source_text(doc, path, value) if value is None else ""
        if value is None and written not in ("", "null"):  # `~`, `Null` …: a written "nothing"
            found_zh, found_en, shown = f"空值（{written}）", f"null ({written})", ""
            hint = f"请填写{_TYPE_ZH.get(expected, expected)}；“{written}”在 YAML 中表示“没有值”。"
            hint_en = f"Write a value; '{written}' means 'no value' in YAML."
        elif value is None:  # `key:` with nothing after it — point at the key, say so plainly
            where = doc.key_pos(path) if path else where
            found_zh, found_en, shown = "空的（冒号后面没有内容）", "nothing after the colon", ""
            hint = f"请在冒号后面填写{_TYPE_ZH.get(expected, expected)}。{_described(schema)}"
            hint_en = "Write a value after the colon."
            if filled := _filled_in(doc, path, schema, root):  # (feedback: with its lines left out: the lines)
                hint, hint_en = f"{_described(schema)}{filled[0]}", filled[1]
        elif expected == "boolean" and isinstance(value, str):
            hint, hint_en = "真假值只能写 true 或 false（不能写 yes/no/on/off/是/否）。", "Write true or false."
            plain = narrow(value)
            if plain != value and plain in ("true", "false"):  # ｔｒｕｅ: an input method's full-width letters
                hint = f"这里用了中文（全角）字母，要用英文（半角）字母，写成 {plain}。"
                hint_en = f"These are full-width letters: type them in ASCII: {plain}."
            elif (meant := value_meant(schema, value)) is not None:  # 是, 否, yes, no
                hint, hint_en = _here(doc, path, meant, hint, hint_en)
        elif expected == "string" and _is_date(schema) and isinstance(value, (int, float)):  # 20261015
            hint, hint_en = _date_hint(_source_text(doc, path, value), period_of(doc), _typed_in(doc, path))
        elif expected == "string" and isinstance(value, (int, float, bool)):
            hint = f"如要写成文字，请给它加上英文引号，如 \"{_source_text(doc, path, value)}\"。"
            hint_en = "Quote the value to make it text."
        elif expected == "integer" and isinstance(value, str):
            hint, hint_en = "请只写阿拉伯数字，如 30。", "Write digits only, e.g. 30."
            inside, quotes, quotes_en = chinese_quotes(value)
            hint, hint_en = hint + quotes, hint_en + quotes_en
            meant = _number_meant(inside)
            if meant is not None:  # 30人, 约30, 三十, ３０
                hint, hint_en = _here(doc, path, meant, hint, hint_en)
            elif ranged := range_meant(schema, inside, value, title_en):  # 20-30, 二十到三十人: the least one offered
                hint, hint_en = _here(doc, path, *ranged)
            hint, hint_en = _unseen_first(value, hint, hint_en)
        elif expected == "array" and isinstance(value, dict) and (said := _numbered_items(doc, path, value)
                                                                   or _dashless_item(doc, path, value, schema, root)):
            hint, hint_en = said  # (  1. date: … alone: one key, “1. date”, to YAML; an only item with no “- ”)
        elif expected == "array":  # (a ledger's contact points: the ids the names are, pipeline._points_by_id's line)
            points = doc.kind == "ledger" and path == ("contact_points",)
            hint, hint_en = _list_hint(value, None if points else _typed_in(doc, path))
        elif expected == "object" and isinstance(value, str):  # - form；社团活动
            item = bool(path) and isinstance(path[-1], int)
            hint, hint_en = _mapping_meant(value, schema, root, (_lead_before(doc, path, where) or "- ") if item else "")
        elif expected == "string" and isinstance(value, list) and value and all(isinstance(v, str) for v in value) \
                and path and isinstance(path[-1], str) and doc.kind == "ledger":  # (place: [进社团, 进班级]: the first's line)
            from generator.yaml_hints import prose  # (only on an error)

            if not prose(schema):  # (the line as the key's stands, its indentation kept; a block list told at its key)
                where = doc.key_pos(path) if doc.key_pos(path)[0] != where[0] else where
                hint, hint_en = listed_word_hint(doc, path, title, value[0])
                data = {"listed": {"path": list(path), "title": title}}  # (pipeline._listed_word_known's word of the list)
        elif expected == "string" and isinstance(value, list) and value and all(isinstance(v, str) for v in value) \
                and path and isinstance(path[-1], str):  # (a cadre in two units, unit: [xgb, cs]: one, its line)
            where = doc.key_pos(path) if doc.key_pos(path)[0] != where[0] else where
            hint, hint_en = listed_word_hint(doc, path, title, value[0], _described(schema_at(root, path)))
        return [F.make("E-SCHEMA-003", doc.file, where, data=data, title=title, title_en=title_en, expected=_TYPE_ZH.get(expected, expected),
                       expected_en=_TYPE_EN.get(expected, expected), found=found_zh, found_en=found_en,
                       value=shown[1:], shown=shown, shown_en=(": " + shown[1:]) if shown[:1] == "：" else shown,
                       type_hint=hint, type_hint_en=hint_en)]
    if v in ("enum", "const"):
        allowed = schema.get("enum") or [schema.get("const")]
        return [F.make("E-SCHEMA-004", doc.file, where, title=title, title_en=title_en, value=_as_typed(doc, path, error.instance),
                       allowed="、".join(map(str, allowed)), allowed_en=", ".join(map(str, allowed)))]
    if v in ("pattern", "format"):
        if schema.get("format") == "date" and isinstance(error.instance, str) and v == "format" \
                and _YMD.fullmatch(error.instance):  # (YYYY-MM-DD itself, ２０２６-10-15: the format is wrong)
            return [F.make("E-SCHEMA-009", doc.file, where, value=error.instance)]
        if _is_date(schema) and (days := _span_of_days(error.instance, period_of(doc))):
            fh, fh_en = _span_hint(doc, path, *days)  # (2026-04-20至2026-04-21: one day, the first)
        elif _is_date(schema) and (days := _days_listed(error.instance, period_of(doc))):
            fh, fh_en = _listed_hint(doc, path, days)  # (2026-04-20、2026-04-27: an item a day)
        elif _is_date(schema):
            fh, fh_en = _date_hint(error.instance, period_of(doc), _typed_in(doc, path))
        elif "A-Za-z0-9" in schema.get("pattern", ""):  # (a Git account: capitals too)
            fh, fh_en = (f"{_described(schema)}只能用英文字母、数字和连字符“-”，不能以“-”开头，如 li-na、LiNa2026。",
                         "Use letters, digits and '-' only, not starting with '-', e.g. li-na.")
        elif "a-z0-9" in schema.get("pattern", ""):
            fh, fh_en = ("编号只能用英文小写字母、数字和连字符“-”，如 zhang-wei、cs-2026-01。",
                         "Ids use lower-case letters, digits and '-', e.g. zhang-wei.")
        elif isinstance(error.instance, str) and re.fullmatch(schema.get("pattern", "(?!)"), error.instance.upper()):
            fh, fh_en = (f"这里的字母要大写，写成 {error.instance.upper()}。",  # (period: 2025-h2)
                         f"The letters here are upper case: {error.instance.upper()}.")
        elif isinstance(error.instance, str) and re.fullmatch(schema.get("pattern", "(?!)"),
                                                              meant := period_meant(error.instance)):
            fh, fh_en = (f"{_described(schema)}这里应写作 {meant}。",  # (2026H1, 2026-Ｈ1)
                         f"Here: {meant}.")
        else:
            fh, fh_en = _described(schema), ""
        told, data = _unseen_line(doc, path, error.instance, schema), None
        if told:  # (the value's references, as they read it, are not told again: pipeline._unseen_told_once)
            (fh, fh_en), data = told, {"as_seen": seen(error.instance)}
        else:
            fh, fh_en = _unseen_first(error.instance, fh, fh_en)
        return [F.make("E-SCHEMA-005", doc.file, where, data=data, title=title, title_en=title_en,
                       value=_as_typed(doc, path, error.instance), format_hint=fh, format_hint_en=fh_en)]
    if v in ("minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
             "minItems", "maxItems"):
        limit = error.validator_value
        problem, problem_en = {
            "minLength": (f"太短（至少 {limit} 个字）", f"is too short (at least {limit} characters)"),
            "maxLength": (f"太长（最多 {limit} 个字，这里 {len(error.instance) if isinstance(error.instance, str) else '?'} 个字）",
                          f"is too long (at most {limit} characters)"),
            "minimum": (f"不能小于 {limit}", f"must be at least {limit}"),
            "maximum": (f"不能大于 {limit}", f"must be at most {limit}"),
            "exclusiveMinimum": (f"必须大于 {limit}", f"must be more than {limit}"),
            "exclusiveMaximum": (f"必须小于 {limit}", f"must be less than {limit}"),
            "minItems": (f"至少要有 {limit} 项", f"needs at least {limit} items"),
            "maxItems": (f"最多只能有 {limit} 项", f"may have at most {limit} items"),
        }[v]
        comment = _comment_after(doc, path) if v == "minLength" and isinstance(error.instance, str) else None
        hint_zh, hint_en = _described(schema), f"Change the value so that it fits ({problem_en})."
        if comment:  # summary: 座谈 # 第二次 — the cadre counts the comment too
            cut, typed = comment
            problem += f"：读到的只有“{error.instance}”，后面的“{cut}”是注释，不算在内"
            problem_en += f": only '{error.instance}' is read, '{cut}' after it is a comment"
            hint_zh = f"如果“{cut}”也是要写的内容，请给整个值加上英文引号，这一行写成：{typed}；否则请把它写完整。"
            hint_en = f"If '{cut}' belongs to the text, quote the whole value: {typed}; else write it out in full."
        return [F.make("E-SCHEMA-006", doc.file, where, title=title, title_en=title_en, problem=problem, problem_en=problem_en,
                       description=hint_zh, description_en=hint_en, data={"comment": True} if comment else None)]
    if v == "uniqueItems":
        return [F.make("E-SCHEMA-007", doc.file, where, title=title, title_en=title_en)]
    if v == "oneOf" and "class" in schema.get("properties", {}):
        return [F.make("E-SCHEMA-008", doc.file, where)]
    return [F.make("E-SCHEMA-010", doc.file, where, title=title, title_en=title_en, detail=error.message[:200],
                   rule=v, value=_as_typed(doc, path, error.instance),
                   description=_described(schema))]


_YMD = Lazy(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
# A date as people write it in Chinese: 2026年3月5日, 2026.3.5, 2026/03/05, 2026-3-5, 20260305,
# full-width digits, with a time or the day of the week after it.
_TIME = (r"\s*(?:(?:上午|下午|中午|晚上|早上|傍晚)\s*)?"  # (a part of the day, a time: 14:30, 下午3点, 14时30分, 3点半)
         r"(?:[0-9]{1,2}\s*(?:[:：]\s*[0-9]{2}(?:\s*[:：]\s*[0-9]{2})?|[点时]\s*(?:[0-9]{1,2}\s*分?|半)?))?")
_WEEKDAY = r"\s*(?:[(（]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?)?"
_STOP = r"(?:[。.，,；;！!]\s*)?"  # (a sentence's end pasted with the value: 2026-04-20。, 25人。)
_DATE_TAIL = _TIME + _WEEKDAY + _TIME + r"\s*" + _STOP  # (a time and a day of the week, in either order)
_WRITTEN_DATE = Lazy(r"\s*([0-9]{4})\s*(?:[年./\-—–]\s*([0-9]{1,2})\s*[月./\-—–]\s*([0-9]{1,2})\s*[日号]?"
                     r"|([0-9]{2})([0-9]{2}))" + _DATE_TAIL, re.ASCII)
# … and without its year (4月20日, 04-20, 4/20, 4.20): the year is the ledger's period's
_NO_YEAR = Lazy(r"\s*()([0-9]{1,2})\s*[月./\-—–]\s*([0-9]{1,2})\s*[日号]?" + _DATE_TAIL, re.ASCII)
_PERIOD_ID = Lazy(r"([0-9]{4})-[A-Za-z0-9]+", re.ASCII)


_COUNT = Lazy(r"(?:约|大约|共|总共|近|将近)?\s*([0-9]+|[零一二两三四五六七八九十百]+)\s*(?:余|多)?\s*(?:人次|人|名|位|个|天|次)?\s*(?:左右)?\s*" + _STOP)
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


# A yes or no in words, and the boolean it means.
_YES_NO = {**dict.fromkeys(("是", "对", "真", "是的", "对的", "yes", "y", "on"), "true"),
           **dict.fromkeys(("否", "不是", "不对", "错", "假", "no", "n", "off"), "false")}
_FIELD_TEXT = Lazy(r"\s*([^\s:：；;]+?)\s*([:：；;])\s*(\S.*)", re.S)


def _mapping_meant(value: str, schema: dict, root: dict, lead: str) -> tuple[str, str]:
    """E-SCHEMA-003's hint for a text where fields were due, that is a field's name (or its Chinese
    title: 形式), a Chinese colon or semicolon, or a colon with no space after it, and its value
    (- form；社团活动, - 形式：社团活动): the line to type, begun with `lead` (the line's spaces and “- ”: typed in its
    place, still the list's item)."""
    m = _FIELD_TEXT.fullmatch(value)
    if not m:
        return "", ""
    from generator.yaml_hints import line_meant  # (only on an error)

    fields = _properties(schema, root)
    name, zh, en, typed, typed_en = line_meant(m.group(1), m.group(3), fields, lead)
    if name not in fields:  # (- students：25人: - students: 25)
        return "", ""
    sep = m.group(2)
    if sep == ":":
        return (f"{zh}字段名“{name}”的冒号后面少了一个空格，这一行写成：{typed}",
                f"{en}A space goes after the colon of '{name}', which makes the line: {typed_en}")
    return (f"{zh}“{sep}”不是 YAML 的冒号：字段名后面要用英文冒号“:”，冒号后面再加一个空格，这一行写成：{typed}",
            f"{en}'{sep}' is not YAML's colon: type ':' and a space after the field's name, which makes the line: {typed_en}")


def _numbered_items(doc: Document, path, value: dict) -> tuple[str, str] | None:
    """E-SCHEMA-003's hint for a list whose items were numbered with one field each (  1. date: …): a
    mapping to YAML, its keys “1. date”, “2. date”; the words of yaml_hints' E-YAML-001 for the numbers."""
    from generator.yaml_hints import numbered_line  # (only on an error)

    first = next(iter(value), None)
    row = doc.key_pos(tuple(path) + (first,))[0] - 1 if isinstance(first, str) else -1
    lines = doc.text.splitlines()
    said = numbered_line(lines[row]) if 0 <= row < len(lines) and first in lines[row] else None
    return (f"{said[0]}。{said[3]}，这一行写成：{said[2]}", f"{said[1][0].upper()}{said[1][1:].rstrip('.')}. {said[4]}: {said[2]}") \
        if said else None


def _dashless_item(doc: Document, path, value: dict, schema: dict, root: dict) -> tuple[str, str] | None:
    """E-SCHEMA-003's hint for a list whose only item has no “- ” (    date: … under activities:): a mapping of
    the item's own fields — the line to begin with “- ”, two columns to the left, the fields under it as they are."""
    items = _resolve(schema.get("items", {}), root)
    first = next(iter(value), None)
    if not isinstance(first, str) or not set(value) <= set(items.get("properties", {})):
        return None
    row, column = doc.key_pos(tuple(path) + (first,))
    line = doc.text.splitlines()[row - 1] if 0 < row <= len(doc.text.splitlines()) else ""
    if column < 3 or line[:column - 1].strip():
        return None
    typed = " " * (column - 3) + "- " + line[column - 1:].strip()
    return (f"列表的这一项少了“- ”：列表的每一项以“- ”开头，只有一项也一样；第 {row} 行写成：{typed}（下面的字段不动）",
            f"The item has no '- ': each item of a list begins with '- ', an only one too; line {row}: {typed} "
            "(the fields under it as they are)")


def _list_hint(value, line=None) -> tuple[str, str]:
    """E-SCHEMA-003's hint for a list written as something else: when its items were meant (a
    text that begins with a dash with no space after it, or with a mark that looks like one),
    what is wrong with the dash and the line to type; a text of items (学业、就业), the list in brackets,
    as `line`(it) — its line in the file — gives it, or alone."""
    hint, hint_en = "列表的每一项另起一行，以“- ”开头。", "Write each item on its own line starting with '- '."
    from generator.yaml_hints import table_row  # (only on an error)

    if isinstance(value, str) and (row := table_row(value)):  # (a spreadsheet's row, under activities:)
        return f"{row[0]}。{row[2]}，这一项的第一行写成：- date: {row[4]}", f"{row[1][0].upper()}{row[1][1:]}. {row[3]}: - date: {row[4]}"
    if isinstance(value, str) and value.strip() and value.strip()[0] not in "-" + NOT_A_DASH:
        return _list_meant(value.strip(), hint, hint_en, line=line)
    if not isinstance(value, str) or len(value) < 2 or value[0] not in "-" + NOT_A_DASH:
        return hint, hint_en
    item = value[1:].strip().split(" ")[0]
    if value[0] == "-":
        return (f"{hint}“-”后面要有一个空格：写成 - {item}，其他各项也一样。",
                f"{hint_en} Put a space after the '-': - {item}, and so on for each item.")
    return (f"{hint}这里的“{value[0]}”不是英文的减号：请用英文输入法打减号“-”，后面加一个空格，写成 - {item}，其他各项也一样。",
            f"{hint_en} '{value[0]}' is not the ASCII hyphen: type '-' and a space, as in - {item}, for each item.")


_ITEM_SEPARATORS = Lazy(r"\s*[、，,；;]\s*")
_NUMBERS = Lazy(r"(?:^|(?<=\s)|(?<=[、，,；;]))([0-9]{1,2}[.、．)）])(?![0-9])\s*")


def _list_meant(value: str, hint: str, hint_en: str, ids: dict | None = None, line=None) -> tuple[str, str] | None:
    """_list_hint for a text where a list was due: the list it means, its items as the text's parts
    between Chinese or English commas (学业发展、就业指导 → [学业发展, 就业指导]), or the one item.  `ids`
    ({name: id}: a ledger's contact points, points_hint): a part that is a class's or a club's name is
    typed as its id, and said so, with `line(typed)`, the line to type (营销2301班 → [mkt-2023-01]); None when
    no part is one."""
    from generator.yaml_hints import quoted  # (only on a finding)

    bracketed = value[0] in "【［" and value[-1] in "】］" and len(value) > 2  # (【学业发展】: an input method's)
    if bracketed:
        hint = f"{hint}“{value[0]}{value[-1]}”是中文的方括号，要用英文的“[ ]”。"
        hint_en = f"{hint_en} '{value[0]}{value[-1]}' are Chinese brackets; use ASCII '[ ]'."
        value = value[1:-1].strip()
    numbered = _NUMBERS.match(value)  # (1. 学业规划 2. 就业指导, 1、学业规划；2、就业指导: as a document numbers them)
    parts = [p for p in _ITEM_SEPARATORS.split(_NUMBERS.sub("、", value) if numbered else value) if p]
    named = [p for p in parts if ids and isinstance(ids.get(p), str)]
    parts = [ids[p] if p in named else p for p in parts]
    typed = "[" + ", ".join(p if re.fullmatch(r"[^\s\[\]{},:#&*!|>'\"%@`]+", p) else quoted(p) for p in parts) + "]"
    written = line(typed) if (named or ids is None) and line else ""
    if written and named:  # (the ids and the line: not [营销2301班], which the next run tells is a name, E-REF-001)
        said, said_en = "，".join(f"“{p}”的编号是“{ids[p]}”" for p in named), \
            ", ".join(f"the id of '{p}' is '{ids[p]}'" for p in named)
        there, there_en = f"，要写编号：{said}，这一行写成：{written}", f", of ids: {said_en}. The line: {written}"
    elif ids is not None:
        return None
    elif written:  # (学业、就业 under topics: the line, as the file has it: topics: [学业, 就业])
        there, there_en = f"，这一行写成：{written}", f". The line: {written}"
    else:
        there, there_en = f"，这里写成 {typed}。", f": {typed}."
    if numbered:
        return (f"{hint}“{numbered.group(1)}”这样的编号不会把文字分成几项：也可以写在方括号里，用英文逗号分开{there}",
                f"{hint_en} Numbers such as '{numbered.group(1)}' do not split a text into items; or write them in "
                f"brackets, with ASCII commas{there_en}")
    if len(parts) > 1:
        sep = _ITEM_SEPARATORS.search(value).group().strip()
        return (f"{hint}“{sep}”不会把文字分成几项：也可以写在方括号里，用英文逗号分开{there}",
                f"{hint_en} '{sep}' does not split a text into items; or write them in brackets, with ASCII "
                f"commas{there_en}")
    if bracketed:
        return f"{hint}{there[1:]}", f"{hint_en} Here{there_en}"
    if written:
        return f"{hint}只有一项也要写成列表{there}", f"{hint_en} One item is a list too{there_en}"
    return (f"{hint}只有一项也要写成列表：也可以写在方括号里，这里写成 {typed}。",
            f"{hint_en} One item is a list too; or write it in brackets: {typed}.")


def points_hint(doc: Document, ids: dict) -> tuple[str, str] | None:
    """E-SCHEMA-003's hint for a ledger's contact points written as a text (contact_points: 营销2301班), with the
    ids of the classes and clubs it names (`ids`: {name: id}), and the line; None when it is no such text
    (pipeline._points_by_id: the names are the other records', not known to the schema's check of one file)."""
    value = doc.data.get("contact_points") if doc.kind == "ledger" and isinstance(doc.data, dict) else None
    if not isinstance(value, str) or not value.strip() or value.strip()[0] in "-" + NOT_A_DASH:
        return None
    hint, hint_en = _list_hint(None)  # (its first words)
    return _list_meant(value.strip(), hint, hint_en, ids, lambda typed: line_with(doc, ("contact_points",), typed))


def value_meant(node: dict, written) -> str | None:
    """The value a field of `node`'s type (integer, boolean, a date) means by the text `written`, as it is
    typed (25人, 约三十人 → 25, 30; 是, ｔｒｕｅ → true; 2026年3月1日 → 2026-03-01), or None."""
    kind = node.get("type") if isinstance(node, dict) else None
    if isinstance(written, str) and isinstance(node, dict) and (_is_date(node) or node.get("$ref") == "#/$defs/date"):
        # (2026年3月1日, 2026/3/1 → 2026-03-01; a schema's dates are its $defs' date)
        return date_meant(written)[0]
    if not isinstance(written, str) or kind not in ("integer", "boolean"):
        return None
    if kind == "integer":
        meant = _number_meant(chinese_quotes(written)[0])
        return None if meant is None else str(meant)
    plain = narrow(written).strip().lower()
    return plain if plain in ("true", "false") else _YES_NO.get(plain)


def range_meant(node, inside: str, value: str, title_en: str) -> tuple[int, str, str] | None:
    """(the least count, the words for it, zh and en) for a count of people (`node` an integer whose title ends 人数)
    written as a range (`inside`: 20-30, 二十到三十人, as `value` is written): one number, the actual count; the
    least one the cadre can vouch for offered — E-SCHEMA-003's, and the line to type where the colon is
    wrong too (yaml_hints.line_meant: students:20-30, 学生人数：20-30); None for any other value or field."""
    title = node.get("title", "") if isinstance(node, dict) else ""
    least = _least_of_range(inside, node.get("minimum", 0)) if title.endswith("人数") and node.get("type") == "integer" \
        else None
    if least is None:
        return None
    return least, f"“{value}”是一个范围，“{title}”只写一个整数，写实际的人数；记不清确切人数时，写能确认的最少人数，", \
        f"'{value}' is a range: {title_en} is one whole number, the actual count; if the exact count is not known, the " \
        "least you can vouch for."


def _least_of_range(written: str, minimum) -> int | None:
    """The first count of a range of two written where one count belongs (20-30, 20~30人, 二十到三十人, 约15至20名),
    the lower and not under `minimum`, or None."""
    parts = _SPAN.split(narrow(written).strip())
    counts = [_number_meant(p) for p in parts] if len(parts) == 2 else [None]
    return counts[0] if None not in counts and minimum <= counts[0] < counts[1] else None


def _number_meant(written: str) -> int | None:
    """The whole number a count written in words means (30人, 约30, ３０, 三十, 一百二十; a policy's 三天, 两次), or None."""
    m = _COUNT.fullmatch(narrow(written).strip())
    if not m:
        return None
    digits = m.group(1)
    if digits.isdigit():
        return int(digits) if len(digits) <= 18 else None  # (no count; int() refuses 4,300 digits)
    total, current = 0, None
    for ch in digits.replace("零", ""):
        if ch in _CN_DIGITS:
            if current is not None:
                return None  # 三三: not a number
            current = _CN_DIGITS[ch]
        else:  # 十 or 百
            unit = 10 if ch == "十" else 100
            if unit == 100 and total:
                return None
            total += (1 if current is None else current) * unit
            current = None
    return total + (current or 0)


def _is_date(schema: dict) -> bool:
    return schema.get("format") == "date" or schema.get("pattern", "").startswith("^[0-9]{4}-[0-9]{2}-")


def period_of(doc: Document) -> str | None:
    """The period (2026-H1) of a ledger: as it says, else its folder's."""
    said = doc.data.get("period") if isinstance(doc.data, dict) else None
    for period in (said, doc.folder if doc.kind == "ledger" else None):
        if isinstance(period, str) and _PERIOD_ID.fullmatch(period):
            return period
    return None


_QUOTES = "“”‘’「」『』"


def _unseen_first(value, zh: str, en: str) -> tuple[str, str]:
    """The hint `zh`, `en` for `value`, after the words for a character in it nobody sees (2026-01-13 and an input
    method's full-width space after it: told 这里应写作 2026-01-13, the very text the line shows), if any."""
    told = unseen(value, {seen(value)}) if isinstance(value, str) else None
    return (told[0] + zh, f"{told[1]}{en.lstrip()}") if told else (zh, en)


def _unseen_line(doc: Document, path, value, schema: dict) -> tuple[str, str] | None:
    """For a value right but for a character nobody sees in it (xgb and a full-width space after it, as
    an input method or WeChat leaves it), the words for that character and the line to type without it
    (zh, en); else None."""
    if not isinstance(value, str) or seen(value) == value or not re.fullmatch(schema.get("pattern", "(?!)"), seen(value)):
        return None
    span, told = doc.spans.get(tuple(path)), unseen(value, {seen(value)})
    line = line_with(doc, path, seen(doc.text[span[0]:span[1]])) if span and told else ""
    if not line:
        return None
    return f"{told[0].rstrip('。')}，这一行写成：{line}", f"{told[1].strip()} The line: {line}"


def line_with(doc: Document, path, value: str, field: str | None = None) -> str:
    """The line of the value at `path` with `value` typed in its place, and the name `field` in its field's
    (class: 机器人协会 → club: club-robotics) ('' if it is not on one line), with the spaces the line begins with in
    the file (  - date: 2026-04-20): typed in the line's place, the field stays its mapping's."""
    span, text = doc.spans.get(tuple(path)), doc.text
    if not span or "\n" in text[span[0]:span[1]]:
        return ""
    start, end = text.rfind("\n", 0, span[0]) + 1, text.find("\n", span[1])
    head = text[start:span[0]]
    if field is not None:
        at, name = doc.key_pos(tuple(path))[1] - 1, str(path[-1])
        if head[at:at + len(name)] != name:
            return ""
        head = head[:at] + field + head[at + len(name):]
    line = (head + value + text[span[1]:len(text) if end < 0 else end]).rstrip()
    return line


def listed_word_hint(doc: Document, path, title: str, word: str | None, said: str | None = None) -> tuple[str, str]:
    """E-SCHEMA-003's hint for one word of a vocabulary written as a list at `path`: the line of `word`, as the key's
    line stands in the file (its spaces, '- ' if the key begins an item), in the place of the key's line and its
    items if they are under it; no line if `word` is None (none of the list's in the vocabulary: pipeline's pass).
    `said`: not a ledger's word but another record's one value (a cadre's unit), what the schema says of it."""
    value, at = listed_value(doc, path), doc.key_pos(path)
    zh, en = f"“{title}”只写一个，不是列表：请写主要的那一个（其他的可以写进活动情况里）", (f"'{path[-1]}' is one value, not a list: "
                                                                       "write the main one (the others may go into the summary)")
    if said is not None:
        zh, en = f"“{title}”只写一个，不是列表：{said}请写其中的一个", f"'{path[-1]}' is one value, not a list: write one of them"
    if word is None:
        return f"{zh}，写词表中的一个（见政策记录）。", f"{en}, a word of the list in the policy."
    lines = doc.text.split("\n", at[0]) if at[0] else []  # (a document without its text, or shorter: no spaces kept)
    head = lines[at[0] - 1][:at[1] - 1] if len(lines) >= at[0] > 0 else ""
    line = f"{head}{path[-1]}: {word}"
    if at[0] != doc.pos(path)[0]:
        return (f"{zh}，把这一行和下面的 {len(value)} 项换成一行：{line}",
                f"{en}. In the place of this line and the {len(value)} items under it, the line: {line}")
    return f"{zh}，这一行写成：{line}", f"{en}. The line: {line}"


def listed_value(doc: Document, path):
    """The value at `path` in `doc` (a list written where one word belongs: listed_word_hint's)."""
    value = doc.data
    for key in path:
        value = value[key]
    return value


def _here(doc: Document, path, meant, zh: str, en: str) -> tuple[str, str]:
    """The hint `zh`, `en` with the value `meant` to write at `path` (25 for 25人, true for 是): the line to type, as it
    stands in the file (line_with), or the value alone where it is not on one line."""
    line = line_with(doc, path, str(meant))
    return (f"{zh}这一行写成：{line}", f"{en} The line: {line}") if line else (f"{zh}这里应写 {meant}。", f"{en} Here: {meant}.")


def _typed_in(doc: Document, path):
    """A function of a value → the line of the value at `path` with it typed, as it stands in the file (line_with)."""
    return lambda value: line_with(doc, path, value)


_SPAN = Lazy(r"\s*(?:至|到|~|～|—|–|－|-)\s*")


def _span_of_days(written, period: str | None) -> tuple[str, str] | None:
    """(the first day, the last) of a span of days written where one date belongs (2026-04-20至2026-04-21,
    2026年4月20日—21日, 2026-04-20-21, 4月20日至4月21日 in a ledger of 2026-H1), as YYYY-MM-DD, or None."""
    plain = narrow(written) if isinstance(written, str) else ""
    for m in _SPAN.finditer(plain):
        first, rest = date_meant(plain[:m.start()], period)[0], plain[m.end():].strip()
        if not first or not rest:
            continue
        day = re.fullmatch(r"([0-9]{1,2})\s*[日号]?", rest)
        last = date_meant(f"{first[:8]}{int(day.group(1)):02}")[0] if day else \
            date_meant(rest, period)[0] or date_meant(f"{first[:4]}年{rest}")[0]
        if last and last > first:
            return first, last
    return None


_LISTED = Lazy(r"\s*(?:、|，|,|；|;|和|及|与)\s*")


def _days_listed(written, period: str | None) -> list[str] | None:
    """The days (YYYY-MM-DD) of several dates written where one belongs (2026-04-20、2026-04-27; 4月20日和4月27日
    in a ledger of 2026-H1), or None."""
    parts = _LISTED.split(narrow(written).strip()) if isinstance(written, str) else []
    days = [date_meant(part, period)[0] for part in parts]
    return days if len(days) > 1 and all(days) else None


def _listed_hint(doc: Document, path, days: list[str], period=None, rs=None) -> tuple[str, str]:
    """E-SCHEMA-005's hint for several dates where one belongs: an activity a day, the first's line to type; with the
    ledger's `period` (model.Period: date_told_in_period), of the days inside it only, those outside it told so, and
    the ledgers they go in (of the records `rs`: ledgers_of)."""
    inside = [day for day in days if _in_period(day, period)]
    zh = f"这里写了 {len(days)} 个日期（{'、'.join(days)}），一个日期只能写一天：每一天的活动各写一项（复制这一项，改成那一天）"
    en = (f"These are {len(days)} dates ({', '.join(days)}), and a date is one day: an activity each day, an item each "
          f"(copy this one for the other day).")
    if inside:
        line = line_with(doc, path, inside[0]) or inside[0]
        zh, en = f"{zh}，这一行写成：{line}", f"{en} The line: {line}"
        if inside[1:]:
            zh, en = f"{zh}（{'、'.join(inside[1:])} 的活动另写一项）", f"{en} (the activity of {', '.join(inside[1:])} in an item of its own)"
    if outside := [day for day in days if day not in inside]:
        words, words_en = _outside_period(period, outside, rs, doc.stem)
        zh, en = f"{zh}。{'、'.join(outside)} {words}", f"{en.rstrip('.')}. {', '.join(outside)} {words_en}"
    return zh, en


def _span_hint(doc: Document, path, first: str, last: str, period=None, rs=None) -> tuple[str, str]:
    """E-SCHEMA-005's hint for a span of days where one date belongs: its first day, and the line to type; with the
    ledger's `period` (model.Period: date_told_in_period), its first day in the period and the days outside it told
    where they go (2025-12-30至2026-01-02 in 2026-H1: - date: 2026-01-01, 12-30 and 12-31 in the ledger of 2025-H2,
    by name: ledgers_of the records `rs`), or, none of its days in it, that the first is outside it."""
    zh, en = f"这里写的是一段日期（{first} 至 {last}），一个日期只能写一天", f"This is a span of days ({first} to {last}), and a date is one day"
    start, end = (period.start.isoformat(), period.end.isoformat()) if period else (first, last)
    if last < start or first > end:
        words, words_en = _outside_period(period, (first,), rs, doc.stem)
        return f"{zh}：{first} {words}", f"{en}: {first} {words_en}"
    line = line_with(doc, path, max(first, start)) or max(first, start)
    if start <= first and last <= end:
        return (f"{zh}：写第一天，这一行写成：{line}（连续几天的活动，也可以每天各写一条）",
                f"{en}: write the first. The line: {line} (an activity of several days may also be written once a day)")
    # (2026-06-28至2026-07-05 in 2026-H1: the days after the period's end said, not only the first day's line;
    # 2025-12-30至2026-01-02: the period's first day's line, the days before it said — the month is not wrong)
    before = _days_outside(first, (period.start - dt.timedelta(days=1)).isoformat()) if first < start else None
    after = _days_outside((period.end + dt.timedelta(days=1)).isoformat(), last) if last > end else None
    where = (f"{'第一天' if first >= start else f'本期的第一天 {start}'}", "the first" if first >= start else
             f"the period's first day, {start}")
    zh, en = (f"{zh}：写{where[0]}，这一行写成：{line}（本期之内的几天，也可以每天各写一条）。",
              f"{en}: write {where[1]}. The line: {line} (the days inside the period may also be written once a day). ")
    for days, go, go_en in ((before, "上一期的台账", "the ledger of the previous period"),
                            (after, "它们所在期间的台账", "the ledger of their own period")):
        if days:
            go, go_en = _named(ledgers_of(rs, doc.stem, *map(dt.date.fromisoformat, days[3])), go, go_en)
            zh += f"{days[0]} 不在本期 {period.id}（{start} 至 {end}）之内：那几天的活动，记在{go}中。"
            en += (f"{days[1]} {'are' if days[2] else 'is'} outside period {period.id} ({start} to {end}): the activities "
                   f"of those days go in {go_en}. ")
    return zh, en.rstrip()


def ledgers_of(rs, stem: str, first: dt.date, last: dt.date | None = None) -> list[tuple[str, str]]:
    """The words, zh and en, naming the ledger of the cadre `stem` where an activity of the day `first` goes (of the
    days `first` to `last`: each, in order) — that of the policy period of the records `rs` (model.RecordSet) holding
    it: 2026-H2 的台账 records/ledgers/2026-H2/li-na.yaml; none when no period holds it.  The one place that works it out:
    references' E-REF-004 and the dates' hints here (date_told_in_period) both ask it."""
    top = F.records_shown()  # (the records folder, as the other hints name a file: records/ledgers/…)
    return [(f"{p.id} 的台账 {top}/ledgers/{p.id}/{stem}.yaml", f"the ledger of {p.id}, {top}/ledgers/{p.id}/{stem}.yaml")
            for p in rs.periods_between(first, last or first)]


def _named(ledgers: list[tuple[str, str]], go: str, go_en: str) -> tuple[str, str]:
    """The words, zh and en, naming `ledgers` (ledgers_of's) where the hints say where a day's activity goes, or
    `go`, `go_en` without them."""
    return (f" {'、'.join(zh for zh, _ in ledgers)} ", " and ".join(en for _, en in ledgers)) if ledgers else (go, go_en)


def _days_outside(first: str, last: str) -> tuple[str, str, bool, tuple[str, str]]:
    """(zh, en, several, (first, last)) of the days `first` to `last` (YYYY-MM-DD) of a span outside its ledger's period."""
    return (first, first, False, (first, last)) if first == last else \
        (f"{first} 至 {last}", f"{first} to {last}", True, (first, last))


def _in_period(day: str, period) -> bool:
    """Whether `day` (YYYY-MM-DD) is in `period` (model.Period; None: not known, so yes)."""
    return period is None or period.start.isoformat() <= day <= period.end.isoformat()


def _outside_period(period, days, rs, stem: str) -> tuple[str, str]:
    """The words, zh and en, after a day (or a month) outside the ledger's `period` (model.Period): the ledger of the
    period `days` (YYYY-MM-DD) are in, by name, when a period of the records `rs` holds them (ledgers_of)."""
    start, end = period.start.isoformat(), period.end.isoformat()
    ledgers = dict.fromkeys(named for day in sorted(days) for named in ledgers_of(rs, stem, dt.date.fromisoformat(day)))
    go, go_en = _named(list(ledgers), "它所在期间的台账", "the ledger of its own period")
    return (f"不在本期 {period.id}（{start} 至 {end}）之内：请核对月份；不在本期的活动，记在{go}中。",
            f"is outside period {period.id} ({start} to {end}). Check the month; an activity outside the period goes in "
            f"{go_en}.")


def chinese_quotes(text: str) -> tuple[str, str, str]:
    """(text, words, English words): a value written inside the quotes Word or a Chinese input method
    types (“2026-04-20”), which YAML keeps as part of the value — the text inside them, and what to do."""
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
        return (text[1:-1], f"两边的中文引号 {text[0]} {text[-1]} 会被当成内容的一部分：请删掉它们。",
                f" The Chinese quotes {text[0]} {text[-1]} around it are read as part of the value: delete them.")
    if len(text) > 2 and {text[0], text[-1]} & set(_QUOTES) and {text[0], text[-1]} <= set(_QUOTES + "\"'"):
        # (“2026-04-20" — Word made the opening quote a Chinese one: YAML reads neither as a quote)
        return (text[1:-1], f"两边的引号 {text[0]} {text[-1]} 有一个是中文引号，两个都会被当成内容的一部分：请删掉它们。",
                f" The quotes {text[0]} {text[-1]} around it, one of them Chinese, are read as part of the value: delete them.")
    return text, "", ""


def _date_hint(written, period: str | None = None, line=lambda meant: "") -> tuple[str, str]:
    """How to write a date, with the date `written` meant when it is plain (2026年3月5日 → 2026-03-05;
    in a record of a `period` such as 2026-H1, 4月20日 → 2026-04-20: its dates are in its year): the
    line to type, `line`(the date meant) — its line in the file, with its indentation —, or the date."""
    zh, en = "日期请写成 YYYY-MM-DD，如 2026-09-15。", "Write dates as YYYY-MM-DD, e.g. 2026-09-15."
    _, quotes, quotes_en = chinese_quotes(narrow(str(written)))
    zh, en = zh + quotes, en + quotes_en
    meant, no_year = date_meant(written, period)
    if no_year:
        zh, en = f"{zh}没有写年份：本期 {period} 的日期都在 {period[:4]} 年。", f"{en} The year is missing: period {period} is in {period[:4]}."
    if meant and meant != written and (typed := line(meant)):
        zh, en = f"{zh}这一行写成：{typed}", f"{en} The line: {typed}"
    elif meant and meant != written:
        zh, en = f"{zh}这里应写作 {meant}。", f"{en} Here: {meant}."
    return zh, en


def date_told_in_period(f: F.Finding, doc: Document, rs) -> F.Finding:
    """`f`, E-SCHEMA-003 or E-SCHEMA-005 of a ledger's activity's date, with, where its hint gives the line to type
    (_date_hint), the words that the day meant is outside the ledger's `period` (model.Period) instead, if it is: typed,
    that line is refused by the next run (E-REF-004: 12月5日 in 2026-H1 read as 2026-12-05).  The schema's check of one
    file does not know the policy's periods: the records `rs` (model.RecordSet: pipeline._dates_in_period) do.  Where
    the ledger's `period` says another than its folder's (E-REF-003 tells it to be the folder's), a day in the folder's
    is given its line, as read in the folder's period (4月20日 in ledgers/2026-H1/ with period: 2025-H2 → 2026-04-20),
    not told outside; a day in neither is told outside the folder's period, as E-REF-004 tells a date (9月20日 there:
    2026-09-20, not 2024-09-20 of a period: 2024-H1 written)."""
    period = rs.period(period_of(doc))
    if period is None:
        return f
    acts = doc.data.get("activities") if isinstance(doc.data, dict) else None
    path = next((("activities", i, "date") for i, act in enumerate(acts if isinstance(acts, list) else ())
                 if isinstance(act, dict) and "date" in act and doc.pos(("activities", i, "date")) == (f.line, f.column)), None)
    if path is None:
        return f
    value = doc.data["activities"][path[1]]["date"]
    if f.code == "E-SCHEMA-005" and (span := _span_of_days(value, period_of(doc))):
        return _retold(f, _span_hint(doc, path, *span), _span_hint(doc, path, *span, period, rs))
    if f.code == "E-SCHEMA-005" and (days := _days_listed(value, period_of(doc))):
        return _retold(f, _listed_hint(doc, path, days), _listed_hint(doc, path, days, period, rs))
    meant = date_meant(value if isinstance(value, str) else _source_text(doc, path, value), period_of(doc))[0]
    typed = line_with(doc, path, meant) if meant else ""
    start, end = period.start.isoformat(), period.end.isoformat()
    zh, en = f"这一行写成：{typed}", f" The line: {typed}"
    if not typed or start <= meant <= end or not (f.hint_zh.endswith(zh) and f.hint_en.endswith(en)):
        return f
    folder = rs.period(doc.folder) if doc.folder != period.id else None
    if folder is not None and (told := _in_folder(f, doc, path, value, period, folder)):
        meant = date_meant(value if isinstance(value, str) else _source_text(doc, path, value), folder.id)[0]
        if folder.start.isoformat() <= meant <= folder.end.isoformat():
            return told
        typed = line_with(doc, path, meant)
        f, period, zh, en = told, folder, f"这一行写成：{typed}", f" The line: {typed}"
    month, (words, words_en) = int(meant[5:7]), _outside_period(period, (meant,), rs, doc.stem)
    return f.replace(hint_zh=f"{f.hint_zh[:-len(zh)]}这里读出的日期是 {meant}，{meant[:4]} 年 {month} 月{words}",
                     hint_en=f"{f.hint_en[:-len(en)]} This reads as {meant}: {dt.date(2000, month, 1):%B} {meant[:4]} {words_en}")


def _in_folder(f: F.Finding, doc: Document, path, value, period, folder) -> F.Finding | None:
    """`f` with its date's hint as read in the `folder`'s period (model.Period), its line and the year it takes
    (没有写年份：本期 … 的日期都在 … 年) the folder's; None where the date means no day."""
    written = value if isinstance(value, str) else _source_text(doc, path, value)
    if not date_meant(written, folder.id)[0]:
        return None
    line = _typed_in(doc, path)
    said, told = _date_hint(written, period.id, line), _date_hint(written, folder.id, line)
    if said[0] not in f.hint_zh or said[1] not in f.hint_en:
        return None
    return f.replace(hint_zh=f.hint_zh.replace(said[0], told[0]), hint_en=f.hint_en.replace(said[1], told[1]))


def _retold(f: F.Finding, said: tuple[str, str], told: tuple[str, str]) -> F.Finding:
    """`f` with the hint `told` in the place of `said`, where its hint is that (E-SCHEMA-005's is its format_hint)."""
    return f.replace(hint_zh=told[0], hint_en=told[1]) if (f.hint_zh, f.hint_en) == said else f


def date_meant(written, period: str | None = None) -> tuple[str | None, bool]:
    """(the date `written` means, as YYYY-MM-DD, or None; whether its year was taken from `period`)."""
    plain = chinese_quotes(narrow(str(written)))[0]
    plain = _CN_NUMBER.sub(_cn_number, plain)  # 二〇二六年四月二十日
    m = _WRITTEN_DATE.fullmatch(plain)
    no_year = bool(not m and period and (m := _NO_YEAR.fullmatch(plain)))
    if not m:
        return None, no_year
    g = (*m.groups(), None, None)
    year, month, day = g[0] or period[:4], g[1] or g[3], g[2] or g[4]
    try:
        return dt.date(int(year), int(month), int(day)).isoformat(), no_year
    except ValueError:
        return None, no_year


def period_meant(written: str) -> str:
    """A period's id as typed in a hurry (2026H1, 2026 h1, ２０２６－Ｈ１) as it is written: 2026-H1."""
    return re.sub(r"^([0-9]{4})[\s\-—–]*", r"\1-", narrow(written).upper().strip())


_CN_NUMBER = Lazy("(?<![周期拜])[〇零一二两三四五六七八九十]+")  # (not 周一, 星期日)


def _cn_number(m: re.Match) -> str:
    """A number in Chinese numerals as digits: 二〇二六 digit by digit, 二十 as a number."""
    run = m.group()
    if "十" in run:
        meant = _number_meant(run)
        return str(meant) if meant is not None else run
    return "".join(str(_CN_DIGITS.get(ch, 0)) for ch in run)  # (〇 is 0)


def parse_date(text) -> dt.date | None:
    """A schema-valid YYYY-MM-DD string as a date (None for anything else).  The checks
    ask for the same few thousand dates hundreds of thousands of times: each is parsed once."""
    return _date(str(text)) if isinstance(text, str) and len(text) == 10 else None


class Days(dict):
    """A date as written → the date (parse_date's; None: not a YYYY-MM-DD date), each parsed once while the dict
    is kept (a run's 116,000 activities at 12k are on a few thousand days): the checks' (facts) and the
    references' alike."""

    def __missing__(self, text: str) -> dt.date | None:
        day = self[text] = parse_date(text)
        return day


@lru_cache(maxsize=1 << 16)
def _date(text: str) -> dt.date | None:
    if text[4] != "-" or text[7] != "-":  # (2026-W01-7, a week's day: fromisoformat reads it, the schema does not)
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
