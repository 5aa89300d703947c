"""W-CHK-028: a word deleted from a policy word list in Git without `vocabularies.earlier`, while ledgers written
before the deletion use it.  Real temporary Git repositories with controlled commit days, through the real CLI."""
from __future__ import annotations

import json

from tests.gitrepo import base, check_cli, commit, generator_cli, git, init_repo, ledger, write

FORMS = "  forms: [主题班会, 个体谈话, 座谈交流, 党课]\n"
ENTRY = "- {until: 2026-03-01, forms: [主题班会, 个体谈话, 座谈交流, 党课]}"


def party_lessons(tmp_path, archived_on=None):
    """A repository where 张伟 and 李娜 met students at a 党课 in October 2025 (their 2025-H2 ledgers, landed in
    December), then 党课 was deleted from vocabularies.forms on 2026-03-02 with nothing in vocabularies.earlier;
    `archived_on`: the day 2025-H2 was archived before it (`generator archive`, committed that day)."""
    repo = init_repo(tmp_path / "repo")
    records = base()
    records["records/policy.yaml"] = records["records/policy.yaml"].replace("  forms: [主题班会, 个体谈话, 座谈交流]\n", FORMS)
    write(repo, records)
    commit(repo, "2025-09-01 09:00", "记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml":
                 ledger("zhang-wei", "2025-H2", ["2025-10-10"]).replace("form: 主题班会", "form: 党课"),
                 "records/ledgers/2025-H2/li-na.yaml":
                 ledger("li-na", "2025-H2", ["2025-10-11"], points=("me-2025-01",)).replace("form: 主题班会", "form: 党课")})
    commit(repo, "2025-12-28 10:00", "台账")
    if archived_on:
        done = generator_cli(repo, "archive", "2025-H2", "--today", archived_on)
        assert done.returncode == 0, done.stdout + done.stderr
        commit(repo, f"{archived_on} 12:00", "备案 2025-H2")
    policy = repo / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(FORMS, "  forms: [主题班会, 个体谈话, 座谈交流]\n"),
                      encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "党课并入主题班会")
    return repo, policy


def told(repo, today="2026-03-20", *args):
    r = check_cli(repo / "records", "--today", today, "--format", "json", *args)
    assert "Traceback" not in r.stderr, r.stderr
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-028"]


def test_a_word_deleted_without_earlier_is_told_once_at_its_list_with_the_entry_to_add(tmp_path):
    repo, policy = party_lessons(tmp_path)
    lines = policy.read_text(encoding="utf-8").splitlines()
    said = told(repo)  # (two ledgers write it: told once, for the list and the word)
    assert [(f["file"], f["line"], f["column"], f["severity"]) for f in said] == [  # (at the list's name: `forms:`)
        ("records/policy.yaml", lines.index("  forms: [主题班会, 个体谈话, 座谈交流]") + 1, 3, "warning")], said
    assert "党课" in said[0]["message"] and "2026-03-02" in said[0]["message"], said
    assert "vocabularies.forms" in said[0]["message"] and "vocabularies.earlier" in said[0]["message"], said
    assert ENTRY in said[0]["hint"], said
    assert told(repo) == said  # (a warm run: the policy's versions kept, the same words)
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "W-CHK-028" in english.stdout and "removed '党课' from vocabularies.forms on 2026-03-02" in english.stdout, \
        english.stdout
    assert ENTRY in english.stdout, english.stdout
    # the entry added as the hint says: nothing told, and the ledgers that use the word are right again
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  places:", "  earlier:\n    " + ENTRY + "\n  places:", 1), encoding="utf-8")
    commit(repo, "2026-03-03 09:00", "写上 earlier")
    assert told(repo) == []
    out = generator_cli(repo, "validate", "--records", "records", "--today", "2026-03-20", "--format", "json")
    assert [f["code"] for f in json.loads(out.stdout)] == [], out.stdout
    # a replay of a day before the deletion: nothing to tell
    git(repo, "reset", "-q", "--hard", "HEAD~1")
    assert told(repo, "2026-03-01") == []


