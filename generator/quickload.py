"""The loader's quick path: a record's values without their positions, parsed by rapidyaml.

Positions (line and column of every value) are only needed when something is reported,
and for a valid record that is never.  So an ordinary file is read here by rapidyaml
(C++) into JSON, and the JSON into Python values by orjson — several times faster than
libyaml's events — and `load.Document` works out positions later, only if asked, by
parsing the same bytes again with the full loader (see `Document.where`).

The values must be *exactly* what the full loader makes of the file, with our scalar
rules (load.scalar), and every file the full loader would report on must go to the full
loader.  rapidyaml's reading differs in places, so this module only accepts a file when
none of them can matter, and returns None (→ the full loader) otherwise:

* bytes: not UTF-8 (orjson refuses), UTF-16/32, NUL, tabs, control characters, a BOM
  is removed as the full loader does;
* anything the full loader reports or treats specially: `@` and backquote (YAML
  reserves them; rapidyaml lets them start a value), anchors `&`, aliases `*`,
  tags `!` and complex keys `? ` — each unless after a letter or non-ASCII character,
  where no node can start (`Q&A`, `好!`, see _INDICATORS) —, merge keys `<<`,
  directives `%`, document markers `---` / `...` (except `---` alone on the first line and
  `...` alone on the last, as `yaml.safe_dump(explicit_start=True)` and yamllint's
  document-start rule write them), a BOM after the start, a top level
  that is not a mapping, nesting near MAX_DEPTH, duplicate keys (rapidyaml keeps both:
  the values are counted against its tree's nodes), keys our rules would not read as text,
  a list item holding a space that may have been written on two lines (E-YAML-015: _on_one_line);
* syntax errors rapidyaml lets pass, and headers it reads otherwise (see _risky):
  `] } , %` starting a value, a block scalar's header other than `|`, `>` and chomping
  (`|2x`, `|2`, `> # c-`), text after a closing quote (`"a" b`), a quoted key on two
  lines, a flow collection other than `[]`, one line of plain words or one line of mappings of
  them (the policy's `[{heading: 是否撤销, ended: 是, said: 已撤销}, …]`), and a file
  without a final line break whose block scalar may end it (rapidyaml ends it with one; any
  other such file is read as if the break were there, as the full loader reads it: _unended);
* scalars rapidyaml reads otherwise than our rules: every float (`.5`, `1.`, `1e3`
  are text for us, numbers for rapidyaml), integers of 19 digits or more, `+1`,
  `True`/`Null`/`~` (text for rapidyaml, true/null for us), `.inf`/`.nan` spellings
  (rapidyaml rewrites `inf` as `.inf`).

Every file is first read by our own C extension, `generator/_quickscan.c` (built by `make`:
`_quickscan.scan`), before any of the checks above: it checks the bytes itself (none of _UNCOMMON's, UTF-8,
none of U+2028/2029/FEFF/FFFE/FFFF: a usual file, most ledgers) and builds the values straight from them —
block mappings and lists, one-line plain scalars, empty values — as this module's walk would give them
(_nodes_if_plain: keys and short strings interned, `texts` filled), or refuses anything outside that
subset, and so every file one of the checks above refuses (_gated); a file it refuses goes through them
to rapidyaml as before.  Without the built module (no C compiler where `make` ran) every file goes to
rapidyaml.

tests/test_bench_fastpath.py compares this path with the full loader on every fixture,
the hostile corpus, a matrix of tricky scalars and 30,000 random documents; tests/test_quickscan.py
the C reading with it and with rapidyaml's on random documents in and at the edges of its subset
and on mutated ledgers.  `CONTACT_LEDGER_FAST=0` turns it off.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Iterator

from generator import load

try:
    import orjson
    import ryml
except ImportError:  # pragma: no cover - the quick path is optional
    ryml = orjson = None
try:
    from generator import _quickscan
except ImportError:  # not built (no C compiler or Python headers where `make` ran): rapidyaml reads every file
    _quickscan = None

_STARTS = (b"---", b"...", b"%", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
# ASCII control characters other than line breaks (a file with any of them: full loader)
_CONTROLS = bytes(range(0x20)).replace(b"\n", b"").replace(b"\r", b"") + b"\x7f"
# Every byte a gate of `read` looks for but the line break, `-` (dates, items) and a UTF-8 character's
# others: the controls, CR, the indicators, `<` `%` `.` (`<<`, `\n%`, `\n...`), `#` `[` `\` (_noted)
# and the C1 controls' lead byte.  One pass (translate) tells a file with none of them: most ledgers.
_UNCOMMON = _CONTROLS + b"\r&*!@`?]},%|>[{\"'<.#\\\xc2"
# The document's own markers, alone on the first and the last line: `---` and `...` (+ a comment)
_START_LINE = re.compile(rb"---(?: +#[^\r\n]*| *)\r?\n")
_END_LINE = re.compile(rb"\.\.\.(?: +#[^\r\n]*| *)\r?\n")
# Values rapidyaml leaves as text but our rules read as true/false/null, or that rapidyaml rewrites.
_ODD = {"True", "TRUE", "False", "FALSE", "Null", "NULL", "~", ".nan", ".inf", "-.inf", "+.inf", ".NaN", ".Inf",
        ".INF", ".NAN", "-.Inf", "-.INF", "+.Inf", "+.INF"}
_BIG = 10 ** 18  # our rules read 19 digits or more as text
# YAML's node indicators — anchor &, alias *, tag !, reserved @ and `, complex key "? " — mean
# something only where a node can begin: at the start of a line, after : - ? [ { , " ' | >
# and the like, or after a block scalar's header (|2), spaces between or not.  After a letter,
# a non-ASCII character or another indicator taken as text, with or without spaces between
# (Q&A, 好!, 为什么? 因为, 座谈会 *重点*!, A & B), no node can begin: they are text, in a plain
# or quoted scalar or a comment.  Anywhere else (after a digit too: `|2 &x`): the full loader.
# (Looked for with bytes.find: a regular expression over the file cost 80 µs a file.)
_INDICATORS = tuple(b"&*!@`?")
_TEXT_BEFORE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz&*!@`?" + bytes(range(0x80, 0x100)))
_SPACE_AFTER = (b" ", b"\r", b"\n", b"")
# These cannot begin a plain scalar either, but rapidyaml reads them as one (`k: ]`) or skips
# what follows a block scalar's header (`k: |2x`) where PyYAML reports an error.  Where a node
# begins in the narrow sense (_node_start: so the `]` that closes `[a, b]` is no concern): the
# full loader, unless it is a plain block scalar header or a simple flow collection.
_NODE_ONLY = tuple(b"]},%|>[{")
# (Not an indentation digit, `|2`: rapidyaml drops a blank line's extra spaces; not a comment:
# it reads `> # c-` as `>-`.)
_HEADER = re.compile(rb"[+-]? *\r?\n")
# Flow collections are rare in the records (`[]`, and the policy's `[{heading: 是否撤销, ended: 是, said: 已撤销}]`),
# and inside them YAML reads `? : # %` its own way: only an empty one, one line of plain words, or one line of
# mappings of plain words (a word, `: `, words) goes the quick way.
_ITEM = rb"[A-Za-z0-9\x80-\xff][A-Za-z0-9\x80-\xff._/\- ]*"
_PAIR = rb"[A-Za-z0-9\x80-\xff][A-Za-z0-9\x80-\xff._/\-]*: +" + _ITEM
_MAP = rb"\{ *" + _PAIR + rb"(?:, *" + _PAIR + rb")* *\}"
_FLOW = re.compile(rb"(?:\[ *\]|\{ *\}|\[ *" + _ITEM + rb"(?:, *" + _ITEM + rb")* *\]|" + _MAP + rb"|\[ *" + _MAP
                   + rb"(?:, *" + _MAP + rb")* *\])(?: +#[^\n]*| *)\r?\n")
_GOOD_KEYS: set = set()
# A list item's spaces that begin a run of them (_on_one_line: the item's part before each), the spaces
# before a line break (and a CRLF's CR: _Ends), and the most searches of a file's text for such parts.
_SPACES_BEGIN = re.compile("(?<! ) ")
_LINE_END = re.compile(" *\r?\n")
_SEARCHES = 256


def enabled() -> bool:
    return ryml is not None and os.environ.get("CONTACT_LEDGER_FAST", "1") != "0"


def values(raw: bytes):
    """The file's values as the full loader reads them, or None (let the full loader do it)."""
    return read(raw)[0]


