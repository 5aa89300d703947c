"""A file written whole or not at all: every command that writes records, CODEOWNERS, the web
form's files, an archive, a reminder's body, and the site's downloads."""
from __future__ import annotations

import errno
import os
from pathlib import Path


def write_whole(path: Path, data: bytes | Path, new: bool = False) -> None:
    """Write `data` (bytes, or the file at that path, copied) to a file beside `path`, then put
    it in `path`'s place (os.replace): a reader sees the old bytes or the new, never half; a file
    there keeps its permissions.  `new`: `path` must not exist, not even when made meanwhile by
    another program (os.link; FileExistsError), so a run killed at any moment leaves no file there
    or the whole.  A symbolic link at `path` stays: the file it names is written (a CODEOWNERS
    linked to .github/CODEOWNERS).  On failure the file beside it is removed and the error raised."""
    if not new and path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if isinstance(data, Path):
            import shutil

            shutil.copyfile(data, tmp)
        else:
            tmp.write_bytes(data)
        if new:
            _link(tmp, path)
            tmp.unlink(missing_ok=True)
            return
        if path.is_file():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def write_parts(fd: int, parts: list) -> None:
    """The bytes of `parts` (bytes, or views of them), one after the other, to the file descriptor `fd`: by
    os.writev, as many a call as the system takes (a cold 12k check's 13,336 rows: 27 calls), not joined
    into one bytes first (22 MB copied, ≈5,400 pages of new memory) nor copied through a buffer; one write
    each where there is no writev."""
    if not hasattr(os, "writev"):
        for part in parts:
            view = memoryview(part)
            while view:
                view = view[os.write(fd, view):]
        return
    at = 0
    while at < len(parts):
        batch = parts[at:at + _IOV_MAX]
        done = os.writev(fd, batch)
        if done == sum(map(len, batch)):  # (all of them, as nearly always: not told part by part, ≈5 ms a call)
            at += len(batch)
            continue
        while at < len(parts) and done >= len(parts[at]):  # (the parts written whole)
            done -= len(parts[at])
            at += 1
        if done:  # (a part written in part: a pipe's reader slower than this process, a signal)
            parts[at] = memoryview(parts[at])[done:]


_IOV_MAX = os.sysconf("SC_IOV_MAX") if hasattr(os, "sysconf") and "SC_IOV_MAX" in os.sysconf_names else 16


def _link(tmp: Path, path: Path) -> None:
    """`tmp` also at `path`, which must not exist; where the file system has no hard links (FAT, some
    network drives), os.replace after a last look (a program making `path` just then is overwritten)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.replace(tmp, path)


class Unwritten(Exception):
    """Writing several files stopped at `path` (`reason`: the system's words): the files of
    `written` are whole and new, those of `unwritten` (`path` first) as they were."""

    def __init__(self, path: Path, reason: str, written: list[Path], unwritten: list[Path]):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason, self.written, self.unwritten = path, reason, written, unwritten


def write_files(writes: dict[Path, bytes | Path], new: bool = False) -> None:
    """write_whole each of `writes` in order (`new`: none may exist yet); the first that fails
    raises Unwritten (from FileExistsError when a `new` one exists)."""
    done: list[Path] = []
    for path, data in writes.items():
        try:
            write_whole(path, data, new)
        except OSError as exc:
            raise Unwritten(path, exc.strerror or type(exc).__name__, done,
                            [p for p in writes if p not in done]) from exc
        done.append(path)
