"""Load: YAML files → documents that remember the line and column of every value.

The YAML is parsed by libyaml (PyYAML's C composer) into nodes, and converted here
with our own, deliberately small, scalar rules so that YAML 1.1 surprises cannot
change a value's type behind the user's back:

* plain `true` / `false` are booleans, plain `null`, `~` or nothing is null;
* plain decimal integers without leading zeros are integers (`0123` stays text);
* plain decimals like `3.5` are numbers; everything else — `2026-09-01`, `yes`,
  `on`, `no`, `1e3`, `0x1F` — is text, and the schema decides whether it is right.

Duplicate keys, tabs used for indentation, non-UTF-8 bytes, several documents in
one file, anchors/aliases and custom tags are findings.  Nothing here raises for a
bad file: problems are returned as findings and the other files still load.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator import findings as F
from generator.layout import kind_of

try:  # libyaml is in PyYAML's binary wheels; the pure-Python parser is the fallback.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
_INT = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})")
_DECIMAL = re.compile(r"[-+]?[0-9]{1,15}\.[0-9]{1,15}")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STD_TAG = "tag:yaml.org,2002:"
# Tags libyaml's resolver gives to untagged values; any other tag was typed by someone.
_IMPLICIT_TAGS = {_STD_TAG + t for t in ("null", "bool", "int", "float", "timestamp", "str", "seq", "map", "merge", "value")}


@dataclass
class Document:
    """One record file: its content and where each value came from."""

    file: str  # path as shown to people (relative to the working directory when possible)
    rel: str  # path relative to the records folder, with '/'
    kind: str | None
    data: object = None
    positions: dict = field(default_factory=dict)  # value path (tuple) → (line, col)
    key_positions: dict = field(default_factory=dict)  # value path → (line, col) of its key
    sha256: str = ""

    @property
    def stem(self) -> str:
        return self.rel.rsplit("/", 1)[-1].removesuffix(".yaml")

    @property
    def folder(self) -> str:
        parts = self.rel.split("/")
        return parts[-2] if len(parts) > 1 else ""

    def pos(self, path=()) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def key_pos(self, path) -> tuple[int, int]:
        """Position of the key that holds `path` (falls back to the value's position)."""
        path = tuple(path)
        return self.key_positions.get(path) or self.pos(path)


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path).replace(os.sep, "/") if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def discover(records: Path) -> tuple[list[Path], list[F.Finding]]:
    """All *.yaml / *.yml files below `records`, sorted; links leading outside are refused."""
    found, problems = [], []
    root = records.resolve()
    for dirpath, dirnames, filenames in os.walk(records, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]):
            path = Path(dirpath) / name
            if not (name.endswith(".yaml") or name.endswith(".yml")) and not path.is_symlink():
                continue
            if path.is_symlink():
                target = path.resolve()
                if root not in target.parents:
                    problems.append(F.make("E-LOAD-005", display_path(path), None, target=os.readlink(path)))
                    continue
                if target.is_dir():
                    continue
            if name.endswith((".yaml", ".yml")):
                found.append(path)
    return found, problems


def load_file(path: Path, records: Path) -> tuple[Document, list[F.Finding]]:
    rel = path.relative_to(records).as_posix()
    doc = Document(file=display_path(path), rel=rel, kind=kind_of(rel))
    out: list[F.Finding] = []
    if doc.kind is None:
        return doc, [F.make("E-LOAD-004", doc.file, None, path=rel)]
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return doc, [F.make("E-LOAD-003", doc.file, None, size=size, limit=MAX_BYTES)]
        raw = path.read_bytes()
    except OSError as exc:
        return doc, [F.make("E-LOAD-007", doc.file, None, reason=exc.strerror or str(exc))]
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    data, positions, keys, problems = parse_bytes(raw, doc.file)
    doc.data, doc.positions, doc.key_positions = data, positions, keys
    out.extend(problems)
    return doc, out


