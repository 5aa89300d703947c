"""A comment after a text on the same line of a ledger (W-YAML-001): words a cadre typed that are kept nowhere.

YAML reads " #" and what follows it as a comment: `summary: 鼓励大家多读书 # 读好书` keeps 鼓励大家多读书, and
# 读好书 stays in the file only — on neither the ledger's page nor the site, and nothing says so.  (A '#' right
after a space and before a character, `#读好书`, is the error E-YAML-011 of the full loader: a topic tag; this
warning is every other comment after a text.)  It is said, with the ways to keep the words (no space before the
'#', the value in quotes, a block `|`) and to keep a note as one (on a line of its own).

The fields of free text only (`fields`: summary, description, resolution, note, content, reflections, a topic): the
words after them may be meant as theirs.  Not warned of:
* a comment after a value that holds no free text — a number, a date, an id, a word of a list (`students: 25  # 估计`,
  `form: 社团活动  # 注`): no words can go into it, so none typed as its are lost; the comment is a note to whoever
  reads the file (a pull request's reviewer), as YAML means it.
* a whole-line comment (`# 备注`): visibly no value, and no text typed as one is lost; `new ledger` writes its
  instructions and the optional fields so, and administrators their notes.  It is privacy-checked as every
  comment is (privacy._finds reads each raw line holding a '#').
* the note `new ledger` writes after a value, which a cadre keeps when replacing 待填写: one that begins with the
  field's title (`summary: …  # 活动情况：…`, `cadre: li-na  # 干部编号`), or, after an item, names a class or a
  club as it does (`- cs-2025-01  # 计算机2501班（班级，2025-09-01 起）`, `# 班级或社团编号，见 …`).
* a '#' inside a quoted value or a block scalar's text, or with no space before it (`C#`, `page#part`): text.

Both loading paths give the same findings: `noted` reads the text alone, and `after_values` the text and the
spans of the values, which the quick path's file gets from the same parse as the full loader's (load._parse) —
only when `noted` found a comment that may be warned of (most ledgers hold no '#': the byte is looked for first,
load.load_bytes; one from `new ledger`, or with notes after its numbers and words only, is told by its lines).
(A comment of a file that is not a ledger is not warned of: the administrators' files are theirs to annotate.)
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from generator import findings as F
from generator.chars import lines_with

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "ledger.schema.json"
# (where a comment may begin: a '#' after a space or a tab)
_HASH = re.compile(r"[ \t]#")
# A line of a field and its plain value (not quoted, no list or mapping in brackets, no block scalar: a plain
# value ends at its first " #"), or of a list's plain item, and the comment after it: what `noted` tells the
# scaffold's notes by.  Any other line holding " #" is looked at with the values' spans.
_PLAIN = r"[^\s\"'\[\]{}|>&*!%@`#,]"
_QUOTED = r"(?:\"[^\"\\\\]*\"|'[^']*')[ \t]*"  # (one quoted on one line, no escape in it: "2026-04-20")
_FIELD_LINE = re.compile(rf" *(?:- +)?([A-Za-z_][A-Za-z0-9_]*): +(?:{_QUOTED}|{_PLAIN}[^#]*?)[ \t]#(.*)")
_ITEM_LINE = re.compile(rf" *- +(?:{_QUOTED}|{_PLAIN}(?:(?!: )[^#])*?)[ \t]#(.*)")
# new ledger's note after a contact point's item: its name, 班级 or 社团, the days (计算机2501班（班级，2025-09-01 起）),
# or, with no point assigned, the placeholder's (班级或社团编号，见 records/classes/、records/clubs.yaml)
_POINT_NOTE = re.compile(r"（(?:班级|社团)，[^（）]*）\s*$")
POINT_TODO = "班级或社团编号"
_CUT_AT = 20  # (the comment shown up to so many characters, as E-YAML-011's)


@lru_cache(maxsize=1)
def fields() -> dict:
    """A ledger's field names → (its title, whether it takes free text: a string of no pattern or format and no
    short limit — not a word of a list, an id or a date)."""
    out: dict = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            for name, field in (node.get("properties") or {}).items():
                if isinstance(field, dict) and name not in out:
                    typed = field.get("items") if field.get("type") == "array" else field
                    typed = typed if isinstance(typed, dict) else {}
                    text = typed.get("type") == "string" and not ({"pattern", "format", "enum", "$ref"} & set(typed)) \
                        and typed.get("maxLength", 60) >= 60
                    out[name] = (field.get("title") or name, text)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    try:
        walk(json.loads(SCHEMA.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    return out


def _told(key, item: bool, comment: str) -> bool:
    """Whether `comment` (from its '#'), after the value of the field `key` (None: not known), an item of its list when
    `item`, is warned of: a field of free text's (an item's whose field is not known: it may be), not new ledger's note."""
    free = fields().get(key, (None, False))[1] if isinstance(key, str) else item
    return free and not _scaffold_note(key, item, comment)


