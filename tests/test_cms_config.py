"""The web form's config.yml is generated from the ledger schema and the records, and the two
cannot drift apart: every schema property has a form field and every field is a property."""
from __future__ import annotations

import subprocess
import tempfile
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))
import cms_records  # noqa: E402

from generator import cms  # noqa: E402
from generator.layout import kind_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def records(tmp_path):
    return cms_records.write_records(tmp_path)


@pytest.fixture
def config(records, tmp_path):
    out = tmp_path / "admin" / "config.yml"
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return yaml.safe_load(out.read_text(encoding="utf-8"))


def schema_paths(node, schema, prefix=()):
    """{path: (title, description, required)} of every property, recursively through arrays."""
    out = {}
    node = cms._resolve(node, schema)
    if node.get("type") == "array":
        return schema_paths(node.get("items", {}), schema, prefix)
    req = set(node.get("required", []))
    for name, sub in node.get("properties", {}).items():
        sub_r = cms._resolve(sub, schema)
        out[prefix + (name,)] = (sub_r.get("title"), sub_r.get("description"), name in req)
        out.update(schema_paths(sub_r, schema, prefix + (name,)))
    return out


def field_paths(fields, prefix=()):
    out = {}
    for f in fields:
        path = prefix + (f["name"],)
        out[path] = f
        if "fields" in f:
            out.update(field_paths(f["fields"], path))
    return out


def test_every_schema_property_has_a_form_field_and_no_field_is_invented(config):
    schema = cms.load_schema()
    expected = schema_paths(schema, schema)
    assert len(expected) > 20  # the ledger schema, recursively
    for coll in config["collections"]:
        fields = field_paths(coll["fields"])
        assert set(fields) == set(expected), (
            f"schema only: {sorted(set(expected) - set(fields))}; form only: {sorted(set(fields) - set(expected))}")
        for path, (title, desc, required) in expected.items():
            f = fields[path]
            assert f["label"] == cms.FORM_LABELS.get(path, title), path
            if path in cms.FORM_HINTS:  # said for someone who picks from a list, a calendar, a switch
                assert f["hint"] == cms.FORM_HINTS[path], path
            elif path in cms.VOCAB_FIELDS:
                assert f["hint"].endswith("请在列表中选择。"), path
            elif path == ("feedback", "id"):  # its example one of the records' cadres, not the schema's demo cadre
                assert f["hint"].startswith(desc.partition("如 ")[0] + "如 ") and "zhang-wei" not in f["hint"], f
            else:
                assert f.get("hint", "").startswith(desc or ""), path
            if path == ("feedback", "id"):  # left empty, it is numbered before saving (INDEX_HTML)
                assert f["required"] is False and f"保存时自动编为 {coll['folder'][-7:].replace('-', '').lower()}-<干部编号>-1" in f["hint"], f
            elif f.get("widget") != "boolean":  # a switch is always optional (false when off)
                assert f["required"] == required, path


def test_the_drift_check_notices_a_property_the_form_lacks(records):
    """Adding a property to the schema without a field is caught by the comparison above."""
    schema = cms.load_schema()
    from generator.pipeline import validate_records
    rs, _ = validate_records(records)
    coll = cms.collection(rs, rs.period("2026-H2"), schema)
    schema["properties"]["activities"]["items"]["properties"]["duration"] = {"title": "时长", "type": "integer"}
    assert ("activities", "duration") in schema_paths(schema, schema)
    assert ("activities", "duration") not in field_paths(coll["fields"])


def test_chinese_ui_editorial_workflow_and_ledger_folders(config):
    assert config["locale"] == "zh_Hans"
    assert config["publish_mode"] == "editorial_workflow"
    names = [c["name"] for c in config["collections"]]
    assert names == ["ledgers-2026-H2", "ledgers-2026-H1"]  # this period and the one before (late filers)
    for coll in config["collections"]:
        period = coll["name"].removeprefix("ledgers-")
        assert coll["folder"] == f"records/ledgers/{period}"
        assert coll["extension"] == "yaml" and coll["format"] == "yaml"
        assert coll["slug"] == "{{cadre}}"
        # the file the form writes is a ledger in the records layout
        assert kind_of(coll["folder"].removeprefix("records/") + "/zhang-wei.yaml") == "ledger"
        period_field = next(f for f in coll["fields"] if f["name"] == "period")
        assert period_field == {**period_field, "widget": "hidden", "default": period}


def test_options_come_from_the_policy_and_the_assignments(config, records, tmp_path):
    coll = config["collections"][0]
    fields = field_paths(coll["fields"])
    assert fields[("activities", "form")]["options"] == ["主题班会", "个体谈话", "座谈交流", "社团活动"]
    assert fields[("feedback", "status")]["options"] == ["待处理", "处理中", "已上报", "已解决"]
    assert fields[("suggestions", "to")]["options"] == ["任课教师", "辅导员", "班导师"]
    # contact points: only those assigned during the period, labelled with their cadres
    points = {o["value"]: o["label"] for o in fields[("contact_points",)]["options"]}
    assert set(points) == {"cs-2026-01", "club-robotics"}  # cs-2026-02 has no cadre
    assert "张伟" in points["cs-2026-01"] and "计算机2601班" in points["cs-2026-01"]
    assert fields[("contact_points",)]["multiple"] is True
    cadres = {o["value"]: o["label"] for o in fields[("cadre",)]["options"]}
    assert set(cadres) == {"zhang-wei", "li-na"} and "张伟" in cadres["zhang-wei"]
    # a university that extends its vocabulary gets the new word in the form, no code change
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("社团活动]", "社团活动, 主题报告]"),
                      encoding="utf-8")
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01")
    new = yaml.safe_load(done.stdout)
    assert "主题报告" in field_paths(new["collections"][0]["fields"])[("activities", "form")]["options"]


def test_dates_are_plain_yyyy_mm_dd_and_lists_are_list_widgets(config):
    fields = field_paths(config["collections"][0]["fields"])
    for path in (("activities", "date"), ("feedback", "raised_on"), ("feedback", "resolved_on")):
        f = fields[path]
        assert (f["widget"], f["format"], f["date_format"], f["time_format"]) == \
            ("datetime", "YYYY-MM-DD", "YYYY-MM-DD", False), path
        assert "default" not in f  # an untouched optional date must not be written as ""
    for path in (("activities",), ("feedback",), ("suggestions",)):
        assert fields[path]["widget"] == "list" and fields[path]["fields"], path
    assert fields[("activities", "topics")]["field"]["widget"] == "string"
    assert fields[("activities", "students")]["value_type"] == "int"


def test_config_for_a_real_host_and_bad_period(records):
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01", "--backend", "gitlab",
               "--repo", "xgb/ledger", "--app-id", "abc", "--api-root", "https://git.example.edu.cn/api/v4",
               "--base-url", "https://git.example.edu.cn")
    backend = yaml.safe_load(done.stdout)["backend"]
    assert backend["auth_type"] == "pkce" and backend["app_id"] == "abc" and backend["repo"] == "xgb/ledger"
    done = run("cms-config", "--records", str(records), "--periods", "2026-H1,2026-H1, 2026-H1")
    assert [c["name"] for c in yaml.safe_load(done.stdout)["collections"]] == ["ledgers-2026-H1"]  # one form, once
    done = run("cms-config", "--records", str(records), "--periods", "2026-H7")
    assert done.returncode == 2
    assert "不是政策规定的填报期间" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("host", ["gitlab", "github", "gitea"])
