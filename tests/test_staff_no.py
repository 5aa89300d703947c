"""A cadre's 工号 (staff_no): the key the 组织部's annual assessment spreadsheet is merged by.

Real YAML in a copy of tests/fixtures/minimal/, `python -m generator` as a user runs it: a good 工号 validates,
two cadres with one is E-REF-024 at the second naming the first (zh and en, exit 1); a 工号 that looks like a student
number is no privacy finding in its own field of a cadre file, while the same digits anywhere else still are —
on the quick load path and the reference path (no cache, no quick loader) alike."""
from __future__ import annotations

import json
import shutil

import pytest

import bad_records as B

REFERENCE = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_WORKERS": "1"}


def _records(tmp_path, **staff_no) -> tuple:
    """The minimal record set in tmp_path/work/records, each cadre of `staff_no` (id with _ for -) given that 工号."""
    work = tmp_path / "work"
    records = work / "records"
    shutil.copytree(B.MINIMAL, records)
    for cadre, number in staff_no.items():
        path = records / "cadres" / f"{cadre.replace('_', '-')}.yaml"
        path.write_text(path.read_text(encoding="utf-8") + f'staff_no: "{number}"\n', encoding="utf-8")
    return work, records


def _validate(work, *args, env=None):
    import os
    import subprocess
    import sys

    run_env = {k: v for k, v in os.environ.items() if k not in ("CONTACT_LEDGER_DEBUG", "LEDGER_RECORDS")}
    run_env.update(PYTHONPATH=str(B.REPO), **(env or {}))
    return subprocess.run([sys.executable, "-m", "generator", "validate", *args], cwd=work, env=run_env,
                          capture_output=True, text=True, timeout=60)


def test_a_cadre_with_a_good_staff_number_validates(tmp_path):
    work, _ = _records(tmp_path, zhang_wei="20051234", li_na="T0012")
    run = _validate(work, "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert json.loads(run.stdout) == [], run.stdout


def test_a_staff_number_not_a_university_s_is_refused_at_its_line(tmp_path):
    work, _ = _records(tmp_path, zhang_wei="2005-1234")
    run = _validate(work, "--format", "json")
    assert run.returncode == 1
    assert [(f["code"], f["file"], f["line"]) for f in json.loads(run.stdout)] == [
        ("E-SCHEMA-005", "records/cadres/zhang-wei.yaml", 6)], run.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_two_cadres_with_one_staff_number_is_an_error_at_the_second_naming_the_first(tmp_path, lang):
    work, _ = _records(tmp_path, li_na="T2005123", zhang_wei="t2005123")
    run = _validate(work, "--lang", lang)
    assert run.returncode == 1, run.stdout + run.stderr
    first = "records/cadres/li-na.yaml:6:11"
    said = {"zh": f"records/cadres/zhang-wei.yaml:6:11: 错误 E-REF-024: 工号“t2005123”已是干部“李娜”的工号（{first}，编号 li-na）",
            "en": f"records/cadres/zhang-wei.yaml:6:11: error E-REF-024: staff number 't2005123' is already that of cadre "
                  f"'李娜' (at {first}, id li-na)"}[lang]
    assert said in run.stdout, run.stdout
    assert run.stdout.count("E-REF-024") == 1, run.stdout
    assert ("人事系统" if lang == "zh" else "HR system") in run.stdout
