"""A warm build renders again only the pages whose inputs changed (generator/site/page_memo.py),
and builds the very site a cold build does: real `mkdocs build` runs, real files, real Git."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_build import FIXTURE_TODAY, ROOT, fixture_repo, git, mkdocs_build
from startup import counting_hook


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differing(a: dict, b: dict) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def test_a_warm_build_renders_again_only_the_pages_whose_inputs_changed_and_builds_the_cold_site(tmp_path):
    """The pages' templates rendered are counted in the build's process (a sitecustomize).  A warm
    build with nothing changed renders none, and its site is the first one, byte for byte; one
    ledger changed by one byte behind the cache's back (the same size, its time put back) renders
    its cadre's page and the few that show that value again, and the cadre's page shows it; the
    site is then byte for byte that of a cold build (no cache, a new generated folder) of the same
    records.  A generated page changed since it was written is rendered again."""
    records = fixture_repo(tmp_path)
    counting, log = counting_hook(tmp_path / "hook", "jinja2.environment", "Template.render",
                                  "self.name if (self.name or '').endswith('.md.j2') else ''")
    env = {**counting, "CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}

    def build(out: Path, cache: dict = env) -> tuple[list[str], dict]:
        log.unlink(missing_ok=True)
        built = mkdocs_build(records, out, FIXTURE_TODAY, cache)
        rendered = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return rendered, _tree(built.public)

    warm = tmp_path / "warm"
    first_rendered, first = build(warm)
    pages = len(list((warm / "generated").rglob("*.md")))
    assert pages > 20 and len(first_rendered) >= pages  # (a cold build renders every page)
    rendered, again = build(warm)
    assert rendered == [] and _differing(first, again) == []

    ledger = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    before = ledger.stat()
    data = ledger.read_bytes()
    assert data.count(b"students: 28") == 1
    ledger.write_bytes(data.replace(b"students: 28", b"students: 29"))  # one byte, behind the cache's back
    os.utime(ledger, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert ledger.stat().st_size == before.st_size
    rendered, changed = build(warm)
    print(rendered)
    assert rendered.count("cadre.md.j2") == 1 and len(rendered) < pages, rendered
    cadre_page = changed["cadres/zhang-wei.html"].decode("utf-8")
    assert cadre_page != first["cadres/zhang-wei.html"].decode("utf-8")
    assert ">29<" in cadre_page.split('id="2026-H1"', 1)[1]

    cold_rendered, cold = build(tmp_path / "cold", {**counting, "CONTACT_LEDGER_CACHE": "0"})
    assert len(cold_rendered) >= pages
    assert _differing(changed, cold) == []

    page = warm / "generated" / "cadres" / "zhang-wei.md"  # changed in the generated folder since: rendered again
    page.write_bytes(page.read_bytes() + b"\n")
    rendered, mended = build(warm)
    assert rendered == ["cadre.md.j2"], rendered
    assert _differing(mended, cold) == []
    fresh = tmp_path / "render"  # python -m generator render, no cache: the same Markdown as the warm build's
    proc = subprocess.run([sys.executable, "-m", "generator", "render", "--records", str(records), "--out", str(fresh),
                           "--today", FIXTURE_TODAY], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CONTACT_LEDGER_CACHE": "0"})
    assert proc.returncode == 0, proc.stderr
    assert (fresh / "cadres" / "zhang-wei.md").read_bytes() == page.read_bytes()


def test_a_page_note_that_cannot_be_read_only_costs_time(tmp_path, monkeypatch):
    """The pages' notes (beside the records' cache) cut short, garbage or of another shape: the site
    is rendered whole, the same files, and the notes written afresh."""
    import datetime as dt

    from generator.site import render_site

    records = fixture_repo(tmp_path)
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "generated"
    today = dt.date.fromisoformat(FIXTURE_TODAY)
    render_site(records, out, today)
    first = _tree(out)
    [notes] = (tmp_path / "cache").glob("pages-*.marshal")
    for bad in (notes.read_bytes()[:100], b"garbage", b"\xe9\x00\x00\x00\x00"):  # (the last: marshal's 0, no dict)
        notes.write_bytes(bad)
        render_site(records, out, today)
        assert _differing(first, _tree(out)) == []
        assert notes.read_bytes() != bad


def test_a_page_s_key_is_every_value_its_templates_read_exactly_and_only_those(tmp_path):
    """The key changes with any value the template or a template it includes reads — a date and its
    text, a Markup and a str, a tuple and a list are different values — and with a context value that
    hides a global of the same name; a value no template reads leaves it; an include by a name worked
    out as it renders makes no key (the page is rendered)."""
    import datetime as dt

    from jinja2 import DictLoader, Environment
    from markupsafe import Markup

    from generator.site.page_memo import PageMemo

    env = Environment(loader=DictLoader({"page": "{{ name }}{% include 'part' %}", "part": "{{ rows[0] }}",
                                         "any": "{% include which %}"}))
    env.globals["name"] = "全局"
    memo = PageMemo(tmp_path, tmp_path, b"salt")

    def key(**context):
        return memo.key(env, "page", False, {"rows": [1], **context})

    base = key(unread=1)
    assert base is not None and key(unread=2) == base
    assert key(rows=[2]) != base and key(rows=(1,)) != base
    assert key(rows=[dt.date(2026, 3, 1)]) != key(rows=["2026-03-01"])
    assert key(rows=[Markup("<b>")]) != key(rows=["<b>"])
    assert key(name="甲") != base and key(name="甲") != key(name="乙")
    assert memo.key(env, "page", True, {"rows": [1]}) != base  # (the bodies slotted out or not)
    assert memo.key(env, "any", False, {"which": "part", "rows": [1]}) is None


def _year_after(records: Path) -> None:
    """A second academic year on the calendar, 2026-2027 (张伟's ledger of its 2026-H2: _file_2026_h2)."""
    calendar = records / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + """  - id: 2026-2027
    start: "2026-09-01"
    end: "2027-08-31"
    semesters:
      - {id: 2026-2027-1, name: 2026—2027学年第一学期, start: "2026-09-01", end: "2027-01-15"}
      - {id: 2026-2027-2, name: 2026—2027学年第二学期, start: "2027-02-25", end: "2027-07-10"}
""", encoding="utf-8")


