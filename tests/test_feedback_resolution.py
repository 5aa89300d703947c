"""R10: problems are 研究解决落实. A resolved item's resolution that is only a word of the policy's
vocabularies.empty_resolutions (已处理, 已解决, 已反馈: says nothing of what was done) is W-CHK-027 at it, its hint saying
what to write; a resolution that says what was done is not, nor any where the policy lists no such words."""
from __future__ import annotations

import json

from tests.gitrepo import base, check_cli, commit, init_repo, ledger, write

RESOLVED = """
- id: fb-heater
  raised_on: "2026-03-10"
  kind: 问题
  category: 生活后勤
  description: 几个班的学生都反映宿舍热水供应时间太短。
  status: 已解决
  resolution: RESOLUTION
  resolved_on: "2026-03-20"
"""
EMPTY = "  empty_resolutions: [已处理, 已解决, 已反馈]\n"


def _repo(tmp_path, resolution, empty=EMPTY):
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        "  escalation_targets:", empty + "  escalation_targets:")
    files["records/ledgers/2026-H1/zhang-wei.yaml"] = ledger("zhang-wei", "2026-H1", ["2026-03-10"],
                                                             feedback=RESOLVED.replace("RESOLUTION", resolution))
    repo = init_repo(tmp_path / "repo")
    write(repo, files)
    commit(repo, "2026-09-25T10:00:00")
    return repo


def _told(repo, lang="zh", fmt="json"):
    return check_cli(repo / "records", "--today", "2026-10-01", "--format", fmt, "--lang", lang)


def test_a_resolution_that_is_only_a_word_saying_nothing_is_told_with_what_to_write(tmp_path):
    repo = _repo(tmp_path, "已处理。")
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    r = _told(repo)
    assert r.returncode == 0, r.stdout + r.stderr
    (told,) = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-027"]
    assert (told["severity"], told["file"]) == ("warning", "records/ledgers/2026-H1/zhang-wei.yaml")
    assert (told["line"], told["column"]) == (text.splitlines().index("    resolution: 已处理。") + 1, 17)
    assert told["message"] == "学生反映的问题“fb-heater”的解决情况只写了“已处理。”，没有说是怎样解决的", told
    assert "做了什么" in told["hint"] and "谁" in told["hint"] and "结果" in told["hint"], told
    en = _told(repo, "en", "text")
    assert en.returncode == 0 and "W-CHK-027" in en.stdout, en.stdout
    assert "the resolution of student item 'fb-heater' says only '已处理。', not how it was resolved" in en.stdout, en.stdout
    # --strict: no finding about time, it stays a warning
    strict = check_cli(repo / "records", "--today", "2026-10-01", "--strict", "--format", "json")
    assert [f["severity"] for f in json.loads(strict.stdout)["findings"] if f["code"] == "W-CHK-027"] == ["warning"]


def test_a_resolution_saying_what_was_done_or_a_policy_with_no_such_words_is_not_told(tmp_path):
    said = _repo(tmp_path / "said", "后勤保障处已把热水供应延长到23点，学生确认。")
    assert [f for f in json.loads(_told(said).stdout)["findings"] if f["code"] == "W-CHK-027"] == []
    unlisted = _repo(tmp_path / "unlisted", "已处理", empty="")
    assert [f for f in json.loads(_told(unlisted).stdout)["findings"] if f["code"] == "W-CHK-027"] == []
