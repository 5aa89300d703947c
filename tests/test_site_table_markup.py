"""Tables written as the theme's script would wrap them (generator/site/table_markup.py)."""
from __future__ import annotations

from generator.site.table_markup import CLOSE, OPEN, wrapped


def test_each_plain_table_is_wrapped_and_the_rest_left_as_it_is():
    page = ("<p>a</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n<p>b</p>\n"
            '<table class="own"><tr><td>2</td></tr></table>\n<table>\n<tr><td>3</td></tr>\n</table>')
    assert wrapped(page) == ("<p>a</p>\n" + OPEN + "\n<tr><td>1</td></tr>\n" + CLOSE + "\n<p>b</p>\n"
                             '<table class="own"><tr><td>2</td></tr></table>\n' + OPEN + "\n<tr><td>3</td></tr>\n" + CLOSE)
    assert wrapped("<p>no table</p>") == "<p>no table</p>"


def test_a_table_it_cannot_pair_is_left_as_it_is():
    unclosed = "<table>\n<tr><td>1</td></tr>\n"
    assert wrapped(unclosed) == unclosed
    nested = "<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>"
    assert wrapped(nested) == nested
    after = "<table><tr><td>1</td></tr></table><p>x</p>" + nested
    assert wrapped(after) == OPEN + "<tr><td>1</td></tr>" + CLOSE + "<p>x</p>" + nested
