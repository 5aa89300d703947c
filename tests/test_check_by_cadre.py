"""The rules kept per cadre between runs (check/by_cadre.py: the semester matrix, the ledger
table, the ledgers' content and the feedback items' own checks), and each feedback chain's row
kept between runs (check/feedback.py), are never served stale: after
each kind of change a one-ledger pull request makes — a ledger landing in Git with the same
bytes, a ledger edited, removed, a record that is not a ledger edited, another --today or
--strict, the records folder named another way — `check` reports, byte for byte, what it
reports without any cache.  Real records in a real Git repository, through the real command."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from generator.cache import settled
from gitrepo import base, commit, demo_records, init_repo, ledger, write

REPO = Path(__file__).resolve().parent.parent


def _run(records: str, cache, *args: str, cwd: Path = REPO, fmt: str = "json") -> subprocess.CompletedProcess:
    env = {**os.environ, "CONTACT_LEDGER_CACHE": str(cache), "PYTHONPATH": str(REPO)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    args = args if "--today" in args else ("--today", "2026-11-28", *args)
    run = subprocess.run([sys.executable, "-m", "generator", "check", "--records", records, *args,
                          "--format", fmt], capture_output=True, text=True, cwd=cwd, env=env, timeout=60)
    settled(Path(cache))  # (the copies it left writing its cache files: done before the test reads them)
    return run


def _same(records: str, cache: Path, *args: str, cwd: Path = REPO) -> dict:
    """The report with the cache, which must be the report without one (twice: as it is
    worked out, then as it is served)."""
    kept, again, plain = (_run(records, where, *args, cwd=cwd) for where in (cache, cache, "0"))
    assert "Traceback" not in kept.stderr + plain.stderr, kept.stderr + plain.stderr
    assert kept.stdout == plain.stdout == again.stdout, args
    assert kept.returncode == plain.returncode == again.returncode
    return json.loads(plain.stdout)


def _row(report: dict, period: str, cadre: str) -> dict:
    [row] = [r for r in report["ledgers"] if r["period"] == period and r["cadre"] == cadre]
    return row


def _count(report: dict, cadre: str, semester: str) -> int:
    [row] = [r for r in report["semester_matrix"]["rows"] if r["cadre"] == cadre]
    return row["cells"][semester]["count"]


def test_the_rules_kept_per_cadre_follow_git_the_ledgers_the_other_records_and_the_options(tmp_path):
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"]),
                 "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-12"], ("me-2025-01",))})
    commit(repo, "2025-12-20 10:00", "2025-H2")
    records, cache = str(repo / "records"), tmp_path / "cache"
    first = _same(records, cache)
    assert _row(first, "2025-H2", "zhang-wei")["status"] == "on_time"
    assert list(cache.glob("*.by-cadre")), "nothing was kept per cadre"

    # The same bytes, first in the working tree only, then landed in Git late: only Git says which.
    path = repo / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    pending = _same(records, cache)
    assert (_row(pending, "2026-H1", "zhang-wei")["status"], _row(pending, "2026-H1", "zhang-wei")["exists"]) == \
        ("missing", True)
    commit(repo, "2026-07-05 09:00", "2026-H1, late")
    landed = _same(records, cache)
    assert (_row(landed, "2026-H1", "zhang-wei")["status"], _row(landed, "2026-H1", "zhang-wei")["days_late"]) == \
        ("late", 5)

    # The ledger edited: one more activity in the second semester.
    path.write_text(ledger("zhang-wei", "2026-H1", ["2026-03-10", "2026-04-02"]), encoding="utf-8")
    edited = _same(records, cache)
    assert _count(edited, "zhang-wei", "2025-2026-2") == _count(landed, "zhang-wei", "2025-2026-2") + 1

    # A record that is not a ledger: the cadre's name, in every row of theirs.
    cadre = repo / "records" / "cadres" / "zhang-wei.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8").replace("张伟", "张维"), encoding="utf-8")
    renamed = _same(records, cache)
    assert {r["name"] for r in renamed["ledgers"] if r["cadre"] == "zhang-wei"} == {"张维"}

    # Another day, --strict, both.
    for args in (["--today", "2026-03-20"], ["--strict"], ["--today", "2026-03-20", "--strict"]):
        _same(records, cache, *args)

    # The ledger removed.
    path.unlink()
    removed = _same(records, cache)
    assert _row(removed, "2026-H1", "zhang-wei")["exists"] is False

    # The records folder named another way (the missing ledgers' findings name it).
    relative = _same("records", cache, cwd=repo)
    missing = [f["file"] for f in relative["findings"] if f["code"] == "W-CHK-006"]
    assert missing and all(f.startswith("records/ledgers/") for f in missing)
    assert _same(records, cache) == removed


def _chain(report: dict, root: str) -> dict:
    [row] = [r for r in report["feedback"] if r["root"] == root]
    return row


def _feedback(*items: tuple) -> str:
    """Feedback items: (id, follows or None, raised on, status)."""
    out = ""
    for fid, follows, raised, status in items:
        out += f"- id: {fid}\n" + (f"  follows: {follows}\n" if follows else "")
        out += (f"  raised_on: \"{raised}\"\n  kind: 问题\n  category: 学业发展\n"
                f"  description: 学生反映自习室开放时间短。\n  status: {status}\n")
        if status == "已解决":
            out += f"  resolution: 已延长开放时间。\n  resolved_on: \"{raised}\"\n"
    return out


def test_the_feedback_chains_kept_follow_every_ledger_they_link_and_the_other_records(tmp_path):
    """A chain's row depends on ledgers other than its root's: a follow-up that joins it, is
    edited or removed, an id that another ledger holds first, then no longer — and on the policy,
    the units and --today.  After each, `check` reports what it reports without a cache."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {
        "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=_feedback(
            ("zw-1", None, "2025-10-10", "待处理"), ("dup-1", None, "2025-10-12", "待处理"))),
        "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-12"], ("me-2025-01",),
                                                     feedback=_feedback(("ln-1", None, "2025-10-12", "处理中")))})
    commit(repo, "2025-12-20 10:00", "2025-H2")
    records, cache = str(repo / "records"), tmp_path / "cache"
    first = _same(records, cache)
    assert list(cache.glob("*.chains")), "no chain was kept"
    assert (_chain(first, "zw-1")["status"], len(_chain(first, "zw-1")["links"])) == ("待处理", 1)

    # A follow-up in another cadre's later ledger joins zhang-wei's chain: its root's ledger is
    # the same bytes, its row is not.
    later = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    later.parent.mkdir(parents=True, exist_ok=True)
    later.write_text(ledger("li-na", "2026-H1", ["2026-03-10"], ("me-2025-01",), feedback=_feedback(
        ("ln-2", "zw-1", "2026-03-10", "已解决"), ("dup-1", None, "2026-03-12", "待处理"),
        ("ln-3", "dup-1", "2026-03-14", "已解决"))), encoding="utf-8")
    joined = _same(records, cache)
    assert (_chain(joined, "zw-1")["status"], len(_chain(joined, "zw-1")["links"])) == ("已解决", 2)
    assert [link["ledger"] for link in _chain(joined, "dup-1")["links"]] == \
        ["ledgers/2025-H2/zhang-wei.yaml", "ledgers/2026-H1/li-na.yaml"]

    # The follow-up edited, then zhang-wei's dup-1 renamed: li-na's dup-1 is now the first of
    # that id, and its chain is made of li-na's items only.
    later.write_text(later.read_text(encoding="utf-8").replace("已延长开放时间", "已协调图书馆延长开放"), encoding="utf-8")
    _same(records, cache)
    root = repo / "records" / "ledgers" / "2025-H2" / "zhang-wei.yaml"
    root.write_text(root.read_text(encoding="utf-8").replace("id: dup-1", "id: zw-2"), encoding="utf-8")
    moved = _same(records, cache)
    assert [link["ledger"] for link in _chain(moved, "dup-1")["links"]] == \
        ["ledgers/2026-H1/li-na.yaml", "ledgers/2026-H1/li-na.yaml"]

    # Records that are not ledgers, and the day: the unit's name, the overdue limit, --today.
    units = repo / "records" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("计算机学院", "计算机科学学院", 1), encoding="utf-8")
    renamed = _same(records, cache)
    assert _chain(renamed, "zw-2")["unit_name"] != _chain(moved, "zw-2")["unit_name"]
    policy = repo / "records" / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("overdue_days: 60", "overdue_days: 500"),
                      encoding="utf-8")
    assert _chain(_same(records, cache), "zw-2")["overdue"] is False
    assert _chain(_same(records, cache, "--today", "2027-03-01"), "zw-2")["overdue"] is True

    # The follow-up's ledger removed: zhang-wei's chain is one link again.
    later.unlink()
    removed = _same(records, cache)
    assert (_chain(removed, "zw-1")["status"], len(_chain(removed, "zw-1")["links"])) == ("待处理", 1)


