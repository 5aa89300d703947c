"""The quick path's C reading (generator/_quickscan.c) built with AddressSanitizer and UndefinedBehaviorSanitizer: over
the demo's files, the tests' fixtures, the hostile corpus and seeded changes of ledgers — bytes changed, every byte
value at every place where a line's structure is (spaces, `:`, `-`, line breaks), files cut at every length, lines
written twice, moved, deeper or shallower, nesting around the depth limit, long files, lines and values, numbers too
big for 64 bits — it never reads or writes outside what it was given or allocated, frees nothing still used, does
nothing C leaves undefined, and gives what the module `make` builds gives; and the module releases every reference
it takes, whether it reads a file or refuses it.  (It reads every record file: a crash there stops every check.)"""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import sysconfig
import tracemalloc
from pathlib import Path

from gitrepo import demo_records

REPO = Path(__file__).resolve().parent.parent

# Run in a child process: the sanitizers' runtime must be loaded before Python itself (LD_PRELOAD).
CHILD = r'''
import importlib.util, random, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from generator import _quickscan as built, load, quickload
from test_hostile_inputs import FINE, HOSTILE
from test_quickscan import _Doc, _deep, _mutated

spec = importlib.util.spec_from_file_location("_quickscan", sys.argv[1])
checked = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checked)
checked.setup(quickload._UNCOMMON, set(), quickload._plain_text_key, load.SHARED_LEN, load.MAX_DEPTH)
count = {"inputs": 0, "taken": 0}


def one(raw):
    mine, theirs = set(), set()
    got = checked.scan(raw, mine)
    expected = built.scan(raw, theirs)
    assert repr(got) == repr(expected) and (got is None or mine == theirs), raw[:200]
    count["inputs"] += 1
    count["taken"] += got is not None


files = [p.read_bytes() for root in sys.argv[3:] for p in sorted(Path(root).rglob("*"))
         if p.is_file() and not p.is_symlink()]
hostile = [v[0] if isinstance(v, tuple) else v for v in (*HOSTILE.values(), *FINE.values())]
for raw in files + [v if isinstance(v, bytes) else v.encode("utf-8", "surrogatepass") for v in hostile]:
    one(raw)
    one(quickload._document(raw))
ledgers = sorted((raw for raw in files if raw.startswith(b"cadre:") and b"\n  - " in raw), key=len)
rnd = random.Random(70)
for _ in range(20_000):
    one(_mutated(rnd, rnd.choice(ledgers)))
for raw in ledgers[:3]:  # cut at every length, with and without a line break after
    for n in range(len(raw) + 1):
        one(raw[:n])
        one(raw[:n] + b"\n")
small = ledgers[0]
for at in [i for i, b in enumerate(small) if b in b" :-\n" or small[i - 1:i] in (b" ", b":", b"-", b"\n")]:
    for byte in range(256):  # every byte value, in place of the one there and before it
        one(small[:at] + bytes([byte]) + small[at + 1:])
        one(small[:at] + bytes([byte]) + small[at:])
lines = ledgers[-1].split(b"\n")
for i in range(len(lines)):
    for changed in (lines[:i] + [lines[i]] + lines[i:], lines[:i] + [b"   " + lines[i]] + lines[i + 1:],
                    lines[:i] + [lines[i][2:]] + lines[i + 1:], lines[:i] + lines[i + 1:]):
        one(b"\n".join(changed))
for n in range(2_000):
    one((_deep(rnd) if n % 2 else _Doc(rnd, 6).text()).encode())
for digits in range(17, 22):
    one(b"k: " + b"9" * digits + b"\n")
    one(b"k:\n  - -" + b"9" * digits + b"\n")
one(b"".join(b"k%d: v%d\n" % (i, i) for i in range(100_000)))
one(b"k: " + "\u597d".encode() * 1_000_000 + b"\n")
one(b"k:\n" + b" " * 1_000_000 + b"- x\n")
one(b"".join(b" " * i + b"k:\n" for i in range(3_000)))
one(ledgers[-1] + b"".join(raw.split(b"\n", 1)[1] for raw in ledgers))
print(count["inputs"], count["taken"])
'''


