"""What the site shows of a record with errors: only the values its schema allows.

`make site` validates first and builds only clean records, but the live preview (`make serve`)
and a bare `mkdocs build` build whatever the records hold — a cadre previewing a ledger with
`students: 三十一`, a unit written as a list.  Every such error is listed on the findings page
(数据检查); the pages themselves are made from the values that have the type their schema
gives them, as if the others were not written.  So a wrong value costs its own cell, never the
build, and the tables never meet a number where they sort names.

Only documents with an error (RecordSet.invalid) are touched; the checks have already run on
the records as written, so their findings are the command line's.  Such a document loses its
digest, so what the site works out of its values (the ledgers' facts, which the feedback pages
read) is worked out again from the conformed values, never served from the cache.
"""
from __future__ import annotations

from generator.model import RecordSet, derived
from generator.validate import schema_for

_DROP = object()
_TYPES = {"string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "array": (list,),
          "object": (dict,), "null": (type(None),)}


def conforming(rs: RecordSet) -> RecordSet:
    """`rs`, or, if any document has an error, a record set whose documents with errors hold only
    the values their schema allows (the documents are changed in place: the checks are done)."""
    changed = False
    for doc in rs.docs:
        if doc.rel not in rs.invalid or doc.kind is None or not isinstance(doc.data, dict):
            continue
        schema = schema_for(doc.kind)
        if schema is None:
            continue
        kept = _conform(doc.data, schema, schema)
        doc.values_changed(kept if isinstance(kept, dict) else {})
        changed = True
    return derived(rs, rs.docs) if changed else rs


def _conform(value, schema: dict, root: dict):
    """The value with every part its schema does not allow left out (or _DROP: none of it)."""
    while isinstance(schema, dict) and "$ref" in schema:  # (local references only: #/$defs/…)
        schema = _resolve(root, schema["$ref"])
    if not isinstance(schema, dict):
        return value
    types = schema.get("type")
    if types is not None:
        allowed = tuple(t for name in ([types] if isinstance(types, str) else types) for t in _TYPES.get(name, ()))
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            return _DROP
    if "enum" in schema and value not in schema["enum"]:
        return _DROP
    if isinstance(value, dict):
        props, extra = schema.get("properties", {}), schema.get("additionalProperties", True)
        out = {}
        for key, sub in value.items():
            rule = props.get(key, extra)
            if rule is False:
                continue
            kept = sub if rule is True else _conform(sub, rule, root)
            if kept is not _DROP:
                out[key] = kept
        return out
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [kept for item in value if (kept := _conform(item, schema["items"], root)) is not _DROP]
    return value


def _resolve(root: dict, ref: str):
    node = root
    for part in ref.removeprefix("#/").split("/") if ref.startswith("#/") else ():
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node if ref.startswith("#/") else {}
