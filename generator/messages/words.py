"""Words more than one stage says (no finding codes of its own)."""

CODES: dict = {}

# A record's kind in Chinese ({kind}; the English say it as written: {kind_en}): a contact point's two, and a cadre's
KIND_ZH = {"class": "班级", "club": "社团", "cadre": "干部"}
