"""The quick path's C reading of a usual file (generator/_quickscan.c, used by quickload.read): built and
used, and never other than the full loader — it gives the full loader's values (and, where rapidyaml's
path reads the file too, that path's values and `texts`, keys and short strings interned) or None, on
random documents in and at the edges of its subset, on thousands of mutated ledgers, and in the
program's reports, which are byte for byte those of a tree without the module."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

from gitrepo import demo_records

from generator import load, quickload

REPO = Path(__file__).resolve().parent.parent


def _scan():
    from generator import _quickscan  # (not built: `make` says how to get a C compiler; this test fails)

    return _quickscan.scan


def _usual(raw: bytes) -> bool:
    return len(raw.translate(None, quickload._UNCOMMON)) == len(raw)


def _strings(value, out: list) -> list:
    """(text, whether a key) of every key and string of the values, in order."""
    if type(value) is dict:
        for key, item in value.items():
            out.append((key, True))
            _strings(item, out)
    elif type(value) is list:
        for item in value:
            _strings(item, out)
    elif type(value) is str:
        out.append((value, False))
    return out


def _texts(value, out: set) -> set:
    """What quickload.read gives `texts` of these values: each key and string, each number and boolean as written."""
    if type(value) is dict:
        out.update(value)
        for item in value.values():
            _texts(item, out)
    elif type(value) is list:
        for item in value:
            _texts(item, out)
    elif type(value) is bool:
        out.add("true" if value else "false")
    elif type(value) in (str, int):
        out.add(str(value))
    return out


def _full_loader(raw: bytes) -> load.Parsed:
    """The full loader's reading of `raw` alone: fastload's one pass (CONTACT_LEDGER_FAST) left out, so the C
    reading is compared with what every other path is compared with, not with another quick path."""
    saved = os.environ.get("CONTACT_LEDGER_FAST")
    os.environ["CONTACT_LEDGER_FAST"] = "0"
    try:
        return load._parse(raw, "x.yaml")
    finally:
        if saved is None:
            del os.environ["CONTACT_LEDGER_FAST"]
        else:
            os.environ["CONTACT_LEDGER_FAST"] = saved


def _as_full_loader(raw: bytes, scan) -> dict | None:
    """The C reading of `raw` (None: refused) after asserting that no gate of quickload.read refuses it (_gated: the
    C reading runs before them), that it is the full loader's without a finding, `texts` as the values say and as
    rapidyaml's path gives them (where it reads the file), keys and short strings interned: the same object as in
    a second reading (another file)."""
    texts: set = set()
    got = scan(raw, texts)
    if got is None:
        return None
    assert quickload._gated(raw) == (raw.decode(), raw, True), raw  # (it runs before the gates: none may refuse it)
    full = _full_loader(raw)
    assert not full.problems and repr(got) == repr(full.data), (raw, got, full.data, [f.code for f in full.problems])
    assert texts == _texts(got, set()), raw
    again = scan(raw, set())
    for (one, key), (other, _) in zip(_strings(got, []), _strings(again, []), strict=True):
        if key or len(one) <= load.SHARED_LEN:
            assert one is other and sys.intern(one) is one, (raw, one)
    if _usual(raw):
        theirs: set = set()
        with quickload.quiet():
            rapid = quickload.rapidyaml(raw, theirs, raw.decode())
        if rapid is not None:
            assert repr(rapid) == repr(got) and theirs == texts, raw
    return got


def test_the_c_reading_is_built_and_read_uses_it():
    """The module is importable (`make` builds it; without it this fails, so `make test` cannot pass green), and
    quickload.read takes its values: a list item `a b` beside an item `a` is on one line to the C reading, which
    reads lines, but may have been written on two to rapidyaml's path (E-YAML-015: `a` ends a line), which
    refuses the file: only the C reading gives the full loader's values."""
    scan = _scan()
    assert quickload._quickscan is not None
    raw = "cadre: li-na\ntopics:\n  - a\n  - a b\n".encode()
    values = {"cadre": "li-na", "topics": ["a", "a b"]}
    assert quickload.rapidyaml(raw, set(), raw.decode()) is None and _full_loader(raw).data == values
    texts: set = set()
    assert quickload.read(raw, texts) == (values, raw.decode()) and scan(raw, set()) == values
    assert texts == {"cadre", "li-na", "topics", "a", "a b"}


