"""argparse's own words (usage:, options:, its errors) in the language of the command line.

argparse says them through gettext's `_`, which has no Chinese catalogue: a cadre who ran
`python -m generator validate --bad` read `usage:` and `unrecognized arguments` in English.
`use(argv)` puts the words of `--lang` (zh unless `--lang en`) in their place before the
parser is built; a message not listed here stays as argparse says it.
"""
from __future__ import annotations

import argparse
import re

ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",  # (Python before 3.10)
    "show this help message and exit": "显示本帮助并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "unrecognized arguments: %s": "不认识的参数：%s",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "后面要跟一个值",
    "expected at most one argument": "后面最多跟一个值",
    "expected at least one argument": "后面至少要跟一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "没有命令 %(parser_name)r（可用的命令：%(choices)s）",
    "ignored explicit argument %r": "多余的值 %r",
}
ZH_PLURAL = {"expected %s argument": "后面要跟 %s 个值"}

ERROR = {"zh": "{prog}：参数错误：{message}\n", "en": "{prog}: error: {message}\n"}


_HEADING = re.compile("^(" + "|".join(map(re.escape, {ZH["positional arguments"], ZH["options"]})) + "):$", re.M)


def headed(text: str, lang: str) -> str:
    """A --help `text` whose headings (选项:, argparse puts an ASCII colon after each) end as Chinese writes them."""
    return _HEADING.sub(r"\1：", text) if lang == "zh" else text


def lang_of(argv: list[str]) -> str:
    """The language the command line asks for, as argparse reads it: the last `--lang en` or `--lang=en`
    gives en, anything else zh."""
    lang = "zh"
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            lang = arg[7:]
        elif arg == "--lang":
            lang = next(iter(argv[i + 1:i + 2]), "zh")
    return "en" if lang == "en" else "zh"


LANG = "zh"  # (of the command line: set by `use` before the parser is built)


def say(zh: str, en: str) -> str:
    """The words of an option's help, a command's exit status or a bad value, in the language of the
    command line: one language, not the Chinese with the English after it."""
    return en if LANG == "en" else zh


def use(lang: str) -> None:
    """argparse's words in `lang` from now on (argparse reads its `_` and `ngettext` at each message)."""
    from gettext import gettext, ngettext

    global LANG
    LANG = lang
    if lang == "en":
        argparse._, argparse.ngettext = gettext, ngettext
        return
    argparse._ = lambda message: ZH.get(message, gettext(message))
    argparse.ngettext = lambda one, many, n: ZH_PLURAL[one] if one in ZH_PLURAL else ngettext(one, many, n)
