"""Two independent pieces of work at once, on two cores: `both(side, main)`; and writing a file
while this process goes on: `aside(write)`.

`side()` runs in a copy of this process (os.fork: the records already loaded are shared, not
sent) while `main()` runs here; `side`'s result comes back through a pipe (marshalled when it is
plain values, else pickled), with the positions the copy worked out (load.RECALL: so that the
cache keeps them too).  Used by `check` to run the record stages (references, privacy, archive)
beside the policy checks, and the feedback rule beside the others.

It only forks where that is safe and useful: a platform with fork, no other thread in this
process (a fork copies only the calling thread; locks held by others would stay locked in
the copy), and more than one core unless CONTACT_LEDGER_WORKERS says otherwise.  Otherwise,
or when the copy fails in any way, `side()` simply runs here after `main()`, so the results
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
    """(side(), main())."""
    if not _can_fork():
        here = main()
        return side(), here
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        here = main()
        return side(), here
    if pid == 0:  # the copy
        code = 1
        try:
            os.close(read)
            before = set(RECALL.worked)
            result = side()
            worked = {k: v for k, v in RECALL.worked.items() if k not in before}
            try:  # plain values go as marshal (a third of pickle's time for the feedback threads)
                data = b"m" + marshal.dumps((result, worked))
            except ValueError:
                data = b"p" + pickle.dumps((result, worked), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    try:
        here = main()
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read)
        raise
    with os.fdopen(read, "rb") as inp:  # (read after main: the copy waits on a full pipe meanwhile)
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    if status == 0:
        try:
            body = memoryview(data)[1:]
            result, worked = marshal.loads(body) if data[:1] == b"m" else pickle.loads(body)
            RECALL.worked.update(worked)
            return result, here
        except Exception:  # noqa: BLE001 - a cut-off result: done here instead
            pass
    return side(), here


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
