"""Codes of the references stage: ids, file names and cross-record consistency."""

CODES = {
    "E-REF-001": {
        "severity": "error",
        "zh": "{what}“{ref}”{problem}",
        "en": "{what_en} '{ref}' {problem_en}",
        # (a name where the id belongs, 计算机学院: 是名称，这里要写编号, with the id and the line to type, not
        # 不存在 and 请检查拼写: references._missing)
        "hint_zh": "{check}{suggestion}",
        "hint_en": "{check_en}{suggestion_en}",
    },
    "E-REF-002": {
        "severity": "error",
        "zh": "编号“{ref}”重复（已在 {other} 使用）",
        "en": "id '{ref}' is used twice (already in {other})",
        "hint_zh": "每个编号只能用一次；请改用一个新的编号。",
        "hint_en": "Each id may be used once; choose a new one.",
    },
    "E-REF-003": {
        "severity": "error",
        # (what is wrong in the cadre's words, when it is clear: a name for an id, another period's id, a file
        # name's id mistyped; else 与文件位置不一致 — references._place)
        "zh": "{field}“{value}”{problem}（应为“{expected}”）",
        "en": "{field_en} '{value}' {problem_en} (expected '{expected}')",
        "hint_zh": "{why}{move}",
        "hint_en": "{why_en}{move_en}",
    },
    "E-REF-004": {
        "severity": "error",
        "zh": "活动日期 {date} 不在本期（{period}：{start} 至 {end}）之内",
        "en": "activity date {date} is outside the period {period} ({start} to {end})",
        # (the period the day is in, by its ledger, and a year mistyped, the line: references._elsewhere)
        "hint_zh": "{how}",
        "hint_en": "{how_en}",
    },
    "E-REF-005": {
        "severity": "error",
        "zh": "“{title}”的值“{value}”不在政策词表中",
        "en": "'{title_en}' value '{value}' is not in the policy vocabulary",
        # ({extend}: who adds a word — EXTEND, NOT_EXTENDED for a status; none where the policy names the word: SYNONYM)
        "hint_zh": "{suggestion}可选值：{allowed}。{extend}{typed}",
        "hint_en": "{suggestion_en}Allowed: {allowed}.{extend_en}{typed_en}",
    },
    "E-REF-006": {
        "severity": "error",
        "zh": "跟进的编号“{ref}”{problem}",
        "en": "follows '{ref}': {problem_en}",
        # (earlier: for an id that is nowhere, the cadre's earlier items' ids, as the web form lists them —
        # or that there are none, as in a new cadre's first ledger; references._earlier_ids)
        "hint_zh": "follows 填写以前某一期台账中那一条反映的编号{earlier}；不是跟进以前的反映就删去 follows 这一行。",
        "hint_en": "'follows' names the id of an item in an earlier ledger{earlier_en}; if this item follows none, "
                   "delete the follows line.",
    },
    "E-REF-007": {
        "severity": "error",
        "zh": "台账所在的文件夹“{value}”不是政策规定的填报期间",
        "en": "the ledger's folder '{value}' is not a ledger period defined by the policy",
        "hint_zh": "台账放在以期间命名的文件夹 ledgers/<期间>/ 中，期间写作 年份-代号，代号见 {records}/policy.yaml（如 2026-H1、2026-H2）。{move}",
        "hint_en": "Ledgers live in ledgers/<period>/, periods being year-code, e.g. 2026-H1, with codes from {records}/policy.yaml.{move_en}",
    },
    "E-REF-008": {
        "severity": "error",
        "zh": "结束日期 {end} 早于开始日期 {start}",
        "en": "end date {end} is before start date {start}",
        "hint_zh": "请检查两个日期是否写反。",
        "hint_en": "Check whether the two dates are swapped.",
    },
    "E-REF-009": {
        "severity": "error",
        "zh": "缺少必需的记录文件 {path}",
        "en": "required record file {path} is missing",
        "hint_zh": "{how}",
        "hint_en": "{how_en}",
    },
    "E-REF-010": {
        "severity": "error",
        "zh": "“{title}”须在“{parent_title}”的起止日期（{start} 至 {end}）之内：{value}",
        "en": "the semester's dates must lie within its academic year ({start} to {end}): {value}",
        "hint_zh": "学期要在它的学年之内：请按教务处的校历改正学期的这个日期；如果是学年写短了，把学年的 {key}（第 {year_line} 行）改成 {value}。",
        "hint_en": "A semester lies within its academic year: correct this date as the registrar's calendar has it; "
                   "or, if the academic year is written too short, set its {key} (line {year_line}) to {value}.",
    },
    "E-REF-011": {
        "severity": "error",
        "zh": "文件名“{name}”不能作为编号：文件名就是{what}编号，只能用英文小写字母、数字和连字符“-”",
        "en": "the file name '{name}' is not a valid id: it is the {what_en} id and may use only a-z, 0-9 and '-'",
        "hint_zh": "{to}。",
        "hint_en": "{to_en}.",
    },
    "E-REF-012": {
        "severity": "error",
        "zh": "“{value}”不是一年中的某一天（月-日）",
        "en": "'{value}' is not a day of the year (MM-DD)",
        "hint_zh": "写作 月-日，如 06-30、12-31；二月最多写到 02-29（平年按 02-28 计）。",
        "hint_en": "Write month-day, e.g. 06-30 or 12-31; February ends at 02-29 (02-28 in other years).",
    },
    "E-REF-013": {
        "severity": "error",
        "zh": "{what}“{a}”与“{b}”的日期重叠（{start} 至 {end}）",
        "en": "{what_en} '{a}' and '{b}' overlap ({start} to {end})",
        "hint_zh": "每一天只能属于一个{what}：请调整起止日期。",
        "hint_en": "Each day belongs to one of them only: adjust the start and end dates.",
    },
    "E-REF-014": {
        "severity": "error",
        "zh": "学生反映问题的状态中没有表示“已解决”的一项（meaning: resolved）",
        "en": "no feedback status means resolved (meaning: resolved)",
        "hint_zh": "至少有一个状态的 meaning 写 resolved，否则任何反映都不能办结，全部会被判为超期未解决。",
        "hint_en": "Give at least one status meaning: resolved; else no item can ever be resolved and all become overdue.",
    },
    "E-REF-015": {
        "severity": "error",
        "zh": "时区“{value}”不存在",
        "en": "unknown time zone '{value}'",
        "hint_zh": "写 IANA 时区名，如 Asia/Shanghai（区分大小写）。截止时间和“今天”都按这个时区计算。",
        "hint_en": "Write an IANA zone name, e.g. Asia/Shanghai (case matters); deadlines and today use it.",
    },
    "E-REF-016": {
        "severity": "error",
        "zh": "学年编号“{value}”与它的日期（{start} 至 {end}）不符，应为“{expected}”",
        "en": "academic year id '{value}' does not match its dates ({start} to {end}): expected '{expected}'",
        "hint_zh": "学年编号是开始年份-下一年份；新生的入学年份按它计算。",
        "hint_en": "An academic year's id is its first year, a dash, the next; freshmen's cohorts are read from it.",
    },
    "E-REF-017": {
        "severity": "error",
        "zh": "这一次活动与第 {first_line} 行的那一次完全相同（日期、形式、地点、人数、情况都一样），会被统计成两次",
        "en": "this activity is the same in every field as the one at line {first_line}, and would be counted twice",
        "hint_zh": "如果是复制了上一项后忘了修改，请把这一项改成那次活动的实际日期和情况；如果是同一次活动重复填写，请删除这一项（从它的“- date:”一行，到下一项的“- ”之前）。",
        "hint_en": "If you copied an activity and forgot to change it, write this one's own date and account; if the same meeting was entered twice, delete this item (from its '- date:' line to the next '- ').",
    },
    "E-REF-019": {
        "severity": "error",
        "zh": "填报期间没有首尾相接：{days}",
        "en": "the ledger periods do not follow one another: {days_en}",
        "hint_zh": "每一天都要恰好属于一个填报期间，每一期从前一期最后一天的下一天开始（不属于任何期间的那些天里的活动记不进任何台账）。"
                   "改动 ledger.periods 的 start 或 end 时，把原来的起止日按期间代号写进 ledger.earlier 的 start 和 end"
                   "（两头都要写：前一期原来的 end、后一期原来的 start），until 写旧规定下最后一期的最后一天；"
                   "见 使用指南 → 政策检查（check） → 政策改动了数字。",
        "hint_en": "Every day belongs to exactly one ledger period, each starting the day after the previous one ends "
                   "(activities on days in no period fit no ledger). When ledger.periods' start or end changes, write the "
                   "old days per period code into ledger.earlier's start and end (both sides: the earlier period's old end "
                   "and the later one's old start), with until the last day of the last period under the old rule; see the "
                   "guide, policy checks, when the policy's numbers change.",
    },
    "E-REF-020": {
        "severity": "error",
        "zh": "“{old}”改称的“{new}”不在任何词表中",
        "en": "'{old}' is renamed '{new}', a word of no word list",
        "hint_zh": "new 写改名后的词，它要在 vocabularies 的某个词表（联系形式、联系场所、联系方式、问题类型和类别、报告对象、建议对象）中："
                   "请改正 new，或把“{new}”加进那个词表（原来的“{old}”可以从词表删去）。改名之前，台账中的“{old}”不算有效。"
                   "办理状态（feedback_statuses）不这样改名。",
        "hint_en": "new is the word after the rename, a word of one of the vocabularies' lists (forms, places, channels, "
                   "feedback kinds and categories, escalation and suggestion targets): correct new, or add '{new}' to that "
                   "list (and remove '{old}' from it). Until then '{old}' in a ledger is not taken. Feedback statuses are "
                   "not renamed this way.",
    },
    "E-REF-023": {
        "severity": "error",
        "zh": "词的其他说法（synonyms）这一项不起作用：{why}",
        "en": "this synonyms entry does nothing: {why_en}",
        # (its two cases, each its own fix: a word in no list; an also that its word's list holds — policy_rules._synonyms)
        "hint_zh": "{fix}",
        "hint_en": "{fix_en}",
    },
    "E-REF-021": {
        "severity": "error",
        "zh": "填报期间 {period} 的截止日 {due} 是本期结束后的第 {days} 天，要到下一期 {next} 结束（{next_end}）才截止：本期的台账迟交、未交要等这么久才会被发现",
        "en": "ledger period {period}'s due day {due} is {days|day|days} after the period ends, no earlier than the end of the "
              "next period {next} ({next_end}): a late or missing ledger would go untold that long",
        "hint_zh": "截止日一般就是本期最后一天（{end}），也可以稍晚几天（按本校的实施细则）；早于本期开始日（{start}）的截止日算作次年的那一天"
                   "（如下半年写 06-30 就是次年 6 月 30 日）。请改正 due。",
        "hint_en": "The due day is most often the period's last day ({end}), or a few days later (as the university's "
                   "rules say); a due day before the period's start ({start}) is that day of the next year (06-30 for "
                   "the second half-year is the next 30 June). Correct due.",
    },
    "E-REF-022": {
        "severity": "error",
        "zh": "本年级、本学院（{unit}）已有班级“{name}”（{other_id}，{other}）",
        "en": "this cohort already has a class '{name}' in unit {unit} ({other_id}, at {other})",
        "hint_zh": "同一年级、同一学院的两个班级同名，多半是同一个班登记了两次（请删去一项；台账中用到的编号留下），或班级名称写错（请改正）。"
                   "比较时不计空格，全角的数字、字母当作半角。别的学院可以有同名的班级；撤销或合并的班级写了存续至（until）后，可以有同名的新班级。",
        "hint_en": "Two classes of one cohort and one unit with one name are most often one class entered twice (delete one, "
                   "keeping the id the ledgers use) or a typo in the name (correct it). Spaces are not compared, and "
                   "full-width digits and letters count as half-width. Another unit may have a class of the same name, and "
                   "a class that ended (until written) may have a new namesake.",
    },
    "E-REF-024": {
        "severity": "error",
        "zh": "工号“{staff_no}”已是干部“{other_name}”的工号（{other}，编号 {other_id}）",
        "en": "staff number '{staff_no}' is already that of cadre '{other_name}' (at {other}, id {other_id})",
        "hint_zh": "一个工号（staff_no）只属于一位干部：组织部的年度考核表按工号对应网站的年度考核参考，两人同一个工号就对不上。"
                   "请按学校人事系统改正其中写错的一个（比较时不分大小写）；是同一人写了两份记录时，留下台账和安排表用的那一份，删去另一份。",
        "hint_en": "A staff number (staff_no) belongs to one cadre only: the 组织部's annual assessment matches the site's "
                   "年度考核参考 by it, and two cadres with one number do not match. Correct the wrong one as the university's "
                   "HR system has it (letter case is not compared); if it is one person in two records, keep the record the "
                   "ledgers and the assignment table use and delete the other.",
    },
    "W-REF-001": {
        "severity": "warning",
        "zh": "干部“{name}”与 {other}（编号 {other_id}，{other_unit}）同名，可能是同一人写了两份记录",
        "en": "cadre '{name}' has the name of {other} (id {other_id}, {other_unit}): possibly one person in two records",
        "hint_zh": "同一位干部有了两个编号（两份名单各导入一次，或调动时另建了一份），台账、联系点和提醒就分在两个编号下。"
                   "是同一人时：请管理员留下台账和安排表用的那一份，调动前的单位写进它的“以往任职”（earlier），删去另一份"
                   "（用到另一个编号的地方改为留下的编号）。如果这是两位同名的干部，请管理员{add}"
                   "（同名干部：写明两人不是同一人；两份中的一份写上即可），两份的这条提醒就都不再出现。",
        "hint_en": "One cadre with two ids (imported from two lists, or a new record made on a move) has their ledgers, contact "
                   "points and reminders split between them. If it is one person, an administrator keeps the record the "
                   "ledgers and the assignment table use, writes the earlier unit into its earlier list, and deletes the "
                   "other (what names the other id then names the one kept). If these are two people of the same name, "
                   "an administrator {add_en} (a namesake: they are two people; "
                   "one of the two files saying it is enough), and the warning is not given again at either.",
    },
    "W-REF-002": {
        "severity": "warning",
        "zh": "同名干部（namesake）中的 {ref} {what}：它不说明本人有同名的干部",
        "en": "namesake {ref} {what_en}: it tells of no namesake",
        "hint_zh": "namesake 写的是与本人同名、但不是同一人的干部的编号。{fix}",
        "hint_en": "namesake names a cadre of one's own name who is another person. {fix_en}",
    },
    "E-REF-018": {
        "severity": "error",
        "zh": "填报期间不能从 02-29 开始：平年没有这一天，期间会从 02-28 开始，与前一期的最后一天重叠",
        "en": "a ledger period cannot start on 02-29: other years have no such day, and it would start on 02-28, the last day of the period before",
        "hint_zh": "改为从 03-01 开始（前一期的 end 写 02-29，即二月的最后一天，平年按 02-28 计），或从 02-28 开始（前一期到 02-27 为止）。",
        "hint_en": "Start it on 03-01 (the period before ending on 02-29, the last day of February, 02-28 in other years), or on 02-28 (the one before ending on 02-27).",
    },
}


