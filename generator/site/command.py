"""`python -m generator render`: write the site's generated pages, data and exports."""
from __future__ import annotations

import sys
from pathlib import Path

from generator.argwords import say
from generator import cli

MSG = {
    "done": {"zh": "已生成 {n} 个文件到 {out}（{changed} 个有变化；日期 {today}，来自{source}）",
             "en": "generated {n} files into {out} ({changed} changed; as of {today}, from {source})"},
    "source": {"zh": {"option": " --today 参数", "git": " Git 最新提交", "records": "记录中最晚的日期", "none": "（无日期）"},
               "en": {"option": "--today", "git": "the last Git commit", "records": "the latest date in the records",
                      "none": "nowhere"}},
}


def cmd_render(args) -> int:
    from generator.site import render_site

    root = cli.records_dir(args)
    if root is None:
        return cli.EXIT_USAGE
    result = render_site(root, Path(args.out), args.today)  # None: the date comes from Git
    shown = [f for f in result.findings if f.code.startswith("W-SITE")]
    if shown:
        cli.emit(shown, args)
    sys.stderr.write(MSG["done"][args.lang].format(
        n=len(result.files), out=args.out, changed=result.written, today=result.today,
        source=MSG["source"][args.lang][result.today_source]) + "\n")
    return cli.EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("render", help=say("生成网站页面与下载文件", "render the site's pages and exports"))
    cli.common(p)
    p.add_argument("--out", default="build/generated", help=say("输出目录，默认 build/generated", "output folder, default build/generated"))
    cli.add_today(p, "以哪一天为“今天”，默认取 Git 最新提交的日期", "as-of date, default the day of the latest Git commit")
    p.set_defaults(func=cmd_render)
