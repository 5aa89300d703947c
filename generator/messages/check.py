"""Codes of the check stage (policy checks, `python -m generator check`).

E-CHK-… are findings about the records themselves: always errors.
W-CHK-… are warnings.  Those marked `"strict": True` are about time (deadlines,
coverage, semester contacts, overdue student problems): warnings in an ordinary run,
errors with `--strict` (the scheduled run), so that one late cadre never blocks
another cadre's pull request.
"""

# W-CHK-023's and W-CHK-024's hint: the next cycle's file to write, and the command that drafts it
NEXT_CYCLE_HINT = {
    "hint_zh": "请管理员新建 {records}/assignments/{next}.yaml（{next_start} 至 {next_end}），列出每位在任干部的联系点："
               "python -m generator draft-cycle --from {cycle} 照本周期写出它的草稿，注释标出要决定的各行；"
               "见 使用指南 → 管理员：年复一年的变动 → 新的两年周期。",
    "hint_en": "An administrator writes {records}/assignments/{next}.yaml ({next_start} to {next_end}) with every "
               "cadre in office's contact point: python -m generator draft-cycle --from {cycle} drafts it from this "
               "cycle, with comments on the rows to decide; see the guide, administrators, a new two-year cycle.",
}

CODES = {
    # ---- contact points (R1, R4) ------------------------------------------
    "E-CHK-001": {
        "severity": "error",
        "zh": "干部“{name}”在 {start} 至 {end} 同时有 {count} 个联系点，政策规定每人 {required} 个",
        "en": "cadre '{name}' holds {count|contact point|contact points} from {start} to {end}; the policy requires {required}",
        "hint_zh": "调整联系点时，请先给原来的一行填写结束日期（end），新的一行从次日开始。",
        "hint_en": "When a contact point changes, give the old row an end date and start the new row the day after.",
    },
    "E-CHK-002": {
        "severity": "error",
        "zh": "安排的{which}日期 {value} 超出了本周期 {cycle}（{start} 至 {end}）",
        "en": "the assignment's {which_en} date {value} is outside its cycle {cycle} ({start} to {end})",
        "hint_zh": "一个周期文件只写本周期内的安排；跨周期的安排请在下一周期的文件中另写一行。",
        "hint_en": "A cycle file holds only that cycle's assignments; continue in the next cycle's file.",
    },
    "E-CHK-003": {
        "severity": "error",
        "zh": "干部“{name}”的任职时间（{active_from} 至 {active_to}）与这条安排（{start} 至 {end}）没有交集",
        "en": "cadre '{name}' is not in office ({active_from} to {active_to}) at any time of this assignment ({start} to {end})",
        "hint_zh": "请检查安排的日期，或干部文件中的任职开始/结束日期（active_from / active_to）。",
        "hint_en": "Check the assignment's dates or the cadre's active_from / active_to.",
    },
    # ---- ledger content -----------------------------------------------------
    "E-CHK-004": {
        "severity": "error",
        "zh": "干部“{name}”在 {period}（{start} 至 {end}）没有联系点安排，不应填报这一期台账",
        "en": "cadre '{name}' held no contact point during {period} ({start} to {end}), so no ledger is expected",
        "hint_zh": "请检查文件夹（期间）和文件名（干部编号）是否写对；如安排表漏写，请管理员补充 {records}/assignments/。",
        "hint_en": "Check the folder (period) and file name (cadre); if the assignment table is missing a row, ask an administrator.",
    },
    "E-CHK-005": {
        "severity": "error",
        "zh": "联系点“{point}”在 {period} 不是干部“{name}”的联系点（该期间的联系点：{held}）",
        "en": "'{point}' was not a contact point of cadre '{name}' during {period} (held: {held})",
        # (how: the one point the cadre held then, by its name, and the line with it — else where the points assigned
        # are: check.ledger_content._held_line)
        "hint_zh": "{how}；联系点有变动请联系管理员。",
        "hint_en": "{how_en}; ask an administrator about changes.",
    },
    "E-CHK-006": {
        "severity": "error",
        "zh": "{what} {value} 晚于今天（{today}）",
        "en": "{what_en} {value} is after today ({today})",
        "hint_zh": "只能记录已经发生的事情；请检查日期是否写错。",
        "hint_en": "Record only what has happened; check the date.",
    },
    "E-CHK-007": {
        "severity": "error",
        "zh": "填报期间 {period} 从 {start} 才开始，今天（{today}）还不能填报",
        "en": "period {period} starts on {start}; a ledger cannot be filed for it today ({today})",
        "hint_zh": "请检查文件夹名称（期间）是否写错。",
        "hint_en": "Check the folder name (period).",
    },
    # ---- feedback (R10, R11) ------------------------------------------------
    "E-CHK-010": {
        "severity": "error",
        # ({means}: MEANS_SAID's words, none when the status's name is the meaning's — 状态“已上报”表示已上报 said it twice)
        "zh": "状态“{status}”{means}，但没有填写报告对象（escalated_to）",
        "en": "status '{status}' means escalated, but escalated_to is missing",
        "hint_zh": "请填写问题报告给了谁，可选：{allowed}。{amend}",
        "hint_en": "Say to whom it was escalated; allowed: {allowed}.{amend_en}",
    },
    "E-CHK-011": {
        "severity": "error",
        "zh": "状态“{status}”{means}，但没有填写{missing}",
        "en": "status '{status}' means resolved, but it gives no {missing_en}",
        # ({missing}, {lines}: RESOLVED_MISSING's words, LINES_UNDER_STATUS or RESOLVED_NEEDS_BOTH)
        "hint_zh": "{lines}{amend}",
        "hint_en": "{lines_en}{amend_en}",
    },
    "E-CHK-012": {
        "severity": "error",
        "zh": "“{ref}”已于 {resolved_period} 标为已解决，这里又改为“{status}”，但没有说明原因（note）",
        "en": "'{ref}' was resolved in {resolved_period} and is '{status}' again here without a note",
        "hint_zh": "问题重新打开时，请在 note 中说明原因。{amend}",
        "hint_en": "When an item is reopened, explain why in 'note'.{amend_en}",
    },
    "W-ARCH-001": {
        "severity": "warning",
        "zh": "备案清单没有记下 {period} 备案时问题办理状态的含义（feedback_statuses），与它同一次提交的 {policy} "
              "也读不到（{why}）：这一期 {count} 份备案的台账中的问题按现在的含义判断：{meanings}",
        "en": "the manifest does not record what the feedback statuses meant when {period} was archived "
              "(feedback_statuses), and the {policy} committed with it cannot be read ({why_en}): the "
              "items in the period's archived ledgers ({count}) are judged by today's meanings: {meanings_en}",
        "hint_zh": "{run}由管理员在这一行（ledgers:）之前加上备案时的含义并提交，只加这一行、不改别处（不要重新备案：那会按现在的记录"
                   "重新判断这一期）。备案时的含义与现在相同时，这一行是：{yaml}"
                   "；不同时按{then}改写。",
        "hint_en": "{run_en} adds what they meant when archived before this line "
                   "(ledgers:) and commits it, that line alone (do not archive again: that would judge the period by "
                   "today's records). If they meant then what they mean now, the line is: {yaml} "
                   "; otherwise write it from {then_en}.",
    },
    # ---- deadlines (R6): history and imports -------------------------------
    "E-CHK-020": {
        "severity": "error",
        "zh": "导入的台账 {path} 在导入后被修改过（内容指纹 sha256 不一致）",
        "en": "imported ledger {path} changed after it was imported (sha256 differs)",
        "hint_zh": "导入的台账不应再修改；如确需更正，请管理员更新清单中的 sha256 并在提交说明中写明原因"
                   "（已备案期间的台账：不改清单，由管理员提交更正记录 {amendment}）。",
        "hint_en": "Imported ledgers should not change; an administrator updates the sha256 and explains why in the commit "
                   "(a ledger of an archived period: not the manifest but an amendment record "
                   "{amendment} by an administrator).",
    },
    "E-CHK-021": {
        "severity": "error",
        "zh": "导入清单中 {path} 的提交日期 {value} 晚于今天（{today}）",
        "en": "{path}: declared submission date {value} is after today ({today})",
        "hint_zh": "导入清单只登记系统上线前已经提交的台账；请检查日期。",
        "hint_en": "Imports declare ledgers submitted before the repository existed; check the date.",
    },
    "E-CHK-022": {
        "severity": "error",
        "zh": "这是一个浅克隆（shallow clone），Git 历史不完整，无法判断 {count} 份台账是否按时提交{past}",
        "en": "this is a shallow clone: Git history is incomplete, {count|ledger's submission time|ledgers' submission times} cannot be judged{past_en}",
        "hint_zh": "在 GitHub Actions 中给 actions/checkout 加上 with: fetch-depth: 0；本地可运行 git fetch --unshallow。",
        "hint_en": "Give actions/checkout 'with: fetch-depth: 0' in GitHub Actions; locally run git fetch --unshallow.",
    },
    "E-CHK-023": {
        "severity": "error",
        "zh": "无法读取 Git 历史（{reason}），{count} 份台账的提交时间无法判断{past}",
        "en": "cannot read the Git history ({reason_en}); {count|ledger's submission time|ledgers' submission times} cannot be judged{past_en}",
        "hint_zh": "请在 Git 仓库中运行本命令（台账以进入仓库主分支的时间为准）。",
        "hint_en": "Run the command inside the Git repository; a ledger counts from when it landed in the branch.",
    },
    # ---- time-based warnings (errors with --strict) -------------------------
    "W-CHK-001": {
        "severity": "warning", "strict": True,
        "zh": "新生班级“{name}”（{unit}）自 {since} 起没有联系干部{until}",
        "en": "freshman class '{name}' ({unit}) has had no cadre since {since}{until_en}",
        "hint_zh": "新生班级须全覆盖（R2）：请管理员在 {records}/assignments/{cycle} 中为该班级安排一位联系干部：加一行 "
                   "- {{cadre: 待填写, class: {cid}, start: {start}, reason: 改为联系{cohort}级新生班级}}（待填写 写干部编号），"
                   "并给这位干部原来的一行写上 end: {before} 和 reason；见 使用指南 → 管理员：年复一年的变动 → 调整联系点。",
        "hint_en": "Every freshman class needs a cadre (R2): an administrator adds a row to {records}/assignments/{cycle}, "
                   "- {{cadre: 待填写, class: {cid}, start: {start}, reason: 改为联系{cohort}级新生班级}} (待填写: the cadre's "
                   "id), and ends that cadre's previous row with end: {before} and a reason; see the guide, administrators, "
                   "changing a contact point.",
    },
    "W-CHK-002": {
        "severity": "warning", "strict": True,
        "zh": "干部“{name}”在 {start} 至 {end} 只有 {count} 个联系点（政策规定 {required} 个）{after}",
        "en": "cadre '{name}' held {count|contact point|contact points} from {start} to {end} (the policy requires {required}){after_en}",
        "hint_zh": "请管理员在 {records}/assignments/ 中为这段时间补上联系点安排（或登记豁免）。",
        "hint_en": "An administrator adds the missing assignment in {records}/assignments/ (or records an exemption).",
    },
    "W-CHK-003": {
        "severity": "warning",
        "zh": "干部“{name}”的这条安排将于 {end} 结束，但之后没有新的联系点安排",
        "en": "the assignment of cadre '{name}' ends on {end} and no assignment follows it",
        "hint_zh": "请管理员提前安排新的联系点，新的一行从 {next} 开始。",
        "hint_en": "An administrator adds the next assignment, starting {next}.",
    },
    "W-CHK-004": {
        "severity": "warning", "strict": True,
        "zh": "干部“{name}”在{semester}（{start} 至 {end}）只联系学生 {count} 次，至少应 {required} 次{uncounted}",
        "en": "cadre '{name}' met students {count|time|times} in {semester_id} ({start} to {end}); at least {required} required{uncounted_en}",
        "hint_zh": "每学期至少深入学生当中 {required} 次（R5）；{fix}",
        "hint_en": "At least {required} contacts per semester (R5); {fix_en}",
    },
    "W-CHK-005": {
        "severity": "warning", "strict": True,
        "zh": "{name} 的 {period} 台账逾期 {days} 天提交（截止日期 {due}{grace}，{source}提交于 {submitted}）",
        "en": "{name}'s ledger for {period} was {days|day|days} late (due {due}{grace_en}, submitted {submitted} per {source_en})",
        "hint_zh": "提交时间以台账合并进主分支的时间（或导入清单登记的日期）为准，不是开拉取请求或在网页表单中保存的时间：今后请提早提交，留出本单位审核人批准、合并的时间，在截止日前合并。",
        "hint_en": "A ledger counts from when it was merged into the main branch (or the date an import declares), not when its pull request was opened or the web form saved it: hand it in early enough for the unit's reviewer to approve and merge it before the deadline.",
    },
    "W-CHK-006": {
        "severity": "warning", "strict": True,
        "zh": "{name}（{unit}）未提交 {period} 台账（截止日期 {due}{grace}）{state}",
        "en": "{name} ({unit}) has not submitted the ledger for {period} (due {due}{grace_en}){state_en}",
        "hint_zh": "请尽快提交 {path}；如因休假、挂职等原因免于填报，请管理员登记豁免。",
        "hint_en": "Submit {path}; if exempt (leave, secondment), an administrator records an exemption.",
    },
    "W-CHK-017": {
        "severity": "warning", "strict": True,
        "zh": "{name} 的 {period} 台账没有记录任何联系学生的活动（截止日期 {due}{grace} 已过）",
        "en": "{name}'s ledger for {period} records no activity with students (due {due}{grace_en}: passed)",
        "hint_zh": "台账要记录本期联系学生的工作情况（R6）：请在“联系学生活动”（activities）中补记本期的每一次活动；如本期因病假、挂职等原因没有联系学生，请管理员登记豁免每学期联系（semester_contacts）。",
        "hint_en": "A ledger records the period's contact work (R6): add each of the period's activities under activities; "
                   "if the cadre met no students for leave or a secondment, an administrator records an exemption (semester_contacts).",
    },
    "W-CHK-007": {
        "severity": "warning", "strict": True,
        "zh": "学生反映的问题“{root}”（{category}）已 {age} 天仍为“{status}”，超过 {limit} 天",
        "en": "student item '{root}' ({category}) has been '{status}' for {age|day|days}, more than {limit}",
        "hint_zh": "请及时跟进：在下一期台账中用 follows: {root} 记录最新进展。",
        "hint_en": "Follow it up: record progress in the next ledger with follows: {root}.",
    },
    "W-CHK-026": {
        "severity": "warning",
        # ({whom}, {to}: the 党委 of the first link's cadre's unit on its raised_on, else — a department — the students' college's:
        # check.feedback._committee_to_report_to)
        "zh": "学生反映的问题“{root}”标为{nature}问题，还没有解决，也没有向{whom}报告（escalated_to）",
        "en": "student problem '{root}' is marked '{nature}', is not resolved, and was never reported to {whom_en} "
              "(escalated_to)",
        "hint_zh": "重大问题、共性问题要及时向相关学院党委报告：报告后在这一条（或以 follows: {root} 跟进的一条）写上 "
                   "escalated_to: {to}。",
        "hint_en": "A major or common problem is reported to the Party committee of the college concerned in time: once "
                   "reported, write escalated_to: {to_en} on this item (or on a follow-up with follows: {root}).",
    },
    "W-CHK-027": {
        "severity": "warning",
        # (a resolution that is only a word of the policy's vocabularies.empty_resolutions: check.feedback.check_items)
        "zh": "学生反映的问题“{ref}”的解决情况只写了“{resolution}”，没有说是怎样解决的",
        "en": "the resolution of student item '{ref}' says only '{resolution}', not how it was resolved",
        "hint_zh": "问题要研究解决落实（R10）：请在 resolution 写明做了什么、由谁办理、结果如何，如“后勤保障处把热水供应"
                   "延长到 23 点，学生反映已满意”。{amend}",
        "hint_en": "Problems are to be studied, solved and seen through (R10): write in resolution what was done, by "
                   "whom, and the result, e.g. 'the logistics office extended the hot water to 23:00; the students are "
                   "satisfied'.{amend_en}",
    },
    "W-CHK-025": {
        "severity": "warning",
        # ({to}: her unit's 党委 where units.yaml names one, else the unit:
        # check.feedback._follows_another_units_problem)
        "zh": "跟进的“{ref}”是{unit_name}{name}反映的问题（{where}），{cadre_name}在{own_unit}，这个问题也没有上报{to}",
        "en": "'{ref}' is a problem raised by {name} of {unit_name} ({where}); {cadre_name} is in {own_unit}, "
              "and it was not reported to {to}",
        "hint_zh": "编号写错了的，请改为要跟进的那一条的编号；确是{unit_name}的问题，请{name}在自己的台账中跟进"
                   "（别的单位的问题上报了{to}以后，才由本单位跟进）。",
        "hint_en": "If the id is mistyped, write the id of the item followed up; if it is {unit_name}'s problem, {name} "
                   "follows it up in their own ledger (another unit's problem is this unit's to follow up once "
                   "reported to {to}).",
    },
    # ---- other warnings -------------------------------------------------------
    "W-CHK-010": {
        "severity": "warning",
        "zh": "活动日期 {date} 不在任何学期之内（校历 {records}/calendar.yaml），不计入每学期联系次数",
        "en": "activity date {date} is outside every semester ({records}/calendar.yaml); it counts for no semester",
        "hint_zh": "假期中的活动可以保留；若日期写错请改正。",
        "hint_en": "Holiday activities may stay; fix the date if it is wrong.",
    },
    "W-CHK-012": {
        "severity": "warning",
        "zh": "活动日期 {date} 那天干部“{name}”没有联系点（本期持有联系点的时间：{spans}）",
        "en": "on {date}, the activity's date, cadre '{name}' held no contact point (held in this period: {spans_en})",
        # (how: before the cadre took office, that day and that contacts before it are not theirs —
        # messages.references.BEFORE_OFFICE; else W_CHK_012_CHECK)
        "hint_zh": "{how}",
        "hint_en": "{how_en}",
    },
    "W-CHK-013": {
        "severity": "warning",
        "zh": "{kind}“{point}”只存续到 {until}（毕业、合并或撤销），这条安排（{start} 至 {end}）在那以后仍把它列为干部“{name}”的联系点",
        "en": "{kind_en} '{point}' existed until {until} (graduated, merged or dissolved), but this assignment ({start} to {end}) "
              "still names it as a contact point of cadre '{name}' after that day",
        "hint_zh": "{fix}",  # (W_CHK_013_FIX below: the row began before or after its point ended)
        "hint_en": "{fix_en}",
    },
    "W-CHK-014": {
        "severity": "warning",
        "zh": "{kind}“{name}”{post}仍在单位“{unit}”，但该单位只存续到 {until}（合并或撤销）",
        "en": "{kind_en} '{name}'{post_en} is still in unit '{unit}', which existed until {until} (merged or dissolved)",
        "hint_zh": "“{unit}”{until} 以后已不存在。请管理员把它改到接替的单位{successor}（{unit_id}；干部按“调到别的单位”改写，"
                   "原单位写进 earlier，until: {until}）；它也已结束的，{ended}。",
        "hint_en": "'{unit}' no longer exists after {until}. An administrator moves it to the unit that took over"
                   "{successor_en} ({unit_id_en}; a cadre as for a move, with the old unit in earlier, until: {until}), or, if it ended too, "
                   "{ended_en}.",
    },
    "W-CHK-015": {
        "severity": "warning",
        "zh": "政策的 {name} 在 {day} 由 {old} 改为 {new}，没有写进 {section}.earlier：那以前结束的学期和填报期间现在也按 {new} 判断",
        "en": "the policy's {name} changed from {old} to {new} on {day} with nothing in {section}.earlier: the semesters "
              "and ledger periods that ended before are now judged by {new} too",
        "hint_zh": "改动以前的学期和期间应仍按原来的数字判断：请管理员在 {section}.earlier 加一项（已有 until 同一天的一项时，"
                   "把这个数字加进那一项）：{entry}；见 使用指南 → 政策检查（check） → 政策改动了数字。"
                   "如果改动是更正写错的数字、以前各期也应按新数字判断，这一项中写 {new}。",
        "hint_en": "The semesters and periods before the change are to be judged by the old number: an administrator adds "
                   "to {section}.earlier (or, if an entry with the same until is there, adds the number to it): {entry}; "
                   "see the guide, policy checks, when the policy's numbers change. If the change corrected a wrong "
                   "number and the past is to be judged by the new one, write {new} in that entry.",
    },
    "W-CHK-028": {
        "severity": "warning",
        # (policy_history: the same versions of the policy as W-CHK-015's)
        "zh": "政策的词表 vocabularies.{list} 在 {day} 删去了“{word}”，没有写进 vocabularies.earlier：那以前的 {ledgers} 份台账"
              "（如 {example}）写了它，现在报 E-REF-005",
        "en": "the policy removed '{word}' from vocabularies.{list} on {day} with nothing in vocabularies.earlier: "
              "{ledgers} ledgers of before (such as {example}) use it, and now give E-REF-005",
        "hint_zh": "改动以前的台账仍可写那时的词：请管理员在 vocabularies.earlier 加一项，写上改动以前的整个列表（已有 until "
                   "同一天的一项时，把这个列表加进那一项）：{entry}；见 使用指南 → 管理员：年复一年的变动 → 政策改了词表。"
                   "如果以前的台账也不应写这个词，就改这些台账，不加这一项。",
        "hint_en": "The ledgers of before the change may keep the words of then: an administrator adds to "
                   "vocabularies.earlier the whole list as it was (or, if an entry with the same until is there, adds "
                   "the list to it): {entry}; see the guide, administrators, when the policy's word lists change. If "
                   "the ledgers of before are not to use the word either, correct them instead.",
    },
    "W-CHK-029": {
        "severity": "warning",
        # (policy_history: W-CHK-028's versions; a status is kept by no vocabularies.earlier — site/guide/admin.md: its
        # replacement of the same meaning, and a synonyms entry, {entry}: its word the status of now of that meaning
        # if one only came with the deletion, else STATUS_REPLACING)
        "zh": "政策在 {day} 从办理状态（vocabularies.feedback_statuses）删去了“{word}”：未备案期间的 {ledgers} 份台账"
              "（如 {example}）仍写着它，现在报 E-REF-005",
        "en": "the policy removed the status '{word}' from vocabularies.feedback_statuses on {day}: {ledgers} ledgers of "
              "unarchived periods (such as {example}) still use it, and now give E-REF-005",
        "hint_zh": "办理状态不能靠 vocabularies.earlier 留住：请管理员确认接替它的状态已写进 feedback_statuses（meaning 写原来的含义 "
                   "{meaning}），并在 vocabularies.synonyms 写一项：{entry}。这些台账的 E-REF-005 就会说出要改成的状态，照着改完即可；"
                   "见 使用指南 → 管理员：年复一年的变动 → 政策改了词表。",
        "hint_en": "No vocabularies.earlier keeps a status: an administrator makes sure the status replacing it is in "
                   "feedback_statuses (its meaning the old one's, {meaning}) and adds to vocabularies.synonyms: "
                   "{entry_en}. Those ledgers' E-REF-005 then say the status to write; correct them as they say. See the "
                   "guide, administrators, when the policy's word lists change.",
    },
    "W-CHK-016": {
        "severity": "warning",
        "zh": "校历中{what} {id} {change}，那时这个{what}已经结束（{ended}）：{now}，以前的检查结果可能随之改变",
        "en": "the calendar's {what_en} {id} {change_en}, after it had ended ({ended}): {now_en}, and earlier checks "
              "of it may have said otherwise",
        "hint_zh": "校历不留改动以前的日期，过去的学期和学年都按现在写的判断。{fix}见 使用指南 → 政策检查（check） → 校历改动了日期。",
        "hint_en": "The calendar keeps no earlier dates: past semesters and years are judged by what is written now. "
                   "{fix_en} See the guide, policy checks, when the calendar's dates change.",
    },
    "W-CHK-018": {
        "severity": "warning",
        "zh": "校历中{what} {id} 的更正记录 {entry} 对不上 Git 历史中的任何一次改动：它什么也没有消除",
        "en": "the calendar's correction {entry} of the {what_en} {id} matches no change in Git's history: it silences nothing",
        "hint_zh": "corrected 的一项要写改动提交的那一天（on）和改动以前的日期（start、end），或删去、补上的编号（removed、added），"
                   "与 W-CHK-016 提示的一样。{would}。见 使用指南 → 政策检查（check） → 校历改动了日期。",
        "hint_en": "An entry of corrected gives the day the change was committed (on) and the date before it (start, end) "
                   "or the id taken out (removed) or added (added), as W-CHK-016's hint says. {would_en}. See the guide, policy checks, "
                   "when the calendar's dates change.",
    },
    "W-CHK-019": {
        "severity": "warning",
        "zh": "干部“{name}”联系{kind} {point}（{start} 起）的安排在 {on} {change}，那时它已经开始：{now}",
        "en": "the assignment of cadre '{name}' to the {kind_en} {point} (from {start}) {change_en} on {on}, after it had begun: "
              "{now_en}",
        "hint_zh": "已经开始的安排不能改写或删去（动态管理，调整要留下记录）。请管理员{undo}{put}（cadre: {cadre}，"
                   "{kind_key}: {point}，start: {start}），写上 end: {last} 和 reason（调整原因）{had}，"
                   "再为新的联系点或日期另起一行，新的一行也写上 reason；见 使用指南 → 管理员：年复一年的变动 → 调整联系点。{fix}",
        "hint_en": "An assignment that has begun is not rewritten or deleted (changes stay on record). An administrator {undo_en}{put_en} "
                   "(cadre: {cadre}, {kind_key}: {point}, start: {start}) with end: {last} and a reason{had_en}, "
                   "and adds a new row, with its own reason, for the new contact point or date; see the guide, administrators, changing a "
                   "contact point.{fix_en}",
    },
    "W-CHK-020": {
        "severity": "warning",
        "zh": "干部“{name}”的这条安排在周期 {cycle}（{c_start} 至 {c_end}）之内{what}，但没有写调整原因（reason）",
        "en": "the assignment of cadre '{name}' {what_en} inside its cycle {cycle} ({c_start} to {c_end}), but gives no reason",
        "hint_zh": "周期内新增或结束一条安排要写明原因（动态管理，调整要留下记录）：请管理员{add}"
                   "（如“联系点调整至新生班级”“接任某某的联系点”）；干部到任、离任那天（active_from、"
                   "active_to）和班级、社团存续到的那天（until）已经说明了原因，不用再写；见 使用指南 → 管理员：年复一年的变动 → 调整联系点。",
        "hint_en": "A row added or ended inside a cycle says why (changes stay on record): an administrator {add_en}, "
                   "e.g. the new freshman class or whose point it takes over; a start on the cadre's first day in office (active_from), an end on their last (active_to) or on "
                   "the class's or club's until need none; see the guide, administrators, changing a contact point.",
    },
    "W-CHK-021": {
        "severity": "warning",
        "zh": "干部“{name}”联系{kind} {point}（{start} 起）的这一行的更正记录 {entry} 对不上 Git 历史中这一行的任何一次改写："
              "它什么也没有消除",
        "en": "the correction {entry} of the assignment of cadre '{name}' to the {kind_en} {point} (from {start}) "
              "matches no rewrite of the row in Git's history: it silences nothing",
        "hint_zh": "corrected 的一项要写改写提交的那一天（on）和改写以前的值（cadre、class 或 club、start 中改了的），"
                   "与 W-CHK-019 提示的一样。{would}。见 使用指南 → 管理员：年复一年的变动 → 调整联系点。",
        "hint_en": "An entry of corrected gives the day the rewrite was committed (on) and the values before it that it "
                   "changed (cadre, class or club, start), as W-CHK-019's hint says. {would_en}. See the guide, "
                   "administrators, changing a contact point.",
    },
    # (a unit's reviewer whose cadre record has ended: CODEOWNERS, made from units.yaml, still names them)
    "W-CHK-022": {
        "severity": "warning",
        "zh": "单位“{unit}”的审核人 {account} 是干部“{name}”的 Git 账号，{name}已于 {left} 离任，仍能审核本单位干部的台账",
        "en": "reviewer {account} of unit '{unit}' is the Git account of cadre '{name}', who left office on {left}, "
              "and may still approve the unit's ledgers",
        "hint_zh": "请管理员在 {records}/units.yaml 中把 {account} 换成接任审核的人的 Git 账号（或删去这一项），再运行 "
                   "python -m generator codeowners，把 CODEOWNERS 一同提交；见 使用指南 → 管理员：年复一年的变动 → 干部离任。",
        "hint_en": "An administrator replaces {account} in {records}/units.yaml with the account of whoever reviews now "
                   "(or removes it), then runs python -m generator codeowners and commits CODEOWNERS with it; see the "
                   "guide, administrators, a cadre leaving.",
    },
    "W-CHK-011": {
        "severity": "warning",
        "zh": "校历只写到 {end}，今天（{today}）不在任何学年之内：新生班级覆盖和每学期联系次数从 {after} 起都没有检查",
        "en": "the calendar ends on {end}: today ({today}) is in no academic year, so freshman coverage and "
              "semester contacts are not checked from {after} on",
        "hint_zh": "请在 {records}/calendar.yaml 中加上 {next} 学年及其学期（起止日期按学校校历）；每年新学年开始前加上。",
        "hint_en": "Add the academic year {next} and its semesters to {records}/calendar.yaml (dates from the "
                   "university's calendar), before each new academic year begins.",
    },
    "W-CHK-023": {
        "severity": "warning",
        "zh": "安排表只写到 {end}（{cycle} 周期的最后一天），今天（{today}）不在任何安排周期之内：{count} 位在任干部从 {after} "
              "起都没有联系点安排，是否每人都有联系点（R1）没有检查",
        "en": "the assignments end on {end}, the last day of the {cycle} cycle: today ({today}) is in no cycle, so "
              "{count|cadre in office has|cadres in office have} had no contact point assigned since {after}, and R1 "
              "(a contact point each) is not checked",
        **NEXT_CYCLE_HINT,
    },
    "W-CHK-024": {
        "severity": "warning",
        "zh": "安排表只写到 {end}（{cycle} 周期的最后一天），周期内的学期都已结束，下一学期{term} {term_start} 开始，"
              "还没有它的安排：{count} 位在任干部那时都没有联系点",
        "en": "the assignments end on {end}, the last day of the {cycle} cycle, whose semesters have all ended; the next "
              "semester, {term_id}, starts on {term_start} with no assignment for it: {count|cadre in office has|cadres in "
              "office have} no contact point then",
        **NEXT_CYCLE_HINT,
    },
}

