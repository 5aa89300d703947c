"""The commands that work from the files the administrators keep (`new ledger`, `remind`,
`cms-config`, `cms-admin`, `draft-cycle`) stop on those files' errors and show them (E-FLOW-006, each error at
its file:line:col), instead of acting on a value of the wrong type (an internal error, a scaffold
or reminder built from half the records); a cadre's broken ledger does not stop them."""
from __future__ import annotations

import pytest

from workflow_repo import edit, make_repo, run_process

LI_NA = "records/cadres/li-na.yaml"

POLICY = "records/policy.yaml"

# (what an administrator got wrong, the file, the text before → after: the error is told at the changed line)
MISTAKES = [
    ("a cadre's name missing", LI_NA, ("name: 李娜\n", "")),
    ("a cadre's name a list", LI_NA, ("name: 李娜", "name: [李娜]")),
    ("a cadre's unit a list", LI_NA, ("unit: me", "unit: [me]")),
    ("a contact point a list", "records/assignments/2025-2027.yaml", ("class: cs-2025-01", "class: [cs-2025-01]")),
    ("a reminder window in words", POLICY, ("feedback:\n", "reminders: {window_days: fifteen, weekday: 1}\nfeedback:\n")),
    ("a form a mapping", POLICY, ("forms: [主题党日团日,", "forms: [{a: 1}, 主题党日团日,")),
    # (a word list not written yet: the form and new ledger offer none of it — 待填写 was never a choice — but say
    # E-SCHEMA-011 at the policy's line)
    ("a word list left 待填写", POLICY, ("escalation_targets: [计算机学院党委, 机械学院党委, 后勤处]", "escalation_targets: [待填写]")),
]

COMMANDS = [
    ("new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H2"),
    ("remind", "--period", "2026-H1", "--today", "2026-06-20"),
    ("remind", "--coverage", "--today", "2026-10-01"),
    ("remind", "--due-window", "--today", "2026-06-20"),
    ("cms-config", "--today", "2026-06-20"),
    ("cms-admin", "--today", "2026-06-20", "--out", "admin-out"),
    ("draft-cycle", "--from", "2025-2027"),
]


@pytest.mark.parametrize("mistake,rel,change", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_an_administrators_mistake_stops_each_command_with_its_place(tmp_path, mistake, rel, change):
    repo = make_repo(tmp_path)
    text = (repo / rel).read_text(encoding="utf-8")
    assert change[0] in text
    edit(repo, rel, text=text.replace(change[0], change[1], 1))
    line = text[:text.index(change[0])].count("\n") + 1  # (the line changed: the records as shipped move)
    shown = run_process(repo, "validate", "--format", "json")
    assert shown.returncode == 1, shown.stdout  # validate reports it: the guard shows the same
    for command in COMMANDS:
        r = run_process(repo, *command)
        said = r.stdout + r.stderr
        assert r.returncode == 1, (command, said)
        assert "E-FLOW-006" in said and "Traceback" not in said and "内部错误" not in said, (command, said)
        assert f"{rel}:{line}:" in said, (command, said)
    assert not (repo / "records/ledgers/2026-H2").exists()  # nothing written
    assert not (repo / "admin-out" / "config.yml").exists()
    assert not (repo / "records/assignments/2027-2029.yaml").exists()


def test_a_cadres_broken_ledger_does_not_stop_the_reminders(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo, "records/ledgers/2025-H2/chen-gang.yaml", append="students: many\n  - x\n")
    assert run_process(repo, "validate").returncode == 1
    r = run_process(repo, "remind", "--period", "2026-H1", "--today", "2026-06-20")
    assert r.returncode == 1 and "E-FLOW-006" not in r.stdout + r.stderr
    assert "李娜" in r.stdout  # the reminder is written
    assert run_process(repo, "new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H2").returncode == 0


def test_a_line_break_in_a_name_stays_in_the_scaffolds_comment(tmp_path):
    import yaml

    repo = make_repo(tmp_path)
    edit(repo, "records/cadres/zhang-wei.yaml", text=(repo / "records/cadres/zhang-wei.yaml").read_text(
        encoding="utf-8").replace("name: 张伟", "name: |-\n  张伟\n  reflections: injected"))
    # (a line break in a name is allowed when written as a block; "张伟\\n…" in double quotes is E-YAML-014)
    assert run_process(repo, "validate").returncode == 0
    assert run_process(repo, "new", "ledger", "--cadre", "zhang-wei", "--period", "2026-H2").returncode == 0
    data = yaml.safe_load((repo / "records/ledgers/2026-H2/zhang-wei.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"cadre", "period", "contact_points", "activities"}
