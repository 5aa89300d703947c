"""A Python without the program's packages (the system's `python3`, not `.venv/bin/python`): said in one
sentence with the commands to run, exit 2, never a traceback. Standard library only: it is what
`python -m generator` can still import when the packages are missing."""
from __future__ import annotations

import shlex
import sys

MSG = {
    "zh": "这个 Python（{python}）没有装本程序要用的包 {name}：本程序的包装在仓库的 .venv 里。请在仓库的顶层运行 "
          "make setup（第一次要几分钟），再运行 {command}",
    "en": "this Python ({python}) lacks the package {name} the program uses: the program's packages are in the "
          "repository's .venv. Run make setup at the repository's top (a few minutes the first time), then {command}",
}


def said(exc: BaseException, argv: list[str], lang: str) -> str | None:
    """The sentence for `exc` when it is a package of ours missing (orjson, yaml, jinja2 …), else None (a
    module of the program itself missing is a broken checkout, not a setup step)."""
    name = getattr(exc, "name", None) or ""
    if not isinstance(exc, ModuleNotFoundError) or not name or name.split(".")[0] == "generator":
        return None
    command = shlex.join([".venv/bin/python", "-m", "generator", *argv])
    return MSG["en" if lang == "en" else "zh"].format(python=sys.executable, name=name.split(".")[0], command=command)