# W-CHK-016's hint: a change to record in `corrected` (or undo) — or, told in a replay of a past day, a semester or
# year added after its end and taken out of the calendar since: nothing to record (an entry of it would silence no
# change today: W-CHK-018)
W_CHK_016_FIX = {
    "record": ("如果是更正（{right}），{how}，这条警告就不再报；请管理员在提交说明中写明更正的原因，"
               "并告知受影响的单位这个{what}的检查结果可能变了。如果不是更正，请{undo}。",
               "If the change was a correction ({right_en}), {how_en} and this warning is no longer given; an "
               "administrator explains the correction in the commit message and tells the units concerned that this "
               "{what_en}'s results may have changed. If it was no correction, {undo_en}."),
    "gone": ("它后来已经从校历中删去，这次加入已经撤销，不用在 corrected 中记录什么"
             "（记下它反而会在今天的检查中报 W-CHK-018）；这个{what}在那几天的检查结果可能变过。",
             "It has been taken out of the calendar since, which undid the addition: nothing needs recording in "
             "corrected (an entry of it would give W-CHK-018 in today's check); this {what_en}'s results may have "
             "differed on the days between."),
}

# E-CHK-010's and E-CHK-011's {means}: what a status of the university's vocabulary means (its `meaning`), said after
# its name — 状态“已办结”表示已解决 — but not when the name is the meaning's word (the demo's 已解决: 状态“已解决”，但…)
MEANS_SAID = {"escalated": ("已上报", "表示已上报"), "resolved": ("已解决", "表示已解决")}

