"""The finds of an old privacy.py and of this tree's, compared — for a change meant to make the scan faster and find
the same (bench/HISTORY.md item 50):

    git show origin/main:generator/privacy.py > /tmp/old_privacy.py
    python bench/privacy_same.py . /tmp/old_privacy.py /tmp/c12k/records /tmp/priv   # (variants.py privacy)

over the distinct lines of each records folder, every string of tests/test_privacy.py (its constants, its case
lists as evaluated, its parametrize lists), tests/fixtures/clean_texts.txt and 60,000 texts made of the tests'
pieces (deterministic), each with three scanners: the first folder's policy patterns and teaching buildings (an old
privacy.py that reads none: its built-in ones) without names, each with that policy's words of no name before 同学 (an old
privacy.py that reads none: its built-in ones), 20[0-9]{8}
with a protected name (the test's), and patterns of other shapes a university may write (a letter first, a letter
last, a choice, a look-behind, \\b: the scan must find with each what its detector finds).  Exit status 1 when any
text's finds (kind, start, end, mask) differ; PRIVACY_SAME_SHOW=n prints n of them (20)."""
import importlib.util
import os
import pathlib
import sys

import yaml

ROOT = pathlib.Path(sys.argv[1])
sys.path.insert(0, str(ROOT))
from generator import privacy as new  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import privacy_material as material  # noqa: E402

spec = importlib.util.spec_from_file_location("old_privacy", sys.argv[2])
old = importlib.util.module_from_spec(spec)
spec.loader.exec_module(old)
texts = {}
for root in sys.argv[3:]:
    lines = set()
    for path in pathlib.Path(root).rglob("*.yaml"):
        lines.update(path.read_text(encoding="utf-8").splitlines())
    texts[root] = sorted(lines)

tests = material.privacy_tests(ROOT)
texts["tests/test_privacy.py strings and clean_texts.txt"] = sorted(material.tests_texts(ROOT, tests))
texts["made of the pieces"] = material.pieces_texts(tests, 60000)

policy = pathlib.Path(sys.argv[3]) / "policy.yaml"
data = yaml.safe_load(policy.read_text(encoding="utf-8")) if policy.exists() else None
patterns = new.patterns_in(data) if data is not None else ["20[0-9]{8}"]
configs = [(patterns, (), new.teaching_in(data)), ([r"20[0-9]{8}"], ("张小明",), new.TEACHING_BUILDINGS),
           (material.OTHER_SHAPES, (), new.TEACHING_BUILDINGS)]
# (the words of no name before 同学: the first folder's policy's — the shipped records/policy.yaml's without one — for each
# scanner of a privacy.py that reads them (not_names_in), an older one's built in)
shipped = yaml.safe_load((ROOT / "records" / "policy.yaml").read_text(encoding="utf-8"))
words = {m: m.not_names_in(data if data is not None and "privacy" in data else shipped)
         for m in (old, new) if hasattr(m, "not_names_in")}


def scanner(module, pats, names, teaching):
    """`module`'s Scanner with what it reads of the configuration."""
    return module.Scanner(pats, names, *([teaching] if hasattr(module, "teaching_in") else []),
                          *([words[module]] if module in words else []))



show = int(os.environ.get("PRIVACY_SAME_SHOW", "20"))
differ = 0
for what, items in texts.items():
    finds = 0
    for pats, names, teaching in configs:
        a, b = scanner(old, pats, names, teaching), scanner(new, pats, names, teaching)
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
