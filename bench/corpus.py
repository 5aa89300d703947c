#!/usr/bin/env python3
"""Deterministic generator of a fictional university's contact-ledger records.

    python bench/corpus.py --demo --out records [--imperfections bench/DEMO-IMPERFECTIONS.md]
    python bench/corpus.py --ledgers 12000 --seed 7 --out /tmp/corpus-12k [--late-share 0.1]

`--demo` writes the committed demo university 示例大学 (invented people, a few deliberate
imperfections listed in bench/DEMO-IMPERFECTIONS.md).  `--ledgers N` writes a corpus of
about N ledgers over ten years (five two-year assignment cycles, the last in force on the bench
day AS_OF) for benchmarks; it runs through the same code as the demo, only with more units,
cadres, classes and clubs, random staff turnover, 工号, problems marked 重大/共性 and follow-ups
across units, and carries the same kinds of imperfections in proportion, and one more (bench/README.md);
`--late-share F` makes a share F of its ledgers past due late, missing or empty (R6 and R5 at
scale; bench/README.md).

Only the standard library and PyYAML-free text output: the YAML is written by a small
emitter below (dates plain, Chinese unescaped).  No clock is read: the output depends
only on the arguments, so the same command always writes the same bytes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import heapq
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

D = dt.date
ONE = dt.timedelta(days=1)
FAR = D(2999, 12, 31)
AS_OF = D(2026, 11, 28)  # the demo's "today" for overdue feedback (bench/DEMO-IMPERFECTIONS.md), the corpora's bench day
OVERDUE_DAYS = 60
INSTITUTION = "示例大学"

# ---------------------------------------------------------------------------
# YAML emitter: block style, two-space indent, plain scalars where safe.
# ---------------------------------------------------------------------------

_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@` ")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_NUMBERISH = re.compile(r"[-+]?[0-9_.:]*([eE][-+]?[0-9]+)?|[-+]?0[xob][0-9a-fA-F_]+|[-+]?\.(inf|nan)", re.I)


def _scalar(value) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, D):
        return value.isoformat()
    s = str(value)
    if (not s or s[0] in _PLAIN_BAD_START or s != s.strip() or ": " in s or " #" in s
            or s.endswith(":") or any(ch in s for ch in "\n\t[]{},\"'\\")
            or s.lower() in _YAML11_WORDS or _NUMBERISH.fullmatch(s)):
        return json.dumps(s, ensure_ascii=False)
    return s


def _emit(value, indent: int, out: list) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{key}:")
                _emit(item, indent + 2, out)
            elif isinstance(item, list):
                out.append(f"{pad}{key}: []")
            else:
                out.append(f"{pad}{key}: {_scalar(item)}")
    else:  # list
        for item in value:
            if isinstance(item, dict):
                sub: list = []
                _emit(item, indent + 2, sub)
                sub[0] = f"{pad}- " + sub[0][indent + 2:]
                out.extend(sub)
            else:
                out.append(f"{pad}- {_scalar(item)}")


def to_yaml(data: dict, comment: str = "") -> str:
    out = [f"# {comment}"] if comment else []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Vocabularies and invented reference data
# ---------------------------------------------------------------------------

FORMS = ["主题党日团日", "主题班会", "社团活动", "文体活动", "个体谈话", "座谈交流", "主题报告",
         "思想政治理论课", "党课", "形势政策课"]
PLACES = ["进课堂", "进班级", "进宿舍", "进食堂", "进社团", "进讲座", "进网络"]
CHANNELS = ["面对面", "键对键"]
CATEGORIES = ["学业发展", "心理健康", "生活后勤", "就业创业", "安全稳定", "思想政治", "文体活动", "其他"]
STATUSES = [("待处理", "open"), ("处理中", "in_progress"), ("已上报", "escalated"), ("已解决", "resolved")]
DEPARTMENT_TARGETS = ["党委学生工作部", "教务处", "后勤保障处", "研究生院", "保卫处", "网络信息中心",
                      "招生就业处", "心理健康教育中心"]
SUGGESTION_TARGETS = ["任课教师", "辅导员", "班导师", "学院"]
# The words of an imported list's 状态 column (vocabularies.import_statuses), written as text after
# the policy's last vocabulary: flow lists, with the comments that tell an administrator what they are.
IMPORT_STATUSES = """\
  # 导入名单（python -m generator import）时，表格“状态”一列认得的词；别的写法导入不猜（E-IMP-004）。
  import_statuses:
    in_use: [正常, 在用, 有效, 启用, 存续, 在读, 在校, 在籍, 在职, 在岗, 现任, 注册, 在册, 活跃, 运行, 运行中, 年审通过, 年审合格]
    ended:
      classes: [撤销, 毕业, 合并, 撤并, 停用, 注销, 解散, 取消]
      clubs: [注销, 撤销, 解散, 停用, 取消, 合并, 撤并, 吊销, 停止活动]
      units: [撤销, 合并, 撤并, 停用, 注销, 取消]
      cadres: [调离, 退休, 离任, 免职, 离职, 辞职, 解聘, 去世, 病故, 已故]
    asked:  # (a 状态 column asked as a question: the answer that says the record has ended, and its status)
      classes: [{heading: 是否撤销, ended: 是, said: 已撤销}, {heading: 是否注销, ended: 是, said: 已注销}]
      clubs: [{heading: 是否撤销, ended: 是, said: 已撤销}, {heading: 是否注销, ended: 是, said: 已注销}]
      units: [{heading: 是否撤销, ended: 是, said: 已撤销}, {heading: 是否注销, ended: 是, said: 已注销}]
      cadres: [{heading: 是否在职, ended: 否, said: 不在职}, {heading: 是否在任, ended: 否, said: 不在任}]
"""

# The words of no name before 同学 (privacy.not_given_name_characters, privacy.not_name_words: W-PRIV-001 leaves a surname
# and these out), written as text at the privacy section's end, with the comment that tells an administrator what they are.
NOT_NAMES = """\
  # “同学”前的疑似姓名（W-PRIV-001）：姓加一两个字再加“同学”时，名字里不会有的字（单位、班级、地方、人数、职务等用字）
  # 和以姓开头、却不是姓名的词（地名、常用词）。本校常用的词（如 高新、本校所在的城市）加在 not_name_words 下面，一行一个。
  not_given_name_characters: 全各新老男女众眾诸諸某们們每该該本此这這那其他她它两兩几幾多少个個名位级級班院系校部处處科组組队隊社会會省市县縣区區州村镇鎮乡鄉籍族年届屆百千万萬同生师師长長员員友伴上下内內外里裡间間边邊围圍等及和与與或的了在是有对對向给給跟让讓把被将將也都还還又再就请請问問说說看听聽去来來到从從为為着著过過专專业業课課室舍寝寢楼樓期批团團党黨委協协号號床反电電话話
  not_name_words:
    - 高一
    - 高二
    - 高三
    - 高四
    - 周一
    - 周二
    - 周三
    - 周四
    - 周五
    - 周六
    - 周日
    - 周天
    - 高中
    - 高校
    - 高职
    - 高職
    - 高考
    - 高分
    - 高龄
    - 高齡
    - 高层
    - 高層
    - 高素
    - 高质
    - 高質
    - 江西
    - 江苏
    - 江蘇
    - 江浙
    - 沈阳
    - 沈陽
    - 武汉
    - 武漢
    - 苏州
    - 蘇州
    - 常州
    - 郑州
    - 鄭州
    - 金华
    - 金華
    - 唐山
    - 许昌
    - 許昌
    - 江门
    - 江門
    - 龙岩
    - 龍岩
    - 白城
    - 白山
    - 黄石
    - 黃石
    - 黄冈
    - 黃岡
    - 谢谢
    - 謝謝
    - 曾经
    - 曾經
    - 任何
    - 马院
    - 馬院
    - 文科
    - 文理
    - 文史
    - 文体
    - 文體
    - 文艺
    - 文藝
    - 金融
    - 孔院
    - 易班
    - 常规
    - 常規
    - 康复
    - 康復
    - 何况
    - 何況
    - 程序
    - 周末
    - 周边
    - 周邊
    - 周围
    - 周圍
    - 龙江
    - 龍江
    - 史学
    - 史學
    - 林学
    - 林學
