"""`python -m generator check` as a user runs it: formats, languages, exit codes."""
from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

from generator.cache import settled
from tests.gitrepo import ROOT, base, cadre, check_cli, classes, commit, demo_records, init_repo, ledger, write


def make(tmp_path, n_classes=12):
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/classes/2026.yaml"] = classes(2026, *[(f"cs-2026-{i:02d}", "cs") for i in range(1, n_classes + 1)])
    files["records/cadres/bad.yaml"] = cadre("坏", "cs").replace("active_from", "active_since")
    write(repo, files)
    commit(repo, "2025-08-20 10:00")
    return repo


def test_formats_and_exit_codes(tmp_path):
    repo = make(tmp_path)
    records = repo / "records"
    text = check_cli(records, "--today", "2026-11-28", cwd=repo)
    assert text.returncode == 1  # the schema error in cadres/bad.yaml is a record error
    assert "records/cadres/bad.yaml" in text.stdout and "【新生班级无联系干部】（12）" in text.stdout
    assert "【台账未提交】" in text.stdout and "Traceback" not in text.stderr

    out = check_cli(records, "--today", "2026-11-28", "--format", "json", cwd=repo).stdout
    js = json.loads(out)
    # written by orjson, the same text as the standard library's indented encoder
    assert out == json.dumps(js, ensure_ascii=False, indent=2) + "\n"
    for key in ("findings", "today", "coverage", "assignments", "semester_matrix", "ledgers", "feedback",
                "exemptions", "periods", "summary"):
        assert key in js
    assert js["today"] == "2026-11-28"
    assert [p["id"] for p in js["periods"]] == ["2025-H2", "2026-H1", "2026-H2"]
    assert [p["due_by_today"] for p in js["periods"]] == [True, True, False]
    assert any(f["code"].startswith("E-SCHEMA") or f["code"].startswith("E-") for f in js["findings"])

    gh = check_cli(records, "--today", "2026-11-28", "--format", "github", cwd=repo).stdout
    assert sum(ln.startswith("::warning ") and "title=W-CHK-001::" in ln for ln in gh.splitlines()) == 10
    assert "::notice title=W-CHK-001::" in gh and "另有 2 条 W-CHK-001" in gh

    md = check_cli(records, "--today", "2026-11-28", "--format", "markdown", "--lang", "en", cwd=repo).stdout
    assert "| year | class | unit | uncovered |" in md and "Freshman classes without a cadre" in md

    en = check_cli(records, "--today", "2026-11-28", "--lang", "en", cwd=repo).stdout
    assert "freshman class 'cs-2026-01班'" in en


def test_the_job_summary_puts_the_errors_first_with_how_to_fix(tmp_path):
    """A record error fails the pull request's check step, whose log is empty (check --format markdown
    >> $GITHUB_STEP_SUMMARY): the author found the error only in the last table of the summary, after
    the warnings about other people, without its 怎么改.  The errors come first now, with the hint."""
    repo = make(tmp_path)
    records = repo / "records"
    errors = [f for f in json.loads(check_cli(records, "--today", "2026-11-28", "--format", "json", cwd=repo).stdout)
              ["findings"] if f["severity"] == "error"]
    err = errors[0]
    for lang, title, other in (("zh", "### 记录问题（须改正）", "### 无联系干部的新生班级"),
                               ("en", "### Record errors (must be fixed)", "### Freshman classes without a cadre")):
        run = check_cli(records, "--today", "2026-11-28", "--format", "markdown", "--lang", lang, cwd=repo)
        assert run.returncode == 1
        md = run.stdout
        assert title in md and md.index(title) < md.index(other), md
        section = md.split(title, 1)[1].split("###", 1)[0]
        if lang == "zh":
            assert err["file"] in section and err["code"] in section and err["hint"].replace("|", "\\|").replace("\n", " ") in section, section
        assert section.count("\n| `") == len(errors), section  # (the errors alone, not the warnings)


def test_strict_turns_time_warnings_into_errors(tmp_path):
    repo = make(tmp_path)
    (repo / "records/cadres/bad.yaml").unlink()
    records = repo / "records"
    assert check_cli(records, "--today", "2026-11-28", cwd=repo).returncode == 0
    strict = check_cli(records, "--today", "2026-11-28", "--strict", "--format", "json", cwd=repo)
    assert strict.returncode == 1
    assert {f["severity"] for f in json.loads(strict.stdout)["findings"]} == {"error"}


def test_bad_arguments_exit_2(tmp_path):
    assert check_cli(tmp_path / "nope", "--today", "2026-11-28").returncode == 2
    bad = check_cli(tmp_path, "--today", "28.11.2026")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_json_report_falls_back_for_what_orjson_refuses():
    from generator import report

    value = {"学号": 2**70, "rows": [{"a": "联系"}, []]}
    assert report.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_rows_written_ahead_are_written_out_as_dumps_writes_the_rows(capsysbinary):
    """report.Raw: a list's items written before the report (the feedback chains' rows, kept as
    runs of rows: one row, several joined, a view of a file mapped) come out as dumps writes the
    list: by orjson, by json, and by write_json, which writes the runs as they are."""
    from generator import report

    rows = [{"root": "2025h2-张伟-1", "links": [{"id": 1, "note": None, "ok": True}], "gaps": [], "m": {}}, {},
            {"root": "x", "n": 3}]
    items = [report.item(r) for r in rows]
    raw = report.Raw([report.ITEM_SEP.join(items[:2]), memoryview(b"." + items[2])[1:]])
    for before in ({}, {"学号": 2**70}):  # orjson writes the report; json does (orjson refuses the number)
        value = {**before, "feedback": raw, "after": [1, {"x": "联系"}]}
        expected = json.dumps({**value, "feedback": rows}, ensure_ascii=False, indent=2) + "\n"
        assert report.dumps(value) == expected
        report.write_json(value)
        assert capsysbinary.readouterr().out.decode() == expected
    for empty in ({"feedback": report.Raw([])}, {"a": report.Raw([]), "b": raw}):
        expected = json.dumps({k: [] if not v.items else rows for k, v in empty.items()}, indent=2,
                              ensure_ascii=False) + "\n"
        assert report.dumps(empty) == expected
        report.write_json(empty)
        assert capsysbinary.readouterr().out.decode() == expected
    assert report.item({"n": 2**70}) is None  # a row orjson refuses is kept as its values (chain_rows)


