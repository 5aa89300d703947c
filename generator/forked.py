"""Two independent pieces of work at once, on two cores: `both(side, main)`; many parts of one
piece of work shared by two processes while one of them does another (`shared`); and writing a
file while this process goes on: `aside(write)`.

`side()` runs in a copy of this process (os.fork: the records already loaded are shared, not
sent) while `main()` runs here; `side`'s result comes back through a file in memory (marshalled
when it is plain values, else pickled), with the positions the copy worked out (load.RECALL: so
that the cache keeps them too).  Used by `check` to run the record stages (references, privacy,
archive) beside the policy checks, and the feedback chains' parts beside the other rules; and by
the loader, to share the files it has to parse (cache._parse_many).

It only forks where that is safe and useful: a platform with fork, no other thread in this
process (a fork copies only the calling thread; locks held by others would stay locked in
the copy), and more than one core unless CONTACT_LEDGER_WORKERS says otherwise.  Otherwise,
or when the copy fails in any way, `side()` (each part) simply runs here after `main()`, so the
results are the same either way (tested).  The copy ends with os._exit: it never flushes this
process's buffered output or runs its exit handlers.
"""
from __future__ import annotations

import atexit
import gc
from contextlib import contextmanager
import marshal
import os
import signal
import struct
import tempfile
import threading

from generator.load import RECALL


def both(side, main, joined: bool = False):
    """(side(), main()): side() in a copy of this process while main() runs here.  `joined`: main() is to
    make a copy of its own soon (shared: a cold `check`'s parts): side() is then that copy's first part, not
    the work of a copy made for it alone (each copy costs this process its pages again, ≈20,000 faults at 12k,
    and itself its start and end); where main() makes none, side() runs here once main() is done."""
    if not joined or not _can_fork():
        here, (result,) = shared(1, lambda _k: side(), main)
        return result, here
    held = [side, _NOT_DONE]
    _SIDES.append(held)
    try:
        here = main()
    finally:
        if held in _SIDES:
            _SIDES.remove(held)
    return (side() if held[1] is _NOT_DONE else held[1]), here


_SIDES: list = []  # [side, its result] of both(joined=True), held for the next copy made (shared)
_NOT_DONE = object()


MAX_PARTS = 4096  # (the queue is written whole before the fork: 2 bytes a part, within a pipe's 64 KiB)


def shared(parts: int, work, main, send=None) -> tuple:
    """(main(), [work(k) for k in range(parts)]).  A copy of this process takes parts from a
    queue at once, and this process takes the rest once main() is done: so neither waits for the
    other longer than about one part.  work(k) must give the same in either process; `send`
    (a function of a result, or None) is what the copy sends of each result instead of the result
    itself (the loader's: its values once, as the marshal it made of them — cache._sent).

    The queue is a pipe holding the parts' numbers, read 2 bytes at a time by both (a pipe's read
    is atomic): each part is taken once.  The copy writes each part's result to a file in memory
    as soon as it is done, and this process reads them from there between its own parts (so that
    little is left to read at the end), then once the copy says it is done; it never waits for
    the copy to exit (reaped later: `wait`).  A part the copy took but did not write (it failed)
    is worked out here."""
    sides = _SIDES[:] if send is None else []  # (both's sides held for this copy: its first parts)
    if not 0 < parts + len(sides) <= MAX_PARTS or not _can_fork():
        here = main()
        return here, [work(k) for k in range(parts)]
    del _SIDES[:len(sides)]
    if sides:
        work = _with_sides(work, parts, sides)
    queue, fill = os.pipe()
    os.write(fill, b"".join(k.to_bytes(2, "little") for k in [*range(parts, parts + len(sides)), *range(parts)]))
    os.close(fill)  # (so that an empty queue reads as its end)
    said, say = os.pipe()  # the copy writes one byte there when it is done
    out = _scratch()
    try:
        pid = os.fork()
    except OSError:
        for fd in (queue, said, say, out):
            os.close(fd)
        here = main()
        return here, [work(k) for k in range(parts)]
    jobs = _HELD[:]  # (aside's writes held for this copy: done by it once its parts are)
    _HELD.clear()
    if pid == 0:  # the copy
        code = 1
        try:
            # No cycle collection in the copy: it lives for one piece of work and ends with
            # os._exit, and a collection walks every object it has made so far, again and again
            # (the references of 12k ledgers: ≈40 ms of a pull request's critical path).
            gc.disable()
            os.close(said)
            before = set(RECALL.worked)
            while token := os.read(queue, 2):
                k = int.from_bytes(token, "little")
                _write_frame(out, k, _packed(work(k) if send is None else send(work(k))))
            _write_frame(out, _WORKED, _packed({k: v for k, v in RECALL.worked.items() if k not in before}))
            os.write(say, b"1")
            code = 0
        finally:
            _done(jobs)  # (this process is not waited for by the one that made it, until that one ends)
            os._exit(code)
    os.close(say)
    frames, results = _Frames(out), {}
    try:
        here = main()
        while token := os.read(queue, 2):
            frames.read(results)  # (the copy's parts done so far)
            k = int.from_bytes(token, "little")
            results[k] = work(k)
        os.read(said, 1)  # the copy is done (b"1"), or has ended without saying so (b"")
        frames.read(results)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        for fd in (queue, said, out):
            os.close(fd)
    _ASIDE.append(pid)  # (ending a copy takes the kernel 5–15 ms at 12k: not waited for here)
    for k, held in enumerate(sides, parts):
        held[1] = results[k] if k in results else work(k)
    return here, [results[k] if k in results else work(k) for k in range(parts)]


