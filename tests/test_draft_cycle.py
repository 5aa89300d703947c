"""`python -m generator draft-cycle`: the 学工部 officer opening the next two-year cycle (R4) in late August, with a
freshman intake (R2) — the draft carries each continuing row over and names what needs a decision; filled in, it
passes validate and check from the new cycle's first day on."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.gitrepo import ROOT, assignments, base, cadre, check_cli, classes, commit, init_repo, write


def generator(records, *args, cwd=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", *args, "--records", str(records)],
                          cwd=cwd or records.parent, env=env, capture_output=True, text=True)


def records_of_august_2027() -> dict[str, str]:
    """base()'s cycle ending 2027-08-31: me-2025-01 graduated on the semester's last day (li-na's point), wang-fang left on 2027-07-31 (her
    cs-2025-02 free since), chen-gang took office on 2027-08-15 with no point, zhang-wei stays until 2028-03-31;
    the 2027 cohort's two freshman classes are in."""
    return {**base(),
            "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs"))
            .replace("id: me-2025-01,", "id: me-2025-01, until: \"2027-07-09\","),
            "records/classes/2027.yaml": classes(2027, ("cs-2027-01", "cs"), ("me-2027-01", "me")),
            "records/cadres/zhang-wei.yaml": cadre("张伟", "cs", active_to="2028-03-31"),
            "records/cadres/wang-fang.yaml": cadre("王芳", "cs", active_to="2027-07-31"),
            "records/cadres/chen-gang.yaml": cadre("陈刚", "cs", active_from="2027-08-15"),
            "records/assignments/2025-2027.yaml": assignments(
                "2025-2027", "2025-09-01", "2027-08-31",
                {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01", "end": "2027-07-09"},
                {"cadre": "wang-fang", "class": "cs-2025-02", "start": "2025-09-01", "end": "2027-07-31"})}


def test_the_next_cycle_is_drafted_with_what_needs_a_decision_and_passes_once_decided(tmp_path):
    repo = init_repo(tmp_path / "repo")
    write(repo, records_of_august_2027())
    commit(repo, "2027-08-20 10:00")
    records = repo / "records"
    run = generator(records, "draft-cycle", "--from", "2025-2027")
    assert run.returncode == 0, run.stderr
    drafted = records / "assignments/2027-2029.yaml"
    assert "已生成 records/assignments/2027-2029.yaml：1 行照旧，2 行待决定，2 个新生班级还没有联系干部" in run.stderr
    assert "不在任何周期内" not in run.stderr  # (the day after the old cycle's end: no days between)
    text = drafted.read_text(encoding="utf-8")
    assert "cycle: 2027-2029\nstart: 2027-09-01\nend: 2029-08-31\n" in text
    # zhang-wei keeps his class, to his last day in office; li-na's class graduated and chen-gang has none:
    # each a placeholder, under a comment naming the decision and the unit's freshman classes with no cadre yet
    assert "  - cadre: zhang-wei\n    class: cs-2025-01\n    start: 2027-09-01\n    end: 2028-03-31\n" in text
    assert ("  # 待决定：班级“me-2025-01班”（me-2025-01）只存续到 2027-07-09（毕业、合并或撤销），请改为新的联系点，"
            "如本单位未安排的新生班级：me-2027-01（联系社团时把 class: 改为 club:）\n  - cadre: li-na\n    class: 待填写\n    start: 2027-09-01\n") in text
    assert ("  # 待决定：陈刚（计算机学院）上一周期最后一天没有联系点，请安排联系点，如本单位未安排的新生班级：cs-2027-01"
            "（联系社团时把 class: 改为 club:）\n"
            "  - cadre: chen-gang\n    class: 待填写\n") in text
    assert "wang-fang" not in text and "# 不再列入：王芳（2027-07-31 离任），原联系点班级“cs-2025-02班”（cs-2025-02）新周期里没有别人联系" in text
    assert "# 待决定：2027 级新生班级还没有联系干部（R2，开学后 30 天内须安排）：\n#   cs-2027-01  cs-2027-01班（计算机学院）\n" in text
    # left as drafted, it cannot be committed: each placeholder is an error at its line
    run = generator(records, "validate")
    assert run.returncode == 1
    lines = text.splitlines()
    at = [i + 1 for i, line in enumerate(lines) if "class: 待填写" in line]
    assert [f"2027-2029.yaml:{n}:12: 错误 E-SCHEMA-011" in run.stdout for n in at] == [True, True]
    # decided: li-na takes the new me class, chen-gang the new cs class
    text = text.replace("class: 待填写", "class: me-2027-01", 1).replace("class: 待填写", "class: cs-2027-01", 1)
    drafted.write_text(text, encoding="utf-8")
    assert generator(records, "validate").returncode == 0
    commit(repo, "2027-08-25 10:00")
    run = check_cli(records, "--today", "2027-10-05", "--format", "json")
    codes = {f["code"] for f in __import__("json").loads(run.stdout)["findings"]}
    assert not codes & {"W-CHK-001", "W-CHK-002", "W-CHK-020", "W-CHK-023", "E-CHK-001", "E-CHK-002", "E-CHK-003"}, codes


