"""Putting record text into Markdown safely: no stray markup, no broken tables."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
_PLAIN = re.compile(r"[&<>\r\n\\`*_\[\]#|~]")  # text without these only loses its outer spaces


def text(value) -> str:
    """Record text as inline Markdown: HTML escaped, Markdown specials escaped, one line."""
    if value is None:
        return ""
    return _str_text(value) if type(value) is str else _text(value)


@lru_cache(maxsize=1 << 17)  # the same names, dates and words come back thousands of times
def _str_text(value: str) -> str:
    return Markup(value.strip()) if not _PLAIN.search(value) else _text(value)


def _text(value) -> str:
    s = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    lines = [ln.strip() for ln in s.replace("\r", "").split("\n")]
    return Markup("<br>".join(ln for ln in lines if ln) or "")


@lru_cache(maxsize=65536)
def rel(target: str, here: str) -> str:
    """Relative link from page `here` to docs path `target` (both like 'cadres/x.md')."""
    base = posixpath.dirname(here)
    link = posixpath.relpath(target, base or ".")
    return link
