"""Every finding code of the load, validate and references stages, on a real bad record.

Each tests/fixtures/bad/<CODE>[__variant]/ breaks one thing in a copy of the valid
tests/fixtures/minimal/ (see tests/bad_records.py); `python -m generator validate`
runs on it in a subprocess, as a cadre or CI runs it, and must report exactly the
error findings listed in its expect.yaml — code, file, line and column — and exit 1.
"""
from __future__ import annotations

import json

import pytest

import bad_records as B
from generator.messages import load as load_codes
from generator.messages import references as reference_codes
from generator.messages import validate as validate_codes

# Codes that no record may cause — a record that does has found a bug.  Every other code
# of the three catalogues needs a bad fixture.
NOT_FROM_RECORDS = {"E-INTERNAL-001": "a stage crashed: a bug guard, not a record problem"}
FOUNDATION_CODES = sorted({*load_codes.CODES, *validate_codes.CODES, *reference_codes.CODES} - set(NOT_FROM_RECORDS))


def _key(f: dict) -> tuple:
    return (f["code"], f["file"], f["line"], f["column"])


def test_minimal_record_set_is_valid(tmp_path):
    work = tmp_path / "work"
    B.shutil.copytree(B.MINIMAL, work / "records")
    run = B.run_cli(B.REPO, work, "validate", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert [f for f in json.loads(run.stdout) if f["severity"] == "error"] == []


@pytest.mark.parametrize("name", B.bad_names())
def test_bad_fixture_is_reported_exactly(name):
    spec = B.spec(name)
    run = B.result(name)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, f"{spec['note']}: exit {run.returncode}\n{run.stdout}{run.stderr}"
    found = [f for f in json.loads(run.stdout) if f["severity"] == "error"]
    expected = [
        (e["code"], f"records/{e['file']}", e["line"], e["column"]) for e in spec["expect"]
    ]
    assert sorted(map(_key, found)) == sorted(expected), spec["note"]
    assert not set(NOT_FROM_RECORDS) & {f["code"] for f in found}, run.stdout
    # the code the fixture is named after is among them, and every finding is worded
    assert name.split("__")[0] in {f["code"] for f in found}
    for f in found:
        assert f["message"] and "{" not in f["message"], f
        assert f["hint"], f


def test_every_foundation_code_has_a_bad_fixture():
    covered = {name.split("__")[0] for name in B.bad_names()}
    missing = [code for code in FOUNDATION_CODES if code not in covered]
    assert not missing, f"add tests/fixtures/bad/<code>/ for: {', '.join(missing)}"


def test_every_bad_fixture_names_a_known_code():
    stray = [n for n in B.bad_names() if n.split("__")[0] not in FOUNDATION_CODES]
    assert not stray, stray


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_every_code_is_worded_in_both_languages(code):
    from generator.messages import MESSAGES

    entry = MESSAGES[code]
    assert entry["severity"] in ("error", "warning")
    for key in ("zh", "en", "hint_zh", "hint_en"):
        assert key in entry, f"{code} lacks {key}"
    assert entry["zh"] != entry["en"] and entry["hint_zh"] != entry["hint_en"] or "{" in entry["hint_zh"], code


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield prefix + (i,)
            yield from _paths(value, prefix + (i,))


def test_a_value_of_the_wrong_kind_anywhere_is_a_finding_not_a_crash(tmp_path):
    """Every value of every minimal record, in turn, replaced by a value of another kind
    (a list, a mapping, a number, nothing …): each is reported and no stage breaks
    (E-INTERNAL-001 would say one did)."""
    import yaml

    from generator.pipeline import validate_records

    odd = [[1], {"x": 1}, 5, None, "x", [{"x": 1}], "2026-02-30", []]
    records = tmp_path / "records"
    B.shutil.copytree(B.MINIMAL, records)
    n = 0
    for path in sorted(B.MINIMAL.rglob("*.yaml")):
        rel = path.relative_to(B.MINIMAL)
        original = path.read_text(encoding="utf-8")
        for where in _paths(yaml.safe_load(original)):
            data = yaml.safe_load(original)
            node = data
            for part in where[:-1]:
                node = node[part]
            before = node[where[-1]]
            node[where[-1]] = odd[n % len(odd)] if odd[n % len(odd)] != before else "x"
            n += 1
            (records / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            _, found = validate_records(records)
            crashed = [f.message_en for f in found if f.code in NOT_FROM_RECORDS]
            assert not crashed, (str(rel), where, crashed)
        (records / rel).write_text(original, encoding="utf-8")
    assert n > 200
