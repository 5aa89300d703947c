"""Codes of the references stage: ids, file names and cross-record consistency."""

CODES = {
    "E-REF-001": {
        "severity": "error",
        "zh": "{what}“{ref}”不存在",
        "en": "{what_en} '{ref}' does not exist",
        "hint_zh": "请检查拼写；现有的{what}编号见 {where}。{suggestion}",
        "hint_en": "Check the spelling; existing ids are in {where}. {suggestion_en}",
    },
    "E-REF-002": {
        "severity": "error",
        "zh": "编号“{ref}”重复（已在 {other} 使用）",
        "en": "id '{ref}' is used twice (already in {other})",
        "hint_zh": "每个编号只能用一次；请改用一个新的编号。",
        "hint_en": "Each id may be used once; choose a new one.",
    },
    "E-REF-003": {
        "severity": "error",
        "zh": "{field}“{value}”与文件位置不一致（应为“{expected}”）",
        "en": "{field_en} '{value}' does not match the file's location (expected '{expected}')",
        "hint_zh": "文件名和文件夹决定记录的归属：请改正内容，或把文件移动/改名为正确的位置。",
        "hint_en": "File name and folder decide what a record is; fix the value or move the file.",
    },
    "E-REF-004": {
        "severity": "error",
        "zh": "活动日期 {date} 不在本期（{period}：{start} 至 {end}）之内",
        "en": "activity date {date} is outside the period {period} ({start} to {end})",
        "hint_zh": "请检查日期；其他期间的活动请记入那一期的台账。",
        "hint_en": "Check the date; activities of another period belong in that period's ledger.",
    },
    "E-REF-005": {
        "severity": "error",
        "zh": "“{title}”的值“{value}”不在政策词表中",
        "en": "'{title}' value '{value}' is not in the policy vocabulary",
        "hint_zh": "可选值：{allowed}。如需新增，请管理员修改 records/policy.yaml。",
        "hint_en": "Allowed: {allowed}. Administrators extend the list in records/policy.yaml.",
    },
    "E-REF-006": {
        "severity": "error",
        "zh": "跟进的编号“{ref}”{problem}",
        "en": "follows '{ref}': {problem_en}",
        "hint_zh": "follows 填写以前某一期台账中那一条反映的编号。",
        "hint_en": "'follows' names the id of an item in an earlier ledger.",
    },
    "E-REF-007": {
        "severity": "error",
        "zh": "期间“{value}”不是政策规定的填报期间",
        "en": "'{value}' is not a ledger period defined by the policy",
        "hint_zh": "期间写作 年份-代号，代号见 records/policy.yaml（如 2026-H1、2026-H2）。",
        "hint_en": "Periods are year-code, e.g. 2026-H1, with codes from records/policy.yaml.",
    },
    "E-REF-008": {
        "severity": "error",
        "zh": "结束日期 {end} 早于开始日期 {start}",
        "en": "end date {end} is before start date {start}",
        "hint_zh": "请检查两个日期是否写反。",
        "hint_en": "Check whether the two dates are swapped.",
    },
    "E-REF-009": {
        "severity": "error",
        "zh": "缺少必需的记录文件 {path}",
        "en": "required record file {path} is missing",
        "hint_zh": "请按 README 的“记录目录”一节补上这个文件。",
        "hint_en": "Add the file as README's records layout describes.",
    },
    "E-REF-010": {
        "severity": "error",
        "zh": "“{title}”须在“{parent_title}”的起止日期（{start} 至 {end}）之内：{value}",
        "en": "'{title}' must lie within {parent_title} ({start} to {end}): {value}",
        "hint_zh": "请检查日期。",
        "hint_en": "Check the date.",
    },
}
