"""Property-based hostile input: start from a valid record set, mutate structure, values
and bytes, and check that `validate` survives everything — and `check` and the site, which read
the records whatever `validate` said of them.

For every mutation: no exception escapes `validate_records`, every finding names a file,
and the CLI exits 1 exactly when an error finding exists (0 otherwise, never 2).
A few seconds by default; `pytest --hypothesis-long` runs thousands of examples.
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import given, strategies as st

from generator import findings as F
from generator.load import parse_bytes
from generator.pipeline import validate_records

VALID = Path(__file__).resolve().parent / "fixtures" / "valid"
FILES = sorted(p.relative_to(VALID).as_posix() for p in VALID.rglob("*.yaml"))


def _data(rel: str):
    data, _, _, problems = parse_bytes((VALID / rel).read_bytes(), rel)
    assert not problems
    return data


ORIGINAL = {rel: _data(rel) for rel in FILES}

# ---- strategies -------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(["2026-02-30", "2026-13-01", "0000-00-00", "2026-9-1", "9" * 5000, "yes", "on", "~", "",
                     "cs-2025-01", "zhang-wei", "2026-H1", "2026-H9", "H1", "已解决", "不存在的词",
                     "学生手机13812345678", "南湖5舍312室", "!!python/object", "&a", "*a", "- x", "a: b"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(["id", "date", "name", "unit", "cadre"])),
                    inner, max_size=4)), max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def _replace(node, path, new):
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_replace(v, rest, new) if k == head else v) for k, v in node.items()}
    return [(_replace(v, rest, new) if i == head else v) for i, v in enumerate(node)]


def _delete(node, path):
    if len(path) == 1:
        if isinstance(node, dict):
            return {k: v for k, v in node.items() if k != path[0]}
        return [v for i, v in enumerate(node) if i != path[0]]
    head, rest = path[0], path[1:]
    if isinstance(node, dict):
        return {k: (_delete(v, rest) if k == head else v) for k, v in node.items()}
    return [(_delete(v, rest) if i == head else v) for i, v in enumerate(node)]


@st.composite
def structural_mutation(draw, originals=ORIGINAL):
    rel = draw(st.sampled_from(sorted(originals)))
    data = originals[rel]
    paths = list(_paths(data))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            data = _replace(data, path, draw(values))
        elif action == "delete" and path:
            data = _delete(data, path)
        elif action == "add" and isinstance(data, dict):
            data = dict(data, **{draw(st.text(min_size=1, max_size=8)): draw(values)})
        paths = list(_paths(data))
    return rel, yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@st.composite
def byte_mutation(draw):
    rel = draw(st.sampled_from(FILES))
    raw = bytearray((VALID / rel).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(raw)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "truncate"]))
        chunk = draw(st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(
            [b"\t", b"\r\n", b"\xef\xbb\xbf", b"\x00", b"\xff\xfe", b"&a ", b"*a", b"[", b"{", b"- - - ", b"? ",
             b": ", b"#", b"'", b'"', b"\\", b"!!str ", b"---\n", b"...\n", b"\x85", "\u2028".encode()])))
        if action == "insert":
            raw[at:at] = chunk
        elif action == "delete":
            del raw[at:at + len(chunk)]
        elif action == "replace":
            raw[at:at + len(chunk)] = chunk
        else:
            del raw[at:]
    return rel, bytes(raw)


hostile_text = st.one_of(
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.binary(max_size=200),
    st.integers(1, 3000).map(lambda n: b"a: " + b"[" * n),
    st.integers(1, 3000).map(lambda n: b"a:\n" + b"- " * n + b"x\n"),
    st.integers(1, 200).map(lambda n: b"".join(b" " * i + b"k:\n" for i in range(n))),
    st.sampled_from([b"", b"\n", b"# only a comment\n", b"- a\n- b\n", b"just text\n", b"1: a\n", b"? [a]\n: b\n",
                     b"a: 1\n---\nb: 2\n", b"a: &x [1]\nb: *x\n", b"a: " + b"9" * 5000 + b"\n"]),
)

# ---- the properties ---------------------------------------------------------


def _run(mutate) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        shutil.copytree(VALID, root)
        mutate(root)
        _, findings = validate_records(root)  # must not raise
        for f in findings:
            assert isinstance(f, F.Finding)
            assert f.file, f
            assert f.message_zh and f.message_en, f
            assert f.line is None or (isinstance(f.line, int) and f.line >= 1), f
            assert f.code != "E-INTERNAL-001", f.message_en  # a stage crashed: a bug to fix, not a finding
        from generator.cli import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["validate", "--records", str(root), "--format", "json"])
        report = json.loads(out.getvalue())
        assert code == (1 if any(r["severity"] == "error" for r in report) else 0)
        assert code == (1 if F.has_errors(findings) else 0)


@given(structural_mutation())
def test_structural_mutations_never_crash(mutation):
    rel, raw = mutation
    _run(lambda root: (root / rel).write_bytes(raw))


@given(byte_mutation())
def test_byte_mutations_never_crash(mutation):
    rel, raw = mutation
    _run(lambda root: (root / rel).write_bytes(raw))


@given(st.sampled_from(FILES + ["units.yaml", "ledgers/2026-H1/x.yaml", "nowhere/x.yaml", "x.yml", "cadres/a.json"]),
       hostile_text)
def test_hostile_files_anywhere_never_crash(rel, raw):
    def mutate(root):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    _run(mutate)


def test_one_bad_file_never_hides_the_others(tmp_path):
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    (root / "cadres" / "li-na.yaml").write_bytes(b"a: " + b"[" * 100000)
    (root / "cadres" / "chen-gang.yaml").write_bytes(b"\xff\xfe\x00garbage")
    (root / "classes" / "2024.yaml").write_text("cohort: 2024\nclasses:\n  - id: x\n    name: 2026-02-30\n",
                                                encoding="utf-8")
    _, findings = validate_records(root)
    files = {f.file.rsplit("/", 1)[-1] for f in findings}
    assert {"li-na.yaml", "chen-gang.yaml", "2024.yaml"} <= files



# The administrators' files, which the valid fixtures leave out, each valid as it is.
ADMIN = {
    "imports/legacy.yaml": {"source": "原平台导出", "approved_by": "李思远", "ledgers": [
        {"path": "ledgers/2025-H2/zhang-wei.yaml", "submitted": "2025-12-20"},
        {"path": "ledgers/2025-H2/chen-gang.yaml", "submitted": "2026-01-05"},
        {"path": "ledgers/2026-H1/zhang-wei.yaml", "submitted": "2026-07-03"}]},
    "exemptions.yaml": {"exemptions": [
        {"cadre": "li-na", "rules": ["semester_contacts", "ledger"], "start": "2025-09-01", "end": "2026-01-31",
         "reason": "挂职锻炼", "approved_by": "李思远"}]},
    "privacy-exceptions.yaml": {"exceptions": [
        {"file": "ledgers/2025-H2/zhang-wei.yaml", "line": 3, "kind": "phone", "reason": "学院办公电话",
         "reviewed_by": "李思远"}]},
}


@contextlib.contextmanager
def _mutated(mutations):
    """A temporary copy of the valid records with the administrators' files, then each (rel, bytes)
    of `mutations` written over it: its records folder."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "records"
        shutil.copytree(VALID, root)
        for rel, data in ADMIN.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        for rel, raw in mutations:
            (root / rel).write_bytes(raw)
        yield root


