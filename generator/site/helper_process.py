"""The helper processes of `mkdocs build` and of each rebuild of `mkdocs serve`: a new Python
each (`python -m <module>`), not a fork of the build, which by then holds every record.  They fill
the second core (the downloads, exports.py; the search index, search_aside.py) at a lower
priority, so that the build's own process, on which every page waits, keeps a core.  One that
fails fails the build with one line."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

_ROOT = str(Path(__file__).resolve().parents[2])


def start(module: str, read_back: bool = False) -> subprocess.Popen:
    """`python -m module` with this package importable; its standard input a pipe (and its
    standard output, with read_back).  -P: not the working folder first on the module path, so
    the helper runs this package, whatever folder the build was started in."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-P", "-m", module], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE if read_back else None, env=env)


def yield_to_the_build() -> None:
    """Called first by a helper: lower its priority."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


class HelperFailed(PluginError):
    """A helper process exited with `code`: `mkdocs build` fails with this message."""
    what_zh = what_en = ""

    def __init__(self, code):
        super().__init__(f"{self.what_zh}未能生成：负责生成的第二个进程异常退出（退出码 {code}），"
                         f"请重新运行 mkdocs build（预览时再保存一次文件即重新构建）。 "
                         f"(The {self.what_en} could not be made: the helper process exited with code {code}; "
                         f"run mkdocs build again, or save a file again while previewing.)")
