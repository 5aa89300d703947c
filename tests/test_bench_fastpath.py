"""The fast path (jsonschema-rs, the content-hash cache, two processes) reports exactly
what the reference path (load.load_tree + validate.validate_document with jsonschema)
reports: same documents, same positions, same findings, worded the same — on every
error fixture in tests/fixtures/bad/, on the hostile corpus, and on thousands of
mutated records.  And the cache never serves a stale result."""
from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bad_records
from gitrepo import demo_records
from test_hostile_inputs import FINE, HOSTILE, _write

from generator import cache, fastvalidate, load, validate

REPO = Path(__file__).resolve().parent.parent
VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
FIELDS = ("file", "rel", "kind", "data", "positions", "key_positions", "sha256", "text", "spans", "key_spans")


def reference(records: Path):
    """The foundation's path, unchanged: load_tree, then jsonschema on each document."""
    os.environ["CONTACT_LEDGER_FAST"] = "0"  # also the loader's one-pass fast path off
    try:
        docs, findings = load.load_tree(records)
    finally:
        del os.environ["CONTACT_LEDGER_FAST"]
    invalid = set()
    for doc in docs:
        found = validate.validate_document(doc)
        if found:
            invalid.add(doc.rel)
        findings.extend(found)
    return docs, findings, invalid


def _settings(env: dict, monkeypatch) -> None:
    """Only these settings of the fast path, in this process."""
    for key in ("CONTACT_LEDGER_FAST", "CONTACT_LEDGER_CACHE", "CONTACT_LEDGER_WORKERS", "CONTACT_LEDGER_PARALLEL_MIN"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)


def fast(records: Path, env: dict, monkeypatch):
    _settings(env, monkeypatch)
    return cache.load_and_validate(records)


def assert_same(a, b):
    docs_a, found_a, invalid_a = a
    docs_b, found_b, invalid_b = b
    assert [d.rel for d in docs_a] == [d.rel for d in docs_b]
    for da, db in zip(docs_a, docs_b):
        for name in FIELDS:
            assert getattr(da, name) == getattr(db, name), (da.rel, name)
    key = lambda f: (f.sort_key(), f.message_en, f.hint_zh, f.hint_en, f.severity)  # noqa: E731
    assert sorted(map(key, found_a)) == sorted(map(key, found_b))
    assert invalid_a == invalid_b