def test_every_usual_file_of_the_demo_is_read_by_the_c_reading(tmp_path):
    """Every demo file without the bytes of quickload._UNCOMMON (532 of its 545 as generated on 2026-12-05) is read
    by the C reading, exactly as the full loader reads it, and so by quickload.read."""
    scan = _scan()
    records = demo_records(tmp_path / "records")
    files = sorted(records.rglob("*.yaml"))
    usual = [raw for raw in map(Path.read_bytes, files) if _usual(raw)]
    read = [raw for raw in usual if _as_full_loader(quickload._document(raw), scan) is not None]
    assert len(usual) > 500 and len(read) == len(usual), (len(files), len(usual), len(read))
    with quickload.quiet():
        assert all(quickload.read(raw)[0] == _full_loader(raw).data for raw in usual[::10])


KEYS = ["cadre", "date", "topics", "k", "a b", "x_y", "名称", "联系 点", "Key", "_k", "k2", "2026-H1", "true", "Null",
        "null", "~", "1", "-k", "\u3000k", "a" * 40, "长" * 20, "a" * 300, "a:b", "k ", "yes"]
SCALARS = ["x", "好", "主题班会 第二次", "Python 编程学习", "2026-04-20", "2026-H1", "2026h1-a-1", "3人", "10:30", "a:b",
           "12", "-5", "0", "-0", "007", "+1", "0x1F", "0o7", "0b1", "1e3", "1E3", "1_000", "123456789012345678",
           "1234567890123456789", "-123456789012345678", "-1234567890123456789", "true", "false", "True", "FALSE",
           "null", "Null", "NULL", "~", "yes", "No", "on", "inf", "nan", "a: b", "a:", "a :", "-x", "- x", "--", "-",
           "- - x", "x  y", "x-", "_a", "(a)", "/a", "a,b", ",a", ":a", "=", "=a", "a=b", ";a", "$a", "^a", "a - b",
           "中文：冒号", "a" * 32, "a" * 33, "好" * 32, "好" * 33, "学 " * 20 + "x", "x" * 500, "a # b", "a#b", "'a'",
           "a\tb", "a.b", "\u3000x", "x\u3000", "é", "a\u2028b", "😀", "a !b", "a&b", "%a", "@a", "[a]", "{a}", "a|b",
           "a>b", "a<b"]


class _Doc:
    """A random document in and at the edges of the C reading's subset: block mappings and lists nested by 1–4
    spaces (lists at their key's column too), `- key: value` items, empty values, keys and scalars of every
    kind above, and now and then a scalar continued on the next line, an empty item, a line out of place."""

    def __init__(self, rnd: random.Random, deepest: int):
        self.rnd, self.deepest = rnd, deepest

    def scalar(self) -> str:
        rnd = self.rnd
        value = rnd.choice(SCALARS) if rnd.random() < 0.1 else rnd.choice(SCALARS[:12])
        return value + (" " * rnd.randint(1, 3) if rnd.random() < 0.1 else "")

    def mapping(self, col: int, depth: int, first: str | None = None) -> list[str]:
        rnd, lines = self.rnd, []
        for i in range(rnd.randint(1, 4)):
            prefix = first if i == 0 and first is not None else " " * col
            key = rnd.choice(KEYS[:12]) if rnd.random() < 0.95 else rnd.choice(KEYS)
            r = rnd.random()
            if r < 0.5 or depth >= self.deepest:
                lines.append(f"{prefix}{key}:{' ' * rnd.choice([1, 1, 1, 2])}{self.scalar()}")
                if rnd.random() < 0.03:  # continued on the next line (deeper, or — wrongly — shallower)
                    lines.append(" " * max(0, col + rnd.choice([-1, 1, 2, 4])) + self.scalar())
            elif r < 0.6:
                lines.append(f"{prefix}{key}:" + " " * rnd.choice([0, 0, 1]))
            else:
                lines.append(f"{prefix}{key}:")
                step = rnd.choice([1, 2, 2, 2, 3, 4])
                kind = rnd.random()
                if kind < 0.45:
                    lines += self.mapping(col + step, depth + 1)
                elif kind < 0.75:
                    lines += self.sequence(col + step, depth + 1)
                else:
                    lines += self.sequence(col, depth + 1)  # at the key's column
            if rnd.random() < 0.05:
                lines.append(" " * rnd.randint(0, 6))
        return lines

    def sequence(self, col: int, depth: int) -> list[str]:
        rnd, lines = self.rnd, []
        for _ in range(rnd.randint(1, 4)):
            dash = " " * col + "-" + " " * rnd.choice([1, 1, 1, 2, 3])
            r = rnd.random()
            if r < 0.02:
                lines.append(" " * col + "-")
            elif r < 0.04:
                lines.append(dash + "- " + self.scalar())
            elif r < 0.55 or depth >= self.deepest:
                lines.append(dash + self.scalar())
                if rnd.random() < 0.03:
                    lines.append(" " * (col + rnd.choice([1, 2, 3])) + self.scalar())
            else:
                lines += self.mapping(len(dash), depth + 1, first=dash)
        return lines

    def text(self) -> str:
        rnd = self.rnd
        lines = self.mapping(0, 0)
        if rnd.random() < 0.05 and len(lines) > 1:  # a line moved by a space
            i = rnd.randrange(len(lines))
            lines[i] = (" " + lines[i]) if rnd.random() < 0.5 else lines[i][1:]
        if rnd.random() < 0.03:
            lines.insert(0, rnd.choice(["- x", "  k: 1", "x", "---", "", "k"]))
        return "\n".join(lines) + "\n"


