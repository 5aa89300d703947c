"""A university's site is named after it: 北方农林大学's pages were titled 附件1 工作安排表 - 联系学生工作台账 in the browser's
tab, and its header and its search said 联系学生工作台账 — no university's — while its home page, its printed ledgers
and its web form's tab say 北方农林大学联系学生工作台账 (cms.site_name).  The adopter's guide gives no step to name it
(mkdocs.yml is the program's file, taken again with each new version); the site is named from the records' policy
(institution.name) unless mkdocs.yml's site_name was changed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import yaml

from gitrepo import commit, init_repo, write
from site_build import mkdocs_build
from test_own_records_form import OWN


def test_the_site_is_named_after_the_university_of_its_records(tmp_path):
    repo = init_repo(tmp_path / "repo")
    write(repo, OWN)
    commit(repo, "2026-12-01 10:00", "本校的记录")
    built = mkdocs_build(repo / "records", tmp_path / "out", "2026-12-04")
    page = (built.public / "attachment1.html").read_text(encoding="utf-8")
    assert "<title>附件1 工作安排表 - 北方农林大学联系学生工作台账</title>" in page, re.findall(r"<title>.*?</title>", page)
    header = re.search(r'class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', page, re.S)
    assert header and header.group(1).replace("<wbr>", "") == "北方农林大学联系学生工作台账", header and header.group(1)


def test_the_guide_gives_the_universitys_own_people_as_examples_not_the_demos(tmp_path):
    """使用本网站 told a university's staff to search for 白涛玉 and 邓佳 (邓佳冬), 工商管理学院 — the demo's, whom its site
    never had — and 字段说明 gave 示例大学 as the example of the university's name: the examples are now the records'
    own (a cadre's, a unit's, a class's, the university's), the demo's only on the demo's site."""
    from gitrepo import demo_records
    from test_site_pages import visible

    repo = init_repo(tmp_path / "repo")
    write(repo, {**OWN,
                 "records/cadres/feng-xiaoyu.yaml": "name: 冯晓雨\nposition: 学生工作处处长\nunit: xsc\ngit: feng-xiaoyu\n"
                                                    "active_from: 2020-01-01\n",
                 "records/cadres/lu-minghui.yaml": "name: 陆明辉\nposition: 动物医学院党委书记\nunit: vet\ngit: lu-minghui\n"
                                                   "active_from: 2020-01-01\n"})
    commit(repo, "2026-12-01 10:00", "本校的记录")
    built = mkdocs_build(repo / "records", tmp_path / "out", "2026-12-04")
    guide = visible((built.public / "guide" / "site.html").read_text(encoding="utf-8"))
    demo = demo_records(tmp_path / "demo")
    demo_people = {yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in (demo / "cadres").glob("*.yaml")}
    assert len(demo_people) > 50 and not [n for n in sorted(demo_people) if n in guide]
    assert "搜一位干部的全名（如“冯晓雨”）时" in guide and "输入姓和名的第一个字（如“陆明”找陆明辉）" in guide
    assert "只输入名（如“晓雨”）" in guide and "搜单位的全名（如“农学院”“动物医学院”）时" in guide
    assert "搜班级名称（如“农学2601班”）时" in guide and "如“……”" not in guide
    for page in sorted((built.public / "guide").glob("*.html")):  # (every guide page: no marker nor hole left)
        text = visible(page.read_text(encoding="utf-8"))
        left = re.findall(r".{0,20}(?:\{\{\s*example\.|如“……”).{0,20}", text)
        assert not left, (page.name, left)
    fields = visible((built.public / "reference" / "fields.html").read_text(encoding="utf-8"))
    assert "学校全称，如 北方农林大学。" in fields and "如 示例大学" not in fields


def test_a_guide_marker_the_hook_does_not_know_stops_the_build_naming_its_page_and_the_marker(tmp_path):
    """A guide page's example marker written wrong ({{example.cadres}} for {{example.cadre}}) would be left on the built
    page as it is: the build stops, saying where (the page, line and column) and which markers there are.  Built from a
    copy of site/ beside links to mkdocs.yml's other folders, as a person's own checkout is."""
    from site_build import ROOT

    repo = init_repo(tmp_path / "repo")
    write(repo, OWN)
    commit(repo, "2026-12-01 10:00", "本校的记录")
    shutil.copytree(ROOT / "site", tmp_path / "site")
    for name, there in (("generator", ROOT), ("mkdocs.yml", ROOT), ("records", repo)):
        (tmp_path / name).symlink_to(there / name)
    page = tmp_path / "site/guide/site.md"
    text = page.read_text(encoding="utf-8")
    line = text[:text.index("{{example.cadre}}")].count("\n") + 1
    page.write_text(text.replace("{{example.cadre}}", "{{example.cadres}}", 1), encoding="utf-8")
    env = {**os.environ, "LEDGER_RECORDS": str(repo / "records"), "LEDGER_GENERATED": str(tmp_path / "generated"),
           "LEDGER_TODAY": "2026-12-04", "NO_MKDOCS_2_WARNING": "1"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "public")],
                         env=env, capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-3000:]
    said = [ln for ln in run.stderr.splitlines() if "{{example.cadres}}" in ln]
    assert len(said) == 1 and f" site/guide/site.md:{line}:" in said[0] and "无法识别" in said[0] \
        and "认得的：{{example.cadre}}、" in said[0], run.stderr[-3000:]


def test_the_deadlines_guide_gives_the_policys_own_due_days_not_the_demos(tmp_path):
    """台账截止时间如何判断 said every cadre's ledger is due “6 月 30 日、12 月 31 日” (R6 as the demo's policy has it): a
    university whose ledgers are due ten days after the half-year (07-10, 01-10) read a rule it does not have.  The page
    now gives the due days of the records' policy (ledger.periods: each period's name and due, the next year's said so)."""
    from test_site_pages import visible

    policy = OWN["records/policy.yaml"].replace("end: 06-30, due: 06-30", "end: 06-30, due: 07-10") \
        .replace("end: 12-31, due: 12-31", "end: 12-31, due: 01-10")
    assert policy != OWN["records/policy.yaml"] and "due: 01-10" in policy
    repo = init_repo(tmp_path / "repo")
    write(repo, {**OWN, "records/policy.yaml": policy})
    commit(repo, "2026-12-01 10:00", "本校的记录")
    built = mkdocs_build(repo / "records", tmp_path / "out", "2026-12-04")
    guide = visible((built.public / "guide" / "deadlines.html").read_text(encoding="utf-8"))
    assert "6 月 30 日" not in guide and "12 月 31 日" not in guide, guide[:600]
    assert "春季学期 07-10、秋季学期次年 01-10" in guide, guide[:600]


