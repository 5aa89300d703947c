"""Chinese search on the built site (Material for MkDocs' search plugin + jieba).

How Chinese search works with Material 9.x:
- at build time the search plugin cuts every run of Han characters with jieba and joins the
  words with U+200B; mkdocs.yml's `separator` contains U+200B, so each word is an index token;
  `jieba_dict_user` (search_words.txt beside this file) keeps domain words such as 班导师 and
  键对键 whole;
- in the browser the worker cuts the query against the tokens of the index ("segment"), then
  appends `*` to every piece (prefix search).

Material's query cutting has an off-by-one: it never tries a piece that ends at the last
character of the query and never continues from the last character.  So “班会” becomes “班”
(→ 班* finds 班级, 班导师 …) and “键对键” becomes “键 对”.  `fix_query_segmentation`
corrects the two bounds in the built worker after the build (mkdocs_hook.on_post_build) and
says so when it cannot, e.g. after a Material upgrade changed the worker.

Material scores a result by lunr's score times (1 + g²), g being 1 for a page's top (0 for a
section) plus the share of the query's words it holds: a page with two of three words, many times
over, came before the one page with all three (冶金2601班 → 冶金 2601 班: the older years' coverage
tables, full of 冶金 and 班, before the page of the class).  The same patch multiplies the score by
that share to the fourth power, so results with every word come first and the others follow.

The pieces of a run of Han characters were joined with "* ", and the query's every word then
given its own `*`: every piece but the last became 白涛** (a term 白涛*, which lunr still matches
as a prefix, but which the worker's list of the words a result holds never finds): the cadre
白涛玉 (白涛 玉 in the index) came first with “缺少: 白涛*” struck through, and as the share of
words found counted these pieces missing, 工商管理学院 listed 理学院's page first.  The same patch
joins the pieces with a space: each gets the one `*` of every query word.

The cutting gives every word of the index the query's characters hold, the pieces of two ways of
cutting them among them: 工商管理学院 is searched as 工商管 工商管理 学院 理学院 (工商管理 学院, or
工商管 理学院), and a unit's page, holding 工商管理 and 学院, was marked “缺少: 理学院” struck through
and lost a quarter of its share (机械工程与自动化学院: 缺少 化 化学; 文法学院: 法 法学).  The patch keeps
each run of Han characters with its pieces (`this.clRuns`) and, for each result, leaves out of its
words (`contactLedgerCovered`, appended to the worker) a piece it does not hold whose every character is a
character of a piece it holds, in every run the piece was cut from: the characters were found,
only cut otherwise.  A page holding none of 工商管理 (理学院's) still misses 工商管 and 工商管理.

The titles in the index keep their U+200B: stripped, a title such as “邓阳：主题班会” would be
one token 主题班会 that the query cutting prefers, and “主题班会” would find only that title.
site/assets/search_results.js removes U+200B from the result list as it is shown.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

USER_WORDS = Path(__file__).with_name("search_words.txt")

# function fe(t,e){let r=new Set,n=new Uint16Array(t.length);for(...;o<t.length;o++)...;
#   ... n[a]&&a<t.length-1&&(i[s++]=a) ... return r.has("")?new Set([t]):r}
_SEGMENT = re.compile(r'function \w+\((\w+),\w+\)\{let \w+=new Set,\w+=new Uint16Array\(\1\.length\);'
                      r'.*?return \w+\.has\(""\)\?new Set\(\[\1\]\):\w+\}')
_INNER = re.compile(r"(for\(let (\w+)=\w+\+1;\2)<(\w+\.length;)")        # j < query.length  → <=
_CONTINUE = re.compile(r"(&&\w+)<(\w+\.length)-1(&&)")                    # q < query.length-1 → <
# score:a*(1+K(g,2)),terms:f  → … *K(share of f's words found, 4)
_SCORE = re.compile(r"score:(\w+)\*\(1\+(\w+)\((\w+),2\)\),terms:(\w+)\}")
# e=e.replace(/\p{sc=Han}+/gu, s=>[...fe(s,this.index.invertedIndex)].join("* "))  → join(" ")
#   … s=>this.clRuns[this.clRuns.push([s,[...fe(s,…)]])-1][1].join(" ") (the run and its pieces kept: covered)
_JOIN = re.compile(r'(?P<run>\w+)=>(?P<pieces>\[\.\.\.\w+\((?P=run),this\.index\.invertedIndex\)\])\.join\("\* "\)')
# search(e){if(e=e.replace(  → search(e){this.clRuns=[];if(…   (each query's runs of Han characters)
_SEARCH = re.compile(r"(search\((\w+)\)\{)(if\(\2=\2\.replace\()")
# let f=he(r,Object.keys(u.metadata));  → …;covered(f,this.clRuns);
_TERMS = re.compile(r"(let (\w+)=\w+\(\w+,Object\.keys\(\w+\.metadata\)\);)")
# a result's words: a piece not held, whose characters are all those of pieces held (in each run it comes from), left out
_COVERED = """function contactLedgerCovered(terms,runs){for(const[term,held]of Object.entries(terms)){if(held)continue;
let runsOf=runs.filter(([,pieces])=>pieces.includes(term));
if(runsOf.length&&runsOf.every(([run,pieces])=>{let found=new Array(run.length).fill(false);
for(const piece of pieces)if(terms[piece])for(let i=run.indexOf(piece);i>=0;i=run.indexOf(piece,i+1))found.fill(true,i,i+piece.length);
for(let i=run.indexOf(term);i>=0;i=run.indexOf(term,i+1))if(found.slice(i,i+term.length).every(Boolean))return true;return false}))delete terms[term]}}"""
_FIXED = "/* contact-ledger: segment() bounds fixed */"


def worker_files(site_dir: Path) -> list[Path]:
    return sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def fix_query_segmentation(site_dir: Path) -> str | None:
    """Patch the built search worker; None when done (or already done), else what went wrong
    (a worker that cannot be written, a full disk, is left as it was: files.write_files)."""
    from generator.files import Unwritten, write_files

    workers = worker_files(site_dir)
    if not workers:
        return "未找到搜索程序 assets/javascripts/workers/search.*.min.js (search worker not found)"
    fixed_workers = {}
    for path in workers:
        code = path.read_text(encoding="utf-8")
        if _FIXED in code:
            continue
        match = _SEGMENT.search(code)
        if match is None:
            return f"{path.name}: 未找到中文查询分词函数，Material 版本可能已变 (segment() not found)"
        body = match.group(0)
        fixed, n1 = _INNER.subn(r"\1<=\3", body, count=1)
        fixed, n2 = _CONTINUE.subn(r"\1<\2\3", fixed, count=1)
        if n1 != 1 or n2 != 1:
            return f"{path.name}: 中文查询分词函数的结构已变，未能修正 (segment() changed)"
        code = code[:match.start()] + fixed + code[match.end():]
        code, n3 = _SCORE.subn(lambda m: f"score:{m[1]}*(1+{m[2]}({m[3]},2))*{m[2]}(Object.values({m[4]})"
                               f".filter(Boolean).length/Math.max(1,Object.keys({m[4]}).length),4),terms:{m[4]}}}",
                               code, count=1)
        if n3 != 1:
            return f"{path.name}: 搜索结果的评分已变，未能修正 (the results' score changed)"
        code, n4 = _JOIN.subn(r'\g<run>=>this.clRuns[this.clRuns.push([\g<run>,\g<pieces>])-1][1].join(" ")', code, count=1)
        if n4 != 1:
            return f"{path.name}: 中文查询各词的连接方式已变，未能修正 (the query's pieces are joined otherwise)"
        code, n5 = _SEARCH.subn(r"\1this.clRuns=[];\3", code, count=1)
        code, n6 = _TERMS.subn(r"\1contactLedgerCovered(\2,this.clRuns);", code, count=1)
        if n5 != 1 or n6 != 1:
            return f"{path.name}: 搜索结果所含各词的判定已变，未能修正 (the words a result holds are found otherwise)"
        fixed_workers[path] = (code + "\n" + _COVERED + "\n" + _FIXED + "\n").encode("utf-8")
    try:
        write_files(fixed_workers)
    except Unwritten as exc:
        return (f"写入 {exc.path.relative_to(site_dir).as_posix()} 时出错（系统提示：{exc.reason}），搜索程序保持原样 "
                f"(writing it failed: {exc.reason}; the search worker is as it was)")
    return None


def compact_index(site_dir: Path, names: dict[str, str] | None = None) -> str | None:
    """Write the site's search index smaller, the same index to the browser; None when done (or
    there is none), else what went wrong (the index is then left as it was: files.write_files).

    Every page of the site fetches search/search_index.json as it opens (the theme's search worker
    starts with it), and Material writes it with every character not ASCII as a \\uXXXX escape:
    six bytes for a Han character's three in UTF-8, and six for each U+200B between the words
    jieba cut (mkdocs.yml: words joined by U+200B).  The index is written in UTF-8, and a U+200B
    beside a character the index's separator splits at anyway (a space, 、，：（） …) or beside a
    tag's < or > (the worker reads a tag apart from the words) is left out: the worker cuts the
    same words at the same places, so it finds the same pages, shows the same text (search_results.js
    takes U+200B out as it shows a result) and marks the same words.  A cadre's page gains the words of its
    name of `names` ({location: name_words}: 涛玉 白涛 for 白涛玉), a field the worker indexes and never shows.  The offline plugin (after
    this) copies the index into search/search_index.js for a site opened from the disk: UTF-8
    too, as the pages are."""
    from generator.files import Unwritten, write_files

    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index.get("docs") or []
    given_names(index, names or {})
    separator = re.compile(index.get("config", {}).get("separator") or r"[\s\-]+")
    beside = set()
    for doc in docs:
        for key in ("title", "text"):
            if isinstance(doc.get(key), str):
                beside.update(re.findall(r"[^\u200b](?=\u200b)|(?<=\u200b)[^\u200b]", doc[key]))
    splits = "".join(sorted(c for c in beside if c in "<>" or separator.fullmatch(c)))
    if splits:
        cls = "[" + "".join(re.escape(c) for c in splits) + "]"
        needless = re.compile(f"\u200b+(?={cls})|(?<={cls})\u200b+")
        for doc in docs:
            for key in ("title", "text"):
                if isinstance(doc.get(key), str):
                    doc[key] = needless.sub("", doc[key])
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
    try:
        write_files({path: data.encode("utf-8")})
    except Unwritten as exc:
        return (f"写入 search/search_index.json 时出错（系统提示：{exc.reason}），搜索索引保持原样 "
                f"(writing it failed: {exc.reason}; the search index is as it was)")
    return None


GIVEN = "given"  # (the index's field of a cadre's name, as its words: never shown)


def name_words(name: str) -> str:
    """The words of a cadre's name the index gives the cadre's page in a field of their own, weighed as its title (`GIVEN`):
    the given name, and the surname with each beginning of the given name (白涛玉 → 涛玉 白涛; 邓佳冬 → 佳冬 邓佳); "" for
    none.  The name is read from the records (pages.py, where the cadre's page is made), split at its surname
    (generator/surnames.py): a compound surname whole (欧阳明华 → 明华 欧阳明), read both ways only where it is also a
    surname of one character and a given name (梁丘明华 → 丘明华 梁丘 梁丘明 明华: surnames.AMBIGUOUS).

    Staff remember a cadre's given name (“老师叫什么涛玉”), or its surname and first character (邓佳): jieba cut the
    names 白涛 玉 and 邓 佳冬, 涛玉 and 邓佳 were no word of the index, and the query found nothing (涛玉), or only the
    index's words it holds (the worker cuts a query into the index's whole words and drops a character that begins
    none: 邓佳 was 邓*, every page with a word starting with 邓, 邓佳冬's no sooner).  The field makes them words, held by
    the cadre's page alone.  A given name of one character (邓阳's 阳) is none of them: it would find every page with a
    word starting with it."""
    from generator.surnames import AMBIGUOUS, COMPOUNDS

    name = re.sub(r"\s", "", name)
    if not re.fullmatch(r"[\u3400-\u4dbf\u4e00-\u9fff]{3,}", name):  # (a name of Han characters: not 阿依古丽·买买提)
        return ""
    surnames = [2] if name[:2] in COMPOUNDS else [1, 2] if name[:2] in AMBIGUOUS else [1]
    words = {}
    for k in surnames:
        if len(name) - k >= 2:
            words[name[k:]] = None
            words.update(dict.fromkeys(name[:i] for i in range(k + 1, len(name))))
    return " ".join(words)


def given_names(index: dict, words: dict[str, str]) -> None:
    """Each cadre's page of `words` ({location in the index: name_words}, made from the records as the pages are)
    holds them in the field `GIVEN`, weighed as its title (the worker indexes every field of the index's config; a
    page without it has none).  The title stays as jieba cut it: 白涛 and 白涛玉 find the page as before."""
    fields = index.setdefault("config", {}).setdefault("fields", {})
    found = False
    for doc in index.get("docs") or []:
        given = words.get(doc.get("location"))
        if given:
            doc[GIVEN] = given
            found = True
    if found and GIVEN not in fields:
        fields[GIVEN] = dict(fields.get("title") or {"boost": 1000.0})


def search_plugin(config):
    """Material's search plugin in this MkDocs configuration (None without it)."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def resolve_user_words(config) -> None:
    """Make search's `jieba_dict_user` relative to mkdocs.yml (the plugin reads it from the cwd)."""
    search = search_plugin(config)
    if search is None or not search.config.get("jieba_dict_user"):
        return
    path = Path(search.config["jieba_dict_user"])
    if not path.is_absolute():
        path = Path(config.config_file_path).resolve().parent / path
    search.config["jieba_dict_user"] = str(path)


def remember_cuts() -> None:
    """jieba cuts each distinct run of Han characters once per build, not once per occurrence.

    The search plugin calls `jieba.cut` on every run of Han characters of every indexed section;
    on a large site the same runs (工作台账, unit names, 2025年下半年 …) recur tens of thousands of
    times and cutting them again was a fifth of MkDocs' time.  jieba's cut depends only on the
    text and its dictionaries, which the search plugin loads before the pages are indexed; the
    memory is emptied at the start of every build (mkdocs serve rebuilds) in case they changed."""
    try:
        import jieba
    except ImportError:  # no jieba: the search plugin does not cut either
        return
    cut = getattr(jieba.cut, "uncached", jieba.cut)

    @lru_cache(maxsize=1 << 17)
    def remembered(sentence, *args, **kwargs):
        return tuple(cut(sentence, *args, **kwargs))
    remembered.uncached = cut
    jieba.cut = remembered
