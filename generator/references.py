"""References: every id a record names exists and is of the right kind; ids are unique;
file names and folders agree with the content; dates are ordered and inside their period;
words come from the policy vocabularies.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from itertools import repeat
from operator import attrgetter

from generator import findings as F
from generator.archive import frozen_ledgers, manifests, recorded_meanings
from generator.chars import Lazy, narrow
from generator.cache import FileMemo, KeptResult
from generator.load import display_path
from generator.messages.references import (BEFORE_OFFICE, END, EXTEND, NAMESAKE_DO, NAMESAKE_WHY, NO_LIST, NOT_EXTENDED,
                                           NOT_OWED, QUOTED, RENAMED, RETIRED, RETIRED_IN_PERIOD, STATUS_DELETED, STOP_AFTER,
                                           SYNONYM, WRITE_AS)
from generator.model import Item, Period, RecordSet, staff_number_key
from generator.policy_rules import check_policy, days_are_no_days, in_no_period
from generator.suggest import closest, closest_kept, did_you_mean, phrased, unseen
from generator.validate import PLACEHOLDERS_LEFT, Days, chinese_quotes, en_path, ledgers_of, line_with, parse_date, period_meant

SLUG = Lazy(r"[a-z0-9]+(-[a-z0-9]+)*")  # as `slug` in schemas/*.schema.json
_TOP = F.records_shown  # (the records folder as given: a ledger's folder is named records/ledgers/2026-H1/, as the other
# hints name a file — validate.ledgers_of)
_WHAT = {  # kind of id → (Chinese, English, where the ids live, in the records folder as given: F.records_shown)
    "unit": ("单位", "unit", "{records}/units.yaml"),
    "cadre": ("干部", "cadre", "{records}/cadres/"),
    "point": ("联系点（班级或社团）", "contact point (class or club)", "{records}/classes/、{records}/clubs.yaml"),
    "class": ("班级", "class", "{records}/classes/"),
    "club": ("社团", "club", "{records}/clubs.yaml"),
    "ledger": ("台账文件", "ledger file", "{records}/ledgers/"),
}


def check_references(rs: RecordSet, today: dt.date | None = None) -> list[F.Finding]:
    """`today`: the day that says which periods are archived (archive.archived_by; None: none)."""
    out: list[F.Finding] = []
    out += _required_files(rs)
    out += _file_names(rs)
    out += _duplicates(rs)
    out += _class_names(rs)
    out += _cadre_namesakes(rs)
    out += _staff_numbers(rs)
    out += _organisation(rs)
    out += check_policy(rs)
    out += _assignments(rs)
    found, feedback = _ledgers(rs, frozen_ledgers(rs, today) if today else set())
    out += found
    out += _renamed(rs)
    out += _feedback_links(rs, feedback)
    out += _admin_records(rs)
    return out


_MISSING = {"problem": "不存在", "problem_en": "does not exist"}  # (E-REF-001's message, but of a name: _named)

# E-REF-003's words when no plainer ones are known (_place)
_PLACE = {"problem": "与文件位置不一致", "problem_en": "does not match the file's location",
          "why": "文件名和文件夹决定记录的归属：请改正内容，或把文件移动/改名为正确的位置。",
          "why_en": "File name and folder decide what a record is; fix the value or move the file."}


def _place(item: Item, key, field: str, field_en: str, value, expected, data=None, **words) -> F.Finding:
    """E-REF-003 at `key` of `item`: its `value` is not the `expected` its file's name or folder says; `words`
    (problem, why, move, in zh and en) say what is wrong and what to type, where it is clear, else _PLACE's."""
    words = {"move": "", "move_en": "", **_PLACE, **words}
    return F.make("E-REF-003", item.file, item.pos(key), data=data, field=field, field_en=field_en, value=value,
                  expected=expected, **words)


def _missing(item: Item, key, kind: str, ref, known, answers=None, names=None) -> F.Finding:
    """E-REF-001 with the known name closest to `ref` (`answers[ref]` when worked out already), or
    the id of the unit, class, club or cadre whose name `ref` is (`names`: {name: id, or the ids of namesakes})."""
    zh, en, where = _WHAT[kind]
    hint = phrased(answers[str(ref)]) if answers is not None else did_you_mean(ref, known)
    key = key if isinstance(key, tuple) else (key,)
    name = _name_in(ref, names) if names else None  # (张 伟: 张伟)
    if name is None:
        name = closest(ref.strip(), names) if names and isinstance(ref, str) and not SLUG.fullmatch(ref) else None
    data = None
    if name is not None:  # a name where its id belongs (计算机学院, 机器人协会, 李娜): which id, and the line
        hint, data = _named(item, key, kind, ref.strip(), name, names[name])
    else:  # an id mistyped, or none like it: where the ids are, and the closest, with its line when it is one id's
        where = where.format(records=F.records_shown())
        where_en = where.replace("、", " and ")
        close = answers[str(ref)] if answers is not None else closest(ref, known)
        line = _line_with(item, key, close) if close and kind != "ledger" and hint == phrased(close) else ""
        listed, listed_en = _units_listed(known) if kind == "unit" and not hint["suggestion"] else ("", "")
        hint = {"check": f"请检查拼写；现有的{zh}编号见 {where}{listed}。",
                "suggestion": f"{hint['suggestion']}这一行写成：{line}" if line else hint["suggestion"],
                "check_en": f"Check the spelling; existing ids are in {where_en}{listed_en}."
                            + (" " if hint["suggestion_en"] else ""),
                "suggestion_en": f"{hint['suggestion_en']} The line: {line}" if line else hint["suggestion_en"]}
    return F.make("E-REF-001", item.file, item.pos(*key), data=data, what=zh, what_en=en, ref=ref, **{**_MISSING, **hint})


UNITS_LISTED = 12  # (a university's units told in an unknown unit's hint, up to so many: the demo's 12)


def _units_listed(units) -> tuple[str, str]:
    """The units there are, each id with its name (“：cs（计算机学院）、xgb（党委学生工作部）”), for a unit id like none
    of them (a new university's administrator writing the id she is used to); nothing when there are more than
    UNITS_LISTED, where the file is the place to look."""
    if not 0 < len(units) <= UNITS_LISTED:
        return "", ""
    named = [(uid, item.get("name") if isinstance(item.get("name"), str) else "") for uid, item in units.items()]
    return ("：" + "、".join(f"{uid}（{name}）" if name else uid for uid, name in named),
            ": " + ", ".join(f"{uid} ({name})" if name else uid for uid, name in named))


_SPACE = Lazy("[ \u3000\u00a0]")  # (a space, a full-width one, a no-break one)
_HAN = Lazy(r"[\u3400-\u9fff]")


def _name_in(ref, names) -> str | None:
    """The name of `names` that `ref` is, a space inside a Chinese name (张 伟, 张\u3000伟, with a no-break
    space) being no part of it, as a cadre typing her name may put one; None when it is none of them."""
    if not isinstance(ref, str):
        return None
    ref = ref.strip()
    if ref in names:
        return ref
    if not (_HAN.search(ref) and _SPACE.search(ref)):
        return None
    bare = _SPACE.sub("", ref)
    return bare if bare in names else next((n for n in names if isinstance(n, str) and _SPACE.sub("", n) == bare), None)


def _named(item: Item, key: tuple, kind: str, ref: str, name: str, ids) -> tuple[dict, dict]:
    """E-REF-001's hint and message, and data, for the name `name` (`ref` as typed) of `ids` (one id, or
    namesakes'): that it is a name (not 不存在), what to type first — not 请检查拼写: the value was read, as a name."""
    noun, noun_en = ("姓名", "name") if kind == "cadre" else ("名称", "name")
    ref = name if _name_in(ref, (name,)) else ref  # (张 伟 is 张伟)
    problem = {"problem": f"{'是' if name == ref else '像是'}{noun}，这里要写编号",
               "problem_en": f"{'is' if name == ref else 'looks like'} a {noun_en}: the id belongs here"}
    if isinstance(ids, tuple):  # namesakes: which one only the writer knows
        ids = sorted(ids)
        said = f"有 {len(ids)} 位干部叫“{name}”，编号是 {'、'.join(ids)}，请写其中那一位的编号。"
        said_en = f"{len(ids)} cadres are called '{name}', with the ids {', '.join(ids)}; write the one meant."
        return {**problem, "check": "", "suggestion": said, "check_en": "", "suggestion_en": said_en}, {"named": ids}
    line = _line_with(item, key, ids)
    # (not 这里要写编号，不是姓名 again: the message says it — 干部“李娜”是姓名，这里要写编号)
    said = f"“{name}”的编号是“{ids}”" if name == ref else f"是不是“{name}”？它的编号是“{ids}”"
    said_en = f"The id of '{name}' is '{ids}'" if name == ref else f"Did you mean '{name}'? Its id is '{ids}'"
    # (the schema's E-SCHEMA-005 here goes: pipeline._named_told_once)
    return {**problem, "check": "", "suggestion": f"{said}，这一行写成：{line}" if line else f"{said}。",
            "check_en": "", "suggestion_en": f"{said_en}. The line: {line}" if line else f"{said_en}."}, {"named": ids}


def _line_with(item: Item, key: tuple, value: str, field: str | None = None) -> str:
    """The line of `item`'s value at `key` with `value` typed in its place (and `field` for its name), with the line's
    spaces: line_with's."""
    return line_with(item.doc, item.path + key, value, field)


_FIRST_USE = "使用指南 → 管理员：年复一年的变动 → 第一次使用"  # (the site's menu, mkdocs.yml's nav, and the page's section)
_REQUIRED = {  # (how to add each: README's layout shows excerpts; a university's first policy and calendar are the demo's)
    "policy": (f"政策不必从头写（README 的例子只是节选）：从示例大学的 policy.yaml 改起，见 {_FIRST_USE}：换下演示数据。",
               f"Start from the demo's policy.yaml rather than README's excerpt: see {_FIRST_USE}：换下演示数据."),
    "calendar": (f"校历可以从示例大学的 calendar.yaml 改起，写本校的学年和学期，见 {_FIRST_USE}：换下演示数据。",
                 f"Start from the demo's calendar.yaml with your own years and semesters: see {_FIRST_USE}：换下演示数据."),
    "units": (f"可以导入单位名单：python -m generator import units 单位名单.xlsx --write，见 {_FIRST_USE}：从现有名单导入；"
              "写法见 README 的“记录目录”一节。",
              "Import the list of units (python -m generator import units FILE --write), or write it as README's records "
              "layout shows."),
}