# E-CHK-011 of a resolved item without its resolution or resolved_on, by the fields it lacks (in this order): {missing}
# of its message; its hint's lines to type under the item's `status:` line (LINES_UNDER_STATUS, check.feedback.
# _lines_under_status: how many, what replaces each …, the lines), else — that line holds more than the field, or the
# ledger is frozen (an administrator's amendment) — RESOLVED_NEEDS_BOTH
RESOLVED_MISSING = {
    ("resolution",): {"missing": "解决情况（resolution）", "missing_en": "resolution",
                      "count": "一行", "count_en": "a line", "them_en": "it",
                      "fill": "如何解决的", "fill_en": "how it was resolved",
                      "typed": "resolution: …", "typed_en": "resolution: …"},
    ("resolved_on",): {"missing": "解决日期（resolved_on）", "missing_en": "resolved_on",
                       "count": "一行", "count_en": "a line", "them_en": "it",
                       "fill": "解决的日期（YYYY-MM-DD）", "fill_en": "the day it was (YYYY-MM-DD)",
                       "typed": "resolved_on: …", "typed_en": "resolved_on: …"},
    ("resolution", "resolved_on"): {"missing": "解决情况（resolution）和解决日期（resolved_on）",
                                    "missing_en": "resolution or resolved_on",
                                    "count": "两行", "count_en": "two lines", "them_en": "them",
                                    "fill": "如何解决的和解决的日期（YYYY-MM-DD）",
                                    "fill_en": "how it was resolved and the day it was (YYYY-MM-DD)",
                                    "typed": "resolution: …；resolved_on: …", "typed_en": "resolution: …; resolved_on: …"},
}
LINES_UNDER_STATUS = ("请在第 {row} 行“{shown}”下面加上{count}，与 status 对齐（前面 {at} 个空格；把“…”换成{fill}）：{typed}",
                      "Under line {row} ({shown}) add {count_en} aligned with status ({at} spaces before {them_en}; "
                      "replace … with {fill_en}): {typed_en}")
