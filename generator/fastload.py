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


def parse(raw: bytes, file: str):
    """A load.Parsed for an ordinary file, or None (let the full loader handle it)."""
    text = _text(raw)
    return None if text is None else _guarded(_build, text)


def locate(raw: bytes, path: tuple, key: bool = False) -> tuple[int, int] | None:
    """The position `parse` gives the value at `path` (its key's, when `key`), reading the file
    only as far as that: the one question asked of most files with a finding (a ledger with a
    holiday activity: ≈0.7 ms for the whole parse, ≈0.1–0.2 ms this way).  None: not there, or a
    file `parse` leaves to the full loader."""
    text = _text(raw)
    return None if text is None else _guarded(_walk, text, (path, key))


def positions(raw: bytes) -> dict | None:
    """The positions `parse` gives the values (not the keys), without the values, spans and text:
    for a file whose every row is asked where and whose values the quick path read (an assignment
    file: load.positions_of).  None: a file `parse` leaves to the full loader."""
    text = _text(raw)
    return None if text is None else _guarded(_walk, text, None)


def _text(raw: bytes) -> str | None:
    """The text of an ordinary file's bytes, or None: one `parse` leaves to the full loader."""
    if raw.startswith(_BAD_BYTES) or b"\x00" in raw or b"\t" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    text = text.removeprefix("\ufeff")
    if load.UNALLOWED_CHAR.search(text) or load.HIDDEN_COMMENT.search(text) or load.WIDE_COMMA.search(text):
        return None
    if "\\" in text and load.ESCAPED_CONTROL.search(text):  # E-YAML-014
        return None
    return text


def _guarded(walk, *args):
    try:
        return walk(*args)
    except Exception:  # noqa: BLE001 - a syntax error, or anything else: the full loader reports it
        return None


def _events(text: str):
    """libyaml's events after the root mapping's start, and that start's (line, column); or None:
    the stream must be StreamStart, DocumentStart, MappingStart … MappingEnd, DocumentEnd, StreamEnd."""
    events = yaml.parse(text, Loader=load.loader())
    if not isinstance(next(events), yaml.StreamStartEvent) or not isinstance(next(events), yaml.DocumentStartEvent):
        return None
    first = next(events)
    if type(first) is not _MAP_START or first.tag is not None or first.anchor is not None:
        return None
    return events, (first.start_mark.line + 1, first.start_mark.column + 1)


class _Refused(Exception):
    """A file `parse` leaves to the full loader (_guarded: None)."""


def _nodes(events, stack: list):
    """(event, its type) of each node of the root mapping, a collection's end taking its frame off
    `stack`, up to the root's end; _Refused at an alias, an anchor, a tag, or a root never ended."""
    for event in events:
        kind = type(event)
        if kind in _ENDS:
            stack.pop()
            if not stack:
                return
            continue
        if kind is not _SCALAR and kind is not _MAP_START and kind is not _SEQ_START \
                or event.tag is not None or event.anchor is not None:
            raise _Refused  # an alias, or anything unexpected
        yield event, kind
    raise _Refused  # the root mapping never ended


def _ended(events) -> bool:
    """The root mapping was the one document (not a second one after it)."""
    return isinstance(next(events), yaml.DocumentEndEvent) and isinstance(next(events), yaml.StreamEndEvent)


def _build(text: str):
    """The file's values, positions and spans (None: the full loader's work)."""
    scalar = load.scalar  # reads only .value and .style, which an event has as its node does
    max_depth = load.MAX_DEPTH - 2
    keys: dict = {}
    spans: dict = {}
    key_spans: dict = {}
    begun = _events(text)
    if begun is None:
        return None
    events, at = begun
    positions: dict = {(): at}
    root: dict = {}
    # a frame: [container, path, is_mapping, pending key (mapping) or next index (sequence)]
    stack = [[root, (), True, None]]
    for event, kind in _nodes(events, stack):
        top = stack[-1]
        container, path, is_map, slot = top
        if is_map and slot is None:  # a key
            if kind is not _SCALAR:
                return None
            value = event.value
            if not event.style and value == "<<":
                return None
            key = scalar(event)
            if type(key) is not str or key in container or key[:1] in load.ODD_LEAD:  # (E-YAML-010)
                return None
            sm = event.start_mark
            keys[path + (key,)] = (sm.line + 1, sm.column + 1)
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
    if not _ended(events):
        return None  # a second document
    out = load.Parsed()
    out.data, out.positions, out.keys = root, positions, keys
    out.text, out.spans, out.key_spans = text, spans, key_spans
    return out


def _walk(text: str, stop: tuple | None):
    """What `_build` finds of positions, refusing what it refuses, without its values and spans:
    with `stop` = (path, key?), only that one position, as soon as it is reached (None when it
    never is); without, the values' positions (None: the full loader's work)."""
    scalar = load.scalar
    max_depth = load.MAX_DEPTH - 2
    begun = _events(text)
    if begun is None:
        return None
    events, at = begun
    if stop == ((), False):
        return at
    positions: dict = {(): at}
    plain: dict = {}
    # a frame: [the keys so far (mapping) or None (sequence), path, pending key or next index]
    stack = [[set(), (), None]]
    for event, kind in _nodes(events, stack):
        top = stack[-1]
        seen, path, slot = top
        if seen is not None:
            if slot is None:  # a key
                if kind is not _SCALAR:
                    return None
                if event.style:
                    key = event.value
                elif event.value == "<<":
                    return None
                else:  # (the same few keys in every row: what our rules read them as, once)
                    key = plain.get(event.value)
                    if key is None:
                        key = plain[event.value] = scalar(event)
                        if type(key) is str and key[:1] in load.ODD_LEAD:  # (E-YAML-010)
                            return None
                if type(key) is not str or key in seen:
                    return None
                seen.add(key)
                top[2] = key
                if stop is not None and stop[1] and stop[0] == path + (key,):
                    return event.start_mark.line + 1, event.start_mark.column + 1
                continue
            top[2] = None
        else:
            top[2] = slot + 1
            if kind is _SCALAR and not event.style and event.start_mark.line != event.end_mark.line:
                return None  # an item on two lines (E-YAML-015)
        here = path + (slot,)
        sm = event.start_mark
        positions[here] = (sm.line + 1, sm.column + 1)
        if stop is not None and not stop[1] and stop[0] == here:
            return positions[here]
        if kind is not _SCALAR:
            if len(here) >= max_depth:
                return None
            stack.append([set() if kind is _MAP_START else None, here, None if kind is _MAP_START else 0])
    if stop is not None or not _ended(events):
        return None
    return positions