def missing_file(path: str, kind: str) -> F.Finding:
    """E-REF-009 of a required record file (of `kind`: policy, calendar, units) missing at `path`, told how to add it."""
    how, how_en = _REQUIRED.get(kind, ("请按 README 的“记录目录”一节补上这个文件。", "Add the file as README's records layout describes."))
    return F.make("E-REF-009", path, None, path=path, how=how, how_en=how_en)


def _required_files(rs: RecordSet) -> list[F.Finding]:
    present = {d.kind for d in rs.docs}
    return [missing_file(display_path(rs.root / f"{kind}.yaml"), kind) for kind in _REQUIRED if kind not in present]


def _file_names(rs: RecordSet) -> list[F.Finding]:
    """A cadre's or a ledger's file name is the cadre's id, so it must be a slug."""
    out = []
    for doc in rs.docs:
        if doc.kind in ("cadre", "ledger") and not SLUG.fullmatch(doc.stem):
            # a ledger saved as 白涛玉.yaml, Bai-Taoyu.yaml, "bai-taoyu (1).yaml": the cadre it names
            cadre = doc.data.get("cadre") if doc.kind == "ledger" and doc.mapping else None
            known = isinstance(cadre, str) and SLUG.fullmatch(cadre) and rs.id_known("cadre", cadre)
            out.append(F.make("E-REF-011", doc.file, None, name=doc.rel.rsplit("/", 1)[-1],
                              what="干部", what_en="cadre", **_rename_to(cadre if known else None, doc.rel, rs)))
    return out


def _rename_to(cadre: str | None, rel: str, rs: RecordSet) -> dict:
    """E-REF-011's words on the name to give the file: the cadre's id a ledger holds (or, when the
    cadre's ledger of that half-year is there already — a copy, "bai-taoyu (1).yaml" — to merge
    it into that one), else how ids go."""
    folder = rel.split("/")[1] if rel.count("/") == 2 else None
    if cadre and (folder, cadre) in rs.ledgers:
        return _merge_into(folder, cadre)
    if cadre:
        return {"to": f"请把文件改名为 {cadre}.yaml（文件中的干部编号）",
                "to_en": f"Rename the file to {cadre}.yaml (the cadre's id it holds)"}
    return {"to": "请把文件改名，如 zhang-wei.yaml（姓名拼音，重名时加数字：zhang-wei-2.yaml）",
            "to_en": "Rename the file, e.g. zhang-wei.yaml (add a digit for a namesake: zhang-wei-2.yaml)"}


def _duplicates(rs: RecordSet) -> list[F.Finding]:
    out = []
    seen: dict[str, Item] = {}
    for kind, key in (("units", "units"), ("classes", "classes"), ("clubs", "clubs")):
        for doc in rs.docs:
            if doc.kind != kind or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
                continue
            for i, entry in enumerate(doc.data[key]):
                if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                    continue
                item = Item(doc, (key, i), entry)
                # classes and clubs share one namespace: a ledger names either by id
                space = "unit" if kind == "units" else "point"
                token = f"{space}:{entry['id']}"
                if token in seen:
                    other = seen[token]
                    out.append(F.make("E-REF-002", doc.file, item.pos("id"), ref=entry["id"],
                                      other=f"{other.file}:{other.pos('id')[0]}"))
                else:
                    seen[token] = item
    return out


def _class_names(rs: RecordSet) -> list[F.Finding]:
    """E-REF-022 at a class named as another of its cohort and unit (compared without spaces,
    full-width as half-width: 计算机 ２６０１班 is 计算机2601班): the same class entered twice, or a typo;
    in another unit a name may well recur, and a class that ended (until) may have a namesake after it."""
    out = []
    for doc in rs.docs:
        if doc.kind != "classes" or not isinstance(doc.data, dict) or not isinstance(doc.data.get("classes"), list):
            continue
        seen: dict[tuple, Item] = {}
        for i, entry in enumerate(doc.data["classes"]):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not isinstance(
                    entry.get("unit"), str) or "until" in entry:
                continue
            key = (entry.get("unit"), re.sub(r"\s+", "", unicodedata.normalize("NFKC", entry["name"])))
            item = Item(doc, ("classes", i), entry)
            if key in seen:
                other = seen[key]
                out.append(F.make("E-REF-022", doc.file, item.pos("name"), name=entry["name"], unit=key[0],
                                  other=f"{other.file}:{other.pos('name')[0]}", other_id=other.get("id")))
            else:
                seen[key] = item
    return out


def _cadre_namesakes(rs: RecordSet) -> list[F.Finding]:
    """W-REF-001 at each of two cadre records of one name (compared as E-REF-022 compares class names: 王 伟, 王伟),
    naming the other: one person written twice under two ids (two lists imported, a new record on a move) — unless
    one names the other as a namesake (`namesake`: two people of the same name), and E-REF-001 at a namesake's id that
    is no cadre's.  (A dict by name: ≈600 cadres at 12k.)"""
    by_name: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    out = []
    for ref, item in rs.cadres.items():
        if isinstance(name := item.get("name"), str) and name.strip():
            keys[ref] = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
            by_name.setdefault(keys[ref], []).append(ref)
        for i, other in enumerate(said if isinstance(said := item.get("namesake"), list) else ()):
            if isinstance(other, str) and not rs.id_known("cadre", other):  # (E-REF-001: a namesake that is none)
                out.append(_missing(item, ("namesake", i), "cadre", other, rs.cadres, names=rs.cadre_names))
    for ref, item in rs.cadres.items():
        if isinstance(said := item.get("namesake"), list) and ref in keys:
            out += _namesakes_of_another_name(rs, ref, said, keys, by_name[keys[ref]])
    for refs in by_name.values():
        if len(refs) < 2:
            continue
        apart = {ref: set(v) if isinstance(v := rs.cadres[ref].get("namesake"), list) else set() for ref in refs}
        for ref in refs:
            other = next((o for o in refs if o != ref and o not in apart[ref] and ref not in apart[o]), None)
            if other is None:
                continue
            item, there = rs.cadres[ref], rs.cadres[other]
            unit = there.get("unit")
            named = rs.units[unit].get("name") if isinstance(unit, str) and unit in rs.units else None
            # (a file with namesake already: it written with both — those of her name it lists, W-REF-002's line —
            # not a second namesake key, E-YAML-003)
            said = item.get("namesake")
            listed = [o for o in said if o in refs and o != ref] if isinstance(said, list) else []
            line = _namesake_line([*listed, other])
            add = ((f"把本文件中的 namesake 写成：{line}", f"writes namesake as {line} in this file") if said is not None else
                   (f"在本文件中加一行 {line}", f"adds the line {line} to this file"))
            out.append(F.make("W-REF-001", item.file, item.pos("name"), name=item.get("name"), other_id=other,
                              other=_field_at(there), other_unit=named or unit or "—", add=add[0], add_en=add[1]))
    return out


def _field_at(item: Item, field: str = "name") -> str:
    """file:line:col of a cadre record's `field`: its name, or its 工号 (E-REF-024)."""
    return f"{item.file}:{':'.join(map(str, item.pos(field)))}"


def _staff_numbers(rs: RecordSet) -> list[F.Finding]:
    """E-REF-024 at a cadre's 工号 (staff_no) that an earlier cadre file has (as staff_number_key compares), naming that
    file's line: 组织部 merges 年度考核参考 into its own spreadsheet by it."""
    first: dict[str, str] = {}
    out = []
    for ref, item in rs.cadres.items():
        if not isinstance(number := item.get("staff_no"), str):
            continue
        other = first.setdefault(staff_number_key(number), ref)
        if other != ref:
            there = rs.cadres[other]
            out.append(F.make("E-REF-024", item.file, item.pos("staff_no"), staff_no=number,
                              other_name=there.get("name"), other=_field_at(there, "staff_no"), other_id=other,
                              data={"cadre": ref}))
    return out


def _namesakes_of_another_name(rs: RecordSet, ref: str, said: list, keys: dict, same: list) -> list[F.Finding]:
    """W-REF-002 at each item of cadre `ref`'s `namesake` (`said`) that is a cadre of another name, or herself: it
    silences no W-REF-001 (only a pair of one name is warned), but is a mistyped id, the real pair warned still — or
    one kept from a name corrected since, which a later change of name would make silence a pair no one judged two
    people.  A warning (nothing is wrongly silenced by it, nothing to block), with the line to type: each such item
    replaced by a cadre of her name not listed yet (`same`: the ids of her name, hers among them), else left out."""
    bad = [(i, o) for i, o in enumerate(said) if isinstance(o, str) and o in rs.cadres and o in keys
           and (o == ref or keys[o] != keys[ref])]
    if not bad:
        return []
    item, name = rs.cadres[ref], rs.cadres[ref].get("name")
    free = [o for o in same if o != ref and o not in said]
    fixed = dict(zip((i for i, _ in bad), free))
    kept = [fixed.get(i, o) for i, o in enumerate(said) if i in fixed or all(i != j for j, _ in bad)]
    one_line = item.key_pos("namesake")[0] == item.pos("namesake", bad[0][0])[0]  # ([a, b], not a list of lines)
    fix, fix_en = _namesake_fix(rs, name, free, len(same) > 1, kept, one_line)
    out = []
    for i, other in bad:
        there = rs.cadres[other]
        what, what_en = (("是本人自己的编号", "is this cadre's own id") if other == ref else
                         (f"是干部“{there.get('name')}”（{_field_at(there)}），与本人“{name}”不同名",
                          f"is cadre '{there.get('name')}' (at {_field_at(there)}), whose name is not '{name}'"))
        out.append(F.make("W-REF-002", item.file, item.pos("namesake", i), ref=other, what=what, what_en=what_en,
                          fix=fix, fix_en=fix_en, data={"cadre": ref, "namesake": other}))
    return out