def _deep(rnd: random.Random) -> str:
    """Mappings and lists nested around the quick path's limit: containers as deep as load.MAX_DEPTH - 4 to
    load.MAX_DEPTH + 1 (the top level's depth 0; the quick path takes MAX_DEPTH - 2 at most)."""
    target, depth, col, lines = rnd.randint(load.MAX_DEPTH - 4, load.MAX_DEPTH + 1), 0, 0, ["top: 1"]
    while depth < target:
        if rnd.random() < 0.5:  # a key, and a mapping below it
            lines.append(" " * col + f"k{depth}:")
            col, depth = col + rnd.choice([1, 2]), depth + 1
        else:  # a key, a list below it (at its column or deeper), a mapping in its item
            lines.append(" " * col + f"k{depth}:")
            col += rnd.choice([0, 2])
            lines.append(" " * col + f"- i{depth}: 1")
            col, depth = col + 2, depth + 2
    lines.append(" " * col + "v: 1")
    return "\n".join(lines) + "\n"


def test_the_c_reading_is_the_full_loader_s_or_none_on_random_documents_in_and_at_the_edges_of_its_subset():
    """30,000 random documents (_Doc, _deep): each one the C reading takes, the full loader reads to the same values
    without a finding, its `texts` are the values' and rapidyaml's path's, its keys and short strings interned.
    It takes most, refuses each kind of edge, and reads the same as rapidyaml's path wherever that one reads."""
    scan = _scan()
    rnd = random.Random(93)
    taken = both = deep = 0
    with quickload.quiet():
        for n in range(30_000):
            text = _deep(rnd) if n % 50 == 0 else _Doc(rnd, rnd.choice([3, 4, 6])).text()
            raw = text.encode()
            got = _as_full_loader(raw, scan)
            theirs = quickload.rapidyaml(raw, set(), text) if _usual(raw) else None
            if n % 50 == 0:  # as deep as rapidyaml's path takes, no deeper
                assert (got is None) == (theirs is None), text
                deep += got is not None
            taken += got is not None
            both += got is not None and theirs is not None
    assert taken > 8000 and both > 7000 and 100 < deep < 500, (taken, both, deep)
    # each edge refused (the full loader reads these to other values, or reports them)
    for text in ["k: a\n  b\n", "k:\n  - a\n    b\n", "k: 1\nk: 2\n", "k:\n  - - x\n", "k:\n  -\n", "k: a: b\n", "k: a:\n",
                 "k: ~\n", "k: True\n", "k: 1234567890123456789\n", "k: 007\n", "k: +1\n", "k: -0\n", "- k: 1\n", "k\n",
                 "  k: 1\n", "k: 1\n j: 2\n", "a:\n    b: 1\n  c: 2\n", "a:\n  - x\n  b: 1\n", "1: x\n", "true: x\n",
                 "\u3000k: x\n", "k: 1", "k: 0x1F\n", "k: 1.5\n", "k: 'a'\n", "k: a # b\n", "---\nk: 1\n", "\ufeffk: 1\n",
                 "k: a\u2028b\n", "k: a\r\n", "k:\ta\n", "k: [a]\n", "k: |\n  a\n", "a" * 300 + ": 1\n", "k:\n  x\n"]:
        assert scan(text.encode(), set()) is None, text


SOUP = ["a", "k", "好", " ", "  ", "- ", "-", ": ", ":", "\n", "\n  ", "\n- ", "\n  - ", "0", "1", "12", "-1", "_", ",", "~", "=",
        "+", "(", "/", "$", "\u3000", "true", "null", "x y", "2026-04-20", "e", "\n    ", "\n   ", "\n ", "k:", "k: ", "\n\n",
        "  \n"]


