"""Variants of a generated corpus: the same records with what a real university's would also have.

    python bench/variants.py KIND --from build/bench/corpus-12000-seed7 --out /tmp/KIND
    python bench/run.py --records /tmp/KIND --no-cjs          # (for `git`: --records /tmp/git/records)

Each variant changes every third ledger (in sorted order) or adds records, deterministically:

  holiday      the first activity dated in the holiday of its half-year (W-CHK-010)
  privacy      a student's number and a mobile number in the first summary (E-PRIV-001, twice)
  refs         a contact point that does not exist (E-REF-001, all the same id)
  errors       the first activity's number of students written in words (E-SCHEMA-003)
  missing      the file deleted; the import manifest still lists it (E-REF-001 with a suggestion)
  exemptions   1,500 exemptions, random cadres and three-month spans (every ledger unchanged)
  tab          a comment line with a tab appended to every ledger (the quick path refuses the file)
  punctuation  a comment line with ASCII punctuation appended to every ledger
  crlf         every file with Windows line ends
  bom          every file starting with a UTF-8 byte order mark
  pyyaml       every file as PyYAML writes it by default (sorted keys, "\\u…" escapes, long strings
               wrapped), and pyyaml-unicode with allow_unicode and the keys in their order
  flow         every file in flow style ({key: value, list: [a, b]}), as PyYAML writes it with
               default_flow_style
  json         every file as JSON (which is YAML), as a script exporting a spreadsheet would write it
  quoted       every text (keys too) in double quotes, numbers and true/false as they are
  directive    every file opened by a `%YAML 1.1` directive and `---`, and closed by `...`
  handwritten  every ledger in one of seven styles people write by hand, in turn: four-space indents,
               sequences at their key's indentation, texts as `|-` or `>-` block scalars, a comment
               after values and before each activity (with a blank line), texts in single quotes, the
               first two keys swapped (the same values: a corpus another tool or person wrote)
  nofinal      every file without its final line break, as some Windows editors save it (the quick path
               reads such a file as if the break were there, but for a block scalar ending it:
               bench/run.py's row of the files it reads says how many)
  spaced       the first topic of every ledger (its first activity's) with an English word and a space before
               it, "Python 诚信考试"
               (a list item holding a space, on one line: the quick path reads it; on two lines it
               would be E-YAML-015, which only the full loader reports)
  git          a Git repository (OUT/records) in which each ledger lands in its own commit on the
               day the import manifest says it was submitted; the manifest itself left out
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path


def _every_third(out: Path, change) -> None:
    for i, path in enumerate(sorted(out.glob("ledgers/*/*.yaml"))):
        if i % 3 == 0:
            change(path)


def _every_ledger(out: Path, change) -> None:
    for path in sorted(out.glob("ledgers/*/*.yaml")):
        change(path)


def _edit(pattern: str, replace):
    """The first match of `pattern` replaced (`replace`: a template, or path → template)."""
    def change(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(pattern, replace(path) if callable(replace) else replace, text, count=1),
                        encoding="utf-8")
    return change


def _holiday(path: Path) -> str:
    year, half = path.parent.name.split("-")
    return r"\g<1>" + (f"{year}-02-05" if half == "H1" else f"{year}-08-05")


def _append(line: str):
    def change(path: Path) -> None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(line)
    return change


def _rewrite(kind: str):
    """Each file's values written again in another style (the same values: see tests/test_bench_smoke.py)."""
    import json

    import yaml

    class Quoted(yaml.SafeDumper):
        pass

    Quoted.add_representer(str, lambda dumper, s: dumper.represent_scalar("tag:yaml.org,2002:str", s, style='"'))

    def change(raw: bytes) -> bytes:
        data = yaml.load(raw, Loader=yaml.CSafeLoader)
        if kind == "json":
            return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")
        if kind == "pyyaml":
            return yaml.dump(data, Dumper=yaml.CSafeDumper).encode("utf-8")
        mine = {"allow_unicode": True, "sort_keys": False}
        if kind == "flow":
            return yaml.dump(data, Dumper=yaml.CSafeDumper, default_flow_style=True, width=100, **mine).encode("utf-8")
        return yaml.dump(data, Dumper=Quoted if kind == "quoted" else yaml.CSafeDumper, **mine).encode("utf-8")
    return change


def _handwritten() -> list:
    """The seven styles of `handwritten`, each text → text with the same values."""
    import yaml

    class Indented(yaml.SafeDumper):  # sequences indented below their key, as most editors do
        def increase_indent(self, flow=False, indentless=False):
            return super().increase_indent(flow, False)

    texts = r"(?m)^( *)(summary|description|reflections|content|place|form|channel): (.*)$"
    long = r"(?m)^( *)(summary|description|reflections|content): (.*)$"

    def block(style: str):
        return lambda t: re.sub(long, lambda m: f"{m[1]}{m[2]}: {style}\n{m[1]}  {m[3]}", t)

    return [
        lambda t: yaml.dump(yaml.load(t, Loader=yaml.CSafeLoader), Dumper=Indented, indent=4, allow_unicode=True,
                            sort_keys=False, width=4096),
        lambda t: re.sub(r"(?m)^  ", "", t),
        block("|-"),
        block(">-"),
        lambda t: re.sub(r"(?m)^( *)- date:", r"\n\1# 下一次活动\n\1- date:",
                         re.sub(r"(?m)^( *)(form|place|channel|students): (.*)$", r"\1\2: \3  # 注", t)),
        lambda t: re.sub(texts, lambda m: f"{m[1]}{m[2]}: '" + m[3].replace("'", "''") + "'", t),
        lambda t: re.sub(r"\Acadre: (.*)\nperiod: (.*)\n", r"period: \2\ncadre: \1\n", t),
    ]


