"""Load: YAML files → documents that remember the line and column of every value.

The YAML is parsed by libyaml (PyYAML's C composer) into nodes, and converted here
with our own, deliberately small, scalar rules so that YAML 1.1 surprises cannot
change a value's type behind the user's back:

* plain `true` / `false` are booleans, plain `null`, `~` or nothing is null;
* plain decimal integers without leading zeros are integers (`0123` stays text);
* plain decimals like `3.5` are numbers; everything else — `2026-09-01`, `yes`,
  `on`, `no`, `1e3`, `0x1F`, a 5000-digit number — is text, and the schema decides
  whether it is right.

Hostile input never crashes the loader and never hides other files' findings.
Each of these is a finding, with line and column where there is one:

* discovery — a file in an unknown folder, a record with the wrong extension
  (`.yml`, `.json`, `.YAML`), a folder named `x.yaml`, a symbolic link that leads
  outside `records/` (or loops), a device or FIFO, a file or folder that cannot
  be read.  Other files (`README.md`, `.gitkeep`) are ignored.
* bytes — over the size cap (checked before reading), binary content (NUL bytes),
  UTF-16/32, bytes that are not UTF-8, control characters, an empty file.  A UTF-8
  BOM and CRLF line ends are accepted.
* structure — tabs used for indentation; then one streaming pass of libyaml's
  *parser* (iterative, never recursive) refuses aliases (no alias bomb is ever
  expanded) and nesting deeper than MAX_DEPTH *before* the recursive composer
  runs, so 100 000 nested `[` or `- - - -` cannot exhaust the stack; several
  documents, a top level that is not a mapping, non-text or duplicate keys,
  custom tags.

`Document.text` keeps the decoded source and `Document.spans` the character span
of every scalar, so later stages (privacy) can point at a column *inside* a value.
"""
from __future__ import annotations

import hashlib
import json
import operator
import os
import re
import stat
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from generator import findings as F
from generator.chars import ANY_SPACE, CONTROL, INVISIBLE, LINE_BREAKS, SPACES, Lazy, klass
from generator.layout import FOLDERS, kind_of


class _PyYAML:
    """PyYAML, imported when first used (≈8 ms): a run whose files are all read by the quick path
    or served from the cache never needs it.  The first use puts the module itself in its place."""

    def __getattr__(self, name):
        import yaml as module

        globals()["yaml"] = module
        return getattr(module, name)


yaml = _PyYAML()


@lru_cache(maxsize=None)
def loader():
    """libyaml's loader (in PyYAML's binary wheels), or the pure-Python parser where it is not."""
    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40