RESOLVED_NEEDS_BOTH = ("已解决的问题须写明解决情况（resolution）和解决日期（resolved_on）。",
                       "A resolved item needs a resolution and resolved_on.")

# W-CHK-026's {whom} and {to} (check.feedback._committee_to_report_to): a college's cadre reports to her unit's 党委, a
# department's (no party_committee) to the students' college's, named where the ledger's contact points give one
REPORT_TO_COLLEGE = {"whom": "学院党委", "whom_en": "the college's Party committee"}
REPORT_TO_STUDENTS_COLLEGE = {"whom": "学生所在学院的党委", "whom_en": "the Party committee of the students' college"}
STUDENTS_COLLEGE_UNNAMED = ("学生所在学院党委的名称", "the name of the students' college's Party committee")

# W-CHK-018's and W-CHK-021's hint when the file has one version in Git: the history the `corrected` entries were written
# against is not here (the records copied to a new repository, the history squashed), rather than the entry mistyped
HISTORY_LOST = ("{file} 在 Git 历史中只有一个版本：记录可能是从另一个仓库复制来的，或者 Git 历史被压缩（squash）过，"
                "以前的改动不在这里，所以这一项对不上，不一定是写错了。原来的仓库还在的，请连同历史一起迁移（克隆整个仓库，"
                "或 git push --mirror 到新仓库），不要只复制文件、不要压缩历史；历史已经找不回的，这一项无法再核对，"
                "请删去这一项，并在提交说明中写明原来的仓库和这一项记下的更正",
                "{file} has only one version in Git's history: the records may have been copied from another repository, "
                "or the history squashed, so the earlier changes are not here and the entry need not be mistyped. If the "
                "old repository still exists, move it with its history (clone the whole repository, or git push --mirror "
                "to the new one), not the files alone, and do not squash; if the history is lost, the entry can no "
                "longer be checked: delete it and name the old repository and the correction it recorded in the commit "
                "message")

