"""The references stage's ledgers (references._ledgers) on real YAML files: what a ledger is told, and
what the stage asks of it (bench/HISTORY.md, the item of h4)."""
from __future__ import annotations

import shutil
from collections import Counter

import bad_records as B
from gitrepo import demo_records
from generator import references, validate
from generator.check import facts
from generator.pipeline import validate_records, validate_records_and

ACTIVITY = """  - date: "{date}"
    form: {form}
    place: {place}
    channel: 面对面
    students: 20
    summary: {summary}
"""


def _activities(*rows) -> str:
    return "activities:\n" + "".join(ACTIVITY.format(date=d, form=f, place=p, summary=s) for d, f, p, s in rows)


# li-na's ledger: nothing wrong (five activities on three days; two feedback items raised on those days)
CLEAN = "cadre: li-na\nperiod: 2026-H1\ncontact_points: [club-robotics]\n" + _activities(
    ("2026-03-05", "社团活动", "进社团", "参加机器人协会的例会。"),
    ("2026-03-05", "个体谈话", "进社团", "与一名学生谈学业规划。"),
    ("2026-04-20", "社团活动", "进社团", "参加机器人协会的比赛备赛活动。"),
    ("2026-04-20", "座谈交流", "进网络", "线上座谈，听取比赛的准备情况。"),
    ("2026-05-10", "社团活动", "进社团", "参加机器人协会的开放日。"),
) + """feedback:
  - id: 2026h1-li-na-1
    raised_on: "2026-03-05"
    resolved_on: "2026-04-20"
    kind: 问题
    category: 学业发展
    description: 几名学生希望增加实验室开放时间。
    status: 已解决
  - id: 2026h1-li-na-2
    raised_on: "2026-04-20"
    kind: 建议
    category: 生活后勤
    description: 一名学生建议延长自习室开放时间。
    status: 待处理
suggestions:
  - to: 辅导员
    text: 请关注备赛学生的作息。
"""

# zhang-wei's ledger: one of each mistake the stage tells of an activity, an item and a suggestion, beside
# values it leaves to the schema (a day that is no date, a list where a word belongs)
MISTAKES = "cadre: zhang-wei\nperiod: 2026-H1\ncontact_points: [cs-2025-01]\n" + _activities(
    ("2026-03-05", "主题班会", "进班级", "参加主题班会。"),              # line 5
    ("2026-03-05", "主题班会", "进班级", "参加主题班会。"),              # 11: E-REF-017 (a copy of line 5)
    ("2026-07-05", "主题班会", "进班级", "暑期走访。"),                  # 17: E-REF-004 (2026-H2's day)
    ("2026-04-20", "主题班", "进班级", "参加班会。"),                    # 23: E-REF-005 (主题班会?)
    ("2026-02-30", "主题班会", "[进班级]", "参加另一次班会。"),          # 29: the schema's
    ("2026-04-20", "个体谈话", "进班级", "与一名学生谈心。"),
) + """feedback:
  - id: 2026h1-zhang-wei-1
    raised_on: "2026-04-20"
    resolved_on: "2026-03-05"
    kind: 诉求
    category: 学业发展
    description: 几名学生希望增加自习室。
    status: 已解决
suggestions:
  - to: 教务
    text: 请调整考试安排。
"""


