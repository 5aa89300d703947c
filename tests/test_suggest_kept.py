"""“Did you mean …?” answers kept between runs (suggest.closest_kept): the same answers as
working them out afresh, however the known names change between runs — on real cache files,
and through `python -m generator validate` on real records."""
from __future__ import annotations

import json
import random
import shutil

import pytest

import bad_records as B
from generator import suggest
from generator.cache import KeptResult


def test_kept_answers_are_the_answers_worked_out_afresh_as_the_known_names_change(tmp_path, monkeypatch):
    """Known names added, removed (the kept answer among them or not) and unchanged, over many
    runs; names of a small alphabet, so that scores tie and the cutoff decides often."""
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "records").mkdir()
    rng = random.Random(8)

    def word():
        return "".join(rng.choice("abc-/") for _ in range(rng.randint(2, 7)))

    known = {word() for _ in range(40)}
    pool = [word() for _ in range(30)]  # the names asked: a run asks some of them again
    served = changed = 0
    for _run in range(300):
        step = rng.random()
        if step < 0.4:
            known |= {word() for _ in range(rng.randint(1, 4))}
        elif step < 0.8 and len(known) > 5:
            known -= set(rng.sample(sorted(known), rng.randint(1, 4)))
        asked = rng.sample(pool, rng.randint(1, 20))
        kept = KeptResult(tmp_path / "records", "suggestions", "test")
        before = kept.get()
        got = suggest.closest_kept(asked, set(known), kept)
        # afresh: a new set object each time (closest remembers answers per set in this process)
        assert got == {str(a): suggest.closest(a, frozenset(known)) for a in asked}
        served += before is not None and any(a in before[1] for a in asked)
        changed += before is not None and before[0] != tuple(sorted(known))
    assert served > 100 and changed > 100  # (the kept answers were used, across changed names)


@pytest.fixture
def work(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    return work


def _hints(work, monkeypatch, cache: str | None):
    if cache is None:
        monkeypatch.delenv("CONTACT_LEDGER_CACHE", raising=False)  # the records' own cache
    else:
        monkeypatch.setenv("CONTACT_LEDGER_CACHE", cache)
    run = B.run_cli(B.REPO, work, "validate", "--format", "json")
    assert "Traceback" not in run.stderr + run.stdout
    return run.stdout, {f["message"]: f["hint"] for f in json.loads(run.stdout) if f["code"] == "E-REF-001"}


def test_an_import_manifests_suggestions_follow_the_ledgers_added_and_removed(work, monkeypatch):
    """Each run with the records' cache reports what a run without any cache does, and the
    suggestion changes when a closer ledger is added, and when the one suggested is removed."""
    manifest = work / "records/imports/legacy.yaml"
    manifest.parent.mkdir()
    listed = ["ledgers/2026-H1/zhang-wie.yaml", "ledgers/2024-H2/li-na.yaml"]
    listed += [f"ledgers/{2000 + i // 2}-H{1 + i % 2}/wang-fang.yaml" for i in range(40)]
    manifest.write_text("source: 原平台导出\nledgers:\n" + "".join(
        f"  - path: {path}\n    submitted: 2026-07-01\n" for path in listed), encoding="utf-8")

    def suggested(hints, path):
        return hints[f"台账文件“{path}”不存在"].rsplit("是不是“", 1)[1].removesuffix("”？")

    seen = []
    for change in ("first", "again", "a closer ledger added", "the suggested ledger removed"):
        if change == "a closer ledger added":
            li_na = work / "records/ledgers/2026-H1/li-na.yaml"
            (work / "records/ledgers/2024-H1").mkdir()
            (work / "records/ledgers/2024-H1/li-na.yaml").write_text(
                li_na.read_text(encoding="utf-8").replace("2026-H1", "2024-H1"), encoding="utf-8")
        if change == "the suggested ledger removed":
            (work / "records/ledgers/2026-H1/zhang-wei.yaml").unlink()
        report, hints = _hints(work, monkeypatch, None)
        assert (report, hints) == _hints(work, monkeypatch, "0"), change
        assert len(hints) == len(listed)
        seen.append((suggested(hints, listed[0]), suggested(hints, listed[1])))
    assert (work / ".cache/contact-ledger").is_dir()
    assert seen == [
        ("ledgers/2026-H1/zhang-wei.yaml", "ledgers/2026-H1/li-na.yaml"),
        ("ledgers/2026-H1/zhang-wei.yaml", "ledgers/2026-H1/li-na.yaml"),
        ("ledgers/2026-H1/zhang-wei.yaml", "ledgers/2024-H1/li-na.yaml"),
        ("ledgers/2025-H2/zhang-wei.yaml", "ledgers/2024-H1/li-na.yaml"),
    ]
