"""The feedback chains' rows kept between runs, and put together in their order (feedback.Parts).

What is kept (`Kept`), under the digest of every record file that is not a ledger, --today and
--strict (Context.digest_of_others: nothing is served under another):

- for each ledger, in the record set's order (but those handed in after --today, which
  feedback.Parts leaves out): its name, SHA-256, shown name, whether it has
  errors, and its links (facts.links: what the chains are grouped by);
- for each chain, in the rows' order (oldest first): its place in the order, what it is made of
  (its entries — ledger, item, what it follows — and which is the root's, as one marshal, the
  chain's "signature"), flags (1 overdue, 2 not resolved), and its findings;
- the rows themselves, as the JSON report writes them (report.item), one after another in their
  order, so that a run writes runs of them as they are (report.Raw), from the file mapped, never
  as 13,000 objects.

A run whose changed ledgers' links are as kept (a pull request that edits a ledger's activities,
text or statuses) works out only the chains those ledgers are in (found by their names in the
signatures); any other run groups the chains again (feedback.chains_of) and keeps each whose
signature is the kept one and whose ledgers did not change.

The main file (the index, then the rows) is written again when a ledger was added or removed,
or many rows changed; otherwise a small delta beside it holds the chains' index, the ledgers that changed and the rows not in the
main file, and names the main file it goes with (a random id in its header): a delta beside
another main file is not used.  Both are only ever replaced, never changed in place
(cache.write_cache_file)."""
from __future__ import annotations

import marshal
import mmap
import os
import struct
from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import add
from pathlib import Path

import orjson

from generator import forked
from generator.cache import cache_file, read_cache_file, remove_cache_file, write_cache_file, written
from generator.report import ITEM_SEP as SEP

_HEAD = struct.Struct("<8s16sQ")  # magic, the main file's id, the index's length
_MAGIC = b"CLROWS2\n"
DELTA_MAX = 1 << 20  # bytes of rows not in the main file beyond which it is written again (or 1/8 of its rows)
_PER_LEDGER = ("shas", "files", "links")


