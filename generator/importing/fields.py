"""What each kind of list reads: its fields and the headings that name them, the words of a cell
that are no record (totals, notes, a list's end), and the messages the command writes."""
from __future__ import annotations

import re
import unicodedata

from generator.chars import BREAKS, DROPPED, NARROW_ALNUM, klass, narrower


# What each kind reads: field → (Chinese name, English name, required, accepted headings).
# Headings are compared as names are (see plain_name), without brackets' contents or a leading “*” (see heading_key).
FIELDS = {
    "classes": {
        "id": ("班级编号", "class id", False, ["班级编号", "编号", "班级代码", "班级代号", "id"]),
        "name": ("班级名称", "class name", True, ["班级名称", "班级", "班名", "班级名", "行政班", "行政班级"]),
        "unit": ("学院", "school", True, ["学院", "所属学院", "院系", "学院名称", "院(系)", "单位", "所在学院", "所属院系",
                                             "院系名称"]),
        "major": ("专业", "major", True, ["专业", "专业名称", "所学专业"]),
        "cohort": ("年级", "cohort", True, ["年级", "入学年份", "入学年级", "级别", "届", "届别"]),
        "headcount": ("人数", "headcount", True, ["人数", "班级人数", "学生人数", "总人数", "在籍人数", "在校人数", "学生数"]),
        "counsellor": ("辅导员", "counsellor", False, ["辅导员", "辅导员姓名"]),
        "adviser": ("班导师", "adviser", False, ["班主任", "班导师", "班主任姓名", "班导师姓名"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间", "毕业日期", "毕业时间"]),
        "status": ("状态", "status", False, ["状态", "班级状态", "当前状态"]),
    },
    "cadres": {
        "id": ("干部编号", "cadre id", False, ["干部编号", "编号", "id"]),
        "name": ("姓名", "name", True, ["姓名", "干部姓名", "名字"]),
        "position": ("职务", "position", True, ["职务", "现任职务", "职务名称", "现职务"]),
        "unit": ("单位", "unit", True, ["单位", "所在单位", "工作单位", "任职单位", "部门", "学院", "单位名称"]),
        "active_from": ("任职日期", "since", True, ["任职日期", "任职时间", "任现职时间", "任现职日期", "任职开始",
                                                 "任职开始日期"]),
        "active_to": ("离任日期", "until", False, ["离任日期", "离任时间", "任职结束", "免职日期", "免职时间", "调离日期",
                                                "退休日期"]),
        "status": ("状态", "status", False, ["状态", "在职状态", "任职状态", "干部状态", "当前状态"]),
        "git": ("Git 账号", "Git account", False, ["git账号", "git", "账号", "git用户名"]),
        "staff_no": ("工号", "staff number", False, ["工号", "职工号", "教工号", "教职工号", "职工编号", "人事编号"]),
    },
    "units": {
        "id": ("单位编号", "unit id", True, ["单位编号", "编号", "单位代码", "代码", "英文缩写", "id"]),
        "name": ("单位名称", "unit name", True, ["单位名称", "单位", "名称", "单位全称", "学院名称", "部门名称"]),
        "type": ("单位类型", "unit type", True, ["单位类型", "类型", "单位类别", "类别"]),
        "short_names": ("简称", "short names", False, ["简称", "单位简称", "别名"]),
        "party_committee": ("党委名称", "party committee", False, ["党委名称", "党委", "党组织", "党组织名称"]),
        "reviewers": ("审核人账号", "reviewers", False, ["审核人账号", "审核人", "审核人git账号"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间"]),
        "status": ("状态", "status", False, ["状态", "单位状态", "当前状态"]),
    },
    "clubs": {
        "id": ("社团编号", "club id", False, ["社团编号", "编号", "社团代码", "id"]),
        "name": ("社团名称", "club name", True, ["社团名称", "社团", "名称", "社团全称"]),
        "unit": ("指导单位", "supervising unit", True, ["指导单位", "业务指导单位", "挂靠单位", "主管单位", "所属单位",
                                                     "学院", "单位"]),
        "category": ("社团类别", "category", False, ["社团类别", "类别", "社团类型", "类型"]),
        "until": ("存续至", "until", False, ["存续至", "撤销日期", "撤销时间", "注销日期", "注销时间"]),
        "status": ("状态", "status", False, ["状态", "社团状态", "注册状态", "当前状态"]),
    },
}


# A column holding two fields (as heading_key gives its heading): the 组织部's 单位及职务 (计算机学院 副院长: the
# unit it begins with, the whole its position, as the records write one) and 姓名/职务 (王芳/副院长).
COMBINED = {"cadres": {**dict.fromkeys(("单位及职务", "单位职务", "单位与职务", "单位/职务", "单位、职务", "工作单位及职务",
                                        "现工作单位及职务", "现任单位及职务", "任职单位及职务", "部门及职务", "单位及职位"),
                                       ("unit", "position")),
                       **dict.fromkeys(("姓名/职务", "姓名及职务", "姓名、职务", "姓名与职务"), ("name", "position"))}}


# The headings of a field that win over its others when both are columns (as heading_key gives them): a club's
# unit is its 业务指导单位 (clubs.schema.json), not the 挂靠单位 or 主管单位 a 校团委 list may give beside it.
PREFERRED = {("clubs", "unit"): ("指导单位", "业务指导单位")}


# Why a PREFERRED heading wins: (the field as said, why; in English) and E-IMP-009's hint when no column has it.
WHY = {"unit": ("社团的指导单位", "社团的指导单位是它的业务指导单位，挂靠单位、主管单位只是管理上的归属",
                "a club's supervising unit", "a club's supervising unit is its 业务指导单位 (guiding unit), not the unit "
                "that hosts or administers it",
                "社团的指导单位是它的业务指导单位（挂靠单位、主管单位只是管理上的归属）：请把写着业务指导单位的那一列的标题"
                "改成“业务指导单位”（另一列可以留着，不读），再运行一次导入。",
                "A club's supervising unit is its 业务指导单位 (guiding unit), not the unit that hosts or administers it: "
                "head the column that gives it '业务指导单位' (the other may stay: it is not read), then run the import again.")}


ORDER = {"classes": ["id", "name", "unit", "major", "headcount", "counsellor", "adviser", "until"],
         "clubs": ["id", "name", "unit", "category", "until"],
         "cadres": ["name", "position", "unit", "staff_no", "git", "active_from", "active_to"],
         "units": ["id", "name", "short_names", "type", "party_committee", "reviewers", "until"]}


# A day in a remark as plain_name gives it (2025-07-15, 2025年7月15日, 2025.7, 2025年7月: the last two, no day).
REMARK_DAY = r"(?:19|20)\d\d[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?|月)?"


REMARKS = ("备注", "说明", "备注说明", "情况说明")  # (a column whose cell may be an ended status, all of it: 已退休)


# A record of each kind, and one that has ended (zh, en).
WHAT = {"classes": ("班级", "class", "撤销、毕业的班级", "a dissolved or graduated class"),
        "clubs": ("社团", "club", "注销、撤销的社团", "a deregistered or dissolved club"),
        "units": ("单位", "unit", "撤销、合并的单位", "a dissolved or merged unit"),
        "cadres": ("干部", "cadre", "离任、调离、退休的干部", "a cadre who has left or retired")}


LAST_DAY = {"cadres": "active_to"}  # (the field of a record's last day: until, but a cadre's)


# A unit's type as the schema's two words, from the words universities use for it.
UNIT_TYPES = {"学院": "学院", "院系": "学院", "学部": "学院", "教学单位": "学院",
              "部门": "部门", "职能部门": "部门", "机关": "部门", "机关部处": "部门", "管理部门": "部门", "党政部门": "部门"}


LIST_SEP = r"[、,，;；/\s]+"


# Headings that name a person's own data: never read (the records are published).
PERSONAL = re.compile(r"学号|身份证|手机|电话|联系方式|邮箱|出生|住址|家庭|籍贯|民族|政治面貌|学生")


# In a class list any name but the staff's is a student's; in a club list, its student officers' and members'.
STUDENT = {"classes": re.compile(r"姓名|名字|性别"), "clubs": re.compile(r"姓名|名字|性别|负责人|会长|社长|团长|主席|(成员|会员)(?!人?数)")}


# A space between the Chinese characters of a person's name: layout, not part of the name.
PADDING = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


# A line break inside a cell (Alt+Enter; NEL, U+2028, U+2029 pasted from elsewhere) and the spaces
# around it: layout, dropped beside a Chinese character, else a space (Software↵Engineering).
BREAK = re.compile(r"\s*" + klass(BREAKS) + r"\s*")


UNSEEN = re.compile(klass(DROPPED))


# Full-width digits and Latin letters (typed in a Chinese input method) → half-width, as written: not the brackets.
half = narrower(NARROW_ALNUM)


WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


# A row's first cell (as plain_name gives it) that makes it a total row, not a record: 合计, 总计：2 个班, 小计(计算机学院),
# 合计人数, 共2个班级，60人, 总人数：60
TOTAL = re.compile(r"(合计|总计|小计|共计)($|[:(\d]|人数|班级|个|数)|共\d+[个名人]|总人数($|[:\d])")


HEADINGS = 10  # (the headings are looked for in a sheet's first rows that hold anything: a title, notes above)


NUMBERING = ("序号", "no", "no.")


# A template's note under a heading (as plain_name gives it: （必填）, 选填, （必填，写全称）), or a labelled line
# below the list (注：…, 制表人：张三, 审核人：李四, 日期：…): a row of them is no record.
NOTE = re.compile(r"\(?(必填|选填|非必填|可选|可不填|可空)项?([,:][^()]*)?\)?|(注|备注|说明|填表说明|[制填]表人?|填报人?"
                  r"|审核人?|审批人?|负责人|经办人|联系人|联系电话|签字|签名|盖章|单位盖章|(制表|填表|填报|报送)?日期)[:].*"
                  r"|.*\(?(盖章|签字|签章|签名)\)?:?")  # (学院（盖章）, 负责人签字：)


# A sheet's name for a range of cohorts (2025级及以前, 2023级以后, 往届): a row's other year is expected there.
RANGE = re.compile(r"[前后早晚]|以上|以下|往届|其[他它]|等")


# A row's one value (as plain_name gives it) that closes a list, so that nothing is added below: 以下空白, （以下无正文）
END = re.compile(r"\(?以下(空白|无正文|无内容|无)\)?")  # (a column's heading, as heading_key gives it, that numbers the rows)


GIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}")


MSG = {
    "dry": {"zh": "试运行，未写入任何文件；确认无误后加 --write 写入。",
            "en": "dry run: nothing was written; add --write to write."},
    "wrote": {"zh": "已写入。请运行 python -m generator validate 检查，再提交。",
              "en": "written. Run python -m generator validate, then commit."},
    "errors": {"zh": "有错误，未写入任何文件。", "en": "there are errors: nothing was written."},
    "new": {"zh": "新增", "en": "new"}, "updated": {"zh": "更新", "en": "update"},
    "same": {"zh": "{n} 条与已有记录相同，不变", "en": "{n} same as existing, unchanged"},
}


def plain_name(name) -> str:
    """A name as compared with another: full-width digits, letters and brackets as half-width
    (NFKC: 计算机２６０１班, 计算机（2601）班) and without spaces (计算机 2601 班); never written so."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "" if name is None else str(name)))


def heading_key(text) -> str:
    return re.sub(r"\([^)]*\)$", "", plain_name(text).lstrip("*")).lower()


def letter(index: int) -> str:
    """Column 1 → A, 27 → AA (as a spreadsheet shows it)."""
    out = ""
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out