def _namesake_line(ids) -> str:
    """The `namesake` line to type for cadre ids `ids`: namesake: [wang-wei-2, wang-wei-3]."""
    return f"namesake: [{', '.join(ids)}]"


def _namesake_fix(rs: RecordSet, name, free: list, others: bool, kept: list, one_line: bool) -> tuple[str, str]:
    """W-REF-002's fix (zh, en): why — the cadres of her name not listed yet (`free`), else whether there are others
    (`others`: all listed) —, then the namesake line of those `kept`, or to delete it (NAMESAKE_WHY, NAMESAKE_DO)."""
    why = NAMESAKE_WHY["free" if free else "listed" if others else "alone"]
    where = [(o, _field_at(rs.cadres[o])) for o in free]
    said = {"name": name, "s": "s" if len(free) > 1 else "", "line": _namesake_line(kept),
            "free": "、".join(f"{o}（{at}）" for o, at in where),
            "free_en": ", ".join(f"{o} (at {at})" for o, at in where)}
    (why, why_en), (do, do_en) = _worded(why, **said), _worded(NAMESAKE_DO[bool(kept), one_line], **said)
    return why + do, why_en + do_en


def _date_order(item: Item, start_key: str, end_key: str) -> list[F.Finding]:
    start, end = item.date(start_key), item.date(end_key)
    if start and end and end < start:
        return [F.make("E-REF-008", item.file, item.pos(end_key), start=start, end=end)]
    return []


def _one_ref(value) -> bool:
    """Whether `value` is an id to look up: a list or a mapping where one id belongs (unit: [xgb, cs]) is the schema's
    E-SCHEMA-003, which says to write one, not also an E-REF-001 of a unit “xgb、cs” nobody wrote."""
    return bool(value) and not isinstance(value, (list, dict))


def _organisation(rs: RecordSet) -> list[F.Finding]:
    out = []
    for table in (rs.classes, rs.clubs):
        for item in table.values():
            if _one_ref(item.get("unit")) and not rs.id_known("unit", item.get("unit")):
                out.append(_missing(item, "unit", "unit", item.get("unit"), rs.units, names=rs.unit_names))
    for doc in rs.docs:
        if doc.kind == "classes" and isinstance(doc.data, dict):
            cohort = doc.data.get("cohort")
            if isinstance(cohort, int) and str(cohort) != doc.stem:
                out.append(_place(Item(doc, (), doc.data), "cohort", "入学年份", "cohort", cohort, doc.stem,
                                  problem=f"与文件名 {doc.stem}.yaml 不一致",
                                  problem_en=f"does not match the file name {doc.stem}.yaml"))
    for cid, item in rs.cadres.items():
        if _one_ref(item.get("unit")) and not rs.id_known("unit", item.get("unit")):
            out.append(_missing(item, "unit", "unit", item.get("unit"), rs.units, names=rs.unit_names))
        for i, post in enumerate(_list(item.get("earlier"))):
            if isinstance(post, dict) and isinstance(post.get("unit"), str) and not rs.id_known("unit", post["unit"]):
                out.append(_missing(item, ("earlier", i, "unit"), "unit", post["unit"], rs.units, names=rs.unit_names))
        out += _date_order(item, "active_from", "active_to")
    if rs.policy:
        for i, admin in enumerate(_list(rs.policy.get("administrators"))):
            if isinstance(admin, dict) and _one_ref(admin.get("unit")) and not rs.id_known("unit", admin["unit"]):
                out.append(_missing(rs.policy, ("administrators", i, "unit"), "unit", admin["unit"], rs.units, names=rs.unit_names))
    if rs.calendar:
        for i, year in enumerate(_list(rs.calendar.get("academic_years"))):
            if not isinstance(year, dict):
                continue
            y = Item(rs.calendar.doc, ("academic_years", i), year)
            out += _date_order(y, "start", "end")
            ys, ye = y.date("start"), y.date("end")
            for j, sem in enumerate(_list(year.get("semesters"))):
                if not isinstance(sem, dict):
                    continue
                s = Item(rs.calendar.doc, ("academic_years", i, "semesters", j), sem)
                out += _date_order(s, "start", "end")
                for key in ("start", "end"):
                    d = s.date(key)
                    if d and ys and ye and not ys <= d <= ye:
                        side = "start" if d < ys else "end"  # (the year's date that would take the semester in)
                        out.append(F.make("E-REF-010", s.file, s.pos(key), title="学期日期", parent_title="学年",
                                          start=ys, end=ye, value=d, key=side, year_line=y.pos(side)[0]))
    return out


def _assignments(rs: RecordSet) -> list[F.Finding]:
    out = []
    for stem, cycle in rs.cycles.items():
        if cycle.get("cycle") and cycle.get("cycle") != stem:
            out.append(_place(cycle, "cycle", "周期", "cycle", cycle.get("cycle"), stem,
                              problem=f"与文件名 {stem}.yaml 不一致", problem_en=f"does not match the file name {stem}.yaml"))
        out += _date_order(cycle, "start", "end")
    for row in rs.assignments:
        cadre = row.get("cadre")
        if cadre and not rs.id_known("cadre", cadre):
            out.append(_missing(row, "cadre", "cadre", cadre, rs.cadres, names=rs.cadre_names))
        out += [_point(rs, row, key) for key in ("class", "club") if row.get(key) and not rs.id_known(key, row.get(key))]
        out += _date_order(row, "start", "end")
    return out


def _point(rs: RecordSet, row: Item, key: str) -> F.Finding:
    """E-REF-001 of an assignment row's class or club that is none: a club's name or id under class: (机器人协会,
    club-robotics), or a class's under club:, told which it is and the line with the other key (club: club-robotics);
    else _missing's."""
    ref, other = row.get(key), "club" if key == "class" else "class"
    mine, theirs = (rs.classes, rs.clubs) if key == "class" else (rs.clubs, rs.classes)
    meant = (ref if ref in theirs else rs.point_names.get(ref.strip())) if isinstance(ref, str) else None
    if meant not in theirs:
        return _missing(row, key, key, ref, mine, names=rs.point_names)
    (zh, en, _), (other_zh, other_en, _) = _WHAT[key], _WHAT[other]
    line = _line_with(row, (key,), meant, other)
    said, said_en = f"{other_zh}写在 {other}: 下", f"A {other_en} goes under {other}:"
    if meant != ref:
        said, said_en = f"{said}，要写编号：“{ref.strip()}”的编号是“{meant}”", f"{said_en}, by its id: the id of '{ref.strip()}' is '{meant}'"
    return F.make("E-REF-001", row.file, row.pos(key), data={"named": meant}, what=zh, what_en=en, ref=ref,
                  problem=f"是{other_zh}，不是{zh}", problem_en=f"is a {other_en}, not a {en}", check="", check_en="",
                  suggestion=f"{said}，这一行写成：{line}" if line else f"{said}。",
                  suggestion_en=f"{said_en}. The line: {line}" if line else f"{said_en}.")


_ACTIVITY_WORDS = (("form", "forms", "联系形式"), ("place", "places", "联系场所"), ("channel", "channels", "联系方式"))
_FEEDBACK_WORDS = (("kind", "feedback_kinds", "类型"), ("category", "feedback_categories", "类别"),
                   ("status", "feedback_statuses", "办理状态"), ("escalated_to", "escalation_targets", "报告对象"),
                   ("nature", "feedback_natures", "问题性质"))
_SUGGESTION_WORDS = (("to", "suggestion_targets", "建议对象"),)  # (no date: judged by its ledger period's start)
[(_SUGGESTION_KEY, _SUGGESTION_LIST, _SUGGESTION_TITLE)] = _SUGGESTION_WORDS  # (its one field: _ledger, seen_of, _quiet)
_ACTIVITY_KEYS = tuple(key for key, _vocab, _title in _ACTIVITY_WORDS)  # (_activities_seen)


def _allowed(rs: RecordSet, vocab: str) -> tuple[list, set]:
    """A vocabulary's words in policy order (for the message) and as a set (to look up); none for one that still
    holds a placeholder (escalation_targets: [待填写], or a 待填写 among its words): not written yet, as one that is no
    list — its E-SCHEMA-011 at the policy is the one to fix, not an E-REF-005 in every ledger that uses a real word."""
    def words():
        found = rs.words(vocab)
        if not PLACEHOLDERS_LEFT.isdisjoint(found):
            return [], set()
        return found, set(found)
    return rs.memoized(("allowed", vocab), words)


def vocabulary_word(rs: RecordSet, key: str, words: list) -> str | None:
    """For an activity's field `key` (form, place, channel) written as a list of `words` where one belongs: the first
    of them in its vocabulary, or the word closest to the first (as E-REF-005 suggests it), or None; `key` itself if
    it is no such field or the policy has no such list (nothing to say)."""
    vocab = next((v for k, v, _title in _ACTIVITY_WORDS if k == key), None)
    known = _allowed(rs, vocab)[1] if vocab and rs.policy is not None else set()
    if not known:
        return key
    said = next((w for w in words if isinstance(w, str) and w in known), None)
    return said or closest(unicodedata.normalize("NFKC", str(words[0])).strip(), known)


_PARTS = Lazy(r"\s*[\s，、]\s*")  # (between the words of a vocabulary's item read joined)


SENTENCE_STOPS = frozenset("。.，,；;！!、")  # (a sentence's mark pasted after a word of a vocabulary: 面对面。)