def parse_bytes(raw: bytes, file: str):
    """Parse one file's bytes.  Returns (data, positions, key_positions, findings)."""
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, {}, {}, [F.make("E-LOAD-006", file, (line, 1))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, {}, {}, [F.make("E-LOAD-001", file, (line, col), line=line)]
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, {}, {}, [F.make("E-LOAD-002", file, None)]
    tabs = _indent_tabs(text, file)
    if tabs:
        return None, {}, {}, tabs
    if "&" in text and "*" in text:
        aliases = _aliases(text, file)
        if aliases:  # refused before composing: no alias bomb is ever expanded
            return None, {}, {}, aliases
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark else None
        problem = exc.problem or exc.context or "?"
        return None, {}, {}, [F.make("E-YAML-001", file, pos, problem=problem)]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, {}, {}, [F.make("E-YAML-001", file, None, problem=type(exc).__name__)]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None, {}, {}, [F.make("E-LOAD-002", file, None)]
    problems = []
    if len(nodes) > 1:
        m = nodes[1].start_mark
        problems.append(F.make("E-YAML-004", file, (m.line + 1, m.column + 1)))
    conv = _Converter(file)
    data = conv.convert(nodes[0], (), 0)
    problems.extend(conv.problems)
    if not isinstance(nodes[0], yaml.MappingNode):
        m = nodes[0].start_mark
        found = {"SequenceNode": "列表 (list)", "ScalarNode": "单个值 (scalar)"}.get(type(nodes[0]).__name__, "?")
        problems.append(F.make("E-YAML-007", file, (m.line + 1, m.column + 1), found=found))
        data = None
    return data, conv.positions, conv.keys, problems


def _aliases(text: str, file: str) -> list[F.Finding]:
    out = []
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                out.append(F.make("E-YAML-005", file, (event.start_mark.line + 1, event.start_mark.column + 1)))
                if len(out) >= 20:
                    break
    except yaml.YAMLError:
        pass  # the syntax error is reported by the composer
    return out


def _indent_tabs(text: str, file: str) -> list[F.Finding]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead and line.strip():
            out.append(F.make("E-YAML-002", file, (n, lead.index("\t") + 1)))
            if len(out) >= 20:
                break
    return out


class _Converter:
    def __init__(self, file: str):
        self.file = file
        self.positions: dict = {}
        self.keys: dict = {}
        self.problems: list[F.Finding] = []
        self._seen: set[int] = set()

    def _at(self, node):
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node, path, depth):
        self.positions[path] = self._at(node)
        if depth > MAX_DEPTH:
            self.problems.append(F.make("E-YAML-008", self.file, self._at(node), limit=MAX_DEPTH))
            return None
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self._seen:  # the same node twice: an alias
                self.problems.append(F.make("E-YAML-005", self.file, self._at(node)))
                return None
            self._seen.add(id(node))
        if node.tag not in _IMPLICIT_TAGS:
            self.problems.append(F.make("E-YAML-009", self.file, self._at(node), tag=node.tag))
            return None
        if isinstance(node, yaml.ScalarNode):
            return scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(F.make("E-YAML-006", self.file, self._at(key_node), found="列表或映射 (collection)"))
                continue
            key = scalar(key_node)
            if key_node.tag == _STD_TAG + "merge":
                self.problems.append(F.make("E-YAML-005", self.file, self._at(key_node)))
                continue
            if not isinstance(key, str):
                self.problems.append(F.make("E-YAML-006", self.file, self._at(key_node), found=repr(key)))
                continue
            if key in result or key in first_line:
                self.problems.append(
                    F.make("E-YAML-003", self.file, self._at(key_node), key=key, first_line=first_line[key])
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.keys[path + (key,)] = self._at(key_node)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result


def scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:  # quoted or block scalars are always text
        return value
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value):
        return int(value)
    if _DECIMAL.fullmatch(value):
        return float(value)
    return value


def load_tree(records: Path) -> tuple[list[Document], list[F.Finding]]:
    """Load every record file below `records`.  Never raises for a bad file."""
    paths, problems = discover(records)
    docs = []
    for path in paths:
        doc, found = load_file(path, records)
        docs.append(doc)
        problems.extend(found)
    return docs, problems