"""

SURNAMES = [("张", "zhang"), ("王", "wang"), ("李", "li"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"),
            ("赵", "zhao"), ("黄", "huang"), ("周", "zhou"), ("吴", "wu"), ("徐", "xu"), ("孙", "sun"),
            ("胡", "hu"), ("朱", "zhu"), ("高", "gao"), ("林", "lin"), ("何", "he"), ("郭", "guo"),
            ("马", "ma"), ("罗", "luo"), ("梁", "liang"), ("宋", "song"), ("郑", "zheng"), ("谢", "xie"),
            ("韩", "han"), ("唐", "tang"), ("冯", "feng"), ("于", "yu"), ("董", "dong"), ("萧", "xiao"),
            ("程", "cheng"), ("曹", "cao"), ("袁", "yuan"), ("邓", "deng"), ("傅", "fu"), ("沈", "shen"),
            ("曾", "zeng"), ("彭", "peng"), ("吕", "lyu"), ("苏", "su"), ("卢", "lu"), ("蒋", "jiang"),
            ("蔡", "cai"), ("贾", "jia"), ("丁", "ding"), ("魏", "wei"), ("薛", "xue"), ("叶", "ye"),
            ("阎", "yan"), ("潘", "pan"), ("杜", "du"), ("戴", "dai"), ("夏", "xia"), ("钟", "zhong"),
            ("田", "tian"), ("任", "ren"), ("姜", "jiang"), ("范", "fan"), ("方", "fang"), ("石", "shi"),
            ("姚", "yao"), ("谭", "tan"), ("廖", "liao"), ("邹", "zou"), ("熊", "xiong"), ("金", "jin"),
            ("陆", "lu"), ("郝", "hao"), ("孔", "kong"), ("白", "bai"), ("崔", "cui"), ("康", "kang"),
            ("毛", "mao"), ("邱", "qiu"), ("秦", "qin"), ("江", "jiang"), ("史", "shi"), ("顾", "gu"),
            ("侯", "hou"), ("邵", "shao"), ("孟", "meng"), ("龙", "long"), ("段", "duan"), ("雷", "lei"),
            ("钱", "qian"), ("汤", "tang"), ("尹", "yin"), ("易", "yi"), ("常", "chang"), ("武", "wu"),
            ("乔", "qiao"), ("贺", "he"), ("赖", "lai"), ("龚", "gong"), ("文", "wen"), ("庞", "pang")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"),
         ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"),
         ("杰", "jie"), ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"),
         ("平", "ping"), ("刚", "gang"), ("文", "wen"), ("华", "hua"), ("建", "jian"), ("国", "guo"),
         ("志", "zhi"), ("红", "hong"), ("海", "hai"), ("峰", "feng"), ("晓", "xiao"), ("玉", "yu"),
         ("春", "chun"), ("立", "li"), ("新", "xin"), ("宏", "hong"), ("振", "zhen"), ("东", "dong"),
         ("颖", "ying"), ("凯", "kai"), ("鹏", "peng"), ("辉", "hui"), ("宇", "yu"), ("思", "si"),
         ("雪", "xue"), ("琳", "lin"), ("晨", "chen"), ("博", "bo"), ("卫", "wei"), ("永", "yong"),
         ("成", "cheng"), ("兵", "bing"), ("德", "de"), ("俊", "jun"), ("岩", "yan"), ("松", "song"),
         ("帆", "fan"), ("慧", "hui"), ("梅", "mei"), ("燕", "yan"), ("萍", "ping"), ("亮", "liang"),
         ("清", "qing"), ("彬", "bin"), ("冬", "dong"), ("云", "yun"), ("荣", "rong"), ("青", "qing"),
         ("婷", "ting"), ("倩", "qian"), ("佳", "jia"), ("欣", "xin"), ("阳", "yang"), ("铭", "ming"),
         ("睿", "rui"), ("哲", "zhe"), ("瑞", "rui"), ("宁", "ning"), ("安", "an"), ("健", "jian"),
         ("维", "wei"), ("学", "xue"), ("民", "min"), ("光", "guang"), ("泽", "ze"), ("远", "yuan")]

# (id, name, short name, campus, [(class code, major, class-name prefix)])
COLLEGES = [
    ("cse", "计算机科学与工程学院", "计算机学院", "浑南",
     [("cs", "计算机科学与技术", "计算机"), ("se", "软件工程", "软件"), ("ai", "人工智能", "智能")]),
    ("ise", "信息科学与工程学院", "信息学院", "南湖",
     [("ee", "电子信息工程", "电信"), ("tc", "通信工程", "通信"), ("au", "自动化", "自动化")]),
    ("mech", "机械工程与自动化学院", "机械学院", "南湖",
     [("me", "机械设计制造及其自动化", "机械"), ("veh", "车辆工程", "车辆"), ("ind", "工业设计", "工设")]),
    ("mse", "材料科学与工程学院", "材料学院", "南湖",
     [("mat", "材料科学与工程", "材料"), ("met", "冶金工程", "冶金")]),
    ("rce", "资源与土木工程学院", "资土学院", "南湖",
     [("civ", "土木工程", "土木"), ("mine", "采矿工程", "采矿"), ("env", "环境工程", "环境")]),
    ("sba", "工商管理学院", "工商学院", "浑南",
     [("acc", "会计学", "会计"), ("bm", "工商管理", "工管"), ("mkt", "市场营销", "营销")]),
    ("law", "文法学院", "文法学院", "浑南",
     [("lw", "法学", "法学"), ("chn", "汉语言文学", "汉语言"), ("soc", "社会学", "社会学")]),
    ("sci", "理学院", "理学院", "南湖",
     [("math", "数学与应用数学", "数学"), ("phy", "应用物理学", "物理"), ("chem", "应用化学", "化学")]),
    ("sfl", "外国语学院", "外国语学院", "浑南",
     [("eng", "英语", "英语"), ("jpn", "日语", "日语"), ("tra", "翻译", "翻译")]),
    ("mar", "马克思主义学院", "马院", "浑南", [("ide", "思想政治教育", "思政")]),
    ("art", "艺术学院", "艺术学院", "浑南",
     [("mus", "音乐学", "音乐"), ("vcd", "视觉传达设计", "视传"), ("dan", "舞蹈表演", "舞蹈")]),
    ("spe", "体育学院", "体育学院", "南湖",
     [("ped", "体育教育", "体教"), ("ssm", "社会体育指导与管理", "社体")]),
    ("bmie", "医学与生物信息工程学院", "医工学院", "浑南",
     [("bme", "生物医学工程", "生医"), ("bio", "生物技术", "生技")]),
    ("epe", "能源与动力工程学院", "能动学院", "南湖",
     [("ep", "能源与动力工程", "能动"), ("nre", "新能源科学与工程", "新能源")]),
    ("arc", "江河建筑学院", "建筑学院", "浑南", [("arch", "建筑学", "建筑"), ("urp", "城乡规划", "规划")]),
    ("dmt", "数字媒体学院", "数媒学院", "浑南", [("dm", "数字媒体技术", "数媒"), ("iot", "物联网工程", "物联网")]),
    ("cyb", "网络空间安全学院", "网安学院", "浑南",
     [("sec", "网络空间安全", "网安"), ("cry", "密码科学与技术", "密码")]),
    ("spa", "公共管理学院", "公管学院", "南湖",
     [("pa", "行政管理", "行管"), ("lss", "劳动与社会保障", "社保")]),
    ("eco", "经济学院", "经济学院", "南湖",
     [("ec", "经济学", "经济"), ("fin", "金融学", "金融"), ("ite", "国际经济与贸易", "国贸")]),
    ("cce", "化学与化工学院", "化工学院", "南湖",
     [("che", "化学工程与工艺", "化工"), ("pha", "制药工程", "制药")]),
    ("geo", "测绘与地理信息学院", "测绘学院", "南湖",
     [("gis", "地理信息科学", "地信"), ("sur", "测绘工程", "测绘")]),
    ("jcs", "新闻与传播学院", "新闻学院", "浑南", [("jou", "新闻学", "新闻"), ("adv", "广告学", "广告")]),
    ("his", "历史文化学院", "历史学院", "南湖", [("hist", "历史学", "历史"), ("arcm", "文物与博物馆学", "文博")]),
    ("edu", "教育学院", "教育学院", "浑南", [("ped2", "教育学", "教育"), ("psy", "应用心理学", "心理")]),
]
# (id, name, head position, deputy position)
DEPARTMENTS = [
    ("xgb", "党委学生工作部", "部长", "副部长"),
    ("zzb", "党委组织部", "部长", "副部长"),
    ("jwc", "教务处", "处长", "副处长"),
    ("hqc", "后勤保障处", "处长", "副处长"),
    ("zjc", "招生就业处", "处长", "副处长"),
    ("bwc", "保卫处", "处长", "副处长"),
    ("xcb", "党委宣传部", "部长", "副部长"),
    ("kjc", "科学技术研究院", "院长", "副院长"),
    ("gjc", "国际合作与交流处", "处长", "副处长"),
    ("cwc", "财务处", "处长", "副处长"),
]

# School-level clubs: (id, name, category, supervising unit id — falls back to xgb)
CLUBS = [
    ("club-robotics", "机器人协会", "学术科技", "mech"),
    ("club-acm", "程序设计竞赛协会", "学术科技", "cse"),
    ("club-math-model", "数学建模协会", "学术科技", "sci"),
    ("club-e-design", "电子设计协会", "学术科技", "ise"),
    ("club-volunteer", "青年志愿者协会", "志愿公益", "xgb"),
    ("club-peer-psy", "朋辈心理互助协会", "志愿公益", "xgb"),
    ("club-english", "英语协会", "语言文化", "sfl"),
    ("club-debate", "辩论协会", "文化艺术", "law"),
    ("club-calligraphy", "书法协会", "文化艺术", "xgb"),
    ("club-photo", "摄影协会", "文化艺术", "xgb"),
    ("club-chorus", "大学生合唱团", "文化艺术", "xgb"),
    ("club-drama", "话剧社", "文化艺术", "sfl"),
    ("club-basketball", "篮球协会", "体育健身", "xgb"),
    ("club-football", "足球协会", "体育健身", "xgb"),
    ("club-running", "长跑协会", "体育健身", "xgb"),
    ("club-startup", "创新创业协会", "创新创业", "jwc"),
    ("club-finance", "金融投资协会", "学术科技", "sba"),
    ("club-structure", "结构设计协会", "学术科技", "rce"),
    ("club-materials", "新材料科技协会", "学术科技", "mse"),
    ("club-theory", "青年马克思主义理论学习社", "理论学习", "xgb"),
    ("club-reading", "读书会", "文化艺术", "xgb"),
    ("club-astronomy", "天文协会", "学术科技", "sci"),
    ("club-aero-model", "航模协会", "学术科技", "mech"),
    ("club-go", "围棋协会", "文化艺术", "xgb"),
    ("club-guitar", "吉他协会", "文化艺术", "xgb"),
    ("club-street-dance", "街舞社", "文化艺术", "xgb"),
    ("club-hanfu", "汉服文化社", "文化艺术", "xgb"),
    ("club-badminton", "羽毛球协会", "体育健身", "xgb"),
    ("club-table-tennis", "乒乓球协会", "体育健身", "xgb"),
    ("club-cycling", "自行车协会", "体育健身", "xgb"),
    ("club-japanese", "日语角", "语言文化", "sfl"),
    ("club-ai", "人工智能协会", "学术科技", "cse"),
    ("club-green", "绿色环保协会", "志愿公益", "rce"),
    ("club-legal-aid", "法律援助协会", "志愿公益", "law"),
    ("club-accounting", "会计协会", "学术科技", "sba"),
    ("club-film", "电影协会", "文化艺术", "xgb"),
    ("club-folk-music", "民乐团", "文化艺术", "xgb"),
    ("club-tea", "茶文化协会", "文化艺术", "xgb"),
]
COLLEGE_CLUBS = [("sci", "{s}学生科技协会", "学术科技"), ("vol", "{s}青年志愿者服务队", "志愿公益"),
                 ("art", "{s}学生艺术团", "文化艺术"), ("sport", "{s}体育俱乐部", "体育健身"),
                 ("study", "{s}学风建设协会", "学习交流"), ("peer", "{s}朋辈互助社", "志愿公益"),
                 ("career", "{s}职业发展协会", "创新创业"), ("theory", "{s}青年理论学习小组", "理论学习")]

# ---------------------------------------------------------------------------
# Ledger text pools.  Everything is about "一名学生" / "部分学生": nobody identifiable,
# no digits beyond what a class name carries, no dormitory rooms.
# ---------------------------------------------------------------------------

# (form, place, channel, students kind, template); {p} = contact point name, {t} = first topic
ACTIVITY_TEMPLATES = {
    "class": [
        ("主题班会", "进班级", "面对面", "class", "参加{p}以“{t}”为主题的班会，听取班委关于班级建设情况的汇报。"),
        ("主题班会", "进班级", "面对面", "class", "在{p}主题班会上围绕“{t}”作交流发言，并与同学们互动答疑。"),
        ("主题班会", "进课堂", "面对面", "class", "与辅导员共同组织{p}主题班会，结合“{t}”引导学生做好阶段性规划。"),
        ("主题党日团日", "进班级", "面对面", "branch", "参加{p}团支部主题团日活动，围绕“{t}”与团员青年交流。"),
        ("主题党日团日", "进班级", "面对面", "branch", "参加{p}所在学生党支部主题党日，结合“{t}”讲了一堂微党课。"),
        ("个体谈话", "进宿舍", "面对面", "one", "走访{p}学生宿舍，与一名学生谈心谈话，了解其在“{t}”方面的想法。"),
        ("个体谈话", "进食堂", "面对面", "one", "在学生食堂与{p}一名学生边吃边聊，围绕“{t}”了解其近期学习生活状况。"),
        ("个体谈话", "进网络", "键对键", "one", "通过网络与{p}一名学生交流，重点关注其在“{t}”方面的困惑。"),
        ("座谈交流", "进宿舍", "面对面", "small", "深入{p}学生宿舍，与部分学生围绕“{t}”面对面交流。"),
        ("座谈交流", "进食堂", "面对面", "small", "在学生食堂与{p}部分学生共进午餐，就“{t}”开展交流。"),
        ("座谈交流", "进班级", "面对面", "small", "召集{p}部分学生代表座谈，围绕“{t}”听取意见建议。"),
        ("座谈交流", "进网络", "键对键", "small", "通过线上会议与{p}部分学生交流，围绕“{t}”解答学生疑问。"),
        ("主题报告", "进讲座", "面对面", "big", "为{p}及所在年级学生作“{t}”专题报告。"),
        ("形势政策课", "进课堂", "面对面", "big", "为{p}所在年级学生讲授形势与政策课，专题为“{t}”。"),
        ("思想政治理论课", "进课堂", "面对面", "big", "走进{p}思想政治理论课课堂，结合“{t}”为学生讲授专题内容。"),
        ("党课", "进讲座", "面对面", "branch", "为{p}所在年级入党积极分子讲授专题党课，结合“{t}”谈认识体会。"),
        ("文体活动", "进班级", "面对面", "class", "参加{p}组织的班级文体活动，与学生一起参与“{t}”相关环节。"),
        ("座谈交流", "进课堂", "面对面", "small", "随堂听取{p}一门专业课，课后与部分学生就“{t}”进行交流。"),
    ],
    "club": [
        ("社团活动", "进社团", "面对面", "club", "参加{p}例会，了解社团本学期活动计划与“{t}”相关安排。"),
        ("社团活动", "进社团", "面对面", "club", "指导{p}开展“{t}”主题活动，现场观看学生展示。"),
        ("社团活动", "进社团", "面对面", "club", "与{p}骨干成员座谈，围绕“{t}”研究社团下一步工作。"),
        ("文体活动", "进社团", "面对面", "big", "参加{p}组织的文体活动，与学生一起参与“{t}”相关环节。"),
        ("座谈交流", "进网络", "键对键", "small", "通过线上会议与{p}部分成员交流，围绕“{t}”听取意见建议。"),
        ("座谈交流", "进食堂", "面对面", "small", "在学生食堂与{p}部分成员共进午餐，就“{t}”开展交流。"),
        ("个体谈话", "进社团", "面对面", "one", "与{p}一名学生负责人谈心谈话，了解其在“{t}”方面的想法和困难。"),
        ("主题报告", "进讲座", "面对面", "big", "应{p}邀请为社团成员和部分学生作“{t}”主题报告。"),
        ("主题党日团日", "进社团", "面对面", "club", "参加{p}团支部主题团日，围绕“{t}”与团员青年交流。"),
    ],
}
# (the pools' sizes are kept as they were: a text changed in place draws the same numbers, so the demo's records and its
# imperfections stay the same; some texts hold 小/家长/室友 that name no one — 小组讨论, 家长委员会, 宿舍室友 — so that the
# privacy check's nickname, parent and roommate readings are timed on clean text: bench/privacy_scan.py)
MIDDLE = [
    "从交流情况看，学生整体精神面貌良好，学习目标较为明确。",
    "部分学生反映对专业课程体系了解不够，希望增加与高年级学生的交流机会。",
    "部分学生对考研与就业方向仍有犹豫，需要进一步加强生涯指导。",
    "一名学生谈到适应大学学习节奏有一定困难，已提醒辅导员持续关注。",
    "学生普遍关心实验室开放和学科竞赛参与渠道，现场作了介绍。",
    "部分学生希望学校提供更多实习实践机会，现场介绍了相关政策。",
    "学生分小组讨论后发言踊跃，围绕学习方法和时间管理分享了各自的做法。",
    "交流中了解到部分学生课外阅读时间偏少，鼓励大家多读书、读好书。",
    "部分学生对学业预警和补考政策存在疑问，现场逐一作了解答。",
    "学生对近期学校改进食堂和宿舍服务的措施给予肯定。",
    "一名学生谈及家庭经济方面的顾虑，已请辅导员按程序做好资助工作。",
    "部分学生表示参加志愿服务收获很大，希望学院搭建更多服务平台。",
    "学生关注保研、考研政策变化，已请学院安排专题解读。",
    "宿舍室友关系问题集中反映在作息不一致上，提醒大家相互体谅、注意劳逸结合。",
    "学生对专业前沿问题兴趣浓厚，提问积极，讨论气氛热烈。",
    "部分学生反映课程作业较为集中，已与任课教师沟通协调。",
]
CLOSING = [
    "会后与辅导员沟通，商定了下一步跟进措施。",
    "对学生提出的问题逐一作了解答，并请辅导员跟进落实。",
    "鼓励学生珍惜大学时光，把个人成长融入国家发展。",
    "约定下学期再次深入班级，并与家长委员会代表座谈。",
    "对需要学院协调的事项已记录在案，将及时反馈。",
    "与班导师交换了意见，共同做好学生的学业指导。",
    "活动结束后与班委进行了简短交流，肯定了班级工作。",
    "",
]
MIDDLE_ONE = [
    "谈话中该生表示近期学习压力较大，已鼓励其合理安排时间、劳逸结合。",
    "该生对专业发展方向有些迷茫，结合自身经历给予了建议。",
    "该生表达了参加学科竞赛的意愿，已推荐其联系相关指导教师。",
    "该生近期状态良好，学习和生活安排较为有序。",
    "该生反映适应集体生活有一定困难，已提醒辅导员持续关注。",
    "该生对考研与就业的选择存在顾虑，建议其多听取专业教师和学长的意见。",
    "该生谈到希望更多参与志愿服务和社会实践，给予了肯定和鼓励。",
]
CLOSING_ONE = ["约定近期再次沟通。", "已将需要关注的情况告知辅导员，请其持续跟进。",
               "谈话在轻松的氛围中进行，该生表示很受鼓舞。", ""]
MIDDLE_CLUB = [
    "社团成员积极性高，活动组织有序，骨干队伍较为稳定。",
    "部分成员反映活动场地预约较难，希望学校提供更多支持。",
    "社团负责人介绍了近期获奖和参赛情况，成员参与热情较高。",
    "部分成员希望增加与兄弟院校同类社团的交流机会。",
    "交流中了解到社团经费使用规范，活动记录完整。",
    "部分成员谈到社团活动与课程学习的时间冲突，建议合理安排活动频次。",
]
CLOSING_CLUB = ["会后与社团指导教师沟通，商定了下一步工作安排。", "鼓励社团打造特色品牌活动，发挥育人作用。",
                "提醒社团做好活动安全预案。", "约定下学期再次参加社团活动。", ""]
TYPICAL_NOTE = "活动形式新颖、学生参与度高，学院已在校园网作宣传报道。"

TOPICS = {
    "autumn_start": ["新生入学适应", "大学学习方法", "专业认知与学业规划", "安全教育", "宿舍文明建设",
                     "爱国主义教育", "军训总结与收获", "心理健康知识"],
    "autumn_mid": ["学风建设", "考研备考经验", "就业形势与政策", "心理健康", "网络安全与网络素养",
                   "宪法宣传", "冬季防火安全", "学科竞赛动员", "国家安全教育"],
    "winter_end": ["期末复习备考", "诚信考试", "寒假安全教育", "寒假社会实践"],
    "spring_start": ["新学期学业规划", "学雷锋志愿服务", "春季学风建设", "党史学习教育", "专业前沿讲座"],
    "spring_mid": ["五四青年节主题教育", "就业求职指导", "心理健康月", "劳动教育", "科技创新竞赛",
                   "读书分享", "体育锻炼与健康生活"],
    "summer_end": ["期末复习备考", "诚信考试", "暑期社会实践", "毕业生文明离校", "暑期安全教育"],
    "club_start": ["社团招新工作", "新成员培训", "社团年度活动计划", "社团骨干培养"],
    "club": ["学科竞赛备赛", "社团骨干培养", "志愿服务", "社团文化节", "活动安全管理", "社团特色品牌建设",
             "社团制度建设"],
    "club_end": ["社团学期工作总结", "活动安全管理", "假期社会实践", "社团骨干培养"],
}

# (kind, category, description, escalation target: "college" or a department, resolution)
FEEDBACK_POOL = [
    ("问题", "学业发展", "部分学生反映高等数学课程进度较快，课后答疑时间不足。", "教务处",
     "已与任课教师和教务处沟通，增加每周答疑时段并开放线上答疑。"),
    ("问题", "学业发展", "部分学生反映期末考试安排过于集中，复习时间紧张。", "教务处",
     "教务处已调整部分课程考试时间，考试安排更加均衡。"),
    ("问题", "学业发展", "部分学生反映自习室座位紧张，晚间难以找到座位。", "college",
     "学院协调开放两间教室作为晚间自习室，并延长开放时间。"),
    ("问题", "学业发展", "几名学生咨询推荐免试研究生政策细则，希望获得更详细的解读。", "研究生院",
     "研究生院已安排专场政策宣讲，并在学院网站发布问答。"),
    ("问题", "心理健康", "一名学生近期情绪低落，反映学业压力较大。", "心理健康教育中心",
     "已协助辅导员联系心理健康教育中心提供专业咨询，目前状态平稳，辅导员持续关注。"),
    ("问题", "心理健康", "部分新生反映对集体生活不太适应，希望获得心理辅导。", "心理健康教育中心",
     "心理健康教育中心已为该年级开设适应性团体辅导。"),
    ("问题", "生活后勤", "部分学生反映宿舍楼热水供应时间不稳定。", "后勤保障处",
     "后勤保障处已检修供水设备，并延长热水供应时间。"),
    ("问题", "生活后勤", "部分学生反映食堂晚餐时段窗口开放较少，排队时间长。", "后勤保障处",
     "后勤保障处已增开晚餐窗口，并调整供餐时间。"),
    ("问题", "生活后勤", "部分学生反映宿舍楼洗衣设备数量不足。", "后勤保障处",
     "后勤保障处已在宿舍楼增设洗衣设备。"),
    ("问题", "就业创业", "部分学生希望增加企业实习岗位信息和校园招聘场次。", "招生就业处",
     "招生就业处已增加专场招聘会，并通过学院群及时推送实习信息。"),
    ("问题", "就业创业", "几名毕业年级学生反映就业手续办理流程不清楚。", "招生就业处",
     "招生就业处已编印办事指南，学院安排专人答疑。"),
    ("问题", "安全稳定", "部分学生反映校园夜间部分路段照明不足，存在安全隐患。", "保卫处",
     "保卫处会同后勤保障处已增设路灯并加强夜间巡逻。"),
    ("问题", "安全稳定", "部分学生反映收到冒充客服的诈骗信息，希望加强防范宣传。", "保卫处",
     "保卫处已开展防范电信诈骗专题宣传，学院在班会中作了提醒。"),
    ("问题", "其他", "部分学生反映宿舍区校园网晚间速度较慢。", "网络信息中心",
     "网络信息中心已对宿舍区网络设备扩容，晚间速度明显改善。"),
    ("问题", "其他", "部分学生反映选课系统在高峰时段登录困难。", "网络信息中心",
     "网络信息中心已增加服务器资源，选课期间运行平稳。"),
    ("问题", "思想政治", "部分学生希望党课增加实践教学环节。", "college",
     "学院党委已在党课中增加实地参观和实践研学环节。"),
    ("问题", "学业发展", "部分学生反映专业实验课分组人数偏多，每人实际操作的机会较少。", "college",
     "学院已增加实验分组和开放实验时段。"),
    ("问题", "生活后勤", "一名学生反映家庭经济临时困难，担心影响学业。", "党委学生工作部",
     "已按程序为其申请临时困难补助，辅导员持续关注。"),
    ("建议", "文体活动", "部分学生建议延长体育场馆晚间开放时间。", "党委学生工作部",
     "相关部门已延长场馆晚间开放时间，并在考试周前后保持开放。"),
    ("建议", "文体活动", "部分学生建议学院多组织跨年级的文体交流活动。", "college",
     "学院团委已组织跨年级趣味运动会和文艺交流活动。"),
    ("建议", "学业发展", "部分学生建议开设学科竞赛培训课程。", "college",
     "学院已开设竞赛培训系列课程，由专业教师授课。"),
    ("建议", "就业创业", "部分学生建议邀请校友分享求职和职业发展经验。", "college",
     "学院已邀请校友开展职业发展分享会。"),
    ("建议", "思想政治", "部分学生建议主题班会多采用案例讨论的形式。", "college",
     "已与辅导员商定在后续主题班会中增加案例讨论环节。"),
    ("建议", "其他", "部分学生建议在图书馆增设研讨间的线上预约功能。", "网络信息中心",
     "网络信息中心已上线研讨间线上预约功能。"),
]
FOLLOW_NOTES = ["本期继续跟进上期反映问题的办理情况。", "已与相关部门再次沟通，跟进办理进度。",
                "本期回访学生，了解办理结果。"]
IN_PROGRESS_NOTES = ["相关部门正在研究解决方案，将继续跟进。", "已协调解决部分问题，其余事项仍在推进。"]
SUGGESTIONS = {
    "任课教师": ["建议在课程教学中适当增加案例讨论，提升学生课堂参与度。",
             "建议对基础较弱的学生加强课后辅导，适当增加答疑时段。",
             "建议在期末前安排复习答疑，帮助学生梳理课程重点。",
             "建议在专业课中融入课程思政元素，引导学生树立正确的价值观。"],
    "辅导员": ["建议加强对新生适应情况的跟踪，定期深入宿舍了解学生状况。",
            "建议对学业预警学生建立一对一帮扶机制。",
            "建议进一步关注家庭经济困难学生的心理状况，做好资助育人工作。",
            "建议利用网络平台及时发布就业信息，提高信息触达率。",
            "建议加强与学生家长的沟通，形成家校协同育人合力。"],
    "班导师": ["建议每月至少开展一次专业指导活动，帮助学生了解学科前沿。",
            "建议引导学生尽早参与科研训练和学科竞赛。",
            "建议结合专业特点指导学生制定四年学业规划。"],
    "学院": ["建议学院统筹安排高年级学生担任朋辈导师，帮助新生尽快适应。",
           "建议学院优化自习室开放时间，满足学生期末复习需求。",
           "建议学院加强与用人单位联系，拓展实习实践基地。",
           "建议学院定期汇总学生反映问题，建立问题清单和办理台账。"],
}
REFLECTIONS = [
    "通过深入班级和宿舍，更加直观地了解了学生的所思所想，增强了做好学生工作的责任感。",
    "学生对学业规划和职业发展的需求较为集中，下一步将结合学院实际组织针对性的指导活动。",
    "个别学生的困难需要多方协同解决，今后将与辅导员、班导师保持经常性沟通。",
    "线上交流方式灵活便捷，今后将把面对面交流与键对键交流结合起来。",
    "下一阶段计划围绕学风建设和心理健康再开展一次座谈，持续跟进学生反映问题的办理情况。",
    "新生入学阶段是思想引导的关键期，需要在日常交流中及早发现问题、及时给予帮助。",
    "学生反映的问题大多具体实在，及时办理、及时反馈，学生的获得感明显增强。",
    "联系学生工作要常态化开展，避免集中在学期末突击完成。",
    "本期联系频次还不够高，下一期将合理安排时间，增加走进宿舍和食堂的次数。",
]
REFLECTIONS_CLUB = ["社团是学生成长的重要平台，今后将更多关注社团骨干的培养和活动质量。",
                    "社团活动要与专业学习相互促进，下一步将引导社团围绕学科特色开展活动。"]

# ---------------------------------------------------------------------------
# Model
# ---------------------------------------------------------------------------


@dataclass
class Cadre:
    id: str
    name: str
    position: str
    unit: str
    git: str
    active_from: D
    active_to: D | None = None
    leave_reason: str = ""
    join_reason: str = ""
    staff_no: str = ""

    def active_on(self, d: D) -> bool:
        return self.active_from <= d and (self.active_to is None or d <= self.active_to)


@dataclass
class Klass:
    id: str
    name: str
    unit: str
    major: str
    headcount: int
    cohort: int
    counsellor: str
    adviser: str
    dormitories: list


@dataclass
class Club:
    id: str
    name: str
    unit: str
    category: str


@dataclass
class Row:
    cycle: str
    cadre: str
    point: str
    kind: str  # class | club
    start: D
    end: D  # effective end (the cycle's end when no explicit end)
    explicit_end: bool = False
    reason: str = ""
    end_reason: str = ""


@dataclass
class Semester:
    id: str
    name: str
    year: str
    start: D
    end: D


@dataclass
class Period:
    id: str
    start: D
    end: D
    due: D


@dataclass
class Config:
    demo: bool
    seed: int
    first_cycle: int
    n_cycles: int
    first_period: str
    last_period: str
    calendar_first: int  # first academic year's starting year
    calendar_last: int
    n_colleges: int
    n_departments: int
    n_clubs: int
    classes_per_cohort: list  # per cohort year, in cohort order
    cohorts: list
    cadres_per_college: list
    cadres_per_department: list
    imperfections: int  # how many of each kind
    late_share: float = 0.0  # --late-share: the share of ledgers past due made late, missing or empty
    nature_share: float = 0.0  # of the new problems followed up later, the share marked 重大/共性 and reported (R10)
    cross_unit_share: float = 0.0  # of the items reported to another unit, the share one of its cadres follows up
    staff_numbers: bool = False  # every cadre's 工号 (staff_no), as the HR export gives them


@dataclass
class World:
    cfg: Config
    rng: random.Random
    units: list = field(default_factory=list)  # dicts
    colleges: dict = field(default_factory=dict)  # id -> college tuple
    classes: list = field(default_factory=list)
    clubs: list = field(default_factory=list)
    cadres: list = field(default_factory=list)
    cadre_by_id: dict = field(default_factory=dict)
    point_name: dict = field(default_factory=dict)
    point_unit: dict = field(default_factory=dict)
    class_by_id: dict = field(default_factory=dict)
    semesters: list = field(default_factory=list)
    years: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    cycles: list = field(default_factory=list)  # (id, start, end)
    exemptions: list = field(default_factory=list)
    ledgers: dict = field(default_factory=dict)  # (period, cadre) -> dict
    submitted: dict = field(default_factory=dict)  # (period, cadre) -> date
    notes: dict = field(default_factory=dict)  # imperfection facts
    skip_fresh: list = field(default_factory=list)  # class ids left uncovered on purpose
    used_names: set = field(default_factory=set)
    used_slugs: set = field(default_factory=set)


def ay_of(d: D) -> int:
    """First year of the academic year containing d (years start on 1 September)."""
    return d.year if d.month >= 9 else d.year - 1


def nearest_weekday(d: D, weekday: int) -> D:
    """The date with the given weekday (Mon=0) closest to d."""
    delta = (weekday - d.weekday()) % 7
    return d + dt.timedelta(days=delta if delta <= 3 else delta - 7)


def period_of(pid: str) -> Period:
    year, code = int(pid[:4]), pid[5:]
    if code == "H1":
        return Period(pid, D(year, 1, 1), D(year, 6, 30), D(year, 6, 30))
    return Period(pid, D(year, 7, 1), D(year, 12, 31), D(year, 12, 31))


def periods_between(first: str, last: str) -> list[Period]:
    out, p = [], period_of(first)
    while p.id <= last:
        out.append(p)
        nxt = f"{p.start.year}-H2" if p.id.endswith("H1") else f"{p.start.year + 1}-H1"
        p = period_of(nxt)
    return out


# ---------------------------------------------------------------------------
# Organisation
# ---------------------------------------------------------------------------

def new_person(w: World, rng: random.Random, unique=True) -> tuple[str, str]:
    for _ in range(1000):
        s, sp = rng.choice(SURNAMES)
        if rng.random() < 0.3:
            g = [rng.choice(GIVEN)]
        else:
            g = [rng.choice(GIVEN), rng.choice(GIVEN)]
            if g[0] == g[1]:
                continue
        name = s + "".join(x[0] for x in g)
        if not unique:
            return name, ""
        if name in w.used_names:
            continue
        w.used_names.add(name)
        slug = f"{sp}-{''.join(x[1] for x in g)}"
        base, n = slug, 2
        while slug in w.used_slugs:
            slug, n = f"{base}-{n}", n + 1
        w.used_slugs.add(slug)
        return name, slug
    raise RuntimeError("name pool exhausted")


def build_calendar(w: World) -> None:
    for y in range(w.cfg.calendar_first, w.cfg.calendar_last + 1):
        yid = f"{y}-{y + 1}"
        a_start = nearest_weekday(D(y, 9, 1), 0)
        a_start = max(a_start, D(y, 9, 1))
        a_end = nearest_weekday(D(y + 1, 1, 15), 6)
        s_start = nearest_weekday(D(y + 1, 2, 24), 0)
        s_end = nearest_weekday(D(y + 1, 7, 5), 6)
        sems = [Semester(f"{yid}-1", f"{y}—{y + 1}学年第一学期", yid, a_start, a_end),
                Semester(f"{yid}-2", f"{y}—{y + 1}学年第二学期", yid, s_start, s_end)]
        w.years.append((yid, D(y, 9, 1), D(y + 1, 8, 31), sems))
        w.semesters.extend(sems)


def build_units(w: World) -> None:
    cfg = w.cfg
    for cid, name, short, campus, majors in COLLEGES[: cfg.n_colleges]:
        w.colleges[cid] = (cid, name, short, campus, majors)
        w.units.append({"id": cid, "name": name, "type": "学院", "party_committee": name + "党委", "reviewers": []})
    for did, name, _, _ in DEPARTMENTS[: cfg.n_departments]:
        w.units.append({"id": did, "name": name, "type": "部门", "reviewers": []})


def build_classes(w: World) -> None:
    rng = w.rng
    college_ids = list(w.colleges)
    for cohort, count in zip(w.cfg.cohorts, w.cfg.classes_per_cohort):
        # spread the cohort's classes over colleges, then over each college's majors
        per_college = {c: 0 for c in college_ids}
        order = college_ids[:]
        for i in range(count):
            per_college[order[i % len(order)]] += 1
        for cid in college_ids:
            _, cname, _, campus, majors = w.colleges[cid]
            counsellor, _ = new_person(w, rng, unique=False)
            n = per_college[cid]
            per_major = [0] * len(majors)
            start = rng.randrange(len(majors))
            for i in range(n):
                per_major[(start + i) % len(majors)] += 1
            for (code, major, prefix), k in zip(majors, per_major):
                for j in range(1, k + 1):
                    if k > 1 and n > 12 and j % 8 == 1 and j > 1:
                        counsellor, _ = new_person(w, rng, unique=False)
                    adviser, _ = new_person(w, rng, unique=False)
                    if campus == "浑南":
                        b = rng.randint(1, 18)
                        dorms = [f"浑南{b}号楼"] + ([f"浑南{b + 1}号楼"] if rng.random() < 0.35 else [])
                    else:
                        b = rng.randint(1, 15)
                        dorms = [f"南湖{b}舍"] + ([f"南湖{b + 1}舍"] if rng.random() < 0.35 else [])
                    k_id = f"{code}-{cohort}-{j:02d}"
                    kl = Klass(k_id, f"{prefix}{cohort % 100:02d}{j:02d}班", cid, major, rng.randint(25, 40),
                               cohort, counsellor, adviser, dorms)
                    w.classes.append(kl)
                    w.class_by_id[k_id] = kl
                    w.point_name[k_id] = kl.name
                    w.point_unit[k_id] = cid
    w.classes.sort(key=lambda k: (k.cohort, list(w.colleges).index(k.unit), k.id))


def build_clubs(w: World) -> None:
    unit_ids = {u["id"] for u in w.units}
    pool = []
    for cid, name, cat, unit in CLUBS:
        pool.append(Club(cid, name, unit if unit in unit_ids else "xgb", cat))
    for code, tmpl, cat in COLLEGE_CLUBS:
        for cid in w.colleges:
            short = w.colleges[cid][2]
            pool.append(Club(f"club-{cid}-{code}", tmpl.format(s=short), cid, cat))
    if len(pool) < w.cfg.n_clubs:
        raise SystemExit(f"at most {len(pool)} clubs available")
    w.clubs = pool[: w.cfg.n_clubs]
    for c in w.clubs:
        w.point_name[c.id] = c.name
        w.point_unit[c.id] = c.unit


def position_plan(w: World) -> list[tuple[str, str]]:
    """(unit id, full position) for every initial cadre."""
    out = []
    for cid, n in zip(w.colleges, w.cfg.cadres_per_college):
        name = w.colleges[cid][1]
        base = ["党委书记", "院长", "党委副书记", "副院长", "副院长", "党委副书记", "副院长"]
        titles = (base + ["副院长"] * max(0, n - len(base)))[:n]
        out += [(cid, name + t) for t in titles]
    for (did, name, head, deputy), n in zip(DEPARTMENTS, w.cfg.cadres_per_department):
        out += [(did, name + (head if i == 0 else deputy)) for i in range(n)]
    return out


def build_cadres(w: World) -> None:
    rng = w.rng
    first = D(w.cfg.first_cycle, 9, 1)
    for unit, position in position_plan(w):
        name, slug = new_person(w, rng)
        y = rng.randint(first.year - 9, first.year - 1)
        start = rng.choice([D(y, 1, 10), D(y, 3, 20), D(y, 7, 1), D(y, 9, 15), D(y, 12, 1)])
        w.cadres.append(Cadre(slug, name, position, unit, slug[:39], start))
    if w.cfg.demo:
        demo_turnover(w)
    else:
        random_turnover(w)
    w.cadres.sort(key=lambda c: c.id)
    w.cadre_by_id = {c.id: c for c in w.cadres}


def successor(w: World, old: Cadre, start: D, reason: str) -> Cadre:
    name, slug = new_person(w, w.rng)
    c = Cadre(slug, name, old.position, old.unit, slug[:39], start, join_reason=reason)
    w.cadres.append(c)
    return c


def demo_turnover(w: World) -> None:
    """The demo's scripted changes of staff (dates chosen to exercise every rule)."""
    rng = w.rng
    pool = [c for c in w.cadres if "副" in c.position]
    rng.shuffle(pool)
    a, b, c, d = pool[:4]
    a.active_to, a.leave_reason = D(2024, 12, 31), "到龄退休，联系点相应结束"
    b.active_to, b.leave_reason = D(2025, 6, 30), "调离本校，联系点相应结束"
    c.active_to, c.leave_reason = D(2025, 8, 31), "任期届满转任非领导职务，联系点相应结束"
    d.active_to, d.leave_reason = D(2026, 2, 28), "调任其他单位，联系点相应结束"
    extra = next(x for x in w.cadres if x.unit == "cse" and x.position.endswith("副院长"))
    j1 = successor(w, extra, D(2024, 3, 18), "新任中层领导干部，确定联系点")
    successor(w, a, D(2025, 1, 6), "新任中层领导干部，接替离任干部确定联系点")
    successor(w, d, D(2026, 3, 1), "新任中层领导干部，接替离任干部确定联系点")
    successor(w, b, D(2026, 4, 15), "新任中层领导干部，确定联系点")
    successor(w, c, D(2026, 9, 1), "新任中层领导干部，确定联系点")
    w.notes["demo_turnover"] = [a.id, b.id, c.id, d.id, j1.id]


