"""Archived periods and amendments (R8) on the site: an archived 2025-H2 and one amendment of
an archived ledger, in a temporary Git repository of the fixture records, built with a real
`mkdocs build --strict`."""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from pathlib import Path

import pytest

from generator.archive import git_blob_id
from generator.pipeline import validate_records
from generator.site import build_site
from site_build import FIXTURE_TODAY, fixture_repo, ledger_section, mkdocs_build

PERIOD = "2025-H2"


def _archive(records: Path) -> None:
    """records/archive/2025-H2.yaml as `generator archive` writes it, and one amendment."""
    entries = []
    for cadre, status, landed in (("chen-gang", "late", "2026-01-06 09:00"), ("zhang-wei", "on_time", "2025-12-28 16:00")):
        raw = (records / "ledgers" / PERIOD / f"{cadre}.yaml").read_bytes()
        entries.append(f"""  - cadre: {cadre}
    path: ledgers/{PERIOD}/{cadre}.yaml
    sha256: {hashlib.sha256(raw).hexdigest()}
    git_blob: {git_blob_id(raw)}
    landed: "{landed}"
    status: {status}
""")
    (records / "archive").mkdir()
    (records / "archive" / f"{PERIOD}.yaml").write_text(
        f"""period: {PERIOD}
name: 2025年下半年
archived_on: "2026-01-20"
due: "2025-12-31"
deadline: "2025-12-31"
ledgers:
{''.join(entries)}""", encoding="utf-8")
    (records / "amendments" / PERIOD).mkdir(parents=True)
    (records / "amendments" / PERIOD / "chen-gang.yaml").write_text(
        """reason: 活动日期录入错误，以学院座谈会签到表为准。
approved_by: wang-admin
date: "2026-02-10"
corrections:
  - field: activities[0].date
    original: "2025-10-08"
    corrected: "2025-10-09"
  - field: activities[0].students
    original: 25
    corrected: 28
""", encoding="utf-8")


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    base = tmp_path_factory.mktemp("archived")
    records = fixture_repo(base, _archive)
    return mkdocs_build(records, base, FIXTURE_TODAY)


