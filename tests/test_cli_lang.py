"""argparse's own words — usage:, options:, positional arguments:, its errors — in the language of the
command line: Chinese by default, English with --lang en; for every command's --help and for a bad
argument, through the real CLI in a subprocess; the exit codes as documented (0 help, 2 bad arguments)."""
from __future__ import annotations

import argparse
import re
import shutil

import pytest

import bad_records as B
from generator import cli

ENGLISH = re.compile(r"usage:|options:|positional arguments:|show this help|error:|unrecognized arguments|invalid choice")
HALF_ENGLISH = re.compile(r"\([a-z][a-z ,;:'/-]{3,}\)", re.I)  # (an English gloss in brackets after the Chinese)
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def _commands(parser, prefix=()):
    """Every command line that has a --help of its own: the main one, each command, each command's commands."""
    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, prefix + (name,))


COMMANDS = list(_commands(cli.build_parser([])))


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    work = tmp_path_factory.mktemp("lang") / "work"
    shutil.copytree(B.MINIMAL, work / "records")
    return work


def test_every_command_is_listed():
    assert {("validate",), ("check",), ("new", "ledger"), ("import", "classes"), ("import", "clubs")} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "main")
def test_every_help_is_in_chinese_by_default_and_in_english_with_lang_en(work, command):
    run = B.run_cli(B.REPO, work, *command, "--help")
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert run.stdout.startswith("用法：python -m generator"), run.stdout
    assert "选项：" in run.stdout and "显示本帮助并退出" in run.stdout, run.stdout
    assert not ENGLISH.search(run.stdout), run.stdout
    # (the options' help and the exit status at the end were said in both languages whatever --lang:
    # 记录目录 (records folder), 默认 records, then 退出码：… and exit status: …)
    assert "exit status" not in run.stdout and not HALF_ENGLISH.search(run.stdout), run.stdout
    run = B.run_cli(B.REPO, work, *command, "--lang", "en", "--help")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: python -m generator") and "options:" in run.stdout, run.stdout
    assert "用法" not in run.stdout and "选项：" not in run.stdout, run.stdout
    assert "exit status:" in run.stdout and not CHINESE.findall(run.stdout.replace("年级", "")), run.stdout


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "main")
def test_a_bad_argument_is_told_in_chinese_by_default_and_in_english_with_lang_en_exit_2(work, command):
    run = B.run_cli(B.REPO, work, *command, "--no-such-option")
    assert run.returncode == 2 and run.stdout == "", run.stderr
    assert run.stderr.startswith("用法：python -m generator"), run.stderr
    assert "：参数错误：" in run.stderr and not ENGLISH.search(run.stderr), run.stderr
    run = B.run_cli(B.REPO, work, *command, "--no-such-option", "--lang", "en")
    assert run.returncode == 2 and run.stdout == "", run.stderr
    assert run.stderr.startswith("usage: python -m generator") and ": error: " in run.stderr, run.stderr
    assert not re.search(r"[\u4e00-\u9fff]", run.stderr.split("\n")[-2].split(": error: ")[0]), run.stderr


@pytest.mark.parametrize("args,zh,en", [
    (["validate", "--no-such-option"], "不认识的参数：--no-such-option", "unrecognized arguments: --no-such-option"),
    (["validate", "--format", "xml"], "参数 --format：无效的选项 'xml'（可选：", "argument --format: invalid choice: 'xml'"),
    (["validate", "--today", "2026.3.5"], "参数 --today：日期应写作 YYYY-MM-DD", "argument --today: date as YYYY-MM-DD"),
    (["import", "classes", "x.csv", "--cohort", "1800"], "参数 --cohort：应为", "argument --cohort: a cohort year from"),
    (["new", "ledger"], "缺少必需的参数：", "the following arguments are required: "),
    (["no-such-command"], "无效的选项 'no-such-command'", "invalid choice: 'no-such-command'"),
    (["validate", "--records"], "参数 --records：后面要跟一个值", "argument --records: expected one argument"),
])
def test_argparse_s_errors_are_worded_in_the_language_asked(work, args, zh, en):
    run = B.run_cli(B.REPO, work, *args)
    assert run.returncode == 2 and zh in run.stderr, run.stderr
    run = B.run_cli(B.REPO, work, *args, "--lang", "en") if args[-1] != "--records" else \
        B.run_cli(B.REPO, work, "validate", "--lang", "en", "--records")
    assert run.returncode == 2 and en in run.stderr, run.stderr
    assert not CHINESE.search(run.stderr.split(en)[1]), run.stderr  # (the date's words said twice, zh then en)


def test_a_file_that_cannot_be_read_or_written_is_told_in_one_language_exit_2(work):
    # (render --out a folder that cannot be made said 无法写入或读取 …：No such file or directory (cannot write or
    # read …: No such file or directory), both languages, whatever --lang, and not what to do)
    zh = B.run_cli(B.REPO, work, "render", "--out", "/proc/nope")
    assert zh.returncode == 2 and zh.stderr == (
        "无法读取或写入 /proc/nope（系统提示：No such file or directory）。请检查路径是否正确、文件是否还在、"
        "有没有读写权限，排除后再运行一次。\n"), zh.stderr
    en = B.run_cli(B.REPO, work, "render", "--out", "/proc/nope", "--lang", "en")
    assert en.returncode == 2 and en.stderr == (
        "cannot read or write /proc/nope (No such file or directory). Check the path, that the file is still there "
        "and that you may read and write it, then run again.\n"), en.stderr


@pytest.mark.parametrize("lang,said", [
    ((), "内部错误（程序的问题，不是记录的问题），请把这一行报告给管理员：TypeError: 'NoneType' object is not callable\n"),
    (("--lang", "en"), "internal error (in the program, not in the records); please report this line to the "
                       "administrators: TypeError: 'NoneType' object is not callable\n"),
])
def test_an_internal_error_is_told_in_one_language_exit_2(work, lang, said):
    # (内部错误，请把这一行报告给管理员 (internal error, please report): … — both languages at once.  A bug is
    # stood in for by a stage that is not there: validate_records set to None, the CLI otherwise as run)
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "CONTACT_LEDGER_DEBUG"} | {"PYTHONPATH": str(B.REPO)}
    run = subprocess.run([sys.executable, "-c", "import sys, generator.pipeline as p; p.validate_records = None; "
                          "from generator.cli import main; sys.exit(main(sys.argv[1:]))", "validate", *lang],
                         cwd=work, env=env, capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", said)
