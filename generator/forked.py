"""Two independent pieces of work at once, on two cores: `both(side, main)`.

`side()` runs in a copy of this process (os.fork: the records already loaded are shared, not
sent) while `main()` runs here; `side`'s result comes back pickled through a pipe, with the
positions the copy worked out (load.RECALL: so that the cache keeps them too).  Used by
`check` to run the record stages (references, privacy, archive) beside the policy checks.

It only forks where that is safe and useful: a platform with fork, no other thread in this
process (a fork copies only the calling thread; locks held by others would stay locked in
the copy), and more than one core unless CONTACT_LEDGER_WORKERS says otherwise.  Otherwise,
or when the copy fails in any way, `side()` simply runs here after `main()`, so the results
are the same either way (tested).  The copy ends with os._exit: it never flushes this
process's buffered output or runs its exit handlers.
"""
from __future__ import annotations

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
            data = pickle.dumps((result, worked), protocol=pickle.HIGHEST_PROTOCOL)
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
            result, worked = pickle.loads(data)
            RECALL.worked.update(worked)
            return result, here
        except Exception:  # noqa: BLE001 - a cut-off result: done here instead
            pass
    return side(), here


def _can_fork() -> bool:
    from generator.cache import workers  # CONTACT_LEDGER_WORKERS, or the cores

    return hasattr(os, "fork") and threading.active_count() == 1 and workers() > 1