def read(raw: bytes, texts: set | None = None) -> tuple:
    """(the file's values as the full loader reads them, its text: the bytes decoded, without the
    BOM), or (None, None): let the full loader do it.  `texts`, an empty set, is given every key and string
    of the values, and each number and boolean as written (_nodes_if_plain's walk: the privacy scan's,
    Document.texts; of a file refused, some of them).

    The body (the BOM cut, a final line break found or put: _unended) is read by _quickscan.scan first, which
    checks its bytes itself and refuses every file a gate refuses (_gated): most ledgers are read with no gate
    asked.  Only a file it refuses goes through the gates, then to rapidyaml (or, `---` on its first line, to
    the C reading again without that line)."""
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    unended = not body.endswith(b"\n")
    if unended:  # saved without its final line break: read as if it were there (_unended)
        if not _unended(body):
            return _REFUSED
        body += b"\n"
    if texts is None:
        texts = set()
    data = _scanned(body, texts)
    if data is not None:  # (the C reading refuses every file _gated refuses)
        text = body.decode("utf-8")
    else:
        gated = _gated(body)
        if gated is None:
            return _REFUSED
        text, doc, usual = gated
        data = _scanned(doc, texts) if usual and doc is not body else None  # (`---` first: the document's reading)
        if data is None:
            data = rapidyaml(doc, texts, text)
            if data is None:
                return _REFUSED
    return data, text[:-1] if unended else text


