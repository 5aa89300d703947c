"""The JSON Schemas speak Chinese everywhere (their titles and descriptions feed error
messages, the site's field reference and the web form), are valid schemas, and the
demo university in records/ validates with no error."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import bad_records as B
from generator.layout import LAYOUT

SCHEMAS = sorted((B.REPO / "schemas").glob("*.schema.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _resolve(node: dict, root: dict) -> dict:
    ref = node.get("$ref", "")
    if ref.startswith("#/$defs/"):
        return {**root["$defs"][ref.rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def properties(node: dict, root: dict, where: str = ""):
    """(path, property schema) for every property, recursively — through nested objects,
    array items, and the branches of oneOf/anyOf/allOf."""
    node = _resolve(node, root)
    for name, prop in (node.get("properties") or {}).items():
        yield f"{where}.{name}" if where else name, prop
        yield from properties(prop, root, f"{where}.{name}" if where else name)
    items = node.get("items")
    if isinstance(items, dict):
        yield from properties(items, root, f"{where}[]")
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key) or []:
            yield from properties(branch, root, where)


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_a_valid_json_schema(path):
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_chinese_title_and_description(path):
    root = json.loads(path.read_text(encoding="utf-8"))
    assert CJK.search(root.get("title", "")) and CJK.search(root.get("description", "")), "the schema itself"
    found = list(properties(root, root))
    assert found, "a schema without properties?"
    lacking = [where for where, prop in found
               if not (CJK.search(prop.get("title") or "") and CJK.search(prop.get("description") or ""))]
    assert not lacking, f"{path.name}: add a Chinese title and description to: {', '.join(lacking)}"


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_example_is_a_value_its_field_takes(path):
    """A field's `examples` are the lines a hint gives to type (E-SCHEMA-001 for a field left out): each must be one
    the field takes, or typing it as told is refused again."""
    from jsonschema import FormatChecker

    root = json.loads(path.read_text(encoding="utf-8"))
    wrong = [(where, example) for where, prop in properties(root, root) for example in prop.get("examples", [])
             if not Draft202012Validator({**prop, "$defs": root.get("$defs", {})},
                                         format_checker=FormatChecker(["date"])).is_valid(example)]
    assert not wrong, f"{path.name}: examples the field refuses: {wrong}"


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_example_says_whether_it_is_a_fact_or_a_policy(path):
    """A hint gives a field's example as the lines to type (E-SCHEMA-001, E-SCHEMA-003, E-LOAD-002): a policy's
    (min_per_semester: 1) as it is, a fact's — an activity, a cadre's position: only the person knows it — as its
    shape, each value 待填写, which never validates (typed unchanged, the example did: an activity that never
    happened).  Each field with examples says which it is ("x-fact": true or false), and only those."""
    root = json.loads(path.read_text(encoding="utf-8"))
    wrong = [(where, prop.get("x-fact")) for where, prop in properties(root, root)
             if ("examples" in prop) != isinstance(prop.get("x-fact"), bool)]
    assert not wrong, f"{path.name}: give each field with examples \"x-fact\": true (a fact) or false (a policy's " \
                      f"value, an example one may keep), and no other: {wrong}"


def test_every_required_field_of_a_record_is_a_fact_or_a_policy():
    """Every required field a hint may give the lines of (a record's, and its sections' fields: a list's items come
    with their list) is classified: its own "x-fact", or a section's fields' each (policy's institution: its name a
    fact, its time zone a policy's).  Only the archive's are not: the `archive` command writes those files, and its
    schema gives no example to offer."""
    unclassified = []
    for path in SCHEMAS:
        root = json.loads(path.read_text(encoding="utf-8"))

        def walk(node, where):
            node = _resolve(node, root)
            for name in node.get("required", []):
                prop = _resolve(node["properties"][name], root)
                if "x-fact" in prop:
                    continue
                if prop.get("type") == "object" and prop.get("required") and "examples" not in prop:
                    walk(prop, f"{where}{name}.")
                else:
                    unclassified.append(f"{path.name}: {where}{name}")

        walk(root, "")
    assert unclassified and all(u.startswith("archive.schema.json: ") for u in unclassified), unclassified
    archive = (B.REPO / "schemas/archive.schema.json").read_text(encoding="utf-8")
    assert '"examples"' not in archive


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_object_is_closed(path):
    """Unknown keys are errors: every object with properties forbids others."""
    root = json.loads(path.read_text(encoding="utf-8"))
    open_objects = []

    def walk(node, where):
        node = _resolve(node, root)
        if "properties" in node and node.get("additionalProperties") is not False:
            open_objects.append(where or "(top)")
        for name, prop in (node.get("properties") or {}).items():
            walk(prop, f"{where}.{name}" if where else name)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")

    walk(root, "")
    assert not open_objects, f"{path.name}: {open_objects}"


def test_every_record_kind_with_a_schema_is_in_the_layout():
    kinds = {kind for _, kind in LAYOUT}
    stray = [p.name for p in SCHEMAS if p.name.removesuffix(".schema.json") not in kinds]
    assert not stray, stray


def test_the_demo_university_validates_with_no_error():
    """records/ is the demo (bench/corpus.py writes it); README promises it is clean."""
    records = B.REPO / "records"
    assert (records / "policy.yaml").is_file(), "records/ holds no demo yet (python bench/corpus.py)"
    run = B.run_cli(B.REPO, B.REPO, "validate", "--format", "json")
    assert "Traceback" not in run.stderr, run.stderr
    errors = [f for f in json.loads(run.stdout) if f["severity"] == "error"]
    assert errors == [], "\n".join(f"{f['file']}:{f['line']}:{f['column']} {f['code']} {f['message']}"
                                   for f in errors[:20])
    assert run.returncode == 0
    kinds = {Path(p).parts[0] for p in (str(f.relative_to(records)) for f in records.rglob("*.yaml"))}
    assert {"policy.yaml", "calendar.yaml", "units.yaml", "clubs.yaml", "classes", "cadres",
            "assignments", "ledgers"} <= kinds


def test_a_files_kind_is_the_first_row_of_the_layout_its_path_matches():
    """kind_of matches all rows at once: the same kind as trying LAYOUT's rows in order."""
    import itertools

    from generator.layout import kind_of

    parts = ["ledgers", "2025-H2", "cadres", "classes", "amendments", "policy.yaml", "a.yaml", "x", "", ".yaml",
             "clubs.yaml", "privacy-exceptions.yaml", "archive", "imports", "assignments", "a.yml", "calendar.yaml",
             "units.yaml", "exemptions.yaml"]
    paths = ["/".join(p) for n in (1, 2, 3) for p in itertools.product(parts, repeat=n)]

    def first_row(rel):
        return next((kind for pattern, kind in LAYOUT if pattern.fullmatch(rel)), None)

    assert [kind_of(rel) for rel in paths] == [first_row(rel) for rel in paths]
    assert len({first_row(rel) for rel in paths}) == len(LAYOUT) + 1  # every kind, and None


def test_a_policy_without_escalation_targets_is_given_their_shape_not_one_universitys_departments(tmp_path):
    """escalation_targets (to whom a cadre reports a student's problem: 已上报) are the university's own party
    committees and departments.  Left out, the hint gave the schema's example to type, one university's departments
    (计算机科学与工程学院党委 …): typed as told, it validated, and another university's cadres would be offered units it
    does not have.  The hint now gives its shape (待填写), refused as it is (E-SCHEMA-011); the university's own units
    typed in, the policy validates."""
    import shutil

    records = tmp_path / "records"
    shutil.copytree(B.REPO / "tests" / "fixtures" / "minimal", records)
    policy = records / "policy.yaml"
    shipped = policy.read_text(encoding="utf-8")
    ours = "  escalation_targets: [计算机学院党委, 后勤处]\n"
    assert ours in shipped
    policy.write_text(shipped.replace(ours, ""), encoding="utf-8")
    found = json.loads(B.run_cli(B.REPO, tmp_path, "validate", "--format", "json").stdout)
    told = [f for f in found if f["code"] == "E-SCHEMA-001" and "escalation_targets" in f["message"]]
    assert len(told) == 1 and told[0]["file"] == "records/policy.yaml", found
    lines = told[0]["hint"].rsplit("）：", 1)[1].split("，下一行：")
    assert lines == ["  escalation_targets:", "    - 待填写"], told[0]["hint"]
    root = json.loads((B.REPO / "schemas/policy.schema.json").read_text(encoding="utf-8"))
    example = root["properties"]["vocabularies"]["properties"]["escalation_targets"]["examples"][0]
    assert example and not any(word in "".join(lines) for word in example)
    below = shipped.split(ours)[0].rsplit("\nvocabularies:\n", 1)[0] + "\nvocabularies:\n"
    assert shipped.startswith(below)
    policy.write_text(below + "\n".join(lines) + "\n" + shipped.split(ours)[0][len(below):] + shipped.split(ours)[1],
                      encoding="utf-8")  # (typed as the hint says: under vocabularies:)
    run = B.run_cli(B.REPO, tmp_path, "validate", "--format", "json")
    refused = [(f["code"], f["file"], f["line"]) for f in json.loads(run.stdout)
               if f["severity"] == "error" and f["file"] == "records/policy.yaml"]
    row = below.count("\n") + 2
    assert refused == [("E-SCHEMA-011", "records/policy.yaml", row)] and run.returncode == 1, refused
    policy.write_text(policy.read_text(encoding="utf-8").replace("    - 待填写", "    - 计算机学院党委\n    - 后勤处"),
                      encoding="utf-8")
    assert B.run_cli(B.REPO, tmp_path, "validate").returncode == 0
