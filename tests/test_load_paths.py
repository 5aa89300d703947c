"""display_path and display_paths: the folder's part is worked out once per folder; what people see must be
exactly what os.path.relpath of the whole path gives (relative below the working folder,
as given elsewhere)."""
from __future__ import annotations

import os
import random

from generator import load


def _by_relpath(path: str) -> str:
    rel = os.path.relpath(path)
    text = path if rel.startswith("..") else rel.replace(os.sep, "/")
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def test_display_path_is_relpath_of_the_whole_path(tmp_path, monkeypatch):
    (tmp_path / "work" / "main").mkdir(parents=True)
    parts = ["a", "..", ".", "records", "ledgers", "x.yaml", "..x.yaml", "main", "work", str(tmp_path),
             str(tmp_path / "work"), str(tmp_path / "work" / "main"), "b\udcff.yaml", "/"]
    rnd = random.Random(8)
    paths = [os.path.join(*rnd.choices(parts, k=rnd.randint(1, 5))) for _ in range(3000)] + parts
    for cwd in (tmp_path / "work" / "main", tmp_path / "work", tmp_path):
        monkeypatch.chdir(cwd)
        for path in paths:
            assert load.display_path(path) == _by_relpath(path), (path, cwd)
        # and display_paths, which works out each folder's part once for the files that follow it
        for given in (paths, sorted(paths), [p for p in sorted(paths) for _ in range(3)]):
            assert load.display_paths(given) == [_by_relpath(p) for p in given], cwd
