"""Two independent pieces of work at once, on two cores: `both(side, main)`; many parts of one
piece of work shared by two processes while one of them does another (`shared`); and writing a
file while this process goes on: `aside(write)`.

`side()` runs in a copy of this process (os.fork: the records already loaded are shared, not
sent) while `main()` runs here; `side`'s result comes back through a pipe (marshalled when it is
plain values, else pickled), with the positions the copy worked out (load.RECALL: so that the
cache keeps them too).  Used by `check` to run the record stages (references, privacy, archive)
beside the policy checks, and the feedback chains' parts beside the other rules.

It only forks where that is safe and useful: a platform with fork, no other thread in this
process (a fork copies only the calling thread; locks held by others would stay locked in
the copy), and more than one core unless CONTACT_LEDGER_WORKERS says otherwise.  Otherwise,
or when the copy fails in any way, `side()` (a part) simply runs here after `main()`, so the results
are the same either way (tested).  The copy ends with os._exit: it never flushes this
process's buffered output or runs its exit handlers.
"""
from __future__ import annotations

import atexit
import marshal
import os
import pickle
import signal
import threading

from generator.load import RECALL


def both(side, main):
    """(side(), main()): side() in a copy of this process while main() runs here."""
    here, (result,) = shared(1, lambda _k: side(), main)
    return result, here


MAX_PARTS = 4096  # (the queue is written whole before the fork: 2 bytes a part, within a pipe's 64 KiB)


def shared(parts: int, work, main) -> tuple:
    """(main(), [work(k) for k in range(parts)]).  A copy of this process takes parts from a
    queue at once, and this process takes the rest once main() is done: so neither waits for the
    other longer than about one part.  work(k) must give the same in either process.  The queue
    is a pipe holding the parts' numbers, read 2 bytes at a time by both (a pipe's read is
    atomic): each part is taken once.  A part the copy took but did not send back (it failed)
    is worked out here."""
    if not 0 < parts <= MAX_PARTS or not _can_fork():
        here = main()
        return here, [work(k) for k in range(parts)]
    queue, fill = os.pipe()
    os.write(fill, b"".join(k.to_bytes(2, "little") for k in range(parts)))
    os.close(fill)  # (so that an empty queue reads as its end)
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        for fd in (queue, read, write):
            os.close(fd)
        here = main()
        return here, [work(k) for k in range(parts)]
    if pid == 0:  # the copy
        code = 1
        try:
            os.close(read)
            before = set(RECALL.worked)
            done = _take(queue, lambda k: _packed(work(k)))  # (each part packed as soon as it is done)
            worked = {k: v for k, v in RECALL.worked.items() if k not in before}
            data = marshal.dumps((done, worked))
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        here = main()
        results = _take(queue, work)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        raise
    finally:
        os.close(queue)
    with os.fdopen(read, "rb") as inp:  # (read after main: the copy waits on a full pipe meanwhile)
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            done, worked = marshal.loads(data)
            RECALL.worked.update(worked)
            results.update((k, _unpacked(v)) for k, v in done.items())
        except Exception:  # noqa: BLE001 - a cut-off result: its parts are worked out here
            pass
    return here, [results[k] if k in results else work(k) for k in range(parts)]


def _packed(value) -> bytes:
    """Plain values as marshal (a third of pickle's time for the feedback chains), else pickled."""
    try:
        return b"m" + marshal.dumps(value)
    except ValueError:
        return b"p" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _unpacked(data: bytes):
    body = memoryview(data)[1:]
    return marshal.loads(body) if data[:1] == b"m" else pickle.loads(body)


def _take(queue: int, work) -> dict:
    """{part: work(part)} for each part this process takes from the queue, until it is empty."""
    done = {}
    while token := os.read(queue, 2):
        k = int.from_bytes(token, "little")
        done[k] = work(k)
    return done


_ASIDE: list[int] = []  # the copies writing files, not yet waited for (all of them at exit)


def aside(write) -> None:
    """write() in a copy of this process, while this one goes on (a cold 12k run writes a 49 MB
    cache file: 0.5 s it need not wait for).  Where `both` would not fork, or the fork fails,
    write() runs here and now.  The copies are waited for before this process ends (atexit),
    and before it reads a file they may be writing (`wait`): so every command still leaves its
    files written when it ends, and the next one reads them.  write() must keep to writing
    files atomically (cache._write_cache): whatever becomes of the copy, a reader sees the old
    file or the new one.  A caller that removes the folder written to calls `wait()` first
    (ownership.roles_at: records checked in a temporary folder, their cache beside them)."""
    if not _can_fork():
        write()
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
    """Wait until every copy started by `aside` has ended."""
    while _ASIDE:
        pid = _ASIDE.pop()
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _can_fork() -> bool:
    from generator.cache import workers  # CONTACT_LEDGER_WORKERS, or the cores

    return hasattr(os, "fork") and threading.active_count() == 1 and workers() > 1