def every_path(records: Path, tmp_path: Path, monkeypatch):
    """Reference vs. fast path cold (parse in two processes), warm (all from the cache)
    and with one process and no cache."""
    expected = reference(records)
    where = str(tmp_path / "cache")
    variants = [
        {"CONTACT_LEDGER_CACHE": where, "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"},
        {"CONTACT_LEDGER_CACHE": where},  # warm: every file from the cache
        {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"},
    ]
    for env in variants:
        assert_same(expected, fast(records, env, monkeypatch))
    return expected


PLAIN = [n for n in bad_records.bad_names()
         if not {"remove_schema", "schema_patch"} & set(bad_records.spec(n))]


@pytest.mark.parametrize("name", PLAIN)
def test_every_error_fixture_same_findings_on_both_paths(name, tmp_path, monkeypatch):
    _, work = bad_records.build(name, tmp_path / "fixture")
    monkeypatch.chdir(work)  # findings name files as records/… as the CLI does
    every_path(Path("records"), tmp_path, monkeypatch)
    # and the whole pipeline (references, privacy … run on those documents)
    slow = pipeline_findings({"CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_CACHE": "0"}, monkeypatch)
    assert slow, "the fixture has no finding at all"
    where = str(tmp_path / "cache2")
    assert pipeline_findings({"CONTACT_LEDGER_CACHE": where}, monkeypatch) == slow
    assert pipeline_findings({"CONTACT_LEDGER_CACHE": where}, monkeypatch) == slow  # warm


def pipeline_findings(env: dict, monkeypatch) -> list:
    from generator.pipeline import validate_records

    fast(Path("records"), env, monkeypatch)  # sets the environment
    _, findings = validate_records(Path("records"))
    return [(f.sort_key(), f.message_en, f.hint_zh, f.hint_en, f.severity) for f in findings]


def test_fixtures_that_patch_the_program_same_output_through_the_cli(tmp_path):
    names = [n for n in bad_records.bad_names() if n not in PLAIN]
    for name in names:
        program, work = bad_records.build(name, tmp_path / name)
        outputs = []
        for env in ({"CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_CACHE": "0"}, {}, {}):
            os.environ.update(env)
            try:
                run = bad_records.run_cli(program, work, "validate", "--format", "json")
            finally:
                for key in env:
                    os.environ.pop(key)
            assert "Traceback" not in run.stderr, run.stderr
            outputs.append((run.returncode, run.stdout))
        assert outputs[0] == outputs[1] == outputs[2], name


def test_hostile_corpus_same_findings_on_both_paths(tmp_path, monkeypatch):
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    for rel, (content, _, _) in HOSTILE.items():
        _write(root / rel, content)
    for rel, content in FINE.items():
        _write(root / rel, content)
    (root / "cadres" / "inside.yaml").symlink_to("zhang-wei.yaml")
    (root / "cadres" / "outside.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    os.mkfifo(root / "cadres" / "fifo.yaml")
    _, findings, _ = every_path(root, tmp_path, monkeypatch)
    assert {f.code for f in findings} >= {code for _, code, _ in HOSTILE.values()}
    by_c = [p.name for p in root.rglob("*.yaml") if p.is_file() and _read_by_c(p.read_bytes())]  # (the fifo: not a file)
    assert len(by_c) >= 4 and "bomb.yaml" not in by_c, by_c  # (the fixtures quote their dates: usual files are few)


def test_ledgers_written_by_hand_in_every_style_take_the_quick_path_and_agree_with_the_reference(
        tmp_path, monkeypatch):
    """bench/variants.py handwritten: four-space indents, sequences at their key's indentation,
    `|-` and `>-` block scalars, comments after values and between items, single quotes, keys in
    another order — the same values as the generated corpus, the same documents, positions and
    findings as the reference path, and not one ledger sent to the full loader for its style."""
    corpus, hand = tmp_path / "corpus", tmp_path / "hand"
    subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "120", "--seed", "3", "--out", str(corpus)],
                   cwd=REPO, check=True, capture_output=True)
    subprocess.run([sys.executable, "bench/variants.py", "handwritten", "--from", str(corpus), "--out", str(hand)],
                   cwd=REPO, check=True, capture_output=True)
    changed = [p for p in sorted(hand.glob("ledgers/*/*.yaml"))
               if p.read_bytes() != (corpus / p.relative_to(hand)).read_bytes()]
    assert len(changed) == len(list(hand.glob("ledgers/*/*.yaml"))) > 100
    docs, findings, _ = every_path(hand, tmp_path, monkeypatch)
    assert not [f for f in findings if f.severity == "error"]
    original = {d.rel: d.data for d in reference(corpus)[0]}
    assert {d.rel: d.data for d in docs} == original
    _settings({"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}, monkeypatch)
    quick = {d.rel: d.quick for d in cache.load_and_validate(hand)[0] if d.kind == "ledger"}
    assert all(quick.values()), [rel for rel, q in quick.items() if not q][:5]


_DYING: dict = {}  # (the loading processes are forked copies: they see what the test sets here)


def _dies_on_the_victim(paths, *args):
    """cache._loaded, except in the copy of this process given the victim's group: the copy dies."""
    if os.getpid() != _DYING["parent"] and _DYING["victim"] in paths:
        time.sleep(0.5)  # the groups before it come back first
        os._exit(9)
    if os.getpid() == _DYING["parent"] and paths != _DYING["first"]:
        if not _DYING["here"]:
            time.sleep(0.3)  # the copy takes the first groups, the victim's among them
        _DYING["here"].append(paths)
    return _DYING["loaded"](paths, *args)


def test_a_loading_process_that_dies_midway_costs_only_time(tmp_path, monkeypatch):
    """The files are loaded by this process and a copy of it, a group at a time; if the copy dies
    (killed, out of memory) after some groups came back, the rest are loaded here: every file once,
    the same documents and findings as the reference path."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    for rel, (content, _, _) in HOSTILE.items():
        _write(root / rel, content)
    loads, given = cache._parse_many, []
    _DYING.update(parent=os.getpid(), loaded=cache._loaded, here=[], first=None)

    def counted(paths, *args):
        first = cache._first_loaded(paths, args[0])  # (the records folder's own files: the file after them is loaded first)
        _DYING.update(victim=paths[first + 4], first=paths[first:first + 1])  # in the fourth group shared
        for at, result in loads(paths, *args):
            given.append(paths[at])
            yield at, result

    monkeypatch.setattr(cache, "_loaded", _dies_on_the_victim)
    monkeypatch.setattr(cache, "_parse_many", counted)
    env = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    assert_same(reference(root), fast(root, env, monkeypatch))
    assert _DYING["victim"] in given and len(given) == len(set(given))  # each file given back once
    assert _DYING["victim"] in _DYING["here"][-1], "the victim's group was loaded here last, once the copy had died"
    assert sum(map(len, _DYING["here"])) < len(given), "the copy loaded some groups before it died"


def test_one_file_is_loaded_before_the_loading_copy_is_made_and_the_records_folder_s_own_files_after_it(
        tmp_path, monkeypatch):
    """The validators' import, the schemas and the privacy scan's expressions every file needs were made by
    the first files each loading process met: both, a cold 12k run paying ≈45–95 ms of CPU twice.  They are
    made by one file loaded by this process before the copy is made; the files of the records folder itself
    (policy.yaml, calendar.yaml …: the scan of the policy's own words, ≈0.1 s at 12k that no other file needs)
    are loaded by this process too, but as its first part once the copy is made, not while the other core
    idles; the rest shared: each file once, the same documents and findings as the reference path."""
    from generator import forked

    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    events, parent, shared, loaded = [], os.getpid(), forked.shared, cache._load_one_status

    def sharing(*args, **kwargs):
        events.append("fork")
        return shared(*args, **kwargs)

    def loading(path, *args, **kwargs):
        if os.getpid() == parent:
            events.append(load.rel_path(path, root))
        return loaded(path, *args, **kwargs)

    monkeypatch.setattr(forked, "shared", sharing)
    monkeypatch.setattr(cache, "_load_one_status", loading)
    env = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    got = fast(root, env, monkeypatch)
    own = sorted(p.name for p in root.glob("*.yaml"))
    paths = load.discover(root)[0]
    assert len(own) >= 3 and events.count("fork") == 1, events
    fork = events.index("fork")
    assert events[:fork] == [load.rel_path(paths[len(own)], root)], events[:10]  # (the first file below the folder)
    assert sorted(events[fork + 1:fork + 1 + len(own)]) == own, events[:10]  # (this process's first part)
    assert not set(own) & set(events[fork + 1 + len(own):])  # (loaded once)
    assert_same(reference(root), got)


REPLACEMENTS = [None, True, 0, -1, 3.5, "", "x" * 600, "2026-02-30", "2026-13-01", "20260101", "Zhang Wei",
                "zhang-wei", ["a", "a"], [], {}, {"unexpected": 1},
                # where Rust's reading could differ from Python's: `$` before a last line break (Python's
                # re matches there), an integral float, integers and floats JSON cannot hold
                "zhang-wei\n", "2026-01-01\n", "２０２６-01-01", 20.0, 2 ** 70, float("nan"), float("inf")]


def test_the_fast_paths_date_format_is_jsonschemas():
    """fastvalidate checks the `date` format without importing jsonschema: the same answer as
    jsonschema's own checker on edge cases and on 20,000 random strings of date characters."""
    import random

    from jsonschema import FormatChecker

    checker = FormatChecker(["date"])
    samples = ["2026-11-28", "2024-02-29", "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01",
               "26-01-01", " 2026-01-01", "2026-01-01 ", "2026-01-01\n", "２０２６-01-01", "٢٠٢٦-٠١-٠١", "2026-W01-1",
               "2026-01-01T00:00", "20260101", "2026/01/01", "0000-01-01", "0001-01-01", "9999-12-31", "",
               "+2026-01-01", "2026-01-1", "2026-001", "2026-12-31x"]
    rng = random.Random(8)
    samples += ["".join(rng.choice("0123456789-２ T") for _ in range(rng.choice((8, 9, 10, 10, 10, 11))))
                for _ in range(20_000)]
    samples += [f"{rng.randrange(10000):04d}-{rng.randrange(14):02d}-{rng.randrange(33):02d}" for _ in range(20_000)]
    differ = [s for s in samples if fastvalidate._date_text(s) != checker.conforms(s, "date")]
    assert differ == []
    assert sum(map(fastvalidate._date_text, samples)) > 10_000  # (real dates among them)


def test_a_ledger_s_dates_already_seen_are_judged_without_a_python_call(tmp_path):
    """The fast validator checked each `date` through a Python function asking whether the value was
    a string, then the cache of answers: a Python call for each of a 12k run's ≈120,000 dates (0.03 s
    of the 0.17 s jsonschema-rs takes over 12k files).  jsonschema-rs asks a format of strings only:
    the cache is given as it is, and a date already seen is answered in C.  A day that does not exist
    is still refused, by both paths, with the schema's finding."""
    import re

    path = VALID / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    doc = load.load_file(path, VALID)[0]
    check, values = fastvalidate.compiled("ledger"), doc.data
    assert check(values)  # (its dates seen once)
    calls = []
    sys.setprofile(lambda frame, event, arg: calls.append(frame.f_code.co_name) if event == "call" else None)
    try:
        assert check(values)
    finally:
        sys.setprofile(None)
    assert calls == [], calls[:5]
    text = path.read_text(encoding="utf-8")
    day = re.search(r"\b20\d\d-\d\d-\d\d\b", text)[0]
    bad = tmp_path / "records"
    shutil.copytree(VALID, bad)
    (bad / "ledgers" / "2025-H2" / "zhang-wei.yaml").write_text(text.replace(day, day[:5] + "02-30", 1), encoding="utf-8")
    wrong = load.load_file(bad / "ledgers" / "2025-H2" / "zhang-wei.yaml", bad)[0]
    assert not check(wrong.data)
    found = fastvalidate.validate_document(wrong)
    assert found and found == validate.validate_document(wrong), found


def test_the_fast_validator_is_never_more_lenient_than_jsonschema():
    """Every value of every valid record replaced by wrong ones (and every mapping given
    an unknown key, every required key removed): both validators agree on each."""
    docs, _ = load.load_tree(VALID)
    compared = disagreements = 0
    for doc in docs:
        base = doc.data
        for path in list(doc.positions):
            if not path:
                continue
            variants = [copy.deepcopy(v) for v in REPLACEMENTS] + ["<removed>"]
            for value in variants:
                data = copy.deepcopy(base)
                node = data
                for part in path[:-1]:
                    node = node[part]
                if value == "<removed>":
                    if isinstance(node, dict):
                        del node[path[-1]]
                    else:
                        continue
                else:
                    node[path[-1]] = value
                mutant = load.Document(file=doc.file, rel=doc.rel, kind=doc.kind, data=data,
                                       positions=doc.positions, key_positions=doc.key_positions)
                slow = validate.validate_document(mutant)
                quick = fastvalidate.validate_document(mutant)
                compared += 1
                disagreements += slow != quick
                assert slow == quick, (doc.rel, path, value)
    assert compared > 1000 and fastvalidate.compiled("ledger") is not None


def test_a_fast_validator_accepts_what_jsonschema_accepts():
    docs, _ = load.load_tree(VALID)
    for doc in docs:
        check = fastvalidate.compiled(doc.kind)
        assert check is not None, doc.kind
        assert check(copy.deepcopy(doc.data)), doc.rel  # else the fast path would send it to jsonschema


def _cli(records: Path, cache_dir: Path, *args):
    env = {**os.environ, "CONTACT_LEDGER_CACHE": str(cache_dir)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    run = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(records),
                          "--format", "json", *args], capture_output=True, text=True, cwd=REPO, env=env,
                         timeout=60)
    cache.settled(cache_dir)  # (the copies it left writing its cache files: done before the test reads them)
    return run


def test_cache_never_serves_a_stale_result(tmp_path):
    """One byte changed behind the cache's back — same size, same modification time —
    and the finding changes on the next (warm) run."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cache_dir = tmp_path / "cache"
    first = _cli(root, cache_dir)
    assert first.returncode == 0 and json.loads(first.stdout) == [], first.stdout + first.stderr
    assert list(cache_dir.glob("*.marshal")), "the first run fills the cache"

    target = root / "cadres" / "zhang-wei.yaml"
    before = target.stat()
    raw = target.read_bytes()
    assert b"2020-01-01" in raw
    target.write_bytes(raw.replace(b"2020-01-01", b"2020-01-41", 1))  # one byte, an impossible date
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = target.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    second = _cli(root, cache_dir)
    found = json.loads(second.stdout)
    assert second.returncode == 1, second.stdout
    assert [(f["code"], f["file"].endswith("cadres/zhang-wei.yaml")) for f in found] == [("E-SCHEMA-009", True)]

    target.write_bytes(raw)  # and back: clean again
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    third = _cli(root, cache_dir)
    assert third.returncode == 0 and json.loads(third.stdout) == []


@pytest.mark.parametrize("workers, side_max", [("1", None), ("2", None), ("2", 0)])
def test_files_known_unchanged_by_their_status_are_not_read_and_a_change_behind_the_caches_back_is_seen(
        tmp_path, monkeypatch, workers, side_max):
    """A file settled before a run (last changed over cache.SETTLED_NS before it) is known unchanged
    by its status, as Git's index knows it, and is not read again; one byte changed behind the
    cache's back — same size, same modification time, same inode — still shows on the next run;
    a position asked of a file changed during a run is never read from the other bytes; and a
    cache restored into a fresh copy of the records (every status differs) rewrites no results.
    The first run, with nothing cached, reads each file once: in the loading process, which
    gives its status back with its result; this process reads a file only when asked a position.
    The files changed since the last run are read (and loaded, when their bytes changed) by the
    copy that compares the statuses, or, past cache.SIDE_MAX of them (`side_max` 0), here."""
    if side_max is not None:
        monkeypatch.setattr(cache, "SIDE_MAX", side_max)
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": workers,
           "CONTACT_LEDGER_PARALLEL_MIN": "1"}  # (two: the loading processes give the statuses back)
    assert cache.signature((root / "policy.yaml").stat(), time.time_ns()) is None  # just written: hashed each run
    time.sleep(cache.SETTLED_NS / 1e9 + 0.2)
    docs, found, _ = fast(root, env, monkeypatch)
    assert found == [] and all(not d.located and d._raw is None and d.has_bytes for d in docs), "read again here"
    entries, _values = cache._read_results(cache.cache_file(root))
    statuses = cache.read_cache_file(cache.cache_file(root).with_suffix(".statuses"))
    assert len(entries) >= 10 and statuses.keys() == entries.keys(), "every settled file has its status kept"
    assert all(statuses[rel][1] == entry[0] for rel, entry in entries.items())

    docs, found, _ = fast(root, env, monkeypatch)
    assert found == [] and all(not d.located and d._raw is None and d.has_bytes for d in docs), "a file was read"
    cadre = next(d for d in docs if d.rel == "cadres/zhang-wei.yaml")
    assert cadre.pos(("active_from",)) == (5, 14) and cadre.raw == (root / cadre.rel).read_bytes()  # read when asked

    target = root / "cadres" / "zhang-wei.yaml"
    before, raw = target.stat(), target.read_bytes()
    changed = raw.replace(b"2020-01-01", b"2020-01-41", 1)  # one byte, an impossible date
    ledger = next(d for d in fast(root, env, monkeypatch)[0] if d.rel == "ledgers/2025-H2/zhang-wei.yaml")
    target.write_bytes(changed)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = target.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (before.st_ino, before.st_size, before.st_mtime_ns)
    time.sleep(cache.SETTLED_NS / 1e9 + 0.2)  # (settled again: only its change time tells)
    docs, found, _ = fast(root, env, monkeypatch)
    assert [(f.code, f.file.endswith("cadres/zhang-wei.yaml")) for f in found] == [("E-SCHEMA-009", True)]

    ledger_file = root / ledger.rel  # served unread, then changed before its position was asked
    ledger_file.write_bytes(b"\n" * 50 + ledger_file.read_bytes())
    assert ledger.pos(("cadre",)) == (1, 1) and ledger.raw is None

    results = cache.cache_file(root)  # a cache restored into a fresh clone (CI): every status differs,
    kept = results.read_bytes()  # and only the two files whose bytes changed are written again
    shutil.rmtree(root)
    shutil.copytree(VALID, root)
    assert fast(root, env, monkeypatch)[1] == [] and results.read_bytes() == kept


def test_a_cold_load_takes_each_file_s_status_once_and_keeps_it(tmp_path, monkeypatch):
    """The loading process took each file's status for the next run (cache._status) and then
    load.read_file took it again just before reading the bytes: two os.stat a file (4 µs each,
    ≈0.05 s at 12k).  Now the status the read takes is the one kept: a cold load of the demo
    university walks each record file's path once — it opens the file and takes its status from
    the open file (os.fstat), no os.stat of its path (the policy twice: its privacy settings are
    read first) —, asks the working folder once a group of files, not once a file (os.getcwd), and
    the next run, every status known, reads no file."""
    import collections

    root = demo_records(tmp_path / "records")
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("CONTACT_LEDGER_WORKERS", "1")
    counted, real = collections.Counter(), {name: getattr(os, name) for name in ("stat", "open", "getcwd")}

    def counting(name):
        def call(*args, **kwargs):
            path = os.fspath(args[0]) if args else ""
            counted["policy.yaml" if path.endswith("policy.yaml") else path, name] += 1
            return real[name](*args, **kwargs)
        return call

    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # (every file settled: known unchanged by its status)
    for name in real:
        monkeypatch.setattr(os, name, counting(name))
    cold = cache.load_and_validate(root)
    monkeypatch.setattr(os, "getcwd", real["getcwd"])
    files = [p for p in map(str, root.rglob("*.yaml")) if not p.endswith("policy.yaml")]
    assert len(files) > 500 and {(counted[p, "open"], counted[p, "stat"]) for p in files} == {(1, 0)}, counted
    assert (counted["policy.yaml", "open"], counted["policy.yaml", "stat"]) == (2, 0), counted
    assert counted["", "getcwd"] <= 4, counted["", "getcwd"]
    read = load.read_file

    def unread(path):
        assert str(path).endswith("policy.yaml"), f"{path} read again"
        return read(path)

    monkeypatch.setattr(load, "read_file", unread)
    warm = cache.load_and_validate(root)
    assert [d.data for d in warm[0]] == [d.data for d in cold[0]] and warm[1] == cold[1]


def test_quick_path_agrees_with_the_full_loader_on_random_yaml(monkeypatch):
    """Random documents built from YAML's syntax (indicators, quotes, flow and block
    collections, block scalars, comments, tabs, `---` and `...` markers, a missing final line
    break): every one the quick path accepts, the full loader reads to the same values without
    a finding, and the text it gives with them (Document.text, decoded once) is the full loader's.  (This
    found `k: ]`, `k: |2x`, text after a closing quote, a quoted key on two lines, flow
    collections holding `? : # %`,
    a comment after a block scalar's header (`> # c-`) and a block scalar at the very end of a
    file, all of which rapidyaml read otherwise.)"""
    import random

    from generator import fastload, quickload

    atoms = ['"a" b', "'a' - x", '"a\\"b"', "'it''s'", '"a: b"', "&", "*", "!", "@", "`", "?", " ", " ", "a", "Q",
             "5", "好", "[", "]", "{", "}", ",", ":", ": ", "'", '"', "-", "- ", "#", " #", "|", ">", "|2", ">-",
             "|+", "> # c-", "| # c+", "\n", "\n  ", "\n- ", "x", "&a", "*a", "!t", "? ", "好!", ", ", '"q"', "'s'",
             "[a, b]", "{a: 1}", "1", "2024-01-01", " # c", "%", "~", "null", "true", "1.5", "\\", "\t", "'a\n  b': ",
             "\n  k2: ", "\n    - ", "\nk3:", "|2\n    \n", "\r\n", "0x1", "1e3", "yes", "::", "- -"]
    starts = ["k: ", "k:\n  ", "- ", "", "k: [", "k: {", "a:\n  b: ", "k: |\n  ", "k: >\n  ", "l:\n  - "]
    markers = [""] * 12 + ["---\n", "--- # c\n", "---  \r\n", "---", "--- x\n", "---#\n", "---\n---\n", "...\n"]
    ends = ["\n", "\nz: 1\n", ""] * 4 + ["\n...\n", "\n... # c\n", "\n...", "\n... x\n", "\n...\n# c\n"]
    rnd = random.Random(7)
    accepted = marked = by_c = 0
    with quickload.quiet():
        for _ in range(30_000):
            text = rnd.choice(markers) + rnd.choice(starts) \
                + "".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 10))) \
                + rnd.choice(ends)
            raw = text.encode()
            whole = fastload.parse(raw, "x.yaml")  # (positions only: what the whole parse refuses, and its positions)
            assert fastload.positions(raw) == (whole and whole.positions), text
            quick, decoded = quickload.read(raw)
            if quick is None:
                continue
            accepted += 1
            marked += text.startswith("---") or "\n..." in text
            by_c += _read_by_c(raw)
            full = load._parse(raw, "x.yaml")
            assert not full.problems and repr(quick) == repr(full.data), (text, quick, full.data)
            assert decoded == full.text, text  # (Document.text, which the privacy scan reads)
            assert_located_alike(raw, full)
    assert accepted > 1000 and marked > 100 and by_c > 100, (accepted, marked, by_c)


def _read_by_c(raw: bytes) -> bool:
    """Whether quickload.read's values of `raw` were the C reading's (generator/_quickscan.c: a usual file in its subset)."""
    from generator import quickload

    body = raw if raw.endswith(b"\n") else raw + b"\n"
    return len(body.translate(None, quickload._UNCOMMON)) == len(body) and quickload._quickscan.scan(quickload._document(body), set()) is not None


def assert_located_alike(raw: bytes, full, most: int = 10**9) -> None:
    """fastload.locate (reading only as far as the answer) gives every position and key position
    the whole parse gives (`most`: that many paths, spread over the file)."""
    from generator import fastload

    for table, key in ((full.positions, False), (full.keys, True)):
        paths = list(table)
        for path in paths[::max(1, len(paths) // most)]:
            assert fastload.locate(raw, path, key) == table[path], (raw[:300], path, key)
    assert fastload.locate(raw, ("no such key",)) is None


def test_the_policy_s_lists_of_mappings_are_read_by_the_quick_path_and_a_cold_validate_imports_no_pyyaml(tmp_path):
    """The policy's lists of mappings on one line (`classes: [{heading: 是否撤销, ended: 是, said: 已撤销}, …]`)
    are read by the quick path, to the full loader's values and text: the policy was the one file of the demo
    university and of a generated corpus that went to the full loader, so that every run imported PyYAML and
    parsed the policy with it twice before the loading copy was made (bench/HISTORY.md item 82: ≈20 ms of the
    critical path).  A cold `validate` of either now imports no PyYAML, in any process, and says the same as
    the reference path."""
    from generator import quickload

    demo = demo_records(tmp_path / "demo")
    generated = tmp_path / "generated"
    _generated(generated)
    for root in (demo, generated):
        raw = (root / "policy.yaml").read_bytes()
        assert b": [{heading: " in raw
        full = load._parse(raw, "policy.yaml")
        with quickload.quiet():
            values, text = quickload.read(raw)
        assert not full.problems and values is not None and repr(values) == repr(full.data) and text == full.text
        said = tmp_path / "yaml.log"
        run = subprocess.run(
            [sys.executable, "-c", "import os, sys\n"
             "class Told:  # (PyYAML's import, in this process or a copy of it)\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             f"        if name == 'yaml': open({str(said)!r}, 'a').write(f'{{os.getpid()}}\\n')\n"
             "sys.meta_path.insert(0, Told())\n"
             "from generator.cli import main, finish\n"
             "finish(main(sys.argv[1:]))", "validate", "--records", str(root), "--format", "json"],
            cwd=REPO, capture_output=True, text=True,
            env={**os.environ, "CONTACT_LEDGER_CACHE": str(tmp_path / f"cache-{root.name}"),
                 "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"})
        assert run.returncode == 0, run.stderr[-2000:]
        assert not said.exists(), f"PyYAML imported by a cold validate: {said.read_text(encoding='utf-8')}"
        reference = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(root), "--format",
                                    "json"], cwd=REPO, capture_output=True, text=True,
                                   env={**os.environ, "CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0",
                                        "CONTACT_LEDGER_WORKERS": "1"})
        assert run.stdout == reference.stdout


def test_a_position_read_only_as_far_as_it_is_the_whole_parse_s(tmp_path, monkeypatch):
    """The first position asked of a quick-path file is read only as far as it (fastload.locate):
    on every record of the demo university and the test records, the same as the whole
    file's parse."""
    from generator import quickload

    files = sorted(demo_records(tmp_path / "records").rglob("*.yaml")) + sorted(VALID.rglob("*.yaml"))
    checked = 0
    with quickload.quiet():
        for path in files:
            raw = path.read_bytes()
            if quickload.values(raw) is None:
                continue
            full = load._parse(raw, path.name)
            assert not full.problems
            assert_located_alike(raw, full, most=40)
            checked += 1
    assert checked > 500


