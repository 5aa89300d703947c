"""What a cadre filling in her first ledgers by hand is told when she gets something wrong: the hint
names what she can use instead (as the web form does), so that she need not look it up elsewhere.

Each test copies the valid tests/fixtures/minimal/ records, breaks one thing the way a cadre does,
and runs `python -m generator validate` (or `check`) in a subprocess, as she runs it.
"""
from __future__ import annotations

import json

import bad_records as B


def _records(tmp_path):
    work = tmp_path / "work"
    B.shutil.copytree(B.MINIMAL, work / "records")
    return work


def _findings(work, *args) -> list[dict]:
    run = B.run_cli(B.REPO, work, "validate", "--format", "json", *args)
    assert "Traceback" not in run.stderr, run.stderr
    return json.loads(run.stdout)


FOLLOW_UP = """feedback:
  - id: 2026h1-li-na-1
    raised_on: "2026-04-20"
    kind: 问题
    category: 学业发展
    description: 几名学生反映实验室开放时间太短。
    status: 待处理
    follows: {ref}
"""


def test_a_follow_up_of_nothing_in_a_first_ledger_says_there_is_nothing_to_follow(tmp_path):
    """李娜 has no earlier ledger: `follows` names an item she thinks she had; the hint says her earlier
    ledgers hold none and that an item that follows nothing has no follows line."""
    work = _records(tmp_path)
    path = work / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    path.write_text(path.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="2025h2-li-na-1"), encoding="utf-8")
    found = [f for f in _findings(work) if f["code"] == "E-REF-006"]
    assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/li-na.yaml", 18)]
    hint = found[0]["hint"]
    assert "李娜以前各期的台账中没有学生反映的问题和建议" in hint, hint
    assert "删去 follows 这一行" in hint, hint
    en = [f for f in _findings(work, "--lang", "en") if f["code"] == "E-REF-006"][0]["hint"]
    assert "李娜's earlier ledgers hold no item" in en and "delete the follows line" in en, en


def test_a_follow_up_of_a_mistyped_id_lists_the_cadres_earlier_ids(tmp_path):
    """张伟 mistypes the id of his 2025-H2 item: the hint lists the ids of his earlier items (not another
    cadre's, not those of the same ledger), as the web form does before saving."""
    work = _records(tmp_path)
    path = work / "records" / "ledgers" / "2026-H1" / "zhang-wei.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("follows: 2025h2-zhang-wei-1",
                                                             "follows: 2025h2-zhang-wei-9"), encoding="utf-8")
    other = work / "records" / "ledgers" / "2026-H1" / "li-na.yaml"
    other.write_text(other.read_text(encoding="utf-8") + FOLLOW_UP.format(ref="2025h2-zhang-wei-1")
                     .replace("    follows: 2025h2-zhang-wei-1\n", ""), encoding="utf-8")
    found = [f for f in _findings(work) if f["code"] == "E-REF-006"]
    assert [(f["file"], f["line"]) for f in found] == [("records/ledgers/2026-H1/zhang-wei.yaml", 19)]
    hint = found[0]["hint"]
    assert "张伟以前各期的反映编号有：2025h2-zhang-wei-1）" in hint, hint
    assert "2026h1" not in hint, hint
