"""The characters nobody sees, or sees as something else, each class written once with its names.

Every place that looks for them builds its pattern from here: the loader (E-LOAD-011), the
YAML hints (E-YAML-014), the import (dropped, as Excel shows none of them), the new ledger's
comments, the hints for a name (suggest: “…末尾多了一个零宽空格”) and the web form's
JavaScript, written into the admin page when it is built (cms.CHANGES)."""
from __future__ import annotations

import re


class Lazy:
    """A regular expression compiled when it is first used (re.compile's arguments): every module's
    expressions compiled at its import cost each command's start, and a run served from the cache uses
    few of them.  Once compiled, its methods are this object's own attributes."""

    def __init__(self, pattern, flags: int = 0):
        self._source = (pattern, flags)

    def __reduce__(self):  # (a copy, a pickle: the expression's arguments, compiled again when used)
        return Lazy, self._source

    def __getattr__(self, name: str):
        if name.startswith("__"):  # (copy's, pickle's questions: this object's, not the expression's)
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attr in ("search", "finditer", "findall", "match", "fullmatch", "sub", "subn", "split", "groups",
                     "groupindex", "pattern", "flags"):
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)


def _span(first: int, last: int, zh: str, en: str) -> dict:
    return {chr(c): (zh, en) for c in range(first, last + 1)}


# Line breaks exactly as YAML (and libyaml) counts lines; the last three nobody sees as such.
LINE_BREAKS = {"\n": ("换行符", "line feed"), "\r": ("回车符", "carriage return"),
               "\x85": ("下一行符", "next-line character"), "\u2028": ("行分隔符", "line separator"),
               "\u2029": ("段落分隔符", "paragraph separator")}
# What other programs break a line with, and YAML calls a control character (vertical tab,
# form feed, file/group/record separators: Python's str.splitlines).
OTHER_BREAKS = {"\v": ("垂直制表符", "vertical tab"), "\f": ("换页符", "form feed"),
                **_span(0x1C, 0x1E, "分隔控制符", "separator control character")}
# Characters YAML does not allow in a file (libyaml would stop with an English message); a tab is allowed.
CONTROL = {**_span(0x00, 0x08, "控制字符", "control character"), **_span(0x0E, 0x1F, "控制字符", "control character"),
           **OTHER_BREAKS, **_span(0x7F, 0x9F, "控制字符", "control character"), "\x85": LINE_BREAKS["\x85"],
           "\ufffe": ("无效字符", "invalid character"), "\uffff": ("无效字符", "invalid character")}
# Characters of no width, shown as nothing (pasted from a web page, WeChat, a PDF).
INVISIBLE = {"\u00ad": ("软连字符", "soft hyphen"), "\u200b": ("零宽空格", "zero-width space"),
             **_span(0x200C, 0x200D, "零宽字符", "zero-width character"),
             **_span(0x200E, 0x200F, "文字方向符", "text-direction mark"),
             **_span(0x202A, 0x202E, "文字方向符", "text-direction mark"),
             **_span(0x2060, 0x2064, "零宽字符", "zero-width character"),
             **_span(0x2066, 0x2069, "文字方向符", "text-direction mark"),
             "\ufeff": ("零宽字符", "zero-width character")}
# Spaces that look like one but are not " " (an input method's, a web page's, a Word table's).
SPACES = {"\u3000": ("中文（全角）空格", "full-width space"), "\u00a0": ("不换行空格", "no-break space"),
          "\u2007": ("数字宽度空格", "figure space"), "\u2009": ("窄空格", "thin space"),
          "\u200a": ("极窄空格", "hair space"), "\u202f": ("窄不换行空格", "narrow no-break space")}
# What any program reads as a new line, and what a text is written without (the import, the form).
BREAKS = {**LINE_BREAKS, **OTHER_BREAKS}
DROPPED = {c: name for c, name in {**CONTROL, **INVISIBLE}.items() if c not in BREAKS}


def klass(chars) -> str:
    """A regular expression's character class of `chars`, written with escapes (\\uXXXX) and ranges:
    the same text for Python's re and for a JavaScript literal."""
    codes, out = sorted(map(ord, chars)), []
    for c in codes:
        if out and out[-1][1] == c - 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    esc = lambda c: f"\\u{c:04x}"
    return "[" + "".join(esc(a) if a == b else esc(a) + ("" if b == a + 1 else "-") + esc(b) for a, b in out) + "]"


# " " or any of SPACES, as a class (the loader's hints, the privacy check's expressions, the web form's
# patterns: a space typed between 张 and 同学 is one whatever its width).
ANY_SPACE = "[ " + klass(SPACES)[1:]


# The full-width forms of ASCII (U+FF01–FF5E: what a Chinese input method types for ｆｏｒｍ, ２０２６－Ｈ１, ＠)
# → the ASCII they stand for; the hyphens a word processor puts for "-" (‐ ‑ ‒ –) → "-"; SPACES → " ".
# One character for one: offsets in the narrowed text are the text's.
NARROW = {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, **dict.fromkeys("\u2010\u2011\u2012\u2013", "-"),
          **dict.fromkeys(SPACES, " ")}
# Of those, the digits and Latin letters only: the import writes a name as typed but for them
# (计算机２７０１班 → 计算机2701班; its Chinese brackets and commas, （2701）、, are Chinese text).
NARROW_ALNUM = {c: a for c, a in NARROW.items() if a.isascii() and a.isalnum()}


def narrower(table: dict):
    """A function giving its text with each character of `table` as `table` says: text.translate(table),
    faster, as Chinese prose holds few of them and mostly the same few (str's own search finds them,
    one replace for each character found, not one look-up for each character of the text).  The first of
    them is searched for, replaced all through, and the next searched for from there: one search of the
    text and one replace for each distinct character — not a list of every one found (a summary's every
    ，: 354,432 over the 12k corpus's new texts, the half of the time).  (No character of `table` is
    what another becomes: the ASCII, a space, nothing.)"""
    search = re.compile(klass(table)).search

    def narrowed(text: str) -> str:
        found = search(text)
        while found is not None:
            mark = found.group()
            text = text.replace(mark, table[mark])
            found = search(text, found.start())  # (before it, none: what it became is none either)
        return text

    return narrowed


# Narrowed as a value is compared with the ASCII it should be (ｆｏｒｍ: → form:, ｔｒｕｅ, ２０２６－Ｈ１, ３０人):
# unlike NFKC, nothing else changes (① ² ﬁ Ⅱ ㎡ stay, so a message saying "full-width letters" is true).
narrow = narrower(NARROW)


_OTHER_LINE_BREAKS = tuple(c for c in LINE_BREAKS if c != "\n")


def lines_with(text: str, mark: str = "#"):
    """(start, end, after) of each line of `text` that holds `mark` — where it begins, where its line break begins (or
    the text ends), where the next line begins (its break included, "\\r\\n" as one) —, lines cut as YAML counts them
    (LINE_BREAKS): found from each `mark` (a file of the import's 817,651 characters holds one '#'), not from a list
    of every line's start.  Each search is bounded by the line: the line feeds first, then the other breaks between
    them only.  The privacy check's comment lines and W-YAML-001's (comments.py) both read them."""
    at = text.find(mark)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        start = max(start, *(text.rfind(c, start, at) + 1 for c in _OTHER_LINE_BREAKS))
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        end = min(end, *(e for e in (text.find(c, at, end) for c in _OTHER_LINE_BREAKS) if e >= 0), end)
        after = end + 2 if text.startswith("\r\n", end) else min(end + 1, len(text))
        yield start, end, after
        at = text.find(mark, after)