def random_turnover(w: World) -> None:
    """Staff changes up to the bench day (AS_OF), as an HR export of that day gives them: no departure after it."""
    rng = w.rng
    first, last = D(w.cfg.first_cycle, 9, 1), min(AS_OF, D(w.cfg.first_cycle + 2 * w.cfg.n_cycles, 8, 31))
    queue = list(w.cadres)
    i = 0
    while i < len(queue):
        c = queue[i]
        i += 1
        y = max(ay_of(c.active_from), first.year)
        while y <= last.year:
            if rng.random() < 0.035:
                leave = D(y, 9, 1) + dt.timedelta(days=rng.randrange(365))
                if leave < max(c.active_from + dt.timedelta(days=200), first) or leave >= last:
                    y += 1
                    continue
                c.active_to = leave
                c.leave_reason = rng.choice(["到龄退休，联系点相应结束", "调离本校，联系点相应结束",
                                             "岗位调整不再担任中层领导干部，联系点相应结束"])
                start = leave + dt.timedelta(days=rng.choice([1, 1, 15, 40, 75]))
                if start <= last:
                    queue.append(successor(w, c, start, "新任中层领导干部，确定联系点"))
                break
            y += 1


# ---------------------------------------------------------------------------
# Assignments: every active cadre holds exactly one contact point at every date
# ---------------------------------------------------------------------------

