"""Codes of the site stage (generator/site/): what the published site had to leave out."""

CODES = {
    "W-SITE-001": {
        "severity": "warning",
        "zh": "{title}未通过隐私检查（{kind}），网站上不显示这段文字",
        "en": "{title_en} failed the privacy check ({kind}); the site does not show this text",
        "hint_zh": "请删去学生姓名、学号、电话等个人信息，只写“一名学生”“几名学生”。",
        "hint_en": "Remove the student's name, number, phone or other personal data; write 'a student'.",
    },
    "W-SITE-002": {
        "severity": "warning",
        "zh": "政策检查未能运行（{reason}），网站上的按时/逾期/覆盖情况暂缺",
        "en": "the policy checks could not run ({reason}); on-time/late/coverage figures are missing on the site",
        "hint_zh": "请运行 python -m generator check 查看原因。",
        "hint_en": "Run python -m generator check to see why.",
    },
}
