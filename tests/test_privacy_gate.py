"""The privacy scan of many texts at once (privacy.Scanner.clean, _gated): the gates run once over a document's new
texts joined, and only the texts they mark are scanned.  Every text with a find must be marked, wherever it stands among
others — over the texts of tests/test_privacy.py (its constants, its case lists as evaluated, its parametrize lists),
tests/fixtures/clean_texts.txt and texts made of its pieces, as bench/privacy_same.py compares them, with its three
scanners — and a ledger's file with one of them in a summary is still told, at its line."""
from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import privacy

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
import privacy_material as material  # noqa: E402
from gitrepo import demo_records  # noqa: E402

TESTS = material.privacy_tests(REPO)
# (bench/privacy_same.py's scanners: the policy's pattern; one with a protected name; patterns of other shapes)
SCANNERS = [(["20[0-9]{8,10}"], ()), ([r"20[0-9]{8}"], ("张小明",)), (material.OTHER_SHAPES, ())]


def _texts() -> list[str]:
    return sorted(t for t in material.tests_texts(REPO, TESTS) | set(material.pieces_texts(TESTS, 20000)) if t)


@pytest.mark.parametrize("config", range(len(SCANNERS)))
def test_every_text_with_a_find_is_marked_by_the_gates_among_other_texts(config):
    scanner = privacy.Scanner(*SCANNERS[config])
    texts = _texts()
    # (the finds of every expression, ungated: a gate as tight as _could's — _DORM_NEAR is both — would hide its own miss)
    finds = {t: scanner._scan(t, gated=False) for t in texts}
    dirty = [t for t in texts if finds[t]]
    assert len(dirty) > 3000  # (the material holds finds of every kind)
    assert {m.kind for t in dirty for m in finds[t]} == set(privacy.KINDS) - (set() if scanner.names else {"name"})
    # each text alone, and among others (shuffled: a text with a find between clean ones, after another's end)
    for text in dirty:
        assert scanner._gated([text]) in (None, {0}), text
    rnd = random.Random(config)
    order = texts[:]
    rnd.shuffle(order)
    for at in range(0, len(order), 40):
        group = order[at:at + 40]
        marked = scanner._gated(group)
        if marked is not None:
            missed = [t for i, t in enumerate(group) if i not in marked and finds[t]]
            assert not missed, missed
    # and clean() says so: a text with a find among the values of a document is never taken for clean
    assert not scanner._none_in(order[:200] + dirty[:1])


def _records_with_summaries(tmp_path, summaries: list[str]):
    """A copy of the valid fixture whose ledger's first summary is each of `summaries` in turn (the ledger's file, then
    copies of it beside it): the records folder, the files' names and the summary's line (0-based)."""
    import json

    records = tmp_path / "records"
    subprocess.run(["cp", "-r", str(REPO / "tests" / "fixtures" / "valid"), str(records)], check=True)
    ledger = records / TESTS.LEDGER
    lines = ledger.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("summary:"))
    indent = lines[at][:len(lines[at]) - len(lines[at].lstrip())]
    names = []
    for n, summary in enumerate(summaries):
        lines[at] = f"{indent}summary: {json.dumps(summary, ensure_ascii=False)}"
        path = ledger if n == 0 else ledger.with_name(ledger.stem + f"-{n}.yaml")
        names.append(path.name)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return records, names, at


def test_a_summary_with_a_find_among_clean_ones_is_told_at_its_line(tmp_path):
    """Through validate on real YAML: the quick path's scan of many texts at once still tells each find, at its line."""
    records, _names, at = _records_with_summaries(tmp_path, ["与3号楼502室的同学谈心，了解学习情况。"])
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(records)],
                         capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 1, out.stdout + out.stderr
    assert f"{TESTS.LEDGER}:{at + 1}:" in out.stdout and "E-PRIV-001" in out.stdout, out.stdout