def _scanned(doc: bytes, texts: set) -> dict | None:
    """The C reading's values of the document (`texts` filled), or None: refused (and `texts` cleared of what it
    added before refusing: rapidyaml's walk fills it again), or the module not built."""
    if _quickscan is None:
        return None
    data = _quickscan.scan(doc, texts)
    if data is None:
        texts.clear()
    return data


def _gated(body: bytes) -> tuple | None:
    """(the body decoded, its document: _document, whether it is usual: none of _UNCOMMON's bytes), or None if a
    gate refuses it: what rapidyaml or our walk would read otherwise than the full loader, or what the full loader
    reports.  Asked only of a file the C reading refuses, which refuses every file a gate refuses (a byte of
    _UNCOMMON or its own list, not UTF-8, U+2028/2029/FEFF/FFFE/FFFF; `---` at a line's start, a key's `-`)."""
    usual = len(body.translate(None, _UNCOMMON)) == len(body)
    if not usual and (len(body.translate(None, _CONTROLS)) != len(body)
                      or b"\r" in body and body.count(b"\r") != body.count(b"\r\n")):
        return None
    try:  # bytes not UTF-8: orjson refused them in a value or a key, and a comment's were refused too
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\ufeff" in text:  # a BOM after the start
        return None
    doc = _document(body)
    if doc.startswith(_STARTS) or "\n---" in text or not usual and (_refused(doc) or _risky(doc) or _noted(body, text)):
        return None
    if ("\u2028" in text or "\u2029" in text or "\ufffe" in text or "\uffff" in text or not usual and b"\xc2" in body) \
            and load.UNALLOWED_CHAR.search(text):  # C1 controls, U+FFFE/U+FFFF, Unicode line separators
        return None
    return text, doc, usual


def rapidyaml(doc: bytes, texts: set, text: str) -> dict | None:
    """The document's values as rapidyaml reads them and _nodes_if_plain walks them (`texts` filled), or None."""
    try:
        tree = ryml.parse_in_arena(doc)
        data = orjson.loads(_json(tree, len(doc)))
    except Exception:  # noqa: BLE001 - a syntax error …: the full loader reports it
        return None
    # every node of rapidyaml's tree is one value of `data` (the root: 1) unless a key was written
    # twice: rapidyaml keeps both, orjson the last.  (The keys counted in the JSON were one short
    # for a key ending in a backslash, `"a\\": `, which hid a key written twice.)
    if type(data) is not dict:
        return None
    count, data = _nodes_if_plain(data, texts, text)
    return data if count == tree.size() else None