RUNS_OUT = """
import sys
from generator import report

rows = [{"root": f"2025h2-张伟-{i}", "note": "联系" * (i % 7), "links": [{"id": i}]} for i in range(3000)]
items = [report.item(r) for r in rows]
runs = [memoryview(b"." + run)[1:] if i % 3 == 0 else run for i, run in enumerate(items[:2500])]
runs.append(report.ITEM_SEP.join(items[2500:]))  # (one run of several rows, as a warm run's file mapped gives)
report.write_json({"findings": [], "feedback": report.Raw(runs), "after": [1, {"x": "联系"}]})
"""


def test_the_json_report_s_rows_written_to_a_file_or_a_pipe_come_out_whole_and_in_order(tmp_path):
    """write_json writes a Raw list's runs to the output's file descriptor many at a time (os.writev, at most
    IOV_MAX a call): 2,501 runs (more than a call takes), 3,000 rows, ≈0.4 MB (a pipe holds 64 KiB: its reader
    is slower than the writer), each run whole and in order, to a file and to a pipe, as dumps writes them."""
    expected = json.dumps({"findings": [], "feedback": [
        {"root": f"2025h2-张伟-{i}", "note": "联系" * (i % 7), "links": [{"id": i}]} for i in range(3000)],
        "after": [1, {"x": "联系"}]}, ensure_ascii=False, indent=2) + "\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    piped = subprocess.run([sys.executable, "-c", RUNS_OUT], cwd=tmp_path, env=env, capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stdout.decode() == expected, piped.stderr[-2000:]
    with (tmp_path / "out.json").open("wb") as out:
        filed = subprocess.run([sys.executable, "-c", RUNS_OUT], cwd=tmp_path, env=env, stdout=out, timeout=60)
    assert filed.returncode == 0 and (tmp_path / "out.json").read_text(encoding="utf-8") == expected


def test_the_json_report_holds_the_feedback_rows_the_checks_give(tmp_path, monkeypatch):
    """`check --format json` has the feedback chains' rows written as JSON where they are worked
    out (report.Raw): the report still holds exactly the rows of the public API (run_checks), in
    their order, and the summary counts them; on one core and on two."""
    import datetime as dt
    import shutil

    from generator import report
    from generator.check import run_checks
    from generator.pipeline import validate_records

    records = tmp_path / "records"
    demo_records(records)
    monkeypatch.chdir(tmp_path)  # (where the command runs: the files' shown names)
    rs, _ = validate_records(records)
    rows = run_checks(rs, dt.date(2026, 7, 1)).data["feedback"]
    overdue, unresolved = sum(r["overdue"] for r in rows), sum(r["meaning"] != "resolved" for r in rows)
    assert len(rows) > 100 and any(len(r["links"]) > 1 for r in rows) and 0 < overdue < unresolved
    order = [(r["raised_on"] or "", r["root"]) for r in rows]
    assert order == sorted(order)  # oldest first
    raw = run_checks(rs, dt.date(2026, 7, 1), as_json=True).data["feedback"]  # (what `--format json` asks)
    assert isinstance(raw, report.Raw)
    assert report.dumps({"feedback": raw}) == json.dumps({"feedback": rows}, ensure_ascii=False, indent=2) + "\n"
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    for workers in ("1", "2"):
        monkeypatch.setenv("CONTACT_LEDGER_WORKERS", workers)
        out = check_cli(records, "--today", "2026-07-01", "--format", "json", cwd=tmp_path).stdout
        js = json.loads(out)
        assert out == json.dumps(js, ensure_ascii=False, indent=2) + "\n"
        assert json.dumps(js["feedback"], ensure_ascii=False) == json.dumps(rows, ensure_ascii=False)
        assert (js["summary"]["feedback_overdue"], js["summary"]["feedback_open"]) == (overdue, unresolved)


def test_a_json_report_is_written_as_dumps_writes_it_whatever_stdout_encodes():
    """On a UTF-8 stdout orjson's bytes go out as they are (report.write_json); elsewhere the text
    is encoded as stdout says: the same report either way, and what orjson refuses too."""
    import os

    from generator import report

    for value in ({"文件": "ledgers/2025-H2/张伟.yaml", "rows": [1, 2.5, None, True, {}]}, {"学号": 2**70}):
        for encoding in ("utf-8", "gb18030"):
            done = subprocess.run([sys.executable, "-c", f"from generator import report; report.write_json({value!r})"],
                                  capture_output=True, cwd=ROOT, timeout=60,
                                  env={**os.environ, "PYTHONIOENCODING": encoding})
            assert done.returncode == 0, done.stderr
            assert done.stdout == report.dumps(value).encode(encoding), (value, encoding)


def test_the_report_is_the_same_on_one_core_and_two(tmp_path, monkeypatch):
    """check runs the record stages beside the policy checks in a forked copy (forked.both): the same
    report, byte for byte, as one after the other in one process."""
    repo = make(tmp_path)
    write(repo, {"records/cadres/stray.yaml": cadre("某", "no-such-unit")})
    runs = []
    for workers in ("1", "2"):
        monkeypatch.setenv("CONTACT_LEDGER_WORKERS", workers)
        monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
        runs.append(check_cli(repo / "records", "--today", "2026-11-28", "--format", "json", cwd=repo))
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode == 1
    codes = {f["code"] for f in json.loads(runs[1].stdout)["findings"]}
    assert any(c.startswith("E-REF") for c in codes) and any(c.startswith("W-CHK") for c in codes)


