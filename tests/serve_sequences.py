"""The live preview against a fresh build, through random edits: one `mkdocs serve` runs the whole
time on a copy of the records; after each edit (edit_sequences.Repo, Git's own steps left out:
the preview reads the working files) and its rebuild, every file of a fresh `mkdocs build`
through the reference path (no cache, one process, PyYAML and jsonschema) must be served with
the same bytes — but for what `mkdocs serve` itself adds (the live-reload script, the canonical
address, the site map, and 404.html, written for the address it gives the site).

    python tests/serve_sequences.py --steps 60 --seed 4      # a long run; exit 1 at the first difference
tests/test_site_serve.py runs a short one in `make test`.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import edit_sequences

KINDS = [k for k in edit_sequences.KINDS if k not in ("commit", "amend", "undo-commit", "restore-from-git")]
TODAY = "2026-11-28"


def _normal(page: bytes) -> bytes:
    page = re.sub(rb'\s*<link rel="canonical" href="[^"]*">', b"", page)
    page = re.sub(rb"\s*<script>\s*var livereload = function.*?</script>", b"", page, flags=re.DOTALL)
    return re.sub(rb"\s*([<>])\s*", rb"\1", re.sub(rb"\s+", b" ", page))


# `mkdocs serve` with Ctrl-C (SIGINT) stopping it as in a terminal: a command started in the
# background by a shell without job control (`make test &`, some CI runners) ignores SIGINT, and
# so would the preview it starts, which then never stops to remove its build folder.
_SERVE = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
          "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)")


class Preview:
    """`mkdocs serve` of these records, and how many builds it has finished."""

    def __init__(self, records: Path, work: Path, before: str = "", **env: str):
        """`before`: Python run in the process before MkDocs starts; `env`: more of its environment."""
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        env = dict(os.environ, LEDGER_RECORDS=str(records), LEDGER_TODAY=TODAY, NO_MKDOCS_2_WARNING="1",
                   LEDGER_GENERATED=str(work / "generated-serve"), **env)
        self.process = subprocess.Popen([sys.executable, "-c", before + "\n" + _SERVE, "serve", "-f", str(ROOT / "mkdocs.yml"),
                                         "-a", f"127.0.0.1:{self.port}"], cwd=work, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.log: list[str] = []
        threading.Thread(target=lambda: self.log.extend(self.process.stdout), daemon=True).start()

    def builds(self) -> int:
        return sum("Serving on" in line or "Reloading browsers" in line for line in self.log)

    def wait(self, builds: int, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while self.builds() < builds:
            if time.monotonic() > end or self.process.poll() is not None:
                return False
            time.sleep(0.2)
        return True

    def get(self, rel: str) -> bytes:
        url = f"http://127.0.0.1:{self.port}/{urllib.parse.quote(rel)}"
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.read()

    def idle(self, seconds: float = 120) -> None:
        """Until no rebuild is under way: each "Detected file changes" has its "Reloading browsers"
        (or its error), and nothing new has been said for 1.5 s (MkDocs looks for changes every
        0.5 s).  A page can show a change before its rebuild has ended."""
        end, said = time.monotonic() + seconds, -1
        while time.monotonic() < end and self.process.poll() is None:
            lines = list(self.log)
            began = sum("Detected file changes" in line for line in lines)
            ended = sum("Reloading browsers" in line or "An error happened during the rebuild" in line for line in lines)
            if began == ended and len(lines) == said:
                return
            said = len(lines) if began == ended else -1
            time.sleep(1.5)

    def stop(self) -> None:
        """As Ctrl-C stops it, once it is idle: `mkdocs serve` then removes the folder it built into
        (a SIGTERM ends it before it can)."""
        self.idle()
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


def reference_build(records: Path, out: Path, work: Path) -> str:
    """A fresh build through the reference path; its errors ("" if none)."""
    shutil.rmtree(out, ignore_errors=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONTACT_LEDGER_")}
    env.update(edit_sequences.REFERENCE, LEDGER_RECORDS=str(records), LEDGER_TODAY=TODAY, NO_MKDOCS_2_WARNING="1",
               LEDGER_GENERATED=str(work / "generated-build"))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
                          cwd=work, env=env, capture_output=True, text=True, check=False)
    return "" if done.returncode == 0 else done.stderr[-2000:]


def sequence(work: Path, seed: int, steps: int, say=print, kinds: list[str] | None = None) -> list[str]:
    """Run `steps` edits under one preview; the differences found (empty: the same every time)."""
    rnd = random.Random(seed)
    repo = edit_sequences.Repo(work, rnd)
    preview = Preview(repo.records, work)
    try:
        if not preview.wait(1, 300):
            return ["the preview never started:\n" + "".join(preview.log[-40:])]
        for n in range(1, steps + 1):
            before = preview.builds()
            what = repo.edit(kinds[(n - 1) % len(kinds)] if kinds else rnd.choice(KINDS))
            rebuilt = preview.wait(before + 1, 30)  # (an edit that changes no byte rebuilds nothing)
            failed = reference_build(repo.records, work / "built", work)
            differ = [f"the reference build failed: {failed}"] if failed else []
            for path in sorted((work / "built").rglob("*")):
                rel = path.relative_to(work / "built").as_posix()
                # (404.html: `mkdocs serve` gives the site its own address, and a site with an address keeps its
                # 404.html as MkDocs writes it; the reference build has none: notfound.rooted rewrites it)
                if path.is_dir() or rel.startswith("sitemap.xml") or rel == "404.html":
                    continue
                try:
                    got = preview.get(rel)
                except OSError as exc:
                    differ.append(f"{rel}: {exc}")
                    continue
                want = path.read_bytes()
                if rel.endswith(".html"):
                    got, want = _normal(got), _normal(want)
                if got != want:
                    differ.append(rel)
            say(f"{n:4d} {what}" + ("" if rebuilt else " (no rebuild)") + (f"  ← DIFFERS: {differ[:6]}" if differ else ""))
            if differ or preview.process.poll() is not None or "Traceback" in "".join(preview.log):
                return differ + ["mkdocs serve said:\n" + "".join(preview.log[-40:])]
        return []
    finally:
        preview.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    opts = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="serve-sequences-"))
    found = sequence(work, opts.seed, opts.steps)
    print("\n".join(found) or "same", f"(in {work})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