def test_the_chains_rows_kept_are_read_with_the_index_written_with_them(tmp_path):
    """The chains' rows are kept in one file after their index, and a pull request's few changed
    rows in a small delta beside it that names that file (check/chain_rows.py).  Ten edits in a
    row, in ledgers that chains span, each as a delta; a ledger added (the main file written
    again); then the last delta put back beside the new main file, as a run that read the old
    one could still write it: it is not used.  After each, every report format is the report
    without a cache."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {
        "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=_feedback(
            ("zw-1", None, "2025-10-10", "待处理"), ("zw-2", None, "2025-10-12", "处理中"))),
        "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], ("me-2025-01",),
                                                     feedback=_feedback(("ln-1", "zw-1", "2026-03-10", "处理中")))})
    commit(repo, "2026-07-20 10:00", "ledgers")
    records, cache = str(repo / "records"), tmp_path / "cache"
    _same(records, cache)
    [main] = cache.glob("*.chains")
    follow_up = repo / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    for n in range(10):
        status = ("已解决", "待处理", "处理中")[n % 3]
        follow_up.write_text(ledger("li-na", "2026-H1", ["2026-03-10"], ("me-2025-01",), feedback=_feedback(
            ("ln-1", "zw-1", "2026-03-10", status))) + f"# {n}\n", encoding="utf-8")
        report = _same(records, cache)
        assert _chain(report, "zw-1")["status"] == status
        assert list(cache.glob("*.chains")) == [main], "a few rows changed: the main file is not written again"
        assert list(cache.glob("*.chains-delta"))
    for fmt in ("markdown", "text"):
        kept, plain = (_run(records, where, fmt=fmt) for where in (cache, "0"))
        assert kept.stdout == plain.stdout and kept.returncode == plain.returncode
    [delta] = cache.glob("*.chains-delta")
    stale = delta.read_bytes()

    added = repo / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    added.write_text(ledger("zhang-wei", "2026-H1", ["2026-03-11"], feedback=_feedback(
        ("zw-3", "zw-2", "2026-03-11", "已解决"))), encoding="utf-8")
    joined = _same(records, cache)
    assert len(_chain(joined, "zw-2")["links"]) == 2
    assert not list(cache.glob("*.chains-delta")), "a ledger added: the main file is written again"
    delta.write_bytes(stale)
    assert _same(records, cache) == joined


def test_a_cold_check_keeps_each_chain_as_its_grouping_gives_it(tmp_path, monkeypatch):
    """A cold check (nothing kept) groups the 20,000 links of the 12k corpus once: feedback.chains_of
    gives each chain's ledgers, its entries and the root's place among them as chain_rows.Kept keeps
    its signature, so no second pass makes them again (bench/HISTORY.md item 57).  A root whose
    follow-up comes first in the ledgers' order (li-na's ledger before zhang-wei's), a chain of one;
    each signature kept is the grouping's, and the warm checks after a cold one, after the follow-up's
    status changed, and after the root's ledger is left out, report what a check without a cache does."""
    import datetime as dt
    import marshal

    from generator.check import feedback
    from generator.check.chain_rows import Kept
    from generator.check.context import Context
    from generator.pipeline import validate_records

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {
        "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=_feedback(
            ("zw-1", None, "2025-10-10", "待处理"), ("zw-2", None, "2025-10-11", "处理中"))),
        "records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-12"], ("me-2025-01",),
                                                     feedback=_feedback(("ln-1", "zw-1", "2025-10-12", "处理中")))})
    commit(repo, "2025-12-20 10:00", "2025-H2")
    records, cache = repo / "records", tmp_path / "cache"
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(cache))
    rs, _ = validate_records(records)
    ctx = Context(rs, dt.date(2026, 11, 28))
    chains = feedback.Parts(ctx)
    chains.rows([], ctx)
    grouped = feedback.chains_of(rs)
    assert sorted((root, entries, first) for root, _leds, entries, first in grouped) == [
        ("zw-1", (("ledgers/2025-H2/li-na.yaml", 0, "zw-1"), ("ledgers/2025-H2/zhang-wei.yaml", 0, None)), 1),
        ("zw-2", (("ledgers/2025-H2/zhang-wei.yaml", 1, None),), 0)]
    kept = Kept(records, ctx.digest_of_others())
    sigs = {kept.root(j): kept.sig(j) for j in range(len(kept.keys))}
    assert sigs == {root: marshal.dumps((entries, first)) for root, _leds, entries, first in grouped}
    for root, leds, entries, _first in grouped:
        assert [led.doc.rel for led in leds] == [rel for rel, _i, _follows in entries], root

    first = _same(str(records), cache)
    assert [link["id"] for link in _chain(first, "zw-1")["links"]] == ["zw-1", "ln-1"]
    follow_up = records / "ledgers" / "2025-H2" / "li-na.yaml"
    follow_up.write_text(ledger("li-na", "2025-H2", ["2025-10-12"], ("me-2025-01",),
                                feedback=_feedback(("ln-1", "zw-1", "2025-10-12", "已解决"))), encoding="utf-8")
    assert _chain(_same(str(records), cache), "zw-1")["status"] == "已解决"
    (records / "ledgers" / "2025-H2" / "zhang-wei.yaml").unlink()
    assert [r["root"] for r in _same(str(records), cache)["feedback"]] == ["ln-1"]


