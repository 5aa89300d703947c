"""`bench/run.py --records` on a corpus kept aside, written otherwise than bench/corpus.py writes it:
what the benchmark tells a new user about it.  Not timed: it asserts what the tables and the run say."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.gitrepo import demo_records

REPO = Path(__file__).resolve().parent.parent


def test_a_corpus_whose_files_the_quick_path_refuses_is_said_so_not_measured_in_silence(tmp_path):
    """A university whose editor saves files without a final line break (as Windows Notepad does) has its
    ledgers parsed by the full loader on every cold run: the bench says how many files the quick path
    read, in bold when fewer than nine in ten, and names some of the others — beside the same records
    written as bench/corpus.py writes them, which it reads all but one of."""
    ours = demo_records(tmp_path / "ours")
    theirs = tmp_path / "theirs"
    shutil.copytree(ours, theirs)
    ledgers = sorted(theirs.glob("ledgers/*/*.yaml"))
    for p in ledgers[::2]:
        p.write_bytes(p.read_bytes().rstrip(b"\n"))
    files = len(list(ours.rglob("*.yaml")))
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--records", f"{ours},{theirs}", "--reps", "1",
                          "--no-site", "--no-cjs", "--work", str(tmp_path / "work"), "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    first, second = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    refused = len(ledgers[::2]) + first["corpus"]["quick"]["refused"]
    assert first["corpus"]["quick"]["read"] >= files - 1
    assert second["corpus"]["quick"] == {"read": files - refused, "refused": refused,
                                         "examples": second["corpus"]["quick"]["examples"]}
    row = next(line for line in run.stdout.splitlines() if line.startswith("| files the quick path reads"))
    share = f"{files - refused} of {files} ({100 * (files - refused) / files:.0f} %)"
    read = first["corpus"]["quick"]["read"]
    assert row.endswith(f" | {read} of {files} ({100 * read / files:.0f} %) | **{share}** |"), row
    said = next(line for line in run.stdout.splitlines() if line.startswith("bench: 快速路径"))
    assert "theirs:" in said and "ours:" not in said and f"{refused} of {files}" in said
    assert all(example in said for example in second["corpus"]["quick"]["examples"])
    assert any(p.relative_to(theirs).as_posix() in said for p in ledgers[::2])
    # the same findings either way, and both paths agree on each
    assert second["same_reports"] == first["same_reports"] and first["same_reports"]["check"] is True