_REFUSED = (None, None)


def _unended(body: bytes) -> bool:
    """Whether a file without its final line break (as some editors save it) reads as it would with one: the
    full loader reports nothing for it either way, and its values are the same — but for a block scalar's
    that ends the file (`k: |` and `  x` last: x for PyYAML, x and a line break for rapidyaml with it).  So
    the file holds no `|` or `>` at all, or its last line begins at the margin with a character that is not
    a comment's (`z: 1`, `- x`: no block scalar goes on there).  Not a file ending with a CR: a line break
    the gates would count as one alone."""
    if body.endswith(b"\r") or not body:
        return False
    if b"|" not in body and b">" not in body:
        return True
    return body[body.rfind(b"\n") + 1:][:1] not in b" #\r"


def _on_one_line(item: str, ends: _Ends) -> bool:
    """Whether a plain list item holding a space was written on one line, as the full loader reads it
    without a finding (an item written on two lines reads as one with a space where the line broke:
    E-YAML-015, or E-YAML-010, which only the full loader reports).  Written on two lines, the item's
    first line ends where one of its spaces is: that part of it, then at most spaces and a line break,
    is in the file.  None of them anywhere (in any value or comment): on one line.  A quoted item or a
    block scalar's on two lines is refused with them (the full loader reads them without a finding:
    only the quick path's share is less); an item holding a line break (or a CR, a quoted one's escape)
    is always refused, and so is one whose file has been searched _SEARCHES times (_Ends.ends_a_line).
    A part is looked for only when its last character ends a line (one search for each character)."""
    if "\n" in item or "\r" in item:
        return False
    for space in _SPACES_BEGIN.finditer(item):
        at = space.start()
        if at and ends.ends_a_line(item[at - 1]) is False:
            continue
        if ends.ends_a_line(item[:at]) is not False:  # (None: searched too often — the full loader reads it)
            return False
    return True


class _Ends:
    """The ends of a file's lines, for _on_one_line: its text with the spaces before each line break dropped
    and CRLF read as LF (a line's last character is then right before a "\n"; built when the file's first
    list item holding a space is met), each part of an item looked for and whether it ends a line, and how
    many more searches of the text it may take: at most _SEARCHES a file, so the work is linear in the file
    (a part's every place in it, for each of an item's spaces, was cubic: 53 s for an item of 2,000 spaces)."""
    __slots__ = ("text", "found", "left")

    def __init__(self, source: str):
        self.text = _LINE_END.sub("\n", source) if " \n" in source or "\r" in source else source
        self.found: dict = {}
        self.left = _SEARCHES

    def ends_a_line(self, part: str) -> bool | None:
        """Whether the part ends a line of the file (None: the file has been searched _SEARCHES times)."""
        found = self.found.get(part)
        if found is None:
            if not self.left:
                return None
            self.left -= 1
            found = self.found[part] = part + "\n" in self.text
        return found


def _refused(doc: bytes) -> bool:
    """Whether the document holds `<<`, or `%` or `...` at the start of a line (even in a comment or
    inside quotes): the full loader.  (Tabs, NUL and DEL: _CONTROLS; a BOM after the start: read;
    `---` at the start of a line: read, in the text, two bytes a character — the file's where the
    document's are, but for a second line `---` after a first one, which the document then starts
    with (_STARTS); `---` first, `...` last: _document.)  Each is looked for only where its rarer
    byte is."""
    return b"<" in doc and b"<<" in doc or b"%" in doc and b"\n%" in doc or b"." in doc and b"\n..." in doc