def _file_2026_h2(records: Path) -> None:
    """张伟 files 2026-H2 on 2026-12-20: his 2025-H2 ledger a year on."""
    text = (records / "ledgers" / "2025-H2" / "zhang-wei.yaml").read_text(encoding="utf-8")
    (records / "ledgers" / "2026-H2").mkdir()
    (records / "ledgers" / "2026-H2" / "zhang-wei.yaml").write_text(
        text.replace("2025-H2", "2026-H2").replace('"2025-', '"2026-').replace("2025h2-", "2026h2-"), encoding="utf-8")
    git(records.parent, "add", "records/ledgers/2026-H2")
    git(records.parent, "commit", "-q", "-m", "台账 2026-H2", date="2026-12-20T10:00:00+08:00")


def _row(page: str, label: str) -> list[str]:
    return next(line.strip("| ").split(" | ") for line in page.splitlines() if line.startswith(f"| {label} |"))


def test_a_ledger_of_the_year_before_changed_renders_the_year_compared_with_it_again(tmp_path):
    """学年工作总结 compares a year with the year before: a warm build after a ledger of 2025-2026 changed renders the
    2026-2027 page again too (its 上一学年 column reads the year before's figures), which then says the new sum, as a
    cold build does."""
    records = fixture_repo(tmp_path, _year_after)
    _file_2026_h2(records)
    counting, log = counting_hook(tmp_path / "hook", "jinja2.environment", "Template.render",
                                  "self.name if (self.name or '').endswith('.md.j2') else ''")
    env = {**counting, "CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}
    warm = tmp_path / "warm"
    mkdocs_build(records, warm, "2027-07-20", env)
    page = (warm / "generated" / "summary" / "2026-2027.md").read_text(encoding="utf-8")
    before = _row(page, "接触学生（人次）")
    assert "与上一学年（[2025-2026 学年](2025-2026.md)）相比" in page and len(before) == 6, before
    ledger = records / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("students: 28", "students: 29"), encoding="utf-8")
    log.unlink(missing_ok=True)
    mkdocs_build(records, warm, "2027-07-20", env)
    assert log.read_text(encoding="utf-8").splitlines().count("summary_year.md.j2") == 2  # (2025-2026's, 2026-2027's)
    page = (warm / "generated" / "summary" / "2026-2027.md").read_text(encoding="utf-8")
    after = _row(page, "接触学生（人次）")
    assert int(after[4]) == int(before[4]) + 1 and after[:4] == before[:4], (before, after)
    cold = mkdocs_build(records, tmp_path / "cold", "2027-07-20", {"CONTACT_LEDGER_CACHE": "0"})
    assert (cold.generated / "summary" / "2026-2027.md").read_text(encoding="utf-8") == page
