"""`python -m generator render`: write the site's generated pages, data and exports."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from generator import cli

MSG = {
    "done": {"zh": "已生成 {n} 个文件到 {out}（{changed} 个有变化；日期 {today}，来自{source}）",
             "en": "generated {n} files into {out} ({changed} changed; as of {today}, from {source})"},
    "bad_today": {"zh": "--today 应为 YYYY-MM-DD 格式的日期：{value}", "en": "--today must be a date YYYY-MM-DD: {value}"},
    "source": {"zh": {"option": " --today 参数", "git": " Git 最新提交", "records": "记录中最晚的日期", "none": "（无日期）"},
               "en": {"option": "--today", "git": "the last Git commit", "records": "the latest date in the records",
                      "none": "nowhere"}},
}


def parse_today(value: str | None, lang: str) -> dt.date | None | bool:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        sys.stderr.write(MSG["bad_today"][lang].format(value=value) + "\n")
        return False


def cmd_render(args) -> int:
    from generator.site import render_site

    root = cli.records_dir(args)
    if root is None:
        return cli.EXIT_USAGE
    today = parse_today(args.today, args.lang)
    if today is False:
        return cli.EXIT_USAGE
    result = render_site(root, Path(args.out), today)
    shown = [f for f in result.findings if f.code.startswith("W-SITE")]
    if shown:
        cli.emit(shown, args)
    sys.stderr.write(MSG["done"][args.lang].format(
        n=len(result.files), out=args.out, changed=result.written, today=result.today,
        source=MSG["source"][args.lang][result.today_source]) + "\n")
    return cli.EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("render", help="生成网站页面与下载文件 (render the site's pages and exports)")
    cli.common(p)
    p.add_argument("--out", default="build/generated", help="输出目录 (output folder), 默认 build/generated")
    p.add_argument("--today", help="以哪一天为“今天” YYYY-MM-DD (as-of date)")
    p.set_defaults(func=cmd_render)
