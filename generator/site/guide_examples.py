"""The examples of the guide's static pages (site/guide/*.md) that only the records can give: a cadre's name to
search for, a unit's, a class's, and the policy's due days and reminder days.  The page says where each goes by a
marker, `{{example.cadre}}` (MARKERS: the eight there are); the hook (mkdocs_hook.on_page_markdown) puts in its place
the example from the records being built (“（如“白涛玉”）”, “（本站：15 天）”) — a university's own site names its own people, not the demo's (白涛玉, 邓佳冬), whom it never had —
the demo's own where the records hold them (the demo's site reads as it did), and nothing where the records have none
(“搜一位干部的全名时”).  A marker it does not know stops the build, naming the page and the marker (UnknownExample)."""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from generator.site.search_zh import name_words

MARKER = re.compile(r"\{\{\s*example\.([^{}\s]*)\s*\}\}")  # ({{ example.cadre }} too)
# the demo's examples, used where the records being built hold them (bench/corpus.py --demo)
DEMO = {"cadre": "白涛玉", "other": "邓佳冬", "units": ("工商管理学院", "机械工程与自动化学院"), "class": "计算机2301班"}


def _name(item) -> str:
    data = getattr(item, "data", None)
    name = data.get("name") if isinstance(data, dict) else None
    return name.strip() if isinstance(name, str) else ""


def _plain(name: str) -> bool:
    """A name its search words split as a surname of one character and a given name of two (白涛玉 → 涛玉 白涛)."""
    return len(name) == 3 and name_words(name).split() == [name[1:], name[:2]]


def examples(rs) -> dict[str, tuple[str, ...]]:
    """{kind: the names the guide's examples give, or the policy's values (due days, reminder days)}, from the record
    set `rs` (empty: none of the kind)."""
    cadres = [n for _id, n in sorted((i, _name(c)) for i, c in rs.cadres.items()) if n]
    plain = [n for n in dict.fromkeys(cadres) if _plain(n)]
    first = DEMO["cadre"] if DEMO["cadre"] in plain else (plain[0] if plain else "")
    others = [n for n in plain if n != first]
    shared = [n for n in others if sum(c[0] == n[0] for c in cadres) > 1]  # (“even with others of the surname”)
    other = DEMO["other"] if DEMO["other"] in others else (shared or others or [first])[0]
    units = [n for n in (_name(u) for u in rs.units.values()) if n]
    classes = [n for n in (_name(c) for c in rs.classes.values()) if n]
    return {"due-days": _due_days(rs.setting("ledger", "periods", default=None)), **_reminder_days(rs),
            "cadre": (first,) if first else (), "other": (other,) if other else (),
            "units": DEMO["units"] if all(u in units for u in DEMO["units"]) else tuple(units[:2]),
            "class": (DEMO["class"],) if DEMO["class"] in classes else tuple(classes[:1])}


def _due_days(periods) -> tuple[str, ...]:
    """Each ledger period's name and due day as the policy writes them (“上半年 06-30”), a due day before the period's
    start the next year's (“下半年次年 01-10”, as RecordSet.period reads it); none where the policy gives none whole."""
    said = []
    for p in periods if isinstance(periods, list) else ():
        if not (isinstance(p, dict) and all(isinstance(p.get(k), str) for k in ("name", "start", "due"))):
            return ()
        said.append(f"{p['name']}{'次年' if p['due'] < p['start'] else ''} {p['due']}")
    return tuple(said)


WEEKDAYS = "一二三四五六日"  # (reminders.weekday: 1 = Monday)


def _reminder_days(rs) -> dict[str, tuple[str, ...]]:
    """The policy's reminder days as remind reads them (“15 天”, “周一”); none where it gives a value remind could not read."""
    from generator.remind import reminder_days

    try:
        window, weekday = reminder_days(rs)
    except (TypeError, ValueError):
        return {}
    return {"reminder-days": (f"{window} 天",),
            "reminder-weekday": (f"周{WEEKDAYS[weekday - 1]}",) if 1 <= weekday <= 7 else ()}


def _quoted(names) -> str:
    return "".join(f"“{n}”" for n in names)


def _said(found: dict) -> dict[str, str]:
    """{marker's name: what it is replaced with} for the examples `found` (examples()): “（如“白涛玉”）”, the policy's
    values “（本站：15 天）”, or ""."""
    cadre, other = found.get("cadre", ()), found.get("other", ())
    said = {"cadre": _quoted(cadre),  # 搜一位干部的全名（如“白涛玉”）
            "cadre-start": f"“{other[0][:2]}”找{other[0]}" if other else "",  # 输入姓和名的第一个字（如“邓佳”找邓佳冬）
            "given-name": _quoted(n[1:] for n in cadre),  # 只输入名（如“涛玉”）
            "units": _quoted(found.get("units", ())),  # 搜单位的全名（如“工商管理学院”“机械工程与自动化学院”）
            "class": _quoted(found.get("class", ()))}  # 搜班级名称（如“计算机2301班”）
    # the policy's own values: 截止日（本站：上半年 06-30、下半年 12-31）, 截止日前 reminders.window_days 天（本站：15 天）
    own = {name: "、".join(found.get(name, ())) for name in ("due-days", "reminder-days", "reminder-weekday")}
    return {**{name: f"（如{words}）" if words else "" for name, words in said.items()},
            **{name: f"（本站：{words}）" if words else "" for name, words in own.items()}}


MARKERS = tuple(f"{{{{example.{name}}}}}" for name in _said({}))  # (the markers a guide page may have)


class UnknownExample(PluginError):
    """A guide page's marker the hook does not know: `mkdocs build` stops with this line."""

    def __init__(self, where: str, marker: str):
        known, known_en = "、".join(MARKERS), ", ".join(MARKERS)
        super().__init__(f"{where}: 指南页面中的示例标记 {marker} 无法识别（认得的：{known}），网站没有生成；请改为其中一个，"
                         f"或在 generator/site/guide_examples.py 中为它写出示例。 (The guide page's example marker {marker} "
                         f"is not known (known: {known_en}); the site was not built. Write one of them, or give it an "
                         f"example in generator/site/guide_examples.py.)")


def fill(markdown: str, found: dict, page: str) -> str:
    """`markdown` (the guide page `page`, as shown) with each marker replaced by its example from `found` (examples()),
    or by nothing; a marker not known raises UnknownExample, at its line and column."""
    said = _said(found)

    def example(m: re.Match) -> str:
        if m.group(1) not in said:
            line, column = markdown.count("\n", 0, m.start()) + 1, m.start() - markdown.rfind("\n", 0, m.start())
            raise UnknownExample(f"{page}:{line}:{column}", m.group(0))
        return said[m.group(1)]
    return MARKER.sub(example, markdown)
