"""Privacy guard (R16): no student is ever identified in the records or on the site.

`check_records(rs)` is a record stage of `validate` (so it blocks a pull request).  It
looks at every scalar of every record file — values, keys, numbers — and at every
raw line, so YAML comments and files that failed to parse are covered too, and it
reports each find at `file:line:col`, the column of the find *inside* the value
(plain, quoted or block scalars).  It finds:

=================  ============================================================
kind               what
=================  ============================================================
``id_card``        18-digit resident ID (check digit and birth date verified),
                   15-digit old ID (birth date and province plausible)
                   and any 15/18-digit number right after 身份证 / 证件号
                   (a wrong check digit or grouping spaces do not hide it)
``mobile``         mainland mobile numbers (+86 / 86 / spaces / hyphens; 3-4-4, 4-3-4, 3-3-5)
``landline``       landlines with area code: 024-83687123, (024)8368 7123;
                   7–8 digits right after 电话/座机/tel
``email``          e-mail addresses (also ``name(at)host.com``)
``qq``             QQ numbers next to QQ / QQ号 / 扣扣 …
``wechat``         WeChat accounts next to 微信 / 微信号 / wx / vx / V信 …, wxid_…
``student_number`` the regular expressions of policy.yaml privacy.student_number_patterns,
                   also over the digits of a number written in groups (2026 1234 56,
                   2026-123456; not dates, school years, times), and any number right
                   after 学号 / 学生证号 / 学籍号 (in groups too), and a part of one there (学号03, 学号尾号03,
                   学号后四位1234; not a count: 核对学号30份); not a meeting's number (会议号2026123456)
                   — nor a cadre's 工号 in its own field, staff_no (NOT_FOUND_IN: staff, not a student)
``other_number``   a number right after 考生号 / 准考证号 / 护照号 (6 digits or more; E12345678);
                   身份证后四位1234 and 身份证尾号0012 are ``id_card``; a class roll number (班级序号12号同学,
                   座位号23) is a ``student_number``
``bank_card``      a 16–19-digit number (in groups too) right after 银行卡 / 卡号 / 银行账号
``dormitory``      rooms: 5舍312, 12号楼305, 3-512室, 南湖5舍312室, 寝室312, 312寝室, 502寝,
                   3号楼5层502, 3号楼的502室, 3号楼502号, 南苑3-502; beds: 3号床, 502-3床, 502上铺
                   (buildings alone — 南湖5舍, 浑南12号楼 — are fine)
``address``        a home address's house number with 号楼/栋/幢/单元/室 (or 12-3-501) after 家住 / 家庭住址 / 家庭地址 / 住址:
                   家住XX小区3栋2单元501 (not 家住沈阳市浑南区, 家住XX路12号, 家住农村的3名学生)
``surname``        a student called by surname: 张同学, 小张同学, 张 同学, 學生張某, 李姓学生,
                   or their parent: 李家长, 张妈妈, 李爸爸,
                   and several at once: 张、李两位同学, 张，李某, 张/李二人, 张姓、李姓学生,
                   张李两位同学, 王、李两姓同学, 张、李两位家长 (not 张、李两位老师,
                   nor 陈、黄两位研究生助教: a teaching assistant is staff)
``initials``       … or by the initials of their name: ZS同学, zhs 同学, ZS、LM同学
                   (not an acronym, nor letters with I/U/V: GPA同学, AI同学, nor
                   WeChat's wx by its context: 加wx同学, WX同学交流群)
``name``           names in the protected-names list: a UTF-8 file outside the
                   repository, one name per line, named by the environment variable
                   CONTACT_LEDGER_PROTECTED_NAMES (never committed)
=================  ============================================================

Findings never contain the data in full: they show it masked (``138****5678``,
``2101**********1234``), and `redact_findings` masks what *other* stages would print
(a schema message quoting a wrong value, a key, a file name).

A reviewed false alarm is silenced by an entry of records/privacy-exceptions.yaml
with the file (relative to records/), the line and the kind; an entry that silences
nothing is reported, so stale entries do not pile up.

For the site renderer (which must refuse personal data even when someone builds
without running `validate`)::

    from generator import privacy
    privacy.scan_text(text, rs)    # -> [Match(kind, start, end, masked)], offsets in text
    privacy.is_safe(text, rs)      # -> bool
    privacy.redact(text, rs)       # -> text with every find replaced by its mask
    privacy.safe_field(text, rs)   # -> text unchanged if safe, else a notice (field not rendered)

`rs` (the RecordSet) supplies the student-number patterns, the teaching buildings (policy.yaml
privacy.teaching_buildings: a room of one beside 同学 is a class's, no dormitory's) and the words of no name
(privacy.not_given_name_characters, privacy.not_name_words: no full name before 同学); it may be None (none of them).
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from functools import cached_property, lru_cache

from generator import findings as F
from generator.chars import ANY_SPACE, INVISIBLE, NARROW, SPACES, Lazy, lines_with, narrower
from generator.load import LINE_BREAK, display_path
from generator.messages.privacy import TEACHING_HINT
from generator.plain import Values
from generator.surnames import COMPOUNDS, READINGS

ENV_NAMES = "CONTACT_LEDGER_PROTECTED_NAMES"

# Kind id → (Chinese, English).  Display words, not policy.
KINDS = {
    "id_card": ("身份证号", "resident ID number"),
    "mobile": ("手机号码", "mobile number"),
    "landline": ("固定电话", "landline number"),
    "email": ("电子邮箱", "e-mail address"),
    "qq": ("QQ 号", "QQ account"),
    "wechat": ("微信号", "WeChat account"),
    "student_number": ("学号", "student number"),
    "dormitory": ("宿舍房间号", "dormitory room"),
    "address": ("家庭住址", "home address"),
    "bank_card": ("银行卡号", "bank card number"),
    "other_number": ("考生号、准考证号或护照号", "exam candidate, admission ticket or passport number"),
    "name": ("受保护的学生姓名", "protected student name"),
    "surname": ("带姓氏的称呼", "surname naming a student"),
    "initials": ("姓名拼音或缩写的称呼", "name in pinyin or its initials"),
    "full_name": ("“同学”前的疑似姓名", "possible full name before 同学"),
}
# Words an exception may use for a kind.
KIND_ALIASES = {"phone": {"mobile", "landline"}, "id": {"id_card"}, "idcard": {"id_card"},
                "dorm": {"dormitory"}, "bank": {"bank_card"}, "protected_name": {"name"}, "weixin": {"wechat"}}

NOTICE = "〔此处含疑似学生个人信息，未予显示〕"

# ---------------------------------------------------------------------------
# detection


class Match(Values):
    """kind, start and end (character offsets in the scanned text), masked."""

    __slots__ = ("kind", "start", "end", "masked")


# The text as it is read: narrowed (chars.NARROW: full-width digits, letters, @ and hyphen → ASCII, the
# full-width, non-breaking and other fixed-width spaces → " ", one character for one, so offsets stay: a
# number pasted from a web page or a Word table, 138\u00a01234\u00a05678), and without the characters of
# no width (chars.INVISIBLE): shown as nothing, 张\u200b同学 is 张同学 on the site (Scanner._scan finds
# them in the text without them).
_normal = narrower({**NARROW, **dict.fromkeys(INVISIBLE, "")})


# A student called by surname (张同学, 李某某, 王某): a common surname at the start of a text, after
# punctuation, a space or 与/和/跟/对/向/给/让/帮/找, after a nickname's 小/老 (小张同学, 老王同学), a
# cohort, class, post or 的/位 (2026级王同学, 2601班李同学, 班长王同学, 宣传委员李同学, 反映问题的陈同学,
# 一位刘同学), or after 学生/该生/同学/男生/女生/新生 (同学张某, 一名男生李某), then 同学 or 某.
# Not 同学们 (everyone), not 某种/某些/某天 … (no person), not a word that ends in a surname's
# character (提高同学, 吉林同学, 奖学金同学); 于, 方, 余 are left out (对于同学, 对方同学, 其余同学).  (小组同学, 老师同学们, 2026级同学, 全体同学, 委员同学 hold no
# surname: tests/fixtures/clean_texts.txt)
# A full name (学生张三丰) is not looked for as 学生/同学 + surname + one or two characters: some 800 common
# words begin with a surname's character (学生文化节, 学生任务, 学生许多, 同学曾经); full names come from the
# protected list; nor as 与/和 + surname + one or two characters before 谈心/交流 (与王建国谈心): 与文学院交流, 与马院沟通,
# 与高年级交流经验 and the staff's own names would be refused.  (site/guide/privacy.md says so, and why an office's landline is
# told too.)
_SURNAME_CHARS = ("王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕苏卢"
                  "蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙"
                  "万段雷钱汤尹黎易常武乔贺赖龚文闫付韦严覃莫肖陶洪")
# Some cadres type traditional characters (張同學, 小陳同學, 李姓學生): each surname's traditional form
# where it differs, and the words around it in both scripts.
_TRADITIONAL = {"张": "張", "刘": "劉", "陈": "陳", "杨": "楊", "黄": "黃", "赵": "趙", "吴": "吳", "孙": "孫",
                "马": "馬", "罗": "羅", "郑": "鄭", "谢": "謝", "韩": "韓", "冯": "馮", "萧": "蕭", "邓": "鄧",
                "许": "許", "吕": "呂", "苏": "蘇", "卢": "盧", "蒋": "蔣", "贾": "賈", "叶": "葉", "阎": "閻",
                "钟": "鍾", "谭": "譚", "邹": "鄒", "陆": "陸", "顾": "顧", "龙": "龍", "万": "萬", "钱": "錢",
                "汤": "湯", "乔": "喬", "贺": "賀", "赖": "賴", "龚": "龔", "闫": "閆", "韦": "韋", "严": "嚴"}
_SURNAME_CHARS += "".join(_TRADITIONAL.values())
# The compound surnames (欧阳同学, 司马某, 诸葛姓学生, 与呼延同学谈心, 萬俟某: both characters masked), the import's
# list (generator/surnames.py).  Those that are words too (东方红, 西门, 第五名, 公孙树) are no one before anything but
# 同学, 某 or 姓 and a student word, as any surname; but 长孙 after a word ending in 长 is that word and 孙 (班长孙同学:
# 孙 alone masked, _NOT_LONG).
_COMPOUNDS = tuple(COMPOUNDS)
_NOT_LONG = "(?!(?<=[班院校部处處科组組队隊舍室社会會家团團站馆館所局市县縣省村镇鎮厂廠店船机機学學师師兄首])[长長][孙孫])"
_COMPOUND_FIRST = "".join(sorted({c[0] for c in _COMPOUNDS}))
# (the last characters of the compound surnames: a quick check's class — a compound before 生 or a list's end ends with
# one — where an alternation of the 47 would be tried at every character of every line)
_COMPOUND_LAST = "".join(sorted({c[-1] for c in _COMPOUNDS}))
_BEFORE_CALLED = "与和跟对向给让帮找、。“小老级班的位长员友與對給讓幫級長員"  # (友: 舍友王某, 室友李同学)
_CLASSMATE = "同[学學]"  # 同学, 同學
# A space typed between the surname and 同学 or 某 (张 同学, 王　同学, 张 某, a non-breaking space pasted
# from a web page, a thin space from a Word table) hides no one: one of them may stand there (the form reads
# the text as typed, so every space of chars.SPACES is named though `validate` narrows them to " ").
_SPACE = ANY_SPACE[1:-1]
_SPACE_CHARS = " " + "".join(SPACES)  # (the characters themselves, where a text is stripped of them: str.strip's argument)
# Or several at once (张、李两位同学, 王、刘同学, 陈和黄几位同学, 王、刘与赵三名同学, 小张、小李同学): single
# surnames (小/老 before them, or not) joined by 、/和/与/及, a comma (张，李同学; a space after it: 张, 李同学) or a slash (张/李), then 等 or a
# count (两位, 几位, 三名, 两; a space before it: 张、李 两位同学) and 同学 or 男同学/女同学, or 某 (张、李某), or 等 or a count and 学生/男生/女生/新生 (张、李两名学生; 高、低年级学生, 文、史两科学生
# are no one), or 等人 or a number and 人 (张、李二人, 王和刘两人; 男、女二人 is no one); the whole list is one find, and `mask` hides each
# surname of it (the one after each joiner), not only the first.  (老师、同学 and 家长和同学 name no one.)
_LIST_JOIN = "、和与及與，,/／"
_NUMBER = "一二两三四五六七八九十几兩幾数數俩倆2-9"
_COUNT = f"(?:[{_NUMBER}][位名个個]?|[位名个個])"
_HOW_MANY = f"(?:{_COUNT})?"
_JOINED = f"[{_LIST_JOIN}][{_SPACE}]?[小老]?"  # (a space after the joiner: 张, 李同学; 小/老 before the next surname)
_ENDS = f"(?:等{_HOW_MANY}|{_COUNT})"  # (等, 两位, 三名, 两 … before the list's last words)
# (学生, 男生, 女生, 新生, 学员, 研究生, 本科生: a list's last words after a count; not a student's post that is staff
# here: 研究生助教, 本科生助管, 学生辅导员助理 — 陈、黄两位研究生助教, 一名李姓研究生助教)
_AS_STAFF = "(?!助[教管]|[辅輔][导導][员員]助理)"
_LEARNERS = f"(?:[学學男女新]生|[学學][员員]|研究生|本科生){_AS_STAFF}"
# 某 or 某某 after a surname (a space between them or not), but not a word that begins with 某 (某种, 某些).
# Or a placeholder for the given name, as 某 is (王XX, 张X, 刘××: the surname is the data).  Not 张** — a protected
# name's own mask (李**) in a message would be masked again.
_PLACEHOLDER = "[Xx×]{1,3}(?![A-Za-z0-9])"
# Or asterisks for the given name (张*同学, 李**同学, 学生王*, 与张*谈心) — only before 同学 or a word of talking, or after a
# student word: 李** alone is a protected name's own mask (in a message), and **…** Markdown's bold.
_STARS = "\\*{1,3}(?!\\*)"
_SOMEONE = "某某?(?![种些个一项次方面处天日时晚地类件位段样種個項處時類樣])"  # (某 or 某某 for the given name: initials' too, Z某)
# (… but not before a firm's word, an organisation's of no other reading: 与张某公司交流, 带学生到王某企业参观, 与李某单位合作 name a
# firm, as H某企业 does (_ORGANISATION); not a single character — 张某市场营销专业, 李某省吃俭用, 王某局促, 赵某镇定 are a student —
# nor 学校/学院/中学/大学: 张某大学期间, 李某学院奖学金)
# (not a bank's card or account, a student's: 学生刘某银行卡丢失; nor after a parent's word — 该生父亲王某单位, a parent's surname is
# the student's: _MR —, nor after a student's word, _some_after; nor 医院, 部门, 基地, where a student goes far more often than a firm is
# so named: 李某医院复查, 张某部门实习, 李某基地训练 — an organisation's initials before them are one, H某医院: _ORGANISATION)
_FIRM = ("公司|企[业業]|[单單]位|[银銀]行(?![卡账帐賬户戶])|集[团團]|[机機][构構]|工[厂廠]|[协協][会會]"
         "|[网網]站|[门門]店|商[场場]|[酒饭飯]店|[宾賓][馆館]")
_SOME_OF_ANY = f"[{_SPACE}]?(?:{_SOMEONE}|{_PLACEHOLDER})"
_SOME = f"[{_SPACE}]?(?:{_SOMEONE}(?!某?(?:{_FIRM}))|{_PLACEHOLDER})"
# Or by the initials of their name (ZS同学, zhs同学, Z 同学), or those of their surname before 某 as a surname is (与Z某谈心,
# 学生LM某反映, ZS某同学; no space before 某 — or 某, a 某 are English words —, and 某种, 某些 … are no one there either): 1–3
# Latin letters, no letter or digit before them, nor a letter's stop before one letter
# (Python同学, 2601A同学, U.S同学 are no one; Z.S同学 is found whole: _DOTTED; Z.Li同学 is Li's), not 同学们/同学群/同学会/同学录/同学圈; several joined as
# surnames are (ZS、LM同学, ZS和LM两位同学: one find, every letter masked).
# 某同学 alone names no one; 张某同学 is 张某 (the rule above).
# Not letters no pinyin syllable starts with (I, U, V: AI同学 a chatbot, UI同学, VR同学), not a common acronym
# (GPA同学, MBA同学, PhD同学, HR同学: any case), not 同学小组 (A、B两个同学小组: a group).
_ACRONYMS = ("GPA", "MBA", "MPA", "MPH", "MFA", "PHD", "ACM", "HR", "CEO", "APP", "PPT", "CET", "DJ", "PK")


def _not_words(words) -> str:
    """A look-ahead: none of `words` (Latin letters, any case) as a whole word here."""
    return "(?!(?:" + "|".join("".join(f"[{c.upper()}{c.lower()}]" for c in w) for w in words) + ")(?![A-Za-z]))"


_NOT_ACRONYM = _not_words(_ACRONYMS)
_INITIAL = f"{_NOT_ACRONYM}[A-HJ-TW-Za-hj-tw-z]{{1,3}}"
# Or the surname written in pinyin (与Zhang同学交流, Wang某, zhang 同学, Ouyang同学: generator/surnames.py's READINGS), its first letter
# either case, with a given name after it or not (Zhang Wei同学, ZhangWei同学, Li ming同学, zhang.wei同学; up to twelve letters a part:
# Xiaoming, Zhengguo, Zhuangzhuang) — every letter masked, as initials'
# (Zhang Wei老师, Z楼 are no one: no 同学, 某 or 姓 after them; nor an app's name that reads as one, any case — WeChat's WeiXin同学群,
# 钉钉's DingTalk同学, 小红书's XiaoHongShu同学, 微博's WeiBo, 淘宝's TaoBao: _APPS —; Wei Xin同学, Ding Tao同学 are a student's)
_APPS = ("WeiXin", "WeiBo", "DingTalk", "XiaoHongShu", "TaoBao")
# (or all in capitals, as a passport writes it — ZHANG同学, ZHANG WEI同学, ZHANG Wei同学 —, a hyphen before the given name too:
# Zhang-Wei同学)
_PINYIN = "(?:" + "|".join(f"[{r[0].upper()}{r[0]}]{r[1:]}|{r.upper()}" for r in sorted(READINGS, key=len, reverse=True)) + ")"
_PINYIN_NAME = (f"{_not_words(_APPS)}{_PINYIN}(?:[{_SPACE}.\\-](?:[A-Za-z][a-z]{{0,11}}|[A-Z]{{2,12}})|[A-Z][a-z]{{0,11}}){{0,2}}")
# Or the initials each with a full stop after it (Z.S.同学, Z. S. 同学, z.s.某: the letters masked, the stops kept; not a letter
# after another's stop, U.S.同学, i.e.同学), the last stop left out or not (Z.S同学: the whole found, not S alone)


def _dotted(letter: str) -> str:
    """Initials of `letter` each with a full stop, the last one's stop left out or not."""
    return (f"(?<!\\.){letter}\\.(?:[{_SPACE}]?{letter}\\.){{0,2}}"
            f"(?:[{_SPACE}]?{letter}(?![A-Za-z.]))?")


_DOTTED = _dotted("[A-HJ-TW-Za-hj-tw-z]")
_NAME_LETTERS = f"(?:{_PINYIN_NAME}|{_DOTTED}|{_INITIAL})"
# Nor wx/WX where it is WeChat (微信): after a verb of using it (加wx同学, 通过wx同学联系, 拉wx同学进群), or before
# a group a few characters on (WX同学交流群, wx同学互助群); 与WX同学谈心, wx同学反映 may be initials and are found.
# Nor QQ or WX before 某群, an app's group (学生在QQ某群里发广告, 同学们在WX某群); 学生WX某反映 may be initials.
_NOT_WECHAT = (f"(?!(?<=[加用拉建进過过])[Ww][Xx](?![A-Za-z])|[Ww][Xx][{_SPACE}]?{_CLASSMATE}"
               "[\u4e00-\u9fff]{0,4}[群羣圈]|(?:[Qq]{2}|[Ww][Xx])某某?[群羣])")
_A_STUDENT_WORD = f"(?:[学學][生员員]|[男女]?{_CLASSMATE}|[女男新]生)"  # (Z姓同学, Z姓学生: an initial before 姓 as a surname is)
# An organisation's initials before 某 and its word are no student (带学生赴H某企业参观, 与XY某公司交流, 联系了B某单位, 与A某某部门合作);
# 与Z某谈心 is.
_ORGANISATION = (f"(?!某?(?:{_FIRM}|部[门門]|[医醫]院|基地|[学學]校|[学學]院|[厂廠]"
                 "|局|所(?![在说說以有属屬谓謂])|院(?![系长長])|[中小大]学|[中小大]學|高校|社区|社區|中心|[团團](?![员員支委])"
                 "|[县縣]|[镇鎮]|市|省|村|街道))")
