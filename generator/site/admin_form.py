"""The web form (Decap CMS, generator/cms.py) served by the published site at /admin/.

    publish_admin(site_dir, records, today, cms_args="") -> str | None

Written into <site_dir>/admin after the MkDocs build (so MkDocs never treats it as docs) when
node_modules/decap-cms is installed (`make node-deps`).  Without it — Python-only builds — a
one-page note takes its place, so that the “网页填报台账” link never leads nowhere, and the
returned line says how to get the form.  The Git host comes from `cms_args`, the options of
`python -m generator cms-admin` (e.g. "--backend gitlab --repo xgb/ledger --app-id ID"),
which `make site` passes from CMS_ARGS through the LEDGER_CMS_ARGS environment variable.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shlex
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator import cms
from generator.files import Unwritten, write_files

SKIPPED = ("未生成网页填报表单（admin/）：缺少 Decap CMS 程序包 node_modules/decap-cms；"
           "运行 make node-deps（需要 Node.js）后重新生成网站即可。")
BAD_ARGS = "网页填报表单的参数有误（LEDGER_CMS_ARGS / CMS_ARGS）：{args}；已按默认设置生成。"
UNCONFIGURED = ("未生成网页填报表单（admin/）：还没有指定代码托管平台上的仓库（--repo），表单无法登录；"
                "生成网站时加上 CMS_ARGS，如 make site CMS_ARGS=\"--backend gitlab --repo xgb/ledger --app-id ID\"。")
# Why the placeholder stands in for the form, and what the administrator does about it.
WHY = {
    "bundle": ("本次生成网站时没有安装网页表单的程序包，表单暂不可用。",
               "在装有 Node.js 的机器上运行 <code>make node-deps</code>，再运行 <code>make site</code> 重新生成网站。"),
    "repo": ("本站还没有配置代码托管平台上的仓库，表单无法登录。",
             "按 <a href=\"../guide/web-form.html\">使用指南 → 网页表单填报台账</a>“代码托管平台的配置”一节，生成网站时加上 "
             "<code>CMS_ARGS</code>（平台、仓库、应用 ID），如 <code>make site CMS_ARGS=\"--backend gitlab --repo "
             "xgb/ledger --app-id ID\"</code>。"),
    "records": ("管理员维护的记录有错误，表单暂不可用。",
                "按网站“数据检查”页或 <code>python -m generator validate</code> 改正后重新生成网站。"),
}

PLACEHOLDER = """<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>网页填报台账 - {site}</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.7">
<h1>网页填报台账</h1>
<p>{why}</p>
<p>管理员：{fix}</p>
<p>填报人：可先按 <a href="../guide/web-form.html">使用指南 → 网页表单填报台账</a> 中的说明，
用 <code>python -m generator new ledger</code> 生成台账文件后提交。</p>
<p><a href="../index.html">返回首页</a></p>
</body>
</html>
"""


def bundle_installed() -> bool:
    return (cms.BUNDLE / "decap-cms.js").is_file()


def backend_from(cms_args: str) -> tuple[dict, bool]:
    """The `backend:` section from cms-admin's options; (default, False) when they do not parse."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    cms.backend_args(parser)
    try:
        args, rest = parser.parse_known_args(shlex.split(cms_args or ""))
    except (argparse.ArgumentError, ValueError, SystemExit):
        return cms.backend_config(), False
    return cms.backend_of_args(args), not rest


class SiteUnwritten(PluginError):
    """A write of one part of the site (`what_zh`, `what_en`) failed (a full disk): `mkdocs build`
    fails with this line."""
    what_zh, what_en = "网页填报表单（admin/）", "web form (admin/)"

    def __init__(self, exc: Unwritten, site_dir: Path):
        where = exc.path.relative_to(site_dir).as_posix()
        super().__init__(f"{self.what_zh}未能写入：写入 {where} 时出错（系统提示：{exc.reason}），网站没有生成完；"
                         f"腾出磁盘空间后重新运行 mkdocs build。 (The {self.what_en} could not be written: writing "
                         f"{where} failed: {exc.reason}; the site is not complete. Free some disk space and run "
                         f"mkdocs build again.)")


class FormUnwritten(SiteUnwritten):
    """A write of the form's files failed."""


class DownloadsUnwritten(SiteUnwritten):
    """A copy of a download into the site failed."""
    what_zh, what_en = "下载文件（downloads/）", "downloads (downloads/)"


def publish_admin(site_dir: Path, records: Path, today: dt.date | None, cms_args: str = "", rs=None,
                  findings=None) -> list[str]:
    """Write <site_dir>/admin; the lines to tell the person building the site (Chinese).
    `rs`, `findings`: the record set the site was built from and its findings (else the records
    are read again).  A write that fails (a full disk) raises FormUnwritten."""
    try:
        return _publish(Path(site_dir), records, today, cms_args, rs, findings)
    except Unwritten as exc:
        raise FormUnwritten(exc, Path(site_dir)) from None


def _publish(site_dir: Path, records: Path, today, cms_args: str, rs, findings) -> list[str]:
    out = site_dir / "admin"
    backend, ok = backend_from(cms_args)
    notes = [] if ok else [BAD_ARGS.format(args=cms_args)]
    # no repository first: without it the form cannot log in, Node's packages or not (and `make site` installs
    # them only when CMS_ARGS is given: the placeholder says what is missing, not make node-deps)
    if not backend.get("repo"):  # (Decap would stop at once, in English: "… backend needs a repo")
        return _placeholder(out, "repo", notes + [UNCONFIGURED], rs)
    if not bundle_installed():
        return _placeholder(out, "bundle", notes + [SKIPPED], rs)
    try:
        cms.write_admin(out, records, today=today, backend=backend, rs=rs, findings=findings)
    except ValueError as exc:  # no policy / no period / errors: the records' findings already say why
        return _placeholder(out, "records", notes + [f"未生成网页填报表单：{exc}"], rs)
    return notes


def _placeholder(out: Path, why: str, notes: list[str], rs) -> list[str]:
    """The page that stands in for the form at /admin/, saying why (WHY) in Chinese, its tab naming the
    school's ledgers as the form's does (cms.site_name of the record set `rs`); `notes`."""
    reason, fix = WHY[why]
    text = PLACEHOLDER.replace("{why}", reason).replace("{fix}", fix).replace("{site}", cms.site_name(rs))
    write_files({out / "index.html": text.encode("utf-8")})
    return notes
