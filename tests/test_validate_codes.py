"""Every finding code of the load, validate and references stages, on a real bad record.

Each tests/fixtures/bad/<CODE>[__variant]/ breaks one thing in a copy of the valid
tests/fixtures/minimal/ (see tests/bad_records.py); `python -m generator validate`
runs on it in a subprocess, as a cadre or CI runs it, and must report exactly the
error findings listed in its expect.yaml — code, file, line and column — and exit 1
(a warning's fixture, W-REF-001: its warnings and errors exactly, exit 0 without an error).
"""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

import bad_records as B
from generator.messages import MESSAGES
from generator.messages import load as load_codes
from generator.messages import references as reference_codes
from generator.messages import validate as validate_codes

# Codes that no record may cause — a record that does has found a bug.  Every other code
# of the three catalogues needs a bad fixture.
NOT_FROM_RECORDS = {"E-INTERNAL-001": "a stage crashed: a bug guard, not a record problem"}
FOUNDATION_CODES = sorted({*load_codes.CODES, *validate_codes.CODES, *reference_codes.CODES} - set(NOT_FROM_RECORDS))


def _key(f: dict) -> tuple:
    return (f["code"], f["file"], f["line"], f["column"])


def test_minimal_record_set_is_valid(tmp_path):
    work = tmp_path / "work"
    B.shutil.copytree(B.MINIMAL, work / "records")
    run = B.run_cli(B.REPO, work, "validate", "--format", "json")
    assert run.returncode == 0, run.stdout + run.stderr
    assert [f for f in json.loads(run.stdout) if f["severity"] == "error"] == []


@pytest.mark.parametrize("name", B.bad_names())
def test_bad_fixture_is_reported_exactly(name):
    spec = B.spec(name)
    run = B.result(name)
    assert "Traceback" not in run.stderr, run.stderr
    code = name.split("__")[0]
    warning = MESSAGES[code]["severity"] == "warning"  # (its warnings are what it shows)
    expected = [
        (e["code"], f"records/{e['file']}", e["line"], e["column"]) for e in spec["expect"]
    ]
    errs = any(MESSAGES[e[0]]["severity"] == "error" for e in expected)
    assert run.returncode == (1 if errs else 0), f"{spec['note']}: exit {run.returncode}\n{run.stdout}{run.stderr}"
    found = [f for f in json.loads(run.stdout) if f["severity"] == "error" or (warning and f["code"] == code)]
    assert sorted(map(_key, found)) == sorted(expected), spec["note"]
    assert not set(NOT_FROM_RECORDS) & {f["code"] for f in found}, run.stdout
    # the code the fixture is named after is among them, and every finding is worded
    assert name.split("__")[0] in {f["code"] for f in found}
    for f in found:
        assert f["message"] and "{" not in f["message"], f
        assert f["hint"], f


def test_every_foundation_code_has_a_bad_fixture():
    covered = {name.split("__")[0] for name in B.bad_names()}
    missing = [code for code in FOUNDATION_CODES if code not in covered]
    assert not missing, f"add tests/fixtures/bad/<code>/ for: {', '.join(missing)}"


def test_every_bad_fixture_names_a_known_code():
    stray = [n for n in B.bad_names() if n.split("__")[0] not in FOUNDATION_CODES]
    assert not stray, stray


@pytest.mark.parametrize("code", FOUNDATION_CODES)
def test_every_code_is_worded_in_both_languages(code):
    from generator.messages import MESSAGES

    entry = MESSAGES[code]
    assert entry["severity"] in ("error", "warning")
    for key in ("zh", "en", "hint_zh", "hint_en"):
        assert key in entry, f"{code} lacks {key}"
    assert entry["zh"] != entry["en"] and entry["hint_zh"] != entry["hint_en"] or "{" in entry["hint_zh"], code


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield prefix + (i,)
            yield from _paths(value, prefix + (i,))


def test_a_value_of_the_wrong_kind_anywhere_is_a_finding_not_a_crash(tmp_path):
    """Every value of every minimal record, in turn, replaced by a value of another kind
    (a list, a mapping, a number, nothing …): each is reported and no stage breaks
    (E-INTERNAL-001 would say one did)."""
    import yaml

    from generator.pipeline import validate_records

    odd = [[1], {"x": 1}, 5, None, "x", [{"x": 1}], "2026-02-30", []]
    records = tmp_path / "records"
    B.shutil.copytree(B.MINIMAL, records)
    n = 0
    for path in sorted(B.MINIMAL.rglob("*.yaml")):
        rel = path.relative_to(B.MINIMAL)
        original = path.read_text(encoding="utf-8")
        for where in _paths(yaml.safe_load(original)):
            data = yaml.safe_load(original)
            node = data
            for part in where[:-1]:
                node = node[part]
            before = node[where[-1]]
            node[where[-1]] = odd[n % len(odd)] if odd[n % len(odd)] != before else "x"
            n += 1
            (records / rel).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
            _, found = validate_records(records)
            crashed = [f.message_en for f in found if f.code in NOT_FROM_RECORDS]
            assert not crashed, (str(rel), where, crashed)
        (records / rel).write_text(original, encoding="utf-8")
    assert n > 200


