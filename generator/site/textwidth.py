"""Display width of text: East Asian wide and full-width characters count as 2."""
from __future__ import annotations

import unicodedata


def display_width(text) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in str(text))
