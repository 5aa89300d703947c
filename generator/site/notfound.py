"""404.html wherever the site is served from, when the site does not know its address.

A web server gives 404.html for an address that does not exist, at any depth (GitHub and GitLab
Pages, nginx's error_page): MkDocs writes its links from the site's root, and without `site_url`
(CONTACT_LEDGER_SITE_URL, site/guide/site.md) that root is the domain's, so under a folder
(https://host/xgb/ledger/nope.html) the page came unstyled, and its every link, its search and
its scripts pointed at https://host/… and were not found.  Without an address, the page finds
the site's root as it opens: the longest folder of its own address that holds 404.html (asked
with HEAD, the page's own file: a folder that does not hold it is answered 404), else the folder
it was opened from (a site opened from the disk); a <base> there, and its links written from it.
With `site_url` MkDocs writes the folder into every link and the page is left as it is.
"""
from __future__ import annotations

import re
from pathlib import Path

_MARK = "<!-- contact-ledger: 404.html finds the site's root -->"
# the root: the longest folder of the address holding 404.html (asked once each, the page still loading), else the page's folder
_ROOT = """<script>var contactLedgerRoot=(function(){var s=location.pathname.split("/"),i,p,x;
if(/^https?:$/.test(location.protocol))for(i=s.length-1;i>0;i--){p=s.slice(0,i).join("/")+"/";
try{x=new XMLHttpRequest();x.open("HEAD",p+"404.html",false);x.send();if(x.status==200)return p}catch(e){break}}
return s.slice(0,-1).join("/")+"/"})();var contactLedgerBase=document.createElement("base");
contactLedgerBase.href=contactLedgerRoot;document.head.appendChild(contactLedgerBase)</script>"""
# the theme's settings (read by its script, after this): its base and search worker from the root
_CONFIG = """<script>(function(c){var j=JSON.parse(c.textContent);j.base=contactLedgerRoot;
j.search=contactLedgerRoot+j.search.replace(/^\\//,"");c.textContent=JSON.stringify(j)})(document.getElementById("__config"))</script>"""
_FROM_ROOT = re.compile(r'\b(href|src)="/(?!/)')
_CONFIG_END = re.compile(r'(<script id="__config" type="application/json">.*?</script>)', re.S)


def rooted(site_dir: Path, site_url: str | None) -> str | None:
    """Write 404.html so that it finds the site's root (above); None when done or not needed."""
    from generator.files import Unwritten, write_files

    path = site_dir / "404.html"
    if site_url or not path.is_file():
        return None
    page = path.read_text(encoding="utf-8")
    if _MARK in page:
        return None
    page, links = _FROM_ROOT.subn(r'\1="', page)
    page, heads = re.subn(r"<head>", lambda m: m.group(0) + "\n" + _MARK + _ROOT, page, count=1)
    page, configs = _CONFIG_END.subn(lambda m: m.group(1) + _CONFIG, page, count=1)
    if not (links and heads and configs):
        return "404.html 的结构已变，未能改写 (404.html changed: not written)"
    try:
        write_files({path: page.encode("utf-8")})
    except Unwritten as exc:
        return f"写入 404.html 时出错（系统提示：{exc.reason}）(writing 404.html failed: {exc.reason})"
    return None