def test_a_draft_is_never_written_over_and_a_wrong_cycle_or_start_is_said(tmp_path):
    write(tmp_path, records_of_august_2027())
    records = tmp_path / "records"
    assert generator(records, "draft-cycle", "--from", "2025-2027").returncode == 0
    drafted = records / "assignments/2027-2029.yaml"
    drafted.write_text(drafted.read_text(encoding="utf-8") + "# 已开始编辑\n", encoding="utf-8")
    run = generator(records, "draft-cycle", "--from", "2025-2027")
    assert run.returncode == 1 and "E-DRAFT-002" in run.stdout and "不会覆盖" in run.stdout
    assert drafted.read_text(encoding="utf-8").endswith("# 已开始编辑\n")
    drafted.unlink()
    run = generator(records, "draft-cycle", "--from", "2025-2026")
    assert run.returncode == 1 and "E-DRAFT-001" in run.stdout and "2025-2027" in run.stdout
    run = generator(records, "draft-cycle", "--from", "2025-2027", "--start", "2027-06-01", "--lang", "en")
    assert run.returncode == 1 and "E-DRAFT-003" in run.stdout and "2025-2027.yaml:3:6" in run.stdout
    assert "would overlap" in run.stdout and "2027-09-01" in run.stdout
    # a later start, in English: the new cycle's dates follow it, the comments speak English
    run = generator(records, "draft-cycle", "--from", "2025-2027", "--start", "2027-09-15", "--lang", "en")
    assert run.returncode == 0 and ("wrote records/assignments/2027-2029.yaml: 1 row carried over, 2 to decide, "
                                    "2 freshman classes with no cadre yet") in run.stderr
    assert ("Note: 2027-09-01 to 2027-09-14 (14 days) is in no cycle: 2025-2027 has ended and the new one begins on "
            "2027-09-15") in run.stderr
    text = drafted.read_text(encoding="utf-8")
    assert "start: 2027-09-15\nend: 2029-09-14\n" in text and "# to decide: the 2027 cohort's freshman classes" in text
    assert generator(tmp_path / "nowhere", "draft-cycle", "--from", "2025-2027").returncode == 2


def test_a_draft_with_nothing_to_decide_asks_for_none(tmp_path):
    """base()'s two cadres keep their classes (no class graduates, no freshman class in): the officer is not told to
    replace a 待填写 there is none of."""
    write(tmp_path, base())
    records = tmp_path / "records"
    run = generator(records, "draft-cycle", "--from", "2025-2027")
    assert run.returncode == 0 and ": 待填写" not in (records / "assignments/2027-2029.yaml").read_text(encoding="utf-8")
    assert "已生成 records/assignments/2027-2029.yaml：2 行照旧，没有待决定的行\n下一步：核对一遍" in run.stderr
    assert "待填写" not in run.stderr and "要结束" not in run.stderr


OLD_CYCLE = """\
cycle: 2025-2027
start: "2025-09-01"
end: "2027-08-31"
assignments:
  # 计算机学院
  - cadre: zhang-wei
    class: cs-2025-01
    start: "2025-09-01"
  - cadre: li-na   # 机械学院
    class: me-2025-01
    start: "2025-09-01"
  - {cadre: zhao-lei, club: club-a, start: "2025-09-01", reason: 社团负责人}
  - cadre: wang-fang
    class: cs-2025-02
    start: "2025-09-01"
    end: "2027-07-31"
  - cadre: zhao-lei
    class: me-2025-01
    start: "2027-07-15"
"""


