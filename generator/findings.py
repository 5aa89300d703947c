"""One finding type for every stage: errors are values, collected, never raised.

A finding carries a stable code, a severity, a source position and the message and
hint in Chinese and English.  The wording of every code lives in `messages.py`.
"""
from __future__ import annotations

import re

from generator.messages import MESSAGES
from generator.plain import Values

ERROR = "error"
WARNING = "warning"

# The records folder as the person gave it (--records 'my records', shown as load.display_path shows it; set by
# cli.records_dir, where every command learns it): what the catalogue's {records} says, in every code's words.
# Module state on purpose, set once a command before any finding is made (show_records, its only setter), inherited
# by the copies of the process (forked: os.fork); the site's build (mkdocs_hook), given no --records, keeps "records",
# the repository's folder its readers see.  Its readers make a finding's words deep in every stage (make, ≈145 calls
# in 20 modules; records_shown in validate's descriptions, the references' _WHAT, privacy, the import, remind …), and
# the caches keep those words as made (a file's entry is served only to the same shown name, which holds the folder).
# Passing the folder instead would thread one parameter, the same all through a run, through every stage to each of
# them; leaving {records} in the words for the place they are shown would have each reader of a finding's text fill
# it (text, json, github, markdown, the site, the web form, remind's issues, the import's report) — more to get wrong.
_RECORDS = ["records"]


def records_shown() -> str:
    return _RECORDS[0]


def show_records(folder: str) -> None:
    _RECORDS[0] = folder


_NO_DATA = object()


class Finding(Values):
    """Never changed once made (`replace` gives a changed copy).  Two findings are equal, and
    hash alike, when all but their `data` are."""

    __slots__ = ("code", "severity", "file", "line", "column", "message_zh", "message_en", "hint_zh", "hint_en",
                 "data")

    def __init__(self, code: str, severity: str, file: str, line: int | None, column: int | None,
                 message_zh: str, message_en: str, hint_zh: str = "", hint_en: str = "", data=_NO_DATA):
        self.code, self.severity, self.file, self.line, self.column = code, severity, file, line, column
        self.message_zh, self.message_en, self.hint_zh, self.hint_en = message_zh, message_en, hint_zh, hint_en
        # Free-form facts for machine readers (ids, dates); never shown as the message.
        self.data = {} if data is _NO_DATA else data

    def _compared(self) -> tuple:
        return (self.code, self.severity, self.file, self.line, self.column, self.message_zh, self.message_en,
                self.hint_zh, self.hint_en)

    def replace(self, **changes) -> Finding:
        return Finding(**{**{n: getattr(self, n) for n in self.__slots__}, **changes})

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def hint(self, lang: str = "zh") -> str:
        return self.hint_en if lang == "en" else self.hint_zh

    def as_dict(self, lang: str = "zh") -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
            **({"data": self.data} if self.data else {}),
        }

    def sort_key(self):
        return (self.file, self.line or 0, self.column or 0, self.code, self.message_zh)


def packed(f: Finding) -> tuple:
    """A finding as plain values (what a cache keeps); Finding(*packed(f)) is f again."""
    return (f.code, f.severity, f.file, f.line, f.column, f.message_zh, f.message_en, f.hint_zh, f.hint_en, f.data)


# A count in an English message as English says it: {n|file|files} is "1 file", "3 files" (the
# number n's value; the word by it: one is 1 alone).
_COUNTED = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def _counts(template: str, params) -> str:
    """`template` with each {n|one|more} written as the number `params[n]` and its word (one or more)."""
    if "|" not in template:
        return template
    return _COUNTED.sub(lambda m: f"{params[m[1]]} {m[2] if str(params[m[1]]) == '1' else m[3]}"
                        if m[1] in params else m[0], template)


def counted(template: str, **params) -> str:
    """A message `template` (either language) filled in with `params`, its counts said as English says them."""
    return _counts(template, params).format(**params)


class _SafeDict(dict):
    def __missing__(self, key):  # a template placeholder nobody filled stays visible
        return "{" + key + "}"


def make(code: str, file: str, pos=None, *, severity: str | None = None, data=None, **params) -> Finding:
    """Build a finding from the message catalogue.

    `pos` is a (line, column) pair (1-based) or None when the finding is about a whole file.
    """
    entry = MESSAGES[code]
    zh = _SafeDict({"records": _RECORDS[0], **{k: _text(v, "、") for k, v in params.items()}})
    en = _SafeDict({"records": _RECORDS[0], **{k: _text(v, ", ") for k, v in params.items()}}) if any(
        isinstance(v, (list, tuple, set)) for v in params.values()) else zh
    line, col = pos if pos else (None, None)
    return Finding(
        code=code,
        severity=severity or entry["severity"],
        file=file,
        line=line,
        column=col,
        message_zh=entry["zh"].format_map(zh),
        message_en=_counts(entry["en"], en).format_map(en),
        hint_zh=entry.get("hint_zh", "").format_map(zh),
        hint_en=_counts(entry.get("hint_en", ""), en).format_map(en),
        data=data or {},
    )


def _text(value, separator: str) -> str:
    """A parameter as text; a list's items joined as each language lists things."""
    if isinstance(value, (list, tuple, set)):
        return separator.join(str(v) for v in value)
    return str(value)


def has_errors(findings) -> bool:
    return any(f.severity == ERROR for f in findings)