def _every_file(out: Path, change) -> None:
    for path in sorted(out.rglob("*.yaml")):
        path.write_bytes(change(path.read_bytes()))


def _exemptions(out: Path) -> None:
    cadres = sorted(p.stem for p in out.glob("cadres/*.yaml"))
    rnd = random.Random(3)
    lines = ["exemptions:"]
    for _ in range(1500):
        year, month = rnd.randint(2016, 2026), rnd.choice([1, 3, 7, 9])
        rules = rnd.choice([["semester_contacts", "ledger"], ["ledger"], ["semester_contacts"], ["contact_point"]])
        lines += [f"  - cadre: {rnd.choice(cadres)}", "    rules:", *(f"      - {r}" for r in rules),
                  f"    start: {year}-{month:02d}-01", f"    end: {year}-{month + 2:02d}-28",
                  "    reason: 病假（三个月），期间免于相应要求", "    approved_by: 李思远"]
    (out / "exemptions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _git(source: Path, out: Path) -> Path:
    """One commit per ledger, in the order and on the day the import manifest gives (10:00 in
    Shanghai); the other records in a first commit.  Built with git fast-import (seconds)."""
    import yaml

    manifest = source / "imports" / "legacy-platform.yaml"
    landed = {e["path"]: str(e["submitted"]) for e in yaml.safe_load(manifest.read_text(encoding="utf-8"))["ledgers"]}
    out.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    stream = bytearray()

    def commit(day: str, minute: int, message: str, files: list[Path]) -> None:
        stamp = int(dt.datetime.fromisoformat(f"{day}T10:{minute:02d}:00+08:00").timestamp())
        text = message.encode()
        stream.extend(b"commit refs/heads/main\ncommitter Bench <bench@example.edu.cn> %d +0800\n" % stamp)
        stream.extend(b"data %d\n%s\n" % (len(text), text))
        for path in files:
            data = path.read_bytes()
            rel = "records/" + path.relative_to(source).as_posix()
            stream.extend(f"M 100644 inline {rel}\n".encode() + b"data %d\n" % len(data) + data + b"\n")
        stream.extend(b"\n")

    others = [p for p in sorted(source.rglob("*.yaml")) if p.relative_to(source).parts[0] not in ("ledgers", "imports")]
    commit("2016-07-01", 0, "初始化记录", others)
    ledgers = sorted(source.glob("ledgers/*/*.yaml"), key=lambda p: (landed[p.relative_to(source).as_posix()], p))
    for i, path in enumerate(ledgers):
        rel = path.relative_to(source).as_posix()
        commit(landed[rel], i % 60, f"台账 {rel}", [path])
    subprocess.run(["git", "fast-import", "--quiet"], cwd=out, input=bytes(stream), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=out, check=True)
    return out / "records"


def make(kind: str, source: Path, out: Path) -> Path:
    if out.exists():
        sys.exit(f"variants: {out} exists; remove it first")
    if kind == "git":
        return _git(source, out)
    shutil.copytree(source, out)
    if kind == "holiday":
        _every_third(out, _edit(r"(  - date: )\d{4}-\d\d-\d\d", _holiday))
    elif kind == "privacy":
        _every_third(out, _edit(r"(    summary: )", r"\g<1>学生张三（学号2021012345，电话13812345678）反映："))
    elif kind == "refs":
        _every_third(out, _edit(r"(contact_points:\n)", r"\g<1>  - class-nowhere-2099\n"))
    elif kind == "errors":
        _every_third(out, _edit(r"(    students: )\d+", r"\g<1>三十一"))
    elif kind == "missing":
        _every_third(out, os.remove)
    elif kind == "exemptions":
        _exemptions(out)
    elif kind == "tab":
        _every_ledger(out, _append("# 备注：\t（这一行有制表符）\n"))
    elif kind == "punctuation":
        _every_ledger(out, _append("# 备注: Q&A 环节 *重点*!\n"))
    elif kind == "crlf":
        _every_file(out, lambda b: b.replace(b"\n", b"\r\n"))
    elif kind == "bom":
        _every_file(out, lambda b: b"\xef\xbb\xbf" + b)
    elif kind in ("pyyaml", "pyyaml-unicode", "flow", "json", "quoted"):
        _every_file(out, _rewrite(kind))
    elif kind == "directive":
        _every_file(out, lambda b: b"%YAML 1.1\n---\n" + b + b"...\n")
    elif kind == "nofinal":
        _every_file(out, lambda b: b.rstrip(b"\r\n"))
    elif kind == "spaced":
        _every_ledger(out, _edit(r"(?m)^(  +topics:\n +- )", r"\g<1>Python "))
    elif kind == "handwritten":
        styles = _handwritten()
        for i, path in enumerate(sorted(out.glob("ledgers/*/*.yaml"))):
            path.write_text(styles[i % len(styles)](path.read_text(encoding="utf-8")), encoding="utf-8")
    return out


KINDS = ("holiday", "privacy", "refs", "errors", "missing", "exemptions", "tab", "punctuation", "crlf", "bom",
         "pyyaml", "pyyaml-unicode", "flow", "json", "quoted", "directive", "handwritten", "nofinal", "spaced", "git")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("kind", choices=KINDS)
    ap.add_argument("--from", dest="source", type=Path, required=True, help="a corpus from bench/corpus.py")
    ap.add_argument("--out", type=Path, required=True, help="a new folder")
    args = ap.parse_args()
    if not (args.source / "policy.yaml").is_file():
        sys.exit(f"variants: {args.source} holds no records (policy.yaml)")
    print(make(args.kind, args.source, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
