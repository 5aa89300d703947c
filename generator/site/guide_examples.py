"""The examples of the guide's static pages (site/guide/*.md) that only the records can give: a cadre's name to
search for, a unit's, a class's.  The page says “如“……””; the hook (mkdocs_hook.on_page_markdown) fills each from the
records being built — a university's own site names its own people, not the demo's (白涛玉, 邓佳冬), whom it never
had — the demo's own where the records hold them (the demo's site reads as it did), and leaves the example out where
the records have none (“搜一位干部的全名时”)."""
from __future__ import annotations

from generator.site.search_zh import name_words

HOLE = "……"
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
    """{kind: the names the guide's examples give}, from the record set `rs` (empty: none of the kind)."""
    cadres = [n for _id, n in sorted((i, _name(c)) for i, c in rs.cadres.items()) if n]
    plain = [n for n in dict.fromkeys(cadres) if _plain(n)]
    first = DEMO["cadre"] if DEMO["cadre"] in plain else (plain[0] if plain else "")
    others = [n for n in plain if n != first]
    shared = [n for n in others if sum(c[0] == n[0] for c in cadres) > 1]  # (“even with others of the surname”)
    other = DEMO["other"] if DEMO["other"] in others else (shared or others or [first])[0]
    units = [n for n in (_name(u) for u in rs.units.values()) if n]
    classes = [n for n in (_name(c) for c in rs.classes.values()) if n]
    return {"cadre": (first,) if first else (), "other": (other,) if other else (),
            "units": DEMO["units"] if all(u in units for u in DEMO["units"]) else tuple(units[:2]),
            "class": (DEMO["class"],) if DEMO["class"] in classes else tuple(classes[:1])}


def _quoted(names) -> str:
    return "".join(f"“{n}”" for n in names)


def fill(markdown: str, found: dict) -> str:
    """`markdown` (a guide page) with its examples' holes filled from `found` (examples()), or left out."""
    cadre, other = found.get("cadre", ()), found.get("other", ())
    fills = [
        ("搜一位干部的全名（如“……”）", _quoted(cadre)),
        ("输入姓和名的第一个字（如“……”找……）", f"“{other[0][:2]}”找{other[0]}" if other else ""),
        ("只输入名（如“……”）", _quoted(n[1:] for n in cadre)),
        ("搜单位的全名（如“……”）", _quoted(found.get("units", ()))),
        ("搜班级名称（如“……”）", _quoted(found.get("class", ()))),
    ]
    for hole, said in fills:
        if hole in markdown:
            start = hole.index("（")
            markdown = markdown.replace(hole, hole[:start] + (f"（如{said}）" if said else ""))
    return markdown
