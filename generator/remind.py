"""Reminders (R6, R2): the body of the reminder issue the scheduled workflow opens.

    python -m generator remind --period 2026-H1 [--today D]      # Markdown body on stdout
        exit 0: every required ledger is in (the workflow closes the issue)
        exit 1: someone's ledger is missing (the workflow opens or updates the issue)
    python -m generator remind --period P --body-file body.md     # body into the file;
        stdout gets `missing=N`, `title=…` and `marker=…` lines for $GITHUB_OUTPUT; exit 0
        (marker: the comment the body begins with, by which the workflow finds the issue)
    python -m generator remind --periods '["2026-H1","2026-H2"]' --body-file 'reminder-{period}.md'
        # (GitLab's job: `periods=` of --due-window) a body for each period, its outputs in reminder-P.env
    python -m generator remind --coverage [--today D]             # uncovered freshman classes
    python -m generator remind --due-window [--today D]           # is today a reminder day?
        stdout: `send=true|false`, `reason=daily|weekly|none`, `periods=[…]` (JSON) and `today=D` (the day
        judged: --today, else the clock in the policy's time zone) for $GITHUB_OUTPUT or a GitLab dotenv
        report; the workflows' later jobs take that day as --today, so that a run across midnight is one day
    python -m generator remind --due-window --open-issues issues.json   # the open reminder issues (gh's
        `issue list --json body`, glab's `--output json`): their periods are listed too, until closed

Missing = required to file (the policy checks' `data["ledgers"]`: the ledger owed as check says —
none in a period nobody owes; without them, the same rule worked out without Git: deadlines.owed_rows) and
no ledger file, exemptions excepted; a ledger on the branch with validate errors (a direct push) is
listed apart and counted in `missing=` too, until it is fixed (with_errors); so is an owed ledger handed in
that records no activity once its deadline has passed (check's W-CHK-017), until it is filled in.  Cadres are grouped by unit; each is @-mentioned with their
Git account, and so are their unit's reviewers (of a unit that has ended: those of the unit that
took it over, else the administrators).

When the committed CODEOWNERS is not what the records give today (a unit's `until` has passed), the
bodies (of an open ledger reminder, and the coverage one) say so to the administrators: what to run.

Reminder days: daily from `window_days` before a due date up to the due date, otherwise once a
week on `weekday` (1 = Monday).  Both are policy data: policy.yaml `reminders`.  A period archived is
not listed; one not archived is listed for a year from its due date, then while a ledger of it is missing
(due_window, _settled: the check is run then); either is listed while its reminder issue is open
(--open-issues: reminders.yml gives the open issues), so that `remind --period` closes it — a period the policy
no longer has (renamed, taken out) too, listed last: with --body-file its body says so, missing=0 (_gone_body).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from generator.argwords import say
from generator import cli
from generator import findings as F
from generator.archive import archived_by, archived_periods, repo_of
from generator.model import RecordSet
from generator.ownership import roles_of

MSG = {
    "bad_period": {"zh": "“{value}”不是政策规定的填报期间（如 2026-H1）",
                   "en": "'{value}' is not a ledger period of the policy (e.g. 2026-H1)"},
    "need": {"zh": "请指定 --period、--coverage 或 --due-window 之一",
             "en": "give one of --period, --coverage or --due-window"},
    "open_issues": {"zh": "读不出打开的提醒议题 {path}：{why}（须是 gh issue list --json body 给出的 JSON 列表）",
                    "en": "cannot read the open reminder issues {path}: {why} (the JSON list of gh issue list --json body)"},
    # ---- why (_unread_issues: in --lang, not Python's English)
    "no_file": {"zh": "文件不存在", "en": "no such file"},
    "a_folder": {"zh": "这是一个文件夹，不是文件", "en": "it is a folder, not a file"},
    "no_access": {"zh": "没有读取这个文件的权限", "en": "not allowed to read it"},
    "os_error": {"zh": "无法读取（错误号 {errno}）", "en": "cannot read it (error {errno})"},
    "not_utf8": {"zh": "不是 UTF-8 编码的文本", "en": "it is not UTF-8 text"},
    "not_json": {"zh": "第 {line} 行第 {col} 列起不是 JSON", "en": "not JSON from line {line} column {col}"},
    "not_list": {"zh": "不是列表", "en": "not a list"},
    "open_alone": {"zh": "--open-issues 须与 --due-window 同用（它决定列出哪些期间）",
                   "en": "--open-issues goes with --due-window (it decides which periods are listed)"},
    "gone_period": {"zh": "“{value}”不是政策现在的填报期间（改了名或删去了？）：正文说它不再提醒，missing=0，提醒议题随之关闭",
                    "en": "'{value}' is no longer a ledger period of the policy (renamed or taken out?): the body says it "
                          "is not reminded of, missing=0, and its reminder issue is closed"},
    "body_files": {"zh": "--periods 须与 --body-file 同用，文件名中写 {period}（如 reminder-ledgers-{period}.md）",
                   "en": "--periods needs --body-file with {period} in it (e.g. reminder-ledgers-{period}.md)"},
    # ---- a cadre's line in a ledger reminder (_cadre_line, _own_approvers), in --lang
    "cadre": {"zh": "- {name}{pos}{mention}：`{path}`", "en": "- {name}{pos}{mention}: `{path}`"},
    "position": {"zh": "（{pos}）", "en": " ({pos})"},
    "no_account": {"zh": "（未登记 Git 账号，请{relay}转告）", "en": " (no Git account recorded: {relay}, please tell them)"},
    "reviewers": {"zh": "审核人", "en": "reviewers"},
    "admins": {"zh": "管理员", "en": "administrators"},
    "unreadable": {"zh": "（文件已存在，但有错误、无法读取：请运行 `python -m generator validate` 查看错误的位置和改法）",
                   "en": " (the file is there but has errors and cannot be read: run `python -m generator validate` "
                         "to see where they are and how to fix them)"},
    "has_errors": {"zh": " 有错误", "en": " has errors"},
    "empty": {"zh": " 没有记录活动", "en": " records no activity"},
    "own_unit": {"zh": "本单位", "en": "their unit"},
    "successor": {"zh": "接替的单位“{name}”", "en": "the unit that took over ({name})"},
    "alone_ended": {"zh": "（本单位已合并或撤销、接替的单位未登记，由管理员审核，本人又是唯一的管理员，本人的台账没有别人能审核："
                          "请把本人改到接替的单位（见 check 的 W-CHK-014）或再登记一位管理员，见 codeowners 的 W-FLOW-002）",
                    "en": " (their unit has ended with no unit recorded as taking it over, so the administrators review "
                          "it, and they are the only administrator: nobody else may approve their ledger; move them to "
                          "the unit that took over (W-CHK-014 of check) or add an administrator; see W-FLOW-002 of "
                          "codeowners)"},
    "alone_reviewer": {"zh": "（本人是{unit}唯一的审核人，也是唯一的管理员，本人的台账没有别人能审核：请再登记一位审核人或管理员，"
                             "见 codeowners 的 W-FLOW-002）",
                       "en": " (the only reviewer of {unit} and the only administrator: nobody else may approve their "
                             "ledger; add a reviewer or an administrator; see W-FLOW-002 of codeowners)"},
    "alone_unreviewed": {"zh": "（{unit}没有审核人，本人又是唯一的管理员，本人的台账没有别人能审核：请再登记一位审核人或管理员，"
                               "见 codeowners 的 W-FLOW-002）",
                         "en": " ({unit} has no reviewers and they are the only administrator: nobody else may approve "
                               "their ledger; add a reviewer or an administrator; see W-FLOW-002 of codeowners)"},
    "to_admins": {"zh": "（本人是{unit}唯一的审核人，本人的台账由管理员 {admins} 审核）",
                  "en": " (the only reviewer of {unit}: their ledger is approved by the administrators {admins})"},
}
MARK = "<!-- contact-ledger:{kind}:{key} -->"
# A period of an open reminder issue that the policy no longer has (renamed, taken out) is listed and closed only
# when its id is one a period could have had: a year and a word (no path, no quote: it names a body file on GitLab)
GONE_ID = re.compile(r"[0-9]{4}-[A-Za-z0-9]{1,8}")


def _check_data(rs: RecordSet, today: dt.date) -> tuple[dict | None, frozenset, frozenset]:
    """(the check's data, the ledgers handed in after `today`: check.submitted_later, from the history the
    checks read, the (period, cadre) of each owed ledger handed in with no activity after its deadline:
    check's W-CHK-017); (None, nothing, nothing) when the check could not run: then every file counts."""
    try:
        from generator.check import run_checks

        result = run_checks(rs, today, repo=repo_of(rs.root))
        empty = frozenset((f.data["period"], f.data["cadre"]) for f in result.findings if f.code == "W-CHK-017")
        return result.data, result.later, empty
    except Exception:  # noqa: BLE001 - the check stage is another engineer's; fall back
        return None, frozenset(), frozenset()


def missing_cadres(rs: RecordSet, period_id: str, today: dt.date, data: dict | None = None,
                   later: frozenset = frozenset()) -> list[str]:
    """Cadres required to file for `period_id` whose ledger file is not in the records, or came after
    `today` (`later`: paths below the records, check.submitted_later; a past --today replays that day,
    as check and the site do): the check's rows (the ledger is owed as check says,
    SemesterContacts.owes: a period nobody owes has no row and reminds nobody); when the check could
    not run, the same rule without Git (deadlines.owed_rows)."""
    from generator.check.deadlines import owed_rows

    filed = {c for (p, c), led in rs.ledgers.items() if p == period_id and led.doc.rel not in later}
    rows = data["ledgers"] if data is not None and data.get("ledgers") is not None else owed_rows(rs, today)
    return sorted({r["cadre"] for r in rows if r.get("period") == period_id and r["cadre"] not in filed
                   and r.get("status") != "exempt" and not r.get("exists")})  # (a file in Git that cannot be read:
    # handed in with errors, as check's row says, not missing)


def _n(count: int, one: str, more: str) -> str:
    return f"{count} {one if count == 1 else more}"


def _at(account: str | None) -> str:
    return f"@{account}" if account else ""


def _in_file_order(rs: RecordSet, units) -> list[str]:
    """`units` in the order of records/units.yaml (the university's own), any unknown last."""
    order = {uid: i for i, uid in enumerate(rs.units)}
    return sorted(units, key=lambda u: (order.get(u, len(order)), u or ""))


def _unit_head(rs: RecordSet, uid: str, today: dt.date, label: str = "", none: str = "") -> tuple[str, str]:
    """(the unit's name, what its section's heading says in brackets: its reviewers after `label`, or
    `none` when it has none).  A unit that had ended by `today` (merged or dissolved: its `until`)
    reviews no more: the unit that took it over (RecordSet.successor) and its reviewers are named,
    else the administrators, who move its cadres and classes (W-CHK-014)."""
    unit = rs.units.get(uid)
    head = unit.get("name", uid) if unit else (uid or "未知单位")
    now = rs.successor(uid, today)
    if now is None:
        return head, f"已于 {unit.date('until')} 合并或撤销，接替的单位未登记；请管理员 {_admins(rs, '、')} 处理"
    names = "、".join(_at(r) for r in (rs.units[now].get("reviewers") or []) if isinstance(r, str)) if now in rs.units else ""
    note = f"已于 {unit.date('until')} 合并或撤销，由“{rs.units[now].get('name', now)}”接替" if now != uid else ""
    return head, "；".join(filter(None, [note, f"{label}{names}" if names else none]))


def _own_approvers(roles, cadre: str, lang: str = "zh") -> str:
    """What a cadre's line adds when the unit's reviewers, in its heading, are not who approves the
    cadre's ledger: its only reviewer is the cadre (CODEOWNERS gives it to the administrators), or
    the cadre is the only administrator too, and nobody else may approve it (W-FLOW-002).  Of a unit
    that has ended, the reviewers are the successor's (named), else the administrators'
    (Roles.ended): the cadre is to be moved to the unit that took over (W-CHK-014)."""
    uid = roles.cadre_unit.get(cadre)
    reviewers = roles.reviewers.get(uid, [])
    approvers = roles.approvers(cadre)
    ended = roles.ended.get(uid)
    now = ended[2] if ended else uid
    unit = MSG["successor"][lang].format(name=roles.unit_names.get(now, now)) if now != uid else MSG["own_unit"][lang]
    if roles.approves_alone(cadre):  # (W-FLOW-002: the only administrator too)
        if ended and now is None:
            return MSG["alone_ended"][lang]
        return MSG["alone_reviewer" if reviewers else "alone_unreviewed"][lang].format(unit=unit)
    if not reviewers or {a.lower() for a in approvers} <= {r.lower() for r in reviewers}:
        return ""
    return MSG["to_admins"][lang].format(unit=unit, admins=("、" if lang == "zh" else ", ").join(map(_at, approvers)))


def owed(data: dict | None, period_id: str) -> tuple[int, int] | None:
    """(cadres who owe `period_id` its ledger, of whom exempt and not filed) by the check's rows; None
    when the check could not run."""
    if data is None or data.get("ledgers") is None:
        return None
    rows = [r for r in data["ledgers"] if r.get("period") == period_id and r.get("required", True)]
    return len(rows), sum(1 for r in rows if r.get("status") == "exempt" and not r.get("exists"))


def _none_missing(rs: RecordSet, period, today: dt.date, counts: tuple[int, int] | None) -> list[str]:
    """The body's lines when nobody's ledger is missing: all handed in, or nobody owed any (a period
    not yet begun; nobody held a contact point contacts.min_days_held days of it: the number in force
    when it began, as check judged it)."""
    close = "本提醒可以关闭。"
    if period.start > today:
        return [f"截至 {today}，{period.name}（{period.start} 至 {period.end}）尚未开始，还没有要提交的工作台账。", "",
                f"{period.id} has not begun as of {today}: no ledger is owed yet."]
    if counts is not None and counts[0] == 0:
        from generator.check.context import as_int

        least = as_int(rs.in_force(period.start, "contacts", "min_days_held"), 1)  # (as check judged it)
        return [f"截至 {today}，{period.name}（{period.start} 至 {period.end}）没有须提交本期工作台账的干部："
                f"没有干部在本期持有联系点满 {least} 天（政策 `contacts.min_days_held`）。{close}", "",
                f"As of {today} nobody owed a {period.id} ledger: no cadre held a contact point for {least} days "
                "of it (policy contacts.min_days_held); this reminder can be closed."]
    exempt = counts[1] if counts else 0
    filed = f"须提交的 {counts[0] - exempt} 份" if counts else ""
    note = f"（另有 {exempt} 位干部经批准免交）" if exempt else ""
    note_en = f" ({exempt} exempt)" if exempt else ""
    return [f"截至 {today}，{period.name}{filed}工作台账已全部提交{note}，{close}", "",
            f"All {period.id} ledgers owed are in as of {today}{note_en}; this reminder can be closed."]


def _admins(rs: RecordSet, sep: str = " ") -> str:
    return sep.join(_at(a.get("git")) for a in rs.setting("administrators", default=[]) or []
                    if isinstance(a, dict) and a.get("git"))


def codeowners_note(rs: RecordSet, today: dt.date) -> list[str]:
    """Lines for the administrators when the committed CODEOWNERS is not what the records give today
    (a unit's until has passed since it was written, or it is missing or out of date): the daily
    check fails in the run logs, which they do not read; the reminder issues they do.  [] when fresh."""
    from generator.codeowners import stale, where

    units = stale(rs, rs.root, today)
    if units is None:
        return []
    again = "重新生成"
    if not (where(rs.root)[0] / "CODEOWNERS").is_file():
        why, why_en = "仓库根目录没有 CODEOWNERS 文件，代码托管平台不会请审核人审核台账", "there is no CODEOWNERS file"
        again = "生成"
    elif units:
        names = "、".join(f"{rs.units[u].get('name') or u}（{u}，存续至 {rs.units[u].date('until')}）" for u in units)
        why = (f"CODEOWNERS 已过期——{names}已撤销，其干部的台账应改由接替单位的审核人（无则管理员）审核，"
               "代码托管平台却仍请原审核人审核")
        why_en = "CODEOWNERS is stale: " + ", ".join(f"{u} (until {rs.units[u].date('until')})" for u in units) + " ended"
    else:
        why, why_en = "CODEOWNERS 与记录不一致，代码托管平台请的审核人与记录不符", "CODEOWNERS is stale (it differs from the records)"
    return [f"> **请管理员注意** {_admins(rs)}：{why}。请运行 `python -m generator codeowners` {again}，"
            "并把 `CODEOWNERS` 提交到主分支；在此之前，每天的定时检查“CODEOWNERS 是否过期”都会失败。", "",
            f"> {why_en}; administrators, run `python -m generator codeowners` and commit CODEOWNERS "
            "(the daily check fails until then).", ""]


def approval_note(rs: RecordSet, today: dt.date, records_rel: str) -> list[str]:
    """Lines for the administrators naming the units where nobody but a cadre may approve the cadre's
    own ledgers (W-FLOW-002, codeowners.nobody_to_approve): the cadre's own line says so only while
    they owe a ledger.  [] when there are none."""
    from generator.codeowners import nobody_to_approve

    alone = [f.data for f in nobody_to_approve(rs, roles_of(rs, today))]
    if not alone:
        return []

    def who(d: dict) -> tuple[str, str]:
        unit = rs.units.get(d["unit"])
        name = unit.get("name", d["unit"]) if unit else (d["unit"] or "")
        cadre = rs.cadres[d["cadre"]]
        return f"“{name}”的{cadre.get('name', d['cadre'])} {_at(cadre.get('git'))} ", f"{d['cadre']} ({name})"
    names = [who(d) for d in alone]
    ended = any(d.get("ended") for d in alone)  # (a unit ended with no successor: the administrators review it)
    return [f"> **请管理员注意** {_admins(rs)}：{'、'.join(n[0] for n in names)}的台账没有别人能审核（W-FLOW-002）——"
            "其本人是所在单位唯一的审核人（或所在单位没有审核人" + ("，或已合并或撤销、接替的单位未登记" if ended else "")
            + "），又是唯一的管理员，代码托管平台不让作者审核自己的拉取请求，"
            f"这些台账无法合并。请在 `{records_rel}/units.yaml` 中为该单位再登记一位审核人（reviewers）"
            + ("（单位已撤销的，为它登记审核人没有用：把干部改到接替的单位，见 check 的 W-CHK-014）" if ended else "")
            + f"，或在 `{records_rel}/policy.yaml` 的 administrators 中再登记一位管理员，然后运行 `python -m generator codeowners` "
            "并把 `CODEOWNERS` 提交到主分支。", "",
            f"> Nobody else may approve the ledgers of {', '.join(n[1] for n in names)} (W-FLOW-002): each is their "
            "unit's only reviewer (or it has none" + (", or it ended with no unit recorded as taking it over" if ended else "")
            + ") and the only administrator. Administrators, add a second reviewer "
            f"(reviewers in {records_rel}/units.yaml)" + (" — for a unit that has ended, move the cadre to the unit that "
                                                          "took over instead (W-CHK-014 of check) —" if ended else "")
            + f" or a second administrator (administrators in "
            f"{records_rel}/policy.yaml), then run `python -m generator codeowners` and commit CODEOWNERS.", ""]


def site_url(repo: Path) -> str | None:
    """The site's address as its build has it (`repo`'s mkdocs.yml site_url, its !ENV read as mkdocs
    reads it: CONTACT_LEDGER_SITE_URL, which the CI files set), ending in "/"; None when it has none."""
    import yaml
    from yaml_env_tag import construct_env_tag

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", construct_env_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)  # (the theme's emoji functions)
    try:
        conf = yaml.load((repo / "mkdocs.yml").read_bytes(), Loader=Loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError):
        return None
    url = conf.get("site_url") if isinstance(conf, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None  # (none; or "/", a CI variable that was empty)
    return url if url.endswith("/") else url + "/"


def _cadre_line(rs: RecordSet, cadre: str, path: str, relay: str, lang: str = "zh") -> str:
    """A cadre's line: name, position, @-mention (else whom to ask to tell them: `relay`, reviewers or
    admins), the file."""
    item = rs.cadres.get(cadre)
    name = item.get("name", cadre) if item else cadre
    pos = item.get("position", "") if item else ""
    account = item.get("git") if item else None
    mention = f" {_at(account)}" if account else MSG["no_account"][lang].format(relay=MSG[relay][lang])
    return MSG["cadre"][lang].format(name=name, pos=MSG["position"][lang].format(pos=pos) if pos else "",
                                     mention=mention, path=path)


def with_errors(rs: RecordSet, period_id: str, later: frozenset = frozenset()) -> list[str]:
    """Cadres whose ledger file of `period_id` is on the branch but has errors, of any stage
    (RecordSet.has_errors): a pull request's checks keep such a file off the main branch; a direct push
    does not.  One that could be read counts as handed in but not accepted (as check and the site say);
    one that could not, too, once it is in Git (check's row: missing_cadres), else as missing."""
    return sorted(d.stem for d in rs.docs if d.kind == "ledger" and d.folder == period_id and d.rel not in later
                  and rs.has_errors(d.rel))


def ledger_body(rs: RecordSet, period_id: str, today: dt.date, missing: list[str], records_rel: str,
                archived: bool = False, owed: tuple[int, int] | None = None, note: list[str] = (),
                site: str | None = None, broken: list[str] = (), lang: str = "zh",
                empty: list[str] = ()) -> tuple[str, str]:
    """(title, Markdown body) of the reminder issue for one period; `owed`: see owed(); `note`: for the
    administrators (codeowners_note), while the issue is open; `site`: the site's address (site_url),
    whose web form (admin/) the body links; `broken`: the cadres whose ledger file has errors
    (with_errors): one handed in is named apart until it is fixed, one missing is said to be there;
    `lang`: of the cadres' lines (the rest is Chinese, with an English summary); `empty`: the cadres whose
    ledger, handed in, records no activity after the deadline (check's W-CHK-017), named apart until filled in."""
    period = rs.period(period_id)
    title = f"工作台账提醒 {period_id}（{period.name}）"
    from generator.check.deadlines import grace_words, last_on_time

    deadline = last_on_time(rs, period)  # (on time up to it, as in check)
    days = (deadline - today).days
    when = f"还有 {days} 天" if days > 0 else ("今天截止" if days == 0 else f"已逾期 {-days} 天")
    grace, grace_en = grace_words(period.due, deadline, mark="**")  # (as check's W-CHK-005, -006 and -017 say it)
    lines = [MARK.format(kind="ledger-reminder", key=period_id), f"# {title}", ""]
    if archived:
        lines += [f"{period.name}的工作台账已经备案（`{records_rel}/archive/{period_id}/`），不再提醒，本提醒可以关闭。",
                  "", f"The {period_id} ledgers are archived; this reminder can be closed."]
        return title, "\n".join(lines) + "\n"
    filed = [c for c in broken if c not in missing]  # (those that could not be read and are not in Git are missing)
    if not missing and not filed and not empty:
        return title, "\n".join(lines + _none_missing(rs, period, today, owed)) + "\n"
    but = "、".join(filter(None, [f"**{len(filed)}** 份有错误" if filed else "",
                                  f"**{len(empty)}** 份没有记录任何联系学生的活动" if empty else ""]))
    lines += [f"截止日期：**{period.due}**{grace}（{when}）。截至 {today}，" + (
        f"以下 **{len(missing)}** 位干部尚未提交本期工作台账。" if missing else
        f"须提交的本期工作台账都已提交，但有{but}（见下）。"), ""]
    if missing:
        lines += [f"请在 `{records_rel}/ledgers/{period_id}/` 下提交以自己编号命名的台账文件，或使用网站上的"
                  f"{f'[台账表单]({site}admin/)' if site else '台账表单'}；"
                  "提交后由本单位审核人审核：台账合并进 main 才算提交，等待审核的拉取请求中的台账仍列在下面，"
                  "请本单位审核人及时批准、合并（是否按时，按合并的时间判断）。全部提交后本提醒自动关闭。", ""]
    by_unit: dict = defaultdict(list)
    for cadre in missing:
        item = rs.cadres.get(cadre)
        by_unit[item.get("unit") if item else ""].append(cadre)
    roles = roles_of(rs, today)
    for uid in _in_file_order(rs, by_unit):
        # (no reviewers: CODEOWNERS leaves the unit's ledgers to the administrators, who are asked here)
        head, who = _unit_head(rs, uid, today, "审核人：", f"审核人未登记，由管理员 {_admins(rs, '、')} 审核")
        relay = "reviewers" if "审核人：@" in who else "admins"
        lines += [f"## {head}（{who}）", ""]
        lines += [_cadre_line(rs, cadre, f"{records_rel}/ledgers/{period_id}/{cadre}.yaml", relay, lang)
                  + (MSG["unreadable"][lang] if cadre in broken else "") + _own_approvers(roles, cadre, lang)
                  for cadre in by_unit[uid]]
        lines.append("")
    if filed:
        lines += ["## 已提交但有错误的台账", "", "以下台账已在主分支上，但有错误（没有经过拉取请求的检查）：请本人运行 "
                  "`python -m generator validate` 查看错误的位置和改法，改正后提交。改正之前本提醒不会关闭。", ""]
        lines += [_cadre_line(rs, cadre, f"{records_rel}/ledgers/{period_id}/{cadre}.yaml", "admins", lang)
                  + MSG["has_errors"][lang] for cadre in filed] + [""]
    if empty:
        lines += ["## 已提交但没有记录活动的台账", "", "以下台账已提交，截止日期已过，却没有记录任何联系学生的活动"
                  "（`activities: []`，check 的 W-CHK-017）：请本人在 `activities` 中补记本期的每一次活动后提交；"
                  "本期因病假、挂职等原因没有联系学生的，请管理员登记豁免（semester_contacts）。补记之前本提醒不会关闭。", ""]
        lines += [_cadre_line(rs, cadre, f"{records_rel}/ledgers/{period_id}/{cadre}.yaml", "admins", lang)
                  + MSG["empty"][lang] for cadre in empty] + [""]
    gone = f"{_n(len(missing), 'cadre has', 'cadres have')} not filed their {period_id} ledger" if missing else ""
    bad = f"{_n(len(filed), 'ledger', 'ledgers')} of {period_id} {'is' if len(filed) == 1 else 'are'} in with errors" \
        if filed else ""
    none = f"{_n(len(empty), 'ledger', 'ledgers')} of {period_id} record{'s' if len(empty) == 1 else ''} no activity" \
        if empty else ""
    lines += [*note, "---", "", f"English: {'; '.join(filter(None, [gone, bad, none]))} "
              f"(due {period.due}{grace_en}, as of {today}){f'; web form: {site}admin/' if site else ''}. "
              + ("Run python -m generator validate to see the errors. " if broken else "")
              + "This issue is updated by the scheduled workflow and closed when all are in."]
    return title, "\n".join(lines) + "\n"


def uncovered_classes(rs: RecordSet, today: dt.date, data: dict | None = None) -> tuple[str, list[dict] | None]:
    """(academic year, [{class, name, unit}]) of freshman classes with no cadre on `today`; (the year
    the calendar lacks, None) when `today` is after its last year: its classes cannot be checked."""
    for year in (data or {}).get("coverage") or []:
        if year.get("start", "") <= today.isoformat() <= year.get("end", ""):
            return year.get("academic_year", ""), [c for c in year.get("classes") or [] if not c.get("covered")]
    for year in rs.academic_years():
        if year.start <= today <= year.end:
            out = []
            for cid, item in sorted(rs.classes.items()):
                if rs.class_cohort.get(cid) != year.first_year or rs.ended(item, today):
                    continue
                covered = False
                for row in rs.assignments:
                    start, end = rs.assignment_span(row)
                    if row.get("class") == cid and start and start <= today and (end is None or end >= today):
                        covered = True
                if not covered:
                    out.append({"class": cid, "name": item.get("name", cid), "unit": item.get("unit")})
            return year.id, out
    unlisted = rs.year_after_calendar(today)
    return (unlisted, None) if unlisted else ("", [])


def coverage_terms(rs: RecordSet, year: str) -> tuple[bool, int | None, dt.date | None]:
    """(whether the policy requires academic year `year`'s freshman classes covered, within how many
    days of its start, by which day: freshman_coverage.grace_days in force when it began, as in check)."""
    ay = next((y for y in rs.academic_years() if y.id == year), None)
    if ay is None:
        return True, None, None
    grace = rs.in_force(ay.start, "freshman_coverage", "grace_days")
    grace = grace if isinstance(grace, int) and not isinstance(grace, bool) and grace >= 0 else 0
    required = rs.in_force(ay.start, "freshman_coverage", "required") is not False
    return required, grace, ay.start + dt.timedelta(days=grace)


def coverage_body(rs: RecordSet, today: dt.date, year: str, classes: list[dict] | None,
                  note: list[str] = ()) -> tuple[str, str]:
    """(title, Markdown body) of the coverage reminder (the administrators'); `classes` None: the
    calendar lacks `year`; `note`: codeowners_note."""
    title = f"新生班级覆盖提醒 {year}".rstrip()
    admins = _admins(rs)
    lines = [MARK.format(kind="coverage-reminder", key=year), f"# {title}", "", *note]
    if classes is None:
        lines += [f"{admins} 校历（{F.records_shown()}/calendar.yaml）中没有 {today} 所在的学年，"
                  f"{year} 学年的大一新生班级是否都有联系干部无从检查。请在校历中加上 {year} 学年（`check` 报 W-CHK-011）。", "",
                  f"English: the calendar has no academic year for {today}; add {year} to {F.records_shown()}/calendar.yaml so that "
                  "its freshman classes are checked."]
        return title, "\n".join(lines) + "\n"
    if not classes:
        lines += [f"截至 {today}，{year} 学年的大一新生班级都已有联系干部，本提醒可以关闭。" if year else
                  f"截至 {today}，校历（{F.records_shown()}/calendar.yaml）中没有 {today} 所在的学年，没有要检查的新生班级，本提醒可以关闭。",
                  "", f"Every freshman class of {year} has a cadre as of {today}." if year else
                  f"The calendar has no academic year for {today}: no freshman class to check."]
        return title, "\n".join(lines) + "\n"
    required, grace, by = coverage_terms(rs, year)
    if not required:
        lines += [f"截至 {today}，{year} 学年以下 **{len(classes)}** 个大一新生班级还没有联系干部；政策不要求这一学年的新生班级全覆盖"
                  "（`freshman_coverage.required: false`），不提醒，仅供参考。", ""]
    else:
        days = (by - today).days if by else None
        when = "" if by is None else (f"，还有 {days} 天" if days > 0 else ("，今天到期" if days == 0 else f"，已超过 {-days} 天"))
        lines += [f"{admins} 截至 {today}，{year} 学年以下 **{len(classes)}** 个大一新生班级还没有联系干部。"
                  f"政策要求新生班级全覆盖{f'，期限为 **{by}**（学年开始后 {grace} 天{when}）' if by else ''}。"
                  f"请在当前工作安排表（{F.records_shown()}/assignments/）中为它们安排联系干部。", ""]
    by_unit: dict = defaultdict(list)
    for c in classes:
        by_unit[c.get("unit") or ""].append(c)
    for uid in _in_file_order(rs, by_unit):
        head, who = _unit_head(rs, uid, today)
        lines += [f"## {head}{'（' + who + '）' if who else ''}", ""]
        lines += [f"- {c.get('name', c.get('class'))}（`{c.get('class')}`）" for c in by_unit[uid]]
        lines.append("")
    lines += ["---", "", f"English: {_n(len(classes), 'freshman class', 'freshman classes')} of {year} {'has' if len(classes) == 1 else 'have'} no cadre as of {today}"
              + (f" (the policy wants them covered by {by})." if required and by else
                 " (the policy does not require it this year)." if not required else ".")]
    return title, "\n".join(lines) + "\n"


def reminder_days(rs: RecordSet) -> tuple[int, int]:
    """(window_days, weekday): the policy's reminders, 15 days and Monday (1) where it gives none (remind --due-window,
    the guide's 定时提醒)."""
    return int(rs.setting("reminders", "window_days", default=15)), int(rs.setting("reminders", "weekday", default=1))


def due_window(rs: RecordSet, today: dt.date, window_days: int, weekday: int, settled=None,
               open_issues: frozenset = frozenset()) -> dict:
    """Is today a reminder day, and for which periods (whose reminder window has begun: due within
    `window_days` from today or before)?  A period not archived by today stays in `periods` for a year
    from its due date, and after that while someone is missing: `settled` (of those periods: the ids of
    the ones with nothing missing, _settled) leaves the others.  An archived one has nothing to remind
    of and is not listed.  `open_issues` (the periods whose reminder issue is open, of --open-issues) are
    listed whatever the rest says, so that `remind --period` closes their issue (missing=0: nothing
    missing, or archived) or updates it; they make no day a daily reminder day."""
    from generator.check.deadlines import last_on_time

    archived = set(archived_by(rs, today))
    # (a period is reminded of from `window_days` before its due date on: before, a half-year just
    # begun would have every cadre @-mentioned weekly for months as not having filed)
    opens, year = dt.timedelta(days=window_days), dt.timedelta(days=366)
    first = min((c.date("start") for c in rs.cycles.values() if c.date("start")), default=today - year)
    # (not a period that ended before the first assignment cycle began: nobody held a contact point in it, and
    # a university that has just put its own records in was reminded daily of the half-years before them)
    due = [p for p in rs.periods_between(min(first, today - year), today) if p.start <= today and p.due - opens <= today
           and p.end >= first and p.id not in archived]
    old = [p for p in due if p.due < today - year]
    done = settled(old) if old and settled is not None else set()
    periods = [p for p in due if p.id not in done]
    listed = {p.id: p for p in periods + [rs.period(i) for i in open_issues if rs.period(i)]}
    # (an open issue of a period no longer in the policy, renamed or taken out: listed last, so that `remind
    # --period` writes the body that says so, missing=0, and the ledgers job closes it — else it stayed open)
    gone = sorted(i for i in open_issues if rs.period(i) is None and GONE_ID.fullmatch(i))
    # (daily up to the last day a ledger is on time: the due date plus the policy's grace days)
    daily = any(p.due - opens <= today <= last_on_time(rs, p) for p in periods)
    weekly = today.isoweekday() == weekday
    reason = "daily" if daily else ("weekly" if weekly else "none")
    return {"send": "true" if reason != "none" else "false", "reason": reason,
            "periods": json.dumps([p.id for p in sorted(listed.values(), key=lambda p: p.start)] + gone)}


def _settled(rs: RecordSet, today: dt.date, periods: list) -> set:
    """The ids of `periods` (not archived, due over a year ago) with nothing missing as `remind --period`
    counts it: nothing to remind of (an issue of theirs still open is listed: due_window's `open_issues`).
    The check's data is read only then (none: nothing settled, every period stays listed)."""
    data, later, empty = _check_data(rs, today)
    if data is None or data.get("ledgers") is None:
        return set()
    return {p.id for p in periods if not _behind(rs, p.id, today, data, later, empty)[3]}


def _records_rel(records: Path) -> str:
    repo = repo_of(records)
    try:
        return records.resolve().relative_to(repo).as_posix() if repo else records.as_posix()
    except ValueError:
        return records.as_posix()


def _periods(value: str | None) -> list | None:
    """The periods of `--periods` (the JSON list `periods=` of --due-window); None when it is not one."""
    try:
        periods = json.loads(value or "[]")
    except ValueError:
        return None
    return periods if isinstance(periods, list) else None


def open_issue_periods(path: str) -> frozenset:
    """The periods of the open ledger reminder issues in `path` (JSON: a list of issues, each with its
    `body`, or GitLab's `description`), by the marker each body begins with; an empty file (a gh that failed
    and said nothing) lists none: the day's reminders go on, an issue left open is closed another day.
    OSError, ValueError."""
    text = Path(path).read_text(encoding="utf-8")
    issues = json.loads(text) if text.strip() else []
    if not isinstance(issues, list):
        raise ValueError("not_list")
    head = MARK.format(kind="ledger-reminder", key="").removesuffix(" -->")
    bodies = (i.get("body") or i.get("description") for i in issues if isinstance(i, dict))
    return frozenset(b[len(head):].split(" -->", 1)[0] for b in bodies if isinstance(b, str) and b.startswith(head))


def _unread_issues(exc: Exception, lang: str) -> str:
    """Why open_issue_periods could not read its file, in `lang` (Python's own words are English)."""
    import errno

    if isinstance(exc, json.JSONDecodeError):
        return MSG["not_json"][lang].format(line=exc.lineno, col=exc.colno)
    if isinstance(exc, UnicodeDecodeError):
        return MSG["not_utf8"][lang]
    if isinstance(exc, OSError):
        known = {errno.ENOENT: "no_file", errno.EISDIR: "a_folder", errno.EACCES: "no_access", errno.EPERM: "no_access"}
        return MSG[known.get(exc.errno, "os_error")][lang].format(errno=exc.errno)
    return MSG["not_list"][lang]


def admin_note(rs: RecordSet, today: dt.date, root: Path) -> list[str]:
    """What the administrators are told in an open reminder: codeowners_note, approval_note."""
    return codeowners_note(rs, today) + approval_note(rs, today, _records_rel(root))


def _ledger_reminder(rs: RecordSet, period: str, today: dt.date, data: dict | None, later: frozenset,
                     root: Path, lang: str = "zh", empty: frozenset = frozenset()) -> tuple:
    """(title, body, missing, marker) of the ledger reminder of `period` (`later`, `empty`: of _check_data);
    missing counts the ledgers in with errors (with_errors) and those with no activity (W-CHK-017) too; of a period
    the policy no longer has, _gone_body (missing 0)."""
    if rs.period(period) is None:
        return (*_gone_body(period, _records_rel(root)), 0, MARK.format(kind="ledger-reminder", key=period))
    missing, broken, idle, count = _behind(rs, period, today, data, later, empty)
    archived = period in archived_periods(rs)
    title, body = ledger_body(rs, period, today, missing, _records_rel(root), archived,
                              owed(data, period), admin_note(rs, today, root) if missing or broken or idle else [],
                              site_url(repo_of(root) or Path.cwd()) if missing else None, broken, lang, idle)
    return title, body, count, MARK.format(kind="ledger-reminder", key=period)


def _gone_body(period_id: str, records_rel: str) -> tuple[str, str]:
    """(title, body) of the reminder of a period the policy no longer has (its id renamed, or taken out of
    ledger.periods) whose issue is still open: nothing to remind of under that id; the issue is closed with it."""
    title = f"工作台账提醒 {period_id}"
    lines = [MARK.format(kind="ledger-reminder", key=period_id), f"# {title}", "",
             f"政策（`{records_rel}/policy.yaml` 的 `ledger.periods`）中已经没有填报期间 {period_id}：它改了名或删去了，"
             "不再按这个名称提醒，本提醒可以关闭。改名的，这一期未交的台账在新名称的期间的提醒议题中提醒；"
             "如果是改错了，请管理员改回 `ledger.periods`，下一个提醒日会重新开提醒议题。", "",
             f"{period_id} is no longer a ledger period of the policy (renamed or taken out of ledger.periods): nothing "
             "is reminded of under it, and this reminder can be closed; a renamed period is reminded of under its new id."]
    return title, "\n".join(lines) + "\n"


def _behind(rs: RecordSet, period: str, today: dt.date, data: dict | None, later: frozenset,
            empty: frozenset) -> tuple[list, list, list, int]:
    """(missing, in with errors, with no activity, how many cadres in all: `missing=`) of `period`; none archived."""
    if period in archived_periods(rs):
        return [], [], [], 0
    missing, broken = missing_cadres(rs, period, today, data, later), with_errors(rs, period, later)
    idle = sorted(c for p, c in empty if p == period)
    return missing, broken, idle, len(set(missing) | set(broken) | set(idle))


def cmd_remind(args) -> int:
    from generator.check import git_history
    from generator.files import write_files
    from generator.pipeline import validate_records, validate_records_and

    if not (args.due_window or args.coverage or args.period is not None or args.periods is not None):  # (said before the records are read)
        sys.stderr.write(MSG["need"][args.lang] + "\n")
        return cli.EXIT_USAGE
    if args.open_issues and not args.due_window:
        sys.stderr.write(MSG["open_alone"][args.lang] + "\n")
        return cli.EXIT_USAGE
    try:  # (said before the records are read)
        issues = open_issue_periods(args.open_issues) if args.open_issues else frozenset()
    except (OSError, ValueError) as exc:
        sys.stderr.write(MSG["open_issues"][args.lang].format(path=args.open_issues, why=_unread_issues(exc, args.lang)) + "\n")
        return cli.EXIT_USAGE
    root = cli.records_dir(args)
    if root is None:
        return cli.EXIT_USAGE
    if args.due_window:
        (rs, findings), data, later, empty = validate_records(root, args.today), None, frozenset(), frozenset()
    else:  # as check goes: the Git history read while the records load, the checks beside the record
        # stages (two processes); one after the other, a cold remind of 12k ledgers took longer than check
        git_history.begin(root, repo_of(root))

        rs, findings, (data, later, empty) = validate_records_and(
            root, lambda rs: _check_data(rs, args.today or cli.clock_today(rs)), args.today,
            as_of=args.today if args.period is not None or args.periods is not None else None,
            repo=repo_of(root), checks=True)  # (a past day: the ledgers as they were on it, as check reads them)
    cli.outlive(rs, data)
    refused = cli.refuse_on_admin_errors(rs, findings, args, "remind")
    if refused is not None:
        return refused
    today = args.today or cli.clock_today(rs)
    if args.due_window:
        window, weekday = reminder_days(rs)
        settled = lambda periods: _settled(rs, today, periods)  # noqa: E731
        for key, value in [*due_window(rs, today, window, weekday, settled, issues).items(),
                           ("today", today.isoformat())]:
            sys.stdout.write(f"{key}={value}\n")
        return cli.EXIT_OK
    if args.coverage:
        year, classes = uncovered_classes(rs, today, data)
        title, body = coverage_body(rs, today, year, classes, admin_note(rs, today, root))
        count = (len(classes) if coverage_terms(rs, year)[0] else 0) if classes is not None else 1
        marker = MARK.format(kind="coverage-reminder", key=year)
    else:
        periods = [args.period] if args.period is not None else _periods(args.periods)
        # (with --body-file, the workflows' way, a period of a reminder issue the policy no longer has gets the body
        # that closes its issue, _gone_body; by hand, without it, a period mistyped is refused)
        bad = next((p for p in periods if not isinstance(p, str) or rs.period(p) is None and not (
            args.body_file and GONE_ID.fullmatch(p))), None) if periods is not None else args.periods
        if bad is not None:
            sys.stderr.write(MSG["bad_period"][args.lang].format(value=bad) + "\n")
            return cli.EXIT_USAGE
        for period in periods:
            if rs.period(period) is None:
                sys.stderr.write(MSG["gone_period"][args.lang].format(value=period) + "\n")
        if args.periods is not None:  # (GitLab's job: a body and its outputs for each period)
            if not args.body_file or "{period}" not in args.body_file:
                sys.stderr.write(MSG["body_files"][args.lang] + "\n")
                return cli.EXIT_USAGE
            writes, said = {}, []  # (one write: a failure partway says which periods' files were written)
            for period in periods:
                title, body, count, marker = _ledger_reminder(rs, period, today, data, later, root, args.lang, empty)
                path = Path(args.body_file.replace("{period}", period))
                writes[path] = body.encode("utf-8")
                writes[path.with_suffix(".env")] = f"missing={count}\ntitle={title}\nmarker={marker}\n".encode("utf-8")
                said.append(f"{period}: missing={count} {path}\n")
            write_files(writes)
            sys.stdout.write("".join(said))
            return cli.EXIT_OK
        title, body, count, marker = _ledger_reminder(rs, args.period, today, data, later, root, args.lang, empty)
    if args.body_file:
        write_files({Path(args.body_file): body.encode("utf-8")})
        sys.stdout.write(f"missing={count}\ntitle={title}\nmarker={marker}\n")
        return cli.EXIT_OK
    sys.stdout.write(body)
    return cli.EXIT_FINDINGS if count else cli.EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("remind", help=say("生成提醒议题的内容：未交的台账、未覆盖的班级",
                                          "reminder issue body: missing ledgers, uncovered classes"), epilog=say(
        "退出码：0 没有要提醒的（或加了 --body-file、--due-window）；1 有人未交台账（--period）或有未覆盖的新生班级"
        "（--coverage），管理员维护的记录有错误时也为 1；2 无法运行：参数错误、找不到记录目录。",
        "exit status: 0 nothing to remind of (or --body-file, --due-window given); 1 a ledger is missing (--period) or a "
        "freshman class uncovered (--coverage), or the administrators' records have errors; 2 could not run: bad "
        "arguments, no records folder."))
    cli.add_records(p)
    p.add_argument("--lang", choices=("zh", "en"), default="zh",
                   help=say("错误提示和台账提醒中每位干部那一行的语言；正文其余部分写给干部，总是中文，末尾附一行英文摘要",
                            "language of the error messages and of each cadre's line in a ledger reminder; the rest "
                            "of the body is for the cadres: Chinese, with a one-line English summary"))
    kind = p.add_mutually_exclusive_group()  # (one kind of reminder a run)
    kind.add_argument("--period", help=say("填报期间，如 2026-H1", "period, e.g. 2026-H1"))
    kind.add_argument("--periods", help=say("--due-window 给出的 periods=（JSON），每个期间一份正文，--body-file 中的 {period} "
                                            "换成期间，输出写入同名 .env 文件",
                                            "periods= of --due-window (JSON): a body for each, {period} in --body-file "
                                            "replaced by the period, the output in a .env file of the same name"))
    kind.add_argument("--coverage", action="store_true", help=say("未覆盖的大一新生班级（给管理员）",
                                                                  "uncovered freshman classes (for the administrators)"))
    kind.add_argument("--due-window", action="store_true", help=say("今天是否发提醒，输出 send=/periods=",
                                                                    "is today a reminder day? prints send= and periods="))
    p.add_argument("--open-issues", metavar="FILE", help=say(
        "与 --due-window 同用：打开的提醒议题（gh issue list --json body 给出的 JSON），其中的期间也列入 periods=，好关闭议题",
        "with --due-window: the open reminder issues (JSON of gh issue list --json body); their periods are listed "
        "too, so that their issues are closed"))
    p.add_argument("--body-file", help=say("把正文写入文件，标准输出给出 missing=、title= 和 marker=",
                                              "write the body to a file; standard output gives missing=, title= and marker="))
    cli.add_today(p)
    p.set_defaults(func=cmd_remind)
