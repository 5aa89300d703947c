"""Codes and words of `python -m generator draft-cycle` (the next assignment cycle's draft)."""

CODES = {
    "E-DRAFT-001": {
        "severity": "error",
        "zh": "没有安排周期“{cycle}”",
        "en": "there is no assignment cycle '{cycle}'",
        "hint_zh": "周期就是 {records}/assignments/ 中的文件名（不含 .yaml），现有：{cycles}。{suggestion}",
        "hint_en": "A cycle is a file name in {records}/assignments/ (without .yaml); there are: {cycles}. {suggestion_en}",
    },
    "E-DRAFT-002": {
        "severity": "error",
        "zh": "安排表已存在，不会覆盖：{path}",
        "en": "the assignment file already exists and will not be overwritten: {path}",
        "hint_zh": "请直接编辑这个文件。确需重新生成草稿时，先删除或改名原文件（已提交的，Git 历史会保留旧内容）。",
        "hint_en": "Edit this file. To draft it again, delete or rename it first (Git keeps what was committed).",
    },
    "E-DRAFT-003": {
        "severity": "error",
        "zh": "新周期的开始日 {start} 不在周期 {cycle} 结束（{end}）以后：两个周期的安排会重叠",
        "en": "the new cycle's first day {start} is not after the end of cycle {cycle} ({end}): the two cycles "
              "would overlap",
        "hint_zh": "不写 --start 时新周期从 {after} 开始；要提前开始，先在 {records}/assignments/{cycle}.yaml 中把 end 改到"
                   "新周期开始的前一天。",
        "hint_en": "Without --start the new cycle begins on {after}; to begin it earlier, first move the end of "
                   "{records}/assignments/{cycle}.yaml to the day before.",
    },
}

# The draft's comments, in the language asked (--lang): each names what needs a decision.
WORDS = {
    "zh": {
        "head": "# {cycle} 周期安排表的草稿：python -m generator draft-cycle --from {old} 照 {old} 周期最后一天（{old_end}）的\n"
                "# 安排写出，每位在任干部一行。“待填写”和“# 待决定”的各行要决定后改写（“待填写”留着时 validate 报\n"
                "# E-SCHEMA-011，不能提交）；决定好的删去这些注释。改完运行 python -m generator validate 和\n"
                "# python -m generator check --today {start}，再作为一个拉取请求提交。\n",
        "graduated": "# 待决定：{kind}“{name}”（{point}）只存续到 {until}（毕业、合并或撤销），请改为新的联系点{free}",
        "retiring": "# {name}任职至 {left}：这一行到那天结束，接任者另起一行",
        "new_cadre": "# 待决定：{name}（{unit}）上一周期最后一天没有联系点{since}，请安排联系点{free}",
        "arrives": "（{start} 到任）",
        "joined": "、",  # (between the ids a comment lists)
        "free_clubs": "，如本单位没有人联系的社团：{clubs}",
        "free_classes": "，如本单位未安排的新生班级：{classes}",
        "left": "# 不再列入：{name}（{left} 离任），原联系点{kind}“{point_name}”（{point}）{after}",
        "left_free": "新周期里没有别人联系",
        "left_taken": "已由别人联系",
        "uncovered": "# 待决定：{year} 级新生班级还没有联系干部（R2，开学后 {grace} 天内须安排）：",
        "uncovered_row": "#   {point}  {name}（{unit}）",
        "other_key": {"class": "（联系社团时把 class: 改为 club:）", "club": "（改为联系班级时把 club: 改为 class:）"},
    },
    "en": {
        "head": "# A draft of the {cycle} cycle: python -m generator draft-cycle --from {old} wrote it from the {old} cycle's\n"
                "# assignments on its last day ({old_end}), a row for each cadre in office. The rows with 待填写 (to fill in)\n"
                "# or '# to decide' need a decision (validate refuses 待填写 with E-SCHEMA-011: it cannot be committed);\n"
                "# remove these comments once decided. Then run python -m generator validate and\n"
                "# python -m generator check --today {start}, and submit it as one pull request.\n",
        "graduated": "# to decide: {kind_en} '{name}' ({point}) existed until {until} (graduated, merged or dissolved): "
                     "give a new contact point{free}",
        "retiring": "# {name} is in office until {left}: this row ends that day; a successor gets a row of their own",
        "new_cadre": "# to decide: {name} ({unit}) had no contact point on the last cycle's last day{since}: "
                     "give a contact point{free}",
        "arrives": " (takes office on {start})",
        "joined": ", ",
        "free_clubs": ", e.g. a club of the unit no one has: {clubs}",
        "free_classes": ", e.g. a freshman class of the unit with no cadre yet: {classes}",
        "left": "# not listed: {name} (left office on {left}); their {kind_en} '{point_name}' ({point}) {after}",
        "left_free": "has no one in the new cycle",
        "left_taken": "is someone else's now",
        "uncovered": "# to decide: the {year} cohort's freshman classes with no cadre yet (R2: within {grace} days "
                     "of the year's start):",
        "uncovered_row": "#   {point}  {name} ({unit})",
        "other_key": {"class": " (for a club, write club: instead of class:)",
                      "club": " (for a class, write class: instead of club:)"},
    },
}