SHARED_LEN = 32  # keys and strings up to this long (dates, ids, words of a vocabulary) are interned: one object a text across files
MAX_REPORTED = 20  # of one kind of problem in one file
INT = Lazy(r"[-+]?(0|[1-9][0-9]{0,17})")
DECIMAL = Lazy(r"[-+]?[0-9]{1,15}\.[0-9]{1,15}")
NULLS = {"", "~", "null", "Null", "NULL"}
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STD_TAG = "tag:yaml.org,2002:"
# Tags libyaml's resolver gives to untagged values; any other tag was typed by someone.
_IMPLICIT_TAGS = {_STD_TAG + t for t in ("null", "bool", "int", "float", "timestamp", "str", "seq", "map", "merge", "value")}
# Line breaks exactly as YAML (and libyaml) count lines.
LINE_BREAK = Lazy(r"\r\n|" + klass(LINE_BREAKS))
# Characters YAML does not allow in a file (libyaml would stop with an English message), and the line
# breaks nobody sees as such (U+0085, U+2028, U+2029: YAML silently reads one in quotes as a space,
# one in a plain value as a new line), pasted from another program.
_UNALLOWED = {**CONTROL, "\u2028": LINE_BREAKS["\u2028"], "\u2029": LINE_BREAKS["\u2029"]}
UNALLOWED_CHAR = Lazy(klass(_UNALLOWED))
_WRONG_EXTENSIONS = (".yml", ".json", ".yaml", ".yaml.txt", ".yml.txt")  # compared lower-case; exact ".yaml" is right
# (.yaml.txt: saved by Notepad as a text file, Windows hiding the .txt — read by nobody, the ledger missing)
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class Document:
    """One record file: its content and where each value came from.

    A file read by the quick path (quickload) knows its values only; its positions,
    spans and text are worked out from its bytes the first time anyone asks
    (`where`), by the full loader — the same answer, paid for only when something
    is reported."""

    __slots__ = ("file", "rel", "kind", "_data", "_later", "sha256", "_raw", "_source", "_where", "_text", "privacy",
                 "quick", "_asked", "lines_now", "placed", "facts", "_stem", "_folder", "texts")

    def __init__(self, file: str, rel: str, kind: str | None, data=None, positions=None, key_positions=None,
                 sha256: str = "", text: str | None = None, spans=None, key_spans=None, raw: bytes | None = None,
                 source: str | None = None):
        self.file = file  # path as shown to people (relative to the working directory when possible)
        self.rel = rel  # path relative to the records folder, with '/'
        self.kind = kind
        self._data = data
        self._later = None  # where the values wait when they are not read yet (see `data`)
        self.sha256 = sha256
        self._raw = raw  # the bytes, when positions are worked out only if asked
        self._source = source  # … or the file to read them from when first asked (see `raw`)
        self._text = text
        self._where = None
        self.privacy = None  # (scanner key, finds) when the privacy scan ran with the loader
        self.quick = False  # the values were read by the quick path (then the bytes are UTF-8)
        if positions is not None or (raw is None and source is None):
            self._where = Parsed(data=data, positions=positions or {}, keys=key_positions or {},
                                  text=text or "", spans=spans or {}, key_spans=key_spans or {})
        self._asked = False  # a position was asked (see _quickly)
        # (content of a past day, cache.past_records: {its line: the lines of the file as it is now with the
        # same text}, which privacy exceptions — written against the file as it is — match; else None)
        self.lines_now = None
        # the positions of its values (not of its keys: `positions_of`) the loading process found, for
        # a file whose rows are all asked where (cache.load_and_validate's `placed`), else None
        self.placed = None
        # what the policy rules read of a ledger's values (check/facts.py: given_of), when the loading
        # process worked them out (the checks will run: cache.load_and_validate's `facts`), else None;
        # dropped with the values they were worked out of (`data` set, values_changed)
        self.facts = None
        self._stem = self._folder = None  # (stem and folder, worked out when first asked)
        # every key and string of the values as the quick path read them (numbers and booleans as written), gathered in
        # its walk of them: the privacy scan's (privacy.Scanner.clean takes them once), else None
        self.texts = None

    @property
    def data(self):
        """The file's values.  A file served from the cache (generator.cache) gets them when they are
        first asked: a run that asks no ledger's values (a warm `validate`, whose per-file results
        are cached too) never unmarshals them."""
        if self._later is not None:
            data = self._later.values(self.rel)
            if data is None and self.raw is not None:  # the cache could not give them: the bytes again
                data = _parse(self.raw, self.file).data
            self._data, self._later = data, None
        return self._data

    @property
    def raw(self) -> bytes | None:
        """The bytes, when positions are worked out only if asked.  A file the cache knew unchanged
        without reading it (generator.cache) is read now, and its bytes kept only if they still
        hash to `sha256`: a file changed since the run began gets no positions (line 1), never
        another file's."""
        if self._source is not None:
            path, self._source = self._source, None
            try:
                raw = read_bytes(path)
            except (OSError, NotRegular, TooBig):
                raw = None
            if raw is not None and hashlib.sha256(raw).hexdigest() == self.sha256:
                self._raw = raw
            elif self._where is None:
                self._where = Parsed(data=None, text="")
        return self._raw

    @raw.setter
    def raw(self, value: bytes | None) -> None:
        self._raw, self._source = value, None

    @property
    def has_bytes(self) -> bool:
        """Its bytes are kept, or can be read when asked (without reading them)."""
        return self._raw is not None or self._source is not None

    @data.setter
    def data(self, value) -> None:
        self._data, self._later, self.facts, self.texts = value, None, None, None

    def values_changed(self, data) -> None:
        """Its values are now `data`, no longer its bytes' (the site's, the checks done: site/conform.py,
        site/today.py): its bytes are read first, while the digest still vouches for them (positions), and
        the digest goes, so that nothing worked out of these values is kept between runs."""
        self.raw = self.raw
        self.data, self.sha256 = data, ""

    def later(self, store) -> None:
        """The values (a mapping) are `store.values(self.rel)`, asked when needed."""
        self._data, self._later, self.facts, self.texts = None, store, None, None

    @property
    def missing(self) -> bool:
        """No values could be read (a finding says why)."""
        return self._data is None and self._later is None

    @property
    def mapping(self) -> bool:
        """The values are a mapping, as every record's are (without reading values kept for later)."""
        return self._later is not None or isinstance(self._data, dict)

    def where(self) -> "Parsed":
        """Positions, spans and text of every value (parsing the bytes again if needed)."""
        if self._where is None and self.raw is not None:  # (raw: no positions if the file changed since)
            parsed = _parse(self.raw, self.file)
            parsed.data = None  # (a second copy of self.data)
            _LATE.append(self)  # only the latest few keep them (and the bytes are kept): see _LATE
            while len(_LATE) > LATE_KEPT:
                _LATE.popleft()._where = None
            self._where = parsed
        return self._where

    @property
    def located(self) -> bool:
        return self._where is not None

    @property
    def positions(self) -> dict:  # value path (tuple) → (line, col)
        return self.where().positions

    def positions_for_cache(self) -> dict:
        """`positions`, those it knows, else worked out from its bytes and not kept (positions_of: without the
        values, spans and text `where` keeps): what a loading process gives the cache of a file of a kind
        whose every row's line is asked (cache._loaded)."""
        return self._where.positions if self._where is not None else positions_of(self.raw, self.file)

    @property
    def key_positions(self) -> dict:  # value path → (line, col) of its key
        return self.where().keys

    @property
    def spans(self) -> dict:  # scalar value path → (start, end, source value): character span in `text`
        return self.where().spans

    @property
    def key_spans(self) -> dict:  # value path → (start, end, key) of its key
        return self.where().key_spans

    @property
    def text(self) -> str:  # decoded source (BOM removed); "" when it could not be read
        if self._text is None:  # quick path: the bytes are UTF-8 (quickload checked)
            raw = self.raw  # (read first: it may find the file changed, and give it no positions)
            self._text = raw.decode("utf-8").removeprefix("\ufeff") if self._where is None and self.quick \
                else self.where().text
        return self._text

    @property
    def stem(self) -> str:
        """The file's name without .yaml (a ledger's cadre), worked out once: a cold check at 12k asks
        it of the ledgers ≈90,000 times, and their folder (a ledger's period) ≈80,000."""
        stem = self._stem
        if stem is None:
            stem = self._stem = self.rel.rsplit("/", 1)[-1].removesuffix(".yaml")
        return stem

    @property
    def folder(self) -> str:
        folder = self._folder
        if folder is None:
            parts = self.rel.split("/")
            folder = self._folder = parts[-2] if len(parts) > 1 else ""
        return folder

    def pos(self, path=()) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that exists."""
        path = tuple(path)
        if self.has_bytes and self.sha256:  # (the hash of raw)
            return RECALL.answer(self.sha256, 0, path, lambda: self._pos(path))
        return self._pos(path)

    def _pos(self, path: tuple) -> tuple[int, int]:
        positions = self.placed
        if positions is None:
            hit = self._quickly(path, False)
            if hit:
                return hit
            positions = self.positions
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, (1, 1))

    def key_pos(self, path) -> tuple[int, int]:
        """Position of the key that holds `path` (falls back to the value's position)."""
        path = tuple(path)
        if self.has_bytes and self.sha256:
            return RECALL.answer(self.sha256, 1, path, lambda: self._key_pos(path))
        return self._key_pos(path)

    def _key_pos(self, path: tuple) -> tuple[int, int]:
        return self._quickly(path, True) or self.key_positions.get(path) or self._pos(path)

    def _quickly(self, path: tuple, key: bool) -> tuple[int, int] | None:
        """The first position asked of a file the quick path read: the file is parsed only as far
        as that (most files with a finding are asked one); from the second on, all of it."""
        if self._where is not None or not self.quick or self._asked or self.raw is None:
            return None
        self._asked = True
        from generator import fastload

        return fastload.locate(self.raw, path, key) if fastload.enabled() else None

    def __repr__(self) -> str:
        return f"Document({self.rel!r}, kind={self.kind!r})"


# Documents read without positions whose positions were worked out later, the latest last.
# Positions, spans and text take ≈80 KB a ledger, which 4,000 ledgers with a finding each
# would keep to the end (a 12k site build: +350 MB); so only the latest LATE_KEPT keep them,
# and an older one works them out again from its bytes (kept: ≈6 KB) if asked again.
LATE_KEPT = 256
_LATE: deque = deque()


def leaves(value, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """(path, value) of each value within `value` (a document's data, a schema's example) that is neither a mapping
    nor a list, in the document's order: its path the keys and indexes that lead to it, as Document.pos takes it."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, path + (i,))
    else:
        yield path, value


class Recall:
    """What `Document.pos` and `key_pos` answered for documents read without positions, by
    the SHA-256 of their bytes: (sha256, 0 value | 1 key, path) → (line, col).  A file with a
    finding is asked where on every run, and working that out parses it again (≈1 ms a
    ledger: 4,000 ledgers with a holiday activity each cost 4.5 s a run).  generator.cache
    keeps the answers between runs (`earlier` reads them, when first needed); the answer
    depends only on the bytes, so one kept for other bytes is never given."""

    def __init__(self) -> None:
        self.earlier = None  # () → dict of answers kept by an earlier run, or None
        self.known: dict | None = None
        self.worked: dict = {}  # answers worked out in this process

    def answer(self, sha256: str, which: int, path: tuple, work) -> tuple[int, int]:
        if self.known is None:
            self.known = (self.earlier() if self.earlier else None) or {}
        key = (sha256, which, path)
        hit = self.known.get(key) or self.worked.get(key)
        if hit is None:
            hit = self.worked[key] = work()
        return hit


RECALL = Recall()


_SHOWN_FROM: list[str] = []  # (shown_from's folders, innermost last)


@contextmanager
def shown_from(folder: Path):
    """Within it, paths are shown relative to `folder` (display_path's default) rather than to the
    working folder: the site's, from the repository's top, wherever the build runs."""
    _SHOWN_FROM.append(str(folder))
    try:
        yield
    finally:
        _SHOWN_FROM.pop()


def working_folder() -> str:
    """The folder paths are shown relative to: shown_from's, else the current one."""
    return _SHOWN_FROM[-1] if _SHOWN_FROM else os.getcwd()


def display_path(path, cwd: str | None = None) -> str:
    """A path as shown to people (relative to the working folder `cwd`, by default working_folder(),
    when below it); undecodable bytes in names are shown as �."""
    text = str(path)
    folder, name = os.path.split(text)
    cwd = cwd or working_folder()
    if name in ("", ".", "..") or not folder:
        rel = _relpath(text, cwd)
    else:  # the folder's part once per folder: relpath is slow, and files come by the folder
        base = _relpath(folder, cwd)
        if base is None or base.startswith(".."):  # outside, unless it is the working folder itself
            rel = os.path.relpath(text, cwd) if base is not None and name == os.path.basename(cwd) else None
        else:
            rel = name if base == "." else f"{base}{os.sep}{name}"
    if rel is not None and not rel.startswith(".."):
        text = rel.replace(os.sep, "/")
    return text if text.isascii() else text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def display_paths(paths: list[str], cwd: str | None = None) -> list[str]:
    """[display_path(p, cwd) for p in paths], each folder's part worked out once for the files
    that follow it in `paths` (discover gives them by the folder: 12,845 files at 12k, 11.3 → 1.6 ms)."""
    cwd = cwd or working_folder()
    here = os.path.basename(cwd)  # (a path that may be the working folder itself)
    out = []
    last = prefix = None
    for path in paths:
        folder, _sep, name = path.rpartition(os.sep)
        if folder != last:
            last = folder
            shown = display_path(folder, cwd) if folder and folder != os.sep else None
            prefix = None if shown is None else "" if shown == "." else shown + "/"
        # (whole: a name that is empty, or begins with a dot — `..x.yaml` here is shown as given —,
        # a name that may be the working folder, a name not in ASCII)
        if prefix is None or not name or name[0] == "." or name == here or not name.isascii():
            out.append(display_path(path, cwd))
        else:
            out.append(prefix + name)
    return out


@lru_cache(maxsize=4096)
def _relpath(text: str, cwd: str) -> str | None:
    try:
        return os.path.relpath(text, cwd)
    except ValueError:  # pragma: no cover - other drive on Windows
        return None


def _is_yaml_name(name: str) -> bool:
    return name.endswith(".yaml")


def _wrong_extension(name: str) -> bool:
    return not _is_yaml_name(name) and name.lower().endswith(_WRONG_EXTENSIONS)


def discover(records: Path) -> tuple[list[str], list[F.Finding]]:
    """All *.yaml files below `records` (their paths, as `records` joined with the path below
    it), sorted by folder, a folder's files before its subfolders; everything odd is a finding.

    Links leading outside `records/` are refused; folders named like a record, record
    files with another extension and unreadable folders are reported; other files
    (README.md …) are ignored.  (os.scandir, not os.walk and Path: each entry's kind comes
    with the folder's listing, without a stat per file.)"""
    found: list[str] = []
    problems: list[F.Finding] = []
    root = records.resolve()
    folders = [top := str(records)]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_NAME)
        except OSError as exc:
            problems.append(F.make("E-LOAD-007", display_path(exc.filename or records), None,
                                   reason=exc.strerror or type(exc).__name__))
            continue
        names, below = [], []
        for entry in entries:
            if not _is_dir(entry):
                names.append(entry)
            elif _is_link(entry):
                names.append(entry)  # a link to a folder: checked like a linked file
            elif _is_yaml_name(entry.name) or _wrong_extension(entry.name):
                problems.append(F.make("E-LOAD-008", display_path(entry.path), None))  # contents skipped too
            else:
                below.append(entry.path)
        for entry in names:
            name, path = entry.name, entry.path
            is_link = _is_link(entry)
            if not is_link and name.endswith(".yaml"):  # (nearly every file: the test below, sooner)
                found.append(path)
                continue
            if folder == top and name in FOLDERS and not entry.is_dir():  # (not .yaml: seldom reached)
                import shlex  # (its command only: not at every command's start)

                shown = display_path(path)  # (the folder as it is named from here; the command to restore it, quoted)
                problems.append(F.make("E-LOAD-012", shown, None, name=name, folder=shown, restore=shlex.quote(shown)))
                continue
            if not (_is_yaml_name(name) or _wrong_extension(name) or is_link):
                continue
            if is_link:
                try:
                    target = Path(path).resolve()
                    inside = target == root or root in target.parents
                    shown = os.readlink(path)
                except (OSError, RuntimeError):  # a loop of links, or unreadable
                    problems.append(F.make("E-LOAD-005", display_path(path), None, target="（循环链接 loop）"))
                    continue
                if not inside:
                    problems.append(F.make("E-LOAD-005", display_path(path), None, target=display_path(shown)))
                    continue
                if target.is_dir():
                    continue  # the folder itself is walked where it really is
            if _wrong_extension(name):  # (li-na.yml, li-na.YAML, li-na.yaml.txt: YAML already, the name alone to change)
                stem = re.sub(r"(\.ya?ml)?(\.txt)?$", "", name[:-5] if name.lower().endswith(".json") else name, flags=re.I)
                problems.append(F.make("E-LOAD-009", display_path(path), None, name=display_path(name),
                                       renamed=stem + ".yaml", rewrite="，并改写为 YAML 格式" if name.lower().endswith(
                                           ".json") else "（内容不用改）", rewrite_en=" and write it as YAML" if name.lower()
                                       .endswith(".json") else " (its content as it is)"))
            elif _is_yaml_name(name):
                found.append(path)
        folders.extend(reversed(below))
    return found, problems


_NAME = operator.attrgetter("name")  # (of an os.DirEntry: the key discover sorts by)


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def rel_paths(paths: list[str], records) -> list[str]:
    """[rel_path(p, records) for p in paths], each cut below `records` in place (discover joins
    `records` with each path it finds: 12,845 calls at 12k saved on every run)."""
    top = os.fspath(records) + os.sep
    out = [path[len(top):] if path.startswith(top) else rel_path(path, records) for path in paths]
    return out if os.sep == "/" else [rel.replace(os.sep, "/") for rel in out]


def rel_path(path, records) -> str:
    """`path` below `records`, with / between its parts (ledgers/2025-H2/zhang-wei.yaml)."""
    text, top = os.fspath(path), os.fspath(records)
    if text.startswith(top) and text[len(top):len(top) + 1] == os.sep:
        return text[len(top) + 1:].replace(os.sep, "/")
    return Path(path).relative_to(records).as_posix()


class NotRegular(Exception):
    """Not a regular file (a FIFO, a device …)."""


class TooBig(Exception):
    """Larger than MAX_BYTES (args[0]: the size seen)."""


def read_bytes(path) -> bytes:
    """A record file's bytes, refusing what is not a regular file and what is too big
    (also a file that grows while it is read).  os.open/os.read: a fifth of the cost of
    open().read() for 12,000 small files."""
    return read_file(path)[0]


def read_file(path) -> tuple[bytes, os.stat_result]:
    """read_bytes, and the file's status as it was just before it was read.  The file is opened
    first and its status taken from the open file (os.fstat): one walk of the path a file, not
    two (os.stat then os.open).  O_NONBLOCK, so that opening a FIFO does not wait for a writer
    (a regular file reads as without it); what cannot be opened is looked at by its path, so
    that a socket is told as not a regular file, as before."""
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise NotRegular from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular
        if info.st_size > MAX_BYTES:
            raise TooBig(info.st_size)
        parts, size, want = [], 0, info.st_size + 1  # (os.read allocates what it is asked for)
        while size <= MAX_BYTES:
            chunk = os.read(fd, want)
            parts.append(chunk)
            size += len(chunk)
            if len(chunk) < want:  # a short read of a regular file: its end
                break
            want = min(1 << 16, MAX_BYTES + 1 - size)
    finally:
        os.close(fd)
    if size > MAX_BYTES:  # grew while we looked
        raise TooBig(size)
    return (parts[0] if len(parts) == 1 else b"".join(parts)), info


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)


_PERIOD_FOLDER = Lazy(r"[0-9]{4}-[A-Za-z][A-Za-z0-9]*")  # (a folder named as a period: 2026-H1, 2026-HI)


def _not_a_record(file: str, rel: str, records) -> dict:
    """E-LOAD-004's hint for the file `file` at `rel` in the records folder `records`: for a ledger in a folder under
    or above its period's (ledgers/2026-H1/xgb/li-na.yaml, ledgers/xgb/2026-H1/li-na.yaml), where it goes
    (…/ledgers/2026-H1/li-na.yaml), its data's `ledger` — or, where a ledger of its name is filed already (a
    copy kept in ledgers/2026-H1/备份/), to merge it into that one, never to move it onto it."""
    from generator.messages.load import MERGE_LEDGER, MOVE_LEDGER, NOT_A_RECORD

    parts = rel.split("/")
    period = next((p for p in parts[1:-1] if _PERIOD_FOLDER.fullmatch(p)), None)
    if parts[0] != "ledgers" or len(parts) < 4 or not period or not _is_yaml_name(parts[-1]):
        return {"how": NOT_A_RECORD[0], "how_en": NOT_A_RECORD[1]}
    target = file[:len(file) - len(rel)] + f"ledgers/{period}/{parts[-1]}"
    if os.path.lexists(os.path.join(records, "ledgers", period, parts[-1])):
        return {"how": MERGE_LEDGER[0].format(target=target), "how_en": MERGE_LEDGER[1].format(target=target)}
    # (data: the ledger it is, as the checks name it — 未提交 there until it is moved: deadlines.told_misplaced)
    return {"how": MOVE_LEDGER[0].format(target=target), "how_en": MOVE_LEDGER[1].format(target=target),
            "data": {"ledger": target}}


def load_file(path, records: Path) -> tuple[Document, list[F.Finding]]:
    return load_file_status(path, records)[:2]


def load_file_status(path, records: Path, shown: str | None = None, read=None) \
        -> tuple[Document, list[F.Finding], os.stat_result | None]:
    """load_file, and the file's status as it was just before it was read (read_file; None: not read).
    `shown`: display_path(path), when the caller has worked it out (display_paths, for many files);
    `read`: load_bytes'."""
    rel = rel_path(path, records)
    doc = Document(file=display_path(path) if shown is None else shown, rel=rel, kind=kind_of(rel))
    if doc.kind is None:
        return doc, [F.make("E-LOAD-004", doc.file, None, path=display_path(rel), **_not_a_record(doc.file, rel, records))], None
    try:
        raw, info = read_file(path)
    except OSError as exc:
        return doc, [F.make("E-LOAD-007", doc.file, None, reason=exc.strerror or type(exc).__name__)], None
    except NotRegular:  # a FIFO or device would block or never end
        return doc, [F.make("E-LOAD-010", doc.file, None)], None
    except TooBig as exc:
        return doc, [F.make("E-LOAD-003", doc.file, None, size=exc.args[0], limit=MAX_BYTES)], None
    return (*load_bytes(doc, raw, read), info)


def load_bytes(doc: Document, raw: bytes, read=None) -> tuple[Document, list[F.Finding]]:
    """`doc` (its file, rel and kind set) with the values of the bytes `raw`, and the findings of loading them.
    `read`: the quick path's reader (quickload.read), False: the full loader alone, None: as quickload.enabled()
    says — a caller loading many files asks it once (cache._loaded: the environment read and the import
    cost ≈2 µs a file)."""
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    if read is None:
        from generator import quickload  # values only, positions later (see quickload.py)

        read = quickload.enabled() and quickload.read
    texts: set = set()
    data, text = read(raw, texts) if read else (None, None)
    if data is not None:  # (its text, decoded by the quick path, is Document.text's: the privacy scan reads it)
        doc.data, doc.raw, doc._where, doc.quick, doc._text = data, raw, None, True, text
        doc.texts = texts
        return doc, _after_values(doc, raw, text, None, [])
    parsed = _parse(raw, doc.file, doc.kind)
    doc.data, doc._where, doc._text = parsed.data, parsed, parsed.text
    return doc, _after_values(doc, raw, parsed.text, parsed, parsed.problems)


def _after_values(doc: Document, raw: bytes, text: str, parsed: Parsed | None, problems: list) -> list[F.Finding]:
    """`problems`, and W-YAML-001 at each comment after a value of a ledger (generator/comments.py) where no
    E-YAML-011 is: looked for only in a ledger holding a '#', and by the values' spans only where one may be
    (comments.noted) — of a file the quick path read, parsed here for them (the full loader's spans), not kept."""
    if doc.kind != "ledger" or b"#" not in raw or not text:
        return problems
    from generator import comments

    if not comments.noted(text):
        return problems
    if parsed is None:
        parsed = _parse(raw, doc.file, doc.kind)
    cut = {(f.line, f.column) for f in problems if f.code == "E-YAML-011"}
    return problems + [f for f in comments.after_values(parsed.text, parsed.spans, doc.file) if (f.line, f.column) not in cut]


class Parsed:
    def __init__(self, data=None, positions=None, keys=None, problems=None, text: str = "", spans=None,
                 key_spans=None):
        self.data = data
        self.positions: dict = {} if positions is None else positions
        self.keys: dict = {} if keys is None else keys
        self.problems: list = [] if problems is None else problems
        self.text = text
        self.spans: dict = {} if spans is None else spans
        self.key_spans: dict = {} if key_spans is None else key_spans


def positions_of(raw: bytes, file: str) -> dict:
    """`_parse(raw, file).positions`, without the values, spans, text and key positions when the
    fast path can (fastload.positions): what the loading processes keep of an assignment file, whose
    values the quick path read and whose every row's line the checks list.  (A key's position, asked
    of such a file by a finding only, is read from its bytes then: Document.key_pos.)"""
    from generator import fastload

    found = fastload.positions(raw) if fastload.enabled() else None
    return found if found is not None else _parse(raw, file).positions


def parse_bytes(raw: bytes, file: str):
    """Parse one file's bytes.  Returns (data, positions, key_positions, findings)."""
    p = _parse(raw, file)
    return p.data, p.positions, p.keys, p.problems


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of a character index, counting lines as YAML does."""
    line, start = 1, 0
    for m in LINE_BREAK.finditer(text, 0, index):
        if m.end() > index:
            break
        line, start = line + 1, m.end()
    return line, index - start + 1


def new_ledger_command(cadre: str, period: str, records: str) -> str:
    """The command that writes the ledger of `cadre` and `period` prefilled (new_ledger), `records` (the records
    folder as shown, display_path) given with --records, shell-quoted, unless it is records."""
    import shlex  # (only a hint's command: not at every command's start)

    return f"python -m generator new ledger --cadre {cadre} --period {period}" + (
        "" if records == "records" else f" --records {shlex.quote(records)}")


def _empty_ledger(file: str, kind: str | None) -> dict:
    """E-LOAD-002's words for an empty ledger (ledgers/2026-H1/li-na.yaml): the command that writes it prefilled
    (new_ledger), once the empty file is deleted (it never overwrites one), its records folder shell-quoted — when
    the cadre the file is named for has a record (records/cadres/li-na.yaml; else the command fails, E-NEW-001: the
    file to check is said instead); another record's lines, from its schema's example (validate.record_lines)."""
    parts = file.replace(os.sep, "/").split("/")
    stem = parts[-1].removesuffix(".yaml")
    if kind != "ledger":  # (another record: its lines, from its schema's example)
        from generator.validate import record_lines  # (only on a finding)

        return record_lines(kind)
    if len(parts) < 3 or parts[-3] != "ledgers" or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", stem) \
            or not re.fullmatch(r"[0-9]{4}-H[12]", parts[-2]):
        return {"new": "", "new_en": ""}
    records = "/".join(parts[:-3]) or "."
    cadre = f"{records}/cadres/{stem}.yaml"
    if not os.path.isfile(cadre):
        return {"new": f"台账的文件名是干部编号，但没有这位干部的记录 {cadre}：请核对文件名 {stem}.yaml 是否写对；"
                       "写对了，先请管理员添加这位干部的记录，再生成台账。",
                "new_en": f" A ledger's file name is its cadre's id, but there is no {cadre}: check the file name "
                          f"{stem}.yaml; if it is right, have the cadre's record added first, then write the ledger."}
    command = new_ledger_command(stem, parts[-2], records)
    return {"new": f"台账可以这样生成：先删掉这个空文件，再运行 {command}（生成的台账预填了干部、期间和联系点，把其中的“待填写”换成实际内容）。",
            "new_en": f" To have the ledger written prefilled: delete the empty file, then run {command} (and replace its "
                      "待填写 with what was done)."}


def _parse(raw: bytes, file: str, kind: str | None = None) -> Parsed:
    """`raw`'s values, positions and findings; `kind`, the record's (by its path under the records
    folder, whatever that folder is called): a field's Chinese title in a mistake is looked up in its schema."""
    from generator import fastload  # one pass for ordinary files, same result (see fastload.py)

    fast = fastload.parse(raw, file) if fastload.enabled() else None
    if fast is not None:
        return fast
    out = Parsed()

    def fail(code, pos=None, **params):
        out.problems.append(F.make(code, file, pos, **params))
        return out

    if raw.startswith(_UTF16_32_BOMS):
        return fail("E-LOAD-001", (1, 1), line=1, **_encoding_guess("utf-16"))
    if b"\x00" in raw:
        i = raw.index(b"\x00")
        start = raw.rfind(b"\n", 0, i) + 1
        return fail("E-LOAD-006", (raw[:i].count(b"\n") + 1, len(raw[start:i].decode("utf-8", "replace")) + 1))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = len(raw[raw.rfind(b"\n", 0, exc.start) + 1: exc.start].decode("utf-8", "replace")) + 1
        return fail("E-LOAD-001", (line, col), line=line, **_encoding_guess(chinese_encoding(raw)))
    text = text.removeprefix("\ufeff")
    if UNALLOWED_CHAR.search(text):
        without = _controls(text, fail)
        if without is None:
            out.text = text
            return out
        rest = _parse(without.encode("utf-8"), file, kind)  # (the file as the hint says to type it)
        rest.problems[:0] = out.problems
        return rest
    out.text = text
    lines = LINE_BREAK.split(text)
    if all(not ln.strip() or ln.lstrip().startswith("#") for ln in lines):
        return fail("E-LOAD-002", **_empty_ledger(file, kind))
    out.problems, fixed = _indent_tabs(lines, file, kind)
    if out.problems and (len(out.problems) >= MAX_REPORTED or fixed == lines):
        return out
    if out.problems:  # (the file as the tabs' lines are told to be typed: its other mistakes told in this round)
        rest = _parse("\n".join(fixed).encode("utf-8"), file, kind)
        rest.problems[:0] = out.problems
        return rest
    out.problems = _prescan(text, file, kind)  # aliases and depth, before the recursive composer
    if out.problems:
        out.problems = _full_width(lines, file, out.problems, kind)
        return out
    try:
        nodes = list(yaml.compose_all(text, Loader=loader()))
    except yaml.MarkedYAMLError as exc:
        return fail("E-YAML-001", *_yaml_error(exc, text, kind))
    except Exception as exc:  # noqa: BLE001 - never a traceback (RecursionError, MemoryError …)
        return fail("E-YAML-001", None, **yaml_problem(type(exc).__name__))
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return fail("E-LOAD-002", **_empty_ledger(file, kind))
    if len(nodes) > 1:  # point at the '---' that starts the second document
        m = nodes[1].start_mark
        at = next((n for n in range(min(m.line, len(lines) - 1), -1, -1) if lines[n].startswith("---")), m.line)
        out.problems.append(F.make("E-YAML-004", file, (at + 1, 1 if at != m.line else m.column + 1)))
    conv = _Converter(file)
    conv.text = text if HIDDEN_COMMENT.search(text) else None
    conv.escapes = text if "\\" in text and ESCAPED_CONTROL.search(text) else None
    conv.source, conv.kind = text, kind
    data = conv.convert(nodes[0], (), 0)
    odd = next((pos for path, pos in conv.keys.items() if path and str(path[-1])[:1] in ODD_LEAD), None)
    if odd:  # (a name begun with a no-break space: told as if the parser had stopped there, ODD_LEAD)
        told = _full_width(lines, file, [F.make("E-YAML-001", file, (odd[0], 1), **yaml_problem("indentation"))], kind)
        if told[0].code != "E-YAML-001":
            out.problems = told
            return out
    out.problems.extend(conv.problems)
    if not isinstance(nodes[0], yaml.MappingNode):
        m = nodes[0].start_mark
        found, found_en = {"SequenceNode": ("列表", "a list"), "ScalarNode": ("单个值", "a single value")}.get(
            type(nodes[0]).__name__, ("?", "?"))
        out.problems.append(F.make("E-YAML-007", file, (m.line + 1, m.column + 1), found=found, found_en=found_en))
        data = None
    out.data, out.positions, out.keys = data, conv.positions, conv.keys
    out.spans, out.key_spans = conv.spans, conv.key_spans
    return out


def _controls(text: str, fail) -> str | None:
    """E-LOAD-011 at each character of `text` YAML does not allow or a person does not see (`fail`
    says it).  A line break nobody sees (U+0085, U+2028, U+2029) is told at each place, counting
    lines as an editor shows them, where they break no line; the text is read on without them, as
    the hint says to type it (进\u2028社团 is 进社团), so the file's other findings are told in the
    same run (a later one on the same line is told a column to the left for each).  Another
    control character stops the file (None) at the first."""
    spaced = _SEPARATOR.sub(" ", text)  # (the same length: where each one is)
    for n, bad in enumerate(UNALLOWED_CHAR.finditer(text)):
        char = bad.group()
        if n == MAX_REPORTED:
            break
        kind, kind_en = _UNALLOWED[char]
        fail("E-LOAD-011", line_col(spaced, bad.start()), char=f"U+{ord(char):04X}", kind=kind, kind_en=kind_en)
        if char not in _SEPARATORS:
            return None
    return _SEPARATOR.sub("", text)


_SEPARATORS = {c: LINE_BREAKS[c] for c in "\x85\u2028\u2029"}
_SEPARATOR = Lazy(klass(_SEPARATORS))


def chinese_encoding(raw: bytes) -> str | None:
    """"gbk" when bytes that are not UTF-8 read as Chinese text in GB18030 (GBK, GB2312): what
    Notepad (“ANSI”), WPS and Word save on a Chinese Windows (E-LOAD-001's guess; the import reads such a CSV)."""
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return "gbk" if re.search("[\u4e00-\u9fff]", text) else None


def _encoding_guess(encoding: str | None) -> dict:
    """E-LOAD-001's words on the encoding the file seems to be in."""
    if encoding == "gbk":
        return {"guess": "；看起来是按 GBK/GB2312 编码保存的（记事本中叫“ANSI”）",
                "guess_en": "; it looks saved as GBK/GB2312 (Notepad's 'ANSI')"}
    if encoding == "utf-16":
        return {"guess": "；看起来是按 UTF-16 编码保存的（记事本中叫“Unicode”）",
                "guess_en": "; it looks saved as UTF-16 (Notepad's 'Unicode')"}
    return {"guess": "", "guess_en": ""}


# libyaml's problem (prefix) → (Chinese explanation, report at the context mark?).  The
# context mark is where the unfinished thing began: the opening quote or bracket, the
# key that lacks its colon — the place a person has to fix.
_YAML_PROBLEMS = [
    ("found unexpected end of stream", "引号没有闭合：从这里开始的引号直到文件末尾都没有结束", True),
    ("mapping values are not allowed", "这里不能出现“冒号+空格”；文字中含有冒号时请给整个值加引号，如 \"时间: 下午\"", False),
    ("did not find expected key", "缩进不一致，或一行里多写了内容：同一层级的各行必须左对齐", False),
    ("could not find expected ':'", "这一行缺少“键: 值”中的冒号（或上一行的文字换行时缩进不够）", True),
    ("did not find expected ',' or ']'", "从这里开始的方括号“[”没有闭合，或各项之间缺少逗号", True),
    ("did not find expected ',' or '}'", "从这里开始的花括号“{”没有闭合，或各项之间缺少逗号", True),
    ("did not find expected '-' indicator", "列表项的缩进不一致：每一项的“- ”必须对齐", False),
    ("found character that cannot start any token", "这个字符（如 @、`、%）不能放在值的开头；请给整个值加引号", False),  # (a value's: _marked_value)
    ("found unknown escape character", "双引号里的反斜杠“\\”不是有效的转义；请改用单引号，或写成两个反斜杠", False),
    ("found undefined alias", "使用了没有定义的别名“*”；请把内容直接写出来", False),
    ("found unknown directive name", "以“%”开头的行不是有效内容；请给这一行的值加引号", False),
]


def yaml_problem(problem: str) -> dict:
    """Message parameters of E-YAML-001 for a libyaml problem (English) or an exception name."""
    fix = {"fix": "请检查这一行及上一行的缩进、冒号和引号；冒号后要有空格，含冒号的文字请加引号。",
           "fix_en": "Check indentation, colons and quotes on this line and the one before."}
    for prefix, zh, _ in _YAML_PROBLEMS:
        if problem.startswith(prefix):
            return {"problem": problem, "problem_zh": zh, **fix}
    return {"problem": problem, "problem_zh": f"文件无法按 YAML 解析（{problem}）", **fix}


# A value that starts with one of YAML's marks, as a bullet pasted from WeChat or Word (*重点):
# libyaml reads an alias, anchor or tag and stops at the first Chinese character.
_MARKED = {"while scanning an alias": ("*", "表示别名", "means an alias"), "while scanning an anchor": ("&", "表示锚点", "means an anchor"),
           "while scanning a tag": ("!", "表示标签", "means a tag")}


def _marked_value(exc: yaml.MarkedYAMLError, text: str | None):
    """E-YAML-001's position and words for a value that starts with * & or ! (see _MARKED), or with
    one of the marks YAML reserves (@ ` %), or None."""
    mark, at = _MARKED.get(exc.context or ""), exc.context_mark
    if not mark and text is not None and (exc.problem or "").startswith("found character that cannot start any token"):
        at = exc.problem_mark
        char = LINE_BREAK.split(text)[at.line][at.column:at.column + 1] if at else ""
        mark = (char, "是保留的符号", "is a reserved mark") if char and char in "@`%" else None
    if not mark or text is None or at is None:
        return None
    from generator.yaml_hints import bullet, quote_it  # (only on an error)

    return bullet(text, at.line, at.column) or quote_it(text, at.line, at.column, mark)


def _yaml_error(exc: yaml.MarkedYAMLError, text: str | None = None, kind: str | None = None):
    marked = _marked_value(exc, text)
    if marked:
        return marked
    if text is not None:
        from generator import yaml_hints  # a mistake of typing, in its own words (only on an error)

        told = yaml_hints.explain(exc, text, kind)
        if told:
            return told
    problem = exc.problem or exc.context or "?"
    at_context = any(problem.startswith(p) and ctx for p, _, ctx in _YAML_PROBLEMS)
    if problem.startswith("found unexpected end of stream") and "quoted" not in (exc.context or ""):
        at_context = False
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    pos = (mark.line + 1, mark.column + 1) if mark else None
    return pos, yaml_problem(problem)


def _prescan(text: str, file: str, kind: str | None = None) -> list[F.Finding]:
    """One pass of libyaml's iterative event parser: refuse aliases and deep nesting
    before anything recursive sees the file.  Syntax errors are reported here too."""
    out = []
    depth = 0
    anchors = {}  # name → where a text's anchor was set, till an alias uses it (None: used, or not a text)
    opened = []  # where each collection open at this point began, the outermost first
    try:
        for event in yaml.parse(text, Loader=loader()):
            if getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
                anchors.setdefault(event.anchor, event.start_mark if isinstance(event, yaml.ScalarEvent) else None)
            if isinstance(event, yaml.AliasEvent):
                m = event.start_mark
                if event.anchor in anchors:
                    anchors[event.anchor] = None
                    out.append(F.make("E-YAML-005", file, (m.line + 1, m.column + 1)))
                else:  # no anchor of that name: text was meant (*mkt), to be quoted
                    from generator.yaml_hints import quote_it  # (only on an error)

                    pos, params = quote_it(text, m.line, m.column, _MARKED["while scanning an alias"])
                    out.append(F.make("E-YAML-001", file, pos, **params))
                if len(out) >= MAX_REPORTED:
                    break
            elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                opened.append(event.start_mark)
                if depth > MAX_DEPTH:
                    if not event.flow_style:  # (lines: where they went deeper than a record's values go)
                        return out + [too_deep(file, text, _went_wrong(text, opened), False)]
                    return out + [too_deep(file, text, event.start_mark, event.flow_style)]
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                opened.pop()
        for m in filter(None, anchors.values()):  # never used: text was meant (&mkt 进社团), read as 进社团
            from generator.yaml_hints import quote_it  # (only on an error)

            pos, params = quote_it(text, m.line, m.column, _MARKED["while scanning an anchor"])
            out.append(F.make("E-YAML-001", file, pos, **params))
    except yaml.MarkedYAMLError as exc:
        pos, params = _yaml_error(exc, text, kind)
        if "nesting depth" in params["problem"]:  # libyaml's own limit, met while scanning ahead
            out.append(too_deep(file, text, exc.problem_mark, "flow" in (exc.context or "")))
        else:
            out.append(F.make("E-YAML-001", file, pos, **params))
    except Exception as exc:  # noqa: BLE001 - never a traceback (RecursionError, MemoryError …)
        out.append(F.make("E-YAML-001", file, None, **yaml_problem(type(exc).__name__)))
    return out


def _went_wrong(text: str, opened: list):
    """Where nested lines (`opened`: where each collection began) first went deeper than any
    record's values go: a dash after a dash on one line (- - 座谈, a list in a list, which no
    record has), or the first collection below the schemas' deepest."""
    from generator.yaml_hints import sensible_depth  # (only on this finding)

    lines = LINE_BREAK.split(text)
    for outer, inner in zip(opened, opened[1:]):
        line = lines[inner.line]
        if inner.line == outer.line and line.startswith("- ", inner.column) and re.fullmatch(r" *(?:- +)+", line[:inner.column]):
            return inner
    return opened[min(sensible_depth(), len(opened) - 1)]


_TOO_DEEP = {  # E-YAML-008's words: nested brackets (flow), or nested lines
    True: {"nest": "从这里开始的方括号、花括号一层套一层，", "nest_en": " from here: brackets inside brackets",
           "how": "如果这是一段文字，请给整个值加上英文引号；如果是列表，请删掉多余的“[”“{”，并让每一个都有对应的“]”“}”。",
           "how_en": "If it is a text, put the whole value in quotes; if it is a list, delete the extra [ and {, "
                     "and close each one left with its ] or }."},
    False: {"nest": "", "nest_en": "", "how": "请检查缩进，以及方括号“[ ]”、花括号“{ }”是否成对。",
            "how_en": "Check the indentation, and that each [ and { is closed."},
}


def too_deep(file: str, text: str, mark, flow: bool) -> F.Finding:
    """E-YAML-008 for a collection opened at `mark` deeper than MAX_DEPTH: one in brackets (`flow`) is
    told at the first “[” or “{” of the run it is in (spaces, commas and line breaks between), where
    the nesting begins — not at the 41st, or at the 1,000th where libyaml stops (column 1003)."""
    row, col = mark.line, mark.column
    if flow:
        lines = LINE_BREAK.split(text)
        at, back = row, col
        while True:
            line = lines[at]
            while back > 0 and line[back - 1] in "[{ ,\t":
                back -= 1
                if line[back] in "[{":
                    row, col = at, back
            if back > 0 or at == 0:
                break
            at -= 1
            back = len(lines[at])
    return F.make("E-YAML-008", file, (row + 1, col + 1), limit=MAX_DEPTH, **_TOO_DEEP[bool(flow)])


# What a Chinese input method types for YAML's own marks: a full-width colon after a field's
# name (form：主题班会), a full-width space to indent or after the colon (students:　30).
# (the name in full-width letters too, ｆｏｒｍ：: the same input method)
# (any space of chars.SPACES beside them: form\u2009：, as a Word table has it)
_ANY_SPACE = ANY_SPACE
_WIDE_COLON = Lazy(rf"^{_ANY_SPACE}*(?:-{_ANY_SPACE}+)*(?:[A-Za-z_Ａ-Ｚａ-ｚ＿][A-Za-z0-9_Ａ-Ｚａ-ｚ０-９＿]*"
                   rf"|[\u4e00-\u9fff]{{2,12}}){_ANY_SPACE}*(：|；)")  # (or a field's Chinese title: 学生人数：)
# … or a field's Chinese title before an ASCII colon and no space (学生人数:25人: one text to YAML, no field)
_FIELD_NAME = Lazy(rf"^{_ANY_SPACE}*(?:-{_ANY_SPACE}+)*[A-Za-z_]")  # (a field's name, not a Chinese title)
TITLE_COLON = Lazy(r"^ *(?:- +)*[\u4e00-\u9fff]{2,12}(:)(?=\S)")  # (yaml_hints.title_no_space reads its group 1)
_FULL_WIDTH_SPACE = klass({c for c, (zh, _en) in SPACES.items() if "全角" in zh})
_WIDE_SPACE = Lazy(rf"^ *(?:- *)*({_FULL_WIDTH_SPACE})|^ *(?:- *)*[A-Za-z_][A-Za-z0-9_]*:({_FULL_WIDTH_SPACE})")
# a no-break space, copied from a web page, Word or WeChat, looks like any other (a thin space … too: chars.SPACES),
# and a zero-width space in the indentation looks like nothing (after the colon: E-YAML-013, _NO_SPACE)
_ODD_SPACES = {c: n for c, n in SPACES.items() if not re.fullmatch(_FULL_WIDTH_SPACE, c)}
_NBSP = Lazy(r"^ *(?:- *)*(" + klass({**_ODD_SPACES, **INVISIBLE}) + r")|^ *(?:- *)*[A-Za-z_][A-Za-z0-9_]*:("
             + klass(_ODD_SPACES) + ")")
# a field indented with such spaces, every line of an activity so (pasted from WeChat or a web page): YAML parses
# it, the spaces the start of a name at the left margin (“  form”), and the schema would tell 不认识的字段 and
# 缺少必填项 — E-YAML-010 at each such line instead, as for a syntax error there (_parse, _full_width; the quick
# paths leave a file with such a key to the full loader: fastload, quickload)
ODD_LEAD = frozenset(SPACES)


_WIDE_HASH = Lazy(r"^[ \u3000]*(＃)")  # a comment begun with an input method's “＃”
_DASH_TAB = Lazy(r"^ *(?:- *)*-(\t)")  # (a tab to indent is found before parsing; after “-”, here)
# a field's name and its value with no space between them (form:座谈交流): one text to YAML, no
# field; not a web address (http://…); its value begun with a '#' too (students:#25: _no_space)
_NO_SPACE = Lazy(r"^ *(?:- +)*([A-Za-z_][A-Za-z0-9_]*)(:)(?!//)(\S.*?)\s*$")
# What is typed for a list's "- " and is not it: a full-width hyphen, Word's dashes, bullets.
NOT_A_DASH = "－—–‐‑‒―•·●▪◆"
# … before an item's first field (— date:), or "-" with no space after it (-date:): read as a field's name
_ITEM_DASH = Lazy(rf"^ *(?:- +)*(?:(-)|([{NOT_A_DASH}])[ \u3000]*)[A-Za-z_][A-Za-z0-9_]*:(?: |$)")
_WIDE_MARKS = {  # what was typed → (char, ascii, fix, char_en, ascii_en, fix_en)
    "colon": ("中文（全角）的冒号“：”", "冒号“:”", "，冒号后面再加一个空格", "full-width colon '：'", "':'",
              ", followed by a space"),
    "semicolon": ("中文的分号“；”", "冒号“:”", "，冒号后面再加一个空格", "Chinese semicolon '；'", "colon ':'",
                  ", followed by a space"),
    "space": ("中文（全角）的空格“　”（比普通空格宽一倍）", "空格“ ”", "", "full-width space", "space ' '", ""),
    "nbsp": ("一个特殊的空格（不换行空格，常见于从网页、Word 或微信复制来的文字，看起来和普通空格一样）",
             "空格“ ”", "：删掉它，重新用键盘打一个空格", "no-break space (as copied from a web page or Word)",
             "space ' '", ": delete it and type a space again"),
    "dash": ("“{}”", "减号“-”", "", "'{}'", "hyphen '-'", ""),
    "hash": ("中文（全角）的井号“＃”", "井号“#”", "，井号后面的文字是注释", "full-width '＃'", "'#'",
             " (the text after it is a comment)"),
}


def _no_space(line: str, n: int, m: re.Match, file: str, kind: str | None = None) -> F.Finding | None:
    """E-YAML-013 at line `n`, `line`, a field's name and its value with no space between (_NO_SPACE's match `m`):
    form:社团活动 → form: 社团活动; a value begun with a '#' (students:#25) — a comment once the space is typed —
    given the line to type as students: #25 and 学生人数:#25 are (yaml_hints.line_meant: students: 25, with the words
    for the '#'), or None for a name no field of the schema has."""
    from generator.suggest import seen  # (only on an error)

    key, value = m.group(1), seen(m.group(3))  # (form:​社团活动: the line to type shows no such character)
    found = F.make("E-YAML-013", file, (n, m.start(2) + 1), key=key, value=value if len(value) <= 20 else value[:19] + "…")
    from generator.yaml_hints import line_meant, schema_fields  # (only on an error)

    fields, dashes, indent = schema_fields(kind), line[:m.start(1)].lstrip(" "), line[:len(line) - len(line.lstrip(" "))]
    name, note, note_en, typed, typed_en = line_meant(key, m.group(3), fields, dashes, raw=True, indent=indent)
    if name not in fields or not m.group(3).startswith("#") and typed == f"{indent}{dashes}{key}: {m.group(3)}":
        # (form:社团活动: the message's words, 写成 form: 社团活动; students:#25 of no field: none)
        return None if m.group(3).startswith("#") else found
    # (students:20-30, students:25人, students:#25: the value as the next run takes it, and why; the line as it stands
    # in the file, with its indentation: typed in its place without it, the mapping above ends there)
    return found.replace(hint_zh=f"{note}请在冒号后面加一个空格，这一行写成：{typed}",
                         hint_en=f"{note_en}Add a space after the colon, which makes the line: {typed_en}")


def _wide_colon_line(lines: list[str], row: int, colon: int, kind: str | None = None) -> tuple[str, str]:
    """The line to type for lines[row], whose field's name ends with a full-width colon or a Chinese
    semicolon at `colon` (Ｆｏｒｍ：社团活动 → form: 社团活动, students：25人 → students: 25, 学生人数：25人
    too; with the line's indentation, to be typed in its place), zh and en (yaml_hints.line_meant); for a title of a field
    its mapping has already (日期：… beside date:), not to type a second one (yaml_hints.already_there)."""
    from generator.yaml_hints import already_there, field_line, indent_wanted, line_meant, schema_fields  # (only on an error)

    line = lines[row]
    head = re.sub(_ANY_SPACE, " ", line[:colon]).rstrip()
    dashes, lead = head.strip()[:len(head.strip()) - len(head.lstrip(" -").strip())], head[:len(head) - len(head.lstrip(" "))]
    name, note, note_en, typed, typed_en = line_meant(head.lstrip(" -"), line[colon + 1:].strip(" " + "".join(SPACES)),
                                                      schema_fields(kind), dashes, raw=True, indent=lead)
    at, item = field_line(lines, row, name) if note else (None, False)
    if at:
        zh, en, line_zh, line_en = already_there(head.strip(" -"), name, at, item, typed.removeprefix(lead + dashes),
                                                 typed_en.removeprefix(lead + dashes), lines)
        return zh + (f"，这一行写成：{line_zh}" if item else ""), f" {en}" + (f": {line_en}" if item else "")
    want = indent_wanted(lines, row, kind)[0] if line[:len(line) - len(line.lstrip())].strip(" ") else None
    if want is not None:  # (indented with full-width or no-break spaces too: the line with its spaces)
        typed, typed_en = (" " * want + t.removeprefix(lead) for t in (typed, typed_en))
        return f"{note}这一行写成（前面 {want} 个空格）：{typed}", f" {note_en}The line ({want} spaces before it): {typed_en}"
    return f"{note}这一行写成：{typed}", f" {note_en}The line: {typed_en}"


def _invisible(lines: list[str], row: int, column: int, file: str, kind: str | None = None) -> F.Finding:
    """E-YAML-016: a character of no width (chars.INVISIBLE: a zero-width space, a text-direction
    mark …) before a line's field or item, at `column`: by its own name, and the line to type
    without it, with the spaces it wants (yaml_hints.indent_wanted)."""
    from generator.yaml_hints import indent_wanted  # (only on an error)

    line = lines[row]
    name, name_en = INVISIBLE[line[column]]
    want, text = indent_wanted([*lines[:row], line[:column] + line[column + 1:]], row, kind)
    typed = typed_en = ""
    if want is not None:
        typed, typed_en = f"这一行写成（前面 {want} 个空格）：{' ' * want}{text}", f" The line ({want} spaces before it): {' ' * want}{text}"
    return F.make("E-YAML-016", file, (row + 1, column + 1), name=name, name_en=name_en, typed=typed, typed_en=typed_en)


def _titled(line: str):
    """`line`'s match of a field's title or name before a full-width colon or a Chinese semicolon
    (学生人数：, form：), or of a title before an ASCII colon and no space (学生人数:25): its colon group 1."""
    return _WIDE_COLON.match(line) or TITLE_COLON.match(line)


def _titled_lines(lines: list[str], file: str, kind: str | None, stop: int) -> set[int]:
    """The lines where the parser stops, from line `stop` on, at a field's Chinese title before a full-width
    colon or a Chinese semicolon (学生人数：25人) or an ASCII colon and no space (学生人数:25人), or a field's name
    before one — or just above, where it
    read such a line as a text (- 日期：2026-04-20, stopping at the item's next field) — each put right in
    turn (with “: ”) to find the next: every such line of the file in one run, and not a text's own line
    (说明：… in a text of lines under summary: |, where the parser does not stop)."""
    from generator.yaml_hints import name_of_title, schema_fields  # (only on an error)

    lines, told = list(lines), set()
    while stop and len(told) < MAX_REPORTED:
        stop = next((n for n in (stop, stop - 1) if n > 0 and _titled(lines[n - 1])), None)
        if not stop or stop in told:
            break
        line = lines[stop - 1]
        m = _titled(line)
        word = re.search("[\u4e00-\u9fff]+", line[:m.start(1)])
        if word and not name_of_title(word.group(), schema_fields(kind))[0]:
            break
        told.add(stop)
        lines[stop - 1] = f"{line[:m.start(1)]}: {line[m.end(1):]}"
        syntax = [f for f in _prescan("\n".join(lines), file, kind) if f.code == "E-YAML-001" and f.line]
        stop = syntax[0].line if len(syntax) == 1 else None
    return told


def _full_width(lines: list[str], file: str, problems: list[F.Finding], kind: str | None = None) -> list[F.Finding]:
    """A syntax error caused by full-width punctuation where YAML needs ASCII: each such place
    (E-YAML-010) instead of libyaml's account of it ("could not find expected ':'" on a line that
    does hold a colon, to the eye); a tab after a list's “-” (E-YAML-002); a colon with no space
    after it (E-YAML-013, told as a missing colon before).  Only when the error is
    at or just after such a place."""
    syntax = [f for f in problems if f.code == "E-YAML-001" and f.line]
    if len(syntax) != 1:
        return problems
    found, titled, fixed = [], None, list(lines)  # (fixed: each line indented as told, the line under it told from it)
    for n, line in enumerate(lines, 1):
        for rx, what in ((_WIDE_COLON, "colon"), (_WIDE_SPACE, "space"), (_NBSP, "nbsp"), (_DASH_TAB, "tab"),
                         (_ITEM_DASH, "dash"), (_WIDE_HASH, "hash"), (_NO_SPACE, "no_space"), (TITLE_COLON, "title")):
            m = rx.match(line)
            word = m and what in ("colon", "title") and re.search("[\u4e00-\u9fff]+", line[:m.start(1)])
            if word:  # (a Chinese word before “：”: a field's title where the parser stops, or a text's line)
                titled = _titled_lines(lines, file, kind, syntax[0].line) if titled is None else titled
                m = m if n in titled else None
            if m and what == "title":  # (学生人数:25人: E-YAML-001, as yaml_hints tells it where the parser stops)
                from generator.yaml_hints import title_no_space  # (only on an error)

                told = title_no_space(lines, n - 1, kind)
                found.extend([F.make("E-YAML-001", file, told[0], **told[1])] if told else [])
                break
            if m and what == "dash" and m.group(1):  # (-date: an item's dash with no space after it)
                from generator.yaml_hints import in_place, params  # (only on an error)

                typed = in_place(line, f"- {line[m.start(1) + 1:].strip()}")
                found.append(F.make("E-YAML-001", file, (n, m.start(1) + 1), **params(
                    "列表项的“-”后面少了一个空格", "no space after the list item's '-'", typed, "请补上",
                    "Add it, which makes the line")))
                break
            if m and what == "no_space":
                told = _no_space(line, n, m, file, kind)
                if told is None:  # (foo:#x: no field's value begun with a '#', told as before)
                    continue
                found.append(told)
                break
            if m:
                group = next(g for g in range(1, (rx.groups or 0) + 1) if m.group(g) is not None)
                if what == "tab":
                    found.append(F.make("E-YAML-002", file, (n, m.start(group) + 1), spaces="一个空格。",
                                        spaces_en="a space."))
                    break
                if m.group(group) in INVISIBLE:  # (a character of no width before a field: no space at all)
                    found.append(_invisible(lines, n - 1, m.start(group), file, kind))
                    break
                what = "semicolon" if m.group(group) == "；" else what  # (form；社团活动: a key next to “：”)
                char, ascii_, fix, char_en, ascii_en, fix_en = _WIDE_MARKS[what]
                if what == "nbsp" and m.group(group) != "\u00a0":  # (its own name: 窄空格 …)
                    name, name_en = _ODD_SPACES[m.group(group)]
                    char, char_en = char.replace("不换行空格", name), char_en.replace("no-break space", name_en)
                if what == "dash":  # (— date: Word's dash, or a bullet, for the item's “-”)
                    char, char_en = char.format(m.group(group)), char_en.format(m.group(group))
                    if line[m.end(group):m.end(group) + 1] != " ":
                        fix, fix_en = "，后面再加一个空格", ", followed by a space"
                typed, typed_en = _wide_colon_line(lines, n - 1, m.start(group), kind) if what in ("colon", "semicolon") else ("", "")
                if what in ("space", "nbsp") and not line[:m.start(group)].strip(" " + "".join(SPACES)):  # (to indent)
                    from generator.yaml_hints import indent_wanted  # (only on an error)

                    want, text = indent_wanted(fixed, n - 1, kind)
                    if want is not None:
                        fixed[n - 1] = " " * want + text
                        typed = f"这一行写成（前面 {want} 个空格）：{' ' * want}{text}"
                        typed_en = f" The line ({want} spaces before it): {' ' * want}{text}"
                elif what in ("space", "nbsp", "dash"):  # (-　date:, students:　30, － date:: the spaces there one " ")
                    mark, rest = ("- ", m.end(group)) if what == "dash" else (" ", m.start(group))
                    head = line[:m.start(group)].rstrip() or line[:m.start(group)]  # (  • date: its spaces kept)
                    text = (head + mark + re.sub(f"^{_ANY_SPACE}+", "", line[rest:])).rstrip()
                    typed, typed_en = f"这一行写成：{text}", f" The line: {text}"
                found.append(F.make("E-YAML-010", file, (n, m.start(group) + 1), char=char, ascii=ascii_, fix=fix,
                                    char_en=char_en, ascii_en=ascii_en, fix_en=fix_en, typed=typed, typed_en=typed_en))
                break
    if not any(syntax[0].line - 2 <= f.line <= syntax[0].line for f in found):
        return problems
    return found[:MAX_REPORTED]


# A comment that begins with no space after its '#', after a value on the same line: text that was
# meant to be kept (#开学第一课# as a topic tag), cut off silently.  A file where this might be
# is read by the full loader (fastload, quickload), whose _Converter says where (E-YAML-011).
HIDDEN_COMMENT = Lazy(r"[^\s#][ \t]+#[^\s#]|:[ \t]+#[^\s#]")
# A Chinese comma (，or 、) in an item of a list written on one line: `topics: [学业，就业]` is one
# topic “学业，就业”, where two were meant (E-YAML-012, said by the full loader's _Converter too).
# (Not “[” either between: the same files, found in one pass — with “[^\]]*” alone, a file of
# 100,000 “[” took a minute, each “[” read to the end.)
WIDE_COMMA = Lazy(r"\[[^\[\]]*[，、]")
_WIDE_COMMAS = Lazy("[，、]")
_CUT = Lazy(r"[ \t]+(#[^\s#][^\r\n]*)")
# A backslash and a letter that, in double quotes, make a character nobody types into a text
# (D:\new\table: a line break and a tab).  A file with one anywhere is read by the full loader
# (fastload, quickload), whose _Converter looks at its double-quoted values (E-YAML-014).
ESCAPED_CONTROL = Lazy(r"\\[0abtnvfreNLP_xuU\t]")


def _indent_tabs(lines: list[str], file: str, kind: str | None = None) -> tuple[list[F.Finding], list[str]]:
    """E-YAML-002 at each line indented with a tab, and the lines as they are then told to be typed."""
    out, fixed = [], list(lines)  # (each line as typed with its spaces: the line under it is told from it)
    for n, line in enumerate(lines, 1):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead and line.strip():
            from generator.yaml_hints import indent_wanted, tab_spaces  # (only on this finding)

            out.append(F.make("E-YAML-002", file, (n, lead.index("\t") + 1), **tab_spaces(fixed, n - 1, kind)))
            want, text = indent_wanted(fixed, n - 1, kind)
            fixed[n - 1] = fixed[n - 1] if want is None else " " * want + text
            if len(out) >= MAX_REPORTED:
                break
    return out, fixed


_NEW_ITEM = ("如果从这一行起是新的一项（如复制的另一次活动），请在这一项的第一行前加上“- ”，与上一项的“- ”对齐{typed}",
             " If a new item starts here (another activity, copied), begin its first line with '- ', "
             "aligned with the item above{typed_en}")


_HASH_FIELD = Lazy(r"( *)((?:- +)*)([^\s:#-][^:#]*?) *:[ \t]*$")  # (a field's line up to its value's '#')


def _hash_value(found: F.Finding, line: str, at: int, kind: str | None) -> F.Finding:
    """E-YAML-011 `found` of a field's value begun with a '#' (students: #25) — at `at` of its `line` —, all a
    comment to YAML, the field left empty: said so, with the line to type (yaml_hints.line_meant: students: 25,
    a text in quotes), and its data's `item` where the field is, so that the schema's 应为整数，这里是空的 there
    is not told beside it (pipeline._joined_told_once); `found` as it is for a field the schema does not know."""
    from generator.messages.load import HASH_VALUE
    from generator.yaml_hints import line_meant, schema_fields  # (only on an error)

    field = _HASH_FIELD.match(line[:at])
    fields = schema_fields(kind)
    name, note, note_en, typed, typed_en = line_meant(field.group(3), line[field.end(3):].lstrip(" :\t"), fields,
                                                      field.group(2).strip() and "- ", raw=True, indent=field.group(1)) \
        if field else ("",) * 5
    if name not in fields:
        return found
    title = next((n["title"] for n in fields[name] if isinstance(n, dict) and n.get("title")), name)
    where = (found.line, field.end(2) + 1)
    return found.replace(message_zh=found.message_zh + HASH_VALUE[0].format(title=title),
                         message_en=found.message_en + HASH_VALUE[1].format(name=name),
                         hint_zh=f"{note}这一行写成：{typed}", hint_en=f"{note_en}The line: {typed_en}", data={"item": where})


class _Converter:
    def __init__(self, file: str):
        self.file = file
        self.positions: dict = {}
        self.keys: dict = {}
        self.spans: dict = {}
        self.key_spans: dict = {}
        self.problems: list[F.Finding] = []
        self._seen: set[int] = set()
        self.text: str | None = None  # the file's text, when a hash sign may cut a value off
        self.escapes: str | None = None  # the file's text, when an escape may make a control character
        self.source = ""  # the file's text
        self.kind: str | None = None  # the record's kind (its schema: a field's title in the line to type)

    def _cut_off(self, node) -> None:
        """E-YAML-011 where a plain value is followed by a '#' and text (see HIDDEN_COMMENT)."""
        end = node.end_mark.index
        m = _CUT.match(self.text, end) or (_CUT.match(self.text, end - 1) if end and self.text[end - 1] in " \t" else None)
        if m and (node.value or node.start_mark.line == node.end_mark.line):
            at = m.start(1)
            line = self.text.count("\n", 0, at)
            col = at - (self.text.rfind("\n", 0, at) + 1)
            cut = m.group(1)
            found = F.make("E-YAML-011", self.file, (line + 1, col + 1), cut=cut if len(cut) <= 20 else cut[:19] + "…")
            start = at - col
            self.problems.append(_hash_value(found, self.text[start:self.text.find("\n", at) % (len(self.text) + 1)],
                                             col, self.kind) if not node.value else found)

    def _escaped(self, node) -> None:
        """E-YAML-014 at an escape in double quotes that makes a control character (D:\\new)."""
        from generator.yaml_hints import control_escape  # (only in a file with such an escape)

        found = control_escape(self.escapes, node.start_mark.index, node.end_mark.index)
        if found:
            at, params = found
            self.problems.append(F.make("E-YAML-014", self.file, line_col(self.escapes, at), **params))

    def _two_lines(self, node) -> None:
        """E-YAML-015 at the second line of a plain item of a list written on two lines or more; or, for an
        item whose fields all have an input method's “：” (- date：2026-04-20, form：社团活动 under it: one
        text to YAML), E-YAML-010 at each of them."""
        from generator.yaml_hints import item_on_two_lines  # (only in such a file)

        lines = LINE_BREAK.split(self.source)
        rows = range(node.start_mark.line, node.end_mark.line + 1)
        wide = [(row, m) for row in rows if (m := _WIDE_COLON.match(lines[row])) and _FIELD_NAME.match(lines[row])]
        if wide and len(wide) == len([row for row in rows if lines[row].strip()]):
            for row, m in wide:
                char, ascii_, fix, char_en, ascii_en, fix_en = _WIDE_MARKS["colon"]
                typed, typed_en = _wide_colon_line(lines, row, m.start(1))
                self.problems.append(F.make("E-YAML-010", self.file, (row + 1, m.start(1) + 1), data={"item": self._at(node)},
                                            char=char, ascii=ascii_, fix=fix, char_en=char_en, ascii_en=ascii_en,
                                            fix_en=fix_en, typed=typed, typed_en=typed_en))
            return
        at, params = item_on_two_lines(self.source, node.start_mark.index, node.end_mark.index, node.value)
        self.problems.append(F.make("E-YAML-015", self.file, line_col(self.source, at), data={"item": self._at(node)},
                                    **params))

    def _wide_commas(self, node) -> None:
        """E-YAML-012 at each Chinese comma in a plain item of a flow list ([学业，就业])."""
        items = [n for n in node.value if isinstance(n, yaml.ScalarNode) and not n.style]
        wrong = [n for n in items if _WIDE_COMMAS.search(n.value)]
        if not wrong:
            return
        meant = []
        for n in node.value:
            if n in items:
                meant += [part.strip() for part in _WIDE_COMMAS.split(n.value) if part.strip()]
            else:  # (a quoted item, as written; a list or mapping: …)
                meant.append(json.dumps(n.value, ensure_ascii=False) if isinstance(n, yaml.ScalarNode) else "…")
        for n in wrong:
            m = _WIDE_COMMAS.search(n.value)
            line, col = n.start_mark.line + 1, n.start_mark.column + 1
            if n.start_mark.line == n.end_mark.line:
                col += m.start()
            self.problems.append(F.make("E-YAML-012", self.file, (line, col), data={"item": self._at(n)}, char=m.group(),
                                        value=n.value, meant=f"[{', '.join(meant)}]"))

    def _at(self, node):
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    @staticmethod
    def _span(node) -> tuple[int, int]:
        return (node.start_mark.index, node.end_mark.index)

    def convert(self, node, path, depth):
        self.positions[path] = self._at(node)
        if depth > MAX_DEPTH:  # the prescan already refuses this; kept as a second guard
            self.problems.append(too_deep(self.file, self.source, node.start_mark, getattr(node, "flow_style", False)))
            return None
        if not isinstance(node, yaml.ScalarNode):
            if id(node) in self._seen:  # the same node twice: an alias
                self.problems.append(F.make("E-YAML-005", self.file, self._at(node)))
                return None
            self._seen.add(id(node))
        if node.tag not in _IMPLICIT_TAGS:
            # reported, then read as if untagged (nothing is constructed from a tag), so
            # the value is not also reported as missing or of the wrong type
            self.problems.append(F.make("E-YAML-009", self.file, self._at(node), tag=node.tag))
        if isinstance(node, yaml.ScalarNode):
            self.spans[path] = (*self._span(node), node.value)
            if not node.style and self.text is not None:  # (plain: libyaml says "")
                self._cut_off(node)
            elif node.style == '"' and self.escapes is not None:
                self._escaped(node)
            return scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.flow_style:
                self._wide_commas(node)
            for item in node.value:  # (- 诚信考试 and, under it, 期末复习备考: one item)
                if isinstance(item, yaml.ScalarNode) and not item.style and item.start_mark.line != item.end_mark.line:
                    self._two_lines(item)
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        result: dict = {}
        first_line: dict = {}
        told = None  # (an item's first repeated key: its finding's parameters, every key repeated, where, the line to type)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(F.make("E-YAML-006", self.file, self._at(key_node), found="列表或映射",
                                            found_en="a list or mapping"))
                continue
            key = scalar(key_node)
            if key_node.tag == _STD_TAG + "merge":
                self.problems.append(F.make("E-YAML-005", self.file, self._at(key_node)))
                continue
            if not isinstance(key, str):
                self.problems.append(F.make("E-YAML-006", self.file, self._at(key_node), found=repr(key),
                                            found_en=repr(key)))
                continue
            if key in result or key in first_line:
                # In an item of a list, the usual cause: a copied item whose “- ” was lost, so its
                # fields were added to the item above: one finding, at the first repeated field.
                if told:
                    told[1].append(key)
                    continue
                params = {"key": key, "first_line": first_line[key], "item": "", "item_en": ""}
                if bool(path) and isinstance(path[-1], int):  # (the line to type: its “- ” where the item above has it)
                    line, col = LINE_BREAK.split(self.source)[key_node.start_mark.line], key_node.start_mark.column
                    typed = f"{' ' * (col - 2)}- {line.strip()}" if key == node.value[0][0].value and col >= 2 else ""
                    told = (params, [key], self._at(key_node), typed)
                else:
                    self.problems.append(F.make("E-YAML-003", self.file, self._at(key_node), **params))
                continue
            first_line[key] = key_node.start_mark.line + 1
            self.keys[path + (key,)] = self._at(key_node)
            self.key_spans[path + (key,)] = (*self._span(key_node), key_node.value)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        if told:  # (one finding for the item: every key it repeats, then the line to type)
            params, keys, at, typed = told
            keys = list(dict.fromkeys(keys))
            zh, en = (f"这一项重复的有 {'、'.join(keys)}。", f" The item repeats {', '.join(keys)}.") if len(keys) > 1 else ("", "")
            params["item"] = zh + _NEW_ITEM[0].format(typed=f"，这一行写成：{typed}" if typed else "。")
            params["item_en"] = en + _NEW_ITEM[1].format(typed_en=f", which makes the line: {typed}" if typed else ".")
            self.problems.append(F.make("E-YAML-003", self.file, at, **params))
        return result


def scalar(node: yaml.ScalarNode):
    value = node.value
    if node.style:  # quoted or block scalars are always text
        return value
    if value in NULLS:
        return None
    if value in BOOLS:
        return BOOLS[value]
    if INT.fullmatch(value):
        return int(value)
    if DECIMAL.fullmatch(value):
        return float(value)
    return value


def load_tree(records: Path) -> tuple[list[Document], list[F.Finding]]:
    """Load every record file below `records`.  Never raises for a bad file."""
    from generator.quickload import quiet

    with quiet():
        return _load_tree(records)


def _load_tree(records: Path) -> tuple[list[Document], list[F.Finding]]:
    paths, problems = discover(records)
    docs = []
    for path in paths:
        try:
            doc, found = load_file(path, records)
        except Exception as exc:  # noqa: BLE001 - one file never stops the others
            doc = Document(file=display_path(path), rel=rel_path(path, records), kind=None)
            found = [F.make("E-LOAD-007", doc.file, None, reason=type(exc).__name__)]
        docs.append(doc)
        problems.extend(found)
    return docs, problems
