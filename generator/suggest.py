"""“Did you mean …?”: the known name closest to a mistyped one, or None.

Closeness is RapidFuzz's normalised Indel similarity (what difflib's ratio approximates:
twice the longest common subsequence over the total length), at least 60 % as difflib's
default cutoff; among equally close names the first in sorted order.  In C++: against the
12,000 ledger paths of a large university ≈1 ms a name, where difflib.get_close_matches
took ≈0.5 s — so an import manifest listing 4,000 missing files is reported in seconds, not
in half an hour.  Each set of known names is sorted once, and each name looked up once;
the import manifest's answers are kept between runs too (closest_kept).
"""
from __future__ import annotations

import unicodedata

from generator.chars import INVISIBLE, SPACES

CUTOFF = 60  # per cent

_known: dict[int, tuple] = {}  # id(known) → (known itself, its size, sorted names, {name: answer})


def closest(name, known) -> str | None:
    """The closest of `known` (any collection of names, unchanged while in use) to `name`."""
    entry = _known.get(id(known))
    if entry is None or entry[0] is not known or entry[1] != len(known):
        if len(_known) > 32:
            _known.clear()
        entry = _known[id(known)] = (known, len(known), sorted({str(k) for k in known}), {})
    answers = entry[3]
    name = str(name)
    if name not in answers:
        answers[name] = _best(name, entry[2])[0]
    return answers[name]


def closest_kept(names, known, kept) -> dict:
    """{name: closest(name, known)} for each of `names`, the same answers, with them kept between
    runs in `kept` (a cache.KeptResult) against the known names they were worked out with.
    When the known names have changed since, a kept answer is looked up again only among the names
    added (each one's best is the better of the two, the first in sorted order on a tie), or
    among all of them when the answer itself was removed — the best of the rest is still the
    best.  An import manifest listing 4,000 files that are not there: ≈1.9 s of every run (12k
    ledgers), then a few milliseconds."""
    names = {str(n) for n in names}
    if not names:
        return {}
    now = tuple(sorted({str(k) for k in known}))
    before = kept.get()
    then, answers = before if type(before) is tuple and len(before) == 2 else ((), {})
    added: tuple = ()
    removed: set = set()
    if then != now:
        added = tuple(sorted(set(now).difference(then)))
        removed = set(then).difference(now)
    out = {}
    for name in names:
        entry = answers.get(name)
        if entry is None or entry[0] in removed:
            entry = _best(name, now)
        elif added:
            new = _best(name, added)
            if new[0] is not None and (-new[1], new[0]) < (-entry[1], entry[0]):  # (no answer: score 0)
                entry = new
        out[name] = entry
    if then != now or out != answers:
        kept.put((now, out))
    return {name: entry[0] for name, entry in out.items()}


def _best(name: str, known: tuple) -> tuple:
    """(the closest of the sorted names `known`, its score), or (None, 0)."""
    from rapidfuzz import fuzz, process  # (only on a miss: ≈16 ms to import)

    found = process.extractOne(name, known, scorer=fuzz.ratio, score_cutoff=CUTOFF)
    best = (found[0], found[1]) if found else (None, 0)
    # Typed in capitals or in full-width letters (MKT-2026-01, ｍｋｔ-2026-01): ids are lower-case
    # ASCII, and case counted as a difference would suggest another id (au-2026-01).
    plain = unicodedata.normalize("NFKC", name).lower()
    if plain != name:
        other = process.extractOne(plain, known, scorer=fuzz.ratio, score_cutoff=CUTOFF)
        if other and (-other[1], other[0]) < (-best[1], best[0] or ""):
            best = (other[0], other[1])
    return best


def did_you_mean(name, known) -> dict:
    """A finding's `suggestion` and `suggestion_en`: “是不是“…”？” with the closest known name, or nothing; for a
    known name but for a character nobody sees (mkt-2023-01 and a full-width space after it), the words for it."""
    told = unseen(name, known) if isinstance(name, str) else None
    return {"suggestion": told[0], "suggestion_en": told[1].strip()} if told else phrased(closest(name, known))


def phrased(close: str | None) -> dict:
    """`did_you_mean` of an answer worked out already."""
    return {"suggestion": f"是不是“{close}”？" if close else "",
            "suggestion_en": f"Did you mean '{close}'?" if close else ""}


# Characters that look like nothing, or like a space, in a name (a vocabulary's word, a field's).
_UNSEEN = {**SPACES, **INVISIBLE}


def seen(value: str) -> str:
    """`value` without the characters in it nobody sees."""
    return "".join(c for c in value if c not in _UNSEEN)


def unseen(value: str, known) -> tuple[str, str] | None:
    """The words (zh, en) for a name of `known` with a character in it nobody sees on the line (社团活动
    and an input method's full-width space after it, a field's name after a zero-width space: told
    是不是“社团活动”？ before), or for a word of `known` (the policy's list) with one where `value`
    has none; or None."""
    if any(c in _UNSEEN for c in value):
        word = seen(value)
        if word not in known:
            return None
        zh, en, where, where_en = _where_unseen(value)
        return (f"“{word}”{where}多了一个{zh}（看不出来），请删掉它。",
                f"'{word}' has a {en} {where_en}, which does not show: delete it. ")
    listed = next((k for k in known if isinstance(k, str) and k != value and seen(k) == value), None)
    if listed is None:
        return None
    zh, en, where, where_en = _where_unseen(listed)
    return (f"词表中的“{value}”{where}多了一个{zh}（看不出来），与这里写的不一样：请管理员删掉词表中的这个字符。",
            f"The list's '{value}' has a {en} {where_en}, which does not show, so it differs from this one: "
            "an administrator should delete it from the list. ")


def _where_unseen(value: str) -> tuple[str, str, str, str]:
    """The name (zh, en) of the first character nobody sees in `value`, and where it is (zh, en)."""
    at = next(i for i, c in enumerate(value) if c in _UNSEEN)
    zh, en = _UNSEEN[value[at]]
    where, where_en = ("开头", "at the start") if not value[:at].strip("".join(_UNSEEN)) else \
        ("末尾", "at the end") if not value[at:].strip("".join(_UNSEEN)) else ("中间", "inside")
    return zh, en, where, where_en