def test_the_indicator_scan_is_its_definition():
    """quickload._indicator (bytes.find, fast) answers exactly as the regular expression that
    defines it: an indicator not after a letter, a non-ASCII byte or another indicator (spaces
    between allowed; '?' only before a space, a line break or the end)."""
    import random
    import re

    from generator import quickload

    definition = re.compile(rb"(?:\A|[^A-Za-z\x80-\xff&*!@`? ]) *(?:[@`&*!]|\?(?=[ \r\n]|\Z))")
    pieces = [b"&", b"*", b"!", b"@", b"`", b"?", b" ", b"\n", b"\r", b"a", b"Z", b"5", "好".encode(), b"[", b",",
              b":", b"'", b'"', "\u00a0".encode(), b"-", b"#", b"\t", b"|", b">"]
    rnd = random.Random(8)
    for _ in range(30_000):
        text = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert quickload._indicator(text) == bool(definition.search(text)), text


def test_a_file_without_the_bytes_the_gates_look_for_passes_every_gate_it_skips():
    """quickload.read asks the gates that look for a byte (the controls, CR, the indicators, `<<`,
    `\\n%`, `\\n...`, a comment's `#`, a list's `[`, a backslash, the C1 controls' \\xc2) only of a file
    holding one of the bytes of _UNCOMMON, found in one pass: most ledgers hold none.  So no gate may
    refuse a file without them — whatever else it holds (every other ASCII byte, `\\n---`, line
    starts, quotes of other scripts, characters of two, three and four bytes)."""
    import random

    from generator import quickload

    others = [bytes([b]) for b in range(0x80) if b not in quickload._UNCOMMON]
    assert b"\n" in others and b"-" in others and b":" in others
    pieces = others + [b"\n", b"  ", b": ", b"- ", b"\n---", b"\n- ", "好".encode(), "，".encode(), "、".encode(),
                       "“”".encode(), "\u2014".encode(), "\u00d7".encode(), "\u2028".encode(), "\ufeff".encode(),
                       "\U0001f600".encode(), "\u3000".encode()]
    rnd = random.Random(67)
    gates = 0
    for _ in range(30_000):
        body = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24))) + b"\n"
        assert len(body.translate(None, quickload._UNCOMMON)) == len(body)
        text = body.decode("utf-8")
        doc = quickload._document(body)
        assert len(body.translate(None, quickload._CONTROLS)) == len(body) and b"\r" not in body and b"\xc2" not in body
        assert not quickload._refused(doc) and not quickload._risky(doc) and not quickload._noted(body, text), body
        gates += 1
    assert gates == 30_000
    # and each of those bytes, alone in a ledger's value, is one a gate may refuse: the quick path reads the
    # file as the full loader or leaves it to it
    with quickload.quiet():
        for byte in quickload._UNCOMMON:
            raw = b"cadre: li-na\nperiod: 2026-H1\nnote: a" + bytes([byte]) + b"b\n"
            quick = quickload.values(raw)
            assert quick is None or (not load._parse(raw, "x.yaml").problems and quick == load._parse(raw, "x.yaml").data)


