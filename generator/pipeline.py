"""The pipeline that every command shares: load → validate → references (→ privacy).

`validate_records` never raises for bad records: every problem is a finding.
"""
from __future__ import annotations

from pathlib import Path

from generator import findings as F
from generator.load import load_tree
from generator.model import RecordSet, build
from generator.references import check_references
from generator.validate import validate_document

# Extra record-level stages (privacy, archive integrity …) register here: each is a
# function RecordSet → list[Finding], run after references.
RECORD_STAGES: list = []


def validate_records(records: Path) -> tuple[RecordSet, list[F.Finding]]:
    docs, findings = load_tree(records)
    invalid = {d.rel for d in docs if d.data is None}
    for doc in docs:
        found = validate_document(doc)
        if found:
            invalid.add(doc.rel)
        findings.extend(found)
    for f in findings:
        for d in docs:
            if d.file == f.file and f.severity == F.ERROR:
                invalid.add(d.rel)
    rs = build(records, docs, invalid)
    findings.extend(check_references(rs))
    for stage in RECORD_STAGES:
        findings.extend(stage(rs))
    return rs, sorted(set(findings), key=F.Finding.sort_key)
