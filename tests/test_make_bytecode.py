"""`make setup` (and every target that runs the program) compiles the package's modules once,
as installing a package does, so that where PYTHONDONTWRITEBYTECODE is set — many containers and
CI images, the workflows' `make setup` then `python -m generator …` — a run does not compile
them all again; and a module edited afterwards is still run as it is now."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)  # the project's .venv, which `make test` runs the tests in


def _copy(tmp_path: Path) -> Path:
    """The program and its Makefile as they are in this working tree (records and tests aside)."""
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, copy / name)
    return copy


def _env() -> dict:
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}


def _compiled_from_source(copy: Path, *args: str) -> set[str]:
    """The package's modules that `python -m generator ARGS`, run in the copy, compiled from their
    source (`python -v` says so of each module not read from a compiled file that matches it)."""
    run = subprocess.run([sys.executable, "-v", "-m", "generator", *args], cwd=copy, env=_env(),
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    package = f"# code object from {copy}/generator/"
    return {line.removeprefix(package) for line in run.stderr.splitlines() if line.startswith(package)}


def test_make_setup_compiles_the_package_once_and_an_edited_module_runs_as_edited(tmp_path):
    if not (VENV / ".installed").exists():
        raise AssertionError(f"run `make setup` first: the test uses the project's environment {VENV}")
    copy = _copy(tmp_path)
    # (-o: the environment is installed already, whatever the copied requirements' time)
    make = ["make", "--no-print-directory", "-o", f"{VENV}/.installed", "setup", f"VENV={VENV}"]

    # Without: every run compiles each module it imports, and keeps nothing.
    for _ in range(2):
        assert {"cli.py", "findings.py", "report.py", "messages/__init__.py"} <= _compiled_from_source(copy, "codes")
    assert not (copy / "generator/__pycache__").exists()

    subprocess.run(make, cwd=copy, env=_env(), check=True)
    assert _compiled_from_source(copy, "codes") == set()

    # A module changed after setup is run as it is now (Python ignores its stale compiled file) …
    cli = copy / "generator/cli.py"
    cli.write_text(cli.read_text(encoding="utf-8") + "\nprint('编辑过的模块')\n", encoding="utf-8")
    edited = subprocess.run([sys.executable, "-m", "generator", "codes"], cwd=copy, env=_env(),
                            capture_output=True, text=True)
    assert "编辑过的模块" in edited.stdout
    assert _compiled_from_source(copy, "codes") == {"cli.py"}
    # … and the next `make setup` compiles that module again.
    subprocess.run(make, cwd=copy, env=_env(), check=True)
    assert _compiled_from_source(copy, "codes") == set()
