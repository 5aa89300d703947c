"""The loader's fast path: one pass over libyaml's events for an ordinary record file.

`load._parse` reads a file in three passes — libyaml's event parser (to refuse aliases
and deep nesting before anything recursive runs), libyaml's composer (nodes), and a
conversion of the nodes into values with positions.  For a file with nothing unusual
about it, this module does the same in *one* pass over the events, iteratively (never
recursive), building exactly the same values, positions and spans: a node's marks are
its first and last event's marks, which is what the composer copies into the node.

It gives up — returns None, and `load._parse` does its full work and reports — at the
first thing that would be a finding or needs care: bytes that are not plain UTF-8 YAML
text, control characters, tabs, an alias or anchor, any tag, a key that is not plain
text or is `<<`, a duplicate key, nesting near MAX_DEPTH, a top level that is not a
mapping, a second document, a syntax error.  So a file either comes out of this pass
exactly as the full loader would load it, or is loaded by the full loader.
tests/test_bench_fastpath.py compares both on every fixture and corpus.

`CONTACT_LEDGER_FAST=0` turns it off.
"""
from __future__ import annotations

import os

import yaml

from generator import load

_SCALAR = yaml.ScalarEvent
_MAP_START = yaml.MappingStartEvent
_SEQ_START = yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_BAD_BYTES = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def enabled() -> bool:
    return os.environ.get("CONTACT_LEDGER_FAST", "1") != "0"


def parse(raw: bytes, file: str, stop: tuple | None = None):
    """A load._Parsed for an ordinary file, or None (let the full loader handle it).
    (With `stop`: see locate.)"""
    if raw.startswith(_BAD_BYTES) or b"\x00" in raw or b"\t" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    if load._CONTROL.search(text) or load.HIDDEN_COMMENT.search(text) or load.WIDE_COMMA.search(text):
        return None
    if "\\" in text and load.ESCAPED_CONTROL.search(text):  # E-YAML-014
        return None
    try:
        return _build(text, stop)
    except Exception:  # noqa: BLE001 - a syntax error, or anything else: the full loader reports it
        return None


def locate(raw: bytes, path: tuple, key: bool = False) -> tuple[int, int] | None:
    """The position `parse` gives the value at `path` (its key's, when `key`), reading the file
    only as far as that: the one question asked of most files with a finding (a ledger with a
    holiday activity: ≈0.7 ms for the whole parse, ≈0.1–0.2 ms this way).  None: not there, or a
    file `parse` leaves to the full loader."""
    return parse(raw, "", (path, key))


def _build(text: str, stop: tuple | None = None):
    """The file's values, positions and spans; or with `stop` = (path, key?), only that one
    position, as soon as it is reached (None when it never is)."""
    scalar = load.scalar  # reads only .value and .style, which an event has as its node does
    max_depth = load.MAX_DEPTH - 2
    positions: dict = {}
    keys: dict = {}
    spans: dict = {}
    key_spans: dict = {}
    events = yaml.parse(text, Loader=load.loader())
    # the stream must be: StreamStart, DocumentStart, MappingStart … MappingEnd, DocumentEnd, StreamEnd
    if not isinstance(next(events), yaml.StreamStartEvent) or not isinstance(next(events), yaml.DocumentStartEvent):
        return None
    first = next(events)
    if type(first) is not _MAP_START or first.tag is not None or first.anchor is not None:
        return None
    root: dict = {}
    m = first.start_mark
    positions[()] = (m.line + 1, m.column + 1)
    if stop == ((), False):
        return positions[()]
    # a frame: [container, path, is_mapping, pending key (mapping) or next index (sequence)]
    stack = [[root, (), True, None]]
    for event in events:
        kind = type(event)
        top = stack[-1]
        if kind in _ENDS:
            stack.pop()
            if not stack:
                break
            continue
        if kind is not _SCALAR and kind is not _MAP_START and kind is not _SEQ_START:
            return None  # an alias, or anything unexpected
        if event.tag is not None or event.anchor is not None:
            return None
        container, path, is_map, slot = top
        if is_map and slot is None:  # a key
            if kind is not _SCALAR:
                return None
            value = event.value
            if not event.style and value == "<<":
                return None
            key = scalar(event)
            if type(key) is not str or key in container:
                return None
            sm = event.start_mark
            keys[path + (key,)] = (sm.line + 1, sm.column + 1)
            if stop is not None and stop[1] and stop[0] == path + (key,):
                return keys[stop[0]]
            key_spans[path + (key,)] = (sm.index, event.end_mark.index, value)
            top[3] = key
            continue
        if is_map:
            here = path + (slot,)
            top[3] = None
        else:
            here = path + (slot,)
            top[3] = slot + 1
            if kind is _SCALAR and not event.style and event.start_mark.line != event.end_mark.line:
                return None  # an item on two lines (E-YAML-015)
        sm = event.start_mark
        positions[here] = (sm.line + 1, sm.column + 1)
        if stop is not None and not stop[1] and stop[0] == here:
            return positions[here]
        if kind is _SCALAR:
            value = event.value
            spans[here] = (sm.index, event.end_mark.index, value)
            item = scalar(event)
        else:
            if len(here) >= max_depth:
                return None
            item = {} if kind is _MAP_START else []
            stack.append([item, here, kind is _MAP_START, None if kind is _MAP_START else 0])
        if is_map:
            container[slot] = item
        else:
            container.append(item)
    else:
        return None  # the root mapping never ended
    if not isinstance(next(events), yaml.DocumentEndEvent) or not isinstance(next(events), yaml.StreamEndEvent):
        return None  # a second document
    if stop is not None:
        return None
    out = load._Parsed()
    out.data, out.positions, out.keys = root, positions, keys
    out.text, out.spans, out.key_spans = text, spans, key_spans
    return out