class Planner:
    def __init__(self, w: World, year: int):
        self.w, self.rng = w, w.rng
        self.year = year
        self.cid = f"{year}-{year + 2}"
        self.start, self.end = D(year, 9, 1), D(year + 2, 8, 31)
        self.cur: dict[str, Row] = {}
        self.cover: dict[str, list] = {}
        self.rows: list[Row] = []
        self.last_move: dict[str, D] = {}

    # -- bookkeeping
    def open(self, cadre: str, point: str, start: D, reason: str = "") -> None:
        kind = "class" if point in self.w.class_by_id else "club"
        row = Row(self.cid, cadre, point, kind, start, self.end, reason=reason)
        self.rows.append(row)
        self.cur[cadre] = row
        self.cover.setdefault(point, []).append(cadre)
        self.last_move[cadre] = start

    def close(self, cadre: str, end: D, reason: str) -> Row:
        row = self.cur.pop(cadre)
        assert end >= row.start, (cadre, row.start, end)
        row.end, row.explicit_end, row.end_reason = end, True, reason
        self.cover[row.point].remove(cadre)
        return row

    def classes_of(self, cohorts) -> list[Klass]:
        return [k for k in self.w.classes if k.cohort in cohorts]

    def is_fresh(self, point: str, d: D) -> bool:
        k = self.w.class_by_id.get(point)
        return k is not None and k.cohort == ay_of(d)

    def pick(self, pool: list[Cadre], unit: str | None) -> Cadre:
        same = [c for c in pool if c.unit == unit]
        chosen = self.rng.choice(same) if same else self.rng.choice(pool)
        pool.remove(chosen)
        return chosen

    # -- the cycle
    def run(self, events: list) -> list[Row]:
        w, S = self.w, self.start
        active = [c for c in w.cadres if c.active_on(S)]
        self.rng.shuffle(active)
        fresh = self.classes_of([self.year])
        clubs = w.clubs
        older = self.classes_of([self.year - 1, self.year - 2])
        plan: list[str] = []
        for k in fresh:
            if len(plan) < len(active):
                plan.append(k.id)
        for c in clubs:
            if len(plan) < len(active):
                plan.append(c.id)
        for k in older:
            if len(plan) < len(active):
                plan.append(k.id)
        doubles = [k.id for k in fresh] + [c.id for c in clubs]
        i = 0
        while len(plan) < len(active):
            plan.append(doubles[i % len(doubles)])
            i += 1
        pool = active[:]
        for point in plan:
            cadre = self.pick(pool, w.point_unit[point]).id
            self.open(cadre, point, S)
            self.last_move[cadre] = S - dt.timedelta(days=365)  # the cycle's own start is not a move

        todo = []
        for c in w.cadres:
            if c.active_to is not None and S <= c.active_to <= self.end:
                todo.append((c.active_to, 0, c.id, "leave"))
            if S < c.active_from <= self.end:
                todo.append((c.active_from, 1, c.id, "join"))
        todo.append((D(self.year + 1, 9, 1), 2, "", "fresh"))
        todo += [(d, 3, cadre, "change") for d, cadre in events if S < d <= self.end]
        heapq.heapify(todo)
        while todo:
            date, _, cadre, what = heapq.heappop(todo)
            point = getattr(self, "on_" + what)(date, cadre)
            if what == "leave" and point and date < self.end:
                # after the next day's joins, make sure a vacated freshman class is covered again
                heapq.heappush(todo, (date + ONE, 9, point, "repair"))
        return self.rows

    def on_repair(self, date: D, point: str) -> None:
        if not self.is_fresh(point, date) or self.cover.get(point) or point in self.w.skip_fresh:
            return
        cands = self.movable(date)
        if not cands:
            return
        k = self.w.class_by_id[point]
        mover = self.best(cands, k.unit, date)
        self.move(mover, point, date, f"调整联系点，接替离任干部联系{k.name}",
                  f"原联系干部离任，接替联系{k.cohort}级新生班级{k.name}")

    def movable(self, date: D, exclude_points=()) -> list[Cadre]:
        """Cadres who may leave their point on `date` without uncovering a freshman class."""
        out = []
        for cid, row in self.cur.items():
            c = self.w.cadre_by_id[cid]
            if not c.active_on(date) or (c.active_to is not None and c.active_to <= date + dt.timedelta(days=30)):
                continue
            if (date - self.last_move[cid]).days < 60 or row.point in exclude_points:
                continue
            if self.is_fresh(row.point, date) and len(self.cover[row.point]) < 2:
                continue
            out.append(c)
        return out

    def move(self, cadre: Cadre, point: str, date: D, end_reason: str, reason: str) -> None:
        self.close(cadre.id, date - ONE, end_reason)
        self.open(cadre.id, point, date, reason)

    def on_leave(self, date: D, cadre: str) -> str | None:
        """End the leaver's row; returns the point they leave (re-covered by on_repair if needed)."""
        c = self.w.cadre_by_id[cadre]
        if cadre not in self.cur:
            return None
        return self.close(cadre, date, c.leave_reason).point

    def best(self, cands: list[Cadre], unit: str, date: D) -> Cadre:
        def score(c: Cadre):
            row = self.cur[c.id]
            k = self.w.class_by_id.get(row.point)
            s = 0.0
            s += 3 if c.unit == unit else 0
            s += 2 if len(self.cover[row.point]) > 1 else 0
            s += 1.5 if k is not None and k.cohort <= ay_of(date) - 2 else 0
            s += 0.5 if row.kind == "club" else 0
            return s + self.rng.random()
        return max(cands, key=score)

    def on_join(self, date: D, cadre: str) -> None:
        c = self.w.cadre_by_id[cadre]
        y = ay_of(date)
        skip = set(self.w.skip_fresh)
        choices = [k.id for k in self.classes_of([y]) if not self.cover.get(k.id) and k.id not in skip]
        if not choices:
            choices = [x.id for x in self.w.clubs if not self.cover.get(x.id)]
        if not choices:
            choices = [k.id for k in self.classes_of([y - 1, y - 2]) if not self.cover.get(k.id)]
        if not choices:
            choices = [k.id for k in self.classes_of([y]) if k.id not in skip] or [x.id for x in self.w.clubs]
        same = [p for p in choices if self.w.point_unit[p] == c.unit]
        point = self.rng.choice(same or choices)
        reason = c.join_reason or "新任中层领导干部，确定联系点"
        if self.is_fresh(point, date):
            reason += f"（联系{self.w.class_by_id[point].cohort}级新生班级）"
        self.open(cadre, point, date, reason)

    def on_fresh(self, date: D, _: str) -> None:
        y = self.year + 1
        for k in self.classes_of([y]):
            if k.id in self.w.skip_fresh or self.cover.get(k.id):
                continue
            cands = self.movable(date)
            if not cands:
                continue
            mover = self.best(cands, k.unit, date)
            self.move(mover, k.id, date, f"联系点调整至{y}级新生班级{k.name}",
                      f"{y}级新生班级入学，补充联系点")

    def on_change(self, date: D, cadre: str) -> None:
        """A change inside the cycle for work reasons (R4): the cadre, or another one who may move."""
        movable = [c for c in self.movable(date) if c.active_to is None]
        if not movable:
            return
        c = self.w.cadre_by_id.get(cadre)
        if c not in movable:
            c = self.rng.choice(sorted(movable, key=lambda x: x.id))
        y = ay_of(date)
        old = self.cur[c.id].point
        points = [x.id for x in self.w.clubs] + [k.id for k in self.classes_of([y - 1, y - 2])]
        points = [p for p in points if p != old]
        choices = [p for p in points if not self.cover.get(p)] or points
        if not choices:
            return
        same = [p for p in choices if self.w.point_unit[p] == c.unit]
        point = self.rng.choice(same or choices)
        self.move(c, point, date, "因工作需要调整联系点",
                  f"因工作需要调整联系点（原联系{self.w.point_name[old]}）")