def _scaffold_note(key, item: bool, comment: str) -> bool:
    """Whether `comment` (from its '#') is the note new ledger writes after the value of the field `key` (None: not
    a field's), an item of a list when `item`."""
    words = comment.lstrip("# \t")
    title = fields().get(key, (None,))[0] if isinstance(key, str) else None
    if title and words.startswith(title):
        return True
    return item and (words.startswith(POINT_TODO) or _POINT_NOTE.search(words) is not None)


def _hashed(text: str):
    """(start, end) of each line of `text` that holds a '#' after a space or a tab and is not a comment
    as a whole (chars.lines_with: the lines the privacy check reads as comments, its line break left out)."""
    for start, end, _after in lines_with(text):
        head = text[start:end].lstrip(" \t")
        if not head.startswith("#") and _HASH.search(text, start, end):
            yield start, end


def noted(text: str) -> bool:
    """Whether `text` may hold a comment after a text that is warned of (then `after_values` says which, from the
    values' spans).  A line of a field's value on one line, or of a list's item, whose comment is not (`_told`: a
    number's, a word's, new ledger's note) is passed over without them: a ledger written from `new ledger`, or with
    notes after its numbers and words, is not parsed again for them."""
    for start, end in _hashed(text):
        line = text[start:end]
        m = _FIELD_LINE.match(line)
        if m and not _told(m.group(1), False, m.group(2)):
            continue
        m = _ITEM_LINE.match(line) if m is None else None
        if m and not _told(None, True, m.group(1)):
            continue
        return True
    return False


def after_values(text: str, spans: dict, file: str) -> list[F.Finding]:
    """W-YAML-001 at the '#' of each comment right after a value (`spans`: each value's path → (start, end,
    value) in `text`, load.Parsed.spans) that is warned of (`_told`)."""
    ends = {end: path for path, (_start, end, _value) in spans.items()}
    out = []
    for start, end in _hashed(text):
        for m in _HASH.finditer(text, start, end):
            at = m.start() + 1  # the '#'
            j = at
            while True:  # back over the spaces, and a list's or mapping's closing bracket ([a, b]  # …)
                while j > start and text[j - 1] in " \t":
                    j -= 1
                if j in ends or j <= start or text[j - 1] not in "]}":
                    break
                j -= 1
            path = ends.get(j)
            if path is None:
                continue  # (inside a quoted value or a block scalar's text, or after a key: the next '#')
            comment = text[at:end].rstrip("\r\n")
            item = bool(path) and isinstance(path[-1], int)
            key = next((p for p in reversed(path) if isinstance(p, str)), None)
            if comment.strip("# \t") and _told(key, item, comment):
                out.append(_finding(text, file, at, comment, spans[path], key, start))
            break  # (the rest of the line is the comment)
    return out


def _finding(text: str, file: str, at: int, comment: str, span: tuple, key, line_start: int) -> F.Finding:
    from generator.load import line_col
    from generator.messages.comments import KEEP_QUOTED, KEEP_TEXT, KEEP_TYPED

    title = fields().get(key, (key or "",))[0]
    start, end, _value = span
    written = text[start:end]
    name = key or "the item"
    if written[:1] in "'\"":
        zh, en = KEEP_QUOTED[0].format(title=title), KEEP_QUOTED[1].format(name=name)
    else:
        typed = typed_en = ""
        lead = text[line_start:start]
        if "\n" not in written and "\r" not in written and lead.strip(" -").endswith(":"):
            line = lead + json.dumps(f"{written} {comment.strip()}", ensure_ascii=False)
            typed, typed_en = KEEP_TYPED[0].format(typed=line), KEEP_TYPED[1].format(typed=line)
        zh = KEEP_TEXT[0].format(title=title, typed=typed)
        en = KEEP_TEXT[1].format(name=name, typed_en=typed_en)
    cut = comment.strip()
    cut = cut if len(cut) <= _CUT_AT else cut[:_CUT_AT - 1] + "…"
    return F.make("W-YAML-001", file, line_col(text, at), cut=cut, keep=zh, keep_en=en)