def _validate_summaries(tmp_path, summaries: list[str]) -> tuple[list[str], str]:
    """validate --format json over a copy of the valid fixture whose ledger's summary lines are `summaries` (one ledger
    file each): each file's E-PRIV-001 messages, in that order, and validate's output."""
    import json

    records, names, _at = _records_with_summaries(tmp_path, summaries)
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(records), "--format", "json"],
                         capture_output=True, text=True, cwd=REPO)
    found = json.loads(out.stdout)
    findings = found["findings"] if isinstance(found, dict) else found
    return [[f for f in findings if f["code"] == "E-PRIV-001" and f["file"].endswith("/" + name)] for name in names], out.stdout


def test_a_parent_s_word_after_a_surname_is_read_across_a_real_space_and_not_across_letters_or_digits(tmp_path):
    """_parent_after_surname (a quick check before the surname readings) and its gate (_SURNAME_BEHIND) stripped the
    space class's TEXT (' \\\\u00a0…': a backslash, u, a, f, 0, 2, 3, 7, 9), not the spaces: 王23家长会, 刘a妈妈 were taken for
    a surname before a parent's word and read through; every space, as typed (the scan narrows it to " "), is read."""
    for text in ("与王23家长会", "李2家长", "刘a妈妈", "赵0 爸爸", "陈3父亲", "家长王3先生"):
        norm = privacy._normal(text)
        assert not privacy._parent_after_surname(norm), text
        assert privacy.Scanner()._gated([text]) == (set() if "先生" not in text else {0}), text  # (先生: a gate of its own)
        assert not privacy.Scanner()._scan(text), text
    spaced = ["与张\u00a0妈妈通话", "与王\u3000家长联系", "欧阳\u202f家长来电", "家长王\u00a0先生来电", "与李 爸爸通话"]
    for text in spaced:
        assert privacy._parent_after_surname(privacy._normal(text)), text
        assert privacy.Scanner()._gated([text]) == {0}, text
    told, out = _validate_summaries(tmp_path, spaced)
    assert [len(f) for f in told] == [1] * len(spaced), out


# (each reading whose only part of the gates is 同学 — what may stand right before it: a surname, a compound's last character, a
# space, 男/女, a count's or 等's last character, a Latin letter, an initial's full stop — and texts with 同学 of no one)
CLASSMATE_READINGS = ["张同学反映", "欧阳同学", "张 同学", "與張同學談心", "张、李同学", "张、李女同学", "与张、李男同学谈话",
                      "张李两同学", "张、李两位同学", "张、李等同学", "ZS同学", "zhs 同学", "ZS、LM两位同学", "欧阳、司马两名同学",
                      "Z.S.同学"]
CLASSMATE_CLEAN = ["与同学们交流学习方法", "部分同学", "全体同学参加", "和同学们一起", "同学们反映", "班上同学", "老师和同学们"]


def test_同学_marks_a_text_only_after_what_a_reading_lets_stand_before_it(tmp_path):
    """The gate of 同学 (_CLASSMATE_BEHIND): a text with 同学 after none of those characters — 与同学们, 部分同学, most texts with
    同学 in a corpus — is not scanned one by one; each reading is marked alone and among clean texts, and told by validate."""
    scanner = privacy.Scanner()
    for text in CLASSMATE_READINGS:
        assert scanner._scan(text, gated=False), text  # (a find, whose only gated part is 同学)
        assert scanner._gated(CLASSMATE_CLEAN + [text]) == {len(CLASSMATE_CLEAN)}, text
    assert scanner._gated(CLASSMATE_CLEAN) == set()
    assert not any(scanner._scan(t, gated=False) for t in CLASSMATE_CLEAN)
    told, out = _validate_summaries(tmp_path, ["与同学们座谈，张、李女同学反映宿舍问题。", "与同学们交流，ZS、LM两位同学谈了想法。",
                                               "与同学们交流，张李两同学提出建议。", "与全体同学们交流学习方法。"])
    assert [len(f) for f in told] == [1, 1, 1, 0], out


