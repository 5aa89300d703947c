"""Command line: `python -m generator <command>`.

Exit codes (every command):
  0  no error finding (warnings allowed)
  1  at least one error finding
  2  the command could not run (bad arguments, no records folder, not a Git repository …)
"""
from __future__ import annotations

import argparse
import atexit
import datetime as dt
import importlib
import re
import os
import sys
from pathlib import Path

from generator.argwords import say
from generator import argwords
from generator import findings as F
from generator import report

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Each command and the module that adds it: the module defines `register(subparsers)`, and the
# parser it adds sets `func(args) -> int`.  A run imports its own command's module only (all of
# them cost ≈8 ms of every run); --help, no command or an unknown one import them all, so that
# the usage lists every command.
COMMANDS = {"validate": "generator.cli", "codes": "generator.cli", "check": "generator.check.command",
            "cms-config": "generator.cms", "cms-admin": "generator.cms", "new": "generator.new_ledger",
            "cms-trial": "generator.cms_trial", "render": "generator.site.command",
            "codeowners": "generator.codeowners", "ownership": "generator.ownership",
            "archive": "generator.archive", "remind": "generator.remind",
            "import": "generator.importing", "draft-cycle": "generator.draft_cycle"}

MSG = {
    "no_records": {"zh": "找不到记录目录：{path}（可用 --records 指定）",
                   "en": "records folder not found: {path} (use --records)"},
    "no_records_default": {"zh": "找不到记录目录：当前文件夹 {cwd} 中没有 records，程序所在的仓库 {repo} 中也没有。"
                                 "请用 --records 指定记录目录（如 --records /srv/ledger/records），"
                                 "或设环境变量 LEDGER_RECORDS",
                           "en": "records folder not found: no records in the working folder {cwd}, nor in the "
                                 "program's repository {repo}. Name it with --records (e.g. --records "
                                 "/srv/ledger/records) or set LEDGER_RECORDS"},
    "no_records_env": {"zh": "找不到记录目录：{path}（环境变量 LEDGER_RECORDS 指定的；改正它，或用 --records 指定）",
                       "en": "records folder not found: {path} (named by LEDGER_RECORDS; correct it, or use --records)"},
    "unwritten": {"zh": "写入 {path} 时出错（系统提示：{reason}）：{what}。请排除原因（如磁盘已满、没有写权限、"
                        "路径不对）后再运行一次：{command}",
                  "en": "writing {path} failed ({reason}): {what}. Remove the cause (a full disk, no permission, "
                        "a wrong path) and run again: {command}"},
    "none_written": {"zh": "没有写入任何文件，原有的文件没有改动",
                     "en": "nothing was written, the files there are unchanged"},
    "unreadable": {"zh": "无法读取或写入 {path}（系统提示：{reason}）。请检查路径是否正确、文件是否还在、有没有读写权限，"
                         "排除后再运行一次。",
                   "en": "cannot read or write {path} ({reason}). Check the path, that the file is still there and "
                         "that you may read and write it, then run again."},
    "internal": {"zh": "内部错误（程序的问题，不是记录的问题），请把这一行报告给管理员：{error}",
                 "en": "internal error (in the program, not in the records); please report this line to the "
                       "administrators: {error}"},
    "some_written": {"zh": "已写入 {written}（都是完整的）；未写入 {unwritten}（原有的没有改动）",
                     "en": "written {written} (whole); not written {unwritten} (the files there unchanged)"},
}


class Parser(argparse.ArgumentParser):
    """The command line's parser, and each sub-command's (a command with kinds of its own, new and import,
    gives it as their parser_class): help headed as Chinese writes it, errors in the language asked, exit 2."""

    lang = "zh"  # (of the command line: argwords.lang_of, set by main)

    def format_help(self) -> str:  # (a heading's colon as Chinese writes it: 选项：)
        return argwords.headed(super().format_help(), self.lang)

    def error(self, message):  # exit 2 with a short message, no traceback
        self.print_usage(sys.stderr)
        sys.stderr.write(argwords.ERROR[self.lang].format(prog=self.prog, message=message))
        raise SystemExit(EXIT_USAGE)


REPO = Path(__file__).resolve().parent.parent  # (the repository the package is in: its records/ when the working folder has none)


