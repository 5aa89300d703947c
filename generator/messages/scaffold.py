"""Codes of `python -m generator new ledger` (the prefilled ledger scaffold)."""

CODES = {
    "E-NEW-001": {
        "severity": "error",
        "zh": "干部编号“{cadre}”不存在",
        "en": "cadre id '{cadre}' does not exist",
        "hint_zh": "干部编号就是 {cadres} 中的文件名（不含 .yaml）。{suggestion}",
        "hint_en": "A cadre id is a file name in {cadres} (without .yaml). {suggestion_en}",
    },
    "E-NEW-002": {
        "severity": "error",
        "zh": "期间“{value}”不是政策规定的填报期间",
        "en": "'{value}' is not a ledger period defined by the policy",
        "hint_zh": "期间写作 年份-代号，如 {examples}；代号见 {policy} 的 ledger.periods。{suggestion}",
        "hint_en": "Write year-code, e.g. {examples}; codes are in ledger.periods of {policy}.{suggestion_en}",
    },
    "E-NEW-003": {
        "severity": "error",
        "zh": "台账已存在，不会覆盖：{path}",
        "en": "the ledger already exists and will not be overwritten: {path}",
        "hint_zh": "请直接编辑这个文件（或在网页表单中打开它）。确需重新开始时，先删除或改名原文件；Git 历史会保留旧内容。",
        "hint_en": "Edit this file (or open it in the web form). To start again, delete or rename it first; Git keeps the old content.",
    },
    "W-NEW-001": {
        "severity": "warning",
        "zh": "{name}在 {period}（{start} 至 {end}）没有联系点安排，联系点留作“待填写”",
        "en": "{name} has no contact point assigned during {period} ({start} to {end}); contact_points is left as a placeholder",
        "hint_zh": "请学工部在 {records}/assignments/ 中补充安排，或在台账中填写本期实际联系的班级或社团编号。",
        "hint_en": "Ask the administrators to add the assignment in {records}/assignments/, or fill in the class or club id.",
    },
    "E-NEW-004": {
        "severity": "error",
        "zh": "缺少 policy.yaml 或其中有错误，无法确定填报期间",
        "en": "policy.yaml is missing or invalid; the ledger periods are unknown",
        "hint_zh": "先运行 python -m generator validate 并改正 {records}/policy.yaml。",
        "hint_en": "Run python -m generator validate and fix {records}/policy.yaml first.",
    },
}
