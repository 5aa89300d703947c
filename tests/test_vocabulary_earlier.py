"""A word retired from a policy word list (vocabularies.earlier): the ledgers written while it was in the list keep
it; an entry dated after its retirement is an error (E-REF-005) whose hint says when it left the list.  On a copy of
the demo university (党课 retired from vocabularies.forms), through the real CLI and a real mkdocs build."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.gitrepo import demo_records, generator_cli
from tests.site_build import DEMO_COMMITTED, git, mkdocs_build

FORMS_NOW = "    - 思想政治理论课\n    - 党课\n"


def retire(records: Path, earlier: str | None) -> None:
    """Delete 党课 from the demo's forms; `earlier`: the vocabularies.earlier lines written after the forms."""
    path = records / "policy.yaml"
    text = path.read_text(encoding="utf-8")
    assert FORMS_NOW in text
    text = text.replace(FORMS_NOW, "    - 思想政治理论课\n")
    if earlier:
        text = text.replace("  places:\n", earlier + "  places:\n", 1)
    path.write_text(text, encoding="utf-8")


OLD_FORMS = "[主题党日团日, 主题班会, 社团活动, 文体活动, 个体谈话, 座谈交流, 主题报告, 思想政治理论课, 党课, 形势政策课]"


def earlier(until: str) -> str:
    return f"  earlier:\n    - until: {until}\n      forms: {OLD_FORMS}\n"


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return demo_records(tmp_path_factory.mktemp("demo") / "records")


def copy(demo: Path, tmp_path: Path, lines: str | None) -> Path:
    work = tmp_path / "work"
    shutil.copytree(demo, work / "records")
    retire(work / "records", lines)
    return work


def cli(work: Path, *args: str) -> tuple[int, list[dict]]:
    run = generator_cli(work, *args, "--records", "records", "--format", "json")
    assert "Traceback" not in run.stderr, run.stderr
    out = json.loads(run.stdout)
    return run.returncode, out["findings"] if isinstance(out, dict) else out  # (check's: with its summary)


def retired_forms(found: list[dict]) -> list[dict]:
    return [f for f in found if f["code"] == "E-REF-005"]


def test_without_an_earlier_list_every_ledger_with_the_word_is_an_error(demo, tmp_path):
    work = copy(demo, tmp_path, None)
    code, found = cli(work, "validate", "--today", "2026-12-05")
    assert code == 1 and len(retired_forms(found)) == 38
    assert {f["code"] for f in found} == {"E-REF-005"}
    assert not any("vocabularies.earlier" in f["hint"] for f in found)


def test_a_retired_word_is_right_on_and_before_the_earlier_lists_until(demo, tmp_path):
    work = copy(demo, tmp_path, earlier("2026-06-30"))
    for lang in ("zh", "en"):
        code, found = cli(work, "validate", "--today", "2026-12-05", "--lang", lang)
        assert (code, found) == (0, [])
        code, found = cli(work, "check", "--today", "2026-12-05", "--lang", lang)
        assert code == 0 and not [f for f in found if f["severity"] == "error"], found


def test_an_entry_dated_after_the_until_is_an_error_saying_when_the_word_left_the_list(demo, tmp_path):
    work = copy(demo, tmp_path, earlier("2025-12-31"))
    code, zh = cli(work, "validate", "--today", "2026-12-05")
    assert code == 1 and {f["code"] for f in zh} == {"E-REF-005"}
    assert len(zh) == 4 and {f["file"].split("/")[2] for f in zh} == {"2026-H1"}  # (the 34 before it: right)
    for f in zh:
        ledger = (work / f["file"]).read_text(encoding="utf-8").splitlines()
        assert ledger[f["line"] - 1].strip() == "form: 党课" and f["column"] == 11
        day = re.search(r"这一项的日期 (\d{4}-\d\d-\d\d) 在那以后", f["hint"]).group(1)
        assert day > "2025-12-31" and day in "\n".join(ledger[: f["line"]])
        assert "“党课”在词表中只用到 2025-12-31（vocabularies.earlier）" in f["hint"]
        allowed = f["hint"].split("可选值：")[1].split("。")[0]
        assert "党课" not in allowed and "思想政治理论课" in allowed  # (the list in force on that day)
    code, en = cli(work, "validate", "--today", "2026-12-05", "--lang", "en")
    assert code == 1 and len(en) == 4
    assert all("'党课' left the list after 2025-12-31 (vocabularies.earlier)" in f["hint"] for f in en)
    code, checked = cli(work, "check", "--today", "2026-12-05")
    assert code == 1 and sorted((f["file"], f["line"]) for f in retired_forms(checked)) == \
        sorted((f["file"], f["line"]) for f in zh)