def default_records() -> str:
    """The records folder a command reads when --records is not given (every command's, the one place): the folder
    LEDGER_RECORDS names (as the site's build reads it: `LEDGER_RECORDS=/srv/x make site` validates what it builds),
    else the working folder's records/, else — run from elsewhere, as a cron job does with the venv's python — the
    records/ of the repository the program is in: only when nothing is named records here (a records that is a file,
    or a link, is this folder's, said as before).  "records" when none is there (records_dir then says where it looked)."""
    named = os.environ.get("LEDGER_RECORDS")
    if named:
        return named
    if os.path.lexists("records") or not (REPO / "records").is_dir():
        return "records"
    return str(REPO / "records")


def add_records(parser: argparse.ArgumentParser) -> None:
    """The --records option (default_records when not given)."""
    parser.add_argument("--records", default=None, help=say(
        "记录目录；不写时是环境变量 LEDGER_RECORDS 指定的文件夹，没有设时是当前文件夹中的 records，"
        "当前文件夹中没有时是程序所在仓库的 records",
        "records folder; by default the folder LEDGER_RECORDS names, if unset the working folder's records, "
        "if it has none the program's repository's records"))


def common(parser: argparse.ArgumentParser, formats=("text", "json", "github")) -> None:
    add_records(parser)
    parser.add_argument("--format", choices=formats, default="text", help=say("输出格式", "output format"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("语言", "language"))


def _date(text: str) -> dt.date:
    try:
        if re.fullmatch(r"(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}", text):  # (years 1900–2999: room for a year's sums)
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(say("日期应写作 YYYY-MM-DD，年份在 1900–2999 之间：",
                                         "date as YYYY-MM-DD, a year from 1900 to 2999: ") + repr(text))


def add_today(parser: argparse.ArgumentParser, help_zh: str = "以哪一天为“今天”", help_en: str = "as-of date") -> None:
    """The --today option every date-dependent command takes (a bad date exits 2)."""
    parser.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD",
                        help=say(help_zh, help_en))


def clock_today(rs=None) -> dt.date:
    """Today in the policy's time zone: the only place a command reads the clock,
    used when --today is not given."""
    from generator.model import zone_named

    return dt.datetime.now(rs.tz if rs is not None else zone_named(None)).date()


def records_dir(args) -> Path | None:
    given = args.records is not None
    if not given:
        args.records = default_records()
    path = Path(args.records)
    if not path.is_dir():
        if given or Path.cwd() == REPO:  # (in the repository itself: its records/ is the one missing)
            said = MSG["no_records"][args.lang].format(path=path)
        elif os.environ.get("LEDGER_RECORDS"):
            said = MSG["no_records_env"][args.lang].format(path=path)
        else:
            said = MSG["no_records_default"][args.lang].format(cwd=Path.cwd(), repo=REPO)
        sys.stderr.write(said + "\n")
        return None
    from generator.load import display_path  # (as the commands' findings show their files)

    F.show_records(display_path(path))  # (the folder every code's {records} names: E-REF-001's 编号见 my records/cadres/ …)
    return path


def emit(findings, args, files: int | None = None, *, of_file: str | None = None) -> int:
    """Print `findings` in the format asked, with the summary (`files`, `of_file`: as report.summary's)."""
    if args.format == "json":
        report.write_json([f.as_dict(args.lang) for f in findings])
    elif args.format == "github":
        sys.stdout.write(report.as_github(findings, args.lang))
        sys.stdout.write(report.summary(findings, args.lang, files, of_file=of_file) + "\n")
    else:
        sys.stdout.write(report.as_text(findings, args.lang, files, of_file=of_file))
    return EXIT_FINDINGS if F.has_errors(findings) else EXIT_OK


def refuse_on_admin_errors(rs, findings, args, command: str) -> int | None:
    """EXIT_FINDINGS, with E-FLOW-006 and the errors on standard error, when the records the
    administrators keep have errors (pipeline.admin_errors); None when `command` may go on."""
    from generator.pipeline import admin_errors

    errors = admin_errors(rs, findings)
    if not errors:
        return None
    shown = [F.make("E-FLOW-006", str(args.records), None, command=f"python -m generator {command}")] + errors
    sys.stderr.write(report.as_text(shown, args.lang, None))
    return EXIT_FINDINGS


def cmd_validate(args) -> int:
    from generator.pipeline import validate_records

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    rs, findings = validate_records(root, args.today)
    outlive(rs)
    return emit(findings, args, files=len(rs.docs))