def test_no_host_is_asked_for_a_deploy_preview_the_site_never_builds(records, host):
    """A saved ledger's toolbar offered 点击以预览, which did nothing: the site is built from the main
    branch only, no host builds a preview of a ledger's branch; and Decap asked the host's commit
    statuses for one up to 24 times, 5 s apart, while the ledger was open. The form turns preview
    links off."""
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01", "--backend", host,
               "--repo", "xgb/ledger", "--app-id", "abc", "--api-root", "https://git.example.edu.cn/api/v4",
               "--base-url", "https://git.example.edu.cn")
    assert done.returncode == 0, done.stderr
    assert yaml.safe_load(done.stdout)["show_preview_links"] is False


@pytest.mark.parametrize("host", ["forgejo", "gitea"])
def test_a_self_hosted_forge_without_its_api_root_is_told_to_add_it(records, host):
    base = ("cms-config", "--records", str(records), "--today", "2026-10-01", "--backend", host, "--app-id", "abc")
    done = run(*base)
    assert done.returncode == 0 and "--api-root" in done.stderr
    assert "api_root" not in yaml.safe_load(done.stdout)["backend"]
    done = run(*base, "--api-root", "https://git.example.edu.cn/api/v1", "--branch", "web-form")  # (not main: no review)
    assert done.returncode == 0 and done.stderr == ""
    assert yaml.safe_load(done.stdout)["backend"]["api_root"] == "https://git.example.edu.cn/api/v1"


def test_admin_page_carries_the_bundle_and_its_lazy_chunks(records, tmp_path):
    if not (cms.BUNDLE / "decap-cms.js").is_file():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    out = tmp_path / "admin"
    done = run("cms-admin", "--records", str(records), "--today", "2026-10-01", "--out", str(out))
    assert done.returncode == 0, done.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'src="decap-cms.js"' in html and "http" not in html.replace('content="', "")  # no CDN
    chunks = {p.name for p in cms.BUNDLE.glob("*.decap-cms.js")}
    assert chunks and chunks <= {p.name for p in out.iterdir()}
    assert yaml.safe_load((out / "config.yml").read_text(encoding="utf-8"))["locale"] == "zh_Hans"
    # the YAML library Decap bundles, beside it, for keeping an edited ledger's comments
    assert (out / "yaml" / "index.js").is_file() and 'import("./yaml/index.js")' in html
    assert {p.name for p in cms.YAML_LIB.glob("*.js")} == {p.name for p in (out / "yaml").iterdir()}


def test_an_admin_page_written_partway_says_which_of_its_files_were_written(records, tmp_path):
    """cms-admin wrote config.yml and index.html, then removed yaml/ and copied the bundle: a failure in
    the bundle said 没有写入任何文件，原有的文件没有改动, though config.yml and index.html were new and
    yaml/ gone.  All its files are now one write, and yaml/'s old files stay until it succeeds."""
    if not (cms.BUNDLE / "decap-cms.js").is_file():
        pytest.fail("node_modules missing: run `make test` (it runs npm ci)")
    out = tmp_path / "admin"
    (out / "decap-cms.js").mkdir(parents=True)  # (a folder where the bundle goes: it cannot be written)
    (out / "yaml").mkdir()
    (out / "yaml" / "old.js").write_text("// an older YAML library's file\n", encoding="utf-8")
    done = run("cms-admin", "--records", str(records), "--today", "2026-10-01", "--out", str(out))
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    written = done.stderr.split("已写入 ")[1].split("（都是完整的）")[0]  # (a hundred files: the first three named)
    assert written.startswith(f"{out / 'config.yml'}、{out / 'index.html'}、") and " 个文件" in written, done.stderr
    assert "未写入 " + str(out / "decap-cms.js") in done.stderr and len(done.stderr) < 2000, done.stderr
    assert (out / "yaml" / "old.js").is_file()
    (out / "decap-cms.js").rmdir()
    assert run("cms-admin", "--records", str(records), "--today", "2026-10-01", "--out", str(out)).returncode == 0
    assert {p.name for p in cms.YAML_LIB.glob("*.js")} == {p.name for p in (out / "yaml").iterdir()}


def test_free_text_fields_refuse_what_the_privacy_check_blocks_and_nothing_it_lets_through(config, records):
    """The form's privacy pattern (privacy's expressions and the policy's student-number patterns) finds
    only what `validate`'s privacy check finds, so the form never refuses a text CI would accept."""
    from generator import privacy
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    fields = field_paths(config["collections"][0]["fields"])
    for path in [("activities", "summary"), ("feedback", "description"), ("feedback", "resolution"),
                 ("feedback", "note"), ("suggestions", "content"), ("reflections",)]:
        assert "不能写学生的学号" in fields[path]["pattern"][1], path
    pattern = fields[("activities", "summary")]["pattern"][0]  # (JavaScript's: a look-behind of any width, cms.in_a_hash)
    blocked = ["家长电话13812345678。", "家长电话 138 1234 5678", "手机138-1234-5678", "电话139\u00a02345\u00a06789",
               "电话139　2345　6789", "电话139\u20092345\u20096789", "电话139\u202f2345\u202f6789", "身份证号210102200001011234", "邮箱 abc.de@example.edu.cn", "QQ12345678",
               "QQ号：123456789", "家长电话+13812345678", "电话+8613812345678", "电话0086 138 1234 5678",
               "电话86-13812345678", "家长电话 1381 234 5678", "电话138-123-45678", "家长电话 +86 (138) 1234 5678", "家长电话(+86)138-1234-5678", "学号20210123", "学号 2021-0123-45", "学生证号：2021 0123 45", "学籍号为S2021012345", "一名学生（2026010203）反映", "住在5舍312", "12号楼305室", "寝室312",
               "会议结束后2026123456同学留下", "银行卡号6222021234567890123", "银行账号：6217-0000-1234-5678",
               "资助金打入银行卡 6222 0212 3456 7890 123", "学号03的同学反映作息不规律", "与学号尾号03的同学谈心",
               "学号后四位1234的学生申请补助"]
    fine = ["2026年9月15日与30名学生座谈", "参加 #开学第一课# 主题班会：学生说\"很好\"", "南湖5舍走访，电话沟通",
            "QQ群、微信群交流", "2026-2027学年第一学期", "会议室312人次", "一名学生\n反映宿舍热水时间短",
            "腾讯会议号：2026123456", "会议号2026123456", "会议号\u30002026123456", "直播间ID 2026123456",
            "校园卡号1234567已挂失", "发放银行卡120张", "核对学号30份", "学号2026级统一编排", "收集学号10余个"]
    for text in blocked:
        assert privacy.scan_text(text, rs), text
    for text in fine:
        assert not privacy.scan_text(text, rs), text
    assert _javascript_fullmatch(pattern, ["太短"]) == [False]  # the length limits still hold
    assert _javascript_fullmatch(pattern, blocked + fine) == [False] * len(blocked) + [True] * len(fine)


