"""Charts as inline SVG drawn at build time: no chart library, no script, prints well."""
from __future__ import annotations

from html import escape

from generator.site.checks import ERRORS
from generator.site.textwidth import display_width

COLORS = {"good": "#2e7d32", "warn": "#ef6c00", "bad": "#c62828", "info": "#1565c0", "mute": "#757575"}
# 填报情况's labels (site/checks.py's); 逾期… is "warn" by its prefix, …（有错误，未通过） "bad" (its badge's colour)
FILING_TONE = {"按时": "good", "已提交": "good", "豁免": "mute", "已提交（本期无需提交）": "mute", "未提交": "bad"}


def bars(items, title: str, tone: dict | None = None, unit: str = "") -> str:
    """Horizontal bar chart of (label, value) pairs.  `tone` maps a label to a COLORS key.

    Drawn twice: beside the bars (a desktop, paper) and, for a phone's screen, each label above its bar
    (ledger.css shows one of them).  Scaled to a phone's width the first was 500 to 600 units wide and its
    13-unit labels ≈10 px; the second is about 300 wide, shown at its size, its labels 13 px."""
    items = [(str(label), int(value)) for label, value in items if value is not None]
    if not items:
        return ""
    tone = tone or {}
    colors = [COLORS.get(tone.get(label) or ("bad" if label.endswith(ERRORS) else "warn" if label.startswith("逾期")
                                             else "info"), COLORS["info"]) for label, _ in items]
    peak = max(v for _, v in items) or 1
    return _beside(items, title, colors, peak, unit) + _above(items, title, colors, peak, unit)


def _head(kind: str, title: str, width: int, height: int, items, unit: str) -> list[str]:
    excluded = " data-search-exclude" if kind == "narrow" else ""  # (its words once in the search index, not twice)
    # (named with its bars, 联系方式（次）：面对面 186，键对键 23: a screen reader says an image's name, not its words)
    said = title + "：" + "，".join(f"{label} {value}{unit}" for label, value in items)
    return [f'<svg class="chart chart-{kind}"{excluded} role="img" aria-label="{escape(said)}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
            f'<title>{escape(title)}</title>',
            f'<text x="0" y="16" font-size="14" font-weight="bold" fill="currentColor">{escape(title)}</text>']


def _beside(items, title, colors, peak, unit) -> str:
    """Each label left of its bar (the desktop's and the paper's chart)."""
    label_w = max(display_width(label) for label, _ in items) * 7 + 12
    bar_w, row_h, top = 320, 24, 28
    parts = _head("wide", title, label_w + bar_w + 70, top + row_h * len(items) + 8, items, unit)
    for i, ((label, value), color) in enumerate(zip(items, colors)):
        y = top + i * row_h
        w = round(bar_w * value / peak) if value else 0
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" font-size="13" text-anchor="end" '
                     f'fill="currentColor">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1)}" height="16" fill="{color}"/>')
        parts.append(f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13" fill="currentColor">'
                     f'{value}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _above(items, title, colors, peak, unit) -> str:
    """Each label above its bar, the bars the width left beside their numbers (a phone's chart)."""
    value_w = max(display_width(f"{value}{unit}") for _, value in items) * 7 + 8
    width = max(300, display_width(title) * 8, max(display_width(label) for label, _ in items) * 7 + 4)
    bar_w, row_h, top = width - value_w, 38, 28
    parts = _head("narrow", title, width, top + row_h * len(items) + 4, items, unit)
    for i, ((label, value), color) in enumerate(zip(items, colors)):
        y = top + i * row_h
        w = round(bar_w * value / peak) if value else 0
        parts.append(f'<text x="0" y="{y + 13}" font-size="13" fill="currentColor">{escape(label)}</text>')
        parts.append(f'<rect x="0" y="{y + 18}" width="{max(w, 1)}" height="14" fill="{color}"/>')
        parts.append(f'<text x="{w + 6}" y="{y + 30}" font-size="13" fill="currentColor">{value}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)
