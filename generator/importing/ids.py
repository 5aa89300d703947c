"""The ids an import makes: a cadre's from the pinyin of the name (compound surnames whole), a class's
or club's numbered."""
from __future__ import annotations

import re

from generator.surnames import COMPOUNDS  # (the compound surnames, as a surname reads)


# Surnames whose everyday reading is not a surname's (pypinyin reads the character, not the name).
SURNAMES = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
            "覃": "qin", "盖": "ge", "缪": "miao", "乐": "yue", "尉": "yu", "繁": "po", "员": "yun",
            "句": "gou", "种": "chong", "秘": "bi", "翟": "zhai", "召": "shao", "长孙": "zhangsun"}


SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def pinyin_id(name: str, compound: bool = True) -> str:
    """A cadre's id as the project writes them: surname-given in pinyin (白涛玉 → bai-taoyu,
    吕婷娜 → lyu-tingna, a compound surname whole, as a surname reads: 欧阳娜娜 → ouyang-nana, 万俟明 →
    moqi-ming); "" when the name has no Chinese characters to read.  `compound` False: the id imports
    wrote before (ou-yangnana, wan-qiming), that a record may still have."""
    from pypinyin import lazy_pinyin

    name = re.sub(r"[\s·•.]", "", name)
    surname = next((s for s in sorted(SURNAMES, key=len, reverse=True) if name.startswith(s)), None)
    if compound and name[:2] in COMPOUNDS and len(name) > 2:
        first, given = COMPOUNDS[name[:2]], name[2:]
    elif surname:
        first, given = SURNAMES[surname], name[len(surname):]
    else:
        first, given = "".join(lazy_pinyin(name[:1])), name[1:]
    parts = [re.sub(r"[^a-z0-9]", "", p.lower().replace("v", "yu")) for p in (first, "".join(lazy_pinyin(given)))]
    return "-".join(p for p in parts if p)


def taken_hint(other: str, what: str, what_en: str) -> dict:
    """E-IMP-008's hint when the row's name is a record's of the id `other`."""
    return {"fix": f"记录中的这个{what}就是编号 {other}：请把表格中这一行的{what}编号改成 {other}（或删去这一行），"
                   f"再运行一次导入；确是另一个{what}时，请改正这一行的名称。",
            "fix_en": f"The record of this {what_en} has the id {other}: write {other} as this row's id (or delete the row) "
                      f"and run the import again; if it is another {what_en}, correct this row's name."}


def numbered_id(stem: str, ids: set, numbered: dict) -> str:
    """A new id `stem`NN: the smallest number not taken (`ids`); ids are only added, so none below
    the last `numbered` gave this stem."""
    k = numbered.get(stem, 1)
    while f"{stem}{k:02d}" in ids:
        k += 1
    numbered[stem] = k
    return f"{stem}{k:02d}"
