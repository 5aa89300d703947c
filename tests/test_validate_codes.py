"""Every finding code of the load, validate and references stages, on a real bad record.

Each tests/fixtures/bad/<CODE>[__variant]/ breaks one thing in a copy of the valid
tests/fixtures/minimal/ (see tests/bad_records.py); `python -m generator validate`
runs on it in a subprocess, as a cadre or CI runs it, and must report exactly the
error findings listed in its expect.yaml — code, file, line and column — and exit 1.
"""
from __future__ import annotations

import json
import re
import shutil

import pytest

import bad_records as B
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
    assert run.returncode == 1, f"{spec['note']}: exit {run.returncode}\n{run.stdout}{run.stderr}"
    found = [f for f in json.loads(run.stdout) if f["severity"] == "error"]
    expected = [
        (e["code"], f"records/{e['file']}", e["line"], e["column"]) for e in spec["expect"]
    ]
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
    for lang, words, then in (("zh", "请在文件末尾加上这几行（值按本校的改写）：", "，下一行："),
                              ("en", "Add these lines at the file's end (the values your university's): ", ", then the line: ")):
        out = B.run_cli(B.REPO, tmp_path, "--lang", lang, "validate", "--format", "json")
        [f] = json.loads(out.stdout)
        assert f["code"] == "E-SCHEMA-001" and words in f["hint"], f
        said[lang] = f["hint"].split(words)[1].split(then)
    assert said["zh"] == said["en"] == ["privacy:", "  student_number_patterns:", '    - "20[0-9]{8,10}"'], said
    zh = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--format", "json").stdout)[0]["hint"]
    assert zh.startswith("识别学生个人信息的规则，写法见 使用指南 → 隐私保护与异常文件检查 → 学号格式。"), zh  # (the lines last)
    policy.write_text(text.replace(section, "") + "\n".join(said["zh"]) + "\n", encoding="utf-8")  # (typed as told)
    out = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
    assert json.loads(out.stdout) == [], out.stdout