def _with_sides(work, parts: int, sides: list):
    """work(k) of a part k < parts, else the held side k - parts (both)."""
    def run(k: int):
        return work(k) if k < parts else sides[k - parts][0]()
    return run


_WORKED = 0xFFFF  # the frame of the positions the copy worked out (load.RECALL: so that the cache keeps them)
_FRAME = struct.Struct("<IH")  # a frame's length and part


def _scratch() -> int:
    """A file in memory (or, where there is none, an unnamed temporary file)."""
    if hasattr(os, "memfd_create"):
        return os.memfd_create("contact-ledger-parts")
    with tempfile.TemporaryFile() as f:
        return os.dup(f.fileno())


def _write_frame(fd: int, k: int, data: bytes) -> None:
    view = memoryview(_FRAME.pack(len(data), k) + data)
    while view:
        view = view[os.write(fd, view):]


class _Frames:
    """The frames the copy has written whole so far, read once each, from where the last ended."""

    def __init__(self, fd: int):
        self.fd, self.at = fd, 0

    def read(self, results: dict) -> None:
        size = os.fstat(self.fd).st_size
        while self.at + _FRAME.size <= size:
            length, k = _FRAME.unpack(os.pread(self.fd, _FRAME.size, self.at))
            if self.at + _FRAME.size + length > size:
                return  # (still being written)
            data = os.pread(self.fd, length, self.at + _FRAME.size)
            self.at += _FRAME.size + length
            try:
                value = _unpacked(data)
            except Exception:  # noqa: BLE001 - a damaged part: worked out here
                continue
            if k == _WORKED:
                RECALL.worked.update(value)
            else:
                results[k] = value


def _packed(value) -> bytes:
    """Plain values as marshal (a third of pickle's time for the feedback chains), else pickled."""
    try:
        return b"m" + marshal.dumps(value)
    except ValueError:
        import pickle  # (rarely needed: its import took ≈2 ms of every command's start)

        return b"p" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(data: bytes):
    body = memoryview(data)[1:]
    if data[:1] == b"m":
        return marshal.loads(body)
    import pickle

    return pickle.loads(body)


_ASIDE: list[int] = []  # copies not yet waited for: writing files, or done with their parts (all at exit)
_ORIGIN = os.getpid()  # the process that waits for them (a copy ends with os._exit, waiting for none)


_HELD: list = []  # aside's writes held for the next copy of this process (holding)
_HOLDING = [0]  # how many `holding` blocks this process is in


