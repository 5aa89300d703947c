"""The privacy scan of many texts at once (privacy.Scanner.clean, _gated): the gates run once over a document's new
texts joined, and only the texts they mark are scanned.  Every text with a find must be marked, wherever it stands among
others — over the texts of tests/test_privacy.py (its constants, its case lists as evaluated, its parametrize lists),
tests/fixtures/clean_texts.txt and texts made of its pieces, as bench/privacy_same.py compares them, with its three
scanners — and a ledger's file with one of them in a summary is still told, at its line."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from generator import privacy

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import privacy_material as material  # noqa: E402

TESTS = material.privacy_tests(REPO)
# (bench/privacy_same.py's scanners: the policy's pattern; one with a protected name; patterns of other shapes)
SCANNERS = [(["20[0-9]{8,10}"], ()), ([r"20[0-9]{8}"], ("张小明",)), (material.OTHER_SHAPES, ())]


def _texts() -> list[str]:
    return sorted(t for t in material.tests_texts(REPO, TESTS) | set(material.pieces_texts(TESTS, 20000)) if t)


@pytest.mark.parametrize("config", range(len(SCANNERS)))
def test_every_text_with_a_find_is_marked_by_the_gates_among_other_texts(config):
    scanner = privacy.Scanner(*SCANNERS[config])
    texts = _texts()
    dirty = [t for t in texts if scanner._scan(t)]
    assert len(dirty) > 3000  # (the material holds finds of every kind)
    assert {m.kind for t in dirty for m in scanner._scan(t)} == set(privacy.KINDS) - (set() if scanner.names else {"name"})
    # each text alone, and among others (shuffled: a text with a find between clean ones, after another's end)
    for text in dirty:
        assert scanner._gated([text]) in (None, {0}), text
    rnd = random.Random(config)
    order = texts[:]
    rnd.shuffle(order)
    for at in range(0, len(order), 40):
        group = order[at:at + 40]
        marked = scanner._gated(group)
        if marked is not None:
            missed = [t for i, t in enumerate(group) if i not in marked and scanner._scan(t)]
            assert not missed, missed
    # and clean() says so: a text with a find among the values of a document is never taken for clean
    assert not scanner._none_in(order[:200] + dirty[:1])


def test_a_summary_with_a_find_among_clean_ones_is_told_at_its_line(tmp_path):
    """Through validate on real YAML: the quick path's scan of many texts at once still tells each find, at its line."""
    records = tmp_path / "records"
    subprocess.run(["cp", "-r", str(REPO / "tests" / "fixtures" / "valid"), str(records)], check=True)
    ledger = records / TESTS.LEDGER
    lines = ledger.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("summary:"))
    indent = lines[at][:len(lines[at]) - len(lines[at].lstrip())]
    lines[at] = f"{indent}summary: 与3号楼502室的同学谈心，了解学习情况。"
    ledger.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(records)],
                         capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{TESTS.LEDGER}:{at + 1}:" in out.stdout and "E-PRIV-001" in out.stdout, out.stdout