FORKED_BOTH = """
import os, threading, time
from generator import forked

os.environ["CONTACT_LEDGER_WORKERS"] = "2"
slow = lambda: time.sleep(0.3) or 0  # (a main() that ends first might take the side itself)
side_pid, here = forked.both(os.getpid, lambda: slow() or "main")
assert here == "main" and side_pid != os.getpid(), "ran in the copy"
plain = {"threads": [{"id": "文-1", "links": [(1, None, True)]}], "n": 2 ** 70, "s": "\\udce9"}
(back, pid), _ = forked.both(lambda: (plain, os.getpid()), slow)
assert back == plain and pid != os.getpid(), "plain values, from the copy (marshal)"
from fractions import Fraction
assert forked.both(lambda: (Fraction(1, 3), os.getpid()), slow)[0] != (Fraction(1, 3), os.getpid()), "pickled"
func, _ = forked.both(lambda: (lambda: 1), lambda: None)  # cannot come back through the pipe: run here
assert func() == 1
parent = os.getpid()

def fails_in_the_copy():
    if os.getpid() != parent:
        raise RuntimeError("only in the copy")
    return "done here"

assert forked.both(fails_in_the_copy, lambda: 2) == ("done here", 2)
stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
assert forked.both(os.getpid, lambda: 0) == (os.getpid(), 0), "another thread alive: no fork"
stop.set()
thread.join()
os.environ["CONTACT_LEDGER_WORKERS"] = "1"
assert forked.both(os.getpid, lambda: 0) == (os.getpid(), 0), "one core wanted: no fork"
os.environ["CONTACT_LEDGER_WORKERS"] = "2"
try:
    forked.both(os.getpid, lambda: 1 / 0)
except ZeroDivisionError:
    pass  # main's error is raised here; the copy is stopped
else:
    raise AssertionError("main's error was lost")
# joined: the side is the first part of the copy main() makes for its own parts, or a copy's made then for it alone
forks, fork = [], os.fork
os.fork = lambda: forks.append(1) or fork()
side_pid, (_, parts) = forked.both(os.getpid, lambda: forked.shared(3, lambda k: os.getpid(), slow), joined=True)
assert side_pid != parent and side_pid in parts and len(forks) == 1, (side_pid, parts, forks)
side_pid, _ = forked.both(os.getpid, lambda: forked.shared(0, None, slow), joined=True)
assert side_pid != parent and len(forks) == 2, "no parts: a copy for the side, when main() would have made one"
assert forked.both(os.getpid, slow, joined=True) == (parent, 0) and len(forks) == 2, "no copy made: the side here, after"
assert forked.both(fails_in_the_copy, lambda: forked.shared(2, lambda k: k, slow), joined=True) == ("done here", (0, [0, 1]))
print("ok")
"""


FORKED_SHARED = """
import os, time
from generator import forked

os.environ["CONTACT_LEDGER_WORKERS"] = "2"
parent = os.getpid()

def work(k):
    time.sleep(0.01)
    return k * k, os.getpid()

here, out = forked.shared(100, work, lambda: time.sleep(0.3) or "main")
assert here == "main" and [v for v, _ in out] == [k * k for k in range(100)], out
pids = [p for _, p in out]
assert pids[0] != parent, "the copy takes parts at once"
assert len(set(pids)) == 2 and pids.count(parent) >= 10, "and this process the rest, once main() is done"

def fails_in_the_copy(k):
    if os.getpid() != parent and k == 5:  # (the copy takes the first parts)
        raise RuntimeError("only in the copy")
    return work(k)

here, out = forked.shared(100, fails_in_the_copy, lambda: time.sleep(0.3) or "main")
assert [v for v, _ in out] == [k * k for k in range(100)]
assert out[5][1] == parent and out[0][1] != parent, "what the copy did not finish is worked out here"
assert forked.shared(0, work, lambda: "main") == ("main", [])
assert forked.shared(forked.MAX_PARTS + 1, lambda k: k, lambda: 1) == (1, list(range(forked.MAX_PARTS + 1)))
print("ok")
"""


def test_forked_shared_parts_go_to_the_copy_at_once_and_to_this_process_after_main():
    run = subprocess.run([sys.executable, "-c", FORKED_SHARED], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-2000:]


def test_forked_both_runs_the_side_in_a_copy_and_falls_back_here():
    """In a fresh interpreter (this one may hold other tests' threads, which rightly stop a fork)."""
    run = subprocess.run([sys.executable, "-c", FORKED_BOTH], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-2000:]


FORKED_ASIDE = """
import os, sys, threading, time
from pathlib import Path
from generator import forked

os.environ["CONTACT_LEDGER_WORKERS"] = "2"
out = Path(sys.argv[1])

def slow_write(name):
    def write():
        time.sleep(0.5)
        (out / name).write_text(str(os.getpid()))
    return write

began = time.monotonic()
forked.aside(slow_write("waited"))
assert time.monotonic() - began < 0.4 and not (out / "waited").exists(), "written while this process goes on"
forked.wait()
assert int((out / "waited").read_text()) != os.getpid(), "by a copy; waited for"
stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
forked.aside(slow_write("here"))
assert int((out / "here").read_text()) == os.getpid(), "another thread alive: written here, at once"
stop.set()
thread.join()
# In a copy (the references' stage of `check`, which ends with os._exit and waits for nothing),
# aside writes there and then: a copy of the copy would outlive it, and this process.
(pid_in_copy, _written), _ = forked.both(lambda: (os.getpid(), forked.aside(slow_write("in-copy"))),
                                         lambda: time.sleep(0.3))  # (the copy takes the side first)
assert int((out / "in-copy").read_text()) == pid_in_copy != os.getpid(), "a copy writes itself"
forked.aside(slow_write("at-exit"))  # this process ends first: it waits for the copy
print("ok", os.getpid())
"""


def test_forked_aside_writes_in_a_copy_that_the_process_waits_for_before_it_ends(tmp_path):
    """forked.aside (the cache file written while the checks run): the copy is waited for by
    `wait` and at exit, so a command's files are all written when it ends; with another thread
    alive, or in a copy itself, it writes there and then."""
    said, errors = tmp_path / "said", tmp_path / "errors"  # (files, not pipes: the copy would hold a pipe open)
    with said.open("w") as out, errors.open("w") as err:
        run = subprocess.run([sys.executable, "-c", FORKED_ASIDE, str(tmp_path)], cwd=ROOT, stdout=out, stderr=err,
                             timeout=60)
    ok, pid = (said.read_text().split() + ["", ""])[:2]
    assert run.returncode == 0 and ok == "ok", errors.read_text()[-2000:]
    assert (tmp_path / "at-exit").read_text() not in ("", pid), "written by the copy before the process ended"


