"""`python -m generator validate` as a cadre and CI run it: exit codes, the three output
formats, both languages, and never a traceback — on real files, in a subprocess."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

import bad_records as B

# path:line:col: 错误 CODE: message   (line and column are left out for a whole file)
TEXT_LINE = re.compile(r"^(?P<loc>[^\s:][^:]*(?::\d+:\d+)?): (?P<label>错误|警告|error|warning) "
                       r"(?P<code>[EW]-[A-Z]+-\d{3}): (?P<message>.+)$")
HINT_LINE = re.compile(r"^    (怎么改|fix): .+$")
SUMMARY_ZH = re.compile(r"^共 (\d+) 个文件：(\d+) 个错误，(\d+) 个警告$")
SUMMARY_EN = re.compile(r"^(\d+) files?: (\d+) errors?, (\d+) warnings?$")
GITHUB = re.compile(r"^::(error|warning) file=(?P<file>[^,:]+)(,line=(?P<line>\d+),col=(?P<col>\d+))?"
                    r"(,title=[^:]+)?::(?P<message>[^\r\n]+)$")


@pytest.fixture
def work(tmp_path):
    work = tmp_path / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    return work


def break_two_things(work):
    """An unknown field in one file and an unknown unit in another."""
    li_na = work / "records/cadres/li-na.yaml"
    li_na.write_text(li_na.read_text(encoding="utf-8").replace("unit: xgb", "unit: xgp")
                     + "office: 行政楼\n", encoding="utf-8")


def cli(work, *args):
    run = B.run_cli(B.REPO, work, *args)
    assert "Traceback" not in run.stderr + run.stdout
    return run


# ---- exit codes -----------------------------------------------------------------

def test_valid_records_exit_0_with_a_clean_summary(work):
    run = cli(work, "validate")
    assert run.returncode == 0, run.stdout
    assert run.stdout.splitlines() == ["共 12 个文件：0 个错误，0 个警告"]


def test_error_findings_exit_1(work):
    break_two_things(work)
    assert cli(work, "validate").returncode == 1


def test_a_report_to_a_pipe_its_reader_made_non_blocking_is_written_whole(tmp_path):
    """A parent that hands the command a pipe whose write end is non-blocking (a CI runner's, a Node tool's: the
    file description it shares with its child) got, once the pipe was full (64 KiB), the first part of the report
    and 内部错误…BlockingIOError, exit 2. The command now makes its standard streams blocking first."""
    import fcntl
    import time

    env = {**os.environ, "CONTACT_LEDGER_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "generator", "check", "--today", "2026-12-05", "--format", "json"]
    whole = subprocess.run(command, cwd=B.REPO, capture_output=True, env=env)
    assert whole.returncode in (0, 1) and len(whole.stdout) > 4 * 65536, whole.stderr  # (more than a pipe holds)
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETFL, fcntl.fcntl(write, fcntl.F_GETFL) | os.O_NONBLOCK)
    with subprocess.Popen(command, cwd=B.REPO, stdout=write, stderr=subprocess.PIPE, env=env) as run:
        os.close(write)
        got = bytearray()
        while chunk := os.read(read, 65536):  # (a slow reader: the pipe fills)
            got += chunk
            time.sleep(0.002)
        os.close(read)
        stderr = run.stderr.read().decode()
    assert (run.returncode, stderr) == (whole.returncode, whole.stderr.decode()), stderr
    assert bytes(got) == whole.stdout


def test_records_folder_elsewhere_is_found_with_records_option(work, tmp_path):
    shutil.move(work / "records", tmp_path / "台账记录")
    run = cli(work, "validate", "--records", str(tmp_path / "台账记录"))
    assert run.returncode == 0, run.stdout + run.stderr


def test_ledger_records_names_the_folder_validate_and_check_read_without_records_option(work, tmp_path):
    """LEDGER_RECORDS points the site's build at a records folder (site.md): `LEDGER_RECORDS=/srv/x make site`
    validates that folder too, not the working folder's records/ (which are fine here)."""
    shutil.copytree(work / "records", tmp_path / "srv-records")
    li_na = tmp_path / "srv-records/cadres/li-na.yaml"
    li_na.write_text(li_na.read_text(encoding="utf-8").replace("unit: xgb", "unit: xgp"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CONTACT_LEDGER_DEBUG"}
    env.update(PYTHONPATH=str(B.REPO), LEDGER_RECORDS=str(tmp_path / "srv-records"))
    for command in ("validate", "check"):
        run = subprocess.run([sys.executable, "-m", "generator", command, "--today", "2026-03-25"], cwd=work, env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 1, (command, run.stdout, run.stderr)
        assert f"{tmp_path}/srv-records/cadres/li-na.yaml:" in run.stdout and "xgp" in run.stdout, command
    # --records still wins; a LEDGER_RECORDS naming no folder is said to be it
    run = subprocess.run([sys.executable, "-m", "generator", "validate", "--records", "records"], cwd=work, env=env,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout
    env["LEDGER_RECORDS"] = str(tmp_path / "no-such")
    run = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=work, env=env, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip() == f"找不到记录目录：{tmp_path}/no-such（环境变量 LEDGER_RECORDS 指定的；改正它，或用 --records 指定）"


def test_missing_records_folder_exits_2_with_a_message(work):
    run = cli(work, "validate", "--records", "no-such-folder")
    assert run.returncode == 2
    assert run.stdout == ""
    assert "找不到记录目录：no-such-folder" in run.stderr
    run = cli(work, "validate", "--records", "no-such-folder", "--lang", "en")
    assert "records folder not found: no-such-folder" in run.stderr


def test_records_option_naming_a_file_exits_2(work):
    run = cli(work, "validate", "--records", "records/policy.yaml")
    assert run.returncode == 2 and "找不到记录目录" in run.stderr


@pytest.mark.parametrize("args", [
    ["validate", "--format", "xml"],
    ["validate", "--lang", "fr"],
    ["validate", "--no-such-option"],
    ["no-such-command"],
    [],
    ["check", "--today", "0001-01-01"],  # (a year's sums beyond the calendar: years 1900–2999 only)
    ["remind", "--due-window", "--today", "9999-12-31"],
])
def test_bad_arguments_exit_2_with_usage(work, args):
    run = cli(work, *args)
    assert run.returncode == 2
    assert "用法：" in run.stderr and "参数错误：" in run.stderr
    assert run.stdout == ""


@pytest.mark.parametrize("args,usage", [
    (["validate", "--no-such-option"], "python -m generator validate [-h]"),
    (["remind", "--period", "2026-H1", "--json"], "python -m generator remind [-h]"),
    (["new", "ledger", "--cadre", "a", "--period", "2026-H2", "extra"], "python -m generator new ledger [-h]"),
])
def test_an_unknown_argument_is_said_with_its_commands_usage(work, args, usage):
    # (not the main usage, which lists only the commands a run loads)
    run = cli(work, *args)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.startswith("用法：" + usage) and "不认识的参数：" + args[-1] in run.stderr


@pytest.mark.parametrize("args", [
    ["cms-config", "--today", "2026-10-01", "--out", "records"],  # a folder
    ["remind", "--coverage", "--today", "2026-10-01", "--body-file", "records"],
    ["codeowners", "--root", "records/policy.yaml"],  # a file where a folder is meant
    ["cms-admin", "--today", "2026-10-01", "--out", "records/policy.yaml/admin"],  # (its folder made first)
])
def test_a_file_that_cannot_be_written_is_named_exit_2(work, args):
    run = cli(work, *args)
    assert run.returncode == 2 and "内部错误" not in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith("写入 records") and "时出错（系统提示：" in run.stderr, run.stderr
    assert "没有写入任何文件，原有的文件没有改动" in run.stderr and "再运行一次：python -m generator " in run.stderr


def test_english_messages_hold_no_chinese_but_the_records_own_words(work):
    # the schema's Chinese field titles and the Chinese list separator once reached English messages
    # ("'联系学生人数' must be an integer", "Allowed: 主题班会、个体谈话")
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(text.replace("students: 25", "students: 很多").replace("form: 社团活动", "form: 吃饭")
                      .replace("place: 进社团", "place: 进社团\n    typical: 是").replace(
                          'date: "2026-04-20"', 'date: "2026/04/20"'), encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json", "--lang", "en").stdout)
    codes = sorted(f["code"] for f in report)
    assert codes == ["E-REF-005", "E-SCHEMA-003", "E-SCHEMA-003", "E-SCHEMA-005"], report
    words = {"很多", "吃饭", "是", *yaml.safe_load((work / "records/policy.yaml").read_text(encoding="utf-8"))
             ["vocabularies"]["forms"]}
    for f in report:
        said = f["message"] + " " + f["hint"]
        for word in words:
            said = said.replace(word, "")
        assert not re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", said), f


# ---- text -------------------------------------------------------------------------

def test_text_format_is_location_label_code_message_then_hint_then_summary(work):
    break_two_things(work)
    lines = cli(work, "validate").stdout.splitlines()
    assert SUMMARY_ZH.match(lines[-1]).groups() == ("12", "2", "0")
    findings = [TEXT_LINE.match(line) for line in lines[:-1] if not line.startswith("    ")]
    assert [(m["loc"], m["label"], m["code"]) for m in findings] == [
        ("records/cadres/li-na.yaml:3:7", "错误", "E-REF-001"),
        ("records/cadres/li-na.yaml:6:1", "错误", "E-SCHEMA-002"),
    ]
    assert findings[0]["message"] == "单位“xgp”不存在"
    hints = [line for line in lines[:-1] if line.startswith("    ")]
    assert len(hints) == 2 and all(HINT_LINE.match(h) for h in hints)
    assert "是不是“xgb”？" in hints[0]



@pytest.mark.parametrize("written,hint", [
    # capitals (case once counted: another id was suggested), and the line to type
    ("CLUB-ROBOTICS", "是不是“club-robotics”？这一行写成：contact_points: [club-robotics]"),
    ("ｃｌｕｂ-robotics", "是不是“club-robotics”？这一行写成：contact_points: [club-robotics]"),  # an input method's letters
    ("机器人协会", "“机器人协会”的编号是“club-robotics”，这一行写成：contact_points: [club-robotics]"),  # the club's name
    ("计算机2601班", "“计算机2601班”的编号是“cs-2026-01”，这一行写成：contact_points: [cs-2026-01]"),  # a class's name
])
def test_a_contact_point_written_in_capitals_or_by_its_name_is_told_its_id(work, written, hint):
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("[club-robotics]", f"[{written}]"),
                      encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    found = [f for f in report if f["code"] == "E-REF-001"]
    assert [(f["line"], f["column"]) for f in found] == [(3, 18)], report
    assert found[0]["hint"].endswith(hint), found[0]["hint"]


def test_a_ledger_in_a_misnamed_folder_is_told_the_folder_it_belongs_in(work):
    # (it was told to change its own, right, period to the folder's name, which is no period)
    ledgers = work / "records/ledgers"
    (ledgers / "2026H1").mkdir()
    (ledgers / "2026-H1/li-na.yaml").rename(ledgers / "2026H1/li-na.yaml")
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [(f["code"], f["file"], f["line"], f["column"]) for f in report] == [
        ("E-REF-007", "records/ledgers/2026H1/li-na.yaml", 2, 9)], report
    assert report[0]["message"] == "台账所在的文件夹“2026H1”不是政策规定的填报期间"
    assert report[0]["hint"].endswith("按文件中的期间，应放在 records/ledgers/2026-H1/ 文件夹中。")


def test_a_second_ledger_file_for_the_same_half_year_is_told_to_be_merged_not_its_content_changed(work):
    # (li-na-2.yaml holding cadre: li-na was told "cadre li-na-2 does not exist, did you mean li-na?"
    # and that its right 'cadre: li-na' should read 'li-na-2', a cadre that does not exist)
    folder = work / "records/ledgers/2026-H1"
    (folder / "li-na-2.yaml").write_text((folder / "li-na.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for _ in range(2):  # (and from the kept results of the references)
        report = json.loads(cli(work, "validate", "--format", "json").stdout)
        assert [(f["code"], f["file"], f["line"], f["column"]) for f in report] == [
            ("E-REF-001", "records/ledgers/2026-H1/li-na-2.yaml", 1, 8)], report
        assert report[0]["hint"] == ("文件名就是干部编号，按文件中的干部编号，文件应叫 li-na.yaml；但本期已有 "
                                     "records/ledgers/2026-H1/li-na.yaml：请把这个文件的内容合并进那份台账，再删除这个文件"
                                     "（每人每期只有一份台账）。")  # (not 请检查拼写 first: the name is what is wrong)
    (folder / "li-na.yaml").unlink()  # alone, it only has the wrong name
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [f["hint"].rsplit("。", 2)[-2] for f in report] == ["文件名就是干部编号，按文件中的干部编号，文件应叫 li-na.yaml：请给文件改名"]


def test_a_ledger_saved_under_a_name_that_is_no_id_is_told_the_name_its_content_gives(work):
    # (Windows' copy "li-na (1).yaml", the cadre's name, capitals: the hint said "e.g. zhang-wei.yaml")
    folder = work / "records/ledgers/2026-H1"
    text = (folder / "li-na.yaml").read_text(encoding="utf-8")
    (folder / "li-na (1).yaml").write_text(text, encoding="utf-8")  # beside the ledger itself
    (folder / "li-na.yaml").rename(folder / "Li-Na.yaml")
    hints = {f["file"]: f["hint"] for f in json.loads(cli(work, "validate", "--format", "json").stdout)}
    assert hints == {  # (the second: the copy, once the first is renamed; each run is told the same)
        "records/ledgers/2026-H1/Li-Na.yaml": "请把文件改名为 li-na.yaml（文件中的干部编号）。",
        "records/ledgers/2026-H1/li-na (1).yaml": "请把文件改名为 li-na.yaml（文件中的干部编号）。"}
    (folder / "Li-Na.yaml").rename(folder / "li-na.yaml")
    report = json.loads(cli(work, "validate", "--format", "json", "--lang", "en").stdout)
    assert [(f["file"], f["hint"]) for f in report] == [(
        "records/ledgers/2026-H1/li-na (1).yaml",
        "records/ledgers/2026-H1/li-na.yaml exists already: merge this file into it and delete this one.")]
    (folder / "li-na (1).yaml").unlink()
    (folder / "李娜.yaml").write_text("name: 李娜\n", encoding="utf-8")  # no cadre's id in it
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [f["hint"] for f in report if f["code"] == "E-REF-011"] == [
        "请把文件改名，如 zhang-wei.yaml（姓名拼音，重名时加数字：zhang-wei-2.yaml）。"]


@pytest.mark.parametrize("old,new,hint,line", [
    ("form: 社团活动", "form: 社团", "是不是“社团活动”？可选值：", "这一行写成：    form: 社团活动"),
    ("channel: 面对面", 'channel: "面对面 "', "是不是“面对面”？可选值：", "这一行写成：    channel: 面对面"),  # a space typed after the word
    ("form: 社团活动", "form: 吃饭", "可选值：", "请管理员修改 records/policy.yaml。"),  # nothing close: the list alone
])
def test_a_word_not_in_the_policy_vocabulary_is_offered_the_closest_one(work, old, new, hint, line):
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [f["code"] for f in report] == ["E-REF-005"] and report[0]["hint"].startswith(hint), report
    assert report[0]["hint"].endswith(line), report  # (the line last: nothing after it to be typed with it)


def test_english_hint_of_an_unknown_contact_point_names_its_files_in_english(work):
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("[club-robotics]", "[club-robotic]"),
                      encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json", "--lang", "en").stdout)
    assert [f["hint"] for f in report] == [  # (was "records/classes/、records/clubs.yaml")
        "Check the spelling; existing ids are in records/classes/ and records/clubs.yaml. "
        "Did you mean 'club-robotics'? The line: contact_points: [club-robotics]"]


def test_every_missing_file_of_a_long_import_manifest_is_named_with_the_nearest_existing_one(work):
    """A legacy export listing thousands of files that never arrived: each is reported at its
    line, with the existing ledger closest to it (the same cadre in another half-year, or a
    typo's intended name) — every one of them, as a few (the bench: 4,003 of 12,007 in ≈4 s)."""
    entries = [("ledgers/2026-H1/zhang-wie.yaml", "ledgers/2026-H1/zhang-wei.yaml"),
               ("ledgers/2025-H2/li-na.yaml", "ledgers/2026-H1/li-na.yaml"),
               ("ledgers/2026-H1/zhang-wei.yml", "ledgers/2026-H1/zhang-wei.yaml")]
    entries += [(f"ledgers/{2000 + i // 2}-H{1 + i % 2}/zhang-wei.yaml", None) for i in range(2000)]
    manifest = work / "records/imports/legacy.yaml"
    manifest.parent.mkdir()
    manifest.write_text("source: 原平台导出\nledgers:\n" + "".join(
        f"  - path: {path}\n    submitted: 2026-07-01\n" for path, _ in entries), encoding="utf-8")
    run = cli(work, "validate", "--format", "json")
    found = {(f["line"], f["message"]): f["hint"] for f in json.loads(run.stdout) if f["code"] == "E-REF-001"}
    present = {"ledgers/2025-H2/zhang-wei.yaml", "ledgers/2026-H1/zhang-wei.yaml"}  # (2025-H2 is also listed)
    missing = [(3 + 2 * i, path, near) for i, (path, near) in enumerate(entries) if path not in present]
    assert sorted(found) == sorted((line, f"台账文件“{path}”不存在") for line, path, _ in missing)
    for line, path, near in missing[:3]:
        assert found[(line, f"台账文件“{path}”不存在")].endswith(f"是不是“{near}”？")
    assert all("是不是“ledgers/20" in hint for hint in found.values())

def test_text_keeps_one_finding_per_line_when_a_value_holds_line_breaks(work):
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("form: 社团活动", 'form: "茶话\\r\\n会"'),
                      encoding="utf-8")
    lines = cli(work, "validate").stdout.splitlines()  # (E-REF-005, and E-YAML-014: the escapes are control characters)
    assert len(lines) == 5 and all(TEXT_LINE.match(lines[i]) for i in (0, 2)) and "茶话\\r\\n会" in lines[0]
    assert "E-YAML-014" in lines[2] and lines[1].startswith("    ") and lines[3].startswith("    ")


def test_english(work):
    break_two_things(work)
    run = cli(work, "validate", "--lang", "en")
    lines = run.stdout.splitlines()
    assert SUMMARY_EN.match(lines[-1]).groups() == ("12", "2", "0")
    assert lines[0] == "records/cadres/li-na.yaml:3:7: error E-REF-001: unit 'xgp' does not exist"
    assert lines[1].startswith("    fix: Check the spelling") and "Did you mean 'xgb'?" in lines[1]
    assert lines[2].startswith("records/cadres/li-na.yaml:6:1: error E-SCHEMA-002: unknown field 'office'")
    assert not re.search(r"[\u4e00-\u9fff]", lines[0])


# ---- json -------------------------------------------------------------------------

def test_json_is_a_list_of_findings(work):
    break_two_things(work)
    run = cli(work, "validate", "--format", "json")
    assert run.returncode == 1
    found = json.loads(run.stdout)
    assert isinstance(found, list) and len(found) == 2
    for f in found:
        assert {"code", "severity", "file", "line", "column", "message", "hint"} <= set(f)
        assert set(f) - {"code", "severity", "file", "line", "column", "message", "hint"} <= {"data"}
    assert {k: found[0][k] for k in ("code", "severity", "file", "line", "column")} == {
        "code": "E-REF-001", "severity": "error", "file": "records/cadres/li-na.yaml", "line": 3, "column": 7}
    assert found[0]["message"] == "单位“xgp”不存在"
    en = json.loads(cli(work, "validate", "--format", "json", "--lang", "en").stdout)
    assert en[0]["message"] == "unit 'xgp' does not exist"


def test_json_of_valid_records_is_an_empty_list(work):
    run = cli(work, "validate", "--format", "json")
    assert run.returncode == 0 and json.loads(run.stdout) == []


def test_json_whole_file_finding_has_null_line_and_column(work):
    (work / "records/cadres/li-na.yaml").write_text("# 待填写\n", encoding="utf-8")
    found = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("E-LOAD-002", None, None)]


def test_the_guide_says_what_the_outputs_show_for_a_whole_file_finding(work):
    # (validate.md said a whole-file problem was reported at line 1 column 1: the outputs give it no line or column)
    guide = (B.REPO / "site/guide/validate.md").read_text(encoding="utf-8")
    [said] = [line for line in guide.splitlines() if line.startswith("- 整个文件的问题")]
    (work / "records/cadres/li-na.yaml").write_text("", encoding="utf-8")
    (work / "records/cadres/zhang-wei.yaml").write_bytes("name: 张伟\n".encode("gbk"))
    text = cli(work, "validate").stdout.splitlines()
    shown = re.findall(r"`(records/[^`]*)`", said)  # (the guide's lines of the text output, as it shows them)
    assert len(shown) == 2 and all(any(line.startswith(s) for line in text) for s in shown), (shown, text)
    [found] = [f for f in json.loads(cli(work, "validate", "--format", "json").stdout) if f["code"] == "E-LOAD-002"]
    assert (found["line"], found["column"]) == (None, None) and "`line`、`column` 为 `null`" in said
    [command] = [line for line in cli(work, "validate", "--format", "github").stdout.splitlines() if "E-LOAD-002" in line]
    assert "line=" not in command and "col=" not in command and "不带 `line=`、`col=`" in said, command


# ---- github -----------------------------------------------------------------------

def test_github_workflow_commands(work):
    break_two_things(work)
    run = cli(work, "validate", "--format", "github")
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    commands = [GITHUB.match(line) for line in lines if line.startswith("::")]
    assert all(commands) and len(commands) == 2, lines
    assert (commands[0]["file"], commands[0]["line"], commands[0]["col"]) == ("records/cadres/li-na.yaml", "3", "7")
    assert lines[0].startswith("::error file=records/cadres/li-na.yaml,line=3,col=7")
    assert commands[0]["message"].startswith("单位“xgp”不存在")
    assert SUMMARY_ZH.match(lines[-1])


def test_github_escapes_percent_cr_and_lf(work):
    ledger = work / "records/ledgers/2026-H1/li-na.yaml"
    ledger.write_text(ledger.read_text(encoding="utf-8").replace("form: 社团活动", 'form: "茶话%\\r\\n会"'),
                      encoding="utf-8")
    out = cli(work, "validate", "--format", "github").stdout
    command = out.splitlines()[0]
    assert GITHUB.match(command), command
    assert "茶话%25%0D%0A会" in command
    assert "\r" not in out


def test_github_escapes_comma_and_colon_in_the_file_property(work):
    cadre = work / "records/cadres/wang,wu.yaml"
    shutil.copyfile(work / "records/cadres/li-na.yaml", cadre)
    lines = cli(work, "validate", "--format", "github").stdout.splitlines()
    # (the copy is also 李娜 a second time, W-REF-001 on both files: the error is looked for among the lines)
    command = next((line for line in lines if "title=E-REF-011::" in line), lines)
    assert command.startswith("::error file=records/cadres/wang%2Cwu.yaml,title=E-REF-011::"), command


# ---- never a traceback ------------------------------------------------------------

@pytest.mark.parametrize("name", B.bad_names())
def test_no_traceback_for_any_bad_fixture(name):
    run = B.result(name)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    findings = json.loads(run.stdout)
    assert findings
    # (exit 1 with an error, 0 with warnings only: a warning's fixture, W-REF-001, exits 0)
    assert run.returncode == (1 if any(f["severity"] == "error" for f in findings) else 0)


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_no_traceback_in_other_formats(tmp_path, fmt):
    for name in ("E-LOAD-001", "E-YAML-001", "E-YAML-008", "E-SCHEMA-005", "E-REF-009"):
        program, work = B.build(name, tmp_path / name)
        run = B.run_cli(program, work, "validate", "--format", fmt, "--lang", "en")
        assert run.returncode == 1 and "Traceback" not in run.stderr, (name, run.stderr)


# ---- codes ------------------------------------------------------------------------

def test_codes_prints_a_markdown_table_of_every_code(work):
    import markdown

    from generator.messages import MESSAGES

    run = cli(work, "codes")
    assert run.returncode == 0
    lines = run.stdout.strip().splitlines()
    rows = [line for line in lines if line.startswith("|")]
    assert len(rows) == len(MESSAGES) + 2
    # every row has the header's number of cells (pipes inside messages are escaped)
    cells = [len(re.split(r"(?<!\\)\|", row)) for row in rows]
    assert len(set(cells)) == 1, [r for r, c in zip(rows, cells) if c != cells[0]]
    html = markdown.markdown(run.stdout, extensions=["tables"])
    assert html.count("<tr>") == len(MESSAGES) + 1
    for code in MESSAGES:
        assert f"<code>{code}</code>" in html
    assert "<em>" not in html and "<strong>" not in html  # no accidental emphasis from * or _
    assert "<code>{archived_on}</code>" in html or "{" not in run.stdout.replace("`{", "")


# ---- the commands ------------------------------------------------------------------

def test_a_command_line_imports_its_own_commands_module_and_help_lists_every_command(work):
    """command_line.COMMANDS says which module adds each command, so that a run imports its own only:
    each module adds exactly the commands the table gives it, every command runs from a parser
    built for it alone, and the usage without a command (or with an unknown one) names them all."""
    import argparse
    import importlib
    import subprocess
    import sys

    from generator import cli as command_line

    added: dict = {}
    for module in dict.fromkeys(command_line.COMMANDS.values()):
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(sub)
        added.update((command, module) for command in sub.choices)
    assert added == command_line.COMMANDS
    for command in command_line.COMMANDS:
        help_ = subprocess.run([sys.executable, "-m", "generator", command, "--help"], cwd=B.REPO,
                               capture_output=True, text=True, timeout=60)
        assert help_.returncode == 0 and "用法：python -m generator " + command in help_.stdout, command
    for args in ([], ["no-such-command"]):
        run = cli(work, *args)
        assert run.returncode == 2 and all(command in run.stderr for command in command_line.COMMANDS), run.stderr


def test_a_vocabulary_written_as_one_line_of_text_is_said_once_at_the_policy(work):
    # An administrator adding a word wrote the channels on one line, as in a document:
    # `channels: 面对面、键对键`. The schema said so at policy.yaml; and every channel in every
    # ledger was E-REF-005 too, "可选值：。" (nothing allowed), one per activity, asking the cadres
    # to change words that are right. A vocabulary that is no list judges no word: the policy's
    # finding says what to fix
    policy = work / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("channels: [面对面, 键对键]", "channels: 面对面、键对键"),
                      encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [(f["code"], f["file"]) for f in report] == [("E-SCHEMA-003", "records/policy.yaml")], report


def test_a_period_day_not_written_month_day_is_said_once(work):
    # A due day written 7-10 (or 7月10日) got E-SCHEMA-005 (its form) and E-REF-012 ("not a day of
    # the year") at the same place: one mistake, two errors. E-REF-012 is for a day written MM-DD
    # that does not exist (06-31); a value of another form is the schema's
    policy = work / "records/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    for written in ("7-10", "7月10日"):
        policy.write_text(text.replace('end: "06-30", due: "06-30"', f'end: "06-30", due: "{written}"'), encoding="utf-8")
        report = json.loads(cli(work, "validate", "--format", "json").stdout)
        assert [f["code"] for f in report] == ["E-SCHEMA-005"], report
    policy.write_text(text.replace('end: "06-30", due: "06-30"', 'end: "06-30", due: "06-31"'), encoding="utf-8")
    assert [f["code"] for f in json.loads(cli(work, "validate", "--format", "json").stdout)] == ["E-REF-012"]


def test_a_renamed_word_stays_right_in_the_periods_before_and_is_told_with_the_new_word_after(work):
    # The policy renamed the channel 键对键 to 线上交流 from 2026 on. Every unarchived ledger that
    # used 键对键 became E-REF-005, the cadres asked to change words that were right when written,
    # and the hint listed 面对面、线上交流 without saying 键对键 had become 线上交流. `renamed`
    # says so: ledgers of the periods starting by `until` keep the old word; later ones are told
    # the new word
    policy = work / "records/policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "channels: [面对面, 键对键]",
        "channels: [面对面, 线上交流]\n  renamed:\n    - {old: 键对键, new: 线上交流, until: 2025-12-31}"),
        encoding="utf-8")
    for rel in ("ledgers/2025-H2/zhang-wei.yaml", "ledgers/2026-H1/li-na.yaml"):
        ledger = work / "records" / rel
        ledger.write_text(ledger.read_text(encoding="utf-8").replace("channel: 面对面", "channel: 键对键"),
                          encoding="utf-8")
    report = json.loads(cli(work, "validate", "--format", "json").stdout)
    assert [(f["code"], f["file"], f["line"]) for f in report] == [
        ("E-REF-005", "records/ledgers/2026-H1/li-na.yaml", 8)], report
    assert report[0]["hint"].startswith("“键对键”已改称“线上交流”（2025-12-31 以后开始的期间），请改成“线上交流”。"), report
    assert report[0]["hint"].endswith("这一行写成：    channel: 线上交流"), report  # (the line last)
    # (nothing to add to the list: the policy named the word to write, as for a synonym — not 如需新增…)
    assert "如需新增" not in report[0]["hint"] and "policy.yaml" not in report[0]["hint"], report
    english = json.loads(cli(work, "validate", "--format", "json", "--lang", "en").stdout)
    assert english[0]["hint"].startswith("'键对键' was renamed '线上交流' (periods starting after 2025-12-31): "
                                         "write '线上交流'. "), english
    assert "extend" not in english[0]["hint"], english



def test_english_counts_say_one_file_one_error_one_day(work):
    """The summary read "1 files: 1 error(s), 1 warning(s)" (an import's one file), and the English
    messages built with a count said "1 days late", "holds 1 contact points", "1 of the ledgers handed
    in have errors": one is now singular, the rest plural ({n|file|files} in a message)."""
    (work / "k.csv").write_text("班级名称,学院,专业,年级,人数,班级状态,爱好\n计算机2701班,计算机学院,计算机科学与技术,2027,30,待定,围棋\n",
                                encoding="utf-8")
    run = cli(work, "import", "classes", "k.csv", "--lang", "en")
    # (the import's one file by its name since: k.csv: 1 error, 1 warning)
    assert run.returncode == 1 and run.stdout.splitlines()[-1] == "k.csv: 1 error, 1 warning", run.stdout
    run = cli(work, "validate", "--lang", "en")
    assert run.stdout.splitlines()[-1] == "12 files: 0 errors, 0 warnings", run.stdout
    from generator import findings as F
    from generator.check import output

    said = {n: (F.make("W-CHK-005", "x", None, name="li-na", period="2026-H1", days=n, deadline="2026-07-15",
                       submitted="2026-07-16", source_en="Git").message("en"),
                F.make("W-CHK-002", "x", None, name="li-na", count=n, start="a", end="b", required=2).message("en"))
            for n in (1, 3)}
    assert "was 1 day late" in said[1][0] and "was 3 days late" in said[3][0], said
    assert "held 1 contact point from" in said[1][1] and "held 3 contact points from" in said[3][1], said
    assert F.counted(output.T["en"]["errors_line"], n=1).startswith("; 1 ledger handed in has errors and is not")
    assert F.counted(output.T["en"]["errors_line"], n=2).startswith("; 2 ledgers handed in have errors and are not")


@pytest.mark.parametrize("command,said", [
    (["check"], "政策检查：覆盖、联系点"), (["validate"], "检查记录："), (["import", "classes"], "班级名单 → records/classes/"),
    (["archive"], "备案一个填报期间"), (["remind"], "生成提醒议题的内容")])
def test_each_command_s_help_says_what_it_does_and_its_exit_status(work, command, said):
    """A new administrator's `python -m generator check --help` listed the options only: not what the
    command does (said only in the list of commands) nor what its exit status means (in the guides)."""
    run = cli(work, *command, "--help")
    assert run.returncode == 0
    head = run.stdout.split("选项：")[0]
    assert said in head, run.stdout
    assert "退出码：0 " in run.stdout and "exit status" not in run.stdout, run.stdout  # (one language: --lang en's)
    assert ("有人未交台账" in run.stdout) == (command == ["remind"]), run.stdout
    assert "exit status: 0 " in cli(work, *command, "--lang", "en", "--help").stdout
