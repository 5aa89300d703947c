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


def test_the_checks_own_call_says_the_assignments_rows_are_kept_with_their_positions(tmp_path, monkeypatch):
    """The loader kept the positions of the assignments' rows (pipeline.LISTED: the contact points'
    table asks each row's line) whenever a command passed `then`, as if every `then` ran the checks:
    `archive`, which runs them after (then None), had them parsed a second time, and a `then` that
    does not run them paid for positions no one asked.  Now the caller says so: checks=True."""
    import shutil
    from pathlib import Path

    from generator.pipeline import validate_records_and

    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")  # (every file parsed by the loading processes)
    records = tmp_path / "records"
    shutil.copytree(Path(__file__).parent / "fixtures/valid", records)

    def placed(**how):
        rs, _, _ = validate_records_and(records, how.pop("then", None), **how)
        listed = [d for d in rs.docs if d.kind == "assignments"]
        assert listed
        return {d.placed is not None for d in listed}

    assert placed(then=lambda rs: None) == {False}  # (a `then` that is not the checks)
    assert placed(checks=True) == {True}  # (archive: the checks run after)
    assert placed() == {False}
