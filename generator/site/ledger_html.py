"""A ledger's body on its cadre's page, written as HTML by its own template (_ledger_body.html.j2).

The body is the bulk of a large site (at 12,000 ledgers some 100,000 table rows) and is kept
out of the search index (`data-search-exclude`).  Written as Markdown, it was escaped for
Markdown here and parsed back by fastmd.py, cell by cell; as HTML it is written once and
fastmd.cut hands the block on as it is.  The HTML is what Python-Markdown makes of the
equivalent Markdown (tables, the admonition of an amendment), and the links are the pages'
final URLs (use_directory_urls: false), relative to the cadre's page.
"""
from __future__ import annotations

import html
from functools import lru_cache

from jinja2 import FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.site.markdown import STATUS_BADGE, one_line, rel
from generator.site.templating import Env

BODY = "_ledger_body.html.j2"


def text(value) -> str:
    """Record text as HTML: escaped, one line per line (<br>), outer spaces and empty lines dropped."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return _text(value) if type(value) is str else _text(str(value))


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> Markup:
    return one_line(html.escape(value, quote=False))


def href(target: str, here: str) -> Markup:
    """The URL of docs page `target` ('units/x.md') relative to page `here`'s URL, for href="…"."""
    link = rel(target, here)
    return Markup(html.escape(link[:-3] + ".html" if link.endswith(".md") else link, quote=True))


def _env(templates) -> Env:
    env = Env(loader=FileSystemLoader(str(templates)), autoescape=False, undefined=StrictUndefined,
              trim_blocks=True, lstrip_blocks=True, finalize=text)
    env.globals.update(href=href, badge=STATUS_BADGE.get)
    return env


class LedgerBodies:
    """body(here, led) -> the HTML of ledger `led` (an aggregate.ledger dict) on page `here`."""

    def __init__(self, templates, institution: str):
        self.template = _env(templates).get_template(BODY)
        self.institution = institution

    def body(self, here: str, led: dict) -> Markup:
        return Markup(self.template.render(led=led, here=here, institution=self.institution).strip("\n"))