def _vocab(rs: RecordSet, item: Item, key: tuple, value, vocab: str, title: str,
           day: dt.date | None = None) -> list[F.Finding]:
    """E-REF-005 of a word not in its list; `day`, the entry's (an activity's date, a feedback item's raised_on;
    None: the ledger period's start), judges it by the list in force then (vocabularies.earlier)."""
    if rs.policy is None or not isinstance(value, str):
        return []
    allowed, known = _allowed(rs, vocab)
    if value in known:
        return []
    if not allowed:  # (a vocabulary that is no list, or not written yet: its own finding, at the policy)
        return _no_list(rs, item, key, value, vocab, title) if _left_out(rs, vocab) else []
    if rs.policy.doc.rel in rs.invalid and any(value in _PARTS.split(w) for w in allowed):
        return []  # (a word of a list the policy wrote on two lines, or with a Chinese comma: read joined,
        # 个体谈话 座谈交流; the policy's E-YAML-015 or E-YAML-012 is the one to fix)
    period = rs.period(item.doc.folder)  # (the ledger's: its start judges an entry with no day, and a renamed word)
    retired = None
    if rs.changes("vocabularies", vocab) and (on := day or (period and period.start)):
        allowed = rs.words_on(vocab, on)  # (the list in force on the entry's day: its words still right)
        if allowed is None or value in allowed:  # (no list then: as one that is no list now, the policy's
            return []  # E-SCHEMA-003 is the one to fix, not an E-REF-005 in every ledger of then)
        retired = rs.retired(vocab, value)
    extend = NOT_EXTENDED if vocab == "feedback_statuses" else EXTEND  # (a status: mistyped, or deleted by the policy)
    new, until = rs.renamed(vocab).get(value, (None, None))
    if new:  # renamed: the old word is right in the periods starting by `until`, the new one after
        if period is None or period.start <= until:
            return []
        hint = _worded(RENAMED, word=value, new=new, until=until)
        line, extend = _line_with(item, key, new), ("", "")  # (the policy named the word: nothing to add)
    elif retired:  # (a word of an earlier list only, written after it: when it left the list)
        hint = _worded(RETIRED if day else RETIRED_IN_PERIOD, word=value, until=retired, day=on, period=item.doc.folder)
        line = None
    else:  # the closest word (主题班 → 主题班会, 后勤处 → 后勤保障处), or the word with its spaces or
        # full-width letters gone (“面对面 ”, “ＱＱ群”)
        plain = unicodedata.normalize("NFKC", value).strip()
        close = closest(plain, known) if known else None
        line = _line_with(item, key, close) if close else None  # (班级: 是不是“进班级”？ with the line to type)
        near = phrased(close)
        hint = (near["suggestion"], f"{near['suggestion_en']} " if close else "")
        if told := unseen(value, known):
            hint, line = told, None
        inside, quotes, quotes_en = chinese_quotes(plain)
        if quotes and inside in known:  # (form: “主题班会”, as Word or an input method types it: not 是不是“主题班会”？)
            line = _line_with(item, key, inside)
            hint = _worded(QUOTED, word=inside, quotes=quotes, quotes_en=quotes_en.strip())
        word, wording = None, None
        stop = value.strip()[-1:] if plain[:-1] in known else ""  # (as typed: NFKC makes “，” a “,”)
        if stop and stop in SENTENCE_STOPS:  # (面对面。 pasted with its sentence's end: told so)
            word, wording = plain[:-1], _worded(STOP_AFTER, word=plain[:-1], stop=stop)
        if said := rs.synonyms(vocab).get(plain):  # (线下: 面对面, as the policy lists the words said otherwise)
            word, wording, extend = said, _worded(SYNONYM, word=said, value=value), ("", "")  # (nothing to add)
        elif vocab == "feedback_statuses" and (was := _deleted_status(rs, plain)):  # (已上报, of 2025-H2's manifest)
            word, wording, extend = was[2], _worded(STATUS_DELETED, value=value, period=was[0], meaning=was[1],
                                                    word=was[2]), ("", "")
        if word:  # (no line to give: the word to write, in the place of the sentence's end)
            line = _line_with(item, key, word)
            hint = tuple(map(str.__add__, wording, _worded(END if line else WRITE_AS, word=word)))
    # (the line to type last, nothing after it: a 。 after it was typed with it, and refused again — 面对面。)
    extend = _worded(extend, records=_TOP())
    return [F.make("E-REF-005", item.file, item.pos(*key), title=title, title_en=en_path(key), value=value,
                   allowed=list(allowed), suggestion=hint[0], suggestion_en=hint[1], extend=extend[0], extend_en=extend[1],
                   typed=f"这一行写成：{line}" if line else "", typed_en=f" The line: {line}" if line else "")]


def _deleted_status(rs: RecordSet, status: str) -> tuple[str, str, str] | None:
    """(the archived period, the meaning, the status of now of that meaning) of a `status` the policy no longer lists
    that the manifest of an archived period recorded (the latest such period: archive.recorded_meanings), when one
    status of now has that meaning; else None (a manifest written before manifests recorded them tells nothing)."""
    def recorded():
        out: dict = {}
        for period, man in sorted(manifests(rs).items()):
            out.update((word, (period, meaning)) for word, meaning in recorded_meanings(man).items())
        return out
    period, meaning = rs.memoized(("archived_statuses",), recorded).get(status, (None, None))
    now = [word for word, then in rs.status_meaning().items() if then == meaning] if period else []
    return (period, meaning, now[0]) if len(now) == 1 else None


def _left_out(rs: RecordSet, vocab: str) -> bool:
    """Whether a valid policy has no list `vocab` at all: an optional one (feedback_natures), so no word is its."""
    return rs.policy.doc.rel not in rs.invalid and rs.setting("vocabularies", vocab) is None


def _no_list(rs: RecordSet, item: Item, key: tuple, value: str, vocab: str, title: str) -> list[F.Finding]:
    """E-REF-005 of a word where the policy has no such list (_left_out): the line is to be deleted, or the list
    added to the policy first."""
    zh, en = _worded(NO_LIST, title=title, vocab=vocab, name=en_path(key).rsplit(".", 1)[-1])
    extend = _worded(EXTEND, records=_TOP())
    return [F.make("E-REF-005", item.file, item.pos(*key), title=title, title_en=en_path(key), value=value, allowed="—",
                   suggestion=zh, suggestion_en=en, extend=extend[0], extend_en=extend[1], typed="", typed_en="")]


def _worded(wording: tuple[str, str], **values) -> tuple[str, str]:
    """A hint's (zh, en) of messages' `wording`, its fields filled in with `values`."""
    return wording[0].format(**values), wording[1].format(**values)


def _words(rs: RecordSet, item: Item, at: tuple, entry: dict, fields, known: dict, days: Days) -> list[F.Finding]:
    """_vocab of each field of one entry, the words looked up in `known` (vocab → set); its day read through `days`
    (each date as written parsed once a run)."""
    out = []
    text = entry.get(_DATED[at[0]])
    day = days[text] if isinstance(text, str) else parse_date(text)
    for key, vocab, title in fields:
        value = entry.get(key)
        if isinstance(value, str) and value not in known[vocab]:
            out += _vocab(rs, item, at + (key,), value, vocab, title, day)
    return out


_DATED = {"activities": "date", "feedback": "raised_on"}  # (the day an entry's words are judged by: _vocab)


def _ledgers(rs: RecordSet, frozen: set) -> tuple[list[F.Finding], list[tuple]]:
    """The findings of each ledger on its own, and its feedback items (feedback_summary), each
    ledger's kept between runs (cache.FileMemo): what they depend on besides the ledger is
    `_context`, so a run where only some ledgers changed reads no other ledger's values.
    `frozen`: the ledgers as archived by the day of the run (archive.frozen_ledgers, _ledger)."""
    points = rs.point_ids
    known = {v: _allowed(rs, v)[1] if rs.policy else set()
             for _k, v, _t in _ACTIVITY_WORDS + _FEEDBACK_WORDS + _SUGGESTION_WORDS}
    keys = sorted(rs.ledgers)
    ledgers = list(map(rs.ledgers.__getitem__, keys))
    memo = FileMemo(rs.root, "references", _context(rs, frozen), list(map(attrgetter("doc"), ledgers)))
    results = memo.kept()  # (None: to work out)
    todo = [k for k, kept in enumerate(results) if kept is None] if None in results else ()
    days = Days()  # (each date as written parsed once: 116,000 activities on a few thousand days at 12k)
    periods = {folder: rs.period(folder) if rs.policy else None for folder in {keys[k][0] for k in todo}}
    words = _words_of(known)
    for k in todo:
        (folder, stem), led = keys[k], ledgers[k]
        # (a ledger the loading process saw, most of them in a cold check: its values not read when it is quiet)
        seen = given[4] if (given := led.doc.facts) is not None and led.doc.sha256 else None
        if seen is not None and _quiet(rs, folder, stem, seen, periods[folder], points, known, days,
                                       keys[k] in frozen, words):
            results[k] = ([], _summary(seen[4], days))
            memo.put(k, results[k])
            continue
        results[k] = ([F.packed(f) for f in _ledger(rs, folder, stem, led, periods[folder], points, known, days,
                                                    keys[k] in frozen)],
                      feedback_summary(led, days))
        if led.get("cadre") == stem:  # (else its words may name another ledger of its folder, there or not
            # (_merge_into), which the memo's context does not hold: worked out again each run — a ledger in error)
            memo.put(k, results[k])
    memo.save()
    return ([F.Finding(*f) for found, _items in results for f in found],
            [(led, *item) for led, (_found, items) in zip(ledgers, results) for item in items])


def _merge_into(folder: str, cadre: str) -> dict:
    """The words (to, to_en) for a file whose content is `cadre`'s ledger of `folder` when that ledger is there
    already (E-REF-011's hint, _renamed's and E-REF-003's: _not_hers, _whose): merge it in, not move or rename it
    onto that file — which would replace her real ledger."""
    return {"to": f"本期已有 {_TOP()}/ledgers/{folder}/{cadre}.yaml：请把这个文件的内容合并进那份台账，再删除这个文件",
            "to_en": f"{_TOP()}/ledgers/{folder}/{cadre}.yaml exists already: merge this file into it and delete this one"}


_ONE_EACH = "（每人每期只有一份台账）。", " (one ledger a cadre a half-year)."  # (after _merge_into's words)


def _misnamed(rs: RecordSet, stem: str, cadre) -> bool:
    """A file named after no cadre whose content names one (a second file for the same half-year,
    bai-taoyu-2.yaml): the file name is what is wrong, not the cadre's id it holds."""
    return isinstance(cadre, str) and cadre != stem and not rs.id_known("cadre", stem) and rs.id_known("cadre", cadre)