def _check_noting_copies(setup: str, caller: str) -> str:
    """A script running `check` with its arguments, `setup` done first, that writes on stderr what each
    copy of the process it made is noted as (`caller`: an expression, in the process about to fork)."""
    return f"""
import atexit, os, sys, traceback
made = []
atexit.register(lambda: sys.stderr.write(" ".join(made)))  # (registered first, run last: after forked.wait's writes)
sys.argv[1:1] = ["check"]
from generator import cache, cli
{setup}
fork = os.fork

def counted():
    caller = {caller}
    pid = fork()
    if pid:
        made.append(caller)
    return pid

os.fork = counted
code = cli.main(sys.argv[1:])
made.append("|")  # (the report written)
cli.finish(code)
"""


COPY_MADE_BY = """(lambda names: names[-2] if names[-1] == "_behind" else names[-1])(
    [f.name for f in traceback.extract_stack() if f.filename.endswith("forked.py")])  # (shared; aside, holding, _ending)"""
CHECK_COPIES = _check_noting_copies("""
cache.ASIDE_MIN = int(os.environ.get("ASIDE_MIN", 1))  # (1: every cache file written aside, as a big corpus's are)
write, main = cache.write_cache_file, os.getpid()

def noted(path, *args, **kwargs):  # (which process wrote each of cache.py's files)
    if os.getpid() == main:
        made.append("here:" + path.suffix)
    return write(path, *args, **kwargs)

cache.write_cache_file = noted
""", COPY_MADE_BY)


def _cold_demo_check(tmp_path, script: str, **more) -> tuple:
    """(the run, its environment, its arguments) of `script` (a check noting its copies) on the generated demo
    in tmp_path, cold: its cache an empty folder there, two processes; `more`: other variables."""
    records = tmp_path / "records"
    demo_records(records)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CONTACT_LEDGER_CACHE": str(tmp_path / "cache"),
           "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1", **more}
    args = ["--records", str(records), "--today", "2026-12-02", "--format", "json"]
    return _noting(script, args, env, tmp_path), env, args


def _noting(script: str, args: list, env: dict, cwd) -> subprocess.CompletedProcess:
    """The run of `script`, once the copies it left writing its cache files are done (cache.settled)."""
    run = subprocess.run([sys.executable, "-c", script, *args], cwd=cwd, env=env, capture_output=True, text=True,
                         timeout=300)
    settled(Path(env["CONTACT_LEDGER_CACHE"]))
    return run


def test_a_cold_check_writes_its_cache_files_by_the_copies_it_makes_anyway(tmp_path):
    """A cold `check` wrote each big cache file (the load's results, the facts, the chains' rows …) by a
    copy of its own, made while the checks ran: each copy costs the process its pages again (12k
    ledgers: ≈20,000 pages copied after each).  The copies made for the record stages and for the
    checks' parts now write those given meanwhile once their parts are done, and one copy the rest:
    the same report, every cache file written, and a warm run served from them.  And the record stages
    and the checks' parts made a copy each: the record stages are now the first part of the checks' parts'
    copy (forked.both's `joined`): two copies for parts (the loader's, the checks'), not three."""
    cold, env, args = _cold_demo_check(tmp_path, CHECK_COPIES)
    made = cold.stderr.split()
    assert cold.returncode == 0 and made.count("shared") == 2, made
    assert not {"aside", "holding"} & set(made), f"no copy only to write while it runs: {made}"
    assert not {"here:.marshal", "here:.statuses", "here:.facts"} & set(made), f"written by the copies: {made}"
    kinds = {p.suffix for p in (tmp_path / "cache").iterdir()}
    assert {".marshal", ".facts", ".chains", ".by-cadre"} <= kinds, kinds
    plain = subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=tmp_path, capture_output=True,
                           text=True, env={**env, "CONTACT_LEDGER_CACHE": "0"}, timeout=300)
    warm = _noting(CHECK_COPIES, args, env, tmp_path)
    assert cold.stdout == warm.stdout == plain.stdout and json.loads(cold.stdout)["findings"]
    assert "aside" not in warm.stderr.split(), "the warm run found every file written: nothing to write again"


def test_a_cold_check_makes_no_copy_only_to_write_the_chains_rows_it_writes_them_after_its_report(tmp_path):
    """A cold `check` made a copy of itself at the end of the checks only to write the chains' rows, the
    last process the command waited for (at 12k 0.05–0.9 s after the report: its fork, ≈23,000 pages of the
    main process's touched, the report's pages copied again after it): now the cache files still to write
    then — the chains' rows, the cadres' results — are left for the command's end (forked.holding's `last`),
    and written by one copy made then, which outlives it (forked._ending: the command waits for none).  The
    demo's chains (ASIDE_MIN 200: big, as a big corpus's are) and the cadres' written by that copy, not by
    the main process, the loader's and the checks' copies made while it ran, and a warm run served from them,
    the same report."""
    cold, env, args = _cold_demo_check(tmp_path, CHECK_COPIES, ASIDE_MIN="200")
    made = cold.stderr.split()
    assert cold.returncode == 0 and made.count("shared") == 2 and not {"aside", "holding"} & set(made), made
    assert made[made.index("|"):] == ["|", "_ending"] and not {"here:.chains", "here:.by-cadre"} & set(made), made
    kinds = {p.suffix for p in (tmp_path / "cache").iterdir()}
    assert {".chains", ".by-cadre"} <= kinds, kinds
    warm = _noting(CHECK_COPIES, args, env, tmp_path)
    assert warm.stdout == cold.stdout and "aside" not in warm.stderr.split(), warm.stderr
    assert not {"here:.chains", "here:.by-cadre"} & set(warm.stderr.split()), "the warm run read them: nothing written"


GATED_COPIES = _check_noting_copies("""
cache.ASIDE_MIN = 200  # (the demo's chains' rows big, as a big corpus's are: left for the command's end)
write, main, gate = cache.write_cache_file, os.getpid(), os.environ.get("GATE")

def gated(path, *args, **kwargs):  # (a copy's chains' rows wait until the test opens the FIFO `gate` to write)
    if gate and os.getpid() != main and path.suffix == ".chains":
        open(gate).close()
    if os.getpid() == main:
        made.append("here:" + path.suffix)
    return write(path, *args, **kwargs)

cache.write_cache_file = gated
""", COPY_MADE_BY)


