"""The check report in four formats: text (for an administrator, Chinese by default),
json ({"findings": [...], **data}), github (annotations, at most 10 per code; in a pull request,
those of the files it changed, errors first, as many as GitHub shows a step) and markdown (tables
for $GITHUB_STEP_SUMMARY and the site)."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator import findings as F
from generator import report
from generator.check import not_there_on
from generator.layout import kind_of
from generator.messages.check import AFTER_TODAY_LINE
from generator.messages.ledger_sources import SOURCES, words
from generator.check.deadlines import in_grace
from generator.check.exemptions import RULES, describe

GITHUB_PER_CODE = 10
# GitHub shows a step's first 10 error and 10 warning annotations and drops the rest unsaid
# (docs.github.com, workflow commands: 10 errors and 10 warnings a step, 50 annotations a job)
GITHUB_SHOWN = {F.ERROR: 10, F.WARNING: 10}

T = {
    "zh": {
        "title": "联系学生工作检查（{today}）",
        "records": "记录问题（须改正）",
        "late": "台账逾期提交", "missing": "台账未提交", "empty": "台账没有记录活动", "uncovered": "新生班级无联系干部",
        "semester": "每学期联系学生次数不足", "overdue": "学生反映问题超期未解决",
        "points": "联系点安排与存续", "other": "其他提示",
        "overview": "概况",
        "unit_head": "· {unit}（{n}）", "no_unit": "（单位不明）",
        "ledger_line": "台账：按时 {on_time}，逾期 {late}，未提交 {missing}，未到截止日 {not_yet_due}{grace}，豁免 {exempt}",
        "grace": "，宽限期内（已过截止日，现在提交仍算按时）{n}",
        "unknown_line": "；无法判断 {unknown}",
        "errors_line": "；已提交的台账中 {n} 份有错误，改正前不算通过（见上面的记录问题）",
        "sources": "（提交时间依据：" + "，".join(f"{said} {{{key}}} 份" for key, said in words("zh").items()) + "）",
        "coverage_line": "新生班级：{uncovered} 个班级出现过无人联系",
        "semester_line": "每学期联系：{unmet} 人次未达到要求",
        "feedback_line": "学生反映问题：{open} 条未解决，其中 {overdue} 条超期",
        "exempt_line": "豁免：{active} 条生效，{expired} 条已过期，{future} 条未开始",
        "exemption": "  豁免：{who} {start} 至 {end}{reason}：{said}",
        "exemptions_where": "（各条免除了什么，见 --format markdown 的豁免表）",
        "none": "没有发现问题。",
        "none_changed": "相对 {base} 改动的文件中没有发现问题。",
        "none_then": "相对 {base} 改动的文件中，{today} 那一天已有的没有发现问题。",
        "after_today": "{file}：{today} 以后才提交，{today} 那一天它还不存在，所以没有检查、不计入（按 --today 重演那一天）；"
                       "要检查它，不加 --today 或用它提交以后的日期再运行",
        "as_then": "{file}：{today} 以后又改过，检查的是它 {today} 那一天的样子，之后的改动没有检查（按 --today 重演那一天）；"
                   "要检查它现在的样子，不加 --today 再运行",
        "none_as_then": "相对 {base} 改动的文件按 {today} 那一天的样子没有发现问题。",
        "none_then_as_then": "相对 {base} 改动的文件中，{today} 那一天已有的按那一天的样子没有发现问题。",
        "more": "……另有 {n} 条 {code}，见检查摘要（job summary）",
        "unshown": "另有 {n} 条检查结果没有标注在这里（不在本拉取请求改动的文件中，或超出 GitHub 每一步显示的 10 个错误、"
                   "10 个警告）：改动的文件中的和所有错误见检查摘要（job summary），其他文件中的警告在那里只计数",
        "no_base": "读不出本拉取请求改动了哪些文件（{detail}），下面按全部文件标注",
        "not_read": "读不出相对 {base} 改动了哪些文件（{detail}），下面列出全部文件的检查结果",
        "not_listed": "；没有列出的：相对 {base} 没有改动的文件中的 {n} 个警告（不加 --base 即列出全部）",
        "strict": "（严格模式：时间类提醒按错误处理）",
        "elsewhere": "{topic}·没有改动的文件",
        "unit_only": "只列出{units}的提示；全校另有 {n} 条提示未列出（记录的错误不论哪个单位的都列出，概况是全校的；不加 --unit 即列出全部）",
        "unit_only_whole": "只列出{units}的提示；全校另有 {n} 条提示未列出，其中 {k} 条不归哪一个单位（如政策、校历的改动）"
                           "（记录的错误不论哪个单位的都列出，概况是全校的；不加 --unit 即列出全部）",
        "unit_only_none": "只列出{units}的提示；全校没有别的提示（记录的错误不论哪个单位的都列出，概况是全校的）",
        "none_unit": "{units}没有发现问题。",
        "unknown_unit": "没有单位“{value}”：--unit 写单位的编号或名称（见 {records}/units.yaml），可以写 {known}",
        "not_checked": "这份台账有格式错误，改正后才会按政策检查其内容（联系点、活动日期、每学期联系次数、"
                       "学生反映问题的跟进），届时可能还会有新的提示",
        "history_line": "政策、校历和联系点安排的改动（W-CHK-015、W-CHK-016、W-CHK-019、W-CHK-028、W-CHK-029）：没有检查，{why}",
        "history_why": {"shallow": "这是浅克隆，Git 历史不完整（本地运行 git fetch --unshallow；持续集成中设 fetch-depth: 0，"
                                   "GitLab 设 GIT_DEPTH: 0）",
                        "no_repo": "不在 Git 仓库中（改动记在 Git 历史里）",
                        "error": "无法读取 Git 历史"},
    },
    "en": {
        "title": "Contact-ledger checks ({today})",
        "records": "Record errors (must be fixed)",
        "late": "Ledgers submitted late", "missing": "Ledgers not submitted", "empty": "Ledgers recording no activity", "uncovered": "Freshman classes without a cadre",
        "semester": "Too few contacts in a semester", "overdue": "Overdue student problems",
        "points": "Contact points and end dates", "other": "Other notes",
        "overview": "Overview",
        "unit_head": "· {unit} ({n})", "no_unit": "(unit unknown)",
        "ledger_line": "Ledgers: on time {on_time}, late {late}, missing {missing}, not yet due {not_yet_due}{grace}, exempt {exempt}",
        "grace": ", in the grace days (past the due day, on time if handed in now) {n}",
        "unknown_line": "; not judged {unknown}",
        "errors_line": "; {n|ledger handed in has errors and is|ledgers handed in have errors and are} not accepted until fixed (see the record errors above)",
        "sources": " (submission times " + ", ".join(f"from {said}: {{{key}}}" for key, said in words("en_many").items())
                   + ")",
        "coverage_line": "Freshman classes: {uncovered} had a period without a cadre",
        "semester_line": "Semester contacts: {unmet|cadre-semester|cadre-semesters} below the minimum",
        "feedback_line": "Student feedback: {open} unresolved, {overdue} of them overdue",
        "exempt_line": "Exemptions: {active} active, {expired} expired, {future} not yet started",
        "exemption": "  exemption: {who} {start} to {end}: {said}",
        "exemptions_where": " (what each excused: the exemptions table of --format markdown)",
        "none": "No problems found.",
        "none_changed": "No problems found in the files changed since {base}.",
        "none_then": "No problems found in the files changed since {base} that were there on {today}.",
        "after_today": "{file}: committed after {today}, so on {today} it was not there: not checked and not counted "
                       "(--today replays that day); to check it, run again without --today or with a day after its "
                       "commit",
        "as_then": "{file}: changed after {today}, so it was checked as it was on {today} and its later changes were "
                   "not (--today replays that day); to check it as it is now, run again without --today",
        "none_as_then": "No problems found in the files changed since {base}, as they were on {today}.",
        "none_then_as_then": "No problems found in the files changed since {base} that were there on {today}, as they "
                             "were on it.",
        "more": "… {n|more finding|more findings} of {code}: see the job summary",
        "unshown": "{n|more finding is|more findings are} not annotated here (not in the files this pull request "
                   "changed, or beyond the 10 errors and 10 warnings GitHub shows a step): those of the changed files and "
                   "every error are in the job summary, the other files' warnings are counted there",
        "no_base": "The files this pull request changed could not be read ({detail}); the annotations below are of "
                    "all files",
        "not_read": "The files changed since {base} could not be read ({detail}); the findings below are of all files",
        "not_listed": "; not listed: {n|warning|warnings} in files not changed since {base} (without --base, every "
                      "finding is)",
        "strict": " (strict: time-based warnings count as errors)",
        "elsewhere": "{topic}, files not changed",
        "unit_only": "Only the findings of {units} are listed; {n|more warning of the university's is|more warnings of "
                     "the university's are} not (every record error is, whichever unit's, and the overview is the university's; "
                     "without --unit, all are)",
        "unit_only_whole": "Only the findings of {units} are listed; {n|more warning of the university's is|more warnings "
                           "of the university's are} not, {k} of them no one unit's (a change of the policy or the calendar, "
                           "say) (every record error is, whichever unit's, and the overview is the university's; without "
                           "--unit, all are)",
        "unit_only_none": "Only the findings of {units} are listed; the university has no other warning (every record error "
                          "is listed, whichever unit's, and the overview is the university's)",
        "none_unit": "No problems found for {units}.",
        "unknown_unit": "No unit '{value}': --unit takes a unit's id or name (see {records}/units.yaml), one of {known}",
        "not_checked": "this ledger has errors: its content is checked against the policy (contact points, "
                       "activity dates, contacts a semester, follow-up of student feedback) only once they are fixed, "
                       "and new findings may then appear",
        "history_line": "Changes of the policy, the calendar and the assignments (W-CHK-015, W-CHK-016, W-CHK-019, W-CHK-028, W-CHK-029): not checked, {why}",
        "history_why": {"shallow": "this is a shallow clone, its Git history is cut (run git fetch --unshallow; in CI "
                                   "set fetch-depth: 0, on GitLab GIT_DEPTH: 0)",
                        "no_repo": "not in a Git repository (the changes are read from its history)",
                        "error": "the Git history could not be read"},
    },
}

class Base(NamedTuple):
    """check --base REV: the findings listed are those of the files changed since `rev` (`files`, resolved paths:
    ownership.changed_in, and each changed or amended ledger's cadre file: with_cadre_files), errors first (by_change); `files` None when they cannot be read, and `why` ({"zh": …,
    "en": …}) says why — then every finding is listed, as without --base.  `later`: the changed files committed after
    a past --today (`today`), on which they were not there — nothing is said of their content —, and `then`: those
    changed after it that were there, checked as they were on it — their later changes are not: past_day says both."""
    rev: str
    files: set | None
    why: dict
    later: tuple = ()  # (the changed files, as shown, that were not there on a past --today: not checked, not counted)
    today: str = ""
    then: tuple = ()  # (the changed files, as shown, changed after a past --today: checked as they were on it)


def committed_later(files: set | None, rs, arrived) -> tuple:
    """Of the files changed since a base (`files`, resolved; deleted ones too), those not there on a past --today
    (check.not_there_on), as shown — Deadlines.left_out asks it of the ledgers there now instead."""
    return _shown(files, rs, not_there_on(rs, arrived))


def checked_then(files: set | None, rs) -> tuple:
    """Of the files changed since a base (`files`, resolved), those there on a past --today and changed after it, as
    shown: checked as they were on it (cache.past_records read them from that day's commit: rs.then_on)."""
    return _shown(files, rs, rs.then_on)


def _shown(files: set | None, rs, rels) -> tuple:
    """The files of `files` (resolved) whose paths below the records folder are among `rels`, as shown, sorted."""
    if not files or not rels:
        return ()
    top = Path(rs.root).resolve()
    from generator.load import display_path

    return tuple(sorted(display_path(p) for p in files if p.is_relative_to(top) and p.relative_to(top).as_posix() in rels))


def by_change(findings, base: Base | None, units: list | None = None) -> tuple[list, list]:
    """(listed, not listed): with the files changed since a base (--base), the errors in those files, then the other
    errors (in no file of the change's, yet they fail the check as they fail the pull request's step: a cadre the
    change took away still named elsewhere), then the warnings in those files, each part by topic as the text report
    heads them (TOPICS) — the late and missing ledgers unit by unit (_unit_rank: as the text and markdown list
    them) —; not listed, the warnings in other files.
    Without a base, or its files not read: (findings, [])."""
    if base is None or base.files is None:
        return list(findings), []
    parts = [_part(f, base) for f in findings]
    # (each part by topic, as the text report heads them — record errors first —, in file order within a topic: so
    # every format lists them in one order; with --strict the time-based errors are among the errors)
    rank = _unit_rank(units)
    kept = sorted(((p, TOPICS[_group(f)], rank(f) if _group(f) in BY_UNIT else (), f)
                   for f, p in zip(findings, parts) if p is not None), key=lambda t: t[:3])
    return [t[3] for t in kept], [f for f, p in zip(findings, parts) if p is None]


def listed_of(findings, base: Base | None, units: list | None, scope=None) -> tuple[list, list, list]:
    """(listed, not listed for the base, left out for the unit): by_change's, then with --unit (`scope`,
    unit_scope.Scope) of those listed the errors and the unit's warnings (the others left out, counted)."""
    listed, unlisted = by_change(findings, base, units)
    if scope is None:
        return listed, unlisted, []
    listed, left = scope.split(listed)
    return listed, unlisted, left


def scoped(scope, left: list, lang: str) -> str | None:
    """The sentence saying, first, that only the unit's warnings are listed (--unit) and how many were left out, and of
    those how many are no unit's (Scope.whole: the policy's, the calendar's)."""
    if scope is None:
        return None
    whole = sum(f in scope.whole for f in left)
    key = "unit_only_whole" if whole else "unit_only" if left else "unit_only_none"
    return F.counted(T[lang][key], units=_units_said(scope, lang), n=len(left), k=whole)


def _units_said(scope, lang: str) -> str:
    """The names of the units --unit asked for: 计算机学院、机械学院."""
    return ("、" if lang == "zh" else ", ").join(scope.names)


def _none_listed(base: Base | None, scope, lang: str) -> str:
    """“No problems found”, of the files changed since a base (_none_changed) or of the unit (--unit)."""
    if base is not None and base.files is not None:
        return _none_changed(base, lang)
    return T[lang]["none_unit"].format(units=_units_said(scope, lang))


def unknown_unit(value: str, known: str, lang: str) -> str:
    return T[lang]["unknown_unit"].format(value=value, known=known, records=F.records_shown())


def _part(f: F.Finding, base: Base) -> int | None:
    """by_change's part of a finding: 0 an error in a file changed, 1 an error in another, 2 a warning in a file
    changed; None a warning in another (not listed)."""
    mine = Path(report.as_of(f.file)[0]).resolve() in base.files
    if f.severity == F.ERROR:
        return 0 if mine else 1
    return 2 if mine else None


def with_cadre_files(files: set | None, records) -> set | None:
    """The files changed since a base (`files`, resolved) and the cadre file of each changed ledger's cadre: a cadre's
    semester count falling short (W-CHK-004) is put on her cadre file, and a change of her ledger causes it.  An
    amendment (amendments/<period>/<cadre>.yaml) is a change of the ledger it corrects: that ledger and its cadre's
    file count too."""
    if files is None:
        return None
    top = Path(records).resolve()
    kinds = {p: kind_of(p.relative_to(top).as_posix()) for p in files if p.is_relative_to(top)}
    amended = {top / "ledgers" / p.parent.name / p.name for p, kind in kinds.items() if kind == "amendment"}
    ledgers = [p for p, kind in kinds.items() if kind == "ledger"] + list(amended)
    return files | amended | {top / "cadres" / p.name for p in ledgers}


def not_read(base: Base | None, lang: str, marked=str) -> str | None:
    """The sentence saying that the files changed since the base could not be read, so all findings are listed, and
    on the next line git's own words when git failed (git_said's, `marked` as it says)."""
    if base is None or base.files is not None:
        return None
    said = T[lang]["not_read"].format(base=base.rev if base.rev.strip() else f'"{base.rev}"', detail=base.why.get(lang, ""))
    return "\n".join(filter(None, (said, git_said(base, lang, marked))))


def past_day(base: Base | None, lang: str, key: str | None = None) -> list[tuple[str, str]]:
    """(file, sentence) for each file changed since the base that a past --today did not check as it is now: committed
    after that day (after_today: it was not there, so nothing is said of its content — check.as_of), or changed after
    it (as_then: checked as it was that day, its later changes not) — the user who asked about it is told so.  `key`:
    those of one kind only."""
    if base is None or base.files is None:
        return []
    return [(file, T[lang][said].format(file=file, today=base.today))
            for said, files in (("after_today", base.later), ("as_then", base.then)) if key in (None, said)
            for file in files]


def _none_changed(base: Base, lang: str) -> str:
    """“No problems found in the files changed”, of those there on --today when some were not (after_today), as they
    were on it when some were changed after it (as_then)."""
    key = ("none_then_as_then" if base.later else "none_as_then") if base.then else \
        "none_then" if base.later else "none_changed"
    return T[lang][key].format(base=base.rev, today=base.today)


def git_said(base: Base | None, lang: str, marked=str) -> str | None:
    """The line of git's own words (“git 的原话：fatal: unable to read …”) after the sentence that says in the user's
    language what went wrong and what to do (ownership.changed_in), when git failed; `marked`: how they are shown."""
    if base is None or not base.why.get("git"):
        return None
    from generator.ownership import GIT_SAID  # (imported by check --base already: changed_in)

    return GIT_SAID[lang].format(detail=marked(base.why["git"]))


def summary_line(findings, unlisted: list, lang: str, files: int | None, base: Base | None) -> str:
    """The report's last line: the files read, the errors and warnings of all of them (as the exit status counts
    them), and how many warnings of the files not changed since the base were not listed."""
    line = report.summary(findings, lang, files)
    return line + F.counted(T[lang]["not_listed"], n=len(unlisted), base=base.rev) if unlisted else line


def not_checked(findings, rs) -> list[str]:
    """The ledger files, as the findings name them, whose validate errors (RecordSet.invalid) kept the policy checks
    from reading their content (ledger_content, semester_contacts, feedback skip them) and that have an error
    listed: once it is fixed, new findings may come — each format says so once of each (json: "not_checked")."""
    skipped = {doc.file for doc in rs.docs if doc.kind == "ledger" and doc.rel in rs.invalid}
    return sorted({f.file for f in findings if f.severity == F.ERROR and f.file in skipped}) if skipped else []


def _not_checked(data: dict, lang: str, files=None, shown=str) -> list[str]:
    """not_checked's sentence of each file, after the file `shown` as the format shows a path (of `files` only, when
    given: those of one group of the text report)."""
    return [f"{shown(file)}{'：' if lang == 'zh' else ': '}{T[lang]['not_checked']}" for file in data.get("not_checked", ())
            if files is None or file in files]


GROUPS = [  # (title key, codes) in the order an administrator reads them
    ("missing", {"W-CHK-006"}), ("late", {"W-CHK-005"}), ("empty", {"W-CHK-017"}), ("uncovered", {"W-CHK-001"}),
    ("overdue", {"W-CHK-007"}), ("semester", {"W-CHK-004"}), ("points", {"W-CHK-002", "W-CHK-003", "W-CHK-013", "W-CHK-014", "W-CHK-020", "W-CHK-023", "W-CHK-024"}),
]


TOPICS = {key: i for i, key in enumerate(["records"] + [k for k, _ in GROUPS] + ["other"])}  # the text's order


def _group(f: F.Finding) -> str:
    for key, codes in GROUPS:
        if f.code in codes:
            return key
    return "records" if f.severity == F.ERROR else "other"


def overview(data: dict, lang: str, tables: bool = False) -> list[str]:
    """The overview's lines: the counts (ledgers, classes, semesters, feedback, exemptions). Each exemption is counted,
    not said: a cadre running check on the whole records sees no other cadre's leave; what one excused is said under
    the entries of its cadre listed (text: _exemptions_of) and in markdown's table (`tables`: the report has it)."""
    t = T[lang]
    s = data.get("summary", {})
    led = {k: s.get("ledgers", {}).get(k, 0) for k in ("on_time", "late", "missing", "not_yet_due", "exempt", "unknown")}
    grace = sum(1 for r in data.get("ledgers", []) if r.get("required", True) and in_grace(r, data.get("today", "")))
    led["not_yet_due"] -= grace
    line = t["ledger_line"].format(**led, grace=t["grace"].format(n=grace) if grace else "")
    if led["unknown"]:
        line += t["unknown_line"].format(unknown=led["unknown"])
    src = data.get("ledger_sources", {})
    line += t["sources"].format_map({key: src.get(key, 0) for key in SOURCES})
    if s.get("ledgers_with_errors"):
        line += F.counted(t["errors_line"], n=s["ledgers_with_errors"])
    ex = [e["state"] for e in data.get("exemptions", [])]
    why = t["history_why"].get(data.get("policy_history"))
    return [line, t["coverage_line"].format(uncovered=s.get("uncovered_classes", 0)),
            F.counted(t["semester_line"], unmet=s.get("semester_unmet", 0)),
            t["feedback_line"].format(open=s.get("feedback_open", 0), overdue=s.get("feedback_overdue", 0)),
            t["exempt_line"].format(active=ex.count("active"), expired=ex.count("expired"), future=ex.count("future"))
            + (t["exemptions_where"] if ex and not tables else ""),
            *([t["history_line"].format(why=why)] if why else []),
            *([said] if (said := after_today_said(data, lang)) else [])]


def after_today_said(data: dict, lang: str) -> str:
    """The overview's line of the ledgers a past --today leaves out (data's ledgers_after_today), or "" when none: the
    site's 数据检查 page says it too."""
    later = data.get("ledgers_after_today")
    return F.counted(AFTER_TODAY_LINE[lang == "en"], n=len(later), today=data.get("today")) if later else ""


def _exemptions_of(data: dict, lang: str, findings, said: set) -> list[str]:
    """A line of each exemption of the cadres of `findings` (a unit's late or missing ledgers, the semesters short)
    not `said` yet (each once): whose, its days and what it excused (exemptions.describe) — a reader who sees her
    missing ledger or semester asks whether her leave did not excuse it."""
    cadres = {f.data.get("cadre") for f in findings}
    out = []
    for e in data.get("exemptions", []):
        if e.get("cadre") in cadres and id(e) not in said:
            said.add(id(e))
            out.append(T[lang]["exemption"].format(
                who=e["name"] if lang == "zh" and e.get("name") else e.get("cadre"), start=e.get("start"),
                end=e.get("end"), reason=f"（{e['reason']}）" if lang == "zh" and e.get("reason") else "",
                said=describe(e.get("excused") or [], e.get("rules") or [], lang)))
    return out


def as_text(findings, data: dict, lang: str = "zh", files: int | None = None, base: Base | None = None,
            units: list | None = None, scope=None) -> str:
    """The report for an administrator: the findings by kind (record errors first), the late and missing ledgers unit
    by unit (`units`: the units' ids in units.yaml's order, _by_unit), the overview, the summary; with `base`
    (--base), of the findings those by_change lists; with `scope` (--unit), of those the errors and the unit's
    warnings, the first line saying so (scoped)."""
    t = T[lang]
    listed, unlisted, left = listed_of(findings, base, units, scope)
    first = t["title"].format(today=data.get("today")) + (t["strict"] if data.get("strict") else "")
    if only := scoped(scope, left, lang):
        first += ("：" if lang == "zh" else ": ") + only
    out = [first, ""]
    if said := not_read(base, lang):
        out += [said, ""]
    if told := past_day(base, lang):
        out += [said for _file, said in told] + [""]
    names, excused = _unit_names(data), set()
    for title, group in _topics(listed, base, lang):
        out.append(f"【{title}】（{len(group)}）" if lang == "zh" else f"[{title}] ({len(group)})")
        if _group(group[0]) in BY_UNIT:  # (a unit reviewer looks for their people: unit by unit, each counted)
            for unit, fs in _by_unit(group, lambda f: f.data.get("unit"), units):
                out.append(t["unit_head"].format(unit=names.get(unit) or unit or t["no_unit"], n=len(fs)))
                out.append(report.as_text(fs, lang).rsplit("\n", 2)[0])
                out += _exemptions_of(data, lang, fs, excused)
        else:
            out.append(report.as_text(group, lang).rsplit("\n", 2)[0])
            if _group(group[0]) == "semester":
                out += _exemptions_of(data, lang, group, excused)
        if _group(group[0]) == "records":  # (after the errors of a ledger the checks skipped: more may come)
            out += _not_checked(data, lang, {f.file for f in group})
        out.append("")
    if not findings:
        out += [t["none"], ""]
    elif not listed:
        out += [_none_listed(base, scope, lang), ""]
    out.append(f"【{t['overview']}】" if lang == "zh" else f"[{t['overview']}]")
    out += overview(data, lang)
    out.append(summary_line(findings, unlisted, lang, files, base))
    return "\n".join(out) + "\n"


BY_UNIT = ("missing", "late")  # (the topics listed unit by unit, in text and markdown)


def _by_unit(items, unit_of, units: list | None) -> list[tuple[str | None, list]]:
    """(unit, its items) of `items` (each's unit id by `unit_of`), the units in `units`' order — units.yaml's, the
    university's official order, as the site's — then any other unit, by id, and the items of no unit last; the items
    of a unit in their order."""
    groups: dict = {}
    for item in items:
        groups.setdefault(unit_of(item), []).append(item)
    rank = _unit_rank(units)
    return sorted(groups.items(), key=lambda g: rank(g[0]))


def _unit_rank(units: list | None):
    """A sort key of a unit id (or of a finding, by its data's unit): `units`' order, then any other by id, none
    last."""
    order = {u: i for i, u in enumerate(units or ())}

    def rank(unit) -> tuple:
        unit = unit.data.get("unit") if isinstance(unit, F.Finding) else unit
        return (unit is None, order.get(unit, len(order)), unit or "")
    return rank


def _unit_names(data: dict) -> dict:
    """unit id → its name, of the units of the ledger rows (their cadres' units in their periods)."""
    return {r["unit"]: r.get("unit_name") for r in data.get("ledgers", []) if r.get("unit")}


def _topics(listed: list, base: Base | None, lang: str) -> list[tuple[str, list]]:
    """(title, findings) of the text report's groups: by topic, record errors first; with the files changed since a
    base, in by_change's order — the errors of the files changed, those of the others (their titles say so), the
    warnings of the files changed —, each part by topic."""
    t = T[lang]
    if base is None or base.files is None:
        groups: dict[str, list] = {}
        for f in listed:
            groups.setdefault(_group(f), []).append(f)
        return [(t[key], groups[key]) for key in TOPICS if key in groups]
    runs: list = []
    for f in listed:
        key = (_part(f, base), _group(f))
        if not runs or runs[-1][0] != key:
            runs.append((key, []))
        runs[-1][1].append(f)
    return [(t["elsewhere"].format(topic=t[group]) if part == 1 else t[group], fs) for (part, group), fs in runs]


def as_json(findings, data: dict, lang: str = "zh", base: Base | None = None, units: list | None = None,
            scope=None) -> dict:
    """The json report's value (report.write_json prints it); with `base` (--base), the findings listed are those
    of the files changed since it and every error, in by_change's order (as text and markdown list them), and
    "base" says which; with `scope` (--unit), of those the errors and the unit's warnings, and "unit" says which
    units and how many warnings were not listed ("said": the sentence the other formats begin with)."""
    listed, unlisted, left = listed_of(findings, base, units, scope)
    unit = {"exemptions": _exemptions(data, scope),  # (in data's place)
            "unit": {"ids": list(scope.ids), "names": list(scope.names), "not_listed": len(left),
                     "said": scoped(scope, left, lang)}} if scope is not None else {}
    if base is None:
        return {"findings": [f.as_dict(lang) for f in listed], **data, **unit}
    return {"findings": [f.as_dict(lang) for f in listed], **data, **unit,
            "base": {"rev": base.rev, "files_read": base.files is not None, "why": base.why.get(lang),
                     **({"git": base.why["git"]} if base.why.get("git") else {}), "not_listed": len(unlisted),
                     **{key: [{"file": file, "message": said} for file, said in told]  # (only when there are any)
                        for key in ("after_today", "as_then") if (told := past_day(base, lang, key))}}}


def _exemptions(data: dict, scope) -> list:
    """The exemptions' rows a report lists: with --unit (`scope`) the units' (Scope.exemptions_of); the overview counts
    the university's (data's)."""
    rows = data.get("exemptions", [])
    return rows if scope is None else scope.exemptions_of(rows)


def as_github(findings, data: dict, lang: str = "zh", files: int | None = None, base: Base | None = None,
              units: list | None = None, scope=None) -> str:
    """Annotations: at most GITHUB_PER_CODE of a code, the rest counted in a notice; in a pull request (`base`), those
    by_change lists, of each severity as many as GitHub shows a step (_in_changed), or, its files not read, a notice
    saying why and the annotations of all files; with `scope` (--unit), a notice first saying so (scoped), and of
    those the errors and the unit's warnings.  Then the overview and the summary."""
    listed, unlisted, left = listed_of(findings, base, units, scope)
    out = [_notice(only)] if (only := scoped(scope, left, lang)) else []
    out += [_notice("\n".join(filter(None, (T[lang]["no_base"].format(detail=base.why.get(lang, "")),
                                            git_said(base, lang)))))] if base is not None and base.files is None else []
    if base is not None and base.files is not None:
        out += [f"::notice file={report._escape_property(file)},title=check::{report.escape_data(said)}"
                for file, said in past_day(base, lang)]
        # (with --unit, what is not annotated counted of the unit's — the errors and its warnings —: the others the
        # first notice counts, or the last line, of the files not changed)
        out += _in_changed(findings if scope is None else scope.split(list(findings))[0], listed, lang)
        out += _not_checked_notices(data, lang, base)
    else:
        counts: dict = {}
        for f in listed:
            counts[f.code] = counts.get(f.code, 0) + 1
            if counts[f.code] <= GITHUB_PER_CODE:
                out.append(report.github_line(f, lang))
        out += _not_checked_notices(data, lang, None)
        for code, n in sorted(counts.items()):
            if n > GITHUB_PER_CODE:
                out.append(f"::notice title={code}::{F.counted(T[lang]['more'], n=n - GITHUB_PER_CODE, code=code)}")
    out += overview(data, lang)
    out.append(summary_line(findings, unlisted, lang, files, base))
    return "\n".join(out) + "\n"


def _in_changed(findings, listed: list, lang: str) -> list[str]:
    """The annotations of a pull request's check (as_github): of the findings by_change lists (`listed`), of each
    severity as many as GitHub shows a step (GITHUB_SHOWN), and a notice counting what of `findings` (with --unit, the
    unit's and every error) is not annotated."""
    out, shown = [], dict.fromkeys(GITHUB_SHOWN, 0)
    for f in listed:
        if shown.get(f.severity, 0) < GITHUB_SHOWN.get(f.severity, 0):
            shown[f.severity] += 1
            out.append(report.github_line(f, lang))
    if unshown := len(findings) - len(out):
        out.append(_notice(F.counted(T[lang]["unshown"], n=unshown)))
    return out


def _not_checked_notices(data: dict, lang: str, base: Base | None) -> list[str]:
    """A notice on each ledger file the checks skipped for its errors (not_checked; in a pull request, of the files
    it changed): once they are fixed, more may come."""
    out = []
    for file in data.get("not_checked", ()):
        real = report.as_of(file)[0]
        if base is None or Path(real).resolve() in base.files:
            out.append(f"::notice file={report._escape_property(real)},title=check::"
                       f"{report.escape_data(T[lang]['not_checked'])}")
    return out


def _notice(text: str) -> str:
    return f"::notice title=check::{report.escape_data(text)}"


# ---- markdown ---------------------------------------------------------------
MD = {
    "zh": {"status": {"on_time": "按时", "late": "逾期", "missing": "未提交", "not_yet_due": "未到截止日",
                      "exempt": "豁免", "unknown": "无法判断"}, "grace": "宽限期内",
           "source": {**words("zh"), None: "—"},
           "ledgers": "台账逾期与未提交", "unit_ledger_head": "| 期间 | 干部 | 状态 | 逾期天数 | 提交时间 | 依据 |", "unit_head": "{unit}（{n}）",
           "no_unit": "（单位不明）",
           "errors": "已提交但有错误的台账（改正前不算通过）",
           "coverage": "无联系干部的新生班级", "coverage_head": "| 学年 | 班级 | 单位 | 无人联系时段 |",
           "semester": "每学期联系次数不足", "semester_head": "| 学期 | 干部 | 单位 | 联系次数 | 要求 |",
           "feedback": "超期未解决的学生反映问题", "feedback_head": "| 编号 | 类别 | 单位 | 状态 | 已过天数 |",
           "exemptions": "豁免", "exemptions_head": "| 干部 | 要求 | 起止 | 原因 | 状态 | 免除情况 |",
           "state": {"active": "生效", "expired": "已过期", "future": "未开始"},
           "findings": "全部检查结果", "findings_head": "| 位置 | 级别 | 代码 | 说明 |",
           "findings_changed": "相对 {base} 改动的文件中的检查结果和所有错误", "findings_unit": "{units}的检查结果和所有错误",
           "fix_head": "| 位置 | 代码 | 说明 | 怎么改 |",
           "level": {"error": "错误", "warning": "警告"}, "cut": "（只列出前 {n} 行，共 {total} 行）"},
    "en": {"status": {"on_time": "on time", "late": "late", "missing": "missing", "not_yet_due": "not yet due",
                      "exempt": "exempt", "unknown": "not judged"}, "grace": "in the grace days",
           "source": {**words("en"), None: "—"},
           "ledgers": "Late and missing ledgers", "unit_ledger_head": "| period | cadre | status | days late | submitted | source |", "unit_head": "{unit} ({n})",
           "no_unit": "(unit unknown)",
           "errors": "Ledgers handed in with errors (not accepted until fixed)",
           "coverage": "Freshman classes without a cadre", "coverage_head": "| year | class | unit | uncovered |",
           "semester": "Semesters below the minimum", "semester_head": "| semester | cadre | unit | contacts | required |",
           "feedback": "Overdue student problems", "feedback_head": "| id | category | unit | status | age (days) |",
           "exemptions": "Exemptions", "exemptions_head": "| cadre | rules | span | reason | state | what it excused |",
           "state": {"active": "active", "expired": "expired", "future": "not started"},
           "findings": "All findings", "findings_head": "| location | level | code | message |",
           "findings_changed": "Findings in the files changed since {base}, and every error",
           "findings_unit": "Findings of {units}, and every error",
           "fix_head": "| location | code | message | how to fix |",
           "level": {"error": "error", "warning": "warning"}, "cut": "(first {n} of {total} rows)"},
}
MD_ROWS = 200


def _cell(value) -> str:
    return str(value if value is not None else "—").replace("|", "\\|").replace("\n", " ")


def _table(title: str, head: str, rows: list[list], lang: str) -> list[str]:
    if not rows:
        return []
    cols = head.count("|") - 1
    out = [f"### {title}", "", head, "|" + "---|" * cols]
    out += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows[:MD_ROWS]]
    if len(rows) > MD_ROWS:
        out += ["", MD[lang]["cut"].format(n=MD_ROWS, total=len(rows))]
    return out + [""]