def _renamed(rs: RecordSet) -> list[F.Finding]:
    """E-REF-001 of each misnamed ledger (_misnamed), with the file it should be, and whether that
    file is there already: then its content belongs in it."""
    out = []
    zh, en, _ = _WHAT["cadre"]
    for (folder, stem), led in rs.ledgers.items():
        if rs.id_known("cadre", stem) or not SLUG.fullmatch(stem):  # (before its values: a warm run reads none)
            continue
        cadre = led.get("cadre")
        if not _misnamed(rs, stem, cadre):
            continue
        merge = _merge_into(folder, cadre) if (folder, cadre) in rs.ledgers else None
        hint = {"suggestion": f"文件名就是干部编号，按文件中的干部编号，文件应叫 {cadre}.yaml"
                              + (f"；但{merge['to']}{_ONE_EACH[0]}" if merge else "：请给文件改名。"),
                "suggestion_en": f"The file name is the cadre's id: by its content this file is {cadre}.yaml"
                                 + (f"; {merge['to_en']}{_ONE_EACH[1]}" if merge else ": rename it.")}
        out.append(F.make("E-REF-001", led.file, led.pos("cadre"), what=zh, what_en=en, ref=stem,
                          check="", check_en="", **_MISSING, **hint))
    return out


def _context(rs: RecordSet, frozen: set) -> str | None:
    """A digest of all that `_ledger` reads besides the ledger: the records folder as its words name it (F.records_shown:
    records/ledgers/…, my-records/ledgers/…), the policy (its periods and word
    lists), the calendar (its semesters, for a period written by a semester's name), the archive's manifests (the statuses
    they recorded), the ids and names
    of cadres, classes and clubs, the day each cadre took office (RecordSet.took_office) and the days of her assignment rows, which kinds of file could not be read and which ledgers are frozen.
    None (nothing kept) when the policy's or the calendar's bytes are not known."""
    policy = rs.policy.doc if rs.policy else None
    if policy is not None and not policy.sha256:
        return None
    calendar = rs.calendar.doc if rs.calendar else None  # (its semesters' names: _period_named)
    if calendar is not None and not calendar.sha256:
        return None
    archived = sorted(manifests(rs).values(), key=attrgetter("rel"))  # (the statuses they recorded: _deleted_status)
    if not all(man.sha256 for man in archived):
        return None
    parts = [_TOP(), policy.rel + policy.sha256 if policy else "-", calendar.rel + calendar.sha256 if calendar else "-",
             *sorted(map(str, rs.unreadable_kinds)), "",
             *sorted(map("/".join, frozen)), "", *(man.rel + man.sha256 for man in archived), "",
             *sorted(rs.cadres), "", *sorted(rs.cadre_files), "", *sorted(rs.classes), "", *sorted(rs.clubs),
             "", *sorted(f"{n}\1{i}" for n, i in rs.point_names.items()),
             "", *sorted(f"{n}\1{i}" for n, i in rs.cadre_names.items()),
             "", *(f"{c}\1{rs.took_office(c)}\1{[rs.assignment_span(r) for r in rs.rows_of(c)]}"
                   for c in sorted(rs.cadres))]
    # (E-REF-004 and E-REF-003 of a day before it, or in a period without a point of hers: _not_owed)
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _ledger(rs: RecordSet, folder: str, stem: str, led: Item, period: Period | None, points: set, known: dict,
            days: Days, frozen: bool = False) -> list[F.Finding]:
    """The findings of one ledger (its names, its period, the ids and words it uses, its dates).
    A `frozen` ledger (as archived: archive.frozen_ledgers) is not judged against the policy's word lists, nor
    the classes and clubs, as changed since — a word retired (E-REF-005) or a class deleted later
    (E-REF-001) is not the cadre's to replace; its own names, period and dates still are.  `period`: the folder's
    (rs.period), `points`, `known` and `days` as _ledgers gives them."""
    out, values = [], led.data
    named = bool(SLUG.fullmatch(stem))  # else E-REF-011 says what is wrong with the name
    cadre = values.get("cadre")
    renamed = named and _misnamed(rs, stem, cadre)
    meant = rs.cadre_names.get(_name_in(cadre, rs.cadre_names)) if named and cadre != stem else None  # (an id, or
    # the ids of a shared name; 张 伟 is 张伟)
    if named and cadre != stem and (meant == stem or (isinstance(meant, tuple) and stem in meant)):
        out.append(_missing(led, "cadre", "cadre", cadre, rs.cadres, names=rs.cadre_names))  # (cadre: 李娜, her own name)
    elif named and cadre is not None and cadre != stem and not renamed:
        move, data = _whose(rs, led, folder, stem, meant) if meant else _not_hers(rs, led, folder, stem)
        out.append(_place(led, "cadre", "干部编号", "cadre", cadre, stem, data=data, **move))
    written = values.get("period")
    if rs.policy and period is None and not (folder[:4].isdigit() and folder[4:5] == "-"
                                                 and days_are_no_days(rs, folder[5:])):
        # the folder is wrong: say so, and where the file belongs (not when it names a period whose
        # own days are no days: E-REF-012 says so, once, at the policy's day)
        moved = written if isinstance(written, str) and written != folder and rs.period(written) else None
        out.append(F.make("E-REF-007", led.file, led.pos("period"), value=folder,
                          move=f"按文件中的期间，应放在 {_TOP()}/ledgers/{moved}/ 文件夹中。" if moved else "",
                          move_en=f" By the period it gives, it belongs in {_TOP()}/ledgers/{moved}/." if moved else ""))
    elif written is not None and written != folder and not (isinstance(written, str) and period_meant(written) == folder):
        # (not "should be" a folder name that is no period; period: 2026-h1, 2026H1 are E-SCHEMA-005's: 写成 2026-H1)
        # saved in the wrong half-year's folder: its period and its dates agree, so say where it belongs
        # (not "check the date" on each activity as well)
        belongs = rs.period(written) if isinstance(written, str) else None
        named_as = _period_named(rs, written, folder) if isinstance(written, str) and rs.policy and not belongs else None
        belongs = rs.period(named_as[0]) if named_as else belongs  # (2026年上半年, 2026年秋季: the period meant)
        dates = [parse_date(act.get("date")) for act in _dicts(values.get("activities"))]
        if belongs and all(d and belongs.start <= d <= belongs.end for d in dates):
            period = None
        move = {"move": f"按文件中的期间和活动日期，这份台账属于 {written}：请把它移到 {_TOP()}/ledgers/{written}/ 文件夹。"
                if period is None else "",
                "move_en": f" By its period and dates it is a ledger of {written}: move it to {_TOP()}/ledgers/{written}/."
                if period is None else ""}
        if belongs and not named_as:  # (another period's id: the folder's, or its dates', is the one meant)
            move.update(problem=f"与台账所在的文件夹 {_TOP()}/ledgers/{folder}/ 不一致",
                        problem_en=f"does not match the ledger's folder {_TOP()}/ledgers/{folder}/")
        elif not named_as:
            move.update(problem="不是政策规定的填报期间", problem_en="is not a ledger period of the policy")
        told = None
        if period is not None and not named_as and dates and all(d and period.start <= d <= period.end for d in dates):
            line = _line_with(led, ("period",), folder) or f"period: {folder}"
            told = {"line": line}  # (the schema's E-SCHEMA-005 of 2026-HI here goes: pipeline._named_told_once)
            move.update(why="", why_en="",
                        move=f"这份台账在 {_TOP()}/ledgers/{folder}/ 中，活动日期也都在 {folder}（{period.start} 至 {period.end}）之内，"
                             f"这一行写成：{line}",
                        move_en=f"This ledger is in {_TOP()}/ledgers/{folder}/ and its dates are all in {folder} ({period.start} "
                                f"to {period.end}). The line: {line}")
        elif period is not None and not named_as and (outside := _outside(rs, led, period, dates, folder, stem)):
            told = {"line": outside.pop("line")}  # (2026-HI's E-SCHEMA-005 here goes too: pipeline._named_told_once)
            move.update(why="", why_en="", **outside)
        elif period is None:
            move.update(why="", why_en="")
        if named_as:  # (the schema's E-SCHEMA-005 here goes: pipeline._named_told_once)
            move = _period_words(rs, led, written, named_as, folder if period is not None else belongs.id, folder)
        out.append(_place(led, "period", "填报期间", "period", written, folder,
                          data={"named": named_as[0]} if named_as else told, **move))
    # (a misnamed file's is _renamed's: it reads the half-year's other ledgers, not kept with this one's)
    if named and not renamed and not rs.id_known("cadre", stem) and isinstance(cadre, str):
        out.append(_missing(led, "cadre", "cadre", stem, rs.cadres))
    for i, point in enumerate(points_of if isinstance(points_of := values.get("contact_points"), list) else ()):
        if isinstance(point, str) and point not in points and not rs.id_known("point", point) and not frozen:
            out.append(_missing(led, ("contact_points", i), "point", point, points, names=rs.point_names))
    copied: dict = {}  # (date, summary) → the activities with them (E-REF-017)
    # (116,000 activities at 12k: the word lists' sets looked up once a ledger, not once a word; each
    # date as written parsed once a run, `days`)
    words, fb_words = ((), ()) if frozen else _words_of(known)
    start, end = (period.start, period.end) if period else (None, None)
    acts = _dicts(values.get("activities"))
    for i, act in enumerate(() if _nothing_to_say(acts, days, start, end, words) else acts):
        date = act.get("date")
        same = copied.setdefault((str(date), str(act.get("summary"))), [])
        if same:
            first = next((k for k, other in same if other == act), None)
            if first is not None and not frozen:
                out.append(F.make("E-REF-017", led.file, led.pos("activities", i),
                                  first_line=led.pos("activities", first)[0]))
        same.append((i, act))
        d = days[date] if period and isinstance(date, str) else None
        if d and not start <= d <= end and not in_no_period(rs, d):  # (else E-REF-019)
            out.append(F.make("E-REF-004", led.file, led.pos("activities", i, "date"), date=d, period=period.id,
                              start=start, end=end, **_elsewhere(rs, led, ("activities", i, "date"), d, period, stem)))
        if _unlisted(act, words):
            out += _words(rs, led, ("activities", i), act, _ACTIVITY_WORDS, known, days)
    for i, fb in enumerate(_dicts(values.get("feedback"))):
        if _unlisted(fb, fb_words):
            out += _words(rs, led, ("feedback", i), fb, _FEEDBACK_WORDS, known, days)
        if _resolved_first(fb, days):
            out += _date_order(Item(led.doc, ("feedback", i), fb), "raised_on", "resolved_on")
    for i, sug in enumerate([] if frozen else _dicts(values.get("suggestions"))):
        if isinstance(to := sug.get(_SUGGESTION_KEY), str) and to not in known[_SUGGESTION_LIST]:
            out += _vocab(rs, led, ("suggestions", i, _SUGGESTION_KEY), to, _SUGGESTION_LIST, _SUGGESTION_TITLE)
    return out