def _noted(body: bytes, text: str) -> bool:
    """Whether the file holds what the full loader reports of text our rules would read otherwise:
    a comment with no space before its `#` (E-YAML-011), a wide comma in a list on one line
    (E-YAML-012), a backslash escape of a control character (E-YAML-014).  Each looked for only
    where its byte is (`#`, `[`, `\\`)."""
    return b"#" in body and load.HIDDEN_COMMENT.search(text) is not None \
        or b"[" in body and ("\uff0c" in text or "\u3001" in text) and load.WIDE_COMMA.search(text) is not None \
        or b"\\" in body and load.ESCAPED_CONTROL.search(text) is not None


def _document(body: bytes) -> bytes:
    """The body without its first line if that is `---` and its last if that is `...`: the
    markers of the one document, which the full loader reads past.  (Any other marker, and
    text on a marker's line, is refused; comments on them are scanned with the whole file.)"""
    if body.startswith(b"---") and _START_LINE.match(body):
        body = body[body.index(b"\n") + 1:]
    last = body.rfind(b"\n", 0, len(body) - 1) + 1
    if body.startswith(b"...", last) and _END_LINE.fullmatch(body, last):
        body = body[:last]
    return body


def _json(tree, size: int) -> bytes:
    """The tree as JSON in UTF-8, written straight into a buffer (emit_json_malloc makes a
    str of it first: 30–40 µs more for each ledger)."""
    buf = bytearray(2 * size + 256)
    failed, length = ryml.emit_json_to_substr(tree, tree.root_id(), buf)
    if failed:
        buf = bytearray(length)
        failed, length = ryml.emit_json_to_substr(tree, tree.root_id(), buf)
    return bytes(memoryview(buf)[:length])


def _risky(body: bytes) -> bool:
    """Whether the file holds YAML that rapidyaml may read otherwise than the full loader:
    an indicator where a node can begin (_INDICATORS), a character that cannot begin a plain
    scalar at a node's start (_NODE_ONLY), or text after a quoted scalar's closing quote."""
    return _indicator(body) or _node_only(body) or _after_quote(body)


def _indicator(body: bytes) -> bool:
    for char, at in _each(body, _INDICATORS):
        before = _before(body, at)
        if before < 0 or body[before] not in _TEXT_BEFORE:
            if char != 63 or body[at + 1:at + 2] in _SPACE_AFTER:  # 63: '?' only before a space
                return True
    return False


def _node_only(body: bytes) -> bool:
    for char, at in _each(body, _NODE_ONLY):
        if not _node_start(body, at):
            continue
        if char in b"|>":
            if not _HEADER.match(body, at + 1):
                return True
        elif char in b"[{":
            if not _FLOW.match(body, at):
                return True
        else:
            return True
    return False


def _after_quote(body: bytes) -> bool:
    for quote in b"\"'":
        at = body.find(quote)
        while at != -1:
            if not _node_start(body, at):
                at = body.find(quote, at + 1)
                continue
            close = _closing(body, at, quote)
            if close < 0:
                return True
            after = close + 1
            while body[after:after + 1] == b" ":
                after += 1
            follows = body[after:after + 1]
            if follows not in b":\r\n" and not (follows == b"#" and after > close + 1):
                return True  # (b"" — the end — is `in` anything)
            if follows == b":" and body.find(b"\n", at, close) != -1:
                return True  # a key on more than one line: an error for the full loader
            at = body.find(quote, close + 1)
    return False


def _node_start(body: bytes, at: int) -> bool:
    """Whether a node can begin at `at` in the narrow sense: the line's first character, or
    after `: ` `- ` `? ` (one space or more)."""
    before = _before(body, at)
    return before < 0 or body[before] == 10 or (body[before] in b":-?" and before < at - 1)


def _before(body: bytes, at: int) -> int:
    """The index of the last byte before `at` that is not a space (-1: none)."""
    before = at - 1
    while before >= 0 and body[before] == 32:
        before -= 1
    return before


def _each(body: bytes, chars) -> Iterator[tuple[int, int]]:
    """(char, index) of every occurrence of each of `chars` in `body`."""
    for char in chars:
        at = body.find(char)
        while at != -1:
            yield char, at
            at = body.find(char, at + 1)


