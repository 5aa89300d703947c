"""The finds of an old privacy.py and of this tree's, compared — for a change meant to make the scan faster and find
the same (bench/HISTORY.md item 50):

    git show origin/main:generator/privacy.py > /tmp/old_privacy.py
    python bench/privacy_same.py . /tmp/old_privacy.py /tmp/c12k/records /tmp/priv   # (variants.py privacy)

over the distinct lines of each records folder, every string of tests/test_privacy.py (its constants, its case
lists as evaluated, its parametrize lists), tests/fixtures/clean_texts.txt and 60,000 texts made of the tests'
pieces (deterministic), each with three scanners: the first folder's policy patterns without names, 20[0-9]{8}
with a protected name (the test's), and patterns of other shapes a university may write (a letter first, a letter
last, a choice, a look-behind, \\b: the scan must find with each what its detector finds).  Exit status 1 when any
text's finds (kind, start, end, mask) differ; PRIVACY_SAME_SHOW=n prints n of them (20)."""
import ast
import importlib.util
import os
import pathlib
import random
import sys

import yaml

ROOT = pathlib.Path(sys.argv[1])
sys.path.insert(0, str(ROOT))
from generator import privacy as new  # noqa: E402

spec = importlib.util.spec_from_file_location("old_privacy", sys.argv[2])
old = importlib.util.module_from_spec(spec)
spec.loader.exec_module(old)
texts = {}
for root in sys.argv[3:]:
    lines = set()
    for path in pathlib.Path(root).rglob("*.yaml"):
        lines.update(path.read_text(encoding="utf-8").splitlines())
    texts[root] = sorted(lines)

test_file = ROOT / "tests" / "test_privacy.py"
consts = {n.value for n in ast.walk(ast.parse(test_file.read_text(encoding="utf-8")))
          if isinstance(n, ast.Constant) and isinstance(n.value, str)}
sys.path.insert(0, str(ROOT / "tests"))
spec = importlib.util.spec_from_file_location("test_privacy", test_file)
tests = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tests)


def strings(x, out: set, depth: int = 0) -> None:
    if isinstance(x, str):
        out.add(x)
    elif isinstance(x, (list, tuple, set, frozenset)) and depth < 4:
        for y in x:
            strings(y, out, depth + 1)
    elif isinstance(x, dict) and depth < 4:
        for k, v in x.items():
            strings(k, out, depth + 1)
            strings(v, out, depth + 1)


evaluated: set = set()
for value in vars(tests).values():
    strings(value, evaluated)
    for mark in getattr(value, "pytestmark", []):  # (the parametrize lists written at the test)
        strings(mark.args, evaluated)
clean = (ROOT / "tests" / "fixtures" / "clean_texts.txt").read_text(encoding="utf-8").splitlines()
texts["tests/test_privacy.py strings and clean_texts.txt"] = sorted(consts | evaluated | set(clean))
rnd = random.Random(8)
pieces = sorted(set(tests.PIECES) | set(tests.ACCOUNT_PIECES) | {
    "张", "李", "小王", "老刘", "欧阳", "司马", "闻人", "、", "和", "两名学生", "二人", "等人", "同学", "某", "姓", "生", "反映", "谈心",
    "X", "*", "家长", "妈妈", "先生", "与", "学生", "化名", "（化名）", "床", "上铺", "3号", "502", "考生号", "准考证号", "护照号",
    "身份证后四位", "尾号", "序号", "座位号", "12", "E1234567", "S1234567", "123456A", "1920123456", "号12345", "2026123456"})
texts["made of the pieces"] = sorted({"".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10))) for _ in range(60000)})

policy = pathlib.Path(sys.argv[3]) / "policy.yaml"
patterns = new.patterns_in(yaml.safe_load(policy.read_text(encoding="utf-8"))) if policy.exists() else ["20[0-9]{8}"]
configs = [(patterns, ()), ([r"20[0-9]{8}"], ("张小明",)),
           ([r"S[0-9]{7}", r"[0-9]{6}[A-Z]?", r"(?:19|20)\d{8}|2026[0-9]{4}", r"(?<=号)[0-9]{5}", r"\b1[0-9]{7}\b"], ())]
show = int(os.environ.get("PRIVACY_SAME_SHOW", "20"))
differ = 0
for what, items in texts.items():
    finds = 0
    for pats, names in configs:
        a, b = old.Scanner(pats, names), new.Scanner(pats, names)
        for text in items:
            fa = [(m.kind, m.start, m.end, m.masked) for m in a._scan(text)]
            fb = [(m.kind, m.start, m.end, m.masked) for m in b._scan(text)]
            finds += len(fb)
            if fa != fb:
                differ += 1
                if differ <= show:
                    print("different:", repr(text), fa, fb)
    print(f"{what}: {len(items)} texts x {len(configs)} scanners, {finds} finds")
print("the same finds" if not differ else f"{differ} texts with different finds")
sys.exit(1 if differ else 0)