def test_a_cold_check_writes_the_chains_main_file_a_warm_one_writes_again(tmp_path, monkeypatch):
    """A cold check (nothing kept) writes the chains' main file from its new rows at once (chain_rows.Kept.save:
    13,336 rows at 12k, bench/HISTORY.md item 57); a warm check that writes it again from the rows kept
    (a ledger added, then removed: the ledgers are no longer the main file's) writes the same index and
    rows (the same bytes of rows) but its random id, and each serves what a check without a cache reports;
    each row of the cold one is where its span says, with its flags (overdue, not resolved)."""
    import datetime as dt

    from generator.check.chain_rows import Kept
    from generator.check.context import Context
    from generator.pipeline import validate_records

    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {
        "records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"], feedback=_feedback(
            ("zw-1", None, "2025-10-10", "待处理"), ("zw-2", None, "2025-10-11", "已解决"),
            ("zw-3", None, "2025-10-09", "处理中"))),
        "records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], ("me-2025-01",),
                                                     feedback=_feedback(("ln-1", "zw-1", "2026-03-10", "处理中"),
                                                                        ("ln-2", None, "2026-03-12", "待处理")))})
    commit(repo, "2026-07-20 10:00", "ledgers")
    records, cache = str(repo / "records"), tmp_path / "cache"
    cold = _same(records, cache)
    assert [r["root"] for r in cold["feedback"]] == ["zw-3", "zw-1", "zw-2", "ln-2"]
    [main] = cache.glob("*.chains")
    written_cold = _main_file(main)
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(cache))
    rs, _ = validate_records(Path(records))
    kept = Kept(Path(records), Context(rs, dt.date(2026, 11, 28)).digest_of_others())
    assert [kept.root(j) for j in range(len(kept.keys))] == [row["root"] for row in cold["feedback"]]
    for j, row in enumerate(cold["feedback"]):  # (each row where its span says, with its flags)
        assert json.loads(kept.blob[kept.base + kept.spans[2 * j]:kept.base + kept.spans[2 * j + 1]]) == row
        assert kept.flags[j] == (1 if row["overdue"] else 0) | (2 if row["meaning"] != "resolved" else 0)
    kept.blob.close()
    added = repo / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    added.write_text(ledger("zhang-wei", "2026-H1", ["2026-03-11"]), encoding="utf-8")
    _same(records, cache)
    added.unlink()
    assert _same(records, cache) == cold
    written_warm = _main_file(main)
    assert written_warm[1:] == written_cold[1:] and written_warm[0] != written_cold[0]