WROTE = {
    "zh": "已生成 {path}：{kept} 行照旧，{decide} 行待决定，{uncovered} 个新生班级还没有联系干部\n下一步：把每个“待填写”换成"
          "联系点编号，照“# 待决定”的注释改好，然后运行 python -m generator validate 和 python -m generator check "
          "--today {start}，两个都没有报“错误”再提交。",
    "en": "wrote {path}: {kept|row|rows} carried over, {decide} to decide, {uncovered|freshman class|freshman classes} with "
          "no cadre yet\n"
          "Next: replace each 待填写 with a contact point's id, settle each '# to decide', then run python -m generator "
          "validate and python -m generator check --today {start}: submit it when neither reports an error.",
}
# WROTE when nothing is to decide (no 待填写 was written, no freshman class is uncovered)
WROTE_NOTHING = {
    "zh": "已生成 {path}：{kept} 行照旧，没有待决定的行\n下一步：核对一遍（新周期里联系点有变化的直接改那一行），然后运行 "
          "python -m generator validate 和 python -m generator check --today {start}，两个都没有报“错误”再提交。",
    "en": "wrote {path}: {kept|row|rows} carried over, none to decide\nNext: read it through (a contact point that changes in "
          "the new cycle: edit its row), then run python -m generator validate and python -m generator check --today "
          "{start}: submit it when neither reports an error.",
}

# After WROTE: the old cycle's rows still naming a graduated class or dissolved club (W-CHK-013), each with its lines to
# type at its file:line:col — printed, never written into the old file (its comments and layout are the officer's)
TO_END = {
    "zh": "上一周期的安排表 {path} 还有 {n} 行要结束（check 的 W-CHK-013 也逐行报出）：照下面在那个文件中改好，与新周期的文件"
          "一同提交，审核人在它的改动中能看到：",
    "en": "{n|row|rows} of the last cycle's table {path} still need ending (check's W-CHK-013 says each too): make these "
          "changes in that file and submit them with the new cycle's file, where the reviewer sees them:",
}
TO_END_ROW = {"zh": "{path}:{line}:{column}: {fix}", "en": "{path}:{line}:{column}: the fix {fix}"}

# After WROTE, for a --start later than the old cycle's next day: the days no cycle covers (a year typed wrong, or a
# late start meant)
GAP = {
    "zh": "注意：{first} 至 {last}（{days} 天）不在任何周期内：{cycle} 周期已结束，新周期 {start} 才开始，这些天干部没有联系点安排。"
          "不是有意的话，删去 {path}，改正 --start 后重新生成。",
    "en": "Note: {first} to {last} ({days|day|days}) is in no cycle: {cycle} has ended and the new one begins on {start}, so "
          "the cadres have no contact point on those days. If that is not meant, delete {path} and draft it again with "
          "the right --start.",
}