def test_a_file_the_quick_path_refuses_is_served_from_the_cache_without_parsing_it_again(tmp_path, monkeypatch):
    """A valid ledger the quick path leaves to the full loader (here: a tab in a comment; also
    anchors, tags …) costs the full parse once, not on every warm run: its positions
    are worked out again only when asked — and are then the reference path's."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    ledger = sorted(root.glob("ledgers/*/*.yaml"))[0]
    ledger.write_bytes(ledger.read_bytes() + "# 备注：\t座谈会（一个 Tab：交给完整的解析流程）\n".encode())
    monkeypatch.chdir(tmp_path)
    expected = reference(Path("records"))
    rel = ledger.relative_to(root).as_posix()
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": "1"}
    fast(Path("records"), env, monkeypatch)  # cold: fills the cache
    warm = fast(Path("records"), env, monkeypatch)
    doc = next(d for d in warm[0] if d.rel == rel)
    assert not doc.quick and not doc.located, "served from the cache without parsing the file again"
    assert_same(expected, warm)  # (asks for every position: now it is parsed, and agrees)
    assert doc.located



def test_the_privacy_scan_done_while_loading_is_kept_for_every_file_not_only_until_the_first_find(
        tmp_path, monkeypatch):
    """Each file's privacy scan runs as it is loaded and is cached with it; privacy.check_records
    uses it for every file. (It once stopped using it after the first find, so a corpus with a
    phone number in every third ledger made a warm `check` 4× slower: every ledger scanned again.)"""
    from generator import model, privacy

    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    for ledger in sorted(root.glob("ledgers/*/*.yaml")):
        text = ledger.read_text(encoding="utf-8")
        ledger.write_text(text.replace("summary: ", "summary: 家长电话13812345678，", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def privacy_findings(loaded):
        docs, _, invalid = loaded
        return sorted((f.file, f.line, f.column, f.message_zh) for f in
                      privacy.check_records(model.build(Path("records"), docs, invalid)))

    expected = privacy_findings(reference(Path("records")))
    assert len(expected) == 3  # one per ledger
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": "1"}
    fast(Path("records"), env, monkeypatch)  # cold: fills the cache
    warm = fast(Path("records"), env, monkeypatch)
    assert privacy_findings(warm) == expected
    assert not [d.rel for d in warm[0] if d.located], "no file parsed again for its privacy findings"


def test_positions_worked_out_late_are_kept_for_the_latest_files_only_and_agree_when_asked_again(
        tmp_path, monkeypatch):
    """A file read without positions keeps those worked out later only while it is among the
    latest LATE_KEPT (they take ≈80 KB a ledger); asked again, it works them out again from
    its bytes: the same positions, spans and text."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    monkeypatch.chdir(tmp_path)
    expected = reference(Path("records"))
    monkeypatch.setattr(load, "LATE_KEPT", 1)
    got = fast(Path("records"), {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}, monkeypatch)
    quick = [d for d in got[0] if d.quick]
    assert len(quick) >= 3 and not any(d.located for d in quick)
    assert_same(expected, got)  # (asks every position of every file, one file after another)
    assert [d.located for d in quick] == [False] * (len(quick) - 1) + [True]
    assert_same(expected, got)  # worked out again, the same

def test_a_damaged_cache_is_only_a_miss(tmp_path):
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cache_dir = tmp_path / "cache"
    assert _cli(root, cache_dir).returncode == 0
    for f in cache_dir.glob("*.marshal"):
        f.write_bytes(f.read_bytes()[:100])  # truncated
    again = _cli(root, cache_dir)
    assert again.returncode == 0 and json.loads(again.stdout) == [] and "Traceback" not in again.stderr


def test_a_file_whose_result_marshal_cannot_keep_is_left_out_of_the_cache_alone(tmp_path):
    """A file's result is kept only if marshal can keep it (its values, its findings' parameters):
    one that cannot is left out — loaded again next time — and every other file is kept."""
    from generator.cache import Values, _read_results, _write_results

    class Doc:
        def __init__(self, data):
            self.data = data

    odd = Path("not plain")  # marshal cannot keep it
    entries = {"a.yaml": ("sha-a", "a.yaml", "", ("a",), False),
               "ledgers/b.yaml": ("sha-b", "b.yaml", "", ("b", None), True),
               "ledgers/c.yaml": ("sha-c", "c.yaml", "", ("c", None), True),
               "d.yaml": ("sha-d", "d.yaml", "", ("d", [odd]), False)}
    docs = {"a.yaml": Doc({"x": 1}), "ledgers/b.yaml": Doc({"activities": [{"n": 1}]}),
            "ledgers/c.yaml": Doc({"odd": odd}), "d.yaml": Doc({})}
    where = tmp_path / "key-v.marshal"
    _write_results(where, entries, docs)
    kept, values = _read_results(where)
    assert kept == {rel: entries[rel] for rel in ("a.yaml", "ledgers/b.yaml")}
    assert isinstance(values, Values) and values.values("ledgers/b.yaml") == {"activities": [{"n": 1}]}
    assert values.values("ledgers/c.yaml") is None


def test_a_cold_load_marshals_each_ledger_s_values_once_and_the_cache_keeps_that_marshal(tmp_path, monkeypatch):
    """Two processes load a cold run's files, a group at a time.  The copy marshals each of its groups'
    ledgers' values once ({rel: values}) and sends that marshal as it is, and this process unmarshals
    it only when a value is asked (a cold `check` asks none here); this process does not marshal the
    values of the groups it loads itself (on the command's critical path), the cache's writer does.  The
    writer writes each of the copy's marshals as it came, then marshals the others' values once, none
    again.  A later run that asks one ledger's values reads its group's marshal only; every value is the
    reference path's."""
    import marshal

    root = tmp_path / "records"
    _generated(root)  # (120 ledgers: each process loads some of them, a group of one or two files at a time)
    expected = {d.rel: d.data for d in reference(root)[0]}
    parent, loaded, parse_many, made = os.getpid(), cache._loaded, cache._parse_many, []

    def slow_here(paths, *args):  # (so that the copy takes most groups, this process a few)
        if os.getpid() == parent:
            time.sleep(0.02)
        return loaded(paths, *args)

    def seen(*args):
        for at, result in parse_many(*args):
            made.append(result[-1])
            yield at, result

    monkeypatch.setattr(cache, "_loaded", slow_here)
    monkeypatch.setattr(cache, "_parse_many", seen)
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": "2",
           "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    docs = fast(root, env, monkeypatch)[0]
    groups = list({id(g): g for g in made if isinstance(g, cache._Group)}.values())
    ledgers = {d.rel: d for d in docs if d.kind == "ledger"}
    assert groups  # (only a copy's groups are _Groups: one this process loaded keeps its values in hand, `here` below)
    assert all(g.by_rel is None for g in groups), "a copy's group was unmarshalled here unasked"
    assert all(ledgers[rel]._later is g for g in groups for rel in g.shas)
    in_groups = {rel for g in groups for rel in g.shas}
    here = {rel for rel, d in ledgers.items() if d._later is None}  # (loaded by this process: its values in hand)
    assert here and in_groups.isdisjoint(here) and in_groups | here == set(ledgers)
    assert {d.rel: d.data for d in docs} == expected

    raw = cache.cache_file(root).read_bytes()
    values = raw[cache._HEAD.size + cache._HEAD.unpack_from(raw)[1]:]
    (length,) = cache._LENGTH.unpack_from(values)
    sizes, group_of = marshal.loads(values[cache._LENGTH.size:cache._LENGTH.size + length])
    blobs = values[cache._LENGTH.size + length:]
    assert blobs.startswith(b"".join(g.blob for g in groups))  # the copy's, as they came
    assert sizes[:len(groups)] == [len(g.blob) for g in groups] and set(group_of) == set(ledgers)
    at, written = len(b"".join(g.blob for g in groups)), []
    for size in sizes[len(groups):]:  # the writer's own: the values of this process's ledgers, once
        written += marshal.loads(blobs[at:at + size])
        at += size
    assert sorted(written) == sorted(here) and at == len(blobs)

    warm = {d.rel: d for d in fast(root, env, monkeypatch)[0]}
    one = warm[next(iter(ledgers))]
    store = one._later
    assert one.data == expected[one.rel] and len(store.read) == 1
    assert set(store.by_rel) == {rel for rel, k in group_of.items() if k == group_of[one.rel]}
    assert {rel: d.data for rel, d in warm.items()} == expected


