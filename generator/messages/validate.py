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
