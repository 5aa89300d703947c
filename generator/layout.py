"""Where each kind of record lives under `records/`, and which schema checks it.

This table is the single source of the records layout; README documents it.
"""
from __future__ import annotations

import re

# (regular expression on the path relative to records/, kind).  The kind names the
# schema file `schemas/<kind>.schema.json`.
LAYOUT: list[tuple[re.Pattern, str]] = [
    (re.compile(r"policy\.yaml"), "policy"),
    (re.compile(r"calendar\.yaml"), "calendar"),
    (re.compile(r"units\.yaml"), "units"),
    (re.compile(r"clubs\.yaml"), "clubs"),
    (re.compile(r"exemptions\.yaml"), "exemptions"),
    (re.compile(r"privacy-exceptions\.yaml"), "privacy_exceptions"),
    (re.compile(r"classes/[^/]+\.yaml"), "classes"),
    (re.compile(r"cadres/[^/]+\.yaml"), "cadre"),
    (re.compile(r"assignments/[^/]+\.yaml"), "assignments"),
    (re.compile(r"ledgers/[^/]+/[^/]+\.yaml"), "ledger"),
    (re.compile(r"imports/[^/]+\.yaml"), "imports"),
    (re.compile(r"archive/[^/]+\.yaml"), "archive"),
    (re.compile(r"amendments/[^/]+/[^/]+\.yaml"), "amendment"),
]

# The folders of records/ (cadres, classes, ledgers …): a file by one of these names is not read.
FOLDERS = frozenset(pattern.pattern.split("/")[0] for pattern, _kind in LAYOUT if "/" in pattern.pattern)

# Kinds read as they are now even by a check of a past day (`check --today`: cache.past_records reads
# every other kind as committed on that day): their dates tell their own past — the policy's `earlier`,
# the calendar's `corrected`, the import manifest's `submitted` — or, for the privacy exceptions, they are
# the administrators' review as it stands (matched to a past day's content by a line's text).
AS_THEY_ARE = frozenset({"policy", "calendar", "imports", "privacy_exceptions"})
AS_OF_DAY = frozenset(kind for _pattern, kind in LAYOUT) - AS_THEY_ARE

# Kinds that hold exactly one file (the rest are folders of files).
SINGLETONS = {"policy", "calendar", "units", "clubs"}


_ANY = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for pattern, kind in LAYOUT))  # one match a file


def kind_of(rel: str) -> str | None:
    """The kind of the file at `rel` (the first row of LAYOUT it matches), or None."""
    found = _ANY.fullmatch(rel)
    return found.lastgroup if found else None


def manifest_files(data) -> frozenset | None:
    """The files (below records/) an import manifest's `data` says its import brought — its ledgers' paths and
    its `records` —, None when it has no `records` list (an old manifest, or not a mapping at all)."""
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        return None
    ledgers = data.get("ledgers") if isinstance(data.get("ledgers"), list) else []
    return frozenset(str(e.get("path")) for e in ledgers if isinstance(e, dict)) | frozenset(
        str(r) for r in data["records"])
