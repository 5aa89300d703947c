"""Contact Ledger (联系学生工作台账): records → validate → check → aggregate → render."""

__version__ = "0.1.0"
