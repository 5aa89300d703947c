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

A command ends once its report is out: the copies still writing its cache files then are not waited
for.  Each holds a lock on a file of its own in the folder it writes to until it is done, and a later
command waits for those locks before it first reads there (`settled`); such a copy's standard streams
are /dev/null, so that the command's caller is not kept waiting on its pipes.
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
    locks = _locked(_HELD)  # (the folders of the writes held for this copy: see `settled`)
    try:
        pid = os.fork()
    except OSError:
        for fd in (queue, said, say, out):
            os.close(fd)
        _removed(locks)
        _unlocked(locks)
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
            _quiet()  # (it may outlive the command: its caller's pipes are not kept open by it)
            os.write(say, b"1")
            code = 0
        finally:
            _done(jobs)  # (this process is not waited for by the one that made it: its locks say when it is done)
            _removed(locks)
            os._exit(code)
    _unlocked(locks)
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
        _removed(locks)
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


_ASIDE: list[int] = []  # copies not yet waited for (`wait`): writing files, or done with their parts
_UNLOCKED: set[int] = set()  # copies writing files of no folder named (aside): waited for at exit
_ORIGIN = os.getpid()  # the process that waits for them (a copy ends with os._exit, waiting for none)

LOCKS = ".writing-"  # the lock files of the copies writing in a folder (settled)
_SETTLED: set = set()  # the folders this process has waited for (settled_once)


def settled(folder) -> None:
    """Wait until the copies still writing files in `folder` are done — those a command left behind it
    when it ended (its report out, the cache files still to write) and any other process's.  Each such
    copy holds an exclusive lock (fcntl.flock) on a file of its own there, `.writing-…`, from before the
    command that made it ended until its last write (`_locked`): a shared lock taken on each waits for it.
    So a later command reads the files it left whole (as every cache file is written: whole or not at
    all), and the newest.  A folder missing or unreadable: nothing to wait for."""
    try:
        names = [name for name in os.listdir(folder) if name.startswith(LOCKS)]
    except OSError:
        return
    for name in names:
        try:
            fd = os.open(os.path.join(folder, name), os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:  # (its copy done: removed)
            continue
        try:
            import fcntl  # (POSIX, as fork: where there is none, no copy made a lock file)

            fcntl.flock(fd, fcntl.LOCK_SH)
        except OSError:
            pass
        finally:
            os.close(fd)


def settled_once(folder) -> None:
    """`settled(folder)` the first time this process reads or writes there (cache.cache_dir), never in a copy
    (its maker has waited already; the locks there since are its maker's own copies', whose files a command
    reads only after `wait`, as before: `chain_rows`, `cache._read_results`)."""
    key = os.fspath(folder)
    if key not in _SETTLED and os.getpid() == _ORIGIN:
        _SETTLED.add(key)
        settled(key)


def _locked(jobs: list) -> list:
    """[(fd, path)]: a lock file of its own made and locked (exclusive) in each folder `jobs` write to, for
    the copy about to be made to do them, which inherits the lock (the same open file): this process closes
    its descriptors once the copy is made (`_unlocked`), never holding a lock while it goes on, and the copy
    removes the files when its writes are done; the lock ends with it, however it ends."""
    locks = []
    for folder in {os.fspath(folder) for _write, folder in jobs if folder is not None}:
        _SETTLED.add(folder)  # (its own copies are waited for by `wait`, not by their locks)
        try:
            os.makedirs(folder, exist_ok=True)
            fd, path = tempfile.mkstemp(dir=folder, prefix=LOCKS)
        except OSError:  # (a folder it cannot write to: the writes fail too)
            continue
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)  # (a file of its own: never waits)
        locks.append((fd, path))
    return locks


def _unlocked(locks: list) -> None:
    """This process's descriptors of `locks` closed (the copy's own still hold them)."""
    for fd, _path in locks:
        os.close(fd)


def _removed(locks: list) -> None:
    """The lock files of `locks` removed: the copy's writes are done (or no copy was made, or it was killed)."""
    for _fd, path in locks:
        try:
            os.unlink(path)
        except OSError:
            pass


def _quiet() -> None:
    """This copy's stdin, stdout and stderr on /dev/null: a copy that outlives the command must not keep its
    caller's pipes open (`$(…)`, subprocess.run(capture_output=True) read until every writer's end is closed)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


_HELD: list = []  # [(write, its folder)] of aside's writes held for the next copy of this process (holding)
_HOLDING = [0]  # how many `holding` blocks this process is in


@contextmanager
def holding(last: bool = False):
    """Within it, a write given to `aside` is held for the next copy this process makes (`shared`,
    `both`), which does it once its parts are done, rather than by a copy of its own: each copy
    made write-protects every page of this process, which then copies each page it writes to
    again (a cold 12k `check` made three copies only to write cache files: ≈20,000 such faults
    after each, ≈0.1 s of CPU a copy with its own copying and its end).  Writes still held at the
    end of the block go aside then, all in one copy (`wait` within the block leaves them held); with
    `last` (a command that ends soon after the block: `check`, its report), they are left for its end
    (`last`), and no copy is made for them then: a cold 12k `check`'s copy writing the chains' rows
    (made after the checks, before the report) was the last process the command waited for, 0.05–0.9 s
    after the report — its fork, the ≈23,000 pages it touched of this process's (the refcounts of the
    rows it wrote), and the report's pages copied again here after it, for ≈0.07 s of writing.  Blocks
    within blocks: the outermost's `last` decides."""
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
            elif not (_can_fork() and _behind(jobs)):
                _done(jobs)


