"""A real `python -m …` subprocess that starts with a few lines of ours (a sitecustomize on its
PYTHONPATH): how a test sees inside the real command — what it reads, or a stage crashing as a
bug would — without changing the code it runs."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def started_with(folder: Path, code: str) -> dict:
    """The environment (PYTHONPATH) of a Python that runs `code` as it starts, before the command."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(code, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join([str(folder), str(ROOT)])}
