"""The fast path of validate: fastjsonschema first, jsonschema for what fails.

Each schema is compiled once by fastjsonschema (Python code generated from the schema,
several times faster than jsonschema).  A document it accepts has no schema finding;
a document it rejects — or any document when the fast path cannot be trusted — is
validated again by `generator.validate.validate_document` (jsonschema), which words
every finding.  The findings are therefore exactly those of jsonschema, as long as
fastjsonschema is never *more lenient* than jsonschema.  To keep it so:

* the `date` format is checked as jsonschema checks it (`_date_text`; fastjsonschema's own
  only looks at the shape, and would let 2026-02-30 through) — tested against jsonschema's
  own checker, which is not imported here (importing jsonschema takes ≈80 ms, as long as
  checking a one-ledger pull request's ledger);
* a schema that uses a keyword outside `_TRUSTED` (whose meaning is the same in
  draft 7 and draft 2020-12), or a `$ref` with sibling rules (ignored in draft 7),
  is never compiled: its documents always take the jsonschema path;
* tests/test_bench_fastpath.py runs every error fixture and the hostile corpus
  through both paths and compares the findings.

`CONTACT_LEDGER_FAST=0` turns the fast path off (the benchmark compares both).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache, partial

from generator import findings as F
from generator.load import Document
from generator.validate import schema_for, validate_document as validate_slow

try:
    import fastjsonschema
except ImportError:  # pragma: no cover - the fast path is optional
    fastjsonschema = None

# Keywords whose meaning draft 7 (fastjsonschema) and draft 2020-12 (jsonschema) share.
_TRUSTED = {
    "$schema", "$id", "$defs", "$ref", "$comment", "title", "description", "examples", "default",
    "type", "enum", "const", "properties", "required", "additionalProperties", "items",
    "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "oneOf", "anyOf", "allOf",
    "not", "if", "then", "else",
}
_NAMED = {"properties", "$defs", "patternProperties"}  # their keys are names, not keywords
_ANNOTATIONS = {"$ref", "title", "description", "$comment", "examples", "default"}


def enabled() -> bool:
    return fastjsonschema is not None and os.environ.get("CONTACT_LEDGER_FAST", "1") != "0"


def trusted(schema, named: bool = False) -> bool:
    """Whether fastjsonschema reads `schema` exactly as jsonschema (draft 2020-12) does."""
    if isinstance(schema, list):
        return all(trusted(s) for s in schema)
    if not isinstance(schema, dict):
        return True
    if named:
        return all(trusted(s) for s in schema.values())
    if "$ref" in schema and set(schema) - _ANNOTATIONS:
        return False
    for key, value in schema.items():
        if key not in _TRUSTED:
            return False
        if key in ("enum", "const", "examples", "default", "required", "title", "description"):
            continue
        if not trusted(value, named=key in _NAMED):
            return False
    return True


def _date(value) -> bool:
    return _date_text(value) if isinstance(value, str) else True


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@lru_cache(maxsize=1 << 14)  # ten years of records hold a few thousand distinct dates
def _date_text(value: str) -> bool:
    """jsonschema's `date` format (RFC 3339 full-date): four, two and two ASCII digits, a real day."""
    try:
        return bool(_DATE.fullmatch(value) and dt.date.fromisoformat(value))
    except ValueError:
        return False


@lru_cache(maxsize=None)
def compiled(kind: str):
    """The compiled fast validator of a kind, or None (no schema, untrusted, no library)."""
    schema = schema_for(kind)
    if fastjsonschema is None or schema is None or not trusted(schema):
        return None
    body = {k: v for k, v in schema.items() if k not in ("$schema", "$id")}
    body["$schema"] = "http://json-schema.org/draft-07/schema#"
    try:
        code = fastjsonschema.compile_to_code(body, formats={"date": _date}, use_default=False,
                                              detailed_exceptions=False)
        # Only pass or fail is used here (jsonschema words the findings), but the generated code
        # formats each value's name with locals() on its way down, valid or not: not any more.
        scope: dict = {}
        exec(code.replace(".format(**locals())", ""), scope)  # what fastjsonschema.compile does
        return partial(scope["validate"], custom_formats={"date": _date})
    except Exception:  # noqa: BLE001 - a schema it cannot compile takes the slow path
        return None


def validate_document(doc: Document) -> list[F.Finding]:
    """Findings of `generator.validate.validate_document`, faster for valid documents."""
    if doc.data is None or doc.kind is None or not enabled():
        return validate_slow(doc)
    check = compiled(doc.kind)
    if check is not None:
        try:
            check(doc.data)
            return []
        except fastjsonschema.JsonSchemaException:
            pass
        except Exception:  # noqa: BLE001 - anything odd: let jsonschema judge
            pass
    return validate_slow(doc)