def _waits_on(lock: Path, pid: int, run: subprocess.Popen) -> bool:
    """Whether process `pid` comes to wait for the lock on `lock` (Linux's /proc/locks: ' -> ' before a waiter),
    asked until it does or the run has ended."""
    inode = f":{lock.stat().st_ino} "
    while run.poll() is None:
        for line in Path("/proc/locks").read_text().splitlines():
            if " -> FLOCK " in line and inode in line and int(line.split()[5]) == pid:
                return True
        os.sched_yield()
    return False


def test_a_command_ends_with_its_report_the_copy_it_leaves_finishes_the_cache_the_next_command_waits_for_it(tmp_path):
    """A cold `check` waited, before it ended, for every copy of itself still writing cache files (at 12k
    0.13–0.32 s between its report and its end).  Now its caller gets the report, the end of its output and its
    exit status as soon as the report is out, while the copy it left (forked._ending) writes the rest — its
    standard streams on /dev/null — holding a lock in the cache folder until it is done; a command started then
    waits on that lock before it reads there (cache.settled), and reads the finished files.  The copy made to
    wait here (the chains' rows, written once a FIFO is opened): the cold run returned, the rows not written
    and the copy's lock there; a warm run waits on that lock until the copy goes on, and then reads every file
    written, writing none again, the same report."""
    records, cache_dir, gate = tmp_path / "records", tmp_path / "cache", tmp_path / "gate"
    demo_records(records)
    os.mkfifo(gate)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CONTACT_LEDGER_CACHE": str(cache_dir),
           "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1"}
    command = [sys.executable, "-c", GATED_COPIES, "--records", str(records), "--today", "2026-12-02", "--format", "json"]
    cold = subprocess.run(command, env={**env, "GATE": str(gate)}, cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    made = cold.stderr.split()
    assert cold.returncode == 0 and json.loads(cold.stdout)["findings"] and made[-1] == "_ending", made
    [lock] = cache_dir.glob(".writing-*")
    assert not list(cache_dir.glob("*.chains")), "the chains' rows are still to write, by the copy left at the gate"
    warm = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _waits_on(lock, warm.pid, warm), "the next command waits for the copy still writing"
    finally:
        with open(gate, "w"):  # (the copy goes on)
            pass
    out, err = warm.communicate(timeout=300)
    assert warm.returncode == 0 and out == cold.stdout, err[-2000:]
    assert not [m for m in err.split() if m.startswith("here:") or m in ("_ending", "aside")], err
    assert list(cache_dir.glob("*.chains")) and not list(cache_dir.glob(".writing-*"))


STAGES_COPY = _check_noting_copies("""
from generator.check.by_cadre import ByCadre

ByCadre.SHARE_MIN = int(os.environ["SHARE_MIN"])  # (the runner's rule: cadres to work out worth a copy)
""", '"in-checks" if any(f.name == "run_checks" for f in traceback.extract_stack()) else "before"')


def test_the_record_stages_wait_for_the_checks_copy_only_when_the_runner_will_share_its_parts(tmp_path):
    """A cold `check` runs the record stages (references, privacy, archive) as the first part of the copy
    the checks make for their parts (forked.both's `joined`); the pipeline guessed whether that copy would
    be made from a number of its own (64 ledgers loaded), beside the runner's rule (ByCadre.SHARE_MIN): now
    the runner says it (runner.shares_parts).  With a rule the demo's 452 ledgers do not meet, the checks
    share nothing and the stages get their copy at once, before the checks begin; with the demo's own, the
    stages wait for the checks' copy, made in the checks — the same report either way."""
    records = demo_records(tmp_path / "records")  # (not records/: a university's clone holds its own there)
    args = ["--records", str(records), "--today", "2026-12-02", "--format", "json"]
    runs = {}
    for share_min in (1000, 64):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CONTACT_LEDGER_CACHE": str(tmp_path / f"cache-{share_min}"),
               "CONTACT_LEDGER_WORKERS": "2", "CONTACT_LEDGER_PARALLEL_MIN": "1", "SHARE_MIN": str(share_min)}
        runs[share_min] = subprocess.run([sys.executable, "-c", STAGES_COPY, *args], cwd=tmp_path, env=env,
                                         capture_output=True, text=True, timeout=300)
        assert runs[share_min].returncode == 0, runs[share_min].stderr[-2000:]
    # (the loader's copy, then the stages': before the checks when none is shared, else the checks' own)
    assert runs[1000].stderr.split()[:2] == ["before", "before"], runs[1000].stderr
    assert runs[64].stderr.split()[:2] == ["before", "in-checks"], runs[64].stderr
    assert runs[1000].stdout == runs[64].stdout and json.loads(runs[64].stdout)["summary"]["errors"] == 0


PRE_FORK = _check_noting_copies("""
import marshal, types
from generator.check import by_cadre, feedback

stamp = by_cadre._stamp

def stamped(*args, **kwargs):  # (a cadre's stamp: what its kept results are kept under)
    made.append("stamp")
    return stamp(*args, **kwargs)

def dumps(value, *more):  # (a chain's signature: its entries and the root's place, marshalled)
    if type(value) is tuple and len(value) == 2 and type(value[1]) is int:
        made.append("sig")
    return marshal.dumps(value, *more)

by_cadre._stamp = stamped
feedback.marshal = types.SimpleNamespace(dumps=dumps, loads=marshal.loads)
""", '"in-checks" if any(f.name == "run_checks" for f in traceback.extract_stack()) else "before"')