def _told(findings) -> set:
    """What the time-based findings listed are about, as the markdown's tables key their rows: a ledger late or missing
    (W-CHK-005, -006), a class uncovered (W-CHK-001), a cadre's semester short (W-CHK-004), a problem overdue
    (W-CHK-007)."""
    keys = {"W-CHK-005": ("ledger", "period", "cadre"), "W-CHK-006": ("ledger", "period", "cadre"),
            "W-CHK-001": ("class", "class"), "W-CHK-004": ("semester", "cadre", "semester"),
            "W-CHK-007": ("problem", "root")}
    return {(kind, *(f.data.get(k) for k in fields)) for f in findings if f.code in keys
            for kind, *fields in [keys[f.code]]}


def _unit_tables(title: str, head: str, groups: list[tuple[str, list[list]]], lang: str) -> list[str]:
    """_table's, a table for each unit under its name and count (#### 计算机学院（4）), `groups` (name, rows) in their
    order; at most MD_ROWS rows in all, as one table."""
    if not groups:
        return []
    out, left, total = [f"### {title}", ""], MD_ROWS, sum(len(rows) for _, rows in groups)
    for name, rows in groups:
        if left <= 0:
            break
        out += [f"#### {MD[lang]['unit_head'].format(unit=name, n=len(rows))}", "", head, "|" + "---|" * (head.count("|") - 1)]
        out += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows[:left]] + [""]
        left -= len(rows)
    if total > MD_ROWS:
        out += [MD[lang]["cut"].format(n=MD_ROWS, total=total), ""]
    return out


