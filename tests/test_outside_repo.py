"""The program run from outside its repository, as a 学工部 administrator's cron job runs it:
`/srv/ledger/.venv/bin/python -m generator validate --records /srv/ledger/records` from any folder.
`make setup` writes a .pth file into the venv naming the repository, so its python knows the package
(before: Python's bare “No module named generator”); without --records it reads the records the
administrator means: LEDGER_RECORDS's folder, else the working folder's records/, else the repository's."""
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import bad_records as B

ROOT = Path(__file__).resolve().parents[1]


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "LEDGER_RECORDS", "CONTACT_LEDGER_DEBUG")}
    return {**env, **extra}


def _repository(tmp_path: Path) -> Path:
    """A clone's program (this working tree's) and a small records folder, without a venv yet."""
    repo = tmp_path / "ledger"
    for name in ("generator", "schemas", "scripts"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, repo / name)
    shutil.copytree(B.MINIMAL, repo / "records")
    return repo


def _venv_of_installed_packages(repo: Path) -> Path:
    """repo/.venv as `make setup`'s pip would leave it, without a download: the packages are the project's
    environment's (this test's), which the venv reads through a .pth of its own; `make setup` then runs its
    rule as on a fresh clone (pip finds every pinned package there)."""
    python = subprocess.run([str(repo / "scripts/python.sh")], capture_output=True, text=True, check=True).stdout.strip()
    venv = repo / ".venv"
    subprocess.run([python, "-m", "venv", "--without-pip", str(venv)], check=True)
    purelib = subprocess.run([str(venv / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "installed-packages.pth").write_text(
        f"import site; site.addsitedir({sysconfig.get_paths()['purelib']!r})\n", encoding="utf-8")
    return venv


def _run(python: Path, cwd: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run([str(python), "-m", "generator", *args], cwd=cwd, env=_env(**env),
                          capture_output=True, text=True, timeout=120)


def test_the_venvs_python_runs_the_program_from_any_folder_and_finds_the_records(tmp_path):
    repo = _repository(tmp_path)
    python = _venv_of_installed_packages(repo) / "bin/python"
    elsewhere = tmp_path / "cron"  # (a cron job's working folder: no records/ there)
    elsewhere.mkdir()

    subprocess.run(["make", "--no-print-directory", "-C", str(repo), "setup"], env=_env(), check=True,
                   capture_output=True, text=True)

    named = _run(python, elsewhere, "validate", "--records", str(repo / "records"))
    assert named.returncode == 0, named.stderr
    assert named.stdout.splitlines() == ["共 12 个文件：0 个错误，0 个警告"]

    # without --records, from a folder with no records/: the repository's, not an error
    li_na = repo / "records/cadres/li-na.yaml"
    li_na.write_text(li_na.read_text(encoding="utf-8").replace("unit: xgb", "unit: xgp"), encoding="utf-8")
    default = _run(python, elsewhere, "validate")
    assert default.returncode == 1, default.stderr
    assert f"{repo}/records/cadres/li-na.yaml:" in default.stdout and "xgp" in default.stdout

    # a folder of its own records/ is still the one read
    shutil.copytree(B.MINIMAL, elsewhere / "records")
    assert _run(python, elsewhere, "validate").returncode == 0

    # nowhere to be found: a sentence (where it looked, what to type), exit 2, no traceback
    shutil.rmtree(elsewhere / "records")
    shutil.move(repo / "records", tmp_path / "moved")
    missing = _run(python, elsewhere, "validate")
    assert missing.returncode == 2 and missing.stdout == ""
    assert missing.stderr.strip() == (f"找不到记录目录：当前文件夹 {elsewhere} 中没有 records，程序所在的仓库 {repo} 中也没有。"
                                      "请用 --records 指定记录目录（如 --records /srv/ledger/records），或设环境变量 LEDGER_RECORDS")
    english = _run(python, elsewhere, "check", "--lang", "en")
    assert english.returncode == 2 and "Traceback" not in english.stderr
    assert english.stderr.startswith(f"records folder not found: no records in the working folder {elsewhere}")