def _main_file(path: Path) -> tuple:
    """(its id, its index, its rows) of the chains' main file."""
    import marshal

    from generator.check.chain_rows import _HEAD

    blob = path.read_bytes()
    _magic, main_id, length = _HEAD.unpack_from(blob, 0)
    return main_id, marshal.loads(blob[_HEAD.size:_HEAD.size + length]), blob[_HEAD.size + length:]


def test_check_as_of_a_past_day_counts_no_problem_of_a_ledger_that_landed_later(tmp_path):
    """`check --today <past day>` counted the problems of ledgers that landed in Git after that day
    (their chains, 超期 and the report's rows), which the site built as of that day leaves out.
    The chains' rows kept between runs follow the landings: the same bytes in the working tree,
    then landed after the day, are not served as counted."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"],
                                                                  feedback=_feedback(("zw-1", None, "2025-10-10", "处理中")))})
    commit(repo, "2025-12-20 10:00", "张伟 2025-H2")
    write(repo, {"records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-12"], ("me-2025-01",),
                                                              feedback=_feedback(("ln-1", None, "2025-10-12", "待处理")))})
    commit(repo, "2026-01-08 10:00", "李娜 2025-H2, late")
    records, cache = str(repo / "records"), tmp_path / "cache"

    # as of 2026-01-02 李娜's ledger was not there: her problem is neither a row nor 超期
    report = _same(records, cache, "--today", "2026-01-02")
    assert [r["root"] for r in report["feedback"]] == ["zw-1"]
    assert [f["data"]["root"] for f in report["findings"] if f["code"] == "W-CHK-007"] == ["zw-1"]
    assert (report["summary"]["feedback_overdue"], report["summary"]["feedback_open"]) == (1, 1)
    assert {r["root"] for r in _same(records, cache, "--today", "2026-01-09")["feedback"]} == {"zw-1", "ln-1"}

    # a follow-up resolving zw-1 on 2026-03-10, first in the working tree only (counted: not landed
    # yet), then landed on 2026-03-25: as of 03-20 it was not known, zw-1 still 处理中 and 超期
    write(repo, {"records/ledgers/2026-H1/li-na.yaml": ledger("li-na", "2026-H1", ["2026-03-10"], ("me-2025-01",),
                                                              feedback=_feedback(("ln-2", "zw-1", "2026-03-10", "已解决")))})
    pending = _same(records, cache, "--today", "2026-03-20")
    assert (_chain(pending, "zw-1")["status"], _chain(pending, "zw-1")["overdue"]) == ("已解决", False)
    commit(repo, "2026-03-25 10:00", "李娜 2026-H1")
    landed = _same(records, cache, "--today", "2026-03-20")
    assert (_chain(landed, "zw-1")["status"], len(_chain(landed, "zw-1")["links"])) == ("处理中", 1)
    assert _chain(landed, "zw-1")["overdue"] and "ln-2" not in json.dumps(landed["feedback"])
    assert _chain(_same(records, cache, "--today", "2026-03-25"), "zw-1")["status"] == "已解决"


_VALUES_READ = '''import os

from generator import cache

_values = cache.Values.values


def _read(self, rel):
    with open(os.environ["VALUES_READ"], "a", encoding="utf-8") as log:  # (a forked copy's too)
        log.write(rel + "\\n")
    return _values(self, rel)


cache.Values.values = _read
'''


def test_a_warm_one_ledger_check_reads_no_unchanged_ledger_s_values(tmp_path):
    """A pull request that changes one ledger: the warm check reads every other ledger's results from the
    cache, and their values — held in one marshal of every ledger's (cache.Values) — only if a rule asks
    one, which unmarshals them all (at 12k, 2.9 s of an 8.1 s profile: bench/HISTORY.md item 51, 8ffcd19).
    The demo university's 452 ledgers in a Git repository, a cold check, one ledger of a cadre with ledgers
    of other periods changed (a comment line added, as bench/run.py's change) and landed: the warm check,
    the real command in its own process (and its forked copies), asks no cached ledger's values, and
    reports what a check without a cache reports."""
    from startup import started_with

    repo = init_repo(tmp_path / "repo")
    demo_records(repo / "records")
    commit(repo, "2026-11-30 10:00", "记录")
    records, cache, log = str(repo / "records"), tmp_path / "cache", tmp_path / "values-read"
    cold = json.loads(_run(records, cache, "--today", "2026-12-02").stdout)
    periods: dict = {}
    for r in cold["ledgers"]:
        if r["exists"] and r.get("required", True) and r["status"] in ("on_time", "late"):
            periods.setdefault(r["cadre"], []).append(r["period"])
    cadre = min(c for c, ps in periods.items() if len(ps) >= 3)  # (their other ledgers owed, handed in, due)
    changed = repo / "records" / "ledgers" / max(periods[cadre]) / f"{cadre}.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "# 补记\n", encoding="utf-8")
    commit(repo, "2026-12-01 10:00", "台账：补记")
    env = {**os.environ, **started_with(tmp_path / "spy", _VALUES_READ), "VALUES_READ": str(log),
           "CONTACT_LEDGER_CACHE": str(cache)}
    env.pop("CONTACT_LEDGER_DEBUG", None)
    warm = subprocess.run([sys.executable, "-m", "generator", "check", "--records", records, "--today", "2026-12-02",
                           "--format", "json"], capture_output=True, text=True, cwd=REPO, env=env, timeout=120)
    assert "Traceback" not in warm.stderr, warm.stderr[-3000:]
    read = log.read_text(encoding="utf-8").split() if log.exists() else []
    assert read == [], f"{len(read)} ledgers' values read, {read[:5]} …"
    assert warm.stdout == _run(records, "0", "--today", "2026-12-02").stdout