def test_the_reminders_guide_gives_the_policys_own_reminder_days_not_the_demos(tmp_path):
    """代码托管平台 → 定时提醒 said a period is reminded of daily “从截止日前 15 天起” and weekly “每周一” after it — the
    demo's reminders.window_days and weekday: a university whose policy says 10 days and Wednesdays read days its
    reminders.yml never keeps.  The page now names the policy's fields and gives the records' own values."""
    from test_site_pages import visible

    policy = OWN["records/policy.yaml"].replace("  overdue_days: 45\n", "  overdue_days: 45\nreminders:\n  window_days: 10\n"
                                                                      "  weekday: 3\n")
    assert "window_days: 10" in policy
    repo = init_repo(tmp_path / "repo")
    write(repo, {**OWN, "records/policy.yaml": policy})
    commit(repo, "2026-12-01 10:00", "本校的记录")
    built = mkdocs_build(repo / "records", tmp_path / "out", "2026-12-04")
    guide = visible((built.public / "guide" / "git-hosts.html").read_text(encoding="utf-8"))
    said = guide[guide.index("reminders.yml 每天运行一次"):][:600]
    assert "截止日前 15 天" not in said and "每周一" not in said, said
    assert "reminders.window_days 天（本站：10 天）起每天提醒" in said, said
    assert "每周在 reminders.weekday 那天（本站：周三）提醒" in said, said