def cmd_codes(args) -> int:
    """Print the table of finding codes (Markdown) for README."""
    from generator.messages import MESSAGES

    print("| 代码 code | 级别 severity | 含义 | meaning |")
    print("|---|---|---|---|")
    for code in sorted(MESSAGES):
        e = MESSAGES[code]
        severity = {"error": "错误 error", "warning": "警告 warning"}.get(e["severity"], e["severity"])
        cells = (_markdown_cell(e[lang].replace("{records}", "records")) for lang in ("zh", "en"))  # (README's folder)
        print(f"| `{code}` | {severity} | {' | '.join(cells)} |")
    return EXIT_OK


def _markdown_cell(text: str) -> str:
    """A message template as one table cell: placeholders as code (`{archived_on}` keeps
    its underscores; a count's {n|file|files} as {n} files), Markdown's special characters escaped, `|` never
    ends the cell."""
    import re

    text = re.sub(r"\{(\w+)\|[^{}|]*\|([^{}|]*)\}", r"{\1} \2", text)  # ({n|file|files}: {n} files)
    parts = re.split(r"(\{\w+\})", " ".join(text.split()))
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"`{part}`")
        else:
            out.append(re.sub(r"([\\`*_<>\[\]#|])", r"\\\1", part))
    return "".join(out)


def register(sub) -> None:
    p = sub.add_parser("validate", help=say("检查记录：YAML、Schema、引用、隐私", "validate the records: YAML, schema, references, privacy"))
    common(p)
    add_today(p, "按哪一天判断哪些期间已备案，默认今天（政策时区）",
              "the day that says which periods are archived, default today (the policy's time zone)")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("codes", help=say("列出全部检查代码", "list the finding codes"))
    p.set_defaults(func=cmd_codes)


# What each command's --help says after its options (a command whose 1 means more says so in its own epilog).
EXIT_HELP = ("退出码：0 完成，没有错误（可以有警告）；1 有错误（见输出）；2 无法运行：参数错误、找不到记录目录、文件读不了或写不了。",
             "exit status: 0 done, no errors (warnings allowed); 1 errors (see the output); 2 could not run: bad "
             "arguments, no records folder, a file that cannot be read or written.")


def _described(sub) -> None:
    """Each command of `sub` (and each of its own commands: import classes) with its one-line help as the
    description its --help begins with, and the exit status at its end: --help said only its options."""
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, p in sub.choices.items():
        p.description = p.description or helps.get(name)
        p.epilog = p.epilog or say(*EXIT_HELP)
        p.formatter_class = argparse.RawDescriptionHelpFormatter
        for own in (a for a in p._actions if isinstance(a, argparse._SubParsersAction)):
            _lang_option(p)
            _described(own)