# W-CHK-013's hint: a row that began while its class or club existed is ended on its last day; one
# that began after it (`end: until` would end it before it starts) never counted: removed or repointed
# W-CHK-012's hint for a day on which the cadre held no point, other than before they took office
W_CHK_012_CHECK = ("请核对日期：到任前、离任后或联系点调整前后的活动不是联系点的工作；如安排表（{records}/assignments/）漏写，请管理员补充。",
                   "Check the date: an activity before taking up the point, after leaving it or office is not contact-point "
                   "work; if the assignment table ({records}/assignments/) misses a row, an administrator adds it.")

# W-CHK-014's {ended}: the last day of what ended too, as its record has the key — a value changed, not a second key
# (E-YAML-003); (key, what its day is) by kind
W_CHK_014_ENDED = {
    "add": ("加上一行 {key}: {day}（不晚于 {until}）", "adds the line {key}: {day_en} (no later than {until})"),
    "braces": ("在它的花括号中，最后一项之后、}} 之前加上 , {key}: {day}（不晚于 {until}）",
               "adds , {key}: {day_en} inside its braces, after its last item, before the }} (no later than {until})"),
    "change": ("把 {key}: {old} 改为{day}（不晚于 {until}）", "changes {key}: {old} to {day_en} (no later than {until})"),
    "post": ("把这一项以往任职的 until: {old} 改为在原单位的最后一天（不晚于 {until}）",
             "changes this earlier post's until: {old} to the last day there (no later than {until})"),
    "class": ("until", "它存续的最后一天", "its last day"),
    "club": ("until", "它存续的最后一天", "its last day"),
    "cadre": ("active_to", "离任那天", "the day they left office"),
}

