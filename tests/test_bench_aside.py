"""`bench/run.py --records` on a corpus kept aside, written otherwise than bench/corpus.py writes it:
what the benchmark tells a new user about it.  Not timed: it asserts what the tables and the run say."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.gitrepo import demo_records

REPO = Path(__file__).resolve().parent.parent


def test_a_corpus_whose_files_the_quick_path_refuses_is_said_so_not_measured_in_silence(tmp_path):
    """A university whose ledgers end with a comment holding a tab (an editor's indentation) has them parsed
    by the full loader on every cold run: the bench says how many files the quick path read, in bold when
    fewer than nine in ten, and names some of the others — beside the same records written as
    bench/corpus.py writes them, which it reads all but one of.  (Files saved without their final line
    break were such a style, until the quick path read them.)"""
    ours = demo_records(tmp_path / "ours")
    theirs = tmp_path / "theirs"
    shutil.copytree(ours, theirs)
    ledgers = sorted(theirs.glob("ledgers/*/*.yaml"))
    for p in ledgers[::2]:
        p.write_bytes(p.read_bytes() + "# 备注：\t（制表符）\n".encode())
    files = len(list(ours.rglob("*.yaml")))
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--records", f"{ours},{theirs}", "--reps", "1",
                          "--no-site", "--no-cjs", "--work", str(tmp_path / "work"), "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    first, second = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    refused = len(ledgers[::2]) + first["corpus"]["quick"]["refused"]
    assert first["corpus"]["quick"]["read"] >= files - 1
    assert second["corpus"]["quick"] == {"read": files - refused, "refused": refused,
                                         "examples": second["corpus"]["quick"]["examples"]}
    row = next(line for line in run.stdout.splitlines() if line.startswith("| files the quick path reads"))
    share = f"{files - refused} of {files} ({100 * (files - refused) / files:.0f} %)"
    read = first["corpus"]["quick"]["read"]
    assert row.endswith(f" | {read} of {files} ({100 * read / files:.0f} %) | **{share}** |"), row
    said = next(line for line in run.stdout.splitlines() if line.startswith("bench: 快速路径"))
    assert "theirs:" in said and "ours:" not in said and f"{refused} of {files}" in said
    assert all(example in said for example in second["corpus"]["quick"]["examples"])
    assert any(p.relative_to(theirs).as_posix() in said for p in ledgers[::2])
    # the same findings either way, and both paths agree on each
    assert second["same_reports"] == first["same_reports"] and first["same_reports"]["check"] is True


def test_the_variants_a_quick_path_refuses_have_the_corpus_s_findings_and_the_bench_counts_them(tmp_path):
    """bench/variants.py nofinal (every file saved without its final line break) and spaced (a topic with an
    English word and a space, `Python 诚信考试`): the same findings as the corpus, on the fast path and the
    reference path alike, and the files the quick path leaves to the full loader counted as the bench counts them
    (none now but the corpus's own: the quick path reads both styles)."""
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "150", "--seed", "7", "--out", str(corpus)],
                   cwd=REPO, check=True, capture_output=True)
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "bench"))

    def check(records: Path, **env) -> list:
        done = subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), "--today",
                               "2026-11-28", "--format", "json"], cwd=REPO, capture_output=True, text=True,
                              env={**os.environ, "CONTACT_LEDGER_CACHE": "0", **env})
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr[-2000:]
        return sorted((f["code"], f["message"]) for f in json.loads(done.stdout)["findings"])

    base = check(corpus)
    assert run.corpus_facts(corpus)["quick"]["refused"] <= 1
    for kind in ("nofinal", "spaced"):
        made = subprocess.run([sys.executable, "bench/variants.py", kind, "--from", str(corpus),
                               "--out", str(tmp_path / kind)], cwd=REPO, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        records = Path(made.stdout.strip())
        assert check(records) == base == check(records, CONTACT_LEDGER_FAST="0", CONTACT_LEDGER_WORKERS="1"), kind
        quick = run.corpus_facts(records)["quick"]
        assert quick["refused"] <= 1, (kind, quick)


def test_the_table_says_how_many_pages_the_site_and_bare_mkdocs_built(tmp_path):
    """The site's times and its ratio to bare MkDocs are of the pages built: records whose policy cannot be read
    (a university's typing error) build a site without its ledgers, and the table shows it, beside the same
    records with the policy whole — not only a quicker site in the JSON.  Bare MkDocs builds the same pages as the
    site: it counted its Markdown pages, two fewer than the site's HTML pages (the theme's 404.html, and the web
    form's admin/index.html, which the site's hook writes), and now builds those too, counted the same way."""
    whole = tmp_path / "whole"
    shutil.copytree(REPO / "tests/fixtures/valid", whole)
    broken = tmp_path / "broken"
    shutil.copytree(whole, broken)
    with (broken / "policy.yaml").open("a", encoding="utf-8") as policy:
        policy.write("institution: [\n")
    out = tmp_path / "results.json"
    run = subprocess.run([sys.executable, "bench/run.py", "--records", f"{whole},{broken}", "--reps", "1", "--no-cjs",
                          "--no-browser", "--work", str(tmp_path / "work"), "--out", str(out)],
                         cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    first, second = json.loads(out.read_text(encoding="utf-8"))["sizes"]
    built = [len(list((tmp_path / "work" / f"public-given-{k}-{name}").rglob("*.html")))
             for k, name in enumerate(("whole", "broken"))]
    assert [first["site_pages"], second["site_pages"]] == built and built[1] < built[0]
    row = f"| pages built (full site / bare MkDocs) | {built[0]} / {built[0]} | {built[1]} / {built[1]} |"
    assert row in run.stdout, run.stdout
    # the same pages, not only as many: the theme's 404.html and the web form's admin/index.html (the hook's) too
    pages = [sorted(p.relative_to(public).as_posix() for p in public.rglob("*.html"))
             for public in (tmp_path / "work" / "public-given-1-broken", tmp_path / "work" / "bare" / "public")]
    assert pages[0] == pages[1] and {"404.html", "admin/index.html"} <= set(pages[1]), pages
    assert "Pages built by one of the two builds only" not in run.stdout


def test_pages_only_one_of_the_two_builds_wrote_are_named_under_the_table():
    """Should the site and bare MkDocs ever build other pages (a page the site writes that bare MkDocs is not given),
    the ratio full site ÷ bare MkDocs is not of the same pages: the table names them, not only two counts that differ."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import run
    finally:
        sys.path.remove(str(REPO / "bench"))
    stage = {"wall": 1.0, "cpu": 1.0, "rss_mb": 100.0}
    size = {"size": 1000, "corpus": {"files": 1087, "mb": 5.3}, "site_cold": stage, "site_warm": stage,
            "bare_mkdocs": stage, "site_pages": 194, "bare_pages": 193,
            "pages_only_in": {"site": ["admin/preview.html"], "bare": []}}
    table = run.markdown({"sizes": [size]})
    assert "| pages built (full site / bare MkDocs) | 194 / 193 |" in table
    assert ("Pages built by one of the two builds only (full site ÷ bare MkDocs is then not of the same pages): "
            "1000 ledgers: 1 only in the full site (admin/preview.html)") in table
    same = {k: v for k, v in size.items() if k != "pages_only_in"} | {"site_pages": 193}
    assert "Pages built by one of the two builds only" not in run.markdown({"sizes": [same]})


def test_records_with_an_error_are_said_so_with_the_first_one_and_the_command_that_lists_them(tmp_path):
    """A corpus kept aside with a YAML mistake in one ledger (a quote never closed) was measured like any other: the
    table said only `yes / yes (1 errors, 0 warnings)`, and a new user read times of records whose ledger was never
    loaded, nor checked, nor on the site.  The run now says which corpus has errors, the first one where the user's
    own folder has it (file:line:col, its code) and the command that lists them all; clean records are not named."""
    clean = tmp_path / "clean"
    subprocess.run([sys.executable, "bench/corpus.py", "--ledgers", "60", "--seed", "3", "--out", str(clean)],
                   cwd=REPO, check=True, capture_output=True)
    mistaken = tmp_path / "mistaken"
    shutil.copytree(clean, mistaken)
    ledger = sorted(mistaken.glob("ledgers/2026-H1/*.yaml"))[0]
    lines = ledger.read_text(encoding="utf-8").split("\n")
    line = next(k for k, text in enumerate(lines, 1) if text.startswith("    summary: "))
    lines[line - 1] = lines[line - 1].replace("summary: ", 'summary: "', 1)
    ledger.write_text("\n".join(lines), encoding="utf-8")
    run = subprocess.run([sys.executable, "bench/run.py", "--records", f"{clean},{mistaken}", "--reps", "1",
                          "--no-site", "--no-cjs", "--work", str(tmp_path / "work"), "--out", str(tmp_path / "r.json")],
                         cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-3000:]
    said = [line for line in run.stdout.splitlines() if line.startswith("bench: 这些记录有错误")]
    assert len(said) == 1, run.stdout[-3000:]
    assert f"mistaken: 1 个错误，第一个在 {ledger}:{line}:14（E-YAML-001）" in said[0], said[0]
    assert f"python -m generator check --records {mistaken} --today 2026-11-28" in said[0]
    assert "mistaken: 1 error, the first at" in said[0] and "clean:" not in said[0]
    assert re.search(r"\| yes / yes \(0 errors, \d+ warnings\) \| yes / yes \(1 error, \d+ warnings\) \|", run.stdout)
