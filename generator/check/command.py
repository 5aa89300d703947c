"""`python -m generator check`: validate the records, then run the policy checks.

    python -m generator check [--today YYYY-MM-DD] [--records DIR]
        [--format text|json|github|markdown] [--lang zh|en] [--strict] [--base REV] [--unit ID ...]

With `--base` (a pull request's base commit; origin/main run locally) every format lists the findings
of the files changed since it (committed or not: ownership.changed_in) and every error, errors first
(output.by_change), and its summary counts the warnings not listed; the github format annotates them
(output.as_github).  The exit status is the same as without it: 1 with an error in any file, as the
pull request's step.  A base whose files cannot be read is said in a sentence; every finding is listed.

With `--unit ID` (repeated, or a comma list; a unit's id or name) a unit reviewer sees her units' warnings — of their
cadres, ledgers, classes, clubs (unit_scope) — and every record error anywhere, the first line saying how many warnings were
left out; the exit status is the university's, as without it.  A unit no one has: said with the units' ids, exit 2.

Exit 0 without error findings, 1 with, 2 when it could not run.  Only the default of
--today reads the clock (today in the policy's time zone)."""
from __future__ import annotations

import sys

from generator.argwords import say
from generator import findings as F


def cmd_check(args) -> int:
    from generator import forked, report
    from generator.check import as_of, git_history, output, run_checks
    from generator.check.deadlines import told_once
    from generator.cli import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, clock_today, outlive, records_dir
    from generator.pipeline import validate_records_and

    root = records_dir(args)
    if root is None:
        return EXIT_USAGE
    git_history.begin(root)  # git reads the ledgers' history while the records load
    if args.base is not None:  # (the files changed since the base: ownership's git, imported for it only)
        from generator.ownership import Uncommitted, changed_in

        uncommitted = Uncommitted(root)  # (and, while the records load, those not committed yet)
    # (with --unit, the feedback rows as a list, not the json report's rows written ahead: unit_scope reads their units)
    # the policy checks run while references, privacy and archive are checked (on two cores); the cache
    # files still to write once they are done (a cold run's chains' rows) are written here after the report
    with forked.holding(last=True):
        rs, findings, result = validate_records_and(
            root, lambda rs: run_checks(rs, args.today or clock_today(rs), strict=args.strict,
                                         as_json=args.format == "json" and not args.unit), args.today, as_of=args.today, checks=True)
    outlive(rs, result)  # (its rows with a reference error say "errors": the pipeline, deadlines.rows_told_late)
    # (as of --today: a ledger handed in after it was not there, and nothing is said of it)
    findings = sorted(set(as_of(findings, rs, result.arrived)) | set(result.findings), key=F.Finding.sort_key)
    findings = told_once(findings, rs, result.data)  # (as the site tells them: submitted, its error to fix; where it goes)
    errors = sum(f.severity == F.ERROR for f in findings)
    result.data["summary"].update(errors=errors, warnings=len(findings) - errors)
    result.data["not_checked"] = output.not_checked(findings, rs)  # (its errors fixed, more may come)
    files = len(rs.docs)
    base = None
    if args.base is not None:
        changed, why = changed_in(root, args.base, uncommitted)
        base = output.Base(args.base, output.with_cadre_files(changed, root), why,
                           output.committed_later(changed, rs, result.arrived), str(result.data.get("today", "")),
                           output.checked_then(changed, rs))
        if base.files is None and args.format == "json":  # (the others say it in their output)
            sys.stderr.write(output.not_read(base, args.lang) + "\n")
    units = list(rs.units)  # (the late and missing ledgers unit by unit, in units.yaml's order: output.by_change)
    scope = None
    if args.unit:  # (a unit reviewer's view: her units' warnings, every error)
        from generator.check import unit_scope

        ids, unknown = unit_scope.named(rs, args.unit)
        if unknown or not ids:
            sys.stderr.write(output.unknown_unit(unknown[0] if unknown else ",".join(args.unit),
                                                 unit_scope.known(rs, args.lang), args.lang) + "\n")
            return EXIT_USAGE
        scope = unit_scope.scope_of(rs, result.data, findings, ids, args.base)
    if args.format == "json":
        report.write_json(output.as_json(findings, result.data, args.lang, base, units, scope))
        return EXIT_FINDINGS if errors else EXIT_OK
    show = {"github": output.as_github, "markdown": output.as_markdown}.get(args.format, output.as_text)
    sys.stdout.write(show(findings, result.data, args.lang, files, base, units, scope))
    return EXIT_FINDINGS if errors else EXIT_OK


def register(sub) -> None:
    from generator.cli import add_today, common

    p = sub.add_parser("check", help=say("政策检查：覆盖、联系点、每学期联系、台账截止、问题督办",
                                        "policy checks: coverage, contact points, contact each term, deadlines, follow-up"))
    common(p, formats=("text", "json", "github", "markdown"))
    add_today(p, "按哪一天检查，默认今天（政策时区）", "as-of date, default today (the policy's time zone)")
    p.add_argument("--strict", action="store_true",
                   help=say("严格模式：时间类提醒（逾期、覆盖、每学期联系、超期）按错误处理",
                            "strict: time-based warnings (late, coverage, contact each term, overdue) are errors"))
    p.add_argument("--base", metavar="REV", help=say(
        "拉取请求的基准提交（本地如 origin/main）：只列出相对它改动了的文件（含未提交的改动）中的检查结果和所有错误，错误在前；"
        "退出码不变",
        "a pull request's base (locally origin/main): list the findings of the files changed since it (not yet "
        "committed too) and every error, errors first; the exit status is unchanged"))
    p.add_argument("--unit", action="append", metavar="ID", help=say(
        "学院审核人看本单位：只列出这个单位（编号或名称，见 units.yaml；可重复，或用逗号分隔几个）的干部、台账、班级、社团的提示，"
        "以及所有单位的记录错误；第一行说明另有几条提示未列出；退出码仍按全校",
        "a unit reviewer's view: list only the warnings of this unit's cadres, ledgers, classes and clubs (its id or "
        "name, as in units.yaml; repeat it, or separate several by commas) and every unit's record errors; the first line "
        "says how many warnings were left out; the exit status is still the university's"))
    p.set_defaults(func=cmd_check)
