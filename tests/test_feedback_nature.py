"""R10: 对重大问题、共性问题等要及时向相关学院党委报告. A ledger's feedback item says its nature (`nature: 共性`),
a word of the policy's feedback_natures; one not resolved and never reported (no escalated_to in its chain) is
W-CHK-026 at its nature, until it is reported."""
from __future__ import annotations

import json

from tests.gitrepo import base, check_cli, commit, generator_cli, init_repo, ledger, write

NATURES = "  escalation_targets: [计算机学院党委, 后勤处]\n"

PROBLEM = """
- id: fb-heater
  raised_on: "2026-03-10"
  kind: 问题
  category: 生活后勤
  nature: NATURE
  description: 几个班的学生都反映宿舍热水供应时间太短。
  status: 待处理
"""


def _records(tmp_path, nature="共性", feedback=PROBLEM, extra=None):
    files = base()
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        NATURES, NATURES + "  feedback_natures: [重大, 共性]\n")
    files["records/ledgers/2026-H1/zhang-wei.yaml"] = ledger("zhang-wei", "2026-H1", ["2026-03-10"],
                                                             feedback=feedback.replace("NATURE", nature))
    files["records/units.yaml"] = files["records/units.yaml"].replace(
        "name: 计算机学院, type: 学院,", "name: 计算机学院, type: 学院, party_committee: 计算机学院党委,")
    files.update(extra or {})
    repo = init_repo(tmp_path / "repo")
    write(repo, files)
    commit(repo, "2026-09-25T10:00:00")
    return repo


def _json(r):
    return json.loads(r.stdout)


def _found(r, code):
    data = _json(r)
    return [f for f in (data["findings"] if isinstance(data, dict) else data) if f["code"] == code]


def test_a_ledger_with_a_nature_of_the_policy_validates(tmp_path):
    repo = _records(tmp_path)
    r = generator_cli(repo, "validate", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert _json(r) == []


def test_an_unknown_nature_is_an_error_at_its_line_and_column_naming_the_allowed_words(tmp_path):
    repo = _records(tmp_path, nature="普遍")
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    line = text.splitlines().index("    nature: 普遍") + 1
    for lang, words in (("zh", "问题性质"), ("en", "nature")):
        r = generator_cli(repo, "validate", "--format", "json", "--lang", lang)
        assert r.returncode == 1, r.stdout + r.stderr
        (bad,) = [f for f in _json(r) if f["code"] == "E-REF-005"]
        assert bad["file"].endswith("ledgers/2026-H1/zhang-wei.yaml")
        assert (bad["line"], bad["column"]) == (line, 13)
        assert words in bad["message"] and "普遍" in bad["message"], bad
        assert "重大" in bad["message"] + bad["hint"] and "共性" in bad["message"] + bad["hint"], bad


def test_an_unreported_common_problem_is_warned_of_until_it_is_reported(tmp_path):
    repo = _records(tmp_path)
    text = (repo / "records/ledgers/2026-H1/zhang-wei.yaml").read_text(encoding="utf-8")
    r = check_cli(repo / "records", "--today", "2026-10-01", "--format", "json")
    (told,) = _found(r, "W-CHK-026")
    assert told["severity"] == "warning"
    assert (told["line"], told["column"]) == (text.splitlines().index("    nature: 共性") + 1, 13)
    assert told["message"] == "学生反映的问题“fb-heater”标为共性问题，还没有解决，也没有向学院党委报告（escalated_to）"
    assert "escalated_to: 计算机学院党委" in told["hint"], told["hint"]
    en = check_cli(repo / "records", "--today", "2026-10-01", "--format", "text", "--lang", "en")
    assert "W-CHK-026" in en.stdout and "student problem 'fb-heater' is marked '共性'" in en.stdout, en.stdout
    # not marked: nothing to report
    plain = _records(tmp_path / "plain", feedback=PROBLEM.replace("  nature: NATURE\n", ""))
    assert _found(check_cli(plain / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []


def test_a_marked_problem_reported_or_resolved_is_not_warned_of(tmp_path):
    reported = PROBLEM.replace("  status: 待处理", "  status: 已上报\n  escalated_to: 计算机学院党委")
    repo = _records(tmp_path / "reported", nature="重大", feedback=reported)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []
    # reported in a follow-up of the next period: the chain was reported
    follow = PROBLEM.replace("id: fb-heater", "id: fb-heater-2\n  follows: fb-heater").replace(
        '"2026-03-10"', '"2026-09-20"').replace("  nature: NATURE\n", "").replace(
        "  status: 待处理", "  status: 已上报\n  escalated_to: 计算机学院党委")
    later = {"records/ledgers/2026-H2/zhang-wei.yaml": ledger("zhang-wei", "2026-H2", ["2026-09-20"], feedback=follow)}
    repo = _records(tmp_path / "followed", extra=later)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []
    resolved = PROBLEM.replace("  status: 待处理", "  status: 已解决\n  resolution: 已延长供应时间。\n"
                                                  "  resolved_on: \"2026-03-20\"")
    repo = _records(tmp_path / "resolved", feedback=resolved)
    assert _found(check_cli(repo / "records", "--today", "2026-10-01", "--format", "json"), "W-CHK-026") == []
