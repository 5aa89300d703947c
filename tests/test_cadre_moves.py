"""A cadre who moves to another unit keeps their past in the unit they were in (records/cadres'
`earlier`): the ledgers, the periods' tables (附件2), the archive manifest and the feedback of the
time before the move stay with the old unit; without `earlier`, changing `unit` moved all of it."""
from __future__ import annotations

import json
import re

import yaml

from workflow_repo import commit, edit, make_repo, run

CADRE = "records/cadres/zhang-wei.yaml"
MOVED = ("name: 张伟\nposition: 机械学院院长\nunit: me\ngit: zhang-wei\nactive_from: \"2020-01-01\"\n")
EARLIER = "earlier:\n  - {until: \"2026-02-28\", unit: cs, position: 计算机学院院长}\n"


def units_by_period(repo, today="2026-07-05") -> dict:
    r = run(repo, "check", "--today", today, "--format", "json")
    rows = json.loads(r.stdout)["ledgers"]
    return {row["period"]: row["unit_name"] for row in rows if row["cadre"] == "zhang-wei" and row["period"] < "2026-H2"}


def attachment2_row(repo, tmp_path, period, today="2026-07-05") -> str:
    out = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}"
    r = run(repo, "render", "--out", str(out), "--today", today)
    assert r.returncode == 0, r.stdout + r.stderr
    (row,) = [line for line in (out / "ledgers" / f"{period}.md").read_text(encoding="utf-8").splitlines()
              if "cadres/zhang-wei.md" in line]
    return re.sub(r"<[^>]+>", "", row)  # as it reads on screen: the tags (a 职务's unit the print leaves out) dropped