def test_a_word_deleted_that_no_ledger_of_before_used_is_not_told(tmp_path):
    # the ledgers of before written with another form, and 张伟's 2026-H1 ledger with a 党课 of April 2026, after
    # the deletion: its E-REF-005 is the ledger's to fix, not the policy's (no earlier entry would keep it)
    repo, policy = party_lessons(tmp_path)
    for name in ("zhang-wei", "li-na"):
        path = repo / f"records/ledgers/2025-H2/{name}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("form: 党课", "form: 个体谈话"), encoding="utf-8")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml":
                 ledger("zhang-wei", "2026-H1", ["2026-04-01"]).replace("form: 主题班会", "form: 党课")})
    commit(repo, "2026-04-02 09:00", "改了形式")
    assert told(repo, "2026-04-20") == []
    out = check_cli(repo / "records", "--today", "2026-04-20", "--format", "json")
    assert [f["file"] for f in json.loads(out.stdout)["findings"] if f["code"] == "E-REF-005"] == [
        "records/ledgers/2026-H1/zhang-wei.yaml"], out.stdout


def test_an_archived_period_s_ledgers_are_left_out_as_their_manifest_judges_them(tmp_path):
    # 2025-H2 archived on 2026-01-10, before 党课 was deleted: its ledgers, checked when archived and unchangeable
    # since, are not judged by the word lists (no E-REF-005) and are no W-CHK-028's ledgers; 张伟's 2026-H1 ledger
    # with a 党课 of February, before the deletion and not archived, is its one ledger
    repo, _policy = party_lessons(tmp_path, archived_on="2026-01-10")
    assert told(repo) == []
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml":
                 ledger("zhang-wei", "2026-H1", ["2026-02-10"]).replace("form: 主题班会", "form: 党课")})
    commit(repo, "2026-03-05 09:00", "张伟的台账")
    [said] = told(repo)
    assert "那以前的 1 份台账（如 records/ledgers/2026-H1/zhang-wei.yaml）写了它" in said["message"], said
    assert ENTRY in said["hint"], said
    out = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    assert [f["file"] for f in json.loads(out.stdout)["findings"] if f["code"] == "E-REF-005"] == [
        "records/ledgers/2026-H1/zhang-wei.yaml"], out.stdout


ESCALATED = "    - {name: 已上报, meaning: escalated}\n"
ESCALATED_ITEM = """\
- {id: ID, raised_on: "2025-10-10", kind: 问题, category: 生活后勤, status: 已上报, escalated_to: 后勤处,
   description: 几名学生反映宿舍热水供应时间太短。}
"""


def escalated_items(tmp_path):
    """A repository where 张伟's and 李娜's 2025-H2 ledgers (landed 2025-12-28, not archived) hold an item 已上报."""
    repo = init_repo(tmp_path / "repo")
    write(repo, base())
    commit(repo, "2025-09-01 09:00", "记录")
    write(repo, {f"records/ledgers/2025-H2/{name}.yaml":
                 ledger(name, "2025-H2", ["2025-10-10"], points=(point,), feedback=ESCALATED_ITEM.replace(
                     "ID", f"2025h2-{name}-1")) for name, point in (("zhang-wei", "cs-2025-01"), ("li-na", "me-2025-01"))})
    commit(repo, "2025-12-28 10:00", "台账")
    return repo, repo / "records/policy.yaml"


