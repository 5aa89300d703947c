"""Helpers for tests that need real record folders in real Git repositories.

    repo = init_repo(tmp_path / "repo")
    write(repo, BASE)                                    # records/… from a {path: text} dict
    commit(repo, "2026-06-30 23:59", "ledger")           # Shanghai time unless a zone is given
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-10"])})

Commit dates are controlled with GIT_AUTHOR_DATE / GIT_COMMITTER_DATE; `author=` sets a
different (forged) author date.  Other engineers may reuse these helpers.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

POLICY = """\
institution:
  name: 示例大学
  timezone: Asia/Shanghai
administrators:
  - {name: 王管理, unit: xgb, git: wang-admin}
ledger:
  periods:
    - {id: H1, name: 上半年, start: "01-01", end: "06-30", due: "06-30"}
    - {id: H2, name: 下半年, start: "07-01", end: "12-31", due: "12-31"}
  grace_days: GRACE
contacts:
  points_per_cadre: 1
  min_per_semester: 1
freshman_coverage:
  required: true
  grace_days: 30
feedback:
  overdue_days: 60
privacy:
  student_number_patterns: ["20[0-9]{8}"]
  not_given_name_characters: 全各新老男女众眾诸諸某们們每该該本此这這那其他她它两兩几幾多少个個名位级級班院系校部处處科组組队隊社会會省市县縣区區州村镇鎮乡鄉籍族年届屆百千万萬同生师師长長员員友伴上下内內外里裡间間边邊围圍等及和与與或的了在是有对對向给給跟让讓把被将將也都还還又再就请請问問说說看听聽去来來到从從为為着著过過专專业業课課室舍寝寢楼樓期批团團党黨委協协号號床反电電话話
  not_name_words: [高一, 高二, 高三, 高四, 周一, 周二, 周三, 周四, 周五, 周六, 周日, 周天, 高中, 高校, 高职, 高職, 高考, 高分, 高龄, 高齡, 高层, 高層, 高素, 高质, 高質, 江西, 江苏, 江蘇, 江浙, 沈阳, 沈陽, 武汉, 武漢, 苏州, 蘇州, 常州, 郑州, 鄭州, 金华, 金華, 唐山, 许昌, 許昌, 江门, 江門, 龙岩, 龍岩, 白城, 白山, 黄石, 黃石, 黄冈, 黃岡, 谢谢, 謝謝, 曾经, 曾經, 任何, 马院, 馬院, 文科, 文理, 文史, 文体, 文體, 文艺, 文藝, 金融, 孔院, 易班, 常规, 常規, 康复, 康復, 何况, 何況, 程序, 周末, 周边, 周邊, 周围, 周圍, 龙江, 龍江, 史学, 史學, 林学, 林學]
vocabularies:
  forms: [主题班会, 个体谈话, 座谈交流]
  places: [进班级, 进宿舍, 进网络]
  channels: [面对面, 键对键]
  feedback_kinds: [问题, 建议]
  feedback_categories: [学业发展, 生活后勤]
  feedback_statuses:
    - {name: 待处理, meaning: open}
    - {name: 处理中, meaning: in_progress}
    - {name: 已上报, meaning: escalated}
    - {name: 已解决, meaning: resolved}
  escalation_targets: [计算机学院党委, 后勤处]
  suggestion_targets: [辅导员, 班导师]
"""

# Semesters of 2027-2028 cross New Year; 2028 is a leap year (29 February).
CALENDAR = """\
academic_years:
  - id: 2025-2026
    start: "2025-09-01"
    end: "2026-08-31"
    semesters:
      - {id: 2025-2026-1, name: 2025—2026学年第一学期, start: "2025-09-01", end: "2026-01-16"}
      - {id: 2025-2026-2, name: 2025—2026学年第二学期, start: "2026-02-28", end: "2026-07-10"}
  - id: 2026-2027
    start: "2026-09-01"
    end: "2027-08-31"
    semesters:
      - {id: 2026-2027-1, name: 2026—2027学年第一学期, start: "2026-09-01", end: "2027-01-15"}
      - {id: 2026-2027-2, name: 2026—2027学年第二学期, start: "2027-02-26", end: "2027-07-09"}
  - id: 2027-2028
    start: "2027-09-01"
    end: "2028-08-31"
    semesters:
      - {id: 2027-2028-1, name: 2027—2028学年第一学期, start: "2027-09-01", end: "2028-01-14"}
      - {id: 2027-2028-2, name: 2027—2028学年第二学期, start: "2028-02-29", end: "2028-07-07"}
"""

UNITS = """\
units:
  - {id: cs, name: 计算机学院, type: 学院, reviewers: [cs-reviewer]}
  - {id: me, name: 机械学院, type: 学院, reviewers: [me-reviewer]}
  - {id: xgb, name: 党委学生工作部, type: 部门, reviewers: [wang-admin]}