def _outside(rs: RecordSet, led: Item, period: Period, dates: list, folder: str, stem: str) -> dict | None:
    """E-REF-003's words for a period not the folder's (2026-H2, 2026-HI) in a ledger some of whose activities'
    `dates` are outside the folder's `period`: which, its days, the line and where those activities go (the ledger
    of their period); and the line.  None when none is outside (a date not read: its own finding)."""
    out = sorted({d for d in dates if d and not period.start <= d <= period.end})
    if not out:
        return None
    inside = sorted({d for d in dates if d and period.start <= d <= period.end})
    line = _line_with(led, ("period",), folder) or f"period: {folder}"
    elsewhere: dict = {}
    owes_none: dict = {}  # (the words of a period she owes no ledger of → its days: _not_owed)
    for d in out:
        if said := _not_owed(rs, stem, d):
            owes_none.setdefault(said, []).append(str(d))
        elif there := rs.periods_between(d, d):
            elsewhere.setdefault(f"{_TOP()}/ledgers/{there[0].id}/{stem}.yaml", []).append(str(d))
    dates_zh, dates_en = "、".join(map(str, out)), ", ".join(map(str, out))
    go = "，".join(f"{'、'.join(ds)} 的活动请记入 {to}" for to, ds in elsewhere.items())
    go_en = ", ".join(f"the activit{'y' if len(ds) == 1 else 'ies'} of {', '.join(ds)} go{'es' if len(ds) == 1 else ''} "
                      f"in {to}" for to, ds in elsewhere.items())
    if owes_none:  # (not "goes in that period's ledger": one she does not owe)
        go = "；".join([go + "。"] * bool(go) + [f"{'、'.join(ds)} 的活动：{zh}" for (zh, _en), ds in owes_none.items()])
        go_en = "; ".join([go_en + "."] * bool(go_en) + [f"the activit{'y' if len(ds) == 1 else 'ies'} of {', '.join(ds)}: "
                                                         f"{en}" for (_zh, en), ds in owes_none.items()])
    return {"line": line,
            "move": f"活动日期 {dates_zh} 不在这个文件夹的期间 {folder}（{period.start} 至 {period.end}）之内"
                    + (f"，{'、'.join(map(str, inside))} 在" if inside else "") + f"。这份台账在 {_TOP()}/ledgers/{folder}/ 中，"
                    f"这一行写成：{line}" + (f"；{go}" + "。" * (not go.endswith("。")) if go else "；其他期间的活动请记入那一期的台账。"),
            "move_en": f"The activity date{'s' if len(out) > 1 else ''} {dates_en} {'are' if len(out) > 1 else 'is'} "
                       f"not in the folder's period {folder} ({period.start} to {period.end})"
                       + (f"; {', '.join(map(str, inside))} {'are' if len(inside) > 1 else 'is'}" if inside else "")
                       + f". This ledger is in {_TOP()}/ledgers/{folder}/. The line: {line}"
                       + (f"; {go_en}" + "." * (not go_en.endswith(".")) if go_en
                          else "; activities of another period go in that period's ledger.")}


def _elsewhere(rs: RecordSet, led: Item, key: tuple, day: dt.date, period: Period, stem: str) -> dict:
    """E-REF-004's hint for an activity's `day` outside the ledger's `period`: the ledger of the period it is in, by
    name (ledgers/2026-H2/li-na.yaml), and, when the day with the period's year is in the period (2025-04-20 in 2026-H1:
    a year mistyped, last year's as the year begins), the line with that day to type."""
    there = ledgers_of(rs, stem, day)
    go, go_en = there[0] if there else ("那一期的台账", "that period's ledger")
    go, go_en = f"请记入{' ' * bool(there)}{go}", f"goes in {go_en}"
    meant = {d for year in {period.start.year, period.end.year} if (d := _in_year(day, year)) and period.start <= d <= period.end}
    line = _line_with(led, key, meant.pop().isoformat()) if len(meant) == 1 else ""
    if said := _not_owed(rs, stem, day):  # (no ledger of hers then: none to move it to)
        zh, en = said
        if line:
            zh, en = f"年份写错了吗？这一行写成：{line}；{zh}", f"Is the year mistyped? The line: {line}. {en}"
        return {"how": zh, "how_en": en}
    if not line:
        return {"how": f"请检查日期；{day} 的活动{go}。", "how_en": f"Check the date; an activity of {day} {go_en}."}
    return {"how": f"年份写错了吗？这一行写成：{line}；如果确是 {day} 的活动，{go}（从这一份删去这一项）。",
            "how_en": f"Is the year mistyped? The line: {line}. If the activity was on {day}, it {go_en} (delete the "
                      "item from this one)."}


def _not_owed(rs: RecordSet, stem: str, day: dt.date) -> tuple[str, str] | None:
    """The words (zh, en) for an activity of `day` in the ledger of the cadre `stem` when she owes no ledger of the
    period holding it: before her first contact point (RecordSet.took_office: BEFORE_OFFICE), or a period after it
    in which no row of hers counts (NOT_OWED: left office, between two points); None when she owes it, or it is
    no period's, or the assignment table gives her no row (her other findings say so)."""
    took = rs.took_office(stem)
    if not took:
        return None
    name = (rs.cadres[stem].get("name") if stem in rs.cadres else None) or stem
    if day < took[0]:
        return tuple(t.format(name=name, took=took[0], records=_TOP())
                     for t in BEFORE_OFFICE["appointed" if took[1] else "point"])
    there = rs.periods_between(day, day)
    if not there or any(rs.held_between(row, there[0].start, there[0].end) for row in rs.rows_of(stem)):
        return None
    p = there[0]
    return tuple(t.format(name=name, period=p.id, start=p.start, end=p.end, records=_TOP()) for t in NOT_OWED)


