"""The compound surnames (欧阳, 呼延, 万俟 …), in simplified and traditional characters, with their readings as
a surname: one list for the import, which makes a cadre's id from it (importing.ids: ouyang-nana, moqi-ming),
and for the privacy check, which finds a student called by one of them (privacy: 与呼延同学谈心, 萬俟某).
Data only: the privacy check imports it in every `validate`, without the import's modules."""

# Compound surnames, as a surname reads (pypinyin reads 万俟 wàn sì or wàn qí, 单于 dān yú, 尉遲 wèi chí), in
# simplified and traditional characters.  Not those whose first character is a common surname and second a
# common first character of a given name (梁丘, 谷梁, 宗政, 段干, 乐正): 梁丘明 is more likely 梁 丘明.
COMPOUNDS = {
    **dict.fromkeys(("欧阳", "歐陽"), "ouyang"), **dict.fromkeys(("司马", "司馬"), "sima"),
    **dict.fromkeys(("诸葛", "諸葛"), "zhuge"), "上官": "shangguan", "司徒": "situ", "慕容": "murong",
    "皇甫": "huangfu", "令狐": "linghu", **dict.fromkeys(("公孙", "公孫"), "gongsun"), "端木": "duanmu",
    **dict.fromkeys(("尉迟", "尉遲"), "yuchi"), "夏侯": "xiahou", "宇文": "yuwen", "澹台": "tantai",
    **dict.fromkeys(("南宫", "南宮"), "nangong"), "呼延": "huyan", **dict.fromkeys(("钟离", "鍾離"), "zhongli"),
    **dict.fromkeys(("万俟", "萬俟"), "moqi"), **dict.fromkeys(("单于", "單于"), "chanyu"),
    **dict.fromkeys(("东方", "東方"), "dongfang"), **dict.fromkeys(("长孙", "長孫"), "zhangsun"),
    **dict.fromkeys(("闻人", "聞人"), "wenren"), **dict.fromkeys(("东郭", "東郭"), "dongguo"), "公冶": "gongye",
    "太叔": "taishu", "申屠": "shentu", **dict.fromkeys(("轩辕", "軒轅"), "xuanyuan"), "百里": "baili",
    "第五": "diwu", "左丘": "zuoqiu", **dict.fromkeys(("赫连", "赫連"), "helian"), "拓跋": "tuoba",
    **dict.fromkeys(("独孤", "獨孤"), "dugu"), **dict.fromkeys(("完颜", "完顏"), "wanyan"),
    **dict.fromkeys(("仲孙", "仲孫"), "zhongsun"), **dict.fromkeys(("濮阳", "濮陽"), "puyang"), "淳于": "chunyu",
    "太史": "taishi", "公羊": "gongyang", **dict.fromkeys(("西门", "西門"), "ximen"),
    **dict.fromkeys(("鲜于", "鮮于"), "xianyu"), **dict.fromkeys(("闾丘", "閭丘"), "lvqiu"), "司空": "sikong",
    "亓官": "qiguan", "司寇": "sikou", **dict.fromkeys(("巫马", "巫馬"), "wuma"), "漆雕": "qidiao",
    **dict.fromkeys(("颛孙", "顓孫"), "zhuansun"), **dict.fromkeys(("壤驷", "壤駟"), "rangsi"),
}

# Those left out above: a name beginning with one is more likely a surname of one character (梁丘明: 梁 丘明, as the import
# reads it), yet may be the compound's (梁丘 明): the site's search reads such a name both ways (generator.site.search_zh).
AMBIGUOUS = ("梁丘", "谷梁", "宗政", "段干", "乐正", "樂正")

# The single surnames of the privacy check's list (privacy._SURNAME_CHARS), as their pinyin reads (pypinyin, 曾 as a surname
# zeng, 吕 lv or lyu): a student called by a surname written in pinyin (与Zhang同学交流, Wang某, Zhang Wei同学) is found as one in
# characters is; with the compounds' readings above (Ouyang同学).
READINGS = (
    "bai", "cai", "cao", "chang", "chen", "cheng", "cui", "dai", "deng", "ding", "dong", "du", "duan", "fan", "feng", "fu", "gao",
    "gong", "gu", "guo", "han", "hao", "he", "hong", "hou", "hu", "huang", "jia", "jiang", "jin", "kang", "kong", "lai", "lei", "li",
    "liang", "liao", "lin", "liu", "long", "lu", "luo", "lv", "lyu", "ma", "mao", "meng", "mo", "pan", "peng", "qian", "qiao", "qin",
    "qiu", "ren", "shao", "shen", "shi", "song", "su", "sun", "tan", "tang", "tao", "tian", "wan", "wang", "wei", "wen", "wu", "xia",
    "xiao", "xie", "xiong", "xu", "xue", "yan", "yang", "yao", "ye", "yi", "yin", "yuan", "zeng", "zhang", "zhao", "zheng", "zhong",
    "zhou", "zhu", "zou",
    *sorted(set(COMPOUNDS.values())),
)
