"""Codes of the Git-host workflow: CODEOWNERS, pull-request ownership, archive (备案), amendments.

E-OWN-…  a pull request changes a file its author may not change (ownership check)
E-FLOW-… CODEOWNERS is stale, a period cannot be archived yet
E-ARCH-… an archived (备案) ledger does not match its manifest; amendment records
"""

_ADMIN_HINT_ZH = "如确需修改，请联系管理员（学工部/组织部）处理，或由管理员提交。"
_ADMIN_HINT_EN = "If the change is needed, ask an administrator to make it."

# E-OWN-001's ended_zh/ended_en for a cadre who reviewed the ledger's unit until it ended (as E-OWN-007 says)
ENDED_ZH = "；{actor} 曾是“{unit}”的审核人，但“{unit}”已于 {until} 合并或撤销，不再审核，其干部的台账现由{now_zh}审核"
ENDED_EN = "; {actor} reviewed {unit}, which ended on {until} and reviews no more: its cadres' ledgers are now " \
           "reviewed by {now_en}"

# E-OWN-001's whose_zh/whose_en: the cadre whose ledger it is, by name and unit (staff, not students: no privacy issue),
# so a reviewer can tell whose it is; the id alone when the records do not know the cadre
WHOSE_ZH, WHOSE_EN = "{unit}干部{name}（{cadre}）", "{name} ({cadre}), a cadre of {unit}"
WHOSE_ID_ZH, WHOSE_ID_EN = "干部 {cadre}", "cadre {cadre}"