def _guide_menu() -> dict[str, str]:
    """The site's menu under 使用指南 (mkdocs.yml's nav): each item's title → the page's file under site/."""
    text = (B.REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = text.split("  - 使用指南:\n", 1)[1]
    menu = {}
    for line in block.splitlines():
        m = re.fullmatch(r"      - (.+): (\S+\.md)", line)
        if not m:
            break
        menu[m[1]] = m[2]
    return menu


def _guide_paths_named() -> list[str]:
    """Every 使用指南 → … the wording of a finding or a hint names, as a person reads it: in the catalogue of codes,
    the hints a module words itself (references' for a required file missing, the web form's page) and the schemas'
    descriptions (E-SCHEMA-001's hints quote them)."""
    from generator.messages import MESSAGES
    from generator import references

    texts = [v for entry in MESSAGES.values() for v in entry.values() if isinstance(v, str)]
    texts += [t for pair in references._REQUIRED.values() for t in pair]
    texts += [(B.REPO / "generator/site/admin_form.py").read_text(encoding="utf-8")]
    texts += [path.read_text(encoding="utf-8") for path in sorted((B.REPO / "schemas").glob("*.json"))]  # (descriptions)
    return [m[1] for t in texts for m in re.finditer(r"使用指南 → ([^。；，.]+?)(?:</a>|[。；，.]|$)", t)]


def test_every_guide_path_a_hint_names_is_the_site_s_menu_and_a_section_of_its_page():
    # (E-REF-009 sent an administrator to 使用指南 → 管理员 → 第一次使用 — the menu reads 管理员：年复一年的变动 —,
    # W-CHK-016/017 to 使用指南 → 政策检查 → …, the menu's 政策检查（check）; the web form's page to 使用指南 → 网页表单)
    menu = _guide_menu()
    assert "管理员：年复一年的变动" in menu, menu
    said = _guide_paths_named()
    assert len(said) >= 8, said
    for path in said:
        parts = [p.strip() for p in path.split(" → ")]
        assert parts[0] in menu, (path, sorted(menu))
        if len(parts) > 1:
            page = (B.REPO / "site" / menu[parts[0]]).read_text(encoding="utf-8")
            sections = [line.lstrip("#").split(" {", 1)[0].strip() for line in page.splitlines() if line.startswith("#")]
            assert any(s.startswith(parts[1].split("“")[0]) for s in sections), (path, sections)


def _folder_named(findings, folder="my records"):
    """The findings' words, zh or en, that name a records folder other than `folder` (records/… said literally)."""
    return [f for f in findings if re.search(rf"(?<!{folder[:-7]})records/", f["message"] + f["hint"])]


def test_the_hints_name_the_records_folder_given_not_records(tmp_path):
    # (validate --records 'my records' was told 编号见 records/classes/、records/clubs.yaml (E-REF-001), 请管理员修改
    # records/policy.yaml (E-REF-005), records/cadres 应是放记录的文件夹 … git checkout -- records/cadres (E-LOAD-012),
    # 指向 records/ 目录之外 (E-LOAD-005); check 安排表（records/assignments/）(E-CHK-005), 校历 records/calendar.yaml
    # (W-CHK-010); the import 在 records/units.yaml 中找不到 — a folder of another name beside the finding's own
    # my records/…, as E-NEW-001 names it since f0d18cc9)
    records = tmp_path / "my records"
    shutil.copytree(B.MINIMAL, records)
    ledger = records / "ledgers/2026-H1/li-na.yaml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("[club-robotics]", "[club-robotic]").replace("channel: 面对面", "channel: 电话"),
                      encoding="utf-8")
    (tmp_path / "outside.yaml").write_text("name: x\n", encoding="utf-8")
    (records / "ledgers/2026-H1/wang.yaml").symlink_to(tmp_path / "outside.yaml")

    def run(*args, lang="zh"):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, *args, "--records", "my records", "--format", "json")
        assert "Traceback" not in out.stderr, out.stderr
        found = json.loads(out.stdout)
        return found["findings"] if isinstance(found, dict) else found

    for lang in ("zh", "en"):
        found = run("validate", lang=lang)
        told = {f["code"]: f["message"] + f["hint"] for f in found}
        assert {"E-REF-001", "E-REF-005", "E-LOAD-005"} <= set(told), found
        assert "my records/classes/" in told["E-REF-001"] and "my records/policy.yaml" in told["E-REF-005"], told
        assert "my records/" in told["E-LOAD-005"] and not _folder_named(found), _folder_named(found)
    (records / "ledgers/2026-H1/wang.yaml").unlink()
    ledger.write_text(text.replace("[club-robotics]", "[cs-2025-01]").replace('"2026-04-20"', '"2026-02-10"'),
                      encoding="utf-8")
    for lang in ("zh", "en"):
        found = run("check", "--today", "2026-11-28", lang=lang)
        told = {f["code"]: f["message"] + f["hint"] for f in found}
        assert "my records/assignments/" in told["E-CHK-005"] and "my records/calendar.yaml" in told["W-CHK-010"], told
        assert not _folder_named(found), _folder_named(found)
    (tmp_path / "班级名单.csv").write_text("班级名称,学院,专业,年级,人数\n计算机2601班,火星学院,计算机科学与技术,2026,30\n",
                                         encoding="utf-8")
    found = run("import", "classes", "班级名单.csv")
    assert any("my records/units.yaml" in f["message"] + f["hint"] for f in found) and not _folder_named(found), found
    shutil.rmtree(records / "cadres")
    (records / "cadres").write_text("张伟\n", encoding="utf-8")
    [f] = [f for f in run("validate") if f["code"] == "E-LOAD-012"]
    assert f["message"].startswith("my records/cadres 应是") and f["hint"].count("my records/") == 3, f
    assert "git checkout -- 'my records/cadres'" in f["hint"] and not _folder_named([f]), f  # (quoted, as a shell splits it)