"""


def classes(cohort: int, *ids_units) -> str:
    rows = "".join(f"  - {{id: {cid}, name: {cid}班, unit: {unit}, major: 专业, headcount: 30}}\n"
                   for cid, unit in ids_units)
    return f"cohort: {cohort}\nclasses:\n{rows}"


def cadre(name: str, unit: str, active_from: str = "2020-01-01", active_to: str | None = None) -> str:
    text = f"name: {name}\nposition: 院长\nunit: {unit}\nactive_from: \"{active_from}\"\n"
    return text + (f"active_to: \"{active_to}\"\n" if active_to else "")


def assignments(cycle: str, start: str, end: str, *rows: dict) -> str:
    lines = [f"cycle: {cycle}", f"start: \"{start}\"", f"end: \"{end}\"", "assignments:"]
    for row in rows:
        first = True
        for key, value in row.items():
            lines.append(f"  {'- ' if first else '  '}{key}: \"{value}\"" if key in ("start", "end")
                         else f"  {'- ' if first else '  '}{key}: {value}")
            first = False
    return "\n".join(lines) + "\n"


def ledger(cadre_id: str, period: str, dates=(), points=("cs-2025-01",), feedback: str = "") -> str:
    text = f"cadre: {cadre_id}\nperiod: {period}\ncontact_points: [{', '.join(points)}]\nactivities:"
    if not dates:
        text += " []\n"
    else:
        text += "\n"
        for d in dates:
            text += (f"  - date: \"{d}\"\n    form: 主题班会\n    place: 进班级\n    channel: 面对面\n"
                     f"    students: 20\n    summary: 参加主题班会，与同学们交流学习情况。\n")
    if feedback:
        text += "feedback:\n" + textwrap.indent(textwrap.dedent(feedback).strip("\n"), "  ") + "\n"
    return text


def base(grace: int = 0) -> dict[str, str]:
    """Two cadres (zhang-wei: cs-2025-01, li-na: me-2025-01) in the 2025-2027 cycle."""
    return {
        "records/policy.yaml": POLICY.replace("GRACE", str(grace)),
        "records/calendar.yaml": CALENDAR,
        "records/units.yaml": UNITS,
        "records/classes/2025.yaml": classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me")),
        "records/cadres/zhang-wei.yaml": cadre("张伟", "cs"),
        "records/cadres/li-na.yaml": cadre("李娜", "me"),
        "records/assignments/2025-2027.yaml": assignments(
            "2025-2027", "2025-09-01", "2027-08-31",
            {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
            {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"}),
    }


def handovers(zhang_wei_to: str, li_na_to: str, sun_li: tuple, zhou_min: tuple) -> dict[str, str]:
    """base()'s records with its two cadres leaving (active_to), each followed the next day on
    their class by a successor (陈刚 after 张伟, 王芳 after 李娜), and a club, club-a, held by 孙立 and
    then 周敏, each (active_from, active_to or None) in office only while they hold it."""
    def next_day(day: str) -> str:
        return str(date.fromisoformat(day) + timedelta(days=1))
    return {**base(),
            "records/cadres/zhang-wei.yaml": cadre("张伟", "cs", active_to=zhang_wei_to),
            "records/cadres/chen-gang.yaml": cadre("陈刚", "cs", active_from=next_day(zhang_wei_to)),
            "records/cadres/li-na.yaml": cadre("李娜", "me", active_to=li_na_to),
            "records/cadres/wang-fang.yaml": cadre("王芳", "me", active_from=next_day(li_na_to)),
            "records/cadres/sun-li.yaml": cadre("孙立", "cs", *sun_li),
            "records/cadres/zhou-min.yaml": cadre("周敏", "cs", *zhou_min),
            "records/clubs.yaml": "clubs:\n  - {id: club-a, name: 合唱团, unit: cs}\n",
            "records/assignments/2025-2027.yaml": assignments(
                "2025-2027", "2025-09-01", "2027-08-31",
                {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
                {"cadre": "chen-gang", "class": "cs-2025-01", "start": next_day(zhang_wei_to)},
                {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
                {"cadre": "wang-fang", "class": "me-2025-01", "start": next_day(li_na_to)},
                {"cadre": "sun-li", "club": "club-a", "start": sun_li[0]},
                {"cadre": "zhou-min", "club": "club-a", "start": zhou_min[0]})}


def demo_records(dest: Path) -> Path:
    """The demo university's records (bench/corpus.py --demo) written into the new folder `dest`: what records/
    holds in this repository, but not in a university's clone, where records/ is its own (README: the tests about
    the demo run on a demo they generate afresh)."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "--demo", "--out", str(dest)], check=True,
                   capture_output=True)
    return dest