@contextmanager
def holding(last: bool = False):
    """Within it, a write given to `aside` is held for the next copy this process makes (`shared`,
    `both`), which does it once its parts are done, rather than by a copy of its own: each copy
    made write-protects every page of this process, which then copies each page it writes to
    again (a cold 12k `check` made three copies only to write cache files: ≈20,000 such faults
    after each, ≈0.1 s of CPU a copy with its own copying and its end).  Writes still held at the
    end of the block go aside then, all in one copy (`wait` within the block leaves them held); with
    `last` (a command that ends soon after the block: `check`, its report), they are done by this
    process once its work is done (`last`), and no copy is made for them: a cold 12k `check`'s copy
    writing the chains' rows (made after the checks, before the report) was the last process the
    command waited for, 0.05–0.9 s after the report — its fork, the ≈23,000 pages it touched of this
    process's (the refcounts of the rows it wrote), and the report's pages copied again here after it,
    for ≈0.07 s of writing.  Blocks within blocks: the outermost's `last` decides."""
    _HOLDING[0] += 1
    try:
        yield
    finally:
        _HOLDING[0] -= 1
        if not _HOLDING[0] and _HELD:
            jobs = _HELD[:]
            _HELD.clear()
            if last:
                _LAST.extend(jobs)
            else:
                aside(lambda: _done(jobs))


def held() -> bool:
    """Whether writes are held already (within `holding`) for a copy made anyway: a small write is then
    done by this process once its work is done (`last`), while that copy does the big ones."""
    return bool(_HELD) and _HOLDING[0] > 0


_LAST: list = []  # writes this process does once its work is done (`wait`), while its copies do theirs


def last(write) -> None:
    """write() by this process once its work is done — at `wait`, when the command ends, or at a build's end
    in one that goes on (`done_last`: mkdocs serve) — while the copies
    it made write the files they were given (a cold 12k `check`: the cadres' results and the chains' rows,
    after its report, while the checks' copy writes the load's results and the facts); here and now in a copy."""
    if os.getpid() != _ORIGIN:
        write()
        return
    _LAST.append(write)


def done_last() -> None:
    """The writes `last` holds, done here now (outside `holding`): at `wait`, and at the end of each build of
    a process that goes on after it — `mkdocs serve` (the site's hook, on_post_build) never reaches `wait`
    before it is stopped, so a cold build's cadres' results were written only then, held meanwhile (and a
    later build's, each), and the next build, finding no file, worked them out again."""
    if _LAST and not _HOLDING[0] and os.getpid() == _ORIGIN:
        jobs = _LAST[:]
        _LAST.clear()
        _done(jobs)


def _done(jobs: list) -> None:
    """Each write of `jobs`, whatever becomes of the others."""
    for write in jobs:
        try:
            write()
        except Exception:  # noqa: BLE001 - a cache file not written only costs speed
            pass


def aside(write) -> None:
    """write() in a copy of this process, while this one goes on (a cold 12k run writes a 49 MB
    cache file: 0.5 s it need not wait for).  Where `both` would not fork, or the fork fails,
    write() runs here and now.  The copies are waited for before this process ends (atexit),
    and before it reads a file they may be writing (`wait`): so every command still leaves its
    files written when it ends, and the next one reads them.  write() must keep to writing
    files atomically (cache.write_cache_file): whatever becomes of the copy, a reader sees the old
    file or the new one.  A caller that removes the folder written to calls `wait()` first
    (ownership.roles_at: records checked in a temporary folder, their cache beside them)."""
    if not _can_fork() or os.getpid() != _ORIGIN:  # (a copy's own copy would outlive it, unwaited for)
        write()
        return
    if _HOLDING[0]:
        _HELD.append(write)
        return
    try:
        pid = os.fork()
    except OSError:
        write()
        return
    if pid == 0:  # the copy
        code = 1
        try:
            write()
            code = 0
        finally:
            os._exit(code)
    _ASIDE.append(pid)


@atexit.register
def wait() -> None:
    """Wait until every copy started by `aside` has ended (and, at the end, each write `holding` still
    holds is done here).  Within a `holding` block the held writes stay held: a reader there (the
    chains' rows read before the checks' parts) reads another file than they write — a cache file is
    read before it is written in a run — and doing them here would keep this process from its work."""
    if _HELD and not _HOLDING[0] and os.getpid() == _ORIGIN:
        jobs = _HELD[:]
        _HELD.clear()
        _done(jobs)
    done_last()  # (while the copies write theirs)
    while _ASIDE:
        pid = _ASIDE.pop()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _can_fork() -> bool:
    from generator.cache import workers  # CONTACT_LEDGER_WORKERS, or the cores

    return hasattr(os, "fork") and threading.active_count() == 1 and workers() > 1