# W-CHK-020's {add}: the line to type — added, or, the row's reason there but blank (reason: "  "), its value written
# (a second reason line: E-YAML-003)
W_CHK_020_ADD = {
    "add": ("在这一行下（与它的 start: 对齐）加上一行 reason: 调整原因", "adds the line reason: … to the row (aligned with its start:)"),
    "blank": ("不要再加一行 reason:，而把这一行空着的 reason 写上调整原因：reason: 调整原因",
              "writes the reason in the row's blank reason line (reason: …), not a second reason line"),
    "braces": ("在这一行的花括号中，最后一项之后、} 之前加上 , reason: 调整原因",
               "adds , reason: … inside the row's braces, after its last item, before the }"),
}

# W-CHK-013's {lines}: the lines to type, as the row has them — its end changed, not a second end; a reason it has
# kept, not a second reason line (a key twice: E-YAML-003; an end on the until needs none, W-CHK-020)
W_CHK_013_LINES = {
    "add_end": ("在这一行加上一行 end: {until}", "adds the line end: {until} to the row"),
    "change_end": ("把这一行的 end: {end} 改为 end: {until}", "changes the row's end: {end} to end: {until}"),
    "add_reason": ("，再加上一行 reason: {why}（与 start: 对齐；原因如“班级毕业”“社团撤销”）",
                   " and the line reason: {why} (aligned with start:; the reason, e.g. 班级毕业, 社团撤销)"),
    "has_reason": ("；这一行已有 reason，不要再加一行 reason:（写两次是 YAML 的错误），{kind}的 until 已说明它为什么结束，"
                   "需要时改写那一行即可",
                   "; the row has a reason already: no second reason line (a key written twice is a YAML error), the "
                   "{kind_en}'s until says why it ended; rewrite that line if need be"),
    "why": {"class": "班级毕业", "club": "社团撤销"},
    # (a row written in braces, {cadre: …, start: …}: inside them, not a line under it)
    "add_end_braces": ("在这一行的花括号中，最后一项之后、}} 之前加上 , end: {until}",
                       "adds , end: {until} inside the row's braces, after its last item, before the }}"),
    "add_reason_braces": ("，再在 }} 之前加上 , reason: {why}（原因如“班级毕业”“社团撤销”）",
                          " and , reason: {why} before the }} (the reason, e.g. 班级毕业, 社团撤销)"),
}