def test_a_policy_without_its_privacy_section_is_given_the_lines_to_add(tmp_path):
    # (policy.yaml without privacy: was told 请在这里加上一行“privacy: …”。识别学生个人信息的规则。 — at 1:1, and
    # “privacy: …” no line a run takes: privacy needs its student_number_patterns, a list, under it)
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    section = text[text.index("privacy:"):text.index("vocabularies:")]
    policy.write_text(text.replace(section, ""), encoding="utf-8")
    said = {}
    for lang, words, then in (("zh", "请在文件末尾加上这几行（值是示例，请改成实际的）：", "，下一行："),
                              ("en", "Add these lines at the file's end (example values: write the real ones): ",
                               ", then the line: ")):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json")
        [f] = json.loads(out.stdout)
        assert f["code"] == "E-SCHEMA-001" and words in f["hint"], f
        said[lang] = f["hint"].split(words)[1].split(then)
    assert said["zh"] == said["en"] and said["zh"][:3] == ["privacy:", "  student_number_patterns:", '    - "20[0-9]{8,10}"'], said
    # (and the words of no name before 同学, W-PRIV-001's: required, the schema's example of them)
    assert [line.split(":")[0] for line in said["zh"] if not line.startswith("    ")][2:] == [
        "  not_given_name_characters", "  not_name_words"], said
    zh = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--format", "json").stdout)[0]["hint"]
    assert zh.startswith("识别学生个人信息的规则，写法见 使用指南 → 隐私保护与异常文件检查 → 学号格式。"), zh  # (the lines last)
    policy.write_text(text.replace(section, "") + "\n".join(said["zh"]) + "\n", encoding="utf-8")  # (typed as told)
    out = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
    assert json.loads(out.stdout) == [], out.stdout


# One file of each kind the demo university's records hold, whose required fields (those of its mappings, not
# of a list's items: E-SCHEMA-001 tells those with the item's line) are each left out in turn.
_KINDS = {"policy.yaml": "policy", "calendar.yaml": "calendar", "cadres/bai-taoyu.yaml": "cadre",
          "ledgers/2026-H1/bai-taoyu.yaml": "ledger", "classes/2025.yaml": "classes", "clubs.yaml": "clubs",
          "units.yaml": "units", "assignments/2025-2027.yaml": "assignments", "exemptions.yaml": "exemptions",
          "privacy-exceptions.yaml": "privacy_exceptions", "imports/legacy-platform.yaml": "imports"}


def _resolved(node: dict, root: dict) -> dict:
    return {**root["$defs"][node["$ref"].split("/")[-1]], **node} if "$ref" in node else node


