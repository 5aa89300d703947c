"""CODEOWNERS generated from the records: `python -m generator codeowners [--check]`."""
from __future__ import annotations

from workflow_repo import make_repo, run


def test_codeowners_lists_cadres_with_their_reviewers_and_admins_for_the_rest(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "codeowners")
    assert r.returncode == 0, r.stdout + r.stderr
    lines = (repo / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    rules = [ln for ln in lines if ln and not ln.startswith("#")]
    assert rules[0] == "* @wang-admin"  # first: the catch-all; later lines win
    assert "/records/ @wang-admin" in rules and "/schemas/ @wang-admin" in rules
    assert "/generator/ @wang-admin" in rules and "/.github/ @wang-admin" in rules
    assert "/records/ledgers/*/zhang-wei.yaml @zhang-wei @cs-reviewer" in rules
    assert "/records/ledgers/*/li-na.yaml @Li-Na @me-reviewer" in rules
    assert "/records/ledgers/*/chen-gang.yaml @wang-admin" in rules  # no account: the unit's reviewer
    assert rules.index("/records/ @wang-admin") < rules.index("/records/ledgers/*/zhang-wei.yaml @zhang-wei @cs-reviewer")


def test_output_is_deterministic_and_check_passes_when_fresh(tmp_path):
    repo = make_repo(tmp_path)
    run(repo, "codeowners")
    first = (repo / "CODEOWNERS").read_bytes()
    run(repo, "codeowners")
    assert (repo / "CODEOWNERS").read_bytes() == first
    r = run(repo, "codeowners", "--check")
    assert r.returncode == 0 and "一致" in r.stdout


def test_stale_codeowners_fails_the_check(tmp_path):
    repo = make_repo(tmp_path)
    run(repo, "codeowners")
    units = repo / "records/units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("[cs-reviewer]", "[cs-reviewer, cs-deputy]"),
                     encoding="utf-8")
    r = run(repo, "codeowners", "--check")
    assert r.returncode == 1
    assert "CODEOWNERS:" in r.stdout and "E-FLOW-001" in r.stdout
    assert "@zhang-wei @cs-reviewer @cs-deputy" in r.stdout
    assert "python -m generator codeowners" in r.stdout  # the hint says how to fix it


def test_missing_codeowners_fails_the_check(tmp_path):
    repo = make_repo(tmp_path)
    r = run(repo, "codeowners", "--check", "--lang", "en")
    assert r.returncode == 1 and "there is no CODEOWNERS file" in r.stdout


def test_the_committed_codeowners_of_this_repository_is_fresh():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if not (root / "records" / "policy.yaml").is_file() or not (root / "CODEOWNERS").is_file():
        import pytest

        pytest.skip("the demo records or CODEOWNERS are not there yet")
    r = run(root, "codeowners", "--check")
    assert r.returncode == 0, r.stdout + r.stderr