def _lang_option(parser: argparse.ArgumentParser) -> None:
    """--lang before a parser's command (python -m generator --lang en --help, new --lang en --help): argparse's
    words follow it (argwords.lang_of), as its command's own --lang."""
    parser.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help=say("语言", "language"))


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """The parser for the command line `argv` (its command's module only: see COMMANDS)."""
    parser = Parser(prog="python -m generator", description=say("联系学生工作台账", "Contact Ledger"), epilog=say(*EXIT_HELP),
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _lang_option(parser)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    command = argv[0] if argv else None
    for name in [COMMANDS[command]] if command in COMMANDS else dict.fromkeys(COMMANDS.values()):
        try:  # one broken command module must not take `validate` down with it
            importlib.import_module(name).register(sub)
        except Exception as exc:  # noqa: BLE001 - never a traceback
            if os.environ.get("CONTACT_LEDGER_DEBUG"):
                raise
            sys.stderr.write(say(f"内部错误：命令模块 {name} 无法加载，其命令暂不可用：",
                                 f"internal error: command module {name} failed to load: ")
                             + f"{type(exc).__name__}: {exc}\n")
    _described(sub)
    return parser


def _blocking_streams() -> None:
    """Standard output and error made blocking where the caller handed them over non-blocking (a CI runner's or
    a Node tool's pipe: the flag is on the file description it shares with the command): a write to a full pipe
    would otherwise fail (BlockingIOError) and cut the report short, where a blocking one waits for the reader."""
    for fd in (1, 2):
        try:
            if not os.get_blocking(fd):
                os.set_blocking(fd, True)
        except (OSError, AttributeError):  # (closed, not a file descriptor, or no such call on this system)
            pass


def main(argv=None) -> int:
    _OUTLIVE.clear()  # (what an earlier command of this process kept: see outlive)
    argv = sys.argv[1:] if argv is None else list(argv)
    Parser.lang = argwords.lang_of(argv)
    argwords.use(Parser.lang)  # (argparse's usage:, options: and errors: in the language asked)
    parser = build_parser(argv)
    args, extra = parser.parse_known_args(argv)
    if extra:  # said with the command's own usage (the main one lists only the commands loaded)
        while chosen := [a.choices[getattr(args, a.dest)] for a in parser._actions
                         if isinstance(a, argparse._SubParsersAction) and getattr(args, a.dest, None) in a.choices]:
            parser = chosen[0]
        parser.error(argparse._("unrecognized arguments: %s") % " ".join(extra))
    if hasattr(args, "lang"):  # (--lang before the command too: python -m generator --lang en validate)
        args.lang = Parser.lang
    _blocking_streams()
    try:
        code = args.func(args)
        if cache := sys.modules.get("generator.cache"):  # (loaded: records were read)
            cache.keep_answers()  # the positions worked out, kept for the next run
        return code
    except KeyboardInterrupt:  # pragma: no cover
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - `| head`
        return EXIT_OK
    except Exception as exc:  # a bug of ours: say so in one line, never a traceback
        from generator.files import Unwritten

        lang = getattr(args, "lang", Parser.lang)  # (one language: `codes` has no --lang of its own)
        if isinstance(exc, Unwritten):  # a full disk partway through a command's files: not a bug
            sys.stderr.write(unwritten(exc, lang, argv) + "\n")
            return EXIT_USAGE
        if os.environ.get("CONTACT_LEDGER_DEBUG"):
            raise
        from generator.no_packages import said

        if (sentence := said(exc, argv, lang)) is not None:  # a package imported by one command only, missing
            sys.stderr.write(sentence + "\n")
            return EXIT_USAGE
        if isinstance(exc, OSError) and exc.filename is not None:  # a file it was told to write (--out …)
            sys.stderr.write(MSG["unreadable"][lang].format(path=exc.filename, reason=exc.strerror) + "\n")
        else:
            sys.stderr.write(MSG["internal"][lang].format(error=f"{type(exc).__name__}: {exc}") + "\n")
        return EXIT_USAGE


def file_list(paths: list, lang: str) -> str:
    """The files of a write that stopped partway, as said: the first three of a long list, and how many
    (the web form's bundle is a hundred files, an import of cadres one per cadre)."""
    from generator.load import display_path

    shown = [display_path(p) for p in paths[:3 if len(paths) > 6 else 6]]
    more = len(paths) - len(shown)
    if lang == "zh":
        return "、".join(shown) + (f" 等共 {len(paths)} 个文件" if more else "")
    return ", ".join(shown) + (f" and {more} more" if more else "")


def unwritten(exc, lang: str, argv: list[str]) -> str:
    """What was written, what not, and the command to run again."""
    import shlex

    from generator.load import display_path

    what = MSG["some_written" if exc.written else "none_written"][lang].format(
        written=file_list(exc.written, lang), unwritten=file_list(exc.unwritten, lang))
    return MSG["unwritten"][lang].format(path=display_path(exc.path), reason=exc.reason, what=what,
                                         command=shlex.join(["python", "-m", "generator", *argv]))


_OUTLIVE: list = []


def outlive(*values) -> None:
    """Keep a command's big values (the record set, the checks' tables: millions of small
    objects at 12,000 ledgers) alive until `finish` ends the process, so that they are never
    freed one by one when the command returns (0.12 s of a cold 12k `check`)."""
    _OUTLIVE.append(values)


def finish(code: int) -> NoReturn:  # noqa: F821 (a string: typing's import cost every command ≈3 ms)
    """End `python -m generator` with exit code `code`: its output flushed and the exit
    handlers run (forked._ending: the cache files still to write given to a copy that outlives it), then os._exit, without
    Python's teardown, which would free every object the run built, one by one (0.05 s at 12k)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more can be said there
            pass
    atexit._run_exitfuncs()
    os._exit(code)