@pytest.mark.parametrize("entry, code, line, words", [
    ("    - {until: 2025-12-31, form: [党课]}\n", "E-SCHEMA-002", 167, "form"),  # (a list's name mistyped)
    ("    - forms: [党课]\n", "E-SCHEMA-001", 167, "until"),  # (no last day)
    ("    - {until: 2025-12-31, forms: 党课、主题班会}\n", "E-SCHEMA-003", 167, "forms"),  # (a text, not a list)
])
def test_a_malformed_earlier_list_is_an_error_at_its_line(demo, tmp_path, entry, code, line, words):
    work = copy(demo, tmp_path, "  earlier:\n" + entry)
    status, found = cli(work, "validate", "--today", "2026-12-05")
    at_policy = [f for f in found if f["file"] == "records/policy.yaml"]
    assert status == 1 and [(f["code"], f["line"]) for f in at_policy] == [(code, line)], at_policy
    assert words in at_policy[0]["message"] + at_policy[0]["hint"]
    assert not [f for f in found if "可选值：。" in f["hint"]]  # (an E-REF-005 offering no word at all)
    if code == "E-SCHEMA-003":  # (the list then no list: the policy's error is the one to fix, as for a list now)
        assert {f["file"].split("/")[2] for f in found if f["code"] == "E-REF-005"} == {"2026-H1"}


def test_the_site_counts_the_retired_word_in_its_periods_and_calls_those_ledgers_right(demo, tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(demo, repo / "records")
    retire(repo / "records", earlier("2026-06-30"))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "records")
    git(repo, "commit", "-q", "-m", "示例大学的记录，党课并入思想政治理论课", date=DEMO_COMMITTED)
    built = mkdocs_build(repo / "records", tmp_path / "out", "2026-12-05")
    page = (built.public / "summary" / "2025-H1.html").read_text(encoding="utf-8")
    chart = page[page.index('aria-label="联系形式（次）：'):]  # (its name, then its numbers)
    chart = chart[: chart.index("</svg>")]
    assert re.search(r">党课</text>.*?fill=\"currentColor\">7<", chart)  # (its 7 activities of 2025-H1)
    assert "有错误，未通过" not in page  # (the ledgers with 党课 are no ledgers in error)
    table = (built.public / "downloads" / "attachment2-2025-H1.csv").read_text(encoding="utf-8-sig")
    assert "党课" in table and "有错误" not in table


def test_a_suggestion_to_a_retired_target_is_told_its_periods_start_not_a_date_it_never_had(demo, tmp_path):
    # a suggestion has no date: judged by its ledger period's start (2026-01-01 for 2026-H1); the hint said
    # 这一项的日期 2026-01-01, a date its ledger nowhere holds
    work = copy(demo, tmp_path, None)
    path = work / "records/policy.yaml"
    text = path.read_text(encoding="utf-8")
    targets = "  suggestion_targets:\n    - 任课教师\n    - 辅导员\n    - 班导师\n    - 学院\n"
    assert targets in text
    path.write_text(text.replace(targets, targets.replace("    - 班导师\n", "") + "  earlier:\n    - until: 2025-12-31\n"
                                 "      suggestion_targets: [任课教师, 辅导员, 班导师, 学院]\n", 1), encoding="utf-8")
    code, zh = cli(work, "validate", "--today", "2026-12-05")
    told = [f for f in zh if f["code"] == "E-REF-005" and "班导师" in f["hint"]]
    assert code == 1 and told and {f["file"].split("/")[2] for f in told} == {"2026-H1"}, zh
    for f in told:
        assert "“班导师”在词表中只用到 2025-12-31（vocabularies.earlier），这份台账的期间 2026-H1 从 2026-01-01 开始" \
            in f["hint"] and "这一项的日期" not in f["hint"], f["hint"]
    code, en = cli(work, "validate", "--today", "2026-12-05", "--lang", "en")
    assert all("'班导师' left the list after 2025-12-31 (vocabularies.earlier) and this ledger's period 2026-H1 "
               "begins 2026-01-01" in f["hint"] for f in en if f["code"] == "E-REF-005" and "班导师" in f["hint"]), en


