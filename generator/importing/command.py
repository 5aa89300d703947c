"""The command: `python -m generator import classes|cadres|units|clubs FILE`, its arguments,
the checks of the records before an import and the writing of its files after it."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path


from generator.argwords import say
from generator import findings as F
from generator.files import Unwritten, write_files
from generator.importing.fields import HEADINGS, MSG, plain_name
from generator.importing.importer import Importer
from generator.importing.sheets import Unreadable
from generator.messages.importing import GIVE_ANOTHER
from generator.importing.values import Jie, cohort_year
from generator.load import display_path


def records_errors(root: Path, kind: str) -> tuple[list[F.Finding], dict]:
    """The errors, as validate reports them (reading, schema; the policy's time zone), of the files an import of `kind`
    reads or writes: records/policy.yaml, whose words of a 状态 cell it reads, records/units.yaml, which units are matched against, the class, club or cadre
    files, and in an import of classes or clubs the other contact points' files (one set of ids
    with them).  No import runs while one is wrong: it would be misread (a key written twice, a
    file taken as no records), crash the import, or be written over.  And the values of those read, as validate reads them ({its path below
    the records folder: data}): the import reads them there, not again (yes, on, 0123 are text to validate)."""
    from generator.fastvalidate import validate_document  # (jsonschema-rs first: validate's findings, faster)
    from generator.load import load_file
    from generator.model import Item
    from generator.policy_rules import timezone_errors
    from generator.references import missing_file

    classes, clubs = sorted((root / "classes").glob("*.yaml")), [root / "clubs.yaml"]
    paths = [root / "policy.yaml", root / "units.yaml", *{"units": [], "classes": classes + clubs, "clubs": clubs + classes,
                                                           "cadres": sorted((root / "cadres").glob("*.yaml"))}[kind]]
    out, read = [], {}
    for path in paths:
        if path.exists() or path.is_symlink():  # (a link to nothing is E-LOAD-007, as validate says)
            doc, problems = load_file(path, root)
            problems += validate_document(doc)
            if doc.kind == "policy" and not problems:  # (its time zone, as validate says: the import's day is in it)
                problems += timezone_errors(Item(doc, ()))
            out += [f for f in problems if f.severity == F.ERROR]
            read[path.relative_to(root).as_posix()] = doc.data  # (by its path: records/cadres/policy.yaml is a cadre's)
        elif kind != "units" and path.name not in ("clubs.yaml", "policy.yaml"):  # (units.yaml: the units the rows name are matched against it)
            out.append(missing_file(display_path(path), path.stem))
    return out, read


def unwritable(root: Path, writes) -> list[F.Finding]:
    """E-IMP-014 at each file of `writes` that cannot be written, checked before any is: a file
    (not a folder) where its folder, or one above it, should be; a folder or other non-file where
    the file should be; a folder it may not write in."""
    out = []
    for path in writes:
        record = display_path(path)
        folder = next((p for p in reversed(path.relative_to(root).parents) if (root / p).exists()
                       and not (root / p).is_dir()), None)
        if folder is not None:
            record = where = display_path(root / folder)  # (said once, for all the files to go into it)
            reason = ("它是一个文件，不是放记录的文件夹", "it is a file, not the folder of the records")
            fix = (f"{where} 应是放记录的文件夹：请把这个文件改名或移出 {F.records_shown()}/（其中的内容若有用，"
                   f"请在新建文件夹 {where}/ 后另存为其中的 .yaml 记录），再运行一次导入。",
                   f"{where} should be the folder of these records: rename the file or move it out of {F.records_shown()}/ "
                   f"(if it holds anything of use, make the folder {where}/ and save it there as .yaml records), "
                   "then run the import again.")
        elif path.exists() and not path.is_file():
            reason = ("这里是一个文件夹（或其他非普通文件），不是记录文件", "this is a folder (or another non-file), not a record file")
            fix = (f"请把 {record} 改名或移走，再运行一次导入。", f"Rename or move {record}, then run the import again.")
        elif not os.access(next(p for p in (path, *path.parents) if p.exists()), os.W_OK):
            reason = ("没有写权限", "no permission to write")
            fix = ("请让管理员给这个文件（或它所在的文件夹）加上写权限，或换一个有权限的账户，再运行一次导入。",
                   "Have the file (or its folder) made writable, or use an account that may write it; "
                   "then run the import again.")
        else:
            continue
        if any(f.file == record for f in out):
            continue
        out.append(F.make("E-IMP-014", record, None, record=record, reason=reason[0], reason_en=reason[1],
                          fix=fix[0], fix_en=fix[1]))
    return out


def write_all(writes) -> F.Finding | None:
    """Write each file of `writes` whole or not at all (files.write_files); if one fails,
    E-IMP-015 says which were written and which not."""
    try:
        write_files({path: text.encode("utf-8") for path, text in writes.items()})
    except Unwritten as exc:
        from generator.cli import file_list

        return F.make("E-IMP-015", display_path(exc.path), None, record=display_path(exc.path), reason=exc.reason,
                      written=file_list(exc.written, "zh") or "（无）", unwritten=file_list(exc.unwritten, "zh"),
                      written_en=file_list(exc.written, "en") or "none", unwritten_en=file_list(exc.unwritten, "en"))
    return None


def cmd_import(args) -> int:
    from generator.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, emit, records_dir

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    wrong, read = records_errors(root, args.kind)
    today = args.today or policy_day(read.get("policy.yaml"), dt.datetime.now(dt.timezone.utc))
    try:  # (after the arguments are read: a two-digit --cohort is read by --today, given after it or not)
        cohort = args.cohort and _cohort(args.cohort, today)
    except argparse.ArgumentTypeError as exc:
        args.usage_error(argparse._("argument %(argument_name)s: %(message)s") % {"argument_name": "--cohort", "message": exc})
    lang, imp = args.lang, None
    if wrong:  # (a wrong unit id would be written into records)
        emit([F.make("E-FLOW-006", display_path(root), None, command=f"python -m generator import {args.kind}"),
              *wrong], args, files=len({f.file for f in wrong}))
        return EXIT_FINDINGS
    try:
        imp = Importer(root, args.kind, Path(args.file), cohort, args.update, today, read)
        imp.run()
        imp.findings += unwritable(root, imp.writes)
    except Unreadable as exc:  # (with the sheets' warnings: which sheets are hidden, and how to show them)
        how = exc.how or tuple(words.format(rows=HEADINGS) for words in GIVE_ANOTHER)
        emit([F.make("E-IMP-001", display_path(args.file), None, reason=exc.zh, reason_en=exc.en, how=how[0],
                     how_en=how[1]),
              *(imp.findings if imp else [])], args, of_file=display_path(args.file))
        return EXIT_USAGE
    except OSError as exc:  # a record gone or made unreadable since records_errors read it
        emit([F.make("E-LOAD-007", display_path(exc.filename or root), None,
                     reason=exc.strerror or type(exc).__name__)], args)
        return EXIT_USAGE
    errors = F.has_errors(imp.findings)
    out = sys.stdout if args.format == "text" else sys.stderr
    for zh, en in imp.summary:
        out.write(f"  {zh if lang == 'zh' else en}\n")
    if imp.same:
        out.write("  " + MSG["same"][lang].format(n=imp.same) + "\n")
    if errors:
        out.write(MSG["errors"][lang] + "\n")
    elif args.write:
        if failed := write_all(imp.writes):
            emit([failed, *imp.findings], args, of_file=display_path(args.file))
            return EXIT_USAGE
        out.write(MSG["wrote"][lang] + "\n")
    else:
        out.write(MSG["dry"][lang] + "\n")
    code = emit(imp.findings, args, of_file=display_path(args.file))
    return EXIT_FINDINGS if errors else EXIT_OK if code == EXIT_OK else code


def policy_day(policy, instant: dt.datetime) -> dt.date:
    """The day `instant` is in the time zone of `policy` (records/policy.yaml's values as records_errors
    read them: institution.timezone), as `check` reads it: today, without --today.  A policy that
    could not be read: Asia/Shanghai (the import then stops, records_errors having said why)."""
    from generator.model import policy_zone

    return instant.astimezone(policy_zone(policy)).date()


def _cohort(text: str, today: dt.date) -> int:
    """--cohort: a year validate allows (the classes schema's cohort minimum and maximum), written
    as the 年级 column may write it (2026, 2026级, 2026年级, ２０２６级, 26级 by `today`), or
    ArgumentTypeError (exit 2)."""
    from generator.validate import schema_for

    bounds = schema_for("classes")["properties"]["cohort"]
    first, last = bounds["minimum"], bounds["maximum"]
    m = re.fullmatch(r"(\d{4})(级|年级|年|届)?|(\d\d)(级|届)", plain_name(text))
    year = m and cohort_year(m.group(1) or m.group(3), today)
    if m and first <= year <= last:
        return (Jie if "届" in m.group(0) else int)(year)
    raise argparse.ArgumentTypeError(say(f"应为 {first}–{last} 之间的入学年份，如 2026 或 2026级：",
                                         f"a cohort year from {first} to {last}, such as 2026: ") + repr(text))


def register(sub) -> None:
    from generator.cli import Parser, add_today, common

    p = sub.add_parser("import", help=say("从现有名单（CSV、XLSX、XLS）导入班级、干部、单位或社团",
                                          "import classes, cadres, units or clubs from a spreadsheet (CSV, XLSX, XLS)"))
    kinds = p.add_subparsers(dest="kind", required=True, parser_class=Parser)
    for kind, help_ in (("classes", say("班级名单 → records/classes/<入学年份>.yaml", "class list → records/classes/<cohort>.yaml")),
                        ("cadres", say("中层领导干部名单 → records/cadres/<编号>.yaml", "list of cadres → records/cadres/<id>.yaml")),
                        ("units", say("单位名单 → records/units.yaml", "list of units → records/units.yaml")),
                        ("clubs", say("社团名单 → records/clubs.yaml", "list of clubs → records/clubs.yaml"))):
        q = kinds.add_parser(kind, help=help_)
        common(q, formats=("text", "json"))
        q.add_argument("file", help=say("表格文件：.xlsx、.xls 或 .csv", "spreadsheet: .xlsx, .xls or .csv"))
        q.add_argument("--write", action="store_true", help=say("写入文件；不加时只是试运行", "write the files; without it, a dry run"))
        q.add_argument("--update", action="store_true",
                       help=say("表格与已有记录不一致时，用表格的值更新", "change existing records that differ from the sheet"))
        add_today(q, "以哪一天为“今天”：状态与结束日期对不上时按它判断" + ("，两位数的年级（25级）也按它读" if kind == "classes" else "")
                  + "，默认今天（政策时区）",
                  "as-of date: for a status and an end date that disagree" + (", and a two-digit cohort such as 25" if kind == "classes" else "")
                  + ", default today (the policy's time zone)")
        if kind == "classes":
            q.add_argument("--cohort", default=None,
                           help=say("表格没有“年级”列时，全部班级的入学年份", "cohort of every class when the sheet has no 年级 column"))
        else:
            q.set_defaults(cohort=None)
        q.set_defaults(func=cmd_import, usage_error=q.error)