def test_the_gates_are_tried_from_a_surname_before_生_and_from_a_number_s_first_digit():
    """The expression engine tries the gates' expression at each character of its first class: 生 (学生, one character in
    forty of a summary) is no longer one — _SHENG_NEAR's reading is tried from the surname before it — and a number's
    part holds from the first digit of a run where it holds from any (日语1602班: one try, not four), as it is found."""
    for config in SCANNERS + [([], ())]:
        scanner = privacy.Scanner(*config)
        scanner._gated(["x"])
        gate = scanner._gates[0]
        assert "生" not in gate.pattern[:gate.pattern.index("]")], config
        for text, first in (("张生反映", 0), ("欧阳生谈心", 1), ("123456", 0), ("138 1234 5678", 0), ("(024)8368 7123", 1),
                            ("5021寝室", 0), ("2026 1234 56", 0)):
            assert gate.search(text).start() == first, (config, text)
            assert all(gate.match(text, at) is None for at in range(first + 1, len(text))
                       if text[at] == "生" or text[at - 1].isdigit()), (config, text)
    assert privacy.Scanner(["20[0-9]{8,10}"])._gated(["与日语1602班学生座谈", "学生反映食堂问题"]) == set()


def _test_files_texts() -> list[str]:
    """Every string of tests/test_privacy*.py (their constants; test_privacy.py's lists as evaluated too) — no pieces."""
    import ast

    texts = set(material.tests_texts(REPO, TESTS))
    for path in sorted((REPO / "tests").glob("test_privacy*.py")):
        texts |= {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return sorted(t for t in texts if t)


@pytest.mark.parametrize("config", range(len(SCANNERS)))
def test_every_text_with_a_find_in_the_privacy_tests_is_marked_alone_and_among_clean_texts(config):
    """Each text of tests/test_privacy*.py that holds a find is marked by the gates when it is a document's only new text,
    and when it stands among clean ones (first, between, last): a test that validates many of them in one ledger cannot
    show a gate's gap — another text's find there has the whole document scanned (同学LS反映 passed validate alone)."""
    scanner = privacy.Scanner(*SCANNERS[config])
    texts = _test_files_texts()
    dirty = [t for t in texts if scanner._scan(t, gated=False)]
    clean = [t for t in (REPO / "tests" / "fixtures" / "clean_texts.txt").read_text(encoding="utf-8").splitlines()
             if t and not scanner._scan(t, gated=False) and scanner._gated([t]) == set()][:30]  # (no gate's part in them)
    assert len(dirty) > 500 and len(clean) == 30
    assert scanner._gated(clean) == set()
    alone = [t for t in dirty if scanner._gated([t]) not in (None, {0})]
    assert not alone, alone
    for at in (0, 15, 30):
        among = [t for t in dirty if scanner._gated(clean[:at] + [t] + clean[at:]) not in (None, {at}, {at, at + 1})]
        assert not among, (at, among)


INITIALS_AFTER_同学 = ["召开座谈会，同学LS反映宿舍关系紧张，已转辅导员跟进。", "同學LS反映", "同学 LS反映", "与同学LS谈心",
                      "同学ZYX，成绩下滑明显"]


def test_initials_right_after_同学_are_told_by_validate_in_a_ledger_of_their_own(tmp_path):
    """The gate before initials opened after 生 only (学生ZS), so a ledger whose one text with a find was 同学LS反映 was
    never scanned: validate said 0 errors for the demo's bai-taoyu.yaml with that summary; each is told now, masked."""
    told, out = _validate_summaries(tmp_path, INITIALS_AFTER_同学)
    assert [len(f) for f in told] == [1] * len(INITIALS_AFTER_同学), out
    assert all(f[0]["data"]["kind"] == "initials" and not re.search("[A-Z]", f[0]["message"]) for f in told), out
    demo = tmp_path / "demo"
    demo_records(demo)
    ledger = demo / "ledgers" / "2026-H1" / "bai-taoyu.yaml"
    text = ledger.read_text(encoding="utf-8")
    summary = re.search(r"^( *summary: ).*$", text, re.M)
    ledger.write_text(text[:summary.start()] + summary[1] + INITIALS_AFTER_同学[0] + text[summary.end():], encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", str(demo)], capture_output=True,
                         text=True, cwd=REPO)
    line = text[:summary.start()].count("\n") + 1
    assert out.returncode == 1 and f"bai-taoyu.yaml:{line}:" in out.stdout and "E-PRIV-001" in out.stdout, out.stdout


def test_a_file_the_full_loader_reads_is_scanned_one_value_at_a_time_only_where_the_gates_mark(tmp_path):
    """A file the quick path leaves to the full loader (here the demo's policy.yaml with a float — since 25450df6 the
    policy itself takes the quick path) had each of its ≈270 values and comment lines scanned one by one (_finds), a
    compile of the surname readings with them; now they are gated at once (Scanner.settle) and only those marked are
    scanned — its finds still told, at their lines."""
    from generator import load

    records = tmp_path / "records"
    records.mkdir()
    lines = (demo_records(tmp_path / "demo") / "policy.yaml").read_text(encoding="utf-8").splitlines()
    lines[1:1] = ["# 联系人：张同学 138 1234 5678", "# 与日语1602班学生座谈"]
    lines.append("kept: 1.5")  # (a float: the quick path leaves the file to the full loader)
    (records / "policy.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load.load_file_status(str(records / "policy.yaml"), records)[0]
    assert not doc.quick and len(doc.spans) > 150
    scanner = privacy.Scanner(["20[0-9]{8,10}"])
    finds = list(privacy._finds(scanner, doc))
    assert sorted(finds) == [("mobile", "138****5678", (2, 11)), ("surname", "*同学", (2, 7))], finds
    alone = set(scanner._cache) - scanner._quiet  # (the texts scanned one by one)
    assert "# 联系人：张同学 138 1234 5678\n" in alone and len(alone) < 10, sorted(alone)


def _lookbehinds_tried(pattern: str, char: str) -> int:
    """How many look-behinds the expression engine tries, after `char` matched the first class of the gates' expression,
    to reach the parts it may begin: each alternative's first one, and those behind it where it holds."""
    from re import _compiler, _constants as C, _parser

    def alternation(items) -> int:
        op, av = items[0]
        if op is C.SUBPATTERN:
            return alternation(av[3])
        if op is not C.BRANCH:
            return 0
        n = 0
        for alt in av[1]:
            direction, behind = alt[0][1] if alt[0][0] is C.ASSERT else (0, None)
            if direction == -1:
                n += 1
                if _compiler.compile(behind).fullmatch(char) and len(alt) > 1:
                    n += alternation(alt[1:])
        return n

    return alternation(_parser.parse(pattern)[1:])


def test_a_character_of_the_other_gates_tries_a_few_look_behinds_not_one_for_each_part():
    """The parts after the number's and the surnames' (_GATE_PARTS[1:]: 宿舍, 家, 同, 座 … one character in sixty of a
    summary) were one alternation, each behind its first class: every such character tried a look-behind for each of the
    27; now they are tried as a tree, half and half, in their order (the same matches: the gate-property tests above)."""
    scanner = privacy.Scanner(["20[0-9]{8,10}"])
    scanner._gated(["x"])
    pattern = scanner._gates[0].pattern
    firsts = re.compile("[" + "".join(first[1:-1] if first.startswith("[") else first for first, _ in privacy._GATE_PARTS[1:]) + "]")
    chars = [c for c in map(chr, range(0x20, 0xA000)) if firsts.fullmatch(c)]
    assert len(chars) > 80 and "宿" in chars and "X" in chars
    tried = {c: _lookbehinds_tried(pattern, c) for c in chars}
    parts = len(privacy._GATE_PARTS[1:])  # (one alternation tried one look-behind a part or more: 27 parts, 30 to 32)
    assert max(tried.values()) < parts - 4, (parts, sorted(tried.items(), key=lambda item: -item[1])[:5])
    assert _lookbehinds_tried(pattern, "0") == _lookbehinds_tried(pattern, "方") <= 4  # (and the wide forms' class, last)


def test_texts_of_chinese_punctuation_are_gated_as_they_are_and_narrowed_only_where_a_gate_reads_a_wide_form():
    """_gated narrowed every document's joined texts before the gates (_normal: a search of every character, then a copy for
    each wide character found) though most hold only ，, ：, （） — none of which a gate reads otherwise narrowed: 354,432 ，
    over the 12k corpus's new texts.  Now they are gated as they are; a character a gate reads otherwise narrowed (a
    full-width digit, letter or @, a full-width space, a dash) or one of no width is a gate of its own, and where one is
    found the texts are narrowed and gated again: the same marks, and no narrowed copy of texts of prose."""
    import tracemalloc

    scanner = privacy.Scanner(["20[0-9]{8,10}"])
    clean = ["与日语1602班学生座谈，了解学习情况：（一）学风；（二）宿舍。"] * 3
    assert scanner._gated(clean) == set()
    for text in ("电话１３８１２３４５６７８", "联系电话138\u30001234\u30005678", "ｑｑ：12345678", "张Ｘ同学", "学号２０２６１２３４５６"):
        assert scanner._gated(clean + [text]) == {3}, text
    assert scanner._gated(clean + ["张\u200b同学"]) is None  # (each text scanned alone: _unseen)
    prose = ["与日语1602班学生座谈，了解学习情况，" * 50 + str(n) for n in range(200)]  # (ASCII digits, Chinese commas)
    joined = sum(map(len, prose)) * 2  # (bytes of the joined texts: UCS-2)
    tracemalloc.start()
    marked = scanner._gated(prose)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert marked == set() and peak < joined * 1.5, (peak, joined)


def test_a_quick_file_s_comment_lines_are_found_from_their_hash_not_from_a_list_of_every_line(tmp_path):
    """Scanner.clean read a quick file's comments (the raw lines holding a '#') by listing where each of its lines began
    (the import's file of the 12k corpus: 817,651 characters, one '#'): now from each '#', the same lines."""
    import random
    import tracemalloc

    from generator import load
    from generator.chars import LINE_BREAKS, lines_with
    from generator.load import LINE_BREAK

    rnd = random.Random(3)
    alpha = list("ab #\n\r张") + ["\r\n", "\x85", "\u2028", "\u2029"]
    for _ in range(20000):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 30)))
        assert [text[a:c] for a, _b, c in lines_with(text)] == [
            text[a:b] for a, b in privacy._lines(text, privacy._line_starts(text)) if "#" in text[a:b]], repr(text)
        # (and where its break begins: W-YAML-001's line, comments._hashed, is the line without it)
        assert all(text[b:c] in ("", "\r\n", *LINE_BREAKS) and not LINE_BREAK.search(text, a, b)
                   for a, b, c in lines_with(text)), repr(text)
    records = tmp_path / "records"
    (records / "imports").mkdir(parents=True)
    path = records / "imports" / "legacy.yaml"
    rows = "".join(f"  - id: row-{n}\n    note: 第{n}行\n" for n in range(15000))
    for comment, told in (("# 由旧平台导出\n", True), ("# 联系人 13812345678\n", False)):
        path.write_text(comment + "rows:\n" + rows, encoding="utf-8")
        doc = load.load_file_status(str(path), records)[0]
        assert doc.quick
        scanner = privacy.Scanner()
        scanner.clean(doc)  # (its values known to the scanner, if clean: the second reading walks them and its comment only)
        tracemalloc.start()
        clean = scanner.clean(doc)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert clean is told, comment
        assert peak < 400_000 or not told, peak  # (the walk's stack of 15,000 rows: 120 kB; a list of each line's start, 1.3 MB)


def _walked(value, out: set) -> set:
    """What Scanner.clean's own walk of a document's values reads: every key and string, a number or boolean as written."""
    if isinstance(value, dict):
        out.update(value)
        for item in value.values():
            _walked(item, out)
    elif isinstance(value, list):
        for item in value:
            _walked(item, out)
    elif isinstance(value, str):
        out.add(value)
    elif isinstance(value, (bool, int)):
        out.add(str(value).lower())
    return out


def test_the_quick_path_hands_the_privacy_scan_every_text_of_the_values_it_read(tmp_path):
    """Scanner.clean walked a quick file's values again (2.29 M values over the 12k corpus, ≈0.3 s of CPU) right after
    the quick path had walked them to intern them; that walk now gathers them (Document.texts: every key and string, a
    number or boolean as written) and clean takes them once — the same texts its own walk reads, for every file of the
    demo's records the quick path reads and a file of every kind of value; a phone written as a number, a key and an
    item of a nested list are still told at their lines, and values changed after the load are walked again."""
    from generator import load

    demo = demo_records(tmp_path / "demo")  # (the demo generated: records/ is a university's own in its clone)
    quick = 0
    for path in sorted(demo.rglob("*.yaml")):
        doc = load.load_file_status(str(path), demo)[0]
        if doc.quick:
            quick += 1
            assert doc.texts == _walked(doc.data, set()), path
    assert quick > 400
    records = tmp_path / "records"
    records.mkdir()
    path = records / "clubs.yaml"
    path.write_text("name: 社团\nstudents: 25\nphone: 13812345678\nopen: true\nshut: false\nnone: null\n"
                    "rows:\n  - items: [甲, 乙]\n    nested:\n      - deep: 与张同学谈心\n李同学: 备注\n", encoding="utf-8")
    doc = load.load_file_status(str(path), records)[0]
    assert doc.quick and doc.texts == _walked(doc.data, set()) >= {"13812345678", "25", "true", "false", "李同学", "与张同学谈心"}
    finds = list(privacy._finds(privacy.Scanner(), doc))
    assert doc.texts is None  # (taken once)
    assert sorted(finds) == [("mobile", "138****5678", (3, 8)), ("surname", "*同学", (10, 16)), ("surname", "*同学", (11, 1))]
    clean = load.load_file_status(str(path), records)[0]
    clean.values_changed({"name": "社团"})
    assert clean.texts is None and privacy.Scanner().clean(clean)
    changed = load.load_file_status(str(path), records)[0]
    scanner = privacy.Scanner()
    assert not scanner.clean(changed)
    changed.data = {"name": "社团"}
    assert changed.texts is None and scanner.clean(changed)


def test_the_gates_tell_the_wide_forms_apart_without_re_s_private_parser(tmp_path):
    """_told_apart (which characters a gate reads otherwise narrowed) read Python's private re._parser, and a Python
    without it (or with another) made every document's scan raise, a traceback for validate; now it tells all of them
    apart there (each text with a wide form narrowed before the gates: slower, the same marks): a full-width phone and 3号楼502室 are still told, at their lines, and a clean ledger
    passes."""
    records, _names, at = _records_with_summaries(tmp_path, ["电话１３８１２３４５６７８，与3号楼502室的同学谈心。", "与日语1602班学生座谈，了解学习情况。"])
    script = ("import sys, re; del re._parser; sys.modules['re._parser'] = None; sys.argv[0] = 'generator'; "
              "from generator.cli import finish, main; finish(main())")
    out = subprocess.run([sys.executable, "-c", script, "validate", "--records", str(records), "--format", "json"],
                         capture_output=True, text=True, cwd=REPO)
    import json

    found = json.loads(out.stdout)
    findings = found["findings"] if isinstance(found, dict) else found
    told = sorted((f["file"].rsplit("/", 1)[-1], f["line"], f["data"]["kind"]) for f in findings if f["code"] == "E-PRIV-001")
    assert out.returncode == 1 and not [f for f in findings if f["code"].startswith("E-INTERNAL")], out.stdout[:2000] + out.stderr
    assert told == [(TESTS.LEDGER.rsplit("/", 1)[-1], at + 1, "dormitory"), (TESTS.LEDGER.rsplit("/", 1)[-1], at + 1, "mobile")], told
    privacy_told_apart = privacy._told_apart([privacy._gate("[0-9]{4}")])
    assert "０" in privacy_told_apart and "，" not in privacy_told_apart  # (with the parser: only what a gate reads)
