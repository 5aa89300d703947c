"""The search index made by a second process during `mkdocs build` and each rebuild of `mkdocs serve`.

Material's search plugin indexes each page when MkDocs renders it (its HTML parser over the
page, jieba over every run of Han characters): at 12,000 ledgers some 4–5 s of the one busy
process, and loading jieba's dictionary another second.  During a build the MkDocs hook
puts `Aside` in place of the plugin's index: each page's content, table of contents, URL, title
and meta go to a new Python process (`python -m generator.site.search_aside`) that runs
Material's own `SearchIndex` on them, with the same jieba dictionaries, and sends the entries
back when the plugin writes the index.  So the index is the one the plugin would have made
(tested byte for byte); the main process no longer loads jieba at all.  If that process fails,
writing the index raises SearchFailed (the hook fails the build with a message).

Each page goes as soon as its content is made (`page_made`, from the hook's on_page_content),
not when the plugin indexes it (on_page_context, once every page is read): the helper then
indexes while MkDocs still reads pages, and the build no longer waits for it at the end.  When
the plugin indexes the page, the helper is told to use what it made of it (or, if the page
changed since, sent it again); the index holds the pages in the plugin's order, and only those
the plugin indexed.
"""
from __future__ import annotations

import logging
import os
import pickle
import queue
import sys
import threading
from dataclasses import dataclass, field

from generator.site import helper_process


class SearchFailed(helper_process.HelperFailed):
    what_zh, what_en = "搜索索引", "search index"


@dataclass
class PageForIndex:
    """What Material's SearchIndex.add_entry_from_context reads of a page."""
    url: str
    title: str
    content: str
    toc: object
    meta: dict = field(default_factory=dict)


class Aside:
    """Stands for the search plugin's SearchIndex (`plugin.search_index`) during a build."""

    def __init__(self, index, jieba_dict: str | None, jieba_dict_user: str | None):
        self.index = index  # the plugin's own: it writes the entries sent back
        self.proc = helper_process.start("generator.site.search_aside", read_back=True)
        self.pages: queue.SimpleQueue = queue.SimpleQueue()
        self.result: list[bytes] = []
        self.threads: list[threading.Thread] = []  # started with the first page: until then this
        self.begun = False  # process has one thread (forked.both)
        self.settings = (index.config, jieba_dict, jieba_dict_user)
        self.early: dict[int, tuple[int, PageForIndex]] = {}  # id(page) → (number, what was sent)
        self.sent_early = 0

    def begin(self) -> None:
        """Send the index's settings (a few hundred bytes: the pipe takes them at once), so that the
        helper loads jieba now, not after the first page indexed.  The hook calls this once the
        pages are made (on_nav): jieba's 80 MB then come after the build's peak of memory,
        on the second core, which is idle while MkDocs reads the pages."""
        if self.begun:
            return
        self.begun = True
        try:
            self.proc.stdin.write(pickle.dumps(self.settings, protocol=pickle.HIGHEST_PROTOCOL))
            self.proc.stdin.flush()
        except OSError:  # the process is gone: generate_search_index reports it
            pass

    def _start(self) -> None:
        self.begin()
        if not self.threads:
            self.threads = [threading.Thread(target=self._send, daemon=True),
                            threading.Thread(target=self._receive, daemon=True)]
            for thread in self.threads:
                thread.start()

    def page_made(self, page, content: str) -> None:
        """Send a page whose content is made (before MkDocs sets page.content to `content`)."""
        self._start()
        lite, number = _lite(page, content), self.sent_early
        self.sent_early += 1
        self.early[id(page)] = (number, lite)
        self._put(("early", number, lite))

    def add_entry_from_context(self, page) -> None:
        """What the plugin calls for each page it indexes."""
        self._start()
        lite = _lite(page, page.content)
        number, sent = self.early.pop(id(page), (None, None))
        self._put(("use", number, None) if sent == lite else ("page", None, lite))

    def _put(self, message: tuple) -> None:
        self.pages.put(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))

    def generate_search_index(self, prev) -> str:
        self._start()
        self.pages.put(None)
        for thread in self.threads:
            thread.join()
        if self.proc.wait() != 0 or not self.result:
            raise SearchFailed(self.proc.returncode)
        self.index.entries = pickle.loads(self.result[0])
        return self.index.generate_search_index(prev)

    def _send(self) -> None:
        try:
            with self.proc.stdin as pipe:
                while (data := self.pages.get()) is not None:
                    pipe.write(data)
        except OSError:  # the process is gone: generate_search_index reports it
            pass

    def _receive(self) -> None:
        self.result.append(self.proc.stdout.read())


def _lite(page, content: str) -> PageForIndex:
    meta = page.meta or {}
    return PageForIndex(page.url, str(page.title), content, page.toc,
                        {k: meta[k] for k in ("search", "title", "tags") if k in meta})


def take_jieba(search) -> tuple | None:
    """The search plugin's jieba dictionaries, taken from its settings (so that it does not load
    jieba itself) when its index can be made aside; None when it cannot (no plugin, search off,
    a dictionary missing: the plugin reports that)."""
    if search is None or not search.config.get("enabled", True):
        return None
    dictionaries = (search.config.get("jieba_dict"), search.config.get("jieba_dict_user"))
    if not all(os.path.isfile(os.path.normpath(p)) for p in dictionaries if p):
        return None
    search.config["jieba_dict"] = search.config["jieba_dict_user"] = None
    return dictionaries


def main() -> None:
    """The second process: on standard input, pickled, (the index's settings, jieba's dictionary,
    jieba's user dictionary), then per page ("early", number, PageForIndex) and ("use", number,
    None), or ("page", None, PageForIndex); on standard output, pickled, the index's entries (of
    "use" and "page", in their order)."""
    helper_process.yield_to_the_build()
    try:
        from material.plugins.search.plugin import SearchIndex, jieba

        from generator.site import search_zh

        logging.getLogger("jieba").setLevel(logging.WARNING)  # after its import, which sets DEBUG

        stream = sys.stdin.buffer
        config, jieba_dict, jieba_dict_user = pickle.load(stream)
        if jieba is not None:  # as the plugin's on_config does
            if jieba_dict and os.path.isfile(os.path.normpath(jieba_dict)):
                jieba.set_dictionary(os.path.normpath(jieba_dict))
            if jieba_dict_user and os.path.isfile(os.path.normpath(jieba_dict_user)):
                jieba.load_userdict(os.path.normpath(jieba_dict_user))
            search_zh.remember_cuts()
        index = SearchIndex(**config)
        entries: list = []
        early: dict[int, list] = {}  # a page's entries, made before the plugin indexed it
        while True:
            try:
                kind, number, page = pickle.load(stream)
            except EOFError:
                break
            if kind == "use":
                entries += early.pop(number)
                continue
            index.entries = []
            index.add_entry_from_context(page)
            if kind == "early":
                early[number] = index.entries
            else:
                entries += index.entries
        sys.stdout.buffer.write(pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception as e:  # noqa: BLE001 - one line for the build log; the parent fails the build
        sys.stderr.write(f"generator.site.search_aside: {type(e).__name__}: {e}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
