"""The Jinja environment of the site's templates, and the cache of compiled templates."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache


class Env(Environment):
    """`{{ row.name }}` looks the key up first: the context is dicts, and Jinja's default tries the
    attribute first (an AttributeError per cell, a tenth of a large site's rendering)."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


class TemplateCache(FileSystemBytecodeCache):
    """Compiled templates (ours and the theme's), kept beside the records' cache
    (generator.cache.cache_dir): compiling them took a second or two of every build.  Jinja
    keys each entry by the template's source checksum and its own version, so an entry is never
    stale; one that cannot be read or written is ignored, like the records' cache."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))

    @classmethod
    def beside(cls, records: Path) -> "TemplateCache | None":
        from generator.cache import cache_dir

        base = cache_dir(records)
        if base is None:
            return None
        try:
            (base / "templates").mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return cls(base / "templates")

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass
