"""The texts the privacy scan is held to when it is made faster (bench/privacy_same.py, tests/test_privacy_gate.py):
every string of tests/test_privacy.py (its constants, its case lists as evaluated, its parametrize lists) with
tests/fixtures/clean_texts.txt, texts made of the tests' pieces (deterministic), and the scanners' patterns of other
shapes a university may write (a letter first, a letter last, a choice, a look-behind, \\b)."""
from __future__ import annotations

import ast
import importlib.util
import random
import sys
from pathlib import Path

OTHER_SHAPES = [r"S[0-9]{7}", r"[0-9]{6}[A-Z]?", r"(?:19|20)\d{8}|2026[0-9]{4}", r"(?<=号)[0-9]{5}", r"\b1[0-9]{7}\b"]
MORE_PIECES = {"张", "李", "小王", "老刘", "欧阳", "司马", "闻人", "、", "和", "两名学生", "二人", "等人", "同学", "某", "姓", "生",
               "反映", "谈心", "X", "*", "家长", "妈妈", "先生", "与", "学生", "化名", "（化名）", "床", "上铺", "3号", "502",
               "考生号", "准考证号", "护照号", "身份证后四位", "尾号", "序号", "座位号", "12", "E1234567", "S1234567", "123456A",
               "1920123456", "号12345", "2026123456"}


def _strings(x, out: set, depth: int = 0) -> None:
    if isinstance(x, str):
        out.add(x)
    elif isinstance(x, (list, tuple, set, frozenset)) and depth < 4:
        for y in x:
            _strings(y, out, depth + 1)
    elif isinstance(x, dict) and depth < 4:
        for k, v in x.items():
            _strings(k, out, depth + 1)
            _strings(v, out, depth + 1)


def privacy_tests(root: Path):
    """tests/test_privacy.py of the tree at `root`, imported (its folder on the path, as pytest has it)."""
    if str(root / "tests") not in sys.path:
        sys.path.insert(0, str(root / "tests"))
    spec = importlib.util.spec_from_file_location("test_privacy", root / "tests" / "test_privacy.py")
    tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tests)
    return tests


def tests_texts(root: Path, tests) -> set:
    """Every string of tests/test_privacy.py and tests/fixtures/clean_texts.txt."""
    test_file = root / "tests" / "test_privacy.py"
    texts = {n.value for n in ast.walk(ast.parse(test_file.read_text(encoding="utf-8")))
             if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    for value in vars(tests).values():
        _strings(value, texts)
        for mark in getattr(value, "pytestmark", []):  # (the parametrize lists written at the test)
            _strings(mark.args, texts)
    return texts | set((root / "tests" / "fixtures" / "clean_texts.txt").read_text(encoding="utf-8").splitlines())


def pieces_texts(tests, count: int) -> list:
    """`count` texts drawn of 1 to 10 of the tests' pieces and MORE_PIECES (the same `count` draws each time), distinct."""
    rnd = random.Random(8)
    pieces = sorted(set(tests.PIECES) | set(tests.ACCOUNT_PIECES) | MORE_PIECES)
    return sorted({"".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(count)})