W_CHK_013_FIX = {
    "ended": ("{until} 以后这条安排已不再计算。请管理员结束它：{lines}，并为干部“{name}”新增一行新的联系点安排。",
              "The assignment no longer counts after {until}. An administrator ends it ({lines_en}), "
              "and adds a row with the cadre's new contact point."),
    "followed": ("{until} 以后这条安排已不再计算。请管理员结束它：{lines}；"
                 "干部“{name}”的下一条安排从 {next} 开始，其间不须联系点，不必另加一行。",
                 "The assignment no longer counts after {until}. An administrator ends it ({lines_en}); "
                 "the cadre's next assignment starts on {next}, and the days between owe no contact point: no row to add."),
    "leaves": ("{until} 以后这条安排已不再计算。请管理员结束它：{lines}；"
               "干部“{name}”于 {left} 离任，其间不须联系点，不必另加一行。",
               "The assignment no longer counts after {until}. An administrator ends it ({lines_en}); "
               "the cadre leaves office on {left}, and the days between owe no contact point: no row to add."),
    "void": ("这条安排从 {start} 开始，那时{kind}“{point}”已不存在，从未算作联系点。请管理员删去这一行，"
             "或把它改为接替的{kind}（{kind_en} 写那个{kind}的编号）；干部“{name}”另有联系点的，为它新增一行。",
             "This assignment starts on {start}, when {kind_en} '{point}' no longer existed: it never counted. An "
             "administrator removes the row, or points it at the {kind_en} that took over ({kind_en}: that {kind_en}'s id)."),
}