def plan_assignments(w: World) -> None:
    rng = w.rng
    horizon = period_of(w.cfg.last_period).end  # no planned changes after the last ledger period
    for n in range(w.cfg.n_cycles):
        year = w.cfg.first_cycle + 2 * n
        start, end = D(year, 9, 1), D(year + 2, 8, 31)
        # a few changes inside the cycle, at the start of a spring semester
        stable = [c.id for c in w.cadres if c.active_on(start) and c.active_to is None]
        k = max(1, len(stable) // 40)
        events = []
        for cadre in rng.sample(stable, min(k, len(stable))):
            spring = [s for s in w.semesters if start < s.start <= min(end, horizon) and s.id.endswith("-2")]
            events.append((rng.choice(spring).start, cadre))
        if n == w.cfg.n_cycles - 1 and w.cfg.imperfections:
            # imperfection 3: freshman classes of the cycle's second year nobody is assigned to
            fresh2 = [k for k in w.classes if k.cohort == year + 1]
            w.skip_fresh = [k.id for k in rng.sample(fresh2, min(w.cfg.imperfections, len(fresh2)))]
        w.cycles.append((f"{year}-{year + 2}", start, end))
        w.rows.extend(Planner(w, year).run(events))


# ---------------------------------------------------------------------------
# Ledgers
# ---------------------------------------------------------------------------

def topic_phase(d: D, kind: str) -> str:
    m = d.month
    if kind == "club":
        return "club_start" if m in (9, 10) else "club_end" if m in (1, 6, 7) else "club"
    if m in (9, 10):
        return "autumn_start"
    if m in (11, 12):
        return "autumn_mid"
    if m == 1:
        return "winter_end"
    if m in (2, 3):
        return "spring_start"
    if m in (4, 5):
        return "spring_mid"
    return "summer_end"


def students_for(kind: str, point: str, w: World, rng: random.Random) -> int:
    k = w.class_by_id.get(point)
    head = k.headcount if k else 40
    return {"one": 1, "small": rng.randint(5, 15), "class": max(1, head - rng.randint(0, 4)),
            "branch": rng.randint(12, 30), "big": rng.randint(60, 220), "club": rng.randint(15, 45)}[kind]


def make_activity(w: World, rng: random.Random, d: D, point: str, kind: str, typical_ok: bool) -> dict:
    form, place, channel, skind, tmpl = rng.choice(ACTIVITY_TEMPLATES[kind])
    phase = topic_phase(d, kind)
    pool = TOPICS[phase]
    topics = rng.sample(pool, rng.choice([1, 1, 2, 2, 3]) if len(pool) >= 3 else 1)
    if kind == "class" and w.class_by_id[point].cohort == ay_of(d) and d.month in (9, 10) and rng.random() < .5:
        topics[0] = "新生入学适应"
    if skind == "one":
        middle, closing = MIDDLE_ONE, CLOSING_ONE
    elif kind == "club":
        middle, closing = MIDDLE_CLUB + MIDDLE[:1] + MIDDLE[6:8], CLOSING_CLUB
    else:
        middle, closing = MIDDLE, CLOSING
    parts = [tmpl.format(p=w.point_name[point], t=topics[0]), rng.choice(middle)]
    close = rng.choice(closing)
    if close:
        parts.append(close)
    typical = typical_ok and skind in ("class", "club", "big", "branch") and rng.random() < 0.12
    if typical:
        parts.append(TYPICAL_NOTE)
    act = {"date": d, "form": form, "place": place, "channel": channel,
           "students": students_for(skind, point, w, rng), "topics": list(dict.fromkeys(topics)),
           "summary": "".join(parts)}
    if typical:
        act["typical"] = True
    return act


def subtract(lo: D, hi: D, holes: list[tuple[D, D]]) -> list[tuple[D, D]]:
    spans = [(lo, hi)]
    for a, b in holes:
        nxt = []
        for s, e in spans:
            if b < s or a > e:
                nxt.append((s, e))
                continue
            if s < a:
                nxt.append((s, a - ONE))
            if e > b:
                nxt.append((b + ONE, e))
        spans = nxt
    return spans


def escalation_target(w: World, key: str, point: str, cadre: Cadre) -> str:
    if key != "college":
        return key
    unit = w.point_unit[point]
    if unit not in w.colleges:
        unit = cadre.unit if cadre.unit in w.colleges else None
    return w.colleges[unit][1] + "党委" if unit else "党委学生工作部"


def build_ledgers(w: World) -> None:
    rng, cfg = w.rng, w.cfg
    periods = periods_between(cfg.first_period, cfg.last_period)
    by_cadre: dict[str, list[Row]] = {}
    for r in w.rows:
        by_cadre.setdefault(r.cadre, []).append(r)
    ex_ledger = {}
    ex_contacts = {}
    for e in w.exemptions:
        if "ledger" in e["rules"]:
            ex_ledger.setdefault(e["cadre"], []).append((e["start"], e["end"]))
        if "semester_contacts" in e["rules"]:
            ex_contacts.setdefault(e["cadre"], []).append((e["start"], e["end"]))

    # which ledgers are required, and which of them exist
    required, exists = {}, {}
    for p in periods:
        for c in w.cadres:
            rows = [r for r in by_cadre.get(c.id, []) if r.start <= p.end and r.end >= p.start]
            if not rows:
                continue
            if any(a <= p.start and p.end <= b for a, b in ex_ledger.get(c.id, [])):
                continue  # exempt from filing for the whole period
            required[(p.id, c.id)] = rows
    late, emptied = dict(w.notes.get("late_keys", {})), set()
    missing = set(w.notes.get("missing_keys", []))
    if cfg.late_share:
        more_late, more_missing, emptied = late_share(w, [p for p in periods if p.due <= AS_OF], required)
        late |= more_late
        missing |= more_missing
        w.notes["late_share"] = f"{len(more_late)} late, {len(more_missing)} missing and {len(emptied)} empty ledgers"
    for key in required:
        exists[key] = key not in missing
    period_ids = [p.id for p in periods]
    nxt_period = {a: b for a, b in zip(period_ids, period_ids[1:])}

    nocontact = w.notes.get("nocontact", {})  # cadre -> semester id
    overdue = dict(w.notes.get("overdue_keys", {}))  # (period, cadre) -> status
    pending: dict[str, list] = {}  # cadre -> [(item, pool entry, depth, point)]
    handed: dict[tuple, list] = {}  # (period, cadre) -> the same, items reported to their unit they follow up then
    cadres_of = {}  # unit -> its cadres
    for x in w.cadres:
        cadres_of.setdefault(x.unit, []).append(x.id)

    for p in periods:
        for c in w.cadres:
            key = (p.id, c.id)
            if key not in required or not exists[key]:
                continue
            rows = required[key]
            # submission date
            if key in late:
                sub = p.due + dt.timedelta(days=late[key])
            elif c.active_to is not None and c.active_to < p.due:
                sub = max(p.start, c.active_to - dt.timedelta(days=rng.randint(0, 3)))
            else:
                sub = p.due - dt.timedelta(days=rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10]))
            # windows: (semester, first, last, point) in which the cadre meets students
            windows = []
            for r in rows:
                for s in w.semesters:
                    lo = max(r.start, s.start, p.start)
                    hi = min(r.end, s.end, p.end)
                    if lo > hi:
                        continue
                    if nocontact.get(c.id) == s.id:
                        continue
                    for a, b in subtract(lo, hi, ex_contacts.get(c.id, [])):
                        windows.append((s.id, a, b, r.point, r.kind))
            if windows:  # nobody files before the last stretch they have to report on has begun
                sub = max(sub, max(a for _, a, _, _, _ in windows))
            w.submitted[key] = sub
            horizon = min(p.end, sub)
            windows = [(sid, a, min(b, horizon), pt, kd) for sid, a, b, pt, kd in windows]
            # a large university's ledgers are fuller than the demo's (about 70 MB for 12k ledgers)
            n_acts = max(len(windows), rng.choice([1, 2, 2, 3, 3, 4] if cfg.demo else [6, 7, 8, 9, 9, 10, 12]))
            picks = list(windows)
            while len(picks) < n_acts and windows:
                weights = [(b - a).days + 1 for _, a, b, _, _ in windows]
                picks.append(rng.choices(windows, weights=weights)[0])
            acts = []
            for _, a, b, point, kind in ([] if key in emptied else picks):
                d = a + dt.timedelta(days=rng.randint(0, (b - a).days))
                acts.append(make_activity(w, rng, d, point, kind, True))
            acts.sort(key=lambda x: x["date"])
            points = list(dict.fromkeys(r.point for r in rows))

            # feedback: follow-ups of the previous ledger's open items, then new items
            fb, n = [], 0
            has_next = key[0] in nxt_period and exists.get((nxt_period[key[0]], c.id), False)
            act_dates = [x["date"] for x in acts] or [horizon]

            def new_id():
                nonlocal n
                n += 1
                return f"{p.id.lower().replace('-', '')}-{c.id}-{n}"

            received = handed.pop(key, [])
            followed = pending.pop(c.id, []) + received
            used = {e for _, e, _, _ in followed} | {e for _, e, _, _ in pending.get(c.id, [])}
            for item, entry, depth, point in followed:
                kind_, cat, desc, target, resolution = entry
                d = max(item["raised_on"], rng.choice(act_dates))
                f = {"id": new_id(), "follows": item["id"], "raised_on": d, "kind": kind_, "category": cat,
                     "description": (f"跟进{item['escalated_to']}收到的问题：" if any(item is x for x, *_ in received)
                                     else "跟进上期反映：") + desc}
                if has_next and depth < 2 and rng.random() < 0.3:
                    f["status"] = "处理中"
                    f["note"] = rng.choice(IN_PROGRESS_NOTES)
                    pending.setdefault(c.id, []).append((f, entry, depth + 1, point))
                else:
                    f["status"] = "已解决"
                    f["resolution"] = resolution
                    f["resolved_on"] = min(horizon, d + dt.timedelta(days=rng.randint(0, 20)))
                    f["note"] = rng.choice(FOLLOW_NOTES)
                fb.append(f)
            n_new = rng.choices([0, 1, 2, 3], weights=[30, 38, 22, 10])[0] if acts else 0
            for _ in range(n_new):
                entry = rng.choice([e for e in FEEDBACK_POOL if e not in used])
                used.add(entry)
                kind_, cat, desc, target, resolution = entry
                point = rng.choice(points)
                d = rng.choice(act_dates)
                f = {"id": new_id(), "raised_on": d, "kind": kind_, "category": cat, "description": desc}
                if cfg.nature_share and kind_ == "问题" and has_next and rng.random() < cfg.nature_share:
                    # R10: a major or common problem, reported to the college's 党委 and followed up
                    f["status"], f["nature"] = "已上报", rng.choice(["共性", "共性", "共性", "重大"])
                    f["escalated_to"] = escalation_target(w, "college", point, c)
                    pending.setdefault(c.id, []).append((f, entry, 0, point))
                elif has_next and rng.random() < 0.4:
                    status = rng.choice(["待处理", "处理中", "已上报", "已上报"])
                    f["status"] = status
                    if status == "已上报":
                        f["escalated_to"] = escalation_target(w, target, point, c)
                    follower = c.id
                    if status == "已上报" and cfg.cross_unit_share and rng.random() < cfg.cross_unit_share:
                        # the unit it was reported to follows it up: one of its cadres, in their next ledger
                        theirs = [x for u in w.units if f["escalated_to"] in (u["name"], u.get("party_committee"))
                                  and u["id"] != c.unit for x in cadres_of.get(u["id"], [])
                                  if exists.get((nxt_period[key[0]], x))]
                        follower = rng.choice(theirs) if theirs else c.id
                    if follower == c.id:
                        pending.setdefault(c.id, []).append((f, entry, 0, point))
                    else:
                        handed.setdefault((nxt_period[key[0]], follower), []).append((f, entry, 0, point))
                else:
                    f["status"] = "已解决"
                    f["resolution"] = resolution
                    f["resolved_on"] = min(horizon, d + dt.timedelta(days=rng.randint(1, 30)))
                fb.append(f)
            if key in overdue and acts:
                entry = next(e for e in FEEDBACK_POOL if e[3] != "college" and e[0] == "问题" and e not in used
                             and (e[3] == "后勤保障处") == (overdue[key] == "已上报"))
                kind_, cat, desc, target, _ = entry
                f = {"id": new_id(), "raised_on": acts[-1]["date"], "kind": kind_, "category": cat,
                     "description": desc, "status": overdue[key]}
                if cfg.nature_share and overdue[key] == "待处理":
                    f["nature"] = "共性"  # (never reported to the college's 党委: W-CHK-026, bench/README.md)
                if overdue[key] == "已上报":
                    f["escalated_to"] = target
                fb.append(f)
                w.notes.setdefault("overdue_items", []).append((key, f["id"], f["status"], f["raised_on"],
                                                                 f.get("escalated_to", "")))
            sugg = []
            for to in rng.sample(SUGGESTION_TARGETS, rng.choices([0, 1, 2], weights=[30, 45, 25])[0]
                                 if cfg.demo else rng.choice([2, 3, 3, 4])):
                sugg.append({"to": to, "content": rng.choice(SUGGESTIONS[to])})
            led = {"cadre": c.id, "period": p.id, "contact_points": points, "activities": acts}
            if fb:
                led["feedback"] = fb
            if sugg:
                led["suggestions"] = sugg
            if rng.random() < 0.9:
                pool = REFLECTIONS + (REFLECTIONS_CLUB if any(r.kind == "club" for r in rows) else [])
                led["reflections"] = "".join(rng.sample(pool, min(len(pool), rng.choice([1, 2, 2, 3] if cfg.demo else [4, 5, 6]))))
            w.ledgers[key] = led
    leftovers = [k for k, v in [*pending.items(), *handed.items()] if v]
    assert not leftovers, leftovers
    w.notes["required"] = sorted(required)


