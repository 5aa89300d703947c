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


def counting_hook(folder: Path, module: str, attribute: str, line: str = "'called'") -> tuple[dict, Path]:
    """(the environment, the log) of a Python that, as it starts, wraps `module`'s `attribute` (Class.method) so
    that each call writes the line `line` — a Python expression of the call's `self`; empty: not written — to
    the log, the call then run as before: how a test counts what the real command renders, in every process."""
    log = folder / "calls.log"
    owner, _, name = attribute.rpartition(".")
    env = started_with(folder, f"import {module} as _module\n"
                               f"_owner = _module.{owner}\n_wrapped = _owner.{name}\n\n\n"
                               "def _counted(self, *args, **kwargs):\n"
                               f"    line = {line}\n"
                               "    if line:\n"
                               f"        with open({str(log)!r}, 'a', encoding='utf-8') as log:\n"
                               "            log.write(line + '\\n')\n"
                               "    return _wrapped(self, *args, **kwargs)\n\n\n"
                               f"_owner.{name} = _counted\n")
    return env, log
