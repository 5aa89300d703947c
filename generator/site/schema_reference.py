"""Field reference generated from the schemas' Chinese titles and descriptions."""
from __future__ import annotations

from generator.model import VOCAB_FIELDS, own_examples
from generator.validate import schema_for

# The order a reader needs them in: what cadres fill in first, administrators' files after.
ORDER = ["ledger", "cadre", "assignments", "classes", "clubs", "units", "calendar", "exemptions", "imports",
         "privacy_exceptions", "policy"]
TYPE_ZH = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "true/false", "array": "列表",
           "object": "映射"}


def resolve_ref(root: dict, node: dict) -> dict:
    """`node` with the schema's definition it refers to (`$ref` to `#/$defs/…` of `root`) merged in, its own
    keys winning (one level: the field reference and an amendment's field names read titles off it)."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = dict(root.get("$defs", {}).get(ref.split("/")[-1], {}))
        target.update({k: v for k, v in node.items() if k != "$ref"})
        return target
    return node


def _type(node: dict) -> str:
    if node.get("format") == "date":
        return "日期 YYYY-MM-DD"
    if "enum" in node:
        return "可选：" + "、".join(str(v) for v in node["enum"])
    if node.get("type") == "array":
        items = node.get("items", {})
        inner = TYPE_ZH.get(items.get("type", ""), "") if isinstance(items, dict) else ""
        return f"列表（每项{inner}）" if inner and inner != "映射" else "列表"
    return TYPE_ZH.get(node.get("type", ""), "")


def _fields(root: dict, node: dict, prefix: str, depth: int, out: list) -> None:
    node = resolve_ref(root, node)
    required = set(node.get("required", []))
    for key, sub in (node.get("properties") or {}).items():
        sub = resolve_ref(root, sub)
        path = f"{prefix}{key}"
        out.append({"path": path, "depth": depth, "title": sub.get("title", ""), "description": sub.get("description", ""),
                    "type": _type(sub), "required": key in required})
        if sub.get("type") == "object":
            _fields(root, sub, path + ".", depth + 1, out)
        items = sub.get("items")
        if sub.get("type") == "array" and isinstance(items, dict) and resolve_ref(root, items).get("type") == "object":
            _fields(root, items, path + "[].", depth + 1, out)


def field_reference(rs=None) -> list[dict]:
    """Each kind of record's fields, the ledger's in the university's words where `rs` (a RecordSet) has its
    own (own_words)."""
    out = []
    for kind in ORDER:
        schema = schema_for(kind)
        if not schema:
            continue
        fields: list = []
        _fields(schema, schema, "", 0, fields)
        if kind == "ledger" and rs is not None:
            fields = [own_words(rs, f) for f in fields]
        if kind == "policy" and rs is not None:
            fields = [own_institution(rs, f) for f in fields]
        out.append({"kind": kind, "title": schema.get("title", kind), "description": schema.get("description", ""),
                    "fields": fields})
    return out


def own_words(rs, field: dict) -> dict:
    """A ledger's field as the university says it, as its web form does (cms.form_hint, FormContext.label): the
    suggestions titled by the policy's suggestion_targets (对辅导员、班主任的意见建议, not the schema's 对任课教师、
    辅导员、班导师的意见建议), the words a description gives as examples or lists its word list's, and its statuses
    of the escalated and resolved meanings by their names (已报告, 已办结 where the schema says 已上报, 已解决)."""
    path = tuple(part.removesuffix("[]") for part in field["path"].split("."))
    description = field["description"]
    if path in VOCAB_FIELDS:
        description = own_examples(description, rs.words(VOCAB_FIELDS[path]))
    return {**field, "title": rs.field_title(path, field["title"]), "description": rs.statuses_named(description)}


DEMO_INSTITUTION = "示例大学"  # (the schema's example of institution.name: the demo's, bench/corpus.py --demo)


def own_institution(rs, field: dict) -> dict:
    """A policy field's description with the records' university for the demo's as its example (学校全称，如
    北方农林大学。, not 如 示例大学。): a university's own site names no university it is not; where the policy names
    none, no example (学校全称。).  Where a description points at the demo's own file (本程序自带的示例大学
    records/policy.yaml), it is that file, and stays."""
    example = f"，如 {DEMO_INSTITUTION}。"
    if example not in field["description"]:
        return field
    own = rs.setting("institution", "name", default="")
    own = own.strip() if isinstance(own, str) else ""
    return {**field, "description": field["description"].replace(example, f"，如 {own}。" if own else "。")}