def write(repo: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = repo / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def git(repo: Path, *args: str, env: dict | None = None, check: bool = True) -> str:
    full = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    full.update({"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent), "LC_ALL": "C"})
    full.update(env or {})
    out = subprocess.run(["git", *args], cwd=repo, env=full, capture_output=True, text=True)
    if check and out.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {out.stderr}")
    return out.stdout


def init_repo(path: Path, branch: str = "main") -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", branch)
    git(path, "config", "user.name", "测试")
    git(path, "config", "user.email", "test@example.edu.cn")
    git(path, "config", "commit.gpgsign", "false")
    return path


def stamp(when: str, zone: str = "+08:00") -> str:
    """'2026-06-30 23:59' (Shanghai) → an ISO 8601 date Git accepts."""
    return f"{when.replace(' ', 'T')}:00{zone}" if len(when) == 16 else when


def dated(when: str, author: str | None = None) -> dict:
    return {"GIT_COMMITTER_DATE": stamp(when), "GIT_AUTHOR_DATE": stamp(author or when)}


def commit(repo: Path, when: str, message: str = "记录", author: str | None = None, paths=(".",)) -> str:
    """Stage `paths` and commit with committer time `when` (and author time `author`)."""
    git(repo, "add", "-A", *paths)
    git(repo, "commit", "-q", "--allow-empty", "-m", message, env=dated(when, author))
    return git(repo, "rev-parse", "HEAD").strip()


def merge(repo: Path, branch: str, when: str, message: str = "Merge pull request") -> str:
    git(repo, "merge", "-q", "--no-ff", "-m", message, branch, env=dated(when))
    return git(repo, "rev-parse", "HEAD").strip()


def check_cli(records: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator check` as a user would."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", "check", "--records", str(records), *args],
                          cwd=cwd or records.parent, env=env, capture_output=True, text=True)


def counting_git(cwd: Path, tmp_path: Path, *args: str, cache: str = "0") -> tuple[subprocess.CompletedProcess, list[str]]:
    """(`python -m generator ARGS` run in `cwd` as a user would with the cache folder `cache` ("0":
    none), the arguments of each git call it made): a `git` first on PATH notes each call."""
    import shutil

    shim, calls = tmp_path / "shim", tmp_path / "git-calls"
    shim.mkdir(exist_ok=True)
    calls.write_text("", encoding="utf-8")
    (shim / "git").write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{calls}"\nexec {shutil.which("git")} "$@"\n',
                              encoding="utf-8")
    (shim / "git").chmod(0o755)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PATH=f"{shim}{os.pathsep}{os.environ['PATH']}",
               CONTACT_LEDGER_CACHE=str(cache))
    r = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                       env=env, timeout=300)
    return r, calls.read_text(encoding="utf-8").splitlines()

def generator_cli(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m generator ARGS` in `repo` as a user would, `env` added to the environment."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=repo, env=env, capture_output=True, text=True)


def archived_then_changed(path: Path) -> Path:
    """A repository whose 2025-H2 was archived (`generator archive`, 2026-01-10) with 张伟 on time
    (2025-12-28), 李娜 late (2026-01-05, 5 days) and 王芳 missing; then changed as an administrator
    may change things later (2026-03-01), each of which alters today's judgement of that period:
    the H2 due date moved to 25 December (张伟 late), 王芳 exempted afterwards, and 李娜's ledger
    withdrawn with an amendment record (missing)."""
    repo = init_repo(path)
    files = base()
    files["records/classes/2025.yaml"] = classes(2025, ("cs-2025-01", "cs"), ("me-2025-01", "me"), ("cs-2025-02", "cs"))
    files["records/cadres/wang-fang.yaml"] = cadre("王芳", "cs")
    files["records/assignments/2025-2027.yaml"] = assignments(
        "2025-2027", "2025-09-01", "2027-08-31",
        {"cadre": "zhang-wei", "class": "cs-2025-01", "start": "2025-09-01"},
        {"cadre": "li-na", "class": "me-2025-01", "start": "2025-09-01"},
        {"cadre": "wang-fang", "class": "cs-2025-02", "start": "2025-09-01"})
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {"records/ledgers/2025-H2/zhang-wei.yaml": ledger("zhang-wei", "2025-H2", ["2025-10-10"])})
    commit(repo, "2025-12-28 10:00", "张伟的台账")
    write(repo, {"records/ledgers/2025-H2/li-na.yaml": ledger("li-na", "2025-H2", ["2025-10-10"], points=["me-2025-01"])})
    commit(repo, "2026-01-05 10:00", "李娜的台账")
    done = generator_cli(repo, "archive", "2025-H2", "--today", "2026-01-10")
    assert done.returncode == 0, done.stdout + done.stderr
    commit(repo, "2026-01-10 12:00", "备案 2025-H2")
    policy = (repo / "records/policy.yaml").read_text(encoding="utf-8")
    assert 'end: "12-31", due: "12-31"' in policy
    (repo / "records/ledgers/2025-H2/li-na.yaml").unlink()
    write(repo, {
        "records/policy.yaml": policy.replace('end: "12-31", due: "12-31"', 'end: "12-31", due: "12-25"'),
        "records/exemptions.yaml": "exemptions:\n  - cadre: wang-fang\n    rules: [ledger]\n"
                                   "    start: \"2025-07-01\"\n    end: \"2025-12-31\"\n    reason: 挂职锻炼\n",
        "records/amendments/2025-H2/li-na.yaml": "reason: 李娜本期台账误提交，撤回\napproved_by: wang-admin\n"
                                                 "date: \"2026-03-01\"\ncorrections:\n"
                                                 "  - {field: activities, original: 1 项, corrected: 撤回}\n"})
    commit(repo, "2026-03-01 10:00", "备案后的改动")
    return repo