def as_markdown(findings, data: dict, lang: str = "zh", files: int | None = None, base: Base | None = None,
                units: list | None = None, scope=None) -> str:
    """Tables for $GITHUB_STEP_SUMMARY: the overview, the record errors with how to fix them, the late and missing
    ledgers unit by unit (`units`: the units' ids in units.yaml's order, _by_unit), those handed in with errors,
    classes, semesters, problems and exemptions, then every finding; with `base` (--base), of the findings those
    by_change lists (the other tables are the whole university's, as without it); with `scope` (--unit), of those
    the errors and the unit's warnings, the first line saying so (scoped), and the tables' rows the unit's (but the
    ledgers handed in with errors: every error is listed)."""
    m, t = MD[lang], T[lang]
    listed, unlisted, left = listed_of(findings, base, units, scope)
    only = scoped(scope, left, lang)
    out = [f"## {t['title'].format(today=data.get('today'))}" + (("：" if lang == "zh" else ": ") + only if only else ""), ""]
    said = not_read(base, lang, lambda text: "`" + text.replace("`", "'") + "`")
    said = said and said.replace("\n", "\n  - ")  # (git's words: an item of its own, below the sentence)
    out += [f"- {line}" for line in ([said] if said else []) + [told for _file, told in past_day(base, lang)]
            + overview(data, lang, tables=True)]
    out += [f"- {summary_line(findings, unlisted, lang, files, base)}", ""]
    # (as the text report says it: a reviewer reading the summary tells a clean pull request from a forgotten one)
    if not findings:
        out += [f"**{t['none']}**", ""]
    elif not listed:
        out += [f"**{_none_listed(base, scope, lang)}**", ""]
    findings = listed
    # (with --base, the pull request's summary: the tables' rows are those of the findings listed — the files changed,
    # every error —, not the whole university's, which the scheduled run and the site show)
    told = _told(listed) if base is not None and base.files is not None else None
    def mine(key, unit=None) -> bool:  # (with --unit, a row of the unit's: a problem's by its chain, Scope.problems)
        return (told is None or key in told) and (scope is None or (
            key[1] in scope.problems if key[0] == "problem" else unit in scope.ids))
    # (first, with the hint, as the text report: an error fails the CI step, whose log is empty — its output is here)
    rows = [[f"`{report.location(f)}`", f.code, f.message(lang), f.hint(lang)] for f in findings if f.severity == F.ERROR]
    out += _table(t["records"], m["fix_head"], rows, lang)
    if said := _not_checked(data, lang, {f.file for f in findings}, lambda file: f"`{file}`"):
        out += [f"- {line}" for line in said] + [""]
    def ledger_row(r) -> list:
        return [r["period"], r["name"], m["grace"] if in_grace(r, data.get("today", "")) else m["status"][r["status"]],
                r["days_late"], r["submitted"], m["source"][r["source"]]]
    def by_unit(rows) -> list:  # (a unit reviewer looks for their people: a table for each unit, its name and count)
        return [(rows[0].get("unit_name") or unit or m["no_unit"], [ledger_row(r) for r in rows])
                for unit, rows in _by_unit(rows, lambda r: r.get("unit"), units)]
    owed = [r for r in data.get("ledgers", []) if r["status"] in ("late", "missing") and r.get("required", True)
            and mine(("ledger", r["period"], r["cadre"]), r.get("unit"))]
    out += _unit_tables(m["ledgers"], m["unit_ledger_head"], by_unit(owed), lang)
    # (handed in, not accepted until fixed: deadlines.with_errors; the errors themselves are in the findings)
    broken = [r for r in data.get("ledgers", []) if r.get("errors")]
    out += _unit_tables(m["errors"], m["unit_ledger_head"], by_unit(broken), lang)
    rows = [[y["academic_year"], c["name"], c["unit_name"] or c["unit"],
             "；".join(f"{g['from']}–{g['to']}" for g in c["gaps"])]
            for y in data.get("coverage", []) for c in y["classes"] if c["gaps"] and mine(("class", c["class"]), c["unit"])]
    out += _table(m["coverage"], m["coverage_head"], rows, lang)
    matrix = data.get("semester_matrix", {"semesters": [], "rows": []})
    rows = [[s["id"], r["name"], r.get("unit_name") or r["unit"], cell["count"], cell["required"]]
            for s in matrix["semesters"] if s["judged"] for r in matrix["rows"]
            if (cell := r["cells"].get(s["id"])) and cell["required"] and not cell["met"] and not cell["exempt"]
            and mine(("semester", r["cadre"], s["id"]), r["unit"])]
    out += _table(m["semester"], m["semester_head"], rows, lang)
    rows = [[c["root"], c["category"], c["unit_name"] or c["unit"], c["status"], c["age_days"]]
            for c in data.get("feedback", []) if c["overdue"] and mine(("problem", c["root"]))]
    out += _table(m["feedback"], m["feedback_head"], rows, lang)
    rows = [[e["name"], ("、" if lang == "zh" else ", ").join(RULES[lang].get(r, r) for r in e["rules"]), f"{e['start']}–{e['end']}", e["reason"], m["state"][e["state"]],
             describe(e.get("excused") or [], e.get("rules") or [], lang)]
            for e in _exemptions(data, scope)]  # (what each excused: the text report counts them only)
    out += _table(m["exemptions"], m["exemptions_head"], rows, lang)
    rows = [[f"`{report.location(f)}`", m["level"][f.severity], f.code, f.message(lang)] for f in findings]
    title = m["findings_changed"].format(base=base.rev) if base is not None and base.files is not None else \
        m["findings_unit"].format(units=_units_said(scope, lang)) if scope is not None else \
        m["findings"]
    out += _table(title, m["findings_head"], rows, lang)
    return "\n".join(out) + "\n"
