"""README is what a new user reads first: its quick start and its table of codes must be true."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_exactly_the_two_make_commands():
    quick = README.split("## 快速开始", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make site", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_the_table_of_finding_codes_matches_the_code():
    out = subprocess.run([sys.executable, "-m", "generator", "codes"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() in README, "README's code table is stale: run `python -m generator codes` and paste it"


def test_ci_runs_make_test():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
