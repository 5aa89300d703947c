"""Where a ledger's 提交日期 comes from — the checks' status "source" (check/deadlines.py): "git", the merge into the
main branch (which proves itself); "import", an import manifest's date (records/imports/, the administrator's word);
"archive", an archived period's manifest.  One table of the words each report says them in: check's tables and its
概况 (提交时间依据) the short ones, 附件2's period on the site the long ones (提交日期依据)."""
from __future__ import annotations

CODES: dict = {}  # (words only: no finding code of its own)

SOURCES = {  # (in the order the reports say them)
    "git": {"zh": "Git", "site": "Git 记录（台账合并进主分支的时间）", "en": "Git", "en_many": "Git"},
    "import": {"zh": "导入清单", "site": "导入清单（records/imports/）登记的日期", "en": "import", "en_many": "imports"},
    "archive": {"zh": "备案清单", "site": "备案清单", "en": "archive manifest", "en_many": "archive manifests"},
}


def words(form: str) -> dict:
    """Each source's word in `form` ("zh", "site", "en", "en_many": a count's), by its key, in SOURCES' order."""
    return {key: said[form] for key, said in SOURCES.items()}