# E-REF-004's and E-REF-003's hint for an activity dated in a period after the cadre's first contact point in which she
# held none (left office, or between two points): not that period's ledger (one she does not owe), but that the contacts
# then are not hers to record, and what to do (references._not_owed; before her first point: BEFORE_OFFICE)
NOT_OWED = ("{name}在 {period}（{start} 至 {end}）没有联系点（安排表），不需要那一期的台账，那时的联系学生不计入{name}的工作："
            "日期写错了请改正日期；确是那时的活动，请从台账中删去这一项；如安排表（{records}/assignments/）漏写了那时的联系点，请管理员补充。",
            "{name} held no contact point in {period} ({start} to {end}) by the assignment table and owes no ledger of it; "
            "contacts then do not count for {name}: correct the date if it is mistyped; if the activity was then, delete "
            "the item from the ledger; if the assignment table ({records}/assignments/) misses a point of then, an "
            "administrator adds it.")

# E-REF-004's, E-REF-003's and W-CHK-012's hint for an activity dated before the cadre's first contact point (RecordSet.took_office):
# not the ledger of the day's period (one they do not owe), but that the contacts before it are not theirs to record, and
# what to do — "appointed" when that day is their active_from (王丽, new this autumn), "point" when they were in office
# before it without a point the assignment table gives (records kept from one cycle on: a row may be missing)
BEFORE_OFFICE = {
    "appointed": ("{name} {took} 到任（安排表中{name}的联系点从这一天开始），此前的联系学生不计入{name}的工作："
                  "日期写错了请改正日期；确是到任前的活动，请从台账中删去这一项。",
                  "{name} took office on {took} (their contact point in the assignment table starts that day); contacts "
                  "before it do not count for {name}: correct the date if it is mistyped; if the activity was before, "
                  "delete the item from the ledger."),
    "point": ("安排表中{name}的联系点从 {took} 开始，此前的联系学生不计入{name}的工作：日期写错了请改正日期；"
              "确是此前的活动，请从台账中删去这一项；如安排表（{records}/assignments/）漏写了以前的联系点，请管理员补充。",
              "{name}'s contact point in the assignment table starts on {took}; contacts before it do not count for "
              "{name}: correct the date if it is mistyped; if the activity was before, delete the item from the ledger; "
              "if the assignment table ({records}/assignments/) misses an earlier point, an administrator adds it."),
}