def _in_year(day: dt.date, year: int) -> dt.date | None:
    """`day` in `year` (02-29 in a year without it: None)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return None


def _nothing_to_say(acts: list[dict], days: Days, start, end, words) -> bool:
    """Whether the loop over a ledger's activities (_ledger) would find nothing, asked of the ledger's
    values at once, in C (most ledgers: 116,000 activities at 12k): no two of them on one day with one
    summary (E-REF-017), every day a date in the period's `start`–`end` (E-REF-004), every word in its
    list (`words`, E-REF-005).  False when unsure (a date missing or no date, a list where a text belongs)."""
    seen = _activities_seen(acts)
    return seen is not None and _activities_quiet(seen, days, start, end, words)


def _activities_seen(acts: list[dict]) -> tuple | None:
    """What _nothing_to_say asks of a ledger's activities whatever the policy: (their distinct dates as
    written, {each word's field: its distinct values}); None when two of them are on one day with one
    summary, or a value is no text (unhashable: then the loop tells)."""
    get = dict.get
    try:
        dates = set(map(get, acts, repeat("date")))
        if len(dates) < len(acts) and len(set(zip(map(get, acts, repeat("date")),
                                                  map(str, map(get, acts, repeat("summary")))))) < len(acts):
            return None
        return dates, {key: set(map(get, acts, repeat(key))) for key in _ACTIVITY_KEYS}
    except TypeError:
        return None


def _activities_quiet(seen: tuple, days: Days, start, end, words) -> bool:
    """_nothing_to_say of the activities `seen` (_activities_seen), in a period `start`–`end` (None: none)."""
    dates, values = seen
    try:
        if start and dates and not (start <= min(ds := list(map(days.__getitem__, dates))) and max(ds) <= end):
            return False  # (a day that is no date, None, is not compared: TypeError)
        for key, allowed in words:
            if not _only(allowed, values[key]):
                return False
        return True
    except TypeError:  # (a value that is no text: unhashable, or no date)
        return False


def _resolved_first(fb: dict, days: Days) -> bool:
    """Whether a feedback item was resolved before it was raised (_date_order's E-REF-008)."""
    raised, resolved = fb.get("raised_on"), fb.get("resolved_on")
    return isinstance(raised, str) and isinstance(resolved, str) and bool(days[raised]) and bool(days[resolved]) \
        and days[resolved] < days[raised]


def seen_of(values: dict, points: tuple, items: tuple) -> tuple | None:
    """What `_ledger` reads of a ledger's values, as far as it can be known without the other records, beside
    its contact points written as text and its feedback items that are a non-empty mapping ((index, value) each,
    as check/facts.py holds them): enough for `_quiet` to tell, with the other records, that it has nothing to
    say of the ledger — as of most ledgers — without its values, and for its feedback_summary.  Worked out by the
    process that loads the ledger (facts.given_of: Document.facts) when the checks will run, so that the
    references' copy reads no such ledger's values (their groups' marshals: ≈0.25 s of its CPU at 12k).  None
    when unsure (two activities alike, a value that is no text where one belongs: `_ledger` says what)."""
    cadre, written = values.get("cadre"), values.get("period")
    if type(cadre) is not str or not (written is None or type(written) is str):
        return None
    acts = _activities_seen(_dicts(values.get("activities")))
    try:
        to = set(map(dict.get, _dicts(values.get("suggestions")), repeat(_SUGGESTION_KEY)))
    except TypeError:  # (a value that is no text: unhashable)
        return None
    if acts is None:
        return None
    # (the distinct values as tuples, not sets: the loading copy marshals them, and marshal writes a set's items
    # sorted — nine dates 5.5 µs, 1.1 µs as a tuple; `_quiet` asks of them nothing but their items)
    dates, words = acts
    return (cadre, written, points, (tuple(dates), {key: tuple(v) for key, v in words.items()}), items, tuple(to))


def _quiet(rs: RecordSet, folder: str, stem: str, seen: tuple, period: Period | None, points: set, known: dict,
           days: Days, frozen: bool, words: tuple) -> bool:
    """Whether `_ledger` would say nothing of a ledger, told by what the loading process saw of it (`seen_of`)
    and the other records; False when unsure (then `_ledger` reads its values).  `words`: the activities' and
    the feedback items' (field, its words) pairs (`_words_of`, made once a run, not once a ledger)."""
    cadre, written, named, acts, items, to = seen
    if cadre != stem or not SLUG.fullmatch(stem) or not rs.id_known("cadre", stem):
        return False
    if (rs.policy and period is None) or (written is not None and written != folder):
        return False
    if not frozen and not all(p in points or rs.id_known("point", p) for _i, p in named):
        return False
    start, end = (period.start, period.end) if period else (None, None)
    if not _activities_quiet(acts, days, start, end, () if frozen else words[0]):
        return False
    fb_words = () if frozen else words[1]
    for _i, fb in items:  # (a loop: 1.7 items a ledger, no generator made for them)
        if _unlisted(fb, fb_words) or _resolved_first(fb, days):
            return False
    return frozen or _only(known[_SUGGESTION_LIST], to)


def _words_of(known: dict) -> tuple[list, list]:
    """The activities' and the feedback items' (field, its words as a set) pairs (_unlisted's `words`)."""
    return ([(key, known[vocab]) for key, vocab, _title in _ACTIVITY_WORDS],
            [(key, known[vocab]) for key, vocab, _title in _FEEDBACK_WORDS])


def words_written(values: dict):
    """(word list, word, the entry's date as written — None: the ledger period's start) of each text a ledger's
    `values` hold at a field _vocab judges by a word list (W-CHK-028: the ledgers a deleted word leaves in error)."""
    for section, fields in (("activities", _ACTIVITY_WORDS), ("feedback", _FEEDBACK_WORDS),
                            ("suggestions", _SUGGESTION_WORDS)):
        for entry in _dicts(values.get(section)):
            for key, vocab, _title in fields:
                if isinstance(word := entry.get(key), str):
                    yield vocab, word, entry.get(_DATED.get(section, ""))


def _unlisted(entry: dict, words) -> bool:
    """Whether a text of `entry` (an activity, a feedback item) at one of `words`' keys is not in its list (E-REF-005)."""
    return any(isinstance(value := entry.get(key), str) and value not in allowed for key, allowed in words)


def _only(allowed: set, values) -> bool:
    """Whether every text of `values` (distinct values: a set, or seen_of's tuple) is in `allowed` (what is not
    text is the schema's to tell)."""
    return allowed.issuperset(values) or not any(isinstance(value, str) and value not in allowed for value in values)


def _period_words(rs: RecordSet, led: Item, written: str, named_as: tuple, meant: str, folder: str) -> dict:
    """E-REF-003's words for a period written by a name (_period_named's `named_as`): what it names, and
    the line to type with the period `meant` — the folder's, or another that its name and dates agree on
    (then the folder to move it to)."""
    line = _line_with(led, ("period",), meant) or f"period: {meant}"
    said, said_en = f"“{written}”是{named_as[1]}的名称。", f"'{written}' is the name of {named_as[2]}. "  # (one colon a
    # sentence: the line's)
    words = {"why": "", "why_en": "", "problem": "是名称，这里要写编号", "problem_en": "is a name; a period is written by its id"}
    if named_as[3]:  # (2026年第一学期: which semester is not sure; the period is the half-year's, which the folder says)
        half = rs.period(folder)
        said, said_en = f"{named_as[3][0]}。", f"{named_as[3][1]}. "
        words.update(problem="是学期的名称，这里要写半年的编号",
                     problem_en="names a semester; a period is written by a half-year's id")
        if meant == folder and half:
            return {**words, "move": f"{said}这份台账在 {_TOP()}/ledgers/{folder}/ 中，是{half.name}（{half.start} 至 {half.end}）的台账，"
                                     f"这一行写成：{line}",
                    "move_en": f"{said_en}This ledger is in {_TOP()}/ledgers/{folder}/, the ledger of the half-year {half.id} "
                               f"({half.start} to {half.end}). The line: {line}"}
    if meant != folder:
        return {**words, "move": f"{said}按期间名称和活动日期，这份台账属于 {meant}，请把它移到 {_TOP()}/ledgers/{meant}/ 文件夹，这一行写成：{line}",
                "move_en": f"{said_en}By its name and dates it is a ledger of {meant}: move it to {_TOP()}/ledgers/{meant}/. The line: {line}"}
    return {**words, "move": f"{said}这份台账在 {_TOP()}/ledgers/{folder}/ 中，这一行写成：{line}",
            "move_en": f"{said_en}This ledger is in {_TOP()}/ledgers/{folder}/. The line: {line}"}


def _plain_name(text: str) -> str:
    """A period's or a semester's name as compared: no spaces, digits narrow, any dash or 至 a '-'."""
    return re.sub("[—–－~～至到]", "-", re.sub(r"\s+", "", narrow(text)))


def _period_named(rs: RecordSet, written: str, folder: str) -> tuple[str, str, str, tuple | None] | None:
    """(the period's id, what `written` names, zh and en, and _semesters_it_may_name's words) for a ledger's period written by a name: a period's
    as the policy names it, with its year or without (2026年上半年, 上半年: the folder's year), or a semester's
    of the calendar — its name (2026—2027学年第一学期), its year and its name in the academic year (2026年第一学期)
    or its season (2026年春季: the semester beginning in the year's first period, 秋季: in its last) — whose
    period is the folder's when the semester is partly in it, else the one most of it is in; or None."""
    m = re.fullmatch(r"(?:([0-9]{4})年?)?(.+?)(?:的?台账)?", _plain_name(written))
    year = m and (m.group(1) or (folder[:4] if folder[:4].isdigit() else None))
    if not year:
        return None
    periods = rs.setting("ledger", "periods", default=[])
    rest, periods = m.group(2), [p for p in periods if isinstance(p, dict)] if isinstance(periods, list) else []
    for p in periods:
        if isinstance(p.get("name"), str) and _plain_name(p["name"]) == rest and (named := rs.period(f"{year}-{p.get('id')}")):
            return named.id, f"期间 {named.id}（{named.name}）", f"the period {named.id} ({named.start} to {named.end})", None
    sems = [s for s in rs.semesters() if _plain_name(s.name) == _plain_name(written)]
    said = None
    if not sems and m.group(1):  # (2026年第一学期: of the academic year 2026—2027, or 2025—2026 if that is the folder's)
        sems = [s for s in rs.semesters() if (n := re.fullmatch(r"([0-9]{4})-([0-9]{4})学年(.+)", _plain_name(s.name)))
                and year in n.group(1, 2) and n.group(3) == rest]
        sems.sort(key=lambda s: not s.name.startswith(year))
        said = _semesters_it_may_name(rs, written, year, sems)
    season = re.fullmatch(r"([春秋])季?(?:学期)?", rest)
    if not sems and season and m.group(1):
        ids = [p.get("id") for p in sorted(periods, key=lambda p: str(p.get("start")))]
        part = rs.period(f"{year}-{ids[0 if season.group(1) == '春' else -1]}") if ids else None
        sems = [s for s in rs.semesters() if part and part.start <= s.start <= part.end]
    for sem in sems:
        spans = rs.periods_between(sem.start, sem.end)
        if any(p.id == folder for p in spans):
            return folder, f"学期（{sem.name}）", f"the semester {_semester_en(sem)}", said
    if sems and (spans := rs.periods_between(sems[0].start, sems[0].end)):
        most = max(spans, key=lambda p: (min(p.end, sems[0].end) - max(p.start, sems[0].start)).days)
        return most.id, f"学期（{sems[0].name}）", f"the semester {_semester_en(sems[0])}", said
    return None


def _semesters_it_may_name(rs: RecordSet, written: str, year: str, by_year: list) -> tuple[str, str] | None:
    """(zh, en) saying which semesters of the calendar a calendar year with a semester's place (2026年第一学期)
    may name — that place in each academic year the year is in (`by_year`: 2025—2026学年第一学期, 2026—2027学年
    第一学期), or in the year's own order (the first semester to begin in 2026: its spring) — or None when
    they are one semester."""
    sems = rs.semesters()
    in_year = [s for s in sems if s.start.year == int(year)]
    places = {s.id: [o.id for o in sems if o.year == s.year].index(s.id) for s in by_year}
    by_order = [in_year[k] for k in sorted(set(places.values())) if k < len(in_year)]
    by_order = [s for s in by_order if s not in by_year]
    if not by_order and len(by_year) < 2:
        return None
    by_year = sorted(by_year, key=lambda s: s.start)
    days = lambda ss, sep, to: sep.join(f"{s.name}（{s.start} {to} {s.end}）" for s in ss)
    days_en = lambda ss: " or ".join(map(_semester_en, ss))
    zh = f"“{written}”指哪个学期并不确定：按学年是{days(by_year, '或', '至')}" + (
        f"，按 {year} 年中的先后是{days(by_order, '或', '至')}" if by_order else "")
    en = f"'{written}' may name more than one semester: by academic year {days_en(by_year)}" + (
        f"; by its order in {year}, {days_en(by_order)}" if by_order else "")
    return zh, en


def _semester_en(sem) -> str:
    """A semester as English names it: its id and days (2025-2026-1 (2025-09-01 to 2026-01-16)), as the checks'
    messages do — its name is Chinese."""
    return f"{sem.id} ({sem.start} to {sem.end})"


def _whose(rs: RecordSet, led: Item, folder: str, stem: str, ids) -> tuple[dict, dict]:
    """E-REF-003's words, and data, for another cadre's name (`ids`: hers, or namesakes') in the ledger `stem`
    (cadre: 张伟 in li-na.yaml): that it is a name, whose ledger the file is with the line to type, and where
    the other's would be.  (The schema's E-SCHEMA-005 here goes: pipeline._named_told_once.)"""
    name, ids = _name_in(led.get("cadre"), rs.cadre_names), sorted(ids) if isinstance(ids, tuple) else [ids]
    own = rs.cadres[stem].get("name") if stem in rs.cadres else None
    own = own if isinstance(own, str) else stem
    line = _line_with(led, ("cadre",), stem) or f"cadre: {stem}"
    had = [i for i in ids if (folder, i) in rs.ledgers]  # (hers is there: not onto it, but merged in)
    free = [i for i in ids if i not in had]
    theirs, theirs_en = ("、".join(f"{_TOP()}/ledgers/{folder}/{i}.yaml" for i in free), " or ".join(f"{_TOP()}/ledgers/{folder}/{i}.yaml" for i in free))
    meant = free[0] if len(free) == 1 else "…"
    who = (lambda i: f"{name}（{i}）", lambda i: f"{name}'s ({i})") if len(ids) > 1 and had else \
        (lambda i: name, lambda i: f"{name}'s")  # (namesakes, one of whom has a ledger here: which is which)
    tell = ([f"如果这是{who[0]('、'.join(free))}的台账，它应是 {theirs}，写 cadre: {meant}"] if free else []) + [
        f"如果{'这' if not free else ''}是{who[0](i)}的{'台账' if not free else ''}，{_merge_into(folder, i)['to']}"
        for i in had]
    tell_en = ([f"if it is {who[1](', '.join(free))}, it is {theirs_en}, with cadre: {meant}"] if free else []) + [
        f"if it is {who[1](i)}, {_merge_into(folder, i)['to_en']}" for i in had]
    return {"problem": "是另一位干部的姓名，这里要写这份台账的干部编号", "why": "", "why_en": "",
            "problem_en": "is another cadre's name; write the id of this ledger's cadre",
            "move": f"“{name}”的编号是 {'、'.join(ids)}，这份台账是{own}的，这一行写成：{line}；"
                    + "；".join(tell) + (_ONE_EACH[0] if had else "。"),
            "move_en": f"The id of '{name}' is {', '.join(ids)}; this ledger is {own}'s: {line}; "
                       + "; ".join(tell_en) + (_ONE_EACH[1] if had else ".")}, {"named": ids}


def _not_hers(rs: RecordSet, led: Item, folder: str, stem: str) -> tuple[dict, dict]:
    """E-REF-003's words, and data, for a ledger's cadre that is not its file's name (cadre: li-nna, or another
    cadre's id, in li-na.yaml): the file name is the id, whose ledger the file is with the line to type, and where
    the other's would be.  (The schema's E-SCHEMA-005 of an id written otherwise here — cadre: Li-Na — goes: the
    line to type is right: pipeline._named_told_once.)"""
    cadre, own = led.get("cadre"), rs.cadres[stem].get("name") if stem in rs.cadres else None
    own = own if isinstance(own, str) else stem
    line = _line_with(led, ("cadre",), stem) or f"cadre: {stem}"
    other = rs.cadres.get(cadre) if isinstance(cadre, str) and rs.id_known("cadre", cadre) else None
    theirs = other.get("name") if other is not None and isinstance(other.get("name"), str) else cadre
    there = _merge_into(folder, cadre) if other is not None and (folder, cadre) in rs.ledgers else None
    # (hers is there: following "it should be ledgers/…/hers.yaml" would replace it)
    hers = (f"；如果这是{theirs}的台账，{there['to']}{_ONE_EACH[0]}" if there
            else f"；如果这是{theirs}的台账，它应是 {_TOP()}/ledgers/{folder}/{cadre}.yaml。" if other is not None else "")
    hers_en = (f"; if it is {theirs}'s, {there['to_en']}{_ONE_EACH[1]}" if there
               else f"; if it is {theirs}'s, it is {_TOP()}/ledgers/{folder}/{cadre}.yaml." if other is not None else "")
    return {"problem": f"与文件名 {stem}.yaml 不一致", "problem_en": f"does not match the file name {stem}.yaml",
            "why": "", "why_en": "",
            "move": f"文件名就是干部编号，这份台账是{own}的，这一行写成：{line}{hers}",
            "move_en": f"The file name is the cadre's id; this ledger is {own}'s: {line}{hers_en}"}, {"line": line}


def _list(value) -> list:
    """A list from a record, or [] when the record has something else there (validate says so)."""
    return value if isinstance(value, list) else []


def _dicts(value):
    return [v if isinstance(v, dict) else {} for v in value] if isinstance(value, list) else []


def feedback_summary(led: Item, days: Days | None = None) -> list[tuple]:
    """(index, id, follows, raised on) of each feedback item of one ledger, as _feedback_links reads
    them (what is not text is None; the date as text, which the cache can keep).  `days`: the dates
    as written parsed so far (Days)."""
    return _summary(enumerate(_dicts(led.get("feedback"))), Days() if days is None else days)


def _summary(items, days: Days) -> list[tuple]:
    """feedback_summary of a ledger's feedback items ((index, value) each)."""
    out = []
    for i, fb in items:
        if fb:
            raised = days[text] if isinstance(text := fb.get("raised_on"), str) else None
            out.append((i, _text(fb.get("id")), _text(fb.get("follows")), raised.isoformat() if raised else None))
    return out


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _feedback_links(rs: RecordSet, feedback: list[tuple]) -> list[F.Finding]:
    """Feedback ids are unique, and a follow-up (`follows`) names an earlier item.  `feedback`:
    (ledger, index, id, follows, raised on) of every item, ledgers in period order then file order."""
    out = []
    first: dict[str, tuple] = {}
    starts: dict[str, object] = {}  # a ledger's folder → its period's start (None: no such period)

    def start(led: Item):
        folder = led.doc.folder
        if folder not in starts:
            period = rs.period(folder)
            starts[folder] = period.start if period else None
        return starts[folder]

    for led, i, fid, _follows, raised in feedback:
        if fid is None:
            continue
        if fid in first:
            other = first[fid]
            out.append(F.make("E-REF-002", led.file, led.doc.pos(("feedback", i, "id")), ref=fid,
                              other=f"{other[0].file}:{other[0].doc.pos(('feedback', other[1], 'id'))[0]}"))
        else:
            first[fid] = (led, i, raised)
    by_cadre: dict = {}  # (a ledger's file name → the ids of its items, in period order: made once, when asked)
    for led, i, fid, ref, raised in feedback:
        if ref is None:
            continue
        where = ("feedback", i, "follows")
        if ref not in first and not by_cadre:
            for known, (other, _j, _r) in first.items():
                by_cadre.setdefault(other.doc.stem, []).append((other, known))
        if ref not in first and "ledger" in rs.unreadable_kinds:
            continue  # (it may be in a ledger that could not be read: that file's finding is the one to fix)
        if ref not in first:
            out.append(F.make("E-REF-006", led.file, led.doc.pos(where), ref=ref, problem="不存在",
                              problem_en="no such item", **_earlier_ids(rs, led, by_cadre, start)))
            continue
        if ref == fid:
            out.append(F.make("E-REF-006", led.file, led.doc.pos(where), ref=ref, problem="指向自己",
                              problem_en="points to itself", earlier="", earlier_en=""))
            continue
        orig_led, _j, orig_raised = first[ref]
        s_this, s_orig = start(led), start(orig_led)
        later = (s_this and s_orig and s_orig > s_this) or (raised and orig_raised and orig_raised > raised)
        if later:
            out.append(F.make("E-REF-006", led.file, led.doc.pos(where), ref=ref,
                              problem=f"是以后才有的一条（{orig_led.file}），不能跟进未来的反映",
                              problem_en=f"is a later item ({orig_led.file}); a follow-up must point back in time",
                              earlier="", earlier_en=""))
    return out


def _earlier_ids(rs: RecordSet, led: Item, by_cadre: dict, start) -> dict:
    """E-REF-006's words (earlier, earlier_en) for a follow-up of an id that is nowhere: the ids of the items of the
    ledger's cadre (its file's name) in the ledgers of earlier periods, the newest 10 when there are more — or that
    there are none (a new cadre's first ledger: the item follows nothing), as the web form says before saving.
    `by_cadre`: each file name's (ledger, id) of the items with an id, in period order."""
    stem, since = led.doc.stem, start(led)
    ids = [fid for other, fid in by_cadre.get(stem, ()) if since and (s := start(other)) and s < since]
    cadre = rs.cadres.get(stem)
    name = cadre.get("name") if cadre is not None and isinstance(cadre.get("name"), str) else stem
    if not ids:
        return {"earlier": f"（{name}以前各期的台账中没有学生反映的问题和建议）",
                "earlier_en": f" ({name}'s earlier ledgers hold no item)"}
    more, more_en = (f" {len(ids)} 条，最近的 10 条是", f" ({len(ids)}), the newest 10") if len(ids) > 10 else ("", "")
    return {"earlier": f"（{name}以前各期的反映编号有{more}：{'、'.join(ids[-10:])}）",
            "earlier_en": f" (the ids of {name}'s earlier items{more_en}: {', '.join(ids[-10:])})"}


def _admin_records(rs: RecordSet) -> list[F.Finding]:
    out = []
    ledger_paths = {d.rel for d in rs.docs if d.kind == "ledger"}  # readable or not
    missing = []
    for entry in rs.imports:
        path = entry.get("path")
        if isinstance(path, str) and path not in ledger_paths:
            missing.append((entry, path))
    # (the closest of 12,000 paths to each of thousands: kept between runs, see closest_kept)
    answers = closest_kept((path for _, path in missing), ledger_paths,
                           KeptResult(rs.root, "suggestions", "ledger paths")) if missing else {}
    for entry, path in missing:
        out.append(_missing(entry, "path", "ledger", path, ledger_paths, answers))
    for ex in rs.exemptions:
        if ex.get("cadre") and not rs.id_known("cadre", ex.get("cadre")):
            out.append(_missing(ex, "cadre", "cadre", ex.get("cadre"), rs.cadres, names=rs.cadre_names))
        out += _date_order(ex, "start", "end")
    return out