def test_ledger_values_cut_short_in_the_cache_are_read_again_from_the_files(tmp_path):
    """The ledgers' values are the last part of a cache file, read only when asked (a `check`
    asks them): cut short, the files are parsed again, and the report is that of no cache."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cache_dir = tmp_path / "cache"

    def check(where):
        done = _check_run(root, where)
        assert "Traceback" not in done.stderr and "内部错误" not in done.stdout + done.stderr, done.stderr
        return done.returncode, json.loads(done.stdout)

    expected = check("0")
    assert expected[1]["ledgers"] and expected[1]["semester_matrix"]["rows"]
    assert check(cache_dir) == expected  # cold: fills the cache
    [main] = cache_dir.glob("*.marshal")
    main.write_bytes(main.read_bytes()[:-40])  # the values' marshal cut short, the results intact
    assert check(cache_dir) == expected


def test_a_one_file_change_writes_a_small_delta_not_the_whole_cache(tmp_path):
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cache_dir = tmp_path / "cache"
    assert _cli(root, cache_dir).returncode == 0
    [main] = cache_dir.glob("*.marshal")
    before = main.read_bytes()
    ledger = next(root.glob("ledgers/*/*.yaml"))
    ledger.write_text(ledger.read_text(encoding="utf-8") + "# 补充说明\n", encoding="utf-8")
    assert _cli(root, cache_dir).returncode == 0
    assert main.read_bytes() == before  # the big file is not rewritten for one change
    [delta] = cache_dir.glob("*.delta")
    assert 0 < delta.stat().st_size < len(before)
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("period:", "period:: ", 1), encoding="utf-8")
    again = _cli(root, cache_dir)
    found = json.loads(again.stdout)  # the delta is never served stale either
    assert again.returncode == 1 and {f["file"].rsplit("records/", 1)[-1] for f in found} == \
        {ledger.relative_to(root).as_posix()}



def test_a_one_ledger_change_writes_small_deltas_of_the_rules_kept_results(tmp_path):
    """What is kept per ledger or per cadre between runs (a ledger's references, its facts for the
    policy rules, a cadre's rows and findings) is not rewritten whole for one changed ledger, but
    into a small delta beside it; what `check` then reports is what it reports without any
    cache, and so after many changes, when the main file is written again and the delta goes."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    ledger = root / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    text = ledger.read_text(encoding="utf-8")
    for i in range(8):  # (more ledgers than the one changed: the fixture's three kept together are smaller than one
        # ledger's finding with its hint — E-REF-004's names the ledger the day goes in and gives the line to type)
        (root / "ledgers" / "2025-H2" / f"more-{i}.yaml").write_text(text.replace("zhang-wei", f"more-{i}"),
                                                                      encoding="utf-8")
    cache_dir = tmp_path / "cache"
    _check(root, cache_dir)
    mains = {p.suffix: p for p in cache_dir.glob("*") if p.suffix in (".references", ".facts", ".by-cadre")}
    assert set(mains) == {".references", ".facts", ".by-cadre"}
    before = {k: p.read_bytes() for k, p in mains.items()}
    ledger.write_text(text.replace('date: "2025-11-12"\n    form', 'date: "2026-12-01"\n    form'), encoding="utf-8")
    warm = _check(root, cache_dir)
    assert warm == _check(root, "0") and "E-CHK-006" in {f["code"] for f in warm}
    assert {k: p.read_bytes() for k, p in mains.items()} == before  # the main files are as they were
    deltas = {suffix: main.with_suffix(f"{suffix}-delta") for suffix, main in mains.items()}
    assert all(0 < d.stat().st_size < len(before[k]) for k, d in deltas.items())
    written = {k: d.stat().st_ino for k, d in deltas.items()}
    assert _check(root, cache_dir) == warm
    assert {k: d.stat().st_ino for k, d in deltas.items()} == written  # the deltas served, not written again
    ledger.write_text(text, encoding="utf-8")
    assert _check(root, cache_dir) == _check(root, "0")
    for i in range(70):  # more new files than a delta takes: the main files are written again
        (root / "ledgers" / "2025-H2" / f"new-{i:02d}.yaml").write_text(text.replace("zhang-wei", f"new-{i:02d}"),
                                                                        encoding="utf-8")
    assert _check(root, cache_dir) == _check(root, "0")
    assert all(p.read_bytes() != before[k] for k, p in mains.items())
    assert not [p.name for p in cache_dir.glob("*-delta")]
    assert _check(root, cache_dir) == _check(root, "0")


def test_the_rules_that_read_no_ledger_are_kept_and_follow_every_other_file_today_and_strict(tmp_path):
    """The contact points' and the coverage's tables and findings are kept between runs
    (runner._without_ledgers): a change to a ledger serves them as kept (the file is not written
    again); a change to an assignment, another --today or --strict works them out again.  Every
    report is what `check` reports without any cache."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cache_dir = tmp_path / "cache"
    first = _check(root, cache_dir)
    [kept] = cache_dir.glob("*.without-ledgers")
    written = (kept.stat().st_ino, kept.read_bytes())
    ledger = root / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace('date: "2025-11-12"\n    form',
                                                                 'date: "2026-12-01"\n    form'), encoding="utf-8")
    warm = _check(root, cache_dir)
    assert warm == _check(root, "0") and warm != first
    assert (kept.stat().st_ino, kept.read_bytes()) == written, "a ledger changed: served as kept"
    rows = root / "assignments" / "2025-2027.yaml"
    rows.write_text(rows.read_text(encoding="utf-8").replace('club: club-robotics\n    start: "2026-03-01"',
                                                             'club: club-robotics\n    start: "2026-04-01"'),
                    encoding="utf-8")
    gap = _check(root, cache_dir)
    assert gap == _check(root, "0") and ("W-CHK-002", "li-na") in {(f["code"], (f.get("data") or {}).get("cadre"))
                                                                   for f in gap}
    for args in (["--today", "2026-03-20"], ["--today", "2026-03-20", "--strict"], ["--strict"]):
        runs = [_check_run(root, where, *args) for where in (cache_dir, "0", cache_dir)]
        assert runs[0].stdout == runs[1].stdout == runs[2].stdout, args
        assert runs[0].returncode == runs[1].returncode


def _check_run(records: Path, cache_dir, *args: str) -> subprocess.CompletedProcess:
    """`check --format json` of `records` with its cache in `cache_dir` ("0": none), on
    2026-11-28 unless `args` say otherwise."""
    env = {**os.environ, "CONTACT_LEDGER_CACHE": str(cache_dir)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    args = args if "--today" in args else ("--today", "2026-11-28", *args)
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), *args,
                          "--format", "json"], capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    cache.settled(Path(cache_dir))  # (the copies it left writing its cache files: done before the test reads them)
    return run


def _check(records: Path, cache_dir: Path) -> list[dict]:
    done = _check_run(records, cache_dir)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)["findings"]


def _at(findings: list[dict], code: str, file: str) -> list[tuple]:
    return [(f["line"], f["column"]) for f in findings if f["code"] == code and f["file"].endswith(file)]


def test_positions_of_findings_are_kept_for_the_next_run_and_never_given_for_other_bytes(tmp_path):
    """A file with a finding is asked where on every run; the answer is kept by the hash of its
    bytes, including answers worked out in a forked copy (the references stage), survives a
    one-file change elsewhere, and is never given once the file changes by one byte."""
    import marshal

    root, cache_dir = tmp_path / "records", tmp_path / "cache"
    shutil.copytree(VALID, root)
    holiday = root / "ledgers" / "2025-H2" / "zhang-wei.yaml"  # an activity in the summer holiday
    raw = holiday.read_bytes().replace(b'date: "2025-11-12"', b'date: "2025-08-20"', 1)
    holiday.write_bytes(raw)
    unknown = root / "ledgers" / "2026-H1" / "zhang-wei.yaml"  # a contact point nobody has
    unknown.write_bytes(unknown.read_bytes().replace(b"[cs-2025-01]", b"[cs-2099-01]", 1))

    first = _check(root, cache_dir)
    assert _at(first, "W-CHK-010", "2025-H2/zhang-wei.yaml") == [(13, 11)]
    [ref] = [f for f in first if f["code"].startswith("E-REF") and f["file"].endswith("2026-H1/zhang-wei.yaml")]
    [answers] = cache_dir.glob("*.answers")
    kept = marshal.loads(answers.read_bytes())
    sha = hashlib.sha256(raw).hexdigest()
    assert kept[(sha, 0, ("activities", 1, "date"))] == (13, 11)
    other = hashlib.sha256(unknown.read_bytes()).hexdigest()
    assert (ref["line"], ref["column"]) in {v for k, v in kept.items() if k[0] == other}

    # the next run answers from what was kept (an answer planted there shows; the rows kept per
    # cadre, which keep their findings' positions too, are removed so that the rule asks again) …
    kept[(sha, 0, ("activities", 1, "date"))] = (99, 9)
    answers.write_bytes(marshal.dumps(kept))
    for by_cadre in cache_dir.glob("*.by-cadre*"):
        by_cadre.unlink()
    assert _at(_check(root, cache_dir), "W-CHK-010", "2025-H2/zhang-wei.yaml") == [(99, 9)]
    # … also after another file changed (the cache's small delta is written, the answers kept) …
    other_ledger = root / "ledgers" / "2025-H2" / "chen-gang.yaml"
    other_ledger.write_bytes(other_ledger.read_bytes() + "# 补充\n".encode())
    assert _at(_check(root, cache_dir), "W-CHK-010", "2025-H2/zhang-wei.yaml") == [(99, 9)]
    # … but never for other bytes: one byte changed behind the cache's back, same size and time
    before = holiday.stat()
    holiday.write_bytes(raw.replace(b"  - date: \"2025-08-20\"", b"  - date: \"2025-08-21\"", 1))
    os.utime(holiday, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert _at(_check(root, cache_dir), "W-CHK-010", "2025-H2/zhang-wei.yaml") == [(13, 11)]

# Scalars, keys and layouts where rapidyaml and our rules could read differently.
TRICKY_SCALARS = ["1", "+5", "-5", "00", "0", "-0", "+0", "-00", "01", "1.0", "1.", "5.", "-.5", ".5", "1e3", "1E3",
                  "1.5e-3", "12345678901234567890", "999999999999999999", "1000000000000000000", "0o17", "0b1",
                  "0x1F", "1_0", "nan", "NaN", ".nan", ".NaN", "inf", "-inf", ".inf", "-.Inf", "Infinity", "true",
                  "True", "TRUE", "false", "False", "yes", "no", "on", "off", "null", "Null", "NULL", "~", "",
                  "'x'", '"1"', "'true'", '"~"', "2026-09-01", "a b", "1,000", "1:30", "14:00~16:00", "[1, 2]",
                  "{a: 1}", "[]", "{}", '"\\x41\\N\\_"', "'it''s'", "3.14159265358979323846", "-1.5", "|\n  a\n  b",
                  ">-\n  a\n\n  b", "|+\n  a\n\n", '"a\n  b"', "a\n  b", "'a\n\n  b'", "中文 # 注释", "\"#\"",
                  "x: y", "- a", "&a 1", "*a", "!!str 1", "!custom x", '"\\u00e9\\t"', "'\\n'", "@x", "`x`",
                  "%x", "? x", "a#b", "a #b", "\u00a0x", "x\u3000", "\ufeffx",
                  # YAML's indicators inside text: after a letter, digit or CJK character they are text
                  "Q&A", "5*3", "好!", "a@b.cn", "a`b`", "为什么?", "为什么? 因为", "x? y", "x?", "a!b!c", "Q&A 环节 *重点*!",
                  "**重点**", "a &b", "a *b", "a !b", "&", "*", "!", '"Q&A"', "'5*3'", '"a &x"', "'a *x'", "[a&b, c*d]",
                  "[a, &x b]", "[a,&x b]", "[a,*x]", "{a: b&c}", '{"a":&x 1}', "{a:*x}", '"a"&x', "'a'*x", "[a]&x",
                  "{a: 1}&x", "-&x", "x\n  &y", "x\n  a&y", '"a" !x', "a:&x", "a: &x", "中文!!str", "好 # Q&A!",
                  "|\n  Q&A\n  *重点* 好!", ">\n  a&b\n  c*d", "\u3000&x", "\u00a0&x", "x\ufeff&y", "é&x", "(&x)",
                  "a\u2028&x", "a\x85&x", "A & B", "座谈会 *重点* 好 !", "a  &x", "a &x: y", "k &x", "- &x", "a - &x",
                  "a: &x", "a, *x", "[a, b] *x", "'a'  &x", "好 ? 因为", "好 ?x", "x\n  好 &y", "# &x", "a # &x",
                  "|2 &x\n  a", ">1 *x\n  a", "|-2 &x\n  a", "|2- &x\n  a", "|2 # &x\n  a", "?&y", "?x &y", "a *b* !",
                  "a *b*!", "*b*!", "[a *b*!, c]", "{a: b *c*!}", "|\n  a\n  b *c*!", "Q1&Q2", "好!!", "为什么?? 因为",
                  "a@`b", "'a'x &y", '"a"x&y', "{a &x: b}", "[a &x, b]", "{a: b &x}", "[a *x]", "{a *x}", "[a? b]",
                  "{a !x: b !y}"]
TRICKY_KEYS = ["k", "1", "true", "null", "~", "1.5", "'1'", '"true"', "<<", "? k", "k k", "中文", '"a\\"b"', "'a: b'",
               "-1", ".5", "1e3", "k\\", '"k\\\\"', "Q&A", "&a k", "*a", "!!str k", "好!", "a?", "? 好", "a@b", "@a", "`a`"]


def test_quick_path_reads_every_tricky_scalar_as_the_full_loader_or_not_at_all(monkeypatch):
    from generator import quickload

    monkeypatch.setenv("CONTACT_LEDGER_FAST", "0")
    docs = [f"k: {v}\nother: 1\n" for v in TRICKY_SCALARS]
    docs += [f"{k}: 1\nother: 2\n" for k in TRICKY_KEYS]
    docs += ["k: 1\nk: 2\n", "k: 1\nk: 2\nj\\: 3\n", "a:\n  b: 1\n  b: 2\n", "a: [1, {b: 1, b: 2}]\n", "\ufeffk: 1\n", "k: 1\r\nj: 2\r\n",
             "k: 1\rj: 2\n", "k: 1\n---\nj: 2\n", "- 1\n", "# only\n", "", "k: 1\n...\n", "k: \"a\": b\n",
             "a:\n" + "".join("  " * i + f"- {i}\n" for i in range(1, 4)), "k: " + "[" * 45 + "]" * 45 + "\n",
             "k: \x85x\n", "k: x\u2028y\n", "k: \x7f\n", "k: 1 # \xff\n", "k:\n- a\n- b\n", "k: 'a\tb'\n"]
    accepted = by_c = 0
    with quickload.quiet():
        for text in docs:
            raw = text.encode("utf-8", "surrogateescape")
            quick, decoded = quickload.read(raw)
            full = load._parse(raw, "x.yaml")
            if quick is None:
                continue
            accepted += 1
            by_c += _read_by_c(raw)
            assert not full.problems, (text, [f.code for f in full.problems])
            assert quick == full.data and repr(quick) == repr(full.data), (text, quick, full.data)
            assert decoded == full.text, text
    assert accepted > 40 and by_c > 20, (accepted, by_c)  # the quick path is used, not refused wholesale
    # ordinary ASCII punctuation in Chinese prose does not send a file to the full loader
    for text in ["k: Q&A 环节，重点*3，好!\n", "k: 为什么? 因为\nj: a@b\n", "k: 1  # 备注: Q&A!\n", '"Q&A": "x*3"\n',
                 "k: 座谈会 *重点* 和 A & B 环节!\n"]:
        assert quickload.values(text.encode()) is not None, text


def test_rapidyaml_json_that_outgrows_its_first_buffer_is_written_again_whole():
    """quickload._json guesses the JSON's size from the YAML's; when the guess is too small it
    asks rapidyaml for the size and writes again (forced here with a 256-byte first buffer)."""
    from generator import quickload

    raw = "".join(f"k{i}: [a, b, 好]\n" for i in range(200)).encode()
    tree = quickload.ryml.parse_in_arena(raw)
    whole = quickload._json(tree, len(raw))
    assert len(whole) > 256 and quickload._json(tree, 0) == whole
    assert json.loads(whole) == quickload.values(raw) == load._parse(raw, "x.yaml").data


def test_the_values_of_all_files_share_each_short_string(tmp_path, monkeypatch):
    """Keys, dates, ids and vocabulary words recur in every file: loaded cold (two processes) or
    warm (from the cache), each text is one object across all files — 12k ledgers' values take
    half the memory — and the values are still exactly the reference path's."""
    expected = [d.data for d in reference(VALID)[0]]

    def strings(value, out):
        if type(value) is str:
            out.append(value)
        elif type(value) is dict:
            for k, v in value.items():
                strings(k, out)
                strings(v, out)
        elif type(value) is list:
            for v in value:
                strings(v, out)
        return out

    where = str(tmp_path / "cache")
    for env in ({"CONTACT_LEDGER_CACHE": where, "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"},
                {"CONTACT_LEDGER_CACHE": where}):
        docs, _, _ = fast(VALID, env, monkeypatch)
        assert [d.data for d in docs] == expected
        objects: dict[str, set] = {}
        files: dict[str, set] = {}
        for doc in docs:
            for s in strings(doc.data, []):
                if len(s) <= cache.SHARED_LEN:
                    objects.setdefault(s, set()).add(id(s))
                    files.setdefault(s, set()).add(doc.rel)
        assert sum(len(f) > 1 for f in files.values()) > 50  # ("date", "unit", "2025-09-01" …)
        assert {s: len(ids) for s, ids in objects.items() if len(ids) > 1} == {}


def test_the_quick_path_interns_the_short_strings_as_it_reads_them_and_packing_walks_them_no_more(tmp_path):
    """The quick path's one walk of a file's values (counting them against rapidyaml's tree) also
    interns each key and each string of at most cache.SHARED_LEN characters: the values it gives
    already share them with every other file's, and the loading processes pack them as they are,
    without a second walk that made a copy of every mapping (≈10 µs a ledger).  The full loader's
    values are interned when packed, as before."""
    from generator import quickload

    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    ledger = next(root.glob("ledgers/*/*.yaml"))
    raw = ledger.read_bytes()
    data = quickload.values(raw)
    assert data == load._parse(raw, "x.yaml").data

    def strings(value):
        if type(value) is dict:
            for k, v in value.items():
                yield k
                yield from strings(v)
        elif type(value) is list:
            for v in value:
                yield from strings(v)
        elif type(value) is str:
            yield value

    short = [s for s in strings(data) if len(s) <= cache.SHARED_LEN]
    assert len(short) > 20 and all(sys.intern(s) is s for s in short)

    doc, found = load.load_file(ledger, root)
    assert doc.quick and found == []
    assert cache.pack(doc, found, False)[3] is doc.data  # packed as read: no second walk
    slow = load.Document(file=doc.file, rel=doc.rel, kind=doc.kind)
    slow.data = load._parse(raw, doc.file).data
    packed = cache.pack(slow, [], False)[3]
    assert packed == data and all(sys.intern(s) is s for s in strings(packed) if len(s) <= cache.SHARED_LEN)


def _validated(records: Path, env: dict, monkeypatch):
    from generator.pipeline import validate_records

    _settings(env, monkeypatch)
    rs, findings = validate_records(records)
    return rs, [(f.sort_key(), f.message_en, f.hint_zh, f.hint_en, f.severity, f.data) for f in findings]


def test_a_warm_validate_reads_no_ledger_values_and_they_are_there_when_asked(tmp_path, monkeypatch):
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}
    cold_rs, cold = _validated(root, env, monkeypatch)
    warm_rs, warm = _validated(root, env, monkeypatch)
    assert warm == cold == []
    ledgers = [d for d in warm_rs.docs if d.kind == "ledger"]
    assert len(ledgers) == 3
    assert all(d._later is not None for d in ledgers), "a warm validate asked a ledger's values"
    assert [d.data for d in ledgers] == [d.data for d in cold_rs.docs if d.kind == "ledger"]
    assert all(led.get("cadre") == stem for (_period, stem), led in warm_rs.ledgers.items())


