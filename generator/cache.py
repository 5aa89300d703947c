"""Load + validate every record file, with a content-hash cache and two processes.

`load_and_validate(records)` gives the same documents and findings as calling
`load.load_tree` and then `validate.validate_document` on each document; it is only
faster:

* **cache** — the result of loading and validating one file is kept in
  `.cache/contact-ledger/` next to the records folder (git-ignored), keyed by the
  SHA-256 of the file's bytes as they are now, by its path and by a version
  hash of the program (every `generator/**/*.py`, every schema, Python and library
  versions).  A file is served from the cache only when its bytes now hash to the bytes
  that produced the entry.  They are read and hashed again unless the file's status
  (device, inode, size, modification and change times) is exactly the status they were
  hashed with, at least SETTLED_NS after the file's last change (`signature`, kept in a
  file of their own: what Git's index does).  Any write to a file moves its change
  time, which no program can set back, so no change — not even one byte with the same
  size and modification time — is ever missed; and the 12,845 files of a warm 12k run
  are not read again (0.35 s).
  The entry is stored under the hash
  the loader itself computed from the bytes it parsed, so a file that changes while
  it is read cannot poison the cache either.  The cache file holds each file's result
  (findings, privacy scan, and the values of every file but the ledgers), then the ledgers'
  values as a marshal a group of files (≈100: as a loading copy made them to send them, `_sent`,
  so that the cache's writer does not marshal them again), each read only when one of its
  ledgers' values is first asked (`Values`: the site asks, a warm `validate` or `check` never
  does).  In one marshal, the strings its files share are read once (a warm 12k run: 0.3 s
  for one marshal of all, 0.6 s for a marshal per file).
* **results of rules** — kept between runs, so that a run where one ledger changed works out
  what depends on that ledger only: `FileMemo` a result for each ledger (their references, and
  what the policy rules read of them: check/facts.py), `Memo` one for each cadre
  (check/by_cadre.py); the feedback chains' rows have a file of their own (check/chain_rows.py).
* **processes** — files not in the cache are loaded by this process and a copy of it when
  there are many of them (forked.shared: groups taken from one queue, the copy's sent back
  marshalled; `CONTACT_LEDGER_WORKERS=1` for one process; see `workers`); the cache file is
  then written by a copy of this process while the checks run (forked.aside; in `check`, by
  the copy made for the record stages once they are done: forked.holding), which the
  command does not wait for before it ends (its report out): the copy holds a lock in the cache
  folder until its files are written, and the next command waits for it before it reads there
  (`cache_dir`, `settled`: forked.settled).  On a warm run, a copy compares each file's status with
  the kept one (forked.both) while this process takes in the cache's results, and loads the
  few files changed since (`_statuses_compared`).

`CONTACT_LEDGER_CACHE=0` turns the cache off; `CONTACT_LEDGER_CACHE=/some/dir` puts
it elsewhere.  A cache that cannot be read or written is silently ignored: it is
only ever a shortcut, never a source of findings.
"""
from __future__ import annotations

import gc
import hashlib
import marshal
import mmap
import os
import struct
import sys
import tempfile
import time
import weakref
from contextlib import contextmanager
from functools import lru_cache, partial
from itertools import repeat
from operator import attrgetter, is_, ne
from pathlib import Path

from generator import findings as F
from generator import forked, load, privacy
from generator.files import write_parts
from generator.layout import kind_of, manifest_files

FORMAT = 8
PARALLEL_MIN = 400  # below this many files to parse, one process is faster
PACKAGE = Path(__file__).resolve().parent


# ---- version of the program ------------------------------------------------
@lru_cache(maxsize=None)
def program_version() -> str:
    """Hash of everything that can change a file's load or validate result."""
    from generator.validate import SCHEMAS

    h = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    found = _installed(LIBRARIES)
    for name in LIBRARIES:
        h.update(f"{name}={found.get(name, '?')}".encode())
    files = sorted(PACKAGE.rglob("*.py")) + sorted(Path(SCHEMAS).glob("*.json"))
    for path in files:
        h.update(str(path.relative_to(path.parents[1])).encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:24]


LIBRARIES = ("pyyaml", "rapidyaml", "orjson", "jsonschema", "jsonschema-rs", "rapidfuzz")  # that read or judge


def _installed(names) -> dict:
    """{name: version} of the installed distributions among `names`, from the names of their
    `*.dist-info` folders on sys.path, as importlib.metadata finds them (whose import alone
    takes ≈20 ms of every run)."""
    found: dict = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            if entry.endswith(".dist-info"):
                name, _, version = entry[:-len(".dist-info")].partition("-")
                name = name.lower().replace("_", "-")
                if name in names:
                    found.setdefault(name, version)
    return found


# ---- one file's result as plain values (marshal-able) -----------------------
# Values and findings only: positions are worked out again from the bytes when asked
# (load.Document.where), which is rare — a valid file never needs them.
def pack(doc: load.Document, found: list[F.Finding], schema_bad: bool) -> tuple:
    return (doc.file, doc.rel, doc.kind, doc.data if doc.quick else _shared(doc.data), doc.sha256, doc.quick,
            schema_bad, [F.packed(f) for f in found], doc.privacy)


GROUPS = 128  # the files to load are shared by two processes in this many groups (_parse_many)
SHARED_LEN = load.SHARED_LEN


def _shared(value, intern=sys.intern, n=SHARED_LEN):
    """`value` with its keys and short strings interned.  marshal writes them so, and unmarshals
    each as the one object of its text: the values of all the files share them (12k ledgers'
    values take about half the memory, which every forked copy then copies less of).  (The quick
    path's values are so already: quickload._nodes_if_plain.)"""
    t = type(value)
    if t is dict:
        out = {}
        for k, v in value.items():
            tv = type(v)
            if tv is str:
                if len(v) <= n:
                    v = intern(v)
            elif tv is dict or tv is list:
                v = _shared(v)
            out[intern(k) if type(k) is str else k] = v
        return out
    if t is list:
        return [_shared(v) for v in value]
    if t is str and len(value) <= n:
        return intern(value)
    return value


def _apart(packed: tuple) -> bool:
    """Whether the cache keeps a packed result's values apart from it: a ledger's (most runs need not
    read them), of bytes whose SHA-256 is known."""
    return packed[2] == "ledger" and type(packed[3]) is dict and bool(packed[4])


