"""The generated pages' bulk, rendered outside Python-Markdown and outside the search indexer.

The generated Markdown (templates/*.j2) is ordinary Markdown that any renderer reads.  With
12,000 ledgers it holds some 100,000 table rows, and Python-Markdown's inline processing,
MkDocs' raw-HTML scan and Material's search indexer over them took most of the build.  So
the MkDocs hook (mkdocs_hook.py) hands each generated page's Markdown to `cut()` before
Python-Markdown runs, which takes out

- every top-level pipe table, and
- every block `<section|div class="…" data-search-exclude markdown>` … `</section|div>`
  (the long tables of the period, feedback, evaluation … pages), and every HTML block
  `<section|div … data-search-exclude>` … without blank lines (a ledger's body, ledger_html.py),

renders them here into the HTML Python-Markdown would make, and leaves a placeholder.  The
hook puts tables back before the search plugin reads the page, so they stay searchable, and
the `data-search-exclude` blocks after it, so they are not indexed — exactly what the
attribute asks of Material's search (Material 9.8 "Search: exclusion").

Only a subset of Markdown is rendered here: headings, paragraphs, one-line HTML, pipe tables;
inline backslash escapes, code spans, links, `**bold**`, inline HTML tags and entities.  A
block with anything else (lists, admonitions, emphasis, emoji …) is left to Python-Markdown,
so the page is right either way; tests/test_site_fastmd.py compares the two renderings.

A page that, once cut, holds nothing but ATX headings, paragraphs and slots (every cadre's and
unit's page) is then rendered whole (`whole()`, below): MkDocs is given its title line only, and
the hook puts the page's HTML and table of contents in place of what Python-Markdown made of it.

Links are resolved like MkDocs does (`x.md` → the relative URL of its page, anchors kept) and
registered with the page so that MkDocs validates their anchors; a link to a missing file is
reported like MkDocs reports it.  Headings inside excluded blocks get no id and are not in the
page's table of contents.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from markdown.extensions import toc as _toc

from generator.site.markdown import rel

# Python-Markdown's escapable characters with the tables extension (markdown.Markdown.ESCAPED_CHARS + '|')
ESCAPED = set("\\`*_{}[]()>#+-.!|")

_INLINE = re.compile(r"""
    \\(?P<esc>.)
  | (?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)
  | \[(?P<label>(?:\\.|[^\]\\\[])*)\]\((?P<url>[^()\s<>]+)\)
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?>)
  | (?P<ent>&(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#[xX][0-9A-Fa-f]+);)
  | \*\*(?P<strong>(?:\\.|[^*\\])+?)\*\*
  | (?P<bad>!\[|[\\`*_\[\]<>&]|:[+\-\w]+:)
""", re.X | re.S)
_SEPARATOR = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+\{\s*data-search-exclude\s*\})?\s*#*\s*$")
_ONE_LINE_HTML = re.compile(r"^<(div|p|span)(\s[^<>]*)?>[^<>]*</\1>$")
_EXCLUDED_OPEN = re.compile(r'^<(section|div)((?:\s+[a-z-]+(?:="[^"<>]*")?)*?)\s+markdown(?:="1")?>$')
_RAW_EXCLUDED_OPEN = re.compile(r'^<(section|div)((?:\s+[a-z-]+(?:="[^"<>]*")?)*?\s+data-search-exclude(?:\s+[a-z-]+(?:="[^"<>]*")?)*)>$')
_ANY_MD_BLOCK = re.compile(r"^<(\w+)\b[^>]*\bmarkdown\b[^>]*>\s*$")
SLOT = '<div data-fast-slot="{}"></div>'
SLOT_RE = re.compile(r'<div data-fast-slot="(b?\d+)"></div>')


class Unsupported(Exception):
    """Markdown this renderer does not handle: the block is left to Python-Markdown."""


@dataclass
class Links:
    """Resolves a page's relative links like MkDocs' _RelativePathTreeprocessor."""
    page_src: str
    page_url: str
    urls: dict  # docs-relative path -> output URL (File.url)
    found: list = field(default_factory=list)  # (target src uri, anchor, original url)
    missing: list = field(default_factory=list)  # original urls whose file does not exist

    def __post_init__(self):
        self.folder = posixpath.dirname(self.page_src)

    def resolve(self, url: str) -> str:
        key = (self.folder, url)
        hit = _RESOLVED.get(key)
        if hit is not None and hit[0] is self.urls:
            _, target, anchor, out = hit
            if anchor:
                self.found.append((target or self.page_src, anchor, url))
            return out
        out = self._resolve(url)
        if url not in self.missing:
            target, anchor = self._last
            _RESOLVED[key] = (self.urls, target, anchor, out)
        return out

    def _resolve(self, url: str) -> str:
        self._last = ("", "")
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")):
            return url
        if not path:
            if anchor:
                self.found.append((self.page_src, anchor, url))
                self._last = ("", anchor)
            return url
        target = posixpath.normpath(posixpath.join(self.folder, unquote(path)).lstrip("/"))
        dest = self.urls.get(target)
        if dest is None:
            self.missing.append(url)
            return url
        if anchor:
            self.found.append((target, anchor, url))
        self._last = (target, anchor)
        return urlunsplit(("", "", relative_url(dest, self.page_url), query, anchor))


# (page folder, link) -> (the URL map it was resolved against, target, anchor, resolved URL); use_directory_urls
# is false, so a page's URL folder is its source folder and the resolution depends on the folder only
_RESOLVED: dict[tuple[str, str], tuple] = {}


def relative_url(url: str, other: str) -> str:
    """mkdocs.utils.get_relative_url, for use_directory_urls: false URLs."""
    dirname, _, basename = url.rpartition("/")
    folder = rel(dirname or ".", other)  # (memoised per folder there)
    return basename if folder == "." else f"{folder}/{basename}"


def inline(text: str, links: Links) -> str:
    if "](" in text:  # a link: resolved against this page (and recorded in `links`)
        m = _ONE_LINK.fullmatch(text)
        if m:  # the whole text one link with a plain label (most such cells): what _inline makes of it
            return f'<a href="{html.escape(links.resolve(m.group(2)), quote=True)}">{_pure(m.group(1))}</a>'
        return _inline(text, links)
    return _pure(text)


_ONE_LINK = re.compile(r"\[([^\[\]\\]*)\]\(([^()\s<>]+)\)")


@lru_cache(maxsize=1 << 17)
def _pure(text: str) -> str:
    """A cell without a link: the same HTML on every page (no link to resolve)."""
    return _inline(text, None)


def _inline(text: str, links: Links) -> str:
    out, pos = [], 0
    for m in _INLINE.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        kind = m.lastgroup if m.lastgroup != "ticks" else "code"
        if m.group("bad") is not None:
            raise Unsupported(m.group("bad"))
        if m.group("esc") is not None:
            ch = m.group("esc")
            if ch in ESCAPED:
                out.append(html.escape(ch, quote=False))
            elif ch.isalnum() or ch in "~":
                out.append("\\" + ch)
            else:
                raise Unsupported("\\" + ch)
        elif m.group("code") is not None:
            out.append("<code>" + html.escape(m.group("code").strip(), quote=False) + "</code>")
        elif m.group("url") is not None:
            href = html.escape(links.resolve(m.group("url")), quote=True)
            out.append(f'<a href="{href}">{inline(m.group("label"), links)}</a>')
        elif m.group("tag") is not None or m.group("ent") is not None:
            out.append(m.group(0))
        elif m.group("strong") is not None:
            out.append("<strong>" + inline(m.group("strong"), links) + "</strong>")
        else:  # pragma: no cover
            raise Unsupported(kind)
    out.append(text[pos:])
    return "".join(out)


def split_row(line: str) -> list[str]:
    """A table row's cells, as the tables extension splits them (escaped | and code spans kept)."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    if "`" not in line and "\\" not in line:  # the common case: no escapes, no code spans
        return [c.strip() for c in line.split("|")]
    cells, cur, i, n = [], [], 0, len(line)
    while i < n:
        ch = line[i]
        if ch == "\\" and i + 1 < n:
            cur.append(line[i:i + 2])
            i += 2
            continue
        if ch == "`":
            j = i
            while j < n and line[j] == "`":
                j += 1
            ticks = line[i:j]
            end = line.find(ticks, j)
            if end < 0:
                raise Unsupported("unclosed code span")
            cur.append(line[i:end + len(ticks)])
            i = end + len(ticks)
            continue
        if ch == "|":
            cells.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    cells.append("".join(cur))
    return [c.strip() for c in cells]


def table(lines: list[str], links: Links) -> str:
    if len(lines) < 2 or not _SEPARATOR.match(lines[1]):
        raise Unsupported("not a table")
    header = split_row(lines[0])
    aligns = []
    for spec in split_row(lines[1]):
        left, right = spec.startswith(":"), spec.endswith(":")
        aligns.append(' style="text-align: center;"' if left and right else ' style="text-align: right;"' if right
                      else ' style="text-align: left;"' if left else "")
    if len(aligns) != len(header):
        raise Unsupported("header and separator differ")
    out = ["<table>\n<thead>\n<tr>\n"]
    for cell, align in zip(header, aligns):
        out.append(f"<th{align}>{inline(cell, links)}</th>\n")
    out.append("</tr>\n</thead>\n<tbody>\n")
    width = len(header)
    for line in lines[2:]:
        cells = split_row(line)
        cells = (cells + [""] * width)[:width]
        out.append("<tr>\n")
        for cell, align in zip(cells, aligns):
            out.append(f"<td{align}>{inline(cell, links)}</td>\n")
        out.append("</tr>\n")
    out.append("</tbody>\n</table>")
    return "".join(out)


def blocks(lines: list[str], links: Links) -> str:
    """Headings, paragraphs, one-line HTML and tables; anything else raises Unsupported."""
    out, i, n = [], 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line[0] in " \t" or line.startswith(("!!!", "???", "- ", "* ", "+ ", ">", "```", "~~~", "---", "***")) \
                or re.match(r"\d+\.\s", line):
            raise Unsupported(line[:20])
        if line.startswith("|"):
            j = i
            while j < n and lines[j].startswith("|"):
                j += 1
            if j < n and lines[j].strip():
                raise Unsupported("text right after a table")
            out.append(table(lines[i:j], links))
            i = j
            continue
        m = _HEADING.match(line)
        if m and "{" not in m.group(2):
            level = len(m.group(1))
            out.append(f"<h{level}>{inline(m.group(2), links)}</h{level}>")
            i += 1
            continue
        if line.startswith("<"):
            if not _ONE_LINE_HTML.match(line):
                raise Unsupported(line[:20])
            if i + 1 < n and lines[i + 1].strip():
                raise Unsupported("text right after HTML")
            out.append(line)
            i += 1
            continue
        j = i
        while j < n and lines[j].strip():
            if lines[j].startswith(("|", "#", "<", "    ", "\t")) or lines[j].endswith("  "):
                raise Unsupported("paragraph interrupted")
            j += 1
        out.append("<p>" + inline("\n".join(lines[i:j]), links) + "</p>")
        i = j
    return "\n".join(out)


@dataclass
class Cut:
    markdown: str
    searchable: dict[str, str]  # slot number -> HTML, put back before the search index is made
    excluded: dict[str, str]  # slot number -> HTML, put back after
    links: Links


def cut(markdown: str, links: Links) -> Cut:
    """Take the tables and the data-search-exclude blocks out of a page's Markdown."""
    lines = markdown.split("\n")
    out: list[str] = []
    searchable: dict[str, str] = {}
    excluded: dict[str, str] = {}
    i, n = 0, len(lines)

    def slot(store: dict, rendered: str) -> None:
        key = str(len(searchable) + len(excluded))
        store[key] = rendered
        out.extend(["", SLOT.format(key), ""])

    while i < n:
        line = lines[i]
        m = _EXCLUDED_OPEN.match(line)
        if m and "data-search-exclude" in m.group(2):
            close = f"</{m.group(1)}>"
            j = i + 1
            while j < n and lines[j] != close:
                j += 1
            if j < n:
                try:
                    inner = blocks(lines[i + 1:j], links)
                except Unsupported:
                    out.extend(lines[i:j + 1])
                else:
                    slot(excluded, f"<{m.group(1)}{m.group(2)}>\n{inner}\n{close}")
                i = j + 1
                continue
        m = _RAW_EXCLUDED_OPEN.match(line)
        if m:  # an HTML block (no markdown attribute, no blank line) to keep out of the index: as it is
            j = _html_block_end(lines, i, m.group(1))
            if j is not None:
                slot(excluded, "\n".join(lines[i:j + 1]))
                i = j + 1
                continue
        m = _ANY_MD_BLOCK.match(line)
        if m:  # another markdown="1" block (e.g. the quick links): Python-Markdown's
            close = f"</{m.group(1)}>"
            j = i + 1
            while j < n and lines[j] != close:
                j += 1
            out.extend(lines[i:j + 1])
            i = j + 1
            continue
        if line.startswith("|") and (i == 0 or not lines[i - 1].strip()):
            j = i
            while j < n and lines[j].startswith("|"):
                j += 1
            if j == n or not lines[j].strip():
                try:
                    slot(searchable, table(lines[i:j], links))
                except Unsupported:
                    out.extend(lines[i:j])
                i = j
                continue
        out.append(line)
        i += 1
    return Cut("\n".join(out), searchable, excluded, links)


def _html_block_end(lines: list[str], i: int, tag: str) -> int | None:
    """The line that closes the HTML block opened by lines[i] (nested <tag>s counted), or None
    when a blank line or the page's end comes first (then it is not one block)."""
    depth, opener, closer = 0, f"<{tag}", f"</{tag}>"
    for j in range(i, len(lines)):
        line = lines[j]
        if not line.strip():
            return None
        if line.startswith(opener) and line[len(opener)] in " >":
            depth += 1
        if line.endswith(closer):
            depth -= line.count(closer) if line.startswith(closer) else 1
            if depth <= 0:
                return j
    return None


def slot_out(page: str, blocks: list[str]) -> tuple[str, bytes, dict[str, tuple[int, int]]]:
    """`page` with each of `blocks` (HTML blocks in it, in order, each one HTML block that cut()
    would take out as excluded) replaced by a slot: (that Markdown, the page as UTF-8, and for
    each slot where its block is in those bytes)."""
    text, data, spans, pos, at_byte = [], [], {}, 0, 0
    for block in blocks:
        at = page.index(block, pos)
        before, raw = page[pos:at].encode("utf-8"), block.encode("utf-8")
        key = f"b{len(spans)}"
        spans[key] = (at_byte + len(before), at_byte + len(before) + len(raw))
        at_byte += len(before) + len(raw)
        text += [page[pos:at], SLOT.format(key)]
        data += [before, raw]
        pos = at + len(block)
    text.append(page[pos:])
    data.append(page[pos:].encode("utf-8"))
    return "".join(text), b"".join(data), spans


def put_back(content: str, store: dict[str, str]) -> str:
    if not store:
        return content
    return SLOT_RE.sub(lambda m: store.get(m.group(1), m.group(0)), content)


# ---- a whole page ------------------------------------------------------------------------------
# After cut(), a generated page (a cadre's, above all) is mostly headings and slots, yet Python-
# Markdown's per-page work on it (inline patterns over every heading, attr_list, toc) took ≈3 s of
# the 12k site.  whole() renders such a page entirely: ATX headings (plain text; `{ #id .class }`
# and `data-search-exclude` allowed), paragraphs and the slots; the heading ids and the table of
# contents come from the toc extension's own slugify/unique/nest_toc_tokens, as Python-Markdown
# would make them.

_PAGE_HEADING = re.compile(r"^(#{1,6}) +([^#{}]+?)(?: +\{ *((?:(?:[#.][A-Za-z0-9_-]+|data-search-exclude) *)+)\})? *$")
_PARAGRAPH_BREAKERS = ("#", "<", "|", " ", "\t", "!!!", "???", "- ", "* ", "+ ", ">", "```", "~~~", "---",
                       "***", "===", "[")


@dataclass
class Whole:
    title_line: str  # the page's first line, an h1: what MkDocs is given, for the page's title
    title_html: str  # what Python-Markdown makes of title_line alone
    html: str  # the whole page, as Python-Markdown makes it (slots still in)
    toc: list  # the toc extension's nested tokens
    ids: set  # the headings' ids
    title_toc: list  # the toc extension's tokens of title_line alone (its name: the page's title)


def whole(markdown: str, links: Links, slugify, separator: str) -> Whole | None:
    """The page (cut()'s Markdown) rendered entirely, or None when it holds anything else."""
    lines = markdown.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not lines[first].startswith("# "):
        return None
    try:
        items = list(_page_blocks(lines[first:], links))
    except Unsupported:
        return None
    used = {attrs["id"] for kind, _, attrs, _ in items if kind == "h" and "id" in attrs}
    counters: dict = {}
    parts, tokens, ids, title_html, title = [], [], set(), None, None
    for kind, level, attrs, text in items:
        if kind != "h":
            parts.append(text)
            continue
        name = " ".join(text.split())
        if title_html is None:  # (MkDocs renders the first line alone: its id is unique in that line only)
            alone = dict(attrs)
            alone.setdefault("id", _toc.unique(slugify(html.unescape(name), separator), set(), {}))
            title_html = _heading(level, alone, text)
            title = _toc_token(level, alone["id"], name, text)
        if "id" not in attrs:
            attrs["id"] = _toc.unique(slugify(html.unescape(name), separator), used, counters)
        ids.add(attrs["id"])
        parts.append(_heading(level, attrs, text))
        tokens.append(_toc_token(level, attrs["id"], name, text))
    return Whole(lines[first], title_html, "\n".join(parts).strip(), _toc.nest_toc_tokens(tokens), ids,
                 _toc.nest_toc_tokens([title]))


def _toc_token(level: int, id_: str, name: str, text: str) -> dict:
    """A heading as the toc extension's token."""
    return {"level": level, "id": id_, "name": name, "html": text, "data-toc-label": ""}


def _heading(level: int, attrs: dict, text: str) -> str:
    shown = "".join(f" {k}" if v is None else f' {k}="{html.escape(v, quote=True)}"'  # (None: no value,
                    for k, v in sorted(attrs.items()))  # as attr_list gives a bare word)
    return f"<h{level}{shown}>{text}</h{level}>"


def _page_blocks(lines: list[str], links: Links):
    """(kind, level, attrs, html) for each block: "h" headings (text only), "p" paragraphs, "raw" slots."""
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("#"):
            m = _PAGE_HEADING.match(line)
            if not m:
                raise Unsupported(line[:20])
            text = m.group(2)
            if inline(text, links) != text or any(c in text for c in "&<>"):
                raise Unsupported("markup in a heading")
            attrs: dict = {}
            for token in (m.group(3) or "").split():
                if token[0] == "#":
                    attrs["id"] = token[1:]
                elif token[0] != ".":  # data-search-exclude: its section is left out of the search index
                    attrs[token] = None
                else:
                    attrs["class"] = f'{attrs["class"]} {token[1:]}' if "class" in attrs else token[1:]
            yield "h", len(m.group(1)), attrs, text
            i += 1
            continue
        if SLOT_RE.fullmatch(line):
            if (i and lines[i - 1].strip()) or (i + 1 < n and lines[i + 1].strip()):
                raise Unsupported("text beside a slot")
            yield "raw", 0, None, line + "\n"  # (Python-Markdown ends a raw HTML block with a blank line)
            i += 1
            continue
        j = i
        while j < n and lines[j].strip() and not lines[j].startswith("#"):
            part = lines[j]
            if part.startswith(_PARAGRAPH_BREAKERS) or part != part.strip() or "{" in part or "}" in part \
                    or re.match(r"\d+\.\s", part):
                raise Unsupported(part[:20])
            j += 1
        yield "p", 0, None, "<p>" + inline("\n".join(lines[i:j]), links) + "</p>"
        i = j