def test_the_old_cycles_rows_to_end_are_printed_at_their_lines_and_a_clubs_placeholder_is_a_club(tmp_path):
    """The officer also ends, in the old cycle's file, each row still naming a graduated class or a dissolved club
    (W-CHK-013): draft-cycle prints each at its file:line:col with the lines to type, as check says them, and leaves
    the old file as it is (its comments and layout are the officer's); a cadre whose dissolved point was a club gets
    `club: 待填写`, a comment saying to write class: for a class."""
    repo = init_repo(tmp_path / "repo")
    write(repo, {**records_of_august_2027(),
                 "records/cadres/zhao-lei.yaml": cadre("赵磊", "me"),
                 "records/clubs.yaml": "clubs:\n  - {id: club-a, name: 合唱团, unit: me, until: \"2027-06-30\"}\n"
                                       "  - {id: club-b, name: 话剧社, unit: me}\n  - {id: club-c, name: 棋社, unit: cs}\n",
                 "records/assignments/2025-2027.yaml": OLD_CYCLE})
    commit(repo, "2027-08-20 10:00")
    records = repo / "records"
    run = generator(records, "draft-cycle", "--from", "2025-2027")
    assert run.returncode == 0, run.stderr
    old = "records/assignments/2025-2027.yaml"
    assert (records / "assignments/2025-2027.yaml").read_text(encoding="utf-8") == OLD_CYCLE
    said = run.stderr.splitlines()
    at = said.index(f"上一周期的安排表 {old} 还有 3 行要结束（check 的 W-CHK-013 也逐行报出）：照下面在那个文件中改好，"
                    "与新周期的文件一同提交，审核人在它的改动中能看到：")
    assert said[at + 1:] == [
        f"{old}:10:12: 在这一行加上一行 end: 2027-07-09，再加上一行 reason: 班级毕业（与 start: 对齐；原因如“班级毕业”“社团撤销”）",
        f"{old}:12:29: 在这一行的花括号中，最后一项之后、}} 之前加上 , end: 2027-06-30；这一行已有 reason，不要再加一行 reason:"
        "（写两次是 YAML 的错误），社团的 until 已说明它为什么结束，需要时改写那一行即可",
        f"{old}:18:12: 这条安排从 2027-07-15 开始，那时班级“me-2025-01班”已不存在，从未算作联系点。请管理员删去这一行，"
        "或把它改为接替的班级（class 写那个班级的编号）；干部“赵磊”另有联系点的，为它新增一行。"]
    # the same rows, at the same places, as check's W-CHK-013 says them
    checked = check_cli(records, "--today", "2027-08-25", "--format", "json")
    found = sorted((f["line"], f["column"]) for f in __import__("json").loads(checked.stdout)["findings"]
                   if f["code"] == "W-CHK-013")
    assert found == [(10, 12), (12, 29), (18, 12)]
    text = (records / "assignments/2027-2029.yaml").read_text(encoding="utf-8")
    assert ("  # 待决定：社团“合唱团”（club-a）只存续到 2027-06-30（毕业、合并或撤销），请改为新的联系点，"
            "如本单位没有人联系的社团：club-b，如本单位未安排的新生班级：me-2027-01（改为联系班级时把 club: 改为 class:）\n"
            "  - cadre: zhao-lei\n    club: 待填写\n") in text
    run = generator(records, "validate")
    line = text.splitlines().index("    club: 待填写") + 1
    assert run.returncode == 1 and f"2027-2029.yaml:{line}:11: 错误 E-SCHEMA-011" in run.stdout
    # for a script: what was written and the rows to end, as JSON on standard output; in English, the same places
    (records / "assignments/2027-2029.yaml").unlink()
    run = generator(records, "draft-cycle", "--from", "2025-2027", "--format", "json", "--lang", "en")
    done = __import__("json").loads(run.stdout)
    assert run.returncode == 0
    assert (done["cycle"], done["kept"], done["decide"], done["uncovered"]) == ("2027-2029", 1, 3, 2)
    assert [(e["path"], e["line"], e["column"]) for e in done["to_end"]] == [
        (old, 10, 12), (old, 12, 29), (old, 18, 12)]
    assert (f"{old}:10:12: the fix adds the line end: 2027-07-09 to the row and the line reason: 班级毕业 (aligned with "
            "start:; the reason, e.g. 班级毕业, 社团撤销)") in run.stderr
    assert done["to_end"][1]["fix"].startswith("adds , end: 2027-06-30 inside the row's braces, after its last item")
    # typed as printed, the old file's rows end on their point's last day: check says no W-CHK-013
    fixed = OLD_CYCLE.replace('    start: "2025-09-01"\n  - {cadre: zhao',
                              '    start: "2025-09-01"\n    end: 2027-07-09\n    reason: 班级毕业\n  - {cadre: zhao')
    fixed = fixed.replace("reason: 社团负责人}", "reason: 社团负责人, end: 2027-06-30}")
    (records / "assignments/2025-2027.yaml").write_text(fixed.replace('  - cadre: zhao-lei\n    class: me-2025-01\n'
                                                                      '    start: "2027-07-15"\n', ""), encoding="utf-8")
    checked = check_cli(records, "--today", "2027-08-25", "--format", "json")
    assert "W-CHK-013" not in {f["code"] for f in __import__("json").loads(checked.stdout)["findings"]}