def late_share(w: World, past_due: list, required: dict) -> tuple[dict, set, set]:
    """--late-share F: of the ledgers past their due day (as of AS_OF) that carry no deliberate
    imperfection, a share F, picked by a generator of their own (the corpus's other draws unchanged
    when F is 0): half handed in 1-60 days late, a quarter never handed in, a quarter handed in on
    time without a single activity.  Returns (late: key -> days, missing keys, emptied keys)."""
    rng = random.Random(f"late-share {w.cfg.seed} {w.cfg.late_share}")
    taken = set(w.notes.get("late_keys", {})) | set(w.notes.get("missing_keys", [])) | set(w.notes.get("overdue_keys", {}))
    ids = {p.id for p in past_due}
    keys = [k for k in sorted(required) if k[0] in ids and k not in taken]
    picked = rng.sample(keys, round(w.cfg.late_share * len(keys)))
    half, three_quarters = len(picked) // 2, len(picked) * 3 // 4
    late = {k: rng.randint(1, 60) for k in picked[:half]}
    return late, set(picked[half:three_quarters]), set(picked[three_quarters:])


def choose_imperfections(w: World) -> None:
    """Pick the cadres who carry the deliberate imperfections (and the exempt ones)."""
    rng, k = w.rng, w.cfg.imperfections
    last = period_of(w.cfg.last_period)
    h2 = f"{last.start.year - 1}-H2"  # e.g. 2025-H2
    sem = f"{last.start.year - 1}-{last.start.year}-1"  # e.g. 2025-2026-1
    span_lo, span_hi = D(last.start.year - 2, 1, 1), AS_OF
    by_cadre: dict[str, list[Row]] = {}
    for r in w.rows:
        by_cadre.setdefault(r.cadre, []).append(r)
    # "stable": active from before the window to after it, with a single row per cycle
    stable = []
    for c in w.cadres:
        rows = by_cadre.get(c.id, [])
        if c.active_from < span_lo and c.active_to is None and rows and \
                all(not r.explicit_end and not r.reason for r in rows if r.end >= span_lo):
            stable.append(c.id)
    rng.shuffle(stable)
    need = 5 * k + max(1, k)
    if len(stable) < need:
        stable = [c.id for c in w.cadres if c.active_to is None and c.active_from < span_lo]
        rng.shuffle(stable)
    it = iter(stable)
    take = lambda: [next(it) for _ in range(k)]  # noqa: E731
    exempt = [next(it) for _ in range(max(1, k))]
    late, missing, nocontact, od1, od2 = take(), take(), take(), take(), take()
    y = last.start.year - 1
    for cid in exempt:
        w.exemptions.append({"cadre": cid, "rules": ["semester_contacts", "ledger"],
                             "start": D(y, 7, 1), "end": D(y + 1, 1, 31),
                             "reason": "挂职锻炼（半年），期间免于每学期联系学生和填报台账",
                             "approved_by": "李思远"})
    if w.cfg.demo:
        # a short sick leave that changes nothing (the cadre met students before and after it)
        other = next(it)
        w.exemptions.append({"cadre": other, "rules": ["semester_contacts"],
                             "start": D(last.start.year, 3, 16), "end": D(last.start.year, 4, 10),
                             "reason": "病假", "approved_by": "李思远"})
        w.notes["sick_leave"] = other
    w.notes["late_keys"] = {(h2, cid): (9 if w.cfg.demo and i == 0 else rng.randint(2, 20))
                            for i, cid in enumerate(late)}
    w.notes["missing_keys"] = [(h2, cid) for cid in missing]
    w.notes["nocontact"] = {cid: sem for cid in nocontact}
    w.notes["overdue_keys"] = {**{(last.id, cid): "待处理" for cid in od1},
                               **{(last.id, cid): "已上报" for cid in od2}}
    w.notes["exempt"] = exempt