# W-REF-002's fix (references._namesake_fix): why the items are wrong — "free": her namesakes not listed yet (the
# ids meant, most likely), "listed": her namesakes all listed already, "alone": no other cadre of her name — and what
# to type: the line of those kept ({line}: references._namesake_line), else to delete the key, as written on one line
# ([a, b]) or with its items below it.
NAMESAKE_WHY = {
    "free": ("与“{name}”同名的是 {free}，多半是编号写错了，", "The cadre{s} named '{name}': {free_en}: most likely a mistyped id. "),
    "listed": ("与“{name}”同名的都已写上，这一项什么也不说明，", "The cadres named '{name}' are all listed: the item tells nothing. "),
    "alone": ("没有别的干部叫“{name}”，这一项什么也不说明，", "No other cadre is named '{name}': the item tells nothing. "),
}
NAMESAKE_DO = {  # (any kept, on one line)
    (True, True): ("这一行写成：{line}", "The line: {line}"),
    (True, False): ("namesake 连同下面的各项写成一行：{line}", "The line, in place of namesake and its items: {line}"),
    (False, True): ("删去 namesake 这一行。", "Delete the line namesake."),
    (False, False): ("删去 namesake 这一行和下面的各项。", "Delete namesake and its items."),
}

# E-REF-005's hint for a word the policy's list renamed (vocabularies.renamed), written in a period starting after
# {until}, the last day of the old word
RENAMED = ("“{word}”已改称“{new}”（{until} 以后开始的期间），请改成“{new}”。",
           "'{word}' was renamed '{new}' (periods starting after {until}): write '{new}'. ")

