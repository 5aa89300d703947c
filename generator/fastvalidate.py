"""The fast path of validate: jsonschema-rs first, jsonschema for what fails.

Each schema is compiled once by jsonschema-rs (Rust; draft 2020-12, as jsonschema reads it:
four times faster than fastjsonschema's generated Python here, and quicker to import).  A
document it accepts has no schema finding; a document it rejects — or one it cannot take at
all (a value JSON has no type for) — is validated again by
`generator.validate.validate_document` (jsonschema), which words every finding.  The findings
are therefore exactly those of jsonschema, as long as jsonschema-rs is never *more lenient*
than jsonschema.  To keep it so:

* the `date` format is checked as jsonschema checks it (`_date_text`, called back for each
  date) — tested against jsonschema's own checker, which is not imported here (importing
  jsonschema takes ≈80 ms, as long as checking a one-ledger pull request's ledger);
* tests/test_bench_fastpath.py runs every error fixture, the hostile corpus and mutants of
  every value of every valid record through both paths and compares the findings.

`CONTACT_LEDGER_FAST=0` turns the fast path off (the benchmark compares both).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache

from generator import findings as F
from generator.load import Document
from generator.validate import placeholders, schema_for, validate_document as validate_slow

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - the fast path is optional
    jsonschema_rs = None


def enabled() -> bool:
    return jsonschema_rs is not None and os.environ.get("CONTACT_LEDGER_FAST", "1") != "0"


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@lru_cache(maxsize=1 << 14)  # ten years of records hold a few thousand distinct dates
def _date_text(value: str) -> bool:
    """jsonschema's `date` format (RFC 3339 full-date): four, two and two ASCII digits, a real day.
    jsonschema-rs calls it for strings only (a format says nothing of other values), so it is given
    as it is: a date already seen is answered by the cache in C, without a Python call (a wrapper
    asking isinstance cost 0.03 s of 12k files' 0.17 s)."""
    try:
        return bool(_DATE.fullmatch(value) and dt.date.fromisoformat(value))
    except ValueError:
        return False


@lru_cache(maxsize=None)
def compiled(kind: str):
    """The fast validator of a kind (values → whether they are valid), or None (no schema, no
    library, a schema it cannot compile)."""
    schema = schema_for(kind)
    if jsonschema_rs is None or schema is None:
        return None
    try:
        return jsonschema_rs.validator_for(schema, formats={"date": _date_text}, validate_formats=True).is_valid
    except Exception:  # noqa: BLE001 - a schema it cannot compile takes the slow path
        return None


def validate_document(doc: Document, fast: bool | None = None) -> list[F.Finding]:
    """Findings of `generator.validate.validate_document`, faster for valid documents.  `fast`: enabled(),
    when the caller has asked it (once for many files: cache._loaded)."""
    if doc.data is None or doc.kind is None or not (enabled() if fast is None else fast):
        return validate_slow(doc)
    check = compiled(doc.kind)
    if check is not None:
        try:
            if check(doc.data):  # (valid: but a fact left as a hint's placeholder, position: 待填写, is not)
                return placeholders(doc)
        except Exception:  # noqa: BLE001 - a value JSON has no type for: let jsonschema judge
            pass
    return validate_slow(doc)