STATUSES = "[{name: 待处理, meaning: open}, {name: 处理中, meaning: in_progress}, {name: 已上报, meaning: escalated}, " \
           "{name: 已解决, meaning: resolved}]"


def test_a_status_renamed_is_kept_by_no_earlier_list_and_its_items_are_offered_the_statuses_of_now(demo, tmp_path):
    # vocabularies.earlier holds word lists, not the statuses (their meanings say whether an item is resolved; an
    # archived period's manifest keeps them): feedback_statuses written in it is E-SCHEMA-002's, read nowhere, and each
    # item with the status of before is offered the statuses of now — it was offered none (可选值：。), the entry read
    # as a list of no words
    work = copy(demo, tmp_path, earlier("2026-06-30") + f"      feedback_statuses: {STATUSES}\n")
    path = work / "records/policy.yaml"
    text = path.read_text(encoding="utf-8")
    assert "    - name: 已上报\n" in text
    path.write_text(text.replace("    - name: 已上报\n", "    - name: 已报送\n"), encoding="utf-8")
    line = text.splitlines().index(f"      feedback_statuses: {STATUSES}") + 1
    held = sum(p.read_text(encoding="utf-8").count("    status: 已上报\n")
               for p in (work / "records/ledgers").rglob("*.yaml"))
    code, zh = cli(work, "validate", "--today", "2026-12-05")
    assert code == 1 and [(f["code"], f["line"]) for f in zh if f["file"] == "records/policy.yaml"] == \
        [("E-SCHEMA-002", line)], zh
    told = [f for f in zh if f["code"] == "E-REF-005"]
    assert held > 20 and len(told) == held and all("“已上报”" in f["message"] for f in told), told
    assert all(f["hint"].startswith("是不是“已报送”？可选值：待处理、处理中、已报送、已解决。")
               and f["hint"].endswith("这一行写成：    status: 已报送") for f in told), told
    code, en = cli(work, "validate", "--today", "2026-12-05", "--lang", "en")
    assert all(f["hint"].startswith("Did you mean '已报送'? Allowed: 待处理, 处理中, 已报送, 已解决.")
               for f in en if f["code"] == "E-REF-005"), en


def test_statuses_written_in_an_earlier_entry_are_told_it_keeps_no_statuses_and_how_a_status_is_retired(demo, tmp_path):
    # feedback_statuses is vocabularies' field, known, only not an earlier entry's: the hint said
    # 是不是想写“feedback_natures”？ — a near miss of a list that is no status, the wrong way
    work = copy(demo, tmp_path, earlier("2026-06-30") + f"      feedback_statuses: {STATUSES}\n")
    code, zh = cli(work, "validate", "--today", "2026-12-05")
    told = [f for f in zh if f["code"] == "E-SCHEMA-002"]
    assert code == 1 and len(told) == 1 and "是不是" not in told[0]["hint"], told
    assert told[0]["hint"].startswith(
        "feedback_statuses（办理状态）是“词表”的字段，不能写在“以往的词表第 1 项”中：以往的词表留不住办理状态"), told
    assert "把接替它的状态写进 feedback_statuses（meaning 写原来的含义），删去原来的状态，并在 vocabularies.synonyms 写一项 " \
        "{word: 接替的状态, also: [原来的状态]}" in told[0]["hint"], told
    assert told[0]["hint"].endswith("允许的字段有：until（适用至）、forms（联系形式）、places（联系场所）、channels（联系方式）、"
                                    "feedback_kinds（反映类型）、feedback_categories（反映类别）、feedback_natures（问题性质）、"
                                    "escalation_targets（报告对象）、suggestion_targets（建议对象）。"), told
    code, en = cli(work, "validate", "--today", "2026-12-05", "--lang", "en")
    told = [f for f in en if f["code"] == "E-SCHEMA-002"]
    assert len(told) == 1 and "Did you mean" not in told[0]["hint"], told
    assert told[0]["hint"].startswith("'feedback_statuses' is a field of vocabularies, not of vocabularies.earlier[0]: "
                                      "earlier keeps no statuses"), told
    assert "{word: <the new status>, also: [<the old status>]}" in told[0]["hint"], told
