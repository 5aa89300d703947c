"""The generated pages a build need not render again: each page's key is a digest of exactly
what its template reads — the values of the context names its template and the templates it
includes name (jinja2.meta), written out whole by pickle (dicts, lists, tuples, texts, numbers,
dates: every value the pages are given; see PageMemo._value) — and of everything else the rendering depends on (the
program's sources, the templates, Jinja's and MarkupSafe's versions, the institution's name and
the suggestions' title the ledger bodies show, whether the bodies are slotted out).

A page whose key is the last build's, and whose file in the generated folder is the very file
written then (size, time, inode and status-change time; one changed in the 3 seconds before that
build ended is also read back and its digest compared), is not rendered again: the same bytes
would be (rendering is deterministic).  A value pickle cannot write (the page is rendered), a
template that includes another by a name worked out as it renders, or a note that cannot be read,
renders the page as before.  At 12,000 ledgers a warm
build rendered all 950 pages again (≈5 s of the build's own process); after a one-ledger change
only the pages that read that ledger's values are.

Kept beside the records' cache (generator.cache.cache_dir), one file for each generated folder.
"""
from __future__ import annotations

import hashlib
import io
import marshal
import os
import pickle
import time
from pathlib import Path

_PLAIN = frozenset({str, int, float, bool, type(None)})  # written as they are (bytes: a digest stands for an item)
DEPTH = 3  # the levels of a value whose items' digests are kept (_value)
RECENT_NS = 3_000_000_000  # a file changed this close to the note's writing is read back (a coarse clock's tick)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


class PageMemo:
    def __init__(self, folder: Path, out: Path, salt: bytes):
        key = hashlib.sha256(str(Path(out).absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self.file, self.out = Path(folder) / f"pages-{key}.marshal", Path(out)
        self.salt = hashlib.blake2b(salt, digest_size=20).digest()
        try:
            noted_ns, self.old = marshal.loads(self.file.read_bytes())
            if not isinstance(self.old, dict):
                raise ValueError
        except Exception:  # noqa: BLE001 - none kept, or unreadable: every page rendered
            noted_ns, self.old = 0, {}
        self.trusted_before = noted_ns - RECENT_NS  # (files changed before this were changed before the note)
        self.new: dict = {}
        self._reads: dict = {}
        self._values: dict = {}  # id(value) -> (value, its digest): the shared tables written out once a build
        self.reused = 0
        buf = io.BytesIO()
        pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # (no memo: see _value)
        self._pickler = (buf, pickler)

    # ------------------------------------------------------------------
    def reads(self, env, template: str):
        """The names `template` and the templates it includes read and do not set (the environment's
        globals among them: a context value of the same name hides one, and is then in the key), or
        None when it includes a template by a name worked out while rendering."""
        if template not in self._reads:
            from jinja2 import meta, nodes

            names, todo, seen = set(), [template], set()
            while todo:
                name = todo.pop()
                if name in seen:
                    continue
                seen.add(name)
                ast = env.parse(env.loader.get_source(env, name)[0])
                names |= meta.find_undeclared_variables(ast)  # (which leaves out the globals' names:)
                names |= {n.name for n in ast.find_all(nodes.Name) if n.ctx == "load" and n.name in env.globals}
                for sub in meta.find_referenced_templates(ast):
                    if sub is None:
                        self._reads[template] = None
                        return None
                    todo.append(sub)
            self._reads[template] = tuple(sorted(names))
        return self._reads[template]

    def _value(self, value, depth: int = DEPTH) -> bytes:
        """The digest of `value` written out whole: by pickle without its memo (each object
        written where it stands, so equal values write the same bytes whatever they share), types
        exact (a str is not a Markup, a tuple not a list, a date not its text).  A list, tuple or
        dict near the top is written with each item that is not a text, number, truth value or None
        as its own digest, worked out once a build (the pages share the cadres', ledgers' and units'
        rows).  Raises what pickle raises for a value it cannot write."""
        kept = self._values.get(id(value))
        if kept is not None and kept[0] is value:
            return kept[1]
        kind = type(value)
        if depth and (kind is list or kind is tuple or kind is dict):
            down, plain = depth - 1, _PLAIN
            if kind is dict:
                shown = [(k, x if type(x) in plain else self._value(x, down)) for k, x in value.items()]
            else:
                shown = [x if type(x) in plain else self._value(x, down) for x in value]
            digest = self._whole((kind.__name__, shown))
        else:
            digest = self._whole(value)
        self._values[id(value)] = (value, digest)
        return digest

    def _whole(self, value) -> bytes:
        buf, pickler = self._pickler
        buf.seek(0)
        buf.truncate()
        pickler.dump(value)
        return _digest(buf.getbuffer())

    def key(self, env, template: str, slotted: bool, context: dict) -> bytes | None:
        """The page's key: None when it cannot be made (the page is rendered)."""
        names = self.reads(env, template)
        if names is None:
            return None
        h = hashlib.blake2b(self.salt, digest_size=20)
        h.update(f"{template}\0{slotted}\0".encode())
        for name in names:
            if name not in context:
                h.update(f"{name}\0-\0".encode())
                continue
            try:
                digest = self._value(context[name])
            except Exception:  # noqa: BLE001 - a value pickle cannot write: the page is rendered
                return None
            h.update(f"{name}\0".encode())
            h.update(digest)
        return h.digest()

    # ------------------------------------------------------------------
    def kept(self, path: str, key: bytes | None):
        """The last build's note of the page (its slotted Markdown and spans, or None), when its key
        is `key` and its file is the one written then; else False."""
        if key is None:
            return False
        note = self.old.get(path)
        try:
            noted_key, stat, digest, slotted = note
            if noted_key != key:
                return False
            st = os.stat(self.out / path)
            if (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns) != stat:
                return False
            # changed as the note was written: its bytes are compared
            if st.st_ctime_ns >= self.trusted_before and _digest((self.out / path).read_bytes()) != digest:
                return False
        except (OSError, TypeError, ValueError):  # (no note, one of another shape, no file: rendered)
            return False
        self.new[path] = note
        self.reused += 1
        return slotted

    def note(self, path: str, key: bytes | None, data: bytes, slotted) -> None:
        """The page was written (or found the same) in the generated folder: noted under `key`."""
        if key is None:
            return
        try:
            st = os.stat(self.out / path)
        except OSError:
            return
        self.new[path] = (key, (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns), _digest(data), slotted)

    def close(self) -> None:
        """Write the notes (a note that cannot be written costs the next build only time)."""
        self._values.clear()  # (sound: an entry keeps its value alive, so no other object has its id till now)
        if self.new == self.old:
            return
        from generator.files import write_whole

        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.file, marshal.dumps((time.time_ns(), self.new)))
        except (OSError, ValueError):
            pass