def _required(node: dict, root: dict, data, path: tuple = ()):
    """(path, its schema node) of every required field of the mappings of `data` reached through mappings, that
    `data` has."""
    node = _resolved(node, root)
    for name, sub in node.get("properties", {}).items():
        if isinstance(data, dict) and name in data:
            if name in node.get("required", []):
                yield path + (name,), sub
            yield from _required(sub, root, data[name], path + (name,))


def _example(node: dict, root: dict):
    """The schema's example of the field `node`: its own, else its required fields' together — of a fact (a schema's
    "x-fact": true: an activity, a cadre's position) its shape, each value the placeholder 待填写, a list one item."""
    node = _resolved(node, root)
    return (_shape(node["examples"][0]) if node["x-fact"] else node["examples"][0]) if "examples" in node else {
        name: _example(node["properties"][name], root) for name in node["required"]}


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    return [_shape(value[0])] if isinstance(value, list) else "待填写"


def _placeholders(value) -> int:
    """How many values of `value` are the placeholder 待填写."""
    if isinstance(value, dict):
        return sum(_placeholders(item) for item in value.values())
    if isinstance(value, list):
        return sum(_placeholders(item) for item in value)
    return value == "待填写"


def _cut(text: str, path: tuple) -> str:
    """`text` without the lines of the field at `path` (its line and those further in below it)."""
    lines, start, end, indent = text.splitlines(keepends=True), 0, None, None
    for name in path:  # (a record's field at the line's start, a mapping's further in than the mapping)
        at = next(i for i in range(start, end or len(lines)) if lines[i].strip().startswith(f"{name}:")
                  and (len(lines[i]) - len(lines[i].lstrip(" ")) > indent if indent is not None
                       else not lines[i].startswith(" ")))
        indent = len(lines[at]) - len(lines[at].lstrip(" "))
        start, end = at, next((i for i in range(at + 1, len(lines)) if lines[i].strip()
                               and not lines[i].lstrip().startswith("#")
                               and len(lines[i]) - len(lines[i].lstrip(" ")) <= indent), len(lines))
    return "".join(lines[:start] + lines[end:])


def _left(text: str, paths: list) -> str:
    """What `text` without the fields at `paths` still holds: "file" when nothing, "mapping" when a mapping one of
    them was in holds nothing, else "fields"."""
    import yaml

    for path in paths:
        text = _cut(text, path)
    data = yaml.safe_load(text)
    if not data:
        return "file"
    for path in paths:
        node = data
        for name in path[:-1]:
            node = node.get(name) if isinstance(node, dict) else None
        if not node:
            return "mapping"
    return "fields"