def visible(path: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def test_fixture_is_a_valid_archived_period(archived):
    rs, findings = validate_records(archived.records)
    assert not [f for f in findings if f.code.startswith("E-")], findings


def test_amendment_shown_beside_the_original_ledger(archived):
    source = ledger_section((archived.public / "cadres" / "chen-gang.html").read_text(encoding="utf-8"), PERIOD)
    assert re.search(r'class="admonition warning"[^>]*>\s*<p class="admonition-title">更正记录</p>', source)
    text = html.unescape(re.sub(r"<[^>]+>", "", source))
    box = text[text.index("更正记录"):]
    for words in ("活动日期录入错误，以学院座谈会签到表为准。", "王管理", "2026-02-10", "联系学生活动 第1项 · 日期",
                  "activities[0].date", "2025-10-09", "activities[0].students", "28",
                  "records/amendments/2025-H2/chen-gang.yaml"):
        assert words in box, words
    assert "已备案（2026-01-20），有更正记录" in text
    # the original ledger is still shown as archived, and the box says so
    assert "2025-10-08" in text and "与计算机2401班同学座谈" in text
    assert "下方各节仍是备案时的原台账" in box
    # a ledger without an amendment has no box
    other = html.unescape(re.sub(r"<[^>]+>", "", ledger_section(
        (archived.public / "cadres" / "zhang-wei.html").read_text(encoding="utf-8"), PERIOD)))
    assert "更正记录" not in other and "已备案（2026-01-20）" in other


def test_an_amended_ledger_file_is_not_called_the_original(tmp_path):
    # the guide allows an amendment to change the ledger file itself (its sha256 in the
    # amendment): the sections below the box are then the corrected ledger, not "the original
    # ledger as archived", which the box says only of a ledger kept as archived
    def amended(records: Path) -> None:
        _archive(records)
        ledger = records / "ledgers" / PERIOD / "chen-gang.yaml"
        ledger.write_text(ledger.read_text(encoding="utf-8").replace('date: "2025-10-08"', 'date: "2025-10-09"', 1),
                          encoding="utf-8")
        amendment = records / "amendments" / PERIOD / "chen-gang.yaml"
        amendment.write_text(amendment.read_text(encoding="utf-8")
                             + f"sha256: {hashlib.sha256(ledger.read_bytes()).hexdigest()}\n", encoding="utf-8")

    built = mkdocs_build(fixture_repo(tmp_path, amended), tmp_path, FIXTURE_TODAY)
    text = visible_section(built.public / "cadres" / "chen-gang.html")
    box = text[text.index("更正记录"):text.index("联系学生活动（")]
    assert "备案时的原台账" not in box.split("更正原因")[0], box
    assert "下方各节是更正后的台账" in box and "records/archive/2025-H2/" in box, box
    assert "2025-10-09" in text[text.index("联系学生活动（"):]


def visible_section(page: Path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", ledger_section(page.read_text(encoding="utf-8"), PERIOD)))


def test_period_pages_list_the_archive(archived):
    period = visible(archived.public / "ledgers" / f"{PERIOD}.html")
    assert "已备案" in period and "2026-01-20" in period and "records/archive/2025-H2.yaml" in period
    assert "有更正记录的台账：陈刚" in period and "已更正" in period
    rows = [html.unescape(re.sub(r"<[^>]+>|\s+", "", r)) for r in
            re.findall(r"<tr>.*?</tr>", (archived.public / "ledgers" / "index.html").read_text(encoding="utf-8"), re.S)]
    assert "已备案2026-01-20（更正1份）" in next(r for r in rows if "2025-H2" in r)
    assert "已备案" not in next(r for r in rows if "2026-H1" in r)


def test_amendment_text_passes_the_privacy_check(tmp_path):
    def leaky(records: Path):
        _archive(records)
        path = records / "amendments" / PERIOD / "chen-gang.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("以学院座谈会签到表为准。", "学生电话13812345678。"),
                        encoding="utf-8")
    result = build_site(fixture_repo(tmp_path, leaky), dt.date.fromisoformat(FIXTURE_TODAY))
    page = ledger_section(result.files["cadres/chen-gang.md"].decode(), PERIOD)
    assert "13812345678" not in page and "未通过隐私检查" in page and "更正记录" in page
    found = [f for f in result.findings if f.code == "W-SITE-001" and "amendments" in f.file]
    assert found and found[0].line == 1


# ---- an archived period changed afterwards (tests/gitrepo.py: archived_then_changed) ------------
LABEL = {"on_time": "按时", "missing": "未提交", "exempt": "豁免"}


def _label(entry: dict) -> str:
    return f"逾期 {entry['days_late']} 天" if entry["status"] == "late" else LABEL[entry["status"]]


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """2025-H2 archived on 2026-01-10, then its due date moved, an exemption added and a ledger
    withdrawn with an amendment; the site built on 2026-03-20."""
    import yaml

    from tests.gitrepo import archived_then_changed

    base = tmp_path_factory.mktemp("changed")
    repo = archived_then_changed(base / "repo")
    man = yaml.safe_load((repo / "records/archive/2025-H2.yaml").read_text(encoding="utf-8"))
    return mkdocs_build(repo / "records", base, "2026-03-20"), {e["cadre"]: e for e in man["ledgers"]}, man


def _rows(path: Path) -> dict:
    """{first link's text: the row's cells as seen} of a page's tables."""
    out = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", path.read_text(encoding="utf-8"), re.S):
        cells = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", c)).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)]
        if cells:
            out.setdefault(cells[0], cells)
    return out


def test_archived_period_pages_show_the_manifest_not_todays_judgement(changed):
    built, entries, man = changed
    names = {"zhang-wei": "张伟", "li-na": "李娜", "wang-fang": "王芳"}
    # the manifest holds the three statuses the later changes would each turn into another one
    assert {c: e["status"] for c, e in entries.items()} == {"zhang-wei": "on_time", "li-na": "late",
                                                             "wang-fang": "missing"}
    page = built.public / "ledgers" / f"{PERIOD}.html"
    rows = {r[1]: r for r in _rows(page).values() if len(r) > 5}
    for cadre, e in entries.items():
        assert rows[names[cadre]][5] == _label(e), cadre  # (填报状态 and 提交日期, after 联系点)
        assert rows[names[cadre]][6] == (e.get("landed") or ""), cadre
    text = visible(page)
    assert f"截止日期 {man['due']}。应填报 3 人，已提交 2 份" in text
    assert "下表的应填报干部、填报状态和提交日期取自备案清单" in text and "2026-01-10" in text
    for cadre, e in entries.items():  # each cadre's page: the period's row, marked archived
        row = _rows(built.public / "cadres" / f"{cadre}.html")[f"{PERIOD}（已备案）"]
        assert row[1] == _label(e), cadre
    summary = visible(built.public / "summary" / f"{PERIOD}.html")
    assert "已提交 2 份" in summary and "填报状态取自备案清单" in summary
    assert "已于 2026-01-10 备案，填报情况取自备案清单" in visible(built.public / "index.html")
    # (on 2026-03-20 nothing of 2026 is due nor recorded yet: 2025 is the page's year, not a page of zeros for 2026)
    evaluation = built.public / "evaluation.html"
    assert "2025 年度" in visible(evaluation) and not (built.public / "evaluation" / "2026.html").exists()
    assert f"已备案的期间（{PERIOD}）按备案清单计按时台账" in visible(evaluation)
    for cadre, e in entries.items():
        said = {"on_time": "1/1", "late": "0/1（逾期 1 份）", "missing": "0/1（未提交 1 份）"}[e["status"]]
        if (built.records / "amendments" / PERIOD / f"{cadre}.yaml").exists():  # (李娜's, withdrawn: 已更正 on 附件2)
            said = said.removesuffix("）") + "；已更正 1 份）"
        assert _rows(evaluation)[names[cadre]][4] == said, cadre


def test_archived_period_downloads_show_the_manifest(changed):
    import csv

    import openpyxl

    built, entries, _ = changed
    names = {e["name"]: e for e in entries.values()}
    with open(built.public / "downloads" / f"attachment2-{PERIOD}.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {r["姓名"]: (r["填报状态"], r["提交日期"]) for r in rows} == \
        {n: (_label(e), e.get("landed") or "") for n, e in names.items()}
    about = openpyxl.load_workbook(built.public / "downloads" / f"attachment2-{PERIOD}.xlsx")["说明"]
    assert "2026-01-10 备案，填报状态取自备案清单" in about["B1"].value


def test_archived_attachment2_keeps_the_unit_the_manifest_froze(tmp_path):
    # 李娜 moves to 计算机学院 after the archive without an `earlier` post: 附件2 of the archived
    # period still lists her in 机械学院, as its manifest and the Excel archived with it do
    import csv
    import io

    import yaml

    from tests.gitrepo import archived_then_changed, commit

    repo = archived_then_changed(tmp_path / "repo")
    man = yaml.safe_load((repo / "records/archive" / f"{PERIOD}.yaml").read_text(encoding="utf-8"))
    assert {e["cadre"]: e["unit"] for e in man["ledgers"]}["li-na"] == "me"
    cadre = repo / "records/cadres/li-na.yaml"
    cadre.write_text(cadre.read_text(encoding="utf-8").replace("unit: me", "unit: cs"), encoding="utf-8")
    commit(repo, "2026-03-05 10:00", "李娜调到计算机学院")
    files = build_site(repo / "records", dt.date(2026, 3, 20)).files
    archived = {r["姓名"]: r["单位"] for r in csv.DictReader(io.StringIO(
        (repo / "records/archive" / PERIOD / f"attachment2-{PERIOD}.csv").read_text(encoding="utf-8-sig")))}
    now = {r["姓名"]: r["单位"] for r in csv.DictReader(io.StringIO(
        files[f"downloads/attachment2-{PERIOD}.csv"].decode("utf-8-sig")))}
    assert archived["李娜"] == "机械学院" and now == archived
    page = files[f"ledgers/{PERIOD}.md"].decode("utf-8")
    row = next(line for line in page.splitlines() if "李娜" in line and line.startswith("|"))
    assert "机械学院" in row and "计算机学院" not in row


def test_archived_period_pages_read_the_manifest_when_the_checks_fail(tmp_path, monkeypatch):
    # the check stage fails during the build (a bug, a crash: W-SITE-002): the pages of other
    # periods only say whether a ledger file is there, but an archived period's filing status
    # needs no check — it is its manifest's, as when the checks run
    import csv
    import io

    import yaml

    import generator.check
    from tests.gitrepo import archived_then_changed

    repo = archived_then_changed(tmp_path / "repo")
    entries = {e["name"]: e for e in yaml.safe_load(
        (repo / "records/archive" / f"{PERIOD}.yaml").read_text(encoding="utf-8"))["ledgers"]}

    def failing(*args, **kwargs):
        raise RuntimeError("检查程序崩溃")

    monkeypatch.setattr(generator.check, "run_checks", failing)
    result = build_site(repo / "records", dt.date(2026, 3, 20))
    assert any(f.code == "W-SITE-002" for f in result.findings)
    with_file_only = "下表只显示是否已有台账文件"
    page = result.files[f"ledgers/{PERIOD}.md"].decode("utf-8")
    assert with_file_only not in page and "取自备案清单" in page
    rows = {r["姓名"]: (r["填报状态"], r["提交日期"]) for r in csv.DictReader(io.StringIO(
        result.files[f"downloads/attachment2-{PERIOD}.csv"].decode("utf-8-sig")))}
    assert rows == {n: (_label(e), e.get("landed") or "") for n, e in entries.items()}
    for name, e in entries.items():
        (row,) = [line for line in page.splitlines() if f"| {name}]" in line or f"[{name}]" in line]
        assert _label(e) in row, name
    assert "应填报 3 人，已提交 2 份" in page
    # a period not archived: no judgement without the checks
    assert with_file_only in result.files["ledgers/2026-H1.md"].decode("utf-8")


def test_evaluation_counts_archived_ledgers_from_the_manifest_when_the_checks_fail(tmp_path, monkeypatch):
    # the check stage fails during the build (W-SITE-002): 年度考核参考's 按时台账 of a year whose
    # periods are all archived is the manifests' (按时/应提交), as when the checks run; a year
    # with a period not archived has no count without the checks (—), nor has 达标学期
    import csv
    import io

    import generator.check
    from tests.gitrepo import archived_then_changed

    from tests.gitrepo import commit, ledger, write

    repo = archived_then_changed(tmp_path / "repo")
    # (a 2026 ledger handed in early: a year not all archived with something in it — a year with nothing due nor
    # recorded yet is not listed)
    write(repo, {"records/ledgers/2026-H1/zhang-wei.yaml": ledger("zhang-wei", "2026-H1", ["2026-03-05"])})
    commit(repo, "2026-03-10 10:00", "张伟的 2026-H1 台账")
    today = dt.date(2026, 3, 20)

    def evaluation(result) -> dict:
        rows = csv.DictReader(io.StringIO(result.files["downloads/evaluation.csv"].decode("utf-8-sig")))
        return {(r["年度"], r["姓名"]): (r["按时台账"], r["应交台账"]) for r in rows}

    def page_rows(result, page: str) -> dict:
        return {cells[0]: cells[2:5] for line in result.files[page].decode("utf-8").splitlines()
                if "cadres/" in line for cells in [[c.strip() for c in line.strip("|").split("|")]]}

    judged = build_site(repo / "records", today)
    assert not any(f.code == "W-SITE-002" for f in judged.findings)

    def failing(*args, **kwargs):
        raise RuntimeError("检查程序崩溃")

    monkeypatch.setattr(generator.check, "run_checks", failing)
    failed = build_site(repo / "records", today)
    assert any(f.code == "W-SITE-002" for f in failed.findings)
    archived_year = {k: v for k, v in evaluation(judged).items() if k[0] == "2025"}
    assert archived_year[("2025", "张伟")] == ("1", "1") and archived_year[("2025", "李娜")] == ("0", "1")
    assert {k: v for k, v in evaluation(failed).items() if k[0] == "2025"} == archived_year
    assert {k: v for k, v in evaluation(failed).items() if k[0] == "2026"} == {
        k: ("", "") for k in evaluation(judged) if k[0] == "2026"}
    # (2025 leads: nothing of 2026 due by 03-20, its early ledger on a page of its own)
    page = page_rows(failed, "evaluation.md")
    assert page["[张伟](cadres/zhang-wei.md)"] == ["1", "—", "1/1"]
    # (李娜's ledger counted in 2025 was amended after the archive — withdrawn, an administrator's amendment record: the
    # 组织部 rating her sees it beside the count, as 附件2 says 已更正, and the download has it as a number)
    assert page["[李娜](cadres/li-na.md)"][2] == "0/1（逾期 1 份；已更正 1 份）"
    assert page_rows(judged, "evaluation.md")["[李娜](cadres/li-na.md)"][2] == "0/1（逾期 1 份；已更正 1 份）"
    for result in (judged, failed):
        rows = csv.DictReader(io.StringIO(result.files["downloads/evaluation.csv"].decode("utf-8-sig")))
        assert {(r["年度"], r["姓名"]): r["已更正台账"] for r in rows if r["年度"] == "2025"} == {
            ("2025", "张伟"): "0", ("2025", "李娜"): "1", ("2025", "王芳"): "0"}
    assert all(cells[1:] == ["—", "—"] for cells in page_rows(failed, "evaluation/2026.md").values())


def test_who_must_file_is_the_same_when_the_checks_fail(tmp_path, monkeypatch):
    # the check stage fails during the build (W-SITE-002): a period not archived counted as 应填报
    # everyone assigned in it — 张伟, who left five days into 2026-H2, and 孙立, who held club-a nine
    # days of it (contacts.min_days_held: 14), among them — where the built site with the checks says
    # they owe nothing (SemesterContacts.owes); 附件2's 应填报 and its rows are now the same either way
    import csv
    import io

    import generator.check
    from tests.gitrepo import commit, handovers, init_repo, ledger, write

    repo = init_repo(tmp_path / "repo")
    files = handovers("2026-07-05", "2026-06-25", ("2026-07-01", "2026-07-09"), ("2026-07-10", "2026-07-19"))
    files["records/policy.yaml"] = files["records/policy.yaml"].replace(
        "  min_per_semester: 1\n", "  min_per_semester: 1\n  min_days_held: 14\n")
    write(repo, files)
    commit(repo, "2025-08-20 10:00", "初始化记录")
    write(repo, {
        "records/ledgers/2026-H2/chen-gang.yaml": ledger("chen-gang", "2026-H2", ["2026-07-08", "2026-10-10"]),
        "records/ledgers/2026-H2/sun-li.yaml": ledger("sun-li", "2026-H2", ["2026-07-05"], points=["club-a"])})
    commit(repo, "2026-12-20 10:00", "台账")
    today = dt.date(2027, 1, 15)

    def attachment2(result, period):
        page = result.files[f"ledgers/{period}.md"].decode("utf-8")
        rows = csv.DictReader(io.StringIO(result.files[f"downloads/attachment2-{period}.csv"].decode("utf-8-sig")))
        return re.search(r"应填报 \d+ 人", page).group(), sorted(r["姓名"] for r in rows)

    judged = build_site(repo / "records", today)
    assert not any(f.code == "W-SITE-002" for f in judged.findings)
    assert attachment2(judged, "2026-H2") == ("应填报 3 人", ["周敏", "孙立", "王芳", "陈刚"])

    def failing(*args, **kwargs):
        raise RuntimeError("检查程序崩溃")

    monkeypatch.setattr(generator.check, "run_checks", failing)
    failed = build_site(repo / "records", today)
    assert any(f.code == "W-SITE-002" for f in failed.findings)
    periods = sorted(k[8:-3] for k in judged.files if re.fullmatch(r"ledgers/\d{4}-H\d\.md", k))
    assert periods == ["2025-H2", "2026-H1", "2026-H2", "2027-H1"]
    for period in periods:
        assert attachment2(failed, period) == attachment2(judged, period), period
    page = failed.files["ledgers/2026-H2.md"].decode("utf-8")
    (sun_li,) = [line for line in page.splitlines() if "孙立" in line and line.startswith("|")]
    assert "本期无需提交" in sun_li


def test_the_ledgers_index_names_the_amendment_records_where_they_are(tmp_path, monkeypatch):
    # The records folder is data/: the period page named its manifest data/archive/2025-H2.yaml, but
    # the ledgers' index said the manifests are in records/archive/<期间>.yaml and the corrections
    # in records/amendments/<期间>/<干部编号>.yaml, a folder the repository does not have
    import shutil

    from tests.gitrepo import archived_then_changed

    repo = archived_then_changed(tmp_path / "repo")
    shutil.copytree(repo / "records", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    files = build_site(Path("data"), dt.date(2026, 3, 20)).files
    index = files["ledgers/index.md"].decode("utf-8")
    assert f"`data/archive/{PERIOD}.yaml`" in index and f"`data/amendments/{PERIOD}/<干部编号>.yaml`" in index, index
    assert "records/" not in index, index
    period = files[f"ledgers/{PERIOD}.md"].decode("utf-8")
    assert f"data/amendments/{PERIOD}/<干部编号>.yaml" in period, period