def test_a_status_deleted_while_ledgers_use_it_is_told_with_its_replacement_and_the_synonyms_entry(tmp_path):
    # 已上报 replaced by 已报送 (the same meaning) on 2026-03-02, while 张伟's and 李娜's 2025-H2 ledgers (not archived)
    # hold items 已上报: no earlier keeps a status (W-CHK-028 is not told), and each item's E-REF-005 (no manifest holds
    # it) can only offer the statuses of now and the synonyms entry to wait for — the administrator is told the entry
    repo, policy = escalated_items(tmp_path)
    policy.write_text(policy.read_text(encoding="utf-8").replace(ESCALATED, "    - {name: 已报送, meaning: escalated}\n"),
                      encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "已上报改称已报送")
    line = policy.read_text(encoding="utf-8").splitlines().index("  feedback_statuses:") + 1
    run = check_cli(repo / "records", "--today", "2026-03-20", "--format", "json")
    found = json.loads(run.stdout)["findings"]
    said = [f for f in found if f["code"] == "W-CHK-029"]
    assert [(f["file"], f["line"], f["column"], f["severity"]) for f in said] == [
        ("records/policy.yaml", line, 3, "warning")], said
    assert said[0]["message"] == ("政策在 2026-03-02 从办理状态（vocabularies.feedback_statuses）删去了“已上报”：未备案期间的 2 份台账"
                                  "（如 records/ledgers/2025-H2/li-na.yaml）仍写着它，现在报 E-REF-005"), said
    assert "接替它的状态已写进 feedback_statuses（meaning 写原来的含义 escalated）" in said[0]["hint"], said
    assert "并在 vocabularies.synonyms 写一项：- {word: 已报送, also: [已上报]}" in said[0]["hint"], said
    assert len([f for f in found if f["code"] == "E-REF-005"]) == 2 and not told(repo), found
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "removed the status '已上报' from vocabularies.feedback_statuses on 2026-03-02" in english.stdout, english.stdout
    assert "- {word: 已报送, also: [已上报]}" in english.stdout, english.stdout
    # the entry added as the hint says: not told, and each item's E-REF-005 says the status to write
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  escalation_targets:", "  synonyms:\n    - {word: 已报送, also: [已上报]}\n  escalation_targets:", 1), encoding="utf-8")
    commit(repo, "2026-03-03 09:00", "写上 synonyms")
    found = json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)["findings"]
    assert not [f for f in found if f["code"] == "W-CHK-029"], found
    assert [f["hint"].startswith("“已上报”在词表中写作“已报送”") for f in found if f["code"] == "E-REF-005"] == [True, True], found


def test_a_status_deleted_after_its_replacement_came_is_told_with_the_entry_to_fill_in(tmp_path):
    # 已报送 (escalated) added on 2026-02-01, 已上报 deleted on 2026-03-02: no status of its meaning came with the
    # deletion, so the entry's word is left to the administrator (two of that meaning could be meant)
    repo, policy = escalated_items(tmp_path)
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        ESCALATED, ESCALATED + "    - {name: 已报送, meaning: escalated}\n"), encoding="utf-8")
    commit(repo, "2026-02-01 09:00", "加上已报送")
    policy.write_text(policy.read_text(encoding="utf-8").replace(ESCALATED, ""), encoding="utf-8")
    commit(repo, "2026-03-02 09:00", "删去已上报")
    [said] = [f for f in json.loads(check_cli(repo / "records", "--today", "2026-03-20", "--format", "json").stdout)[
        "findings"] if f["code"] == "W-CHK-029"]
    assert "删去了“已上报”" in said["message"] and "并在 vocabularies.synonyms 写一项：- {word: 接替的状态, also: [已上报]}。" \
        in said["hint"], said
    english = check_cli(repo / "records", "--today", "2026-03-20", "--lang", "en")
    assert "adds to vocabularies.synonyms: - {word: <the status replacing it>, also: [已上报]}." in english.stdout, \
        english.stdout