def test_activity_dates_are_held_to_the_period(config):
    import re

    for coll in config["collections"]:
        period = coll["name"].removeprefix("ledgers-")
        rx = re.compile(field_paths(coll["fields"])[("activities", "date")]["pattern"][0])
        year, half = period.split("-")
        inside = ["01-01", "03-15", "06-30"] if half == "H1" else ["07-01", "10-15", "12-31"]
        outside = ["07-01", "12-31"] if half == "H1" else ["06-30", "01-01"]
        for md in inside:
            assert rx.fullmatch(f"{year}-{md}"), (period, md)
        for md in outside:
            assert not rx.fullmatch(f"{year}-{md}"), (period, md)
        assert not rx.fullmatch(f"{int(year) + 1}-{inside[1]}")


def test_a_period_that_does_not_start_on_the_first_is_held_day_by_day(records):
    import datetime as dt
    import re

    from generator.model import Period
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    period = Period("2026-X", "试用期间", dt.date(2026, 7, 15), dt.date(2026, 8, 10), dt.date(2026, 8, 10))
    rx = re.compile(cms.FormContext(rs, period).date_pattern()[0])
    for inside in ("2026-07-15", "2026-07-31", "2026-08-01", "2026-08-10"):
        assert rx.fullmatch(inside), inside
    for outside in ("2026-07-14", "2026-08-11", "2026-06-20", "2026-09-01"):
        assert not rx.fullmatch(outside), outside


def test_an_archived_period_is_not_offered_by_the_form(tmp_path):
    """After 备案 (archive) a period's ledgers are frozen: the form must not offer to edit or add one
    (the pull request would be refused: E-OWN-002, E-ARCH-001/003)."""
    repo = cms_records.make_repo(tmp_path)
    records = repo / "records"
    before = run("cms-config", "--records", str(records), "--today", "2026-10-01")
    assert "name: ledgers-2026-H1" in before.stdout
    done = run("archive", "2026-H1", "--records", str(records), "--today", "2026-10-01")
    assert done.returncode == 0, done.stdout + done.stderr
    cms_records.git(repo, "add", "-A")
    cms_records.git(repo, "commit", "-q", "-m", "备案 2026-H1")
    after = run("cms-config", "--records", str(records), "--today", "2026-10-01")
    assert after.returncode == 0, after.stderr
    names = [c["name"] for c in yaml.safe_load(after.stdout)["collections"]]
    assert names == ["ledgers-2026-H2"]
    asked = run("cms-config", "--records", str(records), "--periods", "2026-H1,2026-H2")
    assert asked.returncode == 2 and "已经备案" in asked.stderr, asked.stderr
    # (it named records/amendments/<期间>/<干部编号>.yaml whatever the records folder: the real paths)
    assert f"{records}/archive/2026-H1.yaml" in asked.stderr, asked.stderr
    assert f"{records}/amendments/2026-H1/<干部编号>.yaml" in asked.stderr, asked.stderr
    english = run("cms-config", "--records", str(records), "--periods", "2026-H1", "--lang", "en")
    assert f"{records}/amendments/2026-H1/<cadre>.yaml" in english.stderr, english.stderr
    admin = run("cms-admin", "--records", str(records), "--periods", "2026-H1", "--out", str(tmp_path / "admin"))
    assert admin.returncode == 2 and "已经备案" in admin.stderr, admin.stderr


def test_hints_speak_to_someone_filling_in_the_form_not_to_a_yaml_editor(config):
    """The schema's descriptions point a file's editor at records/cadres/, the policy's word lists,
    “true” and YYYY-MM-DD; in the form the cadre picks from a list, a calendar and a switch."""
    for coll in config["collections"]:
        for path, f in field_paths(coll["fields"]).items():
            if f.get("widget") == "hidden":
                continue
            hint = f.get("hint", "")
            for word in ("true", "records/", "YYYY-MM-DD", "政策记录", "文件名一致"):
                assert word not in hint, (path, hint)
        fields = field_paths(coll["fields"])
        assert "开关" in fields[("activities", "typical")]["hint"]
        assert "已解决" in fields[("feedback", "status")]["hint"] and "解决日期" in fields[("feedback", "status")]["hint"]


def test_the_forms_fallback_rules_are_the_real_ones_with_nothing_known(records):
    """The admin page's rules without records (index_html() with no record set) lacked `raised`,
    which the real ones (form_rules) gained with the check of a follow-up raised later: the page's
    postSave then failed on `RULES.raised[…] = …`.  Both come from one place and have the same keys,
    each of the same kind."""
    import json
    import re

    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    real = cms.form_rules(rs, [rs.period("2026-H2")])
    html = cms.index_html()
    fallback = json.loads(re.search(r"var RULES = window\.LEDGER_RULES = (.*);", html).group(1))
    assert {k: type(v) for k, v in fallback.items()} == {k: type(v) for k, v in real.items()}
    assert not any(fallback[k] for k in fallback if k != "timezone")  # nothing known


def test_a_periods_description_speaks_to_the_cadre_not_of_files(config):
    """Each period's list in the form opened with the schema's description, written for a file's
    editor: “…文件位于 records/ledgers/<期间>/<干部编号>.yaml” — a path a cadre filling the form
    never sees nor needs.  It says what the ledger is, the period's days and deadline, and the steps."""
    for coll in config["collections"]:
        text = coll["description"]
        assert "records/" not in text and ".yaml" not in text, text
        assert "联系学生工作台账" in text and "截止" in text and "审核中" in text, text