# E-REF-005's hint for a word a policy's list no longer holds (vocabularies.earlier): the last day it was in it, and
# the day the entry is judged by: an activity's date, a feedback item's raised_on (RETIRED), else — a suggestion, an
# entry without its date — its ledger period's start (RETIRED_IN_PERIOD: a date the ledger nowhere holds)
RETIRED_IN_PERIOD = ("“{word}”在词表中只用到 {until}（vocabularies.earlier），这份台账的期间 {period} 从 {day} 开始，在那以后，"
                     "请改写下面的可选值之一。",
                     "'{word}' left the list after {until} (vocabularies.earlier) and this ledger's period {period} "
                     "begins {day}, after it: write one of the words allowed then. ")
RETIRED = ("“{word}”在词表中只用到 {until}（vocabularies.earlier），这一项的日期 {day} 在那以后，请改写下面的可选值之一。",
           "'{word}' left the list after {until} (vocabularies.earlier) and this entry is dated {day}: write one of the "
           "words allowed then. ")

# E-REF-005's hints for a word of the list written otherwise (references._vocab), each before 可选值 and the line to
# type: a word of the list in Chinese quotes (QUOTED, {quotes}: validate.chinese_quotes' words), with a sentence's stop
# pasted after it (STOP_AFTER: 面对面。), or one the policy lists said otherwise (SYNONYM: vocabularies.synonyms,
# 线下 → 面对面; STATUS_DELETED: a status an archived period's manifest recorded); where no line can be given (a value over two lines), the word to write: WRITE_AS in the place of
# the sentence's end (END)
QUOTED = ("“{word}”{quotes}", "{quotes_en} ")
# (a status the policy no longer lists that an archived period's manifest recorded, one status of now of its meaning:
# references._deleted_status)
STATUS_DELETED = ("“{value}”是政策删去的办理状态（{period} 备案时它的含义是 {meaning}），现在这个含义的状态是“{word}”",
                  "'{value}' is a status the policy deleted (meaning {meaning} when {period} was archived); the status "
                  "of that meaning now is '{word}'")