def _closing(body: bytes, at: int, quote: int) -> int:
    """The index of the quote that closes the quoted scalar opened at `at`, or -1."""
    i = at + 1
    while True:
        j = body.find(quote, i)
        if j < 0:
            return -1
        if quote == 39:  # '…': '' is a quote inside
            if body[j + 1:j + 2] == b"'":
                i = j + 2
                continue
            return j
        slashes = 0  # "…": \" is a quote inside
        while body[j - 1 - slashes] == 92:
            slashes += 1
        if slashes % 2:
            i = j + 1
            continue
        return j


@contextlib.contextmanager
def quiet():
    """rapidyaml prints its parse errors on standard error before raising: silence them
    (the full loader reports the error properly)."""
    if ryml is None:
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _nodes_if_plain(root: dict, texts: set, source: str, intern=sys.intern, n=load.SHARED_LEN) -> tuple:
    """(The number of values, the root's mapping and every key's value and item counted (as the
    nodes of rapidyaml's tree), or None if any is one rapidyaml may read otherwise; the values
    with their keys and short strings interned, or None).  (Walked a level at a time: a stack of
    (node, depth) pairs cost a third more.)  Interned, keys and short strings are one object for
    each text across all files' values, and marshal keeps them so (cache.pack, which leaves these
    values as they are): 12k ledgers' values take about half the memory.  (In this walk, not a
    second one: ≈10 µs a ledger less.)  Every key, string, and number or boolean as written
    (str(n), true, false) is put in `texts` as it is met: privacy.Scanner.clean reads them there and
    walks the values no more (its walk cost ≈0.3 s at 12k, these adds ≈0.1 s)."""
    good = _GOOD_KEYS
    odd = _ODD
    if not _good_keys(root, good):
        return None, None
    root = dict(zip(map(intern, root), root.values()))
    add, update = texts.add, texts.update
    update(root)
    ends = None
    count = 1
    level = [root]
    for _depth in range(load.MAX_DEPTH - 1):  # (a container deeper than MAX_DEPTH - 2: the full loader)
        deeper = []
        for node in level:
            count += len(node)
            listed = type(node) is list
            for key, value in enumerate(node) if listed else node.items():
                kind = type(value)
                if kind is str:
                    if listed and (" " in value or "\n" in value):
                        if ends is None:
                            ends = _Ends(source)
                        if not _on_one_line(value, ends):
                            return None, None  # an item on two lines reads as one with a space (E-YAML-015): the full loader
                    if len(value) <= n:
                        if value in odd:
                            return None, None
                        node[key] = value = intern(value)
                    add(value)
                elif kind is dict:
                    if not _good_keys(value, good):
                        return None, None
                    node[key] = value = dict(zip(map(intern, value), value.values()))
                    update(value)
                    deeper.append(value)
                elif kind is list:
                    deeper.append(value)
                elif kind is int:
                    if not -_BIG < value < _BIG:
                        return None, None
                    add(str(value))
                elif kind is bool:
                    add("true" if value else "false")
                elif value is not None:
                    return None, None  # a float (or anything else)
        if not deeper:
            return count, root
        level = deeper
    return None, None


def _good_keys(node: dict, good: set) -> bool:
    """Whether each of the mapping's keys is one our rules read as the same text (kept in `good`)."""
    if not good.issuperset(node):
        for key in node:
            if key not in good:
                if not _plain_text_key(key):
                    return False
                if len(good) < 10_000:
                    good.add(key)
    return True


def _plain_text_key(key: str) -> bool:
    """Whether our rules read this key as the same text (whether or not it was quoted)."""
    return not (key in load.NULLS or key in load.BOOLS or key in _ODD or key == "<<" or key[:1] in load.ODD_LEAD
                or load.INT.fullmatch(key) or load.DECIMAL.fullmatch(key) or re.fullmatch(r"[-+]?\.?[0-9].*", key))


if _quickscan is not None:
    _quickscan.setup(_UNCOMMON, _GOOD_KEYS, _plain_text_key, load.SHARED_LEN, load.MAX_DEPTH)
