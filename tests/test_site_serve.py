"""`make serve` (`mkdocs serve`): the live preview rebuilds when a record changes, and shows the
change — a cadre's new name on their page, a ledger's error on the findings page, and the error
gone again once the ledger is mended; a value of the wrong type too — in one long-running
process, as a reviewer uses it; and what it serves is what a fresh build makes."""
from __future__ import annotations

import re
import time

import serve_sequences
import yaml

from tests.gitrepo import ROOT, demo_records


def _words(page: str) -> str:
    return re.sub(r"<[^>]+>", "", page)


def _until(preview, rel: str, test, seconds: float = 90) -> str:
    """The page `rel`'s words (its markup left out: a file on 数据检查 is written in pieces) once `test` holds of them
    (the preview rebuilds a moment after a change)."""
    end = time.monotonic() + seconds
    while True:
        try:
            text = _words(preview.get(rel).decode("utf-8"))
            if test(text):
                return text
        except OSError:
            text = ""
        if time.monotonic() > end:
            raise AssertionError(f"{rel} never showed the change; mkdocs serve said:\n" + "".join(preview.log[-40:]))
        time.sleep(0.5)


def test_the_live_preview_follows_record_changes(tmp_path, monkeypatch):
    tmp = tmp_path / "tmp"  # where `mkdocs serve` builds: gone when it is stopped as Ctrl-C stops it
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    records = demo_records(tmp_path / "records")  # (not records/: a university's clone holds its own there)
    cadre_file = min((records / "cadres").glob("*.yaml"))
    cadre = yaml.safe_load(cadre_file.read_text(encoding="utf-8"))
    ledger_file = max(records.glob(f"ledgers/*/{cadre_file.stem}.yaml"))
    ledger_rel = ledger_file.relative_to(records.parent).as_posix()
    preview = serve_sequences.Preview(records, tmp_path)  # mkdocs serve, as `make serve` runs it
    log, page, findings = preview.log, f"cadres/{cadre_file.stem}.html", "findings.html"
    try:
        _until(preview, page, lambda t: cadre["name"] in t, seconds=180)  # the first build
        assert ledger_rel not in _words(preview.get(findings).decode("utf-8"))

        renamed = cadre["name"] + "（改）"
        cadre_file.write_text(cadre_file.read_text(encoding="utf-8").replace(
            f"name: {cadre['name']}", f"name: {renamed}", 1), encoding="utf-8")
        _until(preview, page, lambda t: renamed in t)

        good = ledger_file.read_bytes()
        ledger_file.write_bytes(good + "未知字段: 1\n".encode())
        shown = _until(preview, findings, lambda t: ledger_rel in t)
        assert "E-SCHEMA" in shown

        ledger_file.write_bytes(good)
        _until(preview, findings, lambda t: ledger_rel not in t)

        # a value of the wrong type (a list for the unit): listed, and the pages still made
        cadre_rel = cadre_file.relative_to(records.parent).as_posix()
        named = cadre_file.read_text(encoding="utf-8")
        cadre_file.write_text(named.replace(f"unit: {cadre['unit']}", "unit: [一, 二]", 1), encoding="utf-8")
        _until(preview, findings, lambda t: cadre_rel in t)
        assert renamed in preview.get(page).decode("utf-8")
        cadre_file.write_text(named, encoding="utf-8")
        _until(preview, findings, lambda t: cadre_rel not in t)
        assert preview.process.poll() is None, "".join(log)
        assert "Traceback" not in "".join(log), "".join(log)
        assert list(tmp.glob("mkdocs_*")) != []
    finally:
        preview.stop()
    assert list(tmp.glob("mkdocs_*")) == []  # (jieba keeps its dictionary's cache there: wanted)


def test_the_live_preview_serves_what_a_fresh_reference_build_makes_after_each_edit(tmp_path):
    """serve_sequences.py, five steps: wrong values in an administrator's file and in a ledger, a
    new ledger, feedback tied across ledgers, a privacy exception — after each, the preview's
    every file is a fresh reference build's (a cached value, a lost line number or a crash fails)."""
    said = []
    kinds = ["admin-value", "value", "new-file", "feedback-link", "privacy-exception"]
    differences = serve_sequences.sequence(tmp_path, seed=5, steps=len(kinds), say=said.append, kinds=kinds)
    assert differences == [], "\n".join(said + differences)


def test_the_live_preview_writes_each_build_s_cache_files_while_it_serves(tmp_path):
    """A cold build held the small cache files it made while the big ones were written by the copies made
    anyway (forked.last: the cadres' results), for the process to write once its work was done — at its exit
    (forked.wait): `mkdocs serve` runs until it is stopped, so the cadres' results were not written while it
    served (held in memory instead, a later cold build's beside them) and each rebuild, finding no file,
    worked them out again.  Now each build's are written at its end (forked.done_last, the hook's
    on_post_build): the demo generated afresh, cold, two processes, its load's results big (ASIDE_MIN 200, as a
    big corpus's are), the cadres' results in the cache once the preview serves, while it goes on."""
    records = tmp_path / "records"
    demo_records(records)
    cache = tmp_path / "cache"
    preview = serve_sequences.Preview(records, tmp_path, "from generator import cache; cache.ASIDE_MIN = 200",
                                      PYTHONPATH=str(ROOT), CONTACT_LEDGER_CACHE=str(cache),
                                      CONTACT_LEDGER_WORKERS="2", CONTACT_LEDGER_PARALLEL_MIN="1")
    try:
        assert preview.wait(1, 300), "".join(preview.log)  # the first build, served
        kinds = {p.suffix for p in cache.iterdir()}
        assert preview.process.poll() is None, "".join(preview.log)
        assert ".by-cadre" in kinds, kinds
    finally:
        preview.stop()
    assert "Traceback" not in "".join(preview.log), "".join(preview.log)