def staff_numbers(w: World) -> None:
    """Every cadre's 工号 (staff_no), as the HR export gives them: the year they joined the university's staff and four
    digits, no two alike."""
    taken = {""}
    for c in w.cadres:
        year = w.rng.randint(max(1985, c.active_from.year - 25), c.active_from.year - 2)
        while c.staff_no in taken:  # ("" is taken: drawn until new)
            c.staff_no = f"{year}{w.rng.randrange(10000):04d}"
        taken.add(c.staff_no)


def assign_reviewers(w: World) -> None:
    end = min(AS_OF, D(w.cfg.first_cycle + 2 * w.cfg.n_cycles, 8, 31))
    for u in w.units:
        if u["type"] == "学院":
            titles = ("党委书记", "党委副书记")
        else:
            titles = ("部长", "处长", "院长")
        acc = [c.git for c in w.cadres if c.unit == u["id"] and c.active_on(end)
               and any(c.position.endswith(t) and not c.position.endswith("副" + t) for t in titles)]
        u["reviewers"] = acc[:3] if acc else [f"{u['id']}-office"]


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

GENERATED = ["policy.yaml", "calendar.yaml", "units.yaml", "clubs.yaml", "exemptions.yaml",
             "privacy-exceptions.yaml", "classes", "cadres", "assignments", "ledgers", "imports"]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def records_text(w: World) -> dict[str, str]:
    """Every record file: relative path -> YAML text."""
    demo = w.cfg.demo
    note = ("示例大学（虚构）演示数据，由 bench/corpus.py --demo 生成；人员均为虚构。" if demo
            else f"基准测试数据，由 bench/corpus.py 生成（seed {w.cfg.seed}"
            + (f"，--late-share {w.cfg.late_share:g}" if w.cfg.late_share else "") + "）；人员均为虚构。")
    out: dict[str, str] = {}
    college_committees = [u["party_committee"] for u in w.units if u["type"] == "学院"]
    policy = {
        "institution": {"name": INSTITUTION, "short_name": "示大",
                        "policy_title": "示例大学中层领导干部深入基层联系学生工作实施方案（试行）",
                        "policy_number": "示大党字〔2020〕12号", "timezone": "Asia/Shanghai"},
        "administrators": [{"name": "李思远", "unit": "xgb", "git": "li-siyuan-xgb"},
                           {"name": "周雅琴", "unit": "zzb", "git": "zhou-yaqin-zzb"}],
        "ledger": {"periods": [{"id": "H1", "name": "上半年", "start": "01-01", "end": "06-30", "due": "06-30"},
                               {"id": "H2", "name": "下半年", "start": "07-01", "end": "12-31", "due": "12-31"}],
                   "grace_days": 0},
        "contacts": {"points_per_cadre": 1, "min_per_semester": 1, "min_days_held": 14,
                     # (the demo's: a class graduating on 06-30 owes nothing to its semester's end; the benchmark's bytes as before)
                     **({"end_of_semester_days": 14} if demo else {})},
        "freshman_coverage": {"required": True, "grace_days": 30},
        "feedback": {"overdue_days": OVERDUE_DAYS},
        "reminders": {"window_days": 15, "weekday": 1},
        "privacy": {"student_number_patterns": ["20[0-9]{8,10}"]},
        "vocabularies": {
            "forms": FORMS, "places": PLACES, "channels": CHANNELS, "feedback_kinds": ["问题", "建议"],
            "feedback_categories": CATEGORIES,
            "feedback_statuses": [{"name": n, "meaning": m} for n, m in STATUSES],
            "escalation_targets": college_committees + DEPARTMENT_TARGETS,
            "suggestion_targets": SUGGESTION_TARGETS},
    }
    if demo:  # (the words a cadre says otherwise, told the list's word: vocabularies.synonyms, as a university may list them;
        # its teaching and office buildings — a room of one beside 同学 is a class's, no dormitory's —: the built-in names a
        # university without the list gets, and 示例大学's own named ones)
        policy["privacy"]["teaching_buildings"] = ["逸夫楼", "综合楼", "教学楼", "实验楼", "实训楼", "办公楼", "行政楼", "科技楼", "科研楼",
                                                   "文科楼", "理科楼", "工科楼", "信息楼", "学院楼", "图书馆", "主楼", "明德楼", "博学楼"]
        policy["vocabularies"]["synonyms"] = [{"word": "面对面", "also": ["线下", "当面", "现场", "线下交流"]},
                                              {"word": "键对键", "also": ["线上", "网上", "线上交流", "网络交流"]}]
    if demo or w.cfg.nature_share:  # R10's 重大问题、共性问题 (vocabularies.feedback_natures, optional), after the statuses
        words = list(policy["vocabularies"].items())
        at = [key for key, _words in words].index("feedback_statuses") + 1
        # and R10's 研究解决落实: the resolutions that say nothing (vocabularies.empty_resolutions, optional), after them
        policy["vocabularies"] = dict(words[:at] + [("feedback_natures", ["重大", "共性"]),
                                                    ("empty_resolutions", ["已处理", "已解决", "已反馈", "已办结", "已落实"])]
                                      + words[at:])
    out["policy.yaml"] = (to_yaml(policy, note).replace("\nvocabularies:\n", "\n" + NOT_NAMES + "vocabularies:\n", 1)
                          + IMPORT_STATUSES)  # (vocabularies is the last key; privacy the one before it)
    cal = {"academic_years": [
        {"id": yid, "start": s, "end": e,
         "semesters": [{"id": m.id, "name": m.name, "start": m.start, "end": m.end} for m in sems]}
        for yid, s, e, sems in w.years]}
    out["calendar.yaml"] = to_yaml(cal, note)
    out["units.yaml"] = to_yaml({"units": w.units}, note)
    for cohort in w.cfg.cohorts:
        rows = []
        for k in (x for x in w.classes if x.cohort == cohort):
            rows.append({"id": k.id, "name": k.name, "unit": k.unit, "major": k.major, "headcount": k.headcount,
                         "counsellor": k.counsellor, "adviser": k.adviser, "dormitories": k.dormitories})
        out[f"classes/{cohort}.yaml"] = to_yaml({"cohort": cohort, "classes": rows}, note)
    out["clubs.yaml"] = to_yaml({"clubs": [{"id": c.id, "name": c.name, "unit": c.unit, "category": c.category}
                                           for c in w.clubs]}, note)
    for c in w.cadres:
        d = {"name": c.name, "position": c.position, "unit": c.unit, **({"staff_no": c.staff_no} if c.staff_no else {}),
             "git": c.git, "active_from": c.active_from}
        if c.active_to:
            d["active_to"] = c.active_to
        out[f"cadres/{c.id}.yaml"] = to_yaml(d)
    for cid, start, end in w.cycles:
        rows = []
        for r in sorted((r for r in w.rows if r.cycle == cid), key=lambda r: (r.cadre, r.start)):
            d = {"cadre": r.cadre, r.kind: r.point, "start": r.start}
            if r.explicit_end:
                d["end"] = r.end
            reasons = [x for x in (r.reason, r.end_reason) if x]
            if reasons:
                d["reason"] = "；".join(reasons)
            rows.append(d)
        out[f"assignments/{cid}.yaml"] = to_yaml({"cycle": cid, "start": start, "end": end, "assignments": rows},
                                                 note)
    for (pid, cid), led in w.ledgers.items():
        out[f"ledgers/{pid}/{cid}.yaml"] = to_yaml(led)
    imports = {"source": "原学生工作信息化平台导出（系统上线前的台账及其原提交日期）", "approved_by": "李思远",
               "ledgers": [{"path": f"ledgers/{p}/{c}.yaml", "submitted": w.submitted[(p, c)]}
                           for p, c in sorted(w.ledgers)]}
    out["imports/legacy-platform.yaml"] = to_yaml(imports, note)
    out["exemptions.yaml"] = to_yaml({"exemptions": w.exemptions}, note)
    out["privacy-exceptions.yaml"] = to_yaml({"exceptions": []}, note)
    return out


