"""`make setup` (and every target that runs the program) compiles the package's modules once,
as installing a package does, so that where PYTHONDONTWRITEBYTECODE is set — many containers and
CI images, the workflows' `make setup` then `python -m generator …` — a run does not compile
them all again; and a module edited afterwards is still run as it is now."""
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)  # the project's .venv, which `make test` runs the tests in


def _copy(tmp_path: Path) -> Path:
    """The program and its Makefile as they are in this working tree (records and tests aside)."""
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.txt", "scripts/quickscan.sh"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    for built in (copy / "generator").glob("_quickscan*.so"):
        built.unlink()
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


def _make_setup(copy: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "setup", f"VENV={VENV}"],
                          cwd=copy, env=env, capture_output=True, text=True)


def test_make_setup_builds_the_quick_path_s_c_extension_when_its_source_is_newer_and_the_program_uses_it(tmp_path):
    """`make setup` compiles generator/_quickscan.c with the venv's Python's headers and suffix, again only once the
    source is newer than the module; the program run from the copy imports it."""
    copy = _copy(tmp_path)
    assert _make_setup(copy, _env()).returncode == 0
    built = list((copy / "generator").glob("_quickscan*.so"))
    assert [p.name for p in built] == [f"_quickscan{sysconfig.get_config_var('EXT_SUFFIX')}"]
    os.utime(built[0], (1, 1e9))  # older than no source: kept as it is by the next make …
    os.utime(copy / "generator/_quickscan.c", (1, 1e9 - 10))
    assert _make_setup(copy, _env()).returncode == 0 and built[0].stat().st_mtime == 1e9
    os.utime(copy / "generator/_quickscan.c", (1, 1e9 + 10))  # … and built again once the source is newer
    assert _make_setup(copy, _env()).returncode == 0 and built[0].stat().st_mtime > 1e9 + 10
    used = subprocess.run([sys.executable, "-c", "from generator import quickload; print(quickload._quickscan.__file__)"],
                          cwd=copy, env={**_env(), "PYTHONPATH": str(copy)}, capture_output=True, text=True)
    assert used.stdout.strip() == str(built[0])


def test_without_a_c_compiler_make_setup_says_how_to_get_one_and_the_program_runs_without_the_extension(tmp_path):
    """No C compiler on PATH and no apt-get (not root, or not Debian): `make setup` still succeeds, says in Chinese
    how to get the compiler, and the program reads every file with rapidyaml."""
    copy = _copy(tmp_path)
    tools = tmp_path / "bin"  # what make and the script need, without cc, gcc or apt-get
    tools.mkdir()
    for tool in ("sh", "make", "id", "mv", "dirname", "cat", "touch", "rm"):
        found = shutil.which(tool)
        if found:
            (tools / tool).symlink_to(found)
    made = _make_setup(copy, {**_env(), "PATH": str(tools), "CC": "cc"})
    assert made.returncode == 0, made.stderr
    assert "未能编译 generator/_quickscan.c" in made.stderr and "sudo apt-get install -y gcc python3-dev" in made.stderr
    assert not list((copy / "generator").glob("_quickscan*.so"))
    run = subprocess.run([sys.executable, "-c", "from generator import quickload; print(quickload._quickscan, "
                          "quickload.read(b'k: 1\\n')[0])"], cwd=copy, env={**_env(), "PYTHONPATH": str(copy)},
                         capture_output=True, text=True)
    assert run.stdout.split() == ["None", "{'k':", "1}"], run.stderr
