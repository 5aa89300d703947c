"""Codes of the load stage: reading files and parsing YAML."""

CODES = {
    "E-LOAD-001": {
        "severity": "error",
        "zh": "文件不是有效的 UTF-8 编码（第 {line} 行附近有无法识别的字节）{guess}",
        "en": "the file is not valid UTF-8 (undecodable bytes near line {line}){guess_en}",
        "hint_zh": "请用 UTF-8 编码另存该文件：记事本选“文件 → 另存为”，在下方“编码”中选“UTF-8”；WPS/Word 请另存为“纯文本”并选 UTF-8；VS Code 点右下角的编码，选“通过编码保存”→“UTF-8”。",
        "hint_en": "Save the file as UTF-8 (Notepad: File → Save as, Encoding: UTF-8).",
    },
    "E-LOAD-002": {
        "severity": "error",
        "zh": "文件为空",
        "en": "the file is empty",
        "hint_zh": "请填写内容，或删除这个空文件。{new}",
        "hint_en": "Fill in the record or delete the empty file.{new_en}",
    },
    "E-LOAD-003": {
        "severity": "error",
        "zh": "文件过大（{size} 字节，上限 {limit} 字节）",
        "en": "the file is too large ({size} bytes, limit {limit})",
        "hint_zh": "一个记录文件不应这么大；请检查是否误粘贴了大段内容或二进制数据。",
        "hint_en": "A record file should not be this large; check for pasted bulk or binary content.",
    },
    "E-LOAD-004": {
        "severity": "error",
        "zh": "文件不在已知的记录目录中：{path}",
        "en": "file is not in a known records folder: {path}",
        "hint_zh": "{how}",  # (MOVE_LEDGER's for a ledger in a folder under its period's, MERGE_LEDGER's when one of its name is there, else NOT_A_RECORD's)
        "hint_en": "{how_en}",
    },
    "E-LOAD-005": {
        "severity": "error",
        "zh": "符号链接指向 {records}/ 目录之外：{target}",
        "en": "symbolic link leads outside {records}/: {target}",
        "hint_zh": "请把真实文件放进 {records}/，不要使用指向外部的链接。",
        "hint_en": "Put the real file into {records}/ instead of a link to the outside.",
    },
    "E-LOAD-006": {
        "severity": "error",
        "zh": "文件含有二进制内容（NUL 字节），不是文本",
        "en": "the file contains binary content (NUL bytes)",
        "hint_zh": "记录必须是纯文本 YAML 文件。",
        "hint_en": "Records must be plain-text YAML.",
    },
    "E-LOAD-007": {
        "severity": "error",
        "zh": "无法读取文件（系统提示：{reason}）",
        "en": "cannot read the file: {reason}",
        "hint_zh": "请检查文件是否还在、是否是失效的符号链接，以及文件权限。",
        "hint_en": "Check that the file exists (not a dangling symbolic link) and its permissions.",
    },
    "E-LOAD-008": {
        "severity": "error",
        "zh": "这是一个文件夹，不是记录文件（名称以 .yaml 结尾）",
        "en": "this is a folder, not a record file (its name ends in .yaml)",
        "hint_zh": "请给文件夹改名，或把其中的记录移到正确位置；文件夹内的内容不会被读取。",
        "hint_en": "Rename the folder or move its records where they belong; its contents are not read.",
    },
    "E-LOAD-009": {
        "severity": "error",
        "zh": "记录文件的扩展名必须是小写的 .yaml：{name} 不会被读取",
        "en": "record files must end in lower-case .yaml: {name} is not read",
        "hint_zh": "请把文件改名为 {renamed}{rewrite}；Windows 默认不显示文件扩展名，"
                   "请先在资源管理器的“查看”中勾选“文件扩展名”再改名（记事本“另存为”时“保存类型”选“所有文件”）。"
                   "不是记录的文件请移出 {records}/。",
        "hint_en": "Rename the file to {renamed}{rewrite_en}; Windows hides file name extensions: tick "
                   "'File name extensions' under View in Explorer before renaming (in Notepad's Save as, choose 'All "
                   "files'). Move files that are not records out of {records}/.",
    },
    "E-LOAD-010": {
        "severity": "error",
        "zh": "不是普通文件（设备、管道等），不能作为记录读取",
        "en": "not a regular file (a device, a pipe …); it cannot be read as a record",
        "hint_zh": "请删除它，在这里放普通的 YAML 文本文件。",
        "hint_en": "Remove it; records are plain YAML text files.",
    },
    "E-LOAD-011": {
        "severity": "error",
        "zh": "文件含有看不见的{kind} {char}",
        "en": "the file contains an invisible {kind_en} {char}",
        "hint_zh": "这通常是从其他软件复制粘贴带来的；请删除该位置的字符后重新输入。",
        "hint_en": "Usually pasted from another program; delete the character at this position and retype.",
    },
    "E-LOAD-012": {
        "severity": "error",
        "zh": "{folder} 应是放记录的文件夹，这里却是一个文件：其中的记录都读不到",
        "en": "{folder} should be a folder of records but is a file: none of its records can be read",
        "hint_zh": "请把这个文件改名或移出 {records}/（常是误把名单另存成了这个名字；内容若有用，请另存为记录），再新建文件夹 {folder}/，把其中的 .yaml 记录放回去（可从 Git 历史中找回：git checkout -- {restore}）。因它而找不到的干部、班级等，随后各处的 E-REF 错误都是同一个原因。",
        "hint_en": "Rename the file or move it out of {records}/ (most often a list saved under this name; keep what is of use as records), make the folder {folder}/ and put its .yaml records back (from Git: git checkout -- {restore}). The E-REF errors of cadres, classes … not found follow from this one.",
    },
    "E-INTERNAL-001": {
        "severity": "error",
        "zh": "检查程序内部错误（{stage}）：{error}；其余检查结果仍然有效",
        "en": "internal error in a check ({stage}): {error}; the other findings are still valid",
        "hint_zh": "这是程序的缺陷，不是您的错误；请把这一行报告给管理员。先修正其他错误后再试。",
        "hint_en": "This is a bug in the program, not your mistake; report this line to an administrator.",
    },
    "E-YAML-001": {
        "severity": "error",
        "zh": "YAML 语法错误：{problem_zh}",
        "en": "YAML syntax error: {problem}",
        "hint_zh": "{fix}",  # (load.yaml_problem's, or the line to type: yaml_hints.quote_it)
        "hint_en": "{fix_en}",
    },
    "E-YAML-002": {
        "severity": "error",
        "zh": "用 Tab 键缩进",
        "en": "a tab is used for indentation",
        "hint_zh": "YAML 只能用空格缩进：请把 Tab 换成{spaces}",
        "hint_en": "YAML indents with spaces only: replace the tab with {spaces_en}",
    },
    "E-YAML-003": {
        "severity": "error",
        "zh": "重复的键“{key}”（第一次出现在第 {first_line} 行）",
        "en": "duplicate key '{key}' (first at line {first_line})",
        "hint_zh": "同一层级中每个键只能出现一次；请合并或删除重复的一行，以免内容被悄悄覆盖。{item}",
        "hint_en": "Each key may appear once per mapping; merge or remove the duplicate.{item_en}",
    },
    "E-YAML-004": {
        "severity": "error",
        "zh": "一个文件中有多个 YAML 文档（“---”分隔）",
        "en": "the file holds more than one YAML document ('---')",
        "hint_zh": "每个文件只写一条记录；请删除多余的“---”或拆分成多个文件。",
        "hint_en": "One record per file; remove the extra '---' or split the file.",
    },
    "E-YAML-005": {
        "severity": "error",
        "zh": "不允许使用 YAML 锚点/别名（&、*）",
        "en": "YAML anchors and aliases (&, *) are not allowed",
        "hint_zh": "请把要重复的内容直接写出来。",
        "hint_en": "Write repeated content out in full.",
    },
    "E-YAML-006": {
        "severity": "error",
        "zh": "键必须是文字，这里是 {found}",
        "en": "keys must be text; found {found_en}",
        "hint_zh": "请把键改为文字（如 name），或给它加上引号。",
        "hint_en": "Use a text key, or quote it.",
    },
    "E-YAML-007": {
        "severity": "error",
        "zh": "文件最外层必须是“键: 值”的映射，这里是{found}",
        "en": "the top level must be a mapping of keys to values; found {found_en}",
        "hint_zh": "请参照 README 中该类记录的示例，从“键: 值”开始书写。",
        "hint_en": "Start the file with 'key: value' lines, as in README's example.",
    },
    "E-YAML-008": {
        "severity": "error",
        "zh": "{nest}嵌套层级过深（超过 {limit} 层）",
        "en": "nesting is too deep (more than {limit} levels){nest_en}",
        "hint_zh": "记录的结构不会这么深。{how}",
        "hint_en": "Records are never this deep. {how_en}",
    },
    "E-YAML-009": {
        "severity": "error",
        "zh": "不支持的 YAML 标签 {tag}",
        "en": "unsupported YAML tag {tag}",
        "hint_zh": "请删除以“!”开头的标签，直接写值。",
        "hint_en": "Remove the '!' tag and write the plain value.",
    },
    "E-YAML-011": {
        "severity": "error",
        "zh": "“{cut}”不会被读取：空格后面以“#”开头的文字是注释",
        "en": "'{cut}' is not read: text after a space and '#' is a comment",
        "hint_zh": "如果这是要写进去的内容（如话题 #开学第一课#），请给整个值加上英文引号，如 \"……#开学第一课#……\"，或去掉“#”；如果是给自己的注释，请把它写在单独的一行，以“# ”开头。",
        "hint_en": "If it belongs to the value (a tag such as #topic#), put the whole value in quotes or drop the '#'; if it is a note, put it on a line of its own, beginning '# '.",
    },
    "E-YAML-012": {
        "severity": "error",
        "zh": "方括号列表中用了中文的“{char}”：“{value}”会被读成一项，而不是几项",
        "en": "a Chinese '{char}' in a [ ] list: '{value}' is read as one item, not several",
        "hint_zh": "方括号里的各项要用英文逗号“,”分开，应写作 {meant}；如果这确实是一项，请给它加上英文引号，如 [\"{value}\"]。",
        "hint_en": "Items in [ ] are separated by an ASCII comma: write {meant}; if it is one item, quote it: [\"{value}\"].",
    },
    "E-YAML-013": {
        "severity": "error",
        "zh": "冒号后面少了一个空格：“{key}:{value}”会被当成一整段文字，而不是字段“{key}”和它的值",
        "en": "no space after the colon: '{key}:{value}' is read as one piece of text, not as the field '{key}' and its value",
        "hint_zh": "请在冒号后面加一个空格，写成 {key}: {value}",
        "hint_en": "Put a space after the colon: {key}: {value}",
    },
    "E-YAML-014": {
        "severity": "error",
        "zh": "双引号里的“{esc}”是转义，会被读成{what}，而不是反斜杠和后面的字",
        "en": "'{esc}' in double quotes is an escape, read as {what_en}, not as a backslash and what follows",
        "hint_zh": "要照原样写反斜杠（如文件夹路径 D:\\资料），请改用英文单引号，单引号里的反斜杠就是文字{typed}。如果那里本来是从别处粘贴来的{what}（以前的网页表单把它写成“{esc}”），请把“{esc}”删掉或换成空格。",
        "hint_en": "To keep the backslash as written (a folder path such as D:\\files), use single quotes, where a backslash is text{typed_en}. If it was {what_en} pasted from elsewhere (the web form used to write it as '{esc}'), delete '{esc}' or put a space instead.",
    },
    "E-YAML-015": {
        "severity": "error",
        "zh": "列表的一项写到了下一行：“{cont}”会和上一行连成一项“{value}”",
        "en": "a list item runs onto the next line: '{cont}' is read together with the line above as one item, '{value}'",
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-YAML-016": {
        "severity": "error",
        "zh": "这一行字段前面有一个看不见的{name}（常见于从网页、Word 或微信复制来的文字）：YAML 不把它当作缩进，而当成了文字，这一行读不出来",
        "en": "an invisible {name_en} stands before this line's field (as copied from a web page, Word or WeChat): YAML reads it as text, not as indentation",
        "hint_zh": "请删掉它：它不占位置，编辑器里看不出来，可以把这一行开头的空白全部删掉，再用空格重新缩进。{typed}",
        "hint_en": "Delete it: it takes no room and no editor shows it; delete the blanks at the start of the line and indent it again with spaces.{typed_en}",
    },
    "E-YAML-010": {
        "severity": "error",
        "zh": "这里用了{char}，YAML 的格式符号要用英文（半角）的{ascii}",
        "en": "a {char_en} is used where YAML needs the ASCII {ascii_en}",
        "hint_zh": "请切换到英文输入法，把它改成{ascii}{fix}（文字内容里的中文标点不受影响）。{typed}",
        "hint_en": "Switch to an English keyboard and type {ascii_en} instead{fix_en} (Chinese punctuation inside texts is fine).{typed_en}",
    },
}

