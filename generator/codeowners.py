"""CODEOWNERS from the records (R17): who must approve a change to which file.

    python -m generator codeowners [--check [--base REV]] [--records records] [--today D]

* administrators (records/policy.yaml `administrators`) own everything by default: the
  organisation records, archive manifests, amendments, `schemas/`, `generator/`, `.github/`;
* each cadre owns their own ledgers `records/ledgers/*/<cadre>.yaml`, and their unit's
  reviewers (records/units.yaml `reviewers`) are the ledgers' required reviewers; of a unit that
  had ended by `--today` (its `until`), those of the unit that took it over, else the administrators
  (ownership.roles_of), so the file is to be written again the day after a unit's `until`.
  A cadre or unit with no Git account leaves the ledgers to the administrators, and so does a unit
  whose only reviewer is the cadre, for the cadre's own ledgers (Roles.approvers: no Git host lets
  an author approve their own pull request).

The last matching pattern wins on GitHub, GitLab and Gitea/Forgejo, so the catch-all
line comes first.  Output is deterministic (cadres sorted by id); `--check` exits 1 when
the committed file differs from what the records say (E-FLOW-001).  With `--base REV` (a pull
request's base commit) it exits 0 with W-FLOW-001 instead when the file is stale only because a
unit's `until` has passed since it was written (stale_by_date): the pull request did not make it
stale, and its author is not to be blocked for it; the ownership check (base's roles, on the day)
already refuses the former reviewers, so only whom the Git host asks to review lags.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from generator.argwords import say
from generator import cli
from generator import findings as F
from generator.model import RecordSet
from generator.ownership import Roles, repo_root, roles_at, roles_of

HEADER = """\
# 由 `python -m generator codeowners` 根据记录生成，请勿手工修改。
# Generated from the records by `python -m generator codeowners`; do not edit by hand.
# 管理员（records/policy.yaml）负责全部文件；每位干部负责自己的台账，由本单位审核人（records/units.yaml）审核，干部是本单位唯一的审核人或单位没有审核人时由管理员审核。
# Administrators own every file; each cadre owns their ledgers, approved by their unit's reviewers, or by the administrators when the cadre is the unit's only reviewer or it has none.
"""
MSG = {
    "written": {"zh": "已写入 {path}（{n} 位干部的台账）", "en": "wrote {path} ({n|cadre's ledgers|cadres' ledgers})"},
    "fresh": {"zh": "CODEOWNERS 与记录一致", "en": "CODEOWNERS matches the records"},
    "errors": {"zh": "记录有错误，请先运行 python -m generator validate 并改正",
               "en": "the records have errors; run python -m generator validate and fix them first"},
}


def _at(account: str) -> str:
    return "@" + account


def render(rs: RecordSet, today: dt.date, records_rel: str = "records") -> str:
    return render_roles(roles_of(rs, today), records_rel)


def render_roles(roles: Roles, records_rel: str = "records") -> str:
    admins = " ".join(_at(a) for a in roles.admin_accounts)
    prefix = "/" + records_rel.strip("/") if records_rel.strip("/.") else ""
    lines = [HEADER, "# 管理员：组织数据、备案、更正、记录格式、程序与工作流", f"* {admins}",
             f"{prefix}/ {admins}", "/schemas/ " + admins, "/generator/ " + admins, "/.github/ " + admins,
             "/CODEOWNERS " + admins, "", "# 干部的台账：干部本人 + 本单位审核人（本人是唯一的审核人时：管理员）"]
    for cadre in sorted(roles.cadre_git):
        if not roles.cadre_git[cadre] and not roles.reviewers.get(roles.cadre_unit.get(cadre)):
            continue  # covered by the administrators' lines above
        owners = [roles.cadre_git[cadre]] if roles.cadre_git[cadre] else []
        for approver in roles.approvers(cadre):  # (a sole reviewer's own: the administrators)
            if approver.lower() not in {o.lower() for o in owners}:
                owners.append(approver)
        lines.append(f"{prefix}/ledgers/*/{cadre}.yaml " + " ".join(_at(o) for o in owners))
    return "\n".join(lines) + "\n"


def nobody_to_approve(rs: RecordSet, roles: Roles) -> list:
    """W-FLOW-002 for each cadre whose ledgers only they themselves are to approve (Roles.approves_alone:
    the unit's sole reviewer, or of a unit with none, and the only administrator): at the reviewers
    of the unit answering for them in units.yaml, else at the administrators in policy.yaml; its data
    names the cadre and that unit (remind tells the administrators)."""
    out = []
    for cadre in sorted(roles.cadre_git):
        if not roles.approves_alone(cadre):
            continue
        uid = roles.cadre_unit.get(cadre)
        now = roles.ended[uid][2] if uid in roles.ended else uid  # (who reviews for an ended unit)
        unit = rs.units.get(now) if now else None
        name = roles.unit_names.get(uid, uid or "")
        units = f"{F.records_shown()}/units.yaml"  # (the folder given, as the hint's {records}/policy.yaml names it)
        first = (f"在 {units} 中为“{roles.unit_names.get(now, name)}”再登记一位审核人（reviewers）",
                 f"Add a second reviewer to '{roles.unit_names.get(now, name)}' (reviewers in {units})")
        if uid in roles.ended and now is None:  # (the administrators review for it: a reviewer added to it does nothing)
            until = roles.ended[uid][0]
            at, role_zh, role_en = rs.policy, f"“{name}”的干部（该单位已于 {until} 合并或撤销、接替的单位未登记，由管理员审核）", \
                f"a cadre of '{name}' (which ended on {until} with no unit recorded as taking it over: the administrators review)"
            first = (f"把 {cadre} 改到接替“{name}”的单位（见 check 的 W-CHK-014）",
                     f"Move {cadre} to the unit that took over '{name}' (see W-CHK-014 of check)")
        elif unit is not None and roles.reviewers.get(now):
            shown = roles.unit_names.get(now, now)
            at, role_zh, role_en = unit, f"“{shown}”唯一的审核人", f"the only reviewer of '{shown}'"
        else:  # (no reviewers: the cadre's unit, or the one that took it over)
            shown = roles.unit_names.get(now, name)
            at, role_zh, role_en = rs.policy, f"“{shown}”的干部（该单位没有审核人）", f"a cadre of '{shown}' (which has no reviewers)"
        if at is None:
            continue
        key = "reviewers" if at is unit else "administrators"
        out.append(F.make("W-FLOW-002", at.file, at.key_pos(key) if key in at.data else at.pos(), cadre=cadre,
                          account=roles.cadre_git[cadre], first_zh=first[0], first_en=first[1],
                          role_zh=role_zh, role_en=role_en,
                          data={"cadre": cadre, "unit": now or uid, "ended": uid in roles.ended and now is None}))
    return out


def first_difference(expected: str, actual: str) -> tuple[int, str, str]:
    exp, act = expected.splitlines(), actual.splitlines()
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else ""
        a = act[i] if i < len(act) else ""
        if e != a:
            return i + 1, e, a
    return 0, "", ""


def ended_since(rs: RecordSet, today: dt.date, actual: str, records_rel: str) -> list[str]:
    """The units that ended after the committed file was written, when it is stale only because a day
    passed: it is what the same records give on the last day of a unit that has ended by `today`
    (the latest such day); [] when it is not."""
    ends = sorted({u.date("until") for u in rs.units.values() if rs.ended(u, today)}, reverse=True)
    for day in ends:
        if render(rs, day, records_rel) == actual:
            return sorted(uid for uid, u in rs.units.items() if rs.ended(u, today) and u.date("until") >= day)
    return []


def stale_by_date(rs: RecordSet, today: dt.date, actual: str, expected: str, root: Path, base: str,
                  records_rel: str) -> list[str]:
    """In a pull request (`base`): the ended units when CODEOWNERS is stale only because a unit's
    `until` has passed, not because of the pull request's changes: the base commit's records give
    the same file for `today` as the pull request's, and the committed file is what the pull request's
    records give on the last day of a unit that has ended since.  [] when the pull request itself makes it stale (then it is an error)."""
    units = ended_since(rs, today, actual, records_rel)
    if not units:
        return []
    roles = roles_at(root, base, records_rel, today)
    return units if roles is not None and render_roles(roles, records_rel) == expected else []


def where(records: Path, root: str | None = None) -> tuple[Path, str]:
    """(the repository root, whose CODEOWNERS it is; the records folder relative to it)."""
    top = Path(root) if root else (repo_root(records) or Path("."))
    try:
        return top, records.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return top, "records"


def stale(rs: RecordSet, records: Path, today: dt.date) -> list[str] | None:
    """For the daily reminders: None when the committed CODEOWNERS is what the records give `today`;
    else the units that ended since it was written (ended_since; [] when it is stale otherwise, or
    missing)."""
    root, records_rel = where(records)
    target = root / "CODEOWNERS"
    actual = target.read_text(encoding="utf-8", errors="replace") if target.is_file() else ""
    return None if actual == render(rs, today, records_rel) else ended_since(rs, today, actual, records_rel)


def cmd_codeowners(args) -> int:
    from generator.files import write_files
    from generator.pipeline import validate_records

    records = cli.records_dir(args)
    if records is None:
        return cli.EXIT_USAGE
    root, records_rel = where(records, args.root)
    rs, findings = validate_records(records, args.today)  # (--today: which periods are archived, as validate's)
    if F.has_errors(findings):
        sys.stderr.write(MSG["errors"][args.lang] + "\n")
        return cli.EXIT_FINDINGS
    today = args.today or cli.clock_today(rs)
    roles = roles_of(rs, today)
    text, alone = render_roles(roles, records_rel), nobody_to_approve(rs, roles)
    target = root / "CODEOWNERS"
    shown = "CODEOWNERS"
    if args.check:
        if not target.is_file():
            return cli.emit([F.make("E-FLOW-002", shown, None)] + alone, args)
        actual = target.read_text(encoding="utf-8", errors="replace")
        if actual == text:
            sys.stdout.write(MSG["fresh"][args.lang] + "\n")
            return cli.emit(alone, args) if alone else cli.EXIT_OK
        line, exp, act = first_difference(text, actual)
        units = stale_by_date(rs, today, actual, text, root, args.base, records_rel) \
            if args.base and not args.base.startswith("-") else []  # (an option to git: no base)
        if units:  # not the pull request's doing: the administrators are told, the author not blocked
            names = "、".join(f"{rs.units[u].get('name') or u}（{u}，存续至 {rs.units[u].date('until')}）" for u in units)
            names_en = ", ".join(f"{u} (until {rs.units[u].date('until')})" for u in units)
            return cli.emit([F.make("W-FLOW-001", shown, (line, 1), units=names, units_en=names_en)] + alone, args)
        return cli.emit([F.make("E-FLOW-001", shown, (line, 1), line=line, expected=exp or "（空）",
                                actual=act or "（空）", expected_en=exp or "(nothing)", actual_en=act or "(nothing)")]
                        + alone, args)
    if not target.is_file() or target.read_text(encoding="utf-8", errors="replace") != text:
        write_files({target: text.encode("utf-8")})
    sys.stdout.write(F.counted(MSG["written"][args.lang], path=target, n=len(rs.cadres)) + "\n")
    return cli.emit(alone, args) if alone else cli.EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("codeowners", help=say("根据记录生成 CODEOWNERS", "write CODEOWNERS from the records"))
    cli.common(p)
    p.add_argument("--check", action="store_true", help=say("只检查，不写入；过期时退出码 1", "check only, write nothing; exit status 1 when out of date"))
    cli.add_today(p, "以哪一天为“今天”（已撤销的单位不再审核）", "as-of date (a unit ended by then reviews no more)")
    p.add_argument("--base", help=say("拉取请求的基准提交：只因单位撤销日已过而过期时只警告、退出码 0",
                             "pull request base: out of date only because a unit's until passed is a warning, exit status 0"))
    p.add_argument("--root", help=say("仓库根目录，默认为记录所在的 Git 仓库",
                                              "repository root, default the Git repository of the records"))
    p.set_defaults(func=cmd_codeowners)
