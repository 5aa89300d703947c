"""What the policy rules read of each ledger: the dates of its activities, the contact points
it names and its feedback items (`Facts`).

They are worked out once per run for every rule, and kept per ledger between runs
(cache.FileMemo, by the ledger's SHA-256: nothing else goes into them), so that a `check`
where one ledger changed reads that ledger's values only, not the 12,007 others' (≈0.35 s
at 12k).  A rule that needs more of a ledger adds it here.

The dates and contact points are kept as one marshal per ledger, read when first asked: a
pull request asks them of the changed cadre's ledgers only (the other cadres' rules are kept:
by_cadre.py), and reading the 116,000 dates of 12k ledgers back took longer than the rest.
"""
from __future__ import annotations

import marshal

from generator.cache import FileMemo
from generator.model import Item, RecordSet
from generator.validate import parse_date

KEPT_AS = "ledger-facts-2"  # the memo's context: change it when what Facts holds changes


class Facts:
    """dates: (index, "YYYY-MM-DD") of each activity with a valid date; points: (index, id) of
    each contact point written as text; feedback: (index, values) of each feedback item that is
    a non-empty mapping."""

    __slots__ = ("_own", "feedback")

    def __init__(self, own, feedback: tuple):
        self._own = own  # (dates, points), or their marshal (as kept)
        self.feedback = feedback

    @property
    def dates(self) -> tuple:
        return self._read()[0]

    @property
    def points(self) -> tuple:
        return self._read()[1]

    def _read(self) -> tuple:
        if type(self._own) is bytes:
            self._own = marshal.loads(self._own)
        return self._own

    def kept(self) -> tuple:
        """What the memo keeps of them."""
        own = self._own
        return (own if type(own) is bytes else marshal.dumps(own), self.feedback)


def of_ledger(led: Item) -> Facts:
    acts, points, items = led.get("activities"), led.get("contact_points"), led.get("feedback")
    return Facts(
        (tuple((i, act["date"]) for i, act in enumerate(acts if isinstance(acts, list) else ())
               if isinstance(act, dict) and parse_date(act.get("date"))),
         tuple((i, p) for i, p in enumerate(points if isinstance(points, list) else ()) if isinstance(p, str))),
        tuple((i, fb) for i, fb in enumerate(items if isinstance(items, list) else ()) if isinstance(fb, dict) and fb))


def ledger_facts(rs: RecordSet) -> dict[str, Facts]:
    """{ledger file below records/: its Facts}, the same every time it is asked in a run."""
    def work_out() -> dict[str, Facts]:
        memo = FileMemo(rs.root, "facts", KEPT_AS)
        out = {}
        for led in rs.ledgers.values():
            kept = memo.get(led.doc)
            if kept is None:
                facts = of_ledger(led)
                memo.put(led.doc, facts.kept())
            else:
                facts = Facts(*kept)
            out[led.doc.rel] = facts
        memo.save()
        return out
    return rs._memoized(("ledger_facts",), work_out)


def feedback_items(rs: RecordSet) -> tuple[tuple[Item, Item], ...]:
    """(ledger, feedback item) pairs, ledgers in period order then file order (worked out once a
    run: the site's feedback pages; the checks' chains read the facts straight, feedback.chains_of)."""
    def pairs():
        facts = ledger_facts(rs)
        return tuple((led, Item(led.doc, ("feedback", i), fb))
                     for _key, led in sorted(rs.ledgers.items()) for i, fb in facts[led.doc.rel].feedback)
    return rs._memoized(("feedback_items",), pairs)
