"""A small, valid records tree for the web-form and `new ledger` tests (tests/test_cms_*.py)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

FILES = {
    "policy.yaml": """\
institution:
  name: 示例大学
  timezone: Asia/Shanghai
administrators:
  - name: 王老师
    unit: xgb
    git: wang-admin
ledger:
  periods:
    - {id: H1, name: 上半年, start: 01-01, end: 06-30, due: 06-30}
    - {id: H2, name: 下半年, start: 07-01, end: 12-31, due: 12-31}
  grace_days: 0
contacts:
  points_per_cadre: 1
  min_per_semester: 1
freshman_coverage:
  required: true
  grace_days: 30
feedback:
  overdue_days: 60
privacy:
  student_number_patterns: ['20[0-9]{8}']
  not_given_name_characters: 全各新老男女众眾诸諸某们們每该該本此这這那其他她它两兩几幾多少个個名位级級班院系校部处處科组組队隊社会會省市县縣区區州村镇鎮乡鄉籍族年届屆百千万萬同生师師长長员員友伴上下内內外里裡间間边邊围圍等及和与與或的了在是有对對向给給跟让讓把被将將也都还還又再就请請问問说說看听聽去来來到从從为為着著过過专專业業课課室舍寝寢楼樓期批团團党黨委協协号號床反电電话話
  not_name_words: [高一, 高二, 高三, 高四, 周一, 周二, 周三, 周四, 周五, 周六, 周日, 周天, 高中, 高校, 高职, 高職, 高考, 高分, 高龄, 高齡, 高层, 高層, 高素, 高质, 高質, 江西, 江苏, 江蘇, 江浙, 沈阳, 沈陽, 武汉, 武漢, 苏州, 蘇州, 常州, 郑州, 鄭州, 金华, 金華, 唐山, 许昌, 許昌, 江门, 江門, 龙岩, 龍岩, 白城, 白山, 黄石, 黃石, 黄冈, 黃岡, 谢谢, 謝謝, 曾经, 曾經, 任何, 马院, 馬院, 文科, 文理, 文史, 文体, 文體, 文艺, 文藝, 金融, 孔院, 易班, 常规, 常規, 康复, 康復, 何况, 何況, 程序, 周末, 周边, 周邊, 周围, 周圍, 龙江, 龍江, 史学, 史學, 林学, 林學]
vocabularies:
  forms: [主题班会, 个体谈话, 座谈交流, 社团活动]
  places: [进课堂, 进班级, 进宿舍, 进网络]
  channels: [面对面, 键对键]
  feedback_kinds: [问题, 建议]
  feedback_categories: [学业发展, 心理健康, 生活后勤]
  feedback_statuses:
    - {name: 待处理, meaning: open}
    - {name: 处理中, meaning: in_progress}
    - {name: 已上报, meaning: escalated}
    - {name: 已解决, meaning: resolved}
  escalation_targets: [计算机学院党委, 后勤处]
  suggestion_targets: [任课教师, 辅导员, 班导师]
""",
    "calendar.yaml": """\
academic_years:
  - id: 2026-2027
    start: 2026-08-31
    end: 2027-08-29
    semesters:
      - {id: 2026-2027-1, name: 2026—2027学年第一学期, start: 2026-08-31, end: 2027-01-17}
      - {id: 2026-2027-2, name: 2026—2027学年第二学期, start: 2027-02-22, end: 2027-07-11}
""",
    "units.yaml": """\
units:
  - {id: cs, name: 计算机学院, type: 学院, party_committee: 计算机学院党委, reviewers: [li-reviewer]}
  - {id: xgb, name: 党委学生工作部, type: 部门, reviewers: [wang-admin]}
""",
    "clubs.yaml": """\
clubs:
  - {id: club-robotics, name: 机器人协会, unit: cs, category: 学术科技}
""",
    "classes/2026.yaml": """\
cohort: 2026
classes:
  - {id: cs-2026-01, name: 计算机2601班, unit: cs, major: 计算机科学与技术, headcount: 30}
  - {id: cs-2026-02, name: 计算机2602班, unit: cs, major: 计算机科学与技术, headcount: 31}
""",
    "cadres/zhang-wei.yaml": """\
name: 张伟
position: 计算机学院院长
unit: cs
active_from: 2020-01-01
""",
    "cadres/li-na.yaml": """\
name: 李娜
position: 计算机学院党委书记
unit: cs
active_from: 2020-01-01
""",
    "assignments/2025-2027.yaml": """\
cycle: 2025-2027
start: 2025-09-01
end: 2027-08-31
assignments:
  - {cadre: zhang-wei, class: cs-2026-01, start: 2026-09-01}
  - {cadre: li-na, club: club-robotics, start: 2025-09-01}
""",
}


def write_records(root: Path) -> Path:
    """Write the records tree under root/records and return that folder."""
    records = root / "records"
    for rel, text in FILES.items():
        path = records / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return records


GIT_ENV = {
    "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "测试", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_AUTHOR_DATE": "2026-10-01T10:00:00+08:00", "GIT_COMMITTER_DATE": "2026-10-01T10:00:00+08:00",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def make_repo(root: Path) -> Path:
    """A Git repository (branch main) holding the records tree in one commit, and the project's
    .gitignore: what the generator writes beside records/ (its .cache/ while the form is built) is
    no record, and decap-server, which saves with `git add .`, would commit it into every branch."""
    repo = root / "origin"
    repo.mkdir(parents=True)
    write_records(repo)
    shutil.copyfile(Path(__file__).resolve().parent.parent / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "records")
    return repo