def _javascript_fullmatch(pattern: str, texts: list[str]) -> list[bool]:
    """What the form (Decap: `new RegExp(pattern).test(value)`) makes of each text, in node."""
    import json
    import shutil

    node = shutil.which("node")
    if not node:
        pytest.fail("缺少 node (missing): run `make system-deps`")
    # (on standard input: the form's pattern, every expression of privacy.py whole, with the texts JSON-escaped neared the
    # 128 KiB Linux allows one argument, and passed it as ROLL_RX grew — node failed to start, E2BIG)
    js = "const [p, ts] = JSON.parse(require('fs').readFileSync(0, 'utf8')); const rx = new RegExp(p);" \
         "console.log(JSON.stringify(ts.map(t => rx.test(t))));"
    done = subprocess.run([node, "-e", js], input=json.dumps([pattern, texts]), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_form_warns_of_a_student_called_by_surname_as_the_privacy_check_does(config, records):
    """`validate` blocks 张同学/李某某/学生张某 (privacy kind surname); the form said nothing, so the
    cadre saved, and the commit was refused after.  The form's detector is the privacy check's own
    expression (privacy.CALLED_RX), and in JavaScript it finds what Python finds."""
    from generator import privacy
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    assert privacy.CALLED_RX in cms.FormContext(rs, None).private_detectors()
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    texts = ["与张同学谈心，了解其学业困难", "一名学生李某某反映学业压力大", "学生张某情绪低落", "张同学反映宿舍热水时间短",
             "“王某”在群里说", "和刘同学、陈同学座谈", "与小张同学谈心", "老王同学反映", "2026级王同学申请补助",
             "一名李姓学生反映", "与班长王同学沟通", "与张 同学谈心", "王\u3000同学反映", "和李\u00a0同学座谈",
             "與張同學談心", "一名李姓學生反映", "該生鄭某某已轉介", "同学张某反映", "一名男生李某", "与ZS同学谈心", "zhs 同学反映",
             "与张、李两位同学谈心", "王、刘同学反映", "陈和黄几位同学", "学生张 某反映", "李\u3000某某情绪低落", "与小张、小李两位同学谈心", "与张、李某谈心",
             "与张，李两位同学谈心", "张,李同学反映", "与张、李两名学生谈心", "张、李二人情绪低落", "与张 姓同学谈心", "一名李姓 学生反映",
             "张, 李同学反映", "与张、李 两位同学谈心", "与张、李两位男同学谈心", "与张、李姓同学谈心", "张姓、李姓学生反映", "李、王两位学员反映", "与ZS、LM同学谈心", "ZS和LM两位同学反映", "与张/李两位同学谈心", "张／李二人情绪低落", "与张、李两名研究生谈心", "一名李姓研究生反映",
             "与张老师一起走访同学们宿舍", "与张老师 同学们座谈", "向同學們介紹", "出於某種原因", "通过QQ同学群通知", "English角同学", "同学们反映宿舍热水时间短", "对于同学提出的问题逐一答复",
             "某种程度上学生压力较大", "提高同学们的学习积极性", "其余同学表示理解", "对方同学情绪稳定",
             "小组同学普遍反映实验课时间紧", "老师同学们欢聚一堂", "与2026级同学座谈", "全体同学参加",
             "了解百姓学生家庭的情况", "与学习委员同学座谈", "与老师、同学座谈", "家长和同学都参加", "提高 某些同学的积极性", "文、史某些课程调整",
             "与老师，同学们座谈", "高、低年级学生", "男、女二人一组", "文、史两科学生", "共有32名学生参加", "请填写 姓名 学号", "了解百姓 学生家庭情况", "老师, 同学们好", "文、史 两科学生", "A、B两组同学讨论", "由Python和Java两位同学讲解", "男/女同学各半，老师/同学们"]
    in_js = _javascript_fullmatch(pattern, texts)
    for text, accepted in zip(texts, in_js):
        found = [m.kind for m in privacy.scan_text(text, rs)]
        assert accepted == (not found), (text, found, accepted)
    assert in_js[:46] == [False] * 46 and in_js[46:] == [True] * 34


def test_the_form_warns_of_a_full_name_before_同学_with_the_policy_s_words_as_validate(records):
    """与张小明同学谈心 passed the form without a word and `validate` then warned the reviewer (W-PRIV-001).  The page now reads
    a full name before 同学 with privacy.py's own expression built with the policy's words of no name (form_rules' full_name:
    privacy.full_name_form_rx), so in node it finds a name exactly where validate does — a pseudonym's neither —, and a word the
    university adds to privacy.not_name_words (黄埔) is found by neither."""
    from generator import privacy
    from generator.pipeline import validate_records

    texts = ["与张小明同学谈心", "和李华同学交流", "约谈了欧阳明月同学", "看望生病的陈思同學", "与黄埔同学座谈", "与文学院同学交流", "与江西同学座谈",
             "全班同学参加", "与高中同学聚会", "化名张小明同学反映", "与张小明同学们座谈"]
    policy = records / "policy.yaml"
    shipped = policy.read_text(encoding="utf-8")
    said = []
    for added in ("", "黄埔, "):
        policy.write_text(shipped.replace("  not_name_words: [", f"  not_name_words: [{added}"), encoding="utf-8")
        rs, _ = validate_records(records)
        rules = cms.form_rules(rs, [])
        assert rules["full_name"] == privacy.full_name_form_rx(privacy.not_names(rs))
        in_js = _javascript_fullmatch(rules["full_name"], texts)
        assert in_js == [any(m.kind == "full_name" for m in privacy.scan_text(t, rs)) for t in texts], added
        said.append(in_js)
    assert said == [[True] * 5 + [False] * 6, [True] * 4 + [False] * 7]


def test_the_phone_layout_finds_decaps_parts_by_their_names_not_their_numbers():
    """The phone layout of /admin/ found Decap's editor and toolbar by the classes emotion numbers by
    the components' order in each of Decap's files (.e1nx103k5, .e1d2l9mo22 …), which change when
    any component is added to the file, though the component's name, which its other class carries
    (css-…-ToolbarContainer), does not; the browser test holds each selector to a part of the editor."""
    import re

    html = cms.index_html()
    layout = html[html.index("@media (max-width: 799px)"):html.index("</style>")]
    assert "-ToolbarContainer" in layout and "-EditorContainer" in layout
    assert not re.findall(r"\.e[0-9a-z]{5,}[0-9]\b", layout), layout


def test_a_periods_description_says_what_saving_does_with_the_publish_mode_in_use(records):
    """The list's description told every cadre 保存后是“草稿”，改为“审核中”即提交本单位党委审核: on
    Gitea (publish_mode: simple) a save is a commit on the form's branch, with no 草稿, no 审核中 and
    no 工作流 page; and with the editorial workflow a ledger saved was nowhere in the list (暂无内容:
    Decap lists only what is merged), nor did the description say where it had gone.  On Gitea it then
    said 保存就是提交, where the form has no 保存 button: a ledger is saved by 发布 → 立即发布 (Decap's
    simple controls), the button the guide told every cadre not to press."""
    for host, said, unsaid in (("gitlab", ("草稿", "审核中", "“工作流”页"), ()),
                               ("gitea", ("点“发布”，再点“立即发布”", "管理员"), ("草稿", "审核中", "工作流", "保存就是提交"))):
        done = run("cms-config", "--records", str(records), "--today", "2026-10-01", "--backend", host,
                   "--repo", "xgb/ledger", "--app-id", "abc", "--api-root", "https://git.example.edu.cn/api/v1")
        for coll in yaml.safe_load(done.stdout)["collections"]:
            text = coll["description"]
            assert all(w in text for w in said) and not any(w in text for w in unsaid), (host, text)



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_gitea_form_that_publishes_straight_to_main_says_no_reviewer_sees_it(records, tmp_path, lang):
    """On Gitea (publish_mode simple: Decap's gitea backend has no editorial workflow) 立即发布 commits to
    the form's branch: `--backend gitea` with the default `--branch main` put every ledger straight into
    the records, with no pull request, no check and no reviewer — and neither the form nor cms-config
    said so (the list read 由管理员核对后合并到正式记录).  The list now says plainly that nobody reviews
    it and cms-admin / cms-config warn the administrator, naming the way round (a branch of its own,
    main protected); with such a branch the list says where the ledger goes and who merges it."""
    base = ("--records", str(records), "--today", "2026-10-01", "--backend", "gitea", "--repo", "xgb/ledger",
            "--app-id", "abc", "--api-root", "https://git.example.edu.cn/api/v1", "--lang", lang)
    for command in ("cms-config", "cms-admin"):
        out = ("--out", str(tmp_path / command)) if command == "cms-admin" else ()
        done = run(command, *base, *out)
        assert "--branch" in done.stderr and "main" in done.stderr, (command, done.stderr)
        assert ("不经审核" if lang == "zh" else "no review") in done.stderr, done.stderr
    config = yaml.safe_load(run("cms-config", *base).stdout)
    assert config["backend"]["branch"] == "main"
    for coll in config["collections"]:
        text = coll["description"]
        assert "直接提交到正式记录（main 分支）" in text and "不经本单位审核人审核" in text, text
    done = run("cms-config", *base, "--branch", "web-form")
    assert "--branch" not in done.stderr, done.stderr
    for coll in yaml.safe_load(done.stdout)["collections"]:
        text = coll["description"]
        assert "web-form 分支" in text and "审核人批准后" in text and "不经" not in text, text



def test_the_site_build_of_a_gitea_form_on_main_warns_too(capsys):
    """`make site CMS_ARGS="--backend gitea …"` reads the same options (admin_form.backend_from), with
    no --lang: the warning is said in Chinese and the form is built."""
    from generator.site import admin_form

    backend, ok = admin_form.backend_from("--backend gitea --repo xgb/ledger --api-root https://git.example.edu.cn/api/v1")
    assert ok and backend["name"] == "gitea" and backend["branch"] == "main"
    assert "不经审核人审核" in capsys.readouterr().err


@pytest.mark.parametrize("host", ["forgejo", "gitea"])
def test_the_site_build_of_a_self_hosted_forge_without_its_api_root_says_so_and_builds(host, capsys):
    """`make site CMS_ARGS="--backend forgejo --repo … --app-id …"` without --api-root stopped the site
    build with AttributeError: 'Namespace' object has no attribute 'lang' — the note on the missing
    --api-root read the option cms-config has and the site build's options (admin_form.backend_from) have
    not.  The note is said in Chinese and the form is built."""
    from generator.site import admin_form

    backend, ok = admin_form.backend_from(f"--backend {host} --repo xgb/ledger --app-id abc --branch web-form")
    assert ok and backend["name"] == host and "api_root" not in backend
    assert "需要 --api-root" in capsys.readouterr().err

def test_the_pages_check_of_a_number_in_groups_finds_what_the_privacy_check_finds():
    """The admin page reads a student number written in groups (INDEX_HTML: grouped) as privacy.py's
    Scanner._grouped does, for the policy's patterns of digits, [0-9], {n} and {m,n}: over the cases,
    the clean texts and random texts of digit groups, separators, dates, times, letters and full-width
    forms, node finds the first number privacy.py finds, masked alike, and nothing where it finds none."""
    import json
    import random
    import shutil

    from generator import privacy

    html = cms.index_html()
    block = html[html.index("      var STUDENT = "):html.index("      function listed(found, id) {")]
    assert json.dumps(privacy.grouping_rules()) in block and privacy.grouping_rules()["run"] == privacy._GROUP_RUN.pattern  # (privacy.py's own)
    pieces = ["2026", "1234", "56", "123", "456", "09", "15", "2025", "2027", "12", "1", "9", "31", " ", " ", "-", "-",
              "－", "\u3000", "\u00a0", "：", ":", ".", "/", "A", "ｂ", "２０２６", "１２", "学生", "19:30", "同学", "  "]
    rnd = random.Random(11)
    texts = [ln for ln in (Path(__file__).parent / "fixtures" / "clean_texts.txt").read_text(encoding="utf-8").splitlines()]
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(2, 14))) for _ in range(20000)]
    texts += ["学生2026 1234 56反映", "一名学生（2026-123456）申请", "与2026 123 456同学谈心", "2026－1234－56同学"]
    texts += ["腾讯会议 2026 123 456，晚上八点", "会议号：2026-123-456", "房间号 2026 123 456", "會議號 2026 123 456",
              "会议结束后2026-123-456同学留下", "直播间ID 2026 123 456"]
    texts += ["".join(rnd.choice(pieces + ["会议", "会议号", "房间号：", "会议是"]) for _ in range(rnd.randint(2, 10)))
              for _ in range(5000)]
    for patterns in (["20[0-9]{8}"], ["20[0-9]{8,10}", "[0-9]{6}"], ["1[0-9]{3}56"], ["20\\d{8}|19[0-9]{8}"],
                     ["(?:20|19)[0-2]\\d{7}(?:[0-9]{2})?"]):
        assert all(cms.SIMPLE_STUDENT.fullmatch(p) for p in patterns)
        js = f"var RULES = {json.dumps({'student': patterns})};\n{block}\n" \
             "const fs = require('fs'); const ts = JSON.parse(fs.readFileSync(0, 'utf8'));" \
             "console.log(JSON.stringify(ts.map(grouped)));"
        done = subprocess.run([shutil.which("node") or "node", "-e", js], input=json.dumps(texts), capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        scanner = privacy.Scanner(patterns)
        for text, found in zip(texts, json.loads(done.stdout)):
            norm = privacy._normal(text)
            spans = scanner._grouped(norm)
            expected = privacy.mask("student_number", norm[spans[0][1]:spans[0][2]]) if spans else ""
            assert found == expected, (patterns, text)
    # (a letter, a flag, Python's possessive *+, an unclosed group: left to validate)
    for pattern in ("S[0-9]{7}", "(?i)20[0-9]{8}", "20[0-9]*+", "(?:20[0-9]{8}", "20[0-9]{,8}", "(?P<y>20)[0-9]{8}"):
        assert not cms.SIMPLE_STUDENT.fullmatch(pattern) or isinstance(privacy.student_regex(pattern), tuple), pattern
    rs_patterns = ["20\\d{8}|19[0-9]{8}", "20[0-9]*+", "(?:20[0-9]{8}"]
    assert [p for p in rs_patterns if cms.simple_student(p)] == ["20\\d{8}|19[0-9]{8}"]


def test_the_form_agrees_with_the_privacy_check_on_the_later_surname_forms(config, records):
    """Each form the privacy check learnt since (lists without a joiner, 两姓, a count and no student word,
    nicknames, initials and acronyms): the form's JavaScript refuses exactly what Python finds."""
    import test_privacy as tp

    from generator import privacy
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    found = [s for s, _ in tp.SURNAME_LISTS_FOUND + tp.NICKNAMES_FOUND + tp.COMPOUND_LISTS + tp.KINDS_OF_STUDENT_FOUND] \
        + tp.INITIALS_FOUND + tp.COMPOUND_FOUND
    clean = tp.SURNAME_LISTS_CLEAN + tp.INITIALS_CLEAN + tp.NICKNAMES_CLEAN + tp.COMPOUND_CLEAN + tp.KINDS_OF_STUDENT_CLEAN
    in_js = _javascript_fullmatch(pattern, found + clean)
    for text, accepted in zip(found + clean, in_js):
        assert accepted == (not privacy.scan_text(text, rs)), (text, accepted)
    assert in_js == [False] * len(found) + [True] * len(clean)


def test_the_forms_changes_to_a_text_are_built_from_the_characters_module():
    """The admin page's CHANGES (what the form changes in a pasted text before its YAML writer sees
    it) was a hand copy of the loader's classes, and they differed: U+FFFE, which the loader refuses
    (E-LOAD-011), and a zero-width space or a text-direction mark, which the import drops as Excel
    shows none, were kept.  It is now built from generator/chars.py: node, running the page's own
    table, writes every line break of chars.BREAKS as a line break and drops every character of
    chars.DROPPED, and what is left has nothing the loader refuses."""
    import json
    import shutil

    from generator import chars, load

    html = cms.index_html()
    line = html[html.index("var CHANGES = "):html.index("function plain(")]
    texts = [f"学业{c}规划" for c in sorted({**chars.CONTROL, **chars.INVISIBLE, **chars.LINE_BREAKS, "\t": 0})]
    js = f"{line}\nconst ts = JSON.parse(require('fs').readFileSync(0, 'utf8'));" \
         "console.log(JSON.stringify(ts.map(function (v) { CHANGES.forEach(function (c) { v = v.replace(c[0], c[1]); }); return v; })));"
    done = subprocess.run([shutil.which("node") or "node", "-e", js], input=json.dumps(texts), capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    for text, out in zip(texts, json.loads(done.stdout)):
        c = text[2]
        want = "学业 规划" if c == "\t" else "学业\n规划" if c in chars.BREAKS else "学业规划"
        assert out == want and not load.UNALLOWED_CHAR.search(out), (ascii(text), ascii(out))


def test_the_form_and_the_privacy_check_agree_on_how_a_student_is_called(config, records):
    """The form's pattern carries privacy.CALLED_RX: in JavaScript it refuses what Python finds, and
    accepts what Python lets through, for the readings added since (test_privacy's lists)."""
    from generator import privacy
    from generator.pipeline import validate_records
    from tests import test_privacy as tp

    rs, _ = validate_records(records)
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    found, clean = tp.FORM_FOUND, tp.FORM_CLEAN
    in_js = _javascript_fullmatch(pattern, found + clean)
    for text, accepted in zip(found + clean, in_js):
        assert accepted == (not privacy.scan_text(text, rs)), (text, accepted)
    assert in_js == [False] * len(found) + [True] * len(clean)


def test_the_web_form_guide_names_every_way_of_calling_a_student_that_the_form_refuses(config, records):
    """site/guide/web-form.md's list of what the form refuses named only 张同学, 李某 and ZS同学: a cadre who
    wrote 与小张谈心, 欧阳同学 or 李家长反映 learnt only from the refusal that a nickname, a compound surname or
    a parent's surname counts. Each example the guide quotes there is refused by the form and found by
    `validate`, and among them are a nickname, a compound surname, a parent and a list of surnames."""
    import re

    from generator import privacy
    from generator.pipeline import validate_records

    guide = (Path(__file__).resolve().parent.parent / "site" / "guide" / "web-form.md").read_text(encoding="utf-8")
    said = guide[guide.index("文字中有学号"):]
    said = said[:said.index("；选了不是")]
    examples = [e for e in re.findall("“([^”]+)”", said) if not re.fullmatch("[0-9 ]+", e)]
    rs, _ = validate_records(records)
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    assert not any(_javascript_fullmatch(pattern, examples)), examples
    assert all(privacy.scan_text(e, rs) for e in examples), examples
    assert any(re.search("小[张李王刘陈]", e) for e in examples), examples  # a nickname
    assert any(c in e for e in examples for c in privacy._COMPOUNDS), examples  # a compound surname
    assert any(re.search(privacy._PARENT, e) for e in examples), examples  # a parent
    assert any("、" in e for e in examples), examples  # a list


def test_the_form_refuses_exam_passport_id_part_and_roll_numbers_as_validate(config, records):
    """考生号/准考证号/护照号, 身份证后四位 and a class roll number (班级序号12号同学) were let through by validate and
    the form; both now refuse them, with the same expressions (test_privacy's lists)."""
    from generator import privacy
    from generator.pipeline import validate_records
    from tests import test_privacy as tp

    rs, _ = validate_records(records)
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    found = [t for t, _kind in tp.OTHER_NUMBERS_FOUND]
    clean = [t for t in tp.OTHER_NUMBERS_CLEAN if len(t) >= 5]  # (5 characters or more: the field's least)
    assert all(privacy.scan_text(t, rs) for t in found) and not any(privacy.scan_text(t, rs) for t in clean)
    assert _javascript_fullmatch(pattern, found + clean) == [False] * len(found) + [True] * len(clean)


def test_the_forms_note_names_the_numbers_and_rooms_it_refuses(config):
    """The form refuses 考生号/准考证号/护照号 and a bed (4cf4893, 43a3562), but its note, shown under each text field and
    in the refusal, named only 学号、手机号、身份证号、邮箱、QQ 号、银行卡号或宿舍房间号: a cadre told 不能写 … learnt of
    the others only from being refused. The note names them; the pseudonym, the way to write one student's story, too."""
    note = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][1]
    for word in ("学号", "身份证号", "考生号", "准考证号", "护照号", "宿舍房间号", "床位", "化名", "家庭住址"):
        assert word in note, word
    # (nor did it name the landlines and WeChat accounts it refuses — 宿舍座机024-83687123, 学生微信：zhang_san99 — since
    # 06530d7 and 1afb4f1: a cadre who wrote an office's number or a WeChat id learnt of them only from being refused)
    for word in ("手机号", "固定电话", "QQ 号", "微信号"):
        assert word in note, word


def test_the_form_refuses_every_dormitory_room_the_privacy_check_finds(config, records):
    """The form knew two ways of writing a room (5舍312, 寝室312) while validate reads eight (privacy._DORMS):
    3号楼5层502, 3号楼的502室, 502寝, 3-512室 and 312寝室 were saved by the form and then refused in the pull
    request.  The form's detectors are now privacy's own expressions: in JavaScript it refuses each room
    Python finds and accepts each text Python lets through (test_privacy's lists of rooms)."""
    from generator import privacy
    from generator.pipeline import validate_records
    from tests import test_privacy as tp

    rs, _ = validate_records(records)
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    found = [*tp.ROOMS_FOUND, "走访3-512室", "312寝室的同学反映", "五舍312室", "南湖5舍312", "浑南12号楼305室",
             "住在5舍312", "宿舍是 12-305", "3号楼2单元502"]
    clean = [*tp.ROOMS_CLEAN, "走访南湖5舍", "走访浑南12号楼", "走访5舍的同学", "5舍312名学生", "12号楼3层会议室", "2026级新生"]  # (5 characters or more: the field's least)
    assert all(privacy.scan_text(t, rs) for t in found) and not any(privacy.scan_text(t, rs) for t in clean)
    assert _javascript_fullmatch(pattern, found + clean) == [False] * len(found) + [True] * len(clean)


def _the_form_accepts(config, rs, texts: list[str]) -> list[bool]:
    """Whether the form saves each text as an activity's summary, in node: its field's pattern (Decap: `new
    RegExp(pattern).test(value)`) accepts the text as typed, and the page's own check before saving (INDEX_HTML:
    plain, which reads the text narrowed as `validate` does, and numbers in groups) says nothing of it."""
    import json
    import shutil

    html = cms.index_html()
    block = html[html.index("      var LABELS = "):html.index("      function listed(")]
    pattern = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    js = (f"var RULES = {json.dumps(cms.form_rules(rs, [rs.period('2026-H2')]))};\n{block}\n"
          f"const rx = new RegExp({json.dumps(pattern)}); const ts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "console.log(JSON.stringify(ts.map(function (t) { var n = []; plain(t, '', '摘要', [], n); return rx.test(t) && !n.length; })));")
    with tempfile.NamedTemporaryFile("w", suffix=".js", encoding="utf-8") as script:  # (too long for node -e)
        script.write(js)
        script.flush()
        done = subprocess.run([shutil.which("node") or "node", script.name], input=json.dumps(texts), capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _the_form_and_validate_agree(config, records, found: list[str], clean: list[str]):
    """The form refuses each text of `found` and saves each of `clean` (and the clean texts of tests/fixtures): the
    same answer as privacy.scan_text, which finds something in each of `found` and nothing in the others."""
    from generator import privacy
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    lines = (Path(__file__).parent / "fixtures" / "clean_texts.txt").read_text(encoding="utf-8").splitlines()
    clean = clean + [ln for ln in lines if len(ln) >= 5 and not ln.startswith("#")]  # (5 characters: the field's least)
    assert all(privacy.scan_text(t, rs) for t in found) and not any(privacy.scan_text(t, rs) for t in clean)
    accepted = _the_form_accepts(config, rs, found + clean)
    assert [t for t, ok in zip(found, accepted) if ok] == [], "the form saves what validate refuses"
    assert [t for t, ok in zip(clean, accepted[len(found):]) if not ok] == [], "the form refuses what validate saves"


def test_the_form_refuses_every_home_address_the_privacy_check_finds(config, records):
    """A home address's house number (家住XX小区3栋2单元501, 家住XX小区12-3-501) is refused by validate (kind address); the form
    refuses the same texts with the same expression (privacy.ADDRESS_RX) and saves a district, a street's number or a count."""
    from tests import test_privacy as tp

    _the_form_and_validate_agree(config, records, [s for s, _ in tp.ADDRESSES_FOUND], tp.ADDRESSES_CLEAN)


def test_the_form_refuses_every_mobile_the_privacy_check_finds(config, records):
    """家长电话138.1234.5678 (dots between the groups, as on a business card) was found by validate and saved by the
    form, whose mobile was its own copy of privacy's; the form's is now privacy.MOBILE_RX (test_privacy's mobiles)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "mobile"] + tp.MOBILES_BRACKETED + tp.MOBILES_GROUPED + tp.MOBILES_MORE
    _the_form_and_validate_agree(config, records, found, tp.PHONES_CLEAN)


def test_the_form_refuses_every_landline_the_privacy_check_finds(config, records):
    """宿舍座机024-83687123, 家里电话(0411)8470 1234 and 办公电话 8368 7123 were refused by validate (a landline, with its
    area code or after a phone word) and saved by the form, which knew only mobiles; the form now reads them with
    privacy's expressions (privacy.LANDLINE_RX, PHONE_WORD_RX; test_privacy's landlines)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "landline"] + tp.LANDLINES_MORE
    _the_form_and_validate_agree(config, records, found, tp.PHONES_CLEAN)


def test_the_form_refuses_every_email_the_privacy_check_finds(config, records):
    """学生邮箱zhangsan(at)163.com and 邮箱 abc @163.com were refused by validate ((at), [at], （at） for @, a space around
    it) and saved by the form, whose e-mail was its own copy of privacy's; the form's is now privacy.EMAIL_RX
    (test_privacy's e-mails)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "email"] + tp.EMAILS_MORE
    _the_form_and_validate_agree(config, records, found, tp.EMAILS_CLEAN)


def test_the_form_refuses_every_id_number_the_privacy_check_finds_and_no_other(config, records):
    """An ID number: validate reads 身份证 2101 0220 0001 0112 34 (in groups, after its word), 110105 1949 1231 002X (in
    groups, its check digit right) and 老身份证210102900101123 (15 digits), which the form saved; and the form refused
    any 18 digits of an ID's shape, 编号110105194912310021 (its check digit wrong: an order's or a payment's number), which
    validate lets through.  The form now reads them as validate does: privacy.ID_WORD_RX in the field's pattern (any
    check digit after 身份证/证件号), and the page's own check before saving the digits alone, privacy's expressions
    (ID18_RX, ID15_RX), its check digit and real dates (test_privacy's ID numbers)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "id_card"] + tp.IDS_MORE
    _the_form_and_validate_agree(config, records, found, tp.IDS_CLEAN)


def test_the_form_refuses_every_qq_number_the_privacy_check_finds(config, records):
    """扣扣123456789, QQ是123456789, 企鹅号：123456789, QQ/微信：123456789 and qq账号123456789 were refused by validate and saved
    by the form, whose QQ was its own (QQ or qq, 号, a colon), which also refused QQQ12345678, which validate lets through;
    the form's is now privacy.QQ_RX (test_privacy's QQ numbers)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "qq"] + tp.QQS_MORE
    _the_form_and_validate_agree(config, records, found, tp.QQS_CLEAN)


def test_the_form_refuses_every_wechat_account_the_privacy_check_finds(config, records):
    """学生微信：zhang_san99, vx abc12345 and 微信号wxid_k2j3h4g5 were refused by validate and saved by the form, which
    read no WeChat account; the form now reads them with privacy's own expressions (privacy.WECHAT_RX, WXID_RX; its
    English words after WeChat in any case without (?i:), which node does not read; test_privacy's WeChat accounts)."""
    from tests import test_privacy as tp

    found = [c[2] for c in tp.CASES if c[0] == "wechat"] + tp.WECHATS_MORE
    _the_form_and_validate_agree(config, records, found, tp.WECHATS_CLEAN)


def test_the_form_refuses_every_student_number_and_bank_card_after_its_word_as_the_privacy_check(config, records):
    """学号：⏎20210123 and 银行卡号：⏎6222… (the number on the next line of a text) were refused by validate and saved by the
    form, whose student-number and bank-card expressions after their words were its own (cms.PRIVATE_RX, a space of
    chars.SPACES but no line break); the form's are now privacy's own (privacy.STUDENT_WORD_RX, BANK_WORD_RX)."""
    from generator import privacy
    from tests import test_privacy as tp

    assert not hasattr(cms, "PRIVATE_RX")
    from generator.pipeline import validate_records

    rs, _ = validate_records(records)
    detectors = cms.FormContext(rs, None).private_detectors()
    assert privacy.STUDENT_WORD_RX in detectors and cms.not_in_a_hash(privacy.BANK_WORD_RX, 1) in detectors
    found = [c[2] for c in tp.CASES if c[0] in ("student_number", "bank_card")] + tp.STUDENT_WORDS_MORE + tp.BANKS_MORE
    _the_form_and_validate_agree(config, records, found, tp.NUMBERS_AFTER_WORDS_CLEAN)


def test_the_form_saves_digits_inside_a_long_hash_token_as_the_privacy_check_does(config, records):
    """A commit hash or a file's checksum pasted into a note (提交 3f2a9c8e1b13812345678d4e5f6a7b8c9d0e1f2a 已合并) was let
    through by validate — digits inside a token of 24 letters and digits or more are no number (privacy.Scanner._resolve)
    — and refused by the form, whose expressions (and its check of an ID number before saving) found a mobile, a
    landline, a QQ number or an ID number in it: a cadre could not save at all.  The form now reads them as validate
    does (test_privacy's HASHES_CLEAN saved, HASHES_FOUND refused)."""
    from tests import test_privacy as tp

    _the_form_and_validate_agree(config, records, tp.HASHES_FOUND, tp.HASHES_CLEAN)


def test_the_form_refuses_a_number_after_its_word_in_traditional_characters_as_validate(config, records):
    """學號20210123, 身份證後四位1234, 準考證號：202612345, 銀行卡號6222… (typed in traditional characters, as 張同學 is) were
    let through by validate and the form alike; both now refuse them, with the same expressions (test_privacy's lists)."""
    from tests import test_privacy as tp

    _the_form_and_validate_agree(config, records, [t for t, _ in tp.TRADITIONAL_NUMBERS], tp.TRADITIONAL_NUMBERS_CLEAN)


def test_the_form_reads_the_university_s_teaching_buildings_as_validate(config, records, tmp_path):
    """The form's pattern refused 明德楼302室同学反映 (a class in a classroom) whatever the university's buildings, with the
    built-in teaching buildings' names; it reads policy.yaml privacy.teaching_buildings as validate does: listed, 明德楼's room
    beside 同学 is saved and 逸夫楼's (not listed) refused; not listed, the built-in names' (逸夫楼) saved and 明德楼's refused."""
    from generator import privacy
    from generator.pipeline import validate_records

    texts = ["明德楼302室同学反映自习座位不足", "逸夫楼302室同学反映仪器老化", "丁香楼302室同学反映宿舍漏水"]
    default = field_paths(config["collections"][0]["fields"])[("activities", "summary")]["pattern"][0]
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace("privacy:\n", "privacy:\n  teaching_buildings: [明德楼, 博学楼]\n"),
                      encoding="utf-8")
    out = tmp_path / "own" / "config.yml"
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01", "--out", str(out))
    assert done.returncode == 0, done.stderr
    own = field_paths(yaml.safe_load(out.read_text(encoding="utf-8"))["collections"][0]["fields"])[("activities", "summary")]
    rs, _ = validate_records(records)
    assert [not privacy.scan_text(t, rs) for t in texts] == [True, False, False]
    assert _javascript_fullmatch(own["pattern"][0], texts) == [True, False, False]
    assert _javascript_fullmatch(default, texts) == [False, True, False]