def _sanitized(out: Path) -> tuple[Path, str]:
    """generator/_quickscan.c compiled as scripts/quickscan.sh does, with the sanitizers, into `out` by gcc (`make`
    installs it; its sanitizers' runtime with it), and that runtime's file."""
    gcc = shutil.which("gcc")
    assert gcc, "no gcc: make installs it (scripts/quickscan.sh)"
    built = out / ("_quickscan" + sysconfig.get_config_var("EXT_SUFFIX"))
    subprocess.run([gcc, "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer", "-g",
                    "-O1", "-Wall", "-shared", "-fPIC", "-I" + sysconfig.get_paths()["include"],
                    str(REPO / "generator" / "_quickscan.c"), "-o", str(built)], check=True)
    runtime = subprocess.run([gcc, "-print-file-name=libasan.so"], capture_output=True, text=True).stdout.strip()
    assert Path(runtime).is_absolute() and Path(runtime).exists(), "gcc's sanitizers' runtime (libasan) is missing"
    return built, runtime


def test_the_c_reading_under_sanitizers_reads_hostile_and_changed_files_without_a_memory_error(tmp_path):
    """Over 60,000 inputs through the sanitized build in a child process: it exits 0, no sanitizer speaks, and each
    input is read to the same values and texts as by the built module (or refused by both)."""
    built, runtime = _sanitized(tmp_path)
    records = demo_records(tmp_path / "records")
    # (PYTHONMALLOC=malloc: each of Python's objects its own allocation, so that a read past the bytes of a short
    # file — Python's allocator puts them among others' — is one past an allocation AddressSanitizer guards)
    env = {**os.environ, "LD_PRELOAD": runtime, "PYTHONMALLOC": "malloc",
           "ASAN_OPTIONS": "detect_leaks=0:halt_on_error=1", "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1",
           "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(built), str(REPO / "tests"), str(records),
                           str(REPO / "tests" / "fixtures")], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=900)
    assert done.returncode == 0 and "Sanitizer" not in done.stderr and "runtime error" not in done.stderr, \
        done.stderr[-4000:]
    inputs, taken = map(int, done.stdout.split())
    assert inputs > 60_000 and taken > 4_000, (inputs, taken)


def test_the_c_reading_releases_what_it_takes_whether_it_reads_or_refuses(tmp_path):
    """2,000 readings of the same file, read or refused at each kind of refusal (a line out of place after everything
    was built, a key written twice, a key read as a number, 19 digits, nesting too deep): the reference counts of
    True, False, None and of each key, short text and number's text of the ledger (interned: one object across
    files) are what they were, and Python's allocations (tracemalloc) grow by no more than a few kilobytes — a
    reference kept in a reading would keep every file's values of a 12k run in memory."""
    from generator import _quickscan, quickload

    ledger = next(raw for raw in map(Path.read_bytes, sorted(demo_records(tmp_path / "r").glob("ledgers/*/*.yaml")))
                  if quickload._quickscan.scan(raw, set()) is not None and b": true\n" in raw)
    texts: set = set()  # (each key and text of its values, and each number as written: interned when short)
    _quickscan.scan(ledger, texts)
    shared = [text for text in texts if len(text) <= 32]
    inputs = [ledger, ledger + b"late:\n   x: 1\n  y: 2\n", ledger + b"cadre: again\n", ledger + b"1: x\n",
              ledger + b"n: " + b"9" * 19 + b"\n", ledger + b"".join(b" " * i + b"k:\n" for i in range(60))]
    assert [_quickscan.scan(raw, set()) is None for raw in inputs] == [False] + [True] * 5
    for raw in inputs:
        for _ in range(5):
            _quickscan.scan(raw, set())
        gc.collect()
        before = [sys.getrefcount(obj) for obj in (True, False, None, *shared)]
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        for _ in range(2_000):
            _quickscan.scan(raw, set())
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - start
        tracemalloc.stop()
        assert [sys.getrefcount(obj) for obj in (True, False, None, *shared)] == before, raw[-80:]
        assert grown < 16_000, (grown, raw[-80:])

