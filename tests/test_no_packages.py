"""A cadre or admin who runs the program with the system's python3 (no .venv, or .venv not used) is told,
in one sentence in their language, to run make setup and then .venv/bin/python — exit 2, no traceback."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("argv, lang", [(["validate"], "zh"), (["--lang", "en", "check", "--today", "2026-11-28"], "en"),
                                        (["check", "--lang", "en"], "en")])
def test_a_python_without_the_packages_is_told_what_to_run(argv, lang):
    # -S: no site-packages at all, as the system's python3 of a fresh Debian has none of ours
    run = subprocess.run([sys.executable, "-S", "-m", "generator", *argv], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert ("make setup" in lines[0]) and lines[0].endswith(" ".join([".venv/bin/python", "-m", "generator", *argv]))
    assert ("没有装本程序要用的包" in lines[0]) == (lang == "zh")
    assert ("lacks the package" in lines[0]) == (lang == "en")