def test_the_ledgers_references_kept_between_runs_follow_every_file_they_depend_on(tmp_path, monkeypatch):
    """Each ledger's references are kept between runs (cache.FileMemo): a change to another file
    that they depend on (a class, a cadre, the policy, another ledger's feedback item) gives,
    warm, exactly the findings of a run without any cache; and undone, none again."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cached = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}
    assert _validated(root, cached, monkeypatch)[1] == []
    changes = [
        ("classes/2024.yaml", "id: cs-2024-01", "id: cs-2024-91", "E-REF-001"),  # a contact point a ledger names
        ("policy.yaml", "座谈交流, ", "", "E-REF-005"),  # a word a ledger uses
        ("ledgers/2025-H2/zhang-wei.yaml", "id: 2025h2-zhang-wei-1", "id: 2025h2-zhang-wei-9", "E-REF-006"),
    ]
    for rel, old, new, code in changes:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        expected = _validated(root, {"CONTACT_LEDGER_CACHE": "0"}, monkeypatch)[1]
        assert code in {f[0][3] for f in expected}
        assert _validated(root, cached, monkeypatch)[1] == expected, rel
        assert _validated(root, cached, monkeypatch)[1] == expected, rel  # and warm again
        path.write_text(text, encoding="utf-8")
        assert _validated(root, cached, monkeypatch)[1] == []
    # an archived period's manifest recording a status the policy has since deleted: the E-REF-005 of a ledger that
    # still holds it names the status of its meaning now (references._deleted_status), kept or not
    policy = root / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("{name: 已上报,", "{name: 已报送,"), encoding="utf-8")
    assert _validated(root, cached, monkeypatch)[1]
    (root / "archive").mkdir()
    (root / "archive" / "2025-H1.yaml").write_text(
        'period: 2025-H1\narchived_on: "2025-09-10"\ndue: "2025-06-30"\nfeedback_statuses:\n'
        + "".join(f"  - {{name: {n}, meaning: {m}}}\n" for n, m in (("待处理", "open"), ("处理中", "in_progress"),
                                                                    ("已上报", "escalated"), ("已解决", "resolved")))
        + "ledgers: []\n", encoding="utf-8")
    expected = _validated(root, {"CONTACT_LEDGER_CACHE": "0"}, monkeypatch)[1]
    assert any("2025-H1 备案时它的含义是 escalated" in f[2] for f in expected), expected
    assert _validated(root, cached, monkeypatch)[1] == expected
    (root / "cadres" / "chen-gang.yaml").unlink()  # the cadre a ledger is named after
    expected = _validated(root, {"CONTACT_LEDGER_CACHE": "0"}, monkeypatch)[1]
    assert any(f[0][3] == "E-REF-001" and f[0][0].endswith("ledgers/2025-H2/chen-gang.yaml") for f in expected)
    assert _validated(root, cached, monkeypatch)[1] == expected


def _checked(records: Path, env: dict, monkeypatch):
    import datetime as dt

    from generator.check import run_checks

    rs, found = _validated(records, env, monkeypatch)
    result = run_checks(rs, dt.date(2026, 11, 28))
    return rs, found + [(f.sort_key(), f.message_en, f.severity, f.data) for f in result.findings], result.data


def test_a_warm_check_reads_no_ledger_values_and_follows_every_change_to_a_ledger(tmp_path, monkeypatch):
    """The policy rules read what they need of each ledger from its facts (check/facts.py), kept
    between runs by the ledger's SHA-256: a warm `check` reads no ledger's values, and a change
    to a ledger — an activity's date, a contact point, a feedback item — gives, warm, exactly the
    findings and tables of a run without any cache; and undone, those of before."""
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    cached = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}
    before = _checked(root, cached, monkeypatch)[1:]
    warm_rs, *warm = _checked(root, cached, monkeypatch)
    assert tuple(warm) == before
    assert [d.rel for d in warm_rs.docs if d.kind == "ledger" and d._later is None] == [], \
        "a warm check read a ledger's values"
    assert before[1]["feedback"] and before[1]["semester_matrix"]["rows"]
    changes = [
        ('date: "2025-11-12"\n    form', 'date: "2026-12-01"\n    form', "E-CHK-006"),  # a date after --today
        ("contact_points: [cs-2025-01]", "contact_points: [cs-2025-01, cs-2024-01]", "E-CHK-005"),  # not held
        ("status: 已上报", "status: 已解决", "E-CHK-011"),  # resolved, but with no resolution
    ]
    path = root / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new, code in changes:
        assert text.count(old) == 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        expected = _checked(root, {"CONTACT_LEDGER_CACHE": "0"}, monkeypatch)[1:]
        assert code in {f[0][3] for f in expected[0]}, code
        assert _checked(root, cached, monkeypatch)[1:] == expected, code
        assert _checked(root, cached, monkeypatch)[1:] == expected, code  # and warm again
        path.write_text(text, encoding="utf-8")
        assert _checked(root, cached, monkeypatch)[1:] == before


@pytest.mark.parametrize("workers", ["1", "2"])
def test_the_assignment_rows_lines_come_with_a_cold_load_and_no_file_is_parsed_again(tmp_path, monkeypatch, workers):
    """The checks list every assignment row with its line (the contact points' table): in a cold
    run the loading processes keep the assignment files' positions as they parse them, so that
    this process does not parse each file again to place its rows (at 12k: five files of 850
    rows).  Shown by removing the files once loaded: every row still has the line and column a
    parse of the bytes gives, and its fields theirs; a validate (nothing asked) keeps none."""
    from generator import pipeline

    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    files = sorted((root / "assignments").glob("*.yaml"))
    parsed = {f"assignments/{f.name}": load._parse(f.read_bytes(), str(f)) for f in files}
    _settings({"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": workers,
               "CONTACT_LEDGER_PARALLEL_MIN": "1"}, monkeypatch)

    def placed(rs):
        for f in files:
            f.unlink()
        return [(row.doc.rel, row.path, row.pos(), row.pos("start"), row.pos("class")) for row in rs.assignments]

    rs, _found, rows = pipeline.validate_records_and(root, placed, checks=True)
    assert len(rows) >= 3
    for rel, path, at, start_at, point_at in rows:
        where = parsed[rel]
        assert (at, start_at, point_at) == (where.positions[path], where.positions[path + ("start",)],
                                          where.positions.get(path + ("class",), where.positions[path])), path
    shutil.copytree(VALID, root, dirs_exist_ok=True)  # (a validate: no file asked where, none kept)
    _settings({"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": workers, "CONTACT_LEDGER_PARALLEL_MIN": "1"},
              monkeypatch)
    assert all(d.placed is None for d in pipeline.validate_records(root)[0].docs)


@pytest.mark.parametrize("records", ["demo", "corpus"])
def test_the_assignment_files_positions_are_a_parse_s_and_their_values_are_not_built_again(
        tmp_path, monkeypatch, records):
    """The loading process keeps the positions of an assignment file whose values the quick path read
    by a pass that builds no values, no spans and no key positions (fastload.positions; the values
    were built once): on the demo's and a generated corpus's assignment files, every row's and every
    field's position is the one the whole parse (Document.where) gives, with the files removed once
    loaded (none is parsed again here), with one loading process and with two; and every key's, asked
    as a finding asks it, is the parse's too (the file read then: the first key read only as far as it)."""
    from generator import fastload, pipeline

    root = tmp_path / "records"
    if records == "demo":
        demo_records(root)
    else:
        subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "120", "--seed", "3", "--out", str(root)],
                       cwd=REPO, check=True, capture_output=True)
    kept = {f: f.read_bytes() for f in sorted((root / "assignments").glob("*.yaml"))}
    parsed = {f"assignments/{f.name}": fastload.parse(raw, str(f)) for f, raw in kept.items()}
    assert len(kept) >= 2 and all(parsed.values())
    texts = {raw.decode("utf-8") for raw in kept.values()}
    built = []  # (the texts whose values were built in this process)
    monkeypatch.setattr(fastload, "_build",
                        lambda text, *rest, _build=fastload._build: built.append(text) or _build(text, *rest))

    def asked(rs):
        for f in kept:
            f.unlink()
        docs = {row.doc.rel: row.doc for row in rs.assignments}
        rows = [(row.doc.rel, row.path + (field,), row.pos(field)) for row in rs.assignments for field in row.data]
        placing = list(built)  # (the keys below are read from the files then)
        for f, raw in kept.items():
            f.write_bytes(raw)
        first = [(doc.key_pos(("assignments", 0, "start")), doc.located) for doc in docs.values()]
        keys = [(row.doc.rel, row.path + (field,), row.key_pos(field)) for row in rs.assignments for field in row.data]
        return docs, rows, placing, first, keys

    for workers in ("1", "2"):
        shutil.rmtree(tmp_path / "cache", ignore_errors=True)
        _settings({"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": workers,
                   "CONTACT_LEDGER_PARALLEL_MIN": "1"}, monkeypatch)
        built.clear()
        rs, _found, (docs, rows, placing, first, keys) = pipeline.validate_records_and(root, asked, checks=True)
        assert not texts & set(placing), "an assignment file's values were built again for its positions"
        assert sorted(docs) == sorted(parsed)
        for rel, doc in docs.items():
            assert doc.placed == parsed[rel].positions, rel
        assert len(rows) > 3 * len(rs.assignments) >= 6
        for rel, path, at in rows:
            assert at == parsed[rel].positions[path], (rel, path)
        assert len(first) == len(kept) and not any(located for _at, located in first), "parsed whole for one key"
        for rel, path, key_at in keys:
            assert key_at == parsed[rel].keys[path], (rel, path)
    _settings({"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}, monkeypatch)  # (nothing placed)
    start = ("assignments", 0, "start")
    for doc in [d for d in pipeline.validate_records(root)[0].docs if d.kind == "assignments"]:
        assert doc.quick and doc.key_pos(start) == parsed[doc.rel].keys[start] and not doc.located, doc.rel


def _checked_as_check_runs(records: Path, env: dict, monkeypatch, checks: bool = True):
    """(the record set, the findings and the tables of a `check` of `records` on 2026-12-02) as the
    command loads them — `checks`: the loading processes work out each ledger's facts — or, not
    `checks`, as the rules work them all out here (facts.of_ledger)."""
    import datetime as dt

    from generator import pipeline
    from generator.check import run_checks

    _settings(env, monkeypatch)
    day = dt.date(2026, 12, 2)
    rs, found, result = pipeline.validate_records_and(records, lambda rs: run_checks(rs, day), day, checks=checks)
    return rs, [(f.sort_key(), f.message_en, f.severity, f.data) for f in found + result.findings], result.data


def _generated(root: Path) -> None:
    subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "120", "--seed", "3", "--out", str(root)],
                   cwd=REPO, check=True, capture_output=True)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_ledger_s_facts_are_worked_out_once_by_its_loading_and_never_after_it(tmp_path, monkeypatch, workers):
    """What the policy rules read of each ledger (check/facts.py) is worked out by the process that
    loads the ledger, which has its values in hand, and given back with its result: a cold `check`
    works out each ledger's facts once, while the ledgers load (in whichever process loads it: this one
    with one loading process, and for the groups it loads itself with two), and none after the load —
    no facts.of_ledger, here or in the checks' copies (at 12k a quarter of the checks' time, before
    their copies fork: bench/HISTORY.md item 51); a warm one works none out (the facts kept); one after
    a ledger was edited, that ledger's alone, while loading.  Every call of of_values and of_ledger in
    any process is recorded with its process and phase (the load, or the checks once run_checks is
    called).  Each run gives the findings and tables of a run that works every ledger's facts out
    here, without a cache."""
    import generator.check as checking
    from generator.check import facts

    root = tmp_path / "records"
    _generated(root)
    log, pid, phase = tmp_path / "facts.log", os.getpid(), ["load"]

    def recorded(name, of):  # (a line per call, from this process and its forked copies alike)
        def call(values, parse):
            key = values.data if name == "of_ledger" else values
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps([name, os.getpid() == pid, phase[0], key.get("period"), key.get("cadre")]) + "\n")
            return of(values, parse)
        return call

    def calls():
        said = [tuple(json.loads(line)) for line in log.read_text(encoding="utf-8").splitlines()] if log.exists() else []
        log.unlink(missing_ok=True)
        return said

    monkeypatch.setattr(facts, "of_ledger", recorded("of_ledger", facts.of_ledger))
    if hasattr(facts, "of_values"):
        monkeypatch.setattr(facts, "of_values", recorded("of_values", facts.of_values))
    run_checks = checking.run_checks
    monkeypatch.setattr(checking, "run_checks", lambda *a, **k: phase.__setitem__(0, "checks") or run_checks(*a, **k))

    def checked(env, checks=True):
        phase[0] = "load"
        return _checked_as_check_runs(root, env, monkeypatch, checks=checks)

    reference = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}
    rs, *expected = checked(reference, checks=False)
    expected = tuple(expected)
    every = sorted(rs.ledgers)
    here = calls()  # (the reference: every one here, by the rules)
    assert sorted((p, c) for name, main, when, p, c in here if name == "of_ledger" and main and when == "checks") == every
    assert len(every) >= 300 and expected[1]["feedback"]
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": workers,
           "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    assert checked(env)[1:] == expected
    cold = calls()
    assert not [c for c in cold if c[0] == "of_ledger" or c[2] != "load"], "a cold check worked facts out after the load"
    assert sorted((p, c) for _name, _main, _when, p, c in cold) == every, "not once per ledger, while loading"
    if workers == "1":
        assert all(main for _name, main, *_ in cold)  # (one loading process: this one)
    assert checked(env)[1:] == expected
    assert calls() == [], "a warm check worked ledgers' facts out"
    ledger = sorted(root.glob("ledgers/2026-H1/*.yaml"))[0]
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("date: 2026-", "date: 2025-", 1), encoding="utf-8")
    edited = checked(reference, checks=False)[1:]
    assert edited != expected
    calls()
    assert checked(env)[1:] == edited
    after = calls()
    assert after and not [c for c in after if c[0] == "of_ledger" or c[2] != "load"], after
    assert {(p, c) for _name, _main, _when, p, c in after} == {("2026-H1", ledger.stem)}, after