def held() -> bool:
    """Whether writes are held already (within `holding`) for a copy made anyway: a small write is then
    left for this process's end (`last`), while that copy does the big ones."""
    return bool(_HELD) and _HOLDING[0] > 0


_LAST: list = []  # [(write, its folder)] left for this process's end (`last`), while its copies do theirs


def last(write, folder=None) -> None:
    """write() (of a file in `folder`) once this process's work is done: when the command ends, by one copy
    made then that outlives it (`_ending`: a cold 12k `check`'s cadres' results and chains' rows, after its
    report, while the checks' copy writes the load's results and the facts), at `wait` here, or at a build's
    end in one that goes on (`done_last`: mkdocs serve); here and now in a copy."""
    if os.getpid() != _ORIGIN:
        write()
        return
    _LAST.append((write, folder))


def done_last() -> None:
    """The writes `last` holds, done here now (outside `holding`): at `wait`, and at the end of each build of
    a process that goes on after it — `mkdocs serve` (the site's hook, on_post_build) never ends before it
    is stopped, so a cold build's cadres' results were written only then, held meanwhile (and a later
    build's, each), and the next build, finding no file, worked them out again."""
    if _LAST and not _HOLDING[0] and os.getpid() == _ORIGIN:
        jobs = _LAST[:]
        _LAST.clear()
        _done(jobs)


def _done(jobs: list) -> None:
    """Each write of `jobs` ([(write, its folder)]), whatever becomes of the others."""
    for write, _folder in jobs:
        try:
            write()
        except Exception:  # noqa: BLE001 - a cache file not written only costs speed
            pass


def aside(write, folder=None) -> None:
    """write() (of a file in `folder`) in a copy of this process, while this one goes on (a cold 12k run
    writes a 49 MB cache file: 0.5 s it need not wait for).  Where `both` would not fork, or the fork fails,
    write() runs here and now.  The copies are waited for before this process reads a file they may be
    writing (`wait`); a copy given its folder holds a lock there until it is done (`settled`), and the
    command ends without waiting for it (its report out, the next command waits for the files), one given
    none is waited for at the end.  write() must keep to writing files atomically
    (cache.write_cache_file): whatever becomes of the copy, a reader sees the old file or the new one.
    A caller that removes the folder written to calls `wait()` first (ownership.roles_at: records checked
    in a temporary folder, their cache beside them)."""
    if not _can_fork() or os.getpid() != _ORIGIN:  # (a copy's own copy would outlive it, unwaited for)
        write()
        return
    if _HOLDING[0]:
        _HELD.append((write, folder))
        return
    if not _behind([(write, folder)]):
        write()


def _behind(jobs: list) -> bool:
    """Whether a copy of this process was made to do `jobs` ([(write, its folder)]) while this one goes on,
    or ends: locked in their folders (`_locked`), quiet."""
    locks = _locked(jobs)
    try:
        pid = os.fork()
    except OSError:
        _removed(locks)
        _unlocked(locks)
        return False
    if pid == 0:  # the copy
        gc.disable()  # (it lives for its writes only: see `shared`)
        try:
            _quiet()
            _done(jobs)
            _removed(locks)
        finally:
            os._exit(0)
    _unlocked(locks)
    _ASIDE.append(pid)
    if any(folder is None for _write, folder in jobs):
        _UNLOCKED.add(pid)
    return True


def wait() -> None:
    """Wait until every copy started by `aside` has ended (and each write `holding` still holds, or `last`
    leaves, is done here).  Within a `holding` block the held writes stay held: a reader there (the
    chains' rows read before the checks' parts) reads another file than they write — a cache file is
    read before it is written in a run — and doing them here would keep this process from its work."""
    if _HELD and not _HOLDING[0] and os.getpid() == _ORIGIN:
        jobs = _HELD[:]
        _HELD.clear()
        _done(jobs)
    done_last()  # (while the copies write theirs)
    while _ASIDE:
        pid = _ASIDE.pop()
        _UNLOCKED.discard(pid)
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


@atexit.register
def _ending() -> None:
    """At this process's end (a command's, its report out): the writes still held or left for it are done
    by one copy that outlives it, locked in their folders (`_behind`), so that its caller waits for the
    report and the exit status only, and the next command for the files (`settled`); here, where no copy is
    made (one worker, no fork) or a write names no folder.  The copies still writing a folder they hold a
    lock in are not waited for; those given none are."""
    if os.getpid() != _ORIGIN:
        return
    # (not cleared: what the writes hold — the chains' rows, the cadres' results: millions of objects at 12k — is
    # not freed here as the process ends, each refcount written to a page the copy shares: 0.2 s at 12k)
    jobs = _HELD + _LAST
    if jobs and not (_can_fork() and all(folder is not None for _write, folder in jobs) and _behind(jobs)):
        _done(jobs)
    for pid in [pid for pid in _ASIDE if pid in _UNLOCKED]:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _can_fork() -> bool:
    from generator.cache import workers  # CONTACT_LEDGER_WORKERS, or the cores

    return hasattr(os, "fork") and threading.active_count() == 1 and workers() > 1