class Kept:
    """What the last run kept for this context (else nothing).  Per ledger (`rels`): `shas`,
    `files`, `invalid` (one byte each), `links` (their marshal; None: none).  Per chain, in the
    rows' order (`keys`: raised on, NUL, root): `sigs` (the signatures one after another;
    `sig_lens`), `flags` (one byte each), `spans` (where each row is: start, end in the main
    file's rows; start < 0: extra[-start - 1]), `breaks` (the places whose row does not follow the
    one before in the main file); `extra` (rows not in the main file), `found` (findings by root),
    `counts` (overdue, not resolved)."""

    def __init__(self, records: Path, context: str | None):
        where = cache_file(records) if context else None
        self.path = where.with_suffix(".chains") if where else None
        self.delta_path = where.with_suffix(".chains-delta") if where else None
        self.context = context
        self.main_id, self.blob, self.base, self.main = b"", None, 0, {}
        self.patched: set = set()  # the ledgers' places the delta changed
        index = self._read() if self.path else None
        if not index or index.get("context") != context:
            index = {}
        self.rels: list = index.get("rels", [])
        self.shas: list = index.get("shas", [])
        self.files: list = index.get("files", [])
        self.invalid: bytes = index.get("invalid", b"")
        self.links: list = index.get("links", [])
        self.keys: list = index.get("keys", [])
        self.sigs: bytes = index.get("sigs", b"")
        self.sig_lens = array("I", index.get("sig_lens", b""))
        self.sig_at = list(accumulate(self.sig_lens, initial=0))
        self.flags: bytes = index.get("flags", b"")
        self.spans = array("q", index.get("spans", b""))
        self.breaks = array("q", index.get("breaks", b""))
        self.extra: list = index.get("extra", [])
        self.found: dict = index.get("found", {})
        self.counts: tuple = index.get("counts", (0, 0))

    def _read(self) -> dict | None:
        forked.wait()  # (a copy of this process may be writing them)
        try:
            with open(self.path, "rb") as fh:
                self.blob = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            magic, main_id, length = _HEAD.unpack_from(self.blob, 0)
            if magic != _MAGIC:
                raise ValueError(magic)
            with memoryview(self.blob)[_HEAD.size:_HEAD.size + length] as view:
                index = marshal.loads(view)
            if not _whole(index) or not all(len(index[k]) == len(index["rels"]) for k in (*_PER_LEDGER, "invalid")):
                raise ValueError("index")
        except Exception:  # noqa: BLE001 - missing, empty, cut short, another format: nothing kept
            self.blob = None
            return None
        self.main_id, self.base, self.main = main_id, _HEAD.size + length, index
        delta = read_cache_file(self.delta_path)
        if delta.get("main") != main_id or delta.get("context") != index["context"] or not _whole(delta):
            return index
        shas, files, links = (list(index[k]) for k in _PER_LEDGER)
        invalid = bytearray(index["invalid"])
        try:
            for i, (sha, file, bad, linked) in delta["patch"].items():
                shas[i], files[i], invalid[i], links[i] = sha, file, bad, linked
        except (TypeError, ValueError, IndexError):  # (not a delta this module wrote)
            return index
        self.patched = set(delta["patch"])
        return {**delta, "rels": index["rels"], "shas": shas, "files": files, "links": links,
                "invalid": bytes(invalid)}

    def sig(self, j: int) -> bytes:
        return self.sigs[self.sig_at[j]:self.sig_at[j + 1]]

    def root(self, j: int) -> str:
        return self.keys[j].partition("\0")[2]

    def chains_in(self, rel: str) -> list[int]:
        """The places of the chains with an entry in the ledger `rel`: its name is in their
        signatures as marshal writes it (the first time in each), found in C, then checked."""
        needle, out, at, sigs, sig_at = rel.encode("utf-8", "surrogatepass"), [], -1, self.sigs, self.sig_at
        while (at := sigs.find(needle, at + 1)) >= 0:
            j = bisect_right(sig_at, at) - 1
            if any(entry[0] == rel for entry in marshal.loads(self.sig(j))[0]):
                out.append(j)
            at = sig_at[j + 1] - 1
        return out

    def rows(self, order: list) -> list:
        """The rows of `order` (each a range of kept rows' places, or a new row as (row, signature,
        flags): the row as bytes, or as its values where orjson refused it) as pieces: rows next
        to each other in the main file as one piece, a view of the file mapped (never read one
        by one, nor copied: the JSON report writes them as they are, report.write_json)."""
        pieces, breaks = [], self.breaks
        blob, base = (memoryview(self.blob), self.base) if self.blob is not None else (None, 0)
        starts, ends, extra = self.spans[0::2], self.spans[1::2], self.extra
        for ref in order:
            if type(ref) is not range:
                pieces.append(ref[0])
                continue
            cuts = [ref.start, *breaks[bisect_right(breaks, ref.start):bisect_left(breaks, ref.stop)], ref.stop]
            for a, b in zip(cuts, cuts[1:]):
                start = starts[a]
                pieces.append(extra[-start - 1] if start < 0 else blob[base + start:base + ends[b - 1]])
        return pieces

    def save(self, ledgers, modified: list, keys: list, order: list, pieces: list, found: dict,
             counts: tuple) -> None:
        """Keep `ledgers()` (rels, shas, files, invalid, links, as this object holds them; `modified`:
        the places that may not be as read), and the chains of `order` (as `rows` takes them;
        `pieces`: what it gave) in the order of `keys`: as a delta beside the main file when the
        ledgers are the main file's and few of them and of the rows changed, else as a main file."""
        if not self.path:
            return
        if self.blob is None:  # (nothing kept: every row of `order` is new, and the main file is written)
            def index() -> tuple[dict, list]:  # (a cold 12k run's 13,336 rows: made by the copy writing them)
                rows, sigs, flags = zip(*order) if order else ((), (), ())
                return {"context": self.context, "keys": keys, "sigs": b"".join(sigs),
                        "sig_lens": array("I", map(len, sigs)).tobytes(), "flags": bytes(flags), "found": found,
                        "counts": counts}, list(map(len, rows))
            self._write_main(index, ledgers, keys, pieces)
            return
        sigs, lens, flags = [], array("I"), bytearray()
        spans, breaks, extra, at = array("q"), array("q"), list(self.extra), 0
        for ref in order:
            breaks.append(at)
            if type(ref) is range:
                a, b = ref.start, ref.stop
                sigs.append(self.sigs[self.sig_at[a]:self.sig_at[b]])
                lens += self.sig_lens[a:b]
                flags += self.flags[a:b]
                spans += self.spans[2 * a:2 * b]
                breaks.extend(at + c - a for c in self.breaks[bisect_right(self.breaks, a):bisect_left(self.breaks, b)])
                at += b - a
            else:
                row, sig, flag = ref
                sigs.append(sig)
                lens.append(len(sig))
                flags.append(flag)
                extra.append(row)  # (rows no longer in the order stay until the main file is written)
                spans.extend((-len(extra), 0))
                at += 1
        index = {"context": self.context, "keys": keys, "sigs": b"".join(sigs), "sig_lens": lens.tobytes(),
                 "flags": bytes(flags), "found": found, "counts": counts}
        now = rels, shas, files, invalid, links = ledgers()
        main = self.main
        if rels == main["rels"]:
            patch = {}
            for i in self.patched.union(modified):
                held = (shas[i], files[i], invalid[i], links[i])  # (not `now`: the ledgers the main file is written with)
                if held != (main["shas"][i], main["files"][i], main["invalid"][i], main["links"][i]):
                    patch[i] = held
            if len(patch) <= max(64, len(rels) // 8) \
                    and sum(map(len, extra)) <= max(DELTA_MAX, (len(self.blob) - self.base) // 8):
                write_cache_file(self.delta_path, {**index, "main": self.main_id, "patch": patch, "extra": extra,
                                                   "spans": spans.tobytes(), "breaks": breaks.tobytes()})
                return
        lengths = [end - start if start >= 0 else len(extra[-start - 1]) for start, end in zip(spans[0::2], spans[1::2])]
        self._write_main(lambda: (index, lengths), lambda: now, keys, pieces)

    def _write_main(self, made, ledgers, keys: list, pieces: list) -> None:
        """Write the main file: the index `made()` gives with `ledgers()`, then the rows of `pieces` (of the
        lengths `made()` gives, in order) one after another (by a copy of this process when they are many:
        cache.written, which then works out the index too)."""
        path, delta_path = self.path, self.delta_path

        def write() -> None:
            index, lengths = made()
            rels, shas, files, invalid, links = ledgers()
            index.update(rels=rels, shas=shas, files=files, invalid=invalid, links=links, spans=_spans(lengths),
                         extra=[], breaks=array("q", [0] if keys else []).tobytes())
            head = marshal.dumps(index)
            rows = [SEP] * (2 * len(pieces) - 1) if pieces else []
            rows[0::2] = pieces  # (written one after the other: not joined into one bytes, 22 MB at 12k)
            write_cache_file(path, [_HEAD.pack(_MAGIC, os.urandom(16), len(head)), head, *rows], raw=True)
            remove_cache_file(delta_path)
        written(write, len(keys), path)


def _spans(lengths: list) -> bytes:
    """(start, end) of each row, of the rows of `lengths` joined by SEP (the main file's spans)."""
    out = array("q", bytes(16 * len(lengths)))
    if lengths:
        starts = array("q", accumulate([n + len(SEP) for n in lengths[:-1]], initial=0))
        out[0::2] = starts
        out[1::2] = array("q", map(add, starts, lengths))
    return out.tobytes()


def _whole(index) -> bool:
    """Whether an index's per-chain parts agree (else it is not used)."""
    try:
        n = len(index["keys"])
        return (len(index["spans"]) == 16 * n and len(index["sig_lens"]) == 4 * n and len(index["flags"]) == n
                and sum(array("I", index["sig_lens"])) == len(index["sigs"]))
    except Exception:  # noqa: BLE001
        return False


def parsed(pieces: list) -> list:
    """The rows of `Kept.rows`'s pieces as values."""
    out = []
    for piece in pieces:
        if type(piece) is dict:
            out.append(piece)
        else:
            out.extend(orjson.loads(b"[" + piece + b"]"))
    return out