def imperfections_markdown(w: World) -> str:
    cad = w.cadre_by_id
    rows_of = {}
    for r in w.rows:
        rows_of.setdefault(r.cadre, []).append(r)

    def rowtxt(r: Row) -> str:
        return f"{r.kind} `{r.point}` ({w.point_name[r.point]}) {r.start}..{r.end} in `assignments/{r.cycle}.yaml`"

    L = ["# Deliberate imperfections of the demo records", "",
         "Generated by `python bench/corpus.py --demo --out records --imperfections bench/DEMO-IMPERFECTIONS.md`;",
         "do not edit by hand (re-run the generator).  Everything else in `records/` is meant to be clean:",
         "every reference valid, every activity inside its period and a semester, each active cadre holding",
         "exactly one contact point at every date of a cycle, every other required ledger filed on time",
         f"(per `imports/legacy-platform.yaml`).  Overdue is judged as of **{AS_OF}** "
         f"(`feedback.overdue_days` = {OVERDUE_DAYS}).", ""]
    L.append("## 1. Late ledger")
    for (pid, cid), days in w.notes["late_keys"].items():
        p = period_of(pid)
        L.append(f"- `ledgers/{pid}/{cid}.yaml` ({cad[cid].name}): due {p.due}, `submitted: "
                 f"{w.submitted[(pid, cid)]}` in `imports/legacy-platform.yaml` → **late by {days} days**.")
    L += ["", "## 2. Missing ledger"]
    for pid, cid in w.notes["missing_keys"]:
        p = period_of(pid)
        held = [r for r in rows_of[cid] if r.start <= p.end and r.end >= p.start]
        L.append(f"- `{cid}` ({cad[cid].name}, {cad[cid].position}) has no `ledgers/{pid}/{cid}.yaml` although "
                 f"they held " + "; ".join(rowtxt(r) for r in held) + f" during {pid} and are not exempt "
                 f"(due {p.due}).  Their ledgers for the other periods exist.")
    L += ["", "## 3. Freshman class without a cadre"]
    for kid in w.skip_fresh:
        k = w.class_by_id[kid]
        y = k.cohort
        L.append(f"- `{kid}` ({k.name}, {w.colleges[k.unit][1]}, `classes/{y}.yaml`): freshman class of academic "
                 f"year {y}-{y + 1} (starts {y}-09-01; coverage grace 30 days → uncovered from {D(y, 10, 1)}); "
                 f"no row of `assignments/{w.cycles[-1][0]}.yaml` names it.")
    L += ["", "## 4. Cadre × semester without contact"]
    sems = {s.id: s for s in w.semesters}
    for cid, sid in w.notes["nocontact"].items():
        s = sems[sid]
        held = [r for r in rows_of[cid] if r.start <= s.end and r.end >= s.start]
        L.append(f"- `{cid}` ({cad[cid].name}) held " + "; ".join(rowtxt(r) for r in held) +
                 f" throughout semester `{sid}` ({s.start}..{s.end}) but no activity of theirs is dated in it.  "
                 f"Both ledgers overlapping it were filed on time (`ledgers/{s.start.year}-H2/{cid}.yaml` has "
                 f"activities only in {s.start.year}-07 of the previous semester; "
                 f"`ledgers/{s.end.year}-H1/{cid}.yaml` only from the spring semester on).")
    L += ["", "## 5. Overdue student feedback (open or escalated, older than "
          f"{OVERDUE_DAYS} days on {AS_OF})",
          "These are the only feedback items whose latest state is 待处理 (open) or 已上报 (escalated).",
          "Every other item that is not 已解决 is followed up (`follows:`) in a later ledger of the same cadre, "
          "and every chain ends 已解决.", ""]
    for (pid, cid), fid, status, raised, target in w.notes["overdue_items"]:
        age = (AS_OF - raised).days
        L.append(f"- `{fid}` in `ledgers/{pid}/{cid}.yaml` ({cad[cid].name}): status {status}"
                 + (f", escalated to {target}" if target else "") + f", raised {raised} → {age} days old.")
    L += ["", "## Not imperfections (deliberate and clean)"]
    for i, e in enumerate(w.exemptions):
        L.append(f"- Exemption in `exemptions.yaml`: `{e['cadre']}` ({cad[e['cadre']].name}) {e['start']}..{e['end']}, "
                 f"rules {', '.join(e['rules'])} ({e['reason']}).")
        if i == 0:
            L.append(f"  Hence no `ledgers/{e['start'].year}-H2/{e['cadre']}.yaml` (the period lies wholly inside "
                     f"the exemption) and no activity of theirs in semester "
                     f"`{e['start'].year}-{e['start'].year + 1}-1`; neither is a finding.")
        else:
            L.append("  The cadre met students before and after it, so it changes no finding.")
    turn = w.notes.get("demo_turnover")
    if turn:
        L.append("- Staff changes: " + "; ".join(
            f"`{c}` {cad[c].active_from}..{cad[c].active_to or ''}" for c in turn[:4]) +
                 " leave (rows end on `active_to` with a reason); new cadres " + ", ".join(
            f"`{c.id}` from {c.active_from}" for c in w.cadres if c.join_reason) +
                 " start with a reason.  A cadre who left during a period still files that period's ledger.")
    L.append("- Changes inside a cycle end the old row the day before the new one starts, both with `reason:`; "
             "the cohort-2026 freshman classes are covered from 2026-09-01 by such moves.")
    L.append("- Ledgers start with 2023-H2: the 2023-2025 cycle starts on 2023-09-01, so 2023-H2 ledgers are "
             "required by R6 and semester 2023-2024-1 by R5.  There are no assignments before 2023-09-01 and "
             "no cohort-2022 classes, so nothing is required earlier.")
    L.append(f"- Semester 2026-2027-1 (from 2026-09-01) and period 2026-H2 (due 2026-12-31) are still running "
             f"on {AS_OF}: no 2026-H2 ledgers exist and none is due yet.")
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------------------
# Configurations
# ---------------------------------------------------------------------------

def demo_config() -> Config:
    return Config(demo=True, seed=20201211, first_cycle=2023, n_cycles=2, first_period="2023-H2",
                  last_period="2026-H1", calendar_first=2022, calendar_last=2027, n_colleges=9, n_departments=3,
                  n_clubs=20, classes_per_cohort=[18, 18, 17, 17], cohorts=[2023, 2024, 2025, 2026],
                  cadres_per_college=[8, 7, 7, 7, 7, 7, 7, 7, 7], cadres_per_department=[4, 3, 4],
                  imperfections=1)


def bench_config(n_ledgers: int, seed: int, late_share: float = 0.0) -> Config:
    # ten years, 2017-09-01..2027-08-31, as of the bench day (AS_OF, bench/run.py's --today): the last of the five
    # cycles, 2025-2027, in force; the 18 ledger periods 2017-H2..2026-H1 due, 2026-H2 not yet
    first_period, last_period = "2017-H2", "2026-H1"
    cadres = max(20, round(n_ledgers / len(periods_between(first_period, last_period)) / 1.015))
    points = max(20, round(n_ledgers / 20 / 1.015))  # (the classes and clubs of the corpora measured before: bench/HISTORY.md 91)
    n_colleges = max(9, min(len(COLLEGES), round(cadres / 25)))
    n_depts = max(3, min(len(DEPARTMENTS), round(cadres / 60)))
    dept_cadres = [max(2, round(cadres * 0.15 / n_depts))] * n_depts
    rest = cadres - sum(dept_cadres)
    per_college = [rest // n_colleges + (1 if i < rest % n_colleges else 0) for i in range(n_colleges)]
    per_cohort = max(n_colleges, round(points / 3))
    cohorts = list(range(2017, 2027))
    return Config(demo=False, seed=seed, first_cycle=2017, n_cycles=5, first_period=first_period,
                  last_period=last_period, calendar_first=2016, calendar_last=2027, n_colleges=n_colleges,
                  n_departments=n_depts, n_clubs=max(10, min(round(points / 3), 2000)),
                  classes_per_cohort=[per_cohort] * len(cohorts), cohorts=cohorts,
                  cadres_per_college=per_college, cadres_per_department=dept_cadres,
                  imperfections=max(1, round(n_ledgers / 4000)), late_share=late_share,
                  nature_share=0.05, cross_unit_share=0.1, staff_numbers=True)


def generate(cfg: Config) -> World:
    w = World(cfg=cfg, rng=random.Random(cfg.seed))
    build_calendar(w)
    build_units(w)
    build_classes(w)
    build_clubs(w)
    build_cadres(w)
    plan_assignments(w)
    choose_imperfections(w)
    build_ledgers(w)
    if cfg.staff_numbers:
        staff_numbers(w)
    assign_reviewers(w)
    return w


def share(text: str) -> float:
    """--late-share: a share between 0 and 1."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"“{text}”不是 0 到 1 之间的比例，十分之一写 0.1 "
                                         f"('{text}' is not a share between 0 and 1: a tenth is 0.1)")
    return value


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Generate fictional contact-ledger records (deterministic).")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--demo", action="store_true", help="the committed demo university 示例大学")
    mode.add_argument("--ledgers", type=int, metavar="N", help="a benchmark corpus of about N ledgers")
    ap.add_argument("--seed", type=int, default=1, help="random seed for --ledgers (default 1)")
    ap.add_argument("--out", required=True, help="records folder to write")
    ap.add_argument("--force", action="store_true",
                    help="replace generated files/folders already in --out (policy.yaml, ledgers/ …)")
    ap.add_argument("--imperfections", metavar="FILE", help="also write the list of deliberate imperfections")
    ap.add_argument("--late-share", type=share, default=0.0, metavar="F",
                    help="with --ledgers: make a share F (0-1, e.g. 0.1) of the ledgers past their due day late (half), "
                         "missing (a quarter) or empty, without activities (a quarter); default 0")
    args = ap.parse_args(argv)
    if args.demo and args.late_share:
        ap.error("--late-share is for --ledgers corpora; the demo's imperfections are fixed (bench/DEMO-IMPERFECTIONS.md)")
    cfg = demo_config() if args.demo else bench_config(args.ledgers, args.seed, args.late_share)
    out = Path(args.out)
    present = [name for name in GENERATED if (out / name).exists()]
    if present and not args.force:
        print(f"{out} already holds {', '.join(present)}; use --force to replace them", file=sys.stderr)
        return 2
    w = generate(cfg)
    for name in present:
        target = out / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    files = records_text(w)
    for rel, text in files.items():
        write(out / rel, text)
    if args.imperfections:
        write(Path(args.imperfections), imperfections_markdown(w))
    n_rows = len(w.rows)
    print(f"wrote {len(files)} files to {out}: {len(w.units)} units, {len(w.classes)} classes, {len(w.clubs)} clubs, "
          f"{len(w.cadres)} cadres, {n_rows} assignment rows in {len(w.cycles)} cycles, {len(w.ledgers)} ledgers, "
          f"{sum(len(x.get('feedback', [])) for x in w.ledgers.values())} feedback items"
          + (f"; --late-share {cfg.late_share:g}: {w.notes['late_share']}" if cfg.late_share else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