# E-LOAD-004's hints: a file where no record goes; a ledger in a folder of its own under (or above) its period's
# (ledgers/2026-H1/xgb/li-na.yaml, a unit's folder), told where it goes.
NOT_A_RECORD = ("记录文件只能放在 README“记录目录”一节列出的位置；请移动或删除它。",
                "Record files belong only where README's records layout says; move or delete it.")
MOVE_LEDGER = ("台账直接放在期间的文件夹中，不按单位或别的分类再分文件夹：请把它移到 {target}。",
               "A ledger goes straight into its period's folder, in no folder of a unit or anything else: move it to {target}.")
# (a copy of a ledger filed already, kept in a folder of its own: moved as told, it would overwrite the filed one)
MERGE_LEDGER = ("已有同名台账 {target}：请比较两份，把要保留的内容并入它，再删除这一份。",
                "A ledger of the same name is filed already, {target}: compare the two, merge into it what is to be "
                "kept, then delete this one.")
# (a value begun with a '#' — 学生人数：#25, students: #25 —, all a comment to YAML: the field is empty)
HASH_SAID = ("（值前面的“#”在 YAML 中是注释的开始，后面的值读不到：去掉“#”）",
             " (a '#' before the value starts a comment in YAML, and the value after it is not read: drop the '#')")
HASH_QUOTED = ("（值开头的“#”在 YAML 中是注释的开始，后面的文字读不到：整个值加上英文引号，“#”就是文字）",
               " (a '#' at the value's start begins a comment in YAML, and the text after it is not read: in quotes, "
               "the whole value keeps its '#')")
HASH_LISTED = ("（值前面的“#”在 YAML 中是注释的开始，后面的值读不到：去掉“#”；这里要写一个列表，每项一行，以“- ”开头）",
               " (a '#' before the value starts a comment in YAML, and the value after it is not read: drop the '#'; "
               "this is a list, an item a line, each beginning '- ')")
HASH_VALUE = ("；值以“#”开头，“{title}”就是空的", ", and the value begins with it: {name} is empty")