def _render(mutations) -> None:
    """render_site over the mutated records must not raise, and every file with an error is on
    the findings page (the live preview builds whatever the records hold: generator/site/conform.py)."""
    import datetime as dt

    from generator.site import admin_form, render_site

    with _mutated(mutations) as root:
        result = render_site(root, root.parent / "out", dt.date(2026, 3, 25), slots=True)  # must not raise
        # the web form, as the build makes it from the same records (left out, with a note, on errors)
        admin_form.publish_admin(root.parent / "public", root, result.today, rs=result.records,
                                 findings=result.validated)
        listed = re.sub(r"<[^>]+>", "", (root.parent / "out" / "findings.md").read_text(encoding="utf-8"))  # (as read)
        for f in result.findings:
            assert f.code != "E-INTERNAL-001", f.message_en
            if f.severity == F.ERROR and f.code.startswith(("E-SCHEMA", "E-YAML")):
                assert f.file.rsplit("records/", 1)[-1] in listed, f


@given(st.lists(st.one_of(structural_mutation(), structural_mutation(ADMIN)), min_size=1, max_size=4))
def test_structural_mutations_never_crash_the_site(mutations):
    _render(mutations)


def _check(mutations) -> dict:
    """`check` over the valid records with the administrators' files, mutated, must not crash:
    exit 0 or 1 as its errors say, and no finding of a stage that failed."""
    from generator.cli import main

    with _mutated(mutations) as root:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--records", str(root), "--format", "json", "--today", "2026-11-28"])
        assert "内部错误" not in err.getvalue(), err.getvalue()
        report = json.loads(out.getvalue())
        assert all(f["code"] != "E-INTERNAL-001" for f in report["findings"]), report["findings"]
        assert code == (1 if report["summary"]["errors"] else 0)
        return report


# The commands that work from the administrators' files: each must finish as documented (exit 0
# or 1, 1 with E-FLOW-006 when validate found an error outside the ledgers), never an internal error.
COMMANDS = [
    ["new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H2"],
    ["remind", "--period", "2026-H1", "--today", "2026-06-20"],
    ["remind", "--coverage", "--today", "2025-10-01"],
    ["remind", "--due-window", "--today", "2026-06-20"],
    ["cms-config", "--today", "2026-03-25"],
    ["draft-cycle", "--from", "2025-2027"],
]


@given(st.lists(st.one_of(structural_mutation(), structural_mutation(ADMIN)), min_size=1, max_size=3))
def test_structural_mutations_never_crash_the_commands_built_on_the_administrators_files(mutations):
    from generator.cli import main
    from generator.pipeline import admin_errors

    with _mutated(mutations) as root:
        stopped = bool(admin_errors(*validate_records(root)))
        for command in COMMANDS:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main([*command, "--records", str(root)])
            said = out.getvalue() + err.getvalue()
            assert "内部错误" not in said, (command, said)
            assert code in (0, 1), (command, code, said)
            assert ("E-FLOW-006" in said) == stopped, (command, said)
            ledger = root / "ledgers" / "2026-H2" / "zhang-wei.yaml"
            if ledger.exists():  # a scaffold written: the next command starts from the records as they were
                ledger.unlink()
            for drafted in (root / "assignments").glob("2027-*.yaml"):  # (a cycle's draft, likewise)
                drafted.unlink()


def test_the_administrators_files_as_given_are_valid():
    report = _check([])
    assert report["summary"]["errors"] == 0, report["findings"]
    assert report["ledger_sources"]["import"] == 3  # (the manifest is read)


@given(st.lists(structural_mutation(ADMIN), min_size=1, max_size=2))
def test_structural_mutations_of_the_administrators_files_never_crash_check(mutations):
    _check(mutations)
