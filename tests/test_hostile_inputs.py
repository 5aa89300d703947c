"""A corpus of hostile files, all at once, through the real CLI: each gives its own clear
finding (with line:col where there is one), no traceback, and none hides another."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import load

REPO = Path(__file__).resolve().parent.parent
VALID = Path(__file__).resolve().parent / "fixtures" / "valid"

CADRE = "name: 赵六\nposition: 院长\nunit: cs\nactive_from: \"2020-01-01\"\n"

# rel path → (content, expected code, expected (line, col) or None for a whole-file finding)
HOSTILE = {
    "cadres/bomb.yaml": ('a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\n', "E-YAML-005", (2, 8)),
    "cadres/flow-deep.yaml": ("a: " + "[" * 100_000, "E-YAML-008", (1, 4)),  # (at its first “[”)
    "cadres/block-deep.yaml": ("a:\n" + "- " * 100_000 + "x\n", "E-YAML-008", None),
    "cadres/indent-deep.yaml": ("".join(" " * i + "k:\n" for i in range(1000)), "E-YAML-008", None),
    "cadres/binary.yaml": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "E-LOAD-006", (3, 1)),
    "cadres/latin1.yaml": ("name: caf\xe9\n".encode("latin-1"), "E-LOAD-001", (1, 10)),
    "cadres/utf16.yaml": (CADRE.encode("utf-16"), "E-LOAD-001", (1, 1)),
    "cadres/control.yaml": ("name: 赵\x07六\n", "E-LOAD-011", (1, 8)),
    "cadres/tabs.yaml": ("name: x\n\tposition: y\n", "E-YAML-002", (2, 1)),
    "cadres/empty.yaml": ("", "E-LOAD-002", None),
    "cadres/comments.yaml": ("# nothing\n\n", "E-LOAD-002", None),
    "cadres/list.yaml": ("- a\n- b\n", "E-YAML-007", (1, 1)),
    "cadres/scalar.yaml": ("just text\n", "E-YAML-007", (1, 1)),
    "cadres/keys.yaml": (CADRE + "1: a\n", "E-YAML-006", (5, 1)),
    "cadres/complex-key.yaml": (CADRE + "? [a, b]\n: c\n", "E-YAML-006", (5, 3)),
    "cadres/huge-int.yaml": (CADRE.replace('"2020-01-01"', "9" * 5000), "E-SCHEMA-005", (4, 14)),
    "cadres/bad-date.yaml": (CADRE.replace('"2020-01-01"', "2026-02-30"), "E-SCHEMA-009", (4, 14)),
    "cadres/tag.yaml": (CADRE + "x: !!python/object:os.system ls\n", "E-YAML-009", (5, 4)),
    "cadres/two-docs.yaml": (CADRE + "---\nname: y\n", "E-YAML-004", (5, 1)),
    "cadres/syntax.yaml": ("name: [赵六\n", "E-YAML-001", (1, 7)),
    "cadres/big.yaml": ("name: \"" + "x" * (2 * 1024 * 1024) + "\"\n", "E-LOAD-003", None),
    "unknown/x.yaml": ("a: 1\n", "E-LOAD-004", None),
    "cadres/zhao-liu.yml": (CADRE, "E-LOAD-009", None),
    "units.json": ("{}", "E-LOAD-009", None),
}
FINE = {  # accepted as they are (each a person of their own: one name in two files is W-REF-001)
    "cadres/bom.yaml": "\ufeff" + CADRE.replace("赵六", "钱七"),
    "cadres/crlf.yaml": CADRE.replace("赵六", "孙八").replace("\n", "\r\n"),
    "README.md": "# 记录目录说明\n",
    "cadres/.gitkeep": "",
}


def _write(path: Path, content) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    root = tmp / "records"
    shutil.copytree(VALID, root)
    for rel, (content, _, _) in HOSTILE.items():
        _write(root / rel, content)
    for rel, content in FINE.items():
        _write(root / rel, content)
    (root / "cadres" / "dir.yaml").mkdir()
    (root / "cadres" / "outside.yaml").symlink_to(tmp / "secret.yaml")
    _write(tmp / "secret.yaml", CADRE)
    (root / "cadres" / "loop-a.yaml").symlink_to("loop-b.yaml")
    (root / "cadres" / "loop-b.yaml").symlink_to("loop-a.yaml")
    (root / "cadres" / "inside.yaml").symlink_to("zhang-wei.yaml")  # a link within records/ is read
    os.mkfifo(root / "cadres" / "fifo.yaml")
    results = {}
    for fmt in ("json", "text", "github"):
        results[fmt] = subprocess.run(
            [sys.executable, "-m", "generator", "validate", "--records", str(root), "--format", fmt],
            capture_output=True, text=True, cwd=REPO, timeout=120)
    return root, results


def _by_file(report) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in report:
        out.setdefault(f["file"].split("records/", 1)[-1], []).append(f)
    return out


def test_no_traceback_and_exit_code_1(run):
    _, results = run
    for fmt, result in results.items():
        assert result.returncode == 1, (fmt, result.stderr)
        assert "Traceback" not in result.stderr + result.stdout
        assert "内部错误" not in result.stderr + result.stdout, result.stderr


@pytest.mark.parametrize("rel", sorted(HOSTILE))
def test_each_hostile_file_has_its_own_clear_finding(run, rel):
    _, results = run
    files = _by_file(json.loads(results["json"].stdout))
    _, code, pos = HOSTILE[rel]
    mine = files.get(rel, [])
    assert code in {f["code"] for f in mine}, mine
    first = next(f for f in mine if f["code"] == code)
    if pos:
        assert (first["line"], first["column"]) == pos
    assert first["message"] and first["hint"]


def test_links_folders_and_pipes(run):
    _, results = run
    files = _by_file(json.loads(results["json"].stdout))
    assert {f["code"] for f in files["cadres/outside.yaml"]} == {"E-LOAD-005"}
    assert {f["code"] for f in files["cadres/loop-a.yaml"]} == {"E-LOAD-005"}
    assert {f["code"] for f in files["cadres/dir.yaml"]} == {"E-LOAD-008"}
    assert {f["code"] for f in files["cadres/fifo.yaml"]} == {"E-LOAD-010"}
    # the link within records/ is read: a second record of 张伟, which W-REF-001 tells of, on it and on its target
    for rel in ("cadres/inside.yaml", "cadres/zhang-wei.yaml"):
        assert {f["code"] for f in files[rel]} == {"W-REF-001"}, files[rel]
    # the valid files, the BOM and CRLF files and README.md raise nothing
    for quiet in ("cadres/bom.yaml", "cadres/crlf.yaml", "README.md", "cadres/.gitkeep",
                  "ledgers/2025-H2/zhang-wei.yaml", "policy.yaml"):
        assert quiet not in files, files.get(quiet)


def test_github_and_text_output_name_every_hostile_file(run):
    _, results = run
    for fmt in ("github", "text"):
        out = results[fmt].stdout
        missing = [rel for rel in HOSTILE if f"records/{rel}" not in out]
        assert not missing, (fmt, missing)


def test_unreadable_file_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    root = tmp_path / "records"
    shutil.copytree(VALID, root)
    (root / "cadres" / "li-na.yaml").chmod(0)
    result = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(root)],
                            capture_output=True, text=True, cwd=REPO, timeout=60)
    assert result.returncode == 1 and "E-LOAD-007" in result.stdout


@pytest.mark.parametrize("text,at", [
    ("a: " + "[" * 100_000, (1, 4)),  # (cadres/flow-deep.yaml above)
    ("a: " + "[{" * 50_000, (1, 4)),
    ("a:\n" + "  [\n" * 30_000, (2, 3)),
    ("a: [x, " + "[" * 60 + "]" * 61, (1, 8)),  # (within the limit of libyaml: ours, 40)
], ids=["brackets", "brackets-and-braces", "a-bracket-a-line", "after-an-item"])
def test_a_deeply_nested_flow_is_refused_in_a_moment(tmp_path, text, at):
    # Each “[” used to be read to the end of the file by the fast path's look for a Chinese comma
    # in a [ ] list (load.WIDE_COMMA), before the prescan refused the nesting: about a minute of
    # CPU for 100,000 “[”, enough to time the run above out.  Now well under a second; 10 s allowed.
    path = tmp_path / "records" / "cadres" / "deep.yaml"
    _write(path, text)
    start = time.process_time()
    _, found = load.load_file(path, tmp_path / "records")
    assert time.process_time() - start < 10
    assert [f.code for f in found] == ["E-YAML-008"]
    assert all("[" in h and "{" in h for h in (found[0].hint_zh, found[0].hint_en))  # not only “the indentation”
    # where the nesting starts, with what to do there (it was told at the 1,000th “[”, column 1003, or
    # at the 41st, with 请检查缩进，以及方括号“[ ]”、花括号“{ }”是否成对)
    assert (found[0].line, found[0].column) == at, found
    assert "从这里开始" in found[0].message_zh and "from here" in found[0].message_en, found
    assert "英文引号" in found[0].hint_zh and "quotes" in found[0].hint_en, found