_INITIALS = (f"(?<![A-Za-z0-9_])(?!(?<=[A-Za-z]\\.)[A-Za-z](?![A-Za-z])){_NOT_WECHAT}{_NAME_LETTERS}(?:(?:[{_LIST_JOIN}][{_SPACE}]?{_NAME_LETTERS})+[{_SPACE}]?{_ENDS}?)?"
             f"(?:[{_SPACE}]?{_CLASSMATE}(?![们們群会會录錄圈]|小[组組])|{_SOMEONE}{_ORGANISATION}|[{_SPACE}]?姓[{_SPACE}]?{_A_STUDENT_WORD})")
# The one expression for it, which the web form's pattern carries too (cms.private_detectors): it
# reads the same in Python and in JavaScript, so the form warns of what `validate` blocks.
# (The look-ahead first: only where a surname and 同学/某 follow are the look-behinds tried; the asterisks' readings behind
# their own, a surname and *: tests/test_privacy.py checks that each alternative that can match * begins with one.)
# Or by "the student surnamed 李" (李姓学生, 张姓同学, 王姓女生; a space on either side of 姓 or both: 张 姓同学,
# 李姓 学生; or a parent: 李姓家长), wherever it stands; a list of them as a list before 同学 (张、李姓同学, 张姓、李姓学生);
# or 姓 first (一名姓李的学生, 姓王的同学, 一名女生（姓张）: the surname alone is masked).
_SURNAMED_AS = f"[{_SPACE}]?姓"
# A list's last words: a count or 等 (and 姓: 王、李两姓同学) and 同学 (同学们 after one: 张、李两位同学们),
# 同学 alone (not 同学们: 老师、同学们 … hold no surname, but a list's last word might end in one),
# a count or 等 and 学生/男生/…, or 等/a number and 人 (张、李二人).
_LIST_END = (f"(?:{_ENDS}姓?[{_SPACE}]?[男女]?{_CLASSMATE}|[男女]?{_CLASSMATE}(?![们們])"
             f"|{_ENDS}姓?[{_SPACE}]?{_LEARNERS}|(?:等|[{_NUMBER}])人)")
# Two surnames with no joiner (张李两位同学, 张李二人): only before 两/二/2/俩 and the list's last words (three before 三)
# (江苏, 黄石 — a province, a city — are no one).  A list and a count with no student word after it (张、李两位
# 谈心, 张、李两位家长: a parent's surname is most often the child's) names students too, but for staff.
_TWO = "两二兩2俩倆"
_STAFF = ("(?:老?[师師]|[教講讲]|辅导员|輔導員|班主任|[导導][师師]|[书書]记|[院校处科]长|[處][長]|主任|[领領][导導]|干部|幹部"
          "|同志|同事|[专專]家|嘉[宾賓]|校友|[医醫]|[护護]士|阿姨|先生|女士|助[教管]|宿管|[职職]工|[员員]工|工作人[员員]|保安|保洁|保潔"
          "|门卫|門衛|司机|司機)")
# (a few words before the staff word: 任课教师, 副教授, 专业课老师, 女老师, 校领导 — but not across 和/与/、: 两位家长和老师)
_STAFF_WORDS = f"(?:(?![和与及、，,與])[\u4e00-\u9fff]){{0,4}}{_STAFF}"
_A_STUDENT = f"(?:[学學][生员員]|[男女]?{_CLASSMATE}|[女男新]生|研究生|本科生){_AS_STAFF}"  # (刘姓女同学)
# A parent called by surname (李家长反映, 与张妈妈通话, 李爸爸来电, 陈父亲; or after the word: 家长王先生, 学生母亲张女士,
# 该生父亲王某): a parent's surname is most often the student's, as in 张、李两位家长 (not 家长们: 王家长们 is no
# likelier a word).
_PARENT = "(?:家[长長](?![们們期])|[妈媽]{2}|爸爸|[父母][亲親])"
# (a word of talking, meeting or asking: _NICKNAMED_RX's, and after asterisks: 与张*谈心)
_TALK = ("(?:[谈談聊说說]|交流|[沟溝]通|[见見]面|通[话話]|通?[电電][话話]|[联聯][系繫]|[约約][谈談]|私聊|[视視][频頻]"
         "|一起|[讨討][论論]|了解|反映|表示|提出|申[请請])")
# (what one student does at a meeting: 主持, 发言, 汇报, 分享, 代表 … — after a roll number, 5号同学主持, or a nickname, 小张主持班会, as a
# word of talking is)
_ACTS = ("(?:主持|[发發]言|[汇匯][报報]|分享|介[绍紹]|[讲講][解述]|演[讲講]|朗[诵誦]|宣[读讀]|[领領][读讀]|代表|[负負][责責]"
         "|担任|擔任|[记記][录錄]|[总總][结結]|展示|答[辩辯])")
# Or right after a verb of what a cadre does with a student (约谈王同学, 通知王同学家长, 提醒张同学, 表扬赵同学, 请孙同学发言):
# a whole word, two characters (one: 请/问/陪/劝/催/约/叫), not a word's last character (提高同学, 帮助贫困同学 hold no surname
# right after the verb).  (Code, not a policy word list: the verbs are part of the expressions, with the
# look-behinds and their gate _VERB_ENDS, that the web form is given as they are built here (cms.grouping, the
# form's agreement tests); a word added in records/ would change what validate and the form find without a
# test of the expressions it makes, as 提高同学 was.)
_VERBS = ("约谈|約談|帮助|幫助|帮扶|幫扶|提醒|表扬|表揚|表彰|通知|告知|告诉|告訴|转告|轉告|批评|批評|鼓励|鼓勵|关心|關心|关注|關注"
          "|关爱|關愛|看望|探望|走访|走訪|家访|家訪|回访|回訪|联系|聯繫|聯系|询问|詢問|安慰|陪同|指导|指導|辅导|輔導|督促|邀请|邀請"
          "|叮嘱|叮囑|嘱咐|囑咐|带领|帶領|慰问|慰問|资助|資助|推荐|推薦|动员|動員|劝导|勸導|开导|開導|疏导|疏導|约见|約見|接见|接見"
          "|会见|會見|问候|問候|奖励|獎勵|提示|转介|轉介|陪伴|祝贺|祝賀|看护|看護|照顾|照顧")
# (the last characters of the verbs: one look behind at every place before the verbs' hundred — as with 了 and 小)
_VERB_ENDS = "".join(sorted({verb[-1] for verb in _VERBS.split("|")}))
# Where a surname may stand: at the start, after a space or a mark, after _BEFORE_CALLED's characters, a student word
# or a verb (_VERBS).
# (a kind of student — 研究生, 本科生, 博士生/硕士生, 毕业生, 贫困生/学困生, 困难生: their last two characters, one look-behind — before a
# surname as 学生 is: 与研究生张某谈心, 本科生王某, 研究生李同学; and before a nickname, _MATES)
_KINDS_OF_STUDENT = "困生|究生|科生|士生|业生|業生|难生|難生"
_STUDENT_BEHIND = f"学生|该生|學生|該生|同学|同學|男生|女生|新生|{_KINDS_OF_STUDENT}"  # (a student's word, each two characters)
_STANDS = (f"(?:(?<![\u3400-\u9fff])|(?<=[{_BEFORE_CALLED}])|(?<={_STUDENT_BEHIND})"
           f"|(?<=[{_VERB_ENDS}])(?<={_VERBS})|(?<=了)(?<=(?:{_VERBS})了)|(?<=[请问陪劝催约叫請問勸約]))")
# (after a parent's word, a surname and 先生/女士 or 某: 家长王先生, 学生母亲张女士, 该生父亲王某, 家长欧阳先生)
_AFTER_PARENT = "(?<=[长長亲親妈媽爸])(?<=家长|家長|父亲|母亲|父親|母親|妈妈|爸爸|媽媽)"  # (their last characters first: one test)
_MR = f"(?:[{_SPACE}]?(?:先生|女士)|{_SOME_OF_ANY})"


def _some_after(width: int) -> str:
    """某 after a surname of `width` characters: right after a student's word (a space between or not) whatever follows it —
    学生李某医院复查, 看望学生赵某医院, 学生张某公司实习, a firm's word where the student went, as after a parent's (_MR) —, else
    not before a firm's word (_SOME: 与张某公司交流)."""
    dots = "." * width
    return f"(?:(?<=(?:{_STUDENT_BEHIND}){dots})|(?<=(?:{_STUDENT_BEHIND})[{_SPACE}]{dots})){_SOME_OF_ANY}|{_SOME}"


# (a compound surname and a parent's word — 欧阳家长, 上官妈妈 — but not at 西门 the gate: 西门家长接送区)
_NOT_A_GATE = "(?<![西]门)(?<!西門)"
# (a compound surname, or a single one: 姓欧阳的同学, 欧阳*同学 as 姓王的同学, 张*同学)
_COMPOUND = f"(?:{'|'.join(_COMPOUNDS)})"
_ANY_SURNAME = f"(?:{_COMPOUND}|[{_SURNAME_CHARS}])"
# (… and a look-ahead's quick class for it: a surname, or a compound's first and last characters — an alternation of
# the compounds tried at every character of a text costs as much as the rest of the expression; the reading after it
# holds the surname itself)
_SOME_SURNAME = f"(?:[{_SURNAME_CHARS}]|[{_COMPOUND_FIRST}][{_COMPOUND_LAST}])"
_SURNAMED_RX = (f"(?=[{_SURNAME_CHARS}](?:[{_SPACE}]?(?:{_CLASSMATE}|某|[Xx×]|{_PARENT})|{_SURNAMED_AS}?{_JOINED}[{_SURNAME_CHARS}]"
                f"|[{_SURNAME_CHARS}][{_SPACE}]?[{_TWO}]|[{_SURNAME_CHARS}]{{2}}[{_SPACE}]?[三叁3]))"
                f"{_STANDS}[{_SURNAME_CHARS}](?:[{_SPACE}]?(?:{_CLASSMATE}(?![们們])|{_PARENT})"
                f"|{_some_after(1)}"
                f"|{_SURNAMED_AS}?(?:{_JOINED}[{_SURNAME_CHARS}]{_SURNAMED_AS}?)+(?:{_SOME}|[{_SPACE}]?(?:{_LIST_END}"
                f"|[{_NUMBER}][位名](?![{_SPACE}]?{_STAFF_WORDS}))|{_SURNAMED_AS}[{_SPACE}]?{_A_STUDENT})"
                f"|(?!(?<=江)苏|(?<=黄)石)[{_SURNAME_CHARS}](?:[{_SPACE}]?(?=[{_TWO}])|[{_SURNAME_CHARS}][{_SPACE}]?(?=[三叁3])){_LIST_END})"
                f"|[{_SURNAME_CHARS}]{_SURNAMED_AS}[{_SPACE}]?(?:{_A_STUDENT}|{_PARENT})"
                f"|(?:(?<=姓)|(?<=姓[{_SPACE}])){_ANY_SURNAME}(?=的?(?:{_A_STUDENT}|{_PARENT})|[)）])"
                f"|{_AFTER_PARENT}[{_SURNAME_CHARS}]{_MR}"
                f"|(?=[{_COMPOUND_FIRST}][{_COMPOUND_LAST}]){_NOT_LONG}(?:{_STANDS}"
                f"{_COMPOUND}(?:[{_SPACE}]?(?:{_CLASSMATE}(?![们們])|{_NOT_A_GATE}{_PARENT})|{_some_after(2)})"
                f"|{_COMPOUND}{_SURNAMED_AS}[{_SPACE}]?(?:{_A_STUDENT}|{_PARENT})"
                f"|{_AFTER_PARENT}{_COMPOUND}{_MR})"
                f"|(?={_SOME_SURNAME}{_SURNAMED_AS}?{_JOINED}[{_COMPOUND_FIRST}{_SURNAME_CHARS}]){_NOT_LONG}{_STANDS}{_ANY_SURNAME}{_SURNAMED_AS}?"
                f"(?:{_JOINED}{_ANY_SURNAME}{_SURNAMED_AS}?)+(?:{_SOME}|[{_SPACE}]?(?:{_LIST_END}"
                f"|[{_NUMBER}][位名](?![{_SPACE}]?{_STAFF_WORDS}))|{_SURNAMED_AS}[{_SPACE}]?{_A_STUDENT})"
                f"|(?={_SOME_SURNAME}\\*){_NOT_LONG}(?:{_STANDS}{_ANY_SURNAME}{_STARS}(?:[{_SPACE}]?{_CLASSMATE}(?![们們])|(?={_TALK}))"
                f"|(?<=学生|该生|學生|該生|同学|同學|男生|女生|新生){_ANY_SURNAME}{_STARS})")
# Or by a nickname, 小 and a surname, with no 同学 (与小张谈心, 和小李聊了聊, 与小张、小李交流): after 与/和/跟/同/找/约/由,
# 学生/该生/同学/男生/女生/新生, or at the start of a text or a clause (小张反映), and before a word of talking, meeting
# or asking (反映, 表示, 提出, 申请), what one student does at a meeting (_ACTS: 小张主持班会, 班会由小李主持) or a closing bracket
# (一名学生（小王）), where it can be no word (小组, 小时, 小结, 小程序 hold no surname
# before such a word; 小白 — a beginner — is left out).
# Or before what a student has (小张的成绩, 该生小陈的家长) or shares with another (小李同寝室, 同班); or, right after
# a student word, before nothing, a punctuation mark, a bracket or a space (同学小张, 学生小李，…, 学生小张（2601班）反映; not
# 学生小程序, 同学小组, 小康的生活; 学生小张（化名） is a pseudonym: _called).
# Or after a roommate's, a deskmate's or a student post's word (班长小王, 团支书小王, 舍长小李, 贫困生小王: _MATES), 叫, 给/向/对/帮/和/跟/与 (给小张打电话, 向小张了解情况), or a verb of what a cadre does with a student (_VERBS:
# 室友小李, 舍友小李, 班长小王, 同桌小陈, 一名叫小李的同学, 约谈小张, 提醒小李按时返校, 表扬小王), before anything but the rest
# of a word of 小 (叫小程序, 小康, 小金库, 小黄车, 小高层, 小龙虾, 指导小孔成像, 关注小毛病, 辅导小高考, 推荐小周末: _NOT_NICKNAMED;
# 小组, 小时, 小结 hold no surname).
_HAS = ("(?:的(?:成[绩績]|[学學][业業]|情[况況绪緒]|家[长長庭]|父母|[室舍]友|宿舍|[寝寢]室|心理|身[体體])"
        "|同(?:[寝寢]室|宿舍|[班桌组組]))")
# (a compound surname too: 与小欧阳谈心, 同学小欧阳, 室友小上官 — both its characters masked; not 小西门, a place: 和小西门的商户交流)
_NICKNAME = f"(?:(?!西[门門]){_COMPOUND}|(?!白)[{_SURNAME_CHARS}])"
_NICKNAMES = f"{_NICKNAME}(?:[{_LIST_JOIN}][{_SPACE}]?小?{_NICKNAME})*"
# (the rest of a word of 小 whose next character is a surname's: 小程序, 小康, 小孔成像, 小毛病, 小常识, 小高考, 小周末 …)
_NOT_NICKNAMED = "程序|康|金库|黄车|高层|龙虾|孔成像|毛病|常识|高考|周末|范围|任务|文章|高峰"
# (nor a member of staff so called: 邀请小张老师, 联系小王辅导员, 陪同小刘医生 — a staff word (_STAFF) right after it, but
# not 教/讲 alone: 表扬小王讲得好 names a student; 教师, 讲师, 教授 are staff)
_NOT_TITLED = f"(?![{_SPACE}]?(?:[教講讲][师師授]|{_STAFF}(?<![教講讲])))"
# (the verbs of one character — 请/问/陪/劝/催/约/叫 — and the words of whom a cadre does something to or with: 给/向/对/帮,
# 和/跟/与 — 给小张打电话, 向小张了解情况, 对小王进行批评, 跟小李去医院 — before anything but the rest of a word of 小:
# 向小组汇报, 对小学生, 给小额贷款, 与小区物业 hold no surname after 小)
_TO_WHOM = "叫请问陪劝催约請問勸約给向对帮和跟与給對幫與"
# (A space typed before 小 or after the nickname — 约谈 小张, 学生 小李, 与小张 谈心, 小张 反映: on a phone — hides no one.)
# (a roommate, a deskmate, a post in the class or the dormitory — 班长, 团支书, 学习委员, 班委, 舍长, 寝室长 — or a kind of
# student — 贫困生, 学困生, 研究生, 本科生, 毕业生, 困难生: the last two characters, one look-behind)
_MATES = "室友|舍友|同桌|班长|班長|支书|支書|委员|委員|班委|舍长|舍長|室长|室長|" + _KINDS_OF_STUDENT
_STUDENT_WORDS = "(?:学生|该生|同学|男生|女生|新生|學生|該生|同學)"
_STUDENT_WORD_ENDS = "".join(sorted({w[-1] for w in _STUDENT_WORDS[3:-1].split("|")}))  # (生学學: the gate before initials)
_AFTER_A_STUDENT = f"(?:(?<={_STUDENT_WORDS}小)|(?<={_STUDENT_WORDS}[{_SPACE}]小))"
# Or initials of two or three capitals (each with a stop or not: 学生Z.S.反映) right after a student word, with no 同学 after them (与学生ZS谈心, 同学LS反映, 学生ZYX，成绩下滑;
# several: 学生ZS、LM反映), before what _NICKNAMED_RX wants after a nickname there: a word of talking, what a student has, a mark or
# the end (a space before a word of Latin letters is no end: 学生MS Office培训) — not one letter (学生A、学生B: a code, as 学生甲), an
# acronym (学生GPA, 同学PPT展示), nor QQ, WX or TEL, an account's or a phone's (添加同学QQ，…), nor small letters (学生 or 人: English)
_INITIALS_AFTER = (f"(?:(?<={_STUDENT_WORDS})|(?<={_STUDENT_WORDS}[{_SPACE}])){_NOT_ACRONYM}(?!(?:QQ|WX|TEL|OK)(?![A-Za-z]))"
                   f"(?:[A-HJ-TW-Z]{{2,3}}|(?=[A-HJ-TW-Z]\\.[{_SPACE}]?[A-HJ-TW-Z]){_dotted('[A-HJ-TW-Z]')})(?:[{_LIST_JOIN}][{_SPACE}]?(?!WX(?![A-Za-z]))[A-HJ-TW-Z]{{1,3}})*(?![A-Za-z0-9_])"
                   f"(?=[{_SPACE}]?(?:{_TALK}|{_HAS}|[)）])|[，。；：！？、,.;:!?（(]|\\s(?![A-Za-z0-9])|(?![\\s\\S]))")
# Or a surname's initials and 某 right after a student word, whatever follows them (学生Z某医院复查, 该生L某公司实习: where the student
# went, as 学生李某医院 is a student, _some_after) — an organisation's initials so only where no student word is right before them
# (组织学生到S某医院见习: 到 between).
_INITIALS_SOMEONE = (f"(?:(?<={_STUDENT_WORDS})|(?<={_STUDENT_WORDS}[{_SPACE}])){_NOT_WECHAT}{_NAME_LETTERS}"
                     f"(?:(?:[{_LIST_JOIN}][{_SPACE}]?{_NAME_LETTERS})+)?{_SOMEONE}")
# (… or after the class's or the dormitory's 的: 班里的小王, 2601班的小张, 宿舍里的小李, 寝室的小刘 — one of the class, named)
_OF_THE_CLASS = "|(?<=(?:班里|班上|班级|寝室|宿舍|班裡|班級|寢室)的小)|(?<=(?:班级里|寝室里|宿舍里|班級裡|寢室裡)的小)|(?<=班的小)"
_NICKNAMED_RX = (f"(?:(?<=[与和跟同找约與由][小])|{_AFTER_A_STUDENT}"
                 f"|(?<=小)(?<![\u3400-\u9fff]小)){_NICKNAMES}(?=[{_SPACE}]?(?:{_TALK}|{_ACTS}|{_HAS}|[)）]))"
                 f"|{_AFTER_A_STUDENT}{_NICKNAMES}(?=[\\s，。；：！？、,.;:!?）)（(]|(?![\\s\\S]))"
                 f"|(?<=小)(?:(?<=(?:{_MATES})小)|(?<=[{_TO_WHOM}]小)|(?<=(?:{_VERBS})小)|(?<=(?:{_VERBS})了小){_OF_THE_CLASS}"
                 f"|(?<=[{_SPACE}]小)(?:(?<=(?:{_MATES})[{_SPACE}]小)|(?<=[{_TO_WHOM}][{_SPACE}]小)"
                 f"|(?<=(?:{_VERBS})[{_SPACE}]小)|(?<=(?:{_VERBS})了[{_SPACE}]小)))(?!{_NOT_NICKNAMED}){_NICKNAMES}"
                 f"{_NOT_TITLED}")
