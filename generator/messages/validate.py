"""Codes of the validate stage: JSON Schema checks of each record file."""

CODES = {
    "E-SCHEMA-000": {
        "severity": "error",
        "zh": "找不到“{kind}”类记录的 JSON Schema（schemas/{kind}.schema.json）",
        "en": "no JSON Schema for records of kind '{kind}' (schemas/{kind}.schema.json)",
        "hint_zh": "这是系统安装问题，请联系管理员。",
        "hint_en": "This is an installation problem; tell an administrator.",
    },
    "E-SCHEMA-001": {
        "severity": "error",
        "zh": "{where}缺少必填项“{title}”（{field}）",
        "en": "{where_en}required field '{field}' is missing",
        # (a list's key left out, its items read as the list above's: validate._list_key_missing's {add})
        "hint_zh": "{add}{description}",
        # ({description_en}: the schema's description, in Chinese as it is written, before the line to type, last)
        "hint_en": "{description_en}{add_en}",
    },
    "E-SCHEMA-002": {
        "severity": "error",
        "zh": "不认识的字段“{field}”",
        "en": "unknown field '{field}'",
        # ({typed}: the line to type, last, so that all after 这一行写成： is the line)
        "hint_zh": "{suggestion}允许的字段有：{allowed}。{typed}",
        "hint_en": "{suggestion_en}Allowed fields: {allowed_en}.{typed_en}",
    },
    "E-SCHEMA-003": {
        "severity": "error",
        "zh": "“{title}”应为{expected}，这里是{found}{shown}",
        "en": "'{title_en}' must be {expected_en}; found {found_en}{shown_en}",
        "hint_zh": "{type_hint}",
        "hint_en": "{type_hint_en}",
    },
    "E-SCHEMA-004": {
        "severity": "error",
        "zh": "“{title}”的值 {value} 不在允许范围内",
        "en": "'{title_en}' value {value} is not allowed",
        "hint_zh": "可选值：{allowed}。",
        "hint_en": "Allowed values: {allowed_en}.",
    },
    "E-SCHEMA-005": {
        "severity": "error",
        "zh": "“{title}”的格式不对：{value}",
        "en": "'{title_en}' is not in the expected format: {value}",
        "hint_zh": "{format_hint}",
        "hint_en": "{format_hint_en}",
    },
    "E-SCHEMA-006": {
        "severity": "error",
        "zh": "“{title}”{problem}",
        "en": "'{title_en}' {problem_en}",
        "hint_zh": "{description}",
        "hint_en": "{description_en}",
    },
    "E-SCHEMA-007": {
        "severity": "error",
        "zh": "“{title}”中有重复的项",
        "en": "'{title_en}' has duplicate items",
        "hint_zh": "每一项只写一次。",
        "hint_en": "List each item once.",
    },
    "E-SCHEMA-008": {
        "severity": "error",
        "zh": "联系点须填写且只填写“联系班级”(class) 或“联系社团”(club) 中的一项",
        "en": "give exactly one of 'class' or 'club'",
        "hint_zh": "班级写 class: 班级编号；社团写 club: 社团编号。",
        "hint_en": "Write 'class: <id>' for a class or 'club: <id>' for a club.",
    },
    "E-SCHEMA-009": {
        "severity": "error",
        "zh": "日期 {value} 不存在",
        "en": "the date {value} does not exist",
        "hint_zh": "请检查月份和日期（如 2 月没有 30 日）。",
        "hint_en": "Check the month and the day (February has no 30th).",
    },
    "E-SCHEMA-010": {
        "severity": "error",
        "zh": "“{title}”不符合 Schema 中的“{rule}”规则：{value}",
        "en": "'{title_en}' is not valid: {detail}",
        "hint_zh": "{description}",
        "hint_en": "See the field's description in schemas/ (the Chinese hint quotes it).",
    },
    # (a fact left as a hint's lines or a generated ledger wrote it: validate.PLACEHOLDER, E-SCHEMA-001's lines)
    "E-SCHEMA-011": {
        "severity": "error",
        "zh": "“{title}”还是占位的“{placeholder}”，不是实际的值",
        "en": "'{title_en}' is still the placeholder {placeholder} (to fill in), not a real value",
        "hint_zh": "“{placeholder}”是提示给出的几行（或生成的台账）留给您填写的地方，照抄通不过检查：请换成实际的“{title}”{kept}。"
                   "{description}",
        "hint_en": "{placeholder} marks where the lines a hint gives (or a generated ledger) leave the value to you, "
                   "and never passes as it is: type the real value{kept_en}.",
    },
}

# E-SCHEMA-002's {suggestion} for a field of a mapping above, written where it is not taken (validate._owner_of):
# whose field it is and where it was written; then why not here, by the field's path without its items' numbers
# (NOT_HERE), else that it goes in the mapping it belongs to.  (Not 是不是想写…？: the name is no near miss.)
FIELD_ABOVE = ("{field}（{title}）是“{owner}”的字段，不能写在“{here}”中：",
               "'{field}' is a field of {owner_en}, not of {here_en}: ")
FIELD_ABOVE_MOVE = ("请把它写在“{owner}”中（看一下缩进），或删去它。", "write it in {owner_en} (mind the indentation), or delete it. ")
NOT_HERE = {
    # (site/guide/admin.md: a status is not retired so; a replacement of its meaning and a synonyms entry)
    ("vocabularies", "earlier", "feedback_statuses"): (
        "以往的词表留不住办理状态（状态的含义决定问题是否已解决、是否超期），这里写了不起作用，请删去它。"
        "要停用一个办理状态时，在同一次提交中把接替它的状态写进 feedback_statuses（meaning 写原来的含义），删去原来的状态，"
        "并在 vocabularies.synonyms 写一项 {{word: 接替的状态, also: [原来的状态]}}：还写着原来状态的台账，"
        "“怎么改”会说出要改成的状态（见管理员指南）。",
        "earlier keeps no statuses (a status's meaning says whether an item is resolved or overdue): written here it "
        "counts for nothing; delete it. To retire a status, in the same commit add the status replacing it to "
        "feedback_statuses (its meaning the old one's), delete the old one, and add to vocabularies.synonyms an entry "
        "{{word: <the new status>, also: [<the old status>]}}: each ledger still writing the old status is told the new "
        "one to write (see the admin guide). "),
}