def test_a_cold_check_works_out_its_stamps_and_signatures_once_the_checks_copy_is_made(tmp_path):
    """A cold `check` worked out each cadre's stamp (what their results are kept under: by_cadre._stamp) and
    each chain's signature (its entries, marshalled) before the copy sharing the checks' parts was made —
    while the other core waited (item 73: 0.17–0.27 s of the main process alone there at 12k) — though with
    nothing kept none is compared, and only `finish` and `rows` ask them: now they are worked out in this
    process's share once the copy is made.  The same report as without a cache, every cadre's and chain's
    kept, and a warm run served from them (it asks the stamps first, to look the cadres up)."""
    cold, env, args = _cold_demo_check(tmp_path, PRE_FORK)
    made = cold.stderr.split()
    assert cold.returncode == 0 and "in-checks" in made, cold.stderr[-2000:]
    before = made[:made.index("in-checks")]
    assert "stamp" not in before and "sig" not in before, before
    assert made.count("stamp") >= 64 and made.count("sig") >= 500, made  # (the demo's cadres and chains)
    plain = subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=tmp_path, capture_output=True,
                           text=True, env={**env, "CONTACT_LEDGER_CACHE": "0"}, timeout=300)
    warm = _noting(PRE_FORK, args, env, tmp_path)
    assert cold.stdout == plain.stdout == warm.stdout and json.loads(cold.stdout)["summary"]["errors"] == 0
    assert "in-checks" not in warm.stderr.split() and "sig" not in warm.stderr.split(), "served from the kept"


ROWS_WRITTEN = """
import sys, tracemalloc
from generator import cli
from generator.check import chain_rows

written = chain_rows.written

def traced(write, entries, path):  # (the chains' main file: what its writing allocates at most, on stderr)
    def write_traced():
        tracemalloc.start()
        try:
            write()
        finally:
            sys.stderr.write(str(tracemalloc.get_traced_memory()[1]))
            tracemalloc.stop()
    written(write_traced, entries, path)

chain_rows.written = traced
cli.finish(cli.main(["check", *sys.argv[1:]]))
"""