# Or 生 for "student" after a surname (张生反映, 李生说, 与王生谈心, 一名学生（陈生）, 刘生的成绩), where a surname may
# stand and before what _NICKNAMED_RX wants after a nickname: not 先生/学生/医生/新生/考生/研究生/师生 (no surname before
# 生), nor 陆生 (a mainland student, as Taiwan says), 易生病, 高生产, 江苏生源 (no word of talking after).
_SHENG_RX = (f"(?={_SOME_SURNAME}生){_NOT_LONG}{_STANDS}(?![陆陸]){_ANY_SURNAME}生(?={_TALK}|{_HAS}|[)）])")  # (欧阳生 too)
# A pseudonym is no one (the privacy guide recommends one: 化名“小A”): a name marked as one — 化名 right before it
# (化名A同学, 化名为张同学, 化名“小张”, 化名：Z同学) or （化名） right after it (张同学（化名）) — is let through (_pseudonym);
# the form's expression carries the same marks as look-arounds (fixed-width look-behinds: Python's too).
_PSEUDONYM_MARKS = tuple(word + quote + small for word in ("化名", "化名为", "化名是", "化名叫", "化名：", "化名:")
                         for quote in ("", "“", '"', "「", "‘", "'") for small in ("", "小"))
_PSEUDONYM_AFTER = "[”\"」’']?\\s?[（(]化名[)）]"
_PSEUDONYM_NEXT = Lazy(_PSEUDONYM_AFTER)
_MARK_LONGEST = max(map(len, _PSEUDONYM_MARKS))
CALLED_RX = ("".join(f"(?<!{re.escape(mark)})" for mark in _PSEUDONYM_MARKS)
             + f"(?:{_SURNAMED_RX}|{_NICKNAMED_RX}|{_SHENG_RX}|{_INITIALS_SOMEONE}|{_INITIALS}|{_INITIALS_AFTER})(?!{_PSEUDONYM_AFTER})")
# (Here the two halves run apart: the initials only where the text holds a Latin letter, which most
# texts with 同学 do not — the one expression took a third longer over the 12k corpus.)
# A student's full name before 同学 (与张小明同学谈心, 和李华同学交流, 约谈了欧阳明月同学): a surname where one may stand (_STANDS),
# one or two characters, then 同学 but 同学们/同学会/同学群 — kind full_name, a warning for the reviewer (W-PRIV-001), not an error:
# words begin with a surname's character as names do (文学院同学, 江西同学, 高年级同学, 周围同学).  Not where those characters
# are plainly no given name — a unit's, a class's, a place's, a count's, a kind's or a post's character (院, 班, 级, 省, 州, 号,
# 全, 各, 新, 老, 男, 女 …) —, a word that is no name (高中, 江西, 周围, 周五 …) or a compound surname (司马欧阳同学) — nor after
# a nickname's 小/老 (小王南湖同学: 小王, then a place).  The characters and the words are the university's, policy data
# (policy.yaml privacy.not_given_name_characters and privacy.not_name_words: NOT_NAMES, not_names_in); the web form reads
# the same expression (full_name_rx, cms.form_rules).  (tests/test_privacy.py: FULL_NAMES_FOUND, FULL_NAMES_CLEAN;
# bench/privacy_same.py measured it over the demo, the 12k corpus and the tests' pieces)
NOT_NAMES_KEYS = ("not_given_name_characters", "not_name_words")
NOT_NAMES = ("", ())  # (none excluded: a policy without the keys, whose schema error says the lines to add)


def full_name_rx(not_names=NOT_NAMES) -> str:
    """The expression of a full name before 同学, with `not_names` — (the characters of no given name, the words that
    are no name), a policy's (not_names_in) — left out."""
    chars, words = not_names
    chars = "".join(dict.fromkeys(c for c in chars if not c.isspace()))
    words = sorted({w for w in words if isinstance(w, str) and len(w) >= 2}, key=lambda w: (-len(w), w))
    no_word = f"(?!{'|'.join(map(re.escape, words))})" if words else ""
    no_char = f"(?![{''.join(map(re.escape, chars))}])" if chars else ""
    return (f"(?=[{_SURNAME_CHARS}{_COMPOUND_FIRST}]){_NOT_LONG}(?<![小老]){_STANDS}{no_word}(?:{_COMPOUND}|[{_SURNAME_CHARS}])"
            f"(?!{_COMPOUND})"
            f"(?:{no_char}[\u4e00-\u9fff]){{1,2}}(?={_CLASSMATE}(?![们們会會群录錄圈]))")


def full_name_form_rx(not_names=NOT_NAMES) -> str:
    """The web form's expression of a full name before 同学 (cms.form_rules: the page warns of it as validate does): full_name_rx
    but where it is marked as a pseudonym (_PSEUDONYM_MARKS before it, （化名） after it: _called lets it through)."""
    return ("".join(f"(?<!{re.escape(mark)})" for mark in _PSEUDONYM_MARKS)
            + f"(?:{full_name_rx(not_names)})(?!{_PSEUDONYM_AFTER})")


@lru_cache(maxsize=8)
def _full_name(not_names: tuple) -> Lazy:
    return Lazy(full_name_rx(not_names))


_SURNAMED = Lazy(_SURNAMED_RX)
_NICKNAMED = Lazy(_NICKNAMED_RX)
_SHENG = Lazy(_SHENG_RX)
# (a surname, 生 and the first character of what _SHENG_RX wants after it: every match of it holds one — 健康生活 does not;
# 生 first, which the expression engine looks for as fast as str.find, the surname behind it only where it stands, a
# compound's as its first and last characters)
_AFTER_SHENG = (f"(?:(?<=[{_SURNAME_CHARS}]生)|(?<=[{_COMPOUND_FIRST}][{_COMPOUND_LAST}]生))"
                "[谈談聊说說交沟溝见見通电電联聯约約私视視一讨討了反表提申的同)）]")  # (what follows 生: _gate's too)
_SHENG_NEAR = Lazy(f"生{_AFTER_SHENG}")
# (a surname and a list's last words but 同学/某: _called's quick no — 几名学生 and 共15人 are in most texts)
_LIST_TAIL_END = f"[{_SPACE}]?(?:{_ENDS}?姓?[{_SPACE}]?{_LEARNERS}|(?:等|[{_NUMBER}])人|[{_NUMBER}][位名])"  # (after the surname)
_LIST_TAIL = Lazy(f"[{_SURNAME_CHARS}{_COMPOUND_LAST}]{_LIST_TAIL_END}")
_LISTED = Lazy(f"({_JOINED})({_ANY_SURNAME})")
_INITIALED = Lazy(f"{_INITIALS_SOMEONE}|{_INITIALS}|{_INITIALS_AFTER}")
_LATIN = Lazy("[A-Za-z]")
_PARENT_WORD = Lazy(_PARENT)
# (a placeholder after a surname: 王XX, 张*, 欧阳XX; the placeholder first, the surname behind it only there)
_PLACED_BEHIND = (f"(?:(?<=[{_SURNAME_CHARS}][Xx×*])|(?<=[{_SURNAME_CHARS}][{_SPACE}][Xx×*])"
                  f"|(?<={_COMPOUND}[Xx×*])|(?<={_COMPOUND}[{_SPACE}][Xx×*]))")
_PLACED = Lazy(f"[Xx×*]{_PLACED_BEHIND}")
_SURNAME_SET = frozenset(_SURNAME_CHARS)
_COMPOUND_SET = frozenset(_COMPOUNDS)


def _parent_after_surname(norm: str) -> bool:
    """Whether a parent's word (_PARENT) stands right after a surname (a space between or not), or before
    a surname and 先生/女士: 家 is in
    one text in eight (大家, 国家, 家庭), 家长 in few, a surname before it in fewer."""
    if not ("家" in norm and ("家长" in norm or "家長" in norm)) and "妈" not in norm and "媽" not in norm \
            and "爸" not in norm and "亲" not in norm and "親" not in norm:
        return False  # (one character sooner found, or not, than two)
    for m in _PARENT_WORD.finditer(norm):
        before = norm[max(0, m.start() - 3):m.start()].rstrip(_SPACE_CHARS)  # (a compound surname's too: 欧阳家长)
        if before[-1:] in _SURNAME_SET or before[-2:] in _COMPOUND_SET:
            return True
        after = norm[m.end():m.end() + 5]  # (家长王先生, 母亲张 女士, 家长欧阳先生: 某 is looked for anyway)
        if any(after[:k] in (_SURNAME_SET, _COMPOUND_SET)[k - 1] and after[k:].lstrip(_SPACE_CHARS)[:2] in ("先生", "女士")
               for k in (1, 2)):
            return True
    return False


def _called(norm: str, full_name=None) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each student called by surname in `norm` (see _SURNAME_CHARS), but a pseudonym; `full_name`:
    the expression of a full name before 同学 (_full_name of the policy's words; None: none of them left out)."""
    found = _called_all(norm, full_name)
    if found and "化名" in norm:
        found = [f for f in found if not _pseudonym(norm, f[1], f[2])]
    return found


def _pseudonym(norm: str, start: int, end: int) -> bool:
    """Whether the find norm[start:end] is marked as a pseudonym (_PSEUDONYM_MARKS before it, （化名） after it)."""
    return norm[max(0, start - _MARK_LONGEST):start].endswith(_PSEUDONYM_MARKS) or _PSEUDONYM_NEXT.match(norm, end) is not None


def _called_all(norm: str, full_name=None) -> list[tuple[str, int, int]]:
    nicknamed = [("surname", m.start(), m.end()) for m in _NICKNAMED.finditer(norm)] if "小" in norm else []
    if "生" in norm and _SHENG_NEAR.search(norm):  # (张生反映: 生 is in most texts, 学生; a surname before it in few)
        nicknamed += [("surname", m.start(), m.end()) for m in _SHENG.finditer(norm)]
    # (every other find holds 某 or a placeholder (X, ×), 姓, 同学/同學, a parent's word — 家长, 妈妈, 爸爸, 父亲 … —, 生 and a Latin letter
    # (学生ZS: _INITIALS_AFTER) or — a list's — a surname, a count or 等 and 人 or 学生/男生/女生/新生/学员)
    if "某" not in norm and "姓" not in norm and ("同" not in norm or ("同学" not in norm and "同學" not in norm)) \
            and not (("X" in norm or "x" in norm or "×" in norm or "*" in norm) and _PLACED.search(norm)) \
            and not _parent_after_surname(norm) and ("生" not in norm or not _LATIN.search(norm)) \
            and (("人" not in norm and "生" not in norm and "员" not in norm and "員" not in norm and "位" not in norm
                  and "名" not in norm)
                 or not _LIST_TAIL.search(norm)):
        return nicknamed
    out = [("surname", m.start(), m.end()) for m in _SURNAMED.finditer(norm)] + nicknamed
    if "同学" in norm or "同學" in norm:
        out += [("full_name", m.start(), m.end()) for m in (full_name or _full_name(NOT_NAMES)).finditer(norm)]
    if _LATIN.search(norm):
        out += [("initials", m.start(), m.end()) for m in _INITIALED.finditer(norm)]
    return out


# (between groups: a space, a hyphen or a dot; every space of chars.SPACES named, as the web form reads the text as typed)
_SEP = f"[{_SPACE}\\-.]?"
# An ID number with no word before it: 18 digits (in groups too) of a real date whose check digit is right, or 15 of a
# province's code and a real date (Scanner._ids).  (The web form reads them with these expressions, and the same
# check digit, provinces and dates: cms.id_rules.)
ID18_RX = (rf"(?<![0-9])([1-9][0-9]{{5}}){_SEP}((?:18|19|20)[0-9]{{2}}){_SEP}([0-9]{{2}})([0-9]{{2}}){_SEP}"
           r"([0-9]{3}[0-9Xx])(?![0-9])")
ID15_RX = r"(?<![0-9])([1-9][0-9]{5})([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{3})(?![0-9])"
_ID18, _ID15 = Lazy(ID18_RX), Lazy(ID15_RX)
# (a leading + alone, as typed for +86: +13812345678, as the form reads it; the country code or the first
# three digits in brackets: (+86)138-1234-5678, +86 (138) 1234 5678; grouped 3-4-4, 4-3-4 or 3-3-5:
# 138 1234 5678, 1381 234 5678, 138 123 45678; dots too: 138.1234.5678).  (The web form refuses them with this
# expression: cms.private_detectors.)
# (between a mobile's groups, also a dash typed with spaces around it, an em dash — a Chinese input method's —, an underscore, a
# middle dot or two spaces: 138 - 1234 - 5678, 138—1234—5678, 138_1234_5678, 138  1234  5678)
_PHONE_SEP = rf"[{_SPACE}\-.—_·]{{0,3}}"  # (up to three of them: 138 — 1234)
MOBILE_RX = (rf"(?<![0-9])(?:[(（]?(?:\+|00)?86[)）]?{_PHONE_SEP})?(?:[(（]?1[3-9][0-9][)）]?{_PHONE_SEP}(?:[0-9]{{4}}{_PHONE_SEP}[0-9]{{4}}"
             rf"|[0-9]{{3}}{_PHONE_SEP}[0-9]{{5}})|1[3-9][0-9]{{2}}{_PHONE_SEP}[0-9]{{3}}{_PHONE_SEP}[0-9]{{4}})(?![0-9])")
_MOBILE = Lazy(MOBILE_RX)
# A landline: with its area code ((0411)8470 1234, 024-83687123, 转 an extension), or after 电话/座机/tel without it (8368 7123).
# (The web form refuses them with these expressions: cms.private_detectors.)
LANDLINE_RX = (r"(?<![0-9])(?:[(（]\s?(0[1-9][0-9]{1,2})\s?[)）]|(0[1-9][0-9]{1,2}))\s?[\-—]?\s?([1-9][0-9]{2,3})"
               rf"[{_SPACE}\-]?([0-9]{{4}})(?:(?:转|-|#|ext\.?)[0-9]{{1,5}})?(?![0-9])")
PHONE_WORD_RX = (r"(?:[电電][话話]|座[机機]|手[机機]|[联聯][系繫]方式|tel|Tel|TEL|phone|Phone)(?:[号號][码碼]|[号號])?\s?[:：是为為]?\s?"
                 rf"([2-9][0-9]{{2,3}}[{_SPACE}\-]?[0-9]{{4}})(?![0-9])")
_LANDLINE, _PHONE_WORD = Lazy(LANDLINE_RX), Lazy(PHONE_WORD_RX)
# An e-mail address, with (at), [at] or （at） for @ too (or AT: abc(AT)163.com), and a space around it.  (The web form refuses them with this
# expression: cms.private_detectors.)
# Or disguised, as a cadre copies it from a page that hides its addresses so: at and dot as words (zhang at 163 dot com,
# zhang AT 163 DOT com, zhang@163 dot com), in brackets ((dot), [dot]), 艾特 for @ and 点 for the dot (zhang艾特163点com); with
# the bare word at only before a mail domain's ending (com, cn, net …): look at this.pdf is English, not an address.
# (a mail domain's ending after at as a word in any case, as a page writes it — zhang At 163 Dot Com, as zhang AT 163 DOT COM:
# each letter [Cc], as JavaScript, the web form, reads no (?i:…))


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c}]" if c.isalpha() else c for c in word)


# (at and dot in brackets in any case too, as at as a word is: zhang(At)163.com, zhang[AT]qq(Dot)com)
_AT_BRACKETED = r"(?:\([Aa][Tt]\)|\[[Aa][Tt]\]|（[Aa][Tt]）)"
_AT_MARK = rf"\s?(?:@|{_AT_BRACKETED}|艾特)\s?"
_AT_WORD = r"\s[Aa][Tt]\s"
_DOT = r"(?:\.|\s?(?:\([Dd][Oo][Tt]\)|\[[Dd][Oo][Tt]\]|（[Dd][Oo][Tt]）|[点點])\s?|\s[Dd][Oo][Tt]\s)"
_MAIL_ENDS = "(?:" + "|".join(_any_case(e) for e in ("com", "cn", "net", "org", "edu", "gov")) + ")"


def _email(at: str, ending: str) -> str:
    return (rf"[A-Za-z0-9._%+\-]{{1,64}}{at}[A-Za-z0-9\-]{{1,63}}(?:{_DOT}[A-Za-z0-9\-]{{1,63}}){{0,5}}{_DOT}{ending}"
            r"(?![A-Za-z])")


EMAIL_RX = rf"(?<![A-Za-z0-9._%+\-])(?:{_email(_AT_MARK, '[A-Za-z]{2,24}')}|{_email(_AT_WORD, _MAIL_ENDS)})"
_EMAIL = Lazy(EMAIL_RX)
_QQ_WORD = r"(?:QQ|qq|Qq|qQ|扣扣|企[鹅鵝][号號]?)"
_WX_WORD = r"(?:微信|威信|薇信|徽信|[Vv]信|[Ww]e[Cc]hat|WECHAT|[Ww]ei[Xx]in|WX|wx|Wx|VX|vx|Vx)"
_ACCOUNT_SUFFIX = r"(?:[号號][码碼]|[号號]|[账帐賬帳][号號]|\s?[Ii][Dd])?"
_JOIN = rf"(?:\s?[/、或和及與]\s?(?:{_QQ_WORD}|{_WX_WORD}|手[机機]|[电電][话話]){_ACCOUNT_SUFFIX})*"
_SAYS = r"\s?(?:[:：=]|是|为|為|：)?\s?"
# (The web form refuses QQ numbers with this expression: cms.private_detectors.)
# (its number — a QQ account's, or a WeChat account's of digits — as one run of 5 to 12 digits, or in groups as a cadre reads it out: 123 456 789, 12345 6789, 1234-5678-9 — a first
# group of 2 to 5 digits, then one or two of 3 to 5, and one of 1 or 2 at the end or not; groups joined by a hyphen only
# after the account's saying word (a colon, =, 是, 为, 号码, 号: QQ：1234-5678-9) — without one two numbers and a hyphen are a
# range (通过QQ 300-500 人次答疑, 通过微信2025-2026学年联系学生) —, and no groups before a count's word (微信 10 000 余条消息))
_ACCOUNT_SAID = "(?:(?<=[:：=是为為码碼号號])|(?<=[:：=是为為码碼号號]\\s))"
_ACCOUNT_COUNTED = f"[{_SPACE}]?(?:[人次条條余餘份元万萬届屆件封页頁]|[学學]年|小[时時])"


def _account_groups(sep: str) -> str:
    return (rf"[1-9][0-9]{{1,4}}(?:{sep}[0-9]{{3,5}}){{1,2}}(?:{sep}[0-9]{{1,2}})?"
            rf"(?![0-9]|[{_SPACE}\-][0-9]|{_ACCOUNT_COUNTED})")


_ACCOUNT_SEP = rf"[{_SPACE}\-]"
_ACCOUNT_NUMBER = (rf"(?:{_ACCOUNT_SAID}{_account_groups(_ACCOUNT_SEP)}|{_account_groups(f'[{_SPACE}]')}"
                   rf"|[1-9][0-9]{{4,11}})(?![0-9])")
QQ_RX = rf"(?<![A-Za-z]){_QQ_WORD}{_ACCOUNT_SUFFIX}{_JOIN}(?![A-Za-z]){_SAYS}({_ACCOUNT_NUMBER})"
_QQ = Lazy(QQ_RX)
# (an English word after "WeChat" is not an account: "WeChat account", "WeChat group" — the program's
# own label for the kind, in English messages, was masked as "WeChat ac****t")
# (each letter in either case, as [Aa]: JavaScript — the web form — reads no (?i:…))
_ACCOUNT_WORDS = ("accounts?", "numbers?", "official", "groups?", "messages?", "contacts?", "chats?", "moments", "pay")
_NOT_AN_ACCOUNT = ("(?!(?:" + "|".join(_any_case(w) for w in _ACCOUNT_WORDS)
                   + r")(?![A-Za-z0-9_\-]))")
# (The web form refuses WeChat accounts with these expressions: cms.private_detectors.)
WECHAT_RX = (rf"(?<![A-Za-z]){_WX_WORD}{_ACCOUNT_SUFFIX}{_JOIN}(?![A-Za-z]){_SAYS}"
             rf"((?:wxid_[A-Za-z0-9_\-]{{4,40}})|{_NOT_AN_ACCOUNT}[A-Za-z][A-Za-z0-9_\-]{{5,19}}(?![A-Za-z0-9_\-])"
             rf"|{_ACCOUNT_NUMBER})")
