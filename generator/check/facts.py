"""What the policy rules read of each ledger: the dates of its activities, the contact points
it names and its feedback items (`Facts`).

They are worked out once per run for every rule, and kept per ledger between runs
(cache.FileMemo, by the ledger's SHA-256: nothing else goes into them), so that a `check`
where one ledger changed reads that ledger's values only, not the 12,007 others' (≈0.35 s
at 12k).  A rule that needs more of a ledger adds it here.
"""
from __future__ import annotations

from typing import NamedTuple

from generator.cache import FileMemo
from generator.model import Item, RecordSet
from generator.validate import parse_date

KEPT_AS = "ledger-facts-1"  # the memo's context: change it when what Facts holds changes


class Facts(NamedTuple):
    dates: tuple  # (index, "YYYY-MM-DD") of each activity with a valid date
    points: tuple  # (index, id) of each contact point written as text
    feedback: tuple  # (index, values) of each feedback item that is a non-empty mapping


def of_ledger(led: Item) -> Facts:
    acts, points, items = led.get("activities"), led.get("contact_points"), led.get("feedback")
    return Facts(
        tuple((i, act["date"]) for i, act in enumerate(acts if isinstance(acts, list) else ())
              if isinstance(act, dict) and parse_date(act.get("date"))),
        tuple((i, p) for i, p in enumerate(points if isinstance(points, list) else ()) if isinstance(p, str)),
        tuple((i, fb) for i, fb in enumerate(items if isinstance(items, list) else ()) if isinstance(fb, dict) and fb))


def ledger_facts(rs: RecordSet) -> dict[str, Facts]:
    """{ledger file below records/: its Facts}, the same every time it is asked in a run."""
    def work_out() -> dict[str, Facts]:
        memo = FileMemo(rs.root, "facts", KEPT_AS)
        out = {}
        for led in rs.ledgers.values():
            kept = memo.get(led.doc)
            if kept is None:
                kept = of_ledger(led)
                memo.put(led.doc, tuple(kept))
            out[led.doc.rel] = Facts(*kept)
        memo.save()
        return out
    return rs._memoized(("ledger_facts",), work_out)


def feedback_items(rs: RecordSet) -> tuple[tuple[Item, Item], ...]:
    """(ledger, feedback item) pairs, ledgers in period order then file order (worked out
    once: the checks and the site both ask)."""
    def pairs():
        facts = ledger_facts(rs)
        return tuple((led, Item(led.doc, ("feedback", i), fb))
                     for _key, led in sorted(rs.ledgers.items()) for i, fb in facts[led.doc.rel].feedback)
    return rs._memoized(("feedback_items",), pairs)