def test_an_item_s_status_the_policy_no_longer_lists_is_told_what_to_write_not_to_extend_the_list(tmp_path):
    # 已上报 replaced by 已报送 while 张伟's and 李娜's 2025-H2 ledgers hold items 已上报: validate (no Git read) cannot
    # tell a deleted status from a mistyped one; its E-REF-005 said 如需新增，请管理员修改 records/policy.yaml, wrong for a
    # retired status (the cadre writes its replacement, named by the administrator's synonyms entry) — it says both
    repo, policy = escalated_items(tmp_path)
    policy.write_text(policy.read_text(encoding="utf-8").replace(ESCALATED, "    - {name: 已报送, meaning: escalated}\n"),
                      encoding="utf-8")

    def hints(lang="zh"):
        out = generator_cli(repo, "validate", "--records", "records", "--today", "2026-03-20", "--format", "json",
                            "--lang", lang)
        return [f["hint"] for f in json.loads(out.stdout) if f["code"] == "E-REF-005"]

    zh, en = hints(), hints("en")
    assert len(zh) == 2 and all("可选值：待处理、处理中、已报送、已解决。办理状态不在台账中新增：写错了的，请改成其中之一；"
                                "是政策删去的状态，请改成接替它的状态，不清楚是哪一个时请管理员在 records/policy.yaml 的 "
                                "vocabularies.synonyms 写明，这里就会说出要改成的状态。" in h and "如需新增" not in h for h in zh), zh
    assert all("Allowed: 待处理, 处理中, 已报送, 已解决. A status is not added for a ledger: if mistyped, write one of "
               "these; if the policy deleted it, write the status replacing it, or, if unsure which, an administrator "
               "names it in records/policy.yaml's vocabularies.synonyms and this hint then says it." in h
               and "Administrators extend" not in h for h in en), en
    # the synonyms entry written (and one for an activity's channel, 线下 for 面对面): the word to write, nothing to add
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  escalation_targets:", "  synonyms:\n    - {word: 已报送, also: [已上报]}\n    - {word: 面对面, also: [线下]}\n"
        "  escalation_targets:", 1), encoding="utf-8")
    path = repo / "records/ledgers/2025-H2/zhang-wei.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("channel: 面对面", "channel: 线下"), encoding="utf-8")
    assert sorted(hints()) == [
        "“已上报”在词表中写作“已报送”。可选值：待处理、处理中、已报送、已解决。这一行写成：  - {id: 2025h2-li-na-1, "
        'raised_on: "2025-10-10", kind: 问题, category: 生活后勤, status: 已报送, escalated_to: 后勤处,',
        "“已上报”在词表中写作“已报送”。可选值：待处理、处理中、已报送、已解决。这一行写成：  - {id: 2025h2-zhang-wei-1, "
        'raised_on: "2025-10-10", kind: 问题, category: 生活后勤, status: 已报送, escalated_to: 后勤处,',
        "“线下”在词表中写作“面对面”。可选值：面对面、键对键。这一行写成：    channel: 面对面"], hints()
    assert [h for h in hints("en") if "线下" in h] == [
        "'线下' is written '面对面' in the list. Allowed: 面对面, 键对键. The line:     channel: 面对面"], hints("en")


def test_a_status_an_archived_period_s_manifest_recorded_is_told_its_replacement_of_the_same_meaning(tmp_path):
    # 2025-H2 archived on 2026-01-10 (its manifest records the statuses then, 已上报 meaning escalated); 张伟's 2026-H1
    # ledger, not archived, holds an item 已上报 of February; on 2026-03-02 已上报 gave way to 已报送 (escalated): validate,
    # with no Git read, knows from the manifest that 已上报 was a status and names the one of its meaning now
    repo, policy = escalated_items(tmp_path)
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-02-10"], feedback=(
        ESCALATED_ITEM.replace("ID", "2026h1-zhang-wei-1").replace("2025-10-10", "2026-02-10")))})
    policy.write_text(policy.read_text(encoding="utf-8").replace(ESCALATED, "    - {name: 已报送, meaning: escalated}\n"),
                      encoding="utf-8")
    line = ('  - {id: 2026h1-zhang-wei-1, raised_on: "2026-02-10", kind: 问题, category: 生活后勤, status: 已报送, '
            "escalated_to: 后勤处,")

    def hints(lang="zh"):
        out = generator_cli(repo, "validate", "--records", "records", "--today", "2026-03-20", "--format", "json",
                            "--lang", lang)
        return [f["hint"] for f in json.loads(out.stdout) if f["code"] == "E-REF-005"]

    assert hints() == ["“已上报”是政策删去的办理状态（2025-H2 备案时它的含义是 escalated），现在这个含义的状态是“已报送”。"
                       f"可选值：待处理、处理中、已报送、已解决。这一行写成：{line}"], hints()
    assert hints("en") == ["'已上报' is a status the policy deleted (meaning escalated when 2025-H2 was archived); the "
                           f"status of that meaning now is '已报送'. Allowed: 待处理, 处理中, 已报送, 已解决. The line: {line}"], \
        hints("en")
    # two statuses of its meaning now: which one is the administrator's to say (synonyms), as for a status no manifest holds
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "    - {name: 已报送, meaning: escalated}\n", "    - {name: 已报送, meaning: escalated}\n    - {name: 已转办, meaning: escalated}\n"),
        encoding="utf-8")
    [hint] = hints()
    assert "是政策删去的状态，请改成接替它的状态，不清楚是哪一个时请管理员在 records/policy.yaml 的 vocabularies.synonyms 写明" in hint, hint