WXID_RX = r"(?<![A-Za-z0-9])wxid_[A-Za-z0-9_\-]{4,40}"
_WECHAT, _WXID = Lazy(WECHAT_RX), Lazy(WXID_RX)
# An ID number right after 身份证/证件号, whatever its check digit: a mistyped or misremembered
# number still gives a student's birth date and most of their ID away.
# (The web form refuses them with this expression: cms.private_detectors.)
ID_WORD_RX = (r"(?:身份[证證]|[证證]件)(?:[号號][码碼]?)?\s?(?:[:：=]|是|为)?\s?"
              rf"((?:[0-9][{_SPACE}\-]?){{14}}[0-9](?:(?:[{_SPACE}\-]?[0-9]){{2}}[{_SPACE}\-]?[0-9Xx])?)(?![0-9])")
_ID_WORD = Lazy(ID_WORD_RX)
# A bank card's number (16 to 19 digits, in groups too) right after 银行卡/卡号/银行账号: where a student's grant is paid;
# a student number right after 学号/学生证号/学籍号.  (The web form refuses them with these expressions: its text as typed,
# so every space of chars.SPACES between the groups, and no full-width letter or digit after the number either.)
BANK_WORD_RX = (r"(?:[银銀]行卡|卡[号號]|[银銀]行[账帐賬][户戶号號])(?:[号號][码碼]?)?\s?(?:[:：=]|是|为)?\s?"
                rf"((?:[0-9][{_SPACE}\-]?){{15,18}}[0-9])(?![0-9\uff10-\uff19])")
_STUDENT_NUMBER_WORDS = "[学學][号號]|[学學]生[证證][号號]?|[学學]籍[号號]"  # (学号, 学生证号, 学籍号: either script in each place)
STUDENT_WORD_RX = (f"(?:{_STUDENT_NUMBER_WORDS})[码碼]?" r"\s?(?:[:：=]|是|为)?\s?"
                   rf"([A-Za-z]{{0,3}}[0-9](?:[{_SPACE}\-]?[0-9]){{4,13}})(?![0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])")
_BANK_WORD, _STUDENT_WORD = Lazy(BANK_WORD_RX), Lazy(STUDENT_WORD_RX)

# A part of a student number (1 to 4 digits) right after 学号, or its 尾号/末两位/后四位 …: within the ledger's class it
# names one student (学号03的同学, 学号尾号03, 学号后四位1234); not a count (核对学号30份, 学号2026级 — a cohort).
# (The words before it and the counts after it are the web form's too: cms.private_detectors.)
# (its last digits: 尾号, 末两位, 后四位 — or both, 尾号后三位, 尾数后两位 —, after 学号, 考生号 … and 身份证 alike; 身份证后四位数字 too)
def _part_of(then: str = "") -> str:
    """The words of a number's last digits (尾号, 末两位, 后四位, 尾号后三位), `then` the words that may follow 位 (an ID's: 数字, 号码)."""
    last = f"[一二两兩三四五六1-6]位" + (f"(?:{then})?" if then else "")
    return f"(?:尾[号號数數](?:[后後]{last})?|[后後末尾]{last})"


_PART_OF = _part_of()
PART_WORDS = (f"(?:{_STUDENT_NUMBER_WORDS}|班[级級]序[号號]|班[内內]序[号號]|座位?[号號])[码碼]?"
              f"(?:的?{_PART_OF})?")
PART_COUNTS = "名|人|次|位|个|余|多|届|级|年|月|日|天|份|项|条|处|张|%|個|餘|屆|級|項|條|處|張"  # (traditional too: 學號2026級)
# An exam candidate's, an admission ticket's or a passport's number (6 digits or more, in groups too; a letter before it:
# E12345678) right after 考生号/准考证(号)/护照(号); and the last digits of an ID number (身份证后四位1234, 身份证尾号0012).
# (The web form refuses them with these expressions: cms.private_detectors.)
OTHER_NUMBER_RX = (r"(?:考生[号號]|[准準]考[证證][号號]?|[护護]照[号號]?)[码碼]?\s?(?:[:：=]|是|为)?\s?([A-Za-z]{0,2}[0-9](?:[ \-]?[0-9]){5,17})"
                   r"(?![0-9A-Za-z])")
ID_PART_RX = (f"身份[证證](?:[号號][码碼]?)?的?{_part_of('[数數]字|[号號][码碼]?')}" r"\s?(?:[:：=]|是|为)?\s?"
              r"([0-9]{1,6}[Xx]?)(?![0-9A-Za-z])")
# (or a part of one, 1 to 6 digits, right after 考生号/准考证号/护照号 or its 尾号/后四位 …, as after 学号: 考生号后四位1234,
# 准考证号：0123; not a count: 考生号14位, 收集考生号30个 — PART_COUNTS, and ％ as the form reads it)
OTHER_PART_RX = (f"(?:考生[号號]|[准準]考[证證][号號]|[护護]照[号號])[码碼]?(?:的?{_PART_OF})?"
                 r"\s?(?:[:：=]|是|为)?\s?([A-Za-z]{0,2}[0-9]{1,6})(?![0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])"
                 rf"(?!\s?(?:{PART_COUNTS}|％))")
_OTHER_NUMBER, _OTHER_PART = Lazy(OTHER_NUMBER_RX), Lazy(OTHER_PART_RX)
# A roll number with no 序号/座号 before it (12号同学: within the ledger's class, one student), where it can be no date —
# before a word of talking, 的 or what a student has (12号同学反映, 12号同学的成绩), after a word of whom, 第, 班, 的 or a verb
# of a cadre's (与12号同学谈心, 第12号同学, 约谈12号同学) — and not after 月 (9月12号同学反映: a date).  (12号同学返校,
# 12号同学们到齐 are days: nothing.  The form refuses them with this expression.)  In Chinese numerals too, one to
# ninety-nine (五号同学反映, 与十二号同学谈心, 第二十三号同学), read as the digits are (九月十二号同学们, 十二号上午: days), at
# the start of a text or a clause or after those words only: after another character the numeral may end a word or a day
# (统一, 同一, 周五, 星期五, 初五).
# (… or after such a verb and 了, or the class's 里/上/内 — 约谈了12号同学, 问了3号同学, 班里九号同学反映, 班级里12号同学 — a
# space after them or not: `space` is "" or the class of a space)
def _roll_past(space: str) -> str:
    return (f"(?<=了{space})(?<=(?:{_VERBS})了{space})|(?<=[请问陪劝催约叫請問勸約]了{space})|(?<=班[里裡裏上内內]{space})"
            f"|(?<=班[级級][里裡裏内內]{space})")


_ROLL_AFTER = (f"(?:(?<=[{_TO_WHOM}第班的由])|(?<=[{_TO_WHOM}第班的由][{_SPACE}])|(?<=[{_VERB_ENDS}])(?<={_VERBS})"
               f"|{_roll_past('')}|{_roll_past(f'[{_SPACE}]')})")
_NUMERAL = "[一二三四五六七八九]"
_ROLL_NUMBER = f"(?:[0-9]{{1,2}}|{_NUMERAL}?十{_NUMERAL}?|{_NUMERAL})"
# (The first of a list of them, 1号同学和2号同学反映, 1号同学、2号同学反映: where one after it is read as a roll number —
# after 和/与/跟, or before a word of talking as the last of 、 or ，— all are: 1号同学和2号同学们, 1号同学、2号同学返校 are days.)
_ROLL_TAIL = f"[{_SPACE}]?[号號][{_SPACE}]?{_CLASSMATE}"
# (or before what one student does at a meeting — 召开班会，5号同学主持; 会上3号同学发言; 由7号同学汇报 —, as before a word of talking:
# 12号同学们主持 is no one, _ROLL_NOT_ALL, and a date is written 12日; and after 由, by whom: 由七号同学汇报, as after 与)
_ROLL_SAYS = f"(?:{_TALK}|{_ACTS}|{_HAS}|的|[)）])"
_ROLL_NOT_ALL = "(?![们們群会會录錄圈])"
_ROLL_NEXT = f"[、，,][{_SPACE}]?{_ROLL_NUMBER}{_ROLL_TAIL}"
# (a numeral with none of those words before it only where no character stands before it: \u3400-\u9fff, a numeral's too —
# 十二 is not read from its 二; written once, as the form's pattern carries every expression whole)
ROLL_RX = (f"(?<![0-9.\\-/:])(?<!月)(?<!月[{_SPACE}])"
           f"(?:{_ROLL_AFTER}|(?:(?=[0-9])|(?<![\u3400-\u9fff]))(?={_ROLL_NUMBER}{_ROLL_TAIL}(?:{_ROLL_SAYS}|(?:{_ROLL_NEXT})*"
           f"(?:[和与跟與][{_SPACE}]?{_ROLL_NUMBER}{_ROLL_TAIL}{_ROLL_NOT_ALL}|{_ROLL_NEXT}{_ROLL_SAYS}))))"
           f"({_ROLL_NUMBER}){_ROLL_TAIL}{_ROLL_NOT_ALL}")
_ROLL = Lazy(ROLL_RX)
_ID_PART = Lazy(ID_PART_RX)
_STUDENT_PART = Lazy(PART_WORDS + r"\s?(?:[:：=]|是|为)?\s?([A-Za-z]{0,3}[0-9]{1,4})(?![0-9A-Za-z])"
                      rf"(?!\s?(?:{PART_COUNTS}))")

# Dormitory rooms: a numbered building, then a room number (not a quantity: "5舍312名学生").
# Written in traditional characters too (3號樓502室, 5棟312, 西區12-305寢室, 住在502寢室; 3號樓會議室 is no room): each
# expression below is read in either script (_either_script), as the numbers' words are (學號, 身份證).
_DORM_TRADITIONAL = {"号": "號", "楼": "樓", "栋": "棟", "斋": "齋", "区": "區", "寝": "寢", "单": "單", "层": "層", "铺": "鋪",
                     "园": "園", "学": "學", "个": "個", "余": "餘", "届": "屆", "级": "級", "项": "項", "条": "條", "场": "場",
                     "门": "門", "万": "萬", "间": "間", "张": "張", "会": "會", "议": "議", "验": "驗", "实": "實", "办": "辦",
                     "动": "動", "报": "報", "厅": "廳", "机": "機", "设": "設", "开": "開",
                     "习": "習", "阅": "閱", "览": "覽", "讨": "討", "党": "黨", "团": "團", "员": "員",
                     "举": "舉", "组": "組", "织": "織", "谈": "談", "讲": "講", "课": "課", "训": "訓", "读": "讀", "书": "書",
                     "辩": "辯", "试": "試", "长": "長", "宣": "宣",
                     "辅": "輔", "导": "導", "务": "務", "后": "後", "业": "業", "资": "資", "总": "總", "体": "體", "咨": "諮", "询": "詢",
                     "综": "綜", "图": "圖", "馆": "館", "联": "聯", "谊": "誼",
                     "舍": "捨",  # (捨: a converter's traditional form of 舍, 走訪5捨312, as of 捨得)
                     # (and characters of teaching buildings' names: a name listed in either script reads both, _dorm_rx)
                     "东": "東", "华": "華", "经": "經", "济": "濟", "电": "電", "气": "氣", "财": "財", "艺": "藝", "术": "術",
                     "环": "環", "纪": "紀", "阁": "閣", "贤": "賢", "师": "師", "范": "範", "农": "農", "医": "醫", "药": "藥",
                     "礼": "禮", "乐": "樂", "兴": "興", "远": "遠", "达": "達", "汇": "匯", "广": "廣", "诚": "誠", "笃": "篤",
                     "积": "積", "钟": "鐘", "仪": "儀", "厦": "廈", "强": "強", "鸿": "鴻", "钢": "鋼", "铁": "鐵"}
# (a teaching building listed in traditional characters as in simplified: 明德樓 is read 明德楼, then in either script)
_TO_SIMPLIFIED = str.maketrans({t: s for s, t in _DORM_TRADITIONAL.items() if t != s})