def test_the_c_reading_is_the_full_loader_s_or_none_on_lines_of_random_pieces():
    """60,000 documents of random pieces (`: `, `- `, line breaks and indentations, digits, words, `~`, `=`, U+3000 …)
    after a key, a list or a mapping: each one the C reading takes is the full loader's without a finding (a run
    of 300,000 found nothing either)."""
    scan = _scan()
    rnd = random.Random(8)
    taken = 0
    with quickload.quiet():
        for _ in range(60_000):
            text = rnd.choice(["k: ", "k:\n  ", "a:\n- ", "a:\n  b: ", ""]) \
                + "".join(rnd.choice(SOUP) for _ in range(rnd.randint(1, 14))) + "\n"
            taken += _as_full_loader(text.encode(), scan) is not None
    assert taken > 4000, taken


def _mutated(rnd: random.Random, raw: bytes) -> bytes:
    """`raw` with one to three of: a byte changed (to any byte, or to one the subset is made of), a span cut,
    a span written twice, a line's indentation changed, a line break added or removed."""
    data = bytearray(raw)
    for _ in range(rnd.randint(1, 3)):
        if not data:
            break
        at = rnd.randrange(len(data))
        kind = rnd.randrange(6)
        if kind == 0:
            data[at] = rnd.randrange(256)
        elif kind == 1:
            data[at] = rnd.choice(b" \n-:0a\xe5\xa5\xbd")
        elif kind == 2:
            del data[at:at + rnd.randint(1, 40)]
        elif kind == 3:
            data[at:at] = data[at:at + rnd.randint(1, 80)]
        elif kind == 4:
            start = data.rfind(b"\n", 0, at) + 1
            if rnd.random() < 0.5:
                data[start:start] = b" " * rnd.randint(1, 3)
            elif data[start:start + 1] == b" ":
                del data[start]
        else:
            data[at:at] = b"\n" if rnd.random() < 0.5 else b""
            if data[at:at + 1] == b"\n" and rnd.random() < 0.5:
                del data[at]
    return bytes(data)


def test_mutated_ledgers_never_crash_the_c_reading_and_it_gives_the_full_loader_s_values_or_none(tmp_path):
    """6,000 seeded mutations of the demo's ledgers (bytes changed, cut, written twice, lines moved) through the C
    reading directly: never a crash, always None or the full loader's values without a finding (and through
    quickload.read, every tenth, the same)."""
    scan = _scan()
    records = demo_records(tmp_path / "records")
    ledgers = [p.read_bytes() for p in sorted(records.glob("ledgers/*/*.yaml"))][::7]
    rnd = random.Random(65)
    taken = 0
    with quickload.quiet():
        for n in range(6000):
            raw = _mutated(rnd, rnd.choice(ledgers))
            taken += _as_full_loader(raw, scan) is not None
            if n % 10 == 0:
                quick = quickload.read(raw)[0]
                assert quick is None or quick == _full_loader(raw).data
    assert taken > 500, taken


# What each gate of quickload.read looks for (_gated): document markers and directives at a line's start, a BOM
# after the start, C1 controls, U+2028/2029/FFFE/FFFF, bytes not UTF-8, controls, CR, a merge key, comments, a wide
# comma in a flow list, escapes, indicators, quotes, block scalars — each put into a usual ledger somewhere.
GATED = [b"\n---", b"\n---\n", b"\n--- x", b"\n...", b"\n...\n", b"\n... # c", b"\n%YAML 1.1", b"\n%", b"%", b"<<: ",
         b"<<", b"\n<<: 1", "\ufeff".encode(), "\u2028".encode(), "\u2029".encode(), "\ufffe".encode(),
         "\uffff".encode(), "\u0085".encode(), "\u0080".encode(), "\u009f".encode(), "\u00a0".encode(), b"\xff",
         b"\xc0\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe5\xa5", b"\x00", b"\x1b", b"\x7f", b"\t", b"\r",
         b"\r\n", b"#", b" # c", b" #c", "[a\uff0cb]".encode(), "[a\u3001b]".encode(), b'"\\x01"', b'"a"', b"'a'",
         b"&a ", b"*a", b"!t ", b"@", b"`", b"? ", b"|", b">", b"|\n  x", b"[a, b]", b"{a: 1}", b"\\", b".", b"1.5"]
