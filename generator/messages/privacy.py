"""Codes of the privacy stage (R16): no student is identified in the records."""

CODES = {
    "E-PRIV-001": {
        "severity": "error",
        "zh": "疑似学生个人信息（{kind}）：{masked}",
        "en": "possible student personal data ({kind_en}): {masked}",
        "hint_zh": "记录和网站对所有人公开，不得出现学生的{kind}。请删除它，用“一名学生”“几名学生”等不指向个人的说法改写。"
                   "若确属误报，请管理员在 {records}/privacy-exceptions.yaml 登记一条（file: {rel}，line: {line}，kind: {kind_id}，"
                   "并写明原因）。{teaching}",
        "hint_en": "Records and the site are public: remove the {kind_en} and write about 'a student' instead. "
                   "If this is a false alarm, an administrator adds an entry to {records}/privacy-exceptions.yaml "
                   "(file: {rel}, line: {line}, kind: {kind_id}, with the reason).{teaching_en}",
    },
    "E-PRIV-002": {
        "severity": "error",
        "zh": "学号格式（正则表达式）无效：{reason}",
        "en": "invalid student number pattern (regular expression): {reason_en}",
        "hint_zh": "请改正 privacy.student_number_patterns 中的这一项：它是只写学号数字本身的正则表达式（分段书写的学号会去掉"
                   "空格和连字符再比对），如 [0-9]{{n}} 表示 n 位数字、[0-9]{{m,n}} 表示 m 到 n 位数字；方括号和花括号要成对，"
                   "不要写 (?…) 标志，也不要写能匹配空文字的表达式。本校学号有几种长度就都写上。",
        "hint_en": "Fix this entry of privacy.student_number_patterns: a regular expression for the digits of a student "
                   "number alone (one written in groups is compared without its spaces and hyphens) — [0-9]{{n}} for n "
                   "digits, [0-9]{{m,n}} for m to n digits — with its brackets and braces paired, no (?…) flags, and "
                   "nothing that matches empty text. Cover every length your school's numbers have.",
    },
    "E-PRIV-003": {
        "severity": "error",
        "zh": "无法读取受保护姓名名单（环境变量 {env} 指定的文件）：{reason}",
        "en": "cannot read the protected-names list (the file named by {env}): {reason}",
        "hint_zh": "请检查路径和权限；名单为 UTF-8 文本，每行一个姓名，放在仓库之外，切勿提交。不使用名单时请取消该环境变量。",
        "hint_en": "Check the path and permissions: a UTF-8 text file outside the repository, one name per line, "
                   "never committed.  Unset the variable to run without a list.",
    },
    "E-PRIV-004": {
        "severity": "warning",
        "zh": "这条隐私例外（{rel} 第 {line} 行，{kind}）没有对应的检查结果，已不再需要",
        "en": "this privacy exception ({rel} line {line}, {kind}) silences nothing any more",
        "hint_zh": "被登记的那一行可能已修改或移动；请删除这条例外，或改为正确的文件、行号和类别。",
        "hint_en": "The line may have changed or moved; delete the entry or correct its file, line and kind.",
    },
    "E-PRIV-005": {
        "severity": "error",
        "zh": "未知的隐私信息类别“{kind}”",
        "en": "unknown kind of personal data '{kind}'",
        "hint_zh": "类别可选：{allowed}（phone 同时指 mobile 与 landline）。",
        "hint_en": "Kinds: {allowed} (phone means mobile and landline).",
    },
    "W-PRIV-001": {
        "severity": "warning",
        "zh": "“同学”前面可能是学生的姓名，请审核：{masked}同学",
        "en": "possibly a student's full name before 同学 (classmate), to be reviewed: {masked}同学",
        # (short: what to write instead, how a false alarm is silenced; why only a warning, what the site does and the
        # policy's words of no name are in the guide's section it names — site/guide/privacy.md)
        "hint_zh": "不写学生的姓名，改写为“一名同学”（几人写“几名同学”）。确实不是姓名的，请管理员在 "
                   "{records}/privacy-exceptions.yaml 登记（file: {rel}，line: {line}，kind: full_name）；"
                   "详见 使用指南 → 隐私保护与异常文件检查 → “同学”前不是姓名的字和词。",
        "hint_en": "Name no student: write 一名同学 (a student; several: 几名同学) instead. If it is no name, an "
                   "administrator adds an exception to {records}/privacy-exceptions.yaml (file: {rel}, line: {line}, "
                   "kind: full_name); more in the guide: 隐私保护与异常文件检查 → “同学”前不是姓名的字和词.",
    },
}


# (E-PRIV-001's {teaching}: a room told right after a building's name, before 同学 — the policy's list may say it is a class's)
TEACHING_HINT = {
    "zh": "这间房若在教学楼、办公楼、图书馆里（同学在那里上课、开会），请管理员把楼名写进 {records}/policy.yaml 的 "
          "privacy.teaching_buildings，这栋楼里的房间就都不再报警，不必逐条登记（见 使用指南 → 隐私保护与异常文件检查 → "
          "教学楼、办公楼的名称）。",
    "en": " If the room is in a teaching or an office building or the library (students in a class or a meeting there), "
          "an administrator lists the building's name in {records}/policy.yaml privacy.teaching_buildings: no room of it "
          "is told any more, no entry line by line (the guide: 隐私保护与异常文件检查 → 教学楼、办公楼的名称).",
}