STOP_AFTER = ("“{word}”后面的“{stop}”会被当成词的一部分：请删掉它", "The '{stop}' after '{word}' is read as part of the word: delete it")
SYNONYM = ("“{value}”在词表中写作“{word}”", "'{value}' is written '{word}' in the list")
END = ("。", ". ")
WRITE_AS = ("，写成“{word}”。", ": {word}. ")

# E-REF-005's words after 可选值 on who adds a word to the list (references._extend): EXTEND, the administrator; for a
# status, NOT_EXTENDED — validate reads no Git, and tells one the policy deleted from one mistyped only by an archived
# period's manifest (STATUS_DELETED); else the replacement is W-CHK-029's synonyms entry, then SYNONYM says it; none
# where the policy's synonyms, its renamed words or a manifest name the word to write
EXTEND = ("如需新增，请管理员修改 {records}/policy.yaml。", " Administrators extend the list in {records}/policy.yaml.")
NOT_EXTENDED = ("办理状态不在台账中新增：写错了的，请改成其中之一；是政策删去的状态，请改成接替它的状态，"
                "不清楚是哪一个时请管理员在 {records}/policy.yaml 的 vocabularies.synonyms 写明，这里就会说出要改成的状态。",
                " A status is not added for a ledger: if mistyped, write one of these; if the policy deleted it, write the "
                "status replacing it, or, if unsure which, an administrator names it in {records}/policy.yaml's "
                "vocabularies.synonyms and this hint then says it.")

# E-REF-005's hint for a word where the policy has no such list at all (references._no_list: an optional one,
# feedback_natures): the line is not to be filled in ({name}: the field's English name, nature)
NO_LIST = ("政策没有{title}的词表（vocabularies.{vocab}），这一项不用填：请删掉这一行；",
           "The policy has no list of {name}s (vocabularies.{vocab}): delete this line. ")