FIRST = [b"---\n", b"--- # c\n", b"---  \n", b"--- x\n", b"---\n---\n", b"...\n", b"%YAML 1.1\n---\n", b"\xef\xbb\xbf",
         b"\xef\xbb\xbf---\n", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\n---\n"]


def test_the_c_reading_refuses_every_file_a_gate_refuses_so_it_reads_each_file_before_them(tmp_path):
    """quickload.read asks the C reading first and the gates (_gated) only of a file it refuses: so every file a
    gate refuses, it refuses too.  12,000 demo ledgers with one or two of the things the gates look for (GATED)
    put in at random places (or FIRST before them, or the final line break taken away): wherever a gate refuses
    the body, the C reading does; and quickload.read gives the full loader's values without a finding, and its
    text, or nothing — None wherever the full loader reports — as it does with the module left out."""
    scan = _scan()
    records = demo_records(tmp_path / "records")
    ledgers = [p.read_bytes() for p in sorted(records.glob("ledgers/*/*.yaml"))][::5]
    assert all(_usual(raw) and scan(raw, set()) is not None for raw in ledgers)
    rnd = random.Random(71)
    gated = read = 0
    with quickload.quiet():
        for n in range(12_000):
            raw = rnd.choice(ledgers)
            for _ in range(rnd.choice([1, 1, 2])):
                at = rnd.randrange(len(raw)) if rnd.random() < 0.5 else raw.find(b"\n", rnd.randrange(len(raw)))
                raw = raw[:at] + rnd.choice(GATED) + raw[at:]
            if n % 4 == 0:
                raw = rnd.choice(FIRST) + raw
            if n % 7 == 0:
                raw = raw.rstrip(b"\n")
            body = raw.removeprefix(b"\xef\xbb\xbf")
            body += b"" if body.endswith(b"\n") else b"\n"
            if quickload._gated(body) is None:
                gated += 1
                assert scan(body, set()) is None, raw
            _as_full_loader(body, scan)
            quick, text = quickload.read(raw)
            if quick is not None:
                read += 1
                full = _full_loader(raw)
                assert not full.problems and repr(quick) == repr(full.data) and text == full.text, (raw, quick, full.data)
    assert gated > 9000 and read > 1500, (gated, read)
    for raw, values in ((b"---\nk: 1\n", {"k": 1}), (b"--- # c\nk: 1\n", {"k": 1}), (b"k: 1\n...\n", {"k": 1}),
                        (b"k: a<<b\n", None), (b"k: 1\n---\n", None), (b"<<: 1\n", None), (b"k: 1\n%x\n", None),
                        ("k: a\ufeffb\n".encode(), None), ("k: a\u2028b\n".encode(), None), ("k: a\u0085b\n".encode(), None),
                        (b"k: \xff\n", None), (b"k: a\rb\n", None), ("k: [a\uff0cb]\n".encode(), None)):
        assert scan(raw, set()) is None and quickload.values(raw) == values, raw


def _reports(tree: Path, records: Path, cache: Path) -> list:
    """check (JSON, text, English) and validate (JSON), cold then warm, as run by the program in `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree), "CONTACT_LEDGER_CACHE": str(cache)}
    env.pop("CONTACT_LEDGER_FAST", None)
    out = []
    for _run in ("cold", "warm"):
        for args in (["check", "--format", "json"], ["check"], ["check", "--lang", "en"], ["validate", "--format", "json"]):
            done = subprocess.run([sys.executable, "-m", "generator", *args, "--records", str(records), "--today", "2026-12-05"],
                                  cwd=tree, env=env, capture_output=True, text=True, timeout=300)
            out.append((args, done.returncode, done.stdout, done.stderr))
    return out


def test_the_demo_s_reports_are_byte_for_byte_those_of_a_tree_without_the_module(tmp_path):
    """The program with the C reading and a copy of it without the built module (as where no C compiler was found):
    check (JSON, text, English) and validate, cold and warm, byte-identical."""
    _scan()
    records = demo_records(tmp_path / "records")
    without = tmp_path / "without"
    shutil.copytree(REPO / "generator", without / "generator", ignore=shutil.ignore_patterns("_quickscan*.so", "__pycache__"))
    shutil.copytree(REPO / "schemas", without / "schemas")
    assert not list(without.glob("generator/_quickscan*.so"))
    ours = _reports(REPO, records, tmp_path / "cache-with")
    theirs = _reports(without, records, tmp_path / "cache-without")
    assert ours == theirs
    assert any(code == 0 for _, code, _, _ in ours) and "Traceback" not in "".join(err for *_, err in ours)