def _either_script(pattern: str) -> str:
    """`pattern` reading each character of _DORM_TRADITIONAL in either script: 楼 → [楼樓], [楼舍] → [楼舍樓] (escapes kept)."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class and out[-1] != "[":
            in_class = False
        other = _DORM_TRADITIONAL.get(c)
        out.append(c if other is None else c + other if in_class else f"[{c}{other}]")
        i += 1
    return "".join(out)


# (or a building's letter before a dormitory's or a building's word — 走访A栋312, B舍312, C号楼502, D公寓305 —, no letter or digit
# before it; not before #, C# 101 is a course)
_NUM = r"(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|(?<![A-Za-z0-9])[A-Za-z](?=\s?(?:[栋幢舍斋]|号楼|号?公寓|号宿舍)))"
_STRONG_BUILDING = r"(?:号楼|号公寓|号宿舍楼|号学生公寓|号宿舍|号寝室楼|号舍|号斋|栋|幢|舍|斋|公寓|#楼|#)"
# (of those, a building that may be a teaching one — 号楼, 栋, 幢, #楼 — and a dormitory's own: _not_held)
_TEACHING_BUILDING = r"(?:号楼|栋|幢|#楼)"
_DORM_BUILDING = r"(?:号公寓|号宿舍楼|号学生公寓|号宿舍|号寝室楼|号舍|号斋|舍|斋|公寓|#)"
_ROOM_WORD = r"(?:寝室|宿舍|室|寝)"
# (nor a room of teaching, meeting, study or duty, or a party's, a league's or the students' own: 3号楼502教室, 3号楼502会议室,
# 3号楼502自习室, 12号楼104值班室, 5号楼307党建活动室 — nor is a building's before one a home: ADDRESS_RX)
# (whose, up to two words of use or office before it: 学生党员活动室, 团委办公室, 宿管办公室, 辅导员办公室, 学生会办公室; or its name in
# brackets after the number: 3号楼102（多媒体教室）, 6号楼105室（学生党员活动室）)
_PUBLIC_ROOM = (r"(?:党建|党员|团员|学生|多媒体|心理|研究生|团委|党委|团总支|党支部|宿管|学工|辅导员|教务|学生会|后勤|就业|资助|学院){0,2}"
                r"(?:教室|会议室|实验室|办公室|活动室|报告厅|自习室|阅览室|研讨室|会客室|值班室|接待室|咨询室|谈心室|多功能厅)|机房")
_NOT_QUANTITY = (r"(?![0-9]|\s?(?:名|人|次|位|个|余|多|届|级|年|月|日|号|天|元|分|项|条|份|场|门|%|万|支|间|张|米|平|床|楼|层"
                 rf"|(?:室\s?)?[（(]\s?(?:{_PUBLIC_ROOM})|{_PUBLIC_ROOM}))")
# (nor a room of a teaching building a class's or a meeting's event is held in: 在3号楼202召开班会, 在5号楼307开展主题团日, 在3号楼208开会
# — a verb of holding one and, a few characters on, the event; not a dormitory's own: 在3号楼502召开寝室会议, 在5栋302开展宿舍卫生检查,
# 在5号楼302召开室友座谈会 — 寝/宿, 室友, 舍友, 舍务 between, but for 寝室长/宿舍长, whose meeting is held in a meeting room; nor a room
# of a dormitory building or a dormitory area's, whatever is held there: 在3号宿舍楼502召开班会, 在10舍502召开舍务会议, 在南苑3-502召开班会)
_HELD_EVENT = ("班会|会议|座谈|讲座|报告会|团日|党日|团课|党课|培训|交流会|分享会|读书会|研讨|答辩|考试|宣讲|动员会|例会|大会|晚会")
_HELD_BETWEEN = r"(?:[寝宿][室舍]长|宿舍长|(?![寝宿]|室友|舍友|舍务)[^\s，。；、,.;:：])"
_HELD = (rf"\s?室?\s?(?:(?:召开|开展|举办|举行|组织|开)(?:{_HELD_BETWEEN}){{0,8}}?(?:{_HELD_EVENT})|开会|上课)")
_ROOM = r"(?:[A-Za-z]?[0-9]{3,4})"


def _not_held(between: str) -> str:
    """After a teaching building's word (号楼, 栋, 幢, #楼): what stands `between` it and its room, then the room, is not
    followed by an event held there (_HELD) — read ahead from the building's word, so a dormitory's word is not asked."""
    return rf"(?!{between}{_ROOM}(?![0-9]){_HELD})"


_BETWEEN = r"\s?[\-_#/、]?\s?"  # (a building's word and its room: 3号楼502, 5栋-312, 3#/502)
_BETWEEN_PART = r"\s?(?:[0-9]{1,2}|[A-Za-z])\s?(?:单元|区|座)\s?"  # (an entrance, an area or a tower between: 3栋2单元501)
_FLOOR_NUMBER = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})"  # (a floor's number in Chinese numerals too: 5号楼三楼312)
# (a floor between: 3号楼5层502, 5号楼三楼312; 第 before it, 的 after it: 3号楼第5层502, 3号楼5层的502室)
_BETWEEN_FLOOR = rf"\s?第?\s?{_FLOOR_NUMBER}\s?[层層楼樓]\s?的?\s?[\-_#/、]?\s?"
_AREA_ROOM = r"\s?[0-9]{1,2}\s?-\s?"  # (an area's building before its room: 南苑3-502)
_ROOM_NUMERALS = "[〇零一二三四五六七八九]"  # (a room's number in Chinese numerals, one numeral a digit: 五〇二)
# (more rooms of the same building, listed: 5栋312、313, 3号楼502和503室 — each is masked: mask)
_ROOM_JOIN = "[、和与與及]"
# (… or a range of them, every room of it masked: 3号楼502-508, 502~508, 502至508室, 五〇二至五〇八)
_ROOM_RANGE = "[\\-~～—至到]"
_ROOMS_JOIN = f"(?:{_ROOM_JOIN}|{_ROOM_RANGE})"
# (… and in numerals: 三舍三一二、三一四 — not a numeral, a count, a year's or a floor's word after it)
_NO_NUMERAL_AFTER = f"(?![十百千万萬]|{_ROOM_NUMERALS}){_NOT_QUANTITY}"
_MORE_ROOMS = rf"(?:\s?{_ROOMS_JOIN}\s?{_ROOM}{_NOT_QUANTITY})*"
# (after a floor's room, no date's or time's rest — 3号楼5层2026-09-15 —, but a range's next room: 3号楼5层502-508)
_NO_DATE_AFTER = r"(?![.:/][0-9]|-(?![0-9]{3,4}(?![0-9\-.:/]))[0-9])"
_BEFORE_NUMERALS = f"(?:{_BETWEEN_FLOOR}|{_BETWEEN})"  # (a room in numerals after its building's word, a floor between or not: 宿舍楼五层五〇二)
# (a room in numerals right after its building's word, more of them listed or not, a room word after it or none but a numeral, a
# count, a year's or a floor's word: 三舍三一二、三一四, B座三一二室)
_NUMERAL_ROOMS = (rf"{_ROOM_NUMERALS}{{3,4}}(?:\s?{_ROOMS_JOIN}\s?{_ROOM_NUMERALS}{{3,4}}{_NO_NUMERAL_AFTER})*"
                  rf"(?:\s?{_ROOM_WORD}|{_NO_NUMERAL_AFTER})")
# (a teaching, an office or a public building by its word, a room of which right after it, 同学 after the room, is a class's or a
# meeting's: 在逸夫楼302室同学交流, 综合楼A302室同学, 在图书馆302室同学反映的问题中; any other 楼 — a named one, 丁香楼, 海棠楼, as a
# dormitory's (宿舍楼, 女生楼, 3号楼, a floor's 5楼) — is a dormitory's.  Which are teaching buildings differs by university: these
# are the default of policy.yaml privacy.teaching_buildings, a university's own list in their place (teaching_in))
TEACHING_BUILDINGS = ("逸夫楼", "综合楼", "教学楼", "实验楼", "实训楼", "办公楼", "行政楼", "科技楼", "科研楼", "文科楼", "理科楼",
                      "工科楼", "信息楼", "学院楼", "图书馆", "主楼")


def _not_right_after(words) -> str:
    """Look-behinds: none of `words` right before, a space between or not (one look-behind a length: each of a fixed width)."""
    lengths = sorted({len(w) for w in words})  # (escaped in the look-behind: a university's name may hold a mark, A.楼)
    return "".join(rf"(?<!(?:{'|'.join(re.escape(w) for w in words if len(w) == n)}){space})" for n in lengths for space in ("", r"\s"))


_BESIDE_ROOM = rf"[A-Za-z]?(?:[0-9]|{_ROOM_NUMERALS}){{3,4}}\s?室"  # (a room before its students: 502室同学, 五〇二室的室友)
_ROOMMATES = r"\s?的?\s?(?:室友|舍友|[男女]生)"  # (… a dormitory's, whatever building is before the room)
def dorm_rx(teaching=TEACHING_BUILDINGS) -> tuple[str, ...]:
    """The rooms' expressions, with `teaching` the names of the buildings after which a room beside 同学 is a class's or a
    meeting's (a university's: teaching_buildings).  The web form refuses the same rooms with the same expressions
    (cms.private_detectors)."""
    return _dorm_rx(tuple(teaching))


@lru_cache(maxsize=8)
def _dorm_rx(teaching: tuple) -> tuple[str, ...]:
    teaching = tuple(dict.fromkeys(name.translate(_TO_SIMPLIFIED) for name in teaching))  # (明德樓 as 明德楼: both read)
    return tuple(_either_script(rx) for rx in [
        rf"(?<![0-9]){_NUM}\s?(?:{_DORM_BUILDING}|{_TEACHING_BUILDING}{_not_held(_BETWEEN)}){_BETWEEN}{_ROOM}{_NOT_QUANTITY}{_MORE_ROOMS}"
        rf"(?:{_ROOM_WORD})?",
        rf"(?<![0-9]){_NUM}\s?(?:号|楼|区)\s?[\-_#]?\s?{_ROOM}\s?{_ROOM_WORD}",
        r"(?<![0-9\-.:/])[0-9]{1,2}\s?-\s?[0-9]{3,4}\s?(?:寝室|宿舍|室|寝)",
        # (… a dormitory building's word with no number before it too — 宿舍楼502, 寝室楼312, 学生公寓楼305 —, the room in numerals too:
        # 宿舍楼五〇二, 宿舍五〇二室 — not a count, a year's or a floor's word, 宿舍楼二〇二六级)
        rf"(?:(?:宿舍|寝室|公寓)楼?|住在|住)(?:号)?\s?(?:在|为|是|[:：])?\s?((?:[0-9]{{1,2}}\s?-\s?)?[0-9]{{3,4}}){_NOT_QUANTITY}",
        rf"(?:宿舍|寝室|公寓)楼?{_BEFORE_NUMERALS}({_NUMERAL_ROOMS})",
        # (… a floor between, as after a numbered building: 走访宿舍楼5层502室, 寝室楼5楼502, 宿舍5层502; not a count, a year's word or a
        # public room, 宿舍楼5层120名学生, 宿舍楼5层502会议室)
        rf"(?:宿舍|寝室|公寓)楼?{_BETWEEN_FLOOR}({_ROOM}{_NO_DATE_AFTER}{_NOT_QUANTITY}{_MORE_ROOMS})",
        # (an entrance, an area or a tower between, by its number or its letter: 3栋2单元501, 12栋A座502, 5号公寓B区302)
        rf"(?<![0-9]){_NUM}\s?(?:{_DORM_BUILDING}|(?:{_TEACHING_BUILDING}|号|楼){_not_held(_BETWEEN_PART)}){_BETWEEN_PART}{_ROOM}"
        rf"{_NOT_QUANTITY}{_MORE_ROOMS}(?:{_ROOM_WORD})?",
        r"(?<![0-9\-.:/])[0-9]{3,4}\s?(?:寝室|宿舍|寝)(?!楼)",
        # (a room with no building right before the students who live in it: 502室同学反映, 312室的室友, A502室女生, 502室室友们反映,
        # 312室女生们; not 502室同学们 — a class in a room —, 502室同学会, nor 学生 after it: 502室学生干部培训, 学生会; nor 同学 before an
        # event held in the room, 在506室同学座谈会上, 302室同学交流会, 同学分享会; nor 同学 after a room right after a teaching or an
        # office building's word, `teaching` (在逸夫楼302室同学交流, 综合楼A302室同学; 丁香楼302室同学, 宿舍楼, 号楼, 5楼: told), where
        # 室友, 舍友, 男生/女生 are told (走访海棠楼502室室友, 逸夫楼502室室友))
        rf"(?<![0-9\-.:/A-Za-z十百千]|{_ROOM_NUMERALS})(?:{_not_right_after(teaching)}|(?={_BESIDE_ROOM}{_ROOMMATES}))"
        rf"{_BESIDE_ROOM}(?=\s?的?\s?[男女]?同学(?![们們会]|座谈|交流|分享|聚会|联谊)|{_ROOMMATES})",
        # (… or right after a word of whom a cadre talks with or does something for — 与/和/跟/同/找/约/向/对/给/帮, 走访/看望/约谈 … — the
        # students of a room, whatever follows, 们 or 全体 or not: 与502室同学交流, 走访502室同学们, 与502室全体同学交流, 和五〇二室同学座谈 — a
        # room's students, not an event's; not 同学会, an association)
        rf"(?:(?<=[与和跟同找约向对给帮與對給幫約])|(?<=[{_VERB_ENDS}])(?<={_VERBS})){_BESIDE_ROOM}(?=\s?的?\s?(?:全体\s?)?[男女]?同学(?![会]))",
        # (the floor between the building and the room: 3号楼5层502, 12号楼 3 层 305; or 的 before a room word: 3号楼的502室)
        rf"(?<![0-9]){_NUM}\s?(?:{_DORM_BUILDING}|{_TEACHING_BUILDING}{_not_held(_BETWEEN_FLOOR)}){_BETWEEN_FLOOR}{_ROOM}{_NO_DATE_AFTER}"
        rf"{_NOT_QUANTITY}{_MORE_ROOMS}(?:{_ROOM_WORD})?",
        # (… in Chinese numerals too, before a room word as in digits: 3号楼的五〇二室, 5栋的三一二寝室; not 3号楼的二〇二六级)
        rf"(?<![0-9]){_NUM}\s?{_STRONG_BUILDING}\s?的\s?(?:{_ROOM}|{_ROOM_NUMERALS}{{3,4}})\s?{_ROOM_WORD}",
        # (a room in Chinese numerals, before a room word: 3号楼五〇二室, 5栋三一二寝室; not 3号楼五层, 3号楼的二〇二六级; or with none
        # after it — 走访三舍三一二, 5栋五〇二 — but a numeral, a count, a year's or a floor's word (3号楼二〇二六级, 5栋一二三层), a public
        # room, or, after a teaching building, an event held there, as a room in digits: _not_held; a floor between or none, as in digits:
        # 3号楼五层五〇二, 5栋十二层一二〇三寝室)
        rf"(?<![0-9]){_NUM}\s?(?:{_DORM_BUILDING}|{_TEACHING_BUILDING}(?!{_BEFORE_NUMERALS}{_ROOM_NUMERALS}{{3,4}}"
        rf"(?!{_ROOM_NUMERALS}|\s?{_ROOM_WORD}){_HELD})){_BEFORE_NUMERALS}{_NUMERAL_ROOMS}",
        # (a lettered 座 — most often a teaching or an office building's, B座312室 alone is none — after a dormitory's word or a visit's
        # (宿舍B座312, 公寓B座312, 住在B座312, 走访B座312室), or before a dormitory room's word (B座312寝室; B座312室同学: a room beside its
        # students, above); not a public room, 走访B座312教室)
        rf"(?:(?<=宿舍|公寓|寝室|住在|走访|走訪)|(?<=宿舍楼|寝室楼|走访了|走訪了)|(?<=住))\s?[A-Za-z]\s?座{_BETWEEN}"
        rf"(?:{_ROOM}(?![0-9]){_NOT_QUANTITY}(?:{_ROOM_WORD})?|{_NUMERAL_ROOMS})",
        rf"(?<![A-Za-z0-9])[A-Za-z]\s?座{_BETWEEN}(?:{_ROOM}|{_ROOM_NUMERALS}{{3,4}})\s?(?:寝室|宿舍|寝(?!楼))",
        # (号 after the room: 3号楼502号, 3号楼502号房间; not 3号楼502号楼)
        # (… a floor between, or the room in Chinese numerals: 3号楼5层502号, 3号楼五〇二号)
        rf"(?<![0-9]){_NUM}\s?{_STRONG_BUILDING}(?:{_BETWEEN_FLOOR}|{_BETWEEN})(?:{_ROOM}|{_ROOM_NUMERALS}{{3,4}})\s?号(?![楼舍])",
        # (an area's building and room: 南苑3-502, 东区3-502; not a classroom, 东区3-102教室, nor a range, 西区3-5号楼; nor, in a 区 — a
        # campus's part, whose buildings may be teaching ones — a room an event is held in, 在东区3-102召开班会: in a 苑 or a 园 it is told)
        rf"(?<=[\u4e00-\u9fff][苑园区])(?:(?<=[苑园])|{_not_held(_AREA_ROOM)}){_AREA_ROOM}{_ROOM}(?![\-.:/]){_NOT_QUANTITY}(?:{_ROOM_WORD})?",
        # (a bed: 3号床, 床位号3, a room's bed 502-3床, 502室3号床, or bunk 502上铺; not 10床棉被, 上铺护栏 — no room)
        r"(?<![0-9])[0-9]{1,2}\s?号\s?床",
        r"床位?号\s?(?:[:：=]|是|为)?\s?[0-9]{1,2}(?![0-9])",
        rf"(?<![0-9]){_ROOM}\s?(?:{_ROOM_WORD}\s?|[\-_#]\s?)(?:[0-9]{{1,2}}\s?号?\s?床|的?[上下]铺(?![设开路面]))",
        rf"(?<![0-9]){_ROOM}\s?的?[上下]铺(?![设开路面])",  # (not 2026上铺设管道)
    ])


@lru_cache(maxsize=8)
def _dorms(teaching: tuple) -> list:
    return [Lazy(p) for p in _dorm_rx(teaching)]


# A home address (家住XX市XX区XX小区3栋2单元501, 家庭住址：…12号楼2单元301室, 住址：XX路5号501室): a house number with a
# building's, an entrance's or a room's word (号楼/栋/幢/座/单元/室), or written 12-3-501, in the clause after 家住/家庭住址/家庭地址/住址
# (30 characters at most, no 。，；！？ between) — the house number is the find (the district is no one's); a district alone
# (家住沈阳市浑南区), a street's number alone (家住XX路12号), a floor (家住5楼) or a count (家住农村的3名学生, 家庭住址变更3次) is not.
# (The web form refuses them with this expression: cms.private_detectors.)
_HOUSE_WORD = "(?:[号號][楼樓]|[栋棟]|幢|座(?=\\s?[0-9A-Za-z])|[单單]元|室)"  # (座 before its room: 5座1203, not 5座城市)
_HOUSE_PART = "(?:[号號]院?|[层層]|[楼樓]|[门門]|[-－])"
# (in Chinese numerals too, with a digit among them — 三栋二单元501 — or a building's or entrance's number alone: 十三栋; an
# entrance's 门 and a tower's 座 as Beijing and Guangzhou write them: 3号楼2门501, 5座1203)
_HOUSE_NUMBER = "(?:[0-9]{1,5}(?![0-9])|[一二三四五六七八九十〇零]{1,4})"  # (〇/零 in a room's: 五零二, 一二〇三)
_HOUSE_HAS_A_DIGIT = "(?=[一二三四五六七八九十号號楼樓栋棟幢座单單元室院层層门門\\-－\\s]{0,40}?[0-9])"
# (or, in Chinese numerals only, a building's or an entrance's number: 家住XX小区十三栋, 三号楼二单元 — not 三室一厅, a flat's
# rooms, nor 一栋老房子, a count: _scan_seen reads a text of 住/址 and such a word without a digit, _numeral_house)
_HOUSE_IN_NUMERALS = "(?!一\\s?(?:[栋棟]|幢))(?=[一二三四五六七八九十]{1,3}\\s?(?:[号號][楼樓]|[栋棟]|幢|[单單]元))"
_HOUSE_HAS_A_NUMBER = f"(?:{_HOUSE_HAS_A_DIGIT}|{_HOUSE_IN_NUMERALS})"
# (each part a number and, after it, its word or none — one way to read each text, and at most five parts before and after
# the word: the expression tries no more at any place, whatever runs of digits and spaces follow 家住)
_HOUSE_ANY = f"(?:{_HOUSE_WORD}|{_HOUSE_PART})"
# 家住 where it means "lives at": not everyone's, the state's, an expert's, a farm's lodging (大家住3栋, 国家住房, 专家住在,
# 农家住宿, 管家住); the clause (after 在/于/是/为/: — 家住在, 家庭住址为) ends where another begins, at a preposition, a
# conjunction or a verb of the cadre's (在, 到, 与, 和, 并, 及, 后, 参加, 请) or at the students it speaks of (同学, 学生) —
# 与家住外地的同学在3号楼会议室座谈 names a meeting's building — but not inside a place's name (和平区, 太和区, 后街);
# and a building before a room of teaching or meeting (5号楼报告厅, 3号楼203教室: _PUBLIC_ROOM) is no one's home.
_ADDRESS_STOP = ("[在到与與并並及赴请請]|参加|參加|前往|同[学學]|[学學]生|(?<![太祥中颐頤嘉人平])和(?![平谐諧顺順睦美园園苑兴興])"
                 "|[后後](?![街巷屯村院楼樓])")
_ADDRESS_CLAUSE = f"(?:\\s?[在于於是为為:：])?(?:(?!{_ADDRESS_STOP})[^\\n。；;，,！!？?]){{0,30}}?"
# (or a village's house: its group's number and the house's — 家住XX村3组15号, XX屯五社12号 — or the house's alone after 村/屯/庄:
# 家住XX村15号, XX村15号院, as a building's number in a town is; not 家住XX村3组, a group of many houses, nor 家住农村12号返校 — 农村
# or 乡村 is no village's name, 12号 a day —, nor 5号楼 there: the rule above)
_VILLAGE_GROUP = "(?:[组組社队隊]|村民小?[组組])"
# (the group's number only right after a village's word, a space between or not — XX村3组15号, XX屯五社12号, XX社区2组3号,
# 村民小组3组8号, 农村3组15号 too —: 家住城区的分3组15号出发 is a meeting's groups and a day, no address)
_VILLAGE_WORDS = ("[村屯庄莊寨乡鄉镇鎮队隊]", "社[区區]", "嘎查", "村民[组組]", "村民小[组組]", "村委[会會]", "村委")
# (the look-behinds, of one width each, inside one look-ahead: where it stands is one place)
_AFTER_VILLAGE = "(?=" + "|".join(f"(?<={w})|(?<={w}\\s)" for w in _VILLAGE_WORDS) + ")"
# (the house's number after the group's in Chinese numerals too: 家住XX村三组十五号, as the group's is)
_VILLAGE_HOUSE_NUMBER = "(?:[0-9]{1,4}|[一二三四五六七八九十百〇零]{1,5})"


def _village_group_house(after: str) -> str:
    """A village's group and house numbers (3组15号, 第3组15号, 五社十二号) right `after` a village's word (a look-ahead of
    look-behinds)."""
    return f"{after}第?{_HOUSE_NUMBER}\\s?{_VILLAGE_GROUP}\\s?{_VILLAGE_HOUSE_NUMBER}\\s?[号號]院?(?![楼樓])"


_VILLAGE_HOUSE = (f"(?:{_village_group_house(_AFTER_VILLAGE)}|(?:(?<=[村屯庄莊])(?<![农農乡鄉]村)|(?<=[村屯庄莊]\\s)(?<![农農乡鄉]村\\s))"
                  "[0-9]{1,4}\\s?[号號]院?(?![楼樓]))")
# (… and a village's group and house numbers with no 家住/住址 before them — 来自XX村3组15号, 走访XX村三组十五号: a family's home
# wherever it stands — after a village's own word only: not 乡, 镇, 队 or 社区 (志愿服务队3组15号出发 is a team and a day), nor 农村,
# 乡村; a quick class of a number's first character before the look-behinds)
_HOME_VILLAGE_WORDS = ("[村屯庄莊寨]", "嘎查", "村民[组組]", "村民小[组組]", "村委[会會]", "村委")
_AFTER_HOME_VILLAGE = ("(?=" + "|".join(f"(?<={w})|(?<={w}\\s)" for w in _HOME_VILLAGE_WORDS) + ")"
                       "(?<![农農乡鄉]村)(?<![农農乡鄉]村\\s)")
_VILLAGE_ALONE = f"(?=[第0-9一二三四五六七八九十〇零]){_village_group_house(_AFTER_HOME_VILLAGE)}"
ADDRESS_RX = ("(?:(?:(?<![大国國专專农農管])家住(?![房宿院户戶])|家庭住址|家庭地址|住址)" + _ADDRESS_CLAUSE + "(?<![0-9])"
              f"|(?={_VILLAGE_ALONE}))"
              f"({_HOUSE_HAS_A_NUMBER}(?:{_HOUSE_NUMBER}(?:\\s?{_HOUSE_ANY})?\\s?){{0,5}}?{_HOUSE_NUMBER}\\s?{_HOUSE_WORD}"
              f"(?:\\s?{_HOUSE_NUMBER}(?:\\s?{_HOUSE_ANY})?){{0,5}}"
              "|[0-9]{1,3}[-－][0-9]{1,2}[-－][0-9]{3,4}(?![0-9])"
              f"|{_VILLAGE_HOUSE})"
              "(?![0-9]|\\s?(?:名|人|位|个|個|户|戶|家|次|元|万|萬|年|月|日|天|%|％)"
              f"|\\s?的?\\s?(?:{_either_script(_PUBLIC_ROOM)}))")
_ADDRESS = Lazy(ADDRESS_RX)
# A student number written in groups (2026 1234 56, 2026-123456, 2026 123 456): digit groups joined by
# one space or hyphen, whose digits alone match a student-number pattern (Scanner._grouped).  A group
# next to a letter, or to a digit across “:” “.” “/” (19:30, 2026.1234, 3/4), is no part of one, and
# no run holding a date (2026-09-15, 2026 9 1), a month range (2026-09-2026-12) or a school year
# (2025-2026) is taken for one.
_GROUP_GAP = Lazy(r"[0-9][ \-][0-9]")
_GROUP_RUN = Lazy(r"[0-9]+(?:[ \-][0-9]+)+")
_GROUP = Lazy(r"[0-9]+")
_DATE_IN_GROUPS = Lazy(r"(?<![0-9])(?:19|20)[0-9]{2}[ \-](?:0?[1-9]|1[0-2])[ \-]"
                       r"(?:0?[1-9]|[12][0-9]|3[01]|(?:19|20)[0-9]{2})(?![0-9])")  # (or a month range: 2026-09-2026-12)
_BEFORE_NO_GROUP = Lazy(r"(?:[0-9][:./]|[A-Za-z])$")  # (the two characters before a group)
_AFTER_NO_GROUP = Lazy(r"[:./][0-9]|[A-Za-z]")  # (matched right after it)
_MOST_GROUPS = 6
# A meeting's or a live room's number, grouped as the app shows it (腾讯会议 2026 123 456, 会议号：2026-123-456,
# 房间号 …) or not (会议号2026123456), is no student number: a number right after such a word is not read (the admin
# page's `grouped` too, and the form's pattern: meeting_behind).  The word (2 or 3 characters), 号/号码/ID (0–2), a
# space, a colon or 是/为, a space (0 or 1 each).
_MEETING_WORDS = ((2, "(?:[会會][议議]|房[间間])"), (3, "直播[间間]"))
_MEETING_NOS = ((0, ""), (1, "[号號]"), (2, "(?:[号號][码碼]|ID|id|ＩＤ|ｉｄ)"))
_MEETING_SAYS = "[:：=＝是为為]"
_MEETING = Lazy(f"(?:{'|'.join(w for _, w in _MEETING_WORDS)})(?:{_MEETING_NOS[2][1]}|{_MEETING_NOS[1][1]})? ?"
                f"{_MEETING_SAYS}? ?$")


def meeting_behind(space: str) -> str:
    """Look-behinds that hold where a number follows a meeting's word (_MEETING, `space` for its spaces): one for
    each width, as Python's look-behinds must be, and JavaScript reads them the same (the form's pattern)."""
    import itertools

    widths: dict = {}
    for (a, word), (b, no), c, d, e in itertools.product(_MEETING_WORDS, _MEETING_NOS, (0, 1), (0, 1), (0, 1)):
        alt = word + no + space * c + _MEETING_SAYS * d + space * e
        widths.setdefault(a + b + c + d + e, []).append(alt)
    return "".join(f"(?<!{'|'.join(alts)})" for _, alts in sorted(widths.items()))


def grouping_rules() -> dict:
    """The expressions and numbers of Scanner._grouped, as written here, for the web form's grouped() (cms.INDEX_HTML):
    each reads the same in JavaScript."""
    return {"run": _GROUP_RUN.pattern, "group": _GROUP.pattern, "date": _DATE_IN_GROUPS.pattern,
            "before": _BEFORE_NO_GROUP.pattern, "after": _AFTER_NO_GROUP.pattern, "most": _MOST_GROUPS,
            "meeting": _MEETING.pattern}

PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
              50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91}
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_DIGIT_KINDS = {"id_card", "mobile", "landline", "qq", "student_number", "bank_card"}
_TOKEN = Lazy(r"[0-9A-Za-z]+")
HASH_LEAST = 24  # (the fewest letters and digits of a hash-like token: Scanner._resolve)
# Every kind but names needs a digit, an @ / (at) / 艾特 / at as a word, or a word that announces an account.
_MAYBE = Lazy(r"[0-9@]|" + _AT_BRACKETED + "|艾特|" + _AT_WORD + "|wxid_|" + _WX_WORD)
_DIGIT_OR_AT = Lazy("[0-9@]")  # (the same, sooner, for the two texts in three that hold a digit)
_AT_WORD_RX = Lazy(_AT_WORD)
_AT_BRACKETED_RX = Lazy(_AT_BRACKETED)


def _at_bracketed(norm: str) -> bool:
    """Whether `norm` holds at in brackets, in any case ((at), [AT], (At)): _AT_BRACKETED, sought where a bracket is."""
    return ("(" in norm or "[" in norm or "（" in norm) and _AT_BRACKETED_RX.search(norm) is not None


def _at_word(norm: str) -> bool:
    """Whether `norm` holds at as a word (zhang at 163 dot com): _AT_WORD, sought where a t is."""
    return ("t" in norm or "T" in norm) and _AT_WORD_RX.search(norm) is not None


def _maybe(norm: str) -> bool:
    """Whether _MAYBE finds something in a text of no digit and no @: only if it holds a
    character each of those words holds ( ( [ （, or one of _wechat_letter's ), which str's own
    search finds far sooner than the expression says no (tests/test_privacy.py compares them)."""
    return ("(" in norm or "[" in norm or "（" in norm or "艾" in norm or _wechat_letter(norm) or "t" in norm or "T" in norm) \
        and _MAYBE.search(norm) is not None


def _roll_word(norm: str) -> bool:
    """Whether `norm` holds 号 or 號 and 同学 or 同學, as a roll number does (五号同学: no digit) — _could's gate of it."""
    return ("号" in norm or "號" in norm) and ("同学" in norm or "同學" in norm)


def _numeral_house(norm: str) -> bool:
    """Whether `norm` holds 住 or 址 and a building's or an entrance's word (楼, 栋, 幢, 元) or a village's group's (组, 社, 队),
    as a home address in Chinese numerals does (家住XX小区十三栋, 家住XX乡三组十五号: no digit), or a village's group's word and
    a village's (村, 屯, 庄, 寨, 嘎查), as a village's house with no 家住 does (来自XX村3组15号, 走访XX村三组十五号: no 住) — the
    scan's and _could's gate of it."""
    grouped = "组" in norm or "組" in norm or "社" in norm or "队" in norm or "隊" in norm
    return (("住" in norm or "址" in norm) and ("栋" in norm or "棟" in norm or "幢" in norm or "楼" in norm or "樓" in norm
                                               or "元" in norm or grouped)) \
        or (grouped and ("村" in norm or "屯" in norm or "庄" in norm or "莊" in norm or "寨" in norm or "嘎" in norm))


# (every room of dorm_rx()'s in numerals holds one: a room word after three numerals, or a building's word before them)
_NUMERAL_BUILDING = _either_script("[楼寓舍斋栋幢#座室层]")  # (座: 住在B座三一二; 室: 寝室五〇二; 层: a floor's, 3号楼五层五〇二)
_NUMERAL_ROOM = Lazy(f"{_ROOM_NUMERALS}{{3}}\\s?[室寝寢宿]|{_NUMERAL_BUILDING}的?{_BETWEEN}{_ROOM_NUMERALS}{{3}}")


def _numeral_room(norm: str) -> bool:
    """Whether `norm` holds three numerals before a room word (五〇二室), as a room in Chinese numerals does: the scan's
    and _could's gate of it (_GATE_PARTS: the room word, the numerals behind it)."""
    return ("室" in norm or "寝" in norm or "寢" in norm or "宿" in norm or "舍" in norm or "捨" in norm or "楼" in norm or "樓" in norm
            or "栋" in norm or "棟" in norm or "幢" in norm or "斋" in norm or "齋" in norm or "寓" in norm or "#" in norm
            or "座" in norm or "层" in norm or "層" in norm) \
        and _NUMERAL_ROOM.search(norm) is not None


def _wechat_letter(norm: str) -> bool:
    """Whether `norm` holds 信, w, W, v or V: every spelling of _WX_WORD holds one, and so does
    every match of _WX_PART in `norm.lower()` (no other character lower-cases to w or v)."""
    return "信" in norm or "w" in norm or "W" in norm or "v" in norm or "V" in norm


# (gate in _could, expression, kind reported, group holding the data), in the order finds are kept
_DETECTORS = [("mobile", _MOBILE, "mobile", 0), ("landline", _LANDLINE, "landline", 0),
              ("phone_word", _PHONE_WORD, "landline", 1), ("email", _EMAIL, "email", 0), ("qq", _QQ, "qq", 1),
              ("wechat", _WECHAT, "wechat", 1), ("wxid", _WXID, "wechat", 0),
              ("student_word", _STUDENT_WORD, "student_number", 1), ("id_word", _ID_WORD, "id_card", 1),
              ("bank_word", _BANK_WORD, "bank_card", 1), ("student_part", _STUDENT_PART, "student_number", 1),
              ("other_number", _OTHER_NUMBER, "other_number", 1), ("other_part", _OTHER_PART, "other_number", 1),
              ("id_part", _ID_PART, "id_card", 1), ("roll", _ROLL, "student_number", 1),
              ("address", _ADDRESS, "address", 1)]
_DIGIT_RUN = Lazy(r"[0-9]+")
_ONE_RUN = Lazy(r"[^0-9]*+([0-9]+)[^0-9]*+")  # (a text of one number)
_ALL = frozenset({"grouped", "id", "id_word", "mobile", "landline", "phone_word", "email", "qq", "wechat", "wxid", "student_word", "dorm", "bank_word", "student_part", "other_number", "other_part", "id_part", "roll", "address"})
# A dormitory needs a room number (3 digits in a row) close to a building, room or "lives in"
# word, read off _DORMS, each word followed by what its expressions let stand between it and the room: a building word
# (ending in 楼寓舍斋栋幢#, or 寝室's 室: 寝室5层502) by a mark, 的, or a floor, an entrance or an area (3号楼 12 层 - A305, 3栋2单元501, 3号楼的502室:
# 9 characters at most); 单元 (3号2单元501), 区 and 座 (3号2座501, 东区 12 - 305) and an area's 苑/园 (南苑3-502) by a
# space, a "12-" block and a letter; 宿舍/寝室/公寓/住(在) by 楼 (宿舍楼502), 号, 在/为/是/: and a "12-" block; a room word
# (寝室/宿舍/室/寝) follows it by at most one — not 座谈 or 校园网 a few characters before a class's 1602.
_DORM_NEAR_PARTS = ((_either_script("[楼寓舍斋栋幢#室]"),
                     _either_script(rf"\s?(?:第?\s?{_FLOOR_NUMBER}\s?(?:[层楼]|单元|区|座)\s?的?|的)?\s?[\-_#/、]?\s?[A-Za-z]?[0-9]{{3}}")),
                    (_either_script("单"), _either_script(r"元\s?[A-Za-z]?[0-9]{3}")),
                    (_either_script("[区座苑园]"), r"\s?(?:[0-9]{1,2}\s?-\s?)?[A-Za-z]?[0-9]{3}"),
                    (_either_script("[舍室寓住]"), _either_script(r"楼?在?号?\s?[在为是:：]?\s?(?:[0-9]{1,2}\s?-\s?)?[0-9]{3}")))
_ROOM_WORD_NEAR = _either_script(".?[寝宿室]")  # (a room, then a word)
_DORM_NEAR = Lazy("|".join(first + rest for first, rest in _DORM_NEAR_PARTS) + f"|[0-9]{{3}}{_ROOM_WORD_NEAR}", re.S)
_DORM_CHAR = Lazy(_either_script("[楼寓舍斋栋幢#单区座苑园室住寝宿]"))  # every match of _DORM_NEAR holds one (a quick no)
# … and an account word one of these (every spelling of _WX_WORD contains one, lower-cased).
_WX_PART = Lazy("信|wechat|weixin|wx|vx")


_STUDENT_WORD_MIXED = Lazy(_STUDENT_NUMBER_WORDS)  # (STUDENT_WORD_RX's words: _could's check of them with 號 or 證)


def _could(norm: str) -> set:
    """The detectors that could match `norm` at all: a necessary condition for each, read
    off its expression (digits it needs in a row and in all, a character it cannot do
    without).  tests/test_privacy.py checks the gated scan against the ungated one."""
    one = _ONE_RUN.fullmatch(norm)
    if one is not None:  # (most texts with a digit hold one number, a class's 2601: one call, and no list made)
        longest = total = one.end(1) - one.start(1)
        several = False
    else:
        runs = _DIGIT_RUN.findall(norm)
        longest = max(map(len, runs)) if runs else 0
        total = sum(map(len, runs))
        several = len(runs) >= 2
    out = set()
    if longest >= 6 and total >= 15:  # ID18: 6 in a row, 18 in all; ID15: 15 in a row
        out.add("id")
    if total >= 15 and ("身份证" in norm or "证件" in norm or "證" in norm):
        out.add("id_word")
    if total >= 16 and ("卡" in norm or "账" in norm or "帐" in norm or "賬" in norm):
        out.add("bank_word")
    if longest >= 3:
        if total >= 11:
            out.add("mobile")  # 3 + 4 + 4
        if total >= 10:
            out.add("landline")  # area code (3+), number (3+ and 4)
        if total >= 7:
            out.add("phone_word")
        if _DORM_CHAR.search(norm) and _DORM_NEAR.search(norm):
            out.add("dorm")  # a room: 3 or 4 digits in a row, near a building/room word
    if "床" in norm or "铺" in norm or "鋪" in norm or _numeral_room(norm):
        out.add("dorm")  # a bed (3号床, 床位号3, 502上铺), a room in numerals (3号楼五〇二室)
    if ("学号" in norm or "学生证" in norm or "学籍号" in norm or "學" in norm
            or (("號" in norm or "證" in norm) and _STUDENT_WORD_MIXED.search(norm))):  # (学號, 学生證: mixed)
        if total >= 5:
            out.add("student_word")  # (in groups: 2021-0123-45)
        out.add("student_part")
    elif "序号" in norm or "座号" in norm or "座位号" in norm or "號" in norm:
        out.add("student_part")  # (a class roll number: 班级序号12号同学, 座位号23)
    if total >= 6 and ("考生" in norm or "准考证" in norm or "考證" in norm or "护照" in norm or "準" in norm or "護" in norm):
        out.add("other_number")
    if "考生" in norm or "考证号" in norm or "考證" in norm or "照号" in norm or "號" in norm:  # (準考证号, 准考證号, 護照号 too)
        out.add("other_part")
    if _roll_word(norm):
        out.add("roll")  # (a roll number: 12号同学, 五号同学)
    if "身份证" in norm or "身份證" in norm:
        out.add("id_part")
    if (total and ("住" in norm or "址" in norm)) or _numeral_house(norm):
        out.add("address")  # (家住, 家庭住址, 家庭地址, 住址 and a number)
    if several:
        out.add("grouped")  # a student number in groups (Scanner._grouped)
    if longest >= 5 or (several and longest >= 3 and total >= 5):
        out.add("qq")  # (in groups: 123 456 789)
    if "@" in norm or "艾特" in norm or _at_bracketed(norm) or _at_word(norm):
        out.add("email")
    if _wechat_letter(norm) and _WX_PART.search(norm.lower()):
        out.add("wechat")
        if "wxid_" in norm:
            out.add("wxid")
    elif "wxid_" in norm:
        out.add("wxid")
    return out  # (a new set each time: no frozenset made of it, ≈0.8 µs a text with a digit)


# The scan of many texts at once (Scanner.clean): a text has a find only where one of these matches in it — each a
# part every find's reading holds (read off the expressions above), or a quick check the scan itself asks before a
# reading runs: (its first character, the rest).  Run once over a document's new texts joined by a line break, they
# leave the few texts they match in to the scan; every other text holds nothing.  None needs a character around what
# it matches but the surname, 生 or a parent's word behind _AFTER_SHENG, _PLACED_BEHIND and _SURNAME_BEHIND (never a
# line break), so each matches in the joined texts where it matches in one text alone (tests/test_privacy_gate.py
# holds every find of the tests' texts to it).  One class of every first character, then each part behind its own:
# the expression engine skips to the next of those characters as str.find does, where an alternation of the parts
# would be tried at every character.
_BEHIND_SPACE = f"[{_SPACE}]"  # (the spaces _parent_after_surname strips)
_SURNAME_BEHIND = (f"(?:(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}]..)|(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}]{_BEHIND_SPACE}..)"
                   f"|(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}]{_BEHIND_SPACE}{{2}}..))")  # (before a parent's word)
# What stands right before 同学/同學 in every reading whose only part of the gates it is: a surname or a compound's last
# character (张同学, 欧阳同学, 张、李同学), a space (张 同学, ZS 同学), 男/女 (张、李女同学), a count's or 等's last character
# (张、李两位同学, 张李两同学, 张、李等同学, ZS、LM两位同学), a Latin letter (ZS同学) or an initial's full stop
# (Z.S.同学); 某, 姓, 号 and a placeholder before
# it (张某同学, 李姓同学, 12号同学, 张*同学) are gates of their own.  Not 与同学们, 部分同学, 全体同学 (most texts with 同学).
_CLASSMATE_BEHIND = f"(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}{_SPACE}男女等位名个個{_NUMBER}A-Za-z.]..)"
# (… or a surname two or three characters before it, as before a full name: 张小明同学, 李华同学, 欧阳明月同学 — full_name_rx)
_NAME_BEHIND = f"(?:(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}]...)|(?<=[{_SURNAME_CHARS}{_COMPOUND_LAST}]....))"
_GATE_PARTS = (
    # a number: 5 digits in a row (an ID, QQ, WeChat, …), 3 and 3 with a bracket or a mobile's separator between (a phone:
    # 138 1234 5678, (024)8368 7123, 138 — 1234 — 5678: _PHONE_SEP), 2 and 3 with a space or a hyphen between (a QQ number in
    # groups: 12 345, _ACCOUNT_NUMBER), or 3 and a room's word (_DORM_NEAR) — read from the first digit of a run of them, to
    # its end (Scanner._gated puts the run's start before it): where one of them holds at any digit of a run, it holds
    # there, and the other digits of a class's 1602 or a date are not tried one by one
    ("[0-9]", f"(?:[0-9]{{4}}|[0-9]{{2,}}+(?:[)）]?{_PHONE_SEP}[0-9]{{3}}|(?s:{_ROOM_WORD_NEAR}))|[0-9][{_SPACE}\\-][0-9]{{3}})"),
    ("同", f"[学學](?:{_CLASSMATE_BEHIND}|{_NAME_BEHIND})"), ("家", f"[长長]{_SURNAME_BEHIND}"),
    *((first, f"(?s:{rest})") for first, rest in _DORM_NEAR_PARTS), ("[床铺鋪]", ""),  # a room (_could's gate), a bed
    ("[室寝寢宿]", f"(?:(?<={_ROOM_NUMERALS}{{3}}.)|(?<={_ROOM_NUMERALS}{{3}}\\s.))"),  # a room in numerals (_numeral_room)
    (_NUMERAL_BUILDING, f"的?{_BETWEEN}{_ROOM_NUMERALS}{{3}}"),  # … or after a building's word (三舍三一二)
    # the words before a number, by their rarest character: 学号, 学籍号, 班级序号, 座号, 卡号, 考生号 (号); 学生证, 身份证,
    # 证件, 准考证 (证); 银行卡, 银行账号; 护照
    ("[号號证證]", ""), ("[银銀]", "行"), ("[护護]", "照"),
    ("@", ""), ("[(\\[（]", "[Aa][Tt][)\\]）]"), ("艾", "特"), ("[Tt]", "(?<=\\s[Aa][Tt])\\s"),  # an e-mail address (at as a word by its t:
    # a is in more of the texts)
    # a WeChat account (_WX_WORD: 微信, V信, wx, vx, WeChat, weixin; wxid_)
    ("[微威薇徽]", "信"), ("[Vv]", "[Xx信]"), ("[Ww]", "[Xx]|[Ee](?:[Cc][Hh]|[Ii][Xx])"),
    # a student called by surname: _called's quick checks (小 and a surname — each nickname's reading —, 某, 姓, 同学 after
    # what may stand before it, a placeholder after a surname, a parent's word after a surname or before 先生/女士; 生 after a
    # surname and a list's end: _SHENG_NEAR's and _LIST_TAIL's, _gate)
    ("小", f"[{_SURNAME_CHARS}{_COMPOUND_FIRST}]"), ("[某姓]", ""), ("[Xx×*]", _PLACED_BEHIND),
    ("[妈媽]", f"[妈媽]{_SURNAME_BEHIND}"), ("爸", f"爸{_SURNAME_BEHIND}"), ("[父母]", f"[亲親]{_SURNAME_BEHIND}"),
    ("先", "生"), ("女", "士"),
    ("[A-Z]", f"(?:(?<=[{_STUDENT_WORD_ENDS}].)|(?<=[{_STUDENT_WORD_ENDS}][{_SPACE}].))\\.?[{_SPACE}]?[A-Z]"),  # (学生ZS, 同学LS, 学生Z.S.: _INITIALS_AFTER)
    ("家", "住"), ("[住地]", "址"),  # a home address (ADDRESS_RX: after 家住, 家庭住址, 家庭地址, 住址)
    ("[组組社队隊]", f"\\s?{_VILLAGE_HOUSE_NUMBER}\\s?[号號]"),  # … or a village's house with none of them (_VILLAGE_ALONE: 村3组15号)
)


def _gate(digits: str, apart: str = "") -> str:
    """The gates' one expression (_GATE_PARTS, _SHENG_NEAR's and _LIST_TAIL's parts): a class of their first characters,
    then each part's rest behind its own — the number's (`digits`: its rest) and a surname's first, whose characters
    are most of those met, the others behind a class of theirs (a character tries a few tests, not one for each part).
    _SHENG_NEAR's 生 is read after the surname _AFTER_SHENG looks behind it for (生 is in one character of forty: 学生),
    so 生 starts no try of its own.  The others are tried as a tree: behind the class of each half of them, then of each
    half of that half — in their order, as one alternation of them all would be (the same match) — so a character of
    theirs (宿舍, 家, 同, 座: one in sixty of a summary) tries ten look-behinds, not one for each of the 27 parts.
    `apart`, a class of characters each a gate of its own (Scanner._gated's: those the gates read otherwise narrowed)."""
    def klass(parts) -> str:
        return "".join(first[1:-1] if first.startswith("[") else first for first, _ in parts)

    def tree(parts) -> str:
        if len(parts) <= 4:
            return "(?:" + "|".join(f"(?<={first}){then}" for first, then in parts) + ")"
        half = (len(parts) + 1) // 2
        return "(?:" + "|".join(f"(?<=[{klass(side)}]){tree(side)}" for side in (parts[:half], parts[half:])) + ")"

    rest = _GATE_PARTS[1:]
    common = (_GATE_PARTS[0][:1] + (digits,), (f"[{_SURNAME_CHARS}{_COMPOUND_LAST}]", f"(?:{_LIST_TAIL_END}|生{_AFTER_SHENG})"),
              (f"[{klass(rest)}]", tree(rest))) + (((apart, ""),) if apart else ())
    return f"[{klass(common)}](?:" + "|".join(f"(?<={first}){then}" for first, then in common) + ")"


_GATE_JOIN = "\n"
_CATEGORIES = {"CATEGORY_DIGIT": "\\d", "CATEGORY_NOT_DIGIT": "\\D", "CATEGORY_SPACE": "\\s", "CATEGORY_NOT_SPACE": "\\S",
               "CATEGORY_WORD": "\\w", "CATEGORY_NOT_WORD": "\\W", "CATEGORY_UNI_DIGIT": "\\d", "CATEGORY_UNI_NOT_DIGIT": "\\D",
               "CATEGORY_UNI_SPACE": "\\s", "CATEGORY_UNI_NOT_SPACE": "\\S", "CATEGORY_UNI_WORD": "\\w", "CATEGORY_UNI_NOT_WORD": "\\W"}


def _told_apart(patterns) -> str:
    """The characters _normal changes that one of `patterns` (compiled, or an expression's text) may read otherwise than what _normal makes of
    them: each of no width (it drops them), and each wide form, space or dash one of their literals or classes holds, or
    its narrow form (a word boundary: \\w's) — ０ where [0-9] reads 0, a full-width space where [ \\-] reads " ".  Those it
    reads alike (，where nothing reads a comma, ： where [:：] reads both) the patterns match in a text as in the text
    narrowed.  All of them for what cannot be told so (a back-reference, a case-blind pattern, an operator not known) —
    and where re's parser, which this reads (re._parser: private, no public one exists), is not there or not as
    expected: then every text with one of them is narrowed before the gates (slower, the same marks)."""
    wide, narrow = "".join(NARROW), "".join(NARROW.values())
    every = wide + "".join(INVISIBLE)
    try:
        from re import _constants as C, _parser
    except ImportError:
        return every
    literals, classes = set(), set()

    def walk(items) -> bool:  # (False: not to be told)
        for op, av in items:
            if op in (C.LITERAL, C.NOT_LITERAL):
                literals.add(chr(av))
            elif op is C.IN:
                if not all(kind in (C.NEGATE, C.LITERAL, C.RANGE) or kind is C.CATEGORY and str(value) in _CATEGORIES
                           for kind, value in av):
                    return False
                classes.add(tuple(av))
            elif op is C.AT:
                if str(av) not in ("AT_BEGINNING", "AT_BEGINNING_STRING", "AT_END", "AT_END_STRING"):
                    classes.add(((C.CATEGORY, C.CATEGORY_WORD),))  # (\b, \B: a word's character or not, \w)
            elif op is C.SUBPATTERN:
                if av[1] & (re.IGNORECASE | re.LOCALE) or not walk(av[3]):
                    return False
            elif op is C.BRANCH:
                if not all(walk(branch) for branch in av[1]):
                    return False
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                if not walk(av[2]):
                    return False
            elif op in (C.ASSERT, C.ASSERT_NOT):
                if not walk(av[1]):
                    return False
            elif op is C.ATOMIC_GROUP:
                if not walk(av):
                    return False
            elif op is not C.ANY:  # (. reads all but a line break: _normal neither makes nor drops one)
                return False
        return True

    patterns = [(p, 0) if isinstance(p, str) else (p.pattern, p.flags) for p in patterns]
    try:
        if not all(not flags & (re.IGNORECASE | re.LOCALE) and walk(_parser.parse(p, flags)) for p, flags in patterns):
            return every
    except Exception:  # noqa: BLE001 - a parser other than the one this reads
        return every
    told = {w for w, n in NARROW.items() if w in literals or n in literals}
    chars = frozenset(wide + narrow)
    for klass in classes:
        read = _class_reads(klass, chars, C)
        told.update(w for w, n in zip(wide, narrow) if (w in read) != (n in read))
    return "".join(sorted(told)) + "".join(INVISIBLE)


def _class_reads(items: tuple, chars: frozenset, C) -> frozenset:
    """The characters of `chars` the class parsed as `items` (re._parser's: NEGATE, LITERAL, RANGE, CATEGORY) reads, as
    the class written out and compiled would (_told_apart's: a compile each cost ≈0.15 ms, the gates' 83 of them)."""
    read = chars & {chr(value) for kind, value in items if kind is C.LITERAL}
    for kind, value in items:
        if kind is C.RANGE:
            read |= {c for c in chars if value[0] <= ord(c) <= value[1]}
        elif kind is C.CATEGORY:
            read |= _category_reads(_CATEGORIES[str(value)], chars)
    return chars - read if any(kind is C.NEGATE for kind, _value in items) else read


@lru_cache(maxsize=None)
def _category_reads(escape: str, chars: frozenset) -> frozenset:
    return frozenset(c for c in chars if re.fullmatch(escape, c))


# (a university's pattern that reads what stands around it — an anchor, a look-around, \b — is searched in each text alone)
_READS_AROUND = Lazy(r"[$^]|\\[AZbB]|\(\?<?[=!]")


ID_YEARS = (1850, 2100)  # (the first and last year of a birth date in an ID number)


def _real_date(y: int, m: int, d: int) -> bool:
    try:
        return dt.date(ID_YEARS[0], 1, 1) <= dt.date(y, m, d) <= dt.date(ID_YEARS[1], 12, 31)
    except ValueError:
        return False


ID_CHECK = "10X98765432"  # (the check digit of each remainder of the weighted sum by 11)


def _id18_ok(digits: str) -> bool:
    total = sum(int(c) * w for c, w in zip(digits[:17], ID_WEIGHTS))
    return ID_CHECK[total % 11] == digits[17].upper()


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit() or c in "Xx")


def _keep(text: str, head: int, tail: int) -> str:
    if len(text) <= 1:  # (one digit shown would be the whole of it: 座号5, 3号同学, 尾号7 → *)
        return "*"
    if len(text) <= head + tail:
        return text[:1] + "*" * (len(text) - 1)
    return text[:head] + "*" * (len(text) - head - tail) + text[len(text) - tail:]


def mask(kind: str, found: str) -> str:
    """The masked form of a find: enough to locate it, never the data in full."""
    if kind in ("dormitory", "initials"):  # (read narrowed, as found: 5舍３１２ → 5舍***, ＬＭ同学 → **同学 — their letters and digits)
        found = _normal(found)
    if kind in ("id_card", "mobile", "landline", "student_number", "bank_card", "other_number"):
        d = _digits(found) if kind != "other_number" else re.sub(r"[^0-9A-Za-z]", "", found)
        head, tail = {"id_card": (4, 4), "mobile": (3, 4), "landline": (3, 2), "student_number": (4, 2), "bank_card": (4, 4),
                      "other_number": (2, 2)}[kind]
        if kind == "mobile" and len(d) > 11:
            d = d[-11:]
        return _keep(d, head, tail) if d else "*" * len(found)  # (a roll number in Chinese numerals: 十二号同学 → **)
    if kind == "email":  # (read narrowed, as it was found: abc＠163.com, abc（ａｔ）163.com)
        local, domain = _split_email(_normal(found))
        return f"{local[:1]}***@{domain}"
    if kind in ("qq", "wechat"):
        return _keep(found, 2, 1)
    if kind == "dormitory":  # (the room, each of a list's: 5栋312、313 → 5栋***、***; a bed's number too: 3号床 → *号床, 502-3床 → ***-*床)
        room = re.sub(rf"(?:[0-9A-Za-z]|{_ROOM_NUMERALS})+(?=\s?(?:{_ROOM_JOIN}|(?:[寝寢]室|宿舍|室|[寝寢]|[号號])?$))"
                      rf"|(?:[0-9A-Za-z]|{_ROOM_NUMERALS}){{3,}}(?=\s?{_ROOM_RANGE}\s?(?:[A-Za-z]?[0-9]{{3,4}}|{_ROOM_NUMERALS}{{3,4}}))",
                      lambda m: "*" * len(m.group()), found)  # (a range's first room too: 3号楼502-508 → 3号楼***-***)
        return room if room != found else re.sub("[0-9]", "*", found) if re.search(r"[0-9]", found) else "***"
    if kind == "address":  # (the house number's digits and numerals: 3栋2单元501 → *栋*单元***, 三栋 → *栋)
        return re.sub(r"[\d一二三四五六七八九十〇零]", "*", found)
    if kind == "name":
        return found[:1] + "*" * max(len(found) - 1, 1)
    if kind == "surname":  # the surname is what gives the student away (each of a list's: 张、李两位同学)
        first = 2 if found[:2] in _COMPOUNDS else 1  # (欧阳同学, 欧阳、司马两位同学: both characters)
        rest = found[first:]  # (张李两位同学, 张李王三位同学: the other surnames right after the first)
        bare = rest.lstrip(_SURNAME_CHARS) if first == 1 else rest
        return "*" * first + _LISTED.sub(lambda m: m[1] + "*" * len(m[2]), "*" * (len(rest) - len(bare)) + bare)
    if kind == "full_name":  # (the name whole, surname and all: 与***同学谈心)
        return "*" * len(found)
    if kind == "initials":  # … and the initials
        return re.sub("[A-Za-z]", "*", found)
    return "*" * len(found)


def _split_email(found: str) -> tuple[str, str]:
    m = re.search(f"{_AT_MARK}|{_AT_WORD}", found)
    if not m:
        return found, ""
    return found[: m.start()], found[m.end():]


# One piece of a student-number pattern of the plain shapes (20[0-9]{8,10}, S\d{7}, [0-9]{6}[A-Z]?):
# a letter or digit, \d, or a class in brackets; once, or {n}, {n,m}, {n,}, ?, * or +.
_PIECE = Lazy(r"(?:[0-9A-Za-z]|\\d|\[\^?\]?[^\]\\\[]*\])(?:\{([0-9]{1,4})(?:,[0-9]{0,4})?\}|([?*+]))?")


def _fewest_characters(pattern: str) -> int:
    """The fewest characters `pattern` can match, read from its pieces (_PIECE), of the fewest of its
    choices (20[0-9]{8}|S[0-9]{7}); 0 where a choice holds anything else (a group, an anchor, an escape
    but \\d, a lazy count): only a shortcut, 0 tries every run."""
    return min(map(_fewest_of_one, pattern.split("|")))


def _fewest_of_one(pattern: str) -> int:
    at = fewest = 0
    while at < len(pattern):
        m = _PIECE.match(pattern, at)
        if not m:
            return 0
        fewest += int(m.group(1)) if m.group(1) else 0 if m.group(2) in ("?", "*") else 1
        at = m.end()
    return fewest


class Scanner:
    """Compiled detectors for one set of student-number patterns and protected names."""

    def __init__(self, student_patterns=(), names=(), teaching=TEACHING_BUILDINGS, not_names=NOT_NAMES):
        # a pattern with a problem is left out here and reported once (E-PRIV-002)
        self.student = [rx for rx in map(student_regex, student_patterns) if not isinstance(rx, tuple)]
        self.whole = [re.compile(p) for p in student_patterns if not isinstance(student_regex(p), tuple)]
        self.fewest = min((_fewest_characters(p.pattern) for p in self.whole), default=0)  # (a run with fewer digits is none)
        names = sorted({n for n in names if len(n) >= 2}, key=len, reverse=True)
        self.names = re.compile("|".join(map(re.escape, names))) if names else None
        self._buildings = tuple(teaching)  # (teaching buildings: the rooms beside 同学 in them a class's)
        self._full_name = _full_name((not_names[0], tuple(not_names[1])))  # (the policy's words of no name: W-PRIV-001)
        self._cache: dict[str, tuple[Match, ...]] = {}
        self._quiet: set[str] = set()  # texts known to hold nothing (Scanner.clean)
        self._gates: list | None = None  # (_none_in's, made when first asked)

    @cached_property
    def dorms(self) -> list:
        """The rooms' expressions with the university's teaching buildings (made when a text may hold a room:
        a run whose texts hold none, as one served from the cache, needs none of them)."""
        return _dorms(self._buildings)

    def scan(self, text: str) -> list[Match]:
        if not isinstance(text, str) or not text:
            return []
        return list(self.hits(text))

    def hits(self, text: str) -> tuple[Match, ...]:
        cached = self._cache.get(text)
        if cached is None:
            cached = self._scan(text) if text and text not in self._quiet else ()
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[text] = cached
        return cached

    def clean(self, doc, name: str | None = None) -> bool:
        """True when `_finds` would find nothing in a document's values and comments —
        decided from its values alone, without working out positions (a valid file read
        by the quick path is never parsed again).  False: look closely (`_finds`).
        Each distinct text is scanned once per process: files repeat most of their words (those known to hold
        nothing, _quiet, are passed over as they are met), and a document's new ones are scanned together (_none_in).
        `name` (the file's) is one of them: True says it holds nothing either.  The values' texts are those the quick
        path gathered in its own walk of them (Document.texts: taken once, as the values may change after), else walked
        here (≈0.3 s of CPU over the 12k corpus, against ≈0.1 s of adds in the quick path's walk)."""
        quiet = self._quiet
        texts, doc.texts = doc.texts, None
        if texts is not None:
            new = texts - quiet
            if name is not None and name not in quiet:
                new.add(name)
            stack = []
        else:
            new = {name} if name is not None and name not in quiet else set()
            # (its own walk, not load.leaves: keys too, no paths; leaves cost 58.7 against 20.0 ms of CPU over 1k ledgers)
            stack = [doc.data]
        add = new.add
        while stack:
            node = stack.pop()
            if type(node) is dict:
                for key in node:  # the keys
                    if key not in quiet:
                        add(key)
                node = node.values()
            for value in node:
                kind = type(value)
                if kind is str:
                    if value not in quiet:
                        add(value)
                elif kind is dict or kind is list:
                    stack.append(value)
                elif kind is int or kind is bool:
                    value = str(value).lower()  # as written: 138…, true, false
                    if value not in quiet:
                        add(value)
        raw = doc.raw  # (a file of no '#' is not decoded: no UTF-8 sequence holds its byte)
        text = doc.text if raw is None or b"#" in raw else ""
        if "#" in text:  # comments: the raw lines that hold a '#', as _finds reads them
            new.update(line for start, _end, after in lines_with(text) if (line := text[start:after]) not in quiet)
        if new and not self._none_in(list(new)):
            passed = self._passed_over(doc, new, name)  # (a cadre's 工号 like a student's number: NOT_FOUND_IN)
            if not passed or not self._none_in(list(new - passed)):
                return False
            new -= passed  # (never among those known to hold nothing: elsewhere they do)
        if len(self._quiet) > 1_000_000:
            self._quiet.clear()
        self._quiet |= new
        return True

    def _passed_over(self, doc, texts: set, name: str | None) -> set:
        """The texts of `texts` that `_finds` passes over as they stand in `doc`: the value of a field NOT_FOUND_IN
        names, its finds all of the kinds that field is no place of, and no other key or value of the document, nor its
        name or a comment's line (no '#' in it), of the same text (the set `texts` cannot tell where each stood)."""
        out = set()
        for (kind, path), kinds in NOT_FOUND_IN.items():
            value = _value_at(doc.data, path) if kind == doc.kind else None
            if isinstance(value, str) and value in texts and value != name and "#" not in value \
                    and {m.kind for m in self.hits(value)} <= kinds and _times_in(doc.data, value) == 1:
                out.add(value)
        return out

    def settle(self, texts) -> None:
        """Count each text of `texts` the gates do not mark (_gated, run once over them all) among those known to hold
        nothing (_quiet), which `hits` passes over: of a file the full loader read (policy.yaml, a file with an error),
        _finds scans each value and comment line it tells apart, most of them of nothing."""
        quiet, cache = self._quiet, self._cache
        new = [text for text in dict.fromkeys(texts) if text and text not in quiet and text not in cache]
        marked = self._gated(new) if new else None
        if marked is not None:
            if len(quiet) > 1_000_000:
                quiet.clear()
            quiet.update(text for i, text in enumerate(new) if i not in marked)

    def _none_in(self, texts: list) -> bool:
        """Whether no text of `texts` holds a find (`_scan`): only the texts the gates mark (_gated) are scanned — most
        of a ledger's texts, a summary of prose and a class's number, are then never scanned one by one."""
        marked = self._gated(texts)
        return not any(self._scan(texts[i]) for i in (range(len(texts)) if marked is None else sorted(marked)))

    def _gated(self, texts: list) -> set | None:
        """The indexes of the texts of `texts` that may hold a find: those the gates (_GATE_PARTS, the student-number
        patterns, the names) match in, run once over the texts joined; None: each text may (one holds a character of
        no width, which the scan reads apart: _unseen)."""
        if self._gates is None:
            # _gate with a number in groups as long as the fewest a pattern takes (Scanner._grouped), each pattern of the
            # university's, the names; a pattern that reads what stands around it is searched in each text (_each).  The
            # number's part from a run's first digit only (no digit before it): what holds from any of its digits holds
            # from the first (the groups too: the digits before it are groups of their own)
            digits = f"(?<![0-9].)(?:{_GATE_PARTS[0][1]}" + (f"|(?:[ \\-]?[0-9]){{{max(self.fewest, 2) - 1}}}" if self.whole else "") + ")"
            self._each = [p for p in self.whole if _READS_AROUND.search(p.pattern)]
            others = [p for p in self.whole if p not in self._each] + [self.names] * bool(self.names)
            # (the texts are gated as they are, not narrowed: a character the gates read otherwise narrowed is a gate of its
            # own, and they are narrowed where one is found (most summaries hold only ，, which none reads: 354,432 of them
            # over the 12k corpus's new texts, replaced for nothing, after a search of every character))
            apart = f"[{re.escape(_told_apart([_gate(digits)] + others + self._each))}]"
            self._apart = re.compile(apart)
            self._gates = [re.compile(_gate(digits, apart))] + others
        joined = norm = _GATE_JOIN.join(texts)
        spans = [m.span() for gate in self._gates for m in gate.finditer(norm)]
        if spans and self._apart.search(joined):  # (none: the gates match in it as in the text narrowed)
            norm = _normal(joined)
            if len(norm) != len(joined):
                return None
            spans = [m.span() for gate in self._gates for m in gate.finditer(norm)]
        marked: set = set()
        if not spans and not self._each:
            return marked  # (most documents: nothing to scan, and no text's place in the joined worked out)
        starts = [0]
        for text in texts:
            starts.append(starts[-1] + len(text) + 1)
        for start, end in spans:  # (every text it touches: a room's .{0,10} may reach into the next)
            marked.update(range(bisect.bisect_right(starts, start) - 1,
                                min(bisect.bisect_left(starts, max(end, start + 1)), len(texts))))
        for pattern in self._each:
            marked.update(i for i in range(len(texts)) if pattern.search(norm[starts[i]:starts[i + 1] - 1]))
        return marked

    def _scan(self, text: str, gated: bool = True) -> tuple[Match, ...]:
        norm = _normal(text)
        if len(norm) != len(text):  # (it dropped a character of no width)
            return self._unseen(text, gated)
        return self._scan_seen(text, norm, gated)

    def _unseen(self, text: str, gated: bool) -> tuple[Match, ...]:
        """The finds of a text with characters of no width in it (a zero-width space pasted from
        WeChat: 张\u200b同学 shows as 张同学): those of the text without them, at the text's places."""
        kept = [i for i, c in enumerate(text) if c not in INVISIBLE]
        seen = "".join(text[i] for i in kept)
        return tuple(Match(m.kind, kept[m.start], kept[m.end - 1] + 1, m.masked)
                     for m in self._scan_seen(seen, _normal(seen), gated))

    def _scan_seen(self, text: str, norm: str, gated: bool = True) -> tuple[Match, ...]:
        if not (_DIGIT_OR_AT.search(norm) or _maybe(norm) or _roll_word(norm) or _numeral_house(norm)
                or _numeral_room(norm)):  # no digit, @, account word, 号同学, house or room in numerals: only names
            called = _called(norm, self._full_name)
            if not self.names and not called:
                return ()
            names = [("name", m.start(), m.end()) for m in self.names.finditer(norm)] if self.names else []
            return tuple(self._resolve(text, norm, names + called))
        # Each detector below runs only where it could match at all (see _could): the same
        # finds, without running fifteen expressions over every text with a digit in it.
        could = _could(norm) if gated else _ALL
        called = _called(norm, self._full_name)
        grouped = self._grouped(norm) if self.whole and "grouped" in could and _GROUP_GAP.search(norm) else []
        # (each detector runs only where its pattern alone finds something, as it must wherever the detector does: the
        # detector begins with a look-behind, which the expression engine tries at every character of a text, while the
        # pattern alone — 20[0-9]{8,10} — it seeks as fast as str.find seeks 20; a university's own pattern finds what it found)
        student = [rx for rx, alone in zip(self.student, self.whole) if alone.search(norm)]
        if not could and not self.names and not called and not grouped and not any(p.search(norm) for p in student):
            return ()  # most texts: a date, a count, a year in prose
        found: list[tuple[str, int, int]] = called + grouped  # (kind, start, end) of the data itself

        def add(kind, m, group=0):
            if m.end(group) > m.start(group):
                found.append((kind, m.start(group), m.end(group)))

        if "id" in could:
            self._ids(norm, add)
        for gate, pattern, kind, group in _DETECTORS:
            if gate in could:
                for m in pattern.finditer(norm):
                    add(kind, m, group)
        for pattern in student:
            for m in pattern.finditer(norm):
                if not _MEETING.search(norm, max(0, m.start() - 12), m.start()):  # (会议号2026123456)
                    add("student_number", m)
        if "dorm" in could:
            for pattern in self.dorms:
                for m in pattern.finditer(norm):
                    add("dormitory", m, 1 if pattern.groups else 0)  # a keyword pattern: the room itself
        if self.names:
            for m in self.names.finditer(norm):
                add("name", m)
        return tuple(self._resolve(text, norm, found))

    def _grouped(self, norm: str) -> list[tuple[str, int, int]]:
        """Student numbers written in groups (see _GROUP_RUN): the longest run of usable groups
        from each group on whose digits alone one of the patterns matches whole."""
        out = []
        for run in _GROUP_RUN.finditer(norm):
            if _MEETING.search(norm, max(0, run.start() - 12), run.start()):
                continue
            if run.end() - run.start() - run.group().count(" ") - run.group().count("-") < self.fewest:
                continue  # (most runs: a date, a time)
            groups = [g.span() for g in _GROUP.finditer(norm, run.start(), run.end())]
            usable = [not (_BEFORE_NO_GROUP.search(norm, max(0, s - 2), s) or _AFTER_NO_GROUP.match(norm, e))
                      for s, e in groups]
            i = 0
            while i < len(groups) - 1:
                hit = next((j for j in range(min(len(groups), i + _MOST_GROUPS), i + 1, -1)
                            if all(usable[i:j]) and self._is_number(norm, groups[i:j])), None)
                if hit:
                    out.append(("student_number", groups[i][0], groups[hit - 1][1]))
                i = hit or i + 1
        return out

    def _is_number(self, norm: str, groups: list) -> bool:
        text = norm[groups[0][0]:groups[-1][1]]
        if _DATE_IN_GROUPS.search(text):
            return False
        parts = [norm[s:e] for s, e in groups]
        for a, b in zip(parts, parts[1:]):  # a school year: 2025-2026, 2026 2026
            if len(a) == len(b) == 4 and a[:2] in ("19", "20") and int(b) - int(a) in (0, 1):
                return False
        digits = "".join(parts)
        return any(p.fullmatch(digits) for p in self.whole)

    @staticmethod
    def _ids(norm, add):
        for m in _ID18.finditer(norm):
            d = "".join(m.groups())
            if _real_date(int(d[6:10]), int(d[10:12]), int(d[12:14])) and _id18_ok(d):
                add("id_card", m)
        for m in _ID15.finditer(norm):
            prov, yy, mm, dd = int(m.group(1)[:2]), int(m.group(2)), int(m.group(3)), int(m.group(4))
            if prov in PROVINCES and _real_date(1900 + yy, mm, dd):
                add("id_card", m)

    @staticmethod
    def _resolve(text, norm, found) -> list[Match]:
        # hash-like tokens (sha256, long ids: HASH_LEAST letters and digits or more, a letter among them) are not phone
        # or ID numbers (the web form reads them alike: cms.in_a_hash)
        kept = []
        for kind, s, e in found:
            if kind in _DIGIT_KINDS:
                token = next((t for t in _TOKEN.finditer(norm, max(0, s - 64), min(len(norm), e + 64))
                              if t.start() <= s < t.end()), None)
                if token and token.end() - token.start() >= HASH_LEAST and not token.group().isdigit():
                    continue
            kept.append((kind, s, e))
        # the earliest, then the longest, find wins where two overlap
        kept.sort(key=lambda t: (t[1], -(t[2] - t[1]), t[0] == "full_name"))  # (a protected name over a full name's warning)
        out: list[Match] = []
        for kind, s, e in kept:
            if out and s < out[-1].end:
                continue
            out.append(Match(kind, s, e, mask(kind, text[s:e])))
        return out


# ---------------------------------------------------------------------------
# configuration from the records and the environment


def student_patterns(rs) -> list:
    if rs is None:
        return []
    patterns = rs.setting("privacy", "student_number_patterns", default=[]) if hasattr(rs, "setting") else []
    return [p for p in patterns if isinstance(p, str)] if isinstance(patterns, list) else []


def protected_names() -> tuple[tuple[str, ...], str | None, str | None]:
    """(names, path, problem) from the file named by CONTACT_LEDGER_PROTECTED_NAMES."""
    path = os.environ.get(ENV_NAMES, "").strip()
    if not path:
        return (), None, None
    try:
        info = os.stat(path)
        return _read_names(path, info.st_mtime_ns, info.st_size), path, None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return (), path, getattr(exc, "strerror", None) or type(exc).__name__


@lru_cache(maxsize=4)
def _read_names(path: str, _mtime: int, _size: int) -> tuple[str, ...]:
    with open(path, encoding="utf-8-sig") as handle:
        lines = (ln.strip() for ln in handle)
        return tuple(ln for ln in lines if ln and not ln.startswith("#"))


def teaching_buildings(rs) -> tuple[str, ...]:
    """The university's teaching and office buildings (policy.yaml privacy.teaching_buildings), the default without them."""
    return _teaching(rs.setting("privacy", "teaching_buildings") if rs is not None and hasattr(rs, "setting") else None)


def _teaching(names) -> tuple[str, ...]:
    """`names` (a policy's list) as the scan reads them: its texts of two characters or more (the schema reports others: a
    楼 or a 馆 alone would make every named building's rooms a class's), the default if no list."""
    return tuple(n for n in names if isinstance(n, str) and len(n) >= 2) if isinstance(names, list) else TEACHING_BUILDINGS


def not_names(rs) -> tuple[str, tuple[str, ...]]:
    """(the characters of no given name, the words that are no name) of the university's policy (policy.yaml
    privacy.not_given_name_characters, privacy.not_name_words: the full names before 同学 W-PRIV-001 does not tell)."""
    return _not_names(rs.setting("privacy") if rs is not None and hasattr(rs, "setting") else None)


def not_names_in(policy_data) -> tuple[str, tuple[str, ...]]:
    """not_names of a policy file's values (before the record set exists)."""
    return _not_names(policy_data.get("privacy") if isinstance(policy_data, dict) else None)


def _not_names(node) -> tuple[str, tuple[str, ...]]:
    """A policy's privacy section's words of no name as the scan reads them: its text of characters, its words of two
    characters or more (the schema reports others: one character — a surname — would hide every name of it); none where
    a key is missing or not of its kind (the schema reports it, with the line to add)."""
    node = node if isinstance(node, dict) else {}
    chars, words = node.get(NOT_NAMES_KEYS[0]), node.get(NOT_NAMES_KEYS[1])
    return (chars if isinstance(chars, str) else "",
            tuple(w for w in words if isinstance(w, str) and len(w) >= 2) if isinstance(words, list) else ())


@lru_cache(maxsize=8)
def _scanner(patterns: tuple, names: tuple, teaching: tuple = TEACHING_BUILDINGS, words: tuple = NOT_NAMES) -> Scanner:
    return Scanner(patterns, names, teaching, words)


def scanner_for(rs=None) -> Scanner:
    return _scanner(tuple(student_patterns(rs)), protected_names()[0], teaching_buildings(rs), not_names(rs))


def configured(rs, names: tuple) -> tuple[Scanner, str]:
    """The scanner for the records' student-number patterns, teaching buildings, words of no name and `names`, and its key
    (what the scan done while loading was keyed by: that scan's finds are used only with the same key)."""
    patterns, teaching, words = student_patterns(rs), teaching_buildings(rs), not_names(rs)
    return _scanner(tuple(patterns), tuple(names), teaching, words), scanner_key(patterns, names, teaching, words)


def scanner_key(patterns, names, teaching=TEACHING_BUILDINGS, words=NOT_NAMES) -> str:
    """Identifies a scanner's configuration (for results kept with a loaded file)."""
    import hashlib

    said = repr((tuple(patterns), tuple(names), tuple(teaching), (words[0], tuple(words[1]))))
    return hashlib.sha256(said.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def patterns_in(policy_data) -> list:
    """student_patterns of a policy file's values (before the record set exists)."""
    node = policy_data.get("privacy") if isinstance(policy_data, dict) else None
    patterns = node.get("student_number_patterns", []) if isinstance(node, dict) else []
    return [p for p in patterns if isinstance(p, str)] if isinstance(patterns, list) else []


def teaching_in(policy_data) -> tuple[str, ...]:
    """teaching_buildings of a policy file's values (before the record set exists)."""
    node = policy_data.get("privacy") if isinstance(policy_data, dict) else None
    return _teaching(node.get("teaching_buildings") if isinstance(node, dict) else None)


def document_finds(doc, patterns, names, teaching=TEACHING_BUILDINGS, words=NOT_NAMES) -> tuple[str, list]:
    """(scanner key, finds) of one document — what check_records needs of it, computed
    while the file is loaded (in a worker, cached with the file's content hash)."""
    patterns, names, teaching, words = tuple(patterns), tuple(names), tuple(teaching), (words[0], tuple(words[1]))
    return _key(patterns, names, teaching, words), list(_finds(_scanner(patterns, names, teaching, words), doc))


@lru_cache(maxsize=8)
def _key(patterns: tuple, names: tuple, teaching: tuple, words: tuple = NOT_NAMES) -> str:
    return scanner_key(patterns, names, teaching, words)  # (once, not for each of a loading process's files: a hash of them all)


# ---------------------------------------------------------------------------
# the API for renderers


def scan_text(text, rs=None) -> list[Match]:
    """Every find in `text` (offsets into `text`), earliest first."""
    return scanner_for(rs).scan(text if isinstance(text, str) else str(text))


def is_safe(text, rs=None) -> bool:
    return not scan_text(text, rs)


def redact(text, rs=None) -> str:
    """`text` with every find replaced by its masked form."""
    text = text if isinstance(text, str) else str(text)
    out, last = [], 0
    for m in scan_text(text, rs):
        out += [text[last:m.start], m.masked]
        last = m.end
    return "".join(out) + text[last:]


def safe_field(text, rs=None, notice: str = NOTICE) -> str:
    """`text` unchanged when it identifies no student, else a notice in its place."""
    return text if is_safe(text, rs) else notice


def redact_findings(findings, rs=None) -> list:
    """Mask personal data in what other stages would print (messages, hints, file names)."""
    scanner = scanner_for(rs)
    out = []
    for f in findings:
        fields = {}
        for name in ("file", "message_zh", "message_en", "hint_zh", "hint_en"):
            value = getattr(f, name)
            if isinstance(value, str) and scanner.scan(value):
                fields[name] = _redact_with(scanner, value)
        if f.data:
            data = {k: _redact_with(scanner, v) if isinstance(v, str) else v for k, v in f.data.items()}
            if data != f.data:
                fields["data"] = data
        out.append(f.replace(**fields) if fields else f)
    return out


def _redact_with(scanner: Scanner, text: str) -> str:
    out, last = [], 0
    for m in scanner.scan(text):
        out += [text[last:m.start], m.masked]
        last = m.end
    return "".join(out) + text[last:]


# ---------------------------------------------------------------------------
# the validate stage


def check_records(rs) -> list[F.Finding]:
    out: list[F.Finding] = []
    out += _pattern_problems(rs)
    names, names_path, problem = protected_names()
    if problem:
        out.append(F.make("E-PRIV-003", display_path(names_path), None, env=ENV_NAMES, reason=problem))
    scanner, scanned_with = configured(rs, names)
    exceptions, ex_findings = _exceptions(rs)
    out += ex_findings
    used: set[int] = set()  # ids of the exception entries that silenced something
    past = set()  # the files read as of a past day: exceptions name lines of the file as it is now
    for doc in rs.docs:
        kept = getattr(doc, "privacy", None)  # the scan done while loading, with the same settings
        if getattr(doc, "lines_now", None) is not None:
            past.add(doc.rel)
        for kind, masked, pos in (kept[1] if kept and kept[0] == scanned_with else _finds(scanner, doc)):
            pos = tuple(pos) if pos else pos
            silenced = excuse(exceptions, doc, pos[0] if pos else None, kind)
            if silenced is not None:
                used.add(id(silenced))
                continue
            zh, en = KINDS[kind]
            line = pos[0] if pos else None  # (of a past day's content: the line an exception takes now, if any)
            now = getattr(doc, "lines_now", None)
            line = line if now is None else (now.get(line) or (None,))[0]
            listed = {k: v.format(records=F.records_shown()) for k, v in TEACHING_HINT.items()} \
                if kind == "dormitory" and _beside_a_building(doc, pos) else {"zh": "", "en": ""}
            out.append(F.make("W-PRIV-001" if kind == "full_name" else "E-PRIV-001", doc.file, pos, kind=zh, kind_en=en,
                              kind_id=kind, masked=masked,
                              rel=doc.rel, line=line or "—", teaching=listed["zh"], teaching_en=listed["en"],
                              data={"kind": kind}))
    reported: set[int] = set()
    for (rel, line, _kind), item in exceptions.items():
        if id(item) not in used and id(item) not in reported and rel not in past:  # (past: today's check says it)
            reported.add(id(item))
            out.append(F.make("E-PRIV-004", item.file, item.pos(), line=line, rel=rel, kind=item.get("kind")))
    return out


# (a room told right after a building's name — not a dormitory building's word — and before its 同学: 求是楼302室同学)
_BUILDING_BEFORE = Lazy(_either_script(r"(?<!宿舍|寝室|公寓)[楼馆]\s?$"))
_STUDENTS_AFTER = Lazy(_either_script(rf"{_BESIDE_ROOM}\s?的?\s?[男女]?同学"))


def _beside_a_building(doc, pos) -> bool:
    """Whether the room found at `pos` stands right after a building's name and before 同学, as privacy.teaching_buildings
    reads a class's room (E-PRIV-001's hint then says the list: a teaching building's rooms told, the list mends them all)."""
    raw = doc.raw if pos else None
    rows = raw.decode("utf-8", "replace").split("\n") if raw else []
    if not pos or not 0 < pos[0] <= len(rows):
        return False
    row, at = rows[pos[0] - 1], pos[1] - 1
    return _BUILDING_BEFORE.search(row, 0, at) is not None and _STUDENTS_AFTER.match(row, at) is not None


# The kinds of find a field of one kind of record is no place of: a cadre's 工号 (staff_no) is a member of staff's number
# of the university's HR system, which may well look like its students' numbers (the policy's patterns) — a phone's or
# an ID card's number there is still found, and so is the same number anywhere else, a comment on its line too.
# Read by both scans: _finds's, which works out each find's line and column, and Scanner.clean's, the quick path's
# (Scanner._passed_over): a file whose only finds are of this table stays on the quick path.
NOT_FOUND_IN = {("cadre", ("staff_no",)): frozenset({"student_number"})}


def _value_at(data, path: tuple):
    """The value at `path` (keys and indexes) in `data`, or None."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _times_in(data, text: str) -> int:
    """How many keys and values of `data` read as `text`, as Scanner.clean gathers them (a number as written)."""
    times, stack = 0, [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            times += sum(key == text for key in node)
            node = node.values()
        for value in node:
            if isinstance(value, (dict, list)):
                stack.append(value)
            elif value == text or (type(value) in (int, bool) and str(value).lower() == text):
                times += 1
    return times


def _finds(scanner: Scanner, doc):
    """(kind, masked, (line, col)) of every find in one document; file-name finds have no position."""
    quick = doc.quick and not doc.located and isinstance(doc.data, dict)
    if quick and scanner.clean(doc, doc.rel):  # (the file's name with its values: most files, nothing in either)
        return
    named = False
    for m in scanner.scan(doc.rel):
        named = True
        yield m.kind, m.masked, None
    if quick and named and scanner.clean(doc):  # (a name of nothing: its values hold something, clean said)
        return
    text = doc.text
    if not text:
        return
    starts = _line_starts(text)

    def where(index):
        line = bisect.bisect_right(starts, index)
        return line, index - starts[line - 1] + 1

    parsed = bool(doc.spans or doc.key_spans)
    lines = [(s, e) for s, e in _lines(text, starts) if not parsed or "#" in text[s:e]]
    # (the values and the raw lines gated at once: each then scanned alone only if marked)
    scanner.settle([value for spans in (doc.key_spans, doc.spans) for _start, _end, value in spans.values()
                    if isinstance(value, str)] + [text[s:e] for s, e in lines])
    taken: list[tuple[int, int]] = []
    for spans, of_values in ((doc.key_spans, False), (doc.spans, True)):  # (a value may be NOT_FOUND_IN's, a key never)
        for path, (start, end, value) in spans.items():
            if not isinstance(value, str):
                continue
            matches = scanner.scan(value)
            if not matches:
                continue
            offsets = _map_offsets(text[start:end], value, [m.start for m in matches])
            not_here = NOT_FOUND_IN.get((doc.kind, path), ()) if of_values else ()
            for m in matches:
                at = start + offsets[m.start]
                taken.append((at, at + max(m.end - m.start, 1)))  # (its line's comment scanned around it)
                if m.kind not in not_here:
                    yield m.kind, m.masked, where(at)
    # raw lines: comments, and every line of a file whose values could not be read
    for s, e in lines:
        for m in scanner.scan(text[s:e]):
            a, b = s + m.start, s + m.end
            if any(a < te and ts < b for ts, te in taken):
                continue
            yield m.kind, m.masked, where(a)


def _line_starts(text: str) -> list[int]:
    """Where each line begins, counting line breaks as YAML does."""
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def _lines(text: str, starts: list[int]):
    """(start, end) of each line, its line break included."""
    for n, start in enumerate(starts):
        yield start, starts[n + 1] if n + 1 < len(starts) else len(text)


def _map_offsets(raw: str, value: str, offsets: list[int]) -> dict[int, int]:
    """Map character offsets in a scalar's value to offsets in its source text `raw`
    (quotes, escapes, block indentation and folded line breaks in between)."""
    if raw == value:
        return {k: k for k in offsets}
    if len(raw) >= 2 and raw[0] in "'\"" and raw[1:-1] == value:
        return {k: k + 1 for k in offsets}
    i = 0
    if raw[:1] in "|>":
        brk = LINE_BREAK.search(raw)
        i = brk.end() if brk else 0
    elif raw[:1] in "'\"":
        i = 1
    wanted, out = set(offsets), {}
    last = max(offsets)
    for j, ch in enumerate(value[: last + 1]):
        p = raw.find(ch, i, i + 80)
        if p < 0:  # produced by an escape or by folding: stay
            if j in wanted:
                out[j] = min(i, max(len(raw) - 1, 0))
            continue
        if j in wanted:
            out[j] = p
        i = p + 1
    return out


def student_regex(pattern: str):
    """The detector for one of policy.yaml's student-number patterns, or, where the pattern
    cannot be used, why: (Chinese, English). The pattern must compile on its own: wrapped first, an
    open `[` would take in the wrapper's brackets (`20[0-9{8}` would read as "20, any character")."""
    try:
        if re.compile(pattern).fullmatch(""):
            return "可匹配空文字", "it matches empty text"
    except (re.error, TypeError, ValueError, OverflowError, RecursionError) as exc:
        return str(exc)[:120], str(exc)[:120]  # (the library's own words)
    try:
        return re.compile(rf"(?<![0-9A-Za-z])(?:{pattern})(?![0-9A-Za-z])")
    except (re.error, ValueError, OverflowError, RecursionError) as exc:  # (?i) and the like: only at the start
        said = str(getattr(exc, "msg", exc))[:100]
        return f"{said}；请去掉 (?…) 标志", f"{said}; leave out (?…) flags"


def _pattern_problems(rs) -> list[F.Finding]:
    out = []
    if rs is None or rs.policy is None:
        return out
    patterns = rs.setting("privacy", "student_number_patterns", default=[])
    for i, p in enumerate(patterns if isinstance(patterns, list) else []):
        reason = student_regex(p) if isinstance(p, str) else None  # not text: the schema reports it
        if isinstance(reason, tuple):
            out.append(F.make("E-PRIV-002", rs.policy.file, rs.policy.pos("privacy", "student_number_patterns", i),
                              reason=reason[0], reason_en=reason[1]))
    return out


def excuse(exceptions: dict, doc, line, kind: str):
    """The exception entry (of exception_index) that excuses a find of `kind` at `line` of `doc`, or None:
    by its line — or, in a past day's content (doc.lines_now), by the lines of the file now with that
    line's text."""
    now = getattr(doc, "lines_now", None)
    for n in (line,) if now is None else now.get(line, ()):
        found = exceptions.get((doc.rel, n, kind))
        if found is not None:
            return found
    return None


def exception_index(rs) -> dict:
    """{(file below records/, line, kind): the exception entry} of the privacy exceptions (the site's
    guard and the validate stage match finds by it: excuse)."""
    return _exceptions(rs)[0]


def excepted(docs) -> set:
    """The files (below records/) that privacy exceptions name."""
    return {item["file"].removeprefix("records/").removeprefix("./") for d in docs if d.kind == "privacy_exceptions"
            and isinstance(d.data, dict) and isinstance(d.data.get("exceptions"), list)
            for item in d.data["exceptions"] if isinstance(item, dict) and isinstance(item.get("file"), str)}


def lines_now(then: str, now: str) -> dict:
    """{line of `then`: the lines of `now` with the same text (spaces at either end aside)}."""
    where: dict = {}
    for n, text in enumerate(LINE_BREAK.split(now), 1):
        where.setdefault(text.strip(), []).append(n)
    return {n: tuple(where[text.strip()]) for n, text in enumerate(LINE_BREAK.split(then), 1) if text.strip() in where}


def _exceptions(rs):
    found: dict = {}
    out = []
    for item in getattr(rs, "privacy_exceptions", []):
        file, line, kind = item.get("file"), item.get("line"), item.get("kind")
        if not (isinstance(file, str) and isinstance(line, int) and not isinstance(line, bool) and isinstance(kind, str)):
            continue  # the schema reports it
        kinds = KIND_ALIASES.get(kind, {kind})
        if not kinds <= set(KINDS):
            out.append(F.make("E-PRIV-005", item.file, item.pos("kind"), kind=kind, allowed=list(KINDS)))
            continue
        file = file.removeprefix("records/").removeprefix("./")
        for k in kinds:
            found.setdefault((file, line, k), item)
    return found, out
