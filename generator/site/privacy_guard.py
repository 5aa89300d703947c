"""Every free-text field the site shows passes the privacy check (generator.privacy) first.

A text that fails is not rendered: a notice stands in its place, and a W-SITE-001 finding
names the file, line and column and the kind of data (never the data itself).  This holds
even when someone builds the site without running `validate`.  A reviewed false alarm
(records/privacy-exceptions.yaml: file, line, kind) is shown.
"""
from __future__ import annotations

from generator import findings as F
from generator import privacy
from generator.model import Item, RecordSet

WITHHELD = "（此处文字未通过隐私检查，不予显示）"


class TextGuard:
    def __init__(self, rs: RecordSet):
        self.rs = rs
        self.findings: list[F.Finding] = []
        # (set up once: every text of a file with a find is scanned)
        self.scanner, self.key = privacy.configured(rs, privacy.protected_names()[0])
        self.exceptions = privacy.exception_index(rs)  # (as the validate stage matches them: privacy.excuse)

    def text(self, value, item: Item, *path, title: str = "文字", title_en: str = "text") -> str:
        """`value` when it passes the check, else the notice (and a finding)."""
        if value is None:
            return ""
        if type(value) is str and self._clean(item.doc):
            return value
        value = str(value)
        hits = self.scanner.scan(value)
        if not hits:
            return value
        line, col = item.pos(*path)  # positions only for a find: working them out re-reads the file
        hits = [m for m in hits if privacy.excuse(self.exceptions, item.doc, line, m.kind) is None]
        if not hits:
            return value
        kinds = "、".join(sorted({m.kind for m in hits}))
        self.findings.append(F.make("W-SITE-001", item.file, (line, col), title=title, title_en=title_en, kind=kinds))
        return WITHHELD

    def _clean(self, doc) -> bool:
        """The validate stage's privacy scan of this very file (same patterns and names)
        found nothing in any of its texts."""
        kept = getattr(doc, "privacy", None)
        return bool(kept) and kept[0] == self.key and not kept[1]
