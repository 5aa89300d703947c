"""Time the privacy scan over the distinct lines of a records folder (one fresh Scanner, the
records' student-number patterns, no protected names), wall and CPU time (the CPU time is steadier on
a busy machine): python bench/privacy_scan.py RECORDS [REPS] [OLD_PRIVACY_PY].  With a third argument
(e.g. the file from `git show HEAD~1:generator/privacy.py > /tmp/old.py`) the old scanner and this
one take turns, and the finds of both are compared."""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import yaml  # noqa: E402

from generator import privacy  # noqa: E402

root = Path(sys.argv[1])
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
policy = yaml.safe_load((root / "policy.yaml").read_text(encoding="utf-8"))
patterns = privacy.patterns_in(policy)
lines = set()
for path in root.rglob("*.yaml"):
    lines.update(path.read_text(encoding="utf-8").splitlines())
lines = sorted(lines)
modules = [("this", privacy)]
if len(sys.argv) > 3:
    import importlib.util

    spec = importlib.util.spec_from_file_location("old_privacy", sys.argv[3])
    old = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(old)
    modules.insert(0, ("old", old))
finds = {}
for _ in range(reps):
    for name, module in modules:
        scanner = module.Scanner(patterns)
        start, cpu = time.perf_counter(), time.process_time()
        finds[name] = [tuple(scanner._scan(line)) for line in lines]
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"{name}: {len(lines)} distinct lines, {sum(map(len, finds[name]))} finds, {wall:.2f} s ({cpu:.2f} s CPU)")
if len(finds) > 1:
    print("the same finds" if finds["old"] == finds["this"] else "the finds differ")
