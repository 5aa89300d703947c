"""Helpers for the bad-record fixtures in tests/fixtures/bad/.

Each tests/fixtures/bad/<CODE>[__variant]/ holds
  expect.yaml  — what it breaks (note), the findings the CLI must report, and optional
                 actions that cannot live in Git as plain files;
  records/     — files laid over a copy of tests/fixtures/minimal/ (a valid record set).

Actions in expect.yaml:
  remove:        [rel path, …]       files of the minimal set to delete
  symlink:       {rel path: target}  symbolic links to create
  pad:           {rel path: bytes}   grow a file (with YAML comments) to at least this size
  fifo:          [rel path, …]       named pipes to create (a record path that is no file)
  remove_schema: kind                run a copy of the program whose schemas/ lacks this schema
  schema_patch:  {kind, path, set}   run a copy of the program whose schema has `set` merged
                                     into the subschema at `path`
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
BAD = FIXTURES / "bad"


def bad_names() -> list[str]:
    return sorted(p.name for p in BAD.iterdir() if (p / "expect.yaml").is_file())


def spec(name: str) -> dict:
    return yaml.safe_load((BAD / name / "expect.yaml").read_text(encoding="utf-8"))


def build(name: str, tmp: Path) -> tuple[Path, Path]:
    """Lay the bad fixture `name` out under `tmp`: returns (program root, work dir).

    The records are at <work dir>/records, so findings name files as records/….
    """
    s = spec(name)
    work = tmp / "work"
    records = work / "records"
    shutil.copytree(MINIMAL, records)
    for rel in s.get("remove") or []:  # (before the overlay: a file may take a folder's place)
        shutil.rmtree(records / rel) if (records / rel).is_dir() else (records / rel).unlink()
    overlay = BAD / name / "records"
    for src in sorted(overlay.rglob("*")):
        if src.is_file() and src.name != ".keep":
            dst = records / src.relative_to(overlay)
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    for rel, target in (s.get("symlink") or {}).items():
        link = records / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.exists() or link.is_symlink():
            link.unlink()
        os.symlink(target, link)
    for rel in s.get("fifo") or []:
        os.mkfifo(records / rel)
    for rel, size in (s.get("pad") or {}).items():
        path = records / rel
        with path.open("a", encoding="utf-8") as fh:
            line = "# " + "填充" * 30 + "\n"
            while path.stat().st_size < size:
                fh.write(line * 1000)
                fh.flush()
    program = REPO
    if s.get("remove_schema") or s.get("schema_patch"):
        program = tmp / "program"
        shutil.copytree(REPO / "generator", program / "generator",
                        ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copytree(REPO / "schemas", program / "schemas")
        if s.get("remove_schema"):
            (program / "schemas" / f"{s['remove_schema']}.schema.json").unlink()
        if s.get("schema_patch"):
            patch = s["schema_patch"]
            path = program / "schemas" / f"{patch['kind']}.schema.json"
            schema = json.loads(path.read_text(encoding="utf-8"))
            node = schema
            for part in patch["path"]:
                node = node[part]
            node.update(patch["set"])
            path.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    return program, work


def run_cli(program: Path, work: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m generator …` in a subprocess, as a user runs it (cwd = work dir), `env` added to its environment."""
    env = {**{k: v for k, v in os.environ.items() if k not in ("CONTACT_LEDGER_DEBUG", "LEDGER_RECORDS")},
           "PYTHONPATH": str(program), **(env or {})}  # (without LEDGER_RECORDS: cwd's records/)
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=work, env=env,
                          capture_output=True, text=True, timeout=60)


_RESULTS: dict = {}


def result(name: str) -> subprocess.CompletedProcess:
    """`validate --format json` on bad fixture `name`.  All fixtures run once per test
    session, a few at a time (several test files look at the same runs)."""
    if not _RESULTS:
        import atexit
        import tempfile
        from concurrent.futures import ThreadPoolExecutor

        base = Path(tempfile.mkdtemp(prefix="bad-records-"))
        atexit.register(shutil.rmtree, base, True)

        def one(n):
            try:
                program, work = build(n, base / n)
                return n, run_cli(program, work, "validate", "--format", "json")
            except Exception as exc:  # noqa: BLE001 - reported by the test that asks
                return n, exc

        with ThreadPoolExecutor(max_workers=4) as pool:
            _RESULTS.update(pool.map(one, bad_names()))
    outcome = _RESULTS[name]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome
