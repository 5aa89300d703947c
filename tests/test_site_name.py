"""A university's site is named after it: 北方农林大学's pages were titled 附件1 工作安排表 - 联系学生工作台账 in the browser's
tab, and its header and its search said 联系学生工作台账 — no university's — while its home page, its printed ledgers
and its web form's tab say 北方农林大学联系学生工作台账 (cms.site_name).  The adopter's guide gives no step to name it
(mkdocs.yml is the program's file, taken again with each new version); the site is named from the records' policy
(institution.name) unless mkdocs.yml's site_name was changed."""
from __future__ import annotations

import re

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