def test_a_cold_check_writes_the_chains_rows_without_a_copy_of_them(tmp_path):
    """A cold `check` wrote the chains' main file (at 12k 13,336 rows, 22 MB, by the main process after its
    report) with its rows joined into one bytes first: a copy of them all (≈5,400 pages of new memory, ≈0.1 s
    of the last process's) for one write.  Now they go to the file one after another (os.writev: files.write_parts),
    as they do to the report: what the writing allocates at most (tracemalloc) is under the rows' bytes, the
    same file read back by a warm run, the same report."""
    records = tmp_path / "records"
    demo_records(records)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CONTACT_LEDGER_CACHE": str(tmp_path / "cache"),
           "CONTACT_LEDGER_WORKERS": "1"}
    args = ["--records", str(records), "--today", "2026-12-02", "--format", "json"]
    cold = subprocess.run([sys.executable, "-c", ROWS_WRITTEN, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert cold.returncode == 0 and cold.stderr.isdigit(), cold.stderr[-2000:]
    [main] = (tmp_path / "cache").glob("*.chains")
    _magic, _id, head = struct.unpack_from("<8s16sQ", main.read_bytes())
    rows = main.stat().st_size - 32 - head
    assert rows > 200_000 and int(cold.stderr) < rows, (int(cold.stderr), rows)  # (else a copy of them all)
    warm = subprocess.run([sys.executable, "-m", "generator", "check", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert warm.stdout == cold.stdout and json.loads(cold.stdout)["feedback"]


FINISH = """
import os, sys, time
from pathlib import Path
from generator import cli, forked

os.environ["CONTACT_LEDGER_WORKERS"] = "2"

def write():
    time.sleep(0.5)
    (Path(sys.argv[1]) / "at-exit").write_text(str(os.getpid()))

cli.outlive([{"a": [1, 2]}] * 1000)
forked.aside(write)
print("ok", os.getpid())  # (to a file: held in the buffer until it is flushed)
cli.finish(3)
"""


def test_the_command_ends_with_its_output_flushed_its_copies_waited_for_and_its_exit_code(tmp_path):
    """cli.finish, the end of every `python -m generator` (os._exit, without freeing what the
    run built): what was printed reaches the file, a copy still writing a cache file has
    written it, and the exit code is the command's."""
    said, errors = tmp_path / "said", tmp_path / "errors"
    with said.open("w") as out, errors.open("w") as err:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # (buffered, as is usual)
        run = subprocess.run([sys.executable, "-c", FINISH, str(tmp_path)], cwd=ROOT, stdout=out, stderr=err,
                             env=env, timeout=60)
    assert run.returncode == 3, errors.read_text()[-2000:]
    ok, pid = (said.read_text().split() + ["", ""])[:2]
    assert ok == "ok", "printed, then flushed before the process ended"
    assert (tmp_path / "at-exit").read_text() not in ("", pid), "written by the copy before the process ended"


def test_a_missing_ledgers_annotation_points_at_no_file_and_a_ledger_that_is_there_at_it(tmp_path):
    """check --format github put W-CHK-006 (a ledger not handed in) at file=records/ledgers/2026-H1/li-na.yaml,
    a file that does not exist: GitHub shows such an annotation at no file, or not at all.  It is now an
    annotation of the run (no file), the file to hand in named in its hint; a ledger that is there but not
    merged yet is still annotated at it."""
    from tests.gitrepo import ledger

    repo = make(tmp_path)
    (repo / "records/cadres/bad.yaml").unlink()
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    gh = check_cli(repo / "records", "--today", "2026-11-28", "--format", "github", cwd=repo).stdout
    said = [ln for ln in gh.splitlines() if "title=W-CHK-006::" in ln]
    missing = [ln for ln in said if "李娜" in ln and "2026-H1" in ln]
    assert missing and missing[0].startswith("::warning title=W-CHK-006::李娜（机械学院）未提交 2026-H1 台账"), said
    assert "请尽快提交 records/ledgers/2026-H1/li-na.yaml" in missing[0]
    assert not [ln for ln in said if "file=" in ln and not (repo / ln.split("file=")[1].split(",")[0]).is_file()], said
    there = [ln for ln in said if "张伟" in ln and "2026-H1" in ln]
    assert there and there[0].startswith("::warning file=records/ledgers/2026-H1/zhang-wei.yaml,title=W-CHK-006::"), said


def test_a_missing_ledgers_hint_names_the_file_in_the_records_folder_as_it_is_named(tmp_path):
    """W-CHK-006's hint said 请尽快提交 records/ledgers/2026-H1/li-na.yaml whatever the records folder was
    called: in a repository whose records are in data/ no such folder exists, and on GitHub, where the
    annotation is at no file, the hint is all that names the file.  It names it as the finding's file is shown."""
    from tests.gitrepo import git

    repo = make(tmp_path)
    git(repo, "rm", "-q", "records/cadres/bad.yaml")
    git(repo, "mv", "records", "data")
    commit(repo, "2025-08-21 10:00")
    for lang, said in (("zh", "请尽快提交 data/ledgers/2026-H1/li-na.yaml；"), ("en", "Submit data/ledgers/2026-H1/li-na.yaml;")):
        gh = check_cli(repo / "data", "--today", "2026-11-28", "--format", "github", "--lang", lang, cwd=repo).stdout
        [line] = [ln for ln in gh.splitlines() if "title=W-CHK-006::" in ln and "2026-H1" in ln and ("李娜" in ln or "Li" in ln)]
        assert said in line and "records/" not in line, line


def test_the_text_report_counts_exemptions_and_says_one_under_its_cadres_entries(tmp_path):
    """The text report's overview said, of every exemption of the whole records, whose, why and what it excused: a
    cadre running check saw each colleague's leave (张伟's 病假) under her own report. It counts them; what one
    excused is said under the entries of its cadre that the report lists (李娜's missing 2026-H1 ledger and semester
    without contact: her 挂职锻炼 excused the 2025-H2 ledger only), once, and of every exemption in the markdown's table, where an administrator
    and a reviewer read it (它们没有免除的也说：张伟's three weeks of sick leave excused nothing)."""
    repo = init_repo(tmp_path / "repo")
    write(repo, {**base(), "records/exemptions.yaml":
                 "exemptions:\n"
                 "  - {cadre: zhang-wei, rules: [semester_contacts], start: \"2025-10-08\", end: \"2025-10-28\","
                 " reason: 病假, approved_by: 王管理}\n"
                 "  - {cadre: li-na, rules: [ledger], start: \"2025-07-01\", end: \"2025-12-31\","
                 " reason: 挂职锻炼, approved_by: 王管理}\n"})
    commit(repo, "2025-08-20 10:00")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-11-10"])})
    commit(repo, "2025-12-20 10:00")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})
    commit(repo, "2026-06-20 10:00")
    li_na = "李娜 2025-07-01 至 2025-12-31（挂职锻炼）：免除了2025年下半年的填报台账（占本期持有联系点天数的 100 %）"
    zhang_wei = ("没有免除任何要求——未免除2025—2026学年第一学期的每学期联系学生：只占本期持有联系点天数的 15 %，"
                 "不足政策规定的 50 %")
    zh = check_cli(repo / "records", "--today", "2026-07-15", cwd=repo).stdout
    assert "豁免：0 条生效，2 条已过期，0 条未开始（各条免除了什么，见 --format markdown 的豁免表）" in zh, zh
    assert "病假" not in zh and zhang_wei not in zh, zh
    missing = zh.split("【台账未提交】", 1)[1].split("【", 1)[0]  # (李娜's 2026-H1, and her semester without contact)
    assert "· 机械学院（1）" in missing and zh.count(li_na) == 1 and f"  豁免：{li_na}" in missing, zh
    assert "W-CHK-004" in zh.split("【每学期联系学生次数不足】", 1)[1], zh
    en = check_cli(repo / "records", "--today", "2026-07-15", "--lang", "en", cwd=repo).stdout
    assert "Exemptions: 0 active, 2 expired, 0 not yet started (what each excused: the exemptions table" in en, en
    assert "zhang-wei 2025-10-08" not in en, en
    assert en.count("  exemption: li-na 2025-07-01 to 2025-12-31: excused the ledger of 2025-H2 (100 % of the days "
                    "holding a contact point)") == 1, en
    md = check_cli(repo / "records", "--today", "2026-07-15", "--format", "markdown", cwd=repo).stdout
    rows = {line.split(" | ")[0]: line for line in md.split("### 豁免\n", 1)[1].splitlines() if line.startswith("| ")}
    assert "| 干部 | 要求 | 起止 | 原因 | 状态 | 免除情况 |" in md, md
    assert zhang_wei in rows["| 张伟"] and li_na.split("：", 1)[1] in rows["| 李娜"], rows
    assert "（各条免除了什么" not in md, md
    en = check_cli(repo / "records", "--today", "2026-07-15", "--format", "markdown", "--lang", "en", cwd=repo).stdout
    assert "| cadre | rules | span | reason | state | what it excused |" in en
    assert "excused nothing — did not excuse the semester contacts of 2025-2026-1: 15 % of the days" in en, en


def _late_and_missing_by_unit(tmp_path):
    """Four cadres of three units, none of whom handed in a ledger but 李娜, her 2025-H2 late; units.yaml lists
    计算机学院, 机械学院, 党委学生工作部 in that order (by the characters' codes 党… comes first)."""
    repo = init_repo(tmp_path / "repo")
    files = base()
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs"))
    files["records/cadres/wang-fang.yaml"] = cadre("王芳", "cs")
    files["records/cadres/chen-gang.yaml"] = cadre("陈刚", "xgb")
    files["records/clubs.yaml"] = "clubs:\n  - {id: club-a, name: 合唱团, unit: xgb}\n"
    files["records/assignments/2025-2027.yaml"] = files["records/assignments/2025-2027.yaml"] + (
        "  - cadre: wang-fang\n    class: cs-2025-02\n    start: \"2025-09-01\"\n"
        "  - cadre: chen-gang\n    club: club-a\n    start: \"2025-09-01\"\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00")
    write(repo, {"records/ledgers/2025-H2/li-na.yaml": (
        "cadre: li-na\nperiod: 2025-H2\ncontact_points: [me-2025-01]\nactivities:\n"
        "  - date: \"2025-10-10\"\n    form: 主题班会\n    place: 进班级\n    channel: 面对面\n    students: 20\n"
        "    summary: 参加主题班会，与同学们交流学习情况。\n")})
    commit(repo, "2026-01-03 10:00", "李娜 2025-H2, late")
    return repo


def _blocks(text: str, title: str) -> list[str]:
    """The lines of the text report's group `title` up to the blank line after it, each finding by its file."""
    lines = text.split(title, 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    return [ln.split(":", 1)[0].removeprefix("records/ledgers/") if ln.startswith("records/") else ln
            for ln in lines if not ln.startswith(" ")]


def test_the_late_and_missing_ledgers_are_listed_unit_by_unit_with_a_count_each(tmp_path):
    """After a due day, check listed every cadre not handed in in one list, by file (the half-year, then the cadre's
    id): 李娜 of 机械学院 between 计算机学院's, 党委学生工作部's 陈刚 first — a unit reviewer had to pick their people
    out of 75 rows.  Now text and markdown list them unit by unit, in units.yaml's order, each unit with its count
    (zh/en); json keeps its shape, each W-CHK-005/006 finding's data naming the unit."""
    repo = _late_and_missing_by_unit(tmp_path)
    records, today = repo / "records", ("--today", "2026-07-01")
    zh = check_cli(records, *today, cwd=repo)
    assert zh.returncode == 0, zh.stderr
    assert _blocks(zh.stdout, "【台账未提交】（7）") == [
        "· 计算机学院（4）", "2025-H2/wang-fang.yaml", "2025-H2/zhang-wei.yaml", "2026-H1/wang-fang.yaml",
        "2026-H1/zhang-wei.yaml", "· 机械学院（1）", "2026-H1/li-na.yaml",
        "· 党委学生工作部（2）", "2025-H2/chen-gang.yaml", "2026-H1/chen-gang.yaml"], zh.stdout
    assert _blocks(zh.stdout, "【台账逾期提交】（1）") == ["· 机械学院（1）", "2025-H2/li-na.yaml"], zh.stdout
    en = check_cli(records, *today, "--lang", "en", cwd=repo).stdout
    assert [ln for ln in _blocks(en, "[Ledgers not submitted] (7)") if ln.startswith("·")] == [
        "· 计算机学院 (4)", "· 机械学院 (1)", "· 党委学生工作部 (2)"], en

    for lang, title, head in (("zh", "### 台账逾期与未提交", "| 期间 | 干部 | 状态 | 逾期天数 | 提交时间 | 依据 |"),
                              ("en", "### Late and missing ledgers", "| period | cadre | status | days late | submitted | source |")):
        md = check_cli(records, *today, "--format", "markdown", "--lang", lang, cwd=repo).stdout
        section = md.split(title + "\n", 1)[1].split("\n### ", 1)[0]
        units = [ln for ln in section.splitlines() if ln.startswith("#### ")]
        counts = ("（4）", "（2）", "（2）") if lang == "zh" else (" (4)", " (2)", " (2)")
        assert units == [f"#### {u}{n}" for u, n in zip(("计算机学院", "机械学院", "党委学生工作部"), counts)], section
        tables = section.split("#### ")[1:]
        assert [t.splitlines()[2] for t in tables] == [head] * 3, section
        assert [ln.split(" | ")[1] for ln in tables[1].splitlines() if ln.startswith("| 20")] == ["李娜", "李娜"], section
        assert section.count("\n| 20") == 8, section

    data = json.loads(check_cli(records, *today, "--format", "json", cwd=repo).stdout)
    told = {(f["data"]["cadre"], f["data"]["period"]): f["data"] for f in data["findings"]
            if f["code"] in ("W-CHK-005", "W-CHK-006")}
    assert len(told) == 8 and told["li-na", "2025-H2"]["unit"] == "me" and told["chen-gang", "2026-H1"]["unit"] == "xgb"
    assert {(k, d["unit"]) for k, d in told.items()} == {
        ((r["cadre"], r["period"]), r["unit"]) for r in data["ledgers"] if r["status"] in ("late", "missing")}


def test_the_ledgers_handed_in_with_errors_are_listed_unit_by_unit_in_the_job_summary(tmp_path):
    """The markdown listed the late and missing ledgers a table per unit, but those handed in with errors (not
    accepted until fixed) in one table with a unit column, units mixed by file: a unit reviewer looked for their
    people in it.  It is a table per unit now, in units.yaml's order, each with its count (zh/en)."""
    repo = _late_and_missing_by_unit(tmp_path)
    broken = "cadre: {c}\nperiod: 2026-H1\ncontact_points: [{p}]\nactivities:\n  - date: \"2026-03-10\"\n" \
             "    form: 主题班会\n    place: 进班级\n    channel: 面对面\n    students: 很多\n" \
             "    summary: 参加主题班会，与同学们交流学习情况。\n"
    write(repo, {"records/ledgers/2026-H1/chen-gang.yaml": broken.format(c="chen-gang", p="club-a"),
                 "records/ledgers/2026-H1/zhang-wei.yaml": broken.format(c="zhang-wei", p="cs-2025-01"),
                 "records/ledgers/2026-H1/wang-fang.yaml": broken.format(c="wang-fang", p="cs-2025-02")})
    commit(repo, "2026-06-20 10:00", "three ledgers, each with an error")
    for lang, title, head, counts in (
            ("zh", "### 已提交但有错误的台账（改正前不算通过）", "| 期间 | 干部 | 状态 | 逾期天数 | 提交时间 | 依据 |",
             ("计算机学院（2）", "党委学生工作部（1）")),
            ("en", "### Ledgers handed in with errors (not accepted until fixed)",
             "| period | cadre | status | days late | submitted | source |",
             ("计算机学院 (2)", "党委学生工作部 (1)"))):
        md = check_cli(repo / "records", "--today", "2026-07-01", "--format", "markdown", "--lang", lang, cwd=repo)
        assert md.returncode == 1, md.stderr
        section = md.stdout.split(title + "\n", 1)[1].split("\n### ", 1)[0]
        assert [ln for ln in section.splitlines() if ln.startswith("#### ")] == [f"#### {u}" for u in counts], section
        tables = section.split("#### ")[1:]
        assert [t.splitlines()[2] for t in tables] == [head] * 2, section
        assert [ln.split(" | ")[1] for t in tables for ln in t.splitlines() if ln.startswith("| 2026-H1")] == [
            "王芳", "张伟", "陈刚"], section