def test_the_form_refuses_a_placeholder_left_in_a_field_with_validates_words(tmp_path):
    """待填写 or … left in a field (a hint's line, the sentence's stop copied with it) saved from the form, then the pull
    request's `validate` refused it (E-SCHEMA-011).  The page's own check before saving (INDEX_HTML: plain, in node)
    now refuses what `validate` refuses, in its words, and saves what it takes (a text that only holds the words).
    The form showed …。 as typed where `validate` shows … (the stop copied after it is no part of the placeholder):
    its words are now validate's message, the same value shown."""
    import json
    import shutil

    from generator.messages import MESSAGES
    from generator.pipeline import validate_records

    texts = ["待填写", "…", "…。", "待填写，", "待填写.", "待填写的事项已办完", "……", "与学生座谈交流…"]
    records = tmp_path / "records"
    shutil.copytree(Path(__file__).parent / "fixtures" / "minimal", records)
    ledger = records / "ledgers/2026-H1/li-na.yaml"
    shipped = ledger.read_text(encoding="utf-8")
    refused = []
    for text in texts:
        ledger.write_text(shipped.replace("    summary: 参加机器人协会的比赛备赛活动。", f"    summary: {text}"), encoding="utf-8")
        _rs, found = validate_records(records)
        refused.append([f.message_zh for f in found if f.code == "E-SCHEMA-011"])
    assert [bool(r) for r in refused] == [True] * 5 + [False] * 3, refused  # (validate: the real check)
    html = cms.index_html()
    block = html[html.index("      var LABELS = "):html.index("      function listed(")]
    js = (f"var RULES = {json.dumps(cms.form_rules(None, []))};\n{block}\n"
          "const ts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
          "console.log(JSON.stringify(ts.map(function (t) { var n = []; plain(t, '', '“活动情况”', [], n); return n; })));")
    with tempfile.NamedTemporaryFile("w", suffix=".js", encoding="utf-8") as script:
        script.write(js)
        script.flush()
        done = subprocess.run([shutil.which("node") or "node", script.name], input=json.dumps(texts), capture_output=True,
                              text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert "{placeholder}" in MESSAGES["E-SCHEMA-011"]["zh"]
    for text, form, check in zip(texts, said, refused):
        assert bool(form) == bool(check), (text, form, check)
        # the value shown as `validate` shows it (…。 as …, 待填写， as 待填写: the stop copied after it is no part of it)
        assert all(x.startswith(check[0] + "：") for x in form), (text, form, check)


def test_a_problems_nature_is_chosen_from_the_policys_natures_and_not_asked_without_them(config, records):
    """R10's 重大问题、共性问题: the form's feedback item has 问题性质, a list of the policy's feedback_natures, saying
    what it is for; a policy without that list (it is optional) asks nothing: no list with nothing to choose."""
    fields = field_paths(config["collections"][0]["fields"])
    assert fields[("feedback", "nature")]["widget"] == "hidden" and "options" not in fields[("feedback", "nature")]
    policy = records / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8").replace(
        "  escalation_targets:", "  feedback_natures: [重大, 共性]\n  escalation_targets:"), encoding="utf-8")
    done = run("cms-config", "--records", str(records), "--today", "2026-10-01")
    assert done.returncode == 0, done.stderr
    nature = field_paths(yaml.safe_load(done.stdout)["collections"][0]["fields"])[("feedback", "nature")]
    assert (nature["label"], nature["widget"], nature["options"], nature["required"]) == ("问题性质", "select", ["重大", "共性"], False)
    assert nature["hint"].startswith("重大 或 共性；") and "学院党委" in nature["hint"], nature["hint"]


def test_a_word_retired_after_the_period_began_is_still_offered_for_that_period(records):
    # 社团活动 in the forms until 2026-12-31 (vocabularies.earlier): the form of 2026-H2 offers it, after the
    # current words, as validate accepts it for that half-year; retired by 2026-06-30, it is offered no more
    policy = records / "policy.yaml"
    text = policy.read_text(encoding="utf-8").replace("座谈交流, 社团活动]", "座谈交流]")

    def forms(until: str) -> list:
        policy.write_text(text.replace("  places:", f"  earlier:\n    - until: {until}\n      forms: [主题班会, "
                                                   "个体谈话, 座谈交流, 社团活动]\n  places:", 1), encoding="utf-8")
        done = run("cms-config", "--records", str(records), "--today", "2026-10-01")
        assert done.returncode == 0, done.stderr
        return field_paths(yaml.safe_load(done.stdout)["collections"][0]["fields"])[("activities", "form")]["options"]

    assert forms("2026-12-31") == ["主题班会", "个体谈话", "座谈交流", "社团活动"]
    assert forms("2026-06-30") == ["主题班会", "个体谈话", "座谈交流"]