def _records(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(B.MINIMAL, records)
    (records / "ledgers" / "2026-H1" / "li-na.yaml").write_text(CLEAN, encoding="utf-8")
    (records / "ledgers" / "2026-H1" / "zhang-wei.yaml").write_text(MISTAKES, encoding="utf-8")
    return records


def test_each_ledger_s_mistakes_are_told_and_each_date_as_written_is_parsed_once_a_run(tmp_path, monkeypatch):
    """116,000 activities at 12k are on a few thousand days: the stage parses each date as written
    once a run (each activity's, and each feedback item's raised_on and resolved_on, were parsed
    again, three times for an item), and asks a ledger's activities at once where nothing in them is
    wrong; a ledger with mistakes is told each, as before: a copy (E-REF-017), a day of another
    period (E-REF-004), a word of no list (E-REF-005, also of a feedback item and a suggestion), an
    item resolved before it was raised (E-REF-008); the clean ledger nothing."""
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")  # (each run works every ledger out)
    rs, findings = validate_records(_records(tmp_path))
    mine = sorted((f.code, f.file.rsplit("/", 1)[-1], f.line, f.column) for f in findings if f.code.startswith("E-REF"))
    assert mine == [("E-REF-004", "zhang-wei.yaml", 17, 11), ("E-REF-005", "zhang-wei.yaml", 24, 11),
                    ("E-REF-005", "zhang-wei.yaml", 45, 11), ("E-REF-005", "zhang-wei.yaml", 50, 9),
                    ("E-REF-008", "zhang-wei.yaml", 44, 18), ("E-REF-017", "zhang-wei.yaml", 11, 5)], mine
    said = {(f.code, f.line): f for f in findings}
    assert "是不是“主题班会”" in said["E-REF-005", 24].hint_zh and "第 5 行" in said["E-REF-017", 11].message_zh, said
    parsed = Counter()
    for module in (references, validate):  # (a date as written is parsed through the one Days, validate's, which the
        # checks' facts use too; and a wrong folder's dates by references itself)
        monkeypatch.setattr(module, "parse_date", lambda text, parse=module.parse_date: parsed.update([text]) or parse(text))
    assert references.Days is facts.Days is validate.Days  # (one, not a copy each)
    again = references.check_references(rs, None)
    assert sorted(map(repr, again)) == sorted(map(repr, (f for f in findings if f.code.startswith("E-REF")))), again
    assert parsed and max(parsed.values()) == 1, parsed  # (each date as written once, the items' too)
    assert set(parsed) == {"2025-10-15", "2026-03-05", "2026-04-20", "2026-05-10", "2026-07-05", "2026-02-30"}, parsed


# One mistake a ledger, each in turn (the first match in the file): what the references stage tells of a ledger's values, or
# what only its values can say it does not (a value that is no text, a date that is none, two activities on one day …)
_MADE = [(r"^cadre: .*$", "cadre: wang-nobody"), (r"^cadre: .*$", "cadre: [a, b]"), (r"^cadre: .*$", "cadre: 白涛宇"),
         (r"^period: .*$", "period: 2019-H1"), (r"^period: .*$", "period: 2026年上半年"), (r"^period: .*$", "period: 2026-HI"),
         (r"^(contact_points:\n  - ).*$", r"\1nobody-2024-99"), (r"^(contact_points:\n  - ).*$", r"\1[x]"),
         (r"^(activities:\n)((  - date: .*\n)(    .*\n)*)", r"\1\2\2"),  # (the first activity twice: E-REF-017)
         (r"^(activities:\n  - date: (.*)\n)", r"\1    x: 1\n  - date: \2\n    form: 主题班会\n"),  # (one day, two)
         (r"^(  - )date: \S+\n    ", r"\1"), (r"^(  - date: )\d{4}-\d\d-\d\d", r"\g<1>2031-01-05"),
         (r"^(  - date: )\d{4}-\d\d-\d\d", r"\g<1>2026-02-30"), (r"^(  - date: )\d{4}-\d\d-\d\d", r"\g<1>2026-W01-7"),
         (r"^(    form: ).*$", r"\1茶话会"), (r"^(    place: ).*$", r"\1[a]"), (r"^(    channel: ).*$", r"\g<1>12"),
         (r"^(    status: ).*$", r"\1差不多"), (r"^(    kind: ).*$", r"\g<1>{a: 1}"),
         (r"^(    resolved_on: )\d{4}", r"\g<1>2001"), (r"^(    raised_on: )\S+", r"\g<1>2026-13-01"),
         (r"^(  - to: ).*$", r"\1门卫"), (r"^(  - id: )\S+", r"\g<1>2026h1-bai-taoyu-1"),
         (r"^(  - id: .*\n)", r"\1    follows: nobody-1\n"), (r"^(feedback:\n)", r"\1  - 7\n"),
         (r"^(activities:\n)", r"\1  - 7\n"), (r"^activities:\n", "activities: 3\nx_activities:\n")]


def _mistaken(tmp_path):
    """A copy of the demo records, its ledgers given one of _MADE each in turn (those it fits), and one copied into a
    folder that is no period: {its ledgers given one: their path below records/}."""
    import re

    records = tmp_path / "records"
    demo_records(records)
    changed, made = set(), 0
    for path in sorted(records.glob("ledgers/*/*.yaml")):
        if made < 3 * len(_MADE):
            pattern, replace = _MADE[made % len(_MADE)]
            text = path.read_text(encoding="utf-8")
            new = re.sub(pattern, replace, text, count=1, flags=re.M)
            if new != text:
                path.write_text(new, encoding="utf-8")
                changed.add(path.relative_to(records).as_posix())
                made += 1
    assert made == 3 * len(_MADE), made
    (records / "ledgers" / "2026-H9").mkdir()
    shutil.copy(path, records / "ledgers" / "2026-H9" / path.name)
    return records, changed | {f"ledgers/2026-H9/{path.name}"}


def test_the_references_tell_the_same_of_the_ledgers_the_loading_processes_saw_and_read_only_theirs(tmp_path,
                                                                                                      monkeypatch):
    """When the checks will run, the loading processes note what the references stage reads of each ledger they
    load (references.seen_of: Document.facts), and the stage reads the values of those only of which that cannot
    tell it has nothing to say (at 12k a cold check's references copy unmarshalled every group of the loading copy's
    ledgers: ≈0.25 s of its 0.57 s).  The demo records with 81 ledgers given a mistake each (27 kinds: a cadre, a
    period, a contact point, a copied activity, a date or a word that is none, a value that is no text …) and one in a
    folder that is no period: the same findings either way, and only those ledgers' values read."""
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    monkeypatch.setenv("CONTACT_LEDGER_WORKERS", "1")  # (one process: the stage's reads counted here)
    records, changed = _mistaken(tmp_path)
    _rs, plain = validate_records(records)  # (validate: nothing noted, every ledger's values read)
    told = sorted(repr(f) for f in plain if f.code.startswith("E-REF"))
    assert len(told) > 40, told
    read = []
    monkeypatch.setattr(references, "_ledger", lambda rs, folder, stem, *more, ledger=references._ledger:
                        read.append(f"ledgers/{folder}/{stem}.yaml") or ledger(rs, folder, stem, *more))
    _rs, seen, _ = validate_records_and(records, None, checks=True)
    assert sorted(repr(f) for f in seen if f.code.startswith("E-REF")) == told
    assert read and set(read) <= changed, sorted(set(read) - changed)[:5]


def _sets_in(value) -> list:
    """The sets (and frozensets) anywhere in `value`, through tuples, lists and dicts."""
    if isinstance(value, (set, frozenset)):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _sets_in(v)]
    if isinstance(value, (tuple, list)):
        return [s for v in value for s in _sets_in(v)]
    return []


def test_what_the_loading_processes_note_for_the_references_holds_no_set(tmp_path, monkeypatch):
    """What a loading process notes of each ledger for the references (references.seen_of: the distinct dates,
    words and suggestions' targets) goes back to this process marshalled with the ledger's facts (the loading
    copy's half of the ledgers, facts.given_of), and marshal writes a set's items sorted: nine dates 5.5 µs, 1.1 µs
    as a tuple.  So they are tuples (the loading copy's marshal of the 12k corpus's facts: 15.6 → 10.1 µs a
    ledger); the stage tells the same of the ledgers either way (the test above, with 27 kinds of mistakes)."""
    monkeypatch.setenv("CONTACT_LEDGER_CACHE", "0")
    monkeypatch.setenv("CONTACT_LEDGER_WORKERS", "1")
    records = demo_records(tmp_path / "records")
    rs, found, _ = validate_records_and(records, None, checks=True)
    seen = [doc.facts[4] for doc in rs.docs if doc.kind == "ledger" and doc.facts and doc.facts[4]]
    assert len(seen) > 100, len(seen)
    assert [s for one in seen for s in _sets_in(one)] == []
    assert not [f for f in found if f.severity == "error"], found[:3]