# Added to the first error of a ledger that could not be read (E-YAML-…) and was handed in: it counts as submitted
# when it landed (deadlines.told_submitted), not 未提交 (W-CHK-006)
SUBMITTED_UNREADABLE = ("这份台账已于 {submitted} 提交（{source}），只是有错误、读不了：改正这里的错误即可，提交时间仍按 {submitted} 算。",
                        "This ledger was submitted on {submitted} ({source_en}) but cannot be read: fix the error here; it "
                        "still counts as submitted on {submitted}.")

# The overview's line (check/output.overview) of a past --today's ledgers committed after it, left out (check's
# "ledgers_after_today": Deadlines.left_out): judged as of the day, as the clock rule says, but not without a word
AFTER_TODAY_LINE = ("{n} 份台账在 {today} 之后才提交，未计入（按 {today} 当天的记录检查）",
                    "{n|ledger was|ledgers were} committed after {today}: not counted (checked as the records stood on "
                    "{today})")

# E-LOAD-004's words, in check, for a ledger in a folder under its period's that is owed (deadlines.told_misplaced):
# not filed until it is moved — W-CHK-006's words, told here, not beside it
MISPLACED_MISSING = ("在移到那里之前，它不算已提交：{missing}。",
                     "Until it is moved there it is not filed: {missing}.")

# W-CHK-004's words when the semester's ledgers have errors that keep activities from its count
# (semester_contacts._uncounted): which could not be counted, where, and what to fix
W_CHK_004_UNCOUNTED = {
    "activities": ("；另有 {n} 项活动的日期有误，未能计入：{places}",
                   "; {n|activity|activities} with a date that is not one could not be counted: {places}"),
    "unreadable": ("；台账 {files} 有错误、读不了，其中的活动未能计入",
                   "; the activities of {n|ledger|ledgers} that cannot be read are not counted: {files}"),
    "fix": ("这些活动在台账中，只因台账有错误而未能计入：请改正上面所列台账中的错误（见这些位置的错误提示），改正后即计入。",
            "those activities are in the ledgers but their errors keep them from the count: fix the errors at the "
            "places listed (see their findings) and they count."),
    "add": ("如有遗漏，请在对应期间的台账中补记活动。", "add missing activities to that period's ledger."),
}

# W-CHK-029's synonyms entry, its word when no one status of the deleted one's meaning came with the deletion
STATUS_REPLACING = ("接替的状态", "<the status replacing it>")
