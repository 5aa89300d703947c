"""`python -m generator new ledger`: a prefilled, commented ledger that validates once its
placeholders are filled, and never overwrites an existing ledger."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import cms_records  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def records(tmp_path):
    return cms_records.write_records(tmp_path)


def new(records, cadre="zhang-wei", period="2026-H2", *extra):
    return run("new", "ledger", "--cadre", cadre, "--period", period, "--records", str(records), *extra)


FILLED = {  # what a cadre types over the placeholders
    "  - date: YYYY-MM-DD": "  - date: 2026-09-15",
    "    form: 待填写": "    form: 主题班会",
    "    place: 待填写": "    place: 进班级",
    "    channel: 待填写": "    channel: 面对面",
    "    students: 待填写": "    students: 30",
    "    summary: 待填写": "    summary: 与全班同学座谈学业规划，了解新生适应情况。",
}


def fill(text: str, table: dict) -> str:
    lines = []
    for line in text.splitlines():
        for old, new_ in table.items():
            if line.startswith(old):
                line = new_ + line[len(old):]
        lines.append(line)
    return "\n".join(lines) + "\n"


def test_scaffold_is_prefilled_from_the_records_and_commented(records):
    done = new(records)
    assert done.returncode == 0, done.stdout + done.stderr
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    text = path.read_text(encoding="utf-8")
    assert "cadre: zhang-wei" in text and "period: 2026-H2" in text
    assert "  - cs-2026-01  # 计算机2601班" in text  # contact point from the assignment table
    assert "2026-07-01 至 2026-12-31" in text  # the period's dates
    assert "主题班会、个体谈话、座谈交流、社团活动" in text  # vocabularies listed in comments
    assert "待处理、处理中、已上报、已解决" in text
    assert "待填写" in done.stderr and "validate" in done.stderr


def test_placeholders_fail_validation_until_filled(records):
    assert new(records).returncode == 0
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    raw = run("validate", "--records", str(records))
    assert raw.returncode == 1  # an unfilled scaffold cannot be filed by mistake
    assert "zhang-wei.yaml:" in raw.stdout and "待填写" in raw.stdout

    path.write_text(fill(path.read_text(encoding="utf-8"), FILLED), encoding="utf-8")
    done = run("validate", "--records", str(records))
    assert done.returncode == 0, done.stdout


def test_a_summary_left_as_the_placeholder_is_told_to_be_filled_in_not_quoted(records):
    """A cadre who filled in every field of the scaffold but the summary read: 读到的只有“待填写”，后面的
    “# 活动情况：…”是注释 — and was told to quote the scaffold's own comment into the value, which passes
    validate with the placeholder and the comment as the summary.  It now says the value is the placeholder
    (E-SCHEMA-006 said so, for a summary too short; E-SCHEMA-011 says it of any value left as 待填写)."""
    assert new(records).returncode == 0
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    path.write_text(fill(path.read_text(encoding="utf-8"),
                         {k: v for k, v in FILLED.items() if "summary" not in k}), encoding="utf-8")
    for lang, said in (("zh", "“活动情况”还是占位的“待填写”"), ("en", "is still the placeholder 待填写")):
        done = run("validate", "--records", str(records), "--lang", lang)
        assert done.returncode == 1 and "E-SCHEMA-011" in done.stdout and "E-SCHEMA-006" not in done.stdout, done.stdout
        assert ("注释可以留着" if lang == "zh" else "comment after it may stay") in done.stdout, done.stdout
        assert said in done.stdout and "英文引号" not in done.stdout and "quote" not in done.stdout, done.stdout


def test_commented_feedback_template_validates_when_uncommented_and_filled(records):
    assert new(records).returncode == 0
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    text = fill(path.read_text(encoding="utf-8"), FILLED)
    # the cadre removes "# " before the feedback lines, as the comment says, and fills them in
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("# feedback:"):
            inside = True
        elif inside and not line.startswith("#  "):
            inside = False
        out.append(line[2:] if inside else line)
    text = fill("\n".join(out), {
        "    raised_on: YYYY-MM-DD": "    raised_on: 2026-09-15",
        "    kind: 待填写": "    kind: 问题",
        "    category: 待填写": "    category: 学业发展",
        "    description: 待填写": "    description: 几名学生反映自习室座位不足。",
        "    status: 待填写": "    status: 处理中",
    })
    assert "\nfeedback:\n  - id: 2026h2-zhang-wei-1" in text
    path.write_text(text, encoding="utf-8")
    done = run("validate", "--records", str(records))
    assert done.returncode == 0, done.stdout


def test_refuses_to_overwrite_an_existing_ledger(records):
    assert new(records).returncode == 0
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    path.write_text("cadre: zhang-wei\n# my work\n", encoding="utf-8")
    done = new(records)
    assert done.returncode == 1
    assert "不会覆盖" in done.stdout and "zhang-wei.yaml:1:1" in done.stdout
    assert "怎么改" in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert path.read_text(encoding="utf-8") == "cadre: zhang-wei\n# my work\n"
    en = new(records, "zhang-wei", "2026-H2", "--lang", "en")
    assert "will not be overwritten" in en.stdout


def test_unknown_cadre_or_period_is_explained_in_chinese(records):
    done = new(records, "zhang-we", "2026-H2")
    assert done.returncode == 1
    assert "干部编号“zhang-we”不存在" in done.stdout and "zhang-wei" in done.stdout  # did you mean
    done = new(records, "zhang-wei", "2026-H3")
    assert done.returncode == 1
    assert "2026-H3" in done.stdout and "不是政策规定的填报期间" in done.stdout
    assert not (records / "ledgers").exists()


@pytest.mark.parametrize("cadre,period,hint", [
    # the cadre's name for the id: and the command with the id (its records folder as given: --records …)
    ("张伟", "2026-H2", "“张伟”的干部编号是“zhang-wei”。这样运行：python -m generator new ledger --cadre zhang-wei --period 2026-H2 --records "),
    ("zhang-wei", "2026h2", "是不是“2026-H2”？"),
    ("zhang-wei", "2026年下半年", "是不是“2026-H2”？"),  # the period's name, as the policy gives it
    ("zhang-wei", "2026 H2", "是不是“2026-H2”？"),
])
def test_a_cadre_given_by_name_or_a_period_written_otherwise_is_told_what_to_write(records, cadre, period, hint):
    done = new(records, cadre, period)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    hints = [line for line in done.stdout.splitlines() if line.startswith("    怎么改: ")]
    assert len(hints) == 1 and hint in hints[0] and hints[0].endswith(hint if "--records" not in hint else "records"), done.stdout
    assert not (records / "ledgers" / "2026-H2").exists()


def test_cadre_without_assignment_gets_a_warning_and_a_placeholder(records):
    done = new(records, "zhang-wei", "2026-H1")  # his class starts 2026-09-01
    assert done.returncode == 0
    assert "没有联系点安排" in done.stdout
    text = (records / "ledgers" / "2026-H1" / "zhang-wei.yaml").read_text(encoding="utf-8")
    assert "contact_points:\n  - 待填写" in text


def test_a_leavers_and_a_successors_scaffold_give_the_days_they_held_their_point(records):
    """The activities' dates are asked for within the days the cadre held a point in the period:
    a cadre who left on 31 October was told up to 31 December (W-CHK-012 then named the dates)."""
    cadre = records / "cadres" / "zhang-wei.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8") + "active_to: 2026-10-31\n", encoding="utf-8")
    done = new(records, "zhang-wei", "2026-H2")
    assert done.returncode == 0, done.stdout + done.stderr
    text = (records / "ledgers" / "2026-H2" / "zhang-wei.yaml").read_text(encoding="utf-8")
    assert "在 2026-09-01 至 2026-10-31 之间" in text  # (his class from 1 September; he left on 31 October)
    assert "（班级，2026-09-01 起，至 2026-10-31）" in text
    li_na = new(records, "li-na", "2026-H2")  # (held her club the whole half-year)
    assert li_na.returncode == 0
    assert "在 2026-07-01 至 2026-12-31 之间" in (records / "ledgers" / "2026-H2" / "li-na.yaml").read_text(encoding="utf-8")


def test_a_run_killed_while_it_writes_the_ledger_leaves_none_and_a_second_run_writes_it(records):
    """A `new ledger` killed by a signal as it writes the ledger (here SIGXFSZ, sent by the kernel when the
    file grows past a limit, left to its default action: the process ends at once, as on Ctrl-C or SIGTERM)
    left an empty records/ledgers/2026-H2/zhang-wei.yaml, which the next `new ledger` refused (E-NEW-003:
    台账已存在，不会覆盖) and validate read as an empty ledger.  The ledger now appears whole or not at all."""
    import os
    import resource
    import signal

    def killed_as_it_writes():  # (in the child, after Python's start-up has ignored SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (500, 500))

    env = dict(os.environ, CONTACT_LEDGER_CACHE="0", PYTHONDONTWRITEBYTECODE="1")
    code = ("import signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_DFL); from generator.cli import main; "
            "sys.exit(main(sys.argv[1:]))")
    killed = subprocess.run([sys.executable, "-c", code, "new", "ledger", "--cadre", "zhang-wei", "--period",
                             "2026-H2", "--records", str(records)], cwd=ROOT, capture_output=True, text=True,
                            env=env, preexec_fn=killed_as_it_writes)
    assert killed.returncode == -signal.SIGXFSZ, killed.stdout + killed.stderr
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    assert not path.exists(), repr(path.read_bytes())
    again = new(records)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "cadre: zhang-wei" in path.read_text(encoding="utf-8")


def test_a_new_universitys_scaffold_speaks_its_own_words(tmp_path):
    """北方农林大学's cadre ran `new ledger` (README: most cadres never type YAML): her file's comments read
    对任课教师、辅导员、班导师的意见建议 above a list of 辅导员、班主任, and 状态为“已上报”时必填, 状态为“已解决”时必填 under
    a list of statuses that has neither (已报告, 已办结) — the schema's words.  They are her university's, as its web
    form and field reference say them."""
    from gitrepo import write
    from test_own_records_form import OWN

    write(tmp_path, OWN)
    records = tmp_path / "records"
    done = subprocess.run([sys.executable, "-m", "generator", "new", "ledger", "--records", str(records), "--cadre",
                           "tan-jun", "--period", "2026-H2", "--today", "2026-12-04"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    text = (records / "ledgers" / "2026-H2" / "tan-jun.yaml").read_text(encoding="utf-8")
    assert "# 对辅导员、班主任的意见建议（可选）" in text
    assert "状态为“已报告”时必填" in text and "状态为“已办结”时必填" in text
    assert not [w for w in ("任课教师", "班导师", "已上报", "已解决") if w in text], text


def test_the_commands_a_new_ledger_names_find_the_errors_the_pull_request_s_check_finds(tmp_path):
    """The scaffold said 写完运行 python -m generator validate 检查，再提交 (and `new ledger`'s 下一步 the same): a
    cadre who listed a class not hers this period and a problem 已上报 with no one it was reported to heard 0 个错误
    from validate, submitted, and the pull request's `check` failed on both (E-CHK-005, E-CHK-010), which only `check`
    looks for.  Now the scaffold and the message name `check` too: the commands they name, run on her ledger in
    a real Git repository, find both errors at their lines; mended, every one of them exits 0."""
    import json
    import re

    records = cms_records.make_repo(tmp_path) / "records"
    done = new(records, "zhang-wei", "2026-H2", "--today", "2026-12-04")
    assert done.returncode == 0, done.stdout + done.stderr
    path = records / "ledgers" / "2026-H2" / "zhang-wei.yaml"
    text = fill(path.read_text(encoding="utf-8"), FILLED)
    head = text.split("\ncadre:", 1)[0]
    named = sorted(set(re.findall(r"python -m generator (\w+)", head)))
    assert named == sorted(set(re.findall(r"python -m generator (\w+)", done.stderr))), (head, done.stderr)
    feedback = ("feedback:\n  - id: 2026h2-zhang-wei-1\n    raised_on: 2026-10-20\n    kind: 问题\n"
                "    category: 生活后勤\n    description: 几名学生反映宿舍热水供应时间太短。\n    status: 已上报\n")
    path.write_text(text.replace("  - cs-2026-01", "  - cs-2026-02") + feedback, encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    point = next(i for i, line in enumerate(lines, 1) if line.startswith("  - cs-2026-02"))
    status = lines.index("    status: 已上报") + 1

    def errors() -> list[tuple]:
        found = []
        for command in named:
            out = run(command, "--records", str(records), "--today", "2026-12-04", "--format", "json")
            data = json.loads(out.stdout)
            found += [(f["code"], f["line"]) for f in (data["findings"] if isinstance(data, dict) else data)
                      if f["severity"] == "error"]
            assert (out.returncode == 1) == any(f["severity"] == "error" for f in (
                data["findings"] if isinstance(data, dict) else data)), (command, out.stdout, out.stderr)
        return sorted(found)

    assert errors() == [("E-CHK-005", point), ("E-CHK-010", status)]
    path.write_text(path.read_text(encoding="utf-8").replace("  - cs-2026-02", "  - cs-2026-01")
                    .replace("    status: 已上报\n", "    status: 已上报\n    escalated_to: 后勤处\n"), encoding="utf-8")
    assert errors() == []
