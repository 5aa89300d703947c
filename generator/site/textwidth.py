"""Display width of text: East Asian wide and full-width characters count as 2."""
from __future__ import annotations

import unicodedata


class _Widths(dict):
    """Each character's width, looked up once (a large site measures millions of characters)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        return width


_WIDTHS = _Widths()


def display_width(text) -> int:
    text = str(text)
    return len(text) if text.isascii() else sum(map(_WIDTHS.__getitem__, text))
