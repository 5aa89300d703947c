"""bench/corpus.py's benchmark corpora: the default is byte for byte what it always was, and
--late-share puts late, missing and empty ledgers into it, as `check` then reports them."""
from __future__ import annotations

import collections
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# bench/corpus.py --ledgers 150 --seed 7, every file's path and bytes (as written before --late-share existed; policy.yaml
# since with the words of no name before 同学, privacy.not_given_name_characters and not_name_words, which the policy
# schema requires — every other file's bytes as before: 678442f0… before them)
DEFAULT_150_SEED7 = "5098f5e8ae86fc85885d8ddafa4759c43e1dfa3bbb4d4bd452d1054be5d2ef67"


def generate(out: Path, *extra: str) -> Path:
    subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "150", "--seed", "7", "--out", str(out), *extra],
                   cwd=REPO, check=True, capture_output=True)
    return out


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(x for x in root.rglob("*") if x.is_file() and x.name != ".bench-stamp"):  # (bench/run.py's)
        h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def test_the_default_corpus_is_byte_for_byte_as_before(tmp_path):
    """Every measurement in bench/RESULTS.md and HISTORY.md was made on these bytes."""
    assert digest(generate(tmp_path / "default")) == DEFAULT_150_SEED7
    assert digest(generate(tmp_path / "zero", "--late-share", "0")) == DEFAULT_150_SEED7


def check(records: Path, env: dict) -> tuple[bytes, dict]:
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today",
                          "2026-11-28", "--format", "json"], cwd=REPO, capture_output=True,
                         env={**os.environ, **env})
    assert run.returncode == 0 and b"Traceback" not in run.stderr, run.stderr[-2000:]
    return run.stdout, json.loads(run.stdout)


def test_late_share_makes_ledgers_late_missing_and_empty_and_both_paths_report_them_alike(tmp_path):
    """At 12k the default corpus has 3 late and 3 missing ledgers: R6 is hardly exercised.  With
    --late-share 0.2, a fifth of the ledgers past their due day are late (half), missing (a quarter)
    or handed in without an activity (a quarter); the same arguments give the same bytes; and the
    fast path reports exactly what the reference path does."""
    records = generate(tmp_path / "late", "--late-share", "0.2")
    assert digest(generate(tmp_path / "again", "--late-share", "0.2")) == digest(records)
    fast, report = check(records, {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache")})
    reference, _ = check(records, {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0",
                                   "CONTACT_LEDGER_WORKERS": "1"})
    assert fast == reference
    assert report["summary"]["errors"] == 0
    statuses = collections.Counter(r["status"] for r in report["ledgers"])
    due = sum(n for s, n in statuses.items() if s in ("on_time", "late", "missing"))
    codes = collections.Counter(f["code"] for f in report["findings"])
    # (each share within a few ledgers of its part: 10 %, 5 % and 5 % of the ledgers past due)
    assert abs(statuses["late"] - 0.10 * due) <= 3 and abs(statuses["missing"] - 0.05 * due) <= 3, statuses
    assert codes["W-CHK-005"] == statuses["late"] and codes["W-CHK-006"] == statuses["missing"]
    assert abs(codes["W-CHK-017"] - 0.05 * due) <= 3, codes
    assert codes["W-CHK-004"] > 1  # (semesters without a contact: the empty and missing ledgers' cadres)
    default = json.loads(check(generate(tmp_path / "default"), {"CONTACT_LEDGER_CACHE": "0"})[0])
    assert default["summary"]["ledgers"]["late"] == 1 and "W-CHK-017" not in {f["code"] for f in default["findings"]}


def test_the_benchmark_compares_both_paths_on_a_corpus_with_late_share(tmp_path):
    """bench/run.py --late-share: the corpus generated with it, and the bench's own comparison of
    the fast path's reports with the reference path's made on it."""
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--sizes", "150", "--late-share", "0.2", "--reps", "1",
                          "--no-site", "--no-cjs", "--work", str(tmp_path / "work"), "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    [size] = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    assert digest(tmp_path / "work/corpus-150-seed7-late0.2") == digest(generate(tmp_path / "late", "--late-share", "0.2"))
    same = size["same_reports"]
    assert same["validate"] is True and same["check"] is True and same["errors"] == 0 and same["warnings"] > 60
    assert "| identical findings on both code paths (validate / check) | yes |" in run.stdout
    assert "| stage | 150 ledgers (--late-share 0.2) |" in run.stdout


def test_the_benchmark_generates_its_corpus_again_when_the_generator_changed_at_all(tmp_path, monkeypatch):
    """bench/run.py keeps each generated corpus under build/bench/ and made it again only when
    bench/corpus.py's size had changed: an edit of the same length (a 12 made 11) measured the old
    corpus as the new one."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "bench"))
    (tmp_path / "repo/bench").mkdir(parents=True)
    generator = tmp_path / "repo/bench/corpus.py"
    generator.write_bytes((REPO / "bench/corpus.py").read_bytes())
    monkeypatch.setattr(run, "ROOT", tmp_path / "repo")
    first = digest(run.corpus(150, 7, tmp_path / "work"))
    assert digest(run.corpus(150, 7, tmp_path / "work")) == first  # (kept: nothing changed)
    text = generator.read_text(encoding="utf-8")
    generator.write_text(text.replace("[6, 7, 8, 9, 9, 10, 12]", "[6, 7, 8, 9, 9, 10, 11]"), encoding="utf-8")
    assert generator.stat().st_size == len(text.encode())
    assert digest(run.corpus(150, 7, tmp_path / "work")) != first
