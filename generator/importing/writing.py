"""Writing the records: new ones appended to their file (or a cadre's own file), changed ones patched
in place (--update), and the import manifest (records/imports/lists.yaml) that lists them."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator import findings as F
from generator.importing.fields import MSG, ORDER, heading_key, plain_name, letter
from generator.importing.ids import numbered_id, pinyin_id, taken_hint
from generator.importing.sheets import Row
from generator.importing.values import as_date, same_value
from generator.importing.yamledit import (
    Unmergeable, as_read, invalid_record, item_lines_of, merge_list, patch, read_back, read_new, reads, refused, scalar)
from generator.load import display_path
from generator.model import staff_number_key


# The import manifest each import lists the files it writes in (`records`): a check of a past day tells them from
# later edits (check guide: 随导入进来的记录).
MANIFEST, MANIFEST_SOURCE = "imports/lists.yaml", "python -m generator import 导入的名单（班级、干部、单位、社团）"


def _unextended(text: str | None, exc) -> tuple[int, int] | None:
    """Where the import manifest `text` cannot be extended (E-IMP-019): the line patch refused, the
    loader's first problem (a key twice, YAML it cannot read), its records' value, else its start;
    None when there was none."""
    from generator.load import parse_bytes

    if text is None:
        return None
    if getattr(exc, "line", None):
        line = text.split("\n")[exc.line - 1]
        return exc.line, len(line) - len(line.lstrip()) + 1
    problems = [f for f in parse_bytes(text.encode("utf-8"), "")[3] if f.line]
    if problems:
        return problems[0].line, problems[0].column or 1
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return 1, 1
    node = next((v for k, v in root.value if k.value == "records"), root) if isinstance(root, yaml.MappingNode) else root
    return (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)


class Writing:
    """The records written (a part of Importer)."""

    def _manifest(self) -> None:
        """records/imports/lists.yaml (MANIFEST) with the files this import writes added to its `records`: a
        check of a past day reads them as the import brought them (git_history.records_on), not as edits made
        after that day; its other lines and comments kept.  E-IMP-019 when it cannot be extended in place."""
        path, rels = self.records / MANIFEST, sorted(p.relative_to(self.records).as_posix() for p in self.writes)
        text = path.read_text(encoding="utf-8") if path.exists() else None
        data = reads(text) if text is not None else {}
        had = data.get("records") if isinstance(data, dict) else None
        wanted = [*(had if isinstance(had, list) else []), *(r for r in rels if not isinstance(had, list) or r not in had)]
        if isinstance(had, list) and len(wanted) == len(had):
            return
        try:
            if text is None:
                out = f"source: {MANIFEST_SOURCE}\nrecords:\n" + "".join(f"  - {r}\n" for r in wanted)
            elif not isinstance(data, dict) or had is not None and not isinstance(had, list):
                raise Unmergeable(None)
            else:
                out = patch(text, yaml.compose(text), {"records": wanted}, "")
            self.writes[path] = read_back(out, lambda d: d.get("records") == wanted)
        except (Unmergeable, yaml.YAMLError) as exc:
            self.findings.append(F.make("E-IMP-019", display_path(path), _unextended(text, exc), record=display_path(path),
                                        files="、".join(rels), files_en=", ".join(rels)))
            return
        self.summary.append((f"{MSG['updated']['zh'] if text is not None else MSG['new']['zh']} {display_path(path)}"
                             f"（导入清单的 records 加上 {'、'.join(r for r in rels if r in wanted[len(had or []):])}）",
                             f"{MSG['updated']['en'] if text is not None else MSG['new']['en']} {display_path(path)} "
                             f"(the import manifest's records: {', '.join(r for r in rels if r in wanted[len(had or []):])} added)"))

    def classes(self, entries) -> None:
        files = {}  # cohort → (path, whether it exists, data)
        ids, names = set(), {}
        numbered: dict[str, int] = {}  # "<unit>-<cohort>-" → the number its last new id was given
        named: dict[str, list] = {}  # class name → (id, cohort, unit, where: (path, index) of a record, "file:row" of a row)
        for rel in self._files("classes"):
            data, path = self._values(rel), self.records / rel  # (as validate read it: unit: on is text)
            for i, c in enumerate(data.get("classes") or []):
                ids.add(str(c.get("id")))
                if isinstance(c, dict) and c.get("name"):
                    named.setdefault(plain_name(c["name"]), []).append(
                        (c.get("id"), data.get("cohort") or path.stem, c.get("unit"), (path, i)))
        new_items: dict[int, list] = {}
        changes: dict[int, dict] = {}  # cohort → {index: changed values}
        rows: dict[int, dict] = {}  # cohort → {index: its row; None: the first row that adds or changes}
        full: dict[int, tuple] = {}  # cohort → (path, its records, the rows it has no room for)
        clubs = self._points("clubs")
        ids |= set(clubs)
        for n, v in entries:
            self._use(n.sheet)
            if self._other_point(n, v.get("id"), clubs, "社团", "club"):
                continue
            cohort = v.pop("cohort", None) or self.default_cohort
            if cohort not in files:
                path = self.records / "classes" / f"{cohort}.yaml"
                files[cohort] = (path, f"classes/{cohort}.yaml" in self.read, self._values(f"classes/{cohort}.yaml"))
            path, _, data = files[cohort]
            existing = data.get("classes") or []
            key = (cohort, v["unit"], plain_name(v["name"]))  # (a name recurs in two units: two classes, E-REF-022)
            if key in names or (v.get("id") and v["id"] in names):
                self.add("E-IMP-006", (n, 1), row=n, **self._first(names.get(key) or names[v["id"]], n), what=v["name"])
                continue
            names[key] = n
            if v.get("id"):
                names[v["id"]] = n
            match = next((i for i, c in enumerate(existing) if (c.get("id") == v["id"] if v.get("id") else
                                                                (c.get("unit"), plain_name(c.get("name"))) == key[1:])), None)
            other = next((c for c in existing if (c.get("unit"), plain_name(c.get("name"))) == key[1:]),
                         None) if match is None else None
            if other is not None and v.get("id"):  # (the same class in two lists, one with a 班级编号: not added twice)
                self.add("E-IMP-008", (n, 1), row=n, record=f"{display_path(path)} {other['id']}",
                         reason=f"班级“{other['name']}”已有编号 {other['id']}", reason_en=f"class '{other['name']}' has the id {other['id']}",
                         **taken_hint(other["id"], "班级", "class"))
                continue
            if match is not None and plain_name(existing[match].get("name")) == key[2]:
                v["name"] = existing[match]["name"]  # (as the record writes it: not a change)
            record = f"{display_path(path)} {existing[match]['id']}" if match is not None else None
            if self._gone(n, v, existing[match] if match is not None else None, record):
                continue
            if match is None and v.get("id") in ids:
                self.add("E-IMP-008", (n, 1), row=n, record=v["id"], reason="这个班级编号已用于别的年级",
                         reason_en="this class id is used in another cohort",
                         fix="请改正表格这一行的班级编号（编号不分年级，不能重用），或核对它的年级是否写错。",
                         fix_en="Correct this row's class id (ids are unique over all cohorts), or check whether its cohort is wrong.")
                continue
            self._namesake(n, v, existing[match]["id"] if match is not None else v.get("id"), cohort, named)
            if match is not None:
                changed = self._differs(n, record, existing[match], v)
                if changed:
                    changes.setdefault(cohort, {})[match] = changed
                    rows.setdefault(cohort, {None: n})[match] = n
                    self.summary.append((f"{MSG['updated']['zh']} {record}", f"{MSG['updated']['en']} {record}"))
                continue
            if len(existing) + len(new_items.get(cohort, [])) >= self.records_most:
                full.setdefault(cohort, (path, len(existing), []))[2].append(n)
                continue
            if not v.get("id"):
                v["id"] = numbered_id(f"{v['unit']}-{cohort}-", ids, numbered)
            ids.add(v["id"])
            named[key[2]][-1] = (v["id"], *named[key[2]][-1][1:])
            item = {k: v[k] for k in ORDER["classes"] if k in v}
            new_items.setdefault(cohort, []).append(item)
            rows.setdefault(cohort, {None: n})[len(existing) + len(new_items[cohort]) - 1] = n
            self.summary.append((f"{MSG['new']['zh']} {display_path(path)} {item['id']}（{item['name']}）",
                                 f"{MSG['new']['en']} {display_path(path)} {item['id']} ({item['name']})"))
        for path, had, over in full.values():
            self._full(path, had, over, "个年级", "a cohort", "个班级", "classes",
                       ("年级、学院是否写对", "their cohort and school"))
        for cohort, (path, had, data) in files.items():
            if cohort not in new_items and cohort not in changes:
                continue
            text = path.read_text(encoding="utf-8") if had else None  # (the text: edited in place)
            if text is None:  # (a cohort's first classes: its file made, and said)
                text = f"cohort: {cohort}\nclasses:\n"
                root = None
                self.summary.append((f"新建 {display_path(path)}：还没有这个文件，上面新增的 {cohort} 级班级都写在其中",
                                     f"new file {display_path(path)}: there was none; the classes of {cohort} added above go into it"))
            else:
                root = yaml.compose(text)
            self._write(path, rows[cohort], lambda: merge_list(text, root, "classes", changes.get(cohort, {}),
                                                               new_items.get(cohort, [])))

    def _full(self, path: Path, had: int, over: list, where: str, where_en: str, what: str, what_en: str,
              check: tuple) -> None:
        """E-IMP-008 at the first of the rows `over` that `path`, holding `had` records, has no room
        for: validate allows the schema's maxItems in it."""
        n, most = over[0], self.records_most
        self._use(n.sheet)
        self.add("E-IMP-008", (n, self.found.get("name", 1)), row=n, record=display_path(path), reason=(
            f"validate 允许一{where}至多 {most} {what}，{display_path(path)} 已有 {had} 个，连同表格上面各行已满；"
            + (f"这一行起共 {len(over)} 行放不下。请核对这些行" if len(over) > 1 else "这一行放不下。请核对它")
            + f"（{check[0]}，是否重复登记）"),
            reason_en=f"validate allows at most {most} {what_en} in {where_en}, {display_path(path)} has {had}, "
                      "and with the rows above it is full: " + (
                          f"this row and {len(over) - 1} more do not fit. Check these rows" if len(over) > 1
                          else "this row does not fit. Check it") + f" ({check[1]}, or whether they are listed twice)",
            fix="请按上面说的核对表格，删去不该有的行，再运行一次导入。",
            fix_en="Check the spreadsheet as said above, delete the rows that should not be there and run the import again.")

    def _namesake(self, n: Row, v: dict, ident, cohort: int, named: dict) -> None:
        """W-IMP-004 when another class, a record or a row, has this row's name (under another
        cohort or unit: most often a typo or the class entered twice); the row is then one of them."""
        others = named.setdefault(plain_name(v["name"]), [])
        other = next((o for o in others if ident is None or o[0] != ident), None)
        if other:
            where = other[3] if isinstance(other[3], str) else self._item_line(*other[3])
            self.add("W-IMP-004", (n, self.found["name"]), row=n, name=v["name"], cohort=cohort, unit=v["unit"],
                     other_id=other[0] or "", other_cohort=other[1], other_unit=other[2], other=where)
        others.append((ident, cohort, v["unit"], f"{self.file}:{n}"))

    def _item_line(self, path: Path, i: int) -> str:
        """Where the class `i` of `path` is (records/classes/2025.yaml:3): its lines found only when
        a namesake asks (composing every class file's YAML was most of an import's time)."""
        lines = self.item_lines.get(path)
        if lines is None:
            lines = self.item_lines[path] = item_lines_of(path.read_text(encoding="utf-8"), "classes")
        return display_path(path) + (f":{lines[i]}" if i < len(lines) else "")

    def _write(self, path: Path, rows: dict, make) -> None:
        """The new text of `path` is make()'s; a record that cannot be changed in place is
        E-IMP-008 at the row whose change it refused, naming the file's line; a new record that
        does not read back as written is E-IMP-011, saying which value."""
        try:
            self.writes[path] = make()
            data = reads(self.writes[path]) if self.kind != "cadres" else None  # (a cadre's: read_new)
            if data is not None and (error := invalid_record(self.kind, data)) is not None:
                at = list(error.path)[1:2]  # (the list's item, as validate would say)
                raise refused(error, data[self.kind][at[0]] if at else data, self.fields, at[0] if at else None)
        except Unmergeable as exc:
            n = rows.get(exc.index) or rows[None]
            self._use(n.sheet)
            line = f":{exc.line}" if exc.line else ""
            if exc.reason:
                self.add("E-IMP-011", (n, self.found.get(exc.key, 1)), row=n, record=display_path(path),
                         reason=exc.reason[0], reason_en=exc.reason[1], **self._unfit(exc))
                return
            self.add("E-IMP-008", (n, self.found.get(exc.key, 1)), row=n, record=f"{display_path(path)}{line}",
                     reason="这一处不是本系统写记录的样子（如写成了 [ ] 的记录列表、多行的值），无法就地修改；"
                            "请照同一文件中其他记录的写法改好这一处，或手工修改",
                     reason_en="it is not written as the project writes records (a [ ] list of records, a value "
                               "on several lines) and cannot be changed in place; write it as the file's other "
                               "records are written, or edit it by hand",
                     fix="请把这一处改成一项一行，每项以“- ”开头、每个值各占一行（照同一文件中其他记录的写法），再运行一次导入；"
                         "也可以把这一行的内容手工写进记录。",
                     fix_en="Write it one item per line, each starting with '- ' and each value on a line of its own (as the "
                            "file's other records are written), then run the import again; or add this row to the record by hand.")

    def _unfit(self, exc: "Unmergeable") -> dict:
        """E-IMP-011's hint for the cause at hand: an id the import made too long, a value taken from
        records/units.yaml, another value validate refuses, or a value that reads back otherwise."""
        names = self.fields
        if exc.schema and exc.key == "id" and "id" not in self.found:
            return {"fix": f"这个编号是导入按单位编号生成的，单位编号太长：请在表格中加一列“{names['id'][0]}”，为各行写出较短的编号，再运行一次导入。",
                    "fix_en": f"The import made this id from the unit's id, which is too long: add a column '{names['id'][0]}' "
                              "giving each row a shorter id, and run the import again."}
        if exc.schema and exc.key == "unit":
            return {"fix": f"这个值取自 {F.records_shown()}/units.yaml 中的单位编号：请先运行 python -m generator validate 改正那个单位，再运行一次导入。",
                    "fix_en": f"This value is a unit id of {F.records_shown()}/units.yaml: run python -m generator validate and correct "
                              "that unit first, then run the import again."}
        if exc.schema:
            return {"fix": "请在表格中改正这一格，使它合乎上面说的要求，再运行一次导入；仍然不行时，请把这一行手工写成记录。",
                    "fix_en": "Correct this cell in the spreadsheet as said above and run the import again; if it persists, "
                              "write this row as a record by hand."}
        return {"fix": "读回来的值与表格不同，多半是这一格中有看不见的特殊字符：请在 Excel 中重新输入这一格，再运行一次导入；"
                       "仍然如此时，请把这一行手工写成记录。",
                "fix_en": "A value that reads back otherwise than the spreadsheet has most often holds a character that "
                          "cannot be seen: type the cell again in Excel and run the import again; if it persists, write "
                          "this row as a record by hand."}

    def cadres(self, entries) -> None:
        folder = self.records / "cadres"
        existing = {p.stem: p for p in folder.glob("*.yaml")}
        names = {p: self._values(f"cadres/{p.name}") for p in existing.values()}  # (as validate read them: unit: on)
        taken: dict[str, tuple] = {}  # id → (row, name) of this spreadsheet
        named = {plain_name(d.get("name")): (p.stem, d.get("unit")) for p, d in sorted(names.items(), reverse=True)
                 if isinstance(d, dict)}  # name as compared → (id, unit) of a cadre's record
        # 工号 as compared (E-REF-024's: staff_number_key) → (id, its record's file or row, name) of a record's, a row's
        held = {staff_number_key(d["staff_no"]): (p.stem, p, d.get("name")) for p, d in names.items()
                if isinstance(d, dict) and isinstance(d.get("staff_no"), str)}
        for n, v in entries:
            self._use(n.sheet)
            ident = v.pop("id", None)
            if ident is None:
                base = pinyin_id(v["name"])
                if not base:
                    i = self.found["name"]
                    self.add("E-IMP-004", (n, i), row=n, heading=self.header[i - 1], column=letter(i), value=v["name"],
                             expected="汉字姓名", expected_en="a name in Chinese characters",
                             example="汉字姓名，或加一列“编号”写出干部编号",
                             example_en="a name in Chinese characters, or add an '编号' (id) column")
                    continue
                k, ident = 1, base
                was = pinyin_id(v["name"], compound=False)  # (a compound surname's record imported as ou-yangnana)
                if base not in existing and was in existing and names[existing[was]].get("name") == v["name"]:
                    base = ident = was
                # the first of bai-taoyu, bai-taoyu-2, … that is this person's or no one's
                while (taken[ident][1] if ident in taken else names[existing[ident]].get("name")
                       if ident in existing else None) not in (None, v["name"]):
                    k += 1
                    ident = f"{base}-{k}"
            if ident in taken:
                self.add("E-IMP-006", (n, 1), row=n, **self._first(taken[ident][0], n), what=f"{v['name']} {ident}")
                continue
            taken[ident] = (n, v["name"])
            if (number := v.get("staff_no")) is not None:
                other, there, name = held.setdefault(staff_number_key(number), (ident, n, v["name"]))
                if other != ident:
                    first = ({"first": f" {display_path(there)} 中的", "first_en": display_path(there)}
                             if isinstance(there, Path) else {k: said + ("的" if k == "first" else "")
                                                              for k, said in self._first(there, n).items()})
                    self.add("E-IMP-020", (n, self.found["staff_no"]), row=n, staff_no=number, name=name, **first)
                    continue
            path = folder / f"{ident}.yaml"
            if self._gone(n, v, names[existing[ident]] if ident in existing else None, display_path(path)):
                continue
            if ident in existing:
                old, text = names[existing[ident]], path.read_text(encoding="utf-8")
                if old.get("unit") and old["unit"] != v["unit"]:  # a move keeps its history: earlier
                    self.add("E-IMP-010", (n, self.found["unit"]), row=n, record=display_path(path), old=old["unit"],
                             new=v["unit"])
                    continue
                ends = [d for e in old.get("earlier") or [] if isinstance(e, dict) and (d := as_date(e.get("until") or ""))]
                since = as_date(old.get("active_from") or "")
                if ends and v.get("active_from") == max(ends) + dt.timedelta(days=1):  # (the present post's start: recorded)
                    v["active_from"] = since or v["active_from"]
                elif self.update and ends and (since or dt.date.min) < v["active_from"] <= max(ends):
                    self.add("E-IMP-017", (n, self.found["active_from"]), row=n, start=v["active_from"], until=max(ends),
                             record=display_path(path))  # (an older list: its post is history already)
                    continue
                elif since and v["active_from"] > since and same_value(old.get("position"), v["position"]):
                    v["active_from"] = since  # (the start of the post the record has: nothing to change, nothing to say)
                changed = self._differs(n, display_path(path), old, v)
                post = self._promoted(n, path, old, changed) if changed else None
                if changed:
                    self._write(path, {None: n}, lambda: self._cadre_text(text, old, changed, post))
                    self.summary.append((f"{MSG['updated']['zh']} {display_path(path)}",
                                         f"{MSG['updated']['en']} {display_path(path)}"))
                continue
            if (other := named.get(plain_name(v["name"]))) is not None:  # (one person in two lists under two ids)
                self.add("W-IMP-011", (n, self.found["name"]), row=n, name=v["name"], id=ident, other_id=other[0],
                         other_unit=other[1], other=display_path(existing[other[0]]))
            record = {k: v[k] for k in ORDER["cadres"] if k in v}
            self._write(path, {None: n}, lambda: read_new("".join(f"{k}: {scalar(x)}\n" for k, x in record.items()),
                                                          record, "cadre"))
            self.summary.append((f"{MSG['new']['zh']} {display_path(path)}（{v['name']}，{v['position']}）",
                                 f"{MSG['new']['en']} {display_path(path)} ({v['name']}, {v['position']})"))

    def _promoted(self, n: Row, path: Path, old: dict, changed: dict) -> dict | None:
        """A cadre's --update in the same unit (a move is E-IMP-010): a 任职日期 later than the
        record's active_from is the start of the present post, not of being a cadre, and is not
        written; the post it replaces is returned as an `earlier` one (until the day before).
        W-IMP-012 says what is replaced and what kept, never silently."""
        since, start = as_date(old.get("active_from") or ""), changed.get("active_from")
        later = start is not None and since is not None and start > since
        if later:
            del changed["active_from"]
        if "position" not in changed and not later:
            return None
        post = {"until": start - dt.timedelta(days=1), "unit": old["unit"],
                "position": old["position"]} if later and "position" in changed and old.get("position") else None
        name, was, now = old.get("name"), old.get("position"), changed.get("position")
        record, kept = display_path(path), (f"；任职开始仍为 {since}（表格的 {start} 是现任职务的开始）" if later else "",
                                            f"; active_from stays {since} ({start}, in the spreadsheet, began the present post)"
                                            if later else "")
        if post:
            zh = f"{name}的职务“{was}”→“{now}”，原职务记入 {record} 的 earlier（至 {post['until']}）"
            en = f"{name}'s position '{was}' → '{now}', the earlier one kept in {record}'s earlier (until {post['until']})"
        else:  # (a later 任职日期 of the post the record has is no change: cadres() kept active_from)
            zh = f"{name}的职务“{was}”被“{now}”替换，没有记入 earlier（表格没有写比任职开始更晚的任职日期）"
            en = f"{name}'s position '{was}' is replaced by '{now}' with no earlier post kept (no 任职日期 later than active_from)"
        self.add("W-IMP-012", (n, self.found.get("position", 1)), row=n, what=zh + kept[0],
                 what_en=en + kept[1], record=record)
        return post

    def _cadre_text(self, text: str, old: dict, changed: dict, post: dict | None) -> str:
        """A cadre's file `text` with the values `changed` and the earlier post `post` added."""
        out = patch(text, yaml.compose(text), changed, "") if changed else text
        if post:
            root = yaml.compose(out) if "earlier" in old else None
            out = merge_list(out if root else out.rstrip("\n") + "\nearlier:\n", root, "earlier", {}, [post])
        posts = [*(old.get("earlier") or []), post] if post else old.get("earlier")
        return read_back(out, lambda data: data == as_read({**old, **changed, **({"earlier": posts} if posts else {})}))

    def units(self, entries) -> None:
        self._listed(entries, "单位", "unit", lambda u: heading_key(u.get("name")),
                     ("是不是单位，还是班级、科室", "whether each is a unit, not a class or an office"), {"reviewers": []})

    def clubs(self, entries) -> None:  # (a name recurs in two units, 篮球协会 of two schools: two clubs)
        self._listed(entries, "社团", "club", lambda c: (c.get("unit"), plain_name(c.get("name"))),
                     ("是不是社团、是否重复登记", "whether each is a club, or listed twice"))

    def _listed(self, entries, what: str, what_en: str, key, check: tuple, defaults: dict | None = None) -> None:
        """The rows `entries` merged into records/<kind>.yaml, one list of records (units, clubs):
        a record matched by its id, else (with no id) by `key` (a unit's name; a club's unit and
        name); a new one without an id is club-<unit>-NN (a unit's id is required)."""
        kind = self.kind
        path, had = self.records / f"{kind}.yaml", f"{kind}.yaml" in self.read
        existing = self._values(f"{kind}.yaml").get(kind) or []  # (as validate read it: id: on is text)
        by_id = {u.get("id"): i for i, u in enumerate(existing) if isinstance(u, dict)}
        names = {key(u): u.get("id") for u in existing if isinstance(u, dict)}
        namesakes = {plain_name(u.get("name")): u for u in existing if isinstance(u, dict)}  # (a club under another unit)
        others = self._points("classes") if kind == "clubs" else {}
        ids, numbered = set(by_id) | set(others), {}
        seen, changes, items, rows, over = {}, {}, [], {}, []
        for n, v in entries:
            self._use(n.sheet)
            if self._other_point(n, v.get("id"), others, "班级", "class"):
                continue
            first = seen.get(v.get("id")) or seen.get(key(v))
            if first:
                self.add("E-IMP-006", (n, 1), row=n, **self._first(first, n), what=f"{v.get('id') or ''} {v['name']}".strip())
                continue
            ident = v.get("id") or names.get(key(v))
            if self._gone(n, v, existing[by_id[ident]] if ident in by_id else None, f"{display_path(path)} {ident}"):
                continue
            v["id"] = v.get("id") or names.get(key(v)) or numbered_id(f"{what_en}-{v['unit']}-", ids, numbered)
            ids.add(v["id"])
            seen[v["id"]] = seen[key(v)] = n
            record = f"{display_path(path)} {v['id']}"
            if v["id"] in by_id:
                if changed := self._differs(n, record, existing[by_id[v["id"]]], v):
                    changes[by_id[v["id"]]] = changed
                    rows.setdefault(None, n)
                    rows[by_id[v["id"]]] = n
                    self.summary.append((f"{MSG['updated']['zh']} {record}", f"{MSG['updated']['en']} {record}"))
                continue
            if names.get(key(v)) not in (None, v["id"]):
                other = names[key(v)]
                self.add("E-IMP-008", (n, self.found.get("id", 1)), row=n, record=f"{display_path(path)} {other}",
                         reason=f"{what}“{v['name']}”已有编号 {other}", reason_en=f"{what_en} '{v['name']}' has the id {other}",
                         **taken_hint(other, what, what_en))
                continue
            if len(existing) + len(items) >= self.records_most:
                over.append(n)
                continue
            item = {**(defaults or {}), **v}
            items.append({k: item[k] for k in ORDER[kind] if k in item})
            rows.setdefault(None, n)
            rows[len(existing) + len(items) - 1] = n
            other = namesakes.get(plain_name(v["name"])) if kind == "clubs" else None
            said = (f"；{display_path(path)} 已有同名社团 {other.get('id')}，指导单位 {other.get('unit')}：若是同一个社团换了指导单位，"
                    "请在表格中写出它的社团编号，再加 --update", f"; {display_path(path)} has a club of this name, "
                    f"{other.get('id')}, supervised by {other.get('unit')}: if it is that club under a new unit, give its "
                    "id in the spreadsheet and add --update") if other else ("", "")
            self.summary.append((f"{MSG['new']['zh']} {record}（{v['name']}{said[0]}）",
                                 f"{MSG['new']['en']} {record} ({v['name']}{said[1]})"))
        if over:
            self._full(path, len(existing), over, f"份{what}名单", f"the list of {kind}", f"个{what}", kind, check)
        if items and not had:  # (the first list of clubs or units: made, and said)
            self.summary.append((f"新建 {display_path(path)}：还没有这个文件，上面新增的{what}都写在其中",
                                 f"new file {display_path(path)}: there was none; the {kind} added above go into it"))
        if changes or items:
            text = path.read_text(encoding="utf-8") if had else None  # (the text: edited in place)
            self._write(path, rows, lambda: merge_list(text or f"{kind}:\n", yaml.compose(text) if text else None,
                                                       kind, changes, items))