class _Group:
    """The ledgers' values of a group of files a loading copy loaded in this run, kept apart as the
    marshal it made of them to send them (`blob`; `shas`: {rel: SHA-256 of the bytes they are the
    values of}: `_sent`), which the cache's writer writes as it is.  The values are not in the results,
    and are unmarshalled the first time one of them is asked (a cold `check` asks them in the
    references' copy only)."""

    __slots__ = ("blob", "shas", "by_rel")

    def __init__(self, blob: bytes, shas: dict):
        self.blob, self.shas, self.by_rel = blob, shas, None

    def values(self, rel: str):
        if self.by_rel is None:
            self.by_rel = _unmarshalled(self.blob)
        return self.by_rel.get(rel)


def _unmarshalled(blob: bytes) -> dict:
    """The values marshalled in `blob` ({rel: values}); {} when they cannot be read."""
    try:
        with long_lived():
            values = marshal.loads(blob)
        return values if type(values) is dict else {}
    except Exception:  # noqa: BLE001 - damaged or cut short: each file is read again
        return {}


def unpack(packed: tuple, raw: bytes | None, later=None, source: str | None = None) \
        -> tuple[load.Document, list[F.Finding], bool]:
    """The document and findings of `pack`; its values are `later.values(rel)` when not in `packed`;
    its bytes are `raw`, or read from `source` when asked."""
    file, rel, kind, data, sha, quick, schema_bad, found, kept = packed
    doc = load.Document(file=file, rel=rel, kind=kind, data=data, sha256=sha, raw=raw if sha else None,
                        source=source if sha else None)
    if later is not None:
        doc.later(later)
    doc.quick = bool(quick)  # either way its positions are worked out again only when asked
    doc.privacy = kept
    return doc, [F.Finding(*f) for f in found], schema_bad


# ---- the privacy scanner's settings (policy.yaml + the protected-names file) ----
def privacy_settings(records: Path) -> tuple[list, tuple, tuple, tuple]:
    """(student-number patterns, protected names, teaching buildings, words of no name) as privacy.check_records will use them,
    read before the files are loaded so that each file is scanned as it is loaded."""
    raw = _read_with_status(records / "policy.yaml")[0]
    # (kept under the policy's bytes: a run whose policy is unchanged reads them from there, without the
    # imports of the YAML parsers and the parse of the policy, ≈25 ms of a warm run's critical path)
    kept = KeptResult(records, "privacy", hashlib.sha256(raw).hexdigest() if raw is not None else "")
    settings = kept.get()
    if type(settings) is not tuple or len(settings) != 3:
        data = None
        if raw is not None:
            from generator import quickload

            with quickload.quiet():
                data = quickload.values(raw) if quickload.enabled() else None
            if data is None:
                data = load.parse_bytes(raw, "policy.yaml")[0]
        settings = (privacy.patterns_in(data), privacy.teaching_in(data), privacy.not_names_in(data))
        kept.put(settings)
    return settings[0], privacy.protected_names()[0], settings[1], settings[2]


def _load_one(path: str, records: Path | str, settings=None) -> tuple[load.Document, list[F.Finding], bool]:
    """Exactly what load_tree + validate do for one file (and its privacy scan)."""
    return _load_one_status(path, records, settings)[:3]


def _load_one_status(path: str, records: Path | str, settings=None, shown: str | None = None, read=None,
                     validate=None) -> tuple:
    """_load_one, and the file's status as it was just before it was read (None: not read); `shown`:
    its display_path, when worked out already; `read` and `validate`: the quick path's reader and the
    validator, when asked already (_loaded: load.load_bytes's `read`, _validate's `validate`)."""
    try:
        doc, found, info = load.load_file_status(path, records, shown, read)
    except Exception as exc:  # noqa: BLE001 - one file never stops the others
        doc = load.Document(file=load.display_path(path) if shown is None else shown,
                            rel=load.rel_path(path, records), kind=None)
        found, info = [F.make("E-LOAD-007", doc.file, None, reason=type(exc).__name__)], None
    checked = _validate(doc, validate)
    if settings is not None:
        try:
            doc.privacy = privacy.document_finds(doc, *settings)
        except Exception:  # noqa: BLE001 - privacy.check_records scans it again and reports
            doc.privacy = None
    return doc, found + checked, bool(checked), info


def _validate(doc, validate=None) -> list[F.Finding]:
    """The document's schema findings, by `validate` (None: fastvalidate.validate_document)."""
    try:
        if validate is None:
            from generator.fastvalidate import validate_document as validate  # (imported when a file is validated)

        return validate(doc)
    except Exception as exc:  # noqa: BLE001 - as pipeline._guarded
        if os.environ.get("CONTACT_LEDGER_DEBUG"):
            raise
        return [F.make("E-INTERNAL-001", doc.file, None, stage="generator.validate.validate_document",
                       error=f"{type(exc).__name__}: {exc}"[:200])]


def _loaded(paths: list[str], records: str, settings, began: int, placed: frozenset = frozenset(),
            facts=None) -> list:
    """Each file's packed result, with the file's status just before it was read (`signature` of
    it, for the run that `began`): whoever loads it, this process never needs to read it again;
    of a file of a kind in `placed`, its values' positions as Document.where works them out
    (load.positions_of), else None (not cached: asked once a run, and kept by the answers,
    keep_answers); and of a ledger, `facts(its values)` (the checks' facts as their memo keeps
    them: Document.facts) when `facts` is given, else None."""
    out = []
    from generator import fastvalidate, quickload

    # (whether the quick path and the fast validator are on, and the modules, asked once here, not once a file
    # each: the environment's reading and the imports cost ≈4 µs a file)
    read = quickload.enabled() and quickload.read
    validate = partial(fastvalidate.validate_document, fast=fastvalidate.enabled())
    with quickload.quiet():
        # (the names shown worked out a folder at a time: display_path alone asks os.getcwd and
        # works out the folder's part again for each file, 27 ms at 12k)
        for p, shown in zip(paths, load.display_paths(paths)):
            doc, found, bad, info = _load_one_status(p, records, settings, shown, read, validate)
            # (the status load.read_file took just before reading the bytes: a second os.stat cost 4 µs a file)
            mark = signature(info, began) if info is not None else _status(p, began)
            where = kept = None
            if doc.kind in placed and doc.sha256:  # (its bytes parsed as Document.where parses them)
                where = doc.positions_for_cache()
            packed = pack(doc, found, bad)
            if facts is not None and doc.kind == "ledger" and doc.sha256:  # (of the values as kept: shared)
                kept = facts(packed[3])
            out.append((packed, mark, where, kept))
    return out


# ---- the cache file ----------------------------------------------------------
def cache_dir(records: Path) -> Path | None:
    """Where the caches of the records folder `records` go (None: CONTACT_LEDGER_CACHE=0)."""
    setting = os.environ.get("CONTACT_LEDGER_CACHE", "")
    if setting in ("0", "off", "no"):
        return None
    folder = Path(setting) if setting else records.resolve().parent / ".cache" / "contact-ledger"
    forked.settled_once(folder)  # (the copies an earlier command left writing there: done before it is read)
    return folder


