"""The number of contacts a semester the policy requires (R5: contacts.min_per_semester, and contacts.earlier's number
for a semester that began on or before its until) is said where the site judges a semester 达标 or 未达标: a cadre's
semester table, the home page's 未达标 list, 年度考核参考's 达标学期 and 工作总结's table of semesters.  A university
with 2 a semester found no page saying 2: the pages said 达标 or "达到规定的次数" only.

Real builds of the generated demo (its policy changed before its one commit), read as a person reads the pages."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from site_build import DEMO_COMMITTED, git, mkdocs_build

TWO = "本校规定每学期至少深入学生 2 次"
# the demo's calendar: the semesters begun by the site's day (2026-12-02) that began on or before 2025-08-31
BEFORE = "2022—2023学年第一学期至2024—2025学年第二学期为 1 次"


def _build(base: Path, contacts: str) -> Path:
    """The demo with its policy's contacts.min_per_semester replaced by `contacts`' lines, built as of its commit."""
    from gitrepo import demo_records

    repo = base / "repo"
    records = demo_records(repo / "records")
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert "  min_per_semester: 1\n" in text
    policy.write_text(text.replace("  min_per_semester: 1\n", contacts), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "records")
    git(repo, "commit", "-q", "-m", "示例大学的记录", date=DEMO_COMMITTED)
    return mkdocs_build(records, base, None).public


@pytest.fixture(scope="module")
def two(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("two"), "  min_per_semester: 2\n")


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("changed"),
                  "  min_per_semester: 2\n  earlier:\n"
                  "    - {until: 2025-08-31, min_per_semester: 1, reason: 2025年修订实施方案前的要求}\n")


def _visible(public: Path, rel: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", (public / rel).read_text(encoding="utf-8")))


def _section(public: Path, rel: str, heading: str) -> str:
    """The visible text of a page's section, from its heading to the next second-level heading."""
    page = (public / rel).read_text(encoding="utf-8")
    m = re.search(r"<h2[^>]*>%s.*?</h2>(.*?)(?=<h2[\s>]|\Z)" % re.escape(heading), page, re.S)
    assert m, f"no section {heading} in {rel}"
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))


def test_every_page_judging_a_semester_says_the_number_required(two):
    assert f"{TWO}。" in _section(two, "cadres/bai-taoyu.html", "每学期联系学生情况")
    missed = _section(two, "index.html", "联系学生次数未达标的学期")
    assert TWO in missed, missed[:400]
    for rel in ("evaluation.html", "evaluation/2024.html"):
        assert f"（{TWO}；无需" in _visible(two, rel), rel
    assert TWO in _visible(two, "summary/index.html").split("应达标（人）")[0].split("每学期联系学生情况")[-1]
    for rel in ("cadres/bai-taoyu.html", "index.html", "evaluation.html", "evaluation/2024.html", "summary/index.html"):
        assert "1 次" not in _visible(two, rel), rel


def test_a_number_changed_between_semesters_is_said_for_each_semester_by_its_own(changed):
    # the page of a cadre in office throughout: her semesters from 2022 on, judged by 1 until 2025-08-31, then by 2
    assert f"{TWO}，{BEFORE}。" in _section(changed, "cadres/bai-taoyu.html", "每学期联系学生情况")
    # a year's semesters are those that began in it: 2025's spring by 1, its autumn by 2
    assert f"（{TWO}，2024—2025学年第二学期为 1 次；无需" in _visible(changed, "evaluation/2025.html")
    assert "（本校规定每学期至少深入学生 1 次；无需" in _visible(changed, "evaluation/2024.html")
    assert "2 次" not in _visible(changed, "evaluation/2024.html")
    newest = _visible(changed, "evaluation.html")
    assert f"（{TWO}；无需" in newest and "1 次" not in newest
    summary = _visible(changed, "summary/index.html").split("每学期联系学生情况")[-1]
    assert f"{TWO}，" in summary and "为 1 次" in summary
