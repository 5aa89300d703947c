"""Random sequences of edits to a real record folder in a real Git repository, each followed by
`validate` and `check` twice: through the fast path with one cache kept across the whole sequence,
and through the reference path (no cache, one process, PyYAML and jsonschema).  The two must print
the same bytes and exit with the same code after every step.

The caches layer many things kept between runs (each file's values and findings, the rules'
results per cadre, the references, the "did you mean" answers, the Git history of the ledgers),
and each is tested on its own elsewhere; this drives them all together, as a repository lives:
values changed, lines deleted or doubled, files added, removed, restored, touched, re-encoded,
commits made, amended and undone, and the date and options of the check changed between runs.

    python tests/edit_sequences.py --steps 500 --seed 3        # a long run; exit 1 at the first difference
tests/test_edit_sequences.py runs a short sequence in `make test`.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from gitrepo import commit, demo_records, git, init_repo

from generator import cache

REFERENCE = {"CONTACT_LEDGER_CACHE": "0", "CONTACT_LEDGER_FAST": "0", "CONTACT_LEDGER_WORKERS": "1"}
TODAYS = ["2026-11-28", "2026-07-10", "2027-01-10", "2026-12-31", "2026-06-30", "2026-03-01"]
# Values a cadre or an administrator might type, right and wrong: dates, numbers, texts, ids,
# YAML's odd spellings, a student identified (the privacy check), quoting of every kind.
VALUES = [
    "2026-03-01", "2026-06-30", "2026-12-31", "2027-01-05", "2025-12-31", "2026-13-01", "2026-1-5", "'2026-03-01'",
    "0", "-1", "3", "31", "1000", "三十一", "1.5", "0x10", "+1", "1e3",
    "座谈交流", "进班级", "面对面", "线上", "主题班会", "与学生座谈，了解学习情况。", "张三同学反映宿舍问题",
    "学号2021123456的学生", "电话13812345678", '"加了引号的文字"', "'单引号'", "Q&A 环节 *重点*!", "", "null", "~",
    "[]", "{}", "[a, b]", "yes", "True", "bai-taoyu", "nobody-here", "mkt-2023-01", "club-chorus", "BAI-TAOYU",
    "2026-H1", "2025-H2", "2027-H1", "待处理", "已解决", "已上报", ".inf", "&a x", "*a", "!tag x", "@x", "`x`",
    "好!", "|\n      多行的\n      文字", ">-\n      折叠的\n      文字", '"转义\\t和\\u5b66"',
]
KEYS = ["summary", "students", "date", "form", "place", "channel", "cadre", "period", "unknown_key", "备注", "end",
        "start", "reason", "status"]
# The kinds of step (Repo.edit), and how often each is drawn in a long run.
KINDS = ["value", "admin-value", "value-settled", "feedback-link", "privacy-exception", "delete-line", "double-line", "new-key",
         "remove-file", "new-file", "restore", "bytes", "touch", "commit", "amend", "undo-commit", "restore-from-git"]
WEIGHTS = [24, 10, 2, 8, 4, 6, 4, 5, 4, 6, 5, 5, 3, 10, 3, 3, 3]


@dataclass
class Step:
    what: str
    today: str
    args: tuple[str, ...]
    formats: dict  # command → --format


class Repo:
    """A copy of a record folder (the demo, generated, by default) in a Git repository, and the edits
    made to it."""

    def __init__(self, where: Path, rnd: random.Random, source: Path | None = None):
        self.rnd = rnd
        self.repo = init_repo(where / "repo")
        if source is None:  # the demo, generated (records/ is a university's own in its clone)
            demo_records(self.repo / "records")
        else:
            shutil.copytree(source, self.repo / "records")
        commit(self.repo, "2026-07-01 09:00", "导入")
        self.records = self.repo / "records"
        self.original = {p.relative_to(self.records).as_posix(): p.read_bytes()
                         for p in self.records.rglob("*.yaml")}
        self.cache = where / "cache"
        self.commits = 1
        self.recent: list[Path] = []  # the files edited last

    def files(self) -> list[Path]:
        return sorted(self.records.rglob("*.yaml"))

    def _pick(self, kind: str) -> Path:
        """For "admin-value" one of the administrator's files, each of which many others depend on
        (policy, calendar, units, classes, clubs, assignments, imports, exemptions …); else a
        ledger mostly, any file sometimes."""
        files = self.files()
        admin = [p for p in files if p.parent == self.records or p.parent.name in ("classes", "assignments", "imports")]
        recent = [p for p in self.recent if p.exists()]
        if kind == "admin-value" and admin:
            path = self.rnd.choice(admin)
        elif recent and self.rnd.random() < 0.4:  # the same file again, as a pull request is reworked
            path = self.rnd.choice(recent)
        else:
            ledgers = [p for p in files if "ledgers" in p.parts]
            path = self.rnd.choice(ledgers if ledgers and self.rnd.random() < 0.7 else files)
        self.recent = [path] + [p for p in self.recent if p != path][:4]
        return path

    def _lines(self, path: Path) -> list[str]:
        return path.read_text(encoding="utf-8", errors="surrogateescape").split("\n")

    def _write_lines(self, path: Path, lines: list[str]) -> None:
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogateescape")

    def edit(self, kind: str | None = None) -> str:
        r = self.rnd
        kind = kind or r.choices(KINDS, WEIGHTS)[0]
        if kind in ("amend", "undo-commit") and self.commits < 2:
            kind = "commit"
        if kind == "value-settled":
            # A file unchanged for a while (so its status was trusted to stand for its bytes, as
            # Git's index does), changed, then left alone a while before the next run: the run must
            # see the change by the file's status alone.
            keep, self.recent = self.recent, []
            what = self.edit("value")
            self.recent += keep[:4]
            time.sleep(cache.SETTLED_NS / 1e9 + 0.2)
            return what.replace("value", kind, 1)
        path = self._pick(kind)
        rel = path.relative_to(self.records).as_posix()
        if kind in ("value", "admin-value"):
            lines = self._lines(path)
            spots = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[\w\u4e00-\u9fff]+: ", line)]
            if not spots:
                return "value: none"
            i = r.choice(spots)
            head = lines[i].split(": ", 1)[0]
            lines[i] = f"{head}: {r.choice(VALUES)}"
            self._write_lines(path, lines)
            return f"{kind} {rel}:{i + 1} {lines[i]!r}"
        if kind in ("delete-line", "double-line"):
            lines = self._lines(path)
            i = r.randrange(len(lines))
            if kind == "delete-line":
                gone = lines.pop(i)
            else:
                gone = lines[i]
                lines.insert(i, lines[i])
            self._write_lines(path, lines)
            return f"{kind} {rel}:{i + 1} {gone!r}"
        if kind == "new-key":
            lines = self._lines(path)
            i = r.randrange(len(lines))
            indent = re.match(r"^(\s*)(- )?", lines[i])
            pad = " " * (len(indent.group(0)) if indent else 0)
            line = f"{pad}{r.choice(KEYS)}: {r.choice(VALUES)}"
            lines.insert(i + 1, line)
            self._write_lines(path, lines)
            return f"new-key {rel}:{i + 2} {line!r}"
        if kind == "feedback-link":
            return self._feedback_link()
        if kind == "privacy-exception":
            return self._privacy_exception()
        if kind == "remove-file":
            path.unlink()
            return f"remove {rel}"
        if kind == "new-file":
            ledgers = sorted(self.records.glob("ledgers/*/*.yaml"))
            if not ledgers:
                return "new-file: none"
            source = r.choice(ledgers)
            cadres = [p.stem for p in sorted(self.records.glob("cadres/*.yaml"))] or ["someone"]
            cadre = r.choice(cadres + ["nobody-here"])
            period = r.choice(["2026-H1", "2026-H2", "2025-H2", "2027-H1"])
            text = source.read_text(encoding="utf-8", errors="surrogateescape")
            if r.random() < 0.8:
                text = re.sub(r"(?m)^cadre: .*$", f"cadre: {cadre}", text)
                text = re.sub(r"(?m)^period: .*$", f"period: {period}", text)
            target = self.records / "ledgers" / period / f"{cadre}.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", errors="surrogateescape")
            return f"new-file {target.relative_to(self.records).as_posix()} from {source.name}"
        if kind == "restore":
            gone = [k for k in self.original if not (self.records / k).exists()]
            key = r.choice(gone) if gone and r.random() < 0.5 else rel
            if key not in self.original:
                path.unlink()
                return f"restore (remove new) {key}"
            (self.records / key).parent.mkdir(parents=True, exist_ok=True)
            (self.records / key).write_bytes(self.original[key])
            return f"restore {key}"
        if kind == "bytes":
            raw = path.read_bytes()
            how = r.choice(["tab", "bom", "crlf", "dashes", "no-final-break", "nul", "latin1", "comment"])
            raw = {"tab": lambda b: b + "# 备注：\t制表符\n".encode(),
                   "bom": lambda b: b"\xef\xbb\xbf" + b,
                   "crlf": lambda b: b.replace(b"\n", b"\r\n"),
                   "dashes": lambda b: b"---\n" + b,
                   "no-final-break": lambda b: b.rstrip(b"\n"),
                   "nul": lambda b: b[:len(b) // 2] + b"\x00" + b[len(b) // 2:],
                   "latin1": lambda b: b + b"# caf\xe9\n",
                   "comment": lambda b: b + "# 修改说明：补充了活动记录\n".encode()}[how](raw)
            path.write_bytes(raw)
            return f"bytes {how} {rel}"
        if kind == "touch":
            path.write_bytes(path.read_bytes())
            return f"touch {rel}"
        if kind == "commit":
            day = r.choice(["2026-06-29", "2026-07-02", "2026-12-30", "2027-01-03", "2026-11-20"])
            commit(self.repo, f"{day} {r.randrange(24):02d}:{r.randrange(60):02d}", "修改")
            self.commits += 1
            return f"commit {day}"
        if kind == "amend":
            day = r.choice(["2026-07-01", "2027-01-08"])
            git(self.repo, "add", "-A")
            git(self.repo, "commit", "-q", "--amend", "--allow-empty", "--no-edit",
                env={"GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00", "GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00"})
            return f"amend {day}"
        if kind == "undo-commit":
            git(self.repo, "reset", "-q", "--hard", "HEAD~1")
            git(self.repo, "clean", "-q", "-fd")
            self.commits -= 1
            return "undo-commit (reset --hard HEAD~1)"
        git(self.repo, "checkout", "-q", "HEAD", "--", ".")
        return "restore-from-git (checkout HEAD -- .)"

    def _feedback_link(self) -> str:
        """Tie a feedback item to another ledger's (any cadre's, any period's): follow it, take
        its id (a duplicate), or lose an id — what references across ledgers are made of."""
        r = self.rnd
        ids, holders = [], []
        for path in sorted(self.records.glob("ledgers/*/*.yaml")):
            found = re.findall(r"(?m)^  - id: (\S+)$", path.read_text(encoding="utf-8", errors="surrogateescape"))
            ids += found
            if found:
                holders.append(path)
        if not holders:
            return "feedback-link: none"
        path = r.choice(holders)
        rel = path.relative_to(self.records).as_posix()
        lines = self._lines(path)
        spots = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
        i, other = r.choice(spots), r.choice(ids + ["2020h1-nobody-1"])
        how = r.choice(["follows", "same-id", "no-id"])
        if how == "follows":
            follows = [j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].startswith("    follows: ")]
            if follows:
                lines[follows[0]] = f"    follows: {other}"
            else:
                lines.insert(i + 1, f"    follows: {other}")
        elif how == "same-id":
            lines[i] = f"  - id: {other}"
        else:
            lines[i] = "  - raised_on: 2026-05-01" if r.random() < 0.5 else "  -"
        self._write_lines(path, lines)
        return f"feedback-link {how} {rel}:{i + 1} {other}"

    def _privacy_exception(self) -> str:
        """A telephone number written into a ledger's text, and an exception for it in
        privacy-exceptions.yaml: mostly for its file, line and kind, sometimes a line or a kind
        off (the exception then matches nothing)."""
        r = self.rnd
        ledgers = sorted(self.records.glob("ledgers/*/*.yaml"))
        exceptions = self.records / "privacy-exceptions.yaml"
        if not ledgers or not exceptions.exists():
            return "privacy-exception: none"
        path = r.choice(ledgers)
        rel = path.relative_to(self.records).as_posix()
        lines = self._lines(path)
        spots = [i for i, line in enumerate(lines)
                 if re.match(r"^\s*(- )?(summary|description|content|note|resolution): ", line)]
        if not spots:
            return "privacy-exception: none"
        i = r.choice(spots)
        lines[i] = lines[i].split(": ", 1)[0] + ": 与学生座谈，公开的咨询热线13812345678"
        self._write_lines(path, lines)
        line = i + 1 + r.choice([0, 0, 0, 1, -1])
        kind = r.choice(["mobile", "mobile", "phone", "landline"])
        text = exceptions.read_text(encoding="utf-8", errors="surrogateescape").replace("exceptions: []", "exceptions:")
        text = text.rstrip("\n") + f"\n  - file: {rel}\n    line: {line}\n    kind: {kind}\n" \
            "    reason: 心理中心对外公开的咨询热线，不是学生信息\n    reviewed_by: 李思远\n"
        exceptions.write_text(text, encoding="utf-8", errors="surrogateescape")
        return f"privacy-exception {rel}:{i + 1} (excepted: line {line}, {kind})"

    def step(self, kind: str | None = None) -> Step:
        what = self.edit(kind)
        r = self.rnd
        args = []
        if r.random() < 0.2:
            args.append("--strict")
        if r.random() < 0.2:
            args += ["--lang", "en"]
        formats = {"validate": r.choices(["json", "text", "github"], [7, 2, 1])[0],
                   "check": r.choices(["json", "markdown", "text", "github"], [5, 3, 1, 1])[0]}
        return Step(what, r.choice(TODAYS), tuple(args), formats)


def run(repo: Repo, command: str, step: Step, env: dict) -> tuple[int, str, str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("CONTACT_LEDGER_", "GIT_"))}
    full.update(env, PYTHONPATH=str(ROOT))
    args = [sys.executable, "-m", "generator", command, "--records", str(repo.records),
            "--format", step.formats[command]]
    args += [a for a in step.args if command == "check" or a != "--strict"]
    if command == "check":
        args += ["--today", step.today]
    out = subprocess.run(args, check=False, cwd=repo.repo, env=full, capture_output=True)
    return out.returncode, out.stdout.decode("utf-8", "replace"), out.stderr.decode("utf-8", "replace")


def sequence(where: Path, seed: int, steps: int, say=print, kinds: list[str] | None = None,
             source: Path | None = None) -> list[str]:
    """Run `steps` edits (of these kinds in turn, or drawn at random); return the differences
    found (empty: the fast path agreed every time)."""
    rnd = random.Random(seed)
    repo = Repo(where, rnd, source)
    fast = {"CONTACT_LEDGER_CACHE": str(repo.cache)}
    differences = []
    for n in range(1, steps + 1):
        step = repo.step(kinds[(n - 1) % len(kinds)] if kinds else None)
        env = dict(fast)
        if rnd.random() < 0.3:  # the loading workers too, not only one process (the demo is small)
            env.update(CONTACT_LEDGER_WORKERS="2", CONTACT_LEDGER_PARALLEL_MIN="1")
        for command in ("validate", "check"):
            got, want = run(repo, command, step, env), run(repo, command, step, REFERENCE)
            tag = f"step {n} ({step.what}; {command} --format {step.formats[command]} --today {step.today}" \
                  f" {' '.join(step.args)})"
            if "Traceback" in got[2] or "Traceback" in want[2]:
                differences.append(f"{tag}: a traceback\n{got[2][-2000:]}\n{want[2][-2000:]}")
            elif got[:2] != want[:2]:
                differences.append(f"{tag}: exit {got[0]} / {want[0]}, reports differ\n"
                                   + _first_difference(got[1], want[1]))
        say(f"{n:4d} {step.what}" + (f"  ← DIFFERS ({len(differences)})" if differences else ""))
        if differences:
            break
    return differences


def _first_difference(a: str, b: str) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}:\n  fast:      {x[:300]}\n  reference: {y[:300]}"
    return f"lengths {len(la)} / {len(lb)} lines"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=Path, default=ROOT / "records",
                    help="the records to start from (default: this repository's); e.g. a corpus of bench/corpus.py")
    ap.add_argument("--work", type=Path, default=None, help="folder for the repository (kept); default a temporary one")
    opts = ap.parse_args()
    import tempfile

    where = opts.work or Path(tempfile.mkdtemp(prefix="edit-sequences-"))
    where.mkdir(parents=True, exist_ok=True)
    found = sequence(where, opts.seed, opts.steps, source=opts.records)
    for d in found:
        print(d)
    print(f"{'DIFFERENCE' if found else 'same'}; repository in {where}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