def test_a_move_to_another_unit_leaves_the_past_in_the_old_unit(tmp_path):
    repo = make_repo(tmp_path)
    assert run(repo, "archive", "2025-H2", "--today", "2026-01-10").returncode == 0
    commit(repo, "2026-01-10 10:00", "archive 2025-H2")
    edit(repo, CADRE, text=MOVED)  # from 2026-03-01 in 机械学院, unit changed in place
    commit(repo, "2026-03-01 10:00", "zhang-wei moves to me")
    # before: every period not archived became 机械学院's; the archived 2025-H2 keeps the unit
    # its manifest froze
    assert units_by_period(repo) == {"2025-H2": "计算机学院", "2026-H1": "机械学院"}
    edit(repo, CADRE, text=MOVED + EARLIER)
    commit(repo, "2026-03-02 10:00", "zhang-wei's earlier post")
    assert run(repo, "validate").returncode == 0
    assert units_by_period(repo) == {"2025-H2": "计算机学院", "2026-H1": "机械学院"}
    old, new = attachment2_row(repo, tmp_path, "2025-H2"), attachment2_row(repo, tmp_path, "2026-H1")
    assert "units/cs.md" in old and "计算机学院院长" in old and "units/me.md" not in old
    assert "units/me.md" in new and "机械学院院长" in new
    page = sorted(tmp_path.glob("out-*"))[-1] / "cadres/zhang-wei.md"
    assert "| 以往任职 | [计算机学院](../units/cs.md) 计算机学院院长（至 2026-02-28） |" in page.read_text(encoding="utf-8")
    # the next archive records the unit of that period
    assert run(repo, "archive", "2026-H1", "--today", "2026-07-05").returncode == 0
    man = yaml.safe_load((repo / "records/archive/2026-H1.yaml").read_text(encoding="utf-8"))
    assert {e["cadre"]: e["unit"] for e in man["ledgers"]}["zhang-wei"] == "me"
    man = yaml.safe_load((repo / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    assert {e["cadre"]: e["unit"] for e in man["ledgers"]}["zhang-wei"] == "cs"


def test_an_earlier_unit_must_exist(tmp_path):
    repo = make_repo(tmp_path)
    edit(repo, CADRE, text=MOVED + EARLIER.replace("unit: cs", "unit: cx"))
    r = run(repo, "validate")
    assert r.returncode == 1
    assert f"{CADRE}:7:33: 错误 E-REF-001: 单位“cx”不存在" in r.stdout


def test_the_guide_s_departure_and_successor_steps(tmp_path):
    # site/guide/admin.md: the leaver gets active_to and an ended row, the successor a cadre file
    # and a row from the next day; the leaver still owes the period he held the point in, the
    # successor from his first day, and neither has a gap in their contact points
    repo = make_repo(tmp_path)
    edit(repo, CADRE, append="active_to: \"2026-03-31\"\n")
    edit(repo, "records/cadres/zhao-xin.yaml", text="name: 赵新\nposition: 计算机学院院长\nunit: cs\n"
                                                   "git: zhao-xin\nactive_from: \"2026-04-01\"\n")
    rows = (repo / "records/assignments/2025-2027.yaml").read_text(encoding="utf-8")
    old = "  - cadre: zhang-wei\n    class: cs-2025-01\n    start: \"2025-09-01\"\n"
    assert old in rows
    edit(repo, "records/assignments/2025-2027.yaml", text=rows.replace(old, old + (
        "    end: \"2026-03-31\"\n    reason: 张伟调离\n  - cadre: zhao-xin\n    class: cs-2025-01\n"
        "    start: \"2026-04-01\"\n    reason: 接任张伟的联系点\n")))
    assert run(repo, "codeowners").returncode == 0
    commit(repo, "2026-04-01 10:00", "zhang-wei leaves, zhao-xin succeeds")
    assert run(repo, "validate").returncode == 0
    r = run(repo, "check", "--today", "2026-10-15", "--format", "json")
    data = json.loads(r.stdout)
    assert not [f for f in data["findings"] if f["severity"] == "error"], r.stdout
    owed = {(row["cadre"], row["period"]) for row in data["ledgers"]}
    assert {("zhang-wei", "2026-H1"), ("zhao-xin", "2026-H1"), ("zhao-xin", "2026-H2")} <= owed
    assert ("zhang-wei", "2026-H2") not in owed
    gaps = [f for f in data["findings"] if f["code"] in ("W-CHK-002", "W-CHK-003")
            and ("张伟" in f["message"] or "赵新" in f["message"])]
    assert gaps == []


def test_a_cadre_who_left_is_not_shown_as_a_point_s_contact_afterwards(tmp_path):
    # zhang-wei left on 2026-03-31 and nobody ended his row of the 2025-2027 table: the checks
    # count the row only while he was in office, but 附件1 and his unit's page went on showing him
    # as 计算机2501班's cadre, "2025-09-01 至 2027-08-31", long after he had left
    repo = make_repo(tmp_path)
    edit(repo, CADRE, append="active_to: \"2026-03-31\"\n")
    commit(repo, "2026-04-01 10:00", "zhang-wei leaves")
    out = tmp_path / "out"
    assert run(repo, "render", "--out", str(out), "--today", "2026-10-15").returncode == 0
    current = (out / "attachment1.md").read_text(encoding="utf-8").split("## ")[0]
    (change,) = [line for line in (out / "attachment1.md").read_text(encoding="utf-8").splitlines()
                 if "cadres/zhang-wei.md" in line]
    assert "2025-09-01 至 2026-03-31" in change and "2026-03-31 离任" in change
    assert "cadres/zhang-wei.md" not in current.split("| 序号 |")[1].split("\n\n")[0]
    (row,) = [shown for shown in (re.sub("<[^>]+>", "", line) for line in (out / "units/cs.md").read_text(
        encoding="utf-8").splitlines()) if shown.startswith("| 计算机2501班 | 2025级 |")]  # (its row in 班级, as shown)
    assert row.endswith("| — |")
    full = (out / "attachment1/2025-2027.md").read_text(encoding="utf-8")
    assert "2025-09-01 至 2026-03-31" in [line for line in full.splitlines() if "zhang-wei" in line][0]


def test_a_reviewer_who_left_office_is_flagged_at_their_account_in_units(tmp_path):
    # walked as the administrator: 蔡伟民 retired, a reviewer of his unit; nothing said so, and the regenerated
    # CODEOWNERS went on asking him to approve his unit's ledgers.  Past his active_to, W-CHK-022 is at his account
    # in units.yaml, saying whose it is and to replace it; before that day, or once replaced, nothing
    repo = make_repo(tmp_path)
    units = (repo / "records/units.yaml").read_text(encoding="utf-8")
    assert "    reviewers: [cs-reviewer]\n" in units
    edit(repo, "records/units.yaml", text=units.replace("    reviewers: [cs-reviewer]\n",
                                                       "    reviewers: [zhang-wei, cs-reviewer]\n", 1))
    edit(repo, CADRE, append="active_to: \"2026-03-31\"\n")
    commit(repo, "2026-03-01 10:00", "zhang-wei reviews cs, retires on 2026-03-31")

    def flagged(today: str, lang: str = "zh") -> list:
        r = run(repo, "check", "--today", today, "--format", "json", "--lang", lang)
        return [(f["file"], f["line"], f["column"], f["severity"], f["message"], f["hint"])
                for f in json.loads(r.stdout)["findings"] if f["code"] == "W-CHK-022"]

    assert flagged("2026-03-31") == []
    [(file, line, col, severity, message, hint)] = flagged("2026-04-15")
    assert (file, line, col, severity) == ("records/units.yaml", 6, 17, "warning")
    assert message == "单位“计算机学院”的审核人 zhang-wei 是干部“张伟”的 Git 账号，张伟已于 2026-03-31 离任，仍能审核本单位干部的台账"
    assert "zhang-wei" in hint and "python -m generator codeowners" in hint
    [(*_, en, _)] = flagged("2026-04-15", "en")
    assert en == ("reviewer zhang-wei of unit '计算机学院' is the Git account of cadre '张伟', who left office on "
                  "2026-03-31, and may still approve the unit's ledgers")
    text = run(repo, "check", "--today", "2026-04-15").stdout
    assert "records/units.yaml:6:17: 警告 W-CHK-022:" in text
    edit(repo, "records/units.yaml", text=units)  # (replaced: cs-reviewer alone)
    commit(repo, "2026-04-16 10:00", "zhang-wei no longer reviews")
    assert flagged("2026-04-20") == []