def settled(folder: Path) -> None:
    """Wait until the copies still writing cache files in `folder` are done (forked.settled): what a reader
    of the files a command wrote, once it has ended, does first — every command does it once (cache_dir)."""
    forked.settled(folder)


def cache_file(records: Path) -> Path | None:
    base = cache_dir(records)
    if base is None:
        return None
    key = hashlib.sha256(str(records.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return base / f"{key}-{program_version()}.marshal"


class Values:
    """The ledgers' values of one cache file, after its results: the length of a directory, the
    directory (marshal of ([each group's marshal's size], {rel: its group})), then each group's
    marshal of {rel: values}.  A group is read and unmarshalled the first time one of its values
    is asked — from the file as it was opened, even if a newer run has replaced it since.  None
    when they cannot be read (the document then reads its bytes again: load.Document.data)."""

    def __init__(self, fd: int | None = None, offset: int = 0, size: int = 0):
        self.fd, self.offset, self.size = fd, offset, size
        self.spans: list | None = None if fd is not None else []  # [(offset, size) of each group's marshal]
        self.group_of: dict = {}
        self.by_rel: dict = {}
        self.read: set = set()  # the groups read
        if fd is not None:
            weakref.finalize(self, _close, fd)

    def values(self, rel: str):
        if self.spans is None:
            self.spans = []
            try:
                (length,) = _LENGTH.unpack(os.pread(self.fd, _LENGTH.size, self.offset))
                sizes, self.group_of = marshal.loads(os.pread(self.fd, length, self.offset + _LENGTH.size))
                at = self.offset + _LENGTH.size + length
                for size in sizes:
                    self.spans.append((at, size))
                    at += size
            except Exception:  # noqa: BLE001 - damaged or cut short: each file is read again
                self.group_of = {}
        k = self.group_of.get(rel)
        if k is not None and k not in self.read:
            self.read.add(k)
            try:
                at, size = self.spans[k]
                group_of = self.group_of  # (a group's own ledgers only: the writer never points elsewhere)
                self.by_rel.update((r, v) for r, v in _unmarshalled(os.pread(self.fd, size, at)).items()
                                   if group_of.get(r) == k)
            except Exception:  # noqa: BLE001
                pass
        return self.by_rel.get(rel)


def _close(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


_HEAD = struct.Struct("<8sQ")  # magic, length of the results' marshal
_MAGIC = b"CLRES02\n"
_LENGTH = struct.Struct("<Q")  # the length of the values' directory (Values)
APART = 100  # ledgers' values a marshal, for those the loading processes did not marshal (_write_results)


def _read_results(path: Path | None) -> tuple[dict, Values]:
    """A cache file of results: ({rel: (sha256, shown name, scanner key, packed result without its
    values, whether its values are in the Values)}, the Values).  Only the results are read now."""
    forked.wait()  # (a copy of this process may be writing it, and the statuses: see _load_and_validate)
    fd = None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        magic, length = _HEAD.unpack(os.pread(fd, _HEAD.size, 0))
        entries = marshal.loads(os.pread(fd, length, _HEAD.size)) if magic == _MAGIC else None
        if isinstance(entries, dict):
            start = _HEAD.size + length
            return entries, Values(fd, start, os.fstat(fd).st_size - start)
    except Exception:  # noqa: BLE001 - missing, truncated, from another Python …: no cache
        pass
    if fd is not None:
        _close(fd)
    return {}, Values()


def _write_results(path: Path, entries: dict, docs: dict, groups=()) -> None:
    """Write `entries` (as _read_results gives them), and after them the values of the documents
    `docs` (rel → document) whose entries say so (Values): a group's (`groups`, _Group) as the
    process that loaded it marshalled them, when its entries are those of the very bytes they are
    the values of, the others marshalled here.  A file with a value marshal cannot keep is left
    out (it is loaded again next time)."""
    try:
        blobs, group_of = [], {}
        for group in groups:
            if all((e := entries.get(rel)) is not None and e[4] and e[0] == sha for rel, sha in group.shas.items()):
                group_of.update(dict.fromkeys(group.shas, len(blobs)))
                blobs.append(group.blob)
        rest = [rel for rel, entry in entries.items() if entry[4] and rel not in group_of]
        for at in range(0, len(rest), APART):
            values = {rel: docs[rel].data for rel in rest[at:at + APART]}
            try:
                blob = marshal.dumps(values)
            except ValueError:  # (rare: each file on its own, to find which)
                odd = {rel for rel, v in values.items() if not _keeps(v)}
                values = {rel: v for rel, v in values.items() if rel not in odd}
                entries = {rel: e for rel, e in entries.items() if rel not in odd}
                blob = marshal.dumps(values)
            group_of.update(dict.fromkeys(values, len(blobs)))
            blobs.append(blob)
        try:
            head = marshal.dumps(entries)
        except ValueError:
            entries = {rel: e for rel, e in entries.items() if _keeps(e)}
            head = marshal.dumps(entries)
        directory = marshal.dumps(([len(blob) for blob in blobs], {rel: k for rel, k in group_of.items()
                                                                      if rel in entries}))
    except Exception:  # noqa: BLE001 - a cache not written only costs speed
        return
    write_cache_file(path, [_HEAD.pack(_MAGIC, len(head)), head, _LENGTH.pack(len(directory)), directory, *blobs],
                     raw=True)


def _keeps(value) -> bool:
    """Whether marshal can keep `value`."""
    try:
        marshal.dumps(value)
        return True
    except ValueError:
        return False


def read_cache_file(path: Path | None):
    """The entries marshalled in the cache file `path`; {} when there is none or it cannot be read."""
    if path is None:
        return {}
    try:
        # Mapped, not read: marshal reads the file where the system keeps it, without a copy of it
        # first (a pull request at 12k reads ≈35 MB of cache files: the copies' page faults cost
        # ≈15 ms).  A cache file is never changed in place, only replaced (write_cache_file), so the
        # bytes mapped cannot be cut short while they are read.
        with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as view:
            entries = marshal.loads(view)
        return entries if isinstance(entries, dict) else {}
    except Exception:  # noqa: BLE001 - missing, empty, truncated, from another Python …
        return {}


def write_cache_file(path: Path, entries, raw: bool = False) -> None:
    """Write `entries` marshalled (or, raw, the bytes `entries`, or a list of bytes one after the
    other) to `path` atomically; files of older program versions beside it are removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key, version = path.name.split(".")[0].split("-")
        for old in path.parent.glob(f"{key}-*"):
            if not old.name.startswith(f"{key}-{version}."):  # files of an older program version
                old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            if raw and type(entries) is list:  # (by os.writev: neither joined nor copied through a buffer)
                write_parts(fd, entries)
            else:
                fh.write(entries if raw else marshal.dumps(entries))
        os.replace(tmp, path)  # readers see the old or the new file, never half of one
    except Exception:  # noqa: BLE001 - a read-only folder only costs speed
        try:
            os.unlink(tmp)  # type: ignore[possibly-undefined]
        except Exception:  # noqa: BLE001
            pass


ASIDE_MIN = 1000  # entries below which a whole cache file is written here


def written(write, entries: int, path: Path) -> None:
    """write() a whole cache file `path` of `entries` entries: by a copy of this process while it goes
    on (forked.aside; the copy holds a lock in the file's folder until it is done: forked.settled) when
    they are many; when a copy is to write others anyway (forked.held), once this process's work is done,
    while that copy writes (forked.last: a cold `check` at 12k writes its 816 cadres' results, ≈20–50 ms,
    after its report, beside the chains' rows, by one copy that outlives it); else here, and now: a copy
    would cost more, and a caller in this process (a test, the site's build) finds it written when the
    call returns, not while it goes on to change the folder (`git add` of a records folder whose cache
    is inside it; forked.wait first, when it may be held)."""
    if entries >= ASIDE_MIN:
        forked.aside(write, path.parent)
    elif forked.held():
        forked.last(write, path.parent)
    else:
        write()


def remove_cache_file(path: Path) -> None:
    """Remove the cache file `path`, if there is one and the folder lets it."""
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a read-only folder only costs speed (its entries are checked when read)
        pass


def _delta(new: dict, main: dict) -> dict | None:
    """The entries of `new` that are not `main`'s very entries (read from the main cache file), to
    be written as a small delta beside it; None when the main file is to be written again instead:
    there is none yet, or many of its entries changed or are no longer used."""
    if not main:  # (none yet: a cold run's 12,845 entries are not compared with nothing)
        return None
    if list(new) == list(main):  # (the same files in the same order, as most runs: compared in C)
        changed = {rel: e for rel, e, same in zip(new, new.values(), map(is_, new.values(), main.values()))
                   if not same}
    else:
        changed = {rel: e for rel, e in new.items() if main.get(rel) is not e}
    unused = len(main) - (len(new) - len(changed))  # the main file's entries not served
    if not main or max(len(changed), unused) > max(64, len(new) // 20):
        return None
    return changed


def _same(entries: dict, kept: dict) -> bool:
    """Whether `entries` are the very entries `kept` (read from a cache file): nothing to write."""
    return entries.keys() == kept.keys() and all(kept[k] is e for k, e in entries.items())


def _read_with_status(path) -> tuple[bytes | None, os.stat_result | None]:
    """The file's bytes when load_file would read them (a regular file under the cap), and its
    status just before it was read; (None, None) otherwise."""
    try:
        return load.read_file(path)
    except (OSError, load.NotRegular, load.TooBig):
        return None, None


# A file's status is trusted to stand for its bytes only when it was last changed this long
# before the run began: a file changed again within the same tick of the file system's clock
# (≈4 ms on Linux; 2 s on FAT) would otherwise keep its status (see `signature`).
SETTLED_NS = 3_000_000_000


def _status(path: str, began: int) -> tuple | None:
    try:
        return signature(os.stat(path), began)
    except OSError:
        return None


_NOT_SEEN = (None, None, None, None)
SIDE_MAX = 64  # files changed since the last run that the copy comparing the statuses loads itself


def _statuses_compared(paths: list[str], records: Path, statuses: dict, began: int, facts=None):
    """What a copy of this process finds while this one takes in the cache (forked.both):
    (the privacy scanner's settings, 1 for each file whose status now is the one its bytes were
    hashed with (`statuses`) else 0, and for each other file of a known kind, when there are at
    most SIDE_MAX of them, {its place: ("same", SHA-256 of its bytes, their status, None) when the
    bytes are those `statuses` knew, else ("loaded", packed result, status, facts) as `_loaded`
    gives them}).
    A pull request's changed file is so read, parsed and checked on the other core — with the
    imports of the YAML parser and the schema validator, and the policy's settings for the
    privacy scan (at 12k: this process's loading 0.22 → 0.19 s, alternating)."""
    settled, changed = bytearray(len(paths)), []
    get = statuses.get
    for i, (path, rel) in enumerate(zip(paths, load.rel_paths(paths, records))):
        then = get(rel)
        if type(then) is tuple and len(then) == 2 and (now := _status(path, began)) is not None and now == then[0]:
            settled[i] = 1  # (12,845 stats at 12k)
            continue
        if kind_of(rel) is not None:
            changed.append((i, then[1] if type(then) is tuple and len(then) == 2 else None))
    settings = privacy_settings(records)
    others: dict = {}
    if len(changed) <= SIDE_MAX:
        to_load = []
        for i, then_sha in changed:
            raw, info = _read_with_status(paths[i])
            if raw is not None and then_sha == hashlib.sha256(raw).hexdigest():
                others[i] = ("same", then_sha, signature(info, began), None)
            elif raw is not None:
                to_load.append(i)
        if to_load:
            for i, (packed, mark, _, kept) in zip(to_load, _loaded([paths[i] for i in to_load], str(records), settings,
                                                                   began, facts=facts)):
                others[i] = ("loaded", packed, mark, kept)
    return settings, bytes(settled), others


def signature(info: os.stat_result | None, began: int) -> tuple | None:
    """What stands for a file's bytes when they were hashed: the status they were read with
    (device, inode, size, modification and change times, in ns), or None when it cannot.

    Any write to a file, and any change of its times, sets its change time (ctime) to the
    clock's now; no program can set it back.  So a file whose status is the same as when its
    bytes were hashed has the same bytes, as Git's index assumes (`git status`), with the same
    guard against a change within one tick of the clock ("racily clean"): a file changed less
    than SETTLED_NS before the run `began` gets no signature, and is read and hashed again on
    the next run.  Only on POSIX systems (Windows' st_ctime is the creation time)."""
    if info is None or os.name != "posix" or info.st_ctime_ns >= began - SETTLED_NS:
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def parallel_min() -> int:
    try:
        return max(1, int(os.environ.get("CONTACT_LEDGER_PARALLEL_MIN", "")))
    except ValueError:
        return PARALLEL_MIN


def workers() -> int:
    """Processes for loading and for the checks (default: two, or one on a one-core machine;
    more than two are used as two: this process and a copy of it, see forked.py).  What a copy
    loads comes back as values, findings and privacy results — no positions, but those of the
    files whose every row will be asked where (`placed`) — so two processes
    nearly halve a cold run (12k ledgers: validate 13.3 s → 7.7 s)."""
    try:
        return max(1, int(os.environ.get("CONTACT_LEDGER_WORKERS", "")))
    except ValueError:
        return min(2, os.cpu_count() or 1)


# ---- the whole tree ----------------------------------------------------------
def load_and_validate(records: Path, placed: frozenset = frozenset(), facts=None):
    """(documents, findings of load and validate, rel paths with schema findings).  (As committed on
    a past day: past_records.)  The files of a kind in `placed` are the ones whose every row will
    be asked where: those the loading processes parse keep their positions (Document.placed).
    `facts` (a function of a ledger's values, or None): what the checks will read of each ledger
    (check/facts.py: given_of), worked out by the processes that load the ledger (Document.facts)."""
    # What an earlier load froze (in a long-running `mkdocs serve`) is let go first, so that it
    # can be collected.
    gc.unfreeze()
    with long_lived():
        return _load_and_validate(records, placed, facts)


def past_records(records: Path, repo: Path | None, day, docs: list, findings: list, invalid: set) -> tuple:
    """(docs, findings, invalid, `day` when its records could not be read as committed on it — no
    repository, git failing, a shallow clone not reaching it — else None) with the records as
    committed on `day` (a past --today) in place of
    what they are now (new lists, the loaded ones unchanged): each record file — of every kind but
    those read as they are now (layout.AS_THEY_ARE) — changed or deleted by a commit after that day
    (git_history.records_on) is loaded and validated from its bytes of that day, and named so
    (records/cadres/x.yaml@2026-07-01: its findings say which content they are of); one added after
    it (a cadre, an exemption written later) is left out with its findings.  Neither it nor its
    findings are kept in the cache, whose entries stand for the files as they are now.  A day that
    is today or later costs nothing (the clock is asked, not Git); a file whose bytes then are its
    bytes now is the file as it is (no …@day).  A ledger that was not there on the
    day is left out too — landed later, or deleted before the day and added again after it (its first
    landing, before the day, does not make it there on the day) — but for one the import manifest
    lists: it counts from the manifest's date (check.as_of says nothing of one imported later)."""
    import datetime as dt

    from generator.model import policy_zone

    zone = policy_zone(next((d.data for d in docs if d.kind == "policy" and isinstance(d.data, dict)), {}))
    if day >= dt.datetime.now(zone).date():
        return docs, findings, invalid, None
    from generator.check.git_history import records_on

    past = records_on(records, repo, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone),
                      _brought(docs))
    if past is None:
        return docs, findings, invalid, day
    imported = _imported(docs) if None in past.values() else set()
    sha = {doc.rel: doc.sha256 for doc in docs if doc.rel in past}  # (changed and changed back: the file as it is)
    past = {rel: raw for rel, raw in past.items() if (rel not in imported if raw is None
                                                      else hashlib.sha256(raw).hexdigest() != sha.get(rel))}
    if not past:
        return docs, findings, invalid, None
    at = {doc.rel: i for i, doc in enumerate(docs) if doc.rel in past}
    now = {docs[i].file for i in at.values()}
    findings = [f for f in findings if f.file not in now]
    docs, invalid = list(docs), set(invalid) - set(at)  # (new ones: the cache's writer may still read the loaded)
    settings, excepted = privacy_settings(records), privacy.excepted(docs)
    for rel, raw in sorted(past.items()):
        i = at.get(rel)
        if raw is None:  # (not there on the day)
            if i is not None:
                docs[i] = None
            continue
        shown = docs[i].file if i is not None else load.display_path(records / rel)
        doc = load.Document(file=f"{shown}@{day.isoformat()}", rel=rel, kind=kind_of(rel))
        if len(raw) > load.MAX_BYTES:
            found = [F.make("E-LOAD-003", doc.file, None, size=len(raw), limit=load.MAX_BYTES)]
        else:
            doc, found = load.load_bytes(doc, raw)
            doc._raw = raw  # (archive hashes a past day's ledger as it was: archive._bytes)
        checked = _validate(doc)
        try:
            doc.privacy = privacy.document_finds(doc, *settings)
        except Exception:  # noqa: BLE001 - privacy.check_records scans it again and reports
            doc.privacy = None
        if i is not None and (rel in excepted or not doc.privacy or doc.privacy[1]):
            doc.lines_now = privacy.lines_now(doc.text, docs[i].text)  # (exceptions name lines of the file now)
        if checked:
            invalid.add(rel)
        findings.extend(found + checked)
        if i is None:
            docs.append(doc)
        else:
            docs[i] = doc
    return [doc for doc in docs if doc is not None], findings, invalid, None


def _imported(docs: list) -> set:
    """The ledgers' paths (below records/) that the import manifests list."""
    return {e.get("path") for d in docs if d.kind == "imports" and isinstance(d.data, dict)
            and isinstance(d.data.get("ledgers"), list) for e in d.data["ledgers"] if isinstance(e, dict)}


def _brought(docs: list) -> dict:
    """{import manifest's path below records/: the files it says it brought — its ledgers and `records` —,
    None when it has no `records` (an old manifest: every file its commit changes came with it)}."""
    return {d.rel: manifest_files(d.data) for d in docs if d.kind == "imports" and isinstance(d.data, dict)}


@contextmanager
def long_lived():
    """For a stage that builds objects which all stay alive (loading: millions of small dicts
    and tuples; the checks' and the site's tables): Python's cycle collector is off while it
    runs, and its objects are frozen out of the collector afterwards.  Otherwise every full
    collection walks all of them again, for nothing (loading: 2.5× slower; the site's build:
    2.5 s of 12k ledgers' 35).  Frozen objects are freed by reference counting only, so what
    such a stage builds must hold no reference cycle (tested for the site's tables)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _load_and_validate(records: Path, placed: frozenset, facts=None):
    paths, findings = load.discover(records)
    where = cache_file(records)
    # the cache is a big main file and a small delta of recent changes: a pull request that
    # changes one file rewrites the delta only, not every other file's entry
    delta_file = where.with_suffix(".delta") if where else None
    # {rel: (signature, SHA-256 of the bytes read with it)}: what Git's index keeps, apart from the
    # results, so that a status that changed while the bytes did not (a checkout, a cache restored
    # into another clone) rewrites this small file only
    status_file = where.with_suffix(".statuses") if where else None
    statuses = read_cache_file(status_file)
    known_status: dict = {}
    began = time.time_ns()
    cwd = load.working_folder()
    results: dict[int, tuple] = {}
    todo: list[int] = []
    raws: dict[int, tuple] = {}  # (bytes read here, or None; their SHA-256; the file's status then)

    def take_in() -> tuple[dict, dict, list]:
        """(the main results, the delta's, and for each file: its rel, whether it is of a known
        kind, its entry if usable, the entry's document unpacked (None: it failed), where its
        values are)."""
        (main, in_main), (delta, in_delta) = _read_results(where), _read_results(delta_file)
        old = {**main, **delta} if delta else main
        files = []
        # (the names shown, compared with the entries' — none in a cold run: each loading process works out its own)
        shown_names = load.display_paths(paths, cwd) if old else repeat(None)
        for path, shown, rel in zip(paths, shown_names, load.rel_paths(paths, records)):
            known = kind_of(rel) is not None
            # (sha256, shown name, privacy scanner key, packed result, values kept apart)
            entry = old.get(rel) if known else None
            if not entry or entry[1] != shown:
                files.append((rel, known, None, None, None))
                continue
            store = (in_delta if rel in delta else in_main) if entry[4] else None
            try:  # (served if the file's status says its bytes are those hashed: below)
                result = unpack(entry[3], None, store, source=path)
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                result = None
            files.append((rel, known, entry, result, store))
        return main, delta, files

    # Whether each file's status is still the one its bytes were hashed with is asked by a copy
    # of this process, while this one takes in the cache (12,845 stats at 12k: 30 ms); the copy
    # also reads the privacy settings and loads the few files changed since (_statuses_compared).
    if statuses:
        (settings, settled, others), (main, delta, files) = forked.both(
            lambda: _statuses_compared(paths, records, statuses, began, facts), take_in)
    else:
        settings, settled, others = privacy_settings(records), bytes(len(paths)), {}
        main, delta, files = take_in()
    scan_key = privacy.scanner_key(*settings)
    new: dict = {}

    def keep(doc: load.Document, packed: tuple, mark, group: _Group | None = None) -> None:
        """Keep a file just loaded (its `packed` result, its status `mark`; its values in `group`'s
        marshal, or in the result) in the cache.  Not an empty ledger: its E-LOAD-002 says whether its cadre has a
        record (load._empty_ledger), which a cadre's file added or removed changes (and loading it again is cheap)."""
        if doc.sha256 and where is not None and not (doc.kind == "ledger" and packed[7]
                                                     and any(f[0] == "E-LOAD-002" for f in packed[7])):
            # (the values most runs need not read)
            apart = doc.rel in group.shas if group is not None else doc.kind == "ledger" and type(packed[3]) is dict
            new[doc.rel] = (doc.sha256, doc.file, (packed[-1] or ("",))[0],
                            packed[:3] + (None,) + packed[4:] if apart else packed, apart)
            if mark is not None:
                known_status[doc.rel] = (mark, doc.sha256)

    # Nothing cached (a first run, the cache off or cleared, a new program version): the loading
    # starts at once, and each file is read by the process that loads it; its bytes are read again
    # only if a position in it is asked, as in a run that served it from the cache (load.Document.raw).
    fresh = not main and not delta
    for i, (path, (rel, known, entry, result, store)) in enumerate(zip(paths, files)):
        how, value, mark, kept = others.get(i, _NOT_SEEN)  # (what the copy that compared the statuses found)
        if how == "loaded":  # changed since, and loaded by that copy
            results[i] = unpack(value, None, source=path)
            keep(results[i][0], value, mark)
            results[i][0].facts = kept
            continue
        if fresh and known:
            todo.append(i)
            continue
        if entry is not None and entry[2] != scan_key:  # (scanned with other settings)
            entry = result = None
        if result is not None and (settled[i] and statuses[rel][1] == entry[0] or how == "same" and entry[0] == value):
            # the file is as it was when its bytes were hashed: they are read only if asked
            results[i] = result
            new[rel] = entry
            if settled[i]:
                known_status[rel] = statuses[rel]
            elif mark is not None:
                known_status[rel] = (mark, value)
            continue
        raw, info = _read_with_status(path) if known else (None, None)
        if raw is None:  # unknown kind, odd or huge file: its finding is cheap, never cached
            results[i] = _load_one(path, records)
            continue
        sha = hashlib.sha256(raw).hexdigest()
        if entry and entry[0] == sha:
            try:
                results[i] = unpack(entry[3], raw, store)
                new[rel] = entry
                if (mark := signature(info, began)) is not None:
                    known_status[rel] = (mark, sha)
                continue
            except Exception:  # noqa: BLE001 - a damaged entry is a miss
                pass
        todo.append(i)
        raws[i] = (raw, sha, info)

    groups: dict = {}  # {id: _Group} of the groups loaded, whose values' marshals the cache's writer writes as they are
    if todo:
        for at, (packed, mark, positions, kept, group) in _parse_many([paths[i] for i in todo], records, settings,
                                                                       began, placed, facts):
            i = todo[at]
            if group is not None:
                groups[id(group)] = group
                if packed[1] not in group.shas:
                    group = None
            if i in raws:  # read here first (the cache knew the file): its bytes and their status
                raw, raw_sha, info = raws[i]
                results[i] = unpack(packed, _bytes_of(paths[i], raw, raw_sha, packed[4]), group)
                mark = signature(info, began) if raw_sha == packed[4] else None
            else:  # read by the process that loaded it only
                results[i] = unpack(packed, None, group, source=paths[i])
            keep(results[i][0], packed, mark, group)
            results[i][0].placed, results[i][0].facts = positions, kept
    docs, invalid = [], set()
    for i in range(len(paths)):
        doc, found, bad = results[i]
        docs.append(doc)
        findings.extend(found)
        if bad:
            invalid.add(doc.rel)
    if where is not None:
        changed = _delta(new, main)
        _recall_for(where.with_suffix(".answers"), new)

        def write() -> None:
            if changed is None:
                _write_results(where, new, {doc.rel: doc for doc in docs}, groups.values())
                remove_cache_file(delta_file)
            elif not _same(changed, delta):
                _write_results(delta_file, changed, {doc.rel: doc for doc in docs if doc.rel in changed},
                               groups.values())
            if known_status != statuses:
                write_cache_file(status_file, known_status)

        if changed is None:  # the whole cache file (49 MB at 12k): written while the checks run
            written(write, len(new), where)
        else:  # a small delta: here (a copy of this process would cost more)
            write()
    return docs, findings, invalid


# ---- one rule's results per file or per cadre, kept between runs --------------
class Memo:
    """One rule's result for each key (a file, a cadre), kept in the cache between runs, so that a
    run where a few files changed works out the results that depend on them only.  A result is
    served only when the key's `stamp` (what it depends on that differs from key to key: the
    SHA-256 and shown name of the files it read …) is the stamp it was worked out for, and
    `context` too: a digest of everything else the rule reads (None keeps nothing).  Stamps and
    results must be plain values (marshal); `save()` writes them when they changed — as the results
    do, a few changed keys into a small delta beside the main file, which is not rewritten."""

    def __init__(self, records: Path, name: str, context: str | None):
        where = cache_file(records) if context is not None else None
        self.path = where.with_suffix(f".{name}") if where else None
        self.delta_path = where.with_suffix(f".{name}-delta") if where else None
        self.context = context
        self.main = self._read(self.path)  # {key: (stamp, result)}
        self.delta = self._read(self.delta_path) if self.main else {}
        self.old = {**self.main, **self.delta} if self.delta else self.main
        self.new: dict = {}

    def _read(self, path: Path | None) -> dict:
        kept = read_cache_file(path) if path else {}  # {context: {key: entry}}
        return kept.get(self.context, {}) if len(kept) == 1 else {}

    def get(self, key, stamp):
        """The result kept for `key` when it was worked out for `stamp`; else None (a stamp of None
        is never served)."""
        entry = self.old.get(key) if self.path and stamp is not None else None
        if entry and entry[0] == stamp:
            self.new[key] = entry
            return entry[1]
        return None

    def put(self, key, stamp, result) -> None:
        if self.path and stamp is not None:
            self.new[key] = (stamp, result)

    def save(self) -> None:
        if not self.path:
            return
        changed = _delta(self.new, self.main)
        if changed is None:
            if not _same(self.new, self.main):  # (a cold run at 12k: 37 MB in three memos, written
                path, entries = self.path, {self.context: self.new}  # by copies while this goes on)
                written(lambda: write_cache_file(path, entries), len(self.new), path)
            remove_cache_file(self.delta_path)
        elif not _same(changed, self.delta):
            write_cache_file(self.delta_path, {self.context: changed})


class FileMemo:
    """One result per file, for the same files asked in the same order each run (the ledgers:
    `docs`), kept between runs.  A result is served only when the file's SHA-256 and shown name are
    those it was worked out for (as `load_and_validate` knows them in this run), and `context` too
    (None keeps nothing).  Their names, SHA-256 and shown names are kept as lists and compared
    whole, in C: a run at 12k where one ledger changed finds it without 12,000 lookups, and reads
    the results back as one list.  `save()` writes them when they changed: a few changed files
    into a small delta beside the main file (by name, each with its SHA-256 and shown name, so
    that it stays right beside any main file), else the main file again."""

    def __init__(self, records: Path, name: str, context: str | None, docs: list):
        where = cache_file(records) if context is not None else None
        self.path = where.with_suffix(f".{name}") if where else None
        self.delta_path = where.with_suffix(f".{name}-delta") if where else None
        self.context = context
        self.rels, self.shas, self.files = (list(map(attrgetter(k), docs)) for k in ("rel", "sha256", "file"))
        main = self._read(self.path)
        if not (type(main) is dict and all(len(main.get(k, ())) == len(main.get("rels", ())) for k in _LISTS)):
            main = {}
        self.main_rels = main.get("rels")
        self.new: set = set()
        self._at: dict | None = None
        if not main:  # (nothing kept — a cold run: every file is stale, none compared with what is not there)
            self.delta, self.results, self.stale = {}, [None] * len(docs), set(range(len(docs)))
            return
        if main["rels"] == self.rels:
            shas, files, results = (list(main[k]) for k in ("shas", "files", "results"))
        else:
            at = {rel: i for i, rel in enumerate(main.get("rels", ()))}
            shas, files, results = ([main[k][at[rel]] if rel in at else None for rel in self.rels]
                                    for k in ("shas", "files", "results"))
        self.delta = self._read(self.delta_path)
        if type(self.delta) is not dict:
            self.delta = {}
        try:
            for rel, (sha, file, result) in self.delta.items():
                i = self._place(rel)
                if i is not None:
                    shas[i], files[i], results[i] = sha, file, result
        except (TypeError, ValueError):  # (not a delta this class wrote: its entries stand unread)
            self.delta = {}
        changed = set(changed_places((self.shas, self.files), (shas, files)))
        self.results = results if self.path else [None] * len(docs)
        self.stale = changed if self.path else set(range(len(docs)))  # the places not served

    def _read(self, path: Path | None):
        kept = read_cache_file(path) if path else {}  # {context: what is kept}
        return kept.get(self.context, {}) if len(kept) == 1 else {}

    def _place(self, rel: str) -> int | None:
        """The file's place (None: not asked this run): searched in C for the few of a small
        delta, looked up once they are many."""
        if len(self.delta) > 16:
            if self._at is None:
                self._at = {r: i for i, r in enumerate(self.rels)}
            return self._at.get(rel)
        try:
            return self.rels.index(rel)
        except ValueError:
            return None

    def get(self, k: int):
        """The result kept for the k-th file, if worked out for its bytes and name; else None."""
        return None if k in self.stale else self.results[k]

    def kept(self) -> list:
        """[self.get(k) for each file], as a new list."""
        out = list(self.results)
        for k in self.stale:
            out[k] = None
        return out

    def put(self, k: int, result) -> None:
        if self.path and self.shas[k]:
            self.results[k] = result
            self.new.add(k)

    def save(self) -> None:
        if not self.path or not (self.new or self.main_rels != self.rels):
            return
        if self.main_rels == self.rels and len(self.delta) + len(self.new) <= max(64, len(self.rels) // 20):
            delta = {rel: e for rel, e in self.delta.items() if (i := self._place(rel)) is not None
                     and i not in self.stale}  # (those kept in the delta and still served)
            delta.update((self.rels[i], (self.shas[i], self.files[i], self.results[i])) for i in self.new)
            write_cache_file(self.delta_path, {self.context: delta})
            return
        keep = [i not in self.stale or i in self.new for i in range(len(self.rels))]
        entries = {self.context: {
            "rels": self.rels, "shas": [s if k else None for s, k in zip(self.shas, keep)], "files": self.files,
            "results": [r if k else None for r, k in zip(self.results, keep)]}}
        path, delta_path = self.path, self.delta_path

        def write() -> None:
            write_cache_file(path, entries)
            remove_cache_file(delta_path)
        written(write, len(self.rels), path)


_LISTS = ("rels", "shas", "files", "results")


def changed_places(now: tuple, kept: tuple) -> list[int]:
    """The places (in order) where any of the sequences `now` differs from the one at the same
    place of `kept`, all of one length (compared in C: 12,000 files), or where the SHA-256 (the
    first of `now`) is not known."""
    out = set()
    for a, b in zip(now, kept):
        mask, i = bytes(map(ne, a, b)), -1
        while (i := mask.find(1, i + 1)) >= 0:
            out.add(i)
    if None in now[0]:
        out.update(i for i, sha in enumerate(now[0]) if sha is None)
    return sorted(out)


class KeptResult:
    """One result kept in the cache between runs under a digest of everything it depends on
    (`digest`; None keeps nothing), and served only for that very digest: the last run's.
    Plain values only (marshal); what marshal cannot keep is not kept."""

    def __init__(self, records: Path, name: str, digest: str | None):
        where = cache_file(records) if digest is not None else None
        self.path = where.with_suffix(f".{name}") if where else None
        self.digest = digest

    def get(self):
        kept = read_cache_file(self.path)
        return kept.get(self.digest) if type(kept) is dict and len(kept) == 1 else None

    def put(self, result) -> None:
        if self.path is not None:
            write_cache_file(self.path, {self.digest: result})


# ---- positions asked before (load.RECALL) -----------------------------------
_answers: list = []  # [(the answers file, the cache's entries of the files loaded last)]


def _recall_for(path: Path, entries: dict) -> None:
    """Positions are asked of files loaded from now on: recall answers from `path`."""
    load.RECALL.earlier = lambda: read_cache_file(path)
    load.RECALL.known = None
    _answers[:] = [(path, entries)]


def forget_answers() -> None:
    """Keep no positions from this run: the records they were asked of are about to go, their
    cache with them (ownership.roles_at: the base's records in a temporary folder)."""
    _answers.clear()


def keep_answers() -> None:
    """Keep the positions worked out in this run (by this process and its forked copies) for
    the next: with those kept before, of the files loaded last only."""
    recall = load.RECALL
    if not recall.worked or not _answers:
        return
    path, entries = _answers[0]
    shas = {e[0] for e in entries.values()}  # (their SHA-256)
    kept = {k: v for k, v in (recall.known or {}).items() if k[0] in shas}
    kept.update((k, v) for k, v in recall.worked.items() if k[0] in shas)
    write_cache_file(path, kept)
    recall.known, recall.worked = kept, {}


def _bytes_of(path: str, raw: bytes | None, raw_sha: str, sha: str) -> bytes | None:
    """The bytes the loader hashed as `sha` (the file may have changed between our read, whose
    hash is `raw_sha`, and the loader's)."""
    if not sha or raw_sha == sha:
        return raw
    try:
        again = Path(path).read_bytes()
    except OSError:
        return None
    return again if hashlib.sha256(again).hexdigest() == sha else None


def _parse_many(paths: list[str], records: Path, settings, began: int, placed: frozenset, facts=None):
    """(position in `paths`, (packed result, status, positions or None, facts or None, its group or
    None)) of each file (`_loaded`).  Many files are shared by this process and a copy of it, a
    group at a time (forked.shared): the copy's groups come back marshalled, their ledgers' values
    as the one marshal the copy made of them (`_sent`: _Group), unmarshalled only when asked;
    this process's own need no copy at all, and are marshalled by the cache's writer only."""
    if workers() < 2 or len(paths) < parallel_min():
        yield from ((at, (*one, None)) for at, one in enumerate(_loaded(paths, str(records), settings, began, placed,
                                                                          facts)))
        return
    # One file is loaded here before the copy is made: the validators' import, the schemas and the privacy scan's
    # expressions every file needs are then made once, for both processes (≈50 ms at 12k).  The records folder's
    # own files (policy.yaml, calendar.yaml …: ≈0.1 s more, the scan of the policy's own words, which no other
    # file needs) are loaded here too, but once the copy is made, while it takes the first groups.
    warm = _first_loaded(paths, records)
    before = _loaded(paths[warm:warm + 1], str(records), settings, began, placed, facts)
    rest = paths[warm + 1:]
    if placed:  # (their files' positions are read from PyYAML's events, fastload.positions: imported once, for both)
        from generator import fastload  # noqa: F401
    step = min(GROUPS, len(rest))  # (the more, the less one process waits for the other at the end)
    own, parts = forked.shared(step, lambda k: _loaded(rest[k::step], str(records), settings, began, placed, facts),
                               lambda: _loaded(paths[:warm], str(records), settings, began, placed, facts), _sent)
    yield from ((at, (*one, None)) for at, one in enumerate(own + before))
    for k, part in enumerate(parts):
        part, group = (part[0], _Group(*part[1])) if type(part) is tuple else (part, None)
        yield from ((warm + 1 + k + j * step, (*one, group)) for j, one in enumerate(part))


FIRST_MAX = 16  # the records folder's own files loaded by this process as its first part, at most (_first_loaded)


def _first_loaded(paths: list[str], records: Path) -> int:
    """How many of the files to load (as discover orders them) are the records folder's own (policy.yaml,
    calendar.yaml …: loaded by this process as its first part of the load), at most FIRST_MAX, and never every file:
    the file after them is loaded before the loading copy is made (_parse_many)."""
    top = os.fspath(records)
    first = 0
    while first < min(FIRST_MAX, len(paths) - 1) and os.path.dirname(paths[first]) == top:
        first += 1
    return first


def _sent(out: list) -> list | tuple:
    """What a loading copy sends of a group's results (_loaded's): them without the values of its ledgers whose
    values the cache keeps apart (_apart), with the marshal of those ({rel: values}) and their SHA-256 ({rel:
    SHA-256}), made once — (results, (marshal, SHA-256s)): this process unmarshals it only when a value is asked
    (_Group), the cache's writer writes it as it is; the results as they are when none is kept apart.  A group
    this process loads keeps its ledgers' values as they are: the cache's writer (a copy, while the checks run or
    after them) marshals them there, not this process while it loads (at 12k ≈0.15 s of CPU of main's share of the
    load, on the command's critical path: the queue then gives it more groups)."""
    apart = {one[0][1]: one[0] for one in out if _apart(one[0])}
    if not apart:
        return out
    try:
        blob = marshal.dumps({rel: packed[3] for rel, packed in apart.items()})
    except ValueError:  # (rare: a value marshal cannot keep stays in its result: the writer leaves it out)
        apart = {rel: packed for rel, packed in apart.items() if _keeps(packed[3])}
        blob = marshal.dumps({rel: packed[3] for rel, packed in apart.items()})
        if not apart:
            return out
    return [(packed[:3] + (None,) + packed[4:], *rest) if packed[1] in apart else (packed, *rest)
            for packed, *rest in out], (blob, {rel: packed[4] for rel, packed in apart.items()})