def _typed_as_told(text: str, hint: str) -> tuple[str, list[str]]:
    """`text` with the lines E-SCHEMA-001's `hint` gives added where it says: the file a person doing as told gets."""
    m = re.search(r"请在(?:文件末尾|第 (\d+) 行“[^”]*”下面)加上这[一几]行.*?(?:实际的|文件的位置 \S+)）：(.*)$", hint)
    assert m, hint
    typed, lines = m.group(2).split("，下一行："), text.splitlines(keepends=True)
    after = int(m.group(1)) if m.group(1) else len(lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(lines[:after] + [line + "\n" for line in typed] + lines[after:]), typed


def test_each_required_field_left_out_is_given_the_lines_that_make_the_file_valid_again_or_ask_for_its_facts(tmp_path):
    # (contacts:, vocabularies:, a cadre's position: … left out were told 请在这里加上一行“contacts: …” — at 1:1, a line
    # no run takes; only privacy: had its lines, from the schema's example of it.  Then a ledger without activities:
    # was given an example activity — a date, a form, 30 students — that, typed as told, validated: an activity that
    # never happened.  A fact's lines hold 待填写, which never validates, and say so: E-SCHEMA-011)
    import yaml

    records = tmp_path / "records"
    shutil.copytree(B.REPO / "records", records)
    texts = {rel: (records / rel).read_text(encoding="utf-8") for rel in _KINDS}
    schemas = {rel: json.loads((B.REPO / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
               for rel, kind in _KINDS.items()}
    left_out = [(rel, path, sub) for rel in _KINDS
                for path, sub in _required(schemas[rel], schemas[rel], yaml.safe_load(texts[rel]))]

    def fits(cuts: list, rel: str, path: tuple) -> bool:  # (left out at once: in different files, or fields of a
        if any(rel == other and (path[:len(p)] == p or p[:len(path)] == path or path[-1] == p[-1])  # file neither
               for other, p, _ in cuts):  # within the other, named alike, nor all of a mapping's)
            return False
        same = [p for other, p, _ in cuts if other == rel]  # (one leaving its mapping or file empty: alone in it)
        return not same or _left(texts[rel], same + [path]) == "fields" == _left(texts[rel], same)

    # (a mapping's or a file's only field, left out, leaves it empty: E-SCHEMA-003 or E-LOAD-002 tell it, with the
    # lines, on a run of its own)
    assert len(left_out) > 40 and {(rel, path[-1]) for rel, path, _ in left_out} >= {
        ("policy.yaml", "vocabularies"), ("policy.yaml", "min_per_semester"), ("policy.yaml", "classes"),
        ("policy.yaml", "overdue_days"), ("calendar.yaml", "academic_years"), ("cadres/bai-taoyu.yaml", "position"),
        ("ledgers/2026-H1/bai-taoyu.yaml", "activities")}
    rounds: list[list] = []
    facts, examples, placed = set(), set(), set()
    for cut in left_out:
        fit = next((r for r in rounds if fits(r, *cut[:2])), None)
        fit.append(cut) if fit is not None else rounds.append([cut])
    assert len(rounds) < 10, len(rounds)
    for cuts in rounds:
        for rel in _KINDS:
            text = texts[rel]
            for other, path, _ in cuts:
                text = _cut(text, path) if other == rel else text
            (records / rel).write_text(text, encoding="utf-8")
        out = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
        told = json.loads(out.stdout)
        done = {rel: [] for rel in _KINDS}
        for rel, path, sub in cuts:
            code = {"fields": "E-SCHEMA-001", "mapping": "E-SCHEMA-003", "file": "E-LOAD-002"}[_left(texts[rel], [path])]
            said = [f for f in told if f["file"] == f"records/{rel}" and f["code"] == code
                    and (code != "E-SCHEMA-001" or f["message"].endswith(f"（{path[-1]}）"))]
            assert len(said) == 1, (rel, path, [f["message"] for f in told if f["file"] == f"records/{rel}"])
            f = said[0]
            done[rel].append((f["line"] if len(path) > 1 and f["line"] else 0, f["hint"], path, sub))
        left = {rel: 0 for rel in _KINDS}  # (the placeholders typed in each file)
        for rel, hints in done.items():  # (under a line: from the file's end up; at the file's end: last)
            text = (records / rel).read_text(encoding="utf-8")
            for _line, hint, path, _sub in sorted(hints, key=lambda h: -h[0] if h[0] else 0):
                text, typed = _typed_as_told(text, hint)
                assert typed[0].lstrip(" ").startswith(f"{path[-1]}:"), (rel, path, typed)
            (records / rel).write_text(text, encoding="utf-8")
            data = yaml.safe_load(text)
            for _line, _hint, path, sub in hints:
                node = data
                for name in path:
                    node = node[name]
                if "x-from-path" in sub:  # (a ledger's cadre and period: its file's name and folder, as typed)
                    assert node == rel.split("/")[{"folder": -2, "stem": -1}[sub["x-from-path"]]].removesuffix(
                        ".yaml"), (rel, path, node)
                    placed.add((rel, path[-1]))
                    continue
                assert node == _example(sub, schemas[rel]), (rel, path, node)  # (the schema's example, as typed)
                left[rel] += _placeholders(node)
                facts.add((rel, path[-1])) if _placeholders(node) else examples.add((rel, path[-1]))
        out = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
        found = json.loads(out.stdout)
        wrong = [f for f in found if f["code"].startswith(("E-SCHEMA", "E-YAML", "E-LOAD")) and f["code"] != "E-SCHEMA-011"]
        assert wrong == [], ([c[:2] for c in cuts], wrong)  # (a policy's lines typed as told: valid)
        for rel, many in left.items():  # (a fact's: each of its 待填写 told to be replaced, the file not valid)
            told = [f for f in found if f["file"] == f"records/{rel}" and f["code"] == "E-SCHEMA-011"]
            assert len(told) == many, (rel, many, told)
            assert all(f["message"].endswith("还是占位的“待填写”，不是实际的值") and "请换成实际的“" in f["hint"]
                       for f in told), told
            assert not [f for f in found if f["file"] == f"records/{rel}" and f["code"].startswith("E-REF")
                        and (f["line"], f["column"]) in {(t["line"], t["column"]) for t in told}], found
    # (a cadre's, a ledger's, a unit's facts: their placeholders; the policy's rules: their examples; its word lists
    # the policy's words, but for whom a problem is reported to, the university's own units: escalation_targets)
    assert {("cadres/bai-taoyu.yaml", "position"), ("cadres/bai-taoyu.yaml", "name"), ("units.yaml", "units"),
            ("ledgers/2026-H1/bai-taoyu.yaml", "activities"), ("assignments/2025-2027.yaml", "assignments"),
            ("policy.yaml", "institution"), ("policy.yaml", "administrators"), ("policy.yaml", "vocabularies")} <= facts, facts
    assert {("policy.yaml", "min_per_semester"), ("policy.yaml", "privacy"),
            ("policy.yaml", "overdue_days")} <= examples and not facts & examples, examples
    assert placed == {("ledgers/2026-H1/bai-taoyu.yaml", "cadre"), ("ledgers/2026-H1/bai-taoyu.yaml", "period")}, placed


def test_a_ledger_without_its_activities_is_given_their_shape_which_never_validates_as_it_is(tmp_path):
    # (its hint gave the schema's example activity — 2026-04-20, 主题班会, 进班级, 面对面, 30 students —, which typed
    # as told validated in a 2026-H1 ledger: an activity that never happened, only a reviewer's eye could catch it)
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    ledger = records / "ledgers/2026-H1/li-na.yaml"
    text = ledger.read_text(encoding="utf-8")
    kept = text[:text.index("activities:")]
    real = {"date": '"2026-04-20"', "form": "社团活动", "place": "进社团", "channel": "面对面", "students": "25",
            "summary": "参加机器人协会的比赛备赛活动。"}

    def run(lang):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json")
        assert "Traceback" not in out.stderr, out.stderr
        return json.loads(out.stdout)

    for written, code in ((kept, "E-SCHEMA-001"), (kept + "activities:\n", "E-SCHEMA-003")):  # (left out, left empty)
        typed = {}
        for lang, said, then in (("zh", "把“待填写”换成实际的）：", "，下一行："),
                                 ("en", "replace 待填写 with the real values): ", ", then the line: ")):
            ledger.write_text(written, encoding="utf-8")
            [f] = run(lang)
            assert f["code"] == code and said in f["hint"], f
            typed[lang] = f["hint"].split(said)[1].split(then)
        assert typed["zh"] == typed["en"] and typed["zh"][-6:] == [
            "  - date: 待填写", "    form: 待填写", "    place: 待填写", "    channel: 待填写", "    students: 待填写",
            "    summary: 待填写"], typed  # (the shape: keys, spaces, where to type; no value made up)
        ledger.write_text(written + "".join(f"{line}\n" for line in typed["zh"]), encoding="utf-8")  # (typed as told:
        # at the file's end — activities: and its lines —, or under activities:, its last line)
        for lang, said in (("zh", "还是占位的“待填写”，不是实际的值"), ("en", "is still the placeholder 待填写 (to fill in)")):
            found = run(lang)
            assert [(f["code"], f["line"]) for f in found] == [("E-SCHEMA-011", n) for n in range(5, 11)], found
            assert all(said in f["message"] for f in found), found
        assert "请换成实际的“联系学生人数”" in run("zh")[4]["hint"] and "type the real value" in run("en")[4]["hint"]
        filled = ledger.read_text(encoding="utf-8")
        for field, value in real.items():  # (the real values typed in their places: valid)
            filled = filled.replace(f"{field}: 待填写", f"{field}: {value}")
        ledger.write_text(filled, encoding="utf-8")
        assert run("zh") == [], filled


def test_a_field_the_schema_gives_no_example_of_is_given_its_line_under_its_mapping(tmp_path):
    """contacts: without min_per_semester:, in a program whose schema has no example of it: the line to add,
    under contacts:'s line and aligned with its first field, `min_per_semester: …` (no value to copy), then its
    description; typed as told, with a number for …, the file is valid."""
    program, work = B.build("E-SCHEMA-001__no_example", tmp_path)
    said = {}
    for lang in ("zh", "en"):
        [f] = json.loads(B.run_cli(program, work, "--lang", lang, "validate", "--format", "json").stdout)
        said[lang] = f["hint"]
    assert said["zh"] == ("请在第 14 行“contacts:”下面加一行“min_per_semester: …”，与 points_per_cadre 对齐（前面 2 个空格；"
                          "把“…”换成实际的）。"
                          "每学期至少深入学生当中的次数（现行要求），默认 1。改动这个数字时，请把原来的数字连同它适用到哪一天写进"
                          "“以往的要求”(earlier)，以前的学期才仍按原来的数字判断。"), said
    # (the description, which the schema gives in Chinese only, carried in English too, before the line)
    assert said["en"] == ("min_per_semester (每学期最少联系次数): 每学期至少深入学生当中的次数（现行要求），默认 1。改动这个数字时，"
                          "请把原来的数字连同它适用到哪一天写进“以往的要求”(earlier)，以前的学期才仍按原来的数字判断。 "
                          "Under line 14 (contacts:) add a line aligned with points_per_cadre (2 spaces before it; "
                          "replace … with the real value): "
                          "min_per_semester: …"), said
    policy = work / "records" / "policy.yaml"
    lines = policy.read_text(encoding="utf-8").splitlines(keepends=True)
    policy.write_text("".join(lines[:14] + ["  min_per_semester: 2\n"] + lines[14:]), encoding="utf-8")
    assert json.loads(B.run_cli(program, work, "validate", "--format", "json").stdout) == []


def test_a_field_missing_from_a_mapping_written_in_braces_over_lines_is_given_no_line_that_breaks_the_file(tmp_path):
    # (contacts: { on its line, its fields below: was told 请在第 14 行“contacts:”下面加一行，与 points_per_cadre
    # 对齐（前面 4 个空格）：min_per_semester: … — typed so, the braces' fields lack a comma: E-YAML-001)
    shutil.copytree(B.MINIMAL, tmp_path / "records")
    policy = tmp_path / "records" / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert text.count("contacts:\n  points_per_cadre: 1\n  min_per_semester: 1\n") == 1
    policy.write_text(text.replace("contacts:\n  points_per_cadre: 1\n  min_per_semester: 1\n",
                                   "contacts: {\n    points_per_cadre: 1}\n"), encoding="utf-8")
    for lang, placed in (("zh", "下面加"), ("en", "Under line")):
        [f] = json.loads(B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json").stdout)
        assert f["code"] == "E-SCHEMA-001" and "min_per_semester: …" in f["hint"], f
        assert placed not in f["hint"], f  # (no line under contacts: reads as its field)


@pytest.mark.parametrize("copied", ["the quoted line", "with the sentence's stop"])
def test_a_line_a_hint_gives_to_add_to_an_item_typed_with_its_dots_is_told_to_be_filled_in(tmp_path, copied):
    # (a class without its name was told 请在第 3 行“- id: cs-2026-01”下面加一行…：name: …。 — typed as told, a class
    # named “…” validated and went to the site; an activity's students: … was told 应为整数; then name: …。, the line
    # copied with the sentence's stop, validated: the line is now in quotes, and its stop copied too is still told)
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    classes = records / "classes/2026.yaml"
    text = classes.read_text(encoding="utf-8")
    classes.write_text(text.replace("    name: 计算机2601班\n", ""), encoding="utf-8")
    for lang, said in (("zh", r"请在第 (\d+) 行“[^”]*”下面加一行“(name: …)”，与 id 对齐（前面 (\d+) 个空格；把“…”换成实际的）。"),
                       ("en", r"Under line (\d+) \([^)]*\) add a line aligned with id \((\d+) spaces before it; "
                              r"replace … with the real value\): (name: …)$")):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json")
        [f] = json.loads(out.stdout)
        m = re.search(said, f["hint"])
        assert f["code"] == "E-SCHEMA-001" and m, f
        assert lang == "en" or "：name" not in f["hint"] and "…。" not in f["hint"], f  # (no stop to copy after it)
    lines = classes.read_text(encoding="utf-8").splitlines(keepends=True)
    after, line, spaces = int(m.group(1)), m.group(3), int(m.group(2))
    line += "。" if copied == "with the sentence's stop" else ""
    classes.write_text("".join(lines[:after] + [" " * spaces + line + "\n"] + lines[after:]), encoding="utf-8")
    for lang, words in (("zh", "“班级名称”还是占位的“…”，不是实际的值"), ("en", "is still the placeholder … (to fill in)")):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json")
        [f] = json.loads(out.stdout)
        assert (f["code"], f["line"]) == ("E-SCHEMA-011", after + 1) and words in f["message"], f


@pytest.mark.parametrize("written", ["待填写。", "待填写，", "…。"])
def test_a_placeholder_typed_with_a_stop_after_it_is_still_told_to_be_filled_in(tmp_path, written):
    # (a hint's 这一行写成：summary: …。 — the line copied up to the sentence's end)
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    cadre = records / "cadres/li-na.yaml"
    text = cadre.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("position:"))
    cadre.write_text(text.replace(line, f"position: {written}"), encoding="utf-8")
    [f] = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--format", "json").stdout)
    assert f["code"] == "E-SCHEMA-011" and f["file"].endswith("cadres/li-na.yaml"), f
    assert f"还是占位的“{written[:-1]}”" in f["message"], f


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_ledger_without_its_cadre_or_period_is_given_the_line_its_place_says(tmp_path, lang):
    # (was given cadre: 待填写 — refused as typed — where the file's place, ledgers/<period>/<cadre>.yaml, says it)
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    ledgers = {"cadre": records / "ledgers/2026-H1/li-na.yaml", "period": records / "ledgers/2025-H2/zhang-wei.yaml"}
    for field, ledger in ledgers.items():
        ledger.write_text("".join(x for x in ledger.read_text(encoding="utf-8").splitlines(keepends=True)
                                  if not x.startswith(f"{field}:")), encoding="utf-8")
    found = json.loads(B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json").stdout)
    assert sorted((f["code"], f["file"].rsplit("/", 1)[-1]) for f in found) == [
        ("E-SCHEMA-001", "li-na.yaml"), ("E-SCHEMA-001", "zhang-wei.yaml")], found
    at_end = "请在文件末尾加上这一行（值取自这个文件的位置 " if lang == "zh" else "Add this line at the file's end (the value is "
    for f in found:
        assert at_end in f["hint"] and "待填写" not in f["hint"], f
        line = f["hint"].rsplit("）：" if lang == "zh" else "): ", 1)[-1]  # (the line, at the hint's end)
        ledger = ledgers["cadre" if "li-na" in f["file"] else "period"]
        assert yaml.safe_load(line) in ({"cadre": "li-na"}, {"period": "2025-H2"}), f
        ledger.write_text(ledger.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")  # (as told)
    run = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout) == [], run.stdout


def test_a_list_left_empty_is_given_its_line_and_a_description_names_the_records_folder_given(tmp_path):
    # (policy.yaml's forms: with nothing after it was told 请在冒号后面填写列表。如 主题党日团日…… — the words, not the
    # line; a cadre without unit: 现在所在单位的编号（records/units.yaml） under --records 'my records')
    records = tmp_path / "my records"
    shutil.copytree(B.MINIMAL, records)
    policy, cadre = records / "policy.yaml", records / "cadres/li-na.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("  forms: [主题班会, 个体谈话, 座谈交流, 社团活动]\n", "  forms:\n"), encoding="utf-8")
    cadre.write_text("".join(line for line in cadre.read_text(encoding="utf-8").splitlines(keepends=True)
                             if not line.startswith("unit:")), encoding="utf-8")
    found = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--records", "my records", "--format", "json").stdout)
    said = {f["code"]: f["hint"] for f in found}
    assert set(said) == {"E-SCHEMA-001", "E-SCHEMA-003"}, found
    assert "（my records/units.yaml）" in said["E-SCHEMA-001"] and not _folder_named(found), found
    assert said["E-SCHEMA-001"].endswith("请在文件末尾加上这一行（把“待填写”换成实际的）：unit: 待填写"), said  # (a fact)
    words, line = said["E-SCHEMA-003"].split("这一行写成（值是示例，请改成实际的）：")
    assert words.startswith("如 主题党日团日") and line == (
        "  forms: [主题党日团日, 主题班会, 社团活动, 文体活动, 个体谈话, 座谈交流, 主题报告, 思想政治理论课, 党课, 形势政策课]"), said
    policy.write_text(text.replace("  forms: [主题班会, 个体谈话, 座谈交流, 社团活动]\n", line + "\n"), encoding="utf-8")
    found = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--records", "my records", "--format", "json").stdout)
    assert [f["code"] for f in found] == ["E-SCHEMA-001"], found  # (the list typed as told: valid; the unit still missing)


def test_a_new_ledger_without_a_contact_point_names_the_records_folder_given(tmp_path):
    # (new ledger --records 'my records' wrote 待填写  # 班级或社团编号，见 records/classes/、records/clubs.yaml into
    # the ledger, beside W-NEW-001's 请学工部在 my records/assignments/ 中补充安排)
    shutil.copytree(B.MINIMAL, tmp_path / "my records")
    out = B.run_cli(B.REPO, tmp_path, "new", "ledger", "--records", "my records", "--cadre", "li-na",
                    "--period", "2025-H1", "--today", "2025-06-01", "--format", "json")
    assert [f["code"] for f in json.loads(out.stdout)] == ["W-NEW-001"], out.stdout + out.stderr
    text = (tmp_path / "my records/ledgers/2025-H1/li-na.yaml").read_text(encoding="utf-8")
    assert "  - 待填写  # 班级或社团编号，见 my records/classes/、my records/clubs.yaml\n" in text, text