def test_the_loading_processes_ask_the_quick_paths_switches_once_a_group_not_once_a_file(tmp_path, monkeypatch):
    """Whether the quick path and the fast validator are on (CONTACT_LEDGER_FAST, read from the environment)
    was asked, and both modules imported, for every file loaded — ≈4 µs a file of the loading processes'
    ≈200 (bench/HISTORY.md item 69's *left*); now once for each group of files a process loads (every call
    of either `enabled`, in this process and the loading copy, is recorded).  The documents and findings
    are the reference path's either way, and CONTACT_LEDGER_FAST=0 still turns both off."""
    from generator import fastvalidate, quickload

    root = tmp_path / "records"
    _generated(root)
    log, files = tmp_path / "asked.log", len(load.discover(root)[0])

    def recorded(enabled):  # (a line per call, from this process and its forked copy alike)
        def call():
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"{enabled.__module__}\n")
            return enabled()
        return call

    monkeypatch.setattr(quickload, "enabled", recorded(quickload.enabled))
    monkeypatch.setattr(fastvalidate, "enabled", recorded(fastvalidate.enabled))
    expected = reference(root)
    log.unlink(missing_ok=True)
    for env in ({"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"},
                {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}):
        got = fast(root, env, monkeypatch)
        assert_same(got, expected)
        asked = log.read_text(encoding="utf-8").splitlines()
        log.unlink()
        assert files > 400 and got[0][-1].quick
        # (+ the file loaded before the loading copy is made, the records folder's own files after it, and the
        # privacy settings' policy.yaml)
        for module in ("generator.quickload", "generator.fastvalidate"):
            assert 0 < asked.count(module) <= cache.GROUPS + 3, (module, asked.count(module), files)
    off = fast(root, {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0"}, monkeypatch)
    assert_same(off, expected)
    assert not any(doc.quick for doc in off[0])


def test_the_facts_of_a_ledger_are_never_those_of_other_bytes_nor_of_another_policy(tmp_path, monkeypatch):
    """The facts the loading processes give and the cache keeps are a ledger's values' alone, kept
    by the SHA-256 of its bytes: a ledger changed by one byte behind the cache's back (its size and
    modification time as before: only its change time tells), the policy's minimum per semester and
    a semester's first day in the calendar changed between runs — each gives, with the cache, the
    findings and tables of a run that works everything out again without one (and not those of
    before)."""
    root = tmp_path / "records"
    _generated(root)
    time.sleep(cache.SETTLED_NS / 1e9 + 0.2)  # (settled: the statuses are kept and trusted)
    env = {"CONTACT_LEDGER_CACHE": str(tmp_path / "cache"), "CONTACT_LEDGER_WORKERS": "2",
           "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    reference = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_WORKERS": "1"}
    before = _checked_as_check_runs(root, env, monkeypatch)[1:]
    assert before == _checked_as_check_runs(root, reference, monkeypatch, checks=False)[1:]
    ledger = sorted(root.glob("ledgers/2026-H1/*.yaml"))[0]
    old = ledger.stat()
    ledger.write_bytes(ledger.read_bytes().replace(b"date: 2026-", b"date: 2025-", 1))  # (one byte)
    os.utime(ledger, ns=(old.st_atime_ns, old.st_mtime_ns))
    now = ledger.stat()
    assert (now.st_ino, now.st_size, now.st_mtime_ns) == (old.st_ino, old.st_size, old.st_mtime_ns)
    changes = [(None, None, None),
               (root / "policy.yaml", "  min_per_semester: 1\n", "  min_per_semester: 2\n"),
               (root / "calendar.yaml", "        start: 2026-02-23\n", "        start: 2026-04-23\n")]
    for path, was, new in changes:
        if path is not None:
            text = path.read_text(encoding="utf-8")
            assert text.count(was) == 1
            path.write_text(text.replace(was, new), encoding="utf-8")
        expected = _checked_as_check_runs(root, reference, monkeypatch, checks=False)[1:]
        assert expected != before, path
        assert _checked_as_check_runs(root, env, monkeypatch)[1:] == expected, path
        assert _checked_as_check_runs(root, env, monkeypatch)[1:] == expected, path  # (and warm)
        before = expected


def _written_otherwise(seed: int, count: int):
    """Random ledger-like documents as another university's tools write them: list items holding a space written
    on one line and on two (`- Python 编程学习`, `- Python` and `编程学习` under it), quoted, in a flow list, as
    block scalars, with comments, CRLF, `---` and `...`, saved with and without the final line break."""
    import random

    rnd = random.Random(seed)
    words = ["Python", "编程学习", "主题班会", "第二次", "a", "b", "x", "Q&A", "好", "1", "2026-04-20"]
    sep = ["\n    ", "\n      ", "  \n    ", "\n  ", "\n"]

    def spaced():
        return " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 3)))

    items = [lambda: spaced(), lambda: spaced(), lambda: rnd.choice(words) + rnd.choice(sep) + rnd.choice(words),
             lambda: rnd.choice(words), lambda: f'"{spaced()}"', lambda: f"'{rnd.choice(words)}{rnd.choice(sep)}{spaced()}'",
             lambda: f"{spaced()} # 备注 {spaced()}", lambda: f"|\n      {spaced()}", lambda: f">-\n      {spaced()}\n      x",
             lambda: f"[{spaced()}, {rnd.choice(words)}]", lambda: f"{spaced()}  "]
    lines = [lambda: "topics:\n" + "".join(f"  - {rnd.choice(items)()}\n" for _ in range(rnd.randint(1, 3))),
             lambda: "forms:\n" + "".join(f"- {rnd.choice(items)()}\n" for _ in range(rnd.randint(1, 2))),
             lambda: f"places: [{spaced()}, {rnd.choice(words)}]\n", lambda: f"note: {spaced()}\n",
             lambda: f"summary: |\n  {spaced()}\n", lambda: f"summary: >\n  {spaced()}\n  {spaced()}\n",
             lambda: f"# {spaced()}\n", lambda: f"{rnd.choice(words)}: {spaced()}{rnd.choice(sep)}{spaced()}\n",
             lambda: "students: 12\n", lambda: f"{spaced()}: 1\n"]
    for _ in range(count):
        text = rnd.choice(["", "", "---\n"]) + "cadre: li-na\n" + "".join(rnd.choice(lines)() for _ in range(rnd.randint(1, 4)))
        text += rnd.choice(["", "", "", "...\n", "# 完\n"])
        if rnd.random() < 0.2:
            text = text.replace("\n", "\r\n")
        yield text.encode()
        yield text.encode().rstrip(b"\r\n") + rnd.choice([b"", b"", b" ", b"\r"])


def _quick_as_full(raw: bytes):
    """The quick path's values of `raw` (None: refused), after asserting they are the full loader's, with no finding."""
    from generator import quickload

    quick, decoded = quickload.read(raw)
    if quick is not None:
        full = load._parse(raw, "x.yaml")
        assert not full.problems and repr(quick) == repr(full.data), (raw, quick, full.data, full.problems)
        assert decoded == full.text, raw
        assert_located_alike(raw, full)
    return quick


def test_a_file_saved_without_its_final_line_break_is_read_by_the_quick_path_as_the_full_loader_reads_it():
    """Some editors save a file without its final line break: the full loader reads it as with one, without a
    finding, and so does the quick path now (it refused every such file: a corpus written so was parsed by
    PyYAML on every cold run) — but for a block scalar that ends the file, which rapidyaml would end with a
    line break, and a file ending with a CR."""
    from generator import quickload

    unended = by_c = 0
    with quickload.quiet():
        for raw in _written_otherwise(75, 2500):
            unended += _quick_as_full(raw) is not None and not raw.endswith(b"\n")
            by_c += not raw.endswith(b"\n") and _read_by_c(raw)
    assert unended > 400 and by_c > 50, (unended, by_c)
    for raw, data in ((b"k: 1\nsummary: |\n  x", {"k": 1, "summary": "x"}), (b"k: 1\nsummary: >\n  x\n  # c", {"k": 1, "summary": "x # c"}),
                      (b"k: 1\nsummary: |\n  x\nz: 2", {"k": 1, "summary": "x\n", "z": 2}), (b"k: 1\r\nj: 2\r", {"k": 1, "j": 2}),
                      (b"k: 1\nl:\n- a\n- b", {"k": 1, "l": ["a", "b"]}), (b"k: 1\n... # end", {"k": 1})):
        assert load._parse(raw, "x.yaml").data == data and not load._parse(raw, "x.yaml").problems, raw
        assert quickload.values(raw) == (data if raw.endswith((b"2", b"b", b"end")) else None), raw


def test_a_list_item_holding_a_space_is_read_by_the_quick_path_when_written_on_one_line_only():
    """A topic `Python 编程学习` or an activity `主题班会 第二次` written on one line: the full loader reads it
    without a finding, and so does the quick path now (it refused every list item holding a space); written
    on two lines it reads the same but the full loader reports it (E-YAML-015), so the file still goes there —
    and a quoted item, a flow list's or a block scalar's keep the findings they have."""
    from generator import quickload

    spaced = two_lines = by_c = 0
    with quickload.quiet():
        for raw in _written_otherwise(15, 2500):
            quick = _quick_as_full(raw)
            if quick is not None:
                spaced += any(" " in v for k in ("topics", "forms") if isinstance(quick.get(k), list)
                              for v in quick[k] if isinstance(v, str))
                by_c += _read_by_c(raw)
            elif "E-YAML-015" in {f.code for f in load._parse(raw, "x.yaml").problems}:
                two_lines += 1
    assert spaced > 150 and two_lines > 150 and by_c > 100, (spaced, two_lines, by_c)
    one = "cadre: li-na\ntopics:\n  - Python 编程学习\n  - 主题班会 第二次  # 备注\nforms: [主题班会 第二次, x]\n"
    assert quickload.values(one.encode()) == load._parse(one.encode(), "x.yaml").data
    for two in ("cadre: li-na\ntopics:\n  - Python\n    编程学习\n", "cadre: li-na\ntopics:\n  - Python  \r\n    编程学习\r\n"):
        assert quickload.values(two.encode()) is None
        assert [f.code for f in load._parse(two.encode(), "x.yaml").problems] == ["E-YAML-015"]


def test_a_list_item_of_many_spaces_is_validated_in_seconds_as_the_full_loader_reports_it(tmp_path):
    """A topic of 6,000 spaces (`学 学 … x`: a pasted list, a stuck key) took the quick path's check that it was
    written on one line minutes (every place of the item's start in the file, for each of its spaces: cubic —
    1,000 spaces 0.84 s CPU, 2,000 about 7 s, 6,000 about 3 min); now one search of the file for each of its
    parts at most, and no more than quickload._SEARCHES a file: validate, cold, finishes within 60 s (≈3 s) and
    reports what the full loader's run reports."""
    records = demo_records(tmp_path / "records")
    ledger = records / "ledgers" / "2026-H1" / "bai-taoyu.yaml"
    text = ledger.read_text(encoding="utf-8")
    assert "      - 期末复习备考\n" in text
    ledger.write_text(text.replace("      - 期末复习备考\n", "      - " + "学 " * 6000 + "x\n", 1), encoding="utf-8")
    outputs = []
    for fast, where, timeout in (("1", tmp_path / "cache", 60), ("0", "0", 600)):
        env = {**os.environ, "CONTACT_LEDGER_FAST": fast, "CONTACT_LEDGER_CACHE": str(where)}
        run = subprocess.Popen([sys.executable, "-m", "generator", "validate", "--records", str(records), "--format", "json"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
        try:
            out, err = run.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(run.pid, signal.SIGKILL)  # (its loading processes too)
            run.communicate()
            pytest.fail(f"validate (CONTACT_LEDGER_FAST={fast}) still running after {timeout} s")
        assert "Traceback" not in err, err
        outputs.append((run.returncode, out))
    assert outputs[0] == outputs[1]
