"""Codes of generator/comments.py: a comment after a value on the same line of a ledger, kept nowhere."""

CODES = {
    "W-YAML-001": {
        "severity": "warning",
        "zh": "“{cut}”不会被保存：文字后面“ #”起的部分是注释，台账和网站上都没有它",
        "en": "'{cut}' is not kept: after a text, the words from ' #' on are a comment, on neither the ledger nor the site",
        "hint_zh": "{keep}如果只是备注，请把它移到单独的一行，以“# ”开头（单独一行的注释不会被提醒；注释同样经过隐私检查，不写学生的姓名、学号等）。",
        "hint_en": "{keep_en}If it is a note, move it to a line of its own, beginning '# ' (a comment on its own line is not warned of; comments are privacy-checked as values are: no student's name, number and the like).",
    },
}

# W-YAML-001's ways to keep the words after a text ({title}: the field's): with the line to type in quotes or without it
# (one on several lines), and a quoted text's
KEEP_TEXT = ("如果这段文字是“{title}”的一部分：去掉“#”前面的空格，或给整个值加上英文引号{typed}，"
             "或用“|”另起一行书写（下面各行多缩进两格）。",
             "If it belongs to {name}: drop the space before the '#', or put the whole value in quotes{typed_en}, or "
             "write it under a '|', on the next lines, indented two spaces more. ")
KEEP_QUOTED = ("如果这段文字是“{title}”的一部分：把它写进引号里，或用“|”另起一行书写（下面各行多缩进两格）。",
               "If it belongs to {name}: write it inside the quotes, or under a '|', on the next lines, indented two "
               "spaces more. ")
KEEP_TYPED = ("，这一行写成：{typed}", ", which makes the line: {typed}")
