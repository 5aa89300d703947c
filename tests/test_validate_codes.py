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

FOUNDATION_CODES = sorted({*load_codes.CODES, *validate_codes.CODES, *reference_codes.CODES})


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