CODES = {
    # ---- ownership check of a pull request -------------------------------------
    "E-OWN-001": {
        "severity": "error",
        "zh": "{actor} 不能修改这个文件：这是{whose_zh}的台账，不是 {actor} 本人或其审核单位的{ended_zh}",
        "en": "{actor} may not change this file: it is the ledger of {whose_en}, not their own nor of a unit "
              "they review{ended_en}",
        "hint_zh": "干部只能提交自己的台账（{records}/ledgers/<期间>/<自己的编号>.yaml）；审核人只能修改本单位干部的台账。"
                   "请把这个文件从拉取请求中移除。",
        "hint_en": "Cadres change only their own ledgers ({records}/ledgers/<period>/<own id>.yaml); reviewers only "
                   "those of their unit's cadres. Remove this file from the pull request.",
    },
    "E-OWN-002": {
        "severity": "error",
        "zh": "{actor} 不能修改这个文件：{period} 期间已于 {archived_on} 备案（冻结）",
        "en": "{actor} may not change this file: period {period} was archived (frozen) on {archived_on}",
        "hint_zh": "已备案的台账不能再修改；更正须由管理员在 {records}/amendments/{period}/ 下提交更正记录。",
        "hint_en": "Archived ledgers are frozen; a correction is an amendment record in {records}/amendments/{period}/ "
                   "made by an administrator.",
    },
    "E-OWN-003": {
        "severity": "error",
        "zh": "{actor} 不能删除记录文件（只有管理员可以删除记录）",
        "en": "{actor} may not delete a record file (only administrators may)",
        "hint_zh": "Git 是审计记录，记录不能被删除以掩盖历史。" + _ADMIN_HINT_ZH,
        "hint_en": "Git is the audit trail: records are not deleted to hide history. " + _ADMIN_HINT_EN,
    },
    "E-OWN-004": {
        "severity": "error",
        "zh": "{actor} 不能修改这个文件：{what_zh}只能由管理员修改",
        "en": "{actor} may not change this file: {what_en} are changed by administrators only",
        "hint_zh": _ADMIN_HINT_ZH + "干部的拉取请求只应包含自己的台账文件。",
        "hint_en": _ADMIN_HINT_EN + " A cadre's pull request contains only their own ledger files.",
    },
    "E-OWN-005": {
        "severity": "error",
        "zh": "账号 {actor} 不是记录中登记的干部、审核人或管理员，不能修改任何文件",
        "en": "account {actor} is not a cadre, reviewer or administrator in the records and may change no file",
        "hint_zh": "干部的 Git 账号登记在 {records}/cadres/<编号>.yaml 的 git 字段，审核人在 {records}/units.yaml 的 reviewers，"
                   "管理员在 {records}/policy.yaml 的 administrators。请管理员先登记账号。",
        "hint_en": "Cadres' accounts are the 'git' field of {records}/cadres/<id>.yaml, reviewers are 'reviewers' in "
                   "{records}/units.yaml, administrators are in {records}/policy.yaml. Ask an administrator to add you.",
    },
    "E-OWN-007": {
        "severity": "error",
        "zh": "账号 {actor} 是“{unit}”的审核人，但“{unit}”已于 {until} 合并或撤销，不再审核，{actor} 不能修改任何文件；"
              "其干部的台账现由{now_zh}审核",
        "en": "account {actor} reviewed {unit}, which ended on {until}: it reviews no more and may change no file; "
              "its cadres' ledgers are now reviewed by {now_en}",
        "hint_zh": "请由现在的审核人或管理员修改。如 {actor} 已是接替单位的审核人，请管理员在 {records}/units.yaml 中"
                   "把账号登记在该单位的 reviewers。",
        "hint_en": "Ask the current reviewers or an administrator to make the change. If you now review the unit that "
                   "took over, ask an administrator to add your account to its 'reviewers' in {records}/units.yaml.",
    },
    "E-OWN-006": {
        "severity": "error",
        "zh": "{actor} 不能把台账改名到 {new}：{reason_zh}",
        "en": "{actor} may not rename a ledger to {new}: {reason_en}",
        "hint_zh": "台账的文件夹是期间、文件名是干部编号；不能把台账改成别人的或已备案期间的。",
        "hint_en": "A ledger's folder is its period and its file name the cadre; it cannot become someone else's "
                   "or an archived period's.",
    },
    # ---- CODEOWNERS and archiving ------------------------------------------------
    "E-FLOW-001": {
        "severity": "error",
        "zh": "CODEOWNERS 与记录不一致（第 {line} 行起不同）：应为“{expected}”，实为“{actual}”",
        "en": "CODEOWNERS is stale (differs from line {line}): expected '{expected_en}', found '{actual_en}'",
        "hint_zh": "运行 python -m generator codeowners 重新生成，并把 CODEOWNERS 一起提交。",
        "hint_en": "Run python -m generator codeowners to regenerate it and commit CODEOWNERS.",
    },
    "W-FLOW-001": {
        "severity": "warning",
        "zh": "CODEOWNERS 已过期：{units} 已撤销，其干部的台账应改由接替单位的审核人（无则管理员）审核；"
              "这不是本次改动造成的，不影响合并",
        "en": "CODEOWNERS is stale: {units_en} ended, and its cadres' ledgers are now reviewed by the unit "
              "that took it over (else the administrators); this change did not cause it and may be merged",
        "hint_zh": "请管理员运行 python -m generator codeowners 重新生成，并把 CODEOWNERS 提交到主分支。",
        "hint_en": "An administrator should run python -m generator codeowners and commit CODEOWNERS to the main "
                   "branch.",
    },
    "W-FLOW-002": {
        "severity": "warning",
        "zh": "{cadre} 的台账没有别人能审核：其 Git 账号 {account} 是{role_zh}，又是唯一的管理员，"
              "代码托管平台不让作者审核自己的拉取请求，这些台账无法合并",
        "en": "no one else may approve {cadre}'s ledgers: their Git account {account} is {role_en} and the only "
              "administrator, and no Git host lets an author approve their own pull request, so they cannot be merged",
        "hint_zh": "请{first_zh}，或在 {records}/policy.yaml 的 "
                   "administrators 中再登记一位管理员，然后运行 python -m generator codeowners 重新生成。",
        "hint_en": "{first_en}, or add a second administrator "
                   "(administrators in {records}/policy.yaml), then run python -m generator codeowners.",
    },
    "E-FLOW-002": {
        "severity": "error",
        "zh": "仓库根目录没有 CODEOWNERS 文件",
        "en": "there is no CODEOWNERS file at the repository root",
        "hint_zh": "运行 python -m generator codeowners 生成，并提交。",
        "hint_en": "Run python -m generator codeowners and commit the file.",
    },
    "E-FLOW-003": {
        "severity": "error",
        "zh": "{period} 还不能备案：截止日 {due} 加宽限 {grace} 天后（{after} 之后）才能备案，今天是 {today}",
        "en": "{period} cannot be archived yet: only after its due date {due} plus {grace|grace day|grace days} ({after}); "
              "today is {today}",
        "hint_zh": "请在 {after} 之后再运行（不加 --today）。",
        "hint_en": "Run it after {after} (without --today).",
    },
    "E-FLOW-004": {
        "severity": "error",
        "zh": "{period} 已经备案（{manifest}），不能重复备案",
        "en": "{period} is already archived ({manifest}); it cannot be archived twice",
        "hint_zh": "已备案期间的更正请用更正记录 {records}/amendments/{period}/<干部编号>.yaml。",
        "hint_en": "Correct an archived period with amendment records in {records}/amendments/{period}/<cadre>.yaml.",
    },
    "E-FLOW-005": {
        "severity": "error",
        "zh": "记录有错误，不能备案 {period}",
        "en": "the records have errors; {period} cannot be archived",
        "hint_zh": "先运行 python -m generator validate 并改正全部错误。",
        "hint_en": "Run python -m generator validate and fix every error first.",
    },
    "E-FLOW-006": {
        "severity": "error",
        "zh": "{command} 没有运行：管理员维护的记录有错误（见下）",
        "en": "{command} did not run: the records the administrators keep have errors (listed below)",
        "hint_zh": "先改正下面的错误（python -m generator validate 列出全部），再运行 {command}。",
        "hint_en": "Fix the errors below first (python -m generator validate lists them all), then run {command}.",
    },
    "E-FLOW-007": {
        "severity": "error",
        "zh": "{path} 在 {today} 之后{change_zh}：按 {today} 备案 {period} 冻结的是那天的台账，与现在的文件不符，"
              "备案后 validate 会报 {then}",
        "en": "{path} {change_en} after {today}: archiving {period} as of {today} freezes that day's ledgers, "
              "which this file now is not, and validate would then report {then}",
        "hint_zh": "要备案现在的台账：不写 --today（或写最后一次改动之后的日期；按时、逾期、豁免就按那天判断）再运行。"
                   "要备案 {today} 那天的：先{restore_zh}并提交，再运行。备案后再要改动，只能由管理员提交更正记录 {amendment}。",
        "hint_en": "To archive the ledgers as they are now, run it without --today (or with a day after the last "
                   "change: on time, late and exempt are then judged as of that day). To archive those of {today}, "
                   "{restore_en} and commit first. Once archived, a change is an amendment record {amendment} by an "
                   "administrator.",
    },
    "E-FLOW-008": {
        "severity": "error",
        "zh": "{period} 不能在这里备案：{reason_zh}，{what_zh}——备案清单一经提交就是这一期的凭证，不能按猜测写",
        "en": "{period} cannot be archived here: {reason_en}, so {what_en} — once committed, the manifest is the "
              "period's record for good, not to be written from a guess",
        "hint_zh": "{fix_zh}，再运行同一条命令。",
        "hint_en": "{fix_en}, then run the same command again.",
    },
    "W-FLOW-003": {
        "severity": "warning",
        "zh": "导入清单的 records 中的 {path} 不是现有的记录文件：按过去某一天检查时，它不会按导入带进来的样子读",
        "en": "{path} in the import manifest's records is no record file there is: a check as of a past day will "
              "not read it as the import brought it",
        "hint_zh": "{suggestion}records 写与台账一同导入的记录文件，路径从 {records}/ 算起（如 cadres/wang-fang.yaml）；"
                   "文件改过名的改成现在的路径，删去了的把这一项删去。",
        "hint_en": "{suggestion_en}records lists the record files imported with the ledgers, from {records}/ (as cadres/wang-fang.yaml); "
                   "give a renamed file's path now, or delete the entry of one deleted.",
    },
    "W-FLOW-005": {
        "severity": "warning",
        "zh": "{period} 按 --today {today} 备案，这一天还没有到（今天是 {now}）：这是一次试运行，备案清单记下的是到那天为止的情形",
        "en": "{period} was archived as of --today {today}, a day still to come (today is {now}): a trial run; the manifest "
              "records the state as of that day",
        "hint_zh": "不要提交这份备案：截止前提交的台账会因它记为未提交，且此后不能再改。删去 {manifest} 和 {folder}/，"
                   "到 {after} 之后不加 --today 再运行。",
        "hint_en": "Do not commit this archive: ledgers handed in before the due date would stay missing in it and could not "
                   "be changed any more. Delete {manifest} and {folder}/, and run it again without --today after {after}.",
    },
    # ---- archive integrity (validate) ----------------------------------------------
    "E-ARCH-001": {
        "severity": "error",
        "zh": "已备案的台账被改动：{period} 期间于 {archived_on} 备案后，此文件的内容与备案时不同",
        "en": "an archived ledger was changed: its content differs from what was archived for {period} "
              "on {archived_on}",
        "hint_zh": "请恢复备案时的内容（git log {path} 可找到原版本）；确需更正，由管理员在 "
                   "{amendment} 提交更正记录（连同改后的台账文件时，其中可写 sha256: {sha256}，即此文件现在的内容指纹，此后再改会被发现）。",
        "hint_en": "Restore the archived content (git log {path} shows it); a needed correction is an amendment "
                   "record {amendment} by an administrator (with the file as changed, it may give "
                   "sha256: {sha256}, this file's as it is now, so that a later change is found).",
    },
    "E-ARCH-002": {
        "severity": "error",
        "zh": "已备案的台账 {path} 不见了（{period} 期间备案清单 {manifest} 中有此文件）",
        "en": "the archived ledger {path} is gone (listed in the {period} archive manifest {manifest})",
        "hint_zh": "备案的台账不能删除或改名；请从 Git 历史中恢复该文件。",
        "hint_en": "Archived ledgers are never deleted or renamed; restore the file from Git history.",
    },
    "E-ARCH-003": {
        "severity": "error",
        "zh": "{period} 期间已于 {archived_on} 备案，此台账是备案后新增的",
        "en": "period {period} was archived on {archived_on}; this ledger was added afterwards",
        "hint_zh": "备案后补交的台账须由管理员在 {amendment} 提交更正记录说明原因。",
        "hint_en": "A ledger filed after archiving needs an amendment record {amendment} by an administrator.",
    },
    "E-ARCH-004": {
        "severity": "error",
        "zh": "更正记录之后台账又被改动：内容与更正记录中的 SHA-256 不一致",
        "en": "the ledger changed after its amendment: its content does not match the amendment's SHA-256",
        "hint_zh": "请恢复更正时的内容，或由管理员更新更正记录 {records}/amendments/{period}/{cadre}.yaml"
                   "（sha256 改为 {sha256}）。",
        "hint_en": "Restore the amended content, or an administrator updates {records}/amendments/{period}/{cadre}.yaml "
                   "(sha256: {sha256}).",
    },
    "E-ARCH-005": {
        "severity": "error",
        "zh": "更正记录所属期间 {period} 没有备案，不需要更正记录",
        "en": "period {period} of this amendment is not archived; no amendment is needed",
        "hint_zh": "未备案期间的台账直接修改即可；请删除这个更正记录，或检查文件夹名。",
        "hint_en": "Ledgers of a period not archived are edited directly; remove this amendment or fix its folder.",
    },
    "E-ARCH-006": {
        "severity": "error",
        "zh": "批准人“{value}”不是管理员",
        "en": "approver '{value}' is not an administrator",
        "hint_zh": "approved_by 填写 {records}/policy.yaml 中 administrators 的 Git 账号或姓名：{allowed}。",
        "hint_en": "approved_by is the Git account or name of an administrator in {records}/policy.yaml: {allowed}.",
    },
    "E-ARCH-007": {
        "severity": "error",
        "zh": "备案清单的期间“{value}”与文件名 {expected} 不一致",
        "en": "the manifest's period '{value}' does not match its file name {expected}",
        "hint_zh": "备案清单由 python -m generator archive 生成，请勿手工修改。",
        "hint_en": "Manifests are written by python -m generator archive; do not edit them by hand.",
    },
}
