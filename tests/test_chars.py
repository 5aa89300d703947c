"""chars.narrower: each character of a table as the table says (text.translate), found by one search of the text."""
from __future__ import annotations

import random
import sys
import tracemalloc

from generator import privacy
from generator.chars import INVISIBLE, NARROW, NARROW_ALNUM, narrow, narrower

TABLES = [{**NARROW, **dict.fromkeys(INVISIBLE, "")}, NARROW, NARROW_ALNUM]  # (privacy's reading, the loader's, the import's)


def test_a_narrowed_text_is_the_text_translated_by_its_table():
    rnd = random.Random(8)
    for table in TABLES:
        narrowed = narrower(table)
        alphabet = list(table) + list("ab1 ,-张同学，。\n")
        texts = ["", "张同学", "２０２６－Ｈ１", "张\u200b同学", "\u200b\u200b１", "ｆｏｒｍ：\u3000ｔｒｕｅ", "，" * 5 + "a"]
        texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 40))) for _ in range(3000)]
        for text in texts:
            assert narrowed(text) == text.translate(str.maketrans(table)), repr(text)
    assert privacy._normal("与张\u200b同学（２６０１班）") == "与张同学(2601班)"


def test_narrowing_a_long_text_keeps_no_list_of_the_marks_it_finds():
    """A text of many marks (a summary's every ，) is narrowed in memory of the text's size: one search of the text and one
    replace for each distinct mark, not a list of every mark found (each a string of its own)."""
    text = "与同学们座谈，了解学习情况，" * 50_000  # (100,000 ，)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        narrowed = narrow(text)
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    assert narrowed == text.replace("，", ",")
    size = sys.getsizeof(text)
    assert peak < 2 * size, (peak, size)


def test_a_lazy_expression_copied_or_pickled_is_the_expression_before_and_after_its_first_use():
    """chars.Lazy asked every attribute it lacked of the compiled expression, its own `_source` too: a copy (copy,
    pickle, a forked worker's result sent back pickled) is made without __init__ and asked `__setstate__`, which asked
    `_source`, which asked `_source` … — RecursionError, not the expression."""
    import copy
    import pickle

    from generator.chars import Lazy

    for used in (False, True):
        rx = Lazy(r"[0-9]{3}", 0)
        if used:
            assert rx.search("no 123")[0] == "123"
        for again in (copy.copy(rx), copy.deepcopy(rx), pickle.loads(pickle.dumps(rx))):
            assert again.search("a 456 b")[0] == "456" and again.pattern == r"[0-9]{3}"
