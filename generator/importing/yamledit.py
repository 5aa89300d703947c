"""Editing a record file's YAML text in place (its other records, order and comments kept), and
reading the result back as validate does: a file read otherwise than meant is never written."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from generator.importing.fields import FIELDS
from generator.importing.values import same_value


# Text yaml.safe_dump writes plain, and every loader reads back as that text: a Chinese name (计算机2602班,
# 计算机科学与技术(卓越班)) or an id (cs-2026-01), but the words YAML 1.1 reads as true, false or null.
PLAIN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z()（）·]*|[a-z][a-z0-9]*(-[a-z0-9]+)*")


WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def scalar(value) -> str:
    """`value` as a YAML plain or quoted scalar, as the records write it (dates bare)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, str) and PLAIN.fullmatch(value) and value not in WORDS:
        return value  # (as yaml.safe_dump writes it, ~100 µs a value: 1.9 s of an import of 3,000 classes)
    return yaml.safe_dump(value, allow_unicode=True, width=1 << 20).split("\n...")[0].strip()


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end + 1


def _last(node) -> int:
    """Where the last value written inside `node` ends (not the comments and blank lines after it)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node.end_mark.index


def item_lines_of(text: str, key: str) -> list[int]:
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
    return [(bounds[0], bounds[-1], "".join(lines.get(str(v)) or f"{dash}{scalar(v)}\n" for v in value))]


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
            edits.append((v.start_mark.index, v.end_mark.index, scalar(value)))
        else:
            at = _line_end(text, last - 1)
            edits.append((at, at, f"{indent}{key}: {scalar(value)}\n", 1))  # (after a list's new items there)
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
    added = "".join(f"{dash}- " + f"\n{dash}  ".join(f"{k}: {scalar(v)}" for k, v in item.items()) + "\n"
                    for item in items)
    count = len(seq.value if root is not None else []) + len(items)

    def meant(data: dict) -> bool:
        after = data.get(key) or []
        return len(after) == count and after[count - len(items):] == as_read(items) and all(
            after[i].get(k) == as_read(v) for i, values in changes.items() for k, v in values.items())
    return read_back(base + added + (text if root is not None else ""), meant)


def as_read(value):
    """`value` as the project's loader reads it when written by scalar: a date as its text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [as_read(v) for v in value]
    return {k: as_read(v) for k, v in value.items()} if isinstance(value, dict) else value


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


def escaped(value) -> str:
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
        if not same_value(data[key], value):
            raise Unmergeable(None, key, reason=(
                f"{names[key][0]}读回来是“{escaped(data[key])}”，表格中是“{escaped(value)}”",
                f"{names[key][1]} reads back as '{escaped(data[key])}', the spreadsheet has '{escaped(value)}'"))
    for error in validator_for(kind).iter_errors(data):
        raise refused(error, data, names)
    return out


def refused(error, data: dict, names: dict, index: int | None = None) -> Unmergeable:
    """Unmergeable saying the schema `error` of the record `data` (the item `index` of a list):
    the value validate would refuse, and why."""
    key = next((k for k in error.relative_path if k in names), None)
    what = (f"{names[key][0]}“{escaped(data[key])}”", f"{names[key][1]} '{escaped(data[key])}'") if key else ("", "")
    return Unmergeable(None, key, index, reason=(f"{what[0]}通不过 validate（{error.message}）",
                                                 f"{what[1]} would not pass validate ({error.message})".lstrip()),
                        schema=True)


def invalid_record(kind: str, data):
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
