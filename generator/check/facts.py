"""What the policy rules read of each ledger: the dates of its activities, the contact points
it names and its feedback items (`Facts`).

They are worked out once per run for every rule, and kept per ledger between runs
(cache.FileMemo, by the ledger's SHA-256: nothing else goes into them), so that a `check`
where one ledger changed reads that ledger's values only, not the 12,007 others' (≈0.35 s
at 12k).  A rule that needs more of a ledger adds it here.  A ledger loaded in this run (all of
them in a cold run) has its facts worked out by the process that loaded it, from its values
(given_of, when the checks will run: Document.facts), not here, where they would delay the
checks' copies (≈0.45 s at 12k).

Each ledger's facts are kept as one marshal, read when the ledger is first asked about: a pull
request asks of the changed cadre's ledgers and of the ledgers changed only (the other cadres'
rules are kept: by_cadre.py, and the feedback chains' rows: chain_rows.py); only a run that
groups the chains again reads every ledger's links.  Within them, the dates and contact points,
and the feedback items, are marshals again, read when first asked.
"""
from __future__ import annotations

import marshal

from generator.cache import FileMemo
from generator.model import Item, RecordSet
from generator.references import seen_of
from generator.validate import Days

KEPT_AS = "ledger-facts-5"  # the memo's context: change it when what Facts holds changes


class Facts:
    """dates: (index, "YYYY-MM-DD") of each activity with a valid date; points: (index, id) of
    each contact point written as text; feedback: (index, values) of each feedback item that is
    a non-empty mapping; links: (index, id, follows or None) of each of those whose id is text
    (what the chains are made of: feedback.chains_of); no_activities: whether its activities are
    an empty list (W-CHK-017: deadlines.Deadlines._empty).  The rules read the dates as written
    through the run's dates (Context.days: each text parsed once a run)."""

    __slots__ = ("_own", "_feedback", "links")

    def __init__(self, own, feedback, links: tuple):
        self._own = own  # (dates, points, no_activities), or their marshal (as kept)
        self._feedback = feedback  # the feedback items, or their marshal (as kept)
        self.links = links

    @property
    def dates(self) -> tuple:
        return self._read()[0]

    @property
    def points(self) -> tuple:
        return self._read()[1]

    @property
    def no_activities(self) -> bool:
        return self._read()[2]

    @property
    def feedback(self) -> tuple:
        if type(self._feedback) is bytes:
            self._feedback = marshal.loads(self._feedback)
        return self._feedback

    def item(self, index: int) -> dict:
        """The values of the feedback item at `index` (one of `links`)."""
        for i, v in self.feedback:  # (two to four items: a loop, not a generator)
            if i == index:
                return v
        raise KeyError(index)

    def _read(self) -> tuple:
        if type(self._own) is bytes:
            self._own = marshal.loads(self._own)
        return self._own

    def kept(self) -> tuple:
        """What the memo keeps of them."""
        own, feedback = self._own, self._feedback
        return (own if type(own) is bytes else marshal.dumps(own),
                feedback if type(feedback) is bytes else marshal.dumps(feedback), self.links)


def of_ledger(led: Item, parse: Days) -> Facts:
    return of_values(led.data, parse)


def of_values(values: dict, parse: Days) -> Facts:
    """The Facts of a ledger's values (a mapping)."""
    acts, points, items = values.get("activities"), values.get("contact_points"), values.get("feedback")
    feedback = tuple((i, fb) for i, fb in enumerate(items if isinstance(items, list) else ())
                     if isinstance(fb, dict) and fb)
    dates = []  # (the dates as written are kept: parsed here to keep the valid ones, in `parse`)
    for i, act in enumerate(acts if isinstance(acts, list) else ()):
        if isinstance(act, dict) and isinstance(text := act.get("date"), str) and parse[text]:
            dates.append((i, text))
    return Facts(
        (tuple(dates),
         tuple((i, p) for i, p in enumerate(points if isinstance(points, list) else ()) if isinstance(p, str)),
         isinstance(acts, list) and not acts),
        feedback,
        tuple((i, fb["id"], follows if isinstance(follows := fb.get("follows"), str) else None)
              for i, fb in feedback if isinstance(fb.get("id"), str)))


_DAYS = Days()  # (a loading process's: given_of)


def given_of(values) -> tuple | None:
    """The Facts of a ledger's values (None: not a mapping) as a loading process works them out for
    the ledgers it loads when the checks will run (cache.load_and_validate's `facts`: Document.facts):
    (own, feedback, links, what the memo keeps of them, what the references stage reads of them: references.seen_of,
    whose copy then need not read the values).  Plain values, so that a copy sends them
    back with the file's result; the feedback items are the values' own (marshal sends them once).
    They depend on the ledger's values alone, so on its bytes, as the memo's key does (its SHA-256
    and shown name)."""
    if type(values) is not dict:
        return None
    facts = of_values(values, _DAYS)
    try:
        return (facts._own, facts._feedback, facts.links, marshal.dumps(facts.kept()),
                seen_of(values, facts._own[1], facts._feedback))
    except ValueError:  # (a value marshal cannot keep: worked out here, as ledger_facts does without them)
        return None


def ledger_facts(rs: RecordSet) -> dict[str, Facts]:
    """{ledger file below records/: its Facts}, the same every time it is asked in a run.  Those not
    kept from an earlier run are those the loading processes worked out (Document.facts: a cold run
    makes no of_ledger here, before the checks' copies fork), else worked out here."""
    def work_out() -> dict[str, Facts]:
        leds = list(rs.ledgers.values())
        memo = FileMemo(rs.root, "facts", KEPT_AS, [led.doc for led in leds])
        out = _Kept(memo)
        for k in sorted(memo.stale):
            doc = leds[k].doc
            given = doc.facts if doc.sha256 else None  # (of the values of the bytes the digest vouches for)
            if given is None:
                facts = out[doc.rel] = of_ledger(leds[k], out.days)
                kept = marshal.dumps(facts.kept())
            else:
                own, feedback, links, kept, _seen = given
                out[doc.rel] = Facts(own, feedback, links)
            memo.put(k, kept)
        memo.save()
        return out
    return rs.memoized(("ledger_facts",), work_out)


class _Kept(dict):
    """{ledger file below records/: its Facts}, those kept from an earlier run read when first
    asked (a pull request asks those of one cadre's ledgers, and of the ledgers changed).  days: the
    run's dates as written → as dates (of_ledger's, then the rules' of those kept: Context.days)."""

    def __init__(self, memo: FileMemo):
        super().__init__()
        self._memo, self._at, self.days = memo, None, Days()
        # the ledgers' names, SHA-256 and shown names, in the record set's order (the chains' too)
        self.rels, self.shas, self.files = memo.rels, memo.shas, memo.files

    def __missing__(self, rel: str) -> Facts:
        if self._at is None:  # (the memo's names are the ledgers', in the same order)
            self._at = dict(zip(self._memo.rels, range(len(self._memo.rels))))
        facts = self[rel] = Facts(*marshal.loads(self._memo.get(self._at[rel])))
        return facts


def feedback_items(rs: RecordSet) -> tuple[tuple[Item, Item], ...]:
    """(ledger, feedback item) pairs, ledgers in period order then file order (worked out once a
    run: the site's feedback pages; the checks' chains read the facts straight, feedback.chains_of)."""
    def pairs():
        facts = ledger_facts(rs)
        return tuple((led, Item(led.doc, ("feedback", i), fb))
                     for _key, led in sorted(rs.ledgers.items()) for i, fb in facts[led.doc.rel].feedback)
    return rs.memoized(("feedback_items",), pairs)
